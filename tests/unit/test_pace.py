import datetime as dt
from decimal import Decimal

import pytest

from jianan_desk.domain.pace import elapsed_fraction, pace

D = dt.date


def test_linear_fraction():
    assert elapsed_fraction(2022, D(2021, 12, 31)) == 0
    assert elapsed_fraction(2022, D(2022, 12, 31)) == 1
    assert elapsed_fraction(2022, D(2023, 5, 1)) == 1
    assert elapsed_fraction(2022, D(2022, 3, 31)) == (Decimal(90) / 365).quantize(
        Decimal("0.000001")
    )
    assert elapsed_fraction(2024, D(2024, 12, 30)) == (Decimal(365) / 366).quantize(
        Decimal("0.000001")
    )


def test_monthly_profile():
    flat = [Decimal(1)] * 12
    assert elapsed_fraction(2022, D(2022, 6, 30), flat) == Decimal("0.5")
    back_loaded = [Decimal(0)] * 11 + [Decimal(1)]
    assert elapsed_fraction(2022, D(2022, 11, 30), back_loaded) == 0
    assert elapsed_fraction(2022, D(2022, 12, 31), back_loaded) == 1
    with pytest.raises(ValueError, match="12"):
        elapsed_fraction(2022, D(2022, 5, 1), [Decimal(1)] * 11)


def test_pace_of_an_amount_target():
    # 2022 Q1: 67.8 亿 completed against 200 亿 for the year
    p = pace(Decimal(678000), Decimal(2000000), 2022, D(2022, 3, 31))
    assert p.expected == Decimal(2000000) * (Decimal(90) / 365).quantize(Decimal("0.000001"))
    assert p.ahead and p.delta > 0
    assert p.reached == Decimal("0.339")


def test_pace_of_a_rate_target_is_the_target_itself():
    p = pace(Decimal("0.55"), Decimal("0.60"), 2022, D(2022, 3, 31), is_rate=True)
    assert p.expected == Decimal("0.60")
    assert not p.ahead
    assert p.delta == Decimal("-0.05")


def test_zero_target_has_no_percentage():
    assert pace(5, 0, 2022, D(2022, 6, 1)).reached is None
