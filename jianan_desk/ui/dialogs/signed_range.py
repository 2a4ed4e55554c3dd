"""Pick a signing-date range for the 项目库 filter (``forms/signed_range_dialog.ui``).

Two ``QDateEdit`` with a calendar popup, each with a check box: an end left unticked is
open (``None``). ``range()`` after ``exec()`` accepted gives ``(from, to)``; OK is disabled
while neither end is ticked or the start is after the end (said in Chinese).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from jianan_desk.ui.forms.ui_signed_range_dialog import Ui_SignedRangeDialog


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class SignedRangeDialog(QDialog):
    def __init__(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SignedRangeDialog()
        self.ui.setupUi(self)
        today = today or dt.date.today()
        ui = self.ui
        ui.fromEdit.setDate(_qdate(start or dt.date(today.year, 1, 1)))
        ui.toEdit.setDate(_qdate(end or today))
        ui.fromCheck.setChecked(start is not None or end is None)
        ui.toCheck.setChecked(end is not None or start is None)
        self.ok_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        for box in (ui.fromCheck, ui.toCheck):
            box.toggled.connect(self.check)
        for edit in (ui.fromEdit, ui.toEdit):
            edit.dateChanged.connect(self.check)
        self.check()

    def range(self) -> tuple[dt.date | None, dt.date | None]:
        ui = self.ui
        start = _date(ui.fromEdit.date()) if ui.fromCheck.isChecked() else None
        end = _date(ui.toEdit.date()) if ui.toCheck.isChecked() else None
        return start, end

    def check(self, *_: object) -> bool:
        ui = self.ui
        ui.fromEdit.setEnabled(ui.fromCheck.isChecked())
        ui.toEdit.setEnabled(ui.toCheck.isChecked())
        start, end = self.range()
        error = ""
        if start is None and end is None:
            error = self.tr("请至少勾选起始或截止日期")
        elif start is not None and end is not None and start > end:
            error = self.tr("起始日期不能晚于截止日期")
        ui.errorLabel.setText(error)
        ui.errorLabel.setStyleSheet("color: #c62828;")
        self.ok_button.setEnabled(not error)
        return not error


__all__ = ["SignedRangeDialog"]
