"""Records as Arrow tables: the one Parquet shape of `claimtrail.article/1` and `claimtrail.failure/1`.

`ARTICLE_ARROW_SCHEMA` mirrors docs/schema/article-1.json field for field, in the same order, with nested
structs and lists (tests/test_serialize_arrow.py derives the Arrow types from the JSON Schema and compares).
A row is exactly a `record_to_dict` dict: `records_to_table` then `table_to_records` gives the dicts back
unchanged. Decisions:

- offsets are int64 (Spark's LongType), so files written by Spark and by pyarrow have the same types;
- a field is non-nullable where the JSON Schema forbids null, so a writer that breaks the record shape
  fails when the table is built instead of when the file is read;
- `provenance` stays a list of [key, value] string lists, as in JSON (keys may repeat, so not a map);
- readers select the schema's columns by name and cast to the schema, so extra columns (Spark's `date`
  partition column) and writer differences (list element names, nullability flags) do not leak through.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

__all__ = [
    "ARTICLE_ARROW_SCHEMA",
    "FAILURE_ARROW_SCHEMA",
    "failures_to_table",
    "records_to_table",
    "table_to_failures",
    "table_to_records",
]


def _field(name: str, kind: pa.DataType, *, null: bool = False) -> pa.Field:
    return pa.field(name, kind, nullable=null)


def _list(kind: pa.DataType) -> pa.DataType:
    return pa.list_(pa.field("element", kind, nullable=False))


_STR, _INT = pa.string(), pa.int64()

_SPAN = pa.struct([_field("start", _INT), _field("end", _INT), _field("text", _STR)])
_ACTOR_REF = pa.struct([_field("actor", _STR), _field("name", _STR)])
_REMOVAL = pa.struct(
    [_field("reason", _STR), _field("text", _STR), _field("raw_start", _INT), _field("raw_end", _INT)]
)
_SOURCE_SPAN = pa.struct([_field("start", _INT), _field("end", _INT), _field("raw_start", _INT)])
_DATELINE = pa.struct(
    [
        _field("place", _STR, null=True),
        _field("outlets", _list(_STR)),
        _field("date", _STR, null=True),
        _field("start", _INT),
        _field("end", _INT),
    ]
)
_ACTOR = pa.struct(
    [
        _field("id", _STR),
        _field("name", _STR),
        _field("kind", _STR),
        _field("titles", _list(_STR)),
        _field("affiliation", _STR, null=True),
        _field("mentions", _list(_SPAN)),
    ]
)
_QUOTE = pa.struct(
    [
        _field("id", _STR),
        _field("kind", _STR),
        _field("text", _STR),
        _field("start", _INT),
        _field("end", _INT),
        _field("speaker", _ACTOR_REF, null=True),
        _field("cue", _STR, null=True),
        _field("addressee", _ACTOR_REF, null=True),
        _field("date", _STR, null=True),
        _field("source_description", _STR, null=True),
        _field("audience", _STR, null=True),
    ]
)
_STANCE = pa.struct(
    [
        _field("actor", _ACTOR_REF, null=True),
        _field("source_description", _STR, null=True),
        _field("stance", _STR),
        _field("cue", _STR),
        _field("evidence", _SPAN),
        _field("date", _STR, null=True),
    ]
)
_CLAIM = pa.struct(
    [
        _field("id", _STR),
        _field("text", _STR),
        _field("start", _INT),
        _field("end", _INT),
        _field("normalized", _STR),
        _field("stances", _list(_STANCE)),
    ]
)
_TIMEX = pa.struct(
    [
        _field("text", _STR),
        _field("start", _INT),
        _field("end", _INT),
        _field("type", _STR),
        _field("value", _STR),
        _field("anchor", _STR, null=True),
    ]
)
_SOURCE = pa.struct([_field("path", _STR), _field("url", _STR, null=True), _field("format", _STR)])

ARTICLE_ARROW_SCHEMA = pa.schema(
    [
        _field("schema", _STR),
        _field("id", _STR),
        _field("source", _SOURCE),
        _field("language", _STR),
        _field("headline", _STR, null=True),
        _field("published", _STR, null=True),
        _field("published_from", _STR, null=True),
        _field("dateline", _DATELINE, null=True),
        _field("text", _STR),
        _field("removed", _list(_REMOVAL)),
        _field("source_spans", _list(_SOURCE_SPAN)),
        _field("actors", _list(_ACTOR)),
        _field("quotes", _list(_QUOTE)),
        _field("claims", _list(_CLAIM)),
        _field("timexes", _list(_TIMEX)),
        _field("warnings", _list(_STR)),
        _field("pipeline", _STR),
        _field("provenance", _list(_list(_STR))),
    ],
    metadata={"claimtrail.schema": "claimtrail.article/1"},
)

FAILURE_ARROW_SCHEMA = pa.schema(
    [_field(name, _STR) for name in ("schema", "source", "code", "message", "hint")],
    metadata={"claimtrail.schema": "claimtrail.failure/1"},
)


def records_to_table(records: Iterable[dict[str, Any]]) -> pa.Table:
    """`record_to_dict` dicts as one table of `ARTICLE_ARROW_SCHEMA`; ValueError if one does not fit."""
    return _checked(pa.Table.from_pylist(list(records), schema=ARTICLE_ARROW_SCHEMA))


def failures_to_table(failures: Iterable[dict[str, Any]]) -> pa.Table:
    """`failure_to_dict` dicts as one table of `FAILURE_ARROW_SCHEMA`."""
    return _checked(pa.Table.from_pylist(list(failures), schema=FAILURE_ARROW_SCHEMA))


def table_to_records(table: pa.Table | pa.RecordBatch) -> list[dict[str, Any]]:
    """The record dicts of a table (or batch) holding at least the schema's columns."""
    return _conformed(table, ARTICLE_ARROW_SCHEMA).to_pylist()  # type: ignore[no-any-return]


def table_to_failures(table: pa.Table | pa.RecordBatch) -> list[dict[str, Any]]:
    return _conformed(table, FAILURE_ARROW_SCHEMA).to_pylist()  # type: ignore[no-any-return]


def _checked(table: pa.Table) -> pa.Table:
    """Arrow does not enforce non-nullable fields itself: a null where the schema forbids one is an error."""
    for field in table.schema:
        for chunk in table.column(field.name).chunks:
            where = _forbidden_nulls(chunk, field, field.name)
            if where:
                raise ValueError(f"null value in non-nullable field {where}")
    return table


def _forbidden_nulls(array: pa.Array, field: pa.Field, path: str) -> str | None:
    """The path of the first null under `field` where the schema forbids it, else None."""
    if not field.nullable and array.null_count:
        return path
    present = array.drop_null() if array.null_count else array
    kind = field.type
    if pa.types.is_struct(kind):
        for index in range(kind.num_fields):
            child = kind.field(index)
            found = _forbidden_nulls(present.field(index), child, f"{path}.{child.name}")
            if found:
                return found
    elif pa.types.is_list(kind):
        return _forbidden_nulls(present.flatten(), kind.value_field, f"{path}[]")
    return None


def _conformed(table: pa.Table | pa.RecordBatch, schema: pa.Schema) -> pa.Table:
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    return table.select(schema.names).cast(schema)
