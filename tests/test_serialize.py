"""`record_from_dict` is the exact inverse of `record_to_dict`: golden, hand-built and pipeline records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimtrail.models import Failure
from claimtrail.serialize import (
    _RECORD_KEY_ORDER,
    failure_from_dict,
    failure_to_dict,
    record_from_dict,
    record_to_dict,
    record_to_json,
)
from test_schema import _full_record, _minimal_record

GOLDEN = Path(__file__).resolve().parent / "golden" / "expected"


def golden_records() -> list[dict[str, Any]]:
    """The golden record files; they leave out `pipeline` (it carries versions), so one is put back."""
    return [
        {**json.loads(path.read_text(encoding="utf-8")), "pipeline": "claimtrail 0.1.0; golden"}
        for path in sorted(GOLDEN.glob("*.json"))
    ]


@pytest.mark.parametrize("record", [_minimal_record(), _full_record()], ids=["minimal", "full"])
def test_hand_built_records_round_trip(record: Any) -> None:
    assert record_from_dict(record_to_dict(record)) == record
    assert record_from_dict(json.loads(record_to_json(record))) == record


def test_golden_records_round_trip() -> None:
    records = golden_records()
    assert records
    for data in records:
        again = record_to_dict(record_from_dict(data))
        assert again == data
        assert list(again) == list(_RECORD_KEY_ORDER)


def test_failure_round_trips() -> None:
    failure = Failure(source="a.jsonl:3", code="CT-E004", message="not JSON", hint="fix the line")
    assert failure_from_dict(failure_to_dict(failure)) == failure


@pytest.mark.model
def test_case_records_round_trip(case_records: list[dict[str, Any]]) -> None:
    assert case_records
    for data in case_records:
        assert record_to_dict(record_from_dict(data)) == data
