"""Who a pronoun refers to: the most salient compatible actor in the sentences before it.

`pronoun_antecedent(table, token)` looks in the pronoun's own sentence first (the nearest earlier mention,
never the subject of the pronoun's own clause: in "Greaves told her", "her" is not Greaves), then in up to
`_WINDOW` earlier sentences, nearest first. In an earlier sentence mentions are ranked by salience:

0. the speaker of a quote (`ActorTable.speakers`, filled as quotes are attributed in reading order);
1. the subject of the sentence's main verb;
2. any other subject;
3. any other mention (taken only when no earlier sentence in the window has a subject that fits).

A pronoun that retorts ('he countered', 'she shot back') skips the last speaker before its sentence when
another actor fits: who answers is someone else than whom they answer.

Compatibility: "he"/"she" need a person, or an unnamed source that is one ("a department spokeswoman"),
whose gender is not known to be the other one; "it" an organisation, a state or an unnamed source that is
not a person; "they" an organisation, a state, a group, or a plural unnamed source ("two officials").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Token

from claimtrail.extract.actors import ActorTable, is_role
from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.sentences import sentence

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_WINDOW = 4  # earlier sentences searched for a subject
_FAR = 400  # tokens searched back for any mention at all
# Heads of unnamed sources that are people: a pronoun "he"/"she" can refer to them.
_PERSON_HEADS = frozenset(
    {
        "person",
        "official",
        "source",
        "witness",
        "analyst",
        "expert",
        "observer",
        "insider",
        "diplomat",
        "resident",
        "critic",
        "aide",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "investigator",
        "lawmaker",
        "employee",
        "worker",
        "officer",
        "member",
        "activist",
        "user",
        "protester",
        "man",
        "woman",
    }
)


def _head(table: ActorTable, key: str) -> Token | None:
    """The head word of an unnamed source's first mention ('spokeswoman' in 'A department spokeswoman')."""
    entry = table.entries[key]
    if not entry.mentions:
        return None
    start, end = min(entry.mentions)
    span = table.doc.char_span(start, end, alignment_mode="expand")
    return None if span is None else span.root


@cache
def _gendered_words() -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicon()
    return lex.female_words | {"woman", "women"}, lex.male_words | {"man", "men"}


def _unnamed_profile(table: ActorTable, key: str) -> tuple[bool, bool, str | None]:
    """(is a person, is plural, gender) of an unnamed source, from its head word."""
    head = _head(table, key)
    if head is None:
        return False, False, None
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("people", "police")
    person = lemma in _PERSON_HEADS or (is_role(head) and lemma not in lexicon().org_heads)
    female, male = _gendered_words()
    gender = "f" if head.lower_ in female else "m" if head.lower_ in male else None
    return person, plural, gender


def _fits(table: ActorTable, key: str, pronoun: str) -> bool:
    kind = table.kind(key)
    if key.startswith("GROUP:"):  # "Nusrat Jahan and Rafiq Islam": they
        return pronoun in PLURAL
    if pronoun in MALE or pronoun in FEMALE:
        gender = "m" if pronoun in MALE else "f"
        if kind == "PERSON":
            return table.gender(key) in (None, gender)
        if kind != "UNNAMED":
            return False
        person, plural, known = _unnamed_profile(table, key)
        return person and not plural and known in (None, gender)
    if kind in ("ORG", "GPE"):
        return True
    if kind != "UNNAMED":
        return False
    person, plural, _ = _unnamed_profile(table, key)
    return plural if pronoun in PLURAL else not person and not plural


def _subject_of(token: Token) -> Token | None:
    """The subject a name is part of: itself, or the noun it is a compound or apposition of, never a
    possessor ("Diaz's mother, Rosa Diaz, addressed the court": Rosa Diaz is the subject, Diaz is not)."""
    for _ in range(3):
        if token.dep_ in _SUBJECTS:
            return token
        if token.dep_ not in ("compound", "flat", "appos") or token.head is token:
            return None
        token = token.head
    return None


def _salience(table: ActorTable, token: Token) -> int:
    """0 speaker, 1 subject of the main verb, 2 another subject, 3 another mention (see the module doc)."""
    subject = _subject_of(token)
    if token.i in table.speakers or (subject is not None and subject.i in table.speakers):
        return 0
    if subject is None:
        return 3
    return 1 if subject.head.dep_ == "ROOT" else 2


def _same_clause_subject(token: Token) -> int | None:
    """The subject of the verb an object pronoun hangs on ('Greaves told her'): never its antecedent."""
    if token.dep_ in _SUBJECTS or token.tag_ == "PRP$":
        return None
    verb = token.head.head if token.head.dep_ == "prep" else token.head
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return None if subject is None else subject.i


