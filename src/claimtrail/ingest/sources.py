"""Any news source to raw articles: format detection and dispatch for `claimtrail ingest`.

`iter_source_articles(paths, fmt=None)` reads plain text, JSONL, HTML pages, RSS/Atom feeds and WARC
files, alone or in folders, and never raises for bad input: each bad input is a `Failure`. Decisions:

- the format comes from `fmt` when given ("text", "jsonl", "html", "feed", "warc"), else from the content
  (a WARC version line, an RSS/Atom/RDF root element, an HTML doctype or root tag, a JSON object on the
  first line), else from the extension (.warc/.warc.gz, .rss/.atom/.xml, .html/.htm, .jsonl), else text;
- `.gz` files other than WARC are decompressed whole (up to the size bound); a truncated or damaged gzip
  file is a CT-E041 failure;
- folders are walked recursively in sorted order; hidden files and folders are passed over, and so are
  files of no known kind (images, scripts), which are counted in `ReadStats.skipped`;
- an HTML page is read up to `MAX_PAGE_BYTES`; a larger one is a CT-E042 failure, read no further;
- `iter_bytes_articles(data, source)` reads a file already in memory (a Spark task's `binaryFiles`
  element) with the same readers and the same results as reading it from a path.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal, get_args

from claimtrail.errors import BinaryInput, CorruptInput, EmptyInput, InputError, InputNotFound, InputTooLarge
from claimtrail.ingest.feeds import iter_feed_articles
from claimtrail.ingest.readers import (
    DEFAULT_MAX_BYTES,
    _looks_binary,
    _looks_like_jsonl,
    _read_stream,
    iter_raw_articles,
)
from claimtrail.ingest.warc import (
    MAX_PAYLOAD_BYTES,
    WarcPage,
    iter_warc_articles,
    iter_warc_pages,
    page_to_article,
)
from claimtrail.models import Failure, RawArticle

__all__ = [
    "FORMATS",
    "MAX_PAGE_BYTES",
    "Format",
    "ReadStats",
    "Unit",
    "as_article",
    "detect_format",
    "iter_bytes_articles",
    "iter_bytes_units",
    "iter_source_articles",
]

Format = Literal["text", "jsonl", "html", "feed", "warc"]
FORMATS: tuple[str, ...] = get_args(Format)
MAX_PAGE_BYTES = MAX_PAYLOAD_BYTES
_SNIFF_BYTES = 4096
_GZIP_MAGIC = b"\x1f\x8b"
_KNOWN_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}

Item = RawArticle | Failure
Unit = RawArticle | WarcPage | Failure


@dataclass
class ReadStats:
    """What the readers passed over on purpose (not failures): reason -> count."""

    skipped: Counter[str] = field(default_factory=Counter)

    def count(self, reason: str) -> None:
        self.skipped[reason] += 1


def iter_source_articles(
    paths: Sequence[str], *, fmt: Format | None = None, stats: ReadStats | None = None
) -> Iterator[Item]:
    """Raw articles from every path (files, folders, "-" for standard input), failures for bad inputs."""
    stats = stats if stats is not None else ReadStats()
    for path in paths:
        if path == "-" or not path.strip():
            yield from iter_raw_articles([path])
        elif Path(path).is_dir():
            yield from _read_folder(Path(path), fmt, stats)
        else:
            yield from _read_path(path, fmt, stats, explicit=True)


def _read_folder(folder: Path, fmt: Format | None, stats: ReadStats) -> Iterator[Item]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if not files:
        yield _failure(EmptyInput, str(folder), f"folder {folder} holds no files")
    for file in files:
        yield from _read_path(str(file), fmt, stats, explicit=False)


def _read_path(path: str, fmt: Format | None, stats: ReadStats, *, explicit: bool) -> Iterator[Item]:
    try:
        with open(path, "rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except FileNotFoundError:
        yield _failure(InputNotFound, path, f"file not found: {path}")
        return
    except OSError as error:
        yield _failure(InputError, path, f"cannot read {path}: {error.strerror or error}")
        return
    kind = fmt or detect_format(path, head)
    if kind is None:
        if explicit:
            yield from iter_raw_articles([path])  # as the extract command would: text, or a clear failure
        else:
            stats.count("not an article file")
        return
    if kind == "warc":
        yield from iter_warc_articles(path, stats)
    elif kind in ("text", "jsonl"):
        yield from _read_textual(path, head, kind)
    else:
        yield from _read_markup(path, kind)


def detect_format(path: str, head: bytes) -> Format | None:
    """The format of a file from its first bytes, then its name; None for a file of no known kind."""
    name = path.lower()
    if head.startswith(_GZIP_MAGIC):
        inner = _gunzip_head(head)
        if inner.startswith(b"WARC/"):
            return "warc"
        name = name.removesuffix(".gz")
        head = inner
    by_content = _format_of_content(head)
    if by_content is not None:
        return by_content
    return _format_of_name(name)


def _format_of_content(head: bytes) -> Format | None:
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if start.startswith(b"{") and _looks_like_jsonl(head):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<") and b"<html" in start):
        return "html"
    return None


def _format_of_name(name: str) -> Format | None:
    if name.endswith((".warc.gz", ".warc")):
        return "warc"
    return _KNOWN_SUFFIXES.get(Path(name).suffix)


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, _SNIFF_BYTES)
    except zlib.error:
        return b""


def _read_bytes(path: str, limit: int) -> bytes | Failure:
    """The file's bytes (decompressed when gzipped) up to `limit`, or a failure."""
    try:
        with open(path, "rb") as raw:
            return _bounded_read(raw, path, limit)
    except OSError as error:
        return _failure(InputError, path, f"cannot read {path}: {error.strerror or error}")


