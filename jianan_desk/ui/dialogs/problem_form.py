"""The problem form (问题台账: 新建/编辑问题), laid out in ``forms/problem_form.ui``.

Three tabs: the problem's fields; its progress notes and 销号 (each saved at once, with the
rule errors in Chinese: 销号 needs a resolution text and a date); and its history from the
change log. In ``collect`` mode (a new problem assigned in the meeting dialog) Save only
checks the fields and hands the ``ProblemInput`` back in ``collected``: the meeting's
minutes create it together with the rest.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QHeaderView,
    QInputDialog,
    QWidget,
)

from jianan_desk.domain import problems as rules
from jianan_desk.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from jianan_desk.services.meetings import list_meetings
from jianan_desk.services.problems import (
    ProblemDetail,
    ProblemInput,
    add_note,
    close_problem,
    company_name,
    create_problem,
    error_text,
    get_problem,
    problem_history,
    project_choices,
    reopen_problem,
    units_with_problems,
    update_problem,
)
from jianan_desk.services.projects import find_companies
from jianan_desk.services.task_forces import task_force_choices
from jianan_desk.store.engine import Database
from jianan_desk.ui.forms.ui_problem_form import Ui_ProblemFormDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.problems import HistoryModel, NotesModel

BASIC_TAB, PROGRESS_TAB, HISTORY_TAB = range(3)


def _fill(combo: QComboBox, items: list[tuple[str | None, str]]) -> None:
    combo.clear()
    for value, label in items:
        combo.addItem(label, value)


def _select(combo: QComboBox, value: str | None) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(max(i, 0))


class ProblemDialog(QDialog):
    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        as_of: dt.date,
        problem_id: str | None = None,
        *,
        preset: ProblemInput | None = None,
        collect: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor, self.as_of = db, hub, actor, as_of
        self.collect = collect
        self.detail: ProblemDetail | None = None
        self.saved_id: str | None = None
        self.collected: ProblemInput | None = None
        self.ui = Ui_ProblemFormDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.error = u.errorLabel
        self.notes_model = NotesModel(self)
        self.history_model = HistoryModel(self)
        for view, model in ((u.notes_view, self.notes_model), (u.history_view, self.history_model)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setWordWrap(True)
        notes_header = u.notes_view.horizontalHeader()
        notes_header.setStretchLastSection(False)
        notes_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        notes_header.resizeSection(0, 90)
        notes_header.resizeSection(2, 100)
        u.history_view.horizontalHeader().resizeSection(0, 130)
        u.history_view.horizontalHeader().resizeSection(2, 70)
        self._load_choices()
        for edit in (u.raised_edit, u.deadline_edit, u.note_date_edit, u.resolved_edit):
            edit.setDate(QDate(as_of))
        u.deadline_edit.setDate(QDate(as_of + dt.timedelta(days=14)))
        u.no_deadline_check.toggled.connect(lambda on: u.deadline_edit.setEnabled(not on))
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        u.add_note_button.clicked.connect(self.add_note)
        u.note_edit.returnPressed.connect(self.add_note)
        u.close_button.clicked.connect(self.close_problem)
        u.reopen_button.clicked.connect(lambda: self.reopen())
        company_edit = u.company_combo.lineEdit()
        if company_edit is not None:
            company_edit.setPlaceholderText(self.tr("输入企业名称后回车查找"))
            company_edit.returnPressed.connect(lambda: self.find_companies())
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        if problem_id is not None:
            self.load(problem_id)
        else:
            self._show_input(preset or ProblemInput(raised_on=as_of))
        self._update_state()
        u.description_edit.setFocus()

    # ------------------------------------------------------------ loading

    def _load_choices(self) -> None:
        u = self.ui
        with self.db.session(readonly=True) as s:
            projects = project_choices(s)
            forces = task_force_choices(s)
            units = units_with_problems(s)
            meetings = list_meetings(s)
        none = self.tr("（无）")
        _fill(u.project_combo, [(None, none), *projects])
        completer = u.project_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        _fill(u.task_force_combo, [(None, self.tr("（按项目所属专班）")), *forces])
        _fill(u.category_combo, list(rules.CATEGORY_LABELS.items()))
        _fill(u.source_combo, list(rules.SOURCE_LABELS.items()))
        _fill(u.unit_combo, [(None, self.tr("（未指定）")), *units])
        _fill(u.status_combo, [(c, rules.STATUS_LABELS[c]) for c in rules.EDITABLE_STATUSES])
        _fill(
            u.meeting_combo,
            [(None, none), *((m.id, f"{m.held_on:%Y-%m-%d}  {m.label}") for m in meetings)],
        )

    def load(self, problem_id: str) -> None:
        with self.db.session(readonly=True) as s:
            self.detail = get_problem(s, problem_id, as_of=self.as_of)
            history = problem_history(s, problem_id)
        d = self.detail
        self._show_input(d.to_input())
        self.notes_model.set_rows(list(d.notes))
        self.history_model.set_rows(history)
        self.ui.resolution_edit.setPlainText(d.resolution)
        if d.row.resolved_on:
            self.ui.resolved_edit.setDate(QDate(d.row.resolved_on))
        self.ui.tabs.setTabText(
            PROGRESS_TAB, self.tr("办理进展与销号（%1）").replace("%1", str(len(d.notes)))
        )

    def _show_input(self, data: ProblemInput) -> None:
        u = self.ui
        u.description_edit.setPlainText(data.description)
        _select(u.project_combo, data.project_id)
        _select(u.task_force_combo, data.task_force_id)
        _select(u.category_combo, data.category)
        _select(u.source_combo, data.source)
        _select(u.unit_combo, data.unit_id)
        _select(u.status_combo, data.status)
        _select(u.meeting_combo, data.meeting_id)
        u.person_edit.setText(data.responsible_person)
        self._show_company(data.company_id)
        if isinstance(data.raised_on, dt.date):
            u.raised_edit.setDate(QDate(data.raised_on))
        if isinstance(data.deadline, dt.date):
            u.deadline_edit.setDate(QDate(data.deadline))
        u.no_deadline_check.setChecked(data.deadline is None and self.detail is not None)

    def _update_state(self) -> None:
        u = self.ui
        d = self.detail
        closed = d is not None and d.row.status == "closed"
        if d is None:
            self.setWindowTitle(self.tr("交办新问题") if self.collect else self.tr("新建问题"))
            u.statusLabel.setText(self.tr("保存后可记录办理进展和销号。"))
        else:
            self.setWindowTitle(self.tr("问题：%1").replace("%1", d.row.description[:20]))
            r = d.row
            parts = [
                f"{r.status_label}",
                self.tr("已办 %1 天").replace("%1", str(r.days_open)),
            ]
            if r.overdue:
                parts.append(self.tr("已超期 %1 天").replace("%1", str(r.days_overdue)))
            if closed and r.resolved_on:
                parts.append(self.tr("销号于 %1").replace("%1", f"{r.resolved_on:%Y-%m-%d}"))
            if d.meeting_title:
                parts.append(self.tr("交办会议：%1").replace("%1", d.meeting_title))
            u.statusLabel.setText("　".join(parts))
            u.statusLabel.setStyleSheet("color: #b71c1c;" if r.overdue else "")
        u.tabs.setTabEnabled(PROGRESS_TAB, d is not None)
        u.tabs.setTabEnabled(HISTORY_TAB, d is not None)
        for w in (
            u.description_edit,
            u.project_combo,
            u.task_force_combo,
            u.category_combo,
            u.source_combo,
            u.unit_combo,
            u.person_edit,
            u.raised_edit,
            u.deadline_edit,
            u.no_deadline_check,
            u.status_combo,
            u.meeting_combo,
            u.company_combo,
        ):
            w.setEnabled(not closed)
        if not closed:
            u.deadline_edit.setEnabled(not u.no_deadline_check.isChecked())
        u.close_button.setEnabled(d is not None and not closed)
        u.resolution_edit.setReadOnly(closed)
        u.resolved_edit.setEnabled(not closed)
        u.reopen_button.setVisible(closed)
        u.buttonBox.button(u.buttonBox.StandardButton.Save).setEnabled(not closed)

    # ------------------------------------------------------------ saving

    def to_input(self) -> ProblemInput:
        u = self.ui
        return ProblemInput(
            description=u.description_edit.toPlainText(),
            raised_on=u.raised_edit.date().toPython(),
            category=u.category_combo.currentData() or "other",
            project_id=self._project_id(),
            task_force_id=u.task_force_combo.currentData(),
            meeting_id=u.meeting_combo.currentData(),
            unit_id=u.unit_combo.currentData(),
            responsible_person=u.person_edit.text(),
            deadline=None if u.no_deadline_check.isChecked() else u.deadline_edit.date().toPython(),
            status=u.status_combo.currentData() or "open",
            source=u.source_combo.currentData() or "meeting",
            company_id=self._company_id(),
        )

    def _show_company(self, company_id: str | None) -> None:
        combo = self.ui.company_combo
        combo.clear()
        combo.addItem(self.tr("（无）"), None)
        if company_id:
            with self.db.session(readonly=True) as s:
                name = company_name(s, company_id)
            if name is not None:
                combo.addItem(name, company_id)
                combo.setCurrentIndex(1)

    def find_companies(self, text: str | None = None) -> int:
        """Offer the companies whose name contains what was typed; returns how many."""
        combo = self.ui.company_combo
        term = (combo.currentText() if text is None else text).strip()
        with self.db.session(readonly=True) as s:
            found = find_companies(s, term)
        combo.clear()
        combo.addItem(self.tr("（无）"), None)
        for c in found:
            combo.addItem(f"{c.name}（{c.city}）" if c.city else c.name, c.id)
        if found:
            combo.setCurrentIndex(1)
            if combo.isVisible():
                combo.showPopup()
        else:
            self.error.setText(self.tr("没有找到名称含“%1”的企业").replace("%1", term))
        return len(found)

    def _company_id(self) -> str | None:
        combo = self.ui.company_combo
        i = combo.findText(combo.currentText())
        return combo.itemData(i) if i >= 0 else None

    def _project_id(self) -> str | None:
        combo = self.ui.project_combo
        i = combo.findText(combo.currentText())
        return combo.itemData(i) if i >= 0 else None

    def save(self) -> bool:
        data = self.to_input()
        if self.collect:
            errors = rules.check_problem(
                data.raised_on,  # type: ignore[arg-type]
                data.description,
                data.deadline,  # type: ignore[arg-type]
                data.category,
                data.status,
                data.source,
            )
            if errors:
                self.error.setText(error_text(errors))
                return False
            self.collected = data
            self.accept()
            return True
        try:
            with self.db.session() as s:
                if self.detail is None:
                    detail = create_problem(s, data, self.actor, as_of=self.as_of)
                else:
                    detail = update_problem(
                        s,
                        self.detail.id,
                        data,
                        self.actor,
                        as_of=self.as_of,
                        expected_updated_at=self.detail.updated_at,
                    )
        except ValidationError as exc:
            self.error.setText(error_text(exc.errors))
            return False
        except (ConcurrentEditError, NotFoundError) as exc:
            self.error.setText(str(exc))
            return False
        self.saved_id = detail.id
        self.hub.announce(Hub.TASK_FORCES)
        self.accept()
        return True

    def _after_change(self) -> None:
        assert self.detail is not None
        self.hub.announce(Hub.TASK_FORCES)
        self.load(self.detail.id)
        self._update_state()

    def add_note(self) -> bool:
        if self.detail is None:
            return False
        try:
            with self.db.session() as s:
                add_note(
                    s,
                    self.detail.id,
                    self.ui.note_edit.text(),
                    self.actor,
                    noted_on=self.ui.note_date_edit.date().toPython(),
                )
        except ValidationError as exc:
            self.error.setText(error_text(exc.errors))
            return False
        self.error.clear()
        self.ui.note_edit.clear()
        self._after_change()
        return True

    def close_problem(self) -> bool:
        """销号 with the resolution and date typed in; the rule errors are shown in Chinese."""
        if self.detail is None:
            return False
        try:
            with self.db.session() as s:
                close_problem(
                    s,
                    self.detail.id,
                    self.ui.resolution_edit.toPlainText(),
                    self.ui.resolved_edit.date().toPython(),
                    self.actor,
                    expected_updated_at=self.detail.updated_at,
                )
        except ValidationError as exc:
            self.error.setText(error_text(exc.errors))
            return False
        except (ConcurrentEditError, NotFoundError) as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.saved_id = self.detail.id
        self._after_change()
        return True

    def reopen(self, reason: str | None = None) -> bool:
        if self.detail is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("撤销销号"), self.tr("撤销销号的原因：")
            )
            if not ok:
                return False
        try:
            with self.db.session() as s:
                reopen_problem(s, self.detail.id, self.actor, reason)
        except ValidationError as exc:
            self.error.setText(error_text(exc.errors))
            return False
        self.error.clear()
        self._after_change()
        return True
