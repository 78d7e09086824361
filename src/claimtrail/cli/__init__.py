"""The `claimtrail` command: a thin skin over the library, one module per verb.

Exit codes: 0 all went well, 1 some inputs failed (the others were processed), 2 usage error,
3 set-up error (e.g. the spaCy model package is missing).
"""

from __future__ import annotations

import click

from claimtrail._version import __version__
from claimtrail.cli.evaluate import eval_cli
from claimtrail.cli.export import export_cli
from claimtrail.cli.extract import extract_cli
from claimtrail.cli.ingest import ingest_cli
from claimtrail.cli.load import load_cli
from claimtrail.cli.serve import serve_cli
from claimtrail.cli.spark import spark_cli
from claimtrail.cli.stance import stance_cli
from claimtrail.cli.trails import actor_cli, article_cli, claims_cli, trail_cli


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimtrail")
def main() -> None:
    """Follow claims through the news: who reported, repeated, confirmed, questioned or denied them."""


main.add_command(extract_cli)
main.add_command(eval_cli)
main.add_command(stance_cli)
main.add_command(ingest_cli)
main.add_command(claims_cli)
main.add_command(trail_cli)
main.add_command(actor_cli)
main.add_command(article_cli)
main.add_command(export_cli)
main.add_command(spark_cli)
main.add_command(load_cli)
main.add_command(serve_cli)

__all__ = ["main"]
