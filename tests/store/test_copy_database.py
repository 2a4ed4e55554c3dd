"""``migrate-to``: a whole database copied into an empty one and back.

Under ``make test-pg`` the middle database is PostgreSQL (SQLite → PostgreSQL → SQLite, as
the issue asks); under ``make test`` it is a second SQLite file, which still checks the copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from jianan_desk.cli import main
from jianan_desk.services.copy_database import copy_database
from jianan_desk.services.demo import generate_demo_data
from jianan_desk.services.errors import CopyDatabaseError
from jianan_desk.services.metrics import compute_metrics, compute_metrics_by
from jianan_desk.services.projects import (
    ProjectInput,
    create_project,
    delete_project,
    get_project_detail,
    update_project,
)
from jianan_desk.store.engine import Database
from jianan_desk.store.migrations import upgrade
from jianan_desk.store.models import Base, Project
from tests.helpers import empty_database, open_db


@pytest.fixture(scope="module")
def source_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the demo data plus an edit, a tombstone and a change log."""
    path = tmp_path_factory.mktemp("copy") / "source.sqlite"
    db = open_db(path)
    upgrade(db)
    with db.session() as s:
        generate_demo_data(s)
    with db.session() as s:
        pid = create_project(
            s, ProjectInput(name="将删除的项目", total_investment_wan="1.5亿"), "王"
        ).id
        kept = create_project(
            s, ProjectInput(name="保留的项目", total_investment_wan="3,000万"), "王"
        )
    with db.session() as s:
        update_project(s, kept.id, replace(kept.to_input(), notes="改过"), "李")
        delete_project(s, pid, "王")
    db.dispose()
    return path


def table_contents(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, through the ORM column types, in key order."""
    out = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            pk = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*pk))]
    return out


def metrics_of(db: Database) -> list:
    with db.session(readonly=True) as s:
        return [compute_metrics(s, year, dt.date(2022, 3, 31)) for year in (2020, 2021, 2022)] + [
            compute_metrics_by(s, 2021, "unit", dt.date(2021, 12, 31))
        ]


def test_round_trip_keeps_every_row_and_every_metric(source_path, tmp_path):
    source = open_db(source_path)
    middle = empty_database(tmp_path, "middle")  # PostgreSQL under make test-pg
    back = open_db(tmp_path / "back.sqlite")
    try:
        there = copy_database(source, middle)
        again = copy_database(middle, back)
        assert there.ok and again.ok
        projects = next(t for t in there.tables if t.table == "projects")
        assert projects.rows > 300 and projects.tombstones == 1
        assert projects.sums["total_investment_wan"][0] == projects.sums["total_investment_wan"][1]
        assert next(t for t in there.tables if t.table == "change_log").rows >= 3

        original = table_contents(source)
        assert table_contents(middle) == original
        assert table_contents(back) == original
        assert metrics_of(middle) == metrics_of(source) == metrics_of(back)
        with source.session(readonly=True) as s:
            gone = s.scalars(select(Project.id).where(Project.deleted_at.is_not(None))).one()
        with middle.session(readonly=True) as s:  # the program reads the copy as it was
            detail = get_project_detail(s, gone, include_deleted=True)
            assert detail.name == "将删除的项目" and detail.deleted_at is not None
            assert len(detail.timeline) == 1
    finally:
        for db in (source, middle, back):
            db.dispose()


def test_a_target_that_is_not_empty_is_refused_untouched(source_path, db):
    source = open_db(source_path)
    before = table_contents(db)
    try:
        with pytest.raises(CopyDatabaseError, match="不是空的"):
            copy_database(source, db)
    finally:
        source.dispose()
    assert table_contents(db) == before


def test_a_source_not_at_the_current_schema_is_refused(tmp_path):
    empty = open_db(tmp_path / "blank.sqlite")
    target = empty_database(tmp_path, "target")
    try:
        with pytest.raises(CopyDatabaseError, match="jianan-desk upgrade"):
            copy_database(empty, target)
    finally:
        empty.dispose()
        target.dispose()


def test_cli_migrate_to_prints_the_check_and_refuses_a_second_run(source_path, tmp_path, capsys):
    target = empty_database(tmp_path, "cli")
    url = target.url
    target.dispose()
    assert main(["--db", str(source_path), "migrate-to", url]) == 0
    out = capsys.readouterr().out
    assert "核对通过" in out and "projects" in out and "total_investment_wan" in out
    assert main(["--db", str(source_path), "migrate-to", url]) == 1
    assert "不是空的" in capsys.readouterr().err
