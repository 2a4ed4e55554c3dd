"""The navigation pages, in the order the navigation lists them (Ctrl+1 … Ctrl+8).

Each page has an English id (used in saved settings and on the command line) and a Chinese
title. ``resolve_page`` accepts either.

from __future__ import annotations

Page modules are imported only when a page is built: they pull in the services and
SQLAlchemy, which the window does not need to appear (see ``app.run_gui``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from jianan_desk.ui.pages.base import Page

CONTEXT = "Navigation"


@dataclass(frozen=True)
class PageSpec:
    source_title: str  # untranslated; see ``title``
    id: str
    class_path: str  # "module:Class" under jianan_desk.ui.pages

    @property
    def page_class(self) -> type[Page]:
        module, _, name = self.class_path.partition(":")
        cls: type[Page] = getattr(import_module(f"jianan_desk.ui.pages.{module}"), name)
        return cls

    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.source_title)


PAGES: tuple[PageSpec, ...] = (
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "首页"), "home", "home:HomePage"),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "项目库"), "projects", "projects:ProjectsPage"),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "客商"), "companies", "companies:CompaniesPage"),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "外出招商"), "trips", "trips:TripsPage"),
    PageSpec(
        QT_TRANSLATE_NOOP(CONTEXT, "招商图谱"), "industry_map", "industry_map:IndustryMapPage"
    ),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "专班与问题"), "task_forces", "task_forces:TaskForcesPage"),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "报表"), "reports", "reports:ReportsPage"),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "设置"), "settings", "settings:SettingsPage"),
)
PAGE_IDS: tuple[str, ...] = tuple(spec.id for spec in PAGES)


def resolve_page(name: str) -> str:
    """The page id for ``name``: an id (``projects``), a Chinese title (项目库) or its translation.

    Raises ValueError naming the valid choices.
    """
    wanted = name.strip()
    for spec in PAGES:
        if wanted.lower() in (spec.id, spec.id.replace("_", "-")) or wanted in (
            spec.source_title,
            spec.title(),
        ):
            return spec.id
    choices = "、".join(f"{spec.source_title}（{spec.id}）" for spec in PAGES)
    raise ValueError(f"未知页面：{name}。可选：{choices}")
