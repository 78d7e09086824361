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
    assert {"Sulawesi Bumi", "PT Sulawesi Bumi Mineral"} <= mentions  # the mention without its 's
    assert actors["Mandala Sekuritas"].kind == "ORG"


def test_a_company_title_speaks_for_the_company_just_named() -> None:
    actors = _actors(
        "Indonesian nickel miner PT Sulawesi Bumi Mineral has postponed its smelter. The company denied the "
        'report. "Construction is on track," company secretary Rina Wulandari said.'
    )
    assert actors["Rina Wulandari"].affiliation == "PT Sulawesi Bumi Mineral"


def test_an_appositive_title_may_name_a_long_organisation() -> None:
    actors = _actors(
        '"I would be happy if that were true," Helene Moreau, deputy director of operations at the U.N. '
        "Office for the Coordination of Humanitarian Affairs, told reporters in Geneva."
    )
    moreau = actors["Helene Moreau"]
    assert moreau.titles == ("deputy director of operations",)
    assert moreau.affiliation == "U.N. Office for the Coordination of Humanitarian Affairs"


def _dated_actors(text: str) -> dict[str, Actor]:
    """Actors of an article given whole, dateline included."""
    record = extract_text(text)
    assert isinstance(record, ArticleRecord)
    return {a.name: a for a in record.actors}


def test_an_outlet_the_dateline_credits_is_an_organisation_and_its_editor_speaks_for_it() -> None:
    actors = _dated_actors(
        "Ferry operator rejects report\n\nBERGEN (Fjordposten / Nordvik Wire - 16th June, 2021) The operator "
        "rejected a report on Wednesday.\n\nFjordposten reported on Monday that the company had skipped "
        "inspections.\n\nFjordposten's news editor, Kari Mjelde, said the newspaper stood by its reporting."
    )
    assert actors["Fjordposten"].kind == "ORG"
    assert actors["Kari Mjelde"].affiliation == "Fjordposten"


def test_a_title_is_no_part_of_a_name_the_tagger_missed() -> None:
    actors = _dated_actors(
        "Bank sold dollars\n\nLUSAKA, Zambia, Feb. 20, 2023 - Bank of Zambia Governor Mwila Chanda on Monday "
        "confirmed that the central bank had sold dollars.\n\nThe Ledger's editor, Joseph Banda, said the "
        "paper stood by its reporting. Business weekly Lusaka Ledger had reported the sale."
    )
    assert "Bank of Zambia Governor" in actors["Mwila Chanda"].titles
    assert "Mwila" not in actors
    assert actors["Joseph Banda"].affiliation == "Lusaka Ledger"


def test_who_after_a_name_makes_a_person_and_in_before_one_a_place() -> None:
    actors = _actors(
        "The invoices covered a shipment of empty bottles from a glassworks in Valencia. Anne-Marie Douat, "
        "who heads the Libourne Winegrowers' Federation, questioned whether the growers could hide it."
    )
    assert actors["Anne-Marie Douat"].kind == "PERSON"
    assert actors.get("Valencia") is None or actors["Valencia"].kind != "PERSON"


def test_an_agency_described_then_named_in_apposition_is_the_named_agency() -> None:
    actors = _actors(
        "France's fraud-control agency, the DGCCRF, confirmed that it had opened an inquiry into the "
        "cooperative's purchases."
    )
    assert "France's fraud-control agency" in [m.text for m in actors["DGCCRF"].mentions]
    assert actors["DGCCRF"].affiliation == "France"


def test_whom_a_post_or_a_lead_names_is_the_affiliation() -> None:
    actors = _actors(
        "Le Courrier de l'Estuaire reported on Monday that the Caves de Saint-Sulpice cooperative had bought "
        "Spanish wine. \"That is false,\" said Bernard Lacaze, the cooperative's president. France's "
        "fraud-control agency, the DGCCRF, confirmed an inquiry. Anne-Marie Douat, who heads the Libourne "
        "Winegrowers' Federation, questioned the report. The newspaper's editor, Paul Dufau, said the paper "
        "stood by its story."
    )
    assert actors["Bernard Lacaze"].affiliation == "Caves de Saint-Sulpice"
    assert "president" in actors["Bernard Lacaze"].titles
    assert actors["Anne-Marie Douat"].affiliation == "Libourne Winegrowers' Federation"
    assert actors["Libourne Winegrowers' Federation"].titles == ()
    assert actors["Paul Dufau"].affiliation == "Le Courrier de l'Estuaire"


