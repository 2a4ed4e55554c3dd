"""A project's investment records (``services.investments.InvestmentSummary``) as tables.

* ``FundsModel``: funds in place (到位资金), one row per dated amount;
* ``PlanModel``: key projects, one row per year: planned, completed, % of plan;
* ``MonthlyModel``: key projects, one row per month with a completed-investment figure.

Small (one project's records): each model holds its rows; ``ENTITY_ROLE`` gives the
record's id (funds) or ``(year, month)`` / ``year`` key the service deletes by.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from jianan_desk.services.investments import FundsRecord, YearInvestment
from jianan_desk.ui.models.project_table import yi_text
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProjectInvestmentModels", text)


def wan_text(value: Decimal | None) -> str:
    """万元 with thousands separators and no trailing zeros (``"1,234.5"``); ``""`` for none."""
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}"
    return sign + whole + (f".{frac}" if frac else "")


def percent_text(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


class _RecordsModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()
    RIGHT: frozenset[int] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def _set(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = (
                Qt.AlignmentFlag.AlignRight if section in self.RIGHT else Qt.AlignmentFlag.AlignLeft
            )
            return side | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == ENTITY_ROLE:
            return self._key(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = (
                Qt.AlignmentFlag.AlignRight if column in self.RIGHT else Qt.AlignmentFlag.AlignLeft
            )
            return side | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            return self._sort(item, column)
        return None

    def _key(self, item: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _display(self, item: Any, column: int) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _sort(self, item: Any, column: int) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError


class FundsModel(_RecordsModel):
    """Funds in place, by date."""

    DATE, AMOUNT, FDI, NOTE = range(4)
    HEADERS = ("到位日期", "金额（万元）", "其中外资（万美元）", "备注")
    RIGHT = frozenset({AMOUNT, FDI})

    def set_records(self, records: Sequence[FundsRecord]) -> None:
        self._set(records)

    def _key(self, item: FundsRecord) -> str:
        return item.id

    def _display(self, item: FundsRecord, column: int) -> str:
        if column == self.DATE:
            return item.received_on.isoformat()
        if column == self.AMOUNT:
            return wan_text(item.amount_wan)
        if column == self.FDI:
            return wan_text(item.fdi_usd_wan)
        return item.note

    def _sort(self, item: FundsRecord, column: int) -> Any:
        return (item.received_on, item.amount_wan, item.fdi_usd_wan or Decimal(0), item.note)[
            column
        ]


class PlanModel(_RecordsModel):
    """Key projects: a year's planned and completed investment."""

    YEAR, PLANNED, COMPLETED, RATE = range(4)
    HEADERS = ("年度", "计划（亿元）", "完成（亿元）", "占计划")
    RIGHT = frozenset({PLANNED, COMPLETED, RATE})

    def set_years(self, years: Sequence[YearInvestment]) -> None:
        self._set(years)

    def _key(self, item: YearInvestment) -> int:
        return item.year

    def _display(self, item: YearInvestment, column: int) -> str:
        if column == self.YEAR:
            new = _tr(" 新开工") if item.is_new_start else ""
            return f"{item.year}{new}"
        if column == self.PLANNED:
            return yi_text(item.planned_wan) if item.planned_wan is not None else _tr("未列计划")
        if column == self.COMPLETED:
            return yi_text(item.completed_wan)
        return percent_text(item.completion_rate)

    def _sort(self, item: YearInvestment, column: int) -> Any:
        values = (item.year, item.planned_wan, item.completed_wan, item.completion_rate)
        return values[column]


class MonthlyModel(_RecordsModel):
    """Key projects: completed investment per month (latest first)."""

    PERIOD, COMPLETED = range(2)
    HEADERS = ("月份", "完成投资（万元）")
    RIGHT = frozenset({COMPLETED})

    def set_years(self, years: Sequence[YearInvestment]) -> None:
        rows = [(y.year, m, v) for y in years for m, v in y.months.items()]
        rows.sort(reverse=True)
        self._set(rows)

    def _key(self, item: tuple[int, int, Decimal]) -> tuple[int, int]:
        return item[0], item[1]

    def _display(self, item: tuple[int, int, Decimal], column: int) -> str:
        if column == self.PERIOD:
            return f"{item[0]}-{item[1]:02d}"
        return wan_text(item[2])

    def _sort(self, item: tuple[int, int, Decimal], column: int) -> Any:
        return (item[0] * 100 + item[1]) if column == self.PERIOD else item[2]


__all__ = ["FundsModel", "MonthlyModel", "PlanModel", "percent_text", "wan_text"]
