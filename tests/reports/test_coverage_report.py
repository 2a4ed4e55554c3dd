"""图谱覆盖: the coverage report (counts, gap sentences, diagrams, past names) and its CLI."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from jianan_desk.cli import main
from jianan_desk.reports.coverage import build_coverage_pdf, load_coverage
from jianan_desk.reports.service import CoverageRequest, make_report
from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.industry_map import coverage_rows, coverage_sentence
from jianan_desk.services.industry_tree import rename_node
from jianan_desk.services.target_companies import TargetEntryInput, create_target_entry
from jianan_desk.store.models import IndustryNode
from tests.reports.pdftools import compact, page_fonts, page_sizes, page_texts

ACTOR = "测试员"


def test_demo_coverage_report(demo_db):
    with demo_db.session(readonly=True) as s:
        rows = coverage_rows(s)
        data = load_coverage(s, dt.date(2022, 3, 31))
        generated = make_report(s, CoverageRequest(), made_on=dt.date(2022, 4, 1))
    assert len(data.links) == 21 and data.stale_total > 0
    text = compact("".join(page_texts(generated.pdf)))
    assert "招商图谱覆盖情况" in text and "数据截至：2022年3月31日" in text  # demo date
    for m in data.maps:
        assert compact(coverage_sentence(m)) in text
    assert "图1发制品产业链图谱" in text and "图6环保装备和服务产业链图谱" in text
    assert "久未接触的目标企业" in text
    local = sum(r.local for r in rows)
    assert f"合计（21个环节）{local}" in text  # the table's total row
    assert all(w > h for w, h in page_sizes(generated.pdf))  # landscape
    assert all(f.embedded for page in page_fonts(generated.pdf) for f in page)
    assert "缺口 0 个" in generated.summary and generated.file_name.endswith("招商图谱覆盖.pdf")


def test_gaps_and_past_names(db):
    with db.session() as s:
        link = s.scalar(select(IndustryNode).where(IndustryNode.code == "hair.ecommerce"))
        for name in ("深圳甲电商有限公司", "深圳乙电商有限公司", "深圳丙电商有限公司"):
            c = create_company(s, CompanyInput(name=name, city="深圳"), ACTOR)
            create_target_entry(s, TargetEntryInput(company_id=c.id, chain_link_id=link.id), ACTOR)
        rename_node(s, link.id, "跨境电商·自主品牌", ACTOR, effective_on=dt.date(2024, 1, 1))
    with db.session(readonly=True) as s:
        past = load_coverage(s, dt.date(2023, 6, 30))
        now = load_coverage(s, dt.date(2024, 6, 30))
    hair_past = past.maps[0]
    assert coverage_sentence(hair_past) == (
        "发制品：4个环节，4个缺口（化纤原料·耐高温纤维：本地企业0家，目标企业0家，在谈线索0个；"
        "发条加工：本地企业0家，目标企业0家，在谈线索0个；假发成品：本地企业0家，目标企业0家，"
        "在谈线索0个；跨境电商·品牌：本地企业0家，目标企业3家，在谈线索0个）"
    )
    assert "跨境电商·自主品牌" in coverage_sentence(now.maps[0])
    text = compact("".join(page_texts(build_coverage_pdf(past, made_on=dt.date(2023, 7, 1)))))
    assert "跨境电商·品牌：本地企业0家，目标企业3家，在谈线索0个" in text
    assert "跨境电商·自主品牌" not in text
    assert past.stale_total == 3 and past.never_contacted == 3


def test_cli_report_coverage(capsys, demo_path, tmp_path):
    out_pdf = tmp_path / "覆盖.pdf"
    code = main(["--db", str(demo_path), "report", "coverage", "--stale-days", "60",
                 "-o", str(out_pdf)])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "已生成报表" in out and "21 个环节" in out
    assert "超过60天未接触" in compact("".join(page_texts(out_pdf.read_bytes())))
    code = main(["--db", str(demo_path), "report", "coverage", "--stale-days", "0",
                 "-o", str(out_pdf)])  # fmt: skip
    _, err = capsys.readouterr()
    assert code != 0 and "未接触天数" in err
