"""Substring search over many search keys in memory (search-as-you-type on 100,000 rows).

A ``KeyIndex`` holds the keys of a list in display order and answers "which rows contain
every one of these terms" (the same rule as ``domain.search.matches`` and as the SQL
``LIKE '%term%'`` of the services) with positions (row numbers), in order:

* ``first(terms, limit)``: the first ``limit`` matching rows and whether that is all of
  them. This is what a view shows first; it stops after ``limit`` matches, so a common
  term costs next to nothing, and a rare one is looked for by ``str.find``/``bytes.find``
  over all keys joined into one text (C speed, no Python per row), then mapped to rows.
* ``find(terms)``: every matching row (the count and the rest of the list). A term that
  most rows contain is tested row by row (``map(operator.contains, …)``, no Python frame
  per row); a rarer one by jumping from match to match in the joined text.

Two joined texts are kept: the keys as they are, and the same text encoded as ASCII with
every other character replaced by ``?`` (one byte per character, so both share the row
offsets). A term of plain ASCII (pinyin, initials, a code) is looked for in the bytes,
which is several times faster than in a text holding Chinese; a term with ``?`` or any
other character in the text. Rows are separated by ``\\n``; terms never contain white
space (``query_terms``), so a match never spans two rows.

Plain Python, no database: the caller loads the keys (off the GUI thread) and throws the
index away when the rows change.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate, compress, repeat
from operator import contains

PROBE = 64  # matches looked at to tell a common term from a rare one
DENSE = 8  # a term estimated in more than 1/DENSE of the rows is tested row by row
CHUNK = 16_384  # rows tested between two looks at ``check`` (cancellation)


class KeyIndex:
    """The search keys of a list, in its order (see the module docstring)."""

    def __init__(self, keys: Sequence[str]) -> None:
        # a key never holds a line break (terms never do: replacing it changes no answer)
        self._keys = [k.replace("\n", " ") if "\n" in k else k for k in keys]
        text = "\n".join(self._keys) + "\n"
        self._text = text
        self._ascii = text.encode("ascii", "replace")  # one byte per character
        starts = [0]
        starts.extend(accumulate(len(k) + 1 for k in self._keys))
        self._starts = starts  # row i is text[starts[i]:starts[i + 1] - 1]

    def __len__(self) -> int:
        return len(self._keys)

    def key(self, row: int) -> str:
        return self._keys[row]

    def _haystack(self, term: str) -> tuple[str | bytes, str | bytes]:
        if term.isascii() and "?" not in term:
            return self._ascii, term.encode("ascii")
        return self._text, term

    def _jump(self, terms: Sequence[str], limit: int | None) -> list[int]:
        """Rows matching every term, found by jumping from one match of the longest term
        to the next in the joined text; at most ``limit`` (None: all)."""
        primary = max(range(len(terms)), key=lambda i: len(terms[i]))
        others = [t for i, t in enumerate(terms) if i != primary]
        haystack, needle = self._haystack(terms[primary])
        find: Callable[..., int] = haystack.find
        starts, keys = self._starts, self._keys
        found: list[int] = []
        pos = find(needle)
        while pos >= 0:
            row = bisect_right(starts, pos) - 1
            if not others or all(t in keys[row] for t in others):
                found.append(row)
                if limit is not None and len(found) >= limit:
                    break
            pos = find(needle, starts[row + 1])
        return found

    def first(self, terms: Sequence[str], limit: int) -> tuple[list[int], bool]:
        """The first ``limit`` rows containing every term (none: every row), and True if
        there are no more."""
        if not terms:
            rows = list(range(min(limit, len(self._keys))))
            return rows, len(self._keys) <= limit
        found = self._jump(terms, limit + 1)
        return found[:limit], len(found) <= limit

    def find(
        self,
        terms: Sequence[str],
        *,
        check: Callable[[], None] | None = None,
        within: Sequence[int] | None = None,
    ) -> list[int]:
        """Every row containing every term, in order (no terms: every row).

        ``check`` is called between chunks of rows (it raises to abandon the search).
        ``within``: only these rows (in order) can match, e.g. the answer to the text
        typed before when the new text narrows it ("xuc" → "xuch"); a short list is
        quicker to test row by row than the joined text.
        """
        n = len(self._keys)
        if not terms:
            return list(range(n)) if within is None else list(within)
        if within is not None and len(within) * DENSE < n:
            return self._within(terms, within, check)
        probe = self._jump(terms, PROBE + 1)
        if len(probe) <= PROBE:
            return probe
        # more than PROBE matches up to probe[-1]: about that density over all the rows
        if (PROBE + 1) * n // (probe[-1] + 1) * DENSE < n:
            if check is not None:
                check()
            return self._jump(terms, None)
        primary = max(terms, key=len)
        keys = self._keys
        rows: list[int] = []
        for start in range(0, n, CHUNK):
            if check is not None:
                check()
            chunk = keys[start : start + CHUNK]
            rows.extend(
                compress(range(start, start + len(chunk)), map(contains, chunk, repeat(primary)))
            )
        others = list(terms)
        others.remove(primary)
        for term in others:
            rows = [r for r in rows if term in keys[r]]
        return rows

    def _within(
        self, terms: Sequence[str], rows: Sequence[int], check: Callable[[], None] | None
    ) -> list[int]:
        keys = self._keys
        found: list[int] = []
        for start in range(0, len(rows), CHUNK):
            if check is not None:
                check()
            chunk = rows[start : start + CHUNK]
            found.extend(
                compress(chunk, map(contains, map(keys.__getitem__, chunk), repeat(terms[0])))
            )
        for term in terms[1:]:
            found = [r for r in found if term in keys[r]]
        return found
