import datetime as dt
import threading
from decimal import Decimal

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from jianan_desk.store.backup import backup_sqlite
from jianan_desk.store.errors import DatabaseBusyError, DatabaseInUseError
from jianan_desk.store.locks import WriterLock
from jianan_desk.store.models import Project, ProjectStageEvent
from jianan_desk.store.types import FixedDecimal


@pytest.mark.sqlite_only(reason="SQLite PRAGMAs")
def test_sqlite_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() > 0


def test_money_is_stored_exactly_as_integer_yuan(db):
    with db.session() as s:
        s.add(Project(name="甲", total_investment_wan=Decimal("12345.6789")))
    with db.engine.connect() as conn:
        raw = conn.execute(text("SELECT total_investment_wan FROM projects")).scalar()
    assert raw == 123456789
    with db.session(readonly=True) as s:
        assert s.scalar(select(Project.total_investment_wan)) == Decimal("12345.6789")


def test_fixed_decimal_refuses_more_precision_than_it_keeps():
    with pytest.raises(ValueError):
        FixedDecimal().process_bind_param(Decimal("1.00001"), None)


def test_sum_of_many_amounts_is_exact_in_sql(db):
    with db.session() as s:
        for i in range(2000):
            s.add(Project(name=f"p{i}", total_investment_wan=Decimal("0.0001") * (i + 1) + 1))
    with db.engine.connect() as conn:
        raw = conn.execute(text("SELECT sum(total_investment_wan) FROM projects")).scalar()
    assert Decimal(raw).scaleb(-4) == sum(Decimal("0.0001") * (i + 1) + 1 for i in range(2000))


def test_foreign_keys_and_checks_are_enforced(db):
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(ProjectStageEvent(project_id="missing", stage="signed", occurred_on=dt.date.today()))
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Project(name="x", stage="finished"))


def test_timestamps_are_utc_and_rows_have_uuid_keys(db):
    with db.session() as s:
        p = Project(name="甲")
        s.add(p)
    with db.session(readonly=True) as s:
        p = s.scalar(select(Project))
        assert len(p.id) == 36 and p.id.count("-") == 4
        assert p.created_at.tzinfo is dt.UTC
        assert p.deleted_at is None


def test_second_gui_lock_is_refused_at_once(db_path, db):
    with (
        WriterLock(db_path).acquire(0, for_gui=True),
        pytest.raises(DatabaseInUseError, match="已在另一个"),
    ):
        WriterLock(db_path).acquire(0, for_gui=True)
    WriterLock(db_path).acquire(0, for_gui=True).release()


def test_writer_waits_for_lock_then_gets_it(db_path, db):
    holder = WriterLock(db_path).acquire(0)
    threading.Timer(0.3, holder.release).start()
    with WriterLock(db_path).acquire(5) as lock:
        assert lock.held


def test_writer_gives_up_after_timeout(db_path, db):
    with WriterLock(db_path).acquire(0), pytest.raises(DatabaseBusyError, match="等待超时"):
        WriterLock(db_path).acquire(0.2)


def test_reads_work_while_another_connection_writes(db):
    with db.session() as writer:
        writer.add(Project(name="未提交"))
        writer.flush()
        with db.session(readonly=True) as reader:
            assert reader.scalar(select(Project.name)) is None


def test_backup_is_a_consistent_standalone_copy(db, db_path, tmp_path):
    with db.session() as s:
        s.add(Project(name="备份我"))
    target = backup_sqlite(db_path, tmp_path / "copy.sqlite")
    import sqlite3

    conn = sqlite3.connect(target)
    assert conn.execute("SELECT name FROM projects").fetchall() == [("备份我",)]
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


@pytest.mark.parametrize("folder", ["c#d", "50%", "what?", "招商 数据"])
def test_backup_of_a_path_with_uri_characters(tmp_path, folder):
    from jianan_desk.store.migrations import upgrade
    from tests.helpers import open_db

    (tmp_path / folder).mkdir()
    source = tmp_path / folder / "数据.sqlite"
    db = open_db(source)
    upgrade(db)
    with db.session() as s:
        s.add(Project(name="路径"))
    db.dispose()
    target = backup_sqlite(source, tmp_path / folder / "copy.sqlite")
    import sqlite3

    conn = sqlite3.connect(target)
    assert conn.execute("SELECT name FROM projects").fetchall() == [("路径",)]
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]
