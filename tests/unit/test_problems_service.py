"""The problem ledger service: overdue list, lifecycle (open → progress → 销号), history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from jianan_desk.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from jianan_desk.services.problems import (
    OverdueProblem,
    ProblemFilter,
    ProblemInput,
    add_note,
    close_problem,
    count_problems,
    counts_by_unit,
    create_problem,
    delete_problem,
    get_problem,
    list_overdue_problems,
    list_problems,
    problem_history,
    reopen_problem,
    update_problem,
)
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.models import Problem, TaskForce, Unit

ACTOR = "李联络"
D = dt.date
MARCH_1 = D(2022, 3, 1)
MARCH_20 = D(2022, 3, 20)


def unit_ids(s) -> list[str]:
    return list(s.scalars(select(Unit.id).order_by(Unit.sort_order, Unit.name)).all())


def make_problem(
    s,
    text="用地指标未落实",
    *,
    raised=MARCH_1,
    deadline=MARCH_20,
    unit=None,
    project=None,
    category="land",
    status="open",
):
    return create_problem(
        s,
        ProblemInput(
            description=text,
            raised_on=raised,
            deadline=deadline,
            category=category,
            unit_id=unit,
            project_id=project,
            responsible_person="张三",
            status=status,
        ),
        ACTOR,
    )


@pytest.fixture
def session(db):
    with db.session() as s:
        yield s


def test_overdue_list_most_overdue_first_and_only_active(session):
    s = session
    units = unit_ids(s)
    p = create_project(s, ProjectInput(name="三佳万向节项目", family="key"), ACTOR)
    late = make_problem(s, "环评批复未下达", deadline=D(2022, 3, 5), unit=units[0], project=p.id)
    later = make_problem(s, "电力增容", deadline=D(2022, 3, 15), unit=units[1])
    make_problem(s, "还没到期", deadline=D(2022, 4, 30))
    make_problem(s, "当天到期不算超期", deadline=D(2022, 3, 31))
    make_problem(s, "没有时限", deadline=None)
    done = make_problem(s, "已销号的", deadline=D(2022, 3, 2))
    close_problem(s, done.id, "已协调解决", D(2022, 3, 3), ACTOR)
    hung = make_problem(s, "挂起的", deadline=D(2022, 3, 2), status="suspended")
    assert hung.row.status == "suspended"

    rows = list_overdue_problems(s, D(2022, 3, 31))
    assert [r.id for r in rows] == [late.id, later.id]
    first = rows[0]
    assert isinstance(first, OverdueProblem)
    assert first.days_overdue == 26
    assert first.project_name == "三佳万向节项目"
    assert first.unit_name == s.get(Unit, units[0]).name
    assert first.responsible_person == "张三"
    assert first.deadline == D(2022, 3, 5)
    assert rows[1].days_overdue == 16
    assert list_overdue_problems(s, D(2022, 3, 31), limit=1) == rows[:1]
    # The same problems across dates: nothing is overdue on its deadline day.
    assert list_overdue_problems(s, D(2022, 3, 5)) == []
    assert [r.id for r in list_overdue_problems(s, D(2022, 3, 6))] == [late.id]


def test_lifecycle_open_progress_close_with_rules_and_history(session):
    s = session
    pr = make_problem(s)
    assert pr.row.status == "open" and pr.row.status_label == "待办"
    assert pr.row.category_label == "用地"

    add_note(s, pr.id, "已对接自然资源局", ACTOR, noted_on=D(2022, 3, 5))
    detail = get_problem(s, pr.id, as_of=D(2022, 3, 10))
    assert detail.row.status == "in_progress"  # a note starts the work
    assert [n.text for n in detail.notes] == ["已对接自然资源局"]
    assert detail.row.days_open == 9

    with pytest.raises(ValidationError) as err:
        close_problem(s, pr.id, "  ", D(2022, 3, 12), ACTOR)
    assert err.value.errors["resolution"] == "销号须填写办理结果"
    with pytest.raises(ValidationError) as err:
        close_problem(s, pr.id, "已解决", None, ACTOR)
    assert err.value.errors["resolved_on"] == "销号须填写销号日期"
    with pytest.raises(ValidationError) as err:
        close_problem(s, pr.id, "已解决", D(2022, 2, 1), ACTOR)
    assert "早于" in err.value.errors["resolved_on"]
    assert s.get(Problem, pr.id).status == "in_progress"

    close_problem(s, pr.id, "指标已调剂到位", "2022年3月12日", ACTOR)
    closed = get_problem(s, pr.id, as_of=D(2022, 6, 1))
    assert closed.row.status_label == "已销号"
    assert closed.resolution == "指标已调剂到位"
    assert closed.row.days_open == 11  # to 销号, not to as_of
    assert closed.row.days_overdue == 0
    with pytest.raises(ValidationError):
        close_problem(s, pr.id, "again", D(2022, 3, 13), ACTOR)
    with pytest.raises(ValidationError):
        update_problem(s, pr.id, closed.to_input(), ACTOR, as_of=D(2022, 6, 1))

    reopen_problem(s, pr.id, ACTOR, "问题反弹")
    assert s.get(Problem, pr.id).status == "in_progress"
    assert s.get(Problem, pr.id).resolution == ""

    history = problem_history(s, pr.id)
    actions = [e.action for e in reversed(history)]
    assert actions == ["create", "create", "update", "close", "reopen"]
    assert [e.action_label for e in reversed(history)][3:] == ["销号", "撤销销号"]
    assert all(e.actor == ACTOR for e in history)
    close_entry = history[1]
    assert close_entry.changes["status"] == ["in_progress", "closed"]
    assert close_entry.changes["resolution"] == ["", "指标已调剂到位"]
    note_entry = history[3]
    assert note_entry.entity == "problem_note"
    assert note_entry.changes["text"] == [None, "已对接自然资源局"]


def test_update_logs_changes_and_guards_concurrent_edits(session):
    s = session
    pr = make_problem(s)
    data = pr.to_input()
    data.deadline = D(2022, 4, 10)
    data.responsible_person = "李四"
    after = update_problem(
        s, pr.id, data, ACTOR, as_of=D(2022, 3, 25), expected_updated_at=pr.updated_at
    )
    assert after.row.deadline == D(2022, 4, 10)
    entry = problem_history(s, pr.id)[0]
    assert entry.changes == {
        "deadline": ["2022-03-20", "2022-04-10"],
        "responsible_person": ["张三", "李四"],
    }
    # Nothing changed: nothing logged.
    update_problem(s, pr.id, data, ACTOR, as_of=D(2022, 3, 25))
    assert len(problem_history(s, pr.id)) == 2
    with pytest.raises(ConcurrentEditError):
        update_problem(
            s, pr.id, data, ACTOR, as_of=D(2022, 3, 25), expected_updated_at=pr.updated_at
        )


def test_input_errors_in_chinese(session):
    s = session
    with pytest.raises(ValidationError) as err:
        create_problem(
            s,
            ProblemInput(
                description="",
                raised_on="2022-13-01",
                category="weird",
                status="closed",
                unit_id="nope",
            ),
            ACTOR,
        )
    errors = err.value.errors
    assert errors["description"] == "请填写问题描述"
    assert "raised_on" in errors
    assert errors["category"] == "问题类别无效"
    assert "销号" in errors["status"]
    assert errors["unit_id"] == "所选责任单位不存在或已删除"
    with pytest.raises(ValidationError) as err:
        make_problem(s, deadline=D(2022, 2, 1))
    assert err.value.errors["deadline"] == "办结时限不能早于提出日期"
    with pytest.raises(ValidationError) as err:
        add_note(s, make_problem(s).id, "", ACTOR, noted_on=D(2022, 3, 2))
    assert err.value.errors["text"] == "请填写办理进展"


def test_ledger_filters_search_counts_and_task_force_from_project(session):
    s = session
    units = unit_ids(s)
    tf = TaskForce(name="汽车零部件专班", head_leader="王区长")
    s.add(tf)
    s.flush()
    p = create_project(s, ProjectInput(name="万向节项目", family="key", task_force_id=tf.id), ACTOR)
    a = make_problem(
        s, "施工许可", unit=units[0], project=p.id, category="approval", deadline=D(2022, 3, 5)
    )
    assert get_problem(s, a.id, as_of=D(2022, 3, 31)).task_force_id == tf.id
    b = make_problem(s, "资金缺口", unit=units[0], category="funding", deadline=D(2022, 5, 1))
    c = make_problem(s, "道路配套", unit=units[1], category="factors", deadline=D(2022, 3, 1))
    close_problem(s, c.id, "已完成", D(2022, 3, 2), ACTOR)
    as_of = D(2022, 3, 31)

    def ids(**kw):
        return {r.id for r in list_problems(s, ProblemFilter(**kw), as_of=as_of)}

    assert ids() == {a.id, b.id, c.id}
    assert ids(unit_id=units[0]) == {a.id, b.id}
    assert ids(task_force_id=tf.id) == {a.id}
    assert ids(category="funding") == {b.id}
    assert ids(status="closed") == {c.id}
    assert ids(status="active") == {a.id, b.id}
    assert ids(overdue_only=True) == {a.id}
    assert ids(text="万向节") == {a.id}
    assert ids(text="资金") == {b.id}
    assert count_problems(s, ProblemFilter(unit_id=units[0]), as_of=as_of) == 2
    rows = list_problems(s, as_of=as_of, sort="days_overdue", descending=True)
    assert rows[0].id == a.id and rows[0].overdue and rows[0].days_overdue == 26
    assert [
        r.id
        for r in list_problems(s, as_of=as_of, offset=1, limit=1, sort="deadline", descending=False)
    ] == [a.id]
    counts = counts_by_unit(s, as_of=as_of)
    first = counts[0]
    assert (first.unit_id, first.total, first.active, first.overdue, first.closed) == (
        units[0],
        2,
        2,
        1,
        0,
    )
    assert (counts[1].total, counts[1].closed) == (1, 1)

    delete_problem(s, b.id, ACTOR)
    assert ids() == {a.id, c.id}
    with pytest.raises(NotFoundError):
        get_problem(s, b.id, as_of=as_of)
