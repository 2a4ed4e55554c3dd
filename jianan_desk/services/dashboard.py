"""What the 首页 dashboard shows for a year as of a date, in a handful of queries (no Qt).

``load_dashboard(session, year, as_of)`` returns one :class:`Dashboard`: plain frozen
dataclasses that cross threads safely. It computes, from records alone:

* **metrics**: every key of ``domain.metrics``, equal to ``services.metrics.compute_metrics``
  (the unit tests check this key by key), and from them the **target progress** of the
  year's targets, equal to ``services.targets.target_progress``;
* **signed**: the cohort's signed total investment by signing month (months 1–12, exact
  ``Decimal`` 万元) with its running total, whose last reported month equals
  ``signed_investment_wan``; beside it the target line (the year's
  ``signed_investment_wan`` target times the share of the year elapsed by each month end,
  as ``domain.pace`` computes the expected value);
* **funnel**: the pipeline of the year (see :func:`_cohort_rows`);
* **by_industry** / **by_field**: the cohort's signed investment by 222 industry and by
  5122 field, equal to ``compute_metrics_by(…)[g].values['signed_investment_wan']``;
* **completed**: key projects' completed investment by month (the months reported by
  ``as_of``) with its running total, equal to ``completed_investment_wan``; beside it the
  plan line: the year's planned investment (sum of ``KeyProjectPlan.planned_investment_wan``)
  spread evenly over the twelve months;
* **overdue problems**, **follow-ups due** and **stale target companies** (see
  :func:`_overdue_problems`, :func:`_follow_ups` and :func:`_stale_targets`; the first and
  the last are the problem ledger's and the target list's own services), the first
  ``LIST_LIMIT`` of each with the full count (stale targets: whether there are more).

Why not call ``compute_metrics``/``compute_metrics_by``/``target_progress``: each of those
runs the engine again, and the dashboard needs the cohort by month, industry and field and
the funnel at once. It uses the engine's own statements instead: the cohort once
(``metrics.cohort_statement`` with the funnel, grouped in SQL) and the year's sums
(``funds_totals``, ``plan_totals``, ``completed_by_month``), which read the covering
indexes of migration 0008. On a SQLite file the cohort can run on a second connection
beside the rest (:data:`PARALLEL`, :func:`_beside`; off by default). Nothing is cached:
every call recomputes from the records.

The queries are portable SQL (SQLite and PostgreSQL); amounts are summed as the stored
scaled integers, so every sum is exact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from jianan_desk.domain.metrics import BY_KEY, METRIC_KEYS, MetricUnit
from jianan_desk.domain.pace import Profile, elapsed_fraction
from jianan_desk.domain.stages import STAGE_LABELS, Stage
from jianan_desk.services.accountability import AccountabilityReport, accountability
from jianan_desk.services.audit import diff, record_change
from jianan_desk.services.metrics import (
    MetricRecord,
    Metrics,
    MetricValue,
    cohort_project_ids,
    cohort_statement,
    completed_by_month,
    data_as_of,
    default_as_of_for,
    funds_totals,
    metric_records,
    plan_totals,
    rate,
)
from jianan_desk.services.problems import OverdueProblem, list_overdue_problems, overdue_clause
from jianan_desk.services.target_companies import StaleTarget, list_stale_targets
from jianan_desk.services.targets import (
    TargetError,
    TargetProgress,
    live_targets,
    progress_of,
    set_target,
    target_profile,
)
from jianan_desk.store.engine import READONLY, sqlite_path
from jianan_desk.store.models import (
    AnnualTarget,
    Company,
    FundsInPlace,
    IndustryNode,
    KeyProjectPlan,
    PlanField,
    Problem,
    ProjectStageEvent,
    Visit,
)
from jianan_desk.store.types import utcnow

LIST_LIMIT = 100
"""At most this many items of each list; ``*_total`` says how many there are."""
FOLLOW_UP_AHEAD_DAYS = 7
FOLLOW_UP_LOOKBACK_DAYS = 90
FOLLOW_UP_VISIT_DAYS = 180
STALE_DAYS = 90  # a target company untouched this long is stale (目标企业清单)
MONTHS = 12
UNFILLED = "（未填写）"

# ---------------------------------------------------------------- result types


@dataclass(frozen=True)
class MonthSeries:
    """Twelve monthly amounts (万元) with their running totals, and a comparison line.

    Months after ``last_month`` are not reported yet (zero, and not to be drawn). ``line``
    is the cumulative target or plan by each month end (None when there is none).
    """

    monthly: tuple[Decimal, ...]
    cumulative: tuple[Decimal, ...]
    last_month: int
    line: tuple[Decimal, ...] | None
    line_total: Decimal | None

    @property
    def total(self) -> Decimal:
        return self.cumulative[self.last_month - 1] if self.last_month else Decimal(0)


@dataclass(frozen=True)
class FunnelStep:
    stage: Stage
    label: str
    count: int


@dataclass(frozen=True)
class GroupAmount:
    """The cohort's signed investment (万元) and project count in one industry or field."""

    group_id: str | None
    name: str
    amount: Decimal
    count: int


