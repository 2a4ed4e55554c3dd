"""The bulk write path of an import: Core ``insert`` with ``executemany`` in chunks.

The ORM path (``services.projects.create_project`` per row) writes about 100 rows/s; an
import of a 100,000-row ledger must be far faster, so new rows are written here with the
same rules and the same records as the service:

* validation: ``plan_import`` has already run each row through the service's own field
  rules (``services.projects`` ``_clean``: the domain parsers, text limits, references);
* stage events: built with the domain's ``plan_advance`` / ``plan_drop`` exactly as
  ``create_project`` + ``advance_stage`` + ``drop_project`` would (skipped stages recorded
  the same day, 签约 carries the signed investment, no date after today);
* derived columns: ``stage``, ``signed_on``, ``stage_on`` from the events; ``investor_name``
  ``search_key`` and ``search_text`` (``domain.search.project_search_key`` and
  ``project_search_text``, with the repeating parts — the investor and the location —
  computed once per distinct value); companies get their
  ``normalized_name`` and ``search_key`` as the ORM events would give them;
* change_log: **one entry per created record** (each project, each new company) with the
  same ``{field: [old, new]}`` the service writes (the stage reached and its dates
  included). One entry per import would be cheaper, but a project's history
  (``audit.changes_of``) and the merging of databases later both read the log per record.

Investors: an existing company is matched by exact name, then by normalised name
(``domain.company_names``) with set lookups; names new to the database are created once
each. Rows matching an existing project are written by ``update_projects`` (Core UPDATE
executemany, diffed against the stored row at write time, one ``update`` log entry each)
unless they move the project's stage: those go through the service, whose stage rules
need the stored history.

Everything runs in the caller's transaction: the caller commits, or rolls back on an
error or a cancel (``ImportCancelled``), and nothing is written. Sync: bulk-written rows
carry no stamps of their own; ``store.sync_stamps.refresh`` stamps them before the next
export (an imported project reaches other installations and shows in its history).

Speed (100,000-row benchmark ledger, ``benchmarks/bench_excel.py``): one pass over the
rows building plain tuples (``insert_tuples``: the driver's executemany with the columns'
bind processors, each distinct value converted once per chunk); ids drawn in batches
(``new_ids``); a row's stage plan made once per *shape* of its dates (``_stage_plan``,
and kept per row dates for the rows that repeat them); a change_log text joined from
per-field JSON parts (``LogEncoder``: texts through ``json``'s string encoder, other
values encoded once per distinct value); columns that always hold their default left
out of the inserts; a large import on SQLite drops the filled tables' secondary indexes
and re-creates them at the end, in the same transaction (``indexes_rebuilt``). Measured
(100k ledger into an empty database, CPU, load 3): read 2 s, plan 4 s, this module's
Python 6–8 s, SQLite 15–18 s (inserts ~9 s, of which stage events ~5.5 s; index rebuilds
~6 s; commit with its WAL checkpoint 1.3–2.8 s).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from jianan_desk.domain.company_names import company_search_key, normalize_company_name
from jianan_desk.domain.project_rules import (
    HistoryEvent,
    StageTransitionError,
    plan_advance,
    plan_drop,
    signed_on,
    stage_since,
)
from jianan_desk.domain.search import SEPARATOR, fold, search_key
from jianan_desk.domain.stages import Stage
from jianan_desk.services.audit import clean_actor, diff, plain
from jianan_desk.store.models import ChangeLog, Company, Project, ProjectStageEvent
from jianan_desk.store.types import utcnow

CHUNK_ROWS = 2000
# A bulk import of more new projects than this drops the secondary indexes of the tables it
# fills (SQLite) and re-creates them from their stored SQL at the end, in its transaction:
# one sort per index instead of a B-tree insert per row and index.
INDEX_REBUILD_ROWS = 20_000
REBUILT_TABLES = ("projects", "project_stage_events", "change_log", "companies")
IMPORT_CACHE_KIB = 32 * 1024  # SQLite page cache during a bulk import (default 2 MB)
IMPORT_NOTE = "Excel 导入"
DROP_REASON = "Excel 导入：表格中项目进展为“终止”"

Progress = Callable[[int, int], None]  # (rows done, rows in all)
Cancelled = Callable[[], bool]


class ImportCancelled(Exception):
    """The user cancelled: the caller rolls back, nothing is written."""

    def __init__(self) -> None:
        super().__init__("导入已取消，数据库未作任何修改")


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


def new_id() -> str:
    """``str(uuid.uuid4())`` (same randomness, version and variant bits), 4× cheaper."""
    h = "%032x" % ((int.from_bytes(os.urandom(16)) & _UUID_CLEAR) | _UUID_SET)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def new_ids(n: int) -> list[str]:
    """``n`` ids as ``new_id`` makes them (122 random bits, version 4, variant 10xx), from
    one read of the system's random source."""
    h = os.urandom(16 * n).hex()
    variant = _VARIANT
    return [
        f"{h[i : i + 8]}-{h[i + 8 : i + 12]}-4{h[i + 13 : i + 16]}-"
        f"{variant[h[i + 16]]}{h[i + 17 : i + 20]}-{h[i + 20 : i + 32]}"
        for i in range(0, 32 * n, 32)
    ]


