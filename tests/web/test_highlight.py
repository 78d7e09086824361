"""The article highlighter: marks from offsets, nested, overlapping, out of range, escaped."""

from __future__ import annotations

import re
from html import unescape

import pytest
from bs4 import BeautifulSoup

from claimtrail.web.highlight import Mark, article_marks, render_marked
from web.fakes import XSS, record


def _marks(html: str) -> list[tuple[str, str]]:
    """(classes, text) of each <mark>, outermost first."""
    soup = BeautifulSoup(html, "html.parser")
    return [(" ".join(m["class"]), m.get_text()) for m in soup.find_all("mark")]


def _plain(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


def _balanced(html: str) -> bool:
    """Every </mark> closes an open <mark>, and none is left open."""
    depth = 0
    for tag in re.findall(r"<mark\b|</mark>", html):
        depth += 1 if tag == "<mark" else -1
        if depth < 0:
            return False
    return depth == 0


def test_no_marks_is_the_escaped_text() -> None:
    assert render_marked("a < b & c", []) == "a &lt; b &amp; c"


def test_nested_marks_nest() -> None:
    text = "He said the plan was fair today."
    html = render_marked(text, [Mark(8, 25, "quote", "q"), Mark(12, 20, "claim", "c", "claim-c1")])
    assert _plain(html) == text
    assert _marks(html) == [("hl hl-quote", "the plan was fair"), ("hl hl-claim", "plan was")]
    assert 'id="claim-c1"' in html


def test_overlapping_marks_split_into_fragments_and_stay_well_formed() -> None:
    text = "0123456789abcdefghij"
    html = render_marked(text, [Mark(2, 12, "quote", "q", "quote-q1"), Mark(8, 16, "claim", "c", "claim-c1")])
    assert _plain(html) == text
    assert html.count("<mark") == html.count("</mark>") == 3
    assert _marks(html) == [
        ("hl hl-quote", "23456789ab"),
        ("hl hl-claim", "89ab"),
        ("hl hl-claim hl-cont", "cdef"),
    ]
    assert html.count('id="claim-c1"') == 1  # the anchor only on the first fragment


def test_same_span_orders_outer_layer_first() -> None:
    html = render_marked("abc", [Mark(0, 3, "date", "d"), Mark(0, 3, "quote", "q"), Mark(0, 3, "claim", "c")])
    assert html.startswith('<mark class="hl hl-quote"')
    assert [c for c, _ in _marks(html)] == ["hl hl-quote", "hl hl-claim", "hl hl-date"]


@pytest.mark.parametrize(
    "mark",
    [Mark(-5, 3, "date", "d"), Mark(8, 99, "date", "d"), Mark(5, 5, "date", "d"), Mark(6, 2, "date", "d")],
)
def test_offsets_out_of_range_are_clipped_or_dropped(mark: Mark) -> None:
    text = "0123456789"
    html = render_marked(text, [mark])
    assert _plain(html) == text
    assert html.count("<mark") == html.count("</mark>")


def test_many_random_overlaps_always_give_balanced_html_with_the_text_intact() -> None:
    import random

    rng = random.Random(6)
    text = "".join(rng.choice("ab <&>\"'\n") for _ in range(200))
    for _ in range(200):
        marks = [
            Mark(a, a + rng.randint(-3, 40), rng.choice(["quote", "claim", "date", "stance"]), "x")
            for a in (rng.randint(-10, 210) for _ in range(rng.randint(0, 12)))
        ]
        html = render_marked(text, marks)
        assert unescape(re.sub(r"<[^>]+>", "", html)) == text
        assert _balanced(html)


def test_labels_and_text_are_escaped() -> None:
    html = render_marked(f"x {XSS} y", [Mark(2, 10, "quote", f'by "{XSS}"')])
    assert "<script>" not in html
    assert BeautifulSoup(html, "html.parser").find("script") is None


def test_article_marks_from_a_record() -> None:
    rec = record()
    html = render_marked(rec["text"], article_marks(rec))
    assert _plain(html) == rec["text"]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(id="claim-c1").get_text() == "400 contractors arrived in Venezuela"
    assert soup.find(id="claim-c2")
    assert soup.find(id="quote-q1")["aria-label"] == "direct quote by Jorge Arreaza"
    speakers = [m.get_text() for m in soup.find_all("mark", class_="hl-speaker")]
    assert speakers == ["Jorge Arreaza", "Arreaza"]
    assert [m.get_text() for m in soup.find_all("mark", class_="hl-actor")] == ["Reuters"]
    cues = {m.get_text(): m["data-variant"] for m in soup.find_all("mark", class_="hl-stance")}
    assert cues == {"denied": "denies", "reported": "reports"}
    assert soup.find("mark", class_="hl-stance-denies")["aria-label"] == "denies: Jorge Arreaza"
    assert [m["aria-label"] for m in soup.find_all("mark", class_="hl-date")] == ["date: 2019-01-28"] * 2
    assert (
        soup.find("mark", class_="hl-dateline")["aria-label"]
        == "dateline: CARACAS, Wire Daily / Sputnik, 2019-01-28"
    )
    assert soup.find("script") is None


def test_a_cue_missing_from_its_evidence_is_skipped() -> None:
    rec = record()
    rec["claims"][0]["stances"][0]["cue"] = "refuted"
    marks = article_marks(rec)
    assert [m.variant for m in marks if m.kind == "stance"] == ["reports"]


def test_a_record_with_nothing_renders() -> None:
    assert article_marks({"text": "plain"}) == []
