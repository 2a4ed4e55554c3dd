"""A target card of the 首页: one annual target with its figure, progress and pace.

Shows the display name (with its plan, e.g. 1366), the figure in the target's unit, the
target and the share reached, a progress bar with a tick where the figure should be by the
reporting date, and the pace: 超前/落后 in green/red. Clicking the card (or Enter/Space when
it has focus) emits :attr:`TargetCard.activated` with the metric key.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QEnterEvent, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from jianan_desk.domain.metrics import BY_KEY
from jianan_desk.services.targets import TargetProgress
from jianan_desk.ui.style import accent, hairline, muted_text, rgba
from jianan_desk.ui.widgets import figure_format as fmt
from jianan_desk.ui.widgets.elided_label import ElidedLabel
from jianan_desk.ui.widgets.none_refcount import keep_none_alive

keep_none_alive()  # see none_refcount: these widgets make many void Qt calls

AHEAD = QColor("#1e8e3e")
BEHIND = QColor("#d93025")
NEUTRAL = QColor("#5f6368")
BAR_STEPS = 1000


class PaceBar(QProgressBar):
    """A thin progress bar (share of the target reached) with a tick at the expected share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, BAR_STEPS)
        self.setTextVisible(False)
        self.setFixedHeight(8)
        self.expected: float | None = None
        self.set_colour(accent(self.palette()))

    def set_colour(self, colour: QColor) -> None:
        track = hairline(self.palette()).name()
        self.setStyleSheet(
            f"QProgressBar {{ background: {track}; border: none; border-radius: 4px; }}"
            f" QProgressBar::chunk {{ background: {colour.name()}; border-radius: 4px; }}"
        )

    def set_shares(self, reached: Decimal | None, expected: Decimal | None) -> None:
        """``reached`` and ``expected`` as fractions of the target (1 = the target)."""
        share = 0.0 if reached is None else max(0.0, min(1.0, float(reached)))
        self.setValue(round(share * BAR_STEPS))
        self.expected = None if expected is None else max(0.0, min(1.0, float(expected)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.expected is None or self.expected <= 0 or self.expected >= 1:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self.expected * (self.width() - 2) + 1
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(self.palette().ColorRole.WindowText))
        painter.drawRoundedRect(QRectF(x - 1, 0, 2, self.height()), 1, 1)
        painter.end()


class TargetCard(QFrame):
    """One target's progress; see the module docstring.

    Signals:
        activated(str): the card was clicked or activated by keyboard; the metric key.
    """

    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(220)
        self.metric_key = ""
        self.progress: TargetProgress | None = None
        self._hover = False
        palette = self.palette()
        muted = muted_text(palette).name()

        self.plan = QLabel(self)
        self.plan.setObjectName("targetPlan")
        tint = accent(palette)
        self.plan.setStyleSheet(
            f"QLabel#targetPlan {{ background: {rgba(tint, 0.10)}; color: {tint.name()};"
            " border-radius: 4px; padding: 1px 6px; }"
        )
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        self.plan.setFont(small)
        self.name = ElidedLabel("", self)
        name_font = QFont(self.font())
        name_font.setWeight(QFont.Weight.DemiBold)
        self.name.setFont(name_font)

        self.value = QLabel("—", self)
        self.value.setObjectName("targetValue")
        value_font = QFont(self.font())
        value_font.setPointSizeF(self.font().pointSizeF() * 2.2)
        value_font.setWeight(QFont.Weight.Bold)
        self.value.setFont(value_font)
        self.unit = QLabel("", self)
        self.unit.setStyleSheet(f"color: {muted};")

        self.target = ElidedLabel("", self)
        self.target.setStyleSheet(f"color: {muted};")
        self.bar = PaceBar(self)
        self.pace = QLabel("", self)
        self.pace.setObjectName("targetPace")
        pace_font = QFont(self.font())
        pace_font.setWeight(QFont.Weight.DemiBold)
        self.pace.setFont(pace_font)
        self.expected = ElidedLabel("", self)
        self.expected.setStyleSheet(f"color: {muted};")
        self.expected.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.detail = QLabel("", self)
        self.detail.setStyleSheet(f"color: {muted};")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.plan, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.name, 1)
        figure = QHBoxLayout()
        figure.setSpacing(6)
        figure.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBaseline)
        figure.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBaseline)
        figure.addStretch(1)
        figure.addWidget(self.detail, 0, Qt.AlignmentFlag.AlignBaseline)
        foot = QHBoxLayout()
        foot.setSpacing(8)
        foot.addWidget(self.pace, 0)
        foot.addWidget(self.expected, 1)  # takes the rest; elided only if it must be

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addLayout(figure)
        layout.addWidget(self.target)
        layout.addSpacing(2)
        layout.addWidget(self.bar)
        layout.addSpacing(2)
        layout.addLayout(foot)
        self._restyle()

    # ------------------------------------------------------------------ content

    def set_progress(self, progress: TargetProgress, detail: str = "") -> None:
        """Show ``progress``; ``detail`` is a short note beside the figure (for a rate,
        what it is made of: 开工 2 / 签约 26 个)."""
        self.progress = progress
        self.detail.setText(detail)
        key = self.metric_key = progress.metric_key
        self.plan.setText(progress.plan)
        self.plan.setVisible(bool(progress.plan))
        self.name.setText(progress.display_name)
        unit = fmt.display_unit(key)
        self.value.setText(fmt.number(key, progress.value))
        self.unit.setText("" if unit == "%" and progress.value is None else unit)
        p = progress.pace
        target = fmt.with_unit(key, progress.target, exact=False)
        reached = fmt.percent(p.reached) if p is not None else "—"
        self.target.setText(self.tr("目标 {0} · 完成 {1}").format(target, reached))
        metric = BY_KEY.get(key)
        self.setToolTip(
            self.tr("{0}\n{1}\n点击查看构成该数字的记录").format(
                progress.display_name, metric.description if metric else key
            )
        )
        if p is None:
            self.bar.set_shares(None, None)
            self.bar.set_colour(NEUTRAL)
            self.pace.setText(self.tr("尚无可计算的数据"))
            self.pace.setStyleSheet(f"color: {muted_text(self.palette()).name()};")
            self.expected.setText("")
            return
        expected_share = None
        if not progress.is_rate and p.target:
            expected_share = p.expected / p.target
        self.bar.set_shares(p.reached, expected_share)
        text, ahead = fmt.pace_text(key, p.delta)
        colour = AHEAD if ahead else (BEHIND if ahead is False else NEUTRAL)
        self.bar.set_colour(AHEAD if p.ahead else BEHIND)
        self.pace.setText(text)
        self.pace.setStyleSheet(f"color: {colour.name()};")
        if progress.is_rate:
            self.expected.setText("")  # the expected value of a rate is its target, shown above
        else:
            self.expected.setText(
                self.tr("应达 {0}").format(
                    fmt.with_unit(key, p.expected.quantize(Decimal("0.0001")))
                )
            )

    # ------------------------------------------------------------------ look and input

    def _restyle(self) -> None:
        palette = self.palette()
        border = accent(palette).name() if self._hover or self.hasFocus() else None
        self.setStyleSheet(
            f"QFrame#targetCard {{ background: {palette.base().color().name()};"
            f" border: 1px solid {border or hairline(palette).name()}; border-radius: 10px; }}"
        )

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover = True
        self._restyle()
        super().enterEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._hover = False
        self._restyle()
        super().leaveEvent(event)  # type: ignore[arg-type]

    def focusInEvent(self, event: object) -> None:
        self._restyle()
        super().focusInEvent(event)  # type: ignore[arg-type]

    def focusOutEvent(self, event: object) -> None:
        self._restyle()
        super().focusOutEvent(event)  # type: ignore[arg-type]

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.metric_key)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.metric_key)
            event.accept()
            return
        super().keyPressEvent(event)
