"""`load`: a `claimtrail spark extract` output folder (Parquet) into a store. Behind `claimtrail load`.

The Spark job does the NLP; this is the single writer that puts its records into SQLite or PostgreSQL
through the same `SQLStore.write_batch` as `claimtrail ingest`, so stories, outlets and versions are
linked the same way. Decisions:

- DIR/articles (Parquet, any partitioning, e.g. Spark's `date=...` folders) and DIR/failures are read
  with pyarrow, `batch_size` rows at a time, and turned back into records with `record_from_dict`;
- every row has an input key (records: hash of source and article id; failures: the failure id, as in
  `ingest`); keys the store already holds are skipped before writing, so a rerun changes nothing and an
  interrupted load continues after its last committed batch;
- one transaction per batch: a crash loses at most the batch in flight;
- DIR/claim_vectors (the job's `--embed`) goes into `claim_vectors`, so `build_trails` links without
  embedding again, and DIR/claim_blocks (`--blocking`) into `claim_blocks`, so it compares a claim only with
  its candidate partners (ON CONFLICT DO NOTHING: reruns change nothing);
- a folder with neither articles/ nor failures/, or Parquet of another shape, is CT-E043.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from claimtrail.errors import BadDataset
from claimtrail.models import ArticleRecord, Failure
from claimtrail.serialize import failure_from_dict, record_from_dict
from claimtrail.store import Outcome, SQLStore
from claimtrail.store._rows import failure_id

__all__ = ["BATCH_SIZE", "LoadProgress", "load_dataset", "record_key"]

BATCH_SIZE = 500
ARTICLES, FAILURES, VECTORS, BLOCKS = "articles", "failures", "claim_vectors", "claim_blocks"


@dataclass
class LoadProgress:
    read: int = 0
    failure_rows: int = 0  # failures in the dataset, loaded now or in an earlier run
    new_articles: int = 0
    known_articles: int = 0
    already_done: int = 0
    failures: int = 0
    linked_copies: int = 0
    vectors: int = 0  # claim embeddings from the job's claim_vectors/ (`--embed`)
    blocks: int = 0  # candidate claim pairs from the job's claim_blocks/ (`--blocking`)
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


def record_key(record: ArticleRecord) -> str:
    """The input key of a record read back from Parquet: its source and id."""
    digest = hashlib.sha256(f"{record.source}\0{record.id}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"pq-{digest[:32]}"


def load_dataset(
    folder: str | Path,
    store: SQLStore,
    *,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[LoadProgress], None] | None = None,
) -> LoadProgress:
    """Write every record and failure under `folder` that `store` does not hold yet; the totals."""
    progress = LoadProgress()
    known = store.known_inputs()
    pending = _pending(_outcomes(Path(folder), batch_size), known, progress)
    while batch := list(islice(pending, batch_size)):
        result = store.write_batch(batch)
        progress.new_articles += result.new_articles
        progress.known_articles += result.known_articles
        progress.failures += result.failures
        progress.linked_copies += result.linked_copies
        known.update(o.key for o in batch if o.key)
        if on_batch is not None:
            on_batch(progress)
    progress.vectors = _load_vectors(Path(folder), store, batch_size)
    progress.blocks = _load_blocks(Path(folder), store, batch_size)
    return progress


def _load_blocks(folder: Path, store: SQLStore, batch_size: int) -> int:
    """Candidate claim pairs of the job's --blocking, for the linker to compare only those."""
    part = folder / BLOCKS
    if not part.is_dir():
        return 0
    columns = ("article_id_a", "claim_id_a", "article_id_b", "claim_id_b", "jaccard_estimate")
    sql = f"INSERT INTO claim_blocks ({', '.join(columns)}) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
    n = 0
    for batch in _batches(part, batch_size):
        data = batch.to_pydict()
        rows = list(zip(*(data[c] for c in columns), strict=True))
        store.executemany_sql(sql, rows)
        store.commit()
        n += len(rows)
    if (folder / ARTICLES).is_dir():
        import pyarrow.dataset as ds

        ids = ds.dataset(folder / ARTICLES, format="parquet", partitioning="hive").to_table(columns=["id"])
        covered = [(str(i),) for i in ids.column("id").to_pylist()]
        store.executemany_sql(
            "INSERT INTO blocked_articles (article_id) VALUES (?) ON CONFLICT DO NOTHING", covered
        )
        store.commit()
    return n


def _load_vectors(folder: Path, store: SQLStore, batch_size: int) -> int:
    """Claim embeddings the job computed (`--embed`), stored so the linker does not embed again."""
    part = folder / VECTORS
    if not part.is_dir():
        return 0
    columns = ("article_id", "claim_local_id", "model", "vector")
    n = 0
    for batch in _batches(part, batch_size):
        rows = [
            dict(zip(columns, values, strict=True))
            for values in zip(*(batch.column(c).to_pylist() for c in columns), strict=True)
        ]
        store.insert_rows("claim_vectors", rows)
        store.commit()
        n += len(rows)
    return n


def _pending(outcomes: Iterator[Outcome], known: set[str], progress: LoadProgress) -> Iterator[Outcome]:
    for outcome in outcomes:
        progress.read += 1
        progress.failure_rows += isinstance(outcome.result, Failure)
        if outcome.key in known:
            progress.already_done += 1
            continue
        known.add(str(outcome.key))  # a row repeated in the dataset is written once
        yield outcome


def _outcomes(folder: Path, batch_size: int) -> Iterator[Outcome]:
    from claimtrail.serialize_arrow import table_to_failures, table_to_records

    parts = [folder / name for name in (ARTICLES, FAILURES) if (folder / name).is_dir()]
    if not parts:
        raise BadDataset(f"{folder} holds neither {ARTICLES}/ nor {FAILURES}/")
    for part in parts:
        for batch in _batches(part, batch_size):
            try:
                rows = table_to_records(batch) if part.name == ARTICLES else table_to_failures(batch)
            except (KeyError, ValueError, TypeError) as error:  # ArrowInvalid is a ValueError
                raise BadDataset(f"{part} is not claimtrail Parquet: {error}") from error
            for row in rows:
                yield _outcome(row, is_record=part.name == ARTICLES)


def _batches(part: Path, batch_size: int) -> Iterator[Any]:
    import pyarrow.dataset as ds

    try:
        dataset = ds.dataset(part, format="parquet", partitioning="hive")
    except (OSError, ValueError) as error:
        raise BadDataset(f"cannot read the Parquet under {part}: {error}") from error
    yield from dataset.to_batches(batch_size=batch_size)


def _outcome(row: dict[str, Any], *, is_record: bool) -> Outcome:
    if is_record:
        record = record_from_dict(row)
        return Outcome(record_key(record), record.source, record)
    failure: Failure = failure_from_dict(row)
    return Outcome(f"failure:{failure_id(failure)}", failure.source, failure)
