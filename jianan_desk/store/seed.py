"""Reference data a new database starts with, read from ``resources/reference``.

It is data, not code: the bureau edits all of it later in the program.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.resources import reference_path
from jianan_desk.store.models import (
    AnnualTarget,
    AppMeta,
    IndustryNode,
    IndustryNodeName,
    PlanField,
    Unit,
)
from jianan_desk.store.types import new_id, utcnow

# The 222 system was published at the 2022 major-project promotion meeting.
SYSTEM_VALID_FROM = dt.date(2022, 1, 1)


def _load(name: str) -> dict[str, Any]:
    with reference_path(name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _node(session: Session, **values: Any) -> IndustryNode:
    node = IndustryNode(**values)
    session.add(node)
    session.flush()
    session.add(IndustryNodeName(node_id=node.id, name=node.name, valid_from=SYSTEM_VALID_FROM))
    return node


def seed_industry_system(session: Session) -> None:
    data = _load("industry_system_222.json")
    for g_order, group in enumerate(data["groups"]):
        g = _node(
            session, level="group", code=group["code"], name=group["name"], sort_order=g_order
        )
        for i_order, industry in enumerate(group["industries"]):
            ind = _node(
                session,
                parent_id=g.id,
                level="industry",
                code=industry["code"],
                name=industry["name"],
                sort_order=i_order,
            )
            for l_order, link in enumerate(industry["links"]):
                _node(
                    session,
                    parent_id=ind.id,
                    level="link",
                    code=link["code"],
                    name=link["name"],
                    position=link["position"],
                    chain_status=link["status"],
                    key_products=link.get("key_products", ""),
                    local_enterprises=link.get("local_enterprises", ""),
                    sort_order=l_order,
                )


def seed_plan_fields(session: Session) -> None:
    for order, field in enumerate(_load("plan_fields_5122.json")["fields"]):
        session.add(PlanField(code=field["code"], name=field["name"], sort_order=order))


def seed_units(session: Session) -> None:
    for order, unit in enumerate(_load("units.json")["units"]):
        session.add(Unit(name=unit["name"], kind=unit["kind"], sort_order=order))


def seed_targets(session: Session) -> None:
    data = _load("targets_2022.json")
    for order, t in enumerate(data["targets"]):
        session.add(
            AnnualTarget(
                year=data["year"],
                plan=t["plan"],
                metric_key=t["metric_key"],
                target_value=Decimal(t["value"]),
                unit=t["unit"],
                display_name=t["display_name"],
                sort_order=order,
            )
        )


def seed_reference_data(session: Session) -> None:
    """Fill a freshly created database. Refuses to run twice."""
    if session.get(AppMeta, "seeded_at") is not None:
        return
    if session.scalar(select(IndustryNode.id).limit(1)) is not None:
        return
    seed_industry_system(session)
    seed_plan_fields(session)
    seed_units(session)
    seed_targets(session)
    session.add(AppMeta(key="database_id", value=new_id()))
    session.add(AppMeta(key="seeded_at", value=utcnow().isoformat()))
