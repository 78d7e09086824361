"""Trail linking on Emergent: group article headlines into claims from their text alone.

The linker sees each `articleHeadline` of the split as a one-claim article (never `claimId` or
`claimHeadline`) and its trails are scored against the gold claims with B-cubed precision, recall and F1
(Bagga & Baldwin 1998: per headline, the share of its predicted group that shares its gold claim, and
the reverse) and the adjusted Rand index (Hubert & Arabie 1985). The interval resamples gold claims.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Sequence
from math import comb
from pathlib import Path
from typing import Any

from claimtrail.evaluate.run import EvalResult
from claimtrail.evaluate.stats import bootstrap_ci
from claimtrail.trails.link import ClaimItem, Embedder, Linker

__all__ = ["adjusted_rand_index", "bcubed", "evaluate_trails"]

HEADLINES = "emergent_headlines.csv"


def bcubed_items(predicted: Sequence[str], gold: Sequence[str]) -> list[tuple[float, float]]:
    """(precision, recall) of each item."""
    by_predicted: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].add(i)
        by_gold[g].add(i)
    scores = []
    for p, g in zip(predicted, gold, strict=True):
        shared = len(by_predicted[p] & by_gold[g])
        scores.append((shared / len(by_predicted[p]), shared / len(by_gold[g])))
    return scores


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of a grouping against gold groups."""
    items = bcubed_items(predicted, gold)
    if not items:
        return (0.0, 0.0, 0.0)
    precision = sum(p for p, _ in items) / len(items)
    recall = sum(r for _, r in items) / len(items)
    return (precision, recall, _f1(precision, recall))


def adjusted_rand_index(predicted: Sequence[str], gold: Sequence[str]) -> float:
    pairs = Counter(zip(predicted, gold, strict=True))
    n = len(predicted)
    index = sum(comb(c, 2) for c in pairs.values())
    rows = sum(comb(c, 2) for c in Counter(predicted).values())
    cols = sum(comb(c, 2) for c in Counter(gold).values())
    total = comb(n, 2)
    if total == 0:
        return 1.0
    expected = rows * cols / total
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def _read_split(dataset_dir: Path, split: str, limit: int | None) -> list[dict[str, str]]:
    with (dataset_dir / HEADLINES).open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["split"] == split]
    return rows[:limit] if limit else rows


def evaluate_trails(
    dataset_dir: Path,
    *,
    split: str = "test",
    limit: int | None = None,
    embedder: Embedder | None = None,
    threshold: float | None = None,
) -> EvalResult:
    if embedder is None:
        from claimtrail.trails.minilm import load_minilm

        embedder = load_minilm()
    rows = _read_split(dataset_dir, split, limit)
    items = [
        ClaimItem(article_id=f"{i:05d}", claim_local_id="c1", statement=row["articleHeadline"])
        for i, row in enumerate(rows)
    ]
    linker = Linker(embedder) if threshold is None else Linker(embedder, threshold=threshold)
    trail_of = {(d.article_id, d.claim_local_id): d.trail_id for d in linker.link(items)}
    predicted = [trail_of[item.key] for item in items]
    gold = [row["claimId"] for row in rows]
    precision, recall, f1 = bcubed(predicted, gold)
    per_claim: dict[str, dict[str, float]] = defaultdict(lambda: {"p": 0.0, "r": 0.0, "n": 0.0})
    for (p, r), claim in zip(bcubed_items(predicted, gold), gold, strict=True):
        per_claim[claim]["p"] += p
        per_claim[claim]["r"] += r
        per_claim[claim]["n"] += 1

    def f1_of(counts: Any) -> float:
        n = counts.get("n", 0) or 1
        return _f1(counts.get("p", 0) / n, counts.get("r", 0) / n)

    errors = tuple(
        {"headline": row["articleHeadline"], "gold_claim": row["claimId"], "trail": trail}
        for row, trail in zip(rows, predicted, strict=True)
    )
    return EvalResult(
        n=len(rows),
        metrics={
            "bcubed_precision": precision,
            "bcubed_recall": recall,
            "bcubed_f1": f1,
            "ari": adjusted_rand_index(predicted, gold),
            "trails": float(len(set(predicted))),
            "claims": float(len(set(gold))),
        },
        intervals={"bcubed_f1": bootstrap_ci(list(per_claim.values()), f1_of)},
        errors=errors,
    )
