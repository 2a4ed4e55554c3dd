"""The 项目库 kanban's text search (issues 3/12): ``first_cards`` walks the ``updated_at``
index for a common term but gives up early on a rare one, whose cards the columns' shared
query then finds through the term's index (PostgreSQL: the gram index of migration 0009 or
pg_trgm). Either way the cards are exactly ``load_board``'s, on both engines."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, insert

from jianan_desk.domain.search import project_search_key, project_search_text
from jianan_desk.services import project_query
from jianan_desk.services.project_board import first_cards, load_board
from jianan_desk.services.project_query import ProjectFilter, walk_board_card_ids
from jianan_desk.store.models import Project
from tests.helpers import on_postgres

pg_only = pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only (make test-pg)")
TODAY = dt.date(2022, 3, 31)
T0 = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
CODES = ("lead", "negotiating", "signed", "performing", "started", "operating", "dropped")
N = 3_000
RARE = (17, 1200, 2990)  # 喆达精工: far down the updated_at order (the newest come first)


@pytest.fixture
def board_rows(db):
    """3,000 projects over every stage: ``智能装备…`` (深圳) or ``食品加工…`` (郑州), and three
    喆达精工 ones; project ``i`` was changed ``i`` minutes after T0 (the newest first)."""
    names = {
        "smart": ("智能装备制造产业园项目", "深圳市汇川智能科技有限公司"),
        "food": ("食品加工项目", "郑州思念食品有限公司"),
        "rare": ("喆达精工项目", ""),
    }
    rows = []
    for i in range(N):
        kind = "rare" if i in RARE else "smart" if i % 3 else "food"
        name, investor = names[kind]
        rows.append(
            {
                "id": f"p{i:05d}",
                "name": f"{name}{i}",
                "family": "attraction",
                "stage": CODES[i % 7],
                "total_investment_wan": 100 + i,
                "investor_name": investor,
                "location": "",
                "leader_in_charge": "",
                "construction_content": "",
                "notes": "",
                "search_key": project_search_key(f"{name}{i}", investor, "", ""),
                "search_text": project_search_text(f"{name}{i}", investor, "", ""),
                "updated_at": T0 + dt.timedelta(minutes=i),
            }
        )
    with db.session() as s:
        s.execute(insert(Project), rows)
        project_query.refresh_statistics(s)
    return rows


def _same_as_load_board(db, f: ProjectFilter, limit: int = 4) -> dict[str, list]:
    with db.session(readonly=True) as s:
        expected = {c.stage: list(c.cards) for c in load_board(s, f, limit=limit).columns}
        cards = first_cards(s, f, limit=limit, today=TODAY)
    got = {stage: cards.get(stage, []) for stage in CODES}
    # load_board dates "days in stage" by the clock: compare what identifies a card
    assert {k: [r.id for r in v] for k, v in got.items()} == {
        k: [r.id for r in v] for k, v in expected.items()
    }, f
    return got


@pytest.mark.parametrize("query", ["喆", "喆达", "zd", "喆达精工", "堃", "智能", "z", "sp", "食品"])
def test_rare_and_common_terms_give_load_boards_cards(db, board_rows, query):
    got = _same_as_load_board(db, ProjectFilter(text=query))
    found = sum(len(v) for v in got.values())
    if query == "堃":
        assert found == 0
    elif query.startswith(("喆", "zd")):
        assert found == len(RARE)
    else:
        assert found == 4 * len(CODES)


def test_a_rare_term_stops_the_walk_early_and_a_common_one_fills_the_columns(db, board_rows):
    """The walk reads the newest rows first; 喆's three rows are at positions 9, 1,799 and
    2,982 of it, so a walk through the whole order meets them all. It gives up at a check
    instead (at most the first met), and the columns' shared query finds them; a common
    term fills every column in the walk."""
    with db.session(readonly=True) as s:
        ids, complete = walk_board_card_ids(s, ProjectFilter(text="喆"), 4)
        assert sum(len(v) for v in ids.values()) <= 1 and not complete
        ids, _complete = walk_board_card_ids(s, ProjectFilter(text="智能"), 4)
        assert sorted(ids) == sorted(CODES) and all(len(v) == 4 for v in ids.values())
        # a budget far past the table: the rate never looks too low, the walk meets all three
        ids, _complete = walk_board_card_ids(s, ProjectFilter(text="喆"), 4, budget=10 * N)
        assert sum(len(v) for v in ids.values()) == len(RARE)
        # a budget of half the table: stopped at it, having met only the first two
        ids, _complete = walk_board_card_ids(s, ProjectFilter(text="喆"), 4, budget=N // 2 + 400)
        assert sum(len(v) for v in ids.values()) <= 2


def test_the_walk_tests_the_term_as_a_flag_and_gives_up_at_the_first_check(
    db, board_rows, monkeypatch
):
    """The term is a flag in the walk's SELECT list, not a condition of its WHERE clause
    (so every walked row is counted); with nothing met by the first check, the walk stops
    there (here after 5 rows, before the first 喆 at row 10)."""
    seen: list[str] = []

    def log(_conn, _cursor, statement, *_args):
        seen.append(statement)

    monkeypatch.setattr(project_query, "WALK_CHECK", 5)
    event.listen(db.engine, "before_cursor_execute", log)
    try:
        with db.session(readonly=True) as s:
            ids, complete = walk_board_card_ids(s, ProjectFilter(text="喆"), 4)
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert ids == {} and not complete
    walk = [st for st in seen if "LIKE" in st and "ORDER BY" in st]
    assert len(walk) == 1
    select_list, rest = walk[0].split("FROM", 1)
    assert "LIKE" in select_list
    assert "LIKE" not in rest.split("WHERE", 1)[1].split("ORDER BY")[0]


@pg_only
def test_postgres_board_walks_on_a_server_side_cursor(db, board_rows):
    """psycopg reads a whole result before handing out a row: the board's walk goes through
    a named (server-side) cursor, so the server stops when the walk does."""
    cursors: list[tuple[str, object]] = []

    def log(_conn, cursor, statement, *_args):
        cursors.append((statement, getattr(cursor, "name", None)))

    for f in (ProjectFilter(text="喆"), ProjectFilter(text="智能"), ProjectFilter()):
        cursors.clear()
        event.listen(db.engine, "before_cursor_execute", log)
        try:
            with db.session(readonly=True) as s:
                walk_board_card_ids(s, f, 4)
        finally:
            event.remove(db.engine, "before_cursor_execute", log)
        walk = [name for statement, name in cursors if "ORDER BY" in statement]
        assert walk and walk[0], (f, cursors)


@pg_only
@pytest.mark.parametrize("query", ["喆", "喆达", "zd", "喆达精工"])
def test_postgres_finds_a_rare_terms_cards_through_its_index(db, board_rows, query):
    """After the walk gives up, the columns' shared query carries the term's index
    condition, and PostgreSQL answers it from the gram (1–2 characters) or pg_trgm index
    (a bitmap scan), not by reading every key."""
    seen: list[tuple[str, object]] = []

    def log(_conn, _cursor, statement, parameters, *_args):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", log)
    try:
        with db.session(readonly=True) as s:
            cards = first_cards(s, ProjectFilter(text=query), limit=4, today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert sum(len(v) for v in cards.values()) == len(RARE)
    shared = [(st, p) for st, p in seen if "ORDER BY" in st and "LIKE" in st.split("WHERE", 1)[-1]]
    assert len(shared) == 1, seen
    statement, parameters = shared[0]
    index = "ix_projects_search_grams" if len(query) <= 2 else "ix_projects_search_key_trgm"
    if len(query) <= 2:
        assert "jd_short_grams" in statement
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        with raw.cursor() as cur:
            cur.execute(f"EXPLAIN {statement}", parameters)
            plan = "\n".join(r[0] for r in cur.fetchall())
    assert f"Bitmap Index Scan on {index}" in plan, plan
    assert "Seq Scan" not in plan, plan


def test_a_percent_or_underscore_is_literal_in_the_walk_as_in_the_where_clause(db, board_rows):
    """The walk's flag is ``conditions``' own ``LIKE`` test: % and _ match only themselves."""
    with db.session(readonly=True) as s:
        for query in ("%", "_", "喆%"):
            ids, _complete = walk_board_card_ids(s, ProjectFilter(text=query), 4, budget=10 * N)
            assert ids == {}, query
    _same_as_load_board(db, ProjectFilter(text="%"))


@pytest.mark.sqlite_only
@pytest.mark.parametrize("stages", [CODES, ("lead", "dropped"), ("lead",)])
def test_sqlite_shared_query_reads_the_covering_key_index_not_every_row(db, board_rows, stages):
    """SQLite has no index for the text: the columns' shared query takes the matches'
    rowids from a scan of the covering key (for a hanzi: text) index, then only those
    rows (through the stage index every row of the wide table was read and tested). One
    column (显示更多…) reads its stage's rows, fewer than all the keys."""
    from sqlalchemy import text

    with db.session(readonly=True) as s:
        stmt = project_query._card_query(s, ProjectFilter(text="喆"), list(stages), walk=False)
        sql = stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " | ".join(r[3] for r in s.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
        covering = "COVERING INDEX ix_projects_search_text" in plan  # a hanzi: the text's
        assert covering is (len(stages) > 1), plan
        found = [r[0] for r in s.execute(stmt)]
    expected = [f"p{i:05d}" for i in sorted(RARE, reverse=True) if CODES[i % 7] in stages]
    assert found == expected
