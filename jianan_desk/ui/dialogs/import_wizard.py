"""The Excel import wizard (``forms/import_wizard.ui``): 文件 → 列对应 → 预览 → 导入.

1. choose the file, what it holds (项目 / 客商 / 拜访记录 / 年度目标) and, when the
   workbook has several, the sheet; the file is read off the GUI thread;
2. the header row's columns, each with the field it fills (recognised by header synonyms,
   or remembered from an earlier file with the same headers); unknown columns can be
   mapped by hand or left out;
   2b. (projects) industry names that match no 222 node exactly or normalised are asked
   about: one line per distinct name with its row count and a combo box of the nodes
   (the answer remembered from an earlier file, else the likely node, else 不指定);
   the answers are remembered after the import, like the column mapping;
3. the preview: every row with what will happen to it (新建 / 更新 / 无变化 / 错误) and
   why — the changes of an update, each error in Chinese; 跳过错误行 imports the rest;
4. the import runs off the GUI thread (``ui.operations``) in one transaction, with a
   progress bar; 取消 rolls it back so the database stays unchanged. A large import
   takes a backup first (``store.backup.auto_backup``). Afterwards the mapping is
   remembered and the hub announces ``Hub.ALL`` once.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHeaderView, QLabel, QWidget

from jianan_desk.excel.bulk import ImportCancelled
from jianan_desk.excel.columns import KINDS, ColumnMap, map_columns, remember_mapping
from jianan_desk.excel.imports import IMPORT_KINDS
from jianan_desk.excel.projects_import import (
    LARGE_IMPORT_ROWS,
    ImportFailed,
    ImportPlan,
    ImportResult,
    IndustryChoice,
    UnmatchedIndustry,
    industry_choices,
    industry_key,
    remember_industry_map,
    remembered_industry_map,
    unmatched_industries,
    write_error_workbook,
)
from jianan_desk.excel.reader import SpreadsheetError, Table, read_table
from jianan_desk.store.engine import Database
from jianan_desk.store.errors import StoreError
from jianan_desk.ui.forms.ui_import_wizard import Ui_ImportWizard
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.roles import ENTITY_ROLE, SORT_ROLE, AnyIndex
from jianan_desk.ui.operations import Operation, run_in_background

FILE, MAPPING, PREVIEW, RUN, INDUSTRY = range(5)  # stack order (INDUSTRY comes after MAPPING)
ACTION_LABELS = {"new": "新建", "update": "更新", "same": "无变化", "error": "错误"}
ACTION_COLOURS = {"new": "#1a7f37", "update": "#0b5cad", "same": "#6b7280", "error": "#c62828"}
FILE_FILTER = "表格文件 (*.xlsx *.xlsm *.xls *.ods *.csv);;所有文件 (*)"


class PreviewModel(QAbstractTableModel):
    """The planned rows: 行号, 结果, 名称, 投资方/企业, 说明 (changes, notes, errors)."""

    ROW, ACTION, NAME, OTHER, DETAILS = range(5)
    HEADERS = ("行号", "结果", "名称", "投资方/企业", "说明")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self._rows = list(plan.rows) if plan is not None else []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    @staticmethod
    def details(row: Any) -> str:
        parts = [f"错误：{e.column + '：' if e.column else ''}{e.reason}" for e in row.errors]
        parts += list(row.changes)
        parts += [f"注意：{n}" for n in row.notes]
        return "；".join(parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            if col == self.ROW:
                return row.row if role != Qt.ItemDataRole.DisplayRole else str(row.row)
            if col == self.ACTION:
                return ACTION_LABELS.get(row.action, row.action)
            if col == self.NAME:
                return row.name
            if col == self.OTHER:
                return row.investor
            return self.details(row)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.ACTION:
            return QBrush(QColor(ACTION_COLOURS.get(row.action, "#000000")))
        if role == ENTITY_ROLE:
            return row.row
        return None


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (queued)."""

    changed = Signal(int, int)


