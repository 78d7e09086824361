"""Immutable records that cross every boundary (CLI, store, web, workers).

No spaCy import here: records pickle cleanly and mypy checks them strictly. Every offset is a character
offset into `ArticleRecord.text`, the exact string the NLP layer analysed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA = "claimtrail.article/1"

ActorKind = Literal["PERSON", "ORG", "GPE", "NORP", "UNNAMED"]
QuoteKind = Literal["direct", "mixed", "indirect"]
StanceLabel = Literal["asserts", "reports", "denies", "questions"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PublishedFrom = Literal["dateline", "input", "page", "feed", "warc"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of `text`: [start, end) with the characters it covers."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceSpan:
    """A segment of the article's `text` copied from the raw input: text[start:end] == raw[raw_start:...]."""

    start: int
    end: int
    raw_start: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """Something dropped from the raw input before analysis, and why."""

    reason: str
    text: str
    raw_start: int
    raw_end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    place: str | None
    outlets: tuple[str, ...]
    date: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RawArticle:
    """One article as read from its source, before any cleaning."""

    text: str
    source: str
    source_format: str
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    headline: str | None = None
    warnings: tuple[str, ...] = ()
    published_from: str | None = None  # where `published` came from when not the input: page, feed, warc
    provenance: tuple[tuple[str, str], ...] = ()  # (key, value): ("warc_record_id", "<urn:uuid:...>"), ...


@dataclass(frozen=True, slots=True, kw_only=True)
class PreparedArticle:
    """An article ready for NLP: the body to analyse and what reading it found."""

    raw: RawArticle
    headline: str | None
    text: str
    removed: tuple[Removal, ...]
    source_spans: tuple[SourceSpan, ...]
    dateline: Dateline | None
    published: str | None
    published_from: PublishedFrom | None
    language: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    titles: tuple[str, ...]
    affiliation: str | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    actor: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: ActorRef | None
    cue: str | None
    addressee: ActorRef | None
    date: str | None = None
    source_description: str | None = None
    audience: str | None = None  # listeners the text only describes ("told reporters"): no actor to point to


@dataclass(frozen=True, slots=True, kw_only=True)
class Stance:
    actor: ActorRef | None
    source_description: str | None
    stance: StanceLabel
    cue: str
    evidence: Span
    date: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    id: str
    text: str
    start: int
    end: int
    normalized: str
    stances: tuple[Stance, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    text: str
    start: int
    end: int
    type: TimexType
    value: str
    anchor: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """Why one input could not be processed; the batch goes on."""

    source: str
    code: str
    message: str
    hint: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRecord:
    """The one record per article that `extract` writes (see docs/schema/article-1.json)."""

    id: str
    source: str
    source_format: str
    url: str | None
    language: str
    headline: str | None
    text: str
    removed: tuple[Removal, ...]
    source_spans: tuple[SourceSpan, ...]
    dateline: Dateline | None
    published: str | None
    published_from: PublishedFrom | None
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    timexes: tuple[Timex, ...]
    warnings: tuple[str, ...] = ()
    pipeline: str = ""
    schema: str = field(default=SCHEMA)
    provenance: tuple[tuple[str, str], ...] = ()
