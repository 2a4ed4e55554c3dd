"""A project's money records: funds in place (到位资金), the key-project annual plan and
monthly completed investment, and the totals the detail form shows.

* ``add_funds`` / ``update_funds`` / ``delete_funds``: dated amounts (万元, with the foreign
  part in 万美元 counted as FDI actually used);
* ``set_key_plan`` / ``delete_key_plan``: a project's planned investment for one year;
* ``set_monthly_investment`` / ``delete_monthly_investment``: completed investment of one
  month (an upsert: one figure per project, year and month);
* ``investment_summary``: cumulative funds, 资金到位率 (funds / signed investment) and per
  year completed vs plan.

Every change stamps the project's ``updated_at``/``updated_by`` and is logged in
``change_log`` under the record (``parent_id`` = the project). Deletes are soft.
Rates are exact fractions rounded to six places (``services.metrics.rate``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.domain.dates import DateParseError, parse_date
from jianan_desk.domain.project_fields import FieldError, parse_money_wan, parse_usd_wan
from jianan_desk.domain.stages import Stage
from jianan_desk.services.audit import clean_actor, diff, plain, record_change
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.metrics import rate
from jianan_desk.store.models import (
    FundsInPlace,
    KeyProjectPlan,
    MonthlyInvestment,
    Project,
    ProjectStageEvent,
)
from jianan_desk.store.types import utcnow

Amount = str | Decimal | int | float | None
MIN_YEAR, MAX_YEAR = 2000, 2100


# ---------------------------------------------------------------- records out


@dataclass(frozen=True)
class FundsRecord:
    id: str
    project_id: str
    received_on: dt.date
    amount_wan: Decimal
    fdi_usd_wan: Decimal | None
    note: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class PlanRecord:
    id: str
    project_id: str
    year: int
    planned_investment_wan: Decimal
    is_new_start: bool
    planned_start_month: int | None


@dataclass(frozen=True)
class MonthlyRecord:
    id: str
    project_id: str
    year: int
    month: int
    completed_wan: Decimal


@dataclass(frozen=True)
class YearInvestment:
    """One year of a key project: plan, completed so far, months."""

    year: int
    planned_wan: Decimal | None  # None: not in that year's key-project plan
    completed_wan: Decimal
    completion_rate: Decimal | None  # completed / planned (None without a plan)
    months: dict[int, Decimal] = field(default_factory=dict)  # month → completed
    is_new_start: bool = False
    planned_start_month: int | None = None


@dataclass(frozen=True)
class InvestmentSummary:
    funds_total_wan: Decimal  # cumulative funds in place
    fdi_total_usd_wan: Decimal  # of which foreign capital (万美元)
    signed_investment_wan: Decimal | None  # from the 签约 event, else None (not signed)
    funds_rate: Decimal | None  # 资金到位率 = funds / signed investment
    completed_total_wan: Decimal  # all monthly completed investment
    years: tuple[YearInvestment, ...]  # every year with a plan or a monthly figure
    funds: tuple[FundsRecord, ...]  # by date


# ---------------------------------------------------------------- input


@dataclass
class FundsInput:
    received_on: str | dt.date | int | float | None = None
    amount_wan: Amount = None  # 万元 ("500万", "0.5亿")
    fdi_usd_wan: Amount = None  # the foreign part, 万美元
    note: str = ""


def _project(session: Session, project_id: str) -> Project:
    p = session.get(Project, project_id)
    if p is None or p.deleted_at is not None:
        raise NotFoundError("项目不存在或已删除")
    return p


def _touch(project: Project, actor: str) -> dt.datetime:
    now = utcnow()
    project.updated_at = now
    project.updated_by = actor
    return now


def _clean_funds(data: FundsInput, today: dt.date) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    try:
        if data.received_on is None or (
            isinstance(data.received_on, str) and not data.received_on.strip()
        ):
            raise DateParseError("请填写到位日期")
        values["received_on"] = parse_date(data.received_on)
        if values["received_on"] > today:
            errors["received_on"] = "到位日期不能晚于今天"
    except DateParseError as exc:
        errors["received_on"] = str(exc)
    try:
        amount = parse_money_wan(data.amount_wan)
        if amount is None:
            errors["amount_wan"] = "请填写到位金额"
        elif amount <= 0:
            errors["amount_wan"] = "到位金额应大于 0"
        values["amount_wan"] = amount
    except FieldError as exc:
        errors["amount_wan"] = str(exc)
    try:
        values["fdi_usd_wan"] = parse_usd_wan(data.fdi_usd_wan)
    except FieldError as exc:
        errors["fdi_usd_wan"] = str(exc)
    values["note"] = (data.note or "").strip()
    if errors:
        raise ValidationError(errors)
    return values


def _funds_record(r: FundsInPlace) -> FundsRecord:
    return FundsRecord(
        r.id, r.project_id, r.received_on, r.amount_wan, r.fdi_usd_wan, r.note, r.updated_at
    )


def add_funds(
    session: Session,
    project_id: str,
    data: FundsInput,
    actor: str,
    *,
    today: dt.date | None = None,
) -> FundsRecord:
    """Record funds in place (到位资金) for a project."""
    actor = clean_actor(actor)
    project = _project(session, project_id)
    values = _clean_funds(data, today or dt.date.today())
    row = FundsInPlace(project_id=project_id, **values)
    session.add(row)
    now = _touch(project, actor)
    row.created_at = row.updated_at = now
    session.flush()
    record_change(
        session,
        entity="funds_in_place",
        entity_id=row.id,
        parent_id=project_id,
        actor=actor,
        action="create",
        changes=diff({}, values),
        at=now,
    )
    return _funds_record(row)


def _live_funds(session: Session, funds_id: str) -> FundsInPlace:
    row = session.get(FundsInPlace, funds_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("到位资金记录不存在或已删除")
    return row


def update_funds(
    session: Session,
    funds_id: str,
    data: FundsInput,
    actor: str,
    *,
    today: dt.date | None = None,
) -> FundsRecord:
    actor = clean_actor(actor)
    row = _live_funds(session, funds_id)
    project = _project(session, row.project_id)
    values = _clean_funds(data, today or dt.date.today())
    changes = diff({k: getattr(row, k) for k in values}, values)
    if changes:
        for key in changes:
            setattr(row, key, values[key])
        now = _touch(project, actor)
        row.updated_at = now
        session.flush()
        record_change(
            session,
            entity="funds_in_place",
            entity_id=row.id,
            parent_id=row.project_id,
            actor=actor,
            action="update",
            changes=changes,
            at=now,
        )
    return _funds_record(row)


def _tombstone(
    session: Session,
    project: Project,
    row: FundsInPlace | KeyProjectPlan | MonthlyInvestment,
    entity: str,
    actor: str,
    changes: dict[str, list[object]],
) -> None:
    """Soft-delete a child record of ``project`` and log what it held (one place for all)."""
    now = _touch(project, actor)
    row.deleted_at = row.updated_at = now
    record_change(
        session,
        entity=entity,
        entity_id=row.id,
        parent_id=project.id,
        actor=actor,
        action="delete",
        changes=changes,
        at=now,
    )


def delete_funds(session: Session, funds_id: str, actor: str) -> None:
    actor = clean_actor(actor)
    row = _live_funds(session, funds_id)
    project = _project(session, row.project_id)
    _tombstone(
        session,
        project,
        row,
        "funds_in_place",
        actor,
        {
            "received_on": [plain(row.received_on), None],
            "amount_wan": [plain(row.amount_wan), None],
        },
    )
    session.flush()


def list_funds(session: Session, project_id: str) -> list[FundsRecord]:
    rows = session.scalars(
        select(FundsInPlace)
        .where(FundsInPlace.project_id == project_id, FundsInPlace.deleted_at.is_(None))
        .order_by(FundsInPlace.received_on, FundsInPlace.created_at)
    ).all()
    return [_funds_record(r) for r in rows]


# ---------------------------------------------------------------- key-project plan and months


def _year(value: int | str, key: str = "year") -> int:
    try:
        year = int(str(value).strip().removesuffix("年"))
    except ValueError:
        raise ValidationError({key: f"无法识别的年份：“{value}”"}) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError({key: f"年份应在 {MIN_YEAR} 到 {MAX_YEAR} 之间"})
    return year


def _month(value: int | str | None, key: str = "month") -> int:
    try:
        month = int(str(value).strip().removesuffix("月"))
    except ValueError:
        raise ValidationError({key: f"无法识别的月份：“{value}”"}) from None
    if not 1 <= month <= 12:
        raise ValidationError({key: "月份应在 1 到 12 之间"})
    return month


def _amount(value: Amount, key: str, what: str) -> Decimal:
    try:
        amount = parse_money_wan(value)
    except FieldError as exc:
        raise ValidationError({key: str(exc)}) from None
    if amount is None:
        raise ValidationError({key: f"请填写{what}"})
    return amount


def set_key_plan(
    session: Session,
    project_id: str,
    year: int | str,
    planned_investment_wan: Amount,
    actor: str,
    *,
    is_new_start: bool = False,
    planned_start_month: int | str | None = None,
) -> PlanRecord:
    """Put a project in ``year``'s key-project plan with its planned investment (upsert)."""
    actor = clean_actor(actor)
    project = _project(session, project_id)
    y = _year(year)
    values: dict[str, Any] = {
        "planned_investment_wan": _amount(
            planned_investment_wan, "planned_investment_wan", "年度计划投资"
        ),
        "is_new_start": bool(is_new_start),
        "planned_start_month": (
            None
            if planned_start_month in (None, "")
            else _month(planned_start_month, "planned_start_month")
        ),
    }
    row = session.scalar(
        select(KeyProjectPlan).where(
            KeyProjectPlan.project_id == project_id, KeyProjectPlan.year == y
        )
    )
    if row is None:
        row = KeyProjectPlan(project_id=project_id, year=y)
        session.add(row)
        old: dict[str, Any] = {}
        action = "create"
    else:
        old = {} if row.deleted_at is not None else {k: getattr(row, k) for k in values}
        action = "create" if row.deleted_at is not None else "update"
    changes = diff(old, values)
    if changes or row.deleted_at is not None or action == "create":
        for key, value in values.items():
            setattr(row, key, value)
        row.deleted_at = None
        now = _touch(project, actor)
        row.updated_at = now
        session.flush()
        record_change(
            session,
            entity="key_project_plan",
            entity_id=row.id,
            parent_id=project_id,
            actor=actor,
            action=action,
            changes={"year": [None, y], **changes} if action == "create" else changes,
            at=now,
        )
    return PlanRecord(
        row.id,
        project_id,
        y,
        row.planned_investment_wan,
        row.is_new_start,
        row.planned_start_month,
    )


