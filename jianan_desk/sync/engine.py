"""Export and apply sync packages: merge by UUID, field by field, with conflicts kept.

Export (``export_changes``) carries every row that has a field stamp the receiver has not
seen (per origin installation, from what the receiver last reported), whole, with the
stamp of each field. Apply (``apply_changes``) merges each row into the local one:

* a field stamped the same on both sides is left alone;
* the same value on both sides keeps the later stamp;
* otherwise the later stamp wins (a hybrid logical clock, so a wrong wall clock cannot
  jump ahead of a change it had seen) — and when neither side had seen the other's change
  (both edited the field since their last exchange) the pair is kept in
  ``sync_conflicts`` for review (mine / theirs / edit), the losing value included;
* tombstones (``deleted_at``) are a field like any other; stage events and visits are
  rows of their own, so histories always union;
* a new row that collides with a local one on a unique key (the same 统一社会信用代码,
  unit name, 222 code…) is the same thing created twice: both become the row with the
  smaller id (an alias records the other id, and travels in every package);
* afterwards, derived columns are recomputed and likely duplicate companies (same
  normalised name) are listed for the companies merge.

Everything is applied in the caller's one transaction: all or nothing.

The same on SQLite and PostgreSQL: foreign keys are checked at every statement (PostgreSQL's
are not deferrable), so rows are applied parents first — tables in
``Base.metadata.sorted_tables`` order, and within a self-referencing table (the 222 tree of
``industry_nodes``) each parent before its children — and a row whose id changes when two
copies are unified is moved without ever updating a referenced key: a copy under the kept
id is inserted, references are moved to it, then the other row is deleted
(``_Apply.unify``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    String,
    Table,
    and_,
    bindparam,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from jianan_desk.domain import hlc
from jianan_desk.domain.company_names import company_search_key, normalize_company_name
from jianan_desk.domain.project_rules import HistoryEvent, state_of
from jianan_desk.domain.stages import Stage
from jianan_desk.store.installation import installation_id, installation_name
from jianan_desk.store.models import (
    AppMeta,
    Base,
    ChangeLog,
    Company,
    Project,
    ProjectStageEvent,
    SyncAlias,
    SyncConflict,
    SyncImport,
    SyncPeer,
    SyncStamp,
)
from jianan_desk.store.sync_stamps import (
    BASE,
    field_stamp,
    load_seen,
    put_stamps,
    receive_stamp,
    refresh,
    save_seen,
    stamps_of,
    synced_fields,
    synced_tables,
    unstamped_origin,
)
from jianan_desk.store.types import FixedDecimal, UTCDateTime, utcnow
from jianan_desk.sync.errors import PackageError, SyncCancelled, SyncError
from jianan_desk.sync.package import HEADER, PackageWriter, table_entry

LOCAL_ENTITY = "sync_package"  # change-log entries of imports: local audit, never exported

TABLE_LABELS: dict[str, str] = {
    "industry_nodes": "产业体系节点",
    "industry_node_names": "节点名称",
    "plan_fields": "5122 领域",
    "units": "责任单位",
    "staff_users": "人员",
    "companies": "客商",
    "contacts": "联系人",
    "trips": "外出招商活动",
    "trip_members": "活动成员",
    "visits": "拜访记录",
    "visit_contacts": "拜访联系人",
    "target_companies": "目标企业",
    "company_merges": "企业合并",
    "task_forces": "专班",
    "task_force_units": "专班单位",
    "projects": "项目",
    "project_stage_events": "项目阶段记录",
    "funds_in_place": "到位资金",
    "key_project_plans": "重点项目计划",
    "monthly_investments": "月度投资",
    "annual_targets": "年度目标",
    "weekly_meetings": "周例会",
    "meeting_projects": "例会项目",
    "problems": "问题台账",
    "problem_notes": "问题进展",
    "change_log": "修改日志",
    "saved_filters": "保存的筛选",
}
# Columns naming a row of another table without a FOREIGN KEY (kept when ids are unified).
SOFT_REFERENCES: dict[tuple[str, str], str] = {
    ("visits", "project_id"): "projects",
    ("problems", "company_id"): "companies",
    ("project_stage_events", "superseded_by_id"): "project_stage_events",
}
CHUNK = 500
EXPORT_BATCH = 2000
MISSING: Any = object()  # "not fetched yet" (None means "no such row")
# Rows without a unique constraint that still have a natural key: a new row matching a
# local one on it is the same thing created twice (e.g. the 222 name history seeded
# separately in two databases), unified like a unique-key collision.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "industry_node_names": ("node_id", "valid_from"),
}
# Tables whose touched ids the apply keeps (for derived columns and duplicate companies).
TRACKED = {"companies", "projects", "project_stage_events"}
REBUILD_ALL = 5000
CONFLICT_NAMESPACE = uuid.UUID("6f4b7c1e-2a35-5d0e-9c3b-3a1f0e6d2b44")

Progress = Callable[[int, int], None]  # (done, total), rows
Cancelled = Callable[[], bool]


class _Ticker:
    """Progress and cancel checks of one export or apply."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None):
        self.total, self.done = total, 0
        self.progress, self.cancelled = progress, cancelled

    def step(self, rows: int) -> None:
        self.done += rows
        if self.cancelled is not None and self.cancelled():
            raise SyncCancelled()
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def conflict_id(tbl: str, row_id: str, name: str, one: str, other: str) -> str:
    """The same id for the same conflict on every installation."""
    lo, hi = sorted((one, other))
    return str(uuid.uuid5(CONFLICT_NAMESPACE, f"{tbl}|{row_id}|{name}|{lo}|{hi}"))


