"""Amounts of money: parsing what people type, and exact conversions.

Money is held as ``Decimal`` in 万元 with at most four decimal places (= whole 元),
never as float. Input arrives as "5亿元", "5,000万元", "５０００", "伍仟万元",
"1亿2000万", "3.5亿"; a bare number is in the caller's default unit.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

WAN_PER_YI = Decimal(10000)
WAN_QUANTUM = Decimal("0.0001")  # one 元


class MoneyUnit(StrEnum):
    YUAN = "元"
    WAN = "万元"
    YI = "亿元"


class AmountError(ValueError):
    """Text that is not an amount of money (message in Chinese)."""


_DIGITS = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_NOISE = re.compile(r"[\s,，_]|人民币|RMB|约|左右|计划|总投资|投资")
_ARABIC = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _section(text: str) -> Decimal:
    """Value of a run below 万: "5000", "伍仟", "5千", "三千五百", "十五", "3.5"."""
    if text == "":
        return Decimal(0)
    if _ARABIC.match(text):
        return Decimal(text)
    total = Decimal(0)
    number: Decimal | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit() or ch == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            try:
                number = Decimal(text[i:j])
            except InvalidOperation as exc:
                raise AmountError(f"无法识别的数字：“{text}”") from exc
            i = j
            continue
        if ch in _DIGITS:
            number = Decimal(_DIGITS[ch])
        elif ch in _SMALL_UNITS:
            total += (number if number is not None else Decimal(1)) * _SMALL_UNITS[ch]
            number = None
        else:
            raise AmountError(f"无法识别的金额：“{text}”")
        i += 1
    if number is not None:
        total += number
    return total


def parse_amount_wan(text: str | int | Decimal, default_unit: MoneyUnit = MoneyUnit.WAN) -> Decimal:
    """Parse an amount to 万元 (exact, quantised to whole 元).

    >>> parse_amount_wan("5亿元")
    Decimal('50000.0000')
    """
    if isinstance(text, int | Decimal):
        value = Decimal(text)
        return _to_wan(value, default_unit)
    raw = str(text)
    s = unicodedata.normalize("NFKC", raw).strip()
    s = _NOISE.sub("", s)
    if s.endswith("元"):
        s = s[:-1]
        unit_if_plain = MoneyUnit.YUAN
    else:
        unit_if_plain = default_unit
    if s in ("", "-", "—"):
        raise AmountError(f"金额为空：“{raw}”")
    if "美元" in s or "$" in s:
        raise AmountError(f"外币金额请填入外资（万美元）栏：“{raw}”")
    negative = s.startswith("-")
    if negative:
        s = s[1:]
    try:
        if "亿" in s or "万" in s:
            yi_part, _, rest = s.rpartition("亿") if "亿" in s else ("", "", s)
            wan_part, _, yuan_part = rest.rpartition("万") if "万" in rest else ("", "", rest)
            yuan = (
                _section_or_wan(yi_part) * Decimal(10) ** 8
                + _section(wan_part) * Decimal(10) ** 4
                + _section(yuan_part)
            )
            value = yuan / WAN_PER_YI
        else:
            value = _to_wan(_section(s), unit_if_plain)
    except (InvalidOperation, AmountError) as exc:
        raise AmountError(f"无法识别的金额：“{raw}”") from exc
    value = value.quantize(WAN_QUANTUM, rounding=ROUND_HALF_UP)
    return -value if negative else value


def _section_or_wan(text: str) -> Decimal:
    # "1万亿" style: a 万 inside the 亿 part multiplies it.
    if "万" in text:
        head, _, tail = text.partition("万")
        return _section(head) * 10000 + _section(tail)
    return _section(text)


def _to_wan(value: Decimal, unit: MoneyUnit) -> Decimal:
    if unit is MoneyUnit.YI:
        value = value * WAN_PER_YI
    elif unit is MoneyUnit.YUAN:
        value = value / WAN_PER_YI
    return value.quantize(WAN_QUANTUM, rounding=ROUND_HALF_UP)


def wan_to_yi(wan: Decimal) -> Decimal:
    return wan / WAN_PER_YI


def format_yi(wan: Decimal, places: int = 2) -> str:
    """万元 → "284.48" (亿元), rounded half up for display only."""
    q = Decimal(1).scaleb(-places)
    return f"{(wan / WAN_PER_YI).quantize(q, rounding=ROUND_HALF_UP):,.{places}f}"


def format_wan(wan: Decimal, places: int = 2) -> str:
    q = Decimal(1).scaleb(-places)
    return f"{wan.quantize(q, rounding=ROUND_HALF_UP):,.{places}f}"
