"""Web fixtures: the app over an empty store with the fake trail queries (fakes.py), and an httpx client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimtrail.store import open_store
from web.fakes import FakeQueries


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def empty_store(tmp_path: Path) -> str:
    path = tmp_path / "store.db"
    open_store(path).close()
    return str(path)


@pytest.fixture
def fake_queries() -> FakeQueries:
    return FakeQueries()


def close_app(app: Any) -> None:
    app.state.claimtrail.pool.close()
    if app.state.claimtrail.writer is not None:
        app.state.claimtrail.writer.close()


@pytest.fixture
def app(empty_store: str, fake_queries: FakeQueries) -> Iterator[Any]:
    from claimtrail.web import create_app

    application = create_app(empty_store, queries=fake_queries)
    yield application
    close_app(application)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
