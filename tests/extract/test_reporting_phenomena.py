"""Who reports what: outlets named by what they are ('the newspaper said'), reports with an aside before
their content ('reported, citing people familiar with the matter, that'), and unnamed reports that the one
outlet in the article wrote. Each a short article."""

from __future__ import annotations

import pytest

from claimtrail.models import ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _record(text: str) -> ArticleRecord:
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    return record


def _holders(record: ArticleRecord, words: str, label: str) -> set[str | None]:
    return {
        s.actor.name if s.actor else s.source_description
        for claim in record.claims
        if words in claim.text
        for s in claim.stances
        if s.stance == label
    }


def test_an_outlet_called_the_newspaper_reports_what_it_says() -> None:
    record = _record(
        "The retailer denied that it would close 40 shops, after the Harbour Ledger reported the plan. "
        "The newspaper said advisers had drawn up a list of loss-making stores."
    )
    assert "Harbour Ledger" in _holders(record, "advisers had drawn up", "reports")
    assert "Harbour Ledger" not in _holders(record, "advisers had drawn up", "asserts")


def test_a_report_with_an_aside_before_its_that_clause() -> None:
    record = _record(
        "Bloomberg reported on May 9, citing people familiar with the matter, that the company had picked "
        "the Phoenix site after considering locations in Texas and Ohio."
    )
    assert "Bloomberg" in _holders(record, "had picked the Phoenix site", "reports")
    assert "people familiar with the matter" in _holders(record, "had picked the Phoenix site", "asserts")


def test_a_newspaper_named_after_its_kind_is_the_one_behind_an_unnamed_report() -> None:
    record = _record(
        "LISBON (Lusa) - The minister on Tuesday dismissed a newspaper report that the government had agreed "
        "to sell the container terminal to a Gulf operator.\n\n"
        "The daily Diario Atlantico reported on Monday that the state would sell 60% of the terminal."
    )
    assert next(a for a in record.actors if a.name == "Diario Atlantico").kind == "ORG"
    assert "Diario Atlantico" in _holders(record, "had agreed to sell the container terminal", "reports")


def test_a_one_word_masthead_tagged_as_a_person_still_names_the_unnamed_report() -> None:
    record = _record(
        "OSLO (NTB) - Ferry operator Vestkyst Ferjer on Wednesday rejected a newspaper report that it had "
        "skipped lifeboat inspections.\n\nFjordposten reported on Monday that the company had not inspected "
        "the lifeboats since April 2020.\n\nFjordposten's news editor, Kari Mjelde, said the newspaper "
        "stood by its reporting."
    )
    assert "Fjordposten" in _holders(record, "skipped lifeboat inspections", "reports")


def test_one_of_the_people_is_one_of_the_group_named_before() -> None:
    record = _record(
        "The port chief received payments from a shipping company, two people familiar with the matter "
        "said on Tuesday.\n\n"
        "The payments were made through a consultancy registered in Cyprus, one of the people said.\n\n"
        "The shipping company rejected the allegations in a statement."
    )
    assert "two people familiar with the matter" in _holders(record, "made through a consultancy", "asserts")
    assert "shipping company" in str(_holders(record, "received payments", "denies"))
    assert "shipping company" in str(_holders(record, "made through a consultancy", "denies"))


def test_a_singular_allegation_is_the_main_claim_not_the_details_told_with_it() -> None:
    record = _record(
        "Mining group Kalahari Platinum knew for a year that cracks had appeared in the wall of a dam but "
        "did not tell inspectors, three people familiar with the matter said.\n\n"
        "Two of the people said an internal engineering review had recommended in 2021 that the dam be "
        "drained.\n\n"
        "Kalahari Platinum denied the allegation."
    )
    assert "Kalahari Platinum" in _holders(record, "cracks had appeared", "denies")
    assert "Kalahari Platinum" not in _holders(record, "engineering review", "denies")


def test_who_reported_a_passive_report_is_its_agent() -> None:
    record = _record(
        "The allegations were first reported last week by the news website Il-Lanterna, which said police "
        "had questioned the chairman in March."
    )
    holders = {
        who for claim in record.claims for s in claim.stances for who in [s.actor.name if s.actor else None]
    }
    assert "Il-Lanterna" in holders
    assert not any("allegations" in (who or "") for who in holders)


