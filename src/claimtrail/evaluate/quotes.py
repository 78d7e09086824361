"""Score quote detection and speaker attribution against the quotes-wire gold set.

`load_quote_set` reads `articles.jsonl` and `annotations.jsonl` (see `data/quotes-wire/README.md`) and checks
every gold span against its article text. `score_quotes` matches predicted quotes to gold quotes one-to-one
and reports detection and speaker precision/recall/F1, overall, by kind, by speaker type and per article.

Matching: a predicted and a gold quote are a candidate pair when their spans overlap by at least half of the
longer span's characters. Pairs are taken greedily by overlap (largest first; ties by gold order, then
predicted order), each quote being used at most once. A matched pair is speaker-correct when both speakers are
null, or both are names that are equal after normalisation (case-folded, whitespace collapsed, a leading
"the " dropped) or one is a trailing word sequence of the other ("Arreaza" vs "Jorge Arreaza").

Precision = matched / predicted, recall = matched / gold, F1 their harmonic mean; 0.0 when a denominator is 0.
Speaker precision = speaker-correct / predicted and speaker recall = speaker-correct / gold, so a speaker
counts only on a detected quote.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Literal, get_args

QuoteKind = Literal["direct", "mixed", "indirect"]
SpeakerType = Literal["named", "pronoun", "nominal", "unnamed"]

QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
SPEAKER_TYPES: tuple[SpeakerType, ...] = get_args(SpeakerType)
MIN_OVERLAP = 0.5  # of the longer span's characters

__all__ = [
    "MIN_OVERLAP",
    "QUOTE_KINDS",
    "SPEAKER_TYPES",
    "Counts",
    "GoldArticle",
    "GoldQuote",
    "PredictedQuote",
    "QuoteScores",
    "QuoteSetError",
    "load_quote_set",
    "quote_errors",
    "rates",
    "score_quotes",
    "span_overlap",
    "speaker_matches",
]


class QuoteSetError(ValueError):
    """The gold quote set is missing, malformed or inconsistent with its article texts."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldQuote:
    kind: QuoteKind
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_mention: str
    speaker_type: SpeakerType
    cue: str


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    id: str
    text: str
    published: str
    headline: str
    quotes: tuple[GoldQuote, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PredictedQuote:
    start: int
    end: int
    kind: QuoteKind
    speaker_name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Counts:
    """Raw counts for one group of quotes; they add up across articles, so a bootstrap can resample them.

    `matched_*` and `speaker_correct_*` are counted on each side: in a by-kind group a gold `direct` quote may
    be matched by a prediction labelled `indirect`, which then counts for the `indirect` group's precision.
    """

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    speaker_correct_gold: int = 0
    speaker_correct_predicted: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)})

    def as_dict(self) -> dict[str, int]:
        return {f.name: int(getattr(self, f.name)) for f in fields(Counts)}


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def rates(counts: Counts | Mapping[str, int], *, with_precision: bool = True) -> dict[str, float | None]:
    """Precision, recall and F1 for detection and speaker from `counts` (a `Counts` or its `as_dict()`).

    With `with_precision=False` (speaker-type groups: predictions carry no speaker type) precision and F1
    are None.
    """
    c = counts if isinstance(counts, Counts) else Counts(**counts)
    dr = _ratio(c.matched_gold, c.gold)
    sr = _ratio(c.speaker_correct_gold, c.gold)
    out: dict[str, float | None] = {
        "detection_precision": None,
        "detection_recall": dr,
        "detection_f1": None,
        "speaker_precision": None,
        "speaker_recall": sr,
        "speaker_f1": None,
        "speaker_accuracy": _ratio(c.speaker_correct_gold, c.matched_gold),
    }
    if with_precision:
        dp = _ratio(c.matched_predicted, c.predicted)
        sp = _ratio(c.speaker_correct_predicted, c.predicted)
        out |= {"detection_precision": dp, "detection_f1": _f1(dp, dr)}
        out |= {"speaker_precision": sp, "speaker_f1": _f1(sp, sr)}
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteScores:
    """Micro-averaged scores (fractions in [0, 1]) with the counts they come from."""

    detection_precision: float
    detection_recall: float
    detection_f1: float
    speaker_precision: float
    speaker_recall: float
    speaker_f1: float
    counts: Counts
    by_kind_counts: Mapping[str, Counts]
    by_speaker_type_counts: Mapping[str, Counts]
    per_article: Mapping[str, Counts]

    @property
    def by_kind(self) -> dict[str, dict[str, float | None]]:
        return {k: rates(c) for k, c in self.by_kind_counts.items()}

    @property
    def by_speaker_type(self) -> dict[str, dict[str, float | None]]:
        return {k: rates(c, with_precision=False) for k, c in self.by_speaker_type_counts.items()}

    def breakdown(self) -> dict[str, dict[str, dict[str, float | None]]]:
        """{"overall": {"all": ...}, "kind": {kind: ...}, "speaker_type": {type: ...}} of `rates` dicts."""
        return {
            "overall": {"all": rates(self.counts)},
            "kind": self.by_kind,
            "speaker_type": self.by_speaker_type,
        }

    def per_article_counts(self) -> dict[str, dict[str, int]]:
        """Article id -> `Counts.as_dict()`, for resampling articles (sum the dicts, then call `rates`)."""
        return {aid: c.as_dict() for aid, c in self.per_article.items()}


