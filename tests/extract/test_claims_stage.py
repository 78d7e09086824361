"""Claims and stances: denials through references, confirmations, questioning, and no false denials."""

from __future__ import annotations

import pytest

from claimtrail.models import ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _stances(text: str) -> list[tuple[str, str | None, str]]:
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    return [
        (claim.normalized, s.actor.name if s.actor else s.source_description, s.stance)
        for claim in record.claims
        for s in claim.stances
    ]


def _claim_texts(text: str) -> list[str]:
    record = extract_text(text, headline="Test", published="2023-11-07")
    assert isinstance(record, ArticleRecord)
    return [claim.text for claim in record.claims]


def test_denial_through_a_reference_reaches_the_reported_claim() -> None:
    text = (
        "The Daily Ledger reported on Friday that Acme Corp had cut 500 jobs. "
        'Acme spokeswoman Jane Roe said the report was "pure fiction."'
    )
    stances = _stances(text)
    claim = next(n for n, who, label in stances if label == "reports")
    assert (claim, "Jane Roe", "denies") in stances


def test_denied_that_attaches_to_the_earlier_claim_it_restates() -> None:
    text = (
        "Prosecutors said the company had ignored safety warnings for years. "
        "The company's lawyer, Mark Hill, denied that the company had ignored any warnings."
    )
    stances = _stances(text)
    labels = {(who, label) for _, who, label in stances}
    assert ("Mark Hill", "denies") in labels
    denied = [n for n, who, label in stances if label == "denies"]
    assert any("safety warnings" in n for n in denied)


def test_rejecting_a_plan_is_not_denying_a_claim() -> None:
    text = (
        "The government announced a plan to raise fuel taxes. "
        "Opposition leader Sam Park rejected the plan and said it would hurt farmers."
    )
    assert not any(label == "denies" for _, _, label in _stances(text))


def test_confirmation_is_asserts() -> None:
    text = (
        "Media reports suggested that the two companies were in merger talks. "
        "On Tuesday, Globex chief executive Ann Lee confirmed the reports."
    )
    assert any(who == "Ann Lee" and label == "asserts" for _, who, label in _stances(text))


def test_plain_report_has_no_denials() -> None:
    text = (
        "City officials said on Monday that the bridge would reopen in June. "
        "Mayor Tom Reed said repairs had gone faster than expected."
    )
    assert not any(label == "denies" for _, _, label in _stances(text))


def test_sources_telling_an_outlet_make_the_outlet_report_the_claim() -> None:
    text = (
        "Three people familiar with the talks told Reuters that Globex had agreed to buy its rival. "
        "Globex spokeswoman Jane Roe told reporters the company did not comment on market rumours."
    )
    stances = _stances(text)
    assert ("Globex agreed to buy its rival", "Reuters", "reports") in stances
    assert not any(who == "reporters" for _, who, _ in stances)


def test_a_place_in_the_speakers_relative_clause_is_not_the_speaker() -> None:
    text = (
        "One of the engineers, a consultant who has worked on several dams in Peru, said the spillway "
        "had been built without the required permits."
    )
    stances = _stances(text)
    assert not any(who == "Peru" for _, who, _ in stances), stances
    claim = "The spillway had been built without the required permits"
    assert (claim, "One of the engineers", "asserts") in stances


def test_the_source_of_reports_is_not_a_name_inside_their_clause() -> None:
    text = (
        "Reports that the striker Tomas Vidal had signed for a club in Madrid were dismissed by his agent "
        "on Monday as speculation."
    )
    stances = _stances(text)
    assert not any(who == "Tomas Vidal" and label == "reports" for _, who, label in stances), stances


def test_a_that_clause_hung_on_the_verb_still_belongs_to_the_report_noun() -> None:
    text = (
        "The statement follows a Bloomberg report on Tuesday that the airline had ordered 40 new jets "
        "from a European manufacturer."
    )
    stances = _stances(text)
    assert ("The airline ordered 40 new jets from a European manufacturer", "Bloomberg", "reports") in stances


