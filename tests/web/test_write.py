"""POST /api/articles: off without a token, 401/403 on a missing or wrong one, then extract, store, link."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from claimtrail.models import ArticleRecord, Failure, RawArticle
from claimtrail.store import SQLStore
from web.conftest import close_app
from web.fakes import FakeQueries

pytestmark = pytest.mark.anyio

TOKEN = "s3cret-token-for-tests"
ARTICLE = {"text": "The council said on Monday that the library would open in spring.", "headline": "Library"}


def _fake_extract(raw: RawArticle) -> ArticleRecord | Failure:
    if not raw.text.strip("x"):
        return Failure(source=raw.source, code="CT-E002", message="nothing but x", hint="send words")
    return ArticleRecord(
        id="ct-" + str(abs(hash(raw.text)))[:20].zfill(20),
        source=raw.source,
        source_format=raw.source_format,
        url=raw.url,
        language="en",
        headline=raw.headline,
        text=raw.text,
        removed=(),
        source_spans=(),
        dateline=None,
        published=raw.published,
        published_from="input" if raw.published else None,
        actors=(),
        quotes=(),
        claims=(),
        timexes=(),
        pipeline="fake",
    )


class _Linker:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, store: SQLStore) -> None:
        self.calls += 1


@pytest.fixture
def linker() -> _Linker:
    return _Linker()


@pytest.fixture
def write_app(empty_store: str, fake_queries: FakeQueries, linker: _Linker) -> Iterator[Any]:
    from claimtrail.web import create_app

    app = create_app(empty_store, queries=fake_queries, write_token=TOKEN, extract=_fake_extract, link=linker)
    yield app
    close_app(app)


@pytest.fixture
async def writer(write_app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=write_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


def _auth(token: str = TOKEN) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def _error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False
    assert body["error"]["code"] == code
    return body


async def test_writes_are_off_without_a_token(client: httpx.AsyncClient) -> None:
    _error(await client.post("/api/articles", json=ARTICLE, headers=_auth()), 404, "CT-E082")
    _error(await client.get("/api/articles"), 405, "CT-E083")


async def test_missing_token_is_401_with_a_challenge(writer: httpx.AsyncClient) -> None:
    response = await writer.post("/api/articles", json=ARTICLE)
    _error(response, 401, "CT-E084")
    assert response.headers["www-authenticate"].startswith("Bearer")
    _error(await writer.post("/api/articles", json=ARTICLE, headers={"authorization": TOKEN}), 401, "CT-E084")


async def test_wrong_token_is_403(writer: httpx.AsyncClient) -> None:
    _error(await writer.post("/api/articles", json=ARTICLE, headers=_auth("guess")), 403, "CT-E085")
    _error(await writer.post("/api/articles", json=ARTICLE, headers=_auth(TOKEN + "x")), 403, "CT-E085")


async def test_token_is_checked_before_the_body_is_read(writer: httpx.AsyncClient) -> None:
    _error(await writer.post("/api/articles", content=b"not json"), 401, "CT-E084")


async def test_submitted_article_is_stored_and_linked(
    writer: httpx.AsyncClient, empty_store: str, linker: _Linker
) -> None:
    response = await writer.post(
        "/api/articles", json={**ARTICLE, "published": "2024-03-05"}, headers=_auth()
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] is True
    assert body["article"]["new"] is True
    assert response.headers["location"] == f"/articles/{body['article']['id']}"
    assert linker.calls == 1
    with sqlite3.connect(empty_store) as conn:
        rows = conn.execute("SELECT id, headline, source_format FROM articles").fetchall()
    assert rows == [(body["article"]["id"], "Library", "api")]
    again = await writer.post("/api/articles", json={**ARTICLE, "published": "2024-03-05"}, headers=_auth())
    assert again.status_code == 201
    assert (
        again.json()["article"]["new"] is False
    )  # ids are content hashes: the same article twice is one row


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"headline": "no text"}, "text"),
        ({"text": ""}, "text"),
        ({"text": "x" * 1_000_001}, "text"),
        ({"text": 5}, "text"),
    ],
)
async def test_bad_bodies_are_400(writer: httpx.AsyncClient, body: dict[str, Any], param: str) -> None:
    result = _error(await writer.post("/api/articles", json=body, headers=_auth()), 400, "CT-E080")
    assert [e["param"] for e in result["errors"]] == [param]


async def test_body_that_is_not_a_json_object_is_400(writer: httpx.AsyncClient) -> None:
    _error(await writer.post("/api/articles", content=b"{nope", headers=_auth()), 400, "CT-E080")
    _error(await writer.post("/api/articles", json=["a"], headers=_auth()), 400, "CT-E080")


async def test_oversized_body_is_413(writer: httpx.AsyncClient) -> None:
    big = b'{"text": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    _error(await writer.post("/api/articles", content=big, headers=_auth()), 413, "CT-E086")


async def test_article_the_pipeline_rejects_is_422_with_its_own_code(writer: httpx.AsyncClient) -> None:
    body = _error(await writer.post("/api/articles", json={"text": "xxxx"}, headers=_auth()), 422, "CT-E088")
    assert body["errors"][0]["code"] == "CT-E002"


async def test_pages_stay_readable_while_writes_are_on(writer: httpx.AsyncClient) -> None:
    assert (await writer.get("/claims.json")).status_code == 200


@pytest.mark.model
async def test_real_extraction_through_the_api(tmp_path: Any, fake_queries: FakeQueries) -> None:
    from claimtrail.store import open_store
    from claimtrail.web import create_app

    db = str(tmp_path / "real.db")
    open_store(db).close()
    app = create_app(db, queries=fake_queries, write_token=TOKEN, link=lambda store: None)
    try:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            text = (
                "The harbour authority on Tuesday denied reports that dredging of the main channel had been"
                ' delayed. "The dredgers will be in the water by June," port director Anna Keller said.'
            )
            response = await http.post(
                "/api/articles", json={"text": text, "published": "2024-03-05"}, headers=_auth()
            )
        assert response.status_code == 201, response.text
        assert response.json()["claims"] >= 1
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] >= 1
    finally:
        close_app(app)
