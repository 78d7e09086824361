"""Key words of the TIMEX3 rules (private to `claimtrail.extract.dates`).

Every rule's match contains a key word of one of its classes. One scan finds all key words; each rule then
runs only in small windows around its keys, which keeps the cost far below one full pass per rule.
"""

from __future__ import annotations

import re
from typing import Final

from claimtrail.extract._timex_rules import MONTHS, PARTS_OF_DAY, SEASONS, SET_WORDS, WEEKDAYS

WORD: Final = re.compile(r"\d+|[A-Za-z]+")


def _key_words(classes: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Invert {class: words} into {lower-cased word: classes} (a word may open several rules)."""
    index: dict[str, tuple[str, ...]] = {}
    for key, words in classes.items():
        for word in words:
            index[word] = (*index.get(word, ()), key)
    return index


_UNIT_WORDS = (
    "second", "minute", "hour", "day", "week", "weekend", "fortnight", "month", "quarter", "year", "decade"
)  # fmt: skip
# lower-cased word -> key classes; month and weekday names count only when capitalised ("may", "sun")
KEY_WORDS: Final = _key_words(
    {
        "month": tuple(MONTHS),
        "weekday": (*WEEKDAYS, *(w + "s" for w in WEEKDAYS)),
        "unit": (*_UNIT_WORDS, *(w + "s" for w in _UNIT_WORDS), "century", "centuries"),
        "deictic": ("today", "tonight", "yesterday", "tomorrow", "noon", "midday", "midnight", *PARTS_OF_DAY),
        "season": tuple(SEASONS),
        "set": tuple(SET_WORDS),
        "ref": (
            "now",
            "currently",
            "nowadays",
            "presently",
            "present",
            "days",
            "recently",
            "past",
            "future",
            "term",
            "moment",
            "being",
            "same",
        ),
        "fy": ("fy", "q"),
        "decade": (
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ),
        "holiday": (
            "christmas",
            "new",
            "thanksgiving",
            "easter",
            "good",
            "halloween",
            "hallowe",
            "valentine",
            "st",
            "saint",
            "independence",
            "veterans",
            "armistice",
            "memorial",
            "labor",
            "labour",
            "martin",
            "boxing",
            "mother",
            "father",
            "bastille",
            "all",
        ),
    }
)
CAPITALISED_KEYS: Final = frozenset({"month", "weekday", "fy", "holiday"})
RULE_KEYS: Final = {
    "iso_date": {"digit"},
    "slash_date": {"digit"},
    "month_day": {"month"},
    "day_month": {"month"},
    "month": {"month"},
    "bc_year": {"digit"},
    "month_bc": {"month"},
    "bare_year": {"digit"},
    "decade_bc": {"digit"},
    "century": {"unit"},
    "rel_month": {"month"},
    "half": {"digit", "unit"},
    "period_of": {"unit"},
    "and_day": {"digit"},
    "nth_day": {"digit"},
    "holiday": {"holiday"},
    "short_year": {"digit"},
    "decade": {"digit"},
    "year": {"digit"},
    "year_range_end": {"digit"},
    "day_range_start": {"month"},
    "fiscal_short": {"fy"},
    "season": {"season"},
    "quarter": {"unit"},
    "q_quarter": {"fy"},
    "time": {"digit"},
    "clock": {"digit"},
    "noon": {"deictic"},
    "weekday": {"weekday"},
    "deictic_day": {"deictic"},
    "this_part": {"deictic"},
    "that_part": {"deictic"},
    "the_part": {"deictic"},
    "trading_part": {"deictic"},
    "at_night": {"deictic"},
    "for_the": {"unit"},
    "day_beside": {"unit", "deictic"},
    "period_beside": {"unit"},
    "the_day": {"unit"},
    "relative_period": {"unit"},
    "the_period": {"unit"},
    "in_the_period": {"unit"},
    "same_period_year": {"unit", "ref"},
    "that_period": {"unit"},
    "the_weekend": {"unit"},
    "ago": {"unit"},
    "duration": {"unit"},
    "duration_range_start": {"unit"},
    "bare_units": {"unit"},
    "vague_period": {"unit"},
    "vague_relative": {"unit"},
    "set": {"unit", "set", "deictic", "season", "weekday", "month"},
    "ref": {"ref"},
    "set_freq": {"unit"},
    "set_weekday": {"weekday"},
    "fiscal_year": {"unit"},
    "decade_word": {"decade"},
    "period_end": {"unit"},
}
WINDOW: Final = 48  # characters around a key word that a match may reach
