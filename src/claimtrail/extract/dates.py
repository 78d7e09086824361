"""Temporal expressions (TimeML TIMEX3): find them in a parsed article and normalise their values.

Detection is rule-based: the compiled patterns of `_timex_rules` run around their key words
(`_timex_keys`) in `text_of(doc)`; leftmost, then longest matches win, a match normalisation rejects
leaves room for the next one, and no match crosses a line break. Normalisers live in `_timex_calendar`
(dates, years, seasons, quarters), `_timex_phrases` (relative months, centuries, holidays, ordinal
periods) and `_timex_relative` (deictic days, times, relative periods, durations, sets); `_timex_context`
holds their shared state and the tense reading. spaCy is used for the tense of the governing verb (which
"Friday" is meant), to reject counts ("2000 troops") and to tell a newspaper called Daily from "daily".

Anchoring. Relative expressions resolve against the article date (`anchor`). Anaphoric ones ("the next
day", "that year", "two years later") use the last date the text mentioned, at its precision ("in 1950 ...
thirteen days later" -> 1950-XX-XX). Everything underspecified in a *narrative* uses the text's own time
line instead: a narrative is a text with no date, or whose explicit years lie well before its date (or a
long chronicle of mostly earlier years) and which hardly ever says "today" or "Monday" outside quotations.
A narrative's year-less months and days take an explicit year later in their sentence, else the year of
its main line: the last explicit year that is neither an aside (over a decade from both the line and the
next year) nor a plan ("a campaign planned for 1976"), moved on a year for a month well before the line's
month. Without any anchor, relative values keep TimeML's `X` placeholders (`XXXX-WXX-5`, `XXXX-XX-XX`).

Tense choices for a bare weekday / month-day / month: past tense (or "since") -> the most recent one (the
anchor's own day included), future tense (will/shall/would/'ll/going to, "scheduled/planned/set to") ->
the next one (the anchor's day included); present or unknown -> the nearest one for weekdays (ties to the
past) and month-days, the anchor's year for months unless over half a year away ("sworn in in January",
said in November, is the coming one).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimtrail.extract import _timex_keys as K
from claimtrail.extract import _timex_rules as R
from claimtrail.extract._timex_calendar import HANDLERS as CALENDAR_HANDLERS
from claimtrail.extract._timex_context import Context, Handler, Norm, past_perfect_at, quoted, tense_at
from claimtrail.extract._timex_phrases import HANDLERS as PHRASE_HANDLERS
from claimtrail.extract._timex_relative import HANDLERS as RELATIVE_HANDLERS
from claimtrail.extract.sentences import text_of
from claimtrail.models import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_timexes"]

_NARRATIVE_GAP_YEARS = 5
_YEARS_PER_DEICTIC = 20  # a history piece may say "Sunday" once in twenty dates; news says it more
_ASIDE_YEARS = 10
# rules whose relative values a narrative's line follows (resolved from the line itself)
_LINE_RULES = frozenset(
    {"month_day", "day_month", "month", "season", "holiday", "and_day", "nth_day", "day_range_start"}
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: str
    match: re.Match[str]


def extract_timexes(doc: Doc, anchor: dt.date | None) -> tuple[Timex, ...]:
    """TIMEX3 spans in `text_of(doc)` with TimeML type and value, in text order."""
    text = text_of(doc)
    matches = _matches(text)
    chosen = _leftmost_longest([c for c in matches if c.rule != "bare_year"])  # explicit dates only
    years = tuple((c.start, _explicit_year(c)) for c in chosen if _has_explicit_year(c))
    narrative = _is_narrative(chosen, anchor, text)
    ctx = Context(doc=doc, text=text, anchor=anchor, narrative=narrative, years=years)
    out: list[Timex] = []
    last_end = -1
    for cand in matches:  # leftmost longest first; a rejected match leaves room for the next one
        if cand.start < last_end:
            continue
        try:
            norm = _HANDLERS[cand.rule](cand.match, ctx)
        except (ValueError, OverflowError):  # impossible dates like "February 30"
            norm = None
        if norm is None:
            continue
        if not _narrative_aside(ctx, cand, norm):  # "the following year" after "since 513 BC" is the line's
            _remember(ctx, norm)
        if ctx.ref_is_day:
            ctx.last_day_end = cand.end
        _follow_line(ctx, cand, norm)
        last_end = cand.end
        out.append(_with_part_of_day(_as_rate(_to_timex(cand, norm, ctx), text), text))
    return tuple(_on_following_day(out, text))


_RATE = re.compile(r"(?:a|an|per|each) (day|week|month|year)", re.IGNORECASE)
# words that end a quantity's noun phrase: "3 million units within a year" is a stretch of time
_NOT_COUNTED = (
    "for|within|over|under|than|after|before|about|around|by|to|at|on|from|during|into|with|without|across"
    "|through|and|or|but|that|which|who|is|are|was|were|be|been|has|have|had|will|would|the|this|its"
    "|their|his|her|nearly|almost"
)
# a quantity, then at most four words of what it counts: "45,000 barrels of oil", "$2 billion in trades"
# (but not "5 goals in a day")
_QUANTITY_BEFORE = re.compile(
    r"(?:\d(?:[\d,.]*\d)?\s*(?:%|percent|per cent|million|billion|bn|m|k|thousand|hundred)?|times|twice|once"
    r"|(?:hundreds|thousands|millions|dozens)|\b(?:several|a few|a)\s+(?:hundred|thousand|million|billion))"
    r"(?:\s+(?!(?:" + _NOT_COUNTED + r")\b)[a-z][a-z-]*){0,4}(?<!\bin)(?<!\bof)\s*$"
)
_RELATION_AFTER = re.compile(r"\s*(?:earlier|later|ago)\b", re.IGNORECASE)


def _as_rate(timex: Timex, text: str) -> Timex:
    """'20 million doses a year', '160,000 barrels of crude oil a day': a frequency (SET), not a duration."""
    m = _RATE.fullmatch(timex.text)
    if timex.type != "DURATION" or m is None or _RELATION_AFTER.match(text, timex.end):
        return timex  # "5,000 people a year ago" is a date
    if not _QUANTITY_BEFORE.search(text, max(0, timex.start - 60), timex.start):
        return timex
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}[m.group(1).lower()]
    return Timex(
        text=timex.text, start=timex.start, end=timex.end, type="SET", value=f"P1{unit}", anchor=None
    )


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_TIME_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(?=T\d)")


# what may stand between a clock time and its day: "5:34 AM Baghdad time on March 20", "9 a.m. local time"
_TIME_TO_DAY = re.compile(r"(?:\s+(?:local|[A-Z][a-z]+)\s+time)?\s*,?\s*(?:on\s+)?")


def _on_following_day(timexes: list[Timex], text: str) -> list[Timex]:
    """ "at 16:15 UTC, June 1st": a clock time takes the day named right after it."""
    out = list(timexes)
    for i, (time, date) in enumerate(itertools.pairwise(timexes)):
        if (
            time.type == "TIME"
            and _TIME_VALUE.match(time.value)
            and date.type == "DATE"
            and _DAY_VALUE.fullmatch(date.value)
            and _TIME_TO_DAY.fullmatch(text, time.end, date.start)
        ):
            out[i] = dataclasses.replace(time, value=date.value + time.value[10:], anchor=None)
    return out


_PART_OF_DAY_BEFORE = re.compile(
    r"(?:\b[Ee]arly\s+(?:in\s+)?)?\b[Tt]he\s+(?:(?:early|late)\s+)?(?P<part>morning|afternoon|evening|night)"
    r"(?:\s+hours)?\s+of\s+$"
)


def _with_part_of_day(timex: Timex, text: str) -> Timex:
    """ "the evening of Aug. 14, 2020": that part of that day (TIME), the whole phrase in the span."""
    if timex.type != "DATE" or not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", timex.value):
        return timex
    m = _PART_OF_DAY_BEFORE.search(text, max(0, timex.start - 40), timex.start)
    if m is None:
        return timex
    part = R.PARTS_OF_DAY[m["part"]]
    return Timex(
        text=text[m.start() : timex.end],
        start=m.start(),
        end=timex.end,
        type="TIME",
        value=f"{timex.value}T{part}",
        anchor=timex.anchor,
    )


def _to_timex(cand: _Candidate, norm: Norm, ctx: Context) -> Timex:
    anchor_used: str | None = None
    if norm.relative:
        base = ctx.base() if ctx.narrative else ctx.anchor
        anchor_used = base.isoformat() if base else None
    start = cand.start if norm.start is None else norm.start
    end = cand.end if norm.end is None else norm.end
    return Timex(
        text=ctx.text[start:end],
        start=start,
        end=end,
        type=norm.type,
        value=norm.value,
        anchor=anchor_used,
    )


# --- candidates ----------------------------------------------------------------------------------------


def _matches(text: str) -> list[_Candidate]:
    """Every match of every rule, leftmost first, then longest, then by rule order."""
    windows = _key_windows(text)
    merged: dict[frozenset[str], list[tuple[int, int]]] = {}  # most rules share their key classes
    found: dict[tuple[int, int, int], _Candidate] = {}
    for order, (rule, pattern) in enumerate(R.RULES):
        keys = frozenset(K.RULE_KEYS[rule])
        if keys not in merged:
            merged[keys] = _merge(w for key in keys for w in windows.get(key, ()))
        for lo, hi in merged[keys]:
            for m in _search_lines(pattern, text, lo, hi):
                found[(m.start(), -m.end(), order)] = _Candidate(m.start(), m.end(), rule, m)
    return [found[key] for key in sorted(found)]


def _search_lines(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Non-empty matches in text[lo:hi] that do not cross a line break (a match that would, starts again
    after the break: "Friday\nSeptember 18" gives "Friday" to another rule and "September 18" here)."""
    pos = lo
    while (m := pattern.search(text, pos, hi)) is not None:
        if "\n" in m[0]:
            pos = m.start() + m[0].index("\n") + 1
            continue
        if m.end() > m.start():
            yield m
        pos = max(m.end(), m.start() + 1)


