"""Trips, visits, leads from visits, follow-ups and visit reports due."""

import datetime as dt

import pytest
from sqlalchemy import select

from jianan_desk.services.audit import changes_of
from jianan_desk.services.companies import CompanyInput, ContactInput, add_contact, create_company
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.services.trips import (
    MemberInput,
    TripInput,
    companies_met,
    create_trip,
    delete_trip,
    get_trip,
    list_trips,
    mark_report_submitted,
    reports_due,
    split_cities,
    update_trip,
)
from jianan_desk.services.visits import (
    VisitInput,
    check_visit_input,
    complete_follow_up,
    create_lead_from_visit,
    create_visit,
    delete_visit,
    follow_ups,
    get_visit,
    link_visit_to_project,
    list_visits,
    update_visit,
)
from jianan_desk.store.models import Project, TripMember

ACTOR = "王招商"
D = dt.date


def company(s, name, city="深圳"):
    return create_company(s, CompanyInput(name=name, city=city), ACTOR)


def shenzhen_trip(s):
    return create_trip(
        s,
        TripInput(
            title="深圳、佛山招商活动",
            start_on="2022-03-01",
            end_on=D(2022, 3, 4),
            destinations="深圳、佛山，深圳",
            purpose="对接汽车零部件企业",
            itinerary="3月1日 三佳；3月2日 比亚迪",
            members=[
                MemberInput("刘区长", "带队领导"),
                MemberInput("王招商", "staff"),
                MemberInput("王招商", "staff"),
            ],
        ),
        ACTOR,
    )


def test_split_cities():
    assert split_cities("深圳、佛山, 杭州；南京 深圳") == ["深圳", "佛山", "杭州", "南京"]
    assert split_cities(["深圳", " 佛山 "]) == ["深圳", "佛山"]
    assert split_cities(None) == []


def test_create_and_update_trip_with_members(db):
    with db.session() as s:
        trip = shenzhen_trip(s)
        assert trip.destinations == ("深圳", "佛山")
        assert [(m.name, m.role) for m in trip.members] == [
            ("刘区长", "leader"),
            ("王招商", "staff"),
        ]
        assert trip.report_due_on == D(2022, 3, 19)
        data = trip.to_input()
        data.members = [MemberInput("刘区长", "leader"), MemberInput("李干事", "staff")]
        data.summary = "见客商 12 家"
        trip = update_trip(s, trip.id, data, ACTOR)
        assert [m.name for m in trip.members] == ["刘区长", "李干事"]
        assert trip.summary == "见客商 12 家"
        assert (
            len(s.scalars(select(TripMember).where(TripMember.trip_id == trip.id)).all()) == 3
        )  # the removed member is a tombstone
        (entry, *_) = changes_of(s, trip.id)
        assert entry.action == "update" and "members" in entry.changes


def test_trip_validation(db):
    with db.session() as s:
        with pytest.raises(ValidationError) as info:
            create_trip(s, TripInput(title="", start_on="2022-03-05", end_on="2022-03-01"), ACTOR)
        assert set(info.value.errors) == {"title", "end_on"}
        with pytest.raises(ValidationError) as info:
            create_trip(
                s,
                TripInput(title="x", start_on="2022-03-01", end_on="2022-03-01",
                          members=[MemberInput("甲", "司机")]),
                ACTOR,
            )  # fmt: skip
        assert "members" in info.value.errors


def test_visit_validation(db):
    with db.session() as s:
        trip = shenzhen_trip(s)
        c = company(s, "三佳精密有限公司")
        other = company(s, "别家有限公司")
        stranger = add_contact(s, other.id, ContactInput(name="赵六"), ACTOR)
        errors = check_visit_input(
            s,
            VisitInput(
                company_id=c.id,
                trip_id=trip.id,
                visited_on="2022-04-20",
                follow_up_on="2022-04-01",
                interest_level="很高",
                contact_ids=[stranger.id],
            ),
        )
        assert set(errors) == {"visited_on", "follow_up_on", "interest_level", "contact_ids"}
        assert "不在活动" in errors["visited_on"]
        assert set(check_visit_input(s, VisitInput())) == {"company_id", "visited_on"}


