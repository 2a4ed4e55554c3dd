"""Trips (外出招商活动): create, edit, members; the trip page's data; visit reports due.

A trip has a title, dates, destination cities, leaders and staff taking part
(``trip_members``), purpose, itinerary (the planned meetings) and a summary. Its visits
are ``services.visits`` records with ``trip_id``. After a trip, its visit report is due
``REPORT_DUE_DAYS`` days after the end date; ``mark_report_submitted`` records it and
``reports_due`` lists the trips whose report is outstanding (overdue ones flagged).

Same conventions as ``services.projects``: a ``Session`` in, dataclasses out,
``ValidationError`` per field in Chinese, ``NotFoundError``, a change-log entry per change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from jianan_desk.domain.dates import DateParseError, parse_date
from jianan_desk.domain.stages import Stage
from jianan_desk.services.audit import clean_actor, diff, plain, record_change
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.visits import VisitDetail, trip_visits
from jianan_desk.store.models import Company, StaffUser, Trip, TripMember, Visit
from jianan_desk.store.types import utcnow

REPORT_DUE_DAYS = 15
ROLE_LABELS = {"leader": "带队领导", "staff": "工作人员"}
_ROLE_BY_LABEL = {"带队领导": "leader", "领导": "leader", "带队": "leader", "工作人员": "staff"}
_CITY_SPLIT = re.compile(r"[、,，;；/\s]+")
TITLE_MAX = 200
DESTINATIONS_MAX = 200

DateLike = str | dt.date | None


def split_cities(text: str | Sequence[str] | None) -> list[str]:
    """ "深圳、佛山, 杭州" → ["深圳", "佛山", "杭州"] (duplicates dropped, order kept)."""
    if not text:
        return []
    parts = _CITY_SPLIT.split(text) if isinstance(text, str) else list(text)
    return list(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


@dataclass
class MemberInput:
    name: str = ""
    role: str = "staff"  # "leader" or "staff" (Chinese labels accepted)
    staff_user_id: str | None = None


@dataclass
class TripInput:
    title: str = ""
    start_on: DateLike = None
    end_on: DateLike = None
    destinations: str | Sequence[str] = ""  # "深圳、佛山" or a list
    purpose: str = ""
    itinerary: str = ""  # planned meetings
    summary: str = ""
    members: Sequence[MemberInput] = ()


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    role: str
    role_label: str
    staff_user_id: str | None


@dataclass(frozen=True)
class TripRow:
    id: str
    title: str
    start_on: dt.date
    end_on: dt.date
    destinations: tuple[str, ...]
    leaders: tuple[str, ...]
    visit_count: int
    report_due_on: dt.date
    report_submitted_on: dt.date | None
    report_overdue: bool


@dataclass(frozen=True)
class TripSummary:
    """The per-trip figures: companies met, visits, leads produced, follow-ups due."""

    visit_count: int
    companies_met: int
    leads: int
    lead_project_ids: tuple[str, ...]
    follow_ups_open: int
    follow_ups_overdue: int


@dataclass(frozen=True)
class LeadRow:
    """A project produced by one of the trip's visits."""

    id: str
    name: str
    stage_label: str
    company_name: str
    visit_id: str
    visited_on: dt.date


@dataclass(frozen=True)
class TripDetail:
    id: str
    title: str
    start_on: dt.date
    end_on: dt.date
    destinations: tuple[str, ...]
    purpose: str
    itinerary: str
    summary: str
    members: tuple[MemberRow, ...]
    visits: tuple[VisitDetail, ...]  # in date order
    figures: TripSummary
    report_due_on: dt.date
    report_submitted_on: dt.date | None
    report_overdue: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    leads_produced: tuple[LeadRow, ...] = ()  # by creation

    def to_input(self) -> TripInput:
        return TripInput(
            title=self.title,
            start_on=self.start_on,
            end_on=self.end_on,
            destinations=list(self.destinations),
            purpose=self.purpose,
            itinerary=self.itinerary,
            summary=self.summary,
            members=[MemberInput(m.name, m.role, m.staff_user_id) for m in self.members],
        )


