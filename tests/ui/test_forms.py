from __future__ import annotations

from jianan_desk.ui import compile_forms


def test_generated_forms_are_up_to_date():
    assert compile_forms.all_forms(), "no forms/*.ui found"
    assert compile_forms.stale_forms() == [], "run `make forms` and commit the result"


def test_generated_forms_are_marked_and_deterministic():
    for form in compile_forms.all_forms():
        first = compile_forms.compile_form(form)
        assert first.startswith("# GENERATED from forms/")
        assert "Created by" not in first and str(compile_forms.CHECKOUT) not in first
        assert compile_forms.compile_form(form) == first


def test_main_window_form_has_the_named_widgets(qtbot):
    from PySide6.QtWidgets import QListWidget, QMainWindow, QStackedWidget

    from jianan_desk.ui.forms.ui_main_window import Ui_MainWindow

    host = QMainWindow()
    qtbot.addWidget(host)
    ui = Ui_MainWindow()
    ui.setupUi(host)
    assert isinstance(ui.navigation, QListWidget)
    assert ui.navigation.objectName() == "navigation"
    assert isinstance(ui.pages, QStackedWidget)
    assert ui.pages.objectName() == "pages"
