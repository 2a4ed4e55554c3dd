"""Models of the 招商图谱 page: coverage table, target lists, the lists behind a count, and
the 222 tree.

The table models hold plain rows from ``services.industry_map`` / ``services.target_companies``
(a few hundred at most: no lazy fetching); the page calls ``set_rows``. Roles: ``SORT_ROLE``
(native values, for the sort proxy), ``ENTITY_ROLE`` (the row's id). Stale targets and gap
links are tinted (``BackgroundRole``) and their key cells coloured (``ForegroundRole``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from jianan_desk.services.industry_map import CompanyItem, LinkCounts, ProjectItem
from jianan_desk.services.industry_tree import LEVEL_LABELS, TreeNode
from jianan_desk.services.target_companies import TargetEntry
from jianan_desk.ui.models.list_model import ColumnsModel
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex

R = TypeVar("R")
STALE_BACKGROUND = QColor("#fff4e0")
GAP_BACKGROUND = QColor("#fdecea")
WARN_TEXT = QColor("#b3261e")
RETIRED_TEXT = QColor("#8a8f96")
STAGE_LABELS = {
    "lead": "线索",
    "negotiating": "洽谈",
    "signed": "签约",
    "performing": "履约",
    "started": "开工",
    "operating": "投产/运营",
    "dropped": "终止",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("IndustryMapModels", text)


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _tr("是") if value else ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value / Decimal(10000):,.2f}"  # 万元 → 亿元
    return str(value)


class _RowsModel(ColumnsModel[R]):
    """A read-only table of plain rows; subclasses list (header, getter) columns."""

    def display(self, value: Any) -> str:
        return _display(value)

    def sort_value(self, value: Any, column: int) -> Any:
        if value is None:
            return -1 if column in self.ALIGN_RIGHT else ""
        return value.isoformat() if isinstance(value, dt.date) else value


class CoverageModel(_RowsModel[LinkCounts]):
    """The coverage table: every link with its counts, status and gap flag."""

    INDUSTRY, LINK, POSITION, STATUS, LOCAL, TARGETS, LEADS, SIGNED, SIGNED_YI, GAP = range(10)
    COLUMNS = (
        ("产业", lambda r: r.industry_name),
        ("环节", lambda r: r.name),
        ("位置", lambda r: r.position_label),
        ("状态", lambda r: r.status_label),
        ("本地企业", lambda r: r.local),
        ("目标企业", lambda r: r.targets),
        ("在谈线索", lambda r: r.leads),
        ("签约项目", lambda r: r.signed),
        ("签约投资(亿元)", lambda r: r.signed_wan),
        ("缺口", lambda r: r.gap),
    )
    ALIGN_RIGHT = frozenset({4, 5, 6, 7, 8})

    def style(self, row: LinkCounts, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.gap:
            return GAP_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.gap and column in (self.GAP, self.LOCAL, self.LEADS):
                return WARN_TEXT
            if row.retired_on is not None:
                return RETIRED_TEXT
        return None


class TargetEntriesModel(_RowsModel[TargetEntry]):
    """A target-company list; stale entries tinted, their last contact in red."""

    COMPANY, INDUSTRY, LINK, PRIORITY, CITY, FOLLOWER, STATUS, LAST, DAYS, REASON = range(10)
    COLUMNS = (
        ("企业名称", lambda r: r.company_name),
        ("产业", lambda r: r.industry_name),
        ("环节", lambda r: r.chain_link_name),
        ("优先级", lambda r: r.priority_code),
        ("城市", lambda r: r.city),
        ("跟进人", lambda r: r.follower),
        ("状态", lambda r: r.status_label),
        ("最近接触", lambda r: r.last_contact_on),
        ("未接触天数", lambda r: r.days_since),
        ("招引理由", lambda r: r.reason),
    )
    ALIGN_RIGHT = frozenset({8})

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.isValid()
            and index.column() == self.LAST
            and 0 <= index.row() < len(self._rows)
            and self._rows[index.row()].last_contact_on is None
        ):
            return _tr("从未接触")
        return super().data(index, role)

    def style(self, row: TargetEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.stale:
            return STALE_BACKGROUND
        stale_cell = row.stale and column in (self.LAST, self.DAYS)
        if role == Qt.ItemDataRole.ForegroundRole and stale_cell:
            return WARN_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and row.stale:
            return _tr("久未接触：超过设定天数没有拜访记录")
        return None


class CompanyItemsModel(_RowsModel[CompanyItem]):
    COLUMNS = (
        ("企业名称", lambda r: r.name),
        ("城市", lambda r: r.city),
        ("规模", lambda r: r.scale),
    )


class ProjectItemsModel(_RowsModel[ProjectItem]):
    COLUMNS = (
        ("项目名称", lambda r: r.name),
        ("投资方", lambda r: r.investor),
        ("阶段", lambda r: STAGE_LABELS.get(r.stage, r.stage)),
        ("总投资(亿元)", lambda r: r.total_wan),
        ("签约日期", lambda r: r.signed_on),
    )
    ALIGN_RIGHT = frozenset({3})


def sort_proxy(model: QAbstractItemModel, parent: Any = None) -> QSortFilterProxyModel:
    """The sort proxy of these small tables (native values through ``SORT_ROLE``)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    return proxy


