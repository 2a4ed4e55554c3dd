"""The 专班与问题 page: task forces, the ledger, the problem form, meetings, figures."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from jianan_desk.services.meetings import MeetingInput, create_meeting
from jianan_desk.services.problems import ProblemInput, create_problem, get_problem
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.services.task_forces import TaskForceInput, create_task_force
from jianan_desk.store.models import Problem, Unit
from jianan_desk.ui.dialogs.meeting_form import MeetingDialog
from jianan_desk.ui.dialogs.problem_form import ProblemDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.problems import OVERDUE_FILL, PAGE, ProblemLedgerModel
from jianan_desk.ui.models.roles import ENTITY_ROLE
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.task_forces import FIGURES_TAB, LEDGER_TAB, TaskForcesPage

ACTOR = "测试员"
D = dt.date
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _problem(s, text, raised, deadline, unit, **kw):
    return create_problem(
        s,
        ProblemInput(description=text, raised_on=raised, deadline=deadline, unit_id=unit, **kw),
        ACTOR,
    )


@pytest.fixture
def data(db):
    with db.session() as s:
        units = list(s.scalars(select(Unit.id).order_by(Unit.sort_order, Unit.name)).all()[:2])
        tf = create_task_force(
            s,
            TaskForceInput(name="汽车零部件专班", head_leader="王区长", liaison="赵联络",
                           lead_unit_id=units[0]),
            ACTOR,
            as_of=D(2022, 3, 31),
        )  # fmt: skip
        p = create_project(
            s, ProjectInput(name="万向节项目", family="key", task_force_id=tf.row.id), ACTOR,
            stage="signed", stage_on=D(2021, 12, 1),
        )  # fmt: skip
        late = _problem(s, "环评批复未下达", D(2022, 1, 5), D(2022, 2, 1), units[0],
                        project_id=p.id)  # fmt: skip
        fresh = _problem(s, "电力增容", D(2022, 3, 20), D(2022, 4, 30), units[1],
                         category="factors")  # fmt: skip
        create_meeting(s, MeetingInput(held_on=D(2022, 3, 14), chair="王区长"), ACTOR)
    return {"units": units, "tf": tf.row.id, "late": late.id, "fresh": fresh.id, "project": p.id}


@pytest.fixture
def page(qtbot, db, data, monkeypatch):
    monkeypatch.setattr("jianan_desk.ui.pages.task_forces.data_as_of", lambda s: D(2022, 3, 31))
    page = TaskForcesPage(PageContext(db, Hub()))
    qtbot.addWidget(page)
    return page


def announcements(page):
    seen: list[str] = []
    page.context.hub.changed.connect(seen.append)
    return seen


def test_models_pass_the_model_tester(qtmodeltester, page):
    for model in (
        page.task_forces_model,
        page.tf_projects_model,
        page.tf_problems_model,
        page.ledger_model,
        page.unit_counts_model,
        page.meetings_model,
        page.by_unit_model,
        page.by_category_model,
    ):
        qtmodeltester.check(model)


def test_task_force_list_and_view(page, data):
    assert page.as_of == D(2022, 3, 31)
    assert page.task_forces_model.rowCount() == 1
    row = page.task_forces_model.row(0)
    assert (row.project_count, row.active_problems, row.overdue_problems) == (1, 1, 1)
    assert page.task_force is not None and page.task_force.row.id == data["tf"]
    assert "汽车零部件专班" in page.tf_header.text() and "超期" in page.tf_header.text()
    assert page.tf_projects_model.rowCount() == 1
    assert page.tf_problems_model.row(0).id == data["late"]


def test_ledger_filters_highlight_and_counts(page, data):
    model = page.ledger_model
    assert model.rowCount() == 2
    assert "共 2 个问题，未销号 2 个，其中超期 1 个" in page.ledger_summary.text()
    row = model.row_of(data["late"])
    overdue_index = model.index(row, ProblemLedgerModel.DAYS_OVERDUE)
    assert overdue_index.data() == "58"  # 2022-02-01 → 03-31
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_FILL
    fresh = model.row_of(data["fresh"])
    assert model.index(fresh, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(fresh, ProblemLedgerModel.DAYS_OPEN).data() == "11"
    page.overdue_check.setChecked(True)
    assert [model.row(i).id for i in range(model.rowCount())] == [data["late"]]
    page.overdue_check.setChecked(False)
    page.category_filter.setCurrentIndex(page.category_filter.findData("factors"))
    assert model.rowCount() == 1 and model.row(0).id == data["fresh"]
    page.category_filter.setCurrentIndex(0)
    page.tf_filter.setCurrentIndex(page.tf_filter.findData(data["tf"]))
    assert model.rowCount() == 1 and model.row(0).id == data["late"]
    page.tf_filter.setCurrentIndex(0)
    page.search.setText("电力")
    page.search.returnPressed.emit()
    assert model.rowCount() == 1 and model.row(0).id == data["fresh"]
    page.search.clear()
    assert model.rowCount() == 2
    # Clicking a unit in the counts filters the ledger by it.
    counts = page.unit_counts_model
    first = counts.index(0, 0)
    assert counts.row(0).overdue == 1
    page._unit_clicked(first)
    assert page.unit_filter.currentData() == data["units"][0]
    assert model.rowCount() == 1
    page.status_filter.setCurrentIndex(page.status_filter.findData("closed"))
    assert model.rowCount() == 0 and "没有符合条件的问题" in page.ledger_summary.text()


def test_ledger_fetches_pages_lazily(page, db, data):
    with db.session() as s:
        for i in range(PAGE + 30):
            s.add(
                Problem(raised_on=D(2022, 1, 1), description=f"批量{i}", unit_id=data["units"][1])
            )
    page.reload()
    model = page.ledger_model
    assert model.total == PAGE + 32
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE + 32 and not model.canFetchMore()


def test_problem_form_create_close_rules_and_history(page, qtbot, db, data):
    seen = announcements(page)
    page.tabs.setCurrentIndex(LEDGER_TAB)
    dialog = page.new_problem()
    qtbot.addWidget(dialog)
    assert not dialog.ui.tabs.isTabEnabled(1)  # notes and 销号 after the first save
    assert not dialog.save()
    assert "问题描述：请填写问题描述" in dialog.error.text()
    dialog.ui.description_edit.setPlainText("道路配套滞后")
    dialog.ui.unit_combo.setCurrentIndex(dialog.ui.unit_combo.findData(data["units"][0]))
    dialog.ui.project_combo.setCurrentIndex(dialog.ui.project_combo.findData(data["project"]))
    assert dialog.save()
    assert seen == [Hub.TASK_FORCES]
    new_id = dialog.saved_id
    with db.session(readonly=True) as s:
        created = get_problem(s, new_id, as_of=D(2022, 3, 31))
    assert created.task_force_id == data["tf"]  # from the project
    assert page.ledger_model.total == 3  # the page reloaded on the announcement

    form = page.open_problem(new_id)
    qtbot.addWidget(form)
    assert form.ui.tabs.isTabEnabled(1)
    form.ui.note_edit.setText("已协调交通局")
    assert form.add_note()
    assert form.notes_model.rowCount() == 1
    assert form.detail.row.status == "in_progress"
    assert not form.close_problem()  # no resolution
    assert "办理结果：销号须填写办理结果" in form.error.text()
    form.ui.resolution_edit.setPlainText("道路已打通")
    assert form.close_problem()
    assert form.detail.row.status == "closed"
    assert not form.ui.close_button.isEnabled() and not form.ui.description_edit.isEnabled()
    whats = [form.history_model.index(i, 2).data() for i in range(form.history_model.rowCount())]
    assert whats[0] == "销号" and "新建" in whats and "办理进展" in whats
    content = form.history_model.index(0, 3).data()
    assert "办理结果：道路已打通" in content and "状态：in_progress → closed" in content
    assert form.reopen("误销号")
    assert form.detail.row.status == "in_progress"
    assert seen.count(Hub.TASK_FORCES) == 4


def test_meeting_prepare_and_minutes(page, qtbot, db, data):
    seen = announcements(page)
    dialog = page.prepare_meeting()
    qtbot.addWidget(dialog)
    dialog.ui.held_edit.setDate(D(2022, 3, 21))
    html_text = dialog.ui.agenda_browser.toPlainText()
    assert "上次会议以来新提出的问题（1个）" in html_text and "电力增容" in html_text
    assert "超期问题（1个，按责任单位）" in html_text and "环评批复未下达" in html_text
    assert "阶段未推进的项目（1个）" in html_text and "万向节项目" in html_text
    closures = dialog.closures
    row = next(i for i in range(closures.rowCount()) if closures.index(i, 0).data(ENTITY_ROLE)
               == data["late"])  # fmt: skip
    closures.setData(closures.index(row, closures.RESOLUTION), "批复已下达")
    assert closures.closures() == [(data["late"], "批复已下达")]
    dialog.raise_problem(ProblemInput(description="用工缺口", unit_id=data["units"][1]))
    assert "本次交办新问题 1 个" in dialog.ui.raised_label.text()
    dialog.ui.chair_edit.setText("王区长")
    dialog.ui.decisions_edit.setPlainText("抓紧办理环评\n下周复核")
    assert dialog.save()
    assert seen == [Hub.TASK_FORCES]
    assert page.meetings_model.rowCount() == 2
    page.show_meeting(dialog.saved_id)
    m = page.meeting
    assert [r.description for r in m.raised] == ["用工缺口"]
    assert [r.id for r in m.closed] == [data["late"]]
    text = page.meeting_view.toPlainText()
    assert "抓紧办理环评" in text and "销号问题（1个）" in text
    again = page.edit_minutes()
    qtbot.addWidget(again)
    assert isinstance(again, MeetingDialog) and again.ui.chair_edit.text() == "王区长"


def test_meeting_minutes_refused_keep_nothing(page, qtbot, db, data):
    dialog = page.prepare_meeting()
    qtbot.addWidget(dialog)
    closures = dialog.closures
    closures.setData(closures.index(0, closures.CHECK), Qt.CheckState.Checked.value,
                     Qt.ItemDataRole.CheckStateRole)  # fmt: skip
    assert not dialog.save()
    assert "销号须填写办理结果" in dialog.error.text()
    assert page.meetings_model.rowCount() == 1


def test_figures_and_exports(page, tmp_path, db):
    page.tabs.setCurrentIndex(FIGURES_TAB)
    f = page.figures
    assert f is not None and f.total.raised == 2 and f.total.overdue == 1
    assert "提出 2 个" in page.figures_total.text()
    out = page.export_figures(tmp_path / "stats.xlsx")
    assert out is not None
    assert load_workbook(out).active["A1"].value.startswith("问题办理责任统计")
    brief = page.save_brief(tmp_path / "brief.pdf")
    assert brief is not None and brief.read_bytes().startswith(b"%PDF")


def test_problem_dialog_collect_mode(qtbot, db, data):
    dialog = ProblemDialog(db, Hub(), ACTOR, D(2022, 3, 31), collect=True)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    dialog.ui.description_edit.setPlainText("新问题")
    assert dialog.save()
    assert dialog.collected is not None and dialog.collected.description == "新问题"
    with db.session(readonly=True) as s:
        assert s.scalar(select(Problem.id).where(Problem.description == "新问题")) is None


def test_reports_page_offers_the_meeting_brief(qtbot, db, data, app_font):
    from jianan_desk.ui.pages.reports import REPORT_KINDS, ReportsPage

    assert "meeting" in REPORT_KINDS
    reports = ReportsPage(PageContext(db=db, hub=Hub()))
    qtbot.addWidget(reports)
    reports.load_choices()
    reports.kind.setCurrentIndex(reports.kind.findData("meeting"))
    assert reports.options.currentWidget().isAncestorOf(reports.meeting)
    assert reports.meeting.count() == 1 and reports.meeting.currentData() == D(2022, 3, 14)
    with qtbot.waitSignal(reports.generated, timeout=30_000):
        assert reports.generate() is not None
    assert reports.report.file_name == "20220314_周例会简报.pdf"
    assert "本年已召开 1 次" in reports.status.text()
    reports.document.close()


def test_reports_page_without_meetings_says_why(qtbot, db, app_font):
    from jianan_desk.reports.period import ReportError
    from jianan_desk.ui.pages.reports import ReportsPage

    reports = ReportsPage(PageContext(db=db, hub=Hub()))
    qtbot.addWidget(reports)
    reports.load_choices()
    reports.kind.setCurrentIndex(reports.kind.findData("meeting"))
    with pytest.raises(ReportError, match="尚无周例会记录"):
        reports.request()


def test_task_force_dialog_create_and_edit(page, qtbot, data):
    seen = announcements(page)
    dialog = page.edit_task_force(new=True)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert "专班名称：请填写专班名称" in dialog.error.text()
    dialog.ui.name_edit.setText("食品包装专班")
    dialog.ui.head_edit.setText("李区长")
    dialog.ui.members_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    assert seen == [Hub.TASK_FORCES]
    assert page.task_forces_model.rowCount() == 2
    row = next(i for i in range(2) if page.task_forces_model.row(i).id == dialog.saved_id)
    page.task_forces_table.selectRow(row)
    assert page.task_force.row.name == "食品包装专班"
    assert len(page.task_force.member_units) == 1
    edit = page.edit_task_force()
    qtbot.addWidget(edit)
    assert edit.ui.head_edit.text() == "李区长"
    edit.ui.liaison_edit.setText("钱联络")
    assert edit.save()
    assert page.task_force.row.liaison == "钱联络"


def test_problem_form_picks_an_enterprise(qtbot, db, data):
    from jianan_desk.services.companies import CompanyInput, create_company

    with db.session() as s:
        company = create_company(
            s, CompanyInput(name="瑞贝卡发制品股份有限公司", city="许昌"), ACTOR
        )
    dialog = ProblemDialog(db, Hub(), ACTOR, D(2022, 3, 31))
    qtbot.addWidget(dialog)
    dialog.ui.description_edit.setPlainText("企业反映用工紧张")
    dialog.ui.source_combo.setCurrentIndex(dialog.ui.source_combo.findData("enterprise"))
    assert dialog.find_companies("发制品") == 1
    assert dialog.find_companies("不存在的企业") == 0
    assert "没有找到" in dialog.error.text()
    assert dialog.find_companies("瑞贝卡") == 1
    assert dialog.save()
    with db.session(readonly=True) as s:
        saved = get_problem(s, dialog.saved_id, as_of=D(2022, 3, 31))
    assert saved.company_id == company.id and saved.row.source == "enterprise"
    assert saved.row.project_name == "瑞贝卡发制品股份有限公司"  # the enterprise, no project
    again = ProblemDialog(db, Hub(), ACTOR, D(2022, 3, 31), dialog.saved_id)
    qtbot.addWidget(again)
    assert again.ui.company_combo.currentText() == "瑞贝卡发制品股份有限公司"


def test_ledger_exports_the_filtered_list(page, qtbot, tmp_path, data):
    page.category_filter.setCurrentIndex(page.category_filter.findData("factors"))
    out = tmp_path / "台账.xlsx"
    operation = page.export_ledger(out)
    assert operation is not None and not page.ledger_export_button.isEnabled()
    qtbot.waitUntil(lambda: operation.done, timeout=15000)
    assert page.ledger_export_button.isEnabled()
    assert page.ledger_export_status.text() == "已导出 1 条问题：台账.xlsx"
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[1][3] == "问题描述" and [r[3] for r in rows[2:]] == ["电力增容"]
    assert rows[2][1] == dt.datetime(2022, 3, 20)  # a real date
    assert rows[2][11] == 11  # days open to the page's date (2022-03-31)


def test_meeting_records_the_projects_reported_on(page, qtbot, db, data, qtmodeltester):
    dialog = page.prepare_meeting()
    qtbot.addWidget(dialog)
    dialog.ui.held_edit.setDate(D(2022, 3, 21))
    combo = dialog.ui.project_combo
    assert combo.findData(data["project"]) > 0  # a task force's project is offered
    combo.setEditText("不存在的项目")
    assert dialog.add_project() is None and "请从列表中选择汇报项目" in dialog.error.text()
    combo.setEditText("万向节项目")
    assert dialog.add_project() == 0 and dialog.add_project(data["project"]) == 0  # once
    model = dialog.reported
    dialog.ui.projects_view.setCurrentIndex(model.index(0, 0))
    assert dialog.remove_project() and model.rowCount() == 0  # not saved yet: removable
    assert dialog.add_project(data["project"]) == 0
    qtmodeltester.check(model)
    model.setData(model.index(0, model.REPORT), "设备已进场安装")
    assert dialog.minutes().project_reports == {data["project"]: "设备已进场安装"}
    assert dialog.save()
    page.show_meeting(dialog.saved_id)
    assert [(p.name, p.report) for p in page.meeting.projects] == [("万向节项目", "设备已进场安装")]
    again = page.edit_minutes()
    qtbot.addWidget(again)
    assert again.reported.rowCount() == 1 and again.reported.index(0, 1).data() == "设备已进场安装"
    again.ui.projects_view.setCurrentIndex(again.reported.index(0, 0))
    assert not again.remove_project() and "不能移除" in again.error.text()  # saved rows stay
