"""Claim and stance drafts, and the state the claim stages share: the claims found so far in one article.

`ClaimSet` holds the Doc, the actor table and the quotes of one article, creates claims (one per span) and
attaches stances to them. `positions.Positions` and `claims._Builder` build on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimtrail.extract.actors import ActorTable
from claimtrail.extract.claim_syntax import sentence_bounds
from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.normalize import normalize_claim
from claimtrail.extract.quotes import Attribution, speaker_token
from claimtrail.extract.references import is_outlet, resolve_pronoun, resolve_speaker
from claimtrail.models import StanceLabel

SUPPORT = {
    "confirm": "asserts",
    "corroborate": "asserts",
    "back": "asserts",
    "verify": "asserts",
    "support": "asserts",
    "endorse": "asserts",
    "repeat": "reports",
    "cite": "reports",
}


@dataclass(slots=True)
class StanceDraft:
    actor: str | None
    stance: StanceLabel
    cue: str
    evidence: tuple[int, int]
    cue_token: Token | None = None


@dataclass(slots=True)
class ClaimDraft:
    start: int
    end: int
    root: Token | None
    normalized: str
    reported: bool = False
    status: bool = False
    quoted: bool = False  # a statement in quote marks: the speaker's words, not a story others refer to
    stances: list[StanceDraft] = field(default_factory=list)

    def add(self, draft: StanceDraft) -> None:
        if not any(
            s.actor == draft.actor and s.stance == draft.stance and s.cue == draft.cue for s in self.stances
        ):
            self.stances.append(draft)


REPORT_WORDS = frozenset({"report", "reports", "media", "newspaper", "article", "story", "outlet", "outlets"})


def is_report_source(table: ActorTable, key: str | None) -> bool:
    """'media reports', 'a newspaper report': sources whose saying something is reporting it."""
    if key is None:
        return False
    entry = table.entries[key]
    words = set(" ".join([entry.name, *entry.titles]).lower().split())
    outlet = entry.kind == "ORG" and is_outlet(entry)
    news = bool(words & REPORT_WORDS) and "social" not in words  # social media claim, they do not report
    return entry.name in lexicon().outlets or news or outlet


def cue_lemma(stance: StanceDraft) -> str:
    return stance.cue_token.lemma_.lower() if stance.cue_token is not None else stance.cue.lower()


def only_by(claim: ClaimDraft, holder: str | None) -> bool:
    return holder is not None and bool(claim.stances) and all(s.actor == holder for s in claim.stances)


class ClaimSet:
    """The claims of one article so far, and how to add to them."""

    def __init__(self, doc: Doc, table: ActorTable, quotes: list[Attribution]) -> None:
        self.doc = doc
        self.table = table
        self.quotes = quotes
        self.claims: list[ClaimDraft] = []

    def new_claim(
        self,
        start: int,
        end: int,
        root: Token | None,
        subject_override: str | None = None,
        speaker: str | None = None,
    ) -> ClaimDraft:
        for claim in self.claims:
            if claim.start == start and claim.end == end:
                return claim
        normalized = normalize_claim(self.doc, self.table, start, end, subject_override, speaker)
        claim = ClaimDraft(start, end, root, normalized)
        self.claims.append(claim)
        return claim

    def stance(
        self, claim: ClaimDraft, actor: str | None, label: StanceLabel, cue: str, cue_tok: Token | None
    ) -> None:
        evidence = sentence_bounds(cue_tok) if cue_tok is not None else (claim.start, claim.end)
        claim.add(StanceDraft(actor, label, cue, evidence, cue_tok))
        if label == "reports":
            claim.reported = True

    def _speaker(self, verb: Token) -> str | None:
        subj = speaker_token(verb)
        if subj is None:
            return None
        return resolve_speaker(self.table, subj)  # "Organisers of the Games denied": the source as written

    def _crosses_quote(self, start: int, end: int) -> bool:
        """A clause that runs out of a direct quote into its attribution is a misparse."""
        return any(
            q.kind == "direct" and (q.start <= start < q.end < end or start < q.start < end <= q.end)
            for q in self.quotes
        )

    def _first_mention(self, key: str) -> int:
        return min((i for i, k in self.table.token_actor.items() if k == key), default=len(self.doc))

    def _subject_is(self, root: Token | None, key: str | None) -> bool:
        """Is the clause's subject `key` itself ('he would challenge the result', 'it stood by its story')?"""
        if root is None or key is None:
            return False
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False
        found = self.table.token_actor.get(subject.i)
        if found is None and subject.pos_ == "PRON":
            found = resolve_pronoun(self.table, subject)
        return found == key
