"""The kanban shows its cards without waiting for the grouped summary: the column headers
say "…" until their counts and 亿元 arrive, and a newer filter supersedes an older load
(its late summary never reaches the headers)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from jianan_desk.domain.stages import Stage
from jianan_desk.services import project_query
from jianan_desk.services.project_query import ProjectFilter, count_and_sum
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.models import Unit
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.widgets import project_board as board_module
from jianan_desk.ui.widgets.project_board import ProjectBoard

ACTOR = "王招商"


@pytest.fixture
def projects(db) -> dict[str, str]:
    with db.session() as s:
        unit = s.scalars(select(Unit.id)).first()
        ids = {}
        for key, name, amount, stage in (
            ("sanjia", "三佳万向节总成项目", "5亿", "开工"),
            ("ruibeika", "瑞贝卡假发生产基地项目", "12亿", "签约"),
            ("cold", "冷链物流中心项目", "8000万", "线索"),
            ("cold2", "冷链仓储二期项目", "3000万", "线索"),
        ):
            d = create_project(
                s,
                ProjectInput(name=name, total_investment_wan=amount, unit_id=unit),
                ACTOR,
                stage=stage,
                stage_on="2021-06-01",
            )
            ids[key] = d.id
    return ids


@pytest.fixture
def gate(monkeypatch) -> Iterator[threading.Event]:
    """Holds every grouped summary until set (the slow query, made slower at will)."""
    opened = threading.Event()
    real = project_query.stage_summary

    def held(session, f):
        assert opened.wait(10), "the test never released the summary"
        return real(session, f)

    monkeypatch.setattr(board_module, "stage_summary", held)
    yield opened
    opened.set()  # never leave a worker waiting


@pytest.fixture
def board(qtbot, db, projects, app_font) -> ProjectBoard:
    widget = ProjectBoard(db, Hub(), ACTOR)
    qtbot.addWidget(widget)
    widget.resize(1400, 600)
    return widget


def test_cards_are_shown_before_the_summary_and_headers_say_ellipsis(
    qtbot, db, board, projects, gate
):
    with qtbot.waitSignal(board.cards_shown, timeout=5000):
        board.reload()
    lead = board.columns[Stage.LEAD]
    assert set(lead.model.ids()) == {projects["cold"], projects["cold2"]}
    assert board.cards(Stage.STARTED).ids() == [projects["sanjia"]]
    assert board.busy and board.summary_pending and not board.cards_pending
    for stage, column in board.columns.items():
        assert column.title.text() == stage.label  # no count, old or new
        assert column.summary.text() == "…"
        assert not column.more.isVisibleTo(board)
    assert not lead.empty.isVisibleTo(board)
    assert board.columns[Stage.SIGNED].model.rowCount() == 1

    with qtbot.waitSignal(board.loaded, timeout=5000):
        gate.set()
    assert not board.busy
    assert lead.title.text() == "线索  2"
    assert lead.summary.text() == "1.10 亿元"
    assert board.columns[Stage.SIGNED].summary.text() == "12.00 亿元"
    assert board.columns[Stage.OPERATING].title.text() == "投产/运营  0"
    assert board.columns[Stage.OPERATING].empty.isVisibleTo(board)
    with db.session(readonly=True) as s:
        assert (board.count, board.total_wan) == count_and_sum(s, ProjectFilter())


def test_the_summary_starts_only_after_the_cards_are_shown(qtbot, db, board, monkeypatch):
    """The cards never compete with the grouped summary: while the cards are being
    loaded no summary runs (the headers say "…"); it is started once they are shown,
    and then the headers get the right figures."""
    events: list[str] = []
    cards_held = threading.Event()
    real_cards, real_summary = board_module.first_cards, board_module.stage_summary

    def cards(session, f, **kwargs):
        events.append("cards start")
        assert cards_held.wait(10), "the test never released the cards"
        return real_cards(session, f, **kwargs)

    def summary(session, f):
        events.append("summary start")
        return real_summary(session, f)

    monkeypatch.setattr(board_module, "first_cards", cards)
    monkeypatch.setattr(board_module, "stage_summary", summary)
    board.cards_shown.connect(lambda: events.append("cards shown"))
    try:
        board.reload()
        qtbot.waitUntil(lambda: "cards start" in events, timeout=5000)
        qtbot.wait(50)  # a summary started beside the cards would have begun by now
        assert events == ["cards start"] and board.summary_requests == 0
        assert all(c.summary.text() == "…" for c in board.columns.values())
    finally:
        cards_held.set()
    with qtbot.waitSignal(board.loaded, timeout=5000):
        pass
    assert events == ["cards start", "cards shown", "summary start"]
    assert board.summary_requests == 1
    lead = board.columns[Stage.LEAD]
    assert lead.title.text() == "线索  2" and lead.summary.text() == "1.10 亿元"
    with db.session(readonly=True) as s:
        assert (board.count, board.total_wan) == count_and_sum(s, ProjectFilter())


def test_cards_paint_with_colours_worked_out_once_per_palette(qtbot, board, monkeypatch, qapp):
    from PySide6.QtGui import QColor, QPalette

    calls: list[int] = []
    real = board_module.muted_text

    def counted(palette):
        calls.append(1)
        return real(palette)

    monkeypatch.setattr(board_module, "muted_text", counted)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.reload()
    board.grab()  # paints the 4 cards
    delegates = [c.list.itemDelegate() for c in board.columns.values()]
    painted = [d for d in delegates if d._look is not None]
    assert painted and len(calls) == len(painted)  # once per column's delegate, not per card
    before = painted[0]._look[2]
    old = qapp.palette()
    dark = QPalette(old)
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    qapp.setPalette(dark)
    try:
        board.grab()
        assert painted[0]._look[2][3] == QColor("#eeeeee") != before[3]
    finally:
        qapp.setPalette(old)


def test_a_newer_filter_supersedes_the_older_load(qtbot, db, board, projects, monkeypatch):
    """The older filter's summary answers last (and without being cancelled: its figures
    are returned as they were): the headers keep the newer filter's figures."""
    older, newer = ProjectFilter(text="冷链"), ProjectFilter(text="三佳")
    with db.session(readonly=True) as s:
        older_totals = project_query.stage_summary(s, older)
    late = threading.Event()
    entered = threading.Event()
    answered = threading.Event()
    real = project_query.stage_summary

    def summary(session, f):
        if f == older:
            entered.set()
            assert late.wait(10)
            answered.set()
            return older_totals
        return real(session, f)

    monkeypatch.setattr(board_module, "stage_summary", summary)
    try:
        with qtbot.waitSignal(board.cards_shown, timeout=5000):
            board.set_filter(older)
        assert board.columns[Stage.LEAD].model.rowCount() == 2
        assert entered.wait(5)  # the older summary runs (it starts after the cards)
        with qtbot.waitSignal(board.loaded, timeout=5000):
            board.set_filter(newer)
    finally:
        late.set()
    assert answered.wait(5)
    qtbot.wait(100)  # the older answer's delivery to the GUI thread
    assert board.cards(Stage.LEAD).ids() == []
    assert board.cards(Stage.STARTED).ids() == [projects["sanjia"]]
    assert board.columns[Stage.LEAD].title.text() == "线索  0"
    assert board.columns[Stage.STARTED].title.text() == "开工  1"
    assert not board.busy
    with db.session(readonly=True) as s:
        assert (board.count, board.total_wan) == count_and_sum(s, newer)


def test_show_more_waits_for_the_count(qtbot, board, projects, gate, monkeypatch):
    monkeypatch.setattr(board_module, "CARDS_PER_COLUMN", 1)
    with qtbot.waitSignal(board.cards_shown, timeout=5000):
        board.reload()
    lead = board.columns[Stage.LEAD]
    assert lead.model.rowCount() == 1 and lead.hidden == 0
    assert not lead.more.isVisibleTo(board)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        gate.set()
    assert lead.hidden == 1 and lead.more.isVisibleTo(board)
    with qtbot.waitSignal(board.more_loaded, timeout=5000):
        lead.more.click()
    assert set(lead.model.ids()) == {projects["cold"], projects["cold2"]}
