"""Revision 0009 (short search grams): PostgreSQL gets ``jd_short_grams`` and a GIN index
over it; on SQLite the upgrade is a no-op that keeps every row."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from jianan_desk.domain.company_names import company_search_key
from jianan_desk.domain.search import matches, project_search_key
from jianan_desk.services.companies import search_companies
from jianan_desk.services.project_query import ProjectFilter, count_and_sum, fetch_ids
from jianan_desk.store.engine import Database, make_engine
from jianan_desk.store.migrations import alembic_config, current_revision, head_revision, upgrade
from jianan_desk.store.models import Project
from tests.helpers import (
    create_pg_database,
    drop_pg_database,
    migration_module,
    on_postgres,
    open_db,
    pg_server_url,
    unique_pg_name,
)

DATA = Path(__file__).resolve().parent.parent / "data"
TS = "'2021-05-01 00:00:00'"
pg_only = pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only (make test-pg)")


def _migration():
    return migration_module("0009")


def grams(key: str) -> set[str]:
    """What ``jd_short_grams`` must hold: every 1–2-character substring of a part."""
    return {p[i : i + n] for p in key.split(" ") for n in (1, 2) for i in range(len(p) - n + 1)}


def _insert_project(conn, pid: str, name: str, investor: str, deleted: bool = False) -> str:
    key = project_search_key(name, investor, "", "")
    conn.execute(
        text(
            "INSERT INTO projects (id, name, family, stage, total_investment_wan, location,"
            " leader_in_charge, construction_content, notes, investor_name, search_key,"
            " created_at, updated_at, deleted_at, version) VALUES (:id, :name, 'attraction',"
            " 'lead', 10000000, '', '', '', '', :investor, :key,"
            f" {TS}, {TS}, {TS if deleted else 'NULL'}, 1)"
        ),
        {"id": pid, "name": name, "investor": investor, "key": key},
    )
    return key


@pytest.mark.sqlite_only(reason="upgrades the committed 0008 SQLite file")
def test_upgrade_from_0008_is_a_no_op_on_sqlite_that_keeps_rows(tmp_path):
    path = tmp_path / "v8.sqlite"
    shutil.copy(DATA / "schema_0008.sqlite", path)
    con = sqlite3.connect(path)
    before_schema = con.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()
    con.close()
    db = open_db(path)
    try:
        assert current_revision(db) == "0008"
        with db.engine.begin() as conn:
            _insert_project(conn, "p1", "三佳万向节", "喆达精工")
        with db.engine.begin() as conn:  # to 0009 only: later revisions add their own
            command.upgrade(alembic_config(conn), "0009")
        assert current_revision(db) == "0009"
        with db.engine.connect() as conn:
            after_schema = conn.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master ORDER BY name"
            ).all()
        assert [tuple(r) for r in after_schema] == before_schema  # nothing added or changed
        upgrade(db)  # today's queries need today's schema
        with db.session(readonly=True) as s:
            assert s.scalar(select(Project.name).where(Project.id == "p1")) == "三佳万向节"
            for term in ("喆", "zd", "佳万"):
                assert fetch_ids(s, ProjectFilter(text=term)) == ["p1"], term
            assert count_and_sum(s, ProjectFilter(text="喆达"))[0] == 1
    finally:
        db.dispose()


@pg_only
def test_postgres_function_and_index_exist(db):
    with db.session(readonly=True) as s:
        volatile, parallel, language = s.execute(
            text(
                "SELECT p.provolatile, p.proparallel, l.lanname FROM pg_proc p"
                " JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'jd_short_grams'"
            )
        ).one()
        assert (volatile, parallel, language) == ("i", "s", "plpgsql")  # immutable, safe
        defs = dict(
            s.execute(
                text("SELECT tablename, indexdef FROM pg_indexes WHERE indexname = ANY(:names)"),
                {"names": list(_migration().INDEXES)},
            ).all()
        )
    assert set(defs) == {"projects", "companies"}
    for indexdef in defs.values():
        assert "USING gin (jd_short_grams(search_key))" in indexdef, indexdef
        assert "WHERE (deleted_at IS NULL)" in indexdef, indexdef


@pg_only
@pytest.mark.parametrize(
    "key",
    [
        "三佳万向节 sanjiawanxiangjie sjwxj 喆达精工 zhedajinggong zdjg",
        "a",
        "ab",
        "a b",
        "ab  c",  # two separators side by side
        "x_%\\y",  # LIKE's special characters are plain elements
        "喆喆喆",
        "",
    ],
)
def test_postgres_grams_of_a_key_are_exact(db, key):
    with db.session(readonly=True) as s:
        found = s.scalar(text("SELECT jd_short_grams(:key)"), {"key": key})
        assert s.scalar(text("SELECT jd_short_grams(NULL)")) is None
    assert set(found) == grams(key)


@pg_only
def test_postgres_grams_of_the_sample_key_listed():
    """The sample key's elements, written out (not computed by the rule under test)."""
    url = _scratch()
    try:
        db = Database(url, make_engine(url))
        with db.engine.begin() as conn:
            conn.execute(text(_migration().CREATE_FUNCTION))
            found = conn.scalar(text("SELECT jd_short_grams('三佳 sj 喆')"))
        db.dispose()
    finally:
        drop_pg_database(pg_server_url(), url.rsplit("/", 1)[1])
    assert sorted(set(found)) == sorted(["三", "佳", "三佳", "s", "j", "sj", "喆"])