@dataclass(frozen=True)
class FollowUp:
    visit_id: str
    company_name: str
    visited_on: dt.date
    follow_up_on: dt.date
    days_left: int  # negative: overdue by that many days
    next_step: str
    recorded_by: str


@dataclass(frozen=True)
class Dashboard:
    year: int
    as_of: dt.date
    years: tuple[int, ...]  # years worth offering in a selector, newest first
    metrics: Metrics
    targets: tuple[TargetProgress, ...]
    signed: MonthSeries
    funnel: tuple[FunnelStep, ...]
    by_industry: tuple[GroupAmount, ...]
    by_field: tuple[GroupAmount, ...]
    completed: MonthSeries
    overdue_problems: tuple[OverdueProblem, ...]
    overdue_total: int
    follow_ups: tuple[FollowUp, ...]
    follow_ups_total: int
    stale_targets: tuple[StaleTarget, ...] = ()
    stale_more: bool = False  # more than LIST_LIMIT stale targets (only the first are here)
    # Problems raised / closed / open / overdue from 1 January to ``as_of``, by unit.
    accountability: AccountabilityReport | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing to show for the year: no targets, no pipeline, no key-project plan."""
        return (
            not self.targets
            and all(step.count == 0 for step in self.funnel)
            and self.metrics["key_project_count"] == 0
            and self.metrics["funds_in_place_wan"] == 0
        )


# ---------------------------------------------------------------- helpers


def _dec(value: Any) -> Decimal:
    """A SQL sum of a FixedDecimal column: Decimal already, or None for no rows."""
    return Decimal(0) if value is None else Decimal(value)


def _last_month(year: int, as_of: dt.date) -> int:
    """Months of ``year`` reported by ``as_of`` (as ``services.metrics`` counts them)."""
    return 12 if as_of.year > year else (as_of.month if as_of.year == year else 0)


def _previous_span_end(year: int, as_of: dt.date) -> dt.date:
    """End of the previous year's span compared for FDI growth (same as the engine)."""
    if as_of.year != year:
        return dt.date(year - 1, 12, 31)
    try:
        return min(dt.date(year - 1, 12, 31), as_of.replace(year=year - 1))
    except ValueError:  # 29 February
        return as_of.replace(year=year - 1, day=28)


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _running(monthly: Sequence[Decimal]) -> tuple[Decimal, ...]:
    out, total = [], Decimal(0)
    for amount in monthly:
        total += amount
        out.append(total)
    return tuple(out)


def default_year(session: Session, today: dt.date | None = None) -> int:
    """The year to open on: a frozen dataset's own year (the demo: 2022), else this year."""
    frozen = data_as_of(session)
    return frozen.year if frozen is not None else (today or dt.date.today()).year


