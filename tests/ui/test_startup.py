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


def test_a_gui_start_builds_no_command_parser_and_imports_no_database_layer(tmp_path):
    """``jianan-desk [--db X]`` goes straight to the GUI: the CLI's commands (whose modules
    import SQLAlchemy, reportlab, openpyxl) are not even parsed before the window shows."""
    code = (
        "import sys\n"
        "import jianan_desk.app as app\n"
        "def fake_run_gui(url, screenshot=None, page=None):\n"
        "    heavy = ('sqlalchemy', 'alembic', 'openpyxl', 'reportlab', 'jianan_desk.cli')\n"
        "    print('LOADED', repr(','.join(m for m in heavy if m in sys.modules)))\n"
        "    print('ARGS', url.endswith('x.sqlite'), screenshot, page)\n"
        "    return 0\n"
        "app.run_gui = fake_run_gui\n"
        "from jianan_desk.launch import main\n"
        f"raise SystemExit(main(['--db', {str(tmp_path / 'x.sqlite')!r}, '--page=项目库']))\n"
    )
    env = {**os.environ, "JIANAN_HOME": str(tmp_path / "home")}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert "LOADED ''" in r.stdout.splitlines()
    assert "ARGS True None 项目库" in r.stdout


def test_gui_request_recognises_only_the_gui_options():
    from pathlib import Path

    from jianan_desk.launch import GuiRequest, gui_request

    assert gui_request([]) == GuiRequest(None, None, None)
    assert gui_request(["--db", "a.sqlite", "--screenshot=s.png", "--page", "项目库"]) == (
        GuiRequest("a.sqlite", Path("s.png"), "项目库")
    )
    for argv in (
        ["metrics", "--year", "2021"],
        ["--db", "a.sqlite", "check"],
        ["--help"],
        ["--version"],
        ["--db"],  # a value is missing: the full parser says so
        ["--db", "a", "--db", "b"],
        ["--dbx", "a"],
    ):
        assert gui_request(argv) is None, argv
