"""Other users' changes reach the window's hub; a lost connection is said, then recovered."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStatusBar

from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.engine import Database, make_engine
from jianan_desk.ui.change_watcher import ChangeWatcher, changed_kinds, read_marker
from jianan_desk.ui.hub import Hub


@pytest.fixture
def other(db):
    """Another user's program on the same database: its own engine and connections."""
    database = Database(db.url, make_engine(db.url))
    yield database
    database.dispose()


@pytest.fixture
def watcher(qtbot, db):
    hub = Hub()
    heard: list[str] = []
    hub.changed.connect(heard.append)
    w = ChangeWatcher(db, hub, interval_ms=60_000)
    w.start()
    yield w, hub, heard
    w.stop()


def test_nothing_changed_nothing_announced(watcher):
    w, _hub, heard = watcher
    assert w.check_now() == [] and heard == []


def test_another_connections_project_is_announced_once(watcher, other):
    w, _hub, heard = watcher
    with other.session() as s:
        create_project(s, ProjectInput(name="别人新建的项目"), "李四")
    assert w.check_now() == [Hub.PROJECTS]
    assert heard == [Hub.PROJECTS]
    assert w.check_now() == []  # already told


def test_each_kind_is_announced_for_its_tables(watcher, other):
    w, _hub, heard = watcher
    with other.session() as s:
        create_company(s, CompanyInput(name="许昌某发制品有限公司"), "李四")
    assert w.check_now() == [Hub.COMPANIES]
    assert heard == [Hub.COMPANIES]


def test_this_windows_own_announced_change_is_not_announced_again(watcher, db):
    w, hub, heard = watcher
    with db.session() as s:
        create_project(s, ProjectInput(name="自己新建的项目"), "王")
    hub.announce(Hub.PROJECTS)  # what a dialog does after saving
    assert w.check_now() == []
    assert heard == [Hub.PROJECTS]  # only the dialog's own announcement


def test_changed_kinds_compares_count_and_newest_edit(db):
    before = read_marker(db)
    after = dict(before, visits=(1, None), units=(before["units"][0], "later"))
    assert changed_kinds(before, after) == [Hub.TRIPS, Hub.REFERENCE]


def test_lost_connection_is_shown_then_recovered_with_a_full_refresh(qtbot, db, monkeypatch):
    hub = Hub()
    heard: list[str] = []
    hub.changed.connect(heard.append)
    bar = QStatusBar()
    qtbot.addWidget(bar)
    w = ChangeWatcher(db, hub, interval_ms=60_000, status_bar=bar)
    w.start()
    lost: list[str] = []
    w.connection_lost.connect(lost.append)
    # The server goes away: a database on a port where nothing listens.
    down = Database(
        "postgresql+psycopg://nobody@127.0.0.1:1/none",
        make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none"),
    )
    w.db = down
    assert w.check_now() == []
    assert w.lost and len(lost) == 1
    assert "连接已断开" in bar.currentMessage() and "不会丢失" in bar.currentMessage()
    assert w.check_now() == [] and len(lost) == 1  # said once
    down.dispose()
    w.db = db  # the server is back
    with qtbot.waitSignal(w.connection_restored):
        assert w.check_now() == [Hub.ALL]
    assert not w.lost and heard == [Hub.ALL] and "重新连接" in bar.currentMessage()
    w.stop()


def test_the_timer_polls_off_the_gui_thread(qtbot, db, other):
    hub = Hub()
    w = ChangeWatcher(db, hub, interval_ms=50)
    w.start()
    with other.session() as s:
        create_project(s, ProjectInput(name="定时发现的项目"), "李四")
    with qtbot.waitSignal(hub.changed, timeout=5000) as blocker:
        pass
    assert blocker.args == [Hub.PROJECTS]
    w.stop()
