"""The generator's self-check: re-derive every promised figure from the records.

Run after all build steps and before anything is written; a mismatch, an invalid stage
history or a date after ``DEMO_AS_OF`` is a generator bug (``InternalError``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jianan_desk.domain.stages import Stage, StageEventData, validate_history
from jianan_desk.services.demo.errors import InternalError
from jianan_desk.services.demo.figures import (
    DEMO_AS_OF,
    FUNDS_2021_WAN,
    GROUP_START_COUNT,
    GROUP_START_DAY,
    GROUP_START_INVESTMENT_WAN,
    KEY_2021_COUNT,
    KEY_2021_OPERATING,
    KEY_2022_CONTINUING,
    KEY_2022_COUNT,
    KEY_2022_NEW_STARTS,
    KEY_2022_STARTED_Q1,
    OPERATING_2021,
    PERFORMING_2021,
    SIGNED_2021_COUNT,
    SIGNED_2021_INVESTMENT_WAN,
    STARTED_2021,
)
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.timeline import stage_history


def verify(ws: Workspace) -> None:
    """Re-derive the promised figures from the specs; a mismatch is a generator bug."""
    end21 = dt.date(2021, 12, 31)

    def reached(p: ProjectSpec, stages: tuple[Stage, ...], by: dt.date) -> bool:
        return any(p.d(s) is not None and p.dates[s] <= by for s in stages)

    cohort = [
        p
        for p in ws.specs
        if p.family == "attraction" and (p.d(Stage.SIGNED) or dt.date.min).year == 2021
    ]
    later = (Stage.PERFORMING, Stage.STARTED, Stage.OPERATING)
    plan21 = [p for p in ws.specs if p.plan21]
    plan22 = [p for p in ws.specs if p.plan22]
    group = [p for p in ws.specs if p.d(Stage.STARTED) == GROUP_START_DAY]
    q1 = (dt.date(2022, 1, 1), DEMO_AS_OF)
    new22 = [p for p in plan22 if p.plan22 and p.plan22.new_start]
    figures = {
        "signed": (len(cohort), SIGNED_2021_COUNT),
        "investment": (sum((p.total for p in cohort), Decimal(0)), SIGNED_2021_INVESTMENT_WAN),
        "performing": (sum(reached(p, later, end21) for p in cohort), PERFORMING_2021),
        "started": (sum(reached(p, later[1:], end21) for p in cohort), STARTED_2021),
        "operating": (sum(reached(p, later[2:], end21) for p in cohort), OPERATING_2021),
        "funds": (
            sum(
                (r["amount_wan"] for r in ws.funds if r["received_on"].year == 2021),
                Decimal(0),
            ),
            FUNDS_2021_WAN,
        ),
        "key21": (len(plan21), KEY_2021_COUNT),
        "key21_operating": (
            sum((p.d(Stage.OPERATING) or dt.date.min).year == 2021 for p in plan21),
            KEY_2021_OPERATING,
        ),
        "key22": (len(plan22), KEY_2022_COUNT),
        "new22": (len(new22), KEY_2022_NEW_STARTS),
        "started22": (
            sum(q1[0] <= (p.d(Stage.STARTED) or dt.date.min) <= q1[1] for p in new22),
            KEY_2022_STARTED_Q1,
        ),
        "continuing22": (
            sum(
                (p.d(Stage.STARTED) or dt.date.max) < q1[0] and p.d(Stage.OPERATING) is None
                for p in plan22
            ),
            KEY_2022_CONTINUING,
        ),
        "group": (len(group), GROUP_START_COUNT),
        "group_investment": (
            sum((p.total for p in group), Decimal(0)),
            GROUP_START_INVESTMENT_WAN,
        ),
    }
    wrong = {k: v for k, v in figures.items() if v[0] != v[1]}
    if wrong:
        raise InternalError(f"demo figures off: {wrong}")
    for p in ws.specs:
        history = [StageEventData(s, d) for s, d, _ in stage_history(p)]
        validate_history(history)
        if max(e.occurred_on for e in history) > DEMO_AS_OF:
            raise InternalError(f"{p.name} has an event after {DEMO_AS_OF}")
