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


class LiveServer:
    """uvicorn serving `app` on a free loopback port, in a thread of this process."""

    def __init__(self, app: Any) -> None:
        import socket

        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> str:
    """The system chromium (Debian package); Playwright drives it, nothing is downloaded."""
    import shutil

    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("needs the system chromium: apt-get install -y chromium (.ci/run installs it)")
    return path


SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def sample_db(trail_store_path: Path) -> str:
    """A real store: the bundled sample corpus ingested in two batches and linked (tests/conftest.py).

    Shared with the trail tests (one ingest per session); the web tests only read it. Needs the spaCy
    pipeline and the embedding model: use it only from tests marked `model` and `embedding`.
    """
    return str(trail_store_path)


@pytest.fixture
async def sample_client(sample_db: str) -> AsyncIterator[httpx.AsyncClient]:
    from claimtrail.web import create_app

    application = create_app(sample_db)
    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http
    finally:
        close_app(application)
