"""年度目标进展: each target of a year with its figure, completion, pace and contributors.

Figures come from ``services.targets.target_progress`` (the metrics engine), the records
behind them from ``services.metrics.metric_records``, and the monthly curve from
``compute_metrics`` at each month end: one code path with the dashboard and the CLI.
Charts are vector drawings (reportlab.graphics) with labels in the embedded fonts.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from jianan_desk.domain.metrics import BY_KEY, MetricUnit
from jianan_desk.domain.pace import elapsed_fraction
from jianan_desk.reports import layout as L
from jianan_desk.reports.fonts import covers, report_fonts
from jianan_desk.reports.period import ReportError, check_year, cn_date
from jianan_desk.services.metrics import compute_metrics, default_as_of_for, metric_records
from jianan_desk.services.targets import TargetProgress, target_progress

TOP_N = 5
BAR_DARK = colors.Color(0.22, 0.29, 0.42)  # a quiet navy that prints as dark grey
BAR_LIGHT = colors.Color(0.80, 0.83, 0.88)
PACE_RED = colors.Color(0.72, 0.12, 0.12)
GRID = colors.Color(0.75, 0.75, 0.75)


@dataclass(frozen=True)
class Contributor:
    name: str
    amount: Decimal | None
    records: int


@dataclass(frozen=True)
class TargetSection:
    progress: TargetProgress
    contributors: tuple[Contributor, ...]
    contributor_count: int  # projects behind the figure
    monthly: tuple[Decimal | None, ...]  # the figure at each month end up to the as-of month


@dataclass(frozen=True)
class TargetsReport:
    year: int
    as_of: dt.date
    elapsed: Decimal
    sections: tuple[TargetSection, ...]


def load_targets(session: Session, year: int, as_of: dt.date | None = None) -> TargetsReport:
    """Progress of every target of ``year`` by ``as_of`` (default: year end, today or the
    date a frozen dataset stops at)."""
    check_year(year)
    as_of = as_of or default_as_of_for(session, year)
    if as_of < dt.date(year, 1, 1):
        raise ReportError(f"统计截止日期（{cn_date(as_of)}）早于 {year} 年")
    progress = target_progress(session, year, as_of)
    months = _month_ends(year, as_of)
    curves: dict[str, list[Decimal | None]] = {t.metric_key: [] for t in progress}
    for month_end in months:
        values = compute_metrics(session, year, month_end) if progress else {}
        for key, series in curves.items():
            raw = values.get(key)
            series.append(None if raw is None else Decimal(raw))
    sections = []
    for t in progress:
        contributors, count = _contributors(session, t.metric_key, year, as_of)
        sections.append(TargetSection(t, contributors, count, tuple(curves[t.metric_key])))
    return TargetsReport(year, as_of, elapsed_fraction(year, as_of), tuple(sections))


def _month_ends(year: int, as_of: dt.date) -> list[dt.date]:
    last = 12 if as_of >= dt.date(year, 12, 31) else as_of.month
    ends = [dt.date(year, m, calendar.monthrange(year, m)[1]) for m in range(1, last + 1)]
    if ends and ends[-1] > as_of:
        ends[-1] = as_of
    return ends


def _contributors(
    session: Session, key: str, year: int, as_of: dt.date
) -> tuple[tuple[Contributor, ...], int]:
    """The projects behind ``key``'s figure, largest first (amounts summed per project)."""
    by_project: dict[str, tuple[str, Decimal | None, int]] = {}
    for r in metric_records(session, key, year, as_of):
        name, amount, n = by_project.get(r.project_id, (r.project_name, None, 0))
        if r.amount is not None:
            if r.kind == "project" or r.kind == "plan":
                amount = Decimal(r.amount)  # one record per project: its total investment
            else:
                amount = (amount or Decimal(0)) + Decimal(r.amount)
        by_project[r.project_id] = (name, amount, n + 1)
    ranked = sorted(
        by_project.values(), key=lambda v: (-(v[1] if v[1] is not None else Decimal(0)), v[0])
    )
    return tuple(Contributor(n, a, c) for n, a, c in ranked[:TOP_N]), len(by_project)


