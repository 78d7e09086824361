"""Shared state and helpers of the timex normalisers (private to `claimtrail.extract.dates`).

`Context` carries the anchor and the reference dates the text has mentioned so far; the tense helpers read
the spaCy parse to choose which "Friday" or "June" is meant; the calendar helpers build TIMEX3 values.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from claimtrail.extract import _timex_rules as R
from claimtrail.extract.sentences import sentence
from claimtrail.models import TimexType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Tense = Literal["past", "present", "future"]
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "going"})
_PAST_TAGS = frozenset({"VBD"})
_MODALS = frozenset({"should", "could", "may", "might", "must", "can"})
# verbs whose "to" complement happened, or failed to, at the time they tell of
_DONE_OR_NOT = frozenset({"decline", "refuse", "fail", "manage", "try", "attempt", "neglect", "hesitate"})
_FUTURE_LEMMAS = frozenset({"schedule", "plan", "expect", "slate", "set", "due", "poise", "intend"})
_FORWARD_MONTHS = 8  # a year-less month this far before the narrative's month moves on a year


@dataclass(frozen=True, slots=True)
class Norm:
    type: TimexType
    value: str
    relative: bool = False  # resolved against the anchor (or the narrative reference)
    start: int | None = None  # the timex starts later than the match ("over" as a preposition)
    end: int | None = None  # the timex ends earlier than the match ("11 days" of "11 days earlier than")
    behind: bool = (
        False  # a step back that leaves the narrative's line alone ("October" of "from October to March")
    )


@dataclass(slots=True)
class Context:
    doc: Doc
    text: str
    anchor: dt.date | None
    narrative: bool
    ref: dt.date | None = None  # last fully specified date the text mentioned
    ref_year: int | None = None  # last year the text mentioned
    ref_is_day: bool = False  # `ref` came from a day-precise mention
    last_day: dt.date | None = None  # the last day-precise date the text mentioned
    last_day_end: int = -1  # where that mention ended ("next Tuesday" before "at 3 p.m.")
    last_period: str | None = None  # the last dated value mentioned ("2009-01", "2009-Q3"), as written
    # The narrative's main line: the last explicit year (and month) outside digressions;
    # and the explicit years of the whole text as (offset, year).
    line_year: int | None = None
    line_month: int | None = None
    years: tuple[tuple[int, int], ...] = ()

    def base(self) -> dt.date | None:
        """The date underspecified expressions resolve against."""
        if self.narrative:
            return self.ref or january_first(self.ref_year)
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
        return january_first(self.ref_year) or self.anchor


def narrative_year(ctx: Context, start: int, end: int, month: int | None) -> int | None:
    """Year of a year-less month, day or season in a narrative: an explicit year later in the same
    sentence ("the spring and early summer of 1943"), else the main line's year, a year on when the month
    lies well before the line's month (narratives run forward: "In December 1941 ... By January")."""
    lo, hi = sentence_bounds(ctx, start, end)
    if not any(lo <= pos < start for pos, _ in ctx.years):
        later = [year for pos, year in ctx.years if end <= pos < hi]
        if later:
            return later[0]
    year = ctx.line_year if ctx.line_year is not None else ctx.ref_year
    if year is None or month is None or ctx.line_month is None or year < 1:
        return year
    if month < ctx.line_month - _FORWARD_MONTHS:
        return year + 1
    return year


def sentence_bounds(ctx: Context, start: int, end: int) -> tuple[int, int]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return start, end
    sent = _sentence_around(span)
    return sent.start_char, sent.end_char


def quoted(text: str, pos: int) -> bool:
    """Inside a quotation: an odd number of double quote marks since the paragraph began."""
    paragraph = text[text.rfind("\n", 0, pos) + 1 : pos]
    return sum(paragraph.count(q) for q in '"“”') % 2 == 1


def january_first(year: int | None) -> dt.date | None:
    return dt.date(year, 1, 1) if year and year >= 1 else None


# --- tense ---------------------------------------------------------------------------------------------


