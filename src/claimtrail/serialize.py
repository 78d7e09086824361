"""The only (de)serialiser: records to plain JSON-ready dicts, in the documented key order, and back.

The shape is `claimtrail.article/1`, described by docs/schema/article-1.json. `record_from_dict` is the
exact inverse of `record_to_dict` (tested on the golden records), so stored or Parquet copies of a record
can be turned back into the dataclass the store writes.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from claimtrail.models import (
    Actor,
    ActorRef,
    ArticleRecord,
    Claim,
    Dateline,
    Failure,
    Quote,
    Removal,
    SourceSpan,
    Span,
    Stance,
    Timex,
)

_RECORD_KEY_ORDER = (
    "schema",
    "id",
    "source",
    "language",
    "headline",
    "published",
    "published_from",
    "dateline",
    "text",
    "removed",
    "source_spans",
    "actors",
    "quotes",
    "claims",
    "timexes",
    "warnings",
    "pipeline",
    "provenance",
)


# Field names of each dataclass type met, None for any other type: whether a value is a dataclass depends on
# its type only, and `dataclasses.fields` rebuilds its tuple on every call (a record has thousands of values).
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    if cls not in _FIELD_NAMES:
        is_record = dataclasses.is_dataclass(cls) and not issubclass(cls, type)  # not a class as a value
        _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls)) if is_record else None
    return _FIELD_NAMES[cls]


def _plain(value: Any) -> Any:
    """Dataclasses to dicts and tuples to lists, recursively (asdict keeps tuples as tuples)."""
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def record_to_dict(record: ArticleRecord) -> dict[str, Any]:
    flat = _plain(record)
    flat["source"] = {
        "path": flat.pop("source"),
        "url": flat.pop("url"),
        "format": flat.pop("source_format"),
    }
    return {key: flat[key] for key in _RECORD_KEY_ORDER}


def record_to_json(record: ArticleRecord, *, pretty: bool = False) -> str:
    return json.dumps(record_to_dict(record), ensure_ascii=False, indent=2 if pretty else None)


def failure_to_dict(failure: Failure) -> dict[str, Any]:
    return {"schema": "claimtrail.failure/1", **_plain(failure)}


def failure_from_dict(data: dict[str, Any]) -> Failure:
    return Failure(source=data["source"], code=data["code"], message=data["message"], hint=data["hint"])


def record_from_dict(data: dict[str, Any]) -> ArticleRecord:
    """The record `record_to_dict` made `data` from (also from its JSON or Parquet copy)."""
    source = data["source"]
    return ArticleRecord(
        id=data["id"],
        source=source["path"],
        source_format=source["format"],
        url=source["url"],
        language=data["language"],
        headline=data["headline"],
        text=data["text"],
        removed=tuple(Removal(**r) for r in data["removed"]),
        source_spans=tuple(SourceSpan(**s) for s in data["source_spans"]),
        dateline=_dateline(data["dateline"]),
        published=data["published"],
        published_from=data["published_from"],
        actors=tuple(_actor(a) for a in data["actors"]),
        quotes=tuple(_quote(q) for q in data["quotes"]),
        claims=tuple(_claim(c) for c in data["claims"]),
        timexes=tuple(Timex(**t) for t in data["timexes"]),
        warnings=tuple(data["warnings"]),
        pipeline=data["pipeline"],
        schema=data["schema"],
        provenance=tuple((key, value) for key, value in data["provenance"]),
    )


def _dateline(data: dict[str, Any] | None) -> Dateline | None:
    if data is None:
        return None
    return Dateline(**{**data, "outlets": tuple(data["outlets"])})


def _ref(data: dict[str, Any] | None) -> ActorRef | None:
    return ActorRef(**data) if data is not None else None


def _actor(data: dict[str, Any]) -> Actor:
    return Actor(
        **{
            **data,
            "titles": tuple(data["titles"]),
            "mentions": tuple(Span(**m) for m in data["mentions"]),
        }
    )


def _quote(data: dict[str, Any]) -> Quote:
    return Quote(**{**data, "speaker": _ref(data["speaker"]), "addressee": _ref(data["addressee"])})


def _claim(data: dict[str, Any]) -> Claim:
    return Claim(**{**data, "stances": tuple(_stance(s) for s in data["stances"])})


def _stance(data: dict[str, Any]) -> Stance:
    return Stance(**{**data, "actor": _ref(data["actor"]), "evidence": Span(**data["evidence"])})
