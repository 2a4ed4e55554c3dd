"""metrics indexes: the year's cohort, funds, plans and monthly figures read indexes alone

New indexes only (no table is rebuilt, no row changes), the same on SQLite and PostgreSQL.
The metrics engine and the 首页 (``services.metrics``, ``services.dashboard``) read live
rows only, so most are partial (``WHERE deleted_at IS NULL``), and each holds every column
its query reads (``deleted_at`` included, so that SQLite counts it as covering):

* ``ix_stage_events_live`` (stage, occurred_on, project_id): a year's signing (lead, talk)
  events, without reading the wide event rows;
* ``ix_stage_events_project_live`` (project_id, stage, occurred_on): how far a cohort
  project got by a date;
* ``ix_projects_cohort`` (id, family, deleted_at, total_investment_wan, industry_node_id,
  field_id, unit_id): a cohort project's figures and groups by its id;
* ``ix_funds_live``, ``ix_plans_live``, ``ix_monthly_live``: a year's funds in place, key-
  project plans and monthly completed investment, summed from the index;
* ``ix_projects_deleted``, ``ix_companies_deleted`` (id, of deleted rows only: tiny): the
  deleted projects whose records are left out of those sums, the deleted companies whose
  visits are left out of the follow-ups due;
* ``ix_visits_follow_up_live`` (follow_up_on, visited_on, company_id): the 首页's follow-ups
  due, counted from the index.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"
GONE = "deleted_at IS NOT NULL"

# (name, table, columns, WHERE of a partial index or None)
INDEXES: list[tuple[str, str, list[str], str | None]] = [
    (
        "ix_stage_events_live",
        "project_stage_events",
        ["stage", "occurred_on", "project_id", "deleted_at"],
        LIVE,
    ),
    (
        "ix_stage_events_project_live",
        "project_stage_events",
        ["project_id", "stage", "occurred_on", "deleted_at"],
        LIVE,
    ),
    (
        "ix_projects_cohort",
        "projects",
        [
            "id",
            "family",
            "deleted_at",
            "total_investment_wan",
            "industry_node_id",
            "field_id",
            "unit_id",
        ],
        None,
    ),
    (
        "ix_funds_live",
        "funds_in_place",
        ["received_on", "amount_wan", "fdi_usd_wan", "project_id", "deleted_at"],
        LIVE,
    ),
    (
        "ix_plans_live",
        "key_project_plans",
        ["year", "project_id", "planned_investment_wan", "deleted_at"],
        LIVE,
    ),
    (
        "ix_monthly_live",
        "monthly_investments",
        ["year", "month", "completed_wan", "project_id", "deleted_at"],
        LIVE,
    ),
    ("ix_projects_deleted", "projects", ["id"], GONE),
    ("ix_companies_deleted", "companies", ["id"], GONE),
    (
        "ix_visits_follow_up_live",
        "visits",
        ["follow_up_on", "visited_on", "company_id", "deleted_at"],
        LIVE,
    ),
]


# PostgreSQL only (issue 12, the 项目库's signing-period filter): the count, the sum and
# the first page of "signed in 2021" read this index alone instead of ~5,000 table pages.
# SQLite serves that filter well enough with ix_projects_signed_on.
PG_SIGNED = (
    "ix_projects_signed_live",
    "projects",
    ["signed_on", "total_investment_wan", "updated_at", "id"],
)


def upgrade() -> None:
    for name, table, columns, where in INDEXES:
        partial = {} if where is None else {"sqlite_where": sa.text(where)}
        if where is not None:
            partial["postgresql_where"] = sa.text(where)
        op.create_index(name, table, columns, unique=False, **partial)
    if op.get_bind().dialect.name == "postgresql":
        name, table, columns = PG_SIGNED
        op.create_index(name, table, columns, unique=False, postgresql_where=sa.text(LIVE))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index(PG_SIGNED[0], table_name=PG_SIGNED[1])
    for name, table, _columns, _partial in reversed(INDEXES):
        op.drop_index(name, table_name=table)
