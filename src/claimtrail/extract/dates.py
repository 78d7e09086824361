"""Temporal expressions (TimeML TIMEX3): find them in a parsed article and normalise their values.

Detection is rule-based: the compiled patterns of `_timex_rules` run over `text_of(doc)` (each pass is
linear in the text), the longest leftmost non-overlapping matches win, and each is normalised by its
rule. spaCy is used only for the tense of the governing verb (which "Friday" is meant) and to reject
numbers that modify a plural noun ("2000 troops").

Anchoring. Relative expressions resolve against the article date (`anchor`). Two exceptions:
anaphoric ones ("the next day", "that year", "two years later") use the last date the text mentioned,
and so does everything underspecified in a *narrative* document, i.e. one whose explicit years lie well
before its date (history pieces, WikiWars) or that has no date at all. Without any anchor, relative
values keep TimeML's `X` placeholders (`XXXX-WXX-5`, `XXXX-XX-XX`).

Tense choices for a bare weekday / month-day / month: past tense -> the most recent one (the anchor's own
day included), future tense (will/shall/would/'ll/going to) -> the next one; present or unknown -> the
nearest one for weekdays (ties to the past) and month-days, the anchor's year for months.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from claimtrail.extract import _timex_rules as R
from claimtrail.extract.sentences import sentence, text_of
from claimtrail.models import Timex, TimexType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_timexes"]

Tense = Literal["past", "present", "future"]
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "going"})
_PAST_TAGS = frozenset({"VBD"})
_NARRATIVE_GAP_YEARS = 5


@dataclass(frozen=True, slots=True)
class _Norm:
    type: TimexType
    value: str
    relative: bool = False  # resolved against the anchor (or the narrative reference)


@dataclass(slots=True)
class _Context:
    doc: Doc
    text: str
    anchor: dt.date | None
    narrative: bool
    ref: dt.date | None = None  # last fully specified date the text mentioned
    ref_year: int | None = None  # last year the text mentioned
    ref_is_day: bool = False  # `ref` came from a day-precise mention

    def base(self) -> dt.date | None:
        """The date underspecified expressions resolve against."""
        if self.narrative:
            return self.ref or _january_first(self.ref_year)
        return self.anchor

    def base_year(self) -> int | None:
        """Year for underspecified expressions; negative for BC in narratives."""
        if self.narrative:
            return self.ref_year
        return self.anchor.year if self.anchor else None

    def anaphor_base(self) -> dt.date | None:
        """The date "the next day", "that year" etc. refer to: the last one mentioned, else the anchor."""
        if self.ref is not None:
            return self.ref
        return _january_first(self.ref_year) or self.anchor


def _january_first(year: int | None) -> dt.date | None:
    return dt.date(year, 1, 1) if year and year >= 1 else None


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: str
    match: re.Match[str]


def extract_timexes(doc: Doc, anchor: dt.date | None) -> tuple[Timex, ...]:
    """TIMEX3 spans in `text_of(doc)` with TimeML type and value, in text order."""
    text = text_of(doc)
    candidates = _candidates(text)
    ctx = _Context(doc=doc, text=text, anchor=anchor, narrative=_is_narrative(candidates, anchor))
    out: list[Timex] = []
    for cand in candidates:
        try:
            norm = _HANDLERS[cand.rule](cand.match, ctx)
        except (ValueError, OverflowError):  # impossible dates like "February 30"
            norm = None
        if norm is None:
            continue
        _remember(ctx, norm)
        out.append(_as_rate(_to_timex(cand, norm, ctx), text))
    return tuple(out)


_RATE = re.compile(r"(?:a|an|per|each) (day|week|month|year)", re.IGNORECASE)
_QUANTITY_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|per cent|million|billion|bn|m|k)?|times|twice|once)\s*$"
)


def _as_rate(timex: Timex, text: str) -> Timex:
    """'20 million doses a year', '1.5 per cent a year': a frequency (SET), not a duration."""
    m = _RATE.fullmatch(timex.text)
    if timex.type != "DURATION" or m is None:
        return timex
    before = text[max(0, timex.start - 40) : timex.start].rstrip()
    words = before.split()
    if not words or not (
        _QUANTITY_BEFORE.search(before) or (len(words) >= 2 and _QUANTITY_BEFORE.search(" ".join(words[:-1])))
    ):
        return timex
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}[m.group(1).lower()]
    return Timex(
        text=timex.text, start=timex.start, end=timex.end, type="SET", value=f"P1{unit}", anchor=None
    )


def _to_timex(cand: _Candidate, norm: _Norm, ctx: _Context) -> Timex:
    anchor_used: str | None = None
    if norm.relative:
        base = ctx.base() if ctx.narrative else ctx.anchor
        anchor_used = base.isoformat() if base else None
    return Timex(
        text=ctx.text[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        type=norm.type,
        value=norm.value,
        anchor=anchor_used,
    )


# --- candidates ----------------------------------------------------------------------------------------


def _candidates(text: str) -> list[_Candidate]:
    """Longest leftmost non-overlapping matches of all rules (ties go to the earlier rule)."""
    windows = _key_windows(text)
    found: dict[tuple[int, int, int], _Candidate] = {}
    for order, (rule, pattern) in enumerate(R.RULES):
        for lo, hi in _merge(w for key in R.RULE_KEYS[rule] for w in windows.get(key, ())):
            for m in pattern.finditer(text, lo, hi):
                if m.end() > m.start():
                    found[(m.start(), -m.end(), order)] = _Candidate(m.start(), m.end(), rule, m)
    chosen: list[_Candidate] = []
    last_end = -1
    for key in sorted(found):
        cand = found[key]
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen


def _key_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each key-word class, the stretches of text around its occurrences where a rule may match."""
    windows: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for m in R.WORD.finditer(text):
        word = m[0]
        keys = ("digit",) if word[0].isdigit() else R.KEY_WORDS.get(word.lower(), ())
        for key in keys:
            if key not in R.CAPITALISED_KEYS or word[0].isupper():
                windows.setdefault(key, []).append((max(0, m.start() - R.WINDOW), min(n, m.end() + R.WINDOW)))
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
        return unit != "day" and rel in ("this", "last", "next", "current", "coming")
    return cand.rule in _DEICTIC_RULES


