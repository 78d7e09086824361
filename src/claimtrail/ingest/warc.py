"""Articles from WARC and WARC.gz files, streamed record by record (warcio).

Decisions:

- only `response` records with HTTP headers are read; request, metadata, warcinfo and revisit records are
  passed over silently; a response that is not HTTP 200 or whose Content-Type is not HTML (text/html,
  application/xhtml+xml; a missing type counts as HTML) is skipped and counted in `ReadStats.skipped`;
- the payload (transfer and content encodings removed) is read up to `MAX_PAYLOAD_BYTES`; a larger one is a
  CT-E042 failure and is never held whole;
- charset: the HTTP Content-Type header (decoded here), else the page's own BOM or `<meta>` (read by
  `claimtrail.ingest.html`); bytes that do not match the header charset are decoded as UTF-8, else
  cp1252 with the CT-W001 warning; a charset Python does not know counts as none;
- a record warcio cannot parse (bad header, broken gzip member, bad chunking) is a CT-E041 failure named
  `PATH@OFFSET`; reading resumes at the next record boundary (next gzip member, or next `WARC/1.` line);
- reading is two steps, `iter_warc_pages` (records to `WarcPage`s: bytes and headers) and
  `page_to_article` (HTML to article), so a cluster can split files on one core and parse pages on all;
- each article's source is `PATH@OFFSET` (stable across runs, so reruns can skip finished records), its URL
  the WARC-Target-URI, and its provenance the target URI, WARC-Date and WARC-Record-ID; the page's own date
  (from `claimtrail.ingest.html`) beats WARC-Date, the capture time.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from claimtrail.errors import (
    WARN_DECODE_FALLBACK,
    CorruptInput,
    InputError,
    InputNotFound,
    InputTooLarge,
    NoArticleText,
)
from claimtrail.ingest.provenance import best_published
from claimtrail.models import Failure, RawArticle

if TYPE_CHECKING:
    from claimtrail.ingest.sources import ReadStats

__all__ = [
    "MAX_PAYLOAD_BYTES",
    "WarcPage",
    "decode_html",
    "iter_warc_articles",
    "iter_warc_pages",
    "page_to_article",
]

MAX_PAYLOAD_BYTES = 10 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"(?:^|\n)WARC/1\.[01]\r?\n")
_SCAN_BYTES = 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_META_SNIFF_BYTES = 4096

Item = RawArticle | Failure


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTML 200 response, read but not parsed: plain bytes and strings, so it pickles to any worker.

    Splitting a WARC into pages is cheap; parsing the HTML is not, so a cluster splits files first and
    spreads the pages over every core (`claimtrail.spark`).
    """

    source: str
    payload: bytes
    content_type: str
    uri: str | None
    warc_date: str | None
    record_id: str | None


