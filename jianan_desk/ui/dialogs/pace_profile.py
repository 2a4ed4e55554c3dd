"""The monthly pace profile of one target (月度进度计划), opened from the targets editor.

Twelve monthly percentages (each month's part of the year's target; together 100 %) or a
preset (线性, 季度均衡, 前低后高, 前高后低). OK stays disabled until the months add up to
100 %; ``profile()`` is then the cumulative profile (``domain.pace.Profile``), None for
linear. Nothing is saved here: the editor saves its rows together.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QWidget

from jianan_desk.domain.pace import (
    PRESETS,
    Profile,
    ProfileError,
    monthly_percentages,
    preset_name,
    profile_from_monthly,
)
from jianan_desk.ui.forms.ui_pace_profile_dialog import Ui_PaceProfileDialog
from jianan_desk.ui.style import muted_text

ERROR = "#d93025"
CUSTOM = "custom"


class PaceProfileDialog(QDialog):
    """Pick or type the monthly profile of the target named ``name``."""

    def __init__(self, name: str, profile: Profile | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PaceProfileDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("月度进度计划：{0}").format(name))
        self.ui.titleLabel.setText(self.tr("“{0}”每月应完成的比例").format(name))
        self.ui.hintLabel.setStyleSheet(f"color: {muted_text(self.palette()).name()};")
        self.spins: list[QDoubleSpinBox] = [getattr(self.ui, f"monthSpin{m}") for m in range(1, 13)]
        combo = self.ui.presetCombo
        for preset in PRESETS:
            combo.addItem(self.tr(preset), preset)
        combo.addItem(self.tr("自定义"), CUSTOM)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ok_button.clicked.connect(self.accept)
        self._filling = False
        self._linear = profile is None
        self._fill(monthly_percentages(profile))
        self._select(preset_name(profile) if profile is not None else "线性")
        combo.currentIndexChanged.connect(self._preset_chosen)
        for spin in self.spins:
            spin.valueChanged.connect(self._months_edited)
        self._update()

    # ------------------------------------------------------------------ result

    def percentages(self) -> list[Decimal]:
        return [Decimal(str(round(spin.value(), 2))) for spin in self.spins]

    def profile(self) -> Profile | None:
        """The chosen profile (None: linear by day). Raises ``ProfileError`` if invalid."""
        if self._linear:
            return None
        return profile_from_monthly(self.percentages())

    # ------------------------------------------------------------------ state

    def _fill(self, percentages: tuple[Decimal, ...]) -> None:
        self._filling = True
        for spin, value in zip(self.spins, percentages, strict=True):
            spin.setValue(float(value))
        self._filling = False

    def _select(self, preset: str | None) -> None:
        combo = self.ui.presetCombo
        found = combo.findData(preset if preset is not None else CUSTOM)
        combo.blockSignals(True)
        combo.setCurrentIndex(found)
        combo.blockSignals(False)

    @Slot(int)
    def _preset_chosen(self, _index: int) -> None:
        preset = self.ui.presetCombo.currentData()
        if preset == CUSTOM:
            self._linear = False
        else:
            self._linear = PRESETS[preset] is None
            self._fill(monthly_percentages(PRESETS[preset]))
        self._update()

    @Slot()
    def _months_edited(self) -> None:
        if self._filling:
            return
        self._linear = False
        try:
            self._select(preset_name(profile_from_monthly(self.percentages())))
        except ProfileError:
            self._select(None)
        self._update()

    def _update(self) -> None:
        total = sum(self.percentages(), Decimal(0))
        try:
            self.profile()
        except ProfileError as exc:
            self.ui.sumLabel.setStyleSheet(f"color: {ERROR};")
            self.ui.sumLabel.setText(str(exc))
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(True)
        self.ui.sumLabel.setStyleSheet(f"color: {muted_text(self.palette()).name()};")
        if self._linear:
            self.ui.sumLabel.setText(
                self.tr("线性：按全年天数均匀推进（上表为各月天数所占比例）。")
            )
            return
        half = sum(self.percentages()[:6], Decimal(0))
        self.ui.sumLabel.setText(
            self.tr("合计 {0}%；上半年应完成 {1}%。").format(f"{total:.2f}", f"{half:.2f}")
        )
