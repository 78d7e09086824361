"""Read-only connections, the per-request time bound, the pool, and what the app makes of their errors."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimtrail.errors import QueryTimeout, StoreError
from claimtrail.store import SQLStore
from claimtrail.web.db import ReadOnlySQLite, StorePool, open_read_only
from web.conftest import close_app
from web.fakes import FakeQueries

SLOW_SQL = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"


def test_connections_are_read_only(empty_store: str) -> None:
    store = open_read_only(empty_store)
    try:
        assert store.execute_sql("SELECT count(*) FROM articles") == [(0,)]
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"):
            store.execute_sql("INSERT INTO outlets (id, name) VALUES ('x', 'x')")
        with pytest.raises(StoreError):
            store.executemany_sql("INSERT INTO outlets (id, name) VALUES (?, ?)", [("x", "x")])
    finally:
        store.close()


def test_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no SQLite store"):
        ReadOnlySQLite(str(tmp_path / "absent.db"))


def test_a_query_past_the_deadline_is_stopped(empty_store: str) -> None:
    store = open_read_only(empty_store)
    try:
        store.start(0.05)
        with pytest.raises(QueryTimeout):
            store.execute_sql(SLOW_SQL)
        store.rollback()  # the next borrower starts without a deadline until it sets its own
        store.start(5.0)
        assert store.execute_sql("SELECT 1") == [(1,)]
    finally:
        store.close()


def test_pool_reuses_connections_and_bounds_their_number(empty_store: str) -> None:
    opened: list[Any] = []

    def opener() -> Any:
        opened.append(open_read_only(empty_store))
        return opened[-1]

    pool = StorePool(opener, size=2)
    with pool.borrow(1.0) as first, pool.borrow(1.0) as second:
        assert first is not second
    with pool.borrow(1.0):
        pass
    assert len(opened) == 2
    barrier = threading.Barrier(6)

    def work() -> None:
        barrier.wait()
        for _ in range(20):
            with pool.borrow(1.0) as store:
                store.execute_sql("SELECT count(*) FROM articles")

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 2
    pool.close()


class _SlowQueries(FakeQueries):
    def get_trail(self, store: SQLStore, trail_id: str) -> Any:
        store.execute_sql(SLOW_SQL)


class _BrokenQueries(FakeQueries):
    def get_actor(self, store: SQLStore, actor_id: str) -> Any:
        raise RuntimeError("secret internals")


@pytest.mark.anyio
async def test_slow_page_is_503_and_a_bug_is_500_in_the_error_shape(empty_store: str) -> None:
    from claimtrail.web import create_app

    class Queries(_SlowQueries, _BrokenQueries):
        pass

    app = create_app(empty_store, queries=Queries(), query_time_s=0.1)
    try:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            slow = await http.get("/trails/x.json")
            assert slow.status_code == 503
            assert slow.json()["error"]["code"] == "CT-E087"
            broken = await http.get("/actors/x.json")
            assert broken.status_code == 500
            assert broken.json()["error"]["code"] == "CT-E089"
            assert "secret internals" not in broken.text
            page = await http.get("/actors/x")
            assert page.status_code == 500
            assert page.headers["content-type"].startswith("text/html")
            assert "Traceback" not in page.text
            assert (await http.get("/claims.json")).status_code == 200  # the pool survived both
    finally:
        close_app(app)
