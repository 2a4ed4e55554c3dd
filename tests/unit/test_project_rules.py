"""Every transition case of the pipeline rules, without a database."""

import datetime as dt

import pytest

from jianan_desk.domain.project_rules import (
    EventKind,
    HistoryEvent,
    StageTransitionError,
    options,
    plan_advance,
    plan_correction,
    plan_drop,
    signed_on,
    stage_since,
    state_of,
)
from jianan_desk.domain.stages import Stage, StageEventData, current_stage, validate_history

D = dt.date
TODAY = D(2022, 3, 31)


def ev(stage, day, kind=EventKind.ADVANCE, ident=None):
    return HistoryEvent(stage, day, kind, ident or f"{stage.value}-{day}")


def apply(history, plan):
    """The effective history after a plan (what the service writes)."""
    kept = [e for e in history if e.id not in plan.supersede_ids]
    added = [ev(n.stage, n.occurred_on, n.kind, f"new-{i}") for i, n in enumerate(plan.new_events)]
    result = kept + added
    # the invariants every plan keeps
    validate_history([StageEventData(e.stage, e.occurred_on) for e in result])
    assert current_stage([StageEventData(e.stage, e.occurred_on) for e in result]) is plan.after
    stages = [e.stage for e in result]
    assert len(stages) == len(set(stages)), "at most one effective event per stage"
    return result


SIGNED = [
    ev(Stage.LEAD, D(2021, 1, 5)),
    ev(Stage.NEGOTIATING, D(2021, 2, 1)),
    ev(Stage.SIGNED, D(2021, 6, 1)),
]


# ---------------------------------------------------------------- advance


def test_advance_to_the_next_stage():
    plan = plan_advance(SIGNED, Stage.PERFORMING, D(2021, 7, 1), note="公司注册", today=TODAY)
    assert (plan.before, plan.after) == (Stage.SIGNED, Stage.PERFORMING)
    assert [(e.stage, e.kind, e.note) for e in plan.new_events] == [
        (Stage.PERFORMING, EventKind.ADVANCE, "公司注册")
    ]
    assert plan.supersede_ids == () and plan.messages == ()
    apply(SIGNED, plan)


def test_skipping_records_the_skipped_stages_the_same_day_and_says_so():
    plan = plan_advance(SIGNED, Stage.STARTED, D(2022, 1, 4), today=TODAY)
    assert [(e.stage, e.occurred_on, e.kind) for e in plan.new_events] == [
        (Stage.PERFORMING, D(2022, 1, 4), EventKind.SKIPPED),
        (Stage.STARTED, D(2022, 1, 4), EventKind.ADVANCE),
    ]
    assert plan.after is Stage.STARTED
    assert len(plan.messages) == 1 and "履约" in plan.messages[0]
    assert "2022-01-04" in plan.messages[0]
    apply(SIGNED, plan)


def test_skipping_several_stages():
    history = [ev(Stage.LEAD, D(2021, 1, 5))]
    plan = plan_advance(history, Stage.OPERATING, D(2021, 3, 1), today=TODAY)
    assert [e.stage for e in plan.new_events] == [
        Stage.NEGOTIATING,
        Stage.SIGNED,
        Stage.PERFORMING,
        Stage.STARTED,
        Stage.OPERATING,
    ]
    assert "洽谈" in plan.messages[0] and "开工" in plan.messages[0]
    apply(history, plan)


def test_a_project_without_events_starts_from_nothing():
    plan = plan_advance([], Stage.LEAD, D(2021, 1, 1), today=TODAY)
    assert [(e.stage, e.kind) for e in plan.new_events] == [(Stage.LEAD, EventKind.ADVANCE)]
    plan = plan_advance([], Stage.NEGOTIATING, D(2021, 1, 1), today=TODAY)
    assert [(e.stage, e.kind) for e in plan.new_events] == [
        (Stage.LEAD, EventKind.SKIPPED),
        (Stage.NEGOTIATING, EventKind.ADVANCE),
    ]


def test_same_day_is_allowed():
    plan = plan_advance(SIGNED, Stage.PERFORMING, D(2021, 6, 1), today=TODAY)
    apply(SIGNED, plan)


def test_an_earlier_date_than_the_last_stage_is_refused():
    with pytest.raises(StageTransitionError, match="不能早于“签约”") as info:
        plan_advance(SIGNED, Stage.STARTED, D(2021, 5, 31), today=TODAY)
    assert info.value.field == "on"
    assert not info.value.needs_correction


