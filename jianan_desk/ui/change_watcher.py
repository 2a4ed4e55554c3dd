"""Other users' changes appear without a restart: a light poll of the main tables.

Several people work on one PostgreSQL database (and on SQLite a CLI import or a sync may write
while the window is open). Every ``interval_ms`` (5 s) the watcher reads, in one statement off
the GUI thread, each watched table's row count and newest ``updated_at``
(``store.dialect.change_marker``; every synchronisable row carries ``updated_at``, tombstones
included). When that moved and this window did not announce a change itself meanwhile, it
announces the kinds that changed on the hub (``Hub.PROJECTS``…), and each view refreshes itself
as after a local edit.

Connection loss: a failed poll shows a clear Chinese message in the status bar and emits
``connection_lost``; the next poll that works emits ``connection_restored`` and announces
``Hub.ALL`` so that every view reloads what it missed. Nothing on screen is touched meanwhile.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar
from shiboken6 import isValid

from jianan_desk.store.dialect import change_marker, is_connection_lost
from jianan_desk.store.engine import Database
from jianan_desk.store.errors import StoreError
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.operations import run_in_background

INTERVAL_MS = 5000

# table → the hub kind its changes concern (tables missing from the schema are skipped)
WATCHED: dict[str, str] = {
    "projects": Hub.PROJECTS,
    "project_stage_events": Hub.PROJECTS,
    "funds_in_place": Hub.PROJECTS,
    "key_project_plans": Hub.PROJECTS,
    "monthly_investments": Hub.PROJECTS,
    "companies": Hub.COMPANIES,
    "contacts": Hub.COMPANIES,
    "trips": Hub.TRIPS,
    "visits": Hub.TRIPS,
    "task_forces": Hub.TASK_FORCES,
    "problems": Hub.TASK_FORCES,
    "target_companies": Hub.INDUSTRY_MAP,
    "annual_targets": Hub.TARGETS,
    "units": Hub.REFERENCE,
    "industry_nodes": Hub.REFERENCE,
    "plan_fields": Hub.REFERENCE,
}

Marker = dict[str, tuple[Any, ...]]


def read_marker(db: Database) -> Marker:
    """{table: (row count, newest updated_at)} of the watched tables, in one statement."""
    from jianan_desk.store.models import Base

    tables = [
        Base.metadata.tables[name]
        for name in WATCHED
        if name in Base.metadata.tables and "updated_at" in Base.metadata.tables[name].c
    ]
    with db.engine.connect() as conn:
        values = change_marker(conn, tables)
    return {t.name: (values[2 * i], values[2 * i + 1]) for i, t in enumerate(tables)}


def changed_kinds(before: Marker, after: Marker) -> list[str]:
    """The hub kinds whose tables differ between two markers, in a stable order."""
    kinds: list[str] = []
    for table, kind in WATCHED.items():
        if before.get(table) != after.get(table) and kind not in kinds:
            kinds.append(kind)
    return kinds


class ChangeWatcher(QObject):
    """Announces on the hub what other connections changed.

    Signals:
        connection_lost(str): a poll failed to reach the database (the Chinese message).
        connection_restored(): the first poll that worked again after a loss.
    """

    connection_lost = Signal(str)
    connection_restored = Signal()

    def __init__(
        self,
        db: Database,
        hub: Hub,
        *,
        interval_ms: int = INTERVAL_MS,
        status_bar: QStatusBar | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.hub = hub
        self.status_bar = status_bar
        self.marker: Marker | None = None
        self.lost = False
        self._busy = False
        self._stopped = False
        self._own_change = False
        self._announcing = False
        hub.changed.connect(self._on_hub)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._stopped = False
        self.timer.start()
        self.check_now()  # the baseline: one cheap statement on the database just opened

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()

    def _on_hub(self, _what: str) -> None:
        # This window changed something and said so: its views are refreshing already, so
        # the next marker is taken as the new baseline instead of being announced again.
        if not self._announcing:
            self._own_change = True

    def poll(self) -> None:
        """Read the marker on a pool thread (skipped while the previous read is running)."""
        if self._busy or self._stopped:
            return
        self._busy = True
        own = self._own_change
        self._own_change = False
        db = self.db
        run_in_background(
            lambda: read_marker(db),
            on_result=lambda marker: self._done(marker, own),
            on_error=self._failed,
        )

    def check_now(self) -> list[str]:
        """Poll synchronously (on the calling thread); returns the kinds announced."""
        own = self._own_change
        self._own_change = False
        try:
            marker = read_marker(self.db)
        except Exception as exc:
            self._busy = True
            self._failed(exc)
            return []
        self._busy = True
        return self._done(marker, own)

    def _done(self, marker: Marker, own: bool) -> list[str]:
        self._busy = False
        if self._stopped or not isValid(self):  # the window closed during the read
            return []
        before, self.marker = self.marker, marker
        if self.lost:
            self.lost = False
            self._show(self.tr("已重新连接数据库，数据已刷新。"), 8000)
            self.connection_restored.emit()
            return self._announce([Hub.ALL])
        if before is None or own or self._own_change:
            return []
        kinds = changed_kinds(before, marker)
        if len(kinds) > 3:
            kinds = [Hub.ALL]
        return self._announce(kinds)

    def _announce(self, kinds: list[str]) -> list[str]:
        self._announcing = True
        try:
            for kind in kinds:
                self.hub.announce(kind)
        finally:
            self._announcing = False
        return kinds

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if self._stopped or not isValid(self):
            return
        if isinstance(exc, StoreError) or is_connection_lost(exc):
            message = self.tr(
                "与数据库 {0} 的连接已断开，正在等待恢复（每 {1} 秒重试）。"
                "窗口中的内容不会丢失；恢复后自动刷新。"
            ).format(self.db.display_name, self.timer.interval() // 1000)
            if not self.lost:
                self.lost = True
                self.connection_lost.emit(message)
            self._show(message, 0)
            return
        from jianan_desk.logs import log_exception

        log_exception(exc, "change watcher poll")  # a bug: logged, the window carries on

    def _show(self, message: str, timeout_ms: int) -> None:
        if self.status_bar is not None:
            self.status_bar.showMessage(message, timeout_ms)
