"""Benchmarks for 建安招商台: a fast generator of large databases and the figures we watch.

``python -m benchmarks`` (``make bench``) prints every figure beside its reference;
``python -m benchmarks.generate`` makes a database of any size on its own.
Nothing here asserts on timing: a benchmark prints PASS or MISS against its target.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_DATA = REPO / "bench-data"  # git-ignored cache of generated databases
