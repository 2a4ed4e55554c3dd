"""The fonts of a report, by GB/T 9704 role, registered with reportlab once per process.

| role | GB/T 9704 face | system file preferred | bundled fallback |
| --- | --- | --- | --- |
| ``title`` | 小标宋 | 方正小标宋 (detected, never shipped) | Noto Serif SC Bold |
| ``body`` | 仿宋 | simfang.ttf (Windows) / a FangSong found by fontconfig | FandolFang (TrueType) |
| ``hei`` | 黑体 | simhei.ttf | Noto Sans SC Bold |
| ``kai`` | 楷体 | simkai.ttf | the ``body`` face |
| ``fallback`` | — | — | Noto Serif SC Regular |

reportlab embeds only TrueType-outline fonts, always as subsets (text stays extractable):
a system file that reportlab cannot read (CFF outlines, a broken file) is skipped. The
bundled FandolFang covers GB2312 and ~1,200 more hanzi but not rare name characters such as
堃喆珺昇玥: :func:`markup` wraps the characters a face lacks in the fallback face, per
character, and :func:`covers` says whether a plain string can be drawn in one face.

``JIANAN_REPORT_FONTS=bundled`` ignores the system fonts (reproducible output for tests).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from jianan_desk.resources import font_path

ROLES = ("title", "body", "hei", "kai", "fallback")


@dataclass(frozen=True)
class Candidate:
    """A font file that can fill a role: system file names or family names, or a bundled file."""

    files: tuple[str, ...] = ()  # file names looked for in the system font folders
    families: tuple[str, ...] = ()  # family names asked of fontconfig (Linux)
    bundled: str = ""  # a file under resources/fonts


CANDIDATES: dict[str, tuple[Candidate, ...]] = {
    "title": (
        Candidate(
            files=("FZXBSJW.TTF", "FZXBSK.TTF", "方正小标宋简体.ttf", "方正小标宋_GBK.ttf"),
            families=("FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK"),
        ),
        Candidate(bundled="NotoSerifSC-Bold.ttf"),
    ),
    "body": (
        Candidate(
            files=("simfang.ttf", "SIMFANG.TTF", "FangSong_GB2312.ttf", "仿宋_GB2312.ttf"),
            families=("FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312"),
        ),
        Candidate(bundled="FandolFang-Regular.ttf"),
    ),
    "hei": (
        Candidate(files=("simhei.ttf", "SIMHEI.TTF"), families=("SimHei", "黑体")),
        Candidate(bundled="NotoSansSC-Bold.ttf"),
    ),
    "kai": (
        Candidate(
            files=("simkai.ttf", "SIMKAI.TTF", "KaiTi_GB2312.ttf", "楷体_GB2312.ttf"),
            families=("KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312"),
        ),
    ),
    "fallback": (
        Candidate(bundled="NotoSerifSC-Regular.ttf"),
        Candidate(bundled="NotoSansSC-Regular.ttf"),
    ),
}


@dataclass(frozen=True)
class ReportFont:
    role: str
    name: str  # the reportlab font name (``JD-body`` …)
    path: Path
    system: bool

    @property
    def face_name(self) -> str:
        """The PostScript name the PDF shows (after the subset prefix)."""
        face = pdfmetrics.getFont(self.name).face  # type: ignore[attr-defined]
        name = face.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)


@dataclass(frozen=True)
class FontSet:
    """The registered fonts of every role; ``kai`` falls back to ``body`` when missing."""

    title: ReportFont
    body: ReportFont
    hei: ReportFont
    kai: ReportFont
    fallback: ReportFont

    def all(self) -> tuple[ReportFont, ...]:
        return (self.title, self.body, self.hei, self.kai, self.fallback)


def system_font_dirs() -> list[Path]:
    """Folders where the system and the user keep fonts (Windows first)."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            Path.home() / ".local" / "share" / "fonts",
            Path.home() / ".fonts",
        ]
    return [d for d in dirs if d.is_dir()]


