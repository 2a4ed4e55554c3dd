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


class ConnectionLostError(DatabaseUnavailableError):
    """The database server cannot be reached (network down, server stopped or restarted).

    Raised for the unit of work that failed; nothing was written by it. The connection pool
    checks each connection before use (``pool_pre_ping``), so the same action succeeds once
    the server is back.
    """

    def __init__(self, name: str) -> None:
        super().__init__(
            f"与数据库服务器 {name} 的连接已断开或无法连接（网络中断，或服务器未运行）。"
            "本次操作没有完成，也没有写入任何数据；窗口中填写的内容仍然保留。"
            "请检查网络或联系管理员，服务器恢复后重试即可。"
        )


class StaleRowError(StoreError):
    """An ORM update or delete found the row changed (or deleted) by another user since it
    was read (its ``version`` moved on); nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "保存未成功：这条记录在您读取之后已被其他用户修改或删除。"
            "为免覆盖他人的修改，本次操作没有写入；请刷新后核对再试。"
        )
