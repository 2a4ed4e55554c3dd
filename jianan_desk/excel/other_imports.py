"""Importing the other ledgers: companies (客商), visits (拜访记录), annual targets (年度目标).

Same shape as ``projects_import``: ``plan_*`` reads the database only and says per row
what will happen (new / update / same / error, errors in Chinese with row, column and
value); ``apply_*`` writes the valid rows through the services (``services.companies``,
``services.visits``, ``services.targets``) in the caller's transaction, all or nothing
unless ``skip_invalid``. Re-importing a file creates no duplicates:

* companies match on 统一社会信用代码, then exact name, then normalised name;
* visits match on (company, visit date);
* targets match on (year, plan, metric).

These ledgers are hundreds of rows, not 100,000: the services' ORM path is fast enough.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.domain.dates import DateParseError
from jianan_desk.domain.metrics import BY_KEY, METRICS, MetricUnit
from jianan_desk.domain.money import AmountError, MoneyUnit
from jianan_desk.domain.project_fields import FieldError, parse_usd_wan
from jianan_desk.domain.search import fold
from jianan_desk.domain.uscc import UsccError, validate_uscc
from jianan_desk.excel.bulk import Cancelled, CompanyIndex, ImportCancelled, Progress
from jianan_desk.excel.columns import ColumnMap, header_unit, map_columns
from jianan_desk.excel.projects_import import (
    DEFAULT_ACTOR,
    ImportFailed,
    ImportPlan,
    ImportResult,
    RowError,
    RowPlan,
    _is_empty,
    _is_total_row,
    _show,
    cell_text,
    investor_key,
    parse_amount_cell,
    parse_date_cell,
)
from jianan_desk.excel.reader import Cell, Table
from jianan_desk.services.audit import plain, record_change
from jianan_desk.services.companies import (
    CompanyInput,
    check_company_input,
    create_company,
    update_company,
)
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.targets import TargetError, set_target
from jianan_desk.services.visits import (
    INTEREST_LABELS,
    KIND_LABELS,
    VisitInput,
    check_visit_input,
    create_visit,
    update_visit,
)
from jianan_desk.store.models import (
    AnnualTarget,
    Company,
    IndustryNode,
    Visit,
    VisitContact,
)

_TRUE = {"是", "√", "✓", "y", "yes", "true", "1", "本地", "目标"}
_FALSE = {"否", "×", "n", "no", "false", "0", ""}
_NO_HEADER = {
    "companies": "在前 15 行中找不到表头（至少需要“企业名称”和另一个可识别的列，"
    "如“统一社会信用代码”“城市”）",
    "visits": "在前 15 行中找不到表头（至少需要“企业名称”和另一个可识别的列，"
    "如“拜访日期”“洽谈内容”）",
    "targets": "在前 15 行中找不到表头（至少需要“指标”和另一个可识别的列，如“年份”“目标值”）",
}


class _Rows:
    """The common loop: header, skipped rows, and a row's cells by field."""

    def __init__(self, table: Table, kind: str, overrides: dict[str, str] | None) -> None:
        cmap = map_columns(table.rows, overrides, kind=kind)
        if cmap is None:
            raise ValueError(_NO_HEADER[kind])
        self.cmap = cmap
        self.plan = ImportPlan(table.sheet, cmap, [], [])
        self.table = table

    def __iter__(self) -> Any:
        for index in range(self.cmap.header_row + 1, len(self.table.rows)):
            cells = self.table.rows[index]
            if all(_is_empty(v) for v in cells):
                continue
            if _is_total_row(cells):
                self.plan.skipped.append((index + 1, "合计行"))
                continue
            row = RowPlan(index + 1, cells)
            self.plan.rows.append(row)
            yield row

    def raw(self, row: RowPlan, f: str) -> Cell:
        col = self.cmap.fields.get(f)
        if col is None or col >= len(row.cells):
            return None
        value = row.cells[col]
        return None if _is_empty(value) else value

    def text(self, row: RowPlan, f: str) -> str:
        return cell_text(self.raw(row, f))

    def fail(self, row: RowPlan, f: str, reason: str, value: Cell = None) -> None:
        cmap = self.cmap
        header = cmap.headers[cmap.fields[f]] if f in cmap.fields else cmap.titles.get(f, f)
        raw = self.raw(row, f) if value is None else value
        row.errors.append(RowError(row.row, header, cell_text(raw), reason))

    def service_errors(self, row: RowPlan, errors: dict[str, str], fields: dict[str, str]) -> None:
        for key, message in errors.items():
            self.fail(row, fields.get(key, key), message)

    def date(self, row: RowPlan, f: str) -> dt.date | None:
        raw = self.raw(row, f)
        if raw is None:
            return None
        try:
            return parse_date_cell(raw)
        except (DateParseError, ValueError) as exc:
            self.fail(row, f, str(exc))
            return None

    def finish(self) -> ImportPlan:
        for row in self.plan.rows:
            if row.errors:
                row.action = "error"
        return self.plan


