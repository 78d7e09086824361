"""Denial by negated restatement: "Talks have not collapsed" against "talks ... collapsed last night".

A clause denies an earlier claim when it negates the claim's own word and shares another content word with
it. What is negated (the focus) depends on the clause:

- a verb with 'not'/'never', or whose subject or object is 'no ...': the verb ("have not collapsed",
  "no aircraft will be grounded");
- 'there is no N' (existential): the noun ("There have been no talks", "there was no plan to ...");
- 'be not X' (copula): the predicate ("We are not in talks", "was not responsible").

Words are compared by their lemma's first five letters ("planning" ~ "plan", "merger" ~ "merge"; a lemma
shorter than that starts the other: "pay" ~ "payment"), so a restatement in other inflections still
matches while unrelated words rarely do; the lexicon's `same_meaning` groups join words of one
meaning ("paused" ~ "stopped"). A light verb's negated object is the focus ("made no payments"), or its
negated subject ("no offer was made", which denies a claim whose own verb is that word: "offered").
Pure functions of tokens.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from claimtrail.extract.lexicon import lexicon

_NEGATORS = frozenset({"not", "n't", "never", "neither", "nor"})
_NO_WORDS = frozenset({"no", "none", "nobody", "nothing", "neither"})
_LIGHT = frozenset(
    {
        "be",
        "have",
        "do",
        "say",
        "tell",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "make",
        "get",
        "take",
    }
)
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def stem(token: Token) -> str:
    """The comparison key of a word: its lemma's first five letters, lower case."""
    return token.lemma_.lower()[:5]


def content_stems(tokens: Span | list[Token]) -> set[str]:
    return {stem(t) for t in tokens if t.pos_ in _CONTENT_POS and t.lemma_.lower() not in _LIGHT}


def _has_negator(token: Token) -> bool:
    return any(c.dep_ in ("neg", "preconj", "cc") and c.lower_ in _NEGATORS for c in token.children)


def _negated_argument(verb: Token) -> bool:
    """'no aircraft will be grounded', 'nobody was hurt', 'found nothing'."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and (c.lower_ in _NO_WORDS or any(d.dep_ == "det" and d.lower_ in _NO_WORDS for d in c.children))
        for c in verb.children
    )


def _negative(root: Token) -> bool:
    """A negative statement: a negator on its head or on the head's own words ('was neither in talks')."""
    near = [
        *root.children,
        *(g for c in root.children if c.dep_ in ("prep", "attr", "acomp") for g in c.children),
    ]
    words = _NEGATORS | _NO_WORDS
    return _negated_argument(root) or any(
        t.lower_ in words and t.dep_ in ("neg", "preconj", "det") for t in near
    )