@cache
def _fontconfig_families() -> dict[str, Path]:
    """Family name → file, for every TrueType file fontconfig knows (empty without fc-list)."""
    exe = shutil.which("fc-list")
    if exe is None or sys.platform == "win32":
        return {}
    try:
        out = subprocess.run(
            [exe, "--format", "%{family}|%{file}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, Path] = {}
    for line in out.splitlines():
        families, _, file = line.rpartition("|")
        if not file.lower().endswith(".ttf"):
            continue
        for family in families.split(","):
            found.setdefault(family.strip(), Path(file))
    return found


def _find_system_file(candidate: Candidate) -> Path | None:
    wanted = {name.lower() for name in candidate.files}
    if wanted:
        for folder in system_font_dirs():
            # The Windows font folder is flat; Linux keeps fonts in subfolders.
            paths = folder.iterdir() if sys.platform == "win32" else folder.rglob("*")
            try:
                for path in paths:
                    if path.name.lower() in wanted and path.is_file():
                        return path
            except OSError:
                continue
    families = _fontconfig_families()
    for family in candidate.families:
        if family in families:
            return families[family]
    return None


_lock = threading.Lock()
_fonts: FontSet | None = None


def _try_register(name: str, path: Path) -> bool:
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (TTFError, OSError, ValueError, KeyError, AssertionError):
        return False
    return True


def _resolve(role: str, use_system: bool) -> ReportFont | None:
    name = f"JD-{role}"
    for candidate in CANDIDATES[role]:
        if candidate.bundled:
            path = font_path(candidate.bundled)
            if path.is_file() and _try_register(name, path):
                return ReportFont(role, name, path, system=False)
        elif use_system:
            found = _find_system_file(candidate)
            if found is not None and _try_register(name, found):
                return ReportFont(role, name, found, system=True)
    return None


def report_fonts() -> FontSet:
    """Find and register the report fonts (once per process; thread-safe)."""
    global _fonts
    with _lock:
        if _fonts is None:
            use_system = os.environ.get("JIANAN_REPORT_FONTS", "").lower() != "bundled"
            resolved: dict[str, ReportFont] = {}
            for role in ROLES:
                font = _resolve(role, use_system)
                if font is None and role == "kai":
                    font = resolved["body"]
                if font is None:
                    raise RuntimeError(f"报表字体缺失：{role}（请重新安装程序）")
                resolved[role] = font
            _fonts = FontSet(**resolved)
            _teach_line_breaking()
            # Charts (reportlab.graphics) start each drawing in this font: make it one that
            # is embedded, so that no PDF refers to a font it does not carry.
            from reportlab.graphics import shapes

            shapes.STATE_DEFAULTS["fontName"] = _fonts.body.name
            # Compressed streams stored as binary, not ASCII85: smaller files, less work.
            from reportlab import rl_config

            rl_config.useA85 = 0
        return _fonts


# Full-width punctuation that must not begin a line (GB/T 15834); reportlab's list lacks the
# comma, semicolon, colon, question and exclamation marks, so they could start a line.
CANNOT_START = "，；：？！、）》」』”’"


def _teach_line_breaking() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):  # each holds its own reference to the list
        current: str = module.ALL_CANNOT_START
        extra = "".join(ch for ch in CANNOT_START if ch not in current)
        if extra:
            module.ALL_CANNOT_START = current + extra


@cache
def _charmap(font_name: str) -> frozenset[int]:
    face = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


def covers(font_name: str, text: str) -> bool:
    """True if ``font_name`` has a glyph for every character of ``text`` (spaces aside)."""
    cmap = _charmap(font_name)
    return all(ord(ch) in cmap or ch in " \n\t" for ch in text)


def missing(font_name: str, text: str) -> list[str]:
    cmap = _charmap(font_name)
    return sorted({ch for ch in text if ord(ch) not in cmap and ch not in " \n\t"})


def markup(text: str, font_name: str, fallbacks: Sequence[str] | None = None) -> str:
    """``text`` escaped for a Paragraph, characters ``font_name`` lacks set in a fallback face."""
    if fallbacks is None:
        fallbacks = [report_fonts().fallback.name]
    cmap = _charmap(font_name)
    parts: list[str] = []
    run: list[str] = []
    run_face: str | None = None

    def flush() -> None:
        if not run:
            return
        chunk = escape("".join(run))
        parts.append(chunk if run_face is None else f'<font face="{run_face}">{chunk}</font>')
        run.clear()

    for ch in text:
        face: str | None = None
        if ord(ch) not in cmap and ch not in " \n\t":
            face = next((f for f in fallbacks if ord(ch) in _charmap(f)), fallbacks[0])
        if face != run_face:
            flush()
            run_face = face
        run.append(ch)
    flush()
    return "".join(parts).replace("\n", "<br/>")
