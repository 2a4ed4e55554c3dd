"""The company form (新建/编辑企业), with the duplicate warning.

Built in code for now (no Designer form yet). The dialog turns its widgets into a
``CompanyInput`` and hands it to ``services.companies``; a likely duplicate (same
normalised name) asks the user: open the existing record, create anyway, or go back. A
same-code duplicate cannot be created: the user is offered the existing record.

Signals:
    open_existing(str): the user chose to open an existing company (its id) instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.services.companies import (
    CompanyDetail,
    CompanyInput,
    DuplicateCandidate,
    DuplicateCompanyError,
    create_company,
    update_company,
)
from jianan_desk.services.errors import ValidationError
from jianan_desk.store.engine import Database
from jianan_desk.ui.hub import Hub

OPEN_EXISTING, CREATE_ANYWAY, CANCEL = "open", "create", "cancel"


class CompanyDialog(QDialog):
    open_existing = Signal(str)

    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        company: CompanyDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor, self.company = db, hub, actor, company
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("编辑企业") if company else self.tr("新建企业"))
        self.name = QLineEdit(self)
        self.uscc = QLineEdit(self)
        self.uscc.setPlaceholderText(self.tr("18 位，可不填"))
        self.province = QLineEdit(self)
        self.city = QLineEdit(self)
        self.scale = QLineEdit(self)
        self.website = QLineEdit(self)
        self.tags = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.is_local = QCheckBox(self.tr("本地企业"), self)
        self.is_target = QCheckBox(self.tr("目标企业"), self)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        for label, widget in (
            (self.tr("企业名称"), self.name),
            (self.tr("统一社会信用代码"), self.uscc),
            (self.tr("省份"), self.province),
            (self.tr("城市"), self.city),
            (self.tr("规模"), self.scale),
            (self.tr("网站"), self.website),
            (self.tr("标签"), self.tags),
            (self.tr("备注"), self.notes),
        ):
            form.addRow(label, widget)
        form.addRow("", self.is_local)
        form.addRow("", self.is_target)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if company is not None:
            self.set_input(company.to_input())

    def set_input(self, data: CompanyInput) -> None:
        for key in ("name", "uscc", "province", "city", "scale", "website", "tags"):
            getattr(self, key).setText(getattr(data, key) or "")
        self.notes.setPlainText(data.notes)
        self.is_local.setChecked(data.is_local)
        self.is_target.setChecked(data.is_target)
        self._industry_node_id = data.industry_node_id

    def to_input(self) -> CompanyInput:
        return CompanyInput(
            name=self.name.text(),
            uscc=self.uscc.text(),
            province=self.province.text(),
            city=self.city.text(),
            industry_node_id=getattr(self, "_industry_node_id", None),
            scale=self.scale.text(),
            website=self.website.text(),
            tags=self.tags.text(),
            notes=self.notes.toPlainText(),
            is_local=self.is_local.isChecked(),
            is_target=self.is_target.isChecked(),
        )

    def ask_duplicate(self, candidates: Sequence[DuplicateCandidate], certain: bool) -> str:
        """Ask what to do about a duplicate: OPEN_EXISTING, CREATE_ANYWAY or CANCEL."""
        lines = "\n".join(
            f"· {c.name}（{c.city or self.tr('城市未填')}）{c.uscc or ''}" for c in candidates
        )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("可能重复的企业"))
        if certain:
            box.setText(self.tr("统一社会信用代码相同的企业已存在：") + "\n" + lines)
        else:
            box.setText(self.tr("已有名称相近的企业：") + "\n" + lines)
        open_button = box.addButton(self.tr("打开已有企业"), QMessageBox.ButtonRole.AcceptRole)
        create_button = None
        if not certain:
            create_button = box.addButton(
                self.tr("仍然新建"), QMessageBox.ButtonRole.DestructiveRole
            )
        box.addButton(self.tr("返回修改"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_button:
            return OPEN_EXISTING
        if create_button is not None and clicked is create_button:
            return CREATE_ANYWAY
        return CANCEL

    def save(self, *, allow_likely_duplicate: bool = False) -> bool:
        data = self.to_input()
        try:
            with self.db.session() as s:
                if self.company is None:
                    detail = create_company(
                        s, data, self.actor, allow_likely_duplicate=allow_likely_duplicate
                    )
                else:
                    detail = update_company(s, self.company.id, data, self.actor)
        except DuplicateCompanyError as exc:
            choice = self.ask_duplicate(exc.candidates, exc.certain)
            if choice == OPEN_EXISTING:
                self.open_existing.emit(exc.candidates[0].id)
                self.reject()
            elif choice == CREATE_ANYWAY:
                return self.save(allow_likely_duplicate=True)
            return False
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            return False
        self.saved_id = detail.id
        self.hub.announce(Hub.COMPANIES)
        self.accept()
        return True
