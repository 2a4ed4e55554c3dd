"""The demo dataset: the district's published figures, valid histories, same seed → same data.

The figures are counted here straight from the records, following the definitions in
``shared/domain.md``, and again through the metrics service.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jianan_desk.domain.stages import Stage, StageEventData, current_stage, validate_history
from jianan_desk.services.checks import run_checks
from jianan_desk.services.demo import (
    DEMO_AS_OF,
    GROUP_START_DAY,
    PARTY_SCHOOL_PROJECT_NAME,
    SANJIA_PROJECT_NAME,
    DemoDataError,
    DemoSummary,
    generate_demo_data,
)
from jianan_desk.services.metrics import compute_metrics
from jianan_desk.store.engine import Database
from jianan_desk.store.migrations import upgrade
from jianan_desk.store.models import (
    PROBLEM_CATEGORIES,
    AppMeta,
    Company,
    Contact,
    FundsInPlace,
    IndustryNode,
    KeyProjectPlan,
    MonthlyInvestment,
    PlanField,
    Problem,
    Project,
    ProjectStageEvent,
    TaskForce,
    Trip,
    TripMember,
    Unit,
    Visit,
    WeeklyMeeting,
)
from tests.helpers import open_db

D = dt.date
END_2021 = D(2021, 12, 31)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One demo database for the read-only checks (built like the ``db`` fixture)."""
    database = open_db(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    upgrade(database)
    with database.session() as s:
        summary = generate_demo_data(s)
    yield database, summary
    database.dispose()


@pytest.fixture
def s(demo: tuple[Database, DemoSummary]) -> Iterator[Session]:
    with demo[0].session(readonly=True) as session:
        yield session


# ---------------------------------------------------------------- counting by hand


def live_projects(s: Session) -> dict[str, Project]:
    return {p.id: p for p in s.scalars(select(Project).where(Project.deleted_at.is_(None)))}


def events_by_project(s: Session) -> dict[str, list[ProjectStageEvent]]:
    out: dict[str, list[ProjectStageEvent]] = defaultdict(list)
    for e in s.scalars(select(ProjectStageEvent).where(ProjectStageEvent.deleted_at.is_(None))):
        out[e.project_id].append(e)
    return out


def cohort(s: Session, year: int) -> list[Project]:
    events = events_by_project(s)
    return [
        p
        for p in live_projects(s).values()
        if p.family == "attraction"
        and any(e.stage == "signed" and e.occurred_on.year == year for e in events[p.id])
    ]


def reached(s: Session, projects: list[Project], stages: tuple[str, ...], as_of: dt.date) -> int:
    events = events_by_project(s)
    return sum(
        any(e.stage in stages and e.occurred_on <= as_of for e in events[p.id]) for p in projects
    )


def funds_in(s: Session, year: int, as_of: dt.date, column: str = "amount_wan") -> Decimal:
    col = getattr(FundsInPlace, column)
    rows = s.scalars(
        select(col).where(
            FundsInPlace.deleted_at.is_(None),
            FundsInPlace.received_on >= D(year, 1, 1),
            FundsInPlace.received_on <= min(D(year, 12, 31), as_of),
        )
    )
    return sum((v for v in rows if v is not None), Decimal(0))


def plans(s: Session, year: int) -> list[tuple[KeyProjectPlan, Project]]:
    rows = s.execute(
        select(KeyProjectPlan, Project)
        .join(Project, Project.id == KeyProjectPlan.project_id)
        .where(KeyProjectPlan.year == year, KeyProjectPlan.deleted_at.is_(None))
    )
    return [(plan, project) for plan, project in rows]


def completed(s: Session, year: int, last_month: int) -> Decimal:
    rows = s.scalars(
        select(MonthlyInvestment.completed_wan).where(
            MonthlyInvestment.year == year,
            MonthlyInvestment.month <= last_month,
            MonthlyInvestment.deleted_at.is_(None),
        )
    )
    return sum(rows, Decimal(0))


def stage_dates(s: Session) -> dict[str, dict[str, list[dt.date]]]:
    """project id → stage → dates."""
    out: dict[str, dict[str, list[dt.date]]] = defaultdict(lambda: defaultdict(list))
    for project_id, events in events_by_project(s).items():
        for e in events:
            out[project_id][e.stage].append(e.occurred_on)
    return out


# ---------------------------------------------------------------- the 2021 figures


def test_2021_attraction_figures_counted_from_records(s: Session) -> None:
    c = cohort(s, 2021)
    assert len(c) == 90
    assert sum((p.total_investment_wan for p in c), Decimal(0)) == Decimal(2844800)  # 284.48 亿
    assert funds_in(s, 2021, END_2021) == Decimal(626200)  # 62.62 亿
    assert reached(s, c, ("performing", "started", "operating"), END_2021) == 66
    assert reached(s, c, ("started", "operating"), END_2021) == 64
    assert reached(s, c, ("operating",), END_2021) == 30
    # started ⊂ performing and operating ⊂ started, project by project
    events = events_by_project(s)
    for p in c:
        stages = {e.stage for e in events[p.id] if e.occurred_on <= END_2021}
        assert stages >= {"lead", "negotiating", "signed"}
        if "started" in stages:
            assert "performing" in stages
        if "operating" in stages:
            assert "started" in stages


def test_2021_figures_through_the_metrics_service(s: Session) -> None:
    m = compute_metrics(s, 2021, D(2021, 12, 31))
    assert m["signed_count"] == 90
    assert m["signed_investment_wan"] == Decimal(2844800)
    assert m["funds_in_place_wan"] == Decimal(626200)
    assert m["performing_count"] == 66
    assert m["started_count"] == 64
    assert m["operating_count"] == 30
    assert m["key_project_count"] == 107
    assert m["completed_investment_wan"] == Decimal(2856000)
    assert m["fdi_growth_rate"] is not None and m["fdi_growth_rate"] > Decimal("0.06")
    assert compute_metrics(s, 2021) == m  # a past year defaults to its year end


def test_later_events_do_not_change_2021_and_no_other_year_leaks(s: Session) -> None:
    c = cohort(s, 2021)
    # The data runs on into 2022: the same cohort has moved on by the demo's "today" ...
    assert reached(s, c, ("performing", "started", "operating"), DEMO_AS_OF) > 66
    assert reached(s, c, ("started", "operating"), DEMO_AS_OF) > 64
    assert reached(s, c, ("operating",), DEMO_AS_OF) > 30
    # ... signings of 2020 and 2022 exist, each project signed once, none counted in 2021.
    assert len(cohort(s, 2020)) > 0 and len(cohort(s, 2022)) > 0
    events = events_by_project(s)
    for p in live_projects(s).values():
        assert len([e for e in events[p.id] if e.stage == "signed"]) <= 1
    ids = [{p.id for p in cohort(s, y)} for y in (2020, 2021, 2022)]
    assert not (ids[0] & ids[1]) and not (ids[1] & ids[2])
    assert compute_metrics(s, 2022, DEMO_AS_OF)["signed_count"] == len(ids[2])


def test_foreign_capital_defined_in_2020_2021_and_2022(s: Session) -> None:
    fdi = [funds_in(s, y, DEMO_AS_OF, "fdi_usd_wan") for y in (2020, 2021, 2022)]
    assert all(v > 0 for v in fdi)
    m = compute_metrics(s, 2021, END_2021)
    assert m["fdi_usd_wan"] == fdi[1]
    assert m["fdi_growth_rate"] == ((fdi[1] - fdi[0]) / fdi[0]).quantize(Decimal("0.000001"))


# ---------------------------------------------------------------- histories and coverage


def test_every_history_is_valid_and_the_stage_cache_agrees(s: Session) -> None:
    events = events_by_project(s)
    for p in live_projects(s).values():
        history = [StageEventData(Stage(e.stage), e.occurred_on) for e in events[p.id]]
        assert history, p.name
        validate_history(history)
        assert p.stage == current_stage(history).value, p.name
        assert max(e.occurred_on for e in history) <= DEMO_AS_OF
        # a later stage implies every earlier one happened
        reached_stages = {e.stage for e in history if e.stage is not Stage.DROPPED}
        top = max(st.rank for st in reached_stages)
        assert {st.rank for st in reached_stages} == set(range(top + 1)), p.name
        if p.stage == "dropped":
            note = next(e.note for e in events[p.id] if e.stage == "dropped")
            assert note.startswith("终止原因：") and len(note) > 6
    assert run_checks(s) == []


def test_projects_cover_every_stage_and_all_six_industries(s: Session) -> None:
    projects = list(live_projects(s).values())
    assert {p.stage for p in projects} == {st.value for st in Stage}
    nodes = {n.id: n for n in s.scalars(select(IndustryNode))}
    industries = {n.code for n in nodes.values() if n.level == "industry"}
    assert len(industries) == 6
    attraction = [p for p in projects if p.family == "attraction"]
    for stage in ("lead", "negotiating", "signed", "started"):
        covered = {nodes[p.industry_node_id].code for p in attraction if p.stage == stage}
        assert covered == industries, stage
    for p in projects:
        if p.industry_node_id is not None:
            assert nodes[p.industry_node_id].level == "industry"
            assert p.chain_link_id is not None
            assert nodes[p.chain_link_id].parent_id == p.industry_node_id
        else:  # only district-funded projects that belong to no industry
            assert p.family == "key" and p.chain_link_id is None


def test_every_project_is_fully_described(s: Session) -> None:
    units = {u.id: u for u in s.scalars(select(Unit))}
    fields = {f.id: f.code for f in s.scalars(select(PlanField))}
    names = [p.name for p in live_projects(s).values()]
    assert len(names) == len(set(names))
    used_fields = set()
    for p in live_projects(s).values():
        assert p.company_id is not None and p.unit_id in units and p.field_id in fields, p.name
        assert p.leader_in_charge and p.total_investment_wan > 0, p.name
        assert p.location in {u.name for u in units.values() if u.kind in ("township", "park")}
        assert p.name.endswith(("项目", "工程", "新校区")), p.name
        used_fields.add(fields[p.field_id])
        if p.family == "attraction":
            assert p.industry_node_id is not None
    assert used_fields == {"manufacturing", "services", "social", "agriculture", "urbanization"}
    sizes = [p.total_investment_wan for p in cohort(s, 2021)]
    assert sum(v >= 100000 for v in sizes) >= 3  # a few 10亿+
    assert sum(10000 <= v <= 50000 for v in sizes) >= 40  # many 1–5 亿
    assert sum(v < 10000 for v in sizes) >= 5  # some below 1 亿


# ---------------------------------------------------------------- key projects


def test_key_projects_2021(s: Session) -> None:
    dates = stage_dates(s)
    rows = plans(s, 2021)
    assert len(rows) == 107
    planned = sum((plan.planned_investment_wan for plan, _ in rows), Decimal(0))
    assert planned == Decimal(2800000)
    assert completed(s, 2021, 12) == Decimal(2856000)  # 285.6 亿
    assert (completed(s, 2021, 12) / planned * 100).quantize(Decimal(1)) == 102
    operating = [p for _, p in rows if any(d.year == 2021 for d in dates[p.id]["operating"])]
    assert len(operating) == 40
    assert {p.family for _, p in rows} == {"attraction", "key"}
    plan_ids = {p.id for _, p in rows}
    monthly = s.scalars(select(MonthlyInvestment.project_id).where(MonthlyInvestment.year == 2021))
    assert set(monthly) <= plan_ids


def test_key_projects_2022(s: Session) -> None:
    dates = stage_dates(s)
    rows = plans(s, 2022)
    assert len(rows) >= 100
    assert sum(p.total_investment_wan >= 100000 for _, p in rows) >= 20
    planned = sum((plan.planned_investment_wan for plan, _ in rows), Decimal(0))
    assert planned == Decimal(2872900)
    q1 = completed(s, 2022, 3)
    assert q1 == Decimal(678000)  # 67.8 亿
    assert (q1 / planned * 100).quantize(Decimal("0.1")) == Decimal("23.6")
    new_starts = [(plan, p) for plan, p in rows if plan.is_new_start]
    assert len(new_starts) == 48

    def started_in_q1(p: Project) -> bool:
        return any(D(2022, 1, 1) <= d <= DEMO_AS_OF for d in dates[p.id]["started"])

    assert sum(started_in_q1(p) for _, p in new_starts) == 28
    continuing = [
        p
        for _, p in rows
        if any(d < D(2022, 1, 1) for d in dates[p.id]["started"]) and not dates[p.id]["operating"]
    ]
    assert len(continuing) == 36
    assert not any(plan.is_new_start for plan, p in rows if p in continuing)
    m = compute_metrics(s, 2022, DEMO_AS_OF)
    assert m["key_project_count"] == len(rows)
    assert m["key_over_1b_count"] >= 20
    assert m["completed_investment_wan"] == Decimal(678000)


def test_group_start_of_4_january_2022(s: Session) -> None:
    started = s.scalars(
        select(Project)
        .join(ProjectStageEvent, ProjectStageEvent.project_id == Project.id)
        .where(
            ProjectStageEvent.stage == "started", ProjectStageEvent.occurred_on == GROUP_START_DAY
        )
    ).all()
    assert len(started) == 18
    assert sum((p.total_investment_wan for p in started), Decimal(0)) == Decimal(798000)  # 79.8 亿
    sanjia = next(p for p in started if p.name == SANJIA_PROJECT_NAME)
    assert sanjia.total_investment_wan == Decimal(50000)
    assert sanjia.land_mu == Decimal(95)
    assert sanjia.location == "许昌汽车零部件产业园"
    assert "50条生产线" in sanjia.construction_content
    assert sanjia.expected_revenue_wan == Decimal(50000)
    assert sanjia.expected_tax_wan == Decimal(10000)
    company = s.get(Company, sanjia.company_id)
    assert company is not None and company.name.startswith("南京三佳") and company.city == "南京"
    link = s.get(IndustryNode, sanjia.chain_link_id)
    assert link is not None and link.code == "auto.driveline"
    fields = {f.id: f.code for f in s.scalars(select(PlanField))}
    assert len({fields[p.field_id] for p in started}) >= 3


def test_party_school(s: Session) -> None:
    p = s.scalars(select(Project).where(Project.name == PARTY_SCHOOL_PROJECT_NAME)).one()
    assert p.family == "key"
    assert p.land_mu == Decimal("193.68")
    assert p.total_investment_wan == Decimal(43900)
    assert p.location == "五女店镇"
    unit = s.get(Unit, p.unit_id)
    assert unit is not None and unit.name == "五女店镇"
    field = s.get(PlanField, p.field_id)
    assert field is not None and field.code == "social"


# ---------------------------------------------------------------- people, trips and ledgers


def _uscc_ok(code: str) -> bool:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    if len(code) != 18 or any(c not in chars for c in code):
        return False
    total = sum(chars.index(c) * w for c, w in zip(code, weights, strict=False))
    return chars[(31 - total % 31) % 31] == code[17]


def test_companies_and_contacts(s: Session) -> None:
    companies = s.scalars(select(Company)).all()
    assert len({c.name for c in companies}) == len(companies)
    assert any(c.is_local and c.city == "许昌" for c in companies)
    assert any(c.is_target for c in companies)
    assert all(_uscc_ok(c.uscc) for c in companies if c.uscc is not None)
    assert all(re.fullmatch(r".+(有限公司|株式会社|党校)", c.name) for c in companies)
    contacts = s.scalars(select(Contact)).all()
    assert {c.company_id for c in contacts} == {c.id for c in companies}
    assert all(re.fullmatch(r"1[3-9]\d{9}", c.mobile) for c in contacts)


def test_trips_visits_and_the_leads_they_produced(s: Session) -> None:
    dates = stage_dates(s)
    trips = s.scalars(select(Trip)).all()
    destinations = "、".join(t.destinations for t in trips)
    for city in ("深圳", "佛山", "杭州", "南京"):
        assert city in destinations
    for t in trips:
        roles = {m.role for m in s.scalars(select(TripMember).where(TripMember.trip_id == t.id))}
        assert roles == {"leader", "staff"}
    visits = {v.id: v for v in s.scalars(select(Visit))}
    outbound = [v for v in visits.values() if v.kind == "outbound"]
    inbound = [v for v in visits.values() if v.kind == "inbound"]
    assert outbound and inbound
    trip_by_id = {t.id: t for t in trips}
    for v in outbound:
        trip = trip_by_id[v.trip_id]
        assert v.city in trip.destinations and trip.start_on <= v.visited_on <= trip.end_on
    assert all(v.trip_id is None for v in inbound)
    leads = [p for p in live_projects(s).values() if p.source_visit_id is not None]
    assert len(leads) >= 30
    assert {visits[p.source_visit_id].kind for p in leads} == {"outbound", "inbound"}
    for p in leads:
        visit = visits[p.source_visit_id]
        assert visit.company_id == p.company_id
        assert dates[p.id]["lead"] == [visit.visited_on]


def test_task_forces_meetings_and_problems(s: Session) -> None:
    forces = s.scalars(select(TaskForce)).all()
    assert 10 <= len(forces) <= 20
    assert all(f.head_leader and f.deputy and f.liaison and f.lead_unit_id for f in forces)
    key = {p.id: p for _, p in plans(s, 2022)}
    assert all(p.task_force_id is not None for p in key.values())
    followed = {p.task_force_id for p in live_projects(s).values() if p.task_force_id}
    assert followed == {f.id for f in forces}
    meetings = s.scalars(select(WeeklyMeeting).order_by(WeeklyMeeting.held_on)).all()
    assert [m.number for m in meetings] == list(range(1, 19))
    problems = s.scalars(select(Problem)).all()
    assert {p.status for p in problems} >= {"open", "in_progress", "closed"}
    assert {p.source for p in problems} >= {"meeting", "enterprise"}
    assert {p.category for p in problems} <= set(PROBLEM_CATEGORIES)
    for p in problems:
        assert p.deadline is not None and p.deadline >= p.raised_on
        if p.status == "closed":
            assert p.resolution and p.resolved_on is not None
            assert p.raised_on <= p.resolved_on <= DEMO_AS_OF
    overdue = [p for p in problems if p.status != "closed" and p.deadline < DEMO_AS_OF]
    assert overdue
    closed_at_meetings = [p for p in problems if p.source == "meeting" and p.status == "closed"]
    assert len(closed_at_meetings) == 196
    enterprise = [p for p in problems if p.source == "enterprise" and p.status == "closed"]
    assert len(enterprise) == 265


def test_summary_counts_what_was_written(demo: tuple[Database, DemoSummary], s: Session) -> None:
    summary = demo[1]

    def count(model: type) -> int:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)

    assert summary.projects == count(Project)
    assert 200 <= summary.projects <= 500
    assert summary.companies == count(Company)
    assert summary.contacts == count(Contact)
    assert summary.trips == count(Trip)
    assert summary.visits == count(Visit)
    assert summary.stage_events == count(ProjectStageEvent)
    assert summary.funds_records == count(FundsInPlace)
    assert summary.key_plans == count(KeyProjectPlan)
    assert summary.monthly_investments == count(MonthlyInvestment)
    assert summary.task_forces == count(TaskForce)
    assert summary.weekly_meetings == count(WeeklyMeeting)
    assert summary.problems == count(Problem)
    assert s.get(AppMeta, "demo_as_of").value == DEMO_AS_OF.isoformat() == "2022-03-31"
    assert s.get(AppMeta, "demo_seed").value == "20220331"


