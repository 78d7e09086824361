"""`claimtrail load`: Parquet (as `claimtrail spark extract` writes it) into the store, idempotent, resumable.

Datasets are written here with pyarrow in the Spark layout (articles/date=.../, failures/), from the golden
and hand-built records, so these tests need neither Spark nor the model; tests/spark loads a real job's
output.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from claimtrail.cli import main
from claimtrail.errors import BadDataset
from claimtrail.load import load_dataset
from claimtrail.models import Failure
from claimtrail.serialize import failure_to_dict, record_to_dict
from claimtrail.serialize_arrow import failures_to_table, records_to_table
from claimtrail.store import open_store

from .conftest import WIRE_BODY, record


def _records() -> list[dict[str, Any]]:
    from test_serialize import golden_records

    made = [
        record(id=f"ct-{n:020x}", text=f"{WIRE_BODY} Update {n}.", url=f"https://e.com/{n}") for n in range(4)
    ]
    return [*golden_records(), *(record_to_dict(r) for r in made)]


def write_dataset(folder: Path, records: list[dict[str, Any]], failures: list[Failure]) -> Path:
    """The Spark layout: articles/date=DAY/part-N.parquet, failures/part-0.parquet."""
    by_day: dict[str, list[dict[str, Any]]] = {}
    for data in records:
        by_day.setdefault((data["published"] or "unknown")[:10], []).append(data)
    for day, rows in by_day.items():
        (folder / "articles" / f"date={day}").mkdir(parents=True)
        pq.write_table(records_to_table(rows), folder / "articles" / f"date={day}" / "part-0.parquet")
    (folder / "failures").mkdir(parents=True)
    pq.write_table(
        failures_to_table([failure_to_dict(f) for f in failures]), folder / "failures" / "part-0.parquet"
    )
    (folder / "articles" / "_SUCCESS").write_text("")
    return folder


FAILURE = Failure(
    source="crawl.warc.gz@1234", code="CT-E041", message="corrupt WARC record", hint="re-download"
)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "out", _records(), [FAILURE])


def test_load_twice_changes_nothing(dataset: Path, store_url: str) -> None:
    store = open_store(store_url)
    try:
        first = load_dataset(dataset, store, batch_size=3)
        counts = store.counts()
        second = load_dataset(dataset, store, batch_size=3)
        assert store.counts() == counts
    finally:
        store.close()
    assert (first.new_articles, first.failures) == (5, 1)
    assert counts["articles"] == 5
    assert counts["failures"] == 1
    assert (second.new_articles, second.failures, second.already_done) == (0, 0, 6)


def test_loaded_records_are_the_parquet_records(dataset: Path, store_url: str) -> None:
    import json

    store = open_store(store_url)
    try:
        load_dataset(dataset, store)
        stored = {row[0]: json.loads(row[1]) for row in store.execute_sql("SELECT id, record FROM articles")}
    finally:
        store.close()
    assert stored == {r["id"]: r for r in _records()}


def test_an_interrupted_load_goes_on_where_it_stopped(dataset: Path, tmp_path: Path) -> None:
    class Stop(Exception):
        pass

    def stop_after_two(progress: Any) -> None:
        if progress.new_articles >= 2:
            raise Stop

    store = open_store(tmp_path / "resumed.db")
    try:
        with pytest.raises(Stop):
            load_dataset(dataset, store, batch_size=1, on_batch=stop_after_two)
        assert store.counts()["articles"] == 2
        rest = load_dataset(dataset, store, batch_size=1)
        resumed = store.counts()
    finally:
        store.close()
    assert rest.already_done == 2
    whole = open_store(tmp_path / "whole.db")
    try:
        load_dataset(dataset, whole)
        assert resumed == whole.counts()
    finally:
        whole.close()


def test_a_row_repeated_in_the_dataset_is_written_once(tmp_path: Path) -> None:
    data = _records()[-1]
    folder = write_dataset(tmp_path / "out", [data, data], [FAILURE, FAILURE])
    store = open_store(tmp_path / "s.db")
    try:
        progress = load_dataset(folder, store)
    finally:
        store.close()
    assert (progress.new_articles, progress.failures, progress.read) == (1, 1, 4)


def test_cli_exit_codes(dataset: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    first = CliRunner().invoke(main, ["load", str(dataset), "--db", db])
    assert first.exit_code == 1, first.output  # the folder holds a failure
    assert "5 new articles" in first.stderr
    clean = write_dataset(tmp_path / "clean", _records()[:1], [])
    assert CliRunner().invoke(main, ["load", str(clean), "--db", db]).exit_code == 0
    (tmp_path / "empty").mkdir()
    empty = CliRunner().invoke(main, ["load", str(tmp_path / "empty"), "--db", db])
    assert empty.exit_code == 3
    assert "CT-E043" in empty.stderr


def test_parquet_of_another_shape_is_bad_dataset(tmp_path: Path) -> None:
    import pyarrow as pa

    (tmp_path / "out" / "articles").mkdir(parents=True)
    pq.write_table(pa.table({"id": ["x"]}), tmp_path / "out" / "articles" / "part-0.parquet")
    store = open_store(tmp_path / "s.db")
    try:
        with pytest.raises(BadDataset):
            load_dataset(tmp_path / "out", store)
    finally:
        store.close()


def test_a_changed_record_is_a_new_version(tmp_path: Path) -> None:
    """Same URL, new content: `load` links versions as `ingest` does (same write_batch)."""
    first = record(id="ct-aaaaaaaaaaaaaaaaaaaa", url="https://e.com/story")
    second = dataclasses.replace(first, id="ct-bbbbbbbbbbbbbbbbbbbb", text=first.text + " Corrected.")
    store = open_store(tmp_path / "s.db")
    try:
        load_dataset(write_dataset(tmp_path / "one", [record_to_dict(first)], []), store)
        load_dataset(write_dataset(tmp_path / "two", [record_to_dict(second)], []), store)
        rows = store.execute_sql("SELECT id, supersedes FROM articles ORDER BY id")
    finally:
        store.close()
    assert rows == [("ct-aaaaaaaaaaaaaaaaaaaa", None), ("ct-bbbbbbbbbbbbbbbbbbbb", "ct-aaaaaaaaaaaaaaaaaaaa")]
