"""Funds in place (资金到位) for the 招商 projects, and the foreign capital among them.

Records follow each performing project's dates; the 2021 records sum exactly to 62.62
亿元. Foreign capital (万美元) grows year on year the way the 1366 targets expect.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.amounts import allocate, floor_to
from jianan_desk.services.demo.figures import DEMO_AS_OF, FUNDS_2021_WAN
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.timeline import add_days, after
from jianan_desk.store.types import new_id


def build_funds(ws: Workspace) -> None:
    """Funds-in-place records of the 招商 projects, with foreign capital."""
    rng = ws.rng
    records: list[tuple[ProjectSpec, dt.date]] = []
    for p in ws.specs:
        performed = p.d(Stage.PERFORMING)
        if p.family != "attraction" or performed is None:
            continue
        dates = [performed]
        started = p.d(Stage.STARTED)
        operating = p.d(Stage.OPERATING)
        if started is not None:
            limit = min(add_days(operating, 90), DEMO_AS_OF) if operating else DEMO_AS_OF
            day = max(started, add_days(performed, 20))
            while len(dates) < 5 and day <= limit:
                dates.append(day)
                day = after(ws.rng, day, 45, 120)
        elif rng.random() < 0.5:
            day = after(ws.rng, performed, 30, 120)
            if day <= DEMO_AS_OF:
                dates.append(day)
        records += [(p, d) for d in dates]
    count = {p: 0 for p, _ in records}
    for p, _ in records:
        count[p] += 1

    # Records outside 2021 are drawn freely below their caps (2020: a full year; 2022: Q1).
    other_years = {2020: (0.35, 0.65), 2022: (0.1, 0.28)}

    def cap(p: ProjectSpec) -> Decimal:
        return floor_to(p.total * Decimal("0.8") / count[p], Decimal(10))

    in_2021 = [(p, d) for p, d in records if d.year == 2021]
    weights = [
        float(cap(p)) * rng.uniform(0.5, 1.5) * (0.5 if d == p.d(Stage.PERFORMING) else 1.0)
        for p, d in in_2021
    ]
    amounts21 = allocate(FUNDS_2021_WAN, weights, Decimal(10), [cap(p) for p, _ in in_2021])
    amount_of = dict(zip(in_2021, amounts21, strict=True))
    rows: list[dict[str, Any]] = []
    for p, d in records:
        if (p, d) in amount_of:
            amount = amount_of[(p, d)]
        else:
            span = (0.4, 0.9) if p.foreign else other_years[d.year]
            amount = max(
                Decimal(10),
                floor_to(cap(p) * Decimal(rng.uniform(*span)), Decimal(10)),
            )
        note = "企业注册完成，首笔资金到位" if d == p.d(Stage.PERFORMING) else "项目建设资金到位"
        rows.append(
            {
                "id": new_id(),
                "project": p,
                "received_on": d,
                "amount_wan": amount,
                "fdi_usd_wan": None,
                "note": note,
            }
        )
    # Foreign capital actually used (万美元, about 6.45 元 per dollar): 2020 drawn; 2021
    # grows 6.5–9.5 % over 2020; 2022 Q1 grows 4–12 % over 2021 Q1 (the 1366 target is 6 %).
    foreign = [r for r in rows if r["project"].foreign]
    rows20 = [r for r in foreign if r["received_on"].year == 2020]
    for r in rows20:
        share = Decimal(rng.uniform(0.3, 0.6))
        r["fdi_usd_wan"] = max(Decimal(1), floor_to(fdi_cap(r) * share, Decimal(1)))
    fdi_2020 = sum((r["fdi_usd_wan"] for r in rows20), Decimal(0))
    rows21 = [r for r in foreign if r["received_on"].year == 2021]
    place_fdi(rows21, fdi_2020 * Decimal(rng.uniform(1.065, 1.095)))
    fdi_2021_q1 = sum((r["fdi_usd_wan"] for r in rows21 if r["received_on"].month <= 3), Decimal(0))
    rows22 = [r for r in foreign if r["received_on"].year == 2022]
    place_fdi(rows22, fdi_2021_q1 * Decimal(rng.uniform(1.04, 1.12)))
    for p in ws.specs:
        if p.foreign:
            p.notes = (p.notes + "；" if p.notes else "") + "外资项目"
    ws.funds = rows


def fdi_cap(row: dict[str, Any]) -> Decimal:
    """The most foreign capital (万美元) a record of ``row['amount_wan']`` 万元 can hold."""
    return floor_to(row["amount_wan"] / Decimal("6.45"), Decimal(1))


def place_fdi(rows: list[dict[str, Any]], target: Decimal) -> None:
    """Spread ``target`` 万美元 over funds records, no record above its RMB amount."""
    caps = [fdi_cap(r) for r in rows]
    total = min(target.to_integral_value(), sum(caps, Decimal(0)))
    for r, v in zip(rows, allocate(total, [float(c) for c in caps], Decimal(1), caps), strict=True):
        r["fdi_usd_wan"] = v if v > 0 else None
