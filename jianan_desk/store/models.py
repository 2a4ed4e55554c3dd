"""The schema: every entity named in ``shared/domain.md``.

Every synchronisable row has a UUID text key, UTC ``created_at``/``updated_at`` and a
``deleted_at`` tombstone, because databases on several laptops are merged later (sync):
rows are never hard-deleted by the application. Money is ``FixedDecimal`` in 万元 (stored
as whole 元), foreign capital in 万美元, land in 亩: exact on every backend.

Any change here needs an Alembic migration under ``db/versions``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Connection,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    bindparam,
    event,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from jianan_desk.domain.company_names import company_search_key, normalize_company_name
from jianan_desk.domain.project_rules import EVENT_KINDS
from jianan_desk.domain.search import project_search_key, project_search_text
from jianan_desk.domain.stages import STAGE_CODES
from jianan_desk.store.types import FixedDecimal, UTCDateTime, new_id, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


def _live_index(name: str, *columns: str) -> Index:
    """A partial index of the rows not deleted (``deleted_at IS NULL``), on both engines.

    The metrics engine and the 首页 read only live rows: with every column they need in the
    index (``deleted_at`` too, so that SQLite sees the index as covering), they read no
    table row at all (migration 0008).
    """
    live = text("deleted_at IS NULL")
    return Index(name, *columns, sqlite_where=live, postgresql_where=live)


def _deleted_index(name: str) -> Index:
    """The ids of the (few) deleted rows: a tiny partial index (migration 0008)."""
    gone = text("deleted_at IS NOT NULL")
    return Index(name, "id", sqlite_where=gone, postgresql_where=gone)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {Decimal: FixedDecimal, dt.datetime: UTCDateTime}


class Synced:
    """Columns every synchronisable row carries."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow, index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    # Optimistic concurrency: bumped by every ORM update, so that a save based on an
    # outdated copy of the row (another user's edit came first) is refused, not applied.
    # SQLAlchemy's version counter: each ORM UPDATE/DELETE says ``WHERE version = <loaded>``
    # and sets ``version + 1``; no row matched raises StaleDataError (see store.errors).
    # Bulk and Core updates do not bump it by themselves (sync bumps it explicitly).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


# ---------------------------------------------------------------- reference data

NODE_LEVELS = ("group", "industry", "link")
CHAIN_POSITIONS = ("upstream", "midstream", "downstream")
CHAIN_STATUSES = ("strong", "missing", "extend")  # 强链 / 补链 / 延链


class IndustryNode(Synced, Base):
    """A node of the 222 system: group (主导/特色/新兴) → industry → chain link (环节)."""

    __tablename__ = "industry_nodes"
    __table_args__ = (
        CheckConstraint(_in("level", NODE_LEVELS), name="level"),
        CheckConstraint(f"position IS NULL OR {_in('position', CHAIN_POSITIONS)}", name="position"),
        CheckConstraint(
            f"chain_status IS NULL OR {_in('chain_status', CHAIN_STATUSES)}", name="chain_status"
        ),
    )

    parent_id: Mapped[str | None] = mapped_column(ForeignKey("industry_nodes.id"), index=True)
    level: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(16))
    chain_status: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    key_products: Mapped[str] = mapped_column(Text, default="")
    local_enterprises: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[dt.date | None] = mapped_column(Date)

    parent: Mapped[IndustryNode | None] = relationship(remote_side="IndustryNode.id")


