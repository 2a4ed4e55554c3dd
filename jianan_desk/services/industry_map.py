"""The 招商图谱 counts: per chain link, by grouped SQL (never a loop over rows).

For every link of the 222 system four figures, each one ``GROUP BY`` query over the
links asked for:

- **本地企业** (local enterprises): live companies with ``is_local`` filed under the link
  (``companies.industry_node_id``);
- **目标企业** (targets): live target-list entries of the link whose status is open
  (未接触/已接触/在谈: the companies still to approach);
- **在谈线索** (open leads): live projects on the link (``projects.chain_link_id``) at stage
  线索 or 洽谈;
- **签约项目** (signed projects): live projects on the link that reached 签约 and were not
  dropped (签约/履约/开工/投产), with their total investment (万元; shown in 亿元).

A link is a **gap** (缺口) when it has no local enterprise and no open lead.

The lists behind each count (:func:`link_details`) use the same conditions, so a click on
a count shows exactly the rows counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal_column, select
from sqlalchemy.orm import Session

from jianan_desk.services.industry_tree import POSITION_LABELS, STATUS_LABELS
from jianan_desk.services.target_companies import (
    DEFAULT_STALE_DAYS,
    OPEN_STATUSES,
    TargetEntry,
    list_target_entries,
)
from jianan_desk.store.models import Company, IndustryNode, Project, TargetCompany

LEAD_STAGES: tuple[str, ...] = ("lead", "negotiating")
SIGNED_STAGES: tuple[str, ...] = ("signed", "performing", "started", "operating")
COUNT_KINDS: tuple[str, ...] = ("local", "targets", "leads", "signed")
COUNT_LABELS: dict[str, str] = {
    "local": "本地企业",
    "targets": "目标企业",
    "leads": "在谈线索",
    "signed": "签约项目",
}
POSITIONS: tuple[str, ...] = ("upstream", "midstream", "downstream")
WAN_PER_YI = Decimal(10000)


@dataclass(frozen=True)
class LinkCounts:
    id: str
    code: str
    name: str
    industry_id: str
    industry_name: str
    group_name: str
    position: str  # upstream / midstream / downstream
    chain_status: str  # strong / missing / extend
    description: str
    key_products: str
    local_names: str  # the node's own note of local leading enterprises (e.g. 瑞贝卡)
    sort_order: int
    retired_on: dt.date | None
    local: int
    targets: int
    leads: int
    signed: int
    signed_wan: Decimal

    @property
    def gap(self) -> bool:
        return self.local == 0 and self.leads == 0

    @property
    def signed_yi(self) -> Decimal:
        return self.signed_wan / WAN_PER_YI

    @property
    def position_label(self) -> str:
        return POSITION_LABELS.get(self.position, "")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.chain_status, "")

    def count(self, kind: str) -> int:
        return int(getattr(self, kind))


@dataclass(frozen=True)
class IndustryMap:
    id: str
    name: str
    group_name: str
    retired_on: dt.date | None
    links: tuple[LinkCounts, ...]

    @property
    def gaps(self) -> tuple[LinkCounts, ...]:
        return tuple(link for link in self.links if link.gap)

    def column(self, position: str) -> tuple[LinkCounts, ...]:
        return tuple(link for link in self.links if link.position == position)

    def total(self, kind: str) -> int:
        return sum(link.count(kind) for link in self.links)

    @property
    def signed_wan(self) -> Decimal:
        return sum((link.signed_wan for link in self.links), Decimal(0))


# ---------------------------------------------------------------- conditions (shared)


def local_condition() -> ColumnElement[bool]:
    return and_(Company.deleted_at.is_(None), Company.is_local.is_(True))


def target_condition() -> ColumnElement[bool]:
    return and_(TargetCompany.deleted_at.is_(None), TargetCompany.status.in_(OPEN_STATUSES))


def lead_condition() -> ColumnElement[bool]:
    return and_(Project.deleted_at.is_(None), Project.stage.in_(LEAD_STAGES))


def signed_condition() -> ColumnElement[bool]:
    return and_(Project.deleted_at.is_(None), Project.stage.in_(SIGNED_STAGES))


# ---------------------------------------------------------------- counting


def count_links(session: Session, link_ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """link id → (local, targets, leads, signed, signed 万元 as Decimal), by three grouped
    queries (companies, target entries, projects grouped by link and stage).

    For a few links (one industry) the queries seek the links through their indexes. For
    many (the overview) each table is read once in a plain scan: grouping by
    ``coalesce(link, '')`` keeps SQLite from walking the link index and looking every row
    up (five times slower on 100,000 projects).
    """
    ids = list(link_ids)
    if not ids:
        return {}
    few = len(ids) <= 50

    def key(column: Any) -> Any:
        # a literal '' (not a bound parameter), so that PostgreSQL sees one expression
        # in SELECT and GROUP BY
        return column if few else func.coalesce(column, literal_column("''"))

    def restrict(column: Any) -> list[ColumnElement[bool]]:
        return [column.in_(ids)] if few else []

    local_key = key(Company.industry_node_id)
    local = dict(
        session.execute(
            select(local_key, func.count())
            .where(local_condition(), *restrict(Company.industry_node_id))
            .group_by(local_key)
        ).all()
    )
    target_key = key(TargetCompany.chain_link_id)
    targets = dict(
        session.execute(
            select(target_key, func.count())
            .where(target_condition(), *restrict(TargetCompany.chain_link_id))
            .group_by(target_key)
        ).all()
    )
    project_key = key(Project.chain_link_id)
    leads: dict[str, int] = {}
    signed: dict[str, tuple[int, Decimal]] = {}
    for link_id, stage, n, total in session.execute(
        select(project_key, Project.stage, func.count(), func.sum(Project.total_investment_wan))
        .where(Project.deleted_at.is_(None), *restrict(Project.chain_link_id))
        .group_by(project_key, Project.stage)
    ).all():
        if stage in LEAD_STAGES:
            leads[link_id] = leads.get(link_id, 0) + n
        elif stage in SIGNED_STAGES:
            count, wan = signed.get(link_id, (0, Decimal(0)))
            signed[link_id] = (count + n, wan + Decimal(total or 0))
    out: dict[str, tuple[Any, ...]] = {}
    for link_id in ids:
        s = signed.get(link_id, (0, Decimal(0)))
        out[link_id] = (
            local.get(link_id, 0),
            targets.get(link_id, 0),
            leads.get(link_id, 0),
            s[0],
            s[1],
        )
    return out


def _industry_rows(
    session: Session, industry_ids: Iterable[str] | None, include_retired: bool
) -> list[Any]:
    Industry = IndustryNode.__table__.alias("industry")
    Group = IndustryNode.__table__.alias("grp")
    q = (
        select(
            IndustryNode,
            Industry.c.id,
            Industry.c.name,
            Industry.c.retired_on,
            Group.c.name,
        )
        .join(Industry, Industry.c.id == IndustryNode.parent_id)
        .join(Group, Group.c.id == Industry.c.parent_id)
        .where(IndustryNode.level == "link", IndustryNode.deleted_at.is_(None))
        .order_by(Group.c.sort_order, Industry.c.sort_order, IndustryNode.sort_order)
    )
    if industry_ids is not None:
        q = q.where(Industry.c.id.in_(list(industry_ids)))
    if not include_retired:
        q = q.where(IndustryNode.retired_on.is_(None), Industry.c.retired_on.is_(None))
    return list(session.execute(q).all())


def _maps(session: Session, rows: list[Any]) -> list[IndustryMap]:
    counts = count_links(session, [r[0].id for r in rows])
    maps: dict[str, tuple[str, str, dt.date | None, list[LinkCounts]]] = {}
    for node, ind_id, ind_name, ind_retired, group_name in rows:
        c = counts[node.id]
        link = LinkCounts(
            id=node.id,
            code=node.code,
            name=node.name,
            industry_id=ind_id,
            industry_name=ind_name,
            group_name=group_name,
            position=node.position or "midstream",
            chain_status=node.chain_status or "strong",
            description=node.description or "",
            key_products=node.key_products or "",
            local_names=node.local_enterprises or "",
            sort_order=node.sort_order,
            retired_on=node.retired_on,
            local=c[0],
            targets=c[1],
            leads=c[2],
            signed=c[3],
            signed_wan=c[4],
        )
        maps.setdefault(ind_id, (ind_name, group_name, ind_retired, []))[3].append(link)
    return [
        IndustryMap(ind_id, name, group, retired, tuple(links))
        for ind_id, (name, group, retired, links) in maps.items()
    ]


def industry_map(
    session: Session, industry_id: str, *, include_retired: bool = False
) -> IndustryMap:
    """One industry's links with their counts (a retired industry: its links as they were)."""
    rows = _industry_rows(session, [industry_id], include_retired=True)
    if not include_retired:
        rows = [r for r in rows if r[0].retired_on is None]
    found = _maps(session, rows)
    if found:
        return found[0]
    node = session.get(IndustryNode, industry_id)
    if node is None or node.level != "industry":
        from jianan_desk.services.errors import NotFoundError

        raise NotFoundError("该产业不存在")
    group = session.get(IndustryNode, node.parent_id) if node.parent_id else None
    return IndustryMap(node.id, node.name, group.name if group else "", node.retired_on, ())


