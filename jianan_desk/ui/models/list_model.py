"""Read-only tables over short lists that a service returns whole (a problem's notes, a
company's history, the 首页 lists, a trip's visits, sync previews…): no lazy fetching.

``RowsModel`` is the plumbing (the rows, counts, headers, flags, bounds); a subclass says
what a cell shows for a role (``cell``). ``ListModel`` is the common case: a subclass names
its ``HEADERS`` and the values a row shows (``values``); sorting (through ``SORT_ROLE``),
right-aligned numbers, the entity id and an optional highlight colour come from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ListModel", text)


def cell_text(value: Any) -> str:
    """A value as a cell shows it: local time, ISO date, 亿元 from 万元, plain text."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        at = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return at.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value / 10000:,.2f}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list held whole; ``cell(row, column, role)`` says what a
    cell shows. Headers: ``HEADERS`` (translated once), or ``self.headers`` set by the
    subclass."""

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self.headers: tuple[str, ...] = tuple(_tr(h) for h in self.HEADERS)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row(self, i: int) -> T:
        return self._rows[i]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.headers):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: T, column: int, role: int) -> Any:
        raise NotImplementedError

    def entity(self, row: T) -> Any:
        """What ``ENTITY_ROLE`` returns: the row's id unless a subclass says otherwise."""
        return getattr(row, "id", None)


class ColumnsModel(RowsModel[T]):
    """Columns listed as (header, getter) pairs in ``COLUMNS``; ``display`` and
    ``sort_value`` say how a value shows and sorts, ``style`` adds colours and tints."""

    COLUMNS: ClassVar[tuple[tuple[str, Callable[[Any], Any]], ...]] = ()
    ALIGN_RIGHT: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = tuple(_tr(name) for name, _ in self.COLUMNS)

    def display(self, value: Any) -> str:
        return cell_text(value)

    def sort_value(self, value: Any, column: int) -> Any:
        return "" if value is None else value

    def style(self, row: T, column: int, role: int) -> Any:
        return None

    def cell(self, row: T, column: int, role: int) -> Any:
        if role == ENTITY_ROLE:
            return self.entity(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.ALIGN_RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(self.COLUMNS[column][1](row))
        if role == SORT_ROLE:
            return self.sort_value(self.COLUMNS[column][1](row), column)
        return self.style(row, column, role)


class ListModel(RowsModel[T]):
    """A read-only table over a list of dataclasses: ``HEADERS`` and ``values(row)``."""

    # Columns drawn in the highlight colour (None: the whole row).
    HIGHLIGHT_COLUMNS: ClassVar[tuple[int, ...] | None] = None

    def values(self, row: T) -> tuple[Any, ...]:
        raise NotImplementedError

    def highlight(self, row: T) -> QColor | None:
        return None

    def cell(self, row: T, column: int, role: int) -> Any:
        if role == ENTITY_ROLE:
            return self.entity(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            columns = self.HIGHLIGHT_COLUMNS
            color = self.highlight(row)
            if color is None or (columns is not None and column not in columns):
                return None
            return QBrush(color)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if isinstance(self.values(row)[column], int | float | Decimal):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.values(row)[column]
        if role == SORT_ROLE:
            return "" if value is None else value
        return cell_text(value)
