"""industry nodes keep their name history and the local enterprises on each link

Reports for past years must show the names those years used (a node of the 222 system
is renamed when the system is revised), and the 招商图谱 shows each link's local
enterprises.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import jianan_desk.store.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("industry_nodes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("local_enterprises", sa.Text(), nullable=False, server_default="")
        )
    op.create_table(
        "industry_node_names",
        sa.Column("node_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["node_id"],
            ["industry_nodes.id"],
            name=op.f("fk_industry_node_names_node_id_industry_nodes"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_industry_node_names")),
    )
    with op.batch_alter_table("industry_node_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_industry_node_names_node_id"), ["node_id"])
        batch_op.create_index(batch_op.f("ix_industry_node_names_updated_at"), ["updated_at"])
    # Every existing node's current name starts its history (portable: no SQL uuid function).
    bind = op.get_bind()
    nodes = sa.table(
        "industry_nodes",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("created_at", jianan_desk.store.types.UTCDateTime()),
    )
    names = sa.table(
        "industry_node_names",
        sa.column("id", sa.String),
        sa.column("node_id", sa.String),
        sa.column("name", sa.String),
        sa.column("valid_from", sa.Date),
        sa.column("created_at", jianan_desk.store.types.UTCDateTime()),
        sa.column("updated_at", jianan_desk.store.types.UTCDateTime()),
    )
    rows = bind.execute(sa.select(nodes.c.id, nodes.c.name, nodes.c.created_at)).all()
    if rows:
        now = jianan_desk.store.types.utcnow()
        bind.execute(
            names.insert(),
            [
                {
                    "id": str(uuid.uuid4()),
                    "node_id": r.id,
                    "name": r.name,
                    "valid_from": r.created_at.date(),
                    "created_at": now,
                    "updated_at": now,
                }
                for r in rows
            ],
        )


def downgrade() -> None:
    with op.batch_alter_table("industry_node_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_industry_node_names_updated_at"))
        batch_op.drop_index(batch_op.f("ix_industry_node_names_node_id"))
    op.drop_table("industry_node_names")
    with op.batch_alter_table("industry_nodes", schema=None) as batch_op:
        batch_op.drop_column("local_enterprises")
