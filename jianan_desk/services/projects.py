"""Projects: create, edit, move through the pipeline, delete; and the detail form's data.

Every call takes a ``Session`` (the caller's unit of work commits), plain data in, plain
dataclasses out. Input the rules refuse raises ``ValidationError`` with a Chinese message
per field; a missing or deleted project raises ``NotFoundError``.

Every change stamps the project's ``updated_at`` and ``updated_by`` (the ``actor``: a staff
name) and writes one ``change_log`` entry with ``{field: [old, new]}``.

Stage changes follow ``domain.project_rules`` (advance with skipped stages recorded,
corrections with a reason that supersede what they undo, 终止 with a reason, revival only
by a correction). The project's cached ``stage``, ``signed_on`` and ``stage_on`` are
recomputed from its effective events after each of them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from jianan_desk.domain.dates import DateParseError, parse_date
from jianan_desk.domain.project_fields import (
    FAMILY_LABELS,
    FIELD_LABELS,
    FieldError,
    clean_text,
    parse_family,
    parse_jobs,
    parse_land_mu,
    parse_money_wan,
    parse_usd_wan,
)
from jianan_desk.domain.project_rules import (
    EventKind,
    HistoryEvent,
    StageOptions,
    StageTransitionError,
    TransitionPlan,
    options,
    plan_advance,
    plan_correction,
    plan_drop,
    signed_on,
    stage_since,
)
from jianan_desk.domain.search import project_search_key, project_search_text
from jianan_desk.domain.stages import Stage, stage_from_label
from jianan_desk.services.audit import clean_actor, diff, plain, record_change
from jianan_desk.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from jianan_desk.services.investments import InvestmentSummary, investment_summary
from jianan_desk.store.models import (
    ChangeLog,
    Company,
    IndustryNode,
    PlanField,
    Project,
    ProjectStageEvent,
    TaskForce,
    Unit,
)
from jianan_desk.store.types import utcnow

Amount = str | Decimal | int | float | None


# ---------------------------------------------------------------- input


@dataclass
class ProjectInput:
    """What the detail form edits. Amounts may be text ("5亿", "5,000万", "伍仟万").

    Investor: ``company_id`` of an existing company, or ``new_company_name`` to create one
    (an existing, not deleted company of exactly that name is reused). Chain link: must be
    a link under ``industry_node_id``; given alone, its industry is filled in.
    """

    name: str = ""
    family: str = "attraction"  # or "key" (Chinese names accepted)
    code: str = ""  # 项目编码
    company_id: str | None = None
    new_company_name: str = ""
    industry_node_id: str | None = None
    chain_link_id: str | None = None
    field_id: str | None = None
    total_investment_wan: Amount = None  # 万元; empty = 0
    fixed_asset_investment_wan: Amount = None  # 万元
    foreign_investment_usd_wan: Amount = None  # 万美元
    land_mu: Amount = None  # 亩
    location: str = ""
    unit_id: str | None = None
    leader_in_charge: str = ""
    task_force_id: str | None = None
    expected_revenue_wan: Amount = None  # 万元 per year
    expected_tax_wan: Amount = None  # 万元 per year
    jobs: str | int | None = None
    construction_content: str = ""  # 建设内容
    contract_notes: str = ""  # 合同情况
    notes: str = ""


# The columns of Project a form edits (ProjectInput minus new_company_name).
EDITABLE = tuple(f.name for f in fields(ProjectInput) if f.name != "new_company_name")


def _ref(
    session: Session,
    errors: dict[str, str],
    key: str,
    model: Any,
    value: str | None,
    *,
    current: str | None,
    what: str,
) -> Any:
    """Load a referenced row; an error if it is missing, deleted or newly chosen but retired."""
    if not value:
        return None
    row = session.get(model, value)
    if row is None or row.deleted_at is not None:
        errors[key] = f"所选{what}不存在或已删除"
        return None
    if value != current and getattr(row, "retired_on", None) is not None:
        errors[key] = f"所选{what}“{row.name}”已停用"
    return row


def clean_project_values(
    session: Session, data: ProjectInput, current: Project | None
) -> tuple[dict[str, Any], str | None]:
    """Validate ``data``; returns (column values, name of a company to create or None).

    The one place of the project rules for a row: the service and the Excel import use it.
    """
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}

    def attempt(key: str, fn: Any, *args: Any, **kw: Any) -> Any:
        try:
            return fn(*args, **kw)
        except FieldError as exc:
            errors[key] = str(exc)
            return None

    values["name"] = attempt("name", clean_text, "name", data.name, required=True)
    values["code"] = attempt("code", clean_text, "code", data.code) or None
    values["family"] = attempt("family", parse_family, data.family)
    for key in ("location", "leader_in_charge"):
        values[key] = attempt(key, clean_text, key, getattr(data, key))
    for key in ("construction_content", "contract_notes", "notes"):
        values[key] = attempt(key, clean_text, key, getattr(data, key))
    for key in (
        "total_investment_wan",
        "fixed_asset_investment_wan",
        "expected_revenue_wan",
        "expected_tax_wan",
    ):
        values[key] = attempt(key, parse_money_wan, getattr(data, key))
    if values["total_investment_wan"] is None:
        values["total_investment_wan"] = Decimal(0)
    values["foreign_investment_usd_wan"] = attempt(
        "foreign_investment_usd_wan", parse_usd_wan, data.foreign_investment_usd_wan
    )
    values["land_mu"] = attempt("land_mu", parse_land_mu, data.land_mu)
    values["jobs"] = attempt("jobs", parse_jobs, data.jobs)
    fixed, total = values["fixed_asset_investment_wan"], values["total_investment_wan"]
    if fixed is not None and "total_investment_wan" not in errors and total and fixed > total:
        errors["fixed_asset_investment_wan"] = "固定资产投资不能大于总投资"

    def now(attr: str) -> Any:
        return getattr(current, attr) if current is not None else None

    # investor
    new_company = None
    if data.company_id:
        _ref(
            session, errors, "company_id", Company, data.company_id,
            current=now("company_id"), what="投资方",
        )  # fmt: skip
        values["company_id"] = data.company_id
    else:
        values["company_id"] = None
        name = attempt("new_company_name", clean_text, "new_company_name", data.new_company_name)
        if name:
            new_company = name

    # 222 node and chain link
    industry_id, link_id = data.industry_node_id or None, data.chain_link_id or None
    link = _ref(
        session, errors, "chain_link_id", IndustryNode, link_id,
        current=now("chain_link_id"), what="产业链环节",
    )  # fmt: skip
    if link is not None and link.level != "link":
        errors["chain_link_id"] = "所选节点不是产业链环节"
        link = None
    if link is not None and industry_id is None:
        industry_id = link.parent_id
    industry = _ref(
        session, errors, "industry_node_id", IndustryNode, industry_id,
        current=now("industry_node_id"), what="产业",
    )  # fmt: skip
    if industry is not None and industry.level != "industry":
        errors["industry_node_id"] = "请选择“222”体系中的产业（而不是产业组）"
    elif industry is not None and link is not None and link.parent_id != industry.id:
        errors["chain_link_id"] = f"所选环节“{link.name}”不属于产业“{industry.name}”"
    values["industry_node_id"], values["chain_link_id"] = industry_id, link_id

    for key, model, what in (
        ("field_id", PlanField, "5122 领域"),
        ("unit_id", Unit, "责任单位"),
        ("task_force_id", TaskForce, "专班"),
    ):
        value = getattr(data, key) or None
        _ref(session, errors, key, model, value, current=now(key), what=what)
        values[key] = value

    if errors:
        raise ValidationError(errors)
    return values, new_company


def check_project_input(
    session: Session, data: ProjectInput, project_id: str | None = None
) -> dict[str, str]:
    """The per-field errors ``create_project``/``update_project`` would raise ({} if none),
    for a form that disables Save while its input is invalid. Changes nothing."""
    current = session.get(Project, project_id) if project_id else None
    try:
        clean_project_values(session, data, current)
    except ValidationError as exc:
        return exc.errors
    return {}


def _investor(session: Session, name: str, actor: str) -> Company:
    """The not deleted company named exactly ``name``, or a new one (logged)."""
    existing = session.scalar(
        select(Company)
        .where(Company.name == name, Company.deleted_at.is_(None))
        .order_by(Company.created_at)
        .limit(1)
    )
    if existing is not None:
        return existing
    company = Company(name=name, normalized_name=name)
    session.add(company)
    session.flush()
    record_change(
        session,
        entity="company",
        entity_id=company.id,
        actor=actor,
        action="create",
        changes={"name": [None, name]},
    )
    return company


# ---------------------------------------------------------------- output


@dataclass(frozen=True)
class TimelineEntry:
    """One stage event, effective or superseded (shown struck through)."""

    id: str
    stage: str
    stage_label: str
    kind: str
    kind_label: str
    occurred_on: dt.date
    recorded_by: str
    note: str
    reason: str
    signed_investment_wan: Decimal | None
    recorded_at: dt.datetime
    superseded: bool
    superseded_at: dt.datetime | None
    superseded_by_id: str | None


@dataclass(frozen=True)
class ProjectDetail:
    """Everything the detail form shows."""

    id: str
    code: str | None
    name: str
    family: str
    family_label: str
    stage: str
    stage_label: str
    company_id: str | None
    company_name: str
    industry_node_id: str | None
    industry_name: str
    chain_link_id: str | None
    chain_link_name: str
    field_id: str | None
    field_name: str
    total_investment_wan: Decimal
    fixed_asset_investment_wan: Decimal | None
    foreign_investment_usd_wan: Decimal | None
    land_mu: Decimal | None
    location: str
    unit_id: str | None
    unit_name: str
    leader_in_charge: str
    task_force_id: str | None
    task_force_name: str
    expected_revenue_wan: Decimal | None
    expected_tax_wan: Decimal | None
    jobs: int | None
    construction_content: str
    contract_notes: str
    notes: str
    signed_on: dt.date | None
    stage_on: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime
    updated_by: str
    deleted_at: dt.datetime | None
    timeline: tuple[TimelineEntry, ...]  # effective and superseded, by date then entry
    stage_options: StageOptions
    investment: InvestmentSummary
    messages: tuple[str, ...] = ()  # what the call that returned it wants the user told
    version: int = 0  # the row version loaded: pass it back as update_project(expected_version)

    def to_input(self) -> ProjectInput:
        """The form's starting values (amounts as Decimal; the form formats them)."""
        return ProjectInput(
            **{
                name: (getattr(self, name) if getattr(self, name) is not None else default)
                for name, default in (
                    (f.name, f.default) for f in fields(ProjectInput) if f.name in EDITABLE
                )
            }
        )


