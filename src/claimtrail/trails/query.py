"""Read the store as trails, articles and actors: the functions behind the CLI, the web app and the API.

Every function takes an open store (`claimtrail.store.open_store`) and returns the frozen views of
`trails.views`. SQL is parameterised throughout; user text reaches full-text search only as quoted terms.
Syndicated copies count once: a trail's appearance is a story (its earliest article), the other copies are
listed under it, and only the earliest copy's stances are counted.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from claimtrail.store import SQLStore
from claimtrail.trails._sql import ARTICLE_DATE, chunks, placeholders
from claimtrail.trails.lifecycle import StanceFact, describe_state
from claimtrail.trails.views import (
    STANCES,
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

__all__ = [
    "MAX_LIMIT",
    "Sort",
    "get_actor",
    "get_article",
    "get_trail",
    "search_actors",
    "search_claims",
    "trail_summary",
]

Sort = Literal["recent", "activity"]
MAX_LIMIT = 100
_TERM = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")


# --- articles -------------------------------------------------------------------------------------------


def _article_refs(store: SQLStore, ids: Sequence[str]) -> dict[str, ArticleRef]:
    unique = sorted(set(ids))
    if not unique:
        return {}
    rows = store.execute_sql(
        f"SELECT ar.id, ar.headline, o.name, {ARTICLE_DATE} FROM articles ar"
        f" LEFT JOIN outlets o ON o.id = ar.outlet_id WHERE ar.id IN ({placeholders(unique)})",
        tuple(unique),
    )
    return {r[0]: ArticleRef(id=r[0], headline=r[1], outlet=r[2], date=r[3]) for r in rows}


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding text[start:end]: the evidence shown for an appearance."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right = len(text)
    if (after := _SENTENCE_END.search(text, end)) is not None:
        right = after.start()
    return text[left:right].strip()


def get_article(store: SQLStore, article_id: str) -> ArticleView | None:
    rows = store.execute_sql(
        "SELECT ar.record, ar.story_id, o.name FROM articles ar"
        " LEFT JOIN stories s ON s.id = ar.story_id LEFT JOIN outlets o ON o.id = s.original_outlet_id"
        " WHERE ar.id = ?",
        (article_id,),
    )
    if not rows:
        return None
    record_json, story_id, original = rows[0]
    copies = [
        r[0]
        for r in store.execute_sql(
            "SELECT id FROM articles WHERE story_id = ? AND id <> ? ORDER BY id", (story_id, article_id)
        )
    ]
    refs = _article_refs(store, [article_id, *copies])
    trails = store.execute_sql(
        "SELECT claim_local_id, trail_id FROM trail_claims WHERE article_id = ?", (article_id,)
    )
    actors = store.execute_sql(
        "SELECT actor_local_id, store_actor_id FROM actor_links WHERE article_id = ?", (article_id,)
    )
    return ArticleView(
        article=refs[article_id],
        record=json.loads(record_json),
        story_id=story_id,
        original_outlet=original,
        copies=tuple(sorted((refs[c] for c in copies), key=lambda r: (r.date or "", r.id))),
        claim_trails={str(c): str(t) for c, t in trails},
        actor_ids={str(a): str(s) for a, s in actors},
    )


# --- trails ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Member:
    article_id: str
    claim_id: str
    story_id: str
    date: str | None
    text: str
    statement: str
    start: int
    end: int


def _members(store: SQLStore, trail_id: str) -> list[_Member]:
    """The trail's claims in date order; within a story and a day, the original outlet's copy first."""
    rows = store.execute_sql(
        f"SELECT c.article_id, c.local_id, coalesce(ar.story_id, ar.id), {ARTICLE_DATE}, c.text,"
        " c.normalized, c.start_char, c.end_char,"
        " CASE WHEN ar.outlet_id = s.original_outlet_id THEN 0 ELSE 1 END"
        " FROM trail_claims t"
        " JOIN claims c ON c.article_id = t.article_id AND c.local_id = t.claim_local_id"
        " JOIN articles ar ON ar.id = t.article_id LEFT JOIN stories s ON s.id = ar.story_id"
        " WHERE t.trail_id = ?",
        (trail_id,),
    )
    rows.sort(key=lambda r: (r[3] or "9999", r[8], r[0], r[6]))
    return [_Member(*row[:8]) for row in rows]


def _story_leads(members: list[_Member]) -> dict[str, str]:
    """story id -> the story's earliest article in the trail (the one whose stances count)."""
    leads: dict[str, str] = {}
    for member in members:  # already in date order
        leads.setdefault(member.story_id, member.article_id)
    return leads


