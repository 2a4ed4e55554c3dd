"""Errors of sync packages: ``str(error)`` is a Chinese message fit to show a user."""

from __future__ import annotations


class SyncError(Exception):
    """A package cannot be written, read or applied; nothing was changed."""


class PackageError(SyncError):
    """The file is not a valid sync package: damaged, truncated, foreign or tampered."""


class PassphraseError(SyncError):
    """The package is encrypted and the passphrase is missing or wrong."""


class SyncCancelled(SyncError):
    """The user cancelled an export or import; nothing was changed."""

    def __init__(self, message: str = "已取消，数据库未作任何更改。") -> None:
        super().__init__(message)
