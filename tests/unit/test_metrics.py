"""The metrics engine against hand-built records whose answers are known."""

import datetime as dt
from decimal import Decimal

import pytest

from jianan_desk.domain.metrics import METRIC_KEYS
from jianan_desk.services.metrics import (
    cohort_project_ids,
    compute_metrics,
    default_as_of,
)
from jianan_desk.store.models import (
    FundsInPlace,
    KeyProjectPlan,
    MonthlyInvestment,
    Project,
    ProjectStageEvent,
)
from jianan_desk.store.types import utcnow

D = dt.date


def add_project(s, name, total, events, family="attraction", deleted=False):
    p = Project(name=name, family=family, total_investment_wan=Decimal(total))
    if deleted:
        p.deleted_at = utcnow()
    s.add(p)
    s.flush()
    for stage, day in events:
        s.add(ProjectStageEvent(project_id=p.id, stage=stage, occurred_on=day))
    p.stage = events[-1][0] if events else "lead"
    return p


@pytest.fixture
def sample(db):
    with db.session() as s:
        a = add_project(
            s,
            "A 亿元以上 投产",
            "20000",
            [
                ("signed", D(2021, 2, 1)),
                ("performing", D(2021, 3, 1)),
                ("started", D(2021, 4, 1)),
                ("operating", D(2021, 11, 1)),
            ],
        )
        add_project(
            s, "B 履约", "5000.5", [("signed", D(2021, 6, 1)), ("performing", D(2021, 7, 1))]
        )
        add_project(
            s, "C 次年开工", "10000", [("signed", D(2021, 12, 31)), ("started", D(2022, 1, 4))]
        )
        add_project(
            s, "D 上年签约", "99999", [("signed", D(2020, 12, 31)), ("started", D(2021, 1, 5))]
        )
        add_project(s, "E 已删除", "77777", [("signed", D(2021, 5, 5))], deleted=True)
        add_project(s, "F 重点非招商", "300000", [("signed", D(2021, 5, 5))], family="key")
        add_project(
            s, "G 签约后终止", "100", [("signed", D(2021, 8, 1)), ("dropped", D(2021, 9, 1))]
        )
        add_project(s, "H 线索", "1", [("lead", D(2021, 8, 1))])
        s.add(
            FundsInPlace(
                project_id=a.id,
                received_on=D(2021, 3, 1),
                amount_wan=Decimal("1000.25"),
                fdi_usd_wan=Decimal(110),
            )
        )
        s.add(
            FundsInPlace(
                project_id=a.id,
                received_on=D(2022, 1, 2),
                amount_wan=Decimal(5),
                fdi_usd_wan=Decimal(1),
            )
        )
        s.add(
            FundsInPlace(
                project_id=a.id,
                received_on=D(2020, 3, 1),
                amount_wan=Decimal(7),
                fdi_usd_wan=Decimal(100),
            )
        )
        k = add_project(s, "K 重点", "150000", [("started", D(2020, 5, 1))], family="key")
        s.add(KeyProjectPlan(project_id=k.id, year=2021, planned_investment_wan=Decimal(50000)))
        s.add(KeyProjectPlan(project_id=a.id, year=2021, planned_investment_wan=Decimal(10000)))
        for month in range(1, 13):
            s.add(
                MonthlyInvestment(
                    project_id=k.id, year=2021, month=month, completed_wan=Decimal(1000)
                )
            )
    return db


def test_every_key_is_computed(sample):
    with sample.session(readonly=True) as s:
        values = compute_metrics(s, 2021)
    assert set(values) == set(METRIC_KEYS)


def test_year_end_figures(sample):
    with sample.session(readonly=True) as s:
        m = compute_metrics(s, 2021, D(2021, 12, 31))
    # A, B, C, G signed in 2021 (D was 2020, E deleted, F not 招商引资, H never signed)
    assert m["signed_count"] == 4
    assert m["signed_over_100m_count"] == 2  # A (2亿), C (exactly 1亿)
    assert m["signed_investment_wan"] == Decimal("35100.5")
    assert m["performing_count"] == 2  # A, B
    assert m["started_count"] == 1  # A; C starts in 2022
    assert m["operating_count"] == 1
    assert m["performance_rate"] == Decimal("0.5")
    assert m["start_rate"] == Decimal("0.25")
    assert m["funds_in_place_wan"] == Decimal("1000.25")
    assert m["fdi_usd_wan"] == Decimal(110)
    assert m["fdi_growth_rate"] == Decimal("0.1")
    assert m["key_project_count"] == 2
    assert m["key_over_1b_count"] == 1
    assert m["completed_investment_wan"] == Decimal(12000)


