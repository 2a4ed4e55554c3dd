"""Every list that exports to .xlsx, by kind: ``jianan-desk export --kind KIND``.

Adding a kind is one line in ``EXPORT_KINDS``: a title and a function
``(session, path, year) -> rows written`` (``year``: None for all years). A kind that
carries personal information (contacts) sets ``personal=True`` and also takes
``unmasked``: contacts are masked (``domain.masking``) unless the user asks otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from jianan_desk.domain.masking import mask_mobile, mask_name
from jianan_desk.domain.metrics import BY_KEY, MetricUnit
from jianan_desk.excel.export import Column, export_projects, write_table
from jianan_desk.services.problems import ProblemFilter, list_problems
from jianan_desk.store.models import (
    AnnualTarget,
    Company,
    Contact,
    IndustryNode,
    Visit,
    VisitContact,
)

Exporter = Callable[..., int]


@dataclass(frozen=True)
class ExportKind:
    title: str  # 项目, 客商, …: for messages ("已导出 N 条客商")
    write: Exporter  # (session, path, year[, unmasked=…]) -> rows written
    personal: bool = False  # takes ``unmasked`` (contacts masked unless True)


def _projects(session: Session, path: Path, year: int | None) -> int:
    return export_projects(session, path, year=year)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _contacts(session: Session, company_ids: list[str], unmasked: bool) -> dict[str, str]:
    """company id → its contacts as one line: ``张* 138****5678；李* …``."""
    out: dict[str, list[str]] = {}
    for start in range(0, len(company_ids), 500):
        chunk = company_ids[start : start + 500]
        for cid, name, mobile in session.execute(
            select(Contact.company_id, Contact.name, Contact.mobile)
            .where(Contact.company_id.in_(chunk), Contact.deleted_at.is_(None))
            .order_by(Contact.created_at)
        ):
            shown = name if unmasked else mask_name(name)
            if mobile:
                shown += " " + (mobile if unmasked else mask_mobile(mobile))
            out.setdefault(cid, []).append(shown)
    return {k: "；".join(v) for k, v in out.items()}


COMPANY_COLUMNS = (
    Column("序号", 6, "int"),
    Column("企业名称", 36),
    Column("统一社会信用代码", 22),
    Column("省份", 8),
    Column("城市", 10),
    Column("所属产业", 16),
    Column("企业规模", 10),
    Column("本地企业", 8),
    Column("目标企业", 8),
    Column("标签", 16),
    Column("联系人", 30),
    Column("备注", 30),
)


def export_companies(
    session: Session, path: Path, year: int | None = None, *, unmasked: bool = False
) -> int:
    """Companies (客商); ``year``: created in that year. Contacts masked unless ``unmasked``."""
    stmt = (
        select(Company, IndustryNode.name)
        .outerjoin(IndustryNode, IndustryNode.id == Company.industry_node_id)
        .where(Company.deleted_at.is_(None))
        .order_by(Company.name, Company.id)
    )
    if year is not None:
        stmt = stmt.where(extract("year", Company.created_at) == year)
    found = session.execute(stmt).all()
    contacts = _contacts(session, [c.id for c, _ in found], unmasked)
    rows = [
        [n, c.name, c.uscc or "", c.province, c.city, industry or "", c.scale,
         _yes(c.is_local), _yes(c.is_target), c.tags, contacts.get(c.id, ""), c.notes]
        for n, (c, industry) in enumerate(found, start=1)
    ]  # fmt: skip
    title = f"{year}年新增客商名录" if year else "客商名录"
    return write_table(path, title, COMPANY_COLUMNS, rows, sheet_name="客商")


VISIT_COLUMNS = (
    Column("序号", 6, "int"),
    Column("拜访日期", 12, "date"),
    Column("企业名称", 32),
    Column("拜访类型", 10),
    Column("城市", 10),
    Column("地点", 16),
    Column("参加人员", 16),
    Column("客商方人员", 20),
    Column("洽谈内容", 40),
    Column("洽谈成果", 30),
    Column("意向程度", 10),
    Column("下一步", 24),
    Column("跟进日期", 12, "date"),
)
_KIND = {"outbound": "外出拜访", "inbound": "客商来访"}
_INTEREST = {"high": "意向强", "medium": "有意向", "low": "意向弱", "": ""}


def export_visits(
    session: Session, path: Path, year: int | None = None, *, unmasked: bool = False
) -> int:
    """Visits (拜访记录); ``year``: visited in that year. Contacts met masked unless asked."""
    stmt = (
        select(Visit, Company.name)
        .outerjoin(Company, Company.id == Visit.company_id)
        .where(Visit.deleted_at.is_(None))
        .order_by(Visit.visited_on, Company.name, Visit.id)
    )
    if year is not None:
        stmt = stmt.where(extract("year", Visit.visited_on) == year)
    found = session.execute(stmt).all()
    met: dict[str, list[str]] = {}
    ids = [v.id for v, _ in found]
    for start in range(0, len(ids), 500):
        for vid, name in session.execute(
            select(VisitContact.visit_id, Contact.name)
            .join(Contact, Contact.id == VisitContact.contact_id)
            .where(VisitContact.visit_id.in_(ids[start : start + 500]))
            .where(VisitContact.deleted_at.is_(None))
        ):
            met.setdefault(vid, []).append(name if unmasked else mask_name(name))
    rows = [
        [n, v.visited_on, company or "", _KIND.get(v.kind, v.kind), v.city, v.place,
         v.attendees, "、".join(met.get(v.id, [])), v.content, v.outcome,
         _INTEREST.get(v.interest_level, v.interest_level), v.next_step, v.follow_up_on]
        for n, (v, company) in enumerate(found, start=1)
    ]  # fmt: skip
    title = f"{year}年客商拜访记录" if year else "客商拜访记录"
    return write_table(path, title, VISIT_COLUMNS, rows, sheet_name="拜访记录")


TARGET_COLUMNS = (
    Column("年份", 8, "int"),
    Column("计划", 10),
    Column("指标", 24),
    Column("目标值", 14, "num"),
    Column("单位", 8),
    Column("显示名称", 24),
)


def target_cells(target: AnnualTarget) -> tuple[Any, str]:
    """(value, unit) as exported: rates in per cent, amounts in 万元 / 万美元, counts."""
    metric = BY_KEY.get(target.metric_key)
    unit = metric.unit if metric is not None else MetricUnit(target.unit)
    value: Decimal = target.target_value
    if unit is MetricUnit.RATE:
        return value * 100, "%"
    if unit is MetricUnit.COUNT:
        return int(value), unit.value
    return value, unit.value


def export_targets(session: Session, path: Path, year: int | None = None) -> int:
    """Annual targets (年度目标); ``year``: that year's."""
    stmt = select(AnnualTarget).where(AnnualTarget.deleted_at.is_(None))
    if year is not None:
        stmt = stmt.where(AnnualTarget.year == year)
    stmt = stmt.order_by(AnnualTarget.year, AnnualTarget.sort_order, AnnualTarget.plan)
    rows = []
    for t in session.scalars(stmt):
        value, unit = target_cells(t)
        metric = BY_KEY.get(t.metric_key)
        rows.append(
            [t.year, t.plan, metric.name if metric else t.metric_key, value, unit, t.display_name]
        )
    title = f"{year}年度目标" if year else "年度目标"
    return write_table(path, title, TARGET_COLUMNS, rows, sheet_name="年度目标")