def test_a_speech_verbs_that_clause_is_not_taken_by_its_object_noun() -> None:
    text = "The minister told the committee on Friday that the budget for schools would be cut by a tenth."
    stances = _stances(text)
    assert not any(label == "reports" for _, _, label in stances), stances


def test_an_unnamed_report_is_the_one_outlet_that_reports_in_the_article() -> None:
    text = (
        "The city's transport office on Monday denied a report that the tram line would close in June. "
        "The Daily Ledger reported on Saturday, citing two officials, that the operator had asked to end "
        "its contract early. An official at the operator said the contract was unchanged, "
        "dismissing the report."
    )
    stances = _stances(text)
    tram = "The tram line would close in June"
    assert (tram, "Daily Ledger", "reports") in stances, stances
    # "the report" stands for everything the Ledger reported, not only its last claim
    assert (tram, "An official at the operator", "denies") in stances, stances


def test_a_date_after_an_unnamed_source_is_not_part_of_its_description() -> None:
    text = (
        "Organisers of the 2030 Winter Games on Thursday denied media reports that the ski jumping "
        "events would be moved to Austria."
    )
    stances = _stances(text)
    holders = {who for _, who, label in stances if label == "denies"}
    assert holders == {"Organisers of the 2030 Winter Games"}, stances


def test_denied_as_a_label_a_report_that_x() -> None:
    text = (
        'On Friday, Mayor Ann Cole denied as "pure invention" a Reuters report that the city planned to '
        "sell its water utility, but council members have asked to see the accounts."
    )
    stances = _stances(text)
    claim = "The city planned to sell its water utility"
    assert (claim, "Reuters", "reports") in stances, stances
    assert (claim, "Ann Cole", "denies") in stances, stances


def test_confirming_the_noun_of_an_earlier_claims_verb_asserts_that_claim() -> None:
    text = (
        "Carmaker Velta Motors is recalling 40,000 vehicles over faulty brakes, the regulator said on "
        "Monday. Velta Motors confirmed the recall in a statement."
    )
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    cues = {(c.normalized, s.stance, s.cue) for c in record.claims for s in c.stances}
    assert any(
        n.endswith("recalling 40,000 vehicles over faulty brakes") and cue == "confirmed"
        for n, label, cue in cues
        if label == "asserts"
    ), cues


def test_the_cause_given_in_an_after_clause_is_a_claim_of_the_same_speaker() -> None:
    text = (
        "The opening of the new stadium was delayed by two weeks after inspectors found cracks in the "
        "main stand, the city council said on Friday."
    )
    stances = _stances(text)
    assert ("Inspectors found cracks in the main stand", "the city council", "asserts") in stances, stances


def test_a_denial_does_not_reach_the_after_clause() -> None:
    text = "The club denied that its coach had resigned after the players complained about the training."
    stances = _stances(text)
    assert not any(n.startswith("The players complained") for n, _, _ in stances), stances


def test_a_short_quoted_statement_is_still_a_claim() -> None:
    text = (
        "The licensing board said it would not cancel the exam.\n\n"
        '"The results will stand," board chair Teresita Villanueva said.'
    )
    assert ("The results will stand", "Teresita Villanueva", "asserts") in _stances(text)


def test_a_name_apposed_to_the_last_noun_of_a_denied_clause_belongs_to_the_claim() -> None:
    text = (
        "Streaming service Lumenflix on Tuesday denied a report that it would cancel its most-watched "
        'drama, The Harrow Line, after the show\'s fourth season, calling the story "pure fiction."'
    )
    texts = _claim_texts(text)
    assert any(t.endswith("The Harrow Line, after the show's fourth season") for t in texts), texts


def test_a_speakers_name_after_the_clause_is_not_apposed_to_it() -> None:
    text = (
        "The company denied a report that it had cut 300 jobs, John Smith, the union's leader, said on "
        "Monday."
    )
    assert not any("John Smith" in t and "300 jobs" in t for t in _claim_texts(text))
