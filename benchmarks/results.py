"""A benchmark's figure beside its reference, and the table they are printed in."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass
class Timing:
    """Seconds of several runs of one thing."""

    label: str
    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        return min(self.runs)


@dataclass
class Row:
    """One line of the table: ``figure`` against ``reference``, with a target ratio."""

    name: str
    figure: Timing | None
    reference: Timing | None
    target_ratio: float | None
    note: str = ""
    lower_bound: bool = False  # the figure was stopped: the true ratio is higher

    @property
    def ratio(self) -> float | None:
        if self.figure is None or self.reference is None or not self.reference.median:
            return None
        return self.figure.median / self.reference.median

    @property
    def verdict(self) -> str:
        ratio = self.ratio
        if ratio is None:
            return "n/a"
        if self.target_ratio is None:
            return "info"
        return "PASS" if ratio <= self.target_ratio else "MISS"


def _ms(t: Timing | None) -> str:
    if t is None:
        return "—"
    return f"{t.label}: {t.median * 1000:,.1f} / {t.best * 1000:,.1f} ms"


def render(rows: list[Row]) -> str:
    """Plain-text table; times are median / min of the runs."""
    head = (
        "benchmark",
        "figure (median / min)",
        "reference (median / min)",
        "ratio",
        "target",
        "result",
    )
    body = [
        (
            r.name,
            _ms(r.figure),
            _ms(r.reference),
            ("> " if r.lower_bound else "") + f"{r.ratio:.2f}×" if r.ratio is not None else "—",
            f"≤ {r.target_ratio:g}×" if r.target_ratio is not None else "—",
            r.verdict,
        )
        for r in rows
    ]
    widths = [max(_width(line[i]) for line in (head, *body)) for i in range(len(head))]
    lines = [_line(head, widths), _line(tuple("-" * w for w in widths), widths)]
    lines += [_line(line, widths) for line in body]
    notes = [f"  [{r.name}] {r.note}" for r in rows if r.note]
    return "\n".join(lines + (["notes:", *notes] if notes else []))


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()
