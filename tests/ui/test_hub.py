from __future__ import annotations

from jianan_desk.ui.hub import Hub


def test_announce_emits_changed_once(qtbot):
    hub = Hub()
    received: list[str] = []
    hub.changed.connect(received.append)
    with qtbot.waitSignal(hub.changed, timeout=1000) as blocker:
        hub.announce(Hub.PROJECTS)
    assert blocker.args == ["projects"]
    assert received == ["projects"]


def test_concerns():
    assert Hub.concerns("projects", Hub.PROJECTS, Hub.TRIPS)
    assert Hub.concerns("all", Hub.PROJECTS)
    assert not Hub.concerns("companies", Hub.PROJECTS)
