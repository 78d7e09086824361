"""The packaged stance model: load it once, predict with numpy only (no scikit-learn or lightgbm at run time).

An artifact is two files under `stance/models/`: `NAME.json` (vocabularies, label lists, feature layout)
and `NAME.npz` (weights and tree arrays). It holds two heads:

- the **headline head** (Emergent task): TF-IDF word 1-2-grams of the headline plus the dense
  `headline_features`, multinomial logistic regression over for / against / observing;
- the **body head** (FNC-1 task): gradient-boosted trees (trained with lightgbm, evaluated here from
  their dumped arrays) over `pair_text_features`, TF-IDF cosines of claim and body, and the probabilities
  of two sparse logistic regressions (claim words, body words) over agree / disagree / discuss.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from claimtrail.stance.features import (
    headline_features,
    ngrams,
    pair_text_features,
    sentences,
    tokens,
)

__all__ = ["ARTIFACT", "Linear", "StanceModel", "Tfidf", "Trees", "load_model"]

ARTIFACT = "stance-v1"
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Tfidf:
    """Sublinear TF-IDF over word n-grams with an l2 norm (the same transform at training and run time)."""

    vocab: dict[str, int]
    idf: FloatArray
    max_n: int
    drop_stopwords: bool

    def terms(self, text: str) -> list[str]:
        from claimtrail.stance.features import STOPWORDS

        toks = tokens(text)
        if self.drop_stopwords:
            toks = [t for t in toks if t not in STOPWORDS]
        return [g for n in range(1, self.max_n + 1) for g in ngrams(toks, n)]

    def vector(self, text: str) -> dict[int, float]:
        counts = Counter(self.vocab[t] for t in self.terms(text) if t in self.vocab)
        weights = {i: (1.0 + math.log(c)) * float(self.idf[i]) for i, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {i: w / norm for i, w in weights.items()}


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(i, 0.0) for i, w in a.items())


@dataclass(frozen=True, slots=True)
class Linear:
    """Multinomial logistic regression over [sparse TF-IDF | standardised dense] features."""

    tfidf: Tfidf
    coef: FloatArray  # (n_vocab + n_dense, n_classes)
    bias: FloatArray
    mean: FloatArray
    scale: FloatArray

    def proba(self, text: str, dense: Sequence[float] = ()) -> FloatArray:
        logits = self.bias.copy()
        for i, w in self.tfidf.vector(text).items():
            logits += w * self.coef[i]
        if len(dense):
            z = (np.asarray(dense, dtype=np.float64) - self.mean) / self.scale
            logits += z @ self.coef[len(self.tfidf.vocab) :]
        return _softmax(logits)


@dataclass(frozen=True, slots=True)
class Trees:
    """A multiclass boosted tree ensemble: tree t adds to class t % n_classes; go left when x <= threshold."""

    feature: npt.NDArray[np.int32]  # (n_nodes,) split feature, -1 at a leaf
    threshold: FloatArray
    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    value: FloatArray  # leaf values (0 at inner nodes)
    roots: npt.NDArray[np.int32]
    n_classes: int

    def proba(self, x: FloatArray) -> FloatArray:
        """Class probabilities for the rows of `x` (n_rows, n_features)."""
        raw = np.zeros((x.shape[0], self.n_classes))
        rows = np.arange(x.shape[0])
        for t, root in enumerate(self.roots):
            node = np.full(x.shape[0], root, dtype=np.int32)
            while True:
                inner = self.feature[node] >= 0
                if not inner.any():
                    break
                go_left = x[rows, np.maximum(self.feature[node], 0)] <= self.threshold[node]
                node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
            raw[:, t % self.n_classes] += self.value[node]
        return np.vstack([_softmax(r) for r in raw]) if len(raw) else raw


def _softmax(logits: FloatArray) -> FloatArray:
    e = np.exp(logits - logits.max())
    return np.asarray(e / e.sum(), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class StanceModel:
    headline_labels: tuple[str, ...]  # for / against / observing
    body_labels: tuple[str, ...]  # agree / disagree / discuss / unrelated
    headline: Linear
    claim_words: Linear
    body_words: Linear
    similarity: Tfidf
    trees: Trees
    meta: dict[str, Any]

    def headline_proba(self, claim: str, headline: str) -> FloatArray:
        return self.headline.proba(headline, headline_features(claim, headline))

    def body_features(self, claim: str, body: str, memo: dict[str, Any] | None = None) -> list[float]:
        """Features of one (claim, body) pair; `memo` keeps per-text work across pairs sharing a text."""
        memo = {} if memo is None else memo
        claim_vec, claim_p = _memo(
            memo, "c:" + claim, lambda: (self.similarity.vector(claim), self.claim_words.proba(claim))
        )
        body_vec, lead_vec, body_p = _memo(
            memo,
            "b:" + body,
            lambda: (
                self.similarity.vector(body),
                self.similarity.vector(" ".join(sentences(body)[:2])),
                self.body_words.proba(body),
            ),
        )
        return [
            *pair_text_features(claim, body),
            cosine(claim_vec, body_vec),
            cosine(claim_vec, lead_vec),
            *claim_p,
            *body_p,
        ]

    def body_proba(self, rows: Sequence[Sequence[float]]) -> FloatArray:
        return self.trees.proba(np.asarray(rows, dtype=np.float64).reshape(len(rows), -1))


def _memo(memo: dict[str, Any], key: str, compute: Callable[[], Any]) -> Any:
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _tfidf(spec: dict[str, Any], arrays: Any, name: str) -> Tfidf:
    vocab = {term: i for i, term in enumerate(spec["vocab"])}
    return Tfidf(vocab, arrays[f"{name}.idf"], spec["max_n"], spec["drop_stopwords"])


def _linear(spec: dict[str, Any], arrays: Any, name: str) -> Linear:
    return Linear(
        tfidf=_tfidf(spec["tfidf"], arrays, name),
        coef=arrays[f"{name}.coef"],
        bias=arrays[f"{name}.bias"],
        mean=arrays[f"{name}.mean"],
        scale=arrays[f"{name}.scale"],
    )


def load_from(directory: Path | Any, name: str = ARTIFACT) -> StanceModel:
    """Load `NAME.json` + `NAME.npz` from a folder (or an importlib resources Traversable)."""
    spec = json.loads(directory.joinpath(f"{name}.json").read_text(encoding="utf-8"))
    with directory.joinpath(f"{name}.npz").open("rb") as handle, np.load(handle) as npz:
        arrays = {key: npz[key] for key in npz.files}
    trees = Trees(
        feature=arrays["trees.feature"],
        threshold=arrays["trees.threshold"],
        left=arrays["trees.left"],
        right=arrays["trees.right"],
        value=arrays["trees.value"],
        roots=arrays["trees.roots"],
        n_classes=len(spec["body_labels"]),
    )
    return StanceModel(
        headline_labels=tuple(spec["headline_labels"]),
        body_labels=tuple(spec["body_labels"]),
        headline=_linear(spec["headline"], arrays, "headline"),
        claim_words=_linear(spec["claim_words"], arrays, "claim_words"),
        body_words=_linear(spec["body_words"], arrays, "body_words"),
        similarity=_tfidf(spec["similarity"], arrays, "similarity"),
        trees=trees,
        meta=spec.get("meta", {}),
    )


@cache
def load_model(name: str = ARTIFACT) -> StanceModel:
    """The packaged model (read once per process; nothing is downloaded)."""
    return load_from(resources.files("claimtrail.stance").joinpath("models"), name)
