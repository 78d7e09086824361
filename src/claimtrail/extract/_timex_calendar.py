"""TIMEX3 normalisers for calendar expressions: full and partial dates, years, decades, seasons and
quarters (private to `claimtrail.extract.dates`).
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Token

from claimtrail.extract import _timex_rules as R
from claimtrail.extract._timex_context import (
    Context,
    Handler,
    Norm,
    date_value,
    day_number,
    infer_year,
    month_number,
    narrative_year,
    quarter_of,
    tense_at,
    year_str,
)


def _iso_date(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("DATE", date_value(int(m["y"]), int(m["m"]), int(m["d"])))


def _slash_date(m: re.Match[str], ctx: Context) -> Norm:
    year = int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    return Norm("DATE", date_value(year, int(m["m"]), int(m["d"])))


def _month_day(m: re.Match[str], ctx: Context) -> Norm:
    month, day = month_number(m["month"]), day_number(m["d"])
    if m["y"]:
        return Norm("DATE", date_value(int(m["y"]), month, day))
    if (year := _range_end_year(ctx.text, m.end(), month, day)) is not None:
        return Norm("DATE", date_value(year, month, day))
    if (year := _range_start_year(ctx, m.start(), month, day)) is not None:
        return Norm("DATE", date_value(year, month, day), True)
    return Norm("DATE", date_value(infer_year(ctx, month, day, m.start(), m.end()), month, day), True)


_DAY_RANGE_END = re.compile(
    r"\s*(?:[-–]|\s(?:to|through|until|till)\s)\s*(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>"
    + R.MONTH_NAME
    + r")|(?P<month2>"
    + R.MONTH_NAME
    + r")\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b|(?P<d3>\d{1,2})(?:st|nd|rd|th)?\b),?\s+(?P<y>\d{4})\b"
)


def _range_end_year(text: str, end: int, month: int, day: int) -> int | None:
    """The start of a range whose end has the year ("26 June - 4 August 1952", "March 5-9, 1918", "from
    November 15 to February 15, 1989"): the end's year, or the year before when the range runs over New
    Year."""
    after = _DAY_RANGE_END.match(text, end)
    if after is None:
        return None
    end_month = month_number(after["month"] or after["month2"]) if not after["d3"] else month
    end_day = int(after["d"] or after["d2"] or after["d3"])
    year = int(after["y"])
    return year - 1 if (month, day) > (end_month, end_day) else year


_RANGE_GAP = re.compile(r"\s*(?:[-–]|\s(?:to|through|until|till|and|or)\s)\s*")


def _range_start_year(ctx: Context, start: int, month: int, day: int) -> int | None:
    """The end of a range whose start day was just named ("for Sept. 2 to Sept. 20"): the start's year, or
    the next one when the range runs over New Year."""
    first = ctx.last_day
    if first is None or not _RANGE_GAP.fullmatch(ctx.text, ctx.last_day_end, start):
        return None
    return first.year + ((month, day) < (first.month, first.day))


def _month(m: re.Match[str], ctx: Context) -> Norm | None:
    month = month_number(m["month"])
    if m["y"]:
        return Norm("DATE", date_value(int(m["y"]), month))
    if m["rel"]:
        return _relative_year_month(ctx, m["rel"].lower(), month)
    if not _is_bare_month(m, ctx.text):
        return None
    if (after := _RANGE_AFTER.match(ctx.text, m.end())) and after["y"]:  # "August-September 1950"
        return Norm("DATE", date_value(int(after["y"]) - (month > month_number(after["month"])), month))
    if after and month > (end := month_number(after["month"])):  # "from October to March": a winter
        year = _bare_month_year(ctx, m, end)
        return Norm("DATE", date_value(None if year is None else year - 1, month), True, behind=True)
    return Norm("DATE", date_value(_bare_month_year(ctx, m, month), month), True)


def _bare_month_year(ctx: Context, m: re.Match[str], month: int) -> int | None:
    """The year of a year-less month: the narrative's, else the anchor's as the tense points."""
    if ctx.narrative:
        return narrative_year(ctx, m.start(), m.end(), month)
    year = ctx.base_year()
    base = ctx.anchor
    if year is None or base is None:
        return year
    tense = tense_at(ctx, m.start(), m.end())
    if tense == "past" and month > base.month:
        year -= 1
    elif tense == "future" and month < base.month:
        year += 1
    elif tense == "present" and abs(month - base.month) > 6:
        year += 1 if month < base.month else -1  # the nearest one: "sworn in in January" (in November)
    return year


_RANGE_AFTER = re.compile(
    r"\s*(?:[-–/]|\s(?:and|or|to|through|until|till)\s)\s*(?P<month>"
    + R.MONTH_NAME
    + r")(?:,?\s+(?P<y>\d{4})\b)?"
)


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "your"})
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)$")
_NAME_LIKE_MONTHS = frozenset({"May", "August", "March"})  # also a name or a verb ("March on Vilno!")


def _is_bare_month(m: re.Match[str], text: str) -> bool:
    """A lone month name counts only after a temporal cue ("in May", "early May") and in full form."""
    word = m["month"]
    if word.endswith(".") or (len(word) <= 3 and word != "May"):
        return False
    if m.start("month") > m.start():  # has an "early"/"the end of" prefix
        return True
    if _RANGE_AFTER.match(text, m.end()):  # "August-September 1950", "from February to April"
        return True
    before = text[max(0, m.start() - 20) : m.start()].lower().split()
    last = before[-1].strip(',(["“') if before else ""
    if last in R.MONTH_CUES:
        return True
    if word not in _NAME_LIKE_MONTHS and _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()):
        return re.match(r" [a-z]", text[m.end() :]) is not None  # "September saw the Germans retreat"
    if last == "as" and len(before) >= 3 and before[-3] == "as":  # "as recently as September"
        return True
    if len(before) >= 2 and before[-2] in ("a", "an") and last.isalpha():  # "a mild December"
        return True
    # "the January transfer window", "their January sales"
    cue = last == "the" or (last in _POSSESSIVES and word not in _NAME_LIKE_MONTHS)
    return cue and re.match(r" [a-z]", text[m.end() :]) is not None


def _relative_year_month(ctx: Context, rel: str, month: int) -> Norm:
    if ctx.anchor is None:
        return Norm("DATE", date_value(None, month), True)
    year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    return Norm("DATE", date_value(year, month), True)


def _bc_year(m: re.Match[str], ctx: Context) -> Norm | None:
    year = int(m["y"])
    if m["end"] and int(m["end"]) > year:
        return None  # BC years count down: "1990-1991 BC" is no BC range
    if ctx.anchor and not ctx.narrative and abs(year - ctx.anchor.year) <= 100:
        # news of its own time: "in 2019 BC Hydro raised rates" is British Columbia's
        return Norm("DATE", f"{year:04d}", end=m.start() + len(m["y"]))
    return Norm("DATE", f"BC{year:04d}")


def _decade(m: re.Match[str], ctx: Context) -> Norm:
    if m["short"]:
        return Norm("DATE", f"19{m['short']}")
    return Norm("DATE", f"{m['c']}{m['dd']}")


def _year(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["fy"] is not None:
        return Norm("DATE", f"FY{m['y']}")
    if not _looks_like_year(m, ctx):
        return None
    return Norm("DATE", m["y"])


def _looks_like_year(m: re.Match[str], ctx: Context) -> bool:
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
    return not (counts and int(m["y"]) % 50 == 0) and not _model_number(token)


def _model_number(token: Token) -> bool:
    """'the Cosiwarm 2000 heater': a number right after a product's name (a capitalised word that is no
    month, inside the sentence) is a model number, not a year."""
    doc = token.doc
    if token.i < 2 or (token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "–")):
        return False  # "Western Theater 1861-1863": a heading's years
    name = doc[token.i - 1]
    return (
        name.pos_ == "PROPN"
        and name.is_title
        and not name.is_sent_start
        and name.lower_.rstrip(".") not in R.MONTHS
        and name.ent_type_ not in ("DATE", "EVENT")
    )


def _year_range_end(m: re.Match[str], ctx: Context) -> Norm | None:
    """The "18" of "1914-18": the century of the year before it."""
    first = ctx.text[m.start() - 5 : m.start() - 1]
    year = int(first[:2] + m["yy"])
    return Norm("DATE", str(year)) if year > int(first) else None


def _fiscal_short(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("DATE", f"FY20{m['y']}")


_SEASON_NAME_AFTER = re.compile(r"\s+(?:Games|Olympics?|Paralympics?)\b")
_SEASON_NAME_BEFORE = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+\s+$")  # "the Arab Spring"


_SEASON_REL = {"this": "this", "last": "last", "previous": "last", "next": "next", "following": "next"}


def _season(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["season"]
    name = _SEASON_NAME_AFTER.match(ctx.text, m.end()) or (
        _SEASON_NAME_BEFORE.search(ctx.text, 0, m.start()) and not re.match(r"\s+[A-Z]", ctx.text[m.end() :])
    )  # but "the Chinese Winter Offensive" names an offensive in that winter
    explicit = m["y"] or m["y0"]
    if word.isupper() or (word[0].isupper() and not m["y"] and name):
        return None  # "SILVER SPRING", "the Winter Games", "the Arab Spring": names, not seasons
    season = R.SEASONS[word.lower()]
    if explicit:
        return Norm("DATE", f"{explicit}-{season}")
    if m["ybc"]:
        return Norm("DATE", f"BC{int(m['ybc']):04d}-{season}")
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if m["yrel"]:  # "the spring of next year"
        base_year = narrative_year(ctx, m.start(), m.end(), None) if ctx.narrative else ctx.base_year()
        step = {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        return Norm("DATE", f"{year_str(None if base_year is None else base_year + step)}-{season}", True)
    said_rel = (m["rel"] or "").lower()
    rel = _SEASON_REL.get(said_rel, "")
    if ctx.narrative and rel and (told := _told_month(ctx)) is not None:
        # "in December 1777 ... the next spring" is 1778's; a step aside that leaves the line where it is
        return Norm("DATE", f"{year_str(_season_year(*told, starts, rel))}-{season}", True, behind=True)
    if ctx.narrative:
        return Norm("DATE", f"{year_str(narrative_year(ctx, m.start(), m.end(), starts))}-{season}", True)
    base = ctx.anaphor_base() if said_rel in ("following", "previous") else ctx.anchor
    if base is None:
        return Norm("DATE", f"{year_str(ctx.base_year())}-{season}", True)
    if rel == "this" and starts + 2 < base.month and tense_at(ctx, m.start(), m.end()) == "future":
        return Norm("DATE", f"{base.year + 1}-{season}", True)  # "will plant a garden this spring" (Nov.)
    return Norm("DATE", f"{_season_year(base.year, base.month, starts, rel)}-{season}", True)


def _season_year(year: int, month: int, starts: int, rel: str) -> int:
    """The year of the season starting in month `starts` that is the last / next / this one from a month."""
    if rel == "last":
        return year - (0 if starts + 2 < month else 1)
    if rel == "next":
        return year + (0 if starts > month else 1)
    return year


def _told_month(ctx: Context) -> tuple[int, int] | None:
    """Year and month of the last date a narrative told of (a season counts from its first month)."""
    if ctx.ref is not None:
        return ctx.ref.year, ctx.ref.month
    told = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", ctx.last_period or "")
    if told is None:
        return None
    return int(told[1]), {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[told[2]]


def _quarter_rule(m: re.Match[str], ctx: Context) -> Norm:
    n = R.ORDINALS.get(m["ord"].lower()) or int(m["ord"])
    if m["y"]:
        return Norm("DATE", f"{m['y']}-Q{n}")
    base = ctx.base()
    if base is None:
        return Norm("DATE", f"XXXX-Q{n}", True)
    year = base.year
    yrel = (m.groupdict().get("yrel") or "").lower()
    if yrel:
        year += {"this": 0, "last": -1, "next": 1}[yrel]
    elif not ctx.narrative:
        tense = tense_at(ctx, m.start(), m.end())
        if tense == "past" and n > quarter_of(base):
            year -= 1
        elif tense == "future" and n < quarter_of(base):
            year += 1
    return Norm("DATE", f"{year}-Q{n}", True)


HANDLERS: Final[dict[str, Handler]] = {
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
}
