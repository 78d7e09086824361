"""Rendered pages are reused until the store changes, and never across a change."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from claimtrail.web.cache import CachedPage, PageCache
from web.fakes import TRAIL_ID, FakeQueries


class _Counting(FakeQueries):
    def __init__(self) -> None:
        super().__init__()
        self.trail_calls = 0

    def get_trail(self, store, trail_id):  # type: ignore[no-untyped-def]
        self.trail_calls += 1
        return super().get_trail(store, trail_id)


@pytest.mark.anyio
async def test_a_page_is_rendered_once_until_the_store_changes(empty_store: str) -> None:
    from claimtrail.web import create_app
    from web.conftest import close_app

    queries = _Counting()
    app = create_app(empty_store, queries=queries)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            first = await http.get(f"/trails/{TRAIL_ID}")
            second = await http.get(f"/trails/{TRAIL_ID}")
            assert second.headers.get("x-claimtrail-cache") == "hit"
            assert second.text == first.text
            assert second.headers["content-type"] == first.headers["content-type"]
            twin = await http.get(f"/trails/{TRAIL_ID}.json")  # another key: rendered on its own
            assert twin.headers["content-type"] == "application/json"
            assert queries.trail_calls == 2
            with sqlite3.connect(empty_store) as conn:  # another writer commits
                conn.execute("INSERT INTO outlets (id, name) VALUES ('new', 'New Outlet')")
            third = await http.get(f"/trails/{TRAIL_ID}")
            assert "x-claimtrail-cache" not in third.headers
            assert queries.trail_calls == 3
            missing = await http.get("/trails/nope")
            again = await http.get("/trails/nope")
            assert missing.status_code == again.status_code == 404  # errors are never cached
            assert "x-claimtrail-cache" not in again.headers
    finally:
        close_app(app)


def test_cache_is_bounded_and_keyed_by_fingerprint() -> None:
    moving = [(1,)]
    cache = PageCache(lambda: moving[0], entries=2, max_page_bytes=10)
    page = CachedPage(b"x", "text/html")
    for key in ("a", "b", "c"):
        cache.put((key, "", False), (1,), page)
    assert cache.get(("a", "", False), (1,)) is None  # the oldest went
    assert cache.get(("c", "", False), (1,)) == page
    assert cache.get(("c", "", False), (2,)) is None  # the store moved on
    cache.put(("big", "", False), (1,), CachedPage(b"x" * 11, "text/html"))
    assert cache.get(("big", "", False), (1,)) is None
    cache.put(("d", "", False), None, page)  # no fingerprint, no caching
    assert cache.get(("d", "", False), None) is None


@pytest.mark.anyio
async def test_cache_can_be_turned_off(empty_store: str) -> None:
    from claimtrail.web import create_app
    from web.conftest import close_app

    app = create_app(empty_store, queries=FakeQueries(), cache_pages=0)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            await http.get("/claims")
            assert "x-claimtrail-cache" not in (await http.get("/claims")).headers
    finally:
        close_app(app)
