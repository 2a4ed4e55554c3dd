"""The 外出招商 page: trips list, the trip's visits and figures, lead from a visit, report."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.trips import MemberInput, TripInput, create_trip
from jianan_desk.services.visits import VisitInput, create_visit
from jianan_desk.store.models import Project, Trip
from jianan_desk.ui.dialogs.trip_form import members_text, parse_members
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.trips import TripsPage

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
