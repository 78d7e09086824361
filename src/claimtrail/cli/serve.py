"""`claimtrail serve [--db PATH_OR_URL] [--host 127.0.0.1] [--port 8000] [--write-token TOKEN]`: uvicorn over
`claimtrail.web.create_app`. Loopback and read-only unless told otherwise."""

from __future__ import annotations

import ipaddress
import json
import os
from pathlib import Path

import click

from claimtrail.cli._output import fail_setup
from claimtrail.errors import StoreError, WebNotInstalled
from claimtrail.store import DEFAULT_DB, open_store

OPTIONS_VARIABLE = "CLAIMTRAIL_SERVE_OPTIONS"  # how `--workers N` hands the options to each worker


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def prepare_store(db: str, *, build_trails: bool = False) -> str | None:
    """Fail early on a missing SQLite file, bring an older store up to the current schema, and link the
    claims not yet in a trail when asked; a line saying what the linking did, if it ran.

    The server itself only reads (read-only connections cannot migrate), so this runs once, before it.
    """
    if "://" not in db and not Path(db).is_file():
        hint = "create one with `claimtrail ingest SOURCES --db PATH` first"
        raise StoreError(f"no store at {db}", hint=hint)
    store = open_store(db)
    try:
        if not build_trails:
            return None
        from claimtrail.trails.build import build_trails as link

        report = link(store)
    finally:
        store.close()
    return (
        f"trails: {report.claims_linked} claims linked, {report.new_trails} new, {report.trails_total} in all"
    )


@click.command("serve")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path, or a postgresql:// URL.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; keep the loopback default unless behind a proxy.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option(
    "--write-token",
    envvar="CLAIMTRAIL_WRITE_TOKEN",
    default=None,
    help="Turn on POST /api/articles for clients sending `Authorization: Bearer TOKEN`"
    " (prefer the environment variable CLAIMTRAIL_WRITE_TOKEN: arguments show in `ps`).",
)
@click.option(
    "--query-timeout",
    default=2.0,
    show_default=True,
    type=click.FloatRange(0.05, 60.0),
    help="Seconds a page's queries may take before the request fails with 503.",
)
@click.option(
    "--cache-pages",
    default=512,
    show_default=True,
    type=click.IntRange(0, 100_000),
    help="Rendered pages kept in memory until the store changes (SQLite); 0 turns the cache off.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 32),
    help="Server processes (read-only servers only: writes keep to one writer).",
)
@click.option(
    "--build-trails",
    is_flag=True,
    help="Before serving, link the claims not yet in a trail (incremental; needs the embedding model).",
)
def serve_cli(
    db: str,
    host: str,
    port: int,
    write_token: str | None,
    query_timeout: float,
    cache_pages: int,
    workers: int,
    build_trails: bool,
) -> None:
    """Serve the web UI and the JSON API over a store: claims, trails, articles, actors.

    Every page has a JSON twin (add .json, or send Accept: application/json); /openapi.json describes them.
    """
    if workers > 1 and write_token:
        raise click.UsageError(
            "--workers > 1 serves read-only: SQLite takes one writer, so drop --write-token"
        )
    options = {
        "db": db,
        "write_token": write_token,
        "query_time_s": query_timeout,
        "cache_pages": cache_pages,
    }
    try:
        linked = prepare_store(db, build_trails=build_trails)
        from claimtrail.web import create_app

        app = create_app(db, write_token=write_token, query_time_s=query_timeout, cache_pages=cache_pages)
        import uvicorn
    except ImportError as exc:
        fail_setup(WebNotInstalled(f"`claimtrail serve` needs {exc.name}, which is not installed"))
        return
    except (StoreError, WebNotInstalled) as exc:
        fail_setup(exc)
        return
    if linked:
        click.echo(linked, err=True)
    if not _is_loopback(host):
        click.echo(f"warning: serving on {host}, reachable from other machines", err=True)
    mode = "read-write (POST /api/articles on)" if write_token else "read-only"
    click.echo(f"claimtrail serving {db} {mode} on http://{host}:{port}/", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
        return
    # several processes: each worker builds its own app (pool, cache) from the same options
    app.state.claimtrail.pool.close()
    os.environ[OPTIONS_VARIABLE] = json.dumps(options)
    factory = "claimtrail.web.app:app_from_environment"
    uvicorn.run(
        factory, factory=True, workers=workers, host=host, port=port, log_level="info", server_header=False
    )
