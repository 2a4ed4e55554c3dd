"""The 项目库 page: list model, filters and search, columns, detail form, stage actions,
kanban moves, unsaved-change guard."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

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
