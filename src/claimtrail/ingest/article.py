"""Turn a `RawArticle` into the `PreparedArticle` the NLP layer analyses: headline, body, dateline, date.

The body `text` is made of verbatim slices of the raw text: kept paragraphs are concatenated with the
paragraph break that followed them in the raw input, and `source_spans` map every slice back, so
`text[s.start:s.end] == raw.text[s.raw_start:s.raw_start + s.end - s.start]`. Every dropped piece is a
`Removal` with its raw offsets.

Decisions where the brief is silent:

- paragraphs are separated by blank lines; a text with no blank line at all has one paragraph per line;
- the headline (plain text only, or JSONL without a "headline" field) is a first paragraph of one short
  line (2-25 words, at most 200 characters) not ending in a period, not opening with a dateline or byline,
  with more text after it;
- a byline paragraph ("By Jane Doe") among the first three paragraphs is removed (reason "byline");
- duplicate paragraphs (case, whitespace, a leading dateline and trailing punctuation ignored) are removed
  when they hold at least 5 words, so short repeated answers ("No.") in interviews survive; the copy that
  opens with a dateline is kept, else the first. A removed copy before the kept one is a "standfirst",
  one after it a "repeated paragraph"; copies of the headline are "repeated headline";
- `warnings` repeats the raw article's warnings and adds CT-W003 when the input publication date cannot
  be read;
- a non-English article is a CT-E005 `Failure`: claimtrail's extraction is skipped for it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.errors import WARN_BAD_PUBLISHED, EmptyInput, InputError, NotEnglish
from claimtrail.ingest.dateline import find_dateline, parse_dateline
from claimtrail.ingest.language import LANGUAGE_NAMES, detect_language
from claimtrail.ingest.normalize import normalize_published
from claimtrail.models import (
    Dateline,
    Failure,
    PreparedArticle,
    PublishedFrom,
    RawArticle,
    Removal,
    SourceSpan,
)

__all__ = ["prepare_article"]

_PARAGRAPH_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BYLINE = re.compile(r"^By\s+[A-Z]", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s+")
_TRAILING_PUNCTUATION = ".,;:!?…"
_HEADLINE_MAX_CHARS = 200
_HEADLINE_MAX_WORDS = 25
_BYLINE_MAX_WORDS = 12
_DEDUP_MIN_WORDS = 5
_TOP_PARAGRAPHS = 3


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """A paragraph of the raw text, trimmed: raw[start:end] == text."""

    start: int
    end: int
    text: str


def prepare_article(raw: RawArticle) -> PreparedArticle | Failure:
    """The article ready for NLP, or a `Failure` (CT-E002 empty, CT-E005 not English)."""
    if not raw.text.strip():
        return _failure(EmptyInput, raw.source, "the article has no text")
    if raw.headline is not None:
        headline, text = raw.headline.strip() or None, raw.text
        removed: tuple[Removal, ...] = ()
        spans: tuple[SourceSpan, ...] = (SourceSpan(start=0, end=len(text), raw_start=0),)
    else:
        headline, text, removed, spans = _split_structure(raw.text)
    if not text.strip():  # only a headline and a byline: nothing to analyse
        return _failure(EmptyInput, raw.source, "the article has no body after its headline")
    language = detect_language(text)
    if language != "en":
        return _not_english(raw.source, language)
    dateline = find_dateline(text, published=raw.published)
    published, published_from, warnings = _publication(raw, dateline)
    return PreparedArticle(
        raw=raw,
        headline=headline,
        text=text,
        removed=removed,
        source_spans=spans,
        dateline=dateline,
        published=published,
        published_from=published_from,
        language=language,
        warnings=raw.warnings + warnings,
    )


def _not_english(source: str, language: str) -> Failure:
    name = LANGUAGE_NAMES.get(language, language)
    return _failure(
        NotEnglish, source, f"the article looks like {name} ({language}), not English; extraction skipped"
    )


def _failure(error: type[InputError], source: str, message: str) -> Failure:
    return Failure(source=source, code=error.code, message=message, hint=error.hint)


def _publication(
    raw: RawArticle, dateline: Dateline | None
) -> tuple[str | None, PublishedFrom | None, tuple[str, ...]]:
    """The publication date, where it came from, and a warning when the input's date is unreadable."""
    from_input = normalize_published(raw.published)
    warnings: tuple[str, ...] = ()
    if raw.published and raw.published.strip() and from_input is None:
        warnings = (f"{WARN_BAD_PUBLISHED} could not read the publication date {raw.published!r}; ignored",)
    if dateline is not None and dateline.date is not None:
        if from_input and from_input[:10] == dateline.date:
            # the same day: the input's date is the source (a dateline without a year took it from there),
            # and it may carry a time and offset the dateline lacks
            return from_input, _input_origin(raw.published_from), warnings
        return dateline.date, "dateline", warnings
    if from_input is not None:
        return from_input, _input_origin(raw.published_from), warnings
    return None, None, warnings


def _input_origin(published_from: str | None) -> PublishedFrom:
    """Where the reader found `raw.published` (page metadata, a feed, a WARC header); "input" by default."""
    origins: dict[str | None, PublishedFrom] = {"page": "page", "feed": "feed", "warc": "warc"}
    return origins.get(published_from, "input")


# --- structure: headline, bylines, duplicates -----------------------------------------------------------


