"""A fake of the trail queries over hand-built views (the fixtures are in conftest.py).

The fake returns the same frozen views the library does, so templates, JSON twins and the OpenAPI schemas
are tested without the linker. `<script>` sits in the article text, a quote and a claim label on purpose:
every page must show it escaped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from claimtrail.store import SQLStore
from claimtrail.trails.views import (
    ActorStance,
    ActorSummary,
    ActorView,
    Appearance,
    ArticleRef,
    ArticleView,
    LinkReason,
    QuoteRef,
    StanceEvent,
    TimelinePoint,
    TitleSeen,
    TrailSummary,
    TrailView,
)

TRAIL_ID = "tr-0001"
ARTICLE_ID = "ct-aaaaaaaaaaaaaaaaaaaa"
COPY_ID = "ct-bbbbbbbbbbbbbbbbbbbb"
ACTOR_ID = "ac-jorge-arreaza"
XSS = "<script>alert('x')</script>"

TEXT = (
    "CARACAS (Wire Daily / Sputnik - 28th January, 2019) Foreign Minister Jorge Arreaza on Monday denied"
    " reports that 400 contractors arrived in Venezuela. "
    f'"These are just rumors {XSS}," Arreaza told RT. '
    "Reuters reported on Friday that 400 contractors arrived in Venezuela."
)


def _span(part: str, start_at: int = 0) -> dict[str, Any]:
    start = TEXT.index(part, start_at)
    return {"start": start, "end": start + len(part), "text": part}


def record() -> dict[str, Any]:
    claim_1 = _span("400 contractors arrived in Venezuela")
    claim_2 = _span("400 contractors arrived in Venezuela", claim_1["end"])
    quote = _span(f"These are just rumors {XSS},")
    deny_evidence = _span(
        "Foreign Minister Jorge Arreaza on Monday denied reports that 400 contractors arrived in Venezuela."
    )
    report_evidence = _span("Reuters reported on Friday that 400 contractors arrived in Venezuela.")
    arreaza = {"actor": "a1", "name": "Jorge Arreaza"}
    reuters = {"actor": "a2", "name": "Reuters"}
    return {
        "schema": "claimtrail.article/1",
        "id": ARTICLE_ID,
        "source": {"path": "test", "url": "https://example.com/a", "format": "text"},
        "language": "en",
        "headline": f"Minister denies contractor report {XSS}",
        "published": "2019-01-28",
        "published_from": "dateline",
        "dateline": {
            "place": "CARACAS",
            "outlets": ["Wire Daily", "Sputnik"],
            "date": "2019-01-28",
            "start": 0,
            "end": TEXT.index(")") + 1,
        },
        "text": TEXT,
        "removed": [],
        "source_spans": [],
        "actors": [
            {
                "id": "a1",
                "name": "Jorge Arreaza",
                "kind": "PERSON",
                "titles": ["Foreign Minister"],
                "affiliation": "Venezuela",
                "mentions": [
                    _span("Jorge Arreaza"),
                    {**_span("Arreaza told"), "end": _span("Arreaza told")["start"] + 7, "text": "Arreaza"},
                ],
            },
            {
                "id": "a2",
                "name": "Reuters",
                "kind": "ORG",
                "titles": [],
                "affiliation": None,
                "mentions": [_span("Reuters")],
            },
        ],
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "text": quote["text"],
                "start": quote["start"],
                "end": quote["end"],
                "speaker": arreaza,
                "cue": "told",
                "addressee": None,
                "date": None,
                "source_description": None,
            },
        ],
        "claims": [
            {
                "id": "c1",
                "text": claim_1["text"],
                "start": claim_1["start"],
                "end": claim_1["end"],
                "normalized": "400 Russian contractors arrived in Venezuela",
                "stances": [
                    {
                        "actor": arreaza,
                        "source_description": None,
                        "stance": "denies",
                        "cue": "denied",
                        "evidence": deny_evidence,
                        "date": "2019-01-28",
                    }
                ],
            },
            {
                "id": "c2",
                "text": claim_2["text"],
                "start": claim_2["start"],
                "end": claim_2["end"],
                "normalized": "400 Russian contractors arrived in Venezuela",
                "stances": [
                    {
                        "actor": reuters,
                        "source_description": None,
                        "stance": "reports",
                        "cue": "reported",
                        "evidence": report_evidence,
                        "date": "2019-01-25",
                    }
                ],
            },
        ],
        "timexes": [
            {
                "text": "28th January, 2019",
                **{k: v for k, v in _span("28th January, 2019").items() if k != "text"},
                "type": "DATE",
                "value": "2019-01-28",
                "anchor": None,
            },
            {
                "text": "Monday",
                **{k: v for k, v in _span("Monday").items() if k != "text"},
                "type": "DATE",
                "value": "2019-01-28",
                "anchor": "2019-01-28",
            },
        ],
        "warnings": [],
        "pipeline": "test",
        "provenance": [],
    }


REF = ArticleRef(
    id=ARTICLE_ID, headline=f"Minister denies contractor report {XSS}", outlet="Wire Daily", date="2019-01-28"
)
COPY = ArticleRef(
    id=COPY_ID, headline="Minister denies contractor report", outlet="Pakistan Point News", date="2019-01-28"
)
EARLY = ArticleRef(
    id="ct-cccccccccccccccccccc", headline="Contractors arrive", outlet="Reuters", date="2019-01-25"
)

SUMMARY = TrailSummary(
    id=TRAIL_ID,
    label=f"400 Russian contractors arrived in Venezuela {XSS}",
    first_seen="2019-01-25",
    last_seen="2019-01-28",
    first_outlet="Reuters",
    n_articles=2,
    n_outlets=3,
    stance_counts={"reports": 2, "asserts": 1, "questions": 1, "denies": 2},
    disputed=True,
    state="reported by 2 outlets; denied by 2 officials of Venezuela; not confirmed",
)
QUIET = TrailSummary(
    id="tr-0002",
    label="The library will open in spring",
    first_seen="2019-03-01",
    last_seen="2019-03-01",
    first_outlet="City Paper",
    n_articles=1,
    n_outlets=1,
    stance_counts={"asserts": 1},
    disputed=False,
    state="asserted by the city council",
)


def _stance(stance: str, date: str, article: ArticleRef, actor: bool = True) -> StanceEvent:
    return StanceEvent(
        article=article,
        actor_id=ACTOR_ID if actor else None,
        actor_name="Jorge Arreaza" if actor else None,
        actor_title="Foreign Minister" if actor else None,
        affiliation="Venezuela" if actor else None,
        source_description=None if actor else "people familiar with the matter",
        stance=stance,
        cue={"denies": "denied", "reports": "reported", "asserts": "said", "questions": "doubted"}[stance],
        evidence=f"evidence for {stance}",
        evidence_start=0,
        evidence_end=10,
        date=date,
    )


TRAIL = TrailView(
    summary=SUMMARY,
    event_date="2019-01-24",
    appearances=(
        Appearance(
            article=EARLY,
            claim_local_id="c1",
            claim_text="400 contractors arrived",
            statement="400 Russian contractors arrived in Venezuela",
            start_char=0,
            end_char=20,
            evidence="Reuters reported that 400 contractors arrived.",
            copies=(),
            first=True,
        ),
        Appearance(
            article=REF,
            claim_local_id="c1",
            claim_text="400 contractors arrived in Venezuela",
            statement="400 Russian contractors arrived in Venezuela",
            start_char=10,
            end_char=40,
            evidence=f"Arreaza denied reports {XSS}",
            copies=(COPY,),
            first=False,
        ),
    ),
    stances=(
        _stance("reports", "2019-01-25", EARLY, actor=False),
        _stance("asserts", "2019-01-26", EARLY, actor=False),
        _stance("questions", "2019-01-27", REF, actor=False),
        _stance("denies", "2019-01-28", REF),
    ),
    timeline=(
        TimelinePoint(date="2019-01-25", counts={"appearances": 1, "reports": 2}),
        TimelinePoint(date="2019-01-26", counts={"asserts": 1}),
        TimelinePoint(date="2019-01-27", counts={"questions": 1}),
        TimelinePoint(date="2019-01-28", counts={"appearances": 1, "denies": 2}),
    ),
    links=(
        LinkReason(
            article_id=EARLY.id,
            claim_local_id="c1",
            matched_article_id=None,
            matched_claim_local_id=None,
            score=1.0,
            text_similarity=1.0,
            shared_entities=(),
            date_gap_days=None,
            method="claimtrail.link/1",
        ),
        LinkReason(
            article_id=REF.id,
            claim_local_id="c1",
            matched_article_id=EARLY.id,
            matched_claim_local_id="c1",
            score=0.82,
            text_similarity=0.77,
            shared_entities=("Venezuela",),
            date_gap_days=3,
            method="claimtrail.link/1",
        ),
    ),
)

ARTICLE = ArticleView(
    article=REF,
    record=record(),
    story_id="st-1",
    original_outlet="Sputnik",
    copies=(COPY,),
    claim_trails={"c1": TRAIL_ID, "c2": TRAIL_ID},
    actor_ids={"a1": ACTOR_ID},
)

ACTOR = ActorView(
    id=ACTOR_ID,
    name="Jorge Arreaza",
    kind="PERSON",
    affiliations=("Venezuela",),
    names=("Jorge Arreaza", "Arreaza"),
    titles=(
        TitleSeen(title="Foreign Minister", first_seen="2019-01-20", last_seen="2019-01-28", n_articles=2),
    ),
    quotes=(
        QuoteRef(
            article=REF,
            kind="direct",
            text=f"These are just rumors {XSS},",
            cue="told",
            start_char=5,
            end_char=30,
            date="2019-01-28",
        ),
    ),
    stances=(
        ActorStance(
            trail_id=TRAIL_ID,
            trail_label=SUMMARY.label,
            stance="denies",
            article=REF,
            evidence="Arreaza denied reports",
            date="2019-01-28",
        ),
        ActorStance(
            trail_id="tr-0002",
            trail_label=QUIET.label,
            stance="asserts",
            article=REF,
            evidence="Arreaza said the library will open",
            date="2019-01-20",
        ),
    ),
    articles=(REF, COPY),
)


class FakeQueries:
    """The trail queries over the views above; remembers the last search's arguments."""

    def __init__(self) -> None:
        self.last_search: dict[str, Any] = {}

    def search_claims(self, store: SQLStore, **filters: Any) -> list[TrailSummary]:
        self.last_search = filters
        rows = [SUMMARY, QUIET] + [
            replace(QUIET, id=f"tr-{n:04d}", label=f"Filler claim {n}") for n in range(3, 60)
        ]
        if filters.get("search"):
            rows = [r for r in rows if filters["search"].lower() in r.label.lower()]
        if filters.get("disputed") is not None:
            rows = [r for r in rows if r.disputed == filters["disputed"]]
        offset, limit = (
            filters.get("offset", 0),
            min(filters.get("limit", 50), 100),
        )  # the library caps at 100
        return rows[offset : offset + limit]

    def get_trail(self, store: SQLStore, trail_id: str) -> TrailView | None:
        return TRAIL if trail_id == TRAIL_ID else None

    def get_article(self, store: SQLStore, article_id: str) -> ArticleView | None:
        return ARTICLE if article_id == ARTICLE_ID else None

    def get_actor(self, store: SQLStore, actor_id: str) -> ActorView | None:
        return ACTOR if actor_id == ACTOR_ID else None

    def search_actors(self, store: SQLStore, query: str, limit: int = 20) -> list[ActorSummary]:
        actors = [ActorSummary(id=ACTOR_ID, name="Jorge Arreaza", kind="PERSON", n_articles=2)]
        return [a for a in actors if query.lower() in a.name.lower()][:limit]
