"""An HTML page -> one `RawArticle`: main text, headline and publication date (trafilatura, lazy import).

Decisions:

- bytes are decoded from a byte-order mark, else the `<meta charset>` / `http-equiv` declaration in the
  first 4 KB (latin-1 and ASCII read as cp1252, as browsers do), else UTF-8; bytes that do not decode
  with the declared or default charset are read as cp1252 with warning CT-W001;
- the size bound applies before parsing: a page over `max_bytes` (characters for `str` input) is cut at the
  start of the last tag inside the bound (lxml closes what is left open), and so is a page of more than
  30,000 tags (extraction time grows with the element count); either cut adds warning CT-W002;
- empty input is CT-E002, NUL bytes CT-E003, and a page with no main text (an index page, a script-only
  shell, markup that cannot be parsed) CT-E007; broken but readable markup is extracted best effort;
- the markup is NFC-normalised (trafilatura does so for bytes, and reference texts are NFC);
- main text: trafilatura in precision mode, falling back to its recall mode when precision keeps less
  than half of what recall mode finds (precision mode sometimes locks onto a wrong block); then a leading
  line that repeats the page title and boilerplate lines at either edge ("Sign up...", "© ...",
  "Tell us what you think", comment counters) are dropped. Paragraphs are one per line, no blank lines;
- the headline is the page title (trafilatura metadata) and goes to `RawArticle.headline`, so the body is
  analysed as extracted; the page's date becomes `published` (with `published_from="page"`) only when the
  caller gave none; the site name becomes `outlet`.

Measured on the ScrapingHub and trafilatura evaluation sets: see README "HTML extraction".
"""

from __future__ import annotations

import codecs
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from claimtrail.errors import (
    WARN_DECODE_FALLBACK,
    WARN_TRUNCATED,
    BinaryInput,
    EmptyInput,
    InputError,
    NoArticleText,
)
from claimtrail.models import Failure, RawArticle

__all__ = ["DEFAULT_MAX_HTML_BYTES", "EXTRACTOR", "extract_main_text", "html_to_raw_article"]

