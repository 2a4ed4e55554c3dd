"""The project service against a real (migrated, seeded) database."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from jianan_desk.domain.stages import Stage
from jianan_desk.services.audit import changes_of
from jianan_desk.services.checks import run_checks
from jianan_desk.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from jianan_desk.services.investments import (
    FundsInput,
    add_funds,
    delete_funds,
    delete_key_plan,
    delete_monthly_investment,
    investment_summary,
    set_key_plan,
    set_monthly_investment,
    update_funds,
)
from jianan_desk.services.projects import (
    ProjectInput,
    advance_stage,
    check_project_input,
    correct_stage,
    count_missing_search_keys,
    create_project,
    delete_project,
    drop_project,
    find_companies,
    get_project_detail,
    rebuild_search_keys,
    restore_project,
    stage_options,
    update_project,
)
from jianan_desk.store.models import (
    ChangeLog,
    Company,
    IndustryNode,
    PlanField,
    Project,
    ProjectStageEvent,
    TaskForce,
    Unit,
)
from jianan_desk.store.types import new_id

TODAY = dt.date(2022, 3, 31)
ACTOR = "王招商"


@pytest.fixture
def ref(db):
    """Ids of reference rows the tests use (from the seeded data) and a task force."""
    with db.session() as s:
        node = {n.code: n for n in s.scalars(select(IndustryNode))}
        tf = TaskForce(name="汽车零部件项目专班", head_leader="李区长")
        s.add(tf)
        s.flush()
        return {
            "auto": node["auto"].id,
            "hair": node["hair"].id,
            "leading": node["leading"].id,
            "auto_link": next(n.id for n in node.values() if n.parent_id == node["auto"].id),
            "hair_link": next(n.id for n in node.values() if n.parent_id == node["hair"].id),
            "field": s.scalars(select(PlanField.id).order_by(PlanField.sort_order)).first(),
            "unit": s.scalar(select(Unit.id).where(Unit.name == "尚集产业集聚区")),
            "task_force": tf.id,
        }


def sanjia(ref, **changes):
    data = ProjectInput(
        name="许昌汽车零部件产业园三佳1000万套万向节总成项目",
        family="attraction",
        new_company_name="南京三佳精密传动科技有限公司",
        industry_node_id=ref["auto"],
        chain_link_id=ref["auto_link"],
        field_id=ref["field"],
        total_investment_wan="5亿元",
        fixed_asset_investment_wan="4.2亿",
        foreign_investment_usd_wan="$500万",
        land_mu="95亩",
        location="尚集产业集聚区",
        unit_id=ref["unit"],
        leader_in_charge="张副区长",
        task_force_id=ref["task_force"],
        expected_revenue_wan="伍亿",
        expected_tax_wan="3,000万",
        jobs="1,200人",
        construction_content="建设万向节总成生产线 50 条",
        contract_notes="2021年6月签订投资协议",
        notes="三佳集团第二期",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def log(session, project_id):
    return [(c.action, c.changes) for c in reversed(changes_of(session, project_id))]


# ---------------------------------------------------------------- create and edit


def test_create_parses_amounts_and_records_everything(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, stage_on="2021/5/1", today=TODAY)
        assert d.total_investment_wan == Decimal(50000)
        assert d.fixed_asset_investment_wan == Decimal(42000)
        assert d.foreign_investment_usd_wan == Decimal(500)
        assert d.land_mu == Decimal(95)
        assert d.expected_revenue_wan == Decimal(50000)
        assert d.expected_tax_wan == Decimal(3000)
        assert d.jobs == 1200
        assert d.company_name == "南京三佳精密传动科技有限公司"
        assert d.industry_name == "汽车零部件及装备制造"
        assert d.unit_name == "尚集产业集聚区"
        assert d.task_force_name == "汽车零部件项目专班"
        assert (d.stage, d.stage_label, d.stage_on, d.signed_on) == (
            "lead",
            "线索",
            dt.date(2021, 5, 1),
            None,
        )
        assert [(t.stage, t.kind, t.recorded_by) for t in d.timeline] == [
            ("lead", "advance", ACTOR)
        ]
        assert d.updated_by == ACTOR
        project = s.get(Project, d.id)
        assert "sanjia" in project.search_key and "sj" in project.search_key
        assert project.investor_name == "南京三佳精密传动科技有限公司"
        entries = log(s, d.id)
        assert [a for a, _ in entries] == ["create", "advance"]
        created = entries[0][1]
        assert created["total_investment_wan"] == [None, "50000"]
        assert created["land_mu"] == [None, "95"]
        company = s.scalar(select(ChangeLog).where(ChangeLog.entity == "company"))
        assert company.action == "create" and company.actor == ACTOR


def test_new_company_name_reuses_an_existing_company(db, ref):
    with db.session() as s:
        a = create_project(s, sanjia(ref), ACTOR, today=TODAY)
        b = create_project(s, sanjia(ref, name="三佳二期"), ACTOR, today=TODAY)
        assert a.company_id == b.company_id
        assert s.scalar(select(Company.id).where(Company.name.like("%三佳%"))) == a.company_id
        assert [c.name for c in find_companies(s, "三佳")] == ["南京三佳精密传动科技有限公司"]


def test_create_at_a_later_stage_records_the_stages_before_it(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, stage="开工", stage_on="2022-01-04", today=TODAY)
        assert d.stage == "started"
        assert [(t.stage, t.kind) for t in d.timeline] == [
            ("lead", "skipped"),
            ("negotiating", "skipped"),
            ("signed", "skipped"),
            ("performing", "skipped"),
            ("started", "advance"),
        ]
        assert d.messages and "签约" in d.messages[0]
        assert d.signed_on == dt.date(2022, 1, 4)
        signed = next(t for t in d.timeline if t.stage == "signed")
        assert signed.signed_investment_wan == Decimal(50000)


def test_validation_errors_per_field(db, ref):
    bad = sanjia(
        ref,
        name="  ",
        total_investment_wan="很多",
        land_mu="-3",
        jobs="1.5",
        family="其他",
        chain_link_id=ref["hair_link"],  # not under 汽车零部件
        unit_id="no-such-unit",
    )
    with db.session() as s, pytest.raises(ValidationError) as info:
        create_project(s, bad, ACTOR, today=TODAY)
    errors = info.value.errors
    assert set(errors) == {
        "name",
        "total_investment_wan",
        "land_mu",
        "jobs",
        "family",
        "chain_link_id",
        "unit_id",
    }
    assert errors["name"] == "请填写项目名称"
    assert "不属于产业" in errors["chain_link_id"]
    assert "不存在" in errors["unit_id"]
    assert "项目名称" in str(info.value)
    with db.session() as s:
        assert s.scalar(select(Project.id)) is None  # nothing written
        assert check_project_input(s, bad)["jobs"] == "人数应为整数"
        assert check_project_input(s, sanjia(ref)) == {}


def test_industry_must_be_an_industry_and_fixed_assets_within_total(db, ref):
    with db.session() as s, pytest.raises(ValidationError) as info:
        create_project(
            s,
            sanjia(ref, industry_node_id=ref["leading"], chain_link_id=None),
            ACTOR,
            today=TODAY,
        )
    assert set(info.value.errors) == {"industry_node_id"}
    with db.session() as s, pytest.raises(ValidationError) as info:
        create_project(s, sanjia(ref, fixed_asset_investment_wan="6亿"), ACTOR, today=TODAY)
    assert set(info.value.errors) == {"fixed_asset_investment_wan"}


def test_a_chain_link_alone_fills_in_its_industry(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref, industry_node_id=None), ACTOR, today=TODAY)
        assert d.industry_node_id == ref["auto"]


def test_actor_is_required(db, ref):
    with db.session() as s, pytest.raises(ValidationError) as info:
        create_project(s, sanjia(ref), "  ", today=TODAY)
    assert set(info.value.errors) == {"actor"}


def test_update_logs_only_what_changed_with_old_and_new(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, today=TODAY)
    with db.session() as s:
        data = d.to_input()
        assert data.total_investment_wan == Decimal(50000) and data.company_id == d.company_id
        data.total_investment_wan = "5.5亿"
        data.location = "许昌汽车零部件产业园"
        after = update_project(s, d.id, data, "李专员", expected_updated_at=d.updated_at)
        assert after.total_investment_wan == Decimal(55000)
        assert after.updated_by == "李专员" and after.updated_at > d.updated_at
        action, changes = log(s, d.id)[-1]
        assert action == "update"
        assert changes == {
            "total_investment_wan": ["50000", "55000"],
            "location": ["尚集产业集聚区", "许昌汽车零部件产业园"],
        }
        assert "xuchang" in s.get(Project, d.id).search_key
        entries = len(log(s, d.id))
        same = update_project(s, d.id, after.to_input(), "李专员")
        assert same.updated_at == after.updated_at
        assert len(log(s, d.id)) == entries  # nothing changed, nothing logged


def test_update_refuses_a_stale_form(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, today=TODAY)
        update_project(s, d.id, sanjia(ref, notes="改了"), "李专员")
    with db.session() as s, pytest.raises(ConcurrentEditError, match="李专员"):
        update_project(s, d.id, sanjia(ref, notes="又改"), ACTOR, expected_updated_at=d.updated_at)


def test_soft_delete_and_restore(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, today=TODAY)
        delete_project(s, d.id, ACTOR)
        with pytest.raises(NotFoundError):
            get_project_detail(s, d.id)
        assert get_project_detail(s, d.id, include_deleted=True).deleted_at is not None
        with pytest.raises(NotFoundError):
            update_project(s, d.id, sanjia(ref), ACTOR)
        assert restore_project(s, d.id, ACTOR).deleted_at is None
        assert [a for a, _ in log(s, d.id)] == ["create", "advance", "delete", "restore"]


# ---------------------------------------------------------------- stages


def stage_findings(session):
    return [f for f in run_checks(session, sqlite=False) if f.rule.startswith("stage")]


def test_advance_skip_and_caches(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, stage_on="2021-01-05", today=TODAY)
        r = advance_stage(s, d.id, Stage.NEGOTIATING, "2021-02-01", "首次洽谈", ACTOR, today=TODAY)
        assert (r.before, r.stage, r.messages) == ("lead", "negotiating", ())
        r = advance_stage(
            s, d.id, "签约", "2021年6月1日", "", ACTOR, signed_investment_wan="4.8亿", today=TODAY
        )
        r = advance_stage(s, d.id, "开工", "2022-01-04", "集中开工", ACTOR, today=TODAY)
        assert r.stage == "started" and "履约" in r.messages[0]
        p = s.get(Project, d.id)
        assert (p.stage, p.signed_on, p.stage_on) == (
            "started",
            dt.date(2021, 6, 1),
            dt.date(2022, 1, 4),
        )
        signed = s.scalar(select(ProjectStageEvent).where(ProjectStageEvent.stage == "signed"))
        assert signed.signed_investment_wan == Decimal(48000)
        action, changes = log(s, d.id)[-1]
        assert action == "advance"
        assert changes["stage"] == ["signed", "started"]
        assert changes["occurred_on"] == [None, "2022-01-04"]
        assert stage_findings(s) == []


def test_advance_refusals_name_the_field(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, stage="签约", stage_on="2021-06-01", today=TODAY)
        with pytest.raises(ValidationError) as info:
            advance_stage(s, d.id, "开工", "2021-05-01", "", ACTOR, today=TODAY)
        assert set(info.value.errors) == {"on"}
        with pytest.raises(ValidationError) as info:
            advance_stage(s, d.id, "洽谈", "2021-07-01", "", ACTOR, today=TODAY)
        assert info.value.needs_correction and set(info.value.errors) == {"stage"}
        with pytest.raises(ValidationError) as info:
            advance_stage(s, d.id, "开工", "2021/13/1", "", ACTOR, today=TODAY)
        assert set(info.value.errors) == {"on"}
        with pytest.raises(ValidationError) as info:
            advance_stage(s, d.id, "竣工", "2021-07-01", "", ACTOR, today=TODAY)
        assert set(info.value.errors) == {"stage"}


def test_correction_supersedes_and_the_timeline_keeps_it(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, stage="开工", stage_on="2022-01-04", today=TODAY)
        with pytest.raises(ValidationError) as info:
            correct_stage(s, d.id, "签约", "2022-01-04", "", ACTOR, today=TODAY)
        assert set(info.value.errors) == {"reason"}
        with pytest.raises(ValidationError, match="不能早于“洽谈”"):  # furthest that day
            correct_stage(s, d.id, "签约", "2021-12-20", "开工信息有误", ACTOR, today=TODAY)
        r = correct_stage(s, d.id, "签约", "2022-01-04", "开工信息有误", "李专员", today=TODAY)
        assert (r.before, r.stage) == ("started", "signed")
        assert any("开工" in m for m in r.messages)
        detail = get_project_detail(s, d.id)
        assert (detail.stage, detail.signed_on, detail.stage_on) == (
            "signed",
            dt.date(2022, 1, 4),
            dt.date(2022, 1, 4),
        )
        effective = [(t.stage, t.kind) for t in detail.timeline if not t.superseded]
        assert effective == [
            ("lead", "skipped"),
            ("negotiating", "skipped"),
            ("signed", "correction"),
        ]
        correction = next(t for t in detail.timeline if t.kind == "correction")
        assert correction.reason == "开工信息有误" and correction.recorded_by == "李专员"
        assert correction.signed_investment_wan == Decimal(50000)  # carried over
        superseded = [t for t in detail.timeline if t.superseded]
        assert {t.stage for t in superseded} == {"signed", "performing", "started"}
        assert all(t.superseded_by_id == correction.id for t in superseded)
        action, changes = log(s, d.id)[-1]
        assert action == "correct" and changes["reason"] == [None, "开工信息有误"]
        assert stage_findings(s) == []
        assert detail.stage_options.advance_to[0] is Stage.PERFORMING


def test_drop_needs_a_reason_and_only_a_correction_revives(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, stage="洽谈", stage_on="2021-02-01", today=TODAY)
        with pytest.raises(ValidationError) as info:
            drop_project(s, d.id, "2021-09-01", " ", ACTOR, today=TODAY)
        assert set(info.value.errors) == {"reason"}
        r = drop_project(s, d.id, "2021-09-01", "企业投资意向取消", ACTOR, today=TODAY)
        assert r.stage == "dropped"
        assert s.get(Project, d.id).stage_on == dt.date(2021, 9, 1)
        with pytest.raises(ValidationError) as info:
            advance_stage(s, d.id, "签约", "2021-10-01", "", ACTOR, today=TODAY)
        assert info.value.needs_correction
        assert not stage_options(s, d.id).can_drop
        r = correct_stage(s, d.id, "洽谈", "2022-01-10", "企业重启谈判", ACTOR, today=TODAY)
        assert (r.before, r.stage) == ("dropped", "negotiating")
        kinds = [t.kind for t in get_project_detail(s, d.id).timeline if not t.superseded]
        assert kinds == ["skipped", "revive"]
        assert log(s, d.id)[-1][0] == "revive"
        assert stage_findings(s) == []


# ---------------------------------------------------------------- derived columns


def test_company_rename_updates_keys_but_not_the_projects_edit_time(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, today=TODAY)
    with db.session() as s:
        s.get(Company, d.company_id).name = "常州华达精工有限公司"
    with db.session() as s:
        p = s.get(Project, d.id)
        assert "changzhou" in p.search_key and "sanjiajingmi" not in p.search_key
        assert p.investor_name == "常州华达精工有限公司"
        assert p.updated_at == d.updated_at


def test_rebuild_fills_rows_written_by_bulk_insert(db, ref):
    pid, company = new_id(), new_id()
    with db.session() as s:
        s.execute(insert(Company), [{"id": company, "name": "三佳集团", "normalized_name": ""}])
        s.execute(insert(Project), [{"id": pid, "name": "万向节项目", "company_id": company}])
        s.execute(
            insert(ProjectStageEvent),
            [
                {
                    "id": new_id(),
                    "project_id": pid,
                    "stage": "signed",
                    "occurred_on": dt.date(2021, 6, 1),
                },
                {
                    "id": new_id(),
                    "project_id": pid,
                    "stage": "started",
                    "occurred_on": dt.date(2022, 1, 4),
                },
            ],
        )
        s.execute(Project.__table__.update().where(Project.id == pid).values(stage="started"))
    with db.session() as s:
        assert s.get(Project, pid).search_key is None
        assert count_missing_search_keys(s) == 1
        assert rebuild_search_keys(s) == 1
        assert rebuild_search_keys(s) == 0  # only missing ones
    with db.session() as s:
        p = s.get(Project, pid)
        assert "wxj" in p.search_key and "sanjia" in p.search_key
        assert p.investor_name == "三佳集团"
        assert (p.signed_on, p.stage_on) == (dt.date(2021, 6, 1), dt.date(2022, 1, 4))
        assert rebuild_search_keys(s, only_missing=False) == 1


# ---------------------------------------------------------------- investment records


def test_funds_plans_months_and_totals(db, ref):
    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, stage="签约", stage_on="2021-06-01", today=TODAY)
        f1 = add_funds(s, d.id, FundsInput("2021/8/1", "1亿", "$100万", "首笔"), ACTOR, today=TODAY)
        add_funds(s, d.id, FundsInput("2021-12-01", "5,000万"), ACTOR, today=TODAY)
        with pytest.raises(ValidationError) as info:
            add_funds(s, d.id, FundsInput("2022-05-01", "-1"), ACTOR, today=TODAY)
        assert set(info.value.errors) == {"received_on", "amount_wan"}
        update_funds(
            s, f1.id, FundsInput("2021-08-01", "1.2亿", "$100万", "首笔"), ACTOR, today=TODAY
        )
        summary = investment_summary(s, d.id)
        assert summary.funds_total_wan == Decimal(17000)
        assert summary.fdi_total_usd_wan == Decimal(100)
        assert summary.signed_investment_wan == Decimal(50000)
        assert summary.funds_rate == Decimal("0.340000")

        set_key_plan(s, d.id, 2022, "2亿", ACTOR, is_new_start=True, planned_start_month=1)
        set_key_plan(s, d.id, "2022年", "2.5亿", ACTOR)  # upsert
        set_monthly_investment(s, d.id, 2022, 1, "3000万", ACTOR)
        set_monthly_investment(s, d.id, 2022, 2, "2000", ACTOR)
        set_monthly_investment(s, d.id, 2022, "2月", "2500", ACTOR)  # upsert
        set_monthly_investment(s, d.id, 2021, 12, "1000", ACTOR)  # no plan that year
        with pytest.raises(ValidationError):
            set_monthly_investment(s, d.id, 2022, 13, "1", ACTOR)
        summary = investment_summary(s, d.id)
        by_year = {y.year: y for y in summary.years}
        assert by_year[2022].planned_wan == Decimal(25000)
        assert by_year[2022].completed_wan == Decimal(5500)
        assert by_year[2022].completion_rate == Decimal("0.220000")
        assert by_year[2022].months == {1: Decimal(3000), 2: Decimal(2500)}
        assert by_year[2021].planned_wan is None and by_year[2021].completion_rate is None
        assert summary.completed_total_wan == Decimal(6500)

        delete_funds(s, f1.id, ACTOR)
        delete_monthly_investment(s, d.id, 2022, 2, ACTOR)
        delete_key_plan(s, d.id, 2022, ACTOR)
        summary = investment_summary(s, d.id)
        assert summary.funds_total_wan == Decimal(5000)
        assert {y.year: y.planned_wan for y in summary.years} == {2021: None, 2022: None}
        set_key_plan(s, d.id, 2022, "1亿", ACTOR)  # a deleted plan comes back
        assert investment_summary(s, d.id).years[-1].planned_wan == Decimal(10000)

        entities = [
            (c.entity, c.action)
            for c in s.scalars(
                select(ChangeLog).where(ChangeLog.parent_id == d.id).order_by(ChangeLog.at)
            )
            if c.entity != "project"
        ]
        assert ("funds_in_place", "update") in entities
        assert ("monthly_investment", "delete") in entities
        assert ("key_project_plan", "create") in entities
        upd = s.scalar(
            select(ChangeLog).where(
                ChangeLog.entity == "funds_in_place", ChangeLog.action == "update"
            )
        )
        assert json.loads(upd.changes) == {"amount_wan": ["10000", "12000"]}
        detail = get_project_detail(s, d.id)
        assert detail.investment.funds_total_wan == Decimal(5000)
        assert detail.updated_by == ACTOR


def test_derived_column_findings(db, ref):
    from jianan_desk.services.projects import derived_column_findings

    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, stage="签约", stage_on="2021-06-01", today=TODAY)
        assert derived_column_findings(s) == []
        s.execute(Project.__table__.update().values(signed_on=None, search_key=None))
        rules = [rule for rule, _ in derived_column_findings(s)]
        assert rules == ["stage_dates", "search_keys"]
        rebuild_search_keys(s)
        assert derived_column_findings(s) == []
        assert s.get(Project, d.id).signed_on == dt.date(2021, 6, 1)


def test_the_text_parts_follow_every_write_and_are_rebuilt_when_missing(db, ref):
    """``search_text`` (the key's text parts, 0010) is set on create, on an edit, when the
    investor company is renamed, and by ``rebuild_search_keys`` for rows missing it (a
    bulk write); an ORM edit of a row missing it fills it too."""
    from jianan_desk.services.companies import get_company, update_company

    def text_of(s, pid):
        return s.scalar(select(Project.search_text).where(Project.id == pid))

    with db.session() as s:
        d = create_project(s, sanjia(ref), ACTOR, today=TODAY)
        assert text_of(s, d.id) == (
            "许昌汽车零部件产业园三佳1000万套万向节总成项目 南京三佳精密传动科技有限公司"
            " 尚集产业集聚区 三佳集团第二期"  # name, investor, location, notes
        )
        data = d.to_input()
        data.location = "五女店镇"
        d = update_project(s, d.id, data, ACTOR)
        assert "南京三佳精密传动科技有限公司 五女店镇" in text_of(s, d.id)
        company = get_company(s, d.company_id).to_input()
        company.name = "南京三佳传动股份有限公司"
        update_company(s, d.company_id, company, ACTOR)
        s.flush()
        assert "南京三佳传动股份有限公司" in text_of(s, d.id)
        s.execute(Project.__table__.update().values(search_text=None))  # as a bulk write
        assert rebuild_search_keys(s) == 1
        assert "南京三佳传动股份有限公司 五女店镇" in text_of(s, d.id)
        s.execute(Project.__table__.update().values(search_text=None))
        data = get_project_detail(s, d.id).to_input()
        data.total_investment_wan = "6亿"  # no text changes: filled because it was missing
        update_project(s, d.id, data, ACTOR)
        assert text_of(s, d.id).endswith("南京三佳传动股份有限公司 五女店镇 三佳集团第二期")
