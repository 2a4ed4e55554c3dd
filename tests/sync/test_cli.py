"""``jianan-desk sync export/import/peers/conflicts`` and ``restore`` end to end."""

from __future__ import annotations

import pytest

from jianan_desk.cli import main
from jianan_desk.store.backup import list_backups
from tests.sync.helpers import inst_id, new_installation

pytestmark = pytest.mark.sqlite_only(
    reason="drives --db with file paths and ends with restore of a SQLite backup"
)


def test_sync_and_restore_commands(tmp_path, capsys, monkeypatch):
    office, laptop = tmp_path / "office.sqlite", tmp_path / "laptop.sqlite"
    assert main(["--db", str(office), "demo-data", "--seed", "5"]) == 0
    db = new_installation(office)
    office_id = inst_id(db)
    db.dispose()
    package = tmp_path / "全部.jdsync"
    monkeypatch.setenv("JIANAN_SYNC_PASSPHRASE", "口令")
    assert main(["--db", str(office), "sync", "export", "-o", str(package), "--encrypt"]) == 0
    assert "已加密" in capsys.readouterr().out
    assert main(["--db", str(laptop), "sync", "import", str(package), "--dry-run"]) == 0
    assert "预览" in capsys.readouterr().out
    assert main(["--db", str(laptop), "sync", "import", str(package)]) == 0
    out = capsys.readouterr().out
    assert "已导入同步包" in out and "新增 项目" in out
    assert main(["--db", str(laptop), "sync", "peers"]) == 0
    assert office_id in capsys.readouterr().out
    # incremental: nothing new for the office
    back = tmp_path / "回传.jdsync"
    monkeypatch.delenv("JIANAN_SYNC_PASSPHRASE")
    assert (
        main(["--db", str(laptop), "sync", "export", "-o", str(back), "--for", office_id[:8]]) == 0
    )
    assert "增量" in capsys.readouterr().out
    assert main(["--db", str(office), "sync", "import", str(back)]) == 0
    assert "没有需要更改的数据" in capsys.readouterr().out
    assert main(["--db", str(office), "sync", "conflicts"]) == 0
    assert "没有待处理" in capsys.readouterr().out
    # wrong passphrase: a clear message, exit 1
    monkeypatch.setenv("JIANAN_SYNC_PASSPHRASE", "错的")
    assert main(["--db", str(office), "sync", "import", str(package)]) == 1
    assert "密码错误" in capsys.readouterr().err
    # restore from a backup made by the import above
    (backup,) = [b for b in list_backups(office) if b.reason == "sync"]
    assert main(["--db", str(office), "restore", str(backup.path)]) == 0
    assert "恢复前已备份" in capsys.readouterr().out
    assert main(["--db", str(office), "restore", str(tmp_path / "none.sqlite")]) == 1
    assert "不存在" in capsys.readouterr().err


def test_long_sync_work_reports_progress_on_stderr(tmp_path, capsys, monkeypatch):
    from jianan_desk import cli_sync

    office, laptop = tmp_path / "office.sqlite", tmp_path / "laptop.sqlite"
    assert main(["--db", str(office), "demo-data", "--seed", "5"]) == 0
    package = tmp_path / "全部.jdsync"
    monkeypatch.setattr(cli_sync, "PROGRESS_EVERY_S", 0.0)  # every batch, not every 2 s
    assert main(["--db", str(office), "sync", "export", "-o", str(package)]) == 0
    out, err = capsys.readouterr()
    assert "…已导出" in err and "行" in err and "…" not in out  # stdout stays the summary
    assert main(["--db", str(laptop), "sync", "import", str(package), "--dry-run"]) == 0
    assert "…已读取" in capsys.readouterr().err
    assert main(["--db", str(laptop), "sync", "import", str(package)]) == 0
    assert "…已导入" in capsys.readouterr().err


def test_progress_lines_are_throttled():
    from jianan_desk.cli_sync import StderrProgress

    progress = StderrProgress("已导出", every_s=3600.0)
    for done in range(0, 100_000, 500):
        progress(done, 100_000)
    assert progress.lines == 0