def overview(session: Session, *, include_retired: bool = False) -> list[IndustryMap]:
    """Every industry (in 222 order) with its links' counts."""
    return _maps(session, _industry_rows(session, None, include_retired))


def coverage_rows(session: Session, *, include_retired: bool = False) -> list[LinkCounts]:
    """All links with their counts, in 222 order (the coverage table)."""
    return [link for m in overview(session, include_retired=include_retired) for link in m.links]


def coverage_sentence(m: IndustryMap) -> str:
    """ "发制品：4个环节，1个缺口（跨境电商·品牌：本地企业0家，目标企业3家，在谈线索0个）"."""
    text = f"{m.name}：{len(m.links)}个环节"
    if not m.gaps:
        return text + "，无缺口"
    parts = [
        f"{g.name}：本地企业{g.local}家，目标企业{g.targets}家，在谈线索{g.leads}个" for g in m.gaps
    ]
    return text + f"，{len(m.gaps)}个缺口（" + "；".join(parts) + "）"


# ---------------------------------------------------------------- the lists behind a count


@dataclass(frozen=True)
class CompanyItem:
    id: str
    name: str
    city: str
    scale: str


@dataclass(frozen=True)
class ProjectItem:
    id: str
    name: str
    investor: str
    stage: str
    total_wan: Decimal
    signed_on: dt.date | None


