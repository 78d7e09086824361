"""The web UI and HTTP API over a store (extra "web"): `create_app(db)` is what `claimtrail serve` runs.

    app.py        routes, content negotiation (.json twins), the one error shape, security headers
    views.py      one function per page: one library query -> one dict (the JSON twin)
    params.py     query parameters and request bodies checked at the edge
    db.py         read-only connection pool with a time bound per request
    write.py      POST /api/articles: token check and the single writer
    highlight.py  article text with marks built from the record's offsets (nesting repaired)
    timeline.py   the trail's timeline as inline SVG data
    openapi.py    /openapi.json from the route table and the view records
    templates/, static/   Jinja2 templates (autoescaped) and the CSS, shipped in the wheel

Starlette and uvicorn are imported only here, so the rest of claimtrail works without the extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrail.errors import WebNotInstalled

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["create_app"]


def create_app(db: str, **options: Any) -> Starlette:
    """The ASGI app over the store at `db`; see `claimtrail.web.app.create_app` for the options."""
    try:
        from claimtrail.web.app import create_app as create
    except ImportError as error:
        raise WebNotInstalled(
            f"the web app needs {error.name or 'starlette'}, which is not installed"
        ) from error
    return create(db, **options)
