"""招商图谱 lists to and from .xlsx: the coverage table, target-company lists (export), and
the rows of a target-list spreadsheet (import; mapped by ``services.target_companies``).

Written through ``excel.export.write_table`` (no formulas, 亿元 with 2 decimals, real dates).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jianan_desk.excel.export import Column, write_table
from jianan_desk.services.industry_map import LinkCounts
from jianan_desk.services.target_companies import EXPORT_HEADERS, TargetEntry, export_rows

COVERAGE_COLUMNS: tuple[Column, ...] = (
    Column("产业", 18),
    Column("环节", 22),
    Column("位置", 8),
    Column("状态", 8),
    Column("本地企业", 10, "int"),
    Column("目标企业", 10, "int"),
    Column("在谈线索", 10, "int"),
    Column("签约项目", 10, "int"),
    Column("签约投资（亿元）", 14, "yi"),
    Column("缺口", 8),
    Column("重点产品", 30),
)
TARGET_WIDTHS = {"企业名称": 34, "理由": 30, "备注": 24, "最近接触": 12, "产业链环节": 20}
TARGET_KINDS = {"最近接触": "date", "未接触天数": "int"}


def export_coverage(
    path: Path, rows: Sequence[LinkCounts], *, title: str = "招商图谱覆盖表"
) -> int:
    """Write the coverage table; returns the number of rows written."""
    data = [
        [
            r.industry_name,
            r.name + ("（已撤销）" if r.retired_on else ""),
            r.position_label,
            r.status_label,
            r.local,
            r.targets,
            r.leads,
            r.signed,
            r.signed_yi,
            "缺口" if r.gap else "",
            r.key_products,
        ]
        for r in rows
    ]
    return write_table(path, title, COVERAGE_COLUMNS, data, sheet_name="覆盖表")


def export_targets(
    path: Path, entries: Sequence[TargetEntry], *, title: str = "目标企业清单"
) -> int:
    """Write a target-company list; returns the number of rows written."""
    columns = tuple(
        Column(h, TARGET_WIDTHS.get(h, 10), TARGET_KINDS.get(h, "text")) for h in EXPORT_HEADERS
    )
    return write_table(path, title, columns, export_rows(entries), sheet_name="目标企业")


def read_target_sheet(path: Path, sheet: str | None = None) -> list[list[Any]]:
    """The rows of a target-list spreadsheet, from its header row on.

    The header row is the first row that has a "企业名称" (or 目标企业/企业/公司名称) cell,
    so a title row above the table (as ``export_targets`` writes) is skipped.
    """
    from jianan_desk.excel.reader import read_table
    from jianan_desk.services.target_companies import IMPORT_HEADERS

    rows = read_table(path, sheet).rows
    names = set(IMPORT_HEADERS["company_name"])
    for i, row in enumerate(rows[:20]):
        if any("".join(str(c or "").split()) in names for c in row):
            return [list(r) for r in rows[i:]]
    return [list(r) for r in rows]


__all__ = ["COVERAGE_COLUMNS", "export_coverage", "export_targets", "read_target_sheet"]