def test_a_capitalised_name_an_apposition_calls_a_group_is_an_organisation() -> None:
    actors = _actors(
        "The court upheld the permit to draw water from Alder Brook.\n\nFriends of Alder Brook, the "
        "neighbors' group that brought the appeal, said it was disappointed."
    )
    friends = actors["Friends of Alder Brook"]
    assert friends.kind == "ORG"
    assert friends.titles == ("the neighbors' group",)
    assert "Alder Brook" not in [m.text for m in friends.mentions]


def test_capitals_and_demonyms_across_the_world() -> None:
    actors = _actors(
        "Copenhagen said it would raise the dispute with Ottawa. Ghanaian Finance Minister Kofi Boateng "
        "said the figures were sound."
    )
    assert "Copenhagen" in [m.text for m in actors["Denmark"].mentions]
    assert actors["Kofi Boateng"].affiliation == "Ghana"


def test_names_ner_cut_short_are_whole() -> None:
    actors = _dated_actors(
        "Bus maker recalls fleet\n\nWINNIPEG, August 22, 2023 (Prairie Business Journal) - Norhaven Coach "
        "Industries is recalling 1,140 electric transit buses, the company said on Tuesday.\n\nThe "
        "Commission for the Prevention of Corruption said it had opened a review.\n\nGovernment "
        "Statistician Abena Ofori rejected suggestions that the survey had been redesigned to flatter "
        "the government."
    )
    assert "Norhaven Coach Industries" in actors
    assert "Commission for the Prevention of Corruption" in actors
    assert "Abena Ofori" in actors


def test_club_suffixes_and_linked_name_words_make_whole_organisations() -> None:
    """'Douro FC' read as a person, 'Diario del Turia' cut at 'del': both whole organisations."""
    actors = _actors(
        "Portuguese club Douro FC insisted on Tuesday that striker Rui Tavares was staying.\n\nThe Valencia "
        "daily Diario del Turia reported on Monday that the two clubs had settled on the fee."
    )
    assert actors["Douro FC"].kind == "ORG"
    assert actors["Diario del Turia"].kind == "ORG"


def test_the_dateline_town_is_not_the_outlet_named_after_it() -> None:
    actors = _dated_actors(
        "Plant to cut jobs\n\nDAYTON, Ohio, Jan. 11, 2024 - Harlow Appliance Co. will cut about 640 jobs at "
        "its Dayton dishwasher plant, four days after the Dayton Ledger first reported the layoffs."
    )
    ledger = actors["Dayton Ledger"]
    assert [m.text for m in ledger.mentions] == ["Dayton Ledger"]


def test_names_ner_cut_or_mislabelled_are_made_whole() -> None:
    """A surname seen first in a possessive ("Andre Whitlock's"), a councilmember's title, an agency
    name cut at 'and', and a saint's name before 's are all repaired."""
    actors = _actors(
        "The league on Monday questioned Andre Whitlock's account of the missed test. Whitlock said the "
        "collector went to his old apartment. Councilmember Derek Lund said the department had left out "
        "$4 million. According to the Bellingham Parks and Recreation Department, the pool will open in "
        "spring. St. Brigid's Regional Hospital confirmed that five patients had been treated."
    )
    assert [m.text for m in actors["Andre Whitlock"].mentions][:2] == ["Andre Whitlock's", "Whitlock"]
    assert actors["Derek Lund"].titles == ("Councilmember",)
    assert actors["Bellingham Parks and Recreation Department"].kind == "ORG"
    assert actors["St. Brigid's Regional Hospital"].kind == "ORG"


def test_an_agency_name_split_at_and_is_one_agency_with_its_acronym() -> None:
    actors = _actors(
        "Nigeria's National Oil Spill Detection and Response Agency (NOSDRA) said it had sent a team to "
        "Kpor on Wednesday. NOSDRA said its final report would be published within 30 days. Brown County "
        "Clerk Paul Zeitler said every ballot had been counted."
    )
    agency = actors["National Oil Spill Detection and Response Agency"]
    assert "NOSDRA" in [m.text for m in agency.mentions]
    assert actors["Paul Zeitler"].titles == ("Brown County Clerk",)


