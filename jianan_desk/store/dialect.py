"""Where SQLite and PostgreSQL differ: the one place the rest of the program asks.

Everything else is written once in SQLAlchemy. What differs:

* ``insert_for``: the dialect's ``INSERT`` with ``on_conflict_do_update`` / ``do_nothing``
  (both engines have them, in separate SQLAlchemy modules);
* ``is_connection_lost``: which driver errors mean "the server went away" (PostgreSQL over a
  network) as opposed to a rule of the database refusing a statement;
* ``change_marker``: a cheap "did anything change?" probe for the change watcher;
* ``statement_canceller`` / ``is_query_cancelled``: stopping a running statement from another
  thread (PostgreSQL's cancel request; SQLite uses a progress handler instead);
* ``is_server`` / ``backend``: a shared server (PostgreSQL) or an embedded file (SQLite).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


def backend(bind: Engine | Connection) -> str:
    return bind.dialect.name


def is_server(bind: Engine | Connection) -> bool:
    """True for a shared database server (several users at once), False for a SQLite file."""
    return backend(bind) != SQLITE


def insert_for(bind: Engine | Connection, table: Table) -> Any:
    """``INSERT`` supporting ``on_conflict_do_update`` on the engine of ``bind``."""
    if backend(bind) == POSTGRESQL:
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


# SQLSTATE classes of a lost or refused connection (PostgreSQL): 08 connection exception,
# 57P01-57P03 admin/crash shutdown, cannot connect now.
_LOST_STATES = ("08", "57P01", "57P02", "57P03")


def is_connection_lost(exc: BaseException) -> bool:
    """Whether ``exc`` says the database server could not be reached or went away."""
    if isinstance(exc, DisconnectionError):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    module = type(orig).__module__ if orig is not None else ""
    if not module.startswith("psycopg"):
        return False  # SQLite: "database is locked" & co. are not a lost server
    state = getattr(orig, "sqlstate", None)
    if state:
        return str(state).startswith(_LOST_STATES)
    # psycopg raises OperationalError without SQLSTATE when it cannot connect at all.
    return isinstance(exc, OperationalError | InterfaceError)


CANCEL_TIMEOUT_S = 5.0  # a cancel request the server does not answer is given up
_QUERY_CANCELED = "57014"  # SQLSTATE of a statement stopped by a cancel request


def statement_canceller(dbapi_connection: Any) -> Callable[[], None] | None:
    """A function that asks the server to stop the statement now running on
    ``dbapi_connection``, callable from any thread; None where the driver has none (SQLite:
    a progress handler does this job inside the connection's own thread).

    PostgreSQL (psycopg 3): a cancel request over a separate connection (``cancel_safe``,
    which waits at most ``CANCEL_TIMEOUT_S``). The statement then fails with SQLSTATE 57014
    (``is_query_cancelled``); the server ignores a request that finds no statement running.
    """
    if not type(dbapi_connection).__module__.startswith("psycopg"):
        return None
    safe = getattr(dbapi_connection, "cancel_safe", None)
    if safe is not None:
        return lambda: safe(timeout=CANCEL_TIMEOUT_S)
    return dbapi_connection.cancel  # type: ignore[no-any-return]


def is_query_cancelled(exc: BaseException) -> bool:
    """Whether ``exc`` is a statement stopped by a cancel request (``statement_canceller``)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return str(getattr(orig, "sqlstate", "") or "") == _QUERY_CANCELED


def change_marker(conn: Connection, tables: list[Table]) -> tuple[Any, ...]:
    """One row that changes whenever rows of ``tables`` are written: per table the row
    count and the newest ``updated_at`` (every synchronisable row carries it, tombstones
    included), read in one statement. Cheap on both engines (``updated_at`` is indexed)."""
    parts = []
    for table in tables:
        parts.append(select(func.count()).select_from(table).scalar_subquery())
        parts.append(select(func.max(table.c.updated_at)).scalar_subquery())
    return tuple(conn.execute(select(*parts)).one())


def ordered(key: Any, descending: bool) -> Any:
    """``ORDER BY key`` with NULLs where SQLite puts them on both engines: first when
    ascending, last when descending (PostgreSQL's default is the other way round)."""
    return key.desc().nulls_last() if descending else key.asc().nulls_first()


def exists_on(obj: Any, dialect_name: str) -> bool:
    """Whether a schema object is created on ``dialect_name``: an ``Index(...).ddl_if(
    dialect=...)`` exists on that engine only (for comparing models with a database)."""
    ddl_if = getattr(obj, "_ddl_if", None)
    if ddl_if is None or ddl_if.dialect is None:
        return True
    dialects = (ddl_if.dialect,) if isinstance(ddl_if.dialect, str) else tuple(ddl_if.dialect)
    return dialect_name in dialects


def server_identity(conn: Connection) -> str | None:
    """Which database on which server ``conn`` is connected to, independent of the client
    and of how it reached the server (host name, address, port); None for a SQLite file.

    On PostgreSQL: the cluster's system identifier (fixed at ``initdb``; readable where the
    role may call ``pg_control_system()``, else left out) and the database's OID. A copy made
    with ``CREATE DATABASE … TEMPLATE``, ``pg_dump``/``pg_restore`` or on another server gets a
    new OID or cluster id; renaming the database or moving clients keeps both.
    """
    if backend(conn) != POSTGRESQL:
        return None
    oid = conn.exec_driver_sql(
        "SELECT oid FROM pg_database WHERE datname = current_database()"
    ).scalar()
    allowed = conn.exec_driver_sql(
        "SELECT has_function_privilege('pg_control_system()', 'EXECUTE')"
    ).scalar()
    system = ""
    if allowed:
        system = str(
            conn.exec_driver_sql("SELECT system_identifier FROM pg_control_system()").scalar()
        )
    return f"postgresql|{system}|{oid}"