# ------------------------------------------------------------------ formatting


def _unit(key: str) -> MetricUnit | None:
    metric = BY_KEY.get(key)
    return metric.unit if metric else None


def show(key: str, value: Decimal | None, *, with_unit: bool = True) -> str:
    """A figure as the bureau writes it: 24个, 77.34亿元, 1,234.00万美元, 60.0%."""
    if value is None:
        return "—"
    unit = _unit(key)
    if unit is MetricUnit.RATE:
        return L.percent(value)
    if unit is MetricUnit.WAN:
        return L.yi(value) + ("亿元" if with_unit else "")
    if unit is MetricUnit.USD_WAN:
        return L.number(value) + ("万美元" if with_unit else "")
    count = int(value.quantize(Decimal(1)))
    return f"{count}" + ("个" if with_unit else "")


def show_gap(key: str, delta: Decimal) -> str:
    if _unit(key) is MetricUnit.RATE:
        return f"{L.number(abs(delta) * 100, 1)}个百分点"
    return show(key, abs(delta))


def _verdict(t: TargetProgress) -> str:
    if t.pace is None:
        return "暂无数据"
    if t.pace.reached is not None and t.pace.reached >= 1:
        return "已完成"
    return "超进度" if t.pace.ahead else "滞后"


def summary_text(report: TargetsReport) -> str:
    n = len(report.sections)
    done = sum(1 for s in report.sections if _verdict(s.progress) == "已完成")
    ahead = sum(1 for s in report.sections if _verdict(s.progress) == "超进度")
    behind = sum(1 for s in report.sections if _verdict(s.progress) == "滞后")
    text = (
        f"截至{cn_date(report.as_of)}，全年时间进度{L.percent(report.elapsed)}。"
        f"{report.year}年共设定目标任务{n}项，其中已完成全年目标{done}项，"
        f"超时序进度{ahead}项，滞后于时序进度{behind}项"
    )
    missing = n - done - ahead - behind
    text += f"，暂无可计算数据{missing}项。" if missing else "。"
    return text


def _sentence(t: TargetProgress) -> str:
    p = t.pace
    target = show(t.metric_key, t.target)
    if p is None:
        return f"{t.display_name}：目标{target}，暂无可计算的数据。"
    text = f"{t.display_name}：目标{target}，完成{show(t.metric_key, p.value)}"
    if p.reached is not None and not t.is_rate:
        text += f"，完成率{L.percent(p.reached)}"
    if p.reached is not None and p.reached >= 1:
        return text + "，已完成全年目标。"
    if t.is_rate:
        gap = show_gap(t.metric_key, p.delta)
        return text + (f"，高于目标{gap}。" if p.ahead else f"，低于目标{gap}。")
    expected = show(t.metric_key, p.expected)
    verdict = "超出" if p.ahead else "落后"
    basis = "时序" if t.profile is None else "月度进度计划"
    return text + f"；按{basis}应达{expected}，{verdict}{show_gap(t.metric_key, p.delta)}。"


# ------------------------------------------------------------------ charts


def _string(x: float, y: float, text: str, size: float, anchor: str = "start") -> String:
    fonts = report_fonts()
    name = fonts.body.name if covers(fonts.body.name, text) else fonts.fallback.name
    return String(x, y, text, fontName=name, fontSize=size, textAnchor=anchor, fillColor=L.INK)


