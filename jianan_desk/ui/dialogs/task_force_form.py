"""The task-force form (新建/编辑专班), laid out in ``forms/task_force_form.ui``: name, head
(a district leader), deputy, full-time liaison, lead unit and member units."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.problems import units_with_problems
from jianan_desk.services.task_forces import (
    TaskForceDetail,
    TaskForceInput,
    create_task_force,
    update_task_force,
)
from jianan_desk.store.engine import Database
from jianan_desk.ui.forms.ui_task_force_form import Ui_TaskForceFormDialog
from jianan_desk.ui.hub import Hub

FIELD_LABELS = {
    "name": "专班名称",
    "head_leader": "专班长",
    "deputy": "副专班长",
    "liaison": "联络员",
    "member_unit_ids": "成员单位",
}


class TaskForceDialog(QDialog):
    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        as_of: dt.date,
        task_force: TaskForceDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor, self.as_of = db, hub, actor, as_of
        self.task_force = task_force
        self.saved_id: str | None = None
        self.ui = Ui_TaskForceFormDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.error = u.errorLabel
        self.setWindowTitle(self.tr("编辑专班") if task_force else self.tr("新建专班"))
        with db.session(readonly=True) as s:
            units = units_with_problems(s)
        u.lead_unit_combo.addItem(self.tr("（未指定）"), None)
        members = {uid for uid, _ in task_force.member_units} if task_force else set()
        for uid, name in units:
            u.lead_unit_combo.addItem(name, uid)
            item = QListWidgetItem(name, u.members_list)
            item.setData(Qt.ItemDataRole.UserRole, uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = uid in members
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if task_force is not None:
            r = task_force.row
            u.name_edit.setText(r.name)
            u.head_edit.setText(r.head_leader)
            u.deputy_edit.setText(r.deputy)
            u.liaison_edit.setText(r.liaison)
            u.notes_edit.setPlainText(task_force.notes)
            u.lead_unit_combo.setCurrentIndex(
                max(u.lead_unit_combo.findData(task_force.lead_unit_id), 0)
            )
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        u.name_edit.setFocus()

    def to_input(self) -> TaskForceInput:
        u = self.ui
        members = [
            u.members_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(u.members_list.count())
            if u.members_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return TaskForceInput(
            name=u.name_edit.text(),
            head_leader=u.head_edit.text(),
            deputy=u.deputy_edit.text(),
            liaison=u.liaison_edit.text(),
            lead_unit_id=u.lead_unit_combo.currentData(),
            member_unit_ids=members,
            notes=u.notes_edit.toPlainText(),
        )

    def save(self) -> bool:
        try:
            with self.db.session() as s:
                if self.task_force is None:
                    detail = create_task_force(s, self.to_input(), self.actor, as_of=self.as_of)
                else:
                    detail = update_task_force(
                        s, self.task_force.row.id, self.to_input(), self.actor, as_of=self.as_of
                    )
        except ValidationError as exc:
            self.error.setText(
                "\n".join(f"{FIELD_LABELS.get(k, k)}：{v}" for k, v in exc.errors.items())
            )
            return False
        except NotFoundError as exc:
            self.error.setText(str(exc))
            return False
        self.saved_id = detail.row.id
        self.hub.announce(Hub.TASK_FORCES)
        self.accept()
        return True
