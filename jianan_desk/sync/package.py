"""The ``.jdsync`` file: a zip with a manifest, the changed rows as JSON lines and a checksum.

::

    manifest.json          {"format": "jianan-desk-sync", "format_version": 2, "package_id",
                            "created_at", "encryption": null | {cipher, kdf, n, r, p, salt,
                            nonce, chunk}}
    tables/<table>.jsonl   one row a line: [id, [values…], stamp | [stamps…]], written and
                           read in batches, so neither side ever holds a whole table
    header.json            who sent it, what it had seen, aliases, open conflicts, and per
                           table its field names and row count
    checksum.sha256        SHA-256 over manifest.json and every entry (name and stored bytes,
                           in the zip's order), in hex

Encrypted (a passphrase): every entry is a sequence of AES-256-GCM chunks (key from the
passphrase by scrypt), each ``[4-byte length][ciphertext + tag]`` of at most ``CHUNK_BYTES``
of plain text. A chunk's nonce is the manifest's 7-byte prefix, a counter running over the
whole package and a last-chunk flag; the associated data is the manifest and the entry's
name. So no chunk can be altered, dropped, moved or cut off unnoticed, and the manifest
cannot be altered either.

``PackageReader`` checks all of it before anything is applied (a first pass over the file
that keeps nothing in memory): a damaged, truncated, foreign or altered file raises
``PackageError``; a wrong or missing passphrase ``PassphraseError``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from jianan_desk.sync.errors import PackageError, PassphraseError, SyncError

FORMAT = "jianan-desk-sync"
FORMAT_VERSION = 2
SUFFIX = ".jdsync"
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_PAYLOAD = 8 * 1024**3  # all entries together, uncompressed
CHUNK_BYTES = 1 << 20
MANIFEST = "manifest.json"
HEADER = "header.json"
CHECKSUM = "checksum.sha256"
TABLE_PREFIX = "tables/"
_READ = 1 << 20


def table_entry(name: str) -> str:
    return f"{TABLE_PREFIX}{name}.jsonl"


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _entry_hash(digest: Any, name: str) -> None:
    digest.update(b"\x00" + name.encode("utf-8") + b"\x00")


# ---------------------------------------------------------------- writing


class PackageWriter:
    """Write a package entry by entry; ``commit`` renames it into place (atomic), ``abort``
    removes the partial file. Use as a context manager: an exception aborts."""

    def __init__(self, path: Path, package_id: str, created_at: str, passphrase: str = "") -> None:
        self.path = path
        self.package_id = package_id
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "package_id": package_id,
            "created_at": created_at,
            "encryption": None,
        }
        self._aes: Any = None
        self._prefix = b""
        self._counter = 0
        if passphrase:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            salt, self._prefix = os.urandom(16), os.urandom(7)
            manifest["encryption"] = {
                "cipher": "AES-256-GCM",
                "kdf": "scrypt",
                "n": SCRYPT_N,
                "r": SCRYPT_R,
                "p": SCRYPT_P,
                "salt": _b64(salt),
                "nonce": _b64(self._prefix),
                "chunk": CHUNK_BYTES,
            }
            self._aes = AESGCM(_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
        self.head = json.dumps(manifest, sort_keys=True).encode("utf-8")
        self._digest = hashlib.sha256(self.head)
        self._tmp = path.with_name(path.name + ".partial")
        try:
            self._zip = zipfile.ZipFile(
                self._tmp, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True
            )
            self._zip.writestr(MANIFEST, self.head)
        except OSError as exc:
            self._tmp.unlink(missing_ok=True)
            raise SyncError(f"无法写入同步包 {path}：{exc.strerror or exc}") from exc

    def _seal(self, name: str, plain: bytes, last: bool) -> bytes:
        nonce = _nonce(self._prefix, self._counter, last)
        self._counter += 1
        sealed: bytes = self._aes.encrypt(nonce, plain, self.head + name.encode("utf-8"))
        return len(sealed).to_bytes(4, "big") + sealed

    @contextmanager
    def entry(self, name: str) -> Iterator[Callable[[bytes], None]]:
        """A function writing bytes into entry ``name`` (buffered, sealed in chunks)."""
        _entry_hash(self._digest, name)
        digest = self._digest
        try:
            with self._zip.open(name, "w", force_zip64=True) as raw:
                if self._aes is None:

                    def put(data: bytes) -> None:
                        raw.write(data)
                        digest.update(data)

                    yield put
                    return
                pending = bytearray()

                def put_sealed(data: bytes) -> None:
                    pending.extend(data)
                    while len(pending) >= CHUNK_BYTES:
                        block = self._seal(name, bytes(pending[:CHUNK_BYTES]), False)
                        del pending[:CHUNK_BYTES]
                        raw.write(block)
                        digest.update(block)

                yield put_sealed
                block = self._seal(name, bytes(pending), True)
                raw.write(block)
                digest.update(block)
        except OSError as exc:
            raise SyncError(f"无法写入同步包 {self.path}：{exc.strerror or exc}") from exc

    def write_json(self, name: str, value: Any) -> None:
        with self.entry(name) as put:
            put(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def commit(self) -> Path:
        try:
            self._zip.writestr(CHECKSUM, self._digest.hexdigest())
            self._zip.close()
            self._tmp.replace(self.path)
        except OSError as exc:
            self.abort()
            raise SyncError(f"无法写入同步包 {self.path}：{exc.strerror or exc}") from exc
        return self.path

    def abort(self) -> None:
        with suppress(OSError, ValueError):
            self._zip.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> PackageWriter:
        return self

    def __exit__(self, kind: Any, _value: Any, _tb: Any) -> None:
        if kind is not None:
            self.abort()


# ---------------------------------------------------------------- reading


def _broken(path: Path, why: str) -> PackageError:
    return PackageError(
        f"文件 {path.name} 不是有效的建安招商台同步包，或已损坏（{why}）。未做任何更改。"
    )


_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, OSError)


def _check_manifest(path: Path, head: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(head)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _broken(path, "清单无法读取") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(f"文件 {path.name} 不是建安招商台同步包。未做任何更改。")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise PackageError(
            f"同步包 {path.name} 由其他版本的建安招商台生成（格式版本 "
            f"{manifest.get('format_version')}），本程序无法导入。请升级程序后再试。"
        )
    return manifest


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise SyncError(f"同步包文件不存在：{path}") from exc
    except zipfile.BadZipFile as exc:
        raise _broken(path, "文件被截断或不是压缩包") from exc
    except PermissionError as exc:
        raise SyncError(f"无法读取同步包 {path}：{exc.strerror or exc}") from exc
    except _ZIP_ERRORS as exc:
        raise _broken(path, "无法解压") from exc


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest alone (to ask for a passphrase before reading the rows)."""
    with _open_zip(path) as zf:
        try:
            if MANIFEST not in zf.namelist():
                raise _broken(path, "缺少清单")
            head = zf.read(MANIFEST)
        except _ZIP_ERRORS as exc:
            raise _broken(path, "无法解压") from exc
    return _check_manifest(path, head)