def available_years(session: Session, today: dt.date | None = None) -> tuple[int, ...]:
    """Years with signings, funds, key-project plans or targets, plus this year; newest first.

    Each bound is a min/max over an indexed column, so this stays fast on large files.
    """
    this_year = (today or dt.date.today()).year
    years = {this_year}
    frozen = data_as_of(session)
    if frozen is not None:
        years.add(frozen.year)
    # One min() or max() per statement: so each is a single index lookup, not a scan.
    signed_on = ProjectStageEvent.occurred_on
    is_signed = ProjectStageEvent.stage == Stage.SIGNED.value
    bounds = [
        (
            session.scalar(select(func.min(signed_on)).where(is_signed)),
            session.scalar(select(func.max(signed_on)).where(is_signed)),
        ),
        (
            session.scalar(select(func.min(FundsInPlace.received_on))),
            session.scalar(select(func.max(FundsInPlace.received_on))),
        ),
    ]
    for low, high in bounds:
        if low is not None and high is not None:
            years.update(range(low.year, high.year + 1))
    plan_years = select(KeyProjectPlan.year).distinct()  # index only: plans are rarely deleted
    target_years = select(AnnualTarget.year).where(AnnualTarget.deleted_at.is_(None)).distinct()
    for stmt in (plan_years, target_years):
        years.update(y for y in session.scalars(stmt) if 1990 <= y <= 2100)
    return tuple(sorted(years, reverse=True))


# ---------------------------------------------------------------- the cohort and the funnel


@dataclass(frozen=True)
class _CohortRow:
    month: int | None  # signing month; None for projects not signed in the window
    industry_id: str | None
    field_id: str | None
    projects: int  # 线索: any of lead / negotiating / signed in the window
    talked: int  # 洽谈: negotiating or signed in the window
    signed: int
    invested: Decimal
    over_100m: int
    performing: int
    started: int
    operating: int


def _cohort_rows(session: Session, year: int, as_of: dt.date) -> list[_CohortRow]:
    """The year's pipeline, grouped by signing month, 222 industry and 5122 field.

    The funnel counts 招商引资 projects (not deleted), each once, at every stage it reached:

    * 线索: a ``lead``, ``negotiating`` or ``signed`` event dated in the year up to
      ``as_of`` (the projects the bureau worked on in the year; a later stage implies the
      earlier ones, so a signing counts as a lead and a talk too);
    * 洽谈: a ``negotiating`` or ``signed`` event in that window;
    * 签约: a ``signed`` event in that window: exactly the metrics cohort (``signed_count``);
    * 履约 / 开工 / 投产/运营: cohort projects that reached ``performing`` / ``started`` /
      ``operating`` (or later) on or before ``as_of``: ``performing_count``,
      ``started_count`` and ``operating_count`` of the metrics engine.

    So the steps never increase from 线索 to 投产/运营. A project signed twice in the year
    is counted once, in the month of its first signing. One statement: the metrics
    engine's own (``metrics.cohort_statement`` with the funnel).
    """
    stmt = cohort_statement(year, as_of, ("month", "industry", "field"), funnel=True)
    return [
        _CohortRow(
            None if m is None else int(m),
            ind,
            fld,
            int(n),
            int(talked or 0),
            int(signed or 0),
            _dec(invested),
            int(over or 0),
            int(perf or 0),
            int(started or 0),
            int(op or 0),
        )
        for m, ind, fld, n, talked, signed, over, invested, perf, started, op in session.execute(
            stmt
        )
    ]


# ---------------------------------------------------------------- lists


def _overdue_problems(session: Session, as_of: dt.date) -> tuple[list[OverdueProblem], int]:
    """``services.problems.list_overdue_problems`` (the ledger's own definition of 超期:
    待办/办理中 past the deadline on ``as_of``, or closed only after it), and how many."""
    items = list_overdue_problems(session, as_of, LIST_LIMIT)
    if len(items) < LIST_LIMIT:
        return items, len(items)
    total = session.scalar(
        select(func.count())
        .select_from(Problem)
        .where(Problem.deleted_at.is_(None), overdue_clause(as_of))
    )
    return items, int(total or 0)


def _stale_targets(session: Session, as_of: dt.date) -> tuple[list[StaleTarget], bool]:
    """``services.target_companies.list_stale_targets``: open target companies not contacted
    for ``STALE_DAYS`` days by ``as_of``; True when there are more than ``LIST_LIMIT``."""
    items = list_stale_targets(session, as_of, STALE_DAYS, LIST_LIMIT + 1)
    return items[:LIST_LIMIT], len(items) > LIST_LIMIT


