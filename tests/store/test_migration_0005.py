"""Revision 0005 on a database made at 0004: existing rows get versions and defaults."""

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from jianan_desk.store.migrations import current_revision, head_revision, upgrade
from jianan_desk.store.models import Project, TargetCompany, WeeklyMeeting
from tests.helpers import open_db

DATA = Path(__file__).resolve().parent.parent / "data"
TS = "'2021-05-01 00:00:00'"


def test_upgrade_fills_versions_and_defaults(tmp_path):
    path = tmp_path / "v4.sqlite"
    shutil.copy(DATA / "schema_0004.sqlite", path)
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO companies (id, name, normalized_name, province, city, scale, website,"
        f" tags, notes, is_local, is_target, created_at, updated_at) VALUES ('c1', '三佳', '',"
        f" '', '南京', '', '', '', '', 0, 1, {TS}, {TS})"
    )
    con.execute(
        "INSERT INTO target_companies (id, company_id, priority, city, follower, notes,"
        f" created_at, updated_at) VALUES ('t1', 'c1', 1, '南京', '', '', {TS}, {TS})"
    )
    con.execute(
        "INSERT INTO weekly_meetings (id, held_on, title, notes, created_at, updated_at)"
        f" VALUES ('m1', '2022-03-07', '第10次周例会', '', {TS}, {TS})"
    )
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
        assert current_revision(db) == "0004"
        upgrade(db)
        assert current_revision(db) == head_revision()
        with db.session(readonly=True) as s:
            target = s.get(TargetCompany, "t1")
            assert (target.status, target.reason, target.version) == ("untouched", "", 1)
            meeting = s.get(WeeklyMeeting, "m1")
            assert (meeting.chair, meeting.attendees, meeting.decisions) == ("", "", "")
            assert s.get(Project, "p1").version == 1
            tables = set(inspect(s.connection()).get_table_names())
            assert {"meeting_projects", "problem_notes"} <= tables
    finally:
        db.dispose()
