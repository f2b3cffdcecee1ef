"""Real keys, real content folders and real (or deliberately broken) packs for the pack tests.

The base library a pack joins in these tests is the fixture library
(``tests/fixtures/library``); :func:`pack_source` is a copy of it plus two new articles
that cross-reference each other and cite a new source and a fixture source.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

from jpbrief.core.packs import manifest as mf
from jpbrief.core.packs import signing
from jpbrief.core.packs.build import PackInfo, build
from jpbrief.core.packs.store import PackStore

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "library"

GAMMA = """---
id: gamma
title: "Gamma: a new briefing"
author: Gail Writer
publisher: Test Press
published: 2025-01-15
---

Japan's JSDF train with partners on counterstrike.[^1]
{: #gamma-open themes="counterstrike" see="delta#delta-open"}

{extra}The forum on supply chains met again in the Diet.[^2]
{: #{anchor} themes="economic-security"}

[^1]: new-report
[^2]: api-survey
"""

DELTA = """---
id: delta
title: "Delta: the follow-up"
author: null
publisher: Test Press
published: 2025-02-01
---

A follow-up on counterstrike training.[^1]
{: #delta-open themes="counterstrike" see="gamma#gamma-open"}

[^1]: new-report
"""

NEW_SOURCE = """  - id: new-report
    citation: 'Test Institute. "A New Report." January 2025.'
    kind: think-tank
    authors: [R. Searcher]
    title: A New Report
    publisher: Test Institute
    date: 2025-01
    accessed: null
    url: null
"""


def pack_source(folder: Path, *, anchor: str = "gamma-forum", extra: str = "") -> Path:
    """A trainer's content folder: the fixture library plus ``gamma`` and ``delta``."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(BASE, folder)
    body = GAMMA.replace("{anchor}", anchor).replace("{extra}", extra)
    (folder / "articles" / "gamma.md").write_text(body, encoding="utf-8")
    (folder / "articles" / "delta.md").write_text(DELTA, encoding="utf-8")
    with (folder / "sources.yaml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_SOURCE)
    return folder


def make_key(folder: Path, name: str = "trainer.key") -> signing.SecretKey:
    key = signing.generate()
    signing.write_key_pair(key, folder / name)
    return key


def build_pack(tmp: Path, key: signing.SecretKey, version: str = "1.0", *, pack_id: str = "updates",
               anchor: str = "gamma-forum", extra: str = "", name: str | None = None) -> Path:
    """A real pack of ``gamma`` and ``delta`` at ``version``."""
    source = pack_source(tmp / f"source-{pack_id}-{version}", anchor=anchor, extra=extra)
    output = tmp / (name or f"{pack_id}-{version}.jpbpack")
    build(source, output, key, PackInfo(pack_id, version, f"Updates {version}", "Test Trainer",
                                        f"version {version}"),
          articles=["gamma", "delta"], bundle_dir=BASE)
    return output


def store_for(home: Path) -> PackStore:
    return PackStore(home / "packs", [home / "trusted_keys"])


def members(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(pack: Path, contents: dict[str, bytes], target: Path | None = None) -> Path:
    """``pack`` rewritten with ``contents`` (same names, order kept, new bytes)."""
    target = target or pack
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return target


def signed_pack(target: Path, key: signing.SecretKey, entries: list[tuple[zipfile.ZipInfo | str, bytes]],
                listed: dict[str, bytes] | None = None, pack_id: str = "hostile") -> Path:
    """A correctly signed pack whose manifest lists ``listed`` (default: every entry),
    written with the given raw zip entries: the signature is fine, the listing is not."""
    listed = listed if listed is not None else {
        (e.filename if isinstance(e, zipfile.ZipInfo) else e): data for e, data in entries
    }
    public = key.public
    manifest = mf.Manifest(
        id=pack_id, version="1.0", title="Hostile", publisher=None, date="2026-01-01", changelog="",
        fingerprint=public.fingerprint, public_key=public.to_text().split("\n")[1],
        articles=tuple(mf.ArticleEntry("x", "X", name) for name in listed if name.endswith(".md"))[:1],
        files=tuple(mf.FileEntry(name, len(data), hashlib.sha256(data).hexdigest())
                    for name, data in listed.items()),
    )
    manifest_bytes = manifest.to_json()
    signature = signing.sign(key, manifest_bytes, "hostile").encode()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(mf.MANIFEST, manifest_bytes)
        archive.writestr(mf.SIGNATURE, signature)
        for entry, data in entries:
            archive.writestr(entry, data)
    return target
