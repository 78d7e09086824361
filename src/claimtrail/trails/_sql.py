"""SQL pieces the trail modules share (both backends accept them as written)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

__all__ = ["ARTICLE_DATE", "CHUNK", "chunks", "placeholders"]

T = TypeVar("T")

# an article's day: its best publication date, else its dateline's (table alias `ar`)
ARTICLE_DATE = "substr(coalesce(ar.published, ar.dateline_date), 1, 10)"
CHUNK = 500  # values per `IN (...)`: well under every backend's parameter limit


def chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def placeholders(values: Sequence[object]) -> str:
    """`?, ?, ?` for the values (`NULL` for none, so `IN (NULL)` matches nothing)."""
    return ", ".join("?" for _ in values) or "NULL"