def _id_source(batch: int = 4096) -> Iterator[str]:
    """Endless ``new_ids``, drawn ``batch`` at a time."""
    while True:
        yield from new_ids(batch)


# companies repeat across a ledger's rows: each distinct name normalised once
normalized_name = lru_cache(maxsize=131072)(normalize_company_name)
_LOG_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_encode_text = json.encoder.encode_basestring  # what ``_LOG_JSON`` does to a str


@lru_cache(maxsize=65536)
def _part_key(text: str) -> str:
    return search_key(text)


def fast_project_search_key(name: str, investor: str, location: str, notes: str) -> str:
    """``project_search_key`` with the repeating parts cached (same result)."""
    parts = [search_key(name), _part_key(investor or ""), _part_key(location or "")]
    parts.append(search_key(text_only=(notes,)) if notes else "")
    return SEPARATOR.join(p for p in parts if p)


# investors and locations repeat: each folded once
_folded = lru_cache(maxsize=65536)(fold)


def fast_project_search_text(name: str, investor: str, location: str, notes: str) -> str:
    """``project_search_text`` with the repeating parts cached (same result)."""
    parts = (fold(name), _folded(investor or ""), _folded(location or ""), fold(notes))
    return SEPARATOR.join(p for p in parts if p)


class CompanyIndex:
    """Existing companies by exact and by normalised name (and USCC), for set lookups."""

    def __init__(self, session: Session) -> None:
        self.by_name: dict[str, str] = {}
        self.by_normalized: dict[str, str] = {}
        self.by_uscc: dict[str, str] = {}
        self.names: dict[str, str] = {}
        c = Company.__table__.c
        for cid, name, normalized, uscc in session.execute(
            select(c.id, c.name, c.normalized_name, c.uscc)
            .where(c.deleted_at.is_(None))
            .order_by(c.created_at)
        ):
            self.add(cid, name, normalized, uscc)

    def find(self, name: str, uscc: str | None = None) -> str | None:
        if uscc and uscc in self.by_uscc:
            return self.by_uscc[uscc]
        if name in self.by_name:
            return self.by_name[name]
        normalized = normalized_name(name)
        return self.by_normalized.get(normalized) if normalized else None

    def add(self, cid: str, name: str, normalized: str, uscc: str | None = None) -> None:
        self.names[cid] = name
        self.by_name.setdefault(name, cid)
        if normalized:
            self.by_normalized.setdefault(normalized, cid)
        if uscc:
            self.by_uscc.setdefault(uscc, cid)


