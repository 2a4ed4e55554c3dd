"""The problem ledger's rules (问题台账): labels, 销号, overdue, days open and days overdue.

The codes themselves are columns of ``store.models`` (``PROBLEM_CATEGORIES``,
``PROBLEM_STATUSES``, ``PROBLEM_SOURCES``); this module gives them their Chinese labels and
holds every rule about a problem's dates, so that the ledger, the agenda, the accountability
figures and the meeting brief all count the same way. Plain Python: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

CATEGORY_LABELS: dict[str, str] = {
    "approval": "审批",
    "land": "用地",
    "demolition": "征拆",
    "funding": "资金",
    "tendering": "招投标",
    "factors": "要素保障",
    "other": "其他",
}

STATUS_LABELS: dict[str, str] = {
    "open": "待办",
    "in_progress": "办理中",
    "closed": "已销号",
    "suspended": "已挂起",
}

SOURCE_LABELS: dict[str, str] = {
    "meeting": "周例会",
    "enterprise": "万人助企",
    "task_force": "专班",
    "other": "其他",
}

# Statuses of a problem still being worked on: the only ones that can be overdue.
ACTIVE_STATUSES: tuple[str, ...] = ("open", "in_progress")
# Statuses a problem may be set to by an edit; 销号 has its own operation (``close``).
EDITABLE_STATUSES: tuple[str, ...] = ("open", "in_progress", "suspended")

DESCRIPTION_MAX = 2000
RESOLUTION_MAX = 2000


class ProblemRuleError(ValueError):
    """A change the ledger's rules refuse: ``errors`` maps a field to a Chinese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


def category_label(code: str) -> str:
    return CATEGORY_LABELS.get(code, code)


def status_label(code: str) -> str:
    return STATUS_LABELS.get(code, code)


def source_label(code: str) -> str:
    return SOURCE_LABELS.get(code, code)


def is_active(status: str) -> bool:
    """Whether the problem is still being worked on (待办 or 办理中)."""
    return status in ACTIVE_STATUSES


def is_overdue(status: str, deadline: dt.date | None, as_of: dt.date) -> bool:
    """Overdue (超期) = 待办/办理中 with a deadline before ``as_of`` (the deadline day itself
    is still in time)."""
    return is_active(status) and deadline is not None and deadline < as_of


def days_overdue(status: str, deadline: dt.date | None, as_of: dt.date) -> int:
    """Days past the deadline of an overdue problem on ``as_of``; 0 if not overdue."""
    if deadline is None or not is_overdue(status, deadline, as_of):
        return 0
    return (as_of - deadline).days


def status_on(status: str, resolved_on: dt.date | None, as_of: dt.date) -> str:
    """The status a problem had on ``as_of`` as far as 销号 goes: a problem closed after
    ``as_of`` was still being worked on (办理中) then."""
    if status == "closed" and resolved_on is not None and resolved_on > as_of:
        return "in_progress"
    return status


def days_open(raised_on: dt.date, status: str, resolved_on: dt.date | None, as_of: dt.date) -> int:
    """Days from raising to closing (销号), or to ``as_of`` while the problem is not closed.

    Never negative (a problem raised after ``as_of`` has been open 0 days).
    """
    end = resolved_on if status == "closed" and resolved_on is not None else as_of
    return max(0, (end - raised_on).days)


def check_close(
    raised_on: dt.date, resolution: str, resolved_on: dt.date | None, status: str
) -> dict[str, str]:
    """Errors that refuse closing (销号) a problem: {} if it may be closed.

    销号 needs a resolution text and a date, not before the problem was raised; a problem
    already closed cannot be closed again.
    """
    errors: dict[str, str] = {}
    if status == "closed":
        errors["status"] = "该问题已销号"
    if not (resolution or "").strip():
        errors["resolution"] = "销号须填写办理结果"
    elif len(resolution.strip()) > RESOLUTION_MAX:
        errors["resolution"] = f"办理结果不能超过{RESOLUTION_MAX}字"
    if resolved_on is None:
        errors["resolved_on"] = "销号须填写销号日期"
    elif resolved_on < raised_on:
        errors["resolved_on"] = "销号日期不能早于提出日期"
    return errors


def check_problem(
    raised_on: dt.date | None,
    description: str,
    deadline: dt.date | None,
    category: str,
    status: str,
    source: str,
) -> dict[str, str]:
    """Errors in a problem's own fields (new or edited): {} if they are valid."""
    errors: dict[str, str] = {}
    text = (description or "").strip()
    if not text:
        errors["description"] = "请填写问题描述"
    elif len(text) > DESCRIPTION_MAX:
        errors["description"] = f"问题描述不能超过{DESCRIPTION_MAX}字"
    if raised_on is None:
        errors["raised_on"] = "请填写提出日期"
    elif deadline is not None and deadline < raised_on:
        errors["deadline"] = "办结时限不能早于提出日期"
    if category not in CATEGORY_LABELS:
        errors["category"] = "问题类别无效"
    if status not in EDITABLE_STATUSES:
        errors["status"] = "状态无效（销号请使用“销号”）"
    if source not in SOURCE_LABELS:
        errors["source"] = "问题来源无效"
    return errors


def median_days(values: Sequence[int]) -> float | None:
    """The median of ``values`` (days to close), ``None`` for no values."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2
