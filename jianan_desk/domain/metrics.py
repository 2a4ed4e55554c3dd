"""The registry of metric keys (指标). Definitions follow ``shared/domain.md``.

Each metric is computed from records by ``services.metrics``; this module only says what
each key means, its unit and how to show it, so targets and reports can refer to keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MetricUnit(StrEnum):
    COUNT = "个"
    WAN = "万元"
    USD_WAN = "万美元"
    RATE = "%"


@dataclass(frozen=True)
class MetricDef:
    key: str
    name: str
    unit: MetricUnit
    description: str


METRICS: tuple[MetricDef, ...] = (
    MetricDef("signed_count", "签约项目数", MetricUnit.COUNT, "签约日期在当年的招商引资项目数"),
    MetricDef(
        "signed_over_100m_count",
        "亿元以上签约项目数",
        MetricUnit.COUNT,
        "当年签约项目中总投资≥1亿元（10,000万元）的项目数",
    ),
    MetricDef("signed_investment_wan", "签约总投资", MetricUnit.WAN, "当年签约项目总投资之和"),
    MetricDef("funds_in_place_wan", "到位资金", MetricUnit.WAN, "到位日期在当年的到位资金之和"),
    MetricDef("performing_count", "履约项目数", MetricUnit.COUNT, "当年签约项目中截至统计日已履约"),
    MetricDef("performance_rate", "履约率", MetricUnit.RATE, "履约项目数 / 签约项目数"),
    MetricDef("started_count", "开工项目数", MetricUnit.COUNT, "当年签约项目中截至统计日已开工"),
    MetricDef("start_rate", "开工率", MetricUnit.RATE, "开工项目数 / 签约项目数"),
    MetricDef(
        "operating_count", "投产/运营项目数", MetricUnit.COUNT, "当年签约项目中截至统计日已投产"
    ),
    MetricDef("fdi_usd_wan", "实际利用外资", MetricUnit.USD_WAN, "当年实际到位外资之和"),
    MetricDef(
        "fdi_growth_rate", "实际利用外资增速", MetricUnit.RATE, "(当年外资 − 上年外资) / 上年外资"
    ),
    MetricDef("key_project_count", "重点项目数", MetricUnit.COUNT, "列入当年重点项目计划的项目数"),
    MetricDef(
        "key_over_1b_count",
        "10亿元以上重点项目数",
        MetricUnit.COUNT,
        "当年重点项目中总投资≥10亿元（100,000万元）的项目数",
    ),
    MetricDef(
        "completed_investment_wan",
        "重点项目完成投资",
        MetricUnit.WAN,
        "当年重点项目截至统计月的月度完成投资之和",
    ),
)

METRIC_KEYS: tuple[str, ...] = tuple(m.key for m in METRICS)
BY_KEY: dict[str, MetricDef] = {m.key: m for m in METRICS}

# Thresholds from the plans, in 万元.
OVER_100M_WAN = 10_000
OVER_1B_WAN = 100_000
