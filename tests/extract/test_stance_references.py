"""Stances reached through references and restatements: what a position covers and what it must not."""

from __future__ import annotations

import pytest

from claimtrail.models import ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _stances(text: str) -> set[tuple[str, str | None, str]]:
    """(claim as written, holder, label) for every stance of the record."""
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    return {
        (claim.text, s.actor.name if s.actor else s.source_description, s.stance)
        for claim in record.claims
        for s in claim.stances
    }


def _holders(stances: set[tuple[str, str | None, str]], words: str, label: str) -> set[str | None]:
    return {who for text, who, lab in stances if words in text and lab == label}


@pytest.mark.parametrize(
    ("text", "claim_words", "holder"),
    [
        (
            "Lawyers for the families accused the company of destroying emails about the supports. "
            'The company\'s attorney, Mark Trudeau, called that allegation "completely false."',
            "destroying emails",
            "Mark Trudeau",
        ),
        (
            "The Daily Ledger reported on Friday that Acme Corp had cut 500 jobs. "
            '"The claim that Acme cut jobs is simply not true," Acme spokeswoman Jane Roe said.',
            "cut 500 jobs",
            "Jane Roe",
        ),
        (
            "Washington accused Helix Semiconductor of routing orders through shell firms. "
            'Helix said in a filing that the accusations were "not consistent with the facts."',
            "routing orders",
            "Helix Semiconductor",  # "Helix" is its short name
        ),
    ],
)
def test_predicates_deny_what_the_reference_stands_for(text: str, claim_words: str, holder: str) -> None:
    assert holder in _holders(_stances(text), claim_words, "denies")


def test_a_position_does_not_swallow_the_rest_of_the_quote() -> None:
    text = (
        "Opposition candidate Emeka Nwosu claims that ballots had been stuffed in 40 polling units. "
        'Commission spokesman Festus Okon said the claims were "baseless" and that the videos circulating '
        "online had been recorded during a previous election."
    )
    assert "Festus Okon" in _holders(_stances(text), "recorded during a previous election", "asserts")


def test_the_report_covers_everything_its_reporter_said() -> None:
    text = (
        "Italian newspaper La Voce reported on Tuesday that the committee had held talks with officials in "
        "Inzell. The paper said construction of the Turin oval was eight months behind schedule.\n\n"
        '"The report is simply wrong," committee chief executive Marco Bellini told AFP.'
    )
    stances = _stances(text)
    assert "Marco Bellini" in _holders(stances, "held talks", "denies")
    assert "Marco Bellini" in _holders(stances, "behind schedule", "denies")


def test_plural_reference_takes_the_claims_its_source_made_the_same_way() -> None:
    text = (
        "China on Thursday rejected a U.S. accusation that Chinese companies used front firms in Taiwan "
        "to buy chipmaking equipment.\n\n"
        "On Tuesday, Washington accused three Chinese companies of routing orders worth $300 million through "
        "shell firms.\n\n"
        'Suzhou Xinhe Semiconductor said that the accusations were "groundless."'
    )
    stances = _stances(text)
    assert "Suzhou Xinhe Semiconductor" in _holders(stances, "front firms", "denies")
    assert "Suzhou Xinhe Semiconductor" in _holders(stances, "routing orders", "denies")


def test_both_reports_are_the_last_two_sources() -> None:
    text = (
        "The Copenhagen Ledger reported on Saturday that Halvard would close its Odense brewery next year. "
        "The Nordic Business Times reported on Sunday that the group would cut 400 jobs in Denmark.\n\n"
        "Chief executive Anna Holm denied both reports."
    )
    stances = _stances(text)
    assert "Anna Holm" in _holders(stances, "close its Odense brewery", "denies")
    assert "Anna Holm" in _holders(stances, "cut 400 jobs", "denies")


def test_a_denial_covers_the_sources_supporting_claims_but_not_its_plans() -> None:
    text = (
        "Nigeria's electoral commission on Tuesday rejected claims by opposition candidate Emeka Nwosu that "
        "ballots had been stuffed in at least 40 polling units.\n\n"
        "Nwosu told supporters on Sunday that his agents had filmed party officials carrying ballot boxes "
        "into a private house. He said he would challenge the result in court."
    )
    stances = _stances(text)
    assert "electoral commission" in _holders(stances, "agents had filmed", "denies")
    assert not _holders(stances, "challenge the result", "denies")


def test_a_source_cited_before_that_asserts_the_reported_claim() -> None:
    text = (
        "The Frankfurter Tagespost reported on Tuesday, citing two people familiar with the matter, that the "
        "European Commission had quietly dropped the plan."
    )
    stances = _stances(text)
    assert "two people familiar with the matter" in _holders(stances, "dropped the plan", "asserts")


def test_standing_by_a_report_asserts_it() -> None:
    """The report gains the paper's assertion; 'it stood by its reporting' is the paper's own statement."""
    text = (
        "The Puget Sound Tribune reported that the founder had used investor money to pay for a private jet. "
        "The founder sued. The Puget Sound Tribune said it stood by its reporting."
    )
    stances = _stances(text)
    assert "Puget Sound Tribune" in _holders(stances, "investor money", "asserts")
    assert _holders(stances, "stood by its reporting", "asserts") == {"Puget Sound Tribune"}


