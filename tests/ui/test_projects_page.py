"""The 项目库 page: list model, filters and search, columns, detail form, stage actions,
kanban moves, unsaved-change guard."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select, text

from jianan_desk.domain.stages import Stage
from jianan_desk.services.project_query import ProjectFilter
from jianan_desk.services.projects import ProjectInput, create_project, get_project_detail
from jianan_desk.store.models import Unit
from jianan_desk.ui.dialogs.project_stage import ADVANCE, StageChangeRequest
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.project_board import StageCardsModel
from jianan_desk.ui.models.project_table import (
    COLUMNS,
    ENTITY_ROLE,
    SORT_ROLE,
    ProjectsTableModel,
)
from jianan_desk.ui.models.project_timeline import ProjectTimelineModel
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.projects import ProjectsPage

ACTOR = "测试员"
TODAY = dt.date.today()


@pytest.fixture
def projects(db):
    """Three projects: 三佳 (5亿, 开工), 瑞贝卡 (12亿, 签约), 冷链 (8000万, 线索)."""
    with db.session() as s:
        unit = s.scalars(select(Unit.id)).first()
        ids = {}
        for key, name, investor, amount, stage, on in (
            ("sanjia", "三佳万向节总成项目", "南京三佳精密传动科技有限公司", "5亿", "开工",
             "2022-01-04"),
            ("ruibeika", "瑞贝卡假发生产基地项目", "许昌瑞贝卡发制品股份有限公司", "12亿",
             "签约", "2021-03-15"),
            ("cold", "冷链物流中心项目", "河南冷链物流有限公司", "8000万", "线索",
             "2021-01-10"),
        ):  # fmt: skip
            d = create_project(
                s,
                ProjectInput(
                    name=name,
                    new_company_name=investor,
                    total_investment_wan=amount,
                    unit_id=unit,
                    location="五女店镇",
                ),
                ACTOR,
                stage=stage,
                stage_on=on,
            )
            ids[key] = d.id
    return ids


@pytest.fixture
def hub() -> Hub:
    return Hub()


@pytest.fixture
def page(qtbot, db, hub, projects, app_font):
    widget = ProjectsPage(PageContext(db, hub))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    wait(qtbot, widget)
    return widget


def wait(qtbot, page: ProjectsPage) -> None:
    qtbot.waitUntil(lambda: not page.model.busy, timeout=5000)


def shown_ids(page: ProjectsPage) -> set[str]:
    m = page.model
    return {m.index(r, 0).data(ENTITY_ROLE) for r in range(m.rowCount())}


# ---------------------------------------------------------------- list


def test_models_pass_the_model_tester(qtmodeltester, page, db, projects):
    qtmodeltester.check(page.model)
    cards = StageCardsModel(Stage.SIGNED)
    with db.session(readonly=True) as s:
        from jianan_desk.services.project_query import fetch_page

        cards.set_rows(fetch_page(s, ProjectFilter()))
        timeline = ProjectTimelineModel()
        timeline.set_entries(get_project_detail(s, projects["sanjia"]).timeline)
    qtmodeltester.check(cards)
    qtmodeltester.check(timeline)
    assert timeline.rowCount() == 5  # 线索, 洽谈, 签约, 履约 (补记) and 开工


def test_list_rows_money_and_footer(page, projects):
    m = page.model
    assert m.rowCount() == 3
    assert page.totals.text() == "共 3 个项目 · 总投资 17.80 亿元"
    row = m.row_of(projects["ruibeika"])
    money = m.index(row, ProjectsTableModel.TOTAL_INVESTMENT)
    assert money.data() == "12.00"
    assert money.data(SORT_ROLE) == Decimal(120000)
    assert money.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert m.index(row, ProjectsTableModel.STAGE).data() == "签约"
    assert m.headerData(ProjectsTableModel.TOTAL_INVESTMENT, Qt.Orientation.Horizontal) == (
        "总投资（亿元）"
    )


def test_sorting_runs_in_sql(qtbot, page, projects):
    page.model.sort(ProjectsTableModel.TOTAL_INVESTMENT, Qt.SortOrder.DescendingOrder)
    wait(qtbot, page)
    assert [page.model.project_id(r) for r in range(3)] == [
        projects["ruibeika"],
        projects["sanjia"],
        projects["cold"],
    ]
    page.model.sort(ProjectsTableModel.STAGE, Qt.SortOrder.AscendingOrder)
    wait(qtbot, page)
    assert page.model.project_id(0) == projects["cold"]


@pytest.mark.parametrize("query", ["sj", "sanjia", "三佳", "ＳＪ"])
def test_search_with_pinyin_updates_list_and_footer(qtbot, page, projects, query):
    page.search.setText(query)
    qtbot.waitUntil(lambda: page.filter.text == query, timeout=2000)
    wait(qtbot, page)
    assert shown_ids(page) == {projects["sanjia"]}
    assert page.totals.text() == "共 1 个项目 · 总投资 5.00 亿元"
    assert ("text", f"搜索：{query}") in page.chip_list()


def test_an_empty_result_says_so_over_the_list(qtbot, page, projects):
    assert page.no_rows.isHidden()
    page.search.setText("喆喆")
    qtbot.waitUntil(lambda: page.filter.text == "喆喆", timeout=2000)
    wait(qtbot, page)
    qtbot.waitUntil(lambda: not page.no_rows.isHidden(), timeout=2000)
    assert page.model.rowCount() == 0
    assert "没有符合条件的项目" in page.no_rows.text()
    assert page.no_rows.geometry() == page.table.viewport().rect()  # covers the empty area
    page.set_filter(ProjectFilter())
    wait(qtbot, page)
    qtbot.waitUntil(lambda: page.no_rows.isHidden(), timeout=2000)
    assert len(shown_ids(page)) == 3


def test_an_empty_database_says_how_to_add_projects(qtbot, db, hub, app_font):
    widget = ProjectsPage(PageContext(db, hub))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    wait(qtbot, widget)
    qtbot.waitUntil(lambda: not widget.no_rows.isHidden(), timeout=2000)
    assert "还没有项目" in widget.no_rows.text() and "Ctrl+N" in widget.no_rows.text()


def test_filters_show_as_removable_chips(qtbot, page, projects):
    page.toggle_value("stages", Stage.SIGNED.value)
    wait(qtbot, page)
    assert shown_ids(page) == {projects["ruibeika"]}
    page.set_filter(ProjectFilter(stages=("signed", "lead"), over_100m=True))
    wait(qtbot, page)
    assert shown_ids(page) == {projects["ruibeika"]}
    texts = [chip.text() for chip in page.chips.chips]
    assert texts == ["阶段：签约  ✕", "阶段：线索  ✕", "≥ 1 亿元  ✕"]
    page.chips.chips[2].click()  # remove ≥ 1 亿元
    wait(qtbot, page)
    assert shown_ids(page) == {projects["ruibeika"], projects["cold"]}
    assert page.filter == ProjectFilter(stages=("signed", "lead"))


def test_saved_filter_sets(qtbot, page, projects):
    page.set_filter(ProjectFilter(over_1b=True))
    wait(qtbot, page)
    saved = page.save_current_filter("十亿以上")
    page.set_filter(ProjectFilter())
    wait(qtbot, page)
    assert page.model.count == 3
    page.load_saved(saved)
    wait(qtbot, page)
    assert shown_ids(page) == {projects["ruibeika"]}


def test_columns_hidden_and_moved_are_remembered(qtbot, db, hub, page):
    page.set_column_visible("investor", False)
    page.apply_columns(["stage", "name", "total_investment"])
    page._save_columns()
    assert page.visible_columns() == ["stage", "name", "total_investment"]
    again = ProjectsPage(PageContext(db, hub))
    qtbot.addWidget(again)
    wait(qtbot, again)
    assert again.visible_columns() == ["stage", "name", "total_investment"]
    assert len(COLUMNS) == 16


# ---------------------------------------------------------------- the form


def test_create_through_the_form_with_5yi(qtbot, page, db):
    form = page.make_form(None)
    qtbot.addWidget(form)
    assert not form.save_button.isEnabled()  # no name yet
    assert "name" in form.errors
    form.ui.name_edit.setText("新能源电池项目")
    form.ui.total_investment_wan_edit.setText("5亿")
    form.ui.company_edit.setText("许昌新能源科技有限公司")
    form.validate()
    assert form.ui.total_investment_wan_note.text() == "= 5.00 亿元（50000 万元）"
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        assert form.save()
    assert page.model.count == 4
    new_id = form.project_id
    with db.session(readonly=True) as s:
        d = get_project_detail(s, new_id)
    assert d.total_investment_wan == Decimal(50000)
    assert d.company_name == "许昌新能源科技有限公司"
    assert d.updated_by == page.actor


def test_invalid_input_disables_save_with_chinese_messages(qtbot, page, projects):
    form = page.make_form(projects["cold"])
    qtbot.addWidget(form)
    form.ui.land_mu_edit.setText("很多")
    form.ui.name_edit.setText("")
    form.validate()
    assert not form.save_button.isEnabled()
    assert "亩" in form.ui.land_mu_note.text()
    assert form.ui.name_note.text()  # 必填
    assert "有 2 处需要修改" in form.ui.statusLabel.text()
    assert form.ui.tabs.tabText(1).endswith("（！）")


def test_edit_through_the_form(qtbot, page, db, projects):
    form = page.make_form(projects["cold"])
    qtbot.addWidget(form)
    assert form.ui.name_edit.text() == "冷链物流中心项目"
    assert form.ui.total_investment_wan_edit.text() == "8000"
    assert not form.save_button.isEnabled()  # nothing changed
    form.ui.location_edit.setText("尚集镇")
    form.ui.total_investment_wan_edit.setText("1.5亿")
    form.validate()
    assert form.save_button.isEnabled()
    assert form.save()
    with db.session(readonly=True) as s:
        d = get_project_detail(s, projects["cold"])
    assert (d.location, d.total_investment_wan) == ("尚集镇", Decimal(15000))


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_unsaved_changes_guard(qtbot, page, monkeypatch, projects):
    form = page.make_form(projects["cold"])
    qtbot.addWidget(form)
    form.show()
    form.ui.notes_edit.setPlainText("补充说明")
    asked = []

    def answer(result):
        def question(*args, **kwargs):
            asked.append(args[2])
            return result

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    form.reject()
    assert form.isVisible() and asked == ["项目信息有未保存的修改，是否保存？"]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    form.reject()
    assert not form.isVisible()


def test_advance_in_the_form_and_a_rule_violation_shown(qtbot, page, db, projects):
    form = page.make_form(projects["cold"])
    qtbot.addWidget(form)
    assert form.ui.advanceButton.isEnabled()
    ok = form.apply_stage_change(
        StageChangeRequest(ADVANCE, Stage.SIGNED, dt.date(2021, 2, 1), "签订协议")
    )
    assert ok
    assert form.ui.stageMessage.text().startswith("已推进至：签约")
    assert "洽谈" in form.ui.stageMessage.text()  # the skipped stage is reported
    assert form.ui.stageBadge.text().startswith("签约")
    assert form.timeline.rowCount() == 3
    # a later stage dated before the earlier one: refused, and said so
    ok = form.apply_stage_change(
        StageChangeRequest(ADVANCE, Stage.PERFORMING, dt.date(2020, 1, 1), "")
    )
    assert not ok
    assert "2021-02-01" in form.ui.stageMessage.text()
    assert "c62828" in form.ui.stageMessage.styleSheet()
    with db.session(readonly=True) as s:
        assert get_project_detail(s, projects["cold"]).stage == "signed"


# ---------------------------------------------------------------- the board


def test_board_move_card_advances(qtbot, page, db, projects):
    page.toggle_view()
    assert page.board_shown()
    qtbot.waitUntil(lambda: not page.board.busy, timeout=5000)
    assert page.board.cards(Stage.LEAD).ids() == [projects["cold"]]
    messages = []
    page.board.message.connect(lambda text, error: messages.append((text, error)))
    with qtbot.waitSignal(page.board.loaded, timeout=5000):
        result = page.board.move_card(projects["cold"], Stage.NEGOTIATING, on=TODAY, note="首谈")
    assert result is not None and result.stage == "negotiating"
    assert page.board.cards(Stage.NEGOTIATING).ids() == [projects["cold"]]
    assert page.board.columns[Stage.NEGOTIATING].title.text() == "洽谈  1"
    assert messages[-1] == ("已推进至洽谈", False)
    # backwards is refused on the board
    assert page.board.move_card(projects["ruibeika"], Stage.LEAD, on=TODAY) is None
    assert messages[-1][1] is True
    with db.session(readonly=True) as s:
        assert get_project_detail(s, projects["ruibeika"]).stage == "signed"


def test_board_follows_the_filter(qtbot, page, projects):
    page.set_filter(ProjectFilter(text="sj"))
    page.toggle_view()
    qtbot.waitUntil(lambda: not page.board.busy, timeout=5000)
    assert page.board.cards(Stage.STARTED).ids() == [projects["sanjia"]]
    assert page.board.cards(Stage.SIGNED).ids() == []
    page.toggle_view()
    assert not page.board_shown()


def wait_board(qtbot, page: ProjectsPage) -> None:
    qtbot.waitUntil(lambda: not page.board.busy, timeout=5000)


def test_board_column_totals_equal_the_filtered_footer(qtbot, page, projects):
    page.set_filter(ProjectFilter(over_100m=True))
    wait(qtbot, page)
    footer = page.totals.text()
    assert footer == "共 2 个项目 · 总投资 17.00 亿元"
    page.toggle_view()
    wait_board(qtbot, page)
    board = page.board
    assert (board.count, board.total_wan) == (page.model.count, page.model.total_wan)
    assert sum(c.total.count for c in board.columns.values()) == 2
    assert board.columns[Stage.SIGNED].title.text() == "签约  1"
    assert board.columns[Stage.SIGNED].summary.text() == "12.00 亿元"
    assert board.columns[Stage.STARTED].summary.text() == "5.00 亿元"
    assert board.columns[Stage.LEAD].title.text() == "线索  0"
    assert board.columns[Stage.LEAD].empty.isVisibleTo(board)
    assert page.totals.text() == footer  # the footer, now from the board's own totals


def test_the_footer_says_counting_between_the_boards_cards_and_its_totals(
    qtbot, page, projects, monkeypatch
):
    import threading

    import jianan_desk.ui.widgets.project_board as board_module

    gate = threading.Event()
    real = board_module.stage_summary

    def held(session, f):
        assert gate.wait(10)
        return real(session, f)

    monkeypatch.setattr(board_module, "stage_summary", held)
    try:
        page.toggle_view()
        qtbot.waitUntil(lambda: not page.board.cards_pending, timeout=5000)
        assert page.board.summary_pending
        assert page.totals.text() == "正在统计项目数与总投资…"
    finally:
        gate.set()
    wait_board(qtbot, page)
    assert page.totals.text() == "共 3 个项目 · 总投资 17.80 亿元"


def test_a_filter_on_the_board_reloads_the_board_alone(qtbot, page, projects):
    page.toggle_view()
    wait_board(qtbot, page)
    reloads = page.model._generation
    page.set_filter(ProjectFilter(text="sj"))
    wait_board(qtbot, page)
    assert page.board.cards(Stage.STARTED).ids() == [projects["sanjia"]]
    assert page.totals.text() == "共 1 个项目 · 总投资 5.00 亿元"
    assert page.model._generation == reloads  # the hidden list did not query
    assert page.model.count == 3
    page.toggle_view()  # back to the list: it catches up with the filter
    wait(qtbot, page)
    assert shown_ids(page) == {projects["sanjia"]}
    assert page.totals.text() == "共 1 个项目 · 总投资 5.00 亿元"


def test_board_shows_the_newest_cards_and_more_on_demand(qtbot, db, page, projects, monkeypatch):
    from jianan_desk.ui.widgets import project_board

    monkeypatch.setattr(project_board, "CARDS_PER_COLUMN", 2)
    monkeypatch.setattr(project_board, "MORE_CARDS", 3)
    with db.session() as s:
        for n in range(5):
            create_project(
                s, ProjectInput(name=f"新线索项目{n}", total_investment_wan="1000万"), ACTOR
            )
    page.toggle_view()
    wait_board(qtbot, page)
    column = page.board.columns[Stage.LEAD]
    with db.session(readonly=True) as s:
        from jianan_desk.services.project_query import fetch_page

        order = [r.id for r in fetch_page(s, ProjectFilter(stages=("lead",)), "updated_at")]
    assert len(order) == 6
    assert column.title.text() == "线索  6"
    assert column.model.ids() == order[:2]  # most recently changed first, as the list sorts
    assert column.more.isVisibleTo(page.board)
    assert column.more.text() == "显示更多…（还有 4 个）"
    with qtbot.waitSignal(page.board.more_loaded, timeout=5000):
        qtbot.mouseClick(column.more, Qt.MouseButton.LeftButton)
    assert column.model.ids() == order[:5]
    assert column.more.text() == "显示更多…（还有 1 个）"
    with qtbot.waitSignal(page.board.more_loaded, timeout=5000):
        page.board.load_more(Stage.LEAD)
    assert column.model.ids() == order
    assert not column.more.isVisibleTo(page.board)
    # a card fetched by "more" is dragged like any other
    with qtbot.waitSignal(page.board.loaded, timeout=5000):
        result = page.board.move_card(order[-1], Stage.NEGOTIATING, on=TODAY)
    assert result is not None
    assert page.board.columns[Stage.NEGOTIATING].total.count == 1
    assert column.title.text() == "线索  5"


def test_a_newer_filter_supersedes_the_board_load(qtbot, page, projects):
    page.toggle_view()
    wait_board(qtbot, page)
    page.set_filter(ProjectFilter(text="冷链"))
    page.set_filter(ProjectFilter(text="sj"))
    with qtbot.waitSignal(page.board.loaded, timeout=5000):
        pass
    wait_board(qtbot, page)
    assert page.board.count == 1
    assert page.board.cards(Stage.STARTED).ids() == [projects["sanjia"]]
    assert page.board.cards(Stage.LEAD).ids() == []


def test_the_startup_heap_is_frozen_after_the_first_rows(qtbot, page):
    import gc

    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)


# ---------------------------------------------------------------- every filter, date range


def test_filter_menu_offers_every_criterion_of_the_issue(qtbot, page):
    qtbot.waitUntil(lambda: page.choices is not None, timeout=5000)
    page._build_filter_menu()
    titles = [a.text() for a in page.filter_menu.actions() if a.text()]
    for title in (
        "阶段",
        "类别",
        "222 产业 / 环节",
        "5122 领域",
        "责任单位",
        "专班",
        "分包领导",
        "签约时间",
        "总投资",
    ):
        assert title in titles
    signing = next(a.menu() for a in page.filter_menu.actions() if a.text() == "签约时间")
    texts = [a.text() for a in signing.actions()]
    assert f"{TODAY.year} 年" in texts and "日期范围…" in texts
    money = next(a.menu() for a in page.filter_menu.actions() if a.text() == "总投资")
    assert [a.text() for a in money.actions() if a.text()] == [
        "≥ 1 亿元",
        "≥ 10 亿元",
        "投资额范围…",
    ]


def test_filters_combine(qtbot, db, page, projects):
    with db.session(readonly=True) as s:
        unit = s.scalars(select(Unit.id)).first()
    f = ProjectFilter(
        stages=("signed", "started"),
        families=("attraction",),
        unit_ids=(unit,),
        signed_from=dt.date(2021, 1, 1),
        signed_to=dt.date(2022, 12, 31),
        investment_min_wan=Decimal(40000),
        over_100m=True,
        text="sj",
    )
    page.set_filter(f)
    wait(qtbot, page)
    assert shown_ids(page) == {projects["sanjia"]}
    page.set_filter(dataclasses.replace(f, over_1b=True))  # 三佳 is 5 亿
    wait(qtbot, page)
    assert shown_ids(page) == set()
    assert page.totals.text() == "共 0 个项目 · 总投资 0.00 亿元"


def test_signed_date_range_with_date_pickers(qtbot, page, projects):
    page.set_signed_year(2022)
    wait(qtbot, page)
    dialog = page.make_signed_range_dialog()
    qtbot.addWidget(dialog)
    assert dialog.ui.fromEdit.calendarPopup() and dialog.ui.toEdit.calendarPopup()
    dialog.ui.fromCheck.setChecked(True)
    dialog.ui.toCheck.setChecked(True)
    dialog.ui.fromEdit.setDate(QDate(2021, 12, 31))
    dialog.ui.toEdit.setDate(QDate(2021, 1, 1))
    assert not dialog.ok_button.isEnabled()
    assert dialog.ui.errorLabel.text() == "起始日期不能晚于截止日期"
    dialog.ui.fromEdit.setDate(QDate(2021, 1, 1))
    dialog.ui.toEdit.setDate(QDate(2021, 12, 31))
    assert dialog.ok_button.isEnabled()
    page.set_signed_range(*dialog.range())
    wait(qtbot, page)
    assert page.filter.signed_year is None  # a range replaces the year
    assert shown_ids(page) == {projects["ruibeika"]}
    assert ("signed_range", "签约：2021-01-01 至 2021-12-31") in page.chip_list()
    # one open end: signed from 2022 on
    dialog.ui.toCheck.setChecked(False)
    dialog.ui.fromEdit.setDate(QDate(2022, 1, 1))
    assert dialog.range() == (dt.date(2022, 1, 1), None)
    page.set_signed_range(*dialog.range())
    wait(qtbot, page)
    assert shown_ids(page) == {projects["sanjia"]}
    page.remove_criterion("signed_range")
    wait(qtbot, page)
    assert page.model.count == 3


# ---------------------------------------------------------------- stale queries


class QueuedRunner:
    """Stands in for run_in_background: keeps the jobs; the test runs them in its order."""

    def __init__(self) -> None:
        self.jobs: list[tuple] = []

    def __call__(self, work, *, on_result=None, on_error=None):
        self.jobs.append((work, on_result, on_error))

    def run(self, index: int) -> None:
        work, on_result, on_error = self.jobs[index]
        try:
            value = work()
        except BaseException as exc:  # delivered as run_in_background does
            on_error(exc)
        else:
            on_result(value)


def test_a_newer_filter_supersedes_a_running_query(qtbot, db, projects):
    runner = QueuedRunner()
    model = ProjectsTableModel(db, runner=runner)
    shown: list[int] = []
    loaded: list[int] = []
    failures: list[str] = []
    model.shown.connect(shown.append)
    model.loaded.connect(lambda n, _total: loaded.append(n))
    model.failed.connect(failures.append)
    model.set_filter(ProjectFilter(text="sj"))  # job 0: the older query's page (a search's
    # count waits for its walk)
    model.set_filter(ProjectFilter(stages=("signed",)))  # jobs 1, 2: the newer page, count
    runner.run(1)
    assert shown == [1] and model.project_id(0) == projects["ruibeika"]
    assert loaded == [1] and not model.counting  # one row: every match, counted with it
    runner.run(2)  # its count, run after: the footer already has its figures
    assert loaded == [1]
    runner.run(0)  # the older one, run late: cancelled before it starts, never shown
    assert shown == [1] and model.project_id(0) == projects["ruibeika"]
    assert model.cancelled == 1 and failures == [] and len(runner.jobs) == 3


def test_a_superseded_query_is_interrupted_inside_sqlite(qtbot, db, projects, monkeypatch):
    """The older query is stopped while it runs (not left to finish): its SQL is aborted."""
    import jianan_desk.ui.models.project_table as table

    if db.path is None:
        pytest.skip("SQLite's progress handler")
    runner = QueuedRunner()
    model = ProjectsTableModel(db, runner=runner)
    real = table.fetch_first_page
    finished: list[bool] = []

    def slow_page(session, f, *args, **kwargs):
        if f.text == "slow":  # the older query: supersede it while its SQL runs
            model.set_filter(ProjectFilter())
            session.execute(
                text(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    "WHERE i < 1000000000) SELECT count(*) FROM n"
                )
            ).one()
            finished.append(True)  # not reached: the statement is aborted
        return real(session, f, *args, **kwargs)

    monkeypatch.setattr(table, "fetch_first_page", slow_page)
    model.set_filter(ProjectFilter(text="slow"))
    runner.run(0)  # interrupted: reported as cancelled, not as a failure
    assert model.cancelled == 1 and not model.count and finished == []
    runner.run(1)  # the newer first page (job 2 is its count)
    assert model.count == 3


# ---------------------------------------------------------------- first rows first, then the count


@pytest.fixture
def small_window(monkeypatch):
    """A first window of 2 rows, so that the three projects need counting."""
    import jianan_desk.ui.models.project_table as table

    monkeypatch.setattr(table, "WINDOW", 2)


def test_the_first_page_appears_before_the_count(
    qtbot, db, hub, projects, small_window, monkeypatch
):
    """The first window is shown while the count still runs; the footer says 正在统计…
    until the count and sum arrive; then the rest of the rows are appended and the
    figures are the ones ``count_and_sum`` gives."""
    import threading

    import jianan_desk.ui.models.project_table as table
    from jianan_desk.services.project_query import count_and_sum, fetch_ids

    release = threading.Event()
    started = threading.Event()
    real = table.count_and_sum

    def held_count(session, f):
        started.set()
        release.wait(10)
        return real(session, f)

    monkeypatch.setattr(table, "count_and_sum", held_count)
    page = ProjectsPage(PageContext(db, hub))
    qtbot.addWidget(page)
    try:
        qtbot.waitUntil(lambda: not page.model.busy, timeout=5000)
        qtbot.waitUntil(started.is_set, timeout=5000)
        assert page.model.counting and page.model.rowCount() == 2
        assert page.totals.text() == "已显示前 2 个项目 · 正在统计…"
        # the first rows are the list's first rows, in order
        with db.session(readonly=True) as s:
            order = fetch_ids(s, ProjectFilter())
            expected = count_and_sum(s, ProjectFilter())
        assert [page.model.project_id(r) for r in range(2)] == order[:2]
        assert page.model.index(0, 0).data()  # painted text, not a blank waiting row
    finally:
        release.set()
    with qtbot.waitSignal(page.model.loaded, timeout=5000) as got:
        pass
    assert got.args == [3, expected[1]] and expected == (3, Decimal(178000))
    assert not page.model.counting and page.model.rowCount() == 3
    assert page.totals.text() == "共 3 个项目 · 总投资 17.80 亿元"
    qtbot.waitUntil(lambda: page.model._ids is not None, timeout=5000)
    assert list(page.model._ids) == order
    qtbot.waitUntil(lambda: page.model.index(2, 0).data() is not None, timeout=5000)
    assert shown_ids(page) == set(projects.values())


def test_a_newer_search_supersedes_the_pending_count(qtbot, db, projects, small_window):
    runner = QueuedRunner()
    model = ProjectsTableModel(db, runner=runner)
    loaded: list[tuple[int, Decimal]] = []
    model.loaded.connect(lambda n, total: loaded.append((n, total)))
    model.set_filter(ProjectFilter(over_100m=True))  # 瑞贝卡, 三佳: a full first window
    runner.run(0)
    assert model.rowCount() == 2 and model.counting and not model.busy
    qtbot.waitUntil(lambda: len(runner.jobs) == 3, timeout=5000)  # (its count) its ids
    model.set_filter(ProjectFilter(text="sj"))  # typed before the count came back
    assert model.busy and model.counting
    runner.run(3)  # the newer search's first page: one row, counted with it
    assert loaded == [(1, Decimal(50000))] and model.project_id(0) == projects["sanjia"]
    runner.run(1)  # the older count, run late: cancelled, its figures never shown
    runner.run(2)
    runner.run(4)  # the newer count: the first page already counted every match
    assert model.cancelled == 2 and loaded == [(1, Decimal(50000))]
    assert (model.count, model.total_wan, model.rowCount()) == (1, Decimal(50000), 1)
    assert len(runner.jobs) == 5  # no ids asked for the newer search: they are in


@pytest.mark.parametrize(("walk", "counted_during_page"), [(True, True), (False, False)])
def test_a_search_s_count_starts_when_its_walk_meets_the_page_or_after_the_rows(
    qtbot, db, projects, small_window, monkeypatch, walk, counted_during_page
):
    """A text search's count does not run beside a rare term's scan of every key (the two
    would share the CPU cache): it starts as soon as the walk has met the first page, or,
    the walk given up (here: no budget), after the first rows are in."""
    from jianan_desk.services import project_query

    if not walk:
        monkeypatch.setattr(project_query, "FIRST_PAGE_WALK", 0)
    runner = QueuedRunner()
    model = ProjectsTableModel(db, runner=runner)
    loaded: list[int] = []
    model.loaded.connect(lambda n, _total: loaded.append(n))
    jobs_when_shown: list[int] = []
    model.shown.connect(lambda _n: jobs_when_shown.append(len(runner.jobs)))
    model.set_filter(ProjectFilter(text="项目"))  # all three; a first window of two
    assert len(runner.jobs) == 1  # the first page only
    runner.run(0)
    # the walk met the page: the count was asked for during the first page's query
    assert (jobs_when_shown == [2]) is counted_during_page, jobs_when_shown
    assert len(runner.jobs) == 2 and model.counting and model.rowCount() == 2
    runner.run(1)
    assert loaded == [3] and model.rowCount() == 3


def test_a_count_in_before_the_first_page_waits_for_it(qtbot, db, projects, small_window):
    """The count runs beside the first page; if it finishes first, the footer's figures
    are applied with the first rows, never before them (rows appended to an empty list)."""
    runner = QueuedRunner()
    model = ProjectsTableModel(db, runner=runner)
    events: list[tuple] = []
    model.shown.connect(lambda n: events.append(("shown", n)))
    model.loaded.connect(lambda n, total: events.append(("loaded", n, total)))
    model.set_filter(ProjectFilter())  # three projects, a first window of two
    assert len(runner.jobs) == 2  # the first page and the count, both at once
    runner.run(1)  # the count first
    assert events == [] and model.counting and model.rowCount() == 0
    runner.run(0)
    assert events == [("shown", 2), ("loaded", 3, Decimal(178000))]
    assert not model.counting and model.rowCount() == 3 and model.count == 3


def test_a_newer_search_interrupts_a_running_count(qtbot, db, projects, small_window, monkeypatch):
    """A count already running when a newer search arrives is stopped, not waited for."""
    import jianan_desk.ui.models.project_table as table

    if db.path is None:
        pytest.skip("SQLite's progress handler")
    runner = QueuedRunner()
    model = ProjectsTableModel(db, runner=runner)
    real = table.count_and_sum
    finished: list[bool] = []

    def slow_count(session, f):
        if f.over_100m:
            model.set_filter(ProjectFilter(text="冷链"))  # typed while the count runs
            session.execute(
                text(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    "WHERE i < 1000000000) SELECT count(*) FROM n"
                )
            ).one()
            finished.append(True)  # not reached
        return real(session, f)

    monkeypatch.setattr(table, "count_and_sum", slow_count)
    model.set_filter(ProjectFilter(over_100m=True))
    runner.run(0)
    qtbot.waitUntil(lambda: len(runner.jobs) == 3, timeout=5000)
    runner.run(1)  # the count: interrupted by the newer search
    assert model.cancelled == 1 and finished == [] and model.busy
    runner.run(3)
    assert model.count == 1 and model.project_id(0) == projects["cold"]


def test_the_row_cache_is_bounded_and_out_of_the_collectors_reach(qtbot, db, projects, monkeypatch):
    """What the list keeps (every id, the recent windows' values and texts) is plain
    tuples of atoms, which CPython's collector stops tracking: a full collection (one ran
    on a worker thread, holding the GIL, in the worst scroll stalls) never walks them. The
    windows kept are bounded (``MAX_WINDOWS``), their texts with them."""
    import gc

    import jianan_desk.ui.models.project_table as table

    monkeypatch.setattr(table, "WINDOW", 1)
    monkeypatch.setattr(table, "MAX_WINDOWS", 2)
    model = ProjectsTableModel(db)
    model.reload()
    qtbot.waitUntil(lambda: not model.counting and model._ids is not None, timeout=5000)
    assert model.rowCount() == 3
    for row in range(3):  # paint every row: each window is fetched
        model.index(row, 0).data()
        qtbot.waitUntil(lambda r=row: model.index(r, 0).data() is not None, timeout=5000)
    assert len(model._windows) == 2 and set(model._texts) == set(model._windows)
    assert model.index(2, ProjectsTableModel.TOTAL_INVESTMENT).data(SORT_ROLE) is not None
    gc.collect()  # the rows (tuples of atoms) are untracked
    gc.collect()  # and then the tuples holding them
    kept = [model._ids]
    for window, rows in model._windows.items():
        kept += [rows, *rows, model._texts[window], *model._texts[window]]
    assert [type(x).__name__ for x in kept if gc.is_tracked(x)] == []
    assert set(model._ids) == set(projects.values())


# ---------------------------------------------------------------- the kanban drop


def test_kanban_drop_through_the_model_mime_data(qtbot, page, db, projects, monkeypatch):
    """A drag carries the card model's mimeData; a drop on another column's list advances
    the project after the date/note dialog (accepted here)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    from jianan_desk.ui.dialogs.project_stage import ProjectStageDialog

    page.toggle_view()
    qtbot.waitUntil(lambda: not page.board.busy, timeout=5000)
    source = page.board.cards(Stage.LEAD)
    mime = source.mimeData([source.index(0)])
    assert source.mimeTypes()[0] in mime.formats()
    monkeypatch.setattr(
        ProjectStageDialog, "exec", lambda self: QDialog.DialogCode.Accepted, raising=False
    )
    target = page.board.columns[Stage.NEGOTIATING].list
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.board.loaded, timeout=5000):
        target.dropEvent(event)
    assert page.board.cards(Stage.NEGOTIATING).ids() == [projects["cold"]]
    with db.session(readonly=True) as s:
        assert get_project_detail(s, projects["cold"]).stage == "negotiating"


def test_filter_choices_that_fail_to_load_say_so_and_load_again_later(
    qtbot, db, hub, projects, app_font, monkeypatch
):
    import jianan_desk.ui.pages.projects as projects_page
    from jianan_desk.services.project_query import reference_choices

    calls = []

    def flaky(session):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("数据库连接已断开")
        return reference_choices(session)

    monkeypatch.setattr(projects_page, "reference_choices", flaky)
    widget = ProjectsPage(PageContext(db, hub))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: "数据库连接已断开" in widget.message.text())
    assert widget.choices is None
    widget.model.reload()  # the next list load tries again
    qtbot.waitUntil(lambda: widget.choices is not None)
    assert len(calls) == 2
