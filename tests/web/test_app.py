"""The app in-process through httpx's ASGI transport: pages, JSON twins, the one error shape, escaping."""

from __future__ import annotations

import httpx
import pytest
from bs4 import BeautifulSoup

from web.fakes import ACTOR_ID, ARTICLE_ID, TRAIL_ID, XSS, FakeQueries

pytestmark = pytest.mark.anyio

PAGES = [
    "/",
    "/claims",
    f"/trails/{TRAIL_ID}",
    f"/articles/{ARTICLE_ID}",
    f"/actors/{ACTOR_ID}",
    "/actors?q=arr",
]


def _soup(response: httpx.Response) -> BeautifulSoup:
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def _assert_error(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False
    assert body["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert body["error"]["hint"]
    assert isinstance(body["errors"], list)
    return body


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_renders_html_with_viewport_and_a_json_link(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    soup = _soup(response)
    assert soup.find("meta", attrs={"name": "viewport"})["content"].startswith("width=device-width")
    assert soup.find("link", rel="stylesheet")["href"] == "/static/style.css"
    json_link = soup.find("link", rel="alternate", type="application/json")["href"]
    twin = await client.get(json_link)
    assert twin.status_code == 200
    assert twin.json()["ok"] is True


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_answers_json_when_asked(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path, headers={"accept": "application/json"})
    assert response.headers["content-type"] == "application/json"
    assert response.json()["ok"] is True


async def test_json_twin_of_trail_is_the_view(client: httpx.AsyncClient) -> None:
    body = (await client.get(f"/trails/{TRAIL_ID}.json")).json()
    assert body["trail"]["summary"]["id"] == TRAIL_ID
    assert [a["first"] for a in body["trail"]["appearances"]] == [True, False]
    assert body["trail"]["links"][1]["shared_entities"] == ["Venezuela"]


async def test_claims_filters_reach_the_query(client: httpx.AsyncClient, fake_queries: FakeQueries) -> None:
    query = (
        "q=contractors&actor=ac-1&outlet=reuters&since=2019-01&until=2019-02-01&disputed=true&sort=activity"
    )
    body = (await client.get(f"/claims.json?{query}&limit=5&offset=0")).json()
    assert fake_queries.last_search == {
        "search": "contractors",
        "actor": "ac-1",
        "outlet": "reuters",
        "since": "2019-01",
        "until": "2019-02-01",
        "disputed": True,
        "sort": "activity",
        "limit": 5,
        "offset": 0,
    }
    assert [c["id"] for c in body["claims"]] == [TRAIL_ID]
    assert body["next_url"] is None


async def test_claims_pagination_links(client: httpx.AsyncClient) -> None:
    first = (await client.get("/claims.json?limit=10")).json()
    assert len(first["claims"]) == 10
    assert first["previous_url"] is None
    assert first["next_url"] == "/claims.json?sort=recent&limit=10&offset=10"
    second = (await client.get(first["next_url"])).json()
    assert second["previous_url"] == "/claims.json?sort=recent&limit=10&offset=0"
    assert second["claims"][0]["id"] != first["claims"][0]["id"]
    soup = _soup(await client.get("/claims?limit=10&offset=10"))
    assert soup.find("a", rel="next")["href"] == "/claims?sort=recent&limit=10&offset=20"
    assert soup.find("ol", class_="claims")["start"] == "11"


async def test_empty_filter_fields_mean_no_filter(
    client: httpx.AsyncClient, fake_queries: FakeQueries
) -> None:
    response = await client.get("/claims?q=&actor=&outlet=&since=&until=&disputed=&sort=recent&limit=25")
    assert response.status_code == 200
    assert fake_queries.last_search["search"] is None
    assert fake_queries.last_search["disputed"] is None


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("since=yesterday", "since"),
        ("until=2019-02-30", "until"),
        ("since=2019-05-01&until=2019-04", "until"),
        ("sort=loudest", "sort"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("offset=999999", "offset"),
        ("disputed=maybe", "disputed"),
        (f"q={'x' * 201}", "q"),
    ],
)
async def test_bad_parameters_are_400_with_the_error_shape(
    client: httpx.AsyncClient, query: str, param: str
) -> None:
    body = _assert_error(await client.get(f"/claims.json?{query}"), 400, "CT-E080")
    assert [e["param"] for e in body["errors"]] == [param]
    html = await client.get(f"/claims?{query}")
    assert html.status_code == 400
    soup = _soup(html)
    assert "CT-E080" in soup.get_text()
    assert soup.find("ul", class_="problems").find("code").get_text() == param


@pytest.mark.parametrize(
    "path",
    ["/trails/nope", "/trails/nope.json", "/articles/nope.json", "/actors/nope.json", "/no/such/page"],
)
async def test_unknown_ids_and_paths_are_404(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path, headers={"accept": "application/json"})
    _assert_error(response, 404, "CT-E081")


async def test_404_page_is_friendly_html(client: httpx.AsyncClient) -> None:
    response = await client.get("/trails/nope")
    assert response.status_code == 404
    soup = _soup(response)
    assert "no claim trail" in soup.find("h1").get_text()
    assert soup.find("p", class_="hint")


async def test_wrong_method_is_405(client: httpx.AsyncClient) -> None:
    _assert_error(await client.post("/claims.json"), 405, "CT-E083")
    _assert_error(await client.delete(f"/trails/{TRAIL_ID}.json"), 405, "CT-E083")


async def test_head_works_on_pages(client: httpx.AsyncClient) -> None:
    assert (await client.head("/claims")).status_code == 200


async def test_script_in_article_text_and_labels_comes_back_escaped(client: httpx.AsyncClient) -> None:
    for path in PAGES[:5]:
        text = (await client.get(path)).text
        assert XSS not in text, path
    page = await client.get(f"/articles/{ARTICLE_ID}")
    assert "&lt;script&gt;alert(" in page.text
    assert _soup(page).find("script") is None


async def test_script_in_query_string_comes_back_escaped(client: httpx.AsyncClient) -> None:
    response = await client.get("/claims", params={"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    soup = _soup(response)
    assert soup.find("script") is None
    assert soup.find("input", id="f-q")["value"] == "<script>alert(1)</script>"
    bad = await client.get("/claims", params={"since": '"><script>alert(1)</script>'})
    assert bad.status_code == 400
    assert "<script>alert(1)</script>" not in bad.text
    assert _soup(bad).find("script") is None


async def test_security_headers(client: httpx.AsyncClient) -> None:
    for path in ("/", "/trails/nope", "/static/style.css"):
        headers = (await client.get(path)).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


async def test_static_assets_are_served(client: httpx.AsyncClient) -> None:
    css = await client.get("/static/style.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert "@media (max-width" in css.text
    assert (await client.get("/static/favicon.svg")).status_code == 200
    _assert_error(
        await client.get("/static/nope.css", headers={"accept": "application/json"}), 404, "CT-E081"
    )


async def test_pages_link_claim_trail_article_actor(client: httpx.AsyncClient) -> None:
    claims = _soup(await client.get("/claims"))
    assert claims.find("a", class_="trail-link")["href"] == f"/trails/{TRAIL_ID}"
    trail = _soup(await client.get(f"/trails/{TRAIL_ID}"))
    hrefs = {a["href"] for a in trail.find_all("a")}
    assert f"/articles/{ARTICLE_ID}#claim-c1" in hrefs
    assert f"/actors/{ACTOR_ID}" in hrefs
    article = _soup(await client.get(f"/articles/{ARTICLE_ID}"))
    hrefs = {a["href"] for a in article.find_all("a")}
    assert f"/trails/{TRAIL_ID}" in hrefs
    assert f"/actors/{ACTOR_ID}" in hrefs
    assert "/articles/ct-bbbbbbbbbbbbbbbbbbbb" in hrefs  # the copy of the same story
    actor = _soup(await client.get(f"/actors/{ACTOR_ID}"))
    assert f"/trails/{TRAIL_ID}" in {a["href"] for a in actor.find_all("a")}


async def test_trail_page_has_state_appearances_and_link_reasons(client: httpx.AsyncClient) -> None:
    soup = _soup(await client.get(f"/trails/{TRAIL_ID}"))
    assert "denied by 2 officials" in soup.find("p", class_="summary-state").get_text()
    appearances = soup.find("ol", class_="appearances").find_all("li", recursive=False)
    assert len(appearances) == 2
    assert "Reuters" in appearances[0].get_text()
    rows = soup.find("table", class_="links").find("tbody").find_all("tr")
    assert "started the trail" in rows[0].get_text()
    assert "0.82" in rows[1].get_text()
    assert "Venezuela" in rows[1].get_text()


async def test_article_page_shows_dateline_and_syndication_chain(client: httpx.AsyncClient) -> None:
    soup = _soup(await client.get(f"/articles/{ARTICLE_ID}"))
    chain = soup.find("dd", class_="chain").get_text(" ", strip=True)
    assert "Wire Daily" in chain
    assert "original: Sputnik" in chain
    assert "CARACAS" in soup.find("dl", class_="facts").get_text()
    assert soup.find("mark", class_="hl-dateline")


async def test_actor_page_groups_stances_and_lists_titles(client: httpx.AsyncClient) -> None:
    soup = _soup(await client.get(f"/actors/{ACTOR_ID}"))
    groups = [h.get_text(" ", strip=True) for h in soup.find_all("h3", class_="stance-group")]
    assert groups == ["asserted (1)", "denied (1)"]
    assert "Foreign Minister" in soup.find("table").get_text()
    assert "2019-01-20" in soup.find("table").get_text()


async def test_a_full_last_page_has_no_next_link(client: httpx.AsyncClient) -> None:
    body = (await client.get("/claims.json?limit=59")).json()  # the fake holds exactly 59 trails
    assert len(body["claims"]) == 59
    assert body["next_url"] is None


async def test_long_lists_are_cut_on_the_page_but_not_in_the_json(empty_store: str) -> None:
    from dataclasses import replace

    from claimtrail.web import create_app
    from web.conftest import close_app
    from web.fakes import TRAIL

    class Busy(FakeQueries):
        def get_trail(self, store, trail_id):  # type: ignore[no-untyped-def]
            return replace(TRAIL, appearances=TRAIL.appearances * 150)

    app = create_app(empty_store, queries=Busy())
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            soup = _soup(await http.get(f"/trails/{TRAIL_ID}"))
            assert len(soup.find("ol", class_="appearances").find_all("li", recursive=False)) == 200
            assert "Showing 200 of 300" in soup.find("p", class_="more").get_text()
            assert len((await http.get(f"/trails/{TRAIL_ID}.json")).json()["trail"]["appearances"]) == 300
    finally:
        close_app(app)


@pytest.mark.parametrize("name", ["TRAIL", "ARTICLE", "ACTOR", "SUMMARY"])
def test_json_twins_are_exactly_as_dict(name: str) -> None:
    import json

    from claimtrail.trails.views import as_dict
    from claimtrail.web.views import plain
    from web import fakes

    view = getattr(fakes, name)
    assert json.dumps(plain(view)) == json.dumps(as_dict(view))
