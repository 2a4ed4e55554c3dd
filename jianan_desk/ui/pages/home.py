"""The 首页 page: which database is open and how much it holds.

The counts come from ``services.overview`` (no queries here) and are reloaded when the hub
announces a change to projects, companies or trips.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from jianan_desk.services.overview import Overview, load_overview
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.pages.base import Page, PageContext
from jianan_desk.ui.style import hairline, muted_text
from jianan_desk.ui.widgets.elided_label import ElidedLabel


class StatCard(QFrame):
    """A number with a caption beneath, in a light bordered card."""

    def __init__(self, caption: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        palette = self.palette()
        self.setStyleSheet(
            f"QFrame#statCard {{ background: {palette.base().color().name()};"
            f" border: 1px solid {hairline(palette).name()}; border-radius: 10px; }}"
        )
        self.setMinimumWidth(180)
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet(f"color: {muted_text(palette).name()};")
        self.value = QLabel("–", self)
        value_font = QFont(self.font())
        value_font.setPointSizeF(self.font().pointSizeF() * 2.4)
        value_font.setWeight(QFont.Weight.Bold)
        self.value.setFont(value_font)
        self.unit = QLabel(unit, self)
        self.unit.setStyleSheet(f"color: {muted_text(palette).name()};")

        number = QHBoxLayout()
        number.setSpacing(6)
        number.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBaseline)
        number.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBaseline)
        number.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addLayout(number)

    def set_value(self, value: int) -> None:
        self.value.setText(f"{value:,}")


class HomePage(Page):
    page_id = "home"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        palette = self.palette()

        self.heading = QLabel(self.tr("首页"), self)
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(self.font().pointSizeF() * 1.8)
        heading_font.setWeight(QFont.Weight.Bold)
        self.heading.setFont(heading_font)

        self.database = ElidedLabel(
            self.tr("当前数据库：{0}").format(context.db.display_name), self
        )
        self.database.setStyleSheet(f"color: {muted_text(palette).name()};")

        self.projects = StatCard(self.tr("项目"), self.tr("个"), self)
        self.companies = StatCard(self.tr("客商"), self.tr("家"), self)
        self.trips = StatCard(self.tr("外出招商"), self.tr("次"), self)
        cards = QHBoxLayout()
        cards.setSpacing(16)
        for card in (self.projects, self.companies, self.trips):
            cards.addWidget(card, 1)

        self.note = QLabel(
            self.tr("签约、开工、投资完成情况与年度目标进度将在这里汇总显示。"), self
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {muted_text(palette).name()};")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addWidget(self.database)
        layout.addSpacing(28)
        layout.addLayout(cards)
        layout.addSpacing(24)
        layout.addWidget(self.note)
        layout.addStretch(1)

        context.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        self.show_overview(load_overview(self.context.db))

    def show_overview(self, overview: Overview) -> None:
        self.projects.set_value(overview.projects)
        self.companies.set_value(overview.companies)
        self.trips.set_value(overview.trips)

    def _on_changed(self, what: str) -> None:
        if Hub.concerns(what, Hub.PROJECTS, Hub.COMPANIES, Hub.TRIPS):
            self.refresh()
