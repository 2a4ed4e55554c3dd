"""The office server (PostgreSQL) is one installation for sync: a laptop (SQLite) exchanges
packages with it exactly as with another laptop (issue 12)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.database import open_database
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.installation import same_place
from jianan_desk.store.models import Company, Project, SyncPeer
from tests.helpers import pg_server_url
from tests.sync.helpers import inst_id, new_sqlite_installation, send, snapshot

needs_server = pytest.mark.skipif(
    pg_server_url() is None,
    reason="needs a PostgreSQL server: run through tests.pg.run (make test-pg)",
)


def _project(db, name, **kw):
    with db.session() as s:
        data = ProjectInput(name=name, total_investment_wan="5亿", **kw)
        return create_project(s, data, "张三", stage_on=dt.date(2022, 1, 1)).id


@needs_server
def test_office_server_and_sqlite_laptop_exchange_both_ways(office, tmp_path):
    assert office.path is None  # the office is the PostgreSQL server
    from jianan_desk.services.demo import generate_demo_data

    with office.session() as s:
        generate_demo_data(s, seed=3)
    shared = _project(office, "三佳万向节项目")
    laptop = new_sqlite_installation(tmp_path / "laptop.sqlite")
    try:
        first = send(office, laptop, tmp_path, full=True)  # a full copy onto the laptop
        assert first.full_copy
        assert snapshot(laptop) == snapshot(office)
        assert inst_id(laptop) != inst_id(office)

        # both sides work apart: different fields of one project, new rows, and the same
        # company (same USCC) created on each side, each with projects pointing at it
        uscc_a, uscc_b = "91411000MA44XKQ93R", "91411023MA45H3UF04"
        with office.session() as s:
            s.add(Company(id="ffffffff-ffff-4fff-bfff-ffffffffffff", name="甲", uscc=uscc_a))
            s.get(Project, shared).location = "产业集聚区"
        with laptop.session() as s:
            s.add(Company(id="fffffffe-ffff-4fff-bfff-ffffffffffff", name="乙", uscc=uscc_b))
            s.get(Project, shared).notes = "深圳洽谈：签约在即"
            s.get(Project, shared).total_investment_wan = Decimal("55000.1234")
            small_a = create_company(s, CompanyInput(name="甲公司", uscc=uscc_a), "李四").id
        with office.session() as s:
            small_b = create_company(s, CompanyInput(name="乙公司", uscc=uscc_b), "张三").id
        on_server = _project(
            office, "办公室新项目", company_id="ffffffff-ffff-4fff-bfff-ffffffffffff"
        )
        on_trip = _project(laptop, "出差新项目", company_id="fffffffe-ffff-4fff-bfff-ffffffffffff")

        back = send(laptop, office, tmp_path)
        # each company created twice is unified; fields typed differently on each side
        # (the name) are conflicts for review — the project edits are not
        assert back.unified >= 1
        assert {c.tbl for c in back.conflicts} <= {"companies"}
        send(office, laptop, tmp_path)
        assert send(laptop, office, tmp_path).changed == 0  # nothing left to exchange

        assert snapshot(laptop) == snapshot(office)
        for db in (office, laptop):
            with db.session(readonly=True) as s:
                p = s.get(Project, shared)
                assert (p.location, p.notes) == ("产业集聚区", "深圳洽谈：签约在即")
                assert p.total_investment_wan == Decimal("55000.1234")
                assert s.get(Project, on_server).company_id == small_a
                assert s.get(Project, on_trip).company_id == small_b
                assert len(list(s.scalars(select(Company.id).where(Company.uscc.isnot(None))))) >= 2
            assert {p.installation_id for p in _peers(db)} >= {
                inst_id(office if db is laptop else laptop)
            }
        server = inst_id(office)
        with laptop.session(readonly=True) as s:  # the laptop lists the server by name
            assert s.get(SyncPeer, server).name.startswith("服务器数据库 ")
    finally:
        laptop.dispose()


def _peers(db):
    with db.session(readonly=True) as s:
        return list(s.scalars(select(SyncPeer)))


@needs_server
def test_the_server_is_one_installation_whoever_connects(office, monkeypatch):
    """Opening the server database from another PC (another host name) is not a copy."""
    ident = inst_id(office)
    monkeypatch.setattr("socket.gethostname", lambda: "办公室-另一台电脑")
    again = open_database(office.url)
    try:
        assert inst_id(again) == ident
    finally:
        again.dispose()


def test_server_marks_compare_the_database_not_the_client():
    assert same_place("postgresql|7713|16384", "postgresql|7713|16384")
    assert same_place("postgresql|7713|16384", "postgresql||16384")  # role cannot read it
    assert not same_place("postgresql|7713|16384", "postgresql|9999|16384")  # other cluster
    assert not same_place("postgresql|7713|16384", "postgresql|7713|16390")  # a copy
    assert not same_place("pc1|/data/a.sqlite", "pc2|/data/a.sqlite")
    assert not same_place("postgresql||16384", "pc1|/data/a.sqlite")
