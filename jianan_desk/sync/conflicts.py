"""Conflicts found by sync imports: list them, resolve one (mine / theirs / edit).

Resolving writes the chosen value as a new local change (through the ORM, so it is
stamped and recorded in the change log): it is later than both sides of the conflict and
reaches every other installation with the next package, settling it there too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Boolean, Date, Integer, Table, select
from sqlalchemy.orm import Session

from jianan_desk.domain.project_fields import FIELD_LABELS
from jianan_desk.services.audit import clean_actor, plain, record_change
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.store.models import Base, SyncConflict
from jianan_desk.store.types import FixedDecimal, UTCDateTime, utcnow
from jianan_desk.sync.engine import TABLE_LABELS, decode, settle_conflicts, superseded

CHOICES = ("mine", "theirs", "edit")
EXTRA_LABELS = {
    "deleted_at": "删除时间",
    "name": "名称",
    "title": "标题",
    "notes": "备注",
    "city": "城市",
    "uscc": "统一社会信用代码",
    "content": "内容",
    "description": "问题描述",
    "status": "状态",
}
_LABEL_COLUMNS = ("name", "title", "description", "display_name", "content")


def field_label(name: str) -> str:
    """How the review lists a field (项目 fields by their form labels)."""
    return FIELD_LABELS.get(name) or EXTRA_LABELS.get(name, name)


def _model(tbl: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == tbl:
            return mapper.class_
    raise NotFoundError(f"未知的数据表：{tbl}")


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _readable(table: Table | None, name: str, text: str) -> Any:
    """A stored conflict value as the change log shows values (Decimal without padding)."""
    value = _loads(text)
    if table is None or name not in table.c:
        return value
    try:
        return plain(decode(table, name, value))
    except Exception:
        return value


def readable(tbl: str, name: str, value: Any) -> Any:
    """A value in the package's JSON form as the user reads it (``60000``, not
    ``"60000.0000"``)."""
    table = Base.metadata.tables.get(tbl)
    if table is None or name not in table.c:
        return value
    try:
        return plain(decode(table, name, value))
    except Exception:
        return value


def show(value: Any) -> str:
    """A stored value as the user reads it."""
    if value is None:
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


@dataclass(frozen=True)
class ConflictRow:
    id: str
    tbl: str
    table_label: str
    row_id: str
    row_label: str
    field: str
    field_label: str
    mine: Any  # JSON form (Decimal and dates as text)
    theirs: Any
    current: Any
    winner: str  # the side kept for now: "mine" or "theirs"
    detected_at: dt.datetime


def _row_label(table: Table, row: Any) -> str:
    if row is None:
        return "（已不存在）"
    for col in _LABEL_COLUMNS:
        if col in table.c and row._mapping.get(col):
            return str(row._mapping[col])[:60]
    return str(row._mapping["id"])[:8]


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictRow]:
    """Open conflicts (and resolved ones if asked), oldest first."""
    stmt = select(SyncConflict).order_by(SyncConflict.detected_at, SyncConflict.id)
    if not include_resolved:
        stmt = stmt.where(SyncConflict.resolved_at.is_(None))
    found = list(session.scalars(stmt))
    # settled since by a later change (here, or received): not open any more
    settled = superseded(
        session.connection(),
        [
            (c.id, c.tbl, c.row_id, c.field, c.mine_stamp, c.theirs_stamp)
            for c in found
            if c.resolved_at is None
        ],
    )
    out = []
    for c in found:
        if c.id in settled and not include_resolved:
            continue
        table = Base.metadata.tables.get(c.tbl)
        row = None
        current = None
        if table is not None:
            row = session.execute(select(table).where(table.c.id == c.row_id)).first()
            if row is not None and c.field in table.c:
                value = row._mapping[c.field]
                current = plain(value)
        out.append(
            ConflictRow(
                c.id,
                c.tbl,
                TABLE_LABELS.get(c.tbl, c.tbl),
                c.row_id,
                _row_label(table, row) if table is not None else c.row_id,
                c.field,
                field_label(c.field),
                _readable(table, c.field, c.mine_value),
                _readable(table, c.field, c.theirs_value),
                current,
                c.winner,
                c.detected_at,
            )
        )
    return out


def count_open_conflicts(session: Session) -> int:
    return len(list_conflicts(session))


def parse_edit(table: Table, name: str, text: str) -> Any:
    """The value the user typed for ``table.name``; ValidationError if it does not fit."""
    kind = table.c[name].type
    raw = text.strip()
    if raw == "" and table.c[name].nullable:
        return None
    try:
        if isinstance(kind, FixedDecimal):
            return Decimal(raw.replace(",", ""))
        if isinstance(kind, UTCDateTime):
            value = dt.datetime.fromisoformat(raw)
            return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        if isinstance(kind, Date):
            return dt.date.fromisoformat(raw)
        if isinstance(kind, Boolean):
            if raw in ("是", "1", "true", "True"):
                return True
            if raw in ("否", "0", "false", "False"):
                return False
            raise ValueError(raw)
        if isinstance(kind, Integer):
            return int(raw)
    except (ValueError, InvalidOperation) as exc:
        raise ValidationError({"value": f"“{text}”不是有效的值"}) from exc
    return text


def resolve_conflict(
    session: Session, conflict_id: str, choice: str, actor: str, *, edited: str = ""
) -> None:
    """Settle a conflict with ``mine``, ``theirs`` or an ``edit``ed value."""
    actor = clean_actor(actor)
    if choice not in CHOICES:
        raise ValidationError({"choice": "请选择保留本机、对方或手工修改的值"})
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None or conflict.resolved_at is not None:
        raise NotFoundError("该冲突不存在或已处理")
    table = Base.metadata.tables[conflict.tbl]
    obj = session.get(_model(conflict.tbl), conflict.row_id)
    if obj is None:
        raise NotFoundError("冲突涉及的记录已不存在")
    if choice == "edit":
        value = parse_edit(table, conflict.field, edited)
    else:
        text = conflict.mine_value if choice == "mine" else conflict.theirs_value
        value = decode(table, conflict.field, _loads(text))
    old = getattr(obj, conflict.field)
    # Written even when equal to the current value: the new stamp settles the conflict on
    # the other installations too.
    setattr(obj, conflict.field, value)
    if plain(old) == plain(value):
        from sqlalchemy.orm.attributes import flag_modified

        flag_modified(obj, conflict.field)
    obj.updated_at = utcnow()
    conflict.resolved_at = utcnow()
    conflict.resolution = choice
    conflict.resolved_by = actor
    record_change(
        session,
        entity=conflict.tbl,
        entity_id=conflict.row_id,
        actor=actor,
        action="resolve_conflict",
        changes={conflict.field: [plain(old), plain(value)]},
    )
    session.flush()
    settle_conflicts(session.connection())  # others on this field are settled by it too
