"""The project detail form (``forms/project_form.ui``): create or edit one project.

The widget state becomes a ``ProjectInput`` (``gather``) that ``services.projects`` checks
(``check_project_input``, live) and saves (``create_project`` / ``update_project`` with the
``updated_at`` the form loaded). Amount fields show their parsed value next to them; each
field's error message stands next to it; Save is disabled while anything is invalid;
closing with unsaved changes asks first. Stage actions (推进 / 更正 / 终止) go through
``ProjectStageDialog`` and ``apply_stage_change``.

The 投资记录 tab lists the funds in place and, for key projects, the yearly plan and the
monthly completed investment (``ui.models.project_investment``), with cumulative totals
and % of plan above them. 添加/修改 open ``InvestmentRecordDialog`` (which saves through
``services.investments``); 删除 asks, then soft-deletes. Each committed record change
reloads the tab and announces ``projects`` once; the form's own unsaved fields are kept.

Signals:
    saved(str): the project id, after a save or a stage change was committed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QWidget,
)

from jianan_desk.domain.project_fields import FAMILY_LABELS, FIELD_LABELS, FieldError, parse_field
from jianan_desk.domain.stages import Stage
from jianan_desk.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from jianan_desk.services.investments import (
    delete_funds,
    delete_key_plan,
    delete_monthly_investment,
)
from jianan_desk.services.project_query import ReferenceChoices, reference_choices
from jianan_desk.services.projects import (
    ProjectDetail,
    ProjectInput,
    check_project_input,
    create_project,
    find_companies,
    get_project_detail,
    update_project,
)
from jianan_desk.store.engine import Database
from jianan_desk.store.errors import StoreError
from jianan_desk.ui.dialogs.investment_record import (
    FUNDS,
    MONTH,
    PLAN,
    InvestmentRecordDialog,
    RecordDefaults,
    funds_defaults,
)
from jianan_desk.ui.dialogs.project_stage import (
    ADVANCE,
    CORRECT,
    DROP,
    ProjectStageDialog,
    StageChangeRequest,
    apply_stage_change,
)
from jianan_desk.ui.forms.ui_project_form import Ui_ProjectFormDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.project_investment import (
    FundsModel,
    MonthlyModel,
    PlanModel,
    percent_text,
)
from jianan_desk.ui.models.project_table import yi_text
from jianan_desk.ui.models.project_timeline import ProjectTimelineModel
from jianan_desk.ui.models.roles import ENTITY_ROLE

TEXT_FIELDS = ("name", "code", "location")
COMBO_FIELDS = ("industry_node_id", "chain_link_id", "field_id", "unit_id", "task_force_id")
AMOUNT_FIELDS = (
    "total_investment_wan",
    "fixed_asset_investment_wan",
    "foreign_investment_usd_wan",
    "land_mu",
    "expected_revenue_wan",
    "expected_tax_wan",
    "jobs",
)
LONG_FIELDS = ("construction_content", "contract_notes", "notes")
NOTE_OF = {"company_id": "company", "new_company_name": "company"}
FIELD_LABELS_EXTRA = {"company": "投资方"}
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def parsed_text(field: str, value: Any) -> str:
    """What an amount field's parsed value is shown as ("= 5.00 亿元"); "" for empty."""
    if value is None:
        return ""
    if field == "foreign_investment_usd_wan":
        return f"= {_plain(value)} 万美元"
    if field == "land_mu":
        return f"= {_plain(value)} 亩"
    if field == "jobs":
        return f"= {value} 人"
    return f"= {yi_text(value)} 亿元（{_plain(value)} 万元）"


class ProjectFormDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        project_id: str | None = None,
        *,
        choices: ReferenceChoices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ProjectFormDialog()
        self.ui.setupUi(self)
        self.db, self.hub, self.actor = db, hub, actor
        self.project_id = project_id
        self.detail: ProjectDetail | None = None
        self.errors: dict[str, str] = {}
        self._loading = True
        self._company_id: str | None = None
        self._company_name = ""
        if choices is None:
            with db.session(readonly=True) as s:
                choices = reference_choices(s)
        self.choices = choices
        self.timeline = ProjectTimelineModel(self)
        self.ui.timelineView.setModel(self.timeline)
        self.ui.timelineView.verticalHeader().hide()
        self.ui.timelineView.horizontalHeader().setStretchLastSection(True)
        self.ui.timelineView.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.ui.timelineView.setAlternatingRowColors(True)
        self._setup_investment()
        self.ui.titleLabel.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.ui.stageBadge.setStyleSheet(
            "padding: 3px 10px; border-radius: 10px; background: #e3eefc; color: #1a4f8b;"
        )
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._fill_choices()
        self._check_timer = QTimer(self, singleShot=True, interval=150)
        self._check_timer.timeout.connect(self.validate)
        self._companies = QStringListModel(self)
        completer = QCompleter(self._companies, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.company_edit.setCompleter(completer)
        self.ui.company_edit.setPlaceholderText(self.tr("输入企业名称：选择已有企业，或新建"))
        self.ui.advanceButton.clicked.connect(lambda: self.ask_stage_change(ADVANCE))
        self.ui.correctButton.clicked.connect(lambda: self.ask_stage_change(CORRECT))
        self.ui.dropButton.clicked.connect(lambda: self.ask_stage_change(DROP))
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._save_shortcut)
        self._connect_edits()
        if project_id is not None:
            self.reload_detail(reset_fields=True)
        else:
            self.setWindowTitle(self.tr("新建项目"))
            self.ui.titleLabel.setText(self.tr("新建项目"))
            self.ui.stageBadge.setText(Stage.LEAD.label)
            self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.stageTab), False)
            self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.investmentTab), False)
        self._loading = False
        self._snapshot = self._state()
        self.resize(820, 600)
        self.validate()

    # ------------------------------------------------------------ widgets

    def edit(self, field: str) -> Any:
        return getattr(self.ui, f"{field}_edit")

    def note(self, field: str) -> QLabel:
        return getattr(self.ui, f"{field}_note")

    def _fill_choices(self) -> None:
        ui, c = self.ui, self.choices
        for key, label in FAMILY_LABELS.items():
            ui.family_edit.addItem(label, key)
        none = self.tr("（未填）")
        ui.industry_node_id_edit.addItem(none, None)
        for group in c.nodes:
            for industry in group.children:
                ui.industry_node_id_edit.addItem(f"{group.name} · {industry.name}", industry.id)
        self._fill_links()
        for combo, items in (
            (ui.field_id_edit, c.fields),
            (ui.unit_id_edit, c.units),
            (ui.task_force_id_edit, c.task_forces),
        ):
            combo.addItem(none, None)
            for item in items:
                combo.addItem(item.name + (self.tr("（已停用）") if item.retired else ""), item.id)
        ui.leader_in_charge_edit.addItem("")
        ui.leader_in_charge_edit.addItems(list(c.leaders))
        ui.industry_node_id_edit.currentIndexChanged.connect(self._fill_links)

    def _fill_links(self) -> None:
        combo = self.ui.chain_link_id_edit
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("（未填）"), None)
        industry = self.ui.industry_node_id_edit.currentData()
        for group in self.choices.nodes:
            for node in group.children:
                if node.id == industry:
                    for link in node.children:
                        combo.addItem(link.name, link.id)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
        combo.blockSignals(False)

    def _connect_edits(self) -> None:
        for field in (*TEXT_FIELDS, *AMOUNT_FIELDS, "company"):
            self.edit(field).textChanged.connect(self._changed)
        for field in (*COMBO_FIELDS, "family"):
            self.edit(field).currentIndexChanged.connect(self._changed)
        self.ui.leader_in_charge_edit.currentTextChanged.connect(self._changed)
        for field in LONG_FIELDS:
            self.edit(field).textChanged.connect(self._changed)
        self.ui.company_edit.textEdited.connect(self._suggest_companies)

    def _set_combo(self, combo: QComboBox, value: Any) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _load_fields(self, d: ProjectDetail) -> None:
        data = d.to_input()
        for field in TEXT_FIELDS:
            self.edit(field).setText(_plain(getattr(data, field)))
        self._set_combo(self.ui.family_edit, data.family)
        self._set_combo(self.ui.industry_node_id_edit, data.industry_node_id)
        self._fill_links()
        for field in COMBO_FIELDS:
            self._set_combo(self.edit(field), getattr(data, field))
        self.ui.leader_in_charge_edit.setCurrentText(data.leader_in_charge)
        for field in AMOUNT_FIELDS:
            self.edit(field).setText(_plain(getattr(data, field)))
        for field in LONG_FIELDS:
            self.edit(field).setPlainText(getattr(data, field))
        self._company_id, self._company_name = d.company_id, d.company_name
        self.ui.company_edit.setText(d.company_name)

    def reload_detail(self, *, reset_fields: bool = False) -> None:
        assert self.project_id is not None
        with self.db.session(readonly=True) as s:
            d = get_project_detail(s, self.project_id)
        self.detail = d
        if reset_fields:
            loading, self._loading = self._loading, True
            self._load_fields(d)
            self._loading = loading
        self.setWindowTitle(self.tr("项目：{0}").format(d.name))
        self.ui.titleLabel.setText(d.name)
        since = f" · {d.stage_on.isoformat()}" if d.stage_on else ""
        self.ui.stageBadge.setText(d.stage_label + since)
        self.ui.stageLabel.setText(self.tr("当前阶段：{0}{1}").format(d.stage_label, since))
        self.timeline.set_entries(d.timeline)
        opts = d.stage_options
        self.ui.advanceButton.setEnabled(bool(opts.advance_to))
        self.ui.correctButton.setEnabled(bool(opts.correct_to))
        self.ui.dropButton.setEnabled(opts.can_drop)
        self._show_investment(d)

    # ------------------------------------------------------------ investment records

    def _setup_investment(self) -> None:
        ui = self.ui
        self.funds_model = FundsModel(self)
        self.plan_model = PlanModel(self)
        self.month_model = MonthlyModel(self)
        for view, model in (
            (ui.fundsView, self.funds_model),
            (ui.planView, self.plan_model),
            (ui.monthView, self.month_model),
        ):
            view.setModel(model)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            view.selectionModel().selectionChanged.connect(self._update_record_buttons)
        # the two narrow tables share their width out rather than scroll sideways
        ui.planView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.planView.horizontalHeader().setMinimumSectionSize(48)
        for view in (ui.planView, ui.monthView):  # a stretched last section would overflow
            view.horizontalHeader().setStretchLastSection(False)
        ui.monthView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.keyGroupLayout.setStretch(0, 5)  # the plan table (4 columns) wider than months
        ui.keyGroupLayout.setStretch(2, 3)
        ui.fundsView.doubleClicked.connect(lambda _i: self.edit_record(FUNDS))
        ui.planView.doubleClicked.connect(lambda _i: self.edit_record(PLAN))
        ui.monthView.doubleClicked.connect(lambda _i: self.edit_record(MONTH))
        for kind, add, edit, delete in (
            (FUNDS, ui.addFundsButton, ui.editFundsButton, ui.deleteFundsButton),
            (PLAN, ui.addPlanButton, ui.editPlanButton, ui.deletePlanButton),
            (MONTH, ui.addMonthButton, ui.editMonthButton, ui.deleteMonthButton),
        ):
            add.clicked.connect(lambda _=False, k=kind: self.add_record(k))
            edit.clicked.connect(lambda _=False, k=kind: self.edit_record(k))
            delete.clicked.connect(lambda _=False, k=kind: self.delete_record(k))
            view = self._view(kind)
            for key, slot in (
                (QKeySequence.StandardKey.Delete, lambda k=kind: self.delete_record(k)),
                (QKeySequence(Qt.Key.Key_Return), lambda k=kind: self.edit_record(k)),
                (QKeySequence(Qt.Key.Key_Insert), lambda k=kind: self.add_record(k)),
            ):
                QShortcut(key, view, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)
            add.setToolTip(add.toolTip() + self.tr("（Insert）"))
            delete.setToolTip(delete.toolTip() + self.tr("（Delete）"))
        self._update_record_buttons()

    def _view(self, kind: str) -> Any:
        return {FUNDS: self.ui.fundsView, PLAN: self.ui.planView, MONTH: self.ui.monthView}[kind]

    def selected_record(self, kind: str) -> Any:
        """The key of the selected row of ``kind``'s table (funds id, year, (year, month))."""
        index = self._view(kind).currentIndex()
        selected = self._view(kind).selectionModel().hasSelection()
        return index.data(ENTITY_ROLE) if index.isValid() and selected else None

    def _update_record_buttons(self, *_: Any) -> None:
        ui = self.ui
        for kind, edit, delete in (
            (FUNDS, ui.editFundsButton, ui.deleteFundsButton),
            (PLAN, ui.editPlanButton, ui.deletePlanButton),
            (MONTH, ui.editMonthButton, ui.deleteMonthButton),
        ):
            on = self.selected_record(kind) is not None
            edit.setEnabled(on)
            delete.setEnabled(on)

    def _show_investment(self, d: ProjectDetail) -> None:
        inv = d.investment
        this_year = max((y.year for y in inv.years), default=None)
        lines = [
            self.tr("<b>累计到位资金</b>：{0} 亿元（其中外资 {1} 万美元）").format(
                yi_text(inv.funds_total_wan), _plain(inv.fdi_total_usd_wan)
            )
            + "　"
            + self.tr("<b>签约投资额</b>：{0}").format(
                yi_text(inv.signed_investment_wan) + self.tr(" 亿元")
                if inv.signed_investment_wan is not None
                else self.tr("未签约")
            )
            + "　"
            + self.tr("<b>资金到位率</b>：{0}").format(percent_text(inv.funds_rate)),
            self.tr("<b>累计完成投资</b>：{0} 亿元").format(yi_text(inv.completed_total_wan)),
        ]
        for y in inv.years:
            if y.year != this_year:
                continue
            plan = (
                yi_text(y.planned_wan) + self.tr(" 亿元")
                if y.planned_wan is not None
                else self.tr("未列计划")
            )
            lines[-1] += "　" + self.tr(
                "<b>{0} 年</b>：计划 {1}，完成 {2} 亿元，占计划 {3}"
            ).format(y.year, plan, yi_text(y.completed_wan), percent_text(y.completion_rate))
        self.ui.investmentSummary.setText("<br>".join(lines))
        self.funds_model.set_records(inv.funds)
        self.plan_model.set_years(inv.years)
        self.month_model.set_years(inv.years)
        key = d.family == "key" or bool(inv.years)
        self.ui.keyGroup.setVisible(key)
        self._update_record_buttons()

    def make_record_dialog(self, kind: str, key: Any = None) -> InvestmentRecordDialog:
        """The dialog adding (``key`` None) or editing the record ``key`` of ``kind``."""
        assert self.project_id is not None and self.detail is not None
        inv = self.detail.investment
        funds_id = None
        defaults = None
        if kind == FUNDS and key is not None:
            record = next(f for f in inv.funds if f.id == key)
            funds_id, defaults = record.id, funds_defaults(record)
        elif kind == PLAN and key is not None:
            y = next(y for y in inv.years if y.year == key)
            defaults = RecordDefaults(
                year=y.year,
                amount_wan=y.planned_wan,
                is_new_start=y.is_new_start,
                planned_start_month=y.planned_start_month,
            )
        elif kind == MONTH and key is not None:
            year, month = key
            y = next(y for y in inv.years if y.year == year)
            defaults = RecordDefaults(year=year, month=month, amount_wan=y.months[month])
        elif kind == MONTH and self.month_model.rowCount():  # next month after the latest
            year, month = self.month_model.index(0, 0).data(ENTITY_ROLE)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            defaults = RecordDefaults(year=year, month=month)
        return InvestmentRecordDialog(
            self.db,
            self.actor,
            self.project_id,
            kind,
            project_name=self.detail.name,
            funds_id=funds_id,
            defaults=defaults,
            editing=key is not None,
            parent=self,
        )

    def add_record(self, kind: str) -> None:
        self._run_record_dialog(self.make_record_dialog(kind))

    def edit_record(self, kind: str) -> None:
        key = self.selected_record(kind)
        if key is not None:
            self._run_record_dialog(self.make_record_dialog(kind, key))

    def _run_record_dialog(self, dialog: InvestmentRecordDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_changed(self.tr("已保存{0}").format(dialog.windowTitle()[2:]))
        dialog.deleteLater()

    def record_changed(self, message: str) -> None:
        """After a committed record change: reload the tab, say so, announce it once."""
        assert self.project_id is not None
        self.reload_detail()
        self.ui.investmentMessage.setText(message)
        self.ui.investmentMessage.setStyleSheet(OK_STYLE)
        self.hub.announce(Hub.PROJECTS)
        self.saved.emit(self.project_id)

    def delete_record(self, kind: str, *, confirm: bool = True) -> bool:
        """Soft-delete the selected record of ``kind`` (after asking). True if deleted."""
        key = self.selected_record(kind)
        if key is None or self.project_id is None:
            return False
        what = {
            FUNDS: self.tr("这条到位资金记录"),
            PLAN: self.tr("{0} 年的年度计划").format(key),
            MONTH: self.tr("{0} 年 {1} 月的完成投资").format(*key) if kind == MONTH else "",
        }[kind]
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("删除记录"),
                self.tr("确定删除{0}吗？删除会记入修改记录。").format(what),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            with self.db.session() as s:
                if kind == FUNDS:
                    delete_funds(s, key, self.actor)
                elif kind == PLAN:
                    delete_key_plan(s, self.project_id, key, self.actor)
                else:
                    delete_monthly_investment(s, self.project_id, key[0], key[1], self.actor)
        except (NotFoundError, ValidationError) as exc:
            text = "；".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            self.ui.investmentMessage.setText(text)
            self.ui.investmentMessage.setStyleSheet(ERROR_STYLE)
            return False
        self.record_changed(self.tr("已删除{0}").format(what))
        return True

    def _suggest_companies(self, text: str) -> None:
        if len(text.strip()) < 1:
            return
        with self.db.session(readonly=True) as s:
            found = find_companies(s, text, limit=20)
        self._companies.setStringList([c.name for c in found])

    # ------------------------------------------------------------ state

    def _state(self) -> tuple[Any, ...]:
        return tuple(
            [self.edit(f).text() for f in (*TEXT_FIELDS, *AMOUNT_FIELDS, "company")]
            + [self.edit(f).currentData() for f in (*COMBO_FIELDS, "family")]
            + [self.ui.leader_in_charge_edit.currentText()]
            + [self.edit(f).toPlainText() for f in LONG_FIELDS]
        )

    def is_dirty(self) -> bool:
        return self._state() != self._snapshot

    def _changed(self, *_: Any) -> None:
        if not self._loading:
            self._check_timer.start()

    def gather(self) -> ProjectInput:
        """The widget state as the service's input."""
        data = ProjectInput(
            name=self.ui.name_edit.text(),
            family=self.ui.family_edit.currentData() or "attraction",
            code=self.ui.code_edit.text(),
            location=self.ui.location_edit.text(),
            leader_in_charge=self.ui.leader_in_charge_edit.currentText(),
        )
        for field in COMBO_FIELDS:
            setattr(data, field, self.edit(field).currentData())
        for field in AMOUNT_FIELDS:
            text = self.edit(field).text().strip()
            setattr(data, field, text or None)
        for field in LONG_FIELDS:
            setattr(data, field, self.edit(field).toPlainText())
        company = self.ui.company_edit.text().strip()
        if company and company == self._company_name and self._company_id:
            data.company_id = self._company_id
        elif company:
            data.new_company_name = company  # the service reuses a company of that name
        return data

    def validate(self) -> dict[str, str]:
        """Check every field (parsers, then the service's rules); show the messages."""
        self._check_timer.stop()
        errors: dict[str, str] = {}
        parsed: dict[str, Any] = {}
        for field in AMOUNT_FIELDS:
            try:
                parsed[field] = parse_field(field, self.edit(field).text().strip() or None)
            except FieldError as exc:
                errors[field] = str(exc)
        data = self.gather()
        with self.db.session(readonly=True) as s:
            for key, message in check_project_input(s, data, self.project_id).items():
                errors.setdefault(NOTE_OF.get(key, key), message)
        self.errors = errors
        for field in (*TEXT_FIELDS, *COMBO_FIELDS, *AMOUNT_FIELDS, *LONG_FIELDS, "family"):
            self._show_note(field, errors.get(field), parsed.get(field))
        self._show_note("leader_in_charge", errors.get("leader_in_charge"), None)
        company = self.ui.company_edit.text().strip()
        hint = ""
        if company and not (company == self._company_name and self._company_id):
            hint = self.tr("将使用同名企业，或新建该企业")
        self._show_note("company", errors.get("company"), None, hint)
        self._update_buttons()
        return errors

    def _show_note(self, field: str, error: str | None, value: Any, hint: str = "") -> None:
        label = self.note(field)
        if error:
            label.setText(error)
            label.setStyleSheet(ERROR_STYLE)
        else:
            label.setText(parsed_text(field, value) if field in AMOUNT_FIELDS else hint)
            label.setStyleSheet(OK_STYLE if field in AMOUNT_FIELDS else "color: palette(mid);")

    def _update_buttons(self) -> None:
        ok = not self.errors and (self.project_id is None or self.is_dirty())
        self.save_button.setEnabled(ok)
        count = len(self.errors)
        labels = [FIELD_LABELS.get(k, FIELD_LABELS_EXTRA.get(k, k)) for k in self.errors]
        self.ui.statusLabel.setText(
            self.tr("有 {0} 处需要修改：{1}").format(count, "、".join(labels)) if count else ""
        )
        for tab, title, fields in (
            (
                self.ui.basicTab,
                self.tr("基本信息"),
                (*TEXT_FIELDS, *COMBO_FIELDS, "family", "company", "leader_in_charge"),
            ),
            (self.ui.moneyTab, self.tr("投资与效益"), AMOUNT_FIELDS),
            (self.ui.textTab, self.tr("建设内容与备注"), LONG_FIELDS),
        ):
            bad = any(f in self.errors for f in fields)
            self.ui.tabs.setTabText(self.ui.tabs.indexOf(tab), f"{title}（！）" if bad else title)
        self.ui.statusLabel.setStyleSheet(ERROR_STYLE)

    # ------------------------------------------------------------ save and close

    def _save_shortcut(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def save(self) -> bool:
        """Save through the service; True when saved (the dialog then closes)."""
        try:
            if self.validate():
                return False
            data = self.gather()
            with self.db.session() as s:
                if self.project_id is None:
                    d = create_project(s, data, self.actor)
                else:
                    assert self.detail is not None
                    d = update_project(
                        s,
                        self.project_id,
                        data,
                        self.actor,
                        expected_updated_at=self.detail.updated_at,
                        expected_version=self.detail.version,
                    )
        except ValidationError as exc:
            for key, message in exc.errors.items():
                self.errors[NOTE_OF.get(key, key)] = message
                if hasattr(self.ui, f"{NOTE_OF.get(key, key)}_note"):
                    self._show_note(NOTE_OF.get(key, key), message, None)
            self._update_buttons()
            return False
        except (ConcurrentEditError, NotFoundError, StoreError) as exc:
            # Another user's edit came first, or the server is unreachable: the form stays
            # open with what the user typed; saving again works once the server is back.
            QMessageBox.warning(self, self.tr("无法保存"), str(exc))
            return False
        self.project_id = d.id
        self._snapshot = self._state()
        self.hub.announce(Hub.PROJECTS)
        self.saved.emit(d.id)
        self.accept()
        return True

    def _confirm_discard(self) -> bool:
        """True if the dialog may close (nothing unsaved, saved now, or discarded)."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("未保存的修改"),
            self.tr("项目信息有未保存的修改，是否保存？"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self._confirm_discard():
            self._snapshot = self._state()
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.isVisible() or self._confirm_discard():
            self._snapshot = self._state()
            event.accept()
        else:
            event.ignore()

    # ------------------------------------------------------------ stage actions

    def ask_stage_change(self, kind: str) -> None:
        if self.detail is None:
            return
        opts = self.detail.stage_options
        stages = {ADVANCE: opts.advance_to, CORRECT: opts.correct_to, DROP: ()}[kind]
        dialog = ProjectStageDialog(
            kind, self.detail.name, tuple(stages), earliest=opts.earliest_on, parent=self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_stage_change(dialog.request())

    def apply_stage_change(self, request: StageChangeRequest) -> bool:
        """Apply a stage change; show its messages (or the rule it broke). True if done."""
        assert self.project_id is not None
        try:
            result = apply_stage_change(self.db, self.project_id, request, self.actor)
        except (ValidationError, NotFoundError) as exc:
            message = (
                "；".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            )
            self.ui.stageMessage.setText(message)
            self.ui.stageMessage.setStyleSheet(ERROR_STYLE)
            return False
        text = self.tr("已{0}：{1}").format(
            {ADVANCE: "推进至", CORRECT: "更正为", DROP: "终止，阶段"}[request.kind],
            result.stage_label,
        )
        self.ui.stageMessage.setText("\n".join((text, *result.messages)))
        self.ui.stageMessage.setStyleSheet(OK_STYLE)
        self.reload_detail()
        self.hub.announce(Hub.PROJECTS)
        self.saved.emit(self.project_id)
        return True


__all__ = ["ProjectFormDialog", "parsed_text"]
