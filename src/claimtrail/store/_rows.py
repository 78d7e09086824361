"""Records to table rows: one function per table, all pure; the columns follow `schema.TABLES`."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from claimtrail.models import ArticleRecord, Failure
from claimtrail.serialize import record_to_json

__all__ = ["Row", "article_row", "child_rows", "failure_id", "failure_row", "outlet_id"]

Row = dict[str, Any]
_SLUG = re.compile(r"[^a-z0-9]+")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def outlet_id(name: str) -> str:
    """A readable, stable id: "Pakistan Point News" -> "pakistan-point-news"."""
    return _SLUG.sub("-", name.casefold()).strip("-") or hashlib.sha256(name.encode()).hexdigest()[:12]


def failure_id(failure: Failure) -> str:
    digest = hashlib.sha256(f"{failure.source}\0{failure.code}\0{failure.message}".encode()).hexdigest()
    return f"cf-{digest[:20]}"


def failure_row(failure: Failure, *, time: str, pipeline: str) -> Row:
    return {
        "id": failure_id(failure),
        "source": failure.source,
        "code": failure.code,
        "message": failure.message,
        "hint": failure.hint,
        "time": time,
        "pipeline": pipeline,
    }


def article_row(record: ArticleRecord, *, ingested_at: str) -> Row:
    dateline = record.dateline
    return {
        "id": record.id,
        "source": record.source,
        "source_format": record.source_format,
        "url": record.url,
        "language": record.language,
        "headline": record.headline,
        "text": record.text,
        "dateline_place": dateline.place if dateline else None,
        "dateline_outlets": _json(list(dateline.outlets)) if dateline else None,
        "dateline_date": dateline.date if dateline else None,
        "published": record.published,
        "published_from": record.published_from,
        "outlet_id": None,
        "story_id": None,
        "supersedes": None,
        "removed": _json([[r.reason, r.text, r.raw_start, r.raw_end] for r in record.removed]),
        "source_spans": _json([[s.start, s.end, s.raw_start] for s in record.source_spans]),
        "warnings": _json(list(record.warnings)),
        "provenance": _json([list(pair) for pair in record.provenance]),
        "record": record_to_json(record),
        "pipeline": record.pipeline,
        "ingested_at": ingested_at,
    }


def child_rows(record: ArticleRecord) -> dict[str, list[Row]]:
    """Rows of actors, mentions, quotes, claims, stances and timexes, keyed by article id + local id."""
    base = {"article_id": record.id, "pipeline": record.pipeline}
    rows: dict[str, list[Row]] = {
        "actors": [],
        "mentions": [],
        "quotes": [],
        "claims": [],
        "stances": [],
        "timexes": [],
    }
    for actor in record.actors:
        rows["actors"].append(
            {
                **base,
                "local_id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "titles": _json(list(actor.titles)),
                "affiliation": actor.affiliation,
            }
        )
        rows["mentions"].extend(
            {
                **base,
                "actor_local_id": actor.id,
                "n": n,
                "start_char": m.start,
                "end_char": m.end,
                "text": m.text,
            }
            for n, m in enumerate(actor.mentions)
        )
    rows["quotes"] = [
        {
            **base,
            "local_id": q.id,
            "kind": q.kind,
            "text": q.text,
            "start_char": q.start,
            "end_char": q.end,
            "speaker_actor_id": q.speaker.actor if q.speaker else None,
            "speaker_name": q.speaker.name if q.speaker else None,
            "cue": q.cue,
            "addressee_actor_id": q.addressee.actor if q.addressee else None,
            "addressee_name": q.addressee.name if q.addressee else None,
            "date": q.date,
            "source_description": q.source_description,
            "audience": q.audience,
        }
        for q in record.quotes
    ]
    for claim in record.claims:
        rows["claims"].append(
            {
                **base,
                "local_id": claim.id,
                "text": claim.text,
                "start_char": claim.start,
                "end_char": claim.end,
                "normalized": claim.normalized,
            }
        )
        rows["stances"].extend(
            {
                **base,
                "claim_local_id": claim.id,
                "n": n,
                "actor_id": s.actor.actor if s.actor else None,
                "actor_name": s.actor.name if s.actor else None,
                "source_description": s.source_description,
                "stance": s.stance,
                "cue": s.cue,
                "evidence_start": s.evidence.start,
                "evidence_end": s.evidence.end,
                "evidence_text": s.evidence.text,
                "date": s.date,
            }
            for n, s in enumerate(claim.stances)
        )
    rows["timexes"] = [
        {
            **base,
            "n": n,
            "text": t.text,
            "start_char": t.start,
            "end_char": t.end,
            "type": t.type,
            "value": t.value,
            "anchor": t.anchor,
        }
        for n, t in enumerate(record.timexes)
    ]
    return rows
