"""Who this database is: its installation id, and whether it was copied.

Each database is one installation of the program for sync (``jianan_desk.sync``): it
carries an id in ``app_meta``. Staff take the database on a trip by copying the file to
a laptop; the copy must then behave as a separate installation. So the database also
carries a mark of where it lives: when it is opened under another mark it is a copy (or
was moved) and gets a new id on that first open. The id it had is remembered as a peer
that has seen everything the copy holds, so that packages exchanged later carry only what
changed since.

The mark of a SQLite file is the host name and full path it was last opened at.

The mark of a PostgreSQL database (the office server) is the identity of the database on
its server (``store.dialect.server_identity``: the cluster's system identifier and the
database's OID), never anything about the client: every office PC and laptop connecting to
the server, under any host name, address or role, sees the one installation the server
is, which exchanges packages exactly as a laptop does. A copy of the server database
(``CREATE DATABASE … TEMPLATE``, ``pg_dump``/``pg_restore``, a restore on another server,
``jianan-desk migrate-to`` from SQLite or from another server) has another OID or cluster
and becomes a new installation on its first open, as a copied file does. Where a role may
not read the cluster identifier, the OID alone is compared (see ``same_place``).
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from jianan_desk.store.dialect import server_identity
from jianan_desk.store.models import SyncPeer
from jianan_desk.store.sync_stamps import KEY_ID, get_meta, installation_id, set_meta
from jianan_desk.store.types import new_id

__all__ = ["KEY_ID", "CopyCheck", "check_installation", "get_meta", "installation_id", "set_meta"]

KEY_MARK = "installation_mark"
KEY_PREVIOUS = "installation_previous_ids"  # JSON list, oldest first


def mark_for(path: Path | None) -> str:
    """Where a file is being opened: host name and full path."""
    host = socket.gethostname()
    where = str(path.resolve()) if path is not None else "(server)"
    return f"{host}|{where}"


def mark_of(conn: Connection, path: Path | None) -> str:
    """The mark of the database behind ``conn``: its server identity, or the file's."""
    identity = server_identity(conn)
    return identity if identity is not None else mark_for(path)


def same_place(stored: str, mark: str) -> bool:
    """Whether two marks name the same database. Server marks (``postgresql|system|oid``)
    compare the cluster identifier only where both could read it."""
    if stored == mark:
        return True
    a, b = stored.split("|"), mark.split("|")
    if len(a) != 3 or len(b) != 3 or a[0] != "postgresql" or b[0] != a[0] or a[2] != b[2]:
        return False
    return a[1] == "" or b[1] == ""


def installation_name(conn: Connection) -> str:
    """How other installations name this one (shown in their lists of peers): the PC's
    host name for a file; for a server database, the database and its server."""
    if server_identity(conn) is None:
        return socket.gethostname()
    url = conn.engine.url
    host = url.host or ""
    if host in ("", "localhost", "127.0.0.1", "::1") or host.startswith("/"):
        host = socket.gethostname()  # connected locally: the server is this machine
    return f"服务器数据库 {url.database}@{host}"


@dataclass(frozen=True)
class CopyCheck:
    installation_id: str
    copied_from: str | None  # the id the file had, when it was found to be a copy


def check_installation(conn: Connection, path: Path | None) -> CopyCheck:
    """Give a copied file a new installation id; record the mark of where it is now.

    Call once per open, in a write transaction, after migrations.
    """
    from jianan_desk.store.sync_stamps import ensure_baseline, load_seen, save_seen

    mark = mark_of(conn, path)
    stored_mark = get_meta(conn, KEY_MARK)
    current = get_meta(conn, KEY_ID)
    copied_from = None
    if stored_mark and same_place(stored_mark, mark):
        mark = stored_mark  # keep the fuller of two equivalent server marks
    if current and stored_mark and stored_mark != mark:
        # A copy (or a moved file): a new identity. Every change of the original up to
        # now is in this file, so the original "has seen" exactly what we hold.
        ensure_baseline(conn, current)
        seen = load_seen(conn)
        save_seen(conn, seen)  # the copy holds all the original had: it has seen it
        previous = json.loads(get_meta(conn, KEY_PREVIOUS) or "[]")
        previous.append(current)
        set_meta(conn, KEY_PREVIOUS, json.dumps(previous))
        copied_from = current
        current = new_id()
        set_meta(conn, KEY_ID, current)
        peers = SyncPeer.__table__
        conn.execute(peers.delete().where(peers.c.installation_id == copied_from))
        conn.execute(
            peers.insert().values(
                installation_id=copied_from,
                name="复制前的原数据库",
                seen=json.dumps(seen, sort_keys=True),
            )
        )
    elif not current:
        current = installation_id(conn)
    if stored_mark != mark:
        set_meta(conn, KEY_MARK, mark)
    return CopyCheck(current, copied_from)


# ---------------------------------------------------------------- network shares

_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "sshfs", "9p", "afs", "ncpfs"}


def is_network_path(path: Path) -> bool:
    """True if ``path`` lies on a network share (SQLite is safe on a local disk only)."""
    try:
        resolved = path.resolve()
    except OSError:
        return False
    text = str(resolved)
    if sys.platform == "win32":
        if text.startswith("\\\\"):
            return True
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # type: ignore[attr-defined]
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    best, best_fs = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (text == point or text.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, best_fs = point, parts[2]
    return best_fs in _NETWORK_FS


NETWORK_WARNING = (
    "数据库文件 {0} 位于网络共享文件夹上。SQLite 数据库只有在本机硬盘上才可靠，"
    "放在网络共享上可能损坏数据。请把数据库复制到本机硬盘后使用，各台电脑之间用同步包交换更改。"
)
