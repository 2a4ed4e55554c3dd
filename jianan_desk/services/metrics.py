"""The metrics engine: every metric key of ``domain.metrics`` for a year, as of a date.

Computed from records alone (stage events, funds-in-place records, key-project plans and
monthly investment), never from stored totals, in a handful of aggregate queries that
run on SQLite and PostgreSQL alike. Definitions: ``shared/domain.md``. Nothing is cached:
each call recomputes.

For a year's totals (``compute_metrics``, and the 首页 through ``services.dashboard``) the
statements read covering, partial indexes (``deleted_at IS NULL``) of migration 0008
alone: the cohort in one statement (``cohort_statement``: the year's signing events, the
projects' figures by id, one probe per cohort project for how far it got), the funds,
plans and monthly figures from their year's index range (``funds_totals``, ``plan_totals``,
``completed_by_month``).

Every figure is traceable: ``metric_records`` returns the records behind a key, and their
count (for counts) or the sum of their amounts (for sums) equals the figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    extract,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.selectable import Alias

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


class _IndexedBy(Alias):
    """An alias of a table that SQLite must read through one named index (``INDEXED BY``).

    Looking projects up by id, SQLite prefers the primary key's unique index and then reads
    each (wide) project row; the covering ``ix_projects_cohort`` answers from the index
    alone, in half the time (migration 0008). Other engines choose for themselves.
    """

    inherit_cache = True
    index_name = "ix_projects_cohort"


class _DeletedProjects(_IndexedBy):
    """``projects`` through the tiny partial index of the deleted ones' ids."""

    inherit_cache = True
    index_name = "ix_projects_deleted"


@compiles(_IndexedBy)
def _indexed_by_default(element: _IndexedBy, compiler: Any, **kw: Any) -> str:
    return str(compiler.visit_alias(element, **kw))


@compiles(_IndexedBy, "sqlite")
def _indexed_by_sqlite(element: _IndexedBy, compiler: Any, **kw: Any) -> str:
    text = str(compiler.visit_alias(element, **kw))
    if kw.get("asfrom") and not kw.get("ashint"):
        text += f" INDEXED BY {element.index_name}"
    return text


def _cohort_projects() -> Any:
    """``projects`` for lookups by id through the covering ``ix_projects_cohort``."""
    return _IndexedBy._construct(Project.__table__, name="cp")


CohortGroup = Literal["month", "industry", "field", "unit"]
_COHORT_COLUMNS = {"industry": "industry_node_id", "field": "field_id", "unit": "unit_id"}
COHORT_STAGES = (Stage.LEAD, Stage.NEGOTIATING, Stage.SIGNED)