def negated_focus(clause: Token) -> Token | None:
    """The word a negated clause denies, or None when the clause is not negated."""
    existential = any(c.dep_ == "expl" for c in clause.children)
    if clause.lemma_.lower() == "be":
        if existential:  # "there have been no talks"
            attr = next(
                (c for c in clause.children if c.dep_ in ("attr", "nsubj") and c.pos_ == "NOUN"), None
            )
            no = attr is not None and any(d.lower_ in _NO_WORDS for d in attr.children if d.dep_ == "det")
            return attr if no else None
        if not _has_negator(clause):
            return None
        for child in clause.children:  # "we are not in talks", "it was not responsible"
            if child.dep_ in ("attr", "acomp"):
                return child
            if child.dep_ == "prep":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None
    if clause.pos_ == "VERB" and clause.lemma_.lower() in _LIGHT:  # "had made no payments": the noun
        subject = next(
            (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None
        )
        if subject is not None and _says_no(subject):  # "no offer was made", "No such vote took place"
            return subject
        obj = next((c for c in clause.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        no = obj is not None and _says_no(obj)
        return obj if no or (obj is not None and _has_negator(clause)) else None
    if clause.pos_ == "VERB" and (
        _has_negator(clause) or _negated_argument(clause) or _shares_negation(clause)
    ):
        intended = next((c for c in clause.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if clause.lemma_.lower() in _INTENDING and intended is not None:
            return intended  # "We have never considered closing it": the closing is what is denied
        return clause
    return None


_INTENDING = frozenset({"consider", "plan", "intend", "seek", "want", "discuss", "propose", "contemplate"})


def _says_no(noun: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ in _NO_WORDS for d in noun.children)


def _shares_negation(verb: Token) -> bool:
    """'did not receive, read or ignore any warnings': a verb joined by 'or'/'nor' to a negated one, with
    no subject of its own, is negated too ('did not resign and left' is not)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    head = verb.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    coordinators = {c.lower_ for t in (head, *head.conjuncts) for c in t.children if c.dep_ == "cc"}
    return head.pos_ == "VERB" and _has_negator(head) and bool(coordinators & {"or", "nor"})


def contradicts(clause: Token, focus: Token, claim_tokens: Span, claim_root: Token | None) -> bool:
    """Does the negated `clause` (its focus word) deny the claim spanning `claim_tokens`?"""
    if claim_root is not None and _negative(claim_root):
        return False  # "we are not in talks" agrees with "it was neither in merger talks nor ..."
    theirs = content_stems(claim_tokens)
    key = stem(focus)
    matched = {s for s in theirs if same_word(s, key)}
    if focus.lemma_.lower() in _LIGHT or not matched:
        return False
    if (
        focus.pos_ == "VERB"
        and claim_root is not None
        and claim_root.pos_ == "VERB"
        and not any(same_word(stem(v), key) for v in _claimed_acts(claim_root))
    ):
        return False  # a negated verb answers the claim's own verb ("not collapsed" ~ "collapsed")
    if focus.dep_ in ("nsubj", "nsubjpass") and focus.head.lemma_.lower() in _LIGHT:
        # "no offer had been made" denies "had offered him a contract", the claim's own act, only; "no
        # request for a suspension" only a claim that also tells of a suspension
        said_of = content_stems([t for t in focus.subtree if t.i != focus.i and t.lower_ != "such"])
        told = not said_of or any(same_word(a, b) for a in said_of for b in theirs)
        return told and claim_root is not None and same_word(stem(claim_root), key)
    # "no public survey had shown either candidate ahead" is not about "its internal polling"
    if _other_kind_denied(clause, theirs):
        return False
    ours = content_stems(list(clause.subtree)) - {key}
    if not ours and _bare_existential(clause) and _claim_subject_is(claim_root, key):
        return True  # "There was no leak." against "a hydrogen leak had forced it to scrub the launch"
    return bool(ours & (theirs - matched))


def _bare_existential(clause: Token) -> bool:
    return any(c.dep_ == "expl" for c in clause.children)


def _claim_subject_is(claim_root: Token | None, key: str) -> bool:
    """The claim is about the thing denied: its subject's head is that word ('a hydrogen leak had ...')."""
    if claim_root is None:
        return False
    subject = next((c for c in claim_root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.pos_ == "NOUN" and same_word(stem(subject), key)


def _other_kind_denied(clause: Token, theirs: set[str]) -> bool:
    """'no public survey had shown ...' against 'its internal polling showed ...': a 'no' subject the claim
    does not name, narrowed by a word it does not use, speaks of other things ('No eligible voter has been
    removed' still answers 'the removal of our voters')."""
    for noun in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and _says_no(c)):
        if any(same_word(stem(noun), t) for t in theirs):
            continue
        narrowing = [m for m in noun.children if m.dep_ in ("amod", "compound") and m.pos_ in ("ADJ", "NOUN")]
        if any(not any(same_word(stem(m), t) for t in theirs) for m in narrowing):
            return True
    return False


def _claimed_acts(root: Token) -> list[Token]:
    """The claim's own verb and the acts it plans or joins ('is preparing to cut jobs and shut a studio')."""
    acts = [root]
    for verb in acts:
        acts.extend(c for c in verb.children if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB")
        if len(acts) > 6:
            break
    return acts


def same_word(a: str, b: str) -> bool:
    """Stems of one word family: equal, or a short lemma that starts the other ('pay' ~ 'payme'), or
    words of one meaning in the lexicon ('pause' ~ 'stop')."""
    short, long = sorted((a, b), key=len)
    if a == b or (3 <= len(short) < 5 and long.startswith(short)):
        return True
    meaning = _meanings().get(a)
    return meaning is not None and meaning == _meanings().get(b)


@cache
def _meanings() -> dict[str, int]:
    """Stem -> the index of its group of same-meaning words."""
    return {w[:5]: i for i, group in enumerate(lexicon().same_meaning) for w in group}


def negated_clauses(root: Token) -> list[Token]:
    """The clause heads of a statement that could be negated: the root and its coordinated clauses."""
    return [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
