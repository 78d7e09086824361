"""Pure feature functions for claim stance: tokens, cue counts, overlap. No model, no I/O.

Cue words come from `extract/lexicons/attribution.toml` (denial predicates, deny/question stance verbs,
doubt nouns) plus the inflected and headline-style forms listed here (headlines say "denies", "fake",
"reportedly", not lemmas). Every function maps text to numbers the same way at training and run time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from claimtrail.extract.lexicon import lexicon

__all__ = [
    "CUE_GROUPS",
    "content_tokens",
    "cue_counts",
    "headline_features",
    "ngrams",
    "overlap_features",
    "pair_text_features",
    "sentences",
    "tokens",
]

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "him",
        "them",
        "us",
        "me",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "than",
        "then",
        "so",
        "if",
        "into",
        "over",
        "after",
        "before",
        "about",
        "up",
        "down",
        "out",
        "off",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "just",
        "also",
        "not",
        "no",
        "s",
    ]
)

_DENY = (
    "deny denies denied denying denial refute refutes refuted debunk debunks debunked debunking hoax hoaxes "
    "fake faked false untrue bogus fabricated baseless myth myths prank pranks satire satirical parody "
    "retract retracts retracted dismiss dismisses dismissed reject rejects rejected nope scam fraud "
    "fraudulent misleading erroneous wrong"
)
_HEDGE = (
    "reportedly allegedly purportedly apparently claim claims claimed claiming report reports reported "
    "rumor rumors rumour rumours rumored rumoured may might could possibly unconfirmed unverified "
    "suggests suggest sources according believed speculation speculate seems appears appear alleged "
    "supposedly said says tipped"
)
_QUESTION = "doubt doubts doubtful question questions questioned skeptical sceptical whether really unclear"
_CONFIRM = (
    "confirm confirms confirmed confirmation official officially announce announces announced reveal "
    "reveals revealed proves proof true indeed finally actually verified admits admitted"
)
_NEGATION = "not no never n't nobody none nothing neither nor without isn't wasn't doesn't didn't won't"


@cache
def _cue_sets() -> dict[str, frozenset[str]]:
    lex = lexicon()
    deny_verbs = {verb for verb, stance in lex.stance_verbs.items() if stance == "denies"}
    question_verbs = {verb for verb, stance in lex.stance_verbs.items() if stance == "questions"}
    return {
        "deny": frozenset(_DENY.split()) | lex.denial_predicates | deny_verbs,
        "hedge": frozenset(_HEDGE.split()),
        "question": frozenset(_QUESTION.split()) | lex.doubt_nouns | question_verbs,
        "confirm": frozenset(_CONFIRM.split()),
        "negation": frozenset(_NEGATION.split()),
    }


CUE_GROUPS: tuple[str, ...] = ("deny", "hedge", "question", "confirm", "negation")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; curly apostrophes count as straight ones ("isn’t" -> "isn't")."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


def content_tokens(toks: Sequence[str]) -> list[str]:
    """Tokens without stopwords; "n't"-words are kept (negation matters for stance)."""
    return [t for t in toks if t not in STOPWORDS]


def ngrams(toks: Sequence[str], n: int) -> list[str]:
    return [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]


def sentences(text: str) -> list[str]:
    """Split a body into sentences at end punctuation or line breaks (empty pieces dropped)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def cue_counts(toks: Sequence[str]) -> list[float]:
    """How many tokens fall in each cue group, in `CUE_GROUPS` order."""
    sets = _cue_sets()
    return [
        float(sum(1 for t in toks if t in sets[group] or (t.endswith("n't") and group == "negation")))
        for group in CUE_GROUPS
    ]


def overlap_features(claim_toks: Sequence[str], text_toks: Sequence[str]) -> list[float]:
    """Jaccard of content words, share of the claim's content words found, share of its bigrams found."""
    claim = set(content_tokens(claim_toks))
    text = set(content_tokens(text_toks))
    union = claim | text
    jaccard = len(claim & text) / len(union) if union else 0.0
    covered = len(claim & text) / len(claim) if claim else 0.0
    claim_bi = set(ngrams(list(claim_toks), 2))
    text_bi = set(ngrams(list(text_toks), 2))
    bigrams = len(claim_bi & text_bi) / len(claim_bi) if claim_bi else 0.0
    return [jaccard, covered, bigrams]


def headline_features(claim: str, headline: str) -> list[float]:
    """Dense features of a (claim, headline) pair: cues in each, their difference, overlap, punctuation."""
    c_toks, h_toks = tokens(claim), tokens(headline)
    c_cues, h_cues = cue_counts(c_toks), cue_counts(h_toks)
    diff = [h - c for h, c in zip(h_cues, c_cues, strict=True)]
    punctuation = [
        float("?" in headline),
        float(":" in headline),
        float(bool(re.search(r"['\"‘“]", headline))),
    ]
    return [*h_cues, *diff, *overlap_features(c_toks, h_toks), *punctuation, math.log1p(len(h_toks))]


@lru_cache(maxsize=4096)
def _body_sentences(body: str) -> tuple[list[str], list[list[str]]]:
    """Sentences of a body and their tokens; cached because one body meets many claims (FNC-1)."""
    sents = sentences(body) or [body]
    return sents, [tokens(s) for s in sents]


def pair_text_features(claim: str, body: str, *, lead_sentences: int = 3) -> list[float]:
    """Dense features of a (claim, body) pair that need no fitted vocabulary.

    Cue rates over the whole body, over its lead, and over the 3 sentences that share most words with the
    claim (where a body confirms or refutes it); overlap of the claim with body, lead and best sentence.
    """
    c_toks = tokens(claim)
    sents, sent_toks = _body_sentences(body)
    claim_set = set(content_tokens(c_toks))
    shared = [len(claim_set & set(s)) for s in sent_toks]
    best = sorted(range(len(sents)), key=lambda i: -shared[i])[:3]
    body_toks = [t for s in sent_toks for t in s]
    lead_toks = [t for s in sent_toks[:lead_sentences] for t in s]
    best_toks = [t for i in best for t in sent_toks[i]]
    n_body = max(len(body_toks), 1)
    body_rate = [1000.0 * c / n_body for c in cue_counts(body_toks)]
    question_marks = sum(s.endswith("?") for s in sents) / len(sents)
    max_cover = max(shared) / len(claim_set) if claim_set else 0.0
    return [
        *body_rate,
        *cue_counts(lead_toks),
        *cue_counts(best_toks),
        *cue_counts(c_toks),
        *overlap_features(c_toks, body_toks),
        *overlap_features(c_toks, lead_toks),
        *overlap_features(c_toks, best_toks),
        max_cover,
        question_marks,
        math.log1p(len(body_toks)),
        math.log1p(len(sents)),
    ]
