"""Revision 0010: SQLite gets a covering index of projects' signing dates, amounts, update
times and stages (PostgreSQL has 0008's); both get ``projects.search_text`` (the key's text
parts), filled for existing rows, and SQLite a covering index over it."""

import datetime as dt
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, select, text

from jianan_desk.domain.search import project_search_key
from jianan_desk.services.project_query import (
    ProjectFilter,
    count_and_sum,
    fetch_first_page,
    fetch_ids,
    stage_summary,
)
from jianan_desk.store.migrations import alembic_config, current_revision, head_revision, upgrade
from jianan_desk.store.models import Project
from tests.helpers import on_postgres, open_db

DATA = Path(__file__).resolve().parent.parent / "data"
TS = "'2021-05-01 00:00:00'"
WIDE = ProjectFilter(signed_from=dt.date(2015, 1, 1), signed_to=dt.date(2026, 12, 31))


NAMES = {"p1": ("喆达精工项目", "喆达精工有限公司"), "p2": ("三佳万向节", "")}


def _insert(conn, pid: str, signed: str | None, wan: int, stage: str, deleted: bool) -> None:
    name, investor = NAMES.get(pid, (pid, ""))
    conn.execute(
        text(
            "INSERT INTO projects (id, name, family, stage, total_investment_wan, location,"
            " leader_in_charge, construction_content, notes, investor_name, search_key,"
            " signed_on, created_at, updated_at, deleted_at, version) VALUES (:id, :name,"
            " 'attraction', :stage, :wan, '长葛', '', '', 'Ｎｏｔｅ', :investor, :key, :signed,"
            f" {TS}, {TS}, {TS if deleted else 'NULL'}, 1)"
        ),
        {
            "id": pid,
            "name": name,
            "investor": investor,
            "key": project_search_key(name, investor, "长葛", "Ｎｏｔｅ"),
            "stage": stage,
            "wan": wan * 10_000,  # stored: 万元 × 10⁴
            "signed": signed,
        },
    )


def _plans(db, run) -> list[str]:
    """The query plans of the statements ``run(session)`` sends (the services' own)."""
    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, *_args):
        if statement.startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session(readonly=True) as s:
            run(s)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    with db.engine.connect() as conn:
        return [
            " | ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in sent
        ]


@pytest.mark.sqlite_only(reason="upgrades the committed 0009 SQLite file")
def test_upgrade_from_0009_adds_the_covering_index_and_keeps_rows(tmp_path):
    path = tmp_path / "v9.sqlite"
    shutil.copy(DATA / "schema_0009.sqlite", path)
    db = open_db(path)
    try:
        assert current_revision(db) == "0009"
        with db.engine.begin() as conn:
            _insert(conn, "p1", "2021-03-15", 120000, "signed", False)
            _insert(conn, "p2", "2016-07-01", 5000, "started", False)
            _insert(conn, "p3", "2021-04-01", 999, "signed", True)  # deleted: not counted
            _insert(conn, "p4", None, 3000, "lead", False)  # never signed
        upgrade(db, seed=False)
        assert current_revision(db) == head_revision() >= "0010"
        con = sqlite3.connect(path)
        sql = con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_projects_signed_totals'"
        ).fetchone()[0]
        columns = [r[2] for r in con.execute("PRAGMA index_info(ix_projects_signed_totals)")]
        con.close()
        assert columns == [
            "signed_on",
            "total_investment_wan",
            "updated_at",
            "stage",
            "id",
            "deleted_at",
        ]
        assert "WHERE" not in sql, sql  # not partial (see the migration)
        with db.session(readonly=True) as s:
            texts = dict(s.execute(select(Project.id, Project.search_text)).all())
            assert texts == {
                "p1": "喆达精工项目 喆达精工有限公司 长葛 note",
                "p2": "三佳万向节 长葛 note",
                "p3": "p3 长葛 note",
                "p4": "p4 长葛 note",
            }
            assert fetch_ids(s, ProjectFilter(text="喆达")) == ["p1"]
            assert sorted(fetch_ids(s, ProjectFilter(text="长葛"))) == ["p1", "p2", "p4"]
            assert fetch_ids(s, ProjectFilter(text="zdjg")) == ["p1"]  # pinyin: the key
            assert count_and_sum(s, WIDE) == (2, Decimal(125000))
            assert count_and_sum(s, ProjectFilter(signed_year=2021)) == (1, Decimal(120000))
            assert sorted(fetch_ids(s, WIDE)) == ["p1", "p2"]
            first = fetch_first_page(s, WIDE, "updated_at", True, 200, today=dt.date(2022, 1, 1))
            assert sorted(r.id for r in first) == ["p1", "p2"]
            by_stage = {t.stage: t.count for t in stage_summary(s, WIDE) if t.count}
            assert by_stage == {"signed": 1, "started": 1}
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0009")
        con = sqlite3.connect(path)
        left = con.execute(
            "SELECT count(*) FROM sqlite_master WHERE name IN"
            " ('ix_projects_signed_totals', 'ix_projects_search_text')"
        ).fetchone()[0]
        columns = [r[1] for r in con.execute("PRAGMA table_info(projects)")]
        con.close()
        assert left == 0 and "search_text" not in columns and "search_key" in columns
    finally:
        db.dispose()


@pytest.mark.sqlite_only(reason="SQLite query plans")
def test_a_period_s_count_and_a_hanzi_search_read_their_covering_indexes(db):
    """The footer's count and sum and the kanban's per-stage totals of a signing period
    read the covering index, no table row (the wide rows were the cost); a text search
    reads the key's or, for a hanzi term, the text's (a fifth of the key to scan)."""
    expected = {
        WIDE: "ix_projects_signed_totals",
        ProjectFilter(signed_year=2021): "ix_projects_signed_totals",
        # never the period's index, with a table row per entry: a partial index of live
        # rows drew the planner there
        ProjectFilter(text="sj"): "ix_projects_search_key",
        ProjectFilter(text="喆"): "ix_projects_search_text",
    }
    for f, index in expected.items():
        plans = _plans(db, lambda s, f=f: (count_and_sum(s, f), stage_summary(s, f)))
        assert len(plans) == 2, plans
        for plan in plans:
            assert f"COVERING INDEX {index}" in plan, (f, plan)


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only (make test-pg)")
def test_postgres_has_the_column_but_not_the_sqlite_indexes(db):
    with db.session(readonly=True) as s:
        names = set(
            s.scalars(text("SELECT indexname FROM pg_indexes WHERE tablename = 'projects'"))
        )
        columns = set(
            s.scalars(
                text(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_name = 'projects'"
                )
            )
        )
    assert "ix_projects_signed_totals" not in names and "ix_projects_search_text" not in names
    assert "ix_projects_signed_live" in names  # 0008's serves PostgreSQL
    assert "search_text" in columns