@dataclass(frozen=True)
class StageChangeResult:
    """The outcome of a stage operation: the new stage and what the user should be told."""

    project_id: str
    before: str
    stage: str
    stage_label: str
    messages: tuple[str, ...] = field(default_factory=tuple)


def _names(session: Session, model: Any, ident: str | None) -> str:
    if not ident:
        return ""
    return session.scalar(select(model.name).where(model.id == ident)) or ""


def _history(session: Session, project_id: str) -> list[HistoryEvent]:
    rows = session.execute(
        select(
            ProjectStageEvent.id,
            ProjectStageEvent.stage,
            ProjectStageEvent.occurred_on,
            ProjectStageEvent.kind,
        )
        .where(
            ProjectStageEvent.project_id == project_id,
            ProjectStageEvent.deleted_at.is_(None),
        )
        .order_by(ProjectStageEvent.occurred_on, ProjectStageEvent.created_at)
    ).all()
    return [HistoryEvent(Stage(s), d, EventKind(k), i) for i, s, d, k in rows]


def get_project_detail(
    session: Session, project_id: str, *, include_deleted: bool = False
) -> ProjectDetail:
    """The detail form's data: fields, reference names, stage timeline, investment."""
    p = session.get(Project, project_id)
    if p is None or (p.deleted_at is not None and not include_deleted):
        raise NotFoundError("项目不存在或已删除")
    events = session.scalars(
        select(ProjectStageEvent)
        .where(ProjectStageEvent.project_id == project_id)
        .order_by(ProjectStageEvent.occurred_on, ProjectStageEvent.created_at)
    ).all()
    timeline = tuple(
        TimelineEntry(
            id=e.id,
            stage=e.stage,
            stage_label=Stage(e.stage).label,
            kind=e.kind,
            kind_label=EventKind(e.kind).label,
            occurred_on=e.occurred_on,
            recorded_by=e.recorded_by,
            note=e.note,
            reason=e.reason,
            signed_investment_wan=e.signed_investment_wan,
            recorded_at=e.created_at,
            superseded=e.deleted_at is not None,
            superseded_at=e.deleted_at,
            superseded_by_id=e.superseded_by_id,
        )
        for e in events
    )
    effective = [
        HistoryEvent(Stage(e.stage), e.occurred_on, EventKind(e.kind), e.id)
        for e in events
        if e.deleted_at is None
    ]
    return ProjectDetail(
        id=p.id,
        code=p.code,
        name=p.name,
        family=p.family,
        family_label=FAMILY_LABELS.get(p.family, p.family),
        stage=p.stage,
        stage_label=Stage(p.stage).label,
        company_id=p.company_id,
        company_name=_names(session, Company, p.company_id),
        industry_node_id=p.industry_node_id,
        industry_name=_names(session, IndustryNode, p.industry_node_id),
        chain_link_id=p.chain_link_id,
        chain_link_name=_names(session, IndustryNode, p.chain_link_id),
        field_id=p.field_id,
        field_name=_names(session, PlanField, p.field_id),
        total_investment_wan=p.total_investment_wan,
        fixed_asset_investment_wan=p.fixed_asset_investment_wan,
        foreign_investment_usd_wan=p.foreign_investment_usd_wan,
        land_mu=p.land_mu,
        location=p.location,
        unit_id=p.unit_id,
        unit_name=_names(session, Unit, p.unit_id),
        leader_in_charge=p.leader_in_charge,
        task_force_id=p.task_force_id,
        task_force_name=_names(session, TaskForce, p.task_force_id),
        expected_revenue_wan=p.expected_revenue_wan,
        expected_tax_wan=p.expected_tax_wan,
        jobs=p.jobs,
        construction_content=p.construction_content,
        contract_notes=p.contract_notes,
        notes=p.notes,
        signed_on=p.signed_on,
        stage_on=p.stage_on,
        created_at=p.created_at,
        updated_at=p.updated_at,
        updated_by=p.updated_by,
        deleted_at=p.deleted_at,
        timeline=timeline,
        stage_options=options(effective),
        investment=investment_summary(session, project_id),
        version=p.version,
    )


