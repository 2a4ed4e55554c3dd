"""Sync packages as files: export one, preview one, import one (after a backup).

The GUI and the CLI both call these; each opens its own sessions on the ``Database``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jianan_desk.store.engine import Database
from jianan_desk.store.installation import installation_id
from jianan_desk.store.models import SyncPeer
from jianan_desk.store.types import new_id, utcnow
from jianan_desk.sync.engine import (
    ApplyResult,
    Cancelled,
    ExportResult,
    Progress,
    apply_changes,
    export_changes,
)
from jianan_desk.sync.errors import SyncError
from jianan_desk.sync.package import SUFFIX, PackageReader, PackageWriter


class _Preview(Exception):
    """Raised inside the unit of work of a preview so that it rolls back."""


def export_package(
    db: Database,
    target: Path,
    *,
    for_peer: str | None = None,
    passphrase: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write a package of the changes ``for_peer`` has not seen (or of everything).

    ``progress(done, total)`` is called (from this thread) as rows are read; when
    ``cancelled()`` turns true, ``SyncCancelled`` is raised, no file is left behind and the
    database is unchanged (the bookkeeping of the export is rolled back)."""
    if not target.parent.is_dir():
        raise SyncError(f"输出文件夹不存在：{target.parent}")
    writer = PackageWriter(target, new_id(), utcnow().isoformat(), passphrase)
    with writer, db.session() as session:
        result = export_changes(
            session, writer, for_peer=for_peer, progress=progress, cancelled=cancelled
        )
        writer.commit()
    return result


def _apply(
    session: Session,
    reader: PackageReader,
    actor: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ApplyResult:
    try:
        return apply_changes(
            session,
            reader.header,
            reader.rows,
            actor=actor,
            progress=progress,
            cancelled=cancelled,
        )
    except IntegrityError as exc:
        raise SyncError(
            "同步包中的数据与本机数据相矛盾（例如两条记录使用了同一个编码或名称），"
            f"未做任何更改。详情：{exc.orig}"
        ) from exc


def preview_package(
    db: Database,
    source: Path,
    *,
    passphrase: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ApplyResult:
    """What importing ``source`` would change (applied, counted and rolled back)."""
    holder: list[ApplyResult] = []
    with PackageReader(source, passphrase) as reader:
        try:
            with db.session() as session:
                holder.append(_apply(session, reader, "同步", progress, cancelled))
                raise _Preview
        except _Preview:
            pass
    return holder[0]


def import_package(
    db: Database,
    source: Path,
    *,
    passphrase: str = "",
    actor: str = "同步",
    backup: bool = True,
    keep_daily: int = 7,
    keep_weekly: int = 4,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[ApplyResult, Path | None]:
    """Apply ``source`` in one transaction, after a backup of the database file.

    Returns the result and the backup's path. A package that cannot be read changes
    nothing (and no backup is made for it); nor does a cancelled import (rolled back).
    """
    with PackageReader(source, passphrase) as reader:
        backup_path = None
        path = db.path
        if backup and path is not None and path.exists():
            from jianan_desk.store.backup import auto_backup

            backup_path = auto_backup(path, "sync", keep_daily=keep_daily, keep_weekly=keep_weekly)
        with db.session() as session:
            result = _apply(session, reader, actor, progress, cancelled)
    return result, backup_path


def default_file_name(db: Database) -> str:
    import datetime as dt

    with db.session(readonly=True) as session:
        me = installation_id(session.connection())
    return f"建安招商台同步包-{dt.date.today():%Y%m%d}-{me[:8]}{SUFFIX}"


# ---------------------------------------------------------------- peers and conflicts


@dataclass(frozen=True)
class PeerRow:
    id: str
    name: str
    last_import_at: Any


def list_peers(session: Session) -> list[PeerRow]:
    return [
        PeerRow(p.installation_id, p.name, p.last_import_at)
        for p in session.scalars(select(SyncPeer).order_by(SyncPeer.last_import_at.desc()))
    ]
