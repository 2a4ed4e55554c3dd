"""Table models of the sync dialogs and the backup section: plain data in, rows out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from jianan_desk.store.backup import BackupFile
from jianan_desk.sync.conflicts import ConflictRow, field_label, readable, show
from jianan_desk.sync.engine import TABLE_LABELS, ApplyResult, ConflictInfo, DuplicatePair
from jianan_desk.ui.models.list_model import ListModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncModels", text)


class ChangeCountsModel(ListModel[Any]):
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

    def values(self, item: Any) -> tuple[Any, ...]:
        return tuple(item)


class DuplicatesModel(ListModel[Any]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (_tr("企业一"), _tr("企业二"), _tr("原因"))

    def values(self, item: DuplicatePair) -> tuple[Any, ...]:
        return (item.first_name, item.second_name, item.reason)

    def entity(self, item: DuplicatePair) -> Any:
        return (item.first_id, item.second_id)


class ConflictsModel(ListModel[Any]):
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

    def values(self, item: ConflictRow) -> tuple[Any, ...]:
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


class PreviewConflictsModel(ListModel[Any]):
    """The conflicts an import will list (before it is applied, in the preview)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (_tr("数据"), _tr("字段"), _tr("本机"), _tr("对方"), _tr("暂用"))

    def values(self, item: ConflictInfo) -> tuple[Any, ...]:
        return (
            TABLE_LABELS.get(item.tbl, item.tbl),
            field_label(item.field),
            show(readable(item.tbl, item.field, item.mine)),
            show(readable(item.tbl, item.field, item.theirs)),
            _tr("本机") if item.winner == "mine" else _tr("对方"),
        )

    def entity(self, item: ConflictInfo) -> Any:
        return (item.tbl, item.row_id, item.field)


class BackupsModel(ListModel[Any]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (_tr("时间"), _tr("原因"), _tr("大小"), _tr("文件"))

    def values(self, item: BackupFile) -> tuple[Any, ...]:
        size = item.size
        return (
            item.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
            item.reason_label,
            f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB",
            item.path.name,
        )

    def entity(self, item: BackupFile) -> Any:
        return str(item.path)