# Tables the reference data is seeded into; a database with nothing else is "fresh".
SEED_TABLES = ("industry_node_names", "industry_nodes", "plan_fields", "units", "annual_targets")


# ---------------------------------------------------------------- values


def encode(value: Any) -> Any:
    """A column value as JSON (Decimal as text, dates ISO)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def decode(table: Table, name: str, value: Any) -> Any:
    if value is None:
        return None
    kind = table.c[name].type
    try:
        if isinstance(kind, FixedDecimal):
            return Decimal(str(value))
        if isinstance(kind, UTCDateTime):
            return dt.datetime.fromisoformat(value)
        if isinstance(kind, Date):
            return dt.date.fromisoformat(value)
        if isinstance(kind, Boolean):
            return bool(value)
    except (ValueError, TypeError, ArithmeticError) as exc:
        raise PackageError(f"同步包中 {table.name}.{name} 的值无效：{value!r}") from exc
    return value


# ---------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportResult:
    package_id: str
    payload: dict[str, Any]
    counts: dict[str, int]  # table label → rows
    for_peer: str | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _all_stamps(conn: Connection, tbl: str) -> dict[str, dict[str, str]]:
    s = SyncStamp.__table__
    out: dict[str, dict[str, str]] = {}
    for row_id, name, stamp in conn.execute(
        select(s.c.row_id, s.c.field, s.c.hlc).where(s.c.tbl == tbl)
    ):
        out.setdefault(row_id, {})[name] = stamp
    return out


def export_changes(
    session: Session,
    writer: PackageWriter,
    *,
    for_peer: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write everything ``for_peer`` has not seen (by what it last reported), or everything,
    into ``writer``: table by table, in batches, so memory stays flat whatever the size."""
    conn = session.connection()
    refresh(conn)
    me = installation_id(conn)
    base: dict[str, str] = {}
    if for_peer:
        peer = session.get(SyncPeer, for_peer)
        if peer is None:
            raise SyncError(f"未知的同步对象：{for_peer}。请先导入对方的同步包，或导出完整同步包。")
        base = json.loads(peer.seen or "{}")
        peer.last_export_at = utcnow()
    origin = unstamped_origin(conn)
    settle_conflicts(conn)
    s = SyncStamp.__table__
    stamped = {tbl for tbl, _n in conn.execute(select(s.c.tbl, func.count()).group_by(s.c.tbl))}
    tables = synced_tables()
    sizes = {
        t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0) for t in tables
    }
    ticker = _Ticker(sum(sizes.values()), progress, cancelled)
    meta: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for table in tables:
        names = synced_fields(table)
        stmt = select(table)
        if table.name == ChangeLog.__tablename__:
            stmt = stmt.where(table.c.entity != LOCAL_ENTITY)
        written = 0
        with writer.entry(table_entry(table.name)) as put:
            if sizes[table.name]:
                result = conn.execute(stmt, execution_options={"yield_per": EXPORT_BATCH})
                for batch in result.mappings().partitions():
                    stamps = (
                        stamps_of(conn, table.name, [r["id"] for r in batch])
                        if table.name in stamped
                        else {}
                    )
                    lines = []
                    for row in batch:
                        implicit = hlc.from_datetime(row["updated_at"], origin)
                        mine = stamps.get(row["id"])
                        per_field = [field_stamp(mine, n, implicit) for n in names]
                        if any(st > base.get(hlc.origin_of(st), "") for st in per_field):
                            # one stamp for the whole row when every field has the same
                            packed: str | list[str] = (
                                per_field[0] if len(set(per_field)) == 1 else per_field
                            )
                            lines.append(
                                json.dumps(
                                    [row["id"], [encode(row[n]) for n in names], packed],
                                    ensure_ascii=False,
                                    separators=(",", ":"),
                                )
                            )
                    if lines:
                        put(("\n".join(lines) + "\n").encode("utf-8"))
                        written += len(lines)
                    ticker.step(len(batch))
        if written:
            meta[table.name] = {"fields": names, "rows": written}
            counts[TABLE_LABELS.get(table.name, table.name)] = written
    a = SyncAlias.__table__
    aliases = [list(r) for r in conn.execute(select(a.c.tbl, a.c.alias_id, a.c.canonical_id))]
    header = {
        "package_id": writer.package_id,
        "from": me,
        "from_name": installation_name(conn),
        "created_at": utcnow().isoformat(),
        "base": base,
        "seen": load_seen(conn),
        "aliases": aliases,
        "conflicts": open_conflict_records(conn),
        "tables": meta,
    }
    writer.write_json(HEADER, header)
    return ExportResult(writer.package_id, header, counts, for_peer)


# ---------------------------------------------------------------- conflicts


