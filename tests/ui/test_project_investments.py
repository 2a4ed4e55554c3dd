"""The 项目库 form's 投资记录 tab: funds in place, key-project plan and monthly completed
investment added, edited and deleted through the form; validation in Chinese; every
change logged, announced once, and counted by the metrics."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from jianan_desk.services.metrics import compute_metrics
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.models import ChangeLog
from jianan_desk.ui.dialogs.investment_record import FUNDS, MONTH, PLAN, InvestmentRecordDialog
from jianan_desk.ui.dialogs.project_form import ProjectFormDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.roles import ENTITY_ROLE

ACTOR = "测试员"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def hub() -> Hub:
    return Hub()


@pytest.fixture
def announced(hub):
    seen: list[str] = []
    hub.changed.connect(seen.append)
    return seen


def _project(db, family: str, stage: str = "签约") -> str:
    with db.session() as s:
        d = create_project(
            s,
            ProjectInput(name=f"测试项目{family}", family=family, total_investment_wan="10亿"),
            ACTOR,
            stage=stage,
            stage_on="2022-01-10",
        )
    return d.id


@pytest.fixture
def form(qtbot, db, hub, app_font):
    def make(family: str = "attraction") -> ProjectFormDialog:
        dialog = ProjectFormDialog(db, hub, ACTOR, _project(db, family))
        qtbot.addWidget(dialog)
        dialog.ui.tabs.setCurrentWidget(dialog.ui.investmentTab)
        return dialog

    return make


def fill_and_save(monkeypatch, **fields: str):
    """Make the record dialog's exec() type ``fields`` and press Save."""

    def exec_(self: InvestmentRecordDialog) -> int:
        if "date" in fields:
            d = dt.date.fromisoformat(fields["date"])
            self.ui.dateEdit.setDate(QDate(d.year, d.month, d.day))
        if "year" in fields:
            self.ui.yearSpin.setValue(int(fields["year"]))
        if "month" in fields:
            self.ui.monthSpin.setValue(int(fields["month"]))
        if "amount" in fields:
            self.ui.amountEdit.setText(fields["amount"])
        if "fdi" in fields:
            self.ui.fdiEdit.setText(fields["fdi"])
        if "note" in fields:
            self.ui.noteEdit.setText(fields["note"])
        if "new_start" in fields:
            self.ui.newStartCheck.setChecked(True)
        ok = self.save()
        return QDialog.DialogCode.Accepted if ok else QDialog.DialogCode.Rejected

    monkeypatch.setattr(InvestmentRecordDialog, "exec", exec_)


def select_row(view, row: int) -> None:
    view.selectRow(row)
    view.setCurrentIndex(view.model().index(row, 0))


def log(db, entity: str) -> list[tuple[str, dict]]:
    with db.session(readonly=True) as s:
        rows = s.execute(
            select(ChangeLog.action, ChangeLog.changes)
            .where(ChangeLog.entity == entity)
            .order_by(ChangeLog.created_at)
        ).all()
    return [(a, json.loads(c)) for a, c in rows]


