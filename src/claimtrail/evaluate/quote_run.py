"""Run the pipeline over the project's quote set and score detection and speaker attribution."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from claimtrail.evaluate.quotes import (
    Counts,
    GoldArticle,
    PredictedQuote,
    load_quote_set,
    quote_errors,
    rates,
    score_quotes,
)
from claimtrail.evaluate.run import EvalResult
from claimtrail.evaluate.stats import bootstrap_ci
from claimtrail.models import ArticleRecord, RawArticle
from claimtrail.pipeline import process_many


def _raw(article: GoldArticle) -> RawArticle:
    # The headline is given, so the body is analysed as is and gold offsets stay valid.
    return RawArticle(
        text=article.text,
        source=article.id,
        source_format="jsonl",
        published=article.published,
        headline=article.headline,
    )


def _predicted(record: ArticleRecord) -> list[PredictedQuote]:
    return [
        PredictedQuote(
            start=q.start, end=q.end, kind=q.kind, speaker_name=q.speaker.name if q.speaker else None
        )
        for q in record.quotes
    ]


def _f1_of(name: str) -> Any:
    def metric(total: Mapping[str, float]) -> float:
        value = rates({k: int(v) for k, v in total.items()})[name]
        return float(value or 0.0)

    return metric


def evaluate_quote_set(dataset_dir: Path, *, limit: int | None = None) -> EvalResult:
    gold = load_quote_set(dataset_dir)[:limit]
    predicted: dict[str, list[PredictedQuote]] = {}
    for record in process_many(_raw(a) for a in gold):
        if isinstance(record, ArticleRecord):
            predicted[record.source] = _predicted(record)
    scores = score_quotes(gold, predicted)
    breakdown = scores.breakdown()
    metrics = {k: float(v) for k, v in breakdown["overall"]["all"].items() if v is not None}
    for group, table in (("kind", breakdown["kind"]), ("speaker_type", breakdown["speaker_type"])):
        for key, values in table.items():
            for name in ("detection_recall", "speaker_recall", "speaker_f1"):
                if values.get(name) is not None:
                    metrics[f"{group}_{key}_{name}"] = float(values[name] or 0.0)
    per_article = [Counts(**c).as_dict() for c in scores.per_article_counts().values()]
    intervals = {name: bootstrap_ci(per_article, _f1_of(name)) for name in ("detection_f1", "speaker_f1")}
    errors = tuple(quote_errors(gold, predicted))
    return EvalResult(n=len(gold), metrics=metrics, intervals=intervals, errors=errors)
