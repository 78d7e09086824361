"""Quotes: direct ("..." X said), mixed (called it "a hoax") and indirect (X said that ...), with speakers.

`find_quotes(doc, table)` returns `Attribution`s in text order. Quote marks are paired within a paragraph
only, so an unbalanced mark never swallows the rest of the article; a mark left open at the start of a
paragraph (the wire convention for quotes running over paragraphs) closes at the paragraph's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimtrail.extract.actors import ActorTable
from claimtrail.extract.claim_syntax import apposed_claim_noun
from claimtrail.extract.coref import is_retort
from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.references import relative_antecedent, resolve_np, resolve_speaker
from claimtrail.extract.sentences import lower_forms, lower_lemmas, sentence, sentences, text_of
from claimtrail.models import QuoteKind

_OPEN = '"“«„'
_CLOSE = '"”»“'
_MARK = re.compile("[" + re.escape("".join(sorted(set(_OPEN + _CLOSE)))) + "]")
_NOT_SPEECH = frozenset(
    {
        "think",
        "believe",
        "find",
        "show",
        "know",
        "ask",
        "urge",
        "demand",
        "recognize",
        "recognise",
        "call",
        "describe",
        "label",
        "brand",
        "charge",
        "accuse",
        "threaten",
        "promise",
        "pledge",
        "vow",
        "guarantee",
        "doubt",
        "question",
        "dispute",
        "challenge",
        "contest",
        "reject",
        "dismiss",
        "deny",
        "refute",
        "rebut",
        "project",
        "agree",
        "point",
    }
)
_QUOTE_CUE_EXTRA = frozenset({"deny"})  # "denied that X" carries reported content too
_MAX_QUOTE_CHARS = 3000


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote before its speaker is frozen into a record: offsets, kind and the tokens that matter."""

    kind: QuoteKind
    start: int
    end: int
    speaker: str | None
    cue: Token | None
    addressee: str | None
    content_root: Token | None
    unparsed_content: bool = False  # the parser did not link content and cue; the span is the content


@dataclass(frozen=True, slots=True)
class _Found:
    """A quote as detected, before its speaker is resolved: the token naming the speaker, if any.

    `carried` marks a direct quote with no cue of its own, which takes the speaker of the direct quote
    before it (`'"A," she said. "B."'`).
    """

    attribution: Attribution
    subject: Token | None
    carried: bool = False


