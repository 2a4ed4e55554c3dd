import datetime as dt
import hashlib
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from jianan_desk.services.database import open_database
from jianan_desk.store.dialect import exists_on
from jianan_desk.store.errors import NewerDatabaseError
from jianan_desk.store.migrations import current_revision, head_revision, upgrade
from jianan_desk.store.models import (
    AnnualTarget,
    Base,
    IndustryNode,
    IndustryNodeName,
    PlanField,
    Project,
    Unit,
)
from tests.helpers import open_db

DATA = Path(__file__).resolve().parent.parent / "data"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_to_head_creates_schema_and_seeds(db):
    assert current_revision(db) == head_revision()
    with db.session(readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(PlanField)) == 5
        names = set(s.scalars(select(Unit.name)))
        assert {"五女店镇", "尚集产业集聚区"} <= names
        industries = s.scalars(select(IndustryNode).where(IndustryNode.level == "industry")).all()
        assert len(industries) == 6
        for industry in industries:
            links = s.scalars(select(IndustryNode).where(IndustryNode.parent_id == industry.id))
            positions = {link.position for link in links}
            assert positions == {"upstream", "midstream", "downstream"}, industry.name
        targets = {t.metric_key: t.target_value for t in s.scalars(select(AnnualTarget))}
        assert targets["signed_investment_wan"] == Decimal(3000000)
        assert targets["start_rate"] == Decimal("0.6")
        assert targets["key_over_1b_count"] == Decimal(20)


@pytest.mark.filterwarnings(  # SQLite: the PostgreSQL-only expression index (0009)
    "ignore:autogenerate skipping metadata-specified expression-based index"
)
def test_models_match_migrations(db):
    """Autogenerate finds nothing to do: the migrations build exactly the models' schema."""
    with db.engine.connect() as conn:
        name = conn.dialect.name  # an index made on one engine only is not expected elsewhere
        only_here = {"include_object": lambda obj, *_: exists_on(obj, name)}
        diff = compare_metadata(MigrationContext.configure(conn, opts=only_here), Base.metadata)
    assert diff == []


def test_upgrade_is_idempotent_and_takes_no_backup_at_head(db, db_path):
    result = upgrade(db)
    assert not result.changed
    assert result.backup is None
    assert list(db_path.parent.glob("*.backup-*")) == []


def test_old_file_upgraded_keeps_rows_and_is_backed_up(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(DATA / "schema_0001.sqlite", path)
    old = sqlite3.connect(path)
    old.execute(
        "INSERT INTO industry_nodes (id, level, code, name, description, key_products,"
        " sort_order, created_at, updated_at) VALUES ('n1', 'industry', 'hair', '发制品', '',"
        " '', 0, '2021-05-01 00:00:00', '2021-05-01 00:00:00')"
    )
    old.execute(
        "INSERT INTO projects (id, name, family, stage, total_investment_wan, location,"
        " leader_in_charge, construction_content, notes, created_at, updated_at, industry_node_id)"
        " VALUES ('p1', '三佳万向节项目', 'attraction', 'signed', 500000000, '', '', '', '',"
        " '2021-05-01 00:00:00', '2021-05-01 00:00:00', 'n1')"
    )
    old.commit()
    old.close()
    before = sha(path)

    db = open_db(path)
    result = upgrade(db)
    assert (result.from_revision, result.to_revision) == ("0001", head_revision())
    assert result.backup is not None and result.backup.exists()
    assert sha(result.backup) != "" and sqlite3.connect(result.backup).execute(
        "SELECT version_num FROM alembic_version"
    ).fetchone() == ("0001",)
    del before
    with db.session(readonly=True) as s:
        project = s.get(Project, "p1")
        assert project.name == "三佳万向节项目"
        assert project.total_investment_wan == Decimal(50000)
        node = s.get(IndustryNode, "n1")
        assert node.local_enterprises == ""
        history = s.scalars(select(IndustryNodeName).where(IndustryNodeName.node_id == "n1")).all()
        assert [h.name for h in history] == ["发制品"]
        assert history[0].valid_from == dt.date(2021, 5, 1)
    db.dispose()


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    db = open_db(path)
    upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.dispose()
    before = sha(path)
    with pytest.raises(NewerDatabaseError) as info:
        open_database(f"sqlite:///{path}")
    assert "更新版本" in str(info.value)
    assert sha(path) == before
    assert list(tmp_path.glob("*.backup-*")) == []


def test_failed_migration_leaves_file_unchanged(tmp_path, monkeypatch):
    """Migrations run in one transaction: a failure half-way rolls every step back."""
    path = tmp_path / "old.sqlite"
    shutil.copy(DATA / "schema_0001.sqlite", path)
    import jianan_desk.store.migrations as migrations

    real_upgrade = migrations.command.upgrade

    def failing_upgrade(cfg, rev):
        real_upgrade(cfg, rev)
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations.command, "upgrade", failing_upgrade)
    db = open_db(path)
    with pytest.raises(RuntimeError):
        upgrade(db)
    assert current_revision(db) == "0001"
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert "industry_node_names" not in tables
    assert not any(t.startswith("_alembic_tmp") for t in tables)
    db.dispose()


def test_every_committed_schema_snapshot_upgrades(tmp_path):
    snapshots = sorted(DATA.glob("schema_*.sqlite"))
    assert snapshots, "keep an empty database of every released schema under tests/data"
    for snap in snapshots:
        path = tmp_path / snap.name
        shutil.copy(snap, path)
        db = open_db(path)
        upgrade(db)
        assert current_revision(db) == head_revision()
        db.dispose()
