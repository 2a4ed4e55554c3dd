"""Target-company lists (目标企业清单) of the chain links: status, staleness, import, export.

An entry (``store.models.TargetCompany``) puts a company on a chain link's list with a
priority (1/2/3 shown as A/B/C), the city, why it is worth approaching (reason), who follows
it (follower = owner) and a status (``TARGET_STATUSES``: 未接触/已接触/在谈/已签约/放弃).
The last contact is never typed in: it is the latest visit (``visits.visited_on``) of the
entry's company on or before the day asked about.

A target is *stale* when it is still open (not 已签约/放弃) and its company was not met for
more than N days (setting ``target_stale_days``, default 90) — or never met at all.

Base validation of an entry (company, link, priority, city, follower) is shared with the
客商 page through ``services.companies``; this module adds status and reason, the
staleness queries, and a column-mapped Excel import/export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from jianan_desk.services.audit import clean_actor, diff, record_change
from jianan_desk.services.companies import TargetInput, _clean_target
from jianan_desk.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from jianan_desk.store.models import (
    TARGET_STATUSES,
    Company,
    IndustryNode,
    TargetCompany,
    Visit,
)
from jianan_desk.store.types import utcnow

PRIORITY_CODES: dict[int, str] = {1: "A", 2: "B", 3: "C"}
PRIORITY_FROM_CODE: dict[str, int] = {v: k for k, v in PRIORITY_CODES.items()}
STATUS_LABELS: dict[str, str] = {
    "untouched": "未接触",
    "contacted": "已接触",
    "negotiating": "在谈",
    "signed": "已签约",
    "dropped": "放弃",
}
OPEN_STATUSES: tuple[str, ...] = ("untouched", "contacted", "negotiating")
DEFAULT_STALE_DAYS = 90


def priority_code(priority: int) -> str:
    """1/2/3 → "A"/"B"/"C"."""
    return PRIORITY_CODES.get(priority, "B")


# ---------------------------------------------------------------- stale targets


@dataclass(frozen=True)
class StaleTarget:
    id: str
    company_name: str
    chain_link_name: str
    priority: str  # "A" / "B" / "C"
    follower: str
    last_contact_on: dt.date | None
    days_since: int | None  # None: never contacted
    chain_link_id: str | None = None


def _last_contact(as_of: dt.date | None) -> Any:
    """Correlated scalar subquery: the latest visit of the entry's company (≤ as_of)."""
    q = select(func.max(Visit.visited_on)).where(
        Visit.company_id == TargetCompany.company_id, Visit.deleted_at.is_(None)
    )
    if as_of is not None:
        q = q.where(Visit.visited_on <= as_of)
    return q.correlate(TargetCompany).scalar_subquery()


def list_stale_targets(
    session: Session, as_of: dt.date, days: int = DEFAULT_STALE_DAYS, limit: int = 50
) -> list[StaleTarget]:
    """Open targets (not signed/dropped) whose company was not contacted for more than
    ``days`` days before ``as_of``: never contacted first, then the longest untouched;
    ties by priority (A first) and company name. At most ``limit`` rows."""
    last = _last_contact(as_of).label("last_contact")
    cutoff = as_of - dt.timedelta(days=days)
    stmt = (
        select(
            TargetCompany.id,
            Company.name,
            func.coalesce(IndustryNode.name, ""),
            TargetCompany.priority,
            TargetCompany.follower,
            last,
            TargetCompany.chain_link_id,
        )
        .join(Company, Company.id == TargetCompany.company_id)
        .outerjoin(IndustryNode, IndustryNode.id == TargetCompany.chain_link_id)
        .where(
            TargetCompany.deleted_at.is_(None),
            Company.deleted_at.is_(None),
            TargetCompany.status.in_(OPEN_STATUSES),
        )
        .subquery()
    )
    lc = stmt.c.last_contact
    rows = session.execute(
        select(stmt)
        .where((lc.is_(None)) | (lc < cutoff))
        .order_by(
            case((lc.is_(None), 0), else_=1),
            lc,
            stmt.c.priority,
            stmt.c.name,
            stmt.c.id,
        )
        .limit(limit)
    ).all()
    return [
        StaleTarget(
            id=r[0],
            company_name=r[1],
            chain_link_name=r[2],
            priority=priority_code(r[3]),
            follower=r[4],
            last_contact_on=r[5],
            days_since=None if r[5] is None else (as_of - r[5]).days,
            chain_link_id=r[6],
        )
        for r in rows
    ]


# ---------------------------------------------------------------- list and edit