# ---------------------------------------------------------------- the 222 tree


class _Item:
    __slots__ = ("children", "node", "parent", "row")

    def __init__(self, node: TreeNode | None, parent: _Item | None, row: int) -> None:
        self.node = node
        self.parent = parent
        self.row = row
        self.children: list[_Item] = []


class IndustryTreeModel(QAbstractItemModel):
    """The 222 system as a tree (groups → industries → links), one column.

    ``ENTITY_ROLE`` gives the node id; retired nodes are greyed and marked（已撤销）.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Item(None, None, 0)
        self._by_id: dict[str, _Item] = {}

    def set_tree(self, groups: Sequence[TreeNode]) -> None:
        self.beginResetModel()
        self._root = _Item(None, None, 0)
        self._by_id = {}

        def add(node: TreeNode, parent: _Item) -> None:
            item = _Item(node, parent, len(parent.children))
            parent.children.append(item)
            self._by_id[node.id] = item
            for child in node.children:
                add(child, item)

        for g in groups:
            add(g, self._root)
        self.endResetModel()

    def node(self, index: AnyIndex) -> TreeNode | None:
        if not index.isValid():
            return None
        item = index.internalPointer()
        return item.node if isinstance(item, _Item) else None

    def index_of(self, node_id: str) -> QModelIndex:
        item = self._by_id.get(node_id)
        if item is None:
            return QModelIndex()
        return self.createIndex(item.row, 0, item)

    def _item(self, index: AnyIndex) -> _Item:
        if index.isValid():
            item = index.internalPointer()
            if isinstance(item, _Item):
                return item
        return self._root

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        owner = self._item(parent)
        if column != 0 or not 0 <= row < len(owner.children):
            return QModelIndex()
        return self.createIndex(row, 0, owner.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        item = self._item(index)
        up = item.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._item(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = node.name
            if node.level == "link":
                text += f"（{node.position_label} · {node.status_label}）"
            if node.retired:
                text += _tr("（已撤销）")
            return text
        if role == ENTITY_ROLE:
            return node.id
        if role == SORT_ROLE:
            return node.sort_order
        if role == Qt.ItemDataRole.ForegroundRole and node.retired:
            return RETIRED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr(LEVEL_LABELS.get(node.level, node.level))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr("产业体系")
        return None


__all__ = [
    "CompanyItemsModel",
    "CoverageModel",
    "IndustryTreeModel",
    "ProjectItemsModel",
    "TargetEntriesModel",
    "sort_proxy",
]
