"""Attraction (招商引资) projects: the 2020, 2021 and 2022 signing cohorts and the pipeline.

Each cohort is drawn as named groups ("c21_op", "c21_gs", …) whose sizes and date windows
make the 2021 figures come out exactly (90 signed, 66 performing, 64 started, 30
operating) and feed the key-project plans and the group start. ``new_spec`` (also used
for key projects that are one company's plant) picks an industry, chain link and field.
Amounts are assigned later, by ``totals``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.district import SIGNING_DAYS
from jianan_desk.services.demo.figures import DEMO_AS_OF, GROUP_START_DAY
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.timeline import add_days, after, before, rand_date
from jianan_desk.services.demo.vocab import (
    AGRICULTURE_LINKS,
    DROP_REASONS,
    INDUSTRIES,
    INDUSTRY_WEIGHTS,
    LINK_TEMPLATES,
    SERVICE_LINKS,
)


def new_spec(ws: Workspace, group: str, family: str, industry: str | None = None) -> ProjectSpec:
    """A new company project in ``group``: industry (drawn if not given), link and 5122 field."""
    rng = ws.rng
    if industry is None:
        industry = rng.choices(INDUSTRIES, INDUSTRY_WEIGHTS)[0]
    link = rng.choice(ws.ref.links[industry])
    if link not in LINK_TEMPLATES:
        link = next(c for c in ws.ref.links[industry] if c in LINK_TEMPLATES)
    field_code = (
        "services"
        if link in SERVICE_LINKS
        else "agriculture"
        if link in AGRICULTURE_LINKS
        else "manufacturing"
    )
    p = ProjectSpec(group=group, family=family, industry=industry, link=link, field=field_code)
    ws.specs.append(p)
    return p


def batch(ws: Workspace, family: str, groups: Sequence[tuple[str, int]]) -> list[ProjectSpec]:
    """Specs for several groups; every batch of six or more covers all six industries."""
    n = sum(k for _, k in groups)
    industries: list[str] = list(INDUSTRIES) if n >= len(INDUSTRIES) else []
    industries += ws.rng.choices(INDUSTRIES, INDUSTRY_WEIGHTS, k=n - len(industries))
    ws.rng.shuffle(industries)
    out = []
    it = iter(industries)
    for group, k in groups:
        for _ in range(k):
            out.append(new_spec(ws, group, family, next(it)))
    return out


def sign_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A signing date in the window; often one of the district's signing days."""
    days = [d for d in SIGNING_DAYS if start <= d <= end]
    if days and rng.random() < 0.35:
        return rng.choice(days)
    return rand_date(rng, start, end)


def presign(rng: random.Random, p: ProjectSpec) -> None:
    """Lead and negotiation before the signing date."""
    signed = p.dates[Stage.SIGNED]
    neg = before(rng, signed, 15, 150)
    p.dates[Stage.NEGOTIATING] = neg
    p.dates[Stage.LEAD] = before(rng, neg, 7, 120)


