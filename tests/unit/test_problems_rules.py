"""domain.problems: labels, 销号 rule, overdue, days open and days overdue."""

from __future__ import annotations

import datetime as dt

from jianan_desk.domain import problems as rules
from jianan_desk.store.models import PROBLEM_CATEGORIES, PROBLEM_SOURCES, PROBLEM_STATUSES

D = dt.date


def test_every_code_of_the_schema_has_a_chinese_label():
    assert tuple(rules.CATEGORY_LABELS) == PROBLEM_CATEGORIES
    assert tuple(rules.STATUS_LABELS) == PROBLEM_STATUSES
    assert tuple(rules.SOURCE_LABELS) == PROBLEM_SOURCES
    assert [rules.category_label(c) for c in PROBLEM_CATEGORIES] == [
        "审批",
        "用地",
        "征拆",
        "资金",
        "招投标",
        "要素保障",
        "其他",
    ]
    assert [rules.status_label(c) for c in PROBLEM_STATUSES] == [
        "待办",
        "办理中",
        "已销号",
        "已挂起",
    ]
    assert rules.source_label("enterprise") == "万人助企"


def test_overdue_across_dates():
    deadline = D(2022, 3, 10)
    assert not rules.is_overdue("open", deadline, D(2022, 3, 9))
    assert not rules.is_overdue("open", deadline, D(2022, 3, 10))  # due today: in time
    assert rules.is_overdue("open", deadline, D(2022, 3, 11))
    assert rules.is_overdue("in_progress", deadline, D(2022, 4, 1))
    assert not rules.is_overdue("closed", deadline, D(2022, 4, 1))
    assert not rules.is_overdue("suspended", deadline, D(2022, 4, 1))
    assert not rules.is_overdue("open", None, D(2022, 4, 1))
    assert rules.days_overdue("open", deadline, D(2022, 3, 10)) == 0
    assert rules.days_overdue("open", deadline, D(2022, 3, 11)) == 1
    assert rules.days_overdue("in_progress", deadline, D(2022, 4, 9)) == 30
    assert rules.days_overdue("closed", deadline, D(2022, 4, 9)) == 0


def test_days_open_stops_at_closing():
    raised = D(2022, 3, 1)
    assert rules.days_open(raised, "open", None, D(2022, 3, 1)) == 0
    assert rules.days_open(raised, "in_progress", None, D(2022, 3, 31)) == 30
    assert rules.days_open(raised, "closed", D(2022, 3, 8), D(2022, 12, 31)) == 7
    assert rules.days_open(raised, "open", None, D(2022, 2, 1)) == 0


def test_closing_needs_resolution_and_date():
    raised = D(2022, 3, 1)
    assert rules.check_close(raised, "已解决", D(2022, 3, 2), "in_progress") == {}
    assert rules.check_close(raised, "", D(2022, 3, 2), "open") == {
        "resolution": "销号须填写办理结果"
    }
    assert rules.check_close(raised, "已解决", None, "open") == {
        "resolved_on": "销号须填写销号日期"
    }
    assert rules.check_close(raised, "已解决", D(2022, 2, 28), "open") == {
        "resolved_on": "销号日期不能早于提出日期"
    }
    assert rules.check_close(raised, "已解决", D(2022, 3, 2), "closed") == {
        "status": "该问题已销号"
    }


def test_problem_fields_and_median():
    ok = rules.check_problem(D(2022, 3, 1), "x", D(2022, 3, 2), "land", "open", "meeting")
    assert ok == {}
    bad = rules.check_problem(None, " ", None, "?", "closed", "?")
    assert set(bad) == {"raised_on", "description", "category", "status", "source"}
    assert rules.median_days([]) is None
    assert rules.median_days([5, 1, 3]) == 3
    assert rules.median_days([4, 1, 3, 10]) == 3.5
