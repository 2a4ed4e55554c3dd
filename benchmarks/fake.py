"""Fabricates rows for the generator: plain tuples already in SQLite's storage format.

Values are built the way the column types would store them, so that the writer can hand
them to the driver unchanged (the fastest bulk insert):

* money and other ``FixedDecimal`` columns: integers scaled by 10**4 (万元 → whole 元);
  every amount is drawn as such an integer, so it is exact by construction;
* dates and timestamps: strings made by the columns' own bind processors (see ``Storage``);
* booleans: 0/1; keys: version-4 UUID strings drawn from the seeded random generator.

The order of every tuple is ``COLUMNS[table]``; the writer checks it names each column.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from benchmarks import vocab
from jianan_desk.domain.company_names import company_search_key, normalize_company_name
from jianan_desk.domain.search import project_search_text

SYNCED = ("id", "created_at", "updated_at", "deleted_at", "version")
COLUMNS: dict[str, tuple[str, ...]] = {
    "staff_users": (*SYNCED, "name", "role", "title", "unit_id", "phone"),
    "task_forces": (*SYNCED, "name", "head_leader", "deputy", "liaison", "lead_unit_id", "notes"),
    "companies": (
        *SYNCED,
        "name", "normalized_name", "uscc", "province", "city", "industry_node_id", "scale",
        "website", "tags", "notes", "is_local", "is_target", "search_key",
    ),
    "contacts": (*SYNCED, "company_id", "name", "title", "mobile", "wechat", "email", "notes"),
    "trips": (
        *SYNCED, "title", "start_on", "end_on", "destinations", "purpose", "itinerary", "summary",
        "report_submitted_on",
    ),
    "trip_members": (*SYNCED, "trip_id", "staff_user_id", "name", "role"),
    "visits": (
        *SYNCED,
        "trip_id", "company_id", "visited_on", "kind", "city", "attendees", "content", "outcome",
        "next_step", "follow_up_on", "recorded_by", "place", "interest_level", "project_id",
        "follow_up_done_on", "follow_up_note",
    ),
    "projects": (
        *SYNCED,
        "code", "name", "family", "stage", "company_id", "industry_node_id", "chain_link_id",
        "field_id", "total_investment_wan", "fixed_asset_investment_wan",
        "foreign_investment_usd_wan", "land_mu", "location", "unit_id", "leader_in_charge",
        "task_force_id", "expected_revenue_wan", "expected_tax_wan", "jobs",
        "construction_content", "notes", "source_visit_id", "contract_notes", "updated_by",
        "signed_on", "stage_on", "search_key", "search_text", "investor_name",
    ),
    "project_stage_events": (
        *SYNCED, "project_id", "stage", "occurred_on", "note", "recorded_by",
        "signed_investment_wan", "kind", "reason", "superseded_by_id",
    ),
    "funds_in_place": (*SYNCED, "project_id", "received_on", "amount_wan", "fdi_usd_wan", "note"),
    "key_project_plans": (
        *SYNCED, "project_id", "year", "planned_investment_wan", "is_new_start",
        "planned_start_month",
    ),
    "monthly_investments": (*SYNCED, "project_id", "year", "month", "completed_wan"),
    "weekly_meetings": (
        *SYNCED, "held_on", "number", "title", "notes", "chair", "attendees", "decisions",
    ),
    "problems": (
        *SYNCED,
        "project_id", "task_force_id", "meeting_id", "raised_on", "category", "description",
        "unit_id", "responsible_person", "deadline", "status", "resolution", "resolved_on",
        "source", "company_id",
    ),
}  # fmt: skip

WAN = 10_000  # one 万元 as stored (whole 元)
FIRST = dt.date(2019, 1, 1).toordinal()
LAST = dt.date(2025, 12, 31).toordinal()  # nothing happens after this day
FIRST_MEETING = dt.date(2021, 1, 4).toordinal()  # a Monday; weekly meetings from then on
KEY_SHARE = 0.12  # of projects are 重点项目; the rest 招商引资
CORRECTED_SHARE = 0.02  # of signed projects had their signing date corrected (更正)
TASK_FORCES = 69

# Pipeline steps: (stage reached, probability of reaching it, days after the previous step,
# probability of being dropped instead when it is not reached).
ATTRACTION_STEPS = (
    ("negotiating", 0.75, (7, 120), 0.4),
    ("signed", 0.60, (20, 240), 0.5),
    ("performing", 0.80, (10, 150), 0.4),
    ("started", 0.85, (20, 200), 0.2),
    ("operating", 0.60, (150, 720), 0.0),
)
KEY_STEPS = (
    ("negotiating", 0.95, (5, 60), 0.3),
    ("signed", 0.90, (10, 120), 0.5),
    ("performing", 0.95, (10, 90), 0.3),
    ("started", 0.90, (15, 150), 0.2),
    ("operating", 0.50, (240, 900), 0.0),
)


@dataclass(frozen=True)
class Industry:
    code: str
    id: str
    link_ids: tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    """Seeded reference rows, in a stable order (their ids differ from file to file)."""

    industries: tuple[Industry, ...]
    field_ids: tuple[str, ...]  # 5122 fields, 先进制造业 first
    units: tuple[tuple[str, str], ...]  # (id, name)


@dataclass(frozen=True)
class Storage:
    """Storage-format strings of every day the generator may use, made once by the columns'
    own bind processors (``Storage.build``); plain lists, so that they pickle."""

    base: int  # ordinal of days[0]
    days: list[str]  # DATE columns
    stamps: list[str]  # UTC timestamps on that day (09:30 in 建安)

    @classmethod
    def build(cls, date_proc: Callable[[Any], Any], ts_proc: Callable[[Any], Any]) -> Storage:
        first, last = dt.date(2015, 1, 1).toordinal(), dt.date(2030, 12, 31).toordinal()
        dates = [dt.date.fromordinal(o) for o in range(first, last + 1)]
        return cls(
            first,
            [date_proc(d) for d in dates],
            [ts_proc(dt.datetime(d.year, d.month, d.day, 1, 30, tzinfo=dt.UTC)) for d in dates],
        )

    def day(self, ordinal: int) -> str:
        return self.days[ordinal - self.base]

    def stamp(self, ordinal: int) -> str:
        return self.stamps[ordinal - self.base]


def _uscc(region: str, serial: int) -> str:
    """A well-formed 统一社会信用代码 (GB 32100) whose organisation code embeds ``serial``."""
    body = f"{serial % 10**8:08d}"
    s = sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    c9 = 11 - s % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    code = "91" + region + org
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(chars.index(c) * w for c, w in zip(code, weights, strict=True))
    return code + chars[(31 - total % 31) % 31]


# Version 4 and RFC 4122 variant bits of a random 128-bit number (as ``uuid.uuid4``).
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


class FastRandom(random.Random):
    """``random.Random`` with cheaper draws: one ``random()`` call each (bias < 2**-40)."""

    def choice(self, seq: Any) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        if step != 1 or stop <= start:
            return super().randrange(start, stop, step)
        return start + int(self.random() * (stop - start))


class Fabricator:
    """Draws every row from one seeded ``random.Random``: same seed, same database."""

    def __init__(self, seed: int, ref: Reference, storage: Storage) -> None:
        self.rng = FastRandom(seed)
        self.ref = ref
        self.st = storage
        self.staff: list[tuple[str, str]] = []  # (id, name)
        self.leaders: list[str] = []
        self.task_force_ids: list[str] = []
        self.company_ids: list[str] = []
        self.company_names: list[str] = []
        self.company_city: list[int] = []
        self.company_industry: list[int] = []  # index into ref.industries, -1 for none
        self.city_companies: dict[int, list[int]] = {}
        self.company_visits: dict[int, list[tuple[int, str]]] = {}
        self.meeting_ids: list[str] = []
        self.project_serial = 0
        self._keys: dict[str, str] = {}
        self._city_cum = list(accumulate(vocab.CITY_WEIGHTS))

    # ------------------------------------------------------------ small draws

    def uuid(self) -> str:
        h = f"{self.rng.getrandbits(128) & _UUID_CLEAR | _UUID_SET:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def person(self) -> str:
        r = self.rng
        given = r.choice(vocab.GIVEN) + (r.choice(vocab.GIVEN) if r.random() < 0.7 else "")
        return r.choice(vocab.SURNAMES) + given

    def mobile(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"

    def any_day(self) -> int:
        return self.rng.randint(FIRST, LAST)

    def money(self, lo_wan: int, hi_wan: int, cents: float = 0.3) -> int:
        """An amount in 万元 as stored: whole 万, or with 0.01 万 (百元) precision."""
        v = self.rng.randint(lo_wan, hi_wan) * WAN
        if self.rng.random() < cents:
            v += self.rng.randrange(100) * 100
        return v

    def search_key(self, name: str, investor: str, location: str) -> str:
        """``domain.search.project_search_key(name, investor, location, "")``, from cached parts.

        The key is its parts' keys joined by a space (``search_key``); location and the
        template names repeat, so each distinct part is computed once.
        """
        from jianan_desk.domain.search import SEPARATOR, search_key

        keys = self._keys
        pieces = []
        for part in (name, investor, location):
            k = keys.get(part)
            if k is None:
                k = keys[part] = search_key(part)
            if k:
                pieces.append(k)
        return SEPARATOR.join(pieces)

    def _synced(self, created: int, updated: int | None = None, deleted: float = 0.0) -> tuple:
        stamps, base = self.st.stamps, self.st.base
        upd = stamps[(created if updated is None else updated) - base]
        gone = upd if deleted and self.rng.random() < deleted else None
        return (self.uuid(), stamps[created - base], upd, gone, 1)

    # ------------------------------------------------------------ people and task forces

    def staff_rows(self, out: dict[str, list]) -> None:
        r = self.rng
        units = self.ref.units
        for i in range(40):
            role = "leader" if i < 8 else "chief" if i < 12 else "liaison" if i < 24 else "staff"
            title = r.choice(vocab.LEADER_TITLES) if role == "leader" else ""
            unit_id = r.choice(units)[0] if units and role != "leader" else None
            sid, name = self.uuid(), self.person()
            stamp = self.st.stamp(FIRST)
            out["staff_users"].append(
                (sid, stamp, stamp, None, 1, name, role, title, unit_id, self.mobile())
            )
            self.staff.append((sid, name))
            if role == "leader":
                self.leaders.append(name)
        codes = [ind.code for ind in self.ref.industries] or ["重点"]
        for i in range(TASK_FORCES):
            word = vocab.INDUSTRY_WORDS.get(codes[i % len(codes)], ("重点",))[0]
            row = (
                *self._synced(FIRST),
                f"{word}项目专班{i + 1}",
                r.choice(self.leaders),
                self.person(),
                self.person(),
                r.choice(units)[0] if units else None,
                "",
            )
            out["task_forces"].append(row)
            self.task_force_ids.append(row[0])

    def meeting_rows(self, out: dict[str, list]) -> None:
        number, year = 0, 0
        for day in range(FIRST_MEETING, LAST + 1, 7):
            d = dt.date.fromordinal(day)
            number = number + 1 if d.year == year else 1
            year = d.year
            row = (
                *self._synced(day),
                self.st.day(day),
                number,
                f"{year}年第{number}次重点项目周例会",
                "",
                "",
                "",
                "",
            )
            out["weekly_meetings"].append(row)
            self.meeting_ids.append(row[0])

    # ------------------------------------------------------------ companies

    def company_rows(self, n: int, out: dict[str, list]) -> None:
        r = self.rng
        rand = r.random
        cities = r.choices(range(len(vocab.CITIES)), cum_weights=self._city_cum, k=n)
        industries = self.ref.industries
        for ci in cities:
            i = len(self.company_ids)
            province, city, region, municipality = vocab.CITIES[ci]
            ind = r.randrange(len(industries)) if industries and rand() < 0.85 else -1
            code = industries[ind].code if ind >= 0 else ""
            brand = r.choice(vocab.BRAND_CHARS) + r.choice(vocab.BRAND_CHARS)
            word = r.choice(vocab.INDUSTRY_WORDS.get(code, ("实业", "科技", "贸易")))
            prefix = city if municipality else city + ("市" if rand() < 0.7 else "")
            name = f"{prefix}{brand}{word}{r.choice(vocab.COMPANY_FORMS)}"
            local = city == vocab.HOME_CITY
            uscc = _uscc(region, i * 7919 + 1234567) if rand() < 0.7 else None
            tags = "目标企业" if not local and rand() < 0.2 else ""
            row = (
                *self._synced(self.any_day()),
                name,
                normalize_company_name(name),
                uscc,
                province,
                city,
                industries[ind].id if ind >= 0 else None,
                r.choice(vocab.SCALES),
                "",
                tags,
                "",
                int(local),
                int(not local and rand() < 0.2),
                company_search_key(name, city, uscc, tags),
            )
            out["companies"].append(row)
            self.company_ids.append(row[0])
            self.company_names.append(name)
            self.company_city.append(ci)
            self.company_industry.append(ind)
            self.city_companies.setdefault(ci, []).append(i)
            if rand() < 0.5:
                out["contacts"].append(
                    (
                        *self._synced(self.any_day()),
                        row[0],
                        self.person(),
                        r.choice(vocab.TITLES),
                        self.mobile(),
                        "",
                        "",
                        "",
                    )
                )

    # ------------------------------------------------------------ trips and visits

    def trip_and_visit_rows(self, n_visits: int, out: dict[str, list]) -> None:
        r = self.rng
        rand, randint = r.random, r.randint
        st = self.st
        away = [i for i, c in enumerate(vocab.CITIES) if c[1] != vocab.HOME_CITY]
        home = next((i for i, c in enumerate(vocab.CITIES) if c[1] == vocab.HOME_CITY), 0)
        trips: list[tuple[str, int, int, list[int]]] = []
        for _ in range(max(1, round(n_visits * 0.4 / 80))):
            start = randint(FIRST, LAST - 6)
            end = start + randint(1, 5)
            dests = r.sample(away, randint(1, 3))
            names = "、".join(vocab.CITIES[d][1] for d in dests)
            row = (
                *self._synced(start, end),
                f"赴{names}招商考察",
                st.day(start),
                st.day(end),
                names,
                "对接目标企业，推介建安区营商环境",
                "",
                "",
                st.day(end + randint(3, 20)) if end + 20 < LAST else None,
            )
            out["trips"].append(row)
            trips.append((row[0], start, end, dests))
            for k in range(randint(2, 5)):
                sid, sname = r.choice(self.staff)
                out["trip_members"].append(
                    (*self._synced(start), row[0], sid, sname, "leader" if k == 0 else "staff")
                )
        n_comp = len(self.company_ids)
        for _ in range(n_visits):
            x = rand()
            trip_id = None
            if x < 0.4:
                trip_id, start, end, dests = trips[r.randrange(len(trips))]
                ci = r.choice(dests)
                day = randint(start, end)
                pool = self.city_companies.get(ci)
                comp = r.choice(pool) if pool else r.randrange(n_comp)
                kind = "outbound"
            elif x < 0.7:
                ci, day, comp, kind = home, self.any_day(), r.randrange(n_comp), "inbound"
            else:
                comp = r.randrange(n_comp)
                ci, day, kind = self.company_city[comp], self.any_day(), "outbound"
            row = (
                *self._synced(day, deleted=0.01),
                trip_id,
                self.company_ids[comp],
                st.day(day),
                kind,
                vocab.CITIES[ci][1],
                f"{self.person()}、{self.person()}",
                r.choice(vocab.VISIT_CONTENT),
                r.choice(vocab.VISIT_OUTCOMES),
                r.choice(vocab.NEXT_STEPS),
                st.day(day + randint(7, 30)) if rand() < 0.4 else None,
                r.choice(self.staff)[1],
                "",
                r.choice(("high", "medium", "low", "")),
                None,
                None,
                "",
            )
            out["visits"].append(row)
            if row[3] is None:
                self.company_visits.setdefault(comp, []).append((day, row[0]))

    # ------------------------------------------------------------ projects

    def _history(self, lead: int, key: bool) -> list[tuple[str, int]]:
        """Stage events with strictly increasing dates, none after LAST."""
        r = self.rng
        events = [("lead", lead)]
        day = lead
        for stage, p_reach, (lo, hi), p_drop in KEY_STEPS if key else ATTRACTION_STEPS:
            if r.random() < p_reach:
                nxt = day + r.randint(lo, hi)
                if nxt > LAST:
                    break
                events.append((stage, nxt))
                day = nxt
            else:
                if r.random() < p_drop:
                    dropped = day + r.randint(30, 300)
                    if dropped <= LAST:
                        events.append(("dropped", dropped))
                break
        return events

    def project_rows(self, n: int, out: dict[str, list]) -> None:
        r = self.rng
        rand, randint, choice = r.random, r.randint, r.choice
        st = self.st
        ref = self.ref
        n_comp = len(self.company_ids)
        for _ in range(n):
            self.project_serial += 1
            key = rand() < KEY_SHARE
            public = key and rand() < 0.3
            comp = -1 if public or (not key and rand() < 0.1) or not n_comp else r.randrange(n_comp)
            ind = self.company_industry[comp] if comp >= 0 else -1
            if ind < 0 and ref.industries and not public:
                ind = r.randrange(len(ref.industries))
            industry = ref.industries[ind] if ind >= 0 else None
            lead = self.any_day()
            events = self._history(lead, key)
            last_day = events[-1][1]
            unit_id, unit_name = choice(ref.units) if ref.units else (None, "建安区")
            task_force = choice(self.task_force_ids) if key else None

            if public:
                name = f"{unit_name}{choice(vocab.PUBLIC_WORKS)}项目"
                if rand() < 0.3:
                    name = f"{choice(vocab.ROADS)}{choice(('道路改造提升', '管网改造'))}项目"
                total = self.money(2000, 60000)
                field_id = choice(ref.field_ids[2:] or ref.field_ids) if ref.field_ids else None
            else:
                product, unit = choice(
                    vocab.PRODUCTS.get(industry.code if industry else "", ()) or (("产品", "万件"),)
                )
                brand = choice(vocab.BRAND_CHARS) + choice(vocab.BRAND_CHARS)
                x = rand()
                if x < 0.5:
                    name = f"年产{choice(vocab.OUTPUTS)}{unit}{product}项目"
                elif x < 0.8:
                    name = f"{brand}{product}生产基地项目"
                else:
                    name = f"{brand}{product}智能化改造项目"
                y = rand()
                hi = 600000 if key else 300000
                total = (
                    self.money(500, 9999)
                    if y < (0.3 if key else 0.55)
                    else self.money(10000, 99999)
                    if y < 0.8
                    else self.money(100000, hi)
                )
                field_id = (
                    ref.field_ids[0 if rand() < 0.85 else 1] if len(ref.field_ids) > 1 else None
                )
            foreign = not public and rand() < 0.08
            total_wan = total // WAN
            days = dict(events)
            signed = days.get("signed")
            investor = self.company_names[comp] if comp >= 0 else ""
            row = (
                *self._synced(lead, last_day, deleted=0.01),
                f"JA{dt.date.fromordinal(lead).year}{self.project_serial:07d}",
                name,
                "key" if key else "attraction",
                events[-1][0],
                self.company_ids[comp] if comp >= 0 else None,
                industry.id if industry else None,
                choice(industry.link_ids) if industry and industry.link_ids else None,
                field_id,
                total,
                total * 4 // 5 // 100 * 100,
                (total // 7 + 50) // 100 * 100 if foreign else None,
                randint(100 + total_wan // 10, 200 + total_wan // 4) * 100
                if rand() < 0.8
                else None,
                unit_name,
                unit_id,
                choice(self.leaders),
                task_force,
                total * randint(10, 20) // 10 // 100 * 100,
                total * randint(3, 8) // 100 // 100 * 100,
                randint(20, 20 + total_wan // 50),
                f"主要建设生产车间{randint(1, 12)}栋及配套设施" if not public else "",
                "",
                self._source_visit(comp, lead),
                f"协议编号 JA-{dt.date.fromordinal(signed).year}-{self.project_serial:06d}"
                if signed and rand() < 0.5
                else "",
                choice(self.staff)[1],
                st.day(signed) if signed else None,
                st.day(last_day),  # dates strictly increase: the last event began the stage
                self.search_key(name, investor, unit_name),
                project_search_text(name, investor, unit_name, ""),
                investor,
            )
            out["projects"].append(row)
            self._events(row[0], events, total, out)
            if key:
                self._key_plan(row[0], events, total, task_force, unit_id, out)
            elif len(events) > 3 and events[3][0] == "performing":
                self._funds(row[0], events[3][1], total, foreign, out)

    def _source_visit(self, comp: int, lead: int) -> str | None:
        visits = self.company_visits.get(comp) if comp >= 0 else None
        if not visits or self.rng.random() < 0.5:
            return None
        before = [v for v in visits if v[0] <= lead]
        return max(before)[1] if before else None

    def _events(self, pid: str, events: list[tuple[str, int]], total: int, out: dict) -> None:
        r = self.rng
        st = self.st
        staff = self.staff
        rows = out["project_stage_events"]
        for stage, day in events:
            who = r.choice(staff)[1]
            if stage == "dropped":
                row = (*self._synced(day), pid, stage, st.day(day), "", who, None, "drop")
                rows.append((*row, r.choice(vocab.DROP_REASONS), None))
                continue
            signing = total if stage == "signed" else None
            if stage == "signed" and r.random() < CORRECTED_SHARE:
                # Recorded first with a wrong date, then corrected (更正) the same day: the
                # wrong event is soft-deleted and points at the correction.
                wrong = day + r.choice((-1, 1)) * r.randint(1, 40)
                fix_id = self.uuid()
                fixed_at = st.stamp(max(day, wrong))
                rows.append(
                    (self.uuid(), st.stamp(wrong), fixed_at, fixed_at, 1, pid, stage, st.day(wrong),
                     "", who, signing, "advance", "", fix_id)
                )  # fmt: skip
                rows.append(
                    (fix_id, fixed_at, fixed_at, None, 1, pid, stage, st.day(day), "", who, signing,
                     "correction", "签约日期录入有误，按协议日期更正", None)
                )  # fmt: skip
                continue
            rows.append(
                (*self._synced(day), pid, stage, st.day(day), "", who, signing, "advance", "", None)
            )

    def _funds(self, pid: str, first: int, total: int, foreign: bool, out: dict) -> None:
        r = self.rng
        n = r.randint(1, 3)
        budget = total * r.randint(30, 90) // 100
        day = first
        part = budget // n // 100 * 100
        for k in range(n):
            if day > LAST:
                break
            amount = part if k < n - 1 else budget - part * k
            fdi = (amount // 7 + 50) // 100 * 100 if foreign else None
            out["funds_in_place"].append(
                (*self._synced(day, deleted=0.01), pid, self.st.day(day), amount, fdi, "")
            )
            day += r.randint(30, 300)

    def _key_plan(
        self,
        pid: str,
        events: list[tuple[str, int]],
        total: int,
        task_force: str | None,
        unit_id: str | None,
        out: dict,
    ) -> None:
        """Annual plans (from signing or start on), monthly investment once started, problems."""
        r = self.rng
        days = dict(events)
        if "signed" not in days:
            return
        start = days.get("started")
        first = dt.date.fromordinal(start if start else days["signed"])
        stop = days.get("operating", days.get("dropped", LAST))
        last = dt.date.fromordinal(min(stop, LAST))
        years = range(first.year, last.year + 1)
        share = total // len(years)
        for year in years:
            new_start = year == first.year
            planned = share * r.randint(8, 12) // 10 // 100 * 100
            out["key_project_plans"].append(
                (
                    *self._synced(dt.date(year, 1, 1).toordinal()),
                    pid,
                    year,
                    planned,
                    int(new_start),
                    first.month if new_start else None,
                )
            )
            if not start:
                continue
            m0 = first.month if year == first.year else 1
            m1 = last.month if year == last.year else 12
            per_month = planned // max(1, m1 - m0 + 1)
            for month in range(m0, m1 + 1):
                done = per_month * r.randint(6, 13) // 10 // 100 * 100
                day = dt.date(year, month, 1).toordinal()
                out["monthly_investments"].append((*self._synced(day), pid, year, month, done))
        if start and r.random() < 0.3:
            self._problems(pid, start, task_force, unit_id, out)

    def _problems(
        self, pid: str, start: int, task_force: str | None, unit_id: str | None, out: dict
    ) -> None:
        r = self.rng
        st = self.st
        for _ in range(r.randint(1, 2)):
            raised = min(LAST, start + r.randint(0, 200))
            k = -(-(raised - FIRST_MEETING) // 7)
            meeting = self.meeting_ids[k] if 0 <= k < len(self.meeting_ids) else None
            category, text = r.choice(vocab.PROBLEM_TEXTS)
            status = r.choices(("closed", "in_progress", "open"), (6, 2, 2))[0]
            resolved = min(LAST, raised + r.randint(5, 60)) if status == "closed" else None
            out["problems"].append(
                (
                    *self._synced(raised, resolved or raised),
                    pid,
                    task_force,
                    meeting,
                    st.day(raised),
                    category,
                    text,
                    unit_id,
                    self.person(),
                    st.day(raised + r.randint(15, 60)),
                    status,
                    "已协调解决，销号" if resolved else "",
                    st.day(resolved) if resolved else None,
                    "meeting" if meeting else "task_force",
                    None,
                )
            )
