"""The stage history of one project (``ProjectDetail.timeline``) as a small table.

Superseded entries (undone by a correction) stay listed, greyed and struck through.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from jianan_desk.services.projects import TimelineEntry
from jianan_desk.ui.models.project_table import ENTITY_ROLE, SORT_ROLE
from jianan_desk.ui.models.roles import AnyIndex

HEADERS = ("日期", "阶段", "类型", "记录人", "说明 / 原因")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectTimelineModel", text)


class ProjectTimelineModel(QAbstractTableModel):
    DATE, STAGE, KIND, WHO, NOTE = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return _tr(HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        column = index.column()
        if role == ENTITY_ROLE:
            return e.id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == self.DATE:
                return (
                    e.occurred_on.isoformat()
                    if role == Qt.ItemDataRole.DisplayRole
                    else (e.occurred_on)
                )
            if column == self.STAGE:
                return e.stage_label
            if column == self.KIND:
                return e.kind_label + (_tr("（已撤销）") if e.superseded else "")
            if column == self.WHO:
                return e.recorded_by
            text = "；".join(t for t in (e.note, e.reason) if t)
            return text
        if role == Qt.ItemDataRole.FontRole and e.superseded:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and e.superseded:
            return QColor(140, 140, 140)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE:
            return "；".join(t for t in (e.note, e.reason) if t) or None
        return None