def build_2020(ws: Workspace) -> None:
    """The 2020 signing cohort (some operating, started or dropped by 2022)."""
    groups = (
        ("c20_A", 10),
        ("c20_B", 6),
        ("c20_op20", 8),
        ("c20_op21", 5),
        ("c20_op22", 2),
        ("c20_started", 4),
        ("c20_perf", 4),
        ("c20_signed", 5),
        ("c20_dropped", 1),
    )
    D = dt.date
    for p in batch(ws, "attraction", groups):
        g, ds = p.group, p.dates
        if g == "c20_op20":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2020, 1, 10), D(2020, 5, 31))
            ds[Stage.PERFORMING] = after(ws.rng, ds[Stage.SIGNED], 7, 30)
            ds[Stage.STARTED] = after(ws.rng, ds[Stage.PERFORMING], 5, 40)
            ds[Stage.OPERATING] = rand_date(
                ws.rng, add_days(ds[Stage.STARTED], 60), D(2020, 12, 28)
            )
        elif g in ("c20_A", "c20_op21"):
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2020, 1, 10), D(2020, 8, 31))
            ds[Stage.PERFORMING] = after(ws.rng, ds[Stage.SIGNED], 10, 40)
            p_on = ds[Stage.PERFORMING]
            ds[Stage.STARTED] = rand_date(
                ws.rng, add_days(p_on, 5), min(add_days(p_on, 60), D(2020, 12, 31))
            )
            ds[Stage.OPERATING] = rand_date(
                ws.rng, max(add_days(ds[Stage.STARTED], 60), D(2021, 2, 1)), D(2021, 11, 30)
            )
        elif g in ("c20_B", "c20_started"):
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2020, 3, 1), D(2020, 10, 31))
            ds[Stage.PERFORMING] = after(ws.rng, ds[Stage.SIGNED], 10, 40)
            end = D(2021, 10, 31) if g == "c20_B" else D(2021, 12, 15)
            ds[Stage.STARTED] = rand_date(
                ws.rng,
                add_days(ds[Stage.PERFORMING], 10),
                min(add_days(ds[Stage.PERFORMING], 300), end),
            )
        elif g == "c20_op22":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2020, 4, 1), D(2020, 10, 31))
            ds[Stage.PERFORMING] = after(ws.rng, ds[Stage.SIGNED], 10, 60)
            ds[Stage.STARTED] = rand_date(
                ws.rng, add_days(ds[Stage.PERFORMING], 10), D(2021, 9, 30)
            )
            ds[Stage.OPERATING] = rand_date(ws.rng, D(2022, 1, 10), D(2022, 3, 28))
        elif g == "c20_perf":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2020, 5, 1), D(2020, 12, 20))
            ds[Stage.PERFORMING] = rand_date(ws.rng, add_days(ds[Stage.SIGNED], 10), D(2021, 9, 30))
        elif g == "c20_signed":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2020, 6, 1), D(2020, 12, 28))
        else:  # c20_dropped: the agreement was rescinded
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2020, 4, 1), D(2020, 9, 30))
            p.dropped_on = rand_date(ws.rng, D(2021, 3, 1), D(2021, 8, 31))
            p.drop_reason = "企业资金链紧张，经双方协商解除投资协议"
        presign(ws.rng, p)


def build_2021(ws: Workspace) -> None:
    """The 2021 signing cohort (三佳 included), drawn to the published 2021 figures."""
    groups = (
        ("c21_op_A", 12),
        ("c21_op", 18),
        ("c21_st_B", 10),
        ("c21_st_op22", 5),
        ("c21_st", 19),
        ("c21_perf", 1),
        ("c21_gs", 3),
        ("c21_q1", 3),
        ("c21_ns", 3),
        ("c21_signed", 15),
    )
    D = dt.date
    sanjia = new_spec(ws, "c21_sanjia", "attraction", "auto")
    sanjia.link = "auto.driveline"
    sanjia.fixed = "sanjia"
    sanjia.dates = {
        Stage.LEAD: D(2021, 5, 18),
        Stage.NEGOTIATING: D(2021, 7, 6),
        Stage.SIGNED: D(2021, 10, 26),
        Stage.PERFORMING: D(2021, 12, 16),
        Stage.STARTED: GROUP_START_DAY,
    }
    for p in batch(ws, "attraction", groups):
        g, ds = p.group, p.dates
        if g in ("c21_op_A", "c21_op"):
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2021, 1, 8), D(2021, 6, 30))
            ds[Stage.PERFORMING] = after(ws.rng, ds[Stage.SIGNED], 7, 40)
            ds[Stage.STARTED] = after(ws.rng, ds[Stage.PERFORMING], 5, 50)
            ds[Stage.OPERATING] = rand_date(
                ws.rng, add_days(ds[Stage.STARTED], 45), D(2021, 12, 28)
            )
        elif g in ("c21_st_B", "c21_st_op22", "c21_st"):
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2021, 1, 8), D(2021, 10, 31))
            ds[Stage.PERFORMING] = after(ws.rng, ds[Stage.SIGNED], 7, 35)
            p_on = ds[Stage.PERFORMING]
            ds[Stage.STARTED] = rand_date(
                ws.rng, add_days(p_on, 5), min(add_days(p_on, 60), D(2021, 12, 30))
            )
            if g == "c21_st_op22":
                ds[Stage.OPERATING] = rand_date(
                    ws.rng,
                    max(add_days(ds[Stage.STARTED], 45), D(2022, 1, 10)),
                    D(2022, 3, 28),
                )
        elif g == "c21_perf":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2021, 5, 1), D(2021, 11, 15))
            ds[Stage.PERFORMING] = rand_date(ws.rng, add_days(ds[Stage.SIGNED], 7), D(2021, 12, 28))
        elif g == "c21_gs":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2021, 8, 1), D(2021, 12, 20))
            ds[Stage.PERFORMING] = rand_date(ws.rng, D(2022, 1, 1), GROUP_START_DAY)
            ds[Stage.STARTED] = GROUP_START_DAY
        elif g == "c21_q1":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2021, 7, 1), D(2021, 12, 28))
            ds[Stage.PERFORMING] = rand_date(ws.rng, D(2022, 1, 5), D(2022, 2, 15))
            ds[Stage.STARTED] = rand_date(ws.rng, add_days(ds[Stage.PERFORMING], 5), D(2022, 3, 28))
        elif g == "c21_ns":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2021, 6, 1), D(2021, 12, 28))
            if ws.rng.random() < 0.67:
                ds[Stage.PERFORMING] = rand_date(ws.rng, D(2022, 1, 5), D(2022, 3, 25))
        else:  # c21_signed: signed only by the year end; a few perform in 2022 Q1
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2021, 2, 1), D(2021, 12, 30))
            if ws.rng.random() < 0.35:
                ds[Stage.PERFORMING] = rand_date(
                    ws.rng, max(add_days(ds[Stage.SIGNED], 7), D(2022, 1, 5)), D(2022, 3, 28)
                )
        presign(ws.rng, p)


