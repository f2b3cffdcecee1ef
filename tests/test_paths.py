"""One paths module finds content/ and resources/ from a checkout, a wheel and a frozen bundle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jpbrief.core import paths

REPO = Path(__file__).parent.parent


def test_checkout_layout_finds_the_repository_folders():
    assert paths.content_dir() == REPO / "content"
    assert paths.resources_dir() == REPO / "resources"


def test_environment_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("JPBRIEF_CONTENT", str(tmp_path / "c"))
    monkeypatch.setenv("JPBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("JPBRIEF_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("JPBRIEF_CONFIG_DIR", str(tmp_path / "config"))
    assert paths.content_dir() == tmp_path / "c"
    assert paths.cache_dir() == tmp_path / "cache"
    assert paths.data_dir() == tmp_path / "data"
    assert paths.config_dir() == tmp_path / "config"


def test_user_dirs_default_to_platform_dirs_under_home(isolated_user_dirs: Path, monkeypatch: pytest.MonkeyPatch):
    for name in ("JPBRIEF_CACHE_DIR", "JPBRIEF_DATA_DIR", "JPBRIEF_CONFIG_DIR"):
        monkeypatch.delenv(name)
    for folder in (paths.cache_dir(), paths.data_dir(), paths.config_dir()):
        assert folder.is_relative_to(isolated_user_dirs)
        assert folder.name == "jpbrief"


def test_frozen_bundle_layout_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "content").mkdir()
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.content_dir() == tmp_path / "content"
    assert paths.resources_dir() == tmp_path / "resources"


def test_installed_wheel_carries_content_and_resources(tmp_path: Path):
    """Build the wheel, install it into a bare folder, and ask paths from there."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(wheels), str(REPO)],
        check=True, timeout=300, capture_output=True,
    )
    (wheel,) = wheels.glob("jpbrief-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True, timeout=300, capture_output=True,
    )
    code = (
        f"import sys; sys.path.insert(0, {str(target)!r})\n"
        "from jpbrief.core import paths, content\n"
        "c = paths.content_dir(); print(c); print(paths.resources_dir())\n"
        "print(len(content.load_library(c).articles)); print(paths.trusted_keys_dirs()[-1])\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        check=True,
    )
    content_line, resources_line, count, keys_line = result.stdout.splitlines()
    assert content_line == str(target / "jpbrief" / "_bundled" / "content")
    assert resources_line == str(target / "jpbrief" / "_bundled" / "resources")
    assert int(count) >= 2
    assert keys_line == str(target / "jpbrief" / "_bundled" / "trusted_keys")  # baked trainers' keys
