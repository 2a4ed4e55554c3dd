"""Table models of the 外出招商 page: the trips, one trip's visits and leads, follow-ups.

Both hold plain rows from ``services.trips`` (a few hundred at most: no lazy fetching);
the page loads them and calls ``set_rows``. Roles: ``SORT_ROLE`` (native values),
``ENTITY_ROLE`` (the row's id).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QColor

from jianan_desk.services.trips import LeadRow, TripRow
from jianan_desk.services.visits import BUCKET_LABELS, FollowUp, VisitDetail
from jianan_desk.ui.models.list_model import ColumnsModel

R = TypeVar("R")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TripTables", text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "、".join(value)
    if isinstance(value, bool):
        return _tr("是") if value else ""
    return str(value)


class _RowsModel(ColumnsModel[R]):
    def display(self, value: Any) -> str:
        return _text(value)

    def sort_value(self, value: Any, column: int) -> Any:
        return "" if value is None else (_text(value) if isinstance(value, tuple) else value)


class TripsTableModel(_RowsModel[TripRow]):
    TITLE, START, END, DESTINATIONS, LEADERS, VISITS, REPORT = range(7)
    COLUMNS = (
        ("活动名称", lambda r: r.title),
        ("开始", lambda r: r.start_on),
        ("结束", lambda r: r.end_on),
        ("目的地", lambda r: r.destinations),
        ("带队领导", lambda r: r.leaders),
        ("拜访数", lambda r: r.visit_count),
        ("拜访报告", lambda r: _report(r)),
    )


def _report(r: TripRow) -> str:
    if r.report_submitted_on is not None:
        return _tr("已交 ") + r.report_submitted_on.isoformat()
    if r.report_overdue:
        return _tr("逾期（应于 ") + r.report_due_on.isoformat() + _tr(" 前）")
    return _tr("应于 ") + r.report_due_on.isoformat() + _tr(" 前")


class TripVisitsModel(_RowsModel[VisitDetail]):
    DATE, COMPANY, CONTACTS, CONTENT, INTEREST, NEXT, FOLLOW_UP, LEAD = range(8)
    COLUMNS = (
        ("日期", lambda v: v.visited_on),
        ("企业", lambda v: v.company_name),
        ("对方人员", lambda v: v.contact_names),
        ("洽谈内容", lambda v: v.content),
        ("意向", lambda v: v.interest_label),
        ("下一步", lambda v: v.next_step),
        ("跟进日期", lambda v: v.follow_up_on),
        ("线索/项目", lambda v: _project_state(v)),
    )


def _project_state(v: VisitDetail) -> str:
    if v.lead_project_ids:
        return _tr("已生成线索")
    if v.project_id:
        return _tr("已关联项目")
    return ""


class TripLeadsModel(_RowsModel[LeadRow]):
    """The projects a trip's visits produced."""

    NAME, COMPANY, STAGE, VISITED = range(4)
    COLUMNS = (
        ("项目名称", lambda r: r.name),
        ("投资方", lambda r: r.company_name),
        ("阶段", lambda r: r.stage_label),
        ("拜访日期", lambda r: r.visited_on),
    )


def _status(f: FollowUp) -> str:
    if f.bucket == "overdue":
        return _tr("逾期 ") + str(f.days_overdue) + _tr(" 天")
    return _tr(BUCKET_LABELS.get(f.bucket, f.bucket))


class FollowUpsModel(_RowsModel[FollowUp]):
    """Open follow-ups (``services.visits.follow_ups``); the entity is the visit's id."""

    DUE, STATUS, COMPANY, NEXT, OWNER, VISITED = range(6)
    COLUMNS = (
        ("跟进日期", lambda f: f.follow_up_on),
        ("状态", _status),
        ("企业", lambda f: f.company_name),
        ("下一步", lambda f: f.next_step),
        ("负责人", lambda f: f.owner),
        ("拜访日期", lambda f: f.visited_on),
    )

    def entity(self, row: FollowUp) -> Any:
        return row.visit_id

    def style(self, row: FollowUp, column: int, role: int) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.STATUS
            and row.bucket == "overdue"
        ):
            return QColor("#c62828")
        return None
