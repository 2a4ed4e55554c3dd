"""Target-company lists: stale targets, editing with status and reason, import/export."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from jianan_desk.services.audit import changes_of
from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.target_companies import (
    EXPORT_HEADERS,
    StaleTarget,
    TargetEntryInput,
    create_target_entry,
    export_rows,
    import_target_rows,
    list_stale_targets,
    list_target_entries,
    set_target_status,
    update_target_entry,
)
from jianan_desk.services.visits import VisitInput, create_visit
from jianan_desk.settings import TARGET_STALE_DAYS, Preferences
from jianan_desk.store.models import IndustryNode, TargetCompany

ACTOR = "王招商"
D = dt.date
AS_OF = D(2022, 6, 30)


def link_id(s, code):
    return s.scalar(select(IndustryNode.id).where(IndustryNode.code == code))


def target(s, name, link="hair.ecommerce", priority=2, status="untouched", visits=()):
    company = create_company(s, CompanyInput(name=name, city="深圳"), ACTOR)
    for on in visits:
        create_visit(s, VisitInput(company_id=company.id, visited_on=on, city="深圳"), ACTOR)
    return create_target_entry(
        s,
        TargetEntryInput(
            company_id=company.id,
            chain_link_id=link_id(s, link),
            priority=priority,
            follower="李专员",
            status=status,
            reason="补齐跨境电商环节",
        ),
        ACTOR,
    )


def test_stale_threshold_is_a_setting_defaulting_to_90(tmp_path):
    prefs = Preferences(tmp_path / "s.ini")
    assert prefs.get(TARGET_STALE_DAYS) == 90
    prefs.set(TARGET_STALE_DAYS, 60)
    assert prefs.get(TARGET_STALE_DAYS) == 60


def test_list_stale_targets_order_and_filters(db):
    with db.session() as s:
        never_b = target(s, "甲跨境电商有限公司", priority=2)
        never_a = target(s, "乙跨境电商有限公司", priority=1)
        old = target(s, "丙发制品有限公司", visits=[D(2021, 12, 1), D(2022, 1, 10)])
        older = target(s, "丁发制品有限公司", priority=3, visits=[D(2021, 11, 1)])
        target(s, "戊发制品有限公司", visits=[D(2022, 5, 1)])  # recent: not stale
        target(s, "己发制品有限公司", status="signed")  # closed
        target(s, "庚发制品有限公司", status="dropped")  # closed
        # a visit after as_of does not count as a contact before it
        later = target(s, "辛发制品有限公司", visits=[D(2022, 1, 1), D(2022, 8, 1)])
        s.commit()

        rows = list_stale_targets(s, AS_OF)
        assert [r.id for r in rows] == [never_a.id, never_b.id, older.id, later.id, old.id]
        assert rows[0] == StaleTarget(
            id=never_a.id,
            company_name="乙跨境电商有限公司",
            chain_link_name="跨境电商·品牌",
            priority="A",
            follower="李专员",
            last_contact_on=None,
            days_since=None,
            chain_link_id=link_id(s, "hair.ecommerce"),
        )
        assert rows[2].priority == "C"
        assert rows[2].last_contact_on == D(2021, 11, 1)
        assert rows[2].days_since == (AS_OF - D(2021, 11, 1)).days
        assert rows[4].last_contact_on == D(2022, 1, 10)

        # the threshold: 171 days since 2022-01-10; with days=171 it is not yet stale
        assert old.id not in [r.id for r in list_stale_targets(s, AS_OF, days=171)]
        assert old.id in [r.id for r in list_stale_targets(s, AS_OF, days=170)]
        assert len(list_stale_targets(s, AS_OF, limit=2)) == 2


def test_stale_ignores_deleted_entries(db):
    with db.session() as s:
        t = target(s, "甲跨境电商有限公司")
        s.get(TargetCompany, t.id).deleted_at = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
        s.commit()
        assert list_stale_targets(s, AS_OF) == []


def test_entry_status_reason_and_change_log(db):
    with db.session() as s:
        t = target(s, "甲跨境电商有限公司", visits=[D(2022, 6, 1)])
        assert t.status_label == "未接触"
        assert t.priority_code == "B"
        assert t.last_contact_on == D(2022, 6, 1)
        data = t.to_input()
        data.priority = 1
        data.reason = "头部跨境电商"
        updated = update_target_entry(s, t.id, data, ACTOR)
        assert (updated.priority_code, updated.reason) == ("A", "头部跨境电商")
        signed = set_target_status(s, t.id, "signed", ACTOR)
        assert signed.status_label == "已签约"
        assert not signed.stale
        actions = [c.action for c in changes_of(s, t.id)]
        assert actions.count("update") == 2 and "create" in actions
        with pytest.raises(ValidationError) as err:
            set_target_status(s, t.id, "bogus", ACTOR)
        assert "status" in err.value.errors


def test_list_entries_marks_stale(db):
    with db.session() as s:
        a = target(s, "甲跨境电商有限公司", visits=[D(2022, 6, 1)])
        b = target(s, "乙跨境电商有限公司", visits=[D(2022, 1, 1)])
        rows = {r.id: r for r in list_target_entries(s, as_of=AS_OF)}
        assert not rows[a.id].stale and rows[b.id].stale
        assert rows[a.id].industry_name == "发制品"
        only = list_target_entries(s, as_of=AS_OF, stale_only=True)
        assert [r.id for r in only] == [b.id]
        assert list_target_entries(s, as_of=AS_OF, stale_days=365, stale_only=True) == []


def test_import_rows_creates_updates_and_reports_errors(db):
    with db.session() as s:
        existing = create_company(s, CompanyInput(name="深圳甲电商有限公司", city="深圳"), ACTOR)
        rows = [
            ["企业名称", "产业链环节", "优先级", "城市", "理由", "跟进人", "状态"],
            ["深圳甲电商有限公司", "跨境电商·品牌", "A", "深圳", "龙头", "李专员", "已接触"],
            ["杭州乙纤维有限公司", "发制品·化纤原料·耐高温纤维", "c", "杭州", "", "", ""],
            ["错误环节有限公司", "不存在的环节", "A", "", "", "", ""],
            ["错误优先级有限公司", "假发成品", "Z", "", "", "", "进行中"],
            [None, None, None, None, None, None, None],
        ]
        result = import_target_rows(s, rows, ACTOR)
        assert (result.created, result.updated, result.companies_created) == (2, 0, 1)
        assert len(result.errors) == 2
        assert result.errors[0].startswith("第 4 行")
        assert "优先级" in result.errors[1] and "状态" in result.errors[1]
        entries = {e.company_name: e for e in list_target_entries(s, as_of=AS_OF)}
        assert entries["深圳甲电商有限公司"].company_id == existing.id
        assert entries["深圳甲电商有限公司"].status == "contacted"
        assert entries["杭州乙纤维有限公司"].priority == 3
        assert entries["杭州乙纤维有限公司"].chain_link_name == "化纤原料·耐高温纤维"
        # importing again updates instead of duplicating
        again = import_target_rows(s, rows[:2], ACTOR)
        assert (again.created, again.updated) == (0, 1)
        assert s.scalar(select(func.count()).select_from(TargetCompany)) == 2


def test_import_needs_name_column(db):
    with db.session() as s:
        result = import_target_rows(s, [["名称"], ["x"]], ACTOR)
        assert result.errors == ["未找到“企业名称”列"]


def test_export_rows_match_headers(db):
    with db.session() as s:
        target(s, "甲跨境电商有限公司", priority=1)
        rows = export_rows(list_target_entries(s, as_of=AS_OF))
        assert len(rows[0]) == len(EXPORT_HEADERS)
        assert rows[0][:4] == ["甲跨境电商有限公司", "发制品", "跨境电商·品牌", "A"]
        assert rows[0][7] == "未接触"


def test_update_refuses_an_outdated_copy(db):
    from jianan_desk.services.errors import ConcurrentEditError

    with db.session() as s:
        loaded = target(s, "甲跨境电商有限公司")
        other = loaded.to_input()
        other.follower = "张专员"
        update_target_entry(s, loaded.id, other, "另一人", expected_version=loaded.version)
        mine = loaded.to_input()
        mine.reason = "我的修改"
        with pytest.raises(ConcurrentEditError):
            update_target_entry(s, loaded.id, mine, ACTOR, expected_version=loaded.version)
        fresh = list_target_entries(s, as_of=AS_OF)[0]
        assert fresh.version == loaded.version + 1 and fresh.follower == "张专员"
