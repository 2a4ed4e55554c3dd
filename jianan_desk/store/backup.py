"""Backups of a SQLite database with SQLite's online backup API (consistent while in use)."""

from __future__ import annotations

import datetime as dt
import sqlite3
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
            finally:
                dst.close()
        finally:
            src.close()
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
