"""The 首页: are we on track this year, and where are we behind?

A year selector and a reporting date (统计截至) on top; below, in a scroll area, one card per
annual target of the year (figure, target, share reached, progress bar, pace), the charts
(cumulative signed investment against the target line, the stage funnel, signed investment
by 222 industry and by 5122 field, key projects' completed investment against the plan) and
the lists (overdue problems, the year's accountability figures by unit, follow-ups due,
target companies untouched for months).

Everything comes from ``services.dashboard.load_dashboard``, run off the GUI thread with its
own read-only session (``ui.operations``); the result is a plain dataclass. A thin bar shows
while it computes. The page reloads on F5 and when the hub announces a change it shows
(projects, targets, task forces and their problems, trips and visits, reference data, all);
a hidden page only marks itself stale and reloads when shown. Nothing is computed before the
page is first shown (a window built but never shown starts no background work). Clicking a
card opens the records behind its figure; "编辑目标…" opens the targets editor for the
selected year, "季度考评…" (Ctrl+K) the ranking of units for the quarter shown.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from jianan_desk.services.dashboard import STALE_DAYS, Dashboard, MonthSeries, load_dashboard
from jianan_desk.ui.dialogs.metric_records import MetricRecordsDialog
from jianan_desk.ui.dialogs.ranking import RankingDialog
from jianan_desk.ui.dialogs.targets_editor import TargetsEditorDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.dashboard_lists import (
    FollowUpsModel,
    OverdueProblemsModel,
    StaleTargetsModel,
)
from jianan_desk.ui.models.problems import FiguresModel
from jianan_desk.ui.operations import Operation, run_in_background
from jianan_desk.ui.pages.base import Page, PageContext
from jianan_desk.ui.style import blend, hairline, muted_text
from jianan_desk.ui.widgets import figure_format as fmt
from jianan_desk.ui.widgets.dashboard_charts import (
    FIELD_BARS,
    FUNNEL,
    BarChart,
    CumulativeChart,
    Panel,
    to_yi,
)
from jianan_desk.ui.widgets.elided_label import ElidedLabel
from jianan_desk.ui.widgets.target_card import TargetCard

CARD_MIN_WIDTH = 228
MAX_CARD_COLUMNS = 4
LIST_ROWS_SHOWN = 8
DEBOUNCE_MS = 250
RELOAD_KINDS = (
    Hub.PROJECTS,
    Hub.TARGETS,
    Hub.TASK_FORCES,
    Hub.TRIPS,
    Hub.COMPANIES,
    Hub.REFERENCE,
    Hub.INDUSTRY_MAP,  # the target-company list (stale targets)
)


PLAN_TITLES = {"1366": "“1366”招商引资目标", "5122": "“5122”重点项目目标"}


class CardGrid(QWidget):
    """Target cards grouped by plan (1366, 5122, …), each group in rows of equal columns.

    The columns are as many as fit (at most four) and the same for every group, so cards
    line up across groups; a group's title sits above its cards.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(12)
        self.cards: list[TargetCard] = []
        self.titles: list[QLabel] = []
        self._columns = 0

    def set_cards(self, cards: list[TargetCard]) -> None:
        for widget in [*self.cards, *self.titles]:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.cards = cards
        self.titles = []
        muted = muted_text(self.palette()).name()
        for plan in dict.fromkeys(c.progress.plan if c.progress else "" for c in cards):
            title = QLabel(
                self.tr(PLAN_TITLES.get(plan, f"{plan} 计划目标" if plan else "其他目标")), self
            )
            title.setStyleSheet(f"color: {muted};")
            title.setProperty("plan", plan)
            self.titles.append(title)
        self._columns = 0
        self._arrange()

    def _columns_for(self, width: int) -> int:
        fit = max(1, (width + 14) // (CARD_MIN_WIDTH + 14))
        return min(MAX_CARD_COLUMNS, fit)

    def _arrange(self) -> None:
        columns = self._columns_for(self.width())
        if columns == self._columns:
            return
        self._columns = columns
        for widget in [*self.cards, *self.titles]:
            self.grid.removeWidget(widget)
        for column in range(MAX_CARD_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
            self.grid.setColumnMinimumWidth(column, 0)
        row = 0
        for title in self.titles:
            plan = title.property("plan")
            group = [c for c in self.cards if (c.progress.plan if c.progress else "") == plan]
            grouped = len(self.titles) > 1 or bool(plan)
            if grouped:
                self.grid.addWidget(title, row, 0, 1, columns)
                row += 1
            title.setVisible(grouped)
            for card in group:
                card.plan.setVisible(not grouped and bool(plan))  # the title names the plan
            for i, card in enumerate(group):
                self.grid.addWidget(card, row + i // columns, i % columns)
            row += (len(group) + columns - 1) // columns

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()


def _list_view(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def _fit_height(view: QTableView, rows: int) -> None:
    """Tall enough for ``rows`` rows (at most ``LIST_ROWS_SHOWN``; more scroll)."""
    shown = max(1, min(rows, LIST_ROWS_SHOWN))
    row_height = view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(view.horizontalHeader().sizeHint().height() + row_height * shown + 4)


class HomePage(Page):
    page_id = "home"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dashboard: Dashboard | None = None
        self.operation: Operation | None = None
        self.records_dialog: MetricRecordsDialog | None = None
        self.targets_dialog: TargetsEditorDialog | None = None
        self.ranking_dialog: RankingDialog | None = None
        self._year: int | None = None  # None: the service's default year
        self._as_of: dt.date | None = None  # None: the year's default reporting date
        self._pending = False
        self._stale = True  # nothing loaded yet: the first show loads
        self.loads = 0  # finished loads (for tests and diagnostics)

        palette = self.palette()
        muted = muted_text(palette).name()
        self._build_header(muted)
        self._build_content(muted)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.loading_bar)
        layout.addWidget(self.scroll, 1)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.reload)
        self.refresh_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.refresh_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.refresh_shortcut.activated.connect(self.reload)

        self.year_combo.currentIndexChanged.connect(self._on_year_chosen)
        self.as_of_edit.dateChanged.connect(self._on_date_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.edit_targets_button.clicked.connect(self.edit_targets)
        self.ranking_button.clicked.connect(self.open_ranking)
        self.ranking_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        self.ranking_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.ranking_shortcut.activated.connect(self.open_ranking)
        context.hub.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ building

    def _build_header(self, muted: str) -> None:
        self.header = QWidget(self)
        self.header.setObjectName("homeHeader")
        self.heading = QLabel(self.tr("年度目标进展"), self.header)
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(self.font().pointSizeF() * 1.7)
        heading_font.setWeight(QFont.Weight.Bold)
        self.heading.setFont(heading_font)
        self.status = ElidedLabel("", self.header)
        self.status.setStyleSheet(f"color: {muted};")

        self.year_combo = QComboBox(self.header)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_combo.setToolTip(self.tr("选择年度"))
        self.as_of_edit = QDateEdit(self.header)
        self.as_of_edit.setObjectName("asOfEdit")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setToolTip(self.tr("统计截至日期：指标按该日及以前的记录计算"))
        self.refresh_button = QPushButton(self.tr("刷新"), self.header)
        self.refresh_button.setToolTip(self.tr("重新计算（F5）"))
        self.edit_targets_button = QPushButton(self.tr("编辑目标…"), self.header)
        self.edit_targets_button.setToolTip(self.tr("编辑所选年度的年度目标"))
        self.ranking_button = QPushButton(self.tr("季度考评…"), self.header)
        self.ranking_button.setToolTip(
            self.tr("各责任单位本季度招商引资工作的加权得分与排名（Ctrl+K）")
        )
        year_label = QLabel(self.tr("年度"), self.header)
        year_label.setBuddy(self.year_combo)
        as_of_label = QLabel(self.tr("统计截至"), self.header)
        as_of_label.setBuddy(self.as_of_edit)

        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.status)
        controls = QHBoxLayout()
        controls.setSpacing(8)
        controls.addWidget(year_label)
        controls.addWidget(self.year_combo)
        controls.addSpacing(8)
        controls.addWidget(as_of_label)
        controls.addWidget(self.as_of_edit)
        controls.addSpacing(8)
        controls.addWidget(self.refresh_button)
        controls.addWidget(self.edit_targets_button)
        controls.addWidget(self.ranking_button)

        row = QHBoxLayout(self.header)
        row.setContentsMargins(32, 20, 32, 14)
        row.setSpacing(16)
        row.addLayout(titles, 1)
        row.addLayout(controls, 0)
        line = hairline(self.palette()).name()
        self.header.setStyleSheet(f"QWidget#homeHeader {{ border-bottom: 1px solid {line}; }}")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.loading_bar = QProgressBar(self)
        self.loading_bar.setObjectName("loadingBar")
        self.loading_bar.setRange(0, 0)
        self.loading_bar.setTextVisible(False)
        self.loading_bar.setFixedHeight(3)
        self.loading_bar.setStyleSheet(
            "QProgressBar { border: none; background: transparent; }"
            f" QProgressBar::chunk {{ background: {FUNNEL.name()}; }}"
        )
        size_policy = self.loading_bar.sizePolicy()
        size_policy.setRetainSizeWhenHidden(True)
        self.loading_bar.setSizePolicy(size_policy)
        self.loading_bar.hide()

    def _section(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.Bold)
        label.setFont(font)
        return label

    def _build_content(self, muted: str) -> None:
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("homeScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("homeContent")
        palette = self.palette()
        tint = blend(palette.base().color(), palette.window().color(), 0.55).name()
        content.setStyleSheet(f"QWidget#homeContent {{ background: {tint}; }}")
        self.content = content

        self.targets_title = self._section(self.tr("年度目标"), content)
        self.targets_note = QLabel("", content)
        self.targets_note.setStyleSheet(f"color: {muted};")
        self.cards_grid = CardGrid(content)
        self.no_targets = QLabel("", content)
        self.no_targets.setObjectName("noTargets")
        self.no_targets.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_targets.setWordWrap(True)
        self.no_targets.setStyleSheet(
            f"QLabel#noTargets {{ color: {muted}; background: {palette.base().color().name()};"
            f" border: 1px dashed {hairline(palette).name()}; border-radius: 10px;"
            " padding: 26px; }"
        )
        self.no_targets.hide()

        self.signed_panel = Panel(self.tr("签约投资累计"), content)
        self.signed_chart = CumulativeChart(self.signed_panel)
        self.signed_panel.set_body(self.signed_chart)
        self.funnel_panel = Panel(self.tr("项目推进漏斗"), content)
        self.funnel_chart = BarChart(FUNNEL, self.funnel_panel)
        self.funnel_panel.set_body(self.funnel_chart)
        self.industry_panel = Panel(self.tr("签约投资 · “222”产业"), content)
        self.industry_chart = BarChart(FUNNEL, self.industry_panel)
        self.industry_panel.set_body(self.industry_chart)
        self.field_panel = Panel(self.tr("签约投资 · “5122”领域"), content)
        self.field_chart = BarChart(FIELD_BARS, self.field_panel)
        self.field_panel.set_body(self.field_chart)
        self.completed_panel = Panel(self.tr("重点项目完成投资"), content)
        self.completed_chart = CumulativeChart(self.completed_panel)
        self.completed_panel.set_body(self.completed_chart)

        self.problems_panel = Panel(self.tr("逾期未销号问题"), content)
        self.problems_model = OverdueProblemsModel(self)
        self.problems_view = _list_view(self.problems_panel)
        self.problems_view.setModel(self.problems_model)
        self._fit_columns(
            self.problems_view, OverdueProblemsModel.DESCRIPTION, (96, 66, 0, 180, 130, 86)
        )
        self.problems_panel.set_body(self.problems_view)
        self.accountability_panel = Panel(self.tr("问题办理责任 · 按责任单位"), content)
        self.accountability_model = FiguresModel(self)
        self.accountability_view = _list_view(self.accountability_panel)
        self.accountability_view.setModel(self.accountability_model)
        self._fit_columns(self.accountability_view, 0, (0, 70, 70, 70, 70, 150))
        self.accountability_panel.set_body(self.accountability_view)
        self.follow_ups_panel = Panel(self.tr("待跟进客商"), content)
        self.follow_ups_model = FollowUpsModel(self)
        self.follow_ups_view = _list_view(self.follow_ups_panel)
        self.follow_ups_view.setModel(self.follow_ups_model)
        self._fit_columns(self.follow_ups_view, FollowUpsModel.NEXT_STEP, (96, 86, 210, 96, 0, 70))
        self.follow_ups_panel.set_body(self.follow_ups_view)
        self.stale_panel = Panel(self.tr("久未联系的目标企业"), content)
        self.stale_model = StaleTargetsModel(self)
        self.stale_view = _list_view(self.stale_panel)
        self.stale_view.setModel(self.stale_model)
        self._fit_columns(self.stale_view, StaleTargetsModel.COMPANY, (86, 96, 0, 200, 60, 86))
        self.stale_panel.set_body(self.stale_view)

        # Two time series side by side (招商引资 | 重点项目), then three distributions.
        series_row = QHBoxLayout()
        series_row.setSpacing(14)
        series_row.addWidget(self.signed_panel, 1)
        series_row.addWidget(self.completed_panel, 1)
        spread_row = QHBoxLayout()
        spread_row.setSpacing(14)
        spread_row.addWidget(self.funnel_panel, 10)
        spread_row.addWidget(self.industry_panel, 13)
        spread_row.addWidget(self.field_panel, 10)
        charts = QVBoxLayout()
        charts.setSpacing(14)
        charts.addLayout(series_row)
        charts.addLayout(spread_row)
        lists = QVBoxLayout()
        lists.setSpacing(14)
        lists.addWidget(self.problems_panel)
        lists.addWidget(self.accountability_panel)
        lists.addWidget(self.follow_ups_panel)
        lists.addWidget(self.stale_panel)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 20, 32, 32)
        layout.setSpacing(0)
        head = QHBoxLayout()
        head.addWidget(self.targets_title)
        head.addStretch(1)
        head.addWidget(self.targets_note)
        layout.addLayout(head)
        layout.addSpacing(10)
        layout.addWidget(self.cards_grid)
        layout.addWidget(self.no_targets)
        layout.addSpacing(26)
        layout.addWidget(self._section(self.tr("招商引资与重点项目"), content))
        layout.addSpacing(10)
        layout.addLayout(charts)
        layout.addSpacing(26)
        layout.addWidget(self._section(self.tr("待办提醒"), content))
        layout.addSpacing(10)
        layout.addLayout(lists)
        layout.addStretch(1)
        self.scroll.setWidget(content)

    @staticmethod
    def _fit_columns(view: QTableView, stretch: int, widths: tuple[int, ...]) -> None:
        header = view.horizontalHeader()
        for column, width in enumerate(widths):
            if column == stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)

    def sizeHint(self) -> QSize:
        return QSize(1100, 760)

    # ------------------------------------------------------------------ loading

    @property
    def loading(self) -> bool:
        return self.operation is not None and not self.operation.done

    @Slot()
    def reload(self) -> None:
        """Recompute for the selected year and date (the latest request wins)."""
        self._stale = False
        if self.loading:
            self._pending = True
            return
        request = (self._year, self._as_of)
        db = self.context.db

        def work() -> Dashboard:  # holds no widget: the pool thread drops it when done
            with db.session(readonly=True) as session:
                return load_dashboard(session, request[0], request[1])

        self.loading_bar.show()
        self.status.setText(self.tr("正在计算…"))
        self.operation = run_in_background(
            work,
            on_result=lambda result: self._on_loaded(request, result),
            on_error=self._on_failed,
        )

    def _finish(self) -> bool:
        """After a load: start the next one if asked meanwhile. False if the page is gone."""
        if not isValid(self):
            return False
        if self._pending:
            self._pending = False
            self.reload()
            return False
        self.loading_bar.hide()
        return True

    def _on_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.loads += 1
        if self._finish():
            self.status.setText(self.tr("无法计算：{0}").format(exc))
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _on_loaded(self, request: tuple[int | None, dt.date | None], result: Dashboard) -> None:
        if not isValid(self):
            return
        self.loads += 1
        if request != (self._year, self._as_of):
            self._pending = True  # the selection changed while computing
        if not self._finish():
            return
        self.show_dashboard(result)

    # ------------------------------------------------------------------ showing

    def show_dashboard(self, d: Dashboard) -> None:
        self.dashboard = d
        self._year = d.year
        self._sync_controls(d)
        self.status.setText(
            self.tr("{0} 年 · 统计截至 {1:%Y-%m-%d} · 当前数据库：{2}").format(
                d.year, d.as_of, self.context.db.display_name
            )
        )
        self._show_targets(d)
        self._show_signed(d)
        self._show_funnel(d)
        self._show_groups(d)
        self._show_completed(d)
        self._show_lists(d)
        for row in (
            (self.signed_panel, self.completed_panel),
            (self.funnel_panel, self.industry_panel, self.field_panel),
        ):
            compact = all(panel.is_empty for panel in row)
            for panel in row:
                panel.set_compact(compact)
        # Lay the new content out now rather than on the next turns of the event loop, so
        # that a grab right after this (a screenshot) shows the finished page.
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _sync_controls(self, d: Dashboard) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in d.years:
            self.year_combo.addItem(self.tr("{0} 年").format(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(d.year)))
        self.year_combo.blockSignals(False)
        self.as_of_edit.blockSignals(True)
        self.as_of_edit.setDateRange(QDate(d.year, 1, 1), QDate(d.year + 1, 12, 31))
        self.as_of_edit.setDate(QDate(d.as_of.year, d.as_of.month, d.as_of.day))
        self.as_of_edit.blockSignals(False)

    def _show_targets(self, d: Dashboard) -> None:
        cards = []
        for progress in d.targets:
            card = TargetCard(self.cards_grid)
            card.set_progress(progress, self._detail(d, progress.metric_key))
            card.activated.connect(self.show_records)
            cards.append(card)
        self.cards_grid.set_cards(cards)
        self.cards_grid.setVisible(bool(cards))
        self.no_targets.setVisible(not cards)
        self.no_targets.setText(
            self.tr("{0} 年尚未设定年度目标。点右上角“编辑目标…”添加，或复制上一年的目标。").format(
                d.year
            )
        )
        behind = sum(1 for t in d.targets if t.pace is not None and not t.pace.ahead)
        if d.targets:
            self.targets_note.setText(
                self.tr("共 {0} 项，{1} 项落后于时间进度 · 点击卡片查看构成数字的记录").format(
                    len(d.targets), behind
                )
            )
        else:
            self.targets_note.setText("")

    def _detail(self, d: Dashboard, key: str) -> str:
        """What a rate is made of, for its card: 开工 2 / 签约 26 个."""
        m = d.metrics
        if key == "start_rate":
            return self.tr("开工 {0} / 签约 {1} 个").format(m["started_count"], m["signed_count"])
        if key == "performance_rate":
            return self.tr("履约 {0} / 签约 {1} 个").format(
                m["performing_count"], m["signed_count"]
            )
        if key == "fdi_growth_rate":
            return self.tr("本年 {0} 万美元").format(fmt.number("fdi_usd_wan", m["fdi_usd_wan"]))
        return ""

    @property
    def cards(self) -> list[TargetCard]:
        return list(self.cards_grid.cards)

    def _month_note(self, series: MonthSeries) -> str:
        return self.tr("截至 {0} 月").format(series.last_month) if series.last_month else ""

    def _show_signed(self, d: Dashboard) -> None:
        s = d.signed
        panel = self.signed_panel
        signed = d.metrics["signed_count"]
        if not signed and s.line is None:
            panel.subtitle.setText(self.tr("当年签约的招商引资项目总投资，按签约月份累计。"))
            panel.aside.setText("")
            panel.show_empty(self.tr("{0} 年尚无签约项目").format(d.year))
            return
        parts = [
            self.tr("{0}累计签约 {1} 个项目，总投资 {2} 亿元").format(
                self._month_note(s), signed, fmt.yi(s.total)
            )
        ]
        line_label = self.tr("目标进度")
        if s.line_total is not None:
            expected = s.line[s.last_month - 1] if s.line and s.last_month else Decimal(0)
            parts.append(
                self.tr("全年目标 {0} 亿元，按时间进度应达 {1} 亿元").format(
                    fmt.trim(fmt.yi(s.line_total)), fmt.yi(expected)
                )
            )
            line_label = self.tr("目标进度（全年 {0} 亿元）").format(fmt.trim(fmt.yi(s.line_total)))
        panel.subtitle.setText("；".join(parts) + "。")
        panel.aside.setText(self.tr("单位：亿元"))
        self.signed_chart.set_series(s, self.tr("累计签约总投资"), line_label)
        panel.show_body()

    def _show_funnel(self, d: Dashboard) -> None:
        panel = self.funnel_panel
        steps = d.funnel
        if not any(step.count for step in steps):
            panel.subtitle.setText(self.tr("当年推进的招商引资项目到达各阶段的个数。"))
            panel.aside.setText("")
            panel.show_empty(self.tr("{0} 年尚无线索、洽谈或签约记录").format(d.year))
            return
        counts = {step.stage.value: step.count for step in steps}
        signed = counts["signed"]
        leads = counts["lead"]
        parts = []
        if leads:
            parts.append(self.tr("线索→签约 {0}").format(fmt.percent(Decimal(signed) / leads)))
        if signed:
            parts.append(
                self.tr("签约→开工 {0}").format(fmt.percent(Decimal(counts["started"]) / signed))
            )
        panel.subtitle.setText(
            self.tr("当年推进的招商引资项目（线索、洽谈、签约在当年）到达各阶段的个数。")
        )
        panel.aside.setText(" · ".join(parts))
        self.funnel_chart.set_bars(
            [step.label for step in steps], [float(step.count) for step in steps], unit="个"
        )
        panel.show_body()

    def _show_groups(self, d: Dashboard) -> None:
        for panel, chart, groups, what in (
            (self.industry_panel, self.industry_chart, d.by_industry, self.tr("产业")),
            (self.field_panel, self.field_chart, d.by_field, self.tr("领域")),
        ):
            if not groups:
                panel.subtitle.setText(self.tr("当年签约项目的总投资按{0}分布。").format(what))
                panel.aside.setText("")
                panel.show_empty(self.tr("{0} 年尚无签约项目").format(d.year))
                continue
            top = max(groups, key=lambda g: g.amount)
            panel.subtitle.setText(
                self.tr(
                    "当年签约项目总投资按{0}分布；最多的是{1}（{2} 亿元，{3} 个项目）。"
                ).format(what, top.name, fmt.yi(top.amount), top.count)
            )
            panel.aside.setText(self.tr("单位：亿元"))
            chart.set_bars(
                [g.name for g in groups],
                [to_yi(g.amount) for g in groups],
                unit=self.tr("亿元"),
                decimals=2,
            )
            panel.show_body()

    def _show_completed(self, d: Dashboard) -> None:
        s = d.completed
        panel = self.completed_panel
        if s.line_total is None and not s.total:
            panel.subtitle.setText(self.tr("重点项目月度完成投资，按月累计，与年度计划对比。"))
            panel.aside.setText("")
            panel.show_empty(self.tr("{0} 年尚未安排重点项目计划").format(d.year))
            return
        parts = [self.tr("{0}完成投资 {1} 亿元").format(self._month_note(s), fmt.yi(s.total))]
        if s.line_total:
            parts.append(
                self.tr("占年度计划 {0} 亿元（{1} 个重点项目）的 {2}").format(
                    fmt.yi(s.line_total),
                    d.metrics["key_project_count"],
                    fmt.percent(s.total / s.line_total),
                )
            )
        panel.subtitle.setText("，".join(parts) + "。")
        panel.aside.setText(self.tr("单位：亿元"))
        plan_label = self.tr("计划进度（年度计划按月均摊）")
        self.completed_chart.set_series(s, self.tr("累计完成投资"), plan_label)
        panel.show_body()

    def _show_lists(self, d: Dashboard) -> None:
        self.problems_model.set_rows(d.overdue_problems)
        self.follow_ups_model.set_rows(d.follow_ups)
        self.stale_model.set_rows(d.stale_targets)
        _fit_height(self.problems_view, len(d.overdue_problems))
        self._show_accountability(d)
        _fit_height(self.follow_ups_view, len(d.follow_ups))
        _fit_height(self.stale_view, len(d.stale_targets))
        for panel, total, shown, empty, subtitle in (
            (
                self.problems_panel,
                d.overdue_total,
                len(d.overdue_problems),
                self.tr("没有逾期未销号的问题。"),
                self.tr("截至 {0:%Y-%m-%d} 已过办结期限、仍在待办或办理中的问题，逾期最久的在前。"),
            ),
            (
                self.follow_ups_panel,
                d.follow_ups_total,
                len(d.follow_ups),
                self.tr("近期没有待跟进的客商。"),
                self.tr("拜访记录约定的跟进日期已到或 7 天内将到、此后尚未再次拜访的企业。"),
            ),
        ):
            panel.subtitle.setText(subtitle.format(d.as_of))
            if total:
                more = self.tr("（显示前 {0} 条）").format(shown) if shown < total else ""
                panel.aside.setText(self.tr("共 {0} 条{1}").format(total, more))
                panel.show_body()
            else:
                panel.aside.setText("")
                panel.show_empty(empty)
        panel = self.stale_panel
        panel.subtitle.setText(
            self.tr(
                "目标企业清单中尚在跟进、截至 {0:%Y-%m-%d} 已 {1} 天以上未拜访的企业，"
                "从未联系的在前。"
            ).format(d.as_of, STALE_DAYS)
        )
        if d.stale_targets:
            shown = len(d.stale_targets)
            panel.aside.setText(
                self.tr("显示前 {0} 家").format(shown)
                if d.stale_more
                else self.tr("共 {0} 家").format(shown)
            )
            panel.show_body()
        else:
            panel.aside.setText("")
            panel.show_empty(self.tr("目标企业都在 {0} 天内联系过。").format(STALE_DAYS))
        # A list panel is as tall as its rows (or its empty-state line), not as tall as the
        # tallest page its stack ever showed.
        for panel, view in (
            (self.problems_panel, self.problems_view),
            (self.accountability_panel, self.accountability_view),
            (self.follow_ups_panel, self.follow_ups_view),
            (self.stale_panel, self.stale_view),
        ):
            if panel.is_empty:
                panel.set_compact(True)
            else:
                panel.stack.setMaximumHeight(view.maximumHeight())

    def _show_accountability(self, d: Dashboard) -> None:
        """Raised / closed / open / overdue from 1 January to the reporting date, by unit."""
        panel = self.accountability_panel
        report = d.accountability
        rows = report.by_unit if report is not None else ()
        self.accountability_model.set_rows(rows)
        _fit_height(self.accountability_view, len(rows))
        panel.subtitle.setText(
            self.tr(
                "{0} 年 1 月 1 日至 {1:%Y-%m-%d}：提出、销号的问题，期末未销号及其中超期的问题，"
                "超期多的单位在前。"
            ).format(d.year, d.as_of)
        )
        if report is None or not rows:
            panel.aside.setText("")
            panel.show_empty(self.tr("本年度还没有问题台账记录。"))
            return
        t = report.total
        panel.aside.setText(
            self.tr("合计：提出 {0} · 销号 {1} · 未销号 {2} · 超期 {3}").format(
                t.raised, t.closed, t.open, t.overdue
            )
        )
        panel.show_body()

    # ------------------------------------------------------------------ actions

    @Slot(str)
    def show_records(self, key: str) -> MetricRecordsDialog | None:
        d = self.dashboard
        if d is None:
            return None
        title = next((t.display_name for t in d.targets if t.metric_key == key), "")
        dialog = MetricRecordsDialog(
            self.context.db, key, d.year, d.as_of, d.metrics.get(key), title=title, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.records_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def edit_targets(self) -> TargetsEditorDialog:
        year = self._year if self._year is not None else QDate.currentDate().year()
        dialog = TargetsEditorDialog(self.context.db, self.context.hub, year, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.targets_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_ranking(self) -> RankingDialog:
        """季度考评 for the quarter of the shown date (the year's last quarter for a past year)."""
        d = self.dashboard
        if d is None:
            dialog = RankingDialog(self.context.db, self.context.hub, parent=self)
        else:
            quarter = (d.as_of.month - 1) // 3 + 1 if d.as_of.year == d.year else 4
            dialog = RankingDialog(self.context.db, self.context.hub, d.year, quarter, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ranking_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year is None or year == self._year:
            return
        self._year = int(year)
        self._as_of = None
        self.debounce.stop()
        self.reload()

    @Slot(QDate)
    def _on_date_changed(self, date: QDate) -> None:
        if not date.isValid():
            return
        self._as_of = dt.date(date.year(), date.month(), date.day())
        self.debounce.start()

    def set_selection(self, year: int, as_of: dt.date | None = None) -> None:
        """Show ``year`` as of ``as_of`` (None: the year's default date) and reload."""
        self._year, self._as_of = year, as_of
        self.debounce.stop()
        self.reload()

    def _on_changed(self, what: str) -> None:
        if not Hub.concerns(what, *RELOAD_KINDS):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