# ---------------------------------------------------------------- determinism and refusal


def _content(db: Database) -> tuple[list[tuple], list[tuple]]:
    with db.session(readonly=True) as s:
        events = events_by_project(s)
        projects = sorted(
            (
                p.name,
                p.total_investment_wan,
                p.stage,
                p.location,
                p.leader_in_charge,
                tuple(sorted((e.stage, e.occurred_on) for e in events[p.id])),
            )
            for p in live_projects(s).values()
        )
        others = sorted(
            [(c.name, c.uscc, c.city) for c in s.scalars(select(Company))]
            + [
                (f.received_on, f.amount_wan, f.fdi_usd_wan)
                for f in s.scalars(select(FundsInPlace))
            ]
            + [(m.year, m.month, m.completed_wan) for m in s.scalars(select(MonthlyInvestment))]
            + [(p.description, p.raised_on, p.status) for p in s.scalars(select(Problem))],
            key=repr,
        )
    return projects, others


def test_same_seed_gives_the_same_data(db: Database, tmp_path: Path) -> None:
    other = open_db(tmp_path / "other.sqlite")
    upgrade(other)
    try:
        with db.session() as s1:
            first = generate_demo_data(s1, seed=7)
        with other.session() as s2:
            second = generate_demo_data(s2, seed=7)
        assert first == second
        assert _content(db) == _content(other)
    finally:
        other.dispose()


