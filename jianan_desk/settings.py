"""User preferences: one typed registry, kept apart from saved window state.

Every preference is an :class:`Option` declared here, with its key, type, default and a
Chinese label for the settings page; nothing else in the program invents preference keys.
Values live in the ``[preferences]`` section of the INI file at ``paths.settings_path()``
(UTF-8). The GUI keeps window state (geometry, last page) in the ``[window]`` section of the
same file through ``QSettings``; this module never touches that section and needs no Qt, so
the command line reads the same preferences.

    prefs = Preferences()
    size = prefs.get(FONT_SIZE)        # an int, the default if unset or unreadable
    prefs.set(FONT_SIZE, 11)           # written at once (atomically)
"""

from __future__ import annotations

import configparser
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from jianan_desk.paths import settings_path

T = TypeVar("T", str, int, bool)

SECTION = "preferences"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference. Its type is the type of ``default`` (str, int or bool)."""

    key: str
    default: T
    label: str
    description: str = ""
    minimum: int | None = None
    maximum: int | None = None

    def parse(self, raw: str) -> T:
        """The value stored as ``raw``; raises ValueError if it is not a valid value."""
        text = raw.strip()
        if isinstance(self.default, bool):
            lowered = text.lower()
            if lowered in _TRUE:
                return True  # type: ignore[return-value]
            if lowered in _FALSE:
                return False  # type: ignore[return-value]
            raise ValueError(f"{self.key}: not a boolean: {raw!r}")
        if isinstance(self.default, int):
            return self.validate(int(text))  # type: ignore[arg-type]
        return raw  # type: ignore[return-value]

    def validate(self, value: T) -> T:
        """``value`` if it has the right type and range; raises ValueError/TypeError otherwise."""
        expected = type(self.default)
        if type(value) is not expected:
            raise TypeError(f"{self.key}: expected {expected.__name__}, got {value!r}")
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                raise ValueError(f"{self.key}: {value} < {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise ValueError(f"{self.key}: {value} > {self.maximum}")
        return value

    def format(self, value: T) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)


FONT_FAMILY: Option[str] = Option(
    "font_family",
    "",
    "界面字体",
    "留空时自动选择：优先使用系统中文字体（如微软雅黑），否则使用内置的 Noto Sans SC。",
)
FONT_SIZE: Option[int] = Option(
    "font_size", 10, "界面字号（磅）", "界面文字的大小。", minimum=8, maximum=20
)
RESTORE_LAST_PAGE: Option[bool] = Option(
    "restore_last_page", True, "启动时回到上次的页面", "关闭时所在的页面在下次启动时自动打开。"
)

TARGET_STALE_DAYS: Option[int] = Option(
    "target_stale_days",
    90,
    "目标企业未接触提醒（天）",
    "目标企业超过这么多天未接触（无拜访记录）时突出显示并列入“久未接触”清单。",
    minimum=7,
    maximum=730,
)

BACKUP_KEEP_DAILY: Option[int] = Option(
    "backup_keep_daily",
    7,
    "保留每日备份（天）",
    "自动备份保留最近几天的备份（每天保留最新一份）。",
    minimum=1,
    maximum=60,
)
BACKUP_KEEP_WEEKLY: Option[int] = Option(
    "backup_keep_weekly",
    4,
    "保留每周备份（周）",
    "在每日备份之外，再保留此前几周的备份（每周保留最新一份）。",
    minimum=0,
    maximum=52,
)

REGISTRY: tuple[Option[str] | Option[int] | Option[bool], ...] = (
    FONT_FAMILY,
    FONT_SIZE,
    RESTORE_LAST_PAGE,
    BACKUP_KEEP_DAILY,
    BACKUP_KEEP_WEEKLY,
    TARGET_STALE_DAYS,
)


def option(key: str) -> Option[str] | Option[int] | Option[bool]:
    """The registered option called ``key``; KeyError if there is none."""
    for candidate in REGISTRY:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def _parser() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep key case
    return parser


class Preferences:
    """The user's preferences, read from and written to the settings INI file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else settings_path()

    def _read(self) -> configparser.ConfigParser:
        parser = _parser()
        try:
            parser.read(self.path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            return _parser()
        return parser

    def get(self, opt: Option[T]) -> T:
        """The stored value of ``opt``, or its default if unset or not a valid value."""
        raw = self._read().get(SECTION, opt.key, fallback=None)
        if raw is None:
            return opt.default
        try:
            return opt.parse(raw)
        except (TypeError, ValueError):
            return opt.default

    def set(self, opt: Option[T], value: T) -> None:
        """Store ``value`` (validated) for ``opt``; other sections of the file are kept."""
        text = opt.format(opt.validate(value))
        parser = self._read()
        if not parser.has_section(SECTION):
            parser.add_section(SECTION)
        parser.set(SECTION, opt.key, text)
        self._write(parser)

    def reset(self, opt: Option[T]) -> None:
        """Forget the stored value: ``get`` returns the default again."""
        parser = self._read()
        if parser.has_section(SECTION) and parser.remove_option(SECTION, opt.key):
            self._write(parser)

    def _write(self, parser: configparser.ConfigParser) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".ini", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                parser.write(fh, space_around_delimiters=False)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
