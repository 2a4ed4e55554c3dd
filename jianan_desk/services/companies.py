"""Companies (客商) and their contacts: create, edit, find duplicates, merge, list, search.

Every call takes a ``Session`` (the caller's unit of work commits); plain data in, plain
dataclasses out. Input the rules refuse raises ``ValidationError`` with a Chinese message
per field (keys: ``CompanyInput``/``ContactInput`` field names, named in
``COMPANY_FIELD_LABELS``); a missing or deleted record raises ``NotFoundError``. Every
change writes one ``change_log`` entry (``services.audit``) stamped with the ``actor``.

Duplicates: names are compared by ``domain.company_names.normalize_company_name`` (the
one normalisation), codes by ``domain.uscc``. ``create_company`` refuses a company whose
统一社会信用代码 another company holds (``DuplicateCompanyError``, level "duplicate") and,
unless ``allow_likely_duplicate``, one whose normalised name another company has (level
"likely"); the error carries the candidates so the form can offer the existing record.

Merging (``merge_companies``) moves every contact, visit, project and target-list entry of
one company to another, tombstones it and records the merge in ``company_merges``.

Contacts are personal information: ``export_safe`` gives the masked view (``domain.masking``)
that every export, report or shared file must use unless the user chose otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, overload

from sqlalchemy import ColumnElement, Select, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from jianan_desk.domain.company_names import company_search_key, normalize_company_name
from jianan_desk.domain.key_index import KeyIndex
from jianan_desk.domain.masking import mask_email, mask_mobile, mask_wechat
from jianan_desk.domain.search import query_terms
from jianan_desk.domain.uscc import UsccError, validate_uscc
from jianan_desk.services.audit import changes_of, clean_actor, diff, plain, record_change
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.store import search_grams
from jianan_desk.store.dialect import POSTGRESQL, backend, ordered
from jianan_desk.store.models import (
    Company,
    CompanyMerge,
    Contact,
    IndustryNode,
    Project,
    TargetCompany,
    Visit,
)
from jianan_desk.store.types import utcnow

COMPANY_FIELD_LABELS: dict[str, str] = {
    "name": "企业名称",
    "uscc": "统一社会信用代码",
    "province": "省份",
    "city": "城市",
    "industry_node_id": "产业",
    "scale": "规模",
    "website": "网站",
    "tags": "标签",
    "notes": "备注",
    "is_local": "本地企业",
    "is_target": "目标企业",
    "company_id": "企业",
    "mobile": "手机",
    "wechat": "微信",
    "email": "邮箱",
    "title": "职务",
    "chain_link_id": "产业链环节",
    "priority": "优先级",
    "follower": "跟进人",
}
LIMITS = {
    "name": 200,
    "province": 50,
    "city": 50,
    "scale": 50,
    "website": 200,
    "title": 100,
    "mobile": 32,
    "wechat": 64,
    "email": 120,
    "follower": 50,
}
CONTACT_NAME_MAX = 50
CHUNK = 5000


def _text(errors: dict[str, str], key: str, value: str | None, *, required: bool = False) -> str:
    text = " ".join((value or "").split()) if key in LIMITS else (value or "").strip()
    if required and not text:
        errors[key] = f"请填写{COMPANY_FIELD_LABELS.get(key, key)}"
    limit = LIMITS.get(key)
    if limit is not None and len(text) > limit:
        errors[key] = f"不能超过 {limit} 个字（现有 {len(text)} 个）"
    return text


# ---------------------------------------------------------------- companies: input/output


@dataclass
class CompanyInput:
    """What the company form edits."""

    name: str = ""
    uscc: str = ""  # optional; checked (GB 32100) and unique when given
    province: str = ""
    city: str = ""
    industry_node_id: str | None = None
    scale: str = ""
    website: str = ""
    tags: str = ""
    notes: str = ""
    is_local: bool = False
    is_target: bool = False


@dataclass(frozen=True)
class DuplicateCandidate:
    """An existing company the new one may be. ``level``: "duplicate" (same 统一社会信用
    代码) or "likely" (same normalised name)."""

    id: str
    name: str
    uscc: str | None
    city: str
    level: str
    reason: str


class DuplicateCompanyError(ValidationError):
    """The company seems to exist already; ``candidates`` are the existing records."""

    def __init__(self, candidates: Sequence[DuplicateCandidate]) -> None:
        self.candidates = tuple(candidates)
        first = self.candidates[0]
        key = "uscc" if first.level == "duplicate" else "name"
        super().__init__({key: first.reason})

    @property
    def certain(self) -> bool:
        """True if a candidate has the same code: the company cannot be created again."""
        return any(c.level == "duplicate" for c in self.candidates)


@dataclass(frozen=True)
class ContactRow:
    id: str
    company_id: str
    name: str
    title: str
    mobile: str
    wechat: str
    email: str
    notes: str


@dataclass(frozen=True)
class CompanyDetail:
    id: str
    name: str
    normalized_name: str
    uscc: str | None
    province: str
    city: str
    industry_node_id: str | None
    industry_name: str
    scale: str
    website: str
    tags: str
    notes: str
    is_local: bool
    is_target: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None
    contacts: tuple[ContactRow, ...]
    visit_count: int
    last_visit_on: dt.date | None
    project_count: int
    target_entry_count: int

    def to_input(self) -> CompanyInput:
        return CompanyInput(
            name=self.name,
            uscc=self.uscc or "",
            province=self.province,
            city=self.city,
            industry_node_id=self.industry_node_id,
            scale=self.scale,
            website=self.website,
            tags=self.tags,
            notes=self.notes,
            is_local=self.is_local,
            is_target=self.is_target,
        )


def _live(session: Session, company_id: str) -> Company:
    company = session.get(Company, company_id)
    if company is None or company.deleted_at is not None:
        raise NotFoundError("企业不存在或已删除")
    return company


def _clean_company(session: Session, data: CompanyInput, current: Company | None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {"name": _text(errors, "name", data.name, required=True)}
    try:
        values["uscc"] = validate_uscc(data.uscc)
    except UsccError as exc:
        errors["uscc"] = str(exc)
        values["uscc"] = None
    for key in ("province", "city", "scale", "website"):
        values[key] = _text(errors, key, getattr(data, key))
    for key in ("tags", "notes"):
        values[key] = _text(errors, key, getattr(data, key))
    values["is_local"] = bool(data.is_local)
    values["is_target"] = bool(data.is_target)
    node_id = data.industry_node_id or None
    if node_id:
        node = session.get(IndustryNode, node_id)
        if node is None or node.deleted_at is not None:
            errors["industry_node_id"] = "所选产业不存在或已删除"
        elif node.retired_on is not None and (
            current is None or current.industry_node_id != node_id
        ):
            errors["industry_node_id"] = f"所选产业“{node.name}”已停用"
    values["industry_node_id"] = node_id
    if values["uscc"] and "uscc" not in errors:
        holder = session.scalar(
            select(Company).where(
                Company.uscc == values["uscc"],
                Company.id != (current.id if current is not None else ""),
            )
        )
        if holder is not None:
            if holder.deleted_at is None:
                errors["uscc"] = f"该统一社会信用代码已属于“{holder.name}”"
            else:
                errors["uscc"] = f"该统一社会信用代码属于已删除或已合并的企业“{holder.name}”"
    if errors:
        raise ValidationError(errors)
    return values


def check_company_input(
    session: Session, data: CompanyInput, company_id: str | None = None
) -> dict[str, str]:
    """The per-field errors a save would raise ({} if none); changes nothing."""
    current = session.get(Company, company_id) if company_id else None
    try:
        _clean_company(session, data, current)
    except ValidationError as exc:
        return exc.errors
    return {}


def find_duplicates(
    session: Session,
    name: str | None,
    uscc: str | None = None,
    *,
    exclude_id: str | None = None,
    limit: int = 20,
) -> list[DuplicateCandidate]:
    """Existing (not deleted) companies the given name/code may be: same code first."""
    found: dict[str, DuplicateCandidate] = {}
    try:
        code = validate_uscc(uscc)
    except UsccError:
        code = None
    live = [Company.deleted_at.is_(None)]
    if exclude_id:
        live.append(Company.id != exclude_id)
    if code:
        for c in session.scalars(select(Company).where(Company.uscc == code, *live)):
            found[c.id] = DuplicateCandidate(
                c.id, c.name, c.uscc, c.city, "duplicate", f"统一社会信用代码与“{c.name}”相同"
            )
    norm = normalize_company_name(name)
    if norm:
        for c in session.scalars(
            select(Company)
            .where(Company.normalized_name == norm, *live)
            .order_by(Company.created_at)
            .limit(limit)
        ):
            if c.id not in found:
                found[c.id] = DuplicateCandidate(
                    c.id, c.name, c.uscc, c.city, "likely", f"可能与已有企业“{c.name}”重复"
                )
    return list(found.values())[:limit]


def create_company(
    session: Session,
    data: CompanyInput,
    actor: str,
    *,
    allow_likely_duplicate: bool = False,
) -> CompanyDetail:
    """Create a company. Raises ``DuplicateCompanyError`` for a same-code company (always)
    or a same-normalised-name one (unless ``allow_likely_duplicate``: the user chose to
    keep both)."""
    actor = clean_actor(actor)
    candidates = find_duplicates(session, data.name, data.uscc)
    certain = [c for c in candidates if c.level == "duplicate"]
    if certain or (candidates and not allow_likely_duplicate):
        raise DuplicateCompanyError(certain or candidates)
    values = _clean_company(session, data, None)
    company = Company(**values)
    session.add(company)
    session.flush()
    record_change(
        session,
        entity="company",
        entity_id=company.id,
        actor=actor,
        action="create",
        changes=diff({}, values),
        at=company.created_at,
    )
    return get_company(session, company.id)


def update_company(
    session: Session, company_id: str, data: CompanyInput, actor: str
) -> CompanyDetail:
    """Save the form; only changed fields are written and logged."""
    actor = clean_actor(actor)
    company = _live(session, company_id)
    values = _clean_company(session, data, company)
    changes = diff({key: getattr(company, key) for key in values}, values)
    if changes:
        for key in changes:
            setattr(company, key, values[key])
        company.updated_at = utcnow()
        session.flush()
        record_change(
            session,
            entity="company",
            entity_id=company.id,
            actor=actor,
            action="update",
            changes=changes,
            at=company.updated_at,
        )
    return get_company(session, company_id)


def delete_company(session: Session, company_id: str, actor: str) -> None:
    """Soft delete (a tombstone for sync). Projects keep pointing at it (they show its
    name); its contacts and target entries are tombstoned with it."""
    actor = clean_actor(actor)
    company = _live(session, company_id)
    now = utcnow()
    company.deleted_at = company.updated_at = now
    for model in (Contact, TargetCompany):
        session.execute(
            update(model)
            .where(model.company_id == company_id, model.deleted_at.is_(None))
            .values(deleted_at=now, updated_at=now)
        )
    record_change(
        session,
        entity="company",
        entity_id=company.id,
        actor=actor,
        action="delete",
        changes={"deleted_at": [None, plain(now)]},
        at=now,
    )
    session.flush()


def get_company(
    session: Session, company_id: str, *, include_deleted: bool = False
) -> CompanyDetail:
    c = session.get(Company, company_id)
    if c is None or (c.deleted_at is not None and not include_deleted):
        raise NotFoundError("企业不存在或已删除")
    visits = session.execute(
        select(func.count(), func.max(Visit.visited_on)).where(
            Visit.company_id == company_id, Visit.deleted_at.is_(None)
        )
    ).one()
    projects = session.scalar(
        select(func.count())
        .select_from(Project)
        .where(Project.company_id == company_id, Project.deleted_at.is_(None))
    )
    targets = session.scalar(
        select(func.count())
        .select_from(TargetCompany)
        .where(TargetCompany.company_id == company_id, TargetCompany.deleted_at.is_(None))
    )
    industry = ""
    if c.industry_node_id:
        industry = (
            session.scalar(select(IndustryNode.name).where(IndustryNode.id == c.industry_node_id))
            or ""
        )
    return CompanyDetail(
        id=c.id,
        name=c.name,
        normalized_name=c.normalized_name,
        uscc=c.uscc,
        province=c.province,
        city=c.city,
        industry_node_id=c.industry_node_id,
        industry_name=industry,
        scale=c.scale,
        website=c.website,
        tags=c.tags,
        notes=c.notes,
        is_local=bool(c.is_local),
        is_target=bool(c.is_target),
        created_at=c.created_at,
        updated_at=c.updated_at,
        deleted_at=c.deleted_at,
        contacts=tuple(list_contacts(session, company_id)),
        visit_count=int(visits[0] or 0),
        last_visit_on=visits[1],
        project_count=int(projects or 0),
        target_entry_count=int(targets or 0),
    )


# ---------------------------------------------------------------- merge


@dataclass(frozen=True)
class MergeResult:
    merge_id: str
    survivor_id: str
    merged_id: str
    moved: dict[str, int]  # table → rows moved


def merge_companies(
    session: Session, survivor_id: str, other_id: str, actor: str, *, note: str = ""
) -> MergeResult:
    """Join ``other`` into ``survivor``: every contact, visit, project and target entry of
    ``other`` moves to ``survivor``; fields the survivor lacks (code, city, industry…) are
    taken from ``other``; ``other`` is tombstoned; the merge is recorded in
    ``company_merges`` and in the change log of both."""
    actor = clean_actor(actor)
    if survivor_id == other_id:
        raise ValidationError({"company_id": "不能把企业与其自身合并"})
    survivor = _live(session, survivor_id)
    other = _live(session, other_id)
    now = utcnow()
    moved_ids: dict[str, list[str]] = {}
    for model in (Contact, Visit, Project, TargetCompany):
        ids = list(
            session.scalars(
                select(model.id).where(model.company_id == other_id, model.deleted_at.is_(None))
            )
        )
        moved_ids[model.__tablename__] = ids
    session.flush()
    # Projects through the ORM (their investor_name/search_key follow the new company);
    # the rest in bulk.
    for project in session.scalars(select(Project).where(Project.company_id == other_id)):
        project.company_id = survivor_id
        project.company = survivor
        project.updated_at = now
        project.updated_by = actor
    for model in (Contact, Visit, TargetCompany):
        session.execute(
            update(model)
            .where(model.company_id == other_id)
            .values(company_id=survivor_id, updated_at=now)
            .execution_options(synchronize_session="fetch")
        )
    session.flush()
    _dedupe_targets(session, survivor_id, now)
    # fill what the survivor lacks
    taken: dict[str, list[Any]] = {}
    merged_uscc = other.uscc
    for key in ("province", "city", "industry_node_id", "scale", "website"):
        if not getattr(survivor, key) and getattr(other, key):
            taken[key] = [plain(getattr(survivor, key)), plain(getattr(other, key))]
            setattr(survivor, key, getattr(other, key))
    for key in ("tags", "notes"):
        theirs = getattr(other, key)
        if theirs and theirs not in getattr(survivor, key):
            new = "\n".join(t for t in (getattr(survivor, key), theirs) if t)
            taken[key] = [plain(getattr(survivor, key)), new]
            setattr(survivor, key, new)
    for key in ("is_local", "is_target"):
        if getattr(other, key) and not getattr(survivor, key):
            taken[key] = [False, True]
            setattr(survivor, key, True)
    other.deleted_at = other.updated_at = now
    if other.uscc:
        other.uscc = None  # the code is unique: it moves to the survivor
        session.flush()
        if not survivor.uscc:
            taken["uscc"] = [None, merged_uscc]
            survivor.uscc = merged_uscc
    survivor.updated_at = now
    merge = CompanyMerge(
        survivor_id=survivor_id,
        merged_id=other_id,
        merged_name=other.name,
        merged_uscc=merged_uscc,
        actor=actor,
        note=(note or "").strip(),
        moved=json.dumps(moved_ids, ensure_ascii=False, sort_keys=True),
        merged_at=now,
    )
    session.add(merge)
    session.flush()
    counts = {table: len(ids) for table, ids in moved_ids.items()}
    record_change(
        session,
        entity="company",
        entity_id=survivor_id,
        actor=actor,
        action="merge",
        changes={"merged_id": [None, other_id], "merged_name": [None, other.name], **taken},
        at=now,
    )
    record_change(
        session,
        entity="company",
        entity_id=other_id,
        actor=actor,
        action="merged_into",
        changes={"survivor_id": [None, survivor_id], "deleted_at": [None, plain(now)]},
        at=now,
    )
    return MergeResult(merge.id, survivor_id, other_id, counts)


def _dedupe_targets(session: Session, company_id: str, now: dt.datetime) -> None:
    """After a merge, one target entry per chain link: the highest priority (lowest number,
    then the oldest) stays, the others are tombstoned with their notes kept on it."""
    entries = session.scalars(
        select(TargetCompany)
        .where(TargetCompany.company_id == company_id, TargetCompany.deleted_at.is_(None))
        .order_by(TargetCompany.priority, TargetCompany.created_at, TargetCompany.id)
    ).all()
    kept: dict[str | None, TargetCompany] = {}
    for entry in entries:
        keep = kept.get(entry.chain_link_id)
        if keep is None:
            kept[entry.chain_link_id] = entry
            continue
        if entry.notes and entry.notes not in keep.notes:
            keep.notes = "\n".join(n for n in (keep.notes, entry.notes) if n)
        keep.follower = keep.follower or entry.follower
        keep.updated_at = now
        entry.deleted_at = entry.updated_at = now


@dataclass(frozen=True)
class MergeRecord:
    id: str
    survivor_id: str
    merged_id: str
    merged_name: str
    merged_uscc: str | None
    actor: str
    note: str
    moved: dict[str, list[str]]
    merged_at: dt.datetime


def merges_of(session: Session, company_id: str) -> list[MergeRecord]:
    """The merges a company took part in (as survivor or as merged), newest first."""
    rows = session.scalars(
        select(CompanyMerge)
        .where(
            CompanyMerge.deleted_at.is_(None),
            or_(CompanyMerge.survivor_id == company_id, CompanyMerge.merged_id == company_id),
        )
        .order_by(CompanyMerge.merged_at.desc())
    ).all()
    return [
        MergeRecord(
            r.id,
            r.survivor_id,
            r.merged_id,
            r.merged_name,
            r.merged_uscc,
            r.actor,
            r.note,
            json.loads(r.moved or "{}"),
            r.merged_at,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class MergePreview:
    """What a merge of two companies would do, for the merge dialog: both records side by
    side and, for each, what would move if the other one survived."""

    first: CompanyDetail
    second: CompanyDetail

    @staticmethod
    def counts(detail: CompanyDetail) -> dict[str, int]:
        """The rows that move away from ``detail`` when it is merged into the other."""
        return {
            "contacts": len(detail.contacts),
            "visits": detail.visit_count,
            "projects": detail.project_count,
            "target_companies": detail.target_entry_count,
        }


MOVED_LABELS = {
    "contacts": "联系人",
    "visits": "拜访记录",
    "projects": "项目",
    "target_companies": "目标企业条目",
}


def merge_preview(session: Session, first_id: str, second_id: str) -> MergePreview:
    """Both companies as they are now (neither may be deleted, nor the same)."""
    if first_id == second_id:
        raise ValidationError({"company_id": "不能把企业与其自身合并"})
    return MergePreview(get_company(session, first_id), get_company(session, second_id))


@dataclass(frozen=True)
class HistoryLine:
    """One line of a company's history: a merge or a change-log entry."""

    at: dt.datetime
    actor: str
    what: str
    detail: str


