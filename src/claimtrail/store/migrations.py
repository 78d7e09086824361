"""Numbered, append-only migrations shared by both backends, and the table that records them.

A migration is a version number, a name and a function from the dialect to SQL statements. Released
migrations never change: a new column or index is a new `mNNN_...` function appended to `MIGRATIONS`.
`_claimtrail_migrations` holds one row per applied migration (version, name, applied_at); `apply` runs the
pending ones in order, each in its own transaction, through the backend's `execute` and `commit`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from claimtrail.store.schema import TABLES, TRAIL_TABLES, Dialect, create_table_sql

__all__ = ["MIGRATIONS", "MIGRATIONS_TABLE", "SCHEMA_VERSION", "Migration", "apply_migrations"]

MIGRATIONS_TABLE = "_claimtrail_migrations"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: Callable[[Dialect], list[str]]


def m001_tables(dialect: Dialect) -> list[str]:
    """Every table of `schema.TABLES` with its indexes."""
    return [sql for table in TABLES for sql in create_table_sql(table, dialect)]


_FTS = {"articles": ("headline", "text"), "quotes": ("text",), "claims": ("text", "normalized")}


def m002_search(dialect: Dialect) -> list[str]:
    """Full-text search: FTS5 tables kept by triggers in SQLite, tsvector columns with GIN in PostgreSQL."""
    if dialect == "postgres":
        return [sql for table, columns in _FTS.items() for sql in _tsvector(table, columns)]
    return [sql for table, columns in _FTS.items() for sql in _fts5(table, columns)]


def _fts5(table: str, columns: tuple[str, ...]) -> list[str]:
    """External-content FTS5, named `<table>_fts` as sqlite-utils does, so Datasette offers search."""
    cols, new = ", ".join(columns), ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5({cols}, content='{table}',"
        " content_rowid='rowid')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON {table} BEGIN"
        f" INSERT INTO {table}_fts (rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON {table} BEGIN"
        f" INSERT INTO {table}_fts ({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
    ]


def _tsvector(table: str, columns: tuple[str, ...]) -> list[str]:
    document = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return [
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search tsvector"
        f" GENERATED ALWAYS AS (to_tsvector('english', {document})) STORED",
        f"CREATE INDEX IF NOT EXISTS idx_{table}_search ON {table} USING GIN (search)",
    ]


def m003_trails(dialect: Dialect) -> list[str]:
    """Trails, the claims linked into them with their evidence, claim embeddings, store-wide actors."""
    return [sql for table in TRAIL_TABLES for sql in create_table_sql(table, dialect)]


def m004_trail_stories(dialect: Dialect) -> list[str]:
    """`trails.n_stories`: how many stories (syndicated copies counted once) carry the trail."""
    return [
        "ALTER TABLE trails ADD COLUMN n_stories INTEGER NOT NULL DEFAULT 0",
        "UPDATE trails SET n_stories = (SELECT count(DISTINCT coalesce(ar.story_id, ar.id))"
        " FROM trail_claims t JOIN articles ar ON ar.id = t.article_id WHERE t.trail_id = trails.id)",
        "CREATE INDEX IF NOT EXISTS idx_trails_n_stories ON trails (n_stories)",
    ]


def m005_trail_summaries(dialect: Dialect) -> list[str]:
    """`trails.n_disputing` (denials and questions among its claims) and `trails.summary` (the list line as
    JSON, written by the linker), so the claims list neither joins stances nor rebuilds every trail."""
    return [
        "ALTER TABLE trails ADD COLUMN n_disputing INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE trails ADD COLUMN summary TEXT",
        "UPDATE trails SET n_disputing = (SELECT count(*) FROM trail_claims t JOIN stances s"
        " ON s.article_id = t.article_id AND s.claim_local_id = t.claim_local_id"
        " WHERE t.trail_id = trails.id AND s.stance IN ('denies', 'questions'))",
        "CREATE INDEX IF NOT EXISTS idx_trails_n_disputing ON trails (n_disputing)",
    ]


def m006_claim_blocks(dialect: Dialect) -> list[str]:
    """`claim_blocks`: candidate claim pairs from the Spark job's blocking (`claimtrail load`); when a
    pending claim has any, the linker compares it only with its partners' trails."""
    return [
        "CREATE TABLE IF NOT EXISTS claim_blocks (article_id_a TEXT NOT NULL, claim_id_a TEXT NOT NULL,"
        " article_id_b TEXT NOT NULL, claim_id_b TEXT NOT NULL, jaccard_estimate REAL NOT NULL,"
        " PRIMARY KEY (article_id_a, claim_id_a, article_id_b, claim_id_b))",
        "CREATE INDEX IF NOT EXISTS idx_claim_blocks_b ON claim_blocks (article_id_b, claim_id_b)",
        # the articles a blocking run covered: their claims without a pair start trails of their own
        "CREATE TABLE IF NOT EXISTS blocked_articles (article_id TEXT NOT NULL PRIMARY KEY)",
    ]


def m007_quote_audience(dialect: Dialect) -> list[str]:
    """`quotes.audience`: listeners the text only describes ("told reporters"), when no actor is addressed."""
    return ["ALTER TABLE quotes ADD COLUMN audience TEXT"]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "m001_tables", m001_tables),
    Migration(2, "m002_search", m002_search),
    Migration(3, "m003_trails", m003_trails),
    Migration(4, "m004_trail_stories", m004_trail_stories),
    Migration(5, "m005_trail_summaries", m005_trail_summaries),
    Migration(6, "m006_claim_blocks", m006_claim_blocks),
    Migration(7, "m007_quote_audience", m007_quote_audience),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


class _Connection(Protocol):
    dialect: Dialect

    def execute_sql(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]: ...

    def commit(self) -> None: ...


def apply_migrations(conn: _Connection) -> list[str]:
    """Apply the pending migrations in order; the names of those applied."""
    conn.execute_sql(
        f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE}"
        " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    conn.commit()
    applied = {int(str(row[0])) for row in conn.execute_sql(f"SELECT version FROM {MIGRATIONS_TABLE}")}
    done = []
    for migration in MIGRATIONS:
        if migration.version in applied:
            continue
        for sql in migration.statements(conn.dialect):
            conn.execute_sql(sql)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        conn.execute_sql(
            f"INSERT INTO {MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, now),
        )
        conn.commit()
        done.append(migration.name)
    return done
