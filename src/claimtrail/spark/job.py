"""`claimtrail spark extract`: the batch extraction job, the library function behind it, and `main()`.

    spark-submit src/claimtrail/spark/job.py extract s3a://bucket/cc-news/2024/01/*.warc.gz --output s3a://...
    python -m claimtrail.spark extract crawl.warc.gz --output out/ --master 'local[2]'

Stages (see docs/spark.md):

1. files: `binaryFiles` (any Hadoop path: file://, hdfs://, s3a://, globs), one task per file, split into
   units with the library's readers: raw articles, or unparsed WARC pages (splitting is cheap);
2. analysis: units repartitioned over `partitions` tasks, HTML parsed and the full pipeline run per
   partition (`process_many`, one spaCy pipeline per Python worker);
3. output under `--output DIR`: `articles/date=YYYY-MM-DD/` (Parquet, `ARTICLE_ARROW_SCHEMA`; `unknown` when
   the article has no date), `failures/` (`FAILURE_ARROW_SCHEMA`), and with `blocking`, `claim_blocks/`.

Bad input never fails the job: a missing path, an unreadable file or a crashing article is a failure row.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from claimtrail.errors import InputNotFound, SparkJobError
from claimtrail.ingest.sources import Format
from claimtrail.models import Failure
from claimtrail.nlp.load import DEFAULT_MODEL
from claimtrail.serialize import failure_to_dict
from claimtrail.spark._schema import result_schema
from claimtrail.spark._tasks import analyse_partition, local_name, split_file

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["ExtractOptions", "ExtractSummary", "main", "run_extract"]

ARTICLES, FAILURES, CLAIM_BLOCKS, CLAIM_VECTORS = "articles", "failures", "claim_blocks", "claim_vectors"
PARTITIONS_PER_CORE = 4  # several tasks per core, so one slow partition does not hold the stage


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    output: str
    fmt: Format | None = None
    model: str = DEFAULT_MODEL
    partitions: int | None = None  # analysis tasks; default PARTITIONS_PER_CORE x the default parallelism
    blocking: bool = False
    min_jaccard: float = 0.3
    overwrite: bool = False
    embed: bool = False  # also write claim_vectors/: the linker's embeddings, computed on the cluster


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    articles: int
    failures: int
    failure_codes: dict[str, int] = field(default_factory=dict)
    days: int = 0
    claim_pairs: int | None = None
    elapsed_s: float = 0.0


def run_extract(spark: SparkSession, inputs: Sequence[str], options: ExtractOptions) -> ExtractSummary:
    """Extract every article in `inputs` into Parquet under `options.output`; the counts."""
    started = time.monotonic()
    _check_output(spark, options)
    files, missing = _resolve(spark, inputs)
    results = _results(spark, files, missing, options).persist()
    try:
        mode = "overwrite"  # the output folder was checked above; this replaces only our sub-folders
        records = results.where("record IS NOT NULL").select("record.*", "date")
        records.write.mode(mode).partitionBy("date").parquet(_join(options.output, ARTICLES))
        failures = results.where("failure IS NOT NULL").select("failure.*")
        failures.coalesce(1).write.mode(mode).parquet(_join(options.output, FAILURES))
        if options.embed:
            _write_vectors(results, options)
        else:
            _delete(spark, _join(options.output, CLAIM_VECTORS))
        if options.blocking:
            pairs: int | None = _write_blocks(results, options)
        else:
            pairs = None
            _delete(spark, _join(options.output, CLAIM_BLOCKS))  # stale pairs would name old articles
        return _summary(results, pairs, time.monotonic() - started)
    except SparkJobError:
        raise
    except Exception as error:  # py4j and Spark raise many kinds when a write fails
        raise SparkJobError(f"the Spark job failed: {type(error).__name__}: {error}") from error
    finally:
        results.unpersist()


def _results(
    spark: SparkSession, files: list[str], missing: list[Failure], options: ExtractOptions
) -> DataFrame:
    sc = spark.sparkContext
    units: RDD[Any] = sc.emptyRDD()
    if files:
        explicit = frozenset(local_name(f) for f in files)
        units = sc.binaryFiles(",".join(files)).flatMap(
            partial(split_file, explicit=explicit, fmt=options.fmt)
        )
    partitions = options.partitions or PARTITIONS_PER_CORE * sc.defaultParallelism
    rows = units.repartition(partitions).mapPartitions(partial(analyse_partition, model=options.model))
    if missing:
        rows = rows.union(sc.parallelize([(None, failure_to_dict(f), None) for f in missing], 1))
    return spark.createDataFrame(rows, result_schema())


def _write_blocks(results: DataFrame, options: ExtractOptions) -> int:
    from claimtrail.spark.blocking import write_candidate_pairs

    records = results.where("record IS NOT NULL")
    claims = records.selectExpr("record.id AS article_id", "explode(record.claims) AS c")
    claims = claims.selectExpr("article_id", "c.id AS claim_id", "c.normalized AS normalized")
    path = _join(options.output, CLAIM_BLOCKS)
    return write_candidate_pairs(claims, path, min_jaccard=options.min_jaccard)


def _write_vectors(results: DataFrame, options: ExtractOptions) -> None:
    from pyspark.sql.types import BinaryType, StringType, StructField, StructType

    from claimtrail.spark._tasks import embed_partition

    claims = results.where("record IS NOT NULL").selectExpr(
        "record.id AS article_id", "explode(record.claims) AS c"
    )
    claims = claims.selectExpr("article_id", "c.id AS claim_id", "c.normalized AS normalized")
    schema = StructType(
        [
            StructField("article_id", StringType(), False),
            StructField("claim_local_id", StringType(), False),
            StructField("model", StringType(), False),
            StructField("vector", BinaryType(), False),
        ]
    )
    vectors = claims.rdd.mapPartitions(embed_partition)
    spark = results.sparkSession
    spark.createDataFrame(vectors, schema).write.mode("overwrite").parquet(
        _join(options.output, CLAIM_VECTORS)
    )


def _summary(results: DataFrame, claim_pairs: int | None, elapsed: float) -> ExtractSummary:
    """Counts from one aggregation over the cached results: (failure code or None, day) -> rows."""
    groups = results.groupBy("failure.code", "date").count().collect()
    failure_codes: dict[str, int] = {}
    for code, _, count in (g for g in groups if g[0] is not None):
        failure_codes[str(code)] = failure_codes.get(str(code), 0) + int(count)
    records = [g for g in groups if g[0] is None]
    return ExtractSummary(
        articles=sum(int(g[2]) for g in records),
        failures=sum(failure_codes.values()),
        failure_codes=failure_codes,
        days=len({g[1] for g in records}),
        claim_pairs=claim_pairs,
        elapsed_s=elapsed,
    )


# --- paths through Hadoop's file systems (whatever Spark can read) -------------------------------------


def _hadoop_path(spark: SparkSession, path: str) -> tuple[Any, Any]:
    """(Hadoop Path, its FileSystem) for any URI or local path Spark understands."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop_path, hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())


