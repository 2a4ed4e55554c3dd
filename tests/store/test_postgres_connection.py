"""A database server that goes away: a clear Chinese message, and recovery when it is back."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text

from jianan_desk.services.database import open_database
from jianan_desk.store.dialect import is_connection_lost
from jianan_desk.store.engine import Database, make_engine
from jianan_desk.store.errors import ConnectionLostError, DatabaseUnavailableError, StoreError
from jianan_desk.store.models import Project
from tests.helpers import on_postgres

DOWN = "postgresql+psycopg://nobody@127.0.0.1:1/none"  # nothing listens on port 1

pg_only = pytest.mark.skipif(not on_postgres(), reason="needs the PostgreSQL server (test-pg)")


def test_an_unreachable_server_is_a_clear_store_error():
    down = Database(DOWN, make_engine(DOWN))
    try:
        with pytest.raises(ConnectionLostError) as caught, down.session() as s:
            s.execute(select(1))
    finally:
        down.dispose()
    assert isinstance(caught.value, StoreError)
    assert "无法连接" in str(caught.value) and "保留" in str(caught.value)
    assert is_connection_lost(caught.value.__cause__)


def test_opening_an_unreachable_server_says_so():
    with pytest.raises(DatabaseUnavailableError, match="无法连接"):
        open_database(DOWN)


def test_a_refused_statement_is_not_mistaken_for_a_lost_server(db):
    with pytest.raises(Exception) as caught, db.session() as s:
        s.execute(text("SELECT * FROM no_such_table"))
    assert not isinstance(caught.value, ConnectionLostError)
    assert not is_connection_lost(caught.value)


def _kill_connections(db: Database) -> int:
    """What a server restart does to the program's pooled connections."""
    admin = create_engine(db.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            return len(
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).all()
            )
    finally:
        admin.dispose()


@pg_only
def test_pooled_connections_killed_by_a_restart_are_replaced_silently(db):
    with db.session() as s:
        s.add(Project(name="重启前"))
    assert _kill_connections(db) >= 1
    with db.session(readonly=True) as s:  # pool_pre_ping: a fresh connection, no error
        assert s.scalar(select(Project.name)) == "重启前"


@pg_only
def test_a_unit_of_work_cut_off_mid_way_fails_clearly_and_the_retry_works(db):
    with pytest.raises(ConnectionLostError), db.session() as s:
        s.add(Project(name="断线时的项目"))
        s.flush()
        _kill_connections(db)
        s.execute(select(1))
    with db.session(readonly=True) as s:
        assert s.scalar(select(Project.name)) is None  # nothing half-written
    with db.session() as s:  # the same action again, once the server is back
        s.add(Project(name="断线时的项目"))
    with db.session(readonly=True) as s:
        assert s.scalar(select(Project.name)) == "断线时的项目"
