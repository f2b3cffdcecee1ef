"""What packaging/jpbrief.spec leaves out of the installers must not be needed by jpbrief.

The spec excludes Python's OpenSSL bindings (ssl, _ssl, _hashlib: 5.7 MB with libssl and
libcrypto) to keep the unpacked build under its budget, and multiprocessing (its run-time
hook imported it on every start). hashlib and hmac then fall back to their built-in SHA-2
and BLAKE2; the pack signatures use cryptography's own OpenSSL; Whoosh wants
multiprocessing only for multi-process writers. Here a fresh interpreter is made to refuse
those modules, as the frozen app does, and signs and verifies a pack signature, seals and
checks a search index, builds and searches an index, and loads the reader's modules.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = r"""
import sys, tempfile
from pathlib import Path
for name in sys.argv[1:]:
    sys.modules[name] = None  # `import name` now raises ImportError, as in the frozen app

from jpbrief.core.packs import signing
key = signing.generate()
text = signing.sign(key, b"pack bytes", "trusted")
signing.verify(key.public, b"pack bytes", signing.parse_signature(text))
try:
    signing.verify(key.public, b"other bytes", signing.parse_signature(text))
except signing.SignatureError:
    pass
else:
    raise SystemExit("a wrong message verified")

from jpbrief.core.search import seal
with tempfile.TemporaryDirectory() as tmp:
    folder = Path(tmp) / "index"
    folder.mkdir()
    (folder / "a.seg").write_bytes(b"postings")
    manifest = {"files": {"a.seg": 8}}
    secret = seal.load_key(Path(tmp) / "key")
    manifest[seal.SEAL] = seal.sign(folder, manifest, secret)
    assert seal.check(folder, manifest, secret) is None
    (folder / "a.seg").write_bytes(b"changed!")
    assert seal.check(folder, manifest, secret) is not None

from jpbrief.core.content import load_library
from jpbrief.core.search.engine import SearchIndex
library = load_library(Path("tests/fixtures/library"))
with tempfile.TemporaryDirectory() as tmp, SearchIndex(library, Path("tests/fixtures/library"), Path(tmp)) as index:
    index.ensure()  # builds, seals and publishes an index
    assert index.search("JSDF").hits

import jpbrief.cli, jpbrief.core.notes, jpbrief.ui.app  # noqa: F401
print("ok")
"""


def excluded_modules() -> list[str]:
    """The EXCLUDED_MODULES list of the spec, read as Python (the spec needs PyInstaller to run)."""
    tree = ast.parse((REPO / "packaging" / "jpbrief.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "EXCLUDED_MODULES" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError("packaging/jpbrief.spec has no EXCLUDED_MODULES list")


def test_the_spec_excludes_the_openssl_bindings_and_multiprocessing() -> None:
    assert {"ssl", "_ssl", "_hashlib", "multiprocessing"} <= set(excluded_modules())


def test_signing_sealing_and_the_reader_work_without_what_the_spec_excludes(tmp_path: Path) -> None:
    blocked = [m for m in excluded_modules() if not m.startswith("PySide6.")]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *blocked], capture_output=True, text=True, timeout=120,
        cwd=REPO, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
