"""Importing a projects ledger: parse every row, plan it (new / update / error), write it.

``plan_import`` reads nothing but the database, in one pass over the rows: each distinct
cell value of a column is parsed once (``_References.parsed``), existing projects,
industries and units are looked up in dictionaries loaded once, a matched project's
stored columns are loaded in bulk (``load_current``), and a new row's fields go through
the service's field rules once per distinct value (``_NewRowRules``). Industry names are
matched to the 222 nodes exactly, then normalised (``industry_key``), then by the
*asking step*'s answers (``industry_map``; ``unmatched_industries`` lists what to ask,
with a likely node from ``suggest_industry``). ``apply_import`` writes the plan in the
caller's unit of work — new rows and plain updates in bulk (``excel.bulk``), stage moves
through ``services.projects`` — with any error and ``skip_invalid`` false it raises
``ImportFailed`` and the caller's session rolls back: nothing is written.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.domain.dates import DateParseError, parse_date
from jianan_desk.domain.money import AmountError, MoneyUnit, parse_amount_wan
from jianan_desk.domain.project_fields import FieldError, parse_family, parse_usd_wan
from jianan_desk.domain.search import fold
from jianan_desk.domain.search import prepare as prepare_search_keys
from jianan_desk.domain.stages import Stage, StageRuleError, stage_from_label
from jianan_desk.excel.bulk import (
    Cancelled,
    ImportCancelled,
    Progress,
    insert_new_projects,
    normalized_name,
    update_projects,
)
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
    moves_stage: bool = False  # an update that advances or drops: written by the service
    current: Any = None  # an update being planned: the project's stored columns

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
    # industry names matched neither exactly nor normalised, nor chosen: name → rows
    unmatched_industries: dict[str, int] = field(default_factory=dict)

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


def investor_key(name: str | None) -> str:
    """An investor as re-imports match it: the normalised company name (有限公司, 集团, a
    place prefix… left out), so "许昌装备集团" finds "许昌装备集团有限公司". Shares its
    cache with the bulk writer's ``normalized_name``: each distinct name normalised once."""
    return (normalized_name(name) if name else "") or fold(name)


_INDUSTRY_SUFFIXES = ("产业", "行业")


def industry_key(name: str | None) -> str:
    """An industry name as the import matches it once the exact name failed: folded
    (full-width, case, spaces) and without a trailing 产业/行业 ("生物医药产业" → 生物医药)."""
    key = fold(name)
    for suffix in _INDUSTRY_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


@dataclass(frozen=True)
class IndustryChoice:
    """A node a ledger's industry name can be filed under: an industry or a chain link."""

    id: str
    code: str
    name: str
    level: str  # "industry" or "link"
    industry_id: str  # the industry itself, or the link's industry
    label: str  # for a list: "发制品", "发制品 › 假发成品"


def industry_choices(session: Session) -> list[IndustryChoice]:
    """The 222 system's current industries, each followed by its chain links, in order."""
    rows = session.execute(
        select(
            IndustryNode.id, IndustryNode.code, IndustryNode.name, IndustryNode.level,
            IndustryNode.parent_id,
        )
        .where(IndustryNode.deleted_at.is_(None), IndustryNode.retired_on.is_(None))
        .where(IndustryNode.level.in_(("industry", "link")))
        .order_by(IndustryNode.sort_order, IndustryNode.name)
    ).all()  # fmt: skip
    links: dict[str, list[Any]] = {}
    for row in rows:
        if row.level == "link" and row.parent_id:
            links.setdefault(row.parent_id, []).append(row)
    out: list[IndustryChoice] = []
    for row in rows:
        if row.level != "industry":
            continue
        out.append(IndustryChoice(row.id, row.code, row.name, "industry", row.id, row.name))
        for link in links.get(row.id, []):
            out.append(
                IndustryChoice(
                    link.id, link.code, link.name, "link", row.id, f"{row.name} › {link.name}"
                )
            )
    return out


