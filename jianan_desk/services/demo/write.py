"""Turn the finished records into table rows and insert them; count what was written.

Inserts the generated rows (bulk ``insert``, in dependency order; ``generate`` adds the
``app_meta`` keys). A few last draws happen here, in row order: visit outcomes and
follow-up dates, each project's recorder, code (立项代码), fixed-asset and foreign investment.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from jianan_desk.domain.stages import Stage, StageEventData, current_stage
from jianan_desk.services.demo.amounts import floor_to
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.timeline import add_days, stage_history
from jianan_desk.services.demo.vocab import STAFF
from jianan_desk.store.models import (
    Company,
    Contact,
    FundsInPlace,
    KeyProjectPlan,
    MonthlyInvestment,
    Problem,
    Project,
    ProjectStageEvent,
    StaffUser,
    TaskForce,
    TaskForceUnit,
    Trip,
    TripMember,
    Visit,
    WeeklyMeeting,
)
from jianan_desk.store.types import new_id


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind ``generate_demo_data`` wrote."""

    projects: int
    stage_events: int
    companies: int
    contacts: int
    staff_users: int
    trips: int
    trip_members: int
    visits: int
    funds_records: int
    key_plans: int
    monthly_investments: int
    task_forces: int
    weekly_meetings: int
    problems: int


def project_code(ws: Workspace, p: ProjectSpec) -> str | None:
    """A unique project code (立项代码), once a project is signed or performing."""
    day = p.d(Stage.SIGNED) or p.d(Stage.PERFORMING)
    if day is None:
        return None
    industry_digits = {
        "hair": "19",
        "auto": "36",
        "biomed": "27",
        "food": "14",
        "electronic": "39",
        "environment": "35",
    }
    digits = industry_digits.get(p.industry or "", "48")
    while True:
        kind = "01" if p.gov else "03"
        code = f"{day.year}-411003-{digits}-{kind}-{ws.rng.randint(100000, 999999)}"
        if code not in ws.codes:
            ws.codes.add(code)
            return code


