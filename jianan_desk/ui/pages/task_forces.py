"""The 专班与问题 page, four tabs.

专班: the task forces with their projects' stages, open problems and overdue count; the
selected one's view (members, projects, open problems). 问题台账: the ledger (lazy; filters by
unit, task force, category, status, overdue; search; overdue rows in red; days open and
overdue) beside the counts by unit; the problem form opens on Enter/double-click, Ctrl+N adds.
周例会: meetings, preparing one (the agenda is generated) and its minutes. 责任统计: the
accountability figures of a period, by unit and by category, exported to Excel.

Dates are counted on the data's as-of date (today, or the day a demo dataset stops).
Reloads itself when the hub announces task forces, projects or everything.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from jianan_desk.domain import problems as rules
from jianan_desk.excel.export_kinds import export_problems
from jianan_desk.services.accountability import (
    AccountabilityReport,
    accountability,
    export_accountability,
)
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.meetings import MeetingDetail, get_meeting, list_meetings
from jianan_desk.services.metrics import data_as_of
from jianan_desk.services.problems import (
    ProblemFilter,
    counts_by_unit,
    error_text,
    units_with_problems,
)
from jianan_desk.services.task_forces import (
    TaskForceDetail,
    get_task_force,
    list_task_forces,
    task_force_choices,
)
from jianan_desk.ui.dialogs.meeting_form import MeetingDialog
from jianan_desk.ui.dialogs.problem_form import ProblemDialog
from jianan_desk.ui.dialogs.task_force_form import TaskForceDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.problems import (
    FiguresModel,
    MeetingsModel,
    ProblemLedgerModel,
    ProblemRowsModel,
    TaskForceProjectsModel,
    TaskForcesModel,
    UnitCountsModel,
)
from jianan_desk.ui.models.roles import ENTITY_ROLE
from jianan_desk.ui.operations import Operation, run_in_background
from jianan_desk.ui.pages.base import Page, PageContext
from jianan_desk.ui.pages.trips import current_actor

TASK_FORCES_TAB, LEDGER_TAB, MEETINGS_TAB, FIGURES_TAB = range(4)


def _table(parent: QWidget, model: object) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


class TaskForcesPage(Page):
    page_id = "task_forces"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.actor = current_actor()
        with context.db.session(readonly=True) as s:
            frozen = data_as_of(s)
        today = dt.date.today()
        self.as_of = min(today, frozen) if frozen else today
        self.task_force: TaskForceDetail | None = None
        self.meeting: MeetingDetail | None = None
        self.figures: AccountabilityReport | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_task_forces(), self.tr("专班"))
        self.tabs.addTab(self._build_ledger(), self.tr("问题台账"))
        self.tabs.addTab(self._build_meetings(), self.tr("周例会"))
        self.tabs.addTab(self._build_figures(), self.tr("责任统计"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_problem)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        context.hub.changed.connect(self._on_changed)
        self.reload()

    # ------------------------------------------------------------ building

    def _build_task_forces(self) -> QWidget:
        self.task_forces_model = TaskForcesModel(self)
        self.tf_projects_model = TaskForceProjectsModel(self)
        self.tf_problems_model = ProblemRowsModel(self)
        self.task_forces_table = _table(self, self.task_forces_model)
        self.tf_projects = _table(self, self.tf_projects_model)
        self.tf_problems = _table(self, self.tf_problems_model)
        header = self.task_forces_table.horizontalHeader()
        header.setSectionResizeMode(TaskForcesModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((1, 62), (2, 62), (3, 50), (4, 190), (5, 76), (6, 40)):
            header.resizeSection(column, width)
        header.setMinimumSectionSize(36)
        projects_header = self.tf_projects.horizontalHeader()
        for column, width in ((0, 250), (1, 56), (2, 86), (3, 90), (4, 130), (5, 76)):
            projects_header.resizeSection(column, width)
        self.tf_problems.horizontalHeader().resizeSection(1, 320)
        self.tf_header = QLabel(self)
        self.tf_header.setWordWrap(True)
        self.tf_header.setTextFormat(Qt.TextFormat.RichText)
        self.tf_projects_label = QLabel(self)
        self.tf_problems_label = QLabel(self)
        self.new_tf_button = QPushButton(self.tr("新建专班…"), self)
        self.edit_tf_button = QPushButton(self.tr("编辑专班…"), self)
        self.tf_problem_button = QPushButton(self.tr("登记问题…"), self)
        self.tf_problem_button.setToolTip(self.tr("为该专班登记一个问题（Ctrl+N）"))
        tf_bar = QHBoxLayout()
        for b in (self.new_tf_button, self.edit_tf_button, self.tf_problem_button):
            tf_bar.addWidget(b)
        tf_bar.addStretch(1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(tf_bar)
        rl.addWidget(self.tf_header)
        rl.addWidget(self.tf_projects_label)
        rl.addWidget(self.tf_projects, 3)
        rl.addWidget(self.tf_problems_label)
        rl.addWidget(self.tf_problems, 2)
        splitter = QSplitter(self)
        splitter.addWidget(self.task_forces_table)
        splitter.addWidget(right)
        splitter.setSizes([660, 600])
        self.task_forces_table.selectionModel().currentRowChanged.connect(self._tf_selected)
        self.new_tf_button.clicked.connect(lambda: self.edit_task_force(new=True))
        self.edit_tf_button.clicked.connect(lambda: self.edit_task_force())
        self.tf_problem_button.clicked.connect(self.new_problem)
        self.tf_problems.doubleClicked.connect(
            lambda index: self.open_problem(index.data(ENTITY_ROLE))
        )
        return splitter

    def _build_ledger(self) -> QWidget:
        self.ledger_model = ProblemLedgerModel(self.context.db, self.as_of, self)
        self.ledger = _table(self, self.ledger_model)
        header = self.ledger.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.ledger.setSortingEnabled(True)
        header.setStretchLastSection(False)
        widths = ((0, 86), (1, 64), (2, 300), (3, 170), (4, 110), (5, 124), (6, 60), (7, 86))
        for column, width in (*widths, (8, 56), (9, 64), (10, 64), (11, 64)):
            header.resizeSection(column, width)
        self.unit_filter = QComboBox(self)
        self.tf_filter = QComboBox(self)
        self.category_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        self.overdue_check = QCheckBox(self.tr("只看超期"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索问题、项目、单位、责任人（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.category_filter.addItem(self.tr("全部类别"), None)
        for code, label in rules.CATEGORY_LABELS.items():
            self.category_filter.addItem(label, code)
        self.status_filter.addItem(self.tr("全部状态"), None)
        self.status_filter.addItem(self.tr("未销号（待办+办理中）"), "active")
        for code, label in rules.STATUS_LABELS.items():
            self.status_filter.addItem(label, code)
        self.new_button = QPushButton(self.tr("新建问题"), self)
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.open_button = QPushButton(self.tr("查看/编辑"), self)
        self.ledger_export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.ledger_export_button.setToolTip(self.tr("按当前筛选条件导出问题台账"))
        self.ledger_summary = QLabel(self)
        self.ledger_export_status = QLabel(self)
        bar = QHBoxLayout()
        for w in (self.unit_filter, self.tf_filter, self.category_filter, self.status_filter):
            bar.addWidget(w)
        bar.addWidget(self.overdue_check)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.ledger_export_button)
        self.unit_counts_model = UnitCountsModel(self)
        self.unit_counts = _table(self, self.unit_counts_model)
        for column, width in ((0, 140), (1, 44), (2, 52), (3, 44), (4, 52)):
            self.unit_counts.horizontalHeader().resizeSection(column, width)
        self.unit_counts.setToolTip(self.tr("单击单位即按该单位筛选"))
        splitter = QSplitter(self)
        splitter.addWidget(self.ledger)
        splitter.addWidget(self.unit_counts)
        splitter.setSizes([960, 300])
        tab = QWidget(self)
        tl = QVBoxLayout(tab)
        tl.addLayout(bar)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.ledger_summary, 1)
        summary_row.addWidget(self.ledger_export_status)
        tl.addLayout(summary_row)
        tl.addWidget(splitter, 1)
        for combo in (self.unit_filter, self.tf_filter, self.category_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.search.returnPressed.connect(self.apply_filter)
        self.search.textChanged.connect(lambda text: None if text else self.apply_filter())
        self.new_button.clicked.connect(self.new_problem)
        self.open_button.clicked.connect(self._open_selected)
        self.ledger_export_button.clicked.connect(lambda: self.export_ledger())
        self.ledger.doubleClicked.connect(lambda index: self.open_problem(index.data(ENTITY_ROLE)))
        self.ledger.activated.connect(lambda index: self.open_problem(index.data(ENTITY_ROLE)))
        self.unit_counts.clicked.connect(self._unit_clicked)
        return tab

    def _build_meetings(self) -> QWidget:
        self.meetings_model = MeetingsModel(self)
        self.meetings = _table(self, self.meetings_model)
        self.meetings.horizontalHeader().resizeSection(2, 240)
        self.meeting_view = QTextBrowser(self)
        self.prepare_button = QPushButton(self.tr("准备周例会…"), self)
        self.minutes_button = QPushButton(self.tr("记录会议纪要…"), self)
        self.brief_button = QPushButton(self.tr("生成周例会简报…"), self)
        self.brief_button.setToolTip(self.tr("在“报表”页选择“周例会简报”预览、打印"))
        bar = QHBoxLayout()
        for b in (self.prepare_button, self.minutes_button, self.brief_button):
            bar.addWidget(b)
        bar.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(self.meetings)
        splitter.addWidget(self.meeting_view)
        splitter.setSizes([520, 740])
        tab = QWidget(self)
        tl = QVBoxLayout(tab)
        tl.addLayout(bar)
        tl.addWidget(splitter, 1)
        self.prepare_button.clicked.connect(self.prepare_meeting)
        self.minutes_button.clicked.connect(self.edit_minutes)
        self.brief_button.clicked.connect(self.save_brief)
        self.meetings.selectionModel().currentRowChanged.connect(self._meeting_selected)
        self.meetings.doubleClicked.connect(lambda _i: self.edit_minutes())
        return tab

    def _build_figures(self) -> QWidget:
        self.from_edit = QDateEdit(QDate(self.as_of.year, 1, 1), self)
        self.to_edit = QDateEdit(QDate(self.as_of), self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.figures_button = QPushButton(self.tr("统计"), self)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.figures_total = QLabel(self)
        self.figures_total.setWordWrap(True)
        self.by_unit_model = FiguresModel(self)
        self.by_category_model = FiguresModel(self)
        self.by_unit = _table(self, self.by_unit_model)
        self.by_category = _table(self, self.by_category_model)
        for t in (self.by_unit, self.by_category):
            for column, width in ((0, 170), (1, 60), (2, 60), (3, 64), (4, 60)):
                t.horizontalHeader().resizeSection(column, width)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("期间"), self))
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(self.tr("至"), self))
        bar.addWidget(self.to_edit)
        bar.addWidget(self.figures_button)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        tables = QSplitter(self)
        for title, table in (
            (self.tr("按责任单位"), self.by_unit),
            (self.tr("按问题类别"), self.by_category),
        ):
            box = QWidget(self)
            bl = QVBoxLayout(box)
            bl.setContentsMargins(0, 0, 0, 0)
            bl.addWidget(QLabel(f"<b>{title}</b>", self))
            bl.addWidget(table)
            tables.addWidget(box)
        tables.setSizes([700, 560])
        tab = QWidget(self)
        tl = QVBoxLayout(tab)
        tl.addLayout(bar)
        tl.addWidget(self.figures_total)
        tl.addWidget(tables, 1)
        self.figures_button.clicked.connect(self.load_figures)
        self.export_button.clicked.connect(lambda: self.export_figures())
        return tab

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        self._load_filters()
        self._load_task_forces()
        self.apply_filter()
        self._load_meetings()
        self.load_figures()

    def _on_changed(self, what: str) -> None:
        if Hub.concerns(what, Hub.TASK_FORCES, Hub.PROJECTS, Hub.REFERENCE):
            self.reload()

    def _load_filters(self) -> None:
        with self.context.db.session(readonly=True) as s:
            units = units_with_problems(s)
            forces = task_force_choices(s)
        for combo, everything, items in (
            (self.unit_filter, self.tr("全部责任单位"), units),
            (self.tf_filter, self.tr("全部专班"), forces),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)

    def _load_task_forces(self) -> None:
        keep = self.task_force.row.id if self.task_force else None
        with self.context.db.session(readonly=True) as s:
            rows = list_task_forces(s, as_of=self.as_of)
        self.task_forces_model.set_rows(rows)
        row = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if row >= 0:
            self.task_forces_table.selectRow(row)
        self.show_task_force(rows[row].id if row >= 0 else None)
        with self.context.db.session(readonly=True) as s:
            overdue = sum(c.overdue for c in counts_by_unit(s, as_of=self.as_of))
        self.tabs.setTabText(TASK_FORCES_TAB, self.tr("专班（%1）").replace("%1", str(len(rows))))
        self.tabs.setTabText(
            LEDGER_TAB,
            self.tr("问题台账")
            + (self.tr("（超期 %1）").replace("%1", str(overdue)) if overdue else ""),
        )

    def _tf_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_task_force(self.task_forces_model.row(current.row()).id)

    def show_task_force(self, task_force_id: str | None) -> None:
        self.edit_tf_button.setEnabled(task_force_id is not None)
        self.tf_problem_button.setEnabled(task_force_id is not None)
        if task_force_id is None:
            self.task_force = None
            self.tf_header.setText(
                self.tr(
                    "还没有专班。导入或录入重点项目并设立专班后，这里显示各专班跟踪的项目和问题。"
                )
            )
            self.tf_projects_model.set_rows([])
            self.tf_problems_model.set_rows([])
            self.tf_projects_label.clear()
            self.tf_problems_label.clear()
            return
        with self.context.db.session(readonly=True) as s:
            self.task_force = get_task_force(s, task_force_id, as_of=self.as_of)
        d = self.task_force
        r = d.row
        units = "、".join(name for _, name in d.member_units) or "—"
        people = "；".join(
            f"{label}：{html.escape(name)}"
            for label, name in (
                (self.tr("专班长"), r.head_leader),
                (self.tr("副专班长"), r.deputy),
                (self.tr("联络员"), r.liaison),
            )
            if name
        )
        late = (
            f"，<span style='color:#b71c1c'><b>{self.tr('超期')} {r.overdue_problems}</b></span>"
            if r.overdue_problems
            else ""
        )
        self.tf_header.setText(
            f"<b style='font-size:14pt'>{html.escape(r.name)}</b><br>{people}<br>"
            f"{self.tr('成员单位')}：{html.escape(units)}<br>"
            f"{self.tr('项目')} {r.project_count} 个（{html.escape(r.stages_text) or '—'}）；"
            f"{self.tr('未销号问题')} {r.active_problems} 个{late}"
        )
        self.tf_projects_model.set_rows(list(d.projects))
        self.tf_problems_model.set_rows(list(d.problems))
        self.tf_projects_label.setText(
            self.tr("跟踪项目（%1）").replace("%1", str(len(d.projects)))
        )
        self.tf_problems_label.setText(
            self.tr("未销号问题（%1），双击查看").replace("%1", str(len(d.problems)))
        )

    def current_filter(self) -> ProblemFilter:
        return ProblemFilter(
            unit_id=self.unit_filter.currentData(),
            task_force_id=self.tf_filter.currentData(),
            category=self.category_filter.currentData(),
            status=self.status_filter.currentData(),
            overdue_only=self.overdue_check.isChecked(),
            text=self.search.text().strip(),
        )

    def apply_filter(self, *_args: object) -> None:
        f = self.current_filter()
        self.ledger_model.set_filter(f)
        with self.context.db.session(readonly=True) as s:
            counts = counts_by_unit(s, f, as_of=self.as_of)
        self.unit_counts_model.set_rows(counts)
        total = self.ledger_model.total
        overdue = sum(c.overdue for c in counts)
        active = sum(c.active for c in counts)
        if total == 0:
            text = (
                self.tr("没有符合条件的问题。")
                if f != ProblemFilter()
                else self.tr("问题台账还是空的：按 Ctrl+N 登记第一个问题。")
            )
        else:
            text = (
                self.tr("共 %1 个问题，未销号 %2 个，其中超期 %3 个（红色）。统计截至 %4。")
                .replace("%1", str(total))
                .replace("%2", str(active))
                .replace("%3", str(overdue))
                .replace("%4", f"{self.as_of:%Y-%m-%d}")
            )
        self.ledger_summary.setText(text)

    def _unit_clicked(self, index: QModelIndex) -> None:
        unit_id = index.data(ENTITY_ROLE)
        i = self.unit_filter.findData(unit_id)
        if i >= 0:
            self.unit_filter.setCurrentIndex(i)

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(LEDGER_TAB)
        self.search.setFocus()
        self.search.selectAll()

    def _load_meetings(self) -> None:
        keep = self.meeting.row.id if self.meeting else None
        with self.context.db.session(readonly=True) as s:
            rows = list_meetings(s)
        self.meetings_model.set_rows(rows)
        row = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if row >= 0:
            self.meetings.selectRow(row)
        self.show_meeting(rows[row].id if row >= 0 else None)

    def _meeting_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_meeting(self.meetings_model.row(current.row()).id)

    def show_meeting(self, meeting_id: str | None) -> None:
        self.minutes_button.setEnabled(meeting_id is not None)
        self.brief_button.setEnabled(meeting_id is not None)
        if meeting_id is None:
            self.meeting = None
            self.meeting_view.setHtml(
                self.tr("<p>还没有周例会记录。点击“准备周例会…”自动生成议程并记录纪要。</p>")
            )
            return
        with self.context.db.session(readonly=True) as s:
            self.meeting = get_meeting(s, meeting_id)
        self.meeting_view.setHtml(meeting_html(self.meeting))

    # ------------------------------------------------------------ figures

    def load_figures(self) -> AccountabilityReport | None:
        start = self.from_edit.date().toPython()
        end = self.to_edit.date().toPython()
        try:
            with self.context.db.session(readonly=True) as s:
                self.figures = accountability(s, start, end)  # type: ignore[arg-type]
        except ValidationError as exc:
            self.figures_total.setText(error_text(exc.errors))
            return None
        f = self.figures
        t = f.total
        median = "—" if t.median_days_to_close is None else f"{t.median_days_to_close:g}"
        self.figures_total.setText(
            self.tr(
                "%1：提出 %2 个，销号 %3 个，期末未销号 %4 个（超期 %5 个），销号用时中位数 %6 天。"
            )
            .replace("%1", f.period_label)
            .replace("%2", str(t.raised))
            .replace("%3", str(t.closed))
            .replace("%4", str(t.open))
            .replace("%5", str(t.overdue))
            .replace("%6", median)
        )
        self.by_unit_model.set_rows(list(f.by_unit))
        self.by_category_model.set_rows(list(f.by_category))
        return f

    def export_figures(self, path: Path | None = None) -> Path | None:
        report = self.load_figures()
        if report is None:
            return None
        if path is None:
            name = f"问题办理责任统计_{report.start:%Y%m%d}-{report.end:%Y%m%d}.xlsx"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出责任统计"), name, self.tr("Excel 文件 (*.xlsx)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            export_accountability(report, path)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("导出责任统计"), self.tr("无法写入文件：%1").replace("%1", str(exc))
            )
            return None
        return path

    def export_ledger(self, path: Path | None = None) -> Operation | None:
        """Export the ledger as filtered now to .xlsx, off the GUI thread."""
        if path is None:
            name = f"问题台账_{self.as_of:%Y%m%d}.xlsx"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出问题台账"), name, self.tr("Excel 文件 (*.xlsx)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        target = path
        filt = self.current_filter()
        db, as_of = self.context.db, self.as_of

        def work() -> int:
            with db.session(readonly=True) as s:
                return export_problems(s, target, filt=filt, as_of=as_of)

        def done(count: int) -> None:
            if isValid(self):
                self.ledger_export_button.setEnabled(True)
                self.ledger_export_status.setText(
                    self.tr("已导出 %1 条问题：%2")
                    .replace("%1", str(count))
                    .replace("%2", target.name)
                )

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.ledger_export_button.setEnabled(True)
            self.ledger_export_status.setText("")
            text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.warning(
                self, self.tr("导出问题台账"), self.tr("无法导出：%1").replace("%1", text)
            )

        self.ledger_export_button.setEnabled(False)
        self.ledger_export_status.setText(self.tr("正在导出…"))
        self.ledger_export = run_in_background(work, on_result=done, on_error=failed)
        return self.ledger_export

    # ------------------------------------------------------------ actions

    def new_problem(self) -> ProblemDialog:
        preset = None
        if self.tabs.currentIndex() == TASK_FORCES_TAB and self.task_force is not None:
            from jianan_desk.services.problems import ProblemInput

            preset = ProblemInput(raised_on=self.as_of, task_force_id=self.task_force.row.id)
        dialog = ProblemDialog(
            self.context.db,
            self.context.hub,
            self.actor,
            self.as_of,
            preset=preset,
            parent=self,
        )
        dialog.open()
        return dialog

    def edit_task_force(self, *, new: bool = False) -> TaskForceDialog | None:
        if not new and self.task_force is None:
            return None
        dialog = TaskForceDialog(
            self.context.db,
            self.context.hub,
            self.actor,
            self.as_of,
            None if new else self.task_force,
            parent=self,
        )
        dialog.open()
        return dialog

    def open_problem(self, problem_id: str | None) -> ProblemDialog | None:
        if not problem_id:
            return None
        dialog = ProblemDialog(
            self.context.db, self.context.hub, self.actor, self.as_of, problem_id, parent=self
        )
        dialog.open()
        return dialog

    def _open_selected(self) -> None:
        rows = self.ledger.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, self.tr("问题台账"), self.tr("请先选择一个问题"))
            return
        self.open_problem(rows[0].data(ENTITY_ROLE))

    def prepare_meeting(self) -> MeetingDialog:
        dialog = MeetingDialog(
            self.context.db, self.context.hub, self.actor, self.as_of, parent=self
        )
        dialog.open()
        return dialog

    def edit_minutes(self) -> MeetingDialog | None:
        if self.meeting is None:
            return None
        dialog = MeetingDialog(
            self.context.db,
            self.context.hub,
            self.actor,
            self.as_of,
            self.meeting.row.id,
            parent=self,
        )
        dialog.open()
        return dialog

    def save_brief(self, path: Path | None = None) -> Path | None:
        """Make the selected meeting's 周例会简报 and save it as a PDF."""
        if self.meeting is None:
            return None
        from jianan_desk.reports.period import ReportError
        from jianan_desk.reports.service import MeetingRequest, make_report

        held = self.meeting.row.held_on
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("保存周例会简报"),
                f"{held:%Y%m%d}_周例会简报.pdf",
                self.tr("PDF 文件 (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            with self.context.db.session(readonly=True) as s:
                report = make_report(s, MeetingRequest(held))
            path.write_bytes(report.pdf)
        except (ReportError, OSError) as exc:
            QMessageBox.warning(self, self.tr("周例会简报"), str(exc))
            return None
        return path


def meeting_html(m: MeetingDetail) -> str:
    """A meeting's minutes for the page's text view."""
    r = m.row

    def items(rows: object) -> str:
        lines = [
            f"<li>{html.escape(' '.join(p.description.split()))}"
            f"<span style='color:#555'>（{html.escape(p.unit_name or '—')}）</span></li>"
            for p in rows  # type: ignore[attr-defined]
        ]
        return "<ul>" + "".join(lines) + "</ul>" if lines else "<p>无</p>"

    decisions = "".join(
        f"<li>{html.escape(line)}</li>" for line in m.decisions.splitlines() if line.strip()
    )
    projects = "".join(
        f"<li>{html.escape(p.name)}：{html.escape(p.report or '—')}</li>" for p in m.projects
    )
    return (
        f"<h3>{html.escape(r.label)}</h3>"
        f"<p>日期：{r.held_on:%Y-%m-%d}　主持：{html.escape(r.chair or '—')}</p>"
        f"<p>参会：{html.escape(m.attendees or '—')}</p>"
        + (f"<h4>汇报项目（{len(m.projects)}个）</h4><ul>{projects}</ul>" if projects else "")
        + f"<h4>交办问题（{len(m.raised)}个）</h4>{items(m.raised)}"
        + f"<h4>销号问题（{len(m.closed)}个）</h4>{items(m.closed)}"
        + f"<h4>议定事项</h4>{'<ol>' + decisions + '</ol>' if decisions else '<p>未记录</p>'}"
        + (f"<p style='color:#555'>{html.escape(m.notes)}</p>" if m.notes else "")
    )
