"""The project form with several users: a stale save and a lost server keep what was typed."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from jianan_desk.services.projects import (
    ProjectInput,
    create_project,
    get_project_detail,
    update_project,
)
from jianan_desk.store.engine import Database, make_engine
from jianan_desk.ui.dialogs.project_form import ProjectFormDialog
from jianan_desk.ui.hub import Hub

DOWN = "postgresql+psycopg://nobody@127.0.0.1:1/none"  # nothing listens on port 1


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *a, **k: shown.append((title, text))
    )
    return shown


@pytest.fixture
def project_id(db):
    with db.session() as s:
        return create_project(s, ProjectInput(name="三佳万向节项目", notes="一期"), "王").id


def test_stale_save_names_the_other_user_and_keeps_the_form(qtbot, db, project_id, warnings):
    dialog = ProjectFormDialog(db, Hub(), "王", project_id)
    qtbot.addWidget(dialog)
    other = Database(db.url, make_engine(db.url))
    try:
        with other.session() as s:  # another user saves first
            d = get_project_detail(s, project_id)
            update_project(s, project_id, replace(d.to_input(), notes="李四的备注"), "李四")
    finally:
        other.dispose()
    dialog.ui.notes_edit.setPlainText("我的备注")
    assert dialog.save() is False
    assert len(warnings) == 1 and "李四" in warnings[0][1] and "备注" in warnings[0][1]
    assert dialog.ui.notes_edit.toPlainText() == "我的备注"  # nothing typed is lost
    with db.session(readonly=True) as s:
        assert get_project_detail(s, project_id).notes == "李四的备注"  # nor overwritten


def test_unreachable_server_keeps_the_form_and_saving_again_works(qtbot, db, project_id, warnings):
    dialog = ProjectFormDialog(db, Hub(), "王", project_id)
    qtbot.addWidget(dialog)
    dialog.ui.notes_edit.setPlainText("断网时填写的备注")
    down = Database(DOWN, make_engine(DOWN))
    dialog.db = down  # the network drops
    try:
        assert dialog.save() is False
    finally:
        down.dispose()
    assert len(warnings) == 1 and "连接" in warnings[0][1] and "保留" in warnings[0][1]
    assert dialog.ui.notes_edit.toPlainText() == "断网时填写的备注"
    dialog.db = db  # the server is back: the same button saves
    assert dialog.save() is True
    with db.session(readonly=True) as s:
        assert get_project_detail(s, project_id).notes == "断网时填写的备注"