def _follow_ups(session: Session, as_of: dt.date) -> tuple[list[FollowUp], int]:
    """Visits whose follow-up (跟进) is due and not yet done, as of ``as_of``.

    Due: ``follow_up_on`` falls from ``FOLLOW_UP_LOOKBACK_DAYS`` before ``as_of`` to
    ``FOLLOW_UP_AHEAD_DAYS`` after it (older ones are considered lapsed, not due), for a
    visit of the last ``FOLLOW_UP_VISIT_DAYS`` (a date set half a year after the meeting
    is no longer its follow-up; the bound also lets the visit-date index do the work).
    Done: the same company was visited again after that visit, by ``as_of``. Visits of
    deleted companies are left out. Soonest due (most overdue) first.
    """
    v = Visit
    again = aliased(Visit)
    visited_again = exists().where(
        again.company_id == v.company_id,
        again.visited_on > v.visited_on,
        again.visited_on <= as_of,
        again.deleted_at.is_(None),
    )
    gone = select(Company.id).where(Company.deleted_at.is_not(None))  # ix_companies_deleted
    pending = [
        v.deleted_at.is_(None),
        v.follow_up_on >= as_of - dt.timedelta(days=FOLLOW_UP_LOOKBACK_DAYS),
        v.follow_up_on <= as_of + dt.timedelta(days=FOLLOW_UP_AHEAD_DAYS),
        v.visited_on <= as_of,
        v.visited_on >= as_of - dt.timedelta(days=FOLLOW_UP_VISIT_DAYS),
        or_(v.company_id.is_(None), v.company_id.not_in(gone)),
        ~visited_again,
    ]
    # The count reads the index ix_visits_follow_up_live alone; the list, its first rows.
    total = session.scalar(select(func.count()).select_from(v).where(*pending)) or 0
    rows = session.execute(
        select(v.id, Company.name, v.visited_on, v.follow_up_on, v.next_step, v.recorded_by, v.city)
        .outerjoin(Company, Company.id == v.company_id)
        .where(*pending)
        .order_by(v.follow_up_on, v.visited_on, v.id)
        .limit(LIST_LIMIT)
    ).all()
    items = [
        FollowUp(
            vid,
            company or (city and f"（{city}客商）") or "（未关联企业）",
            visited_on,
            due,
            (due - as_of).days,
            " ".join((step or "").split()),
            who,
        )
        for vid, company, visited_on, due, step, who, city in rows
    ]
    return items, int(total)


# ---------------------------------------------------------------- assembling


def _group_names(session: Session, model: type[IndustryNode] | type[PlanField]) -> dict[str, str]:
    if model is IndustryNode:
        order: Iterable[Any] = (IndustryNode.level, IndustryNode.sort_order)
    else:
        order = (PlanField.sort_order,)
    return {
        gid: name for gid, name in session.execute(select(model.id, model.name).order_by(*order))
    }


def _groups(amounts: dict[str | None, list[Any]], names: dict[str, str]) -> tuple[GroupAmount, ...]:
    """Groups with a signing, in the reference order (as ``compute_metrics_by``), 未填写 last."""
    order = {gid: i for i, gid in enumerate(names)}
    groups = [
        GroupAmount(gid, names.get(gid, UNFILLED) if gid else UNFILLED, amount, count)
        for gid, (amount, count) in amounts.items()
        if count
    ]
    groups.sort(key=lambda g: (g.group_id is None, order.get(g.group_id, len(order)), g.name))
    return tuple(groups)


def progress_for(
    targets: Sequence[AnnualTarget], values: Metrics, year: int, as_of: dt.date
) -> list[TargetProgress]:
    """``targets.target_progress`` over figures already computed (``values``)."""
    return [progress_of(t, values.get(t.metric_key), year, as_of) for t in targets]


PARALLEL = False
"""Run the cohort statement on a second connection while this one runs the rest.

Off: on the shared 2-core development machine (load 2.5–9 from other work) it measured
1.01–1.07× *slower* than one connection (``benchmarks/bench_dashboard.py`` reports both);
the second core is rarely free there. Worth measuring again on an idle office PC."""
_WORKERS = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dashboard-cohort")


