"""签约项目汇总: the projects signed in a period, grouped, with subtotals and a grand total.

The project set is the metrics engine's: ``services.metrics.cohort_filter`` (招商引资, not
deleted, a live 签约 event) for every calendar year the period touches, narrowed to a 签约
event dated inside the period; the totals are the sums of ``Project.total_investment_wan``
as in the engine. For a whole calendar year the count and the total therefore equal
``compute_metrics(year)``'s ``signed_count`` and ``signed_investment_wan``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from jianan_desk.domain.metrics import OVER_1B_WAN, OVER_100M_WAN
from jianan_desk.domain.stages import Stage
from jianan_desk.reports import layout as L
from jianan_desk.reports.period import (
    EXTRA_COLUMNS,
    GROUP_BY,
    GROUP_LABELS,
    GroupBy,
    Period,
    ReportError,
    cn_date,
)
from jianan_desk.services.metrics import (
    OPERATING,
    PERFORMING_OR_LATER,
    STARTED_OR_LATER,
    cohort_filter,
    data_as_of,
)
from jianan_desk.store.models import (
    Company,
    IndustryNode,
    PlanField,
    Project,
    ProjectStageEvent,
    TaskForce,
    Unit,
)

UNFILLED = "（未填写）"
ID_CHUNK = 900  # ids per IN (...) list, well under SQLite's limit on bound parameters
# ------------------------------------------------------------------ data


@dataclass(frozen=True)
class SigningRow:
    project_id: str
    name: str
    investor: str
    total_wan: Decimal
    signed_on: dt.date
    industry_id: str | None
    industry: str
    field_id: str | None
    field: str
    unit_id: str | None
    unit: str
    location: str
    stage: Stage
    leader: str
    task_force: str
    land_mu: Decimal | None
    fdi_usd_wan: Decimal | None
    content: str
    performing: bool
    started: bool
    operating: bool


@dataclass(frozen=True)
class SigningGroup:
    group_id: str | None
    name: str
    rows: tuple[SigningRow, ...]

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def total_wan(self) -> Decimal:
        return sum((r.total_wan for r in self.rows), Decimal(0))


@dataclass(frozen=True)
class SigningSummary:
    """Everything the signing report shows, as plain data."""

    period: Period
    as_of: dt.date
    group_by: GroupBy
    groups: tuple[SigningGroup, ...]
    unit_targets: Mapping[str, Decimal] = field(default_factory=dict)

    @property
    def rows(self) -> list[SigningRow]:
        return [r for g in self.groups for r in g.rows]

    @property
    def count(self) -> int:
        return sum(g.count for g in self.groups)

    @property
    def total_wan(self) -> Decimal:
        return sum((g.total_wan for g in self.groups), Decimal(0))


def signed_in_period(start: dt.date, end: dt.date) -> ColumnElement[bool]:
    """The engine's cohort for each year of [start, end], narrowed to a 签约 event inside it."""
    years = range(start.year, end.year + 1)
    cohort = or_(*(cohort_filter(year, end) for year in years))
    return and_(cohort, _signed_between(start, end))


def _signed_between(start: dt.date, end: dt.date) -> ColumnElement[bool]:
    ev = aliased(ProjectStageEvent)
    return exists().where(
        ev.project_id == Project.id,
        ev.stage == Stage.SIGNED.value,
        ev.occurred_on >= start,
        ev.occurred_on <= end,
        ev.deleted_at.is_(None),
    )


def report_as_of(session: Session, period: Period, today: dt.date | None = None) -> dt.date:
    """The data's as-of date: the period's end, but never past today or a frozen dataset."""
    today = today or dt.date.today()
    frozen = data_as_of(session)
    latest = min(today, frozen) if frozen else today
    return min(period.end, latest)


