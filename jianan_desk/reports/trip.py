"""外出招商报告: one trip's itinerary, members, companies met, leads produced and follow-ups.

Personal data is masked wherever it appears (mobiles 138****5678, landlines 0374-****5678);
WeChat ids and e-mail addresses are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.domain.stages import Stage
from jianan_desk.reports import layout as L
from jianan_desk.reports.period import ReportError, cn_date
from jianan_desk.services.metrics import data_as_of
from jianan_desk.store.models import (
    Company,
    Contact,
    IndustryNode,
    Project,
    ProjectStageEvent,
    Trip,
    TripMember,
    Visit,
)

MAX_CONTACTS = 2


@dataclass(frozen=True)
class TripChoice:
    trip_id: str
    title: str
    start_on: dt.date
    end_on: dt.date
    destinations: str

    @property
    def label(self) -> str:
        return f"{self.start_on:%Y-%m-%d}  {self.title}"


@dataclass(frozen=True)
class VisitRow:
    visited_on: dt.date
    city: str
    company: str
    contacts: str  # masked
    attendees: str  # masked
    content: str
    outcome: str
    next_step: str
    follow_up_on: dt.date | None
    recorded_by: str


@dataclass(frozen=True)
class LeadRow:
    name: str
    investor: str
    total_wan: Decimal
    industry: str
    stage: Stage
    signed_on: dt.date | None


@dataclass(frozen=True)
class TripReport:
    trip: TripChoice
    purpose: str
    itinerary: str
    summary: str
    leaders: tuple[str, ...]
    staff: tuple[str, ...]
    visits: tuple[VisitRow, ...]
    leads: tuple[LeadRow, ...]
    as_of: dt.date  # the stages of the leads are as of this date


def list_trips(session: Session) -> list[TripChoice]:
    """Every live trip, latest first (for choosing one)."""
    rows = session.execute(
        select(Trip.id, Trip.title, Trip.start_on, Trip.end_on, Trip.destinations)
        .where(Trip.deleted_at.is_(None))
        .order_by(Trip.start_on.desc(), Trip.title)
    )
    return [TripChoice(*r) for r in rows]


def find_trip(session: Session, ident: str) -> TripChoice:
    """A trip by UUID, unique UUID prefix, exact title or unique part of a title."""
    text = ident.strip()
    if not text:
        raise ReportError("请指定外出招商活动（ID、ID 前缀或标题）")
    trips = list_trips(session)
    for rule in (
        lambda t: t.trip_id == text,
        lambda t: t.title == text,
        lambda t: len(text) >= 4 and t.trip_id.startswith(text.lower()),
        lambda t: text in t.title,
    ):
        found = [t for t in trips if rule(t)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "；".join(f"{t.trip_id[:8]} {t.title}" for t in found[:6])
            raise ReportError(f"“{text}”对应多个外出招商活动，请写得更具体：{names}")
    raise ReportError(f"找不到外出招商活动：“{text}”")


def _masked(text: str) -> str:
    return L.mask_contact(text or "")


def load_trip(session: Session, ident: str) -> TripReport:
    choice = find_trip(session, ident)
    trip = session.get(Trip, choice.trip_id)
    assert trip is not None
    members = session.execute(
        select(TripMember.name, TripMember.role)
        .where(TripMember.trip_id == trip.id, TripMember.deleted_at.is_(None))
        .order_by(TripMember.created_at)
    ).all()
    visits = session.execute(
        select(Visit, Company.name)
        .outerjoin(Company, Company.id == Visit.company_id)
        .where(Visit.trip_id == trip.id, Visit.deleted_at.is_(None))
        .order_by(Visit.visited_on, Company.name)
    ).all()
    company_ids = {v.company_id for v, _ in visits if v.company_id}
    contacts: dict[str, list[str]] = {}
    if company_ids:
        for c in session.scalars(
            select(Contact)
            .where(Contact.company_id.in_(company_ids), Contact.deleted_at.is_(None))
            .order_by(Contact.created_at)
        ):
            entry = c.name + (f"（{c.title}）" if c.title else "")
            if c.mobile:
                entry += " " + _masked(c.mobile)
            contacts.setdefault(c.company_id, []).append(entry)
    visit_rows = tuple(
        VisitRow(
            visited_on=v.visited_on,
            city=v.city,
            company=name or "（未记录企业）",
            contacts="\n".join(contacts.get(v.company_id or "", [])[:MAX_CONTACTS]),
            attendees=_masked(v.attendees),
            content=_masked(v.content),
            outcome=_masked(v.outcome),
            next_step=_masked(v.next_step),
            follow_up_on=v.follow_up_on,
            recorded_by=v.recorded_by,
        )
        for v, name in visits
    )
    visit_ids = [v.id for v, _ in visits]
    leads: list[LeadRow] = []
    if visit_ids:
        signed = (
            select(ProjectStageEvent.occurred_on)
            .where(
                ProjectStageEvent.project_id == Project.id,
                ProjectStageEvent.stage == Stage.SIGNED.value,
                ProjectStageEvent.deleted_at.is_(None),
            )
            .order_by(ProjectStageEvent.occurred_on)
            .limit(1)
            .scalar_subquery()
        )
        rows = session.execute(
            select(
                Project.name,
                Company.name,
                Project.total_investment_wan,
                IndustryNode.name,
                Project.stage,
                signed,
            )
            .outerjoin(Company, Company.id == Project.company_id)
            .outerjoin(IndustryNode, IndustryNode.id == Project.industry_node_id)
            .where(Project.source_visit_id.in_(visit_ids), Project.deleted_at.is_(None))
            .order_by(Project.total_investment_wan.desc(), Project.name)
        )
        leads = [
            LeadRow(name, investor or "", Decimal(total or 0), ind or "", Stage(stage), on)
            for name, investor, total, ind, stage, on in rows
        ]
    return TripReport(
        trip=choice,
        purpose=trip.purpose,
        itinerary=trip.itinerary,
        summary=_masked(trip.summary),
        leaders=tuple(n for n, role in members if role == "leader"),
        staff=tuple(n for n, role in members if role != "leader"),
        visits=visit_rows,
        leads=tuple(leads),
        as_of=min(dt.date.today(), data_as_of(session) or dt.date.today()),
    )


# ------------------------------------------------------------------ the document

_ITINERARY_ITEM = re.compile(r"^\s*(\d{1,2}月\d{1,2}日)\s*([^：:]*)[：:]\s*(.*)$")


def _itinerary_rows(text: str) -> list[tuple[str, str, str]] | None:
    items = [t for t in re.split(r"[；;\n]+", text or "") if t.strip()]
    rows = []
    for item in items:
        m = _ITINERARY_ITEM.match(item)
        if m is None:
            return None
        rows.append((m[1], m[2].strip(), m[3].strip()))
    return rows or None


def _date_range(a: dt.date, b: dt.date) -> str:
    if a == b:
        return cn_date(a)
    if a.year == b.year:
        return f"{cn_date(a)}至{b.month}月{b.day}日"
    return f"{cn_date(a)}至{cn_date(b)}"


def overview_text(r: TripReport) -> str:
    t = r.trip
    who = "、".join(r.leaders) if r.leaders else "区有关负责同志"
    text = f"{_date_range(t.start_on, t.end_on)}，{who}带队赴{t.destinations or '外地'}开展招商活动"
    if r.staff:
        text += f"，{'、'.join(r.staff)}等同志参加"
    text += "。"
    if r.purpose:
        text += f"活动{r.purpose.rstrip('。')}。"
    signed = [x for x in r.leads if x.signed_on is not None]
    text += f"期间共拜访企业{len(r.visits)}家次，形成项目线索{len(r.leads)}条"
    if r.leads:
        total = sum((x.total_wan for x in r.leads), Decimal(0))
        text += f"、意向总投资{L.yi(total)}亿元"
    if signed:
        signed_total = sum((x.total_wan for x in signed), Decimal(0))
        text += f"，其中已签约{len(signed)}个、总投资{L.yi(signed_total)}亿元"
    return text + "。"


def build_trip_pdf(
    report: TripReport, *, issuer: str | None = None, made_on: dt.date | None = None
) -> bytes:
    t = report.trip
    title = t.title if t.title.endswith(("报告", "情况")) else f"{t.title}情况报告"
    meta = L.ReportMeta(
        title=title,
        period=_date_range(t.start_on, t.end_on),
        issuer=issuer or L.DEFAULT_ISSUER,
        made_on=made_on or dt.date.today(),
        as_of=report.as_of,
        subject="外出招商报告",
        note="联系方式已脱敏",
    )

    def build(styles: L.Styles, width: float) -> list[Flowable]:
        story: list[Flowable] = [
            *L.heading(styles, "一、基本情况"),
            styles.para(overview_text(report)),
        ]
        if report.summary:
            story.append(styles.para(f"活动小结：{report.summary}"))
        story.append(Spacer(1, 6))
        story.append(_facts_table(report, styles, width))
        story += L.heading(styles, "二、行程安排")
        story += _itinerary(report, styles, width)
        story += L.heading(styles, "三、拜访企业")
        story += _visits(report, styles, width)
        story += L.heading(styles, "四、形成线索")
        story += _leads(report, styles, width)
        story += L.heading(styles, "五、后续跟进")
        story += _follow_ups(report, styles, width)
        return story

    return L.render(meta, build, landscape_pages=False)


def _facts_table(r: TripReport, styles: L.Styles, width: float) -> Table:
    t = r.trip
    label = styles.fonts.hei.name
    facts = [
        ("活动名称", t.title),
        ("活动时间", _date_range(t.start_on, t.end_on)),
        ("出访城市", t.destinations or "—"),
        ("带队领导", "、".join(r.leaders) or "—"),
        ("随行人员", "、".join(r.staff) or "—"),
        ("拜访企业", f"{len(r.visits)}家次"),
        ("形成线索", f"{len(r.leads)}条"),
    ]
    size = styles.cell_size + 1
    widths = [26 * L.mm, width - 26 * L.mm]
    pad = 5.0
    data = [
        [a, "\n".join(L.wrap_lines(b, styles.fonts.body.name, size, widths[1] - 2 * pad))]
        for a, b in facts
    ]
    out = Table(data, colWidths=widths)
    out.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.fonts.body.name, size, size * 1.4),
                ("FONT", (0, 0), (0, -1), label, size, size * 1.4),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, L.RULE),
                ("BOX", (0, 0), (-1, -1), 0.9, L.INK),
                ("BACKGROUND", (0, 0), (0, -1), L.GROUP_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ]
        )
    )
    return out


def _itinerary(r: TripReport, styles: L.Styles, width: float) -> list[Flowable]:
    rows = _itinerary_rows(r.itinerary)
    if rows is None:
        text = r.itinerary.strip() or "未记录行程。"
        return [styles.para(text)]
    columns = [
        L.Column("日期", 24, "center", wrap=False),
        L.Column("城市", 22, "center"),
        L.Column("主要安排", 110, flex=True),
    ]
    table = L.table(columns, [L.Row(list(x)) for x in rows], styles, width)
    return [*L.table_title(styles, "表1  行程安排"), table]


def _visits(r: TripReport, styles: L.Styles, width: float) -> list[Flowable]:
    if not r.visits:
        return [styles.para("本次活动未记录拜访企业。")]
    columns = [
        L.Column("序号", 9, "center", wrap=False),
        L.Column("日期", 13, "center", wrap=False),
        L.Column("城市", 10, "center"),
        L.Column("企业名称", 38, flex=True),
        L.Column("企业联系人", 36),
        L.Column("洽谈情况", 70, flex=True),
    ]
    rows = []
    for i, v in enumerate(r.visits, start=1):
        talk = v.outcome or v.content
        rows.append(
            L.Row([str(i), f"{v.visited_on:%m-%d}", v.city, v.company, v.contacts or "—", talk])
        )
    return [
        *L.table_title(styles, "表2  拜访企业情况", "联系方式已脱敏"),
        L.table(columns, rows, styles, width, font_size=styles.cell_size - 0.5),
    ]


def _leads(r: TripReport, styles: L.Styles, width: float) -> list[Flowable]:
    if not r.leads:
        return [styles.para("本次活动暂未形成项目线索。")]
    columns = [
        L.Column("序号", 9, "center", wrap=False),
        L.Column("项目名称", 60, flex=True),
        L.Column("投资方", 44, flex=True),
        L.Column("总投资\n(亿元)", 16, "right", wrap=False),
        L.Column("所属产业", 30, "center"),
        L.Column("当前阶段", 17, "center"),
        L.Column("签约时间", 20, "center", wrap=False),
    ]
    total = sum((x.total_wan for x in r.leads), Decimal(0))
    rows = [
        L.Row(
            [f"合计（{len(r.leads)}个）", "", "", L.yi(total), "", "", ""],
            "total",
            [(0, 2), (4, 6)],
        )
    ]
    for i, x in enumerate(r.leads, start=1):
        signed = f"{x.signed_on:%Y-%m-%d}" if x.signed_on else "—"
        cells = [str(i), x.name, x.investor, L.yi(x.total_wan), x.industry, x.stage.label, signed]
        rows.append(L.Row(cells))
    return [
        *L.table_title(styles, "表3  形成项目线索情况", "金额单位：亿元"),
        L.table(columns, rows, styles, width),
    ]


def _follow_ups(r: TripReport, styles: L.Styles, width: float) -> list[Flowable]:
    items = [v for v in r.visits if v.next_step or v.follow_up_on]
    if not items:
        return [styles.para("暂无需要跟进的事项。")]
    columns = [
        L.Column("序号", 9, "center", wrap=False),
        L.Column("企业名称", 44, flex=True),
        L.Column("下一步工作", 76, flex=True),
        L.Column("跟进时限", 20, "center", wrap=False),
        L.Column("责任人", 16, "center"),
    ]
    rows = [
        L.Row(
            [
                str(i),
                v.company,
                v.next_step or "—",
                f"{v.follow_up_on:%Y-%m-%d}" if v.follow_up_on else "—",
                v.recorded_by or "—",
            ]
        )
        for i, v in enumerate(sorted(items, key=lambda v: v.follow_up_on or dt.date.max), 1)
    ]
    return [
        *L.table_title(styles, "表4  后续跟进事项"),
        L.table(columns, rows, styles, width, font_size=styles.cell_size - 0.5),
    ]