# -- quote marks ----------------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds = []
    pos = 0
    for m in re.finditer(r"\n\s*\n|\n", text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def quote_mark_pairs(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted content, marks excluded, paired within each paragraph.

    A mark left open runs to the paragraph's end when it opens the paragraph, or when the next paragraph
    opens with a mark too (the wire convention for a quote that goes on: '... she said. "A.¶"B."').
    """
    pairs: list[tuple[int, int]] = []
    paragraphs = _paragraphs(text)
    for n, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        for mark in _MARK.finditer(text, p_start, p_end):  # only marks open or close a quote
            i, ch = mark.start(), mark[0]
            if opened is None and ch in _OPEN and _can_open(text, i):
                opened = i
            elif opened is not None and ch in _CLOSE and i > opened + 1:
                pairs.append((opened + 1, i))
                opened = None
        if opened is None or p_end - opened >= _MAX_QUOTE_CHARS:
            continue
        following = text[paragraphs[n + 1][0] :].lstrip()[:1] if n + 1 < len(paragraphs) else ""
        if text[p_start:opened].strip() == "" or (following and following in _OPEN):
            pairs.append((opened + 1, p_end))
    return [(s, e) for s, e in pairs if e - s < _MAX_QUOTE_CHARS]


def _can_open(text: str, i: int) -> bool:
    """Curly marks always open; a straight quote only after a space, bracket or dash, not in '5" tall'."""
    return text[i] != '"' or i == 0 or not text[i - 1].isalnum()


# -- speaker of a cue verb ------------------------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    # The subject nearest the verb: a dateline the parser took for a subject lies further away.
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and verb.lemma_.lower() not in ("quote", "cite"):
        # "The allegations were first reported by Il-Lanterna": who reported is the agent, not the thing
        # reported ("He was quoted by Reuters as saying" keeps its subject)
        subjects = [c for c in subjects if c.dep_ == "nsubj"] or [
            c for c in agent.children if c.dep_ == "pobj"
        ]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def speaker_token(verb: Token) -> Token | None:
    """The subject of a cue, following participles ('rejected it, saying') and conjoined verbs."""
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and _is_cue_or_label(verb):
        # "..., said allocations were unchanged, dismissing the report": the speaker of the cue above
        cue = next((a for a in verb.ancestors if _is_cue(a) and _subject(a) is not None), None)
        # else a stance verb above: "questioned whether X, telling the AP that Y"
        stance = (a for a in verb.ancestors if _is_cue_or_label(a) and _subject(a) is not None)
        cue = cue or next(stance, None)
        while cue is not None and cue.dep_ == "ccomp" and _is_cue_or_label(cue.head) and _subject(cue.head):
            # "denied that its polling showed X, calling the account 'a work of fiction'": the participle
            # hangs on the reported clause, but the denier is who calls
            cue = cue.head
        if cue is not None:
            return _subject(cue)
    aside = _aside_participle(verb) if _subject(verb) is None else None
    if aside is not None and _subject(aside) is not None and _subject(aside).i < aside.i:  # type: ignore[union-attr]
        return _subject(aside)
    if _subject(verb) is None:  # '"...," the 49-year-old said': the parser left 'the ... old' unlinked
        aged = next(
            (c for c in verb.lefts if c.lower_ == "old" and c.dep_ in ("amod", "nsubj", "npadvmod")), None
        )
        if aged is not None:
            return aged
    seen = 0
    current = verb
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and _is_cue(head.head) and _is_cue_or_label(verb):
        current = head.head  # "X said A and called B 'C'": the second act is X's too
    while seen < 4:
        subj = _subject(current)
        if subj is not None:
            if subj.dep_ == "nsubj" and subj.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                return _person_for(current.head) if subj.lower_ == "who" else relative_antecedent(subj)
            if _misread_relative_subject(current, subj):
                return current.head
            return subj
        named = _name_just_before(current) if current.dep_ in ("conj", "ROOT") else None
        if named is not None:  # "after the developer, Kestrel Property Group, told X", "Inside Victoria said"
            return named
        if current.dep_ in ("advcl", "conj", "xcomp", "ccomp") and current.head.i != current.i:
            current = current.head
        elif current.dep_ == "acl" and (_act_hung_on_an_object(current) or _issued_by_the_subject(current)):
            current = current.head.head
        elif current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            if noun.lemma_.lower() in lexicon().unnamed_heads or noun.ent_type_ or noun.dep_ == "ROOT":
                return noun  # a ROOT noun: "The show's lead actor, X, posted ...:" parsed as a fragment
            current = noun.head if noun.head.i != noun.i else noun
        elif current.dep_ == "relcl":
            return current.head
        elif current.dep_ == "pcomp" and current.head.lower_ == "as" and current.head.head.i != current.i:
            current = current.head.head  # "X was quoted (by Y) as saying": the subject of "quoted"
        elif (
            current.dep_ == "pcomp"
            and current.head.lower_ in _TIME_LINKS
            and current.head.head.pos_ == "VERB"
        ):
            current = current.head.head  # "Argentina summoned the envoy after accusing Y of Z": Argentina
        else:
            return _name_after(current)
        seen += 1
    return None


_TIME_LINKS = frozenset({"after", "before", "while", "since"})


def _act_hung_on_an_object(verb: Token) -> bool:
    """A cue the parser hung, after a comma, on the object of the verb before it, though it is that verb's
    subject's act: "denied a report that X, calling the story 'speculation'" (not "a post claiming that
    X": the post's), "Harian Ekonomi, citing two officials familiar with the talks, reported that X"."""
    noun = verb.head
    if noun.dep_ != "dobj" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return False
    participle = verb.tag_ == "VBG" and noun.lemma_.lower() in lexicon().claim_nouns
    cited = noun.head.lemma_.lower() in ("cite", "quote") and _subject(noun.head) is not None
    return participle or cited


_ISSUING = frozenset({"issue", "release", "publish", "put", "post", "send", "deliver", "read"})


def _issued_by_the_subject(verb: Token) -> bool:
    """A participle on a statement its subject put out is the subject's act: "the party issued a statement
    dismissing the accusations as 'sour grapes'" (not "shared a post claiming that X": the post's author is
    someone else)."""
    noun = verb.head
    return (
        noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _ISSUING
        and noun.lemma_.lower() in _MEDIA_NOUNS
        and _subject(noun.head) is not None
    )


def _misread_relative_subject(verb: Token, subject: Token) -> bool:
    """'The Baltic Feeder Operators' Group, which represents owners of ships that shuttle between Hamburg
    and Baltic ports, said X': the parser hangs 'said' on the name and takes 'shuttle' for its subject. A
    common noun no one speaks as, inside the name's own relative clause, gives way to the name."""
    head = verb.head
    return (
        verb.dep_ == "relcl"
        and head.pos_ == "PROPN"
        and head.ent_type_ in ("ORG", "PERSON")
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() not in lexicon().unnamed_heads
        and subject.lemma_.lower() not in lexicon().org_heads
        and subject.i < verb.i
        and any(t.tag_ in ("WDT", "WP") for t in verb.doc[head.i : subject.i])
    )


def _person_for(noun: Token) -> Token:
    """'Mette Holm, a spokeswoman for Nordhavn Exchange Group, who added': 'who' is a person, so the
    organisation the parser hung it on gives way to the role noun it follows, and that to its name."""
    if noun.ent_type_ not in ("ORG", "GPE", "NORP", "FAC") or noun.dep_ != "pobj":
        return noun
    role = noun.head.head
    if role.pos_ != "NOUN" or role.i == noun.head.i:
        return noun
    return role.head if role.dep_ == "appos" and role.head.ent_type_ == "PERSON" else role


def _is_cue_or_label(token: Token) -> bool:
    return (
        _is_cue(token)
        or token.lemma_.lower() in LABEL_VERBS
        or token.lemma_.lower() in lexicon().stance_verbs
    )


def _name_just_before(verb: Token) -> Token | None:
    """A name right before a subjectless cue, which the parser did not make its subject: set off by commas
    ('after the developer, Kestrel Property Group, told ...') or opening the sentence ('Inside Victoria
    said', read as a place phrase)."""
    doc = verb.doc
    i = verb.i - 1
    apposed = i > 0 and doc[i].text == ","
    if apposed:
        i -= 1
    if i < 0 or doc[i].pos_ != "PROPN" or doc[i].ent_type_ not in ("ORG", "PERSON"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":  # back to the first word of the name
        start -= 1
    opens = start == sentence(verb).start
    set_off = apposed and start > 0 and doc[start - 1].text == ","
    return doc[i] if opens or set_off else None


def _name_after(verb: Token) -> Token | None:
    """'..., said Lucia Ortega, whose son ...': the name right after the cue is its speaker."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and (nxt.ent_type_ in ("PERSON", "ORG") or nxt.pos_ == "PROPN"):
        return nxt
    return None


_ADDRESSING = frozenset({"tell", "inform", "assure", "brief"})  # verbs whose object is the listener
_TELL = _ADDRESSING | {"remind", "warn"}  # verbs whose 'that' clause after the object is the content


def _listener(verb: Token) -> Token | None:
    """The head of whom a cue addresses: 'told Sputnik', 'told a news conference', 'said to reporters'."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and verb.lemma_ in _ADDRESSING:
            return child
        if child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_ in ("say", "write", "explain"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _addressee(table: ActorTable, verb: Token) -> str | None:
    listener = _listener(verb)
    return None if listener is None else resolve_np(table, listener, record_pronoun=False)


_AUDIENCE_CUT = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})


def audience_text(cue: Token | None) -> str | None:
    """The listener as written when it names no actor: 'reporters', 'a news conference', 'the judge'."""
    listener = None if cue is None or cue.pos_ not in ("VERB", "AUX") else _listener(cue)
    if listener is None or listener.pos_ == "PRON":
        return None
    cut = {t.i for d in listener.subtree if d.i != listener.i and _cut_from_audience(d) for t in d.subtree}
    kept = [t for t in listener.subtree if t.i not in cut]
    return listener.doc[kept[0].i : kept[-1].i + 1].text


def _cut_from_audience(token: Token) -> bool:
    """Clauses and places hang off the listeners ('a rally outside the headquarters'); 'of' names them."""
    return token.dep_ in _AUDIENCE_CUT or (token.dep_ == "prep" and token.lower_ != "of")


def _is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if is_retort(token):  # "he shot back", "the minister hit back"
        return True
    return lemma in lexicon().speech_verbs and lemma not in _NOT_SPEECH


# -- direct quotes --------------------------------------------------------------------------------------


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


def _is_clause_quote(text: str, start: int, end: int, sent: Span) -> bool:
    """A quote that stands as its own sentence or clause, not a phrase inside someone else's sentence."""
    before = text[sent.start_char : start - 1].rstrip()
    after = text[end + 1 : end + 3].lstrip()
    starts_clause = (
        before == "" or before.endswith((":", ",", "—", "–", "-")) or text[start - 2 : start - 1] == "\n"
    )
    inner_end = text[start:end].rstrip()
    ends_clause = inner_end.endswith((",", ".", "?", "!", "…", "-", "—")) or after[:1] in ("", ",", ".", "\n")
    return starts_clause and ends_clause and len(text[start:end].split()) >= 3


def _cue_near(
    doc: Doc, quote: tuple[int, int], sents: list[Span], quotes: list[tuple[int, int]]
) -> Token | None:
    """The speech verb outside quote marks nearest to the quote, within the quote's sentences."""
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if _inside(tok.idx, quotes) or not _is_cue(tok):
                continue
            distance = min(abs(tok.idx - quote[0]), abs(tok.idx - quote[1]))
            if best is None or distance < best[0]:
                best = (distance, tok)
    return best[1] if best else None


def _sentences_of(doc: Doc, start: int, end: int) -> list[Span]:
    """Sentences overlapping [start, end), plus the next one when it only finishes the attribution."""
    sents = [s for s in sentences(doc) if s.start_char < end + 1 and s.end_char > start]
    if sents:
        last = sents[-1]
        nxt = sentence(doc[last.end]) if last.end < len(doc) else None
        if (
            nxt is not None
            and nxt.text[:1].islower()
            and not _paragraph_break(doc, last.end_char, nxt.start_char)
        ):
            sents.append(nxt)
    return sents


def _paragraph_break(doc: Doc, a: int, b: int) -> bool:
    return "\n" in text_of(doc)[a:b]


def _direct_quotes(doc: Doc, table: ActorTable, pairs: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    last: tuple[int, Token | None] | None = None  # end of the last attributed quote, its cue
    for start, end in pairs:
        sents = _sentences_of(doc, start, end)
        if not sents or not _is_clause_quote(text_of(doc), start, end, sents[0]):
            continue
        cue = _cue_near(doc, (start, end), sents, pairs)
        subj = addressee = None
        carried = False
        if cue is not None:
            subj = speaker_token(cue)
            if subj is not None and _inside(subj.idx, pairs):
                subj = None
            addressee = _addressee(table, cue)
        elif last is not None and _near_previous(doc, last[0], start):
            cue, carried = last[1], True
        text_end = _trim_end(text_of(doc), start, end)
        found.append(
            _Found(Attribution("direct", start, text_end, None, cue, addressee, None), subj, carried)
        )
        if subj is not None or cue is not None:
            last = (end, cue)
    return found


def _near_previous(doc: Doc, prev_end: int, start: int) -> bool:
    """A quote with no cue continues the previous speaker's words when nothing else intervenes much."""
    gap = text_of(doc)[prev_end:start]
    return len(gap) < 400 and gap.count("\n\n") <= 1


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop the trailing comma and spaces inside the closing mark ('rumors,"' -> 'rumors')."""
    while end > start and (text[end - 1] in ", " or text[end - 1].isspace()):
        end -= 1
    return end


# -- indirect and mixed quotes ----------------------------------------------------------------------------


def _aside_participle(verb: Token) -> Token | None:
    """'Kerrigan, asked about Marchetti before the match, said:' parsed with 'asked' as the cue's
    complement and Kerrigan as its subject: the participle is an aside, its subject the speaker's."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i > verb.i or c.tag_ not in ("VBN", "VBD") or c.i == 0:
            continue
        after = max(t.i for t in c.subtree if not t.is_punct) + 1
        set_off = c.doc[c.i - 1].text == "," and after < len(c.doc) and c.doc[after].text == ","
        if set_off and not any(a.dep_ in ("aux", "auxpass") for a in c.children):
            return c
    return None


def _complement(verb: Token) -> Token | None:
    aside = _aside_participle(verb)
    clauses = [
        c
        for c in verb.children
        if (c.dep_ == "ccomp" or _that_xcomp(c))
        and (c.pos_ in ("VERB", "AUX") or _small_clause(c))
        and (aside is None or c.i != aside.i)
    ]
    if any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children):
        # "X denied that A, after the Courier reported that B": the parser made 'reported' the root and the
        # main clause its complement; what the subordinate cue reports follows it
        clauses = [c for c in clauses if c.i > verb.i]
    if len(clauses) > 1 and _stub_before(clauses[0], clauses[1]):
        return clauses[1]
    if clauses:
        return clauses[0]
    return _complement_on_noun(verb) or _that_clause_after_aside(verb) or _clause_read_as_relative(verb)


def _stub_before(first: Token, second: Token) -> bool:
    """'told reporters that results sheets ... showed X': the parser read 'that results' as a clause of
    its own, right before the real one."""
    size = first.right_edge.i - first.left_edge.i + 1
    return size <= 2 and second.left_edge.i == first.right_edge.i + 1


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _clause_read_as_relative(verb: Token) -> Token | None:
    """'a witness told a court he had handed the lawmaker 250,000 cedis': the parser reads the reported
    clause as a relative clause on the listener; one opening with a subject pronoun right after the
    listener is what was told."""
    if verb.lemma_.lower() not in _TELL:
        return None
    listener = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if listener is None:
        return None
    clause = next((c for c in listener.children if c.dep_ == "relcl"), None)
    if clause is None or clause.left_edge.i != listener.i + 1:
        return None
    subject = clause.left_edge
    opens_with_subject = subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == clause.i
    return clause if opens_with_subject and subject.lower_ in _SUBJECT_PRONOUNS else None


def _small_clause(clause: Token) -> bool:
    """'said air monitors recorded levels consistent with 41 tons', misparsed with the adjective as the
    complement's head: a complement with a subject of its own is still a reported clause."""
    return clause.pos_ == "ADJ" and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _that_xcomp(clause: Token) -> bool:
    """'warned that traders were hoarding fuel' parsed as an open complement: its own subject and a 'that'
    before it make it a reported clause."""
    if clause.dep_ != "xcomp":
        return False
    before = [t for t in clause.subtree if t.i < clause.i]  # the parser may hang both on the auxiliary
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in before) and any(
        t.dep_ == "mark" and t.lower_ == "that" for t in before
    )


def _that_clause_after_aside(verb: Token) -> Token | None:
    """'Bloomberg reported on May 9, citing people familiar with the matter, that X': after the aside the
    parser joins the 'that' clause to the cue as a conjunct; its 'that' says it is the content."""
    for c in verb.rights:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            marks = [m for m in c.lefts if m.dep_ == "mark"]
            if marks and marks[0].lower_ == "that" and c.doc[marks[0].i - 1].text == ",":
                return c
    return None


_SUBORDINATORS = frozenset({"after", "before", "when", "since", "because", "while", "until", "as", "once"})


def _complement_on_noun(verb: Token) -> Token | None:
    """'said in a statement that X', 'told a news conference that X', 'said on a visit to the region that
    X': the parser hangs the 'that' clause on the noun; a clause whose 'that' is a complementiser (not a
    relative pronoun) is still the verb's content. Not so for a claim as object: in 'denied reports that
    X', X is what the reports say."""
    for child in verb.rights:
        if child.dep_ not in ("prep", "dobj", "dative"):
            continue
        for token in child.subtree:
            is_clause = token.dep_ in ("relcl", "acl", "ccomp") and token.pos_ in ("VERB", "AUX")
            that = any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children) or (
                verb.lemma_ in _TELL and _that_misread_as_relative(token)
            )
            if is_clause and that and token.head.pos_ in ("NOUN", "PROPN") and _setting(token.head):
                return token
            if is_clause and that and _published_setting(token.head):
                return token  # "said in a report published on Thursday that X": on the participle
    return None


