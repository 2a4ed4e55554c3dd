"""The Excel import wizard: file → mapping → preview → import, cancel, errors."""

from __future__ import annotations

import threading

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from jianan_desk.excel import projects_import
from jianan_desk.excel.columns import load_industry_answers, load_mappings
from jianan_desk.store.models import ChangeLog, Company, IndustryNode, Project
from jianan_desk.ui.dialogs.import_wizard import (
    FILE,
    INDUSTRY,
    MAPPING,
    PREVIEW,
    RUN,
    ImportWizard,
)
from jianan_desk.ui.hub import Hub
from tests.excel.test_import_projects import messy_rows, write_messy_xlsx

WAIT = 20_000


def count(db, model) -> int:
    with db.session(readonly=True) as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def wizard(qtbot, db):
    hub = Hub()
    w = ImportWizard(db, hub, "测试员")
    qtbot.addWidget(w)
    w.hub_seen = []
    hub.changed.connect(w.hub_seen.append)
    return w


def wait(qtbot, op):
    qtbot.waitUntil(lambda: op.done, timeout=WAIT)


def to_preview(qtbot, wizard, path, mapping=None):
    wait(qtbot, wizard.load_file(path))
    assert wizard.step() == FILE and wizard.ui.nextButton.isEnabled()
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    assert wizard.step() == MAPPING
    for header, field in (mapping or {}).items():
        wizard.set_mapping(header, field)
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    wait(qtbot, wizard.operation)
    assert wizard.step() == PREVIEW


def test_full_flow_with_manual_mapping(qtbot, wizard, db, tmp_path):
    path = write_messy_xlsx(tmp_path / "ledger.xlsx")
    to_preview(qtbot, wizard, path, {"备注": "construction_content"})
    model = wizard.model
    assert model.rowCount() == 7 and model.columnCount() == 5
    assert [model.index(r, 1).data() for r in range(7)] == ["新建"] * 7
    assert "新建 7" in wizard.ui.summaryLabel.text()
    # the unknown 联系电话 column is listed as 未识别 and left out
    labels = [wizard.ui.mappingForm.itemAt(i, wizard.ui.mappingForm.ItemRole.LabelRole)
              for i in range(wizard.ui.mappingForm.rowCount())]  # fmt: skip
    assert any(w.widget().text() == "联系电话（未识别）" for w in labels)
    wizard.grab().save(str(tmp_path / "preview.png"))
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)  # 导入
    assert wizard.step() == RUN
    wait(qtbot, wizard.operation)
    assert wizard.result is not None and wizard.result.created == 7
    assert "导入完成：新建 7" in wizard.ui.runLabel.text()
    assert wizard.hub_seen == [Hub.ALL]
    assert count(db, Project) == 7
    with db.session(readonly=True) as s:
        notes = {p.name: p.construction_content for p in s.scalars(select(Project))}
    assert notes["智能装备 产业园"] == "重点"  # the column mapped by hand
    assert wizard.ui.cancelButton.text() == "关闭"
    # the mapping is remembered for files with the same headers
    assert any(m["fields"].get("construction_content") == 11 for m in load_mappings().values())


def test_unmatched_industries_are_asked_and_remembered(qtbot, wizard, db, tmp_path):
    rows = messy_rows()
    rows[0][6], rows[1][6], rows[2][6] = "汽车零部件", "火星产业", "汽车零部件"
    path = write_messy_xlsx(tmp_path / "industries.xlsx", rows)
    wait(qtbot, wizard.load_file(path))
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    assert wizard.step() == MAPPING
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    wait(qtbot, wizard.operation)
    # the asking page: one line per distinct name, with its row count and a guess
    assert wizard.step() == INDUSTRY
    form = wizard.ui.industryForm
    labels = [form.itemAt(i, form.ItemRole.LabelRole).widget().text()
              for i in range(form.rowCount())]  # fmt: skip
    assert labels == ["汽车零部件（2 行）", "火星产业（1 行）"]
    with db.session(readonly=True) as s:
        ids = dict(s.execute(select(IndustryNode.code, IndustryNode.id)).all())
    combos = wizard._industry_combos
    assert combos["汽车零部件"].currentData() == ids["auto"]  # best guess preselected
    assert (
        combos["火星产业"].currentData() == "" and combos["火星产业"].currentText() == "（不指定）"
    )
    assert combos["汽车零部件"].count() == 1 + 6 + 21  # 不指定 + industries + chain links
    wizard.grab().save(str(tmp_path / "industries.png"))
    wizard.set_industry("火星产业", ids["hair.wig"])
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    wait(qtbot, wizard.operation)
    assert wizard.step() == PREVIEW and wizard.plan is not None and not wizard.plan.errors
    # back goes to the asking page, then to the mapping
    qtbot.mouseClick(wizard.ui.backButton, Qt.MouseButton.LeftButton)
    assert wizard.step() == INDUSTRY
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    wait(qtbot, wizard.operation)
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)  # 导入
    wait(qtbot, wizard.operation)
    assert wizard.result is not None and wizard.result.created == 7
    with db.session(readonly=True) as s:
        got = dict(s.execute(select(Project.name, Project.chain_link_id)).all())
    assert got["智能装备 产业园"] == ids["hair.wig"]
    assert load_industry_answers() == {"汽车零部件": "auto", "火星": "hair.wig"}
    # the next file: the remembered answers are preselected
    wizard2 = ImportWizard(db, Hub(), "测试员")
    qtbot.addWidget(wizard2)
    wait(qtbot, wizard2.load_file(path))
    qtbot.mouseClick(wizard2.ui.nextButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard2.ui.nextButton, Qt.MouseButton.LeftButton)
    wait(qtbot, wizard2.operation)
    assert wizard2.step() == INDUSTRY
    assert wizard2._industry_combos["火星产业"].currentData() == ids["hair.wig"]


