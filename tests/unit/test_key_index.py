"""The in-memory search-key index: the same rows, in the same order, as a plain scan."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jianan_desk.domain import key_index
from jianan_desk.domain.key_index import KeyIndex
from jianan_desk.domain.search import matches, query_terms

KEYS = [
    "南京三佳精密传动科技有限公司 nanjingsanjiajingmi njsjjm 南京 nanjing nj",
    "三佳电子有限公司 sanjiadianziyouxiangongsi sjdzyxgs 深圳 shenzhen sz",
    "比亚迪股份有限公司 biyadigufenyouxiangongsi bydgfyxgs 深圳 shenzhen sz 91440300",
    "tcl科技集团 tclkejijituan tclkjjt 惠州 huizhou hz",
    "问号?公司 wenhao?gongsi wh?gs",
    "",
]


def brute(keys: list[str], text: str) -> list[int]:
    return [i for i, k in enumerate(keys) if matches(k, text)]


@pytest.mark.parametrize(
    "text",
    ["sj", "三佳", "shenzhen", "sz 91440300", "tcl科技", "TCL", "?", "wh?g", "深圳 sanjia", "x"],
)
def test_first_and_find_agree_with_a_plain_scan(text):
    index = KeyIndex(KEYS)
    terms = query_terms(text)
    expected = brute(KEYS, text)
    assert index.find(terms) == expected
    assert index.first(terms, 1) == (expected[:1], len(expected) <= 1)
    assert index.first(terms, 10) == (expected, True)


def test_no_terms_is_every_row_and_line_breaks_in_keys_change_nothing():
    index = KeyIndex(["a\nb", "ab"])
    assert index.find([]) == [0, 1] and index.first([], 1) == ([0], False)
    assert index.find(["ab"]) == [1]  # "a\nb" does not contain "ab"
    assert index.find(["b"]) == [0, 1]
    assert len(index) == 2


def test_common_and_rare_terms_take_their_own_path_and_agree(monkeypatch):
    keys = [
        f"row{i} {'common' if i % 3 else 'other'}{' rare' * (i % 50 == 0)}" for i in range(5000)
    ]
    index = KeyIndex(keys)
    jumps = []
    real = index._jump
    monkeypatch.setattr(index, "_jump", lambda t, limit: jumps.append(limit) or real(t, limit))
    common = index.find(["common"])  # two rows in three: tested row by row
    assert common == [i for i in range(5000) if i % 3]
    assert jumps == [key_index.PROBE + 1]  # the probe only
    jumps.clear()
    rare = index.find(["rare"])  # one row in 50: jumped through
    assert rare == list(range(0, 5000, 50))
    assert jumps == [key_index.PROBE + 1, None]
    calls = []
    index.find(["common"], check=lambda: calls.append(1))
    assert len(calls) == -(-5000 // key_index.CHUNK)  # once per chunk


def test_a_check_that_raises_abandons_the_search():
    index = KeyIndex([f"k{i} common" for i in range(1000)])

    def stop() -> None:
        raise RuntimeError("superseded")

    with pytest.raises(RuntimeError):
        index.find(["common"], check=stop)


ALPHABET = "ab三佳?Z1 "


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(st.text(alphabet=ALPHABET, max_size=12), max_size=300),
    text=st.text(alphabet=ALPHABET, max_size=6),
    limit=st.integers(min_value=1, max_value=50),
)
def test_property_same_rows_as_a_plain_scan(keys, text, limit):
    index = KeyIndex(keys)
    terms = query_terms(text)
    expected = brute(keys, text)
    assert index.find(terms) == expected
    assert index.first(terms, limit) == (expected[:limit], len(expected) <= limit)
    # within the answer to a shorter text (what was typed before): the same rows
    before = text[: len(text) // 2]
    if all(any(p in t for t in terms) for p in query_terms(before)):
        assert index.find(terms, within=brute(keys, before)) == expected


def test_within_searches_only_the_given_rows_when_they_are_few(monkeypatch):
    keys = [f"k{i} {'ab' if i % 10 == 0 else 'a'}" for i in range(1000)]
    index = KeyIndex(keys)
    monkeypatch.setattr(index, "_jump", lambda *a: pytest.fail("scanned every row"))
    previous = [i for i, k in enumerate(keys) if "a" in k and i < 100]  # 100 < 1000 / DENSE
    assert index.find(["ab"], within=previous) == list(range(0, 100, 10))
