"""/openapi.json describes the real routes, and real JSON responses validate against its schemas."""

from __future__ import annotations

from typing import Any

import httpx
import jsonschema
import pytest
from starlette.routing import Mount, Route

from web.fakes import ACTOR_ID, ARTICLE_ID, TRAIL_ID

pytestmark = pytest.mark.anyio


async def _document(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def _validate(document: dict[str, Any], schema_name: str, body: Any) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    jsonschema.Draft202012Validator(schema).validate(body)


async def test_every_route_of_the_app_is_documented(app: Any, client: httpx.AsyncClient) -> None:
    paths = (await _document(client))["paths"]
    routes = [r for r in app.routes if isinstance(r, Route)]
    assert routes
    for route in routes:
        assert route.path in paths, route.path
        methods = {m.lower() for m in route.methods or ()} - {"head"}
        assert methods == set(paths[route.path]), route.path
    assert {r.path for r in app.routes if isinstance(r, Mount)} == {"/static"}
    assert set(paths) == {r.path for r in routes}  # and nothing documented that does not exist


async def test_the_document_is_valid_openapi_shape(client: httpx.AsyncClient) -> None:
    document = await _document(client)
    assert document["openapi"].startswith("3.1")
    for path, operations in document["paths"].items():
        for operation in operations.values():
            names = [p["name"] for p in operation["parameters"] if p["in"] == "path"]
            assert names == [part[1:-1] for part in path.split("/") if part.startswith("{")] or all(
                f"{{{n}}}" in path for n in names
            )
            for response in operation["responses"].values():
                for media in response.get("content", {}).values():
                    jsonschema.Draft202012Validator.check_schema(media["schema"])
    claims = document["paths"]["/claims.json"]["get"]["parameters"]
    limit = next(p for p in claims if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100
    sort = next(p for p in claims if p["name"] == "sort")
    assert sort["schema"]["enum"] == ["recent", "activity"]


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        ("/claims.json", "ClaimsPage"),
        ("/claims.json?q=contractors", "ClaimsPage"),
        (f"/trails/{TRAIL_ID}.json", "TrailPage"),
        (f"/articles/{ARTICLE_ID}.json", "ArticlePage"),
        (f"/actors/{ACTOR_ID}.json", "ActorPage"),
        ("/actors.json?q=a", "ActorsPage"),
        ("/trails/nope.json", "Error"),
        ("/claims.json?limit=1000", "Error"),
        ("/nowhere", "Error"),
    ],
)
async def test_responses_validate_against_their_schemas(
    client: httpx.AsyncClient, path: str, schema: str
) -> None:
    document = await _document(client)
    body = (await client.get(path, headers={"accept": "application/json"})).json()
    _validate(document, schema, body)