# ---------------------------------------------------------------- create, update, delete


def _live(session: Session, project_id: str) -> Project:
    p = session.get(Project, project_id)
    if p is None or p.deleted_at is not None:
        raise NotFoundError("项目不存在或已删除")
    return p


def _parse_on(value: str | dt.date | None, today: dt.date) -> dt.date:
    if value is None or (isinstance(value, str) and not value.strip()):
        return today
    try:
        return parse_date(value)
    except DateParseError as exc:
        raise ValidationError({"on": str(exc)}) from None


def create_project(
    session: Session,
    data: ProjectInput,
    actor: str,
    *,
    stage: Stage | str = Stage.LEAD,
    stage_on: str | dt.date | None = None,
    note: str = "",
    signed_investment_wan: Amount = None,
    today: dt.date | None = None,
) -> ProjectDetail:
    """Create a project at ``stage`` (default 线索) reached on ``stage_on`` (default today).

    Reaching a later stage records the stages before it the same day (see
    ``advance_stage``); the returned detail's ``messages`` say so.
    """
    actor = clean_actor(actor)
    today = today or dt.date.today()
    target = _stage(stage)
    if target is Stage.DROPPED:
        raise ValidationError({"stage": "新建项目不能直接为“终止”"})
    on = _parse_on(stage_on, today)
    plan = _plan(lambda: plan_advance([], target, on, note=note, today=today))
    values, new_company = clean_project_values(session, data, None)
    if new_company:
        values["company_id"] = _investor(session, new_company, actor).id
    now = utcnow()
    project = Project(**values, stage=Stage.LEAD.value, updated_by=actor)
    project.created_at = project.updated_at = now
    session.add(project)
    session.flush()
    record_change(
        session,
        entity="project",
        entity_id=project.id,
        parent_id=project.id,
        actor=actor,
        action="create",
        changes=diff({}, values),
        at=now,
    )
    result = _apply(
        session, project, plan, actor, "advance", signed_investment_wan, on=on, note=note
    )
    return replace(get_project_detail(session, project.id), messages=result.messages)


