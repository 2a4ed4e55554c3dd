"""What every navigation page gets and provides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from jianan_desk.ui.hub import Hub
from jianan_desk.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from jianan_desk.store.engine import Database


@dataclass(frozen=True)
class PageContext:
    """A page's dependencies: the open database (for service calls) and the change hub."""

    db: Database
    hub: Hub


class Page(QWidget):
    """A page of the main window. Subclasses set ``page_id`` (the English id, e.g. 'projects')."""

    page_id: ClassVar[str] = ""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"page_{self.page_id}")


class PlaceholderPage(Page):
    """A page whose content comes later: its title and one sentence on what it will hold.

    Subclasses call ``set_placeholder(self.tr(...), ...)`` in their constructor, so that the
    strings are translated in the subclass's own context.
    """

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.empty_state = EmptyState("", "", parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_state)

    def set_placeholder(self, title: str, description: str, badge: str = "") -> None:
        self.empty_state.set_title(title)
        self.empty_state.set_description(description)
        self.empty_state.set_badge(badge)
