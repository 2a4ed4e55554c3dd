from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt

from jianan_desk.settings import RESTORE_LAST_PAGE, Preferences
from jianan_desk.ui.pages import PAGE_IDS, PAGES, resolve_page

EXPECTED_TITLES = ["首页", "项目库", "客商", "外出招商", "招商图谱", "专班与问题", "报表", "设置"]
EXPECTED_IDS = [
    "home",
    "projects",
    "companies",
    "trips",
    "industry_map",
    "task_forces",
    "reports",
    "settings",
]


def nav_texts(window):
    nav = window.ui.navigation
    return [nav.item(i).text() for i in range(nav.count())]


def test_window_opens_on_home_with_all_pages(window):
    assert nav_texts(window) == EXPECTED_TITLES
    assert list(PAGE_IDS) == EXPECTED_IDS
    assert window.ui.pages.count() == len(PAGES) == 8
    assert window.current_page_id() == "home"
    assert window.windowTitle() == "首页 - 建安招商台"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "同步(&S)", "帮助(&H)"]
    assert window.ui.actionQuit.shortcut().toString() == "Ctrl+Q"
    assert not window.ui.actionOpenDatabase.isEnabled()


def test_every_page_reachable_by_clicking_navigation(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    nav = window.ui.navigation
    for index in reversed(range(nav.count())):
        rect = nav.visualItemRect(nav.item(index))
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.ui.pages.currentIndex() == index
        assert window.current_page_id() == EXPECTED_IDS[index]
        assert window.ui.pages.currentWidget() is window.pages[index]
        assert window.windowTitle().startswith(EXPECTED_TITLES[index])


def test_every_page_reachable_by_ctrl_number(window, qtbot):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for index in [7, 0, 3, 1, 6, 2, 5, 4]:
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_id() == EXPECTED_IDS[index]
        assert window.ui.navigation.currentRow() == index


def test_show_page_accepts_id_title_and_index(window):
    window.show_page("项目库")
    assert window.current_page_id() == "projects"
    window.show_page("industry_map")
    assert window.current_page_id() == "industry_map"
    window.show_page(5)
    assert window.current_page_id() == "task_forces"
    with pytest.raises(ValueError, match="未知页面"):
        window.show_page("nope")
    assert resolve_page("task-forces") == "task_forces"
    assert resolve_page(" 专班与问题 ") == "task_forces"


def test_status_bar_shows_database(window, db, db_path):
    label = window.database_label
    assert str(db_path) in label.text()
    assert db.display_name in label.text()
    assert label.parent() is window.statusBar()
    assert label.isVisibleTo(window)


def test_long_database_path_does_not_widen_window(make_window, qtbot):
    window = make_window()
    window.database_label.setText("数据库：" + "/很长的文件夹" * 200)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == 900


def test_last_page_and_geometry_remembered(make_window, qtbot):
    first = make_window()
    first.resize(777, 555)  # the offscreen screen is 800×600
    first.show()
    qtbot.waitExposed(first)
    first.show_page("trips")
    first.close()

    second = make_window()
    assert second.current_page_id() == "trips"
    assert second.size() == QSize(777, 555)


def test_last_page_not_restored_when_preference_off(make_window, qtbot):
    first = make_window()
    first.show_page("reports")
    first.close()
    Preferences().set(RESTORE_LAST_PAGE, False)
    second = make_window()
    assert second.current_page_id() == "home"


def test_window_state_kept_beside_preferences(make_window):
    from jianan_desk.paths import settings_path
    from jianan_desk.settings import FONT_SIZE

    prefs = Preferences()
    prefs.set(FONT_SIZE, 12)
    first = make_window()
    first.show_page("reports")
    first.close()
    assert prefs.get(FONT_SIZE) == 12
    prefs.set(FONT_SIZE, 11)
    assert make_window().current_page_id() == "reports"
    text = settings_path().read_text(encoding="utf-8")
    assert "[window]" in text and "[preferences]" in text


def test_screenshot_windows_leave_state_alone(make_window):
    first = make_window()
    first.show_page("reports")
    first.close()
    shot = make_window(remember_state=False)
    assert shot.current_page_id() == "home"
    shot.show_page("trips")
    shot.close()
    assert make_window().current_page_id() == "reports"


def test_quit_action_closes_window(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.ui.actionQuit.trigger()
    assert not window.isVisible()


def test_placeholder_pages_have_title_and_sentence(window):
    for spec, page in zip(PAGES[1:], window.pages[1:], strict=True):
        state = getattr(page, "empty_state", None)
        if state is None:  # a page its issue has filled
            continue
        assert state.title.text() == spec.title()
        sentence = state.description.text()
        assert 15 < len(sentence) < 60 and sentence.endswith("。")
        assert state.description.height() >= state.description.heightForWidth(
            state.description.width()
        )
