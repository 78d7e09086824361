from __future__ import annotations

import pytest

from claimtrail.stance import LABELS, classify_stance

CLAIM = "Banksy was arrested in London and his identity revealed"


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Banksy arrest story is a hoax, artist was not arrested", "denies"),
        ("Banksy arrested in London, identity revealed", "asserts"),
        ("Banksy reportedly arrested in London, according to unconfirmed reports", "reports"),
    ],
)
def test_headline_stance(headline: str, expected: str) -> None:
    assert classify_stance(CLAIM, headline, None).label == expected


def test_question_headline_questions() -> None:
    assert classify_stance(CLAIM, "Has Banksy really been arrested in London?", None).label == "questions"


def test_unrelated_pair() -> None:
    body = (
        "The city council approved a new budget for road repairs on Tuesday. "
        "Officials said the money will pay for resurfacing 40 miles of streets next summer."
    )
    assert classify_stance(CLAIM, None, body).label == "unrelated"


def test_scores_cover_labels_and_sum_to_one() -> None:
    result = classify_stance(CLAIM, "Banksy arrested", "Police in London arrested Banksy on Monday.")
    assert set(result.scores) == set(LABELS)
    assert sum(result.scores.values()) == pytest.approx(1.0, abs=1e-4)
    assert result.label == max(result.scores, key=result.scores.__getitem__)


def test_needs_some_text() -> None:
    with pytest.raises(ValueError, match="headline or a body"):
        classify_stance(CLAIM, None, None)
