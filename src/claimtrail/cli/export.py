"""`claimtrail export --format jsonl|csv|parquet|claimreview [--output PATH]`: the store for other tools."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from claimtrail.cli._output import EXIT_USAGE, fail_setup
from claimtrail.errors import StoreError
from claimtrail.store import DEFAULT_DB, open_store

FORMATS = ("jsonl", "csv", "parquet", "claimreview")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="What to write.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or postgresql:// URL.")
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    help="File (jsonl, parquet, claimreview) or folder (csv); jsonl and claimreview default to stdout.",
)
@click.option(
    "--min-articles", default=1, show_default=True, type=click.IntRange(1), help="claimreview only."
)
def export_cli(fmt: str, db: str, output: Path | None, min_articles: int) -> None:
    """Export article records (jsonl, parquet), every table (csv, one file each) or trails (claimreview)."""
    from claimtrail import exports

    if fmt in ("csv", "parquet") and output is None:
        click.echo(
            f"error: --format {fmt} needs --output (a {'folder' if fmt == 'csv' else 'file'})", err=True
        )
        raise SystemExit(EXIT_USAGE)
    try:
        store = open_store(db)
    except StoreError as exc:
        fail_setup(exc)
        return
    try:
        if fmt == "csv":
            assert output is not None
            counts = exports.export_csv(store, output)
            click.echo(f"wrote {len(counts)} tables to {output}: {sum(counts.values())} rows", err=True)
        elif fmt == "parquet":
            assert output is not None
            n = exports.export_parquet(store, output)
            click.echo(f"wrote {n} records to {output}", err=True)
        else:
            with output.open("w", encoding="utf-8") if output else _stdout() as out:
                if fmt == "jsonl":
                    exports.export_jsonl(store, out)
                else:
                    json.dump(exports.claimreview_graph(store, min_articles=min_articles), out, indent=2)
                    out.write("\n")
    finally:
        store.close()


class _stdout:
    def __enter__(self):  # type: ignore[no-untyped-def]
        return sys.stdout

    def __exit__(self, *_: object) -> None:
        sys.stdout.flush()