class IndustryNodeName(Synced, Base):
    """Names a node carried over time, so past reports show the names of their year."""

    __tablename__ = "industry_node_names"

    node_id: Mapped[str] = mapped_column(ForeignKey("industry_nodes.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)


class PlanField(Synced, Base):
    """One of the five fields of the 5122 plan (先进制造业, 现代服务业, …)."""

    __tablename__ = "plan_fields"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[dt.date | None] = mapped_column(Date)


UNIT_KINDS = ("township", "park", "department", "other")  # 乡镇/街道, 园区, 区直单位


class Unit(Synced, Base):
    """A responsible unit (责任单位)."""

    __tablename__ = "units"
    __table_args__ = (CheckConstraint(_in("kind", UNIT_KINDS), name="kind"),)

    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="other")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired_on: Mapped[dt.date | None] = mapped_column(Date)


STAFF_ROLES = ("staff", "liaison", "chief", "leader", "admin")


class StaffUser(Synced, Base):
    __tablename__ = "staff_users"
    __table_args__ = (CheckConstraint(_in("role", STAFF_ROLES), name="role"),)

    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16), default="staff")
    title: Mapped[str] = mapped_column(String(100), default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    phone: Mapped[str] = mapped_column(String(32), default="")


# ---------------------------------------------------------------- investors


class Company(Synced, Base):
    """An investor company (客商/企业), local or a target elsewhere."""

    __tablename__ = "companies"
    __table_args__ = (
        # Search-as-you-type (services.companies, migration 0007). SQLite: LIKE '%x%' scans
        # this covering index (a third of the rows' size) in the list's name order, no sort…
        Index("ix_companies_search", "name", "id", "city", "search_key", "deleted_at").ddl_if(
            dialect="sqlite"
        ),
        # …PostgreSQL: a trigram index serves LIKE '%x%' directly (needs pg_trgm).
        Index(
            "ix_companies_search_key_trgm",
            "search_key",
            postgresql_using="gin",
            postgresql_ops={"search_key": "gin_trgm_ops"},
        ).ddl_if(dialect="postgresql"),
        # …and the 1–2-character terms pg_trgm cannot serve (migration 0009, which also
        # makes the function; store.search_grams)
        Index(
            "ix_companies_search_grams",
            text("jd_short_grams(search_key)"),
            postgresql_using="gin",
            postgresql_where=text("deleted_at IS NULL"),
        ).ddl_if(dialect="postgresql"),
        _deleted_index("ix_companies_deleted"),  # the 首页's follow-ups leave them out
    )

    name: Mapped[str] = mapped_column(String(200))
    normalized_name: Mapped[str] = mapped_column(String(200), index=True, default="")
    uscc: Mapped[str | None] = mapped_column(String(18), unique=True)  # 统一社会信用代码
    province: Mapped[str] = mapped_column(String(50), default="")
    city: Mapped[str] = mapped_column(String(50), default="", index=True)
    industry_node_id: Mapped[str | None] = mapped_column(ForeignKey("industry_nodes.id"))
    scale: Mapped[str] = mapped_column(String(50), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    tags: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    is_target: Mapped[bool] = mapped_column(Boolean, default=False)
    # Folded text + pinyin of name and city, USCC and tags as text (domain.search); NULL
    # until computed. Kept with ``normalized_name`` by the ORM events at the end of this
    # module; ``services.companies.rebuild_company_keys`` fills rows written in bulk.
    search_key: Mapped[str | None] = mapped_column(Text)

    contacts: Mapped[list[Contact]] = relationship(back_populates="company")


class Contact(Synced, Base):
    """A person at a company. Personal information: masked wherever it leaves the program."""

    __tablename__ = "contacts"

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(100), default="")
    mobile: Mapped[str] = mapped_column(String(32), default="")
    wechat: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    company: Mapped[Company] = relationship(back_populates="contacts")


# ---------------------------------------------------------------- trips and visits


class Trip(Synced, Base):
    """An outbound investment-promotion trip (外出招商活动)."""

    __tablename__ = "trips"
    __table_args__ = (CheckConstraint("end_on >= start_on", name="dates"),)

    title: Mapped[str] = mapped_column(String(200))
    start_on: Mapped[dt.date] = mapped_column(Date)
    end_on: Mapped[dt.date] = mapped_column(Date)
    destinations: Mapped[str] = mapped_column(String(200), default="")  # 深圳、佛山
    purpose: Mapped[str] = mapped_column(Text, default="")
    itinerary: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    # The visit report (due 15 days after ``end_on``) was handed in on this date.
    report_submitted_on: Mapped[dt.date | None] = mapped_column(Date)

    members: Mapped[list[TripMember]] = relationship(back_populates="trip")


class TripMember(Synced, Base):
    __tablename__ = "trip_members"
    __table_args__ = (CheckConstraint(_in("role", ("leader", "staff")), name="role"),)

    trip_id: Mapped[str] = mapped_column(ForeignKey("trips.id"), index=True)
    staff_user_id: Mapped[str | None] = mapped_column(ForeignKey("staff_users.id"))
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16), default="staff")

    trip: Mapped[Trip] = relationship(back_populates="members")


