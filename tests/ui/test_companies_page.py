"""The 客商 page: lazy model, search (pinyin), filters, new company with duplicate warning."""

from __future__ import annotations

import datetime as dt

import pytest

from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.visits import VisitInput, create_visit
from jianan_desk.ui.dialogs import company_form
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.company_table import ENTITY_ROLE, CompaniesTableModel
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.companies import KIND_LOCAL, CompaniesPage

ACTOR = "测试员"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def companies(db):
    with db.session() as s:
        ids = {}
        for key, name, city, local in (
            ("sanjia", "南京三佳精密传动科技有限公司", "南京", False),
            ("rbk", "许昌瑞贝卡发制品股份有限公司", "许昌", True),
            ("hw", "华为技术有限公司", "深圳", False),
        ):
            ids[key] = create_company(
                s, CompanyInput(name=name, city=city, is_local=local), ACTOR
            ).id
        create_visit(s, VisitInput(company_id=ids["sanjia"], visited_on=dt.date.today()), ACTOR)
    return ids


@pytest.fixture
def page(qtbot, db, companies):
    page = CompaniesPage(PageContext(db, Hub()))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.model.busy and page.model.rowCount() == 3)
    return page


def ids_shown(model: CompaniesTableModel) -> set[str]:
    return {model.index(r, 0).data(ENTITY_ROLE) for r in range(model.rowCount())}


def test_model_passes_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model)


def test_search_with_pinyin_initials_and_filters(qtbot, page, companies):
    with qtbot.waitSignal(page.model.loaded):
        page.search.setText("rbk")
    assert ids_shown(page.model) == {companies["rbk"]}
    with qtbot.waitSignal(page.model.loaded):
        page.search.setText("")
    with qtbot.waitSignal(page.model.loaded):
        page.kind.setCurrentIndex(KIND_LOCAL)
    assert ids_shown(page.model) == {companies["rbk"]}
    with qtbot.waitSignal(page.model.loaded):
        page.kind.setCurrentIndex(0)
    with qtbot.waitSignal(page.model.loaded):
        page.stale_days.setValue(30)
    assert ids_shown(page.model) == {companies["rbk"], companies["hw"]}
    assert "2" in page.count_label.text()


def test_new_company_likely_duplicate_offers_the_existing_record(
    qtbot, page, companies, db, monkeypatch
):
    dialog = page.new_company()
    qtbot.addWidget(dialog)
    dialog.name.setText("华为技术（深圳）有限公司")
    asked = []

    def ask(self, candidates, certain):
        asked.append(([c.id for c in candidates], certain))
        return company_form.OPEN_EXISTING

    monkeypatch.setattr(company_form.CompanyDialog, "ask_duplicate", ask)
    opened = []
    dialog.open_existing.connect(opened.append)
    assert not dialog.save()
    assert asked == [([companies["hw"]], False)]
    assert opened == [companies["hw"]]


def test_new_company_created_anyway_and_list_refreshes(qtbot, page, monkeypatch):
    monkeypatch.setattr(
        company_form.CompanyDialog, "ask_duplicate", lambda *a: company_form.CREATE_ANYWAY
    )
    dialog = page.new_company()
    qtbot.addWidget(dialog)
    dialog.name.setText("华为技术（深圳）有限公司")
    with qtbot.waitSignal(page.model.loaded):
        assert dialog.save()
    assert page.model.rowCount() == 4


def test_wrong_uscc_shows_the_message(qtbot, page):
    dialog = page.new_company()
    qtbot.addWidget(dialog)
    dialog.name.setText("新企业有限公司")
    dialog.uscc.setText("91350100M000100Y44")
    assert not dialog.save()
    assert "校验位错误" in dialog.error.text()
