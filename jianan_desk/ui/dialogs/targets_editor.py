"""The targets editor: one year's annual targets (年度目标), opened from the 首页.

A table of the year's targets (plan, metric chosen by its Chinese name, display name, value
in the unit shown, unit); rows are added and removed in the table and written only on Save,
through ``services.dashboard.save_year_targets`` (``targets.set_target`` per row; a removed
target is soft-deleted). "复制上一年目标" adds last year's targets the table lacks (what
``targets.copy_targets`` does), to be checked and saved. Save stays disabled while a row is
invalid; the reason is shown in Chinese. After saving, the hub announces ``targets``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from jianan_desk.domain.metrics import METRICS
from jianan_desk.services.dashboard import save_year_targets, target_drafts
from jianan_desk.services.targets import TargetError
from jianan_desk.ui.dialogs.pace_profile import PaceProfileDialog
from jianan_desk.ui.dialogs.project_stage import current_actor
from jianan_desk.ui.forms.ui_targets_editor_dialog import Ui_TargetsEditorDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.targets_editor import TargetsEditorModel, is_rate
from jianan_desk.ui.style import muted_text

if TYPE_CHECKING:
    from jianan_desk.store.engine import Database

ERROR = "#d93025"
AnyIndex = QModelIndex | QPersistentModelIndex


class MetricDelegate(QStyledItemDelegate):
    """Edits the metric column with a combo box of the registry's Chinese names."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("metricEditor")
        for metric in METRICS:
            combo.addItem(metric.name, metric.key)
            combo.setItemData(combo.count() - 1, metric.description, Qt.ItemDataRole.ToolTipRole)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        key = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(key)
        editor.setCurrentIndex(found if found >= 0 else 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TargetsEditorDialog(QDialog):
    """The targets of ``year``; saving announces ``Hub.TARGETS`` on ``hub``."""

    def __init__(self, db: Database, hub: Hub, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TargetsEditorDialog()
        self.ui.setupUi(self)
        self.db = db
        self.hub = hub
        self.year = year
        self._note = ""  # the outcome of the last copy, shown while the rows are valid
        self.setWindowTitle(self.tr("编辑 {0} 年度目标").format(year))
        heading = QFont(self.font())
        heading.setPointSizeF(self.font().pointSizeF() * 1.35)
        heading.setWeight(QFont.Weight.Bold)
        self.ui.titleLabel.setFont(heading)
        self.ui.titleLabel.setText(self.tr("{0} 年度目标").format(year))
        self.ui.hintLabel.setStyleSheet(f"color: {muted_text(self.palette()).name()};")
        self.ui.copyButton.setText(self.tr("复制 {0} 年目标(&C)").format(year - 1))
        self.ui.copyButton.setToolTip(
            self.tr("把 {0} 年的目标中本年还没有的加入表格（已有的保留不变），核对后保存").format(
                year - 1
            )
        )

        self.model = TargetsEditorModel(self)
        view = self.ui.targetsView
        view.setModel(self.model)
        self.metric_delegate = MetricDelegate(view)
        view.setItemDelegateForColumn(TargetsEditorModel.METRIC, self.metric_delegate)
        header = view.horizontalHeader()
        header.setSectionResizeMode(TargetsEditorModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TargetsEditorModel.PLAN, 90)
        header.resizeSection(TargetsEditorModel.METRIC, 210)
        header.resizeSection(TargetsEditorModel.VALUE, 110)
        header.resizeSection(TargetsEditorModel.UNIT, 70)
        header.resizeSection(TargetsEditorModel.PROFILE, 90)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        self.save_button.clicked.connect(self.save)
        self.ui.addButton.clicked.connect(self.add_target)
        self.ui.removeButton.clicked.connect(self.remove_selected)
        self.ui.copyButton.clicked.connect(self.copy_previous_year)
        self.ui.profileButton.clicked.connect(self.edit_profile)
        view.doubleClicked.connect(self._double_clicked)
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
        ):
            signal.connect(self._validate)
        view.selectionModel().selectionChanged.connect(self._update_buttons)

        with db.session(readonly=True) as session:
            self.model.set_drafts(target_drafts(session, year))
        self._validate()

    # ------------------------------------------------------------------ actions

    @Slot()
    def add_target(self) -> None:
        self._note = ""
        row = self.model.add_row()
        index = self.model.index(row, TargetsEditorModel.METRIC)
        self.ui.targetsView.setCurrentIndex(index)
        self.ui.targetsView.edit(index)

    @Slot()
    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.ui.targetsView.selectionModel().selectedRows()})
        if not rows and self.ui.targetsView.currentIndex().isValid():
            rows = [self.ui.targetsView.currentIndex().row()]
        self._note = ""
        for row in reversed(rows):
            self.model.removeRow(row)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == TargetsEditorModel.PROFILE:
            self.edit_profile()

    def profile_dialog(self, row: int) -> PaceProfileDialog:
        """The monthly-profile dialog of ``row`` (not shown; ``edit_profile`` runs it)."""
        name = self.model.index(row, TargetsEditorModel.NAME).data()
        return PaceProfileDialog(name or "", self.model.profile_of(row), self)

    @Slot()
    def edit_profile(self) -> None:
        """Set the monthly pace profile of the current row (not for rate targets)."""
        row = self.ui.targetsView.currentIndex().row()
        if row < 0 or is_rate(self.model.rows()[row].metric_key):
            return
        dialog = self.profile_dialog(row)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._note = ""
            self.model.set_profile(row, dialog.profile())

    @Slot()
    def copy_previous_year(self) -> None:
        with self.db.session(readonly=True) as session:
            source = target_drafts(session, self.year - 1)
        if not source:
            self._note = self.tr("{0} 年没有可复制的目标。").format(self.year - 1)
        else:
            added = self.model.add_missing(source)
            if added:
                self._note = self.tr(
                    "已从 {0} 年复制 {1} 项目标（本年已有的保留不变），请核对目标值后保存。"
                ).format(self.year - 1, added)
            else:
                self._note = self.tr("{0} 年的目标本年都已设定，没有需要复制的。").format(
                    self.year - 1
                )
        self._validate()

    @Slot()
    def save(self) -> None:
        problems = self.model.problems()
        if problems:
            self._show_problems(problems)
            return
        try:
            with self.db.session() as session:
                save_year_targets(session, self.year, self.model.drafts(), current_actor())
        except TargetError as exc:
            self._show_problems([str(exc)])
            return
        self.model.dirty = False
        self.hub.announce(Hub.TARGETS)
        self.accept()

    # ------------------------------------------------------------------ state

    @Slot()
    def _validate(self, *_args: Any) -> None:
        problems = self.model.problems()
        self.save_button.setEnabled(not problems)
        if problems:
            self._show_problems(problems)
        else:
            self.ui.problemLabel.setStyleSheet(f"color: {muted_text(self.palette()).name()};")
            self.ui.problemLabel.setText(self._note or self._summary())
        self._update_buttons()

    def _summary(self) -> str:
        n = self.model.rowCount()
        if n == 0:
            return self.tr("本年还没有目标：点“添加目标”或“复制上一年目标”。")
        return self.tr("共 {0} 项目标。").format(n)

    def _show_problems(self, problems: list[str]) -> None:
        more = self.tr("（另有 {0} 处问题）").format(len(problems) - 1) if len(problems) > 1 else ""
        self.ui.problemLabel.setStyleSheet(f"color: {ERROR};")
        self.ui.problemLabel.setText(problems[0] + more)

    @Slot()
    def _update_buttons(self, *_args: Any) -> None:
        has_row = self.ui.targetsView.currentIndex().isValid() or bool(
            self.ui.targetsView.selectionModel().selectedRows()
        )
        self.ui.removeButton.setEnabled(has_row and self.model.rowCount() > 0)
        row = self.ui.targetsView.currentIndex().row()
        self.ui.profileButton.setEnabled(
            0 <= row < self.model.rowCount() and not is_rate(self.model.rows()[row].metric_key)
        )

    @property
    def problems(self) -> list[str]:
        return self.model.problems()
