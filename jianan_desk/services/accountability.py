"""Accountability figures (压实责任): for a period, problems raised / closed / open / overdue
and the median days to close, in total, by responsible unit and by category.

Definitions (one place; the ledger rules are ``domain.problems``):

* raised: problems whose 提出日期 is in the period;
* closed: problems 销号 in the period (``resolved_on`` in it), whenever raised;
* open: problems raised by the period's end and not closed by then (待办/办理中 on the end
  date; 已挂起 not counted);
* overdue: of the open ones, those past their deadline on the end date;
* median days to close: over the problems closed in the period, 提出 → 销号.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from jianan_desk.domain import problems as rules
from jianan_desk.services.errors import ValidationError
from jianan_desk.store.models import Problem, Unit

NO_UNIT = "（未指定单位）"


@dataclass(frozen=True)
class Figures:
    label: str  # a unit's or category's name; "合计" for the total
    raised: int
    closed: int
    open: int
    overdue: int
    median_days_to_close: float | None

    @property
    def close_rate(self) -> float | None:
        """Closed / raised in the period (None with nothing raised)."""
        return self.closed / self.raised if self.raised else None


@dataclass(frozen=True)
class AccountabilityReport:
    start: dt.date
    end: dt.date
    total: Figures
    by_unit: tuple[Figures, ...]  # most overdue first, then most open
    by_category: tuple[Figures, ...]  # in the ledger's category order

    @property
    def period_label(self) -> str:
        return f"{self.start:%Y-%m-%d} 至 {self.end:%Y-%m-%d}"


@dataclass
class _Tally:
    raised: int = 0
    closed: int = 0
    open: int = 0
    overdue: int = 0

    def __post_init__(self) -> None:
        self.days: list[int] = []

    def figures(self, label: str) -> Figures:
        return Figures(
            label,
            self.raised,
            self.closed,
            self.open,
            self.overdue,
            rules.median_days(self.days),
        )


def accountability(session: Session, start: dt.date, end: dt.date) -> AccountabilityReport:
    """The figures of the period ``start``–``end`` (both included)."""
    if end < start:
        raise ValidationError({"end": "结束日期不能早于开始日期"})
    rows = session.execute(
        select(
            Problem.raised_on,
            Problem.status,
            Problem.deadline,
            Problem.resolved_on,
            Problem.category,
            func.coalesce(Unit.name, literal(NO_UNIT)),
        )
        .outerjoin(Unit, Unit.id == Problem.unit_id)
        .where(Problem.deleted_at.is_(None), Problem.raised_on <= end)
    ).all()
    total = _Tally()
    units: dict[str, _Tally] = {}
    categories: dict[str, _Tally] = {c: _Tally() for c in rules.CATEGORY_LABELS}
    for raised_on, status, deadline, resolved_on, category, unit in rows:
        tallies = (
            total,
            units.setdefault(unit, _Tally()),
            categories.setdefault(category, _Tally()),
        )
        status_then = rules.status_on(status, resolved_on, end)
        for t in tallies:
            if raised_on >= start:
                t.raised += 1
            if status == "closed" and resolved_on is not None and start <= resolved_on <= end:
                t.closed += 1
                t.days.append((resolved_on - raised_on).days)
            if rules.is_active(status_then):
                t.open += 1
                if rules.is_overdue(status_then, deadline, end):
                    t.overdue += 1
    by_unit = sorted(
        (t.figures(u) for u, t in units.items() if t.raised or t.closed or t.open),
        key=lambda f: (-f.overdue, -f.open, -f.raised, f.label),
    )
    by_category = tuple(t.figures(rules.category_label(c)) for c, t in categories.items())
    return AccountabilityReport(start, end, total.figures("合计"), tuple(by_unit), by_category)


def _median_text(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


def figure_rows(figures: Iterable[Figures]) -> list[list[Any]]:
    return [
        [
            f.label,
            f.raised,
            f.closed,
            f.open,
            f.overdue,
            _median_text(f.median_days_to_close),
        ]
        for f in figures
    ]


FIGURE_HEADERS = ("名称", "提出", "销号", "未销号", "超期", "销号用时中位数（天）")


def export_accountability(report: AccountabilityReport, path: Path) -> int:
    """Write the figures to an Excel file (by unit, then by category); returns data rows."""
    from jianan_desk.excel.export import Column, write_table

    columns = [
        Column("分组", 10),
        Column("名称", 28),
        Column("提出", 8, "int"),
        Column("销号", 8, "int"),
        Column("未销号", 8, "int"),
        Column("超期", 8, "int"),
        Column("销号用时中位数（天）", 12),
    ]
    rows: list[list[Any]] = [["合计", *figure_rows([report.total])[0]]]
    rows += [["按责任单位", *r] for r in figure_rows(report.by_unit)]
    rows += [["按问题类别", *r] for r in figure_rows(report.by_category)]
    return write_table(
        path,
        f"问题办理责任统计（{report.period_label}）",
        columns,
        rows,
        sheet_name="责任统计",
        notes=(
            "提出：提出日期在期间内；销号：销号日期在期间内；未销号：期末仍为待办或办理中；"
            "超期：未销号且期末已过办结时限。",
        ),
    )
