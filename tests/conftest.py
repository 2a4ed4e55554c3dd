"""Test configuration shared by every suite.

Set before anything imports Qt: the offscreen platform, and a JIANAN_HOME in a temp
folder so that no test can ever read or write a user's real data dir or settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("JIANAN_HOME", tempfile.mkdtemp(prefix="jianan-test-home-"))
os.environ.pop("JIANAN_DB", None)
os.environ["JIANAN_BUSY_TIMEOUT"] = "1"

import pytest

from jianan_desk.store.engine import Database, make_engine
from jianan_desk.store.migrations import upgrade
from tests.helpers import PgResetter, open_db, pg_server_url

SQLITE_ONLY_REASON = "SQLite-specific (file path, WAL, locks, backups or schema snapshots)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL (``make test-pg``), skip the tests that are inherently SQLite: those
    marked ``sqlite_only`` and those asking for ``db_path`` (the SQLite file of ``db``)."""
    if pg_server_url() is None:
        return
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "db_path" in fixtures and item.get_closest_marker("sqlite_only") is None:
            item.add_marker(pytest.mark.sqlite_only(reason="uses the SQLite file behind db"))
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"sqlite_only: {reason or SQLITE_ONLY_REASON}"))


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JIANAN_HOME", str(home))
    monkeypatch.delenv("JIANAN_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture(scope="session")
def _pg_database() -> Iterator[PgResetter]:
    """On PostgreSQL: one migrated and seeded database, reset before each test."""
    server = pg_server_url()
    assert server is not None
    resetter = PgResetter(server)
    yield resetter
    resetter.drop()


@pytest.fixture
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A new, migrated and seeded database: a SQLite file in a temp folder (``db_path``), or
    with ``JIANAN_TEST_DB`` set, a PostgreSQL database holding just the seeded reference data
    (see ``tests.helpers.PgResetter``)."""
    server = pg_server_url()
    if server is None:
        database = open_db(request.getfixturevalue("db_path"))
        upgrade(database)
        yield database
        database.dispose()
        return
    resetter: PgResetter = request.getfixturevalue("_pg_database")
    database = Database(resetter.url, make_engine(resetter.url))
    yield database
    if "PySide6.QtCore" in sys.modules:  # let a page's background load finish first: the
        from PySide6.QtCore import QThreadPool  # reset ends every connection to the database

        QThreadPool.globalInstance().waitForDone(30_000)
    database.dispose()
    resetter.reset()