def _current_stamps(conn: Connection, wanted: list[Any]) -> dict[tuple[str, str], dict[str, str]]:
    """{(tbl, row_id): {field: current stamp}} for rows (tbl, row_id, field) that exist."""
    origin = unstamped_origin(conn)
    by_table: dict[str, set[str]] = {}
    fields: dict[tuple[str, str], set[str]] = {}
    for tbl, row_id, name in wanted:
        if tbl in Base.metadata.tables:
            by_table.setdefault(tbl, set()).add(row_id)
            fields.setdefault((tbl, row_id), set()).add(name)
    out: dict[tuple[str, str], dict[str, str]] = {}
    for tbl, ids in by_table.items():
        table = Base.metadata.tables[tbl]
        ordered = sorted(ids)
        known = stamps_of(conn, tbl, ordered)
        for start in range(0, len(ordered), CHUNK):
            for row_id, updated_at in conn.execute(
                select(table.c.id, table.c.updated_at).where(
                    table.c.id.in_(ordered[start : start + CHUNK])
                )
            ):
                implicit = hlc.from_datetime(updated_at, origin)
                out[(tbl, row_id)] = {
                    name: field_stamp(known.get(row_id), name, implicit)
                    for name in fields[(tbl, row_id)]
                }
    return out


def superseded(conn: Connection, rows: list[Any]) -> set[str]:
    """Ids among open conflict ``rows`` (id, tbl, row_id, field, mine_stamp, theirs_stamp)
    that a later change has settled: the field's stamp is no longer the later of the two.

    The stamps of every field converge on every installation, so this is the same
    everywhere; a resolution (an ordinary edit, newer than both) settles it everywhere."""
    current = _current_stamps(conn, [(r[1], r[2], r[3]) for r in rows])
    out = set()
    for ident, tbl, row_id, name, one, other in rows:
        now = current.get((tbl, row_id), {}).get(name)
        if now is not None and now != max(one, other):
            out.add(ident)
    return out


def settle_conflicts(conn: Connection) -> int:
    """Close the open conflicts a later change has settled; how many."""
    c = SyncConflict.__table__
    rows = [
        tuple(r)
        for r in conn.execute(
            select(c.c.id, c.c.tbl, c.c.row_id, c.c.field, c.c.mine_stamp, c.c.theirs_stamp).where(
                c.c.resolved_at.is_(None)
            )
        )
    ]
    done = sorted(superseded(conn, rows)) if rows else []
    for start in range(0, len(done), CHUNK):
        conn.execute(
            update(c)
            .where(c.c.id.in_(done[start : start + CHUNK]))
            .values(resolved_at=utcnow(), resolution="superseded", resolved_by="同步")
        )
    return len(done)


def open_conflict_records(conn: Connection) -> list[list[Any]]:
    """Open conflicts as a package carries them (so every installation lists them)."""
    c = SyncConflict.__table__
    return [
        [
            r.tbl,
            r.row_id,
            r.field,
            r.mine_value,
            r.mine_stamp,
            r.theirs_value,
            r.theirs_stamp,
            r.detected_at.isoformat(),
            r.peer_id,
        ]
        for r in conn.execute(select(c).where(c.c.resolved_at.is_(None)).order_by(c.c.id))
    ]


# ---------------------------------------------------------------- apply


@dataclass(frozen=True)
class ConflictInfo:
    tbl: str
    row_id: str
    field: str
    mine: Any
    theirs: Any
    winner: str


@dataclass(frozen=True)
class DuplicatePair:
    """Two live companies that look like one (offered to ``services.companies`` merge)."""

    first_id: str
    first_name: str
    second_id: str
    second_name: str
    reason: str


@dataclass
class ApplyResult:
    package_id: str
    peer_id: str
    peer_name: str
    already_applied: bool = False
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unified: int = 0
    conflicts: list[ConflictInfo] = field(default_factory=list)
    duplicates: list[DuplicatePair] = field(default_factory=list)
    full_copy: bool = False

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())

    def summary(self) -> str:
        if self.already_applied:
            return "此同步包已导入过，没有新的更改。"
        parts = [f"新增 {label} {n} 条" for label, n in self.created.items()]
        parts += [f"更新 {label} {n} 条" for label, n in self.updated.items()]
        text = "；".join(parts) if parts else "没有需要更改的数据"
        if self.conflicts:
            text += f"；冲突 {len(self.conflicts)} 处（需要审阅）"
        if self.duplicates:
            text += f"；疑似重复企业 {len(self.duplicates)} 对"
        return text + "。"


