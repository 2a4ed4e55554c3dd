"""The problem ledger (问题台账): raise, edit, progress notes, 销号, history; the ledger list.

A problem belongs to a project (or, for 万人助企, to an enterprise: ``company_id``), is handled
by a responsible unit and person by a deadline, and is closed off (销号) with a resolution
text and date. The rules (labels, 销号, overdue, days open/overdue) are
``domain.problems``; every change is written to ``change_log`` (entity ``problem``; a note is
entity ``problem_note`` with the problem as parent), so ``problem_history`` is one query.

Same conventions as ``services.projects``: a ``Session`` in, dataclasses out,
``ValidationError`` per field in Chinese, ``NotFoundError``, ``ConcurrentEditError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal, or_, select
from sqlalchemy.orm import Session

from jianan_desk.domain import problems as rules
from jianan_desk.domain.dates import DateParseError, parse_date
from jianan_desk.services.audit import ChangeEntry, changes_of, clean_actor, diff, record_change
from jianan_desk.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from jianan_desk.store.models import (
    Company,
    Problem,
    ProblemNote,
    Project,
    TaskForce,
    Unit,
    WeeklyMeeting,
)
from jianan_desk.store.types import utcnow

DateLike = str | dt.date | None
PERSON_MAX = 50
NOTE_MAX = 2000

# Labels of the fields of a problem, for history views and error messages.
FIELD_LABELS: dict[str, str] = {
    "project_id": "项目",
    "task_force_id": "专班",
    "meeting_id": "周例会",
    "raised_on": "提出日期",
    "category": "问题类别",
    "description": "问题描述",
    "unit_id": "责任单位",
    "responsible_person": "责任人",
    "deadline": "办结时限",
    "status": "状态",
    "resolution": "办理结果",
    "resolved_on": "销号日期",
    "source": "问题来源",
    "company_id": "企业",
    "text": "进展",
    "noted_on": "进展日期",
    "deleted_at": "删除",
    "reason": "原因",
}

ACTION_LABELS: dict[str, str] = {
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "close": "销号",
    "reopen": "撤销销号",
}


# ---------------------------------------------------------------- data


@dataclass
class ProblemInput:
    """What the problem form edits (ids from pickers; dates as dates or text)."""

    description: str = ""
    raised_on: DateLike = None
    category: str = "other"
    project_id: str | None = None
    task_force_id: str | None = None  # None: the project's task force
    meeting_id: str | None = None
    unit_id: str | None = None
    responsible_person: str = ""
    deadline: DateLike = None
    status: str = "open"
    source: str = "meeting"
    company_id: str | None = None


@dataclass(frozen=True)
class OverdueProblem:
    """An overdue problem for 首页 and the meeting brief."""

    id: str
    description: str
    project_name: str  # the project, else the enterprise, else ""
    unit_name: str
    responsible_person: str
    deadline: dt.date
    days_overdue: int


@dataclass(frozen=True)
class ProblemRow:
    """One line of the ledger."""

    id: str
    raised_on: dt.date
    category: str
    description: str
    project_id: str | None
    project_name: str  # the project, else the enterprise
    task_force_name: str
    unit_id: str | None
    unit_name: str
    responsible_person: str
    deadline: dt.date | None
    status: str
    source: str
    resolved_on: dt.date | None
    days_open: int
    days_overdue: int

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def category_label(self) -> str:
        return rules.category_label(self.category)

    @property
    def status_label(self) -> str:
        return rules.status_label(self.status)

    @property
    def source_label(self) -> str:
        return rules.source_label(self.source)


@dataclass(frozen=True)
class NoteRow:
    id: str
    noted_on: dt.date
    text: str
    actor: str
    meeting_id: str | None


@dataclass(frozen=True)
class ProblemDetail:
    row: ProblemRow
    resolution: str
    meeting_id: str | None
    meeting_title: str
    task_force_id: str | None
    company_id: str | None
    notes: tuple[NoteRow, ...]
    updated_at: dt.datetime

    @property
    def id(self) -> str:
        return self.row.id

    def to_input(self) -> ProblemInput:
        r = self.row
        return ProblemInput(
            description=r.description,
            raised_on=r.raised_on,
            category=r.category,
            project_id=r.project_id,
            task_force_id=self.task_force_id,
            meeting_id=self.meeting_id,
            unit_id=r.unit_id,
            responsible_person=r.responsible_person,
            deadline=r.deadline,
            status=r.status if r.status in rules.EDITABLE_STATUSES else "in_progress",
            source=r.source,
            company_id=self.company_id,
        )


@dataclass
class ProblemFilter:
    """The ledger's filters; empty values do not filter."""

    unit_id: str | None = None
    task_force_id: str | None = None
    project_id: str | None = None
    meeting_id: str | None = None
    category: str | None = None
    status: str | None = None  # a code, or "active" for 待办 + 办理中
    source: str | None = None
    overdue_only: bool = False
    text: str = ""
    raised_from: dt.date | None = None
    raised_to: dt.date | None = None
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None