def test_title_pieces_broadcast_names_and_described_companies() -> None:
    """'Secretary of State for Infrastructure Ricardo Valente' is Valente (no 'State' organisation);
    'TV Ribatejo' keeps 'TV'; 'Via Tejo, the private company that ...' is a company; 'the Tagus river'
    is no actor."""
    text = (
        "Regional broadcaster TV Ribatejo said on Monday that inspectors had found corrosion in the cables "
        "of the bridge over the Tagus river. The station also reported that Via Tejo, the private company "
        "that maintains the bridge, had delayed an inspection.\n\n"
        '"We will not take risks with this bridge," Secretary of State for Infrastructure Ricardo Valente '
        "told a news conference in Lisbon."
    )
    actors = _actors(text)
    assert actors["TV Ribatejo"].kind == "ORG"
    assert actors["Via Tejo"].kind == "ORG"
    assert actors["Ricardo Valente"].kind == "PERSON"
    assert "State" not in actors
    assert "Tagus" not in actors


def test_a_un_agency_described_is_the_one_named_later_and_records_is_a_company_word() -> None:
    actors = _actors(
        "The U.N. refugee agency on Tuesday rejected accusations that it was encouraging asylum seekers to "
        "cross into the south of the island. UNHCR said it had never told anyone to come. Ironwood Records "
        "on Monday rejected accusations by a singer that the label had withheld royalties."
    )
    assert "U.N." in [m.text for m in actors["UNHCR"].mentions]
    assert actors["Ironwood Records"].kind == "ORG"


def test_full_names_found_late_join_the_short_forms_seen_first() -> None:
    """A name NER missed in full ('Ironwood Records', 'Carolina Fuentes') joins its short form NER found
    ('Ironwood', 'Fuentes'); 'The Diocese of Davenport' keeps its place."""
    actors = _actors(
        "NASHVILLE, September 12, 2022 (Music Row Journal) - Ironwood Records on Monday rejected accusations "
        "by a singer that the label had withheld royalties. In a statement, Ironwood called the accusations "
        '"false."\n\nCarolina Fuentes, who leads a satellite-tracking group at the Coquimbo Institute of '
        'Astrophysics, said her team had followed the satellite for three weeks. "We would like to believe '
        'the company," Fuentes said.\n\nThe Diocese of Davenport on Thursday confirmed that the bishop has '
        "resigned."
    )
    assert "Ironwood" in [m.text for m in actors["Ironwood Records"].mentions]
    assert "Fuentes" in [m.text for m in actors["Carolina Fuentes"].mentions]
    assert actors["Diocese of Davenport"].kind == "ORG"


def test_a_company_that_owns_a_title_is_an_actor_and_the_persons_employer() -> None:
    actors = _actors(
        "Dead fish washed up along the river on Monday.\n\n"
        '"That is simply not true," said Victor Oprea, Carpatic Aur\'s general manager.'
    )
    assert actors["Victor Oprea"].affiliation == "Carpatic Aur"
    assert [m.text for m in actors["Carpatic Aur"].mentions] == ["Carpatic Aur"]


def test_an_employer_written_short_takes_the_organisations_full_name() -> None:
    actors = _actors(
        "Portuguese club Douro FC insisted on Tuesday that striker Rui Tavares was staying.\n\n"
        '"We are counting on him," said Marta Lobo, a spokeswoman for Douro FC.'
    )
    assert actors["Marta Lobo"].affiliation == "Douro FC"


def test_a_name_given_to_a_river_is_a_place_everywhere() -> None:
    actors = _actors(
        "Dead fish washed up along the Sasar river on Tuesday. The Sasar supplies drinking water to about "
        "9,000 people, the agency said."
    )
    assert "Sasar" not in actors


