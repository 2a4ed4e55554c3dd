"""Writing lists to .xlsx with openpyxl (write-only): Chinese headers, a title row, units in
headers, 亿元 with 2 decimals, real date cells, frozen header, autofilter, sensible widths.

No exported cell is ever a formula: text beginning with = + - @ is written as a text cell,
and control characters (which openpyxl refuses) are removed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jianan_desk.domain.money import WAN_PER_YI
from jianan_desk.domain.stages import Stage
from jianan_desk.store.models import Project, ProjectStageEvent

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@")
YI_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
NUM_FORMAT = "#,##0.####"
ONE_QUERY_ABOVE = 2000  # ids: above this, one pass over a table instead of IN chunks


@dataclass(frozen=True)
class Column:
    title: str
    width: int
    kind: str = "text"  # text / yi / date / int / num


PROJECT_COLUMNS: tuple[Column, ...] = (
    Column("序号", 6, "int"),
    Column("项目名称", 36),
    Column("投资方", 30),
    Column("总投资（亿元）", 14, "yi"),
    Column("项目进展", 10),
    Column("签约时间", 12, "date"),
    Column("开工时间", 12, "date"),
    Column("投产时间", 12, "date"),
    Column("所属产业", 16),
    Column("建设地点", 20),
    Column("责任单位", 18),
    Column("包联领导", 10),
    Column("项目编码", 14),
    Column("备注", 30),
)


def safe_cell(sheet: Any, value: Any, number_format: str | None = None) -> Any:
    """A write-only cell for ``value``: text never becomes a formula; control characters go."""
    if isinstance(value, str):
        value = _CONTROL.sub("", value)
        cell = WriteOnlyCell(sheet, value=value)
        if value.startswith(_FORMULA_START):
            cell.data_type = "s"
        return cell
    if isinstance(value, Decimal):
        value = float(value)
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    return cell


def _is_plain(value: Any) -> bool:
    """A value that can be appended as it is (no formula look-alike, no Decimal)."""
    if isinstance(value, str):
        return not value.startswith(_FORMULA_START)
    return not isinstance(value, Decimal)


def _plain_value(value: Any) -> Any:
    if isinstance(value, str) and _CONTROL.search(value):
        return _CONTROL.sub("", value)
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_table(
    path: Path,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_name: str = "项目",
    notes: Sequence[str] = (),
) -> int:
    """Write one list; returns the number of data rows."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    header_row = 2
    sheet.freeze_panes = f"A{header_row + 1}"
    for i, col in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(col.width, _width(col.title) + 2)
    last = get_column_letter(len(columns))
    title_cell = WriteOnlyCell(sheet, value=title)
    title_cell.font = Font(bold=True, size=14)
    sheet.append([title_cell])
    headers = []
    for col in columns:
        c = WriteOnlyCell(sheet, value=col.title)
        c.font = Font(bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        headers.append(c)
    sheet.append(headers)
    formats = {"yi": YI_FORMAT, "date": DATE_FORMAT, "int": "0", "num": NUM_FORMAT}
    # A styled cell object costs ~3× a plain value: only amounts (a number format) and
    # text that could pass for a formula get one; dates get their own date format anyway.
    styled = [col.kind in ("yi", "num") for col in columns]
    count = 0
    for values in rows:
        sheet.append(
            [
                _plain_value(v) if not fmt_needed and _is_plain(v)
                else safe_cell(sheet, v, formats.get(col.kind))
                for col, fmt_needed, v in zip(columns, styled, values, strict=False)
            ]
        )  # fmt: skip
        count += 1
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + count}"
    sheet.merged_cells.add(f"A1:{last}1")
    if notes:
        info = book.create_sheet("填写说明")
        info.column_dimensions["A"].width = 100
        for line in notes:
            info.append([safe_cell(info, line)])
    book.save(path)
    return count