def test_trip_page_visits_leads_and_summary(db):
    with db.session() as s:
        trip = shenzhen_trip(s)
        a = company(s, "三佳精密有限公司")
        b = company(s, "比亚迪股份有限公司")
        zhang = add_contact(s, a.id, ContactInput(name="张三"), ACTOR)
        v2 = create_visit(
            s,
            VisitInput(company_id=b.id, trip_id=trip.id, visited_on="2022-03-02",
                       follow_up_on=D(2022, 3, 10)),
            ACTOR,
        )  # fmt: skip
        v1 = create_visit(
            s,
            VisitInput(
                company_id=a.id,
                trip_id=trip.id,
                visited_on=D(2022, 3, 1),
                contact_ids=[zhang.id],
                attendees="刘区长、王招商",
                content="拟投资 5 亿元建设万向节生产线",
                interest_level="意向强",
                next_step="4 月来建安考察",
                follow_up_on=D(2022, 4, 1),
            ),
            ACTOR,
        )
        assert (v1.kind, v1.city, v1.interest_level) == ("outbound", "深圳", "high")
        assert v1.contact_names == ("张三",)
        create_visit(
            s, VisitInput(company_id=a.id, trip_id=trip.id, visited_on=D(2022, 3, 3)), ACTOR
        )
        lead = create_lead_from_visit(s, v1.id, ACTOR, name="三佳万向节项目")
        assert lead.stage == "lead" and lead.company_id == a.id
        project = s.get(Project, lead.id)
        assert project.source_visit_id == v1.id
        assert project.events[0].occurred_on == D(2022, 3, 1)
        assert get_visit(s, v1.id).lead_project_ids == (lead.id,)

        page = get_trip(s, trip.id, today=D(2022, 3, 20))
        assert [v.visited_on.day for v in page.visits] == [1, 2, 3]
        f = page.figures
        assert (f.visit_count, f.companies_met, f.leads) == (3, 2, 1)
        assert (f.follow_ups_open, f.follow_ups_overdue) == (2, 1)
        assert page.report_overdue  # due 3-19, not handed in
        assert [name for _, name in companies_met(s, trip.id)] == [
            "三佳精密有限公司",
            "比亚迪股份有限公司",
        ]
        (row,) = list_trips(s, year=2022, today=D(2022, 3, 20))
        assert (row.visit_count, row.leaders, row.report_overdue) == (3, ("刘区长",), True)
        assert list_trips(s, text="佛山") and not list_trips(s, text="北京")

        with pytest.raises(ValidationError):
            delete_trip(s, trip.id, ACTOR)
        del v2


def test_inbound_visit_without_trip_and_link_to_project(db):
    with db.session() as s:
        c = company(s, "来访企业有限公司", city="杭州")
        v = create_visit(
            s, VisitInput(company_id=c.id, visited_on="2022年3月5日", place="区政府"), ACTOR
        )
        assert (v.kind, v.trip_id, v.city) == ("inbound", None, "")
        p = create_project(s, ProjectInput(name="已有项目", company_id=c.id), ACTOR)
        assert link_visit_to_project(s, v.id, p.id, ACTOR).project_id == p.id
        assert [x.id for x in list_visits(s, company_id=c.id, inbound_only=True)] == [v.id]
        data = get_visit(s, v.id).to_input()
        data.content = "再谈"
        assert update_visit(s, v.id, data, ACTOR).content == "再谈"
        delete_visit(s, v.id, ACTOR)
        with pytest.raises(NotFoundError):
            get_visit(s, v.id)


def test_follow_ups_by_date_and_person(db):
    today = D(2022, 3, 30)  # a Wednesday
    with db.session() as s:
        c = company(s, "跟进企业有限公司")
        base = D(2022, 3, 1)

        def visit(on, who=ACTOR):
            return create_visit(
                s, VisitInput(company_id=c.id, visited_on=base, follow_up_on=on), who
            )

        overdue = visit(D(2022, 3, 25))
        due_today = visit(today, "李四")
        this_week = visit(D(2022, 4, 3))  # Sunday
        later = visit(D(2022, 4, 4))
        create_visit(s, VisitInput(company_id=c.id, visited_on=base), ACTOR)  # none

        result = follow_ups(s, today=today)
        assert [f.visit_id for f in result.items] == [overdue.id, due_today.id, this_week.id]
        assert [f.bucket for f in result.items] == ["overdue", "today", "this_week"]
        assert result.items[0].days_overdue == 5
        assert result.counts == {"overdue": 1, "today": 1, "this_week": 1, "later": 0}
        assert [f.visit_id for f in follow_ups(s, today=today, owner="李四").items] == [
            due_today.id
        ]
        assert follow_ups(s, today=today, include_later=True).bucket("later")[0].visit_id == (
            later.id
        )

        new = complete_follow_up(
            s, overdue.id, ACTOR, on=today, note="电话沟通，下周来访", record_visit=True,
            next_follow_up_on=D(2022, 4, 6),
        )  # fmt: skip
        assert new is not None and new.content == "电话沟通，下周来访"
        assert get_visit(s, overdue.id).follow_up_done_on == today
        assert overdue.id not in {f.visit_id for f in follow_ups(s, today=today).items}
        with pytest.raises(ValidationError):
            complete_follow_up(s, overdue.id, ACTOR, on=today)
        assert complete_follow_up(s, due_today.id, ACTOR, on=today) is None


def test_reports_due_and_submitted(db):
    with db.session() as s:
        trip = shenzhen_trip(s)
        due = reports_due(s, today=D(2022, 3, 10))
        assert [(r.trip_id, r.overdue, r.days_left) for r in due] == [(trip.id, False, 9)]
        assert reports_due(s, today=D(2022, 3, 25))[0].overdue
        assert reports_due(s, today=D(2022, 3, 2)) == []  # not ended yet
        done = mark_report_submitted(s, trip.id, ACTOR, on=D(2022, 3, 15))
        assert done.report_submitted_on == D(2022, 3, 15) and not done.report_overdue
        assert reports_due(s, today=D(2022, 3, 25)) == []
        assert mark_report_submitted(s, trip.id, ACTOR, on="").report_submitted_on is None