def _flag(text: str) -> bool | None:
    t = unicodedata.normalize("NFKC", text).strip().casefold()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    return None


def _changes(titles: dict[str, str], old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out = []
    for key, value in new.items():
        before = old.get(key)
        if plain(before) != plain(value) and not (before in (None, "") and value in (None, "")):
            out.append(f"{titles.get(key, key)}：{_show(before)} → {_show(value)}")
    return out


def _industries(session: Session) -> dict[str, str]:
    found: dict[str, str] = {}
    for node_id, name, level in session.execute(
        select(IndustryNode.id, IndustryNode.name, IndustryNode.level).where(
            IndustryNode.deleted_at.is_(None), IndustryNode.retired_on.is_(None)
        )
    ):
        if level in ("industry", "link"):
            found.setdefault(name, node_id)
            found.setdefault(fold(name), node_id)
    return found


def _run(
    session: Session,
    plan: ImportPlan,
    write: Callable[[RowPlan], None],
    *,
    skip_invalid: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportResult:
    """Write each valid row in a savepoint; all or nothing unless ``skip_invalid``."""
    if plan.errors and not skip_invalid:
        raise ImportFailed(plan)
    result = ImportResult()
    todo = [r for r in plan.rows if r.action in ("new", "update")]
    for done, row in enumerate(todo, start=1):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        action = row.action
        savepoint = session.begin_nested()
        try:
            write(row)
        except (ValidationError, TargetError) as exc:
            savepoint.rollback()
            messages = exc.errors if isinstance(exc, ValidationError) else {"": str(exc)}
            for key, message in messages.items():
                row.errors.append(RowError(row.row, plan.columns.titles.get(key, ""), "", message))
            row.action = "error"
            if not skip_invalid:
                raise ImportFailed(plan) from None
            continue
        savepoint.commit()
        if action == "new":
            result.created += 1
        else:
            result.updated += 1
        if progress is not None:
            progress(done, len(todo))
    result.unchanged = plan.count("same")
    result.rejected = plan.count("error")
    return result


# ------------------------------------------------------------------ companies

_COMPANY_TEXT = ("name", "province", "city", "scale", "website", "tags", "notes")


def plan_companies(
    session: Session, table: Table, *, overrides: dict[str, str] | None = None
) -> ImportPlan:
    rows = _Rows(table, "companies", overrides)
    index = CompanyIndex(session)
    industries = _industries(session)
    seen: dict[str, int] = {}
    for row in rows:
        values: dict[str, Any] = {}
        for f in _COMPANY_TEXT:
            if rows.raw(row, f) is not None:
                values[f] = rows.text(row, f)
        row.name = values.get("name", "")
        if not row.name:
            rows.fail(row, "name", "企业名称为空")
        uscc = None
        if rows.raw(row, "uscc") is not None:
            try:
                uscc = validate_uscc(rows.text(row, "uscc"))
                values["uscc"] = uscc
            except UsccError as exc:
                rows.fail(row, "uscc", str(exc))
        if rows.raw(row, "industry") is not None:
            text = rows.text(row, "industry")
            node = industries.get(text) or industries.get(fold(text))
            if node is None:
                rows.fail(row, "industry", "不是“222”体系中的产业或产业链环节")
            values["industry_node_id"] = node
        for f in ("is_local", "is_target"):
            if rows.raw(row, f) is not None:
                flag = _flag(rows.text(row, f))
                if flag is None:
                    rows.fail(row, f, "请填写“是”或“否”")
                values[f] = bool(flag)
        key = uscc or investor_key(row.name)
        if row.name and key in seen:
            rows.fail(row, "name", f"与第 {seen[key]} 行是同一企业")
        seen.setdefault(key, row.row)
        if row.errors:
            continue
        row.project_id = index.find(row.name, uscc)  # the matched company
        current = session.get(Company, row.project_id) if row.project_id else None
        base = CompanyInput()
        if current is not None:
            base = CompanyInput(
                **{k: getattr(current, k) or "" for k in (*_COMPANY_TEXT, "uscc")},
                industry_node_id=current.industry_node_id,
                is_local=current.is_local,
                is_target=current.is_target,
            )
            titles = {**rows.cmap.titles, "industry_node_id": "所属产业"}
            old = {k: getattr(base, k) for k in values}
            if "industry_node_id" in values:
                old["industry_node_id"] = _node_name(session, current.industry_node_id)
                shown = {
                    **values,
                    "industry_node_id": _node_name(session, values["industry_node_id"]),
                }
            else:
                shown = values
            row.changes = _changes(titles, old, shown)
            if current.name != row.name and "name" in values:
                values.pop("name")  # matched by code or normalised name: keep the stored name
                row.changes = [c for c in row.changes if not c.startswith("企业名称")]
                row.notes.append(f"与库中企业“{current.name}”视为同一企业")
        for k, v in values.items():
            setattr(base, k, v)
        row.data = base  # type: ignore[assignment]
        errors = check_company_input(session, base, row.project_id)
        rows.service_errors(row, errors, {"industry_node_id": "industry"})
        index.add(row.project_id or f"new:{row.row}", row.name, investor_key(row.name), uscc)
        row.action = "new" if current is None else ("update" if row.changes else "same")
    return rows.finish()


def _node_name(session: Session, node_id: str | None) -> str:
    node = session.get(IndustryNode, node_id) if node_id else None
    return node.name if node is not None else ""


def apply_companies(
    session: Session,
    plan: ImportPlan,
    *,
    actor: str = DEFAULT_ACTOR,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    def write(row: RowPlan) -> None:
        data: CompanyInput = row.data  # type: ignore[assignment]
        if row.project_id is None:
            row.project_id = create_company(session, data, actor, allow_likely_duplicate=True).id
        else:
            update_company(session, row.project_id, data, actor)

    return _run(
        session, plan, write, skip_invalid=skip_invalid, progress=progress, cancelled=cancelled
    )


# ------------------------------------------------------------------ visits

_VISIT_TEXT = ("city", "place", "attendees", "content", "outcome", "next_step")
_KIND_BY_LABEL = {v: k for k, v in KIND_LABELS.items()} | {"外出": "outbound", "来访": "inbound"}
_INTEREST_BY_LABEL = {v: k for k, v in INTEREST_LABELS.items() if k} | {
    "强": "high",
    "一般": "medium",
    "弱": "low",
    "较弱": "low",
    "意向一般": "medium",
    "意向较弱": "low",
}


def plan_visits(
    session: Session, table: Table, *, overrides: dict[str, str] | None = None
) -> ImportPlan:
    rows = _Rows(table, "visits", overrides)
    companies = CompanyIndex(session)
    existing: dict[tuple[str, dt.date], Visit] = {}
    for visit in session.scalars(select(Visit).where(Visit.deleted_at.is_(None))):
        existing.setdefault((visit.company_id or "", visit.visited_on), visit)
    seen: dict[tuple[str, dt.date], int] = {}
    for row in rows:
        row.investor = rows.text(row, "company")
        row.name = row.investor
        if not row.investor:
            rows.fail(row, "company", "企业名称为空")
        visited_on = rows.date(row, "visited_on")
        if visited_on is None and rows.raw(row, "visited_on") is None:
            rows.fail(row, "visited_on", "拜访日期为空")
        follow = rows.date(row, "follow_up_on")
        uscc = None
        if rows.raw(row, "uscc") is not None:
            try:
                uscc = validate_uscc(rows.text(row, "uscc"))
            except UsccError as exc:
                rows.fail(row, "uscc", str(exc))
        data = VisitInput(visited_on=visited_on, follow_up_on=follow)
        for f in _VISIT_TEXT:
            setattr(data, f, rows.text(row, f))
        kind = rows.text(row, "kind")
        data.kind = _KIND_BY_LABEL.get(kind, kind) or "inbound"
        level = rows.text(row, "interest_level")
        data.interest_level = _INTEREST_BY_LABEL.get(level, level)
        if row.errors or visited_on is None:
            continue
        company_id = companies.find(row.investor, uscc)
        key = (company_id or "new:" + investor_key(row.investor), visited_on)
        if key in seen:
            rows.fail(row, "visited_on", f"与第 {seen[key]} 行是同一次拜访（企业与日期相同）")
            continue
        seen[key] = row.row
        row.new_company = None if company_id else row.investor
        if company_id is None:
            row.notes.append(f"库中没有企业“{row.investor}”，将新建")
        data.company_id = company_id
        row.data = data  # type: ignore[assignment]
        errors = check_visit_input(session, data)
        if company_id is None:  # created on import: every other rule still applies
            errors.pop("company_id", None)
        rows.service_errors(row, errors, {"company_id": "company"})
        visit = existing.get(key) if company_id else None
        if visit is not None:
            row.project_id = visit.id
            data.contact_ids = list(
                session.scalars(
                    select(VisitContact.contact_id).where(
                        VisitContact.visit_id == visit.id, VisitContact.deleted_at.is_(None)
                    )
                )
            )
            present = {f for f in (*_VISIT_TEXT, "kind", "interest_level", "follow_up_on")
                       if rows.raw(row, f) is not None}  # fmt: skip
            for f in ("trip_id", "project_id"):
                setattr(data, f, getattr(visit, f))
            for f in (*_VISIT_TEXT, "kind", "interest_level", "follow_up_on"):
                if f not in present:
                    setattr(data, f, getattr(visit, f))
            old = {f: getattr(visit, f) for f in present}
            new = {f: getattr(data, f) for f in present}
            row.changes = _changes(rows.cmap.titles, old, new)
            row.action = "update" if row.changes else "same"
    return rows.finish()


def apply_visits(
    session: Session,
    plan: ImportPlan,
    *,
    actor: str = DEFAULT_ACTOR,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    created: dict[str, str] = {}  # new company name → id, once per import

    def write(row: RowPlan) -> None:
        data: VisitInput = row.data  # type: ignore[assignment]
        if row.new_company:
            key = investor_key(row.new_company)
            if key not in created:
                company = create_company(
                    session, CompanyInput(name=row.new_company), actor, allow_likely_duplicate=True
                )
                created[key] = company.id
            data.company_id = created[key]
        if row.project_id is None:
            row.project_id = create_visit(session, data, actor).id
        else:
            update_visit(session, row.project_id, data, actor)

    return _run(
        session, plan, write, skip_invalid=skip_invalid, progress=progress, cancelled=cancelled
    )


# ------------------------------------------------------------------ targets

_METRIC_BY_NAME = {m.name: m.key for m in METRICS} | {fold(m.name): m.key for m in METRICS}
_UNIT_WORDS = {"个": MetricUnit.COUNT, "项": MetricUnit.COUNT, "个数": MetricUnit.COUNT}


def _target_value(raw: Cell, unit_text: str, header: Any, metric_unit: MetricUnit) -> Decimal:
    """A target value in the metric's unit (个, 万元, 万美元, rate as a fraction)."""
    text = unicodedata.normalize("NFKC", unit_text or "").strip()
    if metric_unit is MetricUnit.RATE:
        s = unicodedata.normalize("NFKC", cell_text(raw)).replace(" ", "")
        percent = s.endswith("%") or text == "%"
        try:
            number = Decimal(s.rstrip("%"))
        except InvalidOperation:
            raise ValueError("比率请填写如 60% 或 0.6") from None
        if percent or number > 1:
            number = number / 100
        return number
    if metric_unit is MetricUnit.COUNT:
        if text and text not in _UNIT_WORDS:
            raise ValueError(f"单位“{unit_text}”与指标不符（应为 个）")
        s = unicodedata.normalize("NFKC", cell_text(raw)).replace(",", "").rstrip("个项")
        try:
            number = Decimal(s)
        except InvalidOperation:
            raise ValueError("请填写个数") from None
        if number != number.to_integral_value():
            raise ValueError("个数应为整数")
        return number
    if metric_unit is MetricUnit.USD_WAN:
        if text and "美元" not in text:
            raise ValueError(f"单位“{unit_text}”与指标不符（应为 万美元）")
        v = raw if not isinstance(raw, str) else cell_text(raw)
        amount = parse_usd_wan(v)  # type: ignore[arg-type]
        if amount is None:
            raise ValueError("请填写目标值")
        return amount
    unit = header_unit(f"（{text}）") if text else header
    if unit == "usd":
        raise ValueError(f"单位“{unit_text}”与指标不符（应为 万元 或 亿元）")
    return parse_amount_cell(raw, unit if isinstance(unit, MoneyUnit) else None)


def plan_targets(
    session: Session, table: Table, *, overrides: dict[str, str] | None = None
) -> ImportPlan:
    rows = _Rows(table, "targets", overrides)
    existing = {
        (t.year, t.plan, t.metric_key): t
        for t in session.scalars(select(AnnualTarget).where(AnnualTarget.deleted_at.is_(None)))
    }
    seen: dict[tuple[int, str, str], int] = {}
    header_unit_ = rows.cmap.units.get("value")
    for row in rows:
        year = None
        try:
            year = int(Decimal(unicodedata.normalize("NFKC", rows.text(row, "year")).rstrip("年")))
            if not 2000 <= year <= 2100:
                raise ValueError
        except (InvalidOperation, ValueError):
            rows.fail(row, "year", "年份应为 2000–2100 之间的整数，如 2022")
        plan_name = rows.text(row, "plan")
        if not plan_name:
            rows.fail(row, "plan", "请填写目标所属的计划（如 1366、5122）")
        metric_text = rows.text(row, "metric")
        key = metric_text if metric_text in BY_KEY else _METRIC_BY_NAME.get(fold(metric_text))
        if key is None:
            rows.fail(row, "metric", "未知的指标（请填写指标名称，如“签约项目数”，或指标代码）")
        row.name = f"{year or ''} {plan_name} {BY_KEY[key].name if key else metric_text}"
        value = None
        if key is not None and rows.raw(row, "value") is None:
            rows.fail(row, "value", "目标值为空")
        elif key is not None:
            try:
                value = _target_value(
                    rows.raw(row, "value"), rows.text(row, "unit"), header_unit_, BY_KEY[key].unit
                )
                if value < 0:
                    raise ValueError("目标值不能为负数")
            except (AmountError, FieldError, ValueError) as exc:
                rows.fail(row, "value", str(exc))
            except ArithmeticError:
                rows.fail(row, "value", "数值超出范围")
        if row.errors or year is None or key is None or value is None:
            continue
        ident = (year, plan_name, key)
        if ident in seen:
            rows.fail(row, "metric", f"与第 {seen[ident]} 行是同一目标（年份、计划、指标相同）")
            continue
        seen[ident] = row.row
        row.data = (year, plan_name, key, value)  # type: ignore[assignment]
        current = existing.get(ident)
        if current is not None:
            row.project_id = current.id
            if current.target_value != value:
                row.changes.append(f"目标值：{_show(current.target_value)} → {_show(value)}")
            row.action = "update" if row.changes else "same"
    return rows.finish()


def apply_targets(
    session: Session,
    plan: ImportPlan,
    *,
    actor: str = DEFAULT_ACTOR,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    def write(row: RowPlan) -> None:
        year, plan_name, key, value = row.data  # type: ignore[misc]
        before = session.get(AnnualTarget, row.project_id) if row.project_id else None
        old = before.target_value if before is not None else None
        target = set_target(session, year=year, plan=plan_name, metric_key=key, value=value)
        record_change(
            session,
            entity="annual_target",
            entity_id=target.id,
            actor=actor,
            action="create" if before is None else "update",
            changes={
                "target_value": [plain(old), plain(value)],
                **(
                    {"year": [None, year], "plan": [None, plan_name], "metric_key": [None, key]}
                    if before is None
                    else {}
                ),
            },
        )

    return _run(
        session, plan, write, skip_invalid=skip_invalid, progress=progress, cancelled=cancelled
    )


__all__ = [
    "ColumnMap",
    "apply_companies",
    "apply_targets",
    "apply_visits",
    "plan_companies",
    "plan_targets",
    "plan_visits",
]