def company_history(session: Session, company_id: str, *, limit: int = 200) -> list[HistoryLine]:
    """The company's merges and changes (and its contacts'), newest first."""
    lines: list[HistoryLine] = []
    for m in merges_of(session, company_id):
        moved = "，".join(
            f"{MOVED_LABELS.get(k, k)} {len(v)}" for k, v in sorted(m.moved.items()) if v
        )
        what = f"合并了“{m.merged_name}”" if m.survivor_id == company_id else "并入另一企业"
        detail = "；".join(t for t in (f"移入：{moved}" if moved else "", m.note) if t)
        lines.append(HistoryLine(m.merged_at, m.actor, what, detail))
    labels = {"company": "企业", "contact": "联系人", "target_company": "目标企业条目"}
    for e in changes_of(session, company_id, limit=limit):
        if e.action in ("merge", "merged_into"):
            continue  # shown above from company_merges, with the counts
        fields = "、".join(COMPANY_FIELD_LABELS.get(k, k) for k in e.changes)
        what = f"{labels.get(e.entity, e.entity)}：{e.action_label}"
        lines.append(HistoryLine(e.at, e.actor, what, fields))
    lines.sort(key=lambda h: h.at, reverse=True)
    return lines[:limit]


# ---------------------------------------------------------------- list and search


