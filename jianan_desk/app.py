"""Composition root of the GUI: application, fonts, database, lock, hub and main window.

No rules live here. ``run_gui`` is what ``jianan-desk`` runs without a command. Errors are
told apart by blame: an environment problem (``StoreError``: database in use, newer, read-
only, missing folder) is shown with its Chinese message; anything else is a bug, appended
with its traceback to the log file and shown as "内部错误" with the log's path. While the
GUI runs, ``sys.excepthook`` does the same for exceptions raised in slots.

Environment: ``JIANAN_EXIT_AFTER_SHOWN=1`` quits as soon as the main window is first shown
and painted (for the cold-start benchmark).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMessageBox

from jianan_desk import APP_TITLE, __version__
from jianan_desk.paths import APP_AUTHOR, sqlite_file
from jianan_desk.settings import FONT_FAMILY, FONT_SIZE, Preferences
from jianan_desk.store.errors import StoreError
from jianan_desk.store.locks import WriterLock
from jianan_desk.ui.fonts import setup_fonts
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.main_window import MainWindow
from jianan_desk.ui.pages import resolve_page

if TYPE_CHECKING:
    from jianan_desk.store.engine import Database

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
SCREENSHOT_SIZE = (1280, 800)
EXIT_AFTER_SHOWN_ENV = "JIANAN_EXIT_AFTER_SHOWN"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def _application() -> QApplication:
    """The process's QApplication: the existing one (tests, pytest-qt) or a new one."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_AUTHOR)
    if existing is None:
        _install_qt_translation(app)
    return app


def _install_qt_translation(app: QApplication) -> None:
    """Qt's own texts (dialog buttons, print dialog) in Chinese, from Qt's shipped .qm files."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        app.installTranslator(translator)


_headless = False  # a screenshot run: nobody is there to close a message box


def _critical(title: str, message: str) -> None:
    if _headless:
        print(f"{title}：{message}", file=sys.stderr)
        return
    QMessageBox.critical(None, title, message)


def report_internal_error(exc: BaseException, context: str = "gui") -> Path:
    """Log ``exc`` with its traceback and tell the user "内部错误" with the log's path."""
    from jianan_desk.logs import log_exception  # only on a bug: not on the way to the window

    path = log_exception(exc, f"jianan-desk {context}")
    _critical(
        _tr("内部错误"),
        _tr("程序出现内部错误，详细信息已写入日志文件：\n{0}\n\n{1}: {2}").format(
            path, type(exc).__name__, exc
        ),
    )
    return path


class _ExceptHook:
    """Installed as ``sys.excepthook`` while the GUI runs (exceptions raised in slots)."""

    def __init__(self, previous: ExceptHook) -> None:
        self.previous = previous
        self._busy = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if not isinstance(exc, Exception) or self._busy:
            # KeyboardInterrupt & co., or an error while reporting one: the default handling.
            self.previous(exc_type, exc, tb)
            return
        self._busy = True
        try:
            if exc.__traceback__ is None:
                exc = exc.with_traceback(tb)
            if isinstance(exc, StoreError):
                _critical(_tr("数据库错误"), str(exc))
            else:
                report_internal_error(exc)
        finally:
            self._busy = False


def run_gui(db_url: str, *, screenshot: Path | None = None, page: str | None = None) -> int:
    """Run the GUI on the database at ``db_url``; returns the process exit code.

    ``screenshot``: render the main window (``page`` shown, 1280×800) to this PNG and return
    without entering the event loop; the writer lock is not taken and window state is
    neither read nor saved. ``page`` is a page id (``projects``) or title (项目库).
    Returns 0 on success, 1 when the database cannot be opened or is in use by another
    window (a message box says why), 2 for an unknown page, 3 after an internal error.
    """
    app = _application()
    hook = _ExceptHook(sys.excepthook)
    sys.excepthook = hook
    try:
        return _run(app, db_url, screenshot=screenshot, page=page)
    except Exception as exc:
        report_internal_error(exc)
        return EXIT_INTERNAL
    finally:
        sys.excepthook = hook.previous


def _run(app: QApplication, db_url: str, *, screenshot: Path | None, page: str | None) -> int:
    page_id = None
    if page:
        try:
            page_id = resolve_page(page)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_USAGE

    preferences = Preferences()
    setup_fonts(app, preferred=preferences.get(FONT_FAMILY), point_size=preferences.get(FONT_SIZE))

    # The lock comes first: a second window must not migrate a database the first one uses.
    lock: WriterLock | None = None
    path = sqlite_file(db_url)
    try:
        if path is not None and screenshot is None and path.parent.is_dir():
            try:
                lock = _take_lock(path)
            except StoreError as exc:
                _critical(_tr("无法打开数据库"), str(exc))
                return EXIT_FAILED
            if lock is None:
                return EXIT_FAILED
        if screenshot is not None:
            return _screenshot_run(app, db_url, preferences, screenshot, page_id)
        return _run_window(app, db_url, preferences, page_id)
    finally:
        if lock is not None:
            lock.release()


