"""The import kinds, by name: what ``jianan-desk import --kind`` and the wizard offer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jianan_desk.excel.other_imports import (
    apply_companies,
    apply_targets,
    apply_visits,
    plan_companies,
    plan_targets,
    plan_visits,
)
from jianan_desk.excel.projects_import import ImportPlan, ImportResult, apply_import, plan_import


@dataclass(frozen=True)
class ImportKind:
    title: str  # 项目, 客商…
    unit: str  # 个 / 家 / 条, for messages
    plan: Callable[..., ImportPlan]  # (session, table, *, overrides) -> plan
    apply: Callable[..., ImportResult]  # (session, plan, *, actor, skip_invalid, today, …)
    announce: str  # the hub topic a GUI announces after the import


IMPORT_KINDS: dict[str, ImportKind] = {
    "projects": ImportKind("项目", "个", plan_import, apply_import, "projects"),
    "companies": ImportKind("客商", "家", plan_companies, apply_companies, "companies"),
    "visits": ImportKind("拜访记录", "条", plan_visits, apply_visits, "visits"),
    "targets": ImportKind("年度目标", "项", plan_targets, apply_targets, "targets"),
}


def plan_kind(kind: str, session: Any, table: Any, **kw: Any) -> ImportPlan:
    """Plan an import of ``kind``; raises ValueError (Chinese) when no header is found."""
    return IMPORT_KINDS[kind].plan(session, table, **kw)


def apply_kind(kind: str, session: Any, plan: ImportPlan, **kw: Any) -> ImportResult:
    return IMPORT_KINDS[kind].apply(session, plan, **kw)
