"""The store's tables, written once for both backends (SQLite and PostgreSQL).

A table is a name, typed columns, a primary key and foreign keys; `create_table_sql` renders it for a
dialect. Types are the four both backends share: TEXT, INTEGER, REAL, BLOB (BYTEA in PostgreSQL). Structured
parts of a record that are not queried column by column (removed paragraphs, source spans, titles) are JSON
text. Every row of extracted data carries the `pipeline` version that produced it.

    outlets     one row per outlet name (carrier or original)
    stories     one story told by one or more articles (syndicated copies); original outlet when known
    articles    one row per article version (id = content hash); story_id, outlet_id, supersedes (same URL)
    actors, mentions, quotes, claims, stances, timexes    keyed by (article_id, local id or number)
    failures    one row per distinct failure (id = hash of source, code and message)
    inputs      one row per input read (source + content hash): what a rerun skips
    minhashes   the MinHash signature of each article body, for near-duplicate lookup

`TABLES` is the schema as created by migration m001 and `TRAIL_TABLES` the tables m003 adds; later
migrations alter them (see `migrations.py`), so the definitions here never change once released.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ADDED_COLUMNS", "TABLES", "TRAIL_TABLES", "Column", "Dialect", "Table", "create_table_sql"]

Dialect = Literal["sqlite", "postgres"]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: Literal["TEXT", "INTEGER", "REAL", "BLOB"]
    not_null: bool = False
    references: str | None = None  # "table(column)"


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # composite foreign keys (columns, table, referenced columns); single ones are `Column.references`
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _c(name: str, type_: Literal["TEXT", "INTEGER", "REAL", "BLOB"] = "TEXT", **kw: object) -> Column:
    return Column(name, type_, **kw)  # type: ignore[arg-type]


TABLES: tuple[Table, ...] = (
    Table("outlets", (_c("id", not_null=True), _c("name", not_null=True)), ("id",)),
    Table(
        "stories",
        (
            _c("id", not_null=True),
            _c("original_outlet_id", references="outlets(id)"),
            _c("first_article_id"),
            _c("created_at", not_null=True),
        ),
        ("id",),
    ),
    Table(
        "articles",
        (
            _c("id", not_null=True),
            _c("source", not_null=True),
            _c("source_format", not_null=True),
            _c("url"),
            _c("language", not_null=True),
            _c("headline"),
            _c("text", not_null=True),
            _c("dateline_place"),
            _c("dateline_outlets"),
            _c("dateline_date"),
            _c("published"),
            _c("published_from"),
            _c("outlet_id", references="outlets(id)"),
            _c("story_id", references="stories(id)"),
            _c("supersedes", references="articles(id)"),
            _c("removed", not_null=True),
            _c("source_spans", not_null=True),
            _c("warnings", not_null=True),
            _c("provenance", not_null=True),
            _c("record", not_null=True),
            _c("pipeline", not_null=True),
            _c("ingested_at", not_null=True),
        ),
        ("id",),
        indexes=(("url",), ("story_id",), ("published",), ("source",)),
    ),
    Table(
        "actors",
        (
            _c("article_id", not_null=True, references="articles(id)"),
            _c("local_id", not_null=True),
            _c("name", not_null=True),
            _c("kind", not_null=True),
            _c("titles", not_null=True),
            _c("affiliation"),
            _c("pipeline", not_null=True),
        ),
        ("article_id", "local_id"),
        indexes=(("name",),),
    ),
    Table(
        "mentions",
        (
            _c("article_id", not_null=True),
            _c("actor_local_id", not_null=True),
            _c("n", "INTEGER", not_null=True),
            _c("start_char", "INTEGER", not_null=True),
            _c("end_char", "INTEGER", not_null=True),
            _c("text", not_null=True),
            _c("pipeline", not_null=True),
        ),
        ("article_id", "actor_local_id", "n"),
        ((("article_id", "actor_local_id"), "actors", ("article_id", "local_id")),),
    ),
    Table(
        "quotes",
        (
            _c("article_id", not_null=True, references="articles(id)"),
            _c("local_id", not_null=True),
            _c("kind", not_null=True),
            _c("text", not_null=True),
            _c("start_char", "INTEGER", not_null=True),
            _c("end_char", "INTEGER", not_null=True),
            _c("speaker_actor_id"),
            _c("speaker_name"),
            _c("cue"),
            _c("addressee_actor_id"),
            _c("addressee_name"),
            _c("date"),
            _c("source_description"),
            _c("pipeline", not_null=True),
        ),
        ("article_id", "local_id"),
    ),
    Table(
        "claims",
        (
            _c("article_id", not_null=True, references="articles(id)"),
            _c("local_id", not_null=True),
            _c("text", not_null=True),
            _c("start_char", "INTEGER", not_null=True),
            _c("end_char", "INTEGER", not_null=True),
            _c("normalized", not_null=True),
            _c("pipeline", not_null=True),
        ),
        ("article_id", "local_id"),
    ),
    Table(
        "stances",
        (
            _c("article_id", not_null=True),
            _c("claim_local_id", not_null=True),
            _c("n", "INTEGER", not_null=True),
            _c("actor_id"),
            _c("actor_name"),
            _c("source_description"),
            _c("stance", not_null=True),
            _c("cue", not_null=True),
            _c("evidence_start", "INTEGER", not_null=True),
            _c("evidence_end", "INTEGER", not_null=True),
            _c("evidence_text", not_null=True),
            _c("date"),
            _c("pipeline", not_null=True),
        ),
        ("article_id", "claim_local_id", "n"),
        ((("article_id", "claim_local_id"), "claims", ("article_id", "local_id")),),
        indexes=(("stance",),),
    ),
    Table(
        "timexes",
        (
            _c("article_id", not_null=True, references="articles(id)"),
            _c("n", "INTEGER", not_null=True),
            _c("text", not_null=True),
            _c("start_char", "INTEGER", not_null=True),
            _c("end_char", "INTEGER", not_null=True),
            _c("type", not_null=True),
            _c("value", not_null=True),
            _c("anchor"),
            _c("pipeline", not_null=True),
        ),
        ("article_id", "n"),
    ),
    Table(
        "failures",
        (
            _c("id", not_null=True),
            _c("source", not_null=True),
            _c("code", not_null=True),
            _c("message", not_null=True),
            _c("hint", not_null=True),
            _c("time", not_null=True),
            _c("pipeline", not_null=True),
        ),
        ("id",),
        indexes=(("code",), ("source",)),
    ),
    Table(
        "inputs",
        (
            _c("key", not_null=True),
            _c("source", not_null=True),
            _c("article_id", references="articles(id)"),
            _c("failure_id", references="failures(id)"),
            _c("ingested_at", not_null=True),
            _c("pipeline", not_null=True),
        ),
        ("key",),
    ),
    Table(
        "minhashes",
        (_c("article_id", not_null=True, references="articles(id)"), _c("signature", "BLOB", not_null=True)),
        ("article_id",),
    ),
)


def _column_sql(column: Column, dialect: Dialect) -> str:
    type_ = "BYTEA" if column.type == "BLOB" and dialect == "postgres" else column.type
    sql = f"{column.name} {type_}"
    if column.not_null:
        sql += " NOT NULL"
    if column.references:
        sql += f" REFERENCES {column.references}"
    return sql


def create_table_sql(table: Table, dialect: Dialect) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for `table` in `dialect`."""
    parts = [_column_sql(column, dialect) for column in table.columns]
    parts.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for columns, target, target_columns in table.foreign_keys:
        parts.append(f"FOREIGN KEY ({', '.join(columns)}) REFERENCES {target} ({', '.join(target_columns)})")
    statements = [f"CREATE TABLE IF NOT EXISTS {table.name} (\n  " + ",\n  ".join(parts) + "\n)"]
    for index in table.indexes:
        name = f"idx_{table.name}_{'_'.join(index)}"
        statements.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table.name} ({', '.join(index)})")
    return statements


