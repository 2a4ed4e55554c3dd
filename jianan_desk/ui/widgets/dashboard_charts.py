"""The 首页 charts (QtCharts) and the framed panel each chart or list sits in.

QtCharts does not take the application font by itself: every text item (axis labels and
titles, legend, bar and point labels) gets a copy of the widget's font here, so Chinese is
drawn with the same face as the rest of the window, never as boxes. Animations are off: a
dashboard refreshes often and screenshots must show the final state.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QAreaSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.services.dashboard import MonthSeries
from jianan_desk.ui.style import hairline, muted_text
from jianan_desk.ui.widgets import figure_format as fmt
from jianan_desk.ui.widgets.none_refcount import keep_none_alive

keep_none_alive()  # see none_refcount: these widgets make many void Qt calls

ACTUAL = QColor("#2f6fdb")
REFERENCE = QColor("#9aa0a6")
BARS = QColor("#3b82c4")
FUNNEL = QColor("#2f6fdb")
FIELD_BARS = QColor("#4a9d8f")
CHART_HEIGHT = 300
EMPTY_HEIGHT = 120
QWIDGETSIZE_MAX = (1 << 24) - 1
WAN_PER_YI = Decimal(10_000)


def scaled_font(base: QFont, scale: float = 1.0, *, bold: bool = False) -> QFont:
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def to_yi(wan: Decimal) -> float:
    """万元 → 亿元 as a float for plotting (rounded to the 0.01 亿元 shown)."""
    return float((wan / WAN_PER_YI).quantize(Decimal("0.01")))


def _nice_max(value: float) -> float:
    """A round upper bound a little above ``value`` (for axis ranges)."""
    if value <= 0:
        return 1.0
    target = value * 1.12
    magnitude = 10 ** (len(str(int(target))) - 1)
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        bound = step * magnitude
        if bound >= target:
            return float(bound)
    return float(10 * magnitude)


class Panel(QFrame):
    """A titled card holding one chart or list, with an empty state in its place."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPanel")
        palette = self.palette()
        self.setStyleSheet(
            f"QFrame#dashboardPanel {{ background: {palette.base().color().name()};"
            f" border: 1px solid {hairline(palette).name()}; border-radius: 10px; }}"
        )
        self.title = QLabel(title, self)
        self.title.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.subtitle = QLabel("", self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {muted_text(palette).name()};")
        self.aside = QLabel("", self)
        self.aside.setStyleSheet(f"color: {muted_text(palette).name()};")
        self.aside.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.stack = QStackedWidget(self)
        self.empty = QLabel("", self.stack)
        self.empty.setObjectName("panelEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {muted_text(palette).name()}; padding: 24px;")
        self.empty.setFont(scaled_font(self.font(), 1.05))
        self.stack.addWidget(self.empty)

        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.title, 0)
        head.addStretch(1)
        head.addWidget(self.aside, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addSpacing(4)
        layout.addWidget(self.stack, 1)

    def set_body(self, widget: QWidget) -> None:
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self.body = widget

    def show_body(self) -> None:
        self.stack.setCurrentWidget(self.body)
        self.set_compact(False)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def set_compact(self, compact: bool) -> None:
        """Only as tall as the empty-state text (for a row of panels that are all empty)."""
        self.stack.setMaximumHeight(EMPTY_HEIGHT if compact else QWIDGETSIZE_MAX)

    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty


class _ChartView(QChartView):
    """A chart view with the application font on every text item and no animation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundVisible(False)
        chart.setPlotAreaBackgroundVisible(False)
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        super().__init__(chart, parent)
        # Colours are taken once, from the palette the view starts with (a style sheet on
        # an ancestor may later make its Base transparent).
        palette = self.palette()
        self.text_colour = palette.color(palette.ColorRole.WindowText)
        self.muted_colour = muted_text(palette)
        self.line_colour = hairline(palette)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QBrush(palette.color(palette.ColorRole.Base)))
        self.setMinimumHeight(CHART_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        legend = chart.legend()
        legend.setFont(scaled_font(self.font(), 0.95))
        legend.setLabelColor(self.text_colour)
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)

    def clear(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()

    def style_axis(self, axis: QAbstractAxis, *, grid: bool) -> None:
        axis.setLabelsFont(scaled_font(self.font(), 0.9))
        axis.setTitleFont(scaled_font(self.font(), 0.9))
        axis.setLabelsColor(self.muted_colour)
        axis.setTitleBrush(QBrush(self.muted_colour))
        axis.setLinePen(QPen(self.line_colour, 1))
        axis.setGridLineVisible(grid)
        axis.setGridLinePen(QPen(self.line_colour, 1))
        axis.setMinorGridLineVisible(False)
        axis.setShadesVisible(False)
        axis.setTruncateLabels(False)


class CumulativeChart(_ChartView):
    """A running total by month (亿元) against a target or plan line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart().setMargins(QMargins(0, 0, 30, 0))  # room for December's label
        # The area's lower bound is not added to the chart, which therefore does not own
        # it: it is kept here for as long as the area that draws from it.
        self._baseline: QLineSeries | None = None

    def set_series(self, series: MonthSeries, actual_label: str, line_label: str) -> None:
        self.clear()
        chart = self.chart()
        months = series.last_month
        actual = QLineSeries()
        actual.setName(actual_label)
        for m in range(1, months + 1):
            actual.append(QPointF(m, to_yi(series.cumulative[m - 1])))
        pen = QPen(ACTUAL, 2.5)
        actual.setPen(pen)
        actual.setPointsVisible(True)
        actual.setMarkerSize(6)
        actual.hovered.connect(self._show_point)

        baseline = QLineSeries()
        for m in range(1, months + 1):
            baseline.append(QPointF(m, 0))
        self._baseline = baseline
        area = QAreaSeries(actual, baseline)
        fill = QColor(ACTUAL)
        fill.setAlphaF(0.10)
        area.setBrush(fill)
        area.setPen(QPen(Qt.PenStyle.NoPen))
        chart.addSeries(area)

        top = max((float(v) for v in series.cumulative[:months]), default=0.0) / 10_000
        line = None
        if series.line is not None:
            line = QLineSeries()
            line.setName(line_label)
            for m in range(1, 13):
                line.append(QPointF(m, to_yi(series.line[m - 1])))
            dash = QPen(REFERENCE, 1.8)
            dash.setStyle(Qt.PenStyle.DashLine)
            line.setPen(dash)
            line.hovered.connect(self._show_point)
            chart.addSeries(line)
            top = max(top, to_yi(series.line[-1]))
        chart.addSeries(actual)

        last = None
        if months:
            last = QScatterSeries()
            last.append(QPointF(months, to_yi(series.cumulative[months - 1])))
            last.setMarkerSize(11)
            last.setColor(ACTUAL)
            last.setBorderColor(QColor("white"))
            last.setPointLabelsVisible(True)
            last.setPointLabelsFormat("@yPoint")
            last.setPointConfiguration(
                0,
                {QXYSeries.PointConfiguration.LabelFormat: fmt.yi(series.cumulative[months - 1])},
            )
            last.setPointLabelsFont(scaled_font(self.font(), 0.95, bold=True))
            last.setPointLabelsColor(ACTUAL)
            last.setPointLabelsClipping(False)
            chart.addSeries(last)

        # QValueAxis formats labels with printf into Latin-1 ("1?"), so the months are
        # categories with their own (Chinese) labels, each drawn on its value.
        x = QCategoryAxis()
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x.setStartValue(0.5)
        for m in range(1, 13):
            x.append(self.tr("{0}月").format(m), m)
        x.setRange(0.5, 12.5)
        y = QValueAxis()
        y.setRange(0, _nice_max(top))
        y.setTickCount(5)
        y.setLabelFormat("%.0f")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in (area, actual, line, last):
            if s is not None:
                s.attachAxis(x)
                s.attachAxis(y)
        # Last: adding an axis or attaching a series to it applies the chart theme again.
        self.style_axis(x, grid=False)
        self.style_axis(y, grid=True)
        legend = chart.legend()
        for s in (area, last):
            if s is not None:
                for marker in legend.markers(s):
                    marker.setVisible(False)

    def _show_point(self, point: QPointF, state: bool) -> None:
        if state:
            QToolTip.showText(
                QCursor.pos(),
                self.tr("{0}月：{1} 亿元").format(round(point.x()), f"{point.y():,.2f}"),
            )
        else:
            QToolTip.hideText()


class BarChart(_ChartView):
    """Horizontal bars, one per category, top to bottom in the order given."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.chart().legend().setVisible(False)
        self.unit = ""

    def set_bars(
        self, labels: Sequence[str], values: Sequence[float], *, unit: str = "", decimals: int = 0
    ) -> None:
        self.clear()
        self.unit = unit
        chart = self.chart()
        bars = QBarSet("")
        for value in reversed(values):
            bars.append(value)
        bars.setColor(self.colour)
        bars.setBorderColor(self.colour)
        bars.setLabelColor(self.text_colour)
        bars.setLabelFont(scaled_font(self.font(), 0.9, bold=True))
        series = QHorizontalBarSeries()
        series.append(bars)
        # The same bar thickness whatever the number of bars (the chart keeps its height).
        series.setBarWidth(min(0.62, 0.62 * max(1, len(values)) / 6))
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(max(1, decimals + len(str(int(max(values, default=0))))))
        series.hovered.connect(self._show_bar)
        chart.addSeries(series)
        self._labels = list(reversed(labels))

        categories = QBarCategoryAxis()
        categories.append(self._labels)
        axis = QValueAxis()
        # Room right of the longest bar for its label; the value axis itself is not shown.
        axis.setRange(0, max(max(values, default=0), 1) * 1.3)
        axis.setTickCount(5)
        axis.setLabelFormat("%.0f")
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(axis)
        # Last: adding an axis or attaching a series to it applies the chart theme again.
        self.style_axis(categories, grid=False)
        categories.setLabelsColor(self.text_colour)
        self.style_axis(axis, grid=True)
        axis.setLabelsVisible(False)
        axis.setLineVisible(False)
        self.setMinimumHeight(max(CHART_HEIGHT - 40, 40 * len(labels) + 20))

    def _show_bar(self, state: bool, index: int, bars: QBarSet) -> None:
        if state and 0 <= index < len(self._labels):
            value = bars.at(index)
            text = f"{value:,.2f}" if self.unit == self.tr("亿元") else f"{value:,.0f}"
            QToolTip.showText(QCursor.pos(), f"{self._labels[index]}：{text} {self.unit}".strip())
        else:
            QToolTip.hideText()
