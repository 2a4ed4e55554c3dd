"""Start-up shows the window before the slow imports (SQLAlchemy, Alembic) happen."""

import os
import subprocess
import sys


def test_gui_module_does_not_import_the_database_layer():
    code = (
        "import sys, jianan_desk.app, jianan_desk.ui.main_window\n"
        "heavy = ('sqlalchemy', 'alembic', 'openpyxl', 'reportlab')\n"
        "slow = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(slow))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""


def test_window_is_shown_then_the_database_is_opened(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JIANAN_EXIT_AFTER_SHOWN": "1",
        "JIANAN_STARTUP_MARKS": "1",
        "JIANAN_HOME": str(tmp_path / "home"),
    }
    db = tmp_path / "新建.sqlite"
    r = subprocess.run(
        [sys.executable, "-m", "jianan_desk", "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    marks = [line.split() for line in r.stdout.splitlines() if line.startswith("JIANAN_")]
    assert [name for name, _ in marks] == ["JIANAN_SHOWN", "JIANAN_READY"]
    assert float(marks[0][1]) <= float(marks[1][1])
    assert db.exists()
