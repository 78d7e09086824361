"""Claims and who stands where on them: asserts, reports, denies, questions.

A claim is a proposition as written: the content of reported speech ("Reuters reported that X"), a status
someone declares ("declared Maduro a usurper"), an accusation ("accused Washington of organizing a coup").
Stances come from the cue that introduced the claim, and from later sentences that take a position on it,
directly ("denied that X") or through a reference ("the report was another hoax", "refuted the reports").
Opposing a plan ("rejected the ultimatum") is not a stance on a claim: only claim nouns are followed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimtrail.extract.actors import ActorTable
from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.normalize import normalize_claim, normalize_status
from claimtrail.extract.quotes import Attribution, content_bounds, content_roots, speaker_token
from claimtrail.extract.references import is_outlet, resolve_np, resolve_pronoun, resolve_speaker
from claimtrail.extract.sentences import sentence
from claimtrail.models import StanceLabel

_DECLARE = frozenset({"declare", "proclaim", "call", "name", "label", "brand", "pronounce", "deem"})
_RECOGNIZE = frozenset({"recognize", "recognise", "acknowledge"})
_SUPPORT = {
    "confirm": "asserts",
    "corroborate": "asserts",
    "back": "asserts",
    "verify": "asserts",
    "support": "asserts",
    "endorse": "asserts",
    "repeat": "reports",
    "cite": "reports",
}
_DOUBT_VERBS = frozenset({"cast", "raise", "express", "voice", "throw", "sow"})
_FINDING_VERBS = frozenset({"find", "conclude", "rule", "determine", "establish", "show", "believe"})
_GROUND_NOUNS = frozenset({"truth", "basis", "foundation", "substance", "merit", "evidence"})
_TRUTH_WORDS = frozenset({"true", "accurate", "correct", "factual", "right", "credible"})
_DOUBTING_VERBS = frozenset({"question", "doubt", "wonder", "dispute", "challenge"})
_CONFIRMING_VERBS = frozenset({"confirm", "acknowledge", "admit", "verify"})
_MODAL_OR_NEG = frozenset({"would", "will", "could", "may", "might", "not", "n't", "never", "should"})
_DEMONSTRATIVES = frozenset({"these", "those", "this", "that", "it", "such"})


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
    stances: list[StanceDraft] = field(default_factory=list)

    def add(self, draft: StanceDraft) -> None:
        if not any(
            s.actor == draft.actor and s.stance == draft.stance and s.cue == draft.cue for s in self.stances
        ):
            self.stances.append(draft)


def _sentence_bounds(token: Token) -> tuple[int, int]:
    sent = sentence(token)
    return sent.start_char, sent.end_char


def _cue_stance(cue: Token | None, speaker_kind: str | None) -> StanceLabel:
    if cue is None:
        return "asserts"
    lemma = cue.lemma_.lower()
    return lexicon().stance_verbs.get(lemma) or _SUPPORT.get(lemma, "asserts")  # type: ignore[return-value]


_REPORT_WORDS = frozenset(
    {"report", "reports", "media", "newspaper", "article", "story", "outlet", "outlets"}
)


def _is_report_source(table: ActorTable, key: str | None) -> bool:
    """'media reports', 'a newspaper report': sources whose saying something is reporting it."""
    if key is None:
        return False
    entry = table.entries[key]
    words = set(" ".join([entry.name, *entry.titles]).lower().split())
    return entry.name in lexicon().outlets or bool(words & _REPORT_WORDS)


class _Builder:
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
        evidence = _sentence_bounds(cue_tok) if cue_tok is not None else (claim.start, claim.end)
        claim.add(StanceDraft(actor, label, cue, evidence, cue_tok))
        if label == "reports":
            claim.reported = True

    # -- claims from reported speech ------------------------------------------------------------------
    def from_quotes(self) -> None:
        for quote in self.quotes:
            root = quote.content_root
            if quote.kind == "direct" or not (root is not None or quote.unparsed_content):
                continue
            if root is not None and self._is_position(root):
                continue
            kind = self.table.kind(quote.speaker) if quote.speaker else None
            label = _cue_stance(quote.cue, kind)
            if label == "asserts" and _is_report_source(self.table, quote.speaker):
                label = "reports"
            cue = quote.cue.text if quote.cue is not None else "according to"
            restated = self._restated(quote) if label in ("denies", "questions") else None
            if restated is not None:
                self.stance(restated, quote.speaker, label, cue, quote.cue)
                continue
            cited = self._cited_source(quote.cue)
            told = self._told_outlet(quote, label)
            if root is None:  # the parser did not link the content: the quote's span is the claim
                claim = self.new_claim(quote.start, quote.end, None)
                self.stance(claim, quote.speaker, label, cue, quote.cue)
                if told is not None and quote.cue is not None:
                    self.stance(claim, told, "reports", quote.cue.text, quote.cue)
                continue
            for part in content_roots(root):
                start, end = content_bounds(self.doc, part, split=True)
                start, end = max(start, quote.start), min(end, quote.end)
                if end - start >= 8:
                    claim = self.new_claim(start, end, part, speaker=quote.speaker)
                    self.stance(claim, quote.speaker, label, cue, quote.cue)
                    if cited is not None and label == "reports":
                        self.stance(claim, cited[0], "asserts", cited[1].text, cited[1])
                    if told is not None and quote.cue is not None:
                        self.stance(claim, told, "reports", quote.cue.text, quote.cue)
                    if label in ("asserts", "reports"):
                        self._grounds(part, quote, label, cue)

    def _grounds(self, root: Token, quote: Attribution, label: StanceLabel, cue: str) -> None:
        """'X was postponed after engineers found a faulty valve': the speaker also states the cause."""
        for clause in root.children:
            marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            if clause.dep_ != "advcl" or clause.pos_ != "VERB" or not has_subject:
                continue
            if marks not in (["after"], ["because"]) or clause.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
                continue
            start, end = _clause_bounds(self.doc, clause)  # the quote's own span may stop before it
            if end - start >= 8 and not self._crosses_quote(start, end):
                claim = self.new_claim(start, end, clause, speaker=quote.speaker)
                self.stance(claim, quote.speaker, label, cue, quote.cue)

    def _told_outlet(self, quote: Attribution, label: StanceLabel) -> str | None:
        """'two people familiar with the plan told Reuters': the outlet told reports what it was told."""
        cue, outlet = quote.cue, quote.addressee
        if cue is None or outlet is None or label != "asserts" or outlet == quote.speaker:
            return None
        if cue.lemma_.lower() not in ("tell", "say") or outlet not in self.table.entries:
            return None
        return outlet if is_outlet(self.table.entries[outlet]) else None

    def _restated(self, quote: Attribution) -> ClaimDraft | None:
        """'denied that the company had ignored any warnings' targets the earlier claim it restates."""
        words = _content_words(self.doc, quote.start, quote.end)
        best: tuple[float, ClaimDraft] | None = None
        for claim in self.claims:
            if claim.end > quote.start:
                continue
            theirs = _content_words(self.doc, claim.start, claim.end)
            overlap = len(words & theirs) / max(1, min(len(words), len(theirs)))
            if overlap >= 0.5 and (best is None or overlap > best[0]):
                best = (overlap, claim)
        return best[1] if best else None

    # -- claims inside claim nouns: "a report that X", "charges that X" -------------------------------
    def from_claim_nouns(self) -> None:
        for noun in self.doc:
            if noun.pos_ != "NOUN" or noun.lower_ not in lexicon().claim_nouns:
                continue
            clause = _noun_complement(noun) or _stray_complement(noun)
            if clause is not None and any(c.root is not None and c.root.i == clause.i for c in self.claims):
                continue
            bounds = _clause_bounds(self.doc, clause) if clause is not None else _that_clause_after(noun)
            if bounds is None or bounds[1] - bounds[0] < 8:
                continue
            claim = self.new_claim(bounds[0], bounds[1], clause)
            source = self._outlet_modifier(noun) or resolve_np(self.table, noun, record_pronoun=False)
            reporting = noun.lower_ in _REPORT_WORDS or _is_report_source(self.table, source)
            self.stance(claim, source, "reports" if reporting else "asserts", noun.text, noun)

    def _outlet_modifier(self, noun: Token) -> str | None:
        """'a Reuters report': the outlet named as the noun's modifier is the source."""
        for child in noun.children:
            key = self.table.token_actor.get(child.i)
            if child.dep_ in ("compound", "poss") and key is not None and is_outlet(self.table.entries[key]):
                return key
        return None

    def name_the_report(self) -> None:
        """'denied a newspaper report that X. The Tagespost reported that Y': one outlet, one report.

        A claim carried by a singular, unnamed report noun is also reported by the outlet when exactly one
        outlet reports anything in the article.
        """
        outlets = {
            st.actor
            for c in self.claims
            for st in c.stances
            if st.stance == "reports" and st.actor is not None and self._reporter(st)
        }
        if len(outlets) != 1:
            return
        outlet = next(iter(outlets))
        for claim in self.claims:
            for st in list(claim.stances):
                tok = st.cue_token
                unnamed = st.actor is None or self.table.kind(st.actor) == "UNNAMED"
                if tok is None or not (tok.tag_ == "NN" and tok.lower_ in _REPORT_WORDS):
                    continue
                if st.stance == "reports" and unnamed and tok.i < self._first_mention(outlet):
                    self.stance(claim, outlet, "reports", st.cue, tok)

    def _reporter(self, st: StanceDraft) -> bool:
        """An outlet, or an organisation that 'reported' something in the article ('The Tagespost')."""
        if st.actor is None:
            return False
        verb = st.cue_token is not None and st.cue_token.pos_ == "VERB"
        return is_outlet(self.table.entries[st.actor]) or (verb and self.table.kind(st.actor) == "ORG")

    def _first_mention(self, key: str) -> int:
        return min((i for i, k in self.table.token_actor.items() if k == key), default=len(self.doc))

    def from_findings(self) -> None:
        """Claims that are not quotes: 'jurors found that X' (asserts), 'questioned whether X' (questions)."""
        for verb in self.doc:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma not in _FINDING_VERBS | _DOUBTING_VERBS:
                continue
            marks = ("that",) if lemma in _FINDING_VERBS else ("that", "whether", "if")
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and _has_mark(c, marks)), None)
            if clause is None or any(c.root is not None and c.root.i == clause.i for c in self.claims):
                continue
            start, end = _clause_bounds(self.doc, clause)
            if end - start >= 8 and not self._crosses_quote(start, end):
                speaker = self._speaker(verb)
                claim = self.new_claim(start, end, clause, speaker=speaker)
                label: StanceLabel = "asserts" if lemma in _FINDING_VERBS else "questions"
                self.stance(claim, speaker, label, verb.text, verb)

    def _cited_source(self, cue: Token | None) -> tuple[str | None, Token] | None:
        """'reported, citing two people familiar with the matter, that X': the cited source asserts X."""
        if cue is None:
            return None
        citing = next((c for c in cue.children if c.lemma_.lower() == "cite" and c.tag_ == "VBG"), None)
        source = next((c for c in citing.children if c.dep_ == "dobj"), None) if citing is not None else None
        if citing is None or source is None:
            return None
        return resolve_speaker(self.table, source), citing

    def _crosses_quote(self, start: int, end: int) -> bool:
        """A clause that runs out of a direct quote into its attribution is a misparse."""
        return any(
            q.kind == "direct" and (q.start <= start < q.end < end or start < q.start < end <= q.end)
            for q in self.quotes
        )

    def from_confirmations(self) -> None:
        """'The ministry confirmed outbreaks of bird flu at two farms': the confirmed fact is a claim."""
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CONFIRMING_VERBS:
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None or obj.pos_ != "NOUN" or self._refers_to_claim(obj):
                continue
            named = self._claim_named_by(obj)
            if named is not None:  # "Calder confirmed the recall": the earlier claim that it is recalling
                self.stance(named, self._speaker(verb), "asserts", verb.text, verb)
                continue
            start, end = _np_span(obj)
            if end - start >= 12 and not any(c.start <= start < c.end for c in self.claims):
                self.stance(self.new_claim(start, end, obj), self._speaker(verb), "asserts", verb.text, verb)

    def _claim_named_by(self, noun: Token) -> ClaimDraft | None:
        """The latest earlier claim whose main verb the noun names ('the recall' -> 'X is recalling ...')."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            return None
        lemma = noun.lemma_.lower()
        earlier = [c for c in self.claims if c.end <= noun.idx and c.root is not None]
        named = [c for c in earlier if c.root is not None and c.root.lemma_.lower() == lemma]
        return named[-1] if named else None

    # -- status claims and accusations ------------------------------------------------------------------
    def from_declarations(self) -> None:
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB":
                continue
            if lemma in _DECLARE:
                self._declaration(tok)
            elif lemma in ("accuse", "charge"):
                self._accusation(tok)
            elif lemma in _RECOGNIZE:
                self._recognition(tok)

    def _speaker(self, verb: Token) -> str | None:
        subj = speaker_token(verb)
        if subj is None:
            return None
        return resolve_speaker(self.table, subj)  # "Organisers of the Games denied": the source as written

    def _declaration(self, verb: Token) -> None:
        """'declared Maduro a usurper', 'declared himself the country's interim president'."""
        small = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ in ("NOUN", "PROPN", "ADJ")
            ),
            None,
        )
        if small is None:
            return
        subject = next((c for c in small.children if c.dep_ in ("nsubj",)), None)
        subject = subject or next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subject is None or self._denial_predicate(small) is not None:
            return
        if subject.pos_ == "PRON" and subject.lower_ not in ("himself", "herself", "itself", "themselves"):
            return  # "calling them ...": a label on something already said, not a new status claim
        resolve_np(self.table, subject)
        tokens = [subject, *(t for t in small.subtree if t.i > subject.i and not t.is_punct)]
        start, end = tokens[0].idx, max(t.idx + len(t.text) for t in tokens)
        predicate = self.doc[subject.i + 1 : tokens[-1].i + 1]
        claim = self.new_claim(start, end, small)
        claim.normalized = normalize_status(self.doc, self.table, subject, predicate)
        claim.status = True
        self.stance(claim, self._speaker(verb), "asserts", verb.text, verb)

    def _accusation(self, verb: Token) -> None:
        """'accused the opposition leader of being a US puppet' -> claim about the accused."""
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if target is None:
            return
        if prep is None:
            prep = next((c for c in target.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if prep is None:
            return
        speaker = self._speaker(verb)
        if not (target.pos_ == "PRON" and resolve_pronoun(self.table, target) == speaker):
            resolve_np(self.table, target)  # "accusing them of ...": never the accuser itself
        end = max(t.idx + len(t.text) for t in prep.subtree if not t.is_punct)
        claim = self.new_claim(target.left_edge.idx, end, prep)
        self.stance(claim, speaker, "asserts", verb.text, verb)

    def _recognition(self, verb: Token) -> None:
        """'recognized Guaido as the country's leader' supports the earlier claim of his status."""
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        has_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        hypothetical = any(c.dep_ in ("aux", "neg") and c.lower_ in _MODAL_OR_NEG for c in verb.children)
        if target is None or not has_as or hypothetical:
            return
        actor = resolve_np(self.table, target, record_pronoun=False)
        for claim in reversed(self.claims):
            if (
                claim.status
                and claim.start < verb.idx
                and actor is not None
                and self._claim_is_about(claim, actor)
            ):
                self.stance(claim, self._speaker(verb), "asserts", _with_adverb(verb), verb)
                return

    def _claim_is_about(self, claim: ClaimDraft, actor: str) -> bool:
        return any(
            self.table.token_actor.get(t.i) == actor
            for t in self.doc.char_span(claim.start, claim.end, alignment_mode="expand") or []
            if t.dep_ in ("nsubj", "dobj") or t.head.dep_ in ("nsubj", "dobj")
        ) or any(s.actor == actor for s in claim.stances)

    # -- positions taken on earlier claims --------------------------------------------------------------
    def from_positions(self) -> None:
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            label = lexicon().stance_verbs.get(lemma) or _SUPPORT.get(lemma)
            if tok.pos_ == "VERB" and lemma == "plead" and _pleads_not_guilty(tok):
                label = "denies"
            if tok.pos_ == "VERB" and label in ("denies", "questions", "asserts", "reports"):
                self._verb_on_reference(tok, label)  # type: ignore[arg-type]
            predicate_like = tok.pos_ in ("NOUN", "ADJ", "PROPN") or (
                tok.tag_ == "VBN" and tok.pos_ == "VERB"
            )
            if predicate_like and self._denial_predicate(tok) is not None:
                self._predicate_on_reference(tok)
            if lemma in _DOUBT_VERBS and tok.pos_ == "VERB":
                self._doubt(tok)
            if tok.lower_ in _GROUND_NOUNS and any(c.lower_ in ("no", "little") for c in tok.children):
                self._no_truth_in(tok)

    def _no_truth_in(self, noun: Token) -> None:
        """'There is no truth in this story', 'no basis for the claims': a denial of what follows."""
        for prep in (
            c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "for", "behind")
        ):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if self._refers_to_claim(pobj):
                    det = next(c for c in noun.children if c.lower_ in ("no", "little"))
                    cue = f"{det.text} {noun.text}"
                    actor = self._holder(noun.head if noun.head is not noun else noun)
                    for claim in self._targets(pobj, actor):
                        self.stance(claim, actor, "denies", cue, noun)

    def _objects(self, verb: Token) -> list[Token]:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            objs += [c for c in prep.children if c.dep_ == "pobj"]
        objs += [a for o in objs for a in o.children if a.dep_ == "appos"]  # 'denied as "fake news" a report'
        return [
            o for o in objs if o.lemma_.lower() in lexicon().claim_nouns or o.lower_ in lexicon().claim_nouns
        ]

    def _verb_on_reference(self, verb: Token, label: StanceLabel) -> None:
        if label == "asserts" and verb.lemma_.lower() not in _SUPPORT:
            return
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "every payment cited in the article": not an act
            return
        if label == "denies":
            self._denied_act(verb)
        for obj in self._objects(verb):
            actor = self._speaker(verb)
            targets = self._targets(obj, actor)
            if not targets and obj.lower_ in _FIGURE_NOUNS and label in ("denies", "questions"):
                start, end = _np_span(obj)  # "questioned the 61% turnout reported in two districts"
                targets = [self.new_claim(start, end, obj)]
            for claim in targets:
                self.stance(claim, actor, label, _with_adverb(verb), verb)

    def _denied_act(self, verb: Token) -> None:
        """'denied using a banned substance': the act denied is the claim."""
        gerund = next(
            (c for c in verb.children if c.tag_ == "VBG" and c.dep_ in ("xcomp", "ccomp", "dobj")), None
        )
        if gerund is None:
            return
        start, end = _np_span(gerund)
        if end - start >= 8:
            self.stance(self.new_claim(start, end, gerund), self._speaker(verb), "denies", verb.text, verb)

    def _targets(self, noun: Token, holder: str | None = None) -> list[ClaimDraft]:
        """Claims a claim noun stands for: its own clause ('reports that X') or earlier claims."""
        for child in noun.children:
            clause = child if child.dep_ in ("ccomp", "acl", "relcl") else None
            if clause is None:
                continue
            roots = {clause.i} | {c.i for c in clause.children if c.dep_ == "ccomp"}
            own = [c for c in self.claims if c.root is not None and c.root.i in roots]
            if own:
                return own
        following = _that_clause_after(noun)  # the misparsed 'reports that X' case
        own = [c for c in self.claims if following is not None and c.start == following[0]]
        return own or self._earlier_claims(noun, holder)

    def _earlier_claims(self, ref: Token, holder: str | None = None) -> list[ClaimDraft]:
        """Claims a reference points back to: someone else's, of the kind the noun names.

        'the accusation' -> the last claim made by accusing; 'the report' -> the last reported claim;
        'these' -> all reported claims; a plural also takes the other claims of the same sentence.
        A speaker's own statements are never the target.
        """
        before = [c for c in self.claims if c.end <= ref.idx and not _only_by(c, holder)]
        family = _REFERENCE_FAMILIES.get(ref.lemma_.lower(), frozenset())
        named = [c for c in before if any(_cue_lemma(st) in family for st in c.stances)]
        reported = named or [c for c in before if c.reported] or [c for c in before if c.stances]
        if not reported:
            return []
        if ref.pos_ in ("PRON", "DET"):
            # "These are just rumors", "this is disinformation": the claims already in dispute, if any
            disputed = [c for c in before if any(st.stance in ("denies", "questions") for st in c.stances)]
            reported = disputed or reported
        if ref.lower_ in ("these", "those", "such"):
            return reported
        last = reported[-1]
        if ref.tag_ not in ("NNS", "NNPS"):
            # "the report": everything the last named reporter reported ("a newspaper report that X";
            # "The Tagespost reported that Y"), not only its last claim
            by = {st.actor for st in last.stances if st.stance == "reports" and st.actor is not None}
            same = [c for c in reported if any(st.stance == "reports" and st.actor in by for st in c.stances)]
            return same or [last]
        span = self.doc.char_span(last.start, last.end, alignment_mode="expand")
        if span is None or not len(span):
            return [last]
        sent = sentence(span[0])
        return [c for c in reported if c is last or sent.start_char <= c.start < sent.end_char]

    def _denial_predicate(self, tok: Token) -> str | None:
        """'another hoax', 'just rumors', 'completely false' as a predicate: the cue as written."""
        words = lexicon().denial_predicates
        if tok.lower_ in _TRUTH_WORDS and any(c.dep_ == "neg" for c in tok.children):
            neg = next(c for c in tok.children if c.dep_ == "neg")
            return self.doc[neg.i : tok.i + 1].text  # "not true", "not accurate"
        if tok.lower_ not in words and tok.lemma_.lower() not in words:
            return None
        passive = tok.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in tok.children)
        allowed = ("attr", "acomp", "oprd", "ccomp", "xcomp", "pobj", "conj", "appos", "ROOT")
        if tok.dep_ not in allowed and not passive:
            return None
        mods = [c for c in tok.children if c.dep_ in ("det", "advmod", "amod") and c.i < tok.i]
        start = min([tok.i, *(m.i for m in mods)])
        return self.doc[start : tok.i + 1].text

    def _predicate_on_reference(self, pred: Token) -> None:
        cue = self._denial_predicate(pred)
        if cue is None:
            return
        verb = pred if pred.dep_ == "ROOT" or any(c.dep_ == "nsubjpass" for c in pred.children) else pred.head
        if verb.lower_ == "as" and verb.head.pos_ == "VERB":  # "dismissed the report as fabricated"
            verb = verb.head
        if verb.lower_ == "of" and verb.head.dep_ == "attr":  # "another piece of disinformation"
            verb = verb.head.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")), None)
        if subject is None or not self._refers_to_claim(subject):
            return
        actor = self._holder(verb)
        for claim in self._targets(subject):
            self.stance(claim, actor, "denies", cue, pred)

    def _is_position(self, root: Token) -> bool:
        """'the report was another hoax' is a stance on another claim, not a claim of its own."""
        for child in [root, *root.children]:
            if self._denial_predicate(child) is not None:
                subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and self._refers_to_claim(subject):
                    return True
        return False

    def _refers_to_claim(self, tok: Token) -> bool:
        low = tok.lower_
        definite = any(
            c.dep_ == "det" and c.lower_ in ("the", "that", "this", "these", "those") for c in tok.children
        )
        return (
            low in lexicon().claim_nouns
            or tok.lemma_.lower() in lexicon().claim_nouns
            or low in _DEMONSTRATIVES
            or (low in _FIGURE_NOUNS and definite)  # "cast doubt on that estimate"
        )

    def _holder(self, verb: Token) -> str | None:
        """Who holds a position stated in `verb`'s clause: the speaker of the quote it sits in, if any."""
        for quote in self.quotes:
            if quote.start <= verb.idx < quote.end:
                return quote.speaker
        if verb.lemma_.lower() in ("call", "describe", "dismiss", "label", "brand"):
            return self._speaker(verb)
        return self._speaker(verb) if verb.dep_ != "ccomp" else self._speaker(verb.head)

    def _doubt(self, verb: Token) -> None:
        """'cast doubt on the report', 'raised questions about the claims'."""
        noun = next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in lexicon().doubt_nouns), None
        )
        if noun is None:
            return
        for prep in (c for c in [*noun.children, *verb.children] if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if self._refers_to_claim(pobj):
                    for claim in self._targets(pobj):
                        self.stance(claim, self._speaker(verb), "questions", f"{verb.text} {noun.text}", verb)


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


def _content_words(doc: Doc, start: int, end: int) -> set[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span if t.is_alpha and t.lower_ not in _STOP}


_FIGURE_NOUNS = frozenset(
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


def _np_span(noun: Token) -> tuple[int, int]:
    tokens = [t for t in noun.subtree if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


_REFERENCE_FAMILIES = {
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


def _cue_lemma(stance: StanceDraft) -> str:
    return stance.cue_token.lemma_.lower() if stance.cue_token is not None else stance.cue.lower()


def _only_by(claim: ClaimDraft, holder: str | None) -> bool:
    return holder is not None and bool(claim.stances) and all(s.actor == holder for s in claim.stances)


def _pleads_not_guilty(verb: Token) -> bool:
    following = verb.doc[verb.i + 1 : verb.i + 4].text.lower()
    return following.startswith(("not guilty", "innocent"))


def _noun_complement(noun: Token) -> Token | None:
    """The that-clause a claim noun carries, also past a participle: 'claims circulating online that X'."""
    for child in noun.children:
        # a 'relcl' whose 'that' is a mark (not its subject or object) is a content clause misparsed
        if child.dep_ in ("acl", "ccomp", "relcl") and _has_that(child):
            return child
        if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN"):
            inner = next((g for g in child.children if g.dep_ in ("ccomp", "advcl") and _has_that(g)), None)
            if inner is not None:
                return inner
    return None


def _stray_complement(noun: Token) -> Token | None:
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
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i and _has_that(c)), None)
    if clause is None:
        return None
    between = range(noun.right_edge.i + 1, clause.left_edge.i)
    doc = noun.doc
    allowed = {t.i for p in verb.children if p.dep_ == "prep" for t in p.subtree}
    if any(i not in allowed and not doc[i].is_punct for i in between):
        return None
    return clause


def _that_clause_after(noun: Token) -> tuple[int, int] | None:
    """'reports that talks ... collapsed last night, insisting ...' when the parser read 'that' as a pronoun.

    The clause runs from after 'that' to the sentence end or to a comma before a participle or 'but'.
    """
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "that" or doc[noun.i + 1].dep_ == "mark":
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


def _has_mark(clause: Token, marks: tuple[str, ...]) -> bool:
    return clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ in marks for c in clause.children
    )


def _has_that(clause: Token) -> bool:
    return clause.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    )


def _clause_bounds(doc: Doc, clause: Token) -> tuple[int, int]:
    tokens = [t for t in clause.subtree if not t.is_space]
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return clause.idx, clause.idx
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _with_adverb(verb: Token) -> str:
    """'officially recognized', 'flatly denied': the cue as a reader would quote it."""
    adv = [c for c in verb.children if c.dep_ == "advmod" and c.i == verb.i - 1 and c.lower_.endswith("ly")]
    return f"{adv[0].text} {verb.text}" if adv else verb.text


def find_claims(doc: Doc, table: ActorTable, quotes: list[Attribution]) -> list[ClaimDraft]:
    builder = _Builder(doc, table, quotes)
    builder.from_findings()
    builder.from_quotes()
    builder.from_confirmations()
    builder.from_claim_nouns()
    builder.from_declarations()
    builder.claims.sort(key=lambda c: c.start)
    builder.name_the_report()
    builder.from_positions()
    return sorted(builder.claims, key=lambda c: c.start)
