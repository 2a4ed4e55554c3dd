"""The hub: one signal announcing what data changed, so that views refresh themselves.

After a mutating service call succeeds, the code that made it (a dialog, a page, an import
wizard) calls ``hub.announce(Hub.PROJECTS)`` once. Every view that shows that kind of data
connects to ``hub.changed`` and decides for itself whether to reload; nobody reaches into
another view to refresh it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Hub(QObject):
    """Change notifications for the whole window.

    Signals:
        changed(str): emitted once after data was changed and committed. The argument says
            what changed, one of the constants below: ``'projects'``, ``'companies'``,
            ``'trips'``, ``'task_forces'``, ``'industry_map'``, ``'targets'``,
            ``'reference'`` (units, 222 system, plan fields), or ``'all'`` after an import,
            a sync or opening another database. A view reloads only for the kinds it
            shows (see :meth:`concerns`) and ignores the rest.
    """

    PROJECTS = "projects"
    COMPANIES = "companies"
    TRIPS = "trips"
    TASK_FORCES = "task_forces"
    INDUSTRY_MAP = "industry_map"
    TARGETS = "targets"
    REFERENCE = "reference"
    ALL = "all"

    changed = Signal(str)

    def announce(self, what: str) -> None:
        """Emit ``changed(what)``; call it once per committed change."""
        self.changed.emit(what)

    @staticmethod
    def concerns(what: str, *kinds: str) -> bool:
        """True if a ``changed(what)`` notification is relevant to a view showing ``kinds``."""
        return what == Hub.ALL or what in kinds
