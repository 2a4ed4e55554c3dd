"""The main window: navigation on the left, one page at a time on the right.

It hosts the pages and routes menu actions; it owns no queries (pages call services). The
layout comes from ``forms/main_window.ui`` (compiled into ``ui/forms``). Window geometry and
the last page are saved with ``QSettings`` in the ``[window]`` section of the INI file at
``paths.settings_path()``, never in the registry; user preferences are in ``settings.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QListWidgetItem, QMainWindow, QWidget

from jianan_desk.paths import settings_path
from jianan_desk.settings import RESTORE_LAST_PAGE, Preferences
from jianan_desk.ui.forms.ui_main_window import Ui_MainWindow
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.pages import PAGE_IDS, PAGES, resolve_page
from jianan_desk.ui.style import window_style_sheet
from jianan_desk.ui.widgets.elided_label import ElidedLabel
from jianan_desk.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from jianan_desk.store.engine import Database
    from jianan_desk.ui.pages.base import Page

KEY_GEOMETRY = "window/geometry"
KEY_PAGE = "window/page"
DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    """The application's one main window on one open database.

    ``remember_state=False`` (screenshots) neither restores nor saves geometry and page.
    With ``db=None`` the window is a shell (navigation, menus, a "正在打开数据库" notice)
    that can be shown at once; ``attach(db)`` then builds the pages. Start-up uses this
    so that the window appears before SQLAlchemy is even imported.
    """

    def __init__(
        self,
        db: Database | None,
        hub: Hub | None = None,
        *,
        preferences: Preferences | None = None,
        settings_file: Path | None = None,
        remember_state: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.db: Database | None = None
        self.hub = hub if hub is not None else Hub(self)
        self.preferences = preferences if preferences is not None else Preferences()
        self._settings_file = settings_file if settings_file is not None else settings_path()
        self._remember_state = remember_state
        self.setStyleSheet(window_style_sheet(self.palette()))

        self.pages: list[Page] = []
        self.page_actions: list[QAction] = []
        for index, spec in enumerate(PAGES):
            shortcut = QKeySequence(f"Ctrl+{index + 1}")
            item = QListWidgetItem(spec.title(), self.ui.navigation)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setToolTip(
                self.tr("{0}（{1}）").format(
                    spec.title(), shortcut.toString(QKeySequence.SequenceFormat.NativeText)
                )
            )

            action = QAction(spec.title(), self)
            action.setObjectName(f"actionPage_{spec.id}")
            action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
            self.addAction(action)
            self.page_actions.append(action)

        self.ui.navigation.currentRowChanged.connect(self._on_row_changed)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self.show_about)

        self.database_label = ElidedLabel(self.tr("正在打开数据库…"), self.ui.statusbar)
        self.database_label.setContentsMargins(8, 0, 8, 0)
        self.ui.statusbar.addWidget(self.database_label, 1)

        self._loading = EmptyState(
            self.tr("正在打开数据库"),
            self.tr("首次打开或升级数据库时需要几秒钟，请稍候。"),
            parent=self,
        )
        self.ui.pages.addWidget(self._loading)
        self.ui.navigation.setEnabled(False)
        self._restore_geometry()
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Build the pages on the now open database and show the remembered page."""
        from jianan_desk.ui.pages.base import PageContext

        self.db = db
        context = PageContext(db=db, hub=self.hub)
        self.ui.pages.removeWidget(self._loading)
        self._loading.deleteLater()
        for spec in PAGES:
            page = spec.page_class(context, self.ui.pages)
            self.ui.pages.addWidget(page)
            self.pages.append(page)
        self.database_label.setText(self.tr("数据库：{0}").format(db.display_name))
        self.ui.navigation.setEnabled(True)
        self.show_page(self._initial_page())

    # ------------------------------------------------------------------ pages

    def show_page(self, page: int | str) -> None:
        """Switch to ``page``: an index, a page id (``projects``) or a title (项目库)."""
        index = page if isinstance(page, int) else PAGE_IDS.index(resolve_page(page))
        if not 0 <= index < len(PAGES):
            raise IndexError(page)
        self.ui.navigation.setCurrentRow(index)

    def current_page_id(self) -> str:
        return PAGE_IDS[self.ui.pages.currentIndex()]

    def page(self, page_id: str) -> Page:
        return self.pages[PAGE_IDS.index(page_id)]

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if row < 0 or not self.pages:
            return
        self.ui.pages.setCurrentIndex(row)
        self.setWindowTitle(self.tr("{0} - 建安招商台").format(PAGES[row].title()))

    # ------------------------------------------------------------------ actions

    @Slot()
    def show_about(self) -> None:
        """帮助 → 关于: version, data folders and licences (window-modal, not blocking)."""
        if self.db is None:  # still opening the database
            return
        from jianan_desk.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # ------------------------------------------------------------------ window state

    def _qsettings(self) -> QSettings:
        return QSettings(str(self._settings_file), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        if not self._remember_state:
            self.resize(*DEFAULT_SIZE)
            return
        geometry = self._qsettings().value(KEY_GEOMETRY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._default_geometry()

    def _initial_page(self) -> int:
        if self._remember_state and self.preferences.get(RESTORE_LAST_PAGE):
            saved = self._qsettings().value(KEY_PAGE)
            if isinstance(saved, str) and saved in PAGE_IDS:
                return PAGE_IDS.index(saved)
        return 0

    def _default_geometry(self) -> None:
        width, height = DEFAULT_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.92))
            height = min(height, int(available.height() * 0.9))
            self.resize(width, height)
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            self.move(frame.topLeft())
        else:
            self.resize(width, height)

    def save_state(self) -> None:
        """Write geometry and current page to the settings file (done on close)."""
        settings = self._qsettings()
        settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        if self.pages:
            settings.setValue(KEY_PAGE, self.current_page_id())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._remember_state:
            self.save_state()
        super().closeEvent(event)