@dataclass
class CompanyFilter:
    """The company list's filters; empty criteria select everything.

    ``last_contact_before_days``: only companies whose last visit is older than that many
    days before ``today`` (never visited counts as older).
    """

    text: str = ""
    cities: Sequence[str] = ()
    industry_node_ids: Sequence[str] = ()  # an industry selects its chain links too
    is_local: bool | None = None
    is_target: bool | None = None
    last_contact_before_days: int | None = None
    today: dt.date | None = None


@dataclass(frozen=True)
class CompanyRow:
    id: str
    name: str
    uscc: str | None
    province: str
    city: str
    industry_node_id: str | None
    industry_name: str
    scale: str
    is_local: bool
    is_target: bool
    last_visit_on: dt.date | None
    updated_at: dt.datetime


SORT_COLUMNS = ("name", "city", "industry_name", "last_visit_on", "updated_at", "uscc")


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _last_visit() -> Any:
    return (
        select(func.max(Visit.visited_on))
        .where(Visit.company_id == Company.id, Visit.deleted_at.is_(None))
        .correlate(Company)
        .scalar_subquery()
    )


def _text_conditions(session: Session, terms: Sequence[str]) -> list[ColumnElement[bool]]:
    """Each term occurs in the live company's search key (a ``LIKE`` each); on PostgreSQL
    the 1–2-character terms also through the gram index (``store.search_grams``, migration
    0009), which finds the same rows without reading every key (pg_trgm needs 3
    characters): a rare short term 60–140 ms → 3–5 ms on 100,000 companies."""
    where = [Company.search_key.like(f"%{_like_escape(t)}%", escape="\\") for t in terms]
    short = search_grams.short_terms(terms, search_grams.SHORT_TERM)
    if short and backend(session.connection()) == POSTGRESQL:
        where.append(search_grams.grams_contain(Company.search_key, short))
    return where


