"""``generate_demo_data``: load the reference data, run the build steps in order, write.

The order of the steps is part of the dataset: they share one seeded ``random.Random``,
so reordering them (or adding a draw to one) changes every later name, amount and date.
"""

from __future__ import annotations

import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from jianan_desk.services.companies import rebuild_company_keys
from jianan_desk.services.demo.attraction import build_2020, build_2021, build_2022, build_pipeline
from jianan_desk.services.demo.attributes import build_attributes
from jianan_desk.services.demo.companies import build_companies
from jianan_desk.services.demo.errors import DemoDataError
from jianan_desk.services.demo.figures import DEFAULT_SEED, DEMO_AS_OF, META_AS_OF, META_SEED
from jianan_desk.services.demo.funds import build_funds
from jianan_desk.services.demo.investment import build_plans
from jianan_desk.services.demo.key_projects import build_key
from jianan_desk.services.demo.meeting_minutes import build_meeting_minutes
from jianan_desk.services.demo.people import build_staff
from jianan_desk.services.demo.problems import build_problems
from jianan_desk.services.demo.reference import Reference
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.target_lists import build_target_lists
from jianan_desk.services.demo.task_forces import build_task_forces
from jianan_desk.services.demo.totals import assign_totals
from jianan_desk.services.demo.trips import build_trips
from jianan_desk.services.demo.verify import verify
from jianan_desk.services.demo.write import DemoSummary, write
from jianan_desk.services.projects import rebuild_search_keys
from jianan_desk.store.models import AppMeta, Project


def build(ws: Workspace) -> None:
    """Run every build step, in the order the dataset depends on, then self-check."""
    build_staff(ws)
    build_2020(ws)
    build_2021(ws)
    build_2022(ws)
    build_pipeline(ws)
    build_key(ws)
    assign_totals(ws)
    build_trips(ws)
    build_companies(ws)
    build_attributes(ws)
    build_plans(ws)
    build_task_forces(ws)
    build_funds(ws)
    build_problems(ws)
    verify(ws)


def generate_demo_data(session: Session, *, seed: int = DEFAULT_SEED) -> DemoSummary:
    """Write the demo dataset into ``session``'s database, which must hold no project yet.

    The database must be migrated and seeded with the shipped reference data. The caller
    commits (``Database.session()`` does so on success). ``app_meta`` records the demo's
    "today" (``demo_as_of`` = ``DEMO_AS_OF``) and the seed. Raises ``DemoDataError`` if the
    database already holds a project or its reference data is not what the dataset needs.
    """
    if session.scalar(select(Project.id).limit(1)) is not None:
        raise DemoDataError("数据库中已有项目，演示数据只能写入没有项目的数据库")
    ref = Reference.load(session)
    workspace = Workspace(random.Random(seed), ref)
    build(workspace)
    summary = write(workspace, session)
    build_target_lists(session, seed)  # own RNG: changes no other draw
    build_meeting_minutes(session, seed)  # own RNG: changes no other draw
    # Rows were bulk-inserted: fill the derived columns (search keys, signing-date caches).
    rebuild_search_keys(session, only_missing=True)
    rebuild_company_keys(session)
    # Lets the program date a demo database's reports "today" = DEMO_AS_OF, not the clock.
    session.merge(AppMeta(key=META_AS_OF, value=DEMO_AS_OF.isoformat()))
    session.merge(AppMeta(key=META_SEED, value=str(seed)))
    session.flush()
    return summary
