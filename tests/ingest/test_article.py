"""Article structure: headline, removals, verbatim source spans, dateline, publication date, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrail.errors import EmptyInput, NotEnglish
from claimtrail.ingest.article import prepare_article
from claimtrail.ingest.readers import iter_raw_articles
from claimtrail.models import Failure, PreparedArticle, RawArticle

SEED = Path("/work/shared/corpus/seed/000_4132258e9ace6acd.txt")
LEDE = "The minister said on Monday that the talks had failed and that no new date had been set."
MORE = "He added that the government would not change its position on the matter this year."


def prepare(text: str, **fields: str) -> PreparedArticle:
    raw = RawArticle(text=text, source="t.txt", source_format="text", **fields)  # type: ignore[arg-type]
    prepared = prepare_article(raw)
    assert isinstance(prepared, PreparedArticle), prepared
    assert_spans_are_verbatim(prepared)
    return prepared


def assert_spans_are_verbatim(prepared: PreparedArticle) -> None:
    covered = 0
    for span in prepared.source_spans:
        assert span.start == covered
        length = span.end - span.start
        assert (
            prepared.text[span.start : span.end]
            == prepared.raw.text[span.raw_start : span.raw_start + length]
        )
        covered = span.end
    assert covered == len(prepared.text)
    for removal in prepared.removed:
        assert prepared.raw.text[removal.raw_start : removal.raw_end] == removal.text


# --- the seed, end to end ---------------------------------------------------------------------------------


def test_seed_article_end_to_end() -> None:
    if not SEED.exists():
        pytest.skip(f"seed article {SEED} not present")
    [raw] = list(iter_raw_articles([str(SEED)]))
    assert isinstance(raw, RawArticle)
    prepared = prepare_article(raw)
    assert isinstance(prepared, PreparedArticle)
    assert prepared.headline == (
        "Venezuelan Foreign Minister Refutes Reports Alleging Caracas Asked Moscow For Military Aid"
    )
    assert [removal.reason for removal in prepared.removed] == ["headline", "repeated headline", "standfirst"]
    assert prepared.text.startswith("MOSCOW (Pakistan Point News")
    assert prepared.dateline is not None
    assert (prepared.dateline.place, prepared.dateline.outlets, prepared.dateline.date) == (
        "MOSCOW",
        ("Pakistan Point News", "Sputnik"),
        "2019-01-28",
    )
    assert prepared.text[prepared.dateline.start : prepared.dateline.end] == (
        "MOSCOW (Pakistan Point News / Sputnik - 28th January, 2019)"
    )
    assert (prepared.published, prepared.published_from, prepared.language) == (
        "2019-01-28",
        "dateline",
        "en",
    )
    assert prepared.text.endswith("rights of a sovereign state.")
    assert_spans_are_verbatim(prepared)


# --- headline ---------------------------------------------------------------------------------------------


def test_short_first_line_before_a_blank_line_is_the_headline() -> None:
    prepared = prepare(f"Talks Fail in Geneva\n\n{LEDE}\n\n{MORE}\n")
    assert prepared.headline == "Talks Fail in Geneva"
    assert prepared.text == f"{LEDE}\n\n{MORE}"
    assert [(r.reason, r.text, r.raw_start, r.raw_end) for r in prepared.removed] == [
        ("headline", "Talks Fail in Geneva", 0, 20)
    ]


@pytest.mark.parametrize(
    "first",
    [
        LEDE,  # a sentence ending with a period
        "LONDON (Reuters) - The bank said on Monday it would cut rates",  # opens with a dateline
        "By Jane Doe and John Roe",  # a byline, removed as such
        "Word",  # a single word
        " ".join(["word"] * 40),  # too long
    ],
)
def test_lines_that_are_not_headlines(first: str) -> None:
    prepared = prepare(f"{first}\n\n{MORE}")
    assert prepared.headline is None
    assert "headline" not in [removal.reason for removal in prepared.removed]


def test_headline_ending_with_an_abbreviation_or_question() -> None:
    assert prepare(f"Talks With the U.S.\n\n{LEDE}").headline == "Talks With the U.S."
    assert prepare(f"Will the Talks Fail?\n\n{LEDE}").headline == "Will the Talks Fail?"


def test_a_single_paragraph_is_body_even_when_short() -> None:
    prepared = prepare("Talks Fail in Geneva")
    assert (prepared.headline, prepared.text, prepared.removed) == (None, "Talks Fail in Geneva", ())


def test_headline_repeated_in_another_case_is_removed() -> None:
    prepared = prepare(f"Talks Fail In Geneva\n\ntalks fail in  geneva\n\n{LEDE}")
    assert [removal.reason for removal in prepared.removed] == ["headline", "repeated headline"]
    assert prepared.text == LEDE


# --- bylines and duplicates -------------------------------------------------------------------------------


def test_byline_before_the_dateline_is_removed_and_the_dateline_kept() -> None:
    prepared = prepare(f"Talks Fail\n\nBy Jane Doe\n\nGENEVA (Reuters) - {LEDE}\n\n{MORE}")
    assert [removal.reason for removal in prepared.removed] == ["headline", "byline"]
    assert prepared.text.startswith("GENEVA (Reuters) - ")
    assert prepared.dateline is not None
    assert prepared.dateline.place == "GENEVA"


def test_standfirst_repeating_the_dateline_paragraph_is_removed() -> None:
    standfirst = LEDE.rstrip(".").upper()
    prepared = prepare(f"Talks Fail\n\n{standfirst}\n\nGENEVA (AP) — {LEDE}\n\n{MORE}")
    assert [(r.reason, r.text) for r in prepared.removed] == [
        ("headline", "Talks Fail"),
        ("standfirst", standfirst),
    ]
    assert prepared.text == f"GENEVA (AP) — {LEDE}\n\n{MORE}"


def test_later_repeated_paragraph_is_removed_and_the_first_kept() -> None:
    prepared = prepare(f"{LEDE}\n\n{MORE}\n\n{LEDE}\n\nThe end of the story came quickly for all of them.")
    assert [removal.reason for removal in prepared.removed] == ["repeated paragraph"]
    assert prepared.text == f"{LEDE}\n\n{MORE}\n\nThe end of the story came quickly for all of them."
    assert len(prepared.source_spans) == 2


def test_short_repeated_paragraphs_are_kept() -> None:
    text = f"{LEDE}\n\nNo.\n\n{MORE}\n\nNo."
    assert prepare(text).text == text


# --- paragraph breaks and spans ---------------------------------------------------------------------------


def test_text_keeps_the_raw_paragraph_breaks() -> None:
    raw = f"Talks Fail\r\n\r\n{LEDE}\r\n   \r\n{MORE}\r\n"
    prepared = prepare(raw)
    assert prepared.text == f"{LEDE}\r\n   \r\n{MORE}"
    assert prepared.source_spans[0].raw_start == raw.index(LEDE)


def test_text_without_blank_lines_has_one_paragraph_per_line() -> None:
    prepared = prepare(f"Talks Fail in Geneva\n{LEDE}\n{MORE}")
    assert prepared.headline == "Talks Fail in Geneva"
    assert prepared.text == f"{LEDE}\n{MORE}"


def test_headline_needs_a_body_after_it() -> None:
    assert prepare("Talks Fail\n\nTalks fail").headline is None
    assert prepare("Talks Fail\n\nBy Jane Doe").text == "Talks Fail"


def test_a_byline_alone_is_no_article() -> None:
    result = prepare_article(RawArticle(text="By Jane Doe", source="t", source_format="text"))
    assert isinstance(result, Failure)
    assert result.code == EmptyInput.code


def test_empty_text_is_a_failure() -> None:
    result = prepare_article(RawArticle(text="  \n ", source="t", source_format="text"))
    assert isinstance(result, Failure)
    assert (result.code, result.hint) == (EmptyInput.code, EmptyInput.hint)


WORDS = ["the", "minister", "said", "on", "Monday", "that", "talks", "failed", "in", "Geneva", "and", "he"]
paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=15).map(" ".join)
ending = st.sampled_from(["", ".", "?"])
breaks = st.sampled_from(["\n\n", "\n \n", "\r\n\r\n", "\n\n\n", "\n\t\n  "])


@given(
    paragraphs=st.lists(st.tuples(paragraph, ending), min_size=1, max_size=8),
    seps=st.lists(breaks, min_size=8, max_size=8),
    lead=st.sampled_from(["", "\n", "  "]),
    dateline=st.sampled_from(["", "GENEVA (Reuters) - ", "KYIV (AP) — "]),
)
def test_source_spans_always_point_at_verbatim_raw_text(
    paragraphs: list[tuple[str, str]], seps: list[str], lead: str, dateline: str
) -> None:
    bodies = [text + end for text, end in paragraphs]
    if len(bodies) > 2:
        bodies[2] = dateline + bodies[2]
    raw_text = lead + "".join(body + sep for body, sep in zip(bodies, seps, strict=False))
    prepared = prepare(raw_text)
    assert prepared.text.strip()
    kept = len(prepared.text) + sum(len(removal.text) for removal in prepared.removed)
    assert kept <= len(raw_text)


# --- JSONL with a headline --------------------------------------------------------------------------------


def test_given_headline_leaves_the_text_untouched() -> None:
    text = f"Talks Fail\n\nGENEVA, May 9 (Reuters) - {LEDE}\n\n{LEDE}"
    prepared = prepare(text, headline="Talks Fail", published="2019-05-10")
    assert (prepared.headline, prepared.text, prepared.removed) == ("Talks Fail", text, ())
    assert [(s.start, s.end, s.raw_start) for s in prepared.source_spans] == [(0, len(text), 0)]
    assert prepared.dateline is not None
    assert (prepared.dateline.date, prepared.published, prepared.published_from) == (
        "2019-05-09",
        "2019-05-09",
        "dateline",
    )


def test_dateline_at_the_start_of_a_given_body_is_parsed_not_removed() -> None:
    text = f"  KYIV (AP) — {LEDE}"
    prepared = prepare(text, headline="Talks")
    assert prepared.dateline is not None
    assert (prepared.dateline.start, prepared.dateline.end) == (2, 13)
    assert prepared.text == text


# --- publication date -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2019-01-28", "2019-01-28"),
        ("2019-01-28 10:00", "2019-01-28T10:00:00"),
        ("2019-01-28T10:00:00Z", "2019-01-28T10:00:00+00:00"),
        ("Mon, 28 Jan 2019 10:00:00 +0100", "2019-01-28T10:00:00+01:00"),
    ],
)
def test_published_from_input_without_a_dated_dateline(published: str, expected: str) -> None:
    prepared = prepare(f"KYIV (AP) — {LEDE}", published=published)
    assert (prepared.published, prepared.published_from, prepared.warnings) == (expected, "input", ())


def test_dateline_without_year_takes_the_year_from_the_input_date() -> None:
    prepared = prepare(f"LONDON, Dec 30 (Reuters) - {LEDE}", published="2020-01-02T09:00:00Z")
    assert (prepared.published, prepared.published_from) == ("2019-12-30", "dateline")


def test_input_date_on_the_datelines_day_is_the_source() -> None:
    """'LISBON, Oct 4 (Reuters)' published 2023-10-04: the day agrees; the year came from the input."""
    prepared = prepare(f"LISBON, Oct 4 (Reuters) - {LEDE}", published="2023-10-04")
    assert (prepared.published, prepared.published_from) == ("2023-10-04", "input")


def test_dateline_without_year_and_no_input_date() -> None:
    prepared = prepare(f"LONDON, May 9 (Reuters) - {LEDE}")
    assert prepared.dateline is not None
    assert (prepared.dateline.place, prepared.dateline.date) == ("LONDON", None)
    assert (prepared.published, prepared.published_from) == (None, None)


def test_unreadable_input_date_is_a_warning() -> None:
    prepared = prepare(LEDE, published="last Tuesday")
    assert (prepared.published, prepared.published_from) == (None, None)
    assert len(prepared.warnings) == 1
    assert prepared.warnings[0].startswith("CT-W003")


def test_reader_warnings_are_carried_over() -> None:
    raw = RawArticle(text=LEDE, source="t", source_format="text", warnings=("CT-W001 decoded as cp1252",))
    prepared = prepare_article(raw)
    assert isinstance(prepared, PreparedArticle)
    assert prepared.warnings == ("CT-W001 decoded as cp1252",)


# --- language ---------------------------------------------------------------------------------------------


def test_non_english_article_is_a_not_english_failure() -> None:
    text = (
        "Le président a déclaré que le gouvernement ne reculera pas.\n\n"
        "Il a ajouté que les discussions continuent."
    )
    result = prepare_article(RawArticle(text=text, source="fr.txt", source_format="text"))
    assert isinstance(result, Failure)
    assert (result.code, result.source, result.hint) == (NotEnglish.code, "fr.txt", NotEnglish.hint)
    assert "French (fr)" in result.message


def test_very_short_text_is_english_by_default() -> None:
    assert prepare("Maduro").language == "en"
