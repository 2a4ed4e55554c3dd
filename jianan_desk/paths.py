"""Where the program keeps the user's data, settings and logs.

``JIANAN_HOME`` moves all of it (tests point it at a tmp dir so that they never touch a
user's data dir); otherwise the platform's user-data dir is used.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "jianan-desk"
APP_AUTHOR = "jianan"


def data_dir() -> Path:
    home = os.environ.get("JIANAN_HOME")
    if home:
        path = Path(home)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "jianan.sqlite"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    return data_dir() / "settings.ini"


def resolve_db(option: str | None) -> str:
    """The database the user asked for: ``--db``, else ``JIANAN_DB``, else the default file.

    Returns a SQLAlchemy URL. A value containing ``://`` is taken as a URL as is.
    """
    value = option or os.environ.get("JIANAN_DB") or str(default_db_path())
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser().resolve())


def sqlite_url(path: Path) -> str:
    """A SQLAlchemy URL for a SQLite file; ``?``, ``#`` and ``%`` in the path are escaped.

    Quoted exactly as SQLAlchemy's ``URL.render_as_string`` does (a test holds them equal),
    without importing SQLAlchemy: the GUI resolves its database before that slow import.
    """
    from urllib.parse import quote

    return "sqlite:///" + quote(str(path), safe=" +/")


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other backends and in-memory databases).

    The same answer as ``store.engine.sqlite_path`` without importing SQLAlchemy, so that
    the GUI can take its lock and show its window before that (slow) import.
    """
    from urllib.parse import unquote

    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    database = unquote(url[len(prefix) :].split("?", 1)[0])
    if database in ("", ":memory:"):
        return None
    return Path(database)
