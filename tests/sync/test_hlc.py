"""Hybrid logical clock stamps: ordered as strings, never backwards, past what they saw."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jianan_desk.domain import hlc


def test_stamps_sort_as_strings_by_time_counter_origin():
    a = hlc.make(1_000, 5, "b-inst")
    b = hlc.make(1_000, 6, "a-inst")
    c = hlc.make(1_001, 0, "a-inst")
    assert a < b < c
    assert hlc.parse(a) == hlc.Stamp(1_000, 5, "b-inst")
    assert hlc.origin_of("000000000001000-000005-11111111-2222-3333") == "11111111-2222-3333"


@given(st.lists(st.integers(0, 10**12), min_size=1, max_size=30))
def test_a_clock_never_goes_backwards(monkeypatch_free_times):
    last = None
    for now in monkeypatch_free_times:
        hlc._physical_ms = lambda now=now: now
        try:
            stamp = hlc.tick(last, "me")
        finally:
            hlc._physical_ms = None
        assert last is None or stamp > last
        last = stamp


def test_receiving_a_stamp_from_a_fast_clock_moves_past_it():
    fast = hlc.make(hlc.physical_ms() + 86_400_000, 3, "laptop")
    after = hlc.receive(None, fast, "office")
    assert after > fast
    assert hlc.tick(after, "office") > fast
