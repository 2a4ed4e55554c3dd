"""Key projects (重点项目) that are not 招商 signings: plants, district projects, the party school.

Groups: "k_A" went into production in 2021, "k_B" are under construction (with the party
school), "k_C_*" were in the 2021 plan but started later or are still preparatory, "k_N_*"
are new in the 2022 plan. Each gets an anchor date; ``backfill`` draws the earlier stages
backwards from it.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.amounts import loguniform, nice
from jianan_desk.services.demo.attraction import new_spec
from jianan_desk.services.demo.district import BLUEPRINTS, PARTY_SCHOOL_OWNER
from jianan_desk.services.demo.figures import DEMO_AS_OF, GROUP_START_DAY, PARTY_SCHOOL_PROJECT_NAME
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.timeline import PIPELINE, add_days, before, rand_date


def key_spec(
    ws: Workspace, group: str, *, big: bool = False, kind: str | None = None
) -> ProjectSpec:
    """A key project: one company's plant ("ind") or a district project ("bp")."""
    rng = ws.rng
    if kind is None:
        kind = "ind" if rng.random() < 0.5 else "bp"
    if kind == "ind":
        p = new_spec(ws, group, "key")
        p.local = rng.random() < 0.4
        lo, hi = (100000, 300000) if big else (20000, 90000)
        p.total = nice(rng.uniform(lo, hi) if big else loguniform(rng, lo, hi))
    else:
        pool = [b for b in BLUEPRINTS if (b[4] >= 100000 if big else b[3] < 100000)]
        pool = [b for b in pool if "{town}" in b[0] or b[0] not in ws.used_blueprints]
        bp = rng.choice(pool)
        name, field_code, link, lo, hi, _unit, owner = bp
        industry = link.split(".")[0] if link else None
        p = ProjectSpec(group=group, family="key", industry=industry, link=link, field=field_code)
        p.blueprint = bp
        p.owner = owner
        ws.used_blueprints.add(name)
        lo = max(lo, 100000) if big else lo
        hi = hi if big else min(hi, 99000)
        p.total = nice(rng.uniform(lo, hi))
        ws.specs.append(p)
    p.big = big
    return p


