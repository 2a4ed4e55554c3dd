"""The 外出招商 page: trips list, the trip's visits and figures, lead from a visit, report."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.services.trips import MemberInput, TripInput, create_trip
from jianan_desk.services.visits import VisitInput, create_visit
from jianan_desk.store.models import Company, Project, Trip, Visit
from jianan_desk.ui.dialogs.trip_form import members_text, parse_members
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.roles import ENTITY_ROLE
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.trips import TripsPage
from jianan_desk.ui.widgets.follow_ups import FollowUpsPanel

ACTOR = "测试员"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def trip(db):
    with db.session() as s:
        c = create_company(s, CompanyInput(name="三佳精密有限公司", city="南京"), ACTOR)
        t = create_trip(
            s,
            TripInput(title="南京招商", start_on="2022-03-01", end_on="2022-03-03",
                      destinations="南京", members=[MemberInput("刘区长", "leader")]),
            ACTOR,
        )  # fmt: skip
        create_visit(
            s,
            VisitInput(company_id=c.id, trip_id=t.id, visited_on=dt.date(2022, 3, 1),
                       content="拟投资", follow_up_on=dt.date(2022, 3, 10)),
            ACTOR,
        )  # fmt: skip
    return t.id


@pytest.fixture
def page(qtbot, db, trip):
    page = TripsPage(PageContext(db, Hub()))
    qtbot.addWidget(page)
    return page


def test_models_pass_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.trips_model)
    qtmodeltester.check(page.visits_model)


def test_trip_page_shows_visits_and_figures(page, trip):
    assert page.detail is not None and page.detail.id == trip
    assert page.visits_model.rowCount() == 1
    assert "刘区长（带队）" in page.header.text()
    assert "拜访 1 次" in page.figures.text() and "逾期" in page.figures.text()


def test_lead_from_visit_and_report(page, db, trip):
    page.visits.selectRow(0)
    project_id = page.lead_from_selected_visit()
    assert project_id is not None
    page.report_submitted()
    with db.session(readonly=True) as s:
        assert s.get(Project, project_id).stage == "lead"
        assert s.get(Trip, trip).report_submitted_on == dt.date.today()
    assert page.detail.figures.leads == 1
    assert "已交" in page.figures.text()


def test_new_trip_dialog(qtbot, page, db):
    dialog = page.new_trip()
    qtbot.addWidget(dialog)
    dialog.title.setText("深圳招商")
    dialog.members.setText("王区长（带队）、李干事")
    assert dialog.save()
    assert page.trips_model.rowCount() == 2
    with db.session(readonly=True) as s:
        assert s.scalar(select(Trip.title).where(Trip.title == "深圳招商")) == "深圳招商"


def test_members_text_round_trip():
    members = parse_members("刘区长（带队）、王招商, 李干事(领导)")
    assert [(m.name, m.role) for m in members] == [
        ("刘区长", "leader"), ("王招商", "staff"), ("李干事", "leader")
    ]  # fmt: skip
    assert members_text(members) == "刘区长（带队）、王招商、李干事（带队）"


# ---------------------------------------------------------------- leads, links, follow-ups


def test_trip_form_is_the_designer_form(qtbot, page):
    from jianan_desk.ui.forms.ui_trip_form import Ui_TripFormDialog

    dialog = page.edit_trip()
    qtbot.addWidget(dialog)
    assert isinstance(dialog.ui, Ui_TripFormDialog)
    assert dialog.title.text() == "南京招商" and dialog.members.text() == "刘区长（带队）"
    dialog.start.setDate(dialog.end.date().addDays(5))
    assert dialog.end.date() == dialog.start.date()  # the end follows the start


def test_lead_appears_in_the_leads_tab(page, trip):
    assert not page.lead_button.isEnabled()  # no visit selected
    page.visits.selectRow(0)
    assert page.lead_button.isEnabled() and page.link_button.isEnabled()
    project_id = page.lead_from_selected_visit()
    assert page.leads_model.rowCount() == 1
    assert page.leads_model.index(0, 0).data(ENTITY_ROLE) == project_id
    assert page.leads_model.index(0, page.leads_model.STAGE).data() == "线索"
    assert "产生的线索（1）" in page.detail_tabs.tabText(1)
    assert page.visits_model.index(0, page.visits_model.LEAD).data() == "已生成线索"


def test_link_visit_to_an_existing_project(page, db, trip, monkeypatch):
    with db.session() as s:
        company_id = s.scalars(select(Company.id)).first()
        project = create_project(s, ProjectInput(name="三佳二期", company_id=company_id), ACTOR)
    page.visits.selectRow(0)
    offered = []

    def choose(self, choices):
        offered.append([c.name for c in choices])
        return choices[0].id

    monkeypatch.setattr(TripsPage, "choose_project", choose)
    assert page.link_selected_visit() == project.id
    assert offered == [["三佳二期"]]
    with db.session(readonly=True) as s:
        assert s.get(Visit, page.detail.visits[0].id).project_id == project.id
    assert page.visits_model.index(0, page.visits_model.LEAD).data() == "已关联项目"


def test_follow_ups_tab_lists_by_date_and_completes_in_one_click(qtbot, db, trip):
    with db.session() as s:
        other = create_company(s, CompanyInput(name="比亚迪股份有限公司"), ACTOR)
        create_visit(
            s,
            VisitInput(company_id=other.id, visited_on=dt.date(2022, 3, 20),
                       follow_up_on=dt.date(2022, 3, 30), next_step="寄送资料"),
            "李四",
        )  # fmt: skip
        create_visit(
            s,
            VisitInput(company_id=other.id, visited_on=dt.date(2022, 3, 20),
                       follow_up_on=dt.date(2022, 4, 20)),
            "李四",
        )  # fmt: skip
    hub = Hub()
    panel = FollowUpsPanel(db, hub, ACTOR, today=lambda: dt.date(2022, 3, 30))
    qtbot.addWidget(panel)
    model = panel.model
    # due: the 3-10 one is overdue, the 3-30 one due today; the 4-20 one is later
    assert [model.index(r, model.STATUS).data() for r in range(model.rowCount())] == [
        "逾期 20 天",
        "今天",
    ]
    assert panel.ui.countLabel.text() == "逾期 1　今天 1　本周 0"
    panel.set_bucket("today")
    assert [model.row(r).next_step for r in range(model.rowCount())] == ["寄送资料"]
    panel.set_bucket("all")
    assert model.rowCount() == 3
    panel.set_bucket("due")
    panel.set_owner("李四")
    assert model.rowCount() == 1 and model.row(0).owner == "李四"
    panel.set_owner(None)
    assert model.rowCount() == 2

    panel.ui.followUpsView.selectRow(0)
    panel.ui.noteEdit.setText("电话沟通，4 月来访")
    panel.ui.recordVisitCheck.setChecked(True)
    with qtbot.waitSignal(hub.changed):
        qtbot.mouseClick(panel.ui.completeButton, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 1 and model.row(0).company_name == "比亚迪股份有限公司"
    assert "已完成跟进：三佳精密有限公司" in panel.ui.statusLabel.text()
    with db.session(readonly=True) as s:
        done = s.scalars(select(Visit).where(Visit.follow_up_done_on.is_not(None))).one()
        assert done.follow_up_note == "电话沟通，4 月来访"
        assert s.scalar(select(func.count()).select_from(Visit)) == 4  # one more: the call
    panel.ui.followUpsView.selectRow(0)
    assert panel.complete_selected()
    assert model.rowCount() == 0 and panel.ui.followUpsView.isHidden()
    assert not panel.ui.emptyLabel.isHidden()


def test_follow_ups_model_passes_the_model_tester(qtmodeltester, qtbot, page):
    page.tabs.setCurrentIndex(1)
    assert page.follow_ups.model.rowCount() == 1  # the trip's visit, overdue
    assert page.tabs.tabText(1) == "跟进（1）"
    qtmodeltester.check(page.follow_ups.model)
    qtmodeltester.check(page.leads_model)
