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
    """A SQLAlchemy URL for a SQLite file; ``?``, ``#`` and ``%`` in the path are escaped."""
    from sqlalchemy.engine import URL

    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)