def test_funds_added_edited_deleted_through_the_form(db, form, monkeypatch, announced):
    f = form()
    assert f.ui.tabs.isTabEnabled(f.ui.tabs.indexOf(f.ui.investmentTab))
    assert f.funds_model.rowCount() == 0
    assert not f.ui.editFundsButton.isEnabled() and not f.ui.deleteFundsButton.isEnabled()
    assert not f.ui.keyGroup.isVisibleTo(f)  # not a key project

    fill_and_save(monkeypatch, date="2022-03-01", amount="伍仟万", fdi="100", note="首笔")
    f.add_record(FUNDS)
    assert announced == [Hub.PROJECTS]
    assert f.funds_model.rowCount() == 1
    assert f.funds_model.index(0, 1).data() == "5,000"
    assert f.funds_model.index(0, 2).data() == "100"
    assert "0.50 亿元" in f.ui.investmentSummary.text()
    assert "5.0%" in f.ui.investmentSummary.text()  # 资金到位率: 0.5 亿 / 10 亿
    assert f.ui.investmentMessage.text() == "已保存到位资金"

    # edit: select the row, change the amount
    select_row(f.ui.fundsView, 0)
    assert f.ui.editFundsButton.isEnabled()
    fill_and_save(monkeypatch, amount="0.8亿")
    f.edit_record(FUNDS)
    assert f.funds_model.rowCount() == 1
    assert f.funds_model.index(0, 1).data() == "8,000"
    assert "0.80 亿元" in f.ui.investmentSummary.text()
    with db.session(readonly=True) as s:
        m = compute_metrics(s, 2022, dt.date(2022, 12, 31))
    assert m["funds_in_place_wan"] == Decimal(8000)

    # delete: asks first; "No" keeps it
    select_row(f.ui.fundsView, 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not f.delete_record(FUNDS)
    assert f.funds_model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert f.delete_record(FUNDS)
    assert f.funds_model.rowCount() == 0
    assert announced == [Hub.PROJECTS] * 3
    assert [a for a, _ in log(db, "funds_in_place")] == ["create", "update", "delete"]
    assert log(db, "funds_in_place")[1][1]["amount_wan"] == ["5000", "8000"]
    with db.session(readonly=True) as s:
        m = compute_metrics(s, 2022, dt.date(2022, 12, 31))
    assert m["funds_in_place_wan"] == 0


def test_form_still_saves_after_a_record_change(db, form, monkeypatch):
    """A record change stamps the project; the form's own save must not then be refused."""
    f = form()
    f.ui.location_edit.setText("五女店镇")
    fill_and_save(monkeypatch, date="2022-03-01", amount="500")
    f.add_record(FUNDS)
    assert f.is_dirty()  # the typed field is kept
    assert f.save()


def test_record_validation_in_chinese(db, form, monkeypatch):
    f = form()
    d = f.make_record_dialog(FUNDS)
    d.ui.amountEdit.setText("很多钱")
    assert not d.save_button.isEnabled()
    assert d.ui.amountNote.text() and "c62828" in d.ui.amountNote.styleSheet()
    d.ui.amountEdit.setText("0")
    assert not d.save_button.isEnabled()
    assert d.ui.amountNote.text() == "到位金额应大于 0"
    d.ui.amountEdit.setText("500万")
    assert d.save_button.isEnabled()
    assert d.ui.amountNote.text() == "= 0.05 亿元（500 万元）"
    # the service's own rule (no date after today) is shown too, and nothing saved
    d.today = dt.date(2022, 1, 1)
    d.ui.dateEdit.setMaximumDate(QDate(2030, 1, 1))
    d.ui.dateEdit.setDate(QDate(2022, 6, 1))
    assert not d.save()
    assert d.ui.errorLabel.text() == "到位日期不能晚于今天"
    assert log(db, "funds_in_place") == []


def test_key_project_plan_and_months(db, form, monkeypatch, announced):
    f = form("key")
    assert f.ui.keyGroup.isVisibleTo(f)
    fill_and_save(monkeypatch, year="2022", amount="6亿", new_start="1")
    f.add_record(PLAN)
    assert f.plan_model.rowCount() == 1
    assert f.plan_model.index(0, 0).data() == "2022 新开工"
    assert f.plan_model.index(0, 1).data() == "6.00"
    for month, amount in (("1", "1亿"), ("2", "5000万")):
        fill_and_save(monkeypatch, year="2022", month=month, amount=amount)
        f.add_record(MONTH)
    assert f.month_model.rowCount() == 2
    assert f.month_model.index(0, 0).data() == "2022-02"  # latest first
    assert f.plan_model.index(0, 2).data() == "1.50"
    assert f.plan_model.index(0, 3).data() == "25.0%"
    assert "占计划 25.0%" in f.ui.investmentSummary.text()
    # a new month defaults to the one after the latest
    assert f.make_record_dialog(MONTH).ui.monthSpin.value() == 3
    # edit a month: its period is fixed, the amount replaced
    select_row(f.ui.monthView, 0)
    editing = f.make_record_dialog(MONTH, f.selected_record(MONTH))
    assert not editing.ui.monthSpin.isEnabled() and editing.ui.amountEdit.text() == "5000"
    fill_and_save(monkeypatch, amount="1.5亿")
    f.edit_record(MONTH)
    assert f.plan_model.index(0, 3).data() == "41.7%"
    with db.session(readonly=True) as s:
        m = compute_metrics(s, 2022, dt.date(2022, 12, 31))
    assert m["completed_investment_wan"] == Decimal(25000)
    # delete the January figure and the plan
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    select_row(f.ui.monthView, 1)
    assert f.ui.monthView.currentIndex().data(ENTITY_ROLE) == (2022, 1)
    assert f.delete_record(MONTH)
    assert f.month_model.rowCount() == 1
    select_row(f.ui.planView, 0)
    assert f.delete_record(PLAN)
    assert f.plan_model.index(0, 1).data() == "未列计划"
    assert [a for a, _ in log(db, "monthly_investment")] == [
        "create",
        "create",
        "update",
        "delete",
    ]
    assert [a for a, _ in log(db, "key_project_plan")] == ["create", "delete"]
    assert len(announced) == 6


def test_record_tables_keyboard(qtbot, db, form, monkeypatch):
    """Insert adds, Return edits, Delete deletes (after asking) the selected record."""
    from PySide6.QtCore import Qt

    f = form()
    f.show()
    qtbot.waitExposed(f)
    f.activateWindow()
    qtbot.waitUntil(f.isActiveWindow)
    view = f.ui.fundsView
    view.setFocus()
    fill_and_save(monkeypatch, date="2022-03-01", amount="300")
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert f.funds_model.rowCount() == 1
    select_row(view, 0)
    fill_and_save(monkeypatch, amount="400")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert f.funds_model.index(0, 1).data() == "400"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    select_row(view, 0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert f.funds_model.rowCount() == 0
