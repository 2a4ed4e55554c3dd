"""The editable 222 system: groups → industries → chain links (``IndustryNode``).

The bureau revises the system every few years, so nothing is ever deleted:

- **rename** keeps the old name in ``industry_node_names`` with its validity dates (the
  old row ends the day before the new name takes effect), so a report for a past year
  asks :func:`names_as_of` and prints the names that year used;
- **retire** stamps ``retired_on`` (on the node and the nodes under it); projects,
  companies and targets filed under it keep pointing at it and stay reportable;
- **add** and **reorder** (``sort_order`` among siblings) complete the editor.

Every change writes a ``change_log`` entry (entity ``industry_node``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jianan_desk.services.audit import clean_actor, diff, plain, record_change
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.store.models import (
    CHAIN_POSITIONS,
    CHAIN_STATUSES,
    IndustryNode,
    IndustryNodeName,
)
from jianan_desk.store.types import new_id, utcnow

LEVEL_LABELS: dict[str, str] = {"group": "产业类别", "industry": "产业", "link": "产业链环节"}
POSITION_LABELS: dict[str, str] = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
STATUS_LABELS: dict[str, str] = {"strong": "强链", "missing": "补链", "extend": "延链"}
CHILD_LEVEL: dict[str | None, str] = {None: "group", "group": "industry", "industry": "link"}
NAME_MAX = 200
FIELD_LABELS: dict[str, str] = {
    "name": "名称",
    "position": "位置",
    "chain_status": "状态",
    "description": "说明",
    "key_products": "重点产品",
    "local_enterprises": "本地龙头企业",
    "parent_id": "上级节点",
    "effective_on": "生效日期",
}


@dataclass(frozen=True)
class TreeNode:
    id: str
    parent_id: str | None
    level: str  # group / industry / link
    code: str
    name: str
    position: str | None
    chain_status: str | None
    description: str
    key_products: str
    local_enterprises: str
    sort_order: int
    retired_on: dt.date | None
    children: tuple[TreeNode, ...] = field(default=(), compare=False)

    @property
    def retired(self) -> bool:
        return self.retired_on is not None

    @property
    def position_label(self) -> str:
        return POSITION_LABELS.get(self.position or "", "")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.chain_status or "", "")


@dataclass
class NodeInput:
    """What the tree editor edits for one node."""

    name: str = ""
    position: str | None = None  # links only
    chain_status: str | None = None  # links only
    description: str = ""
    key_products: str = ""
    local_enterprises: str = ""


@dataclass(frozen=True)
class NameRecord:
    name: str
    valid_from: dt.date
    valid_to: dt.date | None


# ---------------------------------------------------------------- reading


def _tree_node(n: IndustryNode, children: tuple[TreeNode, ...] = ()) -> TreeNode:
    return TreeNode(
        n.id,
        n.parent_id,
        n.level,
        n.code,
        n.name,
        n.position,
        n.chain_status,
        n.description or "",
        n.key_products or "",
        n.local_enterprises or "",
        n.sort_order,
        n.retired_on,
        children,
    )


def load_tree(session: Session, *, include_retired: bool = True) -> list[TreeNode]:
    """The groups, each with its industries, each with its links, in ``sort_order``."""
    nodes = session.scalars(
        select(IndustryNode)
        .where(IndustryNode.deleted_at.is_(None))
        .order_by(IndustryNode.sort_order, IndustryNode.code)
    ).all()
    kids: dict[str | None, list[IndustryNode]] = {}
    for n in nodes:
        if include_retired or n.retired_on is None:
            kids.setdefault(n.parent_id, []).append(n)

    def build(node: IndustryNode) -> TreeNode:
        return _tree_node(node, tuple(build(c) for c in kids.get(node.id, [])))

    return [build(g) for g in kids.get(None, []) if g.level == "group"]


def get_node(session: Session, node_id: str) -> TreeNode:
    return _tree_node(_live(session, node_id))


def industries(session: Session, *, include_retired: bool = False) -> list[TreeNode]:
    """The industries (with their links), in 222 order (group, then industry)."""
    return [i for g in load_tree(session, include_retired=include_retired) for i in g.children]


def name_history(session: Session, node_id: str) -> list[NameRecord]:
    """The names a node carried, oldest first."""
    rows = session.execute(
        select(IndustryNodeName.name, IndustryNodeName.valid_from, IndustryNodeName.valid_to)
        .where(IndustryNodeName.node_id == node_id, IndustryNodeName.deleted_at.is_(None))
        .order_by(IndustryNodeName.valid_from)
    ).all()
    return [NameRecord(*r) for r in rows]


def name_histories(session: Session) -> dict[str, list[NameRecord]]:
    """Every node's names, oldest first (one query)."""
    out: dict[str, list[NameRecord]] = {}
    for node_id, name, valid_from, valid_to in session.execute(
        select(
            IndustryNodeName.node_id,
            IndustryNodeName.name,
            IndustryNodeName.valid_from,
            IndustryNodeName.valid_to,
        )
        .where(IndustryNodeName.deleted_at.is_(None))
        .order_by(IndustryNodeName.valid_from)
    ).all():
        out.setdefault(node_id, []).append(NameRecord(name, valid_from, valid_to))
    return out


