"""The 客商 list: a lazy table model over a filtered, sorted company list, searched as the
user types.

Every keystroke in the search box is answered in two steps, the newer keystroke
superseding the older (its results dropped, its queries interrupted):

1. the first window (``WINDOW`` rows, what the view shows at once): the model resets to
   those rows, and is done if there are no more;
2. otherwise, off the GUI thread, every matching id in display order: the rows beyond the
   first window are appended (no reset: scroll position and selection stay) and
   ``loaded`` gives the count.

Both steps search in memory when the list's ``CompanyIndex`` is loaded: every company the
other filters select, in display order, with its name and search key (``services
.companies.load_company_index``, loaded off the GUI thread once the list is first shown,
and again after a change of filter, sort or data). Then step 1 runs on the GUI thread (a
few ms even for a rare term, no thread hop): the first rows show their names at once and
their other columns as soon as a worker has fetched them (``details_pending``). Without
the index (just opened, or just changed) both steps query SQL off the GUI thread instead:
``list_companies`` with a LIMIT, then ``fetch_company_ids``. The index belongs to a filter
without its text, a sort and a data version: ``reload`` (the hub announced a change) bumps
the version, so an index of older data is never used. Rows beyond the first window are
fetched a window at a time when the view first paints them (``fetch_company_rows``); the
``MAX_WINDOWS`` most recently used are kept. Sorting is done in SQL or by the index's
order, never by a proxy.

Signals:
    shown(int): the first rows of the latest filter are in the model (how many rows it has).
    loaded(int): the model has every row of the latest filter: the count.
    failed(str): a query failed (message for the user).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)

from jianan_desk.domain.search import query_terms
from jianan_desk.services.companies import (
    CompanyFilter,
    CompanyIndex,
    CompanyRow,
    ContactInput,
    HistoryLine,
    IdsAt,
    fetch_company_ids,
    fetch_company_rows,
    list_companies,
    load_company_index,
)
from jianan_desk.services.project_query import CancelToken, interruptible
from jianan_desk.store.engine import Database
from jianan_desk.ui.models.lazy_table import LazyTableModel, Window
from jianan_desk.ui.models.list_model import ListModel
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex
from jianan_desk.ui.operations import run_in_background

WINDOW = 50  # rows fetched at a time; the first window is what the view shows at once
MAX_WINDOWS = 120  # windows kept (6,000 rows)
FIND_ALL_DELAY_MS = 2  # the rest of the matches is looked for this long after the first


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


_EMPTY = ("",) * len(COLUMNS)


def _window(
    ids: Sequence[str], rows: Sequence[CompanyRow]
) -> tuple[list[CompanyRow | None], list[tuple[str, ...]]]:
    """``rows`` in the order of ``ids`` (None where one is gone) and every cell's text,
    computed on the worker thread so that painting only looks them up."""
    by_id = {r.id: r for r in rows}
    aligned = [by_id.get(i) for i in ids]
    texts = [_EMPTY if r is None else tuple(display(c, r) for c in COLUMNS) for r in aligned]
    return aligned, texts


_First = tuple[Sequence[str], list[CompanyRow | None], list[tuple[str, ...]], bool]


class CompaniesTableModel(LazyTableModel):
    """Columns: ``COLUMNS`` (constants NAME … UPDATED_AT); rows: the filtered companies.
    The windows, Qt's questions and the dropping of stale answers: ``LazyTableModel``."""

    NAME, USCC, CITY, INDUSTRY, KIND, LAST_VISIT, UPDATED_AT = range(7)
    headers = tuple(c.header for c in COLUMNS)
    max_windows = MAX_WINDOWS

    shown = Signal(int)
    loaded = Signal(int)

    def __init__(
        self,
        db: Database,
        parent: Any = None,
        *,
        runner: Callable[..., Any] = run_in_background,
    ) -> None:
        super().__init__(parent, runner=runner)
        self._db = db
        self._filter = CompanyFilter()
        self._sort = "name"
        self._descending = False
        self._data_version = 0  # bumped by reload(): an index of older data is not used
        self._index: CompanyIndex | None = None
        self._index_for: tuple[Any, ...] | None = None
        self._index_loading: tuple[Any, ...] | None = None
        self._answer: tuple[str, IdsAt] | None = None  # (text, every match) from the index
        self._answer_for: tuple[Any, ...] | None = None
        self._index_token = CancelToken()  # cancelled by a newer index load, or the end
        self._tokens.append(self._index_token)
        self.busy = False  # until the first rows of the latest filter are shown
        self.details_pending = False  # the first rows show their names only, so far
        self.counting = False  # until every row of the latest filter is in
        self.from_memory = 0  # first windows found in the index (for tests and benchmarks)

    @property  # type: ignore[override]
    def window_size(self) -> int:
        return WINDOW  # read when used (tests make it small)

    @property
    def filter(self) -> CompanyFilter:
        return self._filter

    @property
    def indexed(self) -> bool:
        """True if the search index of the current filter and sort is loaded."""
        return self._index is not None and self._index_for == self._base()

    def set_filter(self, f: CompanyFilter) -> None:
        """Show the companies ``f`` selects (the rows of an older filter are dropped)."""
        self._filter = f
        self._load()

    def reload(self) -> None:
        """Query again (the data changed): the search index is loaded again too."""
        self._data_version += 1
        self._index = self._index_for = None
        self._load()

    def _base(self) -> tuple[Any, ...]:
        """What the search index depends on: the filter without its text, the sort, the
        data version (and the day, for "not contacted for N days")."""
        f = self._filter
        today = f.today or (dt.date.today() if f.last_contact_before_days is not None else None)
        base = dataclasses.replace(
            f,
            text="",
            cities=tuple(f.cities),
            industry_node_ids=tuple(f.industry_node_ids),
            today=today,
        )
        return (base, self._sort, self._descending, self._data_version)

    # ------------------------------------------------------------ the two steps

    def _load(self) -> None:
        self._generation += 1
        generation = self._generation
        token = self._new_token()  # whatever still runs for an older filter: stop it
        db, f, sort, desc = self._db, self._filter, self._sort, self._descending
        base = self._base()
        index = self._index if self._index_for == base else None
        text = f.text
        self.busy = self.counting = True

        def first() -> _First:
            token.check()  # superseded while queued: do not start
            with db.session(readonly=True) as s, interruptible(s, token):
                found = list_companies(s, f, sort=sort, descending=desc, limit=WINDOW + 1)
            complete = len(found) <= WINDOW
            found = found[:WINDOW]
            ids = [r.id for r in found]
            return (ids, *_window(ids, found), complete)

        def shown(result: _First) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            ids, rows, texts, complete = result
            self.beginResetModel()
            self._ids = ids
            self._count = len(ids)
            self._clear_windows((rows, texts))
            self.endResetModel()
            self.busy = self.details_pending = False
            self.from_memory += index is not None
            self.shown.emit(self._count)
            if complete:
                self.counting = False
                self.loaded.emit(self._count)
            elif index is None and query_terms(text):
                # after the first rows are painted (a real timer: Qt posts the repaint at low
                # priority, after a zero timer); the search's Python would compete with the
                # paint's data() calls for the GIL
                QTimer.singleShot(FIND_ALL_DELAY_MS, lambda: self._find_all(generation, token))
            # (from the index: once the first rows' other columns are in, ``_request_window``;
            # no text and no index: the index, loaded next, has every id)
            self._load_index(base)

        if index is None:
            self._run(first, on_result=shown, on_error=self._error(generation))
            return
        # In memory, here on the GUI thread (no thread hop, a few ms even for a rare term):
        # the first window's ids and names are shown at once; the worker fetches the other
        # columns of those rows right after (``details_pending`` until they are in).
        if query_terms(text):
            ids, names, complete = index.search(text, WINDOW)
        else:
            ids, names, complete = index.ids, index.names[:WINDOW], True
        shown((ids, [None] * len(names), [(n, *_EMPTY[1:]) for n in names], complete))
        if names:
            self.details_pending = True
            self._request_window(0, force=True)

    def _find_all(self, generation: int, token: CancelToken) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        db, f, sort, desc = self._db, self._filter, self._sort, self._descending
        base = self._base()
        index = self._index if self._index_for == base else None
        # the answer to the text typed before, if the new text narrows it: only its rows
        previous = self._answer if self._answer_for == base else None

        def work() -> Sequence[str]:
            token.check()
            if index is not None:
                return index.find(f.text, check=token.check, previous=previous)
            with db.session(readonly=True) as s, interruptible(s, token):
                return fetch_company_ids(s, f, sort, desc)

        def done(ids: Sequence[str]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                if isinstance(ids, IdsAt):
                    self._answer, self._answer_for = (f.text, ids), base
                self._complete(ids)

        self._run(work, on_result=done, on_error=self._error(generation))

    def _complete(self, ids: Sequence[str]) -> None:
        """Every id of the current filter is in: append the rows after the first window
        (or start again if the first rows changed meanwhile)."""
        n = self._count
        if len(ids) >= n and list(ids[:n]) == list(self._ids[:n]):
            if len(ids) > n:
                self.beginInsertRows(QModelIndex(), n, len(ids) - 1)
                self._ids, self._count = ids, len(ids)
                self.endInsertRows()
            else:
                self._ids = ids
        else:  # another user changed the list between the two steps
            self.beginResetModel()
            self._ids, self._count = ids, len(ids)
            self._clear_windows()
            self.endResetModel()
        self.counting = False
        self.loaded.emit(self._count)

    def _load_index(self, base: tuple[Any, ...]) -> None:
        """Load the search index of ``base`` (unless it is in or on its way)."""
        if base in (self._index_for, self._index_loading):
            return
        self._index_token.cancel()
        token = self._index_token = self._tokens[1] = CancelToken()
        self._index_loading = base
        db, f, sort, desc = self._db, base[0], base[1], base[2]

        def work() -> CompanyIndex:
            token.check()
            with db.session(readonly=True) as s, interruptible(s, token):
                return load_company_index(s, f, sort, desc)

        def done(index: CompanyIndex) -> None:
            if not shiboken6.isValid(self) or self._index_loading != base:
                return
            self._index_loading = None
            if base != self._base():
                return  # the filter, sort or data changed while it loaded
            self._index, self._index_for = index, base
            if self.counting and not self.busy and not query_terms(self._filter.text):
                self._complete(index.ids)  # the unsearched list: the index has every id

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and self._index_loading == base:
                self._index_loading = None
            self._error(self._generation)(exc)

        self._run(work, on_result=done, on_error=failed)

    def query_failed(self) -> None:
        self.busy = self.counting = False

    # ------------------------------------------------------------ windows (LazyTableModel)

    def fetch_window(self, ids: list[str]) -> Callable[[CancelToken], Window]:
        db = self._db

        def fetch(token: CancelToken) -> Window:
            with db.session(readonly=True) as s, interruptible(s, token):
                return _window(ids, fetch_company_rows(s, ids))

        return fetch

    def window_arrived(self, window: int) -> None:
        if window == 0 and self.details_pending:
            self.details_pending = False
            if self.counting:  # now the rest of the matches (see _load)
                generation, token = self._generation, self._token
                QTimer.singleShot(FIND_ALL_DELAY_MS, lambda: self._find_all(generation, token))

    def header_text(self, section: int) -> str:
        return _tr(COLUMNS[section].header)

    def sort_value(self, column: int, row: CompanyRow) -> Any:
        attr = COLUMNS[column].attr
        value = getattr(row, attr, None) if attr != "kind" else kind_text(row)
        return "" if value is None else value

    def company_id(self, row: int) -> str:
        return self._ids[row]

    # ------------------------------------------------------------ Qt model API

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or not COLUMNS[column].key:
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._count:
            return
        self._sort, self._descending = key, descending
        self._load()


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


class CompanyHistoryModel(ListModel[HistoryLine]):
    """A company's history (``services.companies.company_history``), newest first."""

    AT, ACTOR, WHAT, DETAIL = range(4)
    HEADERS = ("时间", "操作人", "事项", "说明")

    def values(self, row: HistoryLine) -> tuple[Any, ...]:
        return (row.at, row.actor, row.what, row.detail)
