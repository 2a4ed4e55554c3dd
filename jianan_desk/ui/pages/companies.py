"""The 客商 page: the company list with search (pinyin too) and filters, new/edit forms.

Filters: text (name, city, code; pinyin and initials), city, local/target, "last contact
older than N days". The list is ``CompaniesTableModel`` (lazy, sorted in SQL). Each
keystroke filters at once, without a debounce delay: the model supersedes (cancels) the
search of the previous keystroke and answers from its in-memory index. Double
click or Enter opens the company form; "新建企业" opens an empty one (with the duplicate
warning). Select two rows (Ctrl+click) and "合并…" (Ctrl+M) opens the merge dialog; a
company form showing likely duplicates offers the same. Reloads itself when the hub
announces companies (or trips: last contact).
"""

from __future__ import annotations

import getpass
import logging

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.services.companies import CompanyFilter, city_choices, get_company
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.ui.dialogs.company_form import HISTORY_TAB, CompanyDialog
from jianan_desk.ui.dialogs.company_merge import CompanyMergeDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.company_table import CompaniesTableModel
from jianan_desk.ui.operations import run_in_background
from jianan_desk.ui.pages.base import Page, PageContext
from jianan_desk.ui.widgets.view_notice import ViewNotice

_log = logging.getLogger(__name__)

KIND_ALL, KIND_LOCAL, KIND_TARGET = 0, 1, 2