_PUBLISHING = frozenset({"publish", "release", "issue", "post", "file", "submit"})


def _published_setting(participle: Token) -> bool:
    """'a report published on Thursday', 'a statement issued late on Monday': a setting and its date."""
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and participle.lemma_.lower() in _PUBLISHING
        and participle.head.pos_ == "NOUN"
        and _setting(participle.head)
    )


def _that_misread_as_relative(clause: Token) -> bool:
    """'told a meeting of party members that he would run': the parser made 'that' the object of a relative
    clause, but the clause has its own subject and object slot filled by 'that' alone; after 'told' it is
    the content."""
    first = clause.doc[clause.left_edge.i]
    return (
        first.lower_ == "that"
        and first.dep_ == "dobj"
        and first.head.i == clause.i
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children)
    )


def _setting(noun: Token) -> bool:
    """Where or how something was said ('in a statement', 'a news conference'), not a claim ('a report')."""
    occasion = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at", "during")  # not 'comment on reports'
    return occasion or noun.lower_ not in lexicon().claim_nouns


_NARRATIVE_MARKS = frozenset({"although", "though", "whereas", "after"})


def _second_that_clause(child: Token) -> bool:
    """'said A and that B' reports two things: B is a quote of its own."""
    return child.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)


def _narrative_clause(child: Token, *, claim: bool = False) -> bool:
    """', although the prosecution did not allege ...' / 'after London ordered ...': the writer's context.

    In a quote an 'after' clause is the writer's only when a comma sets it off (', two days after a blog
    reported the breach'); without one it is mostly the speaker's ('said names were removed only after a
    notice had been issued'). Claims leave every 'after' clause out.
    """
    if child.dep_ != "advcl":
        return False
    mark = next((c for c in child.children if c.dep_ == "mark"), None)
    if mark is None or mark.i < child.head.i:
        return False
    set_off = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
    if mark.lower_ == "after" and not claim and not set_off:
        return False
    even_as = mark.lower_ == "as" and mark.i > 0 and mark.doc[mark.i - 1].lower_ == "even"
    return mark.lower_ in _NARRATIVE_MARKS or even_as


