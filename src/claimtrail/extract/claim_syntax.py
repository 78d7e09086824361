"""Token-level helpers for claims: clause and noun-phrase bounds, that-clauses the parser misplaced.

Pure functions of spaCy tokens (no actor table, no state), shared by the claim finder (`claims`) and the
positions taken on earlier claims (`positions`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.sentences import sentence

TRUTH_WORDS = frozenset({"true", "accurate", "correct", "factual", "right", "credible"})

_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "that",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "be",
        "been",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "it",
        "its",
        "any",
        "by",
        "with",
        "at",
        "from",
        "would",
    }
)


FIGURE_NOUNS = frozenset(
    {
        "figure",
        "figures",
        "number",
        "numbers",
        "toll",
        "count",
        "tally",
        "turnout",
        "estimate",
        "estimates",
        "data",
        "statistics",
        "results",
        "result",
        "findings",
        "account",
        "version",
        "assessment",
        "conclusion",
        "conclusions",
        "forecast",
        "projection",
    }
)


REFERENCE_FAMILIES = {
    "accusation": frozenset({"accuse", "charge", "accusation", "accusations", "blame"}),
    "allegation": frozenset({"allege", "accuse", "allegation", "allegations", "claim", "claims"}),
    "charge": frozenset({"charge", "charges", "accuse"}),
    "report": frozenset({"report", "reports", "reported", "suggest", "reporting"}),
    "claim": frozenset(
        {"claim", "claims", "allege", "assert", "allegation", "allegations", "accuse", "blame"}
    ),
    "rumor": frozenset({"rumor", "rumors", "rumour", "rumours"}),
    "rumour": frozenset({"rumor", "rumors", "rumour", "rumours"}),
}


def apposed_claim_noun(verb: Token) -> Token | None:
    """'..., a charge Montevideo flatly denied', '..., an allegation the company rejects': the claim noun
    that sums up the clause before it and that a denying or doubting verb answers. The parser may hang the
    verb on the noun (a relative clause) or read the clause as the verb's complement and the noun into
    its subject."""
    lex = lexicon()
    if lex.stance_verbs.get(verb.lemma_.lower()) not in ("denies", "questions"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in lex.claim_nouns:
        # the noun is what is denied ("a charge Moscow denies"), not who speaks ("a report that denied")
        relative = subject is None or subject.tag_ in ("WDT", "WP")
        return None if relative or any(c.dep_ == "dobj" for c in verb.children) else verb.head
    if subject is None or subject.left_edge.i < 2 or subject.left_edge.lower_ not in ("a", "an"):
        return None
    noun = verb.doc[subject.left_edge.i + 1]
    after_comma = verb.doc[subject.left_edge.i - 1].text == ","
    return noun if after_comma and noun.i < subject.i and noun.lemma_.lower() in lex.claim_nouns else None


def sentence_bounds(token: Token) -> tuple[int, int]:
    sent = sentence(token)
    return sent.start_char, sent.end_char


def content_words(doc: Doc, start: int, end: int) -> set[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span if t.is_alpha and t.lower_ not in _STOP}


def np_span(noun: Token) -> tuple[int, int]:
    tokens = [t for t in noun.subtree if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def pleads_not_guilty(verb: Token) -> bool:
    following = verb.doc[verb.i + 1 : verb.i + 4].text.lower()
    return following.startswith(("not guilty", "innocent"))


def noun_complement(noun: Token) -> Token | None:
    """The that-clause a claim noun carries, also past a participle: 'claims circulating online that X'."""
    for child in noun.children:
        # a 'relcl' whose 'that' is a mark (not its subject or object) is a content clause misparsed
        # "a finding that others said needed confirmation": a saying verb with no complement of its own
        speech = child.lemma_.lower() in _SAYING and not any(
            g.dep_ in ("ccomp", "xcomp") for g in child.children
        )
        if child.dep_ in ("acl", "ccomp", "relcl") and has_that(child) and not speech:
            return child  # not "a finding that others said needed confirmation": 'that' is its object
        if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN"):
            inner = next((g for g in child.children if g.dep_ in ("ccomp", "advcl") and has_that(g)), None)
            if inner is not None:
                return inner
    return complement_on_maker(noun)


def complement_on_maker(noun: Token) -> Token | None:
    """'allegations by a rights group that police had detained 80 men': the parser made the that-clause a
    relative clause of the group, though its 'that' is neither subject nor object there."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
        for maker in (g for g in prep.children if g.dep_ == "pobj"):
            for clause in (c for c in maker.children if c.dep_ == "relcl" and c.i > maker.i):
                args = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
                if not any(c.lower_ == "that" for c in clause.children):
                    continue
                # its own subject and object, or a passive subject: the "that" fills no slot
                own = {c.dep_ for c in args if c.lower_ != "that"}
                if "nsubjpass" in own or {"nsubj", "dobj"} <= own:
                    return clause
    return None


