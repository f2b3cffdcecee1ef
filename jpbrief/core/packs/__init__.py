"""Signed content packs: build, verify, install, remove, and merge them with the bundle.

A ``.jpbpack`` is a zip of ``manifest.json`` (every file's size and SHA-256, signed),
``manifest.json.minisig`` (a minisign-format Ed25519 signature) and ``content/``
(articles plus the sources, themes and glossary entries they need). Modules, one job each:

- :mod:`.signing`   keys, fingerprints, sign and verify (minisign formats)
- :mod:`.manifest`  the manifest record and its JSON
- :mod:`.archive`   reading a pack safely: listing, signature and trust before any file
- :mod:`.build`     making a pack from a content folder
- :mod:`.store`     installing and removing atomically in the user data folder; trusted keys
- :mod:`.merge`     the bundled library plus the installed packs as one Library

Importing this package imports nothing else: the reader's start-up calls only
:func:`state_key`, to key its library cache on the installed packs.
"""

from __future__ import annotations

import os
from pathlib import Path

STATE = "installed.json"
"""The packs folder's record of what is installed (see :mod:`.store`)."""


def state_key(packs_root: Path) -> str:
    """A token that changes whenever the installed packs change; "" when there are none.

    ``installed.json`` is replaced whole on every change, so its modification time and
    size identify the state without reading it through a parser or a hash.
    """
    try:
        info = os.stat(packs_root / STATE)
        if info.st_size < 64:
            with open(packs_root / STATE, "rb") as handle:
                if b'"packs": {}' in handle.read():
                    return ""
    except OSError:
        return ""
    return f"packs-{info.st_mtime_ns:x}-{info.st_size:x}"