def _conditions(session: Session, f: CompanyFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Company.deleted_at.is_(None)]
    where.extend(_text_conditions(session, query_terms(f.text)))
    if f.cities:
        where.append(Company.city.in_(list(f.cities)))
    if f.industry_node_ids:
        ids = set(f.industry_node_ids)
        ids |= set(session.scalars(select(IndustryNode.id).where(IndustryNode.parent_id.in_(ids))))
        where.append(Company.industry_node_id.in_(sorted(ids)))
    if f.is_local is not None:
        where.append(Company.is_local.is_(f.is_local))
    if f.is_target is not None:
        where.append(Company.is_target.is_(f.is_target))
    if f.last_contact_before_days is not None:
        today = f.today or dt.date.today()
        cutoff = today - dt.timedelta(days=f.last_contact_before_days)
        recent = (
            select(Visit.id)
            .where(
                Visit.company_id == Company.id,
                Visit.deleted_at.is_(None),
                Visit.visited_on >= cutoff,
            )
            .correlate(Company)
            .exists()
        )
        where.append(~recent)
    return where


def count_companies(session: Session, f: CompanyFilter) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Company).where(*_conditions(session, f)))
        or 0
    )


def _rows_query(session: Session, where: Sequence[ColumnElement[bool]]) -> Select[Any]:
    last = _last_visit().label("last_visit_on")
    return (
        select(
            Company.id,
            Company.name,
            Company.uscc,
            Company.province,
            Company.city,
            Company.industry_node_id,
            func.coalesce(IndustryNode.name, "").label("industry_name"),
            Company.scale,
            Company.is_local,
            Company.is_target,
            last,
            Company.updated_at,
        )
        .select_from(Company)
        .outerjoin(IndustryNode, IndustryNode.id == Company.industry_node_id)
        .where(*where)
    )


def _sort_key(sort: str) -> Any:
    """The ORDER BY expression of a list column (``SORT_COLUMNS``)."""
    if sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort column {sort!r}")
    return {
        "name": Company.name,
        "city": Company.city,
        "industry_name": IndustryNode.name,
        "last_visit_on": _last_visit(),
        "updated_at": Company.updated_at,
        "uscc": Company.uscc,
    }[sort]


