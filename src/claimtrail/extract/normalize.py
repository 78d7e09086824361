"""A claim as a self-contained statement: names resolved, asides dropped ("Nicolas Maduro asked Russia ...").

Rules, in order: quoted or comma-delimited relative clauses and 'amid ...' circumstances are dropped; a
title that only introduces a name is dropped; each actor mention becomes the actor's canonical name
("Maduro", "he" -> "Nicolas Maduro"; "Moscow" acting -> "Russia"); "the country's" becomes the country's
name; the past perfect becomes the simple past; "X of being Y" (accusations) becomes "X is Y".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimtrail.extract.actors import ActorTable, is_role, recent_country
from claimtrail.extract.references import resolve_pronoun
from claimtrail.extract.sentences import sentence, text_of

_DROP_PREPS = frozenset({"amid", "amidst"})
_NAMES_WITH_THE = frozenset(
    {
        "United States",
        "United Kingdom",
        "Netherlands",
        "Philippines",
        "European Union",
        "United Arab Emirates",
        "Czech Republic",
        "Kremlin",
        "White House",
        "Pentagon",
    }
)
_QUOTES = frozenset({'"', "“", "”", "«", "»"})


def _dropped_tokens(span: Span, table: ActorTable) -> set[int]:
    drop: set[int] = set()
    for tok in span:
        if tok.dep_ == "relcl" and _is_aside(tok):
            drop.update(t.i for t in tok.subtree)
        if tok.dep_ == "prep" and tok.lower_ in _DROP_PREPS:
            drop.update(t.i for t in tok.subtree)
        if tok.i in table.title_tokens and _title_is_aside(tok, table):
            drop.add(tok.i)
        perfect = tok.lower_ == "had" and tok.dep_ == "aux" and tok.head.tag_ == "VBN"
        if perfect and tok.head.i == tok.i + 1 and simple_past(tok.head) is not None:
            drop.add(tok.i)  # past perfect -> simple past, only when nothing ("not", "been") intervenes
        if tok.text in _QUOTES:
            drop.add(tok.i)
    return drop | _orphan_commas(span, drop)


# Participles whose simple past differs ("had stolen" -> "stole"); any other participle not ending in -ed
# keeps its "had" ("had been drunk" stays: "was" or "were" depends on the subject).
_IRREGULAR_PAST = {
    "arisen": "arose", "awoken": "awoke", "beaten": "beat", "become": "became", "begun": "began",
    "bitten": "bit", "blown": "blew", "broken": "broke", "chosen": "chose", "come": "came", "done": "did",
    "drawn": "drew", "driven": "drove", "drunk": "drank", "eaten": "ate", "fallen": "fell", "flown": "flew",
    "forbidden": "forbade", "forgiven": "forgave", "forgotten": "forgot", "frozen": "froze", "given": "gave",
    "gone": "went", "gotten": "got", "grown": "grew", "hidden": "hid", "known": "knew", "overseen": "oversaw",
    "overtaken": "overtook", "overthrown": "overthrew", "ridden": "rode", "risen": "rose", "run": "ran",
    "rung": "rang", "seen": "saw", "shaken": "shook", "shown": "showed", "shrunk": "shrank", "sung": "sang",
    "sunk": "sank", "spoken": "spoke", "stolen": "stole", "stridden": "strode", "striven": "strove",
    "sworn": "swore", "swum": "swam", "taken": "took", "thrown": "threw", "torn": "tore",
    "undertaken": "undertook", "withdrawn": "withdrew", "woken": "woke", "worn": "wore", "woven": "wove",
    "written": "wrote", "mistaken": "mistook", "undergone": "underwent", "foreseen": "foresaw",
}  # fmt: skip
_SAME_PAST = frozenset(
    {
        "bought", "brought", "built", "caught", "cut", "dealt", "fed", "felt", "fled", "found", "fought",
        "got", "had", "heard", "held", "hit", "hurt", "kept", "laid", "led", "left", "lent", "let", "lost",
        "made", "meant", "met", "paid", "put", "quit", "read", "said", "sent", "set", "shot", "shut", "sold",
        "sought", "spent", "split", "spread", "stood", "struck", "stuck", "taught", "thought", "told",
        "understood", "won", "wound", "bound", "bent", "burnt", "dug", "hung", "lit", "slept", "swept",
    }
)  # fmt: skip


def simple_past(participle: Token) -> str | None:
    """The simple past of a past participle ('stolen' -> 'stole', 'approved'), None when unsure ('been')."""
    low = participle.lower_
    if low in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[low]
    if low in _SAME_PAST or (low.endswith("ed") and len(low) > 3):
        return participle.text
    return None


def _orphan_commas(span: Span, drop: set[int]) -> set[int]:
    """Commas that only set off something dropped ('Washington, which ..., of' -> 'Washington of')."""
    doc = span.doc
    orphans = set()
    for tok in span:
        if tok.text != "," or tok.i in drop:
            continue
        prev_dropped = tok.i - 1 in drop
        next_dropped = tok.i + 1 in drop
        if prev_dropped or next_dropped:
            orphans.add(tok.i)
            continue
        # the comma closing "<title>, <name>," once the title is gone
        j = tok.i - 1
        while j >= span.start and doc[j].ent_type_ == "PERSON":
            j -= 1
        if j < tok.i - 1 and j >= span.start and doc[j].text == "," and j in drop | orphans:
            orphans.add(tok.i)
    return orphans


def _is_aside(relcl: Token) -> bool:
    """A relative clause set off by commas or quote marks adds detail; one without them restricts."""
    doc = relcl.doc
    left = relcl.left_edge.i
    prev = doc[left - 1] if left > 0 else None
    return prev is not None and (prev.text in (",", *_QUOTES))


def _title_is_aside(tok: Token, table: ActorTable) -> bool:
    """Title tokens are dropped only when a name of the same actor follows or precedes them."""
    doc = tok.doc
    for j in range(tok.i + 1, min(len(doc), tok.i + 12)):
        if j in table.token_actor:
            return True
        if j not in table.title_tokens and doc[j].text != ",":
            return False
    return False


def _render(span: Span, table: ActorTable, drop: set[int], replace: dict[int, str] | None = None) -> str:
    doc = span.doc
    parts: list[str] = []
    last_actor: str | None = None
    i = span.start
    while i < span.end:
        tok = doc[i]
        key = table.token_actor.get(i)
        if replace and i in replace:
            parts.append(replace[i] + tok.whitespace_)
            last_actor = None
            i += 1
            continue
        if i in drop:
            parts.append(" " if tok.whitespace_ else "")
            i += 1
            continue
        modifier = tok.dep_ in ("compound", "amod") and table.kind(key or "") == "GPE" if key else False
        if key is not None and table.kind(key) in ("PERSON", "GPE", "ORG") and not modifier:
            if key != last_actor:
                name = table.name(key)
                if tok.tag_ == "PRP$" or (tok.dep_ == "poss" and tok.pos_ == "PRON"):
                    name += "'s"  # "his town" -> "Franz Huber's town"
                article = (
                    "the "
                    if name in _NAMES_WITH_THE and not (parts and parts[-1].strip().lower() == "the")
                    else ""
                )
                parts.append(article + name + tok.whitespace_)
            last_actor = key
            i += 1
            if tok.tag_ == "POS":
                parts.append(tok.text_with_ws)
            continue
        last_actor = None
        if tok.tag_ == "VBN" and i - 1 in drop and doc[i - 1].lower_ == "had" and doc[i - 1].head.i == i:
            parts.append((simple_past(tok) or tok.text) + tok.whitespace_)  # "had stolen" -> "stole"
            i += 1
            continue
        if (
            tok.lower_ in ("country", "nation")
            and i + 1 < span.end
            and doc[i + 1].tag_ == "POS"
            and i > 0
            and doc[i - 1].lower_ == "the"
        ):
            country = recent_country(table, tok.idx)
            if country:
                while parts and parts[-1].strip().lower() in ("the", ""):
                    parts.pop()
                parts.append(" " + country)
                i += 1
                continue
        parts.append(tok.text_with_ws)
        i += 1
    return "".join(parts)


_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_DOUBLE_COMMA = re.compile(r",\s*,")
_OF_BEING = re.compile(r"\bof being\b")
_OF_GERUND = re.compile(r"^(.*?) of (\w+ing)\b")


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text)
    text = _OF_BEING.sub("is", text)
    text = _OF_GERUND.sub(lambda m: f"{m.group(1)} is {m.group(2)}", text, count=1)
    text = text.strip(" ,;:.")
    for obj, subj in _OBJECT_TO_SUBJECT.items():  # "accusing them of helping" -> "They are helping"
        if text.startswith(obj):
            text = subj + text[len(obj) :]
    return text[:1].upper() + text[1:]


_OBJECT_TO_SUBJECT = {
    "them is ": "they are ",
    "Them is ": "they are ",
    "him is ": "he is ",
    "Him is ": "he is ",
    "her is ": "she is ",
    "Her is ": "she is ",
    "us is ": "we are ",
    "Us is ": "we are ",
}


# Only person pronouns: replacing "it"/"they" with the speaker's name was tried and made trail linking worse
# (statements that start with an organisation's name pull unrelated claims of one article together).
_SUBJECT_PRONOUNS = {"he": "m", "she": "f"}


def _pronoun_subject(span: Span, table: ActorTable) -> Token | None:
    """'he' in 'he had failed an alcohol test': a subject pronoun the actor table left unresolved."""
    first = next((t for t in span if not (t.is_punct or t.is_space)), None)
    if first is None or first.pos_ != "PRON" or first.lower_ not in _SUBJECT_PRONOUNS:
        return None
    if first.dep_ not in ("nsubj", "nsubjpass") or first.i in table.token_actor:
        return None
    return first


def _antecedent(pronoun: Token, table: ActorTable, speaker: str | None) -> str | None:
    """Who a claim's subject pronoun stands for, as a name or a short noun phrase.

    The speaker first when the pronoun fits ('Smith said he had ...'); then the person it most likely
    refers to; else the nearest earlier role noun subject ('The captain of a ferry ... had not been
    drinking, his lawyer said, rejecting reports that he had failed an alcohol test').
    """
    gender = _SUBJECT_PRONOUNS[pronoun.lower_]
    is_person = speaker is not None and speaker in table.entries and table.kind(speaker) == "PERSON"
    if speaker is not None and is_person and table.gender(speaker) in (None, gender):
        return table.name(speaker)
    key = resolve_pronoun(table, pronoun)
    if key is not None:
        return table.name(key)
    role = _role_antecedent(pronoun)
    return _role_phrase(role) if role is not None else None


def _role_antecedent(pronoun: Token) -> Token | None:
    """The nearest earlier role noun subject in this or the previous sentence, not 'his lawyer' for 'he'."""
    doc = pronoun.doc
    sent = sentence(pronoun)
    start = sentence(doc[sent.start - 1]).start if sent.start > 0 else sent.start
    for i in range(pronoun.i - 1, start - 1, -1):
        tok = doc[i]
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN" or not is_role(tok):
            continue
        possessed = any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in tok.children)
        if not possessed and tok.tag_ == "NN":
            return tok
    return None


def _role_phrase(noun: Token) -> str:
    """'The captain of a Greek ferry' from 'The captain of a Greek ferry that ran aground off ...'."""
    keep = [t for t in noun.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss")]
    words = [*(t.text for t in keep), noun.text]
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None:
        inner = [t.text for t in pobj.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss")]
        words += ["of", *inner, pobj.text]
    return " ".join(words)


def normalize_claim(
    doc: Doc,
    table: ActorTable,
    start: int,
    end: int,
    subject: str | None = None,
    speaker: str | None = None,
) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return _tidy(text_of(doc)[start:end])
    replace: dict[int, str] = {}
    pronoun = _pronoun_subject(span, table) if subject is None else None
    if pronoun is not None:
        name = _antecedent(pronoun, table, speaker)
        if name is not None:
            replace[pronoun.i] = name
    rendered = _render(span, table, _dropped_tokens(span, table), replace)
    if subject is not None:
        rendered = f"{subject} {rendered}"
    return _tidy(rendered)


def normalize_status(doc: Doc, table: ActorTable, subject: Token, predicate: Span) -> str:
    """'declared Maduro a usurper' -> 'Nicolas Maduro is a usurper'."""
    key = table.token_actor.get(subject.i)
    name = table.name(key) if key else subject.text
    rendered = _render(predicate, table, _dropped_tokens(predicate, table))
    return _tidy(f"{name} is {rendered}")