def _stage_dates(session: Session, ids: Sequence[str]) -> dict[tuple[str, str], dt.date]:
    """Effective event dates: (project id, stage) → the date it was reached.

    Many ids: one grouped query over every event, filtered here (an ``IN`` per 500 ids
    took ~25 s for 100,000 projects); few ids: ``IN`` chunks."""
    found: dict[tuple[str, str], dt.date] = {}
    wanted = (Stage.STARTED.value, Stage.OPERATING.value)
    stmt = (
        select(
            ProjectStageEvent.project_id,
            ProjectStageEvent.stage,
            func.min(ProjectStageEvent.occurred_on),
        )
        .where(ProjectStageEvent.deleted_at.is_(None), ProjectStageEvent.stage.in_(wanted))
        .group_by(ProjectStageEvent.project_id, ProjectStageEvent.stage)
    )
    if len(ids) > ONE_QUERY_ABOVE:
        keep = set(ids)
        for pid, stage, on in session.execute(stmt):
            if pid in keep:
                found[(pid, stage)] = on
        return found
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for pid, stage, on in session.execute(stmt.where(ProjectStageEvent.project_id.in_(chunk))):
            found[(pid, stage)] = on
    return found


def project_rows(session: Session, year: int | None = None) -> list[list[Any]]:
    """Every (not deleted) project as an export row; ``year``: signed in that year."""
    from jianan_desk.services.project_query import ProjectFilter, fetch_ids, fetch_rows

    f = ProjectFilter(signed_year=year)
    ids = fetch_ids(session, f, sort="signed_on", descending=False)
    rows = fetch_rows(session, ids)
    dates = _stage_dates(session, ids)
    if len(ids) > ONE_QUERY_ABOVE:  # one pass over the table beats 200 ``IN`` queries
        keep = set(ids)
        extra = {
            pid: (code, notes)
            for pid, code, notes in session.execute(select(Project.id, Project.code, Project.notes))
            if pid in keep
        }
    else:
        extra = {
            pid: (code, notes)
            for pid, code, notes in _chunked(
                session, ids, lambda c: select(Project.id, Project.code, Project.notes).where(
                    Project.id.in_(c))
            )
        }  # fmt: skip
    out = []
    for n, r in enumerate(rows, start=1):
        code, notes = extra.get(r.id, (None, ""))
        out.append(
            [
                n,
                r.name,
                r.investor_name,
                r.total_investment_wan / WAN_PER_YI,
                r.stage_label,
                r.signed_on,
                dates.get((r.id, Stage.STARTED.value)),
                dates.get((r.id, Stage.OPERATING.value)),
                r.industry_name,
                r.location,
                r.unit_name,
                r.leader_in_charge,
                code or "",
                notes,
            ]
        )
    return out


def _chunked(session: Session, ids: Sequence[str], make: Any) -> Iterable[Any]:
    for start in range(0, len(ids), 500):
        yield from session.execute(make(list(ids[start : start + 500])))


def export_projects(session: Session, path: Path, *, year: int | None = None) -> int:
    title = f"{year}年招商引资项目台账" if year else "招商引资项目台账"
    return write_table(path, title, PROJECT_COLUMNS, project_rows(session, year))


TEMPLATE_NOTES = (
    "填写说明（本页不导入）",
    "1. 第 1 行为标题，第 2 行为表头，请勿修改表头文字；从第 3 行起每行一个项目。",
    "2. 项目名称必填；同名且投资方相同的项目再次导入时更新原项目，不会重复创建。",
    "3. 总投资单位为亿元（表头注明）；也可在单元格中写“5000万元”“5亿”等。",
    "4. 日期可写 2022-03-31、2022/3/31、2022.3.31、2022年3月31日；只写到月（2022.3）按当月 1 日。",
    "5. 项目进展可填：在谈/洽谈、已签约、已开工、已投产、终止；"
    "签约/开工/投产时间会记为项目的阶段日期。",
    "6. 所属产业请填写“222”体系中的产业名称；责任单位须为系统中已有的单位。",
    "7. 合计、小计、总计行与空行会被跳过。",
    "8. 导入命令：jianan-desk import 文件.xlsx（先加 --dry-run 预览）。",
)


def export_template(path: Path) -> int:
    today = dt.date.today()
    examples = [
        [1, "示例：年产10万吨新材料项目", "示例新材料有限公司", Decimal("5.2"), "已签约",
         dt.date(today.year, 3, 31), None, None, "", "", "", "", "", "示例行，导入前请删除"],
        [2, "示例：智能装备产业园项目", "示例装备集团", Decimal("12"), "在谈",
         None, None, None, "", "", "", "", "", "示例行，导入前请删除"],
    ]  # fmt: skip
    return write_table(
        path, "招商引资项目导入模板", PROJECT_COLUMNS, examples, notes=TEMPLATE_NOTES
    )