class LogEncoder:
    """``_LOG_JSON(changes)`` (``json.dumps(changes, ensure_ascii=False, sort_keys=True)``,
    what ``audit.record_change`` stores) built from one text *part* per field.

    A JSON object with sorted keys is its members, each encoded on its own, sorted by key
    and joined by ", ": so a member is encoded once per distinct (field, value) and a
    record's text is a join. Texts (most of a project's fields, unique or not) go through
    ``json``'s own string encoder; other values (amounts, dates, ids' None…) are encoded
    by ``_LOG_JSON`` once per distinct value (bounded memo, keyed by type: 1, True and
    Decimal(1) are different values here). ``tests/excel/test_import_speed.py`` compares
    its output with ``_LOG_JSON``."""

    MEMO_MAX = 50_000

    def __init__(self) -> None:
        self._memo: dict[tuple[str, type, Any], str] = {}
        self._heads: dict[str, str] = {}

    def created(self, key: str, value: Any) -> str:
        """The part of ``{key: [None, plain(value)]}`` (a field of a created record)."""
        if type(value) is str:
            head = self._heads.get(key)
            if head is None:
                head = self._heads[key] = _LOG_JSON({key: [None, ""]})[1:-4]
            return f"{head}{_encode_text(value)}]"
        memo_key = (key, type(value), value)
        part = self._memo.get(memo_key)
        if part is None:
            if len(self._memo) >= self.MEMO_MAX:
                self._memo.clear()
            part = self._memo[memo_key] = self.part(key, [None, plain(value)])
        return part

    def heads(self, keys: tuple[str, ...]) -> dict[str, str]:
        """key → the start of the part of a text value (``created`` without the call)."""
        for key in keys:
            self.created(key, "")
        return dict(self._heads)

    @staticmethod
    def part(key: str, change: list[Any]) -> str:
        """The part of ``{key: change}``."""
        return _LOG_JSON({key: change})[1:-1]

    @staticmethod
    def join(parts: dict[str, str]) -> str:
        """The object of the parts (key → part), keys sorted as ``sort_keys`` sorts them."""
        return "{" + ", ".join([parts[k] for k in sorted(parts)]) + "}"


_INSERTS: dict[tuple[str, tuple[str, ...]], tuple[str, list[Any]]] = {}


def insert_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """``session.execute(insert(table), rows)`` — on SQLite straight through the driver's
    ``executemany`` with the columns' own bind processors (about twice as fast)."""
    if not rows:
        return
    names = tuple(rows[0])
    insert_tuples(session, table, names, [tuple(row[n] for n in names) for row in rows])


def insert_tuples(
    session: Session, table: Any, names: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples of the columns ``names``, Python values). SQLite: the
    driver's ``executemany`` with the columns' own bind processors, each distinct value
    converted once; other databases: Core ``insert`` with ``executemany``."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        connection.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    key = (table.name, names)
    if key not in _INSERTS:
        cols = [table.c[n] for n in names]
        sql = (
            f"INSERT INTO {table.name} ({', '.join(c.name for c in cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})"
        )
        _INSERTS[key] = (sql, [c.type._cached_bind_processor(dialect) for c in cols])
    sql, procs = _INSERTS[key]
    if any(proc is not None for proc in procs):
        columns: list[Any] = list(zip(*rows, strict=True))
        for i, proc in enumerate(procs):
            if proc is None:
                continue
            # a chunk's rows share dates and amounts: each distinct value converted once
            memo: dict[Any, Any] = {v: proc(v) for v in set(columns[i]) if v is not None}
            memo[None] = None
            columns[i] = list(map(memo.__getitem__, columns[i]))
        rows = list(zip(*columns, strict=True))
    connection.exec_driver_sql(sql, rows)


def log_row(
    entity: str,
    entity_id: str,
    actor: str,
    action: str,
    changes: dict[str, list[Any]],
    at: dt.datetime,
    parent_id: str | None = None,
) -> dict[str, Any]:
    """A change_log row for a Core insert (what ``audit.record_change`` adds)."""
    return {
        "id": new_id(),
        "entity": entity,
        "entity_id": entity_id,
        "parent_id": parent_id,
        "actor": actor,
        "action": action,
        "changes": _LOG_JSON(changes),
        "at": at,
        "created_at": at,
        "updated_at": at,
        "version": 1,
    }


