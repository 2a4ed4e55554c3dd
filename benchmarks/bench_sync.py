"""Offline sync on the generated database: a full package for a new peer, and increments.

    .venv/bin/python -m benchmarks.bench_sync [--projects 100000] [--edits 1000]
        [--skip-incremental]

Prints, each step in a process of its own so that its peak RSS is its own:

* the daily backup (online backup API + integrity check);
* a **full export** of the whole database (what ``sync export`` writes for a new peer): time,
  rows, file size, peak RSS;
* a **full import** of that package into a new, empty database (a new laptop): time, peak RSS;
* importing it into a copy that already holds everything (nothing to change);
* editing ``--edits`` projects on the copy, exporting only those for the original, and
  importing them there.

The 100k database comes from ``bench-data/`` (copied, never written). No target is asserted:
on a busy machine the figures are noisy; the load average is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _step(argv: list[str]) -> dict[str, object]:
    """Run one step (``--step …``) in a child process; its JSON line is the result."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_sync", *argv],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        env=dict(os.environ),
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _child(args: argparse.Namespace) -> None:
    from jianan_desk.paths import sqlite_url
    from jianan_desk.services.database import open_database

    db = open_database(sqlite_url(Path(args.db)))
    package = Path(args.package)
    t = time.perf_counter()
    if args.step == "export":
        from jianan_desk.sync.service import export_package

        peer = args.peer or None
        result = export_package(db, package, for_peer=peer)
        extra = {"rows": result.total, "bytes": package.stat().st_size}
    else:
        from jianan_desk.sync.service import import_package

        applied, _ = import_package(db, package, backup=False)
        extra = {"changed": applied.changed, "summary": applied.summary()[:200]}
    seconds = time.perf_counter() - t
    db.dispose()
    print(json.dumps({"seconds": seconds, "rss_mb": peak_mb(), **extra}, ensure_ascii=False))


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=1_000)
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--step", choices=("export", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--package", help=argparse.SUPPRESS)
    parser.add_argument("--peer", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        _child(args)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    os.environ["JIANAN_HOME"] = str(work)

    from sqlalchemy import select

    from benchmarks.generate import ensure_bench_db
    from jianan_desk.paths import sqlite_url
    from jianan_desk.services.database import open_database
    from jianan_desk.store.backup import auto_backup
    from jianan_desk.store.installation import installation_id
    from jianan_desk.store.models import Project

    n = args.projects
    source = ensure_bench_db(projects=n, companies=n, visits=2 * n)
    office_path, laptop_path, fresh_path = (
        work / "office.sqlite",
        work / "laptop.sqlite",
        work / "fresh.sqlite",
    )
    shutil.copy(source, office_path)  # never write into the cached file
    office = open_database(sqlite_url(office_path))
    office.dispose()
    t = time.perf_counter()
    auto_backup(office_path, "manual")
    print(f"backup + integrity check:   {time.perf_counter() - t:7.2f} s "
          f"({office_path.stat().st_size / 1e6:.0f} MB file; {_load()})")  # fmt: skip
    shutil.copy(office_path, laptop_path)
    open_database(sqlite_url(fresh_path)).dispose()  # a new laptop: reference data only

    full = work / "full.jdsync"
    r = _step(["--step", "export", "--db", str(office_path), "--package", str(full)])
    print(f"full export:                {r['seconds']:7.2f} s  {r['rows']:,} rows, "
          f"{int(r['bytes']) / 1e6:.1f} MB, peak RSS {r['rss_mb']:.0f} MB ({_load()})")  # fmt: skip
    r = _step(["--step", "import", "--db", str(fresh_path), "--package", str(full)])
    print(f"full import (new database): {r['seconds']:7.2f} s  peak RSS {r['rss_mb']:.0f} MB "
          f"({_load()})")  # fmt: skip
    if args.skip_incremental:
        shutil.rmtree(work, ignore_errors=True)
        return
    r = _step(["--step", "import", "--db", str(laptop_path), "--package", str(full)])
    print(f"import into an equal copy:  {r['seconds']:7.2f} s  peak RSS {r['rss_mb']:.0f} MB")

    laptop = open_database(sqlite_url(laptop_path))
    with laptop.session() as s:
        for i, project in enumerate(s.scalars(select(Project).limit(args.edits))):
            project.notes = f"出差修改 {i}"
    laptop.dispose()
    office = open_database(sqlite_url(office_path))
    with office.session(readonly=True) as s:
        office_id = installation_id(s.connection())
    office.dispose()
    delta = work / "delta.jdsync"
    r = _step(
        ["--step", "export", "--db", str(laptop_path), "--package", str(delta), "--peer", office_id]
    )
    print(f"incremental export:         {r['seconds']:7.2f} s  {r['rows']:,} rows, "
          f"{int(r['bytes']) / 1e3:.0f} KB")  # fmt: skip
    r = _step(["--step", "import", "--db", str(office_path), "--package", str(delta)])
    print(f"incremental import:         {r['seconds']:7.2f} s  ({r['summary']})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
