"""Periods, line breaking, masking, fonts: the pieces every report is made of."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from jianan_desk.reports import layout as L
from jianan_desk.reports.fonts import covers, markup, missing, report_fonts
from jianan_desk.reports.period import Period, ReportError, parse_date
from tests.reports.pdftools import compact, page_texts


def test_periods_and_labels():
    assert Period.year(2021).label == "2021年"
    assert Period.quarter(2021, 4).end == dt.date(2021, 12, 31)
    assert Period.quarter(2021, 2).label == "2021年第二季度"
    assert Period.month(2024, 2).end == dt.date(2024, 2, 29)
    assert Period.between("2021-01-01", "2021-12-31").kind == "year"
    assert Period.between("2021-04-01", "2021-06-30").kind == "quarter"
    assert Period.between("2021-03-01", "2021-03-31").kind == "month"
    custom = Period.between("2021年3月5日", "2021/5/15")
    assert custom.kind == "custom" and custom.label == "2021年3月5日至2021年5月15日"


@pytest.mark.parametrize("text", ["2021-13-01", "2021-02-30", "昨天", "", "20210101"])
def test_unparsable_dates(text):
    with pytest.raises(ReportError, match="无法识别的日期"):
        parse_date(text)


def test_end_before_start():
    with pytest.raises(ReportError, match="早于开始日期"):
        Period.between("2021-05-01", "2021-03-31")
    with pytest.raises(ReportError):
        Period.quarter(2021, 5)


def test_mask_contact():
    assert L.mask_contact("电话13812345678") == "电话138****5678"
    assert L.mask_contact("0374-5551234") == "0374-***1234"
    assert L.mask_contact("编号 2021123456789") == "编号 2021123456789"  # not a mobile


def test_numbers():
    assert L.yi(2844800) == "284.48"
    assert L.yi(None) == "—"
    assert L.percent(None) == "—"
    from decimal import Decimal

    assert L.percent(Decimal("0.733333")) == "73.3%"
    assert L.cn_ordinal(1) == "一" and L.cn_ordinal(12) == "十二" and L.cn_ordinal(20) == "二十"


def test_lines_never_start_with_closing_punctuation():
    fonts = report_fonts()
    text = "许昌汽车零部件产业园三佳1000万套万向节总成项目，（增资扩产）。建设17条生产线。" * 3
    for width in range(40, 200, 7):
        lines = L.wrap_lines(text, fonts.body.name, 10, width)
        assert "".join(lines) == text.replace(" ", "")
        for line in lines[1:]:
            assert line[:1] not in L.NO_LINE_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1:] not in L.NO_LINE_END, (width, lines)
    # digits stay together when they fit
    lines = L.wrap_lines("总投资12345678.90万元", fonts.body.name, 10, 70)
    assert any("12345678.90" in line for line in lines)


def test_fallback_for_rare_characters():
    fonts = report_fonts()
    body = fonts.body.name
    assert covers(body, "建安区投资促进中心 2021年")
    if fonts.body.path.name == "FandolFang-Regular.ttf":
        assert missing(body, "王喆") == ["喆"]
        assert f'<font face="{fonts.fallback.name}">喆</font>' in markup("王喆", body)
    for ch in "堃喆珺昇玥":
        assert covers(fonts.fallback.name, ch)
    assert markup("a<b&c", body) == "a&lt;b&amp;c"


def test_fonts_are_registered_once():
    assert report_fonts() is report_fonts()


def test_a_page_renders_to_png(tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) not installed")
    meta = L.ReportMeta("测试报表", period="2021年", as_of=dt.date(2021, 12, 31))

    def build(styles, width):
        rows = [L.Row([str(i), f"项目{i}", L.yi(10000 * i)]) for i in range(1, 40)]
        columns = [L.Column("序号", 10, "center", wrap=False), L.Column("名称", 60, flex=True)]
        columns.append(L.Column("总投资", 20, "right", wrap=False))
        return [styles.para("正文段落。"), L.table(columns, rows, styles, width)]

    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(L.render(meta, build))
    texts = page_texts(pdf.read_bytes())
    assert "第1页共" in compact(texts[0])
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf, tmp_path / "p"])
    pngs = list(tmp_path.glob("p*.png"))
    assert pngs and pngs[0].stat().st_size > 10_000