class ImportWizard(QDialog):
    """Signals:
    imported(str): the kind imported (projects, companies…), after the commit.
    """

    imported = Signal(str)

    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
        kind: str = "projects",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportWizard()
        self.ui.setupUi(self)
        self.db, self.hub, self.actor = db, hub, actor
        self.table: Table | None = None
        self.columns: ColumnMap | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.operation: Operation | None = None
        self.cancel_event = threading.Event()
        self._combos: dict[int, QComboBox] = {}
        # the asking step: None until answered for the current mapping
        self._industry_map: dict[str, str] | None = None
        self._industry_combos: dict[str, QComboBox] = {}
        self._choices: list[IndustryChoice] = []
        self._asked = False  # the industry page was shown for this plan
        self._running = False
        self._done = False
        self._path = Path()

        for key, entry in IMPORT_KINDS.items():
            self.ui.kindCombo.addItem(entry.title, key)
        self.ui.kindCombo.setCurrentIndex(max(0, list(IMPORT_KINDS).index(kind)))
        self.model = PreviewModel(self)
        self.ui.previewView.setModel(self.model)
        header = self.ui.previewView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 56), (1, 64), (2, 240), (3, 180)):
            self.ui.previewView.setColumnWidth(col, width)
        self.ui.previewView.verticalHeader().setVisible(False)
        self.ui.errorLabel.setStyleSheet("color: #c62828;")
        self.progress = _Progress(self)
        self.progress.changed.connect(self._on_progress)

        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.fileEdit.editingFinished.connect(self._file_typed)
        self.ui.sheetCombo.activated.connect(self._sheet_chosen)
        self.ui.nextButton.clicked.connect(self.next_step)
        self.ui.backButton.clicked.connect(self.previous_step)
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.ui.skipInvalidCheck.toggled.connect(self._update_next)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.browse)
        self._show_step(FILE)
        if path is not None:
            self.load_file(path)

    # ------------------------------------------------------------------ steps

    def step(self) -> int:
        return self.ui.steps.currentIndex()

    def _show_step(self, step: int) -> None:
        self.ui.steps.setCurrentIndex(step)
        titles = {
            FILE: self.tr("第 1 步，共 4 步：选择文件"),
            MAPPING: self.tr("第 2 步，共 4 步：核对列的含义"),
            INDUSTRY: self.tr("第 2 步（续）：为未识别的产业名称选择“222”节点"),
            PREVIEW: self.tr("第 3 步，共 4 步：预览导入结果"),
            RUN: self.tr("第 4 步，共 4 步：导入"),
        }
        self.ui.stepLabel.setText(f"<b>{titles[step]}</b>")
        self.ui.backButton.setEnabled(step in (MAPPING, INDUSTRY, PREVIEW) and not self._running)
        self.ui.nextButton.setVisible(step != RUN)
        self.ui.nextButton.setText(self.tr("导入") if step == PREVIEW else self.tr("下一步"))
        self._update_next()

    def _update_next(self) -> None:
        step = self.step()
        ok = not self._running
        if step == FILE:
            ok = ok and self.table is not None
        elif step == PREVIEW:
            plan = self.plan
            ok = ok and plan is not None and any(r.action in ("new", "update") for r in plan.rows)
            if plan is not None and plan.errors and not self.ui.skipInvalidCheck.isChecked():
                ok = False
        self.ui.nextButton.setEnabled(ok)

    def kind(self) -> str:
        return str(self.ui.kindCombo.currentData())

    @Slot()
    def next_step(self) -> None:
        self.ui.errorLabel.clear()
        step = self.step()
        if step == FILE:
            self.show_mapping()
        elif step == MAPPING:
            self._industry_map = None  # the mapping may have changed: ask again
            self.make_plan()
        elif step == INDUSTRY:
            self._industry_map = self.industry_answers()
            self.make_plan()
        elif step == PREVIEW:
            self.start_import()

    @Slot()
    def previous_step(self) -> None:
        self.ui.errorLabel.clear()
        step = self.step()
        if step == PREVIEW and self._asked:
            self._show_step(INDUSTRY)
        elif step == INDUSTRY:
            self._show_step(MAPPING)
        elif step in (MAPPING, PREVIEW):
            self._show_step(step - 1)

    # ------------------------------------------------------------------ 1: file

    @Slot()
    def browse(self) -> None:
        if self.step() != FILE or self._running:
            return
        start = self.ui.fileEdit.text() or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的表格"), start, self.tr(FILE_FILTER)
        )
        if name:
            self.load_file(Path(name))

    @Slot()
    def _file_typed(self) -> None:
        text = self.ui.fileEdit.text().strip()
        if text and (self.table is None or Path(text) != self._path):
            self.load_file(Path(text))

    @Slot(int)
    def _sheet_chosen(self, _index: int) -> None:
        sheet = self.ui.sheetCombo.currentText()
        if self.table is not None and sheet and sheet != self.table.sheet:
            self.load_file(self._path, sheet)

    def load_file(self, path: Path, sheet: str | None = None) -> Operation:
        """Read ``path`` (``sheet``: default the first with data) off the GUI thread."""
        self._path = path
        self.ui.fileEdit.setText(str(path))
        self.table = None
        self.ui.errorLabel.clear()
        self.ui.fileInfoLabel.setText(self.tr("正在读取 {0}…").format(path.name))
        self._set_running(True)
        self.operation = run_in_background(
            lambda: read_table(path, sheet), on_result=self._file_read, on_error=self._file_failed
        )
        return self.operation

    def _file_read(self, table: Table) -> None:
        self._set_running(False)
        self.table = table
        combo = self.ui.sheetCombo
        combo.clear()
        combo.addItems(list(table.sheet_names) or [table.sheet])
        combo.setCurrentText(table.sheet)
        several = len(table.sheet_names) > 1
        combo.setVisible(several)
        self.ui.sheetLabel.setVisible(several)
        self.ui.fileInfoLabel.setText(
            self.tr("工作表“{0}”：{1} 行。").format(table.sheet, len(table.rows))
            + (self.tr("本文件有 {0} 个工作表，请选择要导入的一个。").format(len(table.sheet_names))
               if several else "")
        )  # fmt: skip
        self._update_next()

    def _file_failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.ui.fileInfoLabel.clear()
        if isinstance(exc, SpreadsheetError | OSError):
            self.ui.errorLabel.setText(str(exc))
        else:
            raise exc
        self._update_next()

    # ------------------------------------------------------------------ 2: mapping

    def show_mapping(self) -> None:
        assert self.table is not None
        cmap = map_columns(self.table.rows, kind=self.kind())
        if cmap is None:
            key = KINDS[self.kind()].titles[KINDS[self.kind()].key]
            self.ui.errorLabel.setText(
                self.tr("在前 15 行中找不到表头：至少需要“{0}”和另一个可识别的列。"
                        "请检查“导入内容”是否选对。").format(key)
            )  # fmt: skip
            return
        self.columns = cmap
        form = self.ui.mappingForm
        while form.rowCount():
            form.removeRow(0)
        self._combos.clear()
        titles = KINDS[self.kind()].titles
        by_col = {c: f for f, c in cmap.fields.items()}
        unknown_cols = {c for c, _ in cmap.unknown}  # 序号 and the like are not "unknown"
        data_row = self.table.rows[cmap.header_row + 1] if cmap.header_row + 1 < len(
            self.table.rows) else []  # fmt: skip
        for col, header in enumerate(cmap.headers):
            if not header:
                continue
            combo = QComboBox(self.ui.mappingContents)
            combo.addItem(self.tr("（不导入）"), "")
            for f, title in titles.items():
                combo.addItem(title, f)
            combo.setCurrentIndex(max(0, combo.findData(by_col.get(col, ""))))
            sample = data_row[col] if col < len(data_row) else None
            label = QLabel(header, self.ui.mappingContents)
            if col in unknown_cols:
                label.setText(self.tr("{0}（未识别）").format(header))
                label.setStyleSheet("color: #b45309;")
            if sample not in (None, ""):
                combo.setToolTip(self.tr("第一行数据：{0}").format(sample))
            label.setBuddy(combo)
            form.addRow(label, combo)
            self._combos[col] = combo
        unknown = len(cmap.unknown)
        text = self.tr("表头在第 {0} 行。").format(cmap.header_row + 1)
        if cmap.remembered:
            text += self.tr("沿用上次为相同表头保存的对应关系。")
        if unknown:
            text += self.tr("有 {0} 列未识别：可在右侧选择它对应的字段，或保持“不导入”。").format(
                unknown
            )
        self.ui.mappingInfoLabel.setText(text)
        self._show_step(MAPPING)

    def overrides(self) -> dict[str, str]:
        """header text → field ("" = not imported), as chosen on the mapping step."""
        assert self.columns is not None
        return {
            self.columns.headers[col]: str(combo.currentData())
            for col, combo in self._combos.items()
        }

    def set_mapping(self, header: str, field: str) -> None:
        """Choose the field of the column headed ``header`` (for tests and shortcuts)."""
        assert self.columns is not None
        combo = self._combos[self.columns.headers.index(header)]
        combo.setCurrentIndex(combo.findData(field))

    # ------------------------------------------------------------------ 3: preview

    def make_plan(self) -> Operation:
        """Plan the import off the GUI thread; for projects whose industry names have not
        been answered yet, first look for names matching no node (→ the asking page)."""
        assert self.table is not None
        table, kind, overrides = self.table, self.kind(), self.overrides()
        db, answers = self.db, self._industry_map

        def work() -> ImportPlan | tuple[list[UnmatchedIndustry], list[IndustryChoice], dict]:
            with db.session(readonly=True) as session:
                extra: dict[str, Any] = {}
                if kind == "projects":
                    if answers is None:
                        unmatched = unmatched_industries(session, table, overrides=overrides)
                        if unmatched:
                            choices = industry_choices(session)
                            return unmatched, choices, remembered_industry_map(choices)
                    extra["industry_map"] = answers or {}
                plan = IMPORT_KINDS[kind].plan(session, table, overrides=overrides, **extra)
            plan.references = None  # plain data only across threads
            return plan

        label = self.ui.industryInfoLabel if self.step() == INDUSTRY else self.ui.mappingInfoLabel
        label.setText(self.tr("正在检查每一行…"))
        self._set_running(True)
        self.operation = run_in_background(
            work, on_result=self._planned, on_error=self._plan_failed
        )
        return self.operation

    # ------------------------------------------------------------------ 2b: industries

    def _ask_industries(
        self,
        unmatched: list[UnmatchedIndustry],
        choices: list[IndustryChoice],
        remembered: dict[str, str],
    ) -> None:
        """One line per unmatched name: 名称（N 行） → a combo of the 222 nodes."""
        self._choices = choices
        self._asked = True
        form = self.ui.industryForm
        while form.rowCount():
            form.removeRow(0)
        self._industry_combos.clear()
        guessed = 0
        for item in unmatched:
            combo = QComboBox(self.ui.industryContents)
            combo.addItem(self.tr("（不指定）"), "")
            for choice in choices:  # an industry, then its links as "发制品 › 假发成品"
                combo.addItem(choice.label, choice.id)
            chosen = remembered.get(industry_key(item.name))
            if chosen is None and item.guess is not None:
                chosen = item.guess.id
                guessed += 1
            combo.setCurrentIndex(max(0, combo.findData(chosen or "")))
            label = QLabel(self.tr("{0}（{1} 行）").format(item.name, item.rows))
            label.setParent(self.ui.industryContents)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self._industry_combos[item.name] = combo
        rows = sum(u.rows for u in unmatched)
        text = self.tr(
            "有 {0} 个产业名称（共 {1} 行）与“222”体系的产业或产业链环节都对不上。"
            "请为每个名称选择它对应的节点；“不指定”表示这些行不归入任何产业。"
        ).format(len(unmatched), rows)
        if guessed:
            text += self.tr("已为 {0} 个名称预选了最相近的节点，请核对。").format(guessed)
        self.ui.industryInfoLabel.setText(text)
        self._show_step(INDUSTRY)
        first = next(iter(self._industry_combos.values()), None)
        if first is not None:
            first.setFocus()

    def industry_answers(self) -> dict[str, str]:
        """name → node id ("" = 不指定), as chosen on the industry page."""
        return {name: str(c.currentData() or "") for name, c in self._industry_combos.items()}

    def set_industry(self, name: str, node_id: str) -> None:
        """Choose the node of the unmatched industry ``name`` (for tests and shortcuts)."""
        combo = self._industry_combos[name]
        combo.setCurrentIndex(combo.findData(node_id))

    def _planned(self, result: Any) -> None:
        self._set_running(False)
        if isinstance(result, tuple):
            self._ask_industries(*result)
            return
        if self.step() == MAPPING:
            self._asked = False  # every name matched: no industry page for this plan
        plan: ImportPlan = result
        self.plan = plan
        self.model.set_plan(plan)
        title = IMPORT_KINDS[self.kind()].title
        text = self.tr(
            "共 {0} 行{1}：新建 {2}，更新 {3}，无变化 {4}，错误 {5}。"
        ).format(len(plan.rows), title, plan.count("new"), plan.count("update"),
                 plan.count("same"), plan.count("error"))  # fmt: skip
        if plan.skipped:
            text += self.tr("已跳过合计/小计行 {0} 行。").format(len(plan.skipped))
        if plan.errors:
            text += self.tr(
                "有错误时默认不导入任何数据（全部或全不）：请改正后重新选择文件，或勾选下方选项。"
            )
        self.ui.summaryLabel.setText(text)
        self.ui.skipInvalidCheck.setEnabled(bool(plan.errors))
        self._show_step(PREVIEW)

    def _plan_failed(self, exc: BaseException) -> None:
        self._set_running(False)
        if isinstance(exc, ValueError | StoreError):
            self.ui.errorLabel.setText(str(exc))
        else:
            raise exc
        self._update_next()

    # ------------------------------------------------------------------ 4: import

    def start_import(self) -> Operation:
        assert self.plan is not None
        plan, kind, actor = self.plan, self.kind(), self.actor
        skip = self.ui.skipInvalidCheck.isChecked()
        db, cancelled, progress = self.db, self.cancel_event, self.progress
        self.cancel_event.clear()

        def work() -> ImportResult:
            backup = None
            if len(plan.rows) > LARGE_IMPORT_ROWS and db.path is not None and db.path.exists():
                from jianan_desk.store.backup import auto_backup

                backup = auto_backup(db.path, "import")
            with db.session() as session:
                result = IMPORT_KINDS[kind].apply(
                    session,
                    plan,
                    actor=actor,
                    skip_invalid=skip,
                    progress=progress.changed.emit,
                    cancelled=cancelled.is_set,
                )
            result.backup = backup
            return result

        self.ui.progressBar.setRange(0, 0)  # busy until the first chunk reports
        self.ui.runLabel.setText(self.tr("正在导入，请稍候…（可随时取消，取消后数据库不变）"))
        self._set_running(True)
        self._show_step(RUN)
        self.operation = run_in_background(
            work, on_result=self._imported, on_error=self._import_failed
        )
        return self.operation

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)

    def _finish(self) -> None:
        self._set_running(False)
        self._done = True
        self.ui.cancelButton.setEnabled(True)
        self.ui.cancelButton.setText(self.tr("关闭"))
        self.ui.backButton.setEnabled(False)

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self._finish()
        self.ui.progressBar.setRange(0, 1)
        self.ui.progressBar.setValue(1)
        assert self.plan is not None
        with contextlib.suppress(OSError):  # remembering is a convenience
            remember_mapping(self.plan.columns)
            if self._asked and self._industry_map and self.ui.rememberIndustryCheck.isChecked():
                remember_industry_map(self._industry_map, self._choices)
        entry = IMPORT_KINDS[self.kind()]
        text = self.tr("导入完成：新建 {0}，更新 {1}，无变化 {2}，跳过错误行 {3}。").format(
            result.created, result.updated, result.unchanged, result.rejected
        )
        if result.backup is not None:
            text += self.tr("导入前已备份：{0}").format(result.backup.name)
        if result.rejected:
            target = self._path.with_name(f"{self._path.stem}-错误行.xlsx")
            try:
                write_error_workbook(self.plan, target)
                text += self.tr("错误行已保存到 {0}。").format(target)
            except OSError as exc:
                text += self.tr("错误行未能保存：{0}").format(exc.strerror or exc)
        self.ui.runLabel.setText(text)
        self.hub.announce(Hub.ALL)
        self.imported.emit(entry.announce)

    def _import_failed(self, exc: BaseException) -> None:
        self._finish()
        self.ui.progressBar.setRange(0, 1)
        self.ui.progressBar.setValue(0)
        if isinstance(exc, ImportCancelled):
            self.ui.runLabel.setText(self.tr("导入已取消，数据库未作任何修改。"))
        elif isinstance(exc, ImportFailed):
            lines = [str(e) for e in exc.plan.errors[:20]]
            self.model.set_plan(exc.plan)
            self.ui.runLabel.setText(
                self.tr("写入时发现 {0} 处错误，未导入任何数据：\n{1}").format(
                    len(exc.plan.errors), "\n".join(lines)
                )
            )
        elif isinstance(exc, StoreError):
            self.ui.runLabel.setText(self.tr("导入失败，数据库未作任何修改：{0}").format(exc))
        else:
            self.ui.runLabel.setText(self.tr("导入失败，数据库未作任何修改。"))
            raise exc

    # ------------------------------------------------------------------ cancel / close

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (self.ui.browseButton, self.ui.kindCombo, self.ui.sheetCombo):
            widget.setEnabled(not running)
        self.ui.backButton.setEnabled(not running and self.step() in (MAPPING, INDUSTRY, PREVIEW))
        self._update_next()

    @Slot()
    def cancel(self) -> None:
        """取消: stop a running import (rolled back), or close the wizard."""
        if self.step() == RUN and self._running:
            self.cancel_event.set()
            self.ui.cancelButton.setEnabled(False)
            self.ui.runLabel.setText(self.tr("正在取消…"))
            return
        if self._done:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self._running and self.step() == RUN:
            self.cancel()  # Esc while importing cancels the import, not the window
            return
        super().reject()
