"""The 签约项目汇总 of 1,000 projects: render time and file size (targets ≤ 3 s, ≤ 2 MB).

    python -m benchmarks.bench_reports [--projects 1000] [--runs 3]

A temporary database (migrated and seeded by the program) gets 1,000 projects signed in
one year, inserted in bulk. The full report (query, grouping, layout, fonts, footer) is
timed against a bare reportlab table of the same rows in the same embedded font: one
``Table`` with a repeating header, plain strings, no wrapping, no grouping, no footer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from benchmarks.results import Row, Timing, render

TARGET_SECONDS = 3.0
TARGET_BYTES = 2 * 1024 * 1024
YEAR = 2021

_BRANDS = [
    "华盛",
    "恒通",
    "博远",
    "金信",
    "瑞丰",
    "鼎新",
    "宏昌",
    "中科",
    "天润",
    "凯达",
    "永安",
    "宇航",
    "嘉禾",
    "德隆",
    "海纳",
]
_WHAT = (
    "年产50万套汽车精密零部件",
    "发制品研发生产及跨境电商运营中心",
    "新能源汽车电驱动系统",
    "生物医药原料药及制剂产业化",
    "中央厨房及预制菜生产",
    "电子信息产业园（一期）",
    "环保装备智能制造基地",
    "食品包装新材料",
)
_SUFFIX = ("项目", "建设项目", "（增资扩产）项目", "产业化项目")


def make_database(path: Path, projects: int, seed: int = 1) -> str:
    """A migrated, seeded database with ``projects`` signed projects; returns its URL."""
    from sqlalchemy import insert, select

    from jianan_desk.services.database import open_database
    from jianan_desk.store.models import (
        Company,
        IndustryNode,
        PlanField,
        Project,
        ProjectStageEvent,
        Unit,
    )
    from jianan_desk.store.types import new_id

    url = f"sqlite:///{path}"
    db = open_database(url, migrate=True)
    rng = random.Random(seed)
    try:
        with db.session() as s:
            industries = list(
                s.scalars(select(IndustryNode.id).where(IndustryNode.level == "industry"))
            )
            fields = list(s.scalars(select(PlanField.id)))
            units = list(s.scalars(select(Unit.id)))
            companies, rows, events = [], [], []
            stages = ("signed", "performing", "started", "operating")
            for _ in range(projects):
                brand = rng.choice(_BRANDS) + rng.choice(_BRANDS)
                company_id = new_id()
                companies.append(
                    {
                        "id": company_id,
                        "name": f"{rng.choice(('深圳', '杭州', '南京'))}市{brand}科技有限公司",
                    }
                )
                project_id = new_id()
                signed_on = dt.date(YEAR, 1, 1) + dt.timedelta(days=rng.randrange(365))
                rows.append(
                    {
                        "id": project_id,
                        "name": f"{brand}{rng.choice(_WHAT)}{rng.choice(_SUFFIX)}",
                        "family": "attraction",
                        "stage": rng.choice(stages),
                        "company_id": company_id,
                        "industry_node_id": rng.choice(industries),
                        "field_id": rng.choice(fields),
                        "unit_id": rng.choice(units),
                        "total_investment_wan": Decimal(rng.randrange(2000, 300000)),
                        "location": rng.choice(("尚集产业集聚区", "灵井镇", "张潘镇", "五女店镇")),
                        "leader_in_charge": rng.choice(("刘海涛", "杨振华", "王慧敏")),
                    }
                )
                events.append(
                    {
                        "id": new_id(),
                        "project_id": project_id,
                        "stage": "signed",
                        "occurred_on": signed_on,
                    }
                )
            s.execute(insert(Company), companies)
            s.execute(insert(Project), rows)
            s.execute(insert(ProjectStageEvent), events)
    finally:
        db.dispose()
    return url


def _full_report(url: str) -> tuple[float, float, bytes, list[list[str]]]:
    """(wall seconds, CPU seconds, the PDF, the rows as printed)."""
    from jianan_desk.reports.period import Period
    from jianan_desk.reports.signing import _cells, build_signing_pdf, load_signing
    from jianan_desk.services.database import open_database

    db = open_database(url, migrate=False, must_exist=True)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        with db.session(readonly=True) as s:
            summary = load_signing(s, Period.year(YEAR))
        pdf = build_signing_pdf(summary)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        db.dispose()
    keys = ["no", "name", "investor", "total", "field", "location", "signed_on", "stage", "leader"]
    rows = [_cells(r, keys, n) for n, r in enumerate(summary.rows, start=1)]
    return wall, cpu, pdf, rows


def _bare_table(rows: list[list[str]]) -> tuple[float, float, bytes]:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from jianan_desk.reports.fonts import report_fonts

    font = report_fonts().body.name
    header = [
        "序号",
        "项目名称",
        "投资方",
        "总投资",
        "领域",
        "建设地点",
        "签约时间",
        "阶段",
        "领导",
    ]
    t0, c0 = time.perf_counter(), time.process_time()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), initialFontName=font)
    table = Table([header, *rows], repeatRows=1)
    table.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), font, 8), ("GRID", (0, 0), (-1, -1), 0.4, "black")])
    )
    doc.build([table])
    return time.perf_counter() - t0, time.process_time() - c0, buffer.getvalue()


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page ") or pdf.count(b"/Type /Page")


def bench_reports(projects: int = 1000, runs: int = 3) -> tuple[list[Row], list[str]]:
    """Rows for the benchmark table and lines of absolute figures (PASS/MISS).

    The first report of a process is timed apart (cold: caches empty, as for the command
    line); then ``runs`` warm reports (as in the GUI, which keeps running). Wall-clock and
    CPU time are both shown: on a busy machine the CPU time is the steadier figure.
    """
    from jianan_desk.reports.fonts import report_fonts

    t0 = time.perf_counter()
    report_fonts()  # registered once per process
    font_seconds = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="jianan-bench-reports-") as folder:
        t0 = time.perf_counter()
        url = make_database(Path(folder) / "reports.sqlite", projects)
        made = time.perf_counter() - t0
        cold_wall, cold_cpu, pdf, rows = _full_report(url)
        full, full_cpu, bare, bare_cpu = [], [], [], []
        bare_pdf = b""
        for _ in range(runs):
            wall, cpu, pdf, rows = _full_report(url)
            full.append(wall)
            full_cpu.append(cpu)
            wall, cpu, bare_pdf = _bare_table(rows)
            bare.append(wall)
            bare_cpu.append(cpu)
    row = Row(
        f"signing summary, {projects:,} projects",
        Timing("report", full),
        Timing("bare table", bare),
        None,
        note="warm runs; query + grouping + wrapping + footer vs one plain Table",
    )
    worst = max(cold_wall, statistics.median(full))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        f"database with {projects:,} signed projects made in {made:.1f} s; "
        f"fonts registered in {font_seconds * 1000:.0f} ms (once per process); "
        f"load average {load:.1f} on {os.cpu_count()} cores",
        f"report, first in process : {cold_wall:.2f} s wall, {cold_cpu:.2f} s CPU",
        f"report, warm (median)    : {statistics.median(full):.2f} s wall, "
        f"{statistics.median(full_cpu):.2f} s CPU",
        f"bare table (median)      : {statistics.median(bare):.2f} s wall, "
        f"{statistics.median(bare_cpu):.2f} s CPU; {len(bare_pdf) / 1024:,.0f} KiB; "
        f"{_pages(bare_pdf)} pages",
        f"target ≤ {TARGET_SECONDS:.0f} s: {'PASS' if worst <= TARGET_SECONDS else 'MISS'} "
        f"({worst:.2f} s); target ≤ {TARGET_BYTES // 2**20} MiB: "
        f"{'PASS' if len(pdf) <= TARGET_BYTES else 'MISS'} ({len(pdf) / 1024:,.0f} KiB, "
        f"{_pages(pdf)} pages)",
    ]
    return [row], lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_reports", description=__doc__)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("JIANAN_REPORT_FONTS", "bundled")
    print(f"reports: signing summary of {args.projects:,} projects, {args.runs} runs …")
    rows, lines = bench_reports(args.projects, args.runs)
    print("\n".join(lines))
    print()
    print(render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
