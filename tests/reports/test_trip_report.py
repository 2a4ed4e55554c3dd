"""外出招商报告: visits, leads and follow-ups of one trip, contact data masked."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from jianan_desk.reports.period import ReportError
from jianan_desk.reports.service import TripRequest, make_report
from jianan_desk.reports.trip import find_trip, list_trips, load_trip
from jianan_desk.store.models import Contact, Project, Trip, Visit
from tests.reports.pdftools import compact, page_sizes, page_texts

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
MASKED = re.compile(r"1[3-9]\d\*{4}\d{4}")


@pytest.fixture(scope="module")
def big_trip(demo_path):
    from tests.helpers import open_db

    db = open_db(demo_path)
    with db.session(readonly=True) as s:
        trip = s.scalar(select(Trip).where(Trip.title.contains("深圳、佛山")))
        visits = list(s.scalars(select(Visit).where(Visit.trip_id == trip.id)))
        visit_ids = [v.id for v in visits]
        leads = list(s.scalars(select(Project).where(Project.source_visit_id.in_(visit_ids))))
        company_ids = {v.company_id for v in visits}
        mobiles = [
            c.mobile for c in s.scalars(select(Contact).where(Contact.company_id.in_(company_ids)))
        ]
        report = make_report(s, TripRequest(trip.id[:8]))
        facts = (trip.title, len(visits), [p.name for p in leads], mobiles)
    db.dispose()
    return facts, report


def test_visits_leads_and_follow_ups(big_trip):
    (title, n_visits, leads, _), report = big_trip
    text = compact("".join(page_texts(report.pdf)))
    assert compact(title) in text
    assert f"拜访企业{n_visits}家次" in text
    assert leads and f"形成项目线索{len(leads)}条" in text
    for name in leads:
        assert text.count(compact(name)) == 1, name
    for section in ("一、基本情况", "二、行程安排", "三、拜访企业", "四、形成线索", "五、后续跟进"):
        assert section in text


def test_contact_data_is_masked(big_trip):
    (*_, mobiles), report = big_trip
    text = "".join(page_texts(report.pdf))
    assert mobiles
    assert not MOBILE.search(text)
    assert MASKED.search(text)
    for mobile in mobiles:
        assert mobile not in text
    assert "wx" not in text  # WeChat ids are left out


def test_portrait_pages(big_trip):
    _, report = big_trip
    assert all(w < h for w, h in page_sizes(report.pdf))


def test_finding_a_trip(demo_db):
    with demo_db.session(readonly=True) as s:
        trips = list_trips(s)
        assert len(trips) == 6
        one = trips[0]
        assert find_trip(s, one.trip_id).trip_id == one.trip_id
        assert find_trip(s, one.trip_id[:6]).trip_id == one.trip_id
        assert find_trip(s, one.title).trip_id == one.trip_id
        with pytest.raises(ReportError, match="多个"):
            find_trip(s, "杭州")
        with pytest.raises(ReportError, match="找不到"):
            find_trip(s, "北京")
        report = load_trip(s, "南京汽车零部件")
    assert report.trip.destinations == "南京"
