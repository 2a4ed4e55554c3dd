"""Importing and exporting companies, visits and annual targets: exact expected results."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from jianan_desk.domain.uscc import check_char
from jianan_desk.excel.export_kinds import EXPORT_KINDS, export_kind
from jianan_desk.excel.imports import IMPORT_KINDS, apply_kind, plan_kind
from jianan_desk.excel.projects_import import ImportFailed
from jianan_desk.excel.reader import read_table
from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.store.models import AnnualTarget, ChangeLog, Company, Contact, Visit
from tests.excel.test_import_projects import run

ACTOR = "测试员"


def uscc(serial: int) -> str:
    first = f"91411000{serial:09d}"
    return first + check_char(first)


def write_xlsx(path: Path, title: str, headers: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append(["填报单位：建安区投资促进中心"])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))


def plan_file(db, kind, path, **kw):
    with db.session() as session:
        plan = plan_kind(kind, session, read_table(path), **kw)
        session.rollback()
    return plan


def import_file(db, kind, path, **kw):
    with db.session() as session:
        plan = plan_kind(kind, session, read_table(path))
        return plan, apply_kind(kind, session, plan, actor=ACTOR, **kw)


# ------------------------------------------------------------------ companies

COMPANY_HEADERS = [
    "序号",
    "企业名称",
    "统一社会信用代码",
    "所在城市",
    "产业",
    "本地企业",
    "备注",
    "联系电话",
]


def company_rows() -> list[list[object]]:
    return [
        [1, "深圳市华为技术有限公司", uscc(1), "深圳", "电子信息", "否", "重点", "138"],
        [2, " 许昌瑞贝卡发制品\n股份有限公司 ", "", "许昌", "发制品", "是", "", ""],
        [3, "坏代码企业", "91411000ABC", "", "", "", "", ""],
        [4, "未知产业企业", "", "", "造船", "", "", ""],
        [5, "标志错误企业", "", "", "", "也许", "", ""],
        [None, "小计", None, None, None, None, None, None],
        [6, "许昌瑞贝卡发制品股份公司", "", "", "", "", "", ""],
    ]


def test_companies_plan_errors_and_all_or_nothing(db, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", "客商名录", COMPANY_HEADERS, company_rows())
    plan = plan_file(db, "companies", path)
    assert plan.columns.header_row == 2
    assert plan.unknown_columns == ["联系电话"]
    assert plan.skipped == [(9, "合计行")]
    assert [(r.row, r.action) for r in plan.rows] == [
        (4, "new"), (5, "new"), (6, "error"), (7, "error"), (8, "error"), (10, "error"),
    ]  # fmt: skip
    reasons = {(e.row, e.column): e.reason for e in plan.errors}
    assert (
        "统一社会信用代码" in reasons[(6, "统一社会信用代码")] or reasons[(6, "统一社会信用代码")]
    )
    assert reasons[(7, "产业")] == "不是“222”体系中的产业或产业链环节"
    assert reasons[(8, "本地企业")] == "请填写“是”或“否”"
    assert reasons[(10, "企业名称")] == "与第 5 行是同一企业"
    with pytest.raises(ImportFailed):
        import_file(db, "companies", path)
    with db.session() as session:
        assert count(session, Company) == 0 and count(session, ChangeLog) == 0


def test_companies_import_reimport_and_update(db, tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", "客商名录", COMPANY_HEADERS, company_rows())
    plan, result = import_file(db, "companies", path, skip_invalid=True)
    assert (result.created, result.updated, result.rejected) == (2, 0, 4)
    with db.session() as session:
        got = {c.name: c for c in session.scalars(select(Company))}
        assert set(got) == {"深圳市华为技术有限公司", "许昌瑞贝卡发制品 股份有限公司"}
        hw = got["深圳市华为技术有限公司"]
        assert (hw.uscc, hw.city, hw.is_local, hw.notes) == (uscc(1), "深圳", False, "重点")
        assert got["许昌瑞贝卡发制品 股份有限公司"].is_local is True
        assert count(session, ChangeLog) == 2
    rows = company_rows()[:2]
    plan = plan_file(
        db, "companies", write_xlsx(tmp_path / "d.xlsx", "客商", COMPANY_HEADERS, rows)
    )
    assert [r.action for r in plan.rows] == ["same", "same"]
    rows[0][1] = "华为技术"  # matched by its code, name kept
    rows[0][3] = "东莞"
    path = write_xlsx(tmp_path / "e.xlsx", "客商", COMPANY_HEADERS, rows)
    plan = plan_file(db, "companies", path)
    assert plan.rows[0].action == "update"
    assert plan.rows[0].changes == ["城市：深圳 → 东莞"]
    assert "视为同一企业" in plan.rows[0].notes[0]
    _, result = import_file(db, "companies", path)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    with db.session() as session:
        hw = session.scalar(select(Company).where(Company.uscc == uscc(1)))
        assert (hw.name, hw.city) == ("深圳市华为技术有限公司", "东莞")


# ------------------------------------------------------------------ visits

VISIT_HEADERS = [
    "序号",
    "拜访日期",
    "拜访企业",
    "拜访类型",
    "城市",
    "参加人员",
    "洽谈内容",
    "意向程度",
    "跟进日期",
]


def visit_rows() -> list[list[object]]:
    return [
        [
            1,
            "2022.3.31",
            "华为技术有限公司",
            "外出拜访",
            "深圳",
            "张三",
            "洽谈电子信息项目",
            "意向强",
            "2022/4/15",
        ],
        [2, dt.date(2022, 4, 2), "新来访企业", "客商来访", "", "李四", "来访考察", "", None],
        [3, "2022年4月5日", "跟进早于拜访", "", "", "", "", "", "2022.4.1"],
        [4, "某日", "坏日期企业", "", "", "", "", "", None],
        [5, "2022-03-31", "华为技术有限公司", "", "", "", "重复", "", None],
        ["", "合计", "", "", "", "", "", "", ""],
    ]


def test_visits_import(db, tmp_path):
    with db.session() as session:
        create_company(session, CompanyInput(name="华为技术有限公司", city="深圳"), ACTOR)
    path = write_xlsx(tmp_path / "v.xlsx", "客商拜访记录", VISIT_HEADERS, visit_rows())
    plan = plan_file(db, "visits", path)
    assert [(r.row, r.action) for r in plan.rows] == [
        (4, "new"),
        (5, "new"),
        (6, "error"),
        (7, "error"),
        (8, "error"),
    ]
    reasons = {(e.row, e.column): e.reason for e in plan.errors}
    assert reasons[(6, "跟进日期")] == "跟进日期不能早于拜访日期"
    assert (7, "拜访日期") in reasons
    assert reasons[(8, "拜访日期")] == "与第 4 行是同一次拜访（企业与日期相同）"
    assert plan.rows[1].notes == ["库中没有企业“新来访企业”，将新建"]
    _, result = import_file(db, "visits", path, skip_invalid=True)
    assert (result.created, result.rejected) == (2, 3)
    with db.session() as session:
        visits = {v.content: v for v in session.scalars(select(Visit))}
        hw = visits["洽谈电子信息项目"]
        assert (hw.visited_on, hw.kind, hw.city, hw.interest_level, hw.follow_up_on) == (
            dt.date(2022, 3, 31),
            "outbound",
            "深圳",
            "high",
            dt.date(2022, 4, 15),
        )
        assert hw.recorded_by == ACTOR
        assert visits["来访考察"].kind == "inbound"
        assert count(session, Company) == 2  # the new visitor's company was created
    # idempotent: the valid rows again are "same"; a changed content is an update
    rows = visit_rows()[:2]
    plan = plan_file(db, "visits", write_xlsx(tmp_path / "w.xlsx", "拜访", VISIT_HEADERS, rows))
    assert [r.action for r in plan.rows] == ["same", "same"]
    rows[0][6] = "已达成投资意向"
    plan = plan_file(db, "visits", write_xlsx(tmp_path / "x.xlsx", "拜访", VISIT_HEADERS, rows))
    assert plan.rows[0].changes == ["洽谈内容：洽谈电子信息项目 → 已达成投资意向"]


# ------------------------------------------------------------------ targets

TARGET_HEADERS = ["年度", "计划", "指标名称", "目标值", "单位"]


def target_rows() -> list[list[object]]:
    return [
        [2023, "1366", "亿元以上签约项目数", 100, "个"],
        [2023, "1366", "签约总投资", 300, "亿元"],
        ["2023年", "1366", "开工率", "60%", ""],
        [2023, "5122", "completed_investment_wan", "200亿", ""],
        [2023, "1366", "没有的指标", 1, ""],
        [2023, "1366", "签约项目数", -5, "个"],
        [2023, "1366", "签约项目数", 1.5, "个"],
        ["下一年", "1366", "签约项目数", 10, "个"],
    ]


def test_targets_import_and_round_trip(db, tmp_path, capsys):
    path = write_xlsx(tmp_path / "t.xlsx", "2023年度目标", TARGET_HEADERS, target_rows())
    plan = plan_file(db, "targets", path)
    assert [r.action for r in plan.rows] == ["new"] * 4 + ["error"] * 4
    assert [e.reason for e in plan.errors] == [
        "未知的指标（请填写指标名称，如“签约项目数”，或指标代码）",
        "目标值不能为负数",
        "个数应为整数",
        "年份应为 2000–2100 之间的整数，如 2022",
    ]
    _, result = import_file(db, "targets", path, skip_invalid=True)
    assert result.created == 4
    with db.session() as session:
        got = {
            t.metric_key: t.target_value
            for t in session.scalars(select(AnnualTarget).where(AnnualTarget.year == 2023))
        }
        assert got == {
            "signed_over_100m_count": Decimal(100),
            "signed_investment_wan": Decimal(3_000_000),
            "start_rate": Decimal("0.6"),
            "completed_investment_wan": Decimal(2_000_000),
        }
        logs = session.scalars(select(ChangeLog).where(ChangeLog.entity == "annual_target")).all()
        assert len(logs) == 4
        assert json.loads(logs[0].changes)["target_value"][0] is None
    out = tmp_path / "targets.xlsx"
    code, text, err = run(
        capsys, "--db", db.url, "export", "--kind", "targets", "--year", 2023, "-o", out
    )
    assert code == 0 and "已导出 4 项年度目标" in text, err
    plan = plan_file(db, "targets", out)
    assert [r.action for r in plan.rows] == ["same"] * 4, plan.errors
    code, text, err = run(capsys, "--db", db.url, "import", "--kind", "targets", out)
    assert code == 0 and "新建 0 项年度目标" in text and "未变化 4 项" in text, err


# ------------------------------------------------------------------ exports


def test_company_export_masks_contacts_and_round_trips(db, tmp_path, capsys):
    with db.session() as session:
        c = create_company(
            session, CompanyInput(name="=HYPERLINK(1)公司", uscc=uscc(7), city="佛山"), ACTOR
        )
        session.add(Contact(company_id=c.id, name="王小明", mobile="13812345678"))
        create_company(session, CompanyInput(name="许昌本地企业", is_local=True), ACTOR)
    out = tmp_path / "companies.xlsx"
    code, text, err = run(capsys, "--db", db.url, "export", "--kind", "companies", "-o", out)
    assert code == 0 and "已导出 2 家客商" in text and "已打码" in text, err
    sheet = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "客商名录" and values[1][1] == "企业名称"
    by_name = {r[1]: r for r in values[2:]}
    assert by_name["=HYPERLINK(1)公司"][10] == "王** 138****5678"
    assert sheet["B3"].data_type == "s"  # text, never a formula
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref
    code, text, err = run(
        capsys, "--db", db.url, "export", "--kind", "companies", "--unmasked", "-o", out
    )
    assert code == 0 and "已打码" not in text
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(out).active.iter_rows()]
    assert {r[10] for r in rows[2:]} == {"王小明 13812345678", None}
    plan = plan_file(db, "companies", out)  # round trip: nothing to change
    assert [r.action for r in plan.rows] == ["same", "same"], plan.errors
    assert plan.unknown_columns == ["联系人"]


def test_visit_export_round_trip(db, tmp_path, capsys):
    with db.session() as session:
        create_company(session, CompanyInput(name="华为技术有限公司", city="深圳"), ACTOR)
    path = write_xlsx(tmp_path / "v.xlsx", "拜访", VISIT_HEADERS, visit_rows()[:2])
    import_file(db, "visits", path)
    out = tmp_path / "visits.xlsx"
    code, text, err = run(
        capsys, "--db", db.url, "export", "--kind", "visits", "--year", 2022, "-o", out
    )
    assert code == 0 and "已导出 2 条拜访记录" in text, err
    code, text, err = run(
        capsys, "--db", db.url, "export", "--kind", "visits", "--year", 2021, "-o", out
    )
    assert "已导出 0 条" in text
    code, text, err = run(capsys, "--db", db.url, "export", "--kind", "visits", "-o", out)
    plan = plan_file(db, "visits", out)
    assert [r.action for r in plan.rows] == ["same", "same"], plan.errors


def test_registries_and_cli_kind(db, tmp_path, capsys):
    assert set(IMPORT_KINDS) == {"projects", "companies", "visits", "targets"}
    assert set(EXPORT_KINDS) >= {"projects", "companies", "visits", "targets"}
    with db.session(readonly=True) as session:
        assert export_kind(session, "projects", tmp_path / "p.xlsx") == 0
    path = write_xlsx(tmp_path / "c.xlsx", "客商名录", COMPANY_HEADERS, company_rows()[:2])
    code, out, err = run(capsys, "--db", db.url, "import", "--kind", "companies", "--dry-run", path)
    assert code == 0 and "合计 2 行：新建 2" in out, err
    code, out, err = run(capsys, "--db", db.url, "import", "--kind", "companies", path)
    assert code == 0 and "新建 2 家客商" in out, err
    code, out, err = run(capsys, "--db", db.url, "import", "--kind", "targets", path)
    assert code == 1 and "找不到表头" in err


def test_project_export_same_with_one_query_or_chunks(db, tmp_path, monkeypatch):
    from jianan_desk.excel import export
    from tests.excel.test_import_projects import TODAY, write_messy_xlsx

    with db.session() as session:
        plan = plan_kind("projects", session, read_table(write_messy_xlsx(tmp_path / "p.xlsx")))
        apply_kind("projects", session, plan, actor=ACTOR, today=TODAY)

    def cells(path):
        return [[c.value for c in row] for row in openpyxl.load_workbook(path).active.iter_rows()]

    with db.session(readonly=True) as session:
        export_kind(session, "projects", tmp_path / "a.xlsx")
        monkeypatch.setattr(export, "ONE_QUERY_ABOVE", 0)
        export_kind(session, "projects", tmp_path / "b.xlsx")
    a, b = cells(tmp_path / "a.xlsx"), cells(tmp_path / "b.xlsx")
    assert a == b and len(a) == 9
    started = next(r for r in a[2:] if r[1] == "智能装备 产业园")
    assert started[6].date().isoformat() == "2022-09-01"  # 开工时间 from the stage events
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert sheet["F3"].number_format.startswith("yyyy-mm-dd")  # a real date cell
    assert sheet["D3"].number_format == "#,##0.00"  # 亿元 with 2 decimals
