"""The 外出招商 page: trips (with visit-report status), and the selected trip's page:
members, visits in order, leads produced, follow-ups due; quick entry of visits; a lead
from a visit; the visit report handed in.

Reloads itself when the hub announces trips or companies.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.services.errors import ValidationError
from jianan_desk.services.trips import TripDetail, get_trip, list_trips, mark_report_submitted
from jianan_desk.services.visits import create_lead_from_visit
from jianan_desk.ui.dialogs.trip_form import TripDialog
from jianan_desk.ui.dialogs.trip_quick_visit import QuickVisitDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.trip_tables import TripsTableModel, TripVisitsModel
from jianan_desk.ui.pages.base import Page, PageContext


class TripsPage(Page):
    page_id = "trips"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.actor = current_actor()
        self.detail: TripDetail | None = None
        self.trips_model = TripsTableModel(self)
        self.visits_model = TripVisitsModel(self)
        self.trips = self._table(self.trips_model)
        self.visits = self._table(self.visits_model)
        self.new_button = QPushButton(self.tr("新建活动"), self)
        self.edit_button = QPushButton(self.tr("编辑活动"), self)
        self.quick_button = QPushButton(self.tr("快速录入拜访"), self)
        self.lead_button = QPushButton(self.tr("由拜访生成线索"), self)
        self.report_button = QPushButton(self.tr("登记拜访报告已交"), self)
        self.inbound_button = QPushButton(self.tr("登记客商来访"), self)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.figures = QLabel(self)

        bar = QHBoxLayout()
        for b in (self.new_button, self.inbound_button):
            bar.addWidget(b)
        bar.addStretch(1)
        actions = QHBoxLayout()
        for b in (self.edit_button, self.quick_button, self.lead_button, self.report_button):
            actions.addWidget(b)
        actions.addStretch(1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(self.header)
        rl.addWidget(self.figures)
        rl.addLayout(actions)
        rl.addWidget(self.visits, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.trips)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_trip)
        self.edit_button.clicked.connect(self.edit_trip)
        self.quick_button.clicked.connect(lambda: self.quick_entry())
        self.inbound_button.clicked.connect(lambda: self.quick_entry(inbound=True))
        self.lead_button.clicked.connect(self.lead_from_selected_visit)
        self.report_button.clicked.connect(self.report_submitted)
        self.trips.selectionModel().currentRowChanged.connect(self._trip_selected)
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
        for b in (self.edit_button, self.quick_button, self.report_button, self.lead_button):
            b.setEnabled(self.detail is not None)

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
        index = self.visits.currentIndex()
        return self.visits_model.row(index.row()).id if index.isValid() else None

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
        return project.id

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
