"""Editable table model of one year's targets, for the targets editor dialog.

Each row is what the user typed: plan, metric key, display name and the value as text in
the display unit (亿元 for money, percent for rates, a whole number for counts). ``drafts()``
turns the rows into ``services.dashboard.TargetDraft`` in storage units (万元, a fraction, a
count) and ``problems()`` says in Chinese what stops them from being saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from jianan_desk.domain.metrics import BY_KEY, MetricUnit
from jianan_desk.domain.pace import Profile, preset_name
from jianan_desk.services.dashboard import TargetDraft, copy_drafts, draft_problems
from jianan_desk.ui.models.list_model import RowsModel
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex
from jianan_desk.ui.widgets.figure_format import display_unit, trim

WAN_PER_YI = Decimal(10_000)
PERCENT = Decimal(100)
PLACEHOLDER = QColor("#9aa0a6")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TargetsEditorModel", text)


@dataclass(frozen=True)
class EditorRow:
    plan: str = ""
    metric_key: str = ""
    display_name: str = ""
    value_text: str = ""
    profile: Profile | None = None


def value_to_text(metric_key: str, value: Decimal | None) -> str:
    """A stored target value in the unit the editor shows (亿元, %, 个, 万美元)."""
    if value is None:
        return ""
    unit = BY_KEY[metric_key].unit if metric_key in BY_KEY else MetricUnit.COUNT
    if unit is MetricUnit.WAN:
        shown = value / WAN_PER_YI
    elif unit is MetricUnit.RATE:
        shown = value * PERCENT
    else:
        shown = value
    return trim(f"{shown:f}")


def text_to_value(metric_key: str, text: str) -> Decimal | None:
    """The stored value for what was typed; None if it is not a number.

    Accepts thousands separators and a trailing unit (亿元, 亿, %, ％, 个, 万美元).
    """
    cleaned = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    for suffix in ("万美元", "亿元", "亿", "%", "％", "个"):
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)]
            break
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    unit = BY_KEY[metric_key].unit if metric_key in BY_KEY else MetricUnit.COUNT
    if unit is MetricUnit.WAN:
        return number * WAN_PER_YI
    if unit is MetricUnit.RATE:
        return number / PERCENT
    return number


class TargetsEditorModel(RowsModel[EditorRow]):
    PLAN, METRIC, NAME, VALUE, UNIT, PROFILE = range(6)
    HEADERS = ("计划", "指标", "显示名称", "目标值", "单位", "进度曲线")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EditorRow] = []
        self.dirty = False

    # ------------------------------------------------------------------ content

    def set_drafts(self, drafts: Sequence[TargetDraft]) -> None:
        self.beginResetModel()
        self._rows = [_row(d) for d in drafts]
        self.endResetModel()
        self.dirty = False

    def rows(self) -> list[EditorRow]:
        return list(self._rows)

    def add_row(self) -> int:
        plan = self._rows[-1].plan if self._rows else ""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(EditorRow(plan=plan))
        self.endInsertRows()
        self.dirty = True
        return row

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        self.dirty = True
        return True

    def add_missing(self, source: Sequence[TargetDraft]) -> int:
        """Append the rows of ``source`` whose plan and metric are not here yet; how many."""
        current = [TargetDraft(r.plan, r.metric_key, None, r.display_name) for r in self._rows]
        new = copy_drafts(current, source)[len(current) :]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(_row(d) for d in new)
            self.endInsertRows()
            self.dirty = True
        return len(new)

    def drafts(self) -> list[TargetDraft]:
        return [
            TargetDraft(
                r.plan.strip(),
                r.metric_key,
                text_to_value(r.metric_key, r.value_text) if r.value_text.strip() else None,
                r.display_name.strip(),
                r.profile if not is_rate(r.metric_key) else None,
            )
            for r in self._rows
        ]

    def set_profile(self, row: int, profile: Profile | None) -> None:
        """Set the monthly pace profile of ``row`` (None: linear)."""
        old = self._rows[row]
        if old.profile == profile:
            return
        self._rows[row] = replace(old, profile=profile)
        self.dirty = True
        cell = self.index(row, self.PROFILE)
        self.dataChanged.emit(cell, cell)

    def profile_of(self, row: int) -> Profile | None:
        return self._rows[row].profile

    def problems(self) -> list[str]:
        """What stops the rows from being saved, in Chinese; empty when they are fine."""
        unreadable = {
            n
            for n, r in enumerate(self._rows, start=1)
            if r.value_text.strip() and text_to_value(r.metric_key, r.value_text) is None
        }
        found = [
            _tr("第 {0} 行：目标值“{1}”不是有效的数字").format(n, self._rows[n - 1].value_text)
            for n in sorted(unreadable)
        ]
        for text in draft_problems(self.drafts()):
            row = int(text.split(" ")[1]) if text.startswith("第 ") else 0
            if row in unreadable and "请填写目标值" in text:
                continue
            found.append(text)
        return found

    # ------------------------------------------------------------------ Qt model

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() not in (self.UNIT, self.PROFILE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def cell(self, r: EditorRow, column: int, role: int) -> Any:
        metric = BY_KEY.get(r.metric_key)
        if role == ENTITY_ROLE:
            return r.metric_key
        if role in (Qt.ItemDataRole.EditRole, SORT_ROLE):
            if column == self.PROFILE:
                return profile_label(r.metric_key, r.profile)
            return (r.plan, r.metric_key, r.display_name, r.value_text, "")[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.METRIC:
                return metric.name if metric else _tr("（请选择指标）")
            if column == self.UNIT:
                return display_unit(r.metric_key) if metric else ""
            if column == self.PROFILE:
                return profile_label(r.metric_key, r.profile)
            if column == self.NAME and not r.display_name and metric:
                return metric.name
            return (r.plan, "", r.display_name, r.value_text)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PROFILE:
            if is_rate(r.metric_key):
                return _tr("比率指标不随时间累计：按进度应达即目标值本身")
            return _tr("双击或点“进度曲线”设置每月应完成的比例")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PROFILE:
            return PLACEHOLDER if is_rate(r.metric_key) or r.profile is None else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.METRIC and metric:
            return f"{metric.name}（{metric.key}）：{metric.description}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.METRIC and not metric:
            return PLACEHOLDER
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = index.column()
        if not (0 <= index.row() < len(self._rows)) or column in (self.UNIT, self.PROFILE):
            return False
        old = self._rows[index.row()]
        text = "" if value is None else str(value)
        if column == self.PLAN:
            new = replace(old, plan=text)
        elif column == self.METRIC:
            if text and text not in BY_KEY:
                return False
            name = old.display_name
            previous = BY_KEY.get(old.metric_key)
            if not name.strip() or (previous is not None and name == previous.name):
                name = BY_KEY[text].name if text else ""
            new = replace(old, metric_key=text, display_name=name)
        elif column == self.NAME:
            new = replace(old, display_name=text)
        else:
            new = replace(old, value_text=text)
        if new == old:
            return True
        self._rows[index.row()] = new
        self.dirty = True
        left = self.index(index.row(), 0)
        right = self.index(index.row(), len(self.HEADERS) - 1)
        self.dataChanged.emit(left, right)
        return True


def is_rate(metric_key: str) -> bool:
    metric = BY_KEY.get(metric_key)
    return metric is not None and metric.unit is MetricUnit.RATE


def profile_label(metric_key: str, profile: Profile | None) -> str:
    """How the editor shows a target's profile: the preset's name, 自定义, or — for rates."""
    if is_rate(metric_key):
        return "—"
    return _tr(preset_name(profile) or "自定义")


def _row(d: TargetDraft) -> EditorRow:
    return EditorRow(
        d.plan, d.metric_key, d.display_name, value_to_text(d.metric_key, d.value), d.profile
    )
