from __future__ import annotations

import pytest

from claimtrail.stance.features import (
    CUE_GROUPS,
    cue_counts,
    headline_features,
    overlap_features,
    pair_text_features,
    sentences,
    tokens,
)


def _cues(text: str) -> dict[str, float]:
    return dict(zip(CUE_GROUPS, cue_counts(tokens(text)), strict=True))


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Police deny report of shark in Thames", "deny"),
        ("Viral photo is a hoax", "deny"),
        ("Apple reportedly planning a car", "hedge"),
        ("Experts cast doubt on the video", "question"),
        ("Company confirms the merger", "confirm"),
        ("The man isn’t dead", "negation"),
    ],
)
def test_cue_groups(text: str, group: str) -> None:
    assert _cues(text)[group] >= 1


def test_tokens_lowercase_and_apostrophes() -> None:
    assert tokens("ISIS isn’t here") == ["isis", "isn't", "here"]


def test_overlap_identical_and_disjoint() -> None:
    same = tokens("Banksy arrested in London")
    assert overlap_features(same, same) == [1.0, 1.0, 1.0]
    assert overlap_features(same, tokens("Cat rescued from tree")) == [0.0, 0.0, 0.0]


def test_sentences_split() -> None:
    assert sentences("One. Two? Three!\nFour") == ["One.", "Two?", "Three!", "Four"]


def test_feature_lengths_are_fixed() -> None:
    assert len(headline_features("a claim", "a headline?")) == len(headline_features("x", "y"))
    body = "He denied it. Nobody knows. It was a hoax."
    assert len(pair_text_features("claim", body)) == len(pair_text_features("other", "short"))