def _beside(session: Session, work: Callable[[Session], Any]) -> Future[Any] | None:
    """``work`` in its own read-only session on a worker thread, or None where it must not.

    Only a read-only session over a SQLite file qualifies: SQLite releases the GIL while it
    runs a statement, so the cohort (the largest statement) and the rest of the dashboard
    use both cores; WAL lets the two read transactions run at once. A session that may hold
    uncommitted writes (not read-only) or an in-memory database keeps everything on its own
    connection. The worker's snapshot starts when it begins (a write committed between the
    two starts shows on one side only until the next refresh, as with any two queries).
    """
    bind = session.get_bind()
    if not PARALLEL or bind.dialect.name != "sqlite":
        return None
    if not bind.get_execution_options().get(READONLY):
        return None
    if sqlite_path(bind.url.render_as_string(hide_password=False)) is None:
        return None

    def run() -> Any:
        with Session(bind=bind) as apart:
            return work(apart)

    return _WORKERS.submit(run)


def load_dashboard(
    session: Session,
    year: int | None = None,
    as_of: dt.date | None = None,
    *,
    today: dt.date | None = None,
) -> Dashboard:
    """Everything the dashboard shows for ``year`` as of ``as_of``.

    ``year`` defaults to :func:`default_year`, ``as_of`` to ``default_as_of_for`` (which
    stops at a frozen dataset's own date). About twenty small queries and the cohort (on a
    second connection if :data:`PARALLEL` and :func:`_beside` allow); see the module
    docstring.
    """
    if year is None:
        year = default_year(session, today)
    if as_of is None:
        as_of = default_as_of_for(session, year, today)
    last_month = _last_month(year, as_of)
    cohort = _beside(session, lambda apart: _cohort_rows(apart, year, as_of))

    funds, fdi, fdi_prev = funds_totals(session, year, as_of)
    key_count, key_over_1b, planned = plan_totals(session, year)
    monthly_completed = completed_by_month(session, year, last_month)
    completed_total = sum(monthly_completed, Decimal(0))
    targets = live_targets(session, year)
    problems, problems_total = _overdue_problems(session, as_of)
    follow_ups, follow_ups_total = _follow_ups(session, as_of)
    stale, stale_more = _stale_targets(session, as_of)
    year_start = dt.date(year, 1, 1)
    figures = accountability(session, year_start, max(as_of, year_start))
    years = available_years(session, today)
    industry_names = _group_names(session, IndustryNode)
    field_names = _group_names(session, PlanField)

    # The cohort, once, grouped by month × industry × field.
    monthly_signed = [Decimal(0)] * MONTHS
    by_industry: dict[str | None, list[Any]] = {}
    by_field: dict[str | None, list[Any]] = {}
    leads = talked = signed = over_100m = performing = started = operating = 0
    invested = Decimal(0)
    rows = _cohort_rows(session, year, as_of) if cohort is None else cohort.result()
    for row in rows:
        leads += row.projects
        talked += row.talked
        if not row.signed:
            continue
        signed += row.signed
        over_100m += row.over_100m
        invested += row.invested
        performing += row.performing
        started += row.started
        operating += row.operating
        assert row.month is not None
        monthly_signed[row.month - 1] += row.invested
        for groups, key in ((by_industry, row.industry_id), (by_field, row.field_id)):
            entry = groups.setdefault(key, [Decimal(0), 0])
            entry[0] += row.invested
            entry[1] += row.signed

    metrics: Metrics = {
        "signed_count": signed,
        "signed_over_100m_count": over_100m,
        "signed_investment_wan": invested,
        "funds_in_place_wan": funds,
        "performing_count": performing,
        "performance_rate": rate(performing, signed),
        "started_count": started,
        "start_rate": rate(started, signed),
        "operating_count": operating,
        "fdi_usd_wan": fdi,
        "fdi_growth_rate": rate(fdi - fdi_prev, fdi_prev),
        "key_project_count": key_count,
        "key_over_1b_count": key_over_1b,
        "completed_investment_wan": completed_total,
    }
    assert set(metrics) == set(METRIC_KEYS)

    progress = progress_for(targets, metrics, year, as_of)
    signed_row = next((t for t in targets if t.metric_key == "signed_investment_wan"), None)
    signed_target = None if signed_row is None else signed_row.target_value
    signed_line = None
    if signed_row is not None:
        profile = target_profile(signed_row)
        signed_line = tuple(
            signed_row.target_value * elapsed_fraction(year, _month_end(year, m), profile)
            for m in range(1, MONTHS + 1)
        )
    plan_line = tuple(planned * m / MONTHS for m in range(1, MONTHS + 1)) if key_count else None

    funnel = (
        FunnelStep(Stage.LEAD, STAGE_LABELS[Stage.LEAD], leads),
        FunnelStep(Stage.NEGOTIATING, STAGE_LABELS[Stage.NEGOTIATING], talked),
        FunnelStep(Stage.SIGNED, STAGE_LABELS[Stage.SIGNED], signed),
        FunnelStep(Stage.PERFORMING, STAGE_LABELS[Stage.PERFORMING], performing),
        FunnelStep(Stage.STARTED, STAGE_LABELS[Stage.STARTED], started),
        FunnelStep(Stage.OPERATING, STAGE_LABELS[Stage.OPERATING], operating),
    )
    return Dashboard(
        year=year,
        as_of=as_of,
        years=years,
        metrics=metrics,
        targets=tuple(progress),
        signed=MonthSeries(
            tuple(monthly_signed),
            _running(monthly_signed),
            last_month,
            signed_line,
            signed_target,
        ),
        funnel=funnel,
        by_industry=_groups(by_industry, industry_names) if by_industry else (),
        by_field=_groups(by_field, field_names) if by_field else (),
        completed=MonthSeries(
            tuple(monthly_completed),
            _running(monthly_completed),
            last_month,
            plan_line,
            planned if key_count else None,
        ),
        overdue_problems=tuple(problems),
        overdue_total=problems_total,
        follow_ups=tuple(follow_ups),
        follow_ups_total=follow_ups_total,
        stale_targets=tuple(stale),
        stale_more=stale_more,
        accountability=figures,
    )