def is_encrypted(path: Path) -> bool:
    return bool(read_manifest(path).get("encryption"))


class PackageReader:
    """An open package, checked whole on opening; ``header`` and ``rows(table)`` then read it
    (again, in chunks). Close it (or use it as a context manager)."""

    def __init__(self, path: Path, passphrase: str = "") -> None:
        self.path = path
        self._zip = _open_zip(path)
        try:
            self._check(passphrase)
        except BaseException:
            self._zip.close()
            raise

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

    # ---- checks

    def _check(self, passphrase: str) -> None:
        path, zf = self.path, self._zip
        try:
            names = zf.namelist()
            if MANIFEST not in names:
                raise _broken(path, "缺少清单")
            self.head = zf.read(MANIFEST)
            self.manifest = _check_manifest(path, self.head)
            self.entries = [n for n in names if n not in (MANIFEST, CHECKSUM)]
            if HEADER not in self.entries or CHECKSUM not in names:
                raise _broken(path, "内容不完整")
            if sum(zf.getinfo(n).file_size for n in self.entries) > MAX_PAYLOAD:
                raise _broken(path, "内容过大")
            checksum = zf.read(CHECKSUM).decode("ascii", "replace").strip()
            digest = hashlib.sha256(self.head)
            for name in self.entries:
                _entry_hash(digest, name)
                with zf.open(name) as fh:
                    while block := fh.read(_READ):
                        digest.update(block)
        except _ZIP_ERRORS as exc:
            raise _broken(path, "文件被截断或无法解压") from exc
        if digest.hexdigest() != checksum:
            raise _broken(path, "校验和不符，文件在传输中损坏或被改动")
        enc = self.manifest.get("encryption")
        self._aes: Any = None
        self._starts: dict[str, int] = {}
        if enc:
            if not passphrase:
                raise PassphraseError(f"同步包 {path.name} 已加密，请输入密码。")
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            try:
                self._prefix = base64.b64decode(enc["nonce"])
                if len(self._prefix) != 7:
                    raise ValueError("nonce")
                key = _key(passphrase, base64.b64decode(enc["salt"]), enc["n"], enc["r"], enc["p"])
            except (KeyError, TypeError, ValueError) as exc:
                raise _broken(path, "加密参数无效") from exc
            self._aes = AESGCM(key)
            counter = 0
            for name in self.entries:  # every chunk decrypts: nothing altered, nothing cut
                self._starts[name] = counter
                for _plain in self._chunks(name, counter):
                    counter += 1
        self.header = self._header()

    def _sealed(self, fh: IO[bytes]) -> Iterator[bytes]:
        while True:
            size = fh.read(4)
            if not size:
                return
            if len(size) != 4:
                raise _broken(self.path, "加密内容被截断")
            length = int.from_bytes(size, "big")
            if length > CHUNK_BYTES + 64:
                raise _broken(self.path, "加密内容无效")
            block = fh.read(length)
            if len(block) != length:
                raise _broken(self.path, "加密内容被截断")
            yield block

    def _chunks(self, name: str, counter: int | None = None) -> Iterator[bytes]:
        """The plain text of entry ``name``, chunk by chunk (decrypted and verified)."""
        try:
            with self._zip.open(name) as fh:
                if self._aes is None:
                    while block := fh.read(_READ):
                        yield block
                    return
                from cryptography.exceptions import InvalidTag

                if counter is None:
                    counter = self._starts[name]
                blocks = self._sealed(fh)
                block = next(blocks, None)
                if block is None:  # every entry ends with a sealed last chunk
                    raise _broken(self.path, "加密内容被截断")
                aad = self.head + name.encode("utf-8")
                while block is not None:
                    following = next(blocks, None)
                    nonce = _nonce(self._prefix, counter, following is None)
                    try:
                        yield self._aes.decrypt(nonce, block, aad)
                    except InvalidTag as exc:
                        raise PassphraseError(
                            f"无法解密同步包 {self.path.name}：密码错误，或文件已被改动。"
                            "未做任何更改。"
                        ) from exc
                    counter += 1
                    block = following
        except _ZIP_ERRORS as exc:
            raise _broken(self.path, "文件被截断或无法解压") from exc

    def _header(self) -> dict[str, Any]:
        body = b"".join(self._chunks(HEADER))
        try:
            header = json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise _broken(self.path, "数据无法读取") from exc
        if not isinstance(header, dict) or header.get("package_id") != self.manifest.get(
            "package_id"
        ):
            raise _broken(self.path, "数据与清单不符")
        return header

    # ---- rows

    def rows(self, table: str) -> Iterator[Any]:
        """The rows of ``table`` as parsed JSON lines, in the package's order."""
        name = table_entry(table)
        if name not in self.entries:
            raise _broken(self.path, f"缺少数据表 {table}")
        rest = b""
        for block in self._chunks(name):
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            for line in lines:
                if line:
                    yield self._parse(line)
        if rest.strip():
            yield self._parse(rest)

    def _parse(self, line: bytes) -> Any:
        try:
            return json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            raise _broken(self.path, "数据无法读取") from exc
