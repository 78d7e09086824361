"""TIMEX3 normalisers for deictic days, weekdays, clock times, relative periods, durations, sets and
vague references (private to `claimtrail.extract.dates`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from claimtrail.extract import _timex_rules as R
from claimtrail.extract._timex_context import (
    Context,
    Handler,
    Norm,
    add_months,
    iso_week,
    quarter_of,
    quoted,
    tense_at,
    year_str,
)

# --- handlers: deictic days, weekdays, times -----------------------------------------------------------

_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _deictic_day(m: re.Match[str], ctx: Context) -> Norm:
    word = m["word"].lower()
    part = "NI" if word == "tonight" else R.PARTS_OF_DAY.get((m["part"] or "").lower())
    today = ctx.anchor or ctx.last_day  # an undated text's "today" is its last dated day (a dateline)
    if ctx.narrative and ctx.anchor is not None:  # a history's date is not when its people spoke
        if word == "today" and not part and not quoted(ctx.text, m.start()):
            return Norm("DATE", "PRESENT_REF")  # "the region today": nowadays
        today = None
    if today is None:
        return Norm("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), True)
    day = today + dt.timedelta(days=_DAY_OFFSETS[word])
    if part:
        return Norm("TIME", f"{day.isoformat()}T{part}", True)
    return Norm("DATE", day.isoformat(), True)


def _this_part(m: re.Match[str], ctx: Context) -> Norm:
    part = R.PARTS_OF_DAY[m["part"].lower()]
    if ctx.anchor is None:
        return Norm("TIME", f"XXXX-XX-XXT{part}", True)
    day = ctx.anchor - dt.timedelta(days=1 if m["rel"].lower() == "last" else 0)
    return Norm("TIME", f"{day.isoformat()}T{part}", True)


_PART_STEP = {"next": 1, "following": 1, "previous": -1}


def _that_part(m: re.Match[str], ctx: Context) -> Norm:
    """ "that afternoon", "the next morning": a part of the day the text last named (or the day after)."""
    part = R.PARTS_OF_DAY[m["part"].lower()]
    base = _named_day(ctx)
    step = _PART_STEP.get(m["det"].split()[-1].lower(), 0)
    day = (base + dt.timedelta(days=step)).isoformat() if base else "XXXX-XX-XX"
    return Norm("TIME", f"{day}T{part}", True)


def _named_day(ctx: Context) -> dt.date | None:
    """The day "that morning" belongs to: the last date mentioned when it names a day, else (no date yet)
    the anchor. A bare year or month names no day: news looks past it to the last day it named ("on Feb. 13
    ... the unit, set up in 1998, ... that morning"); a narrative leaves the day unknown."""
    if ctx.ref_is_day or (ctx.ref is None and ctx.ref_year is None):
        return ctx.anaphor_base()
    return None if ctx.narrative else ctx.last_day


def _the_part(m: re.Match[str], ctx: Context) -> Norm:
    """ "in the afternoon", "in afternoon trading": that part of the day in focus (as for clock times)."""
    part = R.PARTS_OF_DAY[m["part"].lower()]
    day = _day_of(ctx, None, m.start(), m.end())
    start = m.start("the") if m.groupdict().get("the") else None
    return Norm("TIME", f"{day}T{part}", True, start=start)


def _the_day(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("DATE", _day_of(ctx, None, m.start(), m.end()), True, start=m.start("the"))


def _for_the(m: re.Match[str], ctx: Context) -> Norm:
    base = ctx.base() if ctx.narrative else ctx.anchor
    norm = _shift_period(base, m["unit"].lower(), 0)
    return Norm(norm.type, norm.value, True, start=m.start("the"))


def _day_beside(m: re.Match[str], ctx: Context) -> Norm:
    """ "the day before", "the night after": next to the last day-precise date mentioned."""
    step = -1 if m["dir"].lower() == "before" else 1
    day = ctx.last_day + dt.timedelta(days=step) if ctx.last_day else None
    value = day.isoformat() if day else "XXXX-XX-XX"
    unit = m["unit"].lower()
    if unit == "day":
        return Norm("DATE", value, True)
    return Norm("TIME", f"{value}T{R.PARTS_OF_DAY[unit]}", True)


def _period_beside(m: re.Match[str], ctx: Context) -> Norm:
    """ "the year before", "the month after": a period next to the last date mentioned (else the anchor)."""
    return _from_reference(ctx, m["unit"].lower(), 1 if m["dir"].lower() == "after" else -1)


def _at_night(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("TIME", "XXXX-XX-XXTNI", start=m.start("part"))


def _weekday_date(ctx: Context, weekday: int, rel: str, start: int, end: int) -> dt.date | None:
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
    tense = tense_at(ctx, start, end)
    if tense == "future":  # the base day itself included: "was set to land on Monday", said on a Monday
        return base + dt.timedelta(days=(7 - back) % 7)
    if tense == "present" and 7 - back < back:
        return base + dt.timedelta(days=7 - back)
    return base - dt.timedelta(days=back)


def _weekday(m: re.Match[str], ctx: Context) -> Norm:
    weekday = R.WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    day = _weekday_date(ctx, weekday, rel, m.start(), m.end())
    value = day.isoformat() if day else f"XXXX-WXX-{weekday}"
    if m["part"]:
        return Norm("TIME", f"{value}T{R.PARTS_OF_DAY[m['part'].lower()]}", True)
    return Norm("DATE", value, True)


def _day_of(ctx: Context, dayref: str | None, start: int, end: int) -> str:
    """The date a clock time falls on: its own day word, else the anchor (news) or reference day."""
    if dayref:
        word = dayref.lower()
        if word in _DAY_OFFSETS and ctx.anchor is not None:
            return (ctx.anchor + dt.timedelta(days=_DAY_OFFSETS[word])).isoformat()
        if word in R.WEEKDAYS:
            day = _weekday_date(ctx, R.WEEKDAYS[word], "", start, end)
            return day.isoformat() if day else "XXXX-XX-XX"
    base = ctx.last_day if ctx.narrative else ctx.anchor
    if ctx.anchor and ctx.ref and ctx.ref_is_day and 0 < (ctx.anchor - ctx.ref).days <= 7:
        base = ctx.ref  # "at 16:15 UTC" after "on Monday" happened on that Monday
    if ctx.last_day and re.fullmatch(
        r"\s*,?\s*(?:at|from|by)?\s*", ctx.text[max(0, ctx.last_day_end) : start]
    ):
        base = ctx.last_day  # "next Tuesday at 3 p.m.": the day just named
    return base.isoformat() if base else "XXXX-XX-XX"


def _clock_value(ctx: Context, m: re.Match[str], hour: int, minute: int, zone: str | None) -> Norm:
    day = _day_of(ctx, m.groupdict().get("dayref"), m.start(), m.end())
    suffix = "Z" if zone and zone.upper() in ("UTC", "GMT", "Z") else ""
    return Norm("TIME", f"{day}T{hour:02d}:{minute:02d}{suffix}", True)


def _time(m: re.Match[str], ctx: Context) -> Norm:
    hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    return _clock_value(ctx, m, hour, int(m["min"] or 0), m["zone"])


def _clock(m: re.Match[str], ctx: Context) -> Norm:
    if m["mil"]:
        return _clock_value(ctx, m, int(m["mil"]), int(m["min2"]), m["zone2"])
    return _clock_value(ctx, m, int(m["h"]), int(m["min"]), m["zone"])


def _noon(m: re.Match[str], ctx: Context) -> Norm:
    day = _day_of(ctx, m["dayref"], m.start(), m.end())
    return Norm("TIME", f"{day}T{'24:00' if m['word'].lower() == 'midnight' else '12:00'}", True)


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
    "latest": -1,
}


_STRETCH_RELS = frozenset({"next", "following", "coming"})
_FOR_BEFORE = re.compile(r"\b[Ff]or\s+$")


def _for_how_long(m: re.Match[str], ctx: Context) -> bool:
    """ "continued for the next year": "for" on a verb asks how long; "a campaign for the following year"
    (on a noun) names which year."""
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel not in _STRETCH_RELS or unit == "quarter" or not re.match(r"(?i)the\s", m[0]):
        return False
    if (before := _FOR_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())) is None:
        return False
    span = ctx.doc.char_span(before.start(), before.start() + 3)
    return span is not None and span[0].head.pos_ in ("VERB", "AUX")


def _relative_period(m: re.Match[str], ctx: Context) -> Norm:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "past" and re.match(r"(?i)the\s", m[0]):  # "the past year" is a stretch of time
        return _duration_norm(1, unit)
    if _for_how_long(m, ctx):
        return _duration_norm(1, unit)
    anaphoric = rel in ("previous", "following", "same") or unit == "day"
    if anaphoric or ctx.narrative:
        return _from_reference(ctx, unit, _REL_STEP[rel])
    return _shift_period(ctx.anchor, unit, _REL_STEP[rel])


def _from_reference(ctx: Context, unit: str, step: int) -> Norm:
    """A period `step` units from the last mentioned date. After a bare year ("in 1950") finer units stay
    unknown ("the next day" -> 1950-XX-XX); BC years count down ("the following year" after 492 BC ->
    BC0491)."""
    year = ctx.ref_year
    if unit == "day" and not ctx.ref_is_day and not ctx.narrative and ctx.last_day is not None:
        # a month or year names no day: news counts from the last day it named ("denied on Tuesday ...
        # when the contracts expire in February, after a slump the previous day")
        return _shift_period(ctx.last_day, unit, step)
    if ctx.ref is not None or year is None:
        return _shift_period(ctx.anaphor_base(), unit, step)
    if unit == "year":
        value = year_str(year + step)
    elif unit in ("decade", "century"):
        size, digits = (10, 3) if unit == "decade" else (100, 2)
        value = f"BC{-year // size - step:0{digits}d}" if year < 0 else str(year // size + step)
    else:
        value = year_str(year) + _UNKNOWN_PART.get(unit, "")
    return Norm("DATE", value, True)


_UNKNOWN_PART = {"day": "-XX-XX", "week": "-WXX", "weekend": "-WXX-WE", "month": "-XX", "quarter": "-QX"}


def _shift_period(base: dt.date | None, unit: str, step: int) -> Norm:
    if unit == "day":
        value = (base + dt.timedelta(days=step)).isoformat() if base else "XXXX-XX-XX"
    elif unit in ("week", "weekend"):
        value = iso_week(base + dt.timedelta(weeks=step)) if base else "XXXX-WXX"
        value += "-WE" if unit == "weekend" else ""
    elif unit == "month":
        value = "{}-{:02d}".format(*add_months(base.year, base.month, step)) if base else "XXXX-XX"
    elif unit == "quarter":
        q = (base.year * 4 + quarter_of(base) - 1 + step) if base else 0
        value = f"{q // 4}-Q{q % 4 + 1}" if base else "XXXX-QX"
    elif unit == "decade":
        value = str(base.year // 10 + step) if base else "XXX"
    elif unit == "century":
        value = str(base.year // 100 + step) if base else "XX"
    else:
        value = str(base.year + step) if base else "XXXX"
    return Norm("DATE", value, True)


def _the_period(m: re.Match[str], ctx: Context) -> Norm:
    base = ctx.base() if ctx.narrative else ctx.anchor
    return _shift_period(base, m["unit"].lower(), 0)


def _in_the_period(m: re.Match[str], ctx: Context) -> Norm:
    """ "later in the year": the year (month, week) of the last date mentioned, else of the anchor."""
    return _from_reference(ctx, m["unit"].lower(), 0)


_PERIOD_OF = {
    "month": r"\d{4}-\d\d",
    "quarter": r"\d{4}-Q\d",
    "week": r"\d{4}-W\d\d",
    "day": r"\d{4}-\d\d-\d\d",
}


def _same_period_year(m: re.Match[str], ctx: Context) -> Norm:
    """ "sales fell in January, compared to the same month a year ago" -> 2008-01: the period just named
    (at the unit's precision; "period"/"time" at its own, a day read as its month), in the year named or
    the year before."""
    unit = m["unit"].lower()
    last = ctx.last_period or ""
    precise = re.match(_PERIOD_OF.get(unit, r"\d{4}(?:-(?:Q\d|H\d|W\d\d|\d\d))?"), last)
    if precise is None and unit == "quarter" and (month := re.match(r"(\d{4})-(\d\d)", last)):
        value = f"{month[1]}-Q{(int(month[2]) - 1) // 3 + 1}"
    elif precise is not None:
        value = precise[0]
    else:
        base = ctx.base() if ctx.narrative else ctx.anchor
        value = _shift_period(base, "year" if unit in ("period", "time") else unit, 0).value
    if not value[:4].isdigit():
        return Norm("DATE", value, True)
    year = int(m["y"]) if m["y"] else int(value[:4]) - 1
    return Norm("DATE", f"{year:04d}{value[4:]}", True)


def _that_period(m: re.Match[str], ctx: Context) -> Norm:
    return _from_reference(ctx, m["unit"].lower(), 0)


def _ago(m: re.Match[str], ctx: Context) -> Norm | None:
    if re.match(r"\s+than\b", ctx.text[m.end() :]):  # "11 days earlier than it did": a difference
        norm = _duration_norm(_parse_number(m["num"]), m["unit"])
        end = m.start() + len(ctx.text[m.start() : m.start("dir")].rstrip())
        return _trim_preposition(m, ctx, Norm(norm.type, norm.value, end=end))
    n = _parse_number(m["num"])
    unit = m["unit"].lower().rstrip("s")
    earlier = m["dir"].lower() != "later"
    if n is None or not isinstance(n, int):
        return Norm("DATE", "PAST_REF" if earlier else "FUTURE_REF", True)
    from_anchor = m["dir"].lower() == "ago" and not ctx.narrative
    base = ctx.anchor if from_anchor else ctx.anaphor_base()
    step = -n if earlier else n
    if unit == "fortnight":
        unit, step = "week", 2 * step
    if not from_anchor and ctx.ref is None and ctx.ref_year is not None:
        if unit in ("decade", "centurie", "century"):
            return _from_reference(ctx, "year", step * (10 if unit == "decade" else 100))
        return _from_reference(ctx, "day" if unit in ("second", "minute", "hour") else unit, step)
    if unit in ("second", "minute", "hour"):
        return Norm("DATE", base.isoformat() if base else "XXXX-XX-XX", True)
    if unit == "day" and base is not None:
        return Norm("DATE", (base + dt.timedelta(days=step)).isoformat(), True)
    if unit in ("decade", "centurie", "century"):
        return _shift_period(base, "year", step * (10 if unit == "decade" else 100))
    return _shift_period(base, unit, step)


# --- handlers: durations, sets, vague references -------------------------------------------------------


def _parse_number(word: str) -> int | float | None:
    """Integer or decimal for a number word or numeral; None for vague quantities ("several")."""
    w = " ".join(word.lower().split()).replace(",", "")
    if w in ("a", "an", "a single", "single"):  # "a single day", "single-day"
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


def _duration_norm(n: int | float | None, unit: str) -> Norm:
    designator, multiplier, is_time = R.UNITS[
        unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    ]
    count = "X" if n is None else f"{n * multiplier:g}"
    return Norm("DURATION", f"PT{count}{designator}" if is_time else f"P{count}{designator}")


_FRACTION_OF = re.compile(r",?\s+of\s+(?:the|a|an|its|their|his|her|our|all|those|these|this|that)\b")


_HALVES = {
    "hour": "PT30M",
    "day": "PT12H",
    "year": "P6M",
    "month": "P0.5M",
    "century": "P50Y",
    "decade": "P5Y",
}


def _duration(m: re.Match[str], ctx: Context) -> Norm | None:
    num, unit = m["num"].lower(), m["unit"].lower()
    if num in ("a", "an") and unit.startswith("second"):  # "a second time"
        return None
    if num == "many" and not m["rel"]:
        return None
    if unit.startswith("quarter") and (
        _FRACTION_OF.match(ctx.text, m.end()) or ctx.text[m.start("unit") - 1] == "-"
    ):
        return None  # "a quarter of the vote", "three-quarters": fractions
    n = _parse_number(num)
    if n is None and num not in R.VAGUE:
        return None
    if n is not None and (m["half"] or m["half2"]):  # "two and a half years", "a year and a half"
        n += 0.5
    if m["halfpre"] and n == 1 and unit.lower() in _HALVES:  # "half an hour": 30 minutes
        return Norm("DURATION", _HALVES[unit.lower()])
    if num in ("a", "an") and m[0].lower().endswith("-long"):  # "a month-long strike": "a" is the strike's
        plural = ctx.text[m.end("unit") : m.end("unit") + 1].lower() == "s"
        norm = _duration_norm(None if plural else 1, unit)
        return Norm(norm.type, norm.value, start=m.start("unit"))
    return _trim_preposition(m, ctx, _duration_norm(n, unit))


def _duration_range_start(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "between 60 and 90 days": the first count has the unit of the second ("and" only after "between")."""
    if m["conn"].strip() == "and" and not re.search(
        r"(?i)\bbetween\s+$", ctx.text[max(0, m.start() - 9) : m.start()]
    ):
        return None
    return _duration_norm(_parse_number(m["num"]), m["unit"])


def _is_noun_modifier(m: re.Match[str], text: str) -> bool:
    """A duration modifying a noun ("the three-week trial", "the ten year war"): its "the" is the noun's."""
    unit_end = m.end("unit")
    return text[m.start("unit") - 1] == "-" or text[unit_end : unit_end + 1].lower() != "s"


def _trim_preposition(m: re.Match[str], ctx: Context, norm: Norm) -> Norm:
    """Span edges: "over"/"under" count the quantity only after a cue ("in over six years"), else they are
    prepositions; "the" stays outside a duration that modifies a noun ("the three-week trial")."""
    if m[0][:4].lower() == "the " and not m.groupdict().get("rel") and _is_noun_modifier(m, ctx.text):
        return Norm(norm.type, norm.value, norm.relative, start=m.start("num"), end=norm.end)
    mod = (m["mod"] or "").lower()
    if mod not in ("over", "under"):
        return norm
    before = ctx.text[max(0, m.start() - 20) : m.start()].split()
    if before and before[-1].lower() in R.QUANTITY_CUES:
        return norm
    return Norm(norm.type, norm.value, norm.relative, start=m.start("num"), end=norm.end)


def _bare_units(m: re.Match[str], ctx: Context) -> Norm:
    norm = _duration_norm(None, m["unit"])
    return Norm(norm.type, norm.value, start=m.start("the") if m["the"] else m.start("unit"))


def _vague_period(m: re.Match[str], ctx: Context) -> Norm:
    return _duration_norm(None, m["unit"] or m["unit2"])


def _vague_relative(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("DATE", "FUTURE_REF" if m["dir"].lower() == "later" else "PAST_REF", True)


def _the_weekend(m: re.Match[str], ctx: Context) -> Norm:
    """The weekend the tense points to: past -> the last one, future -> the coming one, else the nearest."""
    base = ctx.base() if ctx.narrative else ctx.anchor
    if base is None:
        return Norm("DATE", "XXXX-WXX-WE", True)
    tense = tense_at(ctx, m.start(), m.end())
    day = base.isoweekday()  # 6, 7 = the weekend itself
    if tense == "past" or (tense == "present" and day <= 3):
        step = 0 if day >= 6 else -1
    else:
        step = 1 if day == 7 else 0
    return Norm("DATE", iso_week(base + dt.timedelta(weeks=step)) + "-WE", True)


def _set(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["word"]:
        if _is_noun(ctx, m.start(), m.end()):  # "a sports daily", "the Business Daily"
            return None
        return Norm("SET", R.SET_WORDS[m["word"].lower()])
    unit = m["unit"].lower()
    if unit in R.WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{R.WEEKDAYS[unit]}")
    if unit == "weekend":
        return Norm("SET", "XXXX-WXX-WE")
    if m["month"]:
        return Norm("SET", f"XXXX-{R.MONTHS[m['month'].lower()]:02d}")
    if unit in R.PARTS_OF_DAY:
        return Norm("SET", f"XXXX-XX-XXT{R.PARTS_OF_DAY[unit]}")
    if unit in R.SEASONS:
        return Norm("SET", f"XXXX-{R.SEASONS[unit]}")
    num = (m["num"] or "").lower()
    n = 2 if num == "other" else (_parse_number(num) if num else 1)
    return Norm("SET", _duration_norm(n, unit).value)


def _set_freq(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("SET", _duration_norm(1, m["unit"]).value)


def _set_weekday(m: re.Match[str], ctx: Context) -> Norm:
    day = R.WEEKDAYS[(m["wd"] or m["wd2"]).lower()]
    part = f"T{R.PARTS_OF_DAY[m['part'].lower()]}" if m["part"] else ""
    return Norm("SET", f"XXXX-WXX-{day}{part}")


_FISCAL_STEP = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "new": 1}


def _fiscal_year(m: re.Match[str], ctx: Context) -> Norm:
    """ "this fiscal year" -> FY2020 (the fiscal year named by the calendar year of the anchor)."""
    rel = (m["rel"] or "").split()[-1:] or [""]
    base = ctx.base() if ctx.narrative else ctx.anchor
    if base is None:
        return Norm("DATE", "FYXXXX", True)
    return Norm("DATE", f"FY{base.year + _FISCAL_STEP.get(rel[0].lower(), 0)}", True)


def _decade_word(m: re.Match[str], ctx: Context) -> Norm:
    """ "the sixties" -> 196: the latest such decade that has begun by the anchor (the 1900s without one)."""
    digit = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
    d = digit.index(m["dw"]) + 2
    year = ctx.anchor.year if ctx.anchor else 1999
    century = year // 100 if (year // 100) * 100 + d * 10 <= year else year // 100 - 1
    return Norm("DATE", f"{century}{d}", True)


def _period_end(m: re.Match[str], ctx: Context) -> Norm:
    base = ctx.base() if ctx.narrative else ctx.anchor
    return _shift_period(base, m["unit"].lower(), 0)


def _is_noun(ctx: Context, start: int, end: int) -> bool:
    """A noun, or an adjective before a name ("the French sports daily Le Sport"): a newspaper."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return (
        after is not None
        and after.pos_ == "PROPN"
        and before is not None
        and before.pos_ in ("NOUN", "ADJ", "PROPN")
    )


def _ref(m: re.Match[str], ctx: Context) -> Norm:
    word = " ".join(m["word"].lower().split())
    return Norm("DATE", R.REF_WORDS[word])


HANDLERS: Final[dict[str, Handler]] = {
    "time": _time,
    "clock": _clock,
    "noon": _noon,
    "weekday": _weekday,
    "deictic_day": _deictic_day,
    "this_part": _this_part,
    "relative_period": _relative_period,
    "the_period": _the_period,
    "that_period": _that_period,
    "in_the_period": _in_the_period,
    "same_period_year": _same_period_year,
    "ago": _ago,
    "duration": _duration,
    "duration_range_start": _duration_range_start,
    "that_part": _that_part,
    "the_part": _the_part,
    "trading_part": _the_part,
    "at_night": _at_night,
    "for_the": _for_the,
    "day_beside": _day_beside,
    "period_beside": _period_beside,
    "the_day": _the_day,
    "bare_units": _bare_units,
    "vague_period": _vague_period,
    "vague_relative": _vague_relative,
    "the_weekend": _the_weekend,
    "set": _set,
    "set_freq": _set_freq,
    "set_weekday": _set_weekday,
    "fiscal_year": _fiscal_year,
    "decade_word": _decade_word,
    "period_end": _period_end,
    "ref": _ref,
}
