"""Articles from RSS and Atom feed files (feedparser): one article per entry.

Decisions:

- the entry's longest `content` value is the article, else its `summary`; HTML in it becomes text with a
  paragraph break per block element (`_fragment.fragment_text`); an entry with neither is a CT-E002 failure;
- the entry title is the headline; the entry link is the URL; the feed's own title is the outlet;
- provenance keeps the entry id, link and its published/updated dates (as given, normalised to ISO 8601);
  `published` is the entry's published date, else its updated date (`published_from` "feed");
- a file feedparser cannot read as a feed at all (no entries and a parse error) is a CT-E041 failure; a feed
  with a recoverable error (e.g. a wrong declared encoding) is read, and its entries carry no warning;
- each entry's source is `PATH#N` (1-based entry number), stable across runs of the same file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from claimtrail.errors import CorruptInput, EmptyInput, InputError
from claimtrail.ingest._fragment import fragment_text
from claimtrail.ingest.normalize import normalize_published
from claimtrail.models import Failure, RawArticle

__all__ = ["iter_feed_articles"]

Item = RawArticle | Failure


def iter_feed_articles(data: bytes, source: str) -> Iterator[Item]:
    """One `RawArticle` per entry of the feed held in `data` (read from `source`)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries", []))
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else "no entries"
        yield _failure(CorruptInput if parsed.get("bozo") else EmptyInput, source, f"{source}: {reason}")
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        yield _entry_article(entry, f"{source}#{number}", outlet)


def _entry_article(entry: Mapping[str, Any], source: str, outlet: str | None) -> Item:
    body = _body(entry)
    text = fragment_text(body) if body else ""
    if not text.strip():
        return _failure(EmptyInput, source, f"{source}: the feed entry has no content or summary")
    published_raw = _field(entry, "published") or _field(entry, "updated")
    published = normalize_published(published_raw) if published_raw else None
    return RawArticle(
        text=text,
        source=source,
        source_format="feed",
        url=entry.get("link") or None,
        published=published,
        published_from="feed" if published else None,
        outlet=outlet,
        headline=(entry.get("title") or "").strip() or None,
        provenance=_provenance(entry),
    )


def _body(entry: Mapping[str, Any]) -> str:
    contents = [str(part.get("value") or "") for part in entry.get("content") or []]
    longest = max(contents, key=len, default="")
    return longest or str(entry.get("summary") or "")


def _provenance(entry: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    pairs = [
        ("url", entry.get("link")),
        ("feed_entry_id", entry.get("id")),
        ("feed_link", entry.get("link")),
        ("feed_published", _iso_or_raw(_field(entry, "published"))),
        ("feed_updated", _iso_or_raw(_field(entry, "updated"))),
    ]
    return tuple((key, str(value)) for key, value in pairs if value)


def _field(entry: Mapping[str, Any], key: str) -> Any:
    """The entry's own value, without feedparser's deprecated updated -> published fallback mapping."""
    return dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)


def _iso_or_raw(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return normalize_published(value) or value.strip()


def _failure(error: type[InputError], source: str, message: str) -> Failure:
    return Failure(source=source, code=error.code, message=message, hint=error.hint)