def cohort_statement(
    year: int, as_of: dt.date, groups: Sequence[CohortGroup] = (), *, funnel: bool = False
) -> Select[Any]:
    """The year's cohort, as few passes over the stage events as the figures allow.

    Rows: the ``groups`` (signing month, 222 industry, 5122 field, unit) then ``projects,
    talked, signed, over_100m, invested, performing, started, operating``:

    * ``signed`` (the cohort, ``signed_count``): 招商引资 projects, not deleted, with a live
      ``signed`` event dated in the year up to ``as_of``; a project signed twice counts
      once, in the month of its first signing; ``invested`` and ``over_100m`` sum over them;
    * ``performing`` / ``started`` / ``operating``: cohort projects with a live event of
      that stage or a later one dated on or before ``as_of``;
    * with ``funnel``, also the projects of the year's pipeline that did not sign (month
      NULL): ``projects`` counts those with a ``lead``, ``negotiating`` or ``signed`` event
      in the window (线索), ``talked`` those with ``negotiating`` or ``signed`` (洽谈).
      Without it, only signing events are read and ``projects`` = ``talked`` = ``signed``.

    Three steps, each reading an index alone (migration 0008): the window's events grouped by
    project (``ix_stage_events_live``); each such project's figures by id
    (``ix_projects_cohort``); for a signed one, the furthest stage it reached by ``as_of``
    (``ix_stage_events_project_live``, one probe per cohort project, not per event).
    """
    start, end = _year_bounds(year, as_of)
    e = ProjectStageEvent
    stages = COHORT_STAGES if funnel else (Stage.SIGNED,)
    window = (
        select(
            e.project_id.label("pid"),
            func.min(case((e.stage == Stage.SIGNED.value, e.occurred_on))).label("signed_on"),
            func.max(case((e.stage == Stage.LEAD.value, 0), else_=1)).label("talked"),
        )
        .where(
            e.stage.in_([s.value for s in stages]),
            e.occurred_on >= start,
            e.occurred_on <= end,
            e.deleted_at.is_(None),
        )
        .group_by(e.project_id)
        .cte("cohort_window")
    )
    later = aliased(ProjectStageEvent)
    furthest = (
        select(
            func.max(
                case(
                    (later.stage == Stage.PERFORMING.value, 1),
                    (later.stage == Stage.STARTED.value, 2),
                    (later.stage == Stage.OPERATING.value, 3),
                )
            )
        )
        # No ``stage IN (…)`` here: the CASE leaves other stages out, and SQLite 3.40 with
        # ANALYZE statistics answered ``project_id = ? AND stage IN (…) AND occurred_on <= ?``
        # wrongly from this index (a later event counted; tests/store/test_copy_database.py).
        .where(
            later.project_id == window.c.pid,
            later.occurred_on <= as_of,
            later.deleted_at.is_(None),
        )
        .scalar_subquery()
    )
    p = _cohort_projects()
    signed_on = window.c.signed_on
    # MATERIALIZED: computed once per project (SQLite would otherwise copy the furthest-
    # stage subquery into each of the three counts that read it).
    per_project = (
        select(
            signed_on.label("signed_on"),
            window.c.talked.label("talked"),
            p.c.total_investment_wan.label("total"),
            *(p.c[column].label(name) for name, column in _COHORT_COLUMNS.items()),
            case((signed_on.is_not(None), furthest), else_=0).label("level"),
        )
        .select_from(window.join(p, p.c.id == window.c.pid))
        .where(p.c.family == "attraction", p.c.deleted_at.is_(None))
        .cte("cohort_projects")
        .prefix_with("MATERIALIZED")
    )
    pp = per_project.c
    keys = [
        extract("month", pp.signed_on) if g == "month" else pp[g]  # type: ignore[index]
        for g in groups
    ]
    is_signed = pp.signed_on.is_not(None)
    return select(
        *keys,
        func.count(),
        func.coalesce(func.sum(pp.talked), 0),
        _count_if(is_signed),
        _count_if(and_(is_signed, pp.total >= OVER_100M_WAN)),
        _zero_sum(case((is_signed, pp.total))),
        _count_if(pp.level >= 1),
        _count_if(pp.level >= 2),
        _count_if(pp.level >= 3),
    ).group_by(*keys)


def _cohort(
    session: Session, year: int, as_of: dt.date, by: GroupBy | None
) -> dict[Any, tuple[Any, ...]]:
    """signed, over_100m, invested, performing, started, operating per group."""
    groups: list[CohortGroup] = [] if by is None else [by]
    rows = session.execute(cohort_statement(year, as_of, groups))
    return {(row[0] if groups else None): tuple(row[len(groups) + 2 :]) for row in rows}


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


# ------------------------------------------------------------------ year totals, no grouping


def _dec(value: Any) -> Decimal:
    """A SQL sum of a FixedDecimal column: Decimal already, or None for no rows."""
    return Decimal(0) if value is None else Decimal(value)


def deleted_projects() -> Select[Any]:
    """The ids of the (few) deleted projects, from the partial index ``ix_projects_deleted``."""
    gone = _DeletedProjects._construct(Project.__table__, name="gone")
    return select(gone.c.id).where(gone.c.deleted_at.is_not(None))


def _subtracts_deleted(session: Session) -> bool:
    """How the year's sums leave out the records of deleted projects.

    SQLite (True): sum every live row of the window (from a covering index), then subtract
    the deleted projects' rows (looked up by project id): far less to read than testing
    each of tens of thousands of rows. PostgreSQL (False): filter by ``NOT IN (deleted
    projects)``, one hashed lookup a row.
    """
    return session.get_bind().dialect.name == "sqlite"


