"""Score `extract_timexes` with the TempEval-3 Task A definitions, on character offsets.

Definitions (UzZaman et al. 2013, applied to offsets of the plain document text):

* strict match: a predicted timex has exactly a gold timex's span; relaxed match: any overlap.
  Precision counts matched predictions, recall matched gold timexes (no one-to-one constraint, as in TE3).
* value / type accuracy: among relaxed-matched gold timexes, the share whose first overlapping prediction
  (in text order) has the gold value / type; value F1 = value accuracy x relaxed F1, likewise for type.

Readers: TimeML `.tml` files (TempEval-3, WikiWars' TIMEX3 conversion; DCT in `<DCT>`, scored timexes
inline in `<TEXT>`) and MEANTIME CAT XML (tokens plus stand-off `<TIMEX3>` markables, detokenised here).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrail.evaluate.stats import bootstrap_ci, sum_counts
from claimtrail.extract.dates import extract_timexes

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "GoldTimex",
    "Prediction",
    "TimexDocument",
    "TimexEvaluation",
    "TimexSpan",
    "evaluate_timex",
    "load_dataset",
    "load_meantime",
    "load_timeml",
    "metrics_from_counts",
    "score_document",
    "value_f1_ci",
]

COUNT_KEYS = ("gold", "sys", "strict_sys", "strict_gold", "relaxed_sys", "relaxed_gold", "value", "type")


@dataclass(frozen=True, slots=True, kw_only=True)
class TimexSpan:
    """A timex on the evaluation text, gold or predicted alike."""

    start: int
    end: int
    text: str
    type: str
    value: str


GoldTimex = TimexSpan
Prediction = TimexSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class TimexDocument:
    """One evaluation document: the text the extractor sees, its creation date and the gold timexes.

    `ignored` spans are neither gold nor counted as predictions: MEANTIME's in-text creation-time line,
    and the part of each MEANTIME article after its annotated first sentences.
    """

    name: str
    text: str
    dct: dt.date | None
    gold: tuple[GoldTimex, ...]
    ignored: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TimexEvaluation:
    n: int
    metrics: dict[str, float]
    errors: tuple[dict[str, object], ...]
    per_doc_counts: tuple[dict[str, int], ...] = ()


# --- readers -----------------------------------------------------------------------------------------


def _parse_date(value: str | None) -> dt.date | None:
    """An ISO date, or a day-first `DD-MM-YYYY` (one MEANTIME creation time is written so)."""
    text = (value or "")[:10]
    if m := re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", text):
        text = f"{m[3]}-{m[2]}-{m[1]}"
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def load_timeml(path: Path) -> TimexDocument:
    """Read a TimeML file: plain text of `<TEXT>` with its inline TIMEX3 as offsets."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    _flatten(text_el, parts, gold, is_root=True)
    return TimexDocument(
        name=path.name.removesuffix(".tml"),
        text="".join(parts),
        dct=_parse_date(dct_el.get("value") if dct_el is not None else None),
        gold=tuple(gold),
    )


