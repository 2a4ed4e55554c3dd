"""The 客商 page: lazy model, search (pinyin), filters, new company with duplicate warning."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import event

import jianan_desk.ui.pages.companies as module
from jianan_desk.services.companies import (
    CompanyFilter,
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
from jianan_desk.ui.models import company_table
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


def test_city_choices_are_read_off_the_gui_thread_and_keep_the_choice(qtbot, page, db, monkeypatch):
    qtbot.waitUntil(lambda: page.city.count() == 4)  # 全部城市 + 南京, 许昌, 深圳
    threads = []
    real = module.city_choices

    def spy(session):
        threads.append(threading.current_thread())
        return real(session)

    monkeypatch.setattr(module, "city_choices", spy)
    with qtbot.waitSignal(page.model.loaded):
        page.city.setCurrentIndex(page.city.findData("深圳"))
    with db.session() as s:
        create_company(s, CompanyInput(name="合肥新能源有限公司", city="合肥"), ACTOR)
    page._on_changed(Hub.COMPANIES)
    qtbot.waitUntil(lambda: page.city.findData("合肥") >= 0)
    assert threads and threading.main_thread() not in threads
    assert page.city.currentData() == "深圳"  # the choice survives the refill


def test_city_choices_that_fail_to_load_keep_the_old_ones_and_say_why(
    qtbot, page, db, monkeypatch, caplog
):
    qtbot.waitUntil(lambda: page.city.count() == 4)
    real = module.city_choices

    def broken(session):
        raise RuntimeError("磁盘读取错误")

    monkeypatch.setattr(module, "city_choices", broken)
    page._fill_cities()
    qtbot.waitUntil(lambda: "城市列表读取失败" in page.city.toolTip())
    assert "磁盘读取错误" in page.city.toolTip()
    assert page.city.count() == 4  # the old choices stay usable
    assert any("城市列表读取失败" in r.getMessage() for r in caplog.records)
    monkeypatch.setattr(module, "city_choices", real)
    page._fill_cities()  # works again: the note goes
    qtbot.waitUntil(lambda: page.city.toolTip() == "")


def test_an_empty_result_says_so_over_the_list(qtbot, page):
    assert page.no_rows.isHidden()
    with qtbot.waitSignal(page.model.loaded):
        page.search.setText("喆喆")
    qtbot.waitUntil(lambda: not page.no_rows.isHidden())
    assert "没有符合条件的企业" in page.no_rows.text()
    with qtbot.waitSignal(page.model.loaded):
        page.search.setText("")
    qtbot.waitUntil(lambda: page.no_rows.isHidden())


def test_an_empty_database_says_how_to_add_companies(qtbot, db):
    page = CompaniesPage(PageContext(db, Hub()))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.model.busy)
    qtbot.waitUntil(lambda: not page.no_rows.isHidden())
    assert "还没有企业" in page.no_rows.text()


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


class Statements:
    """The SQL statements the database runs (from any thread)."""

    def __init__(self, db):
        self.seen: list[str] = []
        self._engine = db.engine
        event.listen(self._engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, *_args):
        self.seen.append(statement)

    def likes(self) -> list[str]:
        return [x for x in self.seen if " LIKE " in x.upper()]

    def close(self):
        event.remove(self._engine, "before_cursor_execute", self._record)


def test_typing_is_answered_from_the_index_without_scanning_the_table(qtbot, page, db, companies):
    model = page.model
    qtbot.waitUntil(lambda: model.indexed)
    statements = Statements(db)
    try:
        for text, expected in (("nan", 1), ("nanjing sanjia", 1), ("nanjing sanjiax", 0),
                               ("huawei", 1), ("s", 3)):  # fmt: skip
            before = model.from_memory
            with qtbot.waitSignal(model.loaded):
                page.search.setText(text)  # no debounce: applied at once
            assert model.rowCount() == expected and model.from_memory == before + 1
        assert statements.likes() == []  # no keystroke scanned the table
    finally:
        statements.close()
    # another filter: answered (by SQL until its own index is in)
    with qtbot.waitSignal(model.loaded):
        page.kind.setCurrentIndex(KIND_LOCAL)
    assert ids_shown(model) == {companies["rbk"]}
    qtbot.waitUntil(lambda: model.indexed)
    with qtbot.waitSignal(model.loaded):
        page.kind.setCurrentIndex(0)


def test_a_change_drops_the_index_so_no_keystroke_sees_old_data(qtbot, page, db):
    model = page.model
    qtbot.waitUntil(lambda: model.indexed)
    with db.session() as s:
        create_company(s, CompanyInput(name="华润集团有限公司", city="深圳"), ACTOR)
    with qtbot.waitSignal(model.loaded):
        page.context.hub.announce(Hub.COMPANIES)
    with qtbot.waitSignal(model.loaded):
        page.search.setText("huarun")  # typed at once: maybe before the new index is in
    assert model.rowCount() == 1
    qtbot.waitUntil(lambda: model.indexed)
    with qtbot.waitSignal(model.loaded):
        page.search.setText("华")
    assert model.rowCount() == 2 and model.from_memory >= 1


class ManualRunner:
    """Runs the model's background work when the test says so, in any order."""

    def __init__(self):
        self.jobs: list[tuple] = []

    def __call__(self, work, *, on_result, on_error):
        self.jobs.append((work, on_result, on_error))

    def compute(self, i):
        work, on_result, on_error = self.jobs[i]
        try:
            value, ok = work(), True
        except Exception as exc:  # delivered like operations.run_in_background does
            value, ok = exc, False
        return lambda: on_result(value) if ok else on_error(value)

    def run(self, i):
        self.compute(i)()


