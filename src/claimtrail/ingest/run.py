"""`ingest`: sources in, store out. The library function behind `claimtrail ingest`.

Reading and writing happen in the calling process (the single writer); NLP runs there too, or with
`workers > 1` in a pool of worker processes that each load the spaCy pipeline once. Decisions:

- every input gets a key, the hash of its source and content; inputs whose key the store already holds
  are skipped before any NLP, so a rerun after a crash only does the unfinished work, and a changed file
  is read again (its new article is a new version, linked to the old one by URL);
- results are written in input order, one transaction per batch (`batch_size` articles): a crash loses
  at most the batch in flight, which the next run redoes;
- at most `2 * workers` batches are in flight (`in_flight`), so a large WARC is never read far ahead of
  the NLP and finished batches never pile up waiting for the writer.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from claimtrail.ingest.sources import Format, ReadStats, detect_format, iter_source_articles
from claimtrail.models import ArticleRecord, Failure, RawArticle
from claimtrail.nlp.load import DEFAULT_MODEL
from claimtrail.store import Outcome, SQLStore
from claimtrail.store._rows import failure_id

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

__all__ = ["IngestProgress", "count_articles", "in_flight", "ingest", "input_key"]

BATCH_SIZE = 32
Result = ArticleRecord | Failure
T = TypeVar("T")
H = TypeVar("H")


@dataclass
class IngestProgress:
    """Running totals; the final value is the summary."""

    read: int = 0
    new_articles: int = 0
    known_articles: int = 0
    already_done: int = 0
    failed_earlier: int = 0
    failures: int = 0
    linked_copies: int = 0
    failure_codes: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    total: int | None = None

    @property
    def done(self) -> int:
        return self.new_articles + self.known_articles + self.failures + self.already_done

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


def input_key(item: RawArticle | Failure) -> str:
    """What identifies one input: its source and content (or, for a failure, the failure itself)."""
    if isinstance(item, Failure):
        return f"failure:{failure_id(item)}"
    parts = (item.source, item.source_format, item.url, item.published, item.headline, item.text)
    digest = hashlib.sha256("\0".join(p or "" for p in parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"in-{digest[:32]}"


def ingest(
    paths: Sequence[str],
    store: SQLStore,
    *,
    fmt: Format | None = None,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    model: str = DEFAULT_MODEL,
    on_batch: Callable[[IngestProgress], None] | None = None,
) -> IngestProgress:
    """Read `paths`, analyse every article not stored yet, write results to `store`; the totals."""
    stats = ReadStats()
    progress = IngestProgress(skipped=stats.skipped, total=count_articles(paths, fmt))
    known = store.known_inputs()
    failed = store.failed_inputs()
    pending = _pending(iter_source_articles(paths, fmt=fmt, stats=stats), known, failed, progress)
    for outcomes in _analysed(_chunks(pending, batch_size), workers=workers, model=model):
        _write(store, outcomes, progress)
        known.update(o.key for o in outcomes if o.key)
        if on_batch is not None:
            on_batch(progress)
    return progress


def _pending(
    items: Iterable[RawArticle | Failure], known: set[str], failed: set[str], progress: IngestProgress
) -> Iterator[tuple[str, RawArticle | Failure]]:
    seen: set[str] = set()
    for item in items:
        progress.read += 1
        key = input_key(item)
        if key in known or key in seen:
            progress.already_done += 1
            progress.failed_earlier += key in failed
            continue
        seen.add(key)
        yield key, item


def _chunks(
    items: Iterator[tuple[str, RawArticle | Failure]], size: int
) -> Iterator[list[tuple[str, RawArticle | Failure]]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _write(store: SQLStore, outcomes: list[Outcome], progress: IngestProgress) -> None:
    result = store.write_batch(outcomes)
    progress.new_articles += result.new_articles
    progress.known_articles += result.known_articles
    progress.failures += result.failures
    progress.linked_copies += result.linked_copies
    progress.failure_codes.update(o.result.code for o in outcomes if isinstance(o.result, Failure))


def _analysed(
    chunks: Iterator[list[tuple[str, RawArticle | Failure]]], *, workers: int, model: str
) -> Iterator[list[Outcome]]:
    if workers <= 1:
        from claimtrail.pipeline import process_many

        for chunk in chunks:
            results = list(process_many([item for _, item in chunk], model=model, batch_size=len(chunk)))
            yield _outcomes(chunk, results)
        return
    yield from _analysed_in_pool(chunks, workers=workers, model=model)


def _analysed_in_pool(
    chunks: Iterator[list[tuple[str, RawArticle | Failure]]], *, workers: int, model: str
) -> Iterator[list[Outcome]]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # no inherited sqlite connection or threads
    with context.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:

        def submit(chunk: list[tuple[str, RawArticle | Failure]]) -> AsyncResult[list[Result]]:
            return pool.apply_async(_worker_run, ([item for _, item in chunk],))

        for chunk, handle in in_flight(chunks, submit, window=2 * workers):
            yield _outcomes(chunk, handle.get())


def in_flight(items: Iterable[T], submit: Callable[[T], H], *, window: int) -> Iterator[tuple[T, H]]:
    """Each item with its submitted job, in input order, with at most `window` jobs submitted and not yet
    handed back: the input is read at most `window` items ahead of the caller, and no more than `window`
    results wait in memory, however large the input."""
    pending: deque[tuple[T, H]] = deque()
    for item in items:
        pending.append((item, submit(item)))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


_WORKER_MODEL = DEFAULT_MODEL


def _worker_init(model: str) -> None:
    """Load the pipeline once per worker process."""
    global _WORKER_MODEL  # noqa: PLW0603 - per-process state of a pool worker
    _WORKER_MODEL = model
    from claimtrail.nlp.load import load_nlp

    load_nlp(model)


def _worker_run(items: list[RawArticle | Failure]) -> list[Result]:
    from claimtrail.pipeline import process_many

    return list(process_many(items, model=_WORKER_MODEL, batch_size=len(items)))


def _outcomes(chunk: list[tuple[str, RawArticle | Failure]], results: list[Result]) -> list[Outcome]:
    return [Outcome(key, item.source, result) for (key, item), result in zip(chunk, results, strict=True)]


# --- size estimate for the ETA ----------------------------------------------------------------------------


def count_articles(paths: Sequence[str], fmt: Format | None = None) -> int | None:
    """How many inputs `paths` hold when cheap to tell (text, JSONL and HTML files); None otherwise."""
    total = 0
    for path in paths:
        target = Path(path)
        files = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
        for file in files:
            count = _count_file(file, fmt)
            if count is None:
                return None
            total += count
    return total


def _count_file(file: Path, fmt: Format | None) -> int | None:
    """1 for a page or text file, the number of lines of a JSONL file, None when unknown (WARC, feed)."""
    try:
        with file.open("rb") as stream:
            head = stream.read(4096)
            kind = fmt or detect_format(str(file), head)
            if kind in ("text", "html"):
                return 1
            if kind != "jsonl" or head.startswith(b"\x1f\x8b"):
                return None if kind is not None else 0
            rest = sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
    except OSError:
        return 0
    return head.count(b"\n") + rest
