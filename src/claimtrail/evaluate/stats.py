"""Statistics shared by the scorers: a percentile bootstrap over documents.

Resampling whole documents (not single timexes or quotes) keeps the within-document correlation of
errors, which is what a new, unseen article looks like to the extractor.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

Counts = Mapping[str, int | float]


def sum_counts(items: Sequence[Counts]) -> dict[str, float]:
    """Add per-item count dicts key by key (missing keys count as zero)."""
    total: Counter[str] = Counter()
    for item in items:
        total.update(item)
    return dict(total)


def bootstrap_ci(
    per_doc_counts: Sequence[Counts],
    metric_fn: Callable[[Mapping[str, float]], float],
    n: int = 1000,
    seed: int = 0,
    *,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of `metric_fn(summed counts)`.

    Each replicate draws `len(per_doc_counts)` items with replacement, sums their counts and applies
    `metric_fn`; the interval is the central `level` mass of the replicates. Deterministic for a seed.
    """
    if not per_doc_counts:
        return (0.0, 0.0)
    rng = random.Random(seed)
    k = len(per_doc_counts)
    replicates = sorted(
        metric_fn(sum_counts([per_doc_counts[rng.randrange(k)] for _ in range(k)])) for _ in range(n)
    )
    tail = (1.0 - level) / 2.0
    low = replicates[int(tail * (n - 1))]
    high = replicates[round((1.0 - tail) * (n - 1))]
    return (low, high)
