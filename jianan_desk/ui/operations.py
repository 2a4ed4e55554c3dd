"""Run slow work off the GUI thread and get its result back on the GUI thread.

    op = run_in_background(lambda: read_figures(db), on_result=self._show_figures)

The callable runs on ``QThreadPool.globalInstance()``. It must open its own Session
(``with db.session() as s:``, never one shared with the GUI thread) and return plain data
(dataclasses, tuples, numbers), never ORM objects or widgets. ``on_result``/``on_error`` and
the :class:`Operation` signals are always called on the GUI thread, after the work finished.
Without ``on_error`` an exception goes to ``sys.excepthook``, which the running GUI turns into
"内部错误" with the log path (see ``jianan_desk.app``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

_running: set[Operation] = set()


class Operation(QObject):
    """One piece of background work, created and delivered on the GUI thread.

    Signals:
        succeeded(object): the callable's return value.
        failed(object): the exception it raised.
        finished(): after ``succeeded`` or ``failed``.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        on_result: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
    ) -> None:
        super().__init__()
        self._on_result = on_result
        self._on_error = on_error
        self.done = False

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        _running.discard(self)
        self.done = True
        try:
            if ok:
                if self._on_result is not None:
                    self._on_result(value)
                self.succeeded.emit(value)
            else:
                assert isinstance(value, BaseException)
                if self._on_error is not None:
                    self._on_error(value)
                else:
                    sys.excepthook(type(value), value, value.__traceback__)
                self.failed.emit(value)
        finally:
            self.finished.emit()


class _Carrier(QObject):
    """Carries the outcome from the worker thread to the GUI thread (queued connection)."""

    outcome = Signal(bool, object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], carrier: _Carrier) -> None:
        super().__init__()
        self._work = work
        self._carrier = carrier

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:
            self._carrier.outcome.emit(False, exc)
        else:
            self._carrier.outcome.emit(True, result)


def run_in_background(
    work: Callable[[], object],
    *,
    on_result: Callable[[Any], object] | None = None,
    on_error: Callable[[BaseException], object] | None = None,
    pool: QThreadPool | None = None,
) -> Operation:
    """Start ``work()`` on a pool thread; call the GUI-thread callbacks when it is done."""
    operation = Operation(on_result, on_error)
    carrier = _Carrier(operation)  # lives on the GUI thread with its parent
    carrier.outcome.connect(operation._deliver, Qt.ConnectionType.QueuedConnection)
    _running.add(operation)
    (pool or QThreadPool.globalInstance()).start(_Job(work, carrier))
    return operation