def report_due_on(end_on: dt.date) -> dt.date:
    return end_on + dt.timedelta(days=REPORT_DUE_DAYS)


def is_report_overdue(end_on: dt.date, submitted_on: dt.date | None, today: dt.date) -> bool:
    return submitted_on is None and today > report_due_on(end_on)


def _date(errors: dict[str, str], key: str, value: DateLike) -> Any:
    if value is None or value == "":
        errors[key] = "请填写日期"
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(value)
    except DateParseError as exc:
        errors[key] = str(exc)
        return None


def _clean(
    session: Session, data: TripInput
) -> tuple[dict[str, Any], list[tuple[str, str, str | None]]]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {"title": " ".join((data.title or "").split())}
    if not values["title"]:
        errors["title"] = "请填写活动名称"
    elif len(values["title"]) > TITLE_MAX:
        errors["title"] = f"不能超过 {TITLE_MAX} 个字"
    values["start_on"] = _date(errors, "start_on", data.start_on)
    values["end_on"] = _date(errors, "end_on", data.end_on)
    if values["start_on"] and values["end_on"] and values["end_on"] < values["start_on"]:
        errors["end_on"] = "结束日期不能早于开始日期"
    cities = split_cities(data.destinations)
    values["destinations"] = "、".join(cities)
    if len(values["destinations"]) > DESTINATIONS_MAX:
        errors["destinations"] = f"不能超过 {DESTINATIONS_MAX} 个字"
    for key in ("purpose", "itinerary", "summary"):
        values[key] = (getattr(data, key) or "").strip()
    members: list[tuple[str, str, str | None]] = []
    seen: set[tuple[str, str | None]] = set()
    for m in data.members:
        name = " ".join((m.name or "").split())
        staff_id = m.staff_user_id or None
        if staff_id:
            staff = session.get(StaffUser, staff_id)
            if staff is None or staff.deleted_at is not None:
                errors["members"] = "所选人员不存在或已删除"
                continue
            name = name or staff.name
        if not name:
            continue
        if len(name) > 50:
            errors["members"] = f"姓名“{name[:10]}…”过长"
            continue
        role = _ROLE_BY_LABEL.get(m.role, m.role or "staff")
        if role not in ROLE_LABELS:
            errors["members"] = "人员角色应为“带队领导”或“工作人员”"
            continue
        if (name, staff_id) in seen:
            continue
        seen.add((name, staff_id))
        members.append((name, role, staff_id))
    if errors:
        raise ValidationError(errors)
    return values, members


def _live(session: Session, trip_id: str) -> Trip:
    trip = session.get(Trip, trip_id)
    if trip is None or trip.deleted_at is not None:
        raise NotFoundError("外出招商活动不存在或已删除")
    return trip


def _set_members(
    session: Session, trip: Trip, members: list[tuple[str, str, str | None]]
) -> dict[str, list[Any]]:
    current = session.scalars(
        select(TripMember)
        .where(TripMember.trip_id == trip.id, TripMember.deleted_at.is_(None))
        .order_by(TripMember.created_at, TripMember.id)
    ).all()
    before = [f"{m.name}({m.role})" for m in current]
    wanted = {(n, s): r for n, r, s in members}
    now = utcnow()
    have: dict[tuple[str, str | None], TripMember] = {}
    for m in current:
        key = (m.name, m.staff_user_id)
        if key not in wanted or key in have:
            m.deleted_at = m.updated_at = now
        else:
            have[key] = m
            if m.role != wanted[key]:
                m.role = wanted[key]
                m.updated_at = now
    for name, role, staff_id in members:
        if (name, staff_id) not in have:
            session.add(TripMember(trip_id=trip.id, name=name, role=role, staff_user_id=staff_id))
    after = [f"{n}({r})" for n, r, _ in members]
    return {"members": ["、".join(before), "、".join(after)]} if before != after else {}


