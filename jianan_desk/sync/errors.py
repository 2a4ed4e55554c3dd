"""Errors of sync packages: ``str(error)`` is a Chinese message fit to show a user."""

from __future__ import annotations


class SyncError(Exception):
    """A package cannot be written, read or applied; nothing was changed."""


class PackageError(SyncError):
    """The file is not a valid sync package: damaged, truncated, foreign or tampered."""


class PassphraseError(SyncError):
    """The package is encrypted and the passphrase is missing or wrong."""