def update_project(
    session: Session,
    project_id: str,
    data: ProjectInput,
    actor: str,
    *,
    expected_updated_at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> ProjectDetail:
    """Save the form. Only changed fields are written and logged; nothing changed, nothing
    written. ``expected_version`` (``ProjectDetail.version``, the row version the form
    loaded) guards against overwriting someone else's edit: ``ConcurrentEditError`` naming
    who changed which fields if the row moved on, also when the other save commits between
    our read and our write (the ORM's ``WHERE version = …``). ``expected_updated_at`` is the
    older, coarser guard on the edit time."""
    actor = clean_actor(actor)
    project = _live(session, project_id)
    if expected_version is not None and project.version != expected_version:
        raise concurrent_edit_error(session, project, expected_version)
    if expected_updated_at is not None and project.updated_at != expected_updated_at:
        raise ConcurrentEditError(
            f"该项目已被{project.updated_by or '他人'}修改（{project.updated_at:%Y-%m-%d %H:%M}），"
            "请重新打开后再编辑"
        )
    values, new_company = clean_project_values(session, data, project)
    if new_company:
        values["company_id"] = _investor(session, new_company, actor).id
    old = {key: getattr(project, key) for key in values}
    changes = diff(old, values)
    if not changes:
        return get_project_detail(session, project_id)
    for key in changes:
        setattr(project, key, values[key])
    project.updated_by = actor
    project.updated_at = utcnow()
    loaded_version = project.version
    try:
        session.flush()
    except StaleDataError:
        # Another connection committed a change after we read the row (PostgreSQL's READ
        # COMMITTED lets both read it): our UPDATE ... WHERE version = … matched nothing.
        session.rollback()
        fresh = _live(session, project_id)
        raise concurrent_edit_error(session, fresh, loaded_version) from None
    record_change(
        session,
        entity="project",
        entity_id=project.id,
        parent_id=project.id,
        actor=actor,
        action="update",
        changes=changes,
        at=project.updated_at,
    )
    return get_project_detail(session, project_id)


def concurrent_edit_error(
    session: Session, project: Project, expected_version: int
) -> ConcurrentEditError:
    """The error for a save based on version ``expected_version`` of ``project``: who changed
    it since and which fields, from the change log (one logged change per row update)."""
    newer = max(1, project.version - expected_version)
    entries = session.scalars(
        select(ChangeLog)
        .where(
            ChangeLog.entity == "project",
            ChangeLog.entity_id == project.id,
            ChangeLog.action != "create",
            ChangeLog.deleted_at.is_(None),
        )
        .order_by(ChangeLog.at.desc(), ChangeLog.id.desc())
        .limit(newer)
    ).all()
    actors: list[str] = []
    labels: list[str] = []
    for entry in entries:
        if entry.actor and entry.actor not in actors:
            actors.append(entry.actor)
        try:
            changed = json.loads(entry.changes or "{}")
        except ValueError:
            changed = {}
        names = list(changed) or ([] if entry.action == "update" else ["stage"])
        for name in names:
            if name in ("updated_at", "updated_by", "search_key"):
                continue
            label = FIELD_LABELS.get(name, name)
            if label not in labels:
                labels.append(label)
    if not actors and project.updated_by:
        actors.append(project.updated_by)
    when = entries[0].at if entries else project.updated_at
    who = "、".join(actors) or "其他用户"
    what = f"，改动了：{'、'.join(labels)}" if labels else ""
    return ConcurrentEditError(
        f"保存未成功：项目“{project.name}”在您打开后已被{who}修改"
        f"（{when.astimezone():%Y-%m-%d %H:%M}）{what}。"
        "您填写的内容仍保留在表单中；请记下要改的内容，关闭后重新打开项目核对再保存，"
        "以免覆盖他人的修改。",
        actors=tuple(actors),
        fields=tuple(labels),
        changed_at=when,
    )


def delete_project(session: Session, project_id: str, actor: str) -> None:
    """Soft delete (a tombstone for sync); the project leaves lists and metrics."""
    actor = clean_actor(actor)
    project = _live(session, project_id)
    project.deleted_at = project.updated_at = utcnow()
    project.updated_by = actor
    record_change(
        session,
        entity="project",
        entity_id=project.id,
        parent_id=project.id,
        actor=actor,
        action="delete",
        changes={"deleted_at": [None, plain(project.deleted_at)]},
        at=project.deleted_at,
    )
    session.flush()


def restore_project(session: Session, project_id: str, actor: str) -> ProjectDetail:
    """Undo ``delete_project``."""
    actor = clean_actor(actor)
    project = session.get(Project, project_id)
    if project is None:
        raise NotFoundError("项目不存在")
    if project.deleted_at is not None:
        was = project.deleted_at
        project.deleted_at = None
        project.updated_at = utcnow()
        project.updated_by = actor
        record_change(
            session,
            entity="project",
            entity_id=project.id,
            parent_id=project.id,
            actor=actor,
            action="restore",
            changes={"deleted_at": [plain(was), None]},
            at=project.updated_at,
        )
        session.flush()
    return get_project_detail(session, project_id)


# ---------------------------------------------------------------- stages


def _stage(value: Stage | str) -> Stage:
    if isinstance(value, Stage):
        return value
    try:
        return stage_from_label(value)
    except ValueError as exc:
        raise ValidationError({"stage": str(exc)}) from None


def _plan(make: Any) -> TransitionPlan:
    try:
        plan: TransitionPlan = make()
    except StageTransitionError as exc:
        raise ValidationError(
            {exc.field: str(exc)}, needs_correction=exc.needs_correction
        ) from None
    return plan


def _signed_amount(value: Amount, project: Project) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        return project.total_investment_wan
    try:
        amount = parse_money_wan(value)
    except FieldError as exc:
        raise ValidationError({"signed_investment_wan": str(exc)}) from None
    return amount if amount is not None else project.total_investment_wan


def _apply(
    session: Session,
    project: Project,
    plan: TransitionPlan,
    actor: str,
    action: str,
    signed_investment: Amount,
    *,
    on: dt.date,
    note: str = "",
    reason: str = "",
    carried_signed: Decimal | None = None,
) -> StageChangeResult:
    now = utcnow()
    signed_amount: Decimal | None = None
    if any(e.stage is Stage.SIGNED for e in plan.new_events):
        signed_amount = (
            carried_signed
            if carried_signed is not None and signed_investment is None
            else _signed_amount(signed_investment, project)
        )
    rows = []
    for ev in plan.new_events:
        row = ProjectStageEvent(
            project_id=project.id,
            stage=ev.stage.value,
            occurred_on=ev.occurred_on,
            kind=ev.kind.value,
            note=ev.note,
            reason=ev.reason,
            recorded_by=actor,
            signed_investment_wan=signed_amount if ev.stage is Stage.SIGNED else None,
        )
        row.created_at = row.updated_at = now
        session.add(row)
        rows.append(row)
    session.flush()
    if plan.supersede_ids:
        session.execute(
            update(ProjectStageEvent)
            .where(ProjectStageEvent.id.in_(plan.supersede_ids))
            .values(deleted_at=now, updated_at=now, superseded_by_id=rows[-1].id)
            .execution_options(synchronize_session="fetch")
        )
    history = _history(session, project.id)
    old = {"stage": project.stage, "signed_on": project.signed_on, "stage_on": project.stage_on}
    new = {
        "stage": plan.after.value,
        "signed_on": signed_on(history),
        "stage_on": stage_since(history),
    }
    project.stage, project.signed_on, project.stage_on = (
        new["stage"],
        new["signed_on"],
        new["stage_on"],
    )
    project.updated_by = actor
    project.updated_at = now
    changes = diff(old, new)
    changes["occurred_on"] = [None, plain(on)]
    if note:
        changes["note"] = [None, note]
    if reason:
        changes["reason"] = [None, reason]
    if signed_amount is not None:
        changes["signed_investment_wan"] = [None, plain(signed_amount)]
    record_change(
        session,
        entity="project",
        entity_id=project.id,
        parent_id=project.id,
        actor=actor,
        action=action,
        changes=changes,
        at=now,
    )
    session.flush()
    return StageChangeResult(
        project.id, plan.before.value, plan.after.value, plan.after.label, plan.messages
    )


def advance_stage(
    session: Session,
    project_id: str,
    stage: Stage | str,
    on: str | dt.date | None,
    note: str,
    actor: str,
    *,
    signed_investment_wan: Amount = None,
    today: dt.date | None = None,
) -> StageChangeResult:
    """Move a project forward to ``stage`` on ``on`` (default today).

    Stages passed over are recorded the same day (messages say so). Going back raises
    ``ValidationError`` with ``needs_correction`` set. ``signed_investment_wan`` (签约
    投资额) defaults to the project's total investment when 签约 is recorded.
    """
    actor = clean_actor(actor)
    today = today or dt.date.today()
    project = _live(session, project_id)
    target, day = _stage(stage), _parse_on(on, today)
    note = (note or "").strip()
    plan = _plan(
        lambda: plan_advance(_history(session, project_id), target, day, note=note, today=today)
    )
    return _apply(
        session, project, plan, actor, "advance", signed_investment_wan, on=day, note=note
    )


def correct_stage(
    session: Session,
    project_id: str,
    stage: Stage | str,
    on: str | dt.date | None,
    reason: str,
    actor: str,
    *,
    note: str = "",
    signed_investment_wan: Amount = None,
    today: dt.date | None = None,
) -> StageChangeResult:
    """Correct the history back to ``stage`` reached on ``on``, with a ``reason``.

    Events of ``stage`` and later stages (and a 终止) are superseded — soft-deleted and
    pointing at the correction — and one correction event records ``stage`` on ``on``.
    On a dropped project this is how it is revived (kind ``revive``). A corrected 签约
    keeps the signed investment of the event it replaces unless one is given.
    """
    actor = clean_actor(actor)
    today = today or dt.date.today()
    project = _live(session, project_id)
    target, day = _stage(stage), _parse_on(on, today)
    history = _history(session, project_id)
    plan = _plan(
        lambda: plan_correction(history, target, day, reason=reason, note=note, today=today)
    )
    carried = None
    if target is Stage.SIGNED:
        carried = session.scalar(
            select(ProjectStageEvent.signed_investment_wan).where(
                ProjectStageEvent.id.in_(plan.supersede_ids),
                ProjectStageEvent.stage == Stage.SIGNED.value,
            )
        )
    action = "revive" if plan.new_events[0].kind is EventKind.REVIVE else "correct"
    return _apply(
        session,
        project,
        plan,
        actor,
        action,
        signed_investment_wan,
        on=day,
        note=plan.new_events[0].note,
        reason=plan.new_events[0].reason,
        carried_signed=carried,
    )


def drop_project(
    session: Session,
    project_id: str,
    on: str | dt.date | None,
    reason: str,
    actor: str,
    *,
    today: dt.date | None = None,
) -> StageChangeResult:
    """终止 a project on ``on`` with a ``reason`` (reversible only by ``correct_stage``)."""
    actor = clean_actor(actor)
    today = today or dt.date.today()
    project = _live(session, project_id)
    day = _parse_on(on, today)
    plan = _plan(lambda: plan_drop(_history(session, project_id), day, reason=reason, today=today))
    return _apply(
        session, project, plan, actor, "drop", None, on=day, reason=plan.new_events[0].reason
    )


def stage_options(session: Session, project_id: str) -> StageOptions:
    """What can be done to a project's stage now (for the kanban's drop targets)."""
    _live(session, project_id)
    return options(_history(session, project_id))


# ---------------------------------------------------------------- derived columns


def rebuild_search_keys(
    session: Session, *, only_missing: bool = True, project_ids: Sequence[str] | None = None
) -> int:
    """Compute every derived column of projects written without the ORM (bulk inserts):
    ``search_key``, ``search_text``, ``investor_name``, ``signed_on`` and ``stage_on``.

    ``only_missing`` limits it to rows whose ``search_key`` or ``search_text`` is NULL
    (never computed);
    ``project_ids`` to those projects. Returns the number of projects updated. After
    more than a thousand, refreshes the planner's statistics of the projects table
    (``ANALYZE projects``). ≈ 11 s of CPU per 100,000 projects on a slow 2-core machine.
    """
    from jianan_desk.services.project_query import refresh_statistics

    t = Project.__table__
    c = Company.__table__
    stmt = select(t.c.id, t.c.name, c.c.name, t.c.location, t.c.notes).select_from(
        t.outerjoin(c, c.c.id == t.c.company_id)
    )
    if only_missing:
        stmt = stmt.where(or_(t.c.search_key.is_(None), t.c.search_text.is_(None)))
    if project_ids is not None:
        stmt = stmt.where(t.c.id.in_(list(project_ids)))
    rows = session.execute(stmt).all()
    if not rows:
        return 0
    wanted = {r[0] for r in rows}
    events = ProjectStageEvent.__table__
    history: dict[str, list[HistoryEvent]] = {}
    ev_stmt = select(events.c.project_id, events.c.stage, events.c.occurred_on).where(
        events.c.deleted_at.is_(None)
    )
    if len(wanted) <= 500:
        ev_stmt = ev_stmt.where(events.c.project_id.in_(sorted(wanted)))
    for pid, stage, occurred_on in session.execute(ev_stmt):
        if pid in wanted:
            history.setdefault(pid, []).append(HistoryEvent(Stage(stage), occurred_on))
    upd = (
        update(t)
        .where(t.c.id == bindparam("pid"))
        .values(
            search_key=bindparam("key"),
            search_text=bindparam("text"),
            investor_name=bindparam("investor"),
            signed_on=bindparam("signed"),
            stage_on=bindparam("since"),
            updated_at=t.c.updated_at,  # derived data: not an edit
        )
    )
    for start in range(0, len(rows), 5000):
        params = []
        for pid, name, investor, location, notes in rows[start : start + 5000]:
            h = history.get(pid, [])
            params.append(
                {
                    "pid": pid,
                    "key": project_search_key(name, investor, location, notes),
                    "text": project_search_text(name, investor, location, notes),
                    "investor": investor or "",
                    "signed": signed_on(h),
                    "since": stage_since(h),
                }
            )
        session.execute(upd, params)
    session.expire_all()
    if len(rows) > 1000:
        refresh_statistics(session)
    return len(rows)


def count_missing_search_keys(session: Session) -> int:
    """Projects whose derived columns were never computed (see ``rebuild_search_keys``)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Project)
            .where(or_(Project.search_key.is_(None), Project.search_text.is_(None)))
        )
        or 0
    )


# ---------------------------------------------------------------- pickers


@dataclass(frozen=True)
class CompanyChoice:
    id: str
    name: str
    city: str


def find_companies(session: Session, text: str, *, limit: int = 20) -> list[CompanyChoice]:
    """Companies whose name contains ``text`` (the form's investor picker), shortest first."""
    from jianan_desk.domain.search import fold

    term = (text or "").strip()
    if not term:
        return []
    like = "%" + _escape(term) + "%"
    folded = "%" + _escape(fold(term)) + "%"
    rows = session.execute(
        select(Company.id, Company.name, Company.city)
        .where(
            Company.deleted_at.is_(None),
            Company.name.like(like, escape="\\")
            | Company.normalized_name.like(folded, escape="\\"),
        )
        .order_by(func.length(Company.name), Company.name)
        .limit(limit)
    ).all()
    return [CompanyChoice(r[0], r[1], r[2]) for r in rows]


def _escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ---------------------------------------------------------------- consistency


def derived_column_findings(session: Session, *, limit: int = 50) -> list[tuple[str, str]]:
    """(rule, message) for projects whose cached ``signed_on``/``stage_on`` disagree with
    their effective events, or whose search key was never computed: for
    ``services.checks`` to report beside its own stage-cache rule."""
    t, e = Project.__table__, ProjectStageEvent.__table__
    history: dict[str, list[HistoryEvent]] = {}
    for pid, stage, day in session.execute(
        select(e.c.project_id, e.c.stage, e.c.occurred_on).where(e.c.deleted_at.is_(None))
    ):
        history.setdefault(pid, []).append(HistoryEvent(Stage(stage), day))
    findings: list[tuple[str, str]] = []
    wrong = 0
    for pid, name, cached_signed, cached_since in session.execute(
        select(t.c.id, t.c.name, t.c.signed_on, t.c.stage_on).where(t.c.deleted_at.is_(None))
    ):
        h = history.get(pid, [])
        if (cached_signed, cached_since) != (signed_on(h), stage_since(h)):
            wrong += 1
            if wrong <= limit:
                findings.append(
                    ("stage_dates", f"项目“{name}”缓存的签约日期或阶段起始日期与阶段记录不符")
                )
    if wrong > limit:
        findings.append(("stage_dates", f"……另有 {wrong - limit} 个项目同类问题未列出"))
    missing = count_missing_search_keys(session)
    if missing:
        findings.append(
            ("search_keys", f"有 {missing} 个项目未生成检索键（批量导入后请重建检索键）")
        )
    return findings
