"""Datelines: the wire shapes we read, and sentences that must never parse as one."""

from __future__ import annotations

import pytest

from claimtrail.ingest.dateline import find_dateline, parse_dateline

DASHES = ["-", "–", "—", "--"]

POSITIVE = [
    # (paragraph, dateline as it must be cut, place, outlets, date) with published 2020-05-10
    (
        "MOSCOW (Pakistan Point News / Sputnik - 28th January, 2019) Venezuelan Foreign Minister said.",
        "MOSCOW (Pakistan Point News / Sputnik - 28th January, 2019)",
        "MOSCOW",
        ("Pakistan Point News", "Sputnik"),
        "2019-01-28",
    ),
    (
        "WASHINGTON, March 4, 2020 (Xinhua) - The U.S. said.",
        "WASHINGTON, March 4, 2020 (Xinhua) -",
        "WASHINGTON",
        ("Xinhua",),
        "2020-03-04",
    ),
    (
        "PORTLAND, Maine, Oct. 14, 2021 - A man said.",
        "PORTLAND, Maine, Oct. 14, 2021 -",
        "PORTLAND, Maine",
        (),
        "2021-10-14",
    ),
    ("KYIV (AP) — Russia said.", "KYIV (AP) —", "KYIV", ("AP",), None),
    (
        "LONDON, May 9 (Reuters) - Britain said.",
        "LONDON, May 9 (Reuters) -",
        "LONDON",
        ("Reuters",),
        "2020-05-09",
    ),
    (
        "NEW YORK, Jan 5 (Reuters) - Stocks fell.",
        "NEW YORK, Jan 5 (Reuters) -",
        "NEW YORK",
        ("Reuters",),
        "2020-01-05",
    ),
    (
        "BEIJING, Jan. 28 (Xinhua) -- China said.",
        "BEIJING, Jan. 28 (Xinhua) --",
        "BEIJING",
        ("Xinhua",),
        "2020-01-28",
    ),
    ("UNITED NATIONS (AP) — The council met.", "UNITED NATIONS (AP) —", "UNITED NATIONS", ("AP",), None),
    (
        "Paris, 12 March 2020 (AFP) - France said.",
        "Paris, 12 March 2020 (AFP) -",
        "Paris",
        ("AFP",),
        "2020-03-12",
    ),
    (
        "SAN JUAN, Puerto Rico (AP) — The storm.",
        "SAN JUAN, Puerto Rico (AP) —",
        "SAN JUAN, Puerto Rico",
        ("AP",),
        None,
    ),
    ("LONDON (Reuters) - The bank said.", "LONDON (Reuters) -", "LONDON", ("Reuters",), None),
    (
        "MOSCOW, January 28 (RIA Novosti) - Russia said.",
        "MOSCOW, January 28 (RIA Novosti) -",
        "MOSCOW",
        ("RIA Novosti",),
        "2020-01-28",
    ),
    (
        "DUBAI, United Arab Emirates (AP) — Iran said.",
        "DUBAI, United Arab Emirates (AP) —",
        "DUBAI, United Arab Emirates",
        ("AP",),
        None,
    ),
    ("KYIV (AP)—Ukraine said.", "KYIV (AP)—", "KYIV", ("AP",), None),
    ("LONDON — The prime minister said.", "LONDON —", "LONDON", (), None),
    ("SÃO PAULO (Reuters) - Brazil said.", "SÃO PAULO (Reuters) -", "SÃO PAULO", ("Reuters",), None),
    ("WASHINGTON, D.C. (AP) — Congress met.", "WASHINGTON, D.C. (AP) —", "WASHINGTON, D.C.", ("AP",), None),
    ("The Hague (AFP) - The court said.", "The Hague (AFP) -", "The Hague", ("AFP",), None),
    ("BERLIN, Sept. 3 (dpa) - Germany said.", "BERLIN, Sept. 3 (dpa) -", "BERLIN", ("dpa",), "2020-09-03"),
    (
        "TOKYO, 2020-04-01 (Kyodo) - Japan said.",
        "TOKYO, 2020-04-01 (Kyodo) -",
        "TOKYO",
        ("Kyodo",),
        "2020-04-01",
    ),
]


@pytest.mark.parametrize(("paragraph", "cut", "place", "outlets", "date"), POSITIVE)
def test_wire_shapes(
    paragraph: str, cut: str, place: str, outlets: tuple[str, ...], date: str | None
) -> None:
    found = parse_dateline(paragraph, published="2020-05-10")
    assert found is not None
    assert (paragraph[found.start : found.end], found.place, found.outlets, found.date) == (
        cut,
        place,
        outlets,
        date,
    )


@pytest.mark.parametrize("dash", DASHES)
@pytest.mark.parametrize(
    "opening", ["KYIV (AP)", "LONDON, May 9 (Reuters)", "WASHINGTON, March 4, 2020 (Xinhua)", "LONDON"]
)
def test_every_dash_variant(opening: str, dash: str) -> None:
    paragraph = f"{opening} {dash} The minister said on Monday."
    found = parse_dateline(paragraph, published="2020-05-10")
    assert found is not None
    assert paragraph[found.start : found.end] == f"{opening} {dash}"