def suggest_industry(name: str, choices: list[IndustryChoice]) -> IndustryChoice | None:
    """The node a name most likely means, when one is close enough; else None.

    One name containing the other ("汽车零部件" in "汽车零部件及装备制造") scores
    highest, an industry before one of its links; otherwise the similarity of the two
    names (``difflib``, ≥ 0.5)."""
    import difflib

    key = industry_key(name)
    if not key:
        return None
    best: tuple[float, int, IndustryChoice] | None = None
    for order, choice in enumerate(choices):
        other = industry_key(choice.name)
        if not other:
            continue
        if len(key) >= 2 and len(other) >= 2 and (key in other or other in key):
            score = 0.9 + 0.09 * min(len(key), len(other)) / max(len(key), len(other))
            score += 0.05 if choice.level == "industry" else 0.0  # the broader node first
        else:
            score = difflib.SequenceMatcher(None, key, other).ratio()
        if score >= 0.5 and (best is None or score > best[0]):
            best = (score, -order, choice)
    return best[2] if best else None


@dataclass
class _References:
    industries: dict[str, str]  # exact name / folded name → id (industry level)
    links: dict[str, tuple[str, str]]  # name → (link id, industry id)
    units: dict[str, str]
    projects: dict[tuple[str, str], str]  # (folded name, folded investor) → id
    # strong references keep the reference rows in the session's (weak) identity map, so
    # the service's per-row ``session.get`` checks cost no query
    pinned: list[Any] = field(default_factory=list)
    # field → {(type, cell value) → what ``_parse_cell`` made of it}, for this import
    # (``PARSED_PER_FIELD`` values a field at most; unique columns have none)
    parsed: dict[str, dict[tuple[type, Any], tuple[str, Any]]] = field(default_factory=dict)
    # the asking step's answers: ``industry_key(name)`` → node id, or "" (不指定)
    industry_map: dict[str, str] = field(default_factory=dict)
    choices: list[IndustryChoice] = field(default_factory=list)
    unmatched: dict[str, int] = field(default_factory=dict)  # industry name → rows

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
                industries.setdefault(industry_key(name), node_id)
            elif level == "link" and parent:
                links.setdefault(name, (node_id, parent))
                links.setdefault(fold(name), (node_id, parent))
                links.setdefault(industry_key(name), (node_id, parent))
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
            if text.startswith(_TOTAL_WORDS):
                return True
    return False


_UNCACHED = frozenset({"name", "code", "notes"})  # unique per row: caching costs memory
PARSED_PER_FIELD = 50_000  # distinct values of a column kept parsed (~300 B each)


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
            return _parse_industry(cell_text(raw), refs)
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


def match_industry(text: str, refs: _References) -> tuple[str, str | None] | None:
    """(industry id, chain link id or None) for a ledger's industry name: the exact name,
    then the normalised one (``industry_key``); None when neither matches."""
    for key in (text, fold(text), industry_key(text)):
        if key in refs.industries:
            return refs.industries[key], None
        if key in refs.links:
            link, industry = refs.links[key]
            return industry, link
    return None


UNMATCHED_INDUSTRY = "不是“222”体系中的产业或产业链环节"


def _parse_industry(text: str, refs: _References) -> tuple[str, Any]:
    """exact, then normalised, then what the asking step chose; else an error naming a
    likely node."""
    found = match_industry(text, refs)
    if found is None and industry_key(text) in refs.industry_map:
        chosen = refs.industry_map[industry_key(text)]
        if not chosen:
            return "values", {}  # 不指定: the project is filed under no industry
        node = next((c for c in refs.choices if c.id == chosen), None)
        if node is not None:
            found = (node.industry_id, node.id if node.level == "link" else None)
    if found is None:
        guess = suggest_industry(text, refs.choices)
        hint = f"；可能是“{guess.label}”" if guess else ""
        return "error", f"{UNMATCHED_INDUSTRY}{hint}（可在导入时为它选择节点）"
    industry, link = found
    return "values", {"industry": industry, "chain_link": link} if link else {"industry": industry}


