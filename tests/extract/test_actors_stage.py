"""Actors: one per referent, titles as written, affiliations, metonyms, places, unnamed sources, pronouns."""

from __future__ import annotations

import pytest

from claimtrail.models import Actor, ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _actors(text: str) -> dict[str, Actor]:
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    return {a.name: a for a in record.actors}


def test_surname_joins_the_full_name_with_title_and_affiliation() -> None:
    actors = _actors(
        "Venezuelan Foreign Minister Jorge Arreaza spoke on Monday. Arreaza said the talks would continue."
    )
    arreaza = actors["Jorge Arreaza"]
    assert [m.text for m in arreaza.mentions][:2] == ["Jorge Arreaza", "Arreaza"]
    assert arreaza.titles == ("Venezuelan Foreign Minister",)
    assert arreaza.affiliation == "Venezuela"
    assert "Arreaza" not in actors


def test_capital_acting_is_its_state_but_a_place_is_not() -> None:
    actors = _actors("Moscow accused the envoy of lying. The envoy was born in Caracas and works in London.")
    assert "Moscow" in [m.text for m in actors["Russia"].mentions]
    assert "Venezuela" not in actors
    assert "United Kingdom" not in actors


def test_country_aliases_are_one_actor() -> None:
    actors = _actors("The United States imposed sanctions. US officials said Washington would not back down.")
    mentions = [m.text for m in actors["United States"].mentions]
    assert {"The United States", "US", "Washington"} <= set(mentions)


def test_unnamed_source_is_an_actor() -> None:
    actors = _actors("Two people familiar with the matter said the deal was close to being signed.")
    unnamed = [a for a in actors.values() if a.kind == "UNNAMED"]
    assert [a.name for a in unnamed] == ["Two people familiar with the matter"]


def test_role_noun_links_to_the_organisation() -> None:
    actors = _actors(
        "The Dutch agriculture ministry confirmed two outbreaks on Friday. "
        "The ministry said eggs from the region were safe to eat."
    )
    ministry = actors["agriculture ministry"]
    assert ministry.affiliation == "Netherlands"
    assert any(m.text.lower() == "the ministry" for m in ministry.mentions)


def test_pronoun_speaker_is_a_mention_of_the_person() -> None:
    actors = _actors("Senator Paul Weir left the chamber early. He said the bill would fail.")
    assert "He" in [m.text for m in actors["Paul Weir"].mentions]


def test_words_inside_a_company_name_are_the_company() -> None:
    actors = _actors(
        "Indonesian nickel miner PT Sulawesi Bumi Mineral has postponed its smelter. Sulawesi Bumi's first "
        "smelter opened in 2021. Bayu Hartono, an analyst at Jakarta brokerage Mandala Sekuritas, said so."
    )
    assert "Sulawesi Bumi" not in actors
    mentions = {m.text for m in actors["PT Sulawesi Bumi Mineral"].mentions}
    assert {"Sulawesi Bumi's", "PT Sulawesi Bumi Mineral"} <= mentions
    assert actors["Mandala Sekuritas"].kind == "ORG"


def test_a_company_title_speaks_for_the_company_just_named() -> None:
    actors = _actors(
        "Indonesian nickel miner PT Sulawesi Bumi Mineral has postponed its smelter. The company denied the "
        'report. "Construction is on track," company secretary Rina Wulandari said.'
    )
    assert actors["Rina Wulandari"].affiliation == "PT Sulawesi Bumi Mineral"
