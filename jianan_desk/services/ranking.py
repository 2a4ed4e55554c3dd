"""季度考评: responsible units (责任单位) ranked by a weighted score for a quarter (no Qt).

**Figures.** For quarter Q of year Y each unit's figures are the metrics engine's, broken
down by unit (``services.metrics.compute_metrics_by(…, "unit")``) as of the quarter's last
day: cumulative from 1 January to the end of the quarter (1–3月, 1–6月, 1–9月, 全年), the way
考核通报 count. So a unit's figure is traceable exactly as on the 首页, and the units'
figures add up to the year's (less projects without a unit, which no unit is credited for).

**Score.** Each metric with a weight is normalised to the best unit: ``figure / best × 100``
(the best unit gets 100, a unit with nothing 0; when no unit has anything, all get 0). The
score is the weighted mean of those, ``Σ wᵢ·normᵢ / Σ wᵢ``, from 0 to 100, rounded to two
decimals. Units are ranked by score (ties share a rank, 1, 1, 3 …; equal scores listed by
the units' own order). All live units are listed, those without figures at 0.

**Weights** are bureau-wide, stored in ``app_meta`` under ``ranking_weights`` as a JSON
object ``{metric key: weight}``; :data:`DEFAULT_WEIGHTS` until someone sets them. Changing
them is written to the change log.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.domain.metrics import BY_KEY, MetricUnit
from jianan_desk.services.audit import diff, plain, record_change
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.metrics import compute_metrics_by, data_as_of
from jianan_desk.store.models import AppMeta, Unit

WEIGHTS_KEY = "ranking_weights"
SCORE_QUANTUM = Decimal("0.01")
HUNDRED = Decimal(100)

RANKABLE: tuple[str, ...] = (
    "signed_count",
    "signed_over_100m_count",
    "signed_investment_wan",
    "funds_in_place_wan",
    "performing_count",
    "started_count",
    "operating_count",
    "fdi_usd_wan",
    "key_project_count",
    "completed_investment_wan",
)
"""Metric keys a unit can be scored on: counts and sums (rates are not comparable across
units of very different size, and a unit's 外资增速 is meaningless on a few records)."""

DEFAULT_WEIGHTS: dict[str, Decimal] = {
    "signed_count": Decimal(20),
    "signed_investment_wan": Decimal(30),
    "started_count": Decimal(20),
    "funds_in_place_wan": Decimal(30),
}

QUARTER_LABELS = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}
SPAN_LABELS = {1: "1—3月", 2: "1—6月", 3: "1—9月", 4: "1—12月"}


class RankingError(ValueError):
    """A ranking that cannot be made (message in Chinese)."""


# ------------------------------------------------------------------ weights


def _parse_weights(text: str) -> dict[str, Decimal] | None:
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        weights = {str(k): Decimal(v) for k, v in data.items()}
    except (InvalidOperation, TypeError, ValueError):
        return None
    try:
        return check_weights(weights)
    except ValidationError:
        return None


def check_weights(weights: Mapping[str, Decimal | int]) -> dict[str, Decimal]:
    """``weights`` without zero entries, in :data:`RANKABLE` order; ValidationError if bad."""
    out: dict[str, Decimal] = {}
    for key, raw in weights.items():
        if key not in RANKABLE:
            name = BY_KEY[key].name if key in BY_KEY else key
            raise ValidationError({"weights": f"“{name}”不能作为考评指标"})
        value = Decimal(raw)
        if not value.is_finite() or value < 0:
            raise ValidationError({"weights": f"“{BY_KEY[key].name}”的权重不能为负数"})
        if value > 1000:
            raise ValidationError({"weights": f"“{BY_KEY[key].name}”的权重过大（最多 1000）"})
        if value:
            out[key] = value
    if not out:
        raise ValidationError({"weights": "至少要给一项指标设定大于 0 的权重"})
    return {k: out[k] for k in RANKABLE if k in out}


def ranking_weights(session: Session) -> dict[str, Decimal]:
    """The bureau's weights (:data:`DEFAULT_WEIGHTS` when none are stored or they are bad)."""
    text = session.scalar(select(AppMeta.value).where(AppMeta.key == WEIGHTS_KEY))
    stored = _parse_weights(text) if text else None
    return stored if stored is not None else dict(DEFAULT_WEIGHTS)


def set_ranking_weights(
    session: Session, weights: Mapping[str, Decimal | int], actor: str
) -> dict[str, Decimal]:
    """Store the bureau's weights (zero weights dropped) and log the change; returns them."""
    clean = check_weights(weights)
    before = ranking_weights(session)
    row = session.get(AppMeta, WEIGHTS_KEY)
    text = json.dumps({k: plain(v) for k, v in clean.items()}, sort_keys=False)
    if row is None:
        session.add(AppMeta(key=WEIGHTS_KEY, value=text))
    else:
        row.value = text
    changes = diff({k: before.get(k) for k in RANKABLE}, {k: clean.get(k) for k in RANKABLE})
    if changes:
        record_change(
            session,
            entity="app_meta",
            entity_id=WEIGHTS_KEY,
            actor=actor,
            action="update",
            changes=changes,
        )
    session.flush()
    return clean


# ------------------------------------------------------------------ the ranking