def names_as_of(session: Session, on: dt.date) -> dict[str, str]:
    """Node id → the name it carried on ``on`` (for reports of past years).

    A node with no name record covering ``on`` (the day is before the system was
    published, or the history is missing) gets its earliest recorded name, else its
    current one.
    """
    current = dict(
        session.execute(
            select(IndustryNode.id, IndustryNode.name).where(IndustryNode.deleted_at.is_(None))
        ).all()
    )
    rows = session.execute(
        select(
            IndustryNodeName.node_id,
            IndustryNodeName.name,
            IndustryNodeName.valid_from,
            IndustryNodeName.valid_to,
        )
        .where(IndustryNodeName.deleted_at.is_(None))
        .order_by(IndustryNodeName.valid_from.desc())
    ).all()
    chosen: dict[str, str] = {}
    earliest: dict[str, str] = {}
    for node_id, name, valid_from, valid_to in rows:
        earliest[node_id] = name  # rows come newest first: the last one seen is the oldest
        if node_id in chosen:
            continue
        if valid_from <= on and (valid_to is None or on <= valid_to):
            chosen[node_id] = name
    return {nid: chosen.get(nid) or earliest.get(nid) or name for nid, name in current.items()}


# ---------------------------------------------------------------- writing


def _live(session: Session, node_id: str) -> IndustryNode:
    node = session.get(IndustryNode, node_id)
    if node is None or node.deleted_at is not None:
        raise NotFoundError("产业体系节点不存在或已删除")
    return node