def build_key(ws: Workspace) -> None:
    """Key-family projects, group by group (see the module docstring for the plan)."""
    D = dt.date
    rng = ws.rng
    # Into production in 2021 (in the 2021 plan only).
    for i in range(18):
        p = key_spec(ws, "k_A", big=i < 6)
        p.dates[Stage.STARTED] = rand_date(rng, D(2020, 3, 1), D(2021, 3, 31))
        p.dates[Stage.OPERATING] = rand_date(
            rng, max(add_days(p.dates[Stage.STARTED], 120), D(2021, 2, 1)), D(2021, 12, 25)
        )
        backfill(ws.rng, p, Stage.STARTED)
    # Under construction since 2020/2021 (continuing in 2022), with the party school.
    school = ProjectSpec(group="k_B", family="key", industry=None, link=None, field="social")
    school.fixed = "party_school"
    school.name = PARTY_SCHOOL_PROJECT_NAME
    school.total = Decimal(43900)
    school.owner = PARTY_SCHOOL_OWNER
    school.dates[Stage.STARTED] = D(2021, 4, 20)
    backfill(ws.rng, school, Stage.STARTED)
    ws.specs.append(school)
    for i in range(19):
        p = key_spec(ws, "k_B", big=i < 8)
        p.dates[Stage.STARTED] = rand_date(rng, D(2020, 5, 1), D(2021, 11, 30))
        backfill(ws.rng, p, Stage.STARTED)
    # In the 2021 plan, not started in 2021: group start / Q1 start / later / preparatory.
    for i in range(8):
        p = key_spec(ws, "k_C_gs", big=i == 0, kind="bp" if i in (0, 3, 5) else "ind")
        p.dates[Stage.STARTED] = GROUP_START_DAY
        p.dates[Stage.PERFORMING] = rand_date(rng, D(2021, 10, 1), GROUP_START_DAY)
        backfill(ws.rng, p, Stage.PERFORMING)
    for _ in range(3):
        p = key_spec(ws, "k_C_q1")
        p.dates[Stage.STARTED] = rand_date(rng, D(2022, 1, 10), D(2022, 3, 28))
        backfill(ws.rng, p, Stage.STARTED)
    for i in range(9):
        p = key_spec(ws, "k_C_ns", big=i == 0)
        if rng.random() < 0.7:
            p.dates[Stage.PERFORMING] = rand_date(rng, D(2021, 8, 1), D(2022, 3, 25))
            backfill(ws.rng, p, Stage.PERFORMING)
        else:
            p.dates[Stage.SIGNED] = rand_date(rng, D(2021, 3, 1), D(2022, 2, 28))
            backfill(ws.rng, p, Stage.SIGNED)
    for i in range(11):
        preparatory(ws.rng, key_spec(ws, "k_C_pre", big=i < 4), in_2021_plan=True)
    # New in the 2022 plan.
    for i in range(6):
        p = key_spec(ws, "k_N_gs", big=i == 0, kind="bp" if i in (0, 2, 4) else "ind")
        p.dates[Stage.STARTED] = GROUP_START_DAY
        p.dates[Stage.PERFORMING] = rand_date(rng, D(2021, 11, 1), GROUP_START_DAY)
        backfill(ws.rng, p, Stage.PERFORMING)
    for _ in range(2):
        p = key_spec(ws, "k_N_q1")
        p.dates[Stage.STARTED] = rand_date(rng, D(2022, 1, 10), D(2022, 3, 28))
        backfill(ws.rng, p, Stage.STARTED)
    for i in range(3):
        p = key_spec(ws, "k_N_ns", big=i == 0)
        p.dates[Stage.SIGNED] = rand_date(rng, D(2021, 9, 1), D(2022, 3, 20))
        if rng.random() < 0.5:
            p.dates[Stage.PERFORMING] = rand_date(
                rng, add_days(p.dates[Stage.SIGNED], 7), DEMO_AS_OF
            )
        backfill(ws.rng, p, Stage.SIGNED)
    for i in range(17):
        preparatory(ws.rng, key_spec(ws, "k_N_pre", big=i < 5), in_2021_plan=False)


def preparatory(rng: random.Random, p: ProjectSpec, *, in_2021_plan: bool) -> None:
    """Dates of a preparatory (前期) project: negotiating, signed or performing."""
    D = dt.date
    roll = rng.random()
    latest = D(2021, 10, 31) if in_2021_plan else D(2022, 3, 25)
    if roll < 0.4:
        p.dates[Stage.NEGOTIATING] = rand_date(rng, D(2020, 10, 1), latest)
        backfill(rng, p, Stage.NEGOTIATING)
    elif roll < 0.8:
        p.dates[Stage.SIGNED] = rand_date(rng, D(2020, 12, 1), latest)
        backfill(rng, p, Stage.SIGNED)
    else:
        p.dates[Stage.PERFORMING] = rand_date(rng, D(2021, 3, 1), DEMO_AS_OF)
        backfill(rng, p, Stage.PERFORMING)


def backfill(rng: random.Random, p: ProjectSpec, anchor: Stage) -> None:
    """Fill the pipeline stages before ``anchor`` backwards from its date (key projects)."""
    gaps = {
        Stage.OPERATING: (120, 400),
        Stage.STARTED: (10, 90),
        Stage.PERFORMING: (10, 120),
        Stage.SIGNED: (20, 150),
        Stage.NEGOTIATING: (15, 120),
    }
    stage = anchor
    while stage is not Stage.LEAD:
        earlier = Stage(PIPELINE[PIPELINE.index(stage) - 1])
        if earlier not in p.dates:
            lo, hi = gaps[stage]
            p.dates[earlier] = before(rng, p.dates[stage], lo, hi)
        stage = earlier