def completion_chart(report: TargetsReport, width: float) -> Drawing:
    """Horizontal bars: each target's completion (value / target) against the pace it should
    have by now (a red tick: the elapsed share of the year, or 100 % for rates)."""
    rows = [s.progress for s in report.sections]
    row_h, label_w, top, bottom = 20.0, 150.0, 8.0, 30.0
    height = top + bottom + row_h * len(rows)
    d = Drawing(width, height)
    x0, x1 = label_w, width - 46
    scale_max = Decimal("1.5")

    def xpos(frac: Decimal) -> float:
        return x0 + float(min(max(frac, Decimal(0)), scale_max) / scale_max) * (x1 - x0)

    for tick in (0, 25, 50, 75, 100, 125, 150):
        x = xpos(Decimal(tick) / 100)
        d.add(Line(x, bottom - 4, x, height - top + 4, strokeColor=GRID, strokeWidth=0.4))
        d.add(_string(x, bottom - 16, f"{tick}%", 8, "middle"))
    for i, t in enumerate(rows):
        y = height - top - (i + 1) * row_h
        d.add(_string(label_w - 6, y + row_h / 2 - 3.5, t.display_name, 9.5, "end"))
        reached = t.pace.reached if t.pace and t.pace.reached is not None else None
        bar_y, bar_h = y + 5, row_h - 10
        d.add(Rect(x0, bar_y, x1 - x0, bar_h, fillColor=BAR_LIGHT, strokeColor=None))
        if reached is not None:
            d.add(Rect(x0, bar_y, xpos(reached) - x0, bar_h, fillColor=BAR_DARK, strokeColor=None))
            label = L.percent(reached)
            d.add(_string(min(xpos(reached), x1) + 4, bar_y + bar_h / 2 - 3, label, 8.5))
        if t.pace is not None and t.pace.target:
            expected = t.pace.expected / t.pace.target
            ex = xpos(expected)
            d.add(Line(ex, bar_y - 3, ex, bar_y + bar_h + 3, strokeColor=PACE_RED, strokeWidth=1.6))
    d.add(Line(x0, bottom - 4, x0, height - top + 4, strokeColor=L.INK, strokeWidth=0.6))
    # Legend.
    lx = x0
    d.add(Rect(lx, 2, 14, 7, fillColor=BAR_DARK, strokeColor=None))
    d.add(_string(lx + 18, 2.5, "完成率（当前完成 / 全年目标）", 8))
    lx += 170
    d.add(Line(lx + 7, 0, lx + 7, 11, strokeColor=PACE_RED, strokeWidth=1.6))
    d.add(_string(lx + 14, 2.5, "时序进度应达（比率类目标为目标值）", 8))
    return d


def monthly_chart(report: TargetsReport, section: TargetSection, width: float) -> Drawing:
    """The figure month by month (solid) against the straight line to the target (dashed)."""
    t = section.progress
    height = 150.0
    d = Drawing(width, height)
    left, right, top, bottom = 44.0, 10.0, 22.0, 24.0
    pw, ph = width - left - right, height - top - bottom
    values = [v for v in section.monthly]
    to_axis = _axis_value(t.metric_key)
    peak = max([to_axis(t.target)] + [to_axis(v) for v in values if v is not None] + [1e-9])
    step = _nice_step(peak / 4)
    divisions = max(2, math.ceil(peak / step - 1e-9))
    top_value = step * divisions
    d.add(_string(width / 2, height - 12, f"{t.display_name}（{_axis_unit(t.metric_key)}）", 9.5,
                  "middle"))  # fmt: skip

    def px(month: float) -> float:
        return left + month / 12 * pw

    def py(value: float) -> float:
        return bottom + value / top_value * ph

    for k in range(divisions + 1):
        v = step * k
        d.add(Line(left, py(v), left + pw, py(v), strokeColor=GRID, strokeWidth=0.4))
        d.add(_string(left - 4, py(v) - 3, _tick_label(v), 7.5, "end"))
    for m in (0, 3, 6, 9, 12):
        d.add(_string(px(m), bottom - 12, f"{m}月" if m else "0", 7.5, "middle"))
    d.add(Line(left, bottom, left + pw, bottom, strokeColor=L.INK, strokeWidth=0.6))
    target = to_axis(t.target)
    d.add(
        Line(
            px(0),
            py(0),
            px(12),
            py(target),
            strokeColor=PACE_RED,
            strokeWidth=1,
            strokeDashArray=[3, 2],
        )
    )
    points: list[float] = [px(0), py(0)]
    for i, v in enumerate(values):
        if v is None:
            continue
        points += [px(i + 1), py(to_axis(v))]
    if len(points) > 2:
        d.add(PolyLine(points, strokeColor=BAR_DARK, strokeWidth=1.6))
        d.add(_string(points[-2] + 3, points[-1] + 3, _tick_label(to_axis(values[-1] or 0)), 7.5))
    return d


