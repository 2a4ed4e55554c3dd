"""Weekly meetings and the problems raised: at meetings, by companies (万人助企), by task forces.

18 meetings three weeks apart from 2021-03-22 raise 214 project problems; 275 company
problems and 16 task-force problems follow. Most are closed with a resolution; the
latest few are left open, in progress or suspended.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.amounts import allocate
from jianan_desk.services.demo.figures import DEMO_AS_OF
from jianan_desk.services.demo.people import person
from jianan_desk.services.demo.problem_texts import (
    ENTERPRISE_RESOLUTIONS,
    ENTERPRISE_TEXTS,
    PROBLEM_TEXTS,
    PROBLEM_UNITS,
    RESOLUTIONS,
)
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.timeline import add_days, after, rand_date
from jianan_desk.store.types import new_id


def build_problems(ws: Workspace) -> None:
    """The weekly meetings, and the meeting, enterprise and task-force problems."""
    rng = ws.rng
    first = dt.date(2021, 3, 22)
    for i in range(18):
        held = add_days(first, 21 * i)
        ws.meetings.append(
            {
                "id": new_id(),
                "held_on": held,
                "number": i + 1,
                "title": f"重点工作重大项目周例会（第{i + 1}次）",
                "notes": "",
            }
        )
    plan = {
        2021: [p for p in ws.specs if p.plan21 is not None],
        2022: [p for p in ws.specs if p.plan22 is not None],
    }
    per_meeting = allocate(Decimal(214), [rng.uniform(0.7, 1.3) for _ in range(18)], Decimal(1))
    meeting_problems: list[dict[str, Any]] = []
    for meeting, n in zip(ws.meetings, per_meeting, strict=True):
        held = meeting["held_on"]
        for _ in range(int(n)):
            p = rng.choice(plan[held.year])
            started = p.d(Stage.STARTED)
            before_start = started is None or started > held
            category = rng.choice(
                ("approval", "land", "land", "demolition", "tendering", "factors")
                if before_start
                else ("funding", "factors", "factors", "other", "approval")
            )
            meeting_problems.append(raise_problem(ws, p, category, held, "meeting", meeting))
        meeting["notes"] = f"听取重点项目推进情况汇报，协调解决问题{int(n)}个"
    late = [r for r in meeting_problems if r["raised_on"] >= dt.date(2021, 11, 29)]
    open_rows = rng.sample(late, 18)
    statuses = ["in_progress"] * 9 + ["open"] * 7 + ["suspended"] * 2
    for r, s in zip(open_rows, statuses, strict=True):
        r["status"] = s
    # 万人助企: enterprise problems.
    enterprise: list[dict[str, Any]] = []
    for _ in range(275):
        day = rand_date(rng, dt.date(2021, 4, 1), dt.date(2022, 3, 28))
        helped = [
            p
            for p in ws.specs
            if p.family == "attraction" and (p.d(Stage.PERFORMING) or DEMO_AS_OF) <= day
        ]
        p = rng.choice(helped) if helped and rng.random() < 0.7 else None
        co = (
            ws.companies[p.company]
            if p is not None and p.company is not None
            else (rng.choice([c for c in ws.companies if c.is_local]))
        )
        category, text, units = rng.choice(ENTERPRISE_TEXTS)
        row = raise_problem(
            ws, p, category, day, "enterprise", None, company=co.name, text=text, units=units
        )
        enterprise.append(row)
    enterprise.sort(key=lambda r: r["raised_on"])
    open_rows = rng.sample(enterprise[-40:], 10)
    for r, s in zip(open_rows, ["in_progress"] * 6 + ["open"] * 4, strict=True):
        r["status"] = s
    # Problems a task force raised itself in 2022.
    task_force: list[dict[str, Any]] = []
    followed = [p for p in plan[2022] if p.task_force is not None]
    for k in range(16):
        p = rng.choice(followed)
        day = rand_date(rng, dt.date(2022, 1, 5), dt.date(2022, 3, 28))
        category = rng.choice(("approval", "land", "tendering", "factors", "demolition"))
        row = raise_problem(ws, p, category, day, "task_force", None)
        row["status"] = "closed" if k < 8 else "in_progress" if k < 13 else "open"
        task_force.append(row)
    for r in meeting_problems + enterprise + task_force:
        finish_problem(ws.rng, r)
    ws.problems = meeting_problems + enterprise + task_force


def raise_problem(
    ws: Workspace,
    p: ProjectSpec | None,
    category: str,
    day: dt.date,
    source: str,
    meeting: dict[str, Any] | None,
    *,
    company: str = "",
    text: str = "",
    units: tuple[str, ...] = (),
) -> dict[str, Any]:
    """One problem row about ``p`` (or a company), handled by a drawn unit, closed by default."""
    rng = ws.rng
    units = units or PROBLEM_UNITS[category]
    if p is not None and category in ("demolition", "other"):
        units = (*units, p.unit)
    unit = rng.choice(units or ("区投资促进中心",))
    # Special bonds fund government projects; a company's cash flow is its own.
    texts = [
        t
        for t in PROBLEM_TEXTS[category]
        if not ("专项债券" in t and not (p and p.gov)) and not ("企业" in t and p and p.gov)
    ]
    template = text or rng.choice(texts)
    description = template.format(
        p=p.name if p is not None else "",
        c=company,
        m=rng.choice((20, 35, 50, 80, 120)),
        h=rng.randint(3, 40),
        a=rng.choice((500, 1000, 2000, 3000, 5000)),
        w=rng.choice((30, 50, 80, 120, 200)),
    )
    return {
        "id": new_id(),
        "project": p,
        "task_force_id": (
            ws.task_forces[p.task_force]["id"]
            if p is not None and p.task_force is not None
            else None
        ),
        "meeting_id": meeting["id"] if meeting else None,
        "raised_on": day,
        "category": category,
        "description": description,
        "unit_id": ws.ref.units[unit],
        "unit_name": unit,
        "responsible_person": person(ws),
        "deadline": after(ws.rng, day, 7, 30 if source != "meeting" else 40),
        "status": "closed",
        "resolution": "",
        "resolved_on": None,
        "source": source,
    }


def finish_problem(rng: random.Random, r: dict[str, Any]) -> None:
    """Resolution text and date of a closed (or suspended) problem."""
    if r["status"] == "closed":
        texts = ENTERPRISE_RESOLUTIONS if r["source"] == "enterprise" else RESOLUTIONS
        r["resolution"] = rng.choice(texts).format(u=r["unit_name"])
        resolved = after(rng, r["raised_on"], 2, max(3, (r["deadline"] - r["raised_on"]).days + 10))
        r["resolved_on"] = min(resolved, DEMO_AS_OF)
    elif r["status"] == "suspended":
        r["resolution"] = "待上级政策明确后再行推进，暂挂起"
