"""Small helpers shared by test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from jianan_desk.paths import sqlite_url
from jianan_desk.store.engine import Database, make_engine


def open_db(path: Path) -> Database:
    """Open a SQLite file without migrating it."""
    url = sqlite_url(path)
    return Database(url, make_engine(url))