def test_as_of_moves_stage_counts_but_not_the_cohort(sample):
    with sample.session(readonly=True) as s:
        later = compute_metrics(s, 2021, D(2022, 3, 31))
        mid = compute_metrics(s, 2021, D(2021, 6, 30))
    assert later["signed_count"] == 4
    assert later["started_count"] == 2  # C started 2022-01-04
    assert mid["signed_count"] == 2  # only A and B had signed by June
    assert mid["completed_investment_wan"] == Decimal(6000)
    assert mid["funds_in_place_wan"] == Decimal("1000.25")


def test_growth_rate_is_undefined_without_previous_year(db):
    with db.session(readonly=True) as s:
        m = compute_metrics(s, 2021)
    assert m["fdi_growth_rate"] is None
    assert m["start_rate"] is None
    assert m["signed_count"] == 0


def test_figures_are_traceable_to_their_projects(sample):
    with sample.session(readonly=True) as s:
        ids = cohort_project_ids(s, 2021, D(2021, 12, 31))
        projects = [s.get(Project, i) for i in ids]
        m = compute_metrics(s, 2021, D(2021, 12, 31))
    assert len(ids) == m["signed_count"]
    assert sum(p.total_investment_wan for p in projects) == m["signed_investment_wan"]
    assert sorted(p.name[0] for p in projects) == ["A", "B", "C", "G"]


def test_duplicate_signing_events_count_once(sample):
    with sample.session() as s:
        p = s.query(Project).filter(Project.name.startswith("B")).one()
        s.add(ProjectStageEvent(project_id=p.id, stage="signed", occurred_on=D(2021, 6, 2)))
    with sample.session(readonly=True) as s:
        assert compute_metrics(s, 2021, D(2021, 12, 31))["signed_count"] == 4


def test_default_as_of():
    assert default_as_of(2021, today=D(2026, 11, 29)) == D(2021, 12, 31)
    assert default_as_of(2026, today=D(2026, 11, 29)) == D(2026, 11, 29)


COUNT_KEYS = [k for k in METRIC_KEYS if k.endswith("_count")]
SUM_KEYS = [k for k in METRIC_KEYS if k.endswith("_wan")]


def test_every_figure_equals_its_records(sample):
    from jianan_desk.services.metrics import metric_records

    for as_of in (D(2021, 6, 30), D(2021, 12, 31), D(2022, 3, 31)):
        with sample.session(readonly=True) as s:
            m = compute_metrics(s, 2021, as_of)
            for key in COUNT_KEYS:
                assert len(metric_records(s, key, 2021, as_of)) == m[key], key
            for key in SUM_KEYS:
                records = metric_records(s, key, 2021, as_of)
                assert sum((r.amount for r in records), Decimal(0)) == m[key], key
            fdi = metric_records(s, "fdi_usd_wan", 2021, as_of)
            assert sum(r.amount for r in fdi) == m["fdi_usd_wan"]


def test_breakdown_groups_sum_to_the_totals(sample):
    from jianan_desk.services.metrics import compute_metrics_by
    from jianan_desk.store.models import Unit

    with sample.session() as s:
        units = s.query(Unit).order_by(Unit.sort_order).limit(2).all()
        for i, p in enumerate(s.query(Project).order_by(Project.name)):
            p.unit_id = units[i % 2].id if i % 3 else None
    with sample.session(readonly=True) as s:
        total = compute_metrics(s, 2021)
        groups = compute_metrics_by(s, 2021, "unit")
    assert {g.name for g in groups} <= {units[0].name, units[1].name, "（未填写）"}
    for key in COUNT_KEYS + SUM_KEYS:
        assert sum(g.values[key] for g in groups) == total[key], key


def test_boundaries_are_inclusive(sample):
    """An event on the reporting date counts; signings on 1 Jan and 31 Dec belong to the year."""
    with sample.session() as s:
        add_project(s, "J 元旦签约", "1", [("signed", D(2021, 1, 1))])
    with sample.session(readonly=True) as s:
        on_day = compute_metrics(s, 2021, D(2021, 11, 1))  # A became operating that day
        day_before = compute_metrics(s, 2021, D(2021, 10, 31))
        year_end = compute_metrics(s, 2021, D(2021, 12, 31))
        previous = compute_metrics(s, 2020, D(2020, 12, 31))
    assert on_day["operating_count"] == 1 and day_before["operating_count"] == 0
    assert year_end["signed_count"] == 5  # A, B, C (31 Dec), G, J (1 Jan)
    assert previous["signed_count"] == 1  # D (31 Dec 2020)
