"""Table model of a 季度考评 ranking: rank, unit, score, then each weighted metric's figure
and its normalised score (the columns follow the ranking's weights).

Holds one ``services.ranking.Ranking`` (a few dozen units: no lazy fetching). ``SORT_ROLE``
gives native values (Decimal, int), ``ENTITY_ROLE`` the unit's id.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from jianan_desk.services.ranking import Ranking, metric_name, metric_unit_label, show_figure
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex

IDLE = QColor("#9aa0a6")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RankingModel", text)


class RankingModel(QAbstractTableModel):
    RANK, UNIT, SCORE = range(3)
    FIXED = 3  # then two columns per weighted metric: figure, normalised score

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.ranking: Ranking | None = None
        self._keys: list[str] = []

    def set_ranking(self, ranking: Ranking | None) -> None:
        self.beginResetModel()
        self.ranking = ranking
        self._keys = list(ranking.weights) if ranking else []
        self.endResetModel()

    def metric_at(self, column: int) -> tuple[str, bool] | None:
        """(metric key, is the normalised-score column) of a metric column."""
        if column < self.FIXED or column >= self.columnCount():
            return None
        key = self._keys[(column - self.FIXED) // 2]
        return key, (column - self.FIXED) % 2 == 1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.ranking is None else len(self.ranking.units)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIXED + 2 * len(self._keys)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        metric = self.metric_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if metric is None:
                return (_tr("名次"), _tr("责任单位"), _tr("综合得分"))[section]
            key, normalised = metric
            if normalised:
                return _tr("折算分")
            return f"{metric_name(key)}\n（{metric_unit_label(key)}）"
        if role == Qt.ItemDataRole.ToolTipRole and metric is not None:
            key, normalised = metric
            if normalised and self.ranking is not None:
                return _tr("{0}：单位数值 ÷ 最高值 × 100（权重 {1}）").format(
                    metric_name(key), f"{self.ranking.weights[key].normalize():f}"
                )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.ranking is None:
            return None
        if not (0 <= index.row() < self.rowCount() and 0 <= index.column() < self.columnCount()):
            return None
        u = self.ranking.units[index.row()]
        column = index.column()
        metric = self.metric_at(column)
        if role == ENTITY_ROLE:
            return u.unit_id
        if role == SORT_ROLE:
            if metric is None:
                return (u.rank, u.unit_name, u.score)[column]
            key, normalised = metric
            return u.normalised[key] if normalised else u.values[key]
        if role == Qt.ItemDataRole.DisplayRole:
            if metric is None:
                return (str(u.rank), u.unit_name, f"{u.score:.2f}")[column]
            key, normalised = metric
            return f"{u.normalised[key]:.2f}" if normalised else show_figure(key, u.values[key])
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.UNIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and u.score == 0:
            return IDLE
        if role == Qt.ItemDataRole.FontRole and column == self.SCORE:
            font = QFont()
            font.setBold(True)
            return font
        return None