def _parse_row(
    plan: RowPlan, cmap: ColumnMap, refs: _References
) -> tuple[dict[str, Any], dict[str, dt.date], Stage | None]:
    """Field values of one row (only non-empty cells), its stage dates and stage.

    Ledgers repeat their values (dates, stages, industries, units, places): each distinct
    cell value of a column is parsed once per import (``refs.parsed``, bounded: past
    ``PARSED_PER_FIELD`` distinct values a field's further values are parsed each time)."""
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
        memo = parsed.get(f)
        if memo is None and f not in _UNCACHED:
            memo = parsed[f] = {}
        if memo is None:
            kind, payload = _parse_cell(f, raw, cmap, refs)
        else:
            key = (type(raw), raw)  # 1, 1.0 and True are different cells
            found = memo.get(key)
            if found is None:
                found = _parse_cell(f, raw, cmap, refs)
                if len(memo) < PARSED_PER_FIELD:
                    memo[key] = found
            kind, payload = found
        if kind == "values":
            values.update(payload)
        elif kind == "date":
            dates[f] = payload
        elif kind == "stage":
            stage = payload
        else:
            if f == "industry":
                text = cell_text(raw)
                refs.unmatched[text] = refs.unmatched.get(text, 0) + 1
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
    industry_map: dict[str, str] | None = None,
) -> ImportPlan:
    """Plan every row of ``table``; raises ValueError (Chinese) when no header is found.

    ``industry_map``: the asking step's answers for industry names that match no node,
    name → node id (an industry or a chain link), or "" to file the rows under none."""
    paused = gc.isenabled()
    gc.disable()  # a 100,000-row plan allocates millions of small objects: no GC passes
    try:
        return _plan_import(session, table, overrides=overrides, industry_map=industry_map)
    finally:
        if paused:
            gc.enable()


def _header_or_fail(table: Table, overrides: dict[str, str] | None) -> ColumnMap:
    cmap = map_columns(table.rows, overrides)
    if cmap is None:
        raise ValueError(
            "在前 15 行中找不到表头（至少需要“项目名称”和另一个可识别的列，如“投资方”“总投资”）"
        )
    return cmap


def _load_references(session: Session, industry_map: dict[str, str] | None) -> _References:
    refs = _References.load(session)
    refs.choices = industry_choices(session)
    known = {c.id for c in refs.choices}
    refs.industry_map = {
        industry_key(name): node
        for name, node in (industry_map or {}).items()
        if not node or node in known
    }
    return refs


@dataclass(frozen=True)
class UnmatchedIndustry:
    """An industry name of a ledger that matched no node: what the asking step shows."""

    name: str
    rows: int  # how many rows carry it
    guess: IndustryChoice | None  # the likely node, preselected; None: 不指定


def unmatched_industries(
    session: Session,
    table: Table,
    *,
    overrides: dict[str, str] | None = None,
    industry_map: dict[str, str] | None = None,
) -> list[UnmatchedIndustry]:
    """The distinct industry names of ``table`` that match no node exactly or normalised
    and are not answered by ``industry_map``, most rows first, each with a best guess.
    Reads only the industry column (no full plan); raises ValueError without a header."""
    cmap = _header_or_fail(table, overrides)
    col = cmap.fields.get("industry")
    if col is None:
        return []
    refs = _load_references(session, industry_map)
    counts: dict[str, int] = {}
    for cells in table.rows[cmap.header_row + 1 :]:
        raw = cells[col] if col < len(cells) else None
        if _is_empty(raw) or _is_total_row(cells):
            continue
        text = cell_text(raw)
        counts[text] = counts.get(text, 0) + 1
    out = []
    for text, rows in counts.items():
        if match_industry(text, refs) is None and industry_key(text) not in refs.industry_map:
            out.append(UnmatchedIndustry(text, rows, suggest_industry(text, refs.choices)))
    out.sort(key=lambda u: (-u.rows, u.name))
    return out