# Acts of the speaker that follow a report with 'and' and no subject of their own: 'said A and blamed B'.
_SPEAKER_ACTS = frozenset(
    {"blame", "accuse", "urge", "criticise", "criticize", "condemn", "appeal", "decline", "refuse"}
)


def _speakers_next_act(child: Token) -> bool:
    """'said the talks failed and called the offer "an insult"' (or 'and it called'): the speaker's next
    act, not the content;
    'said he was ashamed and had written letters' keeps its second verb (an auxiliary: still reported), as
    does 'said every packet had been checked and found sealed' (the participle shares the auxiliaries)."""
    if child.dep_ != "conj" or child.pos_ != "VERB":  # the cheap tests first: most children fail them
        return False
    lex = lexicon()
    lemma = child.lemma_.lower()
    is_act = lemma in lex.speech_verbs or lemma in lex.stance_verbs or lemma in _SPEAKER_ACTS
    bare = not any(c.dep_ in ("aux", "auxpass") for c in child.children)
    # "had been checked and found sealed": a participle sharing the clause's auxiliaries is reported
    shares_auxiliary = child.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in child.head.children)
    subject = _subject(child)
    # "said the studio would remain open, and it called the report 'pure speculation'": a pronoun that
    # labels something is the speaker again
    labels = subject is not None and subject.pos_ == "PRON" and lemma in LABEL_VERBS
    return (subject is None or labels) and is_act and bare and not shares_auxiliary