VISIT_KINDS = ("outbound", "inbound")  # 外出拜访 / 客商来访


class Visit(Synced, Base):
    """A meeting with an investor (拜访/洽谈记录), on a trip or an inbound visit."""

    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint(_in("kind", VISIT_KINDS), name="kind"),
        Index("ix_visits_company_visited", "company_id", "visited_on"),
        # The 首页's follow-ups due (migration 0008).
        _live_index(
            "ix_visits_follow_up_live", "follow_up_on", "visited_on", "company_id", "deleted_at"
        ),
    )

    trip_id: Mapped[str | None] = mapped_column(ForeignKey("trips.id"), index=True)
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    visited_on: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16), default="outbound")
    city: Mapped[str] = mapped_column(String(50), default="")
    attendees: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    # "high", "medium", "low" or "" (INTEREST_LEVELS; checked by services.visits: a
    # CHECK here would make SQLite rebuild a table other tables point at).
    interest_level: Mapped[str] = mapped_column(String(16), default="")
    # A project the visit is about (linked, not created from it: that is
    # Project.source_visit_id). No FOREIGN KEY, like superseded_by_id, so that adding the
    # column needs no rebuild of visits.
    project_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # The follow-up was done on this date, with a note (完成跟进).
    follow_up_done_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_note: Mapped[str] = mapped_column(Text, default="")


INTEREST_LEVELS = ("high", "medium", "low")  # 意向强 / 一般 / 较弱


class VisitContact(Synced, Base):
    """A contact of the company met at a visit (客商方参会人员)."""

    __tablename__ = "visit_contacts"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)


TARGET_PRIORITIES = (1, 2, 3)  # 1 = A 重点, 2 = B 一般, 3 = C 储备
# 未接触 / 已接触 / 在谈 / 已签约 / 放弃
TARGET_STATUSES = ("untouched", "contacted", "negotiating", "signed", "dropped")


class TargetCompany(Synced, Base):
    """An entry of a chain link's target-company list (目标企业清单)."""

    __tablename__ = "target_companies"
    __table_args__ = (CheckConstraint("priority BETWEEN 1 AND 3", name="priority"),)

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    chain_link_id: Mapped[str | None] = mapped_column(ForeignKey("industry_nodes.id"), index=True)
    priority: Mapped[int] = mapped_column(Integer, default=2)
    city: Mapped[str] = mapped_column(String(50), default="")
    follower: Mapped[str] = mapped_column(String(50), default="")  # who follows it
    notes: Mapped[str] = mapped_column(Text, default="")
    # TARGET_STATUSES, checked by the service (a CHECK would force a table rebuild).
    status: Mapped[str] = mapped_column(String(16), default="untouched", server_default="untouched")
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")  # why this company


class CompanyMerge(Synced, Base):
    """Two company records joined: ``merged_id`` (tombstoned) into ``survivor_id``.

    ``moved`` is JSON text: {table: [ids moved]}, so a merge can be reviewed, and
    replayed by sync on another copy of the database.
    """

    __tablename__ = "company_merges"

    survivor_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    merged_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    merged_name: Mapped[str] = mapped_column(String(200), default="")
    merged_uscc: Mapped[str | None] = mapped_column(String(18))
    actor: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    moved: Mapped[str] = mapped_column(Text, default="{}")
    merged_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# ---------------------------------------------------------------- projects

PROJECT_FAMILIES = ("attraction", "key")  # 招商引资项目 / 重点项目


class TaskForce(Synced, Base):
    """A task force (专班) following key projects."""

    __tablename__ = "task_forces"

    name: Mapped[str] = mapped_column(String(200))
    head_leader: Mapped[str] = mapped_column(String(50), default="")
    deputy: Mapped[str] = mapped_column(String(50), default="")
    liaison: Mapped[str] = mapped_column(String(50), default="")
    lead_unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    notes: Mapped[str] = mapped_column(Text, default="")