def _axis_value(key: str):  # noqa: ANN202 - a converter
    unit = _unit(key)
    if unit is MetricUnit.WAN:
        return lambda v: float(Decimal(v) / 10000)
    return lambda v: float(v)


def _axis_unit(key: str) -> str:
    unit = _unit(key)
    return (
        {
            MetricUnit.WAN: "亿元",
            MetricUnit.USD_WAN: "万美元",
            MetricUnit.COUNT: "个",
            MetricUnit.RATE: "%",
        }.get(unit, "")
        if unit
        else ""
    )  # type: ignore[arg-type]


def _nice_step(raw: float) -> float:
    exp = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for step in (1, 2, 2.5, 5, 10):
        if step * exp >= raw:
            return step * exp
    return 10 * exp


def _tick_label(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.1f}"


# ------------------------------------------------------------------ the document


def build_targets_pdf(
    report: TargetsReport, *, issuer: str | None = None, made_on: dt.date | None = None
) -> bytes:
    meta = L.ReportMeta(
        title=f"{report.year}年度招商引资目标任务进展情况",
        period=f"{cn_date(dt.date(report.year, 1, 1))}至{cn_date(report.as_of)}",
        issuer=issuer or L.DEFAULT_ISSUER,
        made_on=made_on or dt.date.today(),
        as_of=report.as_of,
        subject="年度目标进展",
    )

    def build(styles: L.Styles, width: float) -> list[Flowable]:
        if not report.sections:
            return [
                styles.para(
                    f"{report.year}年尚未设定年度目标任务，暂无进展可报。"
                    "请在“设置—年度目标”中录入目标后重新生成。"
                )
            ]
        story: list[Flowable] = L.heading(styles, "一、总体情况")
        story.append(styles.para(summary_text(report)))
        story.append(Spacer(1, 4))
        story.append(
            L.keep_with_next(
                *L.table_title(styles, "表1  年度目标任务完成情况"),
                _progress_table(report, styles, width),
            )
        )
        story.append(Spacer(1, 12))
        story.append(
            L.keep_with_next(
                *L.table_title(styles, "图1  各项目标完成率与时序进度"),
                completion_chart(report, width),
            )
        )
        story += L.heading(styles, "二、分项完成情况")
        for s in report.sections:
            story.append(styles.para(_sentence(s.progress)))
        number = iter(["三", "四"])
        cumulative = [s for s in report.sections if not s.progress.is_rate and s.monthly]
        if cumulative:
            story.append(L.need_space(240))
            story += L.heading(styles, f"{next(number)}、逐月完成情况")
            story.append(
                styles.para(
                    "下图实线为截至各月末的累计完成数，虚线为按全年目标均衡推进的时序进度线。",
                )
            )
            story += _small_multiples(report, cumulative, styles, width)
        story.append(L.need_space(160))
        story += L.heading(styles, f"{next(number)}、主要贡献项目")
        story.append(styles.para(f"以下列出构成各项指标数值的前{TOP_N}个项目（按金额从大到小）。"))
        for i, s in enumerate(report.sections, start=1):
            story += _contributor_block(i, s, styles, width)
        return story

    return L.render(meta, build, landscape_pages=False)


