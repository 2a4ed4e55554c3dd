"""Field-level change stamps for offline sync, kept by an ORM hook.

Every ORM flush that creates or changes a synchronisable row stamps it in ``sync_stamps``
with one hybrid-logical-clock stamp (``domain.hlc``): a new row gets a base stamp ('*')
for all its fields, an update a stamp for each field it changed. Rows written by bulk
inserts (demo data, benchmark generator, Excel bulk import) or by bulk ``UPDATE`` carry no
stamp of their own; ``refresh`` (run before each export and import) treats them lazily:
rows that existed when sync first looked count as stamped at their ``updated_at`` by the
pseudo-installation ``legacy-<first installation id>`` (shared by every copy of the file,
and never issuing stamps of its own, so "seen up to the newest ``updated_at``" is always
true of it); rows written in bulk later are stamped by ``refresh``.

Clock, "seen" vector and bookkeeping live in ``app_meta`` (keys ``sync.*``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Table, and_, event, func, select
from sqlalchemy.orm import Session, UOWTransaction

from jianan_desk.domain import hlc
from jianan_desk.store.dialect import insert_for
from jianan_desk.store.models import AppMeta, Base, Synced, SyncStamp
from jianan_desk.store.types import new_id, utcnow

KEY_CLOCK = "sync.clock"  # the last stamp this clock issued or received
KEY_SEEN = "sync.seen"  # JSON {origin: highest stamp of that origin held here}
KEY_ORIGIN = "sync.unstamped_origin"  # the installation rows without stamps belong to
KEY_REFRESHED = "sync.refreshed_at"  # ISO time of the last ``refresh``
BASE = "*"
LEGACY = "legacy-"
# Seconds an ``updated_at`` may run ahead of its stamp before the row counts as changed
# outside the ORM (``refresh``).
SLACK_S = 5

# Never carried by a package: the key, local bookkeeping and data derived from other
# columns (recomputed after an import).
NOT_SYNCED = {"id", "updated_at", "version"}
DERIVED: dict[str, set[str]] = {
    "companies": {"normalized_name", "search_key"},
    "projects": {"search_key", "search_text", "investor_name", "stage", "signed_on", "stage_on"},
}

_stamps = SyncStamp.__table__
_meta = AppMeta.__table__
KEY_ID = "installation_id"


def get_meta(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(_meta.c.value).where(_meta.c.key == key)).scalar()
    return None if value is None else str(value)


def set_meta(conn: Connection, key: str, value: str) -> None:
    stmt = insert_for(conn, _meta).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def installation_id(conn: Connection) -> str:
    """This database's installation id (made on first use; ``store.installation``)."""
    ident = get_meta(conn, KEY_ID)
    if not ident:
        ident = new_id()
        set_meta(conn, KEY_ID, ident)
    return ident


def synced_tables() -> list[Table]:
    """The synchronisable tables, parents before children."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if {"id", "deleted_at", "version", "updated_at"} <= set(t.c.keys())
    ]


def synced_fields(table: Table) -> list[str]:
    skip = NOT_SYNCED | DERIVED.get(table.name, set())
    return [c.name for c in table.columns if c.name not in skip]


# ---------------------------------------------------------------- clock and seen vector


def load_clock(conn: Connection) -> str | None:
    return get_meta(conn, KEY_CLOCK)


def next_stamp(conn: Connection) -> str:
    """Tick this installation's clock and return the new stamp."""
    stamp = hlc.tick(load_clock(conn), installation_id(conn))
    set_meta(conn, KEY_CLOCK, stamp)
    return stamp


def receive_stamp(conn: Connection, remote: str) -> None:
    set_meta(conn, KEY_CLOCK, hlc.receive(load_clock(conn), remote, installation_id(conn)))


