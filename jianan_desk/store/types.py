"""Column types that keep exact values on SQLite and PostgreSQL alike.

SQLite has no exact decimal type (NUMERIC is stored as REAL), so fixed-point values are
stored as integers scaled by 10**scale and exposed to Python as ``Decimal``. Money in
万元 with scale 4 is stored as whole 元; sums in SQL stay exact integers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect
from sqlalchemy.types import TypeDecorator

SCALE = 4
_FACTOR = Decimal(10) ** SCALE


class FixedDecimal(TypeDecorator[Decimal]):
    """Decimal with four decimal places, stored as a scaled BIGINT."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * _FACTOR
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {SCALE} decimal places")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-SCALE)


def scaled_to_decimal(value: int | None) -> Decimal:
    """Convert a raw SQL aggregate of a FixedDecimal column back to Decimal."""
    return Decimal(int(value or 0)).scaleb(-SCALE)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps are UTC; stored naive, returned aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must carry a timezone")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> str:
    return str(uuid.uuid4())
