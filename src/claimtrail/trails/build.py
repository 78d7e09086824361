"""Bring the store's trails up to date: link every claim and actor not linked yet (incremental).

`build_trails(store)` reads what is new since the last run, restores the existing trails (their claims'
stored embeddings, no re-embedding), links the new claims, and writes everything in one transaction: a
crash leaves the store as it was and the next run does the work again. Runs after every ingest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimtrail.store import SQLStore
from claimtrail.trails._sql import ARTICLE_DATE, chunks, placeholders
from claimtrail.trails.actors import ArticleActor, StoreActorIndex
from claimtrail.trails.link import (
    DEFAULT_MAX_GAP_DAYS,
    DEFAULT_THRESHOLD,
    METHOD,
    ClaimItem,
    Embedder,
    LinkDecision,
    Linker,
)

__all__ = ["BuildReport", "build_trails", "refresh_summaries"]


@dataclass(frozen=True, slots=True)
class BuildReport:
    actors_linked: int
    new_actors: int
    claims_linked: int
    new_trails: int
    trails_joined: int  # existing or new trails that took at least one new claim
    trails_total: int


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def build_trails(
    store: SQLStore,
    *,
    embedder: Embedder | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    max_gap_days: int | None = DEFAULT_MAX_GAP_DAYS,
) -> BuildReport:
    """Link new actors and claims; `embedder` defaults to all-MiniLM-L6-v2 (numpy)."""
    try:
        actors_linked, new_actors = _link_actors(store)
        pending = _pending_claims(store)
        if not pending:
            store.commit()
            return BuildReport(actors_linked, new_actors, 0, 0, 0, _trail_count(store))
        if embedder is None:
            from claimtrail.trails.minilm import load_minilm

            embedder = load_minilm()
        linker = Linker(embedder, threshold=threshold, max_gap_days=max_gap_days)
        members = _linked_members(store)
        linker.restore(members)
        known = {item.statement: vector for _, item, vector in members}
        known.update(_stored_vectors(store, pending))
        vectors = _embed_unique(linker, pending, known)
        decisions = linker.link(pending, vectors, candidates=_blocks(store, pending))
        _write_links(store, pending, vectors, decisions)
        store.commit()
    except BaseException:
        store.rollback()
        raise
    joined = {d.trail_id for d in decisions}
    return BuildReport(
        actors_linked=actors_linked,
        new_actors=new_actors,
        claims_linked=len(decisions),
        new_trails=sum(d.new_trail for d in decisions),
        trails_joined=len(joined),
        trails_total=_trail_count(store),
    )


def _embed_unique(linker: Linker, items: Sequence[ClaimItem], known: dict[str, Any]) -> Any:
    """Embeddings of the items' statements, each distinct statement embedded once: syndicated copies repeat
    their claims word for word, so a news corpus has many repeats (and the store may know them already)."""
    fresh = sorted({item.statement for item in items} - known.keys())
    vectors = dict(known)
    if fresh:
        vectors.update(zip(fresh, linker.embed(fresh), strict=True))
    return np.vstack([vectors[item.statement] for item in items])


def _trail_count(store: SQLStore) -> int:
    return int(store.execute_sql("SELECT count(*) FROM trails")[0][0])


# --- actors -----------------------------------------------------------------------------------------------


def _link_actors(store: SQLStore) -> tuple[int, int]:
    rows = store.execute_sql(
        "SELECT a.article_id, a.local_id, a.name, a.kind FROM actors a"
        " LEFT JOIN actor_links l ON l.article_id = a.article_id AND l.actor_local_id = a.local_id"
        " WHERE l.article_id IS NULL AND a.kind <> 'UNNAMED'"
    )
    if not rows:
        return 0, 0
    index = StoreActorIndex(store.execute_sql("SELECT id, name, kind FROM store_actors"))
    resolved = index.resolve_all(ArticleActor(*row) for row in rows)
    new = [{"id": i, "name": a.name, "kind": a.kind} for a, i, is_new in resolved if is_new]
    store.insert_rows("store_actors", new)
    links = [
        {"article_id": a.article_id, "actor_local_id": a.local_id, "store_actor_id": i}
        for a, i, _ in resolved
    ]
    store.insert_rows("actor_links", links)
    return len(links), len(new)


# --- claims -----------------------------------------------------------------------------------------------


def _entities(store: SQLStore, article_ids: Sequence[str]) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, the (start, end, actor name) of every named actor mention."""
    found: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for chunk in chunks(sorted(set(article_ids))):
        rows = store.execute_sql(
            "SELECT m.article_id, m.start_char, m.end_char, a.name FROM mentions m"
            " JOIN actors a ON a.article_id = m.article_id AND a.local_id = m.actor_local_id"
            f" WHERE a.kind <> 'UNNAMED' AND m.article_id IN ({placeholders(chunk)})",
            tuple(chunk),
        )
        for article_id, start, end, name in rows:
            found[article_id].append((int(start), int(end), str(name)))
    return found