def _industry_names(
    session: Session, on: dt.date
) -> tuple[dict[str, tuple[str, str | None]], list[str]]:
    """node id → (name on ``on``, parent id); and the industry ids in 222 order.

    A report of a past period shows the names the 222 system used then (renames keep a
    dated history: services.industry_tree).
    """
    from jianan_desk.services.industry_tree import names_as_of

    nodes = session.execute(
        select(
            IndustryNode.id,
            IndustryNode.name,
            IndustryNode.parent_id,
            IndustryNode.level,
            IndustryNode.sort_order,
        )
    ).all()
    named = names_as_of(session, on)
    info = {n.id: (named.get(n.id, n.name), n.parent_id) for n in nodes}
    level = {n.id: n.level for n in nodes}
    sort = {n.id: n.sort_order for n in nodes}
    industries = [n for n in nodes if n.level == "industry"]
    industries.sort(
        key=lambda n: (
            sort.get(n.parent_id, 0) if n.parent_id else 0,
            n.sort_order,
            n.name,
        )
    )
    order = [n.id for n in industries]
    # A project filed under a chain link counts under the link's industry.
    resolved = {}
    for node_id, (name, parent) in info.items():
        if level[node_id] == "link" and parent in info:
            resolved[node_id] = (info[parent][0], parent)
        else:
            resolved[node_id] = (name, node_id)
    return resolved, order


def load_signing(
    session: Session,
    period: Period,
    group_by: GroupBy = "industry",
    *,
    as_of: dt.date | None = None,
    unit_targets: Mapping[str, Decimal] | None = None,
) -> SigningSummary:
    """The projects signed in ``period``, grouped by 222 industry, 5122 field or unit."""
    if group_by not in GROUP_BY:
        raise ReportError(f"无效的分组方式：{group_by}（可选：industry、field、unit）")
    as_of = as_of or report_as_of(session, period)
    selected = signed_in_period(period.start, period.end)
    stmt = (
        select(
            Project.id,
            Project.name,
            Company.name,
            Project.total_investment_wan,
            Project.industry_node_id,
            Project.field_id,
            PlanField.name,
            Project.unit_id,
            Unit.name,
            Project.location,
            Project.stage,
            Project.leader_in_charge,
            TaskForce.name,
            Project.land_mu,
            Project.foreign_investment_usd_wan,
            Project.construction_content,
        )
        .outerjoin(Company, Company.id == Project.company_id)
        .outerjoin(PlanField, PlanField.id == Project.field_id)
        .outerjoin(Unit, Unit.id == Project.unit_id)
        .outerjoin(TaskForce, TaskForce.id == Project.task_force_id)
        .where(selected)
    )
    projects = session.execute(stmt).all()
    # The signing dates and the stages reached, by grouped queries over the selected ids:
    # correlated per-row subqueries make SQLite scan the events of a whole year for every
    # project (its planner prefers the (stage, occurred_on) index).
    ev = ProjectStageEvent
    signed_on: dict[str, dt.date] = {}
    reached: dict[str, set[str]] = {}
    all_ids = [r[0] for r in projects]
    for start in range(0, len(all_ids), ID_CHUNK):
        ids = all_ids[start : start + ID_CHUNK]
        signed_on.update(
            (pid, on)
            for pid, on in session.execute(
                select(ev.project_id, func.min(ev.occurred_on))
                .where(
                    ev.project_id.in_(ids),
                    ev.stage == Stage.SIGNED.value,
                    ev.occurred_on >= period.start,
                    ev.occurred_on <= period.end,
                    ev.deleted_at.is_(None),
                )
                .group_by(ev.project_id)
            ).all()
        )
        for pid, stage in session.execute(
            select(ev.project_id, ev.stage)
            .where(
                ev.project_id.in_(ids),
                ev.stage.in_([st.value for st in PERFORMING_OR_LATER]),
                ev.occurred_on <= as_of,
                ev.deleted_at.is_(None),
            )
            .distinct()
        ):
            reached.setdefault(pid, set()).add(stage)

    def any_of(pid: str, stages: tuple[Stage, ...]) -> bool:  # as services.metrics.reached_by
        return bool(reached.get(pid, set()) & {st.value for st in stages})

    industries, industry_order = _industry_names(session, period.end)
    rows: list[SigningRow] = []
    for r in projects:
        industry_name, industry_id = (
            industries.get(r[4], (UNFILLED, None))
            if r[4]
            else (
                UNFILLED,
                None,
            )
        )
        rows.append(
            SigningRow(
                project_id=r[0],
                name=r[1],
                investor=r[2] or "",
                total_wan=Decimal(r[3] or 0),
                signed_on=signed_on[r[0]],
                industry_id=industry_id,
                industry=industry_name,
                field_id=r[5],
                field=r[6] or UNFILLED,
                unit_id=r[7],
                unit=r[8] or UNFILLED,
                location=r[9] or "",
                stage=Stage(r[10]),
                leader=r[11] or "",
                task_force=r[12] or "",
                land_mu=r[13],
                fdi_usd_wan=r[14],
                content=r[15] or "",
                performing=any_of(r[0], PERFORMING_OR_LATER),
                started=any_of(r[0], STARTED_OR_LATER),
                operating=any_of(r[0], OPERATING),
            )
        )
    groups = _group(session, rows, group_by, industry_order)
    return SigningSummary(period, as_of, group_by, tuple(groups), dict(unit_targets or {}))


