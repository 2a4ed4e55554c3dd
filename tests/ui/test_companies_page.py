"""The 客商 page: lazy model, search (pinyin), filters, new company with duplicate warning."""

from __future__ import annotations

import datetime as dt

import pytest

from jianan_desk.services.companies import (
    CompanyInput,
    ContactInput,
    add_contact,
    create_company,
    get_company,
)
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.services.visits import VisitInput, create_visit
from jianan_desk.ui.dialogs import company_form
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.company_table import ENTITY_ROLE, CompaniesTableModel
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.companies import KIND_LOCAL, CompaniesPage

ACTOR = "测试员"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _no_discard_question(monkeypatch):
    """Closing a form with unsaved edits asks first; at teardown, discard."""
    monkeypatch.setattr(company_form.CompanyDialog, "_confirm_discard", lambda self: True)


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


# ---------------------------------------------------------------- contacts, merge, history


def test_company_form_is_the_designer_form_with_contacts_tab(qtbot, page):
    from jianan_desk.ui.forms.ui_company_form import Ui_CompanyFormDialog

    dialog = page.new_company()
    qtbot.addWidget(dialog)
    assert isinstance(dialog.ui, Ui_CompanyFormDialog)
    assert dialog.name is dialog.ui.name_edit
    assert not dialog.ui.tabs.isTabEnabled(company_form.HISTORY_TAB)
    assert "还没有联系人" in dialog.ui.contactsHint.text()


def test_new_company_with_contacts_saved_together(qtbot, page, db):
    dialog = page.new_company()
    qtbot.addWidget(dialog)
    dialog.name.setText("比亚迪股份有限公司")
    assert dialog.add_contact(
        ContactInput(name="张三", title="总经理", mobile="13812345678", wechat="zhangsan_88")
    )
    assert dialog.add_contact(ContactInput(name="李四", email="lisi@example.com"))
    dialog.ui.contactsView.selectRow(1)
    assert dialog.delete_contact()  # a new one: simply dropped
    model = dialog.contacts_model
    assert model.rowCount() == 1
    assert model.index(0, model.MOBILE).data() == "13812345678"  # on screen: in full
    with qtbot.waitSignal(page.model.loaded):
        assert dialog.save()
    with db.session(readonly=True) as s:
        detail = get_company(s, dialog.saved_id)
        assert [(c.name, c.mobile) for c in detail.contacts] == [("张三", "13812345678")]


def test_edit_and_delete_contacts_of_an_existing_company(qtbot, page, db, companies):
    with db.session() as s:
        add_contact(s, companies["hw"], ContactInput(name="王五", mobile="13900001111"), ACTOR)
        add_contact(s, companies["hw"], ContactInput(name="赵六"), ACTOR)
    dialog = page.open_company(companies["hw"])
    qtbot.addWidget(dialog)
    assert dialog.contacts_model.rowCount() == 2
    assert "联系人（2）" in dialog.ui.tabs.tabText(company_form.CONTACTS_TAB)
    dialog.ui.contactsView.selectRow(0)
    assert dialog.edit_contact(ContactInput(name="王五", title="副总", mobile="13900002222"))
    dialog.ui.contactsView.selectRow(1)
    assert dialog.delete_contact()
    assert dialog.is_dirty()
    with db.session(readonly=True) as s:  # nothing written before Save
        assert len(get_company(s, companies["hw"]).contacts) == 2
    assert dialog.save()
    with db.session(readonly=True) as s:
        contacts = get_company(s, companies["hw"]).contacts
        assert [(c.name, c.title, c.mobile) for c in contacts] == [("王五", "副总", "13900002222")]


def test_copied_contacts_are_masked_unless_the_user_chooses(qtbot, page, db, companies):
    with db.session() as s:
        add_contact(
            s,
            companies["hw"],
            ContactInput(name="王五", mobile="13900001111", email="wangwu@example.com"),
            ACTOR,
        )
    dialog = page.open_company(companies["hw"])
    qtbot.addWidget(dialog)
    text = dialog.copy_contacts()
    assert "139****1111" in text and "13900001111" not in text
    assert "wangwu@example.com" not in text
    assert "已打码" in dialog.ui.contactsHint.text()
    dialog.ui.revealCheck.setChecked(True)
    assert "13900001111" in dialog.copy_contacts()


def test_invalid_contact_is_refused_by_the_contact_form(qtbot):
    from jianan_desk.ui.dialogs.contact_form import ContactDialog

    dialog = ContactDialog()
    qtbot.addWidget(dialog)
    dialog.ui.name_edit.setText("张三")
    dialog.ui.mobile_edit.setText("12")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "手机" in dialog.ui.errorLabel.text()
    dialog.ui.mobile_edit.setText("13812345678")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def _counts(s, company_id):
    detail = get_company(s, company_id)
    return len(detail.contacts), detail.visit_count, detail.project_count


