"""signed totals, search text: SQLite serves a signing period and a hanzi search from
covering indexes

1. ``ix_projects_signed_totals`` (SQLite only; PostgreSQL has 0008's
   ``ix_projects_signed_live``): (signed_on, total_investment_wan, updated_at, stage, id,
   deleted_at). The 项目库's signing-period filter (a year, or a range such as 2015-01-01
   to 2026-12-31) was served by ``ix_projects_signed_on`` (the date alone): every
   matching project's wide row was read for its amount, stage or ``updated_at``. A wide
   period matches half the projects; on 100,000 (benchmark database) its footer count
   took ≈ 140 ms, its first page ≈ 155 ms, the kanban's walk ≈ 195 ms; from this index:
   5, 17 and 35 ms (0.7 s to build, ≈ 9 MB). Not partial: SQLite's planner (no
   statistics) took a partial ``WHERE deleted_at IS NULL`` index for every live-rows
   query it could not serve better, a text search's kanban headers included (a table
   row read per entry: 290–370 ms instead of 40–90 through the covering key index).

2. ``projects.search_text`` (both backends): the folded text parts of the search key —
   name, investor, location, notes — without their pinyin forms
   (``domain.search.project_search_text``), about a fifth of the key's length. A search
   term that only text can hold (a hanzi or a symbol: ``text_only_term``) is looked for
   there (``services.project_query._text_condition``); SQLite scans its covering index
   ``ix_projects_search_text`` (search_text, total_investment_wan, stage, deleted_at)
   instead of the key's: a rare hanzi (喆) on 100,000 projects was 45–90 ms of scanning,
   on the edge of the list's 100 ms. PostgreSQL keeps searching the whole key (its
   pg_trgm and gram indexes are over it); the column is filled there too (the same
   model on both). Existing rows are filled here, in the migration's transaction.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jianan_desk.domain.search import project_search_text

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIGNED = "ix_projects_signed_totals"
SIGNED_COLUMNS = ["signed_on", "total_investment_wan", "updated_at", "stage", "id", "deleted_at"]
TEXT = "ix_projects_search_text"
TEXT_COLUMNS = ["search_text", "total_investment_wan", "stage", "deleted_at"]
BATCH = 5000


def _fill_search_text() -> None:
    bind = op.get_bind()
    projects = sa.table(
        "projects",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("investor_name", sa.String),
        sa.column("location", sa.String),
        sa.column("notes", sa.Text),
        sa.column("search_text", sa.Text),
    )
    rows = bind.execute(
        sa.select(
            projects.c.id,
            projects.c.name,
            projects.c.investor_name,
            projects.c.location,
            projects.c.notes,
        )
    ).all()
    update = (
        sa.update(projects)
        .where(projects.c.id == sa.bindparam("pid"))
        .values(search_text=sa.bindparam("text"))
    )
    for start in range(0, len(rows), BATCH):
        bind.execute(
            update,
            [
                {"pid": pid, "text": project_search_text(name, investor, location, notes)}
                for pid, name, investor, location, notes in rows[start : start + BATCH]
            ],
        )


def upgrade() -> None:
    op.add_column("projects", sa.Column("search_text", sa.Text(), nullable=True))
    _fill_search_text()
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(SIGNED, "projects", SIGNED_COLUMNS, unique=False)
        op.create_index(TEXT, "projects", TEXT_COLUMNS, unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index(TEXT, table_name="projects")
        op.drop_index(SIGNED, table_name="projects")
    # SQLite ≥ 3.35 drops a column in place (a batch copy would drop the referenced table)
    op.drop_column("projects", "search_text")
