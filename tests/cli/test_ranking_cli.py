"""``report ranking``: the 季度考评 ranking as a PDF or a spreadsheet, from the command line."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from jianan_desk.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_path(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo-data"]) == 0
    capsys.readouterr()
    return path


@pytest.mark.sqlite_only
def test_ranking_pdf_and_xlsx(capsys, demo_path, tmp_path):
    pdf = tmp_path / "考评 2021Q4.pdf"
    code, out, err = run(
        capsys, "--db", demo_path, "report", "ranking", "--year", 2021, "--quarter", 4, "-o", pdf
    )
    assert code == 0, err
    assert "2021年第四季度招商引资工作考评排名" in out and "第一名" in out
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
        ).stdout
        assert "考评排名" in text and "计分方法" in text and "尚集产业集聚区" in text

    xlsx = tmp_path / "排名.xlsx"
    code, out, err = run(
        capsys, "--db", demo_path, "report", "ranking", "--year", 2021, "--quarter", 4, "-o", xlsx
    )
    assert code == 0, err
    from openpyxl import load_workbook

    rows = list(load_workbook(xlsx)["考评排名"].iter_rows(values_only=True))
    assert rows[2][0] == 1


@pytest.mark.sqlite_only
def test_ranking_errors_are_chinese(capsys, demo_path, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(demo_path), "report", "ranking", "--year", "2021", "--quarter", "5",
              "-o", str(tmp_path / "x.pdf")])  # fmt: skip
    assert exc.value.code == 2
    code, _, err = run(
        capsys, "--db", demo_path, "report", "ranking", "--year", 2021, "--quarter", 1,
        "-o", tmp_path / "nowhere" / "x.pdf",
    )  # fmt: skip
    assert code == 1 and "输出文件夹不存在" in err
