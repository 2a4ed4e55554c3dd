"""The 项目库 kanban: one column per stage (线索 → 投产/运营; 终止 folded at the end).

Each column's header shows its count and total investment (亿元) over the whole filtered
set, from one grouped query; the column holds only its most recently changed cards
(``CARDS_PER_COLUMN``), and "显示更多…" fetches the next ones. Off the GUI thread, one
read-only Session each, the cards are loaded first (``services.project_board``) and shown
as soon as they arrive; only then does the grouped summary start, the headers saying "…"
until their counts and 亿元 are in (the two side by side competed for the CPUs and delayed
the cards). A newer filter cancels the loads still running for an older one (inside
SQLite, as for the list), and an older load's late answer is dropped.

Cards show name, investor, 亿元 and days in stage. Dragging a card onto a later stage's
column calls ``move_card(project_id, stage)``, which asks for the date and a note
(``ProjectStageDialog``) and applies ``advance_stage``; tests call ``move_card`` with
``on=`` to skip the dialog.

Signals:
    message(str, bool): something to tell the user (text, is_error).
    open_project(str): a card was double-clicked.
    cards_shown(): every column shows its first cards (the headers still say "…": their
        summary starts now).
    loaded(): every column is filled, headers included (``count``/``total_wan`` hold the
        board's totals).
    more_loaded(str): a column (stage code) received its next cards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.domain.stages import Stage
from jianan_desk.services.errors import NotFoundError, ValidationError
from jianan_desk.services.project_board import (
    CARDS_PER_COLUMN,
    MORE_CARDS,
    first_cards,
    more_cards,
)
from jianan_desk.services.project_query import (
    CancelToken,
    ProjectFilter,
    ProjectRow,
    QueryCancelled,
    StageTotal,
    interruptible,
    stage_summary,
)
from jianan_desk.services.projects import StageChangeResult
from jianan_desk.store.engine import Database
from jianan_desk.ui.dialogs.project_stage import (
    ADVANCE,
    ProjectStageDialog,
    StageChangeRequest,
    apply_stage_change,
)
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.project_board import (
    BOARD_STAGES,
    PROJECT_MIME,
    ROW_ROLE,
    StageCardsModel,
)
from jianan_desk.ui.models.project_table import ENTITY_ROLE, yi_text
from jianan_desk.ui.operations import run_in_background
from jianan_desk.ui.style import hairline, muted_text

CARD_HEIGHT = 76
COLUMN_WIDTH = 230


class CardDelegate(QStyledItemDelegate):
    """Paints a card: name (bold), investor, 亿元 left and days in stage right.

    The colours and the bold font are worked out once per palette and font, not per card
    (a board update paints ~50 cards; deriving the colours per card was a large share)."""

    _look: tuple[int, QFont, tuple[QColor, ...], QFont] | None = None

    def _colours(self, font: QFont) -> tuple[QFont, tuple[QColor, ...]]:
        """(bold font, (highlight, hairline, base, text, muted)) for the app palette."""
        palette = QApplication.palette()  # the view's own is transparent (board style)
        key = palette.cacheKey()
        look = self._look
        if look is None or look[0] != key or look[3] != font:
            bold = QFont(font)
            bold.setBold(True)
            colours = (
                palette.color(QPalette.ColorRole.Highlight),
                hairline(palette),
                palette.color(QPalette.ColorRole.Base),
                palette.color(QPalette.ColorRole.Text),
                muted_text(palette),
            )
            look = self._look = (key, bold, colours, QFont(font))
        return look[1], look[2]

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(40, CARD_HEIGHT)  # as wide as the column (a non-wrapping list)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row: ProjectRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        font = option.font
        bold, (highlight, border, base, text, muted) = self._colours(font)
        rect = option.rect.adjusted(4, 3, -4, -3)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(highlight if selected else border)
        painter.setBrush(base)
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(10, 6, -10, -6)
        line = inner.height() // 3
        painter.setFont(bold)
        painter.setPen(text)
        metrics = painter.fontMetrics()
        name_rect = QRect(inner.left(), inner.top(), inner.width(), line)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.setFont(font)
        metrics = painter.fontMetrics()
        painter.setPen(muted)
        investor = row.investor_name or "—"
        painter.drawText(
            QRect(inner.left(), inner.top() + line, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(investor, Qt.TextElideMode.ElideRight, inner.width()),
        )
        bottom = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line)
        painter.setPen(text)
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{yi_text(row.total_investment_wan)} 亿元",
        )
        if row.days_in_stage is not None:
            painter.setPen(muted)
            painter.drawText(
                bottom,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"本阶段 {row.days_in_stage} 天",
            )
        painter.restore()


class CardList(QListView):
    """One column's card list: drags cards out, accepts cards dropped from other columns."""

    def __init__(self, board: ProjectBoard, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board, self.stage = board, stage
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(1)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setItemDelegate(CardDelegate(self))
        self.doubleClicked.connect(lambda index: board.open_project.emit(index.data(ENTITY_ROLE)))

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return event.mimeData().hasFormat(PROJECT_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        project_id = bytes(event.mimeData().data(PROJECT_MIME).data()).decode()
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the model is not edited by the view
        event.accept()
        self.board.move_card(project_id, self.stage)


class StageColumn(QFrame):
    def __init__(self, board: ProjectBoard, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName("boardColumn")
        self.model = StageCardsModel(stage, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel(stage.label, self)
        self.title.setObjectName("boardColumnTitle")
        self.summary = QLabel("", self)
        self.summary.setObjectName("boardColumnSummary")
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.summary)
        self.fold = QToolButton(self)
        self.fold.setAutoRaise(True)
        self.fold.setVisible(stage is Stage.DROPPED)
        self.fold.clicked.connect(lambda: self.set_folded(not self.folded))
        head.addWidget(self.fold)
        layout.addLayout(head)
        self.list = CardList(board, stage, self)
        self.list.setModel(self.model)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("（无项目）"), self)
        self.empty.setObjectName("boardColumnMore")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)
        layout.addWidget(self.empty)
        self.more = QPushButton(self)
        self.more.setObjectName("boardColumnMoreButton")
        self.more.setFlat(True)
        self.more.setToolTip(self.tr("按最近更新排序，再显示 {0} 个").format(MORE_CARDS))
        self.more.clicked.connect(lambda: board.load_more(stage))
        layout.addWidget(self.more)
        self.folded = False
        self.loading_more = False
        self.known = False  # whether ``total`` is the current filter's (the summary is in)
        self.total = StageTotal(stage.value, stage.label, 0, Decimal(0))
        self.set_folded(stage is Stage.DROPPED)
        self.set_pending()

    @property
    def hidden(self) -> int:
        """Matching projects of this column not shown as cards yet (0 while the count is
        not known: "显示更多…" waits for it)."""
        return max(0, self.total.count - self.model.rowCount()) if self.known else 0

    def set_pending(self) -> None:
        """The count and 亿元 of a new filter are on their way: say so, show no old figure."""
        self.known = False
        self.title.setText(self.stage.label)
        self.summary.setText("…")
        self.summary.setToolTip(self.tr("正在统计本列的项目数与投资额"))
        self.update_more()

    def set_folded(self, folded: bool) -> None:
        self.folded = folded
        self.list.setVisible(not folded)
        self.summary.setVisible(not folded)
        self.fold.setText(self.tr("展开") if folded else self.tr("收起"))
        self.fold.setToolTip(self.tr("展开") if folded else self.tr("收起"))
        self.setFixedWidth(110 if folded else COLUMN_WIDTH)
        self.update_more()

    def set_total(self, total: StageTotal) -> None:
        self.total = total
        self.known = True
        self.title.setText(f"{total.label}  {total.count:,}")
        self.summary.setText(f"{yi_text(total.total_investment_wan)} 亿元")
        self.summary.setToolTip("")
        self.update_more()

    def set_cards(self, rows: Sequence[ProjectRow]) -> None:
        self.loading_more = False
        self.model.set_rows(rows)
        self.update_more()

    def add_cards(self, rows: Sequence[ProjectRow]) -> None:
        self.loading_more = False
        self.model.append_rows(rows)
        self.update_more()

    def update_more(self) -> None:
        hidden = self.hidden
        if self.loading_more:
            self.more.setText(self.tr("正在加载…"))
        else:
            self.more.setText(self.tr("显示更多…（还有 {0:,} 个）").format(hidden))
        self.more.setEnabled(not self.loading_more)
        self.more.setVisible(not self.folded and hidden > 0)
        self.empty.setVisible(
            not self.folded
            and (self.total.count == 0 if self.known else self.model.rowCount() == 0)
        )


class ProjectBoard(QWidget):
    message = Signal(str, bool)
    open_project = Signal(str)
    cards_shown = Signal()
    loaded = Signal()
    more_loaded = Signal(str)

    def __init__(self, db: Database, hub: Hub, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.hub, self.actor = db, hub, actor
        self.filter = ProjectFilter()
        self._generation = 0
        self._token = CancelToken()
        box = self._token_box = [self._token]
        self.destroyed.connect(lambda *_: box[0].cancel())  # a closed page stops its query
        self.busy = False
        self.cards_pending = False  # the current load's cards not shown yet
        self.summary_pending = False  # the current load's column counts not shown yet
        self.count = 0
        self.total_wan = Decimal(0)
        self.cancelled = 0  # superseded loads stopped (for tests and benchmarks)
        self.summary_requests = 0  # grouped summaries started (for tests)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        strip = QWidget(scroll)
        strip.setObjectName("boardStrip")
        row = QHBoxLayout(strip)
        row.setContentsMargins(8, 8, 8, 8)
        row.setSpacing(8)
        self.columns: dict[Stage, StageColumn] = {}
        for stage in BOARD_STAGES:
            column = StageColumn(self, stage, strip)
            self.columns[stage] = column
            row.addWidget(column)
        row.addStretch(1)
        scroll.setWidget(strip)
        outer.addWidget(scroll)
        line = hairline(self.palette()).name()
        window = self.palette().color(QPalette.ColorRole.Window)
        self.setStyleSheet(
            f"QFrame#boardColumn {{ background: {window.name()}; border: 1px solid {line};"
            " border-radius: 8px; }"
            "QLabel#boardColumnTitle { font-weight: 600; }"
            f"QLabel#boardColumnSummary, QLabel#boardColumnMore {{ color: "
            f"{muted_text(self.palette()).name()}; }}"
            f"QListView {{ background: {window.name()}; border: none; }}"
            "QListView QScrollBar:vertical { width: 8px; background: transparent; margin: 0; }"
            "QListView QScrollBar::handle:vertical { background: palette(mid);"
            " border-radius: 4px; min-height: 24px; }"
            "QListView QScrollBar::add-line:vertical, QListView QScrollBar::sub-line:vertical"
            " { height: 0; }"
            "QListView QScrollBar::add-page:vertical, QListView QScrollBar::sub-page:vertical"
            " { background: none; }"
        )

    def cards(self, stage: Stage) -> StageCardsModel:
        return self.columns[stage].model

    def set_filter(self, f: ProjectFilter) -> None:
        self.filter = f
        self.reload()

    def _new_token(self) -> CancelToken:
        self._token.cancel()  # whatever still runs for an older reload: stop it
        token = self._token = self._token_box[0] = CancelToken()
        return token

    def reload(self) -> None:
        """Reload in the background: the cards first, then the headers. ``cards_shown``
        once every column shows its first cards (``first_cards``: one walk down the
        ``updated_at`` index, then the columns it left short); only then is the grouped
        summary (``stage_summary``) started, and ``loaded`` follows once the headers'
        counts and 亿元 are in (``busy`` until then). Until the summary is in, each header
        says "…" rather than an old figure.

        One read-only Session each, one after the other: run side by side, the summary
        competed with the cards for the CPUs (and the GIL) and delayed them (signed 2021
        on the 100k database: 100–126 ms to the cards instead of ≈ 50).
        """
        self._generation += 1
        generation = self._generation
        token = self._new_token()
        db, f, limit = self.db, self.filter, CARDS_PER_COLUMN
        self.busy = self.cards_pending = self.summary_pending = True
        for column in self.columns.values():
            column.set_pending()

        def cards_work() -> dict[str, list[ProjectRow]]:
            token.check()  # superseded while queued: do not start
            with db.session(readonly=True) as s:
                return first_cards(s, f, limit=limit, token=token)

        def totals_work() -> list[StageTotal]:
            token.check()
            with db.session(readonly=True) as s, interruptible(s, token):
                return stage_summary(s, f)

        def current() -> bool:
            return shiboken6.isValid(self) and generation == self._generation

        def got_cards(cards: dict[str, list[ProjectRow]]) -> None:
            if not current():
                return
            for stage, column in self.columns.items():
                column.set_cards(cards.get(stage.value, ())[:limit])
            self.cards_pending = False
            self.cards_shown.emit()
            # the headers now: the cards no longer wait for anything
            self.summary_requests += 1
            run_in_background(totals_work, on_result=got_totals, on_error=self._failed(generation))

        def got_totals(totals: list[StageTotal]) -> None:
            if not current():
                return
            for total in totals:
                column = self.columns[Stage(total.stage)]
                if not total.count and column.model.rowCount():
                    column.set_cards(())  # changed meanwhile: the header is the newer
                column.set_total(total)
            self.count = sum(t.count for t in totals)
            self.total_wan = sum((t.total_investment_wan for t in totals), Decimal(0))
            self.summary_pending = False
            self._settle()

        run_in_background(cards_work, on_result=got_cards, on_error=self._failed(generation))

    def _settle(self) -> None:
        if not self.cards_pending and not self.summary_pending:
            self._finish()

    def load_more(self, stage: Stage | str) -> None:
        """Fetch the next cards of ``stage``'s column (its "显示更多…"), in the background;
        ``more_loaded(stage)`` when they are shown."""
        column = self.columns[Stage(stage)]
        if column.loading_more or column.hidden <= 0:
            return
        generation, token = self._generation, self._token
        db, f = self.db, self.filter
        code, offset, matches = column.stage.value, column.model.rowCount(), column.total.count
        column.loading_more = True
        column.update_more()

        def work() -> list[ProjectRow]:
            token.check()
            with db.session(readonly=True) as s, interruptible(s, token):
                return more_cards(s, f, code, offset, limit=MORE_CARDS, matches=matches)

        def done(rows: list[ProjectRow]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return
            column.add_cards(rows)
            self.more_loaded.emit(code)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                column.loading_more = False
                column.update_more()
            self._failed(generation)(exc)

        run_in_background(work, on_result=done, on_error=failed)

    def _failed(self, generation: int) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            if isinstance(exc, QueryCancelled):  # superseded: a newer load is on its way
                self.cancelled += 1
                return
            if generation == self._generation:
                self.busy = self.cards_pending = self.summary_pending = False
                self.message.emit(str(exc) or type(exc).__name__, True)

        return failed

    def _finish(self) -> None:
        self.busy = False
        self.loaded.emit()

    def _card(self, project_id: str) -> ProjectRow | None:
        for column in self.columns.values():
            for n in range(column.model.rowCount()):
                if column.model.card(n).id == project_id:
                    return column.model.card(n)
        return None

    def move_card(
        self,
        project_id: str,
        stage: Stage | str,
        *,
        on: dt.date | None = None,
        note: str = "",
    ) -> StageChangeResult | None:
        """Advance ``project_id`` to ``stage`` (a drop). Without ``on`` the date/note dialog
        asks (cancel: nothing happens). Returns the result, or None (refused or cancelled;
        ``message`` says why)."""
        target = Stage(stage)
        card = self._card(project_id)
        if card is not None and card.stage == target.value:
            return None
        if target is Stage.DROPPED:
            self.message.emit(self.tr("终止项目请在项目表单中操作（需填写原因）"), True)
            return None
        if card is not None and Stage(card.stage).rank >= target.rank >= 0:
            self.message.emit(self.tr("只能拖到后面的阶段；回退请在项目表单中“更正”"), True)
            return None
        if on is None:
            dialog = ProjectStageDialog(
                ADVANCE, card.name if card else "", (target,), preselect=target, parent=self
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            request = dialog.request()
        else:
            request = StageChangeRequest(ADVANCE, target, on, note)
        try:
            result = apply_stage_change(self.db, project_id, request, self.actor)
        except ValidationError as exc:
            self.message.emit("；".join(exc.errors.values()), True)
            return None
        except NotFoundError as exc:
            self.message.emit(str(exc), True)
            return None
        text = self.tr("已推进至{0}").format(result.stage_label)
        self.message.emit("；".join((text, *result.messages)), False)
        self.hub.announce(Hub.PROJECTS)
        return result


__all__ = ["ProjectBoard"]
