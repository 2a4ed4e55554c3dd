"""Issue 4, remaining parts: merge preview and company history, contact checks, the leads a
trip produced, projects a visit can be linked to, follow-up owners and lists by date."""

import datetime as dt

import pytest

from jianan_desk.services.companies import (
    CompanyInput,
    ContactInput,
    MergePreview,
    add_contact,
    check_contact_input,
    company_history,
    create_company,
    merge_companies,
    merge_preview,
)
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.services.trips import TripInput, create_trip, get_trip
from jianan_desk.services.visits import (
    VisitInput,
    complete_follow_up,
    create_lead_from_visit,
    create_visit,
    follow_up_owners,
    follow_ups,
    project_choices,
)

ACTOR = "王招商"
D = dt.date


def company(s, name, city="深圳", **kw):
    return create_company(
        s, CompanyInput(name=name, city=city, **kw), ACTOR, allow_likely_duplicate=True
    )


def test_merge_preview_counts_what_would_move_and_history_shows_the_merge(db):
    with db.session() as s:
        a = company(s, "三佳精密传动科技有限公司", city="南京")
        b = company(s, "南京三佳精密传动科技有限公司", city="")
        add_contact(s, b.id, ContactInput(name="张三", mobile="13812345678"), ACTOR)
        add_contact(s, b.id, ContactInput(name="李四"), ACTOR)
        create_visit(s, VisitInput(company_id=b.id, visited_on=D(2022, 3, 1)), ACTOR)
        create_project(s, ProjectInput(name="万向节项目", company_id=b.id), ACTOR)

        preview = merge_preview(s, a.id, b.id)
        assert (preview.first.id, preview.second.id) == (a.id, b.id)
        moving = MergePreview.counts(preview.second)
        assert moving == {"contacts": 2, "visits": 1, "projects": 1, "target_companies": 0}
        assert MergePreview.counts(preview.first) == dict.fromkeys(moving, 0)
        with pytest.raises(ValidationError):
            merge_preview(s, a.id, a.id)

        merge_companies(s, a.id, b.id, ACTOR, note="同一家企业")
        history = company_history(s, a.id)
        merge_line = next(h for h in history if "合并了" in h.what)
        assert "南京三佳精密传动科技有限公司" in merge_line.what
        assert "联系人 2" in merge_line.detail and "拜访记录 1" in merge_line.detail
        assert "同一家企业" in merge_line.detail and merge_line.actor == ACTOR
        assert any(h.what.startswith("企业：新建") for h in history)
        assert [h.at for h in history] == sorted((h.at for h in history), reverse=True)
        with pytest.raises(NotFoundError):
            merge_preview(s, a.id, b.id)  # b is gone


def test_check_contact_input():
    assert check_contact_input(ContactInput(name="张三", mobile="13812345678")) == {}
    errors = check_contact_input(ContactInput(name="", mobile="12", email="x"))
    assert set(errors) == {"name", "mobile", "email"}


def test_trip_lists_the_leads_it_produced(db):
    with db.session() as s:
        c = company(s, "比亚迪股份有限公司")
        trip = create_trip(
            s, TripInput(title="深圳招商", start_on="2022-03-01", end_on="2022-03-02"), ACTOR
        )
        v = create_visit(
            s, VisitInput(company_id=c.id, trip_id=trip.id, visited_on=D(2022, 3, 1)), ACTOR
        )
        lead = create_lead_from_visit(s, v.id, ACTOR, name="比亚迪零部件项目")
        page = get_trip(s, trip.id, today=D(2022, 3, 5))
        (row,) = page.leads_produced
        assert (row.id, row.name, row.stage_label, row.visit_id) == (
            lead.id,
            "比亚迪零部件项目",
            "线索",
            v.id,
        )
        assert row.company_name == "比亚迪股份有限公司"
        assert page.figures.lead_project_ids == (lead.id,)


def test_project_choices_for_a_visit(db):
    with db.session() as s:
        c = company(s, "比亚迪股份有限公司")
        other = company(s, "华为技术有限公司")
        own = create_project(s, ProjectInput(name="比亚迪电池项目", company_id=c.id), ACTOR)
        theirs = create_project(s, ProjectInput(name="华为电池项目", company_id=other.id), ACTOR)
        v = create_visit(s, VisitInput(company_id=c.id, visited_on=D(2022, 3, 1)), ACTOR)
        assert [p.id for p in project_choices(s, v.id)] == [own.id]
        found = project_choices(s, v.id, text="电池")
        assert [p.id for p in found] == [own.id, theirs.id]  # the company's own first
        assert found[0].same_company and not found[1].same_company
        assert found[0].stage_label == "线索"


