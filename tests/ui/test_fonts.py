"""The UI font is chosen by family and checked by glyph coverage, never by looking at pixels."""

from __future__ import annotations

from PySide6.QtGui import QAction, QFontDatabase, QFontInfo, QRawFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QWidget,
)

from jianan_desk.ui.fonts import BUNDLED_FAMILY, PREFERRED_SYSTEM_FAMILIES, choose_family

RARE_NAME_CHARACTERS = "堃喆珺昇玥"


def expected_family() -> str:
    installed = set(QFontDatabase.families())
    return next((f for f in PREFERRED_SYSTEM_FAMILIES if f in installed), BUNDLED_FAMILY)


def ui_strings(window) -> list[tuple[QWidget, str]]:
    """Every user-visible string of the window, with the widget whose font draws it."""
    found: list[tuple[QWidget, str]] = []
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        found.append((widget, widget.windowTitle()))
        found.append((widget, widget.toolTip()))
        found.append((widget, widget.accessibleName()))
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((widget, widget.text()))
        if isinstance(widget, QLineEdit):
            found.append((widget, widget.text()))
            found.append((widget, widget.placeholderText()))
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                found.append((widget, item.text()))
                found.append((widget, item.toolTip()))
        if isinstance(widget, QMenu):
            found.append((widget, widget.title()))
    for action in window.findChildren(QAction):
        for text in (action.text(), action.toolTip(), action.statusTip(), action.iconText()):
            found.append((window.menuBar(), text))
    found.append((window.statusBar(), window.statusBar().currentMessage()))
    return [(widget, text) for widget, text in found if text]


def test_application_font_is_a_chinese_ui_font(app_font):
    app_font_now = QApplication.font()
    assert app_font == expected_family()
    assert QFontInfo(app_font_now).family() == expected_family()
    assert QRawFont.fromFont(app_font_now).familyName() == expected_family()
    assert 9 <= app_font_now.pointSize() <= 12


def test_bundled_font_chosen_without_system_chinese_font():
    assert choose_family(["DejaVu Sans", BUNDLED_FAMILY], [BUNDLED_FAMILY]) == BUNDLED_FAMILY
    assert choose_family(["Microsoft YaHei", BUNDLED_FAMILY], [BUNDLED_FAMILY]) == (
        "Microsoft YaHei"
    )
    assert choose_family(["楷体", "Microsoft YaHei"], [BUNDLED_FAMILY], preferred="楷体") == "楷体"
    assert choose_family(["Microsoft YaHei"], [BUNDLED_FAMILY], preferred="缺失") == (
        "Microsoft YaHei"
    )


def test_every_ui_string_has_glyphs_in_the_app_font(window):
    for index in range(len(window.pages)):
        window.show_page(index)
    strings = ui_strings(window)
    texts = {text for _, text in strings}
    assert "项目库" in texts and "专班与问题" in texts and "退出(&X)" in texts
    assert any("数据库：" in text for text in texts)
    assert len(strings) > 40

    family = expected_family()
    app_raw = QRawFont.fromFont(QApplication.font())
    missing = []
    for widget, text in [*strings, (window, RARE_NAME_CHARACTERS)]:
        assert QFontInfo(widget.font()).family() == family, widget.objectName()
        raw = QRawFont.fromFont(widget.font())
        for ch in text:
            if ch.isspace():
                continue
            if not (raw.supportsCharacter(ord(ch)) and app_raw.supportsCharacter(ord(ch))):
                missing.append((widget.objectName(), ch, text))
    assert not missing
