"""One entry point for `claimtrail eval`: runs a task's scorer and returns metrics with intervals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimtrail.nlp.load import load_nlp


@dataclass(frozen=True, slots=True)
class EvalResult:
    n: int
    metrics: dict[str, float]
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)
    errors: tuple[dict[str, Any], ...] = ()


def _timex(dataset_dir: Path, limit: int | None) -> EvalResult:
    from claimtrail.evaluate.timex import evaluate_timex, value_f1_ci

    evaluation = evaluate_timex(dataset_dir, load_nlp(), limit=limit)
    return EvalResult(
        n=evaluation.n,
        metrics=evaluation.metrics,
        intervals={"value_f1": value_f1_ci(evaluation)},
        errors=evaluation.errors,
    )


def _quotes(dataset_dir: Path, limit: int | None) -> EvalResult:
    from claimtrail.evaluate.quote_run import evaluate_quote_set

    return evaluate_quote_set(dataset_dir, limit=limit)


def _html(dataset_dir: Path, limit: int | None) -> EvalResult:
    from claimtrail.evaluate.html import evaluate_html

    return evaluate_html(dataset_dir, limit=limit)


def _claims(dataset_dir: Path, limit: int | None) -> EvalResult:
    from claimtrail.evaluate.claims import evaluate_claims

    return evaluate_claims(dataset_dir, limit=limit)


def _stance(dataset_dir: Path, limit: int | None, split: str) -> EvalResult:
    from claimtrail.evaluate.stance import evaluate_stance

    return evaluate_stance(dataset_dir, split=split, limit=limit)


def _trails(dataset_dir: Path, limit: int | None, split: str) -> EvalResult:
    from claimtrail.evaluate.corpus_trails import ANNOTATION, evaluate_corpus_trails
    from claimtrail.evaluate.trails import evaluate_trails

    if (dataset_dir / ANNOTATION).exists():  # an annotated corpus such as samples/corpus
        return evaluate_corpus_trails(dataset_dir)
    return evaluate_trails(dataset_dir, split=split, limit=limit)


def run_evaluation(
    task: str, dataset_dir: Path, *, split: str = "test", limit: int | None = None
) -> EvalResult:
    """`split` is accepted for every task; the timex and quote sets have a single (test) split."""
    if task == "stance":
        return _stance(dataset_dir, limit, split)
    if task == "trails":
        return _trails(dataset_dir, limit, split)
    runners = {"timex": _timex, "quotes": _quotes, "html": _html, "claims": _claims}
    return runners[task](dataset_dir, limit)