def _items(store: SQLStore, rows: list[tuple[Any, ...]]) -> list[ClaimItem]:
    """ClaimItems from rows (article id, claim id, statement, start, end, date, ...)."""
    mentions = _entities(store, [row[0] for row in rows])
    items = []
    for article_id, local_id, statement, start, end, date, *_ in rows:
        names = frozenset(
            name.casefold() for m_start, m_end, name in mentions.get(article_id, []) if start <= m_start < end
        )
        items.append(
            ClaimItem(
                article_id=article_id,
                claim_local_id=local_id,
                statement=statement,
                date=date,
                entities=names,
            )
        )
    return items


def _pending_claims(store: SQLStore) -> list[ClaimItem]:
    rows = store.execute_sql(
        f"SELECT c.article_id, c.local_id, c.normalized, c.start_char, c.end_char, {ARTICLE_DATE}"
        " FROM claims c JOIN articles ar ON ar.id = c.article_id"
        " LEFT JOIN trail_claims t ON t.article_id = c.article_id AND t.claim_local_id = c.local_id"
        " WHERE t.article_id IS NULL ORDER BY c.article_id, c.local_id"
    )
    return _items(store, rows)


Key = tuple[str, str]


def _blocks(store: SQLStore, items: Sequence[ClaimItem]) -> dict[Key, set[Key]] | None:
    """The blocking partners (both directions) of each pending claim whose article a blocking run covered
    (`claimtrail load` of a Spark job run with --blocking), possibly none; other claims are left out and
    are compared with every trail. None when the store holds no blocking run."""
    if not store.execute_sql("SELECT 1 FROM blocked_articles LIMIT 1"):
        return None
    covered = {str(row[0]) for row in store.execute_sql("SELECT article_id FROM blocked_articles")}
    partners: dict[Key, set[Key]] = {item.key: set() for item in items if item.article_id in covered}
    for a_article, a_claim, b_article, b_claim in store.execute_sql(
        "SELECT article_id_a, claim_id_a, article_id_b, claim_id_b FROM claim_blocks"
    ):
        a, b = (str(a_article), str(a_claim)), (str(b_article), str(b_claim))
        if a in partners:
            partners[a].add(b)
        if b in partners:
            partners[b].add(a)
    return partners


def _stored_vectors(store: SQLStore, items: Sequence[ClaimItem]) -> dict[str, Any]:
    """statement -> embedding for pending claims whose vector is already stored (e.g. by `claimtrail load`
    from a Spark job run with --embed), made by this linker's model."""
    rows = store.execute_sql(
        "SELECT c.normalized, v.vector FROM claim_vectors v JOIN claims c"
        " ON c.article_id = v.article_id AND c.local_id = v.claim_local_id"
        " LEFT JOIN trail_claims t ON t.article_id = v.article_id AND t.claim_local_id = v.claim_local_id"
        " WHERE t.article_id IS NULL AND v.model = ?",
        (METHOD,),
    )
    wanted = {item.statement for item in items}
    return {str(s): np.frombuffer(bytes(v), dtype="<f4") for s, v in rows if s in wanted}


def _linked_members(store: SQLStore) -> list[tuple[str, ClaimItem, Any]]:
    rows = store.execute_sql(
        f"SELECT c.article_id, c.local_id, c.normalized, c.start_char, c.end_char, {ARTICLE_DATE},"
        " t.trail_id, v.vector"
        " FROM trail_claims t"
        " JOIN claims c ON c.article_id = t.article_id AND c.local_id = t.claim_local_id"
        " JOIN articles ar ON ar.id = c.article_id"
        " JOIN claim_vectors v ON v.article_id = t.article_id AND v.claim_local_id = t.claim_local_id"
        " ORDER BY t.linked_at, t.article_id, t.claim_local_id"
    )
    items = _items(store, rows)
    return [
        (str(row[6]), item, np.frombuffer(bytes(row[7]), dtype="<f4"))
        for row, item in zip(rows, items, strict=True)
    ]


