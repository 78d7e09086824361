"""Actor names and kinds: a title's place is not part of the name; a name after "the" is no person."""

from __future__ import annotations

import pytest

from claimtrail.models import ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _record(text: str) -> ArticleRecord:
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    return record


def _actor_names(text: str) -> list[str]:
    record = _record(text)
    return [actor.name for actor in record.actors]


def test_ambassador_to_a_country_keeps_the_country_out_of_the_name() -> None:
    names = _actor_names("The U.S. Ambassador to Japan Rahm Emanuel said the talks had gone well.")
    assert "Rahm Emanuel" in names, names
    assert not any(name.startswith("Japan ") for name in names), names


def test_a_name_with_a_particle_after_the_title_place() -> None:
    names = _actor_names("British Ambassador to Chile Louise de Sousa said the embassy would reopen.")
    assert "Louise de Sousa" in names, names


def test_an_organisation_of_a_place_is_left_whole() -> None:
    names = _actor_names("The Bank of Canada said on Wednesday that inflation had slowed for a third month.")
    assert "Bank of Canada" in names, names


def test_an_unknown_name_after_the_is_an_organisation() -> None:
    text = "The Lindenberg Rundschau reported on Monday that the port would close for a month."
    record = _record(text)
    kinds = {actor.name: actor.kind for actor in record.actors}
    assert kinds.get("Lindenberg Rundschau") == "ORG", kinds


def test_club_and_foreign_newspaper_names_stay_whole_organisations() -> None:
    text = (
        "Diario da Bola reported on Wednesday that a director of Sporting Vale do Tejo had offered a referee "
        'cash. Sporting Vale do Tejo rejected the report. "Everyone saw it," said Rui Domingues, coach of '
        "Atletico Costa Azul. Diario da Bola's editor, Joana Prates, said the paper stood by the story."
    )
    record = _record(text)
    kinds = {actor.name: actor.kind for actor in record.actors}
    for club in ("Diario da Bola", "Sporting Vale do Tejo", "Atletico Costa Azul"):
        assert kinds.get(club) == "ORG", kinds
    assert "Tejo" not in kinds, kinds


def test_a_junction_named_after_a_place_is_no_organisation() -> None:
    text = (
        "Pennine Rail Infrastructure said a power cable at Holbeck junction had failed at 7:12 a.m. "
        "Engineers restored the signals by 12:40 p.m., the company said."
    )
    record = _record(text)
    assert "Holbeck" not in [actor.name for actor in record.actors]
    restored = next(q for q in record.quotes if "restored" in q.text)
    assert restored.speaker is not None
    assert restored.speaker.name == "Pennine Rail Infrastructure"


def test_an_owned_or_numbered_product_is_no_actor_anywhere() -> None:
    text = (
        "Skyweave said its SW-Dark 1 satellite was invisible to the naked eye. Astronomers said they had "
        "followed SW-Dark 1 for three weeks. A Samsung phone was also tested."
    )
    record = _record(text)
    names = [actor.name for actor in record.actors]
    assert not any(name.startswith("SW-Dark") for name in names), names


def test_a_body_named_with_an_owner_and_a_trust_word_is_whole() -> None:
    text = (
        "The Educators' Superannuation Trust, which manages savings for 96,000 teachers, said on Thursday it "
        "had lost NZ$1.2 billion."
    )
    kinds = {actor.name: actor.kind for actor in _record(text).actors}
    assert kinds.get("Educators' Superannuation Trust") == "ORG", kinds


def test_a_council_named_after_two_places_is_one_organisation() -> None:
    text = "Brighton and Hove City Council confirmed that its officers had sent the restaurant a warning."
    kinds = {actor.name: actor.kind for actor in _record(text).actors}
    assert kinds.get("Brighton and Hove City Council") == "ORG", kinds


def test_an_abbreviated_title_before_a_name_is_its_title() -> None:
    actors = _record("State Sen. Diane Choi said she would call the commissioner to testify.").actors
    choi = next(actor for actor in actors if actor.name == "Diane Choi")
    assert choi.titles == ("State Sen.",)
