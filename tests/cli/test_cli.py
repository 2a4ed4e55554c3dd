"""The headless CLI, driven end to end: exit codes, output, Chinese errors."""

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jianan_desk.cli import main
from jianan_desk.domain.metrics import METRIC_KEYS
from jianan_desk.store.locks import WriterLock


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def is_chinese(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_help_lists_the_commands():
    r = subprocess.run(
        [sys.executable, "-m", "jianan_desk", "--help"], capture_output=True, text=True
    )
    assert r.returncode == 0
    for command in ("demo-data", "upgrade", "check", "backup", "metrics"):
        assert command in r.stdout


def test_upgrade_creates_then_reports_up_to_date(capsys, tmp_path):
    path = tmp_path / "new.sqlite"
    code, out, _ = run(capsys, "--db", path, "upgrade")
    assert code == 0 and "已创建" in out and path.exists()
    code, out, _ = run(capsys, "--db", path, "upgrade")
    assert code == 0 and "最新" in out


def test_jianan_db_environment_variable_selects_the_file(capsys, tmp_path, monkeypatch):
    path = tmp_path / "env.sqlite"
    monkeypatch.setenv("JIANAN_DB", str(path))
    assert run(capsys, "upgrade")[0] == 0
    assert path.exists()


def test_default_database_lives_in_the_data_dir(capsys, _isolated_home):
    assert run(capsys, "upgrade")[0] == 0
    assert (_isolated_home / "jianan.sqlite").exists()


def test_metrics_json_has_exactly_the_domain_keys(capsys, db):
    code, out, _ = run(capsys, "--db", db.url, "metrics", "--year", "2021", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == list(METRIC_KEYS)
    assert data["signed_count"] == 0 and data["start_rate"] is None


def test_metrics_table_is_chinese(capsys, db):
    code, out, _ = run(capsys, "--db", db.url, "metrics", "--year", "2021", "--as-of", "2021-06-30")
    assert code == 0
    assert "签约项目数" in out and "2021-06-30" in out


@pytest.mark.parametrize(
    "args",
    [
        ["metrics", "--year", "2021", "--as-of", "2021-13-01"],
        ["metrics"],
        ["frobnicate"],
    ],
)
def test_bad_arguments_exit_2_with_chinese_message(capsys, db, args):
    with pytest.raises(SystemExit) as info:
        main(["--db", db.url, *args])
    assert info.value.code == 2
    assert is_chinese(capsys.readouterr().err)


def test_missing_database_is_a_clear_error_not_a_traceback(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path / "nope.sqlite", "metrics", "--year", "2021")
    assert code == 1
    assert "不存在" in err and "Traceback" not in err
    assert not (tmp_path / "nope.sqlite").exists()


def test_not_a_database_file(capsys, tmp_path):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("这不是数据库" * 200, encoding="utf-8")
    code, _, err = run(capsys, "--db", bogus, "check")
    assert code == 1 and "不是有效" in err


def test_check_passes_on_a_clean_database(capsys, db):
    code, out, _ = run(capsys, "--db", db.url, "check")
    assert code == 0 and "检查通过" in out


def test_check_finds_a_stage_that_contradicts_its_events(capsys, db_path, db):
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO projects (id, name, family, stage, total_investment_wan, location,"
        " leader_in_charge, construction_content, notes, created_at, updated_at) VALUES"
        " ('p1', '错位项目', 'attraction', 'operating', 0, '', '', '', '',"
        " '2021-01-01', '2021-01-01')"
    )
    conn.execute(
        "INSERT INTO project_stage_events (id, project_id, stage, occurred_on, note, recorded_by,"
        " created_at, updated_at) VALUES ('e1', 'p1', 'signed', '2021-03-01', '', '',"
        " '2021-01-01', '2021-01-01'), ('e2', 'p1', 'started', '2021-02-01', '', '',"
        " '2021-01-01', '2021-01-01')"
    )
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", db_path, "check")
    assert code == 1
    assert "错位项目" in err and "stage_cache" in err and "stage_order" in err


def test_backup_writes_a_copy_and_refuses_to_overwrite(capsys, db_path, db, tmp_path):
    target = tmp_path / "copy.sqlite"
    assert run(capsys, "--db", db_path, "backup", "-o", target)[0] == 0
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM units").fetchone()[0] > 0
    conn.close()
    code, _, err = run(capsys, "--db", db_path, "backup", "-o", target)
    assert code == 1 and "已存在" in err
    assert run(capsys, "--db", db_path, "backup", "-o", target, "--force")[0] == 0


def test_write_waits_for_the_gui_then_fails_clearly(capsys, db_path, db):
    # JIANAN_BUSY_TIMEOUT is 1 s in tests (conftest).
    with WriterLock(db_path).acquire(0, for_gui=True):
        start = time.monotonic()
        code, _, err = run(capsys, "--db", db_path, "upgrade")
        waited = time.monotonic() - start
        assert code == 1 and "正被另一个" in err
        assert waited >= 0.9
        # Read-only commands work while the GUI holds the database.
        assert run(capsys, "--db", db_path, "metrics", "--year", "2021")[0] == 0
        assert run(capsys, "--db", db_path, "check")[0] == 0


def test_internal_errors_are_logged_not_shown_as_traceback(capsys, db, monkeypatch):
    import jianan_desk.services.checks as checks

    def boom(*_a, **_k):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(checks, "run_checks", boom)
    code, _, err = run(capsys, "--db", db.url, "check")
    assert code == 3
    assert "内部错误" in err and "Traceback" not in err
    log = Path(err.split("日志")[-1].strip())
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")


def test_old_schema_must_be_upgraded_before_reading(capsys, tmp_path):
    import shutil

    path = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).parent.parent / "data" / "schema_0001.sqlite", path)
    code, _, err = run(capsys, "--db", path, "metrics", "--year", "2021")
    assert code == 1 and "upgrade" in err
    code, out, _ = run(capsys, "--db", path, "upgrade")
    assert code == 0 and "升级前备份" in out


def test_targets_command(capsys, db):
    code, out, _ = run(capsys, "--db", db.url, "targets", "--year", "2022", "--as-of", "2022-03-31")
    assert code == 0 and "签约项目总投资" in out and "落后" in out
    code, out, _ = run(capsys, "--db", db.url, "targets", "--year", "2022", "--format", "json")
    rows = json.loads(out)
    assert {r["metric_key"] for r in rows} >= {"start_rate", "key_project_count"}
    first = rows[0]
    assert set(first) == {
        "plan",
        "metric_key",
        "display_name",
        "target",
        "value",
        "reached",
        "expected",
        "delta",
        "ahead",
    }


def test_metrics_by_group(capsys, db):
    code, out, _ = run(
        capsys, "--db", db.url, "metrics", "--year", "2021", "--by", "unit", "--format", "json"
    )
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "--db", db.url, "metrics", "--year", "2021", "--by", "industry")
    assert code == 0 and "按产业" in out
