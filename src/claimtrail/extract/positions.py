"""Positions taken on earlier claims: denials, doubts and confirmations, directly or through a reference.

"denied that X" restates X; "the report was another hoax", "refuted the reports", "cast doubt on the
figures" reach the claims the noun stands for. Opposing a plan ("rejected the ultimatum") is not a stance on
a claim: only claim nouns (and figures, for denials and doubts) are followed.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimtrail.extract.claim_syntax import (
    FIGURE_NOUNS,
    REFERENCE_FAMILIES,
    TRUTH_WORDS,
    apposed_claim_noun,
    clause_bounds,
    complement_on_maker,
    content_words,
    np_span,
    pleads_not_guilty,
    specified_figure,
    that_clause_after,
    with_adverb,
)
from claimtrail.extract.claimset import SUPPORT, ClaimDraft, ClaimSet, cue_lemma, is_report_source, only_by
from claimtrail.extract.contradiction import (
    content_stems,
    contradicts,
    negated_clauses,
    negated_focus,
    same_word,
    stem,
)
from claimtrail.extract.descriptions import in_lede
from claimtrail.extract.lexicon import lexicon
from claimtrail.extract.quotes import LABEL_VERBS, Attribution, content_roots, neither_nor, speaker_token
from claimtrail.extract.references import resolve_np, resolve_pronoun, resolve_speaker
from claimtrail.extract.sentences import lower_forms, lower_lemmas, paragraph_end, sentence, text_of
from claimtrail.models import StanceLabel

_DOUBT_VERBS = frozenset({"cast", "raise", "express", "voice", "throw", "sow"})
_GROUND_NOUNS = frozenset({"truth", "basis", "foundation", "substance", "merit", "evidence"})
_HEDGES = frozenset({"suggest", "imply", "hint", "speculate", "wonder", "insinuate"})
_DEMONSTRATIVES = frozenset({"these", "those", "this", "that", "it", "such"})
_DENYING_FIGURES = frozenset({"deny", "refute", "debunk", "disprove"})
_CONFIRMING = frozenset({"confirm", "acknowledge", "admit", "concede"})
_CONFIRMATION_NOUNS = frozenset({"confirmation", "verification", "corroboration"})
_NEEDING = frozenset({"need", "require", "await"})
_OUTLET_HEADS = frozenset(
    {"blog", "newspaper", "paper", "daily", "site", "website", "outlet", "magazine", "broadcaster", "agency"}
)
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
_MATCHING_WORDS = frozenset({"consistent", "correspond", "reflect", "match", "accord"})
_FACT_NOUNS = frozenset({"fact", "facts", "reality", "truth"})
_EVENT_VERBS = frozenset({"happen", "occur"})
_NUMBER_NOUNS = frozenset({"figure", "figures", "number", "numbers", "statistics", "tally", "count", "toll"})
_NUMBER_WORDS = frozenset(
    {"million", "billion", "thousand", "hundred", "dozen", "half", "third", "quarter", "%"}
)
# title and name words that say nothing about which body someone belongs to
_GENERIC_STEMS = frozenset(
    {"state", "natio", "feder", "gener", "chief", "the", "of", "for", "and", "senio", "deput"}
)
_SPEECH_NOUNS = frozenset({"remarks", "comments", "statement", "statements", "words", "testimony"})
_MISCONDUCT = frozenset({"wrongdoing", "involvement", "responsibility", "impropriety", "misconduct", "guilt"})
_COUNSEL_WORDS = frozenset({"lawyer", "attorney", "counsel", "solicitor", "barrister", "advocate"})
_VERIFYING = frozenset({"confirm", "verify", "corroborate"})
_QUESTIONING = frozenset({"question", "doubt", "wonder", "dispute", "challenge"})
# words in a reference that say nothing about which claim it is ("the report published on Monday")
_VAGUE = frozenset(
    {"publish", "release", "circulate", "make", "say", "report", "carry", "air", "post", "earlier", "recent"}
)


def _paragraphs_back(doc: Doc, char: int, n: int) -> int:
    """Where the paragraph `n` paragraphs before the one holding `char` starts (0 at the top)."""
    text = text_of(doc)
    start = text.rfind("\n", 0, char) + 1
    for _ in range(n):
        end = start - 1
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end <= 0:
            return 0
        start = text.rfind("\n", 0, end) + 1
    return start


# lemmas from_positions acts on besides stance verbs and denial words: "plead", "stand (by)", doubt verbs
# ("cast doubt") and the matching words a negated truth may use ("not consistent with the facts")
_POSITION_LEMMAS = frozenset({"plead", "stand", "add", "confidence"}) | _DOUBT_VERBS | _MATCHING_WORDS
# what an outlet has confidence in when it stands by a story ('had "every confidence" in its sources')
_TRUSTED = frozenset({"sources", "source", "reporting", "reporters", "journalists", "story", "stories"})
_OWN_WORK = frozenset(
    {"report", "findings", "figures", "numbers", "estimate", "estimates", "analysis", "research"}
)


def _says_such(noun: Token) -> bool:
    return any(c.lower_ == "such" for c in noun.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _nobody_labels(verb: Token) -> bool:
    """'Nobody who works those shifts would call that number inflated', 'did not call it false': no one
    applies the label ('That never happened' is another matter: the negation is the denial)."""
    if verb.lemma_.lower() not in LABEL_VERBS:
        return False
    return _negated(verb) or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "none", "no-one") for c in verb.children
    )


def _count_of(ref: Token) -> int:
    """'both reports', 'the two reports' -> 2; otherwise 0."""
    if ref.tag_ not in ("NNS", "NNPS"):
        return 0
    counts = [_COUNTS.get(c.lower_, 0) for c in ref.children if c.dep_ in ("det", "nummod", "predet")]
    return max(counts, default=0)


def _reporter_and_thing(verb: Token, *, first: bool) -> tuple[Token | None, Token | None]:
    """'X, (first) reported by Y' / 'X was first reported by Y' -> (Y, X); 'Y first reported X' -> (Y, X)."""
    if verb.tag_ == "VBN":
        agent = next(
            (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
        )
        noun = verb.head if verb.dep_ in ("acl", "relcl") else None
        return agent, noun or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if not first:  # "The newspaper reported the deal" is a report of its own, found with its content
        return None, None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    outlet_like = subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in _OUTLET_HEADS)
    return (subject, thing) if outlet_like else (None, None)


def _sources(
    claim: ClaimDraft, family: frozenset[str], labels: tuple[str, ...] = ("reports", "asserts")
) -> set[str]:
    """Who put a claim forward (reported or asserted it), by a cue of `family` when one is given."""
    return {
        st.actor
        for st in claim.stances
        if st.stance in labels and st.actor is not None and (not family or cue_lemma(st) in family)
    }


def _asked_whether(verb: Token) -> bool:
    """A verb in a 'whether'/'if' clause: what is asked about, not a position anyone took."""
    for tok in [verb, *verb.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "conj", "aux", "advcl") or tok.dep_ == "ROOT":
            break
    return False


def _reporters(claim: ClaimDraft) -> set[str]:
    """Who reported a claim in so many words (not the dateline's outlet, credited with no cue)."""
    return {
        st.actor for st in claim.stances if st.stance == "reports" and st.actor and st.cue_token is not None
    }


def _what_clause(tok: Token) -> bool:
    """'what happened' in 'That is not what happened': a free relative that is the copula's predicate."""
    return (
        tok.dep_ == "ccomp"
        and tok.head.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "what" for c in tok.children)
    )


