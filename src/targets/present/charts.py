"""Charts for the printed briefing: small inline SVG drawings, no script, nothing fetched.

A chart is drawn from plain figures (`Timeline`, `Bars`), so that what it shows is decided
by the page that asks for it. Every text that goes into a drawing is escaped here: names
of regions and targets come from the plan and may hold anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

WIDTH, HEIGHT = 320, 184
LEFT, RIGHT, TOP, BOTTOM = 34, 314, 26, 160  # the plot area inside the drawing
MONTHS = {
    "zh": tuple(f"{m}月" for m in range(1, 13)),
    "en": ("J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"),
}
INK = "#1f2933"
GRID = "#d9dee3"
ACTUAL = "#0b5cad"
READING = "#9cc3ea"
TARGET = "#c2410c"
BAND = "#fbe3d3"
OWN = "#0b5cad"
PEER = "#a7b1bb"

Point = tuple[int, Decimal]  # month of the year, figure


@dataclass(frozen=True)
class Timeline:
    """The year of one target: its figures by month against what it is held to.

    `actual` is the line the target is judged on (year to date, or a rate's running
    mean); `readings` are a rate's monthly readings drawn as bars beneath it; `goal` is the
    target line, flat or per month (a schedule, a referenced target's figures); `band`
    is the tolerance around a flat goal; `projection` the low and high estimate of the
    year, drawn dashed from the last figure to December."""

    unit: str
    lang: str
    actual: Sequence[Point]
    goal: Sequence[Point] = ()
    goal_label: str = ""
    band: tuple[Decimal, Decimal] | None = None
    readings: Sequence[Point] = ()
    projection: tuple[Decimal, Decimal] | None = None
    projection_label: str = ""
    zero: bool = False  # whether the scale must reach 0 (amounts, bars)
    notes: Sequence[str] = field(default=())


@dataclass(frozen=True)
class Bar:
    """One region's figure; `own` marks the plan's region."""

    name: str
    value: Decimal
    own: bool = False
    note: str = ""  # rank or a mark beside the figure


def number(x: Decimal | float, places: int = 1) -> str:
    """A figure as a chart label: a few decimals at most, no −0."""
    text = f"{float(x):.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".") if places > 1 else text
    return "0" if text in ("-0", "-0.0") else text


def _ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round steps (1, 2, 2.5, 5 × 10ⁿ) covering lo..hi."""
    span = hi - lo or abs(hi) or 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)
    start = math.floor(lo / step) * step
    ticks = []
    k = 0
    while start + k * step <= hi + step * 1e-9:
        ticks.append(round(start + k * step, 10))
        k += 1
    if ticks[-1] < hi:
        ticks.append(round(start + k * step, 10))
    return ticks


class _Scale:
    def __init__(self, values: Sequence[float], zero: bool) -> None:
        lo, hi = min(values), max(values)
        if zero:
            lo, hi = min(lo, 0.0), max(hi, 0.0)
        pad = (hi - lo) * 0.08 or 1.0
        self.ticks = _ticks(lo - (0 if zero and lo == 0 else pad), hi + pad)
        self.lo, self.hi = self.ticks[0], self.ticks[-1]

    def y(self, v: Decimal | float) -> float:
        return BOTTOM - (float(v) - self.lo) / (self.hi - self.lo) * (BOTTOM - TOP)


def _x(month: int | float) -> float:
    return LEFT + (month - 0.5) / 12 * (RIGHT - LEFT)


def _text(x: float, y: float, text: str, size: int = 9, anchor: str = "middle", **kw: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in kw.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"'
        f"{extra}>{escape(text)}</text>"
    )


def _path(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(points))


def _svg(body: list[str], label: str, height: int = HEIGHT) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img"'
        f' aria-label="{escape(label)}" font-family="inherit" fill="{INK}">'
        + "".join(body)
        + "</svg>"
    )


def timeline(chart: Timeline, label: str) -> str:
    """The year's figures by month against the target line; projections dashed."""
    values = [float(v) for _, v in (*chart.actual, *chart.goal, *chart.readings)]
    if chart.band:
        values += [float(chart.band[0]), float(chart.band[1])]
    if chart.projection:
        values += [float(chart.projection[0]), float(chart.projection[1])]
    scale = _Scale(values or [0.0], chart.zero)
    body: list[str] = []
    for t in scale.ticks:  # the grid, labelled in the figures' own unit
        y = scale.y(t)
        body.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_text(LEFT - 4, y + 3.5, number(t, 2), 9, "end", fill="#52606d"))
    if scale.lo < 0 < scale.hi:
        y0 = scale.y(0)
        body.append(
            f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y0:.1f}" y2="{y0:.1f}" stroke="#7b8794"/>'
        )
    for m, name in enumerate(MONTHS[chart.lang], start=1):
        body.append(_text(_x(m), BOTTOM + 14, name, 9, fill="#52606d"))
    if chart.band:
        top, bottom = scale.y(chart.band[1]), scale.y(chart.band[0])
        body.append(
            f'<rect x="{LEFT}" y="{top:.1f}" width="{RIGHT - LEFT}" height="{bottom - top:.1f}"'
            f' fill="{BAND}"/>'
        )
    if chart.readings:  # a rate's monthly readings, faint beneath their running mean
        pts = [(_x(m), scale.y(v)) for m, v in chart.readings]
        body.append(f'<path d="{_path(pts)}" fill="none" stroke="{READING}" stroke-width="1"/>')
        for x, y in pts:
            body.append(
                f'<rect x="{x - 2.2:.1f}" y="{y - 2.2:.1f}" width="4.4" height="4.4"'
                f' fill="{READING}"/>'
            )
    body += _goal(chart, scale)
    if chart.actual:
        pts = [(_x(m), scale.y(v)) for m, v in chart.actual]
        body.append(f'<path d="{_path(pts)}" fill="none" stroke="{ACTUAL}" stroke-width="2"/>')
        for x, y in pts:
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{ACTUAL}"/>')
        labelled = chart.actual if len(chart.actual) <= 4 else chart.actual[-1:]
        for m, v in labelled:
            body.append(
                _text(_x(m), scale.y(v) - 7, number(v, 2), 10, font_weight="bold", fill=ACTUAL)
            )
    body += _projection(chart, scale)
    return _svg(body, label)


