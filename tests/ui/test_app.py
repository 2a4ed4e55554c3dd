"""run_gui end to end, on the pytest-qt QApplication (one per process)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

import jianan_desk.app as app_module
from jianan_desk.app import EXIT_AFTER_SHOWN_ENV, run_gui
from jianan_desk.logs import log_path
from jianan_desk.paths import settings_path
from jianan_desk.store.locks import WriterLock


@pytest.fixture
def critical(monkeypatch):
    """Records QMessageBox.critical calls as (title, text) instead of blocking."""
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a, **k: calls.append((title, text))
    )
    return calls


@pytest.mark.parametrize("page", [None, "项目库", "industry_map"])
def test_screenshot_writes_png_of_expected_size(qapp, db, tmp_path, critical, page):
    target = tmp_path / "shots" / "main.png"
    assert run_gui(db.url, screenshot=target, page=page) == 0
    assert critical == []
    assert target.stat().st_size > 1000
    image = QImage(str(target))
    assert image.size() == QSize(1280, 800)
    assert not settings_path().exists() or "[window]" not in settings_path().read_text("utf-8")


def test_screenshot_with_unknown_page_is_a_usage_error(qapp, db, tmp_path, capsys):
    assert run_gui(db.url, screenshot=tmp_path / "x.png", page="没有这页") == 2
    assert "未知页面" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_second_gui_on_same_database_is_refused(qapp, db, db_path, critical):
    with WriterLock(db_path).acquire(0, for_gui=True):
        assert run_gui(db.url) == 1
    assert len(critical) == 1
    _title, text = critical[0]
    assert "已在另一个建安招商台窗口中打开" in text
    assert str(db_path) in text


def test_database_in_missing_folder_is_reported(qapp, tmp_path, critical):
    url = f"sqlite:///{tmp_path / 'missing' / 'x.sqlite'}"
    assert run_gui(url) == 1
    assert len(critical) == 1 and "文件夹不存在" in critical[0][1]


@pytest.mark.sqlite_only(reason="the single-writer lock file of a SQLite database")
def test_internal_error_is_logged_with_traceback(qapp, db, monkeypatch, critical):
    def broken(*args, **kwargs):
        raise RuntimeError("模拟的程序错误")

    monkeypatch.setattr(app_module, "MainWindow", broken)
    assert run_gui(db.url) == app_module.EXIT_INTERNAL
    title, text = critical[0]
    assert title == "内部错误"
    assert str(log_path()) in text
    log = log_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: 模拟的程序错误" in log
    # The lock was released: another window may open the database now.
    WriterLock(db.path).acquire(0, for_gui=True).release()


def test_excepthook_reports_errors_raised_in_slots(qapp, critical):
    previous = []
    hook = app_module._ExceptHook(lambda *exc_info: previous.append(exc_info))
    try:
        raise ValueError("槽函数里的错误")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert critical[0][0] == "内部错误"
    assert "槽函数里的错误" in log_path().read_text(encoding="utf-8")
    hook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert len(previous) == 1  # not ours to report
    assert sys.excepthook is not hook


@pytest.mark.sqlite_only(reason="the single-writer lock file of a SQLite database")
def test_runs_event_loop_and_exits_when_shown(qapp, db, monkeypatch, critical):
    monkeypatch.setenv(EXIT_AFTER_SHOWN_ENV, "1")
    timed_out = []

    def safety() -> None:
        timed_out.append(True)
        QApplication.exit(1)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(safety)
    timer.start(10_000)
    try:
        assert run_gui(db.url) == 0
    finally:
        timer.stop()
    assert not timed_out
    assert critical == []
    WriterLock(db.path).acquire(0, for_gui=True).release()  # released on exit


@pytest.mark.sqlite_only(reason="the single-writer lock file of a SQLite database")
def test_unwritable_folder_for_lock_file_is_reported(qapp, db, monkeypatch, critical):
    def refuse(self, timeout_s=0.0, *, for_gui=False):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(WriterLock, "acquire", refuse)
    assert run_gui(db.url) == 1
    assert "锁文件" in critical[0][1] and str(db.path.parent) in critical[0][1]


@pytest.mark.sqlite_only(reason="the single-writer lock file of a SQLite database")
def test_lock_released_after_internal_error_while_opening(qapp, db, monkeypatch, critical):
    def broken(url):
        raise RuntimeError("打开时出错")

    monkeypatch.setattr("jianan_desk.services.database.open_database", broken)
    assert run_gui(db.url) == app_module.EXIT_INTERNAL
    assert critical[0][0] == "内部错误"
    WriterLock(db.path).acquire(0, for_gui=True).release()


def test_screenshot_never_waits_for_a_message_box(qapp, db, tmp_path, monkeypatch, capsys):
    """A headless screenshot run that hits an error prints it instead of blocking on a box."""

    def must_not_block(*_a, **_k):
        raise AssertionError("a message box in a screenshot run would wait forever")

    monkeypatch.setattr(QMessageBox, "critical", must_not_block)
    missing = f"sqlite:///{tmp_path / 'no-such-folder' / 'x.sqlite'}"
    assert run_gui(missing, screenshot=tmp_path / "x.png") == 1
    assert "不存在" in capsys.readouterr().err
