"""Score main-text extraction on the two public HTML sets, ours against plain trafilatura in the same run.

Each dataset is recognised by its files (metrics as in each set's FORMAT.md, re-implemented here):

- ScrapingHub article-extraction-benchmark (`ground-truth.json`, `html/<id>.html.gz`): word 4-gram
  shingle multisets per page, (TP, FP, FN) normalised per page; precision and recall are means over
  pages (a page with TP+FP = 0 is left out of the precision mean, TP+FN = 0 out of the recall mean; a
  page with FP = FN = 0 scores 1 and 1), and F1 = 2PR/(P+R) of the two means;
- trafilatura evaluation corpus (`evaldata.json`): per page, "with" snippets found in the
  whitespace-normalised output are TP (missing ones FN), "without" snippets found are FP (absent ones
  TN); counts are summed over pages; F1 = 2TP/(2TP+FP+FN).

"Plain trafilatura" is `trafilatura.extract(html_bytes, include_comments=False, include_tables=True,
include_formatting=False)`, the call of trafilatura's own evaluation. Intervals are page bootstraps.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrail.evaluate.run import EvalResult
from claimtrail.evaluate.stats import bootstrap_ci
from claimtrail.ingest.html import extract_main_text

__all__ = [
    "Page",
    "evaluate_html",
    "iter_pages",
    "plain_trafilatura",
    "shingle_counts",
    "shingle_metrics",
    "shingle_page_counts",
    "snippet_counts",
    "snippet_metrics",
]

Extractor = Callable[[bytes], str]
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_SHINGLE = 4
_SYSTEMS = ("", "baseline_")


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a dataset: its bytes and its gold (an article body, or with/without snippets)."""

    id: str
    url: str
    html: bytes
    body: str | None = None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()


def plain_trafilatura(html: bytes) -> str:
    """The baseline: trafilatura as its own evaluation calls it."""
    from trafilatura import extract

    try:
        text = extract(html, include_comments=False, include_tables=True, include_formatting=False)
    except (ValueError, TypeError, RecursionError):
        return ""
    return text or ""


# --- ScrapingHub: shingles ------------------------------------------------------------------------------


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    if len(tokens) < _SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


def shingle_counts(gold: str, predicted: str) -> tuple[int, int, int]:
    """(TP, FP, FN) over word 4-gram multisets."""
    gold_shingles, predicted_shingles = _shingles(gold), _shingles(predicted)
    tp = sum((gold_shingles & predicted_shingles).values())
    fp = sum((predicted_shingles - gold_shingles).values())
    fn = sum((gold_shingles - predicted_shingles).values())
    return tp, fp, fn


def shingle_page_counts(gold: str, predicted: str, prefix: str = "") -> dict[str, float]:
    """One page's contribution to the precision and recall means, as summable counts."""
    tp, fp, fn = shingle_counts(gold, predicted)
    if fp == 0 and fn == 0:
        return {f"{prefix}p_sum": 1.0, f"{prefix}p_n": 1.0, f"{prefix}r_sum": 1.0, f"{prefix}r_n": 1.0}
    counts: dict[str, float] = {}
    if tp + fp > 0:  # normalising by TP+FP+FN cancels out in each ratio
        counts |= {f"{prefix}p_sum": tp / (tp + fp), f"{prefix}p_n": 1.0}
    if tp + fn > 0:
        counts |= {f"{prefix}r_sum": tp / (tp + fn), f"{prefix}r_n": 1.0}
    return counts


def shingle_metrics(total: Mapping[str, float], prefix: str = "") -> dict[str, float]:
    precision = _ratio(total.get(f"{prefix}p_sum", 0.0), total.get(f"{prefix}p_n", 0.0))
    recall = _ratio(total.get(f"{prefix}r_sum", 0.0), total.get(f"{prefix}r_n", 0.0))
    return {
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall),
    }


# --- trafilatura-eval: snippets -------------------------------------------------------------------------


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def snippet_counts(page: Page, predicted: str, prefix: str = "") -> dict[str, float]:
    """TP/FN from the page's "with" snippets, FP/TN from its "without" snippets."""
    output = _normalise(predicted)
    found = sum(_normalise(s) in output for s in page.with_snippets)
    leaked = sum(_normalise(s) in output for s in page.without_snippets)
    return {
        f"{prefix}tp": found,
        f"{prefix}fn": len(page.with_snippets) - found,
        f"{prefix}fp": leaked,
        f"{prefix}tn": len(page.without_snippets) - leaked,
    }


