"""``python -m benchmarks`` (``make bench``): run every benchmark, print the figures.

Always exits 0 when the benchmarks ran: timings are printed with PASS/MISS against their
targets, never asserted. A metrics mismatch is printed loudly (and noted in the table).
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from benchmarks.results import Row, render

# Benchmarks that print their own figures, run as ``python -m MODULE`` after the table.
STANDALONE = {
    "dashboard": "benchmarks.bench_dashboard",
    "projects": "benchmarks.bench_projects_page",
    "excel": "benchmarks.bench_excel",
    "companies": "benchmarks.bench_companies",
    "industry_map": "benchmarks.bench_industry_map",
    "sync": "benchmarks.bench_sync",
}
BENCHES = ("start", "metrics", "reports", *STANDALONE)


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> list[str]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    cores = os.cpu_count() or 1
    lines = [
        f"machine : {cores} cores, {_cpu_model()}, {platform.system()} {platform.release()}",
        f"python  : {platform.python_version()} ({sys.executable})",
        f"sqlite  : {sqlite3.sqlite_version}; SQLAlchemy {_version('SQLAlchemy')}, "
        f"PySide6 {_version('PySide6')}",
    ]
    if load is not None:
        busy = "  ← busy: other processes compete, figures are noisy" if load[0] > cores / 2 else ""
        lines.append(f"load    : {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1/5/15 min){busy}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--only", choices=BENCHES, action="append", help="run just this one")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each cold start")
    parser.add_argument("--metric-runs", type=int, default=7, help="timed runs of each query")
    parser.add_argument("--year", type=int, default=2024, help="year of the metrics benchmark")
    parser.add_argument(
        "--metric-limit", type=float, default=30.0, help="seconds before a service call is stopped"
    )
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=200_000)
    args = parser.parse_args(argv)
    selected = args.only or list(BENCHES)

    from benchmarks.generate import ensure_bench_db, stale_cache_files

    print("建安招商台 benchmarks")
    print("\n".join(machine_info()))
    t0 = time.perf_counter()
    db_path = Path()
    if {"start", "metrics"} & set(selected):
        db_path = ensure_bench_db(args.projects, args.companies, args.visits)
        print(f"database: {db_path} ({db_path.stat().st_size / 2**20:,.0f} MiB)")
        stale = stale_cache_files()
        if stale:
            size = sum(p.stat().st_size for p in stale) / 2**20
            print(
                f"note: {len(stale)} outdated cached database(s) in bench-data/ ({size:,.0f} MiB)"
            )
            print("      are never reused; delete them: " + " ".join(p.name for p in stale))

    rows: list[Row] = []
    extra: list[str] = []

    def run(name: str, bench: Callable[[], list[Row]]) -> None:
        """A benchmark that crashes is shown (traceback, n/a row); the others still run."""
        print(f"{name} …")
        try:
            rows.extend(bench())
        except Exception as exc:
            traceback.print_exc()
            rows.append(Row(name, None, None, None, note=f"crashed: {exc!r}"))

    if "start" in selected:
        from benchmarks.bench_start import bench_start

        run("cold start", lambda: bench_start(db_path, runs=args.runs, projects=args.projects))
    if "metrics" in selected:
        from benchmarks.bench_metrics import bench_metrics

        def metrics() -> list[Row]:
            small = ensure_bench_db(3_000, 2_000, 4_000)  # for the cross-check
            return bench_metrics(
                db_path,
                year=args.year,
                runs=args.metric_runs,
                small_db=small,
                limit=args.metric_limit,
            )

        run("metrics", metrics)
    if "reports" in selected:

        def reports() -> list[Row]:
            from benchmarks.bench_reports import bench_reports

            os.environ.setdefault("JIANAN_REPORT_FONTS", "bundled")
            report_rows, lines = bench_reports()
            extra.extend(lines)
            return report_rows

        run("reports", reports)
    print()
    print(render(rows))
    if extra:
        print("\n".join(["reports:", *(f"  {line}" for line in extra)]))
    for name, module in STANDALONE.items():
        if name not in selected:
            continue
        source = Path(__file__).with_name(module.rsplit(".", 1)[1] + ".py")
        if not source.exists():
            print(f"\n{name}: not available yet ({source.name} missing)")
            continue
        print(f"\n{name} ({module}):", flush=True)
        subprocess.run([sys.executable, "-m", module], check=False)
    print(f"\n(benchmarks took {time.perf_counter() - t0:.0f} s)")
    return 0