def funds_totals(session: Session, year: int, as_of: dt.date) -> tuple[Decimal, Decimal, Decimal]:
    """Funds in place and FDI of the year to ``as_of``, and FDI over the previous span."""
    start, end = _year_bounds(year, as_of)
    prev_start, prev_end = _year_bounds(year - 1, _previous_span(year, as_of))
    f = FundsInPlace
    current = and_(f.received_on >= start, f.received_on <= end)
    previous = and_(f.received_on >= prev_start, f.received_on <= prev_end)
    # Each sum says its own window, so that the correction below (looked up by project,
    # all dates) adds up the same rows as the plain sums (looked up by date).
    sums = select(
        func.sum(case((current, f.amount_wan))),
        func.sum(case((current, f.fdi_usd_wan))),
        func.sum(case((previous, f.fdi_usd_wan))),
    ).where(f.deleted_at.is_(None))
    subtract = _subtracts_deleted(session)
    plain = sums.where(or_(current, previous))
    if not subtract:
        plain = plain.where(f.project_id.not_in(deleted_projects()))
    totals = [_dec(v) for v in session.execute(plain).one()]
    if subtract:
        gone = session.execute(sums.where(f.project_id.in_(deleted_projects()))).one()
        totals = [t - _dec(v) for t, v in zip(totals, gone, strict=True)]
    amount, fdi, fdi_prev = totals
    return amount, fdi, fdi_prev


def plan_totals(session: Session, year: int) -> tuple[int, int, Decimal]:
    """Key projects of the year's plan, those of ≥ 10 亿元, and their planned investment."""
    k = KeyProjectPlan
    p = _cohort_projects()
    n, over_1b, planned = session.execute(
        select(
            func.count(),
            _count_if(p.c.total_investment_wan >= OVER_1B_WAN),
            func.sum(k.planned_investment_wan),
        )
        .select_from(k)
        .join(p, p.c.id == k.project_id)
        .where(k.year == year, k.deleted_at.is_(None), p.c.deleted_at.is_(None))
    ).one()
    return int(n or 0), int(over_1b or 0), _dec(planned)


def completed_by_month(session: Session, year: int, last_month: int) -> list[Decimal]:
    """Key projects' completed investment in each month of ``year`` up to ``last_month``."""
    monthly = [Decimal(0)] * 12
    if last_month <= 0:
        return monthly
    m = MonthlyInvestment
    reported = and_(m.year == year, m.month <= last_month)
    sums = (  # the window in the sum too: the correction looks rows up by project
        select(m.month, func.sum(case((reported, m.completed_wan))))
        .where(m.deleted_at.is_(None))
        .group_by(m.month)
    )
    subtract = _subtracts_deleted(session)
    plain = sums.where(reported)
    if not subtract:
        plain = plain.where(m.project_id.not_in(deleted_projects()))
    for month, amount in session.execute(plain):
        monthly[int(month) - 1] += _dec(amount)
    if subtract:
        for month, amount in session.execute(sums.where(m.project_id.in_(deleted_projects()))):
            monthly[int(month) - 1] -= _dec(amount)
    return monthly


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


def _compute(session: Session, year: int, as_of: dt.date, by: GroupBy | None) -> dict[Any, Metrics]:
    cohort = _cohort(session, year, as_of, by)
    if by is None:
        fund, fdi, fdi_prev = funds_totals(session, year, as_of)
        n, over_1b, _planned = plan_totals(session, year)
        done = sum(completed_by_month(session, year, _last_month(year, as_of)), Decimal(0))
        funds, prev_funds = {None: (fund, fdi)}, {None: (0, fdi_prev)}
        plans, completed = {None: (n, over_1b)}, {None: (done,)}
    else:
        group = GROUP_COLUMNS[by]
        funds = _funds(session, year, as_of, group)
        prev_funds = _funds(session, year - 1, _previous_span(year, as_of), group)
        plans = _plans(session, year, group)
        completed = _completed(session, year, as_of, group)
    keys = set(cohort) | set(funds) | set(prev_funds) | set(plans) | set(completed)
    if by is None:
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
    grouped = _compute(session, year, as_of, by)
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
