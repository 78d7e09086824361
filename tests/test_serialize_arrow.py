"""The Arrow schema is the JSON Schema's twin, and dict -> Arrow -> dict gives the same dicts back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimtrail.serialize import failure_to_dict, record_to_dict
from claimtrail.serialize_arrow import (
    ARTICLE_ARROW_SCHEMA,
    FAILURE_ARROW_SCHEMA,
    failures_to_table,
    records_to_table,
    table_to_failures,
    table_to_records,
)
from test_schema import _full_record, _minimal_record
from test_serialize import golden_records

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "docs" / "schema"


def _arrow_type(node: dict[str, Any], defs: dict[str, Any]) -> tuple[pa.DataType, bool]:
    """The Arrow type a JSON Schema node describes, and whether it allows null."""
    if "$ref" in node:
        return _arrow_type(defs[node["$ref"].rsplit("/", 1)[1]], defs)
    if "anyOf" in node and "properties" not in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        (kind, _) = _arrow_type(options[0], defs)
        return kind, len(options) < len(node["anyOf"])
    if "const" in node:
        return pa.string(), False
    if "enum" in node:
        return pa.string(), None in node["enum"]
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    main = next(t for t in types if t != "null")
    nullable = "null" in types
    if main == "string":
        return pa.string(), nullable
    if main == "integer":
        return pa.int64(), nullable
    if main == "array":
        items = node["items"]
        element = (pa.list_(pa.field("element", pa.string(), nullable=False)), False)
        if "prefixItems" not in items:  # provenance pairs are the one tuple-typed array
            element = _arrow_type(items, defs)
        return pa.list_(pa.field("element", element[0], nullable=False)), nullable
    fields = [pa.field(k, *_arrow_type(v, defs)) for k, v in node["properties"].items()]
    return pa.struct(fields), nullable


def _schema_from_json(name: str) -> pa.Schema:
    document = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    struct, _ = _arrow_type(document, document.get("$defs", {}))
    return pa.schema(list(struct))


@pytest.mark.parametrize(
    ("name", "schema"),
    [("article-1.json", ARTICLE_ARROW_SCHEMA), ("failure-1.json", FAILURE_ARROW_SCHEMA)],
)
def test_arrow_schema_is_the_json_schema(name: str, schema: pa.Schema) -> None:
    derived = _schema_from_json(name)
    assert derived.names == schema.names
    for field in derived:
        assert schema.field(field.name).equals(field), field.name


def _round_trip(records: list[dict[str, Any]], tmp_path: Path) -> None:
    table = records_to_table(records)
    assert table_to_records(table) == records
    pq.write_table(table, tmp_path / "records.parquet")
    assert table_to_records(pq.read_table(tmp_path / "records.parquet")) == records


def test_hand_built_records_round_trip(tmp_path: Path) -> None:
    _round_trip([record_to_dict(_minimal_record()), record_to_dict(_full_record())], tmp_path)


def test_golden_records_round_trip(tmp_path: Path) -> None:
    _round_trip(golden_records(), tmp_path)


@pytest.mark.model
def test_case_records_round_trip(case_records: list[dict[str, Any]], tmp_path: Path) -> None:
    _round_trip(case_records, tmp_path)


def test_failures_round_trip() -> None:
    from claimtrail.models import Failure

    failures = [failure_to_dict(Failure(source="a.txt", code="CT-E002", message="empty", hint="remove it"))]
    assert table_to_failures(failures_to_table(failures)) == failures


def test_readers_ignore_extra_columns_and_writer_differences() -> None:
    """Spark adds its partition column and writes every field nullable, with its own list names."""
    records = [record_to_dict(_full_record())]
    table = records_to_table(records)
    loose = pa.schema([pa.field(f.name, f.type, nullable=True) for f in table.schema])
    spark_like = table.cast(loose).append_column("date", pa.array(["2019-01-28"]))
    assert table_to_records(spark_like) == records


@pytest.mark.parametrize(
    ("pointer", "value"),
    [("text", None), ("source/format", None), ("claims/0/stances/1/evidence/start", None)],
)
def test_a_null_where_the_schema_forbids_one_does_not_fit(pointer: str, value: Any) -> None:
    from test_schema import _with

    good = record_to_dict(_full_record())
    records_to_table([good])
    with pytest.raises(ValueError, match="non-nullable"):
        records_to_table([_with(good, pointer, value)])


def test_nulls_the_schema_allows_fit() -> None:
    record = record_to_dict(_minimal_record())  # dateline, headline, published, url: all null
    assert table_to_records(records_to_table([record])) == [record]
