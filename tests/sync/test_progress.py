"""Long sync work reports progress through a plain callback and can be cancelled: a
cancelled export leaves no file, a cancelled import leaves the database unchanged."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.models import SyncImport
from jianan_desk.sync import engine
from jianan_desk.sync.errors import SyncCancelled
from jianan_desk.sync.service import export_package, import_package, preview_package
from tests.sync.helpers import discard, new_installation, snapshot


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(engine, "CHUNK", 5)
    monkeypatch.setattr(engine, "EXPORT_BATCH", 5)


def _with_projects(db, n=12):
    with db.session() as s:
        for i in range(n):
            create_project(s, ProjectInput(name=f"项目{i}", total_investment_wan="1亿"), "张三")


def test_export_reports_rows_and_a_cancel_leaves_no_file(office, tmp_path, small_batches):
    _with_projects(office)
    calls: list[tuple[int, int]] = []
    target = tmp_path / "full.jdsync"
    with pytest.raises(SyncCancelled, match="已取消"):
        export_package(
            office, target, progress=lambda d, t: calls.append((d, t)), cancelled=lambda: True
        )
    assert not target.exists() and not list(tmp_path.glob("*.partial"))
    calls.clear()
    export_package(office, target, progress=lambda d, t: calls.append((d, t)))
    assert target.exists() and len(calls) > 3
    total = calls[-1][1]
    assert calls[-1] == (total, total) and all(t == total for _d, t in calls)


def test_a_cancelled_import_changes_nothing(office, tmp_path, small_batches):
    _with_projects(office)
    package = tmp_path / "full.jdsync"
    export_package(office, package)
    fresh = new_installation(tmp_path / "fresh.sqlite")
    try:
        before = snapshot(fresh)
        calls: list[tuple[int, int]] = []

        def cancelled() -> bool:
            return len(calls) >= 3  # after a few batches were already written

        with pytest.raises(SyncCancelled):
            import_package(
                fresh,
                package,
                backup=False,
                progress=lambda d, t: calls.append((d, t)),
                cancelled=cancelled,
            )
        assert len(calls) == 3 and calls[-1][0] < calls[-1][1]
        assert snapshot(fresh) == before
        with fresh.session(readonly=True) as s:
            assert s.scalar(select(func.count()).select_from(SyncImport)) == 0
        # the preview reports the same progress; then the real import goes through
        seen: list[tuple[int, int]] = []
        preview = preview_package(fresh, package, progress=lambda d, t: seen.append((d, t)))
        assert seen[-1][0] == seen[-1][1] == sum(n for n in preview.created.values())
        result, _ = import_package(fresh, package, backup=False)
        assert result.full_copy and snapshot(fresh) == snapshot(office)
    finally:
        discard(fresh)
