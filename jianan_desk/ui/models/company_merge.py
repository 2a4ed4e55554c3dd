"""The merge dialog's side-by-side table: one row per field, a column per company.

Rows whose values differ are shown in bold. Roles: ``SORT_ROLE`` (the text),
``ENTITY_ROLE`` (the field key).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont

from jianan_desk.services.companies import CompanyDetail
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("MergeCompareModel", text)


def _kind(d: CompanyDetail) -> str:
    return "、".join(
        label for label, on in ((_tr("本地企业"), d.is_local), (_tr("目标企业"), d.is_target)) if on
    )


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


FIELDS: tuple[tuple[str, str, Callable[[CompanyDetail], Any]], ...] = (
    ("name", "企业名称", lambda d: d.name),
    ("uscc", "统一社会信用代码", lambda d: d.uscc or ""),
    (
        "city",
        "城市",
        lambda d: "".join(p for p in (d.province, d.city) if p and p != d.city) + d.city,
    ),
    ("industry", "所属产业", lambda d: d.industry_name),
    ("kind", "类型", _kind),
    ("contacts", "联系人", lambda d: len(d.contacts)),
    ("visits", "拜访记录", lambda d: d.visit_count),
    ("projects", "项目", lambda d: d.project_count),
    ("targets", "目标企业条目", lambda d: d.target_entry_count),
    ("last_visit", "最近拜访", lambda d: _date(d.last_visit_on)),
    ("scale", "规模", lambda d: d.scale),
    ("website", "网站", lambda d: d.website),
    ("tags", "标签", lambda d: d.tags),
    ("created", "录入日期", lambda d: _date(d.created_at.date())),
)


class MergeCompareModel(QAbstractTableModel):
    FIELD, FIRST, SECOND = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pair: tuple[CompanyDetail, CompanyDetail] | None = None
        self._headers = ("", "", "")

    def set_pair(
        self, first: CompanyDetail, second: CompanyDetail, labels: tuple[str, str]
    ) -> None:
        self.beginResetModel()
        self._pair = (first, second)
        self._headers = (_tr("项目"), labels[0], labels[1])
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def set_headers(self, labels: tuple[str, str]) -> None:
        self._headers = (_tr("项目"), labels[0], labels[1])
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._pair is None else len(FIELDS)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def values(self, row: int) -> tuple[Any, Any]:
        assert self._pair is not None
        get = FIELDS[row][2]
        return get(self._pair[0]), get(self._pair[1])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._pair is None or not index.isValid() or not 0 <= index.row() < len(FIELDS):
            return None
        key, label, _get = FIELDS[index.row()]
        if role == ENTITY_ROLE:
            return key
        if role == Qt.ItemDataRole.FontRole:
            a, b = self.values(index.row())
            if a != b and index.column() != self.FIELD:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if index.column() == self.FIELD:
                return _tr(label)
            value = self.values(index.row())[index.column() - 1]
            if role == Qt.ItemDataRole.DisplayRole:
                return str(value) if value not in ("", None) else "—"
            return value
        return None
