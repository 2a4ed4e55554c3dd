"""offline sync bookkeeping: field stamps, peers, conflicts, aliases, applied packages

New tables only (no column of an existing table changes): quick on any file. Rows that
exist when this runs have no stamps and count as stamped at their ``updated_at``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import jianan_desk.store.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_stamps",
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", "field", name=op.f("pk_sync_stamps")),
    )
    op.create_table(
        "sync_peers",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("seen", sa.Text(), nullable=False),
        sa.Column("last_import_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.Column("last_export_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("installation_id", name=op.f("pk_sync_peers")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("mine_value", sa.Text(), nullable=False),
        sa.Column("mine_stamp", sa.String(length=80), nullable=False),
        sa.Column("theirs_value", sa.Text(), nullable=False),
        sa.Column("theirs_stamp", sa.String(length=80), nullable=False),
        sa.Column("winner", sa.String(length=8), nullable=False),
        sa.Column("peer_id", sa.String(length=36), nullable=False),
        sa.Column("detected_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=False),
        sa.Column("resolved_by", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index("ix_sync_conflicts_row", "sync_conflicts", ["tbl", "row_id"], unique=False)
    op.create_index(
        op.f("ix_sync_conflicts_resolved_at"), "sync_conflicts", ["resolved_at"], unique=False
    )
    op.create_table(
        "sync_aliases",
        sa.Column("alias_id", sa.String(length=36), nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("canonical_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("alias_id", name=op.f("pk_sync_aliases")),
    )
    op.create_table(
        "sync_imports",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("peer_id", sa.String(length=36), nullable=False),
        sa.Column("imported_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_sync_imports")),
    )


def downgrade() -> None:
    for table in ("sync_imports", "sync_aliases", "sync_conflicts", "sync_peers", "sync_stamps"):
        op.drop_table(table)
