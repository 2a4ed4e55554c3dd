"""``store.dialect``: the engine differences, checked on the engine under test."""

from __future__ import annotations

from sqlalchemy import select

from jianan_desk.store.dialect import change_marker, exists_on, insert_for, is_server, ordered
from jianan_desk.store.models import AppMeta, Company, Project
from tests.helpers import on_postgres


def test_nulls_sort_where_sqlite_puts_them_on_every_engine(db):
    with db.session() as s:
        s.add_all([Company(id="a", name="甲", uscc="2"), Company(id="b", name="乙")])
        s.add(Company(id="c", name="丙", uscc="1"))
    with db.session(readonly=True) as s:
        up = s.scalars(select(Company.id).order_by(ordered(Company.uscc, False))).all()
        down = s.scalars(select(Company.id).order_by(ordered(Company.uscc, True))).all()
    assert up == ["b", "c", "a"]  # NULL first when ascending
    assert down == ["a", "c", "b"]  # and last when descending


def test_upsert_through_insert_for(db):
    table = AppMeta.__table__
    with db.engine.begin() as conn:
        for value in ("1", "2"):
            stmt = insert_for(conn, table).values(key="probe", value=value)
            conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))
        assert conn.execute(select(table.c.value).where(table.c.key == "probe")).scalar() == "2"
    assert is_server(db.engine) == on_postgres()


def test_change_marker_moves_with_inserts_and_updates(db):
    table = Project.__table__
    with db.engine.connect() as conn:
        empty = change_marker(conn, [table])
    with db.session() as s:
        s.add(Project(id="p", name="甲"))
    with db.engine.connect() as conn:
        one = change_marker(conn, [table])
    with db.session() as s:
        s.get(Project, "p").notes = "改"
    with db.engine.connect() as conn:
        edited = change_marker(conn, [table])
    assert empty[0] == 0 and one[0] == 1 and edited[0] == 1
    assert len({empty, one, edited}) == 3


def test_an_index_made_for_one_engine_only():
    index = next(i for i in Project.__table__.indexes if i.name == "ix_projects_search_key")
    assert exists_on(index, "sqlite") and not exists_on(index, "postgresql")
    plain = next(i for i in Project.__table__.indexes if i.name == "ix_projects_stage_on")
    assert exists_on(plain, "postgresql")
