"""Merging packages between installations: edits, conflicts, tombstones, unions, copies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from jianan_desk.domain import hlc
from jianan_desk.services.companies import CompanyInput, create_company, merge_companies
from jianan_desk.services.projects import (
    ProjectInput,
    advance_stage,
    create_project,
    delete_project,
)
from jianan_desk.store.models import Company, Project, ProjectStageEvent
from jianan_desk.sync.conflicts import list_conflicts, resolve_conflict
from jianan_desk.sync.engine import likely_duplicates
from tests.sync.helpers import (
    conflicts,
    copy_installation,
    inst_id,
    new_installation,
    send,
    snapshot,
)


def _project(db, name="三佳万向节项目", **kw):
    with db.session() as s:
        data = ProjectInput(name=name, total_investment_wan="5亿", **kw)
        return create_project(s, data, "张三", stage_on=dt.date(2022, 1, 1)).id


def _edit(db, pid, **values):
    with db.session() as s:
        p = s.get(Project, pid)
        for k, v in values.items():
            setattr(p, k, v)


def _get(db, pid):
    with db.session(readonly=True) as s:
        return s.get(Project, pid)


def test_a_copied_file_is_a_new_installation(office, laptop):
    assert inst_id(office) != inst_id(laptop)
    assert snapshot(office) == snapshot(laptop)


def test_reopening_the_same_file_keeps_its_id(office, tmp_path):
    ident = inst_id(office)
    office.dispose()
    again = new_installation(tmp_path / "office.sqlite")
    try:
        assert inst_id(again) == ident
    finally:
        again.dispose()


def test_edits_on_both_sides_merge_field_by_field(office, laptop, tmp_path):
    pid = _project(office)
    send(office, laptop, tmp_path)
    _edit(office, pid, notes="办公室：已对接土地")
    _edit(laptop, pid, location="建安区产业集聚区")
    version = _get(office, pid).version
    send(laptop, office, tmp_path)
    assert _get(office, pid).version == version + 1  # optimistic concurrency: bumped
    send(office, laptop, tmp_path)
    for db in (office, laptop):
        p = _get(db, pid)
        assert (p.notes, p.location) == ("办公室：已对接土地", "建安区产业集聚区")
    assert snapshot(office) == snapshot(laptop)
    assert conflicts(office) == [] and conflicts(laptop) == []


def test_the_same_field_changed_on_both_sides_is_a_conflict(office, laptop, tmp_path):
    pid = _project(office)
    send(office, laptop, tmp_path)
    _edit(office, pid, total_investment_wan=Decimal("60000"))
    _edit(laptop, pid, total_investment_wan=Decimal("55000"))
    first = send(laptop, office, tmp_path)
    send(office, laptop, tmp_path)
    assert [c.field for c in first.conflicts] == ["total_investment_wan"]
    assert snapshot(office) == snapshot(laptop)  # converged on one value, the other kept
    # listed where it was found, both values kept
    (c,) = conflicts(office, open_only=True)
    assert (c.mine_value, c.theirs_value) == ('"60000.0000"', '"55000.0000"')
    # resolved there (edit), the decision reaches the laptop
    with office.session() as s:
        (row,) = list_conflicts(s)
        resolve_conflict(s, row.id, "edit", "李四", edited="58000")
    send(office, laptop, tmp_path)
    for db in (office, laptop):
        assert _get(db, pid).total_investment_wan == Decimal("58000")
        assert conflicts(db, open_only=True) == []


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_resolve_mine_or_theirs(office, laptop, tmp_path, choice):
    pid = _project(office)
    send(office, laptop, tmp_path)
    _edit(office, pid, notes="本机")
    _edit(laptop, pid, notes="对方")
    send(laptop, office, tmp_path)
    with office.session() as s:
        (row,) = list_conflicts(s)
        assert (row.mine, row.theirs) == ("本机", "对方")
        resolve_conflict(s, row.id, choice, "王五")
    assert _get(office, pid).notes == ("本机" if choice == "mine" else "对方")
    send(office, laptop, tmp_path)
    assert _get(laptop, pid).notes == _get(office, pid).notes


def test_applying_a_package_twice_changes_nothing(office, laptop, tmp_path):
    from jianan_desk.sync.service import export_package, import_package

    _project(office, name="第二个项目")
    target = tmp_path / "once.jdsync"
    export_package(office, target)
    import_package(laptop, target, backup=False)
    before = snapshot(laptop)
    again, _ = import_package(laptop, target, backup=False)
    assert again.already_applied and snapshot(laptop) == before


def test_deletions_travel_as_tombstones(office, laptop, tmp_path):
    pid = _project(office)
    send(office, laptop, tmp_path)
    with laptop.session() as s:
        delete_project(s, pid, "李四")
    send(laptop, office, tmp_path)
    assert _get(office, pid).deleted_at is not None


def test_stage_histories_union_and_stage_follows(office, laptop, tmp_path):
    pid = _project(office)
    send(office, laptop, tmp_path)
    with office.session() as s:
        advance_stage(s, pid, "negotiating", dt.date(2022, 1, 10), "首次洽谈", "张三")
    with laptop.session() as s:
        advance_stage(s, pid, "negotiating", dt.date(2022, 1, 12), "深圳洽谈", "李四")
        advance_stage(
            s, pid, "signed", dt.date(2022, 2, 1), "签约", "李四", signed_investment_wan="5亿"
        )
    send(laptop, office, tmp_path)
    send(office, laptop, tmp_path)
    with office.session(readonly=True) as s:
        notes = set(
            s.scalars(select(ProjectStageEvent.note).where(ProjectStageEvent.project_id == pid))
        )
    assert {"首次洽谈", "深圳洽谈", "签约"} <= notes
    assert _get(office, pid).stage == _get(laptop, pid).stage == "signed"
    assert snapshot(office) == snapshot(laptop)


def test_import_into_an_empty_database_is_a_full_copy(tmp_path):
    from jianan_desk.services.demo import generate_demo_data

    source = new_installation(tmp_path / "source.sqlite")
    empty = new_installation(tmp_path / "empty.sqlite")
    try:
        with source.session() as s:
            generate_demo_data(s, seed=7)
        result = send(source, empty, tmp_path, full=True)
        assert result.full_copy
        assert snapshot(empty) == snapshot(source)
        assert inst_id(empty) != inst_id(source)
    finally:
        source.dispose()
        empty.dispose()


def test_companies_created_twice_are_listed_for_merging(office, laptop, tmp_path):
    with office.session() as s:
        create_company(s, CompanyInput(name="河南三佳汽车部件有限公司", city="许昌"), "张三")
    with laptop.session() as s:
        create_company(s, CompanyInput(name="河南三佳汽车部件有限公司 ", city="许昌"), "李四")
    result = send(laptop, office, tmp_path)
    (pair,) = result.duplicates
    with office.session() as s:
        merge_companies(s, pair.first_id, pair.second_id, "张三")
    with office.session(readonly=True) as s:
        assert likely_duplicates(s) == []
    send(office, laptop, tmp_path)
    with laptop.session(readonly=True) as s:
        assert likely_duplicates(s) == []


def test_the_same_uscc_created_twice_becomes_one_company(office, laptop, tmp_path):
    uscc = "91411000MA44XKQ93R"
    with office.session() as s:
        a = create_company(s, CompanyInput(name="三佳", uscc=uscc), "张三").id
    with laptop.session() as s:
        b = create_company(s, CompanyInput(name="三佳公司", uscc=uscc, city="许昌"), "李四").id
    pid = _project(laptop, company_id=b)
    send(laptop, office, tmp_path)
    send(office, laptop, tmp_path)
    keep = min(a, b)
    for db in (office, laptop):
        with db.session(readonly=True) as s:
            ids = list(s.scalars(select(Company.id).where(Company.uscc == uscc)))
            assert ids == [keep]
            assert s.get(Project, pid).company_id == keep
    assert snapshot(office) == snapshot(laptop)


def test_clock_skew_cannot_win_over_a_later_edit(office, laptop, tmp_path, monkeypatch):
    """The laptop's clock is a day fast: the office's edit made after seeing the laptop's
    still wins; concurrent edits are conflicts whatever the clocks say."""
    pid = _project(office)
    send(office, laptop, tmp_path)
    day = 86_400_000
    monkeypatch.setattr(hlc, "_physical_ms", lambda: hlc.time.time_ns() // 1_000_000 + day)
    _edit(laptop, pid, notes="笔记本（时钟快一天）")
    monkeypatch.setattr(hlc, "_physical_ms", None)
    send(laptop, office, tmp_path)
    _edit(office, pid, notes="办公室随后修改")
    send(office, laptop, tmp_path)
    assert _get(laptop, pid).notes == _get(office, pid).notes == "办公室随后修改"
    assert conflicts(office) == [] and conflicts(laptop) == []
    # concurrent edits with the office's clock a day slow: listed as a conflict
    monkeypatch.setattr(hlc, "_physical_ms", lambda: hlc.time.time_ns() // 1_000_000 - 2 * day)
    _edit(office, pid, name="办公室改名")
    monkeypatch.setattr(hlc, "_physical_ms", None)
    _edit(laptop, pid, name="笔记本改名")
    send(laptop, office, tmp_path)
    send(office, laptop, tmp_path)
    assert [c.field for c in conflicts(office)] == ["name"]
    assert snapshot(office) == snapshot(laptop)


def test_bulk_written_rows_are_exchanged(office, laptop, tmp_path):
    from jianan_desk.services.demo import generate_demo_data

    with office.session() as s:
        generate_demo_data(s, seed=3)
    result = send(office, laptop, tmp_path)
    assert result.created.get("项目", 0) > 100
    assert snapshot(office) == snapshot(laptop)


def test_three_installations_relay(office, laptop, tmp_path):
    third = copy_installation(laptop, tmp_path / "third.sqlite")
    try:
        pid = _project(third)
        send(third, laptop, tmp_path)
        send(laptop, office, tmp_path)
        assert _get(office, pid).name == "三佳万向节项目"
        _edit(office, pid, notes="办公室")
        send(office, third, tmp_path)
        assert _get(third, pid).notes == "办公室"
    finally:
        third.dispose()


def test_a_package_contradicting_a_unique_key_is_refused_whole(office, laptop, tmp_path):
    from jianan_desk.store.models import Unit
    from jianan_desk.sync.errors import SyncError

    with office.session() as s:
        first, second = s.scalars(select(Unit.id).order_by(Unit.sort_order).limit(2)).all()
        s.get(Unit, first).name = "建安区新设单位"
    with laptop.session() as s:
        s.get(Unit, second).name = "建安区新设单位"
    _edit(laptop, _project(laptop), notes="也在包里")
    before = snapshot(office)
    with pytest.raises(SyncError, match="未做任何更改"):
        send(laptop, office, tmp_path)
    assert snapshot(office) == before


def test_an_incremental_package_carries_only_the_changes(office, tmp_path):
    from jianan_desk.services.demo import generate_demo_data
    from jianan_desk.sync.service import export_package

    with office.session() as s:
        generate_demo_data(s, seed=5)
    export_package(office, tmp_path / "first.jdsync")  # sync looks at the bulk rows once
    laptop = copy_installation(office, tmp_path / "trip.sqlite")
    try:
        with laptop.session() as s:
            for p in s.scalars(select(Project).order_by(Project.id).limit(2)):
                p.notes = "出差途中补充"
        result = export_package(laptop, tmp_path / "back.jdsync", for_peer=inst_id(office))
        assert result.counts == {"项目": 2}
        applied = send(laptop, office, tmp_path)
        assert applied.updated == {"项目": 2} and applied.conflicts == []
    finally:
        laptop.dispose()


def _company_with_id(db, ident, name, uscc):
    """A company whose id is chosen (the ORM stamps it as a local change)."""
    with db.session() as s:
        s.add(Company(id=ident, name=name, uscc=uscc))
    return ident


def test_a_unified_company_keeps_its_projects_and_the_larger_id_goes(office, laptop, tmp_path):
    """The row whose id is given up is referenced by a project on its side: it is moved
    without updating a referenced key (foreign keys are checked at every statement on
    PostgreSQL) and the project follows it, on both installations."""
    uscc = "91411000MA44XKQ93R"
    big = _company_with_id(office, "ffffffff-ffff-4fff-bfff-ffffffffffff", "三佳", uscc)
    office_project = _project(office, "办公室的三佳项目", company_id=big)
    with laptop.session() as s:
        small = create_company(s, CompanyInput(name="三佳公司", uscc=uscc), "李四").id
    laptop_project = _project(laptop, "笔记本的三佳项目", company_id=small)
    send(laptop, office, tmp_path)
    send(office, laptop, tmp_path)
    for db in (office, laptop):
        with db.session(readonly=True) as s:
            assert list(s.scalars(select(Company.id).where(Company.uscc == uscc))) == [small]
            assert s.get(Company, big) is None
            for pid in (office_project, laptop_project):
                assert s.get(Project, pid).company_id == small
    assert snapshot(office) == snapshot(laptop)


def test_new_industry_nodes_arrive_parents_first(office, laptop, tmp_path):
    """A chain link added under a new industry: the parent row must be written before the
    child on engines whose foreign keys are not deferred, whatever the package's order."""
    from jianan_desk.services.industry_tree import NodeInput, add_node, load_tree

    with laptop.session() as s:
        group = load_tree(s)[0]
        parent = add_node(s, group.id, NodeInput(name="假发新材料"), "李四")
    with laptop.session() as s:
        child = add_node(
            s,
            parent.id,
            NodeInput(name="耐高温纤维", position="upstream", chain_status="missing"),
            "李四",
        )
    with laptop.session() as s:  # the parent now changes after its child
        from jianan_desk.store.models import IndustryNode

        s.get(IndustryNode, parent.id).sort_order = 99
    send(laptop, office, tmp_path)
    assert snapshot(office) == snapshot(laptop)
    with office.session(readonly=True) as s:
        from jianan_desk.store.models import IndustryNode

        assert s.get(IndustryNode, child.id).parent_id == parent.id
