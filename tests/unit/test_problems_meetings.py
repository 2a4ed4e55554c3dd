"""Weekly meetings (agenda, minutes, summary), task forces and accountability figures."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from jianan_desk.services.accountability import accountability, export_accountability
from jianan_desk.services.audit import changes_of
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.meetings import (
    Closure,
    MeetingInput,
    MinutesInput,
    create_meeting,
    get_meeting,
    list_meetings,
    meeting_summary,
    prepare_agenda,
    record_minutes,
)
from jianan_desk.services.problems import ProblemInput, close_problem, create_problem
from jianan_desk.services.projects import ProjectInput, advance_stage, create_project
from jianan_desk.services.task_forces import (
    TaskForceInput,
    create_task_force,
    get_task_force,
    list_task_forces,
    update_task_force,
)
from jianan_desk.store.models import Problem, Unit

ACTOR = "李联络"
D = dt.date


@pytest.fixture
def s(db):
    with db.session() as session:
        yield session


def units(s):
    return list(s.scalars(select(Unit.id).order_by(Unit.sort_order, Unit.name)).all()[:3])


def problem(s, text, raised, deadline, unit=None, project=None, category="land", **kw):
    return create_problem(
        s,
        ProblemInput(
            description=text,
            raised_on=raised,
            deadline=deadline,
            unit_id=unit,
            project_id=project,
            category=category,
            **kw,
        ),
        ACTOR,
    )


def test_agenda_on_a_crafted_ledger(s):
    u1, u2, _ = units(s)
    tf = create_task_force(s, TaskForceInput(name="发制品专班"), ACTOR, as_of=D(2022, 3, 1))
    moving = create_project(
        s,
        ProjectInput(name="在推进项目", family="key", task_force_id=tf.row.id),
        ACTOR,
        stage="signed",
        stage_on=D(2022, 2, 20),
    )
    stuck = create_project(
        s,
        ProjectInput(name="停滞项目", family="key", task_force_id=tf.row.id),
        ACTOR,
        stage="signed",
        stage_on=D(2021, 12, 1),
    )
    create_project(
        s,
        ProjectInput(name="无专班项目", family="key"),
        ACTOR,
        stage="signed",
        stage_on=D(2021, 6, 1),
    )
    create_meeting(s, MeetingInput(held_on=D(2022, 3, 7), chair="王区长"), ACTOR)
    old = problem(s, "上次会前提出", D(2022, 3, 1), D(2022, 3, 30), unit=u1)
    new1 = problem(s, "会后新提出", D(2022, 3, 8), D(2022, 4, 30), unit=u1)
    new2 = problem(s, "会当天提出", D(2022, 3, 14), None, unit=u2)
    problem(s, "会后才提出", D(2022, 3, 15), D(2022, 3, 16))
    due = problem(s, "下周到期", D(2022, 2, 1), D(2022, 3, 18), unit=u2)
    late1 = problem(s, "超期一", D(2022, 1, 10), D(2022, 2, 1), unit=u1, project=stuck.id)
    late2 = problem(s, "超期二", D(2022, 1, 10), D(2022, 3, 1), unit=u1)
    late3 = problem(s, "超期三", D(2022, 1, 10), D(2022, 3, 10), unit=u2)
    done = problem(s, "已销号超期", D(2022, 1, 10), D(2022, 2, 1), unit=u2)
    close_problem(s, done.id, "已解决", D(2022, 2, 2), ACTOR)

    agenda = prepare_agenda(s, D(2022, 3, 14), stale_weeks=8)
    assert agenda.previous_on == D(2022, 3, 7)
    assert agenda.next_on == D(2022, 3, 21)
    assert [r.id for r in agenda.new_problems] == [new1.id, new2.id]
    assert [r.id for r in agenda.due_soon] == [due.id]
    assert old.id not in {r.id for r in agenda.due_soon}
    unit1 = s.get(Unit, u1).name
    unit2 = s.get(Unit, u2).name
    assert [(u, [r.id for r in rows]) for u, rows in agenda.overdue_by_unit] == [
        (unit1, [late1.id, late2.id]),
        (unit2, [late3.id]),
    ]
    assert agenda.overdue_count == 3
    assert [p.id for p in agenda.stalled_projects] == [stuck.id]
    assert agenda.stalled_projects[0].weeks == 14
    assert moving.id not in {p.id for p in agenda.stalled_projects}
    # A shorter threshold catches the other one; moving the project clears it.
    assert len(prepare_agenda(s, D(2022, 3, 14), stale_weeks=2).stalled_projects) == 2
    advance_stage(s, stuck.id, "performing", D(2022, 3, 10), "", ACTOR, today=D(2022, 3, 14))
    assert prepare_agenda(s, D(2022, 3, 14)).stalled_projects == ()
    with pytest.raises(ValidationError):
        prepare_agenda(s, D(2022, 3, 14), next_on=D(2022, 3, 1))


def test_minutes_record_assigned_closed_and_decisions(s):
    u1, _, _ = units(s)
    p = create_project(s, ProjectInput(name="三佳项目", family="key"), ACTOR)
    before = problem(s, "施工许可", D(2022, 3, 1), D(2022, 3, 20), unit=u1)
    going = problem(s, "电力增容", D(2022, 3, 1), D(2022, 3, 30), unit=u1)
    meeting = create_meeting(s, MeetingInput(held_on="2022-03-14"), ACTOR)
    assert meeting.number == 1
    assert meeting.title == "重点项目周例会（2022年3月14日）"
    with pytest.raises(ValidationError) as err, s.begin_nested():
        record_minutes(
            s, meeting.id, MinutesInput(chair="某某", closures=[Closure(before.id, "")]), ACTOR
        )
    assert err.value.errors["resolution"] == "销号须填写办理结果"
    assert get_meeting(s, meeting.id).row.chair == ""  # nothing of it kept
    detail = record_minutes(
        s,
        meeting.id,
        MinutesInput(
            chair="王区长",
            attendees="区发改委、区自然资源局, 区发改委",
            decisions="一、抓紧办理施工许可；二、下周再议",
            project_reports={p.id: "主体完工"},
            raised=[
                ProblemInput(
                    description="道路配套滞后",
                    category="factors",
                    unit_id=u1,
                    deadline=D(2022, 3, 31),
                    project_id=p.id,
                )
            ],
            closures=[Closure(before.id, "已办结")],
            progress=[(going.id, "已与供电公司对接")],
        ),
        ACTOR,
    )
    assert detail.row.chair == "王区长"
    assert detail.attendees == "区发改委、区自然资源局"
    assert [r.description for r in detail.raised] == ["道路配套滞后"]
    assert detail.raised[0].raised_on == D(2022, 3, 14)
    assert detail.raised[0].source == "meeting"
    assert [r.id for r in detail.closed] == [before.id]
    assert s.get(Problem, before.id).resolved_on == D(2022, 3, 14)
    assert detail.progressed == ((going.id, "已与供电公司对接"),)
    assert [(x.name, x.report) for x in detail.projects] == [("三佳项目", "主体完工")]
    assert get_meeting(s, meeting.id).decisions.startswith("一、")
    assert list_meetings(s, year=2022)[0].problems_raised == 1
    log = changes_of(s, meeting.id)
    assert {e.entity for e in log} == {"meeting", "meeting_project"}
    assert any("decisions" in e.changes for e in log)


def test_summary_counts(s):
    u1, _, _ = units(s)
    create_meeting(s, MeetingInput(held_on=D(2021, 12, 20)), ACTOR)
    m1 = create_meeting(s, MeetingInput(held_on=D(2022, 1, 10)), ACTOR)
    create_meeting(s, MeetingInput(held_on=D(2022, 2, 10)), ACTOR)
    create_meeting(s, MeetingInput(held_on=D(2022, 4, 10)), ACTOR)  # after as_of
    problem(s, "去年的", D(2021, 12, 20), D(2022, 1, 5), unit=u1)  # open, overdue
    a = problem(s, "会上提出", D(2022, 1, 10), D(2022, 1, 20), meeting_id=m1.id)
    close_problem(s, a.id, "已办", D(2022, 1, 15), ACTOR)
    b = problem(s, "后来销号", D(2022, 2, 1), D(2022, 2, 10))
    close_problem(s, b.id, "已办", D(2022, 4, 1), ACTOR)  # still open on 3-31
    problem(s, "挂起", D(2022, 2, 1), D(2022, 2, 10), status="suspended")
    sm = meeting_summary(s, D(2022, 3, 31))
    assert (sm.meetings_held, sm.raised, sm.raised_at_meetings, sm.closed) == (2, 3, 1, 1)
    assert (sm.active, sm.suspended, sm.overdue) == (2, 1, 2)


def test_accountability_by_unit_and_category(s, tmp_path):
    u1, u2, _ = units(s)
    a = problem(s, "a", D(2022, 1, 5), D(2022, 1, 20), unit=u1, category="land")
    close_problem(s, a.id, "ok", D(2022, 1, 15), ACTOR)  # 10 days
    b = problem(s, "b", D(2022, 1, 10), D(2022, 1, 20), unit=u1, category="approval")
    close_problem(s, b.id, "ok", D(2022, 2, 9), ACTOR)  # 30 days
    problem(s, "c", D(2022, 2, 1), D(2022, 2, 15), unit=u2, category="land")  # overdue
    problem(s, "d", D(2022, 2, 1), D(2022, 5, 1), unit=u2, category="land")  # open
    problem(s, "e", D(2021, 12, 1), D(2021, 12, 10), unit=u2)  # raised before: open, overdue
    f = problem(s, "f", D(2022, 5, 1), None, unit=u1)  # after the period
    rep = accountability(s, D(2022, 1, 1), D(2022, 3, 31))
    t = rep.total
    assert (t.raised, t.closed, t.open, t.overdue, t.median_days_to_close) == (4, 2, 3, 2, 20)
    by_unit = {x.label: x for x in rep.by_unit}
    n1, n2 = s.get(Unit, u1).name, s.get(Unit, u2).name
    assert list(by_unit) == [n2, n1]  # most overdue first
    assert (by_unit[n1].raised, by_unit[n1].closed, by_unit[n1].open) == (2, 2, 0)
    assert by_unit[n2].overdue == 2
    land = next(x for x in rep.by_category if x.label == "用地")
    assert (land.raised, land.closed, land.open, land.median_days_to_close) == (3, 1, 3, 10)
    assert [x.label for x in rep.by_category][:3] == ["审批", "用地", "征拆"]
    assert f.id
    with pytest.raises(ValidationError):
        accountability(s, D(2022, 3, 1), D(2022, 1, 1))
    out = tmp_path / "责任统计.xlsx"
    n = export_accountability(rep, out)
    assert n == 1 + len(rep.by_unit) + len(rep.by_category)
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0].startswith("问题办理责任统计")
    assert values[2][:7] == ["合计", "合计", 4, 2, 3, 2, "20"]


def test_task_force_list_and_view(s):
    u1, u2, u3 = units(s)
    tf = create_task_force(
        s,
        TaskForceInput(
            name="汽车零部件专班",
            head_leader="王区长",
            deputy="李局长",
            liaison="赵联络",
            lead_unit_id=u1,
            member_unit_ids=[u2, u1],
        ),
        ACTOR,
        as_of=D(2022, 3, 31),
    )
    assert [u for u, _ in tf.member_units] == [u1, u2]
    p1 = create_project(
        s,
        ProjectInput(name="甲项目", family="key", task_force_id=tf.row.id),
        ACTOR,
        stage="signed",
        stage_on=D(2022, 1, 5),
    )
    create_project(
        s,
        ProjectInput(name="乙项目", family="key", task_force_id=tf.row.id),
        ACTOR,
        stage="started",
        stage_on=D(2022, 1, 5),
    )
    create_project(
        s,
        ProjectInput(name="丙项目", family="key", task_force_id=tf.row.id),
        ACTOR,
        stage="started",
        stage_on=D(2022, 1, 6),
    )
    problem(s, "超期", D(2022, 1, 10), D(2022, 2, 1), unit=u1, project=p1.id)
    problem(s, "未到期", D(2022, 1, 10), D(2022, 5, 1), unit=u1, project=p1.id)
    rows = list_task_forces(s, as_of=D(2022, 3, 31))
    row = next(r for r in rows if r.id == tf.row.id)
    assert row.project_count == 3
    assert row.stages_text == "签约1 · 开工2"
    assert (row.active_problems, row.overdue_problems) == (2, 1)
    view = get_task_force(s, tf.row.id, as_of=D(2022, 3, 31))
    assert {p.name for p in view.projects} == {"甲项目", "乙项目", "丙项目"}
    first = next(p for p in view.projects if p.id == p1.id)
    assert (first.active_problems, first.overdue_problems) == (2, 1)
    assert [r.description for r in view.problems] == ["超期", "未到期"]
    update_task_force(
        s,
        tf.row.id,
        TaskForceInput(
            name="汽车零部件专班", head_leader="张区长", lead_unit_id=u1, member_unit_ids=[u3]
        ),
        ACTOR,
        as_of=D(2022, 3, 31),
    )
    log = changes_of(s, tf.row.id)
    assert log[0].entity == "task_force" and log[0].changes["head_leader"] == ["王区长", "张区长"]
    assert "units" in log[0].changes
    with pytest.raises(ValidationError):
        create_task_force(s, TaskForceInput(name=" "), ACTOR, as_of=D(2022, 3, 31))
