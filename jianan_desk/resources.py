"""The one place that maps a resource name to a path.

In a checkout (editable install) and in an installed wheel, ``resources/`` and ``db/`` are
importable as ``jianan_desk.bundled`` and ``jianan_desk.migrations`` (see pyproject's
package-dir); in a PyInstaller bundle they are data folders under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _package_dir(package: str, checkout_name: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / checkout_name
    try:
        return Path(str(importlib_resources.files(package)))
    except ModuleNotFoundError:
        return _CHECKOUT / checkout_name


@cache
def resource_root() -> Path:
    return _package_dir("jianan_desk.bundled", "resources")


@cache
def migrations_dir() -> Path:
    return _package_dir("jianan_desk.migrations", "db")


def font_path(name: str) -> Path:
    return resource_root() / "fonts" / name


def reference_path(name: str) -> Path:
    return resource_root() / "reference" / name
