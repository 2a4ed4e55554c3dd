"""Revision 0008 (metrics indexes): new indexes only, rows kept; the metrics cohort, the
funds, plan and monthly sums read them alone (SQLite plans), they are partial on both
engines, and the figures after the upgrade leave out every deleted row."""

import datetime as dt
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, inspect, select, text

from jianan_desk.services import dashboard, metrics
from jianan_desk.services.dashboard import load_dashboard
from jianan_desk.store.migrations import current_revision, head_revision, upgrade
from jianan_desk.store.models import FundsInPlace, KeyProjectPlan, MonthlyInvestment, Project
from tests.helpers import migration_module, on_postgres, open_db

DATA = Path(__file__).resolve().parent.parent / "data"
TS = "'2021-05-01 00:00:00'"
GONE = "'2021-06-01 00:00:00'"


def _migration():
    return migration_module("0008")


INDEXES = {name: (table, columns) for name, table, columns, _ in _migration().INDEXES}
WHERE = {name: where for name, _table, _columns, where in _migration().INDEXES}


def _fill_0007(con: sqlite3.Connection) -> None:
    """Two 招商引资 projects and a key project, with a deleted row of every kind."""

    def project(pid: str, total_wan: int, family: str = "attraction", deleted: bool = False):
        con.execute(
            "INSERT INTO projects (id, name, family, stage, total_investment_wan, location,"
            " leader_in_charge, construction_content, notes, created_at, updated_at, deleted_at)"
            " VALUES (?, ?, ?, 'signed', ?, '', '', '', '',"
            f" {TS}, {TS}, {GONE if deleted else 'NULL'})",
            (pid, f"项目{pid}", family, total_wan * 10_000),
        )

    def event(eid: str, pid: str, stage: str, day: str, deleted: bool = False):
        con.execute(
            "INSERT INTO project_stage_events (id, project_id, stage, occurred_on, note,"
            " recorded_by, kind, reason, created_at, updated_at, deleted_at) VALUES"
            f" (?, ?, ?, ?, '', '', 'advance', '', {TS}, {TS}, {GONE if deleted else 'NULL'})",
            (eid, pid, stage, day),
        )

    project("p1", 20_000)  # signed 2021, started
    project("p2", 5_000)  # signed 2021; its 履约 was corrected away (deleted event)
    project("p3", 9_000, deleted=True)  # signed 2021 but deleted
    project("k1", 150_000, family="key")
    for eid, pid, stage, day, deleted in [
        ("e1", "p1", "lead", "2021-01-05", False),
        ("e2", "p1", "signed", "2021-03-01", False),
        ("e3", "p1", "performing", "2021-04-01", False),
        ("e4", "p1", "started", "2021-05-01", False),
        ("e5", "p2", "signed", "2021-07-01", False),
        ("e6", "p2", "performing", "2021-08-01", True),
        ("e7", "p3", "signed", "2021-02-01", False),
        ("e8", "p2", "signed", "2020-12-30", True),  # a deleted signing of the year before
        ("e9", "p2", "started", "2022-03-01", False),  # after the reporting date
    ]:
        event(eid, pid, stage, day, deleted)
    for fid, pid, day, amount, deleted in [
        ("f1", "p1", "2021-05-01", 1_000, False),
        ("f2", "p1", "2021-06-01", 300, True),
        ("f3", "p3", "2021-06-01", 700, False),  # project deleted
    ]:
        con.execute(
            "INSERT INTO funds_in_place (id, project_id, received_on, amount_wan, note,"
            f" created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, '', {TS}, {TS},"
            f" {GONE if deleted else 'NULL'})",
            (fid, pid, day, amount * 10_000),
        )
    con.execute(
        "INSERT INTO key_project_plans (id, project_id, year, planned_investment_wan,"
        f" is_new_start, created_at, updated_at) VALUES ('k', 'k1', 2021, 1200000, 0, {TS}, {TS})"
    )
    for mid, month, amount, deleted in [("m1", 1, 40, False), ("m2", 2, 60, True)]:
        con.execute(
            "INSERT INTO monthly_investments (id, project_id, year, month, completed_wan,"
            f" created_at, updated_at, deleted_at) VALUES (?, 'k1', 2021, ?, ?, {TS}, {TS},"
            f" {GONE if deleted else 'NULL'})",
            (mid, month, amount * 10_000),
        )


