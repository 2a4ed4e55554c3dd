"""Table models for the 首页 lists: overdue problems, follow-ups due, stale targets.

Both hold a short list of plain dataclasses from ``services.dashboard`` (at most
``LIST_LIMIT`` rows, so no lazy fetching). Column constants name the columns; ``SORT_ROLE``
returns native values (dates, day counts) and ``ENTITY_ROLE`` the row's id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from jianan_desk.services.dashboard import FollowUp
from jianan_desk.services.problems import OverdueProblem
from jianan_desk.services.target_companies import StaleTarget
from jianan_desk.ui.models.list_model import RowsModel
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE

OVERDUE = QColor("#d93025")
DUE_SOON = QColor("#b06000")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardLists", text)


def _date(day: dt.date) -> str:
    return f"{day:%Y-%m-%d}"


class OverdueProblemsModel(RowsModel[OverdueProblem]):
    DEADLINE, OVERDUE_DAYS, DESCRIPTION, PROJECT, UNIT, PERSON = range(6)
    HEADERS = ("期限", "逾期", "问题", "项目/企业", "责任单位", "责任人")

    def cell(self, row: OverdueProblem, column: int, role: int) -> Any:
        if role == ENTITY_ROLE:
            return row.id
        if role == SORT_ROLE:
            values: tuple[Any, ...] = (
                row.deadline,
                row.days_overdue,
                row.description,
                row.project_name,
                row.unit_name,
                row.responsible_person,
            )
            return values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (
                _date(row.deadline),
                _tr("{0} 天").format(row.days_overdue),
                " ".join(row.description.split()),
                row.project_name or "—",
                row.unit_name or "—",
                row.responsible_person or "—",
            )
            return texts[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.DESCRIPTION, self.PROJECT):
            person = (
                _tr("；责任人：{0}").format(row.responsible_person)
                if row.responsible_person
                else ""
            )
            return f"{row.description}\n{row.project_name}{person}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OVERDUE_DAYS:
            return OVERDUE
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OVERDUE_DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class StaleTargetsModel(RowsModel[StaleTarget]):
    """Target companies (目标企业清单) nobody has contacted for months."""

    SINCE, LAST, COMPANY, LINK, PRIORITY, FOLLOWER = range(6)
    HEADERS = ("未联系", "最近接触", "目标企业", "产业链环节", "优先级", "跟进人")

    def cell(self, row: StaleTarget, column: int, role: int) -> Any:
        if role == ENTITY_ROLE:
            return row.id
        if role == SORT_ROLE:
            values: tuple[Any, ...] = (
                row.days_since if row.days_since is not None else 10**6,
                row.last_contact_on or dt.date.min,
                row.company_name,
                row.chain_link_name,
                row.priority,
                row.follower,
            )
            return values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (
                _tr("从未联系") if row.days_since is None else _tr("{0} 天").format(row.days_since),
                _date(row.last_contact_on) if row.last_contact_on else "—",
                row.company_name,
                row.chain_link_name or "—",
                row.priority,
                row.follower or _tr("（未指定）"),
            )
            return texts[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COMPANY:
            return f"{row.company_name}（{row.chain_link_name}）" if row.chain_link_name else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.SINCE:
                return OVERDUE
            if column == self.PRIORITY and row.priority == "A":
                return OVERDUE
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SINCE, self.PRIORITY):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def due_text(days_left: int) -> str:
    if days_left < 0:
        return _tr("逾期 {0} 天").format(-days_left)
    if days_left == 0:
        return _tr("今天")
    return _tr("{0} 天后").format(days_left)


class FollowUpsModel(RowsModel[FollowUp]):
    DUE, WHEN, COMPANY, VISITED, NEXT_STEP, BY = range(6)
    HEADERS = ("应跟进", "状态", "企业", "上次拜访", "下一步", "记录人")

    def cell(self, row: FollowUp, column: int, role: int) -> Any:
        if role == ENTITY_ROLE:
            return row.visit_id
        if role == SORT_ROLE:
            values: tuple[Any, ...] = (
                row.follow_up_on,
                row.days_left,
                row.company_name,
                row.visited_on,
                row.next_step,
                row.recorded_by,
            )
            return values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            texts: tuple[Callable[[], str], ...] = (
                lambda: _date(row.follow_up_on),
                lambda: due_text(row.days_left),
                lambda: row.company_name,
                lambda: _date(row.visited_on),
                lambda: row.next_step or "—",
                lambda: row.recorded_by or "—",
            )
            return texts[column]()
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.COMPANY, self.NEXT_STEP):
            return f"{row.company_name}\n{row.next_step}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and column == self.WHEN:
            return OVERDUE if row.days_left < 0 else DUE_SOON
        return None
