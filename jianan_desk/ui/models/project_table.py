"""The 项目库 list: a lazy table model over the ids of a filtered, sorted query.

A reload shows the first window first and the footer's figures close behind:

1. the first 200 rows in the list's order, one query with a LIMIT and no count
   (``fetch_first_page``): the view is updated as soon as they are in (``shown``); fewer
   than 200 rows are every match, and their count and sum are the footer's at once;
2. beside it, off the GUI thread, the count and sum (``loaded``: the footer's figures; the
   rows beyond the first window are appended without a reset; a count in before the first
   rows waits for them; a text search's starts once its walk has met the page, or after
   the first rows if it gave up), and after the first rows every matching id in display order
   (``fetch_ids``, about 10 MB for 100,000 projects). ``counting`` until the count is in:
   the page's footer says 正在统计… meanwhile.

Later windows are fetched when the view first paints them (``fetch_rows`` of a slice of
the ids; by offset if the ids are not in yet); the 30 most recently used windows are
kept. Every query runs off the GUI thread with its own read-only Session; until a window
arrives its cells are empty. Sorting is done in SQL (``sort`` reloads); nothing is ever
sorted or filtered by a proxy.

What the model keeps is out of the garbage collector's reach: the ids are one tuple of
strings, and a window is a tuple of plain tuples (each row's id and native sort values;
each row's cell texts) built on the worker thread from the ``ProjectRow``s, which are then
dropped. CPython stops tracking a tuple that holds only untracked objects (str, Decimal,
dates, ints; a window's outer tuple one collection after its rows), so a full collection
no longer walks the 100,000 ids and 6,000 cached rows. Before, each of its passes touched
every one of them, and it ran on whichever thread allocated, often a worker, holding the
GIL while the GUI thread waited: the worst scroll stalls (100k database, busy machine:
15–41 ms of CPU per full collection before, 1.4–13 after).
``tests/ui/test_projects_page.py`` checks that nothing the model caches is tracked.

A newer filter, search or sort supersedes the queries still running for the older one
(the first window, the count, the ids): their results are dropped (never shown) and their
SQL is interrupted (``CancelToken`` + ``interruptible``: inside SQLite, by a cancel request
on PostgreSQL), so that they stop competing for the CPU at once.

Signals:
    shown(int): the first rows of the latest reload are in (how many rows the model has).
    loaded(int, object): its count and filtered sum (万元, Decimal) are in.
    failed(str): a query failed (message for the user).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
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
from jianan_desk.services.project_query import (
    CancelToken,
    ProjectFilter,
    ProjectRow,
    QueryCancelled,
    count_and_sum,
    fetch_first_page,
    fetch_ids,
    fetch_page,
    fetch_rows,
    interruptible,
)
from jianan_desk.store.engine import Database
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex
from jianan_desk.ui.operations import run_in_background

WINDOW = 200  # rows fetched at a time
IDS_DELAY_MS = 30  # the ids query starts this long after the first window is shown
MAX_WINDOWS = 30  # windows kept (6,000 rows)
WAN_PER_YI = Decimal(10_000)
_CENT = Decimal("0.01")


def yi_text(wan: Decimal | int | None) -> str:
    """万元 → ``"1,234.56"`` 亿元 (two decimals, half up); ``""`` for none."""
    if wan is None:
        return ""
    return f"{(Decimal(wan) / WAN_PER_YI).quantize(_CENT, rounding=ROUND_HALF_UP):,.2f}"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectsTableModel", text)


@dataclass(frozen=True)
class Column:
    key: str  # also the settings key and the SORT_COLUMNS name
    header: str
    attr: str  # ProjectRow attribute
    right: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("name", "项目名称", "name"),
    Column("code", "项目编码", "code"),
    Column("family", "类别", "family_label"),
    Column("investor", "投资方", "investor_name"),
    Column("stage", "阶段", "stage_label"),
    Column("total_investment", "总投资（亿元）", "total_investment_wan", right=True),
    Column("industry", "所属产业", "industry_name"),
    Column("chain_link", "产业链环节", "chain_link_name"),
    Column("field", "5122 领域", "field_name"),
    Column("unit", "责任单位", "unit_name"),
    Column("leader", "分包领导", "leader_in_charge"),
    Column("task_force", "专班", "task_force_name"),
    Column("signed_on", "签约日期", "signed_on"),
    Column("location", "建设地点", "location"),
    Column("updated_at", "更新时间", "updated_at"),
    Column("days_in_stage", "本阶段天数", "days_in_stage", right=True),
)
COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)
_STAGE_ORDER = {
    s: i
    for i, s in enumerate(
        ("lead", "negotiating", "signed", "performing", "started", "operating", "dropped")
    )
}


def display(column: Column, row: ProjectRow) -> str:
    value = getattr(row, column.attr)
    if value is None:
        return ""
    if column.key == "total_investment":
        return yi_text(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def texts_of(rows: Sequence[ProjectRow]) -> tuple[tuple[str, ...], ...]:
    """Every cell's text of ``rows``, computed once (on the worker thread) so that painting
    only looks them up."""
    return tuple(tuple(display(c, r) for c in COLUMNS) for r in rows)


# Plain ints and ready-made values: ``data()`` is called ~1,500 times per repaint, and
# reading ``Qt.ItemDataRole.X`` or or-ing alignment flags there costs more than the lookup.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SORT = int(SORT_ROLE)
_ENTITY = int(ENTITY_ROLE)
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGNMENTS = tuple(_RIGHT if c.right else _LEFT for c in COLUMNS)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_NAME_COLUMN = COLUMN_KEYS.index("name")


def sort_value(column: Column, row: ProjectRow) -> Any:
    """A native value to compare (what the SQL sort orders by, as far as a cell can say)."""
    if column.key == "stage":
        return _STAGE_ORDER.get(row.stage, 99)
    value = getattr(row, column.attr)
    return "" if value is None and not column.right else value


# A window as the model keeps it: per row (id, *one native sort value per column), and per
# row every cell's text. Plain tuples of atoms only, which CPython's collector stops
# tracking (a ``ProjectRow`` is always tracked): see the module docstring.
RowValues = tuple[Any, ...]
Window = tuple[tuple[RowValues, ...], tuple[tuple[str, ...], ...]]
_ID = 0  # the id's place in a ``RowValues``; column ``c``'s sort value is at ``c + 1``


def window_of(rows: Sequence[ProjectRow]) -> Window:
    """What the model keeps of ``rows`` (built on the worker thread; the rows are dropped)."""
    values = tuple((r.id, *(sort_value(c, r) for c in COLUMNS)) for r in rows)
    return values, texts_of(rows)


class ProjectsTableModel(QAbstractTableModel):
    """Columns: ``COLUMNS`` (constants NAME … DAYS_IN_STAGE); rows: the filtered projects."""

    (
        NAME,
        CODE,
        FAMILY,
        INVESTOR,
        STAGE,
        TOTAL_INVESTMENT,
        INDUSTRY,
        CHAIN_LINK,
        FIELD,
        UNIT,
        LEADER,
        TASK_FORCE,
        SIGNED_ON,
        LOCATION,
        UPDATED_AT,
        DAYS_IN_STAGE,
    ) = range(16)

    shown = Signal(int)
    loaded = Signal(int, object)
    failed = Signal(str)
    _count_now = Signal(int)  # from the first page's worker: start that reload's count

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
        self._filter = ProjectFilter()
        self._sort = "updated_at"
        self._descending = True
        self._count = 0
        # every id in order, once that query is in (a tuple: untracked by the collector)
        self._ids: tuple[str, ...] | None = None
        self._next_ids: tuple[str, ...] | None = None
        # LRU of windows: each row's (id, *sort values); and each window's cell texts
        self._windows: OrderedDict[int, tuple[RowValues, ...]] = OrderedDict()
        self._texts: dict[int, tuple[tuple[str, ...], ...]] = {}
        self._shown = 0  # the generation the view shows (windows belong to it)
        self._pending: set[int] = set()  # window numbers being fetched
        self._generation = 0
        self._token = CancelToken()  # cancelled when a newer reload supersedes its queries
        # the model's end (its page closed) stops its queries too
        box = self._token_box = [self._token]
        self.destroyed.connect(lambda *_: box[0].cancel())
        self.cancelled = 0  # superseded queries cancelled (for tests and benchmarks)
        self.count = 0
        self.total_wan = Decimal(0)
        self.busy = False  # until the first window of the latest reload is shown
        self.counting = False  # until its count and sum are in (``loaded``)
        self._rest: Callable[[], None] = lambda: None
        self._early_count: tuple[int, Decimal] | None = None
        # the latest reload's count, until started (at most once: ``_start_count``)
        self._count_job: tuple[int, Callable[[], None]] | None = None
        self._count_now.connect(self._start_count)

    # ------------------------------------------------------------ queries

    @property
    def filter(self) -> ProjectFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, f: ProjectFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self) -> None:
        """Re-run the query (filter, sort) in the background, in two steps, each on its own
        read-only Session:

        1. the first window (``fetch_first_page``: the first ``WINDOW`` rows in the list's
           order, one query, nothing counted): the model resets to those rows and
           ``shown`` is emitted. Fewer than ``WINDOW`` rows are every match: the count and
           the sum follow from them, and ``loaded`` is emitted at once;
        2. otherwise the count and sum (``loaded``: the rows beyond the first window are
           appended, no reset), started beside the first window and applied after it; and,
           after the first rows are painted, every id in order (for later windows; until it
           arrives they are fetched by offset). ``counting`` until the count is in.

        A newer reload supersedes both steps (results dropped, SQL interrupted).
        """
        self._generation += 1
        generation = self._generation
        self._token.cancel()  # whatever still runs for an older reload: stop it
        token = self._token = self._token_box[0] = CancelToken()
        db, f, sort, desc = self._db, self._filter, self._sort, self._descending
        self.busy = self.counting = True
        self._next_ids = None

        text_search = bool(query_terms(f.text))

        def walked(met: bool) -> None:  # on the worker thread, mid-query
            if met and not token.cancelled:
                with suppress(RuntimeError):  # the model is gone (its page closed)
                    self._count_now.emit(generation)  # queued to the GUI thread

        def first() -> tuple[Window, Decimal]:
            token.check()  # superseded while queued: do not start
            with db.session(readonly=True) as s, interruptible(s, token):
                rows = fetch_first_page(
                    s, f, sort, desc, WINDOW, on_walk=walked if text_search else None
                )
            return window_of(rows), sum((r.total_investment_wan for r in rows), Decimal(0))

        def shown(result: tuple[Window, Decimal]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            (rows, texts), total = result
            self.beginResetModel()
            self._count = len(rows)
            self._ids = None
            self._windows = OrderedDict()
            self._pending = set()
            self._windows[0] = rows
            self._texts = {0: texts}
            self._shown = generation
            self.endResetModel()
            self.busy = False
            self.shown.emit(len(rows))
            if len(rows) < WINDOW:  # every match is in: count and sum from the rows
                self._ids = tuple(r[_ID] for r in rows)
                self._early_count = self._count_job = None
                self._counted(generation, (len(rows), total))
                return
            if self._early_count is not None:  # the count finished first: the footer now
                early, self._early_count = self._early_count, None
                self._counted(generation, early)
            self._start_count(generation)  # not started yet (a rare term's scan): now
            # after the first window is painted: its Python would compete with the paint's
            QTimer.singleShot(IDS_DELAY_MS, lambda: self._start_ids(generation))

        def counted() -> tuple[int, Decimal]:
            token.check()
            with db.session(readonly=True) as s, interruptible(s, token):
                return count_and_sum(s, f)

        def count_in(result: tuple[int, Decimal]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            if not self.counting:  # the first window held every match and counted them
                return
            if self._shown != generation:  # before the first rows: kept for them
                self._early_count = result
                return
            self._counted(generation, result)

        def all_ids() -> tuple[str, ...]:
            token.check()
            with db.session(readonly=True) as s, interruptible(s, token):
                return tuple(fetch_ids(s, f, sort, desc))

        def ids_in(ids: tuple[str, ...]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            if self.counting:  # the count is not in yet: keep them for it
                self._next_ids = ids
                return
            self._ids = ids
            self._check_ids()

        def rest() -> None:
            self._run(all_ids, on_result=ids_in, on_error=self._error(generation))

        self._rest = rest
        self._early_count = None
        self._count_job = (
            generation,
            lambda: self._run(counted, on_result=count_in, on_error=self._error(generation)),
        )
        self._run(first, on_result=shown, on_error=self._error(generation))
        # The count and sum run beside the first page (mostly inside the database, which
        # releases the GIL: the second core), so the footer follows the rows closely; a
        # count that arrives before them waits for them (``count_in``). A text search's
        # count starts once its walk has met the page: a rare term's walk gives up and its
        # first page scans every key, which a count scanning them too would slow down
        # (both cores share a cache: 57 → 75–100 ms for 喆 on 100k); its first page is
        # usually every match, and nothing is left to count.
        if not text_search:
            self._start_count(generation)

    def _start_count(self, generation: int) -> None:
        job = self._count_job
        if job is not None and job[0] == generation == self._generation:
            self._count_job = None
            job[1]()

    def _start_ids(self, generation: int) -> None:
        if shiboken6.isValid(self) and generation == self._generation:
            self._rest()

    def _counted(self, generation: int, result: tuple[int, Decimal]) -> None:
        """The count and sum of the shown filter are in: the rows beyond the first window
        are appended (a change since the first window was fetched: shown again)."""
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        n, total = result
        if n > self._count:
            self.beginInsertRows(QModelIndex(), self._count, n - 1)
            self._count = n
            self.endInsertRows()
        elif n < self._count:  # fewer now than the first window held
            self.beginResetModel()
            self._count = n
            self._windows, self._texts, self._pending = OrderedDict(), {}, set()
            self.endResetModel()
        self.count, self.total_wan, self.counting = n, total, False
        if self._next_ids is not None:
            self._ids, self._next_ids = self._next_ids, None
            self._check_ids()
        self.loaded.emit(n, total)

    def _check_ids(self) -> None:
        """The ids disagree with the count (a change between the two queries): re-show."""
        assert self._ids is not None
        if len(self._ids) != self._count:
            self.beginResetModel()
            self._count = len(self._ids)
            self._windows = OrderedDict()
            self._texts = {}
            self._pending = set()
            self.endResetModel()

    def _error(self, generation: int) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, QueryCancelled):  # superseded: a newer query is on its way
                if shiboken6.isValid(self):
                    self.cancelled += 1
                return
            if shiboken6.isValid(self) and generation == self._generation:
                self.busy = self.counting = False
                self.failed.emit(str(exc) or type(exc).__name__)

        return failed

    def _request_window(self, window: int) -> None:
        if window in self._pending:
            return
        self._pending.add(window)
        generation = self._shown
        start = window * WINDOW
        ids = self._ids[start : start + WINDOW] if self._ids is not None else None
        db, f, sort, desc = self._db, self._filter, self._sort, self._descending
        token, matches = self._token, self._count

        def work() -> Window:
            token.check()
            with db.session(readonly=True) as s, interruptible(s, token):
                if ids is not None:
                    rows = fetch_rows(s, ids)
                else:
                    rows = fetch_page(s, f, sort, desc, start, WINDOW, matches=matches)
            return window_of(rows)

        def done(result: Window) -> None:
            if not shiboken6.isValid(self) or generation != self._shown:
                return
            self._pending.discard(window)
            rows, texts = result
            self._windows[window] = rows
            self._texts[window] = texts
            while len(self._windows) > MAX_WINDOWS:  # keep memory flat while scrolling
                old, _rows = self._windows.popitem(last=False)
                self._texts.pop(old, None)
            last = min(start + WINDOW, self._count) - 1
            if last >= start:
                self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))

        self._run(work, on_result=done, on_error=self._error(generation))

    def row_at(self, row: int) -> RowValues | None:
        """The loaded row's (id, *sort values) (None while its window is being fetched;
        asks for it)."""
        window, offset = divmod(row, WINDOW)
        rows = self._windows.get(window)
        if rows is None:
            if 0 <= row < self._count:
                self._request_window(window)
            return None
        self._windows.move_to_end(window)
        return rows[offset] if offset < len(rows) else None

    def project_id(self, row: int) -> str | None:
        """The id of ``row`` (None if neither the ids nor its window are in yet)."""
        if self._ids is not None and 0 <= row < len(self._ids):
            return self._ids[row]
        window, offset = divmod(row, WINDOW)
        rows = self._windows.get(window)
        return rows[offset][_ID] if rows is not None and offset < len(rows) else None

    def row_of(self, project_id: str) -> int:
        if self._ids is not None:
            try:
                return self._ids.index(project_id)
            except ValueError:
                return -1
        for window, rows in self._windows.items():
            for offset, r in enumerate(rows):
                if r[_ID] == project_id:
                    return window * WINDOW + offset
        return -1

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # the hot path of painting: plain int compares, texts computed when fetched
        row = index.row()
        if role == _DISPLAY:
            if not 0 <= row < self._count:
                return None
            window, offset = divmod(row, WINDOW)
            texts = self._texts.get(window)
            if texts is None:
                self.row_at(row)  # asks for the window
                return None
            self._windows.move_to_end(window)  # recently painted: kept longest
            return texts[offset][index.column()] if offset < len(texts) else None
        if role == _ALIGN:
            return _ALIGNMENTS[index.column()] if index.isValid() else None
        if not index.isValid() or not 0 <= row < self._count:
            return None
        if role == _ENTITY:
            return self.project_id(row)
        if role != _SORT and role != _TOOLTIP:
            return None
        found = self.row_at(row)
        if found is None:
            return None
        if role == _SORT:
            return found[index.column() + 1]
        return found[_NAME_COLUMN + 1] if index.column() == _NAME_COLUMN else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._count:
            return
        self._sort, self._descending = key, descending
        self.reload()
