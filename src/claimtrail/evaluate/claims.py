"""The `claims` task: check-worthy sentence detection on ClaimBuster 2.5xNCS, F1 of the check-worthy class.

Data and split: `2.5xNCS.json` (9,674 debate sentences, label 1 = check-worthy factual claim). The file has
no debate column, but sentence ids run contiguously through each debate, so the sentences sorted by id are
cut into five equal blocks: blocks 1-4 are the train part, block 5 the test part. A debate is thus never
spread over train and test, except the one that straddles the cut.

Model: logistic regression (scikit-learn, class weights balanced) over TF-IDF of word 1-2 grams plus a few
cue features (numbers, percentages, money, years, comparatives, first-person opinion, questions). The
trained model is exported as plain JSON (vocabulary, idf, weights) and scored here in pure Python, so the
evaluation needs no scikit-learn and no pickle; the JSON records the SHA-256 of the data file it was
trained on. Reproduce it with

    python -m claimtrail.evaluate.claims train ../shared/data/stance/claimbuster

When the dataset's hash differs from the artifact's, `evaluate_claims` trains in the run (needs
scikit-learn, a few seconds).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrail.evaluate.run import EvalResult
from claimtrail.evaluate.stats import bootstrap_ci

__all__ = [
    "MODEL_PATH",
    "ClaimModel",
    "Sentence",
    "average_precision",
    "binary_counts",
    "binary_metrics",
    "evaluate_claims",
    "load_sentences",
    "split_blocks",
    "train_model",
]

DATA_FILE = "2.5xNCS.json"
MODEL_PATH = Path(__file__).with_name("claims_model.json")
MODEL_NAME = "claimtrail.claims-checkworthy.v1"
FOLDS = 5
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$?]")
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"\d")),
    ("percent", re.compile(r"%|\bpercent\b|\bper cent\b", re.I)),
    ("money", re.compile(r"\$|\b(dollars?|million|billion|trillion)\b", re.I)),
    ("year", re.compile(r"\b(1[89]\d\d|20\d\d)\b")),
    (
        "comparative",
        re.compile(r"\b(more|less|fewer|than|increase[ds]?|cut|doubled?|raised?|lowest|highest)\b", re.I),
    ),
    ("opinion", re.compile(r"\b(I|we) (think|believe|feel|want|hope|will|would)\b", re.I)),
    ("question", re.compile(r"\?\s*$")),
)


@dataclass(frozen=True, slots=True)
class Sentence:
    id: int
    text: str
    label: int


# --- data -----------------------------------------------------------------------------------------------


def load_sentences(dataset_dir: Path) -> list[Sentence]:
    """All sentences of the set, sorted by sentence id (so debates stay contiguous)."""
    rows = json.loads((dataset_dir / DATA_FILE).read_text(encoding="utf-8"))
    sentences = [Sentence(id=int(r["sentence_id"]), text=str(r["text"]), label=int(r["label"])) for r in rows]
    return sorted(sentences, key=lambda s: s.id)


def split_blocks(
    sentences: Sequence[Sentence], fold: int = FOLDS - 1
) -> tuple[list[Sentence], list[Sentence]]:
    """(train, test): block `fold` of `FOLDS` contiguous id-sorted blocks is the test part."""
    size = math.ceil(len(sentences) / FOLDS)
    start, end = fold * size, (fold + 1) * size
    return [*sentences[:start], *sentences[end:]], list(sentences[start:end])


def data_hash(dataset_dir: Path) -> str:
    return hashlib.sha256((dataset_dir / DATA_FILE).read_bytes()).hexdigest()


# --- features and the model -----------------------------------------------------------------------------


def analyse(text: str) -> list[str]:
    """Word unigrams and bigrams of the lowercased sentence (the TF-IDF analyser, shared with training)."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def cue_features(text: str) -> list[float]:
    return [1.0 if pattern.search(text) else 0.0 for _, pattern in _CUES]


@dataclass(frozen=True, slots=True)
class ClaimModel:
    """A trained linear model in plain data: idf and weight per term, cue weights, bias and threshold."""

    terms: Mapping[str, tuple[float, float]]
    cue_weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    info: Mapping[str, Any] | None = None

    def probability(self, text: str) -> float:
        """P(check-worthy): sublinear TF x IDF, L2-normalised, dot the weights, then the logistic."""
        counts = Counter(term for term in analyse(text) if term in self.terms)
        tfidf = {t: (1.0 + math.log(c)) * self.terms[t][0] for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in tfidf.values())) or 1.0
        score = self.bias + sum(v / norm * self.terms[t][1] for t, v in tfidf.items())
        score += sum(w * x for w, x in zip(self.cue_weights, cue_features(text), strict=True))
        return 1.0 / (1.0 + math.exp(-score))

    def predict(self, text: str) -> int:
        return int(self.probability(text) >= self.threshold)

    def to_json(self) -> dict[str, Any]:
        return {
            "info": dict(self.info or {}),
            "bias": self.bias,
            "threshold": self.threshold,
            "cues": [name for name, _ in _CUES],
            "cue_weights": list(self.cue_weights),
            "terms": {t: [round(i, 6), round(w, 6)] for t, (i, w) in sorted(self.terms.items())},
        }

    @classmethod
    def from_json(cls, payload: Mapping[str, Any]) -> ClaimModel:
        return cls(
            terms={t: (float(v[0]), float(v[1])) for t, v in payload["terms"].items()},
            cue_weights=tuple(float(w) for w in payload["cue_weights"]),
            bias=float(payload["bias"]),
            threshold=float(payload["threshold"]),
            info=payload.get("info"),
        )


