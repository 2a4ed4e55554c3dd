"""The sync and restore commands of the CLI (``jianan-desk sync …``, ``jianan-desk restore``).

Passphrases: ``--encrypt`` asks for one on the terminal (twice), or takes it from the
environment variable ``JIANAN_SYNC_PASSPHRASE``; an encrypted package being imported asks
for it the same way.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

PASSPHRASE_ENV = "JIANAN_SYNC_PASSPHRASE"
PROGRESS_EVERY_S = 2.0


class StderrProgress:
    """``progress(done, total)`` for the sync services: a line on stderr every few seconds.

    Stdout stays the summary a script reads; a full package of a large database takes
    minutes, and a silent terminal looks hung.
    """

    def __init__(self, verb: str, every_s: float | None = None) -> None:
        self.verb = verb
        self.every_s = PROGRESS_EVERY_S if every_s is None else every_s
        self.last = time.monotonic()
        self.lines = 0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < self.every_s:
            return
        self.last = now
        self.lines += 1
        of = f" / {total:,}" if total else ""
        print(f"  …{self.verb} {done:,}{of} 行", file=sys.stderr, flush=True)


def add_parsers(sub: argparse._SubParsersAction, parser_class: type) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="离线同步：导出 / 导入同步包，查看同步对象与冲突")
    actions = p.add_subparsers(dest="sync_action", metavar="<操作>", parser_class=parser_class)
    actions.required = True
    e = actions.add_parser("export", help="导出同步包（对方尚未收到的全部更改）")
    e.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help=".jdsync 文件")
    e.add_argument(
        "--for", dest="peer", metavar="PEER", help="接收方的安装 ID（或其前缀）；省略时导出全部数据"
    )
    e.add_argument(
        "--encrypt",
        action="store_true",
        help=f"用密码加密（输入密码，或取环境变量 {PASSPHRASE_ENV}）",
    )
    e.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    i = actions.add_parser("import", help="导入同步包（导入前自动备份）")
    i.add_argument("file", type=Path, metavar="FILE", help=".jdsync 文件")
    i.add_argument("--dry-run", action="store_true", help="只预览将要发生的更改，不写入")
    i.add_argument("--actor", default="同步", metavar="NAME", help="记入修改日志的操作人")
    actions.add_parser("peers", help="本机安装 ID 与交换过同步包的安装")
    actions.add_parser("conflicts", help="列出待处理的同步冲突")

    r = sub.add_parser("restore", help="从备份文件恢复数据库（恢复前先备份当前数据库）")
    r.add_argument("file", type=Path, metavar="FILE", help="备份文件（.sqlite）")


def _passphrase(confirm: bool) -> str:
    from jianan_desk.cli import CliError

    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"需要密码：请在终端中运行，或设置环境变量 {PASSPHRASE_ENV}。")
    first = getpass.getpass("同步包密码：")
    if not first:
        raise CliError("密码不能为空。")
    if confirm and getpass.getpass("再次输入密码：") != first:
        raise CliError("两次输入的密码不一致。")
    return first


def _resolve_peer(db, text: str) -> str:  # noqa: ANN001 - Database
    from jianan_desk.cli import CliError
    from jianan_desk.sync.service import list_peers

    with db.session(readonly=True) as session:
        peers = list_peers(session)
    matches = [p for p in peers if p.id.startswith(text.strip()) or p.name == text.strip()]
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        known = "、".join(f"{p.id[:8]}（{p.name or '未命名'}）" for p in peers) or "无"
        raise CliError(f"未知的同步对象：{text}。已知：{known}。省略 --for 可导出完整同步包。")
    raise CliError(f"“{text}”对应多个同步对象，请写出更长的安装 ID。")


def cmd_sync(args: argparse.Namespace) -> int:
    from jianan_desk.cli import EXIT_OK, CliError, _open, _writer_lock
    from jianan_desk.paths import resolve_db
    from jianan_desk.sync.errors import SyncError

    url = resolve_db(args.db)
    action = args.sync_action
    try:
        if action == "export":
            from jianan_desk.sync.service import export_package

            target: Path = args.output.expanduser().resolve()
            if target.exists() and not args.force:
                raise CliError(f"文件已存在：{target}（如需覆盖请加 --force）")
            passphrase = _passphrase(confirm=True) if args.encrypt else ""
            with _writer_lock(url):
                db = _open(args, write=True)
                try:
                    peer = _resolve_peer(db, args.peer) if args.peer else None
                    result = export_package(
                        db,
                        target,
                        for_peer=peer,
                        passphrase=passphrase,
                        progress=StderrProgress("已导出"),
                    )
                finally:
                    db.dispose()
            what = "、".join(f"{k} {v}" for k, v in result.counts.items()) or "没有更改"
            kind = "增量" if peer else "完整"
            print(f"已导出{kind}同步包 {target}（{result.total} 条记录：{what}）")
            if passphrase:
                print("同步包已加密，请把密码另行告知接收人。")
            return EXIT_OK
        if action == "import":
            return _import(args, url)
        db = _open(args, write=True)
        try:
            with db.session() as session:
                if action == "peers":
                    from jianan_desk.store.installation import installation_id
                    from jianan_desk.sync.service import list_peers

                    print(f"本机安装 ID：{installation_id(session.connection())}")
                    for p in list_peers(session):
                        when = f"{p.last_import_at:%Y-%m-%d %H:%M}" if p.last_import_at else "—"
                        print(f"  {p.id}  {p.name or '未命名'}  上次导入：{when}")
                else:
                    from jianan_desk.sync.conflicts import list_conflicts, show

                    rows = list_conflicts(session)
                    if not rows:
                        print("没有待处理的同步冲突。")
                    for c in rows:
                        kept = "本机" if c.winner == "mine" else "对方"
                        print(
                            f"  [{c.table_label}] {c.row_label} · {c.field_label}："
                            f"本机 {show(c.mine)} / 对方 {show(c.theirs)}（暂用{kept}的值）"
                        )
        finally:
            db.dispose()
        return EXIT_OK
    except SyncError as exc:
        raise CliError(str(exc)) from exc


def _import(args: argparse.Namespace, url: str) -> int:
    from jianan_desk.cli import EXIT_OK, _open, _writer_lock
    from jianan_desk.settings import BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY, Preferences
    from jianan_desk.sync.package import is_encrypted
    from jianan_desk.sync.service import import_package, preview_package

    source: Path = args.file.expanduser()
    passphrase = _passphrase(confirm=False) if is_encrypted(source) else ""
    with _writer_lock(url):
        db = _open(args, write=True)
        try:
            if args.dry_run:
                result = preview_package(
                    db, source, passphrase=passphrase, progress=StderrProgress("已读取")
                )
                print(f"预览：{result.summary()}")
                print("预览模式（--dry-run）：未写入任何数据。")
                return EXIT_OK
            prefs = Preferences()
            result, backup = import_package(
                db,
                source,
                passphrase=passphrase,
                actor=args.actor,
                progress=StderrProgress("已导入"),
                keep_daily=prefs.get(BACKUP_KEEP_DAILY),
                keep_weekly=prefs.get(BACKUP_KEEP_WEEKLY),
            )
        finally:
            db.dispose()
    if backup:
        print(f"导入前备份：{backup}")
    print(f"已导入同步包（来自 {result.peer_name or result.peer_id[:8]}）：{result.summary()}")
    for c in result.conflicts[:50]:
        print(f"  冲突：{c.tbl} {c.row_id[:8]} {c.field}：本机 {c.mine!r} / 对方 {c.theirs!r}")
    if result.conflicts:
        print("请在程序的 同步 → 审阅冲突 中逐一处理（或 jianan-desk sync conflicts 查看）。")
    for d in result.duplicates[:50]:
        print(
            f"  疑似重复企业：{d.first_name}（{d.first_id[:8]}）"
            f"与 {d.second_name}（{d.second_id[:8]}）"
        )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from jianan_desk.cli import EXIT_OK, CliError, _writer_lock
    from jianan_desk.paths import resolve_db
    from jianan_desk.settings import BACKUP_KEEP_DAILY, BACKUP_KEEP_WEEKLY, Preferences
    from jianan_desk.store.backup import restore_backup
    from jianan_desk.store.engine import sqlite_path

    url = resolve_db(args.db)
    target = sqlite_path(url)
    if target is None:
        raise CliError("restore 命令只支持 SQLite 数据库文件。")
    source: Path = args.file.expanduser().resolve()
    prefs = Preferences()
    with _writer_lock(url):
        before = restore_backup(
            target,
            source,
            keep_daily=prefs.get(BACKUP_KEEP_DAILY),
            keep_weekly=prefs.get(BACKUP_KEEP_WEEKLY),
        )
    if before:
        print(f"恢复前已备份当前数据库：{before}")
    print(f"已从 {source} 恢复数据库 {target}。")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "sync": cmd_sync,
    "restore": cmd_restore,
}