def test_a_denied_act_answers_the_claim_it_restates() -> None:
    record = _record(
        "The head of the port authority received payments from a shipping company that later won the "
        "terminal concession, two people familiar with the matter said.\n\n"
        "Port authority chairman Mark Zerafa denied receiving any money from the company."
    )
    assert "Mark Zerafa" in _holders(record, "received payments from a shipping company", "denies")


def test_a_denial_that_restates_a_claim_in_its_own_words_answers_it() -> None:
    record = _record(
        "The minister accepted gifts from a construction company, the newspaper Il Corriere reported.\n\n"
        "The minister denied that he had accepted anything from the company or its owners."
    )
    assert "The minister" in str(_holders(record, "accepted gifts from a construction company", "denies"))


@pytest.mark.parametrize(
    ("sentence", "office"),
    [
        (
            "A police spokesman would not comment, but the attorney general's office confirmed that it had "
            "opened an inquiry into the concession.",
            "attorney general's office",
        ),
        (
            "The Texas attorney general's office said it was aware of the incident and was in contact with "
            "the company.",
            "Texas attorney general's office",
        ),
    ],
)
def test_the_office_of_a_post_is_an_organisation_named_as_written(sentence: str, office: str) -> None:
    record = _record(sentence)
    quote = record.quotes[0]
    assert quote.speaker is not None
    assert quote.speaker.name == office
    assert next(a for a in record.actors if a.name == office).kind == "ORG"


def test_a_union_of_a_profession_is_not_an_office() -> None:
    record = _record(
        "The nurses' union said patients waited up to 14 hours. The Dorsey Nurses Association, which "
        "represents 900 nurses, said waits had become common."
    )
    assert not any(a.name == "nurses' union" and a.kind == "ORG" for a in record.actors)


def test_declining_to_say_says_nothing() -> None:
    record = _record(
        "A spokesman for the office declined to say when the review would be finished. "
        "The minister refused to say whether he would resign."
    )
    assert record.quotes == ()
    assert record.claims == ()


def test_a_quoted_label_with_a_denial_word_denies_what_it_labels() -> None:
    record = _record(
        "The Daily Clarion reported on Monday that the health ministry had delayed a report on hospital "
        'infections. The ministry branded the story "fake news".'
    )
    assert "health ministry" in _holders(record, "had delayed a report", "denies")


def test_that_never_happened_denies_what_it_points_to() -> None:
    record = _record(
        "The White House dismissed a report that the president had ordered aides to slow down the release "
        'of climate data. "That never happened," press secretary Dana Ortiz told reporters.'
    )
    assert "Dana Ortiz" in _holders(record, "ordered aides", "denies")


def test_a_report_citing_sources_who_said_something_reports_it() -> None:
    record = _record(
        "The report, published by the Capitol Ledger, cited two officials who said the order was given in a "
        "meeting last month."
    )
    assert "two officials" in _holders(record, "the order was given", "asserts")
    assert "Capitol Ledger" in _holders(record, "the order was given", "reports")


def test_the_newspapers_account_is_the_daily_s_not_the_last_organisation_s() -> None:
    record = _record(
        "The Daily Clarion reported on Monday that the health ministry had delayed a report on hospital "
        "infections. The ministry said there was no truth to the report.\n\n"
        "Hospital managers disputed the newspaper's account, saying infection rates had fallen."
    )
    assert "Hospital managers" in _holders(record, "had delayed a report", "questions")
    assert "Hospital managers" not in _holders(record, "no truth", "questions")


def test_casting_doubt_on_an_explanation_questions_its_owner_s_claim() -> None:
    record = _record(
        "The ministry said the delay was caused by a shortage of staff. Opposition spokesman Tom Reid cast "
        "doubt on the ministry's explanation."
    )
    assert "Tom Reid" in _holders(record, "shortage of staff", "questions")


def test_a_second_cue_whose_clause_the_parser_left_open_is_still_reported_speech() -> None:
    record = _record(
        "Opposition leader Raila Mwangi spoke on Tuesday. He argued that the confusion had already pushed up "
        "borrowing costs, and warned that traders were hoarding fuel."
    )
    quote = next(q for q in record.quotes if q.text == "traders were hoarding fuel")
    assert quote.speaker is not None
    assert quote.speaker.name == "Raila Mwangi"