def _group(
    session: Session, rows: list[SigningRow], by: GroupBy, industry_order: list[str]
) -> list[SigningGroup]:
    if by == "industry":
        order = industry_order
        key = lambda r: (r.industry_id, r.industry)  # noqa: E731
    elif by == "field":
        order = list(session.scalars(select(PlanField.id).order_by(PlanField.sort_order)))
        key = lambda r: (r.field_id, r.field)  # noqa: E731
    else:
        order = list(session.scalars(select(Unit.id).order_by(Unit.sort_order, Unit.name)))
        key = lambda r: (r.unit_id, r.unit)  # noqa: E731
    buckets: dict[tuple[str | None, str], list[SigningRow]] = {}
    for row in rows:
        buckets.setdefault(key(row), []).append(row)
    position = {gid: i for i, gid in enumerate(order)}
    keys = sorted(buckets, key=lambda k: (k[0] is None, position.get(k[0], len(order)), k[1]))
    return [
        SigningGroup(
            gid,
            name,
            tuple(sorted(buckets[(gid, name)], key=lambda r: (r.signed_on, r.name))),
        )
        for gid, name in keys
    ]


# ------------------------------------------------------------------ the document


def summary_text(s: SigningSummary) -> str:
    """本期共签约项目N个，总投资X亿元，其中亿元以上项目M个……"""
    rows = s.rows
    over_100m = [r for r in rows if r.total_wan >= OVER_100M_WAN]
    over_1b = [r for r in rows if r.total_wan >= OVER_1B_WAN]
    big_total = sum((r.total_wan for r in over_100m), Decimal(0))
    share = big_total / s.total_wan if s.total_wan else None
    text = (
        f"{s.period.label}，全区共签约招商引资项目{s.count}个，总投资{L.yi(s.total_wan)}亿元；"
        f"其中亿元以上项目{len(over_100m)}个，总投资{L.yi(big_total)}亿元，"
        f"占签约总投资的{L.percent(share)}"
    )
    text += f"，10亿元以上项目{len(over_1b)}个。" if over_1b else "。"
    label = GROUP_LABELS[s.group_by]
    groups = list(s.groups)
    if len(groups) > 6:
        groups = sorted(groups, key=lambda g: (-g.total_wan, -g.count))[:5]
        intro = f"按{label}看，签约总投资居前五位的是："
    else:
        intro = f"分{label}看："
    parts = [f"{g.name}{g.count}个、{L.yi(g.total_wan)}亿元" for g in groups]
    if parts:
        text += intro + "；".join(parts) + "。"
    performing = sum(r.performing for r in rows)
    started = sum(r.started for r in rows)
    operating = sum(r.operating for r in rows)
    text += (
        f"截至{cn_date(s.as_of)}，上述项目已履约{performing}个、已开工{started}个、"
        f"已投产运营{operating}个。"
    )
    return text


