"""``jianan-desk report meeting --date DATE -o FILE``: the 周例会简报 from the command line.

Kept apart from ``cli.py`` (which calls ``add_parser`` and ``request``), so that the meeting
brief's options live with the meeting code.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jianan_desk.reports.period import parse_date
from jianan_desk.reports.service import MeetingRequest


def add_parser(kinds: Any) -> None:
    """Add the ``meeting`` report to ``report``'s sub-parsers."""
    r = kinds.add_parser(
        "meeting", help="周例会简报：总体情况、交办与销号问题、超期问题清单、议定事项"
    )
    r.add_argument("--date", required=True, metavar="DATE", help="会议日期，如 2022-03-14")
    r.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help="输出的 PDF 文件"
    )
    r.add_argument("--issuer", metavar="NAME", help="制表单位（默认：建安区投资促进中心）")


def request(args: argparse.Namespace) -> MeetingRequest:
    """The request of ``report meeting`` (ReportError in Chinese for a bad date)."""
    return MeetingRequest(parse_date(args.date))
