"""Task forces (专班): the list with their projects' stages and problems, one task force's
view, and editing a task force (head, deputy, liaison, lead and member units).

Changes are written to ``change_log`` as entity ``task_force``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from jianan_desk.domain import problems as rules
from jianan_desk.domain.stages import PIPELINE, STAGE_LABELS, Stage
from jianan_desk.services.audit import clean_actor, diff, record_change
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.problems import ProblemFilter, ProblemRow, list_problems, overdue_clause
from jianan_desk.store.models import Problem, Project, TaskForce, TaskForceUnit, Unit
from jianan_desk.store.types import utcnow

NAME_MAX = 200
PERSON_MAX = 50
STAGE_ORDER: tuple[Stage, ...] = (*PIPELINE, Stage.DROPPED)


@dataclass(frozen=True)
class TaskForceRow:
    id: str
    name: str
    head_leader: str
    deputy: str
    liaison: str
    lead_unit_name: str
    project_count: int
    stage_counts: dict[str, int]  # stage code → projects
    active_problems: int
    overdue_problems: int

    @property
    def stages_text(self) -> str:
        """ "开工3 · 签约2" in pipeline order."""
        return " · ".join(
            f"{STAGE_LABELS[s]}{self.stage_counts[s.value]}"
            for s in STAGE_ORDER
            if self.stage_counts.get(s.value)
        )


@dataclass(frozen=True)
class TaskForceProject:
    id: str
    name: str
    stage: str
    stage_on: dt.date | None
    total_investment_wan: Decimal
    unit_name: str
    leader_in_charge: str
    active_problems: int
    overdue_problems: int

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[Stage(self.stage)]


@dataclass(frozen=True)
class TaskForceDetail:
    row: TaskForceRow
    lead_unit_id: str | None
    member_units: tuple[tuple[str, str], ...]  # (id, name), lead unit first
    notes: str
    projects: tuple[TaskForceProject, ...]
    problems: tuple[ProblemRow, ...]  # active ones, most overdue first


@dataclass
class TaskForceInput:
    name: str = ""
    head_leader: str = ""
    deputy: str = ""
    liaison: str = ""
    lead_unit_id: str | None = None
    member_unit_ids: list[str] = field(default_factory=list)
    notes: str = ""


def _problem_counts(session: Session, as_of: dt.date, column: Any) -> dict[str, tuple[int, int]]:
    overdue = overdue_clause(as_of)
    rows = session.execute(
        select(
            column,
            func.sum(case((Problem.status.in_(rules.ACTIVE_STATUSES), 1), else_=0)),
            func.sum(case((overdue, 1), else_=0)),
        )
        .where(Problem.deleted_at.is_(None), column.is_not(None))
        .group_by(column)
    ).all()
    return {key: (int(a or 0), int(o or 0)) for key, a, o in rows}


def list_task_forces(session: Session, *, as_of: dt.date) -> list[TaskForceRow]:
    """Every task force with its projects' stages, active and overdue problems."""
    forces = session.execute(
        select(TaskForce, Unit.name)
        .outerjoin(Unit, Unit.id == TaskForce.lead_unit_id)
        .where(TaskForce.deleted_at.is_(None))
        .order_by(TaskForce.name)
    ).all()
    stages: dict[str, Counter[str]] = {}
    for tf_id, stage, n in session.execute(
        select(Project.task_force_id, Project.stage, func.count())
        .where(Project.deleted_at.is_(None), Project.task_force_id.is_not(None))
        .group_by(Project.task_force_id, Project.stage)
    ).all():
        stages.setdefault(tf_id, Counter())[stage] += int(n)
    problems = _problem_counts(session, as_of, Problem.task_force_id)
    return [
        TaskForceRow(
            tf.id,
            tf.name,
            tf.head_leader,
            tf.deputy,
            tf.liaison,
            unit or "",
            sum(stages.get(tf.id, Counter()).values()),
            dict(stages.get(tf.id, Counter())),
            *problems.get(tf.id, (0, 0)),
        )
        for tf, unit in forces
    ]


def _live(session: Session, task_force_id: str) -> TaskForce:
    tf = session.get(TaskForce, task_force_id)
    if tf is None or tf.deleted_at is not None:
        raise NotFoundError("该专班不存在或已删除")
    return tf


