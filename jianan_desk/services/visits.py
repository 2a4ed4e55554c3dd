"""Visits (拜访/洽谈记录) and follow-ups (跟进).

A visit is a meeting with an investor: on a trip (``trip_id``, kind "outbound") or an
inbound visit to the district (客商来访, kind "inbound", usually without a trip). It names
the company, the company's contacts met (``visit_contacts``), our attendees, place,
content, outcome, interest level, next step and a follow-up date.

From a visit one action creates a lead (``create_lead_from_visit``: a project at stage
线索 through ``services.projects.create_project``, with ``source_visit_id``) or links it
to an existing project (``link_visit_to_project``).

Follow-ups: a visit with a ``follow_up_on`` date and no ``follow_up_done_on`` is open;
``follow_ups`` lists them by bucket (overdue, today, this week, later), overall or per
person (``recorded_by``); ``complete_follow_up`` closes one in one call and may record the
new contact as a visit.

Same conventions as ``services.projects``: a ``Session`` in, dataclasses out,
``ValidationError`` per field in Chinese, ``NotFoundError``, a change-log entry per change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from jianan_desk.domain.dates import DateParseError, parse_date
from jianan_desk.domain.search import query_terms
from jianan_desk.domain.stages import Stage
from jianan_desk.services.audit import clean_actor, diff, plain, record_change
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.projects import ProjectDetail, ProjectInput, create_project
from jianan_desk.store.models import (
    INTEREST_LEVELS,
    VISIT_KINDS,
    Company,
    Contact,
    Project,
    Trip,
    Visit,
    VisitContact,
)
from jianan_desk.store.types import utcnow

INTEREST_LABELS = {"high": "意向强", "medium": "有意向", "low": "意向弱", "": "未评估"}
KIND_LABELS = {"outbound": "外出拜访", "inbound": "客商来访"}
_INTEREST_BY_LABEL = {v: k for k, v in INTEREST_LABELS.items()} | {
    "强": "high",
    "中": "medium",
    "一般": "medium",
    "弱": "low",
}
TEXT_LIMITS = {"city": 50, "place": 200, "recorded_by": 50}

DateLike = str | dt.date | None


def _date(errors: dict[str, str], key: str, value: DateLike, *, required: bool = False) -> Any:
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


# ---------------------------------------------------------------- input/output


@dataclass
class VisitInput:
    """What the visit form (and the quick-entry dialog) edits."""

    company_id: str | None = None
    visited_on: DateLike = None
    trip_id: str | None = None
    kind: str = ""  # "outbound"/"inbound"; empty: outbound with a trip, else inbound
    city: str = ""
    place: str = ""
    contact_ids: Sequence[str] = ()  # the company's contacts met
    attendees: str = ""  # our side
    content: str = ""  # 洽谈内容 / summary
    outcome: str = ""
    interest_level: str = ""  # high / medium / low / "" (Chinese labels accepted)
    next_step: str = ""
    follow_up_on: DateLike = None
    project_id: str | None = None  # an existing project the visit is about


@dataclass(frozen=True)
class VisitDetail:
    id: str
    trip_id: str | None
    trip_title: str
    company_id: str | None
    company_name: str
    visited_on: dt.date
    kind: str
    kind_label: str
    city: str
    place: str
    contact_ids: tuple[str, ...]
    contact_names: tuple[str, ...]
    attendees: str
    content: str
    outcome: str
    interest_level: str
    interest_label: str
    next_step: str
    follow_up_on: dt.date | None
    follow_up_done_on: dt.date | None
    follow_up_note: str
    project_id: str | None
    lead_project_ids: tuple[str, ...]  # projects created from this visit
    recorded_by: str
    created_at: dt.datetime
    updated_at: dt.datetime

    def to_input(self) -> VisitInput:
        return VisitInput(
            company_id=self.company_id,
            visited_on=self.visited_on,
            trip_id=self.trip_id,
            kind=self.kind,
            city=self.city,
            place=self.place,
            contact_ids=self.contact_ids,
            attendees=self.attendees,
            content=self.content,
            outcome=self.outcome,
            interest_level=self.interest_level,
            next_step=self.next_step,
            follow_up_on=self.follow_up_on,
            project_id=self.project_id,
        )


def _live(session: Session, visit_id: str) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise NotFoundError("拜访记录不存在或已删除")
    return visit


def _clean(session: Session, data: VisitInput) -> tuple[dict[str, Any], list[str]]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    company = None
    if not data.company_id:
        errors["company_id"] = "请选择企业"
    else:
        company = session.get(Company, data.company_id)
        if company is None or company.deleted_at is not None:
            errors["company_id"] = "所选企业不存在或已删除"
    values["company_id"] = data.company_id or None
    values["visited_on"] = _date(errors, "visited_on", data.visited_on, required=True)
    trip = None
    if data.trip_id:
        trip = session.get(Trip, data.trip_id)
        if trip is None or trip.deleted_at is not None:
            errors["trip_id"] = "所选外出招商活动不存在或已删除"
            trip = None
    values["trip_id"] = data.trip_id or None
    kind = (data.kind or "").strip()
    kind = {v: k for k, v in KIND_LABELS.items()}.get(kind, kind)
    if not kind:
        kind = "outbound" if data.trip_id else "inbound"
    if kind not in VISIT_KINDS:
        errors["kind"] = "拜访类型应为“外出拜访”或“客商来访”"
    values["kind"] = kind
    for key in ("city", "place"):
        text = " ".join((getattr(data, key) or "").split())
        if len(text) > TEXT_LIMITS[key]:
            errors[key] = f"不能超过 {TEXT_LIMITS[key]} 个字"
        values[key] = text
    if not values["city"] and company is not None and kind == "outbound":
        values["city"] = company.city
    for key in ("attendees", "content", "outcome", "next_step"):
        values[key] = (getattr(data, key) or "").strip()
    level = (data.interest_level or "").strip()
    level = _INTEREST_BY_LABEL.get(level, level)
    if level and level not in INTEREST_LEVELS:
        errors["interest_level"] = "意向程度应为“意向强”“有意向”或“意向弱”"
    values["interest_level"] = level
    values["follow_up_on"] = _date(errors, "follow_up_on", data.follow_up_on)
    if (
        values["follow_up_on"] is not None
        and values["visited_on"] is not None
        and values["follow_up_on"] < values["visited_on"]
    ):
        errors["follow_up_on"] = "跟进日期不能早于拜访日期"
    if trip is not None and values["visited_on"] is not None:
        start = trip.start_on - dt.timedelta(days=1)
        end = trip.end_on + dt.timedelta(days=1)
        if not start <= values["visited_on"] <= end:
            errors["visited_on"] = (
                f"拜访日期不在活动“{trip.title}”的日期内"
                f"（{trip.start_on:%Y-%m-%d} 至 {trip.end_on:%Y-%m-%d}）"
            )
    if data.project_id:
        project = session.get(Project, data.project_id)
        if project is None or project.deleted_at is not None:
            errors["project_id"] = "所选项目不存在或已删除"
    values["project_id"] = data.project_id or None
    contact_ids = list(dict.fromkeys(data.contact_ids or ()))
    if contact_ids:
        found = {
            cid: cid_company
            for cid, cid_company in session.execute(
                select(Contact.id, Contact.company_id).where(
                    Contact.id.in_(contact_ids), Contact.deleted_at.is_(None)
                )
            )
        }
        if len(found) != len(contact_ids):
            errors["contact_ids"] = "所选联系人不存在或已删除"
        elif data.company_id and any(c != data.company_id for c in found.values()):
            errors["contact_ids"] = "所选联系人不属于该企业"
    if errors:
        raise ValidationError(errors)
    return values, contact_ids


def check_visit_input(session: Session, data: VisitInput) -> dict[str, str]:
    """The per-field errors a save would raise ({} if none); changes nothing."""
    try:
        _clean(session, data)
    except ValidationError as exc:
        return exc.errors
    return {}


def _set_contacts(session: Session, visit: Visit, contact_ids: list[str]) -> bool:
    links = session.scalars(
        select(VisitContact).where(
            VisitContact.visit_id == visit.id, VisitContact.deleted_at.is_(None)
        )
    ).all()
    now = utcnow()
    have = {link.contact_id: link for link in links}
    changed = False
    for cid, link in have.items():
        if cid not in contact_ids:
            link.deleted_at = link.updated_at = now
            changed = True
    for cid in contact_ids:
        if cid not in have:
            session.add(VisitContact(visit_id=visit.id, contact_id=cid))
            changed = True
    return changed


def _contact_ids(session: Session, visit_id: str) -> list[str]:
    return list(
        session.scalars(
            select(VisitContact.contact_id)
            .where(VisitContact.visit_id == visit_id, VisitContact.deleted_at.is_(None))
            .order_by(VisitContact.created_at)
        )
    )


def create_visit(session: Session, data: VisitInput, actor: str) -> VisitDetail:
    """Record a visit (``recorded_by`` = the actor, who owns its follow-up)."""
    actor = clean_actor(actor)
    values, contact_ids = _clean(session, data)
    visit = Visit(**values, recorded_by=actor)
    session.add(visit)
    session.flush()
    _set_contacts(session, visit, contact_ids)
    session.flush()
    record_change(
        session,
        entity="visit",
        entity_id=visit.id,
        parent_id=values["trip_id"] or values["company_id"],
        actor=actor,
        action="create",
        changes=diff({}, {**values, "contact_ids": ",".join(contact_ids)}),
    )
    return get_visit(session, visit.id)


def update_visit(session: Session, visit_id: str, data: VisitInput, actor: str) -> VisitDetail:
    actor = clean_actor(actor)
    visit = _live(session, visit_id)
    values, contact_ids = _clean(session, data)
    changes = diff({k: getattr(visit, k) for k in values}, values)
    before = _contact_ids(session, visit_id)
    if sorted(before) != sorted(contact_ids):
        changes["contact_ids"] = [",".join(before), ",".join(contact_ids)]
    if changes:
        for key in values:
            if key in changes:
                setattr(visit, key, values[key])
        _set_contacts(session, visit, contact_ids)
        visit.updated_at = utcnow()
        session.flush()
        record_change(
            session,
            entity="visit",
            entity_id=visit.id,
            parent_id=visit.trip_id or visit.company_id,
            actor=actor,
            action="update",
            changes=changes,
        )
    return get_visit(session, visit_id)


def delete_visit(session: Session, visit_id: str, actor: str) -> None:
    actor = clean_actor(actor)
    visit = _live(session, visit_id)
    visit.deleted_at = visit.updated_at = utcnow()
    record_change(
        session,
        entity="visit",
        entity_id=visit.id,
        parent_id=visit.trip_id or visit.company_id,
        actor=actor,
        action="delete",
        changes={"deleted_at": [None, plain(visit.deleted_at)]},
    )
    session.flush()


def get_visit(session: Session, visit_id: str) -> VisitDetail:
    v = _live(session, visit_id)
    return _details(session, [v])[0]


@dataclass(frozen=True)
class LeadInfo:
    """A live project created from a visit (``Project.source_visit_id``)."""

    id: str
    name: str
    stage: str
    investor_name: str
    visit_id: str


def _leads_of(session: Session, visit_ids: Sequence[str]) -> list[LeadInfo]:
    """The projects created from these visits, oldest first (by the index
    ``ix_projects_source_visit_id``, migration 0007)."""
    if not visit_ids:
        return []
    return [
        LeadInfo(r.id, r.name, r.stage, r.investor_name or "", r.source_visit_id)
        for r in session.execute(
            select(
                Project.id,
                Project.name,
                Project.stage,
                Project.investor_name,
                Project.source_visit_id,
            )
            .where(Project.source_visit_id.in_(list(visit_ids)), Project.deleted_at.is_(None))
            .order_by(Project.created_at, Project.id)
        )
    ]


def _details(
    session: Session, visits: Sequence[Visit], lead_infos: Sequence[LeadInfo] | None = None
) -> list[VisitDetail]:
    ids = [v.id for v in visits]
    if not ids:
        return []
    company_names = dict(
        session.execute(
            select(Company.id, Company.name).where(
                Company.id.in_({v.company_id for v in visits if v.company_id})
            )
        ).all()
    )
    trip_titles = dict(
        session.execute(
            select(Trip.id, Trip.title).where(Trip.id.in_({v.trip_id for v in visits if v.trip_id}))
        ).all()
    )
    contacts: dict[str, list[tuple[str, str]]] = {}
    for vid, cid, cname in session.execute(
        select(VisitContact.visit_id, Contact.id, Contact.name)
        .join(Contact, Contact.id == VisitContact.contact_id)
        .where(VisitContact.visit_id.in_(ids), VisitContact.deleted_at.is_(None))
        .order_by(VisitContact.created_at)
    ):
        contacts.setdefault(vid, []).append((cid, cname))
    leads: dict[str, list[str]] = {}
    for lead in lead_infos if lead_infos is not None else _leads_of(session, ids):
        leads.setdefault(lead.visit_id, []).append(lead.id)
    return [
        VisitDetail(
            id=v.id,
            trip_id=v.trip_id,
            trip_title=trip_titles.get(v.trip_id, "") if v.trip_id else "",
            company_id=v.company_id,
            company_name=company_names.get(v.company_id, "") if v.company_id else "",
            visited_on=v.visited_on,
            kind=v.kind,
            kind_label=KIND_LABELS.get(v.kind, v.kind),
            city=v.city,
            place=v.place,
            contact_ids=tuple(c for c, _ in contacts.get(v.id, [])),
            contact_names=tuple(n for _, n in contacts.get(v.id, [])),
            attendees=v.attendees,
            content=v.content,
            outcome=v.outcome,
            interest_level=v.interest_level,
            interest_label=INTEREST_LABELS.get(v.interest_level, v.interest_level),
            next_step=v.next_step,
            follow_up_on=v.follow_up_on,
            follow_up_done_on=v.follow_up_done_on,
            follow_up_note=v.follow_up_note,
            project_id=v.project_id,
            lead_project_ids=tuple(leads.get(v.id, [])),
            recorded_by=v.recorded_by,
            created_at=v.created_at,
            updated_at=v.updated_at,
        )
        for v in visits
    ]


def list_visits(
    session: Session,
    *,
    company_id: str | None = None,
    trip_id: str | None = None,
    inbound_only: bool = False,
    limit: int | None = None,
) -> list[VisitDetail]:
    """Visits in date order (then as entered): of a company, of a trip, or inbound ones."""
    where: list[ColumnElement[bool]] = [Visit.deleted_at.is_(None)]
    if company_id:
        where.append(Visit.company_id == company_id)
    if trip_id:
        where.append(Visit.trip_id == trip_id)
    if inbound_only:
        where.append(Visit.kind == "inbound")
    stmt = select(Visit).where(*where).order_by(Visit.visited_on, Visit.created_at, Visit.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return _details(session, session.scalars(stmt).all())


def trip_visits(session: Session, trip_id: str) -> tuple[list[VisitDetail], list[LeadInfo]]:
    """A trip's visits in date order and the leads they produced, with one scan of
    ``projects`` for both (the trip page)."""
    visits = session.scalars(
        select(Visit)
        .where(Visit.deleted_at.is_(None), Visit.trip_id == trip_id)
        .order_by(Visit.visited_on, Visit.created_at, Visit.id)
    ).all()
    lead_infos = _leads_of(session, [v.id for v in visits])
    return _details(session, visits, lead_infos), lead_infos


# ---------------------------------------------------------------- leads


def create_lead_from_visit(
    session: Session,
    visit_id: str,
    actor: str,
    *,
    name: str = "",
    data: ProjectInput | None = None,
    today: dt.date | None = None,
) -> ProjectDetail:
    """A project at stage 线索 from a visit: investor = the visit's company, date = the
    visit's date, ``source_visit_id`` = the visit. ``name`` defaults to "<company>项目";
    ``data`` may give more fields (its company is replaced by the visit's)."""
    actor = clean_actor(actor)
    visit = _live(session, visit_id)
    company = session.get(Company, visit.company_id) if visit.company_id else None
    project_input = data or ProjectInput()
    project_input.company_id = visit.company_id
    project_input.new_company_name = ""
    if name:
        project_input.name = name
    if not project_input.name:
        project_input.name = f"{company.name if company else '客商'}项目"
    if not project_input.notes and visit.content:
        project_input.notes = f"来源：{visit.visited_on:%Y-%m-%d} 拜访。{visit.content}"[:2000]
    detail = create_project(
        session, project_input, actor, stage_on=visit.visited_on, today=today or visit.visited_on
    )
    project = session.get(Project, detail.id)
    assert project is not None
    project.source_visit_id = visit.id
    if visit.project_id is None:
        visit.project_id = project.id
        visit.updated_at = utcnow()
    session.flush()
    record_change(
        session,
        entity="visit",
        entity_id=visit.id,
        parent_id=visit.trip_id or visit.company_id,
        actor=actor,
        action="create_lead",
        changes={"project_id": [None, project.id]},
    )
    return detail


def link_visit_to_project(
    session: Session, visit_id: str, project_id: str | None, actor: str
) -> VisitDetail:
    """Link a visit to an existing project (or unlink it with ``None``)."""
    actor = clean_actor(actor)
    visit = _live(session, visit_id)
    if project_id:
        project = session.get(Project, project_id)
        if project is None or project.deleted_at is not None:
            raise ValidationError({"project_id": "所选项目不存在或已删除"})
    if visit.project_id != project_id:
        record_change(
            session,
            entity="visit",
            entity_id=visit.id,
            parent_id=visit.trip_id or visit.company_id,
            actor=actor,
            action="update",
            changes={"project_id": [visit.project_id, project_id]},
        )
        visit.project_id = project_id
        visit.updated_at = utcnow()
        session.flush()
    return get_visit(session, visit_id)


@dataclass(frozen=True)
class ProjectChoice:
    """A project a visit may be linked to."""

    id: str
    name: str
    stage_label: str
    same_company: bool  # the visit's company is its investor


def project_choices(
    session: Session, visit_id: str, *, text: str = "", limit: int = 50
) -> list[ProjectChoice]:
    """Projects to link a visit to: those of the visit's company first, then (with
    ``text``) others whose name or investor matches, excluding dropped ones."""
    visit = _live(session, visit_id)
    where: list[ColumnElement[bool]] = [Project.deleted_at.is_(None), Project.stage != "dropped"]
    own = Project.company_id == visit.company_id if visit.company_id else Project.id.is_(None)
    terms = query_terms(text)
    if terms:
        for t in terms:
            where.append(Project.search_key.contains(t, autoescape=True))
    else:
        where.append(own)
    rows = session.execute(
        select(Project.id, Project.name, Project.stage, Project.company_id)
        .where(*where)
        .order_by(Project.name, Project.id)
        .limit(limit)
    ).all()
    out = [
        ProjectChoice(
            r.id,
            r.name,
            Stage(r.stage).label,
            bool(visit.company_id) and r.company_id == visit.company_id,
        )
        for r in rows
    ]
    out.sort(key=lambda c: not c.same_company)  # stable: by name within each group
    return out


# ---------------------------------------------------------------- follow-ups

BUCKETS = ("overdue", "today", "this_week", "later")
BUCKET_LABELS = {"overdue": "已逾期", "today": "今天", "this_week": "本周", "later": "以后"}


@dataclass(frozen=True)
class FollowUp:
    visit_id: str
    company_id: str | None
    company_name: str
    trip_id: str | None
    visited_on: dt.date
    follow_up_on: dt.date
    next_step: str
    owner: str  # who recorded the visit
    bucket: str
    days_overdue: int  # 0 unless overdue


@dataclass(frozen=True)
class FollowUpList:
    today: dt.date
    items: tuple[FollowUp, ...]  # by date, then company
    counts: dict[str, int] = field(default_factory=dict)  # bucket → count

    def bucket(self, name: str) -> list[FollowUp]:
        return [f for f in self.items if f.bucket == name]


def _bucket(on: dt.date, today: dt.date) -> str:
    if on < today:
        return "overdue"
    if on == today:
        return "today"
    week_end = today + dt.timedelta(days=6 - today.weekday())  # through Sunday
    return "this_week" if on <= week_end else "later"


def follow_ups(
    session: Session,
    *,
    today: dt.date | None = None,
    owner: str | None = None,
    include_later: bool = False,
    limit: int | None = 500,
) -> FollowUpList:
    """Open follow-ups (not done) due this week or overdue, overall or of one ``owner``
    (the staff who recorded the visit); with ``include_later`` also those after this week."""
    today = today or dt.date.today()
    where: list[ColumnElement[bool]] = [
        Visit.deleted_at.is_(None),
        Visit.follow_up_on.is_not(None),
        Visit.follow_up_done_on.is_(None),
    ]
    if owner:
        where.append(Visit.recorded_by == owner)
    if not include_later:
        where.append(Visit.follow_up_on <= today + dt.timedelta(days=6 - today.weekday()))
    stmt = (
        select(
            Visit.id,
            Visit.company_id,
            Company.name,
            Visit.trip_id,
            Visit.visited_on,
            Visit.follow_up_on,
            Visit.next_step,
            Visit.recorded_by,
        )
        .outerjoin(Company, Company.id == Visit.company_id)
        .where(*where)
        .order_by(Visit.follow_up_on, Company.name, Visit.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    items = []
    counts = dict.fromkeys(BUCKETS, 0)
    for r in session.execute(stmt):
        b = _bucket(r.follow_up_on, today)
        counts[b] += 1
        items.append(
            FollowUp(
                r.id,
                r.company_id,
                r.name or "",
                r.trip_id,
                r.visited_on,
                r.follow_up_on,
                r.next_step,
                r.recorded_by,
                b,
                (today - r.follow_up_on).days if b == "overdue" else 0,
            )
        )
    return FollowUpList(today, tuple(items), counts)


def complete_follow_up(
    session: Session,
    visit_id: str,
    actor: str,
    *,
    on: DateLike = None,
    note: str = "",
    record_visit: bool = False,
    next_follow_up_on: DateLike = None,
) -> VisitDetail | None:
    """Close a visit's follow-up (one click): done on ``on`` (today) with ``note``. With
    ``record_visit`` the contact is recorded as a new visit of the same company (content =
    the note, follow-up = ``next_follow_up_on``), which is returned."""
    actor = clean_actor(actor)
    visit = _live(session, visit_id)
    errors: dict[str, str] = {}
    done = _date(errors, "on", on) or dt.date.today()
    if errors:
        raise ValidationError(errors)
    if visit.follow_up_done_on is not None:
        raise ValidationError({"on": "该跟进已完成"})
    visit.follow_up_done_on = done
    visit.follow_up_note = (note or "").strip()
    visit.updated_at = utcnow()
    session.flush()
    record_change(
        session,
        entity="visit",
        entity_id=visit.id,
        parent_id=visit.trip_id or visit.company_id,
        actor=actor,
        action="follow_up",
        changes={"follow_up_done_on": [None, plain(done)], "follow_up_note": ["", note]},
    )
    if not record_visit:
        return None
    return create_visit(
        session,
        VisitInput(
            company_id=visit.company_id,
            visited_on=done,
            kind="inbound" if visit.kind == "inbound" else "outbound",
            trip_id=None,
            content=note or f"跟进 {visit.visited_on:%Y-%m-%d} 拜访",
            follow_up_on=next_follow_up_on,
            project_id=visit.project_id,
        ),
        actor,
    )


def follow_up_owners(session: Session) -> list[str]:
    """The people who own open follow-ups (``recorded_by``), for a per-person filter."""
    return [
        o
        for o in session.scalars(
            select(Visit.recorded_by)
            .where(
                Visit.deleted_at.is_(None),
                Visit.follow_up_on.is_not(None),
                Visit.follow_up_done_on.is_(None),
                Visit.recorded_by != "",
            )
            .group_by(Visit.recorded_by)
            .order_by(Visit.recorded_by)
        )
    ]