def _is_narrative(candidates: list[_Candidate], anchor: dt.date | None) -> bool:
    """A history-style text: its explicit years lie well before its date and it rarely says "today",
    "Monday" or "last week" (news about the past still anchors on its date). No date at all: narrative.
    """
    if anchor is None:
        return True
    years = [
        _explicit_year(c)
        for c in candidates
        if c.rule == "bc_year" or len(c.match.groupdict().get("y") or "") == 4
    ]
    deictic = sum(map(_is_deictic, candidates))
    return (
        len(years) >= 3
        and statistics.median(years) < anchor.year - _NARRATIVE_GAP_YEARS
        and deictic * 5 < len(years)
    )


def _explicit_year(cand: _Candidate) -> int:
    year = int(cand.match["y"])
    return -year if cand.rule == "bc_year" else year


def _remember(ctx: _Context, norm: _Norm) -> None:
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
    if m[3]:
        ctx.ref = dt.date(int(m[1]), int(m[2]), int(m[3]))
    elif m[2]:
        ctx.ref = dt.date(int(m[1]), int(m[2]), 1)
    else:
        ctx.ref = None


# --- tense ---------------------------------------------------------------------------------------------


def _tense(ctx: _Context, start: int, end: int) -> Tense:
    """Tense of the verb governing the span, else of its sentence."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    verb = _governing_verb(span.root)
    if verb is not None:
        tense = _verb_tense(verb)
        if tense != "present":
            return tense
    return _sentence_tense(_sentence(span))


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):  # "meet for the first time on Monday": the verb is four heads up
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lower_ in _FUTURE_AUX or any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        return "future"  # "due to begin on Monday", "plans to vote on Friday": an intended act
    if verb.tag_ in _PAST_TAGS or any(a.tag_ in _PAST_TAGS for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


def _sentence(span: Span) -> Span:
    try:
        return sentence(span[0])
    except ValueError:  # no sentence boundaries: a window around the span
        doc = span.doc
        return doc[max(0, span.start - 15) : min(len(doc), span.end + 15)]


def _sentence_tense(sent: Span) -> Tense:
    if any(t.lower_ in ("will", "'ll", "shall") for t in sent):
        return "future"
    if any(t.tag_ in _PAST_TAGS for t in sent):
        return "past"
    return "present"


# --- calendar helpers ----------------------------------------------------------------------------------


def _iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + k
    return total // 12, total % 12 + 1


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _month_number(word: str) -> int:
    return R.MONTHS[word.rstrip(".").lower()]


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _nearest(options: list[dt.date], anchor: dt.date, tense: Tense) -> dt.date:
    """The nearest date, unless the tense says otherwise and it lies far (a quarter) the wrong way.

    News often reports a coming date in a past-tense sentence ("said it will open on June 3"), so a
    nearby date beats the tense.
    """
    best = min(options, key=lambda d: (abs((d - anchor).days), d > anchor))
    if tense == "past" and (best - anchor).days > 150:
        return max((d for d in options if d <= anchor), default=best)
    if tense == "future" and (anchor - best).days > 150:
        return min((d for d in options if d >= anchor), default=best)
    return best


def _infer_year(ctx: _Context, month: int, day: int, start: int, end: int) -> int | None:
    if ctx.narrative:
        return ctx.base_year()
    base = ctx.anchor
    if base is None:
        return None
    options = [
        dt.date(y, month, day)
        for y in (base.year - 1, base.year, base.year + 1)
        if day <= calendar.monthrange(y, month)[1]
    ]
    return _nearest(options, base, _tense(ctx, start, end)).year


# --- handlers: absolute and calendar dates -------------------------------------------------------------


def _year_str(year: int | None) -> str:
    if year is None:
        return "XXXX"
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def _date_value(year: int | None, month: int, day: int | None = None) -> str:
    y = _year_str(year)
    if day is None:
        return f"{y}-{month:02d}"
    if year is not None and year > 0:
        dt.date(year, month, day)  # raises ValueError on impossible dates
    return f"{y}-{month:02d}-{day:02d}"


def _iso_date(m: re.Match[str], ctx: _Context) -> _Norm:
    return _Norm("DATE", _date_value(int(m["y"]), int(m["m"]), int(m["d"])))


def _slash_date(m: re.Match[str], ctx: _Context) -> _Norm:
    year = int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    return _Norm("DATE", _date_value(year, int(m["m"]), int(m["d"])))


def _month_day(m: re.Match[str], ctx: _Context) -> _Norm:
    month, day = _month_number(m["month"]), _day_number(m["d"])
    if m["y"]:
        return _Norm("DATE", _date_value(int(m["y"]), month, day))
    return _Norm("DATE", _date_value(_infer_year(ctx, month, day, m.start(), m.end()), month, day), True)


def _month(m: re.Match[str], ctx: _Context) -> _Norm | None:
    month = _month_number(m["month"])
    if m["y"]:
        return _Norm("DATE", _date_value(int(m["y"]), month))
    if m["rel"]:
        return _relative_year_month(ctx, m["rel"].lower(), month)
    if not _is_bare_month(m, ctx.text):
        return None
    year = ctx.base_year()
    base = ctx.anchor
    if year is None or base is None:
        return _Norm("DATE", _date_value(year, month), True)
    if not ctx.narrative:
        tense = _tense(ctx, m.start(), m.end())
        if tense == "past" and month > base.month:
            year -= 1
        elif tense == "future" and month < base.month:
            year += 1
    return _Norm("DATE", _date_value(year, month), True)


def _is_bare_month(m: re.Match[str], text: str) -> bool:
    """A lone month name counts only after a temporal cue ("in May", "early May") and in full form."""
    word = m["month"]
    if word.endswith(".") or (len(word) <= 3 and word != "May"):
        return False
    if m.start("month") > m.start():  # has an "early"/"the end of" prefix
        return True
    before = text[max(0, m.start() - 12) : m.start()].split()
    return bool(before) and before[-1].lower().strip(",") in R.MONTH_CUES


def _relative_year_month(ctx: _Context, rel: str, month: int) -> _Norm:
    if ctx.anchor is None:
        return _Norm("DATE", _date_value(None, month), True)
    year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    return _Norm("DATE", _date_value(year, month), True)


def _bc_year(m: re.Match[str], ctx: _Context) -> _Norm:
    return _Norm("DATE", f"BC{int(m['y']):04d}")


def _decade(m: re.Match[str], ctx: _Context) -> _Norm:
    if m["short"]:
        return _Norm("DATE", f"19{m['short']}")
    return _Norm("DATE", f"{m['c']}{m['dd']}")


def _year(m: re.Match[str], ctx: _Context) -> _Norm | None:
    if m["fy"] is not None:
        return _Norm("DATE", f"FY{m['y']}")
    if not _looks_like_year(m, ctx):
        return None
    return _Norm("DATE", m["y"])


def _looks_like_year(m: re.Match[str], ctx: _Context) -> bool:
    """Reject counts ("2000 troops") and number ranges ("555-1234") that happen to have four digits."""
    start = m.start("y")
    before = ctx.text[max(0, start - 5) : start]
    has_prefix = start > m.start()  # "mid-2019"
    if not has_prefix and before[-1:] in ("-", "–") and not re.fullmatch(r"\d{4}[-–]", before):
        return False
    span = ctx.doc.char_span(start, m.end("y"), alignment_mode="expand")
    if span is None or len(span) != 1:
        return True
    token = span[0]
    # "2000 troops" is a count; "the 1917 offensives" is not: only round numbers count things.
    counts = token.dep_ == "nummod" and token.head.i > token.i and token.head.tag_ == "NNS"
    return not (counts and int(m["y"]) % 50 == 0)


def _year_range_end(m: re.Match[str], ctx: _Context) -> _Norm | None:
    """The "18" of "1914-18": the century of the year before it."""
    first = ctx.text[m.start() - 5 : m.start() - 1]
    year = int(first[:2] + m["yy"])
    return _Norm("DATE", str(year)) if year > int(first) else None


def _fiscal_short(m: re.Match[str], ctx: _Context) -> _Norm:
    return _Norm("DATE", f"FY20{m['y']}")


def _season(m: re.Match[str], ctx: _Context) -> _Norm:
    season = R.SEASONS[m["season"].lower()]
    if m["y"]:
        return _Norm("DATE", f"{m['y']}-{season}")
    year = ctx.base_year()
    base = ctx.anchor
    if year is None or base is None or ctx.narrative:
        return _Norm("DATE", f"{_year_str(year)}-{season}", True)
    rel = (m["rel"] or "").lower()
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if rel == "last":
        year -= 0 if starts + 2 < base.month else 1
    elif rel == "next":
        year += 0 if starts > base.month else 1
    return _Norm("DATE", f"{year}-{season}", True)


def _quarter_rule(m: re.Match[str], ctx: _Context) -> _Norm:
    n = R.ORDINALS.get(m["ord"].lower()) or int(m["ord"])
    if m["y"]:
        return _Norm("DATE", f"{m['y']}-Q{n}")
    base = ctx.base()
    if base is None:
        return _Norm("DATE", f"XXXX-Q{n}", True)
    year = base.year
    yrel = (m.groupdict().get("yrel") or "").lower()
    if yrel:
        year += {"this": 0, "last": -1, "next": 1}[yrel]
    elif not ctx.narrative:
        tense = _tense(ctx, m.start(), m.end())
        if tense == "past" and n > _quarter(base):
            year -= 1
        elif tense == "future" and n < _quarter(base):
            year += 1
    return _Norm("DATE", f"{year}-Q{n}", True)


# --- handlers: deictic days, weekdays, times -----------------------------------------------------------

_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _deictic_day(m: re.Match[str], ctx: _Context) -> _Norm:
    word = m["word"].lower()
    part = "NI" if word == "tonight" else R.PARTS_OF_DAY.get((m["part"] or "").lower())
    if ctx.anchor is None:
        return _Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), True)
    day = ctx.anchor + dt.timedelta(days=_DAY_OFFSETS[word])
    if part:
        return _Norm("TIME", f"{day.isoformat()}T{part}", True)
    return _Norm("DATE", day.isoformat(), True)


def _this_part(m: re.Match[str], ctx: _Context) -> _Norm:
    part = R.PARTS_OF_DAY[m["part"].lower()]
    if ctx.anchor is None:
        return _Norm("TIME", f"XXXX-XX-XXT{part}", True)
    day = ctx.anchor - dt.timedelta(days=1 if m["rel"].lower() == "last" else 0)
    return _Norm("TIME", f"{day.isoformat()}T{part}", True)


def _weekday_date(ctx: _Context, weekday: int, rel: str, start: int, end: int) -> dt.date | None:
    base = ctx.anchor if not ctx.narrative else ctx.ref
    if base is None:
        return None
    back = (base.isoweekday() - weekday) % 7  # days since the most recent such day (0 = the base itself)
    if rel == "this":
        return base + dt.timedelta(days=weekday - base.isoweekday())
    if rel == "last":
        return base - dt.timedelta(days=back or 7)
    if rel == "next":
        return base + dt.timedelta(days=(7 - back) or 7)
    tense = _tense(ctx, start, end)
    if tense == "future":
        return base + dt.timedelta(days=(7 - back) or 7)
    if tense == "present" and 7 - back < back:
        return base + dt.timedelta(days=7 - back)
    return base - dt.timedelta(days=back)


def _weekday(m: re.Match[str], ctx: _Context) -> _Norm:
    weekday = R.WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    day = _weekday_date(ctx, weekday, rel, m.start(), m.end())
    value = day.isoformat() if day else f"XXXX-WXX-{weekday}"
    if m["part"]:
        return _Norm("TIME", f"{value}T{R.PARTS_OF_DAY[m['part'].lower()]}", True)
    return _Norm("DATE", value, True)


def _day_of(ctx: _Context, dayref: str | None, start: int, end: int) -> str:
    """The date a clock time falls on: its own day word, else the anchor (news) or reference day."""
    if dayref:
        word = dayref.lower()
        if word in _DAY_OFFSETS and ctx.anchor is not None:
            return (ctx.anchor + dt.timedelta(days=_DAY_OFFSETS[word])).isoformat()
        if word in R.WEEKDAYS:
            day = _weekday_date(ctx, R.WEEKDAYS[word], "", start, end)
            return day.isoformat() if day else "XXXX-XX-XX"
    base = ctx.ref if ctx.narrative else ctx.anchor
    if ctx.anchor and ctx.ref and ctx.ref_is_day and 0 < (ctx.anchor - ctx.ref).days <= 7:
        base = ctx.ref  # "at 16:15 UTC" after "on Monday" happened on that Monday
    return base.isoformat() if base else "XXXX-XX-XX"


def _clock_value(ctx: _Context, m: re.Match[str], hour: int, minute: int, zone: str | None) -> _Norm:
    day = _day_of(ctx, m.groupdict().get("dayref"), m.start(), m.end())
    suffix = "Z" if zone and zone.upper() in ("UTC", "GMT", "Z") else ""
    return _Norm("TIME", f"{day}T{hour:02d}:{minute:02d}{suffix}", True)


def _time(m: re.Match[str], ctx: _Context) -> _Norm:
    hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    return _clock_value(ctx, m, hour, int(m["min"] or 0), m["zone"])


def _clock(m: re.Match[str], ctx: _Context) -> _Norm:
    if m["mil"]:
        return _clock_value(ctx, m, int(m["mil"]), int(m["min2"]), m["zone2"])
    return _clock_value(ctx, m, int(m["h"]), int(m["min"]), m["zone"])


def _noon(m: re.Match[str], ctx: _Context) -> _Norm:
    day = _day_of(ctx, m["dayref"], m.start(), m.end())
    return _Norm("TIME", f"{day}T{'24:00' if m['word'].lower() == 'midnight' else '12:00'}", True)


# --- handlers: relative periods ------------------------------------------------------------------------

_REL_STEP = {
    "this": 0,
    "current": 0,
    "same": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
}


def _relative_period(m: re.Match[str], ctx: _Context) -> _Norm:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "past" and re.match(r"(?i)the\s", m[0]):  # "the past year" is a stretch of time
        return _duration_norm(1, unit)
    anaphoric = rel in ("previous", "following", "same") or unit == "day"
    base = ctx.anaphor_base() if anaphoric or ctx.narrative else ctx.anchor
    return _shift_period(base, unit, _REL_STEP[rel])


def _shift_period(base: dt.date | None, unit: str, step: int) -> _Norm:
    if unit == "day":
        value = (base + dt.timedelta(days=step)).isoformat() if base else "XXXX-XX-XX"
    elif unit in ("week", "weekend"):
        value = _iso_week(base + dt.timedelta(weeks=step)) if base else "XXXX-WXX"
        value += "-WE" if unit == "weekend" else ""
    elif unit == "month":
        value = "{}-{:02d}".format(*_add_months(base.year, base.month, step)) if base else "XXXX-XX"
    elif unit == "quarter":
        q = (base.year * 4 + _quarter(base) - 1 + step) if base else 0
        value = f"{q // 4}-Q{q % 4 + 1}" if base else "XXXX-QX"
    elif unit == "decade":
        value = str(base.year // 10 + step) if base else "XXX"
    elif unit == "century":
        value = str(base.year // 100 + step) if base else "XX"
    else:
        value = str(base.year + step) if base else "XXXX"
    return _Norm("DATE", value, True)


def _the_period(m: re.Match[str], ctx: _Context) -> _Norm:
    base = ctx.base() if ctx.narrative else ctx.anchor
    return _shift_period(base, m["unit"].lower(), 0)


def _that_period(m: re.Match[str], ctx: _Context) -> _Norm:
    return _shift_period(ctx.anaphor_base(), m["unit"].lower(), 0)


def _ago(m: re.Match[str], ctx: _Context) -> _Norm | None:
    n = _parse_number(m["num"])
    unit = m["unit"].lower().rstrip("s")
    earlier = m["dir"].lower() != "later"
    if n is None or not isinstance(n, int):
        return _Norm("DATE", "PAST_REF" if earlier else "FUTURE_REF", True)
    base = ctx.anchor if m["dir"].lower() == "ago" and not ctx.narrative else ctx.anaphor_base()
    step = -n if earlier else n
    if unit in ("second", "minute", "hour"):
        return _Norm("DATE", base.isoformat() if base else "XXXX-XX-XX", True)
    if unit == "day" and base is not None:
        return _Norm("DATE", (base + dt.timedelta(days=step)).isoformat(), True)
    if unit in ("decade", "centurie", "century"):
        return _shift_period(base, "year", step * (10 if unit == "decade" else 100))
    return _shift_period(base, unit, step)


# --- handlers: durations, sets, vague references -------------------------------------------------------


def _parse_number(word: str) -> int | float | None:
    """Integer or decimal for a number word or numeral; None for vague quantities ("several")."""
    w = " ".join(word.lower().split())
    if w in ("a", "an"):
        return 1
    if w in R.COUPLE:
        return 2
    if w in R.VAGUE:
        return None
    if re.fullmatch(r"\d+", w):
        return int(w)
    if re.fullmatch(r"\d+\.\d+", w):
        return float(w)
    parts = R.NUMBER_TOKEN.split(w)
    total = 0
    for p in parts:
        if p in R.TENS:
            total += R.TENS[p]
        elif p in R.SMALL_NUMBERS:
            total += R.SMALL_NUMBERS[p]
        else:
            return None
    return total


def _duration_norm(n: int | float | None, unit: str) -> _Norm:
    designator, multiplier, is_time = R.UNITS[
        unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    ]
    count = "X" if n is None else f"{n * multiplier:g}"
    return _Norm("DURATION", f"PT{count}{designator}" if is_time else f"P{count}{designator}")


def _duration(m: re.Match[str], ctx: _Context) -> _Norm | None:
    num, unit = m["num"].lower(), m["unit"].lower()
    if num in ("a", "an") and unit.startswith("second"):  # "a second time"
        return None
    if num == "many" and not m["rel"]:
        return None
    n = _parse_number(num)
    if n is None and num not in R.VAGUE:
        return None
    return _duration_norm(n, unit)


def _bare_units(m: re.Match[str], ctx: _Context) -> _Norm:
    return _duration_norm(None, m["unit"])


def _set(m: re.Match[str], ctx: _Context) -> _Norm:
    if m["word"]:
        return _Norm("SET", R.SET_WORDS[m["word"].lower()])
    unit = m["unit"].lower()
    if unit in R.WEEKDAYS:
        return _Norm("SET", f"XXXX-WXX-{R.WEEKDAYS[unit]}")
    if unit in R.PARTS_OF_DAY:
        return _Norm("SET", f"XXXX-XX-XXT{R.PARTS_OF_DAY[unit]}")
    if unit in R.SEASONS:
        return _Norm("SET", f"XXXX-{R.SEASONS[unit]}")
    num = (m["num"] or "").lower()
    n = 2 if num == "other" else (_parse_number(num) if num else 1)
    return _Norm("SET", _duration_norm(n, unit).value)


def _ref(m: re.Match[str], ctx: _Context) -> _Norm:
    word = " ".join(m["word"].lower().split())
    return _Norm("DATE", R.REF_WORDS[word])


_HANDLERS = {
    "iso_date": _iso_date,
    "slash_date": _slash_date,
    "month_day": _month_day,
    "day_month": _month_day,
    "month": _month,
    "bc_year": _bc_year,
    "decade": _decade,
    "year": _year,
    "fiscal_short": _fiscal_short,
    "year_range_end": _year_range_end,
    "day_range_start": _month_day,
    "season": _season,
    "quarter": _quarter_rule,
    "q_quarter": _quarter_rule,
    "time": _time,
    "clock": _clock,
    "noon": _noon,
    "weekday": _weekday,
    "deictic_day": _deictic_day,
    "this_part": _this_part,
    "relative_period": _relative_period,
    "the_period": _the_period,
    "that_period": _that_period,
    "ago": _ago,
    "duration": _duration,
    "bare_units": _bare_units,
    "set": _set,
    "ref": _ref,
}
