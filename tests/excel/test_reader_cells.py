"""read_table: equal cells share one object (memory of a 100,000-row ledger), values kept."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from jianan_desk.excel.reader import read_table


def test_equal_texts_and_dates_are_shared_and_kept_as_they_are(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["建设地点", "签约时间", "开工时间", "备注"])
    for i in range(3):
        sheet.append(["五女店镇", dt.date(2022, 1, 5), dt.datetime(2022, 1, 5, 9, 30), f"备注{i}"])
    book.save(tmp_path / "a.xlsx")
    rows = read_table(tmp_path / "a.xlsx").rows
    assert rows[1][0] == "五女店镇" and rows[1][0] is rows[2][0] is rows[3][0]
    assert rows[1][1] is rows[3][1]
    assert rows[1][2] is rows[2][2]
    assert rows[1][1] == dt.date(2022, 1, 5)
    assert rows[1][2] == dt.datetime(2022, 1, 5, 9, 30)  # not merged with the equal-day date
    assert [r[3] for r in rows[1:]] == ["备注0", "备注1", "备注2"]
