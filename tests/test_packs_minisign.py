"""Content-pack signatures interoperate with the real minisign, both ways.

``.ci/run`` installs minisign (Debian package ``minisign``): these tests fail, never
skip, without it, because "checkable with common tools" is a promise to recipients.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pack_fixtures import build_pack, make_key

from jpbrief.core.packs import signing
from jpbrief.core.packs.archive import PackError
from jpbrief.core.packs.store import PackStore

MINISIGN = shutil.which("minisign") or "minisign"


def minisign(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MINISIGN, *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, check=False)


def unpack_manifest(pack: Path, folder: Path) -> None:
    with zipfile.ZipFile(pack) as bundle:
        for name in ("manifest.json", "manifest.json.minisig"):
            (folder / name).write_bytes(bundle.read(name))


def test_minisign_verifies_our_pack_signature_and_rejects_a_changed_manifest(tmp_path):
    key = make_key(tmp_path)
    unpack_manifest(build_pack(tmp_path, key, "3.1"), tmp_path)
    done = minisign("-Vm", "manifest.json", "-p", "trainer.key.pub", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Trusted comment: jpbrief pack updates 3.1" in done.stdout
    manifest = tmp_path / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"3.1"', b'"9.9"'))
    assert minisign("-Vm", "manifest.json", "-p", "trainer.key.pub", cwd=tmp_path).returncode == 1


def test_we_verify_minisign_signatures_prehashed_and_legacy(tmp_path):
    made = minisign("-G", "-W", "-p", "m.pub", "-s", "m.key", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    message = tmp_path / "briefing.txt"
    message.write_bytes("防衛 briefing\n".encode() * 100)
    public = signing.parse_public_key((tmp_path / "m.pub").read_text())
    for extra in ((), ("-l",)):
        signed = minisign("-S", *extra, "-s", "m.key", "-m", "briefing.txt", "-t", "trusted words",
                          cwd=tmp_path)
        assert signed.returncode == 0, signed.stderr
        signature = signing.parse_signature((tmp_path / "briefing.txt.minisig").read_text())
        assert signature.algorithm == (b"Ed" if extra else b"ED")
        assert signature.trusted_comment == "trusted words"
        signing.verify(public, message.read_bytes(), signature)
        with pytest.raises(signing.SignatureError):
            signing.verify(public, message.read_bytes() + b"!", signature)


def test_minisign_signs_with_our_secret_key_and_we_sign_with_its(tmp_path):
    ours = make_key(tmp_path, "ours.key")
    (tmp_path / "note.txt").write_text("hello\n", encoding="utf-8")
    signed = minisign("-S", "-W", "-s", "ours.key", "-m", "note.txt", cwd=tmp_path)
    assert signed.returncode == 0, signed.stderr
    signing.verify(ours.public, b"hello\n",
                   signing.parse_signature((tmp_path / "note.txt.minisig").read_text()))

    assert minisign("-G", "-W", "-p", "theirs.pub", "-s", "theirs.key", cwd=tmp_path).returncode == 0
    theirs = signing.parse_secret_key((tmp_path / "theirs.key").read_text())
    assert theirs.public == signing.parse_public_key((tmp_path / "theirs.pub").read_text())
    pack = build_pack(tmp_path, theirs, "1.0")
    unpack_manifest(pack, tmp_path)
    assert minisign("-Vm", "manifest.json", "-p", "theirs.pub", cwd=tmp_path).returncode == 0
    store = PackStore(tmp_path / "packs", [tmp_path / "keys"])
    with pytest.raises(PackError, match="not trusted"):
        store.install(pack)
    store.trust(signing.parse_public_key((tmp_path / "theirs.pub").read_text()))
    assert store.install(pack).action == "installed"


def test_a_password_protected_minisign_key_is_refused_with_advice():
    blob = bytearray(base64.b64decode(signing.generate().to_text().split("\n")[1]))
    blob[2:4] = b"Sc"
    with pytest.raises(signing.SignatureError, match="minisign -C"):
        signing.parse_secret_key(f"untrusted comment: k\n{base64.b64encode(bytes(blob)).decode()}\n")