NEGATIVE = [
    "NATO said on Monday it would send more troops.",
    "NATO (North Atlantic Treaty Organization) said it would act.",
    "NATO (North Atlantic Treaty Organization) — the alliance — said it would act.",
    "By Jane Doe",
    "BY JANE DOE (Reuters) - ",
    "The president (AP) - said nothing.",
    "Smith (R-Texas) — who chairs the committee — said no.",
    "US-China talks - stalled again on Monday.",
    "BREAKING — Something happened in the capital.",
    "UPDATE 2-Oil prices rise.",
    "The minister said on Monday, May 5 - the day of the vote - that he would resign.",
    "President Trump said on March 4, 2020 that he would resign.",
    "WASHINGTON, March 4, 2020 the president said he would resign.",
    "LONDON (Reuters)said the bank.",
    "Officials (who asked not to be named) said the talks failed.",
    "Venezuelan Foreign Minister Jorge Arreaza refuted on Monday media reports.",
    "“These are just rumors,” Arreaza told the RT broadcaster.",
    "a lower-case start (AP) - is not a place.",
    "",
    "   ",
    "12 people died in LONDON (Reuters) - the police said.",
    "FBI agents (AP) said the suspect fled.",
    "USChina (AP) — talks stalled.",
    "McDONALD (AP) — profits rose.",
]


@pytest.mark.parametrize("paragraph", NEGATIVE)
def test_ordinary_sentences_are_not_datelines(paragraph: str) -> None:
    assert parse_dateline(paragraph, published="2020-05-10") is None


def test_dateline_without_year_takes_the_nearest_year_to_publication() -> None:
    found = parse_dateline("LONDON, Dec 31 (Reuters) - Text.", published="2020-01-02")
    assert found is not None
    assert found.date == "2019-12-31"


def test_dateline_without_year_and_without_publication_has_no_date() -> None:
    found = parse_dateline("LONDON, May 9 (Reuters) - Text.")
    assert found is not None
    assert (found.place, found.outlets, found.date) == ("LONDON", ("Reuters",), None)


def test_publication_date_in_any_shape_resolves_the_year() -> None:
    found = parse_dateline("LONDON, May 9 (Reuters) - Text.", published="Sat, 09 May 2015 10:00:00 +0000")
    assert found is not None
    assert found.date == "2015-05-09"


def test_impossible_date_keeps_the_dateline_without_a_date() -> None:
    found = parse_dateline("LONDON, Feb. 30, 2020 (Reuters) - Text.")
    assert found is not None
    assert (found.place, found.date) == ("LONDON", None)


def test_leading_indent_is_not_part_of_the_dateline() -> None:
    found = parse_dateline("  KYIV (AP) — Text.")
    assert found is not None
    assert (found.start, found.end) == (2, 13)


def test_find_dateline_skips_a_byline_paragraph() -> None:
    text = "By Jane Doe\n\nKYIV (AP) — Russia said on Monday.\n\nMore text."
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == "KYIV (AP) —"


def test_find_dateline_skips_a_byline_line_in_the_same_paragraph() -> None:
    text = "By Jane Doe and John Roe\nLONDON (Reuters) - The bank said."
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == "LONDON (Reuters) -"


def test_find_dateline_looks_only_at_the_first_paragraphs() -> None:
    text = "One.\n\nTwo.\n\nThree.\n\nLONDON (Reuters) - Four."
    assert find_dateline(text) is None
    assert find_dateline("One.\n\nTwo.\n\nLONDON (Reuters) - Three.") is not None


def test_find_dateline_passes_the_publication_date_on() -> None:
    found = find_dateline(
        "Headline here\n\nLONDON, May 9 (Reuters) - Text.", published="2019-05-10T08:00:00Z"
    )
    assert found is not None
    assert found.date == "2019-05-09"


def test_find_dateline_returns_none_for_plain_prose() -> None:
    assert find_dateline("The minister said on Monday.\n\nHe added more.") is None


def test_a_fully_written_date_in_the_text_lends_its_year() -> None:
    text = "LONDON, Jan 3 (Reuters) - The bank said on December 30, 2019 that it would cut rates."
    found = find_dateline(text)
    assert found is not None
    assert found.date == "2020-01-03"
    far = find_dateline("LONDON, May 9 (Reuters) - A law passed on January 2, 2006 was cited.")
    assert far is not None
    assert far.date is None  # months away: no evidence of the year


def test_places_joined_by_a_slash_and_the_tass_shape() -> None:
    found = parse_dateline("CARACAS/MOSCOW, Jan 25, 2019 (Reuters) - About 400 contractors...")
    assert found is not None
    assert (found.place, found.outlets, found.date) == ("CARACAS/MOSCOW", ("Reuters",), "2019-01-25")
    tass = parse_dateline("MOSCOW, January 28, 2019. /TASS/. The Kremlin has not received any request.")
    assert tass is not None
    assert (tass.place, tass.outlets, tass.date) == ("MOSCOW", ("TASS",), "2019-01-28")
    assert tass.end == len("MOSCOW, January 28, 2019. /TASS/.")
    assert parse_dateline("Moscow, January 28. /TASS/. Text") is None  # title case needs more evidence
