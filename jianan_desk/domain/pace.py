"""Pace against an annual target: where the figure should be by a date.

Amounts and counts accumulate over the year, so the expected value by a date is the target
times the share of the year elapsed: linear by default, or by a monthly profile (12
weights, e.g. a slow January and a busy December). Rates (开工率, 外资增速) do not
accumulate: their expected value is the target itself at any date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

FRACTION_QUANTUM = Decimal("0.000001")


def elapsed_fraction(
    year: int, as_of: dt.date, profile: Sequence[Decimal] | None = None
) -> Decimal:
    """Share of ``year`` done by the end of ``as_of`` (0 before the year, 1 after it)."""
    if as_of < dt.date(year, 1, 1):
        return Decimal(0)
    if as_of >= dt.date(year, 12, 31):
        return Decimal(1)
    if profile is None:
        days = 366 if calendar.isleap(year) else 365
        done = as_of.timetuple().tm_yday
        return (Decimal(done) / Decimal(days)).quantize(FRACTION_QUANTUM, ROUND_HALF_UP)
    if len(profile) != 12 or any(w < 0 for w in profile) or sum(profile) <= 0:
        raise ValueError("月度进度须为 12 个非负权重，且总和大于 0")
    total = sum(profile, Decimal(0))
    month_days = calendar.monthrange(year, as_of.month)[1]
    done = sum(profile[: as_of.month - 1], Decimal(0))
    done += profile[as_of.month - 1] * Decimal(as_of.day) / Decimal(month_days)
    return (done / total).quantize(FRACTION_QUANTUM, ROUND_HALF_UP)


@dataclass(frozen=True)
class Pace:
    value: Decimal
    target: Decimal
    expected: Decimal
    reached: Decimal | None  # value / target
    delta: Decimal  # value − expected: positive = ahead

    @property
    def ahead(self) -> bool:
        return self.delta >= 0


def pace(
    value: Decimal | int,
    target: Decimal | int,
    year: int,
    as_of: dt.date,
    *,
    is_rate: bool = False,
    profile: Sequence[Decimal] | None = None,
) -> Pace:
    value, target = Decimal(value), Decimal(target)
    expected = target if is_rate else target * elapsed_fraction(year, as_of, profile)
    reached = (value / target).quantize(FRACTION_QUANTUM, ROUND_HALF_UP) if target else None
    return Pace(value, target, expected, reached, value - expected)
