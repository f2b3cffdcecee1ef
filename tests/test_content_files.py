"""Links, loops and stray files in a content folder: the loader and both fingerprints read
only the files the loader reads, follow no link out of the folder, and never walk a loop."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path

import pytest
from hostile_inputs import run_guarded

from jpbrief.core.content import load_library
from jpbrief.core.search import fingerprint
from jpbrief.ui.services import library_cache

OUTSIDE_ARTICLE = "---\nid: outsider\ntitle: Outside\n---\n\nRead from outside the folder.\n"


def _fingerprints(content: Path) -> tuple[str, str]:
    library = load_library(content)
    return library_cache.fingerprint(content), fingerprint.fingerprint(library, content)


def test_symlink_loops_in_the_content_folder_do_not_trap_the_fingerprints(content_copy: Path):
    """Before: os.walk(followlinks=True) descended loop1/loop2/loop1/… for ever (a hang guard)."""
    for folder in (content_copy, content_copy / "articles"):
        (folder / "loop1").symlink_to(".")
        (folder / "loop2").symlink_to(".")
    (content_copy / "articles" / "self.md").symlink_to("self.md")
    code = (
        "import sys; from pathlib import Path\n"
        "from jpbrief.core.content import load_library\n"
        "from jpbrief.core.search import fingerprint\n"
        "from jpbrief.ui.services import library_cache\n"
        "content = Path(sys.argv[1]); library = load_library(content)\n"
        "library_cache.fingerprint(content); fingerprint.fingerprint(library, content)\n"
        "print(sorted(a.id for a in library.articles))\n"
        "print([(Path(p.path).name, p.message) for p in library.problems])\n"
    )
    ids, problems = run_guarded(code, str(content_copy), timeout=60).splitlines()
    assert ids == "['alpha', 'beta']"
    assert "('self.md', 'a symbolic link loop; not read')" in problems


def test_an_article_linked_from_outside_the_folder_is_reported_not_read(tmp_path: Path, content_copy: Path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text(OUTSIDE_ARTICLE, encoding="utf-8")
    (content_copy / "articles" / "zz.md").symlink_to(outside)
    (content_copy / "articles" / "passwd.md").symlink_to("/etc/passwd")
    library = load_library(content_copy)
    assert {a.id for a in library.articles} == {"alpha", "beta"}
    for name in ("zz.md", "passwd.md"):
        [problem] = [p for p in library.problems if p.path.endswith(name)]
        assert problem.line == 1 and "outside the content folder; not read" in problem.message
        assert str(content_copy / "articles" / name) in library.skipped
    assert not any("passwd" in p.message and "root" in p.message for p in library.problems)


def test_a_link_that_stays_inside_the_folder_is_read(content_copy: Path):
    drafts = content_copy / "drafts"
    drafts.mkdir()
    (drafts / "inside.md").write_text(OUTSIDE_ARTICLE.replace("outsider", "inside"), encoding="utf-8")
    (content_copy / "articles" / "inside.md").symlink_to("../drafts/inside.md")
    library = load_library(content_copy)
    assert "inside" in {a.id for a in library.articles}
    assert not [p for p in library.problems if p.path.endswith("inside.md")]


def test_linked_folders_and_data_files_out_of_the_folder_are_refused(tmp_path: Path, content_copy: Path):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "articles").mkdir(parents=True)
    (elsewhere / "articles" / "outsider.md").write_text(OUTSIDE_ARTICLE, encoding="utf-8")
    (elsewhere / "glossary.yaml").write_text("acronyms:\n  - term: X\n    expansion: Outside\n", encoding="utf-8")
    (content_copy / "articles").rename(content_copy / "kept")
    (content_copy / "articles").symlink_to(elsewhere / "articles")
    (content_copy / "glossary.yaml").unlink()
    (content_copy / "glossary.yaml").symlink_to(elsewhere / "glossary.yaml")
    library = load_library(content_copy)
    assert library.articles == () and library.glossary.acronyms == ()
    refused = {Path(p.path).name for p in library.problems if "outside the content folder" in p.message}
    assert refused == {"articles", "glossary.yaml"}
    assert not any("not found" in p.message for p in library.problems if p.path.endswith("articles"))


def test_a_content_folder_reached_through_a_link_still_loads(tmp_path: Path, content_copy: Path):
    link = tmp_path / "linked-content"
    link.symlink_to(content_copy)
    library = load_library(link)
    assert {a.id for a in library.articles} == {"alpha", "beta"} and library.problems == ()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path opened through open(), io.open() or os.open() while the test runs."""
    seen: list[str] = []
    real_open, real_os_open = io.open, os.open

    def spy(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else repr(file))
        return real_open(file, *args, **kwargs)

    def os_spy(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(os.fspath(path))
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(os, "open", os_spy)
    return seen


def test_a_stray_large_file_is_never_opened_nor_fingerprinted(content_copy: Path, opened: list[str]):
    """Before: both fingerprints hashed or stat'ed every file; the index read each one whole."""
    stray = content_copy / "stray.bin"
    with stray.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: takes no disk space
    (content_copy / "articles" / "notes.txt").write_text("not an article", encoding="utf-8")
    before = _fingerprints(content_copy)
    with stray.open("r+b") as handle:
        handle.truncate(3 * 1024**3)
    (content_copy / "articles" / "notes.txt").write_text("still not an article", encoding="utf-8")
    opened.clear()
    after = _fingerprints(content_copy)
    assert after == before
    assert not [path for path in opened if path.endswith(("stray.bin", "notes.txt"))]


def test_an_oversize_article_is_read_only_up_to_the_cap(content_copy: Path, monkeypatch: pytest.MonkeyPatch):
    huge = content_copy / "articles" / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    reads: list[int] = []
    real_open = io.open

    class Counting:
        """A file handle that records how many bytes each read returned."""

        def __init__(self, handle: io.BufferedReader) -> None:
            self.handle = handle

        def __enter__(self) -> Counting:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def read(self, size: int = -1) -> bytes:
            data = self.handle.read(size)
            reads.append(len(data))
            return data

    def open_counting(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        handle = real_open(file, mode, *args, **kwargs)
        return Counting(handle) if mode == "rb" and os.fspath(file) == str(huge) else handle

    monkeypatch.setattr(io, "open", open_counting)
    library = load_library(content_copy)
    fingerprint.fingerprint(library, content_copy)
    assert any(p.path.endswith("huge.md") and "over the 1024 KiB cap" in p.message for p in library.problems)
    assert reads and max(reads) <= 1024 * 1024 + 1


def test_both_fingerprints_follow_the_files_the_loader_reads(content_copy: Path):
    alpha = content_copy / "articles" / "alpha.md"
    first = _fingerprints(content_copy)
    stat = alpha.stat()
    text = alpha.read_text(encoding="utf-8")
    swapped = text.replace("a", "e", 1)
    assert len(swapped) == len(text) and swapped != text
    alpha.write_text(swapped, encoding="utf-8")
    os.utime(alpha, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    same_stat = _fingerprints(content_copy)
    assert same_stat[0] == first[0], "the start-up cache keys on size and mtime only"
    assert same_stat[1] != first[1], "the search index hashes what the loader reads"
    (content_copy / "articles" / "gamma.md").write_text(OUTSIDE_ARTICLE.replace("outsider", "gamma"), "utf-8")
    added = _fingerprints(content_copy)
    assert added[0] != same_stat[0] and added[1] != same_stat[1]
