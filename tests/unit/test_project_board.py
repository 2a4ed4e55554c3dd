"""The kanban's data (services.project_board): column totals from one grouped query, the
first cards of each column in the list's order, "显示更多…" continuing that order, and
both card plans (walk the ``updated_at`` index / scan and sort) giving the same cards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from jianan_desk.services import project_query
from jianan_desk.services.project_board import (
    first_cards,
    load_board,
    more_cards,
)
from jianan_desk.services.project_query import (
    ProjectFilter,
    count_and_sum,
    fetch_board_card_ids,
    fetch_page,
    fetch_stage_card_ids,
    stage_summary,
    walk_board_card_ids,
)
from jianan_desk.services.projects import ProjectInput, create_project, drop_project
from jianan_desk.store.models import Project, Unit

ACTOR = "王招商"
CODES = ("lead", "negotiating", "signed", "performing", "started", "operating", "dropped")


@pytest.fixture
def many(db):
    """28 projects over every stage and two units, amounts 0.05–8.1 亿 (some under 1 亿),
    with distinct ``updated_at`` and a few equal ones (to exercise the id tiebreak)."""
    with db.session() as s:
        units = list(s.scalars(select(Unit.id).limit(2)))
        for n in range(28):
            stage = CODES[n % 7] if n % 7 != 6 else "negotiating"
            d = create_project(
                s,
                ProjectInput(
                    name=f"{'智能' if n % 3 == 0 else '食品'}项目{n:02d}",
                    total_investment_wan=f"{n * 3000 + 500}万",
                    unit_id=units[n % 2],
                ),
                ACTOR,
                stage=stage,
                stage_on="2021-06-01",
            )
            if n % 7 == 6:  # a few 终止 (needs a reason: through the rules' own path)
                drop_project(s, d.id, dt.date(2021, 7, 1), "投资方撤资", ACTOR)
        base = dt.datetime(2022, 1, 1, 8, 0, tzinfo=dt.UTC)
        ids = list(s.scalars(select(Project.id).order_by(Project.name)))
        for n, project_id in enumerate(ids):  # every fifth pair shares a timestamp
            stamp = base + dt.timedelta(minutes=(n // 2) * 2 if n % 5 == 0 else n * 7 % 45)
            s.execute(update(Project).where(Project.id == project_id).values(updated_at=stamp))
    return units


FILTERS = [
    ProjectFilter(),
    ProjectFilter(text="智能"),
    ProjectFilter(over_100m=True),
    ProjectFilter(stages=("lead", "dropped")),
    ProjectFilter(signed_year=2021),
]


def reference_cards(s, f: ProjectFilter, stage: str, offset: int, limit: int) -> list[str]:
    """The list's own order (``fetch_page`` by updated_at descending) for one stage."""
    if f.stages and stage not in f.stages:
        return []
    one = dataclasses.replace(f, stages=(stage,))
    return [r.id for r in fetch_page(s, one, "updated_at", True, offset, limit)]


def test_columns_add_up_to_the_footer_and_show_the_newest_cards(db, many):
    for f in FILTERS:
        check_board(db, f)


def check_board(db, f: ProjectFilter) -> None:
    with db.session(readonly=True) as s:
        board = load_board(s, f, limit=3)
        n, total = count_and_sum(s, f)
        assert (board.count, board.total_investment_wan) == (n, total)
        assert [c.stage for c in board.columns] == list(CODES)
        summary = {t.stage: t for t in stage_summary(s, f)}
        for column in board.columns:
            assert column.count == summary[column.stage].count
            assert column.total_investment_wan == summary[column.stage].total_investment_wan
            assert [r.id for r in column.cards] == reference_cards(s, f, column.stage, 0, 3)
            assert len(column.cards) == min(3, column.count)
            assert column.hidden == column.count - len(column.cards)
            assert all(r.stage == column.stage for r in column.cards)
    assert board.count > 0


