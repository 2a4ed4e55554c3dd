"""companies, trips and visits: merges, target lists, visit details, search keys

* ``company_merges``: a record of each merge of two companies (survivor, merged, what
  moved), for review and for sync;
* ``target_companies``: the target-company list (目标企业清单) per chain link, with
  priority, city and follower;
* ``visit_contacts``: the company's contacts met at a visit;
* companies get a search key (text + pinyin); ``normalized_name`` (already there, left
  empty so far) and the key are filled here for existing rows by the program's own
  normalisation (``domain.company_names``);
* visits get place, interest level, a linked project (no FOREIGN KEY: see the model),
  follow-up completion (date, note) and indexes for follow-up lists and "last contact";
* trips get the date their visit report was handed in.

Only columns and indexes are added to existing tables (no table rebuild: companies and
visits are pointed at by other tables' foreign keys). The data step is portable: rows are
read, computed in Python, written back with executemany.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import jianan_desk.store.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 5000


def upgrade() -> None:
    op.create_table(
        "company_merges",
        sa.Column("survivor_id", sa.String(length=36), nullable=False),
        sa.Column("merged_id", sa.String(length=36), nullable=False),
        sa.Column("merged_name", sa.String(length=200), nullable=False),
        sa.Column("merged_uscc", sa.String(length=18), nullable=True),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("moved", sa.Text(), nullable=False),
        sa.Column("merged_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["merged_id"], ["companies.id"], name=op.f("fk_company_merges_merged_id_companies")
        ),
        sa.ForeignKeyConstraint(
            ["survivor_id"], ["companies.id"], name=op.f("fk_company_merges_survivor_id_companies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_merges")),
    )
    with op.batch_alter_table("company_merges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_company_merges_merged_id"), ["merged_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_company_merges_survivor_id"), ["survivor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_company_merges_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "target_companies",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("chain_link_id", sa.String(length=36), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("city", sa.String(length=50), nullable=False),
        sa.Column("follower", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.CheckConstraint("priority BETWEEN 1 AND 3", name=op.f("ck_target_companies_priority")),
        sa.ForeignKeyConstraint(
            ["chain_link_id"],
            ["industry_nodes.id"],
            name=op.f("fk_target_companies_chain_link_id_industry_nodes"),
        ),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_target_companies_company_id_companies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_companies")),
    )
    with op.batch_alter_table("target_companies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_target_companies_chain_link_id"), ["chain_link_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_target_companies_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_target_companies_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "visit_contacts",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_visit_contacts_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_contacts_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_contacts")),
    )
    with op.batch_alter_table("visit_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visit_contacts_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_visit_contacts_updated_at"), ["updated_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visit_contacts_visit_id"), ["visit_id"], unique=False)

    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.Text(), nullable=True))

    with op.batch_alter_table("trips", schema=None) as batch_op:
        batch_op.add_column(sa.Column("report_submitted_on", sa.Date(), nullable=True))

    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("place", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("interest_level", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("project_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("follow_up_done_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("follow_up_note", sa.Text(), nullable=False, server_default="")
        )
        batch_op.create_index(
            "ix_visits_company_visited", ["company_id", "visited_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visits_follow_up_on"), ["follow_up_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_project_id"), ["project_id"], unique=False)

    _fill_companies()


def _fill_companies() -> None:
    """Every company gets its normalised name and search key."""
    from jianan_desk.domain.company_names import company_search_key, normalize_company_name

    bind = op.get_bind()
    companies = sa.table(
        "companies",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("city", sa.String),
        sa.column("uscc", sa.String),
        sa.column("tags", sa.Text),
        sa.column("normalized_name", sa.String),
        sa.column("search_key", sa.Text),
    )
    rows = bind.execute(
        sa.select(
            companies.c.id, companies.c.name, companies.c.city, companies.c.uscc, companies.c.tags
        )
    ).all()
    stmt = (
        companies.update()
        .where(companies.c.id == sa.bindparam("cid"))
        .values(normalized_name=sa.bindparam("norm"), search_key=sa.bindparam("key"))
    )
    for start in range(0, len(rows), CHUNK):
        bind.execute(
            stmt,
            [
                {
                    "cid": cid,
                    "norm": normalize_company_name(name)[:200],
                    "key": company_search_key(name, city, uscc, tags),
                }
                for cid, name, city, uscc, tags in rows[start : start + CHUNK]
            ],
        )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite >= 3.35), not a batch rebuild: see 0003's downgrade.
    op.drop_index(op.f("ix_visits_project_id"), table_name="visits")
    op.drop_index(op.f("ix_visits_follow_up_on"), table_name="visits")
    op.drop_index("ix_visits_company_visited", table_name="visits")
    for column in ("follow_up_note", "follow_up_done_on", "project_id", "interest_level", "place"):
        op.drop_column("visits", column)
    op.drop_column("trips", "report_submitted_on")
    op.drop_column("companies", "search_key")

    with op.batch_alter_table("visit_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_contacts_visit_id"))
        batch_op.drop_index(batch_op.f("ix_visit_contacts_updated_at"))
        batch_op.drop_index(batch_op.f("ix_visit_contacts_contact_id"))

    op.drop_table("visit_contacts")
    with op.batch_alter_table("target_companies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_target_companies_updated_at"))
        batch_op.drop_index(batch_op.f("ix_target_companies_company_id"))
        batch_op.drop_index(batch_op.f("ix_target_companies_chain_link_id"))

    op.drop_table("target_companies")
    with op.batch_alter_table("company_merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_company_merges_updated_at"))
        batch_op.drop_index(batch_op.f("ix_company_merges_survivor_id"))
        batch_op.drop_index(batch_op.f("ix_company_merges_merged_id"))

    op.drop_table("company_merges")