def _stance_rows(store: SQLStore, members: list[_Member], leads: dict[str, str]) -> list[tuple[Any, ...]]:
    lead_ids = set(leads.values())
    keys = [(m.article_id, m.claim_id) for m in members if m.article_id in lead_ids]
    if not keys:
        return []
    condition = " OR ".join("(s.article_id = ? AND s.claim_local_id = ?)" for _ in keys)
    return store.execute_sql(
        "SELECT s.article_id, s.actor_id, s.actor_name, s.source_description, s.stance, s.cue,"
        f" s.evidence_start, s.evidence_end, s.evidence_text, s.date, a.titles, a.affiliation, a.kind,"
        f" l.store_actor_id FROM stances s"
        " LEFT JOIN actors a ON a.article_id = s.article_id AND a.local_id = s.actor_id"
        " LEFT JOIN actor_links l ON l.article_id = s.article_id AND l.actor_local_id = s.actor_id"
        f" WHERE {condition} ORDER BY s.article_id, s.claim_local_id, s.n",
        tuple(value for key in keys for value in key),
    )


def _stance_events(rows: list[tuple[Any, ...]], refs: dict[str, ArticleRef]) -> list[StanceEvent]:
    events, seen = [], set()
    for (
        article_id,
        _,
        name,
        description,
        stance,
        cue,
        start,
        end,
        evidence,
        date,
        titles,
        affiliation,
        _kind,
        store_actor,
    ) in rows:
        key = (article_id, store_actor or name or description, stance)
        if key in seen:  # one actor's stance counts once per article, however many claims carry it
            continue
        seen.add(key)
        title_list = json.loads(titles) if titles else []
        events.append(
            StanceEvent(
                article=refs[article_id],
                actor_id=store_actor,
                actor_name=name,
                actor_title=title_list[0] if title_list else None,
                affiliation=affiliation,
                source_description=description,
                stance=stance,
                cue=cue,
                evidence=evidence,
                evidence_start=int(start),
                evidence_end=int(end),
                date=date or refs[article_id].date,
            )
        )
    return sorted(events, key=lambda e: (e.date or "9999", e.article.id))


def _summary(
    trail_row: tuple[Any, ...], appearances: list[Appearance], stances: list[StanceEvent]
) -> TrailSummary:
    trail_id, label, first_seen, last_seen = trail_row[:4]
    counts = Counter(event.stance for event in stances)
    outlets = {a.article.outlet for a in appearances if a.article.outlet}
    facts = [
        StanceFact(
            stance=e.stance,
            actor=e.actor_name,
            kind=None if e.actor_name else "UNNAMED",
            title=e.actor_title,
            affiliation=e.affiliation,
            outlet=e.article.outlet,
            cue=e.cue,
        )
        for e in stances
    ]
    return TrailSummary(
        id=trail_id,
        label=label,
        first_seen=first_seen,
        last_seen=last_seen,
        first_outlet=appearances[0].article.outlet if appearances else None,
        n_articles=len(appearances),
        n_outlets=len(outlets),
        stance_counts={label_: counts.get(label_, 0) for label_ in STANCES},
        disputed=bool(counts.get("denies") or counts.get("questions")),
        state=describe_state(facts, n_outlets=len(outlets)),
    )


