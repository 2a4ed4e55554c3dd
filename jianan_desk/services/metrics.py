"""The metrics engine: every metric key of ``domain.metrics`` for a year, as of a date.

Computed from records alone (stage events, funds-in-place records, key-project plans and
monthly investment), never from stored totals, in a handful of aggregate queries that
run on SQLite and PostgreSQL alike. Definitions: ``shared/domain.md``.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Select, and_, case, exists, func, select
from sqlalchemy.orm import Session, aliased

from jianan_desk.domain.metrics import OVER_1B_WAN, OVER_100M_WAN
from jianan_desk.domain.stages import Stage
from jianan_desk.store.models import (
    FundsInPlace,
    KeyProjectPlan,
    MonthlyInvestment,
    Project,
    ProjectStageEvent,
)

MetricValue = Decimal | int | None
RATE_QUANTUM = Decimal("0.000001")

PERFORMING_OR_LATER = (Stage.PERFORMING, Stage.STARTED, Stage.OPERATING)
STARTED_OR_LATER = (Stage.STARTED, Stage.OPERATING)


def default_as_of(year: int, today: dt.date | None = None) -> dt.date:
    """Year end for a past year, today for the current one."""
    today = today or dt.date.today()
    end = dt.date(year, 12, 31)
    return end if today > end or today.year < year else today


def _year_bounds(year: int, as_of: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)


def _reached(stages: tuple[Stage, ...], as_of: dt.date):  # noqa: ANN202 - SQL expression
    ev = aliased(ProjectStageEvent)
    return exists().where(
        ev.project_id == Project.id,
        ev.stage.in_([s.value for s in stages]),
        ev.occurred_on <= as_of,
        ev.deleted_at.is_(None),
    )


def cohort_filter(year: int, as_of: dt.date):  # noqa: ANN201 - SQL expression
    """Projects counted as signed in ``year`` by ``as_of`` (招商引资, not deleted)."""
    start, end = _year_bounds(year, as_of)
    ev = aliased(ProjectStageEvent)
    signed_in_year = exists().where(
        ev.project_id == Project.id,
        ev.stage == Stage.SIGNED.value,
        ev.occurred_on >= start,
        ev.occurred_on <= end,
        ev.deleted_at.is_(None),
    )
    return and_(Project.family == "attraction", Project.deleted_at.is_(None), signed_in_year)


def _count_if(condition) -> object:  # noqa: ANN001
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _cohort_query(year: int, as_of: dt.date) -> Select:
    total = Project.total_investment_wan
    return select(
        func.count(Project.id),
        _count_if(total >= OVER_100M_WAN),
        func.coalesce(func.sum(total), Decimal(0)),
        _count_if(_reached(PERFORMING_OR_LATER, as_of)),
        _count_if(_reached(STARTED_OR_LATER, as_of)),
        _count_if(_reached((Stage.OPERATING,), as_of)),
    ).where(cohort_filter(year, as_of))


def _funds(session: Session, year: int, as_of: dt.date) -> tuple[Decimal, Decimal]:
    start, end = _year_bounds(year, as_of)
    row = session.execute(
        select(
            func.coalesce(func.sum(FundsInPlace.amount_wan), Decimal(0)),
            func.coalesce(func.sum(FundsInPlace.fdi_usd_wan), Decimal(0)),
        )
        .join(Project, Project.id == FundsInPlace.project_id)
        .where(
            FundsInPlace.received_on >= start,
            FundsInPlace.received_on <= end,
            FundsInPlace.deleted_at.is_(None),
            Project.deleted_at.is_(None),
        )
    ).one()
    return Decimal(row[0]), Decimal(row[1])


def _key_projects(session: Session, year: int, as_of: dt.date) -> tuple[int, int, Decimal]:
    plans = session.execute(
        select(
            func.count(KeyProjectPlan.id),
            _count_if(Project.total_investment_wan >= OVER_1B_WAN),
        )
        .join(Project, Project.id == KeyProjectPlan.project_id)
        .where(
            KeyProjectPlan.year == year,
            KeyProjectPlan.deleted_at.is_(None),
            Project.deleted_at.is_(None),
        )
    ).one()
    last_month = 12 if as_of.year > year else (as_of.month if as_of.year == year else 0)
    completed = session.scalar(
        select(func.coalesce(func.sum(MonthlyInvestment.completed_wan), Decimal(0)))
        .join(Project, Project.id == MonthlyInvestment.project_id)
        .where(
            MonthlyInvestment.year == year,
            MonthlyInvestment.month <= last_month,
            MonthlyInvestment.deleted_at.is_(None),
            Project.deleted_at.is_(None),
        )
    )
    return int(plans[0]), int(plans[1]), Decimal(completed or 0)


def rate(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    """An exact fraction rounded to six places; None when the denominator is zero."""
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(RATE_QUANTUM, ROUND_HALF_UP)


def compute_metrics(
    session: Session, year: int, as_of: dt.date | None = None
) -> dict[str, MetricValue]:
    """Every metric key for ``year`` as of ``as_of`` (default: see ``default_as_of``)."""
    as_of = as_of or default_as_of(year)
    signed, over_100m, invested, performing, started, operating = session.execute(
        _cohort_query(year, as_of)
    ).one()
    signed, performing, started = int(signed), int(performing), int(started)
    funds, fdi = _funds(session, year, as_of)
    # The previous year is compared over the same span (year to date for a running year).
    prev_as_of = _same_day_previous_year(as_of) if as_of.year == year else dt.date(year - 1, 12, 31)
    _, fdi_prev = _funds(session, year - 1, prev_as_of)
    key_count, key_over_1b, completed = _key_projects(session, year, as_of)
    return {
        "signed_count": signed,
        "signed_over_100m_count": int(over_100m),
        "signed_investment_wan": Decimal(invested),
        "funds_in_place_wan": funds,
        "performing_count": performing,
        "performance_rate": rate(performing, signed),
        "started_count": started,
        "start_rate": rate(started, signed),
        "operating_count": int(operating),
        "fdi_usd_wan": fdi,
        "fdi_growth_rate": rate(fdi - fdi_prev, fdi_prev),
        "key_project_count": key_count,
        "key_over_1b_count": key_over_1b,
        "completed_investment_wan": completed,
    }


def _same_day_previous_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def cohort_project_ids(session: Session, year: int, as_of: dt.date | None = None) -> list[str]:
    """The projects behind ``signed_count`` (and the sums over the cohort)."""
    as_of = as_of or default_as_of(year)
    return list(session.scalars(select(Project.id).where(cohort_filter(year, as_of))))