@pytest.mark.parametrize(
    ("text", "claim_words", "denier"),
    [
        (
            "Several newspapers reported that talks to avert a rail strike collapsed last night. "
            '"Talks have not collapsed. They are continuing," a government spokesman said.',
            "collapsed last night",
            "a government spokesman",
        ),
        (
            "Union president Dolores Harlow accused NorthPost of secretly planning to hand rural deliveries "
            'to private contractors. NorthPost spokesman Gabriel Roy said there was "no plan" to hand rural '
            "deliveries to contractors.",
            "secretly planning",
            "Gabriel Roy",
        ),
        (
            "The Capitol Ledger reported that the department had stopped work on the rule. A department "
            'spokeswoman, Priya Castellano, said the agency had "never paused" its work on the rule.',
            "stopped work",
            "Priya Castellano",
        ),
        (
            "Fjordposten reported that the operator had skipped lifeboat inspections on three ferries. "
            '"We did not miss a single inspection," chief executive Tor Eikeland said.',
            "skipped lifeboat inspections",
            "Tor Eikeland",
        ),
    ],
)
def test_a_negated_restatement_denies(text: str, claim_words: str, denier: str) -> None:
    assert denier in _holders(_stances(text), claim_words, "denies")


@pytest.mark.parametrize(
    "text",
    [
        "SeatStream confirmed that hackers had stolen names and partial card numbers of some customers. "
        '"No full card numbers or passwords were taken," chief executive Dana Whitfield said.',
        "Halvard said it was neither in merger talks nor planning to close any brewery. "
        '"We are not in talks with any brewer about a merger," chief executive Anna Holm said.',
    ],
)
def test_a_negation_that_agrees_or_answers_another_word_denies_nothing(text: str) -> None:
    assert not any(label == "denies" for _, _, label in _stances(text))


@pytest.mark.parametrize(
    ("text", "claim_words", "holder"),
    [
        (
            "A study found that snow is melting earlier. Some hydrologists cast doubt on how far the "
            "findings can be applied to lower-elevation basins.",
            "applied to lower-elevation basins",
            "Some hydrologists",
        ),
        (
            "The Transition Monitoring Group said voting was largely orderly but questioned the 61% turnout "
            "reported in two districts.",
            "61% turnout",
            "Transition Monitoring Group",
        ),
        (
            "Poultry farmers' association NOP questioned whether culling healthy birds on neighbouring farms "
            "was necessary.",
            "culling healthy birds",
            "NOP",
        ),
        (
            "The ministry said exports would rise. It was unclear whether the forecast took account of grain "
            "damaged by rain, the Grain Union said.",
            "took account of grain",
            "Grain Union",
        ),
        (
            "The regulator approved the merger. It remains unclear whether the board saw the full valuation "
            "before voting, shareholder group Aktiva said.",
            "saw the full valuation",
            "Aktiva",
        ),
        (
            "Astronomers said on Tuesday they had detected signs of water vapor in the atmosphere of a rocky "
            "planet, a finding that other scientists said needed confirmation.",
            "signs of water vapor",
            "other scientists",
        ),
    ],
)
def test_doubt_is_questions(text: str, claim_words: str, holder: str) -> None:
    stances = _stances(text)
    assert holder in _holders(stances, claim_words, "questions")
    assert not any(label == "denies" for _, _, label in stances)


def test_a_lawyer_denying_for_a_client_and_the_client_both_deny() -> None:
    text = (
        "Federal prosecutors say Richard Sloane, 58, steered contracts worth $40 million to Northeast "
        "Surgical Supply in exchange for payments routed through a consulting firm.\n\n"
        'Sloane\'s lawyer, Beth Kaminski, said outside the courthouse that her client "categorically denies" '
        "the allegations."
    )
    holders = _holders(_stances(text), "steered contracts", "denies")
    assert {"Richard Sloane", "Beth Kaminski"} <= holders


@pytest.mark.parametrize(
    ("text", "claim_words", "speaker"),
    [
        (
            "Members of the Canadian Parcel Workers Union voted to strike. Union president Dolores Harlow "
            "spoke at a rally. The union says its members have worked without a contract for 14 months.",
            "without a contract",
            "Canadian Parcel Workers Union",
        ),
        (
            "The FDA said the impurity, known as NDMA, was found in 32 lots. Calder Pharma confirmed the "
            "recall in a statement. The company said no illnesses had been reported.",
            "no illnesses",
            "Calder Pharma",
        ),
        (
            "London accused Russia of a cyberattack. The Russian embassy in London said that Britain had "
            "provided no evidence.",
            "provided no evidence",
            "Russian embassy in London",
        ),
    ],
)
def test_role_nouns_name_the_right_body(text: str, claim_words: str, speaker: str) -> None:
    assert speaker in _holders(_stances(text), claim_words, "asserts")