class TaskForceUnit(Synced, Base):
    __tablename__ = "task_force_units"
    __table_args__ = (UniqueConstraint("task_force_id", "unit_id"),)

    task_force_id: Mapped[str] = mapped_column(ForeignKey("task_forces.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))


class Project(Synced, Base):
    """A project of either family. ``stage`` caches the stage its events imply."""

    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint(_in("family", PROJECT_FAMILIES), name="family"),
        CheckConstraint(_in("stage", STAGE_CODES), name="stage"),
        CheckConstraint("total_investment_wan >= 0", name="investment"),
        # For the 项目库 list (services.project_query): sorting and selective filters…
        Index("ix_projects_name", "name"),
        Index("ix_projects_total_investment_wan", "total_investment_wan"),
        Index("ix_projects_stage_on", "stage_on"),
        Index("ix_projects_industry_node_id", "industry_node_id"),
        Index("ix_projects_chain_link_id", "chain_link_id"),
        Index("ix_projects_task_force_id", "task_force_id"),
        Index("ix_projects_leader_in_charge", "leader_in_charge"),
        # …and covering: counts and sums per stage (kanban, footer) read no table row…
        Index("ix_projects_stage_totals", "stage", "total_investment_wan", "deleted_at"),
        # …nor does a text search's count and sum (a third of the table's size to scan).
        # SQLite only: PostgreSQL's btree refuses entries over ~2.7 kB, which a long key
        # can exceed: there, the pg_trgm index below serves the LIKE (migration 0007).
        Index(
            "ix_projects_search_key", "search_key", "total_investment_wan", "stage", "deleted_at"
        ).ddl_if(dialect="sqlite"),
        # …and of a term only the text can hold (a hanzi: ``search_text``, a fifth the size)
        Index(
            "ix_projects_search_text",
            "search_text",
            "total_investment_wan",
            "stage",
            "deleted_at",
        ).ddl_if(dialect="sqlite"),
        Index(
            "ix_projects_search_key_trgm",
            "search_key",
            postgresql_using="gin",
            postgresql_ops={"search_key": "gin_trgm_ops"},
        ).ddl_if(dialect="postgresql"),
        # PostgreSQL only (migration 0009, which also makes the function): the 1–2-character
        # terms pg_trgm cannot serve, by each live key's 1- and 2-character substrings
        # (store.search_grams)
        Index(
            "ix_projects_search_grams",
            text("jd_short_grams(search_key)"),
            postgresql_using="gin",
            postgresql_where=text("deleted_at IS NULL"),
        ).ddl_if(dialect="postgresql"),
        # "Signed in a period" counted, summed and paged from the index alone (the 项目库
        # filter and its kanban). PostgreSQL: migration 0008; SQLite: 0010, with the stage
        # (kanban headers) and deleted_at (covering), and not partial (SQLite's planner
        # would take a partial index for every live-rows query; see the migration).
        Index(
            "ix_projects_signed_live",
            "signed_on",
            "total_investment_wan",
            "updated_at",
            "id",
            postgresql_where=text("deleted_at IS NULL"),
        ).ddl_if(dialect="postgresql"),
        Index(
            "ix_projects_signed_totals",
            "signed_on",
            "total_investment_wan",
            "updated_at",
            "stage",
            "id",
            "deleted_at",
        ).ddl_if(dialect="sqlite"),
        Index("ix_projects_source_visit_id", "source_visit_id"),  # a trip's leads
        # Covering, for the metrics cohort's lookups by id (migration 0008): the columns the
        # engine reads and groups by, so that no (wide) project row is read.
        Index(
            "ix_projects_cohort",
            "id",
            "family",
            "deleted_at",
            "total_investment_wan",
            "industry_node_id",
            "field_id",
            "unit_id",
        ),
        _deleted_index("ix_projects_deleted"),
    )

    code: Mapped[str | None] = mapped_column(String(64), index=True)  # 项目编码
    name: Mapped[str] = mapped_column(String(300))
    family: Mapped[str] = mapped_column(String(16), default="attraction", index=True)
    stage: Mapped[str] = mapped_column(String(16), default="lead", index=True)
    company_id: Mapped[str | None] = mapped_column(ForeignKey("companies.id"), index=True)
    industry_node_id: Mapped[str | None] = mapped_column(ForeignKey("industry_nodes.id"))
    chain_link_id: Mapped[str | None] = mapped_column(ForeignKey("industry_nodes.id"))
    field_id: Mapped[str | None] = mapped_column(ForeignKey("plan_fields.id"))
    total_investment_wan: Mapped[Decimal] = mapped_column(default=Decimal(0))
    fixed_asset_investment_wan: Mapped[Decimal | None] = mapped_column()
    foreign_investment_usd_wan: Mapped[Decimal | None] = mapped_column()
    land_mu: Mapped[Decimal | None] = mapped_column()
    location: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    leader_in_charge: Mapped[str] = mapped_column(String(50), default="")
    task_force_id: Mapped[str | None] = mapped_column(ForeignKey("task_forces.id"))
    expected_revenue_wan: Mapped[Decimal | None] = mapped_column()
    expected_tax_wan: Mapped[Decimal | None] = mapped_column()
    jobs: Mapped[int | None] = mapped_column(Integer)
    construction_content: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source_visit_id: Mapped[str | None] = mapped_column(ForeignKey("visits.id"))
    # Contract details (合同/协议: number, main terms, obligations), free text.
    contract_notes: Mapped[str] = mapped_column(Text, default="")
    # Who made the last change (a staff name); the change itself is in change_log.
    updated_by: Mapped[str] = mapped_column(String(50), default="")
    # Caches of the effective stage events, kept by services.projects like ``stage``
    # (``rebuild_search_keys`` fills them for rows written by bulk inserts):
    signed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)  # 签约 date
    stage_on: Mapped[dt.date | None] = mapped_column(Date)  # date the current stage began
    # Folded text + pinyin of name, investor, location and notes (domain.search); NULL
    # until computed. Kept by the ORM events below for ORM writes, with…
    search_key: Mapped[str | None] = mapped_column(Text)
    # …its text parts alone (no pinyin; migration 0010): a term only text can hold (a
    # hanzi) is looked for there, a fifth of the key to scan (SQLite) — and…
    search_text: Mapped[str | None] = mapped_column(Text)
    # …a copy of the investor company's name, so the list sorts and shows it without a
    # join over 100,000 rows.
    investor_name: Mapped[str] = mapped_column(String(200), default="", index=True)

    company: Mapped[Company | None] = relationship()
    events: Mapped[list[ProjectStageEvent]] = relationship(
        back_populates="project", order_by="ProjectStageEvent.occurred_on"
    )


