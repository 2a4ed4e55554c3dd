import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from jianan_desk.domain.pace import PRESETS, profile_text
from jianan_desk.services.targets import (
    TargetError,
    copy_targets,
    live_targets,
    set_target,
    target_progress,
)
from jianan_desk.store.models import Project, ProjectStageEvent


def test_2022_plans_are_shipped(db):
    with db.session(readonly=True) as s:
        plans = {(t.plan, t.metric_key) for t in live_targets(s, 2022)}
    assert ("1366", "signed_over_100m_count") in plans
    assert ("1366", "fdi_growth_rate") in plans
    assert ("5122", "completed_investment_wan") in plans
    assert len(plans) == 7


def test_copy_last_years_targets_is_one_action_and_keeps_edits(db):
    with db.session() as s:
        set_target(s, year=2023, plan="1366", metric_key="start_rate", value=Decimal("0.65"))
        assert copy_targets(s, 2022, 2023) == 6
        assert copy_targets(s, 2022, 2023) == 0
    with db.session(readonly=True) as s:
        by_key = {t.metric_key: t.target_value for t in live_targets(s, 2023)}
    assert by_key["start_rate"] == Decimal("0.65")
    assert by_key["signed_investment_wan"] == Decimal(3000000)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"metric_key": "nonsense", "value": Decimal(1)}, "未知的指标"),
        ({"metric_key": "signed_count", "value": Decimal(-1)}, "负数"),
        ({"metric_key": "start_rate", "value": Decimal(60)}, "小数"),
    ],
)
def test_bad_targets_are_refused_in_chinese(db, kwargs, message):
    with pytest.raises(TargetError, match=message), db.session() as s:
        set_target(s, year=2022, plan="1366", **kwargs)


def test_copy_from_an_empty_year(db):
    with pytest.raises(TargetError, match="没有可复制"), db.session() as s:
        copy_targets(s, 2030, 2031)


def test_progress_and_pace(db):
    with db.session() as s:
        for i, day in enumerate([dt.date(2022, 1, 10), dt.date(2022, 2, 10)]):
            p = Project(name=f"p{i}", total_investment_wan=Decimal(600000), stage="signed")
            s.add(p)
            s.flush()
            s.add(ProjectStageEvent(project_id=p.id, stage="signed", occurred_on=day))
    with db.session(readonly=True) as s:
        rows = {r.metric_key: r for r in target_progress(s, 2022, dt.date(2022, 3, 31))}
    invested = rows["signed_investment_wan"]
    assert invested.value == Decimal(1200000)
    assert invested.pace.reached == Decimal("0.4")
    assert invested.pace.ahead  # 120 亿 against ~74 亿 expected by 31 March
    rate = rows["start_rate"]
    assert rate.value == 0 and rate.pace.expected == Decimal("0.6") and not rate.pace.ahead
    assert rows["fdi_growth_rate"].value is None and rows["fdi_growth_rate"].pace is None


def _signed_projects(s, days_and_amounts):
    for i, (day, amount) in enumerate(days_and_amounts):
        p = Project(name=f"q{i}", total_investment_wan=Decimal(amount), stage="signed")
        s.add(p)
        s.flush()
        s.add(ProjectStageEvent(project_id=p.id, stage="signed", occurred_on=day))


def test_a_monthly_profile_is_stored_used_and_copied(db):
    back_loaded = PRESETS["前低后高"]
    with db.session() as s:
        _signed_projects(s, [(dt.date(2022, 2, 10), 500000)])
        t = set_target(
            s,
            year=2022,
            plan="1366",
            metric_key="signed_investment_wan",
            value=Decimal(3000000),
            profile=back_loaded,
        )
        assert t.monthly_profile == profile_text(back_loaded)
        # Changing the value keeps the stored profile.
        set_target(
            s, year=2022, plan="1366", metric_key="signed_investment_wan", value=Decimal(2000000)
        )
        assert t.monthly_profile == profile_text(back_loaded)
        assert copy_targets(s, 2022, 2023) == 7
    with db.session(readonly=True) as s:
        rows = {r.metric_key: r for r in target_progress(s, 2022, dt.date(2022, 3, 31))}
        copied = {t.metric_key: t for t in live_targets(s, 2023)}
    invested = rows["signed_investment_wan"]
    assert invested.profile == back_loaded
    assert invested.pace.expected == Decimal(2000000) * Decimal("0.15")
    assert rows["signed_over_100m_count"].profile is None  # linear
    assert copied["signed_investment_wan"].monthly_profile == profile_text(back_loaded)


def test_a_bad_profile_is_refused_and_an_unreadable_one_reads_as_linear(db):
    with pytest.raises(TargetError, match="100%"), db.session() as s:
        set_target(
            s,
            year=2022,
            plan="1366",
            metric_key="signed_count",
            value=Decimal(10),
            profile=(Decimal("0.5"),) * 12,
        )
    with db.session() as s:
        target = next(t for t in live_targets(s, 2022) if t.metric_key == "signed_over_100m_count")
        target.monthly_profile = "[1, 2"
    with db.session(readonly=True) as s:
        rows = {r.metric_key: r for r in target_progress(s, 2022, dt.date(2022, 6, 30))}
    assert rows["signed_over_100m_count"].profile is None
    assert rows["signed_over_100m_count"].pace is not None


def test_the_editor_save_writes_profiles_and_the_change_log(db):
    from sqlalchemy import select

    from jianan_desk.services.dashboard import load_dashboard, save_year_targets, target_drafts
    from jianan_desk.store.models import ChangeLog

    quarterly = PRESETS["季度均衡"]
    with db.session() as s:
        drafts = target_drafts(s, 2022)
        drafts = [replace(d, profile=quarterly) if d.metric_key == "signed_investment_wan" else d
                  for d in drafts[1:]]  # fmt: skip
        save_year_targets(s, 2022, drafts, actor="王科长")
    with db.session(readonly=True) as s:
        saved = {d.metric_key: d for d in target_drafts(s, 2022)}
        log = list(s.scalars(select(ChangeLog).where(ChangeLog.entity == "annual_target")))
        dash = load_dashboard(s, 2022, dt.date(2022, 12, 31))
    assert saved["signed_investment_wan"].profile == quarterly
    assert {e.action for e in log} == {"update", "delete"}
    assert all(e.actor == "王科长" for e in log)
    assert any("monthly_profile" in e.changes for e in log)
    # The dashboard's target line follows the profile: 25 % by the end of March.
    assert dash.signed.line is not None
    assert dash.signed.line[2] == dash.signed.line_total * Decimal("0.25")
