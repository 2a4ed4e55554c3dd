"""Total investment of the 招商 projects, hitting the published sums exactly.

The 2021 cohort sums to 284.48 亿元 (三佳 + five of ≥ 10 亿元 + 84 drawn), with the largest
going to the projects in the key-project plans; the 2020 cohort, 2022 signings and the
pipeline are drawn freely. Last, the 18 projects of the 2022-01-04 group start are made to
sum to 79.8 亿元, which rescales the totals ``key_projects`` drew for its group-start
projects; other key projects keep the totals they were drawn with.
"""

from __future__ import annotations

from decimal import Decimal

from jianan_desk.services.demo.amounts import loguniform, nice, settle
from jianan_desk.services.demo.figures import GROUP_START_INVESTMENT_WAN, SIGNED_2021_INVESTMENT_WAN
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace


def assign_totals(ws: Workspace) -> None:
    """Total investment of every 招商 project (see the module docstring)."""
    rng = ws.rng
    by_group = ws.by_group()
    # 2021 cohort: 三佳 + five ≥10亿 + 84 drawn, summing exactly to 284.48 亿元.
    sanjia = by_group["c21_sanjia"][0]
    sanjia.total = Decimal(50000)
    bigs = [
        Decimal(v)
        for v in rng.sample(
            (100000, 105000, 110000, 120000, 126000, 150000, 160000, 180000, 200000), 5
        )
    ]
    raws = [rng.uniform(40000, 80000) for _ in range(12)]
    raws += [loguniform(rng, 10000, 40000) for _ in range(56)]
    raws += [loguniform(rng, 2000, 9500) for _ in range(16)]
    rest = SIGNED_2021_INVESTMENT_WAN - sanjia.total - sum(bigs, Decimal(0))
    scale = float(rest) / sum(raws)
    values = [nice(r * scale) for r in raws]
    settle(rng, values, list(range(len(values))), rest)
    # The largest go to the projects in the key-project plans.
    values.sort(reverse=True)
    key_slots_free = by_group["c21_op_A"][1:] + by_group["c21_st_B"][2:]
    by_group["c21_op_A"][0].total = bigs[0]
    by_group["c21_st_B"][0].total = bigs[1]
    by_group["c21_st_B"][1].total = bigs[2]
    top_idx = sorted(rng.sample(range(35), len(key_slots_free)))
    for p, i in zip(key_slots_free, top_idx, strict=True):
        p.total = values[i]
    remaining = [v for i, v in enumerate(values) if i not in set(top_idx)]
    mid = [i for i, v in enumerate(remaining) if 10000 <= v <= 50000]
    gs_idx = rng.sample(mid, 3)
    for p, i in zip(by_group["c21_gs"], gs_idx, strict=True):
        p.total = remaining[i]
    others = [v for i, v in enumerate(remaining) if i not in set(gs_idx)] + bigs[3:]
    rng.shuffle(others)
    cohort = [p for p in ws.specs if p.group.startswith("c21_")]
    free = [p for p in cohort if p.total == 0]
    for p, v in zip(free, others, strict=True):
        p.total = v

    # 2020 cohort, 2022 signings and the open pipeline: drawn freely.
    def draw(p: ProjectSpec, small: float = 0.2) -> None:
        r = rng.random()
        if r < small:
            p.total = nice(loguniform(rng, 2000, 9500))
        elif r < 0.85:
            p.total = nice(loguniform(rng, 10000, 50000))
        else:
            p.total = nice(rng.uniform(50000, 100000))

    for p in ws.specs:
        if p.family == "attraction" and p.total == 0:
            draw(p, small=0.1 if p.group.startswith("c22") else 0.2)
    for p in by_group["c20_A"] + by_group["c20_B"]:
        p.total = max(p.total, nice(rng.uniform(40000, 120000)))
    for p in by_group["c20_B"][:2]:
        p.total = nice(rng.uniform(100000, 150000))

    # The group start: 18 projects summing exactly to 79.8 亿元.
    gs_key = by_group["k_C_gs"] + by_group["k_N_gs"]
    attraction = sanjia.total + sum((p.total for p in by_group["c21_gs"]), Decimal(0))
    fixed = [p for p in gs_key if p.big]
    for p in fixed:
        p.total = Decimal(rng.choice((100000, 110000, 120000)))
    flex = [p for p in gs_key if not p.big]
    target = GROUP_START_INVESTMENT_WAN - attraction - sum((p.total for p in fixed), Decimal(0))
    raws = [float(p.total) for p in flex]
    scale = float(target) / sum(raws)
    values = [nice(r * scale) for r in raws]
    settle(rng, values, list(range(len(values))), target)
    for p, v in zip(flex, values, strict=True):
        p.total = v
