"""Excel import/export throughput on a generated 100,000-row, 15-column ledger.

    .venv/bin/python benchmarks/bench_excel.py [--rows 100000] [--write-rows 5000]

Prints: reading with python-calamine alone; our read + parse + plan (validate); the bulk
write (``excel.bulk``: Core executemany, stage events, search keys, change_log) of
``--write-rows`` new projects (default all; extrapolated otherwise), commit included; the
full import's row throughput as a ratio of calamine's (target ≥ 50 %); peak RSS; export of
the same number of projects vs openpyxl write-only on the same cells.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HEADERS = [
    "序号", "项目名称", "投资方", "总投资（亿元）", "签约时间", "开工时间", "投产时间", "所属产业",
    "建设地点", "项目进展", "包联领导", "责任单位", "项目编码", "建设内容", "备注",
]  # fmt: skip


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_ledger(path: Path, rows: int, industries: list[str], units: list[str]) -> None:
    from openpyxl import Workbook

    rnd = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["建安区招商引资项目台账"])
    sheet.append(HEADERS)
    forms = (
        lambda d: d,
        lambda d: f"{d.year}.{d.month}.{d.day}",
        lambda d: f"{d.year}/{d.month}/{d.day}",
        lambda d: f"{d.year}年{d.month}月{d.day}日",
    )
    for i in range(rows):
        signed = dt.date(2019, 1, 1) + dt.timedelta(days=rnd.randrange(1200))
        started = signed + dt.timedelta(days=rnd.randrange(30, 300)) if i % 3 == 0 else None
        sheet.append(
            [
                i + 1,
                f"项目{i:06d}号 年产{rnd.randrange(1, 99)}万件新材料",
                f"投资企业{i % 40000:05d}有限公司",
                round(rnd.uniform(0.1, 30), 2) if i % 5 else f"{rnd.randrange(1, 9000):,}万元",
                forms[i % 4](signed),
                started,
                None,
                industries[i % len(industries)],
                "五女店镇",
                "已开工" if started else "已签约",
                "张三",
                units[i % len(units)],
                f"JA{i:07d}",
                "新建厂房及生产线",
                "",
            ]
        )
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--write-rows", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-excel-"))
    os.environ["JIANAN_HOME"] = str(work)

    from python_calamine import CalamineWorkbook
    from sqlalchemy import select

    from jianan_desk.excel.projects_import import apply_import, plan_import
    from jianan_desk.excel.reader import read_table
    from jianan_desk.paths import sqlite_url
    from jianan_desk.store.engine import Database, make_engine
    from jianan_desk.store.migrations import upgrade
    from jianan_desk.store.models import IndustryNode, Unit

    url = sqlite_url(work / "bench.sqlite")
    db = Database(url, make_engine(url))
    upgrade(db)
    with db.session() as s:
        industries = list(
            s.scalars(select(IndustryNode.name).where(IndustryNode.level == "industry"))
        )
        units = list(s.scalars(select(Unit.name)))

    ledger = work / "ledger.xlsx"
    print("load average: {:.2f} {:.2f} {:.2f} (a busy machine makes wall times noisy)".format(
        *os.getloadavg()))  # fmt: skip
    t = time.perf_counter()
    make_ledger(ledger, args.rows, industries, units)
    print(f"generated {args.rows:,} x 15 ledger in {time.perf_counter() - t:.1f} s "
          f"({ledger.stat().st_size / 1e6:.1f} MB)")  # fmt: skip

    t, c = time.perf_counter(), time.process_time()
    book = CalamineWorkbook.from_path(str(ledger))
    raw = book.get_sheet_by_name("台账").to_python()
    read_s, read_cpu = time.perf_counter() - t, time.process_time() - c
    print(f"calamine read only:          {read_s:7.2f} s  {len(raw) / read_s:10,.0f} rows/s"
          f"  (CPU {read_cpu:.2f} s)")  # fmt: skip
    del raw, book

    t, c = time.perf_counter(), time.process_time()
    table = read_table(ledger)
    ours_read = time.perf_counter() - t
    with db.session() as session:
        t1 = time.perf_counter()
        plan = plan_import(session, table)
        plan_s = time.perf_counter() - t1
        session.rollback()
    parse_s, parse_cpu = ours_read + plan_s, time.process_time() - c
    errors = len(plan.errors)
    print(f"read_table (clean cells):    {ours_read:7.2f} s")
    print(f"parse + validate (plan):     {plan_s:7.2f} s  ({errors} errors)")
    print(f"read + parse + validate:     {parse_s:7.2f} s  {args.rows / parse_s:10,.0f} rows/s"
          f"  ratio vs calamine {read_s / parse_s:6.1%}")  # fmt: skip
    print(f"peak RSS so far:             {peak_mb():7.0f} MB")

    n = min(args.write_rows, args.rows)
    plan.rows = plan.rows[:n]
    c = time.process_time()
    with db.session() as session:
        t = time.perf_counter()
        result = apply_import(session, plan)
        apply_s = time.perf_counter() - t
        t = time.perf_counter()
    commit_s = time.perf_counter() - t
    write_s, write_cpu = apply_s + commit_s, time.process_time() - c
    print(f"bulk write of {n:,} rows:     {write_s:7.2f} s  {n / write_s:10,.0f} rows/s "
          f"(created {result.created}; commit {commit_s:.2f} s)")  # fmt: skip
    full = parse_s + write_s * args.rows / n
    what = "measured" if n == args.rows else "extrapolated"
    print(f"full import ({what}):      {full:7.1f} s  {args.rows / full:10,.0f} rows/s"
          f"  ratio vs calamine {read_s / full:6.1%}  (target >= 50 %)")  # fmt: skip
    full_cpu = parse_cpu + write_cpu * args.rows / n
    print(f"same in CPU time:            {full_cpu:7.1f} s  ratio vs calamine "
          f"{read_cpu / full_cpu:6.1%}  (CPU time: less noisy on a busy machine)")  # fmt: skip
    print(f"peak RSS:                    {peak_mb():7.0f} MB  (target <= 500 MB)")
    del plan, table

    # export: grow the table to args.rows projects cheaply (core insert), then export
    from sqlalchemy import insert

    from jianan_desk.excel.export import PROJECT_COLUMNS, export_projects, project_rows
    from jianan_desk.store.models import Project

    with db.session() as session:
        have = session.query(Project).count()
        rnd = random.Random(3)
        batch = []
        for i in range(have, args.rows):
            batch.append(
                {
                    "id": f"bench-{i:07d}",
                    "name": f"导出项目{i:06d}",
                    "investor_name": f"企业{i % 40000}",
                    "stage": "signed",
                    "signed_on": dt.date(2020, 1, 1) + dt.timedelta(days=i % 1000),
                    "total_investment_wan": Decimal(rnd.randrange(1000, 300000)),
                    "location": "五女店镇",
                    "family": "attraction",
                }
            )
            if len(batch) == 5000:
                session.execute(insert(Project), batch)
                batch = []
        if batch:
            session.execute(insert(Project), batch)
    out = work / "export.xlsx"
    with db.session(readonly=True) as session:
        t = time.perf_counter()
        count = export_projects(session, out)
        export_s = time.perf_counter() - t
        cells = project_rows(session)
    from openpyxl import Workbook

    t = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("项目")
    sheet.append([c.title for c in PROJECT_COLUMNS])
    for row in cells:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    book.save(work / "plain.xlsx")
    plain_s = time.perf_counter() - t
    print(f"export {count:,} projects:     {export_s:7.2f} s (query + write)")
    print(f"openpyxl write-only, same cells: {plain_s:7.2f} s  ratio {export_s / plain_s:5.2f}x")
    print(f"peak RSS:                    {peak_mb():7.0f} MB")
    db.dispose()


if __name__ == "__main__":
    main()
