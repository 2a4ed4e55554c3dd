"""The company service against a real (migrated, seeded) database."""

import datetime as dt
import json

import pytest
from sqlalchemy import func, insert, select

from jianan_desk.services.audit import changes_of
from jianan_desk.services.companies import (
    CompanyFilter,
    CompanyInput,
    ContactInput,
    DuplicateCompanyError,
    TargetInput,
    add_contact,
    add_target,
    check_company_input,
    count_companies,
    create_company,
    delete_company,
    delete_contact,
    export_safe,
    fetch_company_ids,
    fetch_company_rows,
    find_duplicates,
    get_company,
    list_companies,
    list_contacts,
    list_targets,
    merge_companies,
    merges_of,
    rebuild_company_keys,
    search_companies,
    update_company,
    update_contact,
)
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.services.visits import VisitInput, create_visit
from jianan_desk.store.models import (
    ChangeLog,
    Company,
    CompanyMerge,
    Contact,
    IndustryNode,
    Project,
    TargetCompany,
    Visit,
)
from jianan_desk.store.types import new_id

ACTOR = "王招商"
TODAY = dt.date(2022, 3, 31)
USCC = "91350100M000100Y43"
USCC2 = "91440300708461136T"


def make(s, name, **kw):
    return create_company(s, CompanyInput(name=name, **kw), ACTOR)


def test_create_fills_normalised_name_and_search_key_and_logs(db):
    with db.session() as s:
        c = make(s, "三佳（南京）精密传动科技有限公司", uscc=" 91350100m000100y43", city="南京")
        assert c.uscc == USCC
        assert c.normalized_name == "三佳精密传动科技"
        row = s.get(Company, c.id)
        assert "sanjia" in row.search_key and "nanjing" in row.search_key
        log = s.scalars(select(ChangeLog).where(ChangeLog.entity_id == c.id)).one()
        assert (log.action, log.actor) == ("create", ACTOR)


def test_validation_messages_are_per_field(db):
    with db.session() as s:
        with pytest.raises(ValidationError) as info:
            make(s, "", uscc="91350100M000100Y44")
        assert set(info.value.errors) == {"name", "uscc"}
        assert "校验位错误" in info.value.errors["uscc"]
        assert check_company_input(s, CompanyInput(name="甲", uscc="123")) == {
            "uscc": "统一社会信用代码应为18位，当前为3位"
        }


def test_same_uscc_is_a_duplicate_and_cannot_be_forced(db):
    with db.session() as s:
        first = make(s, "华为技术有限公司", uscc=USCC2)
        with pytest.raises(DuplicateCompanyError) as info:
            create_company(
                s, CompanyInput(name="另一家公司", uscc=USCC2), ACTOR, allow_likely_duplicate=True
            )
        assert info.value.certain
        assert [(c.id, c.level) for c in info.value.candidates] == [(first.id, "duplicate")]
        assert "uscc" in info.value.errors


def test_same_normalised_name_warns_and_offers_the_existing_record(db):
    with db.session() as s:
        first = make(s, "华为技术有限公司", city="深圳")
        with pytest.raises(DuplicateCompanyError) as info:
            make(s, "深圳市华为技术有限公司")
        assert not info.value.certain
        (candidate,) = info.value.candidates
        assert (candidate.id, candidate.level, candidate.city) == (first.id, "likely", "深圳")
        # the user chose to keep both
        second = create_company(
            s, CompanyInput(name="深圳市华为技术有限公司"), ACTOR, allow_likely_duplicate=True
        )
        assert second.id != first.id
        assert {c.id for c in find_duplicates(s, "华为技术（深圳）有限公司")} == {
            first.id,
            second.id,
        }
        assert [c.id for c in find_duplicates(s, "华为技术", exclude_id=first.id)] == [second.id]


def test_uscc_of_a_deleted_company_is_refused_with_its_name(db):
    with db.session() as s:
        c = make(s, "甲公司", uscc=USCC)
        delete_company(s, c.id, ACTOR)
        with pytest.raises(ValidationError) as info:
            make(s, "乙公司", uscc=USCC)
        assert "已删除或已合并" in info.value.errors["uscc"]


def test_update_only_logs_changes_and_renames_keep_keys(db):
    with db.session() as s:
        c = make(s, "许昌三佳有限公司")
        project = create_project(s, ProjectInput(name="万向节项目", company_id=c.id), ACTOR)
        updated = update_company(s, c.id, CompanyInput(name="许昌万佳有限公司", city="许昌"), ACTOR)
        assert updated.normalized_name == "许昌万佳"  # too short to drop 许昌
        assert "wanjia" in s.get(Company, c.id).search_key
        assert s.get(Project, project.id).investor_name == "许昌万佳有限公司"
        update_company(s, c.id, updated.to_input(), ACTOR)  # nothing changed
        actions = [e.action for e in changes_of(s, c.id)]
        assert actions.count("update") == 1


