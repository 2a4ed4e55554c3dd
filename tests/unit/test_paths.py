from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from jianan_desk.paths import resolve_db, sqlite_file, sqlite_url
from jianan_desk.store.engine import sqlite_path


@pytest.mark.parametrize(
    "path",
    ["/tmp/a.sqlite", "/tmp/what?/x.sqlite", "/tmp/c#d/50%.sqlite", "/数据/招商 台+1.sqlite"],
)
def test_sqlite_url_matches_sqlalchemy_and_round_trips(path):
    url = sqlite_url(Path(path))
    assert url == URL.create("sqlite", database=path).render_as_string(hide_password=False)
    assert sqlite_path(url) == Path(path)
    assert sqlite_file(url) == Path(path)


def test_sqlite_file_of_other_urls():
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("postgresql://u:p@localhost/jianan") is None


def test_resolve_db_prefers_option_then_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("JIANAN_DB", str(tmp_path / "env.sqlite"))
    assert sqlite_file(resolve_db(str(tmp_path / "opt.sqlite"))) == tmp_path / "opt.sqlite"
    assert sqlite_file(resolve_db(None)) == tmp_path / "env.sqlite"
    monkeypatch.setenv("JIANAN_DB", "postgresql://localhost/jianan")
    assert resolve_db(None) == "postgresql://localhost/jianan"