def stray_complement(noun: Token) -> Token | None:
    """'follows a Reuters report on Friday that X': the parser hung the that-clause on the verb.

    Taken only when nothing but a prepositional phrase ('on Friday') stands between the noun and 'that',
    and the verb is not one of saying (a speech verb's that-clause is its own content).
    """
    verb = noun.head
    if noun.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if lemma in lexicon().speech_verbs or lemma in lexicon().stance_verbs:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i and has_that(c)), None)
    if clause is None:
        return None
    between = range(noun.right_edge.i + 1, clause.left_edge.i)
    doc = noun.doc
    allowed = {t.i for p in verb.children if p.dep_ == "prep" for t in p.subtree}
    if any(i not in allowed and not doc[i].is_punct for i in between):
        return None
    return clause


def that_clause_after(noun: Token) -> tuple[int, int] | None:
    """'reports that talks ... collapsed last night, insisting ...' when the parser read 'that' as a pronoun.

    The clause runs from after 'that' to the sentence end or to a comma before a participle or 'but'.
    """
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "that" or doc[noun.i + 1].dep_ == "mark":
        return None
    if doc[noun.i + 1].dep_ in ("dobj", "pobj"):  # "a report that the company dismissed": a relative clause
        return None
    after = doc[noun.i + 2]
    if after.tag_ in ("VBD", "VBN", "MD") or after.lower_ in ("is", "was", "are", "were", "has", "had"):
        return None  # "an article that said ...": a relative clause ("reports that talks ..." is not)
    sent = sentence(noun)
    end = noun.i + 2
    while end < sent.end and not (doc[end].is_punct and doc[end].text in ".;:!?"):
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if doc[end].text == "," and nxt is not None and (nxt.tag_ == "VBG" or nxt.lower_ in ("but", "while")):
            break
        end += 1
    last = end - 1
    while last > noun.i + 2 and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return doc[noun.i + 2].idx, doc[last].idx + len(doc[last].text)


