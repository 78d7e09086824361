"""Quotes and speakers on small articles, one phenomenon per case (text -> expected tuples)."""

from __future__ import annotations

import pytest

from claimtrail.models import ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _quotes(text: str) -> list[tuple[str, str | None, str]]:
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    return [(q.kind, q.speaker.name if q.speaker else q.source_description, q.text) for q in record.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will appeal the ruling," Maria Lopez said on Monday.',
            ("direct", "Maria Lopez", "We will appeal the ruling"),
        ),
        (
            'Maria Lopez said: "We will appeal the ruling."',
            ("direct", "Maria Lopez", "We will appeal the ruling."),
        ),
        (
            '"The plant will close in June," said Tom Baker, a union official, on Tuesday.',
            ("direct", "Tom Baker", "The plant will close in June"),
        ),
        (
            "Finance Minister Anna Berg told reporters that the budget would be balanced by 2024.",
            ("indirect", "Anna Berg", "the budget would be balanced by 2024"),
        ),
        (
            "According to Anna Berg, the budget will be balanced by 2024.",
            ("indirect", "Anna Berg", "the budget will be balanced by 2024"),
        ),
        (
            'Anna Berg called the allegation "completely false" and left the building.',
            ("mixed", "Anna Berg", 'the allegation "completely false"'),
        ),
        # the parser hangs the 'that' clause on the noun of 'in a statement', 'told a news conference'
        (
            "The Belarusian State Border Committee said in a statement that guards had beaten migrants.",
            ("indirect", "Belarusian State Border Committee", "guards had beaten migrants"),
        ),
        (
            "Amina Balogun told an online news conference that fewer than two percent had been vaccinated.",
            ("indirect", "Amina Balogun", "fewer than two percent had been vaccinated"),
        ),
        # a second verb with its own auxiliary is still reported; a bare 'and blamed' is the speaker's act
        (
            "Catrin Howells said her client was deeply ashamed and had written letters to every family.",
            (
                "indirect",
                "Catrin Howells",
                "her client was deeply ashamed and had written letters to every family",
            ),
        ),
        (
            "Rachel Dunmore said she had written to Parcelwise on Wednesday asking it to publish its data.",
            (
                "indirect",
                "Rachel Dunmore",
                "she had written to Parcelwise on Wednesday asking it to publish its data",
            ),
        ),
        (  # a label inside the reported clause, given by someone else's words, is the speaker's quote
            "Paul Okafor cast doubt on the board's account, saying pupils had described questions that "
            'matched the real paper "word for word."',
            (
                "mixed",
                "Paul Okafor",
                'pupils had described questions that matched the real paper "word for word."',
            ),
        ),
        (  # the parser reads 'that results' as a clause of its own
            "Chisale, who leads the Alliance for Democratic Renewal, told reporters in Blantyre that results "
            "sheets from Nsanje North and Chikwawa East showed 2,140 more ballots than names on the roll.",
            (
                "indirect",
                "Chisale",
                "sheets from Nsanje North and Chikwawa East showed 2,140 more ballots than names on the roll",
            ),
        ),
        (  # the writer's gloss on what was said is not part of it
            "The state auditor said that 14 bridges had missed their inspections, a finding the department "
            "immediately denied.",
            ("indirect", "The state auditor", "14 bridges had missed their inspections"),
        ),
        (  # a label given through 'as'
            'Andina Copper rejected the proposal as "unworkable" and said it would cooperate.',
            ("mixed", "Andina Copper", 'the proposal as "unworkable"'),
        ),
        (  # inside quote marks nothing is cut as the speaker's next act
            'Daniel Hoani denied it, saying every claim was "within the rules and fully declared."',
            ("mixed", "Daniel Hoani", 'every claim was "within the rules and fully declared."'),
        ),
        (  # ', blaming X' after the content is the speaker's act
            "Harbourside Bank said on Wednesday it would close 23 branches, blaming a fall in counter use.",
            ("indirect", "Harbourside Bank", "it would close 23 branches"),
        ),
        (
            "Helen Marsh told reporters that every packet had been checked and found sealed.",
            ("indirect", "Helen Marsh", "every packet had been checked and found sealed"),
        ),
        (
            "Calder Propulsion said it regretted the disruption and blamed a shortage of components.",
            ("indirect", "Calder Propulsion", "it regretted the disruption"),
        ),
        # the date after the cue is the saying's; an 'after' clause without a comma is the speaker's
        (
            "AerWest said on Tuesday it had grounded nine aircraft after a supplier failed to deliver parts.",
            (
                "indirect",
                "AerWest",
                "it had grounded nine aircraft after a supplier failed to deliver parts",
            ),
        ),
    ],
)
def test_speaker_and_span(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _quotes(text)


def test_continued_quote_keeps_the_speaker() -> None:
    text = '"We are not leaving," Maria Lopez said. "This is our home and we will stay."'
    speakers = {q[1] for q in _quotes(text) if q[0] == "direct"}
    assert speakers == {"Maria Lopez"}


def test_quote_left_open_goes_on_in_the_next_paragraph() -> None:
    text = (
        '"There was no delay," Dana Kaye said. "The numbers came back on Friday.\n\n'
        '"We have the emails to prove it."'
    )
    quotes = _quotes(text)
    assert ("direct", "Dana Kaye", "The numbers came back on Friday.") in quotes
    assert ("direct", "Dana Kaye", "We have the emails to prove it.") in quotes


def test_quoted_as_saying_is_the_quoted_persons() -> None:
    text = (
        "Finance Minister Ana Ruiz was quoted by the newspaper El Diario as saying the budget would balance."
    )
    assert ("indirect", "Ana Ruiz", "the budget would balance") in _quotes(text)


def test_pronoun_speaker_resolves_to_the_person() -> None:
    text = "Senator Paul Weir spoke after the vote. He said the bill would cut taxes for small firms."
    assert ("indirect", "Paul Weir", "the bill would cut taxes for small firms") in _quotes(text)


def test_unbalanced_quote_mark_does_not_swallow_the_article() -> None:
    text = (
        'The mayor said the "plan was final.\n\n'
        "Residents met on Tuesday. Jane Doe said the council had ignored them.\n\n"
        "The meeting ended at noon."
    )
    quotes = _quotes(text)
    assert all(len(q[2]) < 80 for q in quotes)
    assert ("indirect", "Jane Doe", "the council had ignored them") in quotes


def test_what_a_denied_report_says_is_not_the_deniers_quote() -> None:
    quotes = _quotes("The ministry denied reports that the kingdom planned to cut production in June.")
    assert not [q for q in quotes if q[2] == "the kingdom planned to cut production in June"]


@pytest.mark.parametrize(
    "text",
    [
        "He died in hospital, although the prosecution did not allege that Pritchard caused his death.",
        "The allies had been warned last week that the talks were close to failure.",
        "He did not say whether he would file a formal complaint.",
    ],
)
def test_no_one_is_said_to_have_said_it(text: str) -> None:
    assert _quotes(text) == []


def test_scare_quotes_are_not_quotes() -> None:
    assert _quotes('The so-called "peace dividend" never arrived, and prices rose again in March.') == []


def test_a_participle_cue_under_a_stance_verb_is_the_questioners() -> None:
    text = (
        "The player's agent, Tom Hale, questioned whether the sample had been stored properly, "
        "telling The Associated Press that it sat in a van for two days."
    )
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    told = next(q for q in record.quotes if q.cue == "telling")
    assert told.speaker is not None
    assert told.speaker.name == "Tom Hale", told


@pytest.mark.parametrize(
    ("text", "addressee", "audience"),
    [
        ("Anna Berg told Reuters the budget would be balanced.", "Reuters", None),
        ("Anna Berg told reporters in Oslo that the budget would be balanced.", None, "reporters"),
        ("Anna Berg told a news conference that the budget would be balanced.", None, "a news conference"),
        ("Tom Baker told the judge, who had asked twice, that he was innocent.", None, "the judge"),
        ("The mayor said to councilors that the budget was tight.", None, "councilors"),
        ("Anna Berg said the budget would be balanced.", None, None),
        ("Jane Roe told a rally outside the plant that they would not back down.", None, "a rally"),
    ],
)
def test_addressee_is_an_actor_or_the_listeners_as_written(
    text: str, addressee: str | None, audience: str | None
) -> None:
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    quote = record.quotes[0]
    assert (quote.addressee.name if quote.addressee else None, quote.audience) == (addressee, audience)


def test_told_that_clause_misparsed_as_relative_clause_is_the_content() -> None:
    text = "Tom Baker told a meeting of party members that he would run for the seat."
    assert _quotes(text) == [("indirect", "Tom Baker", "he would run for the seat")]


def test_a_pronoun_labelling_the_report_is_the_speakers_next_act_not_the_content() -> None:
    record = extract_text(
        "The company said its Montreal studio, which employs about 450 people, would remain open, and it "
        'called the report of a closure "pure speculation."',
        headline="Test",
        published="2023-09-08",
    )
    assert isinstance(record, ArticleRecord)
    texts = {q.kind: q.text for q in record.quotes}
    assert texts["indirect"] == "its Montreal studio, which employs about 450 people, would remain open"


def test_a_complement_misparsed_with_an_adjective_head_is_still_reported() -> None:
    text = (
        "The Ohio Environmental Protection Agency said air monitors along the plant's fence line recorded "
        "levels consistent with about 41 tons, and that it did not accept the company's figure."
    )
    texts = [t for _, _, t in _quotes(text)]
    assert any(t.startswith("air monitors along the plant's fence line") for t in texts), texts


def test_said_in_a_report_published_on_a_day_that_x_quotes_x() -> None:
    text = (
        "The consumer group HomeSafe Watch said in a report published on Thursday that it had linked the "
        "Cosiwarm 2000 to at least 14 fires since October 2022."
    )
    quotes = _quotes(text)
    assert any(q[2].startswith("it had linked") and q[1] == "HomeSafe Watch" for q in quotes), quotes


def test_the_medium_before_the_content_is_not_what_was_said() -> None:
    quotes = _quotes("The Industry Ministry said in a statement it had made no such request.")
    assert ("indirect", "Industry Ministry", "it had made no such request") in quotes


@pytest.mark.parametrize(
    ("text", "label_object"),
    [
        (  # the label hangs under a verb inside the object
            "Zambia's national examinations authority on Tuesday denied that a Grade 12 chemistry paper had "
            "been leaked before candidates sat it last week, dismissing images circulating on social media "
            'as "crude forgeries."',
            "images circulating",
        ),
        (  # the label hangs under another noun: the labelling verb a few words before it
            "Estonian payments start-up Kaldera Pay on Tuesday rejected a hacking group's claim that it had "
            "stolen the personal data of 3.2 million customers, calling a ransom note posted online "
            '"a crude attempt at extortion."',
            "a ransom note",
        ),
        (  # the object read into the label's own phrase
            "He said the ministry had never intended to raise more than $2.5 billion, calling the $3 billion "
            'figure "market noise."',
            "the $3 billion figure",
        ),
    ],
)
def test_a_label_the_parser_hung_elsewhere_is_a_mixed_quote(text: str, label_object: str) -> None:
    assert any(kind == "mixed" and quoted.startswith(label_object) for kind, _, quoted in _quotes(text))


def test_hitting_back_after_the_content_is_the_speakers_act() -> None:
    quotes = _quotes(
        "Portuguese club Douro FC insisted on Tuesday that striker Rui Tavares was staying, hitting back "
        "at a Spanish newspaper report that it had agreed to sell him."
    )
    assert ("indirect", "Douro FC", "striker Rui Tavares was staying") in quotes


def test_a_told_clause_read_as_a_relative_clause_is_what_was_told() -> None:
    quotes = _quotes(
        "A Ghanaian member of parliament on Wednesday denied taking a bribe from a road-building company "
        "after a prosecution witness told a court he had handed the lawmaker 250,000 cedis in cash."
    )
    assert any(
        kind == "indirect" and text == "he had handed the lawmaker 250,000 cedis in cash"
        for kind, _, text in quotes
    )


def test_words_an_accuser_is_quoted_using_are_a_mixed_quote() -> None:
    text = (
        "The organiser denied that it had redrawn the stage, after the Belgian team Lotto-Vanderbeke accused "
        'it of "tailoring the course to one man."'
    )
    assert ("mixed", "Lotto-Vanderbeke", 'it of "tailoring the course to one man."') in _quotes(text)
