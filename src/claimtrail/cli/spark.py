"""`claimtrail spark extract INPUT... --output DIR`: batch extraction on Spark into Parquet (extra spark)."""

from __future__ import annotations

import sys

import click

from claimtrail.cli._output import EXIT_FAILED_INPUTS, EXIT_OK, fail_setup
from claimtrail.errors import ModelNotInstalled, SparkJobError, SparkNotInstalled
from claimtrail.ingest.sources import FORMATS, Format
from claimtrail.nlp.load import DEFAULT_MODEL


@click.group("spark")
def spark_cli() -> None:
    """Batch jobs on Apache Spark (pip install 'claimtrail[spark]'); also `spark-submit .../spark/job.py`."""


@spark_cli.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--output", "-o", required=True, help="Output folder (any Hadoop path: file://, hdfs://, s3a://)."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Override format detection.")
@click.option("--partitions", type=click.IntRange(1), default=None, help="Analysis tasks [4 per core].")
@click.option("--blocking", is_flag=True, help="Also write claim_blocks/: candidate pairs of similar claims.")
@click.option(
    "--min-jaccard", type=click.FloatRange(0, 1), default=0.3, show_default=True, help="For --blocking."
)
@click.option(
    "--embed",
    is_flag=True,
    help="Also write claim_vectors/: claim embeddings, so linking after load is cheap.",
)
@click.option("--overwrite", is_flag=True, help="Replace the output of an earlier run in --output.")
@click.option("--master", default=None, help="Spark master when not run by spark-submit, e.g. 'local[2]'.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy pipeline package.")
def extract_cmd(
    inputs: tuple[str, ...],
    output: str,
    fmt: Format | None,
    partitions: int | None,
    blocking: bool,
    min_jaccard: float,
    embed: bool,
    overwrite: bool,
    master: str | None,
    model: str,
) -> None:
    """Extract every article in INPUTS (WARC(.gz), JSONL, text, HTML, feeds; files, folders, globs).

    Writes OUTPUT/articles/date=YYYY-MM-DD/ (records as `claimtrail extract` writes them), OUTPUT/failures/
    and, with --blocking, OUTPUT/claim_blocks/; with --embed, OUTPUT/claim_vectors/. Exit code 1 when some
    inputs failed.
    """
    from claimtrail.spark import ExtractOptions, run_extract, spark_session

    options = ExtractOptions(
        output=output,
        fmt=fmt,
        model=model,
        partitions=partitions,
        blocking=blocking,
        min_jaccard=min_jaccard,
        overwrite=overwrite,
        embed=embed,
    )
    try:
        from pyspark.sql import SparkSession

        owned = SparkSession.getActiveSession() is None  # a session made here is stopped here
        spark = spark_session(master)
    except (SparkNotInstalled, SparkJobError, ImportError) as exc:
        fail_setup(exc if not isinstance(exc, ImportError) else SparkNotInstalled(str(exc)))
        return
    try:
        summary = run_extract(spark, list(inputs), options)
    except (SparkJobError, ModelNotInstalled) as exc:
        fail_setup(exc)
        return
    finally:
        if owned:
            spark.stop()
    click.echo(
        f"wrote {summary.articles} articles over {summary.days} days and {summary.failures} failures"
        f" to {output} in {summary.elapsed_s:.1f}s",
        err=True,
    )
    for code, count in sorted(summary.failure_codes.items()):
        click.echo(f"  {code} x{count}", err=True)
    if summary.claim_pairs is not None:
        click.echo(f"  {summary.claim_pairs} candidate claim pairs in claim_blocks/", err=True)
    sys.exit(EXIT_FAILED_INPUTS if summary.failures else EXIT_OK)