@pytest.mark.sqlite_only(reason="upgrades the committed 0007 SQLite file")
def test_upgrade_from_0007_adds_partial_covering_indexes_and_keeps_rows(tmp_path):
    path = tmp_path / "v7.sqlite"
    shutil.copy(DATA / "schema_0007.sqlite", path)
    con = sqlite3.connect(path)
    _fill_0007(con)
    con.commit()
    con.close()
    db = open_db(path)
    try:
        assert current_revision(db) == "0007"
        upgrade(db)
        assert current_revision(db) == head_revision() >= "0008"
        with db.engine.connect() as conn:  # with statistics, as after migrate-to / VACUUM ANALYZE
            conn.exec_driver_sql("ANALYZE")
        with db.session(readonly=True) as s:
            inspector = inspect(s.connection())
            for name, (table, columns) in INDEXES.items():
                found = {i["name"]: i["column_names"] for i in inspector.get_indexes(table)}
                assert found[name] == columns, name
            sql = dict(
                s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index'")).all()
            )
            for name, where in WHERE.items():
                assert (f"WHERE {where}" in sql[name]) == (where is not None), sql[name]
            assert WHERE["ix_stage_events_live"] == "deleted_at IS NULL"
            assert WHERE["ix_projects_deleted"] == "deleted_at IS NOT NULL"
            assert (
                s.scalar(select(Project.total_investment_wan).where(Project.id == "p1")) == 20_000
            )
            assert len(s.scalars(select(FundsInPlace.id)).all()) == 3
            assert len(s.scalars(select(MonthlyInvestment.id)).all()) == 2
            assert len(s.scalars(select(KeyProjectPlan.id)).all()) == 1
            figures = metrics.compute_metrics(s, 2021, dt.date(2021, 12, 31))
            board = load_dashboard(s, 2021, dt.date(2021, 12, 31)).metrics
        expected = {
            "signed_count": 2,  # p1, p2 (p3 deleted)
            "signed_over_100m_count": 1,
            "signed_investment_wan": Decimal(25_000),
            "performing_count": 1,  # p2's 履约 event is deleted, its 开工 comes in 2022
            "started_count": 1,
            "operating_count": 0,
            "funds_in_place_wan": Decimal(1_000),  # f2 deleted, f3's project deleted
            "key_project_count": 1,
            "key_over_1b_count": 1,
            "completed_investment_wan": Decimal(40),  # m2 deleted
        }
        assert {k: figures[k] for k in expected} == expected
        assert {k: board[k] for k in expected} == expected
        with db.session(readonly=True) as s:  # the year before: the deleted signing is not one
            assert metrics.compute_metrics(s, 2020, dt.date(2020, 12, 31))["signed_count"] == 0
    finally:
        db.dispose()


def _plan(session, stmt) -> str:
    compiled = stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    return " | ".join(r[-1] for r in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))


@pytest.mark.sqlite_only(reason="SQLite query plans")
def test_sqlite_metrics_read_only_the_new_indexes(db):
    as_of = dt.date(2021, 12, 31)
    with db.session(readonly=True) as s:
        for funnel in (False, True):
            groups = ("month", "industry", "field") if funnel else ()
            plan = _plan(s, metrics.cohort_statement(2021, as_of, groups, funnel=funnel))
            assert "COVERING INDEX ix_stage_events_live" in plan, plan
            assert "COVERING INDEX ix_projects_cohort" in plan, plan
            assert "COVERING INDEX ix_stage_events_project_live" in plan, plan
            assert "SCAN project_stage_events" not in plan and "SCAN cp" not in plan, plan
        captured: list[tuple[str, object]] = []

        def record(_conn, _cursor, statement, parameters, *_args):
            captured.append((statement, parameters))

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            metrics.funds_totals(s, 2021, as_of)
            metrics.plan_totals(s, 2021)
            metrics.completed_by_month(s, 2021, 12)
            dashboard._follow_ups(s, as_of)
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        raw = s.connection()
        plans_of = [
            " | ".join(r[-1] for r in raw.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in captured
        ]
        # funds (plain sums, then the deleted projects' rows), plans, monthly (the same
        # two), the follow-ups' count
        funds, funds_gone, plans, monthly, monthly_gone, follow_ups = plans_of[:6]
        for correction in (funds_gone, monthly_gone):
            assert "SCAN gone USING INDEX ix_projects_deleted" in correction, correction
            assert "project_id=?" in correction, correction
        assert "COVERING INDEX ix_visits_follow_up_live" in follow_ups, follow_ups
        assert "ix_companies_deleted" in follow_ups, follow_ups
        assert "COVERING INDEX ix_funds_live" in funds, funds
        assert "COVERING INDEX ix_plans_live" in plans, plans
        assert "COVERING INDEX ix_projects_cohort" in plans, plans
        assert "COVERING INDEX ix_monthly_live" in monthly, monthly


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL only (make test-pg)")
def test_postgres_indexes_are_partial(db):
    with db.session(readonly=True) as s:
        defs = dict(
            s.execute(
                text("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(:names)"),
                {"names": list(INDEXES)},
            ).all()
        )
    assert set(defs) == set(INDEXES)
    for name, where in WHERE.items():
        assert (f"WHERE ({where})" in defs[name]) == (where is not None), defs[name]
