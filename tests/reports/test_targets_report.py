"""年度目标进展: figures from target_progress, contributors from metric_records, charts."""

from __future__ import annotations

import datetime as dt

import pytest

from jianan_desk.reports.period import ReportError
from jianan_desk.reports.service import TargetsRequest, make_report
from jianan_desk.reports.targets import load_targets, show
from jianan_desk.services.metrics import metric_records
from jianan_desk.services.targets import target_progress
from tests.reports.pdftools import compact, page_fonts, page_sizes, page_texts


@pytest.fixture(scope="module")
def report_2022(demo_path):
    from tests.helpers import open_db

    db = open_db(demo_path)
    with db.session(readonly=True) as s:
        data = load_targets(s, 2022)
        progress = target_progress(s, 2022, data.as_of)
        signed = metric_records(s, "signed_investment_wan", 2022, data.as_of)
        pdf = make_report(s, TargetsRequest(2022), made_on=dt.date(2022, 4, 1)).pdf
    db.dispose()
    return data, progress, signed, pdf


def test_defaults_to_the_demo_data_date(report_2022):
    data, *_ = report_2022
    assert data.as_of == dt.date(2022, 3, 31)
    assert len(data.sections) == 7
    assert [len(s.monthly) for s in data.sections] == [3] * 7


def test_every_target_with_the_engines_figures(report_2022):
    _, progress, _, pdf = report_2022
    text = compact("".join(page_texts(pdf)))
    assert "数据截至：2022年3月31日" in text
    for t in progress:
        row = f"{t.plan}{t.display_name}{show(t.metric_key, t.target)}{show(t.metric_key, t.value)}"
        assert row in text, row
    assert "77.34亿元" in text  # signed investment Q1 2022 = the engine's 773,400 万元


def test_largest_contributors_come_from_metric_records(report_2022):
    data, _, signed, pdf = report_2022
    section = next(s for s in data.sections if s.progress.metric_key == "signed_investment_wan")
    top = sorted(signed, key=lambda r: (-r.amount, r.project_name))[:5]
    assert [c.name for c in section.contributors] == [r.project_name for r in top]
    assert section.contributor_count == len(signed)
    text = compact("".join(page_texts(pdf)))
    for r in top:
        assert compact(r.project_name) in text


def test_portrait_numbered_embedded(report_2022):
    *_, pdf = report_2022
    texts = page_texts(pdf)
    for i, t in enumerate(texts, start=1):
        assert f"第{i}页共{len(texts)}页" in compact(t)
    assert all(w < h for w, h in page_sizes(pdf))
    assert all(f.embedded for page in page_fonts(pdf) for f in page)
    assert "图1" in texts[1] or "图1" in compact("".join(texts))


def test_a_year_without_targets_says_so(demo_db):
    with demo_db.session(readonly=True) as s:
        pdf = make_report(s, TargetsRequest(2021)).pdf
    texts = page_texts(pdf)
    assert len(texts) == 1 and "尚未设定年度目标任务" in compact(texts[0])


def test_bad_years_and_dates_are_refused(demo_db):
    with demo_db.session(readonly=True) as s:
        with pytest.raises(ReportError, match="年份"):
            make_report(s, TargetsRequest(1800))
        with pytest.raises(ReportError, match="早于"):
            make_report(s, TargetsRequest(2022, dt.date(2021, 6, 30)))
