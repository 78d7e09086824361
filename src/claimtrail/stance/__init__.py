"""Stance of an article toward a claim: asserts, denies, questions, reports, or unrelated.

    >>> from claimtrail.stance import classify_stance
    >>> classify_stance("Apple will sell 19 million watches", "Apple denies watch sales report", None).label
    'denies'

Which head answers depends on what is given (see `stance/model.py`):

- a body (with or without a headline): the body head (FNC-1 task) decides related/unrelated and the
  stance; with a headline too, the related labels average the body head and the headline head;
- a headline only: the headline head (Emergent task) gives the stance; relatedness comes from the body
  head run on the headline as a one-sentence body.

`questions` is `reports` whose headline carries a question cue ("?", "doubt", "questions", "whether"):
Emergent labels such headlines `observing` far more often than `against`, so both score as observing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from claimtrail.stance.features import cue_counts, tokens
from claimtrail.stance.model import StanceModel, load_model

if TYPE_CHECKING:
    from claimtrail.evaluate.stance import StancePair

__all__ = ["LABELS", "StanceResult", "classify_stance", "predict_model", "predict_pairs"]

ArticleStance = Literal["asserts", "denies", "questions", "reports", "unrelated"]
LABELS: tuple[ArticleStance, ...] = ("asserts", "denies", "questions", "reports", "unrelated")
_RELATED: tuple[ArticleStance, ...] = ("asserts", "denies", "reports")
_QUESTION_GROUP = 2  # index of "question" in features.CUE_GROUPS


@dataclass(frozen=True, slots=True, kw_only=True)
class StanceResult:
    """The article's stance toward the claim, and a probability per label (they sum to 1)."""

    label: ArticleStance
    scores: dict[str, float]
    model: str


def _questions(headline: str | None) -> bool:
    if not headline:
        return False
    return "?" in headline or cue_counts(tokens(headline))[_QUESTION_GROUP] > 0


def _result(
    related: Sequence[float],
    unrelated: float,
    headline: str | None,
    model: StanceModel,
    *,
    related_only: bool,
) -> StanceResult:
    total = sum(related) or 1.0
    share = 1.0 if related_only else 1.0 - unrelated
    scores = {label: share * p / total for label, p in zip(_RELATED, related, strict=True)}
    scores["questions"] = 0.0
    if _questions(headline):
        scores["questions"], scores["reports"] = scores["reports"], 0.0
    scores["unrelated"] = 0.0 if related_only else unrelated
    label = max(LABELS, key=lambda name: scores[name])
    return StanceResult(
        label=label,
        scores={k: round(scores[k], 6) for k in LABELS},
        model=str(model.meta.get("artifact", "")),
    )


def _predict(
    model: StanceModel,
    claims: Sequence[str],
    headlines: Sequence[str | None],
    bodies: Sequence[str | None],
    *,
    related_only: bool,
) -> list[StanceResult]:
    memo: dict[str, Any] = {}
    rows = [
        model.body_features(c, b if b is not None else (h or ""), memo)
        for c, h, b in zip(claims, headlines, bodies, strict=True)
    ]
    body_p = model.body_proba(rows) if rows else np.zeros((0, 4))
    results = []
    for claim, headline, body, p in zip(claims, headlines, bodies, body_p, strict=True):
        unrelated = float(p[3])
        related = [float(x) for x in p[:3]]
        if headline:
            head = [float(x) for x in model.headline_proba(claim, headline)]
            if body is None:
                related = head
            else:
                norm = sum(related) or 1.0
                related = [(a / norm + b) / 2 for a, b in zip(related, head, strict=True)]
        results.append(_result(related, unrelated, headline, model, related_only=related_only))
    return results


def classify_stance(claim: str, headline: str | None, body: str | None) -> StanceResult:
    """Stance of an article (headline and/or body) toward `claim`, with the packaged model."""
    if not (headline or body):
        raise ValueError("classify_stance needs a headline or a body")
    return _predict(load_model(), [claim], [headline], [body], related_only=False)[0]


def predict_model(
    model: StanceModel, pairs: Sequence[StancePair], *, related_only: bool | None = None
) -> list[str]:
    """Labels for dataset pairs; headline-only datasets (Emergent) presuppose relatedness."""
    if related_only is None:
        related_only = all(p.body is None for p in pairs)
    results = _predict(
        model,
        [p.claim for p in pairs],
        [p.headline for p in pairs],
        [p.body for p in pairs],
        related_only=related_only,
    )
    return [r.label for r in results]


def predict_pairs(pairs: Sequence[StancePair]) -> list[str]:
    return predict_model(load_model(), pairs)
