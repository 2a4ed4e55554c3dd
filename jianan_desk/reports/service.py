"""One entry point for every report: a request (plain data) in, the PDF's bytes out.

The command line and the 报表 page both call :func:`make_report` with a Session they opened
(read-only), so a report is the same whichever way it was asked for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy.orm import Session

from jianan_desk.reports.period import GROUP_BY, GroupBy, Period, ReportError, check_year

ReportKind = Literal["signing", "targets", "trip"]
REPORT_TITLES: dict[str, str] = {
    "signing": "签约项目汇总",
    "targets": "年度目标进展",
    "trip": "外出招商报告",
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


ReportRequest = SigningRequest | TargetsRequest | TripRequest


@dataclass(frozen=True)
class GeneratedReport:
    pdf: bytes
    title: str
    file_name: str  # a suggested file name (no folder)
    summary: str  # one line for a status bar or the terminal


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "报表"


def make_report(
    session: Session,
    request: ReportRequest,
    *,
    issuer: str | None = None,
    made_on: dt.date | None = None,
) -> GeneratedReport:
    """Build the PDF ``request`` asks for; ReportError (Chinese) for what cannot be made."""
    made_on = made_on or dt.date.today()
    if isinstance(request, SigningRequest):
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
    if isinstance(request, TargetsRequest):
        from jianan_desk.reports.targets import build_targets_pdf, load_targets

        check_year(request.year)
        data_t = load_targets(session, request.year, request.as_of)
        pdf = build_targets_pdf(data_t, issuer=issuer, made_on=made_on)
        title = f"{request.year}年度目标进展"
        summary = f"{title}：{len(data_t.sections)} 项目标，统计截至 {data_t.as_of:%Y-%m-%d}"
        return GeneratedReport(pdf, title, _safe_name(title) + ".pdf", summary)
    if isinstance(request, TripRequest):
        from jianan_desk.reports.trip import build_trip_pdf, load_trip

        data_r = load_trip(session, request.trip)
        pdf = build_trip_pdf(data_r, issuer=issuer, made_on=made_on)
        title = data_r.trip.title
        summary = f"{title}：拜访 {len(data_r.visits)} 家次，线索 {len(data_r.leads)} 条"
        name = f"{data_r.trip.start_on:%Y%m%d}_{_safe_name(title)}.pdf"
        return GeneratedReport(pdf, title, name, summary)
    raise ReportError(f"未知的报表：{request!r}")


@dataclass(frozen=True)
class ReportChoices:
    """What the 报表 page offers: the year to start from, and the trips to choose among."""

    year: int
    as_of: dt.date  # the data's as-of date (today, or the day a frozen dataset stops)
    trips: tuple[tuple[str, str], ...]  # (trip id, label), latest first


def report_choices(session: Session, today: dt.date | None = None) -> ReportChoices:
    from jianan_desk.reports.trip import list_trips
    from jianan_desk.services.metrics import data_as_of

    today = today or dt.date.today()
    frozen = data_as_of(session)
    as_of = min(today, frozen) if frozen else today
    trips = tuple((t.trip_id, t.label) for t in list_trips(session))
    return ReportChoices(as_of.year, as_of, trips)
