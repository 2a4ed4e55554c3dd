"""Dates as people type them: the one parser for forms, the importer and the CLI.

Accepted (full-width digits and punctuation too, surrounding spaces ignored):

* ``2022-01-04``, ``2022-1-4``, ``2022/1/4``, ``2022.1.4``, ``2022_1_4``, ``20220104``;
* ``2022年1月4日`` (also ``号`` for ``日``), ``二〇二二年一月四日``, ``2022年元月4日``;
* a time after the date is ignored: ``2022-01-04 08:30:00``, ``2022-01-04T08:30``;
* month precision: ``2022年1月``, ``2022-01``, ``2022/1``, ``2022.1``, ``202201`` → the 1st,
  reported as ``Precision.MONTH`` by ``parse_date_ex``;
* Excel serial numbers: an ``int``/``float`` (or a text of exactly 5 digits, optionally with
  a fraction: 10000–99999 are 1927–2173) counted in days from 1899-12-30, as Excel stores
  dates (serials below 61 follow Excel's 1900 leap-year bug);
* ``datetime.date`` / ``datetime.datetime`` values pass through (a datetime → its date).

Anything else raises ``DateParseError`` (a ``ValueError``) with a message in Chinese.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

EXCEL_EPOCH = dt.date(1899, 12, 30)
MIN_YEAR = 1900
MAX_YEAR = 2999
EXAMPLE = "请按 2022-01-04、2022/1/4 或 2022年1月4日 的格式填写"


class DateParseError(ValueError):
    """Text that is not a date (message in Chinese)."""


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date
    precision: Precision = Precision.DAY


_CN_DIGITS = {
    "〇": "0", "○": "0", "零": "0",
    "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
    "六": "6", "七": "7", "八": "8", "九": "9",
}  # fmt: skip
_SEP = r"[-/.\\_—–]"
_TIME = r"(?:[T\s]+\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?)?"
_YMD = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}}){_TIME}$")
_YM = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_COMPACT_YM = re.compile(r"^(\d{4})(\d{2})$")
_CHINESE = re.compile(r"^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")  # 10000–99999: 1927–2173
_CN_NUMBER = re.compile(r"[〇○零一二三四五六七八九十]+")


def _cn_small_number(text: str) -> str:
    """ "十二" → "12", "二十四" → "24", "三十" → "30", "四" → "4" (below 100)."""
    if "十" not in text:
        return "".join(_CN_DIGITS[c] for c in text)
    tens, _, units = text.partition("十")
    value = (int(_CN_DIGITS[tens]) if tens else 1) * 10
    if units:
        value += int(_CN_DIGITS[units])
    return str(value)


def _chinese_numerals(text: str) -> str:
    """Rewrite Chinese numerals of a 年/月/日 date in digits (二〇二二年元月四日 → 2022年1月4日)."""
    text = text.replace("元月", "1月").replace("正月", "1月")

    def year(match: re.Match[str]) -> str:
        digits = match.group(0)
        if "十" in digits:
            return digits  # not a year; left for the error message
        return "".join(_CN_DIGITS[c] for c in digits)

    head, sep, tail = text.partition("年")
    if sep:
        head = _CN_NUMBER.sub(year, head)
        try:
            tail = _CN_NUMBER.sub(lambda m: _cn_small_number(m.group(0)), tail)
        except KeyError:
            return text
    return head + sep + tail


def _make(raw: object, year: str, month: str, day: str | None) -> ParsedDate:
    y, m = int(year), int(month)
    d = int(day) if day is not None else 1
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise DateParseError(f"年份超出范围：“{raw}”")
    if not 1 <= m <= 12:
        raise DateParseError(f"月份应在 1 到 12 之间：“{raw}”")
    try:
        value = dt.date(y, m, d)
    except ValueError:
        raise DateParseError(f"日期不存在：{y}年{m}月{d}日（“{raw}”）") from None
    return ParsedDate(value, Precision.DAY if day is not None else Precision.MONTH)


def from_excel_serial(serial: float) -> dt.date:
    """An Excel serial day number (1900 date system) as a date; the time part is dropped."""
    whole = int(serial)
    if whole < 1 or whole > 2958465:  # 9999-12-31
        raise DateParseError(f"不是有效的 Excel 日期序号：{serial}")
    if whole < 61:  # Excel counts a 29 February 1900 that never was
        whole += 1
    value = EXCEL_EPOCH + dt.timedelta(days=whole)
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DateParseError(f"年份超出范围：{serial}")
    return value


def parse_date_ex(value: str | int | float | dt.date | None) -> ParsedDate:
    """Parse ``value`` to a date and say how precise it was (day or month)."""
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date())
    if isinstance(value, dt.date):
        return ParsedDate(value)
    if isinstance(value, bool):
        raise DateParseError(f"不是日期：{value}")
    if isinstance(value, int | float):
        if not math.isfinite(value):  # NaN: an empty spreadsheet cell
            raise DateParseError("日期为空")
        return ParsedDate(from_excel_serial(value))
    if value is None:
        raise DateParseError("日期为空")
    raw = str(value)
    text = unicodedata.normalize("NFKC", raw).strip()
    text = re.sub(r"\s*([年月日号/.\-])\s*", r"\1", text)
    if not text:
        raise DateParseError("日期为空")
    if _SERIAL.match(text):
        return ParsedDate(from_excel_serial(float(text)))
    for pattern in (_YMD, _COMPACT):
        match = pattern.match(text)
        if match:
            return _make(raw, *match.groups())
    for pattern in (_YM, _COMPACT_YM):
        match = pattern.match(text)
        if match:
            return _make(raw, match.group(1), match.group(2), None)
    text = _chinese_numerals(text)
    match = _CHINESE.match(text)
    if match:
        return _make(raw, *match.groups())
    raise DateParseError(f"无法识别的日期：“{raw}”（{EXAMPLE}）")


def parse_date(value: str | int | float | dt.date | None) -> dt.date:
    """Parse ``value`` to a date (month precision gives the 1st); see the module docstring.

    >>> parse_date("2022年1月4日")
    datetime.date(2022, 1, 4)
    """
    return parse_date_ex(value).date


def parse_optional_date(value: str | int | float | dt.date | None) -> dt.date | None:
    """``parse_date``, but empty text or None give None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value)


def format_date(value: dt.date | None) -> str:
    """The display form used across the program: 2022-01-04 ("" for None)."""
    return value.isoformat() if value else ""
