"""Add or edit one investment record of a project (``forms/investment_record_dialog.ui``).

Three kinds, one form (rows not needed are hidden):

* ``FUNDS``: funds in place (到位资金): date, amount (万元), foreign part (万美元), note;
* ``PLAN``: a key project's planned investment for a year (新开工, planned start month);
* ``MONTH``: a key project's completed investment of one month.

Save calls the service itself (``services.investments``) in one write Session; the rules
(amount > 0, no date in the future, year and month ranges) are the service's, and its
Chinese messages are shown next to the field. The dialog closes only once the record is
saved; the caller then reloads and announces the change once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from jianan_desk.domain.project_fields import FieldError, parse_money_wan, parse_usd_wan
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.investments import (
    FundsInput,
    FundsRecord,
    add_funds,
    set_key_plan,
    set_monthly_investment,
    update_funds,
)
from jianan_desk.store.engine import Database
from jianan_desk.ui.forms.ui_investment_record_dialog import Ui_InvestmentRecordDialog
from jianan_desk.ui.models.project_table import yi_text

FUNDS, PLAN, MONTH = "funds", "plan", "month"
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


@dataclass(frozen=True)
class RecordDefaults:
    """What the form starts with (an existing record when editing)."""

    on: dt.date | None = None
    year: int | None = None
    month: int | None = None
    amount_wan: Decimal | None = None
    fdi_usd_wan: Decimal | None = None
    note: str = ""
    is_new_start: bool = False
    planned_start_month: int | None = None


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(Decimal(value).normalize(), "f")


class InvestmentRecordDialog(QDialog):
    """``kind`` of record for ``project_id``; ``funds_id`` (FUNDS) or ``defaults.year`` /
    ``month`` (PLAN / MONTH, then fixed) when editing an existing one."""

    def __init__(
        self,
        db: Database,
        actor: str,
        project_id: str,
        kind: str,
        *,
        project_name: str = "",
        funds_id: str | None = None,
        defaults: RecordDefaults | None = None,
        editing: bool = False,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_InvestmentRecordDialog()
        self.ui.setupUi(self)
        self.db, self.actor, self.project_id, self.kind = db, actor, project_id, kind
        self.funds_id = funds_id
        self.editing = editing or funds_id is not None
        self.today = today or dt.date.today()
        self.result_record: Any = None
        d = defaults or RecordDefaults()
        ui = self.ui
        titles = {
            FUNDS: (self.tr("添加到位资金"), self.tr("修改到位资金")),
            PLAN: (self.tr("添加年度计划投资"), self.tr("修改年度计划投资")),
            MONTH: (self.tr("添加月度完成投资"), self.tr("修改月度完成投资")),
        }[kind]
        title = titles[1] if self.editing else titles[0]
        self.setWindowTitle(title)
        ui.titleLabel.setText(f"<b>{title}</b>" + (f"　{project_name}" if project_name else ""))
        ui.amountLabel.setText(
            {
                FUNDS: self.tr("到位金额 *"),
                PLAN: self.tr("年度计划投资 *"),
                MONTH: self.tr("当月完成投资 *"),
            }[kind]
        )
        form = ui.formLayout
        shown = {
            FUNDS: {ui.dateEdit, ui.fdiEdit, ui.fdiNote, ui.noteEdit},
            PLAN: {ui.yearSpin, ui.startMonthSpin, ui.newStartCheck},
            MONTH: {ui.yearSpin, ui.monthSpin},
        }[kind]
        for widget in (
            ui.dateEdit,
            ui.yearSpin,
            ui.monthSpin,
            ui.fdiEdit,
            ui.fdiNote,
            ui.startMonthSpin,
            ui.newStartCheck,
            ui.noteEdit,
        ):
            form.setRowVisible(widget, widget in shown)
        today = QDate(self.today.year, self.today.month, self.today.day)
        ui.dateEdit.setMaximumDate(today)
        on = d.on or self.today
        ui.dateEdit.setDate(QDate(on.year, on.month, on.day))
        ui.yearSpin.setValue(d.year or self.today.year)
        ui.monthSpin.setValue(d.month or self.today.month)
        ui.amountEdit.setText(_plain(d.amount_wan))
        ui.fdiEdit.setText(_plain(d.fdi_usd_wan))
        ui.noteEdit.setText(d.note)
        ui.newStartCheck.setChecked(d.is_new_start)
        ui.startMonthSpin.setValue(d.planned_start_month or 0)
        if self.editing and kind in (PLAN, MONTH):  # the key of the record: fixed
            ui.yearSpin.setEnabled(False)
            ui.monthSpin.setEnabled(False)
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.amountEdit.textChanged.connect(self.check)
        ui.fdiEdit.textChanged.connect(self.check)
        self.check()
        ui.amountEdit.setFocus()

    # ------------------------------------------------------------ checking

    def _note(self, label: QLabel, text: str, error: bool) -> None:
        label.setText(text)
        label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)

    def check(self) -> bool:
        """Parse the amounts as typed; show the value or the error; enable Save."""
        ok = True
        text = self.ui.amountEdit.text().strip()
        try:
            amount = parse_money_wan(text or None)
        except FieldError as exc:
            self._note(self.ui.amountNote, str(exc), True)
            ok = False
        else:
            if amount is None:
                self._note(self.ui.amountNote, "", False)
                ok = False
            elif amount <= 0 and self.kind == FUNDS:
                self._note(self.ui.amountNote, self.tr("到位金额应大于 0"), True)
                ok = False
            else:
                self._note(
                    self.ui.amountNote,
                    self.tr("= {0} 亿元（{1} 万元）").format(yi_text(amount), _plain(amount)),
                    False,
                )
        if self.kind == FUNDS:
            try:
                fdi = parse_usd_wan(self.ui.fdiEdit.text().strip() or None)
            except FieldError as exc:
                self._note(self.ui.fdiNote, str(exc), True)
                ok = False
            else:
                self._note(self.ui.fdiNote, "" if fdi is None else f"= {_plain(fdi)} 万美元", False)
        self.save_button.setEnabled(ok)
        return ok

    def show_errors(self, errors: dict[str, str]) -> None:
        """The service's messages: next to the amount, the foreign part, or below."""
        rest = []
        for key, message in errors.items():
            if key in ("amount_wan", "planned_investment_wan", "completed_wan"):
                self._note(self.ui.amountNote, message, True)
            elif key == "fdi_usd_wan":
                self._note(self.ui.fdiNote, message, True)
            else:
                rest.append(message)
        self.ui.errorLabel.setText("；".join(rest))
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)

    # ------------------------------------------------------------ saving

    def _date(self) -> dt.date:
        q = self.ui.dateEdit.date()
        return dt.date(q.year(), q.month(), q.day())

    def save(self) -> bool:
        """Save through the service; True (and the dialog accepted) when saved."""
        if not self.check():
            return False
        ui = self.ui
        amount = ui.amountEdit.text().strip()
        try:
            with self.db.session() as s:
                if self.kind == FUNDS:
                    data = FundsInput(
                        received_on=self._date(),
                        amount_wan=amount,
                        fdi_usd_wan=ui.fdiEdit.text().strip() or None,
                        note=ui.noteEdit.text(),
                    )
                    record: Any
                    if self.funds_id is None:
                        record = add_funds(s, self.project_id, data, self.actor, today=self.today)
                    else:
                        record = update_funds(s, self.funds_id, data, self.actor, today=self.today)
                elif self.kind == PLAN:
                    start = ui.startMonthSpin.value()
                    record = set_key_plan(
                        s,
                        self.project_id,
                        ui.yearSpin.value(),
                        amount,
                        self.actor,
                        is_new_start=ui.newStartCheck.isChecked(),
                        planned_start_month=start or None,
                    )
                else:
                    record = set_monthly_investment(
                        s,
                        self.project_id,
                        ui.yearSpin.value(),
                        ui.monthSpin.value(),
                        amount,
                        self.actor,
                    )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except NotFoundError as exc:
            self.show_errors({"": str(exc)})
            return False
        self.result_record = record
        self.accept()
        return True


def funds_defaults(record: FundsRecord) -> RecordDefaults:
    return RecordDefaults(
        on=record.received_on,
        amount_wan=record.amount_wan,
        fdi_usd_wan=record.fdi_usd_wan,
        note=record.note,
    )


__all__ = [
    "FUNDS",
    "MONTH",
    "PLAN",
    "InvestmentRecordDialog",
    "RecordDefaults",
    "funds_defaults",
]