def _flatten(el: ET.Element, parts: list[str], gold: list[GoldTimex], *, is_root: bool = False) -> None:
    """Append `el`'s text (not its tail) to `parts`, recording TIMEX3 offsets on the way."""
    start = sum(map(len, parts))
    parts.append(el.text or "")
    for child in el:
        _flatten(child, parts, gold)
        parts.append(child.tail or "")
    if el.tag == "TIMEX3" and not is_root:
        end = sum(map(len, parts))
        text = "".join(parts)[start:end]
        gold.append(
            GoldTimex(start=start, end=end, text=text, type=el.get("type", ""), value=el.get("value", ""))
        )


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "''", "'s", "n't", "'re", "'ve", "'ll"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def load_meantime(path: Path) -> TimexDocument:
    """Read a MEANTIME CAT file, rebuilding a readable text from its tokens (one line per sentence)."""
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, str] = {}
    out: list[str] = []
    length = 0
    prev_tok, prev_sent = "", None
    open_quote = False
    for tok in root.iter("token"):
        word = tok.text or ""
        sent = tok.get("sentence")
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent:
            sep = "\n"
        elif (
            word in _NO_SPACE_BEFORE
            or prev_tok in _NO_SPACE_AFTER
            or (word == '"' and open_quote)
            or (prev_tok == '"' and open_quote)
        ):
            sep = ""
        else:
            sep = " "
        if word == '"':
            open_quote = not open_quote
        out.append(sep + word)
        length += len(sep)
        offsets[tok.get("t_id", "")] = (length, length + len(word))
        sentence_of[tok.get("t_id", "")] = sent or ""
        length += len(word)
        prev_tok, prev_sent = word, sent
    text = "".join(out)
    gold: list[GoldTimex] = []
    ignored: list[tuple[int, int]] = []
    dct: dt.date | None = None
    for timex in root.iter("TIMEX3"):
        spans = [offsets[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_date(timex.get("value"))
            if spans:
                ignored.append((min(s for s, _ in spans), max(e for _, e in spans)))
            continue
        if not spans:  # implicit begin/end points carry no text
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        gold.append(
            GoldTimex(
                start=start,
                end=end,
                text=text[start:end],
                type=timex.get("type", ""),
                value=timex.get("value", ""),
            )
        )
    ignored.append((_annotated_end(root, offsets, sentence_of), len(text)))
    return TimexDocument(
        name=path.stem,
        text=text,
        dct=dct,
        gold=tuple(sorted(gold, key=lambda g: (g.start, g.end))),
        ignored=tuple(ignored),
    )


def _annotated_end(root: ET.Element, offsets: dict[str, tuple[int, int]], sentence_of: dict[str, str]) -> int:
    """End offset of the last sentence with any markable: MEANTIME annotates only each article's start."""
    anchored = {a.get("t_id", "") for a in root.iter("token_anchor")} & offsets.keys()
    if not anchored:
        return 0
    last = max((int(sentence_of[t]) for t in anchored), default=0)
    return max(end for t, (_, end) in offsets.items() if int(sentence_of[t]) <= last)


def load_dataset(dataset_dir: Path) -> list[TimexDocument]:
    """All documents under `dataset_dir`: `.tml` files (TimeML) or else MEANTIME `.xml` files.

    Files are deduplicated by name, so a corpus root holding both split and whole copies (WikiWars)
    counts each document once; a `gold/` folder is preferred when present (TempEval-3).
    """
    root = dataset_dir / "gold" if (dataset_dir / "gold").is_dir() else dataset_dir
    tml = _unique_by_name(sorted(root.rglob("*.tml")))
    if tml:
        return [load_timeml(p) for p in tml]
    return [load_meantime(p) for p in _unique_by_name(sorted(root.rglob("*.xml")))]


def _unique_by_name(paths: Iterable[Path]) -> list[Path]:
    seen: dict[str, Path] = {}
    for path in paths:
        seen.setdefault(path.name, path)
    return sorted(seen.values(), key=lambda p: p.name)


# --- scoring -----------------------------------------------------------------------------------------


def _overlaps(a: TimexSpan, b: TimexSpan) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(
    doc: TimexDocument, predictions: Sequence[Prediction]
) -> tuple[dict[str, int], list[dict[str, object]]]:
    """Counts for one document (see COUNT_KEYS) and its errors (misses, wrong values/types, spurious)."""
    preds = sorted(
        (p for p in predictions if not any(p.start < e and s < p.end for s, e in doc.ignored)),
        key=lambda p: (p.start, p.end),
    )
    gold = doc.gold
    counts = dict.fromkeys(COUNT_KEYS, 0)
    counts["gold"], counts["sys"] = len(gold), len(preds)
    exact = {(g.start, g.end) for g in gold}
    predicted = {(p.start, p.end) for p in preds}
    counts["strict_sys"] = sum((p.start, p.end) in exact for p in preds)
    counts["strict_gold"] = sum((g.start, g.end) in predicted for g in gold)
    counts["relaxed_sys"] = sum(any(_overlaps(p, g) for g in gold) for p in preds)
    errors: list[dict[str, object]] = []
    for g in gold:
        match = next((p for p in preds if _overlaps(p, g)), None)
        if match is not None:
            counts["relaxed_gold"] += 1
            counts["value"] += match.value == g.value
            counts["type"] += match.type == g.type
        if match is None or match.value != g.value or match.type != g.type:
            errors.append(_error(doc, g, match))
    errors.extend(_error(doc, None, p) for p in preds if not any(_overlaps(p, g) for g in gold))
    return counts, errors


def _error(doc: TimexDocument, gold: GoldTimex | None, pred: Prediction | None) -> dict[str, object]:
    return {
        "doc": doc.name,
        "dct": doc.dct.isoformat() if doc.dct else None,
        "gold_text": gold.text if gold else None,
        "gold_value": gold.value if gold else None,
        "gold_type": gold.type if gold else None,
        "predicted": (
            {"text": pred.text, "start": pred.start, "type": pred.type, "value": pred.value} if pred else None
        ),
    }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def metrics_from_counts(c: Mapping[str, float]) -> dict[str, float]:
    """The eight TE3 figures from summed counts."""
    sp, sr = _ratio(c["strict_sys"], c["sys"]), _ratio(c["strict_gold"], c["gold"])
    rp, rr = _ratio(c["relaxed_sys"], c["sys"]), _ratio(c["relaxed_gold"], c["gold"])
    relaxed_f1 = _f1(rp, rr)
    return {
        "strict_precision": sp,
        "strict_recall": sr,
        "strict_f1": _f1(sp, sr),
        "relaxed_precision": rp,
        "relaxed_recall": rr,
        "relaxed_f1": relaxed_f1,
        "value_f1": _ratio(c["value"], c["relaxed_gold"]) * relaxed_f1,
        "type_f1": _ratio(c["type"], c["relaxed_gold"]) * relaxed_f1,
    }


def predict(doc: TimexDocument, nlp: Language) -> list[Prediction]:
    """Run the extractor on the document text with its creation date as the anchor."""
    return [
        Prediction(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value)
        for t in extract_timexes(nlp(doc.text), doc.dct)
    ]


def evaluate_timex(dataset_dir: Path, nlp: Language, *, limit: int | None = None) -> TimexEvaluation:
    """Extract timexes from every document of `dataset_dir` and score them against its gold TIMEX3."""
    docs = load_dataset(dataset_dir)[:limit]
    per_doc: list[dict[str, int]] = []
    errors: list[dict[str, object]] = []
    for doc in docs:
        counts, doc_errors = score_document(doc, predict(doc, nlp))
        per_doc.append(counts)
        errors.extend(doc_errors)
    totals = sum_counts(per_doc) if per_doc else dict.fromkeys(COUNT_KEYS, 0.0)
    return TimexEvaluation(
        n=len(docs), metrics=metrics_from_counts(totals), errors=tuple(errors), per_doc_counts=tuple(per_doc)
    )


def value_f1_ci(evaluation: TimexEvaluation, n: int = 1000, seed: int = 0) -> tuple[float, float]:
    """Bootstrap 95% interval of value F1 over the evaluated documents."""
    return bootstrap_ci(evaluation.per_doc_counts, lambda c: metrics_from_counts(c)["value_f1"], n, seed)
