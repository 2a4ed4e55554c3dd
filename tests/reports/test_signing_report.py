"""签约项目汇总: the projects, subtotals and totals of the PDF equal the metrics engine's."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from jianan_desk.domain.money import format_yi
from jianan_desk.domain.stages import Stage
from jianan_desk.reports.layout import cn_ordinal
from jianan_desk.reports.period import Period, ReportError
from jianan_desk.reports.service import SigningRequest, make_report
from jianan_desk.reports.signing import build_signing_pdf, load_signing
from jianan_desk.services.metrics import cohort_project_ids, compute_metrics, compute_metrics_by
from jianan_desk.store.models import Project, ProjectStageEvent
from tests.reports.pdftools import SUBSET, compact, page_fonts, page_sizes, page_texts

GROUP_HEAD = re.compile(r"（\d+个）[\d,]+\.\d\d")


@pytest.fixture(scope="module")
def year_2021(demo_path):
    from tests.helpers import open_db

    db = open_db(demo_path)
    with db.session(readonly=True) as s:
        summary = load_signing(s, Period.year(2021), "industry")
        metrics = compute_metrics(s, 2021)
        by_industry = compute_metrics_by(s, 2021, "industry")
        names = dict(s.execute(select(Project.id, Project.name)).all())
        cohort = set(cohort_project_ids(s, 2021))
    db.dispose()
    pdf = build_signing_pdf(summary, made_on=dt.date(2022, 4, 1))
    return summary, metrics, by_industry, names, cohort, pdf


def test_the_project_set_is_the_engines_cohort(year_2021):
    summary, metrics, _, _, cohort, _ = year_2021
    assert {r.project_id for r in summary.rows} == cohort
    assert summary.count == metrics["signed_count"] == 90
    assert summary.total_wan == metrics["signed_investment_wan"] == Decimal(2844800)


def test_every_project_appears_exactly_once(year_2021):
    summary, _, _, names, _, pdf = year_2021
    text = compact("".join(page_texts(pdf)))
    for row in summary.rows:
        assert text.count(compact(names[row.project_id])) == 1, names[row.project_id]


def test_grand_total_and_summary_equal_the_engine(year_2021):
    _, metrics, _, _, _, pdf = year_2021
    text = compact(page_texts(pdf)[0])
    total = format_yi(metrics["signed_investment_wan"])
    assert total == "284.48"
    assert f"合计（{metrics['signed_count']}个）{total}" in text
    assert f"共签约招商引资项目{metrics['signed_count']}个，总投资{total}亿元" in text
    assert f"亿元以上项目{metrics['signed_over_100m_count']}个" in text
    assert f"已履约{metrics['performing_count']}个、已开工{metrics['started_count']}个" in text


def test_subtotals_equal_the_engine_by_industry(year_2021):
    summary, _, by_industry, _, _, pdf = year_2021
    text = compact("".join(page_texts(pdf)))
    engine = {g.name: g.values for g in by_industry if g.values["signed_count"]}
    # The 222 system's order: leading, characteristic, emerging; two industries each.
    assert [g.name for g in summary.groups] == [
        "发制品", "汽车零部件及装备制造", "生物医药", "食品加工及包装", "电子信息", "环保装备和服务"
    ]  # fmt: skip
    assert set(engine) == {g.name for g in summary.groups}
    for i, g in enumerate(summary.groups, start=1):
        values = engine[g.name]
        count, total = values["signed_count"], format_yi(values["signed_investment_wan"])
        assert text.count(f"{cn_ordinal(i)}{g.name}（{count}个）{total}") == 1, g.name
    assert len(GROUP_HEAD.findall(text)) == len(engine) + 1  # and the grand total


@pytest.mark.parametrize("group_by", ["field", "unit"])
def test_other_groupings_add_up(demo_db, group_by):
    with demo_db.session(readonly=True) as s:
        summary = load_signing(s, Period.year(2021), group_by)
        engine = compute_metrics_by(s, 2021, group_by)
    got = {g.name: (g.count, g.total_wan) for g in summary.groups}
    want = {
        g.name: (g.values["signed_count"], g.values["signed_investment_wan"])
        for g in engine
        if g.values["signed_count"]
    }
    assert got == want
    pdf = build_signing_pdf(summary, columns=("land", "fdi", "content", "unit"))
    text = compact("".join(page_texts(pdf)))
    assert "合计（90个）284.48" in text
    if group_by == "unit":
        assert "各责任单位签约情况" in text and "目标任务" in text


def test_every_page_is_numbered_landscape_and_embeds_subset_fonts(year_2021):
    *_, pdf = year_2021
    texts = page_texts(pdf)
    n = len(texts)
    assert n > 3
    for i, text in enumerate(texts, start=1):
        assert f"第{i}页共{n}页" in compact(text)
    assert all(w > h for w, h in page_sizes(pdf))  # a wide table: landscape
    for fonts in page_fonts(pdf):
        assert fonts
        for font in fonts:
            assert font.subtype == "/TrueType" and font.embedded, font
            assert SUBSET.match(font.base_font), font
    names = {f.base_font.split("+", 1)[1] for page in page_fonts(pdf) for f in page}
    assert {"NotoSerifSC-Bold", "FandolFang-Regular", "NotoSansSC-Bold"} <= names


def test_header_row_repeats_on_every_page(year_2021):
    *_, pdf = year_2021
    for text in page_texts(pdf):
        assert "项目名称投资方总投资" in compact(text)


def test_a_quarter_and_a_custom_period(demo_db):
    with demo_db.session(readonly=True) as s:
        q1 = load_signing(s, Period.quarter(2021, 1))
        custom = load_signing(s, Period.between("2021-01-01", "2021-02-15"))
        signed = s.execute(
            select(ProjectStageEvent.project_id, ProjectStageEvent.occurred_on).where(
                ProjectStageEvent.stage == Stage.SIGNED.value,
                ProjectStageEvent.deleted_at.is_(None),
            )
        ).all()
        ids = set(cohort_project_ids(s, 2021))
    assert q1.period.label == "2021年第一季度"
    in_q1 = {pid for pid, on in signed if dt.date(2021, 1, 1) <= on <= dt.date(2021, 3, 31)}
    assert {r.project_id for r in q1.rows} == in_q1 & ids
    assert {r.project_id for r in custom.rows} <= {r.project_id for r in q1.rows}
    assert all(r.signed_on <= dt.date(2021, 2, 15) for r in custom.rows)
    assert custom.period.kind == "custom"


def test_a_period_across_years_spans_both_cohorts(demo_db):
    with demo_db.session(readonly=True) as s:
        span = load_signing(s, Period.between("2021-07-01", "2022-03-31"))
        h2 = load_signing(s, Period.between("2021-07-01", "2021-12-31"))
        q1 = load_signing(s, Period.quarter(2022, 1))
    assert span.count == h2.count + q1.count
    assert span.total_wan == h2.total_wan + q1.total_wan


def test_an_empty_period_gives_a_short_report(demo_db):
    with demo_db.session(readonly=True) as s:
        report = make_report(s, SigningRequest(Period.year(2030)))
    texts = page_texts(report.pdf)
    assert len(texts) == 1
    assert "无签约招商引资项目" in compact(texts[0])
    assert "第1页共1页" in compact(texts[0])


def test_unknown_columns_are_refused(demo_db):
    with demo_db.session(readonly=True) as s, pytest.raises(ReportError, match="附加列"):
        make_report(s, SigningRequest(Period.year(2021), columns=("price",)))


def test_rare_name_characters_come_from_the_fallback_face(db):
    rare = "堃喆珺昇玥"
    with db.session() as s:
        p = Project(name=f"王{rare}智能装备项目", family="attraction", stage="signed")
        p.total_investment_wan = Decimal(12345)
        s.add(p)
        s.flush()
        s.add(ProjectStageEvent(project_id=p.id, stage="signed", occurred_on=dt.date(2021, 5, 6)))
    with db.session(readonly=True) as s:
        summary = load_signing(s, Period.year(2021))
    pdf = build_signing_pdf(summary)
    text = compact("".join(page_texts(pdf)))
    assert f"王{rare}智能装备项目" in text
    assert "1.23" in text  # 12,345 万元 → 1.23 亿元
    names = {f.base_font.split("+", 1)[1] for page in page_fonts(pdf) for f in page}
    assert "NotoSerifSC-Regular" in names  # the fallback face carries the rare characters


def test_a_past_period_shows_the_industry_names_of_its_time(tmp_path, demo_path):
    """Renaming an industry in 2023 leaves the 2021 summary with the 2021 name."""
    import shutil

    from jianan_desk.services.industry_tree import industries, rename_node
    from tests.helpers import open_db

    path = tmp_path / "renamed.sqlite"
    shutil.copy(demo_path, path)
    db = open_db(path)
    try:
        with db.session() as s:
            old = load_signing(s, Period.year(2021), "industry")
            name = old.rows[0].industry
            node = next(n for n in industries(s) if n.name == name)
            rename_node(s, node.id, f"{name}（新）", "测试", effective_on=dt.date(2023, 1, 1))
        with db.session(readonly=True) as s:
            past = load_signing(s, Period.year(2021), "industry")
            later = load_signing(s, Period.year(2023), "industry")
            assert name in {r.industry for r in past.rows}
            assert f"{name}（新）" not in {r.industry for r in past.rows}
            assert all(r.industry != name for r in later.rows)
    finally:
        db.dispose()