def write(ws: Workspace, session: Session) -> DemoSummary:
    """Insert every record as table rows; returns how many of each were written."""
    ref = ws.ref
    company_rows = [
        {
            "id": c.id,
            "name": c.name,
            "normalized_name": c.name,
            "uscc": c.uscc,
            "province": c.province,
            "city": c.city,
            "industry_node_id": ref.node_ids.get(c.link or c.industry or ""),
            "scale": c.scale,
            "website": "",
            "tags": c.tags,
            "notes": c.notes,
            "is_local": c.is_local,
            "is_target": c.is_target,
        }
        for c in ws.companies
    ]
    contact_rows = [
        {
            "id": c["id"],
            "company_id": ws.companies[c["company_index"]].id,
            "name": c["name"],
            "title": c["title"],
            "mobile": c["mobile"],
            "wechat": c["wechat"],
            "email": c["email"],
            "notes": c["notes"],
        }
        for c in ws.contacts
    ]
    contact_of: dict[int, dict[str, Any]] = {}
    for c in ws.contacts:
        contact_of.setdefault(c["company_index"], c)
    visit_rows = []
    for v in ws.visits:
        co_index = v["company"]
        co = ws.companies[co_index]
        contact = contact_of[co_index]
        spec: ProjectSpec | None = v["spec"]
        if spec is not None:
            yi = (spec.total / Decimal(10000)).quantize(Decimal("0.01")).normalize()
            outcome = f"企业有意在中部地区布局新项目，初步意向投资约{yi:f}亿元。"
            next_step = "安排专人对接，邀请企业来建安实地考察，开展项目研判。"
        else:
            outcome = ws.rng.choice(
                (
                    "企业近期暂无新增投资计划，同意保持联系。",
                    "企业对建安区营商环境表示认可，待总部研究后答复。",
                    "企业拟于下半年考察中部地区选址，已邀请来建安实地考察。",
                )
            )
            next_step = "纳入目标企业清单，定期跟踪。"
        if v["kind"] == "outbound":
            content = (
                f"{'、'.join(v['leaders'])}带队拜访{co.name}，介绍建安区区位交通、"
                "“222”现代产业体系及园区载体条件；企业介绍了业务发展及产能布局情况。"
            )
        else:
            content = (
                f"{co.name}一行来建安考察，{v['leaders'][0]}会见客商，实地查看园区及标准化厂房。"
            )
        visit_rows.append(
            {
                "id": v["id"],
                "trip_id": v["trip_id"],
                "company_id": co.id,
                "visited_on": v["visited_on"],
                "kind": v["kind"],
                "city": v["city"] if v["kind"] == "outbound" else co.city,
                "attendees": "、".join([*v["leaders"], *v["staff"][:2]])
                + f"；{contact['name']}（{contact['title']}）",
                "content": content,
                "outcome": outcome,
                "next_step": next_step,
                "follow_up_on": add_days(v["visited_on"], ws.rng.randint(7, 30)),
                "recorded_by": v["staff"][0],
            }
        )
    project_rows = []
    event_rows = []
    for p in ws.specs:
        history = stage_history(p)
        stage = current_stage([StageEventData(s, d) for s, d, _ in history])
        signed = p.d(Stage.SIGNED) is not None
        recorder = ws.rng.choice(STAFF)
        project_rows.append(
            {
                "id": p.id,
                "code": project_code(ws, p),
                "name": p.name,
                "family": p.family,
                "stage": stage.value,
                "company_id": ws.companies[p.company].id if p.company is not None else None,
                "industry_node_id": ref.industries.get(p.industry or ""),
                "chain_link_id": ref.node_ids.get(p.link or ""),
                "field_id": ref.fields[p.field],
                "total_investment_wan": p.total,
                "fixed_asset_investment_wan": floor_to(
                    p.total * Decimal(ws.rng.uniform(0.7, 0.92)), Decimal(100)
                )
                if signed
                else None,
                "foreign_investment_usd_wan": floor_to(
                    p.total / Decimal("6.45") * Decimal(ws.rng.uniform(0.3, 0.8)), Decimal(10)
                )
                if p.foreign
                else None,
                "land_mu": p.land_mu,
                "location": p.location,
                "unit_id": ref.units[p.unit],
                "leader_in_charge": p.leader,
                "task_force_id": ws.task_forces[p.task_force]["id"]
                if p.task_force is not None
                else None,
                "expected_revenue_wan": p.revenue,
                "expected_tax_wan": p.tax,
                "jobs": p.jobs,
                "construction_content": p.content,
                "notes": p.notes,
                "source_visit_id": ws.visits[p.visit]["id"] if p.visit is not None else None,
            }
        )
        for s, d, note in history:
            event_rows.append(
                {
                    "id": new_id(),
                    "project_id": p.id,
                    "stage": s.value,
                    "occurred_on": d,
                    "note": note,
                    "recorded_by": recorder,
                    "signed_investment_wan": p.total if s is Stage.SIGNED else None,
                    # 终止 is recorded as the stage service records it: kind and reason.
                    "kind": "drop" if s is Stage.DROPPED else "advance",
                    "reason": p.drop_reason if s is Stage.DROPPED else "",
                }
            )
    funds_rows = [
        {
            "id": r["id"],
            "project_id": r["project"].id,
            "received_on": r["received_on"],
            "amount_wan": r["amount_wan"],
            "fdi_usd_wan": r["fdi_usd_wan"],
            "note": r["note"],
        }
        for r in ws.funds
    ]
    plan_rows = []
    monthly_rows = []
    for p in ws.specs:
        for year, plan in ((2021, p.plan21), (2022, p.plan22)):
            if plan is not None:
                plan_rows.append(
                    {
                        "id": new_id(),
                        "project_id": p.id,
                        "year": year,
                        "planned_investment_wan": plan.planned,
                        "is_new_start": plan.new_start,
                        "planned_start_month": plan.start_month,
                    }
                )
        for (year, month), amount in p.monthly.items():
            monthly_rows.append(
                {
                    "id": new_id(),
                    "project_id": p.id,
                    "year": year,
                    "month": month,
                    "completed_wan": amount,
                }
            )
    problem_rows = [
        {
            "id": r["id"],
            "project_id": r["project"].id if r["project"] is not None else None,
            "task_force_id": r["task_force_id"],
            "meeting_id": r["meeting_id"],
            "raised_on": r["raised_on"],
            "category": r["category"],
            "description": r["description"],
            "unit_id": r["unit_id"],
            "responsible_person": r["responsible_person"],
            "deadline": r["deadline"],
            "status": r["status"],
            "resolution": r["resolution"],
            "resolved_on": r["resolved_on"],
            "source": r["source"],
        }
        for r in ws.problems
    ]
    trip_rows = ws.trips
    tables: list[tuple[type[Any], list[dict[str, Any]]]] = [
        (StaffUser, ws.staff_rows),
        (Company, company_rows),
        (Contact, contact_rows),
        (Trip, trip_rows),
        (TripMember, ws.trip_members),
        (Visit, visit_rows),
        (TaskForce, ws.task_forces),
        (TaskForceUnit, ws.task_force_units),
        (Project, project_rows),
        (ProjectStageEvent, event_rows),
        (FundsInPlace, funds_rows),
        (KeyProjectPlan, plan_rows),
        (MonthlyInvestment, monthly_rows),
        (WeeklyMeeting, ws.meetings),
        (Problem, problem_rows),
    ]
    for model, rows in tables:
        if rows:
            session.execute(insert(model), rows)
    session.flush()
    return DemoSummary(
        projects=len(project_rows),
        stage_events=len(event_rows),
        companies=len(company_rows),
        contacts=len(contact_rows),
        staff_users=len(ws.staff_rows),
        trips=len(trip_rows),
        trip_members=len(ws.trip_members),
        visits=len(visit_rows),
        funds_records=len(funds_rows),
        key_plans=len(plan_rows),
        monthly_investments=len(monthly_rows),
        task_forces=len(ws.task_forces),
        weekly_meetings=len(ws.meetings),
        problems=len(problem_rows),
    )
