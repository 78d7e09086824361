"""The article text with its quotes, speakers, claims, stances and dates marked, from the record's offsets.

Marks may nest (a claim inside a quote, a date inside a claim) or overlap without nesting (a quote that
ends inside a claim). HTML elements must nest, so `render_marked` keeps a stack of open marks: when a mark
ends under others, those are closed and reopened right after it as continuation fragments (class
`hl-cont`, no id), the way an HTML parser repairs misnested tags. Offsets outside the text or inverted are
clipped or dropped rather than trusted: the record is data, and the page must render whatever it holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

__all__ = ["LEGEND", "Mark", "article_marks", "render_marked"]

# kind -> (legend label, what tells it apart besides colour); the order is the legend's
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("quote", "quote", "tinted block with side bars"),
    ("claim", "claim", "thick underline"),
    ("speaker", "speaker of a quote", "bold with dashed underline"),
    ("actor", "other actor", "bold"),
    ("stance", "stance cue", "boxed, with its label after it"),
    ("date", "date", "dotted underline"),
    ("dateline", "dateline", "italic"),
)
# outer marks first when two start and end at the same place
_LAYER = {"quote": 0, "claim": 1, "stance": 2, "speaker": 3, "actor": 3, "date": 4, "dateline": 5}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # a key of _LAYER; becomes the class hl-<kind>
    label: str  # read out by screen readers and shown on hover
    anchor: str | None = None  # element id of the first fragment, e.g. "claim-c2"
    variant: str | None = None  # a second class hl-<kind>-<variant>, e.g. the stance label

    @property
    def layer(self) -> int:
        return _LAYER.get(self.kind, 9)


def _clipped(marks: Iterable[Mark], length: int) -> list[Mark]:
    kept = []
    for mark in marks:
        start, end = max(0, mark.start), min(length, mark.end)
        if start < end:
            kept.append(Mark(start, end, mark.kind, mark.label, mark.anchor, mark.variant))
    return sorted(kept, key=lambda m: (m.start, -m.end, m.layer))


def _open_tag(mark: Mark, *, first: bool) -> str:
    classes = f"hl hl-{mark.kind}"
    if mark.variant:
        classes += f" hl-{mark.kind}-{mark.variant}"
    if not first:
        classes += " hl-cont"
    anchor = Markup(' id="{}"').format(mark.anchor) if first and mark.anchor else ""
    data = Markup(' data-variant="{}"').format(mark.variant) if mark.variant else ""
    return Markup('<mark class="{}" aria-label="{}" title="{}"{}{}>').format(
        classes, mark.label, mark.label, anchor, data
    )


def render_marked(text: str, marks: Sequence[Mark]) -> Markup:
    """`text` as escaped HTML with each mark as a <mark> element, misnested marks split into fragments."""
    pending = _clipped(marks, len(text))
    bounds = sorted({0, len(text)} | {m.start for m in pending} | {m.end for m in pending})
    out: list[str] = []
    stack: list[Mark] = []
    nxt = 0
    for i, pos in enumerate(bounds):
        _close_at(pos, stack, out)
        while nxt < len(pending) and pending[nxt].start == pos:
            mark = pending[nxt]
            out.append(_open_tag(mark, first=True))
            stack.append(mark)
            nxt += 1
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos : bounds[i + 1]])))
    return Markup("".join(out))


def _close_at(pos: int, stack: list[Mark], out: list[str]) -> None:
    """Close every mark ending at `pos`; marks above one of them are closed too and reopened after."""
    ending = [depth for depth, mark in enumerate(stack) if mark.end == pos]
    if not ending:
        return
    lowest = ending[0]
    above = stack[lowest:]
    out.extend("</mark>" for _ in above)
    del stack[lowest:]
    for mark in above:
        if mark.end != pos:
            out.append(_open_tag(mark, first=False))
            stack.append(mark)


# --- the marks of one `claimtrail.article/1` record ---------------------------------------------------


def article_marks(record: dict[str, Any]) -> list[Mark]:
    """Every mark of a record dict: dateline, actor mentions, quotes, claims, stance cues and dates."""
    marks: list[Mark] = []
    marks.extend(_dateline_marks(record))
    marks.extend(_actor_marks(record))
    marks.extend(_quote_marks(record))
    for claim in record.get("claims") or []:
        marks.extend(_claim_marks(record.get("text") or "", claim))
    marks.extend(
        Mark(_int(t.get("start")), _int(t.get("end")), "date", f"date: {t.get('value')}")
        for t in record.get("timexes") or []
    )
    return marks


def _int(value: Any) -> int:
    return value if isinstance(value, int) else -1


def _dateline_marks(record: dict[str, Any]) -> list[Mark]:
    dateline = record.get("dateline")
    if not dateline:
        return []
    credit = " / ".join(dateline.get("outlets") or [])
    label = "dateline: " + ", ".join(p for p in (dateline.get("place"), credit, dateline.get("date")) if p)
    return [Mark(_int(dateline.get("start")), _int(dateline.get("end")), "dateline", label)]


def _speaker_ids(record: dict[str, Any]) -> set[str]:
    return {q["speaker"]["actor"] for q in record.get("quotes") or [] if q.get("speaker")}


def _actor_marks(record: dict[str, Any]) -> list[Mark]:
    speakers = _speaker_ids(record)
    marks: list[Mark] = []
    for actor in record.get("actors") or []:
        kind = "speaker" if actor.get("id") in speakers else "actor"
        titles = ", ".join(actor.get("titles") or [])
        label = f"{'speaker' if kind == 'speaker' else 'actor'}: {actor.get('name')}"
        label += f" ({titles})" if titles else ""
        marks.extend(
            Mark(_int(m.get("start")), _int(m.get("end")), kind, label) for m in actor.get("mentions") or []
        )
    return marks


def _quote_marks(record: dict[str, Any]) -> list[Mark]:
    marks: list[Mark] = []
    for quote in record.get("quotes") or []:
        speaker = quote.get("speaker") or {}
        who = speaker.get("name") or quote.get("source_description") or "an unattributed source"
        label = f"{quote.get('kind', '')} quote by {who}".strip()
        anchor = f"quote-{quote.get('id')}"
        marks.append(Mark(_int(quote.get("start")), _int(quote.get("end")), "quote", label, anchor))
    return marks


def _claim_marks(text: str, claim: dict[str, Any]) -> list[Mark]:
    stances = claim.get("stances") or []
    holders = "; ".join(f"{s.get('stance')} by {_holder(s)}" for s in stances)
    label = "claim" + (f": {holders}" if holders else "")
    marks = [
        Mark(_int(claim.get("start")), _int(claim.get("end")), "claim", label, f"claim-{claim.get('id')}")
    ]
    for stance in stances:
        cue = _cue_span(text, stance)
        if cue is not None:
            label = f"{stance.get('stance')}: {_holder(stance)}"
            marks.append(Mark(cue[0], cue[1], "stance", label, variant=str(stance.get("stance"))))
    return marks


def _holder(stance: dict[str, Any]) -> str:
    actor = stance.get("actor") or {}
    return str(actor.get("name") or stance.get("source_description") or "an unnamed source")


def _cue_span(text: str, stance: dict[str, Any]) -> tuple[int, int] | None:
    """The stance's cue word inside its evidence sentence (the record keeps the cue as text only)."""
    cue, evidence = stance.get("cue"), stance.get("evidence") or {}
    start, end = _int(evidence.get("start")), _int(evidence.get("end"))
    if not cue or start < 0 or end > len(text) or start >= end:
        return None
    found = text.lower().find(str(cue).lower(), start, end)
    return (found, found + len(cue)) if found >= 0 else None
