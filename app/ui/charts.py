"""The statistics panel (QtCharts): spans per label and origin (stacked bars), progress over time (documents
done per day as bars, the running total as a line) and the figures of each quantity group as a strip chart.

All data comes from app/core/chart_data.py. Colours: origins use the Tableau-10 family that the label scheme
and the status colours come from; conflicting figure groups use the ledger's conflict red, others the FIGURE
colour of the scheme. Text, grid and background follow the palette, so light and dark themes both read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QToolTip, QWidget

from app.core import chart_data
from app.core.ledger import DEFAULT_TOLERANCE, format_value_plain
from app.core.store import Store
from app.core.types import Status
from app.ui import theme
from app.ui.insight_models import CONFLICT_COLOUR, compact
from app.ui.lazy_refresh import RefreshWhenShown
from app.ui.models import STATUS_COLOUR

ORIGIN_COLOURS = {"manual": "#4e79a7", "accepted suggestion": "#76b7b2", "edited": "#edc948",
                  "pattern": "#b07aa1", "imported": "#9c755f"}
REFRESH_KINDS = frozenset({"spans", "figures", "status", "documents", "relations", "actors", "scheme"})
MAX_DAYS = 45
MAX_GROUPS = 20
STRIP_ROW_HEIGHT = 26  # pixels per quantity group: less and Qt elides the row labels to "..."


def style_chart(chart: QChart, title: str) -> None:
    """Title, background, legend, axes and grid in the palette's colours."""
    pal = theme.palette()
    text, base = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
    grid = theme.mix(text, base, 0.15)
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setTitleBrush(QBrush(text))
    chart.setBackgroundBrush(QBrush(base))
    chart.setBackgroundRoundness(4)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsBrush(QBrush(text))
        axis.setTitleBrush(QBrush(text))
        axis.setLinePenColor(grid)
        axis.setGridLineColor(grid)


def _view(chart: QChart, name: str) -> QChartView:
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(320, 220)
    return view


def _attach(chart: QChart, series: Any, *axes: QAbstractAxis) -> None:
    chart.addSeries(series)
    for axis in axes:
        series.attachAxis(axis)


def _nice_max(value: float) -> int:
    return max(1, int(value * 1.15 + 0.999))


