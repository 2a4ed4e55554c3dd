"""周例会简报: the counts, the overdue list by unit, decisions; `report meeting`."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from jianan_desk.cli import main
from jianan_desk.reports.meeting import decision_items
from jianan_desk.reports.period import ReportError
from jianan_desk.reports.service import REPORT_TITLES, MeetingRequest, make_report
from jianan_desk.services.meetings import (
    Closure,
    MeetingInput,
    MinutesInput,
    create_meeting,
    record_minutes,
)
from jianan_desk.services.problems import ProblemInput, close_problem, create_problem
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.models import Unit
from tests.reports.pdftools import compact, page_fonts, page_texts

ACTOR = "李联络"
D = dt.date


def _problem(s, text, raised, deadline, unit, project=None, **kw):
    return create_problem(
        s,
        ProblemInput(description=text, raised_on=raised, deadline=deadline, unit_id=unit,
                     project_id=project, responsible_person="张三", **kw),
        ACTOR,
    )  # fmt: skip


@pytest.fixture
def crafted(db):
    with db.session() as s:
        u = list(s.scalars(select(Unit.id).order_by(Unit.sort_order, Unit.name)).all()[:2])
        names = [s.get(Unit, x).name for x in u]
        p = create_project(s, ProjectInput(name="三佳万向节项目", family="key"), ACTOR)
        create_meeting(s, MeetingInput(held_on=D(2021, 12, 27)), ACTOR)  # last year
        m1 = create_meeting(s, MeetingInput(held_on=D(2022, 2, 28)), ACTOR)
        _problem(s, "去年遗留的用地问题", D(2021, 12, 27), D(2022, 1, 31), u[0], p.id)
        _problem(s, "环评批复未下达", D(2022, 2, 28), D(2022, 3, 10), u[0], meeting_id=m1.id)
        _problem(s, "电力增容未落实", D(2022, 2, 28), D(2022, 3, 1), u[1], meeting_id=m1.id)
        done = _problem(s, "施工许可待办", D(2022, 3, 1), D(2022, 3, 20), u[1], p.id)
        _problem(s, "未到期的问题", D(2022, 3, 2), D(2022, 4, 30), u[1])
        m2 = create_meeting(s, MeetingInput(held_on=D(2022, 3, 14)), ACTOR)
        record_minutes(
            s,
            m2.id,
            MinutesInput(
                chair="王区长",
                attendees="区发改委、区自然资源局",
                decisions="一、三月底前完成环评批复；二、电力增容由区发改委牵头协调",
                project_reports={p.id: "设备进场"},
                raised=[ProblemInput(description="道路配套滞后", unit_id=u[0],
                                     deadline=D(2022, 3, 31), category="factors")],
                closures=[Closure(done.id, "施工许可已核发")],
            ),
            ACTOR,
        )  # fmt: skip
        late = _problem(s, "会后销号不影响当日", D(2022, 1, 5), D(2022, 2, 1), u[1])
        close_problem(s, late.id, "已办", D(2022, 3, 20), ACTOR)
    return db, names


def test_brief_counts_overdue_by_unit_and_decisions(crafted):
    db, (unit1, unit2) = crafted
    with db.session(readonly=True) as s:
        report = make_report(s, MeetingRequest(D(2022, 3, 14)), made_on=D(2022, 3, 15))
    assert REPORT_TITLES["meeting"] == "周例会简报"
    assert report.file_name == "20220314_周例会简报.pdf"
    # 2022: meetings 2; raised 6 (4 before + 1 at the meeting + the one closed later);
    # closed in 2022 by 3-14: 1; active on 3-14: 6 (incl. the one closed on 3-20); overdue 4.
    assert "本年已召开 2 次，提出问题 6 个，销号 1 个，未销号 6 个，超期 4 个" in report.summary
    pages = [compact(t) for t in page_texts(report.pdf)]
    text = "".join(pages)
    assert "重点项目周例会简报" in pages[0]
    assert "2022年3月14日召开第2次重点项目周例会，王区长主持" in text
    assert "2022年以来已召开周例会2次，共提出问题6个（其中周例会交办3个），销号1个" in text
    assert "未销号问题6个，其中超期4个" in text
    assert "交办问题1个，销号问题1个" in text
    assert "道路配套滞后" in text and "施工许可待办" in text
    # Overdue list by unit: unit2 has 2 (电力增容 13 days, 会后销号 41 days), unit1 2.
    assert f"{unit1}（2个）" in text and f"{unit2}（2个）" in text
    assert "去年遗留的用地问题" in text and "42" in text  # 2022-01-31 → 03-14
    assert "未到期的问题" not in text.split("四、超期未销号问题")[1]
    assert "一、三月底前完成环评批复" in text and "二、电力增容由区发改委牵头协调" in text
    assert "参会单位：区发改委、区自然资源局" in text
    fonts = {f.base_font for page in page_fonts(report.pdf) for f in page}
    assert fonts and all(f.embedded for page in page_fonts(report.pdf) for f in page)


def test_no_meeting_that_day_is_a_clear_error(crafted):
    db, _ = crafted
    with db.session(readonly=True) as s, pytest.raises(ReportError) as err:
        make_report(s, MeetingRequest(D(2022, 3, 15)))
    assert "2022年3月15日没有周例会记录；最近一次周例会是 2022-03-14" in str(err.value)


def test_decision_items():
    assert decision_items("") == []
    assert decision_items("一、甲；二、乙") == ["甲", "乙"]
    assert decision_items("1. 甲\n2. 乙\n") == ["甲", "乙"]
    assert decision_items("抓紧推进") == ["抓紧推进"]


def test_cli_report_meeting(capsys, demo_path, tmp_path):
    out_pdf = tmp_path / "brief.pdf"
    code = main(["--db", str(demo_path), "report", "meeting", "--date", "2022-03-14",
                 "-o", str(out_pdf)])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "已生成报表" in out and "本年已召开 4 次" in out
    assert "重点项目周例会简报" in compact(page_texts(out_pdf.read_bytes())[0])
    code = main(["--db", str(demo_path), "report", "meeting", "--date", "2022-03-15",
                 "-o", str(out_pdf)])  # fmt: skip
    _, err = capsys.readouterr()
    assert code != 0 and "没有周例会记录" in err


def test_demo_meetings_have_minutes(demo_db):
    from jianan_desk.services.meetings import get_meeting, list_meetings

    with demo_db.session(readonly=True) as s:
        meetings = list_meetings(s)
        assert len(meetings) == 18
        latest = get_meeting(s, meetings[0].id)
        assert latest.row.chair and latest.attendees
        assert latest.decisions.startswith("一、")
        assert latest.projects and latest.raised and latest.closed
        assert all(r.status == "closed" for r in latest.closed)
