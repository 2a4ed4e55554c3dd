"""Opening the database the user asked for, migrated to the current schema."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from jianan_desk.store.dialect import is_connection_lost
from jianan_desk.store.engine import Database, make_engine
from jianan_desk.store.errors import ConnectionLostError, DatabaseUnavailableError, StoreError
from jianan_desk.store.migrations import UpgradeResult, check_not_newer, upgrade


def open_database(url: str, *, migrate: bool = True, must_exist: bool = False) -> Database:
    """Open ``url``; create/upgrade its schema unless ``migrate`` is False.

    Read-only callers pass ``migrate=False, must_exist=True``: they never change a file,
    and a database from a newer program is still refused.
    """
    db = Database(url, make_engine(url))
    try:
        path = db.path
        if must_exist and path is not None and not path.exists():
            raise DatabaseUnavailableError(f"数据库文件不存在：{path}")
        if migrate:
            _daily_backup(path)
            upgrade_database(db)
            _check_installation(db)
        else:
            check_not_newer(db)
    except StoreError:
        db.dispose()
        raise
    except DBAPIError as exc:
        db.dispose()
        raise DatabaseUnavailableError(describe_dbapi_error(db, exc)) from exc
    return db


def upgrade_database(db: Database) -> UpgradeResult:
    try:
        return upgrade(db)
    except DBAPIError as exc:
        raise DatabaseUnavailableError(describe_dbapi_error(db, exc)) from exc


def describe_dbapi_error(db: Database, exc: DBAPIError) -> str:
    """A Chinese message for the environment problems SQLite reports."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    name = db.display_name
    if is_connection_lost(exc):  # a database server that cannot be reached
        return str(ConnectionLostError(name))
    if "locked" in text or "busy" in text:
        return f"数据库 {name} 正被其他程序占用，请稍后重试。"
    if "readonly" in text or "read-only" in text:
        return f"数据库 {name} 是只读的，无法写入。请检查文件权限。"
    if "disk is full" in text or "full" in text:
        return f"磁盘空间已满，无法写入数据库 {name}。"
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return f"文件 {name} 不是有效的建安招商台数据库，或已损坏。"
    if "unable to open" in text:
        return f"无法打开数据库 {name}（文件夹不存在或没有权限）。"
    return f"数据库 {name} 出错：{exc.orig}"


def _daily_backup(path: Path | None) -> None:
    """The first open of each day backs the file up (``store.backup``, rotated)."""
    if path is None or not path.exists():
        return
    from jianan_desk.settings import BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY, Preferences
    from jianan_desk.store.backup import daily_backup

    prefs = Preferences()
    daily_backup(
        path, keep_daily=prefs.get(BACKUP_KEEP_DAILY), keep_weekly=prefs.get(BACKUP_KEEP_WEEKLY)
    )


def _check_installation(db: Database) -> None:
    """A copied file becomes a separate installation for sync (``store.installation``)."""
    from jianan_desk.store.installation import check_installation

    with db.engine.begin() as conn:
        check_installation(conn, db.path)