# --- created by migration m003: trails and store-wide actors ---------------------------------------------
#
#     trails         one row per trail: its founding claim, first/last dates and size (kept by the linker)
#     trail_claims   which trail each claim joined, and why (the member it matched, scores, shared entities)
#     claim_vectors  each linked claim's embedding (float32 bytes), so a new batch joins trails without
#                    re-embedding the store
#     store_actors   one row per actor across articles ("Peskov" = "Dmitry Peskov"); `actor_links` maps
#                    each article's actors to it

TRAIL_TABLES: tuple[Table, ...] = (
    Table(
        "trails",
        (
            _c("id", not_null=True),
            _c("label", not_null=True),
            _c("first_article_id", not_null=True, references="articles(id)"),
            _c("first_claim_local_id", not_null=True),
            _c("first_seen"),
            _c("last_seen"),
            _c("n_claims", "INTEGER", not_null=True),
            _c("method", not_null=True),
            _c("created_at", not_null=True),
            _c("updated_at", not_null=True),
        ),
        ("id",),
        indexes=(("last_seen",), ("n_claims",)),
    ),
    Table(
        "trail_claims",
        (
            _c("article_id", not_null=True),
            _c("claim_local_id", not_null=True),
            _c("trail_id", not_null=True, references="trails(id)"),
            _c("matched_article_id"),
            _c("matched_claim_local_id"),
            _c("score", "REAL", not_null=True),
            _c("text_similarity", "REAL", not_null=True),
            _c("shared_entities", not_null=True),
            _c("date_gap_days", "INTEGER"),
            _c("method", not_null=True),
            _c("linked_at", not_null=True),
        ),
        ("article_id", "claim_local_id"),
        ((("article_id", "claim_local_id"), "claims", ("article_id", "local_id")),),
        indexes=(("trail_id",),),
    ),
    Table(
        "claim_vectors",
        (
            _c("article_id", not_null=True),
            _c("claim_local_id", not_null=True),
            _c("model", not_null=True),
            _c("vector", "BLOB", not_null=True),
        ),
        ("article_id", "claim_local_id"),
        ((("article_id", "claim_local_id"), "claims", ("article_id", "local_id")),),
    ),
    Table(
        "store_actors",
        (_c("id", not_null=True), _c("name", not_null=True), _c("kind", not_null=True)),
        ("id",),
        indexes=(("name",),),
    ),
    Table(
        "actor_links",
        (
            _c("article_id", not_null=True),
            _c("actor_local_id", not_null=True),
            _c("store_actor_id", not_null=True, references="store_actors(id)"),
        ),
        ("article_id", "actor_local_id"),
        ((("article_id", "actor_local_id"), "actors", ("article_id", "local_id")),),
        indexes=(("store_actor_id",),),
    ),
)

# Columns later migrations added to the tables above (m004: trails.n_stories; m005: n_disputing, summary;
# m007: quotes.audience).
ADDED_COLUMNS: dict[str, tuple[str, ...]] = {
    "trails": ("n_stories", "n_disputing", "summary"),
    "quotes": ("audience",),
}
