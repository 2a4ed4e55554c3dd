"""The 同步 menu, its dialogs and the 备份与恢复 section of the 设置 page."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.backup import list_backups
from jianan_desk.store.models import Project
from jianan_desk.ui.dialogs.sync import ConflictReviewDialog, SyncController, SyncExportDialog
from jianan_desk.ui.fonts import setup_fonts
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.main_window import MainWindow
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.settings import SettingsPage
from tests.sync.helpers import conflicts, send

pytestmark = [
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
SHOTS = os.environ.get("JIANAN_SYNC_SHOTS")  # a folder: save screenshots to look at


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture(autouse=True)
def _fonts(qapp):
    setup_fonts(qapp)


def test_sync_menu_is_enabled_once_the_database_is_open(qtbot, office):
    shell = MainWindow(None, Hub(), remember_state=False)
    qtbot.addWidget(shell)
    names = [a.objectName() for a in shell.menu_sync.actions() if a.objectName()]
    assert names == ["actionSyncExport", "actionSyncImport", "actionSyncConflicts", "actionBackups"]
    assert not any(a.isEnabled() for a in shell.sync_actions)
    window = MainWindow(office, Hub(), remember_state=False)
    qtbot.addWidget(window)
    assert all(a.isEnabled() for a in window.sync_actions)
    assert window.sync_actions[0].shortcut().toString() == "Ctrl+Shift+E"
    window.show_backups()
    assert window.current_page_id() == "settings"


def test_export_dialog_checks_then_exports(qtbot, office, laptop, tmp_path):
    send(laptop, office, tmp_path)  # the office now knows the laptop
    dialog = SyncExportDialog(office)
    qtbot.addWidget(dialog)
    assert dialog.ui.peerCombo.count() >= 2 and dialog.ui.peerCombo.currentData() is not None
    target = tmp_path / "给笔记本.jdsync"
    dialog.ui.fileEdit.setText(str(target))
    dialog.ui.encryptCheck.setChecked(True)
    dialog.ui.passEdit.setText("甲")
    dialog.ui.pass2Edit.setText("乙")
    assert dialog.start_export() is None
    assert "不一致" in dialog.ui.errorLabel.text()
    dialog.ui.pass2Edit.setText("甲")
    _shot(dialog, "sync-export")
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.start_export()
    assert target.exists() and dialog.result_ is not None


def test_import_preview_conflicts_and_duplicates(qtbot, office, laptop, tmp_path):
    with office.session() as s:
        pid = create_project(
            s, ProjectInput(name="三佳万向节", total_investment_wan="5亿"), "张三"
        ).id
    send(office, laptop, tmp_path)
    for db, value, company in (
        (office, Decimal(60000), "许昌瑞贝卡发制品有限公司"),
        (laptop, Decimal(55000), "许昌瑞贝卡发制品有限公司"),
    ):
        with db.session() as s:
            s.get(Project, pid).total_investment_wan = value
            create_company(s, CompanyInput(name=company), "张三", allow_likely_duplicate=True)
    package = tmp_path / "laptop.jdsync"
    from jianan_desk.sync.service import export_package

    export_package(laptop, package, passphrase="口令")
    hub = Hub()
    seen: list[str] = []
    hub.changed.connect(seen.append)
    controller = SyncController(None, office, hub, "张三")  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.import_file(package, "口令").finished, timeout=30_000):
        pass
    dialog = controller.dialog
    qtbot.addWidget(dialog)
    assert "即将导入" in dialog.ui.titleLabel.text()
    assert "冲突 1 处" in dialog.ui.summaryLabel.text()
    # the summary lists rows per table and the conflict itself, before anything is applied
    assert dialog.changes.rowCount() >= 2 and not dialog.ui.conflictsView.isHidden()
    assert dialog.conflicts.rowCount() == 1
    cells = [dialog.conflicts.index(0, c).data() for c in range(5)]
    assert cells[:2] == ["项目", "总投资（万元）"] and {cells[2], cells[3]} == {"60000", "55000"}
    assert conflicts(office) == []  # only a preview so far
    _shot(dialog, "sync-preview")
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert seen == [Hub.ALL]
    assert "已导入" in dialog.ui.titleLabel.text()
    assert dialog.duplicates.rowCount() == 1
    assert not dialog.ui.mergeButton.isHidden() and not dialog.ui.reviewButton.isHidden()
    _shot(dialog, "sync-imported")

    review = ConflictReviewDialog(office, hub, "张三")
    qtbot.addWidget(review)
    assert review.model.rowCount() == 1
    assert review.ui.mineLabel.text() == "60000"
    _shot(review, "sync-conflicts")
    review.ui.editEdit.setText("不是数字")
    assert not review.resolve("edit")
    assert "不是有效的值" in review.ui.errorLabel.text()
    assert review.resolve("mine")
    assert review.ui.stack.currentIndex() == 1  # nothing left: the empty state
    with office.session(readonly=True) as s:
        assert s.get(Project, pid).total_investment_wan == Decimal(60000)


def test_wrong_passphrase_is_reported(qtbot, office, laptop, tmp_path, monkeypatch):
    from jianan_desk.sync.service import export_package

    package = tmp_path / "secret.jdsync"
    export_package(laptop, package, passphrase="对的")
    shown: list[str] = []
    monkeypatch.setattr(
        "jianan_desk.ui.dialogs.sync.QMessageBox.warning", lambda _p, _t, text: shown.append(text)
    )
    controller = SyncController(None, office, Hub(), "张三")  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.import_file(package, "错的").finished, timeout=30_000):
        pass
    assert shown and "密码错误" in shown[0]


@pytest.mark.sqlite_only(reason="backup and restore of the SQLite file")
def test_settings_page_backs_up_and_restores(qtbot, office):
    hub = Hub()
    page = SettingsPage(PageContext(office, hub))
    qtbot.addWidget(page)
    section = page.backup_section
    with office.session() as s:
        create_project(s, ProjectInput(name="备份里的项目"), "张三")
    with qtbot.waitSignal(section.backup_now().finished, timeout=30_000):
        pass
    assert "完整性检查" in section.ui.statusLabel.text()
    backup = next(b for b in list_backups(office.path) if b.reason == "manual")
    with office.session() as s:
        create_project(s, ProjectInput(name="恢复后应消失的项目"), "张三")
    page.resize(1000, 640)
    _shot(page, "settings-backups")
    seen: list[str] = []
    hub.changed.connect(seen.append)
    assert section.restore_from(backup.path, confirm=False)
    assert seen == [Hub.ALL]
    with office.session(readonly=True) as s:
        names = set(s.scalars(__import__("sqlalchemy").select(Project.name)))
    assert "备份里的项目" in names and "恢复后应消失的项目" not in names
    assert any(b.reason == "restore" for b in list_backups(office.path))
    section.ui.dailySpin.setValue(9)
    from jianan_desk.settings import BACKUP_KEEP_DAILY

    assert section.preferences.get(BACKUP_KEEP_DAILY) == 9


@pytest.mark.sqlite_only(reason="a SQLite file on a network share")
def test_a_database_on_a_network_share_is_warned_about(qtbot, office, monkeypatch):
    monkeypatch.setattr("jianan_desk.store.installation.is_network_path", lambda _path: True)
    window = MainWindow(office, Hub(), remember_state=False)
    qtbot.addWidget(window)
    assert "网络共享" in window.network_label.text()
    assert "本机硬盘" in window.network_label.toolTip()


class _Gate:
    """Holds the worker at its first progress step until the test has pressed 取消."""

    def __init__(self, monkeypatch):
        import threading

        from jianan_desk.sync import engine

        self.open = threading.Event()
        self.reached = threading.Event()
        step = engine._Ticker.step

        def held(ticker, rows):
            self.reached.set()
            assert self.open.wait(30)
            step(ticker, rows)

        monkeypatch.setattr(engine._Ticker, "step", held)


def test_export_runs_with_progress_and_a_cancel_writes_nothing(
    qtbot, office, tmp_path, monkeypatch
):
    dialog = SyncExportDialog(office)
    qtbot.addWidget(dialog)
    target = tmp_path / "全部.jdsync"
    dialog.ui.fileEdit.setText(str(target))
    gate = _Gate(monkeypatch)
    operation = dialog.start_export()
    assert gate.reached.wait(30)
    assert not dialog.ui.progressBar.isHidden()
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert not dialog.ui.fileEdit.isEnabled()  # the choices hold while it runs
    dialog.reject()  # 取消 while it runs: stops the export, keeps the dialog
    assert "正在取消" in dialog.ui.errorLabel.text()
    gate.open.set()
    with qtbot.waitSignal(operation.finished, timeout=30_000):
        pass
    assert "已取消导出" in dialog.ui.errorLabel.text() and dialog.ui.progressBar.isHidden()
    assert not target.exists() and not list(tmp_path.glob("*.partial"))
    assert dialog.ui.fileEdit.isEnabled()
    monkeypatch.undo()
    moves: list[tuple[int, int]] = []
    dialog.running.progress.changed.connect(lambda d, t: moves.append((d, t)))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.start_export()
    assert target.exists() and moves and moves[-1][0] == moves[-1][1]


def test_import_runs_with_progress_and_a_cancel_changes_nothing(
    qtbot, office, laptop, tmp_path, monkeypatch
):
    from jianan_desk.sync.service import export_package
    from tests.sync.helpers import snapshot

    with laptop.session() as s:
        for i in range(3):
            create_project(s, ProjectInput(name=f"出差项目{i}"), "张三")
    package = tmp_path / "laptop.jdsync"
    export_package(laptop, package)
    controller = SyncController(None, office, Hub(), "张三")  # type: ignore[arg-type]
    with qtbot.waitSignal(controller.import_file(package).finished, timeout=30_000):
        pass
    dialog = controller.dialog
    qtbot.addWidget(dialog)
    assert dialog.changes.rowCount() >= 1 and dialog.ui.progressBar.isHidden()
    before = snapshot(office)
    gate = _Gate(monkeypatch)
    operation = dialog.start_import()
    assert gate.reached.wait(30)
    assert not dialog.ui.progressBar.isHidden() and dialog.cancel.isEnabled()
    _shot(dialog, "sync-importing")
    dialog.reject()
    gate.open.set()
    with qtbot.waitSignal(operation.finished, timeout=30_000):
        pass
    assert "导入已取消" in dialog.ui.summaryLabel.text()
    assert dialog.isVisible() or not dialog.result()  # still open: 导入 can be pressed again
    assert snapshot(office) == before
    monkeypatch.undo()
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.start_import()
    assert snapshot(office) != before


def test_preview_can_be_cancelled_while_reading(qtbot, office, laptop, tmp_path, monkeypatch):
    from jianan_desk.sync.service import export_package

    package = tmp_path / "laptop.jdsync"
    export_package(laptop, package)
    shown: list[str] = []
    monkeypatch.setattr(
        "jianan_desk.ui.dialogs.sync.QMessageBox.warning", lambda _p, _t, text: shown.append(text)
    )
    gate = _Gate(monkeypatch)
    controller = SyncController(None, office, Hub(), "张三")  # type: ignore[arg-type]
    operation = controller.import_file(package)
    dialog = controller.dialog  # deletes itself when closed
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    assert gate.reached.wait(30)
    assert "正在读取" in dialog.ui.titleLabel.text() and not dialog.ui.progressBar.isHidden()
    dialog.reject()
    gate.open.set()
    with qtbot.waitSignal(operation.finished, timeout=30_000):
        pass
    assert closed == [0] and not shown  # closed quietly, nothing to report