def count_axis(top: float, title: str = "") -> QValueAxis:
    """A 0..top axis of whole numbers with at most ~5 whole-number ticks."""
    axis = QValueAxis()
    high = _nice_max(top)
    step = max(1, -(-high // 5))
    axis.setRange(0, step * -(-high // step))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    if title:
        axis.setTitleText(title)
    return axis


def spans_chart(data: dict[str, dict[str, int]]) -> QChart:
    chart = QChart()
    labels = list(data)
    series = QStackedBarSeries()
    for category, colour in ORIGIN_COLOURS.items():
        bar = QBarSet(category)
        bar.append([float(data[label].get(category, 0)) for label in labels])
        bar.setColor(QColor(colour))
        bar.setBorderColor(QColor(colour))
        series.append(bar)
    series.setBarWidth(0.6)
    axis_x = QBarCategoryAxis()
    axis_x.append([f"{label} ({sum(data[label].get(c, 0) for c in ORIGIN_COLOURS)})" for label in labels])
    top = max((sum(v.get(c, 0) for c in ORIGIN_COLOURS) for v in data.values()), default=0)
    axis_y = count_axis(top)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    _attach(chart, series, axis_x, axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    style_chart(chart, "Spans per label and origin")
    return chart


def progress_chart(per_day: list[tuple[str, int]], history: list[dict[str, Any]], total_docs: int) -> QChart:
    chart = QChart()
    per_day = per_day[-MAX_DAYS:]
    running = {row["day"]: row["total_done"] for row in history}
    cumulative, last = [], 0
    first_day = per_day[0][0] if per_day else ""
    for day, total in sorted(running.items()):
        if day < first_day:
            last = total
    for day, _n in per_day:
        last = running.get(day, last)
        cumulative.append(last)
    bars = QBarSet("marked done that day")
    bars.append([float(n) for _, n in per_day])
    bars.setColor(QColor(STATUS_COLOUR[Status.DONE]))
    bars.setBorderColor(QColor(STATUS_COLOUR[Status.DONE]))
    bar_series = QBarSeries()
    bar_series.append(bars)
    line = QLineSeries()
    line.setName(f"done in total (of {total_docs})")
    for i, value in enumerate(cumulative):
        line.append(QPointF(i, value))
    pen = QPen(theme.line_colour(ORIGIN_COLOURS["manual"]))
    pen.setWidth(3)
    line.setPen(pen)
    line.setPointsVisible(True)
    axis_x = QBarCategoryAxis()
    axis_x.append([day[5:] for day, _ in per_day] or ["—"])
    if len(per_day) > 14:
        axis_x.setLabelsAngle(-90)
    axis_y = count_axis(max((n for _, n in per_day), default=0), "per day")
    axis_total = count_axis(max([total_docs, *cumulative]) / 1.15, "in total")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_total, Qt.AlignmentFlag.AlignRight)
    _attach(chart, bar_series, axis_x, axis_y)
    _attach(chart, line, axis_x, axis_total)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    style_chart(chart, "Progress: documents done" + ("" if per_day else " (none yet)"))
    return chart


def strip_rows(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The groups a strip chart shows: those with positive values, conflicting first (as the ledger sorts),
    at most MAX_GROUPS; each point gets `x`, its value in percent of the group's largest."""
    rows = []
    for g in groups:
        points = [p for p in g["points"] if isinstance(p["value"], int | float) and p["value"] > 0]
        if not points:
            continue
        top = max(max(p["value"], p["high"] or 0) for p in points)
        rows.append({**g, "points": [{**p, "x": 100 * p["value"] / top} for p in points], "top": top})
    return rows[:MAX_GROUPS]


def strip_chart(groups: list[dict[str, Any]], tolerance: float) -> tuple[QChart, dict[int, list[str]]]:
    """One row per quantity group; x = each figure's value as a share of the group's largest value."""
    chart = QChart()
    rows = strip_rows(groups)
    n = len(rows)
    axis_x = QValueAxis()
    axis_x.setRange(0, 104)
    axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_x.setTickAnchor(0)
    axis_x.setTickInterval(20)
    axis_x.setLabelFormat("%d%%")
    axis_x.setTitleText("each figure as a share of its group's largest value (hover a point for the figure)")
    axis_y = QCategoryAxis()
    axis_y.setRange(-0.5, max(n, 1) - 0.5)
    axis_y.setStartValue(-0.5)
    axis_y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    axis_y.setGridLineVisible(False)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    tips: dict[int, list[str]] = {}
    ok = QScatterSeries()
    ok.setName("values agree")
    clash = QScatterSeries()
    clash.setName(f"conflict (> {tolerance:.0%} apart)")
    for series, colour, size in ((ok, _figure_colour(), 11.0), (clash, theme.line_colour(CONFLICT_COLOUR), 14.0)):
        series.setColor(colour)
        series.setBorderColor(colour.darker(130))
        series.setMarkerSize(size)
    for y, g in enumerate(reversed(rows)):  # the first group at the top
        spread = f"{compact(g['min'])}–{compact(g['max'])}" if g["min"] != g["max"] else compact(g["min"])
        name = g["group"] if len(g["group"]) <= 34 else g["group"][:33] + "…"
        axis_y.append(f"{'⚠ ' if g['conflict'] else ''}{name}: {spread} {g['unit']}".strip(), y + 0.5)
        target = clash if g["conflict"] else ok
        for p in g["points"]:
            target.append(QPointF(p["x"], y))
            tips.setdefault(id(target), []).append(_tip(g, p))
            if p["qualifier"] == "range" and p["low"] is not None and p["high"] is not None:
                segment = QLineSeries()
                segment.append(QPointF(100 * p["low"] / g["top"], y))
                segment.append(QPointF(100 * p["high"] / g["top"], y))
                segment.setPen(QPen(target.color(), 3))
                _attach(chart, segment, axis_x, axis_y)
                chart.legend().markers(segment)[0].setVisible(False)
    for series in (ok, clash):
        _attach(chart, series, axis_x, axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    style_chart(chart, "Figures per quantity group" + ("" if rows else " (no figures yet)"))
    ok.hovered.connect(lambda point, state: _hover(ok, tips, point, state))
    clash.hovered.connect(lambda point, state: _hover(clash, tips, point, state))
    return chart, tips


def _figure_colour() -> QColor:
    return theme.line_colour("#f28e2b")


def _tip(g: dict[str, Any], p: dict[str, Any]) -> str:
    sign = {"approx": "≈", "min": "≥", "max": "≤"}.get(p["qualifier"], "")
    value = (f"{format_value_plain(p['low'])}–{format_value_plain(p['high'])}" if p["qualifier"] == "range"
             else f"{sign}{format_value_plain(p['value'])}")
    return f"{g['group']}: {value} {g['unit']}\n{p['actor'] or 'no source actor'} — {p['source']}"


def _hover(series: QScatterSeries, tips: dict[int, list[str]], point: QPointF, state: bool) -> None:
    if not state:
        QToolTip.hideText()
        return
    pts = series.points()
    best = min(range(len(pts)), key=lambda i: (pts[i] - point).manhattanLength(), default=None)
    texts = tips.get(id(series), [])
    if best is not None and best < len(texts):
        QToolTip.showText(QCursor.pos(), texts[best])


class StatisticsView(RefreshWhenShown, QScrollArea):
    """The three charts in a grid (scrolling when the strip chart needs more height than the dock has);
    rebuilt after store changes while visible."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsView")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        self.setWidget(inner)
        self.store = store
        self.tolerance = DEFAULT_TOLERANCE
        self.spans_view = _view(QChart(), "spansChart")
        self.progress_view = _view(QChart(), "progressChart")
        self.strip_view = _view(QChart(), "stripChart")
        self.note = QLabel()
        self.note.setObjectName("muted")
        for view in (self.spans_view, self.progress_view):
            view.setMinimumHeight(260)
        grid = QGridLayout(inner)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.addWidget(self.spans_view, 0, 0)
        grid.addWidget(self.progress_view, 0, 1)
        grid.addWidget(self.strip_view, 1, 0, 1, 2)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.setRowStretch(0, 0)
        grid.setRowStretch(1, 1)
        self.tips: dict[int, list[str]] = {}
        self.init_refresh(REFRESH_KINDS, delay_ms=300)

    @property
    def spans_chart(self) -> QChart:
        return self.spans_view.chart()

    @property
    def progress_chart(self) -> QChart:
        return self.progress_view.chart()

    @property
    def strip_chart(self) -> QChart:
        return self.strip_view.chart()

    def refresh(self) -> None:
        self._dirty = False
        self._replace(self.spans_view, spans_chart(chart_data.spans_by_label_origin(self.store)))
        total = self.store.count_documents()
        progress = progress_chart(chart_data.done_per_day(self.store), chart_data.progress_over_time(self.store),
                                  total)
        self._replace(self.progress_view, progress)
        groups = chart_data.figures_per_quantity(self.store, self.tolerance)
        strip, self.tips = strip_chart(groups, self.tolerance)
        self._replace(self.strip_view, strip)
        self.strip_view.setMinimumHeight(150 + STRIP_ROW_HEIGHT * max(2, len(strip_rows(groups))))
        done = self.store.count_documents(Status.DONE)
        self.note.setText(f"{done:,} of {total:,} documents done. Strip chart: one row per quantity group as in "
                          "the ledger; ranges are drawn as bars.")

    @staticmethod
    def _replace(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