def _leftmost_longest(matches: list[_Candidate]) -> list[_Candidate]:
    """The non-overlapping longest leftmost matches (before normalisation rejects any)."""
    chosen: list[_Candidate] = []
    last_end = -1
    for cand in matches:
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen


def _key_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each key-word class, the stretches of text around its occurrences where a rule may match."""
    windows: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for m in K.WORD.finditer(text):
        word = m[0]
        keys = ("digit",) if word[0].isdigit() else K.KEY_WORDS.get(word.lower(), ())
        for key in keys:
            if key not in K.CAPITALISED_KEYS or word[0].isupper():
                windows.setdefault(key, []).append((max(0, m.start() - K.WINDOW), min(n, m.end() + K.WINDOW)))
    return windows


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


_DEICTIC_RULES = frozenset({"deictic_day", "weekday", "this_part"})


def _is_deictic(cand: _Candidate) -> bool:
    """Said relative to the moment of writing: "today", "Monday", "last week"."""
    if cand.rule == "relative_period":
        rel, unit = cand.match["rel"].lower(), cand.match["unit"].lower()
        anaphoric = re.match(r"(?i)(?:\w+\s+)?the\s", cand.match[0]) is not None  # "early the next year"
        return unit != "day" and rel in ("this", "last", "next", "current", "coming") and not anaphoric
    return cand.rule in _DEICTIC_RULES


def _is_narrative(candidates: list[_Candidate], anchor: dt.date | None, text: str) -> bool:
    """A history-style text: its explicit years lie well before its date and it hardly ever says "today",
    "Monday" or "last week" outside quotations (news about the past still anchors on its date). No date
    at all: narrative.
    """
    if anchor is None:
        return True
    years = [_explicit_year(c) for c in candidates if _has_explicit_year(c)]
    deictic = sum(_is_deictic(c) and not quoted(text, c.start) for c in candidates)
    return (
        len(years) >= 3
        and (statistics.median(years) < anchor.year - _NARRATIVE_GAP_YEARS or _chronicle(years, anchor))
        and deictic * _YEARS_PER_DEICTIC <= len(years)
    )


def _chronicle(years: list[int], anchor: dt.date) -> bool:
    """A long chronicle up to recent years (a war from 2003 to 2009 told in 2009): ten or more explicit
    years, most of them before the anchor's previous year."""
    return len(years) >= 10 and sum(y < anchor.year - 1 for y in years) >= 0.6 * len(years)