PROBLEM_COLUMNS = (
    Column("序号", 6, "int"),
    Column("提出日期", 12, "date"),
    Column("问题类别", 10),
    Column("问题描述", 40),
    Column("项目/企业", 28),
    Column("专班", 20),
    Column("责任单位", 20),
    Column("责任人", 10),
    Column("办结时限", 12, "date"),
    Column("状态", 8),
    Column("来源", 10),
    Column("已办天数", 8, "int"),
    Column("超期天数", 8, "int"),
    Column("销号日期", 12, "date"),
)


def export_problems(
    session: Session,
    path: Path,
    year: int | None = None,
    *,
    filt: ProblemFilter | None = None,
    as_of: dt.date | None = None,
) -> int:
    """The problem ledger (问题台账); ``year``: raised in that year; ``filt``: a
    ``services.problems.ProblemFilter`` (the ledger tab's filters). Days counted to ``as_of``
    (today by default); newest first, as the ledger lists them."""
    as_of = as_of or dt.date.today()
    filt = filt or ProblemFilter()
    if year is not None:
        filt = replace(filt, raised_from=dt.date(year, 1, 1), raised_to=dt.date(year, 12, 31))
    found = list_problems(session, filt, as_of=as_of, limit=None)
    rows = [
        [n, p.raised_on, p.category_label, p.description, p.project_name, p.task_force_name,
         p.unit_name, p.responsible_person, p.deadline, p.status_label, p.source_label,
         p.days_open, p.days_overdue or None, p.resolved_on]
        for n, p in enumerate(found, start=1)
    ]  # fmt: skip
    title = f"{year}年问题台账" if year else "问题台账"
    return write_table(
        path,
        title,
        PROBLEM_COLUMNS,
        rows,
        sheet_name="问题台账",
        notes=(f"已办天数、超期天数计至 {as_of:%Y-%m-%d}。",),
    )


EXPORT_KINDS: dict[str, ExportKind] = {
    "projects": ExportKind("项目", _projects),
    "companies": ExportKind("客商", export_companies, personal=True),
    "visits": ExportKind("拜访记录", export_visits, personal=True),
    "targets": ExportKind("年度目标", export_targets),
    "problems": ExportKind("问题", export_problems),
}


def export_kind(
    session: Session, kind: str, path: Path, *, year: int | None = None, unmasked: bool = False
) -> int:
    """Export one kind of list to ``path``; returns the number of rows written."""
    entry = EXPORT_KINDS[kind]
    if entry.personal:
        return entry.write(session, path, year, unmasked=unmasked)
    return entry.write(session, path, year)
