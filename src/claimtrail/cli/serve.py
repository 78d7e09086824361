"""`claimtrail serve [--db PATH_OR_URL] [--host 127.0.0.1] [--port 8000] [--write-token TOKEN]`: uvicorn over
`claimtrail.web.create_app`. Loopback and read-only unless told otherwise."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from claimtrail.cli._output import fail_setup
from claimtrail.errors import StoreError, WebNotInstalled
from claimtrail.store import DEFAULT_DB, open_store


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def prepare_store(db: str) -> None:
    """Fail early on a missing SQLite file, and bring an older store up to the current schema.

    The server itself only reads (read-only connections cannot migrate), so migrations run here, once.
    """
    if "://" not in db and not Path(db).is_file():
        raise StoreError(
            f"no store at {db}", hint="create one with `claimtrail ingest SOURCES --db PATH` first"
        )
    open_store(db).close()


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
def serve_cli(db: str, host: str, port: int, write_token: str | None, query_timeout: float) -> None:
    """Serve the web UI and the JSON API over a store: claims, trails, articles, actors.

    Every page has a JSON twin (add .json, or send Accept: application/json); /openapi.json describes them.
    """
    try:
        prepare_store(db)
        from claimtrail.web import create_app

        app = create_app(db, write_token=write_token, query_time_s=query_timeout)
        import uvicorn
    except ImportError as exc:
        fail_setup(WebNotInstalled(f"`claimtrail serve` needs {exc.name}, which is not installed"))
        return
    except (StoreError, WebNotInstalled) as exc:
        fail_setup(exc)
        return
    if not _is_loopback(host):
        click.echo(f"warning: serving on {host}, reachable from other machines", err=True)
    mode = "read-write (POST /api/articles on)" if write_token else "read-only"
    click.echo(f"claimtrail serving {db} {mode} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
