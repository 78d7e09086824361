"""Read articles from files, directories and standard input, tolerating bad input.

`iter_raw_articles` never raises for bad input and never prints: each unreadable input (or JSONL line)
becomes a `Failure` with a stable code and the batch goes on. Decisions:

- a directory contributes its own `*.txt` and `*.jsonl` files (not subdirectories), sorted by name; a
  directory with none of them is a CT-E002 failure;
- a `.jsonl` file, or any input whose first line is a JSON object, is JSON lines: one article per line,
  blank lines skipped, source `path:LINE` (1-based); other input is one plain-text article;
- standard input (`-`) is named `<stdin>` in sources;
- the size bound applies per article: plain text is read up to `max_bytes` and cut at a paragraph (or
  line) break; a JSONL line is read up to `4 * max_bytes` (JSON escapes inflate text) and its "text" is
  then cut to `max_bytes` like plain text; a longer line is skipped with CT-E006 without being held;
- a JSONL line with an `"html"` string instead of `"text"` is a page: `claimtrail.ingest.html` finds its main
  text, title and date (the line's "url" and "published" are passed on);
- optional JSONL fields ("url", "published", "outlet", "headline") are used when they are non-empty
  strings and ignored otherwise;
- the raw text is kept verbatim (newlines included); only a UTF-8 byte-order mark is dropped.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from claimtrail.errors import (
    WARN_DECODE_FALLBACK,
    WARN_TRUNCATED,
    BadJsonLine,
    BinaryInput,
    EmptyInput,
    InputError,
    InputNotFound,
    LineTooLong,
)
from claimtrail.models import Failure, RawArticle

__all__ = ["DEFAULT_MAX_BYTES", "iter_raw_articles"]

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
_STDIN_SOURCE = "<stdin>"
_SNIFF_BYTES = 64 * 1024
_CHUNK_BYTES = 64 * 1024
_BINARY_SAMPLE_BYTES = 8 * 1024
_MAX_CONTROL_RATIO = 0.1
_JSONL_LINE_FACTOR = 4
_ARTICLE_SUFFIXES = frozenset({".txt", ".jsonl"})
_OPTIONAL_FIELDS = ("url", "published", "outlet", "headline")
# Control bytes that never occur in text; tab, newlines, form feed and ESC-free text pass.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 11, 12, 13}) + b"\x7f"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

Item = RawArticle | Failure


def iter_raw_articles(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Yield one `RawArticle` per article in `paths` ("-" is standard input), or a `Failure` per bad input.

    `stdin` replaces `sys.stdin.buffer` (for tests and embedding).
    """
    for path in paths:
        if not path.strip():  # Path("") is the current directory: never read it by accident
            yield _failure(InputNotFound, path, "empty path given")
        elif path == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, _STDIN_SOURCE, max_bytes, named_jsonl=False)
        elif Path(path).is_dir():
            yield from _read_directory(Path(path), max_bytes)
        else:
            yield from _read_file(path, max_bytes)


def _read_directory(directory: Path, max_bytes: int) -> Iterator[Item]:
    files = sorted(
        entry
        for entry in directory.iterdir()
        if entry.is_file() and entry.suffix.lower() in _ARTICLE_SUFFIXES
    )
    if not files:
        yield _failure(EmptyInput, str(directory), f"directory {directory} holds no .txt or .jsonl files")
    for file in files:
        yield from _read_file(str(file), max_bytes)


def _read_file(path: str, max_bytes: int) -> Iterator[Item]:
    try:
        with open(path, "rb") as stream:
            yield from _read_stream(stream, path, max_bytes, named_jsonl=path.lower().endswith(".jsonl"))
    except FileNotFoundError:
        yield _failure(InputNotFound, path, f"file not found: {path}")
    except OSError as error:  # permissions, a device gone away mid-read: this input only
        yield _failure(InputError, path, f"cannot read {path}: {error.strerror or error}")


def _read_stream(stream: BinaryIO, source: str, max_bytes: int, *, named_jsonl: bool) -> Iterator[Item]:
    head = _read_up_to(stream, _SNIFF_BYTES)
    if head.startswith(_UTF16_BOMS):
        yield _failure(BinaryInput, source, f"{source} looks like UTF-16 text; save it as UTF-8")
    elif _looks_binary(head):
        yield _failure(BinaryInput, source, f"{source} looks binary (NUL or control bytes), not text")
    elif named_jsonl or _looks_like_jsonl(head):
        yield from _read_jsonl(head, stream, source, max_bytes)
    else:
        yield _read_text(head, stream, source, max_bytes)


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes: raw streams and pipes may return short reads before the end."""
    parts, wanted = [], size
    while wanted > 0 and (part := stream.read(min(wanted, _CHUNK_BYTES))):
        parts.append(part)
        wanted -= len(part)
    return b"".join(parts)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:_BINARY_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_RATIO * len(sample)


def _looks_like_jsonl(head: bytes) -> bool:
    """The first line is a JSON object (or is too long to see its end but opens like one)."""
    stripped = head.lstrip()
    if not stripped.startswith(b"{"):
        return False
    first_line, newline, _ = stripped.partition(b"\n")
    if not newline and len(head) == _SNIFF_BYTES:
        return stripped.startswith((b'{"', b"{ "))
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        return False


# --- plain text -----------------------------------------------------------------------------------------


def _read_text(head: bytes, stream: BinaryIO, source: str, max_bytes: int) -> Item:
    data = head + _read_up_to(stream, max_bytes + 1 - len(head))  # one byte past the bound tells "more"
    warnings: list[str] = []
    if len(data) > max_bytes:
        data = _cut_bytes(data, max_bytes)
        warnings.append(_truncation_warning(max_bytes, len(data)))
    if b"\x00" in data:
        return _failure(BinaryInput, source, f"{source} looks binary (NUL bytes), not text")
    text, decode_warning = _decode(data)
    if not text.strip():
        return _failure(EmptyInput, source, f"{source} is empty or holds only whitespace")
    if decode_warning:
        warnings.insert(0, decode_warning)
    return RawArticle(text=text, source=source, source_format="text", warnings=tuple(warnings))


def _cut_bytes(data: bytes, limit: int) -> bytes:
    """At most `limit` bytes of `data`, ending at a paragraph break, else a line break, else a character."""
    window = data[:limit]
    for brk in (b"\n\n", b"\r\n\r\n", b"\n"):
        position = window.rfind(brk)
        if position >= limit // 2:  # a break too early would throw most of the article away
            return window[:position].rstrip()
    end = limit
    while 0 < end < len(data) and data[end] & 0xC0 == 0x80 and limit - end < 3:
        end -= 1  # back off UTF-8 continuation bytes so no character is split
    return data[:end]


def _truncation_warning(max_bytes: int, kept: int) -> str:
    return (
        f"{WARN_TRUNCATED} input is larger than the {max_bytes:,}-byte bound;"
        f" kept the first {kept:,} bytes, cut at a break"
    )


def _decode(data: bytes) -> tuple[str, str | None]:
    """Text and, when UTF-8 failed, the CT-W001 warning naming the fallback encoding used."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), _decode_warning("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 maps every byte
        return data.decode("latin-1"), _decode_warning("latin-1")