def _split_structure(
    raw_text: str,
) -> tuple[str | None, str, tuple[Removal, ...], tuple[SourceSpan, ...]]:
    paragraphs = _paragraphs(raw_text)
    reasons = _bylines(paragraphs)
    headline = _headline(paragraphs, reasons)
    if headline is not None:
        reasons[0] = "headline"
        reasons.update(_copies_of(paragraphs, headline, "repeated headline"))
    reasons.update(_duplicates(paragraphs, reasons))
    kept = [index for index in range(len(paragraphs)) if index not in reasons]
    text, spans = _assemble(raw_text, paragraphs, kept)
    removed = tuple(
        Removal(
            reason=reasons[index],
            text=paragraphs[index].text,
            raw_start=paragraphs[index].start,
            raw_end=paragraphs[index].end,
        )
        for index in sorted(reasons)
    )
    return headline, text, removed, spans


def _paragraphs(raw_text: str) -> list[_Paragraph]:
    """Blank-line-separated paragraphs; one per line when the text has no blank line at all."""
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(raw_text) else _LINE_BREAK
    paragraphs, start = [], 0
    for brk in [*breaks.finditer(raw_text), None]:
        end = brk.start() if brk else len(raw_text)
        if paragraph := _trimmed(raw_text, start, end):
            paragraphs.append(paragraph)
        start = brk.end() if brk else end
    return paragraphs


def _trimmed(raw_text: str, start: int, end: int) -> _Paragraph | None:
    piece = raw_text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    left = start + len(piece) - len(piece.lstrip())
    return _Paragraph(start=left, end=left + len(stripped), text=stripped)


def _headline(paragraphs: Sequence[_Paragraph], bylines: dict[int, str]) -> str | None:
    """The first paragraph when it looks like a headline and some body (not a copy, not a byline) follows."""
    first = paragraphs[0].text
    copies = _copies_of(paragraphs, first, "repeated headline")
    has_body = any(index not in copies and index not in bylines for index in range(1, len(paragraphs)))
    return first if has_body and _looks_like_headline(first) else None


def _looks_like_headline(text: str) -> bool:
    words = text.split()
    if "\n" in text or "\r" in text or len(text) > _HEADLINE_MAX_CHARS:
        return False
    if not 2 <= len(words) <= _HEADLINE_MAX_WORDS or _ends_sentence(words[-1]):
        return False
    return not _is_byline(text) and parse_dateline(text) is None


def _ends_sentence(last_word: str) -> bool:
    """A final period ends a sentence, unless it closes an abbreviation such as "U.S." or an ellipsis."""
    bare = last_word.rstrip("\"'”’)")
    return bare.endswith(".") and bare.count(".") == 1


def _is_byline(text: str) -> bool:
    words = text.split()
    return bool(_BYLINE.match(text)) and len(words) <= _BYLINE_MAX_WORDS and not _ends_sentence(words[-1])


def _copies_of(paragraphs: Sequence[_Paragraph], text: str, reason: str) -> dict[int, str]:
    key = _comparison_key(text)
    return {
        index: reason for index, para in enumerate(paragraphs) if index and _comparison_key(para.text) == key
    }


def _bylines(paragraphs: Sequence[_Paragraph]) -> dict[int, str]:
    top = range(min(_TOP_PARAGRAPHS, len(paragraphs)))
    return {index: "byline" for index in top if _is_byline(paragraphs[index].text)}


def _duplicates(paragraphs: Sequence[_Paragraph], taken: dict[int, str]) -> dict[int, str]:
    """Every copy of a repeated paragraph but one: the copy opening with a dateline, else the first."""
    groups: defaultdict[str, list[int]] = defaultdict(list)
    for index, para in enumerate(paragraphs):
        key = _comparison_key(para.text)
        if index not in taken and len(key.split()) >= _DEDUP_MIN_WORDS:
            groups[key].append(index)
    reasons: dict[int, str] = {}
    for copies in groups.values():
        keeper = next((i for i in copies if parse_dateline(paragraphs[i].text) is not None), copies[0])
        for index in copies:
            if index != keeper:
                reasons[index] = "standfirst" if index < keeper else "repeated paragraph"
    return reasons


@lru_cache(maxsize=256)  # each paragraph is compared up to three times (headline copies, duplicates)
def _comparison_key(text: str) -> str:
    """Case- and whitespace-insensitive text, without a leading dateline or trailing punctuation."""
    dateline = parse_dateline(text)
    if dateline is not None:
        text = text[dateline.end :]
    return _WHITESPACE.sub(" ", text).strip().rstrip(_TRAILING_PUNCTUATION).strip().casefold()


# --- assembly: verbatim slices and their source spans ---------------------------------------------------


def _assemble(
    raw_text: str, paragraphs: Sequence[_Paragraph], kept: Sequence[int]
) -> tuple[str, tuple[SourceSpan, ...]]:
    """Concatenate runs of adjacent kept paragraphs; a run carries the raw break that followed it."""
    slices: list[tuple[int, int]] = []
    for run in _runs(kept):
        last = run[-1]
        end = paragraphs[last + 1].start if last != kept[-1] else paragraphs[last].end
        slices.append((paragraphs[run[0]].start, end))
    spans, position = [], 0
    for raw_start, raw_end in slices:
        spans.append(SourceSpan(start=position, end=position + raw_end - raw_start, raw_start=raw_start))
        position += raw_end - raw_start
    return "".join(raw_text[start:end] for start, end in slices), tuple(spans)


def _runs(indices: Sequence[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs
