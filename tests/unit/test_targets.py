import datetime as dt
from decimal import Decimal

import pytest

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