class _Apply:
    def __init__(
        self, session: Session, payload: dict[str, Any], result: ApplyResult, ticker: _Ticker
    ) -> None:
        self.session = session
        self.conn = session.connection()
        self.payload = payload  # the package's header
        self.ticker = ticker
        self.result = result
        self.me = installation_id(self.conn)
        self.origin = unstamped_origin(self.conn)
        self.local_seen = load_seen(self.conn)
        self.sender_seen: dict[str, str] = payload["seen"]
        a = SyncAlias.__table__
        self.aliases: dict[str, str] = {
            r.alias_id: r.canonical_id for r in self.conn.execute(select(a))
        }
        self.touched: dict[str, set[str]] = {}
        self.rekeyed: set[str] = set()  # ids whose rows changed under a prefetch
        self.new_rows: list[dict[str, Any]] = []
        self.new_stamps: list[dict[str, str]] = []
        self.references = self._references()
        self.fk_targets = {
            fk.column.table.name for t in Base.metadata.sorted_tables for fk in t.foreign_keys
        }

    def flush_new(self, table: Table) -> None:
        if self.new_rows:
            self.conn.execute(table.insert(), self.new_rows)
            self.new_rows = []
        put_stamps(self.conn, self.new_stamps)
        self.new_stamps = []

    # ---- ids

    def canonical(self, ident: Any) -> Any:
        seen = 0
        while isinstance(ident, str) and ident in self.aliases and seen < 20:
            ident = self.aliases[ident]
            seen += 1
        return ident

    def _references(self) -> dict[str, list[tuple[Table, str]]]:
        refs: dict[str, list[tuple[Table, str]]] = {}
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                refs.setdefault(fk.column.table.name, []).append((table, fk.parent.name))
        for (tbl, col), target in SOFT_REFERENCES.items():
            refs.setdefault(target, []).append((Base.metadata.tables[tbl], col))
        return refs

    def unify(self, table: Table, drop: str, keep: str) -> None:
        """``drop`` becomes ``keep``: the row (if only ``drop`` exists here), references,
        stamps and conflicts; an alias records it."""
        conn = self.conn
        self.aliases[drop] = keep
        self.rekeyed.update((drop, keep))
        for pending in self.new_rows:  # rows of this chunk not written yet
            for col, value in pending.items():
                if value == drop and col != "id":
                    pending[col] = keep
        a = SyncAlias.__table__
        conn.execute(a.delete().where(a.c.alias_id == drop))
        conn.execute(a.insert().values(alias_id=drop, tbl=table.name, canonical_id=keep))
        has_keep = conn.execute(select(table.c.id).where(table.c.id == keep)).first()
        has_drop = conn.execute(select(table.c.id).where(table.c.id == drop)).first()
        s = SyncStamp.__table__
        if has_drop and not has_keep:
            if table.name in self.fk_targets:
                # rows may reference ``drop``: never update a referenced key (PostgreSQL's
                # foreign keys are checked at once); copy it, move references, delete it
                self._copy_row(table, drop, keep)
            else:
                conn.execute(update(table).where(table.c.id == drop).values(id=keep))
                has_drop = None
            conn.execute(s.delete().where(s.c.tbl == table.name, s.c.row_id == keep))
            conn.execute(
                update(s).where(s.c.tbl == table.name, s.c.row_id == drop).values(row_id=keep)
            )
        for ref_table, col in self.references.get(table.name, []):
            conn.execute(
                update(ref_table)
                .where(ref_table.c[col] == drop)
                .values({col: keep, "updated_at": ref_table.c.updated_at})
            )
        log = ChangeLog.__table__
        for col in ("entity_id", "parent_id"):
            conn.execute(
                update(log)
                .where(log.c[col] == drop)
                .values({col: keep, "updated_at": log.c.updated_at})
            )
        c = SyncConflict.__table__
        conn.execute(update(c).where(c.c.row_id == drop).values(row_id=keep))
        if has_drop:  # ``keep`` exists now (it did, or is a copy): references point at it
            conn.execute(s.delete().where(s.c.tbl == table.name, s.c.row_id == drop))
            conn.execute(table.delete().where(table.c.id == drop))
        self.result.unified += 1
        self.touch(table.name, keep)

    def _copy_row(self, table: Table, drop: str, keep: str) -> None:
        """Insert a copy of row ``drop`` under the id ``keep``. The unique values it holds
        move to the copy: ``drop`` first takes a placeholder in one text column of each
        unique constraint (it is deleted before the transaction ends)."""
        conn = self.conn
        row = dict(conn.execute(select(table).where(table.c.id == drop)).mappings().one())
        placeholder: dict[str, Any] = {}
        for constraint in table.constraints:
            if constraint.__class__.__name__ != "UniqueConstraint":
                continue
            cols = list(constraint.columns)
            if any(row[c.name] is None for c in cols):
                continue  # NULLs never collide
            for col in cols:
                if isinstance(col.type, String) and not col.foreign_keys:
                    length = col.type.length or 64
                    placeholder[col.name] = ("~" + drop)[:length]
                    break
        if placeholder:
            conn.execute(
                update(table)
                .where(table.c.id == drop)
                .values({**placeholder, "updated_at": table.c.updated_at})
            )
        conn.execute(table.insert().values(dict(row, id=keep)))

    def touch(self, tbl: str, row_id: str) -> None:
        if tbl in TRACKED:
            self.touched.setdefault(tbl, set()).add(row_id)

    def collision(self, table: Table, values: dict[str, Any], row_id: str) -> str | None:
        keys = [
            [c.name for c in constraint.columns]
            for constraint in table.constraints
            if constraint.__class__.__name__ == "UniqueConstraint"
        ]
        if table.name in NATURAL_KEYS:
            keys.append(list(NATURAL_KEYS[table.name]))
        for cols in keys:
            if any(values.get(c) is None for c in cols):
                continue
            found = self.conn.execute(
                select(table.c.id)
                .where(and_(*(table.c[c] == values[c] for c in cols)), table.c.id != row_id)
                .order_by(table.c.id)
                .limit(1)
            ).scalar()
            if found is not None:
                return str(found)
        return None

    # ---- rows

    def apply_table(self, table: Table, fields: list[str], rows_in: Iterable[Any]) -> None:
        incoming = list(fields)
        width = len(incoming)
        local_fields = set(synced_fields(table))
        names = [n for n in incoming if n in local_fields]
        index = {n: incoming.index(n) for n in names}
        ref_cols = [
            (ref_table, col)
            for target, refs in self.references.items()
            for ref_table, col in refs
            if ref_table is table
        ]
        ref_names = {col for _t, col in ref_cols} | {"entity_id", "parent_id"} & set(names)
        label = TABLE_LABELS.get(table.name, table.name)
        self_refs = [
            index[fk.parent.name]
            for fk in table.foreign_keys
            if fk.column.table is table and fk.parent.name in index
        ]
        rows: Iterable[Any] = _checked(rows_in, width)
        if self_refs:  # a self-referencing table (the 222 tree, small): parents first
            rows = self.parents_first(list(rows), self_refs)
        iterator = iter(rows)
        while chunk := list(itertools.islice(iterator, CHUNK)):
            ids = [self.canonical(str(item[0])) for item in chunk]
            local_rows = {
                r["id"]: r
                for r in self.conn.execute(select(table).where(table.c.id.in_(ids))).mappings()
            }
            known = stamps_of(self.conn, table.name, list(local_rows))
            fetched = set(ids)
            for row_id, (_raw_id, raw_values, raw_stamps) in zip(ids, chunk, strict=True):
                values = {n: decode(table, n, raw_values[index[n]]) for n in names}
                if isinstance(raw_stamps, str):
                    stamps = dict.fromkeys(names, raw_stamps)
                else:
                    stamps = {n: str(raw_stamps[index[n]]) for n in names}
                for col in ref_names:
                    if col in values:
                        values[col] = self.canonical(values[col])
                row_id = self.canonical(row_id)  # an alias made earlier in this chunk
                self.merge_row(
                    table,
                    row_id,
                    values,
                    stamps,
                    label,
                    local_rows.get(row_id)
                    if row_id in fetched and row_id not in self.rekeyed
                    else MISSING,
                    known.get(row_id),
                )
            self.flush_new(table)
            self.ticker.step(len(chunk))

    def parents_first(self, rows: list[Any], columns: list[int]) -> list[Any]:
        """Rows of a self-referencing table, each after the rows it references (columns:
        positions of the self-referencing values). A cycle keeps the package's order."""
        if not columns:
            return list(rows)
        by_id: dict[str, list[Any]] = {}
        for item in rows:
            by_id.setdefault(self.canonical(str(item[0])), []).append(item)

        def parents(rid: str) -> list[str]:
            found = []
            for item in by_id[rid]:
                for pos in columns:
                    value = item[1][pos]
                    if isinstance(value, str) and self.canonical(value) in by_id:
                        found.append(self.canonical(value))
            return found

        ordered: list[Any] = []
        state: dict[str, bool] = {}  # False: being visited, True: done
        for start in by_id:
            if start in state:
                continue
            state[start] = False
            stack = [(start, iter(parents(start)))]
            while stack:
                node, pending = stack[-1]
                nxt = next((p for p in pending if p not in state), None)
                if nxt is None:
                    stack.pop()
                    state[node] = True
                    ordered.extend(by_id[node])
                else:
                    state[nxt] = False
                    stack.append((nxt, iter(parents(nxt))))
        return ordered

    def merge_row(
        self,
        table: Table,
        row_id: str,
        values: dict[str, Any],
        stamps: dict[str, str],
        label: str,
        local: Any = MISSING,
        known: dict[str, str] | None = None,
    ) -> None:
        conn = self.conn
        if local is MISSING:
            local = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
            known = stamps_of(conn, table.name, [row_id]).get(row_id)
        if local is None:
            other = self.collision(table, values, row_id)
            if other is not None:
                keep, drop = min(other, row_id), max(other, row_id)
                self.unify(table, drop, keep)
                row_id = keep
                local = conn.execute(select(table).where(table.c.id == row_id)).mappings().first()
                known = stamps_of(conn, table.name, [row_id]).get(row_id)
        latest = max(stamps.values())
        if local is None:
            row = dict(values, id=row_id, updated_at=hlc.to_datetime(latest), version=1)
            if table.name == "projects":
                row.setdefault("stage", Stage.LEAD.value)
            # written in one executemany per chunk (``flush_new``)
            self.new_rows.append(row)
            if len(set(stamps.values())) == 1:
                self.new_stamps.append(
                    {"tbl": table.name, "row_id": row_id, "field": BASE, "hlc": latest}
                )
            else:
                self.new_stamps.extend(
                    {"tbl": table.name, "row_id": row_id, "field": n, "hlc": s}
                    for n, s in stamps.items()
                )
            self.result.created[label] = self.result.created.get(label, 0) + 1
            self.touch(table.name, row_id)
            return
        implicit = hlc.from_datetime(local["updated_at"], self.origin)
        new_values: dict[str, Any] = {}
        new_stamps: dict[str, str] = {}
        for n, theirs_stamp in stamps.items():
            mine_stamp = field_stamp(known, n, implicit)
            if theirs_stamp == mine_stamp:
                continue
            mine_value = encode(local[n])
            theirs_value = encode(values[n])
            if mine_value == theirs_value:
                if theirs_stamp > mine_stamp:
                    new_stamps[n] = theirs_stamp
                continue
            if theirs_stamp > mine_stamp:
                new_values[n] = values[n]
                new_stamps[n] = theirs_stamp
                concurrent = mine_stamp > self.sender_seen.get(hlc.origin_of(mine_stamp), "")
                winner = "theirs"
            else:
                concurrent = theirs_stamp > self.local_seen.get(hlc.origin_of(theirs_stamp), "")
                winner = "mine"
            if concurrent:
                self.conflict(
                    table.name,
                    row_id,
                    n,
                    mine_value,
                    mine_stamp,
                    theirs_value,
                    theirs_stamp,
                    winner,
                )
        if not new_stamps:
            return
        rows = []
        if not known:
            rows.append({"tbl": table.name, "row_id": row_id, "field": BASE, "hlc": implicit})
        rows += [
            {"tbl": table.name, "row_id": row_id, "field": n, "hlc": s}
            for n, s in new_stamps.items()
        ]
        if self.new_rows and any(fk.column.table is table for fk in table.foreign_keys):
            self.flush_new(table)  # the new value may name a row of this table not yet written
        put_stamps(conn, rows)
        all_stamps = [field_stamp(known, n, implicit) for n in synced_fields(table)]
        top = max([*all_stamps, *new_stamps.values()])
        conn.execute(
            update(table)
            .where(table.c.id == row_id)
            .values(
                **new_values,
                updated_at=max(local["updated_at"], hlc.to_datetime(top)),
                version=table.c.version + 1,
            )
        )
        if new_values:
            self.result.updated[label] = self.result.updated.get(label, 0) + 1
            self.touch(table.name, row_id)

    def conflict(
        self,
        tbl: str,
        row_id: str,
        name: str,
        mine: Any,
        mine_stamp: str,
        theirs: Any,
        theirs_stamp: str,
        winner: str,
    ) -> None:
        c = SyncConflict.__table__
        pair = sorted((mine_stamp, theirs_stamp))
        for existing in self.conn.execute(
            select(c.c.id, c.c.mine_stamp, c.c.theirs_stamp).where(
                c.c.tbl == tbl, c.c.row_id == row_id, c.c.field == name
            )
        ):
            if sorted((existing.mine_stamp, existing.theirs_stamp)) == pair:
                return
        self.conn.execute(
            c.insert().values(
                id=conflict_id(tbl, row_id, name, mine_stamp, theirs_stamp),
                tbl=tbl,
                row_id=row_id,
                field=name,
                mine_value=json.dumps(mine, ensure_ascii=False),
                mine_stamp=mine_stamp,
                theirs_value=json.dumps(theirs, ensure_ascii=False),
                theirs_stamp=theirs_stamp,
                winner=winner,
                peer_id=self.payload["from"],
                detected_at=utcnow(),
                resolution="",
                resolved_by="",
            )
        )
        self.result.conflicts.append(ConflictInfo(tbl, row_id, name, mine, theirs, winner))

    def receive_conflicts(self, records: list[Any]) -> None:
        """Conflicts the sender lists as open: listed here too (seen from this side)."""
        c = SyncConflict.__table__
        for tbl, row_id, name, a_value, a_stamp, b_value, b_stamp, when, peer in records:
            row_id = self.canonical(row_id)
            pair = sorted((a_stamp, b_stamp))
            if any(
                sorted((e.mine_stamp, e.theirs_stamp)) == pair
                for e in self.conn.execute(
                    select(c.c.mine_stamp, c.c.theirs_stamp).where(
                        c.c.tbl == tbl, c.c.row_id == row_id, c.c.field == name
                    )
                )
            ):
                continue
            if hlc.origin_of(b_stamp) == self.me:  # the sender's "theirs" is mine
                a_value, a_stamp, b_value, b_stamp = b_value, b_stamp, a_value, a_stamp
            self.conn.execute(
                c.insert().values(
                    id=conflict_id(tbl, row_id, name, a_stamp, b_stamp),
                    tbl=tbl,
                    row_id=row_id,
                    field=name,
                    mine_value=a_value,
                    mine_stamp=a_stamp,
                    theirs_value=b_value,
                    theirs_stamp=b_stamp,
                    winner="mine" if a_stamp > b_stamp else "theirs",
                    peer_id=peer,
                    detected_at=dt.datetime.fromisoformat(when),
                    resolution="",
                    resolved_by="",
                )
            )
            self.result.conflicts.append(
                ConflictInfo(
                    tbl,
                    row_id,
                    name,
                    _json(a_value),
                    _json(b_value),
                    "mine" if a_stamp > b_stamp else "theirs",
                )
            )

    # ---- afterwards

    def refresh_derived(self) -> None:
        conn = self.conn
        companies = set(self.touched.get("companies", set()))
        t = Company.__table__
        ordered_companies = sorted(companies)
        for start in range(0, len(ordered_companies), CHUNK):
            rows = conn.execute(
                select(t.c.id, t.c.name, t.c.city, t.c.uscc, t.c.tags).where(
                    t.c.id.in_(ordered_companies[start : start + CHUNK])
                )
            ).all()
            if rows:
                conn.execute(
                    update(t)
                    .where(t.c.id == bindparam("cid"))
                    .values(
                        normalized_name=bindparam("norm"),
                        search_key=bindparam("key"),
                        updated_at=t.c.updated_at,
                    ),
                    [
                        {
                            "cid": r.id,
                            "norm": normalize_company_name(r.name)[:200],
                            "key": company_search_key(r.name, r.city, r.uscc, r.tags),
                        }
                        for r in rows
                    ],
                )
        projects = set(self.touched.get("projects", set()))
        ev = ProjectStageEvent.__table__
        p = Project.__table__
        changed_events = sorted(self.touched.get("project_stage_events", set()))
        for start in range(0, len(changed_events), 500):
            projects.update(
                conn.execute(
                    select(ev.c.project_id).where(ev.c.id.in_(changed_events[start : start + 500]))
                ).scalars()
            )
        for start in range(0, len(ordered_companies), CHUNK):
            projects.update(
                conn.execute(
                    select(p.c.id).where(
                        p.c.company_id.in_(ordered_companies[start : start + CHUNK])
                    )
                ).scalars()
            )
        if not projects:
            return
        ids = sorted(projects)
        history: dict[str, list[HistoryEvent]] = {pid: [] for pid in ids}
        for start in range(0, len(ids), 500):
            for pid, stage, on in conn.execute(
                select(ev.c.project_id, ev.c.stage, ev.c.occurred_on).where(
                    ev.c.project_id.in_(ids[start : start + 500]), ev.c.deleted_at.is_(None)
                )
            ):
                history[pid].append(HistoryEvent(Stage(stage), on))
        conn.execute(
            update(p)
            .where(p.c.id == bindparam("pid"))
            .values(stage=bindparam("stage"), updated_at=p.c.updated_at),
            [
                {"pid": pid, "stage": (state_of(h) if h else Stage.LEAD).value}
                for pid, h in history.items()
            ],
        )
        del history
        from jianan_desk.services.projects import rebuild_search_keys

        if len(ids) > REBUILD_ALL:  # one pass over every project beats many IN lists
            rebuild_search_keys(self.session, only_missing=False)
        else:
            rebuild_search_keys(self.session, only_missing=False, project_ids=ids)


