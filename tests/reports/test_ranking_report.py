"""季度考评排名 PDF on the demo data: landscape A4, fonts embedded, the table and the rule."""

from __future__ import annotations

import datetime as dt

from jianan_desk.reports.ranking import build_ranking_pdf
from jianan_desk.services.ranking import rank_units
from tests.reports.pdftools import compact, page_fonts, page_sizes, page_texts


def test_ranking_pdf_on_the_demo_data(demo_db):
    with demo_db.session(readonly=True) as s:
        ranking = rank_units(s, 2021, 4)
    pdf = build_ranking_pdf(ranking, made_on=dt.date(2022, 1, 5))
    width, height = page_sizes(pdf)[0]
    assert width > height  # landscape
    assert all(f.embedded for fonts in page_fonts(pdf) for f in fonts)
    text = compact("".join(page_texts(pdf)))
    assert "2021年第四季度招商引资工作考评排名" in text
    assert "2021年1—12月累计" in text
    top = ranking.units[0]
    assert f"1{top.unit_name}{top.score:.2f}" in text
    assert "计分方法" in text and "指标权重" in text
    for u in ranking.units:
        assert u.unit_name in text
