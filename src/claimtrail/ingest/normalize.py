"""Date normalisation shared by the ingest modules: pure functions, no I/O.

Publication dates arrive in many shapes (ISO strings, RFC 2822 feed dates, "2019-01-28 10:00", written dates);
`normalize_published` turns them into ISO 8601. Decisions:

- a bare date stays a date (`2019-01-28`); a date-time keeps its time to the second, and its UTC offset only
  when the input gave one (`2019-01-28T10:00:00+00:00`; a naive `2019-01-28 10:00` becomes
  `2019-01-28T10:00:00`): we never invent a time zone.
- an unreadable value gives None; the caller decides whether to warn.

The month and written-date patterns live here so that `dateline.py` and this module read dates the same way.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = [
    "DATE_PATTERN",
    "MONTH_PATTERN",
    "nearest_year_date",
    "normalize_published",
    "parse_written_date",
    "published_date",
]

_MONTH_NUMBERS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Full names, three-letter abbreviations and AP's "Sept."; `\b` keeps "Mayor" or "Marseille" out.
MONTH_PATTERN = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+\d{4})?"
# "March 4, 2020", "Jan. 28", "12 March 2020", "28th January, 2019", "2020-03-04"; no capture groups, so
# callers can embed it and read the match with `parse_written_date`.
DATE_PATTERN = (
    rf"(?:{MONTH_PATTERN}\s+{_DAY}\b{_YEAR}|{_DAY}\s+{MONTH_PATTERN}{_YEAR}|\d{{4}}-\d{{2}}-\d{{2}})"
)

_MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_PATTERN})(?:,?\s+(?P<year>\d{{4}}))?"
)
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_LEADING_WEEKDAY = re.compile(r"^(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+")
_SLASHED_DATE = re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})")

# (year or None, month, day) as written; validity is checked when a date is built.
WrittenDate = tuple[int | None, int, int]


def parse_written_date(text: str) -> WrittenDate | None:
    """Read a whole string such as "Oct. 14, 2021", "28th January, 2019" or "May 9" (year may be missing)."""
    text = text.strip()
    if match := _ISO_DATE.fullmatch(text):
        return int(match["year"]), int(match["month"]), int(match["day"])
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        if match := pattern.fullmatch(text):
            year = int(match["year"]) if match["year"] else None
            return year, _month_number(match["month"]), int(match["day"])
    return None


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".")[:3].casefold()]


def nearest_year_date(written: WrittenDate, anchor: date | None) -> str | None:
    """The ISO date for `written`; a missing year is the one that puts the date nearest to `anchor`."""
    year, month, day = written
    if year is not None:
        return _iso_or_none(year, month, day)
    if anchor is None:
        return None
    candidates = [_safe_date(anchor.year + shift, month, day) for shift in (-1, 0, 1)]
    valid = [candidate for candidate in candidates if candidate is not None]
    if not valid:
        return None
    return min(valid, key=lambda candidate: abs((candidate - anchor).days)).isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 30 February and the like: not a date, not an error
        return None


def _iso_or_none(year: int, month: int, day: int) -> str | None:
    built = _safe_date(year, month, day)
    return built.isoformat() if built else None


def normalize_published(value: str | None) -> str | None:
    """ISO 8601 for a publication date in any common shape, or None when it cannot be read."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    for reader in (_read_iso, _read_rfc2822, _read_slashed, _read_written):
        if (normalised := reader(text)) is not None:
            return normalised
    return None


def published_date(value: str | None) -> date | None:
    """The calendar date of a publication date in any shape `normalize_published` accepts."""
    normalised = normalize_published(value)
    return date.fromisoformat(normalised[:10]) if normalised else None


def _read_iso(text: str) -> str | None:
    if _ISO_DATE.fullmatch(text):
        return _iso_or_none(int(text[:4]), int(text[5:7]), int(text[8:10]))
    if not _ISO_DATE.match(text):  # fromisoformat also takes "20190128", which no feed means as a date
        return None
    try:
        return _format_datetime(datetime.fromisoformat(text))
    except ValueError:
        return None


def _read_rfc2822(text: str) -> str | None:
    try:
        return _format_datetime(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def _read_slashed(text: str) -> str | None:
    match = _SLASHED_DATE.fullmatch(text)
    return _iso_or_none(int(match["year"]), int(match["month"]), int(match["day"])) if match else None


def _read_written(text: str) -> str | None:
    written = parse_written_date(_LEADING_WEEKDAY.sub("", text))
    if written is None or written[0] is None:  # a publication date without a year is no date
        return None
    return nearest_year_date(written, None)


def _format_datetime(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
