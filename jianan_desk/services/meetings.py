"""The weekly key-project meeting (周例会): list, prepare (the agenda), minutes, summary.

Preparing a meeting produces its agenda from the ledger (``prepare_agenda``): problems raised
since the last meeting, problems due before the next one, overdue problems by unit, and
projects followed by a task force whose stage has not moved in N weeks. After the meeting,
``record_minutes`` stores the chair, attendees, decisions, the projects reported on, the
problems assigned (raised at the meeting) and those closed (销号 at the meeting, with a note
dated the meeting day). Changes go to ``change_log`` as entity ``meeting``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jianan_desk.domain import problems as rules
from jianan_desk.domain.dates import DateParseError, parse_date
from jianan_desk.domain.stages import STAGE_LABELS, Stage
from jianan_desk.services.audit import clean_actor, diff, record_change
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.problems import (
    ProblemFilter,
    ProblemInput,
    ProblemRow,
    add_note,
    close_problem,
    create_problem,
    list_problems,
)
from jianan_desk.store.models import (
    MeetingProject,
    Problem,
    ProblemNote,
    Project,
    TaskForce,
    Unit,
    WeeklyMeeting,
)
from jianan_desk.store.types import utcnow

DEFAULT_STALE_WEEKS = 8
MEETING_INTERVAL_DAYS = 7
TITLE_MAX = 200
CLOSED_NOTE_PREFIX = "销号："


@dataclass(frozen=True)
class MeetingRow:
    id: str
    held_on: dt.date
    number: int | None
    title: str
    chair: str
    problems_raised: int

    @property
    def label(self) -> str:
        return self.title or f"{self.held_on:%Y-%m-%d} 周例会"


@dataclass
class MeetingInput:
    held_on: str | dt.date | None = None
    number: int | None = None
    title: str = ""
    chair: str = ""
    attendees: str = ""  # 、-separated
    decisions: str = ""
    notes: str = ""


@dataclass(frozen=True)
class StalledProject:
    id: str
    name: str
    stage: str
    stage_on: dt.date | None
    weeks: int
    task_force_name: str
    unit_name: str

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[Stage(self.stage)]


@dataclass(frozen=True)
class Agenda:
    held_on: dt.date
    previous_on: dt.date | None  # the last meeting before, if any
    next_on: dt.date
    stale_weeks: int
    new_problems: tuple[ProblemRow, ...]
    due_soon: tuple[ProblemRow, ...]
    overdue_by_unit: tuple[tuple[str, tuple[ProblemRow, ...]], ...]
    stalled_projects: tuple[StalledProject, ...]

    @property
    def overdue_count(self) -> int:
        return sum(len(rows) for _, rows in self.overdue_by_unit)

    @property
    def is_empty(self) -> bool:
        return not (
            self.new_problems or self.due_soon or self.overdue_by_unit or self.stalled_projects
        )


@dataclass(frozen=True)
class ReportedProject:
    project_id: str
    name: str
    report: str


@dataclass(frozen=True)
class MeetingDetail:
    row: MeetingRow
    attendees: str
    decisions: str
    notes: str
    projects: tuple[ReportedProject, ...]
    raised: tuple[ProblemRow, ...]  # assigned at this meeting
    closed: tuple[ProblemRow, ...]  # 销号 at this meeting
    progressed: tuple[tuple[str, str], ...]  # (problem id, note) recorded at this meeting


@dataclass
class Closure:
    problem_id: str
    resolution: str


@dataclass
class MinutesInput:
    chair: str = ""
    attendees: str = ""
    decisions: str = ""
    project_reports: dict[str, str] = field(default_factory=dict)  # project id → report
    raised: list[ProblemInput] = field(default_factory=list)
    closures: list[Closure] = field(default_factory=list)
    progress: list[tuple[str, str]] = field(default_factory=list)  # (problem id, note)


@dataclass(frozen=True)
class MeetingSummary:
    """The counts the meeting brief opens with."""

    as_of: dt.date
    year: int
    meetings_held: int  # this year, up to ``as_of``
    raised: int  # problems raised this year (all sources)
    raised_at_meetings: int
    closed: int  # closed this year
    active: int  # 待办 + 办理中 on ``as_of``
    suspended: int
    overdue: int


# ---------------------------------------------------------------- meetings


def _meeting_row(m: WeeklyMeeting, raised: int) -> MeetingRow:
    return MeetingRow(m.id, m.held_on, m.number, m.title, m.chair, raised)


def list_meetings(session: Session, *, year: int | None = None) -> list[MeetingRow]:
    """Meetings, latest first, with the number of problems raised at each."""
    counts = (
        select(Problem.meeting_id, func.count().label("n"))
        .where(Problem.deleted_at.is_(None), Problem.meeting_id.is_not(None))
        .group_by(Problem.meeting_id)
        .subquery()
    )
    query = (
        select(WeeklyMeeting, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.meeting_id == WeeklyMeeting.id)
        .where(WeeklyMeeting.deleted_at.is_(None))
        .order_by(WeeklyMeeting.held_on.desc(), WeeklyMeeting.id)
    )
    if year is not None:
        query = query.where(
            WeeklyMeeting.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        )
    return [_meeting_row(m, int(n)) for m, n in session.execute(query).all()]


def meeting_on(session: Session, day: dt.date) -> WeeklyMeeting | None:
    """The meeting held on ``day`` (the latest if several)."""
    return session.scalars(
        select(WeeklyMeeting)
        .where(WeeklyMeeting.deleted_at.is_(None), WeeklyMeeting.held_on == day)
        .order_by(WeeklyMeeting.created_at.desc())
        .limit(1)
    ).first()


def _live(session: Session, meeting_id: str) -> WeeklyMeeting:
    m = session.get(WeeklyMeeting, meeting_id)
    if m is None or m.deleted_at is not None:
        raise NotFoundError("该周例会不存在或已删除")
    return m


def _held_on(errors: dict[str, str], value: str | dt.date | None) -> dt.date | None:
    if value is None or value == "":
        errors["held_on"] = "请填写会议日期"
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(value)
    except DateParseError as exc:
        errors["held_on"] = str(exc)
        return None


def _clean(session: Session, data: MeetingInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    held = _held_on(errors, data.held_on)
    title = " ".join((data.title or "").split())
    if len(title) > TITLE_MAX:
        errors["title"] = f"不能超过 {TITLE_MAX} 个字"
    chair = " ".join((data.chair or "").split())
    if len(chair) > 50:
        errors["chair"] = "不能超过 50 个字"
    if data.number is not None and data.number < 1:
        errors["number"] = "期数应为正整数"
    if errors:
        raise ValidationError(errors)
    number = data.number
    if number is None and held is not None:
        number = 1 + int(
            session.scalar(
                select(func.count())
                .select_from(WeeklyMeeting)
                .where(
                    WeeklyMeeting.deleted_at.is_(None),
                    WeeklyMeeting.held_on.between(dt.date(held.year, 1, 1), held),
                )
            )
            or 0
        )
    attendees = "、".join(
        dict.fromkeys(
            p.strip() for p in (data.attendees or "").replace(",", "、").split("、") if p.strip()
        )
    )
    return {
        "held_on": held,
        "number": number,
        "title": title or f"重点项目周例会（{held.year}年{held.month}月{held.day}日）",
        "chair": chair,
        "attendees": attendees,
        "decisions": (data.decisions or "").strip(),
        "notes": (data.notes or "").strip(),
    }


def create_meeting(session: Session, data: MeetingInput, actor: str) -> MeetingRow:
    actor = clean_actor(actor)
    values = _clean(session, data)
    m = WeeklyMeeting(**values)
    session.add(m)
    session.flush()
    record_change(
        session,
        entity="meeting",
        entity_id=m.id,
        parent_id=m.id,
        actor=actor,
        action="create",
        changes=diff({}, values),
    )
    session.flush()
    return _meeting_row(m, 0)


def update_meeting(session: Session, meeting_id: str, data: MeetingInput, actor: str) -> None:
    actor = clean_actor(actor)
    m = _live(session, meeting_id)
    if data.number is None:
        data.number = m.number
    values = _clean(session, data)
    changes = diff({k: getattr(m, k) for k in values}, values)
    if not changes:
        return
    for key in changes:
        setattr(m, key, values[key])
    m.updated_at = utcnow()
    session.flush()
    record_change(
        session,
        entity="meeting",
        entity_id=m.id,
        parent_id=m.id,
        actor=actor,
        action="update",
        changes=changes,
    )
    session.flush()


# ---------------------------------------------------------------- agenda


def prepare_agenda(
    session: Session,
    held_on: dt.date,
    *,
    next_on: dt.date | None = None,
    stale_weeks: int = DEFAULT_STALE_WEEKS,
) -> Agenda:
    """The agenda of a meeting on ``held_on``.

    * new problems: raised after the last meeting before ``held_on`` (or in the week before,
      for a first meeting) up to ``held_on``;
    * due soon: 待办/办理中 with a deadline from ``held_on`` to before ``next_on`` (default a
      week later), not yet overdue;
    * overdue: 待办/办理中 past their deadline on ``held_on``, grouped by responsible unit
      (the unit with most first);
    * stalled: projects followed by a task force, not operating or dropped, whose current
      stage began ``stale_weeks`` weeks or more before ``held_on``.
    """
    if stale_weeks < 1:
        raise ValidationError({"stale_weeks": "周数应为正整数"})
    next_on = next_on or held_on + dt.timedelta(days=MEETING_INTERVAL_DAYS)
    if next_on <= held_on:
        raise ValidationError({"next_on": "下次会议日期应晚于本次会议"})
    previous_on = session.scalar(
        select(func.max(WeeklyMeeting.held_on)).where(
            WeeklyMeeting.deleted_at.is_(None), WeeklyMeeting.held_on < held_on
        )
    )
    since = previous_on or held_on - dt.timedelta(days=MEETING_INTERVAL_DAYS)
    new = [
        r
        for r in list_problems(
            session,
            ProblemFilter(raised_from=since + dt.timedelta(days=1), raised_to=held_on),
            as_of=held_on,
            limit=None,
            sort="raised_on",
            descending=False,
        )
    ]
    due = list_problems(
        session,
        ProblemFilter(
            status="active",
            raised_to=held_on,
            deadline_from=held_on,
            deadline_to=next_on - dt.timedelta(days=1),
        ),
        as_of=held_on,
        limit=None,
        sort="deadline",
        descending=False,
    )
    groups: dict[str, list[ProblemRow]] = {}
    for r in list_problems(
        session,
        ProblemFilter(overdue_only=True, raised_to=held_on),
        as_of=held_on,
        limit=None,
        sort="deadline",
        descending=False,
    ):
        groups.setdefault(r.unit_name or "（未指定单位）", []).append(r)
    overdue = sorted(
        (
            (unit, tuple(sorted(rows, key=lambda x: -x.days_overdue)))
            for unit, rows in groups.items()
        ),
        key=lambda g: (-len(g[1]), g[0]),
    )
    cutoff = held_on - dt.timedelta(weeks=stale_weeks)
    stalled = [
        StalledProject(
            p_id,
            name,
            stage,
            stage_on,
            (held_on - stage_on).days // 7,
            tf or "",
            unit or "",
        )
        for p_id, name, stage, stage_on, tf, unit in session.execute(
            select(
                Project.id,
                Project.name,
                Project.stage,
                Project.stage_on,
                TaskForce.name,
                Unit.name,
            )
            .join(TaskForce, TaskForce.id == Project.task_force_id)
            .outerjoin(Unit, Unit.id == Project.unit_id)
            .where(
                Project.deleted_at.is_(None),
                Project.stage.not_in((Stage.OPERATING.value, Stage.DROPPED.value)),
                Project.stage_on.is_not(None),
                Project.stage_on <= cutoff,
            )
            .order_by(Project.stage_on, Project.name)
        ).all()
    ]
    return Agenda(
        held_on,
        previous_on,
        next_on,
        stale_weeks,
        tuple(new),
        tuple(due),
        tuple(overdue),
        tuple(stalled),
    )


# ---------------------------------------------------------------- minutes


def record_minutes(
    session: Session, meeting_id: str, data: MinutesInput, actor: str
) -> MeetingDetail:
    """Record what the meeting decided: chair, attendees, decisions, the projects reported on,
    problems assigned (new, raised at the meeting), problems closed (销号) and progress notes.
    All or nothing: the first refusal raises ``ValidationError`` (the caller rolls back)."""
    actor = clean_actor(actor)
    m = _live(session, meeting_id)
    update_meeting(
        session,
        meeting_id,
        MeetingInput(
            held_on=m.held_on,
            number=m.number,
            title=m.title,
            chair=data.chair,
            attendees=data.attendees,
            decisions=data.decisions,
            notes=m.notes,
        ),
        actor,
    )
    existing = {
        mp.project_id: mp
        for mp in session.scalars(
            select(MeetingProject).where(MeetingProject.meeting_id == meeting_id)
        )
    }
    for project_id, report in data.project_reports.items():
        project = session.get(Project, project_id)
        if project is None or project.deleted_at is not None:
            raise ValidationError({"project_reports": "所选项目不存在或已删除"})
        text = (report or "").strip()
        mp = existing.get(project_id)
        if mp is None:
            mp = MeetingProject(meeting_id=meeting_id, project_id=project_id, report=text)
            session.add(mp)
        elif mp.report == text and mp.deleted_at is None:
            continue
        else:
            mp.report, mp.deleted_at, mp.updated_at = text, None, utcnow()
        session.flush()
        record_change(
            session,
            entity="meeting_project",
            entity_id=mp.id,
            parent_id=meeting_id,
            actor=actor,
            action="update" if project_id in existing else "create",
            changes={"project": [None, project.name], "report": [None, text]},
        )
    for item in data.raised:
        item.meeting_id = meeting_id
        item.source = item.source or "meeting"
        if item.raised_on in (None, ""):
            item.raised_on = m.held_on
        create_problem(session, item, actor, as_of=m.held_on)
    for problem_id, text in data.progress:
        add_note(session, problem_id, text, actor, noted_on=m.held_on, meeting_id=meeting_id)
    for c in data.closures:
        close_problem(session, c.problem_id, c.resolution, m.held_on, actor, meeting_id=meeting_id)
    session.flush()
    return get_meeting(session, meeting_id)


def get_meeting(session: Session, meeting_id: str) -> MeetingDetail:
    m = _live(session, meeting_id)
    raised = list_problems(
        session,
        ProblemFilter(meeting_id=meeting_id),
        as_of=m.held_on,
        limit=None,
        sort="raised_on",
        descending=False,
    )
    notes = session.execute(
        select(ProblemNote.problem_id, ProblemNote.text)
        .where(ProblemNote.meeting_id == meeting_id, ProblemNote.deleted_at.is_(None))
        .order_by(ProblemNote.created_at, ProblemNote.id)
    ).all()
    closed_ids = [pid for pid, text in notes if text.startswith(CLOSED_NOTE_PREFIX)]
    closed: list[ProblemRow] = []
    if closed_ids:
        rows = {
            r.id: r
            for r in list_problems(
                session, ProblemFilter(status="closed"), as_of=m.held_on, limit=None
            )
            if r.id in set(closed_ids)
        }
        closed = [rows[i] for i in dict.fromkeys(closed_ids) if i in rows]
    projects = tuple(
        ReportedProject(pid, name, report)
        for pid, name, report in session.execute(
            select(MeetingProject.project_id, Project.name, MeetingProject.report)
            .join(Project, Project.id == MeetingProject.project_id)
            .where(MeetingProject.meeting_id == meeting_id, MeetingProject.deleted_at.is_(None))
            .order_by(Project.name)
        ).all()
    )
    return MeetingDetail(
        _meeting_row(m, len(raised)),
        m.attendees,
        m.decisions,
        m.notes,
        projects,
        tuple(raised),
        tuple(closed),
        tuple((pid, text) for pid, text in notes if not text.startswith(CLOSED_NOTE_PREFIX)),
    )


# ---------------------------------------------------------------- summary


def meeting_summary(session: Session, as_of: dt.date) -> MeetingSummary:
    """Meetings held this year up to ``as_of``; problems raised and closed this year; active,
    suspended and overdue problems on ``as_of``."""
    start = dt.date(as_of.year, 1, 1)
    held = session.scalar(
        select(func.count())
        .select_from(WeeklyMeeting)
        .where(WeeklyMeeting.deleted_at.is_(None), WeeklyMeeting.held_on.between(start, as_of))
    )
    rows = session.execute(
        select(
            Problem.raised_on,
            Problem.status,
            Problem.deadline,
            Problem.resolved_on,
            Problem.meeting_id,
        ).where(Problem.deleted_at.is_(None), Problem.raised_on <= as_of)
    ).all()
    raised = [r for r in rows if r.raised_on >= start]
    statuses = [rules.status_on(r.status, r.resolved_on, as_of) for r in rows]
    return MeetingSummary(
        as_of=as_of,
        year=as_of.year,
        meetings_held=int(held or 0),
        raised=len(raised),
        raised_at_meetings=sum(1 for r in raised if r.meeting_id),
        closed=sum(
            1
            for r in rows
            if r.status == "closed" and r.resolved_on and start <= r.resolved_on <= as_of
        ),
        active=sum(1 for s in statuses if rules.is_active(s)),
        suspended=sum(1 for s in statuses if s == "suspended"),
        overdue=sum(
            1 for s, r in zip(statuses, rows, strict=True) if rules.is_overdue(s, r.deadline, as_of)
        ),
    )
