"""The navigation pages, in the order the navigation lists them (Ctrl+1 … Ctrl+8).

Each page has an English id (used in saved settings and on the command line) and a Chinese
title. ``resolve_page`` accepts either.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from jianan_desk.ui.pages.base import Page
from jianan_desk.ui.pages.companies import CompaniesPage
from jianan_desk.ui.pages.home import HomePage
from jianan_desk.ui.pages.industry_map import IndustryMapPage
from jianan_desk.ui.pages.projects import ProjectsPage
from jianan_desk.ui.pages.reports import ReportsPage
from jianan_desk.ui.pages.settings import SettingsPage
from jianan_desk.ui.pages.task_forces import TaskForcesPage
from jianan_desk.ui.pages.trips import TripsPage

CONTEXT = "Navigation"


@dataclass(frozen=True)
class PageSpec:
    source_title: str  # untranslated; see ``title``
    page_class: type[Page]

    @property
    def id(self) -> str:
        return self.page_class.page_id

    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.source_title)


PAGES: tuple[PageSpec, ...] = (
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "首页"), HomePage),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "项目库"), ProjectsPage),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "客商"), CompaniesPage),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "外出招商"), TripsPage),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "招商图谱"), IndustryMapPage),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "专班与问题"), TaskForcesPage),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "报表"), ReportsPage),
    PageSpec(QT_TRANSLATE_NOOP(CONTEXT, "设置"), SettingsPage),
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
