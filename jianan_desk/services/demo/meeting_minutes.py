"""The demo's weekly-meeting minutes, written after everything else.

``problems.build_problems`` writes the 18 meetings and the problems raised at them; this
step adds what the minutes record: the chair (the district head or the executive deputy),
the attending units, the projects reported on (those whose problems the meeting took up),
the decisions, and the problems' progress notes: each meeting problem closed by the last
meeting is recorded as 销号 at the first meeting on or after its 销号 date, and every problem
still being worked on has a dated progress note.

It runs on its own ``random.Random`` (derived from the seed) after the rows are written,
so it changes none of the dataset's other draws.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from jianan_desk.services.demo.figures import DEMO_AS_OF
from jianan_desk.services.demo.vocab import LEADERS
from jianan_desk.services.meetings import CLOSED_NOTE_PREFIX
from jianan_desk.store.models import (
    MeetingProject,
    Problem,
    ProblemNote,
    Project,
    TaskForce,
    Unit,
    WeeklyMeeting,
)
from jianan_desk.store.types import new_id

ACTOR = "区重点项目办"
REPORTS = {
    "lead": "项目前期对接中，正在完善投资意向",
    "negotiating": "正在洽谈合作细节，协议文本基本成型",
    "signed": "已签约，正在办理公司注册和前期手续",
    "performing": "前期手续加快办理，用地报批稳步推进",
    "started": "主体工程施工中，形象进度符合计划",
    "operating": "已建成投产，正在扩大产能",
    "dropped": "项目暂停推进",
}
DECISIONS = (
    "各责任单位对交办问题建立台账，明确时限，{d}日内反馈办理情况",
    "超期未办结问题由区督查局跟踪督办，下次例会通报",
    "{u}牵头，会同相关部门现场办公，集中解决用地和报批问题",
    "各专班加快项目前期手续办理，确保按计划开工",
    "区财政局统筹资金，保障重点项目要素需求",
    "对连续两周无进展的项目约谈责任单位主要负责人",
)
PROGRESS = (
    "已与项目单位对接，正在协调相关部门",
    "已召开专题协调会，明确办理路径",
    "相关材料已报送上级部门，等待批复",
    "已现场查看，制定解决方案",
)


def build_meeting_minutes(session: Session, seed: int) -> int:
    """Fill the minutes of the demo's meetings; returns the number of notes written."""
    rng = random.Random(f"meeting-minutes-{seed}")
    meetings = session.execute(
        select(WeeklyMeeting.id, WeeklyMeeting.held_on)
        .where(WeeklyMeeting.deleted_at.is_(None))
        .order_by(WeeklyMeeting.held_on)
    ).all()
    if not meetings:
        return 0
    days = [m.held_on for m in meetings]
    unit_names = list(
        session.scalars(
            select(Unit.name)
            .join(TaskForce, TaskForce.lead_unit_id == Unit.id)
            .where(TaskForce.deleted_at.is_(None))
            .distinct()
            .order_by(Unit.name)
        )
    )
    problems = session.execute(
        select(
            Problem.id,
            Problem.meeting_id,
            Problem.project_id,
            Problem.raised_on,
            Problem.status,
            Problem.resolution,
            Problem.resolved_on,
            Problem.deadline,
        ).order_by(Problem.raised_on, Problem.id)
    ).all()
    stages = dict(session.execute(select(Project.id, Project.stage)).all())
    reported: dict[str, set[str]] = {}
    notes: list[dict[str, Any]] = []
    for p in problems:
        if p.meeting_id and p.project_id:
            reported.setdefault(p.meeting_id, set()).add(p.project_id)
        if p.status == "closed" and p.resolved_on and p.resolved_on <= days[-1]:
            i = bisect_left(days, p.resolved_on)
            if p.meeting_id is not None:
                notes.append(
                    _note(p.id, days[i], f"{CLOSED_NOTE_PREFIX}{p.resolution}", meetings[i].id)
                )
        elif p.status in ("in_progress", "suspended"):
            span = max(1, (min(DEMO_AS_OF, p.deadline or DEMO_AS_OF) - p.raised_on).days)
            on = p.raised_on + dt.timedelta(days=rng.randint(1, span))
            notes.append(_note(p.id, min(on, DEMO_AS_OF), rng.choice(PROGRESS), None))
    for m in meetings:
        chair = LEADERS[0][0] if rng.random() < 0.6 else LEADERS[1][0]
        attendees = "、".join(rng.sample(unit_names, min(len(unit_names), rng.randint(5, 8))))
        picks = rng.sample(DECISIONS, 3)
        decisions = "\n".join(
            f"{n}、{text.format(d=rng.choice((3, 5, 7)), u=rng.choice(unit_names or ['区发改委']))}"
            for n, text in zip("一二三", picks, strict=True)
        )
        session.execute(
            update(WeeklyMeeting)
            .where(WeeklyMeeting.id == m.id)
            .values(chair=chair, attendees=attendees, decisions=decisions)
        )
    project_rows = [
        {
            "id": new_id(),
            "meeting_id": meeting_id,
            "project_id": project_id,
            "report": REPORTS.get(stages.get(project_id, ""), ""),
        }
        for meeting_id, ids in reported.items()
        for project_id in sorted(ids)
    ]
    if project_rows:
        session.execute(insert(MeetingProject), project_rows)
    if notes:
        session.execute(insert(ProblemNote), notes)
    session.flush()
    return len(notes)


def _note(problem_id: str, on: dt.date, text: str, meeting_id: str | None) -> dict[str, Any]:
    return {
        "id": new_id(),
        "problem_id": problem_id,
        "noted_on": on,
        "text": text,
        "actor": ACTOR,
        "meeting_id": meeting_id,
    }
