"""The fast paths of a large import give what the service gives.

* new rows: ``_NewRowRules`` (each field's rule once per distinct value) vs
  ``services.projects.clean_project_values`` per row;
* stage plans made once per *shape* of dates vs planned with the real dates;
* re-imports: ``bulk.update_projects`` vs ``services.projects.update_project`` per row;
* ids: ``new_ids`` are version-4 UUIDs.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from jianan_desk.domain.project_rules import StageTransitionError
from jianan_desk.domain.stages import Stage
from jianan_desk.excel import bulk
from jianan_desk.excel import projects_import as pi
from jianan_desk.excel.reader import read_table
from jianan_desk.services.audit import diff
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.projects import ProjectInput, clean_project_values
from jianan_desk.store.migrations import upgrade
from jianan_desk.store.models import ChangeLog, Project
from tests.excel.test_import_projects import TODAY, messy_rows, write_messy_xlsx
from tests.helpers import open_db


def test_new_row_rules_equal_the_service(db, tmp_path):
    rows = messy_rows()
    data = [r for r in rows if isinstance(r[0], int)]
    data[0][9] = "张" * 51  # too long for 包联领导: an error from the same rule
    data[1][1] = "项" * 301  # too long for a name
    path = write_messy_xlsx(tmp_path / "a.xlsx", rows)
    with db.session(readonly=True) as session:
        plan = pi.plan_import(session, read_table(path), today=TODAY)
        checked = 0
        for row in plan.rows:
            assert row.data is not None  # a small import keeps the service's input
            try:
                expected = clean_project_values(session, row.data, None)
            except ValidationError as exc:
                assert row.values is None and row.action == "error"
                reasons = {e.reason for e in row.errors}
                assert set(exc.errors.values()) <= reasons, row.row
                continue
            assert (row.values, row.new_company) == expected, row.row
            checked += 1
    assert checked == 5 and plan.count("error") == 2


def test_stage_plan_by_shape_equals_the_real_dates():
    rnd = random.Random(5)
    today = dt.date(2024, 6, 30)
    stages = (Stage.NEGOTIATING, Stage.SIGNED, Stage.PERFORMING, Stage.STARTED, Stage.OPERATING)
    refused = 0
    for _ in range(400):
        picked = sorted(rnd.sample(stages, rnd.randint(1, 3)), key=lambda s: s.rank)
        steps = []
        for stage in picked:
            day = today + dt.timedelta(days=rnd.randint(-900, 30)) if rnd.random() < 0.9 else None
            steps.append((stage, day))
        if rnd.random() < 0.1:
            steps.append((Stage.DROPPED, None))
        steps = tuple(steps)
        try:
            planned, history = bulk._stage_events.__wrapped__(steps, today)
        except StageTransitionError as exc:
            with pytest.raises(StageTransitionError) as caught:
                bulk._stage_plan(steps, today)
            assert str(caught.value) == str(exc)  # the message names the real dates
            refused += 1
            continue
        got = bulk._stage_plan(steps, today)
        assert [(e[0], e[1], e[2], e[3], e[4]) for e in got.events] == [
            (ev.stage.value, ev.occurred_on, note, ev.kind.value, ev.reason) for ev, note in planned
        ]
        stage = planned[-1][0].stage if planned else Stage.LEAD
        from jianan_desk.domain.project_rules import signed_on, stage_since

        assert got.derived == {
            "stage": stage.value,
            "signed_on": signed_on(history),
            "stage_on": stage_since(history),
        }
        # its log entry: what ``audit.diff`` makes of the real dates, and its JSON parts
        assert got.changes == diff({"stage": Stage.LEAD.value}, got.derived)
        assert bulk.LogEncoder.join(dict(got.log_parts)) == bulk._LOG_JSON(got.changes)
        assert bulk._stage_plan(steps, today) is got  # kept for the next row with them
    assert 0 < refused < 400  # both kinds were exercised


def _log_values(rnd: random.Random) -> dict[str, object]:
    texts = ["", "项目", 'a"b\\c', "换\n行\t", "\u2028\x7f\x01", "＝全角", "é", "x" * 300]
    pool = [
        *texts,
        Decimal("5.000"), Decimal("5"), Decimal("-0.00"), Decimal("1E+3"), Decimal("0.0001"),
        1, True, False, 0, 2.5, dt.date(2022, 3, 31), dt.datetime(2022, 3, 31, 8, 30),
        dt.date(2022, 3, 31),
    ]  # fmt: skip
    keys = ["name", "code", "notes", "total_investment_wan", "jobs", "signed_on", "z", "a_b"]
    return {k: rnd.choice(pool) for k in rnd.sample(keys, rnd.randint(0, len(keys)))}


def test_log_encoder_writes_what_json_writes(monkeypatch):
    """The change_log text built from per-field parts is ``json.dumps(..., sort_keys)``
    of the same changes, whatever the values (1, True and Decimal(1) kept apart by the
    memo, which is also cleared when full)."""
    monkeypatch.setattr(bulk.LogEncoder, "MEMO_MAX", 7)
    rnd = random.Random(3)
    encoder = bulk.LogEncoder()
    for _ in range(600):
        values = _log_values(rnd)
        parts = {k: encoder.created(k, v) for k, v in values.items() if v is not None}
        expected = json.dumps(diff({}, values), ensure_ascii=False, sort_keys=True)
        assert bulk.LogEncoder.join(parts) == expected
    heads = encoder.heads(("name", "notes"))
    assert heads["name"] + bulk._encode_text('引"号') + "]" == encoder.created("name", '引"号')


def test_new_ids_are_uuid4():
    ids = bulk.new_ids(2000)
    assert len(set(ids)) == 2000
    for text in ids[:200]:
        u = uuid.UUID(text)
        assert str(u) == text and u.version == 4 and u.variant == uuid.RFC_4122


def _changed_ledger(tmp_path, name):
    rows = messy_rows()
    data = [r for r in rows if isinstance(r[0], int)]
    data[0][3] = 6.5  # amount changed
    data[1][7] = "五女店镇"  # location changed
    data[2][9] = "王五"  # leader changed
    data[4][1] = "电子元件二期项目"  # a new project (name differs)
    return write_messy_xlsx(tmp_path / name, rows)


def test_bulk_updates_equal_the_service(db, tmp_path):
    first = write_messy_xlsx(tmp_path / "first.xlsx")
    second = _changed_ledger(tmp_path, "second.xlsx")
    other = open_db(tmp_path / "service.sqlite")
    upgrade(other)
    try:
        for database in (db, other):
            with database.session() as session:
                plan = pi.plan_import(session, read_table(first), today=TODAY)
                pi.apply_import(session, plan, today=TODAY)
        with db.session() as session:
            plan = pi.plan_import(session, read_table(second), today=TODAY)
            assert plan.count("update") == 3 and plan.count("new") == 1
            result = pi.apply_import(session, plan, today=TODAY)
        assert (result.created, result.updated, result.unchanged) == (1, 3, 3)
        with other.session() as session:  # the same plan, every update through the service
            plan = pi.plan_import(session, read_table(second), today=TODAY)
            for row in plan.rows:
                if row.action == "update":
                    pi._write_row(session, row, pi.DEFAULT_ACTOR, TODAY)
        cols = ("name", "total_investment_wan", "location", "leader_in_charge", "search_key",
                "version", "updated_by", "stage")  # fmt: skip

        def snapshot(database):
            with database.session(readonly=True) as s:
                projects = {
                    p.name: tuple(getattr(p, c) for c in cols)
                    for p in s.scalars(select(Project))
                    if p.name != "电子元件二期项目"
                }
                by_id = {p.id: p.name for p in s.scalars(select(Project))}
                logs = sorted(
                    (by_id[c.entity_id], json.loads(c.changes))
                    for c in s.scalars(select(ChangeLog).where(ChangeLog.action == "update"))
                )
            return projects, logs

        bulk_projects, bulk_logs = snapshot(db)
        service_projects, service_logs = snapshot(other)
        assert bulk_projects == service_projects
        assert bulk_logs == service_logs
        assert bulk_projects["年产10万吨新材料项目"][1] == Decimal("65000")
        assert len(bulk_logs) == 3
    finally:
        other.dispose()


def test_a_stage_move_on_update_goes_through_the_service(db, tmp_path):
    rows = messy_rows()
    path = write_messy_xlsx(tmp_path / "a.xlsx", rows)
    with db.session() as session:
        pi.apply_import(
            session, pi.plan_import(session, read_table(path), today=TODAY), today=TODAY
        )
    data = [r for r in rows if isinstance(r[0], int)]
    data[0][5], data[0][8] = "2022/9/1", "已开工"  # 已签约 → 已开工
    path = write_messy_xlsx(tmp_path / "b.xlsx", rows)
    with db.session() as session:
        plan = pi.plan_import(session, read_table(path), today=TODAY)
        moved = [r for r in plan.rows if r.moves_stage]
        assert len(moved) == 1 and moved[0].action == "update"
        assert pi.apply_import(session, plan, today=TODAY).updated == 1
    with db.session(readonly=True) as s:
        project = s.scalar(select(Project).where(Project.name == "年产10万吨新材料项目"))
        assert project.stage == "started" and project.stage_on == dt.date(2022, 9, 1)


def test_update_rows_read_no_orm_objects(db, tmp_path, monkeypatch):
    """Planning a re-import loads the stored columns in bulk, not one ``session.get`` a row."""
    path = write_messy_xlsx(tmp_path / "a.xlsx")
    with db.session() as session:
        pi.apply_import(
            session, pi.plan_import(session, read_table(path), today=TODAY), today=TODAY
        )
    calls = []
    real = pi.load_current
    monkeypatch.setattr(pi, "load_current", lambda s, ids: calls.append(len(ids)) or real(s, ids))
    with db.session(readonly=True) as session:
        plan = pi.plan_import(session, read_table(path), today=TODAY)
    assert calls == [7] and plan.count("same") == 7


def test_project_input_defaults_come_from_the_service(db):
    with db.session(readonly=True) as session:
        rules = pi._NewRowRules(session)
        expected, _ = clean_project_values(session, ProjectInput(name="-"), None)
    assert rules.base == expected


def test_imported_and_updated_projects_sync_with_their_history(tmp_path):
    """Bulk-written rows (no stamps of their own) reach another installation, and the
    project's history there shows the import."""
    from tests.sync.helpers import copy_installation, discard, new_installation, send

    office = new_installation(tmp_path / "office.sqlite")
    laptop = copy_installation(office, tmp_path / "laptop.sqlite")
    try:
        path = write_messy_xlsx(tmp_path / "a.xlsx")
        with office.session() as session:
            pi.apply_import(session, pi.plan_import(session, read_table(path), today=TODAY))
        send(office, laptop, tmp_path)
        second = _changed_ledger(tmp_path, "b.xlsx")
        with office.session() as session:
            plan = pi.plan_import(session, read_table(second), today=TODAY)
            assert pi.apply_import(session, plan, today=TODAY).updated == 3
        send(office, laptop, tmp_path)
        from jianan_desk.services.audit import changes_of

        with laptop.session(readonly=True) as s:
            project = s.scalar(select(Project).where(Project.name == "年产10万吨新材料项目"))
            assert project is not None and project.total_investment_wan == Decimal("65000")
            assert project.stage == "signed"
            actions = [c.action for c in changes_of(s, project.id)]
            assert "create" in actions
    finally:
        discard(laptop)
        discard(office)


def test_parse_memo_is_bounded_and_changes_nothing(db, tmp_path, monkeypatch):
    """Past ``PARSED_PER_FIELD`` distinct values a column's cells are parsed each time:
    the plan is the same, the memo no larger."""
    rows = messy_rows()
    path = write_messy_xlsx(tmp_path / "a.xlsx", [*rows, [8, "第八个项目", *rows[0][2:]]])

    def planned():
        with db.session(readonly=True) as session:
            plan = pi.plan_import(session, read_table(path), today=TODAY)
            out = [(r.row, r.action, r.values, r.steps, r.errors) for r in plan.rows]
            return out, plan.references.parsed

    full, parsed = planned()
    assert max(len(memo) for memo in parsed.values()) > 2
    assert not {"name", "code", "notes"} & set(parsed)  # unique columns: no memo
    monkeypatch.setattr(pi, "PARSED_PER_FIELD", 2)
    bounded, parsed = planned()
    assert bounded == full
    assert max(len(memo) for memo in parsed.values()) == 2
