"""Small helpers shared by test modules (fixtures live in conftest.py).

The engine switch: ``JIANAN_TEST_DB`` (set by ``make test-pg``, see tests/pg/run.py) names a
PostgreSQL server's maintenance database, e.g. ``postgresql+psycopg://jianan@127.0.0.1:5544/
postgres``. Unset, every test runs on SQLite files in temp folders.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
from pathlib import Path
from types import ModuleType

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from jianan_desk.paths import sqlite_url
from jianan_desk.store.engine import Database, make_engine

TEST_DB_ENV = "JIANAN_TEST_DB"
_names = itertools.count(1)


def pg_server_url() -> str | None:
    """The PostgreSQL server the suite runs against, or None for SQLite."""
    return os.environ.get(TEST_DB_ENV) or None


def on_postgres() -> bool:
    return pg_server_url() is not None


def migration_module(revision: str) -> ModuleType:
    """The revision file ``db/versions/<revision>_*.py`` loaded as a module (its constants,
    e.g. the index lists, are what a migration test checks the database against)."""
    versions = Path(__file__).resolve().parent.parent / "db" / "versions"
    (path,) = versions.glob(f"{revision}_*.py")
    spec = importlib.util.spec_from_file_location(f"migration_{revision}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def open_db(path: Path) -> Database:
    """Open a SQLite file without migrating it."""
    url = sqlite_url(path)
    return Database(url, make_engine(url))


def _admin(server_url: str):
    return create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=None)


def unique_pg_name(prefix: str = "jt") -> str:
    return f"{prefix}_{os.getpid()}_{next(_names)}"


def create_pg_database(server_url: str, name: str, *, template: str | None = None) -> str:
    """``CREATE DATABASE name [TEMPLATE template]``; returns the new database's URL."""
    engine = _admin(server_url)
    try:
        with engine.connect() as conn:
            clause = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    finally:
        engine.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(server_url: str, name: str) -> None:
    engine = _admin(server_url)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


class PgResetter:
    """One migrated PostgreSQL database reused by every test, reset between tests.

    ``CREATE DATABASE ... TEMPLATE`` takes about a second on this machine; emptying the tables
    and restoring the seeded reference rows takes a fraction of that. After migrating and
    seeding, the rows are copied into a ``jianan_seed`` schema; ``reset()`` ends other
    connections, empties every table but ``alembic_version`` and copies the seed rows back.
    A test that changed the schema itself gets a brand-new database instead.
    """

    SEED = "jianan_seed"

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.name = unique_pg_name("jtest")
        self.url = create_pg_database(server_url, self.name)
        self._prepare()

    def _prepare(self) -> None:
        from jianan_desk.store.migrations import upgrade

        database = Database(self.url, make_engine(self.url))
        upgrade(database)
        with database.engine.begin() as conn:
            self.tables = [
                t
                for (t,) in conn.execute(
                    text(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                        "AND tablename <> 'alembic_version' ORDER BY tablename"
                    )
                )
            ]
            conn.execute(text(f"DROP SCHEMA IF EXISTS {self.SEED} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {self.SEED}"))
            self.seeded = []
            for t in self.tables:
                if conn.execute(text(f'SELECT EXISTS (SELECT 1 FROM public."{t}")')).scalar():
                    conn.execute(text(f'CREATE TABLE {self.SEED}."{t}" AS TABLE public."{t}"'))
                    self.seeded.append(t)
            self.fingerprint = self._fingerprint(conn)
        database.dispose()

    @staticmethod
    def _fingerprint(conn) -> str:
        return str(
            conn.execute(
                text(
                    "SELECT md5(string_agg(table_name || '.' || column_name || ':' || data_type,"
                    " ',' ORDER BY table_name, column_name)) || coalesce("
                    "(SELECT string_agg(version_num, ',') FROM public.alembic_version), '')"
                    " FROM information_schema.columns WHERE table_schema = 'public'"
                )
            ).scalar()
        )

    def reset(self) -> None:
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                )
                if self._fingerprint(conn) != self.fingerprint:
                    rebuild = True
                else:
                    rebuild = False
                    # DELETE, not TRUNCATE: on small tables it is ~15 times faster here.
                    conn.execute(text("BEGIN"))
                    conn.execute(text("SET LOCAL session_replication_role = replica"))
                    for t in self.tables:
                        conn.execute(text(f'DELETE FROM public."{t}"'))
                    for (seq,) in conn.execute(
                        text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")
                    ).all():
                        conn.execute(text(f'ALTER SEQUENCE public."{seq}" RESTART'))
                    for t in self.seeded:
                        conn.execute(text(f'INSERT INTO public."{t}" TABLE {self.SEED}."{t}"'))
                    conn.execute(text("COMMIT"))
        finally:
            engine.dispose()
        if rebuild:
            drop_pg_database(self.server_url, self.name)
            self.url = create_pg_database(self.server_url, self.name)
            self._prepare()

    def drop(self) -> None:
        drop_pg_database(self.server_url, self.name)


def empty_database(tmp_path: Path, name: str = "empty") -> Database:
    """A new, EMPTY database on the engine under test (no schema): a SQLite file in
    ``tmp_path``, or a new PostgreSQL database (dropped when the server is thrown away)."""
    server = pg_server_url()
    if server is None:
        return open_db(tmp_path / f"{name}.sqlite")
    url = create_pg_database(server, unique_pg_name(name[:20]))
    return Database(url, make_engine(url))