def tense_at(ctx: Context, start: int, end: int) -> Tense:
    """Tense of the verb governing the span, else of its sentence."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    if span.start > 0 and span.doc[span.start - 1].lower_ == "since":
        return "past"  # "the best week since November"
    if _right_after_past_verb(span):
        return "past"  # "said on Tuesday it would send a team", whatever the parser hung the date on
    if _arranged_for(span.root):
        return "future"  # "set the trial down for Sept. 2", "a rise in allowances due from January"
    verb = _main_verb_of_condition(_governing_verb(span.root))
    for _ in range(3):  # "expected to keep rising until Saturday": the tense is up the xcomp chain
        if verb is None:
            break
        if _bare_infinitive(verb) or _purpose_infinitive(verb):
            verb = verb.head  # "would let the currency weaken in March": no tense of its own
            continue
        if _bare_participle(verb) and _verb_tense(verb.head) == "future":
            return "future"  # "would switch off the app starting on Friday" (a past head may plan ahead)
        tense = _verb_tense(verb)
        if verb.dep_ == "conj" and _verb_tense(verb.head) == "future":
            return "future"  # "plans to cut jobs and shut (tagged past) its studio by December"
        if tense != "present":
            return tense
        # "preparing to cut jobs and shut its studio by December": a conjoined verb shares its head's tense
        verb = verb.head if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i else None
    return _sentence_tense(_sentence_around(span))


def _bare_participle(verb: Token) -> bool:
    """'starting on Friday', 'cutting output in the fourth quarter': an -ing clause with no tense of its
    own, hung on another verb."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


# verbs that take a bare infinitive ("let it weaken", "made them pay", "saw prices fall")
_BARE_INFINITIVE_HEADS = frozenset({"let", "make", "help", "have", "see", "watch", "hear"})


def _bare_infinitive(verb: Token) -> bool:
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and verb.head.lemma_ in _BARE_INFINITIVE_HEADS
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


# verbs whose "to" infinitive is an intended act, even when the parser reads it as a purpose ("voted on
# Tuesday to close the schools in June")
_INTENT_LEMMAS = frozenset(
    {"vote", "agree", "decide", "move", "plan", "promise", "pledge", "vow", "threaten", "offer", "seek",
     "aim", "want", "hope", "intend", "prepare", "ask", "urge", "order", "elect", "opt", "choose"}
)  # fmt: skip


def _purpose_infinitive(verb: Token) -> bool:
    """ "waited nine hours to see a doctor in August": the purpose shares the time of its act."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VB"
        and verb.head.lemma_ not in _INTENT_LEMMAS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


# verbs that arrange something for a date ("set the trial down for Sept. 2"), and words of a coming event
_SCHEDULING_LEMMAS = frozenset(
    {"set", "schedule", "reschedule", "slate", "book", "fix", "adjourn", "postpone"}
)
_AHEAD_WORDS = frozenset({"next", "upcoming", "coming", "forthcoming"})


def _coming_event(token: Token) -> bool:
    return token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _AHEAD_WORDS for c in token.children)


def _arranged_for(token: Token) -> bool:
    """The date an arrangement points to: the object of "for" after a scheduling verb, or of a preposition
    after "due" or after a coming event ("the bank's next meeting in November"). Such a date lies ahead."""
    prep = token.head
    if prep.dep_ != "prep" or prep.head.i == prep.i:
        return False
    owner = prep.head
    if owner.lower_ == "due":
        return True
    before = prep.doc[prep.i - 1] if prep.i > 0 else owner
    if _coming_event(owner) or _coming_event(before):  # "next meeting in November", however "in" is hung
        return True
    return prep.lower_ == "for" and owner.pos_ == "VERB" and owner.lemma_ in _SCHEDULING_LEMMAS


def _right_after_past_verb(span: Span) -> bool:
    """The span follows a verb in the simple past, at most "on" between ("said on Tuesday", "met Friday")."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "on":
        i -= 1
    return i >= 0 and span.doc[i].tag_ == "VBD" and span.doc[i].pos_ == "VERB"


