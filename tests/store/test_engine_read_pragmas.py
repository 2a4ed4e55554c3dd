"""SQLite connections read a large file through mmap and a 64 MiB page cache (the 首页)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from jianan_desk.store.engine import CACHE_SIZE_KIB, MMAP_SIZE


@pytest.mark.sqlite_only
def test_every_connection_maps_the_file_and_has_a_large_page_cache(db_path, db):
    with db.session(readonly=True) as s:
        assert s.execute(text("PRAGMA cache_size")).scalar() == CACHE_SIZE_KIB
        mapped = s.execute(text("PRAGMA mmap_size")).scalar()
    # SQLite may cap the size at its compile-time limit, but never switches mapping off.
    assert 0 < mapped <= MMAP_SIZE