# --------------------------------------------------------------------------- loading


def _require(cond: bool, where: str, msg: str) -> None:
    if not cond:
        raise QuoteSetError(f"{where}: {msg}")


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise QuoteSetError(f"cannot read {path}: {exc}") from exc
    rows: list[dict[str, object]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuoteSetError(f"{path}:{n}: invalid JSON: {exc}") from exc
        _require(isinstance(row, dict), f"{path}:{n}", "expected a JSON object")
        rows.append(row)
    return rows


def _str(row: Mapping[str, object], key: str, where: str) -> str:
    value = row.get(key)
    _require(isinstance(value, str), where, f"{key!r} must be a string")
    assert isinstance(value, str)
    return value


def _int(row: Mapping[str, object], key: str, where: str) -> int:
    value = row.get(key)
    _require(isinstance(value, int) and not isinstance(value, bool), where, f"{key!r} must be an integer")
    assert isinstance(value, int)
    return value


def _kind(value: object, where: str) -> QuoteKind:
    for kind in QUOTE_KINDS:
        if value == kind:
            return kind
    raise QuoteSetError(f"{where}: unknown kind {value!r}")


def _speaker_type(value: object, where: str) -> SpeakerType:
    for st in SPEAKER_TYPES:
        if value == st:
            return st
    raise QuoteSetError(f"{where}: unknown speaker_type {value!r}")


def _gold_quote(row: Mapping[str, object], text: str, where: str) -> GoldQuote:
    start, end = _int(row, "start", where), _int(row, "end", where)
    quote_text = _str(row, "text", where)
    _require(0 <= start < end <= len(text), where, f"bad span [{start}, {end})")
    _require(text[start:end] == quote_text, where, f"text does not match article[{start}:{end}]")
    speaker = row.get("speaker")
    _require(speaker is None or isinstance(speaker, str), where, "'speaker' must be a string or null")
    assert speaker is None or isinstance(speaker, str)
    return GoldQuote(
        kind=_kind(row.get("kind"), where),
        start=start,
        end=end,
        text=quote_text,
        speaker=speaker,
        speaker_mention=_str(row, "speaker_mention", where),
        speaker_type=_speaker_type(row.get("speaker_type"), where),
        cue=_str(row, "cue", where),
    )


def load_quote_set(dir: Path) -> list[GoldArticle]:
    """Read and validate `dir/articles.jsonl` + `dir/annotations.jsonl`, in article file order."""
    articles = _read_jsonl(dir / "articles.jsonl")
    annotations: dict[str, list[object]] = {}
    for row in _read_jsonl(dir / "annotations.jsonl"):
        aid = _str(row, "id", "annotations.jsonl")
        raw_quotes = row.get("quotes")
        _require(isinstance(raw_quotes, list), aid, "'quotes' must be a list")
        assert isinstance(raw_quotes, list)
        _require(aid not in annotations, aid, "duplicate annotation line")
        annotations[aid] = raw_quotes
    out: list[GoldArticle] = []
    seen: set[str] = set()
    for row in articles:
        aid = _str(row, "id", "articles.jsonl")
        _require(aid not in seen, aid, "duplicate article id")
        seen.add(aid)
        _require(aid in annotations, aid, "no annotation line")
        text = _str(row, "text", aid)
        quotes: list[GoldQuote] = []
        for i, q in enumerate(annotations[aid]):
            _require(isinstance(q, dict), f"{aid} quote {i}", "expected an object")
            assert isinstance(q, dict)
            quotes.append(_gold_quote(q, text, f"{aid} quote {i}"))
        out.append(
            GoldArticle(
                id=aid,
                text=text,
                published=_str(row, "published", aid),
                headline=_str(row, "headline", aid),
                quotes=tuple(quotes),
            )
        )
    extra = sorted(set(annotations) - seen)
    _require(not extra, "annotations.jsonl", f"annotations for unknown articles: {extra}")
    return out


# --------------------------------------------------------------------------- matching


def span_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters shared by [a_start, a_end) and [b_start, b_end)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _norm_name(name: str) -> tuple[str, ...]:
    words = name.casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return tuple(_state_of_government(words))


def _state_of_government(words: list[str]) -> list[str]:
    """'Chinese government' and 'China' name one referent: claimtrail models a state as one GPE actor."""
    from claimtrail.extract.lexicon import lexicon

    if len(words) == 2 and words[1] == "government":
        demonyms = {k.casefold(): v for k, v in lexicon().demonyms.items()}
        countries = {k.casefold(): v for k, v in lexicon().countries.items()}
        state = demonyms.get(words[0]) or countries.get(words[0].removesuffix("'s"))
        if state:
            return state.casefold().split()
    return words


def speaker_matches(predicted: str | None, gold: str | None) -> bool:
    """Both null, or equal ignoring case, or one name's words end the other's: "Arreaza" ~ "Jorge Arreaza"."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p, g = _norm_name(predicted), _norm_name(gold)
    if not p or not g:
        return p == g
    shorter, longer = (p, g) if len(p) <= len(g) else (g, p)
    return longer[len(longer) - len(shorter) :] == shorter


def _match(gold: Sequence[GoldQuote], predicted: Sequence[PredictedQuote]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedy by overlap."""
    candidates: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            ov = span_overlap(g.start, g.end, p.start, p.end)
            longer = max(g.end - g.start, p.end - p.start)
            if ov > 0 and ov >= MIN_OVERLAP * longer:
                candidates.append((-ov, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _sum(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total = total + c
    return total


def score_quotes(
    gold: Sequence[GoldArticle], predicted: Mapping[str, Sequence[PredictedQuote]]
) -> QuoteScores:
    """Score `predicted` (article id -> quotes) against `gold`; predictions for unknown ids are an error."""
    unknown = sorted(set(predicted) - {a.id for a in gold})
    if unknown:
        raise QuoteSetError(f"predictions for articles not in the gold set: {unknown}")
    per_article: dict[str, Counts] = {}
    by_kind: dict[str, Counts] = {}
    by_type: dict[str, Counts] = {}

    def bump(table: dict[str, Counts], key: str, **delta: int) -> None:
        table[key] = table.get(key, Counts()) + Counts(**delta)

    for article in gold:
        preds = predicted.get(article.id, ())
        pairs = _match(article.quotes, preds)
        correct = {
            (gi, pi)
            for gi, pi in pairs
            if speaker_matches(preds[pi].speaker_name, article.quotes[gi].speaker)
        }
        for g in article.quotes:
            bump(by_kind, g.kind, gold=1)
            bump(by_type, g.speaker_type, gold=1)
        for p in preds:
            bump(by_kind, p.kind, predicted=1)
        for gi, pi in pairs:
            g, p = article.quotes[gi], preds[pi]
            ok = int((gi, pi) in correct)
            bump(by_kind, g.kind, matched_gold=1, speaker_correct_gold=ok)
            bump(by_kind, p.kind, matched_predicted=1, speaker_correct_predicted=ok)
            # Predictions carry no speaker type: a matched one is counted under its gold quote's type.
            bump(by_type, g.speaker_type, predicted=1, matched_gold=1, matched_predicted=1)
            bump(by_type, g.speaker_type, speaker_correct_gold=ok, speaker_correct_predicted=ok)
        per_article[article.id] = Counts(
            gold=len(article.quotes),
            predicted=len(preds),
            matched_gold=len(pairs),
            matched_predicted=len(pairs),
            speaker_correct_gold=len(correct),
            speaker_correct_predicted=len(correct),
        )

    total = _sum(per_article.values())
    r = rates(total)

    def f(key: str) -> float:
        value = r[key]
        assert value is not None
        return value

    def ordered(table: dict[str, Counts], order: Sequence[str]) -> Mapping[str, Counts]:
        keys = [k for k in order if k in table] + sorted(k for k in table if k not in order)
        return MappingProxyType({k: table[k] for k in keys})

    return QuoteScores(
        detection_precision=f("detection_precision"),
        detection_recall=f("detection_recall"),
        detection_f1=f("detection_f1"),
        speaker_precision=f("speaker_precision"),
        speaker_recall=f("speaker_recall"),
        speaker_f1=f("speaker_f1"),
        counts=total,
        by_kind_counts=ordered(by_kind, QUOTE_KINDS),
        by_speaker_type_counts=ordered(by_type, SPEAKER_TYPES),
        per_article=MappingProxyType(per_article),
    )


def quote_errors(
    gold: Sequence[GoldArticle], predicted: Mapping[str, Sequence[PredictedQuote]]
) -> list[dict[str, object]]:
    """Every miss, spurious quote and wrong speaker, one dict each, matched exactly as `score_quotes` does.

    `error` is `missed` (a gold quote no prediction matches), `spurious` (a prediction matching no gold
    quote) or `speaker` (matched, but the speaker is wrong).
    """
    errors: list[dict[str, object]] = []
    for article in gold:
        preds = predicted.get(article.id, ())
        pairs = dict(_match(article.quotes, preds))
        for gi, g in enumerate(article.quotes):
            gold_side = {"gold_text": g.text, "gold_kind": g.kind, "gold_speaker": g.speaker}
            gold_side |= {"speaker_type": g.speaker_type, "speaker_mention": g.speaker_mention, "cue": g.cue}
            pi = pairs.get(gi)
            if pi is None:
                errors.append({"id": article.id, "error": "missed", "start": g.start, **gold_side})
            elif not speaker_matches(preds[pi].speaker_name, g.speaker):
                p = preds[pi]
                found = {"kind": p.kind, "speaker": p.speaker_name}
                errors.append({"id": article.id, "error": "speaker", "start": g.start, **gold_side, **found})
        matched = set(pairs.values())
        for pi, p in enumerate(preds):
            if pi not in matched:
                text = article.text[p.start : p.end]
                found = {"text": text, "kind": p.kind, "speaker": p.speaker_name}
                errors.append({"id": article.id, "error": "spurious", "start": p.start, **found})
    return errors
