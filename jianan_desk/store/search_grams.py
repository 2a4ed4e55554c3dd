"""PostgreSQL's index of short search terms (migration 0009), as a WHERE clause.

A search key (``domain.search``) holds folded parts separated by spaces; a query term, folded,
holds no space. ``jd_short_grams(key)`` (a SQL function made by migration 0009) lists every
1- and 2-character substring of a key that holds no space, so for a term of 1–2 characters
``jd_short_grams(key) @> ARRAY[term]`` is true exactly when ``key LIKE '%term%'`` is. The
GIN indexes ``ix_projects_search_grams`` and ``ix_companies_search_grams`` (live rows only)
answer it, where pg_trgm's indexes (migration 0007) need 3 characters: a rare short term
then reads its few rows instead of every key. SQLite has neither function nor index.

The function is costly row by row (≈ 0.06 ms a key; its declared COST says so): a query
that walks a sort index and tests rows one at a time should leave the condition out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Text, func, literal
from sqlalchemy.dialects.postgresql import ARRAY

SHORT_TERM = 2  # the longest term the gram index serves (pg_trgm serves the longer ones)
FUNCTION = "jd_short_grams"


def short_terms(terms: Iterable[str], longest: int = SHORT_TERM) -> list[str]:
    """The distinct terms of at most ``longest`` characters, sorted."""
    return sorted({term for term in terms if 0 < len(term) <= longest})


def grams_contain(column: Any, terms: list[str]) -> ColumnElement[bool]:
    """``jd_short_grams(column) @> ARRAY[terms]`` (PostgreSQL, migration 0009)."""
    grams = getattr(func, FUNCTION)(column, type_=ARRAY(Text))
    return grams.contains(literal(terms, ARRAY(Text)))
