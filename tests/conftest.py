"""Test configuration shared by every suite.

Set before anything imports Qt: the offscreen platform, and a JIANAN_HOME in a temp
folder so that no test can ever read or write a user's real data dir or settings.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("JIANAN_HOME", tempfile.mkdtemp(prefix="jianan-test-home-"))
os.environ.pop("JIANAN_DB", None)
os.environ["JIANAN_BUSY_TIMEOUT"] = "1"

import pytest

from jianan_desk.store.engine import Database
from jianan_desk.store.migrations import upgrade
from tests.helpers import open_db


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


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new, migrated and seeded database in a temp folder."""
    database = open_db(db_path)
    upgrade(database)
    yield database
    database.dispose()
