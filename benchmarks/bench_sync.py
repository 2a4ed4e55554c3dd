"""Offline sync on a generated database: full and incremental packages, and backups.

    .venv/bin/python -m benchmarks.bench_sync [--projects 20000] [--edits 1000]

Prints: the daily backup (online backup API + integrity check); a full export and its
size; importing it into a copy that already holds everything (nothing to change); editing
``--edits`` projects on the copy, exporting only those for the original, and importing
them there; peak RSS. No target is asserted: on a busy machine the figures are noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=20_000)
    parser.add_argument("--edits", type=int, default=1_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    os.environ["JIANAN_HOME"] = str(work)

    from sqlalchemy import select

    from benchmarks.generate import ensure_bench_db
    from jianan_desk.paths import sqlite_url
    from jianan_desk.services.database import open_database
    from jianan_desk.store.backup import auto_backup
    from jianan_desk.store.installation import installation_id
    from jianan_desk.store.models import Project
    from jianan_desk.sync.service import export_package, import_package

    n = args.projects
    source = ensure_bench_db(projects=n, companies=n, visits=2 * n)
    office_path, laptop_path = work / "office.sqlite", work / "laptop.sqlite"
    shutil.copy(source, office_path)
    office = open_database(sqlite_url(office_path))
    t = time.perf_counter()
    auto_backup(office_path, "manual")
    print(f"backup + integrity check:   {time.perf_counter() - t:7.2f} s "
          f"({office_path.stat().st_size / 1e6:.0f} MB file)")  # fmt: skip
    shutil.copy(office_path, laptop_path)
    laptop = open_database(sqlite_url(laptop_path))

    full = work / "full.jdsync"
    t = time.perf_counter()
    result = export_package(office, full)
    print(f"full export:                {time.perf_counter() - t:7.2f} s  {result.total:,} rows, "
          f"{full.stat().st_size / 1e6:.1f} MB")  # fmt: skip
    t = time.perf_counter()
    import_package(laptop, full, backup=False)
    print(f"import into an equal copy:  {time.perf_counter() - t:7.2f} s")

    with laptop.session() as s:
        for i, project in enumerate(s.scalars(select(Project).limit(args.edits))):
            project.notes = f"出差修改 {i}"
    with office.session(readonly=True) as s:
        office_id = installation_id(s.connection())
    delta = work / "delta.jdsync"
    t = time.perf_counter()
    result = export_package(laptop, delta, for_peer=office_id)
    print(f"incremental export:         {time.perf_counter() - t:7.2f} s  {result.total:,} rows, "
          f"{delta.stat().st_size / 1e3:.0f} KB")  # fmt: skip
    t = time.perf_counter()
    applied, _ = import_package(office, delta, backup=False)
    print(f"incremental import:         {time.perf_counter() - t:7.2f} s  ({applied.summary()})")
    print(f"peak RSS:                   {peak_mb():7.0f} MB")
    office.dispose()
    laptop.dispose()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