@dataclass(frozen=True)
class UnitCount:
    """Counts of one responsible unit's problems (for 压实责任)."""

    unit_id: str | None
    unit_name: str
    total: int
    active: int
    overdue: int
    closed: int


# ---------------------------------------------------------------- queries


def overdue_clause(as_of: dt.date) -> ColumnElement[bool]:
    """SQL of ``domain.problems.is_overdue`` on ``as_of`` (with ``status_on``: a problem closed
    after ``as_of`` was still open then)."""
    open_then = Problem.status.in_(rules.ACTIVE_STATUSES) | (
        (Problem.status == "closed") & (Problem.resolved_on > as_of)
    )
    return open_then & Problem.deadline.is_not(None) & (Problem.deadline < as_of)


def _where(filt: ProblemFilter, as_of: dt.date) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Problem.deleted_at.is_(None)]
    if filt.unit_id:
        where.append(Problem.unit_id == filt.unit_id)
    if filt.task_force_id:
        where.append(Problem.task_force_id == filt.task_force_id)
    if filt.project_id:
        where.append(Problem.project_id == filt.project_id)
    if filt.meeting_id:
        where.append(Problem.meeting_id == filt.meeting_id)
    if filt.category:
        where.append(Problem.category == filt.category)
    if filt.status == "active":
        where.append(Problem.status.in_(rules.ACTIVE_STATUSES))
    elif filt.status:
        where.append(Problem.status == filt.status)
    if filt.source:
        where.append(Problem.source == filt.source)
    if filt.overdue_only:
        where.append(overdue_clause(as_of))
    if filt.raised_from:
        where.append(Problem.raised_on >= filt.raised_from)
    if filt.raised_to:
        where.append(Problem.raised_on <= filt.raised_to)
    if filt.deadline_from:
        where.append(Problem.deadline >= filt.deadline_from)
    if filt.deadline_to:
        where.append(Problem.deadline <= filt.deadline_to)
    for term in (filt.text or "").split():
        where.append(
            or_(
                Problem.description.contains(term, autoescape=True),
                Problem.responsible_person.contains(term, autoescape=True),
                Project.name.contains(term, autoescape=True),
                Unit.name.contains(term, autoescape=True),
                Company.name.contains(term, autoescape=True),
            )
        )
    return where


def _base(*columns: Any) -> Select[Any]:
    return (
        select(*columns)
        .select_from(Problem)
        .outerjoin(Project, Project.id == Problem.project_id)
        .outerjoin(Unit, Unit.id == Problem.unit_id)
        .outerjoin(Company, Company.id == Problem.company_id)
        .outerjoin(TaskForce, TaskForce.id == Problem.task_force_id)
    )


_ROW_COLUMNS = (
    Problem.id,
    Problem.raised_on,
    Problem.category,
    Problem.description,
    Problem.project_id,
    func.coalesce(Project.name, Company.name, literal("")),
    func.coalesce(TaskForce.name, literal("")),
    Problem.unit_id,
    func.coalesce(Unit.name, literal("")),
    Problem.responsible_person,
    Problem.deadline,
    Problem.status,
    Problem.source,
    Problem.resolved_on,
)

