"""Wire-copy datelines at the start of a paragraph: place, outlets and date.

Shapes read (any dash: `-`, `–`, `—`, `--`; the dash may be missing only after a parenthesis):

    MOSCOW (Pakistan Point News / Sputnik - 28th January, 2019) Text...
    WASHINGTON, March 4, 2020 (Xinhua) - Text...        NEW YORK, Jan 5 (Reuters) - Text...
    PORTLAND, Maine, Oct. 14, 2021 - Text...            SAN JUAN, Puerto Rico (AP) — Text...
    KYIV (AP) — Text...                                 Paris, 12 March 2020 (AFP) - Text...
    LONDON — Text...                                    CARACAS/MOSCOW, Jan 25 (Reuters) - Text...
    MOSCOW, January 28. /TASS/. Text...

Decisions:

- `place` is the city as written plus any region after it: "PORTLAND, Maine", "DUBAI, United Arab Emirates".
- `outlets` are the names in the parenthesis, split on "/", "," and ";"; a date inside it is the date.
- `date` is ISO; a date without a year takes the year nearest to `published`; without `published`, the
  year of a fully written date in the text within a month of it ("on January 23, 2019"), else None.
- `start`/`end` cover the dateline up to and including its dash (or closing parenthesis), not the space after.

Strictness: ordinary sentences must never parse. An ALL-CAPS place needs a dash after it, or a parenthesis
holding a date or a known agency ("NATO (North Atlantic Treaty Organization) said" is no dateline). A
Title-case place ("Paris") needs a parenthesis with a date or known agency *and* a dash, since sentences also
start with capitalised words. Kickers such as "BREAKING" or "UPDATE" and bylines are never places.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimtrail.extract.lexicon import lexicon
from claimtrail.ingest.normalize import (
    DATE_PATTERN,
    MONTH_PATTERN,
    WrittenDate,
    nearest_year_date,
    parse_written_date,
)
from claimtrail.ingest.normalize import published_date as read_published_date
from claimtrail.models import Dateline

__all__ = ["find_dateline", "parse_dateline"]

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NO_LETTER_AFTER = rf"(?![{_UPPER}{_LOWER}\d])"  # a word ends where letters end: "US-China" is no caps word
_CAPS_WORD = rf"[{_UPPER}][{_UPPER}'’.\-]*[{_UPPER}.]{_NO_LETTER_AFTER}"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}"
_TITLE_WORD = rf"[{_UPPER}][{_LOWER}'’\-]+\.?{_NO_LETTER_AFTER}"
_CONNECTOR = r"(?:de|da|do|del|la|le|el|al|of|on|am|an|upon)"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:[ ](?:{_CONNECTOR}[ ])?{_TITLE_WORD}){{0,3}}"
_ABBREVIATED_REGION = rf"(?:[{_UPPER}]\.){{1,3}}"  # "N.Y.", "D.C."
_REGION = rf"(?!{MONTH_PATTERN}\s*\d)(?:{_CAPS_PLACE}|{_TITLE_PLACE}|{_ABBREVIATED_REGION})"
_DASH = r"(?:[ \t]*(?:--|-)(?=\s|$)|[ \t]*[—–])"  # a hyphen needs a space after it; long dashes may touch

_DATELINE = re.compile(
    rf"""
    (?P<place>(?P<city>(?:{_CAPS_PLACE}|{_TITLE_PLACE})(?:/(?:{_CAPS_PLACE}|{_TITLE_PLACE})){{0,2}})
        (?:,[ ]{_REGION}){{0,2}})
    (?:,[ ](?P<date>{DATE_PATTERN}))?
    (?:[ ]?\((?P<paren>[^()\n]{{1,100}})\)|\.?[ ]/(?P<slashed>[A-Z][\w\- ]{{0,30}})/\.?)?
    (?P<dash>{_DASH})?
    """,
    re.VERBOSE,
)
_FULL_DATE = re.compile(
    rf"\b{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{MONTH_PATTERN}\s+\d{{4}}\b"
)
_PAREN_DATE = re.compile(rf"(?P<outlets>.*?)(?:\s*(?:--|[-–—,])\s*(?P<date>{DATE_PATTERN}))?\s*", re.DOTALL)
_OUTLET_SEPARATOR = re.compile(r"\s*[/,;]\s*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\r?\n)+|\r\n[ \t]*(?:\r?\n)+")
_LINE_START = re.compile(r"^[ \t]*(?=\S)", re.MULTILINE)

# Words that open wire copy in capitals without being a place.
_KICKERS = frozenset(
    [
        "advisory",
        "analysis",
        "breaking",
        "by",
        "column",
        "comment",
        "correction",
        "corrected",
        "editorial",
        "editors",
        "exclusive",
        "explainer",
        "factbox",
        "flash",
        "focus",
        "graphic",
        "insight",
        "interview",
        "live",
        "note",
        "opinion",
        "photos",
        "refile",
        "review",
        "timeline",
        "update",
        "urgent",
        "video",
        "watch",
        "wrapup",
    ]
)
# Agencies and outlets that appear in dateline parentheses (casefolded); evidence enough without a date.
# One list for the whole project: extract/lexicons/actors.toml (outlets and dateline_agencies).
KNOWN_AGENCIES = frozenset(name.casefold() for name in (*lexicon().outlets, *lexicon().dateline_agencies))
_SCAN_PARAGRAPHS = 3
_SCAN_LINES = 6


@dataclass(frozen=True, slots=True)
class _Parts:
    """What the dateline pattern captured, before it is judged."""

    city: str
    place: str
    outlets: tuple[str, ...]
    date_text: str | None
    has_dash: bool
    paren: str | None
    slashed: bool = False  # "/TASS/." closes the dateline as a dash does


def parse_dateline(text: str, *, published: str | None = None, context: str = "") -> Dateline | None:
    """The dateline opening `text` (a paragraph), with offsets into `text`, or None.

    `context` (the article) lends a year to a dateline date written without one (see the module notes).
    """
    indent = len(text) - len(text.lstrip(" \t"))
    match = _DATELINE.match(text, indent)
    if match is None:
        return None
    parts = _parts_of(match)
    if not _is_dateline(parts, followed_by=text[match.end() :]):
        return None
    return Dateline(
        place=parts.place,
        outlets=parts.outlets,
        date=_resolve_date(parts.date_text, published, context or text),
        start=indent,
        end=match.end(),
    )


def find_dateline(text: str, published: str | None = None) -> Dateline | None:
    """The first dateline opening one of the first lines of the first paragraphs of `text`.

    Lines are scanned too, so a byline line ("By Jane Doe") right above the dateline is skipped.
    """
    for start in _candidate_starts(text):
        found = parse_dateline(text[start:], published=published, context=text)
        if found is not None:
            return Dateline(
                place=found.place,
                outlets=found.outlets,
                date=found.date,
                start=found.start + start,
                end=found.end + start,
            )
    return None


def _candidate_starts(text: str) -> list[int]:
    breaks = list(_PARAGRAPH_BREAK.finditer(text))
    limit = breaks[_SCAN_PARAGRAPHS - 1].start() if len(breaks) >= _SCAN_PARAGRAPHS else len(text)
    starts = [line.end() for line in _LINE_START.finditer(text, 0, limit)]
    return starts[:_SCAN_LINES]


def _parts_of(match: re.Match[str]) -> _Parts:
    outlets: tuple[str, ...] = ()
    date_text = match["date"]
    if slashed := match["slashed"]:
        outlets = (slashed.strip(),)
    if paren := match["paren"]:
        inside = _PAREN_DATE.fullmatch(paren)
        assert inside is not None  # the pattern accepts any string
        outlets = tuple(name for name in _OUTLET_SEPARATOR.split(inside["outlets"].strip()) if name)
        date_text = date_text or inside["date"]
    return _Parts(
        city=match["city"],
        place=match["place"],
        outlets=outlets,
        date_text=date_text,
        has_dash=match["dash"] is not None or bool(slashed),
        paren=paren,
        slashed=bool(slashed),
    )


def _is_dateline(parts: _Parts, *, followed_by: str) -> bool:
    if parts.city.split()[0].strip(".").casefold() in _KICKERS:
        return False
    if parts.paren is not None and not _outlets_look_right(parts):
        return False
    if parts.slashed and not (_is_caps(parts.city) and parts.date_text is not None):
        return False  # "MOSCOW, January 28. /TASS/." only: a date and an all-caps place vouch for it
    if not parts.has_dash and not followed_by[:1].isspace():
        return False  # "LONDON (Reuters)said": without a dash, a space must separate the body
    vouched = parts.date_text is not None or any(name.casefold() in KNOWN_AGENCIES for name in parts.outlets)
    if _is_caps(parts.city):
        return parts.has_dash or (bool(parts.outlets) and vouched)
    return parts.has_dash and bool(parts.outlets) and vouched


def _outlets_look_right(parts: _Parts) -> bool:
    """Outlets are short capitalised names; an acronym's expansion ("NATO (North Atlantic...)") is none."""
    if not parts.outlets:
        return False
    for name in parts.outlets:
        if name.casefold() not in KNOWN_AGENCIES and (len(name.split()) > 6 or not name[0].isupper()):
            return False
    return not _expands_acronym(parts.city, parts.outlets)