def company_row(name: str, at: dt.datetime, **extra: Any) -> dict[str, Any]:
    """A companies row for a Core insert, with the derived columns the ORM events keep."""
    row: dict[str, Any] = {
        "id": new_id(),
        "name": name,
        "uscc": None,
        "province": "",
        "city": "",
        "industry_node_id": None,
        "scale": "",
        "website": "",
        "tags": "",
        "notes": "",
        "is_local": False,
        "is_target": False,
        "created_at": at,
        "updated_at": at,
        "deleted_at": None,
        "version": 1,
    }
    row.update(extra)
    row["normalized_name"] = normalized_name(row["name"])
    if row["city"] or row["uscc"] or row["tags"]:
        row["search_key"] = company_search_key(row["name"], row["city"], row["uscc"], row["tags"])
    else:  # the same key; the project rows of this investor look it up again
        row["search_key"] = _part_key(row["name"] or "")
    return row


def stage_events(
    steps: list[tuple[Stage, dt.date | None]], today: dt.date
) -> tuple[list[tuple[Any, str]], list[HistoryEvent]]:
    """The events ``create_project`` + ``advance_stage``/``drop_project`` would record for
    ``steps`` (a row's stage dates), as (NewEvent, note) pairs; raises StageTransitionError.
    Ledgers repeat their stage/date combinations: each is planned once (cached)."""
    return _stage_events(tuple(steps), today)


@lru_cache(maxsize=1024)
def _stage_events(
    steps_in: tuple[tuple[Stage, dt.date | None], ...], today: dt.date
) -> tuple[list[tuple[Any, str]], list[HistoryEvent]]:
    steps = list(steps_in)
    last: dt.date | None = None

    def day(on: dt.date | None) -> dt.date:
        return on or last or today

    first, first_on = Stage.LEAD, None
    if steps and steps[0][0] is not Stage.DROPPED:
        first, first_on = steps.pop(0)
    history: list[HistoryEvent] = []
    out: list[tuple[Any, str]] = []
    plans = [plan_advance([], first, day(first_on), today=today)]
    last = day(first_on)
    current = first

    def take(plan: Any) -> None:
        for ev in plan.new_events:
            out.append((ev, ev.note))
            history.append(HistoryEvent(ev.stage, ev.occurred_on, ev.kind))

    take(plans[0])
    for stage, on in steps:
        if stage is Stage.DROPPED:
            if current is not Stage.DROPPED:
                take(plan_drop(history, day(on), reason=DROP_REASON, today=today))
                current = stage
            continue
        if current is Stage.DROPPED or stage.rank <= current.rank:
            continue
        take(plan_advance(history, stage, day(on), note=IMPORT_NOTE, today=today))
        last, current = day(on), stage
    return out, history


class _StagePlan(NamedTuple):
    """What a row's stage steps write, ready to copy into each row that has them."""

    events: tuple[tuple[str, dt.date, str, str, str | None, bool], ...]
    # (stage, occurred_on, note, kind, reason, carries the signed investment)
    derived: dict[str, Any]  # stage, signed_on, stage_on
    changes: dict[str, list[Any]]  # their change_log entries (``diff`` from a new lead)
    signed: bool  # the row reached 签约: its log shows the signed investment
    log_parts: tuple[tuple[str, str], ...] = ()  # ``changes`` as ``LogEncoder`` parts


_PLACEHOLDER_BASE = dt.date(2000, 1, 1)


def _stage_plan(steps: tuple[tuple[Stage, dt.date | None], ...], today: dt.date) -> _StagePlan:
    """What ``steps`` write (events, derived columns, their log entry); raises
    StageTransitionError as the service would.

    The stage rules look at dates only through comparisons (order, "not after today"),
    so the plan is made once per *shape*: the row's dates and today replaced by
    placeholders in the same order (equal dates equal). A ledger has a handful of shapes
    but tens of thousands of distinct date combinations. A refused shape is planned
    again with the real dates, so that the message names them. Each row's plan is
    kept too (``_PLANS``, bounded): rows repeat their dates."""
    memo_key = (steps, today)
    found = _PLANS.get(memo_key)
    if found is not None:
        return found
    distinct = sorted({d for _, d in steps if d is not None} | {today})
    to_placeholder = {d: _PLACEHOLDER_BASE + dt.timedelta(days=i) for i, d in enumerate(distinct)}
    shape = tuple((stage, to_placeholder[d] if d else None) for stage, d in steps)
    back = tuple((v, k) for k, v in to_placeholder.items())
    try:
        plan = _real_plan(shape, to_placeholder[today], back)
    except StageTransitionError:
        _stage_events(steps, today)  # raises with the real dates in its message
        raise
    if len(_PLANS) >= PLANS_MAX:
        _PLANS.clear()
    _PLANS[memo_key] = plan
    return plan