# ---------------------------------------------------------------- the records behind a card


@dataclass(frozen=True)
class FigureRecords:
    """The records behind one figure, and the figure recomputed from them.

    ``value`` is what the records add up to: their count (counts), the sum of their amounts
    (sums), the numerator's count over ``denominator`` (履约率, 开工率: the cohort's size),
    or the growth of ``amount`` over ``previous`` (外资增速: the previous span's FDI). It
    equals the metrics engine's figure; the dashboard shows both side by side.
    """

    key: str
    year: int
    as_of: dt.date
    records: tuple[MetricRecord, ...]
    amount: Decimal | None
    denominator: int | None
    previous: Decimal | None
    previous_count: int | None
    value: MetricValue


def load_figure_records(session: Session, key: str, year: int, as_of: dt.date) -> FigureRecords:
    """``metric_records`` for ``key`` with what it takes to check the figure against them."""
    records = tuple(metric_records(session, key, year, as_of))
    unit = BY_KEY[key].unit
    amount = previous = None
    denominator = previous_count = None
    value: MetricValue
    if key in ("performance_rate", "start_rate"):
        denominator = len(cohort_project_ids(session, year, as_of))
        value = rate(len(records), denominator)
    elif key == "fdi_growth_rate":
        amount = sum((r.amount or Decimal(0) for r in records), Decimal(0))
        before = metric_records(session, "fdi_usd_wan", year - 1, _previous_span_end(year, as_of))
        previous = sum((r.amount or Decimal(0) for r in before), Decimal(0))
        previous_count = len(before)
        value = rate(amount - previous, previous)
    elif unit in (MetricUnit.WAN, MetricUnit.USD_WAN):
        amount = sum((r.amount or Decimal(0) for r in records), Decimal(0))
        value = amount
    else:
        value = len(records)
    return FigureRecords(
        key, year, as_of, records, amount, denominator, previous, previous_count, value
    )


# ---------------------------------------------------------------- editing a year's targets


@dataclass(frozen=True)
class TargetDraft:
    """One row of the targets editor; ``value`` in storage units (万元, a fraction, a count)."""

    plan: str
    metric_key: str
    value: Decimal | None
    display_name: str = ""
    profile: Profile | None = None  # monthly pace profile; None: linear


def target_drafts(session: Session, year: int) -> list[TargetDraft]:
    """The year's live targets as editor rows, in their order."""
    return [
        TargetDraft(t.plan, t.metric_key, t.target_value, t.display_name, target_profile(t))
        for t in live_targets(session, year)
    ]


