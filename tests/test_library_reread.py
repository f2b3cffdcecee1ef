"""A library read again in a session (a save, F5, a content pack) goes through the start-up
cache, as a first start does: parsed, cached, read back; the generations it replaces stay
until the reader quits, then go with the folders of earlier pack states."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pack_fixtures import BASE, build_pack, make_key, store_for

from jpbrief.core import deferred, paths
from jpbrief.core.content import load_library
from jpbrief.ui.services import library_cache


def _generations(root: Path) -> set[str]:
    return {p.name for p in root.iterdir() if library_cache.HTML_DIR.fullmatch(p.name)}


def _named(root: Path) -> str:
    return json.loads((root / library_cache.FILE_NAME).read_text(encoding="utf-8"))["html"]


def test_a_reload_reads_the_library_back_and_the_next_start_finds_it(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    library = library_cache.reread(BASE, packs)
    assert library.articles and all(
        isinstance(a, deferred.DeferredArticle) and not a.decoded for a in library.articles)
    fresh = load_library(BASE)
    assert [a.passages for a in library.articles] == [a.passages for a in fresh.articles]
    assert library.themes == fresh.themes and library.problems == fresh.problems
    root = library_cache.startup_root(packs)
    assert root == paths.cache_dir() / "startup"  # no pack installed: the plain start-up cache
    assert library_cache.load(BASE, root) is not None  # what the next start reads


def test_a_reload_keeps_the_generation_the_replaced_library_reads_until_prune(tmp_path: Path, capsys) -> None:
    content, packs = tmp_path / "content", tmp_path / "packs"
    shutil.copytree(BASE, content)
    before = library_cache.reread(content, packs)
    first = before.articles[0]
    assert isinstance(first, deferred.DeferredArticle) and not first.decoded
    after = library_cache.reread(content, packs)
    root = library_cache.startup_root(packs)
    assert len(_generations(root)) == 2
    expected = after.articles[0].passages
    stamp = library_cache.fingerprint(content)
    Path(first.path).unlink()  # read from its Markdown, the article would now have no text
    assert first.passages == expected  # from the earlier generation, still there
    assert "cannot be used" not in capsys.readouterr().err

    library_cache.prune(packs)
    assert _generations(root) == {_named(root)}  # the one the next start reads
    assert library_cache.load(content, root, stamp) is not None


def test_prune_removes_the_caches_of_earlier_pack_states(tmp_path: Path) -> None:
    key = make_key(tmp_path)
    store = store_for(tmp_path / "home")
    base = paths.cache_dir() / "startup"
    library_cache.reread(BASE, store.root)  # no pack yet: the plain start-up cache
    store.install(build_pack(tmp_path, key), trust=True)
    installed = library_cache.reread(BASE, store.root)
    assert "gamma" in [a.id for a in installed.articles]
    current = library_cache.startup_root(store.root)
    assert current.parent == base and library_cache.STATE_DIR.fullmatch(current.name)
    earlier = base / "packs-1a2b-40"  # a state before this one: no start reads it again
    (earlier / "html-0123456789abcdef").mkdir(parents=True)
    unrelated = base / "notes"  # not a cache this module made: left alone
    unrelated.mkdir()

    library_cache.prune(store.root)
    assert not earlier.exists() and unrelated.is_dir()
    assert library_cache.load(BASE, current) is not None
    assert library_cache.load(BASE, base) is not None  # the state without packs comes back


def test_prune_leaves_a_folder_whose_cache_it_cannot_read(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    library_cache.reread(BASE, packs)
    library_cache.reread(BASE, packs)
    root = library_cache.startup_root(packs)
    (root / library_cache.FILE_NAME).write_text("{", encoding="utf-8")
    library_cache.prune(packs)
    assert len(_generations(root)) == 2  # which one a reader uses is not known: none removed


@pytest.mark.parametrize("path", ["reload", "pack"])
def test_the_reader_reloads_through_the_cache(tmp_path: Path, path: str) -> None:
    """View ▸ Reload (and live preview), and a content pack installed or removed."""
    from jpbrief.ui.controllers.packs import reload_library
    from jpbrief.ui.controllers.reload import load_with_packs

    if path == "reload":
        library = load_with_packs(BASE)
        root = library_cache.startup_root(paths.packs_dir())
    else:
        store = store_for(tmp_path / "home")
        library = reload_library(store, BASE, load_library(BASE)).library
        root = library_cache.startup_root(store.root)
    assert library is not None and all(isinstance(a, deferred.DeferredArticle) for a in library.articles)
    assert library_cache.load(BASE, root) is not None


QUIT_AT_FIRST_PAINT = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from jpbrief.ui.widgets import reader

paint = reader.ReaderView.paintEvent

def first_paint(self, event):
    paint(self, event)
    QTimer.singleShot(0, QApplication.instance().quit)

reader.ReaderView.paintEvent = first_paint
from jpbrief.ui.launch import run
sys.exit(run(Path(sys.argv[1])))
"""


def test_the_reader_prunes_the_start_up_caches_when_it_quits(tmp_path: Path) -> None:
    earlier = paths.cache_dir() / "startup" / "packs-1a2b-40" / "html-0123456789abcdef"
    earlier.mkdir(parents=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", QUIT_AT_FIRST_PAINT, str(BASE)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not earlier.parent.exists()
    assert library_cache.load(BASE, paths.cache_dir() / "startup") is not None  # the one it read
