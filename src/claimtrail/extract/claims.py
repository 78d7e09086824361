"""Claims and who stands where on them: asserts, reports, denies, questions.

A claim is a proposition as written: the content of reported speech ("Reuters reported that X"), a status
someone declares ("declared Maduro a usurper"), an accusation ("accused Washington of organizing a coup").
Stances come from the cue that introduced the claim, and from later sentences that take a position on it,
directly ("denied that X") or through a reference ("the report was another hoax", "refuted the reports").
Opposing a plan ("rejected the ultimatum") is not a stance on a claim: only claim nouns are followed.

Layout: `claimset` holds the drafts and the shared state, `positions` the stances taken on earlier claims,
`claim_syntax` the token helpers; this module finds the claims and runs the steps in order (`find_claims`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimtrail.extract.actors import ActorTable
from claimtrail.extract.claim_syntax import (
    clause_bounds,
    content_words,
    finite_clause,
    hard_to_believe,
    has_mark,
    noun_complement,
    np_span,
    stray_complement,
    that_clause_after,
    unclear_whether,
    with_adverb,
)
from claimtrail.extract.claimset import (
    REPORT_WORDS,
    SUPPORT,
    ClaimDraft,
    StanceDraft,
    is_report_source,
)
from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.normalize import normalize_status
from claimtrail.extract.positions import Positions
from claimtrail.extract.quotes import Attribution, content_bounds, content_roots, speaker_token
from claimtrail.extract.references import is_outlet, resolve_np, resolve_pronoun, resolve_speaker
from claimtrail.extract.sentences import lower_forms, lower_lemmas, sentence, text_of
from claimtrail.models import StanceLabel

__all__ = ["ClaimDraft", "StanceDraft", "find_claims"]

_DECLARE = frozenset({"declare", "proclaim", "call", "name", "label", "brand", "pronounce", "deem"})
_RECOGNIZE = frozenset({"recognize", "recognise", "acknowledge"})
_DECLARING = _DECLARE | _RECOGNIZE | {"accuse", "charge"}  # the verbs from_declarations looks at
_FINDING_VERBS = frozenset({"find", "conclude", "rule", "determine", "establish", "show", "believe"})
_DOUBTING_VERBS = frozenset({"question", "doubt", "wonder", "dispute", "challenge"})
_FINDING_OR_DOUBTING = _FINDING_VERBS | _DOUBTING_VERBS
_CONFIRMING_VERBS = frozenset({"confirm", "acknowledge", "admit", "verify"})
_MEDIA = frozenset({"media", "medium", "internet", "web", "forum", "forums", "site", "sites", "platform"})
_PLACE_PREPS = frozenset({"at", "in", "on", "near", "among"})
_MODAL_OR_NEG = frozenset({"would", "will", "could", "may", "might", "not", "n't", "never", "should"})


def _said_in_a_report(cue: Token | None) -> bool:
    """'Aegean Rights Monitor said in a report that X': what a report puts out is reported."""
    if cue is None or cue.lemma_.lower() != "say":
        return False
    return any(
        prep.lower_ == "in" and any(o.dep_ == "pobj" and o.lower_ == "report" for o in prep.children)
        for prep in cue.children
        if prep.dep_ == "prep"
    )


def _cue_stance(cue: Token | None, speaker_kind: str | None) -> StanceLabel:
    if cue is None:
        return "asserts"
    lemma = cue.lemma_.lower()
    return lexicon().stance_verbs.get(lemma) or SUPPORT.get(lemma, "asserts")  # type: ignore[return-value]


class _Builder(Positions):
    """Claims from reported speech, claim nouns, findings, confirmations, declarations and accusations."""

    def from_quotes(self) -> None:
        for quote in self.quotes:
            root = quote.content_root
            if quote.kind == "direct":
                self._direct_doubts(quote)
                self._direct_statements(quote)
                continue
            if not (root is not None or quote.unparsed_content):
                continue
            # "said the claims were baseless and that the videos were old": the second part is a claim
            parts = [p for p in content_roots(root) if not self._is_position(p)] if root is not None else []
            if root is not None and not parts:
                continue
            label = _cue_stance(quote.cue, None)
            outlet_says = label == "asserts" and (
                is_report_source(self.table, quote.speaker) or _said_in_a_report(quote.cue)
            )
            if outlet_says:
                label = "reports"
            cue = quote.cue.text if quote.cue is not None else "according to"
            restated = self._restated(quote) if label in ("denies", "questions") else None
            if restated is not None:
                self.stance(restated, quote.speaker, label, cue, quote.cue)
                continue
            if root is None:  # the parser did not link the content: the quote's span is the claim
                self._quote_claim(quote, (quote.start, quote.end), None, label, cue)
                continue
            for part in parts:
                doubted = unclear_whether(part)
                if doubted is not None:  # "It was unclear whether X, the union said": the speaker questions X
                    self._questioned(quote, doubted, cue)
                    continue
                start, end = content_bounds(self.doc, part, split=True)
                start, end = max(start, quote.start), min(end, quote.end)
                # "The Tribune said it would appeal": an outlet speaking of itself asserts, it does not report
                own = "asserts" if outlet_says and self._subject_is(part, quote.speaker) else label
                if end - start >= 8:
                    self._quote_claim(quote, (start, end), part, own, cue)
                    if own in ("asserts", "reports"):
                        self._grounds(part, quote, own, cue)

    def _direct_statements(self, quote: Attribution) -> None:
        """'"Three of the four bidders pulled out within a week," she said': a statement of fact in a
        direct quote is a claim the speaker asserts (not a question, a demand or a bare opinion word)."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or quote.speaker is None:
            return
        sentences = {sentence(t).start: sentence(t) for t in span}  # each sentence the quote touches
        for sent in sentences.values():
            inner = [t for t in sent if quote.start <= t.idx < quote.end]
            ids = {t.i for t in inner}
            # the quoted sentence's own head (the doc's sentence also holds the attribution: 'X told Y')
            tops = [t for t in inner if t.head.i not in ids or t.head.i == t.i]
            if len(tops) != 1 or not (root := tops[0]).is_alpha:
                continue
            finite = root.tag_ not in ("VB", "VBG") or any(
                c.dep_ in ("aux", "auxpass") for c in root.children
            )
            if root.pos_ not in ("VERB", "AUX") or not finite or "?" in sent.text:
                continue  # "Publish the documents", "Nobody has explained why?"
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
            if subject is None or self._is_position(root):
                continue  # "These are just rumors": a position on a claim, not a claim of its own
            start, end = inner[0].idx, min(sent.end_char, quote.end)
            while end > start and text_of(self.doc)[end - 1] in ' .,;:"\u201d':
                end -= 1
            if len(inner) >= 4 and end - start >= 12:
                claim = self.new_claim(start, end, root, speaker=quote.speaker)
                claim.quoted = True
                cue = quote.cue.text if quote.cue is not None else "said"
                self.stance(claim, quote.speaker, "asserts", cue, quote.cue)

    def _direct_doubts(self, quote: Attribution) -> None:
        """'"It is not clear whether the company is planning redundancies," Moretti said.'"""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        for tok in span or []:
            doubted = unclear_whether(tok) if tok.dep_ in ("ROOT", "ccomp", "conj") else None
            if doubted is not None:
                self._questioned(quote, doubted, tok.doc[tok.i : tok.i + 3].text)

    def credit_outlet(self, start: int, end: int) -> None:
        """'Russia has asked exporters to cap shipments, according to three people familiar with the
        matter' under a Bloomberg dateline: Bloomberg reports what only its unnamed sources assert."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        key: str | None = None
        for claim in self.claims:
            unnamed = [
                st for st in claim.stances if st.actor is not None and self.table.kind(st.actor) == "UNNAMED"
            ]
            named = [st for st in claim.stances if st.actor is not None and st not in unnamed]
            sourced = any(st.stance == "asserts" for st in unnamed)
            if (
                not sourced
                or any(st.stance == "reports" for st in claim.stances)
                or any(st.stance == "asserts" for st in named)
            ):
                continue
            key = key or self._outlet_key(span)
            self.stance(claim, key, "reports", span.text, None)

    def _outlet_key(self, span: Span) -> str:
        name = span.text
        known = next((e.key for e in self.table.entries.values() if e.kind == "ORG" and e.name == name), None)
        return known or self.table.add(f"ORG:{name.lower()}", name, "ORG", span.start, span.end)

    def _questioned(self, quote: Attribution, clause: Token, cue: str) -> None:
        start, end = clause_bounds(self.doc, clause)
        start, end = max(start, quote.start), min(end, quote.end)
        if end - start >= 8:
            claim = self.new_claim(start, end, clause, speaker=quote.speaker)
            self.stance(claim, quote.speaker, "questions", cue, quote.cue)

    def _quote_claim(
        self, quote: Attribution, bounds: tuple[int, int], part: Token | None, label: StanceLabel, cue: str
    ) -> None:
        """The claim a quote carries, with the speaker's stance, a cited source's and an outlet told's."""
        speaker = quote.speaker if part is not None else None
        claim = self.new_claim(bounds[0], bounds[1], part, speaker=speaker)
        self.stance(claim, quote.speaker, label, cue, quote.cue)
        cited = self._cited_source(quote.cue, part)
        if cited is not None and label == "reports" and part is not None:
            self.stance(claim, cited[0], "asserts", cited[1].text, cited[1])
        told = self._told_outlet(quote, label)
        if told is not None and quote.cue is not None:
            self.stance(claim, told, "reports", quote.cue.text, quote.cue)
        citing = self._citing_reporter(quote.cue)
        if citing is not None:
            self.stance(claim, citing[0], "reports", citing[1].text, citing[1])

    def _citing_reporter(self, cue: Token | None) -> tuple[str | None, Token] | None:
        """'The report cited two officials who said X', 'Bloomberg quoted a source who said X': whoever
        cites the speaker reports X."""
        if cue is None or cue.dep_ != "relcl" or cue.head.dep_ != "dobj":
            return None
        citing = cue.head.head
        if citing.lemma_.lower() not in ("cite", "quote") or (subject := speaker_token(citing)) is None:
            return None
        return resolve_speaker(self.table, subject), citing

    def _grounds(self, root: Token, quote: Attribution, label: StanceLabel, cue: str) -> None:
        """'X was postponed after engineers found a faulty valve': the speaker also states the cause."""
        for clause in root.children:
            marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            if clause.dep_ != "advcl" or clause.pos_ != "VERB" or not has_subject:
                continue
            if marks not in (["after"], ["because"]) or clause.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
                continue
            start, end = clause_bounds(self.doc, clause)  # the quote's own span may stop before it
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
        words = content_words(self.doc, quote.start, quote.end)
        best: tuple[float, ClaimDraft] | None = None
        for claim in self.claims:
            if claim.end > quote.start:
                continue
            theirs = content_words(self.doc, claim.start, claim.end)
            overlap = len(words & theirs) / max(1, min(len(words), len(theirs)))
            if overlap >= 0.5 and (best is None or overlap > best[0]):
                best = (overlap, claim)
        return best[1] if best else None

    def from_claim_nouns(self) -> None:
        claim_nouns = lexicon().claim_nouns
        for i, low in enumerate(lower_forms(self.doc)):
            if low not in claim_nouns or (noun := self.doc[i]).pos_ != "NOUN":
                continue
            clause = noun_complement(noun) or stray_complement(noun)
            if clause is not None and any(c.root is not None and c.root.i == clause.i for c in self.claims):
                continue
            bounds = clause_bounds(self.doc, clause) if clause is not None else that_clause_after(noun)
            if bounds is None or bounds[1] - bounds[0] < 8:
                continue
            if text_of(self.doc)[bounds[0] : bounds[0] + 5].lower() == "that ":  # the misparsed 'that X'
                bounds = (bounds[0] + 5, bounds[1])
            # "allegations that she had met X and that the contract had been awarded without a tender"
            parts = content_roots(clause) if clause is not None else []
            if len(parts) > 1:
                bounds = (bounds[0], content_bounds(self.doc, parts[0], split=True)[1])
            for part in parts[1:]:
                self._noun_claim(noun, clause_bounds(self.doc, part), part)
            self._noun_claim(noun, bounds, clause)

    def from_showing_documents(self) -> None:
        """'questioned official figures showing unemployment had fallen': what the figures show is a claim
        of whoever published them, so the doubt has something to bear on."""
        found = (self.doc[i] for i, low in enumerate(lower_forms(self.doc)) if low in _SHOWING_NOUNS)
        for noun in (t for t in found if t.pos_ == "NOUN"):
            for participle in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _SHOWING):
                clause = next(
                    (c for c in participle.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None
                )
                bounds = clause_bounds(self.doc, clause) if clause is not None else None
                shown = next((c for c in participle.children if c.dep_ == "dobj"), None)
                if clause is None and shown is not None and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
                    # "figures showing unemployment had fallen", parsed with the figures as the subject
                    clause = noun.head
                    bounds = (shown.left_edge.idx, clause_bounds(self.doc, clause)[1])
                if clause is None or bounds is None or bounds[1] - bounds[0] < 8:
                    continue
                if any(c.root is not None and c.root.i == clause.i for c in self.claims):
                    continue
                self._noun_claim(noun, bounds, clause)
                doubter = clause.head if clause.dep_ == "ccomp" else None
                if (
                    doubter is not None and doubter.lemma_.lower() in _DOUBTING
                ):  # "questioned official figures"
                    claim = next(c for c in self.claims if c.root is not None and c.root.i == clause.i)
                    self.stance(claim, self._speaker(doubter), "questions", doubter.text, doubter)

    def _noun_claim(self, noun: Token, bounds: tuple[int, int], clause: Token | None) -> None:
        """The claim a claim noun carries, with the stance of whoever the noun says made it."""
        claim = self.new_claim(bounds[0], bounds[1], clause)
        source = (
            self._outlet_modifier(noun)
            or self._made_by(noun)
            or resolve_np(self.table, noun, record_pronoun=False)
            or self._circulating_on(noun)
        )
        reporting = noun.lower_ in REPORT_WORDS or is_report_source(self.table, source)
        self.stance(claim, source, "reports" if reporting else "asserts", noun.text, noun)

    def _made_by(self, noun: Token) -> str | None:
        """'accusations by human rights groups that X', 'claims from the opposition that X': who made them."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
            source = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if source is not None and source.pos_ in ("NOUN", "PROPN"):
                return resolve_speaker(self.table, source)
        return None

    def _circulating_on(self, noun: Token) -> str | None:
        """'claims circulating on social media that X', 'reports published in local media': the medium."""
        for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")):
            for prep in (c for c in participle.children if c.dep_ == "prep" and c.lower_ in ("on", "in")):
                medium = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if medium is not None and medium.lemma_.lower() in _MEDIA:
                    return resolve_speaker(self.table, medium)
        return None

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
            # the dateline's credited outlet (no cue word) carries the story, and an outlet only told
            # something ('told Reuters') writes it: neither is a report the story tells of
            if st.stance == "reports"
            and st.actor is not None
            and st.cue_token is not None
            and st.cue_token.lemma_.lower() != "tell"
            and self._reporter(st)
        }
        if len(outlets) != 1:
            return
        outlet = next(iter(outlets))
        for claim in self.claims:
            for st in list(claim.stances):
                tok = st.cue_token
                unnamed = st.actor is None or self.table.kind(st.actor) == "UNNAMED"
                if tok is None or not (tok.tag_ == "NN" and tok.lower_ in REPORT_WORDS):
                    continue
                if st.stance == "reports" and unnamed and tok.i < self._first_mention(outlet):
                    self.stance(claim, outlet, "reports", st.cue, tok)

    def _reporter(self, st: StanceDraft) -> bool:
        """An outlet, or an organisation that 'reported' something in the article ('The Tagespost')."""
        if st.actor is None:
            return False
        verb = st.cue_token is not None and st.cue_token.pos_ == "VERB"
        kind = self.table.kind(st.actor)
        # 'Fjordposten reported': a one-word name the tagger took for a person; people come with full names
        masthead = kind == "PERSON" and " " not in self.table.name(st.actor)
        reported = verb and st.cue_token is not None and st.cue_token.lemma_.lower() == "report"
        return is_outlet(self.table.entries[st.actor]) or (verb and kind == "ORG") or (reported and masthead)

    def from_findings(self) -> None:
        """Claims that are not quotes: 'jurors found that X' (asserts), 'questioned whether X' (questions)."""
        for i, lemma in enumerate(lower_lemmas(self.doc)):
            if lemma not in _FINDING_OR_DOUBTING or (verb := self.doc[i]).pos_ != "VERB":
                continue
            marks = ("that",) if lemma in _FINDING_VERBS else ("that", "whether", "if")
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and has_mark(c, marks)), None)
            if clause is None and lemma in _FINDING_VERBS:  # "an audit that found it had paid ...": no 'that'
                clause = next((c for c in verb.children if c.dep_ == "ccomp" and finite_clause(c)), None)
            if clause is None or any(c.root is not None and c.root.i == clause.i for c in self.claims):
                continue
            start, end = clause_bounds(self.doc, clause)
            if end - start >= 8 and not self._crosses_quote(start, end):
                doubter = hard_to_believe(verb)
                speaker = self._speaker(verb) if doubter is None else self._doubter(doubter)
                claim = self.new_claim(start, end, clause, speaker=speaker)
                label: StanceLabel = "asserts" if lemma in _FINDING_VERBS and doubter is None else "questions"
                self.stance(claim, speaker, label, verb.text, verb)

    def _doubter(self, subject: Token) -> str | None:
        if subject.pos_ == "PRON":
            return resolve_pronoun(self.table, subject)
        return resolve_speaker(self.table, subject)

    def _cited_source(self, cue: Token | None, root: Token | None) -> tuple[str | None, Token] | None:
        """'reported, citing two people familiar with the matter, that X': the cited source asserts X.

        The parser hangs 'citing' on the cue or, as often, on the content's verb (before its 'that').
        """
        if cue is None:
            return None
        candidates = list(cue.children)
        if root is not None:
            that = next((c.i for c in root.children if c.dep_ == "mark"), root.i)
            candidates += [c for c in root.children if c.i < that]
        citing = next((c for c in candidates if c.lemma_.lower() == "cite" and c.tag_ == "VBG"), None)
        source = next((c for c in citing.children if c.dep_ == "dobj"), None) if citing is not None else None
        if citing is None or source is None:
            return None
        return resolve_speaker(self.table, source), citing

    def from_confirmations(self) -> None:
        """'The ministry confirmed outbreaks of bird flu at two farms': the confirmed fact is a claim."""
        for i, lemma in enumerate(lower_lemmas(self.doc)):
            if lemma not in _CONFIRMING_VERBS or (verb := self.doc[i]).pos_ != "VERB":
                continue
            if any(c.dep_ == "neg" for c in verb.children) or (
                verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse")
            ):
                continue  # "could not confirm", "declined to confirm": no position taken
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None or obj.pos_ != "NOUN" or self._refers_to_claim(obj):
                continue
            named = self._claim_named_by(obj)
            if named is not None:  # "Calder confirmed the recall": the earlier claim that it is recalling
                self.stance(named, self._speaker(verb), "asserts", verb.text, verb)
                continue
            start, end = np_span(obj)
            place = next((c for c in verb.children if c.dep_ == "prep" and c.i == obj.right_edge.i + 1), None)
            if place is not None and place.lower_ in _PLACE_PREPS:  # "confirmed outbreaks ... at two farms"
                end = np_span(place)[1]
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

    def from_declarations(self) -> None:
        for i, lemma in enumerate(lower_lemmas(self.doc)):
            if lemma not in _DECLARING or (tok := self.doc[i]).pos_ != "VERB":
                continue
            if lemma in _DECLARE:
                self._declaration(tok)
            elif lemma in ("accuse", "charge"):
                self._accusation(tok)
            elif lemma in _RECOGNIZE:
                self._recognition(tok)

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
        if subject.pos_ == "PRON" and small.pos_ == "PROPN" and verb.lemma_.lower() == "call":
            return  # "which calls itself NightLedger": a name, not a status
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
                self.stance(claim, self._speaker(verb), "asserts", with_adverb(verb), verb)
                return

    def _claim_is_about(self, claim: ClaimDraft, actor: str) -> bool:
        return any(
            self.table.token_actor.get(t.i) == actor
            for t in self.doc.char_span(claim.start, claim.end, alignment_mode="expand") or []
            if t.dep_ in ("nsubj", "dobj") or t.head.dep_ in ("nsubj", "dobj")
        ) or any(s.actor == actor for s in claim.stances)


_SHOWING_NOUNS = frozenset(
    {"figures", "data", "statistics", "numbers", "results", "survey", "poll", "study", "records", "images",
     "footage", "documents", "photographs", "photos", "video", "estimates"}
)  # fmt: skip
_SHOWING = frozenset({"show", "suggest", "indicate", "reveal"})
_DOUBTING = frozenset({"question", "doubt", "dispute", "challenge"})


def find_claims(
    doc: Doc, table: ActorTable, quotes: list[Attribution], outlet: tuple[int, int] | None = None
) -> list[ClaimDraft]:
    """The claims of one article with their stances; `outlet` is the character span of the outlet the
    dateline credits ('MOSCOW, Jan. 29 (Bloomberg) -'), which reports what its unnamed sources say."""
    builder = _Builder(doc, table, quotes)
    builder.from_findings()
    builder.from_quotes()
    builder.from_confirmations()
    builder.from_claim_nouns()
    builder.from_showing_documents()
    builder.from_declarations()
    builder.claims.sort(key=lambda c: c.start)
    builder.name_the_report()
    builder.from_positions()
    builder.from_labels()
    builder.from_reported_by()
    builder.from_questioned_figures()
    builder.from_contradictions()
    builder.from_denials_spoken_for()
    builder.from_questioned_restatements()
    builder.from_needed_confirmation()
    if outlet is not None:
        builder.credit_outlet(*outlet)
    return sorted(builder.claims, key=lambda c: c.start)
