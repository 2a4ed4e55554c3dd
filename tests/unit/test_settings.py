"""The preference registry (plain Python, no Qt)."""

from __future__ import annotations

import pytest

from jianan_desk.settings import (
    FONT_FAMILY,
    FONT_SIZE,
    REGISTRY,
    RESTORE_LAST_PAGE,
    Preferences,
    option,
)


def test_defaults_when_nothing_stored(tmp_path):
    prefs = Preferences(tmp_path / "settings.ini")
    assert prefs.get(FONT_FAMILY) == ""
    assert prefs.get(FONT_SIZE) == 10
    assert prefs.get(RESTORE_LAST_PAGE) is True


def test_values_round_trip_and_keep_other_sections(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[window]\ngeometry=@ByteArray(\\x1\\xd9\\0)\npage=trips\n", encoding="utf-8")
    prefs = Preferences(path)
    prefs.set(FONT_FAMILY, "微软雅黑")
    prefs.set(FONT_SIZE, 12)
    prefs.set(RESTORE_LAST_PAGE, False)
    again = Preferences(path)
    assert again.get(FONT_FAMILY) == "微软雅黑"
    assert again.get(FONT_SIZE) == 12
    assert again.get(RESTORE_LAST_PAGE) is False
    text = path.read_text(encoding="utf-8")
    assert "geometry=@ByteArray(\\x1\\xd9\\0)" in text and "page=trips" in text
    again.reset(FONT_SIZE)
    assert Preferences(path).get(FONT_SIZE) == 10


def test_invalid_values_are_refused_or_ignored(tmp_path):
    path = tmp_path / "settings.ini"
    prefs = Preferences(path)
    with pytest.raises(ValueError):
        prefs.set(FONT_SIZE, 99)
    with pytest.raises(TypeError):
        prefs.set(FONT_SIZE, "12")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        prefs.set(RESTORE_LAST_PAGE, 1)  # type: ignore[arg-type]
    path.write_text("[preferences]\nfont_size=huge\nrestore_last_page=maybe\n", encoding="utf-8")
    assert prefs.get(FONT_SIZE) == 10
    assert prefs.get(RESTORE_LAST_PAGE) is True


def test_registry_lookup():
    assert option("font_size") is FONT_SIZE
    assert len({o.key for o in REGISTRY}) == len(REGISTRY)
    with pytest.raises(KeyError):
        option("nope")


def test_default_path_follows_jianan_home(_isolated_home):
    prefs = Preferences()
    prefs.set(FONT_SIZE, 11)
    assert (_isolated_home / "settings.ini").exists()