def create_trip(session: Session, data: TripInput, actor: str) -> TripDetail:
    actor = clean_actor(actor)
    values, members = _clean(session, data)
    trip = Trip(**values)
    session.add(trip)
    session.flush()
    member_change = _set_members(session, trip, members)
    session.flush()
    record_change(
        session,
        entity="trip",
        entity_id=trip.id,
        parent_id=trip.id,
        actor=actor,
        action="create",
        changes={**diff({}, values), **member_change},
    )
    return get_trip(session, trip.id)


def update_trip(session: Session, trip_id: str, data: TripInput, actor: str) -> TripDetail:
    actor = clean_actor(actor)
    trip = _live(session, trip_id)
    values, members = _clean(session, data)
    changes = diff({k: getattr(trip, k) for k in values}, values)
    for key in changes:
        setattr(trip, key, values[key])
    changes.update(_set_members(session, trip, members))
    if changes:
        trip.updated_at = utcnow()
        session.flush()
        record_change(
            session,
            entity="trip",
            entity_id=trip.id,
            parent_id=trip.id,
            actor=actor,
            action="update",
            changes=changes,
        )
    return get_trip(session, trip_id)


def delete_trip(session: Session, trip_id: str, actor: str) -> None:
    """Soft delete. Refused while the trip has visits (move or delete them first)."""
    actor = clean_actor(actor)
    trip = _live(session, trip_id)
    visits = session.scalar(
        select(func.count())
        .select_from(Visit)
        .where(Visit.trip_id == trip_id, Visit.deleted_at.is_(None))
    )
    if visits:
        raise ValidationError({"trip_id": f"该活动下还有 {visits} 条拜访记录，不能删除"})
    trip.deleted_at = trip.updated_at = utcnow()
    record_change(
        session,
        entity="trip",
        entity_id=trip.id,
        parent_id=trip.id,
        actor=actor,
        action="delete",
        changes={"deleted_at": [None, plain(trip.deleted_at)]},
    )
    session.flush()


def mark_report_submitted(
    session: Session, trip_id: str, actor: str, *, on: DateLike = None
) -> TripDetail:
    """Record that the trip's visit report was handed in (``on``: today; "" to undo)."""
    actor = clean_actor(actor)
    trip = _live(session, trip_id)
    if on == "":
        new = None
    else:
        errors: dict[str, str] = {}
        new = _date(errors, "report_submitted_on", on or dt.date.today())
        if errors:
            raise ValidationError(errors)
        if new < trip.start_on:
            raise ValidationError({"report_submitted_on": "报告日期不能早于活动开始日期"})
    if new != trip.report_submitted_on:
        record_change(
            session,
            entity="trip",
            entity_id=trip.id,
            parent_id=trip.id,
            actor=actor,
            action="update",
            changes={"report_submitted_on": [plain(trip.report_submitted_on), plain(new)]},
        )
        trip.report_submitted_on = new
        trip.updated_at = utcnow()
        session.flush()
    return get_trip(session, trip_id)


def _members(session: Session, trip_ids: Sequence[str]) -> dict[str, list[MemberRow]]:
    out: dict[str, list[MemberRow]] = {}
    for m in session.scalars(
        select(TripMember)
        .where(TripMember.trip_id.in_(trip_ids), TripMember.deleted_at.is_(None))
        .order_by(TripMember.created_at, TripMember.id)
    ):
        out.setdefault(m.trip_id, []).append(
            MemberRow(m.id, m.name, m.role, ROLE_LABELS.get(m.role, m.role), m.staff_user_id)
        )
    for rows in out.values():
        rows.sort(key=lambda r: r.role != "leader")  # leaders first, stable otherwise
    return out


