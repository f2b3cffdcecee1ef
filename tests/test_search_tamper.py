"""A planted index never runs code: it fails its seal check or its pickles are refused,
and it is rebuilt, with a message in the log, giving the same answers."""

from __future__ import annotations

import json
import logging
import os
import pickle
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_search_lifecycle import CONTENT, answers, clean_answers, library, published

from jpbrief.core.model import Library
from jpbrief.core.search import SearchIndex, safe_pickle, seal, store
from jpbrief.core.search.schema import build_schema

__all__ = ["clean_answers", "library"]  # fixtures shared with the lifecycle tests


class Payload:
    """Unpickling this creates ``marker``: what an attacker's code would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.marker, "w"))


def plant(directory: Path, marker: Path, where: str, *, keep_seal: bool = True) -> None:
    """Put ``Payload`` into the TOC's schema or segment list, or the directory of the
    compound segment file, then fix the CRC-32s."""
    if where == "segment file":
        [segment] = directory.glob("*.seg")
        data = bytearray(segment.read_bytes())
        planted = pickle.dumps(Payload(marker)) + pickle.dumps({})
        data[0:12] = struct.pack("!qi", len(data), len(planted))  # where the directory is
        segment.write_bytes(bytes(data) + planted)
        fix_checksums(directory, keep_seal)
        return
    from whoosh.fields import Schema
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    class PlantedSchema(Schema):
        def __reduce__(self) -> tuple[Any, ...]:
            return Payload(marker).__reduce__()

    storage = FileStorage(str(directory))
    [toc_name] = [p.name for p in directory.glob("_MAIN_*.toc")]
    generation = int(toc_name[len("_MAIN_") : -len(".toc")])
    toc = TOC.read(storage, "MAIN", generation, schema=build_schema())
    schema, segments = build_schema(), list(toc.segments)
    if where == "schema":
        planted = PlantedSchema()
        for name, field_type in schema.items():
            planted.add(name, field_type)
        schema = planted
    else:
        segments.insert(0, Payload(marker))
    (directory / toc_name).unlink()
    TOC(schema, segments, generation).write(storage, "MAIN")
    fix_checksums(directory, keep_seal)


def fix_checksums(directory: Path, keep_seal: bool) -> None:
    manifest = json.loads((directory / store.MANIFEST).read_text())
    manifest["files"] = store.file_checksums(directory)  # anyone can recompute these
    if not keep_seal:
        manifest.pop(seal.SEAL, None)
    (directory / store.MANIFEST).write_text(json.dumps(manifest))
    assert store.verify(directory, manifest) is None  # the CRC check alone passes


def test_the_payload_runs_when_unpickled_plainly(tmp_path: Path):
    marker = tmp_path / "marker"
    pickle.loads(pickle.dumps(Payload(marker))).close()
    assert marker.exists()  # so the tests below would notice it running


@pytest.mark.parametrize("where", ["schema", "segments", "segment file"])
@pytest.mark.parametrize("keyed", [True, False], ids=["sealed", "allowlist-only"])
def test_planted_toc_never_runs_and_is_rebuilt(
    where: str, keyed: bool, library: Library, clean_answers, tmp_path: Path, caplog
):
    root, marker = tmp_path / "ix", tmp_path / "marker"
    key_dir = tmp_path / "data" if keyed else None
    with SearchIndex(library, CONTENT, root, key_dir=key_dir) as index:
        index.ensure()
    tampered = published(root)
    plant(tampered, marker, where)
    with (
        caplog.at_level(logging.WARNING, logger="jpbrief"),
        SearchIndex(library, CONTENT, root, key_dir=key_dir) as index,
    ):
        info = index.ensure()
        assert answers(index) == clean_answers
    assert not marker.exists()
    if not keyed and where == "schema":  # the schema is never read: inert, no rebuild
        assert not info.built and info.path == tampered
        return
    assert info.built and info.path != tampered
    expected = "failed its seal check" if keyed else "cannot be opened"
    said = [r for r in caplog.records
            if expected in r.getMessage() and str(tampered) in r.getMessage()]
    assert len(said) == 1  # once: not again after taking the build lock


def test_an_unsealed_manifest_is_not_trusted(library: Library, clean_answers, tmp_path: Path):
    root, marker = tmp_path / "ix", tmp_path / "marker"
    with SearchIndex(library, CONTENT, root, key_dir=tmp_path / "data") as index:
        index.ensure()
    plant(published(root), marker, "segments", keep_seal=False)
    with SearchIndex(library, CONTENT, root, key_dir=tmp_path / "data") as index:
        assert index.ensure().built
        assert answers(index) == clean_answers
    assert not marker.exists()


def test_an_added_toc_generation_is_refused(library: Library, tmp_path: Path, caplog):
    root = tmp_path / "ix"
    with SearchIndex(library, CONTENT, root, key_dir=tmp_path / "data") as index:
        first = index.ensure().path
    assert first is not None
    (first / "_MAIN_9.toc").write_bytes(b"planted")
    with SearchIndex(library, CONTENT, root, key_dir=tmp_path / "data") as index:
        assert index.ensure().built
    assert any("does not list (_MAIN_9.toc)" in r.getMessage() for r in caplog.records)


def test_cli_search_on_a_planted_index(tmp_path: Path):
    env = {
        **os.environ,
        "JPBRIEF_CACHE_DIR": str(tmp_path / "cache"),
        "JPBRIEF_DATA_DIR": str(tmp_path / "data"),
    }

    def search() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "jpbrief", "search", "--json", "defence", "budget"],
            env=env, capture_output=True, text=True, timeout=300, check=False,
        )

    before = search()
    assert before.returncode == 0, before.stderr
    assert (tmp_path / "data" / seal.KEY_FILE).is_file()
    marker = tmp_path / "marker"
    tampered = published(tmp_path / "cache" / "search-index")
    plant(tampered, marker, "schema")
    after = search()
    assert after.returncode == 0, after.stderr
    assert not marker.exists()
    assert json.loads(after.stdout) == json.loads(before.stdout)
    assert published(tmp_path / "cache" / "search-index") != tampered
    assert "failed its seal check" in after.stderr


# --- the key ------------------------------------------------------------------------


def damage_key(path: Path, how: str) -> None:
    if how == "missing":
        path.unlink()
    elif how == "garbage":
        path.write_bytes(b"\xff\x00 not a key")
    elif how == "short":
        path.write_text("abcd\n")
    elif how == "open to others":
        path.chmod(0o644)
    elif how == "a directory":
        path.unlink()
        path.mkdir()


@pytest.mark.parametrize("how", ["missing", "garbage", "short", "open to others", "a directory"])
def test_a_missing_or_damaged_key_means_a_rebuild(
    how: str, library: Library, clean_answers, tmp_path: Path
):
    if how == "open to others" and sys.platform == "win32":
        pytest.skip("POSIX modes only")
    root, key_dir = tmp_path / "ix", tmp_path / "data"
    with SearchIndex(library, CONTENT, root, key_dir=key_dir) as index:
        index.ensure()
    key_file = key_dir / seal.KEY_FILE
    old_key = key_file.read_bytes()
    damage_key(key_file, how)
    with SearchIndex(library, CONTENT, root, key_dir=key_dir) as index:
        assert index.ensure().built
        assert answers(index) == clean_answers
    if how != "a directory":  # a directory in its place cannot be replaced by a file
        assert key_file.read_bytes() != old_key
        if sys.platform != "win32":
            assert key_file.stat().st_mode & 0o777 == 0o600
    with SearchIndex(library, CONTENT, root, key_dir=key_dir) as index:
        assert index.ensure().built == (how == "a directory")


def test_a_key_that_cannot_be_kept_still_checks(library: Library, clean_answers, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with SearchIndex(library, CONTENT, tmp_path / "ix", key_dir=blocker) as index:
        assert index.ensure().built and answers(index) == clean_answers
    with SearchIndex(library, CONTENT, tmp_path / "ix", key_dir=blocker) as index:
        assert index.ensure().built  # a per-process key cannot check another's seal


def test_the_key_is_made_once_with_owner_only_access(library: Library, tmp_path: Path):
    key_dir = tmp_path / "data"
    with SearchIndex(library, CONTENT, tmp_path / "ix", key_dir=key_dir) as index:
        index.ensure()
    key = (key_dir / seal.KEY_FILE).read_bytes()
    assert len(bytes.fromhex(key.decode().strip())) == seal.KEY_BYTES
    if sys.platform != "win32":
        assert (key_dir / seal.KEY_FILE).stat().st_mode & 0o777 == 0o600
    with SearchIndex(library, CONTENT, tmp_path / "ix", key_dir=key_dir) as index:
        assert not index.ensure().built
    assert (key_dir / seal.KEY_FILE).read_bytes() == key


# --- the allowlist ------------------------------------------------------------------


def test_the_restricted_unpickler_refuses_anything_else(tmp_path: Path):
    marker = tmp_path / "marker"
    with pytest.raises(pickle.UnpicklingError, match="never holds"):
        safe_pickle.loads(pickle.dumps(Payload(marker)))
    with pytest.raises(pickle.UnpicklingError, match="codec"):
        safe_pickle.loads(pickle.dumps(b"x", protocol=2).replace(b"latin1", b"rot_13"))
    assert not marker.exists()
    assert safe_pickle.loads(pickle.dumps((b"bytes", 1, "x"), protocol=2)) == (b"bytes", 1, "x")
    # b"" pickles as a call of bytes() with no argument: admitted, and only that
    assert safe_pickle.loads(pickle.dumps(("t", b"", 3, b""), protocol=2)) == ("t", b"", 3, b"")
    with pytest.raises(pickle.UnpicklingError, match="argument"):
        safe_pickle.loads(b"\x80\x02c__builtin__\nbytes\nK\x05\x85R.")  # bytes(5)


def test_no_whoosh_module_keeps_an_unrestricted_pickle_reader(library: Library, tmp_path):
    with SearchIndex(library, CONTENT, tmp_path / "ix", key_dir=tmp_path / "data") as index:
        answers(index)
    loaded = [name for name in sys.modules if name == "whoosh" or name.startswith("whoosh.")]
    assert "whoosh.codec.whoosh3" in loaded and "whoosh.filedb.compound" in loaded
    left = {
        name: safe_pickle.unrestricted(sys.modules[name])
        for name in loaded
        if sys.modules[name] is not None and safe_pickle.unrestricted(sys.modules[name])
    }
    assert left == {}


def test_the_reader_seals_its_index_with_the_data_folder_key(library: Library, tmp_path: Path):
    """The GUI and self-test build their index through ``default_index_factory``: it must be
    sealed with the key in the user data folder, not opened with the allowlist alone."""
    from jpbrief.core import paths
    from jpbrief.ui.ports import LaunchPaths
    from jpbrief.ui.services.search_service import default_index_factory

    where = LaunchPaths.default()  # what launch and the self-test hand the reader
    index = default_index_factory(CONTENT, library, tmp_path / "cache", key_dir=where.search_key)()
    try:
        index.ensure()
        assert index.key_dir == paths.data_dir()
        manifests = list((tmp_path / "cache").rglob(store.MANIFEST))
        assert manifests and all(seal.SEAL in json.loads(m.read_text()) for m in manifests)
    finally:
        index.close()
