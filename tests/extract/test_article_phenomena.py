"""Phenomena from the blind cases 035-044: names NER misses, possessed and institution references,
doubts as reported speech, negated confirmations, and denials about oneself. Each a short article."""

from __future__ import annotations

import pytest

from claimtrail.models import ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _record(text: str) -> ArticleRecord:
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    return record


def _stances(record: ArticleRecord) -> set[tuple[str, str | None, str]]:
    return {
        (claim.text, s.actor.name if s.actor else s.source_description, s.stance)
        for claim in record.claims
        for s in claim.stances
    }


def _holders(record: ArticleRecord, words: str, label: str) -> set[str | None]:
    return {who for text, who, lab in _stances(record) if words in text and lab == label}


def _speaker(record: ArticleRecord, words: str) -> str | None:
    quote = next(q for q in record.quotes if words in q.text)
    return quote.speaker.name if quote.speaker else quote.source_description


def _actor(record: ArticleRecord, name: str) -> tuple[str, tuple[str, ...], str | None]:
    actor = next(a for a in record.actors if a.name == name)
    return actor.kind, actor.titles, actor.affiliation


def test_a_possessed_reference_reaches_only_its_owners_claims() -> None:
    record = _record(
        "Parents accused the water utility of sitting on the test results for weeks. "
        "The utility said the samples were sent to a laboratory in May. "
        "Its spokeswoman, Meredith Kaye, rejected the parents' account."
    )
    assert "Meredith Kaye" in _holders(record, "sitting on the test results", "denies")
    assert "Meredith Kaye" not in _holders(record, "samples were sent", "denies")


def test_a_company_named_after_a_company_word_is_an_organisation() -> None:
    record = _record(
        "Jens Oberlin, a former safety manager at German regional airline Nordflug, told lawmakers that "
        "executives had ignored warnings. In a statement, the company said it took every report seriously."
    )
    assert _actor(record, "Nordflug")[0] == "ORG"
    assert _speaker(record, "took every report seriously") == "Nordflug"
    assert _actor(record, "Jens Oberlin")[1:] == (("former safety manager",), "Nordflug")


def test_an_appositive_name_ner_missed_is_a_person() -> None:
    record = _record(
        "The mayor of the Spanish town of Alzira, Carmen Ruiz, on Wednesday dismissed the accusations. "
        '"These accusations are false," Ruiz told reporters.'
    )
    assert _speaker(record, "These accusations are false") == "Carmen Ruiz"


def test_a_doubt_voiced_about_a_clause_is_reported_speech() -> None:
    record = _record(
        "Kevin Aird, general secretary of the Retail Union, questioned whether trading had improved, saying "
        "members had reported falling sales since September."
    )
    quote = next(q for q in record.quotes if "trading had improved" in q.text)
    assert (quote.kind, quote.cue, _speaker(record, "trading had improved")) == (
        "indirect",
        "questioned",
        "Kevin Aird",
    )


def test_the_age_description_speaks_for_the_last_person() -> None:
    record = _record(
        "Port authority chairman Mark Zerafa denied receiving any money. "
        "The 58-year-old said he would sue anyone who repeated the allegation."
    )
    assert _speaker(record, "he would sue anyone") == "Mark Zerafa"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Reuters could not independently verify the account.", "questions"),
        ("A police spokesman declined to confirm the account.", None),
    ],
)
def test_a_negated_confirmation_is_no_assertion(sentence: str, label: str | None) -> None:
    record = _record(
        "The payments, totalling about 400,000 euros, were made through a consultancy in Cyprus, "
        f"one of the people said. {sentence}"
    )
    found = {
        lab
        for text, who, lab in _stances(record)
        if "were made through" in text and who != "one of the people"
    }
    assert "asserts" not in found
    assert (label in found) if label else not found - {"reports"}


def test_a_negated_statement_about_oneself_denies_claims_about_oneself() -> None:
    record = _record(
        "The Daily Graphic reported that Governor Samuel Boakye had submitted a resignation letter to the "
        'presidency. "I have no intention of resigning," Boakye told reporters on Monday.'
    )
    assert "Samuel Boakye" in _holders(record, "submitted a resignation letter", "denies")


def test_the_institution_noun_never_takes_the_last_company() -> None:
    record = _record(
        "Analysts at regional airline Nordflug said fares would rise. Jens Oberlin said he had threatened to "
        "contact the aviation regulator about cracks in the landing gear."
    )
    nordflug = next(a for a in record.actors if a.name == "Nordflug")
    assert all("regulator" not in m.text for m in nordflug.mentions)
