"""Speaker attribution: pronouns, descriptions and lede descriptions resolved to who spoke."""

from __future__ import annotations

import pytest

from claimtrail.models import ArticleRecord
from claimtrail.pipeline import extract_text

pytestmark = pytest.mark.model


def _speakers_by_text(text: str, **given: str) -> dict[str, str | None]:
    """Each quote's text -> its speaker's name, for a whole article (dateline included unless `given`)."""
    record = extract_text(text, **given)
    assert isinstance(record, ArticleRecord)
    return {q.text: q.speaker.name if q.speaker else None for q in record.quotes}


def _speaker_of(text: str, quote: str) -> str | None:
    """The speaker's name (or the unnamed source's description, prefixed '~') of the quote holding `quote`."""
    record = extract_text(text, headline="Test", published="2021-05-10")
    assert isinstance(record, ArticleRecord)
    found = [q for q in record.quotes if quote in q.text]
    assert found, [q.text for q in record.quotes]
    q = found[0]
    return q.speaker.name if q.speaker else f"~{q.source_description}" if q.source_description else None


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a name the tagger missed is the speaker, not the department inside its apposition
        (
            "Senior defence officials defended the contract on Wednesday, telling a Senate inquiry that the "
            'Perth shipyard had submitted "the only credible bid."\n\nAlistair Tierney, the Defence '
            "Department's deputy secretary for capability, told the committee the cost had risen. "
            "Independent senator Moira Tierney was unconvinced.",
            "the cost had risen",
            "Alistair Tierney",
        ),
        # a person's spokeswoman speaks for them but is not them
        (
            "The opposition leader, Jens Hart, said the plan was unrealistic. Hart's spokeswoman said he "
            "would table an amendment.",
            "table an amendment",
            "~Hart's spokeswoman",
        ),
        # the speaker of the last quote, not the man named inside it
        (
            "Kowalczyk told jurors that she had raised the issue with Greaves. She said Greaves replied "
            'the next morning. "I remember it because I printed it out," she said.',
            "I remember it",
            "Kowalczyk",
        ),
        # he/she can refer to an unnamed source
        (
            "State Department spokesman Neil Carrow said the talks would go on. An Israeli military "
            "spokesman said militants had fired rockets. He said the army had struck 800 targets.",
            "the army had struck",
            "~An Israeli military spokesman",
        ),
        # the subject of the main clause, not of the reported clause, nor a possessor
        (
            "Judge Susan Elwyn said Pritchard had shown indifference. She said he had kept taking fees.",
            "he had kept taking fees",
            "Susan Elwyn",
        ),
        (
            "Diaz's mother, Rosa Diaz, addressed the court. She said the sentence was too short.",
            "the sentence was too short",
            "Rosa Diaz",
        ),
        # "it" agrees with an organisation, not a person
        (
            "Spain's Health Ministry said the cuts were temporary. It said 1.3 million people had a dose.",
            "1.3 million people",
            "Health Ministry",
        ),
    ],
)
def test_pronoun_speaker(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Ohio Valley Water Co. said the samples were late. Its spokeswoman, Meredith Kaye, rejected "
            "the account. The spokeswoman said the company would replace the line.",
            "replace the line",
            "Meredith Kaye",
        ),
        # the title's role word, not its possessor: "The registry's director" is not the registry
        (
            "Results were published by the National Civil Registry. The registry's director, Camilo "
            "Restrepo, said complaints would be examined. Turnout was 57 percent, the registry said.",
            "Turnout was 57 percent",
            "National Civil Registry",
        ),
        # a company word is the last company named, not a regulator
        (
            "The European Commission opened an investigation into video-sharing app Vantix. The company "
            "said it had introduced age verification.",
            "introduced age verification",
            "Vantix",
        ),
        (
            "Lena Kovacs lost her quarterfinal on Tuesday. The 22-year-old Hungarian said she had felt "
            "the injury early.",
            "she had felt the injury",
            "Lena Kovacs",
        ),
        (
            "Richard Sloane was charged. Sloane's lawyer, Beth Kaminski, said her client denied it.",
            "her client denied",
            "Beth Kaminski",
        ),
        # a company word before a name NER missed; an institution's word in a name
        (
            "LIMA (Reuters) - Peruvian copper miner Andes Cobre denied that a leak killed fish. "
            "The company said its monitoring showed the water was clean.",
            "its monitoring showed",
            "Andes Cobre",
        ),
        (
            "Brazil's government on Thursday rejected criticism, saying foreign governments were meddling.",
            "foreign governments were meddling",
            "Brazil",
        ),
        # "The port's operator" is the port's, not the last organisation named
        (
            "The Russian embassy said the claims were invented. The port's operator said it had restored "
            "all systems.",
            "restored all systems",
            "~The port's operator",
        ),
        # an institution the article describes but never names
        (
            "The district court in Assen said the company had known for years that drilling caused tremors.",
            "drilling caused tremors",
            "district court in Assen",
        ),
    ],
)
def test_description_speaker(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == speaker


def test_her_client_is_the_lawyers_client() -> None:
    record = extract_text(
        "Richard Sloane pleaded not guilty. Sloane's lawyer, Beth Kaminski, said on Monday that her "
        "client denied taking the money.",
        headline="Test",
        published="2021-05-10",
    )
    denials = [s for c in record.claims for s in c.stances if s.stance == "denies"]
    assert {s.actor.name for s in denials if s.actor} >= {"Richard Sloane"}
    assert all(s.actor is not None for s in denials)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the lede describes, the next paragraph names
        (
            "NEW YORK (AP) - A former compliance officer at Harbor Point Bank testified Tuesday that she "
            "had warned executives about the loans.\n\nJanet Kowalczyk, 47, was the first witness.",
            "she had warned executives",
            "Janet Kowalczyk",
        ),
        (
            "LONDON (Reuters) - Britain's opposition leader said on Wednesday that the health service "
            "was for sale.\n\nSpeaking in Birmingham, Labour leader Graham Ashdown said voters should act.",
            "the health service was for sale",
            "Graham Ashdown",
        ),
        # an anonymous source stays unnamed
        (
            "LONDON (Reuters) - A senior official said on Wednesday that the talks had failed.\n\n"
            "Foreign Secretary James Whitford said the government would respond.",
            "the talks had failed",
            "~A senior official",
        ),
    ],
)
def test_lede_description_is_the_person_named_next(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # NER called her an organisation; a given name makes her a person, so "She" finds her
        (
            "Sofia Reyes, an astronomer at the California Institute of Technology, led the team. Reyes "
            "said the signal remained. She added that observations in March should settle the question.",
            "observations in March",
            "Sofia Reyes",
        ),
        # a surname the tagger read as a common noun
        (
            "Carter's attorney, Paul Gaines, said his client was innocent. "
            '"My client has never stolen anything from anyone," Gaines said.',
            "My client has never stolen",
            "Paul Gaines",
        ),
        (
            "The Russian embassy in London said the claims were invented.",
            "the claims were invented",
            "Russian embassy in London",
        ),
        (
            "Organisers of the 2026 Winter Games said on Thursday that the event would move. A newspaper "
            "reported that the organising committee had held talks.",
            "the event would move",
            "organising committee",
        ),
    ],
)
def test_named_speaker_repairs(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == speaker


def test_offices_speak_as_themselves_and_namesakes_by_salience() -> None:
    assert (
        _speaker_of("The White House said the president would sign the bill.", "sign the bill")
        == "White House"
    )
    assert (
        _speaker_of("LONDON (PA) - Downing Street said talks would resume.", "talks would")
        == "Downing Street"
    )
    text = (
        '"No money brings Danny back," said Lucia Ortega, whose son Daniel Ortega died in the collapse. '
        "Ortega said the families had asked for inspections."
    )
    assert _speaker_of(text, "the families had asked") == "Lucia Ortega"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Nusrat Jahan and Rafiq Islam, volunteers with the Red Crescent, said they had seen families "
            'drinking floodwater. "We are handing out tablets as fast as we can," they said.',
            "handing out tablets",
            "Nusrat Jahan and Rafiq Islam",
        ),
        (
            "Montoya won 38 percent of the vote, according to preliminary results published by the "
            "National Civil Registry.",
            "Montoya won 38 percent",
            "National Civil Registry",
        ),
        ("NHS boards said they would prioritise emergency care.", "prioritise emergency care", "~NHS boards"),
    ],
)
def test_groups_and_documents(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == speaker


def test_given_names_tell_gender() -> None:
    text = "Ingrid Solheim met Martin Greaves on Monday. He said the loans were sound."
    assert _speaker_of(text, "the loans were sound") == "Martin Greaves"


def test_a_lawyer_is_not_the_client_a_pronoun_stands_for() -> None:
    record = extract_text(
        "The captain had not been drinking, his lawyer said Tuesday, rejecting reports that he had "
        "failed an alcohol test.\n\nLawyer Dimitris Vlachos told reporters his client was sober.",
        headline="Test",
        published="2021-05-10",
    )
    assert not [c for c in record.claims if "Vlachos failed" in c.normalized]


def test_a_company_ner_reads_as_a_town() -> None:
    text = (
        "COPENHAGEN (Reuters) - Shares in Halden Pharma's rivals rose. Halden said the trial continued. "
        "The company said it expected results in 2022."
    )
    assert _speaker_of(text, "expected results") == "Halden Pharma"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the dateline's capital names the state
        (
            "Trawlers barred from Arctic waters\n\nOSLO (Reuters) - Fishing grounds around the archipelago "
            "will close to foreign trawlers from next month, the government said on Thursday.",
            "Norway",
        ),
        # a dateline place that is no capital: the first country the story names
        (
            "Budget approved\n\nOSAKA (Kyodo) - Japan's cabinet approved a record budget on Friday, with "
            "the government saying the extra spending was needed.",
            "Japan",
        ),
    ],
)
def test_a_bare_government_is_the_state_of_the_story(text: str, speaker: str) -> None:
    record = extract_text(text)
    assert isinstance(record, ArticleRecord)
    assert [q.speaker.name if q.speaker else None for q in record.quotes] == [speaker]


