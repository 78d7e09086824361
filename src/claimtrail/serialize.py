"""The only (de)serialiser: records to plain JSON-ready dicts, in the documented key order.

The shape is `claimtrail.article/1`, described by docs/schema/article-1.json.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from claimtrail.models import ArticleRecord, Failure

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


def _plain(value: Any) -> Any:
    """Dataclasses to dicts and tuples to lists, recursively (asdict keeps tuples as tuples)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
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
