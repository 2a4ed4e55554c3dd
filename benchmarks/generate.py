"""Generate a large, realistic database fast, for benchmarks and for trying the UI at scale.

    python -m benchmarks.generate --db PATH --projects 100000 --companies 100000 \\
        --visits 200000 [--seed N] [--force]

The file is made by the program itself (``open_database``: migrated and seeded), then
filled in one transaction by bulk inserts of rows already in storage format (see
``benchmarks.fake``): the driver's ``executemany`` through the SQLAlchemy connection,
with the secondary indexes of the filled tables dropped during the load and re-created
from their exact stored SQL afterwards. Same seed, same names and amounts.

``ensure_bench_db()`` keeps generated files under ``bench-data/`` (git-ignored), keyed by
the parameters, the generator version and the schema revision, so a second
``make bench`` reuses them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import Any

from sqlalchemy import Connection, Date

from benchmarks import BENCH_DATA
from benchmarks.fake import COLUMNS, Fabricator, Industry, Reference, Storage

GENERATOR_VERSION = 2
DEFAULT_SEED = 20220331
BATCH = 5_000  # projects (with their events, funds, plans…) per flush
CHUNK = 20_000  # rows per flush for the other tables

# Tables in foreign-key order: a table is always flushed after the ones it refers to.
FILL_ORDER = (
    "staff_users",
    "task_forces",
    "weekly_meetings",
    "companies",
    "contacts",
    "trips",
    "trip_members",
    "visits",
    "projects",
    "project_stage_events",
    "funds_in_place",
    "key_project_plans",
    "monthly_investments",
    "problems",
)


@dataclass(frozen=True)
class Spec:
    projects: int = 100_000
    companies: int = 100_000
    visits: int = 200_000
    seed: int = DEFAULT_SEED

    def cache_name(self, revision: str) -> str:
        return (
            f"bench-p{self.projects}-c{self.companies}-v{self.visits}-s{self.seed}"
            f"-g{GENERATOR_VERSION}-r{revision}.sqlite"
        )


@dataclass
class Report:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    phases: list[tuple[str, float]] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    defaulted: list[str] = field(default_factory=list)  # columns the generator left to defaults

    def lines(self) -> list[str]:
        size = self.path.stat().st_size / 2**20 if self.path.exists() else 0.0
        out = [
            f"generated {self.path} ({size:.0f} MiB) in {self.seconds:.1f} s"
            f" ({self.cpu_seconds:.1f} s CPU in this process)"
        ]
        out += [f"  {name:<22} {n:>9,}" for name, n in self.counts.items()]
        out.append("  phases: " + ", ".join(f"{name} {s:.1f} s" for name, s in self.phases))
        if self.defaulted:
            out.append(
                "  WARNING: generator out of date, left to defaults: " + ", ".join(self.defaulted)
            )
        return out


class Writer:
    """Buffers storage-format tuples per table and inserts them with ``executemany``.

    A column the generator does not know yet (the schema moved on) is filled with its
    scalar default, or NULL if it is nullable, and listed in ``defaulted`` (reported
    loudly; the generator's test insists on none); any other unknown column is an error.
    """

    def __init__(self, conn: Connection) -> None:
        from jianan_desk.store.models import Base

        self.conn = conn
        self.rows: dict[str, list[tuple]] = {name: [] for name in FILL_ORDER}
        self.counts: dict[str, int] = dict.fromkeys(FILL_ORDER, 0)
        self.sql: dict[str, str] = {}
        self.extra: dict[str, tuple] = {}
        self.defaulted: list[str] = []
        dialect = conn.dialect
        for name in FILL_ORDER:
            cols = COLUMNS[name]
            table = Base.metadata.tables[name]
            unknown = set(cols) - set(table.c.keys())
            if unknown or len(set(cols)) != len(cols):
                raise RuntimeError(f"generator out of date for {name}: no columns {unknown}")
            extra_cols = [c for c in table.c if c.key not in cols]
            values = []
            for c in extra_cols:
                if c.default is not None and c.default.is_scalar:
                    value = c.default.arg
                elif c.default is None and c.nullable:
                    value = None
                else:
                    raise RuntimeError(f"generator out of date: {name}.{c.key} is not generated")
                proc = c.type.dialect_impl(dialect).bind_processor(dialect)
                values.append(proc(value) if proc is not None and value is not None else value)
                self.defaulted.append(f"{name}.{c.key}")
            self.extra[name] = tuple(values)
            names = [*cols, *(c.key for c in extra_cols)]
            marks = ", ".join("?" * len(names))
            self.sql[name] = f"INSERT INTO {name} ({', '.join(names)}) VALUES ({marks})"

    def flush(self, *names: str) -> None:
        for name in names or FILL_ORDER:
            rows = self.rows[name]
            if rows:
                extra = self.extra[name]
                params = [row + extra for row in rows] if extra else rows
                self.conn.exec_driver_sql(self.sql[name], params)
                self.counts[name] += len(rows)
                rows.clear()

    def drop_indexes(self) -> list[str]:
        """Drop the filled tables' secondary indexes; returns the SQL that re-creates them."""
        found = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({', '.join('?' * len(FILL_ORDER))}) ORDER BY name",
            FILL_ORDER,
        ).all()
        for name, _ in found:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
        return [sql for _, sql in found]


