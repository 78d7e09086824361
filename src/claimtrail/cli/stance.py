"""`claimtrail stance --claim TEXT ARTICLE...`: one JSON line per article {source, stance, scores}."""

from __future__ import annotations

import json
import sys

import click

from claimtrail.cli._output import EXIT_FAILED_INPUTS, EXIT_OK, report_failure
from claimtrail.ingest.article import prepare_article
from claimtrail.ingest.readers import iter_raw_articles
from claimtrail.models import Failure


@click.command("stance")
@click.option("--claim", required=True, help="The claim to compare each article with.")
@click.argument("paths", nargs=-1, required=True)
def stance_cli(claim: str, paths: tuple[str, ...]) -> None:
    """Say whether each article asserts, denies, questions or reports CLAIM, or is unrelated to it.

    PATHS are plain-text articles (headline line, then body), JSONL files (one article per line, with an
    optional "headline"), folders of them, or '-' for standard input.
    """
    from claimtrail.stance import classify_stance

    failed = 0
    for item in iter_raw_articles(list(paths)):
        prepared = item if isinstance(item, Failure) else prepare_article(item)
        if isinstance(prepared, Failure):
            failed += 1
            report_failure(prepared)
            continue
        result = classify_stance(claim, prepared.headline, prepared.text or None)
        payload = {"source": prepared.raw.source, "stance": result.label, "scores": result.scores}
        click.echo(json.dumps(payload, ensure_ascii=False))
    sys.exit(EXIT_FAILED_INPUTS if failed else EXIT_OK)
