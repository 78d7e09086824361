"""The evaluation gate: quality floors pinned in eval_baseline.json; CI fails when a figure drops below.

Floors are raised as results improve and never lowered silently: a lower floor needs a commit that says why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casecheck import score_cases
from claimtrail.ingest.readers import iter_raw_articles
from claimtrail.models import ArticleRecord
from claimtrail.pipeline import process_many
from claimtrail.serialize import record_to_dict

pytestmark = pytest.mark.model

HERE = Path(__file__).resolve().parent
BASELINE = json.loads((HERE / "eval_baseline.json").read_text())
CASES = HERE / "cases" / "articles"


def _case_pairs(*, held_out: bool = False) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(expected, record) for the development cases, or for the held-out ones (`"held_out": true`)."""
    pairs = []
    for expected_path in sorted(CASES.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text())
        if bool(expected.get("held_out")) != held_out:
            continue
        stem = expected_path.name.removesuffix(".expected.json")
        article = next(p for p in CASES.glob(f"{stem}.*") if p.suffix in (".txt", ".jsonl"))
        records = [r for r in process_many(iter_raw_articles([str(article)])) if isinstance(r, ArticleRecord)]
        assert len(records) == 1, f"{article.name} did not produce one record"
        pairs.append((expected, record_to_dict(records[0])))
    return pairs


@pytest.mark.parametrize(("section", "held_out"), [("cases", False), ("cases_held_out", True)])
def test_article_cases_meet_their_floors(section: str, held_out: bool) -> None:
    """Development cases and held-out cases (written before the code they check) have separate floors."""
    scores = score_cases(_case_pairs(held_out=held_out))
    floors = BASELINE[section]
    for name, floor in floors["min"].items():
        assert scores[name] >= floor, f"{name} {scores[name]:.3f} fell below its floor {floor}"
    for name, ceiling in floors["max"].items():
        assert scores[name] <= ceiling, f"{name} {scores[name]} rose above its ceiling {ceiling}"


@pytest.mark.parametrize(
    ("dataset", "floors"),
    [("quotes-wire", "quotes"), ("quotes-political", "quotes_political")],  # the second written blind
)
def test_quote_set_meets_its_floors(dataset: str, floors: str) -> None:
    from claimtrail.evaluate.quote_run import evaluate_quote_set

    result = evaluate_quote_set(HERE.parent / "data" / dataset)
    for name, floor in BASELINE[floors].items():
        assert result.metrics[name] >= floor, f"{name} {result.metrics[name]:.3f} < floor {floor}"


def test_tempeval_platinum_meets_its_floor(shared_dir: Path) -> None:
    from claimtrail.evaluate.timex import evaluate_timex
    from claimtrail.nlp.load import load_nlp

    result = evaluate_timex(shared_dir / "data/time/tempeval3-platinum", load_nlp())
    for name, floor in BASELINE["timex_tempeval3_platinum"].items():
        assert result.metrics[name] >= floor, f"{name} {result.metrics[name]:.3f} < floor {floor}"


@pytest.mark.embedding
def test_emergent_trail_linking_meets_its_floors(shared_dir: Path) -> None:
    from claimtrail.evaluate.trails import evaluate_trails

    result = evaluate_trails(shared_dir / "data" / "stance" / "emergent", split="test")
    for name, floor in BASELINE["trails_emergent_test"].items():
        assert result.metrics[name] >= floor, f"{name} {result.metrics[name]:.3f} < floor {floor}"


@pytest.mark.embedding
def test_sample_corpus_trails_meet_their_floors() -> None:
    from claimtrail.evaluate.corpus_trails import evaluate_corpus_trails

    result = evaluate_corpus_trails(HERE.parent / "samples" / "corpus")
    for name, floor in BASELINE["trails_sample_corpus"].items():
        assert result.metrics[name] >= floor, f"{name} {result.metrics[name]:.3f} < floor {floor}"


@pytest.mark.embedding
def test_emergent_stance_meets_its_floors(shared_dir: Path) -> None:
    from claimtrail.evaluate.stance import evaluate_stance

    result = evaluate_stance(shared_dir / "data" / "stance" / "emergent", split="test")
    for name, floor in BASELINE["stance_emergent_test"].items():
        assert result.metrics[name] >= floor, f"{name} {result.metrics[name]:.3f} < floor {floor}"
