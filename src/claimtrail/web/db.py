"""Read-only store connections for the web app, a small pool of them, and a time bound on every query.

`claimtrail serve` never writes through these: SQLite is opened with `mode=ro` and `query_only`, PostgreSQL
with read-only transactions. Each request borrows one connection for its whole life (so a page's queries
see one snapshot) and gives it back; connections are shared across the threads that run requests, one
request at a time, hence `check_same_thread=False`. The time bound: SQLite's progress handler interrupts a
statement once the request's deadline has passed; PostgreSQL gets `statement_timeout`. Either way the
request fails with QueryTimeout (CT-E087, 503) instead of holding a worker.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from claimtrail.errors import QueryTimeout, StoreError
from claimtrail.store import SQLStore

__all__ = ["ReadOnlyStore", "StorePool", "is_postgres", "open_read_only"]

_PROGRESS_STEPS = 2_000  # SQLite VM instructions between deadline checks (~tens of microseconds)
_WAIT_FOR_CONNECTION_S = 10.0


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


class ReadOnlyStore(SQLStore):
    """An SQLStore that only reads; `start(budget_s)` sets the deadline of the request that borrows it."""

    def start(self, budget_s: float) -> None:
        raise NotImplementedError

    def executemany_sql(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        raise StoreError("the web app's store connections are read-only")

    def commit(self) -> None:
        """Nothing to commit: reads only."""


class ReadOnlySQLite(ReadOnlyStore):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.url = path
        if not Path(path).is_file():
            raise StoreError(
                f"no SQLite store at {path}", hint="create it with `claimtrail ingest ... --db PATH`"
            )
        try:
            uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
            self._conn.execute("PRAGMA query_only=ON")
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the SQLite store {path} read-only: {error}") from error
        self._deadline = float("inf")
        self._conn.set_progress_handler(self._past_deadline, _PROGRESS_STEPS)

    def _past_deadline(self) -> int:
        return int(time.monotonic() > self._deadline)

    def start(self, budget_s: float) -> None:
        self._deadline = time.monotonic() + budget_s

    def execute_sql(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise QueryTimeout("the query took too long and was stopped") from error
            raise

    def rollback(self) -> None:
        self._deadline = float("inf")

    def close(self) -> None:
        self._conn.close()


class ReadOnlyPostgres(ReadOnlyStore):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        from claimtrail.store.postgres import PostgresStore

        # PostgresStore opens, migrates and translates placeholders; reads here run in read-only transactions
        self._store = PostgresStore(url)
        self.url = self._store.url
        self._store.execute_sql("SET default_transaction_read_only = on")
        self._store.commit()

    def start(self, budget_s: float) -> None:
        self._store.execute_sql(f"SET statement_timeout = {int(budget_s * 1000)}")

    def execute_sql(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        import psycopg

        try:
            return self._store.execute_sql(sql, params)
        except psycopg.errors.QueryCanceled as error:
            raise QueryTimeout("the query took too long and was stopped") from error

    def rollback(self) -> None:
        self._store.rollback()  # ends the request's transaction: the next request sees new rows

    def close(self) -> None:
        self._store.close()


def open_read_only(url: str) -> ReadOnlyStore:
    return ReadOnlyPostgres(url) if is_postgres(url) else ReadOnlySQLite(url.removeprefix("sqlite:///"))


class StorePool:
    """Up to `size` read-only connections, opened on first need and reused; a request borrows one."""

    def __init__(self, opener: Callable[[], ReadOnlyStore], size: int = 4) -> None:
        self._opener, self._size = opener, size
        self._idle: queue.LifoQueue[ReadOnlyStore] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()

    @contextmanager
    def borrow(self, budget_s: float) -> Iterator[ReadOnlyStore]:
        store = self._take()
        try:
            store.start(budget_s)
            yield store
        finally:
            try:
                store.rollback()
            finally:
                self._idle.put(store)

    def _take(self) -> ReadOnlyStore:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._opened < self._size:
                self._opened += 1
                try:
                    return self._opener()
                except BaseException:
                    self._opened -= 1
                    raise
        try:
            return self._idle.get(timeout=_WAIT_FOR_CONNECTION_S)
        except queue.Empty:
            raise QueryTimeout("every store connection is busy") from None

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
