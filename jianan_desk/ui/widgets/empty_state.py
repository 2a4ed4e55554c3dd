"""A page's placeholder before it has content: a badge, a title and one muted sentence."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from jianan_desk.ui.style import accent, muted_text, rgba

TEXT_WIDTH = 460


class EmptyState(QWidget):
    """Centred title and description, e.g. for a page whose content comes later.

    ``badge`` is one short text (a character) shown in a tinted rounded square above the
    title; empty for none. Colours come from the palette, so a dark theme stays legible.
    """

    def __init__(
        self,
        title: str,
        description: str,
        *,
        badge: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        palette = self.palette()
        tint = accent(palette)

        self.badge = QLabel(badge, self)
        self.badge.setObjectName("emptyStateBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedSize(64, 64)
        badge_font = QFont(self.font())
        badge_font.setPointSizeF(self.font().pointSizeF() * 2.2)
        badge_font.setWeight(QFont.Weight.Bold)
        self.badge.setFont(badge_font)
        self.badge.setStyleSheet(
            f"QLabel#emptyStateBadge {{ background: {rgba(tint, 0.10)};"
            f" color: {tint.name()}; border-radius: 16px; }}"
        )
        self.badge.setVisible(bool(badge))

        self.title = QLabel(title, self)
        self.title.setObjectName("emptyStateTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.6)
        title_font.setWeight(QFont.Weight.Bold)
        self.title.setFont(title_font)

        self.description = QLabel(description, self)
        self.description.setObjectName("emptyStateText")
        self.description.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.description.setWordWrap(True)
        self.description.setFixedWidth(TEXT_WIDTH)
        self.description.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self.description.setStyleSheet(
            f"QLabel#emptyStateText {{ color: {muted_text(palette).name()}; }}"
        )
        text_font = QFont(self.font())
        text_font.setPointSizeF(self.font().pointSizeF() * 1.05)
        self.description.setFont(text_font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(0)
        layout.addStretch(2)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(20)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.description, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self._fit_description()

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def set_description(self, description: str) -> None:
        self.description.setText(description)
        self._fit_description()

    def _fit_description(self) -> None:
        # A word-wrapped label centred by an alignment flag gets no height-for-width from
        # the layout: give it the height its text needs at the fixed width.
        self.description.setFixedHeight(max(0, self.description.heightForWidth(TEXT_WIDTH)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_description()

    def set_badge(self, badge: str) -> None:
        self.badge.setText(badge)
        self.badge.setVisible(bool(badge))
