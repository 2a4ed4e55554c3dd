"""The About dialog (帮助 → 关于): version, paths and licences, read from the resources."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from jianan_desk import __version__
from jianan_desk.logs import log_path
from jianan_desk.paths import data_dir
from jianan_desk.ui.dialogs.about import AboutDialog, markdown_table


def make_dialog(qtbot, db) -> AboutDialog:
    dialog = AboutDialog(db)
    qtbot.addWidget(dialog)
    return dialog


def test_shows_version_and_paths(qtbot, db, db_path, _isolated_home):
    dialog = make_dialog(qtbot, db)
    assert "建安招商台" in dialog.windowTitle()
    assert __version__ in dialog.title_label.text()
    fields = {key: label.text() for key, label in dialog.fields.items()}
    assert fields["version"] == __version__
    assert fields["database"] == str(db_path.resolve())
    assert fields["data_dir"] == str(data_dir())
    assert str(data_dir()).startswith(str(_isolated_home))
    # Pre-migration backups go next to the database.
    assert fields["backup_dir"].startswith(str(db_path.resolve().parent))
    assert fields["log_file"] == str(log_path())
    assert fields["program_dir"]


def test_lists_font_and_library_licences(qtbot, db):
    dialog = make_dialog(qtbot, db)
    text = dialog.licences.toPlainText()
    for expected in (
        "字体",
        "NotoSansSC-Regular.ttf",
        "Noto Sans SC",
        "OFL",
        "OFL-NotoSansSC.txt",
        "软件库",
        "PySide6",
        "LGPL-3.0",
        "SQLAlchemy",
        "Alembic",
        "reportlab",
        "BSD",
        "openpyxl",
        "platformdirs",
        "pypinyin",
        "MIT",
    ):
        assert expected in text, expected


def test_copy_info_puts_version_and_paths_on_clipboard(qtbot, db, db_path):
    dialog = make_dialog(qtbot, db)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert __version__ in copied
    assert str(db_path.resolve()) in copied
    assert str(log_path()) in copied


# Showing a dialog with a layout on the offscreen platform warns about size hints.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_about_action_opens_the_dialog(window, qtbot):
    window.ui.actionAbout.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    dialog.close()


def test_markdown_table_reads_the_first_table():
    text = (
        "# t\n\n| file | licence |\n| --- | --- |\n"
        "| `a.ttf` | OFL (`x.txt`) |\n| b.ttf | same |\n\ntext\n"
    )
    assert markdown_table(text) == [
        {"file": "a.ttf", "licence": "OFL (x.txt)"},
        {"file": "b.ttf", "licence": "OFL (x.txt)"},
    ]
    assert markdown_table("no table") == []