def iter_warc_articles(path: str, stats: ReadStats | None = None) -> Iterator[Item]:
    """One `RawArticle` per HTML 200 response in the WARC at `path`, or a `Failure` per bad record."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed in the finally below, across the generator
    except FileNotFoundError:
        yield _failure(InputNotFound, path, f"file not found: {path}")
        return
    except OSError as error:
        yield _failure(InputError, path, f"cannot read {path}: {error.strerror or error}")
        return
    try:
        for item in iter_warc_pages(stream, path, stats):
            yield page_to_article(item) if isinstance(item, WarcPage) else item
    finally:
        stream.close()


def iter_warc_pages(
    stream: IO[bytes], path: str, stats: ReadStats | None = None
) -> Iterator[WarcPage | Failure]:
    """The HTML pages of a seekable WARC stream named `path`, or a `Failure` per corrupt record."""
    from warcio.archiveiterator import ArchiveIterator

    gzipped = stream.read(2) == _GZIP_MAGIC[:2]
    base: int | None = 0
    while base is not None:
        stream.seek(base)
        records = ArchiveIterator(stream)
        offset = base
        try:
            for record in records:
                offset = base + records.offset
                item = _page(record, f"{path}@{offset}", stats)
                if item is not None:
                    yield item
            return
        except Exception as error:  # warcio raises many kinds on damaged input: this record only
            offset = base + records.offset if records.offset else offset
            message = f"{path}@{offset}: corrupt WARC record ({type(error).__name__}: {error}); skipped"
            yield _failure(CorruptInput, f"{path}@{offset}", message)
            if stats is not None:
                stats.count("corrupt WARC record")
            base = _next_boundary(stream, offset + 1, gzipped)


def _next_boundary(stream: IO[bytes], start: int, gzipped: bool) -> int | None:
    """The offset of the next record start at or after `start`, or None at the end of the file."""
    position = start
    while True:
        stream.seek(position)
        window = stream.read(_SCAN_BYTES + 16)
        if not window:
            return None
        if gzipped:
            found = window.find(_GZIP_MAGIC)
        else:
            match = _WARC_LINE.search(window)
            found = -1 if match is None else match.start() + (1 if match.group().startswith(b"\n") else 0)
        if found >= 0:
            return position + found
        if len(window) <= _SCAN_BYTES:
            return None
        position += _SCAN_BYTES


def _page(record: object, source: str, stats: ReadStats | None) -> WarcPage | Failure | None:
    rec_type = getattr(record, "rec_type", None)
    http = getattr(record, "http_headers", None)
    if rec_type != "response" or http is None:
        return None
    status = http.get_statuscode()
    content_type = (http.get_header("Content-Type") or "").lower()
    if status != "200":
        _skip(stats, f"HTTP status {status}")
        return None
    if content_type and content_type.split(";")[0].strip() not in _HTML_TYPES:
        _skip(stats, "not HTML")
        return None
    payload = record.content_stream().read(MAX_PAYLOAD_BYTES + 1)  # type: ignore[attr-defined]
    if len(payload) > MAX_PAYLOAD_BYTES:
        message = f"{source}: the page is over {MAX_PAYLOAD_BYTES // 2**20} MB; skipped"
        return _failure(InputTooLarge, source, message)
    headers = record.rec_headers  # type: ignore[attr-defined]
    return WarcPage(
        source=source,
        payload=payload,
        content_type=content_type,
        uri=headers.get_header("WARC-Target-URI"),
        warc_date=headers.get_header("WARC-Date"),
        record_id=headers.get_header("WARC-Record-ID"),
    )


def page_to_article(page: WarcPage) -> Item:
    """The page's article, dated by the page itself, else by the capture (WARC-Date)."""
    try:
        return _to_article(page)
    except Exception as error:  # a parser bug on one page must not stop the file
        message = f"{page.source}: the HTML could not be parsed ({type(error).__name__}: {error!s:.80})"
        return _failure(NoArticleText, page.source, message)


def _to_article(page: WarcPage) -> Item:
    from claimtrail.ingest.html import html_to_raw_article

    source, uri = page.source, page.uri
    markup: bytes | str = page.payload
    warning = None
    if _header_charset(page.content_type) is not None:  # the HTTP header wins; else the page's own meta
        markup, warning = decode_html(page.payload, page.content_type)
    parsed = html_to_raw_article(markup, source=source, url=uri)
    if isinstance(parsed, Failure):
        return parsed
    provenance = [
        ("url", uri),
        ("warc_target_uri", uri),
        ("warc_date", page.warc_date),
        ("warc_record_id", page.record_id),
    ]
    pairs = tuple((key, value) for key, value in provenance if value)
    page_date = parsed.published if parsed.published_from == "page" else None
    published, origin = best_published([("page", page_date), ("warc", page.warc_date)])
    return dataclasses.replace(
        parsed,
        source_format="warc",
        url=parsed.url or uri,
        published=published,
        published_from=origin,
        provenance=_merge(parsed.provenance, pairs),
        warnings=parsed.warnings + ((warning,) if warning else ()),
    )


def _merge(
    first: tuple[tuple[str, str], ...], second: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    seen = set(first)
    return first + tuple(pair for pair in second if pair not in seen)


def decode_html(payload: bytes, content_type: str = "") -> tuple[str, str | None]:
    """The page as text and, when a fallback decoding was needed, the CT-W001 warning."""
    for charset in (_header_charset(content_type), _meta_charset(payload), "utf-8"):
        if charset is None:
            continue
        try:
            return payload.decode(charset), None
        except UnicodeDecodeError:
            continue
    return payload.decode("cp1252", errors="replace"), (
        f"{WARN_DECODE_FALLBACK} page bytes do not match their declared charset; decoded as cp1252"
    )


def _header_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return _known(value.strip().strip("\"'"))
    return None


def _meta_charset(payload: bytes) -> str | None:
    match = _META_CHARSET.search(payload[:_META_SNIFF_BYTES])
    return _known(match.group(1).decode("ascii", errors="ignore")) if match else None


def _known(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def _skip(stats: ReadStats | None, reason: str) -> None:
    if stats is not None:
        stats.count(reason)


def _failure(error: type[InputError], source: str, message: str) -> Failure:
    return Failure(source=source, code=error.code, message=message, hint=error.hint)
