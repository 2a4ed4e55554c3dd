"""Automatic backups: daily, rotation over simulated days, integrity, restore round-trip."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from jianan_desk.paths import sqlite_url
from jianan_desk.services.database import open_database
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.backup import (
    auto_backup,
    backups_dir,
    daily_backup,
    list_backups,
    restore_backup,
)
from jianan_desk.store.errors import DatabaseUnavailableError
from jianan_desk.store.installation import is_network_path
from tests.sync.helpers import inst_id, snapshot

pytestmark = pytest.mark.sqlite_only(
    reason="backups, restore and network shares are about SQLite files"
)


def _file(tmp_path):
    path = tmp_path / "data.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    return path


def test_first_open_of_the_day_backs_up_once(tmp_path):
    path = tmp_path / "db.sqlite"
    open_database(sqlite_url(path)).dispose()  # created: nothing to back up yet
    assert list_backups(path) == []
    open_database(sqlite_url(path)).dispose()
    open_database(sqlite_url(path)).dispose()
    (only,) = list_backups(path)
    assert only.reason == "daily" and only.taken_at.date() == dt.date.today()


def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path):
    path = _file(tmp_path)
    start = dt.datetime(2022, 1, 3, 9, 0)  # a Monday
    for day in range(70):
        now = start + dt.timedelta(days=day)
        assert daily_backup(path, now=now) is not None
        assert daily_backup(path, now=now + dt.timedelta(hours=3)) is None  # once a day
    kept = sorted(b.taken_at.date() for b in list_backups(path))
    last = (start + dt.timedelta(days=69)).date()
    daily = [last - dt.timedelta(days=i) for i in range(7)]
    assert kept[-7:] == sorted(daily)
    weekly = kept[:-7]
    assert len(weekly) == 4
    weeks = {d.isocalendar()[:2] for d in weekly}
    assert len(weeks) == 4
    assert all(d < min(daily) for d in weekly)


def test_event_backups_of_today_are_all_kept(tmp_path):
    path = _file(tmp_path)
    now = dt.datetime(2022, 3, 31, 8, 0)
    for minute, reason in enumerate(("daily", "import", "sync", "sync")):
        auto_backup(path, reason, now=now + dt.timedelta(minutes=minute))
    assert [b.reason for b in list_backups(path)] == ["sync", "sync", "import", "daily"]


def test_a_damaged_backup_is_refused_for_restore(tmp_path):
    path = _file(tmp_path)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(DatabaseUnavailableError):
        restore_backup(path, bad)
    with pytest.raises(DatabaseUnavailableError, match="不是建安招商台"):
        restore_backup(path, _other(tmp_path))
    assert list_backups(path) == []  # refused before anything was done


def _other(tmp_path):
    p = tmp_path / "other.sqlite"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE x (y)")
    con.commit()
    con.close()
    return p


def test_restore_round_trip(tmp_path):
    path = tmp_path / "db.sqlite"
    db = open_database(sqlite_url(path))
    with db.session() as s:
        create_project(s, ProjectInput(name="备份前的项目"), "张三")
    saved = snapshot(db)
    ident = inst_id(db)
    db.dispose()
    backup = auto_backup(path, "manual")
    db = open_database(sqlite_url(path))
    with db.session() as s:
        create_project(s, ProjectInput(name="备份后的项目"), "张三")
    db.dispose()
    before_restore = restore_backup(path, backup)
    assert before_restore is not None and before_restore.parent == backups_dir(path)
    db = open_database(sqlite_url(path))
    try:
        assert snapshot(db) == saved
        assert inst_id(db) != ident  # a restored file is a new installation for sync
    finally:
        db.dispose()
    # the state before the restore is kept in its backup
    con = sqlite3.connect(before_restore)
    names = {r[0] for r in con.execute("SELECT name FROM projects")}
    con.close()
    assert names == {"备份前的项目", "备份后的项目"}


def test_network_share_detection(tmp_path, monkeypatch):
    assert not is_network_path(tmp_path)
    mounts = f"server:/export {tmp_path} nfs4 rw 0 0\n"
    from pathlib import Path

    real = Path.read_text

    def fake(self, *a, **k):
        return mounts if str(self) == "/proc/mounts" else real(self, *a, **k)

    monkeypatch.setattr(Path, "read_text", fake)
    assert is_network_path(tmp_path / "db.sqlite")
