"""Quick entry of visits: search-as-you-type (pinyin), contacts, Ctrl+Enter saves and
starts the next entry."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from jianan_desk.services.companies import CompanyInput, ContactInput, add_contact, create_company
from jianan_desk.services.trips import MemberInput, TripInput, create_trip, get_trip
from jianan_desk.services.visits import follow_ups
from jianan_desk.ui.dialogs.trip_quick_visit import QuickVisitDialog
from jianan_desk.ui.hub import Hub

ACTOR = "测试员"
DAY = dt.date(2022, 3, 2)
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@pytest.fixture
def trip(db):
    with db.session() as s:
        sanjia = create_company(
            s, CompanyInput(name="南京三佳精密传动科技有限公司", city="南京"), ACTOR
        )
        create_company(s, CompanyInput(name="比亚迪股份有限公司", city="深圳"), ACTOR)
        add_contact(s, sanjia.id, ContactInput(name="张三", title="总经理"), ACTOR)
        t = create_trip(
            s,
            TripInput(title="南京招商", start_on="2022-03-01", end_on="2022-03-03",
                      members=[MemberInput("刘区长", "leader")]),
            ACTOR,
        )  # fmt: skip
    return t.id


def test_quick_entry_flow(qtbot, db, trip):
    hub = Hub()
    dialog = QuickVisitDialog(db, hub, ACTOR, trip_id=trip, on=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()

    qtbot.keyClicks(dialog.company, "sj")
    labels = dialog._suggestions.stringList()
    assert labels == ["南京三佳精密传动科技有限公司（南京）"]
    dialog.choose_company(labels[0])
    assert dialog.company.text() == "南京三佳精密传动科技有限公司"
    assert dialog.contacts.count() == 1
    dialog.contacts.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.summary.setPlainText("拟投资5亿元")  # keyClicks types ASCII only
    dialog.interest.setCurrentIndex(1)
    dialog.follow_days.setValue(7)

    with qtbot.waitSignal(dialog.saved), qtbot.waitSignal(hub.changed):
        qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # the next entry starts empty, date and trip kept
    assert dialog.company.text() == "" and dialog.summary.toPlainText() == ""
    assert dialog.date.date().toPython() == DAY
    assert "1" in dialog.status.text()

    qtbot.keyClicks(dialog.company, "byd")
    dialog.choose_company(dialog._suggestions.stringList()[0])
    assert dialog.save_and_next()

    with db.session(readonly=True) as s:
        page = get_trip(s, trip, today=DAY)
        assert [v.company_name for v in page.visits] == [
            "南京三佳精密传动科技有限公司",
            "比亚迪股份有限公司",
        ]
        first = page.visits[0]
        assert first.contact_names == ("张三",) and first.interest_level == "high"
        assert first.follow_up_on == DAY + dt.timedelta(days=7)
        assert [f.visit_id for f in follow_ups(s, today=DAY, include_later=True).items] == [
            first.id
        ]


def test_unknown_company_is_refused(qtbot, db, trip):
    dialog = QuickVisitDialog(db, Hub(), ACTOR, trip_id=trip, on=DAY)
    qtbot.addWidget(dialog)
    dialog.company.setText("不存在的企业")
    assert not dialog.save_and_next()
    assert "选择企业" in dialog.error.text()
    dialog.company.clear()
    assert not dialog.save_and_next()
    assert "请选择企业" in dialog.error.text()


def test_on_a_big_database_keystrokes_are_answered_from_the_primed_index(
    qtbot, db, trip, monkeypatch
):
    from jianan_desk.services import companies as service
    from jianan_desk.ui.dialogs import trip_quick_visit

    monkeypatch.setattr(trip_quick_visit, "PRIME_ABOVE", 1)  # 2 companies: "big"
    with db.session() as s:
        create_company(s, CompanyInput(name="三佳电子有限公司", city="深圳"), ACTOR)
        expected = {
            text: service.search_companies(s, text, limit=trip_quick_visit.SUGGESTIONS)
            for text in ("sj", "sanjia", "深圳", "byd", "zzqy", "三佳 nanjing")
        }
    dialog = QuickVisitDialog(db, Hub(), ACTOR, trip_id=trip, on=DAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.searcher.primed)
    assert isinstance(dialog.searcher._index, service.SearchIndex)  # joined off the GUI thread
    monkeypatch.setattr(service, "_candidates", lambda *a: pytest.fail("queried"))
    for text, choices in expected.items():
        dialog.searcher._terms = dialog.searcher._rows = None  # no narrowing: the index
        dialog.update_suggestions(text)
        assert dialog._suggestions.stringList() == [dialog._label(c) for c in choices]
    assert dialog._suggestions.stringList() == ["南京三佳精密传动科技有限公司（南京）"]
    # a company added elsewhere: the index is dropped and loaded again, the new one found
    with db.session() as s:
        create_company(s, CompanyInput(name="比克电池有限公司", city="深圳"), ACTOR)
    dialog.hub.announce(Hub.COMPANIES)
    assert not dialog.searcher.primed
    qtbot.waitUntil(lambda: dialog.searcher.primed)
    dialog.update_suggestions("bike")
    assert dialog._suggestions.stringList() == ["比克电池有限公司（深圳）"]