def train_model(train: Sequence[Sentence], *, c: float = 4.0, min_df: int = 2) -> ClaimModel:
    """Fit TF-IDF + cue features -> balanced logistic regression (needs scikit-learn)."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack  # type: ignore[import-untyped]
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    vectorizer = TfidfVectorizer(analyzer=analyse, min_df=min_df, sublinear_tf=True, norm="l2")
    texts = [s.text for s in train]
    tfidf = vectorizer.fit_transform(texts)
    cues = csr_matrix(np.array([cue_features(t) for t in texts]))
    classifier = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    classifier.fit(hstack([tfidf, cues]).tocsr(), [s.label for s in train])
    weights = classifier.coef_[0]
    vocabulary: dict[str, int] = vectorizer.vocabulary_
    n_terms = len(vocabulary)
    terms = {t: (float(vectorizer.idf_[i]), float(weights[i])) for t, i in vocabulary.items()}
    return ClaimModel(
        terms=terms,
        cue_weights=tuple(float(w) for w in weights[n_terms:]),
        bias=float(classifier.intercept_[0]),
        info={"name": MODEL_NAME, "C": c, "min_df": min_df, "train_sentences": len(train)},
    )


def load_model(path: Path = MODEL_PATH) -> ClaimModel:
    return ClaimModel.from_json(json.loads(path.read_text(encoding="utf-8")))


# --- scoring --------------------------------------------------------------------------------------------


def binary_counts(gold: Sequence[int], predicted: Sequence[int]) -> dict[str, float]:
    pairs = list(zip(gold, predicted, strict=True))
    return {
        "tp": sum(1 for g, p in pairs if g and p),
        "fp": sum(1 for g, p in pairs if p and not g),
        "fn": sum(1 for g, p in pairs if g and not p),
    }


def binary_metrics(total: Mapping[str, float]) -> dict[str, float]:
    tp, fp, fn = total.get("tp", 0.0), total.get("fp", 0.0), total.get("fn", 0.0)
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
    }


def average_precision(gold: Sequence[int], scores: Sequence[float]) -> float:
    """Mean of the precision at each positive, ranking by score (ties kept in input order)."""
    ranked = sorted(range(len(gold)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, index in enumerate(ranked, start=1):
        if gold[index]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def _f1(total: Mapping[str, float]) -> float:
    return binary_metrics(total)["f1"]


def evaluate_claims(dataset_dir: Path, *, limit: int | None = None) -> EvalResult:
    """Train part -> model (the committed one when the data hash matches), scored on the test part."""
    train, test = split_blocks(load_sentences(dataset_dir))
    model = load_model() if MODEL_PATH.exists() else None
    if model is None or (model.info or {}).get("data_sha256") != data_hash(dataset_dir):
        model = train_model(train)
    test = test[:limit]
    scores = [model.probability(s.text) for s in test]
    gold = [s.label for s in test]
    per_sentence = [
        binary_counts([g], [int(p >= model.threshold)]) for g, p in zip(gold, scores, strict=True)
    ]
    total = Counter[str]()
    for counts in per_sentence:
        total.update(counts)
    metrics = binary_metrics(total) | {"average_precision": average_precision(gold, scores)}
    errors = tuple(
        {"sentence_id": s.id, "text": s.text, "label": s.label, "probability": round(p, 3)}
        for s, p in zip(test, scores, strict=True)
        if int(p >= model.threshold) != s.label
    )
    return EvalResult(
        n=len(test), metrics=metrics, intervals={"f1": bootstrap_ci(per_sentence, _f1)}, errors=errors
    )


# --- command line ---------------------------------------------------------------------------------------


def _train_command(dataset_dir: Path, output: Path) -> None:
    train, _ = split_blocks(load_sentences(dataset_dir))
    model = train_model(train)
    info = {**(model.info or {}), "data_file": DATA_FILE, "data_sha256": data_hash(dataset_dir)}
    payload = ClaimModel.to_json(ClaimModel(**{**_fields(model), "info": info}))
    output.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {output} ({output.stat().st_size:,} bytes, {len(model.terms):,} terms)")


def _fields(model: ClaimModel) -> dict[str, Any]:
    return {name: getattr(model, name) for name in ("terms", "cue_weights", "bias", "threshold")}


def _cv_command(dataset_dir: Path) -> None:
    sentences = load_sentences(dataset_dir)
    for fold in range(FOLDS):
        train, test = split_blocks(sentences, fold)
        model = train_model(train)
        gold = [s.label for s in test]
        metrics = binary_metrics(binary_counts(gold, [model.predict(s.text) for s in test]))
        print(f"fold {fold + 1}: " + "  ".join(f"{k} {v:.3f}" for k, v in metrics.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimtrail.evaluate.claims", description=__doc__)
    parser.add_argument("command", choices=("train", "cv"))
    parser.add_argument("dataset_dir", type=Path)
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="where `train` writes the model JSON")
    args = parser.parse_args(argv)
    if args.command == "train":
        _train_command(args.dataset_dir, args.output)
    else:
        _cv_command(args.dataset_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
