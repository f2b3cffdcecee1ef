"""Trainers' keys baked into the installers: staged by make package, laid out by the spec where
the frozen app's pack store reads them, and trusted there with no prompt."""

from __future__ import annotations

import importlib.util
import json
import runpy
import shutil
import sys
import tomllib
import types
from pathlib import Path

import pytest
from pack_fixtures import BASE, build_pack, make_key

from jpbrief.cli import main
from jpbrief.core import paths

REPO = Path(__file__).parent.parent


def load_build_driver() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("jpbrief_package_build", REPO / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_spec(
    monkeypatch: pytest.MonkeyPatch, baked: Path, binaries: list[tuple[str, str, str]] | None = None,
    imports: dict[str, list[str]] | None = None,
) -> tuple[types.SimpleNamespace, list[tuple[str, str]], type]:
    """Run packaging/jpbrief.spec with stand-ins for PyInstaller's API: the Analysis it
    made (its ``binaries`` as the spec left them), the ``datas`` it handed PyInstaller, and
    the stand-in archive writer (the PYZ's compression level the spec set). ``imports``:
    what ``ldd`` would list for each binary's source path."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda _name: []  # type: ignore[attr-defined]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda path: [(name, None) for name in (imports or {}).get(path, [])]  # type: ignore[attr-defined]
    writers = types.ModuleType("PyInstaller.archive.writers")
    writer = type("ZlibArchiveWriter", (), {"_COMPRESSION_LEVEL": 6})
    writers.ZlibArchiveWriter = writer  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.depend", "PyInstaller.archive"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setitem(sys.modules, "PyInstaller.archive.writers", writers)
    monkeypatch.setenv("JPBRIEF_BAKED_KEYS_DIR", str(baked))
    seen: dict[str, list[tuple[str, str]]] = {}
    made = types.SimpleNamespace(binaries=list(binaries or []), datas=[], pure=[], scripts=[])

    def analysis(*_args: object, datas: list[tuple[str, str]], **_kwargs: object) -> types.SimpleNamespace:
        seen["datas"] = datas
        return made

    def stand_in(*_args: object, **_kwargs: object) -> None:
        return None

    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts the repository first
    runpy.run_path(str(REPO / "packaging" / "jpbrief.spec"), init_globals={
        "SPECPATH": str(REPO / "packaging"), "Analysis": analysis, "PYZ": stand_in, "EXE": stand_in,
        "COLLECT": stand_in,
    })
    return made, seen["datas"], writer


def spec_datas(monkeypatch: pytest.MonkeyPatch, baked: Path) -> list[tuple[str, str]]:
    """The ``datas`` packaging/jpbrief.spec hands PyInstaller."""
    return run_spec(monkeypatch, baked)[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the spec prunes libraries on Linux only")
def test_the_spec_keeps_only_libraries_something_bundled_loads(monkeypatch, tmp_path) -> None:
    """A library no extension module, Qt plugin or libpython needs (left by a dropped
    plugin) is not bundled; one needed through another library is; the PYZ is stored."""
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libfontconfig.so.1", "/src/libfontconfig.so.1", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("libz.so.1", "/src/libz.so.1", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),  # the GTK theme's, dropped
    ]
    imports = {  # ldd lists the whole closure
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6", "libfontconfig.so.1", "libc.so.6"],
        "/src/libqxcb.so": ["libxcb-cursor.so.0", "libQt6Gui.so.6"],
        "/src/libpython3.11.so.1.0": ["libz.so.1"],
        "/src/libcairo.so.2": ["libz.so.1"],
    }
    made, _datas, writer = run_spec(monkeypatch, tmp_path, binaries, imports)
    kept = [dest for dest, _src, _kind in made.binaries]
    assert kept == [dest for dest, _src, _kind in binaries if dest != "libcairo.so.2"]
    assert writer._COMPRESSION_LEVEL == 0  # type: ignore[attr-defined]


def frozen_layout(datas: list[tuple[str, str]], bundle: Path) -> Path:
    """What PyInstaller makes of ``datas`` in ``sys._MEIPASS`` (folders and single files)."""
    for source, destination in datas:
        source_path = Path(source)
        if source_path.is_dir():
            shutil.copytree(source_path, bundle / destination)
        else:
            (bundle / destination).mkdir(parents=True, exist_ok=True)
            shutil.copy(source_path, bundle / destination / source_path.name)
    return bundle


def test_make_package_stages_each_key_under_its_fingerprint(tmp_path):
    driver = load_build_driver()
    key = make_key(tmp_path)
    stage = tmp_path / "stage"
    assert driver.stage_trusted_keys([tmp_path / "trainer.key.pub"], stage) == [key.public.fingerprint]
    (staged,) = stage.glob("*.pub")
    assert staged.name == key.public.fingerprint.replace(" ", "").lower() + ".pub"


def test_make_package_refuses_a_file_that_is_not_a_public_key(tmp_path):
    driver = load_build_driver()
    make_key(tmp_path)
    with pytest.raises(SystemExit, match=r"trainer\.key: not a trainer's public key"):
        driver.stage_trusted_keys([tmp_path / "trainer.key"], tmp_path / "stage")  # the SECRET key


def test_frozen_app_trusts_the_baked_key_with_no_prompt(tmp_path, monkeypatch, capsys):
    driver = load_build_driver()
    key = make_key(tmp_path)
    stage = tmp_path / "stage"
    fingerprints = driver.stage_trusted_keys([tmp_path / "trainer.key.pub"], stage)
    bundle = frozen_layout(spec_datas(monkeypatch, stage), tmp_path / "frozen")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.content_dir() == bundle / "content"

    assert main(["pack", "keys", "--json"]) == 0
    listed = capsys.readouterr().out
    assert driver.trusted_key_problems(listed, fingerprints) == []
    assert [row["origin"] for row in json.loads(listed)] == ["installation"]

    pack = build_pack(tmp_path, key)
    assert main(["--content", str(BASE), "pack", "install", str(pack)]) == 0  # no --trust needed
    assert "installed updates 1.0" in capsys.readouterr().out
    assert not (paths.data_dir() / paths.TRUSTED_KEYS).exists()  # nothing was added to the user's keys


def test_the_smoke_check_notices_a_frozen_app_missing_its_baked_key():
    driver = load_build_driver()
    problems = driver.trusted_key_problems("[]", ["AAAA BBBB"])
    assert problems == ["the installed app trusts no keys, but ['AAAA BBBB'] were baked in"]


def test_the_wheel_carries_the_keys_folder_where_paths_reads_it():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    force = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force[paths.TRUSTED_KEYS] == f"jpbrief/_bundled/{paths.TRUSTED_KEYS}"
    assert force["content"] == "jpbrief/_bundled/content"
    assert (REPO / paths.TRUSTED_KEYS).is_dir()  # hatch refuses a missing force-include


def test_linux_registers_the_pack_file_type_the_desktop_entry_opens():
    import xml.etree.ElementTree as ET

    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(REPO / "packaging" / "linux" / "jpbrief-pack.xml").getroot().find("m:mime-type", namespace)
    assert mime is not None
    assert mime.find("m:glob", namespace).get("pattern") == "*.jpbpack"  # type: ignore[union-attr]
    desktop = (REPO / "packaging" / "linux" / "jpbrief.desktop").read_text(encoding="utf-8").splitlines()
    assert f"MimeType={mime.get('type')};" in desktop
    assert "Exec=/usr/bin/jpbrief %F" in desktop
    assert '"jpbrief-pack.xml", mime / "jpbrief.xml"' in (REPO / "packaging" / "build.py").read_text()
