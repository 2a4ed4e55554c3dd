"""The kanban's data: per stage, the cards (``ProjectRow``) of the filtered set.

``StageCardsModel`` is one column's list: the first cards by last update
(``services.project_board.CARDS_PER_COLUMN``), more appended by ``append_rows`` (the
column's "显示更多…"); the header says how many there are in all. Cards are dragged as the MIME type
``PROJECT_MIME`` carrying the project id; the drop is applied by the board widget's
``move_card`` (never by the model itself: a stage change is a service call).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    Qt,
)

from jianan_desk.domain.stages import Stage
from jianan_desk.services.project_query import ProjectRow
from jianan_desk.ui.models.project_table import ENTITY_ROLE, SORT_ROLE, yi_text
from jianan_desk.ui.models.roles import AnyIndex

PROJECT_MIME = "application/x-jianan-project-id"
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the whole ProjectRow (for the card delegate)
BOARD_STAGES: tuple[Stage, ...] = (
    Stage.LEAD,
    Stage.NEGOTIATING,
    Stage.SIGNED,
    Stage.PERFORMING,
    Stage.STARTED,
    Stage.OPERATING,
    Stage.DROPPED,
)


class StageCardsModel(QAbstractListModel):
    """The cards of one stage, in the order given."""

    def __init__(self, stage: Stage, parent: Any = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._rows: list[ProjectRow] = []

    def set_rows(self, rows: Sequence[ProjectRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[ProjectRow]) -> None:
        """Add ``rows`` at the end (cards already shown are skipped: a card can move
        between two fetches of the same column)."""
        known = {r.id for r in self._rows}
        new = [r for r in rows if r.id not in known]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(new)
        self.endInsertRows()

    def card(self, row: int) -> ProjectRow:
        return self._rows[row]

    def ids(self) -> list[str]:
        return [r.id for r in self._rows]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r.name
        if role == ENTITY_ROLE:
            return r.id
        if role == SORT_ROLE:
            return r.updated_at
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.name}\n{r.investor_name}\n{yi_text(r.total_investment_wan)} 亿元"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [PROJECT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            data.setData(PROJECT_MIME, self._rows[valid[0].row()].id.encode())
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
