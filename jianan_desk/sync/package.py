"""The ``.jdsync`` file: a zip with a manifest, the changed rows as JSON and a checksum.

::

    manifest.json     {"format": "jianan-desk-sync", "format_version": 1, "package_id",
                       "created_at", "encryption": null | {cipher, kdf, salt, nonce, n, r, p}}
    rows.json         the payload (plain), or
    rows.bin          the payload encrypted with AES-256-GCM (key from the passphrase by
                      scrypt; the manifest is the associated data, so it cannot be altered)
    checksum.sha256   SHA-256 of manifest.json + the payload file, in hex

Reading checks all of it before anything is applied: a damaged, truncated, foreign or
altered file raises ``PackageError``; a wrong or missing passphrase ``PassphraseError``.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jianan_desk.sync.errors import PackageError, PassphraseError, SyncError

FORMAT = "jianan-desk-sync"
FORMAT_VERSION = 1
SUFFIX = ".jdsync"
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_PAYLOAD = 2 * 1024**3


@dataclass(frozen=True)
class RawPackage:
    manifest: dict[str, Any]
    payload: dict[str, Any]


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def write_package(
    path: Path, package_id: str, created_at: str, payload: dict[str, Any], passphrase: str = ""
) -> Path:
    """Write ``payload`` to ``path`` atomically (a temporary file, then a rename)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "package_id": package_id,
        "created_at": created_at,
        "encryption": None,
    }
    name = "rows.json"
    if passphrase:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt, nonce = os.urandom(16), os.urandom(12)
        manifest["encryption"] = {
            "cipher": "AES-256-GCM",
            "kdf": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
        }
        head = json.dumps(manifest, sort_keys=True).encode("utf-8")
        key = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        body = AESGCM(key).encrypt(nonce, body, head)
        name = "rows.bin"
    head = json.dumps(manifest, sort_keys=True).encode("utf-8")
    checksum = hashlib.sha256(head + body).hexdigest()
    tmp = path.with_name(path.name + ".partial")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", head)
            zf.writestr(name, body)
            zf.writestr("checksum.sha256", checksum)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SyncError(f"无法写入同步包 {path}：{exc.strerror or exc}") from exc
    return path


def _broken(path: Path, why: str) -> PackageError:
    return PackageError(
        f"文件 {path.name} 不是有效的建安招商台同步包，或已损坏（{why}）。未做任何更改。"
    )


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest alone (to ask for a passphrase before reading the rows)."""
    return _open(path)[0]


def is_encrypted(path: Path) -> bool:
    return bool(read_manifest(path).get("encryption"))


def _open(path: Path) -> tuple[dict[str, Any], bytes, bytes, str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SyncError(f"同步包文件不存在：{path}") from exc
    except OSError as exc:
        raise SyncError(f"无法读取同步包 {path}：{exc.strerror or exc}") from exc
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "manifest.json" not in names:
                raise _broken(path, "缺少清单")
            head = zf.read("manifest.json")
            _check_manifest(path, head)
            payload_name = "rows.bin" if "rows.bin" in names else "rows.json"
            if payload_name not in names or "checksum.sha256" not in names:
                raise _broken(path, "内容不完整")
            if zf.getinfo(payload_name).file_size > MAX_PAYLOAD:
                raise _broken(path, "内容过大")
            body = zf.read(payload_name)
            checksum = zf.read("checksum.sha256").decode("ascii", "replace").strip()
    except zipfile.BadZipFile as exc:
        raise _broken(path, "文件被截断或不是压缩包") from exc
    except (zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise _broken(path, "无法解压") from exc
    manifest = _check_manifest(path, head)
    if hashlib.sha256(head + body).hexdigest() != checksum:
        raise _broken(path, "校验和不符，文件在传输中损坏或被改动")
    return manifest, head, body, payload_name


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


def read_package(path: Path, passphrase: str = "") -> RawPackage:
    """The manifest and payload of ``path``, after every check."""
    manifest, head, body, payload_name = _open(path)
    enc = manifest.get("encryption")
    if enc:
        if payload_name != "rows.bin":
            raise _broken(path, "加密内容缺失")
        if not passphrase:
            raise PassphraseError(f"同步包 {path.name} 已加密，请输入密码。")
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            key = _key(passphrase, base64.b64decode(enc["salt"]), enc["n"], enc["r"], enc["p"])
            body = AESGCM(key).decrypt(base64.b64decode(enc["nonce"]), body, head)
        except InvalidTag as exc:
            raise PassphraseError(
                f"无法解密同步包 {path.name}：密码错误，或文件已被改动。未做任何更改。"
            ) from exc
        except (KeyError, TypeError, ValueError) as exc:
            raise _broken(path, "加密参数无效") from exc
    elif payload_name != "rows.json":
        raise _broken(path, "内容与清单不符")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _broken(path, "数据无法读取") from exc
    if not isinstance(payload, dict) or payload.get("package_id") != manifest.get("package_id"):
        raise _broken(path, "数据与清单不符")
    return RawPackage(manifest, payload)
