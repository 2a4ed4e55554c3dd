"""The 项目库 list: filters, counts and sums, sorted pages, saved filter sets.

Everything runs in SQL and returns plain data; nothing here loads all projects into
Python. Built for a lazy ``QAbstractTableModel`` over 100,000 projects:

* ``fetch_first_page(session, f, sort, descending, limit)``: the first rows of the list in
  one query, nothing counted (what the list shows first; a text search walks the sort index
  and stops at a page of matches, else scans the keys);
* ``count_and_sum(session, f)`` for the footer (row count, total investment), after it;
* ``fetch_ids(session, f, sort, descending)``: every matching id in display order, in one
  query: the model keeps this list (≈ 10 MB for 100k) and scrolling never re-sorts;
* ``fetch_rows(session, ids)``: the display rows of a slice of those ids (a page as the
  view scrolls), in the order given;
* ``fetch_page(session, f, sort, descending, offset, limit)``: sort + page in one call,
  when an offset window is simpler (fine for the first pages; deep offsets re-sort);
* ``stage_summary`` for the kanban's column headers, ``reference_choices`` for the
  filter widgets, ``save_filter``/``saved_filters``/``delete_saved_filter``;
* ``CancelToken`` + ``interruptible(session, token)``: a query superseded by a newer one
  is stopped while it runs (SQLite: a progress handler aborts the statement; PostgreSQL:
  a cancel request to the server) rather than left to finish and be thrown away.

Filter semantics: values within one criterion are alternatives (OR), criteria combine
(AND). ``None`` inside ``unit_ids``/``field_ids``/``task_force_ids`` selects projects
with that reference not filled in. Text search: every whitespace-separated term, folded
(``domain.search.fold``), must occur in the project's ``search_key`` (name, investor,
location with full pinyin and initials, notes); projects whose key was never computed
(bulk-inserted and not rebuilt) are not found by text.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    event,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from jianan_desk.domain.metrics import OVER_1B_WAN, OVER_100M_WAN
from jianan_desk.domain.project_fields import FAMILY_LABELS
from jianan_desk.domain.search import query_terms, text_only_term
from jianan_desk.domain.stages import PIPELINE, Stage
from jianan_desk.store import search_grams
from jianan_desk.store.dialect import POSTGRESQL, SQLITE, backend, statement_canceller
from jianan_desk.store.models import (
    IndustryNode,
    PlanField,
    Project,
    SavedFilter,
    TaskForce,
    Unit,
)
from jianan_desk.store.types import utcnow

PROJECTS_SCOPE = "projects"


class _NoIndex(FunctionElement[Any]):
    """An ORDER BY / GROUP BY key SQLite must not walk an index for (``+x``; plain ``x``
    elsewhere). Walking an index in order and fetching each row to test a filter no index
    serves (a text search) is far slower than one scan and a sort."""

    inherit_cache = True
    name = "noindex"

    def __init__(self, expr: Any) -> None:
        super().__init__(expr)
        self.type = expr.type


@compiles(_NoIndex)
def _noindex_default(element: _NoIndex, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_NoIndex, "sqlite")
def _noindex_sqlite(element: _NoIndex, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


class _SortScan(_NoIndex):
    """A sort key no engine may walk an index for: scan the matches, then sort them.

    SQLite ``+x`` as ``_NoIndex``; PostgreSQL ``COALESCE(x, x)`` (the same value, NULLs
    and collation included, but no index matches it). Without it PostgreSQL walks the
    ``updated_at`` index backwards for a selective filter such as "signed in 2021" and
    tests each row against it, expecting the matches spread evenly over time; they are
    not (2021's signings were last edited long ago), so it read 38,000 rows for 200
    (≈ 210 ms) where the filter's own index and a top-N sort take ≈ 30 ms.
    In WHERE and GROUP BY, PostgreSQL's statistics choose well: there ``_NoIndex`` stays
    plain ``x``.
    """

    inherit_cache = True
    name = "sortscan"


@compiles(_SortScan, "postgresql")
def _sortscan_postgresql(element: _SortScan, compiler: Any, **kw: Any) -> str:
    inner = str(compiler.process(element.clauses, **kw))
    return f"COALESCE({inner}, {inner})"


# ---------------------------------------------------------------- cancelling a query


class QueryCancelled(Exception):
    """The query was superseded (``CancelToken.cancel``) before or while it ran."""

    def __init__(self) -> None:
        super().__init__("查询已取消")


class CancelToken:
    """Shared by the GUI thread (``cancel``) and the workers running the queries.

    ``cancel`` returns at once: on PostgreSQL the cancel requests to the server are sent
    from a short-lived thread (``interruptible``), never from the caller's.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._hooks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            hooks, self._hooks = self._hooks, []
        for hook in hooks:
            hook()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise ``QueryCancelled`` if cancelled (call before starting work)."""
        if self._event.is_set():
            raise QueryCancelled()

    def _add_hook(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` on ``cancel`` (raise ``QueryCancelled`` if that happened already)."""
        with self._lock:
            self.check()
            self._hooks.append(hook)

    def _remove_hook(self, hook: Callable[[], None]) -> None:
        with self._lock:
            if hook in self._hooks:
                self._hooks.remove(hook)


PROGRESS_STEPS = 2_000  # SQLite VM instructions between two looks at the token
CANCEL_RETRY_S = 0.05  # PostgreSQL: a statement still running this long after a cancel…
CANCEL_ATTEMPTS = 40  # …gets another cancel request, this many times at most


class _ServerCancel:
    """Stops the statements of one ``interruptible`` block on a database server.

    A cancel request stops whatever statement the server runs for the connection at the
    moment it arrives, and is ignored by an idle one. So requests are sent only while a
    statement of this block is in flight (``before``/``after`` wrap each statement; a new
    statement is refused once the token is cancelled), and no request is sent after the
    block has ended (``close`` waits for one in progress): a pooled connection's next user
    is never hit. A statement that had just been sent when the request arrived (the server
    still reading it) is cancelled again after ``CANCEL_RETRY_S``.
    """

    def __init__(self, cancel: Callable[[], None], token: CancelToken) -> None:
        self._cancel = cancel
        self._token = token
        self._lock = threading.Lock()
        self._open = True
        self._running = False
        self._closed = threading.Event()

    def before(self, *_args: Any) -> None:
        self._token.check()
        with self._lock:
            self._running = True

    def after(self, *_args: Any) -> None:
        with self._lock:
            self._running = False

    def fire(self) -> None:
        threading.Thread(target=self._send, name="jianan-query-cancel", daemon=True).start()

    def _send(self) -> None:
        for _attempt in range(CANCEL_ATTEMPTS):
            with self._lock:
                if not self._open:
                    return
                if self._running:
                    try:
                        self._cancel()
                    except Exception:  # server unreachable: the statement fails by itself
                        return
            if self._closed.wait(CANCEL_RETRY_S):
                return

    def close(self) -> None:
        with self._lock:
            self._open = False
        self._closed.set()


@contextmanager
def interruptible(session: Session, token: CancelToken | None) -> Iterator[None]:
    """Run the block's queries so that ``token.cancel()`` stops them while they run.

    SQLite: a progress handler on the session's connection aborts the running statement
    as soon as the token is cancelled. PostgreSQL: a cancel request is sent to the server
    for the session's connection (``_ServerCancel``), and no further statement starts.
    Either way the block then raises ``QueryCancelled`` (the statement's own error is its
    ``__cause__``); the session's transaction is rolled back by its owner as after any
    error, and the connection goes back to the pool fit for use.
    """
    if token is None:
        yield
        return
    token.check()
    conn = session.connection()
    raw: Any = conn.connection.dbapi_connection
    handler = getattr(raw, "set_progress_handler", None)
    server_cancel = statement_canceller(raw) if handler is None else None
    guard: _ServerCancel | None = None
    if handler is not None:
        handler(lambda: 1 if token.cancelled else 0, PROGRESS_STEPS)
    elif server_cancel is not None:
        guard = _ServerCancel(server_cancel, token)
        event.listen(conn, "before_cursor_execute", guard.before)
        event.listen(conn, "after_cursor_execute", guard.after)
    try:
        if guard is not None:
            token._add_hook(guard.fire)  # raises if cancelled meanwhile: cleaned up below
        yield
    except Exception as exc:
        # only when the token asked for it: a statement_timeout also ends with SQLSTATE 57014
        # (``is_query_cancelled``), and that is an error to show, not a superseded query
        if token.cancelled:
            raise QueryCancelled() from exc
        raise
    finally:
        if handler is not None:
            handler(None, 0)
        if guard is not None:
            token._remove_hook(guard.fire)
            guard.close()
            event.remove(conn, "before_cursor_execute", guard.before)
            event.remove(conn, "after_cursor_execute", guard.after)
    token.check()


# ---------------------------------------------------------------- the filter


@dataclass(frozen=True)
class ProjectFilter:
    """A combination of criteria; the default selects every (not deleted) project."""

    stages: tuple[str, ...] = ()  # Stage codes
    node_ids: tuple[str, ...] = ()  # 222 nodes at any level: a group selects its industries
    field_ids: tuple[str | None, ...] = ()  # 5122 fields
    families: tuple[str, ...] = ()  # "attraction" / "key"
    unit_ids: tuple[str | None, ...] = ()
    leaders: tuple[str, ...] = ()  # leader in charge, exact names
    task_force_ids: tuple[str | None, ...] = ()
    signed_year: int | None = None
    signed_from: dt.date | None = None  # inclusive
    signed_to: dt.date | None = None  # inclusive
    investment_min_wan: Decimal | None = None  # inclusive, 万元
    investment_max_wan: Decimal | None = None  # inclusive, 万元
    over_100m: bool = False  # ≥ 1 亿元
    over_1b: bool = False  # ≥ 10 亿元
    text: str = ""
    deleted: bool = False  # True: only soft-deleted projects (the recycle bin)

    def is_empty(self) -> bool:
        return self == ProjectFilter(deleted=self.deleted)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (dates ISO, Decimals as strings); ``from_dict`` reverses it."""
        out: dict[str, Any] = {}
        default = ProjectFilter()
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(default, f.name):
                continue
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = str(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProjectFilter:
        """From ``to_dict``'s output; unknown keys (from a newer program) are ignored."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known or value is None:
                continue
            default = getattr(cls(), key)
            if isinstance(default, tuple):
                values[key] = tuple(value)
            elif key in ("signed_from", "signed_to"):
                values[key] = dt.date.fromisoformat(value)
            elif key in ("investment_min_wan", "investment_max_wan"):
                values[key] = Decimal(value)
            else:
                values[key] = value
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ProjectFilter:
        return cls.from_dict(json.loads(text or "{}"))


def _in_or_null(column: Any, values: Sequence[str | None]) -> ColumnElement[bool]:
    present = [v for v in values if v is not None]
    parts: list[ColumnElement[bool]] = []
    if present:
        parts.append(column.in_(present))
    if len(present) != len(values):
        parts.append(column.is_(None))
    return or_(*parts)


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _node_condition(
    session: Session, node_ids: Sequence[str], coarse: Any = None
) -> ColumnElement[bool]:
    """Projects filed under any of ``node_ids`` (group, industry or chain link).

    A group or an industry matches on the project's industry (a chain link is always
    under the project's industry: the service keeps it so); a link on its chain link.
    """
    nodes = session.execute(
        select(IndustryNode.id, IndustryNode.parent_id, IndustryNode.level)
    ).all()
    children: dict[str | None, list[str]] = {}
    level: dict[str, str] = {}
    for node_id, parent_id, node_level in nodes:
        children.setdefault(parent_id, []).append(node_id)
        level[node_id] = node_level
    industries: set[str] = set()
    links: set[str] = set()
    for node_id in node_ids:
        kind = level.get(node_id)
        if kind == "group":
            industries.update(children.get(node_id, []))
        elif kind == "industry":
            industries.add(node_id)
        elif kind == "link":
            links.add(node_id)
    parts: list[ColumnElement[bool]] = []
    if industries:
        column = coarse(Project.industry_node_id) if coarse else Project.industry_node_id
        parts.append(column.in_(sorted(industries)))
    if links:
        parts.append(Project.chain_link_id.in_(sorted(links)))
    return or_(*parts) if parts else Project.id.is_(None)  # unknown nodes: nothing


def _has_period(f: ProjectFilter) -> bool:
    return f.signed_year is not None or f.signed_from is not None or f.signed_to is not None


def _has_selective(f: ProjectFilter) -> bool:
    return bool(
        _has_period(f)
        or [u for u in f.unit_ids if u is not None]
        or [t for t in f.task_force_ids if t is not None]
        or f.over_1b
        or query_terms(f.text)  # the search index covers stage: keep the stage index out
    )


def _narrowed_by_index(f: ProjectFilter) -> bool:
    """A signing period, a unit or a task force: criteria with their own index that
    usually keep a small share of the projects (``fetch_page`` on PostgreSQL)."""
    return bool(
        _has_period(f)
        or [u for u in f.unit_ids if u is not None]
        or [t for t in f.task_force_ids if t is not None]
    )


def conditions(
    session: Session, f: ProjectFilter, *, walk: bool = False
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of ``f`` over ``Project`` (exposed for reports and exports).

    ``walk``: the statement walks a sort index and tests each row it meets (no index
    serves the text there), so the short terms' index condition is left out (see
    ``_text_conditions``).
    """
    where: list[ColumnElement[bool]] = [
        Project.deleted_at.is_not(None) if f.deleted else Project.deleted_at.is_(None)
    ]
    # Stage, family, industry and field each select a large share of the projects. When a
    # selective criterion with its own index is present, keep SQLite from choosing one of
    # their indexes instead (without statistics it would guess them selective).
    coarse: Any = _NoIndex if _has_selective(f) else (lambda column: column)
    if f.stages:
        where.append(coarse(Project.stage).in_(list(f.stages)))
    if f.node_ids:
        where.append(_node_condition(session, f.node_ids, coarse))
    if f.field_ids:
        where.append(_in_or_null(coarse(Project.field_id), f.field_ids))
    if f.families:
        where.append(coarse(Project.family).in_(list(f.families)))
    if f.unit_ids:
        where.append(_in_or_null(Project.unit_id, f.unit_ids))
    if f.leaders:
        where.append(Project.leader_in_charge.in_(list(f.leaders)))
    if f.task_force_ids:
        where.append(_in_or_null(Project.task_force_id, f.task_force_ids))
    where.extend(_period_conditions(f))
    low = f.investment_min_wan
    if f.over_1b:
        low = max(low or Decimal(0), OVER_1B_WAN)
    elif f.over_100m:
        low = max(low or Decimal(0), OVER_100M_WAN)
    if low is not None:
        where.append(Project.total_investment_wan >= low)
    if f.investment_max_wan is not None:
        where.append(Project.total_investment_wan <= f.investment_max_wan)
    where.extend(_text_conditions(session, f, walk=walk))
    return where


def _period_conditions(f: ProjectFilter) -> list[ColumnElement[bool]]:
    """The signing period of ``f`` (a year, a range, or both) as conditions."""
    where: list[ColumnElement[bool]] = []
    if f.signed_year is not None:
        where.append(
            Project.signed_on.between(dt.date(f.signed_year, 1, 1), dt.date(f.signed_year, 12, 31))
        )
    if f.signed_from is not None:
        where.append(Project.signed_on >= f.signed_from)
    if f.signed_to is not None:
        where.append(Project.signed_on <= f.signed_to)
    return where


def _walk_split(
    f: ProjectFilter, *, period: bool = True
) -> tuple[ProjectFilter, ColumnElement[bool] | None]:
    """``f`` split for a walk down the sort order: the criteria tested on each walked row
    and sent back as a flag, and ``f`` without them, for the WHERE clause. The flag is the
    text terms' ``LIKE``; without a text search, the signing period if ``period`` (beside a
    text search the period stays in the WHERE clause: its index narrows the rows the
    terms are tested on). None when ``f`` has neither."""
    terms = query_terms(f.text)
    if terms:
        return replace(f, text=""), and_(*(_text_condition(term) for term in terms))
    if not period:
        return f, None
    period_where = _period_conditions(f)
    rest = replace(f, signed_year=None, signed_from=None, signed_to=None)
    return rest, (and_(*period_where) if period_where else None)


# PostgreSQL (migration 0009): a GIN index over ``jd_short_grams(search_key)`` (the 1- and
# 2-character substrings of each live project's key) serves the terms pg_trgm cannot.
SHORT_TERM = search_grams.SHORT_TERM  # 0: no term is short (the condition is never added)


def _text_conditions(
    session: Session, f: ProjectFilter, *, walk: bool
) -> list[ColumnElement[bool]]:
    """Each folded search term occurs in the project's search key (a ``LIKE`` each).

    PostgreSQL, live projects, not a walk: the 1–2-character terms also as
    ``jd_short_grams(search_key) @> ARRAY[terms]`` — the same rows (a term holds no space,
    and every space-free 1–2-character substring of a key is an element), but one the
    gram index answers: a rare term reads its few rows, not every key (pg_trgm needs 3
    characters). The function is costly row by row (≈ 0.06 ms a key; its declared COST
    says so), so a walk, which tests rows one by one, leaves it out; the ``LIKE`` stays
    as the exact test everywhere.
    """
    terms = query_terms(f.text)
    if backend(session.connection()) != POSTGRESQL:
        return [_text_condition(term) for term in terms]
    # PostgreSQL's indexes (pg_trgm's, the grams') are over the whole key
    where = [_key_condition(term) for term in terms]
    short = search_grams.short_terms(terms, SHORT_TERM)
    if short and not walk and not f.deleted:
        where.append(search_grams.grams_contain(Project.search_key, short))
    return where


def _text_condition(term: str) -> ColumnElement[bool]:
    """One folded search term occurs in the project's search key: tested on its text parts
    alone (``search_text``, a fifth the length) when only they can hold the term (a hanzi,
    a symbol: ``text_only_term``), else on the whole key. SQLite scans the covering index
    of the column (100k, '喆': ≈ 23 ms instead of ≈ 37 for the count); a walk tests it row
    by row."""
    if text_only_term(term):
        return Project.search_text.like(f"%{_like_escape(term)}%", escape="\\")
    return _key_condition(term)


def _key_condition(term: str) -> ColumnElement[bool]:
    return Project.search_key.like(f"%{_like_escape(term)}%", escape="\\")


# ---------------------------------------------------------------- counts and sums


def count_and_sum(session: Session, f: ProjectFilter) -> tuple[int, Decimal]:
    """(number of matching projects, exact sum of their total investment in 万元)."""
    row = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(Project.total_investment_wan), Decimal(0)),
        ).where(*conditions(session, f))
    ).one()
    return int(row[0]), Decimal(row[1])


@dataclass(frozen=True)
class StageTotal:
    stage: str
    label: str
    count: int
    total_investment_wan: Decimal


def stage_summary(session: Session, f: ProjectFilter) -> list[StageTotal]:
    """Count and total investment per stage (pipeline order, 终止 last): kanban headers."""
    rows = session.execute(
        select(
            Project.stage,
            func.count(),
            func.coalesce(func.sum(Project.total_investment_wan), Decimal(0)),
        )
        .where(*conditions(session, f))
        .group_by(_NoIndex(Project.stage))
    ).all()
    found = {stage: (int(n), Decimal(total)) for stage, n, total in rows}
    out = []
    for stage in (*PIPELINE, Stage.DROPPED):
        n, total = found.get(stage.value, (0, Decimal(0)))
        out.append(StageTotal(stage.value, stage.label, n, total))
    return out


# ---------------------------------------------------------------- rows and sorting


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """One line of the list (and one kanban card)."""

    id: str
    code: str | None
    name: str
    family: str
    family_label: str
    investor_name: str
    stage: str
    stage_label: str
    total_investment_wan: Decimal
    industry_name: str
    chain_link_name: str
    field_name: str
    unit_name: str
    leader_in_charge: str
    task_force_name: str
    signed_on: dt.date | None
    location: str
    updated_at: dt.datetime
    stage_on: dt.date | None
    days_in_stage: int | None


SORT_COLUMNS: tuple[str, ...] = (
    "name",
    "code",
    "family",
    "investor",
    "stage",
    "total_investment",
    "industry",
    "chain_link",
    "field",
    "unit",
    "leader",
    "task_force",
    "signed_on",
    "location",
    "updated_at",
    "days_in_stage",
)

_STAGE_ORDER = {s.value: i for i, s in enumerate((*PIPELINE, Stage.DROPPED))}
# A text search matching at least this many projects walks the sort index for a page
# (it meets 200 hits within a few thousand rows); fewer: scan and sort the matches.
WALK_MIN_MATCHES = 5_000
# PostgreSQL, a criterion with its own index (``_narrowed_by_index``): walk only past this many
# (the criterion's index and a top-N sort of 7,000 signings of a year: ≈ 30 ms).
WALK_MIN_MATCHES_INDEXED = 30_000
# A text search's first page, its count not known yet (``fetch_first_page``): walk the sort
# order this far for ``limit`` matches (a term matching ≥ 5 % of the projects, as
# ``WALK_MIN_MATCHES`` of 100,000, fills a page of 200 within it); fewer matches there:
# scan the keys and sort the matches.
FIRST_PAGE_WALK = 4_000
# The sorts with an index of their own (a walk reads it in order; the others sort every
# row first): a signing period walks only these (a text search walks every sort, as
# scanning the keys costs more than the sort).
_WALKED_SORTS = frozenset(
    (
        "name",
        "code",
        "investor",
        "total_investment",
        "leader",
        "signed_on",
        "updated_at",
        "days_in_stage",
    )
)
WALK_CHECK = 500  # …and every this many rows, give up if its matches are too few to fill it
PG_WALK_FETCH = WALK_CHECK  # PostgreSQL: the walk's rows fetched this many at a time (0: all)


class _Joins:
    """The outer-joined reference tables a sort or a row needs (aliased once)."""

    def __init__(self) -> None:
        self.industry = aliased(IndustryNode)
        self.link = aliased(IndustryNode)
        self.field = aliased(PlanField)
        self.unit = aliased(Unit)
        self.task_force = aliased(TaskForce)

    def sort_key(self, column: str) -> tuple[list[Any], Any]:
        """(ORDER BY expressions, the join it needs or None) for a sort column."""
        c = self
        table: dict[str, tuple[list[Any], Any]] = {
            "name": ([Project.name], None),
            "code": ([Project.code], None),
            "family": ([Project.family], None),
            "investor": ([Project.investor_name], None),
            "stage": ([case(_STAGE_ORDER, value=Project.stage, else_=99)], None),
            "total_investment": ([Project.total_investment_wan], None),
            "industry": (
                [c.industry.sort_order, c.industry.name],
                (c.industry, c.industry.id == Project.industry_node_id),
            ),
            "chain_link": (
                [c.link.name],
                (c.link, c.link.id == Project.chain_link_id),
            ),
            "field": (
                [c.field.sort_order, c.field.name],
                (c.field, c.field.id == Project.field_id),
            ),
            "unit": (
                [c.unit.sort_order, c.unit.name],
                (c.unit, c.unit.id == Project.unit_id),
            ),
            "leader": ([Project.leader_in_charge], None),
            "task_force": (
                [c.task_force.name],
                (c.task_force, c.task_force.id == Project.task_force_id),
            ),
            "signed_on": ([Project.signed_on], None),
            "location": ([Project.location], None),
            "updated_at": ([Project.updated_at], None),
            # more days in stage = an earlier stage_on: flipped below
            "days_in_stage": ([Project.stage_on], None),
        }
        if column not in table:
            raise ValueError(f"unknown sort column {column!r}; one of {SORT_COLUMNS}")
        return table[column]


_NOT_NULL_SORTS = {
    "name",
    "family",
    "stage",
    "total_investment",
    "leader",
    "location",
    "updated_at",
}


def _sorted_ids(
    session: Session, f: ProjectFilter, sort: str, descending: bool, *, scan: bool
) -> Select[tuple[str]]:
    """Matching ids in order. ``scan``: sort after one scan rather than walk an index
    (``_SortScan`` keys: on SQLite as on PostgreSQL)."""
    joins = _Joins()
    keys, join = joins.sort_key(sort)
    stmt = select(Project.id)
    if join is not None:
        stmt = stmt.outerjoin(*join)
    stmt = stmt.where(*conditions(session, f, walk=not scan))
    if scan:
        keys = [_SortScan(key) for key in keys]
    return stmt.order_by(*_order_by(keys, Project.id, sort, descending))


def _order_by(keys: Sequence[Any], id_column: Any, sort: str, descending: bool) -> list[Any]:
    """The list's ORDER BY over ``keys`` (the sort column's expressions), ties by id."""
    flip = descending != (sort == "days_in_stage")
    order = []
    for key in keys:
        k = key.desc() if flip else key.asc()
        order.append(k if sort in _NOT_NULL_SORTS else k.nulls_last())
    # a stable tiebreak: equal keys always come in the same order, page after page
    order.append(id_column.desc() if flip else id_column.asc())
    return order


def fetch_ids(
    session: Session, f: ProjectFilter, sort: str = "updated_at", descending: bool = True
) -> list[str]:
    """Every matching project id in display order (empty values always last)."""
    # on the Connection (Core): 100,000 plain strings need no ORM result processing
    stmt = _sorted_ids(session, f, sort, descending, scan=True)
    return list(session.connection().execute(stmt).scalars().all())


def fetch_rows(
    session: Session, ids: Sequence[str], *, today: dt.date | None = None
) -> list[ProjectRow]:
    """The rows of ``ids`` in the order given (ids not found, e.g. deleted since, are left out).

    ``today`` (default: the clock) dates "days in stage"; pass a frozen dataset's date.
    """
    if not ids:
        return []
    today = today or dt.date.today()
    found: dict[str, ProjectRow] = {}
    for start in range(0, len(ids), 500):  # stay under every backend's bind-parameter limit
        chunk = list(ids[start : start + 500])
        for row in _row_query(session, chunk, today):
            found[row.id] = row
    return [found[i] for i in ids if i in found]


def fetch_page(
    session: Session,
    f: ProjectFilter,
    sort: str = "updated_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    *,
    today: dt.date | None = None,
    matches: int | None = None,
) -> list[ProjectRow]:
    """One page of the sorted list: ``limit`` rows from ``offset``.

    ``matches`` (the count, when the caller has it) picks the plan of a text search:
    many matches → walk the sort column's index and stop after ``offset + limit`` hits
    (≈ 60 ms for 20,000 of 100,000 projects instead of ≈ 170 ms for a scan and a sort);
    few or unknown → one scan and a sort (walking the index for a rare term would visit
    every row at random).
    """
    pages = max(1, offset // limit + 1)
    # PostgreSQL: a signing period, a unit or a task force is served best by its own index
    # and a sort: walking the sort index instead expects the matches spread evenly along
    # it, and those of a period are not (measured: 38,000 rows read for 200 of 2021's
    # 7,000; a unit's 1,900: 82 ms walking, 33 ms by its index). Only very many matches
    # make the walk worth it. (≥ 10 亿元 matches a fifth, evenly: the walk, 28 ms against
    # 150, left to the planner. SQLite, measured: either plan alike; left as it was.)
    indexed = _narrowed_by_index(f) and backend(session.connection()) == POSTGRESQL
    threshold = WALK_MIN_MATCHES_INDEXED if indexed else WALK_MIN_MATCHES
    walk = matches is not None and matches >= threshold * pages
    scan = (bool(query_terms(f.text)) or indexed) and not walk
    stmt = _sorted_ids(session, f, sort, descending, scan=scan)
    ids = list(session.scalars(stmt.offset(offset).limit(limit)))
    return fetch_rows(session, ids, today=today)


def _walked_ids(
    session: Session, f: ProjectFilter, sort: str, descending: bool, limit: int, budget: int
) -> list[str] | None:
    """The first ``limit`` ids of ``f`` (a text search, a signing period), looked for
    among the first ``budget`` projects of the list's order without those criteria: the
    sort index is walked (``LIMIT budget``: the planner takes the walk), the engine tests
    each row (the same ``LIKE`` and dates as ``conditions``; ``_walk_split``) and sends
    its id and a flag, and reading stops at the ``limit``-th match. None if the walk met
    fewer than ``limit`` matches and did not reach the end, or gave up early
    (``WALK_CHECK``: a term or a period too rare to fill the page within the budget;
    SQLite then stops reading, PostgreSQL after the current fetch of ``PG_WALK_FETCH``
    rows): the criteria's index (one scan of the keys) and a sort of the matches is the
    better plan.

    Exact: a match beyond the walked rows comes after all of them in the order.
    """
    joins = _Joins()
    keys, join = joins.sort_key(sort)
    # each walked row's id and whether it matches (tested by the engine: only a flag travels)
    rest, hit = _walk_split(f)
    assert hit is not None
    stmt = select(Project.id, hit)
    if join is not None:
        stmt = stmt.outerjoin(*join)
    stmt = (
        stmt.where(*conditions(session, rest))
        .order_by(*_order_by(keys, Project.id, sort, descending))
        .limit(budget)
    )
    if PG_WALK_FETCH and backend(session.connection()) == POSTGRESQL:
        # psycopg reads a whole result before handing out its first row, so the server
        # would test all ``budget`` keys even when the walk gives up after ``WALK_CHECK``:
        # a server-side cursor, fetched in steps, stops the server with the walk
        stmt = stmt.execution_options(yield_per=PG_WALK_FETCH)
    ids: list[str] = []
    walked = 0
    result = session.connection().execute(stmt)
    try:
        for project_id, matched in result:
            walked += 1
            if matched:
                ids.append(project_id)
                if len(ids) >= limit:
                    return ids
            elif not walked % WALK_CHECK and len(ids) * budget * 2 < limit * walked:
                return None  # at this rate the budget would not hold half a page: give up
    finally:
        result.close()
    return ids if walked < budget else None  # the walk reached the end: every match


def fetch_first_page(
    session: Session,
    f: ProjectFilter,
    sort: str = "updated_at",
    descending: bool = True,
    limit: int = 200,
    *,
    today: dt.date | None = None,
    walk_budget: int | None = None,
    on_walk: Callable[[bool], object] | None = None,
) -> list[ProjectRow]:
    """The first ``limit`` rows of the sorted list, before anything is counted: what the
    list shows first (``count_and_sum`` and ``fetch_ids`` follow, for the footer and the
    rows beyond). ``on_walk`` is told, as soon as it is known, whether a walk met the page
    (True: the rest is quick) or gave up (False: a scan of the criteria's index follows).

    A signing period, sorted by a column with its own index (``_WALKED_SORTS``), is
    walked as a text search is (below): a long period (2015–2026, half the projects)
    fills the page within a few hundred rows of the sort index, where its index gives
    every match to sort (SQLite, 100k, sorted by name: ≈ 110 ms against ≈ 5); a short
    one gives the walk up early and takes ``fetch_page``'s plan. Other filters:
    ``fetch_page``'s plan (the criteria's indexes or the sort index, as the planner or
    ``_narrowed_by_index`` chooses). A text search: the sort
    index is walked for at most ``walk_budget`` (default ``FIRST_PAGE_WALK``) projects
    and stops at ``limit`` matches — a common term (``z``, ``sj``, 深圳) is met within a
    few thousand rows, where finding every match first takes far longer (SQLite: every
    key tested; PostgreSQL: a common term's many rows read); a rarer term is not, and is
    then found by its index (PostgreSQL: pg_trgm's for ≥ 3 characters, the gram index of
    ``_text_conditions`` for 1–2; SQLite: one scan of the covering key index) and a sort
    of its matches.
    """
    text_search = bool(query_terms(f.text))
    period = _has_period(f) and sort in _WALKED_SORTS
    if not text_search and not period:
        return fetch_page(session, f, sort, descending, 0, limit, today=today)
    budget = FIRST_PAGE_WALK if walk_budget is None else walk_budget
    ids = _walked_ids(session, f, sort, descending, limit, budget) if budget > 0 else None
    if on_walk is not None:
        on_walk(ids is not None)
    if ids is None and not text_search:  # a short period: its index and a sort
        return fetch_page(session, f, sort, descending, 0, limit, today=today)
    if ids is None:
        stmt = _sorted_ids(session, f, sort, descending, scan=True)
        if backend(session.connection()) == SQLITE:
            # the matches' rowids from the covering key index (as the count reads it), then
            # only those rows: the statement alone would scan the (wide) table for the sort
            matching = (
                select(literal_column("rowid")).select_from(Project).where(*conditions(session, f))
            )
            stmt = stmt.where(literal_column("projects.rowid").in_(matching))
        ids = list(session.connection().execute(stmt.limit(limit)).scalars())
    return fetch_rows(session, ids, today=today)


_ROW_STATEMENT: Select[Any] | None = None
_STAGES = {s.value: s for s in Stage}


def _row_statement() -> Select[Any]:
    """The display columns of the projects whose ids are bound as ``ids`` (built once:
    a window is fetched per screen while scrolling, and building and compiling the
    statement each time cost more than running it)."""
    global _ROW_STATEMENT
    if _ROW_STATEMENT is None:
        j = _Joins()
        _ROW_STATEMENT = (
            select(
                Project.id,
                Project.code,
                Project.name,
                Project.family,
                Project.investor_name,
                Project.stage,
                Project.total_investment_wan,
                j.industry.name,
                j.link.name,
                j.field.name,
                j.unit.name,
                Project.leader_in_charge,
                j.task_force.name,
                Project.signed_on,
                Project.location,
                Project.updated_at,
                Project.stage_on,
            )
            .outerjoin(j.industry, j.industry.id == Project.industry_node_id)
            .outerjoin(j.link, j.link.id == Project.chain_link_id)
            .outerjoin(j.field, j.field.id == Project.field_id)
            .outerjoin(j.unit, j.unit.id == Project.unit_id)
            .outerjoin(j.task_force, j.task_force.id == Project.task_force_id)
            .where(Project.id.in_(bindparam("ids", expanding=True)))
        )
    return _ROW_STATEMENT


def _row_query(session: Session, ids: Sequence[str], today: dt.date) -> list[ProjectRow]:
    # on the Connection (Core): no ORM result machinery for plain column tuples
    result = session.connection().execute(_row_statement(), {"ids": list(ids)})
    rows = []
    for r in result:
        stage = _STAGES[r[5]]
        rows.append(
            ProjectRow(
                id=r[0],
                code=r[1],
                name=r[2],
                family=r[3],
                family_label=FAMILY_LABELS.get(r[3], r[3]),
                investor_name=r[4] or "",
                stage=stage.value,
                stage_label=stage.label,
                total_investment_wan=r[6],
                industry_name=r[7] or "",
                chain_link_name=r[8] or "",
                field_name=r[9] or "",
                unit_name=r[10] or "",
                leader_in_charge=r[11],
                task_force_name=r[12] or "",
                signed_on=r[13],
                location=r[14],
                updated_at=r[15],
                stage_on=r[16],
                days_in_stage=(today - r[16]).days if r[16] is not None else None,
            )
        )
    return rows


# A kanban column with at least this many matching projects walks the ``updated_at`` index
# for its newest cards (it meets them within a few thousand rows); a smaller column is
# found through the filter's own index and its matches sorted (walking the index for it
# would visit most of the table).
CARD_WALK_MIN = 2_000
# A text search's board walk (``walk_board_card_ids``) reads at most this many rows of the
# ``updated_at`` order, and gives up early (``WALK_CHECK``) on a term too rare to fill the
# columns within it: the columns' shared query then finds the term through its index.
BOARD_WALK_BUDGET = 10_000


def _card_query(
    session: Session, f: ProjectFilter, stages: Sequence[str], walk: bool
) -> Select[Any]:
    """Ids (and stage) of ``f``'s projects in ``stages``, most recently changed first."""
    base = replace(f, stages=())
    where = conditions(session, base, walk=walk)
    # Walking: the stage must not pick the index. Otherwise the stage index serves, except
    # beside a date, unit or task-force criterion (far fewer rows); with an amount
    # criterion it is the covering (stage, amount) index; a text search is cheaper through
    # the stage's rows than a scan of every search key.
    narrow = (
        _has_period(f)
        or any(u is not None for u in f.unit_ids)
        or any(t is not None for t in f.task_force_ids)
    )
    stage_column: Any = _NoIndex(Project.stage) if walk or narrow else Project.stage
    where.append(stage_column.in_(list(stages)))
    several = len(stages) > 1
    if not walk and several and query_terms(f.text) and backend(session.connection()) == SQLITE:
        # SQLite has no index for the text: for several columns (the board's shared query)
        # the matches' rowids from the covering key index (as the count reads them), then
        # only those rows. Through the stages' rows every row of the (wide) table was read
        # and tested (100k, a rare term, every column: ≈ 290 ms against ≈ 60); one column's
        # rows (显示更多…) are fewer than all the keys and stay as they were
        matching = select(literal_column("rowid")).select_from(Project).where(*where[:-1])
        where.append(literal_column("projects.rowid").in_(matching))
    order: Any = Project.updated_at if walk else _NoIndex(Project.updated_at)
    return select(Project.id, Project.stage).where(*where).order_by(order.desc(), Project.id.desc())


def fetch_stage_card_ids(
    session: Session,
    f: ProjectFilter,
    stage: str,
    offset: int = 0,
    limit: int = 20,
    *,
    matches: int | None = None,
) -> list[str]:
    """The ids of one kanban column: the projects of ``f`` in ``stage``, most recently
    changed first (the list's ``updated_at`` descending order, ties by id), ``limit`` from
    ``offset``. ``matches`` (the column's count, from ``stage_summary``) picks the plan:
    many → walk the ``updated_at`` index and stop after ``offset + limit`` hits; few or
    unknown → the filter's index, then a sort of the column's matches.
    """
    if f.stages and stage not in f.stages:
        return []
    walk = matches is not None and matches >= CARD_WALK_MIN * max(1, offset // max(limit, 1) + 1)
    stmt = _card_query(session, f, (stage,), walk).offset(offset).limit(limit)
    return [r[0] for r in session.connection().execute(stmt)]


def fetch_board_card_ids(
    session: Session, f: ProjectFilter, counts: dict[str, int], limit: int = 20
) -> dict[str, list[str]]:
    """The first ``limit`` card ids of every kanban column (``fetch_stage_card_ids``'s
    order), given each stage's count of matches (``stage_summary``; stages without
    matches are not queried). A column with many matches walks the ``updated_at`` index
    on its own; all the smaller ones share one query (one pass over the filter's index,
    the matches sorted), so that a filter no index serves (a text search) is scanned
    once, not once per column.
    """
    out: dict[str, list[str]] = {}
    small: list[str] = []
    for stage, n in counts.items():
        if n <= 0 or (f.stages and stage not in f.stages):
            continue
        if n >= CARD_WALK_MIN:
            out[stage] = fetch_stage_card_ids(session, f, stage, 0, limit, matches=n)
        else:
            small.append(stage)
            out[stage] = []
    if small:
        wanted = {stage: min(limit, counts[stage]) for stage in small}
        left = sum(wanted.values())
        result = session.connection().execute(_card_query(session, f, small, walk=False))
        for project_id, stage in result:
            ids = out[stage]
            if len(ids) < wanted[stage]:
                ids.append(project_id)
                left -= 1
                if not left:
                    break
        result.close()
    return out


def walk_board_card_ids(
    session: Session,
    f: ProjectFilter,
    limit: int = 20,
    *,
    counts: Callable[[], dict[str, int] | None] = lambda: None,
    stop: threading.Event | None = None,
    token: CancelToken | None = None,
    max_matches: int = 3_000,
    budget: int | None = None,
) -> tuple[dict[str, list[str]], bool]:
    """The first ``limit`` card ids of every kanban column in one walk down the
    ``updated_at`` index (each column's ids in ``fetch_stage_card_ids``'s order), for
    running beside ``stage_summary`` rather than after it.

    The walk ends when every column is full: ``limit`` ids, or all of its matches once
    ``counts()`` (the column counts, from a summary running elsewhere) says how many there
    are; else after ``max_matches`` matches, or as soon as ``stop`` is set (SQLite: the
    running statement is interrupted). Returns (ids per stage met, complete): complete
    means every column is full by ``counts()``; otherwise the caller completes the short
    columns with ``fetch_board_card_ids``. ``token`` cancelled raises ``QueryCancelled``.

    A text search or a signing period walks without them in the WHERE clause: each walked
    row comes with a flag (the same ``LIKE`` and dates tested by the engine:
    ``_walk_split``), so the walk knows how many rows it has read (with the period in the
    WHERE clause, SQLite would take the period's index and sort every match instead). It
    reads at most ``budget`` (default ``BOARD_WALK_BUDGET``) rows, and every
    ``WALK_CHECK`` rows it gives up if at that rate the budget would not yield half the
    cards wanted: a rare term (喆, 汉富, qn) is then not tested row by row through the whole
    table but found by the columns' shared query, which carries the term's index condition
    (PostgreSQL: the gram or pg_trgm index; ``_text_conditions``). PostgreSQL: every walk
    goes through a server-side cursor fetched ``PG_WALK_FETCH`` rows at a time (psycopg
    otherwise reads the whole result first, so the server would walk the whole index).
    """
    out: dict[str, list[str]] = {}
    stages = [s.value for s in (*PIPELINE, Stage.DROPPED) if not f.stages or s.value in f.stages]
    raw: Any = session.connection().connection.dbapi_connection
    handler = getattr(raw, "set_progress_handler", None)

    def interrupted() -> int:
        return 1 if (token is not None and token.cancelled) or (stop and stop.is_set()) else 0

    def full(known: dict[str, int] | None) -> bool:
        if known is None:
            return len(out) == len(stages) and all(len(v) >= limit for v in out.values())
        return all(len(out.get(st, ())) >= min(limit, known.get(st, 0)) for st in stages)

    if handler is not None:
        handler(interrupted, PROGRESS_STEPS)
    # a period is tested on each row only when nothing else narrows the walk: beside an
    # amount, a unit, a leader or a task force the rows walked are fewer than the order's,
    # a rare column's cards lie far down (2015–2026 and ≥ 10 亿元, 100k: ≈ 90 ms walking
    # against ≈ 13 through the period's covering index and a sort)
    broad = not (
        f.over_1b
        or f.over_100m
        or f.investment_min_wan is not None
        or f.investment_max_wan is not None
        or f.leaders
        or f.unit_ids
        or f.task_force_ids
    )
    rest, flag = _walk_split(f, period=broad)
    terms = flag is not None  # a text search or a period: each walked row is tested
    rows = BOARD_WALK_BUDGET if budget is None else budget
    stmt = _card_query(session, rest, stages, walk=True)
    # each walked row's id, stage and whether it matches (only a flag travels)
    stmt = stmt.add_columns(literal_column("1") if flag is None else flag)
    if terms:  # read no further than the budget; and the planner takes the walk
        stmt = stmt.limit(rows)
    if PG_WALK_FETCH and backend(session.connection()) == POSTGRESQL:
        stmt = stmt.execution_options(yield_per=PG_WALK_FETCH)
    wanted = limit * len(stages)
    matched = walked = 0
    try:
        if stop is None or not stop.is_set():
            result = session.connection().execute(stmt)
            for project_id, stage, hit in result:
                if stop is not None and stop.is_set():
                    break
                walked += 1
                if hit:
                    ids = out.setdefault(stage, [])
                    if len(ids) < limit:
                        ids.append(project_id)
                    matched += 1
                    if matched >= max_matches or full(counts()):
                        break
                if terms and (
                    walked >= rows
                    or (not walked % WALK_CHECK and matched * rows * 2 < wanted * walked)
                ):
                    break  # too rare to fill the columns within the budget: give up
            result.close()
    except Exception:
        if token is not None and token.cancelled:
            raise QueryCancelled() from None
        if not (stop is not None and stop.is_set()):
            raise
    finally:
        if handler is not None:
            handler(None, 0)
    if token is not None:
        token.check()
    known = counts()
    return out, known is not None and full(known)


def refresh_statistics(session: Session) -> None:
    """Let the planner see the projects table's shape (``ANALYZE projects``; SQLite and
    PostgreSQL). The list's plans are chosen to be good without statistics too; with them
    a few get faster (every id of 100k in order: ≈ 30 %). ``rebuild_search_keys`` runs it
    after a bulk fill. Only this table: others' plans are not this module's to change.
    """
    session.execute(text("ANALYZE projects"))


# ---------------------------------------------------------------- choices for the filter widgets


@dataclass(frozen=True)
class Choice:
    id: str
    name: str
    retired: bool = False


@dataclass(frozen=True)
class NodeChoice:
    """A node of the 222 tree with its children (group → industries → chain links)."""

    id: str
    name: str
    level: str
    retired: bool = False
    children: tuple[NodeChoice, ...] = ()


@dataclass(frozen=True)
class ReferenceChoices:
    nodes: tuple[NodeChoice, ...]  # the 222 groups, each with its tree
    fields: tuple[Choice, ...]
    units: tuple[Choice, ...]
    task_forces: tuple[Choice, ...]
    leaders: tuple[str, ...]  # every leader in charge named on a project
    stages: tuple[Choice, ...] = field(
        default=tuple(Choice(s.value, s.label) for s in (*PIPELINE, Stage.DROPPED))
    )
    families: tuple[Choice, ...] = field(
        default=tuple(Choice(k, v) for k, v in FAMILY_LABELS.items())
    )


def reference_choices(session: Session) -> ReferenceChoices:
    """What the filter widgets and the form's pickers offer (retired entries flagged)."""
    nodes = session.execute(
        select(
            IndustryNode.id,
            IndustryNode.parent_id,
            IndustryNode.level,
            IndustryNode.name,
            IndustryNode.retired_on,
        )
        .where(IndustryNode.deleted_at.is_(None))
        .order_by(IndustryNode.sort_order, IndustryNode.code)
    ).all()
    by_parent: dict[str | None, list[Any]] = {}
    for n in nodes:
        by_parent.setdefault(n.parent_id, []).append(n)

    def tree(parent: str | None) -> tuple[NodeChoice, ...]:
        return tuple(
            NodeChoice(n.id, n.name, n.level, n.retired_on is not None, tree(n.id))
            for n in by_parent.get(parent, [])
        )

    def simple(model: Any, *order: Any) -> tuple[Choice, ...]:
        retired = model.retired_on.is_not(None) if hasattr(model, "retired_on") else False
        rows = session.execute(
            select(model.id, model.name, retired).where(model.deleted_at.is_(None)).order_by(*order)
        ).all()
        return tuple(Choice(r[0], r[1], bool(r[2])) for r in rows)

    leaders = session.scalars(  # from the index alone (deleted projects' leaders included)
        select(Project.leader_in_charge)
        .where(Project.leader_in_charge != "")
        .distinct()
        .order_by(Project.leader_in_charge)
    ).all()
    return ReferenceChoices(
        nodes=tree(None),
        fields=simple(PlanField, PlanField.sort_order, PlanField.name),
        units=simple(Unit, Unit.sort_order, Unit.name),
        task_forces=simple(TaskForce, TaskForce.name),
        leaders=tuple(leaders),
    )


# ---------------------------------------------------------------- saved filter sets


@dataclass(frozen=True)
class SavedFilterSet:
    id: str
    name: str
    owner: str
    filter: ProjectFilter
    updated_at: dt.datetime


def save_filter(
    session: Session, name: str, f: ProjectFilter, *, owner: str = "", scope: str = PROJECTS_SCOPE
) -> SavedFilterSet:
    """Save ``f`` under ``name`` (replacing a set of that name). ``owner`` "" = shared."""
    name = name.strip()
    if not name:
        raise ValueError("请填写筛选方案名称")
    if len(name) > 100:
        raise ValueError("筛选方案名称不能超过 100 个字")
    row = session.scalar(
        select(SavedFilter).where(
            SavedFilter.scope == scope, SavedFilter.owner == owner, SavedFilter.name == name
        )
    )
    if row is None:
        row = SavedFilter(scope=scope, owner=owner, name=name)
        session.add(row)
    row.filter_json = f.to_json()
    row.deleted_at = None
    row.updated_at = utcnow()
    session.flush()
    return SavedFilterSet(row.id, row.name, row.owner, f, row.updated_at)


def saved_filters(
    session: Session, *, owner: str | None = None, scope: str = PROJECTS_SCOPE
) -> list[SavedFilterSet]:
    """Saved sets by name: the shared ones plus ``owner``'s (all when owner is None)."""
    stmt = select(SavedFilter).where(SavedFilter.scope == scope, SavedFilter.deleted_at.is_(None))
    if owner is not None:
        stmt = stmt.where(SavedFilter.owner.in_(["", owner]))
    rows = session.scalars(stmt.order_by(SavedFilter.name, SavedFilter.owner)).all()
    return [
        SavedFilterSet(r.id, r.name, r.owner, ProjectFilter.from_json(r.filter_json), r.updated_at)
        for r in rows
    ]


def delete_saved_filter(session: Session, filter_id: str) -> None:
    row = session.get(SavedFilter, filter_id)
    if row is not None and row.deleted_at is None:
        row.deleted_at = utcnow()
        row.updated_at = row.deleted_at
        session.flush()


__all__ = [
    "SORT_COLUMNS",
    "CancelToken",
    "Choice",
    "NodeChoice",
    "ProjectFilter",
    "ProjectRow",
    "QueryCancelled",
    "ReferenceChoices",
    "SavedFilterSet",
    "StageTotal",
    "conditions",
    "count_and_sum",
    "delete_saved_filter",
    "fetch_board_card_ids",
    "fetch_first_page",
    "fetch_ids",
    "fetch_page",
    "fetch_rows",
    "fetch_stage_card_ids",
    "interruptible",
    "reference_choices",
    "refresh_statistics",
    "save_filter",
    "saved_filters",
    "stage_summary",
    "walk_board_card_ids",
]