def test_both_plans_give_the_same_cards_and_more_continues_the_order(db, many, monkeypatch):
    for walk_min in (1, 10**9):  # every column walks the index / none does
        monkeypatch.setattr(project_query, "CARD_WALK_MIN", walk_min)
        for f in FILTERS:
            check_more(db, f)


def check_more(db, f: ProjectFilter) -> None:
    with db.session(readonly=True) as s:
        counts = {t.stage: t.count for t in stage_summary(s, f)}
        firsts = fetch_board_card_ids(s, f, counts, 2)
        for stage in CODES:
            assert firsts.get(stage, []) == reference_cards(s, f, stage, 0, 2)
            shown = list(firsts.get(stage, []))
            while len(shown) < counts[stage]:
                more = more_cards(s, f, stage, len(shown), limit=2, matches=counts[stage])
                assert more, "显示更多 returned nothing before the column was complete"
                assert [r.id for r in more] == reference_cards(s, f, stage, len(shown), 2)
                shown += [r.id for r in more]
            assert len(shown) == len(set(shown)) == counts[stage]
            assert fetch_stage_card_ids(s, f, stage, len(shown), 2, matches=counts[stage]) == []


def test_stages_outside_the_filter_and_empty_columns_are_not_queried(db, many):
    f = ProjectFilter(stages=("signed",))
    with db.session(readonly=True) as s:
        counts = {t.stage: t.count for t in stage_summary(s, f)}
        assert fetch_stage_card_ids(s, f, "lead", 0, 5) == []
        ids = fetch_board_card_ids(s, f, {**counts, "lead": 5}, 5)
        assert set(ids) == {"signed"}
        board = load_board(s, ProjectFilter(text="没有这个项目"))
        assert board.count == 0 and board.total_investment_wan == Decimal(0)
        assert all(not c.cards for c in board.columns)


def test_the_board_never_materialises_more_than_its_cards(db, many, monkeypatch):
    """Only ``limit`` rows per column are built, however many projects match."""
    built: list[int] = []
    real = project_query._row_query

    def counting(session, ids, today):
        built.append(len(ids))
        return real(session, ids, today)

    monkeypatch.setattr(project_query, "_row_query", counting)
    with db.session(readonly=True) as s:
        board = load_board(s, ProjectFilter(), limit=2)
    assert board.count == 28
    assert sum(built) == sum(len(c.cards) for c in board.columns) <= 2 * 7


def test_cards_follow_the_list_sort_of_updated_at_with_ties_by_id(db, many):
    with db.session(readonly=True) as s:
        board = load_board(s, ProjectFilter(), limit=50)
        for column in board.columns:
            keys = [(r.updated_at, r.id) for r in column.cards]
            assert keys == sorted(keys, reverse=True)
        stamps = [r.updated_at for c in board.columns for r in c.cards]
        assert any(a == b for a, b in itertools.combinations(stamps, 2))  # ties exist


def test_the_walk_stops_at_full_columns_or_its_cap(db, many):
    with db.session(readonly=True) as s:
        counts = {t.stage: t.count for t in stage_summary(s, ProjectFilter())}
        ids, complete = walk_board_card_ids(s, ProjectFilter(), 2, counts=lambda: counts)
        assert complete and all(len(v) == min(2, counts[k]) for k, v in ids.items())
        ids, complete = walk_board_card_ids(s, ProjectFilter(), 2, max_matches=3)
        assert not complete and sum(len(v) for v in ids.values()) == 3


def test_first_cards_need_no_summary_and_equal_the_boards_cards(db, many, monkeypatch):
    """The card path the board shows before its headers (the summary starts after it):
    without any count, every column gets exactly ``load_board``'s cards, whichever plan
    each column then takes."""
    for walk_min in (1, 10**9):
        monkeypatch.setattr(project_query, "CARD_WALK_MIN", walk_min)
        for f in FILTERS:
            with db.session(readonly=True) as s:
                expected = {c.stage: list(c.cards) for c in load_board(s, f, limit=2).columns}
                cards = first_cards(s, f, limit=2)
                got = {stage: cards.get(stage, []) for stage in CODES}
                assert got == expected, f