def test_cancel_leaves_the_database_unchanged(qtbot, wizard, db, tmp_path, monkeypatch):
    gate = threading.Event()
    real = projects_import.insert_new_projects

    def held(*args, **kwargs):
        assert gate.wait(WAIT / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(projects_import, "insert_new_projects", held)
    to_preview(qtbot, wizard, write_messy_xlsx(tmp_path / "ledger.xlsx"))
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    assert wizard.step() == RUN and not wizard.ui.backButton.isEnabled()
    qtbot.mouseClick(wizard.ui.cancelButton, Qt.MouseButton.LeftButton)  # 取消
    assert wizard.ui.runLabel.text() == "正在取消…"
    gate.set()
    wait(qtbot, wizard.operation)
    assert wizard.ui.runLabel.text() == "导入已取消，数据库未作任何修改。"
    assert wizard.result is None and wizard.hub_seen == []
    for model in (Project, Company, ChangeLog):
        assert count(db, model) == 0
    assert wizard.isVisible() or True  # still open: the user reads the message, then closes


def test_errors_block_import_until_skip_invalid(qtbot, wizard, db, tmp_path):
    rows = messy_rows()
    rows[0][4] = "某天"  # a bad date
    path = write_messy_xlsx(tmp_path / "ledger.xlsx", rows)
    to_preview(qtbot, wizard, path)
    model = wizard.model
    assert model.index(0, 1).data() == "错误"
    assert "无法识别" in model.index(0, 4).data() or "日期" in model.index(0, 4).data()
    assert not wizard.ui.nextButton.isEnabled()  # all or nothing by default
    wizard.ui.skipInvalidCheck.setChecked(True)
    assert wizard.ui.nextButton.isEnabled()
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    wait(qtbot, wizard.operation)
    assert wizard.result.created == 6 and wizard.result.rejected == 1
    assert (tmp_path / "ledger-错误行.xlsx").exists()
    assert count(db, Project) == 6


def test_bad_file_and_wrong_kind(qtbot, wizard, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    wait(qtbot, wizard.load_file(bad))
    assert "无法读取" in wizard.ui.errorLabel.text()
    assert not wizard.ui.nextButton.isEnabled()
    wait(qtbot, wizard.load_file(write_messy_xlsx(tmp_path / "ledger.xlsx")))
    wizard.ui.kindCombo.setCurrentIndex(wizard.ui.kindCombo.findData("targets"))
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    assert wizard.step() == FILE
    assert "找不到表头" in wizard.ui.errorLabel.text()


def test_sheet_choice(qtbot, wizard, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本文件说明"])
    sheet = book.create_sheet("客商")
    sheet.append(["企业名称", "城市"])
    sheet.append(["某某科技有限公司", "深圳"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    wait(qtbot, wizard.load_file(path))
    assert wizard.ui.sheetCombo.count() == 2 and not wizard.ui.sheetCombo.isHidden()
    assert "2 个工作表" in wizard.ui.fileInfoLabel.text()
    wizard.ui.sheetCombo.setCurrentText("客商")
    wizard.ui.sheetCombo.activated.emit(1)
    wait(qtbot, wizard.operation)
    assert wizard.table.sheet == "客商"
    wizard.ui.kindCombo.setCurrentIndex(wizard.ui.kindCombo.findData("companies"))
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.ui.nextButton, Qt.MouseButton.LeftButton)
    wait(qtbot, wizard.operation)
    assert wizard.step() == PREVIEW and wizard.model.index(0, 2).data() == "某某科技有限公司"


def test_main_window_menu_opens_the_wizard(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(ImportWizard, "open", lambda self: opened.append(self))
    action = window.findChild(type(window.page_actions[0]), "actionImportExcel")
    assert action is not None and action.shortcut().toString() == "Ctrl+I"
    assert action.text() == "导入 Excel…"
    action.trigger()
    assert len(opened) == 1 and isinstance(opened[0], ImportWizard)
