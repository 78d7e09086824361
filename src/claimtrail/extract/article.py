"""From one parsed article to its record: runs the stages in order and freezes what they found.

The stage order matters: actors first (named mentions), then quotes (which add pronoun and unnamed
speakers), then remaining pronouns, then claims and stances (which read quotes and actors), then dates.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.tokens import Doc, Token

from claimtrail.extract.actors import ActorTable
from claimtrail.extract.claims import ClaimDraft, StanceDraft, find_claims
from claimtrail.extract.dates import extract_timexes
from claimtrail.extract.quotes import Attribution, audience_text, find_quotes
from claimtrail.extract.references import add_pronoun_mentions, find_actors
from claimtrail.extract.sentences import sentence
from claimtrail.models import (
    ActorRef,
    ArticleRecord,
    Claim,
    PreparedArticle,
    Quote,
    Span,
    Stance,
    Timex,
)


def _read_provenance(prepared: PreparedArticle) -> tuple[tuple[str, str], ...]:
    """What reading found beyond the reader's own provenance: the outlet given and the dateline date."""
    outlet, dateline = prepared.raw.outlet, prepared.dateline
    pairs = (("outlet", outlet), ("dateline_date", dateline.date if dateline is not None else None))
    return tuple(
        (key, value) for key, value in pairs if value and (key, value) not in prepared.raw.provenance
    )


def article_id(prepared: PreparedArticle) -> str:
    """Content hash of what was analysed: the same article read twice gets the same id."""
    digest = hashlib.sha256(f"{prepared.headline or ''}\n\n{prepared.text}".encode()).hexdigest()
    return f"ct-{digest[:20]}"


def _anchor(prepared: PreparedArticle) -> dt.date | None:
    if not prepared.published:
        return None
    try:
        return dt.date.fromisoformat(prepared.published[:10])
    except ValueError:
        return None


class _Refs:
    """Turns internal actor keys into record references once the actor table is frozen."""

    def __init__(self, table: ActorTable, ids: dict[str, str]) -> None:
        self.table = table
        self.ids = ids

    def ref(self, key: str | None) -> ActorRef | None:
        if key is None or key not in self.ids:
            return None
        return ActorRef(actor=self.ids[key], name=self.table.name(key))


def _date_of(cue: Token | None, timexes: tuple[Timex, ...]) -> str | None:
    """The date of the act a cue reports: a DATE attached to the cue's verb, else the sentence's only DATE."""
    if cue is None:
        return None
    sent = sentence(cue)
    in_sentence = [t for t in timexes if t.type == "DATE" and sent.start_char <= t.start < sent.end_char]
    doc = cue.doc
    for timex in in_sentence:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and _attached_to(span.root, cue):
            return timex.value
    if len(in_sentence) == 1 and cue.pos_ in ("VERB", "AUX"):  # a noun cue ('media reports') has no tense
        span = doc.char_span(in_sentence[0].start, in_sentence[0].end, alignment_mode="expand")
        if span is not None and not _in_other_clause(span.root, cue):
            return in_sentence[0].value
    return None


def _in_other_clause(token: Token, cue: Token) -> bool:
    """A date inside another clause ('which has voiced concerns ... last year', ', insisting that they would
    meet on Thursday') dates that clause only."""
    cue_ancestors = {t.i for t in cue.ancestors} | {cue.i}
    clauses = ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj")
    return any(t.dep_ in clauses and t.i not in cue_ancestors for t in token.ancestors)


def _attached_to(token: Token, verb: Token) -> bool:
    """The date modifies the cue, not a clause below it ('reports that X was delayed until next year')."""
    for step in range(4):
        if token.i == verb.i:
            return True
        if token.head is token or (step > 0 and token.pos_ in ("VERB", "AUX")):
            return False
        token = token.head
    return False


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        return cue.doc[cue.i : cue.i + 2].text
    return str(cue.text)


def _quote_record(n: int, att: Attribution, text: str, refs: _Refs, timexes: tuple[Timex, ...]) -> Quote:
    unnamed = att.speaker is not None and refs.table.kind(att.speaker) == "UNNAMED"
    return Quote(
        id=f"q{n}",
        kind=att.kind,
        text=text[att.start : att.end],
        start=att.start,
        end=att.end,
        speaker=None if unnamed else refs.ref(att.speaker),
        cue=_cue_text(att.cue),
        addressee=refs.ref(att.addressee),
        date=_date_of(att.cue, timexes),
        source_description=refs.table.name(att.speaker) if unnamed and att.speaker else None,
        audience=None if att.addressee in refs.ids else audience_text(att.cue),
    )


def _stance_record(draft: StanceDraft, text: str, refs: _Refs, timexes: tuple[Timex, ...]) -> Stance | None:
    unnamed = draft.actor is not None and refs.table.kind(draft.actor) == "UNNAMED"
    actor = None if unnamed else refs.ref(draft.actor)
    description = refs.table.name(draft.actor) if unnamed and draft.actor else None
    if actor is None and description is None:
        return None
    start, end = draft.evidence
    return Stance(
        actor=actor,
        source_description=description,
        stance=draft.stance,
        cue=draft.cue,
        evidence=Span(start=start, end=end, text=text[start:end].strip()),
        date=_date_of(draft.cue_token, timexes),
    )


def _claim_record(n: int, draft: ClaimDraft, text: str, refs: _Refs, timexes: tuple[Timex, ...]) -> Claim:
    stances = tuple(
        s for s in (_stance_record(d, text, refs, timexes) for d in draft.stances) if s is not None
    )
    return Claim(
        id=f"c{n}",
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        normalized=draft.normalized,
        stances=stances,
    )


def _credited_outlet(prepared: PreparedArticle) -> tuple[int, int] | None:
    """Where the dateline names the outlet whose story this is: the last one credited
    ('Pakistan Point News / Sputnik' carries Sputnik's story)."""
    dateline = prepared.dateline
    if dateline is None or not dateline.outlets:
        return None
    name = dateline.outlets[-1]
    start = prepared.text.find(name, dateline.start, dateline.end)
    return None if start < 0 else (start, start + len(name))


def analyse(doc: Doc, prepared: PreparedArticle, *, pipeline: str) -> ArticleRecord:
    """All extraction stages over one parsed article; the Doc does not outlive this call."""
    dateline = prepared.dateline
    body_start = dateline.end if dateline is not None else 0
    place, outlets = (dateline.place, dateline.outlets) if dateline is not None else (None, ())
    table = find_actors(doc, body_start, place, outlets)
    attributions = find_quotes(doc, table)
    add_pronoun_mentions(table)
    drafts = find_claims(doc, table, attributions, _credited_outlet(prepared))
    timexes = extract_timexes(doc, _anchor(prepared))
    actors, ids = table.freeze()
    refs = _Refs(table, ids)
    text = prepared.text
    quotes = tuple(_quote_record(n, a, text, refs, timexes) for n, a in enumerate(attributions, 1))
    claims = tuple(_claim_record(n, d, text, refs, timexes) for n, d in enumerate(drafts, 1))
    raw = prepared.raw
    return ArticleRecord(
        id=article_id(prepared),
        source=raw.source,
        source_format=raw.source_format,
        url=raw.url,
        language=prepared.language,
        headline=prepared.headline,
        text=text,
        removed=prepared.removed,
        source_spans=prepared.source_spans,
        dateline=prepared.dateline,
        published=prepared.published,
        published_from=prepared.published_from,
        actors=actors,
        quotes=quotes,
        claims=claims,
        timexes=timexes,
        warnings=prepared.warnings,
        pipeline=pipeline,
        provenance=raw.provenance + _read_provenance(prepared),
    )