@pytest.mark.parametrize("order", [1, -1])
def test_the_refusal_names_the_furthest_stage_of_the_latest_day_in_any_order(order):
    # 签约 straight from 线索 records 洽谈 the same day; the history comes in index order.
    history = [
        ev(Stage.LEAD, D(2021, 1, 5)),
        ev(Stage.NEGOTIATING, D(2021, 6, 1), EventKind.SKIPPED),
        ev(Stage.SIGNED, D(2021, 6, 1)),
    ][::order]
    with pytest.raises(StageTransitionError, match="不能早于“签约”"):
        plan_advance(history, Stage.STARTED, D(2021, 5, 31), today=TODAY)


def test_a_future_date_is_refused():
    with pytest.raises(StageTransitionError, match="不能晚于今天") as info:
        plan_advance(SIGNED, Stage.PERFORMING, D(2022, 4, 1), today=TODAY)
    assert info.value.field == "on"


def test_the_current_stage_again_is_refused():
    with pytest.raises(StageTransitionError, match="已处于“签约”"):
        plan_advance(SIGNED, Stage.SIGNED, D(2021, 7, 1), today=TODAY)


def test_going_back_is_refused_and_points_to_a_correction():
    with pytest.raises(StageTransitionError, match="更正") as info:
        plan_advance(SIGNED, Stage.NEGOTIATING, D(2021, 7, 1), today=TODAY)
    assert info.value.needs_correction


def test_advance_to_dropped_is_refused():
    with pytest.raises(StageTransitionError, match="终止"):
        plan_advance(SIGNED, Stage.DROPPED, D(2021, 7, 1), today=TODAY)


# ---------------------------------------------------------------- drop and revive

DROPPED = [*SIGNED, ev(Stage.DROPPED, D(2021, 9, 1), EventKind.DROP)]


def test_drop_needs_a_reason():
    for reason in ("", "   "):
        with pytest.raises(StageTransitionError, match="原因") as info:
            plan_drop(SIGNED, D(2021, 9, 1), reason=reason, today=TODAY)
        assert info.value.field == "reason"


def test_drop_with_a_reason():
    plan = plan_drop(SIGNED, D(2021, 9, 1), reason=" 企业资金链断裂 ", today=TODAY)
    assert plan.after is Stage.DROPPED
    assert [(e.stage, e.kind, e.reason) for e in plan.new_events] == [
        (Stage.DROPPED, EventKind.DROP, "企业资金链断裂")
    ]
    apply(SIGNED, plan)


def test_drop_on_the_day_of_the_last_stage_wins_but_not_before_it():
    plan = plan_drop(SIGNED, D(2021, 6, 1), reason="放弃", today=TODAY)
    assert plan.after is Stage.DROPPED
    with pytest.raises(StageTransitionError, match="不能早于"):
        plan_drop(SIGNED, D(2021, 5, 1), reason="放弃", today=TODAY)


def test_a_dropped_project_cannot_advance_or_be_dropped_again():
    assert state_of(DROPPED) is Stage.DROPPED
    with pytest.raises(StageTransitionError, match="已终止") as info:
        plan_advance(DROPPED, Stage.PERFORMING, D(2021, 10, 1), today=TODAY)
    assert info.value.needs_correction
    with pytest.raises(StageTransitionError, match="已终止"):
        plan_drop(DROPPED, D(2021, 10, 1), reason="x", today=TODAY)


def test_revive_only_by_a_correction_with_a_reason():
    with pytest.raises(StageTransitionError, match="原因"):
        plan_correction(DROPPED, Stage.NEGOTIATING, D(2022, 1, 10), reason="", today=TODAY)
    plan = plan_correction(
        DROPPED, Stage.NEGOTIATING, D(2022, 1, 10), reason="企业重启谈判", today=TODAY
    )
    assert (plan.before, plan.after) == (Stage.DROPPED, Stage.NEGOTIATING)
    assert [(e.stage, e.kind) for e in plan.new_events] == [(Stage.NEGOTIATING, EventKind.REVIVE)]
    # the drop and the events of 洽谈 and later are superseded
    assert set(plan.supersede_ids) == {
        "dropped-2021-09-01",
        "negotiating-2021-02-01",
        "signed-2021-06-01",
    }
    assert any("恢复" in m for m in plan.messages)
    after = apply(DROPPED, plan)
    assert state_of(after) is Stage.NEGOTIATING


def test_revive_at_the_stage_it_was_dropped_in():
    plan = plan_correction(DROPPED, Stage.SIGNED, D(2021, 6, 1), reason="误操作", today=TODAY)
    assert plan.after is Stage.SIGNED
    after = apply(DROPPED, plan)
    assert signed_on(after) == D(2021, 6, 1)