def get_trip(session: Session, trip_id: str, *, today: dt.date | None = None) -> TripDetail:
    """The trip page: fields, members, its visits in order, leads and follow-ups."""
    today = today or dt.date.today()
    t = _live(session, trip_id)
    visit_list, lead_infos = trip_visits(session, trip_id)
    visits = tuple(visit_list)
    visited_on = {v.id: v.visited_on for v in visits}
    lead_rows = tuple(
        LeadRow(
            r.id, r.name, Stage(r.stage).label, r.investor_name, r.visit_id, visited_on[r.visit_id]
        )
        for r in lead_infos
    )
    leads = tuple(r.id for r in lead_rows)
    open_follow = [v for v in visits if v.follow_up_on and v.follow_up_done_on is None]
    figures = TripSummary(
        visit_count=len(visits),
        companies_met=len({v.company_id for v in visits if v.company_id}),
        leads=len(leads),
        lead_project_ids=leads,
        follow_ups_open=len(open_follow),
        follow_ups_overdue=sum(1 for v in open_follow if v.follow_up_on and v.follow_up_on < today),
    )
    return TripDetail(
        id=t.id,
        title=t.title,
        start_on=t.start_on,
        end_on=t.end_on,
        destinations=tuple(split_cities(t.destinations)),
        purpose=t.purpose,
        itinerary=t.itinerary,
        summary=t.summary,
        members=tuple(_members(session, [t.id]).get(t.id, [])),
        visits=visits,
        figures=figures,
        report_due_on=report_due_on(t.end_on),
        report_submitted_on=t.report_submitted_on,
        report_overdue=is_report_overdue(t.end_on, t.report_submitted_on, today),
        created_at=t.created_at,
        updated_at=t.updated_at,
        leads_produced=lead_rows,
    )


def list_trips(
    session: Session,
    *,
    year: int | None = None,
    text: str = "",
    today: dt.date | None = None,
) -> list[TripRow]:
    """Trips, newest first, with their visit counts and report status."""
    today = today or dt.date.today()
    where: list[ColumnElement[bool]] = [Trip.deleted_at.is_(None)]
    if year is not None:
        where.append(Trip.start_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    for term in (text or "").split():
        where.append(Trip.title.contains(term) | Trip.destinations.contains(term))
    counts = (
        select(Visit.trip_id, func.count().label("n"))
        .where(Visit.deleted_at.is_(None), Visit.trip_id.is_not(None))
        .group_by(Visit.trip_id)
        .subquery()
    )
    rows = session.execute(
        select(Trip, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.trip_id == Trip.id)
        .where(*where)
        .order_by(Trip.start_on.desc(), Trip.id)
    ).all()
    members = _members(session, [t.id for t, _ in rows])
    return [
        TripRow(
            t.id,
            t.title,
            t.start_on,
            t.end_on,
            tuple(split_cities(t.destinations)),
            tuple(m.name for m in members.get(t.id, []) if m.role == "leader"),
            int(n),
            report_due_on(t.end_on),
            t.report_submitted_on,
            is_report_overdue(t.end_on, t.report_submitted_on, today),
        )
        for t, n in rows
    ]


@dataclass(frozen=True)
class ReportDue:
    trip_id: str
    title: str
    end_on: dt.date
    due_on: dt.date
    overdue: bool
    days_left: int  # negative when overdue


def reports_due(session: Session, *, today: dt.date | None = None) -> list[ReportDue]:
    """Ended trips whose visit report is not handed in, the overdue ones first."""
    today = today or dt.date.today()
    trips = session.scalars(
        select(Trip)
        .where(
            Trip.deleted_at.is_(None),
            Trip.report_submitted_on.is_(None),
            Trip.end_on <= today,
        )
        .order_by(Trip.end_on)
    ).all()
    return [
        ReportDue(
            t.id,
            t.title,
            t.end_on,
            report_due_on(t.end_on),
            is_report_overdue(t.end_on, None, today),
            (report_due_on(t.end_on) - today).days,
        )
        for t in trips
    ]


def companies_met(session: Session, trip_id: str) -> list[tuple[str, str]]:
    """(id, name) of the companies a trip's visits met, by first meeting."""
    rows = session.execute(
        select(Company.id, Company.name, func.min(Visit.visited_on).label("first"))
        .join(Visit, Visit.company_id == Company.id)
        .where(Visit.trip_id == trip_id, Visit.deleted_at.is_(None))
        .group_by(Company.id, Company.name)
        .order_by("first", Company.name)
    ).all()
    return [(r.id, r.name) for r in rows]
