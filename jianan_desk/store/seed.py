"""Reference data a new database starts with, read from ``resources/reference``.

It is data, not code: the bureau edits all of it later in the program.

Every installation seeds the same rows: ids are derived from each row's natural key
(``seed_id``: uuid5 of the 222 code, the unit's name, …), and the rows carry one fixed sync
stamp (``SEED_STAMP``, of the pseudo-installation ``SEED_ORIGIN`` that every installation
counts as seen) and ``created_at``/``updated_at`` of the published system. So two databases
created separately and then synced hold one copy of each, and an edit made on either side
wins over the untouched seed without a conflict. (Databases seeded before this had random
ids: sync import matches their rows by natural key instead, ``sync.engine``.)
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from jianan_desk.domain import hlc
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
SEED_NAMESPACE = uuid.UUID("3d0f5c62-7a2b-5e48-9b1d-2c6e8f4a7b90")
SEED_ORIGIN = "reference-data"
SEED_TIME = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
SEED_STAMP = hlc.from_datetime(SEED_TIME, SEED_ORIGIN)


def seed_id(table: str, *key: object) -> str:
    """The id every installation gives the seeded row of ``table`` with this natural key."""
    return str(uuid.uuid5(SEED_NAMESPACE, "|".join([table, *(str(k) for k in key)])))


def _seeded(**values: Any) -> dict[str, Any]:
    return dict(values, created_at=SEED_TIME, updated_at=SEED_TIME)


def _load(name: str) -> dict[str, Any]:
    with reference_path(name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _node(session: Session, **values: Any) -> IndustryNode:
    node = IndustryNode(**_seeded(id=seed_id("industry_nodes", values["code"]), **values))
    session.add(node)
    session.flush()
    session.add(
        IndustryNodeName(
            **_seeded(
                id=seed_id("industry_node_names", values["code"], SYSTEM_VALID_FROM),
                node_id=node.id,
                name=node.name,
                valid_from=SYSTEM_VALID_FROM,
            )
        )
    )
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
        session.add(
            PlanField(
                **_seeded(
                    id=seed_id("plan_fields", field["code"]),
                    code=field["code"],
                    name=field["name"],
                    sort_order=order,
                )
            )
        )


def seed_units(session: Session) -> None:
    for order, unit in enumerate(_load("units.json")["units"]):
        session.add(
            Unit(
                **_seeded(
                    id=seed_id("units", unit["name"]),
                    name=unit["name"],
                    kind=unit["kind"],
                    sort_order=order,
                )
            )
        )


def seed_targets(session: Session) -> None:
    data = _load("targets_2022.json")
    for order, t in enumerate(data["targets"]):
        session.add(
            AnnualTarget(
                id=seed_id("annual_targets", data["year"], t["plan"], t["metric_key"]),
                created_at=SEED_TIME,
                updated_at=SEED_TIME,
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
    session.flush()
    stamp_seed(session.connection())


SEED_TABLES = ("industry_nodes", "industry_node_names", "plan_fields", "units", "annual_targets")


def stamp_seed(conn: Connection) -> None:
    """Give the untouched seeded rows the one stamp every installation gives them, and
    count that stamp as seen (``sync_stamps``)."""
    from jianan_desk.store.models import Base, SyncStamp
    from jianan_desk.store.sync_stamps import BASE, load_seen, put_stamps, save_seen

    s = SyncStamp.__table__
    rows = []
    for name in SEED_TABLES:
        table = Base.metadata.tables[name]
        ids = conn.execute(
            select(table.c.id).where(table.c.version == 1, table.c.updated_at == SEED_TIME)
        ).scalars()
        for row_id in ids:
            rows.append({"tbl": name, "row_id": row_id, "field": BASE, "hlc": SEED_STAMP})
    for row in rows:
        conn.execute(s.delete().where(s.c.tbl == row["tbl"], s.c.row_id == row["row_id"]))
    put_stamps(conn, rows)
    seen = load_seen(conn)
    if seen.get(SEED_ORIGIN, "") < SEED_STAMP:
        seen[SEED_ORIGIN] = SEED_STAMP
        save_seen(conn, seen)
