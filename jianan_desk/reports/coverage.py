"""图谱覆盖: how the 222 system's chain links are covered, with the chain diagrams.

Counts come from ``services.industry_map`` (grouped SQL, the same figures as the 招商图谱
page); node names are those in use on the report's as-of date
(``services.industry_tree.names_as_of``), so a report for a past year prints that year's
names. The document: 一、总体情况 (one sentence per industry: "发制品：4个环节，1个缺口
（跨境电商·品牌：本地企业0家，目标企业3家，在谈线索0个）"), 二、覆盖情况表, 三、产业链图谱
(each industry's diagram drawn in vector form, as on screen), 四、久未接触的目标企业.

:func:`coverage_section` gives sections 一 and 二 as flowables, for other reports to include.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer
from sqlalchemy.orm import Session

from jianan_desk.reports import layout as L
from jianan_desk.reports.fonts import covers, report_fonts
from jianan_desk.reports.period import cn_date
from jianan_desk.services.industry_map import (
    POSITIONS,
    IndustryMap,
    LinkCounts,
    coverage_sentence,
    overview,
)
from jianan_desk.services.industry_tree import names_as_of
from jianan_desk.services.target_companies import (
    DEFAULT_STALE_DAYS,
    StaleTarget,
    list_stale_targets,
)

STALE_LIMIT = 30
FILL = {
    "strong": colors.Color(0.89, 0.95, 0.90),
    "missing": colors.Color(0.98, 0.91, 0.90),
    "extend": colors.Color(0.89, 0.93, 0.98),
}
BORDER = {
    "strong": colors.Color(0.18, 0.49, 0.20),
    "missing": colors.Color(0.78, 0.16, 0.16),
    "extend": colors.Color(0.12, 0.37, 0.68),
}
GAP = colors.Color(0.83, 0.18, 0.18)
ARROW = colors.Color(0.54, 0.57, 0.61)
POSITION_TITLES = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
STATUS_TITLES = {"strong": "强链", "missing": "补链", "extend": "延链"}


@dataclass(frozen=True)
class CoverageReport:
    as_of: dt.date
    stale_days: int
    maps: tuple[IndustryMap, ...]
    stale: tuple[StaleTarget, ...]
    stale_total: int = 0
    never_contacted: int = 0

    @property
    def links(self) -> tuple[LinkCounts, ...]:
        return tuple(x for m in self.maps for x in m.links)

    @property
    def gaps(self) -> tuple[LinkCounts, ...]:
        return tuple(x for x in self.links if x.gap)


def load_coverage(
    session: Session, as_of: dt.date | None = None, *, stale_days: int = DEFAULT_STALE_DAYS
) -> CoverageReport:
    """The counts of every live link, named as on ``as_of`` (default today)."""
    as_of = as_of or dt.date.today()
    names = names_as_of(session, as_of)
    maps = []
    for m in overview(session):
        links = tuple(
            dataclasses.replace(
                x,
                name=names.get(x.id, x.name),
                industry_name=names.get(m.id, m.name),
            )
            for x in m.links
        )
        maps.append(dataclasses.replace(m, name=names.get(m.id, m.name), links=links))
    stale = [
        dataclasses.replace(t, chain_link_name=names.get(t.chain_link_id or "", t.chain_link_name))
        for t in list_stale_targets(session, as_of, stale_days, limit=1_000_000)
    ]
    never = sum(1 for t in stale if t.last_contact_on is None)
    return CoverageReport(
        as_of, stale_days, tuple(maps), tuple(stale[:STALE_LIMIT]), len(stale), never
    )


def summary_text(report: CoverageReport) -> str:
    links = report.links
    by_status = {s: sum(1 for x in links if x.chain_status == s) for s in STATUS_TITLES}
    signed_wan = sum((x.signed_wan for x in links), Decimal(0))
    text = (
        f"截至{cn_date(report.as_of)}，“222”现代产业体系{len(report.maps)}个产业共"
        f"{len(links)}个产业链环节，其中强链环节{by_status['strong']}个、补链环节"
        f"{by_status['missing']}个、延链环节{by_status['extend']}个。各环节共有本地企业"
        f"{sum(x.local for x in links)}家，目标企业{sum(x.targets for x in links)}家，在谈线索"
        f"{sum(x.leads for x in links)}个，签约项目{sum(x.signed for x in links)}个、签约投资"
        f"{L.yi(signed_wan)}亿元。"
    )
    gaps = report.gaps
    if gaps:
        names = "、".join(f"{x.industry_name}·{x.name}" for x in gaps)
        text += f"既无本地企业、又无在谈线索的缺口环节{len(gaps)}个：{names}。"
    else:
        text += "各环节均已有本地企业或在谈线索，暂无缺口环节。"
    return text


# ------------------------------------------------------------------ the diagram


def _string(x: float, y: float, text: str, size: float, anchor: str = "start",
            colour: colors.Color = L.INK, bold: bool = False) -> String:  # fmt: skip
    fonts = report_fonts()
    face = fonts.hei if bold else fonts.body
    name = face.name if covers(face.name, text) else fonts.fallback.name
    return String(x, y, text, fontName=name, fontSize=size, textAnchor=anchor, fillColor=colour)


def _fit(text: str, size: float, width: float) -> str:
    """``text`` cut (with …) so that it fits ``width`` at ``size`` (CJK ≈ 1 em each)."""
    limit = max(2, int(width / size))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chain_drawing(m: IndustryMap, width: float) -> Drawing:
    """One industry's chain diagram: three columns of link boxes, arrows along the chain,
    boxes coloured by status, the four counts, gaps with a dashed red border."""
    gap_x = 26.0
    box_w = (width - 2 * gap_x) / 3
    box_h, gap_y, head = 58.0, 12.0, 20.0
    columns = [m.column(p) for p in POSITIONS]
    rows = max([len(c) for c in columns] + [1])
    body_h = rows * box_h + (rows - 1) * gap_y
    legend_h = 18.0
    height = head + body_h + legend_h + 6
    d = Drawing(width, height)
    top = height - head
    places: dict[str, tuple[float, float]] = {}
    for c, p in enumerate(POSITIONS):
        x = c * (box_w + gap_x)
        d.add(_string(x + box_w / 2, height - 13, POSITION_TITLES[p], 10.5, "middle", bold=True))
        links = columns[c]
        offset = (body_h - (len(links) * box_h + (len(links) - 1) * gap_y)) / 2
        for r, link in enumerate(links):
            y = top - offset - r * (box_h + gap_y) - box_h
            places[link.id] = (x, y)
            border = GAP if link.gap else BORDER.get(link.chain_status, BORDER["strong"])
            d.add(
                Rect(
                    x, y, box_w, box_h,
                    fillColor=FILL.get(link.chain_status, FILL["strong"]),
                    strokeColor=border,
                    strokeWidth=1.6 if link.gap else 0.9,
                    strokeDashArray=[4, 2] if link.gap else None,
                )
            )  # fmt: skip
            tag = STATUS_TITLES.get(link.chain_status, "") + ("·缺口" if link.gap else "")
            d.add(_string(x + box_w - 5, y + box_h - 14, tag, 8, "end", colour=border))
            title = _fit(link.name, 9.5, box_w - 12 - 8 * len(tag))
            d.add(_string(x + 6, y + box_h - 15, title, 9.5, bold=True))
            line1 = f"本地企业 {link.local}　目标企业 {link.targets}"
            line2 = f"在谈线索 {link.leads}　签约项目 {link.signed}"
            if link.signed:
                line2 += f"（{L.yi(link.signed_wan)}亿元）"
            d.add(_string(x + 6, y + box_h - 32, _fit(line1, 8, box_w - 10), 8))
            d.add(_string(x + 6, y + box_h - 46, _fit(line2, 8, box_w - 10), 8))
    chain = sorted(
        (x for x in m.links if x.id in places),
        key=lambda x: (POSITIONS.index(x.position), x.sort_order),
    )
    for a, b in itertools.pairwise(chain):
        (ax, ay), (bx, by) = places[a.id], places[b.id]
        if abs(ax - bx) < 1:  # same column: downwards
            x0, y0, x1, y1 = ax + box_w / 2, ay - 1, bx + box_w / 2, by + box_h + 2
        else:
            x0, y0, x1, y1 = ax + box_w + 1, ay + box_h / 2, bx - 2, by + box_h / 2
        d.add(Line(x0, y0, x1, y1, strokeColor=ARROW, strokeWidth=1.1))
        length = max(1e-6, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        s = 5.5
        d.add(
            Polygon(
                [x1, y1,
                 x1 - ux * s - uy * s * 0.55, y1 - uy * s + ux * s * 0.55,
                 x1 - ux * s + uy * s * 0.55, y1 - uy * s - ux * s * 0.55],
                fillColor=ARROW, strokeColor=ARROW, strokeWidth=0.5,
            )
        )  # fmt: skip
    # Legend.
    lx, ly = 0.0, 2.0
    for status in ("strong", "missing", "extend"):
        d.add(Rect(lx, ly, 16, 9, fillColor=FILL[status], strokeColor=BORDER[status],
                   strokeWidth=0.8))  # fmt: skip
        d.add(_string(lx + 20, ly + 1, STATUS_TITLES[status], 8))
        lx += 52
    d.add(Rect(lx, ly, 16, 9, fillColor=None, strokeColor=GAP, strokeWidth=1.4,
               strokeDashArray=[3, 2]))  # fmt: skip
    d.add(_string(lx + 20, ly + 1, "缺口：无本地企业且无在谈线索", 8))
    return d


# ------------------------------------------------------------------ the document


def coverage_table(report: CoverageReport, styles: L.Styles, width: float) -> Flowable:
    columns = [
        L.Column("环节", 44, flex=True, min_chars=6),
        L.Column("位置", 12, "center", wrap=False),
        L.Column("状态", 12, "center", wrap=False),
        L.Column("本地企业", 16, "right", wrap=False),
        L.Column("目标企业", 16, "right", wrap=False),
        L.Column("在谈线索", 16, "right", wrap=False),
        L.Column("签约项目", 16, "right", wrap=False),
        L.Column("签约投资(亿元)", 24, "right", wrap=False),
        L.Column("缺口", 12, "center", wrap=False),
    ]
    rows: list[L.Row] = []
    for m in report.maps:
        rows.append(
            L.Row([L.KeepCell(f"{m.name}（{len(m.links)}个环节，缺口{len(m.gaps)}个）")]
                  + [""] * 8, kind="group", spans=[(0, 8)])
        )  # fmt: skip
        for x in m.links:
            rows.append(
                L.Row(
                    [
                        x.name,
                        POSITION_TITLES.get(x.position, ""),
                        STATUS_TITLES.get(x.chain_status, ""),
                        str(x.local),
                        str(x.targets),
                        str(x.leads),
                        str(x.signed),
                        L.yi(x.signed_wan),
                        "缺口" if x.gap else "",
                    ]
                )
            )
    links = report.links
    rows.append(
        L.Row(
            [
                f"合计（{len(links)}个环节）",
                "",
                "",
                str(sum(x.local for x in links)),
                str(sum(x.targets for x in links)),
                str(sum(x.leads for x in links)),
                str(sum(x.signed for x in links)),
                L.yi(sum((x.signed_wan for x in links), Decimal(0))),
                str(len(report.gaps)),
            ],
            kind="total",
        )
    )
    return L.table(columns, rows, styles, width)


def coverage_section(
    report: CoverageReport, styles: L.Styles, width: float, *, first: str = "一", second: str = "二"
) -> list[Flowable]:
    """The 图谱覆盖 section: the summary, one sentence per industry, the coverage table."""
    story: list[Flowable] = L.heading(styles, f"{first}、总体情况")
    story.append(styles.para(summary_text(report)))
    for m in report.maps:
        story.append(styles.para(coverage_sentence(m) + "。"))
    story += L.heading(styles, f"{second}、覆盖情况表")
    story += L.table_title(styles, "表1  产业链环节覆盖情况", "金额单位：亿元")
    story.append(coverage_table(report, styles, width))
    return story


def build_coverage_pdf(
    report: CoverageReport, *, issuer: str | None = None, made_on: dt.date | None = None
) -> bytes:
    meta = L.ReportMeta(
        title="招商图谱覆盖情况",
        period=f"截至{cn_date(report.as_of)}",
        issuer=issuer or L.DEFAULT_ISSUER,
        made_on=made_on or dt.date.today(),
        as_of=report.as_of,
        subject="图谱覆盖",
        note="缺口：既无本地企业、又无在谈线索（线索、洽谈阶段项目）的产业链环节",
    )

    def build(styles: L.Styles, width: float) -> list[Flowable]:
        if not report.maps:
            return [styles.para("产业体系中还没有产业链环节，暂无覆盖情况可报。")]
        story = coverage_section(report, styles, width)
        story += L.heading(styles, "三、产业链图谱", need=260)
        story.append(
            styles.para(
                "下图按上游、中游、下游排列各产业链环节，方框颜色表示强链、补链、延链，"
                "红色虚线框为缺口环节；框内为本地企业、目标企业、在谈线索和签约项目数。"
            )
        )
        for i, m in enumerate(report.maps, start=1):
            story.append(
                L.keep_with_next(
                    *L.table_title(styles, f"图{i}  {m.name}产业链图谱", need=60),
                    chain_drawing(m, width),
                    Spacer(1, 10),
                )
            )
        story += L.heading(styles, "四、久未接触的目标企业", need=160)
        if not report.stale:
            story.append(
                styles.para(f"所有在跟进的目标企业在{report.stale_days}天内均有接触记录。")
            )
            return story
        story.append(
            styles.para(
                f"超过{report.stale_days}天未接触（无拜访记录）的在跟进目标企业共"
                f"{report.stale_total}家，其中从未接触{report.never_contacted}家。"
                f"下表按未接触时间从长到短排列（从未接触的在前，A类优先），列前{len(report.stale)}家。"
            )
        )
        columns = [
            L.Column("序号", 10, "center", wrap=False),
            L.Column("企业名称", 56, flex=True, min_chars=8),
            L.Column("产业链环节", 44, min_chars=8),
            L.Column("优先级", 12, "center", wrap=False),
            L.Column("跟进人", 16, "center", wrap=False),
            L.Column("最近接触", 22, "center", wrap=False),
            L.Column("未接触天数", 18, "right", wrap=False),
        ]
        rows = [
            L.Row(
                [
                    str(i),
                    t.company_name,
                    t.chain_link_name,
                    t.priority,
                    t.follower,
                    t.last_contact_on.isoformat() if t.last_contact_on else "从未接触",
                    "—" if t.days_since is None else str(t.days_since),
                ]
            )
            for i, t in enumerate(report.stale, start=1)
        ]
        story += L.table_title(styles, "表2  久未接触的目标企业")
        story.append(L.table(columns, rows, styles, width))
        return story

    return L.render(meta, build, landscape_pages=True)


__all__ = [
    "CoverageReport",
    "build_coverage_pdf",
    "chain_drawing",
    "coverage_section",
    "coverage_table",
    "load_coverage",
    "summary_text",
]
