"""The 客商 list: a lazy table model over the ids of a filtered, sorted company query.

Same pattern as ``project_table``: all matching ids in display order
(``services.companies.fetch_company_ids``), display rows a window at a time
(``fetch_company_rows``), both off the GUI thread with their own read-only Session.
Sorting is done in SQL.

Signals:
    loaded(int): after a reload: the row count.
    failed(str): a query failed (message for the user).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)

from jianan_desk.services.companies import (
    CompanyFilter,
    CompanyRow,
    fetch_company_ids,
    fetch_company_rows,
)
from jianan_desk.store.engine import Database
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex
from jianan_desk.ui.operations import run_in_background

WINDOW = 200


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompaniesTableModel", text)


@dataclass(frozen=True)
class Column:
    key: str  # the services.companies SORT_COLUMNS name, or "" (not sortable in SQL)
    header: str
    attr: str


COLUMNS: tuple[Column, ...] = (
    Column("name", "企业名称", "name"),
    Column("uscc", "统一社会信用代码", "uscc"),
    Column("city", "城市", "city"),
    Column("industry_name", "所属产业", "industry_name"),
    Column("", "类型", "kind"),
    Column("last_visit_on", "最近联系", "last_visit_on"),
    Column("updated_at", "更新时间", "updated_at"),
)


def kind_text(row: CompanyRow) -> str:
    parts = [
        p for p, on in ((_tr("本地企业"), row.is_local), (_tr("目标企业"), row.is_target)) if on
    ]
    return "、".join(parts)


def display(column: Column, row: CompanyRow) -> str:
    if column.attr == "kind":
        return kind_text(row)
    value = getattr(row, column.attr)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class CompaniesTableModel(QAbstractTableModel):
    """Columns: ``COLUMNS`` (constants NAME … UPDATED_AT); rows: the filtered companies."""

    NAME, USCC, CITY, INDUSTRY, KIND, LAST_VISIT, UPDATED_AT = range(7)

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        db: Database,
        parent: Any = None,
        *,
        runner: Callable[..., Any] = run_in_background,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._run = runner
        self._filter = CompanyFilter()
        self._sort = "name"
        self._descending = False
        self._ids: list[str] = []
        self._rows: dict[int, CompanyRow] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self.busy = False

    @property
    def filter(self) -> CompanyFilter:
        return self._filter

    def set_filter(self, f: CompanyFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        db, f, sort, desc = self._db, self._filter, self._sort, self._descending
        self.busy = True

        def work() -> tuple[list[str], list[CompanyRow]]:
            with db.session(readonly=True) as s:
                ids = fetch_company_ids(s, f, sort, desc)
                return ids, fetch_company_rows(s, ids[:WINDOW])

        def done(result: tuple[list[str], list[CompanyRow]]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            ids, first = result
            self.beginResetModel()
            self._ids, self._rows, self._pending = ids, {}, set()
            self._store(0, ids[:WINDOW], first)
            self.endResetModel()
            self.busy = False
            self.loaded.emit(len(ids))

        self._run(work, on_result=done, on_error=self._error(generation))

    def _error(self, generation: int) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.busy = False
                self.failed.emit(str(exc) or type(exc).__name__)

        return failed

    def _store(self, start: int, ids: list[str], rows: list[CompanyRow]) -> None:
        by_id = {r.id: r for r in rows}
        for offset, ident in enumerate(ids):
            row = by_id.get(ident)
            if row is not None:
                self._rows[start + offset] = row

    def _request_window(self, window: int) -> None:
        if window in self._pending:
            return
        self._pending.add(window)
        generation = self._generation
        start = window * WINDOW
        ids = self._ids[start : start + WINDOW]
        db = self._db

        def work() -> list[CompanyRow]:
            with db.session(readonly=True) as s:
                return fetch_company_rows(s, ids)

        def done(rows: list[CompanyRow]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            self._pending.discard(window)
            self._store(start, ids, rows)
            if ids:
                last = start + len(ids) - 1
                self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))

        self._run(work, on_result=done, on_error=self._error(generation))

    def row_at(self, row: int) -> CompanyRow | None:
        found = self._rows.get(row)
        if found is None and 0 <= row < len(self._ids):
            self._request_window(row // WINDOW)
        return found

    def company_id(self, row: int) -> str:
        return self._ids[row]

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section].header)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ENTITY_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == SORT_ROLE:
            value = getattr(row, column.attr, None) if column.attr != "kind" else kind_text(row)
            return "" if value is None else value
        return display(column, row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or not COLUMNS[column].key:
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._ids:
            return
        self._sort, self._descending = key, descending
        self.reload()
