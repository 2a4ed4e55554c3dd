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
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMenu, QMessageBox, QWidget

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
    from jianan_desk.ui.dialogs.sync import SyncController
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
        self._build_sync_menu()
        # 文件 → 导入 Excel… (Ctrl+I): the import wizard (ui.dialogs.import_wizard)
        self.import_action = QAction(self.tr("导入 Excel…"), self)
        self.import_action.setObjectName("actionImportExcel")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.show_import_wizard)
        self.ui.menuFile.insertAction(self.ui.actionQuit, self.import_action)
        self.ui.menuFile.insertSeparator(self.ui.actionQuit)

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
        for action in self.sync_actions:
            action.setEnabled(True)
        self._warn_if_network_share(db)
        from jianan_desk.ui.change_watcher import ChangeWatcher  # other users' changes

        self.change_watcher = ChangeWatcher(db, self.hub, status_bar=self.ui.statusbar, parent=self)
        self.change_watcher.start()
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

    @Slot()
    def show_import_wizard(self) -> None:
        """文件 → 导入 Excel…: the import wizard (window-modal; it announces on the hub)."""
        if self.db is None:  # still opening the database
            return
        from jianan_desk.ui.dialogs.import_wizard import ImportWizard
        from jianan_desk.ui.dialogs.project_stage import current_actor

        dialog = ImportWizard(self.db, self.hub, current_actor(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # ------------------------------------------------------------------ 同步 menu

    def _build_sync_menu(self) -> None:
        """同步: export / import a package, review conflicts, backups (enabled once the
        database is open)."""
        self.menu_sync = QMenu(self.tr("同步(&S)"), self)
        self.menu_sync.setObjectName("menuSync")
        self.menuBar().insertMenu(self.ui.menuHelp.menuAction(), self.menu_sync)
        entries = (
            ("actionSyncExport", self.tr("导出同步包(&E)…"), "Ctrl+Shift+E", self.sync_export),
            ("actionSyncImport", self.tr("导入同步包(&I)…"), "Ctrl+Shift+I", self.sync_import),
            ("actionSyncConflicts", self.tr("审阅冲突(&C)…"), "", self.sync_conflicts),
            ("actionBackups", self.tr("备份与恢复(&B)…"), "", self.show_backups),
        )
        self.sync_actions: list[QAction] = []
        for name, text, shortcut, slot in entries:
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            action.setEnabled(False)
            if name == "actionBackups":
                self.menu_sync.addSeparator()
            self.menu_sync.addAction(action)
            self.sync_actions.append(action)

    def sync_controller(self) -> SyncController | None:
        if self.db is None:
            return None
        from jianan_desk.ui.dialogs.project_stage import current_actor
        from jianan_desk.ui.dialogs.sync import SyncController

        if getattr(self, "_sync", None) is None:
            self._sync = SyncController(self, self.db, self.hub, current_actor())
        return self._sync

    @Slot()
    def sync_export(self) -> None:
        controller = self.sync_controller()
        if controller is not None:
            controller.export()

    @Slot()
    def sync_import(self) -> None:
        controller = self.sync_controller()
        if controller is not None:
            controller.choose_and_import()

    @Slot()
    def sync_conflicts(self) -> None:
        controller = self.sync_controller()
        if controller is not None:
            controller.review_conflicts()

    @Slot()
    def show_backups(self) -> None:
        if self.pages:
            self.show_page("settings")

    def _warn_if_network_share(self, db: Database) -> None:
        from jianan_desk.store.installation import NETWORK_WARNING, is_network_path

        path = db.path
        if path is None or not is_network_path(path):
            return
        message = self.tr(NETWORK_WARNING).format(path)
        self.network_label = QLabel(self.tr("⚠ 数据库位于网络共享上"), self.ui.statusbar)
        self.network_label.setToolTip(message)
        self.network_label.setStyleSheet("color: #b42318;")
        self.ui.statusbar.addPermanentWidget(self.network_label)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("数据库位于网络共享上"), message)
        box.setParent(self, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

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
