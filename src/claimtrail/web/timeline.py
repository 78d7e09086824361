"""The trail's timeline as data for an inline SVG: one lane per series, one glyph per date with activity.

Series: appearances (the claim printed in a story) and the four stances. Each series has its own colour
(Okabe-Ito, safe for colour blindness) and its own shape, and the legend names both, so the chart never
relies on colour alone. Glyph area grows with the count, and counts above 1 are written next to the glyph.
The layout is pure (TrailView in, numbers out); the template only writes the elements.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from claimtrail.trails.views import TrailView

__all__ = ["SERIES", "Glyph", "TimelineChart", "glyph_path", "parse_day", "timeline_chart"]

# series -> (legend label, shape)
SERIES: tuple[tuple[str, str, str], ...] = (
    ("appearances", "printed in a story", "circle"),
    ("reports", "reported", "square"),
    ("asserts", "asserted", "triangle"),
    ("questions", "questioned", "diamond"),
    ("denies", "denied", "cross"),
)
WIDTH, LEFT, RIGHT, TOP, LANE_H, AXIS_H = 720, 132, 24, 8, 40, 40
MIN_R, MAX_R = 5.0, 14.0


@dataclass(frozen=True, slots=True)
class Glyph:
    series: str
    shape: str
    date: str
    count: int
    x: float
    y: float
    r: float
    label: str  # the glyph's <title>: "2019-01-28: denied 2 times"

    @property
    def path(self) -> str:
        return glyph_path(self.shape, self.x, self.y, self.r)


@dataclass(frozen=True, slots=True)
class Lane:
    series: str
    label: str
    shape: str
    y: float


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    lanes: tuple[Lane, ...]
    glyphs: tuple[Glyph, ...]
    ticks: tuple[Tick, ...]
    title: str
    desc: str


def parse_day(value: str | None) -> dt.date | None:
    """`2019-01-28`, `2019-01` (its first day), `2019` or a timestamp's date part; None when unreadable."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        return dt.date(numbers[0], *[*numbers[1:], 1, 1][:2])
    except (ValueError, IndexError):
        return None


def glyph_path(shape: str, x: float, y: float, r: float) -> str:
    """An SVG path of `shape` centred on (x, y) with half-size r (areas roughly equal across shapes)."""

    def pts(points: list[tuple[float, float]]) -> str:
        return "M" + " L".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in points) + " Z"

    if shape == "square":
        s = r * 0.89
        return pts([(-s, -s), (s, -s), (s, s), (-s, s)])
    if shape == "triangle":
        return pts([(0, -r * 1.15), (r * 1.1, r * 0.75), (-r * 1.1, r * 0.75)])
    if shape == "diamond":
        return pts([(0, -r * 1.25), (r * 1.25, 0), (0, r * 1.25), (-r * 1.25, 0)])
    if shape == "cross":
        a, b = r * 0.35, r * 1.1
        return pts(
            [
                (-a, -b),
                (a, -b),
                (a, -a),
                (b, -a),
                (b, a),
                (a, a),
                (a, b),
                (-a, b),
                (-a, a),
                (-b, a),
                (-b, -a),
                (-a, -a),
            ]
        )
    return (
        f"M{x - r:.1f},{y:.1f} a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0 a{r:.1f},{r:.1f} 0 1,0 {-2 * r:.1f},0 Z"
    )


def _radius(count: int, largest: int) -> float:
    """Area proportional to the count, between MIN_R and MAX_R."""
    if largest <= 1:
        return MIN_R
    return MIN_R + (MAX_R - MIN_R) * math.sqrt((count - 1) / (largest - 1))


def timeline_chart(view: TrailView) -> TimelineChart:
    lanes = tuple(
        Lane(series, label, shape, TOP + LANE_H * (n + 0.5))
        for n, (series, label, shape) in enumerate(SERIES)
    )
    axis_y = TOP + LANE_H * len(SERIES)
    dated = sorted(
        ((day, point) for point in view.timeline if (day := parse_day(point.date)) is not None),
        key=lambda pair: pair[0],
    )
    first, last = (dated[0][0], dated[-1][0]) if dated else (None, None)
    x_of = _XScale(first, last)
    largest = max((c for _, p in dated for c in p.counts.values()), default=1)
    glyphs = tuple(
        Glyph(
            lane.series,
            lane.shape,
            point.date,
            count,
            x_of(day),
            lane.y,
            _radius(count, largest),
            f"{point.date}: {lane.label} {_times(count)}",
        )
        for day, point in dated
        for lane in lanes
        if (count := point.counts.get(lane.series, 0)) > 0
    )
    return TimelineChart(
        width=WIDTH,
        height=int(axis_y + AXIS_H),
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        axis_y=axis_y,
        lanes=lanes,
        glyphs=glyphs,
        ticks=_ticks(first, last, x_of),
        title=f"Timeline of the claim: {view.summary.label}",
        desc=_describe(view, first, last),
    )


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


class _XScale:
    """Days to x: the first date at the plot's left edge, the last at its right; a single date centred."""

    def __init__(self, first: dt.date | None, last: dt.date | None) -> None:
        self.first, self.span = first, (last - first).days if first and last else 0

    def __call__(self, day: dt.date) -> float:
        inner_left, inner_width = LEFT + 16, WIDTH - RIGHT - LEFT - 32
        if self.first is None or self.span == 0:
            return inner_left + inner_width / 2
        return inner_left + inner_width * (day - self.first).days / self.span


def _ticks(first: dt.date | None, last: dt.date | None, x_of: _XScale) -> tuple[Tick, ...]:
    """The first and last dates and up to three evenly spaced ones between them."""
    if first is None or last is None:
        return ()
    span = (last - first).days
    steps = min(4, span)
    days = sorted(
        {first + dt.timedelta(days=round(span * k / steps)) for k in range(steps + 1)} if steps else {first}
    )
    return tuple(Tick(x_of(day), day.isoformat()) for day in days)


def _describe(view: TrailView, first: dt.date | None, last: dt.date | None) -> str:
    totals = {series: sum(p.counts.get(series, 0) for p in view.timeline) for series, _, _ in SERIES}
    parts = [f"{label} {_times(totals[series])}" for series, label, _ in SERIES if totals[series]]
    if first is None or last is None:
        return "No dated appearances or stances yet."
    when = f"on {first.isoformat()}" if first == last else f"from {first.isoformat()} to {last.isoformat()}"
    return f"Activity {when}: " + ", ".join(parts) + "."