def draft_problems(drafts: Sequence[TargetDraft]) -> list[str]:
    """What stops these rows from being saved, one Chinese sentence each (empty: fine)."""
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for n, d in enumerate(drafts, start=1):
        metric = BY_KEY.get(d.metric_key)
        if not d.plan.strip():
            problems.append(f"第 {n} 行：请填写所属计划（如 1366、5122）")
        if metric is None:
            problems.append(f"第 {n} 行：请选择指标")
        if d.value is None:
            problems.append(f"第 {n} 行：请填写目标值")
        elif d.value < 0:
            problems.append(f"第 {n} 行：目标值不能为负数")
        elif metric is not None:
            if metric.unit is MetricUnit.RATE and d.value > 10:
                problems.append(f"第 {n} 行：比率目标不能超过 1000%")
            elif metric.unit is MetricUnit.COUNT and d.value != d.value.to_integral_value():
                problems.append(f"第 {n} 行：个数目标须为整数")
            elif d.value != d.value.quantize(Decimal("0.0001"), ROUND_HALF_UP):
                problems.append(f"第 {n} 行：目标值的小数位过多")
        if metric is not None and d.plan.strip():
            key = (d.plan.strip(), d.metric_key)
            if key in seen:
                problems.append(
                    f"第 {n} 行与第 {seen[key]} 行重复：同一计划中每个指标只能设一个目标"
                )
            else:
                seen[key] = n
    return problems


AUDITED_FIELDS = ("plan", "metric_key", "target_value", "display_name", "monthly_profile")


def _audit_state(target: AnnualTarget | None) -> dict[str, Any]:
    if target is None or target.deleted_at is not None:
        return {}
    return {name: getattr(target, name) for name in AUDITED_FIELDS}


def save_year_targets(
    session: Session, year: int, drafts: Sequence[TargetDraft], actor: str | None = None
) -> int:
    """Make the year's live targets exactly ``drafts``, in that order; returns how many.

    Rows are saved with ``targets.set_target`` (with their monthly profile); a target no
    longer among them is removed by a soft delete (``deleted_at``), so that sync and
    history keep it. With ``actor``, each created, changed or removed target is written to
    the change log. Raises ``TargetError`` (Chinese message) when ``draft_problems`` finds
    anything.
    """
    problems = draft_problems(drafts)
    if problems:
        raise TargetError(problems[0])
    wanted = {(d.plan.strip(), d.metric_key) for d in drafts}
    now = utcnow()
    for target in live_targets(session, year):
        if (target.plan, target.metric_key) not in wanted:
            before = _audit_state(target)
            target.deleted_at = now
            if actor is not None:
                record_change(
                    session,
                    entity="annual_target",
                    entity_id=target.id,
                    actor=actor,
                    action="delete",
                    changes=diff(before, dict.fromkeys(before)),
                )
    session.flush()
    existing = {
        (t.plan, t.metric_key): t
        for t in session.scalars(select(AnnualTarget).where(AnnualTarget.year == year))
    }
    for order, d in enumerate(drafts):
        assert d.value is not None
        before = _audit_state(existing.get((d.plan.strip(), d.metric_key)))
        saved = set_target(
            session,
            year=year,
            plan=d.plan.strip(),
            metric_key=d.metric_key,
            value=d.value,
            display_name=d.display_name.strip() or BY_KEY[d.metric_key].name,
            profile=d.profile,
        )
        saved.sort_order = order
        changes = diff(before, _audit_state(saved))
        if actor is not None and changes:
            record_change(
                session,
                entity="annual_target",
                entity_id=saved.id,
                actor=actor,
                action="update" if before else "create",
                changes=changes,
            )
    session.flush()
    return len(drafts)


def copy_drafts(current: Sequence[TargetDraft], source: Sequence[TargetDraft]) -> list[TargetDraft]:
    """``current`` plus the rows of ``source`` it lacks (same plan and metric): what
    ``targets.copy_targets`` does, applied to the editor's rows before they are saved."""
    have = {(d.plan.strip(), d.metric_key) for d in current}
    return [*current, *(d for d in source if (d.plan.strip(), d.metric_key) not in have)]