def _expands_acronym(city: str, outlets: tuple[str, ...]) -> bool:
    initials = "".join(word[0] for word in " ".join(outlets).split() if word[0].isupper())
    return " " not in city and initials == city


def _is_caps(words: str) -> bool:
    letters = [char for char in words if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _resolve_date(date_text: str | None, published: str | None, context: str) -> str | None:
    if date_text is None:
        return None
    written = parse_written_date(date_text)
    if written is None:
        return None
    anchor = read_published_date(published)
    if anchor is None and written[0] is None:
        anchor = _year_anchor(written, context)
    return nearest_year_date(written, anchor)


def _year_anchor(written: WrittenDate, context: str) -> dt.date | None:
    """A fully written date in the text within about a month of `written`: its year dates the dateline."""
    _, month, day = written
    best: tuple[int, dt.date] | None = None
    for match in _FULL_DATE.finditer(context):
        full = parse_written_date(match.group())
        if full is None or full[0] is None:
            continue
        candidate = nearest_year_date((None, month, day), dt.date(full[0], full[1], 1))
        if candidate is None:
            continue
        gap = abs((dt.date.fromisoformat(candidate) - dt.date(full[0], full[1], min(full[2], 28))).days)
        if gap <= 35 and (best is None or gap < best[0]):
            best = (gap, dt.date.fromisoformat(candidate))
    return best[1] if best else None