PLANS_MAX = 4096  # ~2 KB a plan
_PLANS: dict[tuple[Any, dt.date], _StagePlan] = {}


def _real_plan(
    shape: tuple[tuple[Stage, dt.date | None], ...],
    today: dt.date,
    back_items: tuple[tuple[dt.date, dt.date], ...],
) -> _StagePlan:
    """The shape's plan with the placeholders turned back into the row's dates."""
    planned = _shape_plan(shape, today)
    back: dict[Any, Any] = dict(back_items)
    back[None] = None
    events = tuple(
        (stage, back[on], note, kind, reason, signed)
        for stage, on, note, kind, reason, signed in planned.events
    )
    derived = {k: (back[v] if k != "stage" else v) for k, v in planned.derived.items()}
    # ``diff({"stage": "lead"}, derived)``: the placeholders keep which dates are None, so
    # the shape's changes name the same fields; its dates are replaced by the row's
    changes = {
        k: change if k == "stage" else [change[0], plain(derived[k])]
        for k, change in planned.changes.items()
    }
    return _StagePlan(events, derived, changes, planned.signed, _stage_parts(changes))


_STAGE_PARTS: dict[tuple[str, Any, Any], str] = {}


def _stage_parts(changes: dict[str, list[Any]]) -> tuple[tuple[str, str], ...]:
    """``LogEncoder`` parts of a stage plan's changes, each made once (a few thousand
    distinct dates and stages)."""
    out = []
    for k, (old, new) in changes.items():
        found = _STAGE_PARTS.get((k, old, new))
        if found is None:
            if len(_STAGE_PARTS) >= LogEncoder.MEMO_MAX:
                _STAGE_PARTS.clear()
            found = _STAGE_PARTS[(k, old, new)] = LogEncoder.part(k, [old, new])
        out.append((k, found))
    return tuple(out)


@lru_cache(maxsize=1024)
def _shape_plan(steps: tuple[tuple[Stage, dt.date | None], ...], today: dt.date) -> _StagePlan:
    planned, history = _stage_events(steps, today)
    stage = planned[-1][0].stage if planned else Stage.LEAD
    derived = {
        "stage": stage.value,
        "signed_on": signed_on(history),
        "stage_on": stage_since(history),
    }
    events = tuple(
        (ev.stage.value, ev.occurred_on, note, ev.kind.value, ev.reason, ev.stage is Stage.SIGNED)
        for ev, note in planned
    )
    return _StagePlan(
        events,
        derived,
        diff({"stage": Stage.LEAD.value}, derived),
        any(ev.stage is Stage.SIGNED for ev, _ in planned),
    )


def insert_new_projects(
    session: Session,
    rows: list[Any],
    *,
    actor: str,
    today: dt.date,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    done_before: int = 0,
    total: int | None = None,
) -> list[Any]:
    """Insert planned new rows (``RowPlan`` with ``values`` from the service's rules).

    Returns the rows that failed a stage rule (each given its error); the others are
    written. Checks ``cancelled`` between chunks."""
    actor = clean_actor(actor)
    try:
        with larger_page_cache(session), indexes_rebuilt(session, len(rows)):
            return _insert_new_projects(
                session, rows, actor=actor, today=today, progress=progress,
                cancelled=cancelled, done_before=done_before, total=total,
            )  # fmt: skip
    finally:
        _PLANS.clear()  # the import's stage plans: not kept once it is written


