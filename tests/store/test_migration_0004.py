"""Revision 0004 on a database made at 0003: companies get normalised names and keys."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select

from jianan_desk.store.migrations import alembic_config, current_revision, head_revision, upgrade
from jianan_desk.store.models import Company, Visit
from tests.helpers import open_db

DATA = Path(__file__).resolve().parent.parent / "data"
TS = "'2021-05-01 00:00:00'"


@pytest.fixture
def old_db(tmp_path):
    """schema_0003.sqlite with two companies and a visit."""
    path = tmp_path / "v3.sqlite"
    shutil.copy(DATA / "schema_0003.sqlite", path)
    con = sqlite3.connect(path)
    for cid, name, city in (
        ("c1", "三佳（南京）精密传动科技有限公司", "南京"),
        ("c2", "深圳市华为技术有限公司", "深圳"),
    ):
        con.execute(
            "INSERT INTO companies (id, name, normalized_name, province, city, scale, website,"
            " tags, notes, is_local, is_target, created_at, updated_at) VALUES"
            f" ('{cid}', '{name}', '', '', '{city}', '', '', '', '', 0, 1, {TS}, {TS})"
        )
    con.execute(
        "INSERT INTO visits (id, company_id, visited_on, kind, city, attendees, content,"
        " outcome, next_step, recorded_by, created_at, updated_at) VALUES ('v1', 'c1',"
        f" '2022-03-01', 'outbound', '南京', '', '', '', '', '', {TS}, {TS})"
    )
    con.commit()
    con.close()
    db = open_db(path)
    yield db
    db.dispose()


def test_upgrade_fills_normalised_names_and_search_keys(old_db):
    assert current_revision(old_db) == "0003"
    upgrade(old_db)
    assert current_revision(old_db) == head_revision()
    with old_db.session(readonly=True) as s:
        c1, c2 = s.get(Company, "c1"), s.get(Company, "c2")
        assert c1.normalized_name == "三佳精密传动科技"
        assert c2.normalized_name == "华为技术"
        assert "sanjia" in c1.search_key and "nanjing" in c1.search_key
        assert "hwjs" in c2.search_key
        visit = s.get(Visit, "v1")
        assert (visit.place, visit.interest_level, visit.follow_up_note) == ("", "", "")
        assert visit.project_id is None and visit.follow_up_done_on is None
        tables = set(inspect(s.connection()).get_table_names())
        assert {"company_merges", "target_companies", "visit_contacts"} <= tables


def test_downgrade_to_0003_and_up_again(old_db):
    upgrade(old_db)
    with old_db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    assert current_revision(old_db) == "0003"
    with old_db.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("companies")}
        assert "search_key" not in columns
        assert "company_merges" not in inspect(conn).get_table_names()
        t = Company.__table__
        name = conn.execute(select(t.c.name).where(t.c.id == "c1")).scalar()
        assert name == "三佳（南京）精密传动科技有限公司"
    upgrade(old_db)
    assert current_revision(old_db) == head_revision()