def _negated_truth(tok: Token) -> str | None:
    """'not true', 'is simply not true', 'not consistent with the facts', 'does not correspond to reality'."""
    holder = tok if tok.dep_ not in ("acomp", "attr") else tok.head  # the copula carries 'not' as often
    if _what_clause(tok):  # "That is simply not what happened": the copula's 'not'
        holder = tok.head
    neg = next((c for c in [*tok.children, *holder.children] if c.dep_ == "neg"), None)
    if neg is None:
        return None
    end = tok.i
    if tok.lemma_.lower() in _EVENT_VERBS:  # "That never happened", "None of this happened"
        return tok.doc[min(neg.i, tok.i) : end + 1].text
    if tok.lower_ not in TRUTH_WORDS:
        if tok.lemma_.lower() not in _MATCHING_WORDS:
            return None
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        objects += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        fact = next((o for o in objects if o.lemma_.lower() in _FACT_NOUNS), None)
        if fact is None:
            return None
        end = fact.i
    return tok.doc[min(neg.i, tok.i) : end + 1].text


class Positions(ClaimSet):
    """Stances on claims already found, taken later in the article."""

    def from_positions(self) -> None:
        stance_verbs, denial_words = lexicon().stance_verbs, lexicon().denial_predicates
        for i, (lemma, low) in enumerate(zip(lower_lemmas(self.doc), lower_forms(self.doc), strict=True)):
            label = stance_verbs.get(lemma) or SUPPORT.get(lemma)
            if not (  # none of the words the steps below look for: no Token to build
                label
                or lemma in _POSITION_LEMMAS
                or low in _GROUND_NOUNS
                or low in denial_words
                or lemma in denial_words
                or low in TRUTH_WORDS
                or lemma in _EVENT_VERBS
            ):
                continue
            tok = self.doc[i]
            pos = tok.pos_
            is_verb = pos == "VERB"
            if is_verb and lemma == "plead" and pleads_not_guilty(tok):
                label = "denies"
                self._pleaded_not_guilty(tok)
            if is_verb and label == "asserts" and lemma in _VERIFYING:
                label = self._unconfirmed(tok)
            if is_verb and label in ("denies", "questions", "asserts", "reports"):
                self._verb_on_reference(tok, label)  # type: ignore[arg-type]
            predicate_like = (
                pos in ("NOUN", "ADJ", "PROPN")
                or (is_verb and tok.tag_ == "VBN")
                or lemma in _MATCHING_WORDS
                or lemma in _EVENT_VERBS
            )
            if predicate_like and self._denial_predicate(tok) is not None:
                self._predicate_on_reference(tok)
            stood_by = self._stood_by(tok) if is_verb and lemma == "stand" else None
            if stood_by is not None:  # "The Tribune said it stood by its reporting"
                self._stands_by(tok, stood_by)
            trusted = self._confidence_in(tok) if lemma == "confidence" and pos == "NOUN" else None
            if trusted is not None:  # 'the paper had "every confidence" in its sources'
                self._stands_by(tok.head, trusted)
            if lemma in _DOUBT_VERBS and is_verb:
                self._doubt(tok)
            if lemma == "add" and is_verb:
                self._does_not_add_up(tok)
            if low in _GROUND_NOUNS and any(c.lower_ in ("no", "little") for c in tok.children):
                self._no_truth_in(tok)

    def from_labels(self) -> None:
        """'branded the story "fake news"', 'called the reports "a pack of lies"': a quoted label with a
        denial word in it denies what the labelled object refers to, however the parser hung the words."""
        words = lexicon().denial_predicates
        for quote in self.quotes:
            cue = quote.cue
            if quote.kind != "mixed" or cue is None or cue.lemma_.lower() not in LABEL_VERBS:
                continue
            obj = next((c for c in cue.children if c.dep_ == "dobj" and self._refers_to_claim(c)), None)
            label = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if obj is None or label is None:
                continue
            denial = [t for t in label if t.i > obj.i and (t.lower_ in words or t.lemma_.lower() in words)]
            if not denial or any(t.dep_ == "neg" for t in label):
                continue
            holder = self._holder(cue)
            text = text_of(self.doc)[obj.right_edge.idx + len(obj.right_edge.text) : quote.end]
            for claim in self._denied_just_now(cue, obj, holder) or self._targets(obj, holder):
                self.stance(claim, holder, "denies", text.strip(' "\u201c\u201d.,'), cue)

    def _denied_just_now(self, cue: Token, obj: Token, holder: str | None) -> list[ClaimDraft]:
        """'denied leaking the report, calling the accusation "a convenient smear"': the accusation is
        what the verb the label hangs on has just denied, not a report told further down ("a consumer
        group's findings", whose they are said, are what that group said)."""
        head = cue.head
        owned = any(c.dep_ == "poss" for c in obj.children)
        if cue.dep_ != "advcl" or holder is None or owned:
            return []
        return [
            c
            for c in self.claims
            if any(
                s.stance == "denies"
                and s.actor == holder
                and s.cue_token is not None
                and s.cue_token.i == head.i
                for s in c.stances
            )
        ]

    def from_reported_by(self) -> None:
        """'a plan first reported by Bloomberg', 'The listing was first reported by the site X',
        'two days after a security blog first reported the breach'."""
        for i, lemma in enumerate(lower_lemmas(self.doc)):
            if lemma not in ("report", "publish"):
                continue
            verb = self.doc[i]
            first = any(c.lower_ == "first" for c in verb.children)
            agent, noun = _reporter_and_thing(verb, first=first)
            if agent is None or noun is None:
                continue
            named = next((a for a in agent.children if a.dep_ == "appos"), None) or self._named_later(agent)
            outlet = resolve_speaker(self.table, named or agent)
            by = " by" if verb.tag_ == "VBN" else ""
            cue = f"{'first ' if first else ''}{verb.text}{by}"
            for claim in self._reported_thing(noun, verb, outlet):
                self.stance(claim, outlet, "reports", cue, verb)

    def _named_later(self, noun: Token) -> Token | None:
        """'a security blog first reported the breach ... The blog, BreachLedger, reported': the name."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        if not indefinite:
            return None
        names = [
            a
            for t in self.doc
            if t.i > noun.i and t.lemma_ == noun.lemma_ and any(c.lower_ == "the" for c in t.children)
            for a in t.children
            if a.dep_ == "appos" and a.i in self.table.token_actor
        ]
        return names[0] if len(names) == 1 else None

    def _reported_thing(self, noun: Token, verb: Token, outlet: str | None) -> list[ClaimDraft]:
        """What 'X, first reported by Y' stands for: X's claims, else the claims the sentence states."""
        if self._refers_to_claim(noun):
            return self._targets(noun, outlet)
        sent = sentence(verb)
        stated = [
            c
            for c in self.claims
            if sent.start_char <= c.start < sent.end_char
            and not (c.start <= noun.idx < c.end or c.start <= verb.idx < c.end)
            and not only_by(c, outlet)
        ]
        return stated or self._earlier_claims(noun, outlet)

    def from_questioned_figures(self) -> None:
        """'questioned whether the company's count was complete': the claim that gave the count."""
        stance_verbs = lexicon().stance_verbs
        for i, lemma in enumerate(lower_lemmas(self.doc)):
            if stance_verbs.get(lemma) != "questions" or (verb := self.doc[i]).pos_ != "VERB":
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause else None
            if subject is None or subject.lower_ not in FIGURE_NOUNS:
                continue
            holder = self._speaker(verb)
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            by = resolve_np(self.table, owner, record_pronoun=False) if owner is not None else None
            stated = [
                c
                for c in self.claims
                if c.end <= verb.idx
                and not only_by(c, holder)
                and (by is None or by in _sources(c, frozenset()))
                and any(t.like_num for t in self.doc.char_span(c.start, c.end, alignment_mode="expand") or [])
            ]
            if stated:
                self.stance(stated[-1], holder, "questions", f"{verb.text} whether", verb)

    def from_questioned_restatements(self) -> None:
        """'questioned whether trading had improved' after 'trading had been "better than expected"': a
        question that restates someone else's earlier claim questions that claim too; a confirmation
        that restates one ('confirmed that the inspections were overdue') asserts it."""
        for claim in list(self.claims):
            for st in [s for s in claim.stances if s.stance in ("questions", "asserts") and s.cue_token]:
                restating = _QUESTIONING if st.stance == "questions" else _CONFIRMING
                if cue_lemma(st) not in restating or st.actor is None:
                    continue
                # "confirmed that the inspections were overdue" after "had skipped the inspections"
                for other in self._restated_by([claim], st.actor):
                    if other.start < claim.start and st.actor not in _sources(other, frozenset()):
                        self.stance(other, st.actor, st.stance, st.cue, st.cue_token)
            # "too early to say whether the police version was accurate": the version is what is doubted
            subject = self._truth_of_reference(claim)
            doubters = [s for s in claim.stances if s.stance == "questions" and s.actor is not None]
            for st in doubters if subject is not None else []:
                for other in self._targets(subject, st.actor):  # type: ignore[arg-type]
                    if other is not claim:
                        self.stance(other, st.actor, "questions", st.cue, st.cue_token)

    def _truth_of_reference(self, claim: ClaimDraft) -> Token | None:
        """The claim reference whose truth a claim is about ('the police version was accurate')."""
        root = claim.root
        if root is None or root.lemma_.lower() != "be":
            return None
        if not any(c.dep_ == "acomp" and c.lower_ in TRUTH_WORDS for c in root.children):
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and self._refers_to_claim(subject) else None

    def from_contradictions(self) -> None:
        """'Talks have not collapsed': a speaker's negated restatement of someone else's earlier claim."""
        for quote in self.quotes:
            if quote.speaker is None:
                continue
            span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
            heads = [
                t for t in span or [] if t.dep_ in ("ROOT", "ccomp", "conj") and t.pos_ in ("VERB", "AUX")
            ]
            for clause in {c for head in heads for c in negated_clauses(head)}:
                focus = negated_focus(clause)
                if focus is None:
                    continue
                if any(c.lower_ == "such" for c in focus.children):  # "there have been no such requests"
                    for claim in self._such(focus, quote.speaker):
                        self.stance(claim, quote.speaker, "denies", f"no such {focus.text}", clause)
                    continue
                self._contradicted(quote.speaker, clause, focus, quote.start)
                client = self._client_speaking(clause, quote.speaker)
                if client is not None:  # 'her client "did not receive, read or ignore" any warnings'
                    self._contradicted(client, clause, focus, quote.start)
                self._denied_about_self(quote.speaker, client, clause, quote.start)
            self._denied_content(quote)
            self._corrected_figure(quote)

    def _corrected_figure(self, quote: Attribution) -> None:
        """'The overflow lasted 40 minutes, not 19 hours': the figure set right ('not 19 hours') denies
        someone else's earlier claim that gave it."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        speaker = quote.speaker
        if span is None or speaker is None:
            return
        for tok in span:
            if (
                tok.lower_ != "not"
                or tok.i < 1
                or self.doc[tok.i - 1].text != ","
                or tok.i + 2 >= len(self.doc)
            ):
                continue
            number, unit = self.doc[tok.i + 1], self.doc[tok.i + 2]
            if not number.like_num or not unit.is_alpha:
                continue
            figure = re.compile(rf"\b{re.escape(number.text)} {re.escape(unit.text)}\b")
            for claim in self.claims:
                theirs = _sources(claim, frozenset())
                if claim.end > quote.start or not theirs or speaker in theirs:
                    continue
                if any(self._same_side(speaker, source) for source in theirs):
                    continue
                if figure.search(text_of(self.doc)[claim.start : claim.end]):
                    self.stance(claim, speaker, "denies", f"not {number.text} {unit.text}", tok)

    def from_denials_spoken_for(self) -> None:
        """'The company denied the report. "Construction is on track," company secretary Rina Wulandari
        said': who speaks for a denier in the next sentence of the same paragraph denies what it denied."""
        for claim in self.claims:
            denials = [s for s in claim.stances if s.stance == "denies" and s.actor and s.cue_token]
            for st in denials:
                follower = self._next_sentence_quote(st.cue_token)  # type: ignore[arg-type]
                if follower is None or follower.speaker in (None, st.actor) or follower.cue is None:
                    continue
                if self._same_side(follower.speaker, st.actor):  # type: ignore[arg-type]
                    self.stance(claim, follower.speaker, "denies", follower.cue.text, follower.cue)

    def _next_sentence_quote(self, token: Token) -> Attribution | None:
        """The first quote that opens the sentence after `token`'s, within its paragraph."""
        sent = sentence(token)
        if sent.end >= len(self.doc) or paragraph_end(self.doc, sent.start_char) < sent.end_char:
            return None
        following = sentence(self.doc[sent.end])
        if paragraph_end(self.doc, sent.start_char) < following.start_char:
            return None
        inside = [q for q in self.quotes if following.start_char <= q.start < following.end_char]
        return min(inside, key=lambda q: q.start) if inside else None

    def _denied_content(self, quote: Attribution) -> None:
        """'denied that the chief had taken money' answers 'the chief received payments ...' told before:
        what a denial verb reports is negated, as a negated clause is."""
        cue, root = quote.cue, quote.content_root
        if quote.speaker is None or cue is None or root is None or quote.kind == "direct":
            return
        if lexicon().stance_verbs.get(cue.lemma_.lower()) != "denies":
            return
        for clause in negated_clauses(root):
            if clause.pos_ == "VERB" and negated_focus(clause) is None:
                self._contradicted(quote.speaker, clause, clause, sentence(cue).start_char, cue.text)
            such = next(
                (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and _says_such(c)), None
            )
            if such is not None:  # "denied that any such investigation was under way", as 'no such'
                for claim in self._such(such, quote.speaker):
                    self.stance(claim, quote.speaker, "denies", cue.text, cue)

    def _unconfirmed(self, verb: Token) -> StanceLabel | None:
        """'confirmed the report' asserts it; 'declined to confirm' and a spokesman's 'could not confirm'
        take no position; 'Reuters could not independently verify the account': the outlet questions it."""
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse"):
            return None
        if not _negated(verb):
            return "asserts"
        return "questions" if is_report_source(self.table, self._speaker(verb)) else None

    def _such(self, focus: Token, speaker: str) -> list[ClaimDraft]:
        """'our lenders have made no such demand': of the claims referred to, those about a demand; 'no
        such meeting took place': the earlier claims by others that tell of a meeting."""
        targets = self._targets(focus, speaker)
        key = stem(focus)
        if self._own_clause(focus) or self._asked_about(focus):  # "no such requests," asked about X: X
            return [c for c in targets if any(same_word(s, key) for s in self._stems(c))] or targets
        earlier = [c for c in self.claims if c.end <= focus.idx and c.stances and not only_by(c, speaker)]
        candidates = targets + [c for c in earlier if c not in targets]
        named = [c for c in candidates if any(same_word(s, key) for s in self._stems(c))]
        if named:
            return sorted(named, key=lambda c: c.start)
        return targets if self._refers_to_claim(focus) else []

    def _denied_about_self(self, speaker: str, client: str | None, clause: Token, before: int) -> None:
        """'"I have no intention of resigning," Boakye said' after 'Boakye had submitted a resignation
        letter': a person's negated statement about themself ('I ...', 'my client ...') denies what others
        claimed about that person, in whatever words."""
        subject = speaker_token(clause)
        if subject is None:
            return
        person = speaker if subject.lower_ == "i" else client
        if person is None or self.table.kind(person) != "PERSON":
            return
        holders = [speaker] if person == speaker else [speaker, person]
        cue = (
            self.doc[clause.i : clause.right_edge.i + 1].text
            if clause.right_edge.i - clause.i < 6
            else clause.text
        )
        name_stems = {w.lower()[:5] for w in self.table.name(person).split()}
        ours = content_stems(list(clause.subtree)) - name_stems
        for claim in self.claims:
            theirs = _sources(claim, frozenset())
            if claim.end > before or not theirs or theirs & set(holders) or not self._mentions(claim, person):
                continue
            if any(st.stance == "denies" and st.actor in holders for st in claim.stances):
                continue
            if _tells_of_inquiry(claim):
                continue  # "my client never altered a single image" does not deny that an inquiry began
            span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
            words = content_stems(span) - name_stems if span is not None else set()
            if not any(same_word(a, b) for a in ours for b in words):
                continue  # "he is not a flight risk" says nothing about "he diverted the money"
            for holder in holders:
                self.stance(claim, holder, "denies", cue, clause)

    def _contradicted(
        self, speaker: str, clause: Token, focus: Token, before: int, denial: str | None = None
    ) -> None:
        """Someone else's earlier claims the negated clause (or the act a denial verb names) answers."""
        for claim in self.claims:
            theirs = _sources(claim, frozenset())
            if claim.end > before or speaker in theirs or only_by(claim, speaker) or not claim.stances:
                continue
            if any(self._same_side(speaker, source) for source in theirs):
                continue  # an officer of the commission does not deny the commission's own figures
            span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
            if span is not None and contradicts(clause, focus, span, claim.root):
                negator = next(
                    (c for c in [*clause.children, *focus.children] if c.dep_ in ("neg", "det")), focus
                )
                cue = denial or self.doc[min(negator.i, focus.i) : max(negator.i, focus.i) + 1].text
                self.stance(claim, speaker, "denies", cue, clause)

    def _same_side(self, person: str, body: str) -> bool:
        """A person who speaks for an organisation: affiliated with it, or titled with its own words
        ('State Chief Electoral Officer' and the 'State Election Commission')."""
        entry, org = self.table.entries.get(person), self.table.entries.get(body)
        if entry is None or org is None or entry.kind != "PERSON" or org.kind not in ("ORG", "UNNAMED"):
            return False
        if entry.affiliation is not None and entry.affiliation == org.name:
            return True
        titled = {w.lower()[:5] for t in entry.titles for w in t.split()} - _GENERIC_STEMS
        named = {w.lower()[:5] for w in org.name.split()} - _GENERIC_STEMS
        return bool(titled & named)

    def _no_truth_in(self, noun: Token) -> None:
        """'There is no truth in this story', 'no basis for the claims': a denial of what follows."""
        # "There is no truth in it": the phrase may hang on the noun or on 'is'
        near = [*noun.children, *(c for c in noun.head.children if c.i > noun.i and noun.head.lemma_ == "be")]
        for prep in (c for c in near if c.dep_ == "prep" and c.lower_ in ("in", "to", "for", "behind")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if self._refers_to_claim(pobj):
                    det = next(c for c in noun.children if c.lower_ in ("no", "little"))
                    cue = f"{det.text} {noun.text}"
                    actor = self._holder(noun.head if noun.head.i != noun.i else noun)
                    for claim in self._targets(pobj, actor):
                        self.stance(claim, actor, "denies", cue, noun)

    def _objects(self, verb: Token, *, figures: bool = False) -> list[Token]:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        labelled = bool(objs)  # "dismissed the account as speculation": 'as' gives a label, not a target
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            if prep.lower_ == "as" and labelled:
                continue
            objs += [c for c in prep.children if c.dep_ == "pobj"]
        objs += [a for o in objs for a in o.children if a.dep_ == "appos"]  # 'denied as "fake news" a report'
        apposed = apposed_claim_noun(verb)
        objs += [apposed] if apposed is not None else []  # "..., a charge Montevideo denied"
        nouns = lexicon().claim_nouns
        return [
            o
            for o in objs
            if o.lemma_.lower() in nouns or o.lower_ in nouns or (figures and o.lower_ in FIGURE_NOUNS)
        ]

    def _verb_on_reference(self, verb: Token, label: StanceLabel) -> None:
        lemma = verb.lemma_.lower()
        if label == "asserts" and lemma not in SUPPORT:
            return
        if label in ("asserts", "reports") and any(c.dep_ == "neg" for c in verb.children):
            return  # "we do not report allegations to funders": no claim is passed on
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "every payment cited in the article": not an act
            return
        if _asked_whether(verb):  # "Asked whether the Union would support a revised version": a question
            return
        if neither_nor(verb):  # "neither confirmed nor denied the report": no position at all
            return
        if label == "denies":
            self._denied_act(verb)
            self._denied_wrongdoing(verb)
        # figures are questioned or denied outright ("questioned the 61% turnout"); rejecting results is not
        figures = label == "questions" or lemma in _DENYING_FIGURES
        objects = self._objects(verb, figures=figures)
        if label in ("denies", "questions"):  # "The minister rejected that.": what was just said
            objects += [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("that", "this")]
        for obj in objects:
            actor = self._speaker(verb)
            targets = self._stating_figure(obj, actor) if specified_figure(obj) else self._targets(obj, actor)
            # ("the Crown's account" is a version of events, not a figure to make a claim of)
            if not targets and obj.lower_ in FIGURE_NOUNS - {"account"} and label in ("denies", "questions"):
                start, end = np_span(obj)  # "questioned the 61% turnout reported in two districts"
                targets = [self.new_claim(start, end, obj)]
            counsel = self._counsel(verb, actor)
            holders = [actor, *([counsel] if counsel is not None else []), *self._co_subjects(verb, actor)]
            for claim in targets:
                for holder in holders:
                    self.stance(claim, holder, label, with_adverb(verb), verb)

    def _stating_figure(self, noun: Token, holder: str | None) -> list[ClaimDraft]:
        """'questioned Greyline's 30% estimate': the earlier claims of others that state that figure."""
        figures = {t.text for c in noun.children for t in c.subtree if t.like_num}
        stating = []
        for claim in self.claims:
            if claim.end > noun.idx or not claim.stances or only_by(claim, holder):
                continue
            span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
            if span is not None and any(t.like_num and t.text in figures for t in span):
                stating.append(claim)
        return stating

    def _co_subjects(self, verb: Token, first: str | None) -> list[str]:
        """ "Acme Holdings and its chairman, Tom Reed, denied the report": each of the joined subjects."""
        subject = speaker_token(verb)
        if subject is None or first is None or first.startswith("GROUP:"):
            return []
        found = []
        for other in [*subject.conjuncts, *self._named_in_subjects(verb)]:
            key = resolve_speaker(self.table, other)
            if key is not None and key != first and self.table.kind(key) in ("PERSON", "ORG", "GPE"):
                found.append(key)
        return found

    def _named_in_subjects(self, verb: Token) -> list[Token]:
        """'Italian lenders Banca Arnese and Credito Ligure Unito denied': the names a subject joins with
        'and', however the parser hangs them on each other (or splits them into two subjects)."""
        names, joined = [], False
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            for tok in subject.subtree:
                path = [a for a in tok.ancestors if subject.is_ancestor(a)] if tok != subject else []
                if any(a.dep_ in ("prep", "relcl", "acl") for a in [tok, *path]):
                    continue  # "the head of X and Y": X and Y are not the subject
                joined = joined or (tok.lower_ == "and" and tok.dep_ == "cc")
                if tok.i in self.table.token_actor and tok.pos_ == "PROPN":
                    names.append(tok)
        return names if joined else []

    def _stands_by(self, verb: Token, noun: Token) -> None:
        """'The Tribune said it stood by its reporting'; 'the chairman stood by those remarks' (said his
        spokesman): the one standing by them asserts their own earlier statements again."""
        subject = speaker_token(verb)
        own = resolve_speaker(self.table, subject) if subject is not None and subject.pos_ != "PRON" else None
        holder = own or self._holder(verb)
        said = [c for c in self.claims if c.end <= verb.idx and holder in _sources(c, frozenset())]
        own_words = noun.lower_ in _SPEECH_NOUNS or (
            noun.lower_ in _TRUSTED and not self._refers_to_claim(noun)
        )
        # "the firm stood by every number in the report" it published: one stands by one's own words,
        # unless the noun names another's ("stood by the commission's findings")
        own_report = self._owner(noun, holder) is None and noun.lower_ in _OWN_WORK
        targets = said if said and (own_words or own_report) else self._targets(noun)
        spokesman = self._speaking_for(verb, holder)  # "its editor said the paper stood by its reporting"
        for claim in targets:
            for who in (holder, spokesman) if spokesman is not None else (holder,):
                self.stance(claim, who, "asserts", f"{verb.text} by", verb)

    def _speaking_for(self, verb: Token, body: str | None) -> str | None:
        """The speaker of the quote `verb` sits in, when they work for `body` (its editor, its spokesman)."""
        quote = next((q for q in self.quotes if q.start <= verb.idx < q.end), None)
        if quote is None or quote.speaker is None or body is None or quote.speaker == body:
            return None
        entry = self.table.entries.get(self.table.canonical(quote.speaker) or "")
        employer = entry.affiliation if entry is not None else None
        return quote.speaker if employer is not None and employer == self.table.name(body) else None

    def _denied_wrongdoing(self, verb: Token) -> None:
        """'Hanbit and its creditor both denied any wrongdoing': each denier denies what others claim about
        it ('prosecutors are investigating whether Hanbit inflated sales')."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        subject = speaker_token(verb)
        if obj is None or obj.lemma_.lower() not in _MISCONDUCT or subject is None:
            return
        for member in [subject, *subject.conjuncts]:
            key = self.table.token_actor.get(member.i) or resolve_speaker(self.table, member)
            if key is None or key.startswith("GROUP:"):
                continue
            for claim in self.claims:
                theirs = _sources(claim, frozenset())
                if _tells_of_inquiry(claim):  # that an inquiry began is no wrongdoing to deny
                    continue
                if theirs and key not in theirs and claim.start < verb.idx and self._mentions(claim, key):
                    self.stance(claim, key, "denies", f"{verb.text} {obj.text}", verb)

    def _does_not_add_up(self, verb: Token) -> None:
        """'the official account "simply does not add up"': doubt on what the subject refers to."""
        up = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
        if not up or not _negated(verb):
            return
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not self._refers_to_claim(subject):
            return
        holder = self._holder(verb)
        for claim in self._targets(subject, holder):
            self.stance(claim, holder, "questions", "does not add up", verb)

    def _pleaded_not_guilty(self, verb: Token) -> None:
        """'Hale has pleaded not guilty': the accused denies what others say he did, wherever it is told."""
        subject = speaker_token(verb)
        person = resolve_speaker(self.table, subject) if subject is not None else None
        if person is None or self.table.kind(person) != "PERSON":
            return
        cue = self.doc[verb.i : min(verb.i + 3, len(self.doc))].text
        for claim in self.claims:
            theirs = _sources(claim, frozenset())
            defence = any(self._is_counsel(s) for s in theirs)  # "her client categorically denies ..."
            if theirs and person not in theirs and not defence and self._mentions(claim, person):
                for holder in (person, self._counsel(verb, person)):
                    self.stance(claim, holder, "denies", cue, verb)

    def _is_counsel(self, key: str) -> bool:
        entry = self.table.entries.get(self.table.canonical(key) or key)
        words = {w.lower() for t in (entry.titles if entry else []) for w in t.split()}
        return bool(words & _COUNSEL_WORDS)

    def _client_speaking(self, clause: Token, lawyer: str) -> str | None:
        """The client a lawyer's clause is about ('her client did not ...'): the client's denial too."""
        subject = speaker_token(clause)
        if subject is None or subject.lemma_.lower() != "client":
            return None
        client = resolve_np(self.table, subject, record_pronoun=False)
        return client if client is not None and client != lawyer else None

    def _counsel(self, verb: Token, client: str | None) -> str | None:
        """'her client "categorically denies" the allegations', said by the lawyer: the lawyer denies too."""
        subject = speaker_token(verb)
        poss = next((c for c in subject.children if c.dep_ == "poss"), None) if subject is not None else None
        if subject is None or poss is None or subject.lemma_.lower() != "client":
            return None
        lawyer = (
            resolve_pronoun(self.table, poss) if poss.pos_ == "PRON" else self.table.token_actor.get(poss.i)
        )
        return lawyer if lawyer != client else None

    def _denied_act(self, verb: Token) -> None:
        """'denied using a banned substance': the act denied is the claim."""
        gerund = next(
            (c for c in verb.children if c.tag_ == "VBG" and c.dep_ in ("xcomp", "ccomp", "dobj")), None
        )
        if gerund is None:
            return
        start, end = np_span(gerund)
        if end - start >= 8:
            speaker = self._speaker(verb)
            self.stance(self.new_claim(start, end, gerund), speaker, "denies", verb.text, verb)
            if speaker is not None:  # "denied receiving any money" answers "received payments from ..."
                self._contradicted(speaker, gerund, gerund, sentence(verb).start_char, verb.text)

    def _targets(self, noun: Token, holder: str | None = None) -> list[ClaimDraft]:
        """Claims a claim noun stands for: its own clause ('reports that X') or earlier claims, and the
        other claims of the same story by the same source."""
        own = self._own_clause(noun) or self._asked_about(noun)
        if own and noun.tag_ == "NN" and not in_lede(self.table, noun):
            # "dismissed Lloyd's assertion that most drivers were earning more": that assertion only
            return own + self._restated_by(own, holder)
        if own:
            targets = own + self._restated_by(own, holder)
        else:
            targets = self._earlier_claims(noun, holder) or self._next_reports(noun, holder)
            if noun.tag_ == "NN" or noun.lower_ in _NUMBER_NOUNS:  # "denied the allegation", "the figures":
                return targets  # those claims, not the details told with them
        return targets + self._same_story(targets, noun, holder, ahead=bool(own))

    def _asked_about(self, ref: Token) -> list[ClaimDraft]:
        """'"These are just rumors," Arreaza said, when asked about reports that X': the reference is X."""
        quote = next((q for q in self.quotes if q.start <= ref.idx < q.end and q.cue is not None), None)
        if quote is None or quote.cue is None:
            return []
        asked = [c for c in quote.cue.children if c.dep_ == "advcl" and c.lemma_.lower() == "ask"]
        nouns = [t for a in asked for t in a.subtree if t.lower_ in lexicon().claim_nouns]
        return [c for n in nouns for c in self._own_clause(n)]

    def _next_reports(self, ref: Token, holder: str | None) -> list[ClaimDraft]:
        """'Savanna Air denied two newspaper reports about its future': a lede's reference with nothing
        before it points to the reports the next paragraph tells."""
        if not self._refers_to_claim(ref) or ref.pos_ != "NOUN":
            return []
        window = paragraph_end(self.doc, paragraph_end(self.doc, ref.idx) + 2)
        following = [
            c for c in self.claims if ref.idx < c.start < window and c.reported and not only_by(c, holder)
        ]
        named = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in ref.children)
        owner = self._owner(ref, holder) if named else None  # not "a newspaper's account": which one?
        if owner is None:
            return following
        # "Argentina's claims are false" is not about what a newspaper reports next
        return self._claims_of(owner, following)

    def _restated_by(self, own: list[ClaimDraft], holder: str | None) -> list[ClaimDraft]:
        """'The claim that Acme cut jobs is not true': the earlier claim the noun's clause restates."""
        found = []
        # naming a report is no restating of it: "had received the report in July"
        claim_nouns = lexicon().claim_nouns
        for claim in own:
            words = content_words(self.doc, claim.start, claim.end) - claim_nouns
            for other in self.claims:
                if other.end > claim.start or other in own or only_by(other, holder) or not other.stances:
                    continue
                theirs = content_words(self.doc, other.start, other.end) - claim_nouns
                if len(words & theirs) >= max(2, 0.5 * min(len(words), len(theirs))):
                    found.append(other)
        return found

    def _own_clause(self, noun: Token) -> list[ClaimDraft]:
        for child in noun.children:
            clause = child if child.dep_ in ("ccomp", "acl", "relcl") else None
            if clause is None:
                continue
            roots = {clause.i} | {c.i for c in clause.children if c.dep_ == "ccomp"}
            roots |= {part.i for part in content_roots(clause)}  # "allegations that A and that B"
            own = [c for c in self.claims if c.root is not None and c.root.i in roots]
            if own:
                return own
        maker = complement_on_maker(noun)  # "allegations by a rights group that X", misparsed
        if maker is not None:
            return [c for c in self.claims if c.root is not None and c.root.i == maker.i]
        following = that_clause_after(noun)  # the misparsed 'reports that X' case
        return [c for c in self.claims if following is not None and c.start == following[0]]

    def _earlier_claims(self, ref: Token, holder: str | None = None) -> list[ClaimDraft]:
        """Claims a reference points back to: someone else's, of the kind the noun names.

        'the accusation' -> the last claim made by accusing; 'the report' -> everything the last named
        reporter reported; 'these' -> all reported claims; a plural also takes the other claims of the
        same sentence and those its source made in the same way ('the accusations'); 'both reports' takes
        the claims of the last two sources. A speaker's own statements are never the target.
        """
        # a speaker's own words in quote marks are not what 'the allegations' or 'the report' point to
        before = [c for c in self.claims if c.end <= ref.idx and not only_by(c, holder) and not c.quoted]
        if ref.lower_ in _NUMBER_NOUNS:  # "said the figures were wrong": the claims that give figures
            figures = [c for c in before if self._counted(c)]
            if figures:  # the first figure put forward, and others that count the same thing
                first = self._counted(figures[0])
                return [c for c in figures if self._counted(c) & first]
        owner = self._owner(ref, holder)
        if owner is not None:  # "rejected the parents' account": only what the parents said, quoted or not
            said = [c for c in self.claims if c.end <= ref.idx and not only_by(c, holder)]
            before = self._claims_of(owner, said)
            if not before:
                return []
        about = self._about(ref, [c for c in before if c.stances])
        if about:  # "cast doubt on the number of people reported sick": the claim about sick people
            return about
        if ref.lower_ in ("that", "this") and ref.dep_ == "dobj":
            just_said = self._said_just_before(ref, before)
            if just_said:  # "Kamau said the strike was illegal ... KSTU rejected that": what was just said
                return just_said
        family = REFERENCE_FAMILIES.get(ref.lemma_.lower(), frozenset())
        named = [c for c in before if any(cue_lemma(st) in family for st in c.stances)]
        reported = named or [c for c in before if c.reported]
        if not reported:  # "Kalahari Platinum denied the allegation": what was said about the denier, if any
            # what others put forward, not another denial ("denied receiving any money from Levant")
            stated = [
                c
                for c in before
                if any(st.stance in ("asserts", "reports") and st.actor != holder for st in c.stances)
            ]
            reported = [c for c in stated if self._mentions(c, holder)] or stated
        if not reported and ref.pos_ in ("PRON", "DET"):
            # 'X denied that Y. "That never happened," its chief executive said': what was just denied
            reported = [c for c in before if any(st.stance == "denies" for st in c.stances)][-1:]
        if not reported:
            return []
        if ref.pos_ in ("PRON", "DET"):
            # "These are just rumors", "this is disinformation": the claims already in dispute, if any;
            # but "There is no truth in it" opening a paragraph answers the story told just before
            disputed = [c for c in before if any(st.stance in ("denies", "questions") for st in c.stances)]
            told = self._told_just_before(ref, reported) if ref.lower_ == "it" else []
            if told:  # not "These are just rumors", which names the claims in dispute
                return told
            reported = disputed or reported
        if ref.lower_ in ("these", "those", "such"):
            return reported
        count = _count_of(ref)
        if count > 1:
            return self._last_sources(reported, family, count)
        last = reported[-1]
        if ref.tag_ not in ("NNS", "NNPS"):
            # "the report": everything the last named reporter reported ("a newspaper report that X";
            # "The Tagespost reported that Y"; "The paper said Z"), not only its last claim
            by = _reporters(last)
            same = [c for c in before if _reporters(c) & by]
            if same:
                return same
            if last.start >= _paragraphs_back(self.doc, ref.idx, 0):  # "could not verify the account"
                return [last]
            # "denied the allegation" after three sources' claim and a detail two of them added: the
            # allegation is the source's first claim, which the details support
            group = _sources(last, frozenset())
            return [next((c for c in reported if _sources(c, frozenset()) & group), last)]
        span = self.doc.char_span(last.start, last.end, alignment_mode="expand")
        if span is None or not len(span):
            return [last]
        sent = sentence(span[0])
        by = _sources(last, family)
        # "rejected the allegations" in a paragraph of its own, after local media and a daily each
        # reported one: every report told in the two paragraphs before it
        own = _paragraphs_back(self.doc, ref.idx, 0)
        answers = any(d.tag_ == "DT" for d in ref.children) and not any(c.start >= own for c in reported)
        window = _paragraphs_back(self.doc, ref.idx, 2) if answers else ref.idx
        return [
            c
            for c in reported
            if c is last
            or sent.start_char <= c.start < sent.end_char
            or _sources(c, family) & by
            or (c.reported and c.start >= window)
        ]

    def _said_just_before(self, ref: Token, claims: list[ClaimDraft]) -> list[ClaimDraft]:
        """The claims with a stance in the sentence just before `ref`'s."""
        sent = sentence(ref)
        if sent.start == 0:
            return []
        previous = sentence(self.doc[sent.start - 1])
        return [c for c in claims if c.stances and previous.start_char <= c.start < previous.end_char]

    def _told_just_before(self, ref: Token, reported: list[ClaimDraft]) -> list[ClaimDraft]:
        """The reported claims of the previous paragraph, when `ref` sits in the first sentence of its own."""
        own = _paragraphs_back(self.doc, ref.idx, 0)
        if sentence(ref).start_char > own + 1:
            return []
        previous = _paragraphs_back(self.doc, ref.idx, 1)
        told = [c for c in reported if previous <= c.start < own and not c.quoted]
        # not the content nested inside another ('told Dunmore that the label would not renew her contract')
        return [
            c for c in told if not any(o is not c and o.start <= c.start and c.end <= o.end for o in told)
        ]

    def _counted(self, claim: ClaimDraft) -> set[str]:
        """What a claim's figures count ('names' in 'deleting about 1.2 million names'), by lemma."""
        span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        counted = set()
        for tok in span if span is not None else []:
            if not (tok.like_num or tok.lower_ in _NUMBER_WORDS):
                continue
            head = tok
            while (
                head.like_num or head.lower_ in _NUMBER_WORDS or head.pos_ != "NOUN"
            ) and head.head.i != head.i:
                head = head.head
            if head.pos_ == "NOUN":
                counted.add(head.lemma_.lower())
        return counted

    def _about(self, ref: Token, claims: list[ClaimDraft]) -> list[ClaimDraft]:
        """The claims sharing a content word with what the reference says it is about ('the figures on
        deaths', 'the number of people reported sick'); none when it says nothing or nothing matches."""
        words = [
            stem(t)
            for t in ref.subtree
            if t.i > ref.i and t.pos_ in ("NOUN", "ADJ", "VERB") and t.lemma_.lower() not in _VAGUE
        ]
        if not words:
            return []
        return [c for c in claims if any(same_word(w, s) for w in words for s in self._stems(c))]

    def _claims_of(self, owner: str, claims: list[ClaimDraft]) -> list[ClaimDraft]:
        """The claims `owner` made, else those made by people speaking for it ("Argentina's claims": its
        foreign minister's)."""
        own = [c for c in claims if owner in {self.table.canonical(s) for s in _sources(c, frozenset())}]
        if own:
            return own
        name = self.table.name(owner)
        return [
            c
            for c in claims
            if any(
                s in self.table.entries and self.table.entries[s].affiliation == name
                for s in _sources(c, frozenset())
            )
        ]

    def _owner(self, ref: Token, holder: str | None) -> str | None:
        """Whose claim a possessed reference names: "the parents' account", "their allegations", "Reuters'
        report"; None when there is no possessor or it is the holder ("his own account")."""
        poss = next((c for c in ref.children if c.dep_ == "poss"), None)
        if poss is None:  # "the police version", "the Reuters report": a modifier that names someone
            poss = next((c for c in ref.children if c.dep_ == "compound" and c.i == ref.i - 1), None)
            if poss is None or (poss.pos_ != "PROPN" and poss.lower_ not in lexicon().org_heads):
                return None
        if poss.pos_ == "PRON":
            owner = resolve_pronoun(self.table, poss)
        else:
            owner = self.table.actor_of_name(poss) or resolve_speaker(self.table, poss)
        owner = self.table.canonical(owner)
        return owner if owner != self.table.canonical(holder) else None

    def _mentions(self, claim: ClaimDraft, key: str | None) -> bool:
        """Does the claim name the actor (a mention, or its name written out)?"""
        if key is None:
            return False
        span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        if span is not None and any(self.table.token_actor.get(t.i) == key for t in span):
            return True
        name = re.escape(self.table.name(key))
        return re.search(rf"\b{name}\b", text_of(self.doc)[claim.start : claim.end]) is not None

    def _last_sources(self, claims: list[ClaimDraft], family: frozenset[str], count: int) -> list[ClaimDraft]:
        """'denied both reports': the claims of the last `count` sources."""
        chosen: list[frozenset[str]] = []
        for claim in reversed(claims):
            by = frozenset(_sources(claim, family))
            if by and by not in chosen:
                chosen.append(by)
        keep = set().union(*chosen[:count])
        if (
            len(chosen) < count
        ):  # "Both claims were first reported by X" after 'allegations that A and that B'
            return claims[-count:]
        return [c for c in claims if _sources(c, family) & keep]

    def _same_story(
        self, targets: list[ClaimDraft], ref: Token, holder: str | None, *, ahead: bool
    ) -> list[ClaimDraft]:
        """'rejected claims by Nwosu that X ... Nwosu told supporters that Y': a position on a source's claim
        covers what the same source says in support of it nearby (up to the next paragraph), but not the
        source's own plans ('he would challenge the result in court'). Only a reference that states its
        claim (a lede's 'rejected claims that X') reaches the details told after it; one that points back
        ('called the accusation "absurd"') covers what was said before it."""
        sources = {s for c in targets for s in _sources(c, frozenset()) if s != holder}
        if not sources:
            return []
        window = paragraph_end(self.doc, paragraph_end(self.doc, ref.idx) + 2)
        story = [
            c
            for c in self.claims
            if c not in targets
            and not c.quoted
            and c.start < window
            and (ahead or c.start < ref.idx)
            and not only_by(c, holder)
            and any(s in sources and not self._subject_is(c.root, s) for s in _sources(c, frozenset()))
        ]
        return [c for c in story if not self._closer_to_confirmed(c, targets, ref, holder)]

    def _closer_to_confirmed(
        self, detail: ClaimDraft, targets: list[ClaimDraft], ref: Token, holder: str | None
    ) -> bool:
        """ "confirmed that the bank had sold dollars, but denied a report that it was preparing a rate
        rise": the report's news of a dollar sale is what was confirmed, not what was denied."""
        own = sentence(ref)
        confirmed = [
            c
            for c in self.claims
            if own.start_char <= c.start < own.end_char
            and any(st.actor == holder and cue_lemma(st) in _CONFIRMING for st in c.stances)
        ]
        if holder is None or not confirmed:
            return False
        mine = self._stems(detail)
        return self._shared(mine, confirmed) > self._shared(mine, targets)

    def _shared(self, stems: set[str], claims: list[ClaimDraft]) -> int:
        theirs = set().union(*(self._stems(c) for c in claims))
        return sum(any(same_word(w, x) for x in theirs) for w in stems)

    def _stems(self, claim: ClaimDraft) -> set[str]:
        span = self.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        return content_stems(span) if span is not None else set()

    def _denial_predicate(self, tok: Token) -> str | None:
        """'another hoax', 'just rumors', 'completely false' as a predicate: the cue as written."""
        words = lexicon().denial_predicates
        low, lemma = tok.lower_, tok.lemma_.lower()
        if not (
            low in words
            or lemma in words
            or low in TRUTH_WORDS
            or lemma in _MATCHING_WORDS
            or lemma in _EVENT_VERBS
        ):
            return None  # neither a denial word nor a word `_negated_truth` could find negated
        negated = _negated_truth(tok)
        if negated is not None:
            return negated
        if low not in words and lemma not in words:
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
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in pred.children) and not _what_clause(pred)
        verb = pred if pred.dep_ == "ROOT" or own_subject else pred.head
        if verb.lower_ == "as" and verb.head.pos_ == "VERB":  # "dismissed the report as fabricated"
            verb = verb.head
        if verb.lower_ == "of" and verb.head.dep_ == "attr":  # "another piece of disinformation"
            verb = verb.head.head
        # "called that allegation false": the object holds the predicate; "the report was false": the subject
        order = ("dobj", "nsubj", "nsubjpass") if pred.dep_ == "oprd" else ("nsubj", "nsubjpass", "dobj")
        candidates = sorted((c for c in verb.children if c.dep_ in order), key=lambda c: order.index(c.dep_))
        subject = next((c for c in candidates if self._refers_to_claim(c)), None)
        if subject is None:
            return
        if self._told_of_others(verb) or _nobody_labels(verb):
            return
        actor = self._holder(verb)
        label: StanceLabel = "questions" if self._hedged(verb) else "denies"
        for claim in self._denied_just_now(verb, subject, actor) or self._targets(subject, actor):
            self.stance(claim, actor, label, cue, pred)

    def _hedged(self, verb: Token) -> bool:
        """'suggesting Asare had invented it': a denial only suggested or implied casts doubt."""
        quote = next((q for q in self.quotes if q.start <= verb.idx < q.end and q.cue is not None), None)
        return quote is not None and quote.cue is not None and quote.cue.lemma_.lower() in _HEDGES

    def _told_of_others(self, verb: Token) -> bool:
        """'"On Thursday they called it fiction," she said': inside a direct quote, a verb whose subject is
        'they', 'he' or 'she' tells what others did; the speaker takes no position by it."""
        subject = speaker_token(verb)
        if subject is None or subject.lower_ not in ("they", "he", "she"):
            return False
        return any(q.kind == "direct" and q.start <= verb.idx < q.end for q in self.quotes)

    def _confidence_in(self, noun: Token) -> Token | None:
        """'had every confidence in its sources', 'has full confidence in the story': what is trusted."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in ("have", "express") or _negated(verb):
            return None
        near = [*noun.children, *(c for c in verb.children if c.i > noun.i)]
        prep = next((c for c in near if c.dep_ == "prep" and c.lower_ == "in"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None or not (pobj.lower_ in _TRUSTED or self._refers_to_claim(pobj)):
            return None
        return pobj

    def _stood_by(self, verb: Token) -> Token | None:
        """'stood by its reporting', 'stands by the story': the claim noun stood by."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() != "stand":
            return None
        by = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is not None and not self._refers_to_claim(pobj):
            # "stood by every number in the report", "every word of its story": the report stood by
            inner = [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                     for g in p.children if g.dep_ == "pobj"]  # fmt: skip
            pobj = next((g for g in inner if self._refers_to_claim(g)), None)
        return pobj if pobj is not None and self._refers_to_claim(pobj) else None

    def _is_position(self, root: Token) -> bool:
        """'the report was another hoax' is a stance on another claim, not a claim of its own. ('the paper
        stood by its story' is both: a position on the story and the editor's own statement.)"""
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
            or (low in FIGURE_NOUNS and definite)  # "cast doubt on that estimate"
        )

    def _holder(self, verb: Token) -> str | None:
        """Who holds a position stated in `verb`'s clause: the speaker of the quote it sits in, if any,
        unless the quote tells what someone else did ('"The minister called it a hoax," she said')."""
        for quote in self.quotes:
            if quote.start <= verb.idx < quote.end:
                subject = speaker_token(verb) if quote.kind == "direct" else None
                named = self.table.token_actor.get(subject.i) if subject is not None else None
                return named if named is not None and subject.pos_ == "PROPN" else quote.speaker  # type: ignore[union-attr]
        if verb.lemma_.lower() in ("call", "describe", "dismiss", "label", "brand"):
            return self._speaker(verb)
        return self._speaker(verb) if verb.dep_ != "ccomp" else self._speaker(verb.head)

    def _doubt(self, verb: Token) -> None:
        """'cast doubt on the report', 'raised questions about the claims', 'cast doubt on how far X'."""
        noun = next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in lexicon().doubt_nouns), None
        )
        if noun is None:
            return
        cue = f"{verb.text} {noun.text}"
        for prep in (c for c in [*noun.children, *verb.children] if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if self._refers_to_claim(pobj):
                    for claim in self._targets(pobj):
                        self.stance(claim, self._speaker(verb), "questions", cue, verb)
            for clause in (c for c in prep.children if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX")):
                start, end = clause_bounds(self.doc, clause)  # "on how far the findings can be applied"
                if end - start >= 8 and not self._crosses_quote(start, end):
                    claim = self.new_claim(start, end, clause)
                    self.stance(claim, self._speaker(verb), "questions", cue, verb)

    def from_needed_confirmation(self) -> None:
        """'a finding that other scientists said needed confirmation': a claim still to be confirmed."""
        for i, lemma in enumerate(lower_lemmas(self.doc)):
            if lemma not in _CONFIRMATION_NOUNS or (noun := self.doc[i]).dep_ != "dobj":
                continue
            needs = noun.head.lemma_.lower() in _NEEDING or any(
                c.lemma_.lower() in _NEEDING for c in noun.children if c.dep_ == "amod"
            )
            if not needs:
                continue
            said = next((a for a in noun.ancestors if a.lemma_.lower() in lexicon().speech_verbs), None)
            holder = self._speaker(said) if said is not None else self._speaker(noun.head)
            subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            relative = said is not None and said.dep_ == "relcl"  # "a finding that others said needed ..."
            ref = said.head if relative and said is not None else subject
            if ref is None or not self._refers_to_claim(ref):
                continue
            # "X, a finding that others said needed confirmation": the claim the appositive comments on
            around = [c for c in self.claims if c.start <= ref.idx < c.end and not only_by(c, holder)]
            earlier = around or self._earlier_claims(ref, holder)
            targets = earlier if relative else self._targets(ref, holder)
            for claim in targets:
                self.stance(claim, holder, "questions", f"{noun.head.text} {noun.text}", noun)


_INQUIRY = frozenset({"investigate", "probe", "examine", "review", "audit", "inquire", "scrutinize"})


def _tells_of_inquiry(claim: ClaimDraft) -> bool:
    """'the institute had quietly begun investigating suspected image manipulation': the claim is that an
    inquiry exists ('begun investigating', 'opened a probe'), not that the wrong was done."""
    root = claim.root
    if root is None:
        return False
    verbs = [root, *(c for c in root.children if c.dep_ in ("xcomp", "dobj"))]
    inquiries = [v for v in verbs if v.lemma_.lower() in _INQUIRY]
    # "investigating whether Hanbit inflated sales" names the suspected wrong: that can be denied
    return bool(inquiries) and not any(c.dep_ == "ccomp" for v in inquiries for c in v.children)