def _scratch() -> str:
    server = pg_server_url()
    assert server is not None
    return create_pg_database(server, unique_pg_name("j9"))


@pg_only
def test_postgres_upgrade_from_0008_indexes_existing_rows_and_downgrades():
    url = _scratch()
    db = Database(url, make_engine(url))
    try:
        with db.engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0008")
        with db.engine.begin() as conn:
            keys = {
                "p1": _insert_project(conn, "p1", "三佳万向节", "喆达精工"),
                "p2": _insert_project(conn, "p2", "长葛发制品", "瑞贝卡"),
                "p3": _insert_project(conn, "p3", "喆园", "", deleted=True),
            }
            conn.execute(
                text(
                    "INSERT INTO companies (id, name, normalized_name, province, city, scale,"
                    " website, tags, notes, is_local, is_target, search_key, created_at,"
                    " updated_at, version) VALUES ('c1', '喆达精工', '喆达精工', '', '', '', '',"
                    " '', '', false, false, :key, now(), now(), 1)"
                ),
                {"key": company_search_key("喆达精工", "深圳", None, "")},
            )
        upgrade(db, seed=False)
        assert current_revision(db) == head_revision()
        with db.session(readonly=True) as s:
            for term in ("喆", "zd", "佳万", "j", "发制", "ＲＢ"):
                expected = sorted(p for p, k in keys.items() if p != "p3" and matches(k, term))
                assert sorted(fetch_ids(s, ProjectFilter(text=term))) == expected, term
            assert fetch_ids(s, ProjectFilter(text="喆", deleted=True)) == ["p3"]
            # the index holds the rows that were there before it was made
            s.execute(text("SET LOCAL enable_seqscan = off"))
            n = s.scalar(
                text(
                    "SELECT count(*) FROM projects WHERE jd_short_grams(search_key)"
                    " @> ARRAY['喆'] AND deleted_at IS NULL"
                )
            )
            assert n == 1
            n = s.scalar(
                text(
                    "SELECT count(*) FROM companies WHERE jd_short_grams(search_key)"
                    " @> ARRAY['zd'] AND deleted_at IS NULL"
                )
            )
            assert n == 1
            assert [c.id for c in search_companies(s, "喆")] == ["c1"]
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0008")
        with db.engine.connect() as conn:
            left = conn.scalar(
                text(
                    "SELECT (SELECT count(*) FROM pg_proc WHERE proname = 'jd_short_grams')"
                    " + (SELECT count(*) FROM pg_indexes WHERE indexname LIKE '%search_grams')"
                )
            )
            assert left == 0
    finally:
        db.dispose()
        drop_pg_database(pg_server_url(), url.rsplit("/", 1)[1])
