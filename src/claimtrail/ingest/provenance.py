"""Publication dates from many places, and the choice of the best one: pure functions, no I/O.

Readers collect every date they see as provenance pairs (`("feed_published", "2019-01-28T10:00:00+00:00")`)
and set `RawArticle.published` to the best of them, with `published_from` naming its origin. Decisions:

- the page's own metadata beats the feed entry, which beats the WARC capture date (WARC-Date is when the
  page was fetched, an upper bound of its publication, so it is used only when nothing else is known);
- within one origin, the more precise value wins (a date-time with an offset over a bare date);
- the dateline date is added later, by `prepare_article`, which prefers it over these unless they agree on
  the day and are more precise.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimtrail.ingest.normalize import normalize_published

__all__ = ["ORIGIN_RANK", "best_published"]

ORIGIN_RANK = {"page": 0, "input": 1, "feed": 2, "warc": 3}


def best_published(candidates: Iterable[tuple[str, str | None]]) -> tuple[str | None, str | None]:
    """The best `(published, published_from)` among `(origin, raw value)` pairs; unreadable values ignored."""
    readable = [
        (origin, value)
        for origin, raw in candidates
        if raw and (value := normalize_published(raw)) is not None and origin in ORIGIN_RANK
    ]
    if not readable:
        return None, None
    origin, value = min(readable, key=lambda pair: (ORIGIN_RANK[pair[0]], -_precision(pair[1])))
    return value, origin


def _precision(value: str) -> int:
    """0 for a bare date, 1 for a naive date-time, 2 for a date-time with a UTC offset."""
    if "T" not in value:
        return 0
    time = value.split("T", 1)[1]
    return 2 if ("+" in time or "-" in time or time.endswith("Z")) else 1