@contextmanager
def indexes_rebuilt(session: Session, new_rows: int) -> Iterator[None]:
    """For a large import on SQLite: drop the secondary indexes of the tables the import
    fills, and re-create them from their stored SQL when the block ends normally.

    Only when the rows added are many (> ``INDEX_REBUILD_ROWS``) and at least half the
    projects already stored (re-indexing a big table for a few rows would cost more). DDL
    is transactional in SQLite and the caller's transaction is open (``BEGIN IMMEDIATE``):
    on an error or a cancel its rollback restores the indexes with everything else. Other
    databases keep their indexes."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or new_rows <= INDEX_REBUILD_ROWS:
        yield
        return
    existing = connection.exec_driver_sql("SELECT count(*) FROM projects").scalar() or 0
    if new_rows * 2 < existing:
        yield
        return
    marks = ", ".join("?" * len(REBUILT_TABLES))
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY name",
        REBUILT_TABLES,
    ).all()
    for name, _ in found:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in found:
        connection.exec_driver_sql(sql)


@contextmanager
def larger_page_cache(session: Session, kib: int | None = None) -> Iterator[None]:
    """SQLite's page cache raised for the import (random UUID keys over a dozen indexes
    miss the default 2 MB cache on every insert), then set back."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{int(kib or IMPORT_CACHE_KIB)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def _insert_new_projects(
    session: Session,
    rows: list[Any],
    *,
    actor: str,
    today: dt.date,
    progress: Progress | None,
    cancelled: Cancelled | None,
    done_before: int,
    total: int | None,
) -> list[Any]:
    """One pass over the rows building plain tuples (projects, stage events, change_log,
    new companies), written chunk by chunk with ``insert_tuples``."""
    companies = CompanyIndex(session)
    total = total if total is not None else len(rows)
    failed: list[Any] = []
    project_t, event_t, log_t = (
        Project.__table__,
        ProjectStageEvent.__table__,
        ChangeLog.__table__,
    )
    company_t = Company.__table__
    defaults = tuple((c, d) for c, d in _PROJECT_DEFAULTS.items() if c != "company_id")
    log_parts = LogEncoder()
    created, join = log_parts.created, LogEncoder.join
    heads, encode_text = log_parts.heads(_PROJECT_COLUMNS), _encode_text  # texts: inline
    next_id = _id_source().__next__
    done = done_before
    for start in range(0, len(rows), CHUNK_ROWS):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        now = utcnow()
        chunk = rows[start : start + CHUNK_ROWS]
        new_companies: list[dict[str, Any]] = []
        projects: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        logs: list[tuple[Any, ...]] = []
        for row in chunk:
            values: dict[str, Any] = row.values
            try:
                staged = _stage_plan(tuple(row.steps), today)
            except StageTransitionError as exc:
                row.stage_error(str(exc))
                failed.append(row)
                continue
            investor = ""
            company_id = values.get("company_id")
            if company_id is None and row.new_company:
                investor = row.new_company
                company_id = companies.find(investor)
                if company_id is None:
                    crow = company_row(investor, now, id=next_id())
                    company_id = crow["id"]
                    companies.add(company_id, investor, crow["normalized_name"])
                    new_companies.append(crow)
                    logs.append(
                        (
                            next_id(), "company", company_id, None, actor,
                            "create", join({"name": created("name", investor)}), now, now,
                            now,
                        )
                    )  # fmt: skip
                investor = companies.names[company_id]
            pid = next_id()
            total_wan: Decimal = values.get("total_investment_wan") or Decimal(0)
            derived = staged.derived
            projects.append(
                (
                    *[values.get(c, d) for c, d in defaults],
                    company_id,
                    values["name"],
                    pid,
                    derived["stage"],
                    derived["signed_on"],
                    derived["stage_on"],
                    actor,
                    investor,
                    fast_project_search_key(
                        values["name"],
                        investor,
                        values.get("location") or "",
                        values.get("notes") or "",
                    ),
                    fast_project_search_text(
                        values["name"],
                        investor,
                        values.get("location") or "",
                        values.get("notes") or "",
                    ),
                    now,
                    now,
                )
            )
            for stage, occurred_on, note, kind, reason, signed in staged.events:
                events.append(
                    (
                        next_id(), pid, stage, occurred_on, note, actor,
                        total_wan if signed else None, kind, reason, now, now,
                    )
                )  # fmt: skip
            # the log entry: ``_LOG_JSON`` of ``audit.diff({}, values)`` + the investor +
            # the stage plan's changes (+ the signed investment), built from parts
            parts = {
                k: f"{heads[k]}{encode_text(v)}]" if type(v) is str and k in heads
                else created(k, v)
                for k, v in values.items() if v is not None
            }  # fmt: skip
            if company_id is not None:
                parts["company_id"] = created("company_id", company_id)
            parts.update(staged.log_parts)
            if staged.signed:
                parts["signed_investment_wan"] = created("signed_investment_wan", total_wan)
            logs.append(
                (
                    next_id(), "project", pid, pid, actor, "create", join(parts), now, now,
                    now,
                )
            )  # fmt: skip
            row.project_id = pid
        insert_rows(session, company_t, new_companies)
        insert_tuples(session, project_t, _PROJECT_COLUMNS, projects)
        insert_tuples(session, event_t, _EVENT_COLUMNS, events)
        insert_tuples(session, log_t, _LOG_COLUMNS, logs)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    return failed


