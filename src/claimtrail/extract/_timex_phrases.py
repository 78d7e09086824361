"""TIMEX3 normalisers for calendar phrases: months relative to another date, centuries, halves, ordinal
periods ("the first week of March"), days listed after a date, holidays and two-digit years (private to
`claimtrail.extract.dates`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

from claimtrail.extract import _timex_rules as R
from claimtrail.extract._timex_context import (
    Context,
    Handler,
    Norm,
    date_value,
    iso_week,
    month_number,
    narrative_year,
    nearest,
    tense_at,
)


def _bare_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "in 499" while the narrative is in BC years (a bare number elsewhere is no date)."""
    year = ctx.line_year if ctx.line_year is not None else ctx.ref_year
    if year is None or year >= 0 or int(m["y"]) > 3000:
        return None
    return Norm("DATE", f"BC{int(m['y']):04d}", start=m.start("y"))


def _month_bc(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("DATE", f"BC{int(m['y']):04d}-{month_number(m['month']):02d}")


def _decade_bc(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("DATE", f"BC{int(m['dd']):03d}")


def _century(m: re.Match[str], ctx: Context) -> Norm:
    """The n-th century is TIMEX3 "n-1": "the 19th century" -> 18, "the 4th century BC" -> BC03."""
    n = R.ORDINAL_NUMBERS.get(m["ord"].lower()) or int(re.sub(r"\D", "", m["ord"]))
    return Norm("DATE", f"BC{n - 1:02d}" if m["bc"] else f"{n - 1:02d}")


def _rel_month(m: re.Match[str], ctx: Context) -> Norm:
    """ "last March" (the latest March before the anchor's month), "next June", "the previous April"."""
    month = month_number(m["month"])
    rel = m["rel"].split()[-1].lower()
    anaphoric = m["rel"].lower().startswith("the")
    base = ctx.anaphor_base() if anaphoric or ctx.narrative else ctx.anchor
    if base is None:
        return Norm("DATE", date_value(None, month), True)
    year = base.year
    if rel in ("last", "previous") and month >= base.month:
        year -= 1
    elif rel in ("next", "following") and month <= base.month:
        year += 1
    return Norm("DATE", date_value(year, month), True)


def _half(m: re.Match[str], ctx: Context) -> Norm:
    half = "H1" if m["h"] in ("first", "earlier") else "H2"
    if m["y"]:
        return Norm("DATE", f"{m['y']}-{half}")
    rel = m["rel"]
    base = ctx.anaphor_base() if rel in ("the", "that") or ctx.narrative else ctx.anchor
    if base is None:
        return Norm("DATE", f"XXXX-{half}", True)
    return Norm("DATE", f"{base.year + {'last': -1, 'next': 1}.get(rel, 0)}-{half}", True)


def _period_of(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the first week of March", "the last day of 2019": a day, week or month counted inside a period."""
    first, last, relative = _period_bounds(m, ctx)
    if first is None or last is None:
        return None
    unit, ordinal = m["unit"], m["ord"]
    n = R.ORDINALS.get(ordinal, 1)
    from_end = ordinal in ("last", "final")
    if unit == "month":
        if m["of"] != "year" and not m["y2"]:
            return None
        month = 12 - n + 1 if from_end else n
        return Norm("DATE", date_value(first.year, month), relative)
    # the week holding most of its days in the period (its Thursday inside, as ISO counts weeks)
    day = (
        last - dt.timedelta(days=7 * (n - 1) + 3) if from_end else first + dt.timedelta(days=7 * (n - 1) + 3)
    )
    if unit == "day":
        day = last if from_end else first + dt.timedelta(days=n - 1)
        return Norm("DATE", day.isoformat(), relative)
    return Norm("DATE", iso_week(day) + ("-WE" if unit == "weekend" else ""), relative)


def _period_bounds(m: re.Match[str], ctx: Context) -> tuple[dt.date | None, dt.date | None, bool]:
    """First and last day of the month or year after "of", and whether it was resolved from context."""
    if m["y2"]:
        whole = int(m["y2"])
        return dt.date(whole, 1, 1), dt.date(whole, 12, 31), False
    relative = not m["y"]
    base = ctx.anaphor_base() if (m["det"] in ("that", "the") or ctx.narrative) else ctx.anchor
    year: int | None
    if m["month"]:
        month = month_number(m["month"])
        year = int(m["y"]) if m["y"] else (base.year if base else None)
    elif base is not None:
        step = {"last": -1, "next": 1}.get(m["det"], 0)
        if m["of"] == "year":
            return dt.date(base.year + step, 1, 1), dt.date(base.year + step, 12, 31), True
        year, month = divmod(base.year * 12 + base.month - 1 + step, 12)
        month += 1
    else:
        return None, None, relative
    if year is None or year < 1:
        return None, None, relative
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), relative


_LISTED_AFTER = re.compile(
    r"(?P<month>"
    + R.MONTH_NAME
    + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*\s*,?\s*"
    r"(?:(?:and|or|to|through)\s+|[-–])$"
)


def _and_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """The second day of "March 5 and 9": the month (and year) of the date just before it."""
    before = _LISTED_AFTER.search(ctx.text, max(0, m.start() - 40), m.start())
    if before is None:
        return None
    month, day = month_number(before["month"]), int(m["d"])
    if m["y"]:
        return Norm("DATE", date_value(int(m["y"]), month, day))
    ref = ctx.ref
    year = ref.year if ref is not None and ref.month == month else None
    return Norm("DATE", date_value(year, month, day), True)


def _nth_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "on the 20th": a day of the month in focus (the last one mentioned, else the anchor's)."""
    base = ctx.ref if ctx.ref is not None else ctx.anchor
    if base is None or (not m["of"] and _before_noun(ctx, m.end())):
        return None  # "the 20th Army", "the 13th anniversary"
    return Norm("DATE", date_value(base.year, base.month, int(m["d"])), True, start=m.start("the"))


def _before_noun(ctx: Context, end: int) -> bool:
    span = ctx.doc.char_span(end, len(ctx.text), alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ in ("NOUN", "PROPN")


def _holiday_date(name: str, year: int) -> dt.date:
    rule = R.HOLIDAYS[name]
    if isinstance(rule, str):
        return _easter(year) + dt.timedelta(days=int(rule[6:] or 0))
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, weekday, n = rule
    first = dt.date(year, month, 1)
    days = [first + dt.timedelta(days=k) for k in range(calendar.monthrange(year, month)[1])]
    matching = [d for d in days if d.isoweekday() == weekday]
    return matching[n - 1] if n > 0 else matching[n]


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_key(text: str) -> str:
    """ "New Year's Eve" -> "new years eve", "Martin Luther King, Jr. Day" -> "martin luther king day"."""
    key = re.sub(r"['’.,]", "", text.lower())
    key = re.sub(r"\bjr\b|\s+", " ", key)
    return " ".join(key.replace("labour", "labor").replace("saint ", "st ").split())


def _holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    name = _holiday_key(m["hol"])
    if name not in R.HOLIDAYS:
        return None
    if m["y"]:
        return Norm("DATE", _holiday_date(name, int(m["y"])).isoformat())
    if ctx.narrative or ctx.anchor is None:
        year = narrative_year(ctx, m.start(), m.end(), _holiday_date(name, 2000).month)
        if year is None or year < 1:
            return Norm("DATE", "XXXX-XX-XX", True)
        return Norm("DATE", _holiday_date(name, year).isoformat(), True)
    base = ctx.anchor
    options = [_holiday_date(name, y) for y in (base.year - 1, base.year, base.year + 1)]
    return Norm("DATE", nearest(options, base, tense_at(ctx, m.start(), m.end())).isoformat(), True)


def _short_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """'82: the year of that name nearest before the reference (at most a year ahead of it)."""
    before = ctx.text[max(0, m.start() - 20) : m.start()].split()
    word = before[-1] if before else ""
    if not (word.isalpha() and (word.islower() or word.lower() in R.MONTHS or word.lower() in R.SEASONS)):
        return None  # "iLife '11", "Windows '95": product names
    base = ctx.base_year() if ctx.narrative else (ctx.anchor.year if ctx.anchor else None)
    if base is None or base < 1:
        return Norm("DATE", f"XX{m['yy']}")
    year = base // 100 * 100 + int(m["yy"])
    if year > base + 1:
        year -= 100
    return Norm("DATE", str(year))


HANDLERS: Final[dict[str, Handler]] = {
    "bare_year": _bare_year,
    "month_bc": _month_bc,
    "decade_bc": _decade_bc,
    "century": _century,
    "rel_month": _rel_month,
    "half": _half,
    "period_of": _period_of,
    "and_day": _and_day,
    "nth_day": _nth_day,
    "holiday": _holiday,
    "short_year": _short_year,
}
