"""Errors the services raise for the user to fix (messages in Chinese).

A form catches ``ValidationError`` and shows ``errors[field]`` next to each field (the
keys are the input dataclass's field names; ``FIELD_LABELS`` names them in Chinese).
"""

from __future__ import annotations

import datetime as dt

from jianan_desk.domain.project_fields import FIELD_LABELS


class ValidationError(ValueError):
    """Input the rules refuse: ``errors`` maps a field name to its message.

    ``needs_correction`` is set when a stage change went backwards: the UI may offer the
    correction dialog (which asks for a reason) instead.
    """

    def __init__(self, errors: dict[str, str], *, needs_correction: bool = False) -> None:
        self.errors = dict(errors)
        self.needs_correction = needs_correction
        super().__init__(
            "；".join(f"{FIELD_LABELS.get(k, k)}：{v}" for k, v in self.errors.items())
        )


class NotFoundError(LookupError):
    """The record does not exist or was deleted (message in Chinese)."""


class ConcurrentEditError(RuntimeError):
    """The record was changed by someone else since the form loaded it.

    ``actors`` (who), ``fields`` (Chinese labels of what they changed) and ``changed_at``
    are filled when the change log tells; the message already names them.
    """

    def __init__(
        self,
        message: str,
        *,
        actors: tuple[str, ...] = (),
        fields: tuple[str, ...] = (),
        changed_at: dt.datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.actors = actors
        self.fields = fields
        self.changed_at = changed_at


class CopyDatabaseError(RuntimeError):
    """``migrate-to`` cannot copy: a target that is not empty or unreachable, a source not at
    the current schema, or a row the target refuses. Nothing was written to the target."""
