"""The 招商图谱 page: the chain diagram (one item per link, right counts, PNG export),
overview, target lists (stale highlighting, edit, import/export), coverage, tree editor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from sqlalchemy import select

from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.industry_map import industry_map, overview
from jianan_desk.services.projects import ProjectInput, advance_stage, create_project
from jianan_desk.services.target_companies import TargetEntryInput, create_target_entry
from jianan_desk.services.visits import VisitInput, create_visit
from jianan_desk.store.models import IndustryNode, IndustryNodeName, TargetCompany
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.industry_map import STALE_BACKGROUND, TargetEntriesModel
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.industry_map import IndustryMapPage
from jianan_desk.ui.widgets.chain_diagram import ChainDiagram

ACTOR = "测试员"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def code_id(s, code):
    return s.scalar(select(IndustryNode.id).where(IndustryNode.code == code))


@pytest.fixture
def filled(db):
    """发制品 with a local enterprise, leads, a signed project, targets (one stale)."""
    with db.session() as s:
        strand, wig, ecom = (code_id(s, c) for c in ("hair.strand", "hair.wig", "hair.ecommerce"))
        create_company(
            s, CompanyInput(name="许昌发条有限公司", is_local=True, industry_node_id=strand), ACTOR
        )
        create_project(s, ProjectInput(name="假发线索", chain_link_id=wig), ACTOR)
        p = create_project(
            s, ProjectInput(name="发条项目", chain_link_id=strand, total_investment_wan="12000"),
            ACTOR,
        )  # fmt: skip
        advance_stage(s, p.id, "signed", dt.date.today(), "", ACTOR)
        fresh = create_company(s, CompanyInput(name="深圳新电商有限公司", city="深圳"), ACTOR)
        old = create_company(s, CompanyInput(name="广州旧电商有限公司", city="广州"), ACTOR)
        create_visit(s, VisitInput(company_id=fresh.id, visited_on=dt.date.today()), ACTOR)
        create_visit(s, VisitInput(company_id=old.id, visited_on=dt.date(2020, 1, 1)), ACTOR)
        for c in (fresh, old):
            create_target_entry(
                s, TargetEntryInput(company_id=c.id, chain_link_id=ecom, priority=1), ACTOR
            )
    return db


@pytest.fixture
def page(qtbot, filled, app_font):
    page = IndustryMapPage(PageContext(filled, Hub()))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        pass
    return page


def reloaded(qtbot, page, action):
    with qtbot.waitSignal(page.loaded, timeout=10000):
        action()


def test_diagram_has_one_item_per_link_with_the_right_counts(qtbot, filled, app_font):
    with filled.session(readonly=True) as s:
        hair = overview(s)[0]
        assert hair.name == "发制品"
        m = industry_map(s, hair.id)
    diagram = ChainDiagram()
    qtbot.addWidget(diagram)
    diagram.set_map(m)
    assert set(diagram.link_items) == {x.id for x in m.links}
    assert len(diagram.link_items) == 4
    by_name = {b.link.name: b for b in diagram.link_items.values()}
    strand = by_name["发条加工"]
    assert (strand.count("local"), strand.count("leads"), strand.count("signed")) == (1, 0, 1)
    assert "签约项目 1（1.20亿）" in strand.count_items["signed"].text()
    assert by_name["假发成品"].count("leads") == 1
    ecom = by_name["跨境电商·品牌"]
    assert ecom.count("targets") == 2 and ecom.link.gap
    assert ecom.pen().style() == Qt.PenStyle.DashLine  # gaps are drawn dashed
    assert not strand.link.gap and strand.pen().style() == Qt.PenStyle.SolidLine
    assert "重点产品" in ecom.toolTip()

    # a click on a count names the link and the count
    diagram.resize(1000, 500)
    diagram.show()
    diagram.set_zoom(1.0)
    diagram.centerOn(ecom)
    at = diagram.mapFromScene(ecom.count_items["targets"].sceneBoundingRect().center())
    with qtbot.waitSignal(diagram.linkClicked) as blocker:
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert blocker.args == [ecom.link.id, "targets"]


def test_png_export_is_a_non_empty_image(qtbot, page, tmp_path: Path):
    target = tmp_path / "图谱.png"
    assert page.ui.mapDiagram.export_png(target)
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 500 and image.height() > 200
    # not blank: some pixels are not white
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 3
    assert page.ui.overviewDiagram.export_png(tmp_path / "全景.png")


def test_zoom_and_fit(page):
    d = page.ui.mapDiagram
    d.set_zoom(1.0)
    d.zoom_in()
    assert d.zoom == pytest.approx(1.2)
    d.zoom_out()
    d.zoom_out()
    assert d.zoom < 1.0
    d.resize(400, 300)
    d.fit()
    assert d.transform().m11() == pytest.approx(d.zoom) and d.zoom < 1.0


def test_overview_shows_every_industry_and_the_gaps(page):
    assert len(page.ui.overviewDiagram.link_items) == 21
    text = page.ui.overviewSummary.text()
    assert "6 个产业，21 个环节" in text and "发制品·跨境电商·品牌" in text


def test_clicking_a_box_opens_the_lists_behind_the_count(qtbot, page):
    box = next(b for b in page.ui.mapDiagram.link_items.values() if b.link.name == "跨境电商·品牌")
    page.ui.mapDiagram.linkClicked.emit(box.link.id, "targets")
    dialog = page.details_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.tabs.currentIndex() == 1
    assert dialog.targets_model.rowCount() == 2
    assert dialog.local_model.rowCount() == 0
    qtbot.addWidget(dialog)


def test_targets_tab_highlights_stale_entries(page):
    model = page.targets_model
    assert model.rowCount() == 2
    rows = {model.row(i).company_name: i for i in range(2)}
    stale = model.index(rows["广州旧电商有限公司"], 0)
    fresh = model.index(rows["深圳新电商有限公司"], 0)
    assert model.data(stale, Qt.ItemDataRole.BackgroundRole) == STALE_BACKGROUND
    assert model.data(fresh, Qt.ItemDataRole.BackgroundRole) is None
    assert "1 家" in page.ui.staleLabel.text()
    page.ui.staleOnlyCheck.setChecked(True)
    assert model.rowCount() == 1 and model.row(0).company_name == "广州旧电商有限公司"


def test_models_pass_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.targets_model)
    qtmodeltester.check(page.coverage_model)
    qtmodeltester.check(page.tree_model)


def test_edit_a_target_saves_and_announces(qtbot, page, filled):
    page.ui.tabs.setCurrentIndex(page.TARGETS)
    page.ui.targetsView.selectRow(0)
    dialog = page.edit_target()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData("negotiating"))
    dialog.ui.reasonEdit.setPlainText("头部电商")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        dialog.save()
    with filled.session(readonly=True) as s:
        statuses = sorted(s.scalars(select(TargetCompany.status)).all())
    assert "negotiating" in statuses


def test_new_target_creates_the_company(qtbot, page, filled):
    dialog = page.new_target()
    qtbot.addWidget(dialog)
    dialog.ui.companyCombo.setEditText("杭州全新纤维有限公司")
    dialog.ui.linkCombo.setCurrentIndex(0)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        dialog.save()
    assert any(e.company_name == "杭州全新纤维有限公司" for e in page.data.targets)


def test_target_errors_are_shown_not_lost(qtbot, page):
    dialog = page.new_target()
    qtbot.addWidget(dialog)
    dialog.ui.companyCombo.setEditText("")
    dialog.save()
    assert dialog.isVisible() or dialog.result() == 0
    assert "企业" in dialog.ui.errorLabel.text()


def test_export_and_import_targets_round_trip(qtbot, page, tmp_path: Path):
    path = tmp_path / "目标企业.xlsx"
    assert page.export_targets_to(path) == 2
    assert page.export_coverage_to(tmp_path / "覆盖表.xlsx") == 21
    with qtbot.waitSignal(page.loaded, timeout=10000):
        result = page.import_file(path)
    assert (result.created, result.updated) == (0, 2) and not result.errors


def test_tree_editor_rename_add_move_retire(qtbot, page, filled):
    page.ui.tabs.setCurrentIndex(page.TREE)
    with filled.session(readonly=True) as s:
        ecom = code_id(s, "hair.ecommerce")
        hair = code_id(s, "hair")
    page.select_node(ecom)
    assert page.ui.nameEdit.text() == "跨境电商·品牌"
    page.ui.nameEdit.setText("跨境电商·自主品牌")
    page.ui.effectiveDateEdit.setDate(dt.date(2024, 1, 1))
    reloaded(qtbot, page, page.save_node)
    assert "跨境电商·品牌（2022-01-01起，至2023-12-31）" in page.ui.historyValue.text()
    with filled.session(readonly=True) as s:
        assert (
            len(s.scalars(select(IndustryNodeName).where(IndustryNodeName.node_id == ecom)).all())
            == 2
        )

    page.select_node(hair)
    new_id = None

    def add() -> None:
        nonlocal new_id
        new_id = page.add_child(page.current_node(), "发制品设备")

    reloaded(qtbot, page, add)
    assert page.current_node().id == new_id
    reloaded(qtbot, page, lambda: page.move_current(-1))
    hair_node = page.data.tree[0].children[0]
    assert [c.name for c in hair_node.children][3:] == ["发制品设备", "跨境电商·自主品牌"]

    page.select_node(ecom)
    reloaded(qtbot, page, page.retire_current)
    assert page.current_node().retired
    assert ecom not in page.ui.mapDiagram.link_items  # hidden from the map…
    page.ui.includeRetiredCheck.setChecked(True)
    assert ecom in page.ui.mapDiagram.link_items  # …unless asked for
    reloaded(qtbot, page, page.restore_current)
    assert not page.current_node().retired


def test_tree_editor_shows_validation_errors(page):
    page.ui.tabs.setCurrentIndex(page.TREE)
    page.select_node(page.data.tree[0].children[0].children[0].id)
    page.ui.nameEdit.setText("")
    assert not page.save_node()
    assert "名称" in page.ui.nodeErrorLabel.text()


def test_reloads_on_hub_changes(qtbot, page, filled):
    with filled.session() as s:
        create_project(
            s, ProjectInput(name="新线索", chain_link_id=code_id(s, "hair.ecommerce")), ACTOR
        )
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.context.hub.announce(Hub.PROJECTS)
    box = next(b for b in page.ui.mapDiagram.link_items.values() if b.link.name == "跨境电商·品牌")
    assert box.count("leads") == 1 and not box.link.gap


def test_empty_targets_state(qtbot, db, app_font):
    page = IndustryMapPage(PageContext(db, Hub()))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        pass
    assert page.targets_model.rowCount() == 0
    assert not page.ui.targetsEmptyLabel.isHidden()
    assert "还没有目标企业" in page.ui.targetsEmptyLabel.text()
    assert TargetEntriesModel.COMPANY == 0


def test_stale_days_setting_from_the_targets_tab(qtbot, page):
    from jianan_desk.settings import TARGET_STALE_DAYS, Preferences

    assert page.ui.staleDaysSpin.value() == 90
    page.ui.staleDaysSpin.setValue(30)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.ui.staleDaysSpin.editingFinished.emit()
    assert Preferences().get(TARGET_STALE_DAYS) == 30
    assert page.data.stale_days == 30 and "超过 30 天" in page.ui.staleLabel.text()


def test_reports_page_offers_the_coverage_report(qtbot, filled, app_font):
    from jianan_desk.ui.pages.reports import ReportsPage

    reports = ReportsPage(PageContext(filled, Hub()))
    qtbot.addWidget(reports)
    reports.resize(1200, 800)
    reports.show()
    qtbot.waitExposed(reports)
    index = reports.kind.findData("coverage")
    assert index >= 0 and reports.kind.itemText(index) == "招商图谱覆盖"
    reports.kind.setCurrentIndex(index)
    reports.coverage_stale_days.setValue(45)
    with qtbot.waitSignal(reports.generated, timeout=30_000):
        assert reports.generate() is not None
    assert reports.report is not None and reports.report.pdf.startswith(b"%PDF")
    # of the 21 links only 发条加工 (a local enterprise) and 假发成品 (a lead) are covered
    assert "缺口 19 个" in reports.status.text()
    reports.document.close()