def test_a_lede_company_description_is_the_one_company_named_next() -> None:
    text = (
        "A Romanian gold-processing company on Tuesday denied that it had waited two days before alerting "
        "authorities to a cyanide leak.\n\n"
        "Gazeta de Nord reported on Monday that managers had told workers to keep quiet about the leak.\n\n"
        '"That is simply not true," said Victor Oprea, Carpatic Aur\'s general manager.'
    )
    mentions = [m.text for m in _actors(text)["Carpatic Aur"].mentions]
    assert "A Romanian gold-processing company" in mentions


def test_a_given_name_ner_left_in_the_title_joins_the_surname() -> None:
    actors = _actors("Assistant Chief Constable Priya Natarajan said the fall reflected targeted patrols.")
    assert actors["Priya Natarajan"].titles == ("Assistant Chief Constable",)


def test_a_police_force_named_after_its_region_is_an_organisation_and_the_force() -> None:
    actors = _actors(
        "Knife crime recorded by West Yorkshire Police fell by 14 percent, according to figures published "
        "by the force on Tuesday. Crime across West Yorkshire fell for the first time since 2019."
    )
    police = actors["West Yorkshire Police"]
    assert police.kind == "ORG"
    assert [m.text for m in police.mentions] == ["West Yorkshire Police", "the force"]


def test_a_name_followed_by_which_is_an_organisation_and_a_name_cut_at_of_is_whole() -> None:
    actors = _actors(
        "Thalassa Watch, which has monitored the island's beaches since 1994, said its volunteers had "
        "recorded 1,412 nests. Boat traffic remains the biggest threat, said the National Marine Park of "
        "Zakynthos."
    )
    assert actors["Thalassa Watch"].kind == "ORG"
    assert "National Marine Park of Zakynthos" in actors


def test_a_name_with_s_before_a_comma_is_a_shop_not_a_person() -> None:
    actors = _actors(
        "Halbrook Appliances denied a report on Monday.\n\nGarnett's, a chain of 40 hardware shops "
        "across the north of England, said it had removed the heater from its shelves."
    )
    assert actors["Garnett's"].kind == "ORG"


def test_a_unions_name_cut_at_and_is_whole() -> None:
    actors = _actors(
        'But the Rail and Maritime Union said its negotiators had left the meeting because "nothing new '
        'was on the table."'
    )
    assert "Rail and Maritime Union" in actors


def test_a_body_named_by_its_field_is_the_organisation_whose_name_holds_its_words() -> None:
    actors = _actors(
        "Zambia's national examinations authority on Tuesday denied that a chemistry paper had been "
        'leaked.\n\n"Our seals were intact," said Bernard Mwansa, director of the Zambia Schools '
        "Examinations Authority (ZSEA)."
    )
    mentions = [m.text for m in actors["Zambia Schools Examinations Authority"].mentions]
    assert "national examinations authority" in mentions


def test_a_name_ending_in_utilities_is_a_company() -> None:
    actors = _actors(
        "Nitrate readings at two wells topped the federal limit, the Courier reported.\n\n"
        "Harlan Springs Municipal Utilities said it would post every test result online by March 1."
    )
    assert actors["Harlan Springs Municipal Utilities"].kind == "ORG"


def test_a_name_after_a_bearing_is_a_place() -> None:
    actors = _actors(
        "The Financial Ledger reported on Monday that the tanker had taken on two million barrels in open "
        "waters east of Pulau Tioman on Aug. 14."
    )
    assert "Pulau Tioman" not in actors or actors["Pulau Tioman"].kind != "PERSON"


def test_a_ship_is_no_actor_and_the_lede_owner_is_the_company_named_after() -> None:
    text = (
        "The Singapore-based manager of the oil tanker Meridian Star on Tuesday rejected a newspaper report "
        "that the vessel had loaded sanctioned crude.\n\n"
        "The Financial Ledger reported on Monday that the tanker had taken on two million barrels.\n\n"
        "Harrow Marine Management said the ship had been at anchor off Johor throughout August."
    )
    actors = _actors(text)
    assert "Meridian Star" not in actors
    mentions = [m.text for m in actors["Harrow Marine Management"].mentions]
    assert "The Singapore-based manager of the oil tanker Meridian Star" in mentions