def test_update_refuses_a_code_another_company_holds(db):
    with db.session() as s:
        make(s, "甲公司", uscc=USCC)
        b = make(s, "乙公司")
        with pytest.raises(ValidationError) as info:
            update_company(s, b.id, CompanyInput(name="乙公司", uscc=USCC), ACTOR)
        assert "甲公司" in info.value.errors["uscc"]


def test_contacts_crud_and_export_safe(db):
    with db.session() as s:
        c = make(s, "甲公司")
        contact = add_contact(
            s,
            c.id,
            ContactInput(name="张三", title="总经理", mobile="13812345678", email="zs@a.com"),
            ACTOR,
        )
        with pytest.raises(ValidationError) as info:
            add_contact(s, c.id, ContactInput(name="", email="bad"), ACTOR)
        assert set(info.value.errors) == {"name", "email"}
        update_contact(
            s, contact.id, ContactInput(name="张三", mobile="13987654321", wechat="wx_zs88"), ACTOR
        )
        (row,) = list_contacts(s, c.id)
        assert row.mobile == "13987654321"  # in full on screen
        (safe,) = export_safe([row])
        assert (safe.mobile, safe.wechat) == ("139****4321", "wx***88")
        assert export_safe([row], reveal=True)[0].mobile == "13987654321"
        # the change log never holds the number in full
        logs = " ".join(
            s.scalars(select(ChangeLog.changes).where(ChangeLog.entity_id == contact.id))
        )
        assert "13987654321" not in logs and "13812345678" not in logs
        delete_contact(s, contact.id, ACTOR)
        assert list_contacts(s, c.id) == []
        with pytest.raises(NotFoundError):
            delete_contact(s, contact.id, ACTOR)


def _counts(s, company_id):
    return {
        model.__tablename__: s.scalar(
            select(func.count())
            .select_from(model)
            .where(model.company_id == company_id, model.deleted_at.is_(None))
        )
        for model in (Contact, Visit, Project, TargetCompany)
    }


def test_merge_moves_everything_and_loses_nothing(db):
    with db.session() as s:
        link = s.scalars(select(IndustryNode).where(IndustryNode.level == "link")).first()
        a = make(s, "三佳精密传动科技有限公司", city="南京")
        b = create_company(
            s,
            CompanyInput(name="南京三佳精密传动科技有限公司", uscc=USCC, website="sj.com"),
            ACTOR,
            allow_likely_duplicate=True,
        )
        for company in (a, b):
            add_contact(s, company.id, ContactInput(name="联系人" + company.id[:4]), ACTOR)
            v = create_visit(
                s, VisitInput(company_id=company.id, visited_on=TODAY, content="洽谈"), ACTOR
            )
            create_project(
                s, ProjectInput(name="项目" + company.id[:4], company_id=company.id), ACTOR
            )
            add_target(s, TargetInput(company_id=company.id, chain_link_id=link.id), ACTOR)
            del v
        before_a, before_b = _counts(s, a.id), _counts(s, b.id)
        total_before = {k: before_a[k] + before_b[k] for k in before_a}

        result = merge_companies(s, a.id, b.id, ACTOR, note="同一家")

        assert result.moved == before_b
        # both were on the same chain link's target list: one entry stays
        assert _counts(s, a.id) == {**total_before, "target_companies": 1}
        assert len(list_targets(s, chain_link_id=link.id)) == 1
        assert all(n == 0 for n in _counts(s, b.id).values())
        survivor, other = s.get(Company, a.id), s.get(Company, b.id)
        assert other.deleted_at is not None and other.uscc is None
        assert survivor.uscc == USCC and survivor.website == "sj.com"
        # the projects show the survivor's name
        assert set(s.scalars(select(Project.investor_name).where(Project.company_id == a.id))) == {
            "三佳精密传动科技有限公司"
        }
        record = s.scalars(select(CompanyMerge)).one()
        assert (record.survivor_id, record.merged_id, record.merged_uscc) == (a.id, b.id, USCC)
        assert set(json.loads(record.moved)) == {
            "contacts",
            "visits",
            "projects",
            "target_companies",
        }
        assert [m.note for m in merges_of(s, b.id)] == ["同一家"]
        assert {e.action for e in changes_of(s, a.id)} >= {"merge"}
        assert {e.action for e in changes_of(s, b.id)} >= {"merged_into"}
        assert get_company(s, a.id).visit_count == 2
        with pytest.raises(NotFoundError):
            get_company(s, b.id)
        with pytest.raises(ValidationError):
            merge_companies(s, a.id, a.id, ACTOR)