def snippet_metrics(total: Mapping[str, float], prefix: str = "") -> dict[str, float]:
    tp, fp, fn, tn = (total.get(f"{prefix}{name}", 0.0) for name in ("tp", "fp", "fn", "tn"))
    return {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "accuracy": _ratio(tp + tn, tp + fp + fn + tn),
    }


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


# --- datasets -------------------------------------------------------------------------------------------


def iter_pages(dataset_dir: Path) -> Iterator[Page]:
    """The pages of either HTML set, recognised by `ground-truth.json` or `evaldata.json`."""
    if (dataset_dir / "ground-truth.json").exists():
        gold = json.loads((dataset_dir / "ground-truth.json").read_text(encoding="utf-8"))
        for key, item in gold.items():
            html = _gunzip(dataset_dir / "html" / f"{key}.html.gz")
            yield Page(id=key, url=item.get("url", ""), html=html, body=item["articleBody"])
    elif (dataset_dir / "evaldata.json").exists():
        gold = json.loads((dataset_dir / "evaldata.json").read_text(encoding="utf-8"))
        for url, item in gold.items():
            yield Page(
                id=item["file"],
                url=url,
                html=_gunzip(dataset_dir / "html" / f"{item['file']}.gz"),
                with_snippets=tuple(item.get("with") or ()),
                without_snippets=tuple(item.get("without") or ()),
            )
    else:
        raise FileNotFoundError(f"{dataset_dir} holds neither ground-truth.json nor evaldata.json")


def _gunzip(path: Path) -> bytes:
    with gzip.open(path) as stream:
        return stream.read()


# --- the run --------------------------------------------------------------------------------------------


def _page_counts(page: Page, ours: str, baseline: str) -> dict[str, float]:
    if page.body is not None:
        return shingle_page_counts(page.body, ours) | shingle_page_counts(page.body, baseline, "baseline_")
    return snippet_counts(page, ours) | snippet_counts(page, baseline, "baseline_")


def _metrics_of(total: Mapping[str, float], shingles: bool, prefix: str) -> dict[str, float]:
    return shingle_metrics(total, prefix) if shingles else snippet_metrics(total, prefix)


def _f1_metric(shingles: bool, prefix: str) -> Callable[[Mapping[str, float]], float]:
    def metric(total: Mapping[str, float]) -> float:
        return _metrics_of(total, shingles, prefix)["f1"]

    return metric


def _gain_metric(shingles: bool) -> Callable[[Mapping[str, float]], float]:
    def metric(total: Mapping[str, float]) -> float:
        return _metrics_of(total, shingles, "")["f1"] - _metrics_of(total, shingles, "baseline_")["f1"]

    return metric


def _page_error(page: Page, counts: Mapping[str, float], shingles: bool) -> dict[str, Any] | None:
    """The page's scores when ours did worse than the baseline on it (for `--errors`)."""
    ours, base = (_metrics_of(counts, shingles, prefix) for prefix in _SYSTEMS)
    if sum(ours.values()) >= sum(base.values()):
        return None
    return {"id": page.id, "url": page.url, "ours": ours, "baseline": base}


def evaluate_html(
    dataset_dir: Path,
    *,
    limit: int | None = None,
    extractor: Extractor = extract_main_text,
    baseline: Extractor = plain_trafilatura,
) -> EvalResult:
    """Ours and plain trafilatura on the first `limit` pages, with bootstrap 95% intervals for F1."""
    per_page: list[dict[str, float]] = []
    errors: list[dict[str, Any]] = []
    shingles = (dataset_dir / "ground-truth.json").exists()
    for index, page in enumerate(iter_pages(dataset_dir)):
        if limit is not None and index >= limit:
            break
        counts = _page_counts(page, extractor(page.html), baseline(page.html))
        per_page.append(counts)
        if (error := _page_error(page, counts, shingles)) is not None:
            errors.append(error)
    return _result(per_page, errors, shingles)


def _result(per_page: Sequence[dict[str, float]], errors: list[dict[str, Any]], shingles: bool) -> EvalResult:
    total: Counter[str] = Counter()
    for counts in per_page:
        total.update(counts)
    metrics: dict[str, float] = {}
    intervals: dict[str, tuple[float, float]] = {}
    for prefix in _SYSTEMS:
        metrics |= {f"{prefix}{k}": v for k, v in _metrics_of(total, shingles, prefix).items()}
        intervals[f"{prefix}f1"] = bootstrap_ci(per_page, _f1_metric(shingles, prefix))
    metrics["f1_gain"] = metrics["f1"] - metrics["baseline_f1"]
    intervals["f1_gain"] = bootstrap_ci(per_page, _gain_metric(shingles))  # paired: same pages for both
    return EvalResult(n=len(per_page), metrics=metrics, intervals=intervals, errors=tuple(errors))
