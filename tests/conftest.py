"""Test configuration: offscreen Qt, and no test ever touches the real home directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point HOME, the XDG dirs and jpbrief's own dirs at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("JPBRIEF_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("JPBRIEF_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("JPBRIEF_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("JPBRIEF_CONTENT", raising=False)
    monkeypatch.setenv("JPBRIEF_LANG", "en")  # the interface in English unless a test asks otherwise
    return home


_english_installed = False


@pytest.fixture(autouse=True)
def english_interface(request: pytest.FixtureRequest) -> None:
    """Widgets tested on their own speak English with its plural forms ("1 figure", "2 figures"),
    as in the app, which installs the interface's catalogue when it starts (compiled here
    when stale, as `make` does)."""
    global _english_installed
    if _english_installed or not {"qtbot", "qapp"} & set(request.fixturenames):
        return
    from jpbrief.ui import i18n, i18n_catalog

    for ts in i18n_catalog.CATALOGUE.glob("jpbrief_*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            i18n_catalog.lrelease(ts, qm)
    i18n.install(request.getfixturevalue("qapp"), REPO / "resources", "en")
    _english_installed = True


@pytest.fixture
def fixture_library_dir() -> Path:
    """A small, valid content folder with two articles, footnotes and cross-references."""
    return FIXTURES / "library"


@pytest.fixture
def content_copy(tmp_path: Path, fixture_library_dir: Path) -> Path:
    """A writable copy of the fixture content folder, for tests that break it."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(fixture_library_dir, target)
    return target


@pytest.fixture
def noted_app(qtbot, tmp_path: Path):
    """The reader on the test library with a notes store of its own, once it is open."""
    from test_ui_support import build_app, close_app

    from jpbrief.core.notes import NotesStore

    db = tmp_path / "data" / "notes.sqlite3"
    app = build_app(qtbot, tmp_path / "config", tmp_path / "index", start=False)
    app.annotations.factory = lambda: NotesStore(db, auto_backup=False)
    app.start()
    qtbot.waitUntil(lambda: app.annotations.notes is not None, timeout=10000)  # opened after first paint
    yield app
    close_app(app)
