"""Where ingested records live: `open_store(url_or_path)` opens (and migrates) a store.

- a path (default `./claimtrail.db`) or `sqlite:///path` opens `SQLiteStore`;
- `postgresql://...` or `postgres://...` opens `PostgresStore` (extra "postgres").

Both share one schema (`schema.py`), its numbered migrations (`migrations.py`) and the writing logic: one
transaction per batch, content-hash ids, `ON CONFLICT DO NOTHING` everywhere, syndicated copies linked to
one story (`dedup.py`).
"""

from __future__ import annotations

from pathlib import Path

from claimtrail.store._base import BatchResult, Outcome, SQLStore
from claimtrail.store.migrations import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "BatchResult", "Outcome", "SQLStore", "open_store"]

DEFAULT_DB = "claimtrail.db"


def open_store(url_or_path: str | Path = DEFAULT_DB) -> SQLStore:
    """The store at `url_or_path`, created and migrated to `SCHEMA_VERSION` if needed."""
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        from claimtrail.store.postgres import PostgresStore

        return PostgresStore(target)
    from claimtrail.store.sqlite import SQLiteStore

    return SQLiteStore(target.removeprefix("sqlite:///"))
