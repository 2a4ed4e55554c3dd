"""Annual targets (年度目标): editing them and measuring progress against them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.domain.metrics import BY_KEY, MetricUnit
from jianan_desk.domain.pace import Pace, Profile, ProfileError, pace, parse_profile, profile_text
from jianan_desk.services.metrics import compute_metrics, default_as_of
from jianan_desk.store.models import AnnualTarget


class TargetError(ValueError):
    """A target that cannot be saved (message in Chinese)."""


@dataclass(frozen=True)
class TargetProgress:
    year: int
    plan: str
    metric_key: str
    display_name: str
    unit: str
    is_rate: bool
    target: Decimal
    value: Decimal | None
    pace: Pace | None  # None when the figure is undefined (a rate without denominator)
    profile: Profile | None = None  # the monthly pace profile (None: linear)


class _Keep:
    """``set_target(profile=KEEP)``: leave the stored profile as it is."""


KEEP = _Keep()


def target_profile(target: AnnualTarget) -> Profile | None:
    """The target's monthly pace profile; None for linear (or an unreadable stored one)."""
    try:
        return parse_profile(target.monthly_profile)
    except ProfileError:
        return None


def progress_of(
    target: AnnualTarget, value: Decimal | int | None, year: int, as_of: dt.date
) -> TargetProgress:
    """One target against its figure ``value``, paced by the target's own profile."""
    metric = BY_KEY.get(target.metric_key)
    is_rate = metric is not None and metric.unit is MetricUnit.RATE
    figure = None if value is None else Decimal(value)
    profile = None if is_rate else target_profile(target)
    progress = (
        None
        if figure is None
        else pace(figure, target.target_value, year, as_of, is_rate=is_rate, profile=profile)
    )
    return TargetProgress(
        year,
        target.plan,
        target.metric_key,
        target.display_name,
        target.unit,
        is_rate,
        target.target_value,
        figure,
        progress,
        profile,
    )


def live_targets(session: Session, year: int) -> list[AnnualTarget]:
    return list(
        session.scalars(
            select(AnnualTarget)
            .where(AnnualTarget.year == year, AnnualTarget.deleted_at.is_(None))
            .order_by(AnnualTarget.sort_order, AnnualTarget.plan, AnnualTarget.metric_key)
        )
    )


def set_target(
    session: Session,
    *,
    year: int,
    plan: str,
    metric_key: str,
    value: Decimal,
    display_name: str | None = None,
    profile: Profile | _Keep | None = KEEP,
) -> AnnualTarget:
    """Create or change one target; the unit follows the metric.

    ``profile``: the monthly pace profile (None: linear); by default the stored one is kept.
    """
    metric = BY_KEY.get(metric_key)
    if metric is None:
        raise TargetError(f"未知的指标：{metric_key}")
    if value < 0:
        raise TargetError("目标值不能为负数")
    if metric.unit is MetricUnit.RATE and value > 10:
        raise TargetError("比率目标请填写小数，例如 60% 填 0.60")
    plan = plan.strip()
    if not plan:
        raise TargetError("请填写目标所属的计划（如 1366、5122）")
    existing = session.scalar(
        select(AnnualTarget).where(
            AnnualTarget.year == year,
            AnnualTarget.plan == plan,
            AnnualTarget.metric_key == metric_key,
        )
    )
    if existing is None:
        order = len(live_targets(session, year))
        existing = AnnualTarget(year=year, plan=plan, metric_key=metric_key, sort_order=order)
        session.add(existing)
    existing.target_value = value
    existing.unit = metric.unit.value
    existing.display_name = display_name or existing.display_name or metric.name
    if not isinstance(profile, _Keep):
        try:
            existing.monthly_profile = profile_text(profile)
        except ProfileError as exc:
            raise TargetError(str(exc)) from exc
    existing.deleted_at = None
    session.flush()
    return existing


def copy_targets(session: Session, from_year: int, to_year: int) -> int:
    """Copy a year's targets to another year; targets the new year already has are kept."""
    if from_year == to_year:
        raise TargetError("源年份与目标年份相同")
    source = live_targets(session, from_year)
    if not source:
        raise TargetError(f"{from_year} 年没有可复制的目标")
    have = {(t.plan, t.metric_key) for t in live_targets(session, to_year)}
    copied = 0
    for t in source:
        if (t.plan, t.metric_key) in have:
            continue
        session.add(
            AnnualTarget(
                year=to_year,
                plan=t.plan,
                metric_key=t.metric_key,
                target_value=t.target_value,
                unit=t.unit,
                display_name=t.display_name,
                sort_order=t.sort_order,
                monthly_profile=t.monthly_profile,
            )
        )
        copied += 1
    session.flush()
    return copied


def target_progress(
    session: Session, year: int, as_of: dt.date | None = None
) -> list[TargetProgress]:
    """Each target of ``year`` with its current figure and pace by ``as_of``."""
    as_of = as_of or default_as_of(year)
    values = compute_metrics(session, year, as_of)
    return [
        progress_of(t, values.get(t.metric_key), year, as_of) for t in live_targets(session, year)
    ]