def _is_fresh(conn: Connection) -> bool:
    """Nothing but untouched reference data (a new database): an import is a full copy."""
    for bookkeeping in (SyncImport.__table__, SyncPeer.__table__):
        if conn.execute(select(bookkeeping).limit(1)).first():
            return False  # has exchanged packages, or is a copy of another installation
    for table in synced_tables():
        if table.name in SEED_TABLES:
            if conn.execute(select(table.c.id).where(table.c.version > 1).limit(1)).first():
                return False
        elif conn.execute(select(table.c.id).limit(1)).first():
            return False
    return True


def _clear_seed(conn: Connection) -> None:
    s = SyncStamp.__table__
    for name in SEED_TABLES:
        table = Base.metadata.tables[name]
        conn.execute(s.delete().where(s.c.tbl == name))
        conn.execute(table.delete())


def _json(text: Any) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def _invalid() -> PackageError:
    return PackageError("同步包的数据结构无效（可能来自不兼容的程序或已被改动）。未做任何更改。")


def _check_header(header: dict[str, Any]) -> None:
    try:
        assert isinstance(header["from"], str) and header["from"]
        assert isinstance(header["seen"], dict)
        assert isinstance(header["base"], dict)
        assert isinstance(header["tables"], dict)
        assert isinstance(header["aliases"], list)
        assert isinstance(header.get("conflicts", []), list)
        for record in header.get("conflicts", []):
            assert isinstance(record, list) and len(record) == 9
            hlc.parse(record[4])
            hlc.parse(record[6])
            dt.datetime.fromisoformat(record[7])
        for data in header["tables"].values():
            assert isinstance(data["fields"], list) and isinstance(data["rows"], int)
    except (AssertionError, KeyError, TypeError, ValueError) as exc:
        raise _invalid() from exc