def _resolve(spark: SparkSession, inputs: Sequence[str]) -> tuple[list[str], list[Failure]]:
    """Qualified input paths that exist (files, folders, glob matches) and a CT-E001 failure per other."""
    found: list[str] = []
    missing: list[Failure] = []
    for given in inputs:
        hadoop_path, fs = _hadoop_path(spark, given)
        matches = fs.globStatus(hadoop_path)
        if not matches:
            missing.append(
                Failure(
                    source=given,
                    code=InputNotFound.code,
                    message=f"not found: {given}",
                    hint=InputNotFound.hint,
                )
            )
            continue
        found.extend(str(status.getPath().toString()) for status in matches)
    return found, missing


def _check_output(spark: SparkSession, options: ExtractOptions) -> None:
    hadoop_path, fs = _hadoop_path(spark, options.output)
    if fs.exists(hadoop_path) and not options.overwrite:
        raise SparkJobError(
            f"the output folder {options.output} exists",
            hint="choose a new --output, or pass --overwrite to replace what an earlier run wrote there",
        )


def _delete(spark: SparkSession, path: str) -> None:
    hadoop_path, fs = _hadoop_path(spark, path)
    fs.delete(hadoop_path, True)


def _join(folder: str, name: str) -> str:
    return f"{folder.rstrip('/')}/{name}"


def main(argv: Sequence[str] | None = None) -> None:
    """Entry of `spark-submit .../claimtrail/spark/job.py extract ...` and `python -m claimtrail.spark`."""
    from claimtrail.cli.spark import spark_cli

    spark_cli.main(args=list(argv) if argv is not None else None, prog_name="claimtrail.spark")


if __name__ == "__main__":
    main()
