"""The change log: who changed what, when (``store.models.ChangeLog``).

Services write one entry per change they make, with ``{field: [old, new]}`` for the
fields that changed. Values are stored as JSON-friendly text: ``Decimal`` as a plain
decimal string ("50000.0000" → "50000"), dates and timestamps in ISO form.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from jianan_desk.services.errors import ValidationError
from jianan_desk.store.models import ChangeLog
from jianan_desk.store.types import utcnow

ACTOR_MAX = 50

ACTION_LABELS: dict[str, str] = {
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "restore": "恢复删除",
    "advance": "推进阶段",
    "correct": "更正阶段",
    "revive": "恢复项目",
    "drop": "终止项目",
    "merge": "合并企业",
    "merged_into": "并入其他企业",
    "follow_up": "完成跟进",
    "create_lead": "生成线索",
    "resolve_conflict": "处理同步冲突",
    "sync_import": "导入同步包",
}


def clean_actor(actor: str) -> str:
    """The staff name a change is stamped with; refuses an empty one."""
    name = (actor or "").strip()
    if not name:
        raise ValidationError({"actor": "未设置当前操作人姓名，无法保存修改"})
    return name[:ACTOR_MAX]


def plain(value: Any) -> Any:
    """A value as stored in ``changes``: JSON-ready and readable."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text if text != "-0" else "0"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field of ``new`` whose value differs from ``old``."""
    return {
        key: [plain(old.get(key)), plain(value)]
        for key, value in new.items()
        if plain(old.get(key)) != plain(value)
    }


def record_change(
    session: Session,
    *,
    entity: str,
    entity_id: str,
    actor: str,
    action: str,
    changes: dict[str, list[Any]],
    parent_id: str | None = None,
    at: dt.datetime | None = None,
) -> ChangeLog:
    """Add one change-log entry (flushed by the caller's unit of work)."""
    entry = ChangeLog(
        entity=entity,
        entity_id=entity_id,
        parent_id=parent_id,
        actor=clean_actor(actor),
        action=action,
        changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
        at=at or utcnow(),
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class ChangeEntry:
    id: str
    entity: str
    entity_id: str
    parent_id: str | None
    actor: str
    action: str
    action_label: str
    changes: dict[str, list[Any]]
    at: dt.datetime


def changes_of(session: Session, entity_id: str, *, limit: int = 500) -> list[ChangeEntry]:
    """The change log of one record and of the records under it (a project's funds,
    plans, stage events…), newest first."""
    rows = session.scalars(
        select(ChangeLog)
        .where(
            ChangeLog.deleted_at.is_(None),
            or_(ChangeLog.entity_id == entity_id, ChangeLog.parent_id == entity_id),
        )
        .order_by(ChangeLog.at.desc(), ChangeLog.id.desc())
        .limit(limit)
    ).all()
    return [
        ChangeEntry(
            r.id,
            r.entity,
            r.entity_id,
            r.parent_id,
            r.actor,
            r.action,
            ACTION_LABELS.get(r.action, r.action),
            json.loads(r.changes or "{}"),
            r.at,
        )
        for r in rows
    ]
