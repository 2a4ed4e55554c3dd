"""How a project moves through the pipeline: advance, skip, correct, drop, revive.

Plain Python over a project's *effective* history (its stage events that are not
soft-deleted). Every operation is planned here and applied by ``services.projects``:
a plan names the events to add and the events it supersedes (soft-deletes), the stage
that results, and messages for the user. Nothing is ever overwritten in place.

The rules
---------
* **Advance** to a later pipeline stage, dated on or after every effective event and not
  in the future. Each stage passed over on the way (签约 → 开工 passes 履约) is recorded
  with the same date as a ``skipped`` event, and a message says so. A project with no
  events at all starts from nothing: advancing it to 洽谈 records 线索 as skipped.
* Going **back** (or fixing a stage's date) is a **correction**, with a reason: a
  correction to stage S on date D supersedes every effective event of S or a later
  stage (and any 终止), then records one ``correction`` event of stage S dated D. Its
  stage is S and its date the date the project (truly) reached S, so the effective
  history again reads like a plain one: metrics and checks need not know corrections.
  A correction cannot go forward (that is an advance) and cannot go past the furthest
  stage reached.
* **终止** (drop) needs a reason, is dated on or after every effective event, and ends
  the pipeline: a dropped project cannot advance.
* A drop is reversed only by a correction (``revive`` kind): like any correction it
  supersedes the 终止 event and the events of the target stage and later.

Invariants of an effective history built only by these operations: at most one event
per stage; pipeline dates never go backwards (``stages.validate_history``); a 终止 event
is present only while the project is dropped; the project's cached stage is
``stages.current_stage`` of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from jianan_desk.domain.stages import (
    PIPELINE,
    Stage,
    StageEventData,
    StageRuleError,
    current_stage,
    validate_history,
)


class EventKind(StrEnum):
    ADVANCE = "advance"  # the stage was reached (the normal case)
    SKIPPED = "skipped"  # recorded because a later stage was reached the same day
    CORRECTION = "correction"  # history rewritten back to (or re-dated at) this stage
    DROP = "drop"  # 终止
    REVIVE = "revive"  # a correction that reverses 终止

    @property
    def label(self) -> str:
        return EVENT_KIND_LABELS[self]


EVENT_KIND_LABELS: dict[EventKind, str] = {
    EventKind.ADVANCE: "推进",
    EventKind.SKIPPED: "补记",
    EventKind.CORRECTION: "更正",
    EventKind.DROP: "终止",
    EventKind.REVIVE: "恢复",
}

EVENT_KINDS: tuple[str, ...] = tuple(k.value for k in EventKind)


class StageTransitionError(StageRuleError):
    """An operation the rules refuse. ``field`` names the input to blame (for a form):
    ``stage``, ``on`` or ``reason``; ``needs_correction`` is set when the user tried to
    go back, so that a UI can offer the correction dialog instead."""

    def __init__(self, message: str, *, field: str = "stage", needs_correction: bool = False):
        super().__init__(message)
        self.field = field
        self.needs_correction = needs_correction


@dataclass(frozen=True)
class HistoryEvent:
    """An effective (not soft-deleted) event of a project's history."""

    stage: Stage
    occurred_on: dt.date
    kind: EventKind = EventKind.ADVANCE
    id: str | None = None


@dataclass(frozen=True)
class NewEvent:
    stage: Stage
    occurred_on: dt.date
    kind: EventKind
    note: str = ""
    reason: str = ""


@dataclass(frozen=True)
class TransitionPlan:
    """What an operation does: events to add, event ids to supersede, the outcome."""

    before: Stage
    after: Stage
    new_events: tuple[NewEvent, ...]
    supersede_ids: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()


@dataclass(frozen=True)
class StageOptions:
    """What the UI may offer for a project (kanban drop targets, the form's menu)."""

    current: Stage
    advance_to: tuple[Stage, ...]
    correct_to: tuple[Stage, ...]
    can_drop: bool
    earliest_on: dt.date | None  # the earliest date an advance or drop may carry
    furthest: Stage | None = None  # furthest pipeline stage reached (None: no events)
    dates: dict[Stage, dt.date] = field(default_factory=dict)  # effective date per stage


def _fmt(day: dt.date) -> str:
    return f"{day:%Y-%m-%d}"


