"""Claim blocking: shingles and signatures (pure), and candidate pairs on Spark (hand-made claims)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from claimtrail.spark.blocking import (
    BANDS,
    BLOCK_COLUMNS,
    ROWS,
    claim_shingles,
    claim_signature,
    estimated_jaccard,
    write_candidate_pairs,
)

NEAR_A = "About 400 Russian private military contractors arrived in Venezuela to protect Nicolas Maduro"
NEAR_B = "About 400 Russian private military contractors have arrived in Venezuela to protect Nicolas Maduro"
OTHER = "The city council voted to close the old bridge after engineers found cracks"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maduro denied it", {b"maduro denied", b"denied it"}),
        ("Denied.", {b"denied"}),
        ("", set()),
        ("  ...  ", set()),
    ],
)
def test_claim_shingles(text: str, expected: set[bytes]) -> None:
    assert claim_shingles(text) == expected


def test_signatures_are_deterministic_and_estimate_jaccard() -> None:
    a, b, other = claim_signature(NEAR_A), claim_signature(NEAR_B), claim_signature(OTHER)
    assert a is not None
    assert b is not None
    assert other is not None
    assert len(a) == BANDS * ROWS
    assert a == claim_signature(NEAR_A.upper())
    assert claim_signature("?!") is None
    true = len(claim_shingles(NEAR_A) & claim_shingles(NEAR_B)) / len(
        claim_shingles(NEAR_A) | claim_shingles(NEAR_B)
    )
    assert abs(estimated_jaccard(a, b) - true) < 0.2
    assert estimated_jaccard(a, other) < 0.1


def _pairs(spark: Any, rows: list[tuple[str, str, str]], path: Path, **options: Any) -> list[tuple[Any, ...]]:
    claims = spark.createDataFrame(rows, "article_id string, claim_id string, normalized string")
    count = write_candidate_pairs(claims, str(path), **options)
    table = pq.read_table(path)
    assert tuple(table.column_names) == BLOCK_COLUMNS
    found = sorted(tuple(r.values()) for r in table.to_pylist())
    assert len(found) == count
    return found


@pytest.mark.spark
def test_near_duplicate_claims_of_different_articles_pair_up(spark: Any, tmp_path: Path) -> None:
    rows = [
        ("ct-a", "c1", NEAR_A),
        ("ct-a", "c2", NEAR_B),  # same article: not a pair
        ("ct-b", "c1", NEAR_B),
        ("ct-c", "c1", OTHER),
        ("ct-d", "c1", ""),  # no words: left out
    ]
    found = _pairs(spark, rows, tmp_path / "blocks")
    assert [(p[0], p[1], p[2], p[3]) for p in found] == [
        ("ct-a", "c1", "ct-b", "c1"),
        ("ct-a", "c2", "ct-b", "c1"),
    ]
    signature_a, signature_b = claim_signature(NEAR_A), claim_signature(NEAR_B)
    assert signature_a is not None
    assert signature_b is not None
    assert found[0][4] == pytest.approx(estimated_jaccard(signature_a, signature_b))
    assert found[1][4] == 1.0


@pytest.mark.spark
def test_a_hot_bucket_is_chained_to_its_first_claim(spark: Any, tmp_path: Path) -> None:
    rows = [(f"ct-{n}", "c1", NEAR_A) for n in range(5)]
    found = _pairs(spark, rows, tmp_path / "blocks", max_bucket=3)
    assert [(p[0], p[2]) for p in found] == [("ct-0", f"ct-{n}") for n in range(1, 5)]
    everything = _pairs(spark, rows, tmp_path / "all")
    assert len(everything) == 10
