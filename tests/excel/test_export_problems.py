"""The problem ledger (问题台账) exported to .xlsx: registry kind, CLI, year and filters."""

from __future__ import annotations

import datetime as dt

import openpyxl
from sqlalchemy import select

from jianan_desk.excel.export_kinds import EXPORT_KINDS, export_problems
from jianan_desk.services.problems import ProblemFilter
from jianan_desk.store.models import Problem, Unit
from tests.excel.test_import_projects import run

D = dt.date


def _seed(db) -> str:
    with db.session() as s:
        unit = s.scalars(select(Unit).order_by(Unit.name)).first()
        s.add_all(
            [
                Problem(raised_on=D(2023, 3, 1), description="用地指标未落实", category="land",
                        deadline=D(2023, 3, 31), unit_id=unit.id, responsible_person="钱七"),
                Problem(raised_on=D(2023, 5, 2), description="环评批复", status="closed",
                        category="approval", resolution="已批复", resolved_on=D(2023, 5, 12)),
                Problem(raised_on=D(2022, 6, 1), description="=去年的问题"),
            ]
        )  # fmt: skip
        return unit.name


def _rows(path) -> list[tuple]:
    sheet = openpyxl.load_workbook(path).active
    return list(sheet.iter_rows(values_only=True))


def test_problems_kind_via_the_cli_with_a_year(db, tmp_path, capsys):
    unit_name = _seed(db)
    assert EXPORT_KINDS["problems"].title == "问题"
    out = tmp_path / "problems.xlsx"
    code, text, err = run(
        capsys, "--db", db.url, "export", "--kind", "problems", "--year", 2023, "-o", out
    )
    assert code == 0 and "已导出 2 条问题" in text, err
    rows = _rows(out)
    assert rows[0][0] == "2023年问题台账"
    header = rows[1]
    assert header[:4] == ("序号", "提出日期", "问题类别", "问题描述")
    data = {r[3]: dict(zip(header, r, strict=True)) for r in rows[2:]}
    assert set(data) == {"用地指标未落实", "环评批复"}
    land = data["用地指标未落实"]
    assert land["提出日期"] == dt.datetime(2023, 3, 1)  # a real date, not text
    assert land["办结时限"] == dt.datetime(2023, 3, 31)
    assert (land["问题类别"], land["状态"], land["责任单位"], land["责任人"]) == (
        "用地",
        "待办",
        unit_name,
        "钱七",
    )
    assert land["超期天数"] > 0
    closed = data["环评批复"]
    assert (closed["状态"], closed["销号日期"]) == ("已销号", dt.datetime(2023, 5, 12))
    assert closed["超期天数"] is None


def test_all_years_and_a_filter(db, tmp_path, capsys):
    _seed(db)
    out = tmp_path / "all.xlsx"
    code, text, err = run(capsys, "--db", db.url, "export", "--kind", "problems", "-o", out)
    assert code == 0 and "已导出 3 条问题" in text, err
    descriptions = [r[3] for r in _rows(out)[2:]]
    assert "=去年的问题" in descriptions  # formula look-alikes stay text
    filtered = tmp_path / "open.xlsx"
    with db.session(readonly=True) as s:
        n = export_problems(s, filtered, filt=ProblemFilter(status="closed"), as_of=D(2023, 12, 31))
    assert n == 1 and [r[3] for r in _rows(filtered)[2:]] == ["环评批复"]