def content_roots(root: Token) -> list[Token]:
    """The propositions of one complement: 'said A and that B' -> [A, B]."""
    # the parser may join 'and that B' to a clause inside A ('... before it won X and that B')
    return [root, *(c for c in root.subtree if c.i != root.i and _second_that_clause(c))]


# what a statement does to earlier ones (', contradicting a statement by her deputy'): the writer's note
_REPLY_ACTS = frozenset({"contradict", "echo", "reverse", "repeat", "reiterate", "cite", "confirm"})
_REPLY_OR_OWN_ACTS = _REPLY_ACTS | _SPEAKER_ACTS


def _act_participles(doc: Doc, subtree: list[Token]) -> set[int]:
    """', dismissing the report' among the content's tokens: the speaker's own act, with its comma."""
    lex = lexicon()
    found: set[int] = set()
    for tok in subtree:
        if tok.dep_ != "advcl" or tok.tag_ != "VBG":
            continue
        lemma = tok.lemma_.lower()
        is_act = lemma in lex.speech_verbs or lemma in lex.stance_verbs or lemma in _REPLY_OR_OWN_ACTS
        if is_act and tok.i > 0 and doc[tok.i - 1].text == ",":
            found.update(t.i for t in tok.subtree)
            found.add(tok.i - 1)
    return found


def _writers_gloss(doc: Doc, subtree: list[Token]) -> set[int]:
    """', a finding the department immediately denied' after the content: the writer's note on it, with its
    comma (a claim noun in apposition, with a clause of its own)."""
    found: set[int] = set()
    claim_nouns = lexicon().claim_nouns
    for tok in subtree:
        gloss = tok.dep_ == "appos" and (tok.lower_ in claim_nouns or tok.lemma_.lower() in claim_nouns)
        after_comma = tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
        if gloss and after_comma and any(c.dep_ in ("relcl", "acl") for c in tok.children):
            found.update(t.i for t in tok.subtree)
            found.add(tok.left_edge.i - 1)
    return found