def _write_links(
    store: SQLStore, items: Sequence[ClaimItem], vectors: Any, decisions: Sequence[LinkDecision]
) -> None:
    now = _now()
    by_key = {item.key: (item, vectors[i]) for i, item in enumerate(items)}
    new_trails = []
    for decision in decisions:
        if decision.new_trail:
            item, _ = by_key[(decision.article_id, decision.claim_local_id)]
            new_trails.append(
                {
                    "id": decision.trail_id,
                    "label": item.statement,
                    "first_article_id": item.article_id,
                    "first_claim_local_id": item.claim_local_id,
                    "first_seen": item.date,
                    "last_seen": item.date,
                    "n_claims": 0,
                    "method": METHOD,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    store.insert_rows("trails", new_trails)
    store.insert_rows("trail_claims", [_link_row(d, now) for d in decisions])
    store.insert_rows(
        "claim_vectors",
        [
            {
                "article_id": item.article_id,
                "claim_local_id": item.claim_local_id,
                "model": METHOD,
                "vector": np.asarray(vector, dtype="<f4").tobytes(),
            }
            for item, vector in by_key.values()
        ],
    )
    touched = sorted({d.trail_id for d in decisions})
    for chunk in chunks(touched):
        _refresh_trails(store, chunk, now)
    refresh_summaries(store, touched)


def refresh_summaries(store: SQLStore, trail_ids: Sequence[str] | None = None) -> int:
    """Store each trail's list line (`trails.summary`), its stories and its count of denials and questions.

    The linker calls it for the trails it touched; call it with no ids after writing trails some other way
    (a bulk load, a synthetic store). No commit.
    """
    from claimtrail.trails.query import trail_summary
    from claimtrail.trails.views import as_dict

    if trail_ids is None:
        trail_ids = [str(row[0]) for row in store.execute_sql("SELECT id FROM trails")]
    for trail_id in trail_ids:
        summary = trail_summary(store, trail_id)
        if summary is None:
            continue
        disputing = summary.stance_counts.get("denies", 0) + summary.stance_counts.get("questions", 0)
        store.execute_sql(
            "UPDATE trails SET summary = ?, n_disputing = ?, n_stories = ? WHERE id = ?",
            (
                json.dumps(as_dict(summary), ensure_ascii=False),
                disputing,
                summary.n_articles,
                trail_id,
            ),
        )
    return len(trail_ids)


def _link_row(decision: LinkDecision, now: str) -> dict[str, object]:
    return {
        "article_id": decision.article_id,
        "claim_local_id": decision.claim_local_id,
        "trail_id": decision.trail_id,
        "matched_article_id": decision.matched_article_id,
        "matched_claim_local_id": decision.matched_claim_local_id,
        "score": decision.score,
        "text_similarity": decision.text_similarity,
        "shared_entities": json.dumps(list(decision.shared_entities), ensure_ascii=False),
        "date_gap_days": decision.date_gap_days,
        "method": METHOD,
        "linked_at": now,
    }


def _refresh_trails(store: SQLStore, trail_ids: Sequence[str], now: str) -> None:
    """Dates, size and founding claim of each touched trail, from its members."""
    members = (
        f"SELECT t.trail_id, {ARTICLE_DATE} AS day, t.article_id, t.claim_local_id,"
        " coalesce(ar.story_id, ar.id) FROM trail_claims t"
        " JOIN articles ar ON ar.id = t.article_id"
        f" WHERE t.trail_id IN ({placeholders(trail_ids)})"
    )
    rows = store.execute_sql(members, tuple(trail_ids))
    grouped: dict[str, list[tuple[str | None, str, str]]] = defaultdict(list)
    stories: dict[str, set[str]] = defaultdict(set)
    for trail_id, day, article_id, claim_id, story in rows:
        grouped[trail_id].append((day, article_id, claim_id))
        stories[trail_id].add(story)
    for trail_id, claims in grouped.items():
        days = sorted(day for day, _, _ in claims if day)
        first = min(claims, key=lambda c: (c[0] or "9999", c[1], c[2]))
        label = store.execute_sql(
            "SELECT normalized FROM claims WHERE article_id = ? AND local_id = ?", (first[1], first[2])
        )
        store.execute_sql(
            "UPDATE trails SET n_claims = ?, n_stories = ?, first_seen = ?, last_seen = ?,"
            " first_article_id = ?, first_claim_local_id = ?, label = ?, updated_at = ? WHERE id = ?",
            (
                len(claims),
                len(stories[trail_id]),
                days[0] if days else None,
                days[-1] if days else None,
                first[1],
                first[2],
                label[0][0] if label else "",
                now,
                trail_id,
            ),
        )