def _data(history: Iterable[HistoryEvent]) -> list[StageEventData]:
    return [StageEventData(e.stage, e.occurred_on) for e in history]


def state_of(history: Sequence[HistoryEvent]) -> Stage:
    """The stage an effective history implies (``stages.current_stage``)."""
    return current_stage(_data(history))


def _furthest(history: Sequence[HistoryEvent]) -> HistoryEvent | None:
    pipeline = [e for e in history if e.stage is not Stage.DROPPED]
    return max(pipeline, key=lambda e: (e.stage.rank, e.occurred_on), default=None)


def _latest(history: Sequence[HistoryEvent]) -> HistoryEvent | None:
    # The stage breaks a tie of dates: the history comes in whatever order the index gives.
    return max(history, key=lambda e: (e.occurred_on, e.stage.rank), default=None)


def _check_day(on: dt.date, today: dt.date) -> None:
    if on > today:
        raise StageTransitionError(f"日期（{_fmt(on)}）不能晚于今天（{_fmt(today)}）", field="on")


def _check_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise StageTransitionError(f"{what}必须填写原因", field="reason")
    return reason


def _not_before_latest(history: Sequence[HistoryEvent], stage: Stage, on: dt.date) -> None:
    latest = _latest(history)
    if latest is not None and on < latest.occurred_on:
        raise StageTransitionError(
            f"“{stage.label}”日期（{_fmt(on)}）不能早于“{latest.stage.label}”日期"
            f"（{_fmt(latest.occurred_on)}）",
            field="on",
        )


def plan_advance(
    history: Sequence[HistoryEvent],
    target: Stage,
    on: dt.date,
    *,
    note: str = "",
    today: dt.date,
) -> TransitionPlan:
    """Advance to ``target`` on ``on``; stages passed over are recorded the same day."""
    before = state_of(history)
    if target is Stage.DROPPED:
        raise StageTransitionError("终止项目请使用“终止”，并填写原因")
    if before is Stage.DROPPED:
        raise StageTransitionError(
            "项目已终止，不能继续推进；如需恢复，请“更正阶段”并填写原因", needs_correction=True
        )
    furthest = _furthest(history)
    reached_rank = furthest.stage.rank if furthest is not None else -1
    if target.rank == reached_rank:
        raise StageTransitionError(f"项目已处于“{target.label}”阶段")
    if target.rank < reached_rank:
        raise StageTransitionError(
            f"项目已到“{furthest.stage.label if furthest else before.label}”阶段，"
            f"不能直接退回“{target.label}”；退回请使用“更正阶段”并填写原因",
            needs_correction=True,
        )
    _check_day(on, today)
    _not_before_latest(history, target, on)
    passed = [s for s in PIPELINE if reached_rank < s.rank < target.rank]
    events = [NewEvent(s, on, EventKind.SKIPPED, note=f"随“{target.label}”补记") for s in passed]
    events.append(NewEvent(target, on, EventKind.ADVANCE, note=(note or "").strip()))
    messages = []
    if passed:
        labels = "、".join(f"“{s.label}”" for s in passed)
        messages.append(f"跳过的{labels}阶段已按 {_fmt(on)} 一并记录")
    after = _result(history, [], events)
    return TransitionPlan(before, after, tuple(events), (), tuple(messages))


def plan_drop(
    history: Sequence[HistoryEvent], on: dt.date, *, reason: str, today: dt.date
) -> TransitionPlan:
    """终止 on ``on``, with a reason."""
    before = state_of(history)
    if before is Stage.DROPPED:
        raise StageTransitionError("项目已终止")
    reason = _check_reason(reason, "终止项目")
    _check_day(on, today)
    _not_before_latest(history, Stage.DROPPED, on)
    events = (NewEvent(Stage.DROPPED, on, EventKind.DROP, reason=reason),)
    after = _result(history, [], events)
    return TransitionPlan(before, after, events, (), ())


