"""The dashboard's data: every figure equals the metrics engine's, the series add up, the
funnel follows its definition, and the lists pick exactly the overdue and the due."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from jianan_desk.domain.metrics import METRIC_KEYS
from jianan_desk.domain.pace import elapsed_fraction
from jianan_desk.domain.stages import Stage
from jianan_desk.services.dashboard import (
    TargetDraft,
    available_years,
    copy_drafts,
    default_year,
    draft_problems,
    load_dashboard,
    load_figure_records,
    save_year_targets,
    target_drafts,
)
from jianan_desk.services.metrics import compute_metrics, compute_metrics_by
from jianan_desk.services.problems import list_overdue_problems
from jianan_desk.services.targets import TargetError, set_target, target_progress
from jianan_desk.store.models import (
    AnnualTarget,
    Company,
    FundsInPlace,
    IndustryNode,
    KeyProjectPlan,
    MonthlyInvestment,
    PlanField,
    Problem,
    Project,
    ProjectStageEvent,
    Visit,
)
from jianan_desk.store.types import utcnow

D = dt.date


def add_project(s, name, total, events, *, family="attraction", deleted=False, **fields):
    p = Project(name=name, family=family, total_investment_wan=Decimal(total), **fields)
    if deleted:
        p.deleted_at = utcnow()
    s.add(p)
    s.flush()
    for stage, day in events:
        s.add(ProjectStageEvent(project_id=p.id, stage=stage, occurred_on=day))
    s.flush()
    return p


@pytest.fixture
def built(db):
    """A small hand-built year: 2022, with a few projects of each kind."""
    with db.session() as s:
        industries = list(
            s.scalars(select(IndustryNode.id).where(IndustryNode.level == "industry").limit(2))
        )
        fields = list(s.scalars(select(PlanField.id).order_by(PlanField.sort_order).limit(2)))
        # Signed in January and March 2022; one performs and starts, one operates by June.
        add_project(
            s,
            "甲",
            15000,
            [("lead", D(2021, 11, 2)), ("negotiating", D(2021, 12, 1)), ("signed", D(2022, 1, 10)),
             ("performing", D(2022, 2, 1)), ("started", D(2022, 4, 1))],
            industry_node_id=industries[0],
            field_id=fields[0],
        )  # fmt: skip
        add_project(
            s,
            "乙",
            "2500.5",
            [("lead", D(2022, 1, 5)), ("negotiating", D(2022, 2, 1)), ("signed", D(2022, 3, 31)),
             ("performing", D(2022, 4, 1)), ("started", D(2022, 5, 1)),
             ("operating", D(2022, 6, 30))],
            industry_node_id=industries[1],
        )  # fmt: skip
        # A lead and a talk of 2022 that did not sign; a lead of 2021 (not in the funnel).
        add_project(s, "丙", 800, [("lead", D(2022, 2, 3))])
        add_project(s, "丁", 900, [("lead", D(2021, 5, 3)), ("negotiating", D(2022, 3, 3))])
        add_project(s, "戊", 700, [("lead", D(2021, 5, 3))])
        # Not counted anywhere: a deleted project and a key project's signing.
        add_project(
            s, "删", 5000, [("lead", D(2022, 1, 1)), ("signed", D(2022, 1, 2))], deleted=True
        )
        key = add_project(
            s, "重点", 120000, [("lead", D(2021, 1, 1)), ("signed", D(2022, 1, 3))], family="key"
        )
        # Signed in 2021: counts for 2021 only.
        add_project(s, "旧", 3000, [("lead", D(2021, 1, 4)), ("signed", D(2021, 6, 1))])
        s.add(KeyProjectPlan(project_id=key.id, year=2022, planned_investment_wan=Decimal(24000)))
        for month, amount in ((1, "1000"), (2, "2500.25"), (3, "3000"), (7, "100")):
            s.add(
                MonthlyInvestment(
                    project_id=key.id, year=2022, month=month, completed_wan=Decimal(amount)
                )
            )
        s.add(FundsInPlace(project_id=key.id, received_on=D(2022, 2, 1), amount_wan=Decimal(300)))
        set_target(
            s, year=2022, plan="1366", metric_key="signed_investment_wan", value=Decimal(36500)
        )
    return db


AS_OFS = [D(2022, 1, 9), D(2022, 1, 10), D(2022, 3, 30), D(2022, 3, 31), D(2022, 6, 30),
          D(2022, 12, 31), D(2023, 2, 1)]  # fmt: skip


@pytest.mark.parametrize("as_of", AS_OFS)
def test_figures_equal_the_metrics_engine(built, as_of):
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, as_of)
        assert d.metrics == compute_metrics(s, 2022, as_of)
        assert list(d.targets) == target_progress(s, 2022, as_of)
        for by, mine in (("industry", d.by_industry), ("field", d.by_field)):
            engine = {
                g.group_id: (g.values["signed_investment_wan"], g.values["signed_count"])
                for g in compute_metrics_by(s, 2022, by, as_of)
                if g.values["signed_count"]
            }
            assert {g.group_id: (g.amount, g.count) for g in mine} == engine


def test_cumulative_curve_ends_at_signed_investment(built):
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 12, 31))
    assert d.signed.last_month == 12
    assert d.signed.monthly[0] == Decimal(15000)
    assert d.signed.monthly[2] == Decimal("2500.5")
    assert d.signed.cumulative[11] == d.signed.total == d.metrics["signed_investment_wan"]
    assert d.signed.total == Decimal("17500.5")
    # The target line: 36,500 万元 spread over the days of the year (as pace computes it).
    assert d.signed.line_total == Decimal(36500)
    assert d.signed.line[11] == Decimal(36500)
    assert d.signed.line[0] == Decimal(36500) * elapsed_fraction(2022, D(2022, 1, 31))
    assert d.signed.line[0] == Decimal("3100.018")  # 31/365 of the target, to 6 places


def test_series_stop_at_the_reporting_month(built):
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 3, 15))
    assert d.signed.last_month == d.completed.last_month == 3
    assert d.signed.total == Decimal(15000)  # 乙 signs on 31 March
    assert d.completed.monthly[:3] == (Decimal(1000), Decimal("2500.25"), Decimal(3000))
    assert d.completed.total == d.metrics["completed_investment_wan"] == Decimal("6500.25")
    assert d.completed.line_total == Decimal(24000)
    assert d.completed.line[2] == Decimal(6000)  # a quarter of the annual plan by March


def test_funnel_follows_its_definition(built):
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 12, 31))
        m = compute_metrics(s, 2022, D(2022, 12, 31))
    counts = {step.stage: step.count for step in d.funnel}
    # 线索: 甲 (signed), 乙, 丙, 丁 (a talk in 2022); not 戊 (lead in 2021 only), not the
    # deleted or key projects.
    assert counts[Stage.LEAD] == 4
    assert counts[Stage.NEGOTIATING] == 3  # 甲 and 乙 signed, 丁 talked
    assert counts[Stage.SIGNED] == m["signed_count"] == 2
    assert counts[Stage.PERFORMING] == m["performing_count"] == 2
    assert counts[Stage.STARTED] == m["started_count"] == 2
    assert counts[Stage.OPERATING] == m["operating_count"] == 1
    assert [step.label for step in d.funnel] == [
        "线索",
        "洽谈",
        "签约",
        "履约",
        "开工",
        "投产/运营",
    ]
    values = [step.count for step in d.funnel]
    assert values == sorted(values, reverse=True)


def test_overdue_problems(built):
    with built.session() as s:
        project = s.scalar(select(Project).where(Project.name == "甲"))

        def problem(text, deadline, status="open", resolved=None, **kw):
            s.add(
                Problem(
                    project_id=project.id,
                    raised_on=D(2022, 1, 1),
                    description=text,
                    deadline=deadline,
                    status=status,
                    resolved_on=resolved,
                    resolution="已解决" if status == "closed" else "",
                    **kw,
                )
            )

        problem("逾期最久", D(2022, 2, 1), responsible_person="张三")
        problem("办理中逾期", D(2022, 3, 1), "in_progress")
        problem("未到期", D(2022, 3, 31))
        problem("按期销号", D(2022, 2, 1), "closed", D(2022, 1, 30))
        problem("统计日后才销号", D(2022, 2, 15), "closed", D(2022, 4, 2))
        problem("已挂起", D(2022, 2, 1), "suspended")
        problem("已删除", D(2022, 2, 1), deleted_at=utcnow())
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 3, 31))
        ledger = list_overdue_problems(s, D(2022, 3, 31))
    # The problem ledger's own definition of 超期 (suspended problems are not overdue).
    assert list(d.overdue_problems) == ledger
    assert [p.description for p in d.overdue_problems] == [
        "逾期最久",
        "统计日后才销号",
        "办理中逾期",
    ]
    assert d.overdue_total == 3
    assert d.overdue_problems[0].days_overdue == 58
    assert d.overdue_problems[0].project_name == "甲"
    assert d.overdue_problems[0].responsible_person == "张三"


def test_overdue_total_counts_beyond_the_list(built, monkeypatch):
    import jianan_desk.services.dashboard as dashboard

    monkeypatch.setattr(dashboard, "LIST_LIMIT", 2)
    with built.session() as s:
        for n in range(3):
            s.add(
                Problem(raised_on=D(2022, 1, 1), description=f"问题{n}", deadline=D(2022, 2, n + 1))
            )
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 3, 31))
    assert len(d.overdue_problems) == 2 and d.overdue_total == 3


def test_stale_targets(built):
    from jianan_desk.store.models import TargetCompany

    with built.session() as s:
        link = s.scalar(select(IndustryNode).where(IndustryNode.level == "link").limit(1))
        companies = [
            Company(name=n) for n in ("久未联系公司", "从未联系公司", "近期拜访公司", "已签约公司")
        ]
        s.add_all(companies)
        s.flush()
        for company, priority, status in zip(
            companies, (2, 1, 1, 1), ("contacted", "untouched", "contacted", "signed"), strict=True
        ):
            s.add(
                TargetCompany(
                    company_id=company.id,
                    chain_link_id=link.id,
                    priority=priority,
                    follower="王五",
                    status=status,
                )
            )
        s.add(Visit(company_id=companies[0].id, visited_on=D(2021, 10, 1), recorded_by="王五"))
        s.add(Visit(company_id=companies[2].id, visited_on=D(2022, 3, 1), recorded_by="王五"))
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 3, 31))
    names = [t.company_name for t in d.stale_targets]
    assert names == ["从未联系公司", "久未联系公司"]
    never, old = d.stale_targets
    assert never.days_since is None and never.priority == "A"
    assert old.last_contact_on == D(2021, 10, 1) and old.days_since == 181
    assert old.chain_link_name == link.name and not d.stale_more


def test_follow_ups_due(built):
    with built.session() as s:
        a, b, c = (Company(name=n) for n in ("甲公司", "乙公司", "丙公司"))
        s.add_all([a, b, c])
        s.flush()

        def visit(company, on, follow_up=None):
            s.add(Visit(company_id=company.id, visited_on=on, follow_up_on=follow_up))

        visit(a, D(2022, 3, 1), D(2022, 3, 20))  # due, overdue by 11 days
        visit(b, D(2022, 3, 1), D(2022, 3, 20))  # done: visited again on 25 March
        visit(b, D(2022, 3, 25))
        visit(c, D(2022, 3, 10), D(2022, 4, 7))  # due within the coming week
        visit(c, D(2022, 3, 11), D(2022, 4, 8))  # a day too late: not yet due
        visit(c, D(2022, 4, 2))  # after the reporting date: does not count as done
        visit(a, D(2021, 10, 1), D(2021, 12, 1))  # lapsed: more than 90 days ago
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 3, 31))
    # 丙's visit of 10 March was followed by its own visit of 11 March, so only that is due.
    assert [(f.company_name, f.days_left) for f in d.follow_ups] == [("甲公司", -11)]
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 4, 1))
    assert [(f.company_name, f.days_left) for f in d.follow_ups] == [
        ("甲公司", -12),
        ("丙公司", 7),
    ]
    assert d.follow_ups_total == 2


def test_empty_database(db):
    with db.session(readonly=True) as s:
        d = load_dashboard(s, 2026, D(2026, 6, 30))
        assert d.metrics == compute_metrics(s, 2026, D(2026, 6, 30))
    assert d.is_empty
    assert d.targets == ()
    assert all(step.count == 0 for step in d.funnel)
    assert d.signed.total == 0 and d.signed.line is None
    assert d.completed.line is None and d.completed.total == 0
    assert d.by_industry == () and d.by_field == ()
    assert d.overdue_problems == () and d.follow_ups == ()
    assert d.overdue_total == d.follow_ups_total == 0
    assert d.stale_targets == () and not d.stale_more


def test_default_year_and_years(db):
    today = D(2026, 5, 1)
    with db.session(readonly=True) as s:
        assert default_year(s, today) == 2026
        years = available_years(s, today)
    assert years[0] == 2026 and 2022 in years  # this year and the shipped 2022 targets
    assert list(years) == sorted(years, reverse=True)


def test_load_defaults_to_the_year_end_of_a_past_year(db):
    with db.session(readonly=True) as s:
        d = load_dashboard(s, 2022, today=D(2026, 5, 1))
    assert d.as_of == D(2022, 12, 31)


# ---------------------------------------------------------------- the records behind a figure


@pytest.mark.parametrize("key", METRIC_KEYS)
def test_records_add_up_to_every_figure(built, key):
    as_of = D(2022, 6, 30)
    with built.session() as s:
        key_project = s.scalar(select(Project).where(Project.name == "重点"))
        s.add(
            FundsInPlace(
                project_id=key_project.id,
                received_on=D(2021, 3, 1),
                amount_wan=Decimal(10),
                fdi_usd_wan=Decimal(40),
            )
        )
        s.add(
            FundsInPlace(
                project_id=key_project.id,
                received_on=D(2022, 3, 1),
                amount_wan=Decimal(10),
                fdi_usd_wan=Decimal(50),
            )
        )
    with built.session(readonly=True) as s:
        figure = compute_metrics(s, 2022, as_of)[key]
        records = load_figure_records(s, key, 2022, as_of)
    assert records.value == figure


# ---------------------------------------------------------------- editing targets


def test_draft_problems_in_chinese():
    drafts = [
        TargetDraft("1366", "signed_count", Decimal(100)),
        TargetDraft("", "signed_count", Decimal(1)),
        TargetDraft("1366", "", Decimal(1)),
        TargetDraft("1366", "start_rate", None),
        TargetDraft("1366", "signed_over_100m_count", Decimal(-1)),
        TargetDraft("5122", "start_rate", Decimal(11)),
        TargetDraft("5122", "key_project_count", Decimal("10.5")),
        TargetDraft("1366", "signed_count", Decimal(90)),
    ]
    problems = draft_problems(drafts)
    assert problems == [
        "第 2 行：请填写所属计划（如 1366、5122）",
        "第 3 行：请选择指标",
        "第 4 行：请填写目标值",
        "第 5 行：目标值不能为负数",
        "第 6 行：比率目标不能超过 1000%",
        "第 7 行：个数目标须为整数",
        "第 8 行与第 1 行重复：同一计划中每个指标只能设一个目标",
    ]
    assert draft_problems(drafts[:1]) == []


def test_save_year_targets_replaces_the_year_and_soft_deletes(db):
    with db.session(readonly=True) as s:
        before = target_drafts(s, 2022)
    assert len(before) == 7
    edited = [
        TargetDraft("5122", "completed_investment_wan", Decimal(2100000), "完成年度投资"),
        *[d for d in before if d.metric_key not in ("completed_investment_wan", "start_rate")],
    ]
    with db.session() as s:
        assert save_year_targets(s, 2022, edited) == 6
    with db.session(readonly=True) as s:
        after = target_drafts(s, 2022)
        removed = s.scalar(
            select(AnnualTarget).where(
                AnnualTarget.year == 2022, AnnualTarget.metric_key == "start_rate"
            )
        )
    assert [d.metric_key for d in after] == [d.metric_key for d in edited]
    assert after[0].value == Decimal(2100000)
    assert removed is not None and removed.deleted_at is not None
    # Saving it again brings the removed target back (the same row, revived).
    with db.session() as s:
        save_year_targets(s, 2022, [*after, TargetDraft("1366", "start_rate", Decimal("0.6"))])
    with db.session(readonly=True) as s:
        assert len(target_drafts(s, 2022)) == 7


def test_save_refuses_invalid_rows(db):
    with pytest.raises(TargetError, match="请选择指标"), db.session() as s:
        save_year_targets(s, 2022, [TargetDraft("1366", "", Decimal(1))])


def test_copy_drafts_adds_only_what_is_missing():
    current = [TargetDraft("1366", "start_rate", Decimal("0.65"))]
    source = [
        TargetDraft("1366", "start_rate", Decimal("0.6")),
        TargetDraft("1366", "signed_count", Decimal(100)),
    ]
    assert copy_drafts(current, source) == [current[0], source[1]]


def test_deleted_projects_records_are_left_out(built):
    with built.session() as s:
        for i in range(3):
            p = add_project(s, f"删{i}", 100, [("lead", D(2022, 1, 1))], deleted=True)
            s.add(FundsInPlace(project_id=p.id, received_on=D(2022, 3, 1), amount_wan=Decimal(i)))
            s.add(MonthlyInvestment(project_id=p.id, year=2022, month=2, completed_wan=Decimal(7)))
    as_of = D(2022, 12, 31)
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, as_of)
        assert d.metrics == compute_metrics(s, 2022, as_of)
    assert d.metrics["funds_in_place_wan"] == Decimal(300)
    assert d.completed.monthly[1] == Decimal("2500.25")


def test_follow_ups_total_counts_beyond_the_list_and_skips_deleted(built, monkeypatch):
    import jianan_desk.services.dashboard as dashboard

    monkeypatch.setattr(dashboard, "LIST_LIMIT", 2)
    with built.session() as s:
        live, gone = Company(name="在册公司"), Company(name="已删公司", deleted_at=utcnow())
        s.add_all([live, gone])
        s.flush()
        for day in (20, 21, 22):  # three due, of three companies' worth of dates
            s.add(Visit(visited_on=D(2022, 3, day - 10), follow_up_on=D(2022, 3, day), city="深圳"))
        s.add(Visit(company_id=live.id, visited_on=D(2022, 3, 1), follow_up_on=D(2022, 3, 25)))
        s.add(Visit(company_id=gone.id, visited_on=D(2022, 3, 1), follow_up_on=D(2022, 3, 19)))
        s.add(Visit(visited_on=D(2022, 3, 1), follow_up_on=D(2022, 3, 18), deleted_at=utcnow()))
    with built.session(readonly=True) as s:
        d = load_dashboard(s, 2022, D(2022, 3, 31))
    assert d.follow_ups_total == 4  # the deleted visit and the deleted company's are left out
    assert [(f.company_name, f.follow_up_on) for f in d.follow_ups] == [
        ("（深圳客商）", D(2022, 3, 20)),
        ("（深圳客商）", D(2022, 3, 21)),
    ]


@pytest.mark.sqlite_only(reason="the second connection is for SQLite files only")
def test_cohort_runs_on_a_second_connection_only_for_read_only_file_sessions(built, monkeypatch):
    import threading

    import jianan_desk.services.dashboard as dashboard

    seen: list[tuple[str, int]] = []
    original = dashboard._cohort_rows

    def spy(session, year, as_of):
        seen.append((threading.current_thread().name, id(session)))
        return original(session, year, as_of)

    monkeypatch.setattr(dashboard, "_cohort_rows", spy)
    monkeypatch.setattr(dashboard, "PARALLEL", True)
    as_of = D(2022, 12, 31)
    with built.session(readonly=True) as s:
        apart = load_dashboard(s, 2022, as_of)
        assert seen[-1][0].startswith("dashboard-cohort") and seen[-1][1] != id(s)
        monkeypatch.setattr(dashboard, "PARALLEL", False)
        alone = load_dashboard(s, 2022, as_of)
        assert seen[-1] == (threading.current_thread().name, id(s))
        assert apart == alone and apart.metrics == compute_metrics(s, 2022, as_of)
    monkeypatch.setattr(dashboard, "PARALLEL", True)
    with built.session() as s:  # may hold uncommitted writes: everything on its connection
        load_dashboard(s, 2022, as_of)
        assert seen[-1] == (threading.current_thread().name, id(s))