def test_the_writers_note_on_a_statement_is_not_part_of_it() -> None:
    record = _record(
        "Finance minister Amina Wekesa told parliament on Tuesday that the government would not raise fuel "
        "taxes this year, contradicting a statement by her own deputy."
    )
    assert [q.text for q in record.quotes] == ["the government would not raise fuel taxes this year"]


def test_a_not_guilty_plea_denies_what_others_say_the_accused_did() -> None:
    record = _record(
        "Prosecutors say Gregory Hale, 61, diverted the money into a shell company over six years. "
        "Hale has pleaded not guilty."
    )
    assert "Gregory Hale" in _holders(record, "diverted the money", "denies")


def test_a_clients_unrelated_negation_denies_nothing() -> None:
    record = _record(
        "Prosecutors say Gregory Hale diverted the money into a shell company over six years.\n\n"
        "Hale's attorney, Mark Feldman, told the judge his client had cooperated with investigators and was "
        "not a flight risk."
    )
    assert _holders(record, "diverted the money", "denies") == set()


def test_a_position_asked_about_is_no_position() -> None:
    record = _record(
        'Jonas Weil told broadcaster ZDF that the chancellor was "living in a parallel universe." Asked '
        "whether the Union would support a revised version, Weil said it would look at any new proposal."
    )
    assert "Union" not in str(_holders(record, "parallel universe", "asserts"))


def test_too_early_to_say_whether_questions_the_version_it_names() -> None:
    record = _record(
        "Philippine police on Monday insisted the men were killed in a shootout.\n\n"
        "The Commission on Human Rights said it was too early to say whether the police version "
        "was accurate, but that it had opened its own inquiry."
    )
    assert "Commission on Human Rights" in _holders(record, "police version was accurate", "questions")
    assert "Commission on Human Rights" in _holders(record, "killed in a shootout", "questions")
    assert "Commission on Human Rights" in _holders(record, "opened its own inquiry", "asserts")
    assert all(q.cue != "say" for q in record.quotes)  # "to say whether" is no saying


def test_an_account_that_does_not_add_up_is_questioned() -> None:
    record = _record(
        "The ministry said the delay was caused by a shortage of staff. Union leader Tom Reid said the "
        'ministry\'s account "simply does not add up".'
    )
    assert "Tom Reid" in _holders(record, "shortage of staff", "questions")


def test_accusations_by_someone_are_theirs() -> None:
    record = _record(
        "Police on Monday rejected accusations by human rights groups that officers had executed three drug "
        "suspects in a raid last week."
    )
    assert "human rights groups" in _holders(record, "officers had executed", "asserts")


def test_a_pronoun_after_a_subject_named_by_title_is_that_person() -> None:
    record = _record(
        '"We have warned the airlines for months," said Minister Olusegun Adebayo-Bello.\n\n'
        "Chidinma Okafor, chief executive of Sky Eagle Airways, said the ministry had failed to pay fuel "
        'subsidies owed since January. "The minister knows exactly why the tanks are empty," she told '
        "reporters.\n\n"
        "The minister rejected that. He said all subsidies due in 2023 had been paid."
    )
    quote = next(q for q in record.quotes if q.text.startswith("all subsidies"))
    assert quote.speaker is not None
    assert quote.speaker.name == "Olusegun Adebayo-Bello"
    tanks = next(q for q in record.quotes if q.text.startswith("The minister knows"))
    assert tanks.speaker is not None
    assert tanks.speaker.name == "Chidinma Okafor"
    assert "Olusegun Adebayo-Bello" in _holders(record, "failed to pay fuel subsidies", "denies")


def test_a_speaker_set_off_inside_a_clause_keeps_the_whole_clause() -> None:
    record = _record(
        "Chidinma Okafor said her airline would cancel 40 more flights this week. Passengers, she said, "
        "would be offered refunds."
    )
    assert "Passengers, she said, would be offered refunds" in [q.text for q in record.quotes]


def test_neither_confirming_nor_denying_takes_no_position() -> None:
    record = _record(
        "The Daily Clarion reported that the bank had been contacted by investigators. The bank neither "
        "confirmed nor denied the report. Daewon Bank neither confirmed nor denied that it had been "
        "contacted by investigators."
    )
    assert not any(s.stance == "denies" for c in record.claims for s in c.stances)
    assert not any(q.cue == "denied" for q in record.quotes)


