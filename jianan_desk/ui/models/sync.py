"""Table models of the sync dialogs and the backup section: plain data in, rows out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from jianan_desk.store.backup import BackupFile
from jianan_desk.sync.conflicts import ConflictRow, field_label, readable, show
from jianan_desk.sync.engine import TABLE_LABELS, ApplyResult, ConflictInfo, DuplicatePair
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncModels", text)


class _Rows(QAbstractTableModel):
    """A read-only table over a list: ``headers`` and ``cells(row) -> tuple``."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def cells(self, item: Any) -> tuple[Any, ...]:
        raise NotImplementedError

    def entity(self, item: Any) -> Any:
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == ENTITY_ROLE:
            return self.entity(item)
        value = self.cells(item)[index.column()]
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ChangeCountsModel(_Rows):
    """What an import creates and updates, per kind of record."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (_tr("数据"), _tr("新增"), _tr("更新"))

    def set_result(self, result: ApplyResult) -> None:
        labels = list(dict.fromkeys([*result.created, *result.updated]))
        self.set_rows(
            [
                (label, result.created.get(label, 0), result.updated.get(label, 0))
                for label in labels
            ]
        )

    def cells(self, item: Any) -> tuple[Any, ...]:
        return tuple(item)


class DuplicatesModel(_Rows):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (_tr("企业一"), _tr("企业二"), _tr("原因"))

    def cells(self, item: DuplicatePair) -> tuple[Any, ...]:
        return (item.first_name, item.second_name, item.reason)

    def entity(self, item: DuplicatePair) -> Any:
        return (item.first_id, item.second_id)


class ConflictsModel(_Rows):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            _tr("数据"),
            _tr("记录"),
            _tr("字段"),
            _tr("本机"),
            _tr("对方"),
            _tr("当前"),
        )

    def cells(self, item: ConflictRow) -> tuple[Any, ...]:
        return (
            item.table_label,
            item.row_label,
            item.field_label,
            show(item.mine),
            show(item.theirs),
            show(item.current),
        )

    def entity(self, item: ConflictRow) -> Any:
        return item.id


class PreviewConflictsModel(_Rows):
    """The conflicts an import will list (before it is applied, in the preview)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (_tr("数据"), _tr("字段"), _tr("本机"), _tr("对方"), _tr("暂用"))

    def cells(self, item: ConflictInfo) -> tuple[Any, ...]:
        return (
            TABLE_LABELS.get(item.tbl, item.tbl),
            field_label(item.field),
            show(readable(item.tbl, item.field, item.mine)),
            show(readable(item.tbl, item.field, item.theirs)),
            _tr("本机") if item.winner == "mine" else _tr("对方"),
        )

    def entity(self, item: ConflictInfo) -> Any:
        return (item.tbl, item.row_id, item.field)


class BackupsModel(_Rows):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (_tr("时间"), _tr("原因"), _tr("大小"), _tr("文件"))

    def cells(self, item: BackupFile) -> tuple[Any, ...]:
        size = item.size
        return (
            item.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
            item.reason_label,
            f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB",
            item.path.name,
        )

    def entity(self, item: BackupFile) -> Any:
        return str(item.path)
