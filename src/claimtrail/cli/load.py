"""`claimtrail load DIR [--db PATH_OR_URL]`: a `claimtrail spark extract` output into a store."""

from __future__ import annotations

import sys

import click

from claimtrail.cli._output import EXIT_FAILED_INPUTS, EXIT_OK, fail_setup
from claimtrail.errors import BadDataset, StoreError
from claimtrail.load import BATCH_SIZE, LoadProgress, load_dataset
from claimtrail.store import DEFAULT_DB, open_store


@click.command("load")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path, or a postgresql:// URL.")
@click.option(
    "--batch-size", default=BATCH_SIZE, show_default=True, type=click.IntRange(1), help="Rows per commit."
)
@click.option("--link/--no-link", default=True, show_default=True, help="Link new claims into trails.")
def load_cli(folder: str, db: str, batch_size: int, link: bool) -> None:
    """Load FOLDER (articles/ and failures/ Parquet from `claimtrail spark extract`) into a store.

    Idempotent and resumable: rows already in the store are skipped, and an interrupted load goes on from
    its last committed batch. Then the new claims are linked into trails, with the job's embeddings when it
    ran with --embed. Exit code 1 when the folder holds failures.
    """
    from claimtrail.trails.build import build_trails

    try:
        store = open_store(db)
        try:
            progress = load_dataset(folder, store, batch_size=batch_size)
            report = build_trails(store) if link else None
        finally:
            store.close()
    except (BadDataset, StoreError) as exc:
        fail_setup(exc)
        return
    for line in summary_lines(progress, db.rsplit("@", maxsplit=1)[-1]):
        click.echo(line, err=True)
    if report is not None:
        click.echo(
            f"  linked {report.claims_linked} claims ({progress.vectors} embeddings from the job):"
            f" {report.new_trails} new trails, {report.trails_total} trails in the store",
            err=True,
        )
    sys.exit(EXIT_FAILED_INPUTS if progress.failure_rows else EXIT_OK)


def summary_lines(progress: LoadProgress, db: str) -> list[str]:
    return [
        f"loaded {progress.read} rows into {db} in {progress.elapsed:.1f}s:",
        f"  {progress.new_articles} new articles ({progress.linked_copies} copies of a stored story),"
        f" {progress.known_articles} already stored, {progress.already_done} rows loaded in an earlier run",
        f"  {progress.failures} new failures ({progress.failure_rows} in the folder; table failures)",
    ]
