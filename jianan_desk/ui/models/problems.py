"""Table models of the 专班与问题 page: the problem ledger (lazy), task forces, their projects,
notes, history, meetings, closures at a meeting, counts by unit and accountability figures.

The ledger fetches pages of ``PAGE`` rows from ``services.problems.list_problems`` as the view
scrolls (``canFetchMore``/``fetchMore``); filtering and sorting are done in SQL. The other
models hold short lists given to ``set_rows``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from jianan_desk.services.accountability import Figures
from jianan_desk.services.audit import ChangeEntry
from jianan_desk.services.meetings import MeetingRow
from jianan_desk.services.problems import (
    FIELD_LABELS,
    NoteRow,
    ProblemFilter,
    ProblemRow,
    UnitCount,
    count_problems,
    list_problems,
)
from jianan_desk.services.task_forces import TaskForceProject, TaskForceRow
from jianan_desk.store.engine import Database
from jianan_desk.ui.models.list_model import ListModel, RowsModel, cell_text
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex

PAGE = 200
OVERDUE_TEXT = QColor("#b71c1c")
OVERDUE_FILL = QColor("#fdecea")
CLOSED_TEXT = QColor("#607d8b")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProblemModels", text)


# ---------------------------------------------------------------- the ledger


def _days(n: int) -> str:
    return str(n) if n else ""


class ProblemLedgerModel(RowsModel[ProblemRow]):
    """The ledger: rows of ``list_problems`` for the filter, fetched a page at a time.

    Overdue rows are drawn in red on a light red ground; closed ones in grey.
    """

    (
        RAISED,
        CATEGORY,
        DESCRIPTION,
        PROJECT,
        TASK_FORCE,
        UNIT,
        PERSON,
        DEADLINE,
        STATUS,
        DAYS_OPEN,
        DAYS_OVERDUE,
        SOURCE,
    ) = range(12)
    HEADERS = (
        "提出日期",
        "类别",
        "问题描述",
        "项目（企业）",
        "专班",
        "责任单位",
        "责任人",
        "办结时限",
        "状态",
        "已办天数",
        "超期天数",
        "来源",
    )
    SORT_KEYS = (
        "raised_on",
        "category",
        "description",
        "project",
        "task_force",
        "unit",
        "person",
        "deadline",
        "status",
        "days_open",
        "days_overdue",
        "source",
    )

    def __init__(self, db: Database, as_of: dt.date, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self.as_of = as_of
        self._filter = ProblemFilter()
        self._sort, self._descending = "raised_on", True
        self._total = 0

    @property
    def filter(self) -> ProblemFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, f: ProblemFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self) -> None:
        with self._db.session(readonly=True) as s:
            total = count_problems(s, self._filter, as_of=self.as_of)
            rows = list_problems(
                s,
                self._filter,
                as_of=self.as_of,
                limit=PAGE,
                sort=self._sort,
                descending=self._descending,
            )
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or len(self._rows) >= self._total:
            return
        with self._db.session(readonly=True) as s:
            more = list_problems(
                s,
                self._filter,
                as_of=self.as_of,
                offset=len(self._rows),
                limit=PAGE,
                sort=self._sort,
                descending=self._descending,
            )
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def row_of(self, problem_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == problem_id), -1)

    @staticmethod
    def values(r: ProblemRow) -> tuple[Any, ...]:
        return (
            r.raised_on,
            r.category_label,
            r.description,
            r.project_name,
            r.task_force_name,
            r.unit_name,
            r.responsible_person,
            r.deadline,
            r.status_label,
            r.days_open,
            r.days_overdue,
            r.source_label,
        )

    def cell(self, r: ProblemRow, column: int, role: int) -> Any:
        if role == ENTITY_ROLE:
            return r.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.overdue:
                return QBrush(OVERDUE_TEXT)
            return QBrush(CLOSED_TEXT) if r.status == "closed" else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_FILL) if r.overdue else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.DAYS_OPEN,
            self.DAYS_OVERDUE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DESCRIPTION:
            return r.description
        value = self.values(r)[column]
        if role == SORT_ROLE:
            return "" if value is None else value
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DESCRIPTION:
            return " ".join(r.description.split())
        if column == self.DAYS_OVERDUE:
            return _days(r.days_overdue)
        return cell_text(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        self._sort = self.SORT_KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


class ProblemRowsModel(ListModel[ProblemRow]):
    """A short list of problems (a task force's open ones, an agenda's)."""

    HEADERS = ("提出日期", "问题描述", "项目（企业）", "责任单位", "办结时限", "状态", "超期天数")

    def values(self, r: ProblemRow) -> tuple[Any, ...]:
        return (
            r.raised_on,
            " ".join(r.description.split()),
            r.project_name,
            r.unit_name,
            r.deadline,
            r.status_label,
            _days(r.days_overdue),
        )

    def highlight(self, r: ProblemRow) -> QColor | None:
        return OVERDUE_TEXT if r.overdue else None


# ---------------------------------------------------------------- task forces


class TaskForcesModel(ListModel[TaskForceRow]):
    NAME, HEAD, LIAISON, PROJECTS, STAGES, ACTIVE, OVERDUE = range(7)
    HEADERS = ("专班", "专班长", "联络员", "项目数", "项目阶段", "未销号问题", "超期")
    HIGHLIGHT_COLUMNS = (OVERDUE,)

    def values(self, r: TaskForceRow) -> tuple[Any, ...]:
        return (
            r.name,
            r.head_leader,
            r.liaison,
            r.project_count,
            r.stages_text,
            r.active_problems,
            r.overdue_problems,
        )

    def highlight(self, r: TaskForceRow) -> QColor | None:
        return OVERDUE_TEXT if r.overdue_problems else None


class TaskForceProjectsModel(ListModel[TaskForceProject]):
    HEADERS = ("项目名称", "阶段", "阶段起始", "总投资(亿元)", "责任单位", "未销号问题", "超期")
    HIGHLIGHT_COLUMNS = (6,)

    def values(self, p: TaskForceProject) -> tuple[Any, ...]:
        return (
            p.name,
            p.stage_label,
            p.stage_on,
            p.total_investment_wan,
            p.unit_name,
            p.active_problems,
            p.overdue_problems,
        )

    def highlight(self, p: TaskForceProject) -> QColor | None:
        return OVERDUE_TEXT if p.overdue_problems else None


# ---------------------------------------------------------------- notes and history


class NotesModel(ListModel[NoteRow]):
    HEADERS = ("日期", "办理进展", "记录人")

    def values(self, n: NoteRow) -> tuple[Any, ...]:
        return (n.noted_on, n.text, n.actor)


def describe_change(entry: ChangeEntry) -> str:
    """ "办结时限：2022-03-20 → 2022-04-10；责任人：张三 → 李四"."""
    parts = []
    for key, (old, new) in sorted(entry.changes.items()):
        label = FIELD_LABELS.get(key, key)
        if old in (None, "") and new not in (None, ""):
            parts.append(f"{label}：{new}")
        else:
            parts.append(f"{label}：{old or '（空）'} → {new or '（空）'}")
    return "；".join(parts)


class HistoryModel(ListModel[ChangeEntry]):
    HEADERS = ("时间", "操作人", "事项", "内容")

    def values(self, e: ChangeEntry) -> tuple[Any, ...]:
        what = e.action_label if e.entity == "problem" else _tr("办理进展")
        return (e.at, e.actor, what, describe_change(e))


# ---------------------------------------------------------------- meetings, counts, figures


class MeetingsModel(ListModel[MeetingRow]):
    HEADERS = ("日期", "期数", "会议", "主持人", "交办问题")

    def values(self, m: MeetingRow) -> tuple[Any, ...]:
        return (m.held_on, m.number, m.label, m.chair, m.problems_raised)


class UnitCountsModel(ListModel[UnitCount]):
    HEADERS = ("责任单位", "问题", "未销号", "超期", "已销号")
    HIGHLIGHT_COLUMNS = (3,)

    def values(self, u: UnitCount) -> tuple[Any, ...]:
        return (u.unit_name, u.total, u.active, u.overdue, u.closed)

    def entity(self, u: UnitCount) -> Any:
        return u.unit_id

    def highlight(self, u: UnitCount) -> QColor | None:
        return OVERDUE_TEXT if u.overdue else None


class FiguresModel(ListModel[Figures]):
    HEADERS = ("名称", "提出", "销号", "未销号", "超期", "销号用时中位数（天）")
    HIGHLIGHT_COLUMNS = (4,)

    def values(self, f: Figures) -> tuple[Any, ...]:
        median = f.median_days_to_close
        return (f.label, f.raised, f.closed, f.open, f.overdue, "—" if median is None else median)

    def entity(self, f: Figures) -> Any:
        return f.label

    def highlight(self, f: Figures) -> QColor | None:
        return OVERDUE_TEXT if f.overdue else None


class ClosuresModel(RowsModel[ProblemRow]):
    """Problems a meeting may close: check one and type its resolution (办理结果)."""

    CHECK, DESCRIPTION, UNIT, DEADLINE, RESOLUTION = range(5)
    HEADERS = ("销号", "问题描述", "责任单位", "办结时限", "办理结果（销号必填）")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._checked: set[str] = set()
        self._resolutions: dict[str, str] = {}

    def set_rows(self, rows: Sequence[ProblemRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        ids = {r.id for r in rows}
        self._checked &= ids
        self.endResetModel()

    def closures(self) -> list[tuple[str, str]]:
        """(problem id, resolution) of the checked rows, in display order."""
        chosen = [r for r in self._rows if r.id in self._checked]
        return [(r.id, self._resolutions.get(r.id, "")) for r in chosen]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.RESOLUTION:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, r: ProblemRow, column: int, role: int) -> Any:
        if role == ENTITY_ROLE:
            return r.id
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CHECK:
            checked = r.id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return QBrush(OVERDUE_TEXT)
        values: tuple[Any, ...] = (
            "",
            " ".join(r.description.split()),
            r.unit_name,
            r.deadline,
            self._resolutions.get(r.id, ""),
        )
        if role == SORT_ROLE:
            return values[column] if column else (r.id in self._checked)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell_text(values[column])
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        r = self._rows[index.row()]
        if index.column() == self.CHECK and role == Qt.ItemDataRole.CheckStateRole:
            state = value.value if hasattr(value, "value") else value
            if state == Qt.CheckState.Checked.value:
                self._checked.add(r.id)
            else:
                self._checked.discard(r.id)
        elif index.column() == self.RESOLUTION and role == Qt.ItemDataRole.EditRole:
            self._resolutions[r.id] = str(value or "")
            if str(value or "").strip():
                self._checked.add(r.id)
                first = self.index(index.row(), self.CHECK)
                self.dataChanged.emit(first, first)
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class ReportedProjectsModel(RowsModel[list[str]]):
    """Projects reported on at a meeting (汇报项目), each with its report text (editable).

    Rows already saved with the meeting stay (the minutes update their text); rows added in
    the dialog can be removed again before saving."""

    PROJECT, REPORT = range(2)
    HEADERS = ("汇报项目", "汇报内容")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []  # [project id, name, report]: editable
        self._saved: set[str] = set()

    def set_rows(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """(project id, name, report) of the projects already saved with the meeting."""
        self.beginResetModel()
        self._rows = [[i, n, r] for i, n, r in rows]
        self._saved = {i for i, _, _ in rows}
        self.endResetModel()

    def add(self, project_id: str, name: str) -> int:
        """Add a project (once); returns its row."""
        for i, r in enumerate(self._rows):
            if r[0] == project_id:
                return i
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([project_id, name, ""])
        self.endInsertRows()
        return row

    def can_remove(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row][0] not in self._saved

    def remove(self, row: int) -> bool:
        if not self.can_remove(row):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def reports(self) -> dict[str, str]:
        """project id → report, in display order."""
        return {r[0]: r[2] for r in self._rows}

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.REPORT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, r: list[str], column: int, role: int) -> Any:
        if role == ENTITY_ROLE:
            return r[0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            return r[1] if column == self.PROJECT else r[2]
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.REPORT
            or role != Qt.ItemDataRole.EditRole
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        self._rows[index.row()][2] = str(value or "")
        self.dataChanged.emit(index, index)
        return True
