"""Revision 0003 on a database made at 0002: rows kept, derived columns filled."""

import datetime as dt
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from jianan_desk.services.checks import run_checks
from jianan_desk.store.migrations import alembic_config, current_revision, head_revision, upgrade
from jianan_desk.store.models import Project, ProjectStageEvent
from tests.helpers import open_db

DATA = Path(__file__).resolve().parent.parent / "data"
TS = "'2021-05-01 00:00:00'"


@pytest.fixture
def old_db(tmp_path):
    """schema_0002.sqlite with a company, two projects and their stage events."""
    path = tmp_path / "v2.sqlite"
    shutil.copy(DATA / "schema_0002.sqlite", path)
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO companies (id, name, normalized_name, province, city, scale, website,"
        " tags, notes, is_local, is_target, created_at, updated_at) VALUES ('c1',"
        f" '南京三佳精密传动科技有限公司', '', '', '', '', '', '', '', 0, 0, {TS}, {TS})"
    )
    for pid, name, stage, company in (
        ("p1", "三佳万向节项目", "started", "'c1'"),
        ("p2", "冷链物流中心", "dropped", "NULL"),
    ):
        con.execute(
            "INSERT INTO projects (id, name, family, stage, total_investment_wan, location,"
            " leader_in_charge, construction_content, notes, created_at, updated_at, company_id)"
            f" VALUES ('{pid}', '{name}', 'attraction', '{stage}', 500000000, '尚集产业集聚区',"
            f" '', '', '', {TS}, {TS}, {company})"
        )
    for eid, pid, stage, day in (
        ("e1", "p1", "signed", "2021-06-01"),
        ("e2", "p1", "started", "2022-01-04"),
        ("e3", "p2", "negotiating", "2021-01-10"),
        ("e4", "p2", "dropped", "2021-06-01"),
    ):
        con.execute(
            "INSERT INTO project_stage_events (id, project_id, stage, occurred_on, note,"
            f" recorded_by, created_at, updated_at) VALUES ('{eid}', '{pid}', '{stage}',"
            f" '{day}', '', '', {TS}, {TS})"
        )
    con.commit()
    con.close()
    db = open_db(path)
    yield db
    db.dispose()


def test_upgrade_keeps_rows_and_fills_derived_columns(old_db):
    assert current_revision(old_db) == "0002"
    result = upgrade(old_db)
    assert (result.from_revision, result.to_revision) == ("0002", head_revision())
    with old_db.session(readonly=True) as s:
        p1 = s.get(Project, "p1")
        assert p1.name == "三佳万向节项目"
        assert p1.total_investment_wan == Decimal(50000)
        assert "sanjia" in p1.search_key and "sj" in p1.search_key
        assert "nanjing" in p1.search_key  # the investor's name
        assert p1.investor_name == "南京三佳精密传动科技有限公司"
        assert (p1.signed_on, p1.stage_on) == (dt.date(2021, 6, 1), dt.date(2022, 1, 4))
        assert (p1.contract_notes, p1.updated_by) == ("", "")
        p2 = s.get(Project, "p2")
        assert (p2.signed_on, p2.stage_on) == (None, dt.date(2021, 6, 1))
        assert p2.investor_name == ""
        kinds = dict(s.execute(select(ProjectStageEvent.id, ProjectStageEvent.kind)).all())
        assert kinds == {"e1": "advance", "e2": "advance", "e3": "advance", "e4": "drop"}
        assert s.get(ProjectStageEvent, "e1").reason == ""
        assert [f for f in run_checks(s) if f.rule != "integrity"] == []


def test_constraints_survive_the_rebuilt_events_table(old_db):
    upgrade(old_db)
    with old_db.engine.connect() as conn:
        sql = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'project_stage_events'")
        ).scalar()
        indexes = {
            r[0]
            for r in conn.execute(
                text("SELECT name FROM sqlite_master WHERE tbl_name = 'project_stage_events'")
            )
        }
    assert "ck_project_stage_events_stage" in sql and "ck_project_stage_events_kind" in sql
    assert "fk_project_stage_events_project_id_projects" in sql
    assert {"ix_stage_events_stage_date", "ix_project_stage_events_project_id"} <= indexes
    for bad in ("stage = 'finished'", "kind = 'jump'"):
        with pytest.raises(IntegrityError), old_db.session() as s:
            s.execute(text(f"UPDATE project_stage_events SET {bad} WHERE id = 'e1'"))


def test_downgrade_and_upgrade_again(old_db):
    upgrade(old_db)
    with old_db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0002")
    assert current_revision(old_db) == "0002"
    with old_db.engine.connect() as conn:
        cols = {r[1] for r in conn.execute(text("PRAGMA table_info(projects)"))}
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert "search_key" not in cols and "change_log" not in tables
    upgrade(old_db)
    with old_db.session(readonly=True) as s:
        assert s.get(Project, "p1").search_key
