"""Stance of an article toward a claim: asserts, denies, questions, reports, or unrelated.

    >>> from claimtrail.stance import classify_stance
    >>> classify_stance("Apple will sell 19 million watches", "Apple denies watch sales report", None).label
    'denies'

Which head answers depends on what is given (see `stance/model.py` and `stance/cross.py`):

- a body (with or without a headline): the body head (FNC-1 task) decides related/unrelated; the stance
  among related labels mixes its trees with a MiniLM cross-encoder reading the claim against the body's
  most claim-like sentences; with a headline too, the related labels average that and the headline head;
- a headline only: the headline head (Emergent task: a linear model mixed with a cross-encoder over the
  claim and headline) gives the stance; relatedness comes from the body head run on the headline as a
  one-sentence body.

Each cross-encoder's mixing weight is stored in its artifact (chosen on the training hold-out).

`questions` is `reports` whose headline carries a question cue ("?", "doubt", "questions", "whether"):
Emergent labels such headlines `observing` far more often than `against`, so both score as observing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from claimtrail.stance.cross import CrossEncoder, load_cross_encoder, passage
from claimtrail.stance.features import cue_counts, tokens
from claimtrail.stance.model import StanceModel, load_model

if TYPE_CHECKING:
    from claimtrail.evaluate.stance import StancePair

__all__ = ["LABELS", "StanceResult", "classify_stance", "predict_model", "predict_pairs"]

ArticleStance = Literal["asserts", "denies", "questions", "reports", "unrelated"]
LABELS: tuple[ArticleStance, ...] = ("asserts", "denies", "questions", "reports", "unrelated")
_RELATED: tuple[ArticleStance, ...] = ("asserts", "denies", "reports")
_QUESTION_GROUP = 2  # index of "question" in features.CUE_GROUPS
BODY_CROSS: str | None = None  # no body cross-encoder is packaged yet (see README "Claim stance")
HEADLINE_CROSS = "stance-emergent-cross-v2"


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
    model_name: str,
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
        model=model_name,
    )


@dataclass(frozen=True, slots=True)
class _Heads:
    model: StanceModel
    body_cross: CrossEncoder | None
    headline_cross: CrossEncoder | None

    @property
    def name(self) -> str:
        parts = [str(self.model.meta.get("artifact", ""))]
        parts += [str(c.meta.get("artifact", "")) for c in (self.body_cross, self.headline_cross) if c]
        return "+".join(parts)


def _packaged() -> _Heads:
    body_cross = load_cross_encoder(BODY_CROSS) if BODY_CROSS else None
    return _Heads(load_model(), body_cross, load_cross_encoder(HEADLINE_CROSS))


def _mixed(
    base: Sequence[Sequence[float]], cross: CrossEncoder | None, firsts: list[str], seconds: list[str]
) -> list[list[float]]:
    """`base` rows (normalised) mixed with the cross-encoder's probabilities by its stored weight."""
    rows = [[x / (sum(r) or 1.0) for x in r] for r in base]
    if cross is None or not rows:
        return rows
    weight = cross.mix
    probs = cross.proba(firsts, seconds)
    return [
        [(1 - weight) * a + weight * float(b) for a, b in zip(r, p, strict=True)]
        for r, p in zip(rows, probs, strict=True)
    ]


def _predict(
    heads: _Heads,
    claims: Sequence[str],
    headlines: Sequence[str | None],
    bodies: Sequence[str | None],
    *,
    related_only: bool,
) -> list[StanceResult]:
    model = heads.model
    memo: dict[str, Any] = {}
    rows = [
        model.body_features(c, b if b is not None else (h or ""), memo)
        for c, h, b in zip(claims, headlines, bodies, strict=True)
    ]
    body_p = model.body_proba(rows) if rows else np.zeros((0, 4))
    related: list[list[float]] = [[float(x) for x in p[:3]] for p in body_p]
    if heads.body_cross is not None:  # only where the stance can still win over `unrelated`
        reading = [i for i, b in enumerate(bodies) if b is not None and (related_only or body_p[i][3] < 0.5)]
        mixed = _mixed(
            [related[i] for i in reading],
            heads.body_cross,
            [claims[i] for i in reading],
            [passage(claims[i], bodies[i] or "") for i in reading],
        )
        for i, row in zip(reading, mixed, strict=True):
            related[i] = row
    titled = [i for i, h in enumerate(headlines) if h]
    head_rows = _mixed(
        [list(model.headline_proba(claims[i], headlines[i] or "")) for i in titled],
        heads.headline_cross,
        [claims[i] for i in titled],
        [headlines[i] or "" for i in titled],
    )
    for i, head in zip(titled, head_rows, strict=True):
        if bodies[i] is None:
            related[i] = head
        else:
            norm = sum(related[i]) or 1.0
            related[i] = [(a / norm + b) / 2 for a, b in zip(related[i], head, strict=True)]
    return [
        _result(related[i], float(body_p[i][3]), headlines[i], heads.name, related_only=related_only)
        for i in range(len(claims))
    ]


def classify_stance(claim: str, headline: str | None, body: str | None) -> StanceResult:
    """Stance of an article (headline and/or body) toward `claim`, with the packaged model."""
    if not (headline or body):
        raise ValueError("classify_stance needs a headline or a body")
    return _predict(_packaged(), [claim], [headline], [body], related_only=False)[0]


def predict_model(
    model: StanceModel,
    pairs: Sequence[StancePair],
    *,
    related_only: bool | None = None,
    body_cross: CrossEncoder | None = None,
    headline_cross: CrossEncoder | None = None,
) -> list[str]:
    """Labels for dataset pairs; headline-only datasets (Emergent) presuppose relatedness."""
    if related_only is None:
        related_only = all(p.body is None for p in pairs)
    results = _predict(
        _Heads(model, body_cross, headline_cross),
        [p.claim for p in pairs],
        [p.headline for p in pairs],
        [p.body for p in pairs],
        related_only=related_only,
    )
    return [r.label for r in results]


def predict_pairs(pairs: Sequence[StancePair]) -> list[str]:
    heads = _packaged()
    return predict_model(heads.model, pairs, body_cross=heads.body_cross, headline_cross=heads.headline_cross)
