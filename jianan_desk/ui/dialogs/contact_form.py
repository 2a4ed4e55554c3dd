"""The contact form (``forms/contact_form.ui``): one contact of a company, edited in full.

Checks the input with ``services.companies.check_contact_input`` and stays open, naming
the problem, until it is right. It saves nothing itself: the company form keeps the edit
and writes it with the company (one transaction, so Cancel there loses nothing saved).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from jianan_desk.services.companies import ContactInput, check_contact_input
from jianan_desk.ui.forms.ui_contact_form import Ui_ContactFormDialog

FIELD_LABELS = {
    "name": "姓名",
    "mobile": "手机",
    "wechat": "微信",
    "email": "邮箱",
    "title": "职务",
}


class ContactDialog(QDialog):
    def __init__(self, data: ContactInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ContactFormDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("编辑联系人") if data else self.tr("新增联系人"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        if data is not None:
            self.set_input(data)
        self.ui.name_edit.setFocus()

    def set_input(self, data: ContactInput) -> None:
        for key in ("name", "title", "mobile", "wechat", "email"):
            getattr(self.ui, f"{key}_edit").setText(getattr(data, key) or "")
        self.ui.notes_edit.setPlainText(data.notes or "")

    def to_input(self) -> ContactInput:
        return ContactInput(
            name=self.ui.name_edit.text(),
            title=self.ui.title_edit.text(),
            mobile=self.ui.mobile_edit.text(),
            wechat=self.ui.wechat_edit.text(),
            email=self.ui.email_edit.text(),
            notes=self.ui.notes_edit.toPlainText(),
        )

    def accept(self) -> None:
        errors = check_contact_input(self.to_input())
        if errors:
            self.ui.errorLabel.setText(
                "\n".join(f"{self.tr(FIELD_LABELS.get(k, k))}：{v}" for k, v in errors.items())
            )
            first = next(iter(errors))
            edit = getattr(self.ui, f"{first}_edit", None)
            if edit is not None:
                edit.setFocus()
            return
        super().accept()