@dataclass
class TargetEntryInput:
    """What the target-list editor edits (company and link chosen elsewhere)."""

    company_id: str = ""
    chain_link_id: str | None = None
    priority: int = 2  # 1 = A, 2 = B, 3 = C
    city: str = ""
    follower: str = ""
    status: str = "untouched"
    reason: str = ""
    notes: str = ""


@dataclass(frozen=True)
class TargetEntry:
    id: str
    company_id: str
    company_name: str
    chain_link_id: str | None
    chain_link_name: str
    industry_name: str
    priority: int
    city: str
    follower: str
    status: str
    reason: str
    notes: str
    last_contact_on: dt.date | None
    days_since: int | None
    stale: bool
    version: int = 1  # the row version loaded (optimistic concurrency)

    @property
    def priority_code(self) -> str:
        return priority_code(self.priority)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    def to_input(self) -> TargetEntryInput:
        return TargetEntryInput(
            company_id=self.company_id,
            chain_link_id=self.chain_link_id,
            priority=self.priority,
            city=self.city,
            follower=self.follower,
            status=self.status,
            reason=self.reason,
            notes=self.notes,
        )


def _clean(session: Session, data: TargetEntryInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    try:
        values = _clean_target(
            session,
            TargetInput(
                company_id=data.company_id,
                chain_link_id=data.chain_link_id,
                priority=data.priority,
                city=data.city,
                follower=data.follower,
                notes=data.notes,
            ),
        )
    except ValidationError as exc:
        errors.update(exc.errors)
        values = {}
    if data.status not in TARGET_STATUSES:
        errors["status"] = "状态应为：" + "、".join(STATUS_LABELS.values())
    if errors:
        raise ValidationError(errors)
    values["status"] = data.status
    values["reason"] = (data.reason or "").strip()
    return values


def _entries(
    session: Session,
    where: Sequence[ColumnElement[bool]],
    *,
    as_of: dt.date,
    stale_days: int,
) -> list[TargetEntry]:
    last = _last_contact(as_of)
    Industry = IndustryNode.__table__.alias("industry")
    t = TargetCompany
    rows = session.execute(
        select(
            t.id,
            t.company_id,
            t.chain_link_id,
            t.priority,
            t.city,
            t.follower,
            t.status,
            t.reason,
            t.notes,
            t.version,
            Company.name,
            func.coalesce(IndustryNode.name, ""),
            func.coalesce(Industry.c.name, ""),
            last,
        )
        .join(Company, Company.id == TargetCompany.company_id)
        .outerjoin(IndustryNode, IndustryNode.id == TargetCompany.chain_link_id)
        .outerjoin(Industry, Industry.c.id == IndustryNode.parent_id)
        .where(TargetCompany.deleted_at.is_(None), Company.deleted_at.is_(None), *where)
        .order_by(TargetCompany.priority, Company.name, TargetCompany.id)
    ).all()
    out = []
    for r in rows:
        lv = r[-1]
        days_since = None if lv is None else (as_of - lv).days
        stale = r.status in OPEN_STATUSES and (days_since is None or days_since > stale_days)
        out.append(
            TargetEntry(
                r.id, r.company_id, r[10], r.chain_link_id, r[11], r[12], r.priority, r.city,
                r.follower, r.status, r.reason, r.notes, lv, days_since, stale, r.version,
            )
        )  # fmt: skip
    return out


def list_target_entries(
    session: Session,
    *,
    chain_link_ids: Sequence[str] | None = None,
    company_id: str | None = None,
    statuses: Sequence[str] | None = None,
    as_of: dt.date | None = None,
    stale_days: int = DEFAULT_STALE_DAYS,
    stale_only: bool = False,
) -> list[TargetEntry]:
    """Target-list entries (A first, then by company name), with last contact and
    staleness as of ``as_of`` (default today)."""
    where: list[ColumnElement[bool]] = []
    if chain_link_ids is not None:
        where.append(TargetCompany.chain_link_id.in_(list(chain_link_ids)))
    if company_id:
        where.append(TargetCompany.company_id == company_id)
    if statuses is not None:
        where.append(TargetCompany.status.in_(list(statuses)))
    rows = _entries(session, where, as_of=as_of or dt.date.today(), stale_days=stale_days)
    if stale_only:
        rows = [r for r in rows if r.stale]
    return rows


def get_target_entry(
    session: Session, target_id: str, *, as_of: dt.date | None = None
) -> TargetEntry:
    rows = _entries(
        session,
        [TargetCompany.id == target_id],
        as_of=as_of or dt.date.today(),
        stale_days=DEFAULT_STALE_DAYS,
    )
    if not rows:
        raise NotFoundError("目标企业条目不存在或已删除")
    return rows[0]


def create_target_entry(session: Session, data: TargetEntryInput, actor: str) -> TargetEntry:
    """Put a company on a chain link's target list (and mark the company a target)."""
    actor = clean_actor(actor)
    values = _clean(session, data)
    entry = TargetCompany(**values)
    session.add(entry)
    company = session.get(Company, values["company_id"])
    assert company is not None
    if not company.is_target:
        company.is_target = True
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
    return get_target_entry(session, entry.id)


def update_target_entry(
    session: Session,
    target_id: str,
    data: TargetEntryInput,
    actor: str,
    *,
    expected_version: int | None = None,
) -> TargetEntry:
    """Save an edited entry. With ``expected_version`` (the ``version`` the form loaded), a
    row changed by someone else since is refused with ``ConcurrentEditError``."""
    actor = clean_actor(actor)
    entry = session.get(TargetCompany, target_id)
    if entry is None or entry.deleted_at is not None:
        raise NotFoundError("目标企业条目不存在或已删除")
    if expected_version is not None and entry.version != expected_version:
        raise ConcurrentEditError("该目标企业条目已被他人修改：请关闭后重新打开，再作修改")
    values = _clean(session, data)
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
    return get_target_entry(session, entry.id)


def set_target_status(
    session: Session, target_id: str, status: str, actor: str, *, reason: str | None = None
) -> TargetEntry:
    """Change only the status (and optionally the reason) of an entry."""
    current = get_target_entry(session, target_id)
    data = current.to_input()
    data.status = status
    if reason is not None:
        data.reason = reason
    return update_target_entry(session, target_id, data, actor)


# ---------------------------------------------------------------- Excel import / export

# Column header → field. Several spellings per field; matched after stripping spaces.
IMPORT_HEADERS: dict[str, tuple[str, ...]] = {
    "company_name": ("企业名称", "目标企业", "企业", "公司名称"),
    "chain_link": ("产业链环节", "环节", "链条环节"),
    "priority": ("优先级", "等级"),
    "city": ("城市", "所在城市", "所在地"),
    "reason": ("理由", "招引理由", "推荐理由"),
    "follower": ("跟进人", "负责人", "责任人"),
    "status": ("状态", "对接状态"),
    "notes": ("备注",),
}
EXPORT_HEADERS: tuple[str, ...] = (
    "企业名称",
    "产业",
    "产业链环节",
    "优先级",
    "城市",
    "理由",
    "跟进人",
    "状态",
    "最近接触",
    "未接触天数",
    "备注",
)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    companies_created: int = 0
    errors: list[str] = field(default_factory=list)  # "第 N 行：…"


def _map_columns(header: Sequence[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = "".join(str(cell or "").split())
        for key, names in IMPORT_HEADERS.items():
            if key not in found and text in names:
                found[key] = index
    return found


def _parse_priority(text: str) -> int | None:
    t = text.strip().upper()
    if not t:
        return 2
    if t in PRIORITY_FROM_CODE:
        return PRIORITY_FROM_CODE[t]
    for code, value in (("重点", 1), ("一般", 2), ("储备", 3), ("高", 1), ("中", 2), ("低", 3)):
        if t == code:
            return value
    if t in ("1", "2", "3"):
        return int(t)
    return None


def _parse_status(text: str) -> str | None:
    t = text.strip()
    if not t:
        return "untouched"
    if t in TARGET_STATUSES:
        return t
    for code, label in STATUS_LABELS.items():
        if t == label:
            return code
    return None


def _link_lookup(session: Session) -> dict[str, str]:
    """Link name (and "产业·环节" / code) → id, for live links."""
    Industry = IndustryNode.__table__.alias("industry")
    rows = session.execute(
        select(IndustryNode.id, IndustryNode.name, IndustryNode.code, Industry.c.name)
        .outerjoin(Industry, Industry.c.id == IndustryNode.parent_id)
        .where(IndustryNode.level == "link", IndustryNode.deleted_at.is_(None))
    ).all()
    out: dict[str, str] = {}
    for link_id, name, code, industry in rows:
        out.setdefault(name, link_id)
        out[code] = link_id
        if industry:
            out[f"{industry}·{name}"] = link_id
            out[f"{industry}/{name}"] = link_id
    return out


def import_target_rows(
    session: Session,
    rows: Sequence[Sequence[Any]],
    actor: str,
    *,
    default_link_id: str | None = None,
) -> ImportResult:
    """Import target-list entries from rows whose first row is the header.

    Columns are found by header name (``IMPORT_HEADERS``). A company is found by exact or
    normalised name, else created (as a target company). An entry already on the same
    link for the same company is updated, not duplicated. Rows with errors are skipped and
    reported ("第 N 行：…", N counted as in the sheet); the others are imported.
    """
    from jianan_desk.domain.company_names import normalize_company_name
    from jianan_desk.services.companies import CompanyInput, create_company

    actor = clean_actor(actor)
    result = ImportResult()
    if not rows:
        result.errors.append("表格为空")
        return result
    columns = _map_columns(rows[0])
    if "company_name" not in columns:
        result.errors.append("未找到“企业名称”列")
        return result
    if "chain_link" not in columns and default_link_id is None:
        result.errors.append("未找到“产业链环节”列")
        return result
    links = _link_lookup(session)

    def cell(row: Sequence[Any], key: str) -> str:
        index = columns.get(key)
        if index is None or index >= len(row) or row[index] is None:
            return ""
        return str(row[index]).strip()

    for number, row in enumerate(rows[1:], start=2):
        name = cell(row, "company_name")
        if not name:
            continue
        problems: list[str] = []
        link_text = cell(row, "chain_link")
        link_id = links.get("".join(link_text.split())) if link_text else default_link_id
        if link_id is None:
            problems.append(f"产业链环节“{link_text}”不存在")
        priority = _parse_priority(cell(row, "priority"))
        if priority is None:
            problems.append(f"优先级“{cell(row, 'priority')}”应为 A/B/C")
        status = _parse_status(cell(row, "status"))
        if status is None:
            problems.append(f"状态“{cell(row, 'status')}”无法识别")
        if problems:
            result.errors.append(f"第 {number} 行：" + "；".join(problems))
            continue
        assert priority is not None and status is not None
        company_id = session.scalar(
            select(Company.id)
            .where(Company.deleted_at.is_(None), Company.name == name)
            .order_by(Company.created_at)
            .limit(1)
        ) or session.scalar(
            select(Company.id)
            .where(
                Company.deleted_at.is_(None),
                Company.normalized_name == normalize_company_name(name),
            )
            .order_by(Company.created_at)
            .limit(1)
        )
        try:
            with session.begin_nested():
                if company_id is None:
                    company = create_company(
                        session,
                        CompanyInput(name=name, city=cell(row, "city"), is_target=True),
                        actor,
                        allow_likely_duplicate=True,
                    )
                    company_id = company.id
                    result.companies_created += 1
                data = TargetEntryInput(
                    company_id=company_id,
                    chain_link_id=link_id,
                    priority=priority,
                    city=cell(row, "city"),
                    follower=cell(row, "follower"),
                    status=status,
                    reason=cell(row, "reason"),
                    notes=cell(row, "notes"),
                )
                existing = session.scalar(
                    select(TargetCompany.id).where(
                        TargetCompany.deleted_at.is_(None),
                        TargetCompany.company_id == company_id,
                        TargetCompany.chain_link_id == link_id,
                    )
                )
                if existing:
                    update_target_entry(session, existing, data, actor)
                    result.updated += 1
                else:
                    create_target_entry(session, data, actor)
                    result.created += 1
        except ValidationError as exc:
            result.errors.append(f"第 {number} 行：{exc}")
    return result


def export_rows(entries: Sequence[TargetEntry]) -> list[list[Any]]:
    """Rows for ``EXPORT_HEADERS`` (plain values; the writer escapes text)."""
    return [
        [
            e.company_name,
            e.industry_name,
            e.chain_link_name,
            e.priority_code,
            e.city,
            e.reason,
            e.follower,
            e.status_label,
            e.last_contact_on,
            e.days_since,
            e.notes,
        ]
        for e in entries
    ]


__all__ = [
    "DEFAULT_STALE_DAYS",
    "EXPORT_HEADERS",
    "IMPORT_HEADERS",
    "OPEN_STATUSES",
    "PRIORITY_CODES",
    "STATUS_LABELS",
    "ImportResult",
    "StaleTarget",
    "TargetEntry",
    "TargetEntryInput",
    "create_target_entry",
    "export_rows",
    "get_target_entry",
    "import_target_rows",
    "list_stale_targets",
    "list_target_entries",
    "priority_code",
    "set_target_status",
    "update_target_entry",
]
