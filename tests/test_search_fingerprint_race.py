"""A save that lands between loading the library and fingerprinting its index must not
publish the older library's index under the newer files' fingerprint (live preview)."""

from __future__ import annotations

import shutil
from pathlib import Path

from jpbrief.core.content import load_library
from jpbrief.core.search import SearchIndex
from jpbrief.core.search.fingerprint import fingerprint


def test_an_index_of_an_older_library_is_not_served_for_the_newer_files(tmp_path: Path, fixture_library_dir: Path):
    content = Path(shutil.copytree(fixture_library_dir, tmp_path / "content"))
    older = load_library(content)  # the reader has read the folder...
    alpha = content / "articles" / "alpha.md"
    alpha.write_text(_with_new_passage(alpha), encoding="utf-8")  # ...then a save lands
    assert fingerprint(older, content) != fingerprint(load_library(content), content)
    with SearchIndex(older, content, tmp_path / "index", key_dir=tmp_path / "key") as stale:
        stale.search("alpha")
    with SearchIndex(load_library(content), content, tmp_path / "index", key_dir=tmp_path / "key") as newer:
        assert [hit.anchor for hit in newer.search("zanzibarish").hits] == ["added"]


def _with_new_passage(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    body = text.index("\n---\n", 4) + len("\n---\n")
    return f"{text[:body]}\nZanzibarish words.\n{{: #added}}\n{text[body:]}"