def test_a_superseded_keystroke_is_cancelled_and_its_late_rows_are_dropped(qtbot, db, companies):
    runner = ManualRunner()
    model = CompaniesTableModel(db, runner=runner)
    model.set_filter(CompanyFilter(text="nanjing"))  # job 0
    late = runner.compute(0)  # its answer computed, not yet delivered
    model.set_filter(CompanyFilter(text="huawei"))  # job 1 supersedes it
    model.set_filter(CompanyFilter(text="byd"))  # job 2 supersedes job 1
    runner.run(1)  # cancelled before it started: nothing shown
    assert model.cancelled == 1 and model.rowCount() == 0 and model.busy
    with qtbot.waitSignal(model.loaded):
        runner.run(2)
    assert model.rowCount() == 0 and not model.busy
    model.set_filter(CompanyFilter(text="huawei"))  # job 4 (job 3: the index)
    with qtbot.waitSignal(model.shown):
        runner.run(len(runner.jobs) - 1)
    late()  # the "nanjing" rows arrive last: dropped
    assert ids_shown(model) == {companies["hw"]}


def test_many_matches_show_the_first_window_then_grow_without_a_reset(
    qtbot, qtmodeltester, db, companies, monkeypatch
):
    monkeypatch.setattr(company_table, "WINDOW", 2)
    with db.session() as s:
        for name in ("甲", "乙", "丙", "丁"):
            create_company(s, CompanyInput(name=f"{name}科技有限公司"), ACTOR)
    page = CompaniesPage(PageContext(db, Hub()))
    qtbot.addWidget(page)
    model = page.model
    qtbot.waitUntil(lambda: not model.counting and model.rowCount() == 7)
    qtmodeltester.check(model)  # and it keeps watching: every reset and insert below
    load_index = CompaniesTableModel._load_index
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    counts: list[int] = []
    model.loaded.connect(counts.append)
    for indexed in (False, True):
        if indexed:
            monkeypatch.setattr(CompaniesTableModel, "_load_index", load_index)
            page.apply_filter()  # the search box is empty: the whole list, and its index
            qtbot.waitUntil(lambda: model.indexed and not model.counting)
            resets.clear()
            inserted.clear()
            counts.clear()
            with qtbot.waitSignal(model.shown) as shown:
                page.search.setText("youxiangongsi")
        else:  # no index (a change was just announced): SQL answers
            monkeypatch.setattr(CompaniesTableModel, "_load_index", lambda self, base: None)
            with qtbot.waitSignal(model.shown):
                model.reload()  # the index is dropped (and, patched, not loaded again)
            resets.clear()
            counts.clear()
            with qtbot.waitSignal(model.shown) as shown:
                model.set_filter(CompanyFilter(text="gongsi"))
        assert shown.args == [2] and model.counting
        assert "正在统计" in page.count_label.text()
        assert model.index(1, 0).data()  # the first window is in the model already
        qtbot.waitUntil(lambda: not model.details_pending)
        assert model.index(1, CompaniesTableModel.UPDATED_AT).data()  # and then every column
        qtbot.waitUntil(lambda: not model.counting)
        assert counts == [7] and model.rowCount() == 7
        assert resets == [1] and inserted == [(2, 6)]  # appended: scrolling stays
        assert model.indexed == indexed
        assert "7" in page.count_label.text()
        assert model.from_memory == (1 if indexed else 0)
        qtbot.waitUntil(lambda: model.index(6, 0).data() is not None)  # later window
