"""Pipeline stages (项目阶段) and the rules that relate them.

The stage of a project is never typed in: it follows from its dated stage events.
A later stage implies the earlier ones happened, so a history is valid only if the
dates never go backwards along the pipeline.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    LEAD = "lead"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    PERFORMING = "performing"
    STARTED = "started"
    OPERATING = "operating"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]

    @property
    def rank(self) -> int:
        """Position along the pipeline; 终止 is off the line and ranks -1."""
        return PIPELINE.index(self) if self in PIPELINE else -1


PIPELINE: tuple[Stage, ...] = (
    Stage.LEAD,
    Stage.NEGOTIATING,
    Stage.SIGNED,
    Stage.PERFORMING,
    Stage.STARTED,
    Stage.OPERATING,
)

STAGE_LABELS: dict[Stage, str] = {
    Stage.LEAD: "线索",
    Stage.NEGOTIATING: "洽谈",
    Stage.SIGNED: "签约",
    Stage.PERFORMING: "履约",
    Stage.STARTED: "开工",
    Stage.OPERATING: "投产/运营",
    Stage.DROPPED: "终止",
}

STAGE_CODES: tuple[str, ...] = tuple(s.value for s in Stage)


class StageRuleError(ValueError):
    """A stage history that breaks the pipeline's order (message in Chinese)."""


@dataclass(frozen=True)
class StageEventData:
    stage: Stage
    occurred_on: dt.date


def stage_from_label(text: str) -> Stage:
    """Accept a code (``signed``) or a Chinese label (签约, 投产, 运营, 在谈…)."""
    t = text.strip()
    for stage in Stage:
        if t == stage.value or t == stage.label:
            return stage
    aliases = {
        "在谈": Stage.NEGOTIATING,
        "洽谈中": Stage.NEGOTIATING,
        "已签约": Stage.SIGNED,
        "已履约": Stage.PERFORMING,
        "已开工": Stage.STARTED,
        "在建": Stage.STARTED,
        "投产": Stage.OPERATING,
        "运营": Stage.OPERATING,
        "已投产": Stage.OPERATING,
        "终止": Stage.DROPPED,
        "已终止": Stage.DROPPED,
    }
    if t in aliases:
        return aliases[t]
    raise StageRuleError(f"无法识别的项目阶段：“{text}”")


def validate_history(events: Iterable[StageEventData]) -> None:
    """Raise StageRuleError if a later pipeline stage is dated before an earlier one.

    Also refuses anything recorded after 终止 (a dropped project must be revived
    explicitly, which the project service models as a new lead event).
    """
    ordered = sorted(
        (e for e in events if e.stage is not Stage.DROPPED), key=lambda e: e.stage.rank
    )
    for earlier, later in itertools.pairwise(ordered):
        if later.occurred_on < earlier.occurred_on:
            raise StageRuleError(
                f"“{later.stage.label}”日期（{later.occurred_on:%Y-%m-%d}）"
                f"早于“{earlier.stage.label}”日期（{earlier.occurred_on:%Y-%m-%d}）"
            )


def current_stage(events: Iterable[StageEventData], as_of: dt.date | None = None) -> Stage:
    """The stage a project is in on ``as_of`` (default: all events).

    The furthest pipeline stage reached wins; 终止 wins if it is the latest event.
    """
    relevant = [e for e in events if as_of is None or e.occurred_on <= as_of]
    if not relevant:
        return Stage.LEAD
    furthest = max(
        (e for e in relevant if e.stage is not Stage.DROPPED),
        key=lambda e: (e.stage.rank, e.occurred_on),
        default=None,
    )
    dropped = max((e.occurred_on for e in relevant if e.stage is Stage.DROPPED), default=None)
    if dropped is not None and (furthest is None or dropped >= furthest.occurred_on):
        return Stage.DROPPED
    return furthest.stage if furthest else Stage.LEAD


def reached(stage: Stage, events: Iterable[StageEventData], as_of: dt.date) -> bool:
    """True if the project had reached ``stage`` (or a later pipeline stage) by ``as_of``."""
    return any(
        e.stage is not Stage.DROPPED and e.stage.rank >= stage.rank and e.occurred_on <= as_of
        for e in events
    )
