"""The 项目库 list queries: every filter, combinations, search, sorting, paging, sums."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from jianan_desk.services.project_query import (
    SORT_COLUMNS,
    ProjectFilter,
    count_and_sum,
    delete_saved_filter,
    fetch_ids,
    fetch_page,
    fetch_rows,
    reference_choices,
    save_filter,
    saved_filters,
    stage_summary,
)
from jianan_desk.services.projects import ProjectInput, create_project, delete_project, drop_project
from jianan_desk.store.models import IndustryNode, PlanField, Project, TaskForce, Unit

TODAY = dt.date(2022, 3, 31)
ACTOR = "王招商"


@pytest.fixture
def data(db):
    """Eight projects with known attributes; returns ids by short name and reference ids."""
    with db.session() as s:
        nodes = {n.code: n for n in s.scalars(select(IndustryNode))}
        links = {
            code: [n.id for n in nodes.values() if n.parent_id == nodes[code].id]
            for code in ("auto", "hair", "food")
        }
        fields = list(s.scalars(select(PlanField.id).order_by(PlanField.sort_order)))
        units = {u.name: u.id for u in s.scalars(select(Unit))}
        tf = TaskForce(name="汽车零部件项目专班")
        s.add(tf)
        s.flush()
        ref = {
            "leading": nodes["leading"].id,
            "characteristic": nodes["characteristic"].id,
            "auto": nodes["auto"].id,
            "hair": nodes["hair"].id,
            "auto_link0": links["auto"][0],
            "auto_link1": links["auto"][1],
            "field0": fields[0],
            "field1": fields[1],
            "shangji": units["尚集产业集聚区"],
            "wunv": units["五女店镇"],
            "tf": tf.id,
        }
        spec = [
            # key, name, investor, amount, industry, link, field, unit, leader, tf, family,
            # stage, date, location
            ("sanjia", "三佳万向节总成项目", "南京三佳精密传动科技有限公司", "5亿", "auto",
             "auto_link1", "field0", "shangji", "张副区长", "tf", "attraction", "开工",
             "2022-01-04", "尚集产业集聚区"),
            ("ruibeika", "瑞贝卡假发生产基地项目", "许昌瑞贝卡发制品股份有限公司", "12亿",
             "hair", None, "field0", "wunv", "李副区长", None, "attraction", "签约",
             "2021-03-15", "五女店镇"),
            ("food", "速冻食品加工项目", "郑州思念食品有限公司", "8000万", "food", None,
             "field0", "wunv", "李副区长", None, "attraction", "签约", "2020-11-01",
             "五女店镇"),
            ("school", "市委党校新校区", "", "4.39亿", None, None, "field1", None, "", None,
             "key", "开工", "2021-05-01", "新元街道"),
            ("lead", "智能装备制造产业园项目", "深圳市汇川智能科技有限公司", "3亿", "auto",
             "auto_link0", "field0", "shangji", "张副区长", None, "attraction", "线索",
             "2022-02-01", "尚集产业集聚区"),
            ("big", "汽车零部件产业园二期", "长葛市华通实业有限公司", "15亿", "auto", None,
             "field0", "shangji", "张副区长", "tf", "key", "签约", "2021-12-31",
             "许昌汽车零部件产业园"),
            ("dropped", "冷链物流中心项目", "河南冷链物流有限公司", "2亿", "food", None,
             "field0", "wunv", "", None, "attraction", "洽谈", "2021-01-10", "五女店镇"),
            ("deleted", "已删除项目", "", "1亿", None, None, None, None, "", None,
             "attraction", "线索", "2021-01-01", ""),
        ]  # fmt: skip
        ids = {}
        for (key, name, investor, amount, ind, link, fld, unit, leader, tf_key, family,
             stage, on, location) in spec:  # fmt: skip
            d = create_project(
                s,
                ProjectInput(
                    name=name,
                    family=family,
                    new_company_name=investor,
                    industry_node_id=ref.get(ind) if ind else None,
                    chain_link_id=ref[link] if link else None,
                    field_id=ref[fld] if fld else None,
                    total_investment_wan=amount,
                    location=location,
                    unit_id=ref[unit] if unit else None,
                    leader_in_charge=leader,
                    task_force_id=ref[tf_key] if tf_key else None,
                ),
                ACTOR,
                stage=stage,
                stage_on=on,
                today=TODAY,
            )
            ids[key] = d.id
        drop_project(s, ids["dropped"], "2021-06-01", "企业放弃", ACTOR, today=TODAY)
        delete_project(s, ids["deleted"], ACTOR)
    return ids, ref


def names(session, f, sort="name", descending=False):
    return [r.name for r in fetch_page(session, f, sort, descending, 0, 100, today=TODAY)]


def keys(ids, session, f, **kw):
    by_id = {v: k for k, v in ids.items()}
    return {by_id[i] for i in fetch_ids(session, f, **kw)}


def test_all_and_sums_are_exact(db, data):
    ids, _ = data
    with db.session(readonly=True) as s:
        count, total = count_and_sum(s, ProjectFilter())
        assert count == 7
        assert total == Decimal("5e4") + Decimal("12e4") + Decimal(8000) + Decimal(43900) + Decimal(
            30000
        ) + Decimal(150000) + Decimal(20000)
        assert keys(ids, s, ProjectFilter()) == set(ids) - {"deleted"}


def test_each_filter(db, data):
    ids, ref = data
    F = ProjectFilter
    with db.session(readonly=True) as s:
        k = lambda f: keys(ids, s, f)  # noqa: E731
        assert k(F(stages=("signed",))) == {"ruibeika", "food", "big"}
        assert k(F(stages=("started", "dropped"))) == {"sanjia", "school", "dropped"}
        assert k(F(node_ids=(ref["leading"],))) == {"sanjia", "ruibeika", "lead", "big"}
        assert k(F(node_ids=(ref["auto"],))) == {"sanjia", "lead", "big"}
        assert k(F(node_ids=(ref["auto_link1"],))) == {"sanjia"}
        assert k(F(node_ids=(ref["auto_link0"], ref["hair"]))) == {"lead", "ruibeika"}
        assert k(F(node_ids=("no-such-node",))) == set()
        assert k(F(field_ids=(ref["field1"],))) == {"school"}
        assert k(F(families=("key",))) == {"school", "big"}
        assert k(F(unit_ids=(ref["wunv"],))) == {"ruibeika", "food", "dropped"}
        assert k(F(unit_ids=(None,))) == {"school"}
        assert k(F(leaders=("张副区长",))) == {"sanjia", "lead", "big"}
        assert k(F(task_force_ids=(ref["tf"],))) == {"sanjia", "big"}
        assert k(F(task_force_ids=(ref["tf"], None))) == set(ids) - {"deleted"}
        assert k(F(signed_year=2021)) == {"ruibeika", "school", "big"}
        assert k(F(signed_from=dt.date(2021, 12, 31), signed_to=dt.date(2022, 1, 4))) == {
            "sanjia",
            "big",
        }
        assert k(F(investment_min_wan=Decimal(30000), investment_max_wan=Decimal(50000))) == {
            "sanjia",
            "school",
            "lead",
        }
        assert k(F(over_100m=True)) == set(ids) - {"deleted", "food"}
        assert k(F(over_1b=True)) == {"ruibeika", "big"}
        assert k(F(deleted=True)) == {"deleted"}


def test_combinations(db, data):
    ids, ref = data
    with db.session(readonly=True) as s:
        f = ProjectFilter(node_ids=(ref["auto"],), signed_year=2021)
        assert keys(ids, s, f) == {"big"}
        f = ProjectFilter(unit_ids=(ref["shangji"],), over_1b=True, families=("key",))
        assert keys(ids, s, f) == {"big"}
        f = ProjectFilter(stages=("signed", "started"), text="sj", leaders=("张副区长",))
        assert keys(ids, s, f) == {"sanjia"}
        assert count_and_sum(s, f) == (1, Decimal(50000))


@pytest.mark.parametrize("query", ["sj", "sanjia", "三佳", "ＳＪ", "SanJia", "三佳 总成"])
def test_pinyin_search(db, data, query):
    ids, _ = data
    with db.session(readonly=True) as s:
        found = keys(ids, s, ProjectFilter(text=query))
        assert "sanjia" in found
        assert found <= {"sanjia", "lead"}  # 尚集 is sj too


def test_search_covers_investor_location_and_polyphony(db, data):
    ids, _ = data
    with db.session(readonly=True) as s:
        assert keys(ids, s, ProjectFilter(text="huichuan")) == {"lead"}  # investor
        assert keys(ids, s, ProjectFilter(text="xinyuan")) == {"school"}  # location
        assert keys(ids, s, ProjectFilter(text="changge")) == {"big"}  # 长葛, not zhangge only
        assert keys(ids, s, ProjectFilter(text="50%")) == set()  # LIKE wildcards are literal
        assert keys(ids, s, ProjectFilter(text="_")) == set()


def test_sorting_every_column_both_ways_with_a_stable_tiebreak(db, data):
    _, _ = data
    with db.session(readonly=True) as s:
        everything = set(fetch_ids(s, ProjectFilter()))
        for column in SORT_COLUMNS:
            up = fetch_ids(s, ProjectFilter(), column, False)
            down = fetch_ids(s, ProjectFilter(), column, True)
            assert set(up) == set(down) == everything, column
            page = [r.id for r in fetch_page(s, ProjectFilter(), column, False, 0, 100)]
            assert page == up, column
        assert names(s, ProjectFilter(), "total_investment", True)[:2] == [
            "汽车零部件产业园二期",
            "瑞贝卡假发生产基地项目",
        ]
        by_stage = [r.stage for r in fetch_page(s, ProjectFilter(), "stage", False, 0, 100)]
        assert by_stage == ["lead", "signed", "signed", "signed", "started", "started", "dropped"]
        signed = [r.signed_on for r in fetch_page(s, ProjectFilter(), "signed_on", False)]
        assert signed[:5] == sorted(signed[:5]) and signed[-2:] == [None, None]  # empty last
        signed = [r.signed_on for r in fetch_page(s, ProjectFilter(), "signed_on", True)]
        assert signed[-2:] == [None, None]
        days = [
            r.days_in_stage
            for r in fetch_page(s, ProjectFilter(), "days_in_stage", True, today=TODAY)
        ]
        assert days == sorted(days, reverse=True)


def test_paging(db, data):
    _, _ = data
    with db.session(readonly=True) as s:
        all_ids = fetch_ids(s, ProjectFilter(), "name", False)
        pages = [
            [r.id for r in fetch_page(s, ProjectFilter(), "name", False, offset, 3)]
            for offset in (0, 3, 6)
        ]
        assert pages[0] + pages[1] + pages[2] == all_ids
        assert len(pages[2]) == 1
        assert [r.id for r in fetch_rows(s, all_ids[4:1:-1])] == all_ids[4:1:-1]
        assert fetch_rows(s, []) == []


def test_row_contents(db, data):
    ids, _ = data
    with db.session(readonly=True) as s:
        (row,) = fetch_rows(s, [ids["sanjia"]], today=TODAY)
        assert row.name == "三佳万向节总成项目"
        assert row.investor_name == "南京三佳精密传动科技有限公司"
        assert (row.stage, row.stage_label) == ("started", "开工")
        assert row.total_investment_wan == Decimal(50000)
        assert row.industry_name == "汽车零部件及装备制造"
        assert row.field_name and row.unit_name == "尚集产业集聚区"
        assert row.task_force_name == "汽车零部件项目专班"
        assert row.leader_in_charge == "张副区长"
        assert row.signed_on == dt.date(2022, 1, 4)
        assert row.location == "尚集产业集聚区"
        assert row.days_in_stage == (TODAY - dt.date(2022, 1, 4)).days
        assert row.family_label == "招商引资项目"
        (school,) = fetch_rows(s, [ids["school"]])
        assert school.investor_name == "" and school.unit_name == ""


def test_stage_summary(db, data):
    _, _ = data
    with db.session(readonly=True) as s:
        summary = {
            t.stage: (t.count, t.total_investment_wan) for t in stage_summary(s, ProjectFilter())
        }
        assert list(summary) == [
            "lead",
            "negotiating",
            "signed",
            "performing",
            "started",
            "operating",
            "dropped",
        ]
        assert summary["signed"] == (3, Decimal(278000))
        assert summary["negotiating"] == (0, Decimal(0))
        assert sum(c for c, _ in summary.values()) == 7
        searched = stage_summary(s, ProjectFilter(text="sj"))
        assert {t.stage: t.count for t in searched if t.count} == {"started": 1, "lead": 1}


def test_filter_round_trips_through_json_and_saved_sets(db, data):
    _, ref = data
    f = ProjectFilter(
        stages=("signed",),
        unit_ids=(ref["wunv"], None),
        signed_from=dt.date(2021, 1, 1),
        investment_min_wan=Decimal("10000.5"),
        over_1b=True,
        text="三佳",
    )
    assert ProjectFilter.from_json(f.to_json()) == f
    assert ProjectFilter.from_dict({"future_key": 1, "text": "x"}) == ProjectFilter(text="x")
    assert ProjectFilter().is_empty() and not f.is_empty()
    with db.session() as s:
        save_filter(s, "五女店签约", f, owner=ACTOR)
        save_filter(s, "全区十亿", ProjectFilter(over_1b=True))
        save_filter(s, "五女店签约", f, owner="别人")
        save_filter(s, "五女店签约", ProjectFilter(stages=("signed",)), owner=ACTOR)  # replace
        with pytest.raises(ValueError, match="名称"):
            save_filter(s, " ", f)
    with db.session() as s:
        mine = saved_filters(s, owner=ACTOR)
        assert [(x.name, x.owner) for x in mine] == [("五女店签约", ACTOR), ("全区十亿", "")]
        assert mine[0].filter == ProjectFilter(stages=("signed",))
        delete_saved_filter(s, mine[0].id)
    with db.session() as s:
        assert [x.name for x in saved_filters(s, owner=ACTOR)] == ["全区十亿"]
        save_filter(s, "五女店签约", f, owner=ACTOR)  # a deleted name can be saved again
        assert len(saved_filters(s)) == 3


def test_reference_choices(db, data):
    _, ref = data
    with db.session(readonly=True) as s:
        choices = reference_choices(s)
        assert [g.name for g in choices.nodes] == ["两大主导产业", "两大特色产业", "两大新兴产业"]
        auto = next(i for i in choices.nodes[0].children if i.id == ref["auto"])
        assert auto.level == "industry" and len(auto.children) == 4
        assert len(choices.fields) == 5
        assert choices.leaders == ("张副区长", "李副区长")
        assert [c.name for c in choices.task_forces] == ["汽车零部件项目专班"]
        assert choices.stages[-1].name == "终止"


def test_unknown_sort_column(db, data):
    with db.session(readonly=True) as s, pytest.raises(ValueError, match="sort column"):
        fetch_ids(s, ProjectFilter(), "nope")


def test_projects_without_search_keys_are_not_found_by_text(db, data):
    ids, _ = data
    with db.session() as s:
        s.execute(
            Project.__table__.update().where(Project.id == ids["sanjia"]).values(search_key=None)
        )
    with db.session(readonly=True) as s:
        assert "sanjia" not in keys(ids, s, ProjectFilter(text="sj"))


# ---------------------------------------------------------------- cancelling


def test_interruptible_stops_a_running_statement(db):
    import threading

    from sqlalchemy import text as sql

    from jianan_desk.services.project_query import CancelToken, QueryCancelled, interruptible

    endless = sql(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000000) "
        "SELECT count(*) FROM n"
    )
    if db.path is None:
        pytest.skip("SQLite's progress handler (PostgreSQL: tests/pg/test_query_cancel.py)")
    token = CancelToken()
    started = threading.Event()
    finished = []
    with db.session(readonly=True) as s:
        threading.Thread(target=lambda: (started.wait(), token.cancel())).start()
        with pytest.raises(QueryCancelled, match="查询已取消"), interruptible(s, token):
            started.set()
            s.execute(endless).one()
            finished.append(True)
        assert finished == []
        # the handler is gone: the same connection runs queries again
        assert s.execute(sql("SELECT 1")).scalar() == 1
    # a token cancelled before the work starts: nothing runs
    with db.session(readonly=True) as s, pytest.raises(QueryCancelled), interruptible(s, token):
        finished.append(True)
    assert finished == []
    # without a token: a plain block
    with db.session(readonly=True) as s, interruptible(s, None):
        assert s.execute(sql("SELECT 2")).scalar() == 2


@pytest.mark.parametrize("query", ["项目", "xm", "wnd", "sj"])
def test_a_page_is_the_same_by_index_walk_or_by_scan(db, data, query):
    """``matches`` only changes the plan of a text search, never the rows or their order."""
    from jianan_desk.services.project_query import WALK_MIN_MATCHES

    f = ProjectFilter(text=query)
    with db.session(readonly=True) as s:
        for sort in SORT_COLUMNS:
            for desc in (False, True):
                scanned = fetch_page(s, f, sort, desc, 0, 3)
                walked = fetch_page(s, f, sort, desc, 0, 3, matches=WALK_MIN_MATCHES)
                assert [r.id for r in walked] == [r.id for r in scanned]
                later = fetch_page(s, f, sort, desc, 3, 3, matches=10 * WALK_MIN_MATCHES)
                assert [r.id for r in later] == [r.id for r in fetch_page(s, f, sort, desc, 3, 3)]


@pytest.mark.parametrize("query", ["xm", "sj", "不存在的词", "科技 sj"])
def test_the_first_page_is_the_list_s_head_whichever_plan_runs(db, data, query):
    """``fetch_first_page`` (no count): the sort index walked for a page's matches within a
    budget, else one scan and a sort; either way exactly the first rows of ``fetch_ids``,
    for every sort column, both directions, with other criteria beside the text."""
    from jianan_desk.services.project_query import fetch_first_page

    _, ref = data
    for f in (ProjectFilter(text=query), ProjectFilter(text=query, unit_ids=(ref["wunv"], None))):
        with db.session(readonly=True) as s:
            for sort in SORT_COLUMNS:
                for desc in (False, True):
                    everything = fetch_ids(s, f, sort, desc)
                    # budget 0: the scan; 3: a walk that meets a page of 2 or is cut short
                    # (the scan after it); the default: it meets the page or reaches the end
                    for limit in (2, 200):
                        for budget in (0, 3, None):
                            rows = fetch_first_page(
                                s, f, sort, desc, limit, today=TODAY, walk_budget=budget
                            )
                            got = [r.id for r in rows]
                            assert got == everything[:limit], (f, sort, desc, limit, budget)


def test_the_first_page_without_text_is_fetch_page_s(db, data):
    from jianan_desk.services.project_query import fetch_first_page

    _, _ = data
    with db.session(readonly=True) as s:
        for f in (ProjectFilter(), ProjectFilter(signed_year=2021), ProjectFilter(over_1b=True)):
            for sort in ("updated_at", "name", "unit"):
                first = fetch_first_page(s, f, sort, True, 3, today=TODAY)
                assert first == fetch_page(s, f, sort, True, 0, 3, today=TODAY)


def test_a_walk_given_up_early_still_gives_the_list_s_head(db, data, monkeypatch):
    """The walk gives up as soon as its rate of matches could not fill the page within the
    budget (checked every ``WALK_CHECK`` rows); the scan then answers, with the same rows."""
    from jianan_desk.services import project_query
    from jianan_desk.services.project_query import fetch_first_page

    monkeypatch.setattr(project_query, "WALK_CHECK", 1)
    walks: list[list[str] | None] = []
    real = project_query._walked_ids

    def spy(*args, **kwargs):
        walks.append(real(*args, **kwargs))
        return walks[-1]

    monkeypatch.setattr(project_query, "_walked_ids", spy)
    with db.session(readonly=True) as s:
        for query in ("xm", "sj", "wnd"):
            f = ProjectFilter(text=query)
            for sort in ("updated_at", "name", "unit", "signed_on"):
                for limit in (1, 3, 200):
                    rows = fetch_first_page(s, f, sort, True, limit, today=TODAY, walk_budget=7)
                    assert [r.id for r in rows] == fetch_ids(s, f, sort, True)[:limit]
    assert None in walks and any(walks)  # both outcomes were met


PERIODS = [
    ProjectFilter(signed_year=2021),
    ProjectFilter(signed_from=dt.date(2015, 1, 1), signed_to=dt.date(2026, 12, 31)),
    ProjectFilter(signed_from=dt.date(2021, 6, 1)),  # open end
    ProjectFilter(signed_to=dt.date(2021, 6, 1)),  # open start
    ProjectFilter(signed_from=dt.date(2021, 12, 31), signed_to=dt.date(2021, 12, 31)),  # a day
    ProjectFilter(signed_from=dt.date(2030, 1, 1)),  # nothing
    ProjectFilter(signed_year=2021, over_1b=True),
    ProjectFilter(signed_from=dt.date(2015, 1, 1), stages=("signed",), families=("key",)),
]


@pytest.mark.parametrize(("budget", "check"), [(2, 500), (None, 1), (None, 500)])
def test_a_signing_period_s_first_page_is_the_list_s_head_whichever_plan_runs(
    db, data, monkeypatch, budget, check
):
    """A signing period sorted by an indexed column is walked with the period as a flag
    (``_walk_split``): met within the budget, cut short, or given up at a check (the
    period's index and a sort then); the rows are always the first of ``fetch_ids``.
    Other sorts take ``fetch_page``'s plan without a walk."""
    from jianan_desk.services import project_query
    from jianan_desk.services.project_query import _WALKED_SORTS, fetch_first_page

    monkeypatch.setattr(project_query, "WALK_CHECK", check)
    walks: list[tuple[str, list[str] | None]] = []
    real = project_query._walked_ids

    def spy(session, f, sort, *args, **kwargs):
        walks.append((sort, real(session, f, sort, *args, **kwargs)))
        return walks[-1][1]

    monkeypatch.setattr(project_query, "_walked_ids", spy)
    with db.session(readonly=True) as s:
        for f in PERIODS:
            for sort in SORT_COLUMNS:
                for desc in (False, True):
                    everything = fetch_ids(s, f, sort, desc)
                    for limit in (1, 200):
                        rows = fetch_first_page(
                            s, f, sort, desc, limit, today=TODAY, walk_budget=budget
                        )
                        assert [r.id for r in rows] == everything[:limit], (f, sort, desc, limit)
    assert {sort for sort, _ in walks} == set(_WALKED_SORTS)  # only the indexed sorts walk
    assert any(ids for _, ids in walks)  # some walks met their page…
    if budget is not None:
        assert any(ids is None for _, ids in walks)  # …and some were cut short


def test_a_signing_period_walk_flags_the_dates_instead_of_filtering_by_them(db, data):
    """The walk's statement reads the sort order with the period in the SELECT (a flag per
    row), not in the WHERE clause, where SQLite would take the period's index instead."""
    from sqlalchemy import event

    from jianan_desk.services.project_query import fetch_first_page

    f = ProjectFilter(signed_from=dt.date(2015, 1, 1), signed_to=dt.date(2026, 12, 31))
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session(readonly=True) as s:
            fetch_first_page(s, f, "updated_at", True, 2, today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    walk = " ".join(next(x for x in statements if x.startswith("SELECT")).split())
    select_part, where_part = walk.split(" WHERE ", 1)
    assert "signed_on >=" in select_part and "signed_on <=" in select_part, walk
    assert "signed_on" not in where_part.split("ORDER BY")[0], walk
    assert "LIMIT" in walk, walk
