"""The 同步 dialogs: export a package, preview and import one, review conflicts.

``SyncController`` is what the 同步 menu calls; it asks for files and passphrases and opens
the dialogs. The slow parts (export, preview, import) run off the GUI thread
(``ui.operations``) with a progress bar of the rows done and a 取消 that stops them: a
cancelled export leaves no file, a cancelled preview or import leaves the database as it
was (the import is one transaction, rolled back).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.store.errors import StoreError
from jianan_desk.sync.errors import PassphraseError, SyncCancelled, SyncError
from jianan_desk.ui.forms.ui_sync_conflicts import Ui_ConflictReviewDialog
from jianan_desk.ui.forms.ui_sync_export import Ui_SyncExportDialog
from jianan_desk.ui.forms.ui_sync_preview import Ui_SyncPreviewDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.roles import ENTITY_ROLE
from jianan_desk.ui.models.sync import (
    ChangeCountsModel,
    ConflictsModel,
    DuplicatesModel,
    PreviewConflictsModel,
)
from jianan_desk.ui.operations import Operation, run_in_background

if TYPE_CHECKING:
    from jianan_desk.store.engine import Database
    from jianan_desk.sync.engine import ApplyResult, ExportResult

FILE_FILTER = "建安招商台同步包 (*.jdsync);;所有文件 (*)"
_USER_ERRORS = (SyncError, StoreError, ValidationError, NotFoundError)


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


class _Running(QObject):
    """The progress bar and the cancel flag of one dialog's background work.

    ``changed(done, total)`` is emitted on the worker thread and delivered here, on the GUI
    thread (a queued connection to this object's slot)."""

    changed = Signal(int, int)

    def __init__(self, owner: QDialog, bar: Any) -> None:
        super().__init__(owner)
        self.bar = bar
        self.cancel_flag = threading.Event()
        self.progress = self  # ``progress.changed.emit`` is the service's callback
        self.changed.connect(self._moved, Qt.ConnectionType.QueuedConnection)
        self.active = False
        bar.setVisible(False)

    def start(self) -> None:
        self.cancel_flag.clear()
        self.active = True
        self.bar.setRange(0, 0)  # busy until the first batch reports
        self.bar.setVisible(True)

    def stop(self) -> None:
        self.active = False
        self.bar.setVisible(False)

    @Slot(int, int)
    def _moved(self, done: int, total: int) -> None:
        if self.active:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)


def _table(view: QTableView) -> None:
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


# ---------------------------------------------------------------- export