def test_a_canal_is_no_actor_and_a_field_named_agency_is_the_office_named_next() -> None:
    text = (
        "Germany will raise tolls on the Kiel Canal by 35 percent from July 1, the federal waterways agency "
        "said on Wednesday.\n\nThe Federal Waterways and Shipping Office said the increase would bring in "
        "about 28 million euros a year."
    )
    actors = _actors(text)
    assert "Kiel Canal" not in actors
    mentions = [m.text for m in actors["Federal Waterways and Shipping Office"].mentions]
    assert any("waterways agency" in m for m in mentions)


def test_a_name_ending_in_a_company_word_is_a_company_though_ner_missed_it() -> None:
    actors = _actors(
        "Humberside Water on Tuesday denied that it had waited four days before warning customers. "
        "Humberside Water, which supplies 1.1 million customers, was fined in 2019."
    )
    assert actors["Humberside Water"].kind == "ORG"
    assert len(actors["Humberside Water"].mentions) == 2


def test_the_union_is_the_association_named_before() -> None:
    actors = _actors(
        "The Northern Pilots Association said in a letter to members that captains had been told to depart "
        "with faulty boots. A former dispatcher, Renée Tremblay, confirmed the union's account."
    )
    mentions = [m.text for m in actors["Northern Pilots Association"].mentions]
    assert "the union's" in mentions or "the union" in mentions


def test_two_states_ministries_of_one_name_are_two_actors() -> None:
    record = extract_text(
        "Argentina's Foreign Ministry said in a statement that the businessman had entered the embassy. "
        "Uruguay's Foreign Ministry rejected the accusation.",
        headline="Test",
        published="2023-05-17",
    )
    assert isinstance(record, ArticleRecord)
    ministries = {a.affiliation for a in record.actors if a.name == "Foreign Ministry"}
    assert ministries == {"Argentina", "Uruguay"}


def test_a_given_name_left_out_of_an_org_read_surname_makes_a_person() -> None:
    actors = _actors(
        "The observatory's director, Ana Beltrán, confirmed that satellite trails had been found in some "
        "images. She said it was too early to say how many were caused by the satellite."
    )
    assert actors["Ana Beltrán"].kind == "PERSON"


def test_an_exchange_named_after_its_kind_is_a_company() -> None:
    actors = _actors(
        "Cryptocurrency exchange Velora Digital suspended all customer withdrawals on Wednesday. The "
        'Singapore-based exchange said trading would continue. Velora dismissed the report as "malicious '
        'speculation."'
    )
    velora = actors["Velora Digital"]
    assert velora.kind == "ORG"
    assert {"Velora", "The Singapore-based exchange"} <= {m.text for m in velora.mentions}


def test_the_hague_speaks_for_the_netherlands_and_de_vries_is_a_person() -> None:
    actors = _actors(
        '"That is not true," company spokeswoman Marloes de Vries said. Rotterdam police said they were '
        "assisting the investigation. The Hague said it would wait for the board's findings."
    )
    assert actors["Marloes de Vries"].kind == "PERSON"
    assert "The Hague" in [m.text for m in actors["Netherlands"].mentions]


def test_a_common_nouns_possessive_is_not_part_of_the_name_it_owns() -> None:
    actors = _actors(
        "The University of Caledon said it had opened an inquiry into Professor Ewan Strachan, director of "
        "the university's Institute for Molecular Oncology. The university confirmed that two complaints "
        "had been received in 2019."
    )
    assert "Institute for Molecular Oncology" in actors
    assert "The university" in [m.text for m in actors["University of Caledon"].mentions]


def test_an_organisation_after_a_name_is_its_affiliation_and_names_stay_whole() -> None:
    actors = _actors(
        "Transport economist Lotte Brink of Delft University said freight would stay on barges, because "
        "lorry tolls were also rising.\n\n"
        "Nieuwe Maas Containers, which runs three inland terminals, said it did not expect to change routes."
    )
    assert actors["Lotte Brink"].affiliation == "Delft University"
    assert actors["Nieuwe Maas Containers"].kind == "ORG"
    assert "lorry" not in actors


def test_a_place_and_its_police_are_the_police_force() -> None:
    actors = _actors("Rotterdam police said they were assisting the board's investigation.")
    assert actors["Rotterdam police"].kind == "ORG"
