"""Exact money arithmetic: drawing, rounding and splitting 万元 amounts.

The dataset must hit published totals to the 万元, so amounts are ``Decimal`` and every
split is exact: ``allocate`` divides a total into multiples of a step by weights under
caps, ``settle`` nudges a few drawn values until they sum to a target, ``nice`` and
``floor_to`` round the way figures are quoted, ``loguniform`` draws a skewed amount.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from jianan_desk.services.demo.errors import InternalError


def nice(x: float) -> Decimal:
    """Round a drawn amount the way people quote it (5,000 / 500 / 100 万元 steps)."""
    if x >= 100000:
        step = 5000
    elif x >= 20000:
        step = 1000
    elif x >= 5000:
        step = 500
    else:
        step = 100
    return Decimal(max(step, round(x / step) * step))


def floor_to(value: Decimal, step: Decimal) -> Decimal:
    """``value`` rounded down to a multiple of ``step``."""
    return (value / step).to_integral_value(rounding=ROUND_FLOOR) * step


def allocate(
    total: Decimal,
    weights: Sequence[float],
    step: Decimal,
    caps: Sequence[Decimal] | None = None,
) -> list[Decimal]:
    """Split ``total`` exactly into multiples of ``step``, roughly by ``weights``, under caps."""
    units, rest = divmod(total, step)
    if rest or total < 0:
        raise InternalError(f"{total} is not a non-negative multiple of {step}")
    remaining = int(units)
    n = len(weights)
    cap_units: list[int | None] = [int(c // step) for c in caps] if caps is not None else [None] * n
    alloc = [0] * n

    def has_room(i: int) -> bool:
        cap = cap_units[i]
        return cap is None or alloc[i] < cap

    while remaining > 0:
        open_idx = [i for i in range(n) if has_room(i)]
        if not open_idx:
            raise InternalError(f"cannot place {total}: every share is at its cap")
        wsum = sum(weights[i] for i in open_idx)
        given = 0
        fractions = []
        for i in open_idx:
            exact = remaining * weights[i] / wsum
            share = int(exact)
            cap = cap_units[i]
            if cap is not None:
                share = min(share, cap - alloc[i])
            alloc[i] += share
            given += share
            fractions.append((exact - int(exact), -i))
        remaining -= given
        if given == 0:
            for _, neg_i in sorted(fractions, reverse=True):
                if remaining == 0:
                    break
                if has_room(-neg_i):
                    alloc[-neg_i] += 1
                    remaining -= 1
    return [Decimal(a) * step for a in alloc]


def settle(rng: random.Random, values: list[Decimal], free: Sequence[int], target: Decimal) -> None:
    """Nudge a few of ``values[free]`` (in 100 万元 steps) so that they sum to ``target``."""
    step = Decimal(100)
    residual = target - sum(values, Decimal(0))
    if residual == 0:
        return
    need = abs(residual)
    k = min(5, len(free))
    floor = need / k * 2 + step
    candidates = [i for i in free if values[i] > floor]
    if len(candidates) < k:
        candidates = sorted(free, key=lambda i: (values[i], i), reverse=True)[:k]
    chosen = rng.sample(candidates, k)
    sign = 1 if residual > 0 else -1
    for i, part in zip(chosen, allocate(need, [1.0] * k, step), strict=True):
        values[i] += sign * part
        if values[i] < step:
            raise InternalError("settling amounts made one too small")


def loguniform(rng: random.Random, lo: float, hi: float) -> float:
    """A draw between ``lo`` and ``hi``, uniform on a log scale."""
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))
