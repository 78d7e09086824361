"""`process_many` (model tests): what a long run must not keep, so its memory stays flat."""

from __future__ import annotations

import gc

import pytest

from claimtrail.models import ArticleRecord, RawArticle
from claimtrail.nlp.load import DEFAULT_MODEL, load_nlp
from claimtrail.pipeline import PIPE_BATCH_SIZE, process_many

pytestmark = pytest.mark.model


def _articles(tag: str, n: int) -> list[RawArticle]:
    """Articles full of words no vocabulary holds yet (`tag` makes them new in every test)."""
    return [
        RawArticle(
            text=(
                f"The Zorbluck{tag}{i} council voted on Tuesday to close the Quandrel{tag}{i} bridge,"
                f' officials said. "We had no choice," Mayor Plimsworth{tag}{i} told reporters. Residents'
                f" denied that the Vextrin{tag}{i} crossing was unsafe."
            ),
            source=f"{tag}-{i}",
            source_format="text",
        )
        for i in range(n)
    ]


def test_spacy_parses_a_few_docs_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy's working memory grows with the tokens of a minibatch: an ingest batch is not one minibatch."""
    from spacy.pipeline import TrainablePipe

    tok2vec = load_nlp(DEFAULT_MODEL).get_pipe("tok2vec")
    assert isinstance(tok2vec, TrainablePipe)
    sizes: list[int] = []
    predict = tok2vec.predict

    def counting_predict(docs: list[object]) -> object:
        sizes.append(len(docs))
        return predict(docs)

    monkeypatch.setattr(tok2vec, "predict", counting_predict)
    results = list(process_many(_articles("pipe", 20), batch_size=20))
    assert sum(sizes) == len(results) == 20
    assert max(sizes) == PIPE_BATCH_SIZE < 20


def _live_docs() -> int:
    from spacy.tokens import Doc

    return sum(1 for obj in gc.get_objects() if type(obj) is Doc)


def test_every_doc_is_freed_without_the_garbage_collector() -> None:
    """A Doc kept alive until a full collection held its token arrays: hundreds of them, over 600 MB."""
    list(process_many(_articles("gc", 2)))  # model loaded, caches warm
    gc.collect()
    before = _live_docs()
    gc.disable()
    try:
        results = list(process_many(_articles("docs", 40), batch_size=8))
        assert _live_docs() == before
    finally:
        gc.enable()
    assert all(isinstance(r, ArticleRecord) for r in results)


def test_new_words_leave_the_vocabulary_as_it_was() -> None:
    """Each batch runs in a memory zone: a run over distinct news does not grow the StringStore."""
    nlp = load_nlp(DEFAULT_MODEL)
    list(process_many(_articles("warm", 2)))
    strings, lexemes = len(nlp.vocab.strings), sum(1 for _ in nlp.vocab)
    results = list(process_many(_articles("vocab", 20), batch_size=8))
    assert (len(nlp.vocab.strings), sum(1 for _ in nlp.vocab)) == (strings, lexemes)
    records = [r for r in results if isinstance(r, ArticleRecord)]
    assert len(records) == 20
    assert all(f"Plimsworthvocab{i}" in r.text for i, r in enumerate(records))  # the words were read