def test_the_ledes_unnamed_person_is_the_one_named_with_an_age_next() -> None:
    text = (
        "A former chief financial officer of St. Brendan's Medical Center pleaded not guilty on Thursday to "
        "charges that he took $2.3 million in kickbacks from a medical supply company over six years.\n\n"
        "Federal prosecutors say Richard Sloane, 58, steered contracts worth $40 million to Northeast "
        "Surgical Supply in exchange for payments routed through a consulting firm."
    )
    assert _holders(_stances(text), "took $2.3 million", "denies") == {"Richard Sloane"}


@pytest.mark.parametrize(
    ("text", "claim_words", "outlet"),
    [
        (
            "Orion Motors plans to build a $2 billion battery plant in Ohio, the company said on Monday, "
            "confirming a plan first reported by Reuters last month.",
            "build a $2 billion battery plant",
            "Reuters",
        ),
        (
            "The ministry said it had asked exporters to limit wheat shipments. The ministry's comments "
            "confirmed the guidance, which was first reported by Bloomberg on Tuesday.",
            "limit wheat shipments",
            "Bloomberg",
        ),
    ],
)
def test_first_reported_by_reports(text: str, claim_words: str, outlet: str) -> None:
    assert outlet in _holders(_stances(text), claim_words, "reports")


def test_a_ledes_denial_of_reports_reaches_the_reports_told_next() -> None:
    text = (
        "Halvard Group on Monday denied two press reports about its Danish plants.\n\n"
        "The Copenhagen Ledger reported on Saturday that Halvard would close its Odense brewery next year. "
        "The Nordic Business Times reported that the group would cut 400 jobs in Denmark."
    )
    stances = _stances(text)
    assert "Halvard Group" in _holders(stances, "close its Odense brewery", "denies")
    assert "Halvard Group" in _holders(stances, "cut 400 jobs", "denies")


def test_when_asked_about_reports_names_what_the_quote_denies() -> None:
    text = (
        '"No, there have been no such requests," Peskov said, when asked to comment on media reports that '
        "Maduro had asked Putin for military aid."
    )
    assert "Peskov" in _holders(_stances(text), "asked Putin", "denies")


def test_not_clear_whether_in_a_direct_quote_questions() -> None:
    text = (
        '"It is not clear whether the company is planning redundancies or only a reorganisation," union '
        "official Franca Moretti said."
    )
    assert "Franca Moretti" in _holders(_stances(text), "planning redundancies", "questions")


def test_the_credited_outlet_reports_what_only_its_unnamed_sources_assert() -> None:
    text = (
        "MOSCOW, Jan. 29, 2019 (Bloomberg) - Russia's government has asked the biggest grain exporters to "
        "keep wheat shipments below 3 million tons a month, according to three people familiar with the "
        "matter.\n\n"
        "Agriculture Minister Dmitry Patrushev said the harvest would be smaller this year."
    )
    stances = _stances(text)
    assert "Bloomberg" in _holders(stances, "wheat shipments", "reports")
    assert not _holders(stances, "harvest would be smaller", "reports")


def test_questioning_a_count_questions_the_claim_that_gave_it() -> None:
    text = (
        "SeatStream said the intruders had access to one database and that it had notified about 1.2 million "
        "users. Security researcher Owen Patel questioned whether the company's count was complete."
    )
    assert "Owen Patel" in _holders(_stances(text), "1.2 million users", "questions")


def test_claims_circulating_on_social_media_are_asserted_by_social_media() -> None:
    text = (
        "The ministry rejected claims circulating on social media that eggs from the region were unsafe to "
        'eat, calling them "not true."'
    )
    stances = _stances(text)
    assert "social media" in _holders(stances, "unsafe to eat", "asserts")
    assert "ministry" in " ".join(str(h) for h in _holders(stances, "unsafe to eat", "denies"))


def test_a_confirmed_fact_keeps_where_it_happened() -> None:
    text = (
        "The Dutch agriculture ministry on Friday confirmed outbreaks of H5N1 bird flu at two poultry farms "
        "in Gelderland province and ordered the culling of about 190,000 chickens."
    )
    assert any("at two poultry farms" in claim for claim, _, _ in _stances(text))


def test_an_unnamed_allegation_denied_is_the_one_about_the_denier() -> None:
    text = (
        "Drugmaker Norvane hid test failures at its Leeds plant from regulators for two years, four former "
        "employees said.\n\n"
        "Two of them said a quality audit had recommended in 2022 that the plant be closed.\n\n"
        "Norvane denied the allegation."
    )
    stances = _stances(text)
    assert "Norvane" in _holders(stances, "hid test failures", "denies")
    assert not _holders(stances, "quality audit", "denies")


def test_a_blog_that_first_reported_is_named_by_its_later_apposition() -> None:
    text = (
        "Ticket seller Gatewise confirmed on Monday that hackers had stolen the card numbers of some "
        "customers, two days after a security blog first reported the breach.\n\n"
        "The blog, LeakWatch, said the data was on sale on a criminal forum."
    )
    assert "LeakWatch" in _holders(_stances(text), "hackers had stolen", "reports")


def test_an_unknown_owners_operator_is_an_unnamed_source() -> None:
    text = (
        "London accused Moscow of a cyberattack on the port of Felixstowe. The Russian embassy said the "
        "claims were invented.\n\n"
        "The port's operator said no data about shipments had been lost."
    )
    assert _holders(_stances(text), "no data about shipments", "asserts") == {"The port's operator"}


