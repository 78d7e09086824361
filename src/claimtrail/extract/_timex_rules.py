"""Lexicon and compiled patterns for TIMEX3 detection (private to `claimtrail.extract.dates`).

Every pattern is compiled once at import. Each rule is one regex with named groups; `dates.py` runs them
all over the text (each pass is linear), keeps the longest leftmost non-overlapping matches and
normalises each by rule name. Spans follow TimeML: leading prepositions ("on", "in") stay outside,
determiners and modifiers that change the value ("last", "the past", "early") stay inside.
"""

from __future__ import annotations

import re
from typing import Final

MONTHS: Final = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS: Final = {
    name: i + 1
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
SMALL_NUMBERS: Final = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS: Final = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3}
ORDINALS["4th"] = 4
_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
# "first".."thirty-first" and "1st".."31st" -> 1..31 (centuries and days of the month)
ORDINAL_NUMBERS: Final = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)},
    **{f"twenty-{w}": 21 + i for i, w in enumerate(_ORDINAL_WORDS[:9])},
    "thirtieth": 30,
    "thirty-first": 31,
}
# holiday -> fixed (month, day), or (month, weekday, n) for the n-th weekday (n = -1: the last), or "easter"
HOLIDAYS: Final[dict[str, tuple[int, int] | tuple[int, int, int] | str]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new years day": (1, 1),
    "new years eve": (12, 31),
    "halloween": (10, 31),
    "valentines day": (2, 14),
    "st patricks day": (3, 17),
    "independence day": (7, 4),
    "veterans day": (11, 11),
    "armistice day": (11, 11),
    "bastille day": (7, 14),
    "all saints day": (11, 1),
    "thanksgiving": (11, 4, 4),
    "thanksgiving day": (11, 4, 4),
    "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1),
    "martin luther king day": (1, 1, 3),
    "mothers day": (5, 7, 2),
    "fathers day": (6, 7, 3),
    "easter": "easter",
    "easter sunday": "easter",
    "easter monday": "easter+1",
    "good friday": "easter-2",
}
# Vague quantities give an "X" count (PXY = some years), as TimeML prescribes.
VAGUE: Final = {"several", "a few", "few", "many", "some", "dozens of", "hundreds of", "a number of"}
COUPLE: Final = {"a couple of", "a couple", "couple of"}
SEASONS: Final = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY: Final = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# unit -> (ISO designator, multiplier, is a time unit needing "T")
UNITS: Final = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),  # British news: "within a fortnight"
    "weekend": ("WE", 1, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),  # "a decade" is P10Y, as TimeML corpora write it (MEANTIME)
    "century": ("CE", 1, False),
    "centurie": ("CE", 1, False),
}
SET_WORDS: Final = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}
REF_WORDS: Final = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "the time being": "PRESENT_REF",
    "the moment": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "the past": "PAST_REF",
    "once": "PAST_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "soon": "FUTURE_REF",
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ABBR = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?![A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
# "early", "mid-", "the end of" etc. do not change the TIMEX3 value (only its `mod`), so they are part of
# the span but ignored by the normaliser.
_PREFIX = (
    r"(?:(?:[Ee]arly|[Ll]ate|[Mm]id|[Tt]he\s+(?:very\s+)?(?:end|beginning|start|middle|first\s+half|"
    r"second\s+half|rest|remainder|course)\s+of)(?:\s+|-))?"
)
_PART = r"(?P<part>morning|afternoon|evening|night)"
_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + _NUMWORD
    + r"|a\s+single|single(?=-)|an?|several|a\s+few|few|many|a\s+couple(?:\s+of)?|couple\s+of"
    r"|dozens\s+of|hundreds\s+of|a\s+number\s+of)"
)
_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
# Quantity modifiers stay inside a duration's span (TimeML `mod`): "about three weeks", "more than a year".
_APPROX = (
    r"(?:(?P<mod>(?:a\s+little\s+)?(?:more|less|fewer)\s+than|no\s+(?:more|less)\s+than|(?:well|just)\s+"
    r"(?:over|under)|close\s+to|over|under|nearly|almost|at\s+least|at\s+most|about|around|roughly|approximately"
    r"|some(?=\s+\d))\s+)?"
)
_ORDINAL = (
    r"(?P<ord>(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)|(?:twenty-)?(?:first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth|thirty-first)"
)
_BC = r"\s*(?:BC|B\.C\.?|BCE)(?![\w])"
MONTH_NAME: Final = _MONTH
_HOLIDAY = (
    r"(?P<hol>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]?s(?:\s+(?:Eve|Day))|Thanksgiving(?:\s+Day)?"
    r"|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Hallowe['’]?en|Valentine['’]?s\s+Day"
    r"|(?:St\.?|Saint)\s+Patrick['’]?s\s+Day|Independence\s+Day|Veterans['’]?\s+Day|Armistice\s+Day"
    r"|Memorial\s+Day|Labou?r\s+Day|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day|Boxing\s+Day"
    r"|Mother['’]?s\s+Day|Father['’]?s\s+Day|Bastille\s+Day|All\s+Saints['’]?\s+Day)"
)
# words after a holiday that make it a name or a thing ("Christmas Island", "Easter eggs"), not a date
_HOLIDAY_THING = (
    r"(?!\s+(?:Island|Islands|Rising|Offensive|Parade|tree|trees|card|cards|carol|carols|decorations|lights"
    r"|market|markets|egg|eggs|bunny|present|presents|gift|gifts|dinner|lunch|party|parties|album|song|film"
    r"|movie|episode|special)\b)"
)
_PLURAL_UNIT = r"minute|hour|day|week|month|year|decade|centurie"
_REL = r"(?P<rel>this|last|next|past|coming|previous|current|following|same|latest)"
_ZONE = r"(?:\s*(?P<zone>UTC|GMT|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|BST|CET))?"


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_I = re.IGNORECASE