def delete_key_plan(session: Session, project_id: str, year: int | str, actor: str) -> None:
    actor = clean_actor(actor)
    project = _project(session, project_id)
    y = _year(year)
    row = session.scalar(
        select(KeyProjectPlan).where(
            KeyProjectPlan.project_id == project_id,
            KeyProjectPlan.year == y,
            KeyProjectPlan.deleted_at.is_(None),
        )
    )
    if row is None:
        raise NotFoundError(f"该项目没有 {y} 年的重点项目计划")
    _tombstone(
        session,
        project,
        row,
        "key_project_plan",
        actor,
        {
            "year": [y, None],
            "planned_investment_wan": [plain(row.planned_investment_wan), None],
        },
    )
    session.flush()


def set_monthly_investment(
    session: Session,
    project_id: str,
    year: int | str,
    month: int | str,
    completed_wan: Amount,
    actor: str,
) -> MonthlyRecord:
    """Completed investment of one month (月度完成投资), replacing any figure there was."""
    actor = clean_actor(actor)
    project = _project(session, project_id)
    y, m = _year(year), _month(month)
    amount = _amount(completed_wan, "completed_wan", "完成投资")
    row = session.scalar(
        select(MonthlyInvestment).where(
            MonthlyInvestment.project_id == project_id,
            MonthlyInvestment.year == y,
            MonthlyInvestment.month == m,
        )
    )
    was = None if row is None or row.deleted_at is not None else row.completed_wan
    if row is None:
        row = MonthlyInvestment(project_id=project_id, year=y, month=m, completed_wan=amount)
        session.add(row)
    if was is None or plain(was) != plain(amount) or row.deleted_at is not None:
        row.completed_wan = amount
        row.deleted_at = None
        now = _touch(project, actor)
        row.updated_at = now
        session.flush()
        record_change(
            session,
            entity="monthly_investment",
            entity_id=row.id,
            parent_id=project_id,
            actor=actor,
            action="create" if was is None else "update",
            changes={
                "period": [None, f"{y}-{m:02d}"],
                "completed_wan": [plain(was), plain(amount)],
            },
            at=now,
        )
    return MonthlyRecord(row.id, project_id, y, m, row.completed_wan)


