"""Bring a database to the current schema, with rails.

* a database made by a newer program (unknown revision) is refused and left untouched;
* an existing database is backed up (SQLite online backup) before it is changed;
* the whole upgrade runs in one transaction (DDL is transactional on SQLite here);
* a new database is seeded with the reference data after its schema is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from jianan_desk.resources import migrations_dir
from jianan_desk.store.backup import pre_migration_backup
from jianan_desk.store.engine import Database
from jianan_desk.store.errors import NewerDatabaseError


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    created: bool
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def check_not_newer(db: Database) -> str | None:
    """The database's revision; raises NewerDatabaseError for one this program does not know."""
    rev = current_revision(db)
    if rev is not None and rev not in known_revisions():
        raise NewerDatabaseError(db.display_name, rev)
    return rev


def upgrade(db: Database, *, seed: bool = True) -> UpgradeResult:
    """Upgrade ``db`` to head; idempotent and cheap when already there."""
    head = head_revision()
    before = check_not_newer(db)
    if before == head:
        return UpgradeResult(before, head, created=False, backup=None)

    with db.engine.connect() as conn:
        has_tables = bool(inspect(conn).get_table_names())
    created = before is None and not has_tables

    backup = None
    path = db.path
    if not created and path is not None and path.exists():
        backup = pre_migration_backup(path, before)

    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")

    if created and seed:
        from jianan_desk.store.seed import seed_reference_data

        with db.session() as session:
            seed_reference_data(session)
    return UpgradeResult(before, head, created=created, backup=backup)
