"""The metrics engine: every metric key of ``domain.metrics`` for a year, as of a date.

Computed from records alone (stage events, funds-in-place records, key-project plans and
monthly investment), never from stored totals, in a handful of aggregate queries that
run on SQLite and PostgreSQL alike. Definitions: ``shared/domain.md``.

Every figure is traceable: ``metric_records`` returns the records behind a key, and their
count (for counts) or the sum of their amounts (for sums) equals the figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from sqlalchemy import ColumnElement, Subquery, and_, case, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from jianan_desk.domain.metrics import METRIC_KEYS, OVER_1B_WAN, OVER_100M_WAN
from jianan_desk.domain.stages import Stage
from jianan_desk.store.models import (
    AppMeta,
    FundsInPlace,
    IndustryNode,
    KeyProjectPlan,
    MonthlyInvestment,
    PlanField,
    Project,
    ProjectStageEvent,
    Unit,
)

MetricValue = Decimal | int | None
Metrics = dict[str, MetricValue]
GroupBy = Literal["unit", "industry", "field"]
RATE_QUANTUM = Decimal("0.000001")

PERFORMING_OR_LATER = (Stage.PERFORMING, Stage.STARTED, Stage.OPERATING)
STARTED_OR_LATER = (Stage.STARTED, Stage.OPERATING)
OPERATING = (Stage.OPERATING,)

GROUP_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "unit": Project.unit_id,
    "industry": Project.industry_node_id,
    "field": Project.field_id,
}


def default_as_of(year: int, today: dt.date | None = None) -> dt.date:
    """Year end for a past year, today for the current one."""
    today = today or dt.date.today()
    end = dt.date(year, 12, 31)
    return end if today > end or today.year < year else today


def data_as_of(session: Session) -> dt.date | None:
    """The date a frozen dataset stops at (the demo database records one), else None."""
    value = session.scalar(select(AppMeta.value).where(AppMeta.key == "demo_as_of"))
    return dt.date.fromisoformat(value) if value else None


def default_as_of_for(session: Session, year: int, today: dt.date | None = None) -> dt.date:
    """``default_as_of``, but never past the day a frozen dataset (the demo) stops at."""
    as_of = default_as_of(year, today)
    frozen = data_as_of(session)
    if frozen is not None and frozen.year == year:
        return min(as_of, frozen)
    return as_of


def _year_bounds(year: int, as_of: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)


def reached_by(stages: tuple[Stage, ...], as_of: dt.date) -> ColumnElement[bool]:
    """The project had an event of one of ``stages`` on or before ``as_of``.

    An uncorrelated ``IN (subquery)``: SQLite evaluates it once into a temporary index.
    A correlated ``EXISTS`` was planned on the (stage, date) index and rescanned a whole
    year's events for every project: minutes on 100,000 projects.
    """
    return Project.id.in_(
        select(ProjectStageEvent.project_id).where(
            ProjectStageEvent.stage.in_([s.value for s in stages]),
            ProjectStageEvent.occurred_on <= as_of,
            ProjectStageEvent.deleted_at.is_(None),
        )
    )


def signed_between(start: dt.date, end: dt.date) -> ColumnElement[bool]:
    """The project has a 签约 event dated in [start, end] (招商引资, not deleted)."""
    signed = select(ProjectStageEvent.project_id).where(
        ProjectStageEvent.stage == Stage.SIGNED.value,
        ProjectStageEvent.occurred_on >= start,
        ProjectStageEvent.occurred_on <= end,
        ProjectStageEvent.deleted_at.is_(None),
    )
    return and_(
        Project.family == "attraction", Project.deleted_at.is_(None), Project.id.in_(signed)
    )


def cohort_filter(year: int, as_of: dt.date) -> ColumnElement[bool]:
    """Projects counted as signed in ``year`` by ``as_of`` (招商引资, not deleted)."""
    start, end = _year_bounds(year, as_of)
    return signed_between(start, end)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _zero_sum(column: Any) -> ColumnElement[Decimal]:
    return func.coalesce(func.sum(column), Decimal(0))


def _grouped(
    session: Session, group: ColumnElement[Any] | None, columns: list[Any], stmt_builder: Callable
) -> dict[Any, tuple[Any, ...]]:
    key = group if group is not None else literal(None)
    stmt = stmt_builder(select(key.label("g"), *columns))
    if group is not None:
        stmt = stmt.group_by(group)
    return {row[0]: tuple(row[1:]) for row in session.execute(stmt)}


def _stage_flags(year: int, as_of: dt.date) -> Subquery:
    """Per cohort project: whether it reached 履约 / 开工 / 投产 by ``as_of``.

    Only the cohort's own events are read (found through the project_id index), one
    grouped pass instead of a subquery per stage: the cohort is a few thousand projects
    even when the database holds a hundred thousand.
    """
    start, end = _year_bounds(year, as_of)
    ev = ProjectStageEvent
    signed_ids = select(ev.project_id).where(
        ev.stage == Stage.SIGNED.value,
        ev.occurred_on >= start,
        ev.occurred_on <= end,
        ev.deleted_at.is_(None),
    )

    def flag(stages: tuple[Stage, ...]) -> ColumnElement[int]:
        return func.max(case((ev.stage.in_([s.value for s in stages]), 1), else_=0))

    return (
        select(
            ev.project_id.label("project_id"),
            flag(PERFORMING_OR_LATER).label("performing"),
            flag(STARTED_OR_LATER).label("started"),
            flag(OPERATING).label("operating"),
        )
        .where(ev.project_id.in_(signed_ids), ev.occurred_on <= as_of, ev.deleted_at.is_(None))
        .group_by(ev.project_id)
        .subquery("stage_flags")
    )


def _cohort(session: Session, year: int, as_of: dt.date, group: Any) -> dict[Any, tuple]:
    total = Project.total_investment_wan
    flags = _stage_flags(year, as_of)
    columns = [
        func.count(Project.id),
        _count_if(total >= OVER_100M_WAN),
        _zero_sum(total),
        func.coalesce(func.sum(flags.c.performing), 0),
        func.coalesce(func.sum(flags.c.started), 0),
        func.coalesce(func.sum(flags.c.operating), 0),
    ]
    return _grouped(
        session,
        group,
        columns,
        lambda s: (
            s.select_from(Project)
            .join(flags, flags.c.project_id == Project.id)
            .where(Project.family == "attraction", Project.deleted_at.is_(None))
        ),
    )


def _funds(session: Session, year: int, as_of: dt.date, group: Any) -> dict[Any, tuple]:
    start, end = _year_bounds(year, as_of)
    columns = [_zero_sum(FundsInPlace.amount_wan), _zero_sum(FundsInPlace.fdi_usd_wan)]
    return _grouped(
        session,
        group,
        columns,
        lambda s: (
            s.select_from(FundsInPlace)
            .join(Project, Project.id == FundsInPlace.project_id)
            .where(*_funds_filter(start, end))
        ),
    )


def _funds_filter(start: dt.date, end: dt.date) -> list[ColumnElement[bool]]:
    return [
        FundsInPlace.received_on >= start,
        FundsInPlace.received_on <= end,
        FundsInPlace.deleted_at.is_(None),
        Project.deleted_at.is_(None),
    ]


def _plans(session: Session, year: int, group: Any) -> dict[Any, tuple]:
    columns = [
        func.count(KeyProjectPlan.id),
        _count_if(Project.total_investment_wan >= OVER_1B_WAN),
    ]
    return _grouped(
        session,
        group,
        columns,
        lambda s: (
            s.select_from(KeyProjectPlan)
            .join(Project, Project.id == KeyProjectPlan.project_id)
            .where(*_plans_filter(year))
        ),
    )


def _plans_filter(year: int) -> list[ColumnElement[bool]]:
    return [
        KeyProjectPlan.year == year,
        KeyProjectPlan.deleted_at.is_(None),
        Project.deleted_at.is_(None),
    ]


def _last_month(year: int, as_of: dt.date) -> int:
    return 12 if as_of.year > year else (as_of.month if as_of.year == year else 0)


def _monthly_filter(year: int, as_of: dt.date) -> list[ColumnElement[bool]]:
    return [
        MonthlyInvestment.year == year,
        MonthlyInvestment.month <= _last_month(year, as_of),
        MonthlyInvestment.deleted_at.is_(None),
        Project.deleted_at.is_(None),
    ]


def _completed(session: Session, year: int, as_of: dt.date, group: Any) -> dict[Any, tuple]:
    return _grouped(
        session,
        group,
        [_zero_sum(MonthlyInvestment.completed_wan)],
        lambda s: (
            s.select_from(MonthlyInvestment)
            .join(Project, Project.id == MonthlyInvestment.project_id)
            .where(*_monthly_filter(year, as_of))
        ),
    )


def rate(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    """An exact fraction rounded to six places; None when the denominator is zero."""
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(RATE_QUANTUM, ROUND_HALF_UP)


def _previous_span(year: int, as_of: dt.date) -> dt.date:
    """The previous year is compared over the same span (year to date for a running year)."""
    if as_of.year != year:
        return dt.date(year - 1, 12, 31)
    try:
        return as_of.replace(year=year - 1)
    except ValueError:  # 29 February
        return as_of.replace(year=year - 1, day=28)


def _compute(session: Session, year: int, as_of: dt.date, group: Any) -> dict[Any, Metrics]:
    cohort = _cohort(session, year, as_of, group)
    funds = _funds(session, year, as_of, group)
    prev_funds = _funds(session, year - 1, _previous_span(year, as_of), group)
    plans = _plans(session, year, group)
    completed = _completed(session, year, as_of, group)
    keys = set(cohort) | set(funds) | set(prev_funds) | set(plans) | set(completed)
    if group is None:
        keys = {None}
    result: dict[Any, Metrics] = {}
    for g in keys:
        signed, over_100m, invested, performing, started, operating = cohort.get(
            g, (0, 0, 0, 0, 0, 0)
        )
        fund, fdi = funds.get(g, (0, 0))
        _, fdi_prev = prev_funds.get(g, (0, 0))
        key_count, key_over_1b = plans.get(g, (0, 0))
        (done,) = completed.get(g, (0,))
        signed, performing, started = int(signed), int(performing), int(started)
        fdi, fdi_prev = Decimal(fdi), Decimal(fdi_prev)
        result[g] = {
            "signed_count": signed,
            "signed_over_100m_count": int(over_100m),
            "signed_investment_wan": Decimal(invested),
            "funds_in_place_wan": Decimal(fund),
            "performing_count": performing,
            "performance_rate": rate(performing, signed),
            "started_count": started,
            "start_rate": rate(started, signed),
            "operating_count": int(operating),
            "fdi_usd_wan": fdi,
            "fdi_growth_rate": rate(fdi - fdi_prev, fdi_prev),
            "key_project_count": int(key_count),
            "key_over_1b_count": int(key_over_1b),
            "completed_investment_wan": Decimal(done),
        }
    return result


def compute_metrics(session: Session, year: int, as_of: dt.date | None = None) -> Metrics:
    """Every metric key for ``year`` as of ``as_of`` (default: see ``default_as_of``)."""
    as_of = as_of or default_as_of(year)
    return _compute(session, year, as_of, None)[None]


@dataclass(frozen=True)
class MetricsGroup:
    group_id: str | None
    name: str
    values: Metrics


def compute_metrics_by(
    session: Session, year: int, by: GroupBy, as_of: dt.date | None = None
) -> list[MetricsGroup]:
    """The metrics broken down by unit, 222 industry or 5122 field (未填写 for none).

    Groups with nothing to show are left out; sums over the groups equal the totals.
    """
    as_of = as_of or default_as_of(year)
    grouped = _compute(session, year, as_of, GROUP_COLUMNS[by])
    names = _group_names(session, by)
    order = {gid: i for i, gid in enumerate(names)}
    groups = [
        MetricsGroup(gid, names.get(gid, "（未填写）") if gid else "（未填写）", values)
        for gid, values in grouped.items()
    ]
    groups.sort(key=lambda g: (g.group_id is None, order.get(g.group_id, len(order)), g.name))
    return groups


def _group_names(session: Session, by: GroupBy) -> dict[str, str]:
    if by == "unit":
        rows = session.execute(select(Unit.id, Unit.name).order_by(Unit.sort_order, Unit.name))
    elif by == "industry":
        rows = session.execute(
            select(IndustryNode.id, IndustryNode.name).order_by(
                IndustryNode.level, IndustryNode.sort_order
            )
        )
    else:
        rows = session.execute(select(PlanField.id, PlanField.name).order_by(PlanField.sort_order))
    return {gid: name for gid, name in rows}


# ------------------------------------------------------------------ traceability


@dataclass(frozen=True)
class MetricRecord:
    """One record behind a figure: a project, a funds record, a plan or a monthly figure."""

    kind: Literal["project", "funds", "plan", "monthly"]
    record_id: str
    project_id: str
    project_name: str
    amount: Decimal | None
    on: dt.date | None


def _project_records(
    session: Session, condition: ColumnElement[bool], amount: bool
) -> list[MetricRecord]:
    rows = session.execute(
        select(Project.id, Project.name, Project.total_investment_wan)
        .where(condition)
        .order_by(Project.total_investment_wan.desc(), Project.name)
    )
    return [
        MetricRecord("project", pid, pid, name, total if amount else None, None)
        for pid, name, total in rows
    ]


def metric_records(
    session: Session, key: str, year: int, as_of: dt.date | None = None
) -> list[MetricRecord]:
    """The records that make up ``key``'s figure (rates: the numerator's records)."""
    if key not in METRIC_KEYS:
        raise KeyError(key)
    as_of = as_of or default_as_of(year)
    cohort = cohort_filter(year, as_of)
    reach = {
        "performing_count": PERFORMING_OR_LATER,
        "performance_rate": PERFORMING_OR_LATER,
        "started_count": STARTED_OR_LATER,
        "start_rate": STARTED_OR_LATER,
        "operating_count": OPERATING,
    }
    if key in ("signed_count", "signed_investment_wan"):
        return _project_records(session, cohort, amount=True)
    if key == "signed_over_100m_count":
        return _project_records(
            session, and_(cohort, Project.total_investment_wan >= OVER_100M_WAN), amount=True
        )
    if key in reach:
        return _project_records(session, and_(cohort, reached_by(reach[key], as_of)), True)
    if key in ("funds_in_place_wan", "fdi_usd_wan", "fdi_growth_rate"):
        start, end = _year_bounds(year, as_of)
        value = FundsInPlace.amount_wan if key == "funds_in_place_wan" else FundsInPlace.fdi_usd_wan
        conditions = _funds_filter(start, end)
        if key != "funds_in_place_wan":
            conditions.append(FundsInPlace.fdi_usd_wan.is_not(None))
        rows = session.execute(
            select(FundsInPlace.id, Project.id, Project.name, value, FundsInPlace.received_on)
            .join(Project, Project.id == FundsInPlace.project_id)
            .where(*conditions)
            .order_by(FundsInPlace.received_on, Project.name)
        )
        return [MetricRecord("funds", *row) for row in rows]
    if key in ("key_project_count", "key_over_1b_count"):
        conditions = _plans_filter(year)
        if key == "key_over_1b_count":
            conditions.append(Project.total_investment_wan >= OVER_1B_WAN)
        rows = session.execute(
            select(KeyProjectPlan.id, Project.id, Project.name, Project.total_investment_wan)
            .join(Project, Project.id == KeyProjectPlan.project_id)
            .where(*conditions)
            .order_by(Project.total_investment_wan.desc(), Project.name)
        )
        return [MetricRecord("plan", rid, pid, name, total, None) for rid, pid, name, total in rows]
    rows = session.execute(
        select(
            MonthlyInvestment.id,
            Project.id,
            Project.name,
            MonthlyInvestment.completed_wan,
            MonthlyInvestment.year,
            MonthlyInvestment.month,
        )
        .join(Project, Project.id == MonthlyInvestment.project_id)
        .where(*_monthly_filter(year, as_of))
        .order_by(MonthlyInvestment.month, Project.name)
    )
    return [
        MetricRecord("monthly", rid, pid, name, amount, dt.date(y, m, 1))
        for rid, pid, name, amount, y, m in rows
    ]


def cohort_project_ids(session: Session, year: int, as_of: dt.date | None = None) -> list[str]:
    """The projects behind ``signed_count`` (and the sums over the cohort)."""
    as_of = as_of or default_as_of(year)
    return list(session.scalars(select(Project.id).where(cohort_filter(year, as_of))))
