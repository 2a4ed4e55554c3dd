"""The weekly-meeting dialog (准备周例会 / 会议纪要), laid out in ``forms/meeting_form.ui``.

Tab 议程: the agenda ``services.meetings.prepare_agenda`` generates for the date (new
problems since the last meeting, problems due before the next one, overdue problems by unit,
projects whose stage has not moved in N weeks). Tab 纪要: problems to close at the meeting
(checked, each with its resolution), the projects reported on (picked from key projects
and projects a task force follows, each with its report), new problems assigned (entered
with the problem form in ``collect`` mode), and the decisions. Save creates the meeting if
new and records the minutes in one transaction: one refusal and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QDialog, QHeaderView, QWidget

from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.meetings import (
    Agenda,
    Closure,
    MeetingDetail,
    MeetingInput,
    MinutesInput,
    create_meeting,
    get_meeting,
    prepare_agenda,
    record_minutes,
)
from jianan_desk.services.problems import ProblemInput, ProblemRow, error_text, project_choices
from jianan_desk.store.engine import Database
from jianan_desk.ui.dialogs.problem_form import ProblemDialog
from jianan_desk.ui.forms.ui_meeting_form import Ui_MeetingFormDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.problems import ClosuresModel, ReportedProjectsModel

AGENDA_TAB, MINUTES_TAB = range(2)


class MeetingDialog(QDialog):
    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        as_of: dt.date,
        meeting_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor, self.as_of = db, hub, actor, as_of
        self.detail: MeetingDetail | None = None
        self.agenda: Agenda | None = None
        self.saved_id: str | None = None
        self.raised: list[ProblemInput] = []
        self.ui = Ui_MeetingFormDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.error = u.errorLabel
        self.closures = ClosuresModel(self)
        u.closures_view.setModel(self.closures)
        u.closures_view.verticalHeader().hide()
        u.closures_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = u.closures_view.horizontalHeader()
        header.setSectionResizeMode(ClosuresModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ClosuresModel.CHECK, 44)
        header.resizeSection(ClosuresModel.UNIT, 130)
        header.resizeSection(ClosuresModel.RESOLUTION, 220)
        u.closures_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.reported = ReportedProjectsModel(self)
        u.projects_view.setModel(self.reported)
        u.projects_view.verticalHeader().hide()
        u.projects_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        u.projects_view.horizontalHeader().resizeSection(ReportedProjectsModel.PROJECT, 260)
        u.projects_view.horizontalHeader().setStretchLastSection(True)
        u.projects_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        with db.session(readonly=True) as s:
            projects = project_choices(s)
        u.project_combo.addItem("", None)
        for project_id, name in projects:
            u.project_combo.addItem(name, project_id)
        u.project_combo.lineEdit().setPlaceholderText(self.tr("输入项目名称查找"))
        completer = u.project_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        u.add_project_button.clicked.connect(lambda: self.add_project())
        u.remove_project_button.clicked.connect(self.remove_project)
        u.project_combo.lineEdit().returnPressed.connect(lambda: self.add_project())
        u.held_edit.setDate(QDate(as_of))
        u.next_edit.setDate(QDate(as_of + dt.timedelta(days=7)))
        u.held_edit.dateChanged.connect(self._held_changed)
        u.agenda_button.clicked.connect(self.refresh_agenda)
        u.raise_button.clicked.connect(lambda: self.raise_problem())
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh_agenda)
        if meeting_id is not None:
            with db.session(readonly=True) as s:
                self.detail = get_meeting(s, meeting_id)
            d = self.detail
            u.held_edit.setDate(QDate(d.row.held_on))
            u.held_edit.setEnabled(False)
            u.title_edit.setText(d.row.title)
            u.chair_edit.setText(d.row.chair)
            u.attendees_edit.setText(d.attendees)
            u.decisions_edit.setPlainText(d.decisions)
            self.reported.set_rows([(p.project_id, p.name, p.report) for p in d.projects])
            self.setWindowTitle(self.tr("周例会纪要：%1").replace("%1", d.row.label))
            u.tabs.setCurrentIndex(MINUTES_TAB)
        else:
            self.setWindowTitle(self.tr("准备周例会"))
        self.refresh_agenda()
        self._show_raised()
        u.chair_edit.setFocus()

    @property
    def held_on(self) -> dt.date:
        value: dt.date = self.ui.held_edit.date().toPython()  # type: ignore[assignment]
        return value

    def _held_changed(self, day: QDate) -> None:
        self.ui.next_edit.setDate(day.addDays(7))
        self.refresh_agenda()

    def refresh_agenda(self) -> Agenda | None:
        next_on: dt.date = self.ui.next_edit.date().toPython()  # type: ignore[assignment]
        try:
            with self.db.session(readonly=True) as s:
                self.agenda = prepare_agenda(
                    s, self.held_on, next_on=next_on, stale_weeks=self.ui.weeks_spin.value()
                )
        except ValidationError as exc:
            self.error.setText(error_text(exc.errors))
            return None
        self.error.clear()
        self.ui.agenda_browser.setHtml(agenda_html(self.agenda))
        a = self.agenda
        seen: dict[str, ProblemRow] = {}
        for r in (
            *a.new_problems,
            *a.due_soon,
            *(r for _, rows in a.overdue_by_unit for r in rows),
        ):
            if r.status in ("open", "in_progress"):
                seen.setdefault(r.id, r)
        self.closures.set_rows(list(seen.values()))
        return self.agenda

    def _show_raised(self) -> None:
        names = "；".join(p.description[:24] for p in self.raised)
        self.ui.raised_label.setText(
            self.tr("本次交办新问题 %1 个").replace("%1", str(len(self.raised)))
            + (f"：{names}" if names else "")
        )

    def raise_problem(self, data: ProblemInput | None = None) -> ProblemInput | None:
        """Add a problem assigned at this meeting (created when the minutes are saved)."""
        if data is None:
            dialog = ProblemDialog(
                self.db,
                self.hub,
                self.actor,
                self.held_on,
                preset=ProblemInput(raised_on=self.held_on, source="meeting"),
                collect=True,
                parent=self,
            )
            dialog.ui.meeting_combo.setEnabled(False)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.collected is None:
                return None
            data = dialog.collected
        data.raised_on = self.held_on
        self.raised.append(data)
        self._show_raised()
        return data

    def add_project(self, project_id: str | None = None) -> int | None:
        """Add the project picked (or ``project_id``) to those reported on; its row."""
        combo = self.ui.project_combo
        if project_id is None:
            i = combo.findText(combo.currentText())
            project_id = combo.itemData(i) if i > 0 else None
            if project_id is None:
                if combo.currentText().strip():
                    self.error.setText(self.tr("请从列表中选择汇报项目"))
                return None
        i = combo.findData(project_id)
        if i <= 0:
            self.error.setText(self.tr("请从列表中选择汇报项目"))
            return None
        self.error.clear()
        row = self.reported.add(project_id, combo.itemText(i))
        combo.setCurrentIndex(0)
        view = self.ui.projects_view
        index = self.reported.index(row, ReportedProjectsModel.REPORT)
        view.setCurrentIndex(index)
        view.setFocus()
        return row

    def remove_project(self) -> bool:
        row = self.ui.projects_view.currentIndex().row()
        if not self.reported.can_remove(row):
            if row >= 0:
                self.error.setText(self.tr("已保存的汇报项目不能移除，可修改其汇报内容"))
            return False
        self.error.clear()
        return self.reported.remove(row)

    def minutes(self) -> MinutesInput:
        u = self.ui
        return MinutesInput(
            chair=u.chair_edit.text(),
            attendees=u.attendees_edit.text(),
            decisions=u.decisions_edit.toPlainText(),
            project_reports=self.reported.reports(),
            raised=list(self.raised),
            closures=[Closure(pid, text) for pid, text in self.closures.closures()],
        )

    def save(self) -> bool:
        u = self.ui
        try:
            with self.db.session() as s:
                if self.detail is None:
                    row = create_meeting(
                        s,
                        MeetingInput(
                            held_on=self.held_on,
                            title=u.title_edit.text(),
                            chair=u.chair_edit.text(),
                        ),
                        self.actor,
                    )
                    meeting_id = row.id
                else:
                    meeting_id = self.detail.row.id
                record_minutes(s, meeting_id, self.minutes(), self.actor)
        except ValidationError as exc:
            self.error.setText(error_text(exc.errors))
            return False
        except NotFoundError as exc:
            self.error.setText(str(exc))
            return False
        self.saved_id = meeting_id
        self.hub.announce(Hub.TASK_FORCES)
        self.accept()
        return True


def _problem_items(rows: tuple[ProblemRow, ...] | list[ProblemRow], *, overdue: bool) -> str:
    items = []
    for r in rows:
        where = "、".join(x for x in (r.project_name, r.unit_name) if x)
        due = f"，时限 {r.deadline:%m-%d}" if r.deadline else ""
        late = f"，<b style='color:#b71c1c'>超期 {r.days_overdue} 天</b>" if overdue else ""
        if r.status in ("closed", "suspended"):
            late += f"，{r.status_label}"
        items.append(
            f"<li>{html.escape(' '.join(r.description.split()))}"
            f"<span style='color:#555'>（{html.escape(where)}{due}）</span>{late}</li>"
        )
    return "<ul>" + "".join(items) + "</ul>"


def agenda_html(a: Agenda) -> str:
    """The agenda as simple HTML for the dialog's text browser."""
    since = f"{a.previous_on:%Y-%m-%d}" if a.previous_on else "近一周"
    out = [
        f"<h3>{a.held_on.year}年{a.held_on.month}月{a.held_on.day}日 周例会议程</h3>",
        f"<p style='color:#555'>上次会议：{since}；下次会议：{a.next_on:%Y-%m-%d}</p>",
    ]
    out.append(f"<h4>一、上次会议以来新提出的问题（{len(a.new_problems)}个）</h4>")
    out.append(_problem_items(a.new_problems, overdue=False) if a.new_problems else "<p>无</p>")
    out.append(f"<h4>二、下次会议前到期的问题（{len(a.due_soon)}个）</h4>")
    out.append(_problem_items(a.due_soon, overdue=False) if a.due_soon else "<p>无</p>")
    out.append(f"<h4>三、超期问题（{a.overdue_count}个，按责任单位）</h4>")
    if not a.overdue_by_unit:
        out.append("<p>无</p>")
    for unit, rows in a.overdue_by_unit:
        out.append(f"<p><b>{html.escape(unit)}</b>（{len(rows)}个）</p>")
        out.append(_problem_items(rows, overdue=True))
    out.append(f"<h4>四、{a.stale_weeks}周以上阶段未推进的项目（{len(a.stalled_projects)}个）</h4>")
    if not a.stalled_projects:
        out.append("<p>无</p>")
    else:
        items = "".join(
            f"<li>{html.escape(p.name)}<span style='color:#555'>（{p.stage_label}，"
            f"{p.weeks}周未推进；{html.escape(p.task_force_name)}）</span></li>"
            for p in a.stalled_projects
        )
        out.append(f"<ul>{items}</ul>")
    return "".join(out)
