"""首页: the accountability figures (问题办理责任) of the year up to the reporting date, by unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QThreadPool
from sqlalchemy import select

from jianan_desk.store.models import Problem, Unit
from tests.ui.test_home_dashboard import make_home

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _no_work_left_behind() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone()


def test_empty_ledger_shows_an_empty_state(qtbot, db, app_font):
    page = make_home(qtbot, db)
    panel = page.accountability_panel
    assert panel.is_empty and page.accountability_model.rowCount() == 0
    assert panel.empty.text() == "本年度还没有问题台账记录。"
    assert panel.aside.text() == ""


def test_figures_by_unit_for_the_year_to_date(qtbot, db, app_font, qtmodeltester):
    today = QDate.currentDate().toPython()
    if today.timetuple().tm_yday < 3:
        pytest.skip("needs a few days of the year behind the reporting date")
    jan1 = dt.date(today.year, 1, 1)
    with db.session() as s:
        unit, other = s.scalars(select(Unit).order_by(Unit.name).limit(2)).all()
        unit_name, other_name = unit.name, other.name
        s.add_all(
            [
                # open and overdue
                Problem(raised_on=jan1, description="用地指标未落实", deadline=jan1,
                        unit_id=unit.id),
                # raised and closed this year (2 days)
                Problem(raised_on=jan1, description="环评批复", status="closed",
                        resolution="已批复", resolved_on=jan1 + dt.timedelta(days=2),
                        unit_id=unit.id),
                # last year's, closed last year: not in this year's figures at all
                Problem(raised_on=dt.date(today.year - 1, 3, 1), description="旧问题",
                        status="closed", resolution="已办结",
                        resolved_on=dt.date(today.year - 1, 4, 1), unit_id=other.id),
                # open, not yet due, another unit
                Problem(raised_on=today, description="电力增容", unit_id=other.id,
                        deadline=today + dt.timedelta(days=30)),
            ]
        )  # fmt: skip
    page = make_home(qtbot, db)
    panel = page.accountability_panel
    m = page.accountability_model
    assert not panel.is_empty and m.rowCount() == 2
    # Most overdue first: the unit with the overdue problem, then the other.
    row = [m.index(0, c).data() for c in range(m.columnCount())]
    assert row[:5] == [unit_name, "2", "1", "1", "1"]  # raised, closed, open, overdue
    assert m.index(1, 0).data() == other_name
    assert panel.aside.text() == "合计：提出 3 · 销号 1 · 未销号 2 · 超期 1"
    assert f"{today.year} 年 1 月 1 日至 {today:%Y-%m-%d}" in panel.subtitle.text()
    assert page.dashboard.accountability.start == jan1
    qtmodeltester.check(m)
