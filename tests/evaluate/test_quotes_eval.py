"""The quotes-wire scorer on tiny hand-made sets, and sanity checks of the shipped gold set."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from claimtrail.evaluate.quotes import (
    QUOTE_KINDS,
    SPEAKER_TYPES,
    Counts,
    GoldArticle,
    GoldQuote,
    PredictedQuote,
    QuoteKind,
    QuoteSetError,
    SpeakerType,
    load_quote_set,
    quote_errors,
    rates,
    score_quotes,
    speaker_matches,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "quotes-wire"

TEXT = (
    '"These are just rumors," Arreaza told RT. '
    "He said Moscow had no bases in Venezuela. "
    "A senior official said talks would resume."
)


def _gold_quote(text: str, kind: QuoteKind, speaker: str | None, stype: SpeakerType) -> GoldQuote:
    start = TEXT.index(text)
    return GoldQuote(
        kind=kind,
        start=start,
        end=start + len(text),
        text=text,
        speaker=speaker,
        speaker_mention="x",
        speaker_type=stype,
        cue="said",
    )


G_DIRECT = _gold_quote("These are just rumors", "direct", "Jorge Arreaza", "named")
G_PRONOUN = _gold_quote("Moscow had no bases in Venezuela", "indirect", "Jorge Arreaza", "pronoun")
G_UNNAMED = _gold_quote("talks would resume", "indirect", None, "unnamed")
GOLD = [
    GoldArticle(
        id="a1", text=TEXT, published="2019-01-28", headline="h", quotes=(G_DIRECT, G_PRONOUN, G_UNNAMED)
    )
]


def _pred(
    g: GoldQuote, speaker: str | None, *, kind: QuoteKind | None = None, shift: int = 0
) -> PredictedQuote:
    return PredictedQuote(start=g.start + shift, end=g.end + shift, kind=kind or g.kind, speaker_name=speaker)


def test_perfect_prediction_scores_one() -> None:
    preds = {
        "a1": [_pred(G_DIRECT, "Jorge Arreaza"), _pred(G_PRONOUN, "jorge arreaza"), _pred(G_UNNAMED, None)]
    }
    s = score_quotes(GOLD, preds)
    assert (s.detection_precision, s.detection_recall, s.detection_f1) == (1.0, 1.0, 1.0)
    assert (s.speaker_precision, s.speaker_recall, s.speaker_f1) == (1.0, 1.0, 1.0)
    assert s.per_article_counts()["a1"] == {
        "gold": 3,
        "predicted": 3,
        "matched_gold": 3,
        "matched_predicted": 3,
        "speaker_correct_gold": 3,
        "speaker_correct_predicted": 3,
    }
    b = s.breakdown()
    assert set(b) == {"overall", "kind", "speaker_type"}
    assert b["kind"]["direct"]["detection_f1"] == 1.0
    assert b["speaker_type"]["pronoun"]["speaker_recall"] == 1.0
    assert b["speaker_type"]["pronoun"]["detection_precision"] is None


def test_missing_quote_lowers_recall_only() -> None:
    s = score_quotes(GOLD, {"a1": [_pred(G_DIRECT, "Arreaza")]})
    assert s.detection_precision == 1.0
    assert s.detection_recall == pytest.approx(1 / 3)
    assert s.detection_f1 == pytest.approx(0.5)
    assert s.by_speaker_type["pronoun"]["detection_recall"] == 0.0
    assert s.by_kind["indirect"]["detection_recall"] == 0.0
    assert s.by_kind["direct"]["detection_recall"] == 1.0


def test_no_predictions_and_unknown_article() -> None:
    s = score_quotes(GOLD, {})
    assert (s.detection_precision, s.detection_recall, s.speaker_f1) == (0.0, 0.0, 0.0)
    with pytest.raises(QuoteSetError):
        score_quotes(GOLD, {"nope": []})


def test_wrong_speaker_counts_for_detection_not_speaker() -> None:
    preds = {"a1": [_pred(G_DIRECT, "Nicolas Maduro"), _pred(G_PRONOUN, "He"), _pred(G_UNNAMED, "Arreaza")]}
    s = score_quotes(GOLD, preds)
    assert s.detection_f1 == 1.0
    assert s.speaker_precision == 0.0
    assert s.speaker_recall == 0.0
    assert s.by_speaker_type["named"]["speaker_accuracy"] == 0.0


def test_quote_errors_list_misses_spurious_quotes_and_wrong_speakers() -> None:
    spurious = PredictedQuote(start=0, end=5, kind="direct", speaker_name=None)
    preds = {"a1": [_pred(G_DIRECT, "Nicolas Maduro"), _pred(G_UNNAMED, None), spurious]}
    errors = quote_errors(GOLD, preds)
    assert [(e["error"], e.get("gold_speaker"), e.get("speaker")) for e in errors] == [
        ("speaker", "Jorge Arreaza", "Nicolas Maduro"),
        ("missed", "Jorge Arreaza", None),
        ("spurious", None, None),
    ]
    assert errors[1]["speaker_type"] == "pronoun"
    assert errors[2]["text"] == TEXT[:5]


def test_surname_and_null_speaker_rules() -> None:
    assert speaker_matches("Arreaza", "Jorge Arreaza")
    assert speaker_matches("Jorge Arreaza", "arreaza")
    assert speaker_matches("the Kremlin", "Kremlin")
    assert speaker_matches(None, None)
    assert not speaker_matches("Jorge", "Jorge Arreaza")
    assert not speaker_matches(None, "Jorge Arreaza")
    assert not speaker_matches("Arreaza", None)
    assert not speaker_matches("Maza", "Jorge Arreaza")
    s = score_quotes(GOLD, {"a1": [_pred(G_PRONOUN, "Arreaza")]})
    assert s.speaker_precision == 1.0
    assert s.speaker_recall == pytest.approx(1 / 3)


def test_overlap_threshold_uses_longer_span() -> None:
    g = G_PRONOUN  # 32 characters
    half = (g.end - g.start) // 2
    inside = PredictedQuote(start=g.start, end=g.start + half, kind="indirect", speaker_name=None)
    too_short = PredictedQuote(start=g.start, end=g.start + half - 1, kind="indirect", speaker_name=None)
    assert score_quotes(GOLD, {"a1": [inside]}).counts.matched_gold == 1
    assert score_quotes(GOLD, {"a1": [too_short]}).counts.matched_gold == 0
    # A long prediction covering the whole sentence fails the threshold against the short gold span.
    sentence = TEXT.index("He said")
    wide = PredictedQuote(start=sentence, end=len(TEXT), kind="indirect", speaker_name=None)
    assert score_quotes(GOLD, {"a1": [wide]}).counts.matched_gold == 0


def test_matching_is_one_to_one_and_greedy_by_overlap() -> None:
    # Two predictions on the same gold quote: only the one with more overlap matches.
    exact = _pred(G_PRONOUN, "Arreaza")
    shifted = _pred(G_PRONOUN, "Maduro", shift=3)
    s = score_quotes(GOLD, {"a1": [shifted, exact]})
    assert s.counts.matched_gold == 1
    assert s.counts.matched_predicted == 1
    assert s.counts.speaker_correct_gold == 1  # the exact one won, with the right speaker
    assert s.detection_precision == pytest.approx(1 / 2)
    # One prediction spanning two adjacent gold quotes can match at most one of them.
    both = PredictedQuote(start=G_PRONOUN.start, end=G_UNNAMED.end, kind="indirect", speaker_name=None)
    assert score_quotes(GOLD, {"a1": [both]}).counts.matched_gold <= 1


def test_kind_breakdown_counts_each_side() -> None:
    s = score_quotes(GOLD, {"a1": [_pred(G_DIRECT, "Arreaza", kind="indirect")]})
    assert s.by_kind_counts["direct"] == Counts(gold=1, matched_gold=1, speaker_correct_gold=1)
    assert s.by_kind["indirect"]["detection_precision"] == 1.0
    assert s.by_kind["indirect"]["detection_recall"] == 0.0


def test_per_article_counts_sum_to_total() -> None:
    gold = [*GOLD, GoldArticle(id="a2", text=TEXT, published="2019-01-29", headline="h", quotes=(G_DIRECT,))]
    s = score_quotes(gold, {"a1": [_pred(G_DIRECT, "Arreaza")], "a2": [_pred(G_UNNAMED, None)]})
    per = s.per_article_counts()
    summed = Counts()
    for c in per.values():
        summed = summed + Counts(**c)
    assert summed == s.counts
    assert rates(summed)["detection_f1"] == s.detection_f1


# --------------------------------------------------------------------------- shipped data


@pytest.fixture(scope="module")
def shipped() -> list[GoldArticle]:
    return load_quote_set(DATA)


def test_shipped_set_loads_and_slices_match(shipped: list[GoldArticle]) -> None:
    assert len(shipped) >= 45
    assert len({a.id for a in shipped}) == len(shipped)
    for article in shipped:
        assert article.quotes, article.id
        for q in article.quotes:
            assert article.text[q.start : q.end] == q.text
            assert q.kind in QUOTE_KINDS
            assert q.speaker_type in SPEAKER_TYPES
            assert (q.speaker is None) == (q.speaker_type == "unnamed"), (article.id, q.text)
            assert q.speaker_mention in article.text
            if q.kind == "direct":
                assert not q.text.endswith(","), (article.id, q.text)


def test_shipped_set_distribution(shipped: list[GoldArticle]) -> None:
    quotes = [q for a in shipped for q in a.quotes]
    kinds = Counter(q.kind for q in quotes)
    types = Counter(q.speaker_type for q in quotes)
    assert 0.55 <= kinds["indirect"] / len(quotes) <= 0.75
    assert types["pronoun"] / len(quotes) >= 0.15
    assert min(kinds[k] for k in QUOTE_KINDS) > 0
    assert min(types[t] for t in SPEAKER_TYPES) > 0


def test_shipped_gold_scores_perfectly_against_itself(shipped: list[GoldArticle]) -> None:
    preds = {
        a.id: [
            PredictedQuote(start=q.start, end=q.end, kind=q.kind, speaker_name=q.speaker) for q in a.quotes
        ]
        for a in shipped
    }
    s = score_quotes(shipped, preds)
    assert s.detection_f1 == 1.0
    assert s.speaker_f1 == 1.0


def test_loader_rejects_misaligned_span(tmp_path: Path) -> None:
    (tmp_path / "articles.jsonl").write_text(
        '{"id": "x", "text": "He said no.", "published": "2020-01-01", "headline": "h"}\n', encoding="utf-8"
    )
    (tmp_path / "annotations.jsonl").write_text(
        '{"id": "x", "quotes": [{"kind": "indirect", "start": 0, "end": 2, "text": "no", "speaker": null,'
        ' "speaker_mention": "He", "speaker_type": "unnamed", "cue": "said"}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(QuoteSetError, match="does not match"):
        load_quote_set(tmp_path)
