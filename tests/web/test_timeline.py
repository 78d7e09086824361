"""The trail timeline: layout from a TrailView, and the inline SVG on the trail page."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import httpx
import pytest
from bs4 import BeautifulSoup

from claimtrail.trails.views import TimelinePoint
from claimtrail.web.timeline import LEFT, RIGHT, SERIES, WIDTH, glyph_path, parse_day, timeline_chart
from web.fakes import TRAIL, TRAIL_ID


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2019-01-28", dt.date(2019, 1, 28)),
        ("2019-01", dt.date(2019, 1, 1)),
        ("2019", dt.date(2019, 1, 1)),
        ("2019-01-28T10:00:00+00:00", dt.date(2019, 1, 28)),
        ("2019-02-30", None),
        ("soon", None),
        (None, None),
        ("", None),
    ],
)
def test_parse_day(value: str | None, day: dt.date | None) -> None:
    assert parse_day(value) == day


def test_one_glyph_per_series_and_date_with_activity() -> None:
    chart = timeline_chart(TRAIL)
    assert [(g.date, g.series, g.count) for g in chart.glyphs] == [
        ("2019-01-25", "appearances", 1),
        ("2019-01-25", "reports", 2),
        ("2019-01-26", "asserts", 1),
        ("2019-01-27", "questions", 1),
        ("2019-01-28", "appearances", 1),
        ("2019-01-28", "denies", 2),
    ]
    xs = sorted({g.x for g in chart.glyphs})
    assert len(xs) == 4
    assert LEFT < xs[0] < xs[-1] < WIDTH - RIGHT
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])  # days are evenly spaced
    lanes = {g.series: g.y for g in chart.glyphs}
    assert len(set(lanes.values())) == 5  # each series in its own lane
    assert {g.series: g.shape for g in chart.glyphs} == {s: shape for s, _, shape in SERIES}
    assert chart.glyphs[1].r > chart.glyphs[0].r  # bigger count, bigger glyph
    assert chart.glyphs[1].label == "2019-01-25: reported 2 times"


def test_description_and_ticks() -> None:
    chart = timeline_chart(TRAIL)
    assert chart.desc == (
        "Activity from 2019-01-25 to 2019-01-28: printed in a story 2 times, reported 2 times, asserted once,"
        " questioned once, denied 2 times."
    )
    assert [t.label for t in chart.ticks] == ["2019-01-25", "2019-01-26", "2019-01-27", "2019-01-28"]
    assert "<script>" in chart.title  # escaped by the template, not here


def test_single_date_is_centred_and_undated_points_are_left_out() -> None:
    view = replace(
        TRAIL,
        timeline=(
            TimelinePoint(date="2019-03", counts={"appearances": 3}),
            TimelinePoint(date="unknown", counts={"denies": 1}),
        ),
    )
    chart = timeline_chart(view)
    assert [(g.date, g.series) for g in chart.glyphs] == [("2019-03", "appearances")]
    assert chart.glyphs[0].x == pytest.approx((LEFT + 16 + WIDTH - RIGHT - 16) / 2)
    assert [t.label for t in chart.ticks] == ["2019-03-01"]


def test_empty_timeline() -> None:
    chart = timeline_chart(replace(TRAIL, timeline=()))
    assert chart.glyphs == ()
    assert chart.desc == "No dated appearances or stances yet."


@pytest.mark.parametrize("shape", ["circle", "square", "triangle", "diamond", "cross"])
def test_glyph_paths_are_closed(shape: str) -> None:
    path = glyph_path(shape, 10, 10, 5)
    assert path.startswith("M")
    assert path.endswith("Z")


@pytest.mark.anyio
async def test_trail_page_has_an_accessible_inline_svg_with_a_legend(client: httpx.AsyncClient) -> None:
    soup = BeautifulSoup((await client.get(f"/trails/{TRAIL_ID}")).text, "html.parser")
    svg = soup.find("svg", class_="timeline-chart")
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "tl-title tl-desc"
    assert svg.find("title", id="tl-title").get_text().startswith("Timeline of the claim")
    assert "denied 2 times" in svg.find("desc").get_text()
    points = svg.find_all("g", class_="point")
    assert len(points) == 6
    assert {p.find("title").get_text() for p in points} >= {"2019-01-28: denied 2 times"}
    assert [t.get_text() for t in svg.find_all("text", class_="count-label")] == ["2", "2"]
    legend = soup.find("ul", class_="legend")
    texts = [li.get_text(" ", strip=True) for li in legend.find_all("li")]
    assert texts == [
        "printed in a story (shape: circle)",
        "reported (shape: square)",
        "asserted (shape: triangle)",
        "questioned (shape: diamond)",
        "denied (shape: cross)",
    ]
    assert soup.find("script") is None  # no JS: the chart is server-side SVG