def _company_row(r: Any) -> CompanyRow:
    return CompanyRow(
        r.id,
        r.name,
        r.uscc,
        r.province,
        r.city,
        r.industry_node_id,
        r.industry_name,
        r.scale,
        bool(r.is_local),
        bool(r.is_target),
        r.last_visit_on,
        r.updated_at,
    )


def list_companies(
    session: Session,
    f: CompanyFilter | None = None,
    *,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
) -> list[CompanyRow]:
    """A page of the company list, sorted (``SORT_COLUMNS``), with each one's last visit."""
    f = f or CompanyFilter()
    key = _sort_key(sort)
    stmt = _rows_query(session, _conditions(session, f))
    stmt = stmt.order_by(ordered(key, descending), Company.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_company_row(r) for r in session.execute(stmt)]


def _ids_stmt(
    session: Session, f: CompanyFilter | None, sort: str, descending: bool, *columns: Any
) -> Select[Any]:
    f = f or CompanyFilter()
    key = _sort_key(sort)
    stmt = select(*columns).where(*_conditions(session, f))
    if sort == "industry_name":
        stmt = stmt.outerjoin(IndustryNode, IndustryNode.id == Company.industry_node_id)
    return stmt.order_by(ordered(key, descending), Company.id)


def fetch_company_ids(
    session: Session, f: CompanyFilter | None = None, sort: str = "name", descending: bool = False
) -> list[str]:
    """Every matching id in display order, for a lazy table model (rows: ``fetch_company_rows``)."""
    return list(session.scalars(_ids_stmt(session, f, sort, descending, Company.id)))


def fetch_company_keys(
    session: Session, f: CompanyFilter | None = None, sort: str = "name", descending: bool = False
) -> list[tuple[str, str]]:
    """``fetch_company_ids`` with each company's search key: (id, key) in display order."""
    stmt = _ids_stmt(session, f, sort, descending, Company.id, Company.search_key)
    return [(r[0], r[1] or "") for r in session.execute(stmt)]


@dataclass(frozen=True)
class CompanyIndex:
    """The companies a list filter selects (its search text aside), in display order, with
    their names and search keys (in a ``KeyIndex``): the 客商 list searches it in memory
    while the user types (``search``), instead of scanning the table per keystroke."""

    ids: list[str]
    names: list[str]
    keys: KeyIndex

    def search(self, text: str, limit: int) -> tuple[list[str], list[str], bool]:
        """The ids and names of the first ``limit`` matches of ``text``, and whether that
        is all of them."""
        positions, complete = self.keys.first(query_terms(text), limit)
        ids, names = self.ids, self.names
        return [ids[p] for p in positions], [names[p] for p in positions], complete

    def find(
        self,
        text: str,
        *,
        check: Callable[[], None] | None = None,
        previous: tuple[str, IdsAt] | None = None,
    ) -> IdsAt:
        """The ids of every match of ``text``, in order (a view over ``ids``).

        ``previous``: the text typed before and this index's answer to it; if ``text``
        narrows it ("xuc" → "xuch"), only those rows are searched.
        """
        terms = query_terms(text)
        if not terms:
            return IdsAt(self.ids, None)
        within = None
        if previous is not None:
            before, answer = previous
            if answer.over(self.ids) and _narrows(terms, query_terms(before)):
                within = answer.positions
        return IdsAt(self.ids, self.keys.find(terms, check=check, within=within))


class IdsAt(Sequence[str]):
    """``ids[positions[i]]`` for each i, without building the list (100,000 ids)."""

    def __init__(self, ids: list[str], positions: list[int] | None) -> None:
        self._ids, self._positions = ids, positions

    def __len__(self) -> int:
        return len(self._ids if self._positions is None else self._positions)

    @property
    def positions(self) -> Sequence[int]:
        return range(len(self._ids)) if self._positions is None else self._positions

    def over(self, ids: list[str]) -> bool:
        """True if this is a view over ``ids`` (the same list object)."""
        return self._ids is ids

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if self._positions is None:
            return self._ids[i]
        ids = self._ids
        if isinstance(i, slice):
            return [ids[p] for p in self._positions[i]]
        return ids[self._positions[i]]


def load_company_index(
    session: Session, f: CompanyFilter | None = None, sort: str = "name", descending: bool = False
) -> CompanyIndex:
    """Every company ``f`` selects without its text, in display order, with its search key
    (one query; 100,000 companies: a few hundred ms; run it off the GUI thread)."""
    base = dataclasses.replace(f or CompanyFilter(), text="")
    stmt = _ids_stmt(session, base, sort, descending, Company.id, Company.name, Company.search_key)
    ids: list[str] = []
    names: list[str] = []
    keys: list[str] = []
    for r in session.execute(stmt):  # streamed into columns: no 100,000 rows held at once
        ids.append(r[0])
        names.append(r[1])
        keys.append(r[2] or "")
    return CompanyIndex(ids, names, KeyIndex(keys))


def fetch_company_rows(session: Session, ids: Sequence[str]) -> list[CompanyRow]:
    """The display rows of ``ids``, in the order given (missing ids left out)."""
    if not ids:
        return []
    stmt = _rows_query(session, [Company.id.in_(list(ids))])
    by_id = {r.id: _company_row(r) for r in session.execute(stmt)}
    return [by_id[i] for i in ids if i in by_id]


@dataclass(frozen=True)
class CompanyChoice:
    """A company for search-as-you-type (quick entry)."""

    id: str
    name: str
    city: str


SEARCH_CANDIDATES = 200
PRIME_ABOVE = 5000  # companies: above this, a typing session loads every search key once


class SearchKey(NamedTuple):
    """A company as search-as-you-type needs it."""

    id: str
    name: str
    city: str
    search_key: str


def _rank(rows: Sequence[SearchKey], first: str, limit: int) -> list[CompanyChoice]:
    ranked = sorted(rows, key=lambda r: (not r.search_key.startswith(first), len(r.name), r.name))
    return [CompanyChoice(r.id, r.name, r.city) for r in ranked[:limit]]


def _keys_query(*where: ColumnElement[bool]) -> Select[Any]:
    # Name order, the same for a LIMIT query and for the whole index (``CompanySearch``
    # relies on it), on every engine. On SQLite the scan reads the covering index
    # ix_companies_search in that order: no sort, and a LIMIT query stops early.
    return (
        select(Company.id, Company.name, Company.city, Company.search_key)
        .where(Company.deleted_at.is_(None), *where)
        .order_by(Company.name, Company.id)
    )


