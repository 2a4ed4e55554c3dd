"""The headless command line: ``jianan-desk [--db PATH] <command>``; no command starts the GUI.

Every command reports errors in Chinese on stderr with a non-zero exit code, never a
traceback: environment problems (missing file, busy or newer database) say what to do;
anything else is a bug, logged with its traceback and reported as 内部错误.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

from jianan_desk import APP_TITLE, __version__
from jianan_desk.cli_migrate import COMMANDS as MIGRATE_COMMANDS
from jianan_desk.cli_migrate import add_parser as add_migrate_parser
from jianan_desk.cli_sync import COMMANDS as SYNC_COMMANDS
from jianan_desk.cli_sync import add_parsers as add_sync_parsers
from jianan_desk.logs import log_exception
from jianan_desk.paths import resolve_db
from jianan_desk.store.errors import StoreError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class CliError(Exception):
    """A user-facing failure; the message is Chinese and printed as is."""


class _ChineseParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"参数错误：{_translate_argparse(message)}\n")


def _translate_argparse(message: str) -> str:
    replacements = {
        "the following arguments are required": "缺少必需的参数",
        "unrecognized arguments": "无法识别的参数",
        "invalid choice": "无效的选项",
        "expected one argument": "需要一个值",
        "invalid int value": "不是整数",
        "argument ": "参数 ",
    }
    for en, zh in replacements.items():
        message = message.replace(en, zh)
    return message


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = _ChineseParser(
        prog="jianan-desk",
        description=f"{APP_TITLE}：招商项目、客商、外出招商与年度目标管理。不带命令时启动图形界面。",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="数据库文件路径或 SQLAlchemy URL（默认：环境变量 JIANAN_DB，否则用户数据目录）",
    )
    parser.add_argument("--version", action="version", version=f"{APP_TITLE} {__version__}")
    parser.add_argument("--screenshot", metavar="PNG", type=Path, help="把主窗口渲染为 PNG 后退出")
    parser.add_argument("--page", metavar="NAME", help="与 --screenshot 同用：要显示的页面")
    sub = parser.add_subparsers(dest="command", metavar="<命令>", parser_class=_ChineseParser)

    sub.add_parser("upgrade", help="把数据库升级到当前结构版本（升级前自动备份）")

    p = sub.add_parser("demo-data", help="向空数据库写入演示数据")
    p.add_argument("--seed", type=int, default=20220331, help="随机种子（默认 20220331）")

    sub.add_parser("check", help="检查数据库完整性与数据一致性；发现问题时退出码为 1")

    p = sub.add_parser("backup", help="备份数据库到文件")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="备份文件")
    p.add_argument("--force", action="store_true", help="覆盖已存在的备份文件")

    p = sub.add_parser("metrics", help="计算某年的全部指标")
    p.add_argument("--year", type=int, required=True, help="年份，如 2021")
    p.add_argument("--as-of", type=_date, metavar="DATE", help="统计截止日期（默认：年底或今天）")
    p.add_argument("--format", choices=("table", "json"), default="table", help="输出格式")
    p.add_argument(
        "--by", choices=("unit", "industry", "field"), help="按责任单位 / 222 产业 / 5122 领域分组"
    )

    p = sub.add_parser("targets", help="某年各项目标的完成情况与进度")
    p.add_argument("--year", type=int, required=True, help="年份，如 2022")
    p.add_argument("--as-of", type=_date, metavar="DATE", help="统计截止日期（默认：年底或今天）")
    p.add_argument("--format", choices=("table", "json"), default="table", help="输出格式")

    p = sub.add_parser("report", help="生成 PDF 报表（签约项目汇总、年度目标进展、外出招商报告）")
    kinds = p.add_subparsers(dest="report", metavar="<报表>", parser_class=_ChineseParser)
    kinds.required = True
    r = kinds.add_parser("signing", help="签约项目汇总：某时段签约的招商引资项目")
    r.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="开始日期")
    r.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="结束日期（含）")
    r.add_argument(
        "--group-by",
        choices=("industry", "field", "unit"),
        default="industry",
        help="分组：222 产业（默认）/ 5122 领域 / 责任单位",
    )
    r.add_argument(
        "--columns",
        default="",
        metavar="LIST",
        help="附加列，逗号分隔：land（用地）、fdi（合同外资）、content（建设内容）、unit（责任单位）",
    )
    r = kinds.add_parser("targets", help="年度目标进展：各项目标的完成情况、进度与主要贡献项目")
    r.add_argument("--year", type=int, required=True, help="年份，如 2022")
    r.add_argument("--as-of", type=_date, metavar="DATE", help="统计截止日期（默认：年底或今天）")
    r = kinds.add_parser("trip", help="外出招商报告：行程、拜访企业、形成线索、后续跟进")
    r.add_argument("trip", metavar="ID", help="活动 ID、ID 前缀或标题（的一部分）")
    for r in (kinds.choices["signing"], kinds.choices["targets"], kinds.choices["trip"]):
        r.add_argument(
            "-o", "--output", required=True, type=Path, metavar="FILE", help="输出的 PDF 文件"
        )
        r.add_argument("--issuer", metavar="NAME", help="制表单位（默认：建安区投资促进中心）")
    from jianan_desk import cli_meeting  # 周例会简报 (its own options and -o/--issuer)

    cli_meeting.add_parser(kinds)
    from jianan_desk import cli_coverage  # 招商图谱覆盖

    cli_coverage.add_parser(kinds)
    from jianan_desk import cli_ranking  # 季度考评排名 (its own options, PDF or .xlsx)

    cli_ranking.add_parser(kinds)

    p = sub.add_parser(
        "import", help="从 Excel（.xlsx/.xls）或 CSV 导入台账（项目、客商、拜访、目标）"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="要导入的文件")
    p.add_argument(
        "--kind",
        choices=("projects", "companies", "visits", "targets"),
        default="projects",
        help="导入内容：projects 项目（默认）、companies 客商、visits 拜访记录、targets 年度目标",
    )
    p.add_argument("--sheet", metavar="NAME", help="工作表名称（默认：第一个有数据的工作表）")
    p.add_argument("--dry-run", action="store_true", help="只预览，不写入数据库")
    p.add_argument("--skip-invalid", action="store_true", help="跳过有错误的行，导入其余行")
    p.add_argument("-e", "--errors", type=Path, metavar="FILE", help="错误行工作簿的保存位置")
    p.add_argument(
        "--map", action="append", default=[], metavar="表头=字段", help="手工指定列的含义，可多次"
    )
    p.add_argument("--actor", default="Excel导入", metavar="NAME", help="记入修改日志的操作人")
    from jianan_desk import cli_import  # --map-industry: the asking step for industry names

    cli_import.add_argument(p)

    p = sub.add_parser("export", help="导出清单（项目、客商、拜访、目标）或导入模板为 .xlsx")
    p.add_argument(  # checked against excel.export_kinds (imported only when exporting)
        "--kind",
        default="projects",
        metavar="KIND",
        help="导出内容：projects 项目（默认）、companies 客商、visits 拜访记录、targets 年度目标等",
    )
    p.add_argument("--template", choices=("projects",), help="导出导入模板（含示例与填写说明）")
    p.add_argument(
        "--year", type=int, help="只导出该年的记录（项目按签约年份，拜访按拜访日期，目标按年度）"
    )
    p.add_argument("--unmasked", action="store_true", help="联系人信息不打码（默认打码）")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="输出的 .xlsx")
    add_sync_parsers(sub, _ChineseParser)
    add_migrate_parser(sub)
    return parser


# ------------------------------------------------------------------ helpers


def _open(args: argparse.Namespace, *, write: bool):  # noqa: ANN202 - Database
    from jianan_desk.services.database import open_database

    url = resolve_db(args.db)
    if write:
        return open_database(url, migrate=True)
    db = open_database(url, migrate=False, must_exist=True)
    from jianan_desk.store.migrations import current_revision, head_revision

    if current_revision(db) != head_revision():
        db.dispose()
        raise CliError("数据库结构不是当前版本，请先运行 jianan-desk upgrade（或启动程序）升级。")
    return db


def _writer_lock(url: str) -> AbstractContextManager[object]:
    """Writes wait for the single-writer lock (held by a running GUI) up to the busy timeout."""
    from jianan_desk.store.engine import sqlite_path
    from jianan_desk.store.locks import WriterLock, busy_timeout_s

    path = sqlite_path(url)
    if path is None or not path.parent.is_dir():
        return nullcontext()
    return WriterLock(path).acquire(busy_timeout_s())


def _json_number(value: Decimal | int | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    normalized = value.normalize()
    text = format(normalized, "f")
    return text


def _pad(text: str, width: int) -> str:
    """Left-align by display width: a hanzi takes two terminal columns."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - used)


