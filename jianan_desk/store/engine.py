"""Engines and sessions.

SQLite is opened for a laptop whose battery may die: WAL, ``synchronous=FULL``, foreign
keys on, a busy timeout, and write transactions begun with ``BEGIN IMMEDIATE`` (so two
writers queue at the start instead of failing half-way). pysqlite's own transaction
handling is switched off as SQLAlchemy 2 documents, which also makes DDL transactional:
a failed migration leaves nothing behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from jianan_desk.store.dialect import is_connection_lost
from jianan_desk.store.errors import ConnectionLostError, DatabaseUnavailableError, StaleRowError
from jianan_desk.store.locks import busy_timeout_s

READONLY = "jianan_readonly"
SERVER_CONNECT_TIMEOUT_S = 5  # a server that does not answer fails fast with a clear message
MMAP_SIZE = 1 << 27  # 128 MiB at most: mapped pages count as resident memory (≤ 400 MB)
CACHE_SIZE_KIB = -32768  # negative: KiB, i.e. 32 MiB of page cache per connection


def _configure_sqlite(engine: Engine) -> None:
    timeout_ms = int(busy_timeout_s() * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        # Reads of a large file (the 首页 over 100,000 projects) go through memory-mapped
        # pages and a 32 MiB page cache instead of one read() call per 4 KiB page.
        cur.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
        cur.execute(f"PRAGMA cache_size = {CACHE_SIZE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(READONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        if not path.parent.is_dir():
            raise DatabaseUnavailableError(f"数据库所在文件夹不存在：{path.parent}")
        engine = create_engine(url, connect_args={"timeout": busy_timeout_s()})
        _configure_sqlite(engine)
        return engine
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url)
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        # A server may restart or a laptop's network drop: check each pooled connection
        # before use, so that the first action after the server is back simply works.
        pool_pre_ping=True,
        connect_args={"connect_timeout": SERVER_CONNECT_TIMEOUT_S},
    )


@dataclass
class Database:
    """An open database: its URL, engine and (for SQLite) file path."""

    url: str
    engine: Engine

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def display_name(self) -> str:
        path = self.path
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    def sessionmaker(self, *, readonly: bool = False) -> sessionmaker[Session]:
        bind = self.engine.execution_options(**{READONLY: True}) if readonly else self.engine
        return sessionmaker(bind=bind, expire_on_commit=False)

    @contextmanager
    def session(self, *, readonly: bool = False) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on error.

        Two failures become clear messages (``StoreError``): a lost server connection
        (``ConnectionLostError``) and a row another user changed since it was read
        (``StaleRowError``, from the ``version`` check). Nothing of the unit is written.
        """
        with self.sessionmaker(readonly=readonly)() as session:
            try:
                yield session
                # A read-only unit simply closes (which ends its transaction) so that the
                # objects it loaded stay readable afterwards.
                if not readonly:
                    session.commit()
            except BaseException as exc:
                try:
                    session.rollback()
                except DBAPIError:
                    if not is_connection_lost(exc):
                        raise
                if isinstance(exc, StaleDataError):
                    raise StaleRowError() from exc
                if is_connection_lost(exc):
                    raise ConnectionLostError(self.display_name) from exc
                raise

    def dispose(self) -> None:
        self.engine.dispose()