def past_perfect_at(ctx: Context, start: int, end: int) -> bool:
    """The verb governing the span is in the past perfect ("forces that had invaded Burma in late 1943")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or (verb := _governing_verb(span.root)) is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(a.lower_ == "had" for a in auxes)


# Subordinators of a clause whose tense follows the main clause's: a condition or a later point ("unless the
# company paid by Friday", "before talks begin in June" are as future as the threat or plan they qualify).
_CONDITION_MARKS = frozenset({"if", "unless", "until", "till", "before", "once"})
# ... and of a time clause in the present, which speaks of a coming time ("would disband when the contracts
# expire in February"); in the past its own tense holds ("when the plant closed in March")
_TIME_MARKS = frozenset({"when", "after", "whenever", "as"})


def _main_verb_of_condition(verb: Token | None) -> Token | None:
    """The verb of the main clause when `verb` heads (or is an infinitive inside) a conditional or
    'before'/'until' clause; else `verb` itself."""
    clause = verb
    for _ in range(3):  # "if the commission refused to release tallies by Friday": up the xcomp chain
        if clause is None or clause.head.i == clause.i:
            return verb
        if clause.dep_ == "advcl" and _follows_main_clause(clause):
            return _governing_verb(clause.head)
        clause = clause.head if clause.dep_ in ("xcomp", "conj") else None
    return verb


def _follows_main_clause(clause: Token) -> bool:
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
    return bool(marks & _CONDITION_MARKS) or (bool(marks & _TIME_MARKS) and clause.tag_ in ("VBP", "VBZ"))


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):  # "meet for the first time on Monday": the verb is four heads up
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _future_word(token: Token) -> bool:
    """ "will", "would", "going to" ("tickets going on sale in August" is no future)."""
    if token.lower_ == "going":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    return token.lower_ in _FUTURE_AUX


def _verb_tense(verb: Token) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _future_word(verb) or any(_future_word(a) for a in auxes):
        return "future"
    perfect = any(a.lemma_ == "have" for a in auxes)
    if any(a.lower_ in _MODALS for a in auxes) and not perfect:
        return "future"  # "should be reconnected by Saturday", "could bring rain over the weekend"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DONE_OR_NOT and verb.head.tag_ == "VBD":
            return "past"  # "declined to comment on Wednesday", "failed to appear on Monday"
        return "future"  # "due to begin on Monday", "plans to vote on Friday": an intended act
    if verb.lemma_ in _FUTURE_LEMMAS and verb.tag_ == "VBN":
        return "future"  # "observations scheduled for March", "was expected to rise until Saturday"
    if verb.tag_ in _PAST_TAGS or any(a.tag_ in _PAST_TAGS for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not auxes:
        return "past"  # "a tariff imposed in October": a participle after its noun tells what was done
    return "present"


def _sentence_around(span: Span) -> Span:
    try:
        return sentence(span[0])
    except ValueError:  # no sentence boundaries: a window around the span
        doc = span.doc
        return doc[max(0, span.start - 15) : min(len(doc), span.end + 15)]


def _sentence_tense(sent: Span) -> Tense:
    if any(t.lower_ in ("will", "'ll", "shall") for t in sent):
        return "future"
    if any(t.lemma_ in _FUTURE_LEMMAS and t.tag_ == "VBN" for t in sent):
        return "future"  # "had been scheduled to lift off at 2:14 a.m. Saturday"
    if any(t.tag_ in _PAST_TAGS for t in sent):
        return "past"
    return "present"


# --- calendar helpers ----------------------------------------------------------------------------------


def iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + k
    return total // 12, total % 12 + 1


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def month_number(word: str) -> int:
    return R.MONTHS[word.rstrip(".").lower()]


def day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def nearest(options: list[dt.date], anchor: dt.date, tense: Tense) -> dt.date:
    """The nearest date, unless the tense says otherwise and it lies far the wrong way (about five months
    back for a past tense; a month ahead for a future one, which rarely looks back).

    News often reports a coming date in a past-tense sentence ("said it will open on June 3"), so a
    nearby date beats the tense.
    """
    best = min(options, key=lambda d: (abs((d - anchor).days), d > anchor))
    if tense == "past" and (best - anchor).days > 150:
        return max((d for d in options if d <= anchor), default=best)
    if tense == "future" and (anchor - best).days > 31:  # "must adopt a budget by Dec. 15" (in April)
        return min((d for d in options if d >= anchor), default=best)
    return best


def infer_year(ctx: Context, month: int, day: int, start: int, end: int) -> int | None:
    if ctx.narrative:
        return narrative_year(ctx, start, end, month)
    base = ctx.anchor
    if base is None:
        return None
    options = [
        dt.date(y, month, day)
        for y in (base.year - 1, base.year, base.year + 1)
        if day <= calendar.monthrange(y, month)[1]
    ]
    return nearest(options, base, tense_at(ctx, start, end)).year


# --- handlers: absolute and calendar dates -------------------------------------------------------------


def year_str(year: int | None) -> str:
    if year is None:
        return "XXXX"
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def date_value(year: int | None, month: int, day: int | None = None) -> str:
    y = year_str(year)
    if day is None:
        return f"{y}-{month:02d}"
    if year is not None and year > 0:
        dt.date(year, month, day)  # raises ValueError on impossible dates
    return f"{y}-{month:02d}-{day:02d}"


Handler: TypeAlias = Callable[[re.Match[str], Context], Norm | None]