def load_seen(conn: Connection) -> dict[str, str]:
    """{origin: highest stamp of that origin this file holds}, own changes included."""
    seen: dict[str, str] = json.loads(get_meta(conn, KEY_SEEN) or "{}")
    clock = load_clock(conn)
    me = installation_id(conn)
    if clock and clock > seen.get(me, ""):
        seen[me] = hlc.make(hlc.wall_of(clock), int(clock.split("-")[1]), me)
    return seen


def save_seen(conn: Connection, seen: dict[str, str]) -> None:
    set_meta(conn, KEY_SEEN, json.dumps(seen, sort_keys=True))


def unstamped_origin(conn: Connection) -> str:
    return get_meta(conn, KEY_ORIGIN) or installation_id(conn)


def ensure_baseline(conn: Connection, origin: str | None = None) -> None:
    """The first time sync looks at a file: rows without stamps belong to ``origin``
    (this installation) at their ``updated_at``; the seen vector covers them."""
    if get_meta(conn, KEY_ORIGIN):
        return
    origin = LEGACY + (origin or installation_id(conn))
    set_meta(conn, KEY_ORIGIN, origin)
    latest: dt.datetime | None = None
    for table in synced_tables():
        value = conn.execute(select(func.max(table.c.updated_at))).scalar()
        if value is not None and (latest is None or value > latest):
            latest = value
    if latest is not None:
        seen = json.loads(get_meta(conn, KEY_SEEN) or "{}")
        stamp = hlc.from_datetime(latest, origin)
        if stamp > seen.get(origin, ""):
            seen[origin] = stamp
            save_seen(conn, seen)
        if stamp > (load_clock(conn) or ""):
            set_meta(conn, KEY_CLOCK, hlc.make(hlc.wall_of(stamp), 0, installation_id(conn)))
    set_meta(conn, KEY_REFRESHED, utcnow().isoformat())


# ---------------------------------------------------------------- stamps


def put_stamps(conn: Connection, rows: list[dict[str, str]]) -> None:
    """Upsert ``{tbl, row_id, field, hlc}`` rows."""
    if not rows:
        return
    stmt = insert_for(conn, _stamps)
    stmt = stmt.on_conflict_do_update(
        index_elements=["tbl", "row_id", "field"], set_={"hlc": stmt.excluded.hlc}
    )
    for start in range(0, len(rows), 5000):
        conn.execute(stmt, rows[start : start + 5000])


def stamps_of(conn: Connection, tbl: str, row_ids: list[str]) -> dict[str, dict[str, str]]:
    """{row_id: {field or '*': stamp}} of explicitly stamped rows among ``row_ids``."""
    out: dict[str, dict[str, str]] = {}
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        for row_id, field, stamp in conn.execute(
            select(_stamps.c.row_id, _stamps.c.field, _stamps.c.hlc).where(
                _stamps.c.tbl == tbl, _stamps.c.row_id.in_(chunk)
            )
        ):
            out.setdefault(row_id, {})[field] = stamp
    return out


def field_stamp(stamps: dict[str, str] | None, field: str, implicit: str) -> str:
    if not stamps:
        return implicit
    return stamps.get(field) or stamps.get(BASE) or implicit


def refresh(conn: Connection) -> int:
    """Stamp rows written outside the ORM since the last refresh; returns how many."""
    ensure_baseline(conn)
    since_text = get_meta(conn, KEY_REFRESHED)
    since = dt.datetime.fromisoformat(since_text) if since_text else None
    started = utcnow()
    count = 0
    stamp: str | None = None
    for table in synced_tables():
        stmt = select(table.c.id, table.c.updated_at, func.max(_stamps.c.hlc)).select_from(
            table.outerjoin(
                _stamps, and_(_stamps.c.tbl == table.name, _stamps.c.row_id == table.c.id)
            )
        )
        if since is not None:
            stmt = stmt.where(table.c.updated_at > since - dt.timedelta(seconds=SLACK_S))
        stale = []
        for row_id, updated_at, latest in conn.execute(stmt.group_by(table.c.id)):
            if latest is None:
                stale.append(row_id)  # written in bulk after the baseline
            elif updated_at.timestamp() * 1000 > hlc.wall_of(latest) + SLACK_S * 1000:
                stale.append(row_id)  # changed by a bulk UPDATE
        if stale:
            stamp = stamp or next_stamp(conn)
            for start in range(0, len(stale), 500):
                conn.execute(
                    _stamps.delete().where(
                        _stamps.c.tbl == table.name,
                        _stamps.c.row_id.in_(stale[start : start + 500]),
                    )
                )
            put_stamps(
                conn, [{"tbl": table.name, "row_id": r, "field": BASE, "hlc": stamp} for r in stale]
            )
            count += len(stale)
    set_meta(conn, KEY_REFRESHED, started.isoformat())
    # every row still without a stamp is a legacy row: this file holds all of them
    _cover_legacy(conn)
    return count


