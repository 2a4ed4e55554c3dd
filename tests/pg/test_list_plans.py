"""The 项目库 list's plan choices on PostgreSQL, and that a plan never changes the answer.

``fetch_page`` picks between walking the sort column's index and "filter, then sort"
(``_SortScan``: ``+x`` on SQLite, ``COALESCE(x, x)`` on PostgreSQL, which no index serves).
On PostgreSQL a signing period, a unit or a task force takes its own index and a sort (the
walk read 38,000 rows for 200 of 2021's signings on 100,000 projects); the rows must be the
same whichever plan runs, on both engines.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import event, select, update
from sqlalchemy.dialects import postgresql, sqlite

from jianan_desk.services.project_query import (
    WALK_MIN_MATCHES_INDEXED,
    ProjectFilter,
    _SortScan,
    fetch_ids,
    fetch_page,
)
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.dialect import is_query_cancelled, statement_canceller
from jianan_desk.store.models import Project, Unit
from tests.helpers import on_postgres

pg_only = pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only (make test-pg)")
TODAY = dt.date(2022, 3, 31)


@pytest.fixture
def signed(db):
    """20 projects: 8 signed in 2021 (edited long ago, as in real data), the rest later
    or unsigned; a unit on every third; 1–20 亿元."""
    with db.session() as s:
        unit = s.scalars(select(Unit.id)).first()
        ids = []
        for i in range(20):
            p = create_project(
                s,
                ProjectInput(name=f"项目{i:02d}", total_investment_wan=Decimal(10_000 * (i + 1))),
                "测试员",
            )
            ids.append(p.id)
        s.flush()
        for i, pid in enumerate(ids):
            year = 2021 if i % 5 < 2 else 2022
            s.execute(
                update(Project)
                .where(Project.id == pid)
                .values(
                    signed_on=dt.date(year, 1 + i % 12, 1 + i % 28) if i % 3 else None,
                    unit_id=unit if i % 3 == 0 else None,
                    updated_at=dt.datetime(year, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=i),
                )
            )
    return ids


def _statements(db):
    seen: list[str] = []  # the page queries (ids in order), not the rows of those ids

    def log(_conn, _cursor, statement, *_args):
        if "LIMIT" in statement:
            seen.append(statement)

    return seen, log


@pytest.mark.parametrize(
    "f",
    [
        ProjectFilter(signed_year=2021),
        ProjectFilter(signed_from=dt.date(2021, 6, 1), signed_to=dt.date(2022, 6, 30)),
        ProjectFilter(unit_ids=("__unit__",)),
        ProjectFilter(signed_year=2022, over_1b=True),
    ],
    ids=["year", "range", "unit", "year+1b"],
)
@pytest.mark.parametrize("sort", ["updated_at", "signed_on"])
def test_the_page_is_the_same_whichever_plan_runs(db, signed, f, sort):
    with db.session(readonly=True) as s:
        if f.unit_ids:
            f = ProjectFilter(unit_ids=(s.scalars(select(Unit.id)).first(),))
        everything = fetch_ids(s, f, sort, True)
        assert everything  # the fixture has matches for each filter
        for matches in (None, 3, WALK_MIN_MATCHES_INDEXED, 10 * WALK_MIN_MATCHES_INDEXED):
            for offset in (0, 5):
                page = fetch_page(s, f, sort, True, offset, 5, today=TODAY, matches=matches)
                assert [r.id for r in page] == everything[offset : offset + 5], matches


def test_sort_scan_compiles_per_engine():
    key = _SortScan(Project.updated_at).desc()
    assert str(key.compile(dialect=sqlite.dialect())) == "+projects.updated_at DESC"
    assert (
        str(key.compile(dialect=postgresql.dialect()))
        == "COALESCE(projects.updated_at, projects.updated_at) DESC"
    )


@pg_only
def test_a_signing_period_is_filtered_by_its_index_then_sorted_on_postgres(db, signed):
    """The statement PostgreSQL gets: the sort key is wrapped (no walk of the updated_at
    index) for a period, unless the matches are known to be very many; ≥ 10 亿元 alone
    (a fifth of all projects, spread evenly) is left to the planner."""
    seen, log = _statements(db)
    event.listen(db.engine, "before_cursor_execute", log)
    try:
        with db.session(readonly=True) as s:
            fetch_page(s, ProjectFilter(signed_year=2021), matches=7_000, today=TODAY)
            period = seen[-1]
            fetch_page(s, ProjectFilter(signed_year=2021), matches=10**6, today=TODAY)
            many = seen[-1]
            fetch_page(s, ProjectFilter(over_1b=True), matches=20_000, today=TODAY)
            over_1b = seen[-1]
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert "COALESCE(projects.updated_at, projects.updated_at) DESC" in period
    assert "COALESCE" not in many and "ORDER BY projects.updated_at DESC" in many
    assert "COALESCE" not in over_1b


def test_dialect_cancel_helpers_on_the_engine_under_test(db):
    """SQLite has no server to send a cancel request to (its progress handler does the
    job); psycopg connections get one. Only SQLSTATE 57014 counts as a cancelled query."""
    with db.session(readonly=True) as s:
        raw = s.connection().connection.dbapi_connection
        canceller = statement_canceller(raw)
    assert (canceller is None) == (not on_postgres())
    assert not is_query_cancelled(ValueError("x"))

    class Canceled(Exception):
        sqlstate = "57014"

    class Other(Exception):
        sqlstate = "57P01"

    assert is_query_cancelled(Canceled()) and not is_query_cancelled(Other())


def test_a_text_search_s_first_page_walks_the_sort_index_then_scans(db, signed):
    """``fetch_first_page`` of a text search: one walk down the sort order with a LIMIT of
    the budget (no ``_SortScan`` wrapping: the index serves it), stopping at the page's
    matches; only a walk cut short by its budget is followed by the scan-and-sort plan.
    The rows are the head of ``fetch_ids`` either way."""
    from jianan_desk.services.project_query import fetch_first_page

    seen, log = _statements(db)
    event.listen(db.engine, "before_cursor_execute", log)
    try:
        with db.session(readonly=True) as s:
            common = ProjectFilter(text="xm")  # every project: 项目NN
            page = fetch_first_page(s, common, limit=5, today=TODAY)
            assert [r.id for r in page] == fetch_ids(s, common)[:5]
            walked = list(seen)
            seen.clear()
            rare = ProjectFilter(text="项目07")
            page = fetch_first_page(s, rare, limit=5, today=TODAY, walk_budget=4)
            assert [r.id for r in page] == fetch_ids(s, rare)[:5] != []
            cut_short = list(seen)
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert len(walked) == 1
    assert "ORDER BY projects.updated_at DESC" in walked[0]
    assert "COALESCE" not in walked[0] and "+projects" not in walked[0]
    assert len(cut_short) == 2  # the walk of 4 rows found 1 match; then the scan
    scan = cut_short[1]
    assert (
        "COALESCE(projects.updated_at, projects.updated_at) DESC" in scan
        if on_postgres()
        else "+projects.updated_at DESC" in scan
    )