def test_the_kremlin_is_the_kremlin() -> None:
    text = (
        "Reuters reported on Friday that 400 contractors had flown to Caracas. "
        "The Kremlin has denied that report."
    )
    assert _holders(_stances(text), "400 contractors", "denies") == {"Kremlin"}


def test_a_relative_clause_after_a_report_is_no_claim() -> None:
    text = (
        "Mining Minister Carolina Vidal said Wednesday that the government wants the state to hold a "
        "majority stake, confirming the thrust of a news report that the Canadian company dismissed as "
        "speculation."
    )
    assert not any(claim.startswith("the Canadian company dismissed") for claim, _, _ in _stances(text))


def test_who_speaks_for_a_denier_in_the_next_sentence_denies_with_it() -> None:
    text = (
        "Nickel miner PT Sulawesi Bumi Mineral has postponed its second smelter, two people familiar with "
        'the matter told Reuters.\n\nThe company denied the report. "Construction is on track," company '
        "secretary Rina Wulandari said in a text message."
    )
    assert "Rina Wulandari" in _holders(_stances(text), "postponed its second smelter", "denies")


def test_a_denial_told_of_others_inside_a_quote_is_not_the_speakers() -> None:
    text = (
        'Founder Miguel Sarmento called a report that Rotavia sold users\' location data "fiction." On '
        "Monday Rotavia admitted it had passed some data to a partner. Ponto Cego's editor, Sofia Teixeira, "
        "said "
        'the statement confirmed the heart of the report. "On Thursday they called it fiction. Today they '
        'admit part of it," she said.'
    )
    assert "Sofia Teixeira" not in _holders(_stances(text), "location data", "denies")


def test_a_denied_report_does_not_take_down_the_news_the_denier_confirmed() -> None:
    text = (
        "Bank of Zambia Governor Mwila Chanda on Monday confirmed that the central bank had sold dollars to "
        "commercial banks last week, but denied a report that it was preparing an emergency interest rate "
        "increase.\n\nBusiness weekly Lusaka Ledger reported on Friday that the bank had sold about $150 "
        "million to lenders over three days. It also said the monetary policy committee would hold an "
        "unscheduled meeting this week to raise the policy rate."
    )
    stances = _stances(text)
    assert _holders(stances, "emergency interest rate", "denies")
    assert not _holders(stances, "$150 million", "denies")


def test_an_editor_saying_the_paper_stands_by_its_story_asserts_it_too() -> None:
    text = (
        "The Daily Ledger reported on Friday that the bank had sold about $150 million to lenders. The bank "
        "denied the report.\n\nThe Ledger's editor, Joseph Banda, said the paper stood by its reporting."
    )
    assert {"Daily Ledger", "Joseph Banda"} <= _holders(_stances(text), "$150 million", "asserts")


FEDERATION = (
    "The Kenya Basketball Federation on Thursday rejected a newspaper report that it had decided to sack "
    'national team coach Peter Kamau before the continental qualifiers, dismissing the story as "pure '
    'fantasy."\n\nKenyan newspaper Mwangaza reported on Sunday that the board had voted at a '
    "closed-door meeting on March 29 to replace Kamau with Spanish coach Javier Ortega, citing two board "
    "members. The paper also said the federation had already offered Ortega a contract running until "
    "2025.\n\n"
)


def test_no_truth_in_it_denies_the_report_answered() -> None:
    text = FEDERATION + (
        '"There is no truth in it. No such vote took place, and the board has not met since February," '
        "federation president Ruth Achieng told Eastland Wire."
    )
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    cues = {
        s.cue
        for c in record.claims
        if "voted at a closed-door meeting" in c.text
        for s in c.stances
        if s.stance == "denies" and s.actor is not None and s.actor.name == "Ruth Achieng"
    }
    assert "no truth" in cues


def test_no_act_was_made_denies_the_claim_that_tells_of_that_act() -> None:
    text = FEDERATION + (
        "Ortega's agent, Luis Prieto, said no offer had been made. He said no request for a transfer fee "
        "had been made either."
    )
    stances = _stances(text)
    assert "Luis Prieto" in _holders(stances, "offered Ortega a contract", "denies")
    assert "Luis Prieto" not in _holders(stances, "voted at a closed-door meeting", "denies")


def test_no_such_event_denies_the_claims_that_tell_of_it() -> None:
    text = (
        "The gossip account NashvilleTea posted that executives at Bluebonnet Records had told Dunmore at a "
        "meeting last week that the label would not renew her contract. Entertainment website StageSide "
        "reported that her tour was in doubt.\n\nDunmore's manager, Kelsey Brandt, told reporters that no "
        "such meeting had taken place."
    )
    stances = _stances(text)
    assert "Kelsey Brandt" in _holders(stances, "told Dunmore at a meeting", "denies")
    assert "Kelsey Brandt" not in _holders(stances, "tour was in doubt", "denies")


def test_confidence_in_its_sources_stands_by_the_story() -> None:
    text = (
        "The Harbour Ledger reported on Monday that the cooperative had bought 40,000 litres of Spanish "
        "wine. The cooperative denied it.\n\nThe newspaper's editor, Paul Dufau, said the paper had \"every "
        'confidence" in its sources.'
    )
    assert "Harbour Ledger" in _holders(_stances(text), "40,000 litres", "asserts")