def remembered_industry_map(choices: list[IndustryChoice]) -> dict[str, str]:
    """The asking step's earlier answers (``columns.load_industry_answers``) as an
    ``industry_map`` for this database: normalised name → node id, or "" (不指定)."""
    from jianan_desk.excel.columns import load_industry_answers

    by_code = {c.code: c.id for c in choices}
    out: dict[str, str] = {}
    for key, code in load_industry_answers().items():
        if not code:
            out[key] = ""
        elif code in by_code:
            out[key] = by_code[code]
    return out


def remember_industry_map(industry_map: dict[str, str], choices: list[IndustryChoice]) -> None:
    """Remember ``industry_map`` (name → node id or "") for the next file, by node code."""
    from jianan_desk.excel.columns import remember_industry_answers

    by_id = {c.id: c.code for c in choices}
    remember_industry_answers(
        {
            industry_key(name): (by_id[node] if node else "")
            for name, node in industry_map.items()
            if not node or node in by_id
        }
    )


def _plan_import(
    session: Session,
    table: Table,
    *,
    overrides: dict[str, str] | None,
    industry_map: dict[str, str] | None = None,
) -> ImportPlan:
    cmap = _header_or_fail(table, overrides)
    refs = _load_references(session, industry_map)
    plan = ImportPlan(table.sheet, cmap, [], [], refs)
    rules = _NewRowRules(session)
    updates: list[tuple[RowPlan, dict[str, Any]]] = []  # planned after the loop, in bulk
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
            updates.append((row, values))
        else:
            if not large:  # small imports keep the service's input (tests compare paths)
                row.data = _input(ProjectInput(), values)
                if row.investor:
                    row.data.new_company_name = row.investor
            if not row.errors:
                rules.apply(row, values, cmap)
        if row.errors:
            row.action = "error"
    for start in range(0, len(updates), 5000):  # the stored columns, a chunk at a time
        chunk = updates[start : start + 5000]
        current = load_current(session, [row.project_id for row, _ in chunk])
        for row, values in chunk:
            _plan_update(session, row, values, current[row.project_id])
            if not row.errors and row.action == "update":
                _service_errors(session, row, cmap)
            row.current = None
            if large and not row.moves_stage:
                row.data = None  # written in bulk from ``values`` (or not at all)
            if row.errors:
                row.action = "error"
    plan.unmatched_industries = dict(refs.unmatched)
    return plan


_CURRENT_COLUMNS = (*EDITABLE, "stage", "signed_on", "investor_name")


def load_current(session: Session, ids: list[Any]) -> dict[str, SimpleNamespace]:
    """The stored columns of the projects ``ids`` (editable fields, stage, signing date,
    investor name), as plain objects, in a few queries: re-imports match thousands."""
    cols = [Project.__table__.c[c] for c in _CURRENT_COLUMNS]
    out: dict[str, SimpleNamespace] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        for row in session.execute(
            select(Project.__table__.c.id, *cols).where(
                Project.__table__.c.id.in_(unique[start : start + 500])
            )
        ):
            out[row[0]] = SimpleNamespace(**dict(zip(_CURRENT_COLUMNS, row[1:], strict=True)))
    return out


