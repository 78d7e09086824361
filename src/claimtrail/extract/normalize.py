"""A claim as a self-contained statement: names resolved, asides dropped ("Nicolas Maduro asked Russia ...").

Rules, in order: quoted or comma-delimited relative clauses and 'amid ...' circumstances are dropped; a
title that only introduces a name is dropped; each actor mention becomes the actor's canonical name
("Maduro", "he" -> "Nicolas Maduro"; "Moscow" acting -> "Russia"); "the country's" becomes the country's
name; the past perfect becomes the simple past; "X of being Y" (accusations) becomes "X is Y".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimtrail.extract.actors import ActorTable, recent_country
from claimtrail.extract.sentences import text_of

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
        if tok.lower_ == "had" and tok.dep_ == "aux" and tok.head.tag_ == "VBN" and tok.head.i == tok.i + 1:
            drop.add(tok.i)  # past perfect -> simple past, only when nothing ("not", "been") intervenes
        if tok.text in _QUOTES:
            drop.add(tok.i)
    return drop | _orphan_commas(span, drop)


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


def _render(span: Span, table: ActorTable, drop: set[int]) -> str:
    doc = span.doc
    parts: list[str] = []
    last_actor: str | None = None
    i = span.start
    while i < span.end:
        tok = doc[i]
        key = table.token_actor.get(i)
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


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\bof being\b", "is", text)
    text = re.sub(r"^(.*?) of (\w+ing)\b", lambda m: f"{m.group(1)} is {m.group(2)}", text, count=1)
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


def normalize_claim(doc: Doc, table: ActorTable, start: int, end: int, subject: str | None = None) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return _tidy(text_of(doc)[start:end])
    rendered = _render(span, table, _dropped_tokens(span, table))
    if subject is not None:
        rendered = f"{subject} {rendered}"
    return _tidy(rendered)


def normalize_status(doc: Doc, table: ActorTable, subject: Token, predicate: Span) -> str:
    """'declared Maduro a usurper' -> 'Nicolas Maduro is a usurper'."""
    key = table.token_actor.get(subject.i)
    name = table.name(key) if key else subject.text
    rendered = _render(predicate, table, _dropped_tokens(predicate, table))
    return _tidy(f"{name} is {rendered}")
