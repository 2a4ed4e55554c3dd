"""Importing projects ledgers: a generated corpus of real-world-style files, exact results."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from jianan_desk.cli import main
from jianan_desk.domain.money import MoneyUnit
from jianan_desk.excel.columns import load_mappings
from jianan_desk.excel.export import export_projects
from jianan_desk.excel.projects_import import (
    ImportFailed,
    apply_import,
    cell_text,
    parse_amount_cell,
    parse_date_cell,
    plan_import,
)
from jianan_desk.excel.reader import SpreadsheetError, read_table
from jianan_desk.store.models import ChangeLog, IndustryNode, Project, ProjectStageEvent, Unit

TODAY = dt.date(2026, 11, 1)

HEADERS = [
    "序号",
    "项目\n名称",
    "签约企业",
    "计划总投资\n（亿元）",
    "签约日期",
    "开工时间",
    "所属产业",
    "所在乡镇",
    "项目进展",
    "包联领导",
    "责任单位",
    "备注",
    "联系电话",
]


def messy_rows() -> list[list[object]]:
    """(values of data rows after the header), as people type them."""
    return [
        [1, "年产10万吨新材料项目", "河南新材料有限公司", 5.2, "2022.3.31", None,
         "电子信息", "五女店镇", "已签约", "张三", "五女店镇", "", "138"],
        [2, " 智能装备\n产业园 ", "许昌装备集团", "3,000万元", dt.date(2022, 5, 6),
         "2022/9/1", "汽车零部件及装备制造", "", "已开工", "李四", "区商务局", "重点", ""],
        [3, "生物医药中试基地", "华药集团", "１２", "2022年1月4日", None, "生物医药",
         "", "签约", "", "", "", ""],
        [4, "食品包装项目", "某食品公司", "伍仟万", 44652, None, "食品加工及包装", "", "已签约",
         "", "", "", ""],
        [5, "电子元件项目", "电子公司", 0.8, "2022.3", None, "  电子信息 ", "", "已签约", "",
         "", "", ""],
        [6, "在谈项目", "洽谈企业", 1, None, None, "", "", "在谈", "", "", "", ""],
        [None, "小计", None, 22.0, None, None, None, None, None, None, None, None, None],
        [None, None, None, None, None, None, None, None, None, None, None, None, None],
        [7, "＝公式样项目", "全角企业（有限）", "2亿", "２０２２－６－１", None, "", "", "已签约",
         "", "", "", ""],
        ["", "合计", "", 30, "", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip


def write_messy_xlsx(path: Path, rows: list[list[object]] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2022年项目"
    sheet.append(["建安区2022年招商引资签约项目台账"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(["填报单位：建安区投资促进中心", None, None, None, None, None, "单位：亿元"])
    sheet.append(HEADERS)
    for row in rows if rows is not None else messy_rows():
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text, not a formula
    # formatting that runs to the last row of the sheet
    sheet.cell(row=1_048_576, column=1).number_format = "0.00"
    book.save(path)
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


# ------------------------------------------------------------------ cells


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (5.2, MoneyUnit.YI, "52000"),
        ("3,000万元", MoneyUnit.YI, "3000"),
        ("１２", MoneyUnit.YI, "120000"),
        ("伍仟万", MoneyUnit.YI, "5000"),
        ("2亿", MoneyUnit.WAN, "20000"),
        (1500, None, "1500"),
        ("1亿2000万", MoneyUnit.WAN, "12000"),
        (0.1, MoneyUnit.YI, "1000"),
    ],
)
def test_amount_cells(value, unit, expected):
    assert parse_amount_cell(value, unit) == Decimal(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (44652, dt.date(2022, 4, 1)),
        (44652.0, dt.date(2022, 4, 1)),
        ("2022.3.31", dt.date(2022, 3, 31)),
        ("2022/3/31", dt.date(2022, 3, 31)),
        ("2022年3月31日", dt.date(2022, 3, 31)),
        ("2022.3", dt.date(2022, 3, 1)),
        ("２０２２－６－１", dt.date(2022, 6, 1)),
        (dt.datetime(2022, 1, 2, 0, 0), dt.date(2022, 1, 2)),
        (" 2022 年\n3 月 31 日 ", dt.date(2022, 3, 31)),
    ],
)
def test_date_cells(value, expected):
    assert parse_date_cell(value) == expected


def test_cell_text_joins_lines():
    assert cell_text(" 智能装备\n产业园 ") == "智能装备 产业园"
    assert cell_text(3.0) == "3"


# ------------------------------------------------------------------ the corpus


def test_messy_xlsx_plan_and_import(db, tmp_path):
    table = read_table(write_messy_xlsx(tmp_path / "ledger.xlsx"))
    assert len(table.rows) == 13  # formatting to row 1,048,576 is not read as rows
    with db.session() as session:
        plan = plan_import(session, table, today=TODAY)
        assert plan.columns.header_row == 2
        assert plan.unknown_columns == ["联系电话"]
        assert plan.skipped == [(10, "合计行"), (13, "合计行")]
        assert [r.action for r in plan.rows] == ["new"] * 7, plan.errors
        result = apply_import(session, plan, today=TODAY)
        assert result.created == 7
    with db.session() as session:
        got = {
            p.name: p for p in session.scalars(select(Project).where(Project.deleted_at.is_(None)))
        }
        assert set(got) == {
            "年产10万吨新材料项目", "智能装备 产业园", "生物医药中试基地", "食品包装项目",
            "电子元件项目", "在谈项目", "＝公式样项目",
        }  # fmt: skip
        p = got["年产10万吨新材料项目"]
        assert p.total_investment_wan == Decimal("52000")
        assert p.investor_name == "河南新材料有限公司"
        assert p.stage == "signed" and p.signed_on == dt.date(2022, 3, 31)
        assert p.leader_in_charge == "张三" and p.location == "五女店镇"
        assert session.get(Unit, p.unit_id).name == "五女店镇"
        assert session.get(IndustryNode, p.industry_node_id).name == "电子信息"
        q = got["智能装备 产业园"]
        assert q.total_investment_wan == Decimal("3000") and q.stage == "started"
        assert q.signed_on == dt.date(2022, 5, 6) and q.stage_on == dt.date(2022, 9, 1)
        assert got["生物医药中试基地"].total_investment_wan == Decimal("120000")
        assert got["生物医药中试基地"].signed_on == dt.date(2022, 1, 4)
        assert got["食品包装项目"].total_investment_wan == Decimal("5000")
        assert got["食品包装项目"].signed_on == dt.date(2022, 4, 1)
        assert got["电子元件项目"].signed_on == dt.date(2022, 3, 1)
        assert got["在谈项目"].stage == "negotiating" and got["在谈项目"].signed_on is None
        assert got["＝公式样项目"].total_investment_wan == Decimal("20000")
        assert got["＝公式样项目"].signed_on == dt.date(2022, 6, 1)
        events = session.scalars(
            select(ProjectStageEvent.stage).where(ProjectStageEvent.project_id == q.id)
        ).all()
        assert {"signed", "started"} <= set(events)
        assert count(session, ChangeLog) > 7  # audited through the service


def test_reimport_is_idempotent_and_updates(db, tmp_path, capsys):
    path = write_messy_xlsx(tmp_path / "ledger.xlsx")
    code, out, err = run(capsys, "--db", db.url, "import", path)
    assert code == 0, err
    assert "新建 7 个项目" in out
    code, out, err = run(capsys, "--db", db.url, "import", path)
    assert code == 0, err
    assert "新建 0 个项目" in out and "未变化 7 个" in out
    rows = messy_rows()
    rows[0][3] = 6  # 亿元
    rows[0][5] = "2022.10.8"  # 开工
    rows[0][8] = "已开工"
    write_messy_xlsx(path, rows)
    code, out, err = run(capsys, "--db", db.url, "import", path)
    assert code == 0, err
    assert "[更新] 年产10万吨新材料项目" in out
    assert "总投资：52000 → 60000" in out and "推进到开工" in out
    with db.session() as session:
        assert count(session, Project) == 7
        p = session.scalar(select(Project).where(Project.name == "年产10万吨新材料项目"))
        assert p.total_investment_wan == Decimal("60000") and p.stage == "started"


def test_all_or_nothing(db, tmp_path, capsys):
    rows = messy_rows()
    rows[2][3] = "很多钱"
    rows[3][4] = "2022.13.1"
    rows[4][6] = "火星产业"
    rows[5][10] = "不存在的单位"
    rows[0][8] = "待定状态"
    write_messy_xlsx(tmp_path / "bad.xlsx", rows)
    with db.session() as session:
        before = count(session, Project), count(session, ChangeLog)
    code, out, err = run(capsys, "--db", db.url, "import", tmp_path / "bad.xlsx")
    assert code == 1
    assert "未导入任何数据" in err
    assert "第 6 行「计划总投资（亿元）」“很多钱”：无法识别的金额" in out
    assert "第 7 行「签约日期」“2022.13.1”：" in out and "月份" in out
    assert "第 8 行「所属产业」“火星产业”：不是“222”体系中的产业" in out
    assert "第 9 行「责任单位」“不存在的单位”：责任单位不存在" in out
    assert "第 4 行「项目进展」“待定状态”：无法识别的项目进展" in out
    with db.session() as session:
        assert (count(session, Project), count(session, ChangeLog)) == before


def test_skip_invalid_writes_error_workbook(db, tmp_path, capsys):
    rows = messy_rows()
    rows[2][3] = "很多钱"
    path = write_messy_xlsx(tmp_path / "bad.xlsx", rows)
    code, out, _err = run(capsys, "--db", db.url, "import", path, "--skip-invalid")
    assert code == 1
    assert "新建 6 个项目" in out and "跳过错误行 1 行" in out
    book = openpyxl.load_workbook(tmp_path / "bad-错误行.xlsx")
    sheet = book.active
    assert sheet.cell(2, 1).value == 6
    assert sheet.cell(2, 3).value == "生物医药中试基地"
    assert "无法识别的金额" in sheet.cell(2, len(HEADERS) + 2).value


def test_dry_run_writes_nothing(db, tmp_path, capsys):
    path = write_messy_xlsx(tmp_path / "ledger.xlsx")
    code, out, _ = run(capsys, "--db", db.url, "import", path, "--dry-run")
    assert code == 0 and "未写入任何数据" in out and "[新建]" in out
    with db.session() as session:
        assert count(session, Project) == 0


def test_row_level_errors(db, tmp_path):
    rows = [
        [1, "", "某公司", 1, None, None, "", "", "", "", "", "", ""],  # name empty
        [2, "甲项目", "甲公司", -1, None, None, "", "", "", "", "", "", ""],  # negative
        [3, "乙项目", "乙公司", 1, "2022-5-1", "2022-3-1", "", "", "", "", "", "", ""],
        [4, "丙项目", "丙公司", 1, "2022-5-1", None, "", "", "在谈", "", "", "", ""],
        [5, "甲项目", "甲公司", 2, None, None, "", "", "", "", "", "", ""],  # duplicate
        [6, "丁项目", "丁公司", "5万美元", None, None, "", "", "", "", "", "", ""],
        [7, "戊项目", "戊公司", 1, "2099-1-1", None, "", "", "", "", "", "", ""],  # future
    ]
    table = read_table(write_messy_xlsx(tmp_path / "e.xlsx", rows))
    with db.session() as session:
        plan = plan_import(session, table, today=TODAY)
        reasons = {e.row: e.reason for e in plan.errors}
        assert reasons[4] == "项目名称为空"
        assert reasons[5] == "总投资不能为负数"
        assert "开工时间早于签约时间" in reasons[6]
        assert "项目进展为“洽谈”，但填写了签约时间" in reasons[7]
        assert "与第 5 行是同一项目" in reasons[8]
        assert "万美元" in reasons[9]
        assert 10 not in reasons  # only the service sees the future date…
        with pytest.raises(ImportFailed) as info:
            apply_import(session, plan, today=TODAY)
        session.rollback()
    assert len(info.value.plan.errors) == 6
    with db.session() as session:
        plan = plan_import(session, table, today=TODAY)
        plan.rows = [r for r in plan.rows if r.row == 10]
        with pytest.raises(ImportFailed) as info:
            apply_import(session, plan, today=TODAY)  # …and refuses it while writing
        session.rollback()
        assert info.value.plan.rows[0].action == "error"
    with db.session() as session:
        assert count(session, Project) == 0


def test_gbk_and_utf8_csv(db, tmp_path):
    for encoding in ("gbk", "utf-8-sig", "utf-8"):
        path = tmp_path / f"ledger-{encoding}.csv"
        with path.open("w", encoding=encoding, newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["2022年项目台账"])
            w.writerow(["项目名称", "投资方", "总投资（万元）", "签约时间", "项目进展"])
            w.writerow(["许昌发制品项目", "瑞贝卡", "1,500", "2022年3月31日", "已签约"])
            w.writerow(["合计", "", "1500", "", ""])
        table = read_table(path)
        with db.session() as session:
            plan = plan_import(session, table, today=TODAY)
            assert [(r.name, r.investor, r.action) for r in plan.rows] == [
                ("许昌发制品项目", "瑞贝卡", "new")
            ], encoding
            assert plan.rows[0].data.total_investment_wan == Decimal("1500")
            session.rollback()


def test_formulas_are_not_evaluated(db, tmp_path):
    path = write_messy_xlsx(tmp_path / "f.xlsx", messy_rows()[:1])
    book = openpyxl.load_workbook(path)
    book.active["B4"] = '=CONCAT("A","B")'  # a live formula without a cached value
    book.save(path)
    with db.session() as session:
        plan = plan_import(session, read_table(path), today=TODAY)
        assert [str(e) for e in plan.errors] == ["第 4 行「项目名称」：项目名称为空"]


def test_control_characters_and_bad_files(db, tmp_path, capsys):
    dirty = tmp_path / "c.csv"
    dirty.write_bytes("项目名称,投资方\n新材料\x00项目\x07,某\x1b公司\n".encode())
    with db.session() as session:
        plan = plan_import(session, read_table(dirty), today=TODAY)
        assert (plan.rows[0].name, plan.rows[0].investor) == ("新材料项目", "某公司")
    write_messy_xlsx(tmp_path / "c.xlsx")
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = run(capsys, "--db", db.url, "import", junk)
    assert code == 1 and "无法读取表格文件" in err
    code, _, err = run(capsys, "--db", db.url, "import", tmp_path / "missing.xlsx")
    assert code == 1 and "文件不存在" in err
    with pytest.raises(SpreadsheetError, match="文件过大"):
        read_table(write_messy_xlsx(tmp_path / "big.xlsx"), max_bytes=100)
    code, _, err = run(capsys, "--db", db.url, "import", tmp_path / "c.xlsx", "--sheet", "无")
    assert code == 1 and "找不到工作表“无”" in err
    noheader = tmp_path / "noheader.csv"
    noheader.write_text("a,b\n1,2\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db.url, "import", noheader)
    assert code == 1 and "找不到表头" in err


def test_manual_mapping_is_remembered(db, tmp_path, capsys):
    path = tmp_path / "m.csv"
    path.write_text("项目名称,投资方,建设性质\n甲项目,甲公司,新建\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db.url, "import", path, "--map", "建设性质=备注")
    assert code == 0, err
    assert next(iter(load_mappings().values()))["fields"]["notes"] == 2
    path.write_text("项目名称,投资方,建设性质\n乙项目,乙公司,扩建\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db.url, "import", path)
    assert code == 0 and "沿用上次保存的对应关系" in out
    with db.session() as session:
        assert session.scalar(select(Project.notes).where(Project.name == "乙项目")) == "扩建"


def test_round_trip(db, tmp_path, capsys):
    path = write_messy_xlsx(tmp_path / "ledger.xlsx")
    assert run(capsys, "--db", db.url, "import", path)[0] == 0

    def snapshot(database):
        with database.session() as session:
            return sorted(
                (p.name, p.investor_name, p.total_investment_wan, p.stage, p.signed_on,
                 p.location, p.leader_in_charge, p.notes,
                 p.unit_id and session.get(Unit, p.unit_id).name,
                 p.industry_node_id and session.get(IndustryNode, p.industry_node_id).name)
                for p in session.scalars(select(Project))
            )  # fmt: skip

    out = tmp_path / "export.xlsx"
    code, text, err = run(capsys, "--db", db.url, "export", "--kind", "projects", "-o", out)
    assert code == 0 and "已导出 7 个项目" in text, err
    first = snapshot(db)
    # into the same database: nothing changes
    code, text, err = run(capsys, "--db", db.url, "import", out)
    assert code == 0 and "未变化 7 个" in text, err + text
    assert snapshot(db) == first
    # into a new database: the same records
    other = tmp_path / "other.sqlite"
    assert run(capsys, "--db", other, "upgrade")[0] == 0
    code, text, err = run(capsys, "--db", other, "import", out)
    assert code == 0, err + text
    from tests.helpers import open_db

    again = open_db(other)
    try:
        assert snapshot(again) == first
    finally:
        again.dispose()


def test_export_format_and_formula_neutralising(db, tmp_path):
    rows = messy_rows()[:2]
    rows[0][1] = '=HYPERLINK("http://x","点我")'
    rows[1][11] = "@SUM(A1:A2)"
    rows[1][9] = "-王五"
    table = read_table(write_messy_xlsx(tmp_path / "f.xlsx", rows))
    with db.session() as session:
        apply_import(session, plan_import(session, table, today=TODAY), today=TODAY)
    out = tmp_path / "out.xlsx"
    with db.session(readonly=True) as session:
        assert export_projects(session, out) == 2
    book = openpyxl.load_workbook(out)
    sheet = book["项目"]
    assert sheet["A1"].value == "招商引资项目台账"
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref == "A2:N4"
    assert sheet["D2"].value == "总投资（亿元）"
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            assert cell.data_type != "f"
    values = {c.value for row in sheet.iter_rows(min_row=3) for c in row}
    assert '=HYPERLINK("http://x","点我")' in values and "@SUM(A1:A2)" in values
    assert "-王五" in values
    signed = next(c for c in sheet["F"][2:] if c.value is not None)
    assert isinstance(signed.value, dt.datetime) and signed.number_format == "yyyy-mm-dd"
    assert sheet["D3"].number_format == "#,##0.00"
    assert sheet.column_dimensions["B"].width >= 30


def test_template(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    code, text, _ = run(capsys, "export", "--template", "projects", "-o", out)
    assert code == 0 and "导入模板" in text
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["项目", "填写说明"]
    assert book["项目"]["B2"].value == "项目名称"


def test_export_cli_errors(db, tmp_path, capsys):
    code, _, err = run(capsys, "--db", db.url, "export", "-o", tmp_path / "x.csv")
    assert code == 1 and "应为 .xlsx" in err
    code, _, err = run(capsys, "--db", db.url, "export", "-o", tmp_path / "no" / "x.xlsx")
    assert code == 1 and "输出文件夹不存在" in err


def test_legacy_xls(db, tmp_path):
    xlwt = pytest.importorskip("xlwt")  # writes the .xls corpus file; not needed to read it
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("项目")
    sheet.write_merge(0, 0, 0, 4, "建安区招商项目台账")
    for col, text in enumerate(
        ["项目名称", "投资主体", "总投资额（万元）", "签约时间", "当前阶段"]
    ):
        sheet.write(1, col, text)
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    sheet.write(2, 0, "发制品出口基地")
    sheet.write(2, 1, "瑞贝卡发制品")
    sheet.write(2, 2, 8000)
    sheet.write(2, 3, dt.date(2022, 3, 31), date_style)
    sheet.write(2, 4, "已签约")
    sheet.write(3, 0, "总计")
    path = tmp_path / "old.xls"
    book.save(str(path))
    with db.session() as session:
        plan = plan_import(session, read_table(path), today=TODAY)
        assert [(r.name, r.investor, r.action) for r in plan.rows] == [
            ("发制品出口基地", "瑞贝卡发制品", "new")
        ]
        apply_import(session, plan, today=TODAY)
    with db.session() as session:
        p = session.scalar(select(Project))
        assert p.total_investment_wan == Decimal(8000) and p.signed_on == dt.date(2022, 3, 31)


@pytest.mark.sqlite_only(reason="the backup before a large import is a SQLite file copy")
def test_large_import_takes_a_backup(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("jianan_desk.excel.projects_import.LARGE_IMPORT_ROWS", 2)
    path = write_messy_xlsx(tmp_path / "ledger.xlsx")
    code, out, err = run(capsys, "--db", db.url, "import", path)
    assert code == 0, err
    assert "导入前备份" in out
    assert list(db.path.parent.glob("test-导入前-*.sqlite"))


def test_formatting_to_the_last_row_reads_only_the_real_rows(tmp_path):
    path = write_messy_xlsx(tmp_path / "ledger.xlsx")  # styled cell at row 1,048,576
    table = read_table(path)
    assert len(table.rows) == 13


def test_absurd_amounts_and_stage_going_back(db, tmp_path):
    rows = messy_rows()[:2]
    rows[0][3] = 1e300
    rows[1][3] = 20000  # 亿元 = 2 万亿元
    table = read_table(write_messy_xlsx(tmp_path / "a.xlsx", rows))
    with db.session() as session:
        plan = plan_import(session, table, today=TODAY)
        assert [e.reason for e in plan.errors] == [
            "数值超出范围",
            "金额过大（超过 1 万亿元），请检查单位",
        ]
    rows = messy_rows()[5:6]  # 在谈项目
    write_messy_xlsx(tmp_path / "b.xlsx", rows)
    with db.session() as session:
        apply_import(session, plan_import(session, read_table(tmp_path / "b.xlsx")))
    rows[0][8] = "线索"
    with db.session() as session:
        plan = plan_import(session, read_table(write_messy_xlsx(tmp_path / "b.xlsx", rows)))
        assert plan.rows[0].action == "same"
        assert "早于库中（洽谈），未回退" in plan.rows[0].notes[0]
