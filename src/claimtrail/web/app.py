"""`create_app(db)`: the ASGI app behind `claimtrail serve`, a thin skin over the trail queries.

Every page answers HTML, and JSON when the path ends in `.json` or the client sends `Accept:
application/json`; both come from the same dict (`views.py`). Every error, whatever raised it, leaves in one
shape: `{"ok": false, "status", "error": {"code", "message", "hint"}, "errors": [...]}` as JSON, or a
friendly page with the same code and hint. Reads go through a pool of read-only connections with a time
bound per request (`db.py`); the one write route is off unless the server has a token (`write.py`).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimtrail.errors import (
    BadParameter,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    RequestError,
    ServerError,
)
from claimtrail.web.cache import CachedPage, PageCache, sqlite_fingerprint
from claimtrail.web.db import StorePool, is_postgres, open_read_only
from claimtrail.web.openapi import RouteDoc, openapi_document
from claimtrail.web.params import ActorsQuery, ArticleSubmission, ClaimsQuery, parse
from claimtrail.web.queries import Queries, library_queries
from claimtrail.web.timeline import SERIES, glyph_path
from claimtrail.web.views import (
    Context,
    Page,
    actor_page,
    actors_page,
    article_page,
    claims_page,
    page_json,
    trail_page,
)
from claimtrail.web.write import ArticleWriter, Extract, Link, check_token

__all__ = ["ROUTE_DOCS", "app_from_environment", "create_app"]

log = logging.getLogger("claimtrail.web")

MAX_BODY_BYTES = 4 * 1024 * 1024  # one article of up to 1M characters, as UTF-8 JSON
_SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self' data:;"
    " script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}

_CLAIMS = "List claim trails: full-text search, filters, sort and pagination."
ROUTE_DOCS: tuple[RouteDoc, ...] = (
    RouteDoc("/", "get", _CLAIMS, "ClaimsPage", query=ClaimsQuery, html=True, errors=(400,)),
    RouteDoc("/claims", "get", _CLAIMS, "ClaimsPage", query=ClaimsQuery, html=True, errors=(400,)),
    RouteDoc("/claims.json", "get", _CLAIMS, "ClaimsPage", query=ClaimsQuery, errors=(400,)),
    RouteDoc("/trails/{trail_id}", "get", "One claim's trail.", "TrailPage", "trail_id", html=True),
    RouteDoc("/trails/{trail_id}.json", "get", "One claim's trail.", "TrailPage", "trail_id"),
    RouteDoc(
        "/articles/{article_id}", "get", "One article, highlighted.", "ArticlePage", "article_id", html=True
    ),
    RouteDoc("/articles/{article_id}.json", "get", "One article.", "ArticlePage", "article_id"),
    RouteDoc(
        "/actors", "get", "Find actors by name.", "ActorsPage", query=ActorsQuery, html=True, errors=(400,)
    ),
    RouteDoc("/actors.json", "get", "Find actors by name.", "ActorsPage", query=ActorsQuery, errors=(400,)),
    RouteDoc("/actors/{actor_id}", "get", "One actor across the store.", "ActorPage", "actor_id", html=True),
    RouteDoc("/actors/{actor_id}.json", "get", "One actor across the store.", "ActorPage", "actor_id"),
    RouteDoc("/openapi.json", "get", "This document.", None, errors=()),
    RouteDoc(
        "/api/articles",
        "post",
        "Submit one article: it is analysed, stored and linked into trails (needs the write token).",
        "Submitted",
        body=ArticleSubmission,
        status=201,
        errors=(400, 401, 403, 404, 413, 422),
    ),
)

Builder = Callable[[Context, Request], Page]


@dataclass
class _State:
    pool: StorePool
    queries: Queries
    query_time_s: float
    templates: Environment
    write_token: str | None
    writer: ArticleWriter | None
    cache: PageCache | None


# --- content negotiation and the one error shape --------------------------------------------------------


def wants_json(request: Request) -> bool:
    """JSON for `.json` paths, the API, and clients that ask for it without asking for HTML."""
    path = request.url.path
    if path.endswith(".json") or path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_payload(error: RequestError) -> dict[str, Any]:
    detail = {"code": error.code, "message": error.message, "hint": error.hint}
    return {"ok": False, "status": error.status, "error": detail, "errors": error.errors}


def _as_request_error(request: Request, exc: Exception) -> RequestError:
    if isinstance(exc, RequestError):
        return exc
    if isinstance(exc, HTTPException) and exc.status_code == 405:
        return MethodNotAllowed(f"{request.method} is not allowed on {request.url.path}")
    if isinstance(exc, HTTPException) and exc.status_code == 404:
        return NotFound(f"no page at {request.url.path}")
    if isinstance(exc, sqlite3.OperationalError) and "fts5" in str(exc):
        return BadParameter(f"the search could not be read: {exc}", hint="search for plain words")
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return ServerError("something went wrong while building this page")


def _error_handler(state: _State) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handle(request: Request, exc: Exception) -> Response:
        error = _as_request_error(request, exc)
        headers = {"www-authenticate": 'Bearer realm="claimtrail"'} if error.status == 401 else {}
        if isinstance(exc, HTTPException) and exc.headers:
            headers.update(exc.headers)
        if wants_json(request):
            return JSONResponse(error_payload(error), status_code=error.status, headers=headers)
        html = state.templates.get_template("error.html").render(
            title=f"Error {error.status}", error=error_payload(error), json_url=None
        )
        return HTMLResponse(html, status_code=error.status, headers=headers)

    return handle


class _SecurityHeaders:
    """Pure ASGI middleware: CSP and friends on every response (the pages load nothing from elsewhere)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --- pages ----------------------------------------------------------------------------------------------


