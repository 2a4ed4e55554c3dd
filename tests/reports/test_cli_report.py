"""jianan-desk report …: exit codes, messages, files."""

from __future__ import annotations

import pytest

from jianan_desk.cli import main
from tests.reports.pdftools import compact, page_texts


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_signing_year(capsys, demo_path, tmp_path):
    out_pdf = tmp_path / "signing.pdf"
    code, out, err = run(
        capsys, "--db", demo_path, "report", "signing", "--from", "2021-01-01", "--to",
        "2021-12-31", "--group-by", "field", "--columns", "land,fdi", "-o", out_pdf,
    )  # fmt: skip
    assert code == 0, err
    assert "已生成报表" in out and "90 个" in out and "284.48" in out
    text = compact(page_texts(out_pdf.read_bytes())[0])
    assert "2021年招商引资签约项目汇总表" in text and "用地" in text


def test_targets_and_trip(capsys, demo_path, tmp_path):
    code, _, err = run(
        capsys, "--db", demo_path, "report", "targets", "--year", "2022", "--as-of",
        "2022-03-31", "-o", tmp_path / "t.pdf", "--issuer", "建安区商务局",
    )  # fmt: skip
    assert code == 0, err
    assert "制表单位：建安区商务局" in compact(page_texts((tmp_path / "t.pdf").read_bytes())[0])
    code, _, err = run(
        capsys, "--db", demo_path, "report", "trip", "深圳、佛山", "-o", tmp_path / "trip.pdf"
    )
    assert code == 0, err
    assert (tmp_path / "trip.pdf").read_bytes().startswith(b"%PDF")


def test_an_empty_month_still_succeeds(capsys, demo_path, tmp_path):
    code, out, _ = run(
        capsys, "--db", demo_path, "report", "signing", "--from", "2025-01-01", "--to",
        "2025-01-31", "-o", tmp_path / "empty.pdf",
    )  # fmt: skip
    assert code == 0 and "0 个" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["signing", "--from", "2021-13-01", "--to", "2021-12-31"], "无法识别的日期"),
        (["signing", "--from", "2021-05-01", "--to", "2021-03-31"], "早于开始日期"),
        (["signing", "--from", "2021-01-01", "--to", "2021-12-31", "--columns", "x"], "附加列"),
        (["targets", "--year", "1800"], "年份超出范围"),
        (["trip", "杭州"], "多个"),
        (["trip", "北京"], "找不到"),
    ],
)
def test_bad_input_exits_non_zero_in_chinese(capsys, demo_path, tmp_path, args, message):
    code, _, err = run(capsys, "--db", demo_path, "report", *args, "-o", tmp_path / "x.pdf")
    assert code == 1
    assert message in err and err.startswith("错误：")
    assert not (tmp_path / "x.pdf").exists()


def test_usage_errors(capsys, demo_path, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(demo_path), "report", "signing", "--from", "2021-01-01"])
    assert exit_.value.code == 2 and "参数错误" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(
            ["--db", str(demo_path), "report", "targets", "--year", "2022", "--as-of",
             "2022-02-30", "-o", str(tmp_path / "x.pdf")]
        )  # fmt: skip
    assert exit_.value.code == 2 and "日期格式" in capsys.readouterr().err


def test_missing_output_folder(capsys, demo_path, tmp_path):
    code, _, err = run(
        capsys, "--db", demo_path, "report", "targets", "--year", "2022", "-o",
        tmp_path / "nope" / "x.pdf",
    )  # fmt: skip
    assert code == 1 and "输出文件夹不存在" in err