DEFAULT_MAX_HTML_BYTES = 5 * 1024 * 1024
EXTRACTOR = "claimtrail.html.v1"
_FALLBACK_RATIO = 0.5  # precision text shorter than this share of the recall-mode text -> use recall mode
_MIN_TEXT_CHARS = 20  # less is a menu word or a cookie notice, not an article
_EDGE_LINE_MAX = 300  # only short lines at the edges can be boilerplate
_MAX_TAGS = 30_000  # extraction time grows with the element count; real article pages have < 20,000
_META_SNIFF = 4096
_BINARY_SNIFF = 8192
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# WHATWG: these labels decode as windows-1252; a page cannot really be UTF-16 if its meta says so in ASCII.
_CHARSET_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8"}
_BOILERPLATE = re.compile(
    r"^\W*(tell us what you think|\d+\s+comments?\b|comments?\W*$|click here\b|sign up\b|subscribe\b"
    r"|follow (us|him|her|me)\b|copyright\b|©|all rights reserved|share this\b|related\b|read more\b"
    r"|this copy is for your personal|advertisement\W*$|get .* delivered)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Page:
    """What extraction found in one page."""

    text: str
    title: str | None
    date: str | None
    sitename: str | None
    url: str | None
    mode: str


def html_to_raw_article(
    html: bytes | str,
    *,
    source: str,
    url: str | None = None,
    published: str | None = None,
    published_from: str | None = None,
    max_bytes: int = DEFAULT_MAX_HTML_BYTES,
) -> RawArticle | Failure:
    """The page's article as a `RawArticle` (source_format "html"), or a `Failure` with a stable code."""
    prepared = _prepare(html, source, max_bytes)
    if isinstance(prepared, Failure):
        return prepared
    markup, warnings = prepared
    try:
        page = _extract(markup, url)
    except (ValueError, TypeError, RecursionError) as error:  # lxml and trafilatura on hopeless markup
        return _failure(NoArticleText, source, f"{source}: the HTML could not be parsed ({error!r:.80})")
    if len(page.text) < _MIN_TEXT_CHARS:
        return _failure(NoArticleText, source, f"{source}: no article text found in the page")
    return _raw_article(page, source, url, published, published_from, warnings)


def extract_main_text(html: bytes | str) -> str:
    """The page's main text as claimtrail extracts it ("" when none is found); used by `eval html`."""
    prepared = _prepare(html, "<html>", DEFAULT_MAX_HTML_BYTES)
    if isinstance(prepared, Failure):
        return ""
    try:
        return _extract(prepared[0], None).text
    except (ValueError, TypeError, RecursionError):
        return ""


# --- bytes to bounded markup ----------------------------------------------------------------------------


def _prepare(html: bytes | str, source: str, max_bytes: int) -> tuple[str, list[str]] | Failure:
    """The markup as text within the bound, and the warnings reading it raised; or a Failure."""
    warnings: list[str] = []
    if isinstance(html, bytes):
        if not html.strip():
            return _failure(EmptyInput, source, f"{source}: the page is empty")
        encoding = _declared_encoding(html)
        if not encoding.startswith("utf-16") and b"\x00" in html[:_BINARY_SNIFF]:
            return _failure(BinaryInput, source, f"{source} looks binary (NUL bytes), not HTML")
        if len(html) > max_bytes:
            html = _cut_bytes(html, max_bytes, encoding)
            warnings.append(_truncation_warning(max_bytes, len(html)))
        markup, decode_warning = _decode(html, encoding)
        warnings.extend([decode_warning] if decode_warning else [])
    else:
        markup = html
        if len(markup) > max_bytes:
            markup = _cut_text(markup, max_bytes)
            warnings.append(_truncation_warning(max_bytes, len(markup)))
    markup = unicodedata.normalize("NFC", markup)  # as trafilatura does for bytes; gold text is NFC
    if markup.count("<") > _MAX_TAGS:
        markup = _cut_tags(markup, _MAX_TAGS)
        warnings.append(
            f"{WARN_TRUNCATED} page has more than {_MAX_TAGS:,} tags; kept the first {_MAX_TAGS:,}"
        )
    if not markup.strip():
        return _failure(EmptyInput, source, f"{source}: the page is empty")
    return markup, warnings


def _declared_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    match = _META_CHARSET.search(data[:_META_SNIFF])
    if match:
        try:
            name = codecs.lookup(match.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            return "utf-8"
        return _CHARSET_ALIASES.get(name, name)
    return "utf-8"


def _decode(data: bytes, encoding: str) -> tuple[str, str | None]:
    if encoding.startswith("utf-16"):
        return data.decode(encoding, errors="replace").lstrip("\ufeff"), None
    for candidate in dict.fromkeys((encoding, "utf-8")):
        try:
            return data.decode(candidate).lstrip("\ufeff"), None
        except UnicodeDecodeError:
            continue
    warning = f"{WARN_DECODE_FALLBACK} page bytes are not valid {encoding}; decoded as cp1252"
    return data.decode("cp1252", errors="replace"), warning


def _cut_bytes(data: bytes, limit: int, encoding: str) -> bytes:
    """At most `limit` bytes, ending before a tag opens ('<' is one byte in every ASCII-based charset)."""
    if encoding.startswith("utf-16"):
        return data[: limit - limit % 2]
    position = data.rfind(b"<", 0, limit)
    if position >= limit // 2:
        return data[:position]
    end = limit
    while end > limit - 3 and data[end] & 0xC0 == 0x80:
        end -= 1  # a giant text node: back off UTF-8 continuation bytes so no character is split
    return data[:end]


def _cut_text(markup: str, limit: int) -> str:
    position = markup.rfind("<", 0, limit)
    return markup[:position] if position >= limit // 2 else markup[:limit]


def _cut_tags(markup: str, limit: int) -> str:
    """The markup before its `limit`-th '<'."""
    position = -1
    for _ in range(limit):
        position = markup.find("<", position + 1)
    return markup[:position]


def _truncation_warning(max_bytes: int, kept: int) -> str:
    return (
        f"{WARN_TRUNCATED} page is larger than the {max_bytes:,}-byte bound;"
        f" kept the first {kept:,}, cut before a tag"
    )


# --- extraction -----------------------------------------------------------------------------------------


def _extract(markup: str, url: str | None) -> _Page:
    from trafilatura import bare_extraction

    options: dict[str, Any] = {"url": url, "include_comments": False, "include_tables": True}
    precise = bare_extraction(markup, favor_precision=True, with_metadata=True, **options)
    recall = bare_extraction(markup, favor_recall=True, **options)
    text, mode = _text_of(precise), "precision"
    if len(text) < _FALLBACK_RATIO * len(recall_text := _text_of(recall)):
        text, mode = recall_text, "recall"
    meta = precise if precise is not None else recall
    title = _attr(meta, "title")
    return _Page(
        text=_clean_edges(text, title),
        title=title,
        date=_attr(meta, "date"),
        sitename=_attr(meta, "sitename"),
        url=_attr(meta, "url"),
        mode=mode,
    )


def _text_of(document: object) -> str:
    return _attr(document, "text") or ""


def _attr(document: object, name: str) -> str | None:
    value = getattr(document, name, None) if document is not None else None
    return value.strip() or None if isinstance(value, str) else None


def _clean_edges(text: str, title: str | None) -> str:
    """Non-empty lines, without a leading copy of the title and without boilerplate at either edge."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and _repeats_title(lines[0], title):
        lines = lines[1:]
    while lines and _is_boilerplate(lines[-1]):
        lines.pop()
    while lines and _is_boilerplate(lines[0]):
        lines.pop(0)
    return "\n".join(lines)


def _repeats_title(line: str, title: str) -> bool:
    words, title_words = _words(line), _words(title)
    if not words:
        return False
    return words == title_words or (len(words) > 15 and words in title_words)


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _is_boilerplate(line: str) -> bool:
    return len(line) < _EDGE_LINE_MAX and _BOILERPLATE.search(line) is not None


# --- the record -----------------------------------------------------------------------------------------


def _raw_article(
    page: _Page,
    source: str,
    url: str | None,
    published: str | None,
    published_from: str | None,
    warnings: list[str],
) -> RawArticle:
    if published is None and page.date is not None:
        published, published_from = page.date, "page"
    values: dict[str, Any] = {
        "text": page.text,
        "source": source,
        "source_format": "html",
        "url": url or page.url,
        "published": published,
        "outlet": page.sitename,
        "headline": page.title,
        "warnings": tuple(warnings),
        "published_from": published_from if published is not None else None,
        "provenance": (("extractor", EXTRACTOR), ("html_mode", page.mode)),
    }
    known = {field.name for field in dataclasses.fields(RawArticle)}
    return RawArticle(**{name: value for name, value in values.items() if name in known})


def _failure(error: type[InputError], source: str, message: str) -> Failure:
    return Failure(source=source, code=error.code, message=message, hint=error.hint)
