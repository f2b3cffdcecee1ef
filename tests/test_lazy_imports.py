"""What the reader opens right after its first paint (the notes store, the packs folder's
watcher) must not drag in libraries only an export or a pack's verification needs: each
is megabytes of resident memory for the rest of the session (measured: Markdown and YAML
through the notes' exchange module about 9 MB, cryptography about 8 MB, OpenSSL's libcrypto through hashlib about 5 MB)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
import jpbrief.core.notes, jpbrief.core.packs.store
print(json.dumps(sorted(m for m in sys.argv[1:] if m in sys.modules)))
"""


def test_notes_store_and_pack_store_load_without_export_or_crypto_libraries() -> None:
    heavy = ["markdown", "yaml", "cryptography", "jpbrief.core.content",
             "_hashlib"]  # OpenSSL's libcrypto behind hashlib and hmac (secrets): about 5 MB
    done = subprocess.run([sys.executable, "-c", PROBE, *heavy], capture_output=True, text=True,
                          timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_signing_still_signs_and_verifies_with_its_library_loaded_on_use() -> None:
    from jpbrief.core.packs import signing

    key = signing.generate()
    text = signing.sign(key, b"message", "trusted")
    signature = signing.parse_signature(text)
    signing.verify(key.public, b"message", signature)  # raises if it does not verify
    assert not key.public.verify_raw(signature.signature, b"other message")