def build_2022(ws: Workspace) -> None:
    """The projects signed in 2022 Q1."""
    groups = (("c22_ns_started", 2), ("c22_ns", 4), ("c22_perf", 6), ("c22_signed", 14))
    D = dt.date
    for p in batch(ws, "attraction", groups):
        g, ds = p.group, p.dates
        if g == "c22_ns_started":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2022, 1, 6), D(2022, 1, 25))
            ds[Stage.PERFORMING] = rand_date(ws.rng, add_days(ds[Stage.SIGNED], 5), D(2022, 2, 20))
            ds[Stage.STARTED] = rand_date(ws.rng, add_days(ds[Stage.PERFORMING], 5), D(2022, 3, 28))
        elif g == "c22_ns":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2022, 1, 6), D(2022, 3, 18))
            if ws.rng.random() < 0.5:
                ds[Stage.PERFORMING] = rand_date(ws.rng, add_days(ds[Stage.SIGNED], 7), DEMO_AS_OF)
        elif g == "c22_perf":
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2022, 1, 6), D(2022, 2, 28))
            ds[Stage.PERFORMING] = rand_date(ws.rng, add_days(ds[Stage.SIGNED], 7), D(2022, 3, 30))
        else:
            ds[Stage.SIGNED] = sign_date(ws.rng, D(2022, 1, 6), D(2022, 3, 30))
        presign(ws.rng, p)


def build_pipeline(ws: Workspace) -> None:
    """Open leads, negotiations, and dropped leads."""
    D = dt.date
    groups = (("lead", 30), ("negotiating", 25), ("dropped", 10))
    for p in batch(ws, "attraction", groups):
        ds = p.dates
        if p.group == "lead":
            ds[Stage.LEAD] = rand_date(ws.rng, D(2021, 9, 1), D(2022, 3, 30))
        elif p.group == "negotiating":
            ds[Stage.LEAD] = rand_date(ws.rng, D(2021, 4, 1), D(2022, 2, 28))
            ds[Stage.NEGOTIATING] = rand_date(
                ws.rng,
                add_days(ds[Stage.LEAD], 7),
                min(add_days(ds[Stage.LEAD], 120), D(2022, 3, 30)),
            )
        else:
            ds[Stage.LEAD] = rand_date(ws.rng, D(2021, 1, 15), D(2021, 10, 31))
            last = ds[Stage.LEAD]
            if ws.rng.random() < 0.6:
                last = ds[Stage.NEGOTIATING] = after(ws.rng, last, 7, 60)
            p.dropped_on = rand_date(
                ws.rng, add_days(last, 30), min(add_days(last, 240), D(2022, 3, 25))
            )
            p.drop_reason = ws.rng.choice(DROP_REASONS)