def test_a_lede_state_officer_is_the_person_the_next_paragraph_names() -> None:
    text = (
        "Pension age rise stays\n\nLISBON (Reuters) - Portugal's finance minister said on Wednesday that "
        "the government would not delay a rise in the pension age.\n\nRui Valadares told reporters that the "
        "reform was needed to keep the system solvent."
    )
    record = extract_text(text)
    assert isinstance(record, ArticleRecord)
    speakers = {q.text: q.speaker.name if q.speaker else None for q in record.quotes}
    assert speakers["the government would not delay a rise in the pension age"] == "Rui Valadares"


def test_who_shoots_back_is_not_whom_they_answer() -> None:
    text = (
        "Sen. Hector Villarreal argued that the map packed voters into two districts. Majority leader Sam "
        'Kessler said the committee had run out of time.\n\n"Nobody ran out of time," he shot back.'
    )
    assert _speaker_of(text, "Nobody ran out of time") == "Hector Villarreal"


def test_a_post_in_an_organisation_is_the_person_not_the_organisation() -> None:
    text = (
        "Senior defence officials defended the contract on Wednesday, telling a Senate inquiry that the "
        'Perth shipyard had submitted "the only credible bid."\n\nAlistair Tierney, the Defence '
        "Department's deputy secretary for capability, told the committee the cost had risen. Independent "
        "senator Moira Tierney was unconvinced.\n\nPressed by the senator, the deputy secretary replied "
        "that the minister's office had been informed in writing."
    )
    assert _speaker_of(text, "informed in writing") == "Alistair Tierney"


