"""Exports of a real store: JSONL records, one CSV per table, schema.org Claims (no rating invented)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrail.cli import main
from claimtrail.exports import CSV_TABLES, claimreview_graph, export_csv, export_jsonl
from claimtrail.store import open_store

pytestmark = [pytest.mark.model, pytest.mark.embedding]


def test_jsonl_holds_every_article_record(trail_store_path: Path) -> None:
    store = open_store(trail_store_path)
    try:
        out = io.StringIO()
        n = export_jsonl(store, out)
        articles = int(store.execute_sql("SELECT count(*) FROM articles")[0][0])
    finally:
        store.close()
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(records) == articles
    assert all(r["schema"] == "claimtrail.article/1" for r in records)


def test_csv_is_one_table_per_entity(trail_store_path: Path, tmp_path: Path) -> None:
    store = open_store(trail_store_path)
    try:
        counts = export_csv(store, tmp_path)
        trails = int(store.execute_sql("SELECT count(*) FROM trails")[0][0])
    finally:
        store.close()
    assert set(counts) == set(CSV_TABLES)
    with (tmp_path / "trails.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == counts["trails"] == trails
    assert {"id", "label", "first_seen"} <= set(rows[0])
    with (tmp_path / "articles.csv").open(encoding="utf-8") as handle:
        assert "record" not in next(csv.reader(handle))


def test_claimreview_claims_have_appearances_and_no_rating(trail_store_path: Path) -> None:
    store = open_store(trail_store_path)
    try:
        graph = claimreview_graph(store, min_articles=2)
    finally:
        store.close()
    assert graph["@context"] == "https://schema.org"
    claims = graph["@graph"]
    assert claims
    for claim in claims:
        assert claim["@type"] == "Claim"
        assert claim["firstAppearance"] == claim["appearance"][0]
        assert len(claim["appearance"]) >= 2
        assert "reviewRating" not in json.dumps(claim)
    contractors = next(c for c in claims if "400 Russian private military contractors" in c["text"])
    assert contractors["firstAppearance"]["publisher"]["name"] == "Reuters"
    assert contractors["firstAppearance"]["datePublished"] == "2019-01-25"


def test_export_cli(trail_store_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = ["--db", str(trail_store_path)]
    result = runner.invoke(main, ["export", "--format", "claimreview", *db, "--min-articles", "2"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["@graph"]
    assert runner.invoke(main, ["export", "--format", "csv", *db]).exit_code == 2  # needs --output
    assert (
        runner.invoke(main, ["export", "--format", "csv", *db, "--output", str(tmp_path / "t")]).exit_code
        == 0
    )
    assert (tmp_path / "t" / "stances.csv").exists()


def test_parquet_holds_the_same_records_as_jsonl(trail_store_path: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from claimtrail.exports import export_parquet
    from claimtrail.serialize_arrow import table_to_records

    store = open_store(trail_store_path)
    try:
        n = export_parquet(store, tmp_path / "records.parquet")
        out = io.StringIO()
        export_jsonl(store, out)
    finally:
        store.close()
    from_parquet = table_to_records(pq.read_table(tmp_path / "records.parquet"))
    from_jsonl = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(from_parquet) == len(from_jsonl) > 0
    assert from_parquet == from_jsonl
