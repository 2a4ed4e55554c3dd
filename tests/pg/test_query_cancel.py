"""Cancelling a superseded list query on PostgreSQL stops the statement on the server.

SQLite's side (a progress handler) is tested in tests/unit/test_project_query.py. Here two
real connections: the session running a deliberately slow statement (``pg_sleep``), and a
second one that watches ``pg_stat_activity`` and cancels the token only once the server is
really running it, then checks that the backend went idle.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text

from jianan_desk.services.project_query import (
    CancelToken,
    ProjectFilter,
    QueryCancelled,
    count_and_sum,
    interruptible,
)
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.dialect import is_query_cancelled
from jianan_desk.store.engine import Database
from tests.helpers import on_postgres

pytestmark = pytest.mark.skipif(
    not on_postgres(), reason="PostgreSQL only (make test-pg): a server-side cancel"
)

SLOW = text("SELECT pg_sleep(120)")  # far longer than any test may take
WAIT_S = 30.0  # how long the watcher waits for the statement to show up


@pytest.fixture
def watcher(db: Database) -> Iterator[Engine]:
    """The second connection: what the server is doing for another backend."""
    engine = create_engine(db.url, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def _state(watcher: Engine, pid: int) -> tuple[str, str]:
    with watcher.connect() as conn:
        row = conn.execute(
            text("SELECT state, query FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
        ).one()
    return str(row[0]), str(row[1])


def _cancel_when_running(watcher: Engine, pid: int, token: CancelToken) -> threading.Thread:
    """Cancel ``token`` as soon as backend ``pid`` is running pg_sleep (a thread)."""

    def run() -> None:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            state, query = _state(watcher, pid)
            if state == "active" and "pg_sleep" in query:
                break
            time.sleep(0.02)
        token.cancel()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_cancel_stops_a_running_statement_on_the_server(db, watcher):
    token = CancelToken()
    with db.session(readonly=True) as s:
        pid = int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())
    finished: list[bool] = []
    with (
        pytest.raises(QueryCancelled, match="查询已取消") as caught,
        db.session(readonly=True) as s,
        interruptible(s, token),
    ):
        assert s.execute(text("SELECT pg_backend_pid()")).scalar_one() == pid  # pooled
        thread = _cancel_when_running(watcher, pid, token)
        s.execute(SLOW)
        finished.append(True)
    thread.join()
    assert finished == []
    # the server stopped the statement (SQLSTATE 57014), not the token check afterwards
    assert caught.value.__cause__ is not None and is_query_cancelled(caught.value.__cause__)
    assert _state(watcher, pid)[0] == "idle"
    # the pooled connection is fit for the next query, and the token stays harmless
    with db.session(readonly=True) as s:
        assert s.execute(text("SELECT pg_backend_pid()")).scalar_one() == pid
        assert s.execute(text("SELECT 1")).scalar_one() == 1


def test_the_list_query_is_stopped_and_the_connection_reused(db, watcher, monkeypatch):
    """The service's own statements: a count made slow on purpose is cancelled mid-way."""
    from jianan_desk.services import project_query

    token = CancelToken()
    slow_conditions = project_query.conditions

    def conditions(session, f):  # every row waits: a count that would take 10 s
        return [*slow_conditions(session, f), text("pg_sleep(0.5) IS NOT NULL")]

    with db.session() as s:
        for i in range(20):
            create_project(s, ProjectInput(name=f"项目{i}"), "测试员")
    monkeypatch.setattr(project_query, "conditions", conditions)
    with (
        pytest.raises(QueryCancelled) as caught,
        db.session(readonly=True) as s,
        interruptible(s, token),
    ):
        pid = int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())
        thread = _cancel_when_running(watcher, pid, token)
        count_and_sum(s, ProjectFilter())
    thread.join()
    assert is_query_cancelled(caught.value.__cause__)


def test_a_cancelled_token_starts_no_further_statement(db, watcher):
    """Cancelled between two statements: the next one is never sent to the server."""
    token = CancelToken()
    with (
        pytest.raises(QueryCancelled) as caught,
        db.session(readonly=True) as s,
        interruptible(s, token),
    ):
        pid = int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())
        token.cancel()
        s.execute(SLOW)
    assert isinstance(caught.value.__cause__, QueryCancelled)  # refused before it was sent
    assert "pg_sleep" not in _state(watcher, pid)[1]


def test_a_token_cancelled_after_its_block_leaves_the_connection_alone(db, watcher):
    """Cancel requests go only to the block's own statements: cancelling a token whose
    queries are done does not stop what the pooled connection runs next."""
    token = CancelToken()
    with db.session(readonly=True) as s, interruptible(s, token):
        pid = int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())
    with db.session(readonly=True) as s:
        assert int(s.execute(text("SELECT pg_backend_pid()")).scalar_one()) == pid
        thread = _cancel_when_running(watcher, pid, token)
        assert s.execute(text("SELECT 7 FROM pg_sleep(1.5)")).scalar_one() == 7
        thread.join()
    assert token.cancelled