# Sort keys of the ledger (column → SQL); unknown keys sort by raising date.
SORT_KEYS: dict[str, Any] = {
    "raised_on": Problem.raised_on,
    "category": Problem.category,
    "description": Problem.description,
    "project": func.coalesce(Project.name, Company.name, literal("")),
    "task_force": func.coalesce(TaskForce.name, literal("")),
    "unit": func.coalesce(Unit.name, literal("")),
    "person": Problem.responsible_person,
    "deadline": Problem.deadline,
    "status": Problem.status,
    "source": Problem.source,
}


def _row(r: Sequence[Any], as_of: dt.date) -> ProblemRow:
    status, deadline = r[11], r[10]
    status_then = rules.status_on(status, r[13], as_of)
    return ProblemRow(
        id=r[0],
        raised_on=r[1],
        category=r[2],
        description=r[3],
        project_id=r[4],
        project_name=r[5] or "",
        task_force_name=r[6] or "",
        unit_id=r[7],
        unit_name=r[8] or "",
        responsible_person=r[9] or "",
        deadline=deadline,
        status=status,
        source=r[12],
        resolved_on=r[13],
        days_open=rules.days_open(r[1], status, r[13], as_of),
        days_overdue=rules.days_overdue(status_then, deadline, as_of),
    )


def list_problems(
    session: Session,
    filt: ProblemFilter | None = None,
    *,
    as_of: dt.date,
    offset: int = 0,
    limit: int | None = 200,
    sort: str = "raised_on",
    descending: bool = True,
) -> list[ProblemRow]:
    """One page of the ledger, filtered and sorted in SQL ("days_open"/"days_overdue" sort
    by the dates they follow from)."""
    filt = filt or ProblemFilter()
    if sort == "days_overdue":
        key: Any = case((overdue_clause(as_of), Problem.deadline), else_=None)
        descending = not descending
        order = [key.is_(None), key.asc() if descending else key.desc()]
    elif sort == "days_open":
        order = [(Problem.raised_on.asc() if descending else Problem.raised_on.desc())]
    else:
        col = SORT_KEYS.get(sort, Problem.raised_on)
        order = [col.desc() if descending else col.asc()]
    query = _base(*_ROW_COLUMNS).where(*_where(filt, as_of)).order_by(*order, Problem.id)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [_row(r, as_of) for r in session.execute(query).all()]


def count_problems(session: Session, filt: ProblemFilter | None = None, *, as_of: dt.date) -> int:
    filt = filt or ProblemFilter()
    return int(session.scalar(_base(func.count(Problem.id)).where(*_where(filt, as_of))) or 0)


def counts_by_unit(
    session: Session, filt: ProblemFilter | None = None, *, as_of: dt.date
) -> list[UnitCount]:
    """Per responsible unit: problems, active, overdue and closed, most overdue first."""
    filt = filt or ProblemFilter()
    active = Problem.status.in_(rules.ACTIVE_STATUSES)
    rows = session.execute(
        _base(
            Problem.unit_id,
            func.coalesce(Unit.name, literal("")),
            func.count(Problem.id),
            func.sum(case((active, 1), else_=0)),
            func.sum(case((overdue_clause(as_of), 1), else_=0)),
            func.sum(case((Problem.status == "closed", 1), else_=0)),
        )
        .where(*_where(filt, as_of))
        .group_by(Problem.unit_id, Unit.name)
    ).all()
    out = [
        UnitCount(uid, name or "（未指定单位）", int(n), int(a or 0), int(o or 0), int(c or 0))
        for uid, name, n, a, o, c in rows
    ]
    out.sort(key=lambda u: (-u.overdue, -u.active, u.unit_name))
    return out


def list_overdue_problems(
    session: Session, as_of: dt.date, limit: int = 50
) -> list[OverdueProblem]:
    """Problems 待办/办理中 past their deadline on ``as_of``, most overdue first."""
    rows = session.execute(
        _base(
            Problem.id,
            Problem.description,
            func.coalesce(Project.name, Company.name, literal("")),
            func.coalesce(Unit.name, literal("")),
            Problem.responsible_person,
            Problem.deadline,
        )
        .where(Problem.deleted_at.is_(None), overdue_clause(as_of))
        .order_by(Problem.deadline, Problem.raised_on, Problem.id)
        .limit(limit)
    ).all()
    return [
        OverdueProblem(
            pid, text, name or "", unit or "", person or "", deadline, (as_of - deadline).days
        )
        for pid, text, name, unit, person, deadline in rows
    ]


