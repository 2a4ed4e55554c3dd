"""Copy a whole database into an EMPTY one: SQLite → PostgreSQL (a bureau moving to a shared
server) or PostgreSQL → SQLite (a full copy onto a laptop). ``jianan-desk migrate-to URL``.

The target gets the program's schema through the same Alembic migrations, then every row of
every table, as stored: UUID keys, timestamps, tombstones (``deleted_at``), stage history,
change log and sync bookkeeping. Values are copied raw (money stays the scaled BIGINT it is
stored as), so nothing is rounded. Schema and rows are written in ONE transaction: a copy that
fails leaves the target empty. Afterwards counts, tombstones and money sums are compared table
by table and returned as a report.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from alembic import command
from sqlalchemy import Connection, MetaData, Table, func, inspect, select
from sqlalchemy.exc import DBAPIError

from jianan_desk.services.errors import CopyDatabaseError
from jianan_desk.store.dialect import is_server
from jianan_desk.store.engine import Database
from jianan_desk.store.migrations import alembic_config, current_revision, head_revision
from jianan_desk.store.models import Base
from jianan_desk.store.types import FixedDecimal, scaled_to_decimal

BATCH = 2000
Progress = Callable[[str, int], object]  # (table, rows copied so far)


@dataclass(frozen=True)
class TableCheck:
    """One table, source against target after the copy."""

    table: str
    rows: int
    rows_copied: int
    tombstones: int
    tombstones_copied: int
    # column → (source sum, target sum) of money/amount columns, as Decimal
    sums: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return (
            self.rows == self.rows_copied
            and self.tombstones == self.tombstones_copied
            and all(a == b for a, b in self.sums.values())
        )


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    revision: str
    tables: tuple[TableCheck, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def total_rows(self) -> int:
        return sum(t.rows_copied for t in self.tables)


def _user_tables(conn: Connection) -> list[str]:
    return [t for t in inspect(conn).get_table_names() if t != "alembic_version"]


def check_target_empty(target: Database) -> None:
    """Refuse a target that holds any table: migrate-to never overwrites data."""
    try:
        with target.engine.connect() as conn:
            names = inspect(conn).get_table_names()
    except DBAPIError as exc:
        raise CopyDatabaseError(
            f"无法连接目标数据库 {target.display_name}：{exc.orig or exc}"
        ) from exc
    if names:
        shown = "、".join(sorted(names)[:5]) + ("…" if len(names) > 5 else "")
        raise CopyDatabaseError(
            f"目标数据库 {target.display_name} 不是空的（已有 {len(names)} 张表：{shown}）。"
            "为免覆盖已有数据，只能迁移到一个新建的空数据库。"
        )


def _money_columns() -> dict[str, list[str]]:
    return {
        t.name: [c.name for c in t.columns if isinstance(c.type, FixedDecimal)]
        for t in Base.metadata.tables.values()
    }


def _rows_in_parent_order(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a self-referencing table (industry_nodes.parent_id) parents first."""
    self_refs = [
        (fk.parent.name, fk.column.name) for fk in table.foreign_keys if fk.column.table is table
    ]
    if not self_refs:
        return rows
    ordered: list[dict[str, Any]] = []
    done: set[tuple[str, Any]] = set()
    pending = rows
    while pending:
        ready, waiting = [], []
        for row in pending:
            refs_ok = all(
                row[col] is None or (target, row[col]) in done for col, target in self_refs
            )
            (ready if refs_ok else waiting).append(row)
        if not ready:  # a cycle or a dangling reference: let the database judge
            ready, waiting = waiting, []
        for row in ready:
            for _col, target in self_refs:
                done.add((target, row[target]))
        ordered += ready
        pending = waiting
    return ordered


def _source_rows(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    pk = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*pk))
    for chunk in result.mappings().partitions(BATCH):
        yield [dict(r) for r in chunk]


