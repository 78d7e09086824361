"""Normalised statements: tense kept grammatical, subject pronouns resolved."""

from __future__ import annotations

import pytest

from claimtrail.models import ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _statements(text: str) -> list[str]:
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    return [claim.normalized for claim in record.claims]


def test_past_perfect_of_an_irregular_verb_becomes_its_simple_past() -> None:
    text = "The retailer said on Monday that intruders had stolen payment records from an old server."
    assert "Intruders stole payment records from an old server" in _statements(text)


def test_past_perfect_of_a_regular_verb_drops_had() -> None:
    text = "The mayor said the council had approved the new parking rules last week."
    assert "The council approved the new parking rules last week" in _statements(text)


def test_had_been_keeps_its_auxiliary() -> None:
    text = "Police said the bus driver had been asleep at the wheel when the coach left the road."
    statements = _statements(text)
    assert any(s.startswith("The bus driver had been asleep") for s in statements), statements


def test_pronoun_subject_takes_the_speakers_name() -> None:
    text = "Mayor Linda Park said she had never received the letter from the builders."
    statements = _statements(text)
    assert any(s.startswith("Linda Park had never received") for s in statements), statements


def test_pronoun_subject_without_a_named_antecedent_takes_the_role_noun() -> None:
    text = (
        "The pilot of a cargo plane that landed short of the runway had not slept for two days, "
        "his union said on Friday, rejecting reports that he had ignored a warning from the tower."
    )
    statements = _statements(text)
    assert "The pilot of a cargo plane ignored a warning from the tower" in statements, statements
