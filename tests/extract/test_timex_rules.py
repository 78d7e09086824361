"""TIMEX3 rules one by one: span edges, values and non-timexes, as `text -> (text, type, value)` (model)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrail.extract.dates import extract_timexes

pytestmark = pytest.mark.model

WEDNESDAY = dt.date(2020, 9, 30)


def _timexes(nlp: object, text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in extract_timexes(nlp(text), anchor)]  # type: ignore[operator]


SPANS = [
    # quantity modifiers stay inside a duration (TimeML mod), prepositions stay outside
    ("The intruders had access for about three weeks.", ("about three weeks", "DURATION", "P3W")),
    ("It lasted roughly four years.", ("roughly four years", "DURATION", "P4Y")),
    ("It took some 19 days to arrive.", ("some 19 days", "DURATION", "P19D")),
    ("The index closed at its lowest level in over six years.", ("over six years", "DURATION", "P6Y")),
    ("He took kickbacks from a supplier over six years.", ("six years", "DURATION", "P6Y")),
    ("Potholes hit a record in the 12 months to March.", ("the 12 months", "DURATION", "P12M")),
    ("The jury heard the three-week trial.", ("three-week", "DURATION", "P3W")),
    ("Snow melts about 11 days earlier than it did.", ("about 11 days", "DURATION", "P11D")),
    # clock times end at the time (or its zone / "hrs"), never at a following blank
    ("The guns fell silent at 10:57 on the front.", ("10:57", "TIME", "2020-09-30T10:57")),
    ("The attack began at 03:00hrs.", ("03:00hrs", "TIME", "2020-09-30T03:00")),
    ("The FBI had monitored the men since last year and recorded them.", ("last year", "DATE", "2019")),
    ("The sample had accounts created as recently as September.", ("September", "DATE", "2020-09")),
    ("He made an offer during the January transfer window.", ("January", "DATE", "2020-01")),
    ("Work finished early because of a mild December.", ("December", "DATE", "2019-12")),
    ("Carmakers reported their September sales.", ("September", "DATE", "2020-09")),
    ("Work would finish by 2024, a year before the Games.", ("a year", "DURATION", "P1Y")),
    ("Production rose by 20 million doses a year.", ("a year", "SET", "P1Y")),
    # a quantity and what it counts before "a day" make a rate, even with "before" after it
    ("The refinery processes 160,000 barrels of crude oil a day.", ("a day", "SET", "P1D")),
    ("The exchange handled about $2 billion in trades a month.", ("a month", "SET", "P1M")),
    ("The viaduct carried about 30,000 vehicles a day before it was closed.", ("a day", "SET", "P1D")),
    ("The firm sold 3 million phones within a year.", ("a year", "DURATION", "P1Y")),
    ("The town had 5,000 residents a year ago.", ("a year ago", "DATE", "2019")),
    # the start of a range takes the year of its end, the year before across New Year
    ("The Battle of Old Baldy (26 June - 4 August 1952) followed.", ("26 June", "DATE", "1952-06-26")),
    ("Troops left from November 15 to February 15, 1989.", ("November 15", "DATE", "1988-11-15")),
    ("Talks were held on March 5-9, 1918 in Brest.", ("March 5", "DATE", "1918-03-05")),
    # both ends of a day range are dates: "April 13-15", "from 15 to 22 February"
    ("Villa attacked from April 13-15, 1915.", ("15, 1915", "DATE", "1915-04-15")),
    ("From 15 to 22 February 1984, Iran attacked.", ("15", "DATE", "1984-02-15")),
    # the second decade of a pair
    ("It rid Detroit of the boxy cars of the 70s and 80s.", ("80s", "DATE", "198")),
    ("Cars of the 1970s and 80s were boxy.", ("80s", "DATE", "198")),
]


@pytest.mark.parametrize(("text", "expected"), SPANS, ids=[c[1][0] for c in SPANS])
def test_span_and_value(nlp: object, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(nlp, text)


DURATIONS = [
    # decades and centuries keep their TIMEX3 units; plural units without a number count "some"
    ("Output fell over four decades.", ("four decades", "DURATION", "P40Y")),
    ("Relations are at their lowest point in decades.", ("decades", "DURATION", "PXY")),
    ("The empire lasted two centuries.", ("two centuries", "DURATION", "P2CE")),
    # "a single" counts one
    ("The index posted its biggest single-day drop.", ("single-day", "DURATION", "P1D")),
    ("Prices doubled in a single year.", ("a single year", "DURATION", "P1Y")),
    # a fortnight is two weeks
    ("The ministry must reply within a fortnight.", ("a fortnight", "DURATION", "P2W")),
    ("The talks collapsed a fortnight ago.", ("a fortnight ago", "DATE", "2020-W38")),
    ("The talks could drag on for weeks.", ("weeks", "DURATION", "PXW")),
    ("The index gave up its gains in just minutes.", ("minutes", "DURATION", "PTXM")),
    ("The fire was contained within hours.", ("hours", "DURATION", "PTXH")),
    ("Prices have climbed in recent years.", ("recent years", "DURATION", "PXY")),
    ("Demand will grow in the coming months.", ("the coming months", "DURATION", "PXM")),
    ("The plant changed hands over the years.", ("the years", "DURATION", "PXY")),
    ("It ended a decades-long feud.", ("decades-long", "DURATION", "PXY")),
    ("The empire had lasted 1,460 years.", ("1,460 years", "DURATION", "P1460Y")),
    (
        "Japan shrank for two consecutive quarters of negative growth.",
        ("two consecutive quarters", "DURATION", "P2Q"),
    ),
    ("Days later, the army withdrew.", ("Days later", "DATE", "FUTURE_REF")),
    ("The war lasted close to two years.", ("close to two years", "DURATION", "P2Y")),
    # the first count of a range takes the range's unit; "and" only after "between"; not in a range of dates
    ("The process would take between 60 and 90 days.", ("60", "DURATION", "P60D")),
    ("They were tutored for ten or fifteen years.", ("ten", "DURATION", "P10Y")),
    ("Repairs take two to three weeks.", ("two", "DURATION", "P2W")),
    # halves count in the value, before or after the unit
    ("The jet came almost two and a half years late.", ("almost two and a half years", "DURATION", "P2.5Y")),
    ("The siege lasted a year and a half.", ("a year and a half", "DURATION", "P1.5Y")),
    # "for the next year" on a verb is how long; on a noun it names the year
    ("Fighting in Siberia continued for the next year.", ("the next year", "DURATION", "P1Y")),
    # the weekend the tense points to; sets of weekends
    ("Websites reported over the weekend that he had resigned.", ("the weekend", "DATE", "2020-W39-WE")),
    ("Crews will work over the weekend.", ("the weekend", "DATE", "2020-W40-WE")),
    ("Crews would work every weekend until March.", ("every weekend", "SET", "XXXX-WXX-WE")),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS, ids=[c[1][0] for c in DURATIONS])
def test_durations_and_vague_periods(nlp: object, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(nlp, text)


PARTS_OF_DAY = [
    (
        "He was killed on the evening of Aug. 14, 2020.",
        ("the evening of Aug. 14, 2020", "TIME", "2020-08-14TEV"),
    ),
    (
        "Troops moved in the early morning hours of 30 April.",
        ("the early morning hours of 30 April", "TIME", "2020-04-30TMO"),
    ),
    ("Shares fell in afternoon trading.", ("afternoon", "TIME", "2020-09-30TAF")),
    ("The talks resumed in the evening.", ("the evening", "TIME", "2020-09-30TEV")),
    (
        "On September 3 the fort fell. That afternoon the garrison surrendered.",
        ("That afternoon", "TIME", "2020-09-03TAF"),
    ),
    (
        "On September 3 the fort fell. Early the next morning they left.",
        ("Early the next morning", "TIME", "2020-09-04TMO"),
    ),
    ("The raids came at night.", ("night", "TIME", "XXXX-XX-XXTNI")),
    ("On September 3 the fort fell. Later that month it burned.", ("Later that month", "DATE", "2020-09")),
    # the trading day of market reports
    ("The index rose 0.9% to finish the day at 5,210.", ("the day", "DATE", "2020-09-30")),
    ("Stocks fell on Monday but recovered later in the day.", ("the day", "DATE", "2020-09-28")),
]


@pytest.mark.parametrize(("text", "expected"), PARTS_OF_DAY, ids=[c[1][0] for c in PARTS_OF_DAY])
def test_parts_of_day(nlp: object, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(nlp, text)


CALENDAR_PHRASES = [
    ("Sales fell last March.", ("last March", "DATE", "2020-03")),
    ("The plant reopens next June.", ("next June", "DATE", "2021-06")),
    ("Exports recovered last October.", ("last October", "DATE", "2019-10")),
    ("Art flourished in the 19th century.", ("the 19th century", "DATE", "18")),
    ("Trade grew in the early 21st century.", ("the early 21st century", "DATE", "20")),
    ("Sparta rose in the 4th century BC.", ("the 4th century BC", "DATE", "BC03")),
    ("Athens grew in the 470s BC.", ("the 470s BC", "DATE", "BC047")),
    ("The fleet sailed in August 480 BC.", ("August 480 BC", "DATE", "BC0480-08")),
    # the start of a BC range takes the era of its end (BC years count down); "B.C" may lose its last dot
    ("The first invasion of Greece (492-490 BC) failed.", ("492", "DATE", "BC0492")),
    ("The revolt lasted 499 to 493 BC in Ionia.", ("499", "DATE", "BC0499")),
    ("The Third Punic War (149 B.C to 146 B.C) was short.", ("149 B.C", "DATE", "BC0149")),
    # in news of its own time "BC" after a recent year is British Columbia
    ("In 2019 BC Hydro raised its rates.", ("2019", "DATE", "2019")),
    ("Growth slowed in the second half of 2008.", ("the second half of 2008", "DATE", "2008-H2")),
    ("Talks resume in the first week of March 2019.", ("the first week of March 2019", "DATE", "2019-W10")),
    ("The offer expires on the last day of 2019.", ("the last day of 2019", "DATE", "2019-12-31")),
    ("Raids came on February 15 and 22, 1984.", ("22, 1984", "DATE", "1984-02-22")),
    ("On August 3 the fort fell, and on the 20th the siege ended.", ("the 20th", "DATE", "2020-08-20")),
    ("The army crossed the river at Christmas 1776.", ("Christmas 1776", "DATE", "1776-12-25")),
    ("Shops expect record sales at Thanksgiving.", ("Thanksgiving", "DATE", "2020-11-26")),
    ("The church was full on Easter Sunday 2019.", ("Easter Sunday 2019", "DATE", "2019-04-21")),
    ("Shares hit their lowest level since '82.", ("'82", "DATE", "1982")),
    ("The offensive began in the 1982 summer.", ("1982 summer", "DATE", "1982-SU")),
    ("The fleet gathered in the spring of 480 BC.", ("the spring of 480 BC", "DATE", "BC0480-SP")),
    ("Raids peaked in August-September 1950.", ("August", "DATE", "1950-08")),
    ("Troops will withdraw in the spring of next year.", ("the spring of next year", "DATE", "2021-SP")),
    ("The school will plant a garden this spring.", ("this spring", "DATE", "2021-SP")),
    ("Fighting eased in the middle of summer.", ("the middle of summer", "DATE", "2020-SU")),
]


SETS_AND_REFERENCES = [
    ("The board meets twice a week.", ("twice a week", "SET", "P1W")),
    ("Shops close on Mondays.", ("Mondays", "SET", "XXXX-WXX-1")),
    ("They rest on Sunday afternoons.", ("Sunday afternoons", "SET", "XXXX-WXX-7TAF")),
    ("The pass closes every September.", ("every September", "SET", "XXXX-09")),
    ("Profit will fall in the current fiscal year.", ("the current fiscal year", "DATE", "FY2020")),
    ("Music changed in the sixties.", ("the sixties", "DATE", "196")),
    ("Results are due by year-end.", ("year-end", "DATE", "2020")),
    ("Profit rose in the latest quarter.", ("the latest quarter", "DATE", "2020-Q2")),
    ("Rates stay on hold for the time being.", ("the time being", "DATE", "PRESENT_REF")),
    ("He is abroad at the moment.", ("the moment", "DATE", "PRESENT_REF")),
    ("The company expects a loss for the year.", ("the year", "DATE", "2020")),
    ("The index fell 3% for the week.", ("the week", "DATE", "2020-W40")),
    ("The offer expires at midnight Friday.", ("midnight Friday", "TIME", "2020-10-02T24:00")),
    ("It closed at 45 yesterday, down from 47 the day before.", ("the day before", "DATE", "2020-09-28")),
    ("Earnings are due in coming weeks.", ("coming weeks", "DURATION", "PXW")),
    ("A few years back, prices were lower.", ("A few years back", "DATE", "PAST_REF")),
    ("Profit in the fiscal fourth quarter fell.", ("the fiscal fourth quarter", "DATE", "2019-Q4")),
]


@pytest.mark.parametrize(
    ("text", "expected"), SETS_AND_REFERENCES, ids=[c[1][0] for c in SETS_AND_REFERENCES]
)
def test_sets_and_references(nlp: object, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(nlp, text)


@pytest.mark.parametrize(("text", "expected"), CALENDAR_PHRASES, ids=[c[1][0] for c in CALENDAR_PHRASES])
def test_calendar_phrases(nlp: object, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(nlp, text)


ANCHORING = [
    # "since" looks back whatever the tense
    ("Markets have their best week since November.", ("November", "DATE", "2019-11")),
    (
        "Dealers whose franchises end after October of next year get aid.",
        ("October of next year", "DATE", "2021-10"),
    ),
    (
        "At a press conference at 16:15 UTC, September 28, he resigned.",
        ("16:15 UTC", "TIME", "2020-09-28T16:15Z"),
    ),
    (
        "The invasion began at 5:34 AM Baghdad time on March 20, 2003.",
        ("5:34 AM", "TIME", "2003-03-20T05:34"),
    ),
    ("Darius ordered a further campaign for the following year.", ("the following year", "DATE", "2021")),
    # the period just named, a year back (its precision kept; a day read as its month for "period")
    (
        "Sales fell in January, compared to the same month a year ago.",
        ("the same month a year ago", "DATE", "2019-01"),
    ),
    (
        "Sales rose in August compared to the same period last year.",
        ("the same period last year", "DATE", "2019-08"),
    ),
    (
        "It lost $2bn in the third quarter, after a gain in the same period a year earlier.",
        ("the same period a year earlier", "DATE", "2019-Q3"),
    ),
    ("Sales on Christmas Day beat the same period in 2018.", ("the same period in 2018", "DATE", "2018-12")),
    # the trading day, also when a clause follows ("late in the day after falling"), not "the day before"
    ("The Dow rebounded late in the day after falling 250 points.", ("the day", "DATE", "2020-09-30")),
    # a part of the period in focus: the last date mentioned, else the anchor
    ("In 1946 the talks failed. Later in the year, war resumed.", ("Later in the year", "DATE", "1946")),
    ("In March 2008 it signed; later in the month it collapsed.", ("later in the month", "DATE", "2008-03")),
    ("The plan is due late in the year.", ("late in the year", "DATE", "2020")),
    ("Supplies ran short in the latter part of the year.", ("the latter part of the year", "DATE", "2020")),
    # a period beside the last date mentioned: "the year before", "the year previous"
    ("It earned $2 billion in 2009 after a loss the year previous.", ("the year previous", "DATE", "2008")),
    ("Sales fell in March 2019 and recovered the month after.", ("the month after", "DATE", "2019-04")),
    # the tense up an xcomp chain, and plans ("scheduled for", "set to") look ahead
    ("He said the water was expected to keep rising until Saturday.", ("Saturday", "DATE", "2020-10-03")),
    ("She added that observations scheduled for March would settle it.", ("March", "DATE", "2021-03")),
    ("The plane was set to land on Wednesday after a test flight.", ("Wednesday", "DATE", "2020-09-30")),
    (
        "The lander had been scheduled to lift off at 2:14 a.m. Saturday.",
        ("2:14 a.m. Saturday", "TIME", "2020-10-03T02:14"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ANCHORING, ids=[c[1][0] for c in ANCHORING])
def test_anchoring(nlp: object, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(nlp, text)


def test_a_timex_never_crosses_a_line_break(nlp: object) -> None:
    text = "Markets to remain closed until Friday\nSeptember 18, 2008\nThe government kept markets shut."
    assert [t for t, _, _ in _timexes(nlp, text)] == ["Friday", "September 18, 2008"]


def test_an_undated_text_says_today_of_its_dateline(nlp: object) -> None:
    text = "September 01, 2007\nA test flight was delayed today after an accident. It left at 08:30 UTC."
    got = _timexes(nlp, text, None)
    assert ("today", "DATE", "2007-09-01") in got
    assert ("08:30 UTC", "TIME", "2007-09-01T08:30Z") in got


UNDATED_NARRATIVE = [
    ("In 2005 violence fell. February to April proved calm.", ("February", "DATE", "2005-02")),
    ("In 1918 the line broke. September saw the Germans retreat.", ("September", "DATE", "1918-09")),
]


@pytest.mark.parametrize(("text", "expected"), UNDATED_NARRATIVE, ids=[c[1][0] for c in UNDATED_NARRATIVE])
def test_months_in_an_undated_narrative(nlp: object, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _timexes(nlp, text, None)


def test_a_rejected_match_leaves_room_for_a_shorter_one(nlp: object) -> None:
    assert _timexes(nlp, "Organisers of the 2026 Winter Games met.") == [("2026", "DATE", "2026")]


NOT_TIMEXES = [
    ("Apple unveiled its iLife '11 software suite.", "'11"),
    ("A plane landed on Christmas Island.", "Christmas"),
    ("In 1920 the war went on. March on Vilno, Minsk, Warsaw!", "March"),
    ("It cut about a quarter of its dealers.", "quarter"),
    ("Three-quarters of voters agreed.", "quarters"),
    ("On August 3 the city fell to the 20th Army.", "20th"),
    ("The plant opened in 2003 and hired 450 workers in 2004.", "450"),
    ("Accounts from the years 1751-1777 survive.", "the years"),
    ("French sports daily Le Sport Quotidien reported the bid.", "daily"),
    ("CARDIFF (Wales Daily Post / PA) The minister spoke.", "Daily"),
    ("SILVER SPRING, Md. - A drugmaker recalled tablets.", "SPRING"),
    ("Organisers of the 2026 Winter Games denied the reports.", "Winter"),
    ("The protests of the Arab Spring spread.", "Spring"),
    ("The sample had accounts created as recently as September.", "recently"),
]


@pytest.mark.parametrize(("text", "word"), NOT_TIMEXES, ids=[c[1] for c in NOT_TIMEXES])
def test_not_a_timex(nlp: object, text: str, word: str) -> None:
    assert all(word not in found for found, _, _ in _timexes(nlp, text))


def test_season_in_an_event_name_is_still_a_season(nlp: object) -> None:
    text = "In 1951 the Chinese Winter Offensive overwhelmed the UN lines."
    assert ("Winter", "DATE", "1951-WI") in _timexes(nlp, text, None)


def test_every_rule_has_key_words_and_a_normaliser() -> None:
    from claimtrail.extract import _timex_keys as K
    from claimtrail.extract import _timex_rules as R
    from claimtrail.extract.dates import _HANDLERS

    names = [name for name, _ in R.RULES]
    assert len(names) == len(set(names))
    assert set(names) == set(K.RULE_KEYS) == set(_HANDLERS)


# A modal looks ahead ("should be reconnected by Saturday", "could bring rain over the weekend"), and a
# clock time right after a day is on that day ("next Tuesday at 3 p.m."). The anchor is a Wednesday.
AHEAD = [
    (
        "The utility said most customers should be reconnected by Saturday.",
        ("Saturday", "DATE", "2020-10-03"),
    ),
    (
        "Forecasters said a second system could bring rain over the weekend.",
        ("the weekend", "DATE", "2020-W40-WE"),
    ),
    ("The council will meet next Tuesday at 3 p.m. to discuss it.", ("3 p.m.", "TIME", "2020-10-06T15:00")),
    ("The council could have met on Saturday, officials said.", ("Saturday", "DATE", "2020-09-26")),
]


@pytest.mark.parametrize(("text", "expected"), AHEAD, ids=[c[1][0] + str(i) for i, c in enumerate(AHEAD)])
def test_modals_look_ahead_and_a_clock_time_takes_the_day_before_it(
    nlp: object, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _timexes(nlp, text)


@pytest.mark.parametrize(
    "text", ["Prices rose 60 and 90 days apart.", "It had happened two to three years earlier."]
)
def test_a_count_before_a_duration_is_not_always_a_range_start(nlp: object, text: str) -> None:
    assert not any(value.startswith("P") and len(span) <= 3 for span, _, value in _timexes(nlp, text))
