"""Claim stance datasets (Emergent, FNC-1, ARC), their official scores, and `evaluate_stance`.

Readers turn each dataset into `StancePair`s (claim, headline, body, gold label, group). Emergent is the
headline task (labels for/against/observing, official claim-disjoint split); FNC-1 and ARC are the
headline/body task (agree/disagree/discuss/unrelated; the FNC "Headline" plays the claim). Scores:
accuracy, macro-F1, per-class F1, and for FNC-style data the FNC weighted score divided by its maximum.
The bootstrap resamples whole groups (Emergent claims, FNC/ARC bodies), not single pairs.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrail.evaluate.run import EvalResult
from claimtrail.evaluate.stats import bootstrap_ci

__all__ = [
    "EMERGENT_LABELS",
    "FNC_LABELS",
    "StancePair",
    "dataset_kind",
    "evaluate_stance",
    "fnc_score",
    "read_pairs",
    "score_labels",
    "to_dataset_label",
]

EMERGENT_LABELS = ("for", "against", "observing")
FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset({"agree", "disagree", "discuss"})

# claimtrail label -> dataset label. `questions` goes with observing/discuss: on Emergent train, 107 of 156
# headlines with a question mark are `observing` and only 24 `against` (see README "Claim stance").
_TO_EMERGENT = {"asserts": "for", "denies": "against", "reports": "observing", "questions": "observing"}
_TO_FNC = {
    "asserts": "agree",
    "denies": "disagree",
    "reports": "discuss",
    "questions": "discuss",
    "unrelated": "unrelated",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class StancePair:
    claim: str
    headline: str | None
    body: str | None
    gold: str
    group: str


def dataset_kind(dataset_dir: Path) -> str:
    """ "emergent" when the folder holds emergent_headlines.csv, "fnc" for FNC-1 / ARC layouts."""
    if (dataset_dir / "emergent_headlines.csv").exists():
        return "emergent"
    return "fnc"


def to_dataset_label(label: str, kind: str) -> str:
    if kind == "emergent":
        return _TO_EMERGENT.get(label, "observing")
    return _TO_FNC[label]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _read_emergent(dataset_dir: Path, split: str) -> list[StancePair]:
    return [
        StancePair(
            claim=row["claimHeadline"],
            headline=row["articleHeadline"],
            body=None,
            gold=row["articleHeadlineStance"],
            group=row["claimId"],
        )
        for row in _csv_rows(dataset_dir / "emergent_headlines.csv")
        if split == "all" or row["split"] == split
    ]


def _fnc_files(dataset_dir: Path, split: str) -> tuple[Path, Path]:
    if (dataset_dir / "arc_bodies.csv").exists():
        name = {"test": "arc_stances_test.csv", "train": "arc_stances_train.csv"}[split]
        return dataset_dir / name, dataset_dir / "arc_bodies.csv"
    if split == "test":
        return dataset_dir / "competition_test_stances.csv", dataset_dir / "competition_test_bodies.csv"
    return dataset_dir / "train_stances.csv", dataset_dir / "train_bodies.csv"


def _read_fnc(dataset_dir: Path, split: str) -> list[StancePair]:
    """FNC-1 or ARC pairs. FNC-1 splits: test, train, and the baseline's body-disjoint holdout / training."""
    base_split = "train" if split in {"holdout", "training"} else split
    stances_path, bodies_path = _fnc_files(dataset_dir, base_split)
    bodies = {row["Body ID"]: row["articleBody"] for row in _csv_rows(bodies_path)}
    keep: set[str] | None = None
    if split in {"holdout", "training"}:
        name = "hold_out_ids.txt" if split == "holdout" else "training_ids.txt"
        keep = set((dataset_dir / "splits" / name).read_text(encoding="utf-8").split())
    return [
        StancePair(
            claim=row["Headline"],
            headline=None,
            body=bodies[row["Body ID"]],
            gold=row["Stance"],
            group=row["Body ID"],
        )
        for row in _csv_rows(stances_path)
        if keep is None or row["Body ID"] in keep
    ]