# ---------------------------------------------------------------- corrections

STARTED = [
    *SIGNED,
    ev(Stage.PERFORMING, D(2022, 1, 4), EventKind.SKIPPED),
    ev(Stage.STARTED, D(2022, 1, 4)),
]


def test_going_back_is_a_correction_with_a_reason():
    with pytest.raises(StageTransitionError, match="原因") as info:
        plan_correction(STARTED, Stage.SIGNED, D(2021, 6, 1), reason=" ", today=TODAY)
    assert info.value.field == "reason"
    plan = plan_correction(STARTED, Stage.SIGNED, D(2021, 6, 1), reason="开工信息有误", today=TODAY)
    assert (plan.before, plan.after) == (Stage.STARTED, Stage.SIGNED)
    assert [(e.stage, e.kind, e.reason) for e in plan.new_events] == [
        (Stage.SIGNED, EventKind.CORRECTION, "开工信息有误")
    ]
    # the later events it undoes and the 签约 event it re-records are superseded
    assert set(plan.supersede_ids) == {
        "signed-2021-06-01",
        "performing-2022-01-04",
        "started-2022-01-04",
    }
    assert any("履约" in m and "开工" in m for m in plan.messages)
    after = apply(STARTED, plan)
    assert signed_on(after) == D(2021, 6, 1)


def test_a_correction_can_fix_a_date_at_the_same_stage():
    plan = plan_correction(SIGNED, Stage.SIGNED, D(2021, 5, 20), reason="合同日期录错", today=TODAY)
    assert plan.after is Stage.SIGNED
    assert any("2021-06-01" in m and "2021-05-20" in m for m in plan.messages)
    after = apply(SIGNED, plan)
    assert signed_on(after) == D(2021, 5, 20)


def test_a_correction_keeps_the_date_order_with_what_it_keeps():
    with pytest.raises(StageTransitionError, match="不能早于“洽谈”") as info:
        plan_correction(STARTED, Stage.SIGNED, D(2021, 1, 20), reason="x", today=TODAY)
    assert info.value.field == "on"
    with pytest.raises(StageTransitionError, match="不能晚于今天"):
        plan_correction(STARTED, Stage.SIGNED, D(2022, 4, 1), reason="x", today=TODAY)


def test_a_correction_cannot_go_forward_or_to_dropped():
    with pytest.raises(StageTransitionError, match="推进"):
        plan_correction(SIGNED, Stage.STARTED, D(2021, 7, 1), reason="x", today=TODAY)
    with pytest.raises(StageTransitionError, match="终止"):
        plan_correction(SIGNED, Stage.DROPPED, D(2021, 7, 1), reason="x", today=TODAY)


def test_a_correction_back_to_lead():
    plan = plan_correction(STARTED, Stage.LEAD, D(2021, 1, 5), reason="重新登记", today=TODAY)
    after = apply(STARTED, plan)
    assert [e.stage for e in after] == [Stage.LEAD]
    assert plan.after is Stage.LEAD


def test_correcting_twice_supersedes_the_first_correction():
    first = plan_correction(STARTED, Stage.SIGNED, D(2021, 6, 1), reason="a", today=TODAY)
    after = apply(STARTED, first)
    second = plan_correction(after, Stage.NEGOTIATING, D(2021, 2, 1), reason="b", today=TODAY)
    assert "new-0" in second.supersede_ids  # the first correction's 签约
    assert state_of(apply(after, second)) is Stage.NEGOTIATING


# ---------------------------------------------------------------- caches and options


def test_stage_since_and_signed_on():
    assert stage_since(STARTED) == D(2022, 1, 4)
    assert signed_on(STARTED) == D(2021, 6, 1)
    assert stage_since(DROPPED) == D(2021, 9, 1)
    assert signed_on([]) is None and stage_since([]) is None


def test_options():
    o = options(SIGNED)
    assert o.current is Stage.SIGNED and o.furthest is Stage.SIGNED
    assert o.advance_to == (Stage.PERFORMING, Stage.STARTED, Stage.OPERATING)
    assert o.correct_to == (Stage.LEAD, Stage.NEGOTIATING, Stage.SIGNED)
    assert o.can_drop and o.earliest_on == D(2021, 6, 1)
    assert o.dates[Stage.SIGNED] == D(2021, 6, 1)
    dropped = options(DROPPED)
    assert dropped.advance_to == () and not dropped.can_drop
    assert dropped.correct_to == (Stage.LEAD, Stage.NEGOTIATING, Stage.SIGNED)
    empty = options([])
    assert empty.current is Stage.LEAD and empty.advance_to[0] is Stage.LEAD