def _cover_legacy(conn: Connection) -> None:
    origin = unstamped_origin(conn)
    latest: dt.datetime | None = None
    for table in synced_tables():
        value = conn.execute(select(func.max(table.c.updated_at))).scalar()
        if value is not None and (latest is None or value > latest):
            latest = value
    if latest is None:
        return
    seen = json.loads(get_meta(conn, KEY_SEEN) or "{}")
    stamp = hlc.from_datetime(latest, origin)
    if stamp > seen.get(origin, ""):
        seen[origin] = stamp
        save_seen(conn, seen)


# ---------------------------------------------------------------- the ORM hook

APPLYING = "jianan_sync_applying"  # Session.info flag: a sync import writes its own stamps


def _field_names(obj: Any) -> set[str]:
    table = obj.__table__
    return set(synced_fields(table))


@event.listens_for(Session, "before_flush")
def _stamp_changes(session: Session, _context: UOWTransaction, _instances: object) -> None:
    if session.info.get(APPLYING):
        return
    from sqlalchemy import inspect

    new = [o for o in session.new if isinstance(o, Synced)]
    changed: list[tuple[Any, list[str], dt.datetime | None]] = []
    for obj in session.dirty:
        if not isinstance(obj, Synced) or obj in session.deleted:
            continue
        state = inspect(obj)
        fields = [
            name
            for name in _field_names(obj)
            if name in state.attrs and state.attrs[name].history.has_changes()
        ]
        if fields:
            history = state.attrs.updated_at.history
            before = (history.deleted or history.unchanged or [None])[0]
            changed.append((obj, fields, before))
    if not new and not changed:
        return
    conn = session.connection()
    if get_meta(conn, KEY_ORIGIN) is None:
        ensure_baseline(conn)
    stamp = next_stamp(conn)
    rows: list[dict[str, str]] = []
    for obj in new:
        if obj.id is None:
            obj.id = new_id()
        rows.append({"tbl": obj.__tablename__, "row_id": obj.id, "field": BASE, "hlc": stamp})
    if changed:
        origin = unstamped_origin(conn)
        refreshed = get_meta(conn, KEY_REFRESHED)
        baseline = dt.datetime.fromisoformat(refreshed) if refreshed else None
        by_table: dict[str, list[Any]] = {}
        for obj, _fields, _before in changed:
            by_table.setdefault(obj.__tablename__, []).append(obj.id)
        known = {t: stamps_of(conn, t, ids) for t, ids in by_table.items()}
        for obj, fields, before in changed:
            if not known[obj.__tablename__].get(obj.id) and before is not None:
                # first ORM change of a row written in bulk: its other fields keep the
                # stamp they implicitly had (or are new since sync last looked)
                old = baseline is not None and before <= baseline
                base = hlc.from_datetime(before, origin) if old else stamp
                rows.append(
                    {"tbl": obj.__tablename__, "row_id": obj.id, "field": BASE, "hlc": base}
                )
            for name in fields:
                rows.append(
                    {"tbl": obj.__tablename__, "row_id": obj.id, "field": name, "hlc": stamp}
                )
    put_stamps(conn, rows)