def read_pairs(dataset_dir: Path, split: str = "test") -> list[StancePair]:
    """All pairs of one split, in file order."""
    if dataset_kind(dataset_dir) == "emergent":
        return _read_emergent(dataset_dir, split)
    return _read_fnc(dataset_dir, split)


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The FNC-1 weighted score divided by its maximum (1.0 = every pair right)."""
    score = sum(_fnc_points(g, p) for g, p in zip(gold, predicted, strict=True))
    best = sum(_fnc_points(g, g) for g in gold)
    return score / best if best else 0.0


def _fnc_points(gold: str, predicted: str) -> float:
    points = 0.0
    if gold == predicted == "unrelated":
        points += 0.25
    if gold in RELATED and predicted in RELATED:
        points += 0.25
        if gold == predicted:
            points += 0.75
    return points


def score_labels(gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str]) -> dict[str, float]:
    """Accuracy, macro-F1 over `labels` and `f1_<label>` for each."""
    pairs = list(zip(gold, predicted, strict=True))
    metrics = {"accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0}
    f1s = []
    for label in labels:
        tp = sum(g == p == label for g, p in pairs)
        n_gold = sum(g == label for g, _ in pairs)
        n_pred = sum(p == label for _, p in pairs)
        f1 = 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0
        metrics[f"f1_{label}"] = f1
        f1s.append(f1)
    metrics["macro_f1"] = sum(f1s) / len(f1s) if f1s else 0.0
    return metrics


def _group_counts(pairs: Sequence[StancePair], predicted: Sequence[str]) -> list[Counter[str]]:
    by_group: dict[str, Counter[str]] = {}
    for pair, label in zip(pairs, predicted, strict=True):
        counts = by_group.setdefault(pair.group, Counter())
        counts["n"] += 1
        counts["correct"] += int(pair.gold == label)
        counts["fnc"] += _fnc_points(pair.gold, label)  # type: ignore[assignment]
        counts["fnc_max"] += _fnc_points(pair.gold, pair.gold)  # type: ignore[assignment]
    return list(by_group.values())


def _ratio(numerator: str, denominator: str) -> Any:
    def metric(total: Mapping[str, float]) -> float:
        return total.get(numerator, 0.0) / total[denominator] if total.get(denominator) else 0.0

    return metric


def evaluate_stance(dataset_dir: Path, *, split: str = "test", limit: int | None = None) -> EvalResult:
    """Score the packaged stance model on a split of Emergent (headline task), FNC-1 or ARC."""
    from claimtrail.stance import predict_pairs

    kind = dataset_kind(dataset_dir)
    pairs = read_pairs(dataset_dir, split)[:limit]
    predicted = [to_dataset_label(label, kind) for label in predict_pairs(pairs)]
    gold = [pair.gold for pair in pairs]
    counts = _group_counts(pairs, predicted)
    if kind == "emergent":
        metrics = score_labels(gold, predicted, EMERGENT_LABELS)
        intervals = {"accuracy": bootstrap_ci(counts, _ratio("correct", "n"))}
    else:
        metrics = {"fnc_score": fnc_score(gold, predicted), **score_labels(gold, predicted, FNC_LABELS)}
        intervals = {
            "fnc_score": bootstrap_ci(counts, _ratio("fnc", "fnc_max")),
            "accuracy": bootstrap_ci(counts, _ratio("correct", "n")),
        }
    errors = tuple(
        {
            "claim": p.claim,
            "headline": p.headline,
            "body": (p.body or "")[:200],
            "gold": p.gold,
            "predicted": g,
        }
        for p, g in zip(pairs, predicted, strict=True)
        if p.gold != g
    )
    return EvalResult(n=len(pairs), metrics=metrics, intervals=intervals, errors=errors)
