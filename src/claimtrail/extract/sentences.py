"""Per-Doc caches, built once per Doc: the text, the sentence index, the tokens' lower forms and lemmas.

`Doc.text`, `Token.sent` and `Doc.sents` walk the whole Doc on every call; the stages ask for them
thousands of times per article, and a dozen stages scan every token for a few words (a `Token` and its
string attributes are built anew on every access), so they share these caches (kept in `doc.user_data`,
which lives and dies with the Doc). The sentence index holds Spans, and a Span holds its Doc: the cache
makes a reference cycle, which only Python's full garbage collection would break, and that runs seldom, so
a long-lived process kept hundreds of parsed Docs (their token arrays and tensors) alive. Whoever owns the
Doc calls `forget(doc)` when done with it (`claimtrail.pipeline` does), and the Doc is freed at once.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

_KEY = "claimtrail.sentences"
_TEXT = "claimtrail.text"
_LOWER = "claimtrail.lower"
_LEMMA = "claimtrail.lemma"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def sentences(doc: Doc) -> list[Span]:
    index = doc.user_data.get(_KEY)
    if index is None:
        spans = list(doc.sents)
        index = ([s.start for s in spans], spans)
        doc.user_data[_KEY] = index
    return index[1]


def lower_forms(doc: Doc) -> list[str]:
    """`Token.lower_` of each token, by token index: scan this, then build the few Tokens that match."""
    forms: list[str] | None = doc.user_data.get(_LOWER)
    if forms is None:
        forms = doc.user_data[_LOWER] = _strings(doc, LOWER)
    return forms


def lower_lemmas(doc: Doc) -> list[str]:
    """`Token.lemma_.lower()` of each token, by token index."""
    lemmas: list[str] | None = doc.user_data.get(_LEMMA)
    if lemmas is None:
        lemmas = doc.user_data[_LEMMA] = [lemma.lower() for lemma in _strings(doc, LEMMA)]
    return lemmas


def _strings(doc: Doc, attr: int) -> list[str]:
    """The string attribute `attr` of every token, read from the Doc's array (no Token objects built)."""
    strings = doc.vocab.strings
    return [strings[key] for key in doc.to_array(attr).tolist()]


def forget(doc: Doc) -> None:
    """Drop the caches of `doc` (rebuilt on the next call), so that nothing but its owner holds it."""
    for key in (_KEY, _TEXT, _LOWER, _LEMMA):
        doc.user_data.pop(key, None)


def sentence(token: Token) -> Span:
    """The sentence holding `token`."""
    spans = sentences(token.doc)
    starts = token.doc.user_data[_KEY][0]
    return spans[bisect_right(starts, token.i) - 1]


def paragraph_end(doc: Doc, char: int) -> int:
    """Character offset where the paragraph holding `char` ends (a blank line or the end of the text)."""
    text = text_of(doc)
    end = text.find("\n\n", char)
    return len(text) if end < 0 else end