def _json_url(request: Request) -> str:
    path = "/claims" if request.url.path == "/" else request.url.path
    query = request.url.query
    return f"{path}.json" + (f"?{query}" if query else "")


def _page_endpoint(
    state: _State, build: Builder, *, json_only: bool = False
) -> Callable[[Request], Response]:
    """A sync endpoint (Starlette runs it in its thread pool): a cached page, or borrow, build, render."""

    def endpoint(request: Request) -> Response:
        as_json = json_only or wants_json(request)
        key = (request.url.path, request.url.query, as_json)
        fingerprint = state.cache.current() if state.cache else None  # read before the queries run
        if state.cache and (hit := state.cache.get(key, fingerprint)):
            return Response(hit.body, media_type=hit.media_type, headers={"x-claimtrail-cache": "hit"})
        with state.pool.borrow(state.query_time_s) as store:
            page = build(Context(store, state.queries), request)
        response: Response
        if as_json:
            response = JSONResponse(page_json(page))
        else:
            context = {**page.data, **page.present(), "title": page.title, "json_url": _json_url(request)}
            response = HTMLResponse(state.templates.get_template(page.template).render(context))
        if state.cache:
            state.cache.put(key, fingerprint, CachedPage(bytes(response.body), str(response.media_type)))
        return response

    return endpoint


def _claims(ctx: Context, request: Request) -> Page:
    return claims_page(ctx, parse(ClaimsQuery, request.query_params), base=request.url.path)


def _actors(ctx: Context, request: Request) -> Page:
    return actors_page(ctx, parse(ActorsQuery, request.query_params))


def _by_id(view: Callable[[Context, str], Page], param: str) -> Builder:
    return lambda ctx, request: view(ctx, str(request.path_params[param]))


def _page_routes(state: _State) -> list[BaseRoute]:
    pages: list[tuple[str, Builder]] = [
        ("/claims", _claims),
        ("/trails/{trail_id}", _by_id(trail_page, "trail_id")),
        ("/articles/{article_id}", _by_id(article_page, "article_id")),
        ("/actors", _actors),
        ("/actors/{actor_id}", _by_id(actor_page, "actor_id")),
    ]
    routes: list[BaseRoute] = [Route("/", _page_endpoint(state, _claims), methods=["GET"])]
    for path, build in pages:
        # the .json route first: "{id}" would otherwise swallow "abc.json"
        routes.append(Route(f"{path}.json", _page_endpoint(state, build, json_only=True), methods=["GET"]))
        routes.append(Route(path, _page_endpoint(state, build), methods=["GET"]))
    return routes


# --- the write API and the OpenAPI document ---------------------------------------------------------------


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"the body is {declared} bytes; the limit is {limit}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _submission(body: bytes) -> ArticleSubmission:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadParameter(
            f"the body is not JSON: {error}", hint='send {"text": "...", "headline": "..."}'
        ) from None
    if not isinstance(data, Mapping):
        raise BadParameter("the body must be a JSON object", hint='send {"text": "...", "headline": "..."}')
    return parse(ArticleSubmission, data)


