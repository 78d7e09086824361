"""Exports of the store: article records (JSONL, Parquet), every table (CSV), trails (ClaimReview JSON-LD).

- `export_jsonl`: one `claimtrail.article/1` record per line, exactly as `claimtrail extract` prints them.
- `export_parquet`: the same records in the Arrow schema of `serialize_arrow` (one row per article).
- `export_csv`: one CSV file per entity table (articles without their JSON record, stories, outlets, actors,
  store actors and their links, quotes, claims, stances, timexes, trails and trail links).
- `claimreview_graph`: one schema.org `Claim` per trail, with `firstAppearance`, every `appearance` and the
  `author` (who first made the claim, when the first report names them). It carries no `reviewRating`:
  claimtrail records who said what and never rates truth; a fact-checker wraps each Claim in their own
  `ClaimReview`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from claimtrail.store import SQLStore
from claimtrail.trails.query import get_trail
from claimtrail.trails.views import Appearance, StanceEvent, TrailView

__all__ = [
    "CSV_TABLES",
    "claimreview_graph",
    "export_csv",
    "export_jsonl",
    "export_parquet",
    "iter_records",
]

CSV_TABLES = (
    "articles",
    "stories",
    "outlets",
    "actors",
    "store_actors",
    "actor_links",
    "mentions",
    "quotes",
    "claims",
    "stances",
    "timexes",
    "trails",
    "trail_claims",
    "failures",
)
_SKIP_COLUMNS = {"articles": {"record"}}  # the full record is the JSONL/Parquet export
_PAGE = 500


def iter_records(store: SQLStore) -> Iterator[dict[str, Any]]:
    """Every stored article record, oldest first, read a page at a time."""
    last = ""
    while True:
        rows = store.execute_sql(
            "SELECT id, record FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, _PAGE)
        )
        if not rows:
            return
        for article_id, record in rows:
            yield json.loads(record)
            last = article_id


def export_jsonl(store: SQLStore, out: IO[str]) -> int:
    n = 0
    for record in iter_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_parquet(store: SQLStore, path: Path) -> int:
    import pyarrow.parquet as pq

    from claimtrail.serialize_arrow import ARTICLE_ARROW_SCHEMA, records_to_table

    n = 0
    with pq.ParquetWriter(str(path), ARTICLE_ARROW_SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for record in iter_records(store):
            batch.append(record)
            if len(batch) == _PAGE:
                writer.write_table(records_to_table(batch))
                n, batch = n + len(batch), []
        if batch:
            writer.write_table(records_to_table(batch))
            n += len(batch)
    return n


def _columns(store: SQLStore, table: str) -> list[str]:
    from claimtrail.store.schema import ADDED_COLUMNS, TABLES, TRAIL_TABLES

    [found] = [t for t in (*TABLES, *TRAIL_TABLES) if t.name == table]
    columns = [*found.column_names, *ADDED_COLUMNS.get(table, ())]
    return [c for c in columns if c not in _SKIP_COLUMNS.get(table, set())]


def export_csv(store: SQLStore, folder: Path) -> dict[str, int]:
    """One `<table>.csv` per table in `folder`; the row count of each."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in CSV_TABLES:
        columns = _columns(store, table)
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            rows = store.execute_sql(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1")
            for row in rows:
                writer.writerow([v.hex() if isinstance(v, bytes | memoryview) else v for v in row])
            counts[table] = len(rows)
    return counts


def _creative_work(appearance: Appearance) -> dict[str, Any]:
    article = appearance.article
    work: dict[str, Any] = {"@type": "NewsArticle", "identifier": article.id}
    if article.headline:
        work["headline"] = article.headline
    if article.date:
        work["datePublished"] = article.date
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    work["text"] = appearance.evidence
    if appearance.copies:
        work["sameAs"] = [c.id for c in appearance.copies]
    return work


def _author(view: TrailView) -> dict[str, Any] | None:
    """Who made the claim: the first named actor asserting it in the first report, else its outlet."""
    first = view.appearances[0] if view.appearances else None
    if first is None:
        return None
    asserting: list[StanceEvent] = [
        s for s in view.stances if s.article.id == first.article.id and s.stance in ("asserts", "reports")
    ]
    for stance in asserting:
        if stance.actor_name:
            return {"@type": "Person" if stance.actor_title else "Organization", "name": stance.actor_name}
    if first.article.outlet:
        return {"@type": "Organization", "name": first.article.outlet}
    return None


def claim_jsonld(view: TrailView) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "@type": "Claim",
        "@id": f"urn:claimtrail:trail:{view.summary.id}",
        "text": view.summary.label,
        "description": view.summary.state,
    }
    if view.appearances:
        claim["firstAppearance"] = _creative_work(view.appearances[0])
        claim["appearance"] = [_creative_work(a) for a in view.appearances]
        if view.summary.first_seen:
            claim["datePublished"] = view.summary.first_seen
    if (author := _author(view)) is not None:
        claim["author"] = author
    return claim


def claimreview_graph(store: SQLStore, *, min_articles: int = 1) -> dict[str, Any]:
    """A JSON-LD document: every trail seen in at least `min_articles` stories, as a schema.org Claim."""
    ids = [
        str(row[0])
        for row in store.execute_sql(
            "SELECT id FROM trails WHERE n_stories >= ? ORDER BY first_seen, id", (min_articles,)
        )
    ]
    claims = []
    for trail_id in ids:
        view = get_trail(store, trail_id)
        if view is not None and len(view.appearances) >= min_articles:
            claims.append(claim_jsonld(view))
    return {"@context": "https://schema.org", "@graph": claims}
