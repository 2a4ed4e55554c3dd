"""Revision 0007 (search indexes): new indexes only, rows kept; the company search reads
the covering index on SQLite and the trigram indexes on PostgreSQL; without pg_trgm the
upgrade still succeeds."""

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from jianan_desk.services import companies as service
from jianan_desk.services.companies import CompanyFilter, CompanyInput, create_company
from jianan_desk.store.migrations import current_revision, head_revision, upgrade
from jianan_desk.store.models import Company, Project
from tests.helpers import migration_module, on_postgres, open_db

DATA = Path(__file__).resolve().parent.parent / "data"
TS = "'2021-05-01 00:00:00'"


def _migration():
    return migration_module("0007")


def _sql(session, stmt) -> str:
    return str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))


def _plan(session, stmt) -> str:
    rows = session.execute(text("EXPLAIN QUERY PLAN " + _sql(session, stmt)))
    return " | ".join(r[-1] for r in rows)


@pytest.mark.sqlite_only(reason="upgrades the committed 0006 SQLite file")
def test_upgrade_from_0006_adds_indexes_and_keeps_rows(tmp_path):
    path = tmp_path / "v6.sqlite"
    shutil.copy(DATA / "schema_0006.sqlite", path)
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO companies (id, name, normalized_name, province, city, scale, website, tags,"
        " notes, is_local, is_target, search_key, created_at, updated_at) VALUES ('c1',"
        f" '三佳精密', '三佳精密', '', '深圳', '', '', '', '', 0, 0, '三佳精密 sanjiajingmi sjjm',"
        f" {TS}, {TS})"
    )
    con.commit()
    con.close()
    db = open_db(path)
    try:
        assert current_revision(db) == "0006"
        upgrade(db)
        assert current_revision(db) == head_revision() >= "0007"
        with db.session() as s:
            inspector = inspect(s.connection())
            company_ix = {i["name"]: i["column_names"] for i in inspector.get_indexes("companies")}
            project_ix = {i["name"]: i["column_names"] for i in inspector.get_indexes("projects")}
            assert company_ix["ix_companies_search"] == [
                "name",
                "id",
                "city",
                "search_key",
                "deleted_at",
            ]
            assert project_ix["ix_projects_source_visit_id"] == ["source_visit_id"]
            assert [c.name for c in service.search_companies(s, "sjjm")] == ["三佳精密"]
            assert s.get(Company, "c1").city == "深圳"
    finally:
        db.dispose()


@pytest.mark.sqlite_only(reason="SQLite query plans")
def test_sqlite_company_search_reads_the_covering_index_in_name_order(db):
    with db.session() as s:
        for name in ("乙公司", "甲公司"):
            create_company(s, CompanyInput(name=name, city="许昌"), "测试")
    with db.session(readonly=True) as s:
        quick = _plan(s, service._keys_query(Company.search_key.like("%gs%")).limit(201))
        assert "COVERING INDEX ix_companies_search" in quick and "TEMP B-TREE" not in quick
        page = _plan(s, service._ids_stmt(s, CompanyFilter(text="gs"), "name", False, Company.id))
        assert "COVERING INDEX ix_companies_search" in page and "TEMP B-TREE" not in page
        # candidates and the primed index come in the same (name) order
        index = service.company_search_index(s)
        assert [k.name for k in index] == sorted(k.name for k in index)
        assert [k.id for k in service._candidates(s, ["gongsi"], 200)] == [k.id for k in index]


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only (make test-pg)")
def test_postgres_text_search_uses_the_trigram_indexes(db):
    with db.session() as s:
        create_company(s, CompanyInput(name="三佳精密", city="深圳"), "测试")
    with db.session(readonly=True) as s:
        names = {
            r[0]
            for r in s.execute(text("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin%'"))
        }
        assert {"ix_companies_search_key_trgm", "ix_projects_search_key_trgm"} <= names
        s.execute(text("SET LOCAL enable_seqscan = off"))  # a tiny table: force the choice
        like = Company.search_key.like("%sanjia%", escape="\\")  # as the services write it
        plan = s.execute(text("EXPLAIN " + _sql(s, service._keys_query(like).limit(201))))
        assert "ix_companies_search_key_trgm" in " ".join(plan.scalars())
        like = Project.search_key.like("%sanjia%", escape="\\")
        plan = s.execute(text("EXPLAIN " + _sql(s, select(Project.id).where(like))))
        assert "ix_projects_search_key_trgm" in " ".join(plan.scalars())
        assert [c.name for c in service.search_companies(s, "sanjia")] == ["三佳精密"]


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only (make test-pg)")
def test_postgres_without_the_extension_skips_the_indexes_and_goes_on(db, monkeypatch, caplog):
    migration = _migration()
    monkeypatch.setattr(migration, "EXTENSION", "pg_trgm_not_installed_here")
    with db.engine.connect() as conn, caplog.at_level(logging.WARNING), conn.begin():
        assert migration._pg_trgm(conn) is False
        assert conn.execute(text("SELECT 1")).scalar() == 1  # the transaction is usable
    assert "search indexes" in caplog.text and "skipped" in caplog.text
