"""Dashboard: ``services.dashboard.load_dashboard`` on the 100,000-project database.

Target: everything the 首页 shows recomputes in ≤ 300 ms (median of warm runs). Beside it:

* **the same SQL, bare**: the statements ``load_dashboard`` issued, captured once and replayed
  one after the other on a plain ``sqlite3`` connection (with the engine's ``mmap_size`` and
  ``cache_size``): what the ORM, the session and the Python around them cost (target ≤ 1.5×
  the bare SQL);
* **two connections**: ``load_dashboard`` with ``dashboard.PARALLEL`` on (the cohort
  statement on a second connection beside the rest; off by default): what a second core
  gains on this machine;
* **the metrics reference query**: ``benchmarks.bench_metrics.REFERENCE_SQL``, the one
  hand-written statement for the fourteen metric keys alone (the dashboard computes those
  and the monthly series, funnel, breakdowns and lists besides; shown for scale).

Before timing, the dashboard's figures are checked against the reference query for every
year of the data (as of 31 December): a mismatch is printed loudly. Runs are interleaved
(dashboard, bare SQL, reference) so that a busy machine slows all three alike; the first two
rounds are warm-up and do not count. Each line gives wall-clock median / min and the
process CPU time, which a busy machine inflates less.

    python -m benchmarks.bench_dashboard [--db PATH] [--year 2024] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.results import Row, Timing, render

TARGET_MS = 300.0
TARGET_RATIO = 1.5
WARM_UP = 2


def _capture(db: Any, year: int, as_of: dt.date) -> tuple[Any, list[tuple[str, Any]]]:
    """One ``load_dashboard`` call, with the SQL it ran (statement, DBAPI parameters)."""
    from sqlalchemy import event

    from jianan_desk.services.dashboard import load_dashboard

    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):  # a CTE query reads too
            statements.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session(readonly=True) as session:
            result = load_dashboard(session, year, as_of)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return result, statements


def _interleaved(fns: list[Callable[[], object]], runs: int) -> list[tuple[list[float], float]]:
    """Wall times of each function over ``runs`` rounds (after warm-up), and median CPU."""
    walls: list[list[float]] = [[] for _ in fns]
    cpus: list[list[float]] = [[] for _ in fns]
    for round_no in range(runs + WARM_UP):
        for i, fn in enumerate(fns):
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            if round_no >= WARM_UP:
                walls[i].append(wall)
                cpus[i].append(cpu)
    return [(w, statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def bench_dashboard(
    db_path: Path,
    year: int = 2024,
    runs: int = 7,
    *,
    as_of: dt.date | None = None,
    log: Callable[[str], None] = print,
) -> list[Row]:
    """Rows for the results table; ``as_of`` defaults to 31 December of ``year``."""
    from benchmarks.bench_metrics import compare, reference_metrics
    from jianan_desk.services import dashboard
    from jianan_desk.services.dashboard import load_dashboard
    from jianan_desk.services.database import open_database

    as_of = as_of or dt.date(year, 12, 31)
    name = f"dashboard {year} as of {as_of:%m-%d}"
    db = open_database("sqlite:///" + str(db_path), migrate=False, must_exist=True)
    raw = sqlite3.connect(db_path)
    # The bare connection reads the file as the program's engine does (mmap, page cache).
    from jianan_desk.store.engine import CACHE_SIZE_KIB, MMAP_SIZE

    raw.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
    raw.execute(f"PRAGMA cache_size = {CACHE_SIZE_KIB}")
    try:
        years = [
            r[0]
            for r in raw.execute(
                "SELECT DISTINCT CAST(substr(occurred_on, 1, 4) AS INTEGER)"
                " FROM project_stage_events WHERE stage = 'signed' ORDER BY 1"
            )
        ]
        mismatches = []
        for y in years:
            end = dt.date(y, 12, 31)
            with db.session(readonly=True) as session:
                mine = load_dashboard(session, y, end).metrics
            mismatches += [f"{y}: {d}" for d in compare(mine, reference_metrics(raw, y, end))]
        if mismatches:
            log("!" * 78)
            log("!! DASHBOARD MISMATCH: load_dashboard and the reference query disagree")
            for line in mismatches:
                log(f"!!   {line}")
            log("!" * 78)
        elif years:
            log(f"  dashboard figures agree with the reference query for {years[0]}–{years[-1]}")

        result, statements = _capture(db, year, as_of)

        def service() -> object:
            with db.session(readonly=True) as session:
                return load_dashboard(session, year, as_of)

        def beside() -> object:  # the cohort on a second connection (dashboard.PARALLEL on)
            dashboard.PARALLEL = True
            try:
                return service()
            finally:
                dashboard.PARALLEL = False

        def bare() -> object:
            return [raw.execute(sql, params).fetchall() for sql, params in statements]

        def reference() -> object:
            return reference_metrics(raw, year, as_of)

        (svc, svc_cpu), (two, two_cpu), (sql, sql_cpu), (ref, ref_cpu) = _interleaved(
            [service, beside, bare, reference], runs
        )
    finally:
        raw.close()
        db.dispose()
    figure = Timing("load_dashboard", svc)
    median_ms = figure.median * 1000
    verdict = "PASS" if median_ms <= TARGET_MS else "MISS"
    summary = (
        f"{runs} warm runs; target ≤ {TARGET_MS:g} ms: {verdict} (median {median_ms:,.0f} ms);"
        f" CPU median: load_dashboard {svc_cpu * 1000:,.0f} ms (cohort on a second connection:"
        f" {two_cpu * 1000:,.0f} ms), bare SQL {sql_cpu * 1000:,.0f} ms,"
        f" metrics query {ref_cpu * 1000:,.0f} ms; {len(statements)} statements;"
        f" signed {result.metrics['signed_count']:,}, funnel"
        f" {'/'.join(str(s.count) for s in result.funnel)},"
        f" overdue {result.overdue_total:,}, follow-ups {result.follow_ups_total:,}"
    )
    if mismatches:
        summary = f"MISMATCH in {len(mismatches)} value(s), see above; " + summary
    return [
        Row(f"{name} vs its bare SQL", figure, Timing("same SQL, sqlite3", sql), TARGET_RATIO,
            note=summary),
        Row(f"{name} vs metrics query", figure, Timing("REFERENCE_SQL", ref), None),
        Row(f"{name}: one connection vs two", figure, Timing("two connections", two), None),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_dashboard", description=__doc__
    )
    parser.add_argument("--db", type=Path, help="a generated database (default: the cached 100k)")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, help="default: 31 December")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    from benchmarks.runner import machine_info

    print("建安招商台 benchmark: dashboard")
    print("\n".join(machine_info()))
    if args.db is None:
        from benchmarks.generate import ensure_bench_db

        args.db = ensure_bench_db()
    print(f"database: {args.db} ({args.db.stat().st_size / 2**20:,.0f} MiB)")
    rows = bench_dashboard(args.db, args.year, args.runs, as_of=args.as_of)
    if args.as_of is None:
        mid_year = dt.date(args.year, 6, 30)
        rows += bench_dashboard(args.db, args.year, args.runs, as_of=mid_year, log=lambda _: None)
    print(render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