@dataclass(frozen=True)
class RankedUnit:
    rank: int
    unit_id: str
    unit_name: str
    score: Decimal  # 0–100
    values: dict[str, Decimal]  # metric key → the unit's figure (counts as whole numbers)
    normalised: dict[str, Decimal]  # metric key → figure / best × 100 (two decimals)


@dataclass(frozen=True)
class Ranking:
    year: int
    quarter: int
    as_of: dt.date  # the quarter's last day (or the day a frozen dataset stops)
    weights: dict[str, Decimal]
    best: dict[str, Decimal]  # metric key → the best unit's figure
    units: tuple[RankedUnit, ...]

    @property
    def title(self) -> str:
        return f"{self.year}年{QUARTER_LABELS[self.quarter]}招商引资工作考评排名"

    @property
    def span(self) -> str:
        return f"{self.year}年{SPAN_LABELS[self.quarter]}累计"

    @property
    def total_weight(self) -> Decimal:
        return sum(self.weights.values(), Decimal(0))


def quarter_end(year: int, quarter: int) -> dt.date:
    if quarter not in QUARTER_LABELS:
        raise RankingError("季度须为 1 到 4")
    month = quarter * 3
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def current_quarter(session: Session, today: dt.date | None = None) -> tuple[int, int]:
    """The latest quarter with data to rank: the last one ended, or the frozen one."""
    day = data_as_of(session) or today or dt.date.today()
    quarter = (day.month - 1) // 3 + 1
    if day == quarter_end(day.year, quarter):
        return day.year, quarter
    if quarter == 1:
        return day.year - 1, 4
    return day.year, quarter - 1


def normalise(value: Decimal, best: Decimal) -> Decimal:
    """``value`` on the scale where ``best`` is 100 (0 when nobody has anything)."""
    if best <= 0 or value <= 0:
        return Decimal(0)
    return (value * HUNDRED / best).quantize(SCORE_QUANTUM, ROUND_HALF_UP)


def rank_units(
    session: Session,
    year: int,
    quarter: int,
    *,
    weights: Mapping[str, Decimal | int] | None = None,
) -> Ranking:
    """Every live unit ranked for ``quarter`` of ``year`` (see the module docstring)."""
    if not 1990 <= year <= 2100:
        raise RankingError(f"年份无效：{year}")
    as_of = quarter_end(year, quarter)
    frozen = data_as_of(session)
    if frozen is not None and dt.date(year, 1, 1) <= frozen < as_of:
        as_of = frozen
    used = check_weights(weights) if weights is not None else ranking_weights(session)
    units = session.execute(
        select(Unit.id, Unit.name)
        .where(Unit.deleted_at.is_(None))
        .where((Unit.retired_on.is_(None)) | (Unit.retired_on >= dt.date(year, 1, 1)))
        .order_by(Unit.sort_order, Unit.name)
    ).all()
    figures = {g.group_id: g.values for g in compute_metrics_by(session, year, "unit", as_of)}
    values: dict[str, dict[str, Decimal]] = {}
    for unit_id, _ in units:
        found = figures.get(unit_id, {})
        values[unit_id] = {k: Decimal(found.get(k) or 0) for k in used}
    best = {k: max((v[k] for v in values.values()), default=Decimal(0)) for k in used}
    total = sum(used.values(), Decimal(0))
    scored = []
    for order, (unit_id, name) in enumerate(units):
        normed = {k: normalise(values[unit_id][k], best[k]) for k in used}
        score = sum((used[k] * normed[k] for k in used), Decimal(0)) / total
        scored.append((score.quantize(SCORE_QUANTUM, ROUND_HALF_UP), order, unit_id, name, normed))
    scored.sort(key=lambda s: (-s[0], s[1]))
    ranked: list[RankedUnit] = []
    for i, (score, _, unit_id, name, normed) in enumerate(scored):
        rank = ranked[-1].rank if ranked and ranked[-1].score == score else i + 1
        ranked.append(RankedUnit(rank, unit_id, name, score, values[unit_id], normed))
    return Ranking(year, quarter, as_of, used, best, tuple(ranked))


# ------------------------------------------------------------------ showing figures


def metric_name(key: str) -> str:
    return BY_KEY[key].name


def metric_unit_label(key: str) -> str:
    """The unit a ranking shows a figure in: 亿元 for money in 万元, else the metric's."""
    unit = BY_KEY[key].unit
    return {MetricUnit.WAN: "亿元", MetricUnit.USD_WAN: "万美元", MetricUnit.COUNT: "个"}.get(
        unit, unit.value
    )


def show_figure(key: str, value: Decimal) -> str:
    """A unit's figure as the ranking table shows it (亿元 with two decimals, counts whole)."""
    unit = BY_KEY[key].unit
    if unit is MetricUnit.WAN:
        return f"{value / 10000:,.2f}"
    if unit is MetricUnit.USD_WAN:
        return f"{value:,.2f}"
    return f"{int(value):,}"


def figure_number(key: str, value: Decimal) -> Decimal | int:
    """The figure for a spreadsheet cell: 亿元 for money, whole numbers for counts."""
    unit = BY_KEY[key].unit
    if unit is MetricUnit.WAN:
        return value / 10000
    if unit is MetricUnit.COUNT:
        return int(value)
    return value