# The bulk inserts leave out the columns whose value is always their default (deleted_at,
# superseded_by_id, source_visit_id: NULL; version: 1): fewer values to bind per row.
_EVENT_COLUMNS = (
    "id", "project_id", "stage", "occurred_on", "note", "recorded_by",
    "signed_investment_wan", "kind", "reason", "created_at", "updated_at",
)  # fmt: skip
_LOG_COLUMNS = (
    "id", "entity", "entity_id", "parent_id", "actor", "action", "changes", "at",
    "created_at", "updated_at",
)  # fmt: skip


def _log_tuple(
    log_id: str,
    entity: str,
    entity_id: str,
    actor: str,
    changes: dict[str, list[Any]],
    at: dt.datetime,
    parent_id: str | None,
    action: str = "create",
) -> tuple[Any, ...]:
    """``log_row`` as a tuple of ``_LOG_COLUMNS``."""
    return (log_id, entity, entity_id, parent_id, actor, action, _LOG_JSON(changes), at, at, at)


def update_projects(
    session: Session,
    rows: list[Any],
    *,
    actor: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    done_before: int = 0,
    total: int | None = None,
) -> int:
    """Write planned updates (``RowPlan`` with ``values`` from the service's rules, no
    stage move, same investor) as ``update_project`` would: only changed fields, diffed
    against the row as stored *now*; ``updated_at``/``updated_by``, ``version + 1`` and
    the search key; one change_log entry ``update`` with ``{field: [old, new]}`` each.
    Core ``UPDATE … WHERE id = ?`` with executemany, grouped by the set of changed
    columns. Returns how many projects changed."""
    actor = clean_actor(actor)
    project_t, log_t = Project.__table__, ChangeLog.__table__
    total = total if total is not None else len(rows)
    changed = 0
    done = done_before
    for start in range(0, len(rows), CHUNK_ROWS):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        chunk = rows[start : start + CHUNK_ROWS]
        now = utcnow()
        keys = list(chunk[0].values)
        cols = [project_t.c[k] for k in (*keys, "updated_at", "investor_name")]
        stored: dict[str, tuple[Any, ...]] = {}
        ids = [r.project_id for r in chunk]
        for i in range(0, len(ids), 500):
            for found in session.execute(
                select(project_t.c.id, *cols).where(
                    project_t.c.id.in_(ids[i : i + 500]), project_t.c.deleted_at.is_(None)
                )
            ):
                stored[found[0]] = tuple(found[1:])
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        logs: list[tuple[Any, ...]] = []
        stamped: list[tuple[str, tuple[str, ...], dt.datetime]] = []
        log_ids = iter(new_ids(len(chunk)))
        for row in chunk:
            old_row = stored.get(row.project_id)
            if old_row is None:
                continue  # deleted since the plan: nothing to update
            values = row.values
            changes = diff(dict(zip(keys, old_row, strict=False)), values)
            if not changes:
                continue
            fields = tuple(sorted(changes))
            params = {f"v_{k}": values[k] for k in fields}
            params["b_id"] = row.project_id
            params["b_search_key"] = fast_project_search_key(
                values["name"], old_row[-1] or "", values.get("location") or "",
                values.get("notes") or "",
            )  # fmt: skip
            params["b_search_text"] = fast_project_search_text(
                values["name"], old_row[-1] or "", values.get("location") or "",
                values.get("notes") or "",
            )  # fmt: skip
            groups.setdefault(fields, []).append(params)
            stamped.append((row.project_id, fields, old_row[-2]))
            logs.append(
                _log_tuple(
                    next(log_ids), "project", row.project_id, actor, changes, now,
                    row.project_id, "update",
                )
            )  # fmt: skip
        for fields, params in groups.items():
            stmt = (
                update(project_t)
                .where(project_t.c.id == bindparam("b_id"))
                .values(
                    {
                        **{k: bindparam(f"v_{k}") for k in fields},
                        "search_key": bindparam("b_search_key"),
                        "search_text": bindparam("b_search_text"),
                        "updated_at": now,
                        "updated_by": actor,
                        "version": project_t.c.version + 1,
                    }
                )
            )
            session.connection().execute(stmt, params)
            changed += len(params)
        insert_tuples(session, log_t, _LOG_COLUMNS, logs)
        _stamp_updates(session, stamped)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    return changed


