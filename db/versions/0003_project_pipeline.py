"""project pipeline: stage event kinds, audit log, saved filters, search keys

* stage events say how they came about (``kind``: advance, skipped, correction, drop,
  revive), carry a ``reason`` (终止, 更正) and, once a correction undoes them, point at it
  (``superseded_by_id``); existing 终止 events become kind ``drop``;
* projects get contract details, the last editor, caches of their effective signing date
  and the date their current stage began, a search key (text + pinyin) and a copy of
  their investor's name, all filled here for existing rows, and the list's indexes;
* ``change_log`` (who changed what, when) and ``saved_filters`` (named filter sets).

Data steps are portable (no SQL functions of one backend): rows are read, computed in
Python by the program's own rules, and written back with executemany.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import jianan_desk.store.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_KINDS = ("advance", "skipped", "correction", "drop", "revive")
LIST_INDEXES = (
    ("ix_projects_signed_on", ["signed_on"]),
    ("ix_projects_investor_name", ["investor_name"]),
    ("ix_projects_name", ["name"]),
    ("ix_projects_total_investment_wan", ["total_investment_wan"]),
    ("ix_projects_stage_on", ["stage_on"]),
    ("ix_projects_industry_node_id", ["industry_node_id"]),
    ("ix_projects_chain_link_id", ["chain_link_id"]),
    ("ix_projects_task_force_id", ["task_force_id"]),
    ("ix_projects_leader_in_charge", ["leader_in_charge"]),
    ("ix_projects_stage_totals", ["stage", "total_investment_wan", "deleted_at"]),
)
SEARCH_INDEX = ["search_key", "total_investment_wan", "stage", "deleted_at"]
CHUNK = 5000


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index("ix_change_log_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_log_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_log_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "saved_filters",
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("owner", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("filter_json", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", jianan_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", jianan_desk.store.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_filters")),
        sa.UniqueConstraint("scope", "owner", "name", name=op.f("uq_saved_filters_scope")),
    )
    with op.batch_alter_table("saved_filters", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_saved_filters_updated_at"), ["updated_at"], unique=False
        )

    with op.batch_alter_table("project_stage_events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="advance")
        )
        batch_op.add_column(sa.Column("reason", sa.Text(), nullable=False, server_default=""))
        # No FOREIGN KEY on superseded_by_id: see the model. (With one, this rebuild's DROP
        # of the old table checks every row against the new table: quadratic.)
        batch_op.add_column(sa.Column("superseded_by_id", sa.String(length=36), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_project_stage_events_kind"),
            "kind IN (" + ", ".join(f"'{k}'" for k in EVENT_KINDS) + ")",
        )

    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("contract_notes", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("updated_by", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("signed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("stage_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("search_key", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("investor_name", sa.String(length=200), nullable=False, server_default="")
        )

    _fill()
    # Indexes of the 项目库 list (see services.project_query), made once the data step has
    # filled the columns (cheaper than updating them row by row).
    for name, columns in LIST_INDEXES:
        op.create_index(name, "projects", columns, unique=False)
    if op.get_bind().dialect.name == "sqlite":  # see the model: too wide for a PG btree
        op.create_index("ix_projects_search_key", "projects", SEARCH_INDEX, unique=False)


def _fill() -> None:
    """Existing 终止 events become kind ``drop``; every project gets its caches and key."""
    from jianan_desk.domain.project_rules import HistoryEvent, signed_on, stage_since
    from jianan_desk.domain.search import project_search_key
    from jianan_desk.domain.stages import Stage

    bind = op.get_bind()
    events = sa.table(
        "project_stage_events",
        sa.column("project_id", sa.String),
        sa.column("stage", sa.String),
        sa.column("occurred_on", sa.Date),
        sa.column("kind", sa.String),
        sa.column("deleted_at", jianan_desk.store.types.UTCDateTime()),
    )
    projects = sa.table(
        "projects",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("company_id", sa.String),
        sa.column("location", sa.String),
        sa.column("notes", sa.Text),
        sa.column("signed_on", sa.Date),
        sa.column("stage_on", sa.Date),
        sa.column("search_key", sa.Text),
        sa.column("investor_name", sa.String),
    )
    companies = sa.table("companies", sa.column("id", sa.String), sa.column("name", sa.String))

    bind.execute(events.update().where(events.c.stage == "dropped").values(kind="drop"))

    history: dict[str, list[HistoryEvent]] = defaultdict(list)
    for project_id, stage, occurred_on in bind.execute(
        sa.select(events.c.project_id, events.c.stage, events.c.occurred_on).where(
            events.c.deleted_at.is_(None)
        )
    ):
        history[project_id].append(HistoryEvent(Stage(stage), occurred_on))

    rows = bind.execute(
        sa.select(
            projects.c.id,
            projects.c.name,
            companies.c.name,
            projects.c.location,
            projects.c.notes,
        ).select_from(projects.outerjoin(companies, companies.c.id == projects.c.company_id))
    ).all()
    stmt = (
        projects.update()
        .where(projects.c.id == sa.bindparam("pid"))
        .values(
            signed_on=sa.bindparam("signed"),
            stage_on=sa.bindparam("since"),
            search_key=sa.bindparam("key"),
            investor_name=sa.bindparam("investor"),
        )
    )
    for start in range(0, len(rows), CHUNK):
        params = []
        for pid, name, investor, location, notes in rows[start : start + CHUNK]:
            h = history.get(pid, [])
            params.append(
                {
                    "pid": pid,
                    "signed": signed_on(h),
                    "since": stage_since(h),
                    "key": project_search_key(name, investor, location, notes),
                    "investor": investor or "",
                }
            )
        bind.execute(stmt, params)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_projects_search_key", table_name="projects")
    for name, _ in reversed(LIST_INDEXES):
        op.drop_index(name, table_name="projects")
    # Plain DROP COLUMN (SQLite ≥ 3.35), not a batch rebuild: rebuilding projects would
    # DROP TABLE a table other tables' rows point at, which foreign keys refuse.
    for column in (
        "investor_name",
        "search_key",
        "stage_on",
        "signed_on",
        "updated_by",
        "contract_notes",
    ):
        op.drop_column("projects", column)

    with op.batch_alter_table("project_stage_events", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_project_stage_events_kind"), type_="check")
        batch_op.drop_column("superseded_by_id")
        batch_op.drop_column("reason")
        batch_op.drop_column("kind")

    with op.batch_alter_table("saved_filters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_filters_updated_at"))
    op.drop_table("saved_filters")

    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_updated_at"))
        batch_op.drop_index(batch_op.f("ix_change_log_parent_id"))
        batch_op.drop_index("ix_change_log_entity")
    op.drop_table("change_log")