def get_problem(session: Session, problem_id: str, *, as_of: dt.date) -> ProblemDetail:
    problem = _live(session, problem_id)
    r = session.execute(_base(*_ROW_COLUMNS).where(Problem.id == problem_id)).one()
    meeting_title = ""
    if problem.meeting_id:
        meeting = session.get(WeeklyMeeting, problem.meeting_id)
        if meeting is not None:
            meeting_title = meeting.title or f"{meeting.held_on:%Y-%m-%d} 周例会"
    notes = tuple(
        NoteRow(n.id, n.noted_on, n.text, n.actor, n.meeting_id)
        for n in session.scalars(
            select(ProblemNote)
            .where(ProblemNote.problem_id == problem_id, ProblemNote.deleted_at.is_(None))
            .order_by(ProblemNote.noted_on, ProblemNote.created_at, ProblemNote.id)
        )
    )
    return ProblemDetail(
        row=_row(r, as_of),
        resolution=problem.resolution or "",
        meeting_id=problem.meeting_id,
        meeting_title=meeting_title,
        task_force_id=problem.task_force_id,
        company_id=problem.company_id,
        notes=notes,
        updated_at=problem.updated_at,
    )


def problem_history(session: Session, problem_id: str) -> list[ChangeEntry]:
    """Every change of the problem and of its notes (who, when, what), newest first."""
    _live(session, problem_id)
    return [
        replace(e, action_label=ACTION_LABELS.get(e.action, e.action_label))
        for e in changes_of(session, problem_id)
    ]


# ---------------------------------------------------------------- writes


def _live(session: Session, problem_id: str) -> Problem:
    problem = session.get(Problem, problem_id)
    if problem is None or problem.deleted_at is not None:
        raise NotFoundError("该问题不存在或已删除")
    return problem


def _date(errors: dict[str, str], key: str, value: DateLike, *, required: bool) -> Any:
    if value is None or value == "":
        if required:
            errors[key] = "请填写日期"
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(value)
    except DateParseError as exc:
        errors[key] = str(exc)
        return None


def _exists(session: Session, model: Any, ident: str | None) -> bool:
    if not ident:
        return True
    row = session.get(model, ident)
    return row is not None and row.deleted_at is None


def _clean(session: Session, data: ProblemInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        "description": (data.description or "").strip(),
        "category": data.category or "other",
        "project_id": data.project_id or None,
        "meeting_id": data.meeting_id or None,
        "unit_id": data.unit_id or None,
        "responsible_person": " ".join((data.responsible_person or "").split()),
        "status": data.status or "open",
        "source": data.source or "meeting",
        "company_id": data.company_id or None,
    }
    values["raised_on"] = _date(errors, "raised_on", data.raised_on, required=True)
    values["deadline"] = _date(errors, "deadline", data.deadline, required=False)
    rule_errors = rules.check_problem(
        values["raised_on"],
        values["description"],
        values["deadline"],
        values["category"],
        values["status"],
        values["source"],
    )
    for key, message in rule_errors.items():
        errors.setdefault(key, message)
    if len(values["responsible_person"]) > PERSON_MAX:
        errors["responsible_person"] = f"不能超过 {PERSON_MAX} 个字"
    checks = (
        ("project_id", Project, "所选项目不存在或已删除"),
        ("meeting_id", WeeklyMeeting, "所选周例会不存在或已删除"),
        ("unit_id", Unit, "所选责任单位不存在或已删除"),
        ("company_id", Company, "所选企业不存在或已删除"),
    )
    for key, model, message in checks:
        if not _exists(session, model, values[key]):
            errors[key] = message
    task_force = data.task_force_id or None
    if task_force is None and values["project_id"] and "project_id" not in errors:
        project = session.get(Project, values["project_id"])
        task_force = project.task_force_id if project is not None else None
    if not _exists(session, TaskForce, task_force):
        errors["task_force_id"] = "所选专班不存在或已删除"
    values["task_force_id"] = task_force
    if errors:
        raise ValidationError(errors)
    return values