@dataclass(frozen=True)
class LinkDetails:
    link_id: str
    local: tuple[CompanyItem, ...]
    targets: tuple[TargetEntry, ...]
    leads: tuple[ProjectItem, ...]
    signed: tuple[ProjectItem, ...]


def _projects(
    session: Session, link_id: str, condition: ColumnElement[bool]
) -> tuple[ProjectItem, ...]:
    rows = session.execute(
        select(
            Project.id,
            Project.name,
            Project.investor_name,
            Project.stage,
            Project.total_investment_wan,
            Project.signed_on,
        )
        .where(Project.chain_link_id == link_id, condition)
        .order_by(Project.total_investment_wan.desc(), Project.name)
    ).all()
    return tuple(ProjectItem(*r) for r in rows)


def link_details(
    session: Session,
    link_id: str,
    *,
    as_of: dt.date | None = None,
    stale_days: int = DEFAULT_STALE_DAYS,
) -> LinkDetails:
    """The companies, targets and projects behind a link's four counts."""
    local = session.execute(
        select(Company.id, Company.name, Company.city, Company.scale)
        .where(Company.industry_node_id == link_id, local_condition())
        .order_by(Company.name)
    ).all()
    targets = list_target_entries(
        session,
        chain_link_ids=[link_id],
        statuses=OPEN_STATUSES,
        as_of=as_of,
        stale_days=stale_days,
    )
    return LinkDetails(
        link_id,
        tuple(CompanyItem(*r) for r in local),
        tuple(targets),
        _projects(session, link_id, lead_condition()),
        _projects(session, link_id, signed_condition()),
    )


__all__ = [
    "COUNT_KINDS",
    "COUNT_LABELS",
    "LEAD_STAGES",
    "POSITIONS",
    "SIGNED_STAGES",
    "CompanyItem",
    "IndustryMap",
    "LinkCounts",
    "LinkDetails",
    "ProjectItem",
    "count_links",
    "coverage_rows",
    "coverage_sentence",
    "industry_map",
    "link_details",
    "overview",
]
