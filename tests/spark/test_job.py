"""`claimtrail spark extract` in local mode: the same records as `claimtrail extract`, failures as rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from claimtrail.cli import main
from claimtrail.ingest.sources import iter_source_articles
from claimtrail.models import ArticleRecord
from claimtrail.pipeline import process_many
from claimtrail.serialize import record_to_dict
from claimtrail.serialize_arrow import table_to_failures, table_to_records
from claimtrail.spark.blocking import BLOCK_COLUMNS
from claimtrail.store import open_store

pytestmark = [
    pytest.mark.spark,
    pytest.mark.model,
    pytest.mark.embedding,
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


def _json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _parquet_records(output: Path) -> dict[str, dict[str, Any]]:
    table = ds.dataset(output / "articles", format="parquet", partitioning="hive").to_table()
    return {r["source"]["path"]: r for r in table_to_records(table)}


def test_records_equal_what_extract_gives(extracted: dict[str, Any], corpus: dict[str, Path]) -> None:
    found = _parquet_records(extracted["output"])
    cli = CliRunner().invoke(main, ["extract", str(corpus["jsonl"])])
    assert cli.exit_code == 1  # the bad line
    expected = {r["source"]["path"]: r for r in _json_lines(cli.stdout)}
    warc_results = process_many(iter_source_articles([str(corpus["warc"])]))
    expected |= {r.source: record_to_dict(r) for r in warc_results if isinstance(r, ArticleRecord)}
    assert len(expected) == 5
    assert sorted(found) == sorted(expected)
    for source, record in expected.items():
        assert found[source] == record, source


def test_articles_are_partitioned_by_published_day(extracted: dict[str, Any]) -> None:
    folders = sorted(p.name for p in (extracted["output"] / "articles").glob("date=*"))
    days = {
        r["published"][:10] if r["published"] else "unknown"
        for r in _parquet_records(extracted["output"]).values()
    }
    assert folders == sorted(f"date={day}" for day in days)
    for folder in (extracted["output"] / "articles").glob("date=*"):
        day = folder.name.removeprefix("date=")
        table = pq.read_table(folder)
        assert {r["published"][:10] for r in table_to_records(table)} == {day}


def test_bad_inputs_are_failure_rows_and_the_job_succeeds(
    extracted: dict[str, Any], corpus: dict[str, Path]
) -> None:
    failures = table_to_failures(ds.dataset(extracted["output"] / "failures", format="parquet").to_table())
    by_code = {f["code"]: f for f in failures}
    assert sorted(by_code) == ["CT-E001", "CT-E004", "CT-E041"]
    assert by_code["CT-E041"]["source"].startswith(f"{corpus['warc']}@")
    bad_line = len(corpus["jsonl"].read_text().splitlines())
    assert by_code["CT-E004"]["source"] == f"{corpus['jsonl']}:{bad_line}"
    assert by_code["CT-E001"]["source"] == str(corpus["missing"])
    assert all(f["schema"] == "claimtrail.failure/1" for f in failures)
    summary = extracted["summary"]
    assert (summary.articles, summary.failures) == (5, 3)


def test_claim_blocks_are_written(extracted: dict[str, Any]) -> None:
    table = pq.read_table(extracted["output"] / "claim_blocks")
    assert tuple(table.column_names) == BLOCK_COLUMNS
    for row in table.to_pylist():
        assert (row["article_id_a"], row["claim_id_a"]) < (row["article_id_b"], row["claim_id_b"])
        assert row["article_id_a"] != row["article_id_b"]


def test_cli_exit_codes(spark: Any, corpus: dict[str, Path], tmp_path: Path) -> None:
    """1 when some inputs failed; 3 with CT-E053 when the output folder exists without --overwrite."""
    output = tmp_path / "out"
    args = ["spark", "extract", str(corpus["missing"]), "--output", str(output), "--partitions", "1"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 1, first.output
    assert "0 articles" in first.stderr
    assert "CT-E001 x1" in first.stderr
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 3
    assert "CT-E053" in again.stderr
    (output / "claim_blocks").mkdir()
    (output / "claim_blocks" / "part-0.parquet").write_bytes(b"from an earlier run with --blocking")
    assert CliRunner().invoke(main, [*args, "--overwrite"]).exit_code == 1
    assert not (output / "claim_blocks").exists()
    assert not spark.sparkContext._jsc.sc().isStopped()  # the CLI leaves a session it did not start alone


def test_load_twice_gives_the_same_store(extracted: dict[str, Any], tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    first = CliRunner().invoke(main, ["load", str(extracted["output"]), "--db", db])
    assert first.exit_code == 1, first.output  # the job's failures are in the folder
    assert "5 new articles" in first.stderr
    counts = _counts(db)
    second = CliRunner().invoke(main, ["load", str(extracted["output"]), "--db", db])
    assert second.exit_code == 1
    assert "0 new articles" in second.stderr
    assert _counts(db) == counts
    assert (counts["articles"], counts["failures"]) == (5, 3)


def _counts(db: str) -> dict[str, int]:
    store = open_store(db)
    try:
        return store.counts()
    finally:
        store.close()


class _NoEmbedding:
    def embed(self, texts: list[str]) -> Any:
        raise AssertionError(f"the linker embedded {len(texts)} statements the job had embedded already")


def test_embeddings_from_the_job_let_the_linker_skip_embedding(
    extracted: dict[str, Any], tmp_path: Path
) -> None:
    from claimtrail.load import load_dataset
    from claimtrail.trails.build import build_trails

    vectors = pq.read_table(extracted["output"] / "claim_vectors")
    assert vectors.num_rows > 0
    assert set(vectors.column_names) == {"article_id", "claim_local_id", "model", "vector"}
    store = open_store(tmp_path / "store.db")
    try:
        progress = load_dataset(extracted["output"], store)
        assert progress.vectors == vectors.num_rows
        report = build_trails(store, embedder=_NoEmbedding())
        claims = int(store.execute_sql("SELECT count(*) FROM claims")[0][0])
    finally:
        store.close()
    assert report.claims_linked == claims > 0


def test_blocks_from_the_job_restrict_the_linker(extracted: dict[str, Any], tmp_path: Path) -> None:
    from claimtrail.load import load_dataset
    from claimtrail.trails.build import build_trails

    pairs = pq.read_table(extracted["output"] / "claim_blocks").num_rows
    store = open_store(tmp_path / "store.db")
    try:
        progress = load_dataset(extracted["output"], store)
        assert progress.blocks == pairs
        assert load_dataset(extracted["output"], store).blocks == pairs  # a rerun inserts nothing new
        stored = int(store.execute_sql("SELECT count(*) FROM claim_blocks")[0][0])
        covered = int(store.execute_sql("SELECT count(*) FROM blocked_articles")[0][0])
        articles = int(store.execute_sql("SELECT count(*) FROM articles")[0][0])
        report = build_trails(store)
        joined = store.execute_sql(
            "SELECT article_id, claim_local_id FROM trail_claims"
            " WHERE matched_article_id IS NOT NULL AND matched_article_id <> article_id"
        )
        rows = store.execute_sql(
            "SELECT article_id_a, claim_id_a, article_id_b, claim_id_b FROM claim_blocks"
        )
        paired = {(r[0], r[1]) for r in rows} | {(r[2], r[3]) for r in rows}
    finally:
        store.close()
    assert stored == pairs
    assert covered == articles
    assert report.claims_linked > 0
    # across articles, a claim joins a trail only through a blocked partner's trail
    for article_id, claim_id in joined:
        assert (article_id, claim_id) in paired
