"""The 首页 dashboard on the demo database: cards, recomputing, records, refresh, empty states."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis
from PySide6.QtCore import QDate, Qt, QThreadPool

from jianan_desk.services.demo import generate_demo_data
from jianan_desk.services.metrics import compute_metrics
from jianan_desk.services.targets import set_target
from jianan_desk.store.engine import Database
from jianan_desk.store.migrations import upgrade
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.home import HomePage
from jianan_desk.ui.widgets.dashboard_charts import EMPTY_HEIGHT
from jianan_desk.ui.widgets.target_card import AHEAD, BEHIND
from tests.helpers import open_db

# Showing a dialog on the offscreen platform: a harmless plugin limitation, not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _no_work_left_behind() -> Iterator[None]:
    """Background loads end within their test (none runs on into the next one)."""
    yield
    QThreadPool.globalInstance().waitForDone()


D = dt.date
TARGETS_2021 = {
    "signed_count": Decimal(100),
    "signed_investment_wan": Decimal(3000000),
    "funds_in_place_wan": Decimal(600000),
    "performance_rate": Decimal("0.7"),
    "start_rate": Decimal("0.8"),
    "operating_count": Decimal(30),
}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database with some 2021 targets too, built once; tests use copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_db(path)
    upgrade(database)
    with database.session() as s:
        generate_demo_data(s)
        for key, value in TARGETS_2021.items():
            set_target(s, year=2021, plan="2021", metric_key=key, value=value)
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    database = open_db(path)
    yield database
    QThreadPool.globalInstance().waitForDone()
    database.dispose()


def make_home(qtbot, database: Database) -> HomePage:
    page = HomePage(PageContext(database, Hub()))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    assert page.loads == 0 and not page.loading  # nothing computed before it is shown
    page.show()
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot, page: HomePage, loads: int = 1) -> None:
    qtbot.waitUntil(lambda: page.loads >= loads and not page.loading, timeout=15000)


@pytest.fixture
def home(qtbot, demo_db, app_font) -> HomePage:
    return make_home(qtbot, demo_db)


def card(page: HomePage, key: str):
    (found,) = [c for c in page.cards if c.metric_key == key]
    return found


def test_opens_on_the_demo_year_with_one_card_per_target(home):
    d = home.dashboard
    assert d is not None and (d.year, d.as_of) == (2022, D(2022, 3, 31))
    assert len(home.cards) == 7
    assert [c.metric_key for c in home.cards] == [t.metric_key for t in d.targets]
    assert home.year_combo.currentData() == 2022
    years = [home.year_combo.itemData(i) for i in range(home.year_combo.count())]
    assert {2019, 2020, 2021, 2022, QDate.currentDate().year()} <= set(years)
    assert home.as_of_edit.date() == QDate(2022, 3, 31)
    assert not home.loading_bar.isVisible()
    signed = card(home, "signed_investment_wan")
    assert (signed.value.text(), signed.unit.text()) == ("77.34", "亿元")
    assert signed.pace.text() == "超前 3.37 亿元"
    assert signed.pace.styleSheet() == f"color: {AHEAD.name()};"
    rate = card(home, "start_rate")
    assert (rate.value.text(), rate.unit.text()) == ("7.7", "%")
    assert rate.pace.text() == "落后 52.3 个百分点"
    assert rate.pace.styleSheet() == f"color: {BEHIND.name()};"
    assert rate.detail.text() == "开工 2 / 签约 26 个"
    assert card(home, "key_project_count").value.text() == "112"
    assert card(home, "completed_investment_wan").value.text() == "67.80"


def test_2021_cards_show_the_published_figures(home, qtbot):
    home.year_combo.setCurrentIndex(home.year_combo.findData(2021))
    qtbot.waitUntil(lambda: home.dashboard.year == 2021 and not home.loading, timeout=15000)
    assert home.dashboard.as_of == D(2021, 12, 31)
    assert home.as_of_edit.date() == QDate(2021, 12, 31)
    shown = {c.metric_key: (c.value.text(), c.unit.text()) for c in home.cards}
    assert shown == {
        "signed_count": ("90", "个"),
        "signed_investment_wan": ("284.48", "亿元"),
        "funds_in_place_wan": ("62.62", "亿元"),
        "performance_rate": ("73.3", "%"),
        "start_rate": ("71.1", "%"),
        "operating_count": ("30", "个"),
    }
    assert card(home, "signed_count").target.text() == "目标 100 个 · 完成 90.0%"
    assert card(home, "signed_count").pace.text() == "落后 10 个"
    assert card(home, "signed_count").bar.value() == 900


def test_changing_the_date_recomputes(home, qtbot, demo_db):
    home.set_selection(2021)
    qtbot.waitUntil(lambda: home.dashboard.year == 2021 and not home.loading, timeout=15000)
    home.as_of_edit.setDate(QDate(2021, 6, 30))
    qtbot.waitUntil(
        lambda: home.dashboard.as_of == D(2021, 6, 30) and not home.loading, timeout=15000
    )
    with demo_db.session(readonly=True) as s:
        expected = compute_metrics(s, 2021, D(2021, 6, 30))
    assert home.dashboard.metrics == expected
    assert card(home, "signed_count").value.text() == str(expected["signed_count"])
    assert expected["signed_count"] < 90
    assert home.dashboard.signed.last_month == 6
    assert home.year_combo.currentData() == 2021


@pytest.mark.parametrize(
    ("key", "count", "footer"),
    [
        ("signed_investment_wan", 26, "合计 773,400 万元（77.34 亿元）"),
        ("start_rate", 2, "共 2 个项目 ÷ 当年签约 26 个 = 7.7%"),
        ("key_project_count", 112, "共 112 条记录"),
    ],
)
def test_clicking_a_card_lists_the_records_that_add_up(home, qtbot, key, count, footer):
    qtbot.waitExposed(home)
    target = card(home, key)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    dialog = home.records_dialog
    assert dialog is not None and dialog.key == key
    qtbot.waitUntil(lambda: dialog.loaded, timeout=15000)
    assert dialog.model.rowCount() == count
    assert dialog.matches
    text = dialog.ui.footerLabel.text()
    assert footer in text and "✓" in text
    if key == "signed_investment_wan":
        total = sum(dialog.model.record(i).amount for i in range(count))
        assert total == home.dashboard.metrics[key]
    dialog.close()


def test_keyboard_opens_records_too(home, qtbot):
    qtbot.waitExposed(home)
    target = card(home, "key_over_1b_count")
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert home.records_dialog is not None and home.records_dialog.key == "key_over_1b_count"
    qtbot.waitUntil(lambda: home.records_dialog.loaded, timeout=15000)
    home.records_dialog.close()


def test_reloads_on_f5_and_on_relevant_hub_changes(home, qtbot):
    home.activateWindow()
    qtbot.waitUntil(home.isActiveWindow)
    wait_loaded(qtbot, home)
    loads = home.loads
    qtbot.keyClick(home, Qt.Key.Key_F5)
    wait_loaded(qtbot, home, loads + 1)
    hub = home.context.hub
    hub.announce("settings")  # not shown here
    assert not home.loading
    # INDUSTRY_MAP: the target-company list behind 久未联系的目标企业.
    for kind in (Hub.TARGETS, Hub.PROJECTS, Hub.INDUSTRY_MAP, Hub.ALL):
        loads = home.loads
        hub.announce(kind)
        wait_loaded(qtbot, home, loads + 1)
    home.hide()
    loads = home.loads
    hub.announce(Hub.PROJECTS)  # hidden: only marked stale…
    assert not home.loading and home.loads == loads
    home.show()  # …and reloaded when shown
    wait_loaded(qtbot, home, loads + 1)


def test_charts_and_lists_on_demo_data(home):
    assert not home.signed_panel.is_empty and not home.completed_panel.is_empty
    assert not home.funnel_panel.is_empty and not home.industry_panel.is_empty
    x_axis = next(a for a in home.signed_chart.chart().axes() if isinstance(a, QCategoryAxis))
    assert x_axis.categoriesLabels()[:3] == ["1月", "2月", "3月"]
    assert x_axis.labelsFont().family() == home.font().family()
    funnel_axis = next(
        a for a in home.funnel_chart.chart().axes() if isinstance(a, QBarCategoryAxis)
    )
    assert funnel_axis.categories() == ["投产/运营", "开工", "履约", "签约", "洽谈", "线索"]
    assert funnel_axis.labelsFont().family() == home.font().family()
    assert home.problems_model.rowCount() == len(home.dashboard.overdue_problems) > 0
    assert home.follow_ups_model.rowCount() == len(home.dashboard.follow_ups) > 0
    assert home.problems_panel.aside.text().startswith("共 ")


def test_models_pass_the_model_tester(home, qtbot, qtmodeltester):
    qtmodeltester.check(home.problems_model)
    qtmodeltester.check(home.follow_ups_model)
    dialog = home.show_records("signed_investment_wan")
    qtbot.waitUntil(lambda: dialog.loaded, timeout=15000)
    qtmodeltester.check(dialog.model)
    dialog.close()


def test_empty_database_shows_empty_states(qtbot, db, app_font):
    page = make_home(qtbot, db)
    d = page.dashboard
    assert d.year == QDate.currentDate().year() and d.targets == ()
    assert page.cards == []
    assert not page.no_targets.isHidden()
    assert "尚未设定年度目标" in page.no_targets.text()
    for panel in (
        page.signed_panel,
        page.funnel_panel,
        page.industry_panel,
        page.field_panel,
        page.completed_panel,
        page.problems_panel,
        page.follow_ups_panel,
    ):
        assert panel.is_empty, panel.title.text()
        assert panel.empty.text()
    assert page.problems_panel.empty.text() == "没有逾期未销号的问题。"
    assert page.follow_ups_panel.empty.text() == "近期没有待跟进的客商。"
    assert page.stale_panel.is_empty and page.stale_model.rowCount() == 0
    assert page.stale_panel.empty.text() == "目标企业都在 90 天内联系过。"


def test_none_survives_void_qt_calls(qapp):
    """PySide6 6.12 on Python 3.11 drops a reference to None per void call (none_refcount)."""
    import sys

    from PySide6.QtWidgets import QLabel

    from jianan_desk.ui.widgets.none_refcount import keep_none_alive

    keep_none_alive()
    label = QLabel()
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) > 1 << 30


def test_overdue_problems_and_stale_targets_are_listed(qtbot, db, app_font, qtmodeltester):
    from jianan_desk.store.models import Company, Problem, TargetCompany

    today = QDate.currentDate().toPython()
    with db.session() as s:
        company = Company(name="从未联系的目标企业")
        s.add(company)
        s.flush()
        s.add(TargetCompany(company_id=company.id, priority=1, follower="赵六"))
        s.add(
            Problem(
                raised_on=today - dt.timedelta(days=40),
                description="用地指标未落实",
                deadline=today - dt.timedelta(days=10),
                responsible_person="钱七",
            )
        )
    page = make_home(qtbot, db)
    assert not page.stale_panel.is_empty and page.stale_model.rowCount() == 1
    m = page.stale_model
    assert m.index(0, m.COMPANY).data() == "从未联系的目标企业"
    assert m.index(0, m.SINCE).data() == "从未联系" and m.index(0, m.PRIORITY).data() == "A"
    assert page.stale_panel.aside.text() == "共 1 家"
    assert not page.problems_panel.is_empty and page.problems_model.rowCount() == 1
    p = page.problems_model
    assert p.index(0, p.DESCRIPTION).data() == "用地指标未落实"
    assert p.index(0, p.OVERDUE_DAYS).data() == "10 天" and p.index(0, p.PERSON).data() == "钱七"
    qtmodeltester.check(page.stale_model)
    qtmodeltester.check(page.problems_model)
    # One row: the panel is as tall as that row, not as tall as an eight-row list.
    view = page.problems_view
    assert page.problems_panel.stack.maximumHeight() == view.maximumHeight() == view.height()
    assert page.follow_ups_panel.is_empty
    assert page.follow_ups_panel.stack.maximumHeight() == EMPTY_HEIGHT
