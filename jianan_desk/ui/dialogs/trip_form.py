"""The trip form (新建/编辑外出招商活动). Built in code (no Designer form yet).

Members are typed as one line: names separated by 、 or commas; a name followed by
（带队） or (领导) is a leader: "刘区长（带队）、王招商、李干事".
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.services.errors import ValidationError
from jianan_desk.services.trips import MemberInput, TripDetail, TripInput, create_trip, update_trip
from jianan_desk.store.engine import Database
from jianan_desk.ui.hub import Hub

_LEADER = re.compile(r"[（(](带队|领导|带队领导)[)）]$")
_SPLIT = re.compile(r"[、,，;；]+")


def parse_members(text: str) -> list[MemberInput]:
    members = []
    for part in _SPLIT.split(text or ""):
        name = part.strip()
        if not name:
            continue
        role = "staff"
        if _LEADER.search(name):
            name, role = _LEADER.sub("", name).strip(), "leader"
        members.append(MemberInput(name, role))
    return members


def members_text(members: list[MemberInput]) -> str:
    return "、".join(m.name + ("（带队）" if m.role == "leader" else "") for m in members)


class TripDialog(QDialog):
    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        trip: TripDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor, self.trip = db, hub, actor, trip
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("编辑外出招商活动") if trip else self.tr("新建外出招商活动"))
        self.title = QLineEdit(self)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(dt.date.today()))
        self.destinations = QLineEdit(self)
        self.destinations.setPlaceholderText(self.tr("如：深圳、佛山"))
        self.members = QLineEdit(self)
        self.members.setPlaceholderText(self.tr("如：刘区长（带队）、王招商"))
        self.purpose = QPlainTextEdit(self)
        self.itinerary = QPlainTextEdit(self)
        self.summary = QPlainTextEdit(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("活动名称"), self.title)
        form.addRow(self.tr("开始日期"), self.start)
        form.addRow(self.tr("结束日期"), self.end)
        form.addRow(self.tr("目的地"), self.destinations)
        form.addRow(self.tr("参加人员"), self.members)
        form.addRow(self.tr("目的"), self.purpose)
        form.addRow(self.tr("行程安排"), self.itinerary)
        form.addRow(self.tr("活动总结"), self.summary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if trip is not None:
            data = trip.to_input()
            self.title.setText(data.title)
            self.start.setDate(QDate(trip.start_on))
            self.end.setDate(QDate(trip.end_on))
            self.destinations.setText("、".join(trip.destinations))
            self.members.setText(members_text(list(data.members)))
            self.purpose.setPlainText(data.purpose)
            self.itinerary.setPlainText(data.itinerary)
            self.summary.setPlainText(data.summary)

    def to_input(self) -> TripInput:
        return TripInput(
            title=self.title.text(),
            start_on=self.start.date().toPython(),
            end_on=self.end.date().toPython(),
            destinations=self.destinations.text(),
            purpose=self.purpose.toPlainText(),
            itinerary=self.itinerary.toPlainText(),
            summary=self.summary.toPlainText(),
            members=parse_members(self.members.text()),
        )

    def save(self) -> bool:
        try:
            with self.db.session() as s:
                if self.trip is None:
                    detail = create_trip(s, self.to_input(), self.actor)
                else:
                    detail = update_trip(s, self.trip.id, self.to_input(), self.actor)
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            return False
        self.saved_id = detail.id
        self.hub.announce(Hub.TRIPS)
        self.accept()
        return True
