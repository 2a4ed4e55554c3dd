"""short search grams: PostgreSQL finds 1–2-character search terms through an index

PostgreSQL only; a no-op on SQLite (its list search is served by the covering key index of
0007 and a walk of the sort index, see ``services.project_query``).

pg_trgm's indexes (0007) cannot serve a term shorter than 3 characters, so a rare 1–2-
character search term ('喆', '汉富', 'qn') read every search key: 150–230 ms on 100,000
projects, 60–170 ms on 100,000 companies. This adds:

* ``jd_short_grams(text) → text[]``: the 1- and 2-character substrings of a search key
  that do not contain the space separating its parts (an element may repeat). A folded
  query term never holds a space (``domain.search``), so a 1–2-character term is a
  substring of the key exactly when it is an element. IMMUTABLE (an index may use it),
  PARALLEL SAFE, STRICT, and a high COST (≈ 0.06 ms a key), so that the planner prefers
  the index to evaluating it row by row. Built-in functions only: no extension needed.
* ``ix_projects_search_grams`` and ``ix_companies_search_grams``: GIN indexes over
  ``jd_short_grams(search_key)`` of the live rows (``WHERE deleted_at IS NULL``: the
  searches are of live rows; the projects' recycle bin searches without it).
  ``services.project_query`` and ``services.companies`` add
  ``jd_short_grams(search_key) @> ARRAY[terms]`` beside the ``LIKE`` of the short terms
  (``store.search_grams``). On the benchmark database (100,000 projects, 100,000
  companies), on a busy 2-CPU machine (load 3–5): projects 29 MB built in ≈ 41 s,
  companies 19 MB in ≈ 20 s (pg_trgm's indexes of 0007: 48 and 30 MB).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = "jd_short_grams"
INDEXES = {"ix_projects_search_grams": "projects", "ix_companies_search_grams": "companies"}

# Three built-in array functions, no loop (a loop of substr() over the positions took
# 0.8 ms a key, the index 80 s to build on 100,000 projects; this: ≈ 0.06 ms): the key's
# characters, then its pairs at odd and at even positions ('(..)' → the pair and a space,
# split on spaces). A pair holding the parts' separator splits into single characters (or
# nothing), which are in the key anyway: every element is a 1–2-character substring of the
# key without a space, and every such substring is an element. Elements may repeat (GIN
# keeps each once). PL/pgSQL so that the planner cannot inline it and keeps its COST.
CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(key text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 2000
AS $$
BEGIN
  RETURN array_remove(string_to_array(key, NULL), ' ')
    || array_remove(string_to_array(regexp_replace(key, '(..)', '\\1 ', 'g'), ' '), '')
    || array_remove(
         string_to_array(regexp_replace(substr(key, 2), '(..)', '\\1 ', 'g'), ' '), '');
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(sa.text(CREATE_FUNCTION))
    for name, table in INDEXES.items():
        op.create_index(
            name,
            table,
            [sa.text(f"{FUNCTION}(search_key)")],
            unique=False,
            postgresql_using="gin",
            postgresql_where=sa.text("deleted_at IS NULL"),
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, table in INDEXES.items():
        op.drop_index(name, table_name=table)
    op.execute(sa.text(f"DROP FUNCTION IF EXISTS {FUNCTION}(text)"))
