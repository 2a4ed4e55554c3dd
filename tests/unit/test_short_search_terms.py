"""1–2-character search terms of the 项目库 list (issue 12): on PostgreSQL they are also
asked of the gram index (migration 0009, ``jd_short_grams(search_key) @> ARRAY[...]``),
which must find exactly what the ``LIKE`` finds, on both engines, whatever plan runs."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, insert, select, text

from jianan_desk.domain.search import matches, project_search_key, project_search_text, query_terms
from jianan_desk.services import project_query
from jianan_desk.services.project_query import (
    ProjectFilter,
    count_and_sum,
    fetch_first_page,
    fetch_ids,
    fetch_page,
    stage_summary,
)
from jianan_desk.store.models import Project
from tests.helpers import on_postgres

pg_only = pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only (make test-pg)")
TODAY = dt.date(2022, 3, 31)
T0 = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)

# name, investor, location: parts of the key, separated by a space
SPEC = [
    ("三佳万向节项目", "万向精工有限公司", "尚集产业集聚区"),
    ("长葛发制品产业园", "瑞贝卡发制品", "长葛市"),
    ("喆达智能装备", "深圳喆达科技", "五女店镇"),
    ("智能仓储中心", "深圳市汇川智能科技有限公司", ""),
    ("Q&N 电子项目", "QN Electronics", "新元街道"),
    ("速冻食品加工项目", "郑州思念食品有限公司", "五女店镇"),
    ("百分比%项目_一期", "", ""),
    ("汽车零部件产业园二期", "长葛市华通实业有限公司", "许昌"),
]
QUERIES = [
    "佳",
    "佳万",  # only across the separator (…项目 万向…): no match
    "目万",  # likewise
    "jw",  # initials across the separator (sjwxjxm wxjg…): none; inside a part: sjw…
    "ＳＪ",  # full-width Latin
    "SJ",
    "喆",
    "zd",
    "喆达",
    "sj 万",  # two short terms
    "三佳 wx",  # a long and a short term
    "z",
    "长",
    "zg",  # 长葛, phrase reading
    "cg",  # 长葛, the alternative reading
    "qn",
    "%",
    "_",
    "仓",
    "堃",  # nowhere
]


@pytest.fixture
def keyed(db):
    """The SPEC projects (each twice, edited at different times), one deleted, one whose
    key was never computed; returns {id: key} of the live ones with a key."""
    rows = []
    for copy in range(2):
        for i, (name, investor, location) in enumerate(SPEC):
            pid = f"p{copy}{i:02d}"
            rows.append(
                {
                    "id": pid,
                    "name": name,
                    "family": "attraction",
                    "stage": ("lead", "signed", "started")[i % 3],
                    "total_investment_wan": 1000 * (i + 1),
                    "investor_name": investor,
                    "location": location,
                    "leader_in_charge": "",
                    "construction_content": "",
                    "notes": "",
                    "search_key": project_search_key(name, investor, location, ""),
                    "search_text": project_search_text(name, investor, location, ""),
                    "updated_at": T0 + dt.timedelta(hours=7 * i + copy),
                }
            )
    gone = dict(rows[2], id="gone", deleted_at=T0, updated_at=T0)
    raw = dict(rows[0], id="raw", search_key=None, search_text=None)
    with db.session() as s:
        s.execute(insert(Project), [*rows, gone, raw])
    return {r["id"]: r["search_key"] for r in rows}


def _expected(db, keys: dict[str, str], query: str) -> list[str]:
    with db.session(readonly=True) as s:
        order = fetch_ids(s, ProjectFilter())  # every live project, in the list's order
    return [pid for pid in order if pid in keys and matches(keys[pid], query)]


def _answers(db, f: ProjectFilter) -> tuple:
    with db.session(readonly=True) as s:
        return (
            fetch_ids(s, f),
            count_and_sum(s, f),
            [r.id for r in fetch_first_page(s, f, limit=3, today=TODAY)],
            [r.id for r in fetch_first_page(s, f, limit=3, today=TODAY, walk_budget=0)],
            [r.id for r in fetch_page(s, f, "name", False, 1, 3, today=TODAY)],
            [(t.stage, t.count) for t in stage_summary(s, f)],
        )


def _statements(db) -> tuple[list[str], object]:
    seen: list[str] = []

    def log(_conn, _cursor, statement, *_args):
        seen.append(statement)

    return seen, log


@pytest.mark.parametrize("query", QUERIES)
def test_short_terms_find_what_like_finds_with_or_without_the_gram_condition(
    db, keyed, query, monkeypatch
):
    expected = _expected(db, keyed, query)
    seen, log = _statements(db)
    event.listen(db.engine, "before_cursor_execute", log)
    try:
        ids, (n, _total), first, scanned, page, stages = with_grams = _answers(
            db, ProjectFilter(text=query)
        )
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert ids == expected
    assert n == len(expected) == sum(count for _stage, count in stages)
    assert first == scanned == expected[:3]
    assert set(page) <= set(expected)
    # the condition is there on PostgreSQL (so this compares two different statements)…
    used = any("jd_short_grams" in statement for statement in seen)
    assert used == on_postgres()
    # …and without it (no term counts as short) every answer is the same
    monkeypatch.setattr(project_query, "SHORT_TERM", 0)
    assert _answers(db, ProjectFilter(text=query)) == with_grams


def test_the_recycle_bin_searches_short_terms_without_the_index(db, keyed):
    """The gram index holds live projects only: the recycle bin's search leaves the
    condition out and still finds its deleted projects by a short term."""
    seen, log = _statements(db)
    event.listen(db.engine, "before_cursor_execute", log)
    try:
        with db.session(readonly=True) as s:
            assert fetch_ids(s, ProjectFilter(text="喆", deleted=True)) == ["gone"]
            assert count_and_sum(s, ProjectFilter(text="zd", deleted=True))[0] == 1
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert not any("jd_short_grams" in statement for statement in seen)


def test_walks_leave_the_gram_condition_out(db, keyed):
    """A walk down the sort index tests row by row, where the function would be evaluated
    per row (costly): only the scans, counts and sums carry the condition."""
    seen, log = _statements(db)
    event.listen(db.engine, "before_cursor_execute", log)
    f = ProjectFilter(text="z")
    try:
        with db.session(readonly=True) as s:
            fetch_page(s, f, matches=10**6, today=TODAY)  # many matches known: the walk
            walked_page = [st for st in seen if "LIMIT" in st][-1]
            seen.clear()
            fetch_first_page(s, f, limit=3, today=TODAY)  # the walk met 3 matches at once
            first_walk = [st for st in seen if "LIMIT" in st]
            seen.clear()
            project_query.fetch_stage_card_ids(s, f, "lead", matches=10**6)
            card_walk = seen[-1]
            seen.clear()
            fetch_page(s, f, matches=None, today=TODAY)  # unknown: scan and sort
            scan = [st for st in seen if "LIMIT" in st][-1]
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert "jd_short_grams" not in walked_page
    assert len(first_walk) == 1 and "jd_short_grams" not in first_walk[0]
    assert "jd_short_grams" not in card_walk
    assert ("jd_short_grams" in scan) == on_postgres()


@pg_only
def test_postgres_finds_a_rare_short_term_through_the_gram_index(db):
    """3,000 projects, two with '喆': the count, the sum and the scan for the first page
    read the gram index (a bitmap scan), not every key; without the condition (no term
    counted as short) the same statement has nothing but a scan of the table."""
    common = project_search_key("智能装备制造产业园项目", "深圳市汇川智能科技有限公司", "", "")
    rare = project_search_key("喆达精工项目", "", "", "")
    rows = [
        {
            "name": "喆达精工项目" if i in (17, 2500) else "智能装备制造产业园项目",
            "family": "attraction",
            "stage": "lead",
            "total_investment_wan": 100 + i,
            "investor_name": "",
            "location": "",
            "leader_in_charge": "",
            "construction_content": "",
            "notes": "",
            "search_key": rare if i in (17, 2500) else common,
            "search_text": "喆达精工项目"
            if i in (17, 2500)
            else "智能装备制造产业园项目 深圳市汇川智能科技有限公司",
            "updated_at": T0 + dt.timedelta(minutes=i),
        }
        for i in range(3000)
    ]
    with db.session() as s:
        s.execute(insert(Project), rows)
        project_query.refresh_statistics(s)

    def plans(f: ProjectFilter) -> list[str]:
        with db.session(readonly=True) as s:
            where = project_query.conditions(s, f)
            count = select(func.count()).where(*where)
            scan = project_query._sorted_ids(s, f, "updated_at", True, scan=True).limit(200)
            out = []
            for stmt in (count, scan):
                sql = stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
                out.append("\n".join(r[0] for r in s.execute(text(f"EXPLAIN {sql}"))))
            return out

    for query in ("喆", "喆达", "zd"):
        for plan in plans(ProjectFilter(text=query)):
            assert "Bitmap Index Scan on ix_projects_search_grams" in plan, plan
            assert "Seq Scan" not in plan, plan
        with db.session(readonly=True) as s:
            assert count_and_sum(s, ProjectFilter(text=query))[0] == 2
    original = project_query.SHORT_TERM
    project_query.SHORT_TERM = 0
    try:
        for plan in plans(ProjectFilter(text="喆")):
            assert "ix_projects_search_grams" not in plan, plan
    finally:
        project_query.SHORT_TERM = original


@pg_only
def test_postgres_walk_is_fetched_in_steps_so_a_rare_term_stops_the_server_early(db, keyed):
    """psycopg reads a whole result before handing out a row: the walk goes through a
    server-side cursor (fetched ``PG_WALK_FETCH`` rows at a time), so a walk given up
    after ``WALK_CHECK`` rows does not make the server test the rest of its budget."""
    cursors: list[tuple[str, object]] = []

    def log(_conn, cursor, statement, *_args):
        cursors.append((statement, getattr(cursor, "name", None)))

    event.listen(db.engine, "before_cursor_execute", log)
    try:
        with db.session(readonly=True) as s:
            page = fetch_first_page(s, ProjectFilter(text="喆"), limit=3, today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert [r.id for r in page] == _expected(db, keyed, "喆")[:3]
    walk = [name for statement, name in cursors if "LIMIT" in statement and "LIKE" in statement]
    assert walk and walk[0], cursors  # the first (the walk) on a named, server-side cursor


# ---------------------------------------------------------------- companies (客商)

COMPANIES = [
    ("深圳喆达科技有限公司", "深圳", ""),
    ("南京三佳精密传动科技有限公司", "南京", "汽车 零部件"),
    ("许昌瑞贝卡发制品股份有限公司", "许昌", "发制品"),
    ("长葛市华通实业有限公司", "长葛", ""),
    ("QN Electronics", "苏州", ""),
    ("郑州思念食品有限公司", "郑州", "食品"),
]
COMPANY_QUERIES = ["喆", "zd", "sz", "ＳＺ", "圳喆", "z", "cg", "zg", "qn", "发", "汽车零", "堃"]


@pytest.fixture
def companies(db):
    """The COMPANIES (each twice), one deleted; returns {id: key} of the live ones."""
    from jianan_desk.domain.company_names import company_search_key, normalize_company_name
    from jianan_desk.store.models import Company

    rows = []
    for copy in range(2):
        for i, (name, city, tags) in enumerate(COMPANIES):
            rows.append(
                {
                    "id": f"c{copy}{i:02d}",
                    "name": f"{name}{'分公司' if copy else ''}",
                    "normalized_name": normalize_company_name(name) + str(copy),
                    "city": city,
                    "tags": tags,
                    "search_key": company_search_key(
                        f"{name}{'分公司' if copy else ''}", city, None, tags
                    ),
                }
            )
    gone = dict(rows[0], id="gone", normalized_name="gone", deleted_at=T0)
    with db.session() as s:
        s.execute(insert(Company), [*rows, gone])
    return {r["id"]: r["search_key"] for r in rows}


def _company_answers(db, query: str) -> tuple:
    from jianan_desk.services.companies import (
        CompanyFilter,
        count_companies,
        fetch_company_keys,
        list_companies,
        search_companies,
    )

    with db.session(readonly=True) as s:
        f = CompanyFilter(text=query)
        return (
            [c.id for c in search_companies(s, query, limit=50)],
            [pid for pid, _key in fetch_company_keys(s, f)],
            count_companies(s, f),
            [r.id for r in list_companies(s, f, limit=3)],
        )


@pytest.mark.parametrize("query", COMPANY_QUERIES)
def test_short_terms_find_the_same_companies_with_or_without_the_gram_condition(
    db, companies, query, monkeypatch
):
    from jianan_desk.services.companies import CompanyFilter, fetch_company_keys
    from jianan_desk.store import search_grams

    with db.session(readonly=True) as s:
        order = [pid for pid, _key in fetch_company_keys(s, CompanyFilter())]
    expected = [pid for pid in order if pid in companies and matches(companies[pid], query)]
    seen, log = _statements(db)
    event.listen(db.engine, "before_cursor_execute", log)
    try:
        answers = _company_answers(db, query)
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    found, ids, n, first = answers
    assert sorted(found) == sorted(expected) and ids == expected and n == len(expected)
    assert first == expected[:3]
    short = search_grams.short_terms(query_terms(query))
    used = any("jd_short_grams" in statement for statement in seen)
    assert used == (on_postgres() and bool(short))
    monkeypatch.setattr(search_grams, "SHORT_TERM", 0)
    assert _company_answers(db, query) == answers


@pg_only
def test_postgres_finds_a_rare_short_company_term_through_the_gram_index(db):
    from jianan_desk.domain.company_names import company_search_key
    from jianan_desk.services.companies import CompanyFilter, _conditions, search_companies
    from jianan_desk.store.models import Company

    rows = []
    for i in range(3000):
        name = "喆达精工有限公司" if i in (17, 2500) else f"深圳市汇川智能科技有限公司{i}"
        rows.append(
            {
                "name": name,
                "normalized_name": f"n{i}",
                "city": "深圳",
                "search_key": company_search_key(name, "深圳", None, ""),
            }
        )
    with db.session() as s:
        s.execute(insert(Company), rows)
        s.execute(text("ANALYZE companies"))
    with db.session(readonly=True) as s:
        for query in ("喆", "zd"):
            stmt = select(func.count()).where(*_conditions(s, CompanyFilter(text=query)))
            sql = stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
            plan = "\n".join(r[0] for r in s.execute(text(f"EXPLAIN {sql}")))
            assert "Bitmap Index Scan on ix_companies_search_grams" in plan, plan
            assert "Seq Scan" not in plan, plan
            assert len(search_companies(s, query, limit=10)) == 2
