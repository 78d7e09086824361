"""The trail scorer's metrics on hand-checked groupings, and the linker on a slice of Emergent."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.evaluate.trails import adjusted_rand_index, bcubed, evaluate_trails


def test_bcubed_perfect_and_lumped() -> None:
    assert bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed(["a", "a", "a"], ["x", "x", "y"])
    assert precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert recall == 1.0


def test_adjusted_rand_index() -> None:
    assert adjusted_rand_index(["a", "a", "b", "b"], ["x", "x", "y", "y"]) == 1.0
    assert adjusted_rand_index(["p", "q", "p", "q"], ["x", "x", "y", "y"]) < 0.0  # worse than chance
    # value checked against scikit-learn's adjusted_rand_score
    assert adjusted_rand_index(list("aabbcc"), list("aabbbc")) == pytest.approx(4 / 9)


@pytest.mark.embedding
def test_emergent_test_slice_is_grouped_well(shared_dir: Path) -> None:
    result = evaluate_trails(shared_dir / "data" / "stance" / "emergent", split="test", limit=150)
    assert result.n == 150
    assert result.metrics["bcubed_f1"] > 0.85
