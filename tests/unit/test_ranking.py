"""季度考评: weighted, normalised unit scores for a quarter; weights kept bureau-wide."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from jianan_desk.services.errors import ValidationError
from jianan_desk.services.metrics import compute_metrics_by
from jianan_desk.services.ranking import (
    DEFAULT_WEIGHTS,
    RankingError,
    current_quarter,
    quarter_end,
    rank_units,
    ranking_weights,
    set_ranking_weights,
)
from jianan_desk.store.models import (
    AppMeta,
    ChangeLog,
    FundsInPlace,
    Project,
    ProjectStageEvent,
    Unit,
)

D = dt.date


def add_signed(s, unit, total, signed_on, started_on=None, funds=None):
    p = Project(
        name=f"{unit.name}项目{total}", total_investment_wan=Decimal(total), unit_id=unit.id
    )
    s.add(p)
    s.flush()
    s.add(ProjectStageEvent(project_id=p.id, stage="signed", occurred_on=signed_on))
    if started_on:
        s.add(ProjectStageEvent(project_id=p.id, stage="started", occurred_on=started_on))
    if funds:
        s.add(FundsInPlace(project_id=p.id, received_on=signed_on, amount_wan=Decimal(funds)))
    return p


@pytest.fixture
def units(db):
    with db.session() as s:
        a, b, c = (Unit(name=n, kind="township", sort_order=-3 + i) for i, n in enumerate("甲乙丙"))
        s.add_all([a, b, c])
        s.flush()
        # 甲: 2 signings, 30 亿, 1 started, 5 亿 in place (all in Q1)
        add_signed(s, a, 200000, D(2022, 1, 10), D(2022, 3, 1), funds=50000)
        add_signed(s, a, 100000, D(2022, 2, 10))
        # 乙: 1 signing, 60 亿, started, 1 亿 in place (Q1); another signing in Q2
        add_signed(s, b, 600000, D(2022, 3, 31), D(2022, 3, 31), funds=10000)
        add_signed(s, b, 10000, D(2022, 4, 1))
        # 丙: nothing in 2022; a 2021 signing does not count
        add_signed(s, c, 900000, D(2021, 12, 31))
        ids = {u.name: u.id for u in (a, b, c)}
    return ids


def test_scores_are_weighted_means_of_figures_scaled_to_the_best_unit(db, units):
    with db.session(readonly=True) as s:
        r = rank_units(s, 2022, 1)
    assert r.as_of == D(2022, 3, 31)
    assert r.weights == DEFAULT_WEIGHTS
    by = {u.unit_name: u for u in r.units}
    a, b, c = by["甲"], by["乙"], by["丙"]
    assert a.values["signed_count"] == 2 and b.values["signed_count"] == 1
    assert r.best["signed_investment_wan"] == Decimal(600000)
    assert a.normalised == {
        "signed_count": Decimal(100),
        "signed_investment_wan": Decimal(50),
        "started_count": Decimal(100),
        "funds_in_place_wan": Decimal(100),
    }
    # 甲: (20·100 + 30·50 + 20·100 + 30·100) / 100 = 85; 乙: (20·50 + 30·100 + 20·100 + 30·20) / 100
    assert a.score == Decimal("85.00")
    assert b.score == Decimal("66.00")
    assert c.score == 0 and c.values["signed_count"] == 0
    assert (a.rank, b.rank) == (1, 2)
    assert [u.unit_name for u in r.units[:2]] == ["甲", "乙"]
    # Every unit with nothing shares the last rank.
    assert {u.rank for u in r.units if u.score == 0} == {3}
    assert r.title == "2022年第一季度招商引资工作考评排名" and "1—3月" in r.span


def test_figures_are_the_engines_year_to_date_by_unit(db, units):
    with db.session(readonly=True) as s:
        r = rank_units(s, 2022, 2)
        engine = {g.group_id: g.values for g in compute_metrics_by(s, 2022, "unit", D(2022, 6, 30))}
    assert r.as_of == D(2022, 6, 30)
    for u in r.units:
        for key, value in u.values.items():
            assert value == Decimal(engine.get(u.unit_id, {}).get(key) or 0)
    assert {u.unit_name: u.values["signed_count"] for u in r.units}["乙"] == 2


def test_ties_share_a_rank_and_custom_weights_apply(db, units):
    with db.session(readonly=True) as s:
        r = rank_units(s, 2022, 1, weights={"started_count": 1})
    by = {u.unit_name: u for u in r.units}
    assert by["甲"].score == by["乙"].score == Decimal(100)
    assert by["甲"].rank == by["乙"].rank == 1
    assert by["丙"].rank == 3


def test_weights_are_stored_bureau_wide_and_logged(db):
    with db.session() as s:
        assert ranking_weights(s) == DEFAULT_WEIGHTS
        saved = set_ranking_weights(
            s, {"signed_count": Decimal(1), "funds_in_place_wan": 3, "started_count": 0}, "李四"
        )
        assert saved == {"signed_count": Decimal(1), "funds_in_place_wan": Decimal(3)}
    with db.session(readonly=True) as s:
        assert ranking_weights(s) == saved
        log = s.scalars(select(ChangeLog).where(ChangeLog.entity_id == "ranking_weights")).one()
    assert log.actor == "李四" and "signed_count" in log.changes


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({}, "至少"),
        ({"signed_count": 0}, "至少"),
        ({"signed_count": -1}, "负数"),
        ({"start_rate": 1}, "不能作为考评指标"),
    ],
)
def test_bad_weights_are_refused_in_chinese(db, weights, message):
    with pytest.raises(ValidationError, match=message), db.session() as s:
        set_ranking_weights(s, weights, "李四")


def test_unreadable_stored_weights_fall_back_to_the_defaults(db):
    with db.session() as s:
        s.add(AppMeta(key="ranking_weights", value="{oops"))
    with db.session(readonly=True) as s:
        assert ranking_weights(s) == DEFAULT_WEIGHTS


def test_quarters(db):
    assert quarter_end(2022, 1) == D(2022, 3, 31)
    assert quarter_end(2022, 4) == D(2022, 12, 31)
    with pytest.raises(RankingError, match="季度"):
        quarter_end(2022, 5)
    with db.session(readonly=True) as s:
        assert current_quarter(s, D(2022, 5, 3)) == (2022, 1)
        assert current_quarter(s, D(2022, 2, 3)) == (2021, 4)
        assert current_quarter(s, D(2022, 6, 30)) == (2022, 2)


def test_the_pdf_and_the_spreadsheet(db, units, tmp_path):
    from openpyxl import load_workbook

    from jianan_desk.reports.ranking import build_ranking_pdf, write_ranking_xlsx

    with db.session(readonly=True) as s:
        r = rank_units(s, 2022, 1)
    pdf = build_ranking_pdf(r, made_on=D(2022, 4, 2))
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "排名.xlsx"
    assert write_ranking_xlsx(r, path) == len(r.units)
    sheet = load_workbook(path)["考评排名"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == r.title
    assert rows[1][:3] == ("名次", "责任单位", "综合得分")
    assert rows[2][:3] == (1, "甲", 85)
    assert rows[2][5] == 30  # 签约总投资 in 亿元


def test_the_reports_service_makes_the_ranking(db, units):
    from jianan_desk.reports.period import ReportError
    from jianan_desk.reports.service import REPORT_TITLES, RankingRequest, make_report

    assert REPORT_TITLES["ranking"] == "季度考评排名"
    with db.session(readonly=True) as s:
        report = make_report(s, RankingRequest(2022, 1), made_on=D(2022, 4, 2))
        with pytest.raises(ReportError, match="季度"):
            make_report(s, RankingRequest(2022, 0))
    assert report.pdf.startswith(b"%PDF")
    assert report.file_name == "2022年第一季度招商引资工作考评排名.pdf"
    assert "第一名 甲（85.00 分）" in report.summary
