"""The dashboard on the demo database (the district's published figures) and on random data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from jianan_desk.domain.metrics import METRIC_KEYS
from jianan_desk.domain.stages import PIPELINE, Stage
from jianan_desk.services.dashboard import load_dashboard, load_figure_records
from jianan_desk.services.demo import generate_demo_data
from jianan_desk.services.metrics import compute_metrics, compute_metrics_by
from jianan_desk.services.targets import target_progress
from jianan_desk.store.engine import Database
from jianan_desk.store.migrations import upgrade
from jianan_desk.store.models import FundsInPlace, Project, ProjectStageEvent
from jianan_desk.store.types import utcnow
from tests.helpers import open_db

D = dt.date


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_db(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    upgrade(database)
    with database.session() as s:
        generate_demo_data(s)
    yield database
    database.dispose()


def test_2021_figures_are_the_published_ones(demo):
    with demo.session(readonly=True) as s:
        d = load_dashboard(s, 2021, D(2021, 12, 31))
    m = d.metrics
    assert m["signed_count"] == 90
    assert m["signed_investment_wan"] == Decimal(2844800)
    assert m["funds_in_place_wan"] == Decimal(626200)
    assert (m["performing_count"], m["started_count"], m["operating_count"]) == (66, 64, 30)
    assert m["completed_investment_wan"] == Decimal(2856000)
    assert d.signed.cumulative[11] == m["signed_investment_wan"]
    assert d.completed.cumulative[11] == m["completed_investment_wan"]
    assert d.completed.line_total == Decimal(2800000)
    funnel = {step.stage: step.count for step in d.funnel}
    assert funnel[Stage.SIGNED] == 90 and funnel[Stage.STARTED] == 64
    assert funnel[Stage.LEAD] >= funnel[Stage.NEGOTIATING] >= 90
    assert sum(g.amount for g in d.by_industry) == sum(g.amount for g in d.by_field)
    assert sum(g.amount for g in d.by_industry) == m["signed_investment_wan"]
    assert sum(g.count for g in d.by_field) == 90


@pytest.mark.parametrize(
    ("year", "as_of"),
    [
        (2021, D(2021, 12, 31)),
        (2021, D(2021, 6, 30)),
        (2021, D(2022, 3, 31)),
        (2022, D(2022, 3, 31)),
        (2022, D(2022, 1, 4)),
        (2020, D(2020, 12, 31)),
    ],
)
def test_demo_figures_equal_the_engine(demo, year, as_of):
    with demo.session(readonly=True) as s:
        d = load_dashboard(s, year, as_of)
        assert d.metrics == compute_metrics(s, year, as_of)
        assert list(d.targets) == target_progress(s, year, as_of)
        for by, mine in (("industry", d.by_industry), ("field", d.by_field)):
            engine = [
                (g.name, g.values["signed_investment_wan"])
                for g in compute_metrics_by(s, year, by, as_of)
                if g.values["signed_count"]
            ]
            assert [(g.name, g.amount) for g in mine] == engine


def test_demo_defaults_to_its_frozen_date(demo):
    with demo.session(readonly=True) as s:
        d = load_dashboard(s)
    assert (d.year, d.as_of) == (2022, D(2022, 3, 31))
    assert len(d.targets) == 7
    assert {2019, 2020, 2021, 2022} <= set(d.years)
    assert d.completed.total == Decimal(678000)  # 67.8 亿元 in Q1
    assert d.overdue_total > 0 and d.follow_ups_total > 0


@pytest.mark.parametrize("key", METRIC_KEYS)
def test_demo_records_add_up(demo, key):
    for year, as_of in ((2021, D(2021, 12, 31)), (2022, D(2022, 3, 31))):
        with demo.session(readonly=True) as s:
            figure = compute_metrics(s, year, as_of)[key]
            assert load_figure_records(s, key, year, as_of).value == figure


# ---------------------------------------------------------------- random data

START = D(2021, 10, 1)
project_strategy = st.fixed_dictionaries(
    {
        "family": st.sampled_from(["attraction", "attraction", "key"]),
        "total": st.integers(min_value=0, max_value=300_000_0000).map(lambda n: Decimal(n) / 10000),
        "first": st.integers(0, 200),
        "gaps": st.lists(st.sampled_from([0, 1, 7, 30, 90]), min_size=6, max_size=6),
        "furthest": st.integers(0, len(PIPELINE) - 1),
        "deleted": st.sampled_from([False, False, False, True]),
        "funds": st.lists(st.tuples(st.integers(0, 600), st.integers(0, 10**7)), max_size=2),
    }
)


@settings(
    max_examples=40,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(projects=st.lists(project_strategy, min_size=3, max_size=20), data=st.data())
def test_random_data_matches_engine_and_brute_force(db, projects, data):
    with db.session() as s:
        for model in (FundsInPlace, ProjectStageEvent, Project):
            s.execute(delete(model))
        for i, p in enumerate(projects):
            row = Project(name=f"项目{i}", family=p["family"], total_investment_wan=p["total"])
            if p["deleted"]:
                row.deleted_at = utcnow()
            s.add(row)
            s.flush()
            day = START + dt.timedelta(days=p["first"])
            p["events"] = []
            for stage, gap in zip(PIPELINE[: p["furthest"] + 1], p["gaps"], strict=False):
                day += dt.timedelta(days=gap)
                p["events"].append((stage.value, day))
                s.add(ProjectStageEvent(project_id=row.id, stage=stage.value, occurred_on=day))
            for offset, yuan in p["funds"]:
                s.add(
                    FundsInPlace(
                        project_id=row.id,
                        received_on=START + dt.timedelta(days=offset),
                        amount_wan=Decimal(yuan) / 10000,
                    )
                )
    year = data.draw(st.sampled_from([2021, 2022]), label="year")
    as_of = data.draw(st.dates(START, D(2023, 1, 31)), label="as_of")
    with db.session(readonly=True) as s:
        d = load_dashboard(s, year, as_of)
        assert d.metrics == compute_metrics(s, year, as_of)
    start, end = D(year, 1, 1), min(D(year, 12, 31), as_of)
    live = [p for p in projects if p["family"] == "attraction" and not p["deleted"]]

    def within(p, stages):
        return any(s in stages and start <= day <= end for s, day in p["events"])

    leads = [p for p in live if within(p, {"lead", "negotiating", "signed"})]
    talks = [p for p in live if within(p, {"negotiating", "signed"})]
    signed = [p for p in live if within(p, {"signed"})]
    funnel = {step.stage: step.count for step in d.funnel}
    assert (funnel[Stage.LEAD], funnel[Stage.NEGOTIATING], funnel[Stage.SIGNED]) == (
        len(leads),
        len(talks),
        len(signed),
    )
    monthly = [Decimal(0)] * 12
    for p in signed:
        first = min(day for s, day in p["events"] if s == "signed" and start <= day <= end)
        monthly[first.month - 1] += p["total"]
    assert list(d.signed.monthly) == monthly
    assert d.signed.total == d.metrics["signed_investment_wan"]