def _clean(level: str, data: NodeInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    name = " ".join((data.name or "").split())
    if not name:
        errors["name"] = "请填写名称"
    elif len(name) > NAME_MAX:
        errors["name"] = f"名称不能超过 {NAME_MAX} 个字"
    values: dict[str, Any] = {
        "name": name,
        "description": (data.description or "").strip(),
        "key_products": (data.key_products or "").strip(),
        "local_enterprises": (data.local_enterprises or "").strip(),
    }
    if level == "link":
        if data.position not in CHAIN_POSITIONS:
            errors["position"] = "请选择上游、中游或下游"
        if data.chain_status not in CHAIN_STATUSES:
            errors["chain_status"] = "请选择强链、补链或延链"
        values["position"] = data.position
        values["chain_status"] = data.chain_status
    if errors:
        raise ValidationError(errors)
    return values


def _check_sibling_name(
    session: Session, parent_id: str | None, name: str, node_id: str | None
) -> None:
    q = select(IndustryNode.id).where(
        IndustryNode.deleted_at.is_(None),
        IndustryNode.retired_on.is_(None),
        IndustryNode.name == name,
        IndustryNode.parent_id.is_(None)
        if parent_id is None
        else IndustryNode.parent_id == parent_id,
    )
    if node_id is not None:
        q = q.where(IndustryNode.id != node_id)
    if session.scalar(q.limit(1)) is not None:
        raise ValidationError({"name": f"同一上级下已有名为“{name}”的节点"})


def _new_code(session: Session, parent: IndustryNode | None) -> str:
    prefix = f"{parent.code}." if parent is not None else ""
    while True:
        code = f"{prefix}n{new_id()[:8]}"
        if session.scalar(select(IndustryNode.id).where(IndustryNode.code == code)) is None:
            return code


def add_node(
    session: Session,
    parent_id: str | None,
    data: NodeInput,
    actor: str,
    *,
    effective_on: dt.date | None = None,
) -> TreeNode:
    """Add a group (no parent), an industry (under a group) or a link (under an industry),
    placed after its siblings; its name is valid from ``effective_on`` (default today)."""
    actor = clean_actor(actor)
    parent = _live(session, parent_id) if parent_id else None
    if parent is not None and parent.level not in ("group", "industry"):
        raise ValidationError({"parent_id": "产业链环节下不能再添加节点"})
    if parent is not None and parent.retired_on is not None:
        raise ValidationError({"parent_id": "上级节点已撤销，不能在其下添加"})
    level = CHILD_LEVEL[parent.level if parent is not None else None]
    values = _clean(level, data)
    _check_sibling_name(session, parent_id, values["name"], None)
    last = session.scalar(
        select(func.max(IndustryNode.sort_order)).where(
            IndustryNode.parent_id.is_(None)
            if parent_id is None
            else IndustryNode.parent_id == parent_id
        )
    )
    node = IndustryNode(
        parent_id=parent_id,
        level=level,
        code=_new_code(session, parent),
        sort_order=(last if last is not None else -1) + 1,
        **values,
    )
    session.add(node)
    session.flush()
    session.add(
        IndustryNodeName(
            node_id=node.id, name=node.name, valid_from=effective_on or dt.date.today()
        )
    )
    record_change(
        session,
        entity="industry_node",
        entity_id=node.id,
        parent_id=parent_id,
        actor=actor,
        action="create",
        changes=diff({}, {"level": level, "code": node.code, **values}),
    )
    session.flush()
    return _tree_node(node)


def _rename(session: Session, node: IndustryNode, name: str, effective_on: dt.date) -> None:
    """Close the open name record the day before ``effective_on`` and open a new one."""
    history = session.scalars(
        select(IndustryNodeName)
        .where(IndustryNodeName.node_id == node.id, IndustryNodeName.deleted_at.is_(None))
        .order_by(IndustryNodeName.valid_from.desc())
    ).all()
    current = next((h for h in history if h.valid_to is None), None)
    if current is not None and current.valid_from > effective_on:
        raise ValidationError(
            {"effective_on": f"生效日期不能早于当前名称的启用日期（{current.valid_from}）"}
        )
    if current is not None and current.valid_from == effective_on:
        current.name = name  # same-day correction: the old name was never in use
        current.updated_at = utcnow()
    else:
        if current is not None:
            current.valid_to = effective_on - dt.timedelta(days=1)
            current.updated_at = utcnow()
        session.add(IndustryNodeName(node_id=node.id, name=name, valid_from=effective_on))
    node.name = name


def update_node(
    session: Session,
    node_id: str,
    data: NodeInput,
    actor: str,
    *,
    effective_on: dt.date | None = None,
) -> TreeNode:
    """Edit a node. A new name takes effect on ``effective_on`` (default today): the old
    one stays in the name history, valid until the day before."""
    actor = clean_actor(actor)
    node = _live(session, node_id)
    values = _clean(node.level, data)
    if values["name"] != node.name:
        _check_sibling_name(session, node.parent_id, values["name"], node.id)
    changes = diff({k: getattr(node, k) for k in values}, values)
    if not changes:
        return _tree_node(node)
    on = effective_on or dt.date.today()
    if "name" in changes:
        _rename(session, node, values["name"], on)
        changes["name_valid_from"] = [None, plain(on)]
    for key in values:
        if key != "name":
            setattr(node, key, values[key])
    node.updated_at = utcnow()
    session.flush()
    record_change(
        session,
        entity="industry_node",
        entity_id=node.id,
        parent_id=node.parent_id,
        actor=actor,
        action="update",
        changes=changes,
    )
    return _tree_node(node)


def rename_node(
    session: Session, node_id: str, name: str, actor: str, *, effective_on: dt.date | None = None
) -> TreeNode:
    """Rename only (keeping the other attributes)."""
    node = _live(session, node_id)
    data = NodeInput(
        name=name,
        position=node.position,
        chain_status=node.chain_status,
        description=node.description,
        key_products=node.key_products,
        local_enterprises=node.local_enterprises,
    )
    return update_node(session, node_id, data, actor, effective_on=effective_on)


def _siblings(session: Session, node: IndustryNode) -> list[IndustryNode]:
    return list(
        session.scalars(
            select(IndustryNode)
            .where(
                IndustryNode.deleted_at.is_(None),
                IndustryNode.parent_id.is_(None)
                if node.parent_id is None
                else IndustryNode.parent_id == node.parent_id,
            )
            .order_by(IndustryNode.sort_order, IndustryNode.code)
        ).all()
    )


def move_node(session: Session, node_id: str, offset: int, actor: str) -> TreeNode:
    """Move a node ``offset`` places among its siblings (−1 = up, +1 = down); the
    siblings are renumbered 0, 1, 2… Moving past either end stops there."""
    actor = clean_actor(actor)
    node = _live(session, node_id)
    siblings = _siblings(session, node)
    index = siblings.index(node)
    target = max(0, min(len(siblings) - 1, index + offset))
    if target == index:
        return _tree_node(node)
    siblings.insert(target, siblings.pop(index))
    now = utcnow()
    for order, sibling in enumerate(siblings):
        if sibling.sort_order != order:
            sibling.sort_order = order
            sibling.updated_at = now
    session.flush()
    record_change(
        session,
        entity="industry_node",
        entity_id=node.id,
        parent_id=node.parent_id,
        actor=actor,
        action="update",
        changes={"sort_order": [index, target]},
    )
    return _tree_node(node)


def _descendants(session: Session, node: IndustryNode) -> list[IndustryNode]:
    out: list[IndustryNode] = []
    frontier = [node.id]
    while frontier:
        kids = session.scalars(
            select(IndustryNode).where(
                IndustryNode.parent_id.in_(frontier), IndustryNode.deleted_at.is_(None)
            )
        ).all()
        out.extend(kids)
        frontier = [k.id for k in kids]
    return out


def retire_node(
    session: Session, node_id: str, actor: str, *, on: dt.date | None = None
) -> TreeNode:
    """Retire a node (and the nodes under it that are not retired yet) from ``on``
    (default today). Nothing is deleted: records filed under it keep it."""
    actor = clean_actor(actor)
    node = _live(session, node_id)
    if node.retired_on is not None:
        raise ValidationError({"name": f"“{node.name}”已于 {node.retired_on} 撤销"})
    day = on or dt.date.today()
    now = utcnow()
    for n in [node, *_descendants(session, node)]:
        if n.retired_on is None:
            n.retired_on = day
            n.updated_at = now
            record_change(
                session,
                entity="industry_node",
                entity_id=n.id,
                parent_id=n.parent_id,
                actor=actor,
                action="update",
                changes={"retired_on": [None, plain(day)]},
            )
    session.flush()
    return _tree_node(node)


def restore_node(session: Session, node_id: str, actor: str) -> TreeNode:
    """Undo a retirement (the node and the nodes retired with it on the same day)."""
    actor = clean_actor(actor)
    node = _live(session, node_id)
    if node.retired_on is None:
        return _tree_node(node)
    if node.parent is not None and node.parent.retired_on is not None:
        raise ValidationError({"parent_id": "上级节点已撤销，请先恢复上级节点"})
    day = node.retired_on
    now = utcnow()
    for n in [node, *_descendants(session, node)]:
        if n.retired_on == day:
            record_change(
                session,
                entity="industry_node",
                entity_id=n.id,
                parent_id=n.parent_id,
                actor=actor,
                action="restore",
                changes={"retired_on": [plain(day), None]},
            )
            n.retired_on = None
            n.updated_at = now
    session.flush()
    return _tree_node(node)


def link_choices(session: Session, *, include_retired: bool = False) -> list[tuple[str, str]]:
    """(link id, "产业·环节") for pickers, in 222 order."""
    out: list[tuple[str, str]] = []
    for industry in industries(session, include_retired=include_retired):
        for link in industry.children:
            out.append((link.id, f"{industry.name}·{link.name}"))
    return out


__all__ = [
    "CHILD_LEVEL",
    "FIELD_LABELS",
    "LEVEL_LABELS",
    "POSITION_LABELS",
    "STATUS_LABELS",
    "NameRecord",
    "NodeInput",
    "TreeNode",
    "add_node",
    "get_node",
    "industries",
    "link_choices",
    "load_tree",
    "move_node",
    "name_histories",
    "name_history",
    "names_as_of",
    "rename_node",
    "restore_node",
    "retire_node",
    "update_node",
]
