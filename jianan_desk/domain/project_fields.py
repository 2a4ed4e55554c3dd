"""The fields of a project as people type them: labels, and one parser per field.

Used by the project service (which validates a whole form at once), by a form that checks
one field as it is typed, and by the importer, so that "5亿", "5,000万", "５０００" and
"伍仟万" mean the same everywhere. Every parser returns ``None`` for an empty value and
raises ``FieldError`` (a ``ValueError``) with a Chinese message otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from jianan_desk.domain.money import AmountError, MoneyUnit, parse_amount_wan

FIELD_LABELS: dict[str, str] = {
    "name": "项目名称",
    "code": "项目编码",
    "family": "项目类别",
    "company_id": "投资方",
    "new_company_name": "投资方",
    "industry_node_id": "所属产业",
    "chain_link_id": "产业链环节",
    "field_id": "5122 领域",
    "total_investment_wan": "总投资（万元）",
    "fixed_asset_investment_wan": "固定资产投资（万元）",
    "foreign_investment_usd_wan": "外资（万美元）",
    "land_mu": "用地（亩）",
    "location": "建设地点",
    "unit_id": "责任单位",
    "leader_in_charge": "分包领导",
    "task_force_id": "专班",
    "expected_revenue_wan": "预计年营业收入（万元）",
    "expected_tax_wan": "预计年税收（万元）",
    "jobs": "带动就业（人）",
    "construction_content": "建设内容",
    "contract_notes": "合同情况",
    "notes": "备注",
    "stage": "项目阶段",
    "on": "日期",
    "reason": "原因",
    "note": "说明",
    "actor": "操作人",
    "signed_investment_wan": "签约投资额（万元）",
}

FAMILY_LABELS: dict[str, str] = {"attraction": "招商引资项目", "key": "重点项目"}
_FAMILY_ALIASES = {
    "招商引资": "attraction",
    "招商引资项目": "attraction",
    "招商": "attraction",
    "重点": "key",
    "重点项目": "key",
}

# Longest text each column takes (String(n) columns; Text columns are unbounded).
TEXT_LIMITS: dict[str, int] = {
    "name": 300,
    "code": 64,
    "location": 200,
    "leader_in_charge": 50,
    "new_company_name": 200,
}


class FieldError(ValueError):
    """A value a field does not accept (message in Chinese)."""


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _nfkc(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_money_wan(value: str | Decimal | int | float | None) -> Decimal | None:
    """An amount in 万元 ("5亿", "5,000万", "５０００", "伍仟万", 5000); never negative."""
    if _empty(value):
        return None
    if isinstance(value, float):
        value = str(value)
    try:
        amount = parse_amount_wan(value)  # type: ignore[arg-type]
    except AmountError as exc:
        raise FieldError(str(exc)) from None
    if amount < 0:
        raise FieldError("金额不能为负数")
    return amount


_USD = re.compile(r"美元|美金|USD|US\$|\$", re.IGNORECASE)


def parse_usd_wan(value: str | Decimal | int | float | None) -> Decimal | None:
    """Foreign capital in 万美元: "500", "500万美元", "$500万", "5000000美元" (= 500)."""
    if _empty(value):
        return None
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return parse_money_wan(value)
    text = _nfkc(value)
    if _USD.search(text):
        text = _USD.sub("", text).strip() + "元"  # a plain number of dollars is in 美元
    if "人民币" in text:
        raise FieldError("外资请填写美元金额（万美元）")
    try:
        amount = parse_amount_wan(text, MoneyUnit.WAN)
    except AmountError:
        raise FieldError(f"无法识别的外资金额：“{value}”") from None
    if amount < 0:
        raise FieldError("金额不能为负数")
    return amount


_NUMBER = re.compile(r"^\d+(\.\d+)?$")


def parse_land_mu(value: str | Decimal | int | float | None) -> Decimal | None:
    """Land in 亩: "95", "95亩", "193.68", "1.2万亩", "九十五亩"; four decimals at most."""
    if _empty(value):
        return None
    text = _nfkc(value).replace(",", "").replace("，", "").replace(" ", "")
    text = text.removesuffix("亩")
    try:
        if _NUMBER.match(text):
            area = Decimal(text)
        elif "亿" in text:
            raise FieldError(f"用地面积过大：“{value}”")
        elif "万" in text:
            area = parse_amount_wan(text + "元") * 10000
        else:
            area = parse_amount_wan(text, MoneyUnit.WAN)
    except (AmountError, InvalidOperation):
        raise FieldError(f"无法识别的用地面积：“{value}”（单位：亩）") from None
    if area < 0:
        raise FieldError("用地面积不能为负数")
    if area != area.quantize(Decimal("0.0001")):
        raise FieldError("用地面积最多保留四位小数")
    return area


def parse_jobs(value: str | int | None) -> int | None:
    """A head count: "1200", "1,200人", "１２００", "一千二百人"."""
    if _empty(value):
        return None
    if isinstance(value, bool):
        raise FieldError("请填写人数")
    if isinstance(value, int):
        count = Decimal(value)
    else:
        text = _nfkc(value).replace(",", "").replace("，", "").replace(" ", "")
        text = text.removesuffix("人").removesuffix("个")
        try:
            count = Decimal(text) if _NUMBER.match(text) else parse_amount_wan(text)
        except (AmountError, InvalidOperation):
            raise FieldError(f"无法识别的人数：“{value}”") from None
    if count < 0:
        raise FieldError("人数不能为负数")
    if count != count.to_integral_value():
        raise FieldError("人数应为整数")
    return int(count)


def parse_family(value: str | None) -> str:
    """ "attraction" / "key", or their Chinese names; empty means 招商引资."""
    if _empty(value):
        return "attraction"
    text = _nfkc(value)
    if text in FAMILY_LABELS:
        return text
    if text in _FAMILY_ALIASES:
        return _FAMILY_ALIASES[text]
    raise FieldError(f"项目类别应为“招商引资项目”或“重点项目”：“{value}”")


def clean_text(field: str, value: str | None, *, required: bool = False) -> str:
    """Stripped text, within the column's length; ``required`` refuses empty text."""
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise FieldError(f"请填写{FIELD_LABELS.get(field, field)}")
    limit = TEXT_LIMITS.get(field)
    if limit is not None and len(text) > limit:
        raise FieldError(f"不能超过 {limit} 个字（现有 {len(text)} 个）")
    return text


PARSERS: dict[str, Callable[[Any], Any]] = {
    "total_investment_wan": parse_money_wan,
    "fixed_asset_investment_wan": parse_money_wan,
    "expected_revenue_wan": parse_money_wan,
    "expected_tax_wan": parse_money_wan,
    "signed_investment_wan": parse_money_wan,
    "foreign_investment_usd_wan": parse_usd_wan,
    "land_mu": parse_land_mu,
    "jobs": parse_jobs,
    "family": parse_family,
}


def parse_field(field: str, value: Any) -> Any:
    """Parse one form field the way the service will (for live checks in a form).

    Fields without a parser are cleaned as text. Raises ``FieldError``.
    """
    parser = PARSERS.get(field)
    if parser is not None:
        return parser(value)
    return clean_text(field, value, required=field == "name")