def test_denying_any_wrongdoing_denies_what_others_say_about_each_denier() -> None:
    record = _record(
        "South Korean prosecutors are investigating whether Hanbit Motors inflated sales figures to secure a "
        "state loan, two sources told Reuters. Hanbit and its main creditor, Daewon Bank, both denied any "
        "wrongdoing."
    )
    assert "Hanbit" in str(_holders(record, "inflated sales figures", "denies"))


def test_standing_by_remarks_is_the_speakers_own_position_on_them() -> None:
    record = _record(
        "Hanbit's chairman, Lee Jae-won, told a shareholder meeting last month that the company had never "
        "altered its accounts. His spokesman, Park Min-ho, said on Tuesday the chairman stood by those "
        "remarks."
    )
    assert _holders(record, "never altered its accounts", "asserts") == {"Lee Jae-won"}


def test_a_lede_description_is_the_person_later_given_that_formal_title() -> None:
    record = _record(
        "A federal judge on Tuesday dismissed fraud charges against a former state senator, ruling that "
        "prosecutors had waited too long to bring the case.\n\n"
        "Prosecutors had accused Daniel Ruiz of using campaign funds to pay for family vacations.\n\n"
        "U.S. District Judge Helen Marsh wrote that the statute of limitations had expired."
    )
    assert _holders(record, "prosecutors had waited", "asserts") == {"Helen Marsh"}


def test_declining_to_say_after_a_report_is_the_speakers_act_not_the_content() -> None:
    record = _record(
        "The U.S. Attorney's Office said it was reviewing the ruling and declined to say whether it would "
        "appeal."
    )
    assert [q.text for q in record.quotes] == ["it was reviewing the ruling"]


def test_a_possessive_inside_an_organisation_name_is_no_title() -> None:
    record = _record("The U.S. Attorney's Office said it was reviewing the ruling.")
    office = next(a for a in record.actors if a.name == "U.S. Attorney's Office")
    assert office.titles == ()


