"""The merge dialog (``forms/company_merge.ui``): two companies side by side, the user
chooses which one survives, sees what will move (contacts, visits, projects, target
entries: counts) and confirms; ``services.companies.merge_companies`` does the work and
keeps the record (``company_merges``, shown in the survivor's 历史).

Signals:
    merged(str): the survivor's id, after the merge was committed (the hub was told
        ``companies``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QWidget

from jianan_desk.services.companies import (
    MOVED_LABELS,
    MergePreview,
    MergeResult,
    merge_companies,
    merge_preview,
)
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.store.engine import Database
from jianan_desk.ui.forms.ui_company_merge import Ui_CompanyMergeDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.company_merge import MergeCompareModel


class CompanyMergeDialog(QDialog):
    merged = Signal(str)

    def __init__(
        self,
        db: Database,
        hub: Hub,
        actor: str,
        first_id: str,
        second_id: str,
        parent: QWidget | None = None,
    ) -> None:
        """Raises ``ValidationError``/``NotFoundError`` if the two cannot be merged."""
        super().__init__(parent)
        self.db, self.hub, self.actor = db, hub, actor
        self.result_: MergeResult | None = None
        with db.session(readonly=True) as s:
            self.preview: MergePreview = merge_preview(s, first_id, second_id)
        self.ui = Ui_CompanyMergeDialog()
        self.ui.setupUi(self)
        self.model = MergeCompareModel(self)
        first, second = self.preview.first, self.preview.second
        self.model.set_pair(first, second, (self.tr("企业一"), self.tr("企业二")))
        view = self.ui.compareView
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ui.firstRadio.setText(self.tr("保留企业一：") + first.name)
        self.ui.secondRadio.setText(self.tr("保留企业二：") + second.name)
        # by default the older record survives (its id is what other copies know)
        if second.created_at < first.created_at:
            self.ui.secondRadio.setChecked(True)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("确认合并"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.buttonBox.accepted.connect(self.merge)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.firstRadio.toggled.connect(self._update)
        self._update()

    def survivor_and_other(self) -> tuple[str, str]:
        first, second = self.preview.first.id, self.preview.second.id
        return (first, second) if self.ui.firstRadio.isChecked() else (second, first)

    def choose_survivor(self, company_id: str) -> None:
        if company_id == self.preview.first.id:
            self.ui.firstRadio.setChecked(True)
        elif company_id == self.preview.second.id:
            self.ui.secondRadio.setChecked(True)

    def moves_text(self) -> str:
        keep_first = self.ui.firstRadio.isChecked()
        keep, other = (
            (self.preview.first, self.preview.second)
            if keep_first
            else (self.preview.second, self.preview.first)
        )
        counts = MergePreview.counts(other)
        moving = "、".join(f"{self.tr(MOVED_LABELS[k])} {n}" for k, n in counts.items())
        return (
            self.tr("保留“%1”；“%2”并入其中，移入：")
            .replace("%1", keep.name)
            .replace("%2", other.name)
            + moving
            + self.tr("。合并后“%1”不再出现在列表中，合并记录留在“%2”的历史中。")
            .replace("%1", other.name)
            .replace("%2", keep.name)
        )

    def _update(self) -> None:
        self.ui.movesLabel.setText(self.moves_text())

    def merge(self) -> bool:
        survivor, other = self.survivor_and_other()
        try:
            with self.db.session() as s:
                self.result_ = merge_companies(
                    s, survivor, other, self.actor, note=self.ui.note_edit.text()
                )
        except ValidationError as exc:
            self.ui.errorLabel.setText("\n".join(exc.errors.values()))
            return False
        except NotFoundError as exc:
            self.ui.errorLabel.setText(str(exc))
            return False
        self.hub.announce(Hub.COMPANIES)
        self.merged.emit(survivor)
        self.accept()
        return True
