"""The demo database, made and read through the CLI, reproduces the published figures."""

import json
from decimal import Decimal

import pytest

from jianan_desk.cli import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(path), "demo-data"]) == 0
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_2021_figures_equal_the_published_ones(capsys, demo):
    code, out, _ = run(capsys, "--db", demo, "metrics", "--year", "2021", "--format", "json")
    assert code == 0
    m = json.loads(out, parse_float=Decimal)
    assert m["signed_count"] == 90
    assert Decimal(m["signed_investment_wan"]) == Decimal("2844800")  # 284.48 亿元
    assert Decimal(m["funds_in_place_wan"]) == Decimal("626200")  # 62.62 亿元
    assert m["performing_count"] == 66
    assert m["started_count"] == 64
    assert m["operating_count"] == 30
    assert round(m["performance_rate"] * 100) == 73
    assert round(m["start_rate"] * 100) == 71
    assert m["key_project_count"] == 107
    assert Decimal(m["completed_investment_wan"]) == Decimal("2856000")  # 285.6 亿元


def test_demo_database_passes_check(capsys, demo):
    code, out, _ = run(capsys, "--db", demo, "check")
    assert code == 0, out


def test_demo_data_refuses_a_database_with_projects(capsys, demo):
    code, _, err = run(capsys, "--db", demo, "demo-data")
    assert code == 1 and "已有项目" in err


def test_running_year_of_the_demo_stops_at_its_data_date(capsys, demo):
    code, out, _ = run(capsys, "--db", demo, "targets", "--year", "2022")
    assert code == 0 and "统计截至 2022-03-31" in out
    code, out, _ = run(capsys, "--db", demo, "metrics", "--year", "2022", "--format", "json")
    m = json.loads(out, parse_float=Decimal)
    assert Decimal(m["completed_investment_wan"]) == Decimal("678000")  # 67.8 亿元 in Q1