def content_bounds(doc: Doc, root: Token, *, split: bool = False) -> tuple[int, int]:
    """Character range of a complement clause, without 'that' and without the speaker's next act.

    With `split`, a second 'and that B' clause is left out (claims take each proposition separately;
    a quote keeps the whole speech act).
    """
    lex = lexicon()
    excluded: set[int] = set()
    for child in root.children:
        lemma = child.lemma_.lower()
        participle = (  # ", telling reporters ...", ", hitting back at a newspaper report ..."
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and (lemma in lex.speech_verbs or lemma in lex.stance_verbs or lemma in _ANSWERING_OR_OWN_ACTS)
            # "she had written to the firm asking it to publish its data": without a comma, reported
            and child.left_edge.i > 0
            and doc[child.left_edge.i - 1].text in (",", "—", "-")
        )
        if _within_open_quote(doc, root, child):
            continue  # 'was "within the rules and fully declared."': the speaker's own words, whole
        if (
            participle
            or (split and _second_that_clause(child))
            or _narrative_clause(child, claim=split)
            or _speakers_next_act(child)
        ):
            excluded.update(t.i for t in child.subtree)
            excluded.update(c.i for c in root.children if c.dep_ == "cc" and c.i < child.i)
    subtree = list(root.subtree)
    excluded |= _act_participles(doc, subtree) | _writers_gloss(doc, subtree)
    tokens = [t for t in subtree if t.i not in excluded and not t.is_space]
    that = next((c for c in root.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if that is None and _that_misread_as_relative(root):
        that = doc[root.left_edge.i]
    if that is not None:  # "reported, citing two sources, that X": the content starts after "that"
        tokens = [t for t in tokens if t.i > that.i]
    tokens = _without_leading_setting(root, tokens)  # "said on Tuesday it had": the saying's date
    while tokens and (
        (tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if")) or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in _CLOSE:
        tokens = tokens[:-1]
    if not tokens:
        return root.idx, root.idx + len(root.text)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return start, _close_open_mark(text_of(doc), start, end)


def _within_open_quote(doc: Doc, root: Token, child: Token) -> bool:
    """Is `child` inside quote marks opened after the start of the clause `root` heads?"""
    between = text_of(doc)[root.left_edge.idx : child.idx]
    return between.count('"') % 2 == 1 or between.count("“") > between.count("”")


_ANSWERING = frozenset({"hit", "respond", "react", "reply", "counter", "rebuff"})  # the speaker's act
_ANSWERING_OR_OWN_ACTS = _ANSWERING | _SPEAKER_ACTS


def _without_leading_setting(root: Token, tokens: list[Token]) -> list[Token]:
    """Drop a date or a medium that opens a complement before its subject ('said on Tuesday it had ...',
    'said in a statement it had made no such request'): the parser hangs them on the content verb, but
    they tell when and how the speaker spoke."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    first = tokens[0] if tokens else None
    if first is None or subject is None or first.i >= subject.left_edge.i:
        return tokens
    phrase = first if first.head.i == root.i else None
    dated = phrase is not None and (
        phrase.ent_type_ in ("DATE", "TIME") or any(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree)
    )
    medium = (
        phrase is not None
        and phrase.dep_ == "prep"
        and any(c.dep_ == "pobj" and c.lower_ in _MEDIA_NOUNS for c in phrase.children)
    )
    if phrase is None or not (dated or medium) or phrase.right_edge.i >= subject.left_edge.i:
        return tokens
    return [t for t in tokens if t.i > phrase.right_edge.i and not (t.is_punct and t.i < subject.left_edge.i)]


_MEDIA_NOUNS = frozenset(
    {"statement", "interview", "letter", "filing", "note", "post", "email", "e-mail", "release", "message"}
)


_CLOSING_MARK = re.compile(r"[^\n]{0,6}?[”\"»]")


def _close_open_mark(text: str, start: int, end: int) -> int:
    """Content that opens a quote mark runs to the closing mark ('was "another hoax."')."""
    inner = text[start:end]
    opens = sum(inner.count(c) for c in "“«") + inner.count('"')
    closes = sum(inner.count(c) for c in "”»")
    straight_unbalanced = inner.count('"') % 2 == 1
    if (opens - inner.count('"')) > closes or straight_unbalanced:
        m = _CLOSING_MARK.match(text, end)
        if m:
            return m.end()
        return end
    tail = _QUOTED_TAIL.match(text, end)  # 'asked for funds three weeks ago "and heard nothing back."'
    return tail.end() if tail else end


# a quoted continuation in lower case that ends the sentence, which the parser hung elsewhere
_QUOTED_TAIL = re.compile(
    r' ["“](?:and|but|or|because|as|which|while)\b[^"”\n]{1,160}[.,!?]["”](?=\s*(?:\n|$|[A-Z"“]))'
)


_DOCUMENTS = frozenset(
    {"results", "figures", "data", "report", "statement", "survey", "study", "poll", "estimates", "count",
     "tally", "records", "documents", "projections", "statistics", "numbers", "findings"}
)  # fmt: skip


def _document_author(noun: Token) -> Token | None:
    """'according to preliminary results published by the National Civil Registry': the registry."""
    if noun.lower_ not in _DOCUMENTS:
        return None
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            author = (
                next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            )
            if author is not None:
                return author
    if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return _issuer_before(noun)
    # "according to ministry figures", "according to police data": the body named in the compound
    issuer = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1), None)
    if issuer is not None and (issuer.lower_ in lexicon().org_heads or issuer.pos_ == "PROPN"):
        return issuer
    return None


def _issuer_before(noun: Token) -> Token | None:
    """'according to the statement' after 'In a statement, the ministry said ...': who said it in that
    statement (the subject of the latest speech verb with 'in a <noun>' before it)."""
    speech = lexicon().speech_verbs
    for earlier in reversed(noun.doc[: noun.i]):
        if earlier.lemma_ != noun.lemma_ or earlier.dep_ != "pobj" or earlier.head.lower_ != "in":
            continue
        verb = earlier.head.head
        if verb.lemma_.lower() in speech:
            return _subject(verb)
    return None


def _named_in_apposition(doc: Doc, noun: Token, last: int) -> Token | None:
    """The last word of a person's name set off by commas right after a described source ('his agent,
    Paulo Sena,'), which the parser made the clause's subject."""
    if noun.pos_ != "NOUN" or last + 3 >= len(doc) or doc[last + 1].text != ",":
        return None
    first = doc[last + 2]
    ent = next((e for e in doc.ents if e.start == first.i and e.label_ == "PERSON"), None)
    if ent is None or ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return doc[ent.end - 1]


def _clause_before(before: list[Token], according: Token) -> bool:
    """A whole clause (a finite verb and its subject) ends at the comma before 'according to'."""
    if len(before) < 4 or before[-1].text != "," or according.i == 0:
        return False
    heads = [t for t in before if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN", "VB")]
    return any(any(c.dep_ in ("nsubj", "nsubjpass") and c.i < according.i for c in h.children) for h in heads)


def _according_to(doc: Doc) -> list[_Found]:
    found = []
    forms = lower_forms(doc)
    for i, low in enumerate(forms[:-1]):
        if low == "according" and forms[i + 1] == "to":
            tok = doc[i]
            pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            pobj = _document_author(pobj) or pobj
            sent = sentence(tok)
            phrase = {t.i for t in doc[tok.i + 1].subtree} | {tok.i}
            named = _named_in_apposition(doc, pobj, max(phrase))
            if named is not None:  # "According to his agent, Paulo Sena, the striker wants ...": Sena
                pobj = named
                phrase |= set(range(max(phrase) + 1, named.i + 2))
            last = max(phrase)
            swallowed = last + 1 < sent.end and doc[last + 1].pos_ in ("VERB", "AUX")
            commas = [i for i in phrase if doc[i].text == "," and i > tok.i]
            if swallowed and commas and all(t.is_punct or t.is_space for t in doc[sent.start : tok.i]):
                # "According to a report in El Altiplano, a waste pond ... overflowed": the parser hung
                # the clause's subject on the phrase, which ends at its last comma
                phrase = set(range(tok.i, max(commas) + 1))
            rest = [t for t in sent if t.i not in phrase and not t.is_space]
            before = [t for t in rest if t.i < tok.i]
            if _clause_before(before, tok):
                # "The plant employs about 2,100 people, according to the company, making it ...": what
                # the source says is the clause the phrase follows, not the comment after it
                rest = before
            while rest and rest[0].is_punct:
                rest = rest[1:]
            while rest and rest[-1].is_punct:
                rest = rest[:-1]
            if len(rest) < 3:
                continue
            start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
            found.append(_Found(Attribution("indirect", start, end, None, tok, None, sent.root), pobj))
    return found


def _indirect_quotes(doc: Doc, table: ActorTable, direct: list[Attribution]) -> list[_Found]:
    found: list[_Found] = []
    speech = lexicon().speech_verbs  # 'question', 'doubt' (see `_asks_whether`) are among them
    for i, lemma in enumerate(lower_lemmas(doc)):
        if lemma not in speech and lemma not in _QUOTE_CUE_EXTRA:  # neither a cue nor an extra one
            continue
        verb = doc[i]
        if not (_is_cue(verb) or lemma in _QUOTE_CUE_EXTRA or _asks_whether(verb)) or _no_attribution(verb):
            continue
        root = _complement(verb)
        if root is None and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            root = verb.head
        if root is None:
            trailing = _trailing_attribution(doc, table, verb, direct)
            if trailing is not None:
                found.append(trailing)
            continue
        subject = speaker_token(verb)
        for content in [root, *_later_that_clauses(verb, root)]:
            quote = _indirect_quote(doc, table, verb, content, subject, direct)
            if quote is not None:
                found.append(quote)
    return found


def _later_that_clauses(verb: Token, root: Token) -> list[Token]:
    """'said it was too early to say, but that it had opened its own inquiry': a second 'that' clause the
    parser joined to the cue itself."""
    if root.head.i != verb.i:
        return []
    return [c for c in verb.rights if c.i > root.i and _second_that_clause(c) and _subject(c) is not None]


def _asks_whether(verb: Token) -> bool:
    """'questioned whether trading had improved', 'doubted that ...': a doubt voiced about a clause is
    reported speech too (its stance is 'questions')."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _DOUBT_CUES:
        return False
    return any(
        c.dep_ == "ccomp"
        and any(m.dep_ == "mark" and m.lower_ in ("whether", "if", "that") for m in c.children)
        for c in verb.children
    )


_DOUBT_CUES = frozenset({"question", "doubt", "dispute", "challenge"})
_ADDRESSEE_VERBS = frozenset({"tell", "warn", "inform", "assure", "advise", "brief", "remind", "notify"})


def _no_attribution(verb: Token) -> bool:
    """'the prosecution did not allege that X', 'allies had been warned that X' (by no one named): no one is
    said to have said X."""
    children = list(verb.children)
    negated = any(c.dep_ == "neg" for c in children) or neither_nor(verb)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    agent = any(c.dep_ == "agent" for c in children)
    # "declined to say when the review would be finished": nothing was said
    refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSALS
    # "it was too early to say whether X", "hard to tell": a judgement on knowing, not a saying
    judged = verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ"
    # "X accused Y of Z, a charge Montevideo denied": the denial answers the charge, it does not report X
    answered = apposed_claim_noun(verb) is not None
    passive_told = passive and not agent and verb.lemma_.lower() in _ADDRESSEE_VERBS
    return negated or refused or judged or answered or passive_told


_REFUSALS = frozenset({"decline", "refuse", "fail"})


def neither_nor(verb: Token) -> bool:
    """'neither confirmed nor denied that X': both verbs are negated."""
    first = verb.head if verb.dep_ == "conj" else verb
    return any(c.lower_ == "neither" for c in first.children) or (
        verb.dep_ == "conj" and any(c.lower_ == "nor" for c in first.children)
    )


def _trailing_attribution(
    doc: Doc, table: ActorTable, verb: Token, direct: list[Attribution]
) -> _Found | None:
    """'<clause>, researchers said on Wednesday.' when the parser did not link the clause to the cue."""
    subj = _subject(verb)
    if subj is None or subj.i > verb.i or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return None
    comma = subj.left_edge.i - 1
    sent = sentence(verb)
    if comma <= sent.start or doc[comma].text != ",":
        return None
    tokens = [t for t in doc[sent.start : comma] if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].idx < table.body_start):
        tokens = tokens[1:]
    if len(tokens) < 6:  # a clause before ", X said" is the content even when the tagger found no verb
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if any(d.start <= start < d.end or start <= d.start < end for d in direct):
        return None
    attribution = Attribution(
        "indirect", start, end, None, verb, _addressee(table, verb), None, unparsed_content=True
    )
    return _Found(attribution, subj)


def _indirect_quote(
    doc: Doc, table: ActorTable, verb: Token, root: Token, subj: Token | None, direct: list[Attribution]
) -> _Found | None:
    start, end = content_bounds(doc, root)
    if verb.dep_ == "parataxis" and verb.i > root.i:  # "X happened, she said, adding ...": X
        end = min(end, _before_parenthetical(doc, verb))
    # "Passengers, she said, would be offered refunds": the whole clause, the aside inside it as written
    if end - start < 8 or any(d.start <= start and end <= d.end + 2 for d in direct):
        return None
    if any(start < d.end and d.start < end and (end - start) < 2 * (d.end - d.start) for d in direct):
        return None
    aside = verb.dep_ == "parataxis" and subj is not None and subj.head.i == verb.i  # "X, she said, Y"
    if subj is not None and start <= subj.idx < end and not aside:
        subj = None
    inner = text_of(doc)[start:end]
    kind: QuoteKind = "mixed" if any(c in inner for c in '"“”') else "indirect"
    return _Found(Attribution(kind, start, end, None, verb, _addressee(table, verb), root), subj)


def _reported_label(label: Attribution, quote: Attribution) -> bool:
    """A labelling verb with a noun subject of its own inside another cue's reported clause."""
    cue, root = label.cue, quote.content_root
    if cue is None or root is None or quote.cue is None or cue.i == quote.cue.i:
        return False
    subject = _subject(cue)
    inside = _covers_any(quote, [label])
    return inside and subject is not None and subject.pos_ == "NOUN" and cue in root.subtree


def _covers_any(quote: Attribution, others: list[Attribution]) -> bool:
    return any(quote.start <= o.start and o.end <= quote.end + 2 for o in others)


def _before_parenthetical(doc: Doc, verb: Token) -> int:
    left = min(t.idx for t in verb.subtree)
    end = left
    while end > 0 and (text_of(doc)[end - 1] in " ,"):
        end -= 1
    return end


LABEL_VERBS = frozenset({"call", "describe", "dismiss", "label", "brand", "term", "deem", "characterize"})


def _labelling_quotes(doc: Doc, pairs: list[tuple[int, int]]) -> list[_Found]:
    """'called the allegation "completely false"': the object and its quoted label, as a mixed quote."""
    found = []
    for start, end in pairs:
        inner = doc.char_span(start, end, alignment_mode="expand")
        if inner is None:
            continue
        # "calling a ransom note posted online 'a crude attempt at extortion'": the parser may hang the
        # label on a verb inside the object; the labelling verb is further up
        verb = (
            next(
                (t for t in inner.root.ancestors if t.pos_ == "VERB" and t.lemma_.lower() in LABEL_VERBS),
                None,
            )
            or _label_verb_just_before(inner)
            or _labelled_as(inner)
            or _accused_in_words(inner)
        )
        if verb is None or verb.idx > start:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or _object_inside_label(verb, inner)
        if obj is None or obj.idx > start:
            continue
        q_start = obj.left_edge.idx
        q_end = _trim_end(text_of(doc), q_start, min(len(text_of(doc)), end + 1))
        found.append(
            _Found(Attribution("mixed", q_start, q_end, None, verb, None, None), speaker_token(verb))
        )
    return found


def _accused_in_words(inner: Span) -> Token | None:
    """'accused it of "tailoring the course to one man"': the accuser's own words for the act, a label
    of the accused as 'calling it "X"' is."""
    for verb in inner.root.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() == "accuse":
            of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inside = of is not None and of.i < inner.start and inner.root in of.subtree
            return verb if inside and any(c.dep_ == "dobj" for c in verb.children) else None
    return None


# verbs that label what they judge only through 'as': 'rejected the proposal as "unworkable"'
_AS_LABEL_VERBS = frozenset(
    {"reject", "denounce", "condemn", "decry", "slam", "hail", "criticise", "criticize"}
)


def _labelled_as(inner: Span) -> Token | None:
    """The verb of 'rejected the proposal as "unworkable"': the quoted words hang on its 'as'."""
    for prep in (t for t in inner.root.ancestors if t.dep_ == "prep" and t.lower_ == "as"):
        verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # 'as' may hang on the object
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _AS_LABEL_VERBS:
            return verb
    return None


def _label_verb_just_before(inner: Span) -> Token | None:
    """'calling a ransom note posted online "a crude attempt at extortion"', parsed with the label under
    'posted' and 'posted' under another noun: the labelling verb a few words before the quote."""
    doc = inner.doc
    for tok in reversed(doc[max(sentence(inner[0]).start, inner.start - 8) : inner.start]):
        if tok.pos_ == "VERB" and tok.lemma_.lower() in LABEL_VERBS:
            return tok if any(c.dep_ in ("dobj", "oprd") for c in tok.children) else None
    return None


def _object_inside_label(verb: Token, inner: Span) -> Token | None:
    """'calling the $3 billion figure "market noise"' parsed as one predicate ('figure' hung on 'noise'):
    the noun between the verb and the quote is the object."""
    between = verb.doc[verb.i + 1 : inner.start]
    return next((t for t in between if t.dep_ == "nmod" and t.pos_ == "NOUN"), None)


def _reading_position(found: _Found) -> int:
    """Where a reader meets the speaker: the subject, else the cue, else the quote itself."""
    if found.subject is not None and not found.carried:
        return int(found.subject.idx)
    if found.attribution.cue is not None and not found.carried:
        return int(found.attribution.cue.idx)
    return found.attribution.start


def _attribute(table: ActorTable, found: list[_Found]) -> list[Attribution]:
    """Speakers resolved in reading order, so a pronoun or a description can refer to an earlier speaker.

    A carried quote takes the speaker of the direct quote before it.
    """
    last_direct: str | None = None
    out = []
    for item in sorted(found, key=_reading_position):
        att = item.attribution
        if item.carried:
            speaker = last_direct
        elif item.subject is not None:
            speaker = resolve_speaker(table, item.subject)
            if speaker is not None:
                table.add_speaker(item.subject, speaker)
        else:
            speaker = None
        if att.kind == "direct" and (item.subject is not None or att.cue is not None):
            last_direct = speaker
        out.append(replace(att, speaker=speaker))
    return out


def find_quotes(doc: Doc, table: ActorTable) -> list[Attribution]:
    pairs = quote_mark_pairs(text_of(doc))
    direct = _direct_quotes(doc, table, pairs)
    labelled = _labelling_quotes(doc, pairs)
    direct_spans = [f.attribution for f in direct]
    found = _indirect_quotes(doc, table, direct_spans)
    # 'saying pupils had described questions that matched the paper "word for word"': a label someone
    # else's words give inside what the speaker said is part of the speaker's quote
    labelled = [f for f in labelled if not any(_reported_label(f.attribution, i.attribution) for i in found)]
    labelled_spans = [f.attribution for f in labelled]
    indirect = [f for f in found if not _covers_any(f.attribution, labelled_spans)]
    quotes = _attribute(table, direct + labelled + indirect + _according_to(doc))
    return sorted(quotes, key=lambda q: (q.start, q.end))