def _columns(extra: Sequence[str]) -> list[tuple[str, L.Column]]:
    base: list[tuple[str, L.Column]] = [
        ("no", L.Column("序号", 9, "center", wrap=False)),
        ("name", L.Column("项目名称", 55, flex=True, min_chars=11)),
        ("investor", L.Column("投资方", 44, flex=True, min_chars=8)),
        ("total", L.Column("总投资\n(亿元)", 16, "right", wrap=False)),
        ("industry", L.Column("所属产业", 30, flex=True, min_chars=5)),
        ("field", L.Column("领域", 20, "center")),
        ("location", L.Column("建设地点", 27, "center")),
        ("signed_on", L.Column("签约时间", 20, "center", wrap=False)),
        ("stage", L.Column("当前阶段", 19, "center")),
        ("leader", L.Column("分包领导/专班", 27, "center")),
    ]
    extras = {
        "land": L.Column("用地\n(亩)", 16, "right", wrap=False),
        "fdi": L.Column("合同外资\n(万美元)", 19, "right", wrap=False),
        "content": L.Column("建设内容", 70, flex=True, min_chars=9),
        "unit": L.Column("责任单位", 27, "center"),
    }
    for key in extra:
        base.append((key, extras[key]))
    return base


def _cells(row: SigningRow, keys: Sequence[str], n: int) -> list[str]:
    leader = row.leader
    if row.task_force:
        leader = f"{leader}\n{row.task_force}" if leader else row.task_force
    values = {
        "no": str(n),
        "name": row.name,
        "investor": row.investor,
        "total": L.yi(row.total_wan),
        "industry": row.industry,
        "field": row.field,
        "location": row.location,
        "signed_on": f"{row.signed_on:%Y-%m-%d}",
        "stage": row.stage.label,
        "leader": leader,
        "land": L.number(row.land_mu),
        "fdi": L.number(row.fdi_usd_wan),
        "content": row.content,
        "unit": row.unit,
    }
    return [values[k] for k in keys]


def build_signing_pdf(
    summary: SigningSummary,
    *,
    columns: Sequence[str] = (),
    issuer: str | None = None,
    made_on: dt.date | None = None,
) -> bytes:
    """The signing summary as a PDF (A4 landscape: the table is wide)."""
    unknown = [c for c in columns if c not in EXTRA_COLUMNS]
    if unknown:
        raise ReportError(f"无效的附加列：{'、'.join(unknown)}（可选：{'、'.join(EXTRA_COLUMNS)}）")
    extra = [c for c in EXTRA_COLUMNS if c in columns]
    if summary.group_by == "unit" and "unit" in extra:
        extra.remove("unit")  # the group rows already name the unit
    s = summary
    meta = L.ReportMeta(
        title=f"{s.period.label}招商引资签约项目汇总表"
        if s.period.kind != "custom"
        else "招商引资签约项目汇总表",
        period=s.period.range_text,
        issuer=issuer or L.DEFAULT_ISSUER,
        made_on=made_on or dt.date.today(),
        as_of=s.as_of,
        subject="签约项目汇总",
    )

    def build(styles: L.Styles, width: float) -> list[L.Flowable]:
        story: list[L.Flowable] = []
        if not s.groups:
            when = s.period.label
            if when != s.period.range_text:
                when += f"（{s.period.range_text}）"
            story.append(styles.para(f"{when}，全区无签约招商引资项目。"))
            story.append(
                styles.para(
                    "统计口径：签约日期在本期内的招商引资项目（不含已删除项目）。", styles.body
                )
            )
            return story
        story.append(styles.para(summary_text(s)))
        story.append(L.Spacer(1, 6))
        if s.group_by == "unit":
            story += _unit_table(s, styles, width)
        story += _project_table(s, extra, styles, width)
        story.append(L.Spacer(1, 8))
        story.append(
            styles.para(
                "说明：总投资以签约（合同）总投资计；当前阶段为制表时的项目状态；"
                "统计口径与年度指标一致（签约日期在本期内的招商引资项目）。",
                styles.small,
            )
        )
        return story

    return L.render(meta, build, landscape_pages=True)