def _check(src: Connection, dst: Connection, src_t: Table, dst_t: Table) -> TableCheck:
    def stats(conn: Connection, t: Table) -> tuple[int, int, dict[str, Any]]:
        rows = int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
        tomb = 0
        if "deleted_at" in t.c:
            tomb = int(
                conn.execute(
                    select(func.count()).select_from(t).where(t.c.deleted_at.is_not(None))
                ).scalar()
                or 0
            )
        sums = {
            col: scaled_to_decimal(conn.execute(select(func.sum(t.c[col]))).scalar())
            for col in _money_columns().get(t.name, [])
            if col in t.c
        }
        return rows, tomb, sums

    rows, tomb, sums = stats(src, src_t)
    rows2, tomb2, sums2 = stats(dst, dst_t)
    return TableCheck(
        src_t.name, rows, rows2, tomb, tomb2, {c: (sums[c], sums2.get(c)) for c in sums}
    )


def copy_database(
    source: Database, target: Database, *, progress: Progress | None = None
) -> CopyReport:
    """Copy ``source`` (at the current schema) into the empty ``target``; verify; report.

    Raises ``CopyDatabaseError`` (Chinese message) for a source that is not at the current
    schema, a target that is not empty or cannot be reached, or a row the target refuses.
    """
    started = time.perf_counter()
    head = head_revision()
    revision = current_revision(source)
    if revision != head:
        raise CopyDatabaseError(
            f"源数据库 {source.display_name} 的结构版本是 {revision or '（空）'}，"
            f"不是当前版本 {head}：请先运行 jianan-desk upgrade 升级后再迁移。"
        )
    check_target_empty(target)

    checks: list[TableCheck] = []
    with source.engine.connect() as src, target.engine.begin() as dst:
        command.upgrade(alembic_config(dst), "head")  # schema, in the copy's transaction
        src_meta, dst_meta = MetaData(), MetaData()
        src_meta.reflect(src, only=_user_tables(src))
        dst_meta.reflect(dst, only=_user_tables(dst))
        missing = sorted(set(src_meta.tables) - set(dst_meta.tables))
        if missing:
            raise CopyDatabaseError(f"目标数据库缺少这些表，无法迁移：{'、'.join(missing)}")
        for dst_t in dst_meta.sorted_tables:
            src_t = src_meta.tables.get(dst_t.name)
            if src_t is None:
                continue
            columns = [c.name for c in src_t.columns if c.name in dst_t.c]
            copied = 0
            chunks = _source_rows(src, src_t)
            if any(fk.column.table is dst_t for fk in dst_t.foreign_keys):
                chunks = iter([_rows_in_parent_order(dst_t, [r for c in chunks for r in c])])
            for chunk in chunks:
                if not chunk:
                    continue
                rows = [{k: row[k] for k in columns} for row in chunk]
                try:
                    dst.execute(dst_t.insert(), rows)
                except DBAPIError as exc:
                    raise CopyDatabaseError(
                        f"复制表 {dst_t.name} 时目标数据库拒绝了数据（已全部撤销，目标仍为空）："
                        f"{str(exc.orig or exc).splitlines()[0]}"
                    ) from exc
                copied += len(rows)
                if progress is not None:
                    progress(dst_t.name, copied)
        for dst_t in dst_meta.sorted_tables:
            src_t = src_meta.tables.get(dst_t.name)
            if src_t is not None:
                checks.append(_check(src, dst, src_t, dst_t))
        report = CopyReport(
            source.display_name,
            target.display_name,
            head,
            tuple(sorted(checks, key=lambda c: c.table)),
            time.perf_counter() - started,
        )
        if not report.ok:
            bad = "、".join(c.table for c in report.tables if not c.ok)
            raise CopyDatabaseError(f"核对未通过（已全部撤销，目标仍为空）：{bad}")
    refresh_statistics(target)
    return report


def refresh_statistics(db: Database) -> None:
    """Planner statistics after a bulk load: ``ANALYZE``; on PostgreSQL ``VACUUM (ANALYZE)``,
    which also sets the visibility map that index-only scans (the list's counts and sums)
    need. Autovacuum would get there, minutes later."""
    if is_server(db.engine):
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE)")
    else:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
