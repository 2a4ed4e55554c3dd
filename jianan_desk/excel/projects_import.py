"""Importing a projects ledger: parse every row, plan it (new / update / error), write it.

``plan_import`` reads nothing but the database; ``apply_import`` writes every planned row
through ``services.projects`` (so the rules, the audit log and stage events apply) in the
caller's unit of work: with any error and ``skip_invalid`` false it raises
``ImportFailed`` and the caller's session rolls back — nothing is written.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.domain.company_names import normalize_company_name
from jianan_desk.domain.dates import DateParseError, parse_date
from jianan_desk.domain.money import AmountError, MoneyUnit, parse_amount_wan
from jianan_desk.domain.project_fields import FieldError, parse_family, parse_usd_wan
from jianan_desk.domain.search import fold
from jianan_desk.domain.search import prepare as prepare_search_keys
from jianan_desk.domain.stages import Stage, StageRuleError, stage_from_label
from jianan_desk.excel.bulk import Cancelled, ImportCancelled, Progress, insert_new_projects
from jianan_desk.excel.columns import FIELD_TITLES, ColumnMap, map_columns
from jianan_desk.excel.reader import Cell, Table
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.projects import (
    EDITABLE,
    ProjectInput,
    advance_stage,
    clean_project_values,
    create_project,
    drop_project,
)
from jianan_desk.store.models import IndustryNode, Project, Unit

LARGE_IMPORT_ROWS = 1000
MAX_AMOUNT_WAN = Decimal(100_000_000)  # 1 万亿元
DEFAULT_ACTOR = "Excel导入"
_TOTAL_WORDS = ("合计", "小计", "总计", "共计")
_SPACES = re.compile(r"\s+")
_DATE_FIELDS = {
    "signed_on": Stage.SIGNED,
    "started_on": Stage.STARTED,
    "operating_on": Stage.OPERATING,
}
# ProjectInput / service field → our column field, to place the service's errors
_SERVICE_FIELD = {
    "name": "name",
    "new_company_name": "investor",
    "company_id": "investor",
    "total_investment_wan": "total_investment",
    "foreign_investment_usd_wan": "foreign_investment",
    "industry_node_id": "industry",
    "chain_link_id": "industry",
    "unit_id": "unit",
    "location": "location",
    "leader_in_charge": "leader",
    "notes": "notes",
    "code": "code",
    "family": "family",
    "construction_content": "construction_content",
    "stage": "stage",
    "on": "stage",
}
_INPUT_OF = {
    "name": "name",
    "total_investment": "total_investment_wan",
    "foreign_investment": "foreign_investment_usd_wan",
    "industry": "industry_node_id",
    "unit": "unit_id",
    "location": "location",
    "leader": "leader_in_charge",
    "notes": "notes",
    "code": "code",
    "family": "family",
    "construction_content": "construction_content",
}


class ImportFailed(Exception):
    """Raised by ``apply_import`` (all or nothing) when any row failed; carries the plan."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__(f"{len(plan.errors)} 处错误，未导入任何数据")


@dataclass(frozen=True)
class RowError:
    row: int  # the sheet's row number (1-based)
    column: str  # header text ("" for the whole row)
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行"
        if self.column:
            where += f"「{self.column}」"
        value = f"“{self.value}”" if self.value else ""
        return f"{where}{value}：{self.reason}"


@dataclass(slots=True)  # 100,000 of them in a large plan: no per-row __dict__
class RowPlan:
    row: int  # sheet row number (1-based)
    cells: list[Cell]
    action: str = "new"  # new / update / same / error
    name: str = ""
    investor: str = ""
    data: ProjectInput | None = None
    steps: list[tuple[Stage, dt.date | None]] = field(default_factory=list)
    project_id: str | None = None
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # the column values the service's rules produced (new rows: written in bulk)
    values: dict[str, Any] | None = None
    new_company: str | None = None

    def stage_error(self, message: str) -> None:
        """A stage rule refused the row while writing."""
        self.errors.append(RowError(self.row, FIELD_TITLES["stage"], "", message))
        self.action = "error"