def test_an_organisation_described_in_the_lede_is_the_one_later_titled_so() -> None:
    text = (
        "A wine cooperative near Saint-Emilion on Wednesday dismissed a newspaper report, saying the "
        'allegations were "a fantasy."\n\nLe Courrier reported on Monday that the Caves de Saint-Sulpice '
        "cooperative had bought wine from a trader in La Mancha."
    )
    assert _speaker_of(text, "a fantasy") == "Caves de Saint-Sulpice"


def test_the_newspaper_is_not_the_wire_service_named_last() -> None:
    text = (
        "Fjordposten reported on Monday that the company had skipped inspections. The chief executive told "
        "Nordvik Wire it was false.\n\nThe newspaper said it would publish the logs on Friday."
    )
    assert _speaker_of(text, "publish the logs") == "Fjordposten"


def test_a_name_after_a_press_word_is_the_outlet_and_the_singer_is_the_singer() -> None:
    text = (
        "Kenyan newspaper Mwangaza reported on Sunday that the board had voted to replace the coach. "
        "Country singer Lacey Dunmore dismissed rumours about her label, with the singer calling the claims "
        '"pure fantasy."'
    )
    assert _speaker_of(text, "the board had voted") == "Mwangaza"
    assert _speaker_of(text, "pure fantasy") == "Lacey Dunmore"


def test_she_skips_a_man_known_by_a_given_name_from_any_language() -> None:
    text = (
        "Senate Majority Leader Marian Kessler called the veto a stunt. Sen. Hector Villarreal argued that "
        "the map packed voters into two districts. Villarreal said the staff had never testified. She said "
        "that was because the committee had run out of time."
    )
    assert _speaker_of(text, "run out of time") == "Marian Kessler"


def test_a_name_is_the_speaker_not_the_person_inside_its_apposition() -> None:
    text = (
        "Coalition row\n\nPRAGUE, June 2, 2022 (Vltava Press) - Civic Progress, the junior partner in Prime "
        "Minister Tomas Dvorak's coalition, on Thursday denied a newspaper report that it was preparing to "
        "leave the government over a disputed judicial reform bill.\n\nThe daily Pravo Dnes reported on "
        "Wednesday, citing two officials familiar with the talks, that Civic Progress leaders had agreed "
        "last weekend to withdraw the party's four ministers by the end of June unless the bill was shelved."
    )
    record = extract_text(text)
    assert isinstance(record, ArticleRecord)
    deniers = {s.actor.name for c in record.claims for s in c.stances if s.stance == "denies" and s.actor}
    assert deniers == {"Civic Progress"}


def test_a_surname_alone_ner_missed_is_the_person_and_him_in_the_quote_is_not_the_speaker() -> None:
    text = (
        "Dnevni Glas reported last week that minister Marko Zupan had met Andrej Pirc, who chaired the "
        "tender committee, on three occasions. Zupan said he had never discussed the tender.\n\nPirc, "
        'reached by telephone, was blunter. "I have never met him," he told Adria Press.'
    )
    assert _speaker_of(text, "I have never met him") == "Andrej Pirc"


