"""The 2021 and 2022 key-project plans and the monthly investment completed.

Chooses which projects are in each year's plan (done / continuing / new start /
preparatory) and splits the published planned and completed totals over them exactly:
2021 planned 280 亿元 and completed 285.6 亿元; 2022 planned 287.29 亿元 and 67.8 亿元
completed in Q1, spread over months by seasonal weights.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.amounts import allocate, floor_to
from jianan_desk.services.demo.figures import (
    GROUP_START_DAY,
    KEY_2021_COMPLETED_WAN,
    KEY_2021_PLANNED_WAN,
    KEY_2022_PLANNED_WAN,
    KEY_2022_Q1_COMPLETED_WAN,
)
from jianan_desk.services.demo.records import PlanEntry, ProjectSpec
from jianan_desk.services.demo.state import Workspace

MONTH_WEIGHTS_2021 = (0.5, 0.6, 0.9, 1.0, 1.1, 1.1, 0.9, 0.9, 1.1, 1.2, 1.2, 1.3)
MONTH_WEIGHTS_2022 = (0.8, 0.6, 1.2)


def build_plans(ws: Workspace) -> None:
    """The 2021 and 2022 plan entries and the monthly investment completed."""
    rng = ws.rng
    g = ws.by_group()
    done = g["k_A"] + g["c20_A"] + g["c21_op_A"]
    continuing = g["k_B"] + g["c20_B"] + g["c21_st_B"]
    slipped = g["k_C_gs"] + g["k_C_q1"] + g["k_C_ns"] + g["k_C_pre"]
    plan21 = done + continuing + slipped
    new22 = (
        g["c21_sanjia"]
        + g["c21_gs"]
        + g["k_C_gs"]
        + g["k_N_gs"]
        + g["c21_q1"]
        + g["c22_ns_started"]
        + g["k_C_q1"]
        + g["k_N_q1"]
        + g["c21_perf"]
        + g["c21_ns"]
        + g["c22_ns"]
        + g["k_C_ns"]
        + g["k_N_ns"]
    )
    prep22 = g["k_C_pre"] + g["k_N_pre"]
    plan22 = continuing + new22 + prep22
    for p in plan21:
        started = p.d(Stage.STARTED)
        if p in slipped:
            p.plan21 = PlanEntry(new_start=True, start_month=rng.randint(6, 12), kind="slipped")
        else:
            new = started is not None and started.year == 2021
            p.plan21 = PlanEntry(
                new_start=new,
                start_month=started.month if new and started else None,
                kind="done" if p in done else "continuing",
            )
    for p in plan22:
        started = p.d(Stage.STARTED)
        if p in continuing:
            p.plan22 = PlanEntry(kind="continuing")
        elif p in prep22:
            p.plan22 = PlanEntry(kind="preparatory")
            p.notes = "2022年重点前期项目"
        else:
            month = started.month if started else rng.randint(4, 10)
            p.plan22 = PlanEntry(new_start=True, start_month=month, kind="new")
            if started == GROUP_START_DAY:
                p.notes = "2022年1月4日一季度重点项目集中开工项目"

    def frac(lo: float, hi: float) -> float:
        return rng.uniform(lo, hi)

    # 2021: planned 280 亿元 over 107 projects; completed 285.6 亿元 by the 76 building.
    weights = [
        float(p.total)
        * (
            frac(0.3, 0.5)
            if p in done
            else frac(0.25, 0.4)
            if p in continuing
            else frac(0.05, 0.15)
        )
        for p in plan21
    ]
    caps = [floor_to(p.total * Decimal("0.8"), Decimal(100)) for p in plan21]
    for p, v in zip(
        plan21, allocate(KEY_2021_PLANNED_WAN, weights, Decimal(100), caps), strict=True
    ):
        assert p.plan21 is not None
        p.plan21.planned = v
    building = done + continuing
    weights = [float(p.plan21.planned) * frac(0.9, 1.25) for p in building if p.plan21]
    caps = [
        floor_to(p.total * Decimal("0.75" if p in done else "0.55"), Decimal(10)) for p in building
    ]
    completed21 = allocate(KEY_2021_COMPLETED_WAN, weights, Decimal(10), caps)
    for p, amount in zip(building, completed21, strict=True):
        started = p.d(Stage.STARTED)
        assert started is not None
        first = started.month if started.year == 2021 else 1
        operating = p.d(Stage.OPERATING)
        last = operating.month if operating and operating.year == 2021 else 12
        spread(ws.rng, p, 2021, amount, range(first, last + 1), MONTH_WEIGHTS_2021)

    # 2022: planned 287.29 亿元 over 112; Q1 completed 67.8 亿元 by the 64 building.
    def left(p: ProjectSpec) -> Decimal:
        return p.total - sum(p.monthly.values(), Decimal(0))

    weights = [
        float(left(p)) * frac(0.3, 0.5)
        if p in continuing
        else float(p.total) * (frac(0.02, 0.06) if p in prep22 else frac(0.25, 0.45))
        for p in plan22
    ]
    caps = [
        floor_to(
            left(p) if p in continuing else p.total * Decimal("0.1" if p in prep22 else "0.7"),
            Decimal(100),
        )
        for p in plan22
    ]
    for p, v in zip(
        plan22, allocate(KEY_2022_PLANNED_WAN, weights, Decimal(100), caps), strict=True
    ):
        assert p.plan22 is not None
        p.plan22.planned = v
    building = continuing + [p for p in new22 if p.d(Stage.STARTED) is not None]
    months = {p: range(1 if p in continuing else p.dates[Stage.STARTED].month, 4) for p in building}
    weights = [
        float(p.plan22.planned) * frac(0.18, 0.3) * len(months[p]) / 3 for p in building if p.plan22
    ]
    caps = [
        floor_to(
            left(p) * Decimal("0.5") if p in continuing else p.total * Decimal("0.3"),
            Decimal(10),
        )
        for p in building
    ]
    completed22 = allocate(KEY_2022_Q1_COMPLETED_WAN, weights, Decimal(10), caps)
    for p, amount in zip(building, completed22, strict=True):
        spread(ws.rng, p, 2022, amount, months[p], MONTH_WEIGHTS_2022)


def spread(
    rng: random.Random,
    p: ProjectSpec,
    year: int,
    amount: Decimal,
    months: range,
    base: Sequence[float],
) -> None:
    """Split ``amount`` over ``months`` of ``year`` by seasonal ``base`` weights."""
    weights = [base[m - 1] * rng.uniform(0.7, 1.3) for m in months]
    for m, v in zip(months, allocate(amount, weights, Decimal(1)), strict=True):
        if v > 0:
            p.monthly[(year, m)] = v
