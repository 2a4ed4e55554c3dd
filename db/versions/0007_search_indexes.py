"""search indexes: company search-as-you-type, project text search on PostgreSQL, trip leads

New indexes only (no table is rebuilt, no row changes):

* both engines: ``ix_projects_source_visit_id`` (the leads produced by a trip's visits);
* SQLite: ``ix_companies_search``, a covering index (name, id, city, search_key,
  deleted_at) of the company search. ``LIKE '%x%'`` cannot seek in any b-tree, but the
  scan reads this index (about a third of the table's size) instead of the rows, already
  in the list's name order, so no sort follows (measured, see benchmarks/bench_companies.py;
  an FTS5 trigram table was faster for rare terms of 3+ characters but 2–5× slower than the
  scan for common ones, and needed triggers);
* PostgreSQL: GIN trigram indexes (``pg_trgm``) on ``companies.search_key`` and
  ``projects.search_key``, which serve ``LIKE '%x%'`` directly. ``CREATE EXTENSION pg_trgm``
  is allowed to a database owner since PostgreSQL 13 (a trusted extension); where it is
  refused, the indexes are skipped with a log line and the upgrade still succeeds (searches
  then scan, as before).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("jianan_desk.migrations")

# name → (table, column): the PostgreSQL trigram indexes (see the models)
TRIGRAM_INDEXES = {
    "ix_companies_search_key_trgm": ("companies", "search_key"),
    "ix_projects_search_key_trgm": ("projects", "search_key"),
}
COMPANY_SEARCH = ["name", "id", "city", "search_key", "deleted_at"]
EXTENSION = "pg_trgm"


def _pg_trgm(bind: sa.Connection) -> bool:
    """Make sure pg_trgm exists; False (logged) if this database user may not create it."""
    found = sa.text("SELECT 1 FROM pg_extension WHERE extname = :name")
    if bind.execute(found, {"name": EXTENSION}).first():
        return True
    try:
        with bind.begin_nested():  # a refused statement must not abort the whole upgrade
            bind.execute(sa.text(f"CREATE EXTENSION IF NOT EXISTS {EXTENSION}"))
    except DBAPIError as exc:
        log.warning(
            "%s unavailable (%s): search indexes %s skipped; text search scans instead",
            EXTENSION,
            str(exc.orig).strip().splitlines()[0] if exc.orig else exc,
            ", ".join(TRIGRAM_INDEXES),
        )
        return False
    return True


def upgrade() -> None:
    bind = op.get_bind()
    op.create_index("ix_projects_source_visit_id", "projects", ["source_visit_id"], unique=False)
    if bind.dialect.name == "sqlite":
        op.create_index("ix_companies_search", "companies", COMPANY_SEARCH, unique=False)
    elif bind.dialect.name == "postgresql" and _pg_trgm(bind):
        for name, (table, column) in TRIGRAM_INDEXES.items():
            op.create_index(
                name,
                table,
                [column],
                unique=False,
                postgresql_using="gin",
                postgresql_ops={column: "gin_trgm_ops"},
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.drop_index("ix_companies_search", table_name="companies")
    elif bind.dialect.name == "postgresql":
        for name in TRIGRAM_INDEXES:  # IF EXISTS: they were skipped without pg_trgm
            op.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))
    op.drop_index("ix_projects_source_visit_id", table_name="projects")
