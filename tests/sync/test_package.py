"""Package files: damaged, truncated, foreign or tampered files and wrong passphrases are
refused with a Chinese message, and nothing changes."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.sync.errors import PackageError, PassphraseError, SyncError
from jianan_desk.sync.package import is_encrypted
from jianan_desk.sync.service import export_package, import_package, preview_package
from tests.sync.helpers import snapshot


@pytest.fixture
def package(office, tmp_path):
    with office.session() as s:
        create_project(
            s, ProjectInput(name="发制品跨境电商项目", total_investment_wan="2亿"), "张三"
        )
    target = tmp_path / "office.jdsync"
    export_package(office, target)
    return target


def _refused(db, path, error=PackageError, passphrase=""):
    before = snapshot(db)
    with pytest.raises(error) as info:
        import_package(db, path, passphrase=passphrase, backup=False)
    assert snapshot(db) == before
    message = str(info.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)  # Chinese
    return message


def test_a_good_package_previews_then_imports(laptop, package):
    before = snapshot(laptop)
    preview = preview_package(laptop, package)
    assert preview.created["项目"] == 1 and "产业体系节点" not in preview.created
    assert snapshot(laptop) == before  # a preview changes nothing
    result, _ = import_package(laptop, package, backup=False)
    assert result.created == preview.created


def test_truncated_file_is_refused(laptop, package, tmp_path):
    data = package.read_bytes()
    for cut in (len(data) // 3, len(data) - 10):
        broken = tmp_path / f"cut{cut}.jdsync"
        broken.write_bytes(data[:cut])
        assert "损坏" in _refused(laptop, broken)


def _checksum(parts):
    """The checksum as the writer computes it (manifest, then each entry's name and bytes)."""
    digest = hashlib.sha256(parts["manifest.json"])
    for name, body in parts.items():
        if name not in ("manifest.json", "checksum.sha256"):
            digest.update(b"\x00" + name.encode() + b"\x00" + body)
    return digest.hexdigest()


def test_tampered_rows_are_refused(laptop, package, tmp_path):
    with zipfile.ZipFile(package) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    rows = "tables/projects.jsonl"
    assert "发制品".encode() in parts[rows]
    parts[rows] = parts[rows].replace("发制品".encode(), "假发品".encode())
    tampered = tmp_path / "tampered.jdsync"
    with zipfile.ZipFile(tampered, "w") as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    assert "校验和" in _refused(laptop, tampered)


def test_foreign_files_are_refused(laptop, tmp_path):
    text = tmp_path / "notes.jdsync"
    text.write_text("不是同步包", encoding="utf-8")
    _refused(laptop, text)
    other = tmp_path / "other.jdsync"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "something-else"}))
    assert "不是建安招商台同步包" in _refused(laptop, other)
    with pytest.raises(SyncError, match="不存在"):
        import_package(laptop, tmp_path / "missing.jdsync", backup=False)


def test_own_package_is_refused(office, package):
    _refused(office, package, error=SyncError)


def test_encrypted_package_needs_the_right_passphrase(office, laptop, tmp_path):
    target = tmp_path / "secret.jdsync"
    export_package(office, target, passphrase="建安2022")
    assert is_encrypted(target)
    with zipfile.ZipFile(target) as zf:
        for name in zf.namelist():
            assert "建安".encode() not in zf.read(name)
            assert "产业".encode() not in zf.read(name)
    assert "请输入密码" in _refused(laptop, target, error=PassphraseError)
    assert "密码错误" in _refused(laptop, target, error=PassphraseError, passphrase="wrong")
    import_package(laptop, target, passphrase="建安2022", backup=False)


def test_encrypted_package_tampered_is_refused(office, laptop, tmp_path):
    target = tmp_path / "secret.jdsync"
    export_package(office, target, passphrase="pw")
    with zipfile.ZipFile(target) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    body = bytearray(parts["tables/industry_nodes.jsonl"])
    body[len(body) // 2] ^= 0x01
    parts["tables/industry_nodes.jsonl"] = bytes(body)
    parts["checksum.sha256"] = _checksum(parts).encode()
    tampered = tmp_path / "tampered.jdsync"
    with zipfile.ZipFile(tampered, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    _refused(laptop, tampered, error=PassphraseError, passphrase="pw")


def test_encrypted_package_with_a_chunk_cut_off_is_refused(office, laptop, tmp_path):
    """Dropping the last sealed chunk of an entry (and fixing the checksum) is noticed."""
    target = tmp_path / "secret.jdsync"
    export_package(office, target, passphrase="pw")
    with zipfile.ZipFile(target) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["tables/industry_nodes.jsonl"] = b""
    parts["checksum.sha256"] = _checksum(parts).encode()
    cut = tmp_path / "cut.jdsync"
    with zipfile.ZipFile(cut, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    _refused(laptop, cut, error=SyncError, passphrase="pw")


def test_a_package_of_an_older_format_is_refused_in_chinese(laptop, tmp_path):
    old = tmp_path / "old.jdsync"
    with zipfile.ZipFile(old, "w") as zf:
        zf.writestr(
            "manifest.json", json.dumps({"format": "jianan-desk-sync", "format_version": 1})
        )
    assert "其他版本" in _refused(laptop, old)


def test_rows_stream_from_the_package_in_batches(office, tmp_path, monkeypatch):
    """The rows are JSON lines per table; export and import report their progress and never
    hold more than a batch: a package of many rows is written in several batches."""
    from jianan_desk.sync import engine

    monkeypatch.setattr(engine, "EXPORT_BATCH", 7)
    seen: list[tuple[int, int]] = []
    target = tmp_path / "full.jdsync"
    result = export_package(office, target, progress=lambda d, t: seen.append((d, t)))
    assert len(seen) > 5 and seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    with zipfile.ZipFile(target) as zf:
        lines = zf.read("tables/industry_nodes.jsonl").decode().splitlines()
    assert len(lines) == result.counts["产业体系节点"] > 7
    assert all(json.loads(line)[0] for line in lines)
