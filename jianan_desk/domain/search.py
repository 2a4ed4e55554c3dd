"""Search keys: one folded string per record that text, pinyin and initials all match.

A record's key holds, for each of its parts (a project's name, investor, location…):

* the folded text (``fold``: NFKC so full-width becomes half-width, casefolded, spaces
  removed), e.g. ``三佳1000万套万向节``;
* the full pinyin without tones or spaces, e.g. ``sanjia1000wantaowanxiangjie``;
* the pinyin initials, e.g. ``sj1000wtwxj`` (a run of digits or Latin letters is kept whole).

Pinyin comes in up to two readings, so that a polyphonic character is found whichever of
its common readings is typed: the *phrase* reading (pypinyin's phrase dictionary, greedy
longest match, else the character's most common reading: 银行 → yinhang, 重庆 →
chongqing, 长葛 → zhangge) and the *alternative* reading, where each character of a short
list of common polyphonic characters (``ALTERNATES``: 长 行 重 厦 都 …) takes its other
common reading (长葛 → changge). The alternative is added only where it differs. The
dictionary's rarer readings are left out on purpose: 许 → hu or 万 → mo would make almost
any short query match.

Parts are separated by a space. ``fold`` removes spaces from a query, so a query never
matches across two parts. A query matches when each of its whitespace-separated terms,
folded, is a substring of the key: ``sj``, ``sanjia``, ``三佳``, ``ＳＪ`` all find 三佳.

Speed: a character's readings are looked up in pypinyin's dictionaries directly and cached
(pypinyin's own ``lazy_pinyin`` is ~10× slower); pypinyin itself (0.4 s to import) is
loaded on first use, not at program start.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

PHRASE_MAX = 4  # longest phrase looked up (2–4 characters cover 97 % of pypinyin's phrases)
SEPARATOR = " "

# Common polyphonic characters and their common readings (the first used as the
# alternative when the phrase reading is not one of them).
ALTERNATES: dict[str, tuple[str, ...]] = {
    "长": ("chang", "zhang"), "行": ("hang", "xing"), "重": ("chong", "zhong"),
    "朝": ("chao", "zhao"), "乐": ("le", "yue"), "都": ("du", "dou"), "厦": ("xia", "sha"),
    "单": ("dan", "shan"), "曾": ("zeng", "ceng"), "解": ("jie", "xie"), "查": ("cha", "zha"),
    "调": ("diao", "tiao"), "盛": ("sheng", "cheng"), "会": ("hui", "kuai"),
    "校": ("xiao", "jiao"), "藏": ("cang", "zang"), "蚌": ("beng", "bang"), "六": ("liu", "lu"),
    "番": ("fan", "pan"), "柏": ("bai", "bo"), "秘": ("mi", "bi"), "尉": ("wei", "yu"),
    "弹": ("dan", "tan"), "薄": ("bao", "bo"), "莘": ("shen", "xin"), "泊": ("bo", "po"),
    "朴": ("pu", "piao"), "仇": ("chou", "qiu"), "参": ("can", "shen"), "阿": ("a", "e"),
    "蔚": ("wei", "yu"), "埔": ("pu", "bu"), "堡": ("bao", "pu"), "缪": ("miao", "mou"),
    "翟": ("zhai", "di"),
}  # fmt: skip

_SPACES = re.compile(r"\s+")
_KEEP = re.compile(r"[0-9a-z]+")  # what survives in the pinyin forms besides pinyin
_UMLAUT_V = str.maketrans({"ü": "v", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v"})


def fold(text: str | None) -> str:
    """NFKC (full-width → half-width), casefold, all whitespace removed."""
    if not text:
        return ""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text).casefold())


def query_terms(query: str | None) -> list[str]:
    """The folded terms of a search box's text (split on whitespace, empty ones dropped)."""
    if not query:
        return []
    normalized = unicodedata.normalize("NFKC", query)
    return [t for t in (fold(part) for part in normalized.split()) if t]


def matches(key: str, query: str | None) -> bool:
    """True if every term of ``query`` is a substring of ``key`` (an empty query matches)."""
    return all(term in key for term in query_terms(query))


# ---------------------------------------------------------------- pinyin