def delete_monthly_investment(
    session: Session, project_id: str, year: int | str, month: int | str, actor: str
) -> None:
    actor = clean_actor(actor)
    project = _project(session, project_id)
    y, m = _year(year), _month(month)
    row = session.scalar(
        select(MonthlyInvestment).where(
            MonthlyInvestment.project_id == project_id,
            MonthlyInvestment.year == y,
            MonthlyInvestment.month == m,
            MonthlyInvestment.deleted_at.is_(None),
        )
    )
    if row is None:
        raise NotFoundError(f"该项目没有 {y} 年 {m} 月的完成投资记录")
    _tombstone(
        session,
        project,
        row,
        "monthly_investment",
        actor,
        {
            "period": [f"{y}-{m:02d}", None],
            "completed_wan": [plain(row.completed_wan), None],
        },
    )
    session.flush()


# ---------------------------------------------------------------- totals


def investment_summary(session: Session, project_id: str) -> InvestmentSummary:
    """Cumulative funds, 资金到位率, and per year planned vs completed investment."""
    funds = tuple(list_funds(session, project_id))
    funds_total = sum((f.amount_wan for f in funds), Decimal(0))
    fdi_total = sum((f.fdi_usd_wan or Decimal(0) for f in funds), Decimal(0))
    signed = session.execute(
        select(ProjectStageEvent.signed_investment_wan)
        .where(
            ProjectStageEvent.project_id == project_id,
            ProjectStageEvent.stage == Stage.SIGNED.value,
            ProjectStageEvent.deleted_at.is_(None),
        )
        .order_by(ProjectStageEvent.occurred_on)
        .limit(1)
    ).first()
    signed_wan: Decimal | None = None
    if signed is not None:
        signed_wan = signed[0]
        if signed_wan is None:  # signed before the amount was recorded: the project's total
            signed_wan = session.scalar(
                select(Project.total_investment_wan).where(Project.id == project_id)
            )
    plans = {
        p.year: p
        for p in session.scalars(
            select(KeyProjectPlan).where(
                KeyProjectPlan.project_id == project_id, KeyProjectPlan.deleted_at.is_(None)
            )
        )
    }
    months: dict[int, dict[int, Decimal]] = {}
    for m in session.scalars(
        select(MonthlyInvestment).where(
            MonthlyInvestment.project_id == project_id, MonthlyInvestment.deleted_at.is_(None)
        )
    ):
        months.setdefault(m.year, {})[m.month] = m.completed_wan
    years = []
    for year in sorted(set(plans) | set(months)):
        plan = plans.get(year)
        done = sum(months.get(year, {}).values(), Decimal(0))
        planned = plan.planned_investment_wan if plan is not None else None
        years.append(
            YearInvestment(
                year=year,
                planned_wan=planned,
                completed_wan=done,
                completion_rate=rate(done, planned) if planned else None,
                months=dict(sorted(months.get(year, {}).items())),
                is_new_start=plan.is_new_start if plan is not None else False,
                planned_start_month=plan.planned_start_month if plan is not None else None,
            )
        )
    return InvestmentSummary(
        funds_total_wan=funds_total,
        fdi_total_usd_wan=fdi_total,
        signed_investment_wan=signed_wan,
        funds_rate=rate(funds_total, signed_wan) if signed_wan else None,
        completed_total_wan=sum((y.completed_wan for y in years), Decimal(0)),
        years=tuple(years),
        funds=funds,
    )