def test_list_filters_and_search(db):
    with db.session() as s:
        industry = s.scalars(select(IndustryNode).where(IndustryNode.level == "industry")).first()
        link = s.scalars(select(IndustryNode).where(IndustryNode.parent_id == industry.id)).first()
        a = make(
            s, "深圳市三佳精密有限公司", city="深圳", industry_node_id=industry.id, is_target=True
        )
        b = make(s, "瑞贝卡发制品股份有限公司", city="许昌", is_local=True)
        c = make(s, "长葛机械有限公司", city="许昌", industry_node_id=link.id)
        create_visit(
            s, VisitInput(company_id=a.id, visited_on=TODAY - dt.timedelta(days=10)), ACTOR
        )
        create_visit(
            s, VisitInput(company_id=b.id, visited_on=TODAY - dt.timedelta(days=200)), ACTOR
        )

        def ids(**kw):
            return {r.id for r in list_companies(s, CompanyFilter(today=TODAY, **kw))}

        assert ids() == {a.id, b.id, c.id}
        assert ids(cities=["许昌"]) == {b.id, c.id}
        assert ids(industry_node_ids=[industry.id]) == {a.id, c.id}  # its links too
        assert ids(is_local=True) == {b.id}
        assert ids(is_target=True) == {a.id}
        assert ids(last_contact_before_days=90) == {b.id, c.id}  # never visited counts
        assert ids(text="sj") == {a.id}
        assert ids(text="sanjia") == {a.id}
        assert ids(text="ruibeika") == {b.id}
        assert ids(text="changge") == {c.id}  # polyphonic 长 in both readings
        assert ids(text="许昌 rbk") == {b.id}
        assert count_companies(s, CompanyFilter(cities=["许昌"])) == 2
        rows = list_companies(s, sort="last_visit_on", descending=True)
        assert rows[0].id == a.id and rows[0].last_visit_on == TODAY - dt.timedelta(days=10)
        assert [r.id for r in list_companies(s, limit=1, offset=1, sort="name")] == [
            sorted(rows, key=lambda r: (r.name, r.id))[1].id
        ]
        assert [ch.id for ch in search_companies(s, "sj")] == [a.id]
        ordered = fetch_company_ids(s, CompanyFilter(today=TODAY), "last_visit_on", True)
        assert ordered[0] == a.id and len(ordered) == 3
        assert fetch_company_ids(s, CompanyFilter(), "industry_name")
        assert [r.id for r in fetch_company_rows(s, [c.id, a.id])] == [c.id, a.id]
        delete_company(s, c.id, ACTOR)
        assert ids() == {a.id, b.id}


def test_targets(db):
    with db.session() as s:
        link = s.scalars(select(IndustryNode).where(IndustryNode.level == "link")).first()
        c = make(s, "目标企业有限公司", city="杭州")
        entry = add_target(
            s,
            TargetInput(company_id=c.id, chain_link_id=link.id, priority=1, follower="李四"),
            ACTOR,
        )
        assert (entry.city, entry.chain_link_name, entry.priority) == ("杭州", link.name, 1)
        assert s.get(Company, c.id).is_target
        assert [t.id for t in list_targets(s, chain_link_id=link.id)] == [entry.id]
        assert [t.id for t in list_targets(s, untouched_days=90, today=TODAY)] == [entry.id]
        create_visit(s, VisitInput(company_id=c.id, visited_on=TODAY), ACTOR)
        assert list_targets(s, untouched_days=90, today=TODAY) == []
        with pytest.raises(ValidationError) as info:
            add_target(s, TargetInput(company_id=c.id, priority=5), ACTOR)
        assert "priority" in info.value.errors


def test_rebuild_keys_of_bulk_inserted_companies(db):
    with db.session() as s:
        cid = new_id()
        s.execute(insert(Company).values(id=cid, name="深圳市比亚迪股份有限公司"))
        s.expire_all()
        assert s.get(Company, cid).search_key is None
        assert rebuild_company_keys(s, only_missing=True) == 1
        s.expire_all()
        row = s.get(Company, cid)
        assert row.normalized_name == "比亚迪" and "byd" in row.search_key
