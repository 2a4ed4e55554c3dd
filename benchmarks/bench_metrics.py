"""Metrics: ``services.metrics.compute_metrics`` vs the same aggregates as ONE hand-written query.

The reference query follows the definitions (``shared/domain.md``) on its own, in raw SQL
over a plain ``sqlite3`` connection; only rows with ``deleted_at IS NULL`` count:

* cohort(Y): 招商引资 projects with a ``signed`` event dated in Y;
  signed_count, signed_over_100m_count (total ≥ 10,000 万), signed_investment_wan;
* performing/started/operating: cohort projects with an event of stage
  performing|started|operating / started|operating / operating dated ≤ as_of;
* funds_in_place_wan and fdi_usd_wan: records received in Y up to as_of (project not deleted);
  FDI of Y−1 over the same span for fdi_growth_rate;
* key_project_count / key_over_1b_count (total ≥ 100,000 万): key-project plans of Y;
* completed_investment_wan: monthly investment of Y up to the month of as_of.

Both must give identical numbers (checked for every year of the data); then each is timed
warm over several runs. Timing uses as_of = 31 December, where every definition agrees.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from benchmarks.results import Row, Timing

TARGET_RATIO = 2.0
SCALE = Decimal(10) ** 4  # FixedDecimal: 万元 stored as whole 元
OVER_100M = 10_000 * 10**4
OVER_1B = 100_000 * 10**4
RATE_QUANTUM = Decimal("0.000001")

REFERENCE_SQL = """
WITH cohort AS MATERIALIZED (
    SELECT DISTINCT e.project_id AS id
      FROM project_stage_events AS e
     WHERE e.stage = 'signed' AND e.deleted_at IS NULL
       AND e.occurred_on BETWEEN :y_start AND :y_end
), reached AS MATERIALIZED (
    SELECT p.total_investment_wan AS total,
           max(CASE r.stage WHEN 'performing' THEN 1 WHEN 'started' THEN 2
                            WHEN 'operating' THEN 3 ELSE 0 END) AS level
      FROM cohort AS c
      JOIN projects AS p ON p.id = c.id
      LEFT JOIN project_stage_events AS r
             ON r.project_id = p.id AND r.deleted_at IS NULL AND r.occurred_on <= :as_of
            AND r.stage IN ('performing', 'started', 'operating')
     WHERE p.deleted_at IS NULL AND p.family = 'attraction'
     GROUP BY p.id
), signed AS (
    SELECT count(*) AS n, coalesce(sum(total >= :over_100m), 0) AS over_100m,
           coalesce(sum(total), 0) AS invested, coalesce(sum(level >= 1), 0) AS performing,
           coalesce(sum(level >= 2), 0) AS started, coalesce(sum(level >= 3), 0) AS operating
      FROM reached
), funds AS (
    SELECT coalesce(sum(CASE WHEN f.received_on >= :y_start THEN f.amount_wan END), 0) AS amount,
           coalesce(sum(CASE WHEN f.received_on >= :y_start THEN f.fdi_usd_wan END), 0) AS fdi,
           coalesce(sum(CASE WHEN f.received_on <= :prev_end THEN f.fdi_usd_wan END), 0)
               AS fdi_prev
      FROM funds_in_place AS f JOIN projects AS p ON p.id = f.project_id
     WHERE f.deleted_at IS NULL AND p.deleted_at IS NULL
       AND ((f.received_on BETWEEN :y_start AND :until)
            OR (f.received_on BETWEEN :prev_start AND :prev_end))
), plans AS (
    SELECT count(*) AS n, coalesce(sum(p.total_investment_wan >= :over_1b), 0) AS over_1b
      FROM key_project_plans AS k JOIN projects AS p ON p.id = k.project_id
     WHERE k.year = :year AND k.deleted_at IS NULL AND p.deleted_at IS NULL
), monthly AS (
    SELECT coalesce(sum(m.completed_wan), 0) AS completed
      FROM monthly_investments AS m JOIN projects AS p ON p.id = m.project_id
     WHERE m.year = :year AND m.month <= :last_month
       AND m.deleted_at IS NULL AND p.deleted_at IS NULL
)
SELECT signed.*, funds.*, plans.*, monthly.* FROM signed, funds, plans, monthly
"""


def _rate(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(RATE_QUANTUM, ROUND_HALF_UP)


def _previous_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def reference_metrics(conn: sqlite3.Connection, year: int, as_of: dt.date) -> dict[str, Any]:
    """Every metric of ``year`` as of ``as_of`` from REFERENCE_SQL (one statement)."""
    until = min(as_of, dt.date(year, 12, 31))
    prev_end = _previous_year(as_of) if as_of.year == year else dt.date(year - 1, 12, 31)
    last_month = 12 if as_of.year > year else as_of.month if as_of.year == year else 0
    params = {
        "year": year,
        "y_start": f"{year:04d}-01-01",
        "y_end": f"{year:04d}-12-31",
        "as_of": as_of.isoformat(),
        "until": until.isoformat(),
        "prev_start": f"{year - 1:04d}-01-01",
        "prev_end": prev_end.isoformat(),
        "last_month": last_month,
        "over_100m": OVER_100M,
        "over_1b": OVER_1B,
    }
    (n, over_100m, invested, performing, started, operating, funds, fdi, fdi_prev, key_n,
     key_1b, completed) = conn.execute(REFERENCE_SQL, params).fetchone()  # fmt: skip
    fdi_now, fdi_before = Decimal(fdi) / SCALE, Decimal(fdi_prev) / SCALE
    return {
        "signed_count": n,
        "signed_over_100m_count": over_100m,
        "signed_investment_wan": Decimal(invested) / SCALE,
        "funds_in_place_wan": Decimal(funds) / SCALE,
        "performing_count": performing,
        "performance_rate": _rate(performing, n),
        "started_count": started,
        "start_rate": _rate(started, n),
        "operating_count": operating,
        "fdi_usd_wan": fdi_now,
        "fdi_growth_rate": _rate(fdi_now - fdi_before, fdi_before),
        "key_project_count": key_n,
        "key_over_1b_count": key_1b,
        "completed_investment_wan": Decimal(completed) / SCALE,
    }


def compare(service: dict[str, Any], reference: dict[str, Any]) -> list[str]:
    """Differences, one line each ("" if none): values must be equal, keys alike."""
    out = []
    for key in sorted(set(service) | set(reference)):
        if key not in service:
            out.append(f"{key}: missing from the service (reference {reference[key]})")
        elif key not in reference:
            out.append(f"{key}: not in the reference query (service {service[key]})")
        elif service[key] != reference[key]:
            out.append(f"{key}: service {service[key]!r} ≠ reference {reference[key]!r}")
    return out


class ServiceTimeout(Exception):
    """The service did not answer within the time limit (its query was interrupted)."""


class _Service:
    """Calls ``compute_metrics`` in a fresh read-only session, interrupted after ``limit`` s."""

    def __init__(self, db: Any, compute: Callable[..., dict[str, Any]], limit: float) -> None:
        self.db, self.compute, self.limit = db, compute, limit

    def __call__(self, year: int, as_of: dt.date) -> dict[str, Any]:
        from sqlalchemy.exc import OperationalError

        with self.db.session(readonly=True) as session:
            dbapi = session.connection().connection.driver_connection
            watchdog = threading.Timer(self.limit, dbapi.interrupt)
            watchdog.start()
            try:
                return self.compute(session, year, as_of)
            except OperationalError as exc:
                if "interrupted" in str(exc):
                    raise ServiceTimeout(f"compute_metrics({year}) > {self.limit:g} s") from exc
                raise
            finally:
                watchdog.cancel()


def _timed(fn: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def _loud(log: Callable[[str], None], title: str, lines: list[str]) -> None:
    log("!" * 78)
    log(f"!! {title}")
    for line in lines:
        log(f"!!   {line}")
    log("!" * 78)


def cross_check(
    db_path: Path, service: _Service, raw: sqlite3.Connection, years: list[int]
) -> list[str]:
    """Differences between the service and the reference, each year as of 31 December."""
    out = []
    for y in years:
        end = dt.date(y, 12, 31)
        out += [
            f"{db_path.name} {y}: {d}"
            for d in compare(service(y, end), reference_metrics(raw, y, end))
        ]
    return out


def _years(raw: sqlite3.Connection) -> list[int]:
    return [r[0] for r in raw.execute(
        "SELECT DISTINCT CAST(substr(occurred_on, 1, 4) AS INTEGER) FROM project_stage_events"
        " ORDER BY 1"
    )]  # fmt: skip


def bench_metrics(
    db_path: Path,
    year: int = 2024,
    runs: int = 7,
    *,
    small_db: Path | None = None,
    limit: float = 60.0,
    log: Callable[[str], None] = print,
) -> list[Row]:
    """Time the service against the reference on ``db_path``; check they agree on every
    year of ``small_db`` (always) and of ``db_path`` (when the service is fast enough)."""
    name = f"metrics {year} (all keys)"
    try:
        from jianan_desk.services.metrics import compute_metrics
    except ImportError as exc:
        return [Row(name, None, None, TARGET_RATIO, note=f"service not available: {exc}")]
    from jianan_desk.services.database import open_database

    mismatches: list[str] = []
    checked: list[str] = []
    if small_db is not None:
        db = open_database("sqlite:///" + str(small_db), migrate=False, must_exist=True)
        raw = sqlite3.connect(small_db)
        try:
            years = _years(raw)
            mismatches += cross_check(small_db, _Service(db, compute_metrics, limit), raw, years)
            checked.append(f"{small_db.name} {years[0]}–{years[-1]}")
        except ServiceTimeout as exc:
            mismatches.append(f"{small_db.name}: {exc}")
        finally:
            raw.close()
            db.dispose()

    db = open_database("sqlite:///" + str(db_path), migrate=False, must_exist=True)
    raw = sqlite3.connect(db_path)
    service = _Service(db, compute_metrics, limit)
    as_of = dt.date(year, 12, 31)
    row: Row | None = None
    try:
        values = reference_metrics(raw, year, as_of)
        ref = Timing("one SQL query", _timed(lambda: reference_metrics(raw, year, as_of), 3))
        # The timed year first: a service that takes minutes is reported, not waited for.
        t0 = time.perf_counter()
        try:
            first = service(year, as_of)
        except ServiceTimeout as exc:
            log(f"  stopped: {exc}")
            stopped = Timing(f"compute_metrics > {limit:g} s, stopped", [time.perf_counter() - t0])
            note = f"compute_metrics({year}) interrupted after {limit:g} s: ratio is a lower bound"
            row = Row(name, stopped, ref, TARGET_RATIO, note=note, lower_bound=True)
        else:
            mismatches += [f"{db_path.name} {year}: {d}" for d in compare(first, values)]
            years = [y for y in _years(raw) if y != year]
            mismatches += cross_check(db_path, service, raw, years)
            checked.append(f"{db_path.name} {min([*years, year])}–{max([*years, year])}")
            svc = Timing("compute_metrics", [])
            ref.runs = []
            _timed(lambda: service(year, as_of), 1)  # warm
            for _ in range(runs):  # interleaved, so that a busy moment hits both alike
                svc.runs += _timed(lambda: service(year, as_of), 1)
                ref.runs += _timed(lambda: reference_metrics(raw, year, as_of), 1)
            shown = ", ".join(f"{k}={v}" for k, v in values.items())
            row = Row(
                name, svc, ref, TARGET_RATIO, note=f"{runs} warm runs; as_of {as_of}; {shown}"
            )
    except ServiceTimeout as exc:
        mismatches.append(str(exc))
    finally:
        raw.close()
        db.dispose()
    if mismatches:
        _loud(log, "METRICS MISMATCH: the service and the reference query disagree", mismatches)
    elif checked:
        log("  metrics agree with the reference query: " + "; ".join(checked))
    rows = [row or Row(name, None, None, TARGET_RATIO, note="service stopped while checking")]
    if mismatches:
        rows[0].note = f"MISMATCH in {len(mismatches)} value(s), see above; {rows[0].note}"
    elif checked:
        rows[0].note += "; agrees with the reference on " + "; ".join(checked)
    return rows