def _decode_warning(encoding: str) -> str:
    return f"{WARN_DECODE_FALLBACK} input is not valid UTF-8; decoded as {encoding}"


# --- JSON lines -----------------------------------------------------------------------------------------


def _read_jsonl(head: bytes, stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Item]:
    line_limit = _JSONL_LINE_FACTOR * max_bytes
    any_line = False
    for number, line in enumerate(_split_lines(head, stream, line_limit), start=1):
        line_source = f"{source}:{number}"
        if line is None:
            any_line = True
            message = f"{line_source} is longer than {line_limit:,} bytes; skipped"
            yield _failure(LineTooLong, line_source, message)
        elif line.strip():
            any_line = True
            yield _parse_json_line(line, line_source, max_bytes)
    if not any_line:
        yield _failure(EmptyInput, source, f"{source} is empty or holds only blank lines")


def _split_lines(head: bytes, stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line without its newline, or None for a line over `limit` bytes, which is never held whole."""
    buffer, position, skipping = bytearray(head), 0, False
    while True:
        newline = buffer.find(b"\n", position)
        if newline >= 0:
            line = bytes(buffer[position:newline])
            yield None if skipping or len(line) > limit else line
            position, skipping = newline + 1, False
            continue
        del buffer[:position]
        position = 0
        if len(buffer) > limit:
            buffer.clear()
            skipping = True
        chunk = stream.read(_CHUNK_BYTES)
        if not chunk:
            if buffer or skipping:
                yield None if skipping else bytes(buffer)
            return
        buffer += chunk


def _parse_json_line(line: bytes, source: str, max_bytes: int) -> Item:
    text_of_line, decode_warning = _decode(line)
    try:
        record = json.loads(text_of_line)
    except json.JSONDecodeError as error:
        return _failure(
            BadJsonLine, source, f"{source} is not valid JSON: {error.msg} (column {error.colno})"
        )
    if not isinstance(record, dict):
        return _failure(BadJsonLine, source, f"{source} is a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    if not isinstance(text, str) and isinstance(record.get("html"), str):
        return _html_line(record, source, decode_warning)
    if not isinstance(text, str):
        return _failure(BadJsonLine, source, f'{source} has no "text" string')
    if not text.strip():
        return _failure(EmptyInput, source, f'{source} has an empty "text"')
    warnings = [decode_warning] if decode_warning else []
    text = _bounded_text(text, max_bytes, warnings)
    fields = _optional_fields(record)
    return RawArticle(
        text=text,
        source=source,
        source_format="jsonl",
        warnings=tuple(warnings),
        url=fields.get("url"),
        published=fields.get("published"),
        outlet=fields.get("outlet"),
        headline=fields.get("headline"),
    )


def _html_line(record: dict[str, Any], source: str, decode_warning: str | None) -> Item:
    """A JSONL line carrying `"html"` instead of `"text"`: main text, title and date from the page."""
    import dataclasses

    from claimtrail.ingest.html import html_to_raw_article

    fields = _optional_fields(record)
    page = html_to_raw_article(
        record["html"],
        source=source,
        url=fields.get("url"),
        published=fields.get("published"),
        published_from="input" if "published" in fields else None,
    )
    if isinstance(page, Failure):
        return page
    warnings = (*page.warnings, decode_warning) if decode_warning else page.warnings
    outlet = page.outlet or fields.get("outlet")
    return dataclasses.replace(page, source_format="jsonl", warnings=warnings, outlet=outlet)


def _bounded_text(text: str, max_bytes: int, warnings: list[str]) -> str:
    encoded = text.encode("utf-8", errors="surrogatepass")
    if len(encoded) <= max_bytes:
        return text
    kept = _cut_bytes(encoded, max_bytes)
    warnings.append(_truncation_warning(max_bytes, len(kept)))
    return kept.decode("utf-8", errors="replace")  # lone surrogates from JSON escapes cannot round-trip


def _optional_fields(record: dict[str, Any]) -> dict[str, str]:
    return {
        name: value.strip()
        for name in _OPTIONAL_FIELDS
        if isinstance(value := record.get(name), str) and value.strip()
    }


def _failure(error: type[InputError], source: str, message: str) -> Failure:
    return Failure(source=source, code=error.code, message=message, hint=error.hint)