def load_reference(conn: Connection) -> Reference:
    q = conn.exec_driver_sql
    links: dict[str, list[str]] = {}
    for parent, node_id in q(
        "SELECT parent_id, id FROM industry_nodes WHERE level = 'link' AND deleted_at IS NULL"
        " ORDER BY code"
    ):
        links.setdefault(parent, []).append(node_id)
    industries = tuple(
        Industry(code, node_id, tuple(links.get(node_id, ())))
        for node_id, code in q(
            "SELECT i.id, i.code FROM industry_nodes i JOIN industry_nodes g ON g.id = i.parent_id"
            " WHERE i.level = 'industry' AND i.deleted_at IS NULL"
            " ORDER BY g.sort_order, g.code, i.sort_order, i.code"
        )
    )
    fields = tuple(r[0] for r in q("SELECT id FROM plan_fields ORDER BY sort_order, code"))
    units = tuple((r[0], r[1]) for r in q("SELECT id, name FROM units ORDER BY sort_order, name"))
    return Reference(industries, fields, units)


def storage_for(conn: Connection) -> Storage:
    """Day and timestamp strings made by the very bind processors the ORM would use."""
    from jianan_desk.store.models import Project

    dialect = conn.dialect
    date_proc = Date().dialect_impl(dialect).bind_processor(dialect)
    ts_proc = Project.__table__.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
    assert date_proc is not None and ts_proc is not None
    return Storage.build(date_proc, ts_proc)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def generate(
    path: Path,
    spec: Spec,
    *,
    force: bool = False,
    parallel: bool = True,
    log: Callable[[str], None] = print,
) -> Report:
    """Create ``path`` (refused if it exists, unless ``force``) and fill it per ``spec``.

    ``parallel``: fabricate rows in a second process while this one inserts them (same
    rows either way; inline is simpler to debug and profile).
    """
    from jianan_desk.services.database import open_database

    path = Path(path).resolve()
    if path.exists():
        if not force:
            raise FileExistsError(f"{path} exists (use --force to replace it)")
        _remove(path)
    report = Report(path)
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    mark = t0

    def phase(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        report.phases.append((name, now - mark))
        mark = now

    db = open_database("sqlite:///" + str(path))
    try:
        phase("create+seed")
        with db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            # Load without WAL (no second copy of every page) and without fsync: a failed
            # run deletes the file. The journal mode the engine sets (WAL) is restored after.
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.execute("PRAGMA journal_mode = MEMORY")
            raw.execute("PRAGMA synchronous = OFF")
            raw.execute("PRAGMA cache_size = -262144")  # 256 MiB
            with conn.begin():
                report.defaulted = _fill(conn, spec, phase, log, parallel)
            raw.execute("PRAGMA journal_mode = WAL")
            report.counts = {
                name: conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar_one()
                for name in FILL_ORDER
            }
            conn.rollback()
        phase("checkpoint")
    except BaseException:
        db.dispose()
        _remove(path)
        raise
    db.dispose()
    report.seconds = time.perf_counter() - t0
    report.cpu_seconds = time.process_time() - cpu0
    return report


Batch = list[tuple[str, list[tuple]]]  # (table, rows) in foreign-key order
_DONE = "done"


def produce(spec: Spec, ref: Reference, storage: Storage, emit: Callable[[Batch], None]) -> None:
    """Fabricate every row of ``spec``, handing them to ``emit`` in batches (parents first)."""
    fab = Fabricator(spec.seed, ref, storage)
    out: dict[str, list[tuple]] = {name: [] for name in FILL_ORDER}

    def send(*names: str) -> None:
        batch = [(name, out[name]) for name in names if out[name]]
        for name in names:
            out[name] = []
        if batch:
            emit(batch)

    fab.staff_rows(out)
    fab.meeting_rows(out)
    send("staff_users", "task_forces", "weekly_meetings")
    for start in range(0, spec.companies, CHUNK):
        fab.company_rows(min(CHUNK, spec.companies - start), out)
        send("companies", "contacts")
    if spec.companies and spec.visits:
        for start in range(0, spec.visits, CHUNK):
            fab.trip_and_visit_rows(min(CHUNK, spec.visits - start), out)
            send("trips", "trip_members", "visits")
    for start in range(0, spec.projects, BATCH):
        fab.project_rows(min(BATCH, spec.projects - start), out)
        send(*FILL_ORDER[FILL_ORDER.index("projects") :])


def _producer(spec: Spec, ref: Reference, storage: Storage, queue: Any) -> None:
    """The producer process: rows go to ``queue``, then ``_DONE`` (or a traceback)."""
    try:
        produce(spec, ref, storage, queue.put)
        queue.put(_DONE)
    except BaseException:
        queue.put("error in the generator process:\n" + traceback.format_exc())
        raise


def _consume(spec: Spec, ref: Reference, storage: Storage, insert: Callable[[Batch], None]) -> None:
    """Run ``produce`` in a second process (both cores: it fabricates while we insert)."""
    ctx = multiprocessing.get_context()
    queue = ctx.Queue(maxsize=6)
    proc = ctx.Process(target=_producer, args=(spec, ref, storage, queue), daemon=True)
    proc.start()
    try:
        while True:
            try:
                item = queue.get(timeout=1.0)
            except Empty:
                if not proc.is_alive():
                    raise RuntimeError(f"generator process died (exit {proc.exitcode})") from None
                continue
            if item == _DONE:
                break
            if isinstance(item, str):
                raise RuntimeError(item)
            insert(item)
        proc.join()
    finally:
        if proc.is_alive():
            proc.kill()
            proc.join()


def _fill(
    conn: Connection,
    spec: Spec,
    phase: Callable[[str], None],
    log: Callable[[str], None],
    parallel: bool,
) -> list[str]:
    writer = Writer(conn)
    if writer.defaulted:
        log("WARNING: generator out of date, left to defaults: " + ", ".join(writer.defaulted))
    index_sql = writer.drop_indexes()
    ref, storage = load_reference(conn), storage_for(conn)
    shown = [0]

    def insert(batch: Batch) -> None:
        for name, rows in batch:
            writer.rows[name] = rows
            writer.flush(name)
        done = writer.counts["projects"]
        if done >= shown[0] + 20_000 and done < spec.projects:
            shown[0] = done
            log(f"  … {done:,} projects")

    if parallel:
        _consume(spec, ref, storage, insert)
    else:
        produce(spec, ref, storage, insert)
    phase("rows")
    for sql in index_sql:
        conn.exec_driver_sql(sql)
    phase("indexes")
    return writer.defaulted


# ---------------------------------------------------------------- the cache for benchmarks


def ensure_bench_db(
    projects: int = 100_000,
    companies: int = 100_000,
    visits: int = 200_000,
    seed: int = DEFAULT_SEED,
    *,
    directory: Path = BENCH_DATA,
    log: Callable[[str], None] = print,
) -> Path:
    """A generated database for these parameters: reused if cached, else made (atomically)."""
    from jianan_desk.store.migrations import head_revision

    spec = Spec(projects, companies, visits, seed)
    path = Path(directory) / spec.cache_name(head_revision())
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}-{os.getpid()}.tmp.sqlite")
    log(f"generating benchmark database {path.name} (cached for later runs)…")
    report = generate(tmp, spec, force=True, log=log)
    for line in report.lines()[1:]:
        log(line)
    os.replace(tmp, path)
    _remove(tmp)  # leftovers beside the temporary name (lock file)
    log(f"  done in {report.seconds:.1f} s")
    return path


def stale_cache_files(directory: Path = BENCH_DATA) -> list[Path]:
    """Cached databases of another generator version or schema revision (never reused)."""
    from jianan_desk.store.migrations import head_revision

    current = f"-g{GENERATOR_VERSION}-r{head_revision()}.sqlite"
    return sorted(p for p in Path(directory).glob("bench-*.sqlite") if not p.name.endswith(current))


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Generate a large 建安招商台 database (migrated, seeded, filled).",
    )
    parser.add_argument("--db", required=True, type=Path, help="the SQLite file to create")
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument(
        "--inline", action="store_true", help="one process (slower; for debugging, profiling)"
    )
    args = parser.parse_args(argv)
    if min(args.projects, args.companies, args.visits) < 0:
        parser.error("sizes must not be negative")
    spec = Spec(args.projects, args.companies, args.visits, args.seed)
    started = dt.datetime.now()
    print(f"{started:%H:%M:%S} generating {spec} into {args.db}")
    try:
        report = generate(args.db, spec, force=args.force, parallel=not args.inline)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
