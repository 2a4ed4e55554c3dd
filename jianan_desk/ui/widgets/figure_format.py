"""How the dashboard writes a figure: 亿元 with two decimals for money, % for rates, 个 for counts.

Plain functions (no widgets), shared by the target cards, the records dialog and the charts.
Values come in storage units (万元, 万美元, a fraction, a count) as ``Decimal``/``int``;
rounding is half up and for display only.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from jianan_desk.domain.metrics import BY_KEY, MetricUnit

WAN_PER_YI = Decimal(10_000)
PERCENT = Decimal(100)


def _q(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def trim(text: str) -> str:
    """``"300.00"`` → ``"300"``, ``"1.50"`` → ``"1.5"``; integers are left alone."""
    if "." not in text:
        return text
    return text.rstrip("0").rstrip(".")


def unit_of(key: str) -> MetricUnit:
    return BY_KEY[key].unit if key in BY_KEY else MetricUnit.COUNT


def display_unit(key: str) -> str:
    """The unit a figure is shown in: 亿元, 万美元, % or 个."""
    unit = unit_of(key)
    return {
        MetricUnit.WAN: "亿元",
        MetricUnit.USD_WAN: "万美元",
        MetricUnit.RATE: "%",
        MetricUnit.COUNT: "个",
    }[unit]


def yi(wan: Decimal | int, places: int = 2) -> str:
    """万元 → ``"284.48"`` (亿元), with thousands separators."""
    return f"{_q(Decimal(wan) / WAN_PER_YI, places):,.{places}f}"


def number(key: str, value: Decimal | int | None, *, exact: bool = True) -> str:
    """The figure's number in its display unit, without the unit (``"—"`` for none).

    ``exact=False`` trims trailing zeros (for targets: 300 亿元, 60%).
    """
    if value is None:
        return "—"
    value = Decimal(value)
    unit = unit_of(key)
    if unit is MetricUnit.WAN:
        text = yi(value)
    elif unit is MetricUnit.USD_WAN:
        text = f"{_q(value, 2):,.2f}"
    elif unit is MetricUnit.RATE:
        text = f"{_q(value * PERCENT, 1):,.1f}"
    elif value == value.to_integral_value():
        text = f"{value:,.0f}"
    else:
        text = f"{_q(value, 1):,.1f}"
    return text if exact else trim(text)


def with_unit(key: str, value: Decimal | int | None, *, exact: bool = True) -> str:
    """``"284.48 亿元"``, ``"71.1%"``, ``"90 个"``; ``"—"`` when there is no figure."""
    if value is None:
        return "—"
    unit = display_unit(key)
    text = number(key, value, exact=exact)
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def percent(fraction: Decimal | None, places: int = 1) -> str:
    """A share: 0.948 → ``"94.8%"``."""
    if fraction is None:
        return "—"
    return f"{_q(fraction * PERCENT, places):,.{places}f}%"


def gap(key: str, delta: Decimal) -> str:
    """The size of a pace gap in the target's unit; for rates in percentage points.

    Counts are rounded to whole projects (``"12 个"``); a gap that rounds to nothing
    gives ``""`` (on pace).
    """
    size = abs(delta)
    unit = unit_of(key)
    if unit is MetricUnit.RATE:
        points = _q(size * PERCENT, 1)
        return f"{points:,.1f} 个百分点" if points else ""
    if unit is MetricUnit.WAN:
        amount = _q(size / WAN_PER_YI, 2)
        return f"{amount:,.2f} 亿元" if amount else ""
    if unit is MetricUnit.USD_WAN:
        amount = _q(size, 2)
        return f"{amount:,.2f} 万美元" if amount else ""
    whole = _q(size, 0)
    return f"{whole:,.0f} 个" if whole else ""


def pace_text(key: str, delta: Decimal) -> tuple[str, bool | None]:
    """The pace as words and whether it is ahead: ``("超前 3.37 亿元", True)``,
    ``("落后 52.3 个百分点", False)``, or ``("与进度持平", None)`` when the gap rounds to 0."""
    size = gap(key, delta)
    if not size:
        return "与进度持平", None
    return (f"超前 {size}", True) if delta > 0 else (f"落后 {size}", False)
