"""process_many: raw articles in, records (or failures) out, in input order, one spaCy batch at a time.

One bad article never stops the batch: reading problems arrive as `Failure`s from the readers, and a
stage that crashes on one article becomes a `Failure` (CT-E020) for that article only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from claimtrail._version import __version__
from claimtrail.errors import StageError
from claimtrail.extract.lexicon import lexicon
from claimtrail.ingest.article import prepare_article
from claimtrail.models import ArticleRecord, Failure, PreparedArticle, RawArticle
from claimtrail.nlp.load import DEFAULT_MODEL, load_nlp

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_SIZE = 32
# Docs per `nlp.pipe` minibatch. spaCy's working memory grows with the tokens of a minibatch (about 15 kB a
# token, mostly tok2vec): the model's default of 256 parsed a whole ingest batch of 32 news pages at once,
# 350-530 MB above a worker's 330 MB; 8 keeps it under 200 MB, at the same speed and with the same records.
PIPE_BATCH_SIZE = 8


def pipeline_version(model: str = DEFAULT_MODEL) -> str:
    return f"claimtrail {__version__}; {model}; {lexicon().version}"


def _batches(items: Iterable[RawArticle | Failure], size: int) -> Iterator[list[RawArticle | Failure]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _with_dateline_boundary(nlp: Language, prepared: PreparedArticle) -> Doc:
    """The dateline ends a sentence, so the parser never takes 'RIYADH, May 9 (Reuters)' for a subject."""
    doc = nlp.make_doc(prepared.text)
    dateline = prepared.dateline
    if dateline is not None and dateline.end < len(prepared.text):
        after = doc.char_span(dateline.end, len(prepared.text), alignment_mode="expand")
        if after is not None:
            first = next((t for t in after if not t.is_space and not t.is_punct), None)
            if first is not None and first.i > 0:
                first.is_sent_start = True
    return doc


def process_many(
    inputs: Iterable[RawArticle | Failure], *, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE
) -> Iterator[ArticleRecord | Failure]:
    """Records for each raw article, failures passed through, in input order.

    Memory stays flat however many articles pass: each batch runs in a spaCy memory zone, so the strings
    and lexemes of its new words are freed when the batch is done (a long run over distinct news would
    otherwise grow the vocabulary without end); each Doc is freed as soon as its record is made; spaCy
    parses `PIPE_BATCH_SIZE` Docs at a time.
    """
    nlp = load_nlp(model)
    version = pipeline_version(model)
    for batch in _batches(inputs, batch_size):
        with nlp.memory_zone():  # nothing of spaCy's may outlive the zone: records are plain data
            results = _process_batch(nlp, batch, version)
        yield from results


def _process_batch(
    nlp: Language, batch: list[RawArticle | Failure], version: str
) -> list[ArticleRecord | Failure]:
    from claimtrail.extract.article import analyse
    from claimtrail.extract.sentences import forget

    prepared = [prepare_article(item) if isinstance(item, RawArticle) else item for item in batch]
    ready = [p for p in prepared if isinstance(p, PreparedArticle)]
    docs = iter(nlp.pipe((_with_dateline_boundary(nlp, p) for p in ready), batch_size=PIPE_BATCH_SIZE))
    results: list[ArticleRecord | Failure] = []
    for item in prepared:
        if not isinstance(item, PreparedArticle):
            results.append(item)
            continue
        doc = next(docs)
        try:
            results.append(analyse(doc, item, pipeline=version))
        except Exception as exc:  # one article's bug must not stop the batch
            error = StageError(f"extraction failed on this article: {type(exc).__name__}: {exc}")
            results.append(
                Failure(source=item.raw.source, code=error.code, message=error.message, hint=error.hint)
            )
        finally:
            forget(doc)  # its caches hold it in a cycle: without this it lives until a full gc
    return results


def process(raw: RawArticle, *, model: str = DEFAULT_MODEL) -> ArticleRecord | Failure:
    return next(process_many([raw], model=model))


def extract_text(
    text: str,
    *,
    headline: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str = "<text>",
) -> ArticleRecord | Failure:
    """The record of one article given as a string (the quickest way in from Python)."""
    raw = RawArticle(
        text=text, source=source, source_format="text", url=url, published=published, headline=headline
    )
    return process(raw)