def _bounded_read(raw: IO[bytes], source: str, limit: int) -> bytes | Failure:
    try:
        gzipped = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if gzipped else raw
        data = stream.read(limit + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        return _failure(CorruptInput, source, f"{source}: truncated or damaged gzip file ({error}); skipped")
    if len(data) > limit:
        return _failure(InputTooLarge, source, f"{source} is over {limit // 2**20} MB; skipped")
    return data


def _read_textual(path: str, head: bytes, kind: Format) -> Iterator[Item]:
    if not head.startswith(_GZIP_MAGIC):
        yield from iter_raw_articles([path])  # the existing readers: bounds, charset fallback, JSONL lines
        return
    data = _read_bytes(path, MAX_PAGE_BYTES)
    if isinstance(data, Failure):
        yield data
        return
    yield from _read_stream(io.BytesIO(data), path, DEFAULT_MAX_BYTES, named_jsonl=kind == "jsonl")


def _read_markup(path: str, kind: Format) -> Iterator[Item]:
    data = _read_bytes(path, MAX_PAGE_BYTES)
    if isinstance(data, Failure):
        yield data
        return
    yield from _markup_items(data, path, kind)


def _markup_items(data: bytes, path: str, kind: Format) -> Iterator[Item]:
    if not data.strip():
        yield _failure(EmptyInput, path, f"{path} is empty")
    elif _looks_binary(data[:_SNIFF_BYTES]):
        yield _failure(BinaryInput, path, f"{path} looks binary (NUL or control bytes), not {kind}")
    elif kind == "feed":
        yield from iter_feed_articles(data, path)
    else:
        yield _html_file(data, path)


def _html_file(data: bytes, path: str) -> Item:
    from claimtrail.ingest.html import html_to_raw_article

    return html_to_raw_article(data, source=path)  # it reads the charset from a BOM or <meta>


def _failure(error: type[InputError], source: str, message: str) -> Failure:
    return Failure(source=source, code=error.code, message=message, hint=error.hint)


# --- inputs already in memory (a cluster task's file) ---------------------------------------------------


def iter_bytes_units(
    data: bytes,
    source: str,
    *,
    fmt: Format | None = None,
    stats: ReadStats | None = None,
    explicit: bool = True,
) -> Iterator[Unit]:
    """What the file `source` with content `data` holds, read as `iter_source_articles` reads a path.

    A WARC gives its pages unparsed (`WarcPage`, see `ingest.warc`); every other format gives raw articles.
    `explicit` is False for a file found inside a folder: then a file of no known kind is passed over.
    """
    stats = stats if stats is not None else ReadStats()
    kind = fmt or detect_format(source, data[:_SNIFF_BYTES])
    named_jsonl = source.lower().endswith(".jsonl")
    if kind is None and not explicit:
        stats.count("not an article file")
    elif kind is None:
        yield from _read_stream(io.BytesIO(data), source, DEFAULT_MAX_BYTES, named_jsonl=named_jsonl)
    elif kind == "warc":
        yield from iter_warc_pages(io.BytesIO(data), source, stats)
    elif kind in ("text", "jsonl") and not data.startswith(_GZIP_MAGIC):
        yield from _read_stream(io.BytesIO(data), source, DEFAULT_MAX_BYTES, named_jsonl=named_jsonl)
    else:
        payload = _bounded_read(io.BytesIO(data), source, MAX_PAGE_BYTES)
        if isinstance(payload, Failure):
            yield payload
        elif kind in ("text", "jsonl"):
            yield from _read_stream(
                io.BytesIO(payload), source, DEFAULT_MAX_BYTES, named_jsonl=kind == "jsonl"
            )
        else:
            yield from _markup_items(payload, source, kind)


def iter_bytes_articles(
    data: bytes,
    source: str,
    *,
    fmt: Format | None = None,
    stats: ReadStats | None = None,
    explicit: bool = True,
) -> Iterator[Item]:
    """Raw articles (or failures) of the file `source` whose content is `data`; see `iter_bytes_units`."""
    for unit in iter_bytes_units(data, source, fmt=fmt, stats=stats, explicit=explicit):
        yield as_article(unit)


def as_article(unit: Unit) -> Item:
    """A unit of `iter_bytes_units` as a raw article or failure (a WARC page is parsed here)."""
    return page_to_article(unit) if isinstance(unit, WarcPage) else unit