def _candidates(session: Session, terms: Sequence[str], limit: int) -> list[SearchKey]:
    where = _text_conditions(session, terms)
    return [
        SearchKey(r[0], r[1], r[2], r[3] or "")
        for r in session.execute(_keys_query(*where).limit(limit))
    ]


def company_search_index(session: Session) -> list[SearchKey]:
    """Every live company's search key, for ``CompanySearch.prime`` (one scan)."""
    return [SearchKey(r[0], r[1], r[2], r[3] or "") for r in session.execute(_keys_query())]


class SearchIndex:
    """``company_search_index`` with its keys in a ``KeyIndex`` (build it off the GUI
    thread: ``SearchIndex.of(company_search_index(s))``). Kept as plain columns, not
    100,000 tuples, so that the garbage collector has nothing to walk through."""

    def __init__(self, ids: list[str], names: list[str], cities: list[str], keys: KeyIndex):
        self._ids, self._names, self._cities, self.keys = ids, names, cities, keys

    @classmethod
    def of(cls, rows: Sequence[SearchKey]) -> SearchIndex:
        return cls(
            [r.id for r in rows],
            [r.name for r in rows],
            [r.city for r in rows],
            KeyIndex([r.search_key for r in rows]),
        )

    def __len__(self) -> int:
        return len(self._ids)

    def row(self, position: int) -> SearchKey:
        return SearchKey(
            self._ids[position],
            self._names[position],
            self._cities[position],
            self.keys.key(position),
        )


def _filter(rows: Sequence[SearchKey], terms: Sequence[str]) -> list[SearchKey]:
    found = list(rows)
    for term in terms:  # one plain comprehension per term: the fast path in CPython
        found = [r for r in found if term in r.search_key]
    return found


def search_companies(session: Session, text: str, *, limit: int = 20) -> list[CompanyChoice]:
    """Companies matching ``text`` (name or city, pinyin, initials, code), for a completer.

    For search-as-you-type speed the query takes the first ``SEARCH_CANDIDATES`` matches
    in name order (SQLite reads them from the covering index ix_companies_search and stops
    there; PostgreSQL finds them by its trigram index); those are ranked here: keys
    starting with the first term first, then shorter names. ``CompanySearch`` answers the
    next keystrokes of the same typing from the previous answer when it can.

    A rare term has fewer than ``SEARCH_CANDIDATES`` matches, so SQLite reads the whole
    index (``SCAN companies USING COVERING INDEX ix_companies_search``: ~100 ms at
    100,000 companies; ``instr()`` instead of ``LIKE`` is slower still). No b-tree can
    serve ``%term%``: on a big database the typing session primes ``CompanySearch`` with
    a ``SearchIndex`` instead, which answers the same in a few ms.
    """
    terms = query_terms(text)
    if not terms:
        return []
    return _rank(_candidates(session, terms, SEARCH_CANDIDATES), terms[0], limit)


def _narrows(terms: Sequence[str], previous: Sequence[str]) -> bool:
    """True if every key matching ``terms`` also matches ``previous`` (each previous term
    is inside one of the new terms: "san" → "sanj", "深圳" → "深圳 科技")."""
    return all(any(p in t for t in terms) for p in previous)


class CompanySearch:
    """Search-as-you-type over one typing session (a completer, a dialog).

    A keystroke that narrows the previous text ("san" → "sanj") is answered from the
    previous answer, in Python, when that answer was complete (fewer matches than
    ``SEARCH_CANDIDATES``, or taken from the primed index): no full scan of the table for
    the rare terms that are the slow case. On a big database the dialog also ``prime``s
    it with every search key (a ``SearchIndex``, loaded off the GUI thread), after which
    no keystroke queries: the index finds the first matches in name order by searching
    all keys joined into one text (``domain.key_index``). Call ``reset()`` when companies
    changed (the hub announced them): it forgets the answers and the index.
    """

    def __init__(self, *, limit: int = 20) -> None:
        self.limit = limit
        self._terms: list[str] | None = None
        self._rows: list[SearchKey] | None = None
        self._index: SearchIndex | None = None
        self.hits = 0  # keystrokes answered in memory (for tests and benchmarks)
        self.generation = 0  # bumped by reset(): an index loaded before is stale

    @property
    def primed(self) -> bool:
        return self._index is not None

    def prime(
        self, index: SearchIndex | Sequence[SearchKey] | None, generation: int | None = None
    ) -> None:
        """Use ``index`` (a ``SearchIndex``, or ``company_search_index`` rows) from now on,
        unless it was loaded before the last ``reset`` (``generation`` taken when the load
        started)."""
        if index is not None and generation in (None, self.generation):
            self._index = index if isinstance(index, SearchIndex) else SearchIndex.of(index)

    def reset(self) -> None:
        self._terms = self._rows = self._index = None
        self.generation += 1

    def search(self, session: Session, text: str) -> list[CompanyChoice]:
        terms = query_terms(text)
        if not terms:
            return []
        if self._rows is not None and self._terms is not None and _narrows(terms, self._terms):
            rows = _filter(self._rows, terms)
            self.hits += 1
        elif self._index is not None:
            # like the query: the first SEARCH_CANDIDATES matches in name order
            positions, complete = self._index.keys.first(terms, SEARCH_CANDIDATES)
            rows = [self._index.row(p) for p in positions]
            self.hits += 1
            if not complete:
                self._terms = self._rows = None  # not complete: cannot narrow from it
                return _rank(rows, terms[0], self.limit)
        else:
            rows = _candidates(session, terms, SEARCH_CANDIDATES + 1)
            if len(rows) > SEARCH_CANDIDATES:
                self._terms = self._rows = None  # not complete: cannot narrow from it
                return _rank(rows[:SEARCH_CANDIDATES], terms[0], self.limit)
        self._terms, self._rows = terms, rows
        # rank the first SEARCH_CANDIDATES in name order, as the query without the index
        return _rank(rows[:SEARCH_CANDIDATES], terms[0], self.limit)


