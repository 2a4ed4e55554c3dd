"""The 外出招商 page, two tabs.

活动: trips (with visit-report status), and the selected trip's page: members, the
per-trip summary (companies met, leads, follow-ups due), its visits in order and the leads
they produced; quick entry of visits (Ctrl+Enter in the dialog saves and starts the next);
from a visit, one action creates a lead (project at 线索) or links it to an existing
project; the visit report handed in.

跟进: ``FollowUpsPanel``, follow-ups due today / this week / overdue, overall or per
person, completed in one click.

Reloads itself when the hub announces trips, companies or projects.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.services.errors import ValidationError
from jianan_desk.services.trips import TripDetail, get_trip, list_trips, mark_report_submitted
from jianan_desk.services.visits import (
    ProjectChoice,
    create_lead_from_visit,
    link_visit_to_project,
    project_choices,
)
from jianan_desk.ui.dialogs.trip_form import TripDialog
from jianan_desk.ui.dialogs.trip_quick_visit import QuickVisitDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.trip_tables import TripLeadsModel, TripsTableModel, TripVisitsModel
from jianan_desk.ui.pages.base import Page, PageContext
from jianan_desk.ui.widgets.follow_ups import FollowUpsPanel

TRIPS_TAB, FOLLOW_UPS_TAB = range(2)
VISITS_TAB, LEADS_TAB = range(2)


class TripsPage(Page):
    page_id = "trips"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.actor = current_actor()
        self.detail: TripDetail | None = None
        self.trips_model = TripsTableModel(self)
        self.visits_model = TripVisitsModel(self)
        self.leads_model = TripLeadsModel(self)
        self.trips = self._table(self.trips_model)
        self.visits = self._table(self.visits_model)
        self.leads = self._table(self.leads_model)
        self.new_button = QPushButton(self.tr("新建活动"), self)
        self.edit_button = QPushButton(self.tr("编辑活动"), self)
        self.quick_button = QPushButton(self.tr("快速录入拜访"), self)
        self.lead_button = QPushButton(self.tr("由拜访生成线索"), self)
        self.link_button = QPushButton(self.tr("关联已有项目…"), self)
        self.report_button = QPushButton(self.tr("登记拜访报告已交"), self)
        self.inbound_button = QPushButton(self.tr("登记客商来访"), self)
        self.quick_button.setToolTip(self.tr("在对话框中 Ctrl+Enter 保存并录入下一条"))
        self.lead_button.setToolTip(self.tr("以所选拜访的企业为投资方，新建一个“线索”阶段的项目"))
        self.link_button.setToolTip(self.tr("把所选拜访关联到该企业已有的项目"))
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.figures = QLabel(self)
        self.figures.setWordWrap(True)
        self.detail_tabs = QTabWidget(self)
        self.detail_tabs.addTab(self.visits, self.tr("拜访记录"))
        self.detail_tabs.addTab(self.leads, self.tr("产生的线索"))
        header = self.visits.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TripVisitsModel.CONTENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 84), (1, 190), (2, 70), (4, 60), (5, 120), (6, 84), (7, 76)):
            header.resizeSection(column, width)
        self.leads.horizontalHeader().resizeSection(TripLeadsModel.NAME, 260)
        self.leads.horizontalHeader().resizeSection(TripLeadsModel.COMPANY, 220)

        bar = QHBoxLayout()
        for b in (self.new_button, self.inbound_button):
            bar.addWidget(b)
        bar.addStretch(1)
        actions = QHBoxLayout()
        for b in (
            self.edit_button,
            self.quick_button,
            self.lead_button,
            self.link_button,
            self.report_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(self.header)
        rl.addWidget(self.figures)
        rl.addLayout(actions)
        rl.addWidget(self.detail_tabs, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.trips)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([340, 940])
        trips_tab = QWidget(self)
        tl = QVBoxLayout(trips_tab)
        tl.addLayout(bar)
        tl.addWidget(splitter, 1)
        self.follow_ups = FollowUpsPanel(context.db, context.hub, self.actor, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(trips_tab, self.tr("外出招商活动"))
        self.tabs.addTab(self.follow_ups, self.tr("跟进"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.new_button.clicked.connect(self.new_trip)
        self.edit_button.clicked.connect(self.edit_trip)
        self.quick_button.clicked.connect(lambda: self.quick_entry())
        self.inbound_button.clicked.connect(lambda: self.quick_entry(inbound=True))
        self.lead_button.clicked.connect(self.lead_from_selected_visit)
        self.link_button.clicked.connect(lambda: self.link_selected_visit())
        self.report_button.clicked.connect(self.report_submitted)
        self.trips.selectionModel().currentRowChanged.connect(self._trip_selected)
        self.visits.selectionModel().selectionChanged.connect(self._update_buttons)
        self.follow_ups.model.modelReset.connect(self._update_tab_titles)
        context.hub.changed.connect(self._on_changed)
        self.reload()

    def _table(self, model: TripsTableModel | TripVisitsModel) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        keep = self.detail.id if self.detail else None
        with self.context.db.session(readonly=True) as s:
            rows = list_trips(s)
        self.trips_model.set_rows(rows)
        row = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        if row >= 0:
            self.trips.selectRow(row)
            self.show_trip(rows[row].id)
        else:
            self.show_trip(None)

    def _trip_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_trip(self.trips_model.row(current.row()).id)

    def show_trip(self, trip_id: str | None) -> None:
        if trip_id is None:
            self.detail = None
            self.visits_model.set_rows([])
            self.header.setText(self.tr("还没有外出招商活动"))
            self.figures.clear()
        else:
            with self.context.db.session(readonly=True) as s:
                self.detail = get_trip(s, trip_id)
            d = self.detail
            members = "、".join(
                m.name + (self.tr("（带队）") if m.role == "leader" else "") for m in d.members
            )
            self.header.setText(
                f"{d.title}　{d.start_on:%Y-%m-%d} — {d.end_on:%Y-%m-%d}　"
                f"{'、'.join(d.destinations)}\n{members}"
            )
            f = d.figures
            report = (
                self.tr("拜访报告已交")
                if d.report_submitted_on
                else (self.tr("拜访报告已逾期") if d.report_overdue else self.tr("拜访报告应于"))
                + f" {d.report_due_on:%Y-%m-%d}"
            )
            self.figures.setText(
                self.tr("拜访 %1 次，企业 %2 家，线索 %3 条，待跟进 %4（逾期 %5）；")
                .replace("%1", str(f.visit_count))
                .replace("%2", str(f.companies_met))
                .replace("%3", str(f.leads))
                .replace("%4", str(f.follow_ups_open))
                .replace("%5", str(f.follow_ups_overdue))
                + report
            )
            self.visits_model.set_rows(d.visits)
        self.leads_model.set_rows(self.detail.leads_produced if self.detail else [])
        for b in (self.edit_button, self.quick_button, self.report_button):
            b.setEnabled(self.detail is not None)
        self._update_buttons()
        self._update_tab_titles()

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected_visit_id() is not None
        self.lead_button.setEnabled(chosen)
        self.link_button.setEnabled(chosen)

    def _update_tab_titles(self) -> None:
        n_visits, n_leads = self.visits_model.rowCount(), self.leads_model.rowCount()
        self.detail_tabs.setTabText(
            VISITS_TAB, self.tr("拜访记录（%1）").replace("%1", str(n_visits))
        )
        self.detail_tabs.setTabText(
            LEADS_TAB, self.tr("产生的线索（%1）").replace("%1", str(n_leads))
        )
        due = self.follow_ups.model.rowCount()
        self.tabs.setTabText(FOLLOW_UPS_TAB, self.tr("跟进") + (f"（{due}）" if due else ""))

    def _on_changed(self, what: str) -> None:
        if Hub.concerns(what, Hub.TRIPS, Hub.COMPANIES, Hub.PROJECTS):
            self.reload()

    # ------------------------------------------------------------ actions

    def new_trip(self) -> TripDialog:
        dialog = TripDialog(self.context.db, self.context.hub, self.actor, parent=self)
        dialog.open()
        return dialog

    def edit_trip(self) -> TripDialog | None:
        if self.detail is None:
            return None
        dialog = TripDialog(self.context.db, self.context.hub, self.actor, self.detail, self)
        dialog.open()
        return dialog

    def quick_entry(self, *, inbound: bool = False) -> QuickVisitDialog:
        trip_id = None if inbound or self.detail is None else self.detail.id
        on = self.detail.start_on if trip_id and self.detail else None
        dialog = QuickVisitDialog(
            self.context.db, self.context.hub, self.actor, trip_id=trip_id, on=on, parent=self
        )
        dialog.open()
        return dialog

    def selected_visit_id(self) -> str | None:
        rows = self.visits.selectionModel().selectedRows()
        return self.visits_model.row(rows[0].row()).id if rows else None

    def lead_from_selected_visit(self) -> str | None:
        visit_id = self.selected_visit_id()
        if visit_id is None:
            QMessageBox.information(self, self.tr("生成线索"), self.tr("请先选择一条拜访记录"))
            return None
        try:
            with self.context.db.session() as s:
                project = create_lead_from_visit(s, visit_id, self.actor)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("生成线索"), "\n".join(exc.errors.values()))
            return None
        self.context.hub.announce(Hub.PROJECTS)
        self.detail_tabs.setCurrentIndex(LEADS_TAB)
        return project.id

    def choose_project(self, choices: list[ProjectChoice]) -> str | None:
        """Ask which project to link (the company's own listed first)."""
        labels = [
            f"{c.name}（{c.stage_label}）" + ("" if c.same_company else self.tr("（其他投资方）"))
            for c in choices
        ]
        label, ok = QInputDialog.getItem(
            self, self.tr("关联已有项目"), self.tr("把这次拜访关联到项目："), labels, 0, False
        )
        return choices[labels.index(label)].id if ok and label in labels else None

    def link_selected_visit(self, project_id: str | None = None) -> str | None:
        """Link the selected visit to an existing project (asked for unless given)."""
        visit_id = self.selected_visit_id()
        if visit_id is None:
            QMessageBox.information(self, self.tr("关联项目"), self.tr("请先选择一条拜访记录"))
            return None
        if project_id is None:
            with self.context.db.session(readonly=True) as s:
                choices = project_choices(s, visit_id)
            if not choices:
                QMessageBox.information(
                    self,
                    self.tr("关联项目"),
                    self.tr("该企业还没有项目。可用“由拜访生成线索”新建一个线索项目。"),
                )
                return None
            project_id = self.choose_project(choices)
            if project_id is None:
                return None
        try:
            with self.context.db.session() as s:
                link_visit_to_project(s, visit_id, project_id, self.actor)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("关联项目"), "\n".join(exc.errors.values()))
            return None
        self.context.hub.announce(Hub.TRIPS)
        return project_id

    def report_submitted(self) -> None:
        if self.detail is None:
            return
        with self.context.db.session() as s:
            mark_report_submitted(s, self.detail.id, self.actor)
        self.context.hub.announce(Hub.TRIPS)


def current_actor() -> str:
    """Who makes changes: the OS login name (as the 项目库 page does; there is no user-name
    setting yet)."""
    try:
        return getpass.getuser() or "未知用户"
    except Exception:
        return "未知用户"
