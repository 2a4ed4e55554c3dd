"""The benchmark generator: requested sizes, valid histories, exact money, same seed → same data."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import aliased

from benchmarks.generate import Report, Spec, ensure_bench_db, generate, main
from jianan_desk.domain.project_rules import HistoryEvent, signed_on, stage_since
from jianan_desk.domain.search import project_search_key
from jianan_desk.domain.stages import Stage, StageEventData, current_stage, validate_history
from jianan_desk.services.checks import run_checks
from jianan_desk.services.database import open_database
from jianan_desk.store.models import (
    Company,
    FundsInPlace,
    KeyProjectPlan,
    MonthlyInvestment,
    Project,
    ProjectStageEvent,
    Visit,
)

SMALL = Spec(projects=300, companies=200, visits=400, seed=7)


def _quiet(_line: str) -> None:
    pass


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Report:
    path = tmp_path_factory.mktemp("gen") / "small.sqlite"
    return generate(path, SMALL, parallel=False, log=_quiet)


@pytest.fixture
def small_db(small: Report) -> Path:
    return small.path


@pytest.fixture(scope="module")
def other_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another seed, and projects enough for a few corrected signing dates."""
    path = tmp_path_factory.mktemp("gen") / "other.sqlite"
    return generate(path, Spec(1200, 200, 0, seed=8), log=_quiet).path


def _snapshot(path: Path) -> tuple[list, list]:
    db = open_database(f"sqlite:///{path}", migrate=False, must_exist=True)
    try:
        with db.session(readonly=True) as s:
            projects = s.execute(
                select(
                    Project.code, Project.name, Project.total_investment_wan, Project.stage
                ).order_by(Project.code)
            ).all()
            companies = s.execute(select(Company.name, Company.city).order_by(text("rowid"))).all()
    finally:
        db.dispose()
    return projects, companies


def test_generator_knows_every_column(small: Report) -> None:
    assert small.defaulted == []  # else: teach benchmarks/fake.py the new columns


def test_requested_counts_and_a_valid_database(small_db: Path) -> None:
    db = open_database(f"sqlite:///{small_db}", migrate=False, must_exist=True)
    try:
        with db.session(readonly=True) as s:
            assert s.scalar(select(func.count()).select_from(Project)) == 300
            assert s.scalar(select(func.count()).select_from(Company)) == 200
            assert s.scalar(select(func.count()).select_from(Visit)) == 400
            for model in (ProjectStageEvent, FundsInPlace, KeyProjectPlan, MonthlyInvestment):
                assert s.scalar(select(func.count()).select_from(model)) > 0, model
            families = set(s.scalars(select(Project.family).distinct()))
            assert families == {"attraction", "key"}
            assert len(set(s.scalars(select(Project.stage).distinct()))) == len(Stage)
            assert s.scalar(select(func.count()).where(Visit.trip_id.is_not(None))) > 0
            # The project's own checks: SQLite integrity, foreign keys, stage caches, amounts.
            assert run_checks(s) == []
    finally:
        db.dispose()


def test_stage_and_its_caches_are_what_the_events_imply(small_db: Path) -> None:
    db = open_database(f"sqlite:///{small_db}", migrate=False, must_exist=True)
    try:
        with db.session(readonly=True) as s:
            events: dict[str, list[HistoryEvent]] = defaultdict(list)
            for pid, stage, day in s.execute(
                select(
                    ProjectStageEvent.project_id,
                    ProjectStageEvent.stage,
                    ProjectStageEvent.occurred_on,
                )
                .where(ProjectStageEvent.deleted_at.is_(None))
                .order_by(text("rowid"))  # as written (an index may return them by stage)
            ):
                events[pid].append(HistoryEvent(Stage(stage), day))
            projects = s.execute(
                select(
                    Project.id,
                    Project.stage,
                    Project.signed_on,
                    Project.stage_on,
                    Project.search_key,
                    Project.investor_name,
                    Project.name,
                    Company.name,
                    Project.location,
                    Project.notes,
                ).outerjoin(Company, Company.id == Project.company_id)
            ).all()
    finally:
        db.dispose()
    assert len(projects) == 300
    for pid, stage, signed, since, key, investor_copy, name, investor, location, notes in projects:
        history = events[pid]
        data = [StageEventData(e.stage, e.occurred_on) for e in history]
        assert history[0].stage is Stage.LEAD
        validate_history(data)
        assert stage == current_stage(data).value
        assert signed == signed_on(history)
        assert since == stage_since(history)
        assert key == project_search_key(name, investor, location, notes)
        assert investor_copy == (investor or "")


def test_corrections_supersede_soft_deleted_events(other_db: Path) -> None:
    db = open_database(f"sqlite:///{other_db}", migrate=False, must_exist=True)
    try:
        with db.session(readonly=True) as s:
            fix = aliased(ProjectStageEvent)
            pairs = s.execute(
                select(ProjectStageEvent, fix).join(
                    fix, fix.id == ProjectStageEvent.superseded_by_id
                )
            ).all()
    finally:
        db.dispose()
    assert pairs
    for old, new in pairs:
        assert old.deleted_at is not None and new.deleted_at is None
        assert (old.project_id, old.stage) == (new.project_id, new.stage)
        assert new.kind == "correction" and new.reason


def test_money_is_exact_through_the_orm(small_db: Path) -> None:
    db = open_database(f"sqlite:///{small_db}", migrate=False, must_exist=True)
    try:
        with db.session(readonly=True) as s:
            raw = s.scalar(text("SELECT sum(amount_wan) FROM funds_in_place"))
            amounts = s.scalars(select(FundsInPlace.amount_wan)).all()
            totals = s.scalars(select(Project.total_investment_wan)).all()
            signed = s.execute(
                select(ProjectStageEvent.signed_investment_wan, Project.total_investment_wan)
                .join(Project)
                .where(ProjectStageEvent.stage == "signed")
            ).all()
    finally:
        db.dispose()
    assert all(isinstance(a, Decimal) for a in amounts)
    assert sum(amounts) == Decimal(raw).scaleb(-4)
    assert min(totals) >= Decimal(500) and max(totals) <= Decimal(600_000)
    assert signed and all(a == b for a, b in signed)


def test_same_seed_same_data_other_seed_other_data(
    small_db: Path, other_db: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.sqlite"
    generate(again, SMALL, parallel=True, log=_quiet)  # one process or two: same rows
    assert _snapshot(again) == _snapshot(small_db)
    assert _snapshot(other_db)[0][:300] != _snapshot(small_db)[0]
    assert _snapshot(other_db)[1] != _snapshot(small_db)[1]


def test_refuses_an_existing_file_unless_forced(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"precious")
    args = ["--db", str(path), "--projects", "5", "--companies", "5", "--visits", "5"]
    assert main(args) == 2
    assert path.read_bytes() == b"precious"
    assert main([*args, "--force"]) == 0
    assert "projects" in capsys.readouterr().out
    assert _snapshot(path)[0]


def test_bench_db_is_cached(tmp_path: Path) -> None:
    first = ensure_bench_db(20, 10, 10, directory=tmp_path, log=_quiet)
    stamp = first.stat().st_mtime_ns
    assert ensure_bench_db(20, 10, 10, directory=tmp_path, log=_quiet) == first
    assert first.stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir()] == [first.name]