def _checked(rows: Iterable[Any], width: int) -> Iterator[Any]:
    """The rows of a table, each checked before it is used."""
    for row in rows:
        try:
            assert isinstance(row, list) and len(row) == 3 and isinstance(row[0], str)
            assert isinstance(row[1], list) and len(row[1]) == width
            stamps = [row[2]] if isinstance(row[2], str) else row[2]
            assert isinstance(row[2], str) or len(stamps) == width
            for stamp in stamps:
                hlc.parse(stamp)
        except (AssertionError, TypeError, ValueError, AttributeError) as exc:
            raise _invalid() from exc
        yield row


RowsOf = Callable[[str], Iterable[Any]]


def apply_changes(
    session: Session,
    payload: dict[str, Any],
    rows_of: RowsOf,
    *,
    actor: str = "同步",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ApplyResult:
    """Merge a package (its header ``payload``; ``rows_of(table)`` yields a table's rows)
    into the session's database. The caller commits (or rolls back: all or nothing)."""
    _check_header(payload)
    conn = session.connection()
    refresh(conn)
    me = installation_id(conn)
    result = ApplyResult(payload["package_id"], payload["from"], payload.get("from_name", ""))
    if payload["from"] == me:
        raise SyncError("这是本机导出的同步包，无需导入。")
    if session.get(SyncImport, payload["package_id"]) is not None:
        result.already_applied = True
        return result
    if _is_fresh(conn) and payload["tables"] and not payload["base"]:
        # a full package (made for no one in particular) into a new database: a full copy.
        # An incremental one (made for this installation, e.g. by a copy of it) is merged.
        _clear_seed(conn)
        result.full_copy = True
    total = sum(int(d["rows"]) for d in payload["tables"].values())
    ticker = _Ticker(total, progress, cancelled)
    work = _Apply(session, payload, result, ticker)
    for tbl, alias, canonical in payload["aliases"]:
        if tbl in Base.metadata.tables and work.canonical(alias) != work.canonical(canonical):
            keep = work.canonical(canonical)
            work.unify(Base.metadata.tables[tbl], work.canonical(alias), keep)
    for table in synced_tables():
        data = payload["tables"].get(table.name)
        if data:
            work.apply_table(table, data["fields"], rows_of(table.name))
    work.receive_conflicts(payload.get("conflicts", []))
    if cancelled is not None and cancelled():
        raise SyncCancelled()
    work.refresh_derived()
    settle_conflicts(conn)
    c = SyncConflict.__table__
    still_open = {
        (r.tbl, r.row_id, r.field)
        for r in conn.execute(
            select(c.c.tbl, c.c.row_id, c.c.field).where(c.c.resolved_at.is_(None))
        )
    }
    result.conflicts = [
        x for x in result.conflicts if (x.tbl, work.canonical(x.row_id), x.field) in still_open
    ]
    # what we have seen now
    seen = load_seen(conn)
    base = payload["base"]
    for origin, stamp in payload["seen"].items():
        if seen.get(origin, "") >= base.get(origin, "") and stamp > seen.get(origin, ""):
            seen[origin] = stamp
    save_seen(conn, seen)
    if payload["seen"]:
        receive_stamp(conn, max(payload["seen"].values()))
    peer = session.get(SyncPeer, payload["from"])
    if peer is None:
        peer = SyncPeer(installation_id=payload["from"], name=result.peer_name, seen="{}")
        session.add(peer)
    peer.name = result.peer_name or peer.name
    peer.seen = json.dumps(payload["seen"], sort_keys=True)
    peer.last_import_at = utcnow()
    summary = {
        "created": result.created,
        "updated": result.updated,
        "conflicts": len(result.conflicts),
        "unified": result.unified,
    }
    session.add(
        SyncImport(
            package_id=payload["package_id"],
            peer_id=payload["from"],
            summary=json.dumps(summary, ensure_ascii=False),
        )
    )
    from jianan_desk.services.audit import record_change

    record_change(
        session,
        entity=LOCAL_ENTITY,
        entity_id=payload["package_id"],
        actor=actor,
        action="sync_import",
        changes={"from": [None, payload["from"]], "summary": [None, result.summary()]},
    )
    session.flush()
    result.duplicates = likely_duplicates(session, work.touched.get("companies", set()))
    return result


def likely_duplicates(session: Session, among: Iterable[str] | None = None) -> list[DuplicatePair]:
    """Live companies sharing a normalised name (``among``: only pairs touching these)."""
    t = Company.__table__
    rows = session.execute(
        select(t.c.id, t.c.name, t.c.normalized_name)
        .where(t.c.deleted_at.is_(None), t.c.normalized_name != "")
        .order_by(t.c.normalized_name, t.c.id)
    ).all()
    wanted = set(among) if among is not None else None
    groups: dict[str, list[Any]] = {}
    for r in rows:
        groups.setdefault(r.normalized_name, []).append(r)
    pairs = []
    for group in groups.values():
        if len(group) < 2:
            continue
        first = group[0]
        for other in group[1:]:
            if wanted is None or first.id in wanted or other.id in wanted:
                pairs.append(
                    DuplicatePair(
                        first.id, first.name, other.id, other.name, "名称相同（规范化后）"
                    )
                )
    return pairs


def installation_summary(session: Session) -> dict[str, Any]:
    """This installation's id and its peers (for the 同步 dialogs)."""
    conn = session.connection()
    me = installation_id(conn)
    peers = [
        {"id": p.installation_id, "name": p.name, "last_import_at": p.last_import_at}
        for p in session.scalars(select(SyncPeer).order_by(SyncPeer.name))
    ]
    meta = AppMeta.__table__
    del meta
    return {"id": me, "peers": peers}
