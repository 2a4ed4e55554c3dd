"""Revision 0006 on a database made at 0005: the sync tables appear, rows are kept and
count as stamped at their ``updated_at``."""

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from jianan_desk.store.migrations import current_revision, head_revision, upgrade
from jianan_desk.store.models import Project
from jianan_desk.store.sync_stamps import refresh
from tests.helpers import open_db

DATA = Path(__file__).resolve().parent.parent / "data"
TS = "'2021-05-01 00:00:00'"


def test_upgrade_adds_sync_tables_and_keeps_rows(tmp_path):
    path = tmp_path / "v5.sqlite"
    shutil.copy(DATA / "schema_0005.sqlite", path)
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO projects (id, name, family, stage, total_investment_wan, location,"
        " leader_in_charge, construction_content, notes, contract_notes, updated_by,"
        f" investor_name, created_at, updated_at) VALUES ('p1', '项目', 'attraction', 'lead',"
        f" 0, '', '', '', '', '', '', '', {TS}, {TS})"
    )
    con.commit()
    con.close()
    db = open_db(path)
    try:
        assert current_revision(db) == "0005"
        upgrade(db)
        assert current_revision(db) == head_revision()
        with db.session() as s:
            tables = set(inspect(s.connection()).get_table_names())
            assert {
                "sync_stamps",
                "sync_peers",
                "sync_conflicts",
                "sync_aliases",
                "sync_imports",
            } <= tables
            assert s.get(Project, "p1").name == "项目"
            # rows from before count as stamped at updated_at: nothing to stamp now
            assert refresh(s.connection()) == 0
    finally:
        db.dispose()