def _submit_endpoint(state: _State) -> Callable[[Request], Awaitable[Response]]:
    async def submit(request: Request) -> Response:
        check_token(state.write_token, request.headers.get("authorization"))
        submission = _submission(await _read_body(request, MAX_BODY_BYTES))
        assert state.writer is not None  # check_token refuses every request when there is no token
        result = await state.writer.submit(submission)
        return JSONResponse(result, status_code=201, headers={"location": result["article"]["url"]})

    return submit


# --- the app ----------------------------------------------------------------------------------------------


STANCE_WORDS = {"reports": "reported", "asserts": "asserted", "questions": "questioned", "denies": "denied"}
_SHAPES = {series: shape for series, _, shape in SERIES}


@functools.lru_cache(maxsize=64)
def glyph_icon(series: str) -> Markup:
    """A series' shape as a small inline SVG icon (decorative: the text next to it says the same)."""
    path = glyph_path(_SHAPES.get(series, "circle"), 0, 0, 5.5)
    return Markup(
        '<svg class="glyph-icon" width="14" height="14" viewBox="-8 -8 16 16" aria-hidden="true"'
        ' focusable="false">'
        '<path class="glyph glyph-{}" d="{}"/></svg>'
    ).format(series, path)


@functools.lru_cache(maxsize=64)
def stance_badge(label: str) -> Markup:
    """Colour, shape and word of a stance: never colour alone."""
    word = STANCE_WORDS.get(label, label)
    return Markup('<span class="stance stance-{}">{}{}</span>').format(label, glyph_icon(label), word)


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("claimtrail.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # packaged templates do not change under a running server: no stat per render
    )
    env.globals.update(
        trail_url=lambda id: f"/trails/{quote(str(id), safe='')}",
        article_url=lambda id: f"/articles/{quote(str(id), safe='')}",
        actor_url=lambda id: f"/actors/{quote(str(id), safe='')}",
        glyph_icon=glyph_icon,
        stance_badge_html=stance_badge,
        timeline_series=SERIES,
        stance_words=STANCE_WORDS,
    )
    return env


def create_app(
    db: str,
    *,
    write_token: str | None = None,
    queries: Queries | None = None,
    query_time_s: float = 2.0,
    pool_size: int = 4,
    cache_pages: int = 512,
    extract: Extract | None = None,
    link: Link | None = None,
) -> Starlette:
    """The app over the store at `db` (SQLite path or postgresql:// URL), read-only unless `write_token`.

    `cache_pages` rendered pages are kept until the store changes (SQLite only; 0 turns the cache off).
    """
    cache = None
    if cache_pages > 0 and not is_postgres(db):
        cache = PageCache(sqlite_fingerprint(db.removeprefix("sqlite:///")), entries=cache_pages)
    state = _State(
        pool=StorePool(lambda: open_read_only(db), size=pool_size),
        queries=queries if queries is not None else library_queries(),
        query_time_s=query_time_s,
        templates=_templates(),
        write_token=write_token or None,
        writer=ArticleWriter(db, extract=extract, link=link) if write_token else None,
        cache=cache,
    )
    with state.pool.borrow(query_time_s):
        pass  # open one connection now: a bad --db fails at start, not on the first request
    document = openapi_document(ROUTE_DOCS)
    routes = [
        *_page_routes(state),
        Route("/openapi.json", lambda request: JSONResponse(document), methods=["GET"]),
        Route("/api/articles", _submit_endpoint(state), methods=["POST"]),
        Mount("/static", app=StaticFiles(packages=[("claimtrail.web", "static")]), name="static"),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        state.pool.close()
        if state.writer is not None:
            state.writer.close()

    handler = _error_handler(state)
    app = Starlette(
        routes=routes,
        exception_handlers={RequestError: handler, HTTPException: handler, Exception: handler},
        lifespan=lifespan,
    )
    app.add_middleware(_SecurityHeaders)
    app.state.claimtrail = state  # for tests and embedding: the pool and writer to close
    return app


def app_from_environment() -> Starlette:
    """One worker's app under `claimtrail serve --workers N`: options as JSON in CLAIMTRAIL_SERVE_OPTIONS."""
    options = json.loads(os.environ["CLAIMTRAIL_SERVE_OPTIONS"])
    return create_app(
        str(options["db"]),
        write_token=None,  # several workers are read-only (the CLI refuses a token with --workers > 1)
        query_time_s=float(options["query_time_s"]),
        cache_pages=int(options["cache_pages"]),
    )
