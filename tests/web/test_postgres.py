"""The web app over PostgreSQL: read-only transactions, statement_timeout as the time bound, pages."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import httpx
import pytest

from claimtrail.errors import QueryTimeout
from claimtrail.store import open_store
from web.fakes import TRAIL_ID, FakeQueries

pytestmark = pytest.mark.postgres
PG_URL = os.environ.get("CLAIMTRAIL_TEST_PG")


@pytest.fixture
def pg_store() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("set CLAIMTRAIL_TEST_PG=postgresql://... to run the PostgreSQL web tests")
    import psycopg

    schema = f"w_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    open_store(url).close()
    yield url
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_postgres_connections_read_only_and_time_bounded(pg_store: str) -> None:
    import psycopg

    from claimtrail.web.db import open_read_only

    store = open_read_only(pg_store)
    try:
        store.start(5.0)
        assert store.execute_sql("SELECT count(*) FROM articles") == [(0,)]
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.execute_sql("INSERT INTO outlets (id, name) VALUES (?, ?)", ("x", "x"))
        store.rollback()
        store.start(0.1)
        with pytest.raises(QueryTimeout):
            store.execute_sql("SELECT pg_sleep(2)")
        store.rollback()
    finally:
        store.close()


@pytest.mark.anyio
async def test_pages_over_postgres(pg_store: str) -> None:
    from claimtrail.web import create_app
    from web.conftest import close_app

    app = create_app(pg_store, queries=FakeQueries())
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            assert (await http.get(f"/trails/{TRAIL_ID}")).status_code == 200
            again = await http.get(f"/trails/{TRAIL_ID}")
            assert "x-claimtrail-cache" not in again.headers  # no cheap change signal: no page cache
    finally:
        close_app(app)
