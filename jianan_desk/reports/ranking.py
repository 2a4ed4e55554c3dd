"""季度考评排名: the units' ranking for a quarter, as a PDF page and as a spreadsheet.

The figures, scores and ranks are ``services.ranking.rank_units``'s; this module only lays
them out: a short summary, the table (rank, unit, score, then each weighted metric's figure
and its normalised score), and the scoring rule with the weights under it, so that a
reader can recompute any score by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jianan_desk.domain.metrics import BY_KEY, MetricUnit
from jianan_desk.reports import layout as L
from jianan_desk.reports.period import cn_date
from jianan_desk.services.audit import plain
from jianan_desk.services.ranking import (
    Ranking,
    figure_number,
    metric_name,
    metric_unit_label,
    show_figure,
)

METHOD = (
    "计分方法：各项指标以该项最高的单位为 100 分折算（单位数值 ÷ 最高值 × 100，"
    "无数值的为 0 分），综合得分为各项折算分按权重的加权平均（满分 100 分）；"
    "得分相同的单位名次并列。"
)


def weights_text(ranking: Ranking) -> str:
    total = ranking.total_weight
    parts = [
        f"{metric_name(k)} {plain(w)}（{L.percent(w / total)}）" for k, w in ranking.weights.items()
    ]
    return "指标权重：" + "；".join(parts) + "。"


def summary_text(ranking: Ranking) -> str:
    units = ranking.units
    if not units:
        return "尚未设置责任单位，无法排名。"
    scored = [u for u in units if u.score > 0]
    text = (
        f"{ranking.span}（截至{cn_date(ranking.as_of)}），参加考评的责任单位共{len(units)}个，"
        f"其中{len(scored)}个单位有考评指标完成量。"
    )
    if scored:
        top = [u.unit_name for u in units if u.rank == 1]
        text += f"综合得分第一名为{'、'.join(top)}（{units[0].score:.2f}分）"
        if len(scored) >= 3:
            text += f"，前三名为{'、'.join(u.unit_name for u in units[:3])}"
        text += "。"
    idle = [u.unit_name for u in units if u.score == 0]
    if idle and scored:
        text += f"本期无完成量的单位{len(idle)}个。"
    return text


def build_ranking_pdf(
    ranking: Ranking, *, issuer: str | None = None, made_on: dt.date | None = None
) -> bytes:
    """The ranking as a PDF: A4 landscape (one figure and one score column per metric)."""
    meta = L.ReportMeta(
        title=ranking.title,
        period=ranking.span,
        issuer=issuer or L.DEFAULT_ISSUER,
        made_on=made_on or dt.date.today(),
        as_of=ranking.as_of,
        subject="季度考评排名",
    )
    keys = list(ranking.weights)

    def build(styles: L.Styles, width: float) -> list[L.Flowable]:
        story: list[L.Flowable] = [styles.para(summary_text(ranking)), L.Spacer(1, 6)]
        if not ranking.units:
            return story
        columns = [
            L.Column("名次", 12, "center", wrap=False),
            L.Column("责任单位", 46, flex=True, min_chars=6),
            L.Column("综合得分", 18, "right", wrap=False),
        ]
        for k in keys:
            columns.append(L.Column(f"{metric_name(k)}（{metric_unit_label(k)}）", 24, "right"))
            columns.append(L.Column("折算分", 16, "right", wrap=False))
        rows = []
        for u in ranking.units:
            cells = [str(u.rank), u.unit_name, f"{u.score:.2f}"]
            for k in keys:
                cells += [show_figure(k, u.values[k]), f"{u.normalised[k]:.2f}"]
            rows.append(L.Row(cells))
        best = ["", "各项最高值", "—"]
        for k in keys:
            best += [show_figure(k, ranking.best[k]), "100.00"]
        rows.append(L.Row(best, kind="total"))
        story += L.table_title(styles, f"{ranking.title}表", "金额单位：亿元")
        story.append(L.table(columns, rows, styles, width))
        story.append(L.Spacer(1, 8))
        story.append(styles.para(METHOD, styles.small))
        story.append(styles.para(weights_text(ranking), styles.small))
        story.append(
            styles.para(
                "统计口径：各项指标与年度指标一致，按项目的责任单位归集，"
                f"为{ranking.span}数（签约以签约日期、到位资金以到位日期计）。",
                styles.small,
            )
        )
        return story

    return L.render(meta, build, landscape_pages=True)


def write_ranking_xlsx(ranking: Ranking, path: Path) -> int:
    """The ranking as a spreadsheet (``excel.export.write_table``); returns the rows written."""
    from jianan_desk.excel.export import Column, write_table

    keys = list(ranking.weights)
    columns = [Column("名次", 6, "int"), Column("责任单位", 24), Column("综合得分", 10)]
    for k in keys:
        unit = BY_KEY[k].unit
        kind = "yi" if unit is MetricUnit.WAN else "int" if unit is MetricUnit.COUNT else "text"
        columns.append(Column(f"{metric_name(k)}（{metric_unit_label(k)}）", 14, kind))
        columns.append(Column(f"{metric_name(k)}折算分", 10))
    rows = []
    for u in ranking.units:
        row: list[object] = [u.rank, u.unit_name, u.score]
        for k in keys:
            row += [figure_number(k, u.values[k]), u.normalised[k]]
        rows.append(row)
    notes = [
        f"{ranking.title}（{ranking.span}，数据截至 {ranking.as_of:%Y-%m-%d}）",
        METHOD,
        weights_text(ranking),
    ]
    return write_table(path, ranking.title, columns, rows, sheet_name="考评排名", notes=notes)