def _owned_by_same(mention: Token, pronoun: Token) -> bool:
    """A mention whose own possessor is a pronoun like `pronoun` ('his lawyer' before 'he'); a possessive
    pronoun may still be the mention's own ('His lawyer, Vlachos, said his client ...')."""
    if pronoun.tag_ == "PRP$":
        return False
    head = mention
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    owners = {c.lower_ for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"}
    same = MALE if pronoun.lower_ in MALE else FEMALE if pronoun.lower_ in FEMALE else frozenset()
    return bool(owners & same)


def _mentions(table: ActorTable, start: int, end: int, fits: Callable[[str], bool]) -> list[tuple[int, str]]:
    """(token index, actor) of compatible mentions and speakers in tokens [start, end), in text order."""
    found: dict[int, str] = {}
    for i in range(start, end):
        if i in table.title_tokens:  # "Winooski" in "Winooski Mayor Ellen Tatro" is part of her title
            continue
        if table.doc[i].dep_ == "poss" and table.doc[i].pos_ == "PRON":
            continue  # "his" in "his lawyer": the lawyer's mention is the noun, "his" is someone else
        key = table.speakers.get(i) or table.token_actor.get(i)
        if key is not None and fits(key):
            found[i] = key
    return sorted(found.items())


def pronoun_antecedent(table: ActorTable, token: Token) -> str | None:
    """The actor a personal or possessive pronoun most likely refers to, or None."""
    low = token.lower_
    if low not in MALE | FEMALE | PLURAL | NEUTER:
        return None
    answered = _answered_speaker(table, token)
    if answered is not None:  # "She said ... / 'Nobody ran out of time,' he shot back": not her
        found = antecedent(table, token, lambda key: key != answered and _fits(table, key, low))
        if found is not None:
            return found
    return antecedent(table, token, lambda key: _fits(table, key, low))


_BACK_VERBS = frozenset({"shoot", "fire", "hit"})  # a retort only with 'back': "he shot back"


def is_retort(verb: Token) -> bool:
    """'countered', 'retorted', 'shot back', 'hit back' (not 'replied', which answers a question too)."""
    lemma = verb.lemma_.lower()
    if lemma in _BACK_VERBS:
        return any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in verb.children)
    return lemma in ("retort", "counter")


def _answered_speaker(table: ActorTable, token: Token) -> str | None:
    """The last speaker before a pronoun that is the subject of a retort ('he countered', 'she shot back'):
    who answers is someone else than whom they answer."""
    if token.dep_ != "nsubj" or not is_retort(token.head):
        return None
    before = [i for i in table.speakers if i < sentence(token).start]
    return table.speakers[max(before)] if before else None


def is_person(table: ActorTable, key: str) -> bool:
    """A named person, or an unnamed source that is one person ('a former employee')."""
    if table.kind(key) == "PERSON":
        return True
    person, plural, _ = _unnamed_profile(table, key) if table.kind(key) == "UNNAMED" else (False, True, None)
    return person and not plural


def antecedent(table: ActorTable, token: Token, fits: Callable[[str], bool]) -> str | None:
    """The most salient earlier actor for which `fits` holds (the search of the module docstring)."""
    doc = table.doc
    own = sentence(token)
    excluded = _same_clause_subject(token)
    # "Measles killed 41 children in Ghana last year, it said": what is said before a trailing
    # attribution holds no antecedent of its speaker
    within = [] if _trailing_speaker(token) else _mentions(table, own.start, token.i, fits)
    for i, key in reversed(within):
        if _owned_by_same(doc[i], token):
            continue  # "his lawyer said ... he had failed": "he" is whoever "his" is, not the lawyer
        if _quoted_before(doc, own.start_char, doc[i].idx) and not _quoted_before(
            doc, own.start_char, token.idx
        ):
            continue  # '"I have never met him," he told Adria Press': "him" is not who speaks
        if i != excluded and not (excluded is not None and doc[i].head.i == excluded):
            return key
    earlier = own
    for _ in range(_WINDOW):
        if earlier.start == 0 or earlier.start_char <= table.body_start:
            break
        earlier = sentence(doc[earlier.start - 1])
        mentions = _mentions(table, earlier.start, earlier.end, fits)
        subjects = [(rank, i, key) for i, key in mentions if (rank := _salience(table, doc[i])) < 3]
        if subjects:
            return min(subjects)[2]
    nearest = _mentions(table, max(0, token.i - _FAR), own.start, fits)
    return nearest[-1][1] if nearest else None


def _trailing_speaker(token: Token) -> bool:
    """A pronoun speaking after what it says: '..., it said', '..." she said'."""
    verb = token.head
    return (
        token.dep_ == "nsubj"
        and token.i > 0
        and token.doc[token.i - 1].text in (",", '"', "”")
        and verb.i > token.i
        and verb.lemma_.lower() in lexicon().speech_verbs
    )


def _quoted_before(doc: Doc, start: int, pos: int) -> bool:
    """Is `pos` inside quote marks opened since `start` (an odd number of marks before it)?"""
    return sum(doc.text[start:pos].count(q) for q in '"“”') % 2 == 1


def surname_antecedent(table: ActorTable, token: Token) -> str | None:
    """A lone surname shared by several people named before it: the most salient of them
    ('said Lucia Ortega, whose son Daniel Ortega ... / Ortega said' -> Lucia Ortega)."""
    key = table.token_actor.get(token.i)
    if key is None or table.kind(key) != "PERSON" or not token.is_title:
        return None
    if token.i > 0 and table.token_actor.get(token.i - 1) == key:
        return None  # part of a full name
    namesakes = {
        e.key
        for e in table.entries.values()
        if e.kind == "PERSON" and e.name.split()[-1] == token.text and e.first < token.idx
    }
    if len(namesakes) < 2:
        return None
    return antecedent(table, token, lambda other: other in namesakes)
