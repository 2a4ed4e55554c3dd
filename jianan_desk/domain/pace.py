"""Pace against an annual target: where the figure should be by a date.

Amounts and counts accumulate over the year, so the expected value by a date is the target
times the share of the year elapsed: linear over the days of the year by default, or by a
**monthly profile**: twelve cumulative shares of the target expected by the end of each
month (non-decreasing, from 0 to 1, the last exactly 1), e.g. a slow January and a busy
December. Within a month the share grows linearly by day. Rates (开工率, 外资增速) do not
accumulate: their expected value is the target itself at any date.

A profile is stored in ``annual_targets.monthly_profile`` as a JSON list of twelve numbers
(``""`` = linear): :func:`parse_profile` and :func:`profile_text` convert, exactly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FRACTION_QUANTUM = Decimal("0.000001")
SHARE_QUANTUM = Decimal("0.0001")  # a stored share: 0.01 % of the target
MONTHS = 12

Profile = tuple[Decimal, ...]
"""Twelve cumulative shares of the target by each month end; the last is 1."""


class ProfileError(ValueError):
    """A monthly profile that cannot be used (message in Chinese)."""


def check_profile(shares: Sequence[Decimal | int | str]) -> Profile:
    """``shares`` as a :data:`Profile`, or ``ProfileError`` saying what is wrong."""
    if len(shares) != MONTHS:
        raise ProfileError("月度进度须为 12 个月的累计比例")
    try:
        values = tuple(Decimal(s) for s in shares)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ProfileError("月度进度中有无法识别的数字") from exc
    if any(not v.is_finite() or v < 0 or v > 1 for v in values):
        raise ProfileError("月度累计比例须在 0% 到 100% 之间")
    if any(b < a for a, b in itertools.pairwise(values)):
        raise ProfileError("月度累计比例不能逐月减少")
    if values[-1] != 1:
        raise ProfileError("12 月底的累计比例须为 100%")
    return values


def profile_from_monthly(percentages: Sequence[Decimal | int]) -> Profile:
    """The profile of twelve monthly shares in percent (each month's part; sum 100)."""
    if len(percentages) != MONTHS:
        raise ProfileError("请填写 12 个月的比例")
    months = [Decimal(p) for p in percentages]
    if any(p < 0 for p in months):
        raise ProfileError("月度比例不能为负数")
    if sum(months, Decimal(0)) != 100:
        raise ProfileError(f"12 个月的比例合计须为 100%（现为 {sum(months, Decimal(0)):f}%）")
    shares, total = [], Decimal(0)
    for p in months:
        total += p
        shares.append((total / 100).quantize(SHARE_QUANTUM, ROUND_HALF_UP))
    return check_profile(shares)


def monthly_percentages(profile: Profile | None) -> tuple[Decimal, ...]:
    """Each month's part of the target in percent (linear: by the days of a common year)."""
    if profile is None:
        profile = LINEAR_BY_MONTH
    out, before = [], Decimal(0)
    for share in profile:
        out.append(((share - before) * 100).quantize(Decimal("0.01"), ROUND_HALF_UP))
        before = share
    return tuple(out)


def parse_profile(text: str | None) -> Profile | None:
    """The stored JSON text as a profile; None for "" (linear). ``ProfileError`` if bad."""
    if not text or not text.strip():
        return None
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as exc:
        raise ProfileError("月度进度格式错误") from exc
    if not isinstance(data, list):
        raise ProfileError("月度进度格式错误")
    return check_profile(data)


def profile_text(profile: Sequence[Decimal] | None) -> str:
    """What ``annual_targets.monthly_profile`` stores: exact decimals, "" for linear."""
    if profile is None:
        return ""
    shares = check_profile(profile)
    return "[" + ", ".join(format(s.normalize(), "f") for s in shares) + "]"


def _cumulative(months: Sequence[int]) -> Profile:
    total, out = sum(months), []
    running = 0
    for m in months:
        running += m
        out.append((Decimal(running) / Decimal(total)).quantize(SHARE_QUANTUM, ROUND_HALF_UP))
    return tuple(out)


LINEAR_BY_MONTH: Profile = _cumulative([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])

PRESETS: dict[str, Profile | None] = {
    "线性": None,
    # 时间过半、任务过半 by quarter: 25 % a quarter, spread evenly over its months.
    "季度均衡": _cumulative([1] * MONTHS),
    # A slow start after the Spring Festival, most signings in the second half.
    "前低后高": _cumulative([4, 5, 6, 7, 8, 8, 9, 9, 10, 10, 12, 12]),
    # 一季度开门红: a strong first quarter (group signings and starts), then steady.
    "前高后低": _cumulative([12, 12, 10, 10, 9, 9, 8, 8, 7, 6, 5, 4]),
}
"""Named profiles offered by the targets editor (None: linear by day)."""


def preset_name(profile: Profile | None) -> str | None:
    """The preset ``profile`` equals, or None for a custom one."""
    for name, preset in PRESETS.items():
        if preset == profile:
            return name
    return None


def elapsed_fraction(
    year: int, as_of: dt.date, profile: Sequence[Decimal] | None = None
) -> Decimal:
    """Share of ``year``'s target expected by the end of ``as_of`` (0 before, 1 after).

    Linear over the days of the year without a profile; with one, the profile's share at
    the end of the previous month plus this month's part in proportion to its days.
    """
    if as_of < dt.date(year, 1, 1):
        return Decimal(0)
    if as_of >= dt.date(year, 12, 31):
        return Decimal(1)
    if profile is None:
        days = 366 if calendar.isleap(year) else 365
        done = as_of.timetuple().tm_yday
        return (Decimal(done) / Decimal(days)).quantize(FRACTION_QUANTUM, ROUND_HALF_UP)
    shares = check_profile(profile)
    before = shares[as_of.month - 2] if as_of.month > 1 else Decimal(0)
    month_days = calendar.monthrange(year, as_of.month)[1]
    share = before + (shares[as_of.month - 1] - before) * Decimal(as_of.day) / Decimal(month_days)
    return share.quantize(FRACTION_QUANTUM, ROUND_HALF_UP)


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
    """The figure against its target by ``as_of`` (``profile``: see :func:`elapsed_fraction`)."""
    value, target = Decimal(value), Decimal(target)
    expected = target if is_rate else target * elapsed_fraction(year, as_of, profile)
    reached = (value / target).quantize(FRACTION_QUANTUM, ROUND_HALF_UP) if target else None
    return Pace(value, target, expected, reached, value - expected)
