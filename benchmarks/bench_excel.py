"""Excel import/export throughput on a generated 100,000-row, 15-column ledger.

    .venv/bin/python benchmarks/bench_excel.py [--rows 100000] [--skip-bench-db] [--skip-export]

Prints, with the machine's load (wall times are noisy on a busy machine; CPU times less):

* python-calamine merely reading the ledger (the reference);
* our **full import** — from the file path to committed rows: read, parse, validate,
  plan, write (projects, stage events, companies, change_log), commit — into a new, empty
  database, and its row throughput as a ratio of calamine's (target ≥ 50 %);
* the same into a copy of the 100k benchmark database, with a ledger made from that
  database's own projects (matched on name + investor: 10 % with a changed amount are
  updates, the rest unchanged), plus 10 % new rows;
* the floor of an import: building the secondary indexes of the tables it fills (on the
  imported database), which with reading alone bounds the ratio any import could reach;
* peak RSS (target ≤ 500 MB); export of the projects vs openpyxl write-only.
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
from typing import Any

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


def matched_ledger(path: Path, db_file: Path, rows: int) -> int:
    """A ledger of the projects of ``db_file`` (name, investor, amount, stage, industry,
    unit…): every tenth with its amount changed, plus one new row in ten. Returns its
    data rows."""
    import sqlite3

    from openpyxl import Workbook

    labels = {"lead": "线索", "negotiating": "在谈", "signed": "已签约", "performing": "履约",
              "started": "已开工", "operating": "已投产", "dropped": "终止"}  # fmt: skip
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    found = con.execute(
        "SELECT p.name, p.investor_name, p.total_investment_wan, p.signed_on, p.stage,"
        " n.name, u.name, p.location, p.leader_in_charge, p.code,"
        " coalesce(p.fixed_asset_investment_wan, 0) FROM projects p"
        " LEFT JOIN industry_nodes n ON n.id = p.industry_node_id"
        " LEFT JOIN units u ON u.id = p.unit_id"
        " WHERE p.deleted_at IS NULL ORDER BY p.id LIMIT ?",
        (rows,),
    ).fetchall()
    # projects whose name + investor (as the import normalises them) are not unique in the
    # database are left out: a ledger row would match one of them, not necessarily its own
    from collections import Counter

    from jianan_desk.domain.search import fold
    from jianan_desk.excel.projects_import import investor_key

    keys = Counter(
        (fold(name), investor_key(investor))
        for name, investor in con.execute(
            "SELECT name, investor_name FROM projects WHERE deleted_at IS NULL"
        )
    )
    con.close()
    found = [f for f in found if keys[(fold(f[0]), investor_key(f[1]))] == 1]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["建安区招商引资项目台账（库中项目）"])
    sheet.append(["序号", "项目名称", "投资方", "总投资（万元）", "签约时间", "所属产业",
                  "责任单位", "建设地点", "包联领导", "项目进展", "项目编码"])  # fmt: skip
    n = 0
    for i, (
        name,
        investor,
        amount,
        signed,
        stage,
        industry,
        unit,
        place,
        leader,
        code,
        fixed,
    ) in enumerate(found):
        wan = amount / 10_000 if amount is not None else None  # stored as whole 元
        # (the generator's data break 固定资产投资 ≤ 总投资 in places: leave those alone,
        # the rules would refuse their update)
        if i % 10 == 0 and wan is not None and fixed <= amount:
            wan += 100
        n += 1
        sheet.append([n, name, investor, wan, signed, industry, unit, place, leader,
                      labels.get(stage, ""), code])  # fmt: skip
        if i % 10 == 5:
            n += 1
            sheet.append([n, f"新增项目{i:06d}", investor, 1000, signed, industry, unit,
                          place, leader, "已签约", None])  # fmt: skip
    book.save(path)
    return n


def full_import(db_url: str, ledger: Path) -> tuple[float, float, Any]:
    """File path → committed rows, as ``jianan-desk import`` does it (backup aside)."""
    from jianan_desk.excel.projects_import import apply_import, plan_import
    from jianan_desk.excel.reader import read_table
    from jianan_desk.store.engine import Database, make_engine

    db = Database(db_url, make_engine(db_url))
    phases: dict[str, float] = {}
    try:
        t, c = time.perf_counter(), time.process_time()
        table = read_table(ledger)
        phases["read"] = time.process_time() - c
        with db.session() as session:
            plan = plan_import(session, table)
            phases["plan"] = time.process_time() - c - phases["read"]
            result = apply_import(session, plan)
            phases["write"] = time.process_time() - c - phases["read"] - phases["plan"]
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        phases["commit"] = cpu - phases["read"] - phases["plan"] - phases["write"]
        errors = len(plan.errors)
        del plan, table
    finally:
        db.dispose()
    return wall, cpu, (result, errors, phases)


def phase_line(phases: dict[str, float]) -> str:
    """CPU seconds per phase: reading, planning (parse, validate), writing, commit."""
    return "  CPU by phase: " + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items())


def calamine_read(path: Path, sheet: str) -> tuple[float, float, int]:
    from python_calamine import CalamineWorkbook

    t, c = time.perf_counter(), time.process_time()
    book = CalamineWorkbook.from_path(str(path))
    raw = book.get_sheet_by_name(sheet).to_python()
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    return wall, cpu, len(raw)


def report(what: str, rows: int, wall: float, cpu: float, ref: tuple[float, float]) -> None:
    print(f"{what:<34}{wall:7.2f} s  {rows / wall:10,.0f} rows/s  ratio vs calamine "
          f"{ref[0] / wall:6.1%} (target >= 50 %)   CPU {cpu:6.2f} s, ratio "
          f"{ref[1] / cpu:6.1%}")  # fmt: skip


def bench_db_import(work: Path, rows_wanted: int) -> None:
    """The full import of a ledger matching a copy of the 100k benchmark database. The
    copy and the ledger are made here; the import runs in a child process, so that its
    peak RSS is its own."""
    import shutil
    import subprocess

    from benchmarks.generate import ensure_bench_db

    source = ensure_bench_db()
    copy = work / "bench-copy.sqlite"
    shutil.copyfile(source, copy)  # the cached file itself is never written
    try:
        matched = work / "matched.xlsx"
        rows = matched_ledger(matched, copy, rows_wanted)
        print(f"matched ledger of {rows:,} rows from {source.name}", flush=True)
        subprocess.run(
            [sys.executable, __file__, "--import-into", str(copy), str(matched)], check=False
        )
    finally:
        copy.unlink(missing_ok=True)
        for extra in work.glob("bench-copy.sqlite-*"):
            extra.unlink()


def import_into(copy: Path, matched: Path) -> None:
    from jianan_desk.paths import sqlite_url

    read_wall, read_cpu, rows = calamine_read(matched, "台账")
    print(f"calamine read of it: {read_wall:.2f} s (CPU {read_cpu:.2f} s)")
    wall, cpu, (result, errors, phases) = full_import(sqlite_url(copy), matched)
    report("full import, 100k database copy:", rows - 2, wall, cpu, (read_wall, read_cpu))
    print(phase_line(phases))
    print(f"  created {result.created:,}, updated {result.updated:,}, unchanged "
          f"{result.unchanged:,}, errors {errors}; peak RSS of the importing process "
          f"{peak_mb():.0f} MB (target <= 500 MB)", flush=True)  # fmt: skip


FLOOR_TABLES = ("projects", "companies", "project_stage_events")


def index_floor(path: Path, read_wall: float) -> None:
    """What any import of these rows must spend beside reading: building the secondary
    indexes the 项目库 list, search and metrics read (measured on the imported database,
    each table's indexes dropped and re-created in a transaction that is rolled back).
    With reading, it bounds the import's possible ratio, however fast the rest."""
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None)
    parts = []
    total = 0.0
    for table in FLOOR_TABLES:
        indexes = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
            " AND sql IS NOT NULL",
            (table,),
        ).fetchall()
        con.execute("BEGIN")
        for name, _sql in indexes:
            con.execute(f'DROP INDEX "{name}"')
        start = time.perf_counter()
        for _name, sql in indexes:
            con.execute(sql)
        spent = time.perf_counter() - start
        con.execute("ROLLBACK")
        total += spent
        parts.append(f"{table} {len(indexes)} indexes {spent:.2f} s")
    con.close()
    print(f"  floor: building the indexes alone {total:.2f} s ({'; '.join(parts)});")
    bound = read_wall / (read_wall + total)
    print(f"         calamine read + those indexes {read_wall + total:.2f} s: an import"
          f" could reach at most {bound:.1%} of calamine's throughput")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skip-bench-db", action="store_true", help="no import into the 100k db")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--bench-db-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--import-into", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_into:
        import_into(*args.import_into)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-excel-"))
    os.environ["JIANAN_HOME"] = str(work)
    if args.bench_db_only:
        bench_db_import(work, args.rows)
        return

    from sqlalchemy import select

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
    db.dispose()

    ledger = work / "ledger.xlsx"
    print("load average: {:.2f} {:.2f} {:.2f} (2 shared cores: a busy machine makes wall "
          "times noisy; CPU times less so)".format(*os.getloadavg()))  # fmt: skip
    t = time.perf_counter()
    make_ledger(ledger, args.rows, industries, units)
    print(f"generated {args.rows:,} x 15 ledger in {time.perf_counter() - t:.1f} s "
          f"({ledger.stat().st_size / 1e6:.1f} MB)")  # fmt: skip

    read_wall, read_cpu, n = calamine_read(ledger, "台账")
    print(f"{'calamine read only:':<34}{read_wall:7.2f} s  {n / read_wall:10,.0f} rows/s"
          f"  (CPU {read_cpu:.2f} s)")  # fmt: skip
    wall, cpu, (result, errors, phases) = full_import(url, ledger)
    report("full import, empty database:", args.rows, wall, cpu, (read_wall, read_cpu))
    print(phase_line(phases))
    print(f"  created {result.created:,}, errors {errors}; peak RSS so far {peak_mb():.0f} MB"
          " (target <= 500 MB)")  # fmt: skip
    index_floor(work / "bench.sqlite", read_wall)

    if not args.skip_bench_db:  # in a process of its own: its own peak RSS
        import subprocess

        sys.stdout.flush()
        subprocess.run(
            [sys.executable, __file__, "--bench-db-only", "--rows", str(args.rows)], check=False
        )
    print(f"peak RSS:                    {peak_mb():7.0f} MB  (target <= 500 MB)")
    if args.skip_export:
        return
    db = Database(url, make_engine(url))
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
