"""周例会简报: the brief of one weekly key-project meeting, for the leaders' desks.

Opens with the summary counts (meetings held so far this year, problems raised, closed,
open, overdue: ``services.meetings.meeting_summary`` on the meeting day), then the problems
the meeting assigned and closed, the overdue list by responsible unit, and the decisions.
Same document look as the other reports (``reports.layout``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.reports import layout as L
from jianan_desk.reports.period import ReportError, cn_date
from jianan_desk.services.meetings import (
    MeetingDetail,
    MeetingSummary,
    get_meeting,
    meeting_on,
    meeting_summary,
)
from jianan_desk.services.problems import OverdueProblem, list_overdue_problems
from jianan_desk.store.models import WeeklyMeeting

OVERDUE_LIMIT = 500


@dataclass(frozen=True)
class MeetingBrief:
    meeting: MeetingDetail
    summary: MeetingSummary
    overdue_by_unit: tuple[tuple[str, tuple[OverdueProblem, ...]], ...]

    @property
    def overdue_count(self) -> int:
        return sum(len(rows) for _, rows in self.overdue_by_unit)


def load_meeting_brief(session: Session, day: dt.date) -> MeetingBrief:
    """The brief of the meeting held on ``day``; ReportError (Chinese) if there is none."""
    meeting = meeting_on(session, day)
    if meeting is None:
        before = session.scalar(
            select(WeeklyMeeting.held_on)
            .where(WeeklyMeeting.deleted_at.is_(None), WeeklyMeeting.held_on <= day)
            .order_by(WeeklyMeeting.held_on.desc())
            .limit(1)
        )
        hint = f"；最近一次周例会是 {before:%Y-%m-%d}" if before else ""
        raise ReportError(f"{cn_date(day)}没有周例会记录{hint}")
    detail = get_meeting(session, meeting.id)
    groups: dict[str, list[OverdueProblem]] = {}
    for p in list_overdue_problems(session, day, limit=OVERDUE_LIMIT):
        groups.setdefault(p.unit_name or "（未指定单位）", []).append(p)
    ordered = sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))
    return MeetingBrief(
        detail,
        meeting_summary(session, day),
        tuple((unit, tuple(rows)) for unit, rows in ordered),
    )


def overview_text(b: MeetingBrief) -> str:
    s, m = b.summary, b.meeting
    chair = f"，{m.row.chair}主持" if m.row.chair else ""
    text = (
        f"{cn_date(m.row.held_on)}召开{_number(m.row.number)}重点项目周例会{chair}。"
        f"{s.year}年以来已召开周例会{s.meetings_held}次，共提出问题{s.raised}个"
        f"（其中周例会交办{s.raised_at_meetings}个），销号{s.closed}个；"
        f"截至会议当日，未销号问题{s.active}个，其中超期{s.overdue}个"
    )
    if s.suspended:
        text += f"，另有挂起问题{s.suspended}个"
    text += (
        f"。本次会议听取{len(m.projects)}个项目汇报，交办问题{len(m.raised)}个，"
        f"销号问题{len(m.closed)}个。"
    )
    return text


def _number(n: int | None) -> str:
    return f"第{n}次" if n else ""


def _summary_table(b: MeetingBrief, styles: L.Styles, width: float) -> Table:
    s = b.summary
    head = ["本年已召开", "本年提出问题", "本年已销号", "未销号", "其中超期"]
    values = [f"{s.meetings_held}次", f"{s.raised}个", f"{s.closed}个", f"{s.active}个"]
    values.append(f"{s.overdue}个")
    size = styles.cell_size + 1
    out = Table([head, values], colWidths=[width / len(head)] * len(head))
    out.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), styles.fonts.hei.name, size, size * 1.4),
                ("FONT", (0, 1), (-1, 1), styles.fonts.hei.name, size + 3, (size + 3) * 1.4),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, L.RULE),
                ("BOX", (0, 0), (-1, -1), 0.9, L.INK),
                ("BACKGROUND", (0, 0), (-1, 0), L.HEAD_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return out


def _assigned(b: MeetingBrief, styles: L.Styles, width: float) -> list[Flowable]:
    rows = b.meeting.raised
    if not rows:
        return [styles.para("本次会议未交办新问题。")]
    columns = [
        L.Column("序号", 9, "center", wrap=False),
        L.Column("项目（企业）", 32, flex=True),
        L.Column("问题", 62, flex=True, min_chars=10),
        L.Column("类别", 18, "center", wrap=False),
        L.Column("责任单位", 30),
        L.Column("办结时限", 20, "center", wrap=False),
    ]
    data = [
        L.Row(
            [
                str(i),
                r.project_name or "—",
                r.description,
                r.category_label,
                r.unit_name or "—",
                f"{r.deadline:%Y-%m-%d}" if r.deadline else "—",
            ]
        )
        for i, r in enumerate(rows, start=1)
    ]
    return [
        *L.table_title(styles, "表1  本次会议交办问题"),
        L.table(columns, data, styles, width, font_size=styles.cell_size - 0.5),
    ]


def _closed(b: MeetingBrief, styles: L.Styles, width: float) -> list[Flowable]:
    rows = b.meeting.closed
    if not rows:
        return [styles.para("本次会议无销号问题。")]
    columns = [
        L.Column("序号", 9, "center", wrap=False),
        L.Column("项目（企业）", 38, flex=True),
        L.Column("问题", 66, flex=True),
        L.Column("责任单位", 30),
        L.Column("办理天数", 16, "center", wrap=False),
    ]
    data = [
        L.Row([str(i), r.project_name or "—", r.description, r.unit_name or "—", str(r.days_open)])
        for i, r in enumerate(rows, start=1)
    ]
    return [
        *L.table_title(styles, "表2  本次会议销号问题"),
        L.table(columns, data, styles, width, font_size=styles.cell_size - 0.5),
    ]


def _overdue(b: MeetingBrief, styles: L.Styles, width: float) -> list[Flowable]:
    if not b.overdue_by_unit:
        return [styles.para("截至会议当日，没有超期未销号的问题。")]
    columns = [
        L.Column("序号", 9, "center", wrap=False),
        L.Column("项目（企业）", 32, flex=True),
        L.Column("问题", 66, flex=True, min_chars=10),
        L.Column("责任人", 14, "center", wrap=False),
        L.Column("办结时限", 20, "center", wrap=False),
        L.Column("超期天数", 14, "center", wrap=False),
    ]
    data: list[L.Row] = []
    i = 0
    for unit, rows in b.overdue_by_unit:
        data.append(L.Row([f"{unit}（{len(rows)}个）", "", "", "", "", ""], "group", [(0, 5)]))
        for r in rows:
            i += 1
            data.append(
                L.Row(
                    [
                        str(i),
                        r.project_name or "—",
                        r.description,
                        r.responsible_person or "—",
                        f"{r.deadline:%Y-%m-%d}",
                        str(r.days_overdue),
                    ]
                )
            )
    return [
        *L.table_title(styles, "表3  超期未销号问题清单（按责任单位）", f"共{b.overdue_count}个"),
        L.table(columns, data, styles, width, font_size=styles.cell_size - 0.5),
    ]


_ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(]\d+[)）])\s*")


def decision_items(text: str) -> list[str]:
    """Decisions as a list: one per line, or split at 一、二、… / 1. 2. … markers."""
    text = (text or "").strip()
    if not text:
        return []
    parts = [p for p in re.split(r"[\r\n]+", text) if p.strip()]
    if len(parts) == 1:
        parts = [
            p
            for p in re.split(r"[；;]?\s*(?=(?:[一二三四五六七八九十]+、|\d+[.、．]))", text)
            if p.strip()
        ]
    return [_ITEM.sub("", p).strip().rstrip("；;") for p in parts if _ITEM.sub("", p).strip()]


def _decisions(b: MeetingBrief, styles: L.Styles) -> list[Flowable]:
    items = decision_items(b.meeting.decisions)
    if not items:
        return [styles.para("本次会议未记录议定事项。")]
    return [styles.para(f"{L.cn_ordinal(i)}、{item}") for i, item in enumerate(items, start=1)]


def build_meeting_pdf(
    brief: MeetingBrief, *, issuer: str | None = None, made_on: dt.date | None = None
) -> bytes:
    m = brief.meeting.row
    meta = L.ReportMeta(
        title="重点项目周例会简报",
        period=f"{_number(m.number)}{'　' if m.number else ''}{cn_date(m.held_on)}",
        issuer=issuer or L.DEFAULT_ISSUER,
        made_on=made_on or dt.date.today(),
        as_of=m.held_on,
        subject="周例会简报",
    )

    def build(styles: L.Styles, width: float) -> list[Flowable]:
        story: list[Flowable] = [
            *L.heading(styles, "一、总体情况"),
            styles.para(overview_text(brief)),
            Spacer(1, 6),
            _summary_table(brief, styles, width),
        ]
        if brief.meeting.attendees:
            story += [Spacer(1, 6), styles.para(f"参会单位：{brief.meeting.attendees}")]
        story += L.heading(styles, "二、本次会议交办问题")
        story += _assigned(brief, styles, width)
        story += L.heading(styles, "三、本次会议销号问题")
        story += _closed(brief, styles, width)
        story += L.heading(styles, "四、超期未销号问题")
        story += _overdue(brief, styles, width)
        story += L.heading(styles, "五、会议议定事项")
        story += _decisions(brief, styles)
        return story

    return L.render(meta, build, landscape_pages=False)
