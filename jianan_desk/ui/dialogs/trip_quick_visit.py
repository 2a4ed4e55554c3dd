"""Quick entry of visits on the road (快速录入拜访): built for a laptop keyboard.

Company by search-as-you-type (name, pinyin, initials; ``services.companies
.search_companies``), the company's contacts met, summary, interest, next step and the
follow-up in a few keystrokes ("7" = in 7 days). Ctrl+Enter saves and starts the next
entry (date and trip kept); Esc closes. Each keystroke that narrows the previous text is
answered from the previous answer (``CompanySearch``); on a big database every search key
is loaded once off the GUI thread into a ``SearchIndex`` (all keys joined into one text,
searched at C speed: a rare term costs a few ms on 100,000 companies) and no keystroke
queries. Built in code (no Designer form yet).

Signals:
    saved(str): a visit was recorded (its id); the hub was told ``trips``.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.services.companies import (
    PRIME_ABOVE,
    CompanyChoice,
    CompanyFilter,
    CompanySearch,
    SearchIndex,
    company_search_index,
    count_companies,
    list_contacts,
)
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.visits import INTEREST_LABELS, VisitInput, create_visit
from jianan_desk.store.engine import Database
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.operations import run_in_background

SUGGESTIONS = 15
_log = logging.getLogger(__name__)


class QuickVisitDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        *,
        trip_id: str | None = None,
        on: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor, self.trip_id = db, hub, actor, trip_id
        self.setWindowTitle(self.tr("快速录入拜访"))
        self.company_id: str | None = None
        self._choices: dict[str, CompanyChoice] = {}
        # narrows the previous answer in memory while the user types ("san" → "sanj")
        self.searcher = CompanySearch(limit=SUGGESTIONS)
        hub.changed.connect(self._on_changed)
        self.prime_search()
        self.company = QLineEdit(self)
        self.company.setPlaceholderText(self.tr("输入企业名称或拼音首字母"))
        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.company.setCompleter(self.completer)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate(on or dt.date.today()))
        self.contacts = QListWidget(self)
        self.contacts.setMaximumHeight(80)
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.interest = QComboBox(self)
        for code in ("", "high", "medium", "low"):
            self.interest.addItem(INTEREST_LABELS[code], code)
        self.next_step = QLineEdit(self)
        self.follow_days = QSpinBox(self)
        self.follow_days.setRange(0, 365)
        self.follow_days.setSpecialValueText(self.tr("不跟进"))
        self.follow_days.setSuffix(self.tr(" 天后跟进"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.status = QLabel(self)
        self.save_button = QPushButton(self.tr("保存并录入下一条 (Ctrl+Enter)"), self)
        form = QFormLayout()
        form.addRow(self.tr("企业"), self.company)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("对方人员"), self.contacts)
        form.addRow(self.tr("洽谈内容"), self.summary)
        form.addRow(self.tr("意向"), self.interest)
        form.addRow(self.tr("下一步"), self.next_step)
        form.addRow(self.tr("跟进"), self.follow_days)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.save_button)

        self.company.textEdited.connect(self.update_suggestions)
        self.completer.activated[str].connect(self.choose_company)
        self.save_button.clicked.connect(self.save_and_next)
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.save_and_next)
        self.count = 0

    # ------------------------------------------------------------ company

    def update_suggestions(self, text: str) -> None:
        self.company_id = None
        self.contacts.clear()
        with self.db.session(readonly=True) as s:
            found = self.searcher.search(s, text)
        self._choices = {self._label(c): c for c in found}
        self._suggestions.setStringList(list(self._choices))
        if len(found) == 1 and found[0].name == text.strip():
            self.choose_company(self._label(found[0]))

    def prime_search(self) -> None:
        """On a big database, load every company's search key off the GUI thread, so
        that no keystroke has to scan the table (``CompanySearch.prime``)."""
        db, searcher = self.db, self.searcher
        generation = searcher.generation

        def work() -> SearchIndex | None:
            with db.session(readonly=True) as s:
                if count_companies(s, CompanyFilter()) <= PRIME_ABOVE:
                    return None  # small: each query is quick anyway
                rows = company_search_index(s)
            return SearchIndex.of(rows)  # joined here, off the GUI thread

        run_in_background(
            work,
            on_result=lambda index: searcher.prime(index, generation),
            # searching by query still works; note why the index is missing
            on_error=lambda exc: _log.warning("company search index not loaded", exc_info=exc),
        )

    def _on_changed(self, what: str) -> None:
        if Hub.concerns(what, Hub.COMPANIES):
            self.searcher.reset()  # a company was added, renamed or merged
            self.prime_search()

    @staticmethod
    def _label(c: CompanyChoice) -> str:
        return f"{c.name}（{c.city}）" if c.city else c.name

    def choose_company(self, label: str) -> None:
        choice = self._choices.get(label)
        if choice is None:
            return
        self.company_id = choice.id
        self.company.setText(choice.name)
        self.contacts.clear()
        with self.db.session(readonly=True) as s:
            people = list_contacts(s, choice.id)
        for person in people:
            item = QListWidgetItem(f"{person.name} {person.title}".strip(), self.contacts)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    # ------------------------------------------------------------ saving

    def to_input(self) -> VisitInput:
        on = self.date.date().toPython()
        days = self.follow_days.value()
        contact_ids = [
            self.contacts.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.contacts.count())
            if self.contacts.item(i).checkState() == Qt.CheckState.Checked
        ]
        return VisitInput(
            company_id=self.company_id,
            visited_on=on,
            trip_id=self.trip_id,
            contact_ids=contact_ids,
            content=self.summary.toPlainText(),
            interest_level=self.interest.currentData(),
            next_step=self.next_step.text(),
            follow_up_on=on + dt.timedelta(days=days) if days else None,
        )

    def save_and_next(self) -> bool:
        data = self.to_input()
        if data.company_id is None and self.company.text().strip():
            self.error.setText(self.tr("请从下拉列表中选择企业（可先在“客商”中新建）"))
            return False
        try:
            with self.db.session() as s:
                visit = create_visit(s, data, self.actor)
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            return False
        self.count += 1
        self.hub.announce(Hub.TRIPS)
        self.saved.emit(visit.id)
        self.status.setText(
            self.tr("已保存：%1（本次共 %2 条）")
            .replace("%1", visit.company_name)
            .replace("%2", str(self.count))
        )
        self.error.clear()
        self.company.clear()
        self.company_id = None
        self.contacts.clear()
        self.summary.clear()
        self.interest.setCurrentIndex(0)
        self.next_step.clear()
        self.follow_days.setValue(0)
        self.company.setFocus()
        return True
