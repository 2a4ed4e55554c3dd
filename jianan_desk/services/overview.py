"""The home page's summary: how many live projects, companies and trips the database holds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jianan_desk.store.engine import Database
from jianan_desk.store.models import Company, Project, Trip


@dataclass(frozen=True)
class Overview:
    projects: int
    companies: int
    trips: int


def count_overview(session: Session) -> Overview:
    """Counts of rows not deleted (``deleted_at IS NULL``)."""

    def live(model: type[Project] | type[Company] | type[Trip]) -> int:
        statement = select(func.count()).select_from(model).where(model.deleted_at.is_(None))
        return int(session.scalar(statement) or 0)

    return Overview(projects=live(Project), companies=live(Company), trips=live(Trip))


def load_overview(db: Database) -> Overview:
    """``count_overview`` in its own read-only unit of work."""
    with db.session(readonly=True) as session:
        return count_overview(session)
