"""One local Spark session for the whole test run (the JVM starts once), and one extraction job's output."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from warcgen import case_texts, write_case_warc

CASES = Path(__file__).resolve().parents[1] / "cases" / "articles"
TEST_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
}


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from claimtrail.spark import spark_session

    session = spark_session("local[2]", TEST_CONF)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A WARC.gz of three case articles plus one broken record, and a JSONL of case lines plus a bad line."""
    folder = tmp_path_factory.mktemp("corpus")
    warc = folder / "crawl.warc.gz"
    write_case_warc(warc, case_texts(3))
    lines = [line for p in sorted(CASES.glob("*.jsonl"))[:2] for line in p.read_text().splitlines() if line]
    jsonl = folder / "wire.jsonl"
    jsonl.write_text("\n".join([*lines, '{"headline": "no text here"}']) + "\n", encoding="utf-8")
    return {"warc": warc, "jsonl": jsonl, "missing": folder / "missing.txt"}


@pytest.fixture(scope="session")
def extracted(
    spark: Any, corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """`run_extract` over the corpus (with --blocking and --embed): the output folder and the summary."""
    from claimtrail.spark import ExtractOptions, run_extract

    output = tmp_path_factory.mktemp("spark") / "out"
    inputs = [str(corpus["warc"]), str(corpus["jsonl"]), str(corpus["missing"])]
    options = ExtractOptions(output=str(output), blocking=True, embed=True, partitions=2)
    summary = run_extract(spark, inputs, options)
    return {"output": output, "summary": summary}
