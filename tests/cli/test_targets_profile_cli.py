"""`targets` and `report targets` pace a target by its monthly profile, as the 首页 does."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from jianan_desk.cli import main
from jianan_desk.domain.pace import PRESETS
from jianan_desk.services.dashboard import load_dashboard
from jianan_desk.services.targets import set_target
from tests.helpers import open_db


@pytest.mark.sqlite_only
def test_the_cli_and_the_dashboard_use_the_same_profile(capsys, tmp_path):
    path = tmp_path / "t.sqlite"
    assert main(["--db", str(path), "upgrade"]) == 0
    db = open_db(path)
    with db.session() as s:
        set_target(
            s,
            year=2022,
            plan="1366",
            metric_key="signed_investment_wan",
            value=Decimal(3000000),
            profile=PRESETS["前低后高"],
        )
    with db.session(readonly=True) as s:
        card = next(
            t
            for t in load_dashboard(s, 2022, dt.date(2022, 3, 31)).targets
            if t.metric_key == "signed_investment_wan"
        )
    db.dispose()
    capsys.readouterr()
    code = main(["--db", str(path), "targets", "--year", "2022", "--as-of", "2022-03-31",
                 "--format", "json"])  # fmt: skip
    assert code == 0
    rows = {r["metric_key"]: r for r in json.loads(capsys.readouterr().out)}
    # 15 % of 300 亿 by the end of March (前低后高), not the linear 24.7 %.
    assert Decimal(str(rows["signed_investment_wan"]["expected"])) == Decimal(450000)
    assert card.pace is not None and card.pace.expected == Decimal(450000)

    pdf = tmp_path / "目标.pdf"
    code = main(["--db", str(path), "report", "targets", "--year", "2022", "--as-of",
                 "2022-03-31", "-o", str(pdf)])  # fmt: skip
    assert code == 0
    from tests.reports.pdftools import compact, page_texts

    text = compact("".join(page_texts(pdf.read_bytes())))
    assert "按月度进度计划应达45.00亿元" in text or "按月度进度计划应达45亿元" in text
