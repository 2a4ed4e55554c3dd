"""季度考评: the units' ranking for a quarter, opened from the 首页 (Ctrl+K).

Year and quarter on top; the table (``RankingModel``) is computed off the GUI thread by
``services.ranking.rank_units`` with its own read-only session. "权重设置…" edits the
bureau-wide weights (``RankingWeightsDialog``, saved through ``set_ranking_weights`` and
announced on the hub); the ranking can be exported to Excel and to PDF.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)
from shiboken6 import isValid

from jianan_desk.services.errors import ValidationError
from jianan_desk.services.ranking import (
    DEFAULT_WEIGHTS,
    QUARTER_LABELS,
    RANKABLE,
    Ranking,
    current_quarter,
    metric_name,
    rank_units,
    ranking_weights,
    set_ranking_weights,
)
from jianan_desk.ui.dialogs.project_stage import current_actor
from jianan_desk.ui.forms.ui_ranking_dialog import Ui_RankingDialog
from jianan_desk.ui.forms.ui_ranking_weights_dialog import Ui_RankingWeightsDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.ranking import RankingModel
from jianan_desk.ui.operations import Operation, run_in_background
from jianan_desk.ui.style import muted_text

if TYPE_CHECKING:
    from jianan_desk.store.engine import Database

ERROR = "#d93025"


class RankingWeightsDialog(QDialog):
    """The bureau-wide weights: one spin box per metric a unit can be scored on."""

    def __init__(self, weights: dict[str, Decimal], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RankingWeightsDialog()
        self.ui.setupUi(self)
        self.ui.hintLabel.setStyleSheet(f"color: {muted_text(self.palette()).name()};")
        self.spins: dict[str, QSpinBox] = {}
        for key in RANKABLE:
            spin = QSpinBox(self)
            spin.setObjectName(f"weight_{key}")
            spin.setRange(0, 1000)
            spin.setValue(int(weights.get(key, 0)))
            spin.valueChanged.connect(self._update)
            label = QLabel(self.tr(metric_name(key)), self)
            label.setBuddy(spin)
            self.ui.weightsLayout.addRow(label, spin)
            self.spins[key] = spin
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self.accept)
        self.ui.defaultsButton.clicked.connect(self.restore_defaults)
        self._update()

    def weights(self) -> dict[str, Decimal]:
        return {k: Decimal(s.value()) for k, s in self.spins.items() if s.value()}

    @Slot()
    def restore_defaults(self) -> None:
        for key, spin in self.spins.items():
            spin.setValue(int(DEFAULT_WEIGHTS.get(key, 0)))

    @Slot()
    def _update(self) -> None:
        weights = self.weights()
        total = sum(weights.values(), Decimal(0))
        self.save_button.setEnabled(bool(weights))
        if not weights:
            self.ui.sumLabel.setStyleSheet(f"color: {ERROR};")
            self.ui.sumLabel.setText(self.tr("至少要给一项指标设定大于 0 的权重。"))
            return
        self.ui.sumLabel.setStyleSheet(f"color: {muted_text(self.palette()).name()};")
        shares = "；".join(
            f"{self.tr(metric_name(k))} {w / total * 100:.0f}%" for k, w in weights.items()
        )
        self.ui.sumLabel.setText(self.tr("各项占比：{0}").format(shares))


class RankingDialog(QDialog):
    """The ranking of units for a quarter; changing the weights announces ``Hub.TARGETS``."""

    def __init__(
        self,
        db: Database,
        hub: Hub,
        year: int | None = None,
        quarter: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RankingDialog()
        self.ui.setupUi(self)
        self.db, self.hub = db, hub
        self.operation: Operation | None = None
        self.loads = 0  # finished loads (for tests)
        self._pending = False
        heading = QFont(self.font())
        heading.setPointSizeF(self.font().pointSizeF() * 1.35)
        heading.setWeight(QFont.Weight.Bold)
        self.ui.titleLabel.setFont(heading)
        muted = muted_text(self.palette()).name()
        self.ui.spanLabel.setStyleSheet(f"color: {muted};")
        self.ui.methodLabel.setStyleSheet(f"color: {muted};")
        self.ui.methodLabel.setText(
            self.tr(
                "计分方法：每项指标以该项最高的单位为 100 分折算（单位数值 ÷ 最高值 × 100），"
                "综合得分为各项折算分按权重的加权平均（满分 100）；得分相同名次并列。"
                "各项数字为本年 1 月 1 日至季度末的累计数，口径与首页指标相同。"
            )
        )
        for q, label in QUARTER_LABELS.items():
            self.ui.quarterCombo.addItem(self.tr(label), q)
        if year is None or quarter is None:
            with db.session(readonly=True) as session:
                year, quarter = current_quarter(session)
        self.ui.yearSpin.setValue(year)
        self.ui.quarterCombo.setCurrentIndex(quarter - 1)

        self.model = RankingModel(self)
        view = self.ui.rankingView
        view.setModel(self.model)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.model.modelReset.connect(self._fit_columns)

        self.ui.yearSpin.valueChanged.connect(self.reload)
        self.ui.quarterCombo.currentIndexChanged.connect(self.reload)
        self.ui.weightsButton.clicked.connect(self.edit_weights)
        self.ui.excelButton.clicked.connect(self.export_excel)
        self.ui.pdfButton.clicked.connect(self.export_pdf)
        self.reload()

    # ------------------------------------------------------------------ loading

    @property
    def year(self) -> int:
        return self.ui.yearSpin.value()

    @property
    def quarter(self) -> int:
        return int(self.ui.quarterCombo.currentData())

    @property
    def loading(self) -> bool:
        return self.operation is not None and not self.operation.done

    @Slot()
    def reload(self) -> None:
        if self.loading:
            self._pending = True
            return
        db, year, quarter = self.db, self.year, self.quarter

        def work() -> Ranking:
            with db.session(readonly=True) as session:
                return rank_units(session, year, quarter)

        self._set_busy(True)
        self.ui.titleLabel.setText(
            self.tr("{0} 年{1}考评排名").format(year, self.tr(QUARTER_LABELS[quarter]))
        )
        self.ui.spanLabel.setText(self.tr("正在计算…"))
        self.operation = run_in_background(work, on_result=self._loaded, on_error=self._failed)

    def _settle(self) -> bool:
        if not isValid(self):
            return False
        self.loads += 1
        if self._pending:
            self._pending = False
            self.reload()
            return False
        return True

    def _loaded(self, ranking: Ranking) -> None:
        if not self._settle():
            return
        self.model.set_ranking(ranking)
        self._set_busy(False)
        weights = "；".join(
            f"{self.tr(metric_name(k))} {w.normalize():f}" for k, w in ranking.weights.items()
        )
        scored = sum(1 for u in ranking.units if u.score > 0)
        if not ranking.units:
            text = self.tr("尚未设置责任单位，无法排名。")
        else:
            text = self.tr(
                "{0}（截至 {1:%Y-%m-%d}）· {2} 个单位，{3} 个有完成量 · 权重：{4}"
            ).format(self.tr(ranking.span), ranking.as_of, len(ranking.units), scored, weights)
        self.ui.spanLabel.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if not self._settle():
            return
        self.model.set_ranking(None)
        self._set_busy(False)
        self.ui.spanLabel.setText(self.tr("无法计算：{0}").format(exc))

    def _set_busy(self, busy: bool) -> None:
        has_rows = not busy and self.model.ranking is not None and bool(self.model.ranking.units)
        self.ui.excelButton.setEnabled(has_rows)
        self.ui.pdfButton.setEnabled(has_rows)

    @Slot()
    def _fit_columns(self) -> None:
        header = self.ui.rankingView.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column == RankingModel.UNIT:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # ------------------------------------------------------------------ actions

    def weights_dialog(self) -> RankingWeightsDialog:
        with self.db.session(readonly=True) as session:
            weights = ranking_weights(session)
        return RankingWeightsDialog(weights, self)

    @Slot()
    def edit_weights(self) -> None:
        dialog = self.weights_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_weights(dialog.weights())

    def save_weights(self, weights: dict[str, Decimal]) -> bool:
        try:
            with self.db.session() as session:
                set_ranking_weights(session, weights, current_actor())
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("无法保存权重"), str(exc))
            return False
        self.hub.announce(Hub.TARGETS)
        self.reload()
        return True

    def _ask_path(self, title: str, suffix: str, kind: str) -> Path | None:
        ranking = self.model.ranking
        if ranking is None:
            return None
        suggested = str(Path.home() / f"{ranking.title}{suffix}")
        name, _ = QFileDialog.getSaveFileName(self, title, suggested, kind)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    @Slot()
    def export_excel(self) -> Path | None:
        path = self._ask_path(self.tr("导出 Excel"), ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        return None if path is None else self.write(path)

    @Slot()
    def export_pdf(self) -> Path | None:
        path = self._ask_path(self.tr("导出 PDF"), ".pdf", self.tr("PDF 文件 (*.pdf)"))
        return None if path is None else self.write(path)

    def write(self, path: Path) -> Path | None:
        """Write the shown ranking to ``path`` (.xlsx or .pdf); None (and a message) on error."""
        from jianan_desk.reports.ranking import build_ranking_pdf, write_ranking_xlsx

        ranking = self.model.ranking
        if ranking is None:
            return None
        try:
            if path.suffix.lower() == ".xlsx":
                write_ranking_xlsx(ranking, path)
            else:
                path.write_bytes(build_ranking_pdf(ranking))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("无法保存"),
                self.tr("无法写入 {0}：{1}").format(str(path), exc.strerror or str(exc)),
            )
            return None
        self.ui.spanLabel.setText(self.tr("已保存到 {0}").format(str(path)))
        return path
