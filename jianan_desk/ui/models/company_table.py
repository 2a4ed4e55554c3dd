"""The 客商 list: a lazy table model over the ids of a filtered, sorted company query.

Same pattern as ``project_table``: all matching ids in display order
(``services.companies.fetch_company_keys``: with their search keys, so that typing on in
the search box narrows the rows in memory), display rows a window at a time
(``fetch_company_rows``), both off the GUI thread with their own read-only Session.
Sorting is done in SQL.

Signals:
    loaded(int): after a reload: the row count.
    failed(str): a query failed (message for the user).
"""

from __future__ import annotations

import dataclasses
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
    ContactInput,
    HistoryLine,
    fetch_company_keys,
    fetch_company_rows,
    narrow_company_keys,
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
        # (id, search key) of every row shown, with the filter that gave them: a search
        # text that narrows it is applied in memory (typing "san" → "sanj")
        self._keyed: list[tuple[str, str]] | None = None
        self._keyed_for: tuple[CompanyFilter, str, bool] | None = None
        self.narrowed = 0  # reloads answered in memory (for tests and benchmarks)

    @property
    def filter(self) -> CompanyFilter:
        return self._filter

    def set_filter(self, f: CompanyFilter) -> None:
        """Show the companies ``f`` selects; a narrower search text than the one shown
        (all else equal) is applied to the rows in memory, without a query."""
        self._filter = f
        self._load(fresh=False)

    def reload(self) -> None:
        """Query again (the data changed)."""
        self._load(fresh=True)

    def _narrowable(self) -> tuple[list[tuple[str, str]], str] | None:
        """The rows shown and their search text, if only the search text changed."""
        if self._keyed is None or self._keyed_for is None:
            return None
        before, sort, desc = self._keyed_for
        if (sort, desc) != (self._sort, self._descending):
            return None
        if dataclasses.replace(before, text="") != dataclasses.replace(self._filter, text=""):
            return None
        return self._keyed, before.text

    def _load(self, *, fresh: bool) -> None:
        self._generation += 1
        generation = self._generation
        db, f, sort, desc = self._db, self._filter, self._sort, self._descending
        self.busy = True
        base = None if fresh else self._narrowable()

        # The id list is built here too, off the GUI thread (100k rows: tens of ms).
        def work() -> tuple[list[tuple[str, str]], list[str], list[CompanyRow], bool]:
            found = narrow_company_keys(base[0], f.text, base[1]) if base else None
            with db.session(readonly=True) as s:
                if found is None:
                    found, first = query(s)
                    return found, [i for i, _ in found], first, False
                ids = [i for i, _ in found]
                return found, ids, fetch_company_rows(s, ids[:WINDOW]), True

        def query(s: Any) -> tuple[list[tuple[str, str]], list[CompanyRow]]:
            found = fetch_company_keys(s, f, sort, desc)
            return found, fetch_company_rows(s, [i for i, _ in found[:WINDOW]])

        def done(result: tuple[list[tuple[str, str]], list[str], list[CompanyRow], bool]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            found, ids, first, narrowed = result
            self.narrowed += narrowed
            self._keyed, self._keyed_for = found, (f, sort, desc)
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


# ---------------------------------------------------------------- the company form's tables


@dataclass
class ContactEdit:
    """A contact as the company form holds it until Save: ``id`` None for a new one;
    ``deleted`` marks one to tombstone; ``changed`` one to update."""

    id: str | None
    data: ContactInput
    changed: bool = False
    deleted: bool = False


class ContactsModel(QAbstractTableModel):
    """The company form's contacts, shown in full (this is the screen: no masking)."""

    NAME, TITLE, MOBILE, WECHAT, EMAIL, NOTES = range(6)
    HEADERS = ("姓名", "职务", "手机", "微信", "邮箱", "备注")
    ATTRS = ("name", "title", "mobile", "wechat", "email", "notes")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._edits: list[ContactEdit] = []

    def set_edits(self, edits: list[ContactEdit]) -> None:
        self.beginResetModel()
        self._edits = edits
        self.endResetModel()

    def refresh(self) -> None:
        """After the list given to ``set_edits`` changed."""
        self.set_edits(self._edits)

    def visible(self) -> list[ContactEdit]:
        return [e for e in self._edits if not e.deleted]

    def edit_at(self, row: int) -> ContactEdit:
        return self.visible()[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.visible())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return _tr(self.HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self.visible()
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        edit = rows[index.row()]
        if role == ENTITY_ROLE:
            return edit.id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            value = getattr(edit.data, self.ATTRS[index.column()]) or ""
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.NOTES:
                return " ".join(value.split())
            return value
        return None


class CompanyHistoryModel(QAbstractTableModel):
    """A company's history (``services.companies.company_history``), newest first."""

    AT, ACTOR, WHAT, DETAIL = range(4)
    HEADERS = ("时间", "操作人", "事项", "说明")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryLine] = []

    def set_rows(self, rows: list[HistoryLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return _tr(self.HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        value: Any = (line.at, line.actor, line.what, line.detail)[index.column()]
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, dt.datetime):
                return _local(value).strftime("%Y-%m-%d %H:%M")
            return value
        return None


def _local(at: dt.datetime) -> dt.datetime:
    """A stored UTC time shown in the machine's local time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone()