def test_never_considering_an_act_denies_the_claim_of_that_act() -> None:
    text = (
        "Video game publisher Lumen Forge is preparing to cut jobs and shut its Montreal studio by December, "
        'two people familiar with the matter said.\n\n"We have never considered closing the Montreal '
        'studio," the company said in a statement.'
    )
    assert "Lumen Forge" in _holders(_stances(text), "shut its Montreal studio", "denies")


def test_each_joined_subject_denies() -> None:
    text = (
        "The Daily Ledger reported that the club had sold its stadium. Acme Holdings and its chairman, Tom "
        "Reed, denied the report on Friday."
    )
    assert {"Acme Holdings", "Tom Reed"} <= _holders(_stances(text), "sold its stadium", "denies")


def test_each_name_in_a_plural_subjects_apposition_denies() -> None:
    text = (
        "Italian lenders Banca Arnese and Credito Ligure Unito on Wednesday denied a newspaper report that "
        "they were in advanced talks to combine."
    )
    assert {"Banca Arnese", "Credito Ligure Unito"} <= _holders(_stances(text), "advanced talks", "denies")


def test_a_confirmation_restating_a_report_asserts_it() -> None:
    text = (
        "Fjordposten reported on Monday that the company had skipped mandatory lifeboat inspections on three "
        "of its vessels.\n\nThe Coastal Safety Directorate confirmed that the lifeboat inspections on the "
        "three ferries were overdue."
    )
    assert "Coastal Safety Directorate" in _holders(_stances(text), "skipped mandatory", "asserts")


def test_the_newspaper_is_not_a_newspaper_report() -> None:
    text = (
        "BERGEN (Fjordposten / Nordvik Wire - 16th June, 2021) Ferry operator Vestkyst Ferjer on Wednesday "
        "rejected a newspaper report that it had skipped lifeboat inspections.\n\nFjordposten reported on "
        "Monday that the company had not inspected the lifeboats since April.\n\nFjordposten's news "
        "editor, Kari Mjelde, said the newspaper stood by its reporting."
    )
    record = extract_text("Ferry operator rejects report\n\n" + text)
    assert isinstance(record, ArticleRecord)
    holders = {
        s.actor.name
        for c in record.claims
        for s in c.stances
        if s.stance == "asserts" and s.actor is not None
    }
    assert {"Fjordposten", "Kari Mjelde"} <= holders


def test_no_decision_taken_denies_that_it_was_decided() -> None:
    text = FEDERATION + (
        "A board member who spoke on condition of anonymity insisted that no decision had been taken."
    )
    assert "A board member" in _holders(_stances(text), "decided to sack", "denies")


def test_no_truth_in_it_opening_a_paragraph_answers_the_story_just_told() -> None:
    text = (
        "Country singer Lacey Dunmore on Friday dismissed online rumours that her tour would be cancelled."
        "\n\nThe rumours began on Tuesday, when the gossip account NashvilleTea posted that executives at "
        "Bluebonnet Records had told Dunmore at a meeting last week that the label would not renew her "
        'contract.\n\n"There is no truth in it. Lacey is part of the Bluebonnet family," label president '
        "Warren Haskett said in a statement."
    )
    stances = _stances(text)
    assert "Warren Haskett" in _holders(stances, "executives at Bluebonnet", "denies")
    assert "Warren Haskett" not in _holders(stances, "tour would be cancelled", "denies")


def test_a_counting_error_label_denies_the_figures() -> None:
    text = (
        "The Nuuk newspaper Kalaallit Post reported on Tuesday that Canadian vessels had landed about 2,300 "
        "tonnes above their share in 2020.\n\nFisheries Minister Bernadette Coady called the Greenlandic "
        'numbers "a basic counting error" that mixed up two separate stocks.'
    )
    assert "Bernadette Coady" in _holders(_stances(text), "2,300 tonnes", "denies")


POLL = (
    "The Kowalczyk campaign on Wednesday denied that its internal polling showed the Democratic candidate "
    "trailing Gary Lindqvist by nine points, calling a newspaper's account of the survey \"a work of "
    'fiction."\n\n'
)


def test_a_body_named_after_a_person_denies_and_calls_what_it_denies() -> None:
    """'The Kowalczyk campaign' is the campaign, and the participle hung on the reported clause is its act."""
    stances = _stances(POLL)
    assert _holders(stances, "internal polling", "denies") == {"Kowalczyk campaign"}


def test_a_no_subject_of_another_kind_does_not_deny() -> None:
    """'no public survey had shown either candidate ahead' speaks of other surveys than 'its polling'."""
    text = POLL + (
        "Nora Sandvik, an independent pollster, questioned whether a nine-point gap was plausible, noting "
        "that no public survey had shown either candidate ahead by more than four points since June."
    )
    assert "Nora Sandvik" not in _holders(_stances(text), "internal polling", "denies")


