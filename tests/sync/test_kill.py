"""kill -9 in the middle of a sync import leaves the database intact: all or nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from jianan_desk.paths import sqlite_url
from jianan_desk.services.database import open_database
from jianan_desk.services.demo import generate_demo_data
from jianan_desk.store.backup import integrity_problems
from jianan_desk.sync.service import export_package
from tests.sync.helpers import copy_installation, snapshot

pytestmark = pytest.mark.sqlite_only(reason="kill -9 of a process writing a SQLite file")

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from jianan_desk.paths import sqlite_url
    from jianan_desk.services.database import open_database
    from jianan_desk.sync import engine
    from jianan_desk.sync.service import import_package

    kill_after = int(sys.argv[3])
    seen = [0]
    original = engine._Apply.merge_row

    def merge_row(self, *args, **kwargs):
        seen[0] += 1
        if seen[0] == kill_after:
            print("KILLING", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, *args, **kwargs)

    engine._Apply.merge_row = merge_row
    db = open_database(sqlite_url(Path(sys.argv[1])))
    import_package(db, Path(sys.argv[2]), backup=False)
    print("DONE", flush=True)
    """
)


@pytest.mark.parametrize("kill_after", [2500, 10**9])
def test_kill_9_during_import_is_all_or_nothing(tmp_path, kill_after):
    office = open_database(sqlite_url(tmp_path / "office.sqlite"))
    laptop = copy_installation(office, tmp_path / "laptop.sqlite")
    with office.session() as s:
        generate_demo_data(s, seed=11)
    package = tmp_path / "demo.jdsync"
    export_package(office, package)
    expected_after = snapshot(office)
    office.dispose()
    before = snapshot(laptop)
    laptop.dispose()

    env = dict(os.environ, PYTHONPATH=os.getcwd())
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(tmp_path / "laptop.sqlite"),
            str(package),
            str(kill_after),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    killed = proc.returncode == -signal.SIGKILL
    assert killed == (kill_after < 10**9), proc.stderr[-2000:]

    assert integrity_problems(tmp_path / "laptop.sqlite") == []
    laptop = open_database(sqlite_url(tmp_path / "laptop.sqlite"))
    try:
        after = snapshot(laptop)
        if killed:
            assert after == before
        else:
            assert after == expected_after
    finally:
        laptop.dispose()
