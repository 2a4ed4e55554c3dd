"""Backups of a SQLite database with SQLite's online backup API (consistent while in use).

Every backup is checked with ``PRAGMA integrity_check`` before it takes its final name.
Automatic backups (first start of each day, before imports, sync imports and restores) go
to the folder ``<database>.backups`` beside the database and are rotated: all of today's,
the newest of each of the last 7 days that have one, and the newest of each of the 4 weeks
before those are kept (the counts are preferences). Pre-migration backups stay next to the
database (``pre_migration_backup``)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from jianan_desk.store.errors import DatabaseUnavailableError


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` page by page; returns ``target``."""
    if not source.exists():
        raise DatabaseUnavailableError(f"数据库文件不存在：{source}")
    if target.resolve() == source.resolve():
        raise DatabaseUnavailableError("备份文件不能与数据库文件相同")
    if not target.parent.is_dir():
        raise DatabaseUnavailableError(f"备份目标文件夹不存在：{target.parent}")
    tmp = target.with_name(target.name + ".partial")
    try:
        # A file: URI built by pathlib, so that #, % and ? in a path are escaped.
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                # The copy is a self-contained file: no -wal sidecar.
                dst.execute("PRAGMA journal_mode = DELETE")
                problems = _integrity_problems(dst)
            finally:
                dst.close()
        finally:
            src.close()
        if problems:
            tmp.unlink(missing_ok=True)
            raise DatabaseUnavailableError(
                f"备份未通过完整性检查（{problems[0]}），数据库文件可能已损坏：{source}"
            )
        tmp.replace(target)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseUnavailableError(f"备份失败：{exc}") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseUnavailableError(f"备份失败（无法写入 {target}）：{exc.strerror}") from exc
    return target


def pre_migration_backup(source: Path, revision: str | None) -> Path:
    """A backup next to the database, named by time and the schema version it holds."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.backup-{stamp}-{revision or 'none'}{source.suffix}")
    return backup_sqlite(source, target)


def _integrity_problems(con: sqlite3.Connection) -> list[str]:
    rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def integrity_problems(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` finds wrong with the file at ``path`` ([] = sound)."""
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return _integrity_problems(con)
        finally:
            con.close()
    except sqlite3.Error as exc:
        return [str(exc)]


# ---------------------------------------------------------------- automatic backups

REASONS = {
    "daily": "每日",
    "import": "导入前",
    "sync": "同步导入前",
    "restore": "恢复前",
    "manual": "手动",
}
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+)\.sqlite$")


def backups_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime  # local time, from the name
    reason: str

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def list_backups(db_path: Path) -> list[BackupFile]:
    """The automatic backups of ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if not m:
            continue
        try:
            when = dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(BackupFile(path, when, m["reason"]))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def auto_backup(
    db_path: Path,
    reason: str,
    *,
    now: dt.datetime | None = None,
    keep_daily: int = 7,
    keep_weekly: int = 4,
) -> Path:
    """Back ``db_path`` up into its backups folder (checked), then rotate the folder."""
    when = now or dt.datetime.now()
    folder = backups_dir(db_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailableError(f"无法创建备份文件夹 {folder}：{exc.strerror}") from exc
    target = folder / f"{db_path.stem}-{when:%Y%m%d-%H%M%S}-{reason}.sqlite"
    while target.exists():
        when += dt.timedelta(seconds=1)
        target = folder / f"{db_path.stem}-{when:%Y%m%d-%H%M%S}-{reason}.sqlite"
    backup_sqlite(db_path, target)
    rotate(db_path, now=when, keep_daily=keep_daily, keep_weekly=keep_weekly)
    return target


def daily_backup(
    db_path: Path, *, now: dt.datetime | None = None, keep_daily: int = 7, keep_weekly: int = 4
) -> Path | None:
    """The first backup of the day (None if today's exists or there is nothing to back up)."""
    when = now or dt.datetime.now()
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if any(b.taken_at.date() == when.date() for b in list_backups(db_path)):
        return None
    return auto_backup(db_path, "daily", now=when, keep_daily=keep_daily, keep_weekly=keep_weekly)


def rotate(
    db_path: Path, *, now: dt.datetime | None = None, keep_daily: int = 7, keep_weekly: int = 4
) -> list[Path]:
    """Delete the automatic backups rotation does not keep; returns the deleted files.

    Kept: every backup of today; the newest backup of each of the ``keep_daily`` most recent
    days that have one; the newest of each of the ``keep_weekly`` most recent ISO weeks
    before those days.
    """
    today = (now or dt.datetime.now()).date()
    backups = list_backups(db_path)  # newest first
    keep: set[Path] = {b.path for b in backups if b.taken_at.date() >= today}
    days: list[dt.date] = []
    for b in backups:
        day = b.taken_at.date()
        if day not in days and len(days) < keep_daily:
            days.append(day)
            keep.add(b.path)
    oldest_day = min(days) if days else today
    weeks: list[tuple[int, int]] = []
    for b in backups:
        day = b.taken_at.date()
        if day >= oldest_day:
            continue
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.append(week)
            keep.add(b.path)
    deleted = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                deleted.append(b.path)
            except OSError:
                pass  # in use or read-only: tried again next time
    return deleted


# ---------------------------------------------------------------- restore


def check_backup_file(path: Path) -> None:
    """Refuse a file that is not a sound database of this program."""
    if not path.is_file():
        raise DatabaseUnavailableError(f"备份文件不存在：{path}")
    problems = integrity_problems(path)
    if problems:
        raise DatabaseUnavailableError(f"文件 {path} 不是有效的数据库，或已损坏：{problems[0]}")
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseUnavailableError(f"无法读取备份文件 {path}：{exc}") from exc
    if not {"app_meta", "alembic_version", "projects"} <= tables:
        raise DatabaseUnavailableError(f"文件 {path} 不是建安招商台的数据库备份。")


def restore_backup(
    db_path: Path, backup: Path, *, keep_daily: int = 7, keep_weekly: int = 4
) -> Path | None:
    """Replace the database at ``db_path`` with ``backup`` (checked first).

    The current file is backed up first (reason "restore"); that backup's path is returned
    (None if there was no current file). The caller must hold the writer lock and have
    closed its own connections. The restored file is marked so that its next open gives it
    a new installation id: changes made after the backup may already live elsewhere.
    """
    check_backup_file(backup)
    if backup.resolve() == db_path.resolve():
        raise DatabaseUnavailableError("不能用数据库文件自身恢复。")
    before = None
    if db_path.exists():
        before = auto_backup(db_path, "restore", keep_daily=keep_daily, keep_weekly=keep_weekly)
    try:
        src = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(db_path)
            try:
                src.backup(dst)
                dst.execute(
                    "UPDATE app_meta SET value = 'restored' WHERE key = 'installation_mark'"
                )
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise DatabaseUnavailableError(
            f"恢复失败：{exc}。恢复前的数据库已备份到 {before}" if before else f"恢复失败：{exc}"
        ) from exc
    return before