def create_problem(
    session: Session, data: ProblemInput, actor: str, *, as_of: dt.date | None = None
) -> ProblemDetail:
    """Put a problem on the ledger (status 待办/办理中/已挂起; 销号 is ``close_problem``)."""
    actor = clean_actor(actor)
    values = _clean(session, data)
    problem = Problem(**values)
    session.add(problem)
    session.flush()
    record_change(
        session,
        entity="problem",
        entity_id=problem.id,
        parent_id=problem.id,
        actor=actor,
        action="create",
        changes=diff({}, values),
        at=problem.updated_at,
    )
    session.flush()
    return get_problem(session, problem.id, as_of=as_of or values["raised_on"])


def _check_version(problem: Problem, expected: dt.datetime | None) -> None:
    if expected is not None and problem.updated_at != expected:
        raise ConcurrentEditError(
            f"该问题已被他人修改（{problem.updated_at:%Y-%m-%d %H:%M}），请重新打开后再编辑"
        )


def update_problem(
    session: Session,
    problem_id: str,
    data: ProblemInput,
    actor: str,
    *,
    as_of: dt.date,
    expected_updated_at: dt.datetime | None = None,
) -> ProblemDetail:
    """Save the form; only changed fields are written and logged. A closed problem is
    reopened with ``reopen_problem`` first."""
    actor = clean_actor(actor)
    problem = _live(session, problem_id)
    _check_version(problem, expected_updated_at)
    if problem.status == "closed":
        raise ValidationError({"status": "该问题已销号，请先撤销销号再修改"})
    values = _clean(session, data)
    changes = diff({k: getattr(problem, k) for k in values}, values)
    if changes:
        for key in changes:
            setattr(problem, key, values[key])
        problem.updated_at = utcnow()
        session.flush()
        record_change(
            session,
            entity="problem",
            entity_id=problem.id,
            parent_id=problem.id,
            actor=actor,
            action="update",
            changes=changes,
            at=problem.updated_at,
        )
    return get_problem(session, problem_id, as_of=as_of)


def add_note(
    session: Session,
    problem_id: str,
    text: str,
    actor: str,
    *,
    noted_on: DateLike,
    meeting_id: str | None = None,
) -> NoteRow:
    """A dated progress note (办理进展). A 待办 problem becomes 办理中."""
    actor = clean_actor(actor)
    problem = _live(session, problem_id)
    errors: dict[str, str] = {}
    on = _date(errors, "noted_on", noted_on, required=True)
    body = (text or "").strip()
    if not body:
        errors["text"] = "请填写办理进展"
    elif len(body) > NOTE_MAX:
        errors["text"] = f"不能超过 {NOTE_MAX} 个字"
    if on is not None and on < problem.raised_on:
        errors["noted_on"] = "进展日期不能早于问题提出日期"
    if not _exists(session, WeeklyMeeting, meeting_id):
        errors["meeting_id"] = "所选周例会不存在或已删除"
    if errors:
        raise ValidationError(errors)
    note = ProblemNote(
        problem_id=problem_id, noted_on=on, text=body, actor=actor, meeting_id=meeting_id or None
    )
    session.add(note)
    session.flush()
    record_change(
        session,
        entity="problem_note",
        entity_id=note.id,
        parent_id=problem_id,
        actor=actor,
        action="create",
        changes=diff({}, {"noted_on": on, "text": body}),
    )
    if problem.status == "open":
        _set_status(session, problem, "in_progress", actor)
    session.flush()
    return NoteRow(note.id, on, body, actor, note.meeting_id)


def _set_status(session: Session, problem: Problem, status: str, actor: str) -> None:
    record_change(
        session,
        entity="problem",
        entity_id=problem.id,
        parent_id=problem.id,
        actor=actor,
        action="update",
        changes={"status": [problem.status, status]},
    )
    problem.status = status
    problem.updated_at = utcnow()


