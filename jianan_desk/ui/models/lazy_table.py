"""The shared part of the lazily fetched list models (rows in windows, off the GUI thread).

A subclass knows its rows: the ids of rows 0 … ``_count`` - 1 in ``_ids`` (a sequence, set
by its own queries) and how to fetch the rows of some ids on a worker thread
(``fetch_window``: the rows and every cell's text, so that painting only looks them up).
This base keeps the windows (``window_size`` rows each, the ``max_windows`` most recently
painted), asks for a window when the view first paints one of its rows, drops the answers
of an older generation (``_generation``: bump it whenever the rows change) and interrupts
superseded queries (``CancelToken``), and answers Qt's questions: row and column counts,
headers, flags, the display text, the entity role (the id) and the sort role
(``sort_value``).

Subclasses: ``company_table.CompaniesTableModel``. (``project_table.ProjectsTableModel``
repeats the same machinery and could adopt this base.)

Signals:
    failed(str): a query failed (message for the user).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from jianan_desk.services.project_query import CancelToken, QueryCancelled
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex
from jianan_desk.ui.operations import run_in_background

# plain ints: ``data()`` runs ~1,000 times per repaint
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_SORT = int(SORT_ROLE)
_ENTITY = int(ENTITY_ROLE)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags

Window = tuple[list[Any], list[tuple[str, ...]]]  # rows (None where gone) and cell texts


class LazyTableModel(QAbstractTableModel):
    """Rows fetched a window at a time; see the module docstring."""

    failed = Signal(str)

    window_size = 50
    max_windows = 120
    headers: tuple[str, ...] = ()  # translated by ``header_text``

    def __init__(self, parent: Any = None, *, runner: Callable[..., Any] = run_in_background):
        super().__init__(parent)
        self._run = runner
        self._count = 0
        self._ids: Sequence[str] = []  # the ids of rows 0 … _count - 1
        self._windows: OrderedDict[int, list[Any]] = OrderedDict()  # LRU
        self._texts: dict[int, list[tuple[str, ...]]] = {}
        self._pending: set[int] = set()
        self._generation = 0
        # cancelled when newer rows supersede the queries, or the model goes away
        self._token = CancelToken()
        box = self._tokens = [self._token]
        self.destroyed.connect(lambda *_: [t.cancel() for t in box])
        self.cancelled = 0  # superseded queries cancelled (for tests and benchmarks)

    # ------------------------------------------------------------ for subclasses

    def fetch_window(self, ids: list[str]) -> Callable[[CancelToken], Window]:
        """Work for a worker thread: the rows of ``ids`` and their cell texts, in order."""
        raise NotImplementedError

    def sort_value(self, column: int, row: Any) -> Any:
        """A native value of ``row`` in ``column`` to compare (``SORT_ROLE``)."""
        raise NotImplementedError

    def header_text(self, section: int) -> str:
        return self.headers[section]

    def window_arrived(self, window: int) -> None:
        """Called when the rows of ``window`` are in (after they are stored)."""

    def _new_token(self) -> CancelToken:
        """Cancel whatever still runs for the rows shown so far; the token of the next."""
        self._token.cancel()
        token = self._token = self._tokens[0] = CancelToken()
        return token

    def _clear_windows(self, first: Window | None = None) -> None:
        """Forget every window (``first``: the rows of window 0, already in)."""
        self._windows, self._texts, self._pending = OrderedDict(), {}, set()
        if first is not None and first[0]:
            self._windows[0], self._texts[0] = first

    def _error(self, generation: int) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, QueryCancelled):  # superseded: a newer query is on its way
                if shiboken6.isValid(self):
                    self.cancelled += 1
                return
            if shiboken6.isValid(self) and generation == self._generation:
                self.query_failed()
                self.failed.emit(str(exc) or type(exc).__name__)

        return failed

    def query_failed(self) -> None:
        """Called before ``failed`` is emitted (reset the subclass's busy flags)."""

    # ------------------------------------------------------------ windows

    def _request_window(self, window: int, *, force: bool = False) -> None:
        """Fetch the rows of ``window`` (``force``: even if it is being fetched or in)."""
        if window in self._pending and not force:
            return
        self._pending.add(window)
        generation = self._generation
        size = self.window_size
        start = window * size
        ids = list(self._ids[start : start + size])
        token = self._token
        fetch = self.fetch_window(ids)

        def work() -> Window:
            token.check()
            return fetch(token)

        def done(result: Window) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            self._pending.discard(window)
            self._windows[window], self._texts[window] = result
            while len(self._windows) > self.max_windows:  # keep memory flat while scrolling
                old, _rows = self._windows.popitem(last=False)
                self._texts.pop(old, None)
            self.window_arrived(window)
            last = min(start + size, self._count) - 1
            if last >= start:
                self.dataChanged.emit(self.index(start, 0), self.index(last, len(self.headers) - 1))

        self._run(work, on_result=done, on_error=self._error(generation))

    def row_at(self, row: int) -> Any:
        """The loaded row (None while its window is being fetched; asks for it)."""
        window, offset = divmod(row, self.window_size)
        rows = self._windows.get(window)
        if rows is None:
            if 0 <= row < self._count:
                self._request_window(window)
            return None
        self._windows.move_to_end(window)
        return rows[offset] if offset < len(rows) else None

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # the hot path of painting (Qt asks ~10 roles per cell): plain int compares first,
        # texts computed when the window was fetched; an invalid index has row -1
        if role == _DISPLAY:
            row = index.row()
            if not 0 <= row < self._count:
                return None
            window, offset = divmod(row, self.window_size)
            texts = self._texts.get(window)
            if texts is None:
                self.row_at(row)  # asks for the window
                return None
            self._windows.move_to_end(window)  # recently painted: kept longest
            return texts[offset][index.column()] if offset < len(texts) else None
        if role != _ENTITY and role != _SORT:
            return None
        row = index.row()
        if not index.isValid() or not 0 <= row < self._count:
            return None
        if role == _ENTITY:
            return self._ids[row]
        found = self.row_at(row)
        return None if found is None else self.sort_value(index.column(), found)
