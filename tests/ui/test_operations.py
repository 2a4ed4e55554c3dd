from __future__ import annotations

import sys
import threading

from jianan_desk.ui.operations import run_in_background


def test_result_delivered_on_gui_thread(qtbot):
    gui_thread = threading.get_ident()
    worker_threads: list[int] = []
    results: list[object] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    def on_result(value: object) -> None:
        assert threading.get_ident() == gui_thread
        results.append(value)

    op = run_in_background(work, on_result=on_result)
    with qtbot.waitSignal(op.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert results == [42]
    assert worker_threads and worker_threads[0] != gui_thread
    assert op.done


def test_error_goes_to_on_error(qtbot):
    errors: list[BaseException] = []
    op = run_in_background(lambda: 1 / 0, on_error=errors.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert len(errors) == 1 and isinstance(errors[0], ZeroDivisionError)


def test_unhandled_error_goes_to_excepthook(qtbot, monkeypatch):
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(t))
    op = run_in_background(lambda: {}["missing"])
    with qtbot.waitSignal(op.failed, timeout=5000):
        pass
    assert seen == [KeyError]
