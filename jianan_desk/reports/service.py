"""One entry point for every report: a request (plain data) in, the PDF's bytes out.

The command line and the 报表 page both call :func:`make_report` with a Session they opened
(read-only), so a report is the same whichever way it was asked for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from jianan_desk.reports.period import GROUP_BY, GroupBy, Period, ReportError, check_year

# A report kind is a short code; adding one = its title here, a request dataclass with
# ``kind`` and a ``@_builds("code")`` function below (the 报表 page lists REPORT_TITLES).
ReportKind = str
REPORT_TITLES: dict[str, str] = {
    "signing": "签约项目汇总",
    "targets": "年度目标进展",
    "trip": "外出招商报告",
    "meeting": "周例会简报",
    "coverage": "招商图谱覆盖",
    "ranking": "季度考评排名",
}


@dataclass(frozen=True)
class SigningRequest:
    period: Period
    group_by: GroupBy = "industry"
    columns: tuple[str, ...] = ()
    kind: ReportKind = field(default="signing", init=False)


@dataclass(frozen=True)
class TargetsRequest:
    year: int
    as_of: dt.date | None = None
    kind: ReportKind = field(default="targets", init=False)


@dataclass(frozen=True)
class TripRequest:
    trip: str  # UUID, unique UUID prefix or (part of) the title
    kind: ReportKind = field(default="trip", init=False)


@dataclass(frozen=True)
class MeetingRequest:
    held_on: dt.date  # the day the meeting was held
    kind: ReportKind = field(default="meeting", init=False)


@dataclass(frozen=True)
class CoverageRequest:
    as_of: dt.date | None = None  # names and staleness as of this day (default: data date)
    stale_days: int = 90
    kind: ReportKind = field(default="coverage", init=False)


@dataclass(frozen=True)
class RankingRequest:
    year: int
    quarter: int  # 1–4: the units' figures from 1 January to the quarter's end
    kind: ReportKind = field(default="ranking", init=False)


ReportRequest = (
    SigningRequest
    | TargetsRequest
    | TripRequest
    | MeetingRequest
    | CoverageRequest
    | RankingRequest
)


@dataclass(frozen=True)
class GeneratedReport:
    pdf: bytes
    title: str
    file_name: str  # a suggested file name (no folder)
    summary: str  # one line for a status bar or the terminal


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "报表"


Builder = Callable[[Session, Any, str | None, dt.date], GeneratedReport]
_BUILDERS: dict[str, Builder] = {}


def _builds(kind: str) -> Callable[[Builder], Builder]:
    """Register the function that makes reports of ``kind``."""

    def register(fn: Builder) -> Builder:
        _BUILDERS[kind] = fn
        return fn

    return register


def make_report(
    session: Session,
    request: ReportRequest,
    *,
    issuer: str | None = None,
    made_on: dt.date | None = None,
) -> GeneratedReport:
    """Build the PDF ``request`` asks for; ReportError (Chinese) for what cannot be made."""
    builder = _BUILDERS.get(getattr(request, "kind", ""))
    if builder is None:
        raise ReportError(f"未知的报表：{request!r}")
    return builder(session, request, issuer, made_on or dt.date.today())


@_builds("signing")
def _signing(
    session: Session, request: SigningRequest, issuer: str | None, made_on: dt.date
) -> GeneratedReport:
    from jianan_desk.reports.signing import build_signing_pdf, load_signing

    if request.group_by not in GROUP_BY:
        raise ReportError(f"无效的分组方式：{request.group_by}（可选：industry、field、unit）")
    data = load_signing(session, request.period, request.group_by)
    pdf = build_signing_pdf(data, columns=request.columns, issuer=issuer, made_on=made_on)
    title = f"{request.period.label}签约项目汇总"
    summary = f"{request.period.label}：签约项目 {data.count} 个，总投资 " + (
        f"{data.total_wan / 10000:,.2f} 亿元"
    )
    return GeneratedReport(pdf, title, _safe_name(title) + ".pdf", summary)


@_builds("targets")
def _targets(
    session: Session, request: TargetsRequest, issuer: str | None, made_on: dt.date
) -> GeneratedReport:
    from jianan_desk.reports.targets import build_targets_pdf, load_targets

    check_year(request.year)
    data_t = load_targets(session, request.year, request.as_of)
    pdf = build_targets_pdf(data_t, issuer=issuer, made_on=made_on)
    title = f"{request.year}年度目标进展"
    summary = f"{title}：{len(data_t.sections)} 项目标，统计截至 {data_t.as_of:%Y-%m-%d}"
    return GeneratedReport(pdf, title, _safe_name(title) + ".pdf", summary)


@_builds("trip")
def _trip(
    session: Session, request: TripRequest, issuer: str | None, made_on: dt.date
) -> GeneratedReport:
    from jianan_desk.reports.trip import build_trip_pdf, load_trip

    data_r = load_trip(session, request.trip)
    pdf = build_trip_pdf(data_r, issuer=issuer, made_on=made_on)
    title = data_r.trip.title
    summary = f"{title}：拜访 {len(data_r.visits)} 家次，线索 {len(data_r.leads)} 条"
    name = f"{data_r.trip.start_on:%Y%m%d}_{_safe_name(title)}.pdf"
    return GeneratedReport(pdf, title, name, summary)


@_builds("meeting")
def _meeting(
    session: Session, request: MeetingRequest, issuer: str | None, made_on: dt.date
) -> GeneratedReport:
    from jianan_desk.reports.meeting import build_meeting_pdf, load_meeting_brief

    brief = load_meeting_brief(session, request.held_on)
    pdf = build_meeting_pdf(brief, issuer=issuer, made_on=made_on)
    title = f"{request.held_on:%Y-%m-%d}重点项目周例会简报"
    s = brief.summary
    summary = (
        f"周例会简报（{request.held_on:%Y-%m-%d}）：本年已召开 {s.meetings_held} 次，"
        f"提出问题 {s.raised} 个，销号 {s.closed} 个，未销号 {s.active} 个，超期 {s.overdue} 个"
    )
    return GeneratedReport(pdf, title, f"{request.held_on:%Y%m%d}_周例会简报.pdf", summary)


@_builds("coverage")
def _coverage(
    session: Session, request: CoverageRequest, issuer: str | None, made_on: dt.date
) -> GeneratedReport:
    from jianan_desk.reports.coverage import build_coverage_pdf, load_coverage
    from jianan_desk.services.metrics import data_as_of

    frozen = data_as_of(session)
    as_of = request.as_of or (min(made_on, frozen) if frozen else made_on)
    data = load_coverage(session, as_of, stale_days=request.stale_days)
    pdf = build_coverage_pdf(data, issuer=issuer, made_on=made_on)
    title = f"招商图谱覆盖情况（截至{as_of:%Y-%m-%d}）"
    summary = (
        f"招商图谱覆盖：{len(data.maps)} 个产业、{len(data.links)} 个环节，"
        f"缺口 {len(data.gaps)} 个，久未接触目标企业 {data.stale_total} 家"
    )
    return GeneratedReport(pdf, title, f"{as_of:%Y%m%d}_招商图谱覆盖.pdf", summary)


@_builds("ranking")
def _ranking(
    session: Session, request: RankingRequest, issuer: str | None, made_on: dt.date
) -> GeneratedReport:
    from jianan_desk.reports.ranking import build_ranking_pdf
    from jianan_desk.services.ranking import RankingError, rank_units

    check_year(request.year)
    try:
        ranking = rank_units(session, request.year, request.quarter)
    except RankingError as exc:
        raise ReportError(str(exc)) from exc
    pdf = build_ranking_pdf(ranking, issuer=issuer, made_on=made_on)
    first = ranking.units[0] if ranking.units else None
    lead = f"，第一名 {first.unit_name}（{first.score:.2f} 分）" if first and first.score else ""
    summary = f"{ranking.title}：{len(ranking.units)} 个单位{lead}"
    return GeneratedReport(pdf, ranking.title, _safe_name(ranking.title) + ".pdf", summary)


@dataclass(frozen=True)
class ReportChoices:
    """What the 报表 page offers: the year to start from, and the trips to choose among."""

    year: int
    as_of: dt.date  # the data's as-of date (today, or the day a frozen dataset stops)
    trips: tuple[tuple[str, str], ...]  # (trip id, label), latest first
    meetings: tuple[tuple[dt.date, str], ...] = ()  # (held on, label), latest first


def report_choices(session: Session, today: dt.date | None = None) -> ReportChoices:
    from jianan_desk.reports.trip import list_trips
    from jianan_desk.services.meetings import list_meetings
    from jianan_desk.services.metrics import data_as_of

    today = today or dt.date.today()
    frozen = data_as_of(session)
    as_of = min(today, frozen) if frozen else today
    trips = tuple((t.trip_id, t.label) for t in list_trips(session))
    meetings = tuple(
        (m.held_on, f"{m.held_on:%Y-%m-%d}  {m.label}") for m in list_meetings(session)
    )
    return ReportChoices(as_of.year, as_of, trips, meetings)