def _stamp_updates(session: Session, rows: list[tuple[str, tuple[str, ...], dt.datetime]]) -> None:
    """Sync stamps for bulk-updated projects, as the ORM hook (``store.sync_stamps``) gives
    an update: one new stamp for each changed field (and ``updated_by``); a row with no
    stamp yet first gets a base stamp for its other fields. Without them a re-import made
    within seconds of a sync would not travel (``refresh`` allows for clock slack)."""
    if not rows:
        return
    from jianan_desk.domain import hlc
    from jianan_desk.store import sync_stamps as ss

    conn = session.connection()
    if ss.get_meta(conn, ss.KEY_ORIGIN) is None:
        ss.ensure_baseline(conn)
    stamp = ss.next_stamp(conn)
    origin = ss.unstamped_origin(conn)
    refreshed = ss.get_meta(conn, ss.KEY_REFRESHED)
    baseline = dt.datetime.fromisoformat(refreshed) if refreshed else None
    synced = set(ss.synced_fields(Project.__table__))
    known = ss.stamps_of(conn, "projects", [r[0] for r in rows])
    out: list[dict[str, str]] = []
    for pid, fields, before in rows:
        if not known.get(pid) and before is not None:
            old = baseline is not None and before <= baseline
            base = hlc.from_datetime(before, origin) if old else stamp
            out.append({"tbl": "projects", "row_id": pid, "field": ss.BASE, "hlc": base})
        for name in (*fields, "updated_by"):
            if name in synced:
                out.append({"tbl": "projects", "row_id": pid, "field": name, "hlc": stamp})
    ss.put_stamps(conn, out)


_PROJECT_DEFAULTS: dict[str, Any] = {
    "code": None,
    "family": "attraction",
    "company_id": None,
    "industry_node_id": None,
    "chain_link_id": None,
    "field_id": None,
    "total_investment_wan": Decimal(0),
    "fixed_asset_investment_wan": None,
    "foreign_investment_usd_wan": None,
    "land_mu": None,
    "location": "",
    "unit_id": None,
    "leader_in_charge": "",
    "task_force_id": None,
    "expected_revenue_wan": None,
    "expected_tax_wan": None,
    "jobs": None,
    "construction_content": "",
    "contract_notes": "",
    "notes": "",
}


_PROJECT_COLUMNS = (
    *(c for c in _PROJECT_DEFAULTS if c != "company_id"),
    "company_id", "name", "id", "stage", "signed_on", "stage_on", "updated_by",
    "investor_name", "search_key", "search_text", "created_at", "updated_at",
)  # fmt: skip