def _open(db_url: str) -> Database | None:
    """The migrated database, or None after telling the user why it cannot be opened."""
    from jianan_desk.services.database import open_database

    try:
        return open_database(db_url)
    except StoreError as exc:
        _critical(_tr("无法打开数据库"), str(exc))
        return None


def _screenshot_run(
    app: QApplication, db_url: str, preferences: Preferences, target: Path, page_id: str | None
) -> int:
    global _headless
    _headless = True
    try:
        return _screenshot_window(app, db_url, preferences, target, page_id)
    finally:
        _headless = False


def _screenshot_window(
    app: QApplication, db_url: str, preferences: Preferences, target: Path, page_id: str | None
) -> int:
    db = _open(db_url)
    if db is None:
        return EXIT_FAILED
    window = MainWindow(db, Hub(), preferences=preferences, remember_state=False)
    try:
        if page_id is not None:
            window.show_page(page_id)
        return _screenshot(app, window, target)
    finally:
        window.hide()
        window.deleteLater()
        QThreadPool.globalInstance().waitForDone()
        db.dispose()


def _run_window(
    app: QApplication, db_url: str, preferences: Preferences, page_id: str | None
) -> int:
    """Show the window at once, then open the database once it has been painted.

    Importing SQLAlchemy and migrating take from a second to, for a large database being
    upgraded, half a minute: that runs on a pool thread while the window shows "正在打开
    数据库" and stays responsive. The engine is then used from every thread, one session
    per unit of work, as everywhere else.
    """
    from jianan_desk.ui.operations import run_in_background

    window = MainWindow(None, Hub(), preferences=preferences)
    opened: list[Database] = []
    marks = StartupMarks()

    def open_in_background() -> Database:
        from jianan_desk.services.database import open_database

        return open_database(db_url)

    def opened_ok(db: Database) -> None:
        QApplication.restoreOverrideCursor()
        opened.append(db)
        window.attach(db)
        if page_id is not None:
            window.show_page(page_id)
        marks.mark("JIANAN_READY")
        if os.environ.get(EXIT_AFTER_SHOWN_ENV) == "1":
            QTimer.singleShot(0, lambda: app.exit(EXIT_OK))

    def open_failed(exc: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        if isinstance(exc, StoreError):
            _critical(_tr("无法打开数据库"), str(exc))
            app.exit(EXIT_FAILED)
        else:  # a bug: say so and end, do not leave an empty window
            report_internal_error(exc)
            app.exit(EXIT_INTERNAL)

    def finish_start() -> None:
        marks.mark("JIANAN_SHOWN")
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        run_in_background(open_in_background, on_result=opened_ok, on_error=open_failed)

    try:
        window.show()
        when_exposed = _WhenExposed(window, finish_start)
        code = app.exec()
        del when_exposed
        return code
    finally:
        if window.pages:
            window.close()
        window.hide()
        window.deleteLater()
        QThreadPool.globalInstance().waitForDone()
        for db in opened:
            db.dispose()


class StartupMarks:
    """With ``JIANAN_STARTUP_MARKS=1``, prints "NAME <unix time>" lines for the benchmark."""

    def __init__(self) -> None:
        self.enabled = os.environ.get("JIANAN_STARTUP_MARKS") == "1"

    def mark(self, name: str) -> None:
        if self.enabled:
            print(f"{name} {time.time():.6f}", flush=True)


class _WhenExposed(QObject):
    """Calls ``callback`` once, right after ``window`` has first been exposed (painted)."""

    def __init__(self, window: MainWindow, callback: Callable[[], None]) -> None:
        super().__init__()
        self._callback = callback
        self._done = False
        handle = window.windowHandle()
        if handle is None or handle.isExposed():
            self.fire()
        else:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        exposed = isinstance(watched, QWindow) and watched.isExposed()
        if event.type() == QEvent.Type.Expose and exposed:
            self.fire()
        return False

    def fire(self) -> None:
        if not self._done:
            self._done = True
            QTimer.singleShot(0, self._callback)


def _take_lock(path: Path) -> WriterLock | None:
    """The single-writer lock for the GUI's lifetime; DatabaseInUseError if another GUI has it.

    None (after telling the user) when the lock file cannot be created (read-only folder).
    """
    try:
        return WriterLock(path).acquire(0, for_gui=True)
    except OSError as exc:
        _critical(
            _tr("无法打开数据库"),
            _tr("无法在文件夹 {0} 中创建锁文件，请检查该文件夹是否可写：{1}").format(
                path.parent, exc.strerror or exc
            ),
        )
        return None


def _screenshot(app: QApplication, window: MainWindow, target: Path) -> int:
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    # Pages load their data off the GUI thread: let those loads finish and their results
    # reach the widgets (a result may start another load) before taking the picture.
    pool = QThreadPool.globalInstance()
    for _ in range(10):
        app.processEvents()
        if not pool.waitForDone(0) or pool.activeThreadCount():
            pool.waitForDone(30_000)
            continue
        app.processEvents()
        if pool.activeThreadCount() == 0:
            break
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        print(_tr("无法写入截图文件：{0}").format(target), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
