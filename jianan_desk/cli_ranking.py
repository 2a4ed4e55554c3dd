"""``jianan-desk report ranking --year Y --quarter Q -o FILE``: 季度考评排名 from the command line.

Kept apart from ``cli.py`` (which calls ``add_parser`` and ``run``). The output is a PDF,
or a spreadsheet when FILE ends in ``.xlsx``; the weights are the bureau's (set in the
program: 首页 → 季度考评 → 权重).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_parser(kinds: Any) -> None:
    """Add the ``ranking`` report to ``report``'s sub-parsers."""
    r = kinds.add_parser(
        "ranking", help="季度考评排名：各责任单位按加权综合得分排名（PDF，或 .xlsx 表格）"
    )
    r.add_argument("--year", type=int, required=True, help="年份，如 2022")
    r.add_argument(
        "--quarter", type=int, required=True, choices=(1, 2, 3, 4), help="季度：1、2、3 或 4"
    )
    r.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE",
        help="输出文件：.pdf，或 .xlsx（Excel 表格）",
    )
    r.add_argument("--issuer", metavar="NAME", help="制表单位（默认：建安区投资促进中心）")


def run(args: argparse.Namespace, open_db: Callable[..., Any]) -> int:
    """Write the ranking to ``args.output``; prints one line; raises ``CliError``."""
    from jianan_desk.cli import EXIT_OK, CliError
    from jianan_desk.reports.ranking import build_ranking_pdf, write_ranking_xlsx
    from jianan_desk.services.errors import ValidationError
    from jianan_desk.services.ranking import RankingError, rank_units

    target: Path = args.output.expanduser().resolve()
    if not target.parent.is_dir():
        raise CliError(f"输出文件夹不存在：{target.parent}")
    db = open_db(args, write=False)
    try:
        with db.session(readonly=True) as session:
            ranking = rank_units(session, args.year, args.quarter)
    except (RankingError, ValidationError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.dispose()
    try:
        if target.suffix.lower() == ".xlsx":
            write_ranking_xlsx(ranking, target)
        else:
            target.write_bytes(build_ranking_pdf(ranking, issuer=args.issuer))
    except OSError as exc:
        raise CliError(f"无法写入 {target}：{exc.strerror or exc}") from exc
    first = ranking.units[0] if ranking.units else None
    lead = f"，第一名 {first.unit_name}（{first.score:.2f} 分）" if first and first.score else ""
    print(f"已生成 {target}（{ranking.title}：{len(ranking.units)} 个单位{lead}）")
    return EXIT_OK