class _NewRowRules:
    """``services.projects.clean_project_values`` for a new row, each field's rule run
    once per distinct value of the import.

    The same domain rules (``project_fields.clean_text`` with the column limits, the
    ``PARSERS``), in the same shape: the values of an empty input (the service's own
    output, computed once) overlaid with the row's checked fields. References need no
    check: the import takes them from the current, not retired nodes and units only
    (``_References``), a chain link always with its own industry.
    ``tests/excel/test_import_speed.py`` compares the result with the service's."""

    _TEXT = ("name", "code", "location", "leader_in_charge", "notes", "construction_content")
    _UNIQUE = frozenset({"name", "code", "notes"})  # per row: not worth a memo entry

    def __init__(self, session: Session) -> None:
        from jianan_desk.domain.project_fields import PARSERS, clean_text

        self._clean_text, self._parsers = clean_text, PARSERS
        self.base, _ = clean_project_values(session, ProjectInput(name="-"), None)
        self.memo: dict[tuple[str, Any], tuple[bool, Any]] = {}

    def _rule(self, attr: str, value: Any) -> tuple[bool, Any]:
        """(ok, value or the error message) of one field."""
        try:
            if attr in self._TEXT:
                out: Any = self._clean_text(attr, value, required=attr == "name")
                return True, (out or None) if attr == "code" else out
            if attr == "new_company_name":
                return True, self._clean_text(attr, value) or None
            return True, self._parsers[attr](value)
        except FieldError as exc:
            return False, str(exc)

    def apply(self, row: RowPlan, values: dict[str, Any], cmap: ColumnMap) -> None:
        out = dict(self.base)
        errors: dict[str, str] = {}
        memo, unique = self.memo, self._UNIQUE
        pairs = [(_INPUT_OF[f], v) for f, v in values.items() if f in _INPUT_OF]
        if "chain_link" in values:
            pairs.append(("chain_link_id", values["chain_link"]))
        if row.investor:
            pairs.append(("new_company_name", row.investor))
        new_company = None
        for attr, value in pairs:
            if attr.endswith("_id"):  # references: valid by construction (see above)
                out[attr] = value
                continue
            if attr in unique:
                ok, result = self._rule(attr, value)
            else:
                key = (attr, value)
                found = memo.get(key)
                if found is None:
                    found = memo[key] = self._rule(attr, value)
                ok, result = found
            if not ok:
                errors[attr] = result
            elif attr == "new_company_name":
                new_company = result
            else:
                out[attr] = result
        if out["total_investment_wan"] is None:
            out["total_investment_wan"] = Decimal(0)
        if errors:
            _place_errors(row, errors, cmap)
            return
        row.values, row.new_company = out, new_company


def _input(data: ProjectInput, values: dict[str, Any]) -> ProjectInput:
    for f, attr in _INPUT_OF.items():
        if f in values:
            setattr(data, attr, values[f])
    if "chain_link" in values:
        data.chain_link_id = values["chain_link"]
    elif "industry" in values and data.chain_link_id:
        data.chain_link_id = None  # the industry changed; its old link may not fit
    return data


def _plan_update(
    session: Session, row: RowPlan, values: dict[str, Any], project: SimpleNamespace
) -> None:
    row.current = project
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
                row.moves_stage = True
        elif stage.rank > stage_now.rank and stage_now is not Stage.DROPPED:
            when = f"（{on.isoformat()}）" if on else ""
            row.changes.append(f"阶段：推进到{stage.label}{when}")
            row.moves_stage = True
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
    try:  # ``current`` (plain columns) is all the rules read of the stored project
        row.values, row.new_company = clean_project_values(session, row.data, row.current)
    except ValidationError as exc:
        _place_errors(row, exc.errors, cmap)


def _place_errors(row: RowPlan, errors: dict[str, str], cmap: ColumnMap) -> None:
    """The service's per-field errors as the row's errors, under the sheet's headers."""
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
    # updates without a stage move are written in bulk too (``bulk.update_projects``);
    # a stage move goes through the service (its rules need the stored history)
    updates = [
        r for r in plan.rows
        if r.action == "update" and not r.moves_stage and r.values is not None
    ]  # fmt: skip
    bulk = {id(r) for r in new_rows} | {id(r) for r in updates}
    result.unchanged = sum(1 for r in plan.rows if r.action == "same")
    others = [r for r in plan.rows if r.action not in ("error", "same") and id(r) not in bulk]
    total = len(new_rows) + len(updates) + len(others)
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
    changed = update_projects(
        session, updates, actor=actor, progress=progress, cancelled=cancelled,
        done_before=len(new_rows), total=total,
    )  # fmt: skip
    result.updated += changed
    result.unchanged += len(updates) - changed  # changed back since the plan
    for done, row in enumerate(others, start=len(new_rows) + len(updates) + 1):
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
