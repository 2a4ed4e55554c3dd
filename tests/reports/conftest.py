"""A demo database shared by the report tests (written once per test session)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from jianan_desk.services.demo import generate_demo_data
from jianan_desk.store.engine import Database
from jianan_desk.store.migrations import upgrade
from tests.helpers import open_db

# Reproducible output: the bundled fonts, whatever the machine has installed.
os.environ["JIANAN_REPORT_FONTS"] = "bundled"


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "demo.sqlite"
    db = open_db(path)
    upgrade(db)
    with db.session() as session:
        generate_demo_data(session)
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    db = open_db(demo_path)
    yield db
    db.dispose()