class ProjectStageEvent(Synced, Base):
    """A dated step in a project's history; metrics are computed from these dates."""

    __tablename__ = "project_stage_events"
    __table_args__ = (
        CheckConstraint(_in("stage", STAGE_CODES), name="stage"),
        Index("ix_stage_events_stage_date", "stage", "occurred_on"),
        CheckConstraint(_in("kind", EVENT_KINDS), name="kind"),
        # Metrics (migration 0008): a year's events of a stage, and a project's events.
        _live_index("ix_stage_events_live", "stage", "occurred_on", "project_id", "deleted_at"),
        _live_index(
            "ix_stage_events_project_live", "project_id", "stage", "occurred_on", "deleted_at"
        ),
    )

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    # The signed total investment as agreed on the signing date (签约 only).
    signed_investment_wan: Mapped[Decimal | None] = mapped_column()
    # How the event came about (domain.project_rules.EventKind): advance, skipped,
    # correction, drop, revive. A correction soft-deletes (deleted_at) the events it
    # undoes and points them at itself through superseded_by_id: the id of an event of
    # the same project, deliberately without a FOREIGN KEY constraint (a self-reference
    # makes SQLite's table rebuilds quadratic, and sync may deliver events in any order).
    kind: Mapped[str] = mapped_column(String(16), default="advance")
    reason: Mapped[str] = mapped_column(Text, default="")  # 终止 / 更正 reason
    superseded_by_id: Mapped[str | None] = mapped_column(String(36))

    project: Mapped[Project] = relationship(back_populates="events")


