"""Hybrid logical clocks: wall time + counter + installation id, as one sortable string.

A stamp is ``"WWWWWWWWWWWWWWW-CCCCCC-<installation id>"``: milliseconds since the epoch
(15 digits), a counter (6 digits) and the installation that made the change. Plain string
comparison orders stamps: by wall time, then counter, then installation id. A clock never
goes backwards and moves past every stamp it receives, so a change made after seeing
another one is always stamped later, whatever the two machines' clocks say.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

WALL_DIGITS = 15
COUNTER_DIGITS = 6
MAX_COUNTER = 10**COUNTER_DIGITS - 1

# Tests shift one installation's clock (±1 day) by replacing this function.
_physical_ms: Callable[[], int] | None = None


def physical_ms() -> int:
    """The machine's clock, in milliseconds since the epoch (UTC)."""
    if _physical_ms is not None:
        return int(_physical_ms())
    return time.time_ns() // 1_000_000


def make(wall_ms: int, counter: int, origin: str) -> str:
    return f"{wall_ms:0{WALL_DIGITS}d}-{counter:0{COUNTER_DIGITS}d}-{origin}"


@dataclass(frozen=True)
class Stamp:
    wall_ms: int
    counter: int
    origin: str

    def __str__(self) -> str:
        return make(self.wall_ms, self.counter, self.origin)


def parse(stamp: str) -> Stamp:
    """The parts of ``stamp``; ValueError if it is not a stamp."""
    wall, counter, origin = stamp.split("-", 2)
    if len(wall) != WALL_DIGITS or len(counter) != COUNTER_DIGITS or not origin:
        raise ValueError(f"not a clock stamp: {stamp!r}")
    return Stamp(int(wall), int(counter), origin)


def origin_of(stamp: str) -> str:
    return stamp.split("-", 2)[2]


def wall_of(stamp: str) -> int:
    return int(stamp[:WALL_DIGITS])


def from_datetime(when: dt.datetime, origin: str) -> str:
    """The stamp of a change made at ``when`` (aware) by ``origin``, counter 0."""
    return make(int(when.timestamp() * 1000), 0, origin)


def to_datetime(stamp: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(wall_of(stamp) / 1000, dt.UTC)


def tick(last: str | None, origin: str) -> str:
    """The next stamp after ``last`` (this clock's previous stamp) for a local change."""
    now = physical_ms()
    if last:
        prev = parse(last)
        if prev.wall_ms >= now:
            if prev.counter >= MAX_COUNTER:
                return make(prev.wall_ms + 1, 0, origin)
            return make(prev.wall_ms, prev.counter + 1, origin)
    return make(now, 0, origin)


def receive(last: str | None, remote: str, origin: str) -> str:
    """This clock after seeing ``remote``: past both it and ``last``."""
    base = max(last or "", remote)
    if not base:
        return make(physical_ms(), 0, origin)
    prev = parse(base)
    now = physical_ms()
    if now > prev.wall_ms:
        return make(now, 0, origin)
    return make(prev.wall_ms, min(prev.counter + 1, MAX_COUNTER), origin)
