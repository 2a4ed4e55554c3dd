"""Outbound trips, their members and visits, inbound visits, and where leads came from.

Some visits become the lead of a 招商 project (the lead date is moved to the visit's,
keeping the history in order); 三佳 was met on the Nanjing trip. Every other 招商 project
gets a lead source. Visit companies are filled in by ``companies``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.district import CITY_INDUSTRIES, TRIPS
from jianan_desk.services.demo.figures import DEMO_AS_OF
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.timeline import add_days, rand_date
from jianan_desk.services.demo.vocab import LEAD_SOURCES, LEADERS, STAFF
from jianan_desk.store.types import new_id


def build_trips(ws: Workspace) -> None:
    """The trips with their members and visits, inbound visits, and lead sources."""
    rng = ws.rng
    sanjia = next(p for p in ws.specs if p.fixed == "sanjia")
    for t_index, (title, start, end, cities, leader_idx, focus, n_visits) in enumerate(TRIPS):
        trip_id = new_id()
        leaders = [LEADERS[i][0] for i in leader_idx]
        staff = rng.sample(STAFF, rng.randint(3, 4))
        ws.trips.append(
            {
                "id": trip_id,
                "title": title,
                "start_on": start,
                "end_on": end,
                "destinations": "、".join(cities),
                "purpose": "围绕“222”现代产业体系开展产业链招商，拜访目标企业，推介建安区投资环境",
                "itinerary": itinerary(start, end, cities),
                "summary": "",
            }
        )
        for name in leaders:
            ws.trip_members.append(
                {
                    "id": new_id(),
                    "trip_id": trip_id,
                    "name": name,
                    "role": "leader",
                    "staff_user_id": ws.staff_ids[name],
                }
            )
        for name in staff:
            ws.trip_members.append(
                {
                    "id": new_id(),
                    "trip_id": trip_id,
                    "name": name,
                    "role": "staff",
                    "staff_user_id": ws.staff_ids[name],
                }
            )
        linked = 0
        for v_index in range(n_visits):
            city = cities[v_index * len(cities) // n_visits]
            day = rand_date(rng, start, end)
            visit = {
                "id": new_id(),
                "trip_id": trip_id,
                "kind": "outbound",
                "city": city,
                "visited_on": day,
                "leaders": leaders,
                "staff": staff,
                "spec": None,
                "company": None,
            }
            if t_index == 1 and v_index == 0:
                day = visit["visited_on"] = sanjia.dates[Stage.LEAD]
                visit["spec"] = sanjia
                sanjia.city = city
            elif rng.random() < 0.55:
                spec = pick_lead_for_visit(ws, day, CITY_INDUSTRIES.get(city, focus))
                if spec is not None:
                    relink(ws.rng, spec, day)
                    spec.city = city
                    visit["spec"] = spec
            if visit["spec"] is not None:
                linked += 1
                visit["spec"].visit = len(ws.visits)
                visit["spec"].lead_note = f"{title}期间拜访获得线索"
            ws.visits.append(visit)
        ws.trips[-1]["summary"] = (
            f"共拜访企业{n_visits}家，召开招商推介座谈会{rng.randint(1, 3)}场，"
            f"形成项目线索{linked}条；"
            + ("推介会到会客商210余名。" if t_index == 4 else "已明确专人跟踪对接。")
        )
    # Inbound visits: investors who came to 建安区; most became leads.
    candidates = [
        p
        for p in ws.specs
        if p.family == "attraction"
        and p.visit is None
        and p.fixed == ""
        and p.dates[Stage.LEAD] >= dt.date(2021, 1, 1)
    ]
    for p in rng.sample(candidates, 16):
        p.visit = len(ws.visits)
        p.lead_note = "客商来访洽谈获得线索"
        ws.visits.append(
            {
                "id": new_id(),
                "trip_id": None,
                "kind": "inbound",
                "city": "",
                "visited_on": p.dates[Stage.LEAD],
                "leaders": [rng.choice(LEADERS)[0]],
                "staff": rng.sample(STAFF, 2),
                "spec": p,
                "company": None,
            }
        )
    for p in ws.specs:
        if p.family == "attraction" and not p.lead_note:
            p.lead_note = rng.choice(LEAD_SOURCES)


def itinerary(start: dt.date, end: dt.date, cities: Sequence[str]) -> str:
    """A day-by-day itinerary over ``cities``."""
    n_days = (end - start).days + 1
    return "；".join(
        f"{add_days(start, i):%m月%d日} {cities[i * len(cities) // n_days]}：拜访企业、召开座谈会"
        for i in range(n_days)
    )


def pick_lead_for_visit(
    ws: Workspace, day: dt.date, industries: Sequence[str]
) -> ProjectSpec | None:
    """A 招商 project whose lead a visit on ``day`` could be, if any."""

    def next_date(p: ProjectSpec) -> dt.date:
        later = [d for s, d in p.dates.items() if s not in (Stage.LEAD, Stage.NEGOTIATING)]
        if p.dropped_on:
            later.append(p.dropped_on)
        return min(later) if later else add_days(DEMO_AS_OF, 60)

    eligible = [
        p
        for p in ws.specs
        if p.family == "attraction"
        and p.visit is None
        and p.fixed == ""
        and (p.group.startswith(("c21", "c22")) or p.group in ("lead", "negotiating", "dropped"))
        and next_date(p) >= add_days(day, 25)
    ]
    matching = [p for p in eligible if p.industry in industries] or eligible
    if not matching:
        return None
    position = {id(p): i for i, p in enumerate(ws.specs)}
    matching.sort(key=lambda p: (abs((p.dates[Stage.LEAD] - day).days), position[id(p)]))
    return ws.rng.choice(matching[:4])


def relink(rng: random.Random, p: ProjectSpec, day: dt.date) -> None:
    """Make the lead date the visit's date, keeping the history in order."""
    later = [d for s, d in p.dates.items() if s not in (Stage.LEAD, Stage.NEGOTIATING)]
    if p.dropped_on:
        later.append(p.dropped_on)
    nxt = min(later) if later else DEMO_AS_OF
    p.dates[Stage.LEAD] = day
    if Stage.NEGOTIATING in p.dates:
        p.dates[Stage.NEGOTIATING] = rand_date(
            rng, add_days(day, 7), min(add_days(nxt, -3), add_days(day, 150))
        )