def finite_clause(clause: Token) -> bool:
    """A clause with a subject and a tense of its own ('it had paid'), not a small clause ('found it
    difficult')."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    tensed = clause.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") for c in clause.children
    )
    return clause.pos_ in ("VERB", "AUX") and subject and tensed


def has_mark(clause: Token, marks: tuple[str, ...]) -> bool:
    """'whether X was necessary': the mark on the clause, or on its subject clause ('whether culling ...')."""
    if clause.pos_ not in ("VERB", "AUX"):
        return False
    edge = clause.left_edge
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children) or (
        edge.dep_ == "mark" and edge.lower_ in marks
    )


_SAYING = frozenset({"say", "tell", "claim", "believe", "think", "report"})
_UNCLEAR = frozenset({"unclear", "uncertain", "unknown", "doubtful"})


def unclear_whether(root: Token) -> Token | None:
    """'it was unclear whether X', 'it is not clear if X', 'it remains unclear whether X': the clause X."""
    if root.lemma_.lower() not in ("be", "remain", "seem", "appear"):
        return None
    acomp = next((c for c in root.children if c.dep_ == "acomp"), None)
    if acomp is None:
        return None
    negated = any(c.dep_ == "neg" for c in [*root.children, *acomp.children])
    knowing = next((c for c in acomp.children if c.dep_ == "xcomp" and c.lemma_.lower() in _KNOWING), None)
    if knowing is not None and acomp.lower_ in _TOO_SOON_TO_KNOW:  # "too early to say whether X"
        acomp = knowing
    elif not (acomp.lower_ in _UNCLEAR or (acomp.lower_ == "clear" and negated)):
        return None
    inner = [c for c in [*root.children, *acomp.children] if c.dep_ in ("ccomp", "advcl", "csubj")]
    return next((c for c in inner if has_mark(c, ("whether", "if"))), None)


_KNOWING = frozenset({"say", "tell", "know", "determine", "judge", "assess", "predict"})
_TOO_SOON_TO_KNOW = frozenset({"early", "soon", "premature", "impossible", "difficult", "hard"})


def specified_figure(noun: Token) -> bool:
    """'the 61% turnout reported in two districts': a figure stated in the phrase, not 'the figures'."""
    return noun.lower_ in FIGURE_NOUNS and any(
        c.dep_ in ("nummod", "acl") or any(g.like_num for g in c.subtree) for c in noun.children
    )


def has_that(clause: Token) -> bool:
    return clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    )


def clause_bounds(doc: Doc, clause: Token) -> tuple[int, int]:
    tokens = [t for t in clause.subtree if not t.is_space]
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return clause.idx, clause.idx
    last = _apposed_name_end(doc, tokens[-1], {t.i for t in tokens}) or tokens[-1]
    return tokens[0].idx, last.idx + len(last.text)


def _apposed_name_end(doc: Doc, last: Token, inside: set[int]) -> Token | None:
    """'that it would cancel its most-watched drama, The Harrow Line, after the show's fourth season':
    the parser hung the drama's name (and the phrase after it) outside the clause; they belong to it.
    The clause's new last token, or None."""
    if last.pos_ != "NOUN" or last.i + 2 >= len(doc) or doc[last.i + 1].text != ",":
        return None
    start = last.i + 2 + (doc[last.i + 2].lower_ == "the")
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].is_lower and end not in inside:
        end += 1
    if end == start or end >= len(doc) or doc[end].text != ",":
        return None
    name_head = next(t for t in doc[start:end] if not start <= t.head.i < end)
    if name_head.dep_ in ("nsubj", "nsubjpass"):
        return None  # "that it had cut jobs, John Smith, a union leader, said": the speaker's name
    tail = end + 1
    if tail < len(doc) and doc[tail].pos_ == "ADP":  # ", after the show's fourth season"
        while (
            tail + 1 < len(doc) and doc[tail + 1].text not in (",", ".", ";") and not doc[tail + 1].is_space
        ):
            tail += 1
        return doc[tail]
    return doc[end - 1]


def with_adverb(verb: Token) -> str:
    """'officially recognized', 'flatly denied': the cue as a reader would quote it."""
    adv = [c for c in verb.children if c.dep_ == "advmod" and c.i == verb.i - 1 and c.lower_.endswith("ly")]
    return f"{adv[0].text} {verb.text}" if adv else verb.text


_HARD = frozenset({"hard", "difficult", "impossible", "implausible"})


def hard_to_believe(verb: Token) -> Token | None:
    """'she found it "hard to believe" that no one had read the email': who doubts what follows (the
    subject of the first verb above with a subject of its own, not the 'it' that stands for the clause)."""
    head = verb.head  # "hard to believe", or "is hard to believe" hung on the copula
    if verb.dep_ != "xcomp" or not (
        head.lower_ in _HARD or any(c.dep_ == "acomp" and c.lower_ in _HARD for c in head.children)
    ):
        return None
    for above in (head, *head.ancestors):
        subject = next((c for c in above.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ != "it":
            return subject
    return None