def get_task_force(session: Session, task_force_id: str, *, as_of: dt.date) -> TaskForceDetail:
    """Everything a task force follows: its units, projects (with their problems) and the
    problems still open, most overdue first."""
    tf = _live(session, task_force_id)
    row = next(r for r in list_task_forces(session, as_of=as_of) if r.id == task_force_id)
    units = session.execute(
        select(Unit.id, Unit.name)
        .join(TaskForceUnit, TaskForceUnit.unit_id == Unit.id)
        .where(TaskForceUnit.task_force_id == task_force_id, TaskForceUnit.deleted_at.is_(None))
        .order_by(Unit.sort_order, Unit.name)
    ).all()
    members = sorted(((u, n) for u, n in units), key=lambda x: x[0] != tf.lead_unit_id)
    counts = _problem_counts(session, as_of, Problem.project_id)
    projects = tuple(
        TaskForceProject(
            p.id,
            p.name,
            p.stage,
            p.stage_on,
            p.total_investment_wan,
            unit or "",
            p.leader_in_charge,
            *counts.get(p.id, (0, 0)),
        )
        for p, unit in session.execute(
            select(Project, Unit.name)
            .outerjoin(Unit, Unit.id == Project.unit_id)
            .where(Project.task_force_id == task_force_id, Project.deleted_at.is_(None))
            .order_by(Project.total_investment_wan.desc(), Project.name)
        ).all()
    )
    problems = tuple(
        list_problems(
            session,
            ProblemFilter(task_force_id=task_force_id, status="active"),
            as_of=as_of,
            limit=None,
            sort="days_overdue",
        )
    )
    return TaskForceDetail(row, tf.lead_unit_id, tuple(members), tf.notes, projects, problems)


def task_force_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every live task force, by name (for pickers and filters)."""
    return [
        (i, n)
        for i, n in session.execute(
            select(TaskForce.id, TaskForce.name)
            .where(TaskForce.deleted_at.is_(None))
            .order_by(TaskForce.name)
        ).all()
    ]


def _clean(session: Session, data: TaskForceInput) -> tuple[dict[str, Any], list[str]]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {"name": " ".join((data.name or "").split())}
    if not values["name"]:
        errors["name"] = "请填写专班名称"
    elif len(values["name"]) > NAME_MAX:
        errors["name"] = f"不能超过 {NAME_MAX} 个字"
    for key in ("head_leader", "deputy", "liaison"):
        values[key] = " ".join((getattr(data, key) or "").split())
        if len(values[key]) > PERSON_MAX:
            errors[key] = f"不能超过 {PERSON_MAX} 个字"
    values["lead_unit_id"] = data.lead_unit_id or None
    values["notes"] = (data.notes or "").strip()
    units = list(dict.fromkeys(u for u in [values["lead_unit_id"], *data.member_unit_ids] if u))
    for unit_id in units:
        unit = session.get(Unit, unit_id)
        if unit is None or unit.deleted_at is not None:
            errors["member_unit_ids"] = "所选单位不存在或已删除"
    if errors:
        raise ValidationError(errors)
    return values, units


def _set_units(session: Session, tf: TaskForce, units: list[str]) -> dict[str, list[Any]]:
    current = session.scalars(
        select(TaskForceUnit).where(TaskForceUnit.task_force_id == tf.id)
    ).all()
    names = dict(session.execute(select(Unit.id, Unit.name)).all())
    before = sorted(names.get(m.unit_id, "") for m in current if m.deleted_at is None)
    have = {m.unit_id: m for m in current}
    now = utcnow()
    for m in current:
        if m.unit_id not in units and m.deleted_at is None:
            m.deleted_at = m.updated_at = now
        elif m.unit_id in units and m.deleted_at is not None:
            m.deleted_at, m.updated_at = None, now
    for unit_id in units:
        if unit_id not in have:
            session.add(TaskForceUnit(task_force_id=tf.id, unit_id=unit_id))
    after = sorted(names.get(u, "") for u in units)
    return {"units": ["、".join(before), "、".join(after)]} if before != after else {}


def create_task_force(
    session: Session, data: TaskForceInput, actor: str, *, as_of: dt.date
) -> TaskForceDetail:
    actor = clean_actor(actor)
    values, units = _clean(session, data)
    tf = TaskForce(**values)
    session.add(tf)
    session.flush()
    changes = {**diff({}, values), **_set_units(session, tf, units)}
    record_change(
        session,
        entity="task_force",
        entity_id=tf.id,
        parent_id=tf.id,
        actor=actor,
        action="create",
        changes=changes,
    )
    session.flush()
    return get_task_force(session, tf.id, as_of=as_of)


def update_task_force(
    session: Session, task_force_id: str, data: TaskForceInput, actor: str, *, as_of: dt.date
) -> TaskForceDetail:
    actor = clean_actor(actor)
    tf = _live(session, task_force_id)
    values, units = _clean(session, data)
    changes = diff({k: getattr(tf, k) for k in values}, values)
    for key in changes:
        setattr(tf, key, values[key])
    changes.update(_set_units(session, tf, units))
    if changes:
        tf.updated_at = utcnow()
        session.flush()
        record_change(
            session,
            entity="task_force",
            entity_id=tf.id,
            parent_id=tf.id,
            actor=actor,
            action="update",
            changes=changes,
        )
    session.flush()
    return get_task_force(session, task_force_id, as_of=as_of)