def _unit_table(s: SigningSummary, styles: L.Styles, width: float) -> list[L.Flowable]:
    columns = [
        L.Column("序号", 10, "center", wrap=False),
        L.Column("责任单位", 60),
        L.Column("目标任务(亿元)", 30, "right", wrap=False),
        L.Column("签约项目数(个)", 30, "right", wrap=False),
        L.Column("签约总投资(亿元)", 32, "right", wrap=False),
        L.Column("占目标(%)", 26, "right", wrap=False),
    ]
    targets = s.unit_targets
    total_target = sum(targets.values(), Decimal(0)) if targets else None

    def share(value: Decimal, target: Decimal | None) -> str:
        return L.percent(value / target) if target else "—"

    rows = [
        L.Row(
            [
                "合计",
                "",
                L.yi(total_target),
                str(s.count),
                L.yi(s.total_wan),
                share(s.total_wan, total_target),
            ],
            "total",
            [(0, 1)],
        )
    ]
    for i, g in enumerate(s.groups, start=1):
        target = targets.get(g.group_id or "") or targets.get(g.name)
        rows.append(
            L.Row(
                [
                    str(i),
                    g.name,
                    L.yi(target),
                    str(g.count),
                    L.yi(g.total_wan),
                    share(g.total_wan, target),
                ]
            )
        )
    table_width = min(width, 200 * L.mm)
    return [
        *L.table_title(styles, "表1  各责任单位签约情况", ""),
        L.table(columns, rows, styles, table_width),
        L.Spacer(1, 14),
    ]


def _project_table(
    s: SigningSummary, extra: Sequence[str], styles: L.Styles, width: float
) -> list[L.Flowable]:
    n_columns = len(_columns(extra)) - 1
    size = 10.0 if n_columns <= 10 else (9.0 if n_columns <= 11 else 8.5)
    spec = _columns(extra)
    hidden = {"industry": "industry", "field": "field", "unit": "unit"}
    keys = [k for k, _ in spec if k != hidden.get(s.group_by, "")]
    columns = [c for k, c in spec if k in keys]
    # No spans here: at every page break reportlab's span bookkeeping costs O(rows ×
    # columns), seconds for 1,000 projects. Group and total labels sit in 项目名称.
    blank = [""] * len(keys)

    def line(number: str, label: str, total: Decimal) -> list[str]:
        cells = list(blank)
        cells[0], cells[keys.index("name")], cells[keys.index("total")] = number, label, L.yi(total)
        return cells

    rows: list[L.Row] = [L.Row(line("", f"合计（{s.count}个）", s.total_wan), "total")]
    n = 0
    for gi, g in enumerate(s.groups, start=1):
        rows.append(L.Row(line(L.cn_ordinal(gi), f"{g.name}（{g.count}个）", g.total_wan), "group"))
        for r in g.rows:
            n += 1
            rows.append(L.Row(_cells(r, keys, n)))
    number = "表2" if s.group_by == "unit" else "表1"
    return [
        *L.table_title(
            styles, f"{number}  签约项目明细（按{GROUP_LABELS[s.group_by]}分组）", "金额单位：亿元"
        ),
        L.table(columns, rows, styles, width, font_size=size),
    ]
