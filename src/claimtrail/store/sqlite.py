"""The default store: one SQLite file (stdlib sqlite3) that opens in Datasette as it is.

WAL journal, so readers (Datasette, a second process, `sqlite3` on the command line) keep reading while
one ingest writes; foreign keys on; a busy timeout so a second writer waits instead of failing at once.
One `SQLiteStore` is one connection: use it from one thread (the ingest main process is the single writer).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimtrail.errors import StoreError
from claimtrail.store._base import SQLStore

__all__ = ["SQLiteStore"]

_BUSY_TIMEOUT_MS = 30_000


class SQLiteStore(SQLStore):
    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.url = str(path)
        try:
            self._conn = sqlite3.connect(str(path), timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._in_transaction = False
            self.migrate()
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the SQLite store {path}: {error}") from error

    def _begin(self) -> None:
        if not self._in_transaction:
            self._conn.execute("BEGIN IMMEDIATE")
            self._in_transaction = True

    def execute_sql(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        if not sql.lstrip().upper().startswith("SELECT"):
            self._begin()
        return self._conn.execute(sql, tuple(params)).fetchall()

    def executemany_sql(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        self._begin()
        self._conn.executemany(sql, rows)

    def commit(self) -> None:
        if self._in_transaction:
            self._conn.execute("COMMIT")
            self._in_transaction = False

    def rollback(self) -> None:
        if self._in_transaction:
            self._conn.execute("ROLLBACK")
            self._in_transaction = False

    def close(self) -> None:
        self.rollback()
        self._conn.close()