def _goal(chart: Timeline, scale: _Scale) -> list[str]:
    """The target line, flat (month 0 stands for the whole year) or month by month, and
    its name in the top right corner beside a swatch of the line."""
    if not chart.goal:
        return []
    if len(chart.goal) == 1 and chart.goal[0][0] == 0:
        y = scale.y(chart.goal[0][1])
        pts = [(float(LEFT), y), (float(RIGHT), y)]
    else:
        pts = [(_x(m), scale.y(v)) for m, v in chart.goal]
    body = [f'<path d="{_path(pts)}" fill="none" stroke="{TARGET}" stroke-width="1.5"/>']
    if chart.goal_label:
        body += _legend(LEFT, chart.goal_label, TARGET)
    return body


def _projection(chart: Timeline, scale: _Scale) -> list[str]:
    if not chart.projection or not chart.actual:
        return []
    m, v = chart.actual[-1]
    start = (_x(m), scale.y(v))
    body = []
    for end in {chart.projection[0], chart.projection[1]}:
        x, y = _x(12), scale.y(end)
        body.append(
            f'<path d="M{start[0]:.1f},{start[1]:.1f} L{x:.1f},{y:.1f}" fill="none"'
            f' stroke="{ACTUAL}" stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="#fff" stroke="{ACTUAL}"/>')
    if chart.projection_label:
        # after the target's legend, where there is one
        x = LEFT + (26 + 10 * _width(chart.goal_label) if chart.goal_label else 0)
        body += _legend(x, chart.projection_label, ACTUAL, dashed=True)
    return body


def _legend(x: float, text: str, colour: str, dashed: bool = False) -> list[str]:
    """A swatch of a line and what it is, above the plot."""
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return [
        f'<line x1="{x:.1f}" x2="{x + 14:.1f}" y1="{TOP - 15}" y2="{TOP - 15}" stroke="{colour}"'
        f' stroke-width="1.5"{dash}/>',
        _text(x + 18, TOP - 11.5, text, 10, "start", fill=colour),
    ]


def _width(text: str) -> float:
    """A text's width in ems: a Chinese character is one, a Latin letter about half."""
    return sum(1.0 if ord(c) > 0x2E80 else 0.55 for c in text)


def bars(items: Sequence[Bar], unit: str, label: str, goal: Decimal | None = None) -> str:
    """The regions' figures as horizontal bars, best first as given; the plan's own marked."""
    row, top = 16, 8
    height = top + row * len(items) + 6
    values = [float(b.value) for b in items] + ([float(goal)] if goal is not None else [])
    lo, hi = min([*values, 0.0]), max([*values, 0.0])
    name_w = 9 * max([_width(b.name) for b in items] + [2.0]) + 8
    left, right = min(LEFT + name_w, 150.0), WIDTH - 78.0
    span = (hi - lo) or 1.0

    def x(v: Decimal | float) -> float:
        return left + (float(v) - lo) / span * (right - left)

    body: list[str] = []
    for i, b in enumerate(items):
        y = top + i * row
        colour = OWN if b.own else PEER
        weight = {"font_weight": "bold"} if b.own else {}
        body.append(_text(left - 6, y + 11, b.name, 9, "end", **weight))
        x0, x1 = sorted((x(0), x(b.value)))
        body.append(
            f'<rect x="{x0:.1f}" y="{y + 2}" width="{max(x1 - x0, 0.8):.1f}" height="{row - 5}"'
            f' fill="{colour}"/>'
        )
        said = f"{number(b.value, 2)}{unit if unit == '%' else ''}" + (
            f" {b.note}" if b.note else ""
        )
        body.append(_text(max(x1, x(0)) + 3, y + 11, said, 8, "start", **weight))
    if goal is not None:
        gx = x(goal)
        body.append(
            f'<line x1="{gx:.1f}" x2="{gx:.1f}" y1="{top - 4}" y2="{height - 4}"'
            f' stroke="{TARGET}" stroke-width="1.5"/>'
        )
    return _svg(body, label, height)