def test_merge_two_selected_companies(qtbot, page, db, monkeypatch):
    with db.session() as s:
        a = create_company(s, CompanyInput(name="比亚迪股份有限公司", city="深圳"), ACTOR)
        b = create_company(
            s,
            CompanyInput(name="深圳市比亚迪有限公司", uscc="91440300708461136T"),
            ACTOR,
            allow_likely_duplicate=True,
        )
        add_contact(s, a.id, ContactInput(name="甲"), ACTOR)
        add_contact(s, b.id, ContactInput(name="乙"), ACTOR)
        create_visit(s, VisitInput(company_id=b.id, visited_on=dt.date(2022, 3, 1)), ACTOR)
        create_project(s, ProjectInput(name="比亚迪项目", company_id=b.id), ACTOR)
        before = tuple(x + y for x, y in zip(_counts(s, a.id), _counts(s, b.id), strict=True))
    page.context.hub.announce(Hub.COMPANIES)
    qtbot.waitUntil(lambda: not page.model.busy and page.model.rowCount() == 5)
    told = []
    monkeypatch.setattr(
        "jianan_desk.ui.pages.companies.QMessageBox.information", lambda *a: told.append(a[2])
    )
    assert page.merge_selected() is None  # nothing selected: a message, no dialog
    assert "两家企业" in told[0]
    rows = [r for r in range(page.model.rowCount()) if page.model.company_id(r) in (a.id, b.id)]
    from PySide6.QtCore import QItemSelectionModel

    selection = page.table.selectionModel()
    for r in rows:
        selection.select(
            page.model.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert page.merge_button.isEnabled()
    dialog = page.merge_selected()
    qtbot.addWidget(dialog)
    # side by side, the differing code in bold; what moves is counted
    model = dialog.model
    assert model.columnCount() == 3 and model.rowCount() > 10
    dialog.choose_survivor(a.id)
    assert "乙" not in dialog.moves_text()
    assert "联系人 1、拜访记录 1、项目 1、目标企业条目 0" in dialog.moves_text()
    dialog.ui.note_edit.setText("同一家")
    shown = []
    monkeypatch.setattr(page, "_show_survivor", shown.append)
    dialog.merged.disconnect()
    dialog.merged.connect(page._show_survivor)
    with qtbot.waitSignal(page.model.loaded):
        assert dialog.merge()
    assert shown == [a.id]
    assert page.model.rowCount() == 4
    with db.session(readonly=True) as s:
        assert _counts(s, a.id) == before  # nothing lost
        assert get_company(s, a.id).uscc == "91440300708461136T"
    form = page.open_company(a.id)
    qtbot.addWidget(form)
    history = form.history_model
    assert "合并了“深圳市比亚迪有限公司”" in history.index(0, history.WHAT).data()
    assert "同一家" in history.index(0, history.DETAIL).data()


def test_company_form_offers_to_merge_a_likely_duplicate(qtbot, page, db, companies):
    with db.session() as s:
        dup = create_company(
            s, CompanyInput(name="深圳市华为技术有限公司"), ACTOR, allow_likely_duplicate=True
        )
    form = page.open_company(companies["hw"])
    qtbot.addWidget(form)
    assert not form.ui.mergeButton.isHidden()
    assert "深圳市华为技术有限公司" in form.ui.duplicateLabel.text()
    requested = []
    form.merge_requested.connect(lambda a, b: requested.append((a, b)))
    form.ui.mergeButton.click()
    assert requested == [(companies["hw"], dup.id)]


def test_merge_models_pass_the_model_tester(qtmodeltester, qtbot, page, db, companies):
    dialog = page.merge(companies["hw"], companies["rbk"])
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    form = page.open_company(companies["hw"])
    qtbot.addWidget(form)
    form.add_contact(ContactInput(name="张三"))
    qtmodeltester.check(form.contacts_model)
    qtmodeltester.check(form.history_model)


def test_typing_on_narrows_the_list_in_memory_and_changes_query_again(qtbot, page, db):
    model = page.model
    with qtbot.waitSignal(model.loaded):
        page.search.setText("nan")  # 南京三佳 (南京)
    assert model.rowCount() == 1 and model.narrowed == 1  # narrowed from the full list
    with qtbot.waitSignal(model.loaded):
        page.search.setText("nanjing sanjia")
    assert model.rowCount() == 1 and model.narrowed == 2
    with qtbot.waitSignal(model.loaded):
        page.search.setText("nanjing sanjiax")
    assert model.rowCount() == 0 and model.narrowed == 3
    with qtbot.waitSignal(model.loaded):
        page.search.setText("huawei")  # not narrower: queried
    assert model.rowCount() == 1 and model.narrowed == 3
    with qtbot.waitSignal(model.loaded):
        page.kind.setCurrentIndex(KIND_LOCAL)  # another filter: queried
    assert model.rowCount() == 0 and model.narrowed == 3
    with qtbot.waitSignal(model.loaded):
        page.kind.setCurrentIndex(0)
    # a company added elsewhere: the announcement makes the list query again
    with db.session() as s:
        create_company(s, CompanyInput(name="华润集团有限公司"), ACTOR)
    with qtbot.waitSignal(model.loaded):
        page.context.hub.announce(Hub.COMPANIES)
    assert model.rowCount() == 1  # "huawei" still: 华为 (the announcement queried)
    with qtbot.waitSignal(model.loaded):
        page.search.setText("hua")
    assert model.narrowed == 3  # wider text: queried
    with qtbot.waitSignal(model.loaded):
        page.search.setText("huarun")
    assert model.rowCount() == 1 and model.narrowed == 4