def test_follow_up_lists_by_date_owner_and_completion(db):
    today = D(2022, 3, 30)  # Wednesday
    with db.session() as s:
        c = company(s, "跟进企业有限公司")

        def visit(on, who):
            return create_visit(
                s, VisitInput(company_id=c.id, visited_on=D(2022, 3, 1), follow_up_on=on), who
            )

        late = visit(D(2022, 3, 29), "王招商")
        due = visit(today, "李四")
        sunday = visit(D(2022, 4, 3), "李四")
        visit(D(2022, 4, 10), "赵六")  # after this week
        assert follow_up_owners(s) == sorted(["王招商", "李四", "赵六"])
        result = follow_ups(s, today=today)
        assert [f.visit_id for f in result.bucket("overdue")] == [late.id]
        assert [f.visit_id for f in result.bucket("today")] == [due.id]
        assert [f.visit_id for f in result.bucket("this_week")] == [sunday.id]
        # on that Sunday the same follow-up is due "today"
        assert follow_ups(s, today=D(2022, 4, 3)).bucket("today")[0].visit_id == sunday.id
        assert [f.owner for f in follow_ups(s, today=today, owner="李四").items] == ["李四"] * 2
        complete_follow_up(s, late.id, ACTOR, on=today, note="已电话沟通")
        assert late.id not in {f.visit_id for f in follow_ups(s, today=today).items}
        assert "王招商" not in follow_up_owners(s)


def test_company_search_narrows_the_previous_answer_without_a_query(db, monkeypatch):
    from jianan_desk.services import companies as service

    with db.session() as s:
        company(s, "南京三佳精密传动科技有限公司", city="南京")
        company(s, "三佳电子有限公司", city="深圳")
        company(s, "比亚迪股份有限公司", city="深圳")
        searcher = service.CompanySearch(limit=10)
        assert {c.name for c in searcher.search(s, "sanj")} == {
            "南京三佳精密传动科技有限公司",
            "三佳电子有限公司",
        }
        assert searcher.search(s, "sanj") == service.search_companies(s, "sanj", limit=10)
        calls = []
        real = service._candidates
        monkeypatch.setattr(service, "_candidates", lambda *a: calls.append(a[1]) or real(*a))
        # narrowing keystrokes: answered from memory, same answer as the database gives
        assert [c.name for c in searcher.search(s, "sanjia dianzi")] == ["三佳电子有限公司"]
        assert [c.name for c in searcher.search(s, "sanjiadianzi")] == ["三佳电子有限公司"]
        assert [c.name for c in searcher.search(s, "sanjiadianzix")] == []
        assert calls == [] and searcher.hits == 4  # incl. the repeated "sanj"
        # a different text queries again
        assert [c.name for c in searcher.search(s, "byd")] == ["比亚迪股份有限公司"]
        assert calls == [["byd"]]
        # an incomplete answer (more than SEARCH_CANDIDATES matches) is not narrowed
        monkeypatch.setattr(service, "SEARCH_CANDIDATES", 1)
        searcher.reset()
        searcher.search(s, "shen")  # 2 matches in 深圳 > 1
        searcher.search(s, "shenzhen")
        assert calls[-2:] == [["shen"], ["shenzhen"]]
        # reset after a change: a new company is found
        monkeypatch.setattr(service, "SEARCH_CANDIDATES", 200)
        searcher.search(s, "bi")
        company(s, "比克电池有限公司")
        searcher.reset()
        assert "比克电池有限公司" in {c.name for c in searcher.search(s, "bik")}


def test_primed_company_search_answers_from_the_index(db, monkeypatch):
    from jianan_desk.services import companies as service

    with db.session() as s:
        company(s, "三佳电子有限公司")
        company(s, "比亚迪股份有限公司")
        searcher = service.CompanySearch(limit=10)
        index = service.company_search_index(s)
        assert {k.name for k in index} == {"三佳电子有限公司", "比亚迪股份有限公司"}
        stale = searcher.generation
        searcher.reset()
        searcher.prime(index, stale)  # loaded before a reset: ignored
        assert not searcher.primed
        searcher.prime(index, searcher.generation)
        monkeypatch.setattr(service, "_candidates", lambda *a: pytest.fail("queried"))
        assert [c.name for c in searcher.search(s, "byd")] == ["比亚迪股份有限公司"]
        assert [c.name for c in searcher.search(s, "sanjia")] == ["三佳电子有限公司"]
        assert searcher.hits == 2
        searcher.reset()
        assert not searcher.primed
