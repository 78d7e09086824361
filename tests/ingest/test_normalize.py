"""Publication-date normalisation and written-date reading."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrail.ingest.normalize import (
    nearest_year_date,
    normalize_published,
    parse_written_date,
    published_date,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-28", "2019-01-28"),
        ("  2019-01-28  ", "2019-01-28"),
        ("2019-01-28 10:00", "2019-01-28T10:00:00"),
        ("2019-01-28T10:00:00Z", "2019-01-28T10:00:00+00:00"),
        ("2019-01-28T10:00:00+03:00", "2019-01-28T10:00:00+03:00"),
        ("2019-01-28T10:00:00.123456+03:00", "2019-01-28T10:00:00+03:00"),
        ("Mon, 28 Jan 2019 10:00:00 +0000", "2019-01-28T10:00:00+00:00"),
        ("Mon, 28 Jan 2019 10:00:00 GMT", "2019-01-28T10:00:00+00:00"),
        ("2019/01/28", "2019-01-28"),
        ("January 28, 2019", "2019-01-28"),
        ("Monday, January 28, 2019", "2019-01-28"),
        ("28 January 2019", "2019-01-28"),
        ("Jan. 28, 2019", "2019-01-28"),
    ],
)
def test_normalize_published_accepts_common_shapes(value: str, expected: str) -> None:
    assert normalize_published(value) == expected


@pytest.mark.parametrize(
    "value", [None, "", "   ", "yesterday", "2019-02-30", "20190128", "January 28", "13/13/2019"]
)
def test_normalize_published_gives_none_for_unreadable_values(value: str | None) -> None:
    assert normalize_published(value) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 4, 2020", (2020, 3, 4)),
        ("Oct. 14, 2021", (2021, 10, 14)),
        ("May 9", (None, 5, 9)),
        ("Jan 5", (None, 1, 5)),
        ("Sept. 3", (None, 9, 3)),
        ("12 March 2020", (2020, 3, 12)),
        ("28th January, 2019", (2019, 1, 28)),
        ("2020-04-01", (2020, 4, 1)),
        ("JANUARY 28", (None, 1, 28)),
    ],
)
def test_parse_written_date(text: str, expected: tuple[int | None, int, int]) -> None:
    assert parse_written_date(text) == expected


@pytest.mark.parametrize("text", ["Mayor 5", "the 5th", "March", "Marseille 4"])
def test_parse_written_date_rejects_non_dates(text: str) -> None:
    assert parse_written_date(text) is None


@pytest.mark.parametrize(
    ("written", "anchor", "expected"),
    [
        ((None, 12, 31), date(2020, 1, 2), "2019-12-31"),
        ((None, 1, 2), date(2019, 12, 31), "2020-01-02"),
        ((None, 5, 9), date(2020, 5, 10), "2020-05-09"),
        ((None, 2, 29), date(2020, 6, 1), "2020-02-29"),
        ((None, 5, 9), None, None),
        ((2018, 5, 9), None, "2018-05-09"),
    ],
)
def test_nearest_year_date(
    written: tuple[int | None, int, int], anchor: date | None, expected: str | None
) -> None:
    assert nearest_year_date(written, anchor) == expected


def test_published_date_reads_the_calendar_day() -> None:
    assert published_date("Mon, 28 Jan 2019 23:30:00 -0500") == date(2019, 1, 28)
    assert published_date("nonsense") is None


moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1))
offsets = st.sampled_from(
    [None, UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]
)


@given(moment=moments, offset=offsets)
def test_normalisation_is_idempotent_and_keeps_the_instant(moment: datetime, offset: timezone | None) -> None:
    value = moment.replace(microsecond=0, tzinfo=offset)
    once = normalize_published(value.isoformat())
    assert once is not None
    assert normalize_published(once) == once
    assert datetime.fromisoformat(once) == value


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_dates_round_trip(day: date) -> None:
    assert normalize_published(day.isoformat()) == day.isoformat()
    assert normalize_published(day.strftime("%B %d, %Y")) == day.isoformat()
