"""The engine (and the 首页 dashboard's own queries) against a brute-force recount over
random projects and stage dates."""

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from jianan_desk.domain.stages import PIPELINE, Stage
from jianan_desk.services.dashboard import load_dashboard
from jianan_desk.services.metrics import compute_metrics
from jianan_desk.store.models import FundsInPlace, Project, ProjectStageEvent

# Dates cluster around a year end so that boundaries (as-of day, 31 Dec) are hit often.
START = dt.date(2021, 10, 1)

project_strategy = st.fixed_dictionaries(
    {
        "family": st.sampled_from(["attraction", "attraction", "key"]),
        "total": st.integers(min_value=0, max_value=300_000_0000).map(lambda n: Decimal(n) / 10000),
        "furthest": st.integers(min_value=0, max_value=len(PIPELINE) - 1),
        "first": st.sampled_from([START, dt.date(2021, 12, 31), dt.date(2022, 1, 1)]),
        "gaps": st.lists(st.sampled_from([0, 0, 1, 7, 30, 60]), min_size=6, max_size=6),
        "dropped": st.sampled_from([False, False, False, True]),
        "deleted": st.sampled_from([False, False, False, False, True]),
        "funds": st.lists(
            st.tuples(
                st.integers(0, 900), st.integers(0, 10**8), st.none() | st.integers(0, 10**6)
            ),
            max_size=3,
        ),
    }
)


def brute_force(projects, year, as_of):
    start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)
    cohort = []
    for p in projects:
        if p["deleted"] or p["family"] != "attraction":
            continue
        signed = [d for s, d in p["events"] if s == "signed"]
        if any(start <= d <= end for d in signed):
            cohort.append(p)

    def reached(p, stages):
        return any(s in stages and d <= as_of for s, d in p["events"])

    funds = fdi = Decimal(0)
    for p in projects:
        if p["deleted"]:
            continue
        for day, amount, usd in p["fund_rows"]:
            if start <= day <= end:
                funds += amount
                fdi += usd or 0
    return {
        "signed_count": len(cohort),
        "signed_over_100m_count": sum(1 for p in cohort if p["total"] >= 10000),
        "signed_investment_wan": sum((p["total"] for p in cohort), Decimal(0)),
        "performing_count": sum(
            1 for p in cohort if reached(p, {"performing", "started", "operating"})
        ),
        "started_count": sum(1 for p in cohort if reached(p, {"started", "operating"})),
        "operating_count": sum(1 for p in cohort if reached(p, {"operating"})),
        "funds_in_place_wan": funds,
        "fdi_usd_wan": fdi,
    }


@settings(
    max_examples=100,
    deadline=None,
    # Shrinking a failure here takes minutes; the failing example is printed as is.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    projects=st.lists(project_strategy, min_size=5, max_size=30),
    year=st.sampled_from([2021, 2022]),
    data=st.data(),
)
def test_engine_equals_brute_force(db, projects, year, data):
    from sqlalchemy import delete

    with db.session() as s:
        for model in (FundsInPlace, ProjectStageEvent, Project):
            s.execute(delete(model))
        for i, p in enumerate(projects):
            row = Project(name=f"项目{i}", family=p["family"], total_investment_wan=p["total"])
            if p["deleted"]:
                from jianan_desk.store.types import utcnow

                row.deleted_at = utcnow()
            s.add(row)
            s.flush()
            day = p["first"]
            events = []
            for stage, gap in zip(PIPELINE[: p["furthest"] + 1], p["gaps"], strict=False):
                day += dt.timedelta(days=gap)
                events.append((stage.value, day))
            if p["dropped"]:
                events.append((Stage.DROPPED.value, day + dt.timedelta(days=5)))
            for stage, d in events:
                s.add(ProjectStageEvent(project_id=row.id, stage=stage, occurred_on=d))
            p["events"] = events
            p["fund_rows"] = []
            for offset, yuan, usd in p["funds"]:
                d = START + dt.timedelta(days=offset)
                amount = Decimal(yuan) / 10000
                usd_wan = None if usd is None else Decimal(usd) / 10000
                s.add(
                    FundsInPlace(
                        project_id=row.id, received_on=d, amount_wan=amount, fdi_usd_wan=usd_wan
                    )
                )
                p["fund_rows"].append((d, amount, usd_wan))
    # The reporting date often falls exactly on an event or a year end: boundaries matter.
    days = [d for p in projects for _, d in p["events"]] + [dt.date(2021, 12, 31)]
    as_of = data.draw(
        st.sampled_from(days) | st.dates(START, START + dt.timedelta(days=300)), label="as_of"
    )
    with db.session(readonly=True) as s:
        engine = compute_metrics(s, year, as_of)
        dashboard = load_dashboard(s, year, as_of)  # its own grouped queries, same figures
    expected = brute_force(projects, year, as_of)
    for key, value in expected.items():
        assert engine[key] == value, key
        assert dashboard.metrics[key] == value, key
    assert dashboard.metrics == engine
    funnel = {step.stage.value: step.count for step in dashboard.funnel}
    assert funnel["signed"] == expected["signed_count"]
    assert funnel["started"] == expected["started_count"]
