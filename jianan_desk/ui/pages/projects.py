"""The 项目库 page: the project list (or the kanban) of a filtered set, with its footer.

* list: ``ProjectsTableModel`` (lazy, sorted in SQL) in a ``QTableView``; columns shown,
  hidden and reordered from the header's context menu, remembered in the settings INI
  (``[projects]`` section, through ``QSettings``);
* footer: the filtered count and total investment; the list shows its first rows before
  they are counted, and says 正在统计… until the figures arrive (``ProjectsTableModel``);
* search box (debounced) and filters from the 筛选 menu, shown as removable chips; named
  filter sets saved and loaded from the 方案 menu (``services.project_query``); signing
  year, or a date range picked with calendar pop-ups (``SignedRangeDialog``); a newer
  filter or search cancels the queries of the older one (see ``ProjectsTableModel``);
* board: ``ProjectBoard`` over the same filter, built when first shown; 看板/列表 button
  or Ctrl+B. Only the view on screen queries: while the board is shown a filter reloads
  the board alone (its column totals fill the footer) and the list catches up when it is
  shown again, and the other way round;
* 新建项目 (Ctrl+N) and double-click / Enter on a row open ``ProjectFormDialog``.

Every query runs off the GUI thread (``run_in_background``) with its own read-only Session.
The page reloads when the hub announces ``projects`` (or ``all``/``reference``).

After the list's first rows the start-up heap (~100,000 tracked objects) is frozen
(``gc.freeze``, once per process): a full collection of it was the worst stall while
scrolling the 100,000-project list (300 ms on a loaded machine, measured with
``gc.callbacks``). What the list model caches afterwards (100,000 ids, 30 windows of rows)
is kept in plain tuples the collector stops tracking (see ``ProjectsTableModel``), so later
full collections stay short too; the benchmark (benchmarks/bench_projects_page.py)
reports GC pauses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from decimal import Decimal, InvalidOperation
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.domain.project_fields import FAMILY_LABELS
from jianan_desk.domain.stages import PIPELINE, Stage
from jianan_desk.paths import settings_path
from jianan_desk.services.project_query import (
    ProjectFilter,
    ReferenceChoices,
    SavedFilterSet,
    delete_saved_filter,
    reference_choices,
    save_filter,
    saved_filters,
)
from jianan_desk.ui.dialogs.project_form import ProjectFormDialog
from jianan_desk.ui.dialogs.project_stage import current_actor
from jianan_desk.ui.dialogs.signed_range import SignedRangeDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.project_table import (
    COLUMN_KEYS,
    COLUMNS,
    ENTITY_ROLE,
    ProjectsTableModel,
    yi_text,
)
from jianan_desk.ui.operations import run_in_background
from jianan_desk.ui.pages.base import Page, PageContext
from jianan_desk.ui.widgets.project_board import ProjectBoard
from jianan_desk.ui.widgets.project_chips import ChipBar
from jianan_desk.ui.widgets.view_notice import ViewNotice

SETTINGS_GROUP = "projects"
DEFAULT_COLUMNS = (
    "name",
    "family",
    "investor",
    "stage",
    "total_investment",
    "industry",
    "unit",
    "leader",
    "signed_on",
    "days_in_stage",
    "updated_at",
)
SEARCH_DELAY_MS = 150
MULTI = ("stages", "families", "node_ids", "field_ids", "unit_ids", "leaders", "task_force_ids")
LABELS = {
    "stages": "阶段",
    "families": "类别",
    "node_ids": "产业",
    "field_ids": "5122 领域",
    "unit_ids": "责任单位",
    "leaders": "分包领导",
    "task_force_ids": "专班",
}
NONE_KEY = "<none>"
_heap_frozen = False


def freeze_startup_heap() -> None:
    """Move every object alive now (modules, classes, Qt wrappers, SQLAlchemy metadata)
    out of the collector's reach, once per process: later collections scan only what was
    made since, so none of them stalls the GUI for long. ``gc.freeze`` only moves list
    heads (no collection first: that would be the very pause this avoids)."""
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.freeze()


def _wan_from_yi(text: str) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    try:
        return Decimal(text) * 10000
    except InvalidOperation:
        return None


class ProjectsPage(Page):
    page_id = "projects"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.actor = current_actor()
        self.choices: ReferenceChoices | None = None
        self.names: dict[str, str] = {}
        self._filter = ProjectFilter()
        self.model = ProjectsTableModel(context.db, self)
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.model.shown.connect(self._list_shown)
        self.model.loaded.connect(self._list_loaded)
        self.model.failed.connect(lambda m: self.show_message(m, True))
        context.hub.changed.connect(self._on_changed)
        self._restore_columns()
        self.model.reload()
        # the filter menus' choices: after the list's first rows, not competing with them
        self._choices_pending = True
        self.model.loaded.connect(self._load_choices_once)
        self.model.failed.connect(self._load_choices_once)
        self._board_stale = True
        self._list_stale = False  # a filter or change arrived while the board was shown
        self._heap_freeze_pending = True

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 10)
        layout.setSpacing(8)
        top = QHBoxLayout()
        title = QLabel(self.tr("项目库"), self)
        title.setObjectName("pageTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        top.addWidget(title)
        top.addSpacing(12)
        self.search = QLineEdit(self)
        self.search.setObjectName("projectSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索名称、投资方、地点、备注（支持拼音，如 sj）"))
        self.search.setMinimumWidth(320)
        top.addWidget(self.search, 1)
        self.filter_button = QPushButton(self)
        self.filter_button.setText(self.tr("筛选"))
        self.filter_menu = QMenu(self)
        self.filter_menu.aboutToShow.connect(self._build_filter_menu)
        self.filter_button.setMenu(self.filter_menu)
        top.addWidget(self.filter_button)
        self.saved_button = QPushButton(self)
        self.saved_button.setText(self.tr("筛选方案"))
        self.saved_menu = QMenu(self)
        self.saved_menu.aboutToShow.connect(self._build_saved_menu)
        self.saved_button.setMenu(self.saved_menu)
        top.addWidget(self.saved_button)
        self.view_button = QPushButton(self.tr("看板"), self)
        self.view_button.setToolTip(self.tr("在列表与看板之间切换（Ctrl+B）"))
        self.view_button.clicked.connect(self.toggle_view)
        top.addWidget(self.view_button)
        self.new_button = QPushButton(self.tr("新建项目"), self)
        self.new_button.setToolTip(self.tr("新建项目（Ctrl+N）"))
        self.new_button.setDefault(False)
        self.new_button.clicked.connect(lambda: self.open_form(None))
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.chips = ChipBar(self)
        self.chips.removed.connect(self.remove_criterion)
        layout.addWidget(self.chips)

        self.stack = QStackedWidget(self)
        self.table = QTableView(self)
        self.table.setObjectName("projectTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionMoved.connect(lambda *_: self._save_columns())
        header.sortIndicatorChanged.connect(lambda *_: self._save_columns())
        self.table.doubleClicked.connect(lambda index: self.open_form(index.data(ENTITY_ROLE)))
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.table,
            activated=self._open_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Enter),
            self.table,
            activated=self._open_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.stack.addWidget(self.table)
        self.no_rows = ViewNotice(self.table)
        self._board: ProjectBoard | None = None  # built when first shown (≈ 90 ms)
        layout.addWidget(self.stack, 1)

        footer = QHBoxLayout()
        self.totals = QLabel(self.tr("正在加载…"), self)
        self.totals.setObjectName("projectTotals")
        self.totals.setStyleSheet("font-weight: 600;")
        footer.addWidget(self.totals)
        footer.addSpacing(16)
        self.message = QLabel("", self)
        self.message.setObjectName("projectMessage")
        self.message.setWordWrap(False)
        footer.addWidget(self.message, 1)
        layout.addLayout(footer)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=lambda: self.open_form(None))
        QShortcut(QKeySequence("Ctrl+B"), self, activated=self.toggle_view)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)

    # ------------------------------------------------------------ columns

    def _qsettings(self) -> QSettings:
        return QSettings(str(settings_path()), QSettings.Format.IniFormat)

    def _restore_columns(self) -> None:
        s = self._qsettings()
        raw = s.value(f"{SETTINGS_GROUP}/columns", "")
        keys = [k for k in str(raw or "").split(",") if k in COLUMN_KEYS] or list(DEFAULT_COLUMNS)
        self.apply_columns(keys)
        sort = str(s.value(f"{SETTINGS_GROUP}/sort", "") or "")
        key, _, direction = sort.partition(" ")
        column = COLUMN_KEYS.index(key) if key in COLUMN_KEYS else COLUMN_KEYS.index("updated_at")
        order = Qt.SortOrder.AscendingOrder if direction == "asc" else Qt.SortOrder.DescendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        self.model._sort = COLUMN_KEYS[column]
        self.model._descending = order == Qt.SortOrder.DescendingOrder

    def apply_columns(self, keys: list[str]) -> None:
        """Show ``keys`` in this order; hide the other columns."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        for visual, key in enumerate(keys):
            logical = COLUMN_KEYS.index(key)
            header.moveSection(header.visualIndex(logical), visual)
        for logical, key in enumerate(COLUMN_KEYS):
            header.setSectionHidden(logical, key not in keys)
        header.blockSignals(False)
        widths = {"name": 260, "investor": 220, "industry": 150, "location": 160, "unit": 130}
        for logical, column in enumerate(COLUMNS):
            header.resizeSection(logical, widths.get(column.key, 100))
        header.resizeSection(COLUMN_KEYS.index("updated_at"), 140)
        header.resizeSection(COLUMN_KEYS.index("total_investment"), 120)

    def visible_columns(self) -> list[str]:
        header = self.table.horizontalHeader()
        out = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                out.append(COLUMN_KEYS[logical])
        return out

    def _save_columns(self) -> None:
        s = self._qsettings()
        s.setValue(f"{SETTINGS_GROUP}/columns", ",".join(self.visible_columns()))
        header = self.table.horizontalHeader()
        direction = "asc" if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else "desc"
        section = header.sortIndicatorSection()
        if 0 <= section < len(COLUMN_KEYS):
            s.setValue(f"{SETTINGS_GROUP}/sort", f"{COLUMN_KEYS[section]} {direction}")
        s.sync()

    def set_column_visible(self, key: str, visible: bool) -> None:
        header = self.table.horizontalHeader()
        logical = COLUMN_KEYS.index(key)
        if not visible and len(self.visible_columns()) <= 1:
            return
        header.setSectionHidden(logical, not visible)
        self._save_columns()

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        visible = set(self.visible_columns())
        for column in COLUMNS:
            action = menu.addAction(
                self.model.headerData(COLUMN_KEYS.index(column.key), Qt.Orientation.Horizontal)
            )
            action.setCheckable(True)
            action.setChecked(column.key in visible)
            action.toggled.connect(lambda on, k=column.key: self.set_column_visible(k, on))
        menu.addSeparator()
        reset = menu.addAction(self.tr("恢复默认列"))
        reset.triggered.connect(
            lambda: (self.apply_columns(list(DEFAULT_COLUMNS)), self._save_columns())
        )
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    # ------------------------------------------------------------ filter

    @property
    def filter(self) -> ProjectFilter:
        return self._filter

    def set_filter(self, f: ProjectFilter) -> None:
        """Show the projects ``f`` selects (in the list or the board, whichever is shown;
        the other follows when it is shown) and its chips."""
        self._filter = f
        if f.text != self.search.text():
            self.search.blockSignals(True)
            self.search.setText(f.text)
            self.search.blockSignals(False)
        self.totals.setText(self.tr("正在查询…"))
        if self.board_shown():
            self.board.set_filter(f)
            self._list_stale = True
        else:
            self.model.set_filter(f)
            self._board_stale = True
        self._show_chips()

    def _apply_search(self) -> None:
        text = self.search.text()
        if text != self.filter.text:
            self.set_filter(dataclasses.replace(self.filter, text=text))

    def _name(self, criterion: str, value: Any) -> str:
        if value is None:
            return self.tr("（未填）")
        if criterion == "stages":
            return Stage(value).label
        if criterion == "families":
            return FAMILY_LABELS.get(value, value)
        return self.names.get(value, str(value))

    def chip_list(self) -> list[tuple[str, str]]:
        f = self.filter
        chips: list[tuple[str, str]] = []
        for criterion in MULTI:
            for value in getattr(f, criterion):
                key = f"{criterion}:{NONE_KEY if value is None else value}"
                chips.append((key, f"{LABELS[criterion]}：{self._name(criterion, value)}"))
        if f.signed_year is not None:
            chips.append(("signed_year", self.tr("签约年份：{0}").format(f.signed_year)))
        if f.signed_from is not None or f.signed_to is not None:
            a = f.signed_from.isoformat() if f.signed_from else "…"
            b = f.signed_to.isoformat() if f.signed_to else "…"
            chips.append(("signed_range", self.tr("签约：{0} 至 {1}").format(a, b)))
        if f.investment_min_wan is not None or f.investment_max_wan is not None:
            a = yi_text(f.investment_min_wan) if f.investment_min_wan is not None else "…"
            b = yi_text(f.investment_max_wan) if f.investment_max_wan is not None else "…"
            chips.append(("investment_range", self.tr("总投资：{0}–{1} 亿元").format(a, b)))
        if f.over_100m:
            chips.append(("over_100m", self.tr("≥ 1 亿元")))
        if f.over_1b:
            chips.append(("over_1b", self.tr("≥ 10 亿元")))
        if f.text.strip():
            chips.append(("text", self.tr("搜索：{0}").format(f.text.strip())))
        return chips

    def _show_chips(self) -> None:
        self.chips.set_chips(self.chip_list())

    def toggle_value(self, criterion: str, value: Any, on: bool | None = None) -> None:
        """Add or remove one value of a multi-valued criterion (``stages``, ``unit_ids``…)."""
        current = list(getattr(self.filter, criterion))
        present = value in current
        if on is None:
            on = not present
        if on and not present:
            current.append(value)
        elif not on and present:
            current.remove(value)
        self.set_filter(dataclasses.replace(self.filter, **{criterion: tuple(current)}))

    def remove_criterion(self, key: str) -> None:
        f = self.filter
        criterion, _, value = key.partition(":")
        if criterion in MULTI:
            self.toggle_value(criterion, None if value == NONE_KEY else value, False)
            return
        changes: dict[str, Any] = {
            "signed_year": {"signed_year": None},
            "signed_range": {"signed_from": None, "signed_to": None},
            "investment_range": {"investment_min_wan": None, "investment_max_wan": None},
            "over_100m": {"over_100m": False},
            "over_1b": {"over_1b": False},
            "text": {"text": ""},
        }[criterion]
        self.set_filter(dataclasses.replace(f, **changes))

    def _load_choices_once(self, *_: Any) -> None:
        if self._choices_pending:
            self._choices_pending = False
            self._load_choices()

    def _load_choices(self) -> None:
        db = self.context.db

        def work() -> ReferenceChoices:
            with db.session(readonly=True) as s:
                return reference_choices(s)

        def done(choices: ReferenceChoices) -> None:
            if not shiboken6.isValid(self):  # the page closed meanwhile
                return
            self.choices = choices
            names: dict[str, str] = {}

            def walk(nodes: Any) -> None:
                for n in nodes:
                    names[n.id] = n.name
                    walk(n.children)

            walk(choices.nodes)
            for group in (choices.fields, choices.units, choices.task_forces):
                names.update({c.id: c.name for c in group})
            self.names = names
            self._show_chips()

        def failed(exc: BaseException) -> None:
            # e.g. the server went away: say so, and try again after the next list load
            if shiboken6.isValid(self):
                self._choices_pending = True
                self.show_message(str(exc) or type(exc).__name__, True)

        run_in_background(work, on_result=done, on_error=failed)

    def _check(self, menu: QMenu, text: str, checked: bool, slot: Any) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        action.triggered.connect(slot)
        return action

    def _build_filter_menu(self) -> None:
        menu, f, c = self.filter_menu, self.filter, self.choices
        menu.clear()
        sub = menu.addMenu(self.tr("阶段"))
        for stage in (*PIPELINE, Stage.DROPPED):
            self._check(
                sub,
                stage.label,
                stage.value in f.stages,
                lambda _=False, v=stage.value: self.toggle_value("stages", v),
            )
        sub = menu.addMenu(self.tr("类别"))
        for key, label in FAMILY_LABELS.items():
            self._check(
                sub,
                label,
                key in f.families,
                lambda _=False, v=key: self.toggle_value("families", v),
            )
        if c is not None:
            sub = menu.addMenu(self.tr("222 产业 / 环节"))
            for group in c.nodes:
                gm = sub.addMenu(group.name)
                self._check(
                    gm,
                    self.tr("全部（{0}）").format(group.name),
                    group.id in f.node_ids,
                    lambda _=False, v=group.id: self.toggle_value("node_ids", v),
                )
                gm.addSeparator()
                for industry in group.children:
                    if industry.children:
                        im = gm.addMenu(industry.name)
                        self._check(
                            im,
                            self.tr("全部（{0}）").format(industry.name),
                            industry.id in f.node_ids,
                            lambda _=False, v=industry.id: self.toggle_value("node_ids", v),
                        )
                        im.addSeparator()
                        for link in industry.children:
                            self._check(
                                im,
                                link.name,
                                link.id in f.node_ids,
                                lambda _=False, v=link.id: self.toggle_value("node_ids", v),
                            )
                    else:
                        self._check(
                            gm,
                            industry.name,
                            industry.id in f.node_ids,
                            lambda _=False, v=industry.id: self.toggle_value("node_ids", v),
                        )
            for criterion, title, items in (
                ("field_ids", self.tr("5122 领域"), c.fields),
                ("unit_ids", self.tr("责任单位"), c.units),
                ("task_force_ids", self.tr("专班"), c.task_forces),
            ):
                sub = menu.addMenu(title)
                for item in items:
                    self._check(
                        sub,
                        item.name,
                        item.id in getattr(f, criterion),
                        lambda _=False, k=criterion, v=item.id: self.toggle_value(k, v),
                    )
                sub.addSeparator()
                self._check(
                    sub,
                    self.tr("（未填）"),
                    None in getattr(f, criterion),
                    lambda _=False, k=criterion: self.toggle_value(k, None),
                )
            sub = menu.addMenu(self.tr("分包领导"))
            for leader in c.leaders:
                self._check(
                    sub,
                    leader,
                    leader in f.leaders,
                    lambda _=False, v=leader: self.toggle_value("leaders", v),
                )
        sub = menu.addMenu(self.tr("签约时间"))
        this_year = dt.date.today().year
        for year in range(this_year, this_year - 8, -1):
            self._check(
                sub,
                self.tr("{0} 年").format(year),
                f.signed_year == year,
                lambda _=False, y=year: self.set_signed_year(y),
            )
        sub.addSeparator()
        sub.addAction(self.tr("日期范围…"), self._ask_signed_range)
        sub = menu.addMenu(self.tr("总投资"))
        self._check(
            sub,
            self.tr("≥ 1 亿元"),
            f.over_100m,
            lambda on: self.set_filter(dataclasses.replace(self.filter, over_100m=on)),
        )
        self._check(
            sub,
            self.tr("≥ 10 亿元"),
            f.over_1b,
            lambda on: self.set_filter(dataclasses.replace(self.filter, over_1b=on)),
        )
        sub.addSeparator()
        sub.addAction(self.tr("投资额范围…"), self._ask_investment_range)
        menu.addSeparator()
        clear = menu.addAction(self.tr("清除全部筛选"), lambda: self.set_filter(ProjectFilter()))
        clear.setEnabled(not f.is_empty())

    def set_signed_year(self, year: int | None) -> None:
        """Signed in ``year`` (again: off). A year replaces a date range, and back."""
        if self.filter.signed_year == year:
            year = None
        self.set_filter(
            dataclasses.replace(self.filter, signed_year=year, signed_from=None, signed_to=None)
        )

    def set_signed_range(self, start: dt.date | None, end: dt.date | None) -> None:
        """Signed between ``start`` and ``end`` (inclusive; None: open); clears the year."""
        self.set_filter(
            dataclasses.replace(self.filter, signed_year=None, signed_from=start, signed_to=end)
        )

    def make_signed_range_dialog(self) -> SignedRangeDialog:
        return SignedRangeDialog(self.filter.signed_from, self.filter.signed_to, parent=self)

    def _ask_signed_range(self) -> None:
        dialog = self.make_signed_range_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_signed_range(*dialog.range())
        dialog.deleteLater()

    def _ask_investment_range(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("总投资范围"),
            self.tr("亿元，如 1-10（可只填一端，如 5-）"),
        )
        if not ok:
            return
        low, _, high = text.replace("—", "-").replace("～", "-").partition("-")
        self.set_filter(
            dataclasses.replace(
                self.filter,
                investment_min_wan=_wan_from_yi(low),
                investment_max_wan=_wan_from_yi(high),
            )
        )

    # ------------------------------------------------------------ saved sets

    def _build_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        menu.addAction(self.tr("保存当前筛选…"), self._ask_save_filter)
        with self.context.db.session(readonly=True) as s:
            sets = saved_filters(s, owner=self.actor)
        if sets:
            menu.addSeparator()
            for item in sets:
                menu.addAction(item.name, lambda i=item: self.load_saved(i))
            delete = menu.addMenu(self.tr("删除方案"))
            for item in sets:
                delete.addAction(item.name, lambda i=item: self._delete_saved(i))

    def save_current_filter(self, name: str) -> SavedFilterSet:
        with self.context.db.session() as s:
            saved = save_filter(s, name, self.filter, owner=self.actor)
        self.show_message(self.tr("已保存筛选方案“{0}”").format(saved.name), False)
        return saved

    def _ask_save_filter(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("保存筛选方案"), self.tr("方案名称"))
        if ok:
            try:
                self.save_current_filter(name)
            except ValueError as exc:
                self.show_message(str(exc), True)

    def load_saved(self, item: SavedFilterSet) -> None:
        self.set_filter(item.filter)
        self.show_message(self.tr("已应用筛选方案“{0}”").format(item.name), False)

    def _delete_saved(self, item: SavedFilterSet) -> None:
        with self.context.db.session() as s:
            delete_saved_filter(s, item.id)

    # ------------------------------------------------------------ views and actions

    def _list_shown(self, count: int) -> None:
        """The list's first rows are in; its count and sum may still be on their way."""
        self._clear_load_error()
        if self._heap_freeze_pending:
            self._heap_freeze_pending = False
            QTimer.singleShot(0, freeze_startup_heap)  # after the first rows are painted
        if self.model.counting and not self.board_shown():
            self._show_counting(count)
        if count:
            self.no_rows.hide()
        elif self._filter.is_empty():
            self.no_rows.show_text(
                self.tr(
                    "还没有项目。\n按 Ctrl+N 新建项目，"
                    "或从“文件 → 导入 Excel…”（Ctrl+I）导入项目台账。"
                )
            )
        else:
            self.no_rows.show_text(
                self.tr(
                    "没有符合条件的项目。\n可换个搜索词，去掉上方的筛选条件，"
                    "或在“筛选”菜单中选“清除全部筛选”。"
                )
            )

    def _show_counting(self, count: int) -> None:
        self.totals.setText(self.tr("已显示前 {0} 个项目 · 正在统计…").format(f"{count:,}"))

    def _list_loaded(self, count: int, total: Decimal) -> None:
        self._clear_load_error()
        if not self.board_shown():
            self._show_totals(count, total)

    def _board_cards_shown(self) -> None:
        """The board's cards are in; its column counts and sums are still on their way."""
        if self.board_shown() and self.board.summary_pending:
            self.totals.setText(self.tr("正在统计项目数与总投资…"))

    def _board_loaded(self) -> None:
        if self.board_shown():
            self._show_totals(self.board.count, self.board.total_wan)

    def _show_totals(self, count: int, total: Decimal) -> None:
        self.totals.setText(
            self.tr("共 {0} 个项目 · 总投资 {1} 亿元").format(f"{count:,}", yi_text(total))
        )

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self._message_is_error = error

    def _clear_load_error(self) -> None:
        """A load that worked again (e.g. the server is back) takes the old error away."""
        if getattr(self, "_message_is_error", False):
            self.show_message("")

    def _on_changed(self, what: str) -> None:
        if Hub.concerns(what, Hub.PROJECTS, Hub.REFERENCE, Hub.COMPANIES):
            if self.board_shown():
                self.board.reload()
                self._list_stale = True
            else:
                self.model.reload()
                self._board_stale = True
            if Hub.concerns(what, Hub.REFERENCE):
                self._load_choices()

    @property
    def board(self) -> ProjectBoard:
        """The kanban (built on first use: opening the page shows the list)."""
        if self._board is None:
            self._board = ProjectBoard(self.context.db, self.context.hub, self.actor, self)
            self._board.message.connect(self.show_message)
            self._board.cards_shown.connect(self._board_cards_shown)
            self._board.loaded.connect(self._board_loaded)
            self._board.open_project.connect(self.open_form)
            self.stack.addWidget(self._board)
        return self._board

    def board_shown(self) -> bool:
        return self._board is not None and self.stack.currentWidget() is self._board

    def toggle_view(self) -> None:
        if self.board_shown():
            self.stack.setCurrentWidget(self.table)
            self.view_button.setText(self.tr("看板"))
            if self._list_stale or self.model.filter != self.filter:
                self._list_stale = False
                self.totals.setText(self.tr("正在查询…"))
                self.model.set_filter(self.filter)
            elif self.model.counting and not self.model.busy:
                self._show_counting(self.model.rowCount())
            elif not self.model.busy:
                self._show_totals(self.model.count, self.model.total_wan)
        else:
            self.stack.setCurrentWidget(self.board)
            self.view_button.setText(self.tr("列表"))
            if self._board_stale or self.board.filter != self.filter:
                self._board_stale = False
                self.totals.setText(self.tr("正在查询…"))
                self.board.set_filter(self.filter)
            elif not self.board.busy:
                self._show_totals(self.board.count, self.board.total_wan)

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_form(index.data(ENTITY_ROLE))

    def make_form(self, project_id: str | None) -> ProjectFormDialog:
        return ProjectFormDialog(
            self.context.db,
            self.context.hub,
            self.actor,
            project_id,
            choices=self.choices,
            parent=self,
        )

    def open_form(self, project_id: str | None) -> None:
        """The detail form of ``project_id`` (None: a new project), modal."""
        try:
            form = self.make_form(project_id)
        except LookupError as exc:
            QMessageBox.warning(self, self.tr("无法打开"), str(exc))
            return
        form.exec()
        form.deleteLater()