class FundsInPlace(Synced, Base):
    """A funds-in-place record (到位资金); the foreign part counts as FDI actually used."""

    __tablename__ = "funds_in_place"
    __table_args__ = (
        _live_index(  # metrics (migration 0008): a year's sums read the index alone
            "ix_funds_live", "received_on", "amount_wan", "fdi_usd_wan", "project_id", "deleted_at"
        ),
    )

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), index=True)
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    amount_wan: Mapped[Decimal] = mapped_column()
    fdi_usd_wan: Mapped[Decimal | None] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")


class KeyProjectPlan(Synced, Base):
    """A project's place in one year's key-project plan, with its annual planned investment."""

    __tablename__ = "key_project_plans"
    __table_args__ = (
        UniqueConstraint("project_id", "year"),
        _live_index(  # metrics (migration 0008)
            "ix_plans_live", "year", "project_id", "planned_investment_wan", "deleted_at"
        ),
    )

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    planned_investment_wan: Mapped[Decimal] = mapped_column(default=Decimal(0))
    is_new_start: Mapped[bool] = mapped_column(Boolean, default=False)  # 新开工 vs 续建
    planned_start_month: Mapped[int | None] = mapped_column(Integer)


class MonthlyInvestment(Synced, Base):
    """Investment completed by a key project in one month (月度完成投资)."""

    __tablename__ = "monthly_investments"
    __table_args__ = (
        UniqueConstraint("project_id", "year", "month"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month"),
        Index("ix_monthly_investments_year_month", "year", "month"),
        _live_index(  # metrics (migration 0008)
            "ix_monthly_live", "year", "month", "completed_wan", "project_id", "deleted_at"
        ),
    )

    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    completed_wan: Mapped[Decimal] = mapped_column()


class AnnualTarget(Synced, Base):
    """One target of a year's plan (1366, 5122, …), naming a metric key."""

    __tablename__ = "annual_targets"
    __table_args__ = (UniqueConstraint("year", "plan", "metric_key"),)

    year: Mapped[int] = mapped_column(Integer, index=True)
    plan: Mapped[str] = mapped_column(String(32))
    metric_key: Mapped[str] = mapped_column(String(64))
    target_value: Mapped[Decimal] = mapped_column()
    unit: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # Pace profile: JSON list of 12 cumulative shares of the year's target expected by the
    # end of each month (e.g. [0.05, 0.1, …, 1]); "" = linear over the year.
    monthly_profile: Mapped[str] = mapped_column(Text, default="", server_default="")


# ---------------------------------------------------------------- task forces and problems

PROBLEM_CATEGORIES = ("approval", "land", "demolition", "funding", "tendering", "factors", "other")
PROBLEM_STATUSES = ("open", "in_progress", "closed", "suspended")  # 待办/办理中/已销号/已挂起
PROBLEM_SOURCES = ("meeting", "enterprise", "task_force", "other")


class WeeklyMeeting(Synced, Base):
    """A weekly key-project meeting (周例会)."""

    __tablename__ = "weekly_meetings"

    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    number: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    chair: Mapped[str] = mapped_column(String(50), default="", server_default="")
    attendees: Mapped[str] = mapped_column(Text, default="", server_default="")  # 、-separated
    decisions: Mapped[str] = mapped_column(Text, default="", server_default="")


class MeetingProject(Synced, Base):
    """A project reported on at a weekly meeting, with what was reported."""

    __tablename__ = "meeting_projects"
    __table_args__ = (UniqueConstraint("meeting_id", "project_id"),)

    meeting_id: Mapped[str] = mapped_column(ForeignKey("weekly_meetings.id"), index=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id"), index=True)
    report: Mapped[str] = mapped_column(Text, default="")


class Problem(Synced, Base):
    """A problem on the ledger (问题台账), closed off (销号) with a resolution."""

    __tablename__ = "problems"
    __table_args__ = (
        CheckConstraint(_in("category", PROBLEM_CATEGORIES), name="category"),
        CheckConstraint(_in("status", PROBLEM_STATUSES), name="status"),
        CheckConstraint(_in("source", PROBLEM_SOURCES), name="source"),
        CheckConstraint(
            "status <> 'closed' OR (resolved_on IS NOT NULL AND resolution <> '')",
            name="closed_has_resolution",
        ),
    )

    project_id: Mapped[str | None] = mapped_column(ForeignKey("projects.id"), index=True)
    task_force_id: Mapped[str | None] = mapped_column(ForeignKey("task_forces.id"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("weekly_meetings.id"))
    raised_on: Mapped[dt.date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(16), default="other")
    description: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    responsible_person: Mapped[str] = mapped_column(String(50), default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(16), default="meeting")
    # The enterprise an enterprise problem (万人助企) is about; no FOREIGN KEY, so that
    # adding the column needs no rebuild of problems.
    company_id: Mapped[str | None] = mapped_column(String(36), index=True)


class ProblemNote(Synced, Base):
    """A dated progress note on a problem (办理进展), possibly recorded at a meeting."""

    __tablename__ = "problem_notes"

    problem_id: Mapped[str] = mapped_column(ForeignKey("problems.id"), index=True)
    noted_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(50), default="")
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("weekly_meetings.id"), index=True)


# ---------------------------------------------------------------- audit and saved views


class ChangeLog(Synced, Base):
    """One change made through the services: who, when, what (for audit and merging).

    ``changes`` is JSON text: {field: [old, new]} with values as text (Decimal as a
    string, dates ISO). ``parent_id`` is the project a child record (funds, plan…)
    belongs to, so a project's whole history is one query.
    """

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),)

    entity: Mapped[str] = mapped_column(String(32))  # project, company, funds_in_place…
    entity_id: Mapped[str] = mapped_column(String(36))
    parent_id: Mapped[str | None] = mapped_column(String(36), index=True)
    actor: Mapped[str] = mapped_column(String(50), default="")
    action: Mapped[str] = mapped_column(String(32))  # create, update, delete, advance…
    changes: Mapped[str] = mapped_column(Text, default="{}")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SavedFilter(Synced, Base):
    """A named filter set of a list page (the 项目库's saved filters)."""

    __tablename__ = "saved_filters"
    __table_args__ = (UniqueConstraint("scope", "owner", "name"),)

    scope: Mapped[str] = mapped_column(String(32), default="projects")
    owner: Mapped[str] = mapped_column(String(50), default="")  # "" = shared by everyone
    name: Mapped[str] = mapped_column(String(100))
    filter_json: Mapped[str] = mapped_column(Text, default="{}")