BRIBE = (
    "A Ghanaian member of parliament on Wednesday denied taking a bribe from a road-building company after "
    "a prosecution witness told a court he had handed the lawmaker 250,000 cedis in cash.\n\n"
    "Emmanuel Asare, a former finance manager at Kwabena Roads Ltd, testified on Tuesday that he delivered "
    "the money to Kofi Boateng, the MP for Akwadum West, in a hotel car park in Kumasi.\n\n"
)


def test_a_lede_member_of_parliament_is_the_mp_named_later() -> None:
    assert _holders(_stances(BRIBE), "taking a bribe", "denies") == {"Kofi Boateng"}


def test_a_denial_only_suggested_questions() -> None:
    text = BRIBE + (
        "Defence lawyer Adwoa Mensah questioned whether the payment had ever taken place, suggesting Asare "
        "had invented it to win a lighter sentence."
    )
    stances = _stances(text)
    assert "Adwoa Mensah" not in {who for _, who, label in stances if label == "denies"}


def test_doubting_figures_questions_what_they_show_and_a_lede_leader_is_named_later() -> None:
    text = (
        "Ghana's main opposition leader on Thursday questioned official figures showing unemployment had "
        "fallen to its lowest level in six years.\n\nThe statistics service published the figures on "
        "Wednesday.\n\nYaw Darko-Mensah, who leads the opposition National Democratic Alliance, cast doubt "
        "on the data."
    )
    assert _holders(_stances(text), "unemployment had fallen", "questions") == {"Yaw Darko-Mensah"}


def test_dismissing_someones_account_makes_no_claim_of_the_word_account() -> None:
    text = (
        "Prosecutors say Pryce diverted donations into a dormant account in his late mother's name.\n\n"
        "Nadia Okafor, who represents Pryce, dismissed the Crown's account as \"a story stitched together "
        'after the fact."'
    )
    record = extract_text(text, headline="Test", published="2023-03-07")
    assert isinstance(record, ArticleRecord)
    assert not any(c.text.startswith("the Crown's account") for c in record.claims)


COURIERS = (
    "Delivery firm Parcelwise on Thursday rejected accusations by a drivers' union that it had quietly cut "
    'the rate it pays couriers for each parcel, describing the claims as "misleading and wrong."\n\n'
    "The Couriers and Logistics Workers Union said on Tuesday that drivers had seen their pay fall since "
    "June. About 60 drivers protested outside the company's Trafford Park depot on Monday, the union said."
    "\n\nParcelwise's operations director, Gareth Lloyd, said the company had changed the way deliveries "
    "were grouped into routes in June but had not touched the per-parcel rate.\n\n"
    '"Most drivers are taking home more than they did before the change," Lloyd told the Northern Ledger.'
    "\n\nAmara Osei, the union's organiser for the north-west, dismissed Lloyd's assertion that most "
    'drivers were earning more as "simply not true." She said some drivers were earning below the minimum '
    "wage.\n\nThe company said it would hold a meeting with drivers at the depot next Wednesday."
)


def test_dismissing_one_assertion_later_in_the_story_denies_that_assertion_only() -> None:
    stances = _stances(COURIERS)
    assert _holders(stances, "earning more", "denies") == {"Amara Osei"}
    assert "Amara Osei" not in _holders(stances, "grouped into routes", "denies")


def test_a_name_opening_a_paragraph_with_its_role_and_a_site_name_are_read_right() -> None:
    """'Amara Osei, the union's organiser,' (no entity found) is a person 'She' can stand for; 'the
    company's Trafford Park depot' names a place, not the company."""
    record = extract_text(COURIERS, headline="Test", published="2023-08-03")
    assert isinstance(record, ArticleRecord)
    speakers = {q.text: q.speaker.name if q.speaker else None for q in record.quotes}
    assert speakers.get("some drivers were earning below the minimum wage") == "Amara Osei"
    assert speakers.get("it would hold a meeting with drivers at the depot next Wednesday") != "Trafford Park"


def test_denying_the_wrong_does_not_deny_that_an_inquiry_began() -> None:
    text = (
        "The Rhine Institute for Molecular Medicine said on Friday it had opened a misconduct inquiry into "
        "one of its cancer laboratories, confirming a report published last week by the science magazine "
        "Scientia Weekly.\n\nScientia Weekly reported on May 2 that the institute had quietly begun "
        "investigating suspected image manipulation in at least four papers from the laboratory of "
        "oncologist Dieter Lahnstein. Citing two specialists, the magazine said western blot images in "
        "papers published between 2019 and 2023 had been duplicated and altered.\n\nLahnstein, who has led "
        "the laboratory since 2016, has denied any wrongdoing. His lawyer, Katrin Vogel, said on Thursday "
        'that her client had "never altered a single image" and would cooperate fully with the panel.'
    )
    stances = _stances(text)
    assert not _holders(stances, "investigating suspected image manipulation", "denies")


def test_allegations_by_a_group_that_x_carry_x_when_the_parser_hung_it_on_the_group() -> None:
    text = (
        "Kyrgyzstan's Interior Ministry spokesman on Tuesday dismissed allegations by a rights group that "
        "police had detained more than 80 ethnic Uzbek men in the southern city of Osh without charge, "
        'calling the report "slanderous."'
    )
    stances = _stances(text)
    assert any(text.startswith("police had detained") for text, _, label in stances if label == "denies")


