import datetime as dt
from decimal import Decimal

import pytest

from jianan_desk.domain.pace import (
    PRESETS,
    ProfileError,
    elapsed_fraction,
    monthly_percentages,
    pace,
    parse_profile,
    preset_name,
    profile_from_monthly,
    profile_text,
)

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


def test_monthly_profile_is_cumulative_and_linear_within_a_month():
    even = [Decimal(m) / 12 for m in range(1, 13)]
    assert elapsed_fraction(2022, D(2022, 6, 30), even) == Decimal("0.5")
    back_loaded = [Decimal(0)] * 11 + [Decimal(1)]
    assert elapsed_fraction(2022, D(2022, 11, 30), back_loaded) == 0
    assert elapsed_fraction(2022, D(2022, 12, 16), back_loaded) == (Decimal(16) / 31).quantize(
        Decimal("0.000001")
    )
    assert elapsed_fraction(2022, D(2022, 12, 31), back_loaded) == 1
    # Half of February (28 days) between 10 % (January) and 30 % (February end).
    shares = [Decimal("0.1"), Decimal("0.3")] + [Decimal(1)] * 10
    assert elapsed_fraction(2022, D(2022, 2, 14), shares) == Decimal("0.2")
    assert elapsed_fraction(2022, D(2022, 1, 31), shares) == Decimal("0.1")


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ([Decimal(1)] * 11, "12"),
        ([Decimal("0.5")] * 12, "100%"),
        ([Decimal("0.6"), Decimal("0.5")] + [Decimal(1)] * 10, "减少"),
        ([Decimal(-1)] + [Decimal(1)] * 11, "0%"),
    ],
)
def test_bad_profiles_are_refused_in_chinese(shares, message):
    with pytest.raises(ProfileError, match=message):
        elapsed_fraction(2022, D(2022, 5, 1), shares)


def test_profile_text_round_trips_exactly():
    profile = PRESETS["前低后高"]
    assert profile is not None
    text = profile_text(profile)
    assert text.startswith("[0.04, 0.09, 0.15") and text.endswith(", 1]")
    assert parse_profile(text) == profile
    assert parse_profile("") is None and profile_text(None) == ""
    with pytest.raises(ProfileError):
        parse_profile("not json")


def test_monthly_percentages_and_presets():
    profile = profile_from_monthly([4, 5, 6, 7, 8, 8, 9, 9, 10, 10, 12, 12])
    assert profile == PRESETS["前低后高"]
    assert preset_name(profile) == "前低后高"
    assert monthly_percentages(profile)[0] == Decimal("4.00")
    assert sum(monthly_percentages(profile)) == 100
    assert preset_name(None) == "线性"
    assert preset_name(profile_from_monthly([50] + [0] * 10 + [50])) is None
    quarterly = PRESETS["季度均衡"]
    assert quarterly is not None and quarterly[2] == Decimal("0.25")
    with pytest.raises(ProfileError, match="合计"):
        profile_from_monthly([10] * 12)


def test_pace_with_a_profile():
    profile = PRESETS["前低后高"]
    # 31 March: 15 % of the year's target expected, not the linear 24.7 %.
    p = pace(Decimal(40), Decimal(100), 2022, D(2022, 3, 31), profile=profile)
    assert p.expected == Decimal(15) and p.delta == Decimal(25) and p.ahead
    linear = pace(Decimal(40), Decimal(100), 2022, D(2022, 3, 31))
    assert linear.expected == Decimal(100) * (Decimal(90) / 365).quantize(Decimal("0.000001"))
    # A rate ignores the profile.
    assert pace(1, 2, 2022, D(2022, 3, 31), is_rate=True, profile=profile).expected == 2


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
