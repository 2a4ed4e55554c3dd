"""Installations for sync tests, on the engine under test.

SQLite (``make test``): database files; a copy is a copied file. PostgreSQL (``make test-pg``,
``JIANAN_TEST_DB`` set): each installation is a database of its own on the throwaway server,
made from one migrated and seeded template database; a copy is ``CREATE DATABASE … TEMPLATE``
of the original (a server-side copy, which sync must detect as a new installation, as it
does a copied file). The ``path`` arguments then only name the database: opening the same
path again opens the same database. ``discard`` drops it.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from jianan_desk.paths import sqlite_url
from jianan_desk.services.database import open_database
from jianan_desk.store.backup import backup_sqlite
from jianan_desk.store.engine import Database
from jianan_desk.store.installation import installation_id
from jianan_desk.store.models import AppMeta, SyncConflict, SyncPeer, SyncStamp
from jianan_desk.store.seed import SEED_ORIGIN, SEED_STAMP
from jianan_desk.store.sync_stamps import synced_fields, synced_tables
from jianan_desk.sync.engine import LOCAL_ENTITY, encode
from jianan_desk.sync.service import export_package, import_package
from tests.helpers import create_pg_database, drop_pg_database, pg_server_url, unique_pg_name

_files = itertools.count(1)
_pg_urls: dict[Path, str] = {}  # PostgreSQL: the database standing for each path
_pg_template: dict[str, str] = {}
created: list[str] = []  # PostgreSQL databases made by these helpers, not yet dropped


def _template() -> str:
    """A migrated and seeded database that never had an installation id."""
    server = pg_server_url()
    assert server is not None
    if server not in _pg_template:
        from jianan_desk.store.engine import make_engine
        from jianan_desk.store.migrations import upgrade

        name = unique_pg_name("jsync_template")
        url = create_pg_database(server, name)
        db = Database(url, make_engine(url))
        upgrade(db)
        with db.engine.begin() as conn:  # as if each database had been migrated on its own
            meta, stamps = AppMeta.__table__, SyncStamp.__table__
            conn.execute(
                meta.delete().where(meta.c.key.like("installation%") | meta.c.key.like("sync.%"))
            )
            # the seeded rows keep the stamp every installation gives them
            conn.execute(stamps.delete().where(stamps.c.hlc != SEED_STAMP))
            conn.execute(
                meta.insert().values(key="sync.seen", value=json.dumps({SEED_ORIGIN: SEED_STAMP}))
            )
        db.dispose()
        _pg_template[server] = name
    return _pg_template[server]


def _pg_database(path: Path, template: str) -> str:
    server = pg_server_url()
    assert server is not None
    name = unique_pg_name("jsync")
    url = create_pg_database(server, name, template=template)
    created.append(name)
    _pg_urls[path] = url
    return url


def new_installation(path: Path) -> Database:
    """A new installation (or the one opened at ``path`` before): a SQLite file, or a
    PostgreSQL database on the server under test."""
    if pg_server_url() is None:
        return open_database(sqlite_url(path))
    url = _pg_urls.get(path) or _pg_database(path, _template())
    return open_database(url)


def new_sqlite_installation(path: Path) -> Database:
    """A SQLite file whatever the engine under test (a laptop next to the server)."""
    return open_database(sqlite_url(path))


def copy_installation(source: Database, path: Path) -> Database:
    """Copy the database (as staff copy the file before a trip) and open the copy."""
    if source.path is not None:
        backup_sqlite(source.path, path)
        return open_database(sqlite_url(path))
    source.engine.dispose()  # a template database must have no connections
    name = make_url(source.url).database
    assert name is not None
    return open_database(_pg_database(path, name))


def discard(db: Database) -> None:
    """Close ``db``; on PostgreSQL drop its database."""
    db.dispose()
    server = pg_server_url()
    name = make_url(db.url).database
    if server is not None and db.path is None and name in created:
        drop_pg_database(server, name)
        created.remove(name)


def drop_created() -> None:
    server = pg_server_url()
    while server is not None and created:
        drop_pg_database(server, created.pop())


def inst_id(db: Database) -> str:
    with db.session(readonly=True) as s:
        return installation_id(s.connection())


def knows(db: Database, peer: Database) -> bool:
    with db.session(readonly=True) as s:
        return s.get(SyncPeer, inst_id(peer)) is not None


def send(src: Database, dst: Database, folder: Path, *, passphrase: str = "", full: bool = False):
    """Export from ``src`` what ``dst`` has not seen and import it into ``dst``."""
    target = folder / f"p{next(_files)}.jdsync"
    peer = None if full or not knows(src, dst) else inst_id(dst)
    export_package(src, target, for_peer=peer, passphrase=passphrase)
    result, _backup = import_package(dst, target, passphrase=passphrase, backup=False)
    return result


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every synchronised field of every row (plus derived project columns), by table."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.session(readonly=True) as s:
        for table in synced_tables():
            names = synced_fields(table)
            if table.name == "projects":
                names = [*names, "stage", "signed_on", "investor_name"]
            stmt = select(*(table.c[n] for n in ["id", *names]))
            if table.name == "change_log":
                stmt = stmt.where(table.c.entity != LOCAL_ENTITY)
            out[table.name] = sorted(tuple(encode(v) for v in row) for row in s.execute(stmt))
    return out


def conflicts(db: Database, *, open_only: bool = False) -> list[SyncConflict]:
    with db.session(readonly=True) as s:
        stmt = select(SyncConflict)
        if open_only:
            stmt = stmt.where(SyncConflict.resolved_at.is_(None))
        return list(s.scalars(stmt))


def open_conflicts(db: Database) -> list[tuple[Any, ...]]:
    """Open conflicts as the review dialog lists them: (id, table, row, field, {the two
    values}), sides unordered (each installation shows its own value as 本机)."""
    from jianan_desk.sync.conflicts import list_conflicts

    with db.session(readonly=True) as s:
        return sorted(
            (c.id, c.tbl, c.row_id, c.field, frozenset({str(c.mine), str(c.theirs)}))
            for c in list_conflicts(s)
        )