def _appearances(store: SQLStore, members: list[_Member], leads: dict[str, str]) -> list[Appearance]:
    by_story: dict[str, list[_Member]] = defaultdict(list)
    for member in members:
        by_story[member.story_id].append(member)
    copies_of: dict[str, list[str]] = {story: [] for story in by_story}
    stories = list(by_story)
    for chunk in chunks(stories):
        for article_id, story in store.execute_sql(
            f"SELECT id, story_id FROM articles WHERE story_id IN ({placeholders(chunk)})", tuple(chunk)
        ):
            copies_of[story].append(article_id)
    for story, members_of_story in by_story.items():  # articles stored without a story stand alone
        if not copies_of[story]:
            copies_of[story] = [members_of_story[0].article_id]
    refs = _article_refs(
        store, [a for ids in copies_of.values() for a in ids] + [m.article_id for m in members]
    )
    texts = dict(
        store.execute_sql(
            f"SELECT id, text FROM articles WHERE id IN ({placeholders(list(leads.values()))})",
            tuple(leads.values()),
        )
    )
    appearances: list[Appearance] = []
    for story, lead_id in leads.items():
        lead = next(m for m in by_story[story] if m.article_id == lead_id)
        copies = sorted(
            (refs[c] for c in copies_of[story] if c != lead_id), key=lambda r: (r.date or "", r.id)
        )
        appearances.append(
            Appearance(
                article=refs[lead_id],
                claim_local_id=lead.claim_id,
                claim_text=lead.text,
                statement=lead.statement,
                start_char=lead.start,
                end_char=lead.end,
                evidence=_sentence_around(texts.get(lead_id, ""), lead.start, lead.end),
                copies=tuple(copies),
                first=not appearances,
            )
        )
    return appearances


def _timeline(appearances: list[Appearance], stances: list[StanceEvent]) -> list[TimelinePoint]:
    days: dict[str, Counter[str]] = defaultdict(Counter)
    for appearance in appearances:
        if appearance.article.date:
            days[appearance.article.date]["appearances"] += 1
    for event in stances:
        if event.date and len(event.date) >= 10:
            days[event.date[:10]][event.stance] += 1
    return [
        TimelinePoint(date=day, counts={k: days[day].get(k, 0) for k in ("appearances", *STANCES)})
        for day in sorted(days)
    ]


def _links(store: SQLStore, trail_id: str) -> list[LinkReason]:
    rows = store.execute_sql(
        "SELECT article_id, claim_local_id, matched_article_id, matched_claim_local_id, score,"
        " text_similarity, shared_entities, date_gap_days, method FROM trail_claims WHERE trail_id = ?"
        " ORDER BY linked_at, article_id, claim_local_id",
        (trail_id,),
    )
    return [
        LinkReason(
            article_id=r[0],
            claim_local_id=r[1],
            matched_article_id=r[2],
            matched_claim_local_id=r[3],
            score=float(r[4]),
            text_similarity=float(r[5]),
            shared_entities=tuple(json.loads(r[6])),
            date_gap_days=r[7],
            method=r[8],
        )
        for r in rows
    ]


