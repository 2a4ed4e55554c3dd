import datetime as dt

import pytest

from jianan_desk.domain.stages import (
    PIPELINE,
    Stage,
    StageEventData,
    StageRuleError,
    current_stage,
    reached,
    stage_from_label,
    validate_history,
)

D = dt.date


def ev(stage, y, m, d):
    return StageEventData(stage, D(y, m, d))


def test_pipeline_order_and_labels():
    assert [s.label for s in PIPELINE] == ["线索", "洽谈", "签约", "履约", "开工", "投产/运营"]
    assert Stage.DROPPED.rank == -1
    assert Stage.SIGNED.rank < Stage.STARTED.rank


def test_later_stage_cannot_be_dated_before_earlier():
    with pytest.raises(StageRuleError, match="开工"):
        validate_history([ev(Stage.SIGNED, 2021, 5, 1), ev(Stage.STARTED, 2021, 4, 1)])


def test_same_day_steps_are_fine():
    validate_history([ev(Stage.SIGNED, 2022, 1, 4), ev(Stage.STARTED, 2022, 1, 4)])


def test_current_stage_is_furthest_reached_by_date():
    history = [
        ev(Stage.LEAD, 2021, 1, 1),
        ev(Stage.SIGNED, 2021, 3, 1),
        ev(Stage.STARTED, 2022, 1, 4),
    ]
    assert current_stage(history) is Stage.STARTED
    assert current_stage(history, as_of=D(2021, 12, 31)) is Stage.SIGNED
    assert current_stage([], as_of=D(2021, 1, 1)) is Stage.LEAD


def test_dropped_wins_when_latest():
    history = [ev(Stage.NEGOTIATING, 2021, 1, 1), ev(Stage.DROPPED, 2021, 6, 1)]
    assert current_stage(history) is Stage.DROPPED
    assert current_stage(history, as_of=D(2021, 3, 1)) is Stage.NEGOTIATING


def test_reached_counts_later_stages():
    history = [ev(Stage.SIGNED, 2021, 3, 1), ev(Stage.OPERATING, 2021, 9, 1)]
    assert reached(Stage.PERFORMING, history, D(2021, 12, 31))
    assert not reached(Stage.PERFORMING, history, D(2021, 8, 31))


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("签约", Stage.SIGNED),
        ("在谈", Stage.NEGOTIATING),
        ("投产", Stage.OPERATING),
        ("signed", Stage.SIGNED),
    ],
)
def test_stage_from_label(text, stage):
    assert stage_from_label(text) is stage


def test_unknown_stage_label():
    with pytest.raises(StageRuleError, match="无法识别"):
        stage_from_label("筹备")
