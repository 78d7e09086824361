"""The OpenAPI 3.1 document at /openapi.json, written from the app's own route table and records.

Response schemas are derived from the view dataclasses (`claimtrail.trails.views`), so they cannot drift
from what the JSON twins return; `tests/web/test_openapi.py` checks every route is described and validates
real responses against these schemas.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from claimtrail._version import __version__
from claimtrail.trails import views

__all__ = ["RouteDoc", "dataclass_schema", "openapi_document"]

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


@dataclass(frozen=True, slots=True)
class RouteDoc:
    path: str
    method: str  # get, post
    summary: str
    response: str | None = None  # a components/schemas name, for the 200/201 JSON body
    path_param: str | None = None
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    html: bool = False  # also answers text/html (the page, when not asked for JSON)
    status: int = 200
    errors: tuple[int, ...] = (400, 404)


def _type_schema(tp: Any) -> dict[str, Any]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    if tp is Any:
        return {}
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a) for a in args if a is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        if type(None) in args:
            return {"anyOf": [schema, {"type": "null"}]}
        return schema
    if origin is tuple or origin is list:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1])}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return {"$ref": f"#/components/schemas/{tp.__name__}"}
    raise TypeError(f"no JSON schema for {tp!r}")


def dataclass_schema(cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls)]
    return {
        "type": "object",
        "properties": {name: _type_schema(hints[name]) for name in fields},
        "required": fields,
        "additionalProperties": False,
    }


def _record_schemas() -> dict[str, Any]:
    records = [getattr(views, name) for name in views.__all__ if name != "as_dict"]
    return {cls.__name__: dataclass_schema(cls) for cls in records}


def _envelope(key: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    properties = {"ok": {"const": True}, key: schema, **extra}
    return {"type": "object", "properties": properties, "required": ["ok", key, *extra]}


def _page_schemas() -> dict[str, Any]:
    ref = "#/components/schemas/{}".format
    nullable_string = {"type": ["string", "null"]}
    return {
        "ClaimsPage": _envelope(
            "claims",
            {"type": "array", "items": {"$ref": ref("TrailSummary")}},
            filters={"type": "object"},
            next_url=nullable_string,
            previous_url=nullable_string,
        ),
        "TrailPage": _envelope("trail", {"$ref": ref("TrailView")}),
        "ArticlePage": _envelope("article", {"$ref": ref("ArticleView")}),
        "ActorPage": _envelope("actor", {"$ref": ref("ActorView")}),
        "ActorsPage": _envelope(
            "actors", {"type": "array", "items": {"$ref": ref("ActorSummary")}}, filters={"type": "object"}
        ),
        "Submitted": _envelope(
            "article",
            {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "url": {"type": "string"},
                    "new": {"type": "boolean"},
                },
                "required": ["id", "url", "new"],
            },
            claims={"type": "integer"},
        ),
        "Error": {
            "type": "object",
            "properties": {
                "ok": {"const": False},
                "status": {"type": "integer"},
                "error": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                        "hint": {"type": "string"},
                    },
                    "required": ["code", "message", "hint"],
                },
                "errors": {"type": "array", "items": {"type": "object"}},
            },
            "required": ["ok", "status", "error", "errors"],
        },
    }


def _parameters(route: RouteDoc) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = []
    if route.path_param:
        params.append(
            {"name": route.path_param, "in": "path", "required": True, "schema": {"type": "string"}}
        )
    if route.query is not None:
        schema = route.query.model_json_schema()
        for name, prop in schema["properties"].items():
            description = prop.pop("description", None)
            prop.pop("title", None)
            param = {"name": name, "in": "query", "required": False, "schema": prop}
            params.append(param | ({"description": description} if description else {}))
    return params


def _operation(route: RouteDoc) -> dict[str, Any]:
    content: dict[str, Any] = {}
    if route.response:
        content["application/json"] = {"schema": {"$ref": f"#/components/schemas/{route.response}"}}
    if route.html:
        content["text/html"] = {"schema": {"type": "string"}}
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    responses: dict[str, Any] = {str(route.status): {"description": "OK", "content": content}}
    responses.update({str(status): {"description": "error", **error} for status in route.errors})
    operation: dict[str, Any] = {
        "summary": route.summary,
        "parameters": _parameters(route),
        "responses": responses,
    }
    if route.body is not None:
        body_schema = route.body.model_json_schema()
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": body_schema}},
        }
        operation["security"] = [{"writeToken": []}]
    return operation


def openapi_document(routes: tuple[RouteDoc, ...]) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        paths.setdefault(route.path, {})[route.method] = _operation(route)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "claimtrail",
            "version": __version__,
            "description": "Claims, their trails across articles, articles and actors. Every page has a JSON"
            " twin: add `.json` to its path or send `Accept: application/json`.",
        },
        "paths": paths,
        "components": {
            "schemas": _record_schemas() | _page_schemas(),
            "securitySchemes": {"writeToken": {"type": "http", "scheme": "bearer"}},
        },
    }
