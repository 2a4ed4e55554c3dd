"""招商图谱 on the big database: one industry's map ≤ 200 ms, the overview ≤ 500 ms.

Issue 5's targets are for 100,000 companies and 20,000 projects: by default this runs on
the generated database of that size (``ensure_bench_db``: 200,000 visits too; made once and
cached in ``bench-data/``); ``--db`` takes another (e.g. the 100,000-project one). The
generator files companies under industries, not chain links, and writes no target-list
entries, so the database is COPIED to a temp folder first and the copy gets: every company
filed under a random link of its industry, and 20,000 target-list entries (random company,
link, priority and status).

Measured, each the median of ``--runs``:

* service: ``industry_map`` (one industry; four grouped queries) and ``overview``;
* draw: the same plus building the ``ChainDiagram`` scene and painting the view once
  (``grab``), offscreen — what the page does when an industry is chosen;
* bare SQL: the overview's three ``GROUP BY`` queries in sqlite3 (no ORM, no Qt);
* page data: everything the 招商图谱 page loads in the background (tree, overview, all
  20,000 targets with their last contact), for information.

    python -m benchmarks.bench_industry_map [--db PATH] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

TARGET_MAP_MS = 200.0
TARGET_OVERVIEW_MS = 500.0
TARGET_ENTRIES = 20_000

BARE_SQL = (  # the overview's three grouped queries, in sqlite3
    "SELECT coalesce(industry_node_id, ''), count(*) FROM companies"
    " WHERE deleted_at IS NULL AND is_local = 1 GROUP BY 1",
    "SELECT coalesce(chain_link_id, ''), count(*) FROM target_companies WHERE deleted_at IS NULL"
    " AND status IN ('untouched', 'contacted', 'negotiating') GROUP BY 1",
    "SELECT coalesce(chain_link_id, ''), stage, count(*), sum(total_investment_wan)"
    " FROM projects WHERE deleted_at IS NULL GROUP BY 1, 2",
)


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def prepare(path: Path, entries: int = TARGET_ENTRIES, seed: int = 5) -> None:
    """File companies under links and add target-list entries (in the copy)."""
    import random

    rng = random.Random(seed)
    con = sqlite3.connect(path)
    links: dict[str, list[str]] = {}
    for link_id, parent in con.execute(
        "SELECT id, parent_id FROM industry_nodes WHERE level = 'link'"
    ):
        links.setdefault(parent, []).append(link_id)
    rows = con.execute(
        "SELECT id, industry_node_id FROM companies WHERE industry_node_id IS NOT NULL"
    ).fetchall()
    con.executemany(
        "UPDATE companies SET industry_node_id = ? WHERE id = ?",
        [(rng.choice(links[i]), c) for c, i in rows if i in links],
    )
    company_ids = [r[0] for r in rows]
    all_links = [x for v in links.values() for x in v]
    statuses = ("untouched", "contacted", "negotiating", "signed", "dropped")
    now = "2024-06-30 00:00:00.000000"
    con.executemany(
        "INSERT INTO target_companies (id, created_at, updated_at, version, company_id,"
        " chain_link_id, priority, city, follower, notes, status, reason)"
        " VALUES (?, ?, ?, 1, ?, ?, ?, '', '', '', ?, '')",
        [
            (
                str(uuid.UUID(int=rng.getrandbits(128))),
                now,
                now,
                rng.choice(company_ids),
                rng.choice(all_links),
                rng.randint(1, 3),
                rng.choices(statuses, (4, 3, 2, 1, 1))[0],
            )
            for _ in range(entries)
        ],
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()


def bench(db_path: Path, runs: int) -> list[tuple[str, float, float | None, float | None]]:
    """Rows of (what, median ms, bare SQL ms or None, target ms or None)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from jianan_desk.paths import sqlite_url
    from jianan_desk.services.industry_map import industry_map, overview
    from jianan_desk.store.engine import Database, make_engine
    from jianan_desk.store.migrations import upgrade
    from jianan_desk.ui.fonts import setup_fonts
    from jianan_desk.ui.pages.industry_map import load_page_data
    from jianan_desk.ui.widgets.chain_diagram import ChainDiagram

    app = QApplication.instance() or QApplication([])
    setup_fonts(app)  # type: ignore[arg-type]
    url = sqlite_url(db_path)
    db = Database(url, make_engine(url))
    upgrade(db)
    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

    def bare() -> None:
        for sql in BARE_SQL:
            raw.execute(sql).fetchall()

    with db.session(readonly=True) as s:
        maps = overview(s)
    industries = [m.id for m in maps]
    diagram = ChainDiagram()
    diagram.resize(1200, 700)
    diagram.show()
    app.processEvents()

    def median(fn: Callable[[], object]) -> float:
        fn()  # warm
        return statistics.median(_ms(fn) for _ in range(runs))

    def one_service() -> None:
        with db.session(readonly=True) as s:
            for industry in industries:
                industry_map(s, industry)

    def one_draw() -> None:
        for industry in industries:
            with db.session(readonly=True) as s:
                m = industry_map(s, industry)
            diagram.set_map(m)
            diagram.fit()
            diagram.grab()

    def all_service() -> None:
        with db.session(readonly=True) as s:
            overview(s)

    def all_draw() -> None:
        with db.session(readonly=True) as s:
            maps = overview(s)
        diagram.set_overview(maps)
        diagram.fit()
        diagram.grab()

    n = len(industries)
    sql = median(bare)
    rows: list[tuple[str, float, float | None, float | None]] = [
        ("one industry's map: service (mean of 6)", median(one_service) / n, sql, TARGET_MAP_MS),
        ("one industry's map: service + draw", median(one_draw) / n, sql, TARGET_MAP_MS),
        ("overview: service", median(all_service), sql, TARGET_OVERVIEW_MS),
        ("overview: service + draw", median(all_draw), sql, TARGET_OVERVIEW_MS),
        ("page data (tree, overview, 20,000 targets)", median(lambda: load_page_data(db, 90)),
         None, None),
    ]  # fmt: skip
    diagram.deleteLater()
    app.processEvents()
    raw.close()
    db.dispose()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_industry_map", description=__doc__
    )
    parser.add_argument(
        "--db", type=Path, help="a generated database (default: 100k companies, 20k projects)"
    )
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if args.db is None:
        from benchmarks.generate import ensure_bench_db

        args.db = ensure_bench_db(projects=20_000, companies=100_000, visits=200_000)
    print("建安招商台 benchmark: 招商图谱 (industry-chain map)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"load average {load:.2f} on {os.cpu_count()} cores (figures are noisy when busy)")
    with tempfile.TemporaryDirectory(prefix="jianan-bench-map-") as tmp:
        os.environ["JIANAN_HOME"] = tmp
        copy = Path(tmp) / "bench.sqlite"
        shutil.copyfile(args.db, copy)
        prepare(copy)
        con = sqlite3.connect(copy)
        counts = [
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("companies", "projects", "target_companies", "visits")
        ]
        con.close()
        print(
            "database: copy of {} — {:,} companies, {:,} projects, {:,} target entries, "
            "{:,} visits".format(args.db.name, *counts)
        )
        rows = bench(copy, args.runs)
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'':{width}}{'median':>10}{'bare SQL':>12}{'target':>10}")
    for what, ms, sql, target in rows:
        sql_text = f"{sql:10.1f}" if sql is not None else f"{'—':>10}"
        if target is None:
            print(f"{what:{width}}{ms:10.1f}{sql_text:>12}{'—':>10}")
            continue
        ok = "PASS" if ms <= target else "MISS"
        print(f"{what:{width}}{ms:10.1f}{sql_text:>12}{target:10.0f} ms  {ok}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
