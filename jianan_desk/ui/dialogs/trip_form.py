"""The trip form (新建/编辑外出招商活动), laid out in ``forms/trip_form.ui``.

Members are typed as one line: names separated by 、 or commas; a name followed by
（带队） or (领导) is a leader: "刘区长（带队）、王招商、李干事".
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from jianan_desk.services.errors import ValidationError
from jianan_desk.services.trips import MemberInput, TripDetail, TripInput, create_trip, update_trip
from jianan_desk.store.engine import Database
from jianan_desk.ui.forms.ui_trip_form import Ui_TripFormDialog
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
        self.ui = Ui_TripFormDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("编辑外出招商活动") if trip else self.tr("新建外出招商活动"))
        # the names the page and the tests use
        self.title = self.ui.title_edit
        self.start = self.ui.start_edit
        self.end = self.ui.end_edit
        self.destinations = self.ui.destinations_edit
        self.members = self.ui.members_edit
        self.purpose = self.ui.purpose_edit
        self.itinerary = self.ui.itinerary_edit
        self.summary = self.ui.summary_edit
        self.error = self.ui.errorLabel
        for edit in (self.start, self.end):
            edit.setDate(QDate(dt.date.today()))
        self.start.dateChanged.connect(self._keep_end_after_start)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
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
        self.title.setFocus()

    def _keep_end_after_start(self, start: QDate) -> None:
        if self.end.date() < start:
            self.end.setDate(start)

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
