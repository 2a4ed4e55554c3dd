"""Storage errors whose blame lies with the environment, each with a Chinese message."""

from __future__ import annotations


class StoreError(Exception):
    """Base: ``str(error)`` is a message fit to show a user."""


class NewerDatabaseError(StoreError):
    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            f"数据库 {path} 由更新版本的建安招商台创建（结构版本 {revision}），"
            "本程序无法打开。请升级程序后再试；数据库文件未作任何改动。"
        )
        self.revision = revision


class DatabaseBusyError(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"数据库 {path} 正被另一个建安招商台程序使用（写入被占用），等待超时。"
            "请关闭正在使用该数据库的窗口后重试。"
        )


class DatabaseInUseError(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"数据库 {path} 已在另一个建安招商台窗口中打开，同一数据库只能打开一个窗口。"
        )


class DatabaseUnavailableError(StoreError):
    """The file cannot be opened or written (missing folder, read-only, disk full, not SQLite)."""
