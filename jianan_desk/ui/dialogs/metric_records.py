"""The records behind a dashboard figure, with a footer proving that they add up to it.

Opened by clicking a target card. The records are loaded off the GUI thread
(``services.dashboard.load_figure_records`` in its own read-only session); the footer then
compares what the records add up to (a count, a sum, a rate over the cohort, a growth over
last year's FDI) with the figure the card shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QWidget
from shiboken6 import isValid

from jianan_desk.domain.metrics import BY_KEY, MetricUnit
from jianan_desk.services.dashboard import FigureRecords, load_figure_records
from jianan_desk.services.metrics import MetricValue
from jianan_desk.ui.forms.ui_metric_records_dialog import Ui_MetricRecordsDialog
from jianan_desk.ui.models.metric_records import MetricRecordsModel
from jianan_desk.ui.operations import Operation, run_in_background
from jianan_desk.ui.style import muted_text
from jianan_desk.ui.widgets import figure_format as fmt

if TYPE_CHECKING:
    from jianan_desk.store.engine import Database

MATCH = "#1e8e3e"
MISMATCH = "#d93025"


class MetricRecordsDialog(QDialog):
    """Records of ``key`` for ``year`` as of ``as_of``; ``figure`` is what the card shows."""

    def __init__(
        self,
        db: Database,
        key: str,
        year: int,
        as_of: dt.date,
        figure: MetricValue,
        *,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MetricRecordsDialog()
        self.ui.setupUi(self)
        self.db = db
        self.key = key
        self.year = year
        self.as_of = as_of
        self.figure = figure
        self.result: FigureRecords | None = None
        metric = BY_KEY[key]
        name = title or metric.name
        self.setWindowTitle(self.tr("{0} · 记录明细").format(name))
        heading = QFont(self.font())
        heading.setPointSizeF(self.font().pointSizeF() * 1.35)
        heading.setWeight(QFont.Weight.Bold)
        self.ui.titleLabel.setFont(heading)
        self.ui.titleLabel.setText(self.tr("{0}：{1}").format(name, fmt.with_unit(key, figure)))
        muted = muted_text(self.palette()).name()
        self.ui.descriptionLabel.setStyleSheet(f"color: {muted};")
        self.ui.descriptionLabel.setText(
            self.tr("{0} 年，统计截至 {1:%Y-%m-%d}。口径：{2}。").format(
                year, as_of, metric.description
            )
        )
        close = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        self.model = MetricRecordsModel(self)
        view = self.ui.recordsView
        view.setModel(self.model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(MetricRecordsModel.PROJECT, QHeaderView.ResizeMode.Stretch)
        for column in (MetricRecordsModel.NUMBER, MetricRecordsModel.AMOUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MetricRecordsModel.DATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(MetricRecordsModel.DATE, 110)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.ui.footerLabel.setText(self.tr("正在读取记录…"))
        self.ui.footerLabel.setStyleSheet(f"color: {muted};")
        # The work must not hold the dialog: the pool thread drops it when done.
        self.operation: Operation = run_in_background(
            _loader(db, key, year, as_of), on_result=self._on_loaded, on_error=self._on_failed
        )

    @property
    def loaded(self) -> bool:
        return self.result is not None

    def _on_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.ui.loadingBar.hide()
        self.ui.footerLabel.setText(self.tr("无法读取记录：{0}").format(exc))

    def _on_loaded(self, result: FigureRecords) -> None:
        if not isValid(self):
            return
        self.result = result
        unit = BY_KEY[self.key].unit
        self.model.set_records(
            result.records,
            "万美元" if unit is MetricUnit.USD_WAN or self.key == "fdi_growth_rate" else "万元",
        )
        self.ui.recordsView.setColumnHidden(MetricRecordsModel.DATE, not self.model.has_date)
        self.ui.loadingBar.hide()
        self.ui.footerLabel.setTextFormat(Qt.TextFormat.RichText)
        self.ui.footerLabel.setStyleSheet("")
        self.ui.footerLabel.setText(self.footer_text())

    @property
    def matches(self) -> bool:
        """The records add up to the card's figure."""
        return self.result is not None and _same(self.result.value, self.figure)

    def footer_text(self) -> str:
        r = self.result
        assert r is not None
        key = self.key
        n = len(r.records)
        figure = fmt.with_unit(key, self.figure)
        unit = BY_KEY[key].unit
        if key in ("performance_rate", "start_rate"):
            made = self.tr("共 {0} 个项目 ÷ 当年签约 {1} 个 = {2}").format(
                n, r.denominator, fmt.percent(r.value if isinstance(r.value, Decimal) else None)
            )
        elif key == "fdi_growth_rate":
            made = self.tr(
                "本年实际利用外资 {0} 条，合计 {1} 万美元；上年同期 {2} 条，合计 {3} 万美元；"
                "增速 = {4}"
            ).format(
                n,
                fmt.number("fdi_usd_wan", r.amount),
                r.previous_count,
                fmt.number("fdi_usd_wan", r.previous),
                fmt.percent(r.value if isinstance(r.value, Decimal) else None),
            )
        elif unit is MetricUnit.WAN:
            assert r.amount is not None
            made = self.tr("共 {0} 条记录，合计 {1} 万元（{2} 亿元）").format(
                n, f"{r.amount:,.4f}".rstrip("0").rstrip("."), fmt.yi(r.amount)
            )
        elif unit is MetricUnit.USD_WAN:
            made = self.tr("共 {0} 条记录，合计 {1} 万美元").format(n, fmt.number(key, r.amount))
        else:
            made = self.tr("共 {0} 条记录").format(n)
        if self.matches:
            verdict = self.tr('<span style="color:{0}; font-weight:600;">＝ 卡片数值 {1} ✓</span>')
            return f"{made} {verdict.format(MATCH, figure)}"
        verdict = self.tr(
            '<span style="color:{0}; font-weight:600;">≠ 卡片数值 {1}（请刷新首页）</span>'
        )
        return f"{made} {verdict.format(MISMATCH, figure)}"


def _loader(db: Database, key: str, year: int, as_of: dt.date) -> Callable[[], FigureRecords]:
    def load() -> FigureRecords:
        with db.session(readonly=True) as session:
            return load_figure_records(session, key, year, as_of)

    return load


def _same(a: MetricValue, b: MetricValue) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(a) == Decimal(b)