def test_what_a_spokesperson_speaks_for_is_an_organisation() -> None:
    """'a spokeswoman for Kaldera Pay' (NER: a person) is the company, so 'the group, which calls itself
    NightLedger,' is still the hackers, not the company."""
    text = (
        "A hacking group said on Sunday that it had stolen the personal data of Kaldera Pay customers. The "
        "group, which calls itself NightLedger, said it had copied card details.\n\nThe claim was false, "
        "said Liis Tamm, a spokeswoman for Kaldera Pay."
    )
    record = extract_text(text, headline="Test", published="2023-11-14")
    assert isinstance(record, ArticleRecord)
    kinds = {a.name: a.kind for a in record.actors}
    assert kinds.get("Kaldera Pay") == "ORG"
    speakers = {q.text: q.speaker.name if q.speaker else None for q in record.quotes}
    assert speakers.get("it had copied card details") == "NightLedger"


def test_there_was_no_leak_denies_a_claim_about_a_leak() -> None:
    text = (
        "The Guiana Courrier reported on Tuesday that a hydrogen leak had forced the agency to scrub the "
        'maiden launch of its rocket.\n\n"There was no leak. Not on Friday, not at any point in the '
        'countdown," said Helene Marchetti, a spokeswoman for the agency.'
    )
    assert "Helene Marchetti" in _holders(_stances(text), "hydrogen leak", "denies")


def test_dismissing_a_describeds_account_as_speculation_denies_only_that_account() -> None:
    text = (
        "The family of a man shot dead by a police officer disputed the department's account on Monday, "
        "saying he was holding a cellphone when the officer opened fire.\n\n"
        "The police department said in a statement that the officer fired after the man turned toward "
        "officers with what appeared to be a handgun.\n\n"
        "Gary Lund, president of the officers' association, dismissed the family's account as "
        '"speculation from people who were not there."'
    )
    stances = _stances(text)
    assert _holders(stances, "holding a cellphone", "denies") == {"Gary Lund"}
    assert "Gary Lund" not in _holders(stances, "fired after the man turned", "denies")


def test_a_short_denied_clause_restates_no_earlier_claim_it_shares_one_word_with() -> None:
    text = (
        "A police spokeswoman said officers had recovered a pistol from the floor of the car.\n\n"
        'Renee Castillo rejected any suggestion that the pistol was Hayes\'s, calling it "convenient."'
    )
    stances = _stances(text)
    assert "Renee Castillo" in _holders(stances, "pistol was Hayes", "denies")
    assert "Renee Castillo" not in _holders(stances, "recovered a pistol", "denies")


def test_rejected_that_answers_the_sentence_just_before() -> None:
    text = (
        "The Kenya Secondary Teachers' Union (KSTU) said more than 80 percent of schools had been shut. "
        "The commission disputed the union's figure, saying its directors had reported that two thirds of "
        "schools were open.\n\n"
        "Education Secretary Peter Kamau said the strike was illegal because the union had not given the "
        "required notice. KSTU rejected that, saying it had served notice on Sept. 18."
    )
    stances = _stances(text)
    assert "Kenya Secondary Teachers' Union" in _holders(stances, "strike was illegal", "denies")
    assert not _holders(stances, "80 percent of schools", "denies")


def test_a_possessed_claim_about_something_is_only_among_the_possessors_claims() -> None:
    text = (
        "The union accused the government of failing to honour a salary deal. The commission said the "
        "first phase of the increase had been included in July salaries.\n\n"
        "Union leader Joseph Otieno dismissed the commission's claim about July salaries as \"a public "
        'relations exercise."'
    )
    stances = _stances(text)
    assert _holders(stances, "included in July salaries", "denies") == {"Joseph Otieno"}
    assert not _holders(stances, "honour a salary deal", "denies")


def test_the_firm_in_its_founders_words_stands_by_every_number_in_its_report() -> None:
    text = (
        "Nordhavn Exchange Group on Tuesday rejected allegations by U.S. short seller Greyline Research that "
        "trading on its market for small companies had been inflated by fake volumes.\n\n"
        "Greyline said in a report published on Monday that the exchange paid fee rebates that encouraged "
        "the practice.\n\nThe short seller, which disclosed a bet against Nordhavn's shares, also alleged "
        "that the exchange's clearing arm held less collateral than it reported to investors.\n\n"
        'Greyline founder Carter Vance said the firm stood by "every number in the report" and would '
        "publish trade-level data next week."
    )
    stances = _stances(text)
    assert "Carter Vance" in _holders(stances, "held less collateral", "asserts")


def test_questioning_a_stated_figure_questions_the_claim_that_gave_it() -> None:
    text = (
        "Greyline said in a statement that 30% of trading on the exchange's growth segment was fake.\n\n"
        "Sofie Brandt, an analyst at Kattegat Securities, questioned Greyline's 30% estimate, saying the "
        "firm had counted ordinary market-making."
    )
    assert "Sofie Brandt" in _holders(_stances(text), "of trading on the exchange", "questions")


