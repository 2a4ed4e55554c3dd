"""The 项目库 kanban's data: per stage, the count and sum of the filtered set and its first cards.

A board over 100,000 projects never materialises every card: ``load_board`` runs one
grouped query for every column's count and total investment (``stage_summary``, read from
a covering index), then, per non-empty column, the ids of its ``limit`` most recently
changed projects (``fetch_board_card_ids``: the plan depends on the column's count), and
one ``fetch_rows`` for all of them. ``more_cards`` fetches a column's next cards (the
"显示更多…" button) in the same order. The column counts add up to the list's footer
(``count_and_sum`` of the same filter).

The board widget shows its cards before the column headers: ``first_cards`` first (one
walk down the ``updated_at`` index filling every column at once, then the columns it left
short), and only once they are in, ``stage_summary`` for the headers' counts and 亿元. Run
side by side, the two competed for the CPUs and the cards came late (signed 2021 on the
100k database: 100–126 ms to the cards, against 47–56 ms for ``first_cards`` alone).

A text search (issues 3/12) walks with its terms as a flag per row, not in the WHERE
clause, so the walk counts what it reads: a common term (z, sj, 深圳) fills the columns
within a few thousand rows; a rare one (喆, 汉富, qn) is given up on at the first check and
found by the columns' shared query through its index (PostgreSQL: the gram index of
migration 0009 or pg_trgm; SQLite: one scan of the covering key index). On PostgreSQL the
walk reads a server-side cursor in steps, so the server stops with it. 100k database,
medians (noisy, load 0.7–1.8): PostgreSQL 喆/汉富/qn 90–100 ms → 12–17 ms, z/sj/深圳/智能
150–260 ms → 15–27 ms, no filter 235 → 21 ms; SQLite rare terms 500–650 → 49–82 ms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from jianan_desk.domain.stages import PIPELINE, Stage
from jianan_desk.services.project_query import (
    CancelToken,
    ProjectFilter,
    ProjectRow,
    fetch_board_card_ids,
    fetch_rows,
    fetch_stage_card_ids,
    interruptible,
    stage_summary,
    walk_board_card_ids,
)

CARDS_PER_COLUMN = 20  # cards a column shows at first (a column on screen shows ~8)
MORE_CARDS = 40  # cards each "显示更多…" adds
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


def first_cards(
    session: Session,
    f: ProjectFilter,
    *,
    limit: int = CARDS_PER_COLUMN,
    token: CancelToken | None = None,
    today: dt.date | None = None,
) -> dict[str, list[ProjectRow]]:
    """Every column's first ``limit`` cards (``load_board``'s cards), without the summary's
    counts: one walk down the ``updated_at`` index (stopped when every column is full, or
    after ``walk_board_card_ids``'s cap of matches), then the columns it left short, each
    taken as holding ``limit`` matches: the plan that scans the filter's matches once and
    sorts them, right for any count (a column the walk did not fill has few matches).
    ``token`` cancelled raises ``QueryCancelled`` (SQLite: the running statement is
    interrupted). A text search's walk reads at most ``BOARD_WALK_BUDGET`` rows and
    gives up early on a rare term (``walk_board_card_ids``): every column is then short
    and the shared query, which carries the term's index condition, finds the cards.

    A signing period of at most a year (签约年份) skips the walk: its matches are few and
    spread thinly along the ``updated_at`` index, and the 线索/洽谈 columns have (next to)
    none, so the walk always ran to its cap and the shared query still followed for
    those columns; that query alone serves every column for about the same cost (100k
    database, signed 2021, measured side by side: 25 ms instead of 37)."""
    stages = [s.value for s in BOARD_ORDER if not f.stages or s.value in f.stages]
    ids: dict[str, list[str]] = {}
    if not _within_a_year(f):
        ids, _complete = walk_board_card_ids(session, f, limit, token=token)
    short = {st: limit for st in stages if len(ids.get(st, ())) < limit}
    if short:
        with interruptible(session, token):
            ids = {**ids, **fetch_board_card_ids(session, f, short, limit)}
    return _rows_by_stage(session, ids, today)


def _within_a_year(f: ProjectFilter) -> bool:
    """Whether ``f`` keeps only projects signed within one year at most."""
    if f.signed_year is not None:
        return True
    if f.signed_from is None or f.signed_to is None:
        return False
    return (f.signed_to - f.signed_from).days <= 366


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
    "BoardColumnData",
    "BoardData",
    "first_cards",
    "load_board",
    "more_cards",
]
