from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jianan_desk.domain.money import (
    AmountError,
    MoneyUnit,
    format_yi,
    parse_amount_wan,
)


@pytest.mark.parametrize(
    ("text", "wan"),
    [
        ("5亿元", "50000"),
        ("5亿", "50000"),
        ("5,000万元", "5000"),
        ("５０００", "5000"),
        ("伍仟万元", "5000"),
        ("五千万", "5000"),
        ("1亿2000万", "12000"),
        ("3.5亿", "35000"),
        ("4.39亿元", "43900"),
        ("三千五百万", "3500"),
        ("50000元", "5"),
        ("十五亿", "150000"),
        ("两亿", "20000"),
        ("约 2.5 亿元", "25000"),
        ("284.48亿元", "2844800"),
        ("0.0001万元", "0.0001"),
    ],
)
def test_parses_amounts_as_typed_by_people(text, wan):
    assert parse_amount_wan(text) == Decimal(wan)


def test_bare_number_uses_the_callers_unit():
    assert parse_amount_wan("2.5", MoneyUnit.YI) == Decimal(25000)
    assert parse_amount_wan("25000", MoneyUnit.YUAN) == Decimal("2.5")
    assert parse_amount_wan(7) == Decimal(7)


@pytest.mark.parametrize("text", ["", "abc", "五亿美元", "——", "12万x"])
def test_rejects_non_amounts_with_chinese_message(text):
    with pytest.raises(AmountError) as info:
        parse_amount_wan(text)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(info.value))


def test_result_is_exact_decimal_never_float():
    value = parse_amount_wan("0.1亿")
    assert isinstance(value, Decimal)
    assert value == Decimal(1000)


@given(st.integers(min_value=0, max_value=10**12))
def test_wan_roundtrip_through_yuan_is_exact(yuan):
    wan = parse_amount_wan(f"{yuan}元")
    assert wan * 10000 == yuan


def test_sum_of_many_amounts_is_exact():
    amounts = [parse_amount_wan(f"{i}.0001万元") for i in range(10_000)]
    assert sum(amounts) == Decimal(sum(range(10_000))) + Decimal("1.0000")


def test_format_yi():
    assert format_yi(Decimal(2844800)) == "284.48"
    assert format_yi(Decimal("626200")) == "62.62"
