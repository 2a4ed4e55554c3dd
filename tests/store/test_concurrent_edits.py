"""Optimistic concurrency on both engines: ``version`` and two real connections.

Each "user" is a separate engine (its own connection pool) on the same database, as two
programs on two office PCs would be.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import insert, select, update

from jianan_desk.services import projects as projects_service
from jianan_desk.services.errors import ConcurrentEditError
from jianan_desk.services.projects import (
    ProjectInput,
    advance_stage,
    create_project,
    get_project_detail,
    update_project,
)
from jianan_desk.store.engine import Database, make_engine
from jianan_desk.store.errors import StaleRowError, StoreError
from jianan_desk.store.models import Company, Project
from jianan_desk.store.types import new_id
from tests.helpers import on_postgres


@pytest.fixture
def second(db: Database) -> Iterator[Database]:
    """The same database through a second engine: another user's program."""
    other = Database(db.url, make_engine(db.url))
    yield other
    other.dispose()


def _project(db: Database) -> str:
    with db.session() as s:
        return create_project(
            s, ProjectInput(name="三佳万向节项目", total_investment_wan="5亿", notes="一期"), "王"
        ).id


def _edit(detail, **changes) -> ProjectInput:
    return replace(detail.to_input(), **changes)


def test_every_orm_update_bumps_the_version(db):
    with db.session() as s:
        s.add(Company(id="c1", name="三佳"))
    with db.session() as s:
        assert s.get(Company, "c1").version == 1
        s.get(Company, "c1").city = "南京"
    with db.session() as s:
        assert s.get(Company, "c1").version == 2
    pid = _project(db)
    with db.session() as s:
        start = s.get(Project, pid).version
        s.get(Project, pid).notes = "改一"
    with db.session() as s:
        assert s.get(Project, pid).version == start + 1
        s.get(Project, pid).location = "尚集"
    with db.session() as s:
        assert s.get(Project, pid).version == start + 2
        assert get_project_detail(s, pid).version == start + 2


def test_rows_written_by_bulk_insert_get_version_one_from_the_server(db):
    with db.session() as s:
        s.execute(insert(Company), [{"id": new_id(), "name": "批量写入企业"}])
    with db.session() as s:
        company = s.scalars(select(Company).where(Company.name == "批量写入企业")).one()
        assert company.version == 1
        company.city = "许昌"
    with db.session() as s:
        assert s.scalars(select(Company.version).where(Company.name == "批量写入企业")).one() == 2


def test_stale_save_is_refused_naming_who_and_which_fields(db, second):
    pid = _project(db)
    with db.session(readonly=True) as s:
        mine = get_project_detail(s, pid)  # user A opens the form
    with second.session() as s:  # user B saves first, through another connection
        theirs = get_project_detail(s, pid)
        update_project(s, pid, _edit(theirs, notes="二期", location="尚集"), "李四")
    with pytest.raises(ConcurrentEditError) as caught, db.session() as s:
        update_project(s, pid, _edit(mine, notes="我的备注"), "王", expected_version=mine.version)
    error = caught.value
    assert error.actors == ("李四",)
    assert set(error.fields) == {"备注", "建设地点"}
    assert "李四" in str(error) and "备注" in str(error) and "建设地点" in str(error)
    assert "保留" in str(error)  # the user is told that what they typed is still there
    with db.session(readonly=True) as s:
        now = get_project_detail(s, pid)
    assert (now.notes, now.location, now.version) == ("二期", "尚集", mine.version + 1)


def test_a_save_on_the_current_version_goes_through(db, second):
    pid = _project(db)
    with second.session() as s:
        d = get_project_detail(s, pid)
        d2 = update_project(s, pid, _edit(d, notes="二期"), "李四", expected_version=d.version)
    assert d2.version == d.version + 1
    with db.session() as s:
        d3 = update_project(s, pid, _edit(d2, notes="三期"), "王", expected_version=d2.version)
    assert d3.notes == "三期" and d3.version == d2.version + 1


def test_a_stage_change_by_another_user_also_counts(db, second):
    pid = _project(db)
    with db.session(readonly=True) as s:
        mine = get_project_detail(s, pid)
    with second.session() as s:
        advance_stage(s, pid, "negotiating", None, "", "李四")
    with pytest.raises(ConcurrentEditError, match="李四") as caught, db.session() as s:
        update_project(s, pid, _edit(mine, notes="x"), "王", expected_version=mine.version)
    assert "项目阶段" in caught.value.fields


@pytest.mark.skipif(
    not on_postgres(), reason="SQLite serialises writers (BEGIN IMMEDIATE): no interleaving"
)
def test_a_save_committed_between_our_read_and_our_write_is_caught(db, second, monkeypatch):
    """READ COMMITTED lets both sessions read version N; the ORM's WHERE version = N stops
    the second write, and the service turns that into the same ConcurrentEditError."""
    pid = _project(db)
    with db.session(readonly=True) as s:
        mine = get_project_detail(s, pid)
    real_clean = projects_service.clean_project_values

    def clean_then_someone_saves(session, data, project):
        with second.session() as other:
            row = other.get(Project, pid)
            row.notes, row.updated_by = "抢先保存", "李四"
            projects_service.record_change(
                other, entity="project", entity_id=pid, parent_id=pid, actor="李四",
                action="update", changes={"notes": ["一期", "抢先保存"]},
            )  # fmt: skip
        return real_clean(session, data, project)

    monkeypatch.setattr(projects_service, "clean_project_values", clean_then_someone_saves)
    with pytest.raises(ConcurrentEditError, match="李四"), db.session() as s:
        update_project(s, pid, _edit(mine, notes="我的"), "王", expected_version=mine.version)
    with db.session(readonly=True) as s:
        assert get_project_detail(s, pid).notes == "抢先保存"


@pytest.mark.skipif(
    not on_postgres(), reason="SQLite serialises writers (BEGIN IMMEDIATE): no interleaving"
)
def test_any_stale_orm_write_becomes_a_clear_store_error(db, second):
    pid = _project(db)
    with pytest.raises(StaleRowError) as caught, db.session() as s:
        row = s.get(Project, pid)  # read version N
        with second.session() as other:
            other.execute(
                update(Project).where(Project.id == pid).values(version=Project.version + 1)
            )
        row.notes = "覆盖"
    assert isinstance(caught.value, StoreError) and "其他用户" in str(caught.value)
