from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrail.cli import main
from claimtrail.evaluate.stance import FNC_LABELS, evaluate_stance, fnc_score, score_labels


def test_fnc_score_hand_made() -> None:
    gold = ["unrelated", "agree", "disagree", "discuss"]
    assert fnc_score(gold, gold) == 1.0
    # max = 0.25 + 3 * 1.0; unrelated right (0.25) + agree->discuss (0.25) + two right (2.0)
    assert fnc_score(gold, ["unrelated", "discuss", "disagree", "discuss"]) == pytest.approx(2.5 / 3.25)
    assert fnc_score(gold, ["unrelated"] * 4) == pytest.approx(0.25 / 3.25)


def test_score_labels_hand_made() -> None:
    metrics = score_labels(["a", "a", "b"], ["a", "b", "b"], ["a", "b"])
    assert metrics["accuracy"] == pytest.approx(2 / 3)
    assert metrics["f1_a"] == pytest.approx(2 / 3)
    assert metrics["macro_f1"] == pytest.approx(2 / 3)


def test_reference_predictions_reproduce_published(shared_dir: Path) -> None:
    import csv

    path = shared_dir / "data/stance/fnc-1/reference_predictions/fnc_summary_top3.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    gold = [r["Stance"] for r in rows]
    talos = [r["Talos"] for r in rows]
    assert fnc_score(gold, talos) == pytest.approx(0.8201, abs=5e-4)
    assert score_labels(gold, talos, FNC_LABELS)["macro_f1"] == pytest.approx(0.576, abs=1e-3)


# Fast gate on the first pairs of each test set; floors sit below the full-run figures in the README.
@pytest.mark.parametrize(
    ("dataset", "metric", "floor"),
    [("emergent", "accuracy", 0.65), ("fnc-1", "fnc_score", 0.70)],
)
def test_gate_limited_subset(shared_dir: Path, dataset: str, metric: str, floor: float) -> None:
    result = evaluate_stance(shared_dir / "data/stance" / dataset, limit=300)
    assert result.n == 300
    assert result.metrics[metric] >= floor


def test_eval_cli_stance(shared_dir: Path) -> None:
    out = CliRunner().invoke(
        main, ["eval", "stance", str(shared_dir / "data/stance/emergent"), "--limit", "50", "--json"]
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["n"] == 50


def test_stance_cli(tmp_path: Path) -> None:
    article = tmp_path / "a.jsonl"
    article.write_text(
        json.dumps(
            {
                "headline": "Police deny Banksy was arrested",
                "text": "Police said reports that Banksy was arrested were a hoax. Banksy was not arrested.",
            }
        )
        + "\n"
    )
    out = CliRunner().invoke(main, ["stance", "--claim", "Banksy was arrested", str(article)])
    assert out.exit_code == 0, out.output
    line = json.loads(out.output.splitlines()[0])
    assert line["stance"] == "denies"
    assert set(line) == {"source", "stance", "scores"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("dataset", "metric", "floor"),
    [("emergent", "accuracy", 0.70), ("fnc-1", "fnc_score", 0.75), ("arc", "fnc_score", 0.40)],
)
def test_full_test_sets(shared_dir: Path, dataset: str, metric: str, floor: float) -> None:
    result = evaluate_stance(shared_dir / "data/stance" / dataset)
    assert result.metrics[metric] >= floor
