"""The 项目库 kanban's data: per stage, the count and sum of the filtered set and its first cards.

A board over 100,000 projects never materialises every card: ``load_board`` runs one
grouped query for every column's count and total investment (``stage_summary``, read from
a covering index), then, per non-empty column, the ids of its ``limit`` most recently
changed projects (``fetch_board_card_ids``: the plan depends on the column's count), and
one ``fetch_rows`` for all of them. ``more_cards`` fetches a column's next cards (the
"显示更多…" button) in the same order. The column counts add up to the list's footer
(``count_and_sum`` of the same filter).

The board widget runs the same work on two threads instead of one after the other: the
summary (``stage_summary``) beside ``walk_first_cards`` (one walk down the ``updated_at``
index that fills every column at once and stops when the summary's counts say the columns
are full, or when told to: ``stop_walk``); ``missing_columns`` then names the columns the
walk left short and ``complete_cards`` fetches them; ``board_from`` puts it together.

``first_cards`` is that card path in one call that never waits for the summary: the walk,
then the columns it left short (by the summary's counts if they are in by then, else by
the one shared plan that needs no count), so the board shows its cards while the grouped
summary is still running and fills the column headers when it arrives.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from jianan_desk.domain.stages import PIPELINE, Stage
from jianan_desk.services import project_query
from jianan_desk.services.project_query import (
    CancelToken,
    ProjectFilter,
    ProjectRow,
    StageTotal,
    fetch_board_card_ids,
    fetch_rows,
    fetch_stage_card_ids,
    interruptible,
    stage_summary,
    walk_board_card_ids,
)

CARDS_PER_COLUMN = 20  # cards a column shows at first (a column on screen shows ~8)
MORE_CARDS = 40  # cards each "显示更多…" adds
# Fewer matches than this in all: the matches are sparse along the updated_at index, and
# the walk would visit most of the table; each column's own plan is cheaper.
WALK_MIN_TOTAL = 5_000
BOARD_ORDER: tuple[Stage, ...] = (*PIPELINE, Stage.DROPPED)  # the columns, left to right


@dataclass(frozen=True)
class BoardColumnData:
    """One stage's column: its count and total investment (万元) and its first cards."""

    stage: str
    label: str
    count: int
    total_investment_wan: Decimal
    cards: tuple[ProjectRow, ...]

    @property
    def hidden(self) -> int:
        """Matching projects not among ``cards`` (what "显示更多…" can still fetch)."""
        return max(0, self.count - len(self.cards))


@dataclass(frozen=True)
class BoardData:
    columns: tuple[BoardColumnData, ...]  # pipeline order, 终止 last

    @property
    def count(self) -> int:
        return sum(c.count for c in self.columns)

    @property
    def total_investment_wan(self) -> Decimal:
        return sum((c.total_investment_wan for c in self.columns), Decimal(0))


def load_board(
    session: Session,
    f: ProjectFilter,
    *,
    limit: int = CARDS_PER_COLUMN,
    today: dt.date | None = None,
) -> BoardData:
    """Every column of the board over ``f``: counts and sums, and ``limit`` cards each."""
    totals = stage_summary(session, f)
    ids = fetch_board_card_ids(session, f, {t.stage: t.count for t in totals}, limit)
    rows = fetch_rows(session, [i for stage_ids in ids.values() for i in stage_ids], today=today)
    by_id = {r.id: r for r in rows}
    return BoardData(
        tuple(
            BoardColumnData(
                t.stage,
                t.label,
                t.count,
                t.total_investment_wan,
                tuple(by_id[i] for i in ids.get(t.stage, ()) if i in by_id),
            )
            for t in totals
        )
    )


def _rows_by_stage(
    session: Session, ids: dict[str, list[str]], today: dt.date | None
) -> dict[str, list[ProjectRow]]:
    rows = fetch_rows(session, [i for stage_ids in ids.values() for i in stage_ids], today=today)
    by_id = {r.id: r for r in rows}
    return {stage: [by_id[i] for i in stage_ids if i in by_id] for stage, stage_ids in ids.items()}


def walk_first_cards(
    session: Session,
    f: ProjectFilter,
    *,
    limit: int = CARDS_PER_COLUMN,
    counts: Callable[[], dict[str, int] | None] = lambda: None,
    stop: threading.Event | None = None,
    token: CancelToken | None = None,
    today: dt.date | None = None,
) -> dict[str, list[ProjectRow]]:
    """Each column's first cards from one walk (``walk_board_card_ids``), as rows; a column
    may be short (stopped early, or its matches are rare): see ``missing_columns``."""
    ids, _complete = walk_board_card_ids(session, f, limit, counts=counts, stop=stop, token=token)
    return _rows_by_stage(session, ids, today)


