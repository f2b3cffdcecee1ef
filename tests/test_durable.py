"""The one atomic-write helper: a reader sees the old file or the new, and nothing is left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jpbrief.core import durable


def test_atomic_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("old", encoding="utf-8")
    durable.atomic_write_text(target, "new\r\nline ends as given, ünïcode\n")
    assert target.read_bytes() == "new\r\nline ends as given, ünïcode\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.md"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "notes.journal"
    target.write_bytes(b"old")
    with pytest.raises(OSError, match="disk full"), durable.atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise OSError(28, "disk full")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.journal"]


def test_durable_writes_fsync_the_file_and_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    durable.atomic_write_bytes(tmp_path / "a", b"x")
    assert len(synced) == (2 if os.name == "posix" else 1)
    synced.clear()
    durable.atomic_write_bytes(tmp_path / "b", b"x", durable=False)  # a cache: no fsync
    assert synced == []
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes() == b"x"


def test_temporary_names_are_hidden_distinct_and_beside_the_target(tmp_path: Path) -> None:
    first, second = (durable.temp_path(tmp_path / "x.json") for _ in range(2))
    assert first != second and first.parent == tmp_path
    assert first.name.startswith(".x.json.") and first.name.endswith(".tmp")


def test_replace_file_moves_a_finished_file_over_the_target(tmp_path: Path) -> None:
    finished, target = tmp_path / "copy.tmp", tmp_path / "notes.sqlite3"
    finished.write_bytes(b"restored")
    target.write_bytes(b"damaged")
    durable.replace_file(finished, target)
    assert target.read_bytes() == b"restored" and not finished.exists()