# ------------------------------------------------------------------ commands


def cmd_upgrade(args: argparse.Namespace) -> int:
    from jianan_desk.services.database import open_database, upgrade_database
    from jianan_desk.store.migrations import head_revision

    url = resolve_db(args.db)
    with _writer_lock(url):
        db = open_database(url, migrate=False)
        try:
            result = upgrade_database(db)
        finally:
            db.dispose()
    if result.created:
        print(f"已创建数据库 {db.display_name}（结构版本 {result.to_revision}），并写入基础数据。")
    elif result.changed:
        print(f"数据库已从版本 {result.from_revision} 升级到 {result.to_revision}。")
        if result.backup:
            print(f"升级前备份：{result.backup}")
    else:
        print(f"数据库已是最新版本（{head_revision()}），无需升级。")
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace) -> int:
    from jianan_desk.services.demo import DemoDataError, generate_demo_data

    url = resolve_db(args.db)
    with _writer_lock(url):
        db = _open(args, write=True)
        try:
            with db.session() as session:
                summary = generate_demo_data(session, seed=args.seed)
        except DemoDataError as exc:
            raise CliError(str(exc)) from exc
        finally:
            db.dispose()
    print(f"已写入演示数据到 {db.display_name}：")
    for name, value in vars(summary).items():
        print(f"  {name}: {value}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from jianan_desk.services.checks import run_checks

    db = _open(args, write=False)
    try:
        with db.session(readonly=True) as session:
            findings = run_checks(session, sqlite=db.path is not None)
    finally:
        db.dispose()
    if not findings:
        print(f"检查通过：{db.display_name} 未发现问题。")
        return EXIT_OK
    print(f"发现 {len(findings)} 个问题：", file=sys.stderr)
    for f in findings:
        print(f"  [{f.rule}] {f.message}", file=sys.stderr)
    return EXIT_FAILED


def cmd_backup(args: argparse.Namespace) -> int:
    from jianan_desk.store.backup import backup_sqlite
    from jianan_desk.store.engine import sqlite_path

    url = resolve_db(args.db)
    source = sqlite_path(url)
    if source is None:
        raise CliError("backup 命令只支持 SQLite 数据库文件；PostgreSQL 请使用 pg_dump。")
    if not source.exists():
        raise CliError(f"数据库文件不存在：{source}")
    target: Path = args.output.expanduser().resolve()
    if target.exists() and not args.force:
        raise CliError(f"备份文件已存在：{target}（如需覆盖请加 --force）")
    backup_sqlite(source, target)
    print(f"已备份到 {target}")
    return EXIT_OK


def _check_year(year: int) -> None:
    if not 1990 <= year <= 2100:
        raise CliError(f"年份超出范围：{year}")


def _show_value(key: str, value: Decimal | int | None) -> str:
    from jianan_desk.domain.metrics import BY_KEY, MetricUnit
    from jianan_desk.domain.money import format_wan, format_yi

    unit = BY_KEY[key].unit
    if value is None:
        return "—（无上年数据）" if key == "fdi_growth_rate" else "—"
    if unit is MetricUnit.RATE:
        return f"{Decimal(value) * 100:.1f}%"
    if unit is MetricUnit.WAN:
        return f"{format_wan(Decimal(value))} 万元（{format_yi(Decimal(value))} 亿元）"
    if unit is MetricUnit.USD_WAN:
        return f"{format_wan(Decimal(value))} 万美元"
    return f"{value} 个"


def _json_object(values: dict[str, Decimal | int | None]) -> str:
    return "{" + ", ".join(f'"{k}": {_json_number(v)}' for k, v in values.items()) + "}"


def cmd_metrics(args: argparse.Namespace) -> int:
    from jianan_desk.domain.metrics import BY_KEY, METRIC_KEYS
    from jianan_desk.services.metrics import compute_metrics, compute_metrics_by, default_as_of_for

    _check_year(args.year)
    db = _open(args, write=False)
    try:
        with db.session(readonly=True) as session:
            as_of = args.as_of or default_as_of_for(session, args.year)
            if args.by:
                groups = compute_metrics_by(session, args.year, args.by, as_of)
            else:
                values = compute_metrics(session, args.year, as_of)
    finally:
        db.dispose()
    if args.by:
        if args.format == "json":
            items = [
                f'{{"group": {json.dumps(g.name, ensure_ascii=False)}, "metrics": '
                f"{_json_object(g.values)}}}"
                for g in groups
            ]
            print("[" + ", ".join(items) + "]")
            return EXIT_OK
        label = {"unit": "责任单位", "industry": "产业", "field": "领域"}[args.by]
        print(f"{args.year} 年指标（按{label}，统计截至 {as_of:%Y-%m-%d}）")
        for g in groups:
            print(f"\n【{g.name}】")
            for key in METRIC_KEYS:
                print(f"  {_pad(BY_KEY[key].name, 22)}{_show_value(key, g.values[key])}")
        return EXIT_OK
    if args.format == "json":
        print(_json_object({key: values[key] for key in METRIC_KEYS}))
        return EXIT_OK
    print(f"{args.year} 年指标（统计截至 {as_of:%Y-%m-%d}）")
    for key in METRIC_KEYS:
        print(f"  {_pad(BY_KEY[key].name, 22)}{_pad(_show_value(key, values[key]), 36)}{key}")
    return EXIT_OK


def cmd_targets(args: argparse.Namespace) -> int:
    from jianan_desk.services.metrics import default_as_of_for
    from jianan_desk.services.targets import target_progress

    _check_year(args.year)
    db = _open(args, write=False)
    try:
        with db.session(readonly=True) as session:
            as_of = args.as_of or default_as_of_for(session, args.year)
            rows = target_progress(session, args.year, as_of)
    finally:
        db.dispose()
    if args.format == "json":
        items = []
        for r in rows:
            p = r.pace
            fields = {
                "plan": json.dumps(r.plan),
                "metric_key": json.dumps(r.metric_key),
                "display_name": json.dumps(r.display_name, ensure_ascii=False),
                "target": _json_number(r.target),
                "value": _json_number(r.value),
                "reached": _json_number(p.reached if p else None),
                "expected": _json_number(p.expected.quantize(Decimal("0.0001")) if p else None),
                "delta": _json_number(p.delta.quantize(Decimal("0.0001")) if p else None),
                "ahead": "null" if p is None else ("true" if p.ahead else "false"),
            }
            items.append("{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}")
        print("[" + ", ".join(items) + "]")
        return EXIT_OK
    if not rows:
        print(f"{args.year} 年尚未设定目标。")
        return EXIT_OK
    print(f"{args.year} 年目标进展（统计截至 {as_of:%Y-%m-%d}）")
    for r in rows:
        p = r.pace
        head = f"  [{r.plan}] {_pad(r.display_name, 22)}"
        if p is None:
            target = _show_value(r.metric_key, _round_like(r.metric_key, r.target))
            print(f"{head}当前 —（尚无可计算的数据）；目标 {target}")
            continue
        reached = "—" if p.reached is None else f"{p.reached * 100:.1f}%"
        verdict = "超前" if p.ahead else "落后"
        print(
            f"{head}当前 {_show_value(r.metric_key, p.value)}；目标 "
            f"{_show_value(r.metric_key, _round_like(r.metric_key, p.target))}；完成 {reached}；"
            f"应达 {_show_value(r.metric_key, _round_like(r.metric_key, p.expected))}；"
            f"{verdict} {_show_delta(r.metric_key, abs(p.delta))}"
        )
    return EXIT_OK


def _show_delta(key: str, delta: Decimal) -> str:
    """A gap; for rates in percentage points (60% − 55% is 5 个百分点, not 5%)."""
    from jianan_desk.domain.metrics import BY_KEY, MetricUnit

    if BY_KEY[key].unit is MetricUnit.RATE:
        return f"{delta * 100:.1f} 个百分点"
    return _show_value(key, _round_like(key, delta))


def _round_like(key: str, value: Decimal) -> Decimal | int:
    from jianan_desk.domain.metrics import BY_KEY, MetricUnit

    if BY_KEY[key].unit is MetricUnit.COUNT:
        return int(value.quantize(Decimal(1)))
    return value


def cmd_report(args: argparse.Namespace) -> int:
    from jianan_desk.reports.period import Period, ReportError
    from jianan_desk.reports.service import (
        ReportRequest,
        SigningRequest,
        TargetsRequest,
        TripRequest,
        make_report,
    )

    if args.report == "ranking":
        from jianan_desk import cli_ranking

        return cli_ranking.run(args, _open)
    target: Path = args.output.expanduser().resolve()
    if not target.parent.is_dir():
        raise CliError(f"输出文件夹不存在：{target.parent}")
    try:
        request: ReportRequest
        if args.report == "signing":
            columns = tuple(
                c.strip() for c in args.columns.replace("，", ",").split(",") if c.strip()
            )
            period = Period.between(args.date_from, args.date_to)
            request = SigningRequest(period, args.group_by, columns)
        elif args.report == "targets":
            _check_year(args.year)
            request = TargetsRequest(args.year, args.as_of)
        elif args.report == "meeting":
            from jianan_desk import cli_meeting

            request = cli_meeting.request(args)
        elif args.report == "coverage":
            from jianan_desk import cli_coverage

            request = cli_coverage.request(args)
        else:
            request = TripRequest(args.trip)
        db = _open(args, write=False)
        try:
            with db.session(readonly=True) as session:
                report = make_report(session, request, issuer=args.issuer)
        finally:
            db.dispose()
    except ReportError as exc:
        raise CliError(str(exc)) from exc
    try:
        target.write_bytes(report.pdf)
    except OSError as exc:
        raise CliError(f"无法写入 {target}：{exc.strerror or exc}") from exc
    print(f"已生成报表 {target}（{report.summary}）")
    return EXIT_OK


def _parse_maps(items: Sequence[str], kind: str = "projects") -> dict[str, str]:
    from jianan_desk.excel.columns import KINDS

    FIELD_TITLES = KINDS[kind].titles
    by_title = {v: k for k, v in FIELD_TITLES.items()}
    out: dict[str, str] = {}
    for item in items:
        header, sep, target = item.partition("=")
        target = target.strip()
        if not sep or not header.strip():
            raise CliError(f"--map 的格式应为 表头=字段：{item}")
        if target and target not in FIELD_TITLES and target not in by_title:
            raise CliError(f"未知字段“{target}”；可用：{'、'.join(FIELD_TITLES.values())}")
        out[header.strip()] = by_title.get(target, target)
    return out


def cmd_import(args: argparse.Namespace) -> int:
    from jianan_desk.excel.bulk import ImportCancelled
    from jianan_desk.excel.imports import IMPORT_KINDS
    from jianan_desk.excel.projects_import import (
        LARGE_IMPORT_ROWS,
        ImportFailed,
        write_error_workbook,
    )
    from jianan_desk.excel.reader import SpreadsheetError, read_table

    kind = IMPORT_KINDS[args.kind]
    source: Path = args.file.expanduser()
    overrides = _parse_maps(args.map, args.kind)
    try:
        table = read_table(source, args.sheet)
    except SpreadsheetError as exc:
        raise CliError(str(exc)) from exc
    url = resolve_db(args.db)
    with nullcontext() if args.dry_run else _writer_lock(url):
        db = _open(args, write=not args.dry_run)
        try:
            with db.session() as session:
                extra = {}
                if args.kind == "projects":  # industry names: the asking step's answers
                    from jianan_desk import cli_import

                    try:
                        extra["industry_map"], _ = cli_import.industry_map(
                            session, args.map_industry
                        )
                    except ValueError as exc:
                        raise CliError(str(exc)) from exc
                try:
                    plan = kind.plan(session, table, overrides=overrides, **extra)
                except ValueError as exc:
                    raise CliError(f"工作表“{table.sheet}”：{exc}") from exc
                _print_plan(plan)
                if extra:
                    for line in cli_import.unmatched_lines(session, plan):
                        print(line)
                if args.dry_run:
                    session.rollback()
                    print("预览模式（--dry-run）：未写入任何数据。")
                    return EXIT_FAILED if plan.errors else EXIT_OK
                backup = None
                if len(plan.rows) > LARGE_IMPORT_ROWS and db.path is not None and db.path.exists():
                    from jianan_desk.store.backup import backup_sqlite

                    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                    backup = backup_sqlite(
                        db.path, db.path.with_name(f"{db.path.stem}-导入前-{stamp}.sqlite")
                    )
                    print(f"导入前备份：{backup}")
                elif db.path is not None and db.path.exists():  # rotated, in <db>.backups
                    from jianan_desk.store.backup import auto_backup

                    backup = auto_backup(db.path, "import")
                    print(f"导入前备份：{backup}")
                try:
                    result = kind.apply(
                        session, plan, actor=args.actor, skip_invalid=args.skip_invalid
                    )
                except ImportFailed as exc:
                    session.rollback()
                    for error in exc.plan.errors[:200]:
                        print(f"  {error}", file=sys.stderr)
                    raise CliError(
                        f"共 {len(exc.plan.errors)} 处错误，未导入任何数据（全部或全不）。"
                        "改正后重新导入，或加 --skip-invalid 只导入无误的行。"
                    ) from exc
                except ImportCancelled as exc:  # not from the CLI today; kept for symmetry
                    session.rollback()
                    raise CliError(str(exc)) from exc
                from jianan_desk.excel.columns import remember_mapping

                remember_mapping(plan.columns)
                if extra:
                    cli_import.remember(session, args.map_industry)
        finally:
            db.dispose()
    print(
        f"已导入：新建 {result.created} {kind.unit}{kind.title}，"
        f"更新 {result.updated} {kind.unit}，"
        f"未变化 {result.unchanged} {kind.unit}，跳过错误行 {result.rejected} 行。"
    )
    if result.rejected:
        target = args.errors or source.with_name(f"{source.stem}-错误行.xlsx")
        write_error_workbook(plan, target)
        print(f"错误行已写入：{target}")
        return EXIT_FAILED
    return EXIT_OK


def _print_plan(plan) -> None:  # noqa: ANN001 - ImportPlan
    cols = plan.columns
    print(f"工作表“{plan.sheet}”，表头在第 {cols.header_row + 1} 行。")
    mapped = "、".join(f"{cols.headers[c]}→{cols.titles[f]}" for f, c in cols.fields.items())
    print(f"列对应：{mapped}" + ("（沿用上次保存的对应关系）" if cols.remembered else ""))
    if cols.unknown:
        print(f"未识别的列（不导入，可用 --map 指定）：{'、'.join(plan.unknown_columns)}")
    for row, why in plan.skipped:
        print(f"  第 {row} 行：{why}，已跳过")
    labels = {"new": "新建", "update": "更新", "same": "无变化", "error": "错误"}
    brief = len(plan.rows) > 200  # a large file: list only the rows that need a look
    for row in plan.rows:
        if brief and not (row.errors or row.changes or row.notes):
            continue
        head = f"  第 {row.row} 行 [{labels[row.action]}] {row.name}"
        if row.investor:
            head += f"（{row.investor}）"
        print(head)
        for change in row.changes:
            print(f"      {change}")
        for note in row.notes:
            print(f"      注意：{note}")
        for error in row.errors:
            print(f"      错误：{error}")
    print(
        f"合计 {len(plan.rows)} 行：新建 {plan.count('new')}，更新 {plan.count('update')}，"
        f"无变化 {plan.count('same')}，错误 {plan.count('error')}。"
    )


def cmd_export(args: argparse.Namespace) -> int:
    from jianan_desk.excel.export import export_template
    from jianan_desk.excel.export_kinds import EXPORT_KINDS, export_kind

    if args.kind not in EXPORT_KINDS:
        known = "、".join(f"{k}（{v.title}）" for k, v in EXPORT_KINDS.items())
        raise CliError(f"未知的导出内容“{args.kind}”；可用：{known}")
    target: Path = args.output.expanduser()
    if target.suffix.lower() != ".xlsx":
        raise CliError(f"输出文件应为 .xlsx：{target}")
    if not target.parent.is_dir():
        raise CliError(f"输出文件夹不存在：{target.parent}")
    if args.template:
        export_template(target)
        print(f"已导出导入模板：{target}")
        return EXIT_OK
    if args.year is not None:
        _check_year(args.year)
    db = _open(args, write=False)
    try:
        with db.session(readonly=True) as session:
            count = export_kind(session, args.kind, target, year=args.year, unmasked=args.unmasked)
    except OSError as exc:
        raise CliError(f"无法写入 {target}：{exc.strerror or exc}") from exc
    finally:
        db.dispose()
    entry = EXPORT_KINDS[args.kind]
    masked = "（联系人已打码）" if entry.personal and not args.unmasked else ""
    unit = {"projects": "个", "companies": "家", "targets": "项"}.get(args.kind, "条")
    print(f"已导出 {count} {unit}{entry.title}：{target}{masked}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "upgrade": cmd_upgrade,
    "demo-data": cmd_demo_data,
    "check": cmd_check,
    "backup": cmd_backup,
    "metrics": cmd_metrics,
    "targets": cmd_targets,
    "report": cmd_report,
    "import": cmd_import,
    "export": cmd_export,
    **SYNC_COMMANDS,
    **MIGRATE_COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    from jianan_desk.launch import gui_request, run_gui_request

    if (gui := gui_request(argv)) is not None:  # the GUI: no need to build every command
        return run_gui_request(gui)
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            if args.screenshot is not None:
                # A screenshot needs no screen: render offscreen unless told otherwise.
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from jianan_desk.app import run_gui

            return run_gui(resolve_db(args.db), screenshot=args.screenshot, page=args.page)
        return COMMANDS[args.command](args)
    except (CliError, StoreError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as exc:
        path = log_exception(exc, f"jianan-desk {args.command or 'gui'}")
        print(f"内部错误：程序出现未预料的问题，详情已写入日志 {path}", file=sys.stderr)
        return EXIT_INTERNAL
