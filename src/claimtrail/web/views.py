"""One function per page: it asks the library for one view and builds one dict, the page's content.

The dict holds the library's frozen view records. The JSON twin is that dict made plain (`page_json`: records
to dicts, tuples to lists, exactly `as_dict`'s shape); the HTML page is a template over the same dict, which
reads the records' attributes directly, plus presentation computed only for HTML (`present`): the
highlighted article text, the timeline chart. Converting records only for JSON keeps ~1 ms per trail page
off the HTML path. Views know nothing of HTTP; the app maps their exceptions (NotFound, BadParameter) to
statuses.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from claimtrail.errors import NotFound
from claimtrail.store import SQLStore
from claimtrail.trails.views import STANCES, ActorView, ArticleView, TrailView
from claimtrail.web.highlight import LEGEND, article_marks, render_marked
from claimtrail.web.params import ActorsQuery, ClaimsQuery
from claimtrail.web.queries import Queries
from claimtrail.web.timeline import timeline_chart

__all__ = [
    "Context",
    "Page",
    "actor_page",
    "actors_page",
    "article_page",
    "claims_page",
    "page_json",
    "plain",
    "trail_page",
]


@dataclass(frozen=True, slots=True)
class Context:
    store: SQLStore
    queries: Queries


@dataclass(frozen=True, slots=True)
class Page:
    template: str
    title: str
    data: dict[str, Any]  # the content: view records and plain values (the template's context)
    present: Callable[[], dict[str, Any]] = field(default=dict)  # HTML-only extras, computed on demand


@functools.cache
def _field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def plain(value: Any) -> Any:
    """Records to dicts and tuples to lists, recursively: what `as_dict` gives, without its deep copies."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def page_json(page: Page) -> dict[str, Any]:
    """The page's JSON twin."""
    return {key: plain(value) for key, value in page.data.items()}


def _page_url(base: str, query: ClaimsQuery, offset: int) -> str:
    params = {k: v for k, v in query.model_dump().items() if v is not None and k != "offset"}
    params = {k: ("true" if v is True else "false" if v is False else v) for k, v in params.items()}
    return f"{base}?{urlencode({**params, 'offset': offset})}"


def claims_page(ctx: Context, query: ClaimsQuery, *, base: str = "/claims") -> Page:
    """Trails matching the filters, one page of them, with links to the pages before and after."""
    rows = ctx.queries.search_claims(ctx.store, **query.filters())
    # a full page may be the last one: one row past it says whether a next page exists
    more = len(rows) >= query.limit and bool(
        ctx.queries.search_claims(
            ctx.store, **{**query.filters(), "offset": query.offset + query.limit, "limit": 1}
        )
    )
    previous = max(query.offset - query.limit, 0) if query.offset else None
    data = {
        "ok": True,
        "claims": rows[: query.limit],
        "filters": query.model_dump(),
        "next_url": _page_url(base, query, query.offset + query.limit) if more else None,
        "previous_url": _page_url(base, query, previous) if previous is not None else None,
    }
    title = f"Claims matching “{query.q}”" if query.q else "Claims"
    return Page("claims.html", title, data)


def trail_page(ctx: Context, trail_id: str) -> Page:
    view = ctx.queries.get_trail(ctx.store, trail_id)
    if view is None:
        raise NotFound(f"no claim trail with id {trail_id!r}")
    return Page("trail.html", view.summary.label, {"ok": True, "trail": view}, lambda: _trail_extras(view))


def _trail_extras(view: TrailView) -> dict[str, Any]:
    """The chart, and readable names ("Reuters, 2019-01-25") for the article ids of the link reasons."""
    refs = [a.article for a in view.appearances] + [c for a in view.appearances for c in a.copies]
    refs += [s.article for s in view.stances]
    names = {ref.id: ", ".join(p for p in (ref.outlet, ref.date) if p) or ref.id for ref in refs}
    return {"chart": timeline_chart(view), "article_names": names}


def article_page(ctx: Context, article_id: str) -> Page:
    view = ctx.queries.get_article(ctx.store, article_id)
    if view is None:
        raise NotFound(f"no article with id {article_id!r}")
    title = view.article.headline or f"Article {view.article.id}"
    return Page("article.html", title, {"ok": True, "article": view}, lambda: _article_extras(view))


def _article_extras(view: ArticleView) -> dict[str, Any]:
    record = view.record
    return {
        "marked_text": render_marked(str(record.get("text") or ""), article_marks(record)),
        "legend": LEGEND,
    }


def actor_page(ctx: Context, actor_id: str) -> Page:
    view = ctx.queries.get_actor(ctx.store, actor_id)
    if view is None:
        raise NotFound(f"no actor with id {actor_id!r}")
    return Page("actor.html", view.name, {"ok": True, "actor": view}, lambda: _actor_extras(view))


def _actor_extras(view: ActorView) -> dict[str, Any]:
    """The actor's stances grouped by label (asserted, denied, ...), oldest first within each group."""
    groups = {label: [s for s in view.stances if s.stance == label] for label in STANCES}
    ordered = {label: sorted(rows, key=lambda s: s.date or "") for label, rows in groups.items() if rows}
    return {"stance_groups": ordered}


def actors_page(ctx: Context, query: ActorsQuery) -> Page:
    rows = ctx.queries.search_actors(ctx.store, query.q or "", limit=query.limit)
    data = {"ok": True, "actors": rows, "filters": query.model_dump()}
    return Page("actors.html", f"Actors matching “{query.q}”" if query.q else "Actors", data)