def test_a_signing_year_skips_the_walk_and_gives_the_same_cards(db, many, monkeypatch):
    """签约年份 (or a range of at most a year): one shared query serves every column (the
    walk along ``updated_at`` always ran to its cap for it); a longer range still walks.
    Either way the cards are ``load_board``'s."""
    real = project_query.walk_board_card_ids
    walks: list[ProjectFilter] = []

    def counted(session, f, *args, **kwargs):
        walks.append(f)
        return real(session, f, *args, **kwargs)

    monkeypatch.setattr("jianan_desk.services.project_board.walk_board_card_ids", counted)
    year = ProjectFilter(signed_year=2021)
    months = ProjectFilter(signed_from=dt.date(2021, 1, 1), signed_to=dt.date(2021, 12, 31))
    years = ProjectFilter(signed_from=dt.date(2019, 1, 1), signed_to=dt.date(2021, 12, 31))
    # a period beside an amount stays in the walk's WHERE clause; alone it is a flag
    wide = ProjectFilter(signed_from=dt.date(2015, 1, 1), signed_to=dt.date(2026, 12, 31))
    wide_big = dataclasses.replace(wide, over_100m=True)
    for f, walked in (
        (year, False),
        (months, False),
        (years, True),
        (wide, True),
        (wide_big, True),
    ):
        walks.clear()
        with db.session(readonly=True) as s:
            expected = {c.stage: list(c.cards) for c in load_board(s, f, limit=2).columns}
            cards = first_cards(s, f, limit=2)
        assert {stage: cards.get(stage, []) for stage in CODES} == expected
        assert sum(len(v) for v in expected.values()) > 0
        assert bool(walks) is walked, f


def test_first_cards_without_counts_complete_the_columns_a_capped_walk_left_short(
    db, many, monkeypatch
):
    real = project_query.walk_board_card_ids

    def capped(*args, **kwargs):  # a walk that gives up after 3 matches, as on 100k rows
        return real(*args, **{**kwargs, "max_matches": 3})

    monkeypatch.setattr("jianan_desk.services.project_board.walk_board_card_ids", capped)
    with db.session(readonly=True) as s:
        expected = {c.stage: list(c.cards) for c in load_board(s, ProjectFilter(), limit=3).columns}
        cards = first_cards(s, ProjectFilter(), limit=3)
    assert {stage: cards.get(stage, []) for stage in CODES} == expected
    assert sum(len(v) for v in expected.values()) > 3


def test_a_period_walk_flags_the_dates_unless_another_criterion_narrows_the_walk(db, many):
    """Alone, the period is tested on each walked row (a flag in the SELECT): the walk
    reads the ``updated_at`` order, at most ``BOARD_WALK_BUDGET`` rows (LIMIT). Beside an
    amount (or a unit, a leader, a task force) it stays in the WHERE clause."""
    from sqlalchemy import event

    wide = ProjectFilter(signed_from=dt.date(2015, 1, 1), signed_to=dt.date(2026, 12, 31))
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        if statement.startswith("SELECT"):
            statements.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session(readonly=True) as s:
            for f in (wide, dataclasses.replace(wide, over_100m=True)):
                statements.clear()
                project_query.walk_board_card_ids(s, f, 2)
                select_part, where_part = statements[0].split(" WHERE ", 1)
                where_part = where_part.split(" ORDER BY ")[0]
                flagged = f == wide
                assert ("signed_on >=" in select_part) is flagged, statements[0]
                assert ("signed_on >=" in where_part) is not flagged, statements[0]
                assert ("LIMIT" in statements[0]) is flagged, statements[0]
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