def close_problem(
    session: Session,
    problem_id: str,
    resolution: str,
    resolved_on: DateLike,
    actor: str,
    *,
    meeting_id: str | None = None,
    expected_updated_at: dt.datetime | None = None,
) -> None:
    """销号: needs a resolution text and a date (``domain.problems.check_close``)."""
    actor = clean_actor(actor)
    problem = _live(session, problem_id)
    _check_version(problem, expected_updated_at)
    errors: dict[str, str] = {}
    on = _date(errors, "resolved_on", resolved_on, required=False)
    if "resolved_on" not in errors:
        errors.update(rules.check_close(problem.raised_on, resolution or "", on, problem.status))
    if not _exists(session, WeeklyMeeting, meeting_id):
        errors["meeting_id"] = "所选周例会不存在或已删除"
    if errors:
        raise ValidationError(errors)
    values = {"status": "closed", "resolution": resolution.strip(), "resolved_on": on}
    changes = diff({k: getattr(problem, k) for k in values}, values)
    for key, value in values.items():
        setattr(problem, key, value)
    problem.updated_at = utcnow()
    if meeting_id:
        # Closed at a meeting: the minutes list it (a note dated the meeting day).
        session.add(
            ProblemNote(
                problem_id=problem_id,
                noted_on=on,
                text=f"销号：{values['resolution']}",
                actor=actor,
                meeting_id=meeting_id,
            )
        )
    session.flush()
    record_change(
        session,
        entity="problem",
        entity_id=problem.id,
        parent_id=problem.id,
        actor=actor,
        action="close",
        changes=changes,
        at=problem.updated_at,
    )
    session.flush()


def reopen_problem(session: Session, problem_id: str, actor: str, reason: str) -> None:
    """Undo a 销号 (the problem goes back to 办理中); needs a reason, kept as a note."""
    actor = clean_actor(actor)
    problem = _live(session, problem_id)
    if problem.status != "closed":
        raise ValidationError({"status": "该问题未销号"})
    why = (reason or "").strip()
    if not why:
        raise ValidationError({"text": "请填写撤销销号的原因"})
    changes = diff(
        {
            "status": problem.status,
            "resolution": problem.resolution,
            "resolved_on": problem.resolved_on,
        },
        {"status": "in_progress", "resolution": "", "resolved_on": None},
    )
    problem.status, problem.resolution, problem.resolved_on = "in_progress", "", None
    problem.updated_at = utcnow()
    changes["reason"] = [None, why]
    session.flush()
    record_change(
        session,
        entity="problem",
        entity_id=problem.id,
        parent_id=problem.id,
        actor=actor,
        action="reopen",
        changes=changes,
        at=problem.updated_at,
    )
    session.flush()


def delete_problem(session: Session, problem_id: str, actor: str) -> None:
    """Soft delete (a problem entered by mistake)."""
    actor = clean_actor(actor)
    problem = _live(session, problem_id)
    problem.deleted_at = problem.updated_at = utcnow()
    record_change(
        session,
        entity="problem",
        entity_id=problem.id,
        parent_id=problem.id,
        actor=actor,
        action="delete",
        changes={"deleted_at": [None, problem.deleted_at.isoformat()]},
    )
    session.flush()


def units_with_problems(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every live unit, in the units' order (for the filters and pickers)."""
    return [
        (uid, name)
        for uid, name in session.execute(
            select(Unit.id, Unit.name)
            .where(Unit.deleted_at.is_(None))
            .order_by(Unit.sort_order, Unit.name)
        ).all()
    ]


def project_choices(session: Session, *, limit: int = 3000) -> list[tuple[str, str]]:
    """(id, name) of the projects a problem is usually about: key projects and projects
    followed by a task force, by name (for the problem form's picker)."""
    return [
        (i, n)
        for i, n in session.execute(
            select(Project.id, Project.name)
            .where(
                Project.deleted_at.is_(None),
                or_(Project.family == "key", Project.task_force_id.is_not(None)),
            )
            .order_by(Project.name)
            .limit(limit)
        ).all()
    ]


def error_text(errors: dict[str, str]) -> str:
    """A ValidationError's messages, one a line, each after its field's Chinese name."""
    return "\n".join(f"{FIELD_LABELS.get(k, k)}：{v}" for k, v in errors.items())


def company_name(session: Session, company_id: str) -> str | None:
    """The name of an enterprise problem's company (None if it is gone)."""
    company = session.get(Company, company_id)
    return None if company is None or company.deleted_at is not None else company.name
