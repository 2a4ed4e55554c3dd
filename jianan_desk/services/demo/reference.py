"""The reference data the demo needs from the database, loaded and checked up front.

``Reference.load`` reads the "222" industry tree, the 5122 fields and the units, and
raises ``DemoDataError`` if any node, field or unit the word tables name is missing --
the dataset can only go into a freshly initialised database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.services.demo.district import BLUEPRINTS, TASK_FORCES
from jianan_desk.services.demo.errors import DemoDataError
from jianan_desk.services.demo.problem_texts import ENTERPRISE_TEXTS, PROBLEM_UNITS
from jianan_desk.services.demo.vocab import (
    INDUSTRIES,
    INDUSTRY_LOCATIONS,
    LINK_TEMPLATES,
    PARKS,
    RURAL_LOCATIONS,
    SERVICE_LOCATIONS,
)
from jianan_desk.store.models import IndustryNode, PlanField, Unit


@dataclass
class Reference:
    """The database's industry nodes, 5122 fields and units, by code or name."""

    industries: dict[str, str]
    links: dict[str, list[str]]
    node_ids: dict[str, str]
    link_names: dict[str, str]
    link_status: dict[str, str]
    fields: dict[str, str]
    units: dict[str, str]
    townships: list[str]

    @classmethod
    def load(cls, session: Session) -> Reference:
        nodes = session.execute(
            select(
                IndustryNode.id,
                IndustryNode.code,
                IndustryNode.level,
                IndustryNode.parent_id,
                IndustryNode.name,
                IndustryNode.chain_status,
            )
            .where(IndustryNode.deleted_at.is_(None), IndustryNode.retired_on.is_(None))
            .order_by(IndustryNode.sort_order, IndustryNode.code)
        ).all()
        by_id = {n.id: n for n in nodes}
        industries = {n.code: n.id for n in nodes if n.level == "industry"}
        links: dict[str, list[str]] = {}
        for n in nodes:
            if n.level == "link" and n.parent_id in by_id:
                links.setdefault(by_id[n.parent_id].code, []).append(n.code)
        missing = [c for c in INDUSTRIES if c not in industries or not links.get(c)]
        missing += [c for c in LINK_TEMPLATES if c not in {n.code for n in nodes}]
        if missing:
            raise DemoDataError(
                "数据库的“222”产业体系与演示数据所需不一致，缺少节点："
                + "、".join(missing)
                + "。演示数据只能写入新初始化的数据库。"
            )
        fields = dict(
            session.execute(
                select(PlanField.code, PlanField.id).where(PlanField.deleted_at.is_(None))
            ).all()
        )
        unit_rows = session.execute(
            select(Unit.name, Unit.id, Unit.kind)
            .where(Unit.deleted_at.is_(None))
            .order_by(Unit.sort_order, Unit.name)
        ).all()
        units = {r.name: r.id for r in unit_rows}
        needed = {loc for locs in INDUSTRY_LOCATIONS.values() for loc in locs}
        needed |= (
            set(SERVICE_LOCATIONS)
            | set(RURAL_LOCATIONS)
            | set(PARKS)
            | {u for (_, _, _, _, _, u, _) in BLUEPRINTS if u}
        )
        for _, lead_unit, members, _ in TASK_FORCES:
            needed |= {lead_unit, *members}
        needed |= {u for us in PROBLEM_UNITS.values() for u in us} | {"五女店镇", "区投资促进中心"}
        needed |= {u for _, _, us in ENTERPRISE_TEXTS for u in us}
        lacking = sorted(needed - set(units))
        lacking += [
            c
            for c in ("manufacturing", "services", "social", "agriculture", "urbanization")
            if c not in fields
        ]
        if lacking:
            raise DemoDataError(
                "数据库的责任单位或“5122”领域与演示数据所需不一致，缺少："
                + "、".join(lacking)
                + "。演示数据只能写入新初始化的数据库。"
            )
        return cls(
            industries=industries,
            links=links,
            node_ids={n.code: n.id for n in nodes},
            link_names={n.code: n.name for n in nodes if n.level == "link"},
            link_status={n.code: n.chain_status or "" for n in nodes if n.level == "link"},
            fields=fields,
            units=units,
            townships=[r.name for r in unit_rows if r.kind == "township"],
        )
