"""The demo generator's two errors: the caller's fault, and the generator's own.

``DemoDataError`` (public) means the database cannot take the dataset; its message is
shown to users, so it is in Chinese. ``InternalError`` means the generator broke a
promise it makes (a figure, a unique name, an allocation) -- a bug, never user-facing.
"""


class DemoDataError(ValueError):
    """The demo dataset cannot be written into this database (message in Chinese)."""


class InternalError(RuntimeError):
    """A bug in the generator: a constraint it promises could not be met."""
