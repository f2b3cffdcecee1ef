"""Issue 12, silent failure 2: ``make package`` checks the content strictly before it builds.

A trainer's article that does not load, or a one-way cross-reference, must stop the build
before any installer is made; a clean folder lets it go on.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).parent.parent


def _build_module(root: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("jpbrief_packaging_build", REPO / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", root)
    built: list[object] = []
    monkeypatch.setattr(module, "build_once", lambda *args: built.append(args) or [])
    monkeypatch.setattr(module, "source_date_epoch", lambda: 0)
    module.built = built  # type: ignore[attr-defined]
    return module


@pytest.fixture
def root(tmp_path: Path, fixture_library_dir: Path) -> Path:
    shutil.copytree(fixture_library_dir, tmp_path / "content")
    return tmp_path


def test_a_warning_stops_the_build_before_anything_is_built(root: Path, monkeypatch, capsys) -> None:
    gamma = root / "content" / "articles" / "gamma.md"
    gamma.write_text("---\nid: gamma\ntitle: T\n---\n\nText.\n{: #a see=\"beta#dicas-forum\"}\n", encoding="utf-8")
    build = _build_module(root, monkeypatch)
    monkeypatch.setattr("sys.argv", ["build.py"])
    with pytest.raises(SystemExit, match="check --strict found problems"):
        build.main()
    assert build.built == []
    assert "warning: cross-reference to beta#dicas-forum is one-way" in capsys.readouterr().err


def test_a_clean_folder_passes_the_check(root: Path, monkeypatch) -> None:
    build = _build_module(root, monkeypatch)
    build.check_content_strictly()  # returns: nothing to refuse
