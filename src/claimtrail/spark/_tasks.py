"""What runs inside Spark tasks: plain functions over plain Python values, no pyspark import.

Spark ships these functions to executors (cloudpickle) and calls them per file or per partition. The
spaCy pipeline is loaded by `process_many` through the cached `load_nlp`, so once per Python worker
process (Spark reuses its workers across tasks), never per article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from claimtrail.ingest.sources import Format, Unit, as_article, iter_bytes_units
from claimtrail.models import ArticleRecord, Failure
from claimtrail.serialize import failure_to_dict, record_to_dict

__all__ = [
    "UNKNOWN_DATE",
    "ResultRow",
    "analyse_partition",
    "embed_partition",
    "local_name",
    "partition_date",
    "split_file",
]

UNKNOWN_DATE = "unknown"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

# (record dict, failure dict, partition date): exactly one of the first two is set
ResultRow = tuple[dict[str, Any] | None, dict[str, Any] | None, str | None]


def local_name(uri: str) -> str:
    """How a file is named in records: a plain path for local files ("file:/a/b" -> "/a/b"), else the URI.

    Hadoop names local files `file:/abs/path`; `claimtrail extract` names them by path, and the two must
    give the same records.
    """
    if uri.startswith("file:"):
        return "/" + uri.removeprefix("file:").lstrip("/")
    return uri


def split_file(file: tuple[str, bytes], *, explicit: frozenset[str], fmt: Format | None) -> Iterator[Unit]:
    """One file's raw articles, or its unparsed pages when it is a WARC (parsed later, on every core).

    `file` is a `binaryFiles` element, (URI, content); `explicit` holds the local names of the files named
    on the command line (a file found in a folder is passed over when it is of no known kind).
    """
    uri, data = file
    source = local_name(uri)
    yield from iter_bytes_units(data, source, fmt=fmt, explicit=source in explicit)


def analyse_partition(units: Iterable[Unit], *, model: str) -> Iterator[ResultRow]:
    """The full per-article pipeline over one partition, one spaCy batch at a time."""
    from claimtrail.pipeline import process_many

    for result in process_many((as_article(unit) for unit in units), model=model):
        yield result_row(result)


def embed_partition(claims: Iterable[Any]) -> Iterator[tuple[str, str, str, bytes]]:
    """(article id, claim id, model, float32 vector bytes) for the partition's claims; `claims` are rows of
    (article_id, claim_id, normalized). Each distinct statement is embedded once; the encoder (numpy
    all-MiniLM-L6-v2) loads once per Python worker. `claimtrail load` stores the vectors, and the linker
    then links without embedding: the costly part of linking runs on the cluster."""
    import numpy as np

    from claimtrail.trails.link import METHOD
    from claimtrail.trails.minilm import load_minilm

    rows = [(str(r[0]), str(r[1]), str(r[2])) for r in claims]
    statements = sorted({statement for _, _, statement in rows})
    if not statements:
        return
    vectors = dict(zip(statements, load_minilm().embed(statements), strict=True))
    for article_id, claim_id, statement in rows:
        yield article_id, claim_id, METHOD, np.asarray(vectors[statement], dtype="<f4").tobytes()


def result_row(result: ArticleRecord | Failure) -> ResultRow:
    if isinstance(result, Failure):
        return None, failure_to_dict(result), None
    return record_to_dict(result), None, partition_date(result.published)


def partition_date(published: str | None) -> str:
    """The day a record is filed under: its published date (YYYY-MM-DD), else "unknown"."""
    if published and _ISO_DAY.match(published):
        return published[:10]
    return UNKNOWN_DATE