# ---------------------------------------------------------------- installation metadata


class AppMeta(Base):
    """Key/value facts about this database file (its identity, when it was seeded)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


# ---------------------------------------------------------------- search keys kept current
#
# Project.search_key and Project.investor_name are computed from the project's name,
# location and notes and its investor's name whenever the ORM writes a project, and
# recomputed for every project of a company the ORM renames. Bulk inserts bypass these
# events: call ``services.projects.rebuild_search_keys`` after them.

_KEY_SOURCES = ("name", "company_id", "company", "location", "notes")


def _investor_name(connection: Connection, project: Project) -> str:
    company = project.__dict__.get("company")  # a loaded or assigned object, never a query
    if company is not None and (project.company_id in (None, company.id)):
        return company.name or ""
    if project.company_id is None:
        return ""
    name = connection.execute(
        select(Company.__table__.c.name).where(Company.__table__.c.id == project.company_id)
    ).scalar()
    return name or ""


def _refresh_derived(connection: Connection, project: Project) -> None:
    investor = _investor_name(connection, project)
    project.investor_name = investor
    project.search_key = project_search_key(project.name, investor, project.location, project.notes)
    project.search_text = project_search_text(
        project.name, investor, project.location, project.notes
    )


@event.listens_for(Project, "before_insert")
def _derived_on_insert(_mapper: Any, connection: Connection, target: Project) -> None:
    _refresh_derived(connection, target)


@event.listens_for(Project, "before_update")
def _derived_on_update(_mapper: Any, connection: Connection, target: Project) -> None:
    state = inspect(target)
    if (
        target.search_key is None
        or target.search_text is None
        or any(state.attrs[name].history.has_changes() for name in _KEY_SOURCES)
    ):
        _refresh_derived(connection, target)


@event.listens_for(Company, "after_update")
def _derived_on_company_rename(_mapper: Any, connection: Connection, target: Company) -> None:
    if not inspect(target).attrs.name.history.has_changes():
        return
    t = Project.__table__
    rows = connection.execute(
        select(t.c.id, t.c.name, t.c.location, t.c.notes).where(t.c.company_id == target.id)
    ).all()
    if rows:
        connection.execute(
            update(t)
            .where(t.c.id == bindparam("pid"))
            # derived columns: the rename must not look like an edit of each project
            .values(
                search_key=bindparam("key"),
                search_text=bindparam("text"),
                investor_name=bindparam("investor"),
                updated_at=t.c.updated_at,
            ),
            [
                {
                    "pid": r.id,
                    "key": project_search_key(r.name, target.name, r.location, r.notes),
                    "text": project_search_text(r.name, target.name, r.location, r.notes),
                    "investor": target.name,
                }
                for r in rows
            ],
        )


# Company.normalized_name and Company.search_key follow the name (and city, USCC, tags)
# on every ORM write.

_COMPANY_KEY_SOURCES = ("name", "city", "uscc", "tags")


def _refresh_company(target: Company) -> None:
    target.normalized_name = normalize_company_name(target.name)
    target.search_key = company_search_key(target.name, target.city, target.uscc, target.tags)


@event.listens_for(Company, "before_insert")
def _company_on_insert(_mapper: Any, _connection: Connection, target: Company) -> None:
    _refresh_company(target)


@event.listens_for(Company, "before_update")
def _company_on_update(_mapper: Any, _connection: Connection, target: Company) -> None:
    state = inspect(target)
    if target.search_key is None or any(
        state.attrs[name].history.has_changes() for name in _COMPANY_KEY_SOURCES
    ):
        _refresh_company(target)


# ---------------------------------------------------------------- offline sync (jianan_desk.sync)
#
# Local bookkeeping of this database file; none of these rows travel in a sync package
# as rows (the package carries stamps and aliases in its own form).


class SyncStamp(Base):
    """The hybrid-logical-clock stamp of one field of one row (``field`` '*' = the row's
    base stamp, for every field without a stamp of its own). Rows written in bulk have
    none: they count as stamped at their ``updated_at`` (``sync.stamps``)."""

    __tablename__ = "sync_stamps"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(80))


class SyncPeer(Base):
    """Another installation this one exchanged packages with, and what it has seen."""

    __tablename__ = "sync_peers"

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    # JSON {origin installation id: highest stamp seen}, as the peer last reported it.
    seen: Mapped[str] = mapped_column(Text, default="{}")
    last_import_at: Mapped[dt.datetime | None] = mapped_column()
    last_export_at: Mapped[dt.datetime | None] = mapped_column()


class SyncConflict(Base):
    """A field changed on both sides since their last exchange, kept for review."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_row", "tbl", "row_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    # values as JSON text (the package's form: Decimal and dates as strings)
    mine_value: Mapped[str] = mapped_column(Text, default="null")
    mine_stamp: Mapped[str] = mapped_column(String(80), default="")
    theirs_value: Mapped[str] = mapped_column(Text, default="null")
    theirs_stamp: Mapped[str] = mapped_column(String(80), default="")
    winner: Mapped[str] = mapped_column(String(8), default="theirs")  # kept for now
    peer_id: Mapped[str] = mapped_column(String(36), default="")
    detected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")  # mine/theirs/edit/superseded
    resolved_by: Mapped[str] = mapped_column(String(50), default="")


class SyncAlias(Base):
    """Two rows found to be one (same unique key, e.g. the same 统一社会信用代码, created on
    two installations): ``alias_id`` now means ``canonical_id`` (the smaller id)."""

    __tablename__ = "sync_aliases"

    alias_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tbl: Mapped[str] = mapped_column(String(40))
    canonical_id: Mapped[str] = mapped_column(String(36))


class SyncImport(Base):
    """A package applied here (a second import of the same package changes nothing)."""

    __tablename__ = "sync_imports"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    peer_id: Mapped[str] = mapped_column(String(36), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="{}")


# The ORM hook stamping every change for sync (needs the classes above).
from jianan_desk.store import sync_stamps as _sync_stamps  # noqa: E402, F401
