"""row versions, meeting details, problem notes, target-company status, pace profiles

* every synchronisable table gets ``version`` (optimistic concurrency: a save based on an
  outdated copy of a row is refused, for several users on one PostgreSQL server);
* weekly meetings get chair, attendees and decisions; ``meeting_projects`` records the
  projects reported on at a meeting; ``problem_notes`` the dated progress notes of a
  problem (办理进展), possibly recorded at a meeting;
* problems get the company an enterprise problem (万人助企) is about;
* target companies (目标企业清单) get a status and the reason they are targeted;
* annual targets get an optional monthly pace profile.

Only columns (with server defaults, so existing rows are filled) and new tables are
added: no table rebuild, quick on a 100,000-project file.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import jianan_desk.store.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Synchronisable tables existing at 0004 (the two new tables get the column at creation).
VERSIONED_TABLES = (
    "annual_targets",
    "change_log",
    "industry_nodes",
    "plan_fields",
    "saved_filters",
    "trips",
    "units",
    "weekly_meetings",
    "companies",
    "industry_node_names",
    "staff_users",
    "task_forces",
    "company_merges",
    "contacts",
    "target_companies",
    "task_force_units",
    "trip_members",
    "visits",
    "projects",
    "visit_contacts",
    "funds_in_place",
    "key_project_plans",
    "monthly_investments",
    "problems",
    "project_stage_events",
)


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    ]


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))

    for column in ("chair", "attendees", "decisions"):
        kind = sa.String(length=50) if column == "chair" else sa.Text()
        op.add_column("weekly_meetings", sa.Column(column, kind, server_default="", nullable=False))
    op.add_column("problems", sa.Column("company_id", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_problems_company_id"), "problems", ["company_id"], unique=False)
    op.add_column(
        "target_companies",
        sa.Column("status", sa.String(length=16), server_default="untouched", nullable=False),
    )
    op.add_column(
        "target_companies", sa.Column("reason", sa.Text(), server_default="", nullable=False)
    )
    op.add_column(
        "annual_targets",
        sa.Column("monthly_profile", sa.Text(), server_default="", nullable=False),
    )

    op.create_table(
        "meeting_projects",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["weekly_meetings.id"],
            name=op.f("fk_meeting_projects_meeting_id_weekly_meetings"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_meeting_projects_project_id_projects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_projects")),
        sa.UniqueConstraint(
            "meeting_id", "project_id", name=op.f("uq_meeting_projects_meeting_id")
        ),
    )
    for column in ("meeting_id", "project_id", "updated_at"):
        op.create_index(
            op.f(f"ix_meeting_projects_{column}"), "meeting_projects", [column], unique=False
        )

    op.create_table(
        "problem_notes",
        sa.Column("problem_id", sa.String(length=36), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["weekly_meetings.id"],
            name=op.f("fk_problem_notes_meeting_id_weekly_meetings"),
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"], ["problems.id"], name=op.f("fk_problem_notes_problem_id_problems")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_problem_notes")),
    )
    for column in ("meeting_id", "problem_id", "updated_at"):
        op.create_index(op.f(f"ix_problem_notes_{column}"), "problem_notes", [column], unique=False)


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite ≥ 3.35, PostgreSQL): a batch rebuild of a table that
    # others point at would fail on the foreign keys.
    op.drop_table("problem_notes")
    op.drop_table("meeting_projects")
    op.drop_column("annual_targets", "monthly_profile")
    op.drop_column("target_companies", "reason")
    op.drop_column("target_companies", "status")
    op.drop_index(op.f("ix_problems_company_id"), table_name="problems")
    op.drop_column("problems", "company_id")
    for column in ("decisions", "attendees", "chair"):
        op.drop_column("weekly_meetings", column)
    for table in reversed(VERSIONED_TABLES):
        op.drop_column(table, "version")