@dataclass
class ImportPlan:
    sheet: str
    columns: ColumnMap
    rows: list[RowPlan]
    skipped: list[tuple[int, str]]  # (row, why): subtotal rows
    references: Any = None  # keeps reference rows loaded while the plan is applied

    @property
    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def unknown_columns(self) -> list[str]:
        return [text for _, text in self.columns.unknown]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    backup: Path | None = None


# ------------------------------------------------------------------ cells


def cell_text(value: Cell) -> str:
    """A cell as one line of text: line breaks and runs of spaces become one space."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    return _SPACES.sub(" ", str(value)).strip()


def _is_empty(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_amount_cell(value: Cell, unit: MoneyUnit | None) -> Decimal:
    """A 万元 amount from a number cell (in the header's unit) or typed text."""
    unit = unit or MoneyUnit.WAN
    if isinstance(value, bool):
        raise AmountError("不是金额")
    if isinstance(value, int | float):
        try:
            number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            raise AmountError("不是有效的数字") from None
        if not number.is_finite():
            raise AmountError("不是有效的数字")
        return parse_amount_wan(number, unit)
    text = unicodedata.normalize("NFKC", cell_text(value))
    if text.endswith("美元"):
        raise AmountError("外币金额请填入合同外资（万美元）列")
    return parse_amount_wan(text, unit)


def parse_date_cell(value: Cell) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(cell_text(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse_date(value)
    raise DateParseError(f"无法识别的日期：“{value}”")


def parse_stage_cell(value: Cell) -> Stage:
    text = unicodedata.normalize("NFKC", cell_text(value)).replace(" ", "")
    extra = {
        "洽谈": Stage.NEGOTIATING,
        "已洽谈": Stage.NEGOTIATING,
        "正在洽谈": Stage.NEGOTIATING,
        "已开工建设": Stage.STARTED,
        "开工建设": Stage.STARTED,
        "建设中": Stage.STARTED,
        "已运营": Stage.OPERATING,
        "投产运营": Stage.OPERATING,
        "已投产运营": Stage.OPERATING,
        "投产/运营": Stage.OPERATING,
        "签约未开工": Stage.SIGNED,
        "线索": Stage.LEAD,
        "在谈": Stage.NEGOTIATING,
    }
    if text in extra:
        return extra[text]
    try:
        return stage_from_label(text)
    except (StageRuleError, ValueError):
        raise StageRuleError(
            "无法识别的项目进展（可填：在谈/洽谈、已签约、已开工、已投产、终止）"
        ) from None


# ------------------------------------------------------------------ references


@lru_cache(maxsize=65536)
def investor_key(name: str | None) -> str:
    """An investor as re-imports match it: the normalised company name (有限公司, 集团, a
    place prefix… left out), so "许昌装备集团" finds "许昌装备集团有限公司"."""
    return normalize_company_name(name) or fold(name)


@dataclass
class _References:
    industries: dict[str, str]  # exact name / folded name → id (industry level)
    links: dict[str, tuple[str, str]]  # name → (link id, industry id)
    units: dict[str, str]
    projects: dict[tuple[str, str], str]  # (folded name, folded investor) → id
    # strong references keep the reference rows in the session's (weak) identity map, so
    # the service's per-row ``session.get`` checks cost no query
    pinned: list[Any] = field(default_factory=list)
    # (field, type, cell value) → what ``_parse_cell`` made of it, for this import
    parsed: dict[tuple[str, type, Any], tuple[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> _References:
        from jianan_desk.store.models import PlanField, TaskForce

        pinned: list[Any] = []
        for model in (IndustryNode, Unit, PlanField, TaskForce):
            pinned.extend(session.scalars(select(model)))
        industries: dict[str, str] = {}
        links: dict[str, tuple[str, str]] = {}
        for node_id, name, level, parent in session.execute(
            select(
                IndustryNode.id, IndustryNode.name, IndustryNode.level, IndustryNode.parent_id
            ).where(IndustryNode.deleted_at.is_(None), IndustryNode.retired_on.is_(None))
        ):
            if level == "industry":
                industries.setdefault(name, node_id)
                industries.setdefault(fold(name), node_id)
            elif level == "link" and parent:
                links.setdefault(name, (node_id, parent))
                links.setdefault(fold(name), (node_id, parent))
        units: dict[str, str] = {}
        for unit_id, name in session.execute(
            select(Unit.id, Unit.name).where(Unit.deleted_at.is_(None), Unit.retired_on.is_(None))
        ):
            units.setdefault(name, unit_id)
            units.setdefault(fold(name), unit_id)
        projects: dict[tuple[str, str], str] = {}
        for pid, name, investor in session.execute(
            select(Project.id, Project.name, Project.investor_name).where(
                Project.deleted_at.is_(None)
            )
        ):
            projects.setdefault((fold(name), investor_key(investor)), pid)
        return cls(industries, links, units, projects, pinned)


# ------------------------------------------------------------------ planning


def _is_total_row(cells: list[Cell]) -> bool:
    for value in cells[:4]:
        if isinstance(value, str):
            text = fold(value)
            if text and any(text.startswith(w) for w in _TOTAL_WORDS):
                return True
    return False


_UNCACHED = frozenset({"name", "code", "notes"})  # unique per row: caching costs memory


def _parse_cell(f: str, raw: Cell, cmap: ColumnMap, refs: _References) -> tuple[str, Any]:
    """One non-empty cell of field ``f``: ("values", {field: value}), ("date", date),
    ("stage", Stage) or ("error", reason)."""
    try:
        if f == "total_investment":
            amount = parse_amount_cell(raw, cmap.units.get(f))
            if amount < 0:
                return "error", "总投资不能为负数"
            if amount > MAX_AMOUNT_WAN:
                return "error", "金额过大（超过 1 万亿元），请检查单位"
            return "values", {f: amount}
        if f == "foreign_investment":
            v = raw if not isinstance(raw, str) else cell_text(raw)
            return "values", {f: parse_usd_wan(v)}  # type: ignore[arg-type]
        if f in _DATE_FIELDS:
            return "date", parse_date_cell(raw)
        if f == "stage":
            return "stage", parse_stage_cell(raw)
        if f == "industry":
            text = cell_text(raw)
            if text in refs.industries or fold(text) in refs.industries:
                return "values", {f: refs.industries.get(text) or refs.industries[fold(text)]}
            if text in refs.links or fold(text) in refs.links:
                link, industry = refs.links.get(text) or refs.links[fold(text)]
                return "values", {f: industry, "chain_link": link}
            return "error", "不是“222”体系中的产业（请填写产业名称，如“装备制造”）"
        if f == "unit":
            text = cell_text(raw)
            unit_id = refs.units.get(text) or refs.units.get(fold(text))
            if unit_id is None:
                return "error", "责任单位不存在（请先在基础数据中添加，或检查名称）"
            return "values", {f: unit_id}
        if f == "family":
            return "values", {f: parse_family(cell_text(raw))}
        return "values", {f: cell_text(raw)}
    except (AmountError, DateParseError, FieldError, StageRuleError, ValueError) as exc:
        return "error", str(exc)
    except ArithmeticError:  # a number too large for the amount's precision
        return "error", "数值超出范围"


def _parse_row(
    plan: RowPlan, cmap: ColumnMap, refs: _References
) -> tuple[dict[str, Any], dict[str, dt.date], Stage | None]:
    """Field values of one row (only non-empty cells), its stage dates and stage.

    Ledgers repeat their values (dates, stages, industries, units, places): each distinct
    cell value of a column is parsed once per import (``refs.parsed``)."""
    values: dict[str, Any] = {}
    dates: dict[str, dt.date] = {}
    stage: Stage | None = None
    cells = plan.cells
    width = len(cells)
    parsed = refs.parsed
    for f, col in cmap.fields.items():
        raw = cells[col] if col < width else None
        if raw is None or raw == "" or (type(raw) is str and not raw.strip()):
            continue
        if f in _UNCACHED:
            kind, payload = _parse_cell(f, raw, cmap, refs)
        else:
            key = (f, type(raw), raw)
            found = parsed.get(key)
            if found is None:
                found = parsed[key] = _parse_cell(f, raw, cmap, refs)
            kind, payload = found
        if kind == "values":
            values.update(payload)
        elif kind == "date":
            dates[f] = payload
        elif kind == "stage":
            stage = payload
        else:
            header = cmap.headers[cmap.fields[f]] if f in cmap.fields else FIELD_TITLES.get(f, f)
            plan.errors.append(RowError(plan.row, _SPACES.sub("", header), cell_text(raw), payload))
    return values, dates, stage


def _steps(
    plan: RowPlan, cmap: ColumnMap, dates: dict[str, dt.date], stage: Stage | None
) -> list[tuple[Stage, dt.date | None]]:
    steps: list[tuple[Stage, dt.date | None]] = [
        (_DATE_FIELDS[f], d)
        for f, d in sorted(dates.items(), key=lambda i: _DATE_FIELDS[i[0]].rank)
    ]
    for (s1, d1), (s2, d2) in itertools.pairwise(steps):
        if d1 and d2 and d2 < d1:
            header = cmap.headers[cmap.fields[_field_of(s2)]]
            plan.errors.append(
                RowError(plan.row, header, d2.isoformat(),
                         f"{s2.label}时间早于{s1.label}时间（{d1.isoformat()}）")
            )  # fmt: skip
    top = steps[-1][0] if steps else None
    if (
        stage is not None
        and stage is not Stage.DROPPED
        and top is not None
        and stage.rank < top.rank
    ):
        col = cmap.fields["stage"]
        raw = cell_text(plan.cells[col]) if col < len(plan.cells) else stage.label
        plan.errors.append(
            RowError(plan.row, cmap.headers[col], raw,
                     f"项目进展为“{stage.label}”，但填写了{top.label}时间")
        )  # fmt: skip
    if stage is not None and (top is None or stage.rank > top.rank or stage is Stage.DROPPED):
        steps.append((stage, None))
    return steps


def _field_of(stage: Stage) -> str:
    return next(f for f, s in _DATE_FIELDS.items() if s is stage)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def plan_import(
    session: Session,
    table: Table,
    *,
    overrides: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """Plan every row of ``table``; raises ValueError (Chinese) when no header is found."""
    paused = gc.isenabled()
    gc.disable()  # a 100,000-row plan allocates millions of small objects: no GC passes
    try:
        return _plan_import(session, table, overrides=overrides)
    finally:
        if paused:
            gc.enable()


def _plan_import(session: Session, table: Table, *, overrides: dict[str, str] | None) -> ImportPlan:
    cmap = map_columns(table.rows, overrides)
    if cmap is None:
        raise ValueError(
            "在前 15 行中找不到表头（至少需要“项目名称”和另一个可识别的列，如“投资方”“总投资”）"
        )
    refs = _References.load(session)
    plan = ImportPlan(table.sheet, cmap, [], [], refs)
    seen: dict[tuple[str, str], int] = {}
    name_col = cmap.fields["name"]
    large = len(table.rows) > LARGE_IMPORT_ROWS
    if large:
        prepare_search_keys()  # before the rows take memory (lower peak)
    for index in range(cmap.header_row + 1, len(table.rows)):
        cells = table.rows[index]
        number = index + 1
        if all(_is_empty(v) for v in cells):
            continue
        if _is_total_row(cells):
            plan.skipped.append((number, "合计行"))
            continue
        row = RowPlan(number, cells)
        plan.rows.append(row)
        values, dates, stage = _parse_row(row, cmap, refs)
        row.name = values.get("name", "")
        row.investor = values.get("investor", "")
        if not row.name:
            raw = cells[name_col] if name_col < len(cells) else None
            row.errors.append(
                RowError(number, cmap.headers[name_col], cell_text(raw), "项目名称为空")
            )
        row.steps = _steps(row, cmap, dates, stage)
        key = (fold(row.name), investor_key(row.investor))
        if row.name and key in seen:
            row.errors.append(
                RowError(number, cmap.headers[name_col], row.name,
                         f"与第 {seen[key]} 行是同一项目（项目名称与投资方相同）")
            )  # fmt: skip
        seen.setdefault(key, number)
        row.project_id = refs.projects.get(key) if row.name else None
        if row.project_id:
            _plan_update(session, row, values)
        else:
            row.data = _input(ProjectInput(), values)
            if row.investor:
                row.data.new_company_name = row.investor
        if row.data is not None and not row.errors:
            _service_errors(session, row, cmap)
            if large and row.project_id is None and row.values is not None:
                row.data = None  # written in bulk from ``values``: free the memory
        if row.errors:
            row.action = "error"
    return plan


def _input(data: ProjectInput, values: dict[str, Any]) -> ProjectInput:
    for f, attr in _INPUT_OF.items():
        if f in values:
            setattr(data, attr, values[f])
    if "chain_link" in values:
        data.chain_link_id = values["chain_link"]
    elif "industry" in values and data.chain_link_id:
        data.chain_link_id = None  # the industry changed; its old link may not fit
    return data


def _plan_update(session: Session, row: RowPlan, values: dict[str, Any]) -> None:
    project = session.get(Project, row.project_id)
    assert project is not None
    current = ProjectInput(**{k: getattr(project, k) for k in EDITABLE})
    for k in EDITABLE:
        if getattr(current, k) is None and isinstance(getattr(ProjectInput(), k), str):
            setattr(current, k, "")
    before = {f: getattr(current, a) for f, a in _INPUT_OF.items()}
    row.data = _input(current, values)
    names = {
        "industry": lambda i: session.get(IndustryNode, i).name if i else "",  # type: ignore[union-attr]
        "unit": lambda i: session.get(Unit, i).name if i else "",  # type: ignore[union-attr]
    }
    for f, attr in _INPUT_OF.items():
        old, new = before[f], getattr(row.data, attr)
        if f not in values or old == new:
            continue
        if isinstance(old, Decimal) and isinstance(new, Decimal) and old == new:
            continue
        if f in names:
            old, new = names[f](old), names[f](new)
        row.changes.append(f"{FIELD_TITLES[f]}：{_show(old)} → {_show(new)}")
    stage_now = Stage(project.stage)
    for stage, on in row.steps:
        if stage is Stage.DROPPED:
            if stage_now is not Stage.DROPPED:
                row.changes.append(f"阶段：{stage_now.label} → 终止")
        elif stage.rank > stage_now.rank and stage_now is not Stage.DROPPED:
            when = f"（{on.isoformat()}）" if on else ""
            row.changes.append(f"阶段：推进到{stage.label}{when}")
        elif on is None and stage.rank < stage_now.rank and stage_now is not Stage.DROPPED:
            row.notes.append(
                f"表格中的项目进展（{stage.label}）早于库中（{stage_now.label}），未回退；"
                "如需更正请在项目详情中操作"
            )
        elif stage is Stage.SIGNED and on and project.signed_on and on != project.signed_on:
            row.notes.append(
                f"签约时间与库中不同（库中 {project.signed_on.isoformat()}），未修改；"
                "如需更正请在项目详情中操作"
            )
    row.action = "update" if row.changes else "same"


def _service_errors(session: Session, row: RowPlan, cmap: ColumnMap) -> None:
    """Run the row through the service's own rules; keep the values they produce."""
    assert row.data is not None
    current = session.get(Project, row.project_id) if row.project_id else None
    try:
        row.values, row.new_company = clean_project_values(session, row.data, current)
        errors: dict[str, str] = {}
    except ValidationError as exc:
        errors = exc.errors
    for key, message in errors.items():
        f = _SERVICE_FIELD.get(key, key)
        header = cmap.headers[cmap.fields[f]] if f in cmap.fields else FIELD_TITLES.get(f, key)
        raw = (
            row.cells[cmap.fields[f]]
            if f in cmap.fields and cmap.fields[f] < len(row.cells)
            else None
        )
        row.errors.append(RowError(row.row, header, cell_text(raw), message))


# ------------------------------------------------------------------ writing


def _service_error(row: RowPlan, exc: ValidationError) -> None:
    for key, message in exc.errors.items():
        column = FIELD_TITLES.get(_SERVICE_FIELD.get(key, key), "")
        row.errors.append(RowError(row.row, column, "", message))
    row.action = "error"


def _write_row(session: Session, row: RowPlan, actor: str, today: dt.date) -> None:
    assert row.data is not None
    steps = list(row.steps)
    last_day: dt.date | None = None

    def day(on: dt.date | None) -> dt.date:
        return on or last_day or today

    if row.project_id is None:
        first_stage, first_on = (Stage.LEAD, None)
        if steps and steps[0][0] is not Stage.DROPPED:
            first_stage, first_on = steps.pop(0)
        detail = create_project(
            session, row.data, actor, stage=first_stage, stage_on=day(first_on), today=today
        )
        row.project_id = detail.id
        last_day = day(first_on)
        current = first_stage
    else:
        if row.action == "same":
            return
        from jianan_desk.services.projects import update_project

        update_project(session, row.project_id, row.data, actor)
        project = session.get(Project, row.project_id)
        assert project is not None
        current = Stage(project.stage)
        last_day = project.stage_on
    for stage, on in steps:
        if stage is Stage.DROPPED:
            if current is not Stage.DROPPED:
                drop_project(
                    session, row.project_id, day(on), "Excel 导入：表格中项目进展为“终止”",
                    actor, today=today,
                )  # fmt: skip
                current = stage
            continue
        if current is Stage.DROPPED or stage.rank <= current.rank:
            continue
        advance_stage(session, row.project_id, stage, day(on), "Excel 导入", actor, today=today)
        last_day, current = day(on), stage


def apply_import(
    session: Session,
    plan: ImportPlan,
    *,
    actor: str = DEFAULT_ACTOR,
    skip_invalid: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """See ``_apply_import``; runs without cyclic GC passes, which over a large plan's
    millions of live objects would make the write quadratic."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _apply_import(
            session, plan, actor=actor, skip_invalid=skip_invalid, today=today,
            progress=progress, cancelled=cancelled,
        )  # fmt: skip
    finally:
        if paused:
            gc.enable()


def _apply_import(
    session: Session,
    plan: ImportPlan,
    *,
    actor: str,
    skip_invalid: bool,
    today: dt.date | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportResult:
    """Write the plan's valid rows: new ones in bulk (``excel.bulk``), updates through the
    service. Without ``skip_invalid`` any error (planned, or found while writing) raises
    ``ImportFailed``; a cancel raises ``ImportCancelled`` — either way the caller rolls back.
    ``progress(done, total)`` is called after each chunk."""
    today = today or dt.date.today()
    result = ImportResult()
    if plan.errors and not skip_invalid:
        raise ImportFailed(plan)
    new_rows = [r for r in plan.rows if r.action == "new" and r.values is not None]
    bulk = {id(r) for r in new_rows}
    others = [r for r in plan.rows if r.action != "error" and id(r) not in bulk]
    total = len(new_rows) + len(others)
    failed = insert_new_projects(
        session,
        new_rows,
        actor=actor,
        today=today,
        progress=progress,
        cancelled=cancelled,
        total=total,
    )
    if failed and not skip_invalid:
        raise ImportFailed(plan)
    result.created = len(new_rows) - len(failed)
    for done, row in enumerate(others, start=len(new_rows) + 1):
        if cancelled is not None and done % 200 == 0 and cancelled():
            raise ImportCancelled
        if progress is not None and done % 200 == 0:
            progress(done, total)
        action = row.action
        savepoint = session.begin_nested()
        try:
            _write_row(session, row, actor, today)
        except ValidationError as exc:
            savepoint.rollback()
            _service_error(row, exc)
            if not skip_invalid:
                raise ImportFailed(plan) from None
            continue
        savepoint.commit()
        if action == "new":
            result.created += 1
        elif action == "update":
            result.updated += 1
        else:
            result.unchanged += 1
    if progress is not None:
        progress(total, total)
    result.rejected = plan.count("error")
    return result


def write_error_workbook(plan: ImportPlan, path: Path) -> Path:
    """The rejected rows with their original cells and a 错误原因 column (fix, re-import)."""
    from openpyxl import Workbook

    from jianan_desk.excel.export import safe_cell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("未导入的行")
    sheet.append(["原行号", *plan.columns.headers, "错误原因"])
    width = len(plan.columns.headers)
    for row in plan.rows:
        if row.action != "error":
            continue
        cells = list(row.cells[:width]) + [None] * (width - len(row.cells))
        reasons = "；".join(
            (f"「{e.column}」" if e.column else "") + (f"“{e.value}”" if e.value else "") + e.reason
            for e in row.errors
        )
        sheet.append([row.row, *(safe_cell(sheet, v) for v in cells), reasons])
    book.save(path)
    return path
