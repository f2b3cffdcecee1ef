"""Hostile packs: correctly signed, but their listing tries to escape, hide or explode.

Each is refused by name before anything is written: no pack installed, no folder left.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest
from pack_fixtures import make_key, signed_pack, store_for

from jpbrief.core.packs import archive
from jpbrief.core.packs.archive import PackError

ARTICLE = b"---\nid: x\ntitle: X\n---\n\nA paragraph.\n"


def entry(name: str, mode: int = stat.S_IFREG | 0o644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
    info.create_system = 3
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


@pytest.fixture
def setup(tmp_path: Path):
    key = make_key(tmp_path)
    store = store_for(tmp_path / "home")
    store.trust(key.public)
    return tmp_path, key, store


def refused(setup, entries, message: str, listed=None) -> None:
    tmp_path, key, store = setup
    pack = signed_pack(tmp_path / "hostile.jpbpack", key, entries, listed)
    outside = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(PackError, match=message):
        store.install(pack)
    assert store.installed() == []
    assert sorted(p.name for p in store.root.iterdir() if p.is_dir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == outside


def test_a_well_formed_hostile_pack_helper_pack_installs(setup):
    tmp_path, key, store = setup
    pack = signed_pack(tmp_path / "fine.jpbpack", key, [("content/articles/x.md", ARTICLE)])
    assert store.install(pack).action == "installed"


@pytest.mark.parametrize(("name", "message"), [
    ("content/../../evil.md", r"'\.\.' path component"),
    ("../evil.md", r"'\.\.' path component"),
    ("/etc/evil.md", "absolute path"),
    ("C:/evil.md", "absolute path"),
    ("content\\articles\\evil.md", "backslash"),
    ("content/articles/.hidden.md", "characters outside"),
    ("content/articles/con.md", "reserved on Windows"),
    ("content/articles/run.py", "not a file a pack may hold"),
    ("content/search-index/MAIN_1.toc", "not a file a pack may hold"),
    ("content/articles/sub/x.md", "not a file a pack may hold"),
])
def test_paths_that_escape_or_carry_other_file_types_are_refused(setup, name, message):
    refused(setup, [("content/articles/x.md", ARTICLE), (entry(name), b"x")], message)


def test_a_symbolic_link_entry_is_refused(setup):
    link = entry("content/articles/link.md", stat.S_IFLNK | 0o777)
    refused(setup, [("content/articles/x.md", ARTICLE), (link, b"/etc/passwd")], "symbolic link")


def test_a_zip_bomb_is_refused_by_its_compression_ratio(setup):
    bomb = b"\n" * (archive.MAX_FILE_BYTES - 1)
    refused(setup, [("content/articles/x.md", ARTICLE), (entry("content/articles/bomb.md"), bomb)],
            "zip bomb")


def test_an_oversized_file_is_refused(setup):
    big = bytes(range(256)) * (archive.MAX_FILE_BYTES // 256 + 1)
    refused(setup, [("content/articles/x.md", ARTICLE), (entry("content/articles/big.md"), big)],
            "over the 1,048,576-byte limit")


def test_duplicate_entries_are_refused(setup):
    with pytest.warns(UserWarning, match="Duplicate name"):
        refused(setup, [("content/articles/x.md", ARTICLE), ("content/articles/x.md", ARTICLE)],
                "appears twice")


def test_names_differing_only_in_case_are_refused(setup):
    refused(setup, [("content/articles/x.md", ARTICLE), ("content/articles/X.md", ARTICLE)],
            "appears twice")


def test_a_file_the_signed_manifest_does_not_list_is_refused(setup):
    refused(setup, [("content/articles/x.md", ARTICLE), ("content/articles/extra.md", ARTICLE)],
            "content/articles/extra.md: in the archive but not in the signed manifest",
            listed={"content/articles/x.md": ARTICLE})


def test_a_listed_file_missing_from_the_archive_is_refused(setup):
    refused(setup, [("content/articles/x.md", ARTICLE)],
            "content/sources.yaml: listed in the manifest but missing",
            listed={"content/articles/x.md": ARTICLE, "content/sources.yaml": b"sources: []\n"})


def test_too_many_entries_are_refused(setup, monkeypatch):
    monkeypatch.setattr(archive, "MAX_FILES", 3)
    files = [(f"content/articles/a{i}.md", ARTICLE) for i in range(4)]
    refused(setup, files, "over the limit of 3")


def test_a_pack_without_a_signature_is_refused(setup):
    tmp_path, _key, store = setup
    pack = tmp_path / "unsigned.jpbpack"
    with zipfile.ZipFile(pack, "w") as bundle:
        bundle.writestr("manifest.json", b"{}")
        bundle.writestr("content/articles/x.md", ARTICLE)
    with pytest.raises(PackError, match=r"manifest\.json\.minisig is missing"):
        store.install(pack)


def test_a_file_that_is_not_a_zip_is_refused(setup):
    tmp_path, _key, store = setup
    (tmp_path / "junk.jpbpack").write_bytes(b"not a zip at all")
    with pytest.raises(PackError, match="not a readable pack"):
        store.install(tmp_path / "junk.jpbpack")


@pytest.mark.parametrize(("files", "said"), [
    ({"content/articles/x.md": ARTICLE,
      "content/articles/hidden.md": b"---\nid: hidden\ntitle: Hidden\n---\n\nNot shown to the user.\n"},
     r"content/articles/hidden.md holds article 'hidden' \('Hidden'\), which its manifest does not list"),
    ({"content/articles/x.md": b"---\nid: x\ntitle: EVIL REAL TITLE\n---\n\nA paragraph.\n"},
     r"holds article 'x' \('EVIL REAL TITLE'\)"),
], ids=["an article the manifest does not list", "another title than the manifest's"])
def test_a_pack_whose_files_are_not_what_its_manifest_lists_is_refused(setup, files, said):
    """What the pack dialog, 'pack verify' and 'pack list' show is the manifest's list of
    articles (id and title): the user agrees to that, so the files must hold exactly that."""
    from jpbrief.core.packs.merge import install_check

    tmp_path, key, store = setup
    pack = signed_pack(tmp_path / "lying.jpbpack", key, list(files.items()))
    content = tmp_path / "bundle"
    (content / "articles").mkdir(parents=True)
    with pytest.raises(PackError, match=said):
        store.install(pack, content_check=install_check(content, store.root))
    assert store.installed() == []