def test_another_seed_gives_other_data_with_the_same_figures(db: Database) -> None:
    with db.session() as s:
        generate_demo_data(s, seed=1)
    with db.session(readonly=True) as s:
        m = compute_metrics(s, 2021, END_2021)
        names = {p.name for p in live_projects(s).values()}
    assert (m["signed_count"], m["signed_investment_wan"], m["funds_in_place_wan"]) == (
        90,
        Decimal(2844800),
        Decimal(626200),
    )
    assert (m["performing_count"], m["started_count"], m["operating_count"]) == (66, 64, 30)
    assert len(names - {SANJIA_PROJECT_NAME, PARTY_SCHOOL_PROJECT_NAME}) > 250


def test_refuses_a_database_that_already_holds_projects(db: Database) -> None:
    with db.session() as s:
        s.add(Project(name="已有项目", family="attraction", total_investment_wan=Decimal(1)))
    with db.session() as s, pytest.raises(DemoDataError, match="数据库中已有项目"):
        generate_demo_data(s)
    with db.session(readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 1
        assert s.scalar(select(func.count()).select_from(Company)) == 0
    assert issubclass(DemoDataError, ValueError)


def test_refuses_to_run_twice(db: Database) -> None:
    with db.session() as s:
        generate_demo_data(s)
    with db.session() as s, pytest.raises(DemoDataError):
        generate_demo_data(s)


def test_demo_projects_are_searchable_and_listable(db):
    from jianan_desk.services.demo import SANJIA_PROJECT_NAME, generate_demo_data
    from jianan_desk.services.project_query import ProjectFilter, count_and_sum, fetch_page

    with db.session() as s:
        generate_demo_data(s)
    with db.session(readonly=True) as s:
        assert s.query(Project).filter(Project.search_key.is_(None)).count() == 0
        rows = fetch_page(s, ProjectFilter(text="sanjia"), "name", False, 0, 50)
        assert SANJIA_PROJECT_NAME in [r.name for r in rows]
        count, total = count_and_sum(s, ProjectFilter(signed_year=2021, families=("attraction",)))
        assert count == 90 and total == Decimal(2844800)