def test_nobody_calling_a_figure_false_denies_nothing() -> None:
    text = (
        "The nurses' union said on Tuesday that patients waited an average of nine hours. The hospital "
        'called the figures "simply false." "Nobody who works those shifts would call that number '
        'false," said Dr. Samuel Okafor, an emergency physician.'
    )
    stances = _stances(text)
    assert "hospital" in str(_holders(stances, "nine hours", "denies"))
    assert "Samuel Okafor" not in _holders(stances, "nine hours", "denies")


def test_not_what_happened_denies_what_it_points_to() -> None:
    text = (
        "Humberside Water on Tuesday denied that it had waited four days before warning customers about "
        "the parasite.\n\nThe Yorkshire Evening Ledger reported on Monday that managers had delayed the "
        'warning for four days.\n\n"That is simply not what happened," chief executive Alan Pritchard told '
        "Radio Humber."
    )
    assert "Alan Pritchard" in _holders(_stances(text), "waited four days", "denies")


def test_that_never_happened_after_a_bare_denial_denies_the_same() -> None:
    text = (
        "Humberside Water on Tuesday denied that it had waited four days before warning customers about "
        'the parasite. "That never happened," chief executive Alan Pritchard told Radio Humber.'
    )
    assert "Alan Pritchard" in _holders(_stances(text), "waited four days", "denies")


def test_the_chairmans_account_is_what_the_chairman_said_in_quote_marks() -> None:
    text = (
        '"The cap was in the draft we published in July, and every bidder commented on it," said Tomas '
        "Hrubec, the authority's chairman. Ondrej Blaha, a former authority official, disputed the "
        "chairman's account."
    )
    assert "Ondrej Blaha" in _holders(_stances(text), "The cap was in the draft", "questions")


def test_no_such_request_denies_having_asked() -> None:
    text = (
        "Business daily Ekonomicky Kurier reported last week that the Industry Ministry had asked the "
        "authority in November to protect existing operators. The ministry said in a statement it had made "
        "no such request."
    )
    assert "Industry Ministry" in _holders(_stances(text), "had asked the authority", "denies")


@pytest.mark.parametrize(
    "text",
    [
        "Argentina summoned Uruguay's ambassador on Wednesday after accusing the Uruguayan embassy of "
        "sheltering a businessman wanted for fraud, a charge Montevideo flatly denied.",
        "Argentina accused the Uruguayan embassy of sheltering a businessman wanted for fraud, a charge that "
        "Montevideo denies.",
    ],
)
def test_a_charge_the_accused_denied_denies_the_accusation(text: str) -> None:
    stances = _stances(text)
    assert "Uruguay" in _holders(stances, "sheltering a businessman", "denies")
    assert not any(who == "Uruguay" and "summoned" in claim for claim, who, _ in stances)


def test_one_sides_claims_are_not_a_newspaper_report_told_after_them() -> None:
    text = (
        "Uruguay's Foreign Ministry rejected the accusation.\n\n"
        '"Argentina\'s claims are simply false," spokesman Martin Olivera said.\n\n'
        "The Argentine newspaper El Diario del Sur reported on Tuesday that Espeche had been seen entering "
        "the building with two bodyguards."
    )
    assert "Martin Olivera" not in _holders(_stances(text), "seen entering", "denies")


def test_who_accuses_in_an_after_phrase_is_the_main_verbs_subject() -> None:
    text = (
        "Argentina summoned Uruguay's ambassador on Wednesday after accusing the Uruguayan embassy of "
        "sheltering a businessman wanted for fraud."
    )
    assert "Argentina" in _holders(_stances(text), "sheltering a businessman", "asserts")


def test_what_a_group_said_in_a_report_is_reported() -> None:
    text = (
        "Aegean Rights Monitor said in a report on Monday that video footage showed a coast guard patrol "
        "boat pushing a dinghy back toward Turkish waters."
    )
    assert "Aegean Rights Monitor" in _holders(_stances(text), "video footage showed", "reports")


def test_not_passing_claims_on_is_no_report_of_them() -> None:
    stances = _stances(
        "The Scottish Ledger reported that managers had kept the findings from funders for 15 months. "
        "\"The panel's work was not finished, and we do not report allegations to funders before they have "
        'been tested," university spokeswoman Morag Lindsay said.'
    )
    assert "Morag Lindsay" not in _holders(stances, "kept the findings", "reports")


_SPILLWAY_REPORT = (
    "An engineering report commissioned by Inland Power Cooperative found that the spillway has cracks, "
    "The Spokane Ledger reported on Tuesday. "
)


def test_confirming_receipt_of_a_report_is_no_confirmation_of_it() -> None:
    stances = _stances(
        _SPILLWAY_REPORT + "Chief executive Martin Kessler confirmed that the cooperative had received the "
        "report in July, but said the cracks were surface-level."
    )
    assert "Martin Kessler" not in _holders(stances, "engineering report", "asserts")


def test_a_commissioned_report_speaks_for_the_firm_that_prepared_it() -> None:
    stances = _stances(
        _SPILLWAY_REPORT + "The 140-page report, prepared by the consulting firm Calder Geotechnical, "
        "recommended lowering the reservoir."
    )
    assert _holders(stances, "spillway has cracks", "asserts") == {"Calder Geotechnical"}