def _progress_table(report: TargetsReport, styles: L.Styles, width: float) -> Table:
    columns = [
        L.Column("序号", 9, "center", wrap=False),
        L.Column("计划", 10, "center", wrap=False),
        L.Column("目标任务", 40, flex=True),
        L.Column("全年目标", 20, "right", wrap=False),
        L.Column("当前完成", 20, "right", wrap=False),
        L.Column("完成率", 15, "right", wrap=False),
        L.Column("时序应达", 18, "right", wrap=False),
        L.Column("进度", 12, "center", wrap=False),
    ]
    rows = []
    for i, s in enumerate(report.sections, start=1):
        t, p = s.progress, s.progress.pace
        rows.append(
            L.Row(
                [
                    str(i),
                    t.plan,
                    t.display_name,
                    show(t.metric_key, t.target),
                    show(t.metric_key, t.value),
                    "—" if p is None or t.is_rate else L.percent(p.reached),
                    "—" if p is None else show(t.metric_key, p.expected),
                    _verdict(t),
                ]
            )
        )
    return L.table(columns, rows, styles, width)


def _small_multiples(
    report: TargetsReport, sections: list[TargetSection], styles: L.Styles, width: float
) -> list[Flowable]:
    gap = 12.0
    cell = (width - gap) / 2
    charts = [monthly_chart(report, s, cell) for s in sections]
    grid = [charts[i : i + 2] for i in range(0, len(charts), 2)]
    if len(grid[-1]) == 1:
        grid[-1].append(Spacer(1, 1))  # type: ignore[arg-type]
    t = Table(grid, colWidths=[cell + gap / 2, cell + gap / 2])
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.fonts.body.name, 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [L.keep_with_next(*L.table_title(styles, "图2  主要指标逐月累计完成情况"), t)]


def _contributor_block(
    index: int, s: TargetSection, styles: L.Styles, width: float
) -> list[Flowable]:
    t = s.progress
    unit = _unit(t.metric_key)
    usd = t.metric_key in ("fdi_usd_wan", "fdi_growth_rate")
    title = f"（{L.cn_ordinal(index)}）{t.display_name}"
    if not s.contributors:
        return [*L.heading(styles, title, 2, need=60), styles.para("暂无相关项目。"), Spacer(1, 8)]
    money_unit = "万美元" if usd else "亿元"
    is_sum = unit in (MetricUnit.WAN, MetricUnit.USD_WAN)
    label = {
        "funds_in_place_wan": "到位资金",
        "fdi_usd_wan": "实际利用外资",
        "fdi_growth_rate": "实际利用外资",
        "completed_investment_wan": "完成投资",
    }.get(t.metric_key, "总投资")
    columns = [
        L.Column("序号", 9, "center", wrap=False),
        L.Column("项目名称", 90, flex=True),
        L.Column(f"{label}({money_unit})", 28, "right", wrap=False),
    ]
    total = sum((c.amount or Decimal(0) for c in s.contributors), Decimal(0))
    if is_sum and t.value:
        columns.append(L.Column("占比", 16, "right", wrap=False))
    rows = []
    for i, c in enumerate(s.contributors, start=1):
        amount = L.number(c.amount) if usd else L.yi(c.amount)
        cells = [str(i), c.name, amount]
        if len(columns) == 4:
            cells.append(L.percent(c.amount / t.value if c.amount and t.value else None))
        rows.append(L.Row(cells))
    note = f"共{s.contributor_count}个项目"
    if s.contributor_count > len(s.contributors):
        note += f"，列前{len(s.contributors)}个"
    if is_sum and t.value:
        note += f"，合计占{L.percent(total / t.value)}"
    return [
        L.keep_with_next(
            styles.para(title, styles.h2),
            styles.para(note, styles.unit_note),
            L.table(columns, rows, styles, width),
        ),
        Spacer(1, 8),
    ]
