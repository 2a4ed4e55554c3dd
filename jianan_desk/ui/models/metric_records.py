"""Table model of the records behind a figure (``services.metrics.MetricRecord``).

The records are already in memory (a cohort, a year's funds records or monthly figures: up
to some tens of thousands of tuples), in the service's order; the view asks only for the
rows it paints. Amounts are in 万元 (or 万美元 for FDI), as stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from jianan_desk.services.metrics import MetricRecord
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex

KIND_DATE_HEADERS = {"funds": "到位日期", "monthly": "月份"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MetricRecordsModel", text)


class MetricRecordsModel(QAbstractTableModel):
    """Columns: number, project, amount (when the figure is a sum or has amounts), date."""

    NUMBER, PROJECT, AMOUNT, DATE = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MetricRecord] = []
        self.amount_unit = "万元"
        self._has_date = False

    def set_records(self, records: Sequence[MetricRecord], amount_unit: str = "万元") -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.amount_unit = amount_unit
        self._has_date = any(r.on is not None for r in self._rows)
        self.endResetModel()

    def record(self, row: int) -> MetricRecord:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def _date_header(self) -> str:
        kind = self._rows[0].kind if self._rows else ""
        return _tr(KIND_DATE_HEADERS.get(kind, "日期"))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            _tr("序号"),
            _tr("项目"),
            _tr("金额（{0}）").format(self.amount_unit),
            self._date_header(),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = index.column()
        if not 0 <= column < 4:
            return None
        r = self._rows[index.row()]
        if role == ENTITY_ROLE:
            return r.project_id
        if role == SORT_ROLE:
            return (index.row() + 1, r.project_name, r.amount, r.on)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return str(index.row() + 1)
            if column == self.PROJECT:
                return r.project_name
            if column == self.AMOUNT:
                if r.amount is None:
                    return "—"
                shown = Decimal(r.amount).quantize(Decimal("0.01"), ROUND_HALF_UP)
                return f"{shown:,.2f}"
            if r.on is None:
                return ""
            return f"{r.on:%Y-%m}" if r.kind == "monthly" else f"{r.on:%Y-%m-%d}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PROJECT:
            return r.project_name
        return None

    @property
    def has_date(self) -> bool:
        return self._has_date
