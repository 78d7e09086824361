"""A readable plain-text summary of one record, for people at a terminal."""

from __future__ import annotations

from claimtrail.models import ArticleRecord


def summarize(record: ArticleRecord) -> str:
    lines = [
        f"== {record.headline or '(no headline)'}",
        f"   {record.source}  published {record.published or '?'}",
    ]
    if record.dateline is not None:
        d = record.dateline
        lines.append(f"   dateline: {d.place or '?'} / {' / '.join(d.outlets) or '-'} / {d.date or '?'}")
    for quote in record.quotes:
        speaker = quote.speaker.name if quote.speaker else "?"
        lines.append(f"   [{quote.kind}] {speaker} ({quote.cue}): {_clip(quote.text)}")
    for claim in record.claims:
        lines.append(f"   CLAIM {claim.normalized}")
        for stance in claim.stances:
            who = stance.actor.name if stance.actor else stance.source_description
            when = f" on {stance.date}" if stance.date else ""
            lines.append(f"      {stance.stance:<9} {who} ({stance.cue}){when}")
    return "\n".join(lines)


def _clip(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