def city_choices(session: Session) -> list[str]:
    """The cities companies are in, for the filter widget."""
    return list(
        session.scalars(
            select(Company.city)
            .where(Company.deleted_at.is_(None), Company.city != "")
            .group_by(Company.city)
            .order_by(Company.city)
        )
    )


def rebuild_company_keys(session: Session, *, only_missing: bool = False) -> int:
    """Recompute ``normalized_name`` and ``search_key`` of companies written in bulk (the
    ORM events keep them for ORM writes). Returns the number of rows written."""
    t = Company.__table__
    stmt = select(t.c.id, t.c.name, t.c.city, t.c.uscc, t.c.tags)
    if only_missing:
        stmt = stmt.where(t.c.search_key.is_(None))
    rows = session.execute(stmt).all()
    upd = (
        update(t)
        .where(t.c.id == bindparam("cid"))
        .values(
            normalized_name=bindparam("norm"),
            search_key=bindparam("key"),
            updated_at=t.c.updated_at,
        )
    )
    for start in range(0, len(rows), CHUNK):
        session.connection().execute(
            upd,
            [
                {
                    "cid": r.id,
                    "norm": normalize_company_name(r.name)[:200],
                    "key": company_search_key(r.name, r.city, r.uscc, r.tags),
                }
                for r in rows[start : start + CHUNK]
            ],
        )
    return len(rows)


# ---------------------------------------------------------------- contacts


@dataclass
class ContactInput:
    name: str = ""
    title: str = ""
    mobile: str = ""
    wechat: str = ""
    email: str = ""
    notes: str = ""


