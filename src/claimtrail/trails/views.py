"""What the trail queries return: frozen, JSON-ready records shared by the CLI, the web app and the API.

Every view is a plain dataclass of strings, numbers and tuples, so `as_dict` turns it into JSON as is.
Dates are ISO 8601 strings (`YYYY-MM-DD`, or coarser like `2019-01`) or None when unknown. Stances use the
record's labels: `reports`, `asserts`, `questions`, `denies`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ActorStance",
    "ActorSummary",
    "ActorView",
    "Appearance",
    "ArticleRef",
    "ArticleView",
    "LinkReason",
    "QuoteRef",
    "StanceEvent",
    "TimelinePoint",
    "TitleSeen",
    "TrailSummary",
    "TrailView",
    "as_dict",
]

STANCES = ("reports", "asserts", "questions", "denies")


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRef:
    """An article as a pointer: enough to list it and link to it."""

    id: str
    headline: str | None
    outlet: str | None
    date: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TrailSummary:
    """One line of the claims list: a trail and the state of its life so far."""

    id: str
    label: str  # the claim as first stated (normalised statement)
    first_seen: str | None
    last_seen: str | None
    first_outlet: str | None
    n_articles: int  # distinct stories; syndicated copies count once
    n_outlets: int
    stance_counts: dict[str, int]  # label -> number of stances (see STANCES)
    disputed: bool  # someone questioned or denied it
    state: str  # e.g. "reported by 3 outlets; denied by 2 officials of the Russian government; not confirmed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Appearance:
    """The claim in one story (an article and its syndicated copies)."""

    article: ArticleRef
    claim_local_id: str
    claim_text: str  # as written in the article
    statement: str  # the normalised, self-contained statement
    start_char: int  # the claim's offsets in the article text
    end_char: int
    evidence: str  # the sentence that carries the claim
    copies: tuple[ArticleRef, ...]  # other copies of the same story
    first: bool  # the trail's first appearance


@dataclass(frozen=True, slots=True, kw_only=True)
class StanceEvent:
    """Someone's stance on the trail's claim, in one article."""

    article: ArticleRef
    actor_id: str | None  # the store-wide actor id, when the stance holder is named
    actor_name: str | None
    actor_title: str | None
    affiliation: str | None
    source_description: str | None  # for unnamed sources: "people familiar with the matter"
    stance: str
    cue: str
    evidence: str
    evidence_start: int
    evidence_end: int
    date: str | None  # when the stance was taken (the quote's date, else the article's)


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    date: str
    counts: dict[str, int]  # "appearances" and each stance label -> count on that date


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkReason:
    """Why a claim joined the trail: the claim it matched and the evidence of the match."""

    article_id: str
    claim_local_id: str
    matched_article_id: str | None  # None for the claim that started the trail
    matched_claim_local_id: str | None
    score: float
    text_similarity: float
    shared_entities: tuple[str, ...]
    date_gap_days: int | None
    method: str  # the linker's version, e.g. "claimtrail.link/1"


@dataclass(frozen=True, slots=True, kw_only=True)
class TrailView:
    summary: TrailSummary
    event_date: str | None  # when the claimed event happened, when a text says
    appearances: tuple[Appearance, ...]  # in date order, first appearance first
    stances: tuple[StanceEvent, ...]  # in date order
    timeline: tuple[TimelinePoint, ...]  # one point per date with activity
    links: tuple[LinkReason, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TitleSeen:
    title: str
    first_seen: str | None
    last_seen: str | None
    n_articles: int


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteRef:
    article: ArticleRef
    kind: str  # direct, mixed, indirect
    text: str
    cue: str | None
    start_char: int
    end_char: int
    date: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorStance:
    trail_id: str
    trail_label: str
    stance: str
    article: ArticleRef
    evidence: str
    date: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorSummary:
    id: str
    name: str
    kind: str  # person, organisation, place (a government by metonymy), ...
    n_articles: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorView:
    """One actor across the store: "Peskov", "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov" are one."""

    id: str
    name: str
    kind: str
    affiliations: tuple[str, ...]
    names: tuple[str, ...]  # every name the actor went by
    titles: tuple[TitleSeen, ...]
    quotes: tuple[QuoteRef, ...]  # newest first
    stances: tuple[ActorStance, ...]  # newest first
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleView:
    article: ArticleRef
    record: dict[str, Any]  # the full `claimtrail.article/1` record (see docs/record.md)
    story_id: str | None
    original_outlet: str | None  # the story's credited outlet, e.g. Sputnik for a Pakistan Point News copy
    copies: tuple[ArticleRef, ...]  # other articles of the same story
    claim_trails: dict[str, str]  # claim local id -> trail id
    actor_ids: dict[str, str]  # actor local id -> store-wide actor id


def as_dict(view: Any) -> dict[str, Any]:
    """A view as JSON-ready data (tuples become lists)."""
    return dataclasses.asdict(view)
