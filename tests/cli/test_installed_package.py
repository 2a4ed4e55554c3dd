"""Migrations, reference data and fonts must work from an installed wheel, not only a checkout."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_installed_package_migrates_and_seeds(tmp_path):
    target = tmp_path / "site"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert build.returncode == 0, build.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "JIANAN_HOME": str(tmp_path / "home")}
    work = tmp_path / "elsewhere"
    work.mkdir()
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import jianan_desk.resources as r; print(r.migrations_dir()); print(r.font_path("
            "'NotoSansSC-Regular.ttf').is_file())",
        ],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
    )
    assert probe.returncode == 0, probe.stderr
    migrations, font_ok = probe.stdout.split()
    assert Path(migrations).is_relative_to(target), "migrations must come from the install"
    assert font_ok == "True"
    db = work / "installed.sqlite"
    run = subprocess.run(
        [sys.executable, "-m", "jianan_desk", "--db", str(db), "upgrade"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "已创建" in run.stdout
    metrics = subprocess.run(
        [sys.executable, "-m", "jianan_desk", "--db", str(db), "metrics", "--year", "2022"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
    )
    assert metrics.returncode == 0, metrics.stderr
