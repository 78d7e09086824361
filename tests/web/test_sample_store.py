"""The app over a real store: the bundled samples ingested with the spaCy pipeline and linked into trails.

Every trail, article and actor page of the store renders, its JSON validates against /openapi.json, and
each article's highlighted text reads exactly as the record's text (real offsets, real nesting).
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import httpx
import jsonschema
import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.anyio, pytest.mark.model, pytest.mark.embedding]


def _validator(document: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    )


async def test_every_trail_article_and_actor_page_renders(sample_client: httpx.AsyncClient) -> None:
    document = (await sample_client.get("/openapi.json")).json()
    claims = (await sample_client.get("/claims.json?sort=activity&limit=100")).json()
    _validator(document, "ClaimsPage").validate(claims)
    assert claims["claims"], "the samples gave no trails"
    assert claims["claims"][0]["n_articles"] >= 2  # some claim travels across stories
    articles: set[str] = set()
    actors: set[str] = set()
    for row in claims["claims"][:40]:
        trail = (await sample_client.get(f"/trails/{row['id']}.json")).json()
        _validator(document, "TrailPage").validate(trail)
        page = await sample_client.get(f"/trails/{row['id']}")
        assert page.status_code == 200
        assert BeautifulSoup(page.text, "html.parser").find("svg", class_="timeline-chart")
        articles.update(a["article"]["id"] for a in trail["trail"]["appearances"])
        actors.update(s["actor_id"] for s in trail["trail"]["stances"] if s["actor_id"])
    for article_id in sorted(articles):
        body = (await sample_client.get(f"/articles/{article_id}.json")).json()
        _validator(document, "ArticlePage").validate(body)
        html = (await sample_client.get(f"/articles/{article_id}")).text
        inner = html.split('<div class="article-text">', 1)[1].split("</div>", 1)[0]
        assert unescape(re.sub(r"<[^>]+>", "", inner)) == body["article"]["record"]["text"]
        assert inner.count("<mark") == inner.count("</mark>")
        actors.update(body["article"]["actor_ids"].values())
    for actor_id in sorted(actors)[:40]:
        body = (await sample_client.get(f"/actors/{actor_id}.json")).json()
        _validator(document, "ActorPage").validate(body)
        assert (await sample_client.get(f"/actors/{actor_id}")).status_code == 200


async def test_search_and_filters_on_real_trails(sample_client: httpx.AsyncClient) -> None:
    found = (await sample_client.get("/claims.json", params={"q": "contractors Venezuela"})).json()["claims"]
    assert any("contractors" in c["label"].lower() for c in found)
    disputed = (await sample_client.get("/claims.json?disputed=true&limit=100")).json()["claims"]
    assert disputed
    assert all(c["disputed"] for c in disputed)
    odd = (await sample_client.get("/claims.json", params={"q": '"unbalanced AND (OR'})).status_code
    assert odd == 200  # user text reaches full-text search only as quoted terms
