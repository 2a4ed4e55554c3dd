from decimal import Decimal

import pytest

from jianan_desk.domain.project_fields import FieldError, parse_field


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        ("total_investment_wan", "5亿", Decimal(50000)),
        ("total_investment_wan", "5,000万", Decimal(5000)),
        ("total_investment_wan", "５０００", Decimal(5000)),
        ("total_investment_wan", "伍仟万", Decimal(5000)),
        ("total_investment_wan", 5000, Decimal(5000)),
        ("total_investment_wan", "", None),
        ("foreign_investment_usd_wan", "500万美元", Decimal(500)),
        ("foreign_investment_usd_wan", "5000000美元", Decimal(500)),
        ("foreign_investment_usd_wan", "$500万", Decimal(500)),
        ("foreign_investment_usd_wan", "500", Decimal(500)),
        ("land_mu", "95亩", Decimal(95)),
        ("land_mu", "193.68", Decimal("193.68")),
        ("land_mu", "1.2万亩", Decimal(12000)),
        ("land_mu", "九十五亩", Decimal(95)),
        ("jobs", "1,200人", 1200),
        ("jobs", "一千二百人", 1200),
        ("jobs", "１２００", 1200),
        ("family", "重点项目", "key"),
        ("family", "", "attraction"),
        ("name", "  三佳  ", "三佳"),
    ],
)
def test_parsed(field, text, value):
    assert parse_field(field, text) == value


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("total_investment_wan", "-5", "负数"),
        ("total_investment_wan", "很多", "无法识别"),
        ("land_mu", "abc", "用地"),
        ("land_mu", "1.00001", "四位小数"),
        ("jobs", "1.5", "整数"),
        ("family", "其他", "项目类别"),
        ("name", " ", "请填写项目名称"),
        ("name", "项" * 301, "300"),
        ("location", "地" * 201, "200"),
    ],
)
def test_refused(field, text, message):
    with pytest.raises(FieldError, match=message):
        parse_field(field, text)
