"""``jianan-desk migrate-to TARGET``: copy the database (``--db``) into an empty one.

TARGET is a SQLAlchemy URL (``postgresql+psycopg://user@host/dbname``) or a SQLite file path
(a new file, for taking a full copy onto a laptop). See ``services.copy_database``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from jianan_desk.paths import resolve_db

EXIT_OK, EXIT_FAILED = 0, 1


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "migrate-to",
        help="把当前数据库完整复制到一个空数据库（SQLite ⇄ PostgreSQL），并核对行数与金额",
    )
    p.add_argument(
        "target",
        metavar="URL",
        help="目标：postgresql+psycopg://用户@主机/库名，或新的 .sqlite 文件路径（必须为空）",
    )


def _progress(table: str, rows: int) -> None:
    if rows % 20000 == 0:
        print(f"  …{table}：已复制 {rows:,} 行", file=sys.stderr, flush=True)


def cmd_migrate_to(args: argparse.Namespace) -> int:
    from jianan_desk.services.copy_database import copy_database
    from jianan_desk.services.database import open_database
    from jianan_desk.services.errors import CopyDatabaseError
    from jianan_desk.store.engine import Database, make_engine
    from jianan_desk.store.errors import StoreError

    source_url = resolve_db(args.db)
    target_url = resolve_db(args.target)
    if target_url == source_url:
        print("错误：目标与源是同一个数据库。", file=sys.stderr)
        return EXIT_FAILED
    source = open_database(source_url, migrate=False, must_exist=True)
    try:
        target = Database(target_url, make_engine(target_url))
        try:
            report = copy_database(source, target, progress=_progress)
        except (CopyDatabaseError, StoreError) as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_FAILED
        finally:
            target.dispose()
    finally:
        source.dispose()

    print(
        f"已迁移：{report.source} → {report.target}（结构版本 {report.revision}，"
        f"{report.total_rows:,} 行，用时 {report.seconds:.1f} 秒）"
    )
    print(f"  {'表':<24}{'源行数':>10}{'目标行数':>10}{'已删除':>8}  核对")
    for t in report.tables:
        mark = "✓" if t.ok else "✗"
        print(f"  {t.table:<24}{t.rows:>13,}{t.rows_copied:>12,}{t.tombstones:>11,}  {mark}")
        for column, (a, b) in t.sums.items():
            same = "✓" if a == b else f"✗ 目标 {b}"
            print(f"      {column} 合计 {a} {same}")
    print("核对通过：行数、已删除记录数、金额合计全部一致。" if report.ok else "核对未通过。")
    return EXIT_OK if report.ok else EXIT_FAILED


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"migrate-to": cmd_migrate_to}
