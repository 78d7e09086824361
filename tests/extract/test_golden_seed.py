"""The reference article end to end: everything in the shared gold file, and a full-record golden file."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

from casecheck import check_case
from claimtrail.ingest.readers import iter_raw_articles
from claimtrail.models import ArticleRecord
from claimtrail.pipeline import process_many
from claimtrail.serialize import record_to_dict

pytestmark = pytest.mark.model

SEED = "corpus/seed/000_4132258e9ace6acd.txt"
GOLD = "gold/000_4132258e9ace6acd.expected.json"
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "expected" / "seed.json"


def _seed_record(shared_dir: Path) -> dict[str, Any]:
    (record,) = process_many(iter_raw_articles([str(shared_dir / SEED)]))
    assert isinstance(record, ArticleRecord)
    found = record_to_dict(record)
    found.pop("pipeline")  # carries versions; the rest must not drift silently
    found["source"]["path"] = SEED
    return found


def test_seed_matches_the_shared_gold(shared_dir: Path) -> None:
    gold = json.loads((shared_dir / GOLD).read_text())
    assert check_case(gold, _seed_record(shared_dir)) == []


def test_seed_matches_the_golden_record(shared_dir: Path, request: pytest.FixtureRequest) -> None:
    found = json.dumps(_seed_record(shared_dir), indent=1, ensure_ascii=False, sort_keys=True)
    if request.config.getoption("--update-golden") or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(found + "\n")
    expected = GOLDEN.read_text().rstrip("\n")
    diff = "\n".join(
        difflib.unified_diff(expected.splitlines(), found.splitlines(), "golden", "now", lineterm="")
    )
    assert not diff, f"seed record changed (rerun with --update-golden if intended):\n{diff[:6000]}"
