"""A project's stage dates: drawing them, and telling them as a stage history.

``add_days``, ``rand_date``, ``after`` and ``before`` draw the dates the build steps put
into ``ProjectSpec.dates``; ``stage_history`` turns those dates into the ordered stage events
(with their notes) that are verified and written. ``PIPELINE`` is the stage order.
"""

from __future__ import annotations

import datetime as dt
import random

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.district import SIGNING_DAYS
from jianan_desk.services.demo.errors import InternalError
from jianan_desk.services.demo.figures import GROUP_START_DAY
from jianan_desk.services.demo.records import ProjectSpec

PIPELINE = tuple(s.value for s in Stage if s is not Stage.DROPPED)


def add_days(day: dt.date, n: int) -> dt.date:
    """``day`` moved by ``n`` days."""
    return day + dt.timedelta(days=n)


def rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A date drawn uniformly from ``start`` .. ``end`` (inclusive)."""
    if end < start:
        raise InternalError(f"empty date window {start} .. {end}")
    return add_days(start, rng.randint(0, (end - start).days))


def after(rng: random.Random, day: dt.date, lo: int, hi: int) -> dt.date:
    """A date ``lo`` .. ``hi`` days after ``day``."""
    return add_days(day, rng.randint(lo, hi))


def before(rng: random.Random, day: dt.date, lo: int, hi: int) -> dt.date:
    """A date ``lo`` .. ``hi`` days before ``day``."""
    return add_days(day, -rng.randint(lo, hi))


def stage_history(p: ProjectSpec) -> list[tuple[Stage, dt.date, str]]:
    """``p``'s stage events in order, with their notes; dropping comes last."""
    events = [(s, d) for s, d in p.dates.items()]
    events.sort(key=lambda e: (e[1], PIPELINE.index(e[0].value)))
    out = []
    for stage, day in events:
        out.append((stage, day, event_note(p, stage, day)))
    if p.dropped_on is not None:
        out.append((Stage.DROPPED, p.dropped_on, f"终止原因：{p.drop_reason}"))
    return out


def event_note(p: ProjectSpec, stage: Stage, day: dt.date) -> str:
    """The note recorded with ``p``'s event of ``stage`` on ``day``."""
    if stage is Stage.LEAD:
        return p.lead_note or ("纳入重点项目谋划库" if p.family == "key" else "")
    if stage is Stage.NEGOTIATING:
        return "开展可研论证及前期对接" if p.gov else "双方开展实质性洽谈"
    if stage is Stage.SIGNED:
        if p.gov:
            return "项目立项批复，签订建设协议"
        return "在集中签约活动上签约" if day in SIGNING_DAYS else "签订投资合同"
    if stage is Stage.PERFORMING:
        return "完成规划设计及施工许可等手续" if p.gov else "企业注册完成，首笔资金到位"
    if stage is Stage.STARTED:
        if day == GROUP_START_DAY:
            return "参加2022年1月4日全区一季度重点项目集中开工活动"
        return "项目开工建设"
    if stage is Stage.OPERATING:
        return "项目建成投用" if p.gov else "项目建成投产"
    return ""
