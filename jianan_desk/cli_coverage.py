"""``jianan-desk report coverage -o FILE``: the 招商图谱覆盖 report from the command line.

Kept apart from ``cli.py`` (which calls ``add_parser`` and ``request``), so that the
report's options live with the 招商图谱 code.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jianan_desk.reports.period import ReportError, parse_date
from jianan_desk.reports.service import CoverageRequest


def add_parser(kinds: Any) -> None:
    """Add the ``coverage`` report to ``report``'s sub-parsers."""
    r = kinds.add_parser(
        "coverage", help="招商图谱覆盖：各产业链环节的本地企业、目标企业、线索、签约与缺口，附图谱"
    )
    r.add_argument(
        "--as-of", metavar="DATE", help="统计日期（默认：今天；演示数据为其截止日）；环节名称按当日"
    )
    r.add_argument(
        "--stale-days",
        type=int,
        metavar="N",
        help="目标企业超过 N 天未接触列为久未接触（默认：设置中的值，初始 90）",
    )
    r.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help="输出的 PDF 文件"
    )
    r.add_argument("--issuer", metavar="NAME", help="制表单位（默认：建安区投资促进中心）")


def request(args: argparse.Namespace) -> CoverageRequest:
    """The request of ``report coverage`` (ReportError in Chinese for bad options)."""
    from jianan_desk.settings import TARGET_STALE_DAYS, Preferences

    days = args.stale_days if args.stale_days is not None else Preferences().get(TARGET_STALE_DAYS)
    if not 1 <= days <= 3650:
        raise ReportError(f"未接触天数应在 1 到 3650 之间：{days}")
    as_of = parse_date(args.as_of) if args.as_of else None
    return CoverageRequest(as_of, days)