@dataclass(frozen=True)
class _Tables:
    first: dict[str, str]  # a hanzi → its most common toneless reading
    readings: dict[str, tuple[str, ...]]  # a hanzi → all its toneless readings
    exceptions: dict[str, tuple[str, ...]]  # phrases not read the characters' first way
    longest: dict[str, int]  # first character of an exception → its longest exception
    exception_bigrams: frozenset[str]  # the first two characters of every exception
    full: dict[int, str | None]  # str.translate tables: hanzi → reading, a-z 0-9 kept,
    initials: dict[int, str | None]  # anything else dropped
    alternates: dict[int, str]  # hanzi of ALTERNATES → the common reading after the first
    alternate_initials: dict[int, str]


class _Keep(dict[int, str | None]):
    """A translate table's fallback: digits and Latin letters stay, anything else goes."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        kept = ch if ch.isascii() and ch.isalnum() else None
        self[code] = kept  # next time a plain lookup (translate calls this per character)
        return kept


@cache
def _tables() -> _Tables:
    """pypinyin's dictionaries, toneless, built once (≈ 1 s including the import)."""
    pinyin_dict, phrases_dict = _pypinyin_dicts()
    readings: dict[str, tuple[str, ...]] = {}
    for code, raw in pinyin_dict.items():
        found: list[str] = []
        for r in raw.split(","):
            t = _toneless(r.strip())
            if t and t not in found:
                found.append(t)
        if found:
            readings[chr(code)] = tuple(found)
    first = {ch: r[0] for ch, r in readings.items()}
    exceptions: dict[str, tuple[str, ...]] = {}
    longest: dict[str, int] = {}
    for phrase, phrase_readings in phrases_dict.items():
        if not 2 <= len(phrase) <= PHRASE_MAX or len(phrase_readings) != len(phrase):
            continue
        toneless = tuple(_toneless(r[0]) for r in phrase_readings)
        if all(first.get(ch) == t for ch, t in zip(phrase, toneless, strict=True)):
            continue
        exceptions[phrase] = toneless
        longest[phrase[0]] = max(longest.get(phrase[0], 0), len(phrase))
    full = _Keep({ord(ch): r for ch, r in first.items()})
    initials = _Keep({ord(ch): r[0] for ch, r in first.items()})
    alternates: dict[int, str] = {}
    for ch, common in ALTERNATES.items():
        other = next((c for c in common if c != first.get(ch)), None)
        if other is not None:
            alternates[ord(ch)] = other
    return _Tables(
        first=first,
        readings=readings,
        exceptions=exceptions,
        longest=longest,
        exception_bigrams=frozenset(p[:2] for p in exceptions),
        full=full,
        initials=initials,
        alternates=alternates,
        alternate_initials={code: r[0] for code, r in alternates.items()},
    )


def _pypinyin_dicts() -> tuple[dict[int, str], dict[str, list[list[str]]]]:
    """pypinyin's character and phrase dictionaries, read from its JSON files.

    Importing ``pypinyin.phrases_dict`` would keep the 400,000-phrase dictionary (~60 MB)
    alive for the life of the program, though only its few thousand exceptions are used:
    reading the same files directly lets it go once the tables are built."""
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        chars, phrases = Path(folder) / "pinyin_dict.json", Path(folder) / "phrases_dict.json"
        if chars.is_file() and phrases.is_file():
            raw = json.loads(chars.read_text(encoding="utf-8"))
            return (
                {int(k): v for k, v in raw.items()},
                json.loads(phrases.read_text(encoding="utf-8")),
            )
    from pypinyin.phrases_dict import phrases_dict  # another layout: the modules
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict, phrases_dict