def _has_explicit_year(cand: _Candidate) -> bool:
    if cand.rule in _BC_RULES:
        return True
    return len(cand.match.groupdict().get("y") or "") == 4


def _explicit_year(cand: _Candidate) -> int:
    year = int(cand.match["y"])
    return -year if cand.rule in _BC_RULES else year


_BC_RULES = frozenset({"bc_year", "month_bc"})


def _remember(ctx: Context, norm: Norm) -> None:
    """Track the last mentioned date, the reference of anaphora and narrative resolution."""
    if norm.type not in ("DATE", "TIME"):
        return
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", norm.value)
    if m is None:
        if bc := re.match(r"BC(\d{4})", norm.value):
            ctx.ref_year, ctx.ref, ctx.ref_is_day = -int(bc[1]), None, False
        return
    ctx.ref_year = int(m[1])
    ctx.ref_is_day = bool(m[3])
    ctx.last_period = norm.value
    if m[3]:
        ctx.ref = ctx.last_day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    elif m[2]:
        ctx.ref = dt.date(int(m[1]), int(m[2]), 1)
    else:
        ctx.ref = None


def _is_aside(ctx: Context, start: int, year: int) -> bool:
    """A year over a decade from both the line's and the next explicit one ("documents found in 2004
    proved ...", "the largest battle since 1813"): it does not move the line."""
    if ctx.line_year is None:
        return False
    following = next((y for pos, y in ctx.years if pos > start), None)
    return abs(year - ctx.line_year) > _ASIDE_YEARS and (
        following is None or abs(year - following) > _ASIDE_YEARS
    )