def _clean_contact(data: ContactInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {"name": " ".join((data.name or "").split())}
    if not values["name"]:
        errors["name"] = "请填写联系人姓名"
    elif len(values["name"]) > CONTACT_NAME_MAX:
        errors["name"] = f"不能超过 {CONTACT_NAME_MAX} 个字"
    for key in ("title", "mobile", "wechat", "email"):
        values[key] = _text(errors, key, getattr(data, key))
    values["notes"] = (data.notes or "").strip()
    mobile = values["mobile"]
    if mobile and len([ch for ch in mobile if ch.isdigit()]) < 7:
        errors["mobile"] = "电话号码位数不足"
    email = values["email"]
    if email and ("@" not in email or "." not in email.rpartition("@")[2]):
        errors["email"] = "邮箱格式不正确"
    if errors:
        raise ValidationError(errors)
    return values


def check_contact_input(data: ContactInput) -> dict[str, str]:
    """The per-field errors saving ``data`` would raise ({} if none)."""
    try:
        _clean_contact(data)
    except ValidationError as exc:
        return exc.errors
    return {}


def _contact_row(c: Contact) -> ContactRow:
    return ContactRow(c.id, c.company_id, c.name, c.title, c.mobile, c.wechat, c.email, c.notes)


def add_contact(session: Session, company_id: str, data: ContactInput, actor: str) -> ContactRow:
    actor = clean_actor(actor)
    _live(session, company_id)
    values = _clean_contact(data)
    contact = Contact(company_id=company_id, **values)
    session.add(contact)
    session.flush()
    record_change(
        session,
        entity="contact",
        entity_id=contact.id,
        parent_id=company_id,
        actor=actor,
        action="create",
        changes=diff({}, {"name": values["name"]}),  # no personal data in the log
    )
    return _contact_row(contact)


def _live_contact(session: Session, contact_id: str) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise NotFoundError("联系人不存在或已删除")
    return contact


def update_contact(session: Session, contact_id: str, data: ContactInput, actor: str) -> ContactRow:
    actor = clean_actor(actor)
    contact = _live_contact(session, contact_id)
    values = _clean_contact(data)
    changes = diff({k: getattr(contact, k) for k in values}, values)
    if changes:
        for key in changes:
            setattr(contact, key, values[key])
        contact.updated_at = utcnow()
        session.flush()
        # The log names which fields changed, masked: it is shared with sync.
        record_change(
            session,
            entity="contact",
            entity_id=contact.id,
            parent_id=contact.company_id,
            actor=actor,
            action="update",
            changes={k: [_masked(k, v[0]), _masked(k, v[1])] for k, v in changes.items()},
        )
    return _contact_row(contact)


def _masked(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return {"mobile": mask_mobile, "wechat": mask_wechat, "email": mask_email}.get(
        key, lambda v: v
    )(value)


def delete_contact(session: Session, contact_id: str, actor: str) -> None:
    actor = clean_actor(actor)
    contact = _live_contact(session, contact_id)
    contact.deleted_at = contact.updated_at = utcnow()
    record_change(
        session,
        entity="contact",
        entity_id=contact.id,
        parent_id=contact.company_id,
        actor=actor,
        action="delete",
        changes={"deleted_at": [None, plain(contact.deleted_at)]},
    )
    session.flush()


def list_contacts(session: Session, company_id: str) -> list[ContactRow]:
    rows = session.scalars(
        select(Contact)
        .where(Contact.company_id == company_id, Contact.deleted_at.is_(None))
        .order_by(Contact.created_at, Contact.id)
    ).all()
    return [_contact_row(c) for c in rows]


@dataclass(frozen=True)
class SafeContact:
    """A contact as it may leave the program: mobile, WeChat and email masked."""

    id: str
    company_id: str
    name: str
    title: str
    mobile: str
    wechat: str
    email: str


def export_safe(contacts: Sequence[ContactRow], *, reveal: bool = False) -> list[SafeContact]:
    """The view of ``contacts`` every export, report and shared file uses: masked unless
    the user explicitly chose ``reveal`` (notes are left out: free text may hold anything)."""
    return [
        SafeContact(
            c.id,
            c.company_id,
            c.name,
            c.title,
            c.mobile if reveal else mask_mobile(c.mobile),
            c.wechat if reveal else mask_wechat(c.wechat),
            c.email if reveal else mask_email(c.email),
        )
        for c in contacts
    ]


# ---------------------------------------------------------------- target-company list


@dataclass
class TargetInput:
    """An entry of a chain link's target-company list (目标企业清单)."""

    company_id: str = ""
    chain_link_id: str | None = None
    priority: int = 2  # 1 重点, 2 一般, 3 储备
    city: str = ""  # default: the company's city
    follower: str = ""
    notes: str = ""


@dataclass(frozen=True)
class TargetRow:
    id: str
    company_id: str
    company_name: str
    chain_link_id: str | None
    chain_link_name: str
    priority: int
    city: str
    follower: str
    notes: str
    last_visit_on: dt.date | None


PRIORITY_LABELS = {1: "重点", 2: "一般", 3: "储备"}


def _clean_target(session: Session, data: TargetInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    company = session.get(Company, data.company_id) if data.company_id else None
    if company is None or company.deleted_at is not None:
        errors["company_id"] = "请选择企业"
    link_id = data.chain_link_id or None
    if link_id:
        link = session.get(IndustryNode, link_id)
        if link is None or link.deleted_at is not None:
            errors["chain_link_id"] = "所选产业链环节不存在或已删除"
        elif link.level != "link":
            errors["chain_link_id"] = "所选节点不是产业链环节"
    if data.priority not in PRIORITY_LABELS:
        errors["priority"] = "优先级应为 1（重点）、2（一般）或 3（储备）"
    city = _text(errors, "city", data.city) or (company.city if company is not None else "")
    follower = _text(errors, "follower", data.follower)
    if errors:
        raise ValidationError(errors)
    return {
        "company_id": data.company_id,
        "chain_link_id": link_id,
        "priority": data.priority,
        "city": city,
        "follower": follower,
        "notes": (data.notes or "").strip(),
    }


def add_target(session: Session, data: TargetInput, actor: str) -> TargetRow:
    """Put a company on a chain link's target list (and mark it a target company)."""
    actor = clean_actor(actor)
    values = _clean_target(session, data)
    entry = TargetCompany(**values)
    session.add(entry)
    company = session.get(Company, values["company_id"])
    assert company is not None
    if not company.is_target:
        company.is_target = True
        company.updated_at = utcnow()
    session.flush()
    record_change(
        session,
        entity="target_company",
        entity_id=entry.id,
        parent_id=values["company_id"],
        actor=actor,
        action="create",
        changes=diff({}, values),
    )
    return _targets(session, [TargetCompany.id == entry.id])[0]


def update_target(session: Session, target_id: str, data: TargetInput, actor: str) -> TargetRow:
    actor = clean_actor(actor)
    entry = session.get(TargetCompany, target_id)
    if entry is None or entry.deleted_at is not None:
        raise NotFoundError("目标企业条目不存在或已删除")
    values = _clean_target(session, data)
    changes = diff({k: getattr(entry, k) for k in values}, values)
    if changes:
        for key in changes:
            setattr(entry, key, values[key])
        entry.updated_at = utcnow()
        session.flush()
        record_change(
            session,
            entity="target_company",
            entity_id=entry.id,
            parent_id=entry.company_id,
            actor=actor,
            action="update",
            changes=changes,
        )
    return _targets(session, [TargetCompany.id == entry.id])[0]


def delete_target(session: Session, target_id: str, actor: str) -> None:
    actor = clean_actor(actor)
    entry = session.get(TargetCompany, target_id)
    if entry is None or entry.deleted_at is not None:
        raise NotFoundError("目标企业条目不存在或已删除")
    entry.deleted_at = entry.updated_at = utcnow()
    record_change(
        session,
        entity="target_company",
        entity_id=entry.id,
        parent_id=entry.company_id,
        actor=actor,
        action="delete",
        changes={"deleted_at": [None, plain(entry.deleted_at)]},
    )
    session.flush()


def _targets(session: Session, where: Sequence[ColumnElement[bool]]) -> list[TargetRow]:
    last = (
        select(func.max(Visit.visited_on))
        .where(Visit.company_id == TargetCompany.company_id, Visit.deleted_at.is_(None))
        .correlate(TargetCompany)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            TargetCompany,
            Company.name,
            func.coalesce(IndustryNode.name, ""),
            last,
        )
        .join(Company, Company.id == TargetCompany.company_id)
        .outerjoin(IndustryNode, IndustryNode.id == TargetCompany.chain_link_id)
        .where(TargetCompany.deleted_at.is_(None), *where)
        .order_by(TargetCompany.priority, Company.name)
    ).all()
    return [
        TargetRow(
            t.id,
            t.company_id,
            cname,
            t.chain_link_id,
            lname,
            t.priority,
            t.city,
            t.follower,
            t.notes,
            lv,
        )
        for t, cname, lname, lv in rows
    ]


def list_targets(
    session: Session,
    *,
    chain_link_id: str | None = None,
    company_id: str | None = None,
    untouched_days: int | None = None,
    today: dt.date | None = None,
) -> list[TargetRow]:
    """Target-list entries (by priority), of a chain link or a company; with
    ``untouched_days``, only those whose company was not visited for that long."""
    where: list[ColumnElement[bool]] = []
    if chain_link_id:
        where.append(TargetCompany.chain_link_id == chain_link_id)
    if company_id:
        where.append(TargetCompany.company_id == company_id)
    rows = _targets(session, where)
    if untouched_days is not None:
        cutoff = (today or dt.date.today()) - dt.timedelta(days=untouched_days)
        rows = [r for r in rows if r.last_visit_on is None or r.last_visit_on < cutoff]
    return rows


__all__ = [
    "COMPANY_FIELD_LABELS",
    "CompanyChoice",
    "CompanyDetail",
    "CompanyFilter",
    "CompanyIndex",
    "CompanyInput",
    "CompanyRow",
    "CompanySearch",
    "ContactInput",
    "ContactRow",
    "DuplicateCandidate",
    "DuplicateCompanyError",
    "HistoryLine",
    "IdsAt",
    "MergePreview",
    "MergeRecord",
    "MergeResult",
    "SafeContact",
    "SearchIndex",
    "SearchKey",
    "TargetInput",
    "TargetRow",
    "add_contact",
    "add_target",
    "check_company_input",
    "check_contact_input",
    "city_choices",
    "company_history",
    "company_search_index",
    "count_companies",
    "create_company",
    "delete_company",
    "delete_contact",
    "delete_target",
    "export_safe",
    "fetch_company_ids",
    "fetch_company_keys",
    "fetch_company_rows",
    "find_duplicates",
    "get_company",
    "list_companies",
    "list_contacts",
    "list_targets",
    "load_company_index",
    "merge_companies",
    "merge_preview",
    "merges_of",
    "rebuild_company_keys",
    "search_companies",
    "update_company",
    "update_contact",
    "update_target",
]
