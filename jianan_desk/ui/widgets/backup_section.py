"""The 备份与恢复 section of the 设置 page: backups of the open database file, restore.

Automatic backups (daily, before imports and sync imports, before a restore) are listed
newest first; 立即备份 adds one; 恢复 replaces the database with the chosen backup after
backing up the current file. The rotation counts are preferences (``settings.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from jianan_desk.settings import BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY, Preferences
from jianan_desk.store.errors import StoreError
from jianan_desk.ui.forms.ui_backup_section import Ui_BackupSection
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.roles import ENTITY_ROLE
from jianan_desk.ui.models.sync import BackupsModel
from jianan_desk.ui.operations import Operation, run_in_background

if TYPE_CHECKING:
    from jianan_desk.store.engine import Database


class BackupSection(QGroupBox):
    def __init__(
        self,
        db: Database,
        hub: Hub,
        preferences: Preferences | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from jianan_desk.store.backup import backups_dir

        self.db, self.hub = db, hub
        self.preferences = preferences if preferences is not None else Preferences()
        self.operation: Operation | None = None
        self.ui = Ui_BackupSection()
        self.ui.setupUi(self)
        self.model = BackupsModel(self)
        view = self.ui.backupsView
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        for spin, opt in (
            (self.ui.dailySpin, BACKUP_KEEP_DAILY),
            (self.ui.weeklySpin, BACKUP_KEEP_WEEKLY),
        ):
            spin.setRange(opt.minimum or 0, opt.maximum or 99)
            spin.setValue(self.preferences.get(opt))
            spin.setToolTip(opt.description)
            spin.valueChanged.connect(lambda value, o=opt: self.preferences.set(o, int(value)))
        path = db.path
        self.ui.restoreButton.setEnabled(False)
        view.selectionModel().selectionChanged.connect(
            lambda *_: self.ui.restoreButton.setEnabled(view.selectionModel().hasSelection())
        )
        if path is None:
            self.ui.introLabel.setText(
                self.tr("当前数据库不是 SQLite 文件，请使用数据库服务器自身的备份工具。")
            )
            for w in (
                self.ui.backupsView,
                self.ui.backupButton,
                self.ui.restoreButton,
                self.ui.restoreFileButton,
                self.ui.openFolderButton,
            ):
                w.setEnabled(False)
            return
        self.folder = backups_dir(path)
        self.ui.introLabel.setText(
            self.tr(
                "每天第一次打开数据库时、每次导入和同步导入之前都会自动备份，备份后自动检查完整性。"
                "备份保存在：{0}"
            ).format(self.folder)
        )
        self.ui.backupButton.clicked.connect(self.backup_now)
        self.ui.restoreButton.clicked.connect(self._restore_selected)
        self.ui.restoreFileButton.clicked.connect(self._restore_file)
        self.ui.openFolderButton.clicked.connect(self._open_folder)
        self.reload()

    def reload(self) -> None:
        from jianan_desk.store.backup import list_backups

        if self.db.path is None:
            return
        self.model.set_rows(list_backups(self.db.path))
        if self.model.rowCount() == 0:
            self.ui.statusLabel.setText(self.tr("还没有备份。"))

    @Slot()
    def backup_now(self) -> Operation | None:
        from jianan_desk.store.backup import auto_backup

        path = self.db.path
        if path is None:
            return None
        daily, weekly = (
            self.preferences.get(BACKUP_KEEP_DAILY),
            self.preferences.get(BACKUP_KEEP_WEEKLY),
        )
        self.ui.backupButton.setEnabled(False)
        self.ui.statusLabel.setText(self.tr("正在备份…"))
        self.operation = run_in_background(
            lambda: auto_backup(path, "manual", keep_daily=daily, keep_weekly=weekly),
            on_result=self._backed_up,
            on_error=self._failed,
        )
        return self.operation

    def _backed_up(self, target: Path) -> None:
        self.ui.backupButton.setEnabled(True)
        self.reload()
        self.ui.statusLabel.setText(self.tr("已备份并通过完整性检查：{0}").format(target))

    def _failed(self, exc: BaseException) -> None:
        self.ui.backupButton.setEnabled(True)
        if isinstance(exc, StoreError):
            self.ui.statusLabel.setText(str(exc))
            return
        raise exc

    @Slot()
    def _restore_selected(self) -> None:
        rows = self.ui.backupsView.selectionModel().selectedRows()
        if rows:
            self.restore_from(Path(self.model.data(rows[0], ENTITY_ROLE)))

    @Slot()
    def _restore_file(self) -> None:
        start = str(self.folder if self.folder.is_dir() else Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择备份文件"),
            start,
            self.tr("数据库备份 (*.sqlite *.db);;所有文件 (*)"),
        )
        if path:
            self.restore_from(Path(path))

    @Slot()
    def _open_folder(self) -> None:
        self.folder.mkdir(exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def restore_from(self, backup: Path, *, confirm: bool = True) -> bool:
        """Replace the open database with ``backup`` (after backing the current one up)."""
        from jianan_desk.services.database import open_database
        from jianan_desk.store.backup import restore_backup

        path = self.db.path
        if path is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("从备份恢复"),
                self.tr(
                    "用备份 {0} 替换当前数据库？\n\n当前数据库会先自动备份，恢复后仍可找回。"
                    "恢复后，本机将作为新的同步安装，之后的同步包会自动补齐。"
                ).format(backup.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        QApplication.setOverrideCursor(self.cursor())
        try:
            self.db.dispose()  # our connections close; the engine reconnects afterwards
            before = restore_backup(
                path,
                backup,
                keep_daily=self.preferences.get(BACKUP_KEEP_DAILY),
                keep_weekly=self.preferences.get(BACKUP_KEEP_WEEKLY),
            )
            # an older backup is brought to the current schema, and gets a new sync id
            open_database(self.db.url).dispose()
        except StoreError as exc:
            self.ui.statusLabel.setText(str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.reload()
        self.ui.statusLabel.setText(
            self.tr("已从 {0} 恢复。恢复前的数据库已备份到 {1}").format(backup.name, before)
        )
        self.hub.announce(Hub.ALL)
        return True