def _event_date(store: SQLStore, appearances: list[Appearance]) -> str | None:
    """The earliest dated timex inside the first appearance's claim sentence: when the event happened."""
    if not appearances:
        return None
    first = appearances[0]
    rows = store.execute_sql(
        "SELECT value FROM timexes WHERE article_id = ? AND type = 'DATE' AND start_char >= ?"
        " AND end_char <= ? ORDER BY start_char",
        (first.article.id, first.start_char, first.end_char),
    )
    dated = [str(r[0]) for r in rows if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", str(r[0]))]
    return dated[0] if dated else None


def _trail_parts(
    store: SQLStore, trail_row: tuple[Any, ...]
) -> tuple[TrailSummary, list[Appearance], list[StanceEvent]]:
    members = _members(store, trail_row[0])
    leads = _story_leads(members)
    appearances = _appearances(store, members, leads) if members else []
    refs = {a.article.id: a.article for a in appearances}
    stances = _stance_events(_stance_rows(store, members, leads), refs)
    return _summary(trail_row, appearances, stances), appearances, stances


_TRAIL_COLUMNS = "tr.id, tr.label, tr.first_seen, tr.last_seen, tr.summary"


def trail_summary(store: SQLStore, trail_id: str) -> TrailSummary | None:
    """The list line of one trail, computed afresh (the linker stores it in `trails.summary`)."""
    rows = store.execute_sql(f"SELECT {_TRAIL_COLUMNS} FROM trails tr WHERE tr.id = ?", (trail_id,))
    return _trail_parts(store, rows[0])[0] if rows else None


def _stored_summary(store: SQLStore, row: tuple[Any, ...]) -> TrailSummary:
    """The summary the linker stored with the trail, or computed now for trails written without one."""
    if row[4]:
        data = json.loads(row[4])
        if data.get("id") == row[0]:
            return TrailSummary(**data)
    return _trail_parts(store, row)[0]


def get_trail(store: SQLStore, trail_id: str) -> TrailView | None:
    rows = store.execute_sql(f"SELECT {_TRAIL_COLUMNS} FROM trails tr WHERE tr.id = ?", (trail_id,))
    if not rows:
        return None
    summary, appearances, stances = _trail_parts(store, rows[0])
    return TrailView(
        summary=summary,
        event_date=_event_date(store, appearances),
        appearances=tuple(appearances),
        stances=tuple(stances),
        timeline=tuple(_timeline(appearances, stances)),
        links=tuple(_links(store, trail_id)),
    )


def _search_condition(store: SQLStore, search: str) -> tuple[str, list[object]]:
    terms = _TERM.findall(search)
    if not terms:
        return "1 = 1", []
    if store.dialect == "postgres":
        return (
            "tr.id IN (SELECT t.trail_id FROM trail_claims t JOIN claims c ON c.article_id = t.article_id"
            " AND c.local_id = t.claim_local_id WHERE c.search @@ plainto_tsquery('english', ?))",
            [" ".join(terms)],
        )
    quoted = " ".join('"' + term.replace('"', "") + '"' for term in terms)
    return (
        "tr.id IN (SELECT t.trail_id FROM claims_fts f JOIN claims c ON c.rowid = f.rowid"
        " JOIN trail_claims t ON t.article_id = c.article_id AND t.claim_local_id = c.local_id"
        " WHERE claims_fts MATCH ?)",
        [quoted],
    )


def search_claims(
    store: SQLStore,
    *,
    search: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    disputed: bool | None = None,
    sort: Sort = "recent",
    limit: int = 50,
    offset: int = 0,
    min_articles: int = 1,
) -> list[TrailSummary]:
    """Trails matching every filter given; `actor`/`outlet` match an id or a name (case-insensitive)."""
    if sort not in ("recent", "activity"):
        raise ValueError(f"sort must be 'recent' or 'activity', not {sort!r}")
    limit = max(1, min(limit, MAX_LIMIT))
    conditions: list[str] = []
    params: list[object] = []
    if min_articles > 1:  # stories, copies counted once (the list shows the same count)
        conditions.append("tr.n_stories >= ?")
        params.append(min_articles)
    if search:
        condition, values = _search_condition(store, search)
        conditions.append(condition)
        params += values
    if actor:
        conditions.append(
            "tr.id IN (SELECT t.trail_id FROM trail_claims t JOIN stances s ON s.article_id = t.article_id"
            " AND s.claim_local_id = t.claim_local_id JOIN actor_links l ON l.article_id = s.article_id"
            " AND l.actor_local_id = s.actor_id JOIN store_actors sa ON sa.id = l.store_actor_id"
            " WHERE sa.id = ? OR lower(sa.name) = lower(?))"
        )
        params += [actor, actor]
    if outlet:
        conditions.append(
            "tr.id IN (SELECT t.trail_id FROM trail_claims t JOIN articles ar ON ar.id = t.article_id"
            " JOIN outlets o ON o.id = ar.outlet_id WHERE o.id = ? OR lower(o.name) = lower(?))"
        )
        params += [outlet, outlet]
    if since:
        conditions.append("tr.last_seen >= ?")
        params.append(since)
    if until:
        conditions.append("tr.first_seen <= ?")
        params.append(until)
    if disputed is not None:
        conditions.append("tr.n_disputing > 0" if disputed else "tr.n_disputing = 0")
    order = "tr.last_seen DESC, tr.id" if sort == "recent" else "tr.n_claims DESC, tr.last_seen DESC, tr.id"
    rows = store.execute_sql(
        f"SELECT {_TRAIL_COLUMNS} FROM trails tr WHERE {' AND '.join(conditions) or '1 = 1'}"
        f" ORDER BY {order} LIMIT ? OFFSET ?",
        (*params, limit, max(offset, 0)),
    )
    return [_stored_summary(store, row) for row in rows]


# --- actors ---------------------------------------------------------------------------------------------


def search_actors(store: SQLStore, query: str, limit: int = 20) -> list[ActorSummary]:
    """Store actors whose name contains `query` (case-insensitive), most mentioned first."""
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = store.execute_sql(
        "SELECT sa.id, sa.name, sa.kind, count(DISTINCT l.article_id) AS n FROM store_actors sa"
        " JOIN actor_links l ON l.store_actor_id = sa.id WHERE lower(sa.name) LIKE lower(?) ESCAPE '\\'"
        " GROUP BY sa.id, sa.name, sa.kind ORDER BY n DESC, sa.name LIMIT ?",
        (pattern, max(1, min(limit, MAX_LIMIT))),
    )
    return [ActorSummary(id=r[0], name=r[1], kind=r[2], n_articles=int(r[3])) for r in rows]


def _titles_seen(rows: list[tuple[Any, ...]], refs: dict[str, ArticleRef]) -> list[TitleSeen]:
    seen: dict[str, list[str | None]] = defaultdict(list)
    for article_id, _, _, titles, _ in rows:
        for title in json.loads(titles or "[]"):
            seen[title].append(refs[article_id].date)
    result = []
    for title, dates in seen.items():
        known = sorted(d for d in dates if d)
        result.append(
            TitleSeen(
                title=title,
                first_seen=known[0] if known else None,
                last_seen=known[-1] if known else None,
                n_articles=len(dates),
            )
        )
    return sorted(result, key=lambda t: (-t.n_articles, t.title))


def _actor_quotes(
    store: SQLStore, links: list[tuple[str, str]], refs: dict[str, ArticleRef]
) -> list[QuoteRef]:
    quotes = []
    for article_id, local_id in links:
        for kind, text, cue, start, end, date in store.execute_sql(
            "SELECT kind, text, cue, start_char, end_char, date FROM quotes"
            " WHERE article_id = ? AND speaker_actor_id = ? ORDER BY start_char",
            (article_id, local_id),
        ):
            quotes.append(
                QuoteRef(
                    article=refs[article_id],
                    kind=kind,
                    text=text,
                    cue=cue,
                    start_char=int(start),
                    end_char=int(end),
                    date=date or refs[article_id].date,
                )
            )
    return sorted(quotes, key=lambda q: (q.date or "", q.article.id, q.start_char), reverse=True)


def _actor_stances(
    store: SQLStore, links: list[tuple[str, str]], refs: dict[str, ArticleRef]
) -> list[ActorStance]:
    stances, seen = [], set()
    for article_id, local_id in links:
        for trail_id, label, stance, evidence, date in store.execute_sql(
            "SELECT t.trail_id, tr.label, s.stance, s.evidence_text, s.date FROM stances s"
            " JOIN trail_claims t ON t.article_id = s.article_id AND t.claim_local_id = s.claim_local_id"
            " JOIN trails tr ON tr.id = t.trail_id WHERE s.article_id = ? AND s.actor_id = ?",
            (article_id, local_id),
        ):
            if (trail_id, article_id, stance) in seen:
                continue
            seen.add((trail_id, article_id, stance))
            stances.append(
                ActorStance(
                    trail_id=trail_id,
                    trail_label=label,
                    stance=stance,
                    article=refs[article_id],
                    evidence=evidence,
                    date=date or refs[article_id].date,
                )
            )
    return sorted(stances, key=lambda s: (s.date or "", s.article.id), reverse=True)


def get_actor(store: SQLStore, actor_id: str) -> ActorView | None:
    found = store.execute_sql("SELECT id, name, kind FROM store_actors WHERE id = ?", (actor_id,))
    if not found:
        return None
    _, name, kind = found[0]
    rows = store.execute_sql(
        "SELECT a.article_id, a.local_id, a.name, a.titles, a.affiliation FROM actor_links l"
        " JOIN actors a ON a.article_id = l.article_id AND a.local_id = l.actor_local_id"
        " WHERE l.store_actor_id = ? ORDER BY a.article_id",
        (actor_id,),
    )
    refs = _article_refs(store, [r[0] for r in rows])
    links = [(str(r[0]), str(r[1])) for r in rows]
    articles = sorted(refs.values(), key=lambda r: (r.date or "", r.id), reverse=True)
    return ActorView(
        id=actor_id,
        name=name,
        kind=kind,
        affiliations=tuple(sorted({r[4] for r in rows if r[4]})),
        names=tuple(sorted({r[2] for r in rows})),
        titles=tuple(_titles_seen(rows, refs)),
        quotes=tuple(_actor_quotes(store, links, refs)),
        stances=tuple(_actor_stances(store, links, refs)),
        articles=tuple(articles),
    )