class SyncExportDialog(QDialog):
    """Choose the receiver, the file and an optional passphrase; export off the GUI thread."""

    exported = Signal(object)  # ExportResult

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from jianan_desk.sync.service import default_file_name, list_peers

        self.db = db
        self.result_: ExportResult | None = None
        self.operation: Operation | None = None
        self.ui = Ui_SyncExportDialog()
        self.ui.setupUi(self)
        with db.session(readonly=True) as s:
            peers = list_peers(s)
        self.ui.peerCombo.addItem(self.tr("完整同步包（全部数据，任何安装都可导入）"), None)
        for p in peers:
            name = p.name or self.tr("未命名")
            self.ui.peerCombo.addItem(
                self.tr("{0}（{1}，仅对方未收到的更改）").format(name, p.id[:8]), p.id
            )
        if peers:
            self.ui.peerCombo.setCurrentIndex(1)
        self.ui.fileEdit.setText(str(_documents() / default_file_name(db)))
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.encryptCheck.toggled.connect(self._encrypt_toggled)
        self._encrypt_toggled(False)
        self.ui.errorLabel.setStyleSheet("color: #b42318;")
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("导出"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self.start_export)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.running = _Running(self, self.ui.progressBar)

    def reject(self) -> None:
        """取消 / Esc: stop a running export (no file is left), else close."""
        if self.running.active:
            self.running.cancel_flag.set()
            self.ui.errorLabel.setText(self.tr("正在取消…"))
            return
        super().reject()

    @Slot(bool)
    def _encrypt_toggled(self, on: bool) -> None:
        for w in (self.ui.passEdit, self.ui.pass2Edit, self.ui.passLabel, self.ui.pass2Label):
            w.setEnabled(on)

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存同步包"), self.ui.fileEdit.text(), FILE_FILTER
        )
        if path:
            self.ui.fileEdit.setText(path if path.endswith(".jdsync") else path + ".jdsync")

    def _checked(self) -> tuple[Path, str] | None:
        text = self.ui.fileEdit.text().strip()
        if not text:
            self.ui.errorLabel.setText(self.tr("请选择同步包的保存位置。"))
            return None
        target = Path(text).expanduser()
        if not target.parent.is_dir():
            self.ui.errorLabel.setText(self.tr("文件夹不存在：{0}").format(target.parent))
            return None
        passphrase = ""
        if self.ui.encryptCheck.isChecked():
            passphrase = self.ui.passEdit.text()
            if not passphrase:
                self.ui.errorLabel.setText(self.tr("请输入密码，或取消“用密码加密”。"))
                return None
            if passphrase != self.ui.pass2Edit.text():
                self.ui.errorLabel.setText(self.tr("两次输入的密码不一致。"))
                return None
        return target, passphrase

    @Slot()
    def start_export(self) -> Operation | None:
        checked = self._checked()
        if checked is None:
            return None
        target, passphrase = checked
        peer = self.ui.peerCombo.currentData()
        self.ui.errorLabel.setText(self.tr("正在导出…（可随时取消）"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        db, running = self.db, self.running
        from jianan_desk.sync.service import export_package

        running.start()
        self._editable(False)
        self.operation = run_in_background(
            lambda: export_package(
                db,
                target,
                for_peer=peer,
                passphrase=passphrase,
                progress=running.progress.changed.emit,
                cancelled=running.cancel_flag.is_set,
            ),
            on_result=self._done,
            on_error=self._failed,
        )
        return self.operation

    def _done(self, result: ExportResult) -> None:
        self.running.stop()
        self.result_ = result
        self.exported.emit(result)
        self.accept()

    def _editable(self, on: bool) -> None:
        for w in (self.ui.peerCombo, self.ui.fileEdit, self.ui.browseButton, self.ui.encryptCheck):
            w.setEnabled(on)
        self._encrypt_toggled(on and self.ui.encryptCheck.isChecked())

    def _failed(self, exc: BaseException) -> None:
        self.running.stop()
        self._editable(True)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if isinstance(exc, SyncCancelled):
            self.ui.errorLabel.setText(self.tr("已取消导出，没有写入文件。"))
            return
        if isinstance(exc, _USER_ERRORS):
            self.ui.errorLabel.setText(str(exc))
            return
        self.ui.errorLabel.setText("")
        raise exc


# ---------------------------------------------------------------- preview and import


class SyncPreviewDialog(QDialog):
    """What a package will change (rows per table, the conflicts it will list); 导入 applies
    it (off the GUI thread), then shows what it did, with buttons to review conflicts and
    merge likely duplicate companies. Without a ``preview`` it reads the package first
    (``start_preview``), with a progress bar; 取消 stops reading or importing."""

    imported = Signal(object)  # ApplyResult
    previewed = Signal(object)  # ApplyResult

    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        source: Path,
        passphrase: str,
        preview: ApplyResult | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor = db, hub, actor
        self.source, self.passphrase = source, passphrase
        self.preview = preview
        self.result_: ApplyResult | None = None
        self.backup: Path | None = None
        self.operation: Operation | None = None
        self.ui = Ui_SyncPreviewDialog()
        self.ui.setupUi(self)
        self.changes = ChangeCountsModel(self)
        self.ui.changesView.setModel(self.changes)
        _table(self.ui.changesView)
        self.ui.changesView.horizontalHeader().setStretchLastSection(False)
        self.ui.changesView.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.conflicts = PreviewConflictsModel(self)
        self.ui.conflictsView.setModel(self.conflicts)
        _table(self.ui.conflictsView)
        self.duplicates = DuplicatesModel(self)
        self.ui.duplicatesView.setModel(self.duplicates)
        _table(self.ui.duplicatesView)
        self.running = _Running(self, self.ui.progressBar)
        self.ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok.setText(self.tr("导入"))
        self.cancel.setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self._ok)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.reviewButton.clicked.connect(self.review_conflicts)
        self.ui.mergeButton.clicked.connect(self.merge_selected)
        if preview is not None:
            self._show(preview, done=False)
        else:
            self._reading()

    def _reading(self) -> None:
        self.ui.titleLabel.setText(
            self.tr("正在读取同步包 {0}，计算导入后的变化…").format(self.source.name)
        )
        self.ui.summaryLabel.setText(self.tr("数据库不会被修改。可随时取消。"))
        for w in (
            self.ui.changesView,
            self.ui.conflictsLabel,
            self.ui.conflictsView,
            self.ui.duplicatesLabel,
            self.ui.duplicatesView,
            self.ui.reviewButton,
            self.ui.mergeButton,
        ):
            w.setVisible(False)
        self.ok.setEnabled(False)

    def start_preview(self, on_error: Callable[[BaseException], object] | None = None) -> Operation:
        """Read the package and count what it would change (rolled back), off the GUI thread."""
        from jianan_desk.sync.service import preview_package

        db, source, passphrase, running = self.db, self.source, self.passphrase, self.running
        self._reading()
        running.start()
        self.operation = run_in_background(
            lambda: preview_package(
                db,
                source,
                passphrase=passphrase,
                progress=running.progress.changed.emit,
                cancelled=running.cancel_flag.is_set,
            ),
            on_result=self._previewed,
            on_error=lambda exc: self._preview_failed(exc, on_error),
        )
        return self.operation

    def _previewed(self, preview: ApplyResult) -> None:
        self.running.stop()
        self.preview = preview
        self.ok.setEnabled(True)
        self._show(preview, done=False)
        self.previewed.emit(preview)

    def _preview_failed(
        self, exc: BaseException, on_error: Callable[[BaseException], object] | None
    ) -> None:
        self.running.stop()
        if isinstance(exc, SyncCancelled):
            super().reject()
            return
        if on_error is not None:
            on_error(exc)
            return
        if isinstance(exc, _USER_ERRORS):
            self.ui.summaryLabel.setText(str(exc))
            return
        raise exc

    def reject(self) -> None:
        """取消 / Esc: stop reading or importing (nothing is changed), else close."""
        if self.running.active:
            self.running.cancel_flag.set()
            self.ui.summaryLabel.setText(self.tr("正在取消…"))
            self.cancel.setEnabled(False)
            return
        super().reject()

    def _show(self, result: ApplyResult, *, done: bool) -> None:
        who = result.peer_name or result.peer_id[:8]
        if done:
            title = self.tr("已导入来自“{0}”的同步包 {1}。").format(who, self.source.name)
            if self.backup is not None:
                title += self.tr("导入前已备份到 {0}").format(self.backup)
        elif result.already_applied:
            title = self.tr("同步包 {0} 已导入过。").format(self.source.name)
        else:
            title = self.tr("即将导入来自“{0}”的同步包 {1}（导入前自动备份数据库）：").format(
                who, self.source.name
            )
            if result.full_copy:
                title += self.tr("本数据库尚无数据，导入后将是对方数据库的完整副本。")
        self.ui.titleLabel.setText(title)
        self.ui.summaryLabel.setText(result.summary())
        self.changes.set_result(result)
        self.ui.changesView.setVisible(self.changes.rowCount() > 0)
        n = len(result.conflicts)
        self.ui.conflictsLabel.setText(
            self.tr("{0} 处字段在双方都被修改过，导入后请审阅冲突：").format(n)
            if n and not done
            else self.tr("{0} 处冲突待审阅：程序暂用较晚的修改，另一方的值已保留。").format(n)
            if n
            else ""
        )
        self.ui.conflictsLabel.setVisible(bool(n))
        self.conflicts.set_rows(result.conflicts)
        self.ui.conflictsView.setVisible(bool(n))
        self.ui.reviewButton.setVisible(done and bool(n))
        self.duplicates.set_rows(result.duplicates)
        has_dups = bool(result.duplicates)
        self.ui.duplicatesLabel.setText(
            self.tr("以下企业可能是同一家（各自在不同电脑上新建）。选中一对后可以合并：")
            if has_dups
            else ""
        )
        for w in (self.ui.duplicatesLabel, self.ui.duplicatesView):
            w.setVisible(has_dups)
        self.ui.mergeButton.setVisible(done and has_dups)
        if done or result.already_applied:
            self.ok.setText(self.tr("完成"))
            self.cancel.setVisible(False)

    @Slot()
    def _ok(self) -> None:
        if self.preview is None:
            return
        if self.result_ is not None or self.preview.already_applied:
            self.accept()
            return
        self.start_import()

    def start_import(self) -> Operation:
        from jianan_desk.settings import BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY, Preferences
        from jianan_desk.sync.service import import_package

        prefs = Preferences()
        db, source, passphrase, actor = self.db, self.source, self.passphrase, self.actor
        running = self.running
        self.ok.setEnabled(False)
        self.cancel.setEnabled(True)
        self.ui.summaryLabel.setText(self.tr("正在导入…（可随时取消，取消后数据库不变）"))
        running.start()
        self.operation = run_in_background(
            lambda: import_package(
                db,
                source,
                passphrase=passphrase,
                actor=actor,
                keep_daily=prefs.get(BACKUP_KEEP_DAILY),
                keep_weekly=prefs.get(BACKUP_KEEP_WEEKLY),
                progress=running.progress.changed.emit,
                cancelled=running.cancel_flag.is_set,
            ),
            on_result=self._imported,
            on_error=self._failed,
        )
        return self.operation

    def _imported(self, outcome: tuple[ApplyResult, Path | None]) -> None:
        self.running.stop()
        self.result_, self.backup = outcome
        self.ok.setEnabled(True)
        self._show(self.result_, done=True)
        self.hub.announce(Hub.ALL)
        self.imported.emit(self.result_)

    def _failed(self, exc: BaseException) -> None:
        self.running.stop()
        self.ok.setEnabled(True)
        self.cancel.setEnabled(True)
        if isinstance(exc, SyncCancelled):
            self.ui.summaryLabel.setText(self.tr("导入已取消，数据库未作任何更改。"))
            return
        if isinstance(exc, _USER_ERRORS):
            self.ui.summaryLabel.setText(self.tr("导入失败，数据库未作任何更改：{0}").format(exc))
            return
        raise exc

    @Slot()
    def review_conflicts(self) -> ConflictReviewDialog:
        dialog = ConflictReviewDialog(self.db, self.hub, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def merge_selected(self) -> QDialog | None:
        rows = self.ui.duplicatesView.selectionModel().selectedRows()
        if not rows:
            rows = [self.duplicates.index(0, 0)] if self.duplicates.rowCount() else []
        if not rows:
            return None
        first_id, second_id = self.duplicates.data(rows[0], ENTITY_ROLE)
        from jianan_desk.ui.dialogs.company_merge import CompanyMergeDialog

        try:
            dialog = CompanyMergeDialog(self.db, self.hub, self.actor, first_id, second_id, self)
        except (ValidationError, NotFoundError) as exc:
            QMessageBox.information(self, self.tr("合并企业"), str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        row = rows[0].row()
        dialog.merged.connect(lambda _id: self._merged(row))
        dialog.open()
        return dialog

    def _merged(self, row: int) -> None:
        remaining = [self.duplicates.row(i) for i in range(self.duplicates.rowCount()) if i != row]
        self.duplicates.set_rows(remaining)
        if not remaining:
            for w in (self.ui.duplicatesLabel, self.ui.duplicatesView, self.ui.mergeButton):
                w.setVisible(False)


# ---------------------------------------------------------------- conflicts


class ConflictReviewDialog(QDialog):
    """Open conflicts, one at a time: keep mine, take theirs, or type a new value."""

    def __init__(self, db: Database, hub: Hub, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor = db, hub, actor
        self.ui = Ui_ConflictReviewDialog()
        self.ui.setupUi(self)
        self.model = ConflictsModel(self)
        self.ui.conflictsView.setModel(self.model)
        _table(self.ui.conflictsView)
        self.ui.conflictsView.selectionModel().currentRowChanged.connect(self._current)
        self.ui.errorLabel.setStyleSheet("color: #b42318;")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.mineButton.clicked.connect(lambda: self.resolve("mine"))
        self.ui.theirsButton.clicked.connect(lambda: self.resolve("theirs"))
        self.ui.editButton.clicked.connect(lambda: self.resolve("edit"))
        self.reload()

    def reload(self) -> None:
        from jianan_desk.sync.conflicts import list_conflicts

        with self.db.session(readonly=True) as s:
            rows = list_conflicts(s)
        self.model.set_rows(rows)
        self.ui.stack.setCurrentIndex(0 if rows else 1)
        self.setWindowTitle(self.tr("审阅同步冲突（{0} 处）").format(len(rows)))
        if rows:
            self.ui.conflictsView.selectRow(0)
            self._current(self.model.index(0, 0))

    def _current(self, index: Any, _previous: Any = None) -> None:
        from jianan_desk.sync.conflicts import show

        if not index.isValid():
            return
        row = self.model.row(index.row())
        kept = self.tr("（目前采用）")
        self.ui.mineLabel.setText(show(row.mine) + (kept if row.winner == "mine" else ""))
        self.ui.theirsLabel.setText(show(row.theirs) + (kept if row.winner == "theirs" else ""))
        self.ui.editEdit.setText("" if row.current is None else str(row.current))
        self.ui.errorLabel.setText("")

    def resolve(self, choice: str) -> bool:
        from jianan_desk.sync.conflicts import resolve_conflict

        index = self.ui.conflictsView.currentIndex()
        if not index.isValid():
            return False
        conflict_id = self.model.data(index, ENTITY_ROLE)
        try:
            with self.db.session() as s:
                resolve_conflict(s, conflict_id, choice, self.actor, edited=self.ui.editEdit.text())
        except _USER_ERRORS as exc:
            self.ui.errorLabel.setText(str(exc))
            return False
        self.hub.announce(Hub.ALL)
        self.reload()
        return True


# ---------------------------------------------------------------- the menu's actions


class SyncController:
    """The 同步 menu: export, import (file → passphrase → preview → import), conflicts."""

    def __init__(self, window: QWidget, db: Database, hub: Hub, actor: str) -> None:
        self.window, self.db, self.hub, self.actor = window, db, hub, actor
        self.operation: Operation | None = None

    def export(self) -> SyncExportDialog:
        dialog = SyncExportDialog(self.db, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._exported)
        dialog.open()
        return dialog

    def _exported(self, result: ExportResult) -> None:
        QMessageBox.information(
            self.window,
            self.tr("导出同步包"),
            self.tr("已导出 {0} 条记录。").format(result.total),
        )

    @staticmethod
    def tr(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("SyncController", text)

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("导入同步包"), str(_documents()), FILE_FILTER
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, source: Path, passphrase: str | None = None) -> Operation | None:
        """Open the preview dialog, which reads and previews ``source`` off the GUI thread
        (progress bar, 取消); a package that cannot be read closes it with a message."""
        from jianan_desk.sync.package import is_encrypted

        try:
            encrypted = is_encrypted(source)
        except SyncError as exc:
            QMessageBox.warning(self.window, self.tr("导入同步包"), str(exc))
            return None
        if encrypted and passphrase is None:
            text, ok = QInputDialog.getText(
                self.window,
                self.tr("导入同步包"),
                self.tr("同步包已加密，请输入密码："),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
            passphrase = text
        self.dialog = SyncPreviewDialog(
            self.db, self.hub, self.actor, source, passphrase or "", None, self.window
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        self.operation = self.dialog.start_preview(on_error=self._preview_failed)
        return self.operation

    def _preview_failed(self, exc: BaseException) -> None:
        self.dialog.done(QDialog.DialogCode.Rejected)
        if isinstance(exc, PassphraseError | SyncError | StoreError):
            QMessageBox.warning(self.window, self.tr("导入同步包"), str(exc))
            return
        raise exc

    def review_conflicts(self) -> ConflictReviewDialog:
        dialog = ConflictReviewDialog(self.db, self.hub, self.actor, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
