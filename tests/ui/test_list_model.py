"""The shared read-only list models (``ui/models/list_model.py``): what every short list
of the program (首页 lists, trips, 招商图谱 tables, sync previews, problems) inherits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from jianan_desk.ui.models.list_model import ColumnsModel, ListModel, RowsModel
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class Item:
    id: str
    name: str
    amount: Decimal | None
    day: dt.date | None


ROWS = [
    Item("a", "三佳", Decimal("50000"), dt.date(2022, 3, 31)),
    Item("b", "万向节", None, None),
]


class Items(ListModel[Item]):
    HEADERS = ("名称", "总投资(亿元)", "日期")
    HIGHLIGHT_COLUMNS = (0,)

    def values(self, row: Item) -> tuple[Any, ...]:
        return (row.name, row.amount, row.day)

    def highlight(self, row: Item) -> QColor | None:
        return QColor("#d93025") if row.amount is None else None


class ItemColumns(ColumnsModel[Item]):
    COLUMNS = (
        ("名称", lambda r: r.name),
        ("日期", lambda r: r.day),
    )
    ALIGN_RIGHT = frozenset({1})

    def display(self, value: Any) -> str:
        return "—" if value is None else super().display(value)

    def entity(self, row: Item) -> Any:
        return f"item:{row.id}"


def test_list_model_shows_headers_values_and_roles(qapp: Any) -> None:
    model = Items()
    model.set_rows(ROWS)
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert header == ["名称", "总投资(亿元)", "日期"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    first = [model.data(model.index(0, c)) for c in range(3)]
    assert first == ["三佳", "5.00", "2022-03-31"]  # 万元 shown in 亿元, ISO dates
    assert model.data(model.index(1, 1)) == ""
    assert model.data(model.index(1, 1), SORT_ROLE) == ""  # sortable beside Decimals
    assert model.data(model.index(0, 1), SORT_ROLE) == Decimal("50000")
    assert model.data(model.index(0, 1), ALIGN) == RIGHT
    assert model.data(model.index(0, 0), ALIGN) is None
    assert model.data(model.index(1, 2), ENTITY_ROLE) == "b"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.row(1) is ROWS[1] and model.rows() == ROWS


def test_out_of_range_cells_are_empty(qapp: Any) -> None:
    model = Items()
    model.set_rows(ROWS)
    # an index made for another model's shape (a proxy's stale index) must not raise
    assert model.data(model.createIndex(0, 7)) is None
    assert model.data(model.createIndex(5, 0)) is None
    assert model.flags(model.createIndex(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(9, 9)) == Qt.ItemFlag.NoItemFlags


def test_columns_model_uses_its_getters_and_hooks(qapp: Any) -> None:
    model = ItemColumns()
    model.set_rows(ROWS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["名称", "日期"]
    assert model.data(model.index(0, 1)) == "2022-03-31"
    assert model.data(model.index(1, 1)) == "—"
    assert model.data(model.index(1, 1), SORT_ROLE) == ""
    assert model.data(model.index(0, 1), SORT_ROLE) == dt.date(2022, 3, 31)
    assert model.data(model.index(0, 1), ALIGN) == RIGHT
    assert model.data(model.index(0, 0), ALIGN) is None
    assert model.data(model.index(0, 0), ENTITY_ROLE) == "item:a"


def test_rows_model_headers_can_be_set_per_instance(qapp: Any) -> None:
    class Pairs(RowsModel[tuple[str, int]]):
        def __init__(self) -> None:
            super().__init__()
            self.headers = ("数据", "新增")

        def cell(self, row: tuple[str, int], column: int, role: int) -> Any:
            return str(row[column]) if role == DISPLAY else None

    model = Pairs()
    model.set_rows([("项目", 3)])
    assert model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "新增"
    assert model.data(model.index(0, 1)) == "3"