def plan_correction(
    history: Sequence[HistoryEvent],
    target: Stage,
    on: dt.date,
    *,
    reason: str,
    note: str = "",
    today: dt.date,
) -> TransitionPlan:
    """Rewrite history back to ``target`` reached on ``on`` (see the module docstring).

    Supersedes every effective event of ``target`` or a later stage and every 终止;
    records one ``correction`` (or, on a dropped project, ``revive``) event.
    """
    before = state_of(history)
    if target is Stage.DROPPED:
        raise StageTransitionError("终止请使用“终止项目”；如需改终止日期，请先恢复再终止")
    reason = _check_reason(reason, "更正阶段")
    furthest = _furthest(history)
    reached_rank = furthest.stage.rank if furthest is not None else 0
    if target.rank > reached_rank:
        raise StageTransitionError(
            f"项目从未到达“{target.label}”阶段，更正不能向前；请使用“推进阶段”"
        )
    _check_day(on, today)
    superseded = [e for e in history if e.stage is Stage.DROPPED or e.stage.rank >= target.rank]
    kept = [e for e in history if e not in superseded]
    latest_kept = _latest(kept)
    if latest_kept is not None and on < latest_kept.occurred_on:
        raise StageTransitionError(
            f"“{target.label}”日期（{_fmt(on)}）不能早于“{latest_kept.stage.label}”日期"
            f"（{_fmt(latest_kept.occurred_on)}）",
            field="on",
        )
    kind = EventKind.REVIVE if before is Stage.DROPPED else EventKind.CORRECTION
    events = (NewEvent(target, on, kind, note=(note or "").strip(), reason=reason),)
    ids = tuple(e.id for e in superseded if e.id is not None)
    undone = sorted(
        {e.stage for e in superseded if e.stage is not target},
        key=lambda s: (s is Stage.DROPPED, s.rank),
    )
    messages = []
    if before is Stage.DROPPED:
        messages.append(f"项目已恢复到“{target.label}”阶段（{_fmt(on)}）")
    old_dates = sorted({e.occurred_on for e in superseded if e.stage is target})
    if old_dates and old_dates != [on]:
        was = "、".join(_fmt(d) for d in old_dates)
        messages.append(f"“{target.label}”日期由 {was} 更正为 {_fmt(on)}")
    if [s for s in undone if s is not Stage.DROPPED]:
        labels = "、".join(f"“{s.label}”" for s in undone if s is not Stage.DROPPED)
        messages.append(f"已撤销{labels}阶段记录（保留在更正历史中）")
    after = _result(history, superseded, events)
    return TransitionPlan(before, after, events, ids, tuple(messages))


def _result(
    history: Sequence[HistoryEvent],
    superseded: Sequence[HistoryEvent],
    new_events: Iterable[NewEvent],
) -> Stage:
    """The stage after applying a plan; also re-checks the pipeline's date order."""
    effective = [StageEventData(e.stage, e.occurred_on) for e in history if e not in superseded]
    effective += [StageEventData(e.stage, e.occurred_on) for e in new_events]
    validate_history(effective)
    return current_stage(effective)


def options(history: Sequence[HistoryEvent]) -> StageOptions:
    """What can be done to a project with this effective history."""
    current = state_of(history)
    furthest = _furthest(history)
    reached_rank = furthest.stage.rank if furthest is not None else -1
    latest = _latest(history)
    dates = {e.stage: e.occurred_on for e in history}
    if current is Stage.DROPPED:
        advance_to: tuple[Stage, ...] = ()
    else:
        advance_to = tuple(s for s in PIPELINE if s.rank > reached_rank)
    correct_to = tuple(s for s in PIPELINE if s.rank <= max(reached_rank, 0))
    return StageOptions(
        current=current,
        advance_to=advance_to,
        correct_to=correct_to,
        can_drop=current is not Stage.DROPPED,
        earliest_on=latest.occurred_on if latest else None,
        furthest=furthest.stage if furthest else None,
        dates=dates,
    )


def stage_since(history: Sequence[HistoryEvent]) -> dt.date | None:
    """The date the project entered its current stage (for "days in stage")."""
    current = state_of(history)
    if current is Stage.DROPPED:
        return max((e.occurred_on for e in history if e.stage is Stage.DROPPED), default=None)
    dates = [e.occurred_on for e in history if e.stage is current]
    return min(dates) if dates else None


def signed_on(history: Sequence[HistoryEvent]) -> dt.date | None:
    """The effective signing date (签约), if the project signed."""
    dates = [e.occurred_on for e in history if e.stage is Stage.SIGNED]
    return min(dates) if dates else None