def first_cards(
    session: Session,
    f: ProjectFilter,
    *,
    limit: int = CARDS_PER_COLUMN,
    counts: Callable[[], dict[str, int] | None] = lambda: None,
    stop: threading.Event | None = None,
    token: CancelToken | None = None,
    today: dt.date | None = None,
) -> dict[str, list[ProjectRow]]:
    """Every column's first ``limit`` cards (``load_board``'s cards), without waiting for
    the summary: one walk down the ``updated_at`` index, then the columns it left short.
    A short column's count is taken from ``counts()`` when the summary has answered by
    then (empty columns are then not queried, big ones get their own walk); otherwise
    ``limit`` stands in for it, which picks the plan that scans the filter's matches once
    and sorts them: right for any count, only slower for a column with many matches (a
    column the walk did not fill has few, or the walk was stopped)."""

    def walk_counts() -> dict[str, int] | None:
        # once the counts are in, the walk need fill only the big columns: the small ones
        # are completed by one shared query below whatever the walk found for them
        known = counts()
        if known is None:
            return None
        return {st: n if n >= project_query.CARD_WALK_MIN else 0 for st, n in known.items()}

    ids, _complete = walk_board_card_ids(
        session, f, limit, counts=walk_counts, stop=stop, token=token
    )
    stages = [s.value for s in BOARD_ORDER if not f.stages or s.value in f.stages]
    known = counts()
    if known is not None:
        short = {
            st: known.get(st, 0)
            for st in stages
            if known.get(st, 0) and len(ids.get(st, ())) < min(limit, known.get(st, 0))
        }
    else:
        short = {st: limit for st in stages if len(ids.get(st, ())) < limit}
    if short:
        with interruptible(session, token):
            ids = {**ids, **fetch_board_card_ids(session, f, short, limit)}
    return _rows_by_stage(session, ids, today)


def stop_walk(totals: Sequence[StageTotal]) -> bool:
    """Whether a walk still running beside the summary should stop (nothing matches, or
    so little that the columns' own plans are cheaper than the rest of the walk)."""
    return sum(t.count for t in totals) < WALK_MIN_TOTAL


def missing_columns(
    totals: Sequence[StageTotal], cards: dict[str, list[ProjectRow]], limit: int
) -> dict[str, int]:
    """Stages (with their counts) whose cards are fewer than the column should show."""
    return {
        t.stage: t.count
        for t in totals
        if t.count and len(cards.get(t.stage, ())) < min(limit, t.count)
    }


def complete_cards(
    session: Session,
    f: ProjectFilter,
    missing: dict[str, int],
    *,
    limit: int = CARDS_PER_COLUMN,
    today: dt.date | None = None,
) -> dict[str, list[ProjectRow]]:
    """The first cards of the ``missing`` columns, each by its own plan."""
    return _rows_by_stage(session, fetch_board_card_ids(session, f, missing, limit), today)


def board_from(
    totals: Sequence[StageTotal], cards: dict[str, list[ProjectRow]], limit: int
) -> BoardData:
    """The board of the summary's ``totals`` with (at most ``limit`` of) ``cards``."""
    return BoardData(
        tuple(
            BoardColumnData(
                t.stage,
                t.label,
                t.count,
                t.total_investment_wan,
                tuple(cards.get(t.stage, ())[:limit]) if t.count else (),
            )
            for t in totals
        )
    )


def more_cards(
    session: Session,
    f: ProjectFilter,
    stage: str,
    offset: int,
    *,
    limit: int = MORE_CARDS,
    matches: int | None = None,
    today: dt.date | None = None,
) -> list[ProjectRow]:
    """A column's cards ``offset`` … ``offset + limit`` in the board's order."""
    ids = fetch_stage_card_ids(session, f, stage, offset, limit, matches=matches)
    return fetch_rows(session, ids, today=today)


__all__ = [
    "CARDS_PER_COLUMN",
    "MORE_CARDS",
    "WALK_MIN_TOTAL",
    "BoardColumnData",
    "BoardData",
    "board_from",
    "complete_cards",
    "first_cards",
    "load_board",
    "missing_columns",
    "more_cards",
    "stop_walk",
    "walk_first_cards",
]
