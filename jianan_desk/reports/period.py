"""Report periods (a year, a quarter, a month or custom dates), report options and errors.

No reportlab here: the command line and the 报表 page parse periods without loading it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

PeriodKind = Literal["year", "quarter", "month", "custom"]
GroupBy = Literal["industry", "field", "unit"]
GROUP_BY: tuple[GroupBy, ...] = ("industry", "field", "unit")
GROUP_LABELS: dict[str, str] = {"industry": "产业", "field": "领域", "unit": "责任单位"}
EXTRA_COLUMNS: dict[str, str] = {
    "land": "用地(亩)",
    "fdi": "合同外资(万美元)",
    "content": "建设内容",
    "unit": "责任单位",
}
QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")
MIN_YEAR, MAX_YEAR = 1990, 2100


class ReportError(ValueError):
    """A report that cannot be made from what was asked (message in Chinese)."""


def cn_date(day: dt.date) -> str:
    """2021-03-05 → 2021年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    kind: PeriodKind = "custom"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportError(
                f"结束日期（{cn_date(self.end)}）早于开始日期（{cn_date(self.start)}）"
            )
        for day in (self.start, self.end):
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                raise ReportError(f"日期超出范围：{cn_date(day)}")

    @classmethod
    def year(cls, year: int) -> Period:
        check_year(year)
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        check_year(year)
        if not 1 <= quarter <= 4:
            raise ReportError(f"季度应为 1–4：{quarter}")
        first = 3 * quarter - 2
        last = first + 2
        return cls(
            dt.date(year, first, 1),
            dt.date(year, last, calendar.monthrange(year, last)[1]),
            "quarter",
        )

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        check_year(year)
        if not 1 <= month <= 12:
            raise ReportError(f"月份应为 1–12：{month}")
        return cls(
            dt.date(year, month, 1),
            dt.date(year, month, calendar.monthrange(year, month)[1]),
            "month",
        )

    @classmethod
    def between(cls, start: str | dt.date, end: str | dt.date) -> Period:
        """Custom dates; whole years, quarters and months are recognised as such."""
        a, b = parse_date(start), parse_date(end)
        period = cls(a, b, "custom")
        for candidate in _named(a, b):
            if (candidate.start, candidate.end) == (a, b):
                return candidate
        return period

    @property
    def label(self) -> str:
        """2021年 / 2021年第一季度 / 2021年3月 / 2021年3月1日至2021年5月15日."""
        if self.kind == "year":
            return f"{self.start.year}年"
        if self.kind == "quarter":
            return f"{self.start.year}年{QUARTER_NAMES[(self.start.month - 1) // 3]}"
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        return f"{cn_date(self.start)}至{cn_date(self.end)}"

    @property
    def range_text(self) -> str:
        return f"{cn_date(self.start)}至{cn_date(self.end)}"

    @property
    def is_calendar_year(self) -> bool:
        return self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(
            self.start.year, 12, 31
        )


def _named(a: dt.date, b: dt.date) -> list[Period]:
    if a.year != b.year or a.day != 1:
        return []
    out = [Period.year(a.year)]
    if a.month % 3 == 1:
        out.append(Period.quarter(a.year, (a.month + 2) // 3))
    out.append(Period.month(a.year, a.month))
    return out


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ReportError(f"年份超出范围：{year}")


_CN_DATE = re.compile(r"^\s*(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?\s*$")


def parse_date(text: str | dt.date) -> dt.date:
    """2021-03-05, 2021/3/5, 2021.3.5 or 2021年3月5日 → a date; ReportError otherwise."""
    if isinstance(text, dt.date):
        return text
    m = _CN_DATE.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise ReportError(f"无法识别的日期：“{text}”（应为 YYYY-MM-DD，如 2021-03-05）")
