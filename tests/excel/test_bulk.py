"""The bulk write path writes exactly what the project service would have written."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import event, func, select

from jianan_desk.domain.search import project_search_key, project_search_text
from jianan_desk.excel import bulk as bulk_write
from jianan_desk.excel import projects_import
from jianan_desk.excel.bulk import (
    ImportCancelled,
    fast_project_search_key,
    fast_project_search_text,
)
from jianan_desk.excel.projects_import import ImportFailed, apply_import, plan_import
from jianan_desk.excel.reader import read_table
from jianan_desk.store.models import (
    ChangeLog,
    Company,
    IndustryNode,
    Project,
    ProjectStageEvent,
    Unit,
)
from tests.excel.test_import_projects import TODAY, messy_rows, write_messy_xlsx
from tests.helpers import open_db

PROJECT_COLUMNS = (
    "name",
    "family",
    "stage",
    "industry_node_id",
    "chain_link_id",
    "total_investment_wan",
    "foreign_investment_usd_wan",
    "location",
    "unit_id",
    "leader_in_charge",
    "notes",
    "code",
    "construction_content",
    "signed_on",
    "stage_on",
    "investor_name",
    "search_key",
    "search_text",
    "updated_by",
)  # fmt: skip  (version: 1 for a new row here, 2 after the service's create + advance)


def _service_apply(session, plan):
    """The old path: every row through ``services.projects`` (create + advance/drop)."""
    for row in plan.rows:
        projects_import._write_row(session, row, projects_import.DEFAULT_ACTOR, TODAY)


def _snapshot(session):
    projects = {}
    for p in session.scalars(select(Project)):
        company = session.get(Company, p.company_id) if p.company_id else None
        events = sorted(
            (e.stage, e.occurred_on, e.kind, e.note, e.reason, e.signed_investment_wan)
            for e in session.scalars(
                select(ProjectStageEvent).where(ProjectStageEvent.project_id == p.id)
            )
        )
        logs = [
            (c.action, json.loads(c.changes))
            for c in session.scalars(
                select(ChangeLog).where(ChangeLog.entity_id == p.id).order_by(ChangeLog.at)
            )
        ]

        def value(column, p=p):
            if column.endswith("_id") and getattr(p, column):  # ids differ between files
                model = Unit if column == "unit_id" else IndustryNode
                return session.get(model, getattr(p, column)).name
            return getattr(p, column)

        projects[p.name] = (
            tuple(value(c) for c in PROJECT_COLUMNS),
            (company.name, company.normalized_name, company.search_key) if company else None,
            events,
            logs,
        )
    return projects


def _merged(logs):
    """A project's change-log entries folded into one {field: [first old, last new]}."""
    out = {}
    for _action, changes in logs:
        for key, (old, new) in changes.items():
            out[key] = [out[key][0] if key in out else old, new]
    for key in [k for k in out if k.endswith("_id")]:  # ids differ between the files
        out[key] = [v is not None for v in out[key]]
    out.pop("occurred_on", None)
    out.pop("note", None)
    out.pop("reason", None)
    return out


@pytest.mark.parametrize("rebuild_over", [bulk_write.INDEX_REBUILD_ROWS, 0])
def test_bulk_writes_what_the_service_writes(db, tmp_path, monkeypatch, rebuild_over):
    # rebuild_over=0: written as a large import is (secondary indexes dropped, re-created)
    monkeypatch.setattr(bulk_write, "INDEX_REBUILD_ROWS", rebuild_over)
    rows = messy_rows()
    rows.append([8, "终止项目", "某终止企业", 1, "2022.1.5", None, "", "", "终止", "", "", "", ""])
    path = write_messy_xlsx(tmp_path / "ledger.xlsx", rows)
    other = open_db(tmp_path / "service.sqlite")
    from jianan_desk.store.migrations import upgrade

    upgrade(other)
    try:
        with db.session() as session:
            plan = plan_import(session, read_table(path), today=TODAY)
            assert plan.count("new") == 8 and not plan.errors
            assert apply_import(session, plan, today=TODAY).created == 8
        with other.session() as session:
            plan = plan_import(session, read_table(path), today=TODAY)
            _service_apply(session, plan)
        with db.session() as s1, other.session() as s2:
            bulk, service = _snapshot(s1), _snapshot(s2)
            assert set(bulk) == set(service)
            for name in bulk:
                columns, company, events, logs = bulk[name]
                s_columns, s_company, s_events, s_logs = service[name]
                assert columns == s_columns, name
                assert company == s_company, name
                assert events == s_events, name
                # one create entry per project (stage included) vs create + advances
                assert [a for a, _ in logs] == ["create"]
                assert _merged(logs) == _merged(s_logs), name
            dropped = s1.scalar(select(Project).where(Project.name == "终止项目"))
            assert dropped.stage == "dropped"
            # one change-log entry per new company too
            assert s1.scalar(
                select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "company")
            ) == s1.scalar(select(func.count()).select_from(Company))
    finally:
        other.dispose()


def test_investor_matched_by_normalised_name(db, tmp_path):
    with db.session() as session:
        session.add(Company(name="河南新材料有限公司"))
        session.add(Company(name="许昌装备集团有限公司"))
    rows = messy_rows()[:2]
    rows[1][2] = "许昌装备集团"  # same company, legal suffix left out
    with db.session() as session:
        plan = plan_import(session, read_table(write_messy_xlsx(tmp_path / "a.xlsx", rows)))
        apply_import(session, plan, today=TODAY)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Company)) == 2
        assert {p.investor_name for p in session.scalars(select(Project))} == {
            "河南新材料有限公司",
            "许昌装备集团有限公司",
        }


