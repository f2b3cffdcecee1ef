"""Content packs, core: build, verify, install, update, remove and merge, with real keys."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest
from pack_fixtures import BASE, build_pack, make_key, members, pack_source, rezip, store_for

from jpbrief.core.content import load_library
from jpbrief.core.packs import archive, signing, state_key
from jpbrief.core.packs import manifest as mf
from jpbrief.core.packs.archive import PackError, UntrustedSigner
from jpbrief.core.packs.build import BuildError, PackInfo, build
from jpbrief.core.packs.merge import install_check, load_merged
from jpbrief.core.search.engine import fingerprint

REPO_ROOT = Path(__file__).parent.parent


@pytest.fixture
def key(tmp_path: Path) -> signing.SecretKey:
    return make_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, key: signing.SecretKey):
    packs = store_for(tmp_path / "home")
    packs.trust(key.public)
    return packs


def install(store, pack: Path, **options):
    return store.install(pack, content_check=install_check(BASE, store.root), **options)


def leftovers(store) -> list[str]:
    return sorted(p.name for p in store.root.iterdir() if p.name.startswith(".tmp-"))


def test_round_trip_build_verify_install_merge_remove(tmp_path, key, store):
    pack = build_pack(tmp_path, key)
    checked = store.check(pack)
    archive.verify_files(checked)
    assert checked.trusted and checked.manifest.fingerprint == key.public.fingerprint
    assert [a.id for a in checked.manifest.articles] == ["gamma", "delta"]
    assert sorted(members(pack)) == [
        "content/articles/delta.md", "content/articles/gamma.md", "content/glossary.yaml",
        "content/sources.yaml", "content/themes.yaml", "manifest.json", "manifest.json.minisig",
    ]
    result = install(store, pack)
    assert (result.action, result.manifest.version) == ("installed", "1.0")

    library = load_merged(BASE, store.root)
    assert library.problems == ()
    assert [(a.id, a.pack) for a in library.articles] == [
        ("alpha", None), ("beta", None), ("delta", "updates"), ("gamma", "updates"),
    ]
    assert "new-report" in library.sources and "api-survey" in library.sources
    assert library.article("gamma").passages[0].text.startswith("Japan's JSDF train")
    # the pack carries only the sources, themes and glossary entries its articles use
    content = store.installed()[0].content
    assert "wh-fact-sheet" not in (content / "sources.yaml").read_text()
    assert "space-hypersonics" not in (content / "themes.yaml").read_text()
    assert "JSDF" in (content / "glossary.yaml").read_text()
    assert "DICAS" not in (content / "glossary.yaml").read_text()
    assert "parliament" in (content / "glossary.yaml").read_text()  # "Diet" occurs

    removed = store.remove("updates")
    assert removed.manifest.version == "1.0"
    assert [a.id for a in load_merged(BASE, store.root).articles] == ["alpha", "beta"]
    assert [p.name for p in store.root.iterdir() if p.is_dir()] == []


def test_build_is_deterministic_and_the_article_bytes_are_unchanged(tmp_path, key):
    first = build_pack(tmp_path, key, name="a.jpbpack")
    second = build_pack(tmp_path, key, name="b.jpbpack")
    assert members(first) == members(second)
    source = pack_source(tmp_path / "again")
    assert members(first)["content/articles/gamma.md"] == (source / "articles" / "gamma.md").read_bytes()


@pytest.mark.parametrize("member", [
    "manifest.json", "manifest.json.minisig", "content/articles/gamma.md", "content/articles/delta.md",
    "content/sources.yaml", "content/themes.yaml", "content/glossary.yaml",
])
def test_one_flipped_byte_in_any_file_is_refused_naming_it(tmp_path, key, store, member):
    pack = build_pack(tmp_path, key)
    contents = members(pack)
    data = bytearray(contents[member])
    data[len(data) // 2] ^= 0x01
    contents[member] = bytes(data)
    rezip(pack, contents)
    with pytest.raises(PackError) as refused:
        install(store, pack)
    named = "manifest.json" if member.startswith("manifest") else member
    assert named in str(refused.value)
    assert store.installed() == [] and leftovers(store) == []


def test_a_flipped_byte_in_the_compressed_stream_is_refused(tmp_path, key, store):
    pack = build_pack(tmp_path, key)
    with zipfile.ZipFile(pack) as bundle:
        info = bundle.getinfo("content/articles/gamma.md")
    raw = bytearray(pack.read_bytes())
    raw[info.header_offset + 30 + len(info.filename) + info.compress_size // 2] ^= 0x40
    pack.write_bytes(bytes(raw))
    with pytest.raises(PackError, match=r"content/articles/gamma\.md"):
        install(store, pack)
    assert store.installed() == []


def test_a_pack_signed_by_another_key_fails_verify_with_that_key(tmp_path, key):
    pack = build_pack(tmp_path, key)
    other = make_key(tmp_path, "other.key")
    with pytest.raises(PackError, match="not by the given key"):
        archive.check(pack, [], key=other.public)


def test_a_swapped_signer_key_in_the_manifest_breaks_the_signature(tmp_path, key, store):
    pack = build_pack(tmp_path, key)
    other = make_key(tmp_path, "other.key")
    contents = members(pack)
    contents["manifest.json"] = contents["manifest.json"].replace(
        key.public.to_text().split("\n")[1].encode(), other.public.to_text().split("\n")[1].encode()
    )
    rezip(pack, contents)
    with pytest.raises(PackError, match=r"manifest\.json"):
        store.check(pack)


def test_unknown_signer_is_refused_with_its_fingerprint_until_trusted(tmp_path, key):
    pack = build_pack(tmp_path, key)
    fresh = store_for(tmp_path / "stranger")
    with pytest.raises(UntrustedSigner) as refused:
        fresh.install(pack)
    assert key.public.fingerprint in str(refused.value)
    assert "--trust" in str(refused.value)
    assert fresh.installed() == [] and leftovers(fresh) == []
    assert fresh.install(pack, trust=True).action == "installed"
    assert [k.raw for k in fresh.trusted_keys()] == [key.public.raw]


def test_keys_baked_into_the_installation_are_trusted(tmp_path, key):
    baked = tmp_path / "bundle-keys"
    baked.mkdir()
    (baked / "trainer.pub").write_text(key.public.to_text(), encoding="ascii")
    packs = store_for(tmp_path / "home2")
    packs.key_dirs.append(baked)
    assert packs.install(build_pack(tmp_path, key)).action == "installed"
    assert not (tmp_path / "home2" / "trusted_keys").exists()


def test_versions_newer_replaces_older_is_refused_same_is_a_no_op(tmp_path, key, store):
    install(store, build_pack(tmp_path, key, "1.9"))
    old_folder = store.installed()[0].folder
    updated = install(store, build_pack(tmp_path, key, "1.10"))
    assert (updated.action, updated.previous) == ("updated", "1.9")
    assert not old_folder.exists()
    with pytest.raises(PackError, match=r"older than the installed updates 1\.10"):
        install(store, build_pack(tmp_path, key, "1.2"))
    assert store.installed()[0].manifest.version == "1.10"
    same = install(store, build_pack(tmp_path, key, "1.10.0", name="same.jpbpack"))
    assert same.action == "unchanged" and "already installed" in same.message
    down = install(store, build_pack(tmp_path, key, "1.2"), allow_downgrade=True)
    assert (down.action, store.installed()[0].manifest.version) == ("downgraded", "1.2")


def test_same_version_with_other_files_says_so_and_changes_nothing(tmp_path, key, store):
    install(store, build_pack(tmp_path, key, "2"))
    changed = build_pack(tmp_path, key, "2", extra="An added paragraph.\n\n", name="changed.jpbpack")
    result = install(store, changed)
    assert result.action == "unchanged" and "new version number" in result.message
    assert "An added paragraph." not in (store.installed()[0].content / "articles" / "gamma.md").read_text()


def test_install_refuses_an_article_id_the_library_already_has_naming_both(tmp_path, key, store):
    source = pack_source(tmp_path / "clash")
    for other in ("alpha.md", "beta.md", "gamma.md", "delta.md"):
        (source / "articles" / other).unlink()
    (source / "articles" / "alpha.md").write_text(
        "---\nid: alpha\ntitle: Another alpha\n---\n\nA paragraph.\n", encoding="utf-8")
    pack = tmp_path / "clash.jpbpack"
    build(source, pack, key, PackInfo("clash", "1", "Clash"), articles=["alpha"])  # no bundle check
    with pytest.raises(PackError) as refused:
        install(store, pack)
    message = str(refused.value)
    assert "article id 'alpha' of pack 'clash' 1" in message and "the bundled library" in message
    assert str(BASE / "articles" / "alpha.md") in message
    assert store.installed() == [] and leftovers(store) == []


def test_two_packs_with_the_same_article_conflict(tmp_path, key, store):
    install(store, build_pack(tmp_path, key, pack_id="first"))
    with pytest.raises(PackError, match=r"article id 'gamma' of pack 'second' 1\.0 .* already used by pack 'first'"):
        install(store, build_pack(tmp_path, key, pack_id="second"))


def test_a_later_conflict_leaves_the_pack_out_with_a_problem_naming_both(tmp_path, key, store):
    install(store, build_pack(tmp_path, key))
    newer_bundle = pack_source(tmp_path / "newer-bundle")  # the bundle now has gamma itself
    library = load_merged(newer_bundle, store.root)
    assert [a.pack for a in library.articles] == [None] * 4
    [problem] = library.problems
    assert "pack 'updates' 1.0 is left out" in problem.message and "gamma" in problem.message


def test_build_refuses_a_folder_with_problems_listing_them(tmp_path, key):
    source = pack_source(tmp_path / "broken")
    (source / "articles" / "gamma.md").write_text("---\nid: gamma\n---\nno title\n", encoding="utf-8")
    with pytest.raises(BuildError) as refused:
        build(source, tmp_path / "x.jpbpack", key, PackInfo("x", "1", "X"), articles=["gamma"])
    assert any("gamma.md:" in problem for problem in refused.value.problems)
    assert not (tmp_path / "x.jpbpack").exists()


def test_build_refuses_a_cross_reference_leaving_the_pack(tmp_path, key):
    source = pack_source(tmp_path / "src")
    with pytest.raises(BuildError) as refused:
        build(source, tmp_path / "x.jpbpack", key, PackInfo("x", "1", "X"), articles=["gamma"])
    [problem] = refused.value.problems
    assert problem.startswith(f"{source / 'articles' / 'gamma.md'}:")  # the trainer's file
    assert "cross-reference to delta#delta-open, an article not in the pack" in problem


def test_build_refuses_articles_the_bundle_has(tmp_path, key):
    with pytest.raises(BuildError) as refused:
        build(pack_source(tmp_path / "s"), tmp_path / "x.jpbpack", key, PackInfo("x", "1", "X"),
              bundle_dir=BASE)
    assert any("article id 'alpha'" in problem for problem in refused.value.problems)


def test_versions_compare_numerically_and_bad_ones_are_refused():
    assert mf.version_key("1.10") > mf.version_key("1.9")
    assert mf.version_key("1") == mf.version_key("1.0.0")
    for bad in ("1.2-beta", "v1", "", "1..2", "1.2.3.4.5"):
        with pytest.raises(mf.ManifestError):
            mf.version_key(bad)


def test_state_key_and_search_fingerprint_change_with_the_installed_packs(tmp_path, key, store):
    assert state_key(store.root) == ""
    base = load_library(BASE)
    install(store, build_pack(tmp_path, key, "1"))
    first_state, first = state_key(store.root), fingerprint(load_merged(BASE, store.root), BASE)
    install(store, build_pack(tmp_path, key, "2", extra="An added paragraph.\n\n"))
    second_state, second = state_key(store.root), fingerprint(load_merged(BASE, store.root), BASE)
    store.remove("updates")
    assert len({"", first_state, second_state}) == 3
    assert len({fingerprint(base, BASE), first, second}) == 3
    assert state_key(store.root) == ""
    assert fingerprint(load_merged(BASE, store.root), BASE) == fingerprint(base, BASE)


def test_secret_key_file_is_private_and_round_trips(tmp_path):
    key = make_key(tmp_path, "k.key")
    assert stat.S_IMODE((tmp_path / "k.key").stat().st_mode) == 0o600
    again = signing.parse_secret_key((tmp_path / "k.key").read_text())
    assert again == key
    assert signing.parse_public_key((tmp_path / "k.key.pub").read_text()) == key.public
    with pytest.raises(FileExistsError):
        signing.write_key_pair(key, tmp_path / "k.key")


def test_trusted_key_folders_are_the_users_then_the_installations(tmp_path, monkeypatch):
    from jpbrief.core import paths

    assert paths.packs_dir() == paths.data_dir() / "packs"
    assert paths.trusted_keys_dirs() == [paths.data_dir() / "trusted_keys", REPO_ROOT / "trusted_keys"]
    bundle = tmp_path / "bundle"
    (bundle / "content").mkdir(parents=True)
    (bundle / "trusted_keys").mkdir()
    monkeypatch.setattr(paths, "_bundle_roots", lambda: [bundle, REPO_ROOT])
    assert paths.trusted_keys_dirs() == [paths.data_dir() / "trusted_keys", bundle / "trusted_keys"]


def test_manifest_text_with_terminal_escape_sequences_is_refused(tmp_path, key, store):
    pack = build_pack(tmp_path, key)
    contents = members(pack)
    manifest = mf.parse(contents["manifest.json"])
    hostile = mf.Manifest(**{**manifest.__dict__, "title": "Update\x1b]0;owned\x07"})
    with pytest.raises(mf.ManifestError, match="control characters"):
        mf.parse(hostile.to_json())
    assert mf.parse(manifest.to_json()) == manifest



def test_a_damaged_installed_pack_is_reported_and_can_be_removed_or_reinstalled(tmp_path, key, store):
    install(store, build_pack(tmp_path, key, pack_id="first"))
    pack = build_pack(tmp_path, key, pack_id="second", name="second.jpbpack")
    source = pack_source(tmp_path / "other-articles")
    for other in (source / "articles").iterdir():
        other.unlink()
    (source / "articles" / "epsilon.md").write_text(
        "---\nid: epsilon\ntitle: Epsilon\n---\n\nA paragraph.\n", encoding="utf-8")
    build(source, pack, key, PackInfo("second", "1", "Second"), articles=["epsilon"], bundle_dir=BASE)
    install(store, pack)
    (store.installed()[0].folder / "manifest.json").unlink()  # "first" is damaged
    library = load_merged(BASE, store.root)
    assert [a.id for a in library.articles if a.pack] == ["epsilon"]
    [problem] = library.problems
    assert "installed pack 'first' is damaged" in problem.message
    assert install(store, build_pack(tmp_path, key, pack_id="first")).action == "installed"
    assert [p.id for p in store.installed()] == ["first", "second"]
    (store.installed()[0].folder / "manifest.json").unlink()
    assert store.remove("first") is None
    assert [p.id for p in store.installed()] == ["second"]
