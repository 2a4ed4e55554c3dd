"""The 招商图谱 page (``forms/industry_map_page.ui``): five tabs over the 222 system.

- 产业链图谱: one industry's chain diagram (``widgets.chain_diagram``): zoom, fit, PNG
  export; a click on a box or a count opens the lists behind it (``LinkDetailsDialog``).
- 全景总览: every industry side by side; the gaps (no local enterprise, no lead) stand out.
- 目标企业: the target-company lists, filtered by link / status / 久未接触 (not contacted for
  more than the ``target_stale_days`` setting), stale rows highlighted; add, edit,
  import from and export to Excel.
- 覆盖表: every link with its counts and gap flag, sortable, exported to Excel.
- 体系维护: the tree editor (rename with an effective date, add, reorder, retire, restore).

Everything shown is loaded in one background operation (``ui.operations``) as plain data
(:class:`PageData`); :attr:`IndustryMapPage.loaded` is emitted when it is on screen. After
a change the page announces ``industry_map`` (targets) or ``reference`` (the tree) once, and
reloads itself on those and on ``projects``, ``companies``, ``trips`` (visits move the
last-contact dates).

Signals:
    loaded(): the data of the last reload is shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.industry_map import IndustryMap, LinkCounts, link_details, overview
from jianan_desk.services.industry_tree import (
    CHILD_LEVEL,
    LEVEL_LABELS,
    POSITION_LABELS,
    STATUS_LABELS,
    NodeInput,
    TreeNode,
    add_node,
    load_tree,
    move_node,
    name_histories,
    restore_node,
    retire_node,
    update_node,
)
from jianan_desk.services.target_companies import (
    STATUS_LABELS as TARGET_STATUS_LABELS,
)
from jianan_desk.services.target_companies import (
    ImportResult,
    TargetEntry,
    import_target_rows,
    list_target_entries,
)
from jianan_desk.settings import TARGET_STALE_DAYS, Preferences
from jianan_desk.store.engine import Database
from jianan_desk.ui.dialogs.link_details import LinkDetailsDialog
from jianan_desk.ui.dialogs.project_stage import current_actor
from jianan_desk.ui.dialogs.target_entry import TargetEntryDialog
from jianan_desk.ui.forms.ui_industry_map_page import Ui_IndustryMapPage
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.industry_map import (
    CoverageModel,
    IndustryTreeModel,
    TargetEntriesModel,
    sort_proxy,
)
from jianan_desk.ui.operations import Operation, run_in_background
from jianan_desk.ui.pages.base import Page, PageContext

NODE_FIELDS = {
    "name": "名称",
    "position": "位置",
    "chain_status": "状态",
    "effective_on": "生效日期",
    "parent_id": "上级节点",
    "actor": "操作人",
}


@dataclass(frozen=True)
class PageData:
    as_of: dt.date
    stale_days: int
    tree: tuple[TreeNode, ...]
    maps: tuple[IndustryMap, ...]  # every industry, retired links included
    targets: tuple[TargetEntry, ...]
    history: dict[str, str]  # node id → "name (from … to …)" lines, for renamed nodes


def load_page_data(db: Database, stale_days: int, today: dt.date | None = None) -> PageData:
    """Everything the page shows, in one read-only session (runs on a pool thread)."""
    from jianan_desk.services.metrics import data_as_of

    with db.session(readonly=True) as s:
        frozen = data_as_of(s)
        today = today or dt.date.today()
        as_of = min(today, frozen) if frozen else today
        tree = tuple(load_tree(s))
        maps = tuple(overview(s, include_retired=True))
        targets = tuple(list_target_entries(s, as_of=as_of, stale_days=stale_days))
        history = {
            node_id: "；".join(
                f"{r.name}（{r.valid_from}起"
                + (f"，至{r.valid_to}）" if r.valid_to else "，至今）")
                for r in records
            )
            for node_id, records in name_histories(s).items()
            if len(records) > 1
        }
    return PageData(as_of, stale_days, tree, maps, targets, history)


def _live_map(m: IndustryMap, include_retired: bool) -> IndustryMap:
    if include_retired:
        return m
    return dataclasses.replace(m, links=tuple(x for x in m.links if x.retired_on is None))


class IndustryMapPage(Page):
    page_id = "industry_map"
    loaded = Signal()

    MAP, OVERVIEW, TARGETS, COVERAGE, TREE = range(5)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ui = Ui_IndustryMapPage()
        self.ui.setupUi(self)
        self.actor = current_actor()
        self.data: PageData | None = None
        self.operation: Operation | None = None
        self._reload_again = False
        self.details_dialog: LinkDetailsDialog | None = None
        self.entry_dialog: TargetEntryDialog | None = None
        self.last_import: ImportResult | None = None
        self._pending_select: str | None = None

        self.coverage_model = CoverageModel(self)
        self.coverage_proxy = sort_proxy(self.coverage_model, self)
        self.targets_model = TargetEntriesModel(self)
        self.targets_proxy = sort_proxy(self.targets_model, self)
        self.tree_model = IndustryTreeModel(self)
        for view, proxy in (
            (self.ui.coverageView, self.coverage_proxy),
            (self.ui.targetsView, self.targets_proxy),
        ):
            view.setModel(proxy)
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.setSortingEnabled(True)
            view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            proxy.sort(-1)  # the 222 order until a header is clicked
        self.ui.treeView.setModel(self.tree_model)
        self.ui.treeView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        for code, label in TARGET_STATUS_LABELS.items():
            self.ui.statusFilterCombo.addItem(self.tr(label), code)
        self.ui.statusFilterCombo.insertItem(0, self.tr("全部（进行中）"), "open")
        self.ui.statusFilterCombo.insertItem(1, self.tr("全部"), "")
        self.ui.statusFilterCombo.setCurrentIndex(0)
        for code, label in POSITION_LABELS.items():
            self.ui.positionCombo.addItem(self.tr(label), code)
        for code, label in STATUS_LABELS.items():
            self.ui.chainStatusCombo.addItem(self.tr(label), code)
        self.ui.effectiveDateEdit.setDate(QDate.currentDate())
        self.ui.nodeErrorLabel.setStyleSheet("color: #b3261e;")
        self.ui.treeHint.setStyleSheet("color: #5f6670;")
        self.ui.overviewSummary.setStyleSheet("color: #5f6670;")
        self.ui.coverageSummary.setStyleSheet("color: #5f6670;")
        self.ui.coverageBar.setStretch(0, 1)
        self.ui.overviewBar.setStretch(0, 1)

        u = self.ui
        u.industryCombo.currentIndexChanged.connect(lambda _i: self._show_map())
        u.tabs.currentChanged.connect(self._tab_changed)
        u.includeRetiredCheck.toggled.connect(lambda _b: self._show_map())
        u.zoomInButton.clicked.connect(u.mapDiagram.zoom_in)
        u.zoomOutButton.clicked.connect(u.mapDiagram.zoom_out)
        u.fitButton.clicked.connect(u.mapDiagram.fit)
        u.exportPngButton.clicked.connect(lambda: self._ask_png(u.mapDiagram))
        u.overviewFitButton.clicked.connect(u.overviewDiagram.fit)
        u.overviewExportButton.clicked.connect(lambda: self._ask_png(u.overviewDiagram))
        u.mapDiagram.linkClicked.connect(self.open_link)
        u.overviewDiagram.linkClicked.connect(self.open_link)
        u.linkFilterCombo.currentIndexChanged.connect(lambda _i: self._show_targets())
        u.statusFilterCombo.currentIndexChanged.connect(lambda _i: self._show_targets())
        u.staleOnlyCheck.toggled.connect(lambda _b: self._show_targets())
        u.staleDaysSpin.setValue(self.stale_days())
        u.staleDaysSpin.editingFinished.connect(self._stale_days_changed)
        u.addTargetButton.clicked.connect(self.new_target)
        u.editTargetButton.clicked.connect(self.edit_target)
        u.targetsView.doubleClicked.connect(lambda _i: self.edit_target())
        u.importTargetsButton.clicked.connect(self._ask_import)
        u.exportTargetsButton.clicked.connect(self._ask_export_targets)
        u.gapsOnlyCheck.toggled.connect(lambda _b: self._show_coverage())
        u.exportCoverageButton.clicked.connect(self._ask_export_coverage)
        u.coverageView.doubleClicked.connect(self._coverage_activated)
        u.treeView.selectionModel().currentChanged.connect(lambda *_a: self._show_node())
        u.showRetiredCheck.toggled.connect(lambda _b: self._show_tree())
        u.saveNodeButton.clicked.connect(self.save_node)
        u.addGroupButton.clicked.connect(lambda: self._ask_add(None))
        u.addChildButton.clicked.connect(lambda: self._ask_add(self.current_node()))
        u.moveUpButton.clicked.connect(lambda: self.move_current(-1))
        u.moveDownButton.clicked.connect(lambda: self.move_current(1))
        u.retireButton.clicked.connect(self._ask_retire)
        u.restoreButton.clicked.connect(self.restore_current)

        def key(seq: Any, slot: Any, where: QWidget) -> None:
            shortcut = QShortcut(QKeySequence(seq), where)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        ctrl = Qt.KeyboardModifier.ControlModifier
        for where, diagram in ((u.mapTab, u.mapDiagram), (u.overviewTab, u.overviewDiagram)):
            key(QKeySequence.StandardKey.ZoomIn, diagram.zoom_in, where)
            key(ctrl | Qt.Key.Key_Equal, diagram.zoom_in, where)
            key(QKeySequence.StandardKey.ZoomOut, diagram.zoom_out, where)
            key(ctrl | Qt.Key.Key_0, diagram.fit, where)
        key(QKeySequence.StandardKey.New, self.new_target, u.targetsTab)
        key(Qt.Key.Key_Return, self.edit_target, u.targetsView)
        key(QKeySequence.StandardKey.Save, self.save_node, u.treeTab)
        key(ctrl | Qt.Key.Key_Up, lambda: self.move_current(-1), u.treeTab)
        key(ctrl | Qt.Key.Key_Down, lambda: self.move_current(1), u.treeTab)

        context.hub.changed.connect(self._on_changed)
        self.reload()

    # ------------------------------------------------------------ loading

    @property
    def db(self) -> Database:
        return self.context.db

    def stale_days(self) -> int:
        return int(Preferences().get(TARGET_STALE_DAYS))

    def _stale_days_changed(self) -> None:
        days = self.ui.staleDaysSpin.value()
        if days != self.stale_days():
            Preferences().set(TARGET_STALE_DAYS, days)
            self.reload()

    def reload(self) -> None:
        """Load everything again in the background (once more if asked while loading)."""
        if self.operation is not None and not self.operation.done:
            self._reload_again = True
            return
        db, days = self.db, self.stale_days()
        self.operation = run_in_background(
            lambda: load_page_data(db, days), on_result=self._apply, on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.ui.overviewSummary.setText(self.tr("无法读取数据：{e}").format(e=exc))
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def _on_changed(self, what: str) -> None:
        if Hub.concerns(
            what, Hub.INDUSTRY_MAP, Hub.REFERENCE, Hub.PROJECTS, Hub.COMPANIES, Hub.TRIPS
        ):
            self.reload()

    def _apply(self, data: PageData) -> None:
        self.data = data
        if self._reload_again:
            self._reload_again = False
            self.operation = None
            self.reload()
        combo = self.ui.industryCombo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for m in data.maps:
            if m.retired_on is None or m.id == keep:
                combo.addItem(m.name + (self.tr("（已撤销）") if m.retired_on else ""), m.id)
        index = combo.findData(keep)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

        links = self.ui.linkFilterCombo
        keep_link = links.currentData()
        links.blockSignals(True)
        links.clear()
        links.addItem(self.tr("全部环节"), "")
        for m in data.maps:
            for x in m.links:
                if x.retired_on is None or x.id == keep_link:
                    links.addItem(f"{m.name}·{x.name}", x.id)
        index = links.findData(keep_link)
        links.setCurrentIndex(max(0, index))
        links.blockSignals(False)
        self.ui.staleOnlyCheck.setText(self.tr("只看久未接触（>{n}天）").format(n=data.stale_days))

        self._show_map()
        self._show_overview()
        self._show_targets()
        self._show_coverage()
        self._show_tree()
        self.loaded.emit()

    # ------------------------------------------------------------ the diagrams

    def current_map(self) -> IndustryMap | None:
        if self.data is None:
            return None
        industry = self.ui.industryCombo.currentData()
        m = next((m for m in self.data.maps if m.id == industry), None)
        return None if m is None else _live_map(m, self.ui.includeRetiredCheck.isChecked())

    def _show_map(self) -> None:
        m = self.current_map()
        if m is None:
            self.ui.mapDiagram.clear()
            return
        self.ui.mapDiagram.set_map(m)
        self._fit(self.ui.mapDiagram)

    def live_maps(self) -> list[IndustryMap]:
        if self.data is None:
            return []
        return [_live_map(m, False) for m in self.data.maps if m.retired_on is None]

    def _show_overview(self) -> None:
        maps = self.live_maps()
        self.ui.overviewDiagram.set_overview(maps)
        self._fit(self.ui.overviewDiagram)
        links = sum(len(m.links) for m in maps)
        gaps = [f"{m.name}·{g.name}" for m in maps for g in m.gaps]
        text = self.tr("{i} 个产业，{n} 个环节；").format(i=len(maps), n=links)
        text += (
            self.tr("缺口 {g} 个：").format(g=len(gaps)) + "、".join(gaps)
            if gaps
            else self.tr("没有缺口（每个环节都有本地企业或在谈线索）。")
        )
        self.ui.overviewSummary.setText(text)

    @staticmethod
    def _fit(diagram: Any) -> None:
        """Fit a shown diagram into its window; a hidden one is fitted when shown."""
        if diagram.isVisible():
            diagram.fit()
        else:
            diagram.set_zoom(1.0)

    def _tab_changed(self, index: int) -> None:
        diagram = {self.MAP: self.ui.mapDiagram, self.OVERVIEW: self.ui.overviewDiagram}.get(index)
        if diagram is not None and diagram.maps:
            diagram.fit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        for diagram in (self.ui.mapDiagram, self.ui.overviewDiagram):
            if diagram.maps:
                diagram.fit()

    def find_link(self, link_id: str) -> LinkCounts | None:
        for m in self.data.maps if self.data else ():
            for x in m.links:
                if x.id == link_id:
                    return x
        return None

    def open_link(self, link_id: str, kind: str = "") -> None:
        """Show the lists behind a link's counts, on the tab of ``kind``."""
        link = self.find_link(link_id)
        if link is None or self.data is None:
            return
        with self.db.session(readonly=True) as s:
            details = link_details(
                s, link_id, as_of=self.data.as_of, stale_days=self.data.stale_days
            )
        if self.details_dialog is not None:
            self.details_dialog.close()
        self.details_dialog = LinkDetailsDialog(link, details, kind=kind, parent=self)
        self.details_dialog.show()

    def _ask_png(self, diagram: Any) -> None:
        name = (self.current_map().name if diagram is self.ui.mapDiagram and self.current_map()
                else self.tr("招商图谱全景"))  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出图片"), f"{name}.png", self.tr("PNG 图片 (*.png)")
        )
        if path and not diagram.export_png(Path(path)):
            QMessageBox.warning(self, self.tr("导出失败"), self.tr("无法写入 {p}").format(p=path))

    # ------------------------------------------------------------ targets

    def filtered_targets(self) -> list[TargetEntry]:
        if self.data is None:
            return []
        link = self.ui.linkFilterCombo.currentData() or ""
        status = self.ui.statusFilterCombo.currentData()
        stale_only = self.ui.staleOnlyCheck.isChecked()
        rows = []
        for e in self.data.targets:
            if link and e.chain_link_id != link:
                continue
            if status == "open" and e.status in ("signed", "dropped"):
                continue
            if status not in ("open", "", None) and e.status != status:
                continue
            if stale_only and not e.stale:
                continue
            rows.append(e)
        return rows

    def _show_targets(self) -> None:
        rows = self.filtered_targets()
        self.targets_model.set_rows(rows)
        self.ui.targetsView.resizeColumnsToContents()
        for col, width in ((TargetEntriesModel.COMPANY, 260), (TargetEntriesModel.LINK, 170)):
            self.ui.targetsView.setColumnWidth(
                col, min(width, self.ui.targetsView.columnWidth(col))
            )
        data = self.data
        stale = sum(1 for e in data.targets if e.stale) if data else 0
        if data is not None:
            self.ui.staleLabel.setText(
                self.tr("久未接触（超过 {n} 天，截至 {d}）：{k} 家").format(
                    n=data.stale_days, d=data.as_of.isoformat(), k=stale
                )
            )
            self.ui.staleLabel.setStyleSheet("color: #b3261e;" if stale else "color: #5f6670;")
        empty = not rows
        self.ui.targetsEmptyLabel.setVisible(empty)
        if empty and data is not None and data.targets:
            self.ui.targetsEmptyLabel.setText(self.tr("没有符合筛选条件的目标企业。"))
        elif empty:
            self.ui.targetsEmptyLabel.setText(
                self.tr("还没有目标企业。点“新增目标企业”添加，或从 Excel 导入。")
            )

    def selected_target(self) -> TargetEntry | None:
        index = self.ui.targetsView.currentIndex()
        if not index.isValid():
            return None
        return self.targets_model.row(self.targets_proxy.mapToSource(index).row())

    def _links(self) -> list[tuple[str, str]]:
        return [
            (x.id, f"{m.name}·{x.name}")
            for m in (self.data.maps if self.data else ())
            if m.retired_on is None
            for x in m.links
            if x.retired_on is None
        ]

    def new_target(self) -> TargetEntryDialog:
        link = self.ui.linkFilterCombo.currentData() or None
        return self._open_entry(TargetEntryDialog(
            self.db, self.actor, self._links(), link_id=link, parent=self
        ))  # fmt: skip

    def edit_target(self) -> TargetEntryDialog | None:
        entry = self.selected_target()
        if entry is None:
            return None
        links = self._links()
        if entry.chain_link_id and entry.chain_link_id not in {i for i, _ in links}:
            links.append((entry.chain_link_id, entry.chain_link_name + self.tr("（已撤销）")))
        return self._open_entry(
            TargetEntryDialog(self.db, self.actor, links, entry=entry, parent=self)
        )

    def _open_entry(self, dialog: TargetEntryDialog) -> TargetEntryDialog:
        self.entry_dialog = dialog
        dialog.saved.connect(lambda _id: self.context.hub.announce(Hub.INDUSTRY_MAP))
        dialog.open()
        return dialog

    def import_file(self, path: Path) -> ImportResult:
        """Import a target-list spreadsheet; announces the change if anything was saved."""
        from jianan_desk.excel.map_export import read_target_sheet

        rows = read_target_sheet(path)
        link = self.ui.linkFilterCombo.currentData() or None
        with self.db.session() as s:
            result = import_target_rows(s, rows, self.actor, default_link_id=link)
        self.last_import = result
        if result.created or result.updated:
            self.context.hub.announce(Hub.INDUSTRY_MAP)
        return result

    def _ask_import(self) -> None:
        from jianan_desk.excel.reader import SpreadsheetError

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入目标企业"), "", self.tr("表格文件 (*.xlsx *.xls *.csv)")
        )
        if not path:
            return
        try:
            result = self.import_file(Path(path))
        except (SpreadsheetError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("无法导入"), str(exc))
            return
        text = self.tr("新增 {a} 条，更新 {b} 条，新建企业 {c} 家。").format(
            a=result.created, b=result.updated, c=result.companies_created
        )
        if result.errors:
            text += "\n\n" + self.tr("以下行未导入：") + "\n" + "\n".join(result.errors[:30])
        QMessageBox.information(self, self.tr("导入完成"), text)

    def export_targets_to(self, path: Path) -> int:
        from jianan_desk.excel.map_export import export_targets

        return export_targets(path, self.filtered_targets())

    def _ask_export_targets(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出目标企业"), self.tr("目标企业清单.xlsx"), "Excel (*.xlsx)"
        )
        if path:
            self._export(lambda: self.export_targets_to(Path(path)), path)

    def _export(self, work: Any, path: str) -> None:
        try:
            n = work()
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("导出失败"), self.tr("无法写入 {p}：{e}").format(p=path, e=exc)
            )
            return
        QMessageBox.information(
            self, self.tr("导出完成"), self.tr("已导出 {n} 行到 {p}").format(n=n, p=path)
        )

    # ------------------------------------------------------------ coverage

    def coverage(self) -> list[LinkCounts]:
        rows = [x for m in self.live_maps() for x in m.links]
        if self.ui.gapsOnlyCheck.isChecked():
            rows = [x for x in rows if x.gap]
        return rows

    def _show_coverage(self) -> None:
        rows = self.coverage()
        self.coverage_model.set_rows(rows)
        self.ui.coverageView.resizeColumnsToContents()
        all_rows = [x for m in self.live_maps() for x in m.links]
        gaps = sum(1 for x in all_rows if x.gap)
        self.ui.coverageSummary.setText(
            self.tr("共 {n} 个环节，缺口 {g} 个。双击一行查看清单。").format(
                n=len(all_rows), g=gaps
            )
        )

    def _coverage_activated(self, index: QModelIndex) -> None:
        row = self.coverage_model.row(self.coverage_proxy.mapToSource(index).row())
        kinds = {
            CoverageModel.LOCAL: "local",
            CoverageModel.TARGETS: "targets",
            CoverageModel.LEADS: "leads",
            CoverageModel.SIGNED: "signed",
            CoverageModel.SIGNED_YI: "signed",
        }
        self.open_link(row.id, kinds.get(index.column(), ""))

    def export_coverage_to(self, path: Path) -> int:
        from jianan_desk.excel.map_export import export_coverage

        return export_coverage(path, self.coverage())

    def _ask_export_coverage(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出覆盖表"), self.tr("招商图谱覆盖表.xlsx"), "Excel (*.xlsx)"
        )
        if path:
            self._export(lambda: self.export_coverage_to(Path(path)), path)

    # ------------------------------------------------------------ the tree editor

    def _show_tree(self) -> None:
        keep = self.current_node()
        tree = self.data.tree if self.data else ()
        if not self.ui.showRetiredCheck.isChecked():
            tree = tuple(_without_retired(g) for g in tree if not g.retired)
        self.tree_model.set_tree(tree)
        self.ui.treeView.expandAll()
        if self._pending_select is not None:
            self.select_node(self._pending_select)
            self._pending_select = None
        elif keep is not None:
            self.select_node(keep.id)
        self._show_node()

    def select_node(self, node_id: str) -> None:
        index = self.tree_model.index_of(node_id)
        if index.isValid():
            self.ui.treeView.setCurrentIndex(index)

    def current_node(self) -> TreeNode | None:
        return self.tree_model.node(self.ui.treeView.currentIndex())

    def _show_node(self) -> None:
        node = self.current_node()
        u = self.ui
        u.nodeErrorLabel.clear()
        editable = node is not None
        for w in (
            u.nameEdit,
            u.keyProductsEdit,
            u.localEnterprisesEdit,
            u.descriptionEdit,
            u.effectiveDateEdit,
            u.saveNodeButton,
            u.moveUpButton,
            u.moveDownButton,
        ):
            w.setEnabled(editable)  # fmt: skip
        is_link = node is not None and node.level == "link"
        for w in (u.positionCombo, u.chainStatusCombo, u.positionTitle, u.statusTitle):
            w.setVisible(is_link)
        u.addChildButton.setEnabled(node is not None and node.level != "link" and not node.retired)
        u.retireButton.setEnabled(node is not None and not node.retired)
        u.restoreButton.setEnabled(node is not None and node.retired)
        if node is None:
            u.levelValue.setText("—")
            u.nameEdit.clear()
            u.historyValue.setText("—")
            return
        level = self.tr(LEVEL_LABELS.get(node.level, node.level))
        if node.retired_on:
            level += self.tr("（{d} 撤销）").format(d=node.retired_on.isoformat())
        u.levelValue.setText(level)
        u.nameEdit.setText(node.name)
        u.keyProductsEdit.setText(node.key_products)
        u.localEnterprisesEdit.setText(node.local_enterprises)
        u.descriptionEdit.setPlainText(node.description)
        u.positionCombo.setCurrentIndex(max(0, u.positionCombo.findData(node.position)))
        u.chainStatusCombo.setCurrentIndex(max(0, u.chainStatusCombo.findData(node.chain_status)))
        history = self.data.history.get(node.id) if self.data else None
        u.historyValue.setText(history or self.tr("{n}（未改过名）").format(n=node.name))

    def node_input(self) -> NodeInput:
        u = self.ui
        return NodeInput(
            name=u.nameEdit.text(),
            position=u.positionCombo.currentData(),
            chain_status=u.chainStatusCombo.currentData(),
            description=u.descriptionEdit.toPlainText(),
            key_products=u.keyProductsEdit.text(),
            local_enterprises=u.localEnterprisesEdit.text(),
        )

    def _tree_change(self, work: Any) -> bool:
        """Run one tree edit in a session; show the error, or announce and reload."""
        try:
            with self.db.session() as s:
                work(s)
        except ValidationError as exc:
            self.ui.nodeErrorLabel.setText(
                "\n".join(f"{NODE_FIELDS.get(k, k)}：{v}" for k, v in exc.errors.items())
            )
            return False
        except NotFoundError as exc:
            self.ui.nodeErrorLabel.setText(str(exc))
            return False
        self.ui.nodeErrorLabel.clear()
        self.context.hub.announce(Hub.REFERENCE)
        return True

    def save_node(self) -> bool:
        node = self.current_node()
        if node is None:
            return False
        data = self.node_input()
        if node.level != "link":
            data.position = data.chain_status = None
        on = self.ui.effectiveDateEdit.date().toPython()
        return self._tree_change(
            lambda s: update_node(s, node.id, data, self.actor, effective_on=on)
        )

    def add_child(self, parent: TreeNode | None, name: str) -> str | None:
        """Add a node under ``parent`` (a group when None); returns its id."""
        level = CHILD_LEVEL[parent.level if parent is not None else None]
        data = NodeInput(name=name)
        if level == "link":
            data.position, data.chain_status = "midstream", "missing"
        created: list[str] = []
        on = self.ui.effectiveDateEdit.date().toPython()

        def work(s: Any) -> None:
            created.append(
                add_node(s, parent.id if parent else None, data, self.actor, effective_on=on).id
            )

        if self._tree_change(work):
            self._pending_select = created[0]
            return created[0]
        return None

    def _ask_add(self, parent: TreeNode | None) -> None:
        level = CHILD_LEVEL[parent.level if parent is not None else None]
        name, ok = QInputDialog.getText(
            self,
            self.tr("新增节点"),
            self.tr("新{what}的名称：").format(what=self.tr(LEVEL_LABELS[level])),
        )
        if ok and name.strip():
            self.add_child(parent, name)

    def move_current(self, offset: int) -> None:
        node = self.current_node()
        if node is not None:
            self._tree_change(lambda s: move_node(s, node.id, offset, self.actor))

    def retire_current(self) -> bool:
        node = self.current_node()
        if node is None:
            return False
        on = self.ui.effectiveDateEdit.date().toPython()
        return self._tree_change(lambda s: retire_node(s, node.id, self.actor, on=on))

    def _ask_retire(self) -> None:
        node = self.current_node()
        if node is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("撤销节点"),
            self.tr(
                "自 {d} 起撤销“{n}”（及其下级）？\n\n不会删除任何记录：归在其下的项目、企业和"
                "目标企业保留原归属，可照常统计；撤销后可以恢复。"
            ).format(d=self.ui.effectiveDateEdit.date().toString("yyyy-MM-dd"), n=node.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.retire_current()

    def restore_current(self) -> bool:
        node = self.current_node()
        if node is None:
            return False
        return self._tree_change(lambda s: restore_node(s, node.id, self.actor))


def _without_retired(node: TreeNode) -> TreeNode:
    return dataclasses.replace(
        node, children=tuple(_without_retired(c) for c in node.children if not c.retired)
    )


__all__ = ["IndustryMapPage", "PageData", "load_page_data"]
