"""The company form (``forms/company_form.ui``): 新建/编辑企业, its contacts and its history.

The dialog turns its widgets into a ``CompanyInput`` and hands it to
``services.companies``; a likely duplicate (same normalised name) asks the user: open the
existing record, create anyway, or go back. A same-code duplicate cannot be created: the
user is offered the existing record. An existing company that has likely duplicates shows
them under the form with a button to merge (``CompanyMergeDialog``).

Contacts (联系人 tab) are shown in full; adding, editing and deleting them is kept in the
form and written with the company on Save, in one transaction (Cancel loses nothing that
was saved, and asks before dropping unsaved edits). "复制联系人" puts them on the
clipboard masked (``services.companies.export_safe``) unless "含完整号码" is ticked.
The 历史 tab lists merges and changes (``company_history``).

Signals:
    open_existing(str): the user chose to open an existing company (its id) instead.
    merge_requested(str, str): the user asked to merge this company (first) with a
        likely duplicate (second); the page opens the merge dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableView,
    QWidget,
)

from jianan_desk.services.companies import (
    CompanyDetail,
    CompanyInput,
    ContactInput,
    ContactRow,
    DuplicateCandidate,
    DuplicateCompanyError,
    add_contact,
    company_history,
    create_company,
    delete_contact,
    export_safe,
    find_duplicates,
    update_company,
    update_contact,
)
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.store.engine import Database
from jianan_desk.ui.dialogs.contact_form import ContactDialog
from jianan_desk.ui.forms.ui_company_form import Ui_CompanyFormDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.company_table import CompanyHistoryModel, ContactEdit, ContactsModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

OPEN_EXISTING, CREATE_ANYWAY, CANCEL = "open", "create", "cancel"
TEXT_FIELDS = ("name", "uscc", "province", "city", "scale", "website", "tags")
BASIC_TAB, CONTACTS_TAB, HISTORY_TAB = range(3)


def _table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


class CompanyDialog(QDialog):
    open_existing = Signal(str)
    merge_requested = Signal(str, str)

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
        self.ui = Ui_CompanyFormDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("编辑企业") if company else self.tr("新建企业"))
        # the names the page, the tests and older code use
        self.name = self.ui.name_edit
        self.uscc = self.ui.uscc_edit
        self.province = self.ui.province_edit
        self.city = self.ui.city_edit
        self.scale = self.ui.scale_edit
        self.website = self.ui.website_edit
        self.tags = self.ui.tags_edit
        self.notes = self.ui.notes_edit
        self.is_local = self.ui.is_local_check
        self.is_target = self.ui.is_target_check
        self.error = self.ui.errorLabel
        self.buttons = self.ui.buttonBox
        self._industry_node_id: str | None = None
        self._duplicates: list[DuplicateCandidate] = []

        self.contact_edits: list[ContactEdit] = []
        self.contacts_model = ContactsModel(self)
        self.contacts_model.set_edits(self.contact_edits)
        self.ui.contactsView.setModel(self.contacts_model)
        _table(self.ui.contactsView)
        for column, width in ((0, 90), (1, 110), (2, 120), (3, 110), (4, 170)):
            self.ui.contactsView.horizontalHeader().resizeSection(column, width)
        self.history_model = CompanyHistoryModel(self)
        self.ui.historyView.setModel(self.history_model)
        _table(self.ui.historyView)
        for column, width in ((0, 130), (1, 80), (2, 230)):
            self.ui.historyView.horizontalHeader().resizeSection(column, width)

        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.ui.addContactButton.clicked.connect(lambda: self.add_contact())
        self.ui.editContactButton.clicked.connect(lambda: self.edit_contact())
        self.ui.deleteContactButton.clicked.connect(self.delete_contact)
        self.ui.copyContactsButton.clicked.connect(self.copy_contacts)
        self.ui.contactsView.doubleClicked.connect(lambda _i: self.edit_contact())
        self.ui.mergeButton.clicked.connect(self._merge_clicked)
        self.ui.contactsView.selectionModel().selectionChanged.connect(self._update_buttons)
        save = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_S), self)
        save.activated.connect(self.save)
        for key in (Qt.Key.Key_Delete,):
            shortcut = QShortcut(QKeySequence(key), self.ui.contactsView)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.delete_contact)

        if company is not None:
            self.set_input(company.to_input())
            self.contact_edits.extend(
                ContactEdit(c.id, _contact_input(c)) for c in company.contacts
            )
            self.contacts_model.refresh()
            self._load_history()
            self._check_duplicates()
        else:
            self.ui.tabs.setTabEnabled(HISTORY_TAB, False)
            self.ui.duplicateLabel.hide()
            self.ui.mergeButton.hide()
        self._update_buttons()
        self._clean = self._state()
        self.ui.name_edit.setFocus()

    # ------------------------------------------------------------ fields

    def set_input(self, data: CompanyInput) -> None:
        for key in TEXT_FIELDS:
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
            industry_node_id=self._industry_node_id,
            scale=self.scale.text(),
            website=self.website.text(),
            tags=self.tags.text(),
            notes=self.notes.toPlainText(),
            is_local=self.is_local.isChecked(),
            is_target=self.is_target.isChecked(),
        )

    def _state(self) -> tuple[object, ...]:
        contacts = tuple(
            (e.id, e.deleted, tuple(vars(e.data).values())) for e in self.contact_edits
        )
        return (tuple(vars(self.to_input()).values()), contacts)

    def is_dirty(self) -> bool:
        return self._state() != self._clean

    # ------------------------------------------------------------ contacts

    def _selected_contact(self) -> ContactEdit | None:
        index = self.ui.contactsView.currentIndex()
        rows = self.ui.contactsView.selectionModel().selectedRows()
        if not rows or not index.isValid():
            return None
        return self.contacts_model.edit_at(index.row())

    def _update_buttons(self, *_args: object) -> None:
        chosen = self._selected_contact() is not None
        self.ui.editContactButton.setEnabled(chosen)
        self.ui.deleteContactButton.setEnabled(chosen)
        count = len(self.contacts_model.visible())
        self.ui.copyContactsButton.setEnabled(count > 0)
        self.ui.tabs.setTabText(CONTACTS_TAB, self.tr("联系人") + (f"（{count}）" if count else ""))
        if count == 0:
            self.ui.contactsHint.setText(self.tr("还没有联系人。点“新增联系人”添加。"))
        else:
            self.ui.contactsHint.setText(
                self.tr("联系人在本程序中完整显示；复制、导出和报表中手机、微信、邮箱会打码。")
            )

    def _ask_contact(self, edit: ContactEdit | None) -> ContactInput | None:
        """The contact form, modal; the input if the user pressed OK."""
        dialog = ContactDialog(edit.data if edit else None, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.to_input()

    def add_contact(self, data: ContactInput | None = None) -> bool:
        """Keep a new contact (``data``, or asked for with the contact form)."""
        data = data or self._ask_contact(None)
        if data is None:
            return False
        self.contact_edits.append(ContactEdit(None, data, changed=True))
        self.contacts_model.refresh()
        self.ui.contactsView.selectRow(len(self.contacts_model.visible()) - 1)
        self._update_buttons()
        return True

    def edit_contact(self, data: ContactInput | None = None) -> bool:
        """Change the selected contact (to ``data``, or as edited in the contact form)."""
        edit = self._selected_contact()
        if edit is None:
            return False
        data = data or self._ask_contact(edit)
        if data is None:
            return False
        edit.data = data
        edit.changed = True
        self.contacts_model.refresh()
        self._update_buttons()
        return True

    def delete_contact(self) -> bool:
        edit = self._selected_contact()
        if edit is None:
            return False
        if edit.id is None:
            self.contact_edits.remove(edit)
        else:
            edit.deleted = True
        self.contacts_model.refresh()
        self._update_buttons()
        return True

    def contacts_text(self, *, reveal: bool) -> str:
        """The contacts as text for the clipboard: masked unless ``reveal``."""
        rows = [
            ContactRow(e.id or "", "", *(getattr(e.data, k) for k in ContactsModel.ATTRS))
            for e in self.contacts_model.visible()
        ]
        lines = []
        for c in export_safe(rows, reveal=reveal):
            parts = [c.name, c.title, c.mobile, c.wechat and f"微信 {c.wechat}", c.email]
            lines.append("　".join(p for p in parts if p))
        return "\n".join(lines)

    def copy_contacts(self) -> str:
        text = self.contacts_text(reveal=self.ui.revealCheck.isChecked())
        QGuiApplication.clipboard().setText(text)
        self.ui.contactsHint.setText(
            self.tr("已复制 %n 位联系人", "", len(self.contacts_model.visible()))
            + (
                self.tr("（含完整号码）")
                if self.ui.revealCheck.isChecked()
                else self.tr("（已打码）")
            )
        )
        return text

    # ------------------------------------------------------------ history and duplicates

    def _load_history(self) -> None:
        if self.company is None:
            return
        with self.db.session(readonly=True) as s:
            self.history_model.set_rows(company_history(s, self.company.id))
        empty = self.history_model.rowCount() == 0
        self.ui.historyHint.setText(
            self.tr("还没有修改或合并记录（批量导入的数据不带修改历史）。") if empty else ""
        )
        self.ui.historyHint.setVisible(empty)

    def _check_duplicates(self) -> None:
        assert self.company is not None
        with self.db.session(readonly=True) as s:
            self._duplicates = find_duplicates(
                s, self.company.name, self.company.uscc, exclude_id=self.company.id
            )
        shown = bool(self._duplicates)
        self.ui.duplicateLabel.setVisible(shown)
        self.ui.mergeButton.setVisible(shown)
        if shown:
            names = "、".join(f"“{c.name}”" for c in self._duplicates[:3])
            self.ui.duplicateLabel.setText(self.tr("可能与已有企业重复：") + names)

    def _merge_clicked(self) -> None:
        if self.company is None or not self._duplicates:
            return
        if self.is_dirty() and not self._confirm_discard():
            return
        self.merge_requested.emit(self.company.id, self._duplicates[0].id)
        QDialog.reject(self)

    # ------------------------------------------------------------ saving

    def ask_duplicate(self, candidates: Sequence[DuplicateCandidate], certain: bool) -> str:
        """Ask what to do about a duplicate: if TYPE_CHECKING:
            from sqlalchemy.orm import Session

        OPEN_EXISTING, CREATE_ANYWAY or CANCEL."""
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

    def _save_contacts(self, s: Session, company_id: str) -> None:
        for edit in self.contact_edits:
            try:
                if edit.id is None and not edit.deleted:
                    edit.id = add_contact(s, company_id, edit.data, self.actor).id
                elif edit.id is not None and edit.deleted:
                    delete_contact(s, edit.id, self.actor)
                elif edit.id is not None and edit.changed:
                    update_contact(s, edit.id, edit.data, self.actor)
            except ValidationError as exc:
                name = edit.data.name or self.tr("（未填姓名）")
                raise ValidationError(
                    {
                        f"contact:{k}": f"{self.tr('联系人')}{name}：{v}"
                        for k, v in exc.errors.items()
                    }
                ) from exc

    def save(self, *, allow_likely_duplicate: bool = False) -> bool:
        data = self.to_input()
        new_ids: list[ContactEdit] = [e for e in self.contact_edits if e.id is None]
        try:
            with self.db.session() as s:
                if self.company is None:
                    detail = create_company(
                        s, data, self.actor, allow_likely_duplicate=allow_likely_duplicate
                    )
                else:
                    detail = update_company(s, self.company.id, data, self.actor)
                self._save_contacts(s, detail.id)
        except DuplicateCompanyError as exc:
            self._forget_ids(new_ids)
            choice = self.ask_duplicate(exc.candidates, exc.certain)
            if choice == OPEN_EXISTING:
                self.open_existing.emit(exc.candidates[0].id)
                QDialog.reject(self)  # the user chose the existing record: no question
            elif choice == CREATE_ANYWAY:
                return self.save(allow_likely_duplicate=True)
            return False
        except (ValidationError, NotFoundError) as exc:
            self._forget_ids(new_ids)
            self.error.setText(
                "\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            )
            return False
        self.saved_id = detail.id
        self._clean = self._state()
        self.hub.announce(Hub.COMPANIES)
        self.accept()
        return True

    @staticmethod
    def _forget_ids(edits: list[ContactEdit]) -> None:
        """A failed save rolled back: contacts it had inserted are new again."""
        for edit in edits:
            edit.id = None

    # ------------------------------------------------------------ closing

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("放弃修改"),
            self.tr("有未保存的修改（含联系人），确定放弃吗？"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.isVisible() and self.is_dirty() and not self._confirm_discard():
            return
        super().reject()


def _contact_input(c: ContactRow) -> ContactInput:
    return ContactInput(c.name, c.title, c.mobile, c.wechat, c.email, c.notes)
