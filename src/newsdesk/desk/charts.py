"""Charts for the desk's dashboards, drawn on the server as SVG strings (issue 6, point 2).

No chart library and no script: the page stays inside a strict CSP
(presentation attributes, never ``style``), every label is escaped, each
chart names itself with ``<title>``/``<desc>`` for screen readers, and every
mark carries its number in ``data-value`` and a ``<title>`` tooltip. The
same ``Chart`` renders as a table (``chart.rows()``), the fallback for
readers who cannot see the drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 56
# Colour-blind-safe (Okabe–Ito), darkened for contrast on white.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9", "#000000", "#E69F00")


@dataclass(frozen=True)
class Series:
    """One line (or one set of bars): a name and a value for each of the chart's labels."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """What a chart shows: ``labels`` along the x axis, one or more ``series`` of values, a unit."""

    slug: str
    title: str
    description: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = "items"
    kind: str = "line"  # "line" or "bar"
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(sum(s.values) for s in self.series)

    @property
    def is_empty(self) -> bool:
        return not self.labels or not self.series or self.total == 0

    def rows(self) -> list[tuple[str, list[float]]]:
        """The table fallback: one row per label, one column per series."""
        return [(label, [s.values[i] for s in self.series]) for i, label in enumerate(self.labels)]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def _ceiling(top: float) -> float:
    """A round maximum for the y axis (1, 2, 5 × 10ⁿ) so the gridlines read as plain numbers."""
    if top <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(top))
    for step in (1, 2, 5, 10):
        if top <= step * power:
            return float(step * power)
    return float(10 * power)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def chart_svg(chart: Chart) -> SafeString:
    """The chart as an inline ``<svg>``: axes, gridlines, one mark per value, a legend; all text escaped."""
    ids = f"chart-{_attr(chart.slug)}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{_attr(chart.kind)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{ids}-title {ids}-desc" data-chart="{_attr(chart.slug)}">',
        f'<title id="{ids}-title">{escape(chart.title)}</title>',
        f'<desc id="{ids}-desc">{escape(chart.description)}</desc>',
    ]
    if chart.is_empty:
        parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="#555">Nothing to show yet</text></svg>')
        return mark_safe("".join(parts))  # noqa: S308 — every piece above is escaped
    top = _ceiling(max(max(s.values) for s in chart.series))
    parts += _axes(chart, top)
    parts += _bars(chart, top) if chart.kind == "bar" else _lines(chart, top)
    parts += _legend(chart)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — labels and names are escaped where they are written


def _x(chart: Chart, index: int) -> float:
    plot = WIDTH - LEFT - RIGHT
    count = len(chart.labels)
    return LEFT + plot * (index + 0.5) / count


def _y(value: float, top: float) -> float:
    plot = HEIGHT - TOP - BOTTOM
    return TOP + plot * (1 - value / top)


def _axes(chart: Chart, top: float) -> list[str]:
    parts = []
    for step in range(5):
        value = top * step / 4
        y = _y(value, top)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#444">{_number(value)}</text>')
    every = max(1, math.ceil(len(chart.labels) / 12))  # at most a dozen x labels, so they never overlap
    for index, label in enumerate(chart.labels):
        if index % every == 0:
            short = label if len(label) <= 16 else label[:15] + "…"
            parts.append(
                f'<text x="{_x(chart, index):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11" fill="#444">'
                f"{escape(short)}</text>"
            )
    return parts


def _lines(chart: Chart, top: float) -> list[str]:
    parts = []
    for number, series in enumerate(chart.series):
        colour = PALETTE[number % len(PALETTE)]
        points = " ".join(f"{_x(chart, i):.1f},{_y(v, top):.1f}" for i, v in enumerate(series.values))
        parts.append(f'<g class="series" data-series="{_attr(series.name)}">')
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        for index, value in enumerate(series.values):
            tip = f"{series.name}, {chart.labels[index]}: {_number(value)} {chart.unit}"
            parts.append(
                f'<circle cx="{_x(chart, index):.1f}" cy="{_y(value, top):.1f}" r="3" fill="{colour}" '
                f'data-label="{_attr(chart.labels[index])}" data-value="{_number(value)}"><title>{escape(tip)}</title></circle>'
            )
        parts.append("</g>")
    return parts


def _bars(chart: Chart, top: float) -> list[str]:
    parts = []
    slot = (WIDTH - LEFT - RIGHT) / len(chart.labels)
    width = max(1.0, slot * 0.8 / len(chart.series))
    for number, series in enumerate(chart.series):
        colour = PALETTE[number % len(PALETTE)]
        parts.append(f'<g class="series" data-series="{_attr(series.name)}">')
        for index, value in enumerate(series.values):
            x = LEFT + slot * index + slot * 0.1 + width * number
            y = _y(value, top)
            tip = f"{series.name}, {chart.labels[index]}: {_number(value)} {chart.unit}"
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{HEIGHT - BOTTOM - y:.1f}" fill="{colour}" '
                f'data-label="{_attr(chart.labels[index])}" data-value="{_number(value)}"><title>{escape(tip)}</title></rect>'
            )
        parts.append("</g>")
    return parts


def _legend(chart: Chart) -> list[str]:
    parts = []
    x = LEFT
    y = HEIGHT - 14
    for number, series in enumerate(chart.series):
        colour = PALETTE[number % len(PALETTE)]
        name = series.name if len(series.name) <= 24 else series.name[:23] + "…"
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}" font-size="11" fill="#222">{escape(name)}</text>')
        x += 24 + 7 * len(name)
        if x > WIDTH - 120:
            break
    return parts
