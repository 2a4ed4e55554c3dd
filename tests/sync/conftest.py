"""Two installations of the bureau: the ``office`` and a ``laptop`` copied from it.

On SQLite they are files (the laptop a copied file); on PostgreSQL (``make test-pg``) each is
a database on the throwaway server (the laptop a server-side copy), see ``tests.sync.helpers``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jianan_desk.store.engine import Database
from tests.sync.helpers import copy_installation, discard, drop_created, new_installation


@pytest.fixture(autouse=True)
def _drop_databases() -> Iterator[None]:
    """On PostgreSQL: drop the databases a test made (SQLite files go with tmp_path)."""
    yield
    drop_created()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Database]:
    db = new_installation(tmp_path / "office.sqlite")
    yield db
    discard(db)


@pytest.fixture
def laptop(office: Database, tmp_path: Path) -> Iterator[Database]:
    db = copy_installation(office, tmp_path / "laptop.sqlite")
    yield db
    discard(db)