def test_cancel_and_stage_errors_write_nothing(db, tmp_path):
    path = write_messy_xlsx(tmp_path / "a.xlsx")
    with pytest.raises(ImportCancelled), db.session() as session:
        plan = plan_import(session, read_table(path), today=TODAY)
        apply_import(session, plan, today=TODAY, cancelled=lambda: True)
    # a date after "today" is refused by the stage rules while writing: all or nothing
    with pytest.raises(ImportFailed) as failed, db.session() as session:
        plan = plan_import(session, read_table(path), today=TODAY)
        apply_import(session, plan, today=dt.date(2022, 4, 2))
    assert any("不能晚于今天" in e.reason for e in failed.value.plan.errors)
    with db.session() as session:
        for model in (Project, Company, ProjectStageEvent, ChangeLog):
            assert session.scalar(select(func.count()).select_from(model)) == 0


def test_progress_is_reported(db, tmp_path):
    seen = []
    with db.session() as session:
        plan = plan_import(session, read_table(write_messy_xlsx(tmp_path / "a.xlsx")))
        apply_import(session, plan, today=TODAY, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (7, 7)


@pytest.mark.parametrize(
    ("name", "investor", "location", "notes"),
    [("项目一", "某公司", "五女店镇", ""), ("A 项目", "", "", "备注 文字"), ("x", "y", "", "")],
)
def test_fast_search_key_is_the_same(name, investor, location, notes):
    assert fast_project_search_key(name, investor, location, notes) == project_search_key(
        name, investor, location, notes
    )
    assert fast_project_search_text(name, investor, location, notes) == project_search_text(
        name, investor, location, notes
    )


def _indexes(session):
    return sorted(
        session.connection()
        .exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
        .all()
    )


def _statements(db):
    seen = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def test_large_import_rebuilds_the_indexes_it_dropped(db, tmp_path, monkeypatch):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the index trick is SQLite's")
    monkeypatch.setattr(bulk_write, "INDEX_REBUILD_ROWS", 0)
    with db.session() as session:
        before = _indexes(session)
    seen = _statements(db)
    with db.session() as session:
        plan = plan_import(session, read_table(write_messy_xlsx(tmp_path / "a.xlsx")))
        assert apply_import(session, plan, today=TODAY).created == 7
    dropped = [s for s in seen if s.startswith("DROP INDEX")]
    assert any("ix_projects_search_key" in s for s in dropped)
    assert any("ix_project_stage_events_project_id" in s for s in dropped)
    with db.session() as session:
        assert _indexes(session) == before
        assert session.scalar(select(func.count()).select_from(Project)) == 7


def test_small_import_keeps_the_indexes(db, tmp_path):
    seen = _statements(db)
    with db.session() as session:
        plan = plan_import(session, read_table(write_messy_xlsx(tmp_path / "a.xlsx")))
        apply_import(session, plan, today=TODAY)
    assert not [s for s in seen if "DROP INDEX" in s]


def test_cancel_after_the_indexes_were_dropped_restores_them(db, tmp_path, monkeypatch):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the index trick is SQLite's")
    monkeypatch.setattr(bulk_write, "INDEX_REBUILD_ROWS", 0)
    monkeypatch.setattr(bulk_write, "CHUNK_ROWS", 2)
    with db.session() as session:
        before = _indexes(session)
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 1  # after the first chunk was written

    seen = _statements(db)
    with pytest.raises(ImportCancelled), db.session() as session:
        plan = plan_import(session, read_table(write_messy_xlsx(tmp_path / "a.xlsx")))
        apply_import(session, plan, today=TODAY, cancelled=cancelled)
    assert any(s.startswith("DROP INDEX") for s in seen)
    with db.session() as session:
        assert _indexes(session) == before
        for model in (Project, Company, ProjectStageEvent, ChangeLog):
            assert session.scalar(select(func.count()).select_from(model)) == 0


def test_new_ids_are_uuid4_strings():
    ids = {bulk_write.new_id() for _ in range(2000)}
    assert len(ids) == 2000
    for text in list(ids)[:200]:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4
        assert parsed.variant == uuid.RFC_4122


def test_columns_left_out_of_the_bulk_inserts_hold_their_defaults(db, tmp_path):
    """The bulk inserts bind no deleted_at, superseded_by_id, source_visit_id or version:
    the rows hold NULL and the integer 1, as the ORM writes them."""
    with db.session() as session:
        plan = plan_import(session, read_table(write_messy_xlsx(tmp_path / "a.xlsx")))
        assert apply_import(session, plan, today=TODAY).created == 7
    with db.session(readonly=True) as session:
        conn = session.connection()
        checks = {
            "projects": "deleted_at IS NULL AND source_visit_id IS NULL",
            "project_stage_events": "deleted_at IS NULL AND superseded_by_id IS NULL",
            "change_log": "deleted_at IS NULL",
        }
        # SQLite stores whatever is bound: the value must also be an integer, not a text
        # '1' (PostgreSQL's column type guarantees that itself)
        integer = " AND typeof(version) = 'integer'" if conn.dialect.name == "sqlite" else ""
        for table, where in checks.items():
            total = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            assert total > 0
            found = conn.exec_driver_sql(
                f"SELECT count(*) FROM {table} WHERE {where} AND version = 1{integer}"
            ).scalar()
            assert found == total, table
