import datetime as dt

import pytest

from jianan_desk.domain.dates import (
    DateParseError,
    Precision,
    format_date,
    from_excel_serial,
    parse_date,
    parse_date_ex,
    parse_optional_date,
)

D = dt.date(2022, 1, 4)


@pytest.mark.parametrize(
    "text",
    [
        "2022-01-04",
        "2022-1-4",
        "2022/1/4",
        "2022.1.4",
        "20220104",
        "2022年1月4日",
        "2022年01月04日",
        "2022年1月4号",
        "2022 年 1 月 4 日",
        "２０２２－０１－０４",
        "２０２２年１月４日",
        "２０２２／１／４",
        "二〇二二年一月四日",
        "2022年元月4日",
        "2022-01-04 08:30:00",
        "2022-01-04T08:30",
        "  2022/1/4  ",
        "44565",
    ],
)
def test_accepted_forms(text):
    parsed = parse_date_ex(text)
    assert parsed.date == D
    assert parsed.precision is Precision.DAY


@pytest.mark.parametrize("text", ["2022年1月", "2022-01", "2022/1", "2022.1", "202201"])
def test_month_precision_gives_the_first(text):
    parsed = parse_date_ex(text)
    assert parsed.date == dt.date(2022, 1, 1)
    assert parsed.precision is Precision.MONTH


def test_chinese_tens():
    assert parse_date("二〇二一年十二月三十一日") == dt.date(2021, 12, 31)
    assert parse_date("2021年十月二十日") == dt.date(2021, 10, 20)


def test_excel_serials():
    assert parse_date(44565) == D
    assert parse_date(44565.75) == D  # the time of day is dropped
    assert from_excel_serial(1) == dt.date(1900, 1, 1)
    assert from_excel_serial(61) == dt.date(1900, 3, 1)  # after Excel's phantom 29 Feb


def test_dates_pass_through():
    assert parse_date(D) == D
    assert parse_date(dt.datetime(2022, 1, 4, 23, 59)) == D


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2022-02-30", "日期不存在"),
        ("2022年13月1日", "月份"),
        ("abc", "无法识别的日期"),
        ("2022", "无法识别的日期"),
        ("22/1/4", "无法识别的日期"),
        ("", "日期为空"),
        (None, "日期为空"),
        (float("nan"), "日期为空"),
        (True, "不是日期"),
        (0, "Excel"),
        ("1899-12-31", "年份"),
    ],
)
def test_refused_with_a_chinese_message(value, message):
    with pytest.raises(DateParseError, match=message):
        parse_date(value)


def test_error_is_a_value_error():
    assert issubclass(DateParseError, ValueError)


def test_optional_and_format():
    assert parse_optional_date("  ") is None
    assert parse_optional_date(None) is None
    assert parse_optional_date("2022/1/4") == D
    assert format_date(D) == "2022-01-04"
    assert format_date(None) == ""
