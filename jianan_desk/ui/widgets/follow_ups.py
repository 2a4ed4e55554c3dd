"""The 跟进 panel of the 外出招商 page (``forms/follow_ups_panel.ui``): open follow-ups
due today / this week / overdue, overall or of one person, completed in one click.

Completing records the done date and the note typed beside the button
(``services.visits.complete_follow_up``); with "同时记为一次拜访" the contact is also recorded
as a new visit of the company. The list comes from ``services.visits.follow_ups`` (the
same function as 首页's). Reloads itself when the hub announces trips or companies.

Signals:
    completed(str): a follow-up was closed (the visit's id); the hub was told ``trips``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.visits import complete_follow_up, follow_up_owners, follow_ups
from jianan_desk.store.engine import Database
from jianan_desk.ui.forms.ui_follow_ups_panel import Ui_FollowUpsPanel
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.trip_tables import FollowUpsModel

DUE, OVERDUE, TODAY, THIS_WEEK, ALL = "due", "overdue", "today", "this_week", "all"
BUCKET_CHOICES = (
    (DUE, "待办：逾期、今天和本周"),
    (OVERDUE, "已逾期"),
    (TODAY, "今天到期"),
    (THIS_WEEK, "本周到期"),
    (ALL, "全部未完成（含以后）"),
)


class FollowUpsPanel(QWidget):
    completed = Signal(str)

    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor, self._today = db, hub, actor, today
        self.ui = Ui_FollowUpsPanel()
        self.ui.setupUi(self)
        self.model = FollowUpsModel(self)
        view = self.ui.followUpsView
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FollowUpsModel.NEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 96), (1, 86), (2, 240), (4, 80), (5, 96)):
            header.resizeSection(column, width)
        for code, label in BUCKET_CHOICES:
            self.ui.bucketCombo.addItem(self.tr(label), code)
        self.ui.bucketCombo.currentIndexChanged.connect(self.reload)
        self.ui.ownerCombo.currentIndexChanged.connect(self.reload)
        self.ui.completeButton.clicked.connect(lambda: self.complete_selected())
        self.ui.noteEdit.returnPressed.connect(lambda: self.complete_selected())
        shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.complete_selected())
        view.selectionModel().selectionChanged.connect(self._update_button)
        hub.changed.connect(self._on_changed)
        self._fill_owners()
        self.reload()

    def _fill_owners(self) -> None:
        current = self.ui.ownerCombo.currentData()
        with self.db.session(readonly=True) as s:
            owners = follow_up_owners(s)
        combo = self.ui.ownerCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("全部人员"), None)
        for name in owners:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
        combo.blockSignals(False)

    def set_bucket(self, code: str) -> None:
        self.ui.bucketCombo.setCurrentIndex(self.ui.bucketCombo.findData(code))

    def set_owner(self, name: str | None) -> None:
        index = self.ui.ownerCombo.findData(name) if name else 0
        self.ui.ownerCombo.setCurrentIndex(max(index, 0))

    def reload(self) -> None:
        bucket = self.ui.bucketCombo.currentData() or DUE
        owner = self.ui.ownerCombo.currentData()
        today = self._today()
        with self.db.session(readonly=True) as s:
            result = follow_ups(s, today=today, owner=owner, include_later=bucket == ALL)
        items = [f for f in result.items if bucket in (DUE, ALL) or f.bucket == bucket]
        self.model.set_rows(items)
        counts = result.counts
        self.ui.countLabel.setText(
            self.tr("逾期 %1　今天 %2　本周 %3")
            .replace("%1", str(counts.get("overdue", 0)))
            .replace("%2", str(counts.get("today", 0)))
            .replace("%3", str(counts.get("this_week", 0)))
        )
        self.ui.emptyLabel.setVisible(not items)
        self.ui.followUpsView.setVisible(bool(items))
        if items:
            self.ui.followUpsView.selectRow(0)
        self._update_button()

    def _update_button(self, *_args: object) -> None:
        self.ui.completeButton.setEnabled(self.selected_visit_id() is not None)

    def selected_visit_id(self) -> str | None:
        rows = self.ui.followUpsView.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(rows[0].row()).visit_id

    def complete_selected(self) -> bool:
        """One click: the selected follow-up is done today, with the note (and a visit)."""
        visit_id = self.selected_visit_id()
        if visit_id is None:
            return False
        row = self.model.row(self.ui.followUpsView.currentIndex().row())
        note = self.ui.noteEdit.text()
        record = self.ui.recordVisitCheck.isChecked()
        try:
            with self.db.session() as s:
                complete_follow_up(
                    s, visit_id, self.actor, on=self._today(), note=note, record_visit=record
                )
        except ValidationError as exc:
            self.ui.statusLabel.setText("\n".join(exc.errors.values()))
            return False
        except NotFoundError as exc:
            self.ui.statusLabel.setText(str(exc))
            return False
        self.ui.noteEdit.clear()
        self.ui.statusLabel.setText(
            self.tr("已完成跟进：%1").replace("%1", row.company_name)
            + (self.tr("（已记为一次拜访）") if record else "")
        )
        self.hub.announce(Hub.TRIPS)
        self.completed.emit(visit_id)
        return True

    def _on_changed(self, what: str) -> None:
        if Hub.concerns(what, Hub.TRIPS, Hub.COMPANIES):
            self._fill_owners()
            self.reload()