@lru_cache(maxsize=8192)  # ~1,500 toned syllables make up pypinyin's 400,000 readings
def _toneless(syllable: str) -> str:
    """ "zhòng" → "zhong", "lǜ" → "lv" (ü is typed v)."""
    s = unicodedata.normalize("NFC", syllable).translate(_UMLAUT_V)
    s = unicodedata.normalize("NFD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def char_readings(ch: str) -> tuple[str, ...]:
    """The toneless readings of one character, most common first; () for a non-hanzi."""
    return _tables().readings.get(ch, ())


@lru_cache(maxsize=4096)  # investors and locations repeat
def _forms(text: str) -> tuple[str, ...]:
    """Full pinyin and initials of folded ``text``: phrase reading, then alternative.

    Most text holds no exception phrase: it is converted by ``str.translate`` alone.
    """
    tables = _tables()
    bigrams = {text[i : i + 2] for i in range(len(text) - 1)}
    if not bigrams.isdisjoint(tables.exception_bigrams):
        return _forms_by_phrase(text, tables)
    if tables.first.keys().isdisjoint(text):
        return ()  # no hanzi: the folded text says it all
    full = text.translate(tables.full)
    forms = [full, text.translate(tables.initials)]
    if not tables.alternates.keys().isdisjoint(map(ord, text)):
        alt_full = text.translate(tables.alternates).translate(tables.full)
        alt_initials = text.translate(tables.alternate_initials).translate(tables.initials)
        if alt_full != full:
            forms.append(alt_full)
            if alt_initials != forms[1]:
                forms.append(alt_initials)
    return tuple(forms)


def _forms_by_phrase(text: str, tables: _Tables) -> tuple[str, ...]:
    """``_forms`` character by character, reading exception phrases their own way."""
    first, exceptions, longest = tables.first, tables.exceptions, tables.longest
    full: list[str] = []
    initials: list[str] = []
    alt_full: list[str] = []
    alt_initials: list[str] = []
    has_hanzi = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        reading = first.get(ch)
        if reading is None:
            j = i + 1
            while j < n and text[j] not in first:
                j += 1
            runs = _KEEP.findall(text[i:j])
            full.extend(runs)
            initials.extend(runs)
            alt_full.extend(runs)
            alt_initials.extend(runs)
            i = j
            continue
        has_hanzi = True
        matched: tuple[str, ...] = (reading,)
        limit = longest.get(ch)
        if limit:
            for k in range(min(limit, n - i), 1, -1):
                found = exceptions.get(text[i : i + k])
                if found is not None:
                    matched = found
                    break
        for offset, r in enumerate(matched):
            full.append(r)
            initials.append(r[0])
            common = ALTERNATES.get(text[i + offset])
            other = next((c for c in common if c != r), r) if common else r
            alt_full.append(other)
            alt_initials.append(other[0])
        i += len(matched)
    if not has_hanzi:
        return ()
    forms = ["".join(full), "".join(initials)]
    alternative = "".join(alt_full)
    if alternative != forms[0]:
        forms.append(alternative)
        alt_init = "".join(alt_initials)
        if alt_init != forms[1]:
            forms.append(alt_init)
    return tuple(forms)


def prepare() -> None:
    """Build the pinyin tables now (≈ 0.5 s, briefly ~60 MB more): a large import calls it
    before its rows take memory, so that the build does not add to the import's peak."""
    _tables()


def pinyin_forms(text: str | None) -> list[str]:
    """Full pinyin and initials of ``text`` (folded first), in one or two readings.

    >>> pinyin_forms("三佳")
    ['sanjia', 'sj']
    """
    return list(_forms(fold(text)))


def search_key(*parts: str | None, text_only: Iterable[str | None] = ()) -> str:
    """The search key of a record: each part folded, with its pinyin forms.

    ``text_only`` parts (free prose such as notes) contribute their folded text but no
    pinyin: initials of a paragraph would match almost any two-letter query.
    """
    pieces: list[str] = []
    for part in parts:
        folded = fold(part)
        if not folded:
            continue
        pieces.append(folded)
        pieces.extend(form for form in _forms(folded) if form != folded)
    for part in text_only:
        folded = fold(part)
        if folded:
            pieces.append(folded)
    return SEPARATOR.join(pieces)


def project_search_key(
    name: str | None, investor: str | None, location: str | None, notes: str | None
) -> str:
    """A project's key: name, investor company and location with pinyin; notes as text."""
    return search_key(name, investor, location, text_only=(notes,))


def project_search_text(
    name: str | None, investor: str | None, location: str | None, notes: str | None
) -> str:
    """The parts of ``project_search_key`` that are the project's own text (folded), without
    the pinyin forms: about a fifth of the key, searched for a term only the text can hold
    (``text_only_term``)."""
    return SEPARATOR.join(f for f in map(fold, (name, investor, location, notes)) if f)


def text_only_term(term: str) -> bool:
    """Whether a folded query term can only occur in a key's text parts, never in its
    pinyin forms: those hold only a-z and 0-9 (readings and ``_KEEP``), so a term with any
    other character (a hanzi, a symbol) matches the key exactly when it matches the text
    (``project_search_text``; a term holds no separator, so it never spans two parts)."""
    return not (term.isascii() and term.isalnum())
