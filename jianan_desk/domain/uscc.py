"""统一社会信用代码 (unified social credit code, GB 32100-2015): format and check digit.

18 characters from ``CHARSET`` (digits and capital letters without I, O, S, V, Z):
registration authority (1), kind (1), area code (6 digits), organisation code (9, with
its own GB 11714 check character), and the check character of GB 32100: with weights
``WEIGHTS``, ``c18 = CHARSET[(31 - Σ value(ci)·wi mod 31) mod 31]``.

Only the GB 32100 check character is verified: organisation codes issued before 2015
carry check characters of their own that are kept as issued.
"""

from __future__ import annotations

import re
import unicodedata

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18

_SEPARATORS = re.compile(r"[\s\-_]+")
_VALUE = {ch: i for i, ch in enumerate(CHARSET)}


class UsccError(ValueError):
    """A code that is not a valid 统一社会信用代码 (message in Chinese)."""


def clean_uscc(text: str | None) -> str:
    """Full-width to half-width, capitals, spaces and dashes removed ("" if empty)."""
    if not text:
        return ""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()


def check_char(first17: str) -> str:
    """The GB 32100 check character of the first 17 characters."""
    if len(first17) != LENGTH - 1 or any(ch not in _VALUE for ch in first17):
        raise UsccError("统一社会信用代码前17位含有无效字符")
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def validate_uscc(text: str | None) -> str | None:
    """The cleaned code, or None for an empty one; raises ``UsccError`` for a wrong one."""
    code = clean_uscc(text)
    if not code:
        return None
    if len(code) != LENGTH:
        raise UsccError(f"统一社会信用代码应为18位，当前为{len(code)}位")
    bad = sorted({ch for ch in code if ch not in _VALUE})
    if bad:
        raise UsccError(
            "统一社会信用代码含有无效字符：" + "、".join(bad) + "（不使用 I、O、S、V、Z）"
        )
    if not code[2:8].isdigit():
        raise UsccError("统一社会信用代码第3至8位应为行政区划代码（数字）")
    expected = check_char(code[:17])
    if code[17] != expected:
        raise UsccError(
            f"统一社会信用代码校验位错误（第18位应为 {expected}，当前为 {code[17]}），"
            "请核对是否输错"
        )
    return code


def is_valid_uscc(text: str | None) -> bool:
    """True for a well-formed code with the right check character (False if empty)."""
    try:
        return validate_uscc(text) is not None
    except UsccError:
        return False