def test_the_company_stays_the_one_already_called_so() -> None:
    text = (
        "Norhaven Coach Industries is recalling 1,140 electric transit buses after a battery pack caught "
        "fire, the company said on Tuesday.\n\nIn a filing with Transport Canada, the company said a faulty "
        "coolant seal could let moisture reach the battery cells."
    )
    assert _speaker_of(text, "faulty coolant seal") == "Norhaven Coach Industries"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "A spokesman for the Internal Revenue Service said it was too early to say whether penalties "
            "would be waived.",
            "too early to say",
            "Internal Revenue Service",
        ),
        (
            "Brackley University denied the report on Wednesday. A spokeswoman for the university said it "
            "had hired an outside law firm to review its admissions procedures.",
            "outside law firm",
            "Brackley University",
        ),
        (
            "The state Board of Regents met on Monday. A spokesman for the regents said the board had no "
            "plans to open a separate inquiry.",
            "no plans to open",
            "~A spokesman for the regents",
        ),
    ],
)
def test_a_spokesperson_for_an_organisation_speaks_as_it(text: str, quote: str, speaker: str) -> None:
    """'A spokesman for <organisation> said': the organisation says it; 'for the regents' names none."""
    assert _speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "A criminal group calling itself BlackTide claimed on a dark-web site last weekend that it had "
            "copied the files of about 600,000 patients.",
            "copied the files",
            "BlackTide",
        ),
        (
            "A hacking group known as Cobalt Lynx said it was behind the attack on the port.",
            "behind the attack",
            "Cobalt Lynx",
        ),
    ],
)
def test_a_described_source_is_the_name_it_goes_by(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == speaker


def test_a_name_ner_missed_with_an_organisation_head_is_that_organisation() -> None:
    """'Southwestern Plains University' (no entity found) confirms; 'the student newspaper' is not it."""
    text = (
        "LUBBOCK, Texas, Oct. 24, 2023 - Southwestern Plains University confirmed Tuesday that it had hired "
        "an outside law firm to review its football program, a week after the student newspaper reported "
        "that coaches pressured injured players to practice."
    )
    assert _speaker_of(text, "outside law firm") == "Southwestern Plains University"
    assert _speaker_of(text, "coaches pressured") == "~the student newspaper"


def test_an_occupation_before_a_given_name_is_no_part_of_the_name() -> None:
    text = (
        "Harbor commissioners voted 4-1 to approve the pier on Tuesday, after a three-hour hearing.\n\n"
        "Lobsterman Caleb Ames said the pier would sit directly over the mooring field where about 40 boats "
        "tie up."
    )
    assert _speaker_of(text, "mooring field") == "Caleb Ames"


def test_according_to_a_described_source_named_in_apposition_is_that_person() -> None:
    text = (
        "Tavares scored 19 league goals last season. According to his agent, Paulo Sena, the striker wants "
        "to stay in Porto and play in the Champions League."
    )
    assert _speaker_of(text, "wants to stay") == "Paulo Sena"


def test_a_company_its_short_name_and_according_to_after_a_whole_clause() -> None:
    """'Harlow Appliance Co.' (read as a person) and 'Harlow' are one company; what 'according to the
    company' credits is the clause before it, not the comment after."""
    text = (
        "The chief executive of Harlow Appliance Co. confirmed on Thursday that the company will cut about "
        "640 jobs at its dishwasher plant.\n\nThe plant employs about 2,100 people, according to the "
        "company, making it one of the largest private employers in Montgomery County. Harlow said the "
        "cuts would come in two stages."
    )
    quotes = _speakers_by_text(text, headline="Test", published="2024-01-11")
    assert quotes.get("The plant employs about 2,100 people") == "Harlow Appliance Co."
    assert quotes.get("the cuts would come in two stages") == "Harlow Appliance Co."


def test_the_agency_is_the_public_body_named_before() -> None:
    text = (
        "The Maine Center for Disease Control and Prevention said it had sent inspectors to the hospital on "
        "Wednesday. Cases of Legionnaires' disease in Maine have more than doubled since 2015, according to "
        "the agency."
    )
    assert _speaker_of(text, "more than doubled") == "Maine Center for Disease Control and Prevention"


def test_the_regulator_is_the_public_body_named_before() -> None:
    text = (
        "Estonia's Data Protection Inspectorate said on Tuesday it had received a breach notice from the "
        "company. The regulator said it would decide within 30 days whether to open a formal inquiry."
    )
    assert _speaker_of(text, "within 30 days") == "Data Protection Inspectorate"


def test_an_alliance_is_no_company_and_the_group_is_the_alliance() -> None:
    """'The company' after an oil firm and an activists' alliance is the firm; 'the group' the alliance."""
    text = (
        "Nigerian oil producer Okrika Basin Petroleum on Thursday denied that its pipeline had leaked crude "
        "into creeks near Kpor.\n\nThe Kpor Creek Alliance, a coalition of local environmental groups, said "
        "on Monday that a corroded section of the pipeline had been spilling oil since Feb. 20.\n\n"
        "The company said it would invite journalists to visit the site next week. The group said it "
        "would publish its water samples."
    )
    assert _speaker_of(text, "invite journalists") == "Okrika Basin Petroleum"
    assert _speaker_of(text, "water samples") == "Kpor Creek Alliance"


def test_a_group_which_calls_itself_a_name_is_that_name() -> None:
    text = (
        "A hacking group claimed on Sunday to have breached the payments app. The group, which calls itself "
        "NightLedger, said in a post on a cybercrime forum that it had copied names and card details."
    )
    assert _speaker_of(text, "copied names") == "NightLedger"
    record = extract_text(text, headline="Test", published="2023-11-14")
    assert isinstance(record, ArticleRecord)
    assert not any("itself NightLedger" in c.text for c in record.claims)  # a name, not a status claim


def test_a_national_army_named_in_the_lede_is_the_army_that_speaks_later() -> None:
    text = (
        "BOGOTA, February 21, 2024 (Andes Dispatch) - The Colombian army on Wednesday rejected allegations "
        "by residents of a remote hamlet that soldiers had burned three houses.\n\nIn a statement, the army "
        "said its troops had come under fire from dissidents near La Esmeralda that day."
    )
    speakers = _speakers_by_text(f"Army rejects claims\n\n{text}")
    assert speakers.get("its troops had come under fire from dissidents near La Esmeralda that day") == (
        "Colombian army"
    )


def test_the_dateline_capital_speaks_for_its_state_even_when_it_is_a_given_name() -> None:
    text = (
        "Bulgaria denies arms report\n\nSOFIA (Sofia Courier / Balkan Newswire - 14th March, 2023) "
        "Bulgaria's Ministry of Defence on Tuesday denied a report that an arms maker had sold armoured "
        "vehicles to Sudan.\n\nSofia said it had never issued a licence for military exports to Sudan."
    )
    speakers = _speakers_by_text(text)
    assert speakers.get("it had never issued a licence for military exports to Sudan") == "Bulgaria"


def test_the_airline_is_the_carrier_and_an_occupation_with_its_object_is_no_part_of_a_name() -> None:
    text = (
        "Selatan Air denied a report that it had grounded jets at Kuala Lumpur International Airport. The "
        "airline said no flights had been cancelled.\n\nBanana grower Tony Ricci, who farms near Tully, told "
        "the Chronicle that the chain had paid him the same price."
    )
    assert _speaker_of(text, "no flights had been cancelled") == "Selatan Air"
    assert _speaker_of(text, "paid him the same price") == "Tony Ricci"


def test_a_participle_after_the_denied_report_is_the_deniers_act() -> None:
    text = (
        "The Bank of Mongolia on Wednesday denied a report that it was preparing to devalue the tugrik, "
        'calling the story "irresponsible speculation" and saying its foreign reserves were sufficient.\n\n'
        "The Ghana Health Service dismissed a social media post claiming that a new vaccine causes "
        "infertility."
    )
    assert _speaker_of(text, "irresponsible speculation") == "Bank of Mongolia"
    assert _speaker_of(text, "reserves were sufficient") == "Bank of Mongolia"
    assert _speaker_of(text, "causes infertility") != "Ghana Health Service"  # the post claims it


def test_the_weekly_is_the_weekly_named_before() -> None:
    text = (
        "The business weekly Gobi Capital Review reported on Monday that the central bank would let the "
        "tugrik weaken. According to the weekly, the move had been discussed at a closed meeting of the "
        "board last month."
    )
    assert _speaker_of(text, "closed meeting") == "Gobi Capital Review"


def test_the_noun_a_company_was_introduced_with_refers_back_to_it() -> None:
    text = (
        "Harbour Exchange rejected allegations by U.S. short seller Bluecrest Analytics that its volumes "
        "were fake. The short seller also alleged that the exchange held too little collateral."
    )
    assert _speaker_of(text, "too little collateral") == "Bluecrest Analytics"


def test_who_after_a_spokeswoman_for_an_organisation_is_the_spokeswoman() -> None:
    text = (
        '"We welcome any review," said Mette Larsen, a spokeswoman for Harbour Exchange Group, who added '
        "that the company had invited the regulator to inspect its records."
    )
    assert _speaker_of(text, "invited the regulator") == "Mette Larsen"


def test_a_parenthetical_she_said_inside_the_statement_names_its_speaker() -> None:
    text = (
        "Ruth Abernathy, an image-integrity consultant, doubted that a filing error could explain the "
        "changes. In several figures, she said, protein bands had been rotated and resized before reuse."
    )
    assert _speaker_of(text, "protein bands had been rotated") == "Ruth Abernathy"


def test_a_subject_the_parser_left_as_a_fragment_still_speaks() -> None:
    text = (
        "The show's lead actor, Marcus Adeyemi, posted on Instagram on Monday: \"Nobody has said a word "
        'to us about an ending. See you on set."'
    )
    assert _speaker_of(text, "Nobody has said a word") == "Marcus Adeyemi"


def test_an_indefinite_spokeswoman_is_the_one_the_next_sentence_names() -> None:
    text = (
        "A police spokeswoman said no firearm had been found on the man's body. The spokeswoman, Sgt. "
        "Tanya Whitfield, declined to say whether the weapon was loaded."
    )
    assert _speaker_of(text, "no firearm had been found") == "Tanya Whitfield"


def test_a_trailing_it_said_finds_no_antecedent_in_what_it_says() -> None:
    text = (
        "The campaign runs for 10 days from March 20 and aims to reach about 9 million children, the "
        "health service said. Measles killed 41 children in Ghana last year, it said."
    )
    assert _speaker_of(text, "Measles killed 41 children") != "Ghana"


def test_the_skipper_of_a_ship_named_after_commas_is_that_person() -> None:
    text = (
        "The 140-metre cargo vessel Aurelia Bay struck the trawler Karen Dahl on Tuesday.\n\n"
        "The skipper of the Karen Dahl, Henrik Lauridsen, dismissed the shipowner's account as "
        '"a fairy tale" in an interview with Vestjysk Tidende.'
    )
    assert _speaker_of(text, "fairy tale") == "Henrik Lauridsen"


def test_according_to_the_statement_is_who_said_it_in_that_statement() -> None:
    text = (
        "Colombia's Ministry of Finance and Public Credit sold $2.5 billion of bonds on Tuesday.\n\n"
        "In a statement, the ministry said the bonds had drawn orders of more than $9 billion.\n\n"
        "Proceeds will be used to refinance debt maturing next year, according to the statement."
    )
    assert _speaker_of(text, "Proceeds will be used") == "Ministry of Finance and Public Credit"


def test_the_company_is_not_a_health_team_or_a_radio_station() -> None:
    text = (
        'Humberside Water denied the report. "That is simply not what happened," chief executive Alan '
        "Pritchard told Radio Humber. More than 120 people have reported stomach illness, according to the "
        "Humber Health Protection Team. The company said the notice would stay in place for a week."
    )
    assert _speaker_of(text, "the notice would stay") == "Humberside Water"


def test_which_after_a_described_name_is_that_name() -> None:
    text = (
        "The accusation came on Monday from PharmaWatch Europe, a Brussels-based advocacy group, which said "
        "in a report that the list price of a pack of Nefrolan had climbed fivefold."
    )
    assert _speaker_of(text, "the list price") == "PharmaWatch Europe"


def test_a_noun_inside_the_names_relative_clause_is_not_the_speaker() -> None:
    text = (
        "The Baltic Feeder Operators' Group, which represents owners of small container ships that shuttle "
        "between Hamburg and Baltic ports, said the increase would hit its members hardest."
    )
    assert _speaker_of(text, "the increase would hit") == "Baltic Feeder Operators' Group"


def test_sources_in_a_place_do_not_speak_for_it() -> None:
    text = (
        "Two shipping sources in Singapore, who asked not to be named, told Asia Shipping Wire that the "
        "tanker's transponder had gone dark for nine days in August."
    )
    assert _speaker_of(text, "transponder had gone dark") != "Singapore"


def test_a_name_set_off_by_commas_before_a_subjectless_told_is_its_speaker() -> None:
    text = (
        "News website Inside Victoria reported on Monday that panels with a flammable polyethylene core "
        "remained on two sides of the Harbourline tower, more than three years after the developer, Kestrel "
        "Property Group, told the state building regulator they had been replaced.\n\nInside Victoria said "
        "in a statement that it stood by its reporting."
    )
    assert _speaker_of(text, "they had been replaced") == "Kestrel Property Group"
    assert _speaker_of(text, "it stood by its reporting") == "Inside Victoria"


def test_a_lede_description_is_the_company_named_later_not_the_building() -> None:
    text = (
        "The developer of a 22-storey apartment tower in Melbourne's Docklands on Tuesday called a news "
        'report that the building still carries combustible cladding "false and irresponsible."\n\n'
        "News website Inside Victoria reported on Monday that panels remained on two sides of the "
        "Harbourline tower, three years after the developer, Kestrel Property Group, told the regulator they "
        "had been replaced."
    )
    assert _speaker_of(text, "a news report that the building") == "Kestrel Property Group"


def test_its_founder_is_the_founder_and_chief_executive_named_later() -> None:
    text = (
        "Rotavia admitted on Monday that it had passed some users' location data to an advertising partner, "
        'four days after its founder called a report that the company sold the data "fiction."\n\n'
        "Founder and chief executive Miguel Sarmento denied the report on Thursday."
    )
    assert _speaker_of(text, "a report that the company sold") == "Miguel Sarmento"


def test_who_cites_sources_in_an_aside_is_the_reporter() -> None:
    text = (
        "Harian Ekonomi, citing two officials familiar with the talks, reported on May 2 that negotiators "
        "from both countries had met twice in New Delhi since February."
    )
    assert _speaker_of(text, "negotiators from both countries") == "Harian Ekonomi"


def test_a_news_site_in_the_lede_is_the_one_outlet_named_next() -> None:
    text = (
        "Bishop resigns\n\nDAVENPORT, Iowa, Jan. 12, 2023 - The Diocese of Davenport on Thursday confirmed "
        "that Bishop Thomas Kearney has resigned, three days after a Catholic news site reported that the "
        "Vatican had accepted his resignation.\n\nEcclesia Report, which covers the church in North America, "
        "said on Monday, citing two church officials, that Kearney had been asked to step down."
    )
    assert _speakers_by_text(text)["the Vatican had accepted his resignation"] == "Ecclesia Report"


def test_a_spokeswoman_named_in_the_next_paragraph_is_that_person() -> None:
    text = "\n\n".join(
        [
            "The Wisconsin Elections Commission confirmed on Wednesday that it had ordered a recount in the "
            "90th Assembly District.",
            "Local radio station WKBL first reported the recount on Monday, saying Ortega's campaign had "
            "filed a petition and paid the required fee.",
            "A commission spokeswoman said the petition had arrived on Friday and that county canvassers "
            "would begin the recount on Saturday. State law gives them 13 days to finish.",
            '"The petition met every legal requirement," the spokeswoman, Megan Fiske, said. "The '
            'canvassers will start with the absentee ballots."',
        ]
    )
    assert _speaker_of(text, "the petition had arrived") == "Megan Fiske"


def test_according_to_ministry_figures_is_the_ministry() -> None:
    text = (
        "The Ministry of Migration and Asylum said it would ask the coast guard for a full account. Greece "
        "registered about 37,000 asylum applications last year, according to ministry figures."
    )
    assert _speaker_of(text, "37,000 asylum applications") == "Ministry of Migration and Asylum"


def test_the_trust_in_the_lede_is_the_trust_named_next() -> None:
    text = (
        "The Mersey Lyric Opera House will not reopen until spring 2022, a year later than planned, the "
        "trust that owns the building said on Wednesday.\n\nThe Mersey Lyric Trust said the project would "
        "cost 88 million pounds."
    )
    assert _speaker_of(text, "will not reopen") == "Mersey Lyric Trust"


def test_the_station_is_the_broadcaster_named_before() -> None:
    text = (
        "The ministry confirmed the closure, two days after regional broadcaster TV Ribatejo first reported "
        "it. The station also reported that the company had put off a required inspection of the cables."
    )
    assert _speaker_of(text, "put off a required inspection") == "TV Ribatejo"


def test_a_participle_on_a_statement_someone_issued_is_the_issuers_act() -> None:
    text = (
        'The People\'s Unity Front issued a statement on Monday dismissing the accusations as "sour grapes." '
        "The opposition said it would appeal."
    )
    assert _speaker_of(text, "sour grapes") == "People's Unity Front"


def test_a_lede_official_of_an_organisation_is_the_one_person_later_working_there() -> None:
    text = (
        "A senior United Nations official on Wednesday cast doubt on the government's claim that all roads "
        "had reopened, saying trucks were still being turned back.\n\n"
        "Information minister Michael Lual said on Monday that the roads had been cleared.\n\n"
        '"Our drivers are still being stopped," Helene Moreau, deputy director of operations at the U.N. '
        "Office for the Coordination of Humanitarian Affairs, told reporters."
    )
    assert _speaker_of(text, "turned back") == "Helene Moreau"
    anonymous = text.replace("saying trucks", "saying on condition of anonymity that trucks")
    assert _speaker_of(anonymous, "turned back") != "Helene Moreau"


def test_a_lede_newspaper_is_the_one_outlet_named_next() -> None:
    text = (
        "The exam board on Friday denied that its paper had been leaked, after a local newspaper reported "
        "that photographs of the questions were shared online.\n\n"
        "The Evening Courier reported on Thursday that images of the paper had circulated in group chats."
    )
    assert _speaker_of(text, "photographs of the questions") == "Evening Courier"


def test_the_association_described_first_is_the_association_of_named_next() -> None:
    text = (
        "Dozens of small museums could close within two years after the government cut their grants, the "
        "association that represents them warned on Thursday.\n\n"
        "The Association of Nova Scotia Museums said 41 of its 72 members relied on the grants."
    )
    assert _speaker_of(text, "could close") == "Association of Nova Scotia Museums"


def test_a_lede_body_in_a_place_is_the_body_named_next_not_the_place() -> None:
    text = (
        "A hospital trust in northern England on Thursday denied that patient records had been put up for "
        "sale.\n\n"
        "The Calder Valley Hospitals NHS Trust said the attack had exposed the names of 61,000 patients."
    )
    assert _speaker_of(text, "patient records") == "Calder Valley Hospitals NHS Trust"


def test_a_lede_minister_of_one_portfolio_is_not_a_minister_of_another() -> None:
    text = (
        "Portugal's finance minister said on Wednesday that the government would not delay a planned rise "
        "in the pension age.\n\n"
        "Rui Valadares told reporters that the reform had been fully costed.\n\n"
        "Labour Minister Ines Carvalho told lawmakers on Tuesday that miners should retire earlier."
    )
    assert _speaker_of(text, "would not delay") == "Rui Valadares"
    named = text.replace("Labour Minister", "Finance Minister").replace("Rui Valadares", "He")
    assert _speaker_of(named, "would not delay") == "Ines Carvalho"


def test_a_name_after_news_site_is_the_outlet_that_reported() -> None:
    text = (
        "The museum denied on Thursday that card details had been exposed.\n\n"
        "Technology news site Datalek Nieuws reported on Tuesday that a file of ticket orders was for sale."
    )
    assert _speaker_of(text, "a file of ticket orders") == "Datalek Nieuws"


def test_the_museum_is_the_museum_named_in_one_compound_word() -> None:
    text = (
        "The Maritiem Kunstmuseum in Rotterdam on Thursday denied that card details had been exposed.\n\n"
        "The museum, which reopened in 2022, said it would email all affected customers by Friday."
    )
    assert _speaker_of(text, "email all affected customers") == "Maritiem Kunstmuseum"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the parser took the name's last word for a plural noun
        (
            "Islanders will lose sailings under a timetable published by operator Orkney Island Links on "
            "Wednesday. The company said the cuts were needed because it could not recruit deckhands.",
            "the cuts were needed",
            "Orkney Island Links",
        ),
        # a country is no surname: the name is an organisation's, and 'the group' is it
        (
            "A marketplace on Thursday denied a consumer group's claim that most earbuds sold on its site "
            "were counterfeit.\n\nConsumer Watch Netherlands said in a report published on Tuesday that 14 "
            "of the 20 pairs it had bought were fakes. The group said the fakes lacked a noise-cancelling "
            "chip.",
            "the fakes lacked",
            "Consumer Watch Netherlands",
        ),
        # the name misparsed off the noun before it
        (
            "Online marketplace Bazaarly on Thursday denied a consumer group's claim, saying it removes fake "
            'listings "the moment they are reported."',
            "it removes fake listings",
            "Bazaarly",
        ),
        # the paper is the Northern Star; 'newspaper' says what it is
        (
            "The ferry operator cut sailings.\n\nThe Northern Star newspaper reported on Monday that the "
            "operator's fuel bill had risen by 40 percent.",
            "fuel bill had risen",
            "Northern Star",
        ),
    ],
)
def test_organisation_names_the_parser_or_ner_cut_short(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == speaker


def test_an_association_ner_took_for_a_title_is_the_organisation_that_speaks() -> None:
    text = (
        "CORK, Ireland, 15 May 2024 (Southern Farm Wire) - Two dairy cooperatives said on Wednesday they had "
        "agreed to merge.\n\n"
        "The Munster Dairy Farmers' Association, which represents about 6,000 milk suppliers in the region, "
        "welcomed the talks but said farmers must come first."
    )
    assert _speaker_of(text, "farmers must come first") == "Munster Dairy Farmers' Association"


def test_a_toymaker_is_a_company() -> None:
    record = extract_text(
        "Danish toymaker Kubix on Thursday rejected a European Commission finding that magnets can come "
        "loose from its building set.",
        headline="Test",
        published="2023-03-09",
    )
    assert isinstance(record, ArticleRecord)
    assert [(a.name, a.kind) for a in record.actors if a.name == "Kubix"] == [("Kubix", "ORG")]


def test_a_ground_named_after_its_sponsor_is_a_place_not_the_sponsor() -> None:
    text = (
        "Ridgeway United said on Friday that its ground would be renamed the Vantix Arena from July under a "
        "naming-rights agreement with the payments company Vantix.\n\n"
        "Vantix, which processes card payments for about 30,000 shops, said in a statement that it would "
        "also pay for a new community pitch beside the ground."
    )
    assert _speaker_of(text, "community pitch") == "Vantix"


def test_transit_ends_a_company_name_that_the_company_refers_back_to() -> None:
    text = (
        "The Duluth school board voted on Tuesday to award a student transportation contract to Lakehead "
        "Transit, ending a 22-year arrangement with local operator Arrowhead Coaches.\n\n"
        "Lakehead Transit declined to comment on its hiring plans. In its bid, the company said it expected "
        "to recruit 60 drivers by June 30."
    )
    assert _speaker_of(text, "recruit 60 drivers") == "Lakehead Transit"


def test_a_name_ner_began_after_a_hyphen_is_taken_whole() -> None:
    text = (
        "JOHANNESBURG, Aug. 9, 2023 (Veld News Agency) - Ride-hailing company Zoomla on Wednesday denied "
        "that it had cut the share of each fare paid to its drivers.\n\n"
        "The Gauteng e-Hailing Drivers' Association said on Monday that in-app statements showed the "
        "company had raised its commission."
    )
    assert _speaker_of(text, "in-app statements") == "Gauteng e-Hailing Drivers' Association"


def test_a_practice_in_a_city_is_not_the_city() -> None:
    text = (
        "BRISTOL, England, Feb. 7, 2023 (Westcountry News Agency) - A family doctors' practice in south "
        "Bristol on Tuesday denied a newspaper report that children had been given vaccines from a "
        "refrigerator that failed on Saturday, saying every dose from the unit had been set aside."
    )
    assert _speaker_of(text, "every dose from the unit") != "Bristol"