def _is_plan(ctx: Context, cand: _Candidate, year: int) -> bool:
    """A later year in a narrative said of the future ("a campaign planned for 1976"): a plan, not where
    the story is."""
    ahead = ctx.narrative and ctx.line_year is not None and year > ctx.line_year
    return ahead and tense_at(ctx, cand.start, cand.end) == "future"


def _is_flashback(ctx: Context, cand: _Candidate, year: int) -> bool:
    """An earlier year in the past perfect ("forces that had invaded Burma in late 1943", told in 1944): what
    had happened before the story's time, which stays where it was."""
    behind = ctx.narrative and ctx.line_year is not None and year < ctx.line_year
    return behind and past_perfect_at(ctx, cand.start, cand.end)


def _narrative_aside(ctx: Context, cand: _Candidate, norm: Norm) -> bool:
    """An explicit year a narrative mentions aside ("part of the empire since 513 BC", told in 492 BC): not
    what its next "the following year" counts from."""
    if not ctx.narrative or norm.relative or norm.type not in ("DATE", "TIME"):
        return False
    m = re.match(r"(BC)?(\d{4})", norm.value)
    return m is not None and _is_aside(ctx, cand.start, -int(m[2]) if m[1] else int(m[2]))


def _follow_line(ctx: Context, cand: _Candidate, norm: Norm) -> None:
    """Move the narrative's main line to an explicit date, or to a year-less one resolved from it."""
    if norm.type not in ("DATE", "TIME") or norm.behind or (norm.relative and cand.rule not in _LINE_RULES):
        return
    m = re.match(r"(BC)?(\d{4})(?:-(\d\d))?", norm.value)
    if m is None:
        return
    year = -int(m[2]) if m[1] else int(m[2])
    if _is_aside(ctx, cand.start, year) or _is_plan(ctx, cand, year) or _is_flashback(ctx, cand, year):
        return
    if m[3] is None and year == ctx.line_year and _completes_last_day(ctx, cand.start):
        return  # "On December 7 (December 8 in Asian time zones), 1941": still December
    ctx.line_year = year
    ctx.line_month = int(m[3]) if m[3] else None


_DATE_YEAR_GAP = 60  # characters between a day and a year written apart from it


def _completes_last_day(ctx: Context, start: int) -> bool:
    """A year after a comma close behind the last day named: the year of that date, not a new focus."""
    if ctx.last_day_end < 0:
        return False
    gap = ctx.text[ctx.last_day_end : start]
    return len(gap) <= _DATE_YEAR_GAP and "\n" not in gap and gap.rstrip().endswith(",")


_HANDLERS: dict[str, Handler] = {**CALENDAR_HANDLERS, **PHRASE_HANDLERS, **RELATIVE_HANDLERS}
