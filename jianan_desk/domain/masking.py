"""Masking personal information (联系人) wherever it leaves the program.

Screens show contacts in full; exports, reports, sync packages shared outside the bureau
and logs use these: ``138****5678``, ``z***n@example.com``, ``wx***23``, ``张*``.
Masking never fails: text it does not recognise is masked generically.
"""

from __future__ import annotations

import re
import unicodedata

MASK = "*"
_DIGITS = re.compile(r"\d")


def _mask_middle(text: str, keep_start: int, keep_end: int, stars: int | None = None) -> str:
    if len(text) <= keep_start + keep_end:
        if len(text) <= 1:
            return MASK * len(text)
        return text[0] + MASK * (len(text) - 1)
    hidden = len(text) - keep_start - keep_end
    tail = text[len(text) - keep_end :] if keep_end else ""
    return text[:keep_start] + MASK * (stars if stars is not None else hidden) + tail


def mask_mobile(number: str | None) -> str:
    """``13812345678`` → ``138****5678``; ``+86 138-1234-5678`` → ``+86 138****5678``;
    a landline ``0374-5123456`` → ``0374-***3456``; other text: all but the last 4
    digits hidden."""
    if not number:
        return ""
    text = unicodedata.normalize("NFKC", number).strip()
    digits = "".join(_DIGITS.findall(text))
    prefix = ""
    if text.startswith("+") and digits.startswith("86") and len(digits) == 13:
        prefix, digits = "+86 ", digits[2:]
    if len(digits) == 11 and digits.startswith("1"):
        return prefix + digits[:3] + MASK * 4 + digits[7:]
    m = re.fullmatch(r"(0\d{2,3})[-\s]?(\d{7,8})", text)
    if m:
        area, local = m.groups()
        return f"{area}-" + MASK * (len(local) - 4) + local[-4:]
    if len(digits) >= 5:
        return MASK * (len(digits) - 4) + digits[-4:]
    return MASK * len(text)


def mask_email(email: str | None) -> str:
    """``zhangsan@example.com`` → ``z******n@example.com``; ``ab@x.cn`` → ``a*@x.cn``."""
    if not email:
        return ""
    text = email.strip()
    local, at, domain = text.rpartition("@")
    if not at:
        return mask_text(text)
    if len(local) <= 2:
        return _mask_middle(local, 1, 0) + "@" + domain
    return _mask_middle(local, 1, 1) + "@" + domain


def mask_wechat(wechat: str | None) -> str:
    """A WeChat id: first 2 and last 2 characters kept (``wxid_ab12cd`` → ``wx*******cd``);
    if it is a mobile number, masked as one."""
    if not wechat:
        return ""
    text = wechat.strip()
    if re.fullmatch(r"\+?[\d\s\-]{11,}", text):
        return mask_mobile(text)
    if len(text) <= 4:
        return _mask_middle(text, 1, 0)
    return _mask_middle(text, 2, 2)


def mask_name(name: str | None) -> str:
    """``张三`` → ``张*``, ``欧阳娜娜`` → ``欧***``, ``John Smith`` → ``J*********``."""
    if not name:
        return ""
    text = name.strip()
    return _mask_middle(text, 1, 0)


def mask_text(text: str | None) -> str:
    """Anything else: first and last character kept."""
    if not text:
        return ""
    return _mask_middle(text.strip(), 1, 1)