class CompaniesPage(Page):
    page_id = "companies"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.actor = current_actor()
        self.model = CompaniesTableModel(context.db, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索企业名称、城市、信用代码（支持拼音、首字母）"))
        self.search.setClearButtonEnabled(True)
        self.city = QComboBox(self)
        self.kind = QComboBox(self)
        self.kind.addItems([self.tr("全部企业"), self.tr("本地企业"), self.tr("目标企业")])
        self.stale_days = QSpinBox(self)
        self.stale_days.setRange(0, 3650)
        self.stale_days.setSpecialValueText(self.tr("不限"))
        self.stale_days.setPrefix(self.tr("超过 "))
        self.stale_days.setSuffix(self.tr(" 天未联系"))
        self.new_button = QPushButton(self.tr("新建企业"), self)
        self.merge_button = QPushButton(self.tr("合并…"), self)
        self.merge_button.setToolTip(self.tr("按住 Ctrl 选中两家企业后合并（Ctrl+M）"))
        self.merge_button.setEnabled(False)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.no_rows = ViewNotice(self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CompaniesTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The name is what people read: it takes the spare width, the rest fit their text.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CompaniesTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CompaniesTableModel.USCC, 170),
            (CompaniesTableModel.CITY, 70),
            (CompaniesTableModel.INDUSTRY, 150),
            (CompaniesTableModel.KIND, 80),
            (CompaniesTableModel.LAST_VISIT, 100),
            (CompaniesTableModel.UPDATED_AT, 140),
        ):
            header.resizeSection(column, width)
        self.stale_days.setToolTip(self.tr("只看超过这么多天没有拜访或联系的企业；0 表示不限"))

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.city, 1)
        bar.addWidget(self.kind, 1)
        bar.addWidget(self.stale_days, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.search.textChanged.connect(self.apply_filter)
        self.city.currentIndexChanged.connect(self.apply_filter)
        self.kind.currentIndexChanged.connect(self.apply_filter)
        self.stale_days.valueChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_company)
        self.merge_button.clicked.connect(lambda: self.merge_selected())
        merge_key = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_M), self)
        merge_key.activated.connect(lambda: self.merge_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(
            lambda index: self.open_company(self.model.company_id(index.row()))
        )
        self.model.shown.connect(self._shown)
        self.model.loaded.connect(self._loaded)
        context.hub.changed.connect(self._on_changed)
        self._fill_cities()
        self.apply_filter()

    def _fill_cities(self) -> None:
        """The city choices, read off the GUI thread (a DISTINCT over every company)."""
        db = self.context.db

        def work() -> list[str]:
            with db.session(readonly=True) as s:
                return city_choices(s)

        run_in_background(work, on_result=self._set_cities, on_error=self._cities_failed)

    def _cities_failed(self, exc: BaseException) -> None:
        """The choices stay as they were (the list and its other filters still work); the
        reason is logged and shown on the box."""
        _log.warning("城市列表读取失败", exc_info=exc)
        if shiboken6.isValid(self):
            self.city.setToolTip(self.tr("城市列表读取失败：%1").replace("%1", str(exc)))

    def _set_cities(self, cities: list[str]) -> None:
        if not shiboken6.isValid(self):
            return
        self.city.setToolTip("")
        current = self.city.currentData()
        self.city.blockSignals(True)
        self.city.clear()
        self.city.addItem(self.tr("全部城市"), None)
        for c in cities:
            self.city.addItem(c, c)
        index = self.city.findData(current) if current else 0
        if index < 0:  # the chosen city has no company left: show it, still chosen
            self.city.addItem(current, current)
            index = self.city.count() - 1
        self.city.setCurrentIndex(max(index, 0))
        self.city.blockSignals(False)

    def current_filter(self) -> CompanyFilter:
        kind = self.kind.currentIndex()
        city = self.city.currentData()
        days = self.stale_days.value()
        return CompanyFilter(
            text=self.search.text(),
            cities=[city] if city else [],
            is_local=True if kind == KIND_LOCAL else None,
            is_target=True if kind == KIND_TARGET else None,
            last_contact_before_days=days or None,
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _shown(self, count: int) -> None:
        if self.model.counting:  # the first rows are in; more are being counted
            self.count_label.setText(self.tr("已显示前 %n 家，正在统计…", "", count))
        if count:
            self.no_rows.hide()
        elif self._no_criteria():
            self.no_rows.show_text(
                self.tr(
                    "还没有企业。\n点“新建企业”添加，"
                    "或从“文件 → 导入 Excel…”（Ctrl+I）导入客商名录。"
                )
            )
        else:
            self.no_rows.show_text(
                self.tr("没有符合条件的企业。\n可换个搜索词，或把城市、类别、未联系天数放宽。")
            )
        self._selection_changed()

    def _no_criteria(self) -> bool:
        f = self.current_filter()
        return not (
            f.text.strip()
            or f.cities
            or f.is_local is not None
            or f.is_target is not None
            or f.last_contact_before_days
        )

    def _loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("共 %n 家企业", "", count))
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.company_id(r) for r in rows if 0 <= r < self.model.rowCount()]

    def _selection_changed(self, *_args: object) -> None:
        self.merge_button.setEnabled(len(self.selected_ids()) == 2)

    def _on_changed(self, what: str) -> None:
        if Hub.concerns(what, Hub.COMPANIES, Hub.TRIPS):
            self._fill_cities()
            self.model.reload()

    def new_company(self) -> CompanyDialog:
        dialog = CompanyDialog(self.context.db, self.context.hub, self.actor, parent=self)
        dialog.open_existing.connect(self.open_company)
        dialog.open()
        return dialog

    def open_company(self, company_id: str) -> CompanyDialog | None:
        try:
            with self.context.db.session(readonly=True) as s:
                detail = get_company(s, company_id)
        except NotFoundError as exc:
            QMessageBox.information(self, self.tr("企业"), str(exc))
            return None
        dialog = CompanyDialog(self.context.db, self.context.hub, self.actor, detail, parent=self)
        dialog.merge_requested.connect(self.merge)
        dialog.open()
        return dialog

    def merge_selected(self) -> CompanyMergeDialog | None:
        ids = self.selected_ids()
        if len(ids) != 2:
            QMessageBox.information(
                self, self.tr("合并企业"), self.tr("请按住 Ctrl 在列表中选中要合并的两家企业")
            )
            return None
        return self.merge(ids[0], ids[1])

    def merge(self, first_id: str, second_id: str) -> CompanyMergeDialog | None:
        try:
            dialog = CompanyMergeDialog(
                self.context.db, self.context.hub, self.actor, first_id, second_id, parent=self
            )
        except (ValidationError, NotFoundError) as exc:
            text = "\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            QMessageBox.warning(self, self.tr("合并企业"), text)
            return None
        dialog.merged.connect(self._show_survivor)
        dialog.open()
        return dialog

    def _show_survivor(self, company_id: str) -> None:
        """After a merge: the survivor's form, on its history (the merge is the top line)."""
        dialog = self.open_company(company_id)
        if dialog is not None:
            dialog.ui.tabs.setCurrentIndex(HISTORY_TAB)


def current_actor() -> str:
    """Who makes changes: the OS login name (as the 项目库 page does; there is no user-name
    setting yet)."""
    try:
        return getpass.getuser() or "未知用户"
    except Exception:
        return "未知用户"
