"""Fixtures for the GUI tests: a main window on the migrated temp database of ``db``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication

from jianan_desk.store.engine import Database
from jianan_desk.ui.fonts import setup_fonts
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.main_window import MainWindow


@pytest.fixture
def app_font(qapp: QApplication) -> str:
    """The application font set up as ``run_gui`` does; returns its family."""
    return setup_fonts(qapp)


@pytest.fixture
def make_window(qtbot, db: Database, app_font: str) -> Callable[..., MainWindow]:
    """A factory: each call creates a new main window (registered with qtbot)."""

    def make(**kwargs: object) -> MainWindow:
        window = MainWindow(db, Hub(), **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()
