"""The check-worthy claim task: scorers and the exported model on tiny inputs, a gate on the real set."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from claimtrail.evaluate.claims import (
    MODEL_PATH,
    ClaimModel,
    Sentence,
    analyse,
    average_precision,
    binary_counts,
    binary_metrics,
    data_hash,
    evaluate_claims,
    load_model,
    split_blocks,
    train_model,
)

CLAIMBUSTER = "data/stance/claimbuster"
TINY = [
    ("We have lost 700,000 jobs in America last year.", 1),
    ("Unemployment rose to 8 percent in 2009.", 1),
    ("The deficit doubled to $1.4 trillion under this administration.", 1),
    ("Taxes were cut by 3 percent for the middle class.", 1),
    ("I think we need to do better for our children.", 0),
    ("Thank you very much for having me tonight.", 0),
    ("What would you do about it?", 0),
    ("I believe in the American people.", 0),
]


def tiny_sentences() -> list[Sentence]:
    return [Sentence(id=i, text=t, label=label) for i, (t, label) in enumerate(TINY)]


def test_binary_scorer() -> None:
    counts = binary_counts([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])
    assert counts == {"tp": 2, "fp": 1, "fn": 1}
    assert binary_metrics(counts) == {"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3}
    assert binary_metrics({}) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_average_precision() -> None:
    assert average_precision([1, 0, 1], [0.9, 0.8, 0.1]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([0, 0], [0.5, 0.4]) == 0.0


def test_blocks_keep_id_order_and_cover_everything() -> None:
    sentences = [Sentence(id=i, text=str(i), label=0) for i in range(10)]
    train, test = split_blocks(sentences)
    assert [s.id for s in test] == [8, 9]
    assert len(train) + len(test) == 10
    train, test = split_blocks(sentences, fold=0)
    assert [s.id for s in test] == [0, 1]


def test_analyser_gives_unigrams_and_bigrams() -> None:
    assert analyse("We've lost 700,000 jobs!") == [
        "we've",
        "lost",
        "700,000",
        "jobs",
        "we've lost",
        "lost 700,000",
        "700,000 jobs",
    ]


def test_exported_model_matches_scikit_learn() -> None:
    pytest.importorskip("sklearn")
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from claimtrail.evaluate.claims import cue_features

    sentences = tiny_sentences()
    model = train_model(sentences, min_df=1)
    vectorizer = TfidfVectorizer(analyzer=analyse, min_df=1, sublinear_tf=True, norm="l2")
    texts = [s.text for s in sentences]
    features = hstack(
        [vectorizer.fit_transform(texts), csr_matrix(np.array([cue_features(t) for t in texts]))]
    )
    classifier = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(
        features.tocsr(), [s.label for s in sentences]
    )
    expected = classifier.predict_proba(features.tocsr())[:, 1]
    for text, probability in zip(texts, expected, strict=True):
        assert model.probability(text) == pytest.approx(probability, abs=1e-9)
    assert [model.predict(t) for t in texts] == [label for _, label in TINY]


def test_model_round_trips_through_json() -> None:
    model = ClaimModel(terms={"jobs": (1.5, 2.0)}, cue_weights=(0.5,) * 7, bias=-1.0, info={"name": "x"})
    again = ClaimModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.probability("jobs jobs 5") == pytest.approx(model.probability("jobs jobs 5"))
    assert again.probability("") == pytest.approx(1 / (1 + math.exp(1.0)))


def test_committed_model_is_small_and_says_what_made_it() -> None:
    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    info = load_model().info or {}
    assert len(info["data_sha256"]) == 64
    assert info["train_sentences"] > 7000


def test_committed_model_was_trained_on_the_shared_data(shared_dir: Path) -> None:
    info = load_model().info or {}
    assert info["data_sha256"] == data_hash(shared_dir / CLAIMBUSTER)


def test_gate_on_a_slice_of_the_test_block(shared_dir: Path) -> None:
    result = evaluate_claims(shared_dir / CLAIMBUSTER, limit=600)
    assert result.n == 600
    assert result.metrics["f1"] >= 0.74, result.metrics  # measured 0.777 on this slice (full block 0.705)


def test_cli_train_writes_a_model(tmp_path: Path, shared_dir: Path) -> None:
    pytest.importorskip("sklearn")
    from claimtrail.evaluate.claims import main

    output = tmp_path / "model.json"
    assert main(["train", str(shared_dir / CLAIMBUSTER), "--output", str(output)]) == 0
    assert json.loads(output.read_text())["info"]["data_sha256"] == data_hash(shared_dir / CLAIMBUSTER)