# Order matters only for ties: at equal start and length the earlier rule wins.
RULES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("iso_date", _rx(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("slash_date", _rx(r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})\b")),
    (
        "month_day",
        _rx(
            r"\b(?:(?:"
            + _WEEKDAY
            + "|"
            + _WEEKDAY_ABBR
            + r"),?\s+)?"
            + _PREFIX
            + r"(?P<month>"
            + _MONTH
            + r")"
            r"\s+(?:the\s+)?(?P<d>" + _DAY + r")\b(?!:|\s*(?:%|percent|,\d|\.\d))"
            r"(?:,?\s+(?P<y>" + _YEAR + r")\b)?"
        ),
    ),
    (
        "day_month",
        _rx(
            r"\b(?:(?:" + _WEEKDAY + "|" + _WEEKDAY_ABBR + r"),?\s+)?(?:[Tt]he\s+)?(?P<d>" + _DAY + r")"
            r"(?:\s+of)?\s+(?P<month>" + _MONTH + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?"
        ),
    ),
    (
        "month",
        _rx(
            _PREFIX + r"\b(?P<month>" + _MONTH + r")(?![\w'’])(?:,?\s+(?:of\s+)?(?P<y>" + _YEAR + r")\b"
            r"|,?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b)?"
        ),
    ),
    # "490 BC", "149 B.C"; the start of a range takes the era of its end ("492-490 BC", "499 to 493 BC")
    (
        "bc_year",
        _rx(
            r"\b(?P<y>\d{1,4})(?:"
            + _BC
            + r"|(?=\s*(?:[-–]|\s(?:to|and|or|until|till|through)\s)\s*(?P<end>\d{1,4})"
            + _BC
            + r"))"
        ),
    ),
    # a bare number after a preposition is a year in a BC narrative ("in 499", "by 480")
    (
        "bare_year",
        _rx(
            r"\b(?i:in|of|by|until|till|from|to|since|around|circa|and|after|before)\s+(?P<y>[1-9]\d\d)\b"
            r"(?![,.]\d|\s*(?:%|BC|B\.C|BCE|AD|A\.D|CE)\b|\s+[a-z]+s\b)"
        ),
    ),
    ("month_bc", _rx(r"\b(?P<month>" + _MONTH + r")\s+(?P<y>\d{1,4})" + _BC)),
    ("decade_bc", _rx(r"(?:\b[Tt]he\s+)?" + _PREFIX + r"\b(?P<dd>\d{1,3})0s" + _BC)),
    # "the 19th century", "the early 21st century", "the 4th century BC", "eighteenth-century"
    (
        "century",
        _rx(
            r"(?:\b[Tt]he\s+)?(?:(?:[Ee]arly|[Ll]ate|[Mm]id|[Mm]iddle\s+of\s+the)[\s-]+)?\b"
            + _ORDINAL
            + r"[\s-]+[Cc]entury\b(?P<bc>"
            + _BC
            + r")?",
        ),
    ),
    # "last March", "next June", "the previous April"
    (
        "rel_month",
        _rx(
            r"\b(?P<rel>(?i:last|next|this|the\s+(?:previous|following|next|same)))\s+(?P<month>"
            + _MONTH
            + r")(?!\s*\d|[\w'’])"
        ),
    ),
    # "the first half of 2008", "the second half of the year"
    (
        "half",
        _rx(
            r"\b[Tt]he\s+(?P<h>first|second|latter|last|final|later|earlier)\s+half\s+of\s+(?:(?P<y>"
            + _YEAR
            + r")"
            r"|(?P<rel>this|last|next|the|that)\s+year)\b"
        ),
    ),
    # "the first week of March", "the last day of 2019", "the final month of the year"
    (
        "period_of",
        _rx(
            r"\b[Tt]he\s+(?P<ord>first|second|third|fourth|last|final)\s+(?P<unit>week|weekend|day|month)\s+of\s+"
            r"(?:(?P<month>" + _MONTH + r")(?:,?\s+(?P<y>" + _YEAR + r"))?|(?P<y2>" + _YEAR + r")"
            r"|(?P<det>this|that|the|last|next)\s+(?P<of>month|year))\b"
        ),
    ),
    # the second day of "March 5 and 9, 1918", "from April 7 to 15", "April 13-15"
    (
        "and_day",
        _rx(
            r"(?:(?<=\band\s)|(?<=\bor\s)|(?<=\bto\s)|(?<=\bthrough\s)|(?<=\d[-–]))"
            r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
            r"(?!\s*(?:%|percent|[.,:]\d|[ap]\.?m\b))(?:,?\s+(?P<y>" + _YEAR + r")\b)?"
        ),
    ),
    # "on the 20th", "the 28th of that month"
    (
        "nth_day",
        _rx(
            r"\b(?:on|by|until|till|from|through|since|before|after)\s+(?P<the>the\s+(?P<d>3[01]|[12]\d|0?[1-9])"
            r"(?:st|nd|rd|th))\b(?P<of>\s+of\s+(?:that|the\s+same|this|the)\s+month\b)?"
        ),
    ),
    ("holiday", _rx(r"\b" + _HOLIDAY + _HOLIDAY_THING + r"(?:,?\s+(?:of\s+)?(?P<y>" + _YEAR + r")\b)?")),
    # "'82", "the class of '99"
    ("short_year", _rx(r"(?<![\w'’.])['’](?P<yy>\d\d)\b(?!['’]?s\b|\s*(?:%|percent)|[.,]\d)")),
    (
        "decade",
        _rx(
            r"(?:\b[Tt]he\s+)?" + _PREFIX + r"(?:\b(?P<c>1\d|20)(?P<dd>\d)0|(?:['’]|(?<=the\s)|"
            # the second of a pair: "the 70s and 80s", "the 1970s and 80s" (not ages: "their 50s and 60s")
            r"(?<=\bthe\s[1-9]0s\sand\s)|(?<=\bthe\s[1-9]0s\sor\s)|(?<=\bthe\s[1-9]0s\sto\s)|(?<=\d\d\d0s\sand\s)"
            r"|(?<=\d\d\d0s\sor\s)|(?<=\d\d\d0s\sto\s))(?P<short>[1-9])0)s\b"
        ),
    ),
    (
        "year",
        _rx(
            r"(?<![\w$£€.,/])" + _PREFIX + r"(?:(?:[Ff]iscal(?:\s+year)?|FY)\s*(?P<fy>'?))?"
            r"(?P<y>" + _YEAR + r")(?![\w%]|[.,]\d|\s*(?:percent|BC|B\.C\.|BCE)\b)"
        ),
    ),
    (
        "year_range_end",
        _rx(r"(?<=\d\d\d\d[-–])(?P<yy>\d\d)\b(?![-–]\d)"),
    ),
    (
        "day_range_start",
        _rx(
            r"\b(?P<d>3[01]|[12]\d|0?[1-9])(?=(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+|(?<=\bbetween\s\d)\s+and\s+"
            r"|(?<=\bbetween\s\d\d)\s+and\s+)(?:3[01]|[12]\d|0?[1-9])\s+(?P<month>" + _MONTH + r")"
            r"(?:,?\s+(?P<y>" + _YEAR + r"))?)"
        ),
    ),
    ("fiscal_short", _rx(r"\bFY\s?(?P<y>\d{2})\b")),
    (
        "season",
        _rx(
            r"\b(?:(?P<y0>" + _YEAR + r")\s+|(?:the\s+(?=next|following|previous))?"
            r"(?P<rel>this|last|next|following|previous)[\s-]+|(?:(?:the\s+)?(?:very\s+)?"
            r"(?:end|beginning|start|middle|height|depths?)\s+of\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?)"
            r"(?P<season>spring|summer|autumn|winter"
            r"|fall(?=\s+(?:of\s+)?\d)|(?<=this\s)fall|(?<=last\s)fall|(?<=next\s)fall|(?<=following\s)fall)(?:\s+(?:of\s+)?(?:(?P<y>"
            + _YEAR
            + r")\b|(?P<ybc>\d{1,4})\s*(?:BC|B\.C\.|BCE)(?![\w])|(?P<yrel>this|last|next)\s+year\b))?\b",
            _I,
        ),
    ),
    (
        "quarter",
        _rx(
            r"\b(?:the\s+)?(?:(?P<rel>last|past|previous|next|coming|current|this)\s+)?(?:fiscal\s+)?"
            r"(?P<ord>first|second|third|fourth"
            r"|final|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of\s+(?:(?P<y>" + _YEAR + r")"
            r"|(?P<yrel>this|last|next)\s+year))?",
            _I,
        ),
    ),
    ("q_quarter", _rx(r"\bQ(?P<ord>[1-4])(?:\s+(?P<y>" + _YEAR + r"))?\b")),
    (
        "time",
        _rx(
            r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b|[AP]M\b)"
            + _ZONE
            + r"(?:\s+(?:on\s+)?(?P<dayref>today|tonight|yesterday|tomorrow|"
            + _WEEKDAY
            + r"))?",
        ),
    ),
    (
        "clock",
        _rx(
            r"\b(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])(?:\s*(?P<zone>UTC|GMT|Z)\b|\s?hrs?\b)?"
            r"(?:\s+(?P<dayref>today|yesterday|tomorrow|"
            + _WEEKDAY
            + r"))?|\b(?P<mil>[01]\d|2[0-3])(?P<min2>[0-5]\d)"
            r"\s*(?P<zone2>UTC|GMT|hours|hrs)\b"
        ),
    ),
    (
        "noon",
        _rx(
            r"\b(?P<word>noon|midday|midnight)\b(?:\s+(?:on\s+)?(?P<dayref>today|yesterday|tomorrow|"
            + _WEEKDAY
            + r"))?",
            _I,
        ),
    ),
    (
        "weekday",
        _rx(
            r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s+)?(?P<wd>" + _WEEKDAY + r")"
            r"(?:\s+" + _PART + r")?\b"
        ),
    ),
    (
        "deictic_day",
        _rx(
            r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<word>today|tonight|yesterday|tomorrow)\b"
            r"(?:\s+" + _PART + r")?",
            _I,
        ),
    ),
    ("this_part", _rx(r"\b(?P<rel>this|last)\s+" + _PART + r"\b", _I)),
    # parts of a day the text has named: "that afternoon", "early the next morning", "in the evening"
    (
        "that_part",
        _rx(
            r"\b(?:(?:early|late)\s+)?(?P<det>that|the\s+(?:next|following|previous|same))\s+(?:(?:early|late)\s+)?"
            + _PART
            + r"\b(?!\s+(?:hours\s+)?of\b)",
            _I,
        ),
    ),
    (
        "the_part",
        _rx(
            r"\b(?:in|during|by|until|through|throughout)\s+(?P<the>the\s+(?:(?:early|late)\s+)?"
            + _PART
            + r")\b(?!\s+(?:hours\s+)?of\b|\s*['’]s\b)",
            _I,
        ),
    ),
    (
        "trading_part",
        _rx(r"\b(?:(?:early|late)\s+)?" + _PART + r"(?=\s+(?:trading|trade|session|dealings)\b)", _I),
    ),
    # the trading day of market reports: "to end the day", "for the day", "later in the day"
    (
        "the_day",
        _rx(
            r"\b(?:(?:end|ends|ended|ending|finish|finished|finishing|close|closed|closing|start|started|starting"
            r"|open|opened|opening|begin|began|beginning)\s+|for\s+|(?:later|late|earlier|early)\s+in\s+)"
            r"(?P<the>the\s+day)\b(?!['’]s|\s+(?:of|that|when)\b|\s+(?:before|after)\b(?!\s+\w+ing\b))",
            _I,
        ),
    ),
    # the period a report covers: "a loss for the year", "fell 3% for the week"
    (
        "for_the",
        _rx(
            r"\b(?:for|over)\s+(?P<the>the\s+(?P<unit>year|week|month|quarter))\b"
            r"(?!['’]s|\s+(?:ahead|before|to|of|ending|ended|that|when)\b)",
            _I,
        ),
    ),
    # "the day before.", "the night after,": the day next to the last one mentioned
    (
        "day_beside",
        _rx(
            r"\b[Tt]he\s+(?P<unit>day|night|evening|morning)\s+(?P<dir>before|after)(?=\s*[,.;:)]|\s+that\b)"
        ),
    ),
    # "the year before.", "the month previous": the period next to the last one mentioned
    (
        "period_beside",
        _rx(
            r"\b[Tt]he\s+(?P<unit>week|month|quarter|year)\s+(?P<dir>before|previous|prior|earlier|after)"
            r"(?=\s*[,.;:)]|\s+(?:that|when)\b)"
        ),
    ),
    ("at_night", _rx(r"\b(?:at|by)\s+(?P<part>night)\b(?!\s*['’]s\b)", _I)),
    (
        "relative_period",
        _rx(
            r"\b(?:(?:earlier|later|early|late)\s+|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)"
            r"\s+of\s+)?(?:the\s+)?"
            + _REL
            + r"\s+(?P<unit>week|weekend|month|year|quarter|decade|century|(?<=next\s)day|(?<=following\s)day"
            r"|(?<=previous\s)day|(?<=same\s)day)"
            r"(?!s|-|\s+or\s+(?:two|so|more|longer)\b|\s+and\s+a\s+half\b)\b",
            _I,
        ),
    ),
    (
        "the_period",
        _rx(
            r"\b(?:(?:earlier|later)\s+|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+)"
            r"(?:the|this)\s+(?P<unit>week|month|year|day)\b",
            _I,
        ),
    ),
    # the period just named, a year back: "the same month a year ago", "the same period last year"
    (
        "same_period_year",
        _rx(
            r"\b[Tt]he\s+same\s+(?P<unit>period|month|quarter|week|day|time)\s+(?:(?:of|in)\s+)?"
            r"(?:last\s+year|the\s+(?:previous|prior|last)\s+year|a\s+year\s+(?:ago|earlier|before)"
            r"|(?P<y>" + _YEAR + r"))\b",
        ),
    ),
    # a part of the period in focus: "later in the year", "early in the week", "the latter part of the month"
    (
        "in_the_period",
        _rx(
            r"\b(?:(?:earlier|later|early|late)\s+in|(?:the\s+)?(?:latter|later|early|earlier)\s+part\s+of)"
            r"\s+the\s+(?P<unit>week|month|year)\b(?!['’]s|\s+(?:before|after|of|to)\b)",
            _I,
        ),
    ),
    ("the_weekend", _rx(r"\b[Tt]he\s+weekend\b(?!s)")),
    (
        "that_period",
        _rx(
            r"\b(?:(?:later|earlier)\s+)?(?P<det>that(?:\s+same)?|the\s+same)\s+(?P<unit>day|week|month|year)\b",
            _I,
        ),
    ),
    (
        "ago",
        _rx(
            r"\b"
            + _APPROX
            + _NUM
            + r"\s+"
            + _UNIT
            + r"\s+(?P<dir>ago|earlier|later|previously|afterwards?|thereafter"
            r"|back(?!\s+(?:to|in|into|from|on|up|home|down|then)\b)|before(?=\s*[,.;])|after(?=\s*[,.;]))\b",
            _I,
        ),
    ),
    (
        "duration",
        _rx(
            r"\b(?P<halfpre>half\s+(?=an?\s))?(?:the\s+(?:(?P<rel>past|last|next|first|previous|coming|following|final)\s+)?|"
            + _APPROX
            + r")"
            + _NUM
            + r"(?P<half>\s+and\s+a\s+half)?"
            r"(?:\s+(?:more|additional|consecutive|straight|full|long|trading|business))?"
            r"(?:\s+|-)" + _UNIT + r"(?P<half2>(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)?"
            r"(?:-(?P<old>old)|\s+(?P<old2>old)\b|-long)?\b",
            _I,
        ),
    ),
    # the first count of a range of durations: "between 60 and 90 days", "two to three years", "ten or
    # fifteen years" (not a range of dates: "ten or fifteen years earlier")
    (
        "duration_range_start",
        _rx(
            r"\b(?P<num>\d{1,3}|(?i:"
            + _NUMWORD
            + r"))(?=(?P<conn>\s+(?:to|or|and)\s+|\s*[-–]\s*)(?:\d{1,3}|(?i:"
            + _NUMWORD
            + r"))(?:\s+|-)(?i:"
            + _UNIT
            + r")\b(?!\s+(?i:ago|earlier|later|before|after|back)\b))"
        ),
    ),
    # "for years", "in decades", "over the years": the preposition stays outside
    (
        "bare_units",
        _rx(
            r"\b(?:for|in|within|after|over|took|take|takes|taking|spent|lasted|lasting|through|throughout"
            r"|across)\s+(?:(?:just|only|mere)\s+)?(?:(?P<the>the)\s+(?=years|decades|centuries))?(?P<unit>"
            + _PLURAL_UNIT
            + r")s\b(?!-|\s+\d)",
            _I,
        ),
    ),
    # "recent years", "the coming months", "decades-long"
    (
        "vague_period",
        _rx(
            r"\b(?:(?P<rel>recent|coming|the\s+(?:coming|next|past|last|following|previous|intervening|succeeding|ensuing"
            r"|subsequent|preceding|early|later|final|first))\s+(?P<unit>" + _PLURAL_UNIT + r")s\b(?!-|\s+\d)"
            r"|(?P<unit2>" + _PLURAL_UNIT + r")s-long\b)",
            _I,
        ),
    ),
    # "days later", "weeks earlier": some time after or before the reference
    (
        "vague_relative",
        _rx(r"\b(?P<unit>" + _PLURAL_UNIT + r")s\s+(?P<dir>later|earlier)\b(?!\s+than\b)", _I),
    ),
    (
        "set",
        _rx(
            r"\b(?P<every>every|each|per)\s+(?:(?P<num>other|"
            + _NUMWORD
            + r"|\d+)\s+)?(?P<unit>day|weekend|week|month|"
            r"year|quarter|hour|minute|morning|night|evening|summer|winter|spring|"
            + _WEEKDAY.lower()
            + r"|"
            + _WEEKDAY
            + r"|(?-i:(?P<month>January|February|March|April|May|June|July|August|September|October|November"
            r"|December)))s?\b|\b(?P<word>daily|nightly|weekly|monthly|quarterly|annually|annual|yearly|hourly)\b",
            _I,
        ),
    ),
    # "twice a week", "three times a year", "once per month"
    (
        "set_freq",
        _rx(
            r"\b(?P<freq>once|twice|thrice|(?:" + _NUMWORD + r"|\d+)\s+times)\s+(?:a|an|per|each|every)\s+"
            r"(?P<unit>day|week|month|year|quarter|hour|minute)\b",
            _I,
        ),
    ),
    # "on Mondays", "Monday afternoons": every such day (part)
    (
        "set_weekday",
        _rx(
            r"\b(?:(?<=\bon\s)(?P<wd>" + _WEEKDAY + r")s(?!\s+(?:morning|afternoon|evening|night)s?\b)"
            r"|(?P<wd2>" + _WEEKDAY + r")\s+(?P<part>morning|afternoon|evening|night)s)\b"
        ),
    ),
    # "this fiscal year", "the current fiscal year", "the fiscal year"
    (
        "fiscal_year",
        _rx(
            r"\b(?:[Tt]he\s+(?:very\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+)?(?:(?P<rel>this|last|next|the\s+(?:current|previous|past|coming|next|new|last|same))\s+|the\s+)"
            r"(?:fiscal|financial)\s+year\b(?!\s*['’]?\d)",
            _I,
        ),
    ),
    # "the sixties", "the late nineties"
    (
        "decade_word",
        _rx(
            r"\b[Tt]he\s+(?:(?:early|late|mid)[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies"
            r"|eighties|nineties)\b"
        ),
    ),
    # "by year-end", "at month's end"
    ("period_end", _rx(r"\b(?P<unit>year|month)(?:[-\s]end|['’]s\s+end)\b", _I)),
    (
        "ref",
        _rx(
            r"\b(?P<word>(?:right\s+)?now|currently|nowadays|presently|at\s+present|the\s+present(?!\s+\w+ing)"
            r"|these\s+days|recently(?!\s+as\b)|(?:(?<=\bat\s)|(?<=\bfor\s))the\s+moment|(?<=\bfor\s)the\s+time\s+being|the\s+past|the\s+(?:near\s+)?future|the\s+(?:long|near|short)\s+term)\b"
            r"(?![-\w])",
            _I,
        ),
    ),
)

# Words that, right before a bare month name, show it is a date ("in May") and not a name ("Theresa May").
MONTH_CUES: Final = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "through",
        "from",
        "to",
        "of",
        "during",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "before",
        "after",
        "between",
        "and",
        "or",
        "around",
        "throughout",
        "into",
        "on",
        "for",
    ]
)
NUMBER_TOKEN = re.compile(r"[-\s]+")
# Words after which "over"/"under" count a quantity ("in over six years", "lasted over a year"); else they
# are prepositions that stay outside the span ("kickbacks over six years").
QUANTITY_CUES: Final = frozenset(
    ["for", "in", "of", "after", "within", "than", "by", "from", "since", "to", "last", "lasted", "lasting",
     "lasts", "took", "take", "takes", "taking", "spent", "spend", "spending", "spanning", "spanned"]
)  # fmt: skip
