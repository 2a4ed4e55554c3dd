"""Add or edit one target-list entry (``forms/target_entry_dialog.ui``).

The company is found by typing (``services.companies.search_companies``); a name that
matches no company creates one (a target company, in the city given) when saved. The
widget state becomes a ``TargetEntryInput`` that ``services.target_companies`` checks and
saves; each field's error is shown under the form and nothing typed is lost.

Signals:
    saved(str): the entry id, after the save was committed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from jianan_desk.services.companies import CompanyInput, create_company, search_companies
from jianan_desk.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from jianan_desk.services.target_companies import (
    PRIORITY_CODES,
    STATUS_LABELS,
    TargetEntry,
    TargetEntryInput,
    create_target_entry,
    update_target_entry,
)
from jianan_desk.store.engine import Database
from jianan_desk.ui.forms.ui_target_entry_dialog import Ui_TargetEntryDialog

PRIORITY_TEXT = {1: "A（重点）", 2: "B（一般）", 3: "C（储备）"}
FIELD_NAMES = {
    "company_id": "企业",
    "chain_link_id": "产业链环节",
    "priority": "优先级",
    "city": "城市",
    "follower": "跟进人",
    "status": "状态",
    "name": "企业名称",
    "actor": "操作人",
}


class TargetEntryDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        actor: str,
        links: list[tuple[str, str]],
        *,
        entry: TargetEntry | None = None,
        link_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TargetEntryDialog()
        self.ui.setupUi(self)
        self.db = db
        self.actor = actor
        self.entry = entry
        self.setWindowTitle(self.tr("编辑目标企业") if entry else self.tr("新增目标企业"))
        for link, label in links:
            self.ui.linkCombo.addItem(label, link)
        for value in PRIORITY_CODES:
            self.ui.priorityCombo.addItem(self.tr(PRIORITY_TEXT[value]), value)
        for code, label in STATUS_LABELS.items():
            self.ui.statusCombo.addItem(self.tr(label), code)
        self.ui.priorityCombo.setCurrentIndex(1)
        self.ui.errorLabel.setStyleSheet("color: #b3261e;")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._search)
        self.ui.companyCombo.lineEdit().textEdited.connect(lambda _t: self._search_timer.start())
        self.ui.companyCombo.lineEdit().setPlaceholderText(self.tr("输入企业名称、拼音或首字母"))
        box = self.ui.buttonBox
        box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        if entry is not None:
            self.ui.companyCombo.addItem(entry.company_name, entry.company_id)
            self.ui.companyCombo.setEnabled(False)
            self._select(self.ui.linkCombo, entry.chain_link_id)
            self._select(self.ui.priorityCombo, entry.priority)
            self._select(self.ui.statusCombo, entry.status)
            self.ui.cityEdit.setText(entry.city)
            self.ui.followerEdit.setText(entry.follower)
            self.ui.reasonEdit.setPlainText(entry.reason)
            self.ui.notesEdit.setPlainText(entry.notes)
            last = entry.last_contact_on
            self.ui.lastContactValue.setText(
                self.tr("从未接触（无拜访记录）")
                if last is None
                else self.tr("{d}（{n} 天前）").format(d=last.isoformat(), n=entry.days_since)
            )
        else:
            self._select(self.ui.linkCombo, link_id)
            self.ui.lastContactValue.setText(self.tr("由拜访记录自动计算"))

    @staticmethod
    def _select(combo: object, value: object) -> None:
        index = combo.findData(value)  # type: ignore[attr-defined]
        if index >= 0:
            combo.setCurrentIndex(index)  # type: ignore[attr-defined]

    def _search(self) -> None:
        combo = self.ui.companyCombo
        text = combo.currentText()
        with self.db.session(readonly=True) as s:
            found = search_companies(s, text, limit=15)
        combo.blockSignals(True)
        combo.clear()
        for c in found:
            combo.addItem(f"{c.name}" + (f"（{c.city}）" if c.city else ""), c.id)
        combo.setCurrentIndex(-1)
        combo.setEditText(text)
        combo.blockSignals(False)
        if found:
            combo.showPopup()

    def _company_id(self) -> str | None:
        combo = self.ui.companyCombo
        index = combo.findText(combo.currentText())
        if index >= 0:
            return str(combo.itemData(index))
        return None

    def gather(self, company_id: str) -> TargetEntryInput:
        return TargetEntryInput(
            company_id=company_id,
            chain_link_id=self.ui.linkCombo.currentData(),
            priority=int(self.ui.priorityCombo.currentData()),
            city=self.ui.cityEdit.text(),
            follower=self.ui.followerEdit.text(),
            status=str(self.ui.statusCombo.currentData()),
            reason=self.ui.reasonEdit.toPlainText(),
            notes=self.ui.notesEdit.toPlainText(),
        )

    def save(self) -> None:
        name = self.ui.companyCombo.currentText().strip()
        try:
            with self.db.session() as s:
                if self.entry is not None:
                    row = update_target_entry(
                        s,
                        self.entry.id,
                        self.gather(self.entry.company_id),
                        self.actor,
                        expected_version=self.entry.version,
                    )
                else:
                    company_id = self._company_id()
                    if company_id is None:
                        if not name:
                            raise ValidationError({"company_id": "请输入或选择企业"})
                        company = create_company(
                            s,
                            CompanyInput(name=name, city=self.ui.cityEdit.text(), is_target=True),
                            self.actor,
                            allow_likely_duplicate=False,
                        )
                        company_id = company.id
                    row = create_target_entry(s, self.gather(company_id), self.actor)
        except ValidationError as exc:
            self.ui.errorLabel.setText(
                "\n".join(f"{FIELD_NAMES.get(k, k)}：{v}" for k, v in exc.errors.items())
                or str(exc)
            )
            return
        except (NotFoundError, ConcurrentEditError) as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        self.saved.emit(row.id)
        self.accept()


__all__ = ["TargetEntryDialog"]