def test_a_name_in_apposition_to_a_post_is_a_person_with_that_title() -> None:
    record = _record(
        "Nigeria's Minister of Petroleum Resources, Adebayo Ogunleye, on Tuesday dismissed a newspaper "
        "report. According to the minister, the refinery will resume production in the third quarter."
    )
    kind, titles, affiliation = next(
        (a.kind, a.titles, a.affiliation) for a in record.actors if a.name == "Adebayo Ogunleye"
    )
    assert (kind, affiliation) == ("PERSON", "Nigeria")
    assert "Minister of Petroleum Resources" in titles
    quote = next(q for q in record.quotes if "resume production" in q.text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Adebayo Ogunleye"


def test_a_hyphenated_surname_alone_is_the_person() -> None:
    record = _record(
        "Its editor, Folake Adeyemi-Cole, told West Africa Wire that the paper had seen minutes of the "
        'meeting. "We reported what the documents show," Adeyemi-Cole said.'
    )
    quote = next(q for q in record.quotes if q.text.startswith("We reported"))
    assert quote.speaker is not None
    assert quote.speaker.name == "Folake Adeyemi-Cole"


def test_the_figures_are_the_first_figure_put_forward_not_every_detail() -> None:
    record = _record(
        "The opposition accused the government of deleting about 1.2 million names from the voter rolls.\n\n"
        "Party secretary K.R. Narayanaswamy told reporters that the deletions had been carried out without "
        "notice. He said the party had compiled lists from 48 constituencies.\n\n"
        "The State Election Commission said the figures were wrong."
    )
    assert "State Election Commission" in _holders(record, "1.2 million names", "denies")
    assert _holders(record, "without notice", "denies") == set()
    assert _holders(record, "48 constituencies", "denies") == set()


def test_an_officer_of_a_body_does_not_deny_the_bodys_own_statement() -> None:
    record = _record(
        "The State Election Commission said about 310,000 names had been removed since January, almost all "
        'of them of voters who had died. "No eligible voter has been removed," State Chief Electoral Officer '
        "Sunita Deshpande-Rao said."
    )
    assert _holders(record, "310,000 names", "denies") == set()


def test_a_double_surname_alone_is_the_person_named_in_full() -> None:
    record = _record(
        "Regional President Enrique Salcedo Vidal defended his minister. The owner, Tomás Gil Sarmiento, "
        'said nothing. "We will not govern by newspaper headline," Salcedo Vidal said. Gil Sarmiento '
        "declined to comment."
    )
    quote = next(q for q in record.quotes if q.text.startswith("We will not govern"))
    assert quote.speaker is not None
    assert quote.speaker.name == "Enrique Salcedo Vidal"
    assert not any(a.name in ("Salcedo Vidal", "Gil Sarmiento") for a in record.actors)


def test_allegations_that_a_and_that_b_are_two_claims_both_denied_and_both_reported() -> None:
    record = _record(
        "The minister on Wednesday rejected allegations that she had met the owner of a construction firm "
        "before it won a water contract and that the contract had been awarded without a public tender.\n\n"
        "Both claims were first reported by the newspaper El Observador Central on Monday."
    )
    for words in ("she had met the owner", "awarded without a public tender"):
        assert "The minister" in str(_holders(record, words, "denies"))
        assert "El Observador Central" in _holders(record, words, "reports")


def test_a_statement_in_quote_marks_is_a_claim_its_speaker_asserts() -> None:
    record = _record(
        'Meenakshi Sundaram cast doubt on both sets of numbers. "Both sides are arguing from spreadsheets '
        'nobody else has seen," she said. "Publish the documents," she added. "These are just rumors," '
        "Arreaza said."
    )
    assert _holders(record, "Both sides are arguing", "asserts") == {"Meenakshi Sundaram"}
    assert not any("Publish" in c.text or "rumors" in c.text for c in record.claims)


def test_an_outlet_only_told_something_does_not_stop_the_one_report_being_named() -> None:
    record = _record(
        "SHANGHAI, May 9 (Reuters) - Tianyu Steel Group on Monday denied a media report that it had routed "
        "steel through a Vietnamese subsidiary to avoid U.S. duties.\n\n"
        "The Hong Kong Business Journal reported on Friday that Tianyu had shipped about 300,000 tonnes of "
        "steel through its plant in Haiphong.\n\n"
        "Board secretary Zhou Minghui told Reuters by phone that the company was considering legal action."
    )
    assert "Hong Kong Business Journal" in _holders(record, "routed steel", "reports")


def test_the_company_described_by_what_it_runs_is_the_company_named_later() -> None:
    record = _record(
        "The company that runs Grenoble's tram network denied on Thursday that it had been warned about a "
        "worn rail on the curve where a tram derailed.\n\n"
        "A tram came off the tracks near Notre-Dame square on Tuesday.\n\n"
        '"The track met every safety standard," said Claire Vasseur, managing director of Alpes Tram '
        "Mobilité, which operates the network."
    )
    assert "Alpes Tram Mobilité" in _holders(record, "warned about a worn rail", "denies")


def test_finding_it_hard_to_believe_questions_what_follows() -> None:
    record = _record(
        "The operator said nobody had been told of the fault. Councillor Anne Roux said on Monday that she "
        'found it "hard to believe" that no one at the company had read the engineer\'s email.'
    )
    doubted = [c for c in record.claims if c.text.startswith("no one at the company had read")]
    assert [(s.actor.name if s.actor else None, s.stance) for c in doubted for s in c.stances] == [
        ("Anne Roux", "questions")
    ]


def test_the_accusation_labelled_while_denying_is_the_act_just_denied() -> None:
    record = _record(
        "Senator Mark Hollis on Thursday denied leaking a confidential draft report of the committee to a "
        'newspaper, calling the accusation "a convenient smear."\n\n'
        "The Canberra Ledger published extracts from the draft on Tuesday, reporting that the committee "
        "would recommend scrapping a contract for armoured vehicles."
    )
    assert "Mark Hollis" in _holders(record, "leaking a confidential draft", "denies")
    assert "Mark Hollis" not in _holders(record, "would recommend scrapping", "denies")


def test_a_figure_set_right_denies_the_claim_that_gave_it() -> None:
    record = _record(
        "The Marches Gazette reported on Saturday that the works had released untreated sewage into the "
        "river for about 19 hours.\n\n"
        '"The overflow lasted 40 minutes, not 19 hours, and it followed heavy rain," said Helen Ashworth, '
        "the company's director of operations."
    )
    assert "Helen Ashworth" in _holders(record, "for about 19 hours", "denies")
    same = _record(
        "The Marches Gazette reported on Saturday that the works had released untreated sewage into the "
        "river for about 19 hours.\n\n"
        '"The overflow lasted 40 minutes, not 12 hours," said Helen Ashworth.'
    )
    assert "Helen Ashworth" not in _holders(same, "for about 19 hours", "denies")


def test_according_to_a_paper_named_echo_is_its_report() -> None:
    record = _record(
        "The Yorkshire Echo reported last week that the deal was worth 40 million pounds.\n\n"
        "According to the Echo, Vantix beat two rival bidders, including a betting company."
    )
    assert _holders(record, "beat two rival bidders", "reports") == {"Yorkshire Echo"}


def test_an_estimate_rejected_in_the_lede_is_denied_by_the_operator_named_later() -> None:
    record = _record(
        "The operator of the cargo ship Baltic Meridian on Thursday rejected a coast guard estimate that 46 "
        "containers fell overboard during a storm, saying its own count showed 24.\n\n"
        "The Canadian Coast Guard said on Wednesday that aerial surveys had spotted dozens of containers.\n\n"
        '"Our crew physically counted every bay," said Jens Aalund, head of fleet safety at Nordhavn '
        "Container Lines, which operates the vessel."
    )
    assert "Nordhavn Container Lines" in _holders(record, "46 containers fell overboard", "denies")


def test_what_an_audit_found_without_that_is_a_claim() -> None:
    record = _record(
        "A cooperative on Monday rejected an audit that found it had paid hundreds of member farmers less "
        "than the guaranteed minimum price."
    )
    assert any(c.text.startswith("it had paid hundreds of member farmers") for c in record.claims)
    small = _record("The board found it difficult to recruit enough drivers for the new routes this year.")
    assert not any(c.text.startswith("it difficult") for c in small.claims)


def test_international_ends_an_organisation_name() -> None:
    record = _record(
        "FairGrow International, the certification body that carried out the audit, said in its report "
        "that the cooperative had paid about 400 growers below the minimum.\n\n"
        "FairGrow said it stood by its findings."
    )
    assert [(a.name, a.kind) for a in record.actors if a.name.startswith("FairGrow")] == [
        ("FairGrow International", "ORG")
    ]


def test_denying_that_any_such_thing_exists_denies_the_report_of_it() -> None:
    record = _record(
        "The news site El Observador Digital reported on Tuesday that investigators were examining whether "
        "hackers had gained access to control software at two substations. The Interior Ministry denied that "
        "any such investigation was under way."
    )
    assert "Interior Ministry" in _holders(record, "investigators were examining", "denies")


def test_a_lede_developer_is_the_company_named_next_not_the_farmer() -> None:
    record = _record(
        "A solar developer on Tuesday rejected a cattle farmer's claim that its contractors had fenced off "
        "part of his property near Dubbo.\n\n"
        "Graham Whitfield, whose family has farmed the 900-hectare Bellbird Station since 1948, alleged in a "
        "court filing that workers for Sunridge Energy had put up a security fence inside his land."
    )
    assert _holders(record, "its contractors had fenced off", "denies") == {"Sunridge Energy"}


def test_the_website_is_the_outlet_an_apposition_called_a_website() -> None:
    record = _record(
        "The Harbour Ledger, a local news website, reported on Tuesday that the city had awarded the "
        "contract to CycleLoop Mobility without a public tender.\n\n"
        "The Ledger's editor, Samira Haddad, said the website stood by its story."
    )
    assert "Samira Haddad" in _holders(record, "awarded the contract to CycleLoop", "asserts")


def test_a_revue_called_a_monthly_reports_what_it_wrote() -> None:
    record = _record(
        "A volunteer society on Tuesday rejected a magazine's claim that its tram had been rebuilt.\n\n"
        "Schienen Revue, a monthly for rail enthusiasts, wrote in its May issue that only the roof lamps and "
        "a handful of seats on car No. 27 were original."
    )
    assert "Schienen Revue" in _holders(record, "only the roof lamps", "reports")
