"""Content packs from the command line, a SIGKILL mid-install, and notes across an update."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pack_fixtures import BASE, build_pack, make_key, pack_source

from jpbrief.cli import main
from jpbrief.core import paths
from jpbrief.core.notes import NotesStore
from jpbrief.core.packs.merge import load_merged
from jpbrief.core.packs.store import CRASH_ENV

REPO = Path(__file__).parent.parent


def jp(*argv: str) -> int:
    return main(["--content", str(BASE), *argv])


def test_trainer_and_recipient_round_trip(tmp_path, capsys):
    key_file = tmp_path / "trainer.key"
    assert main(["pack", "keygen", str(key_file)]) == 0
    fingerprint = capsys.readouterr().out.split("fingerprint: ")[1].split("\n")[0]
    assert len(fingerprint.split()) == 10
    source = pack_source(tmp_path / "trainer-content")
    pack = tmp_path / "spring.jpbpack"
    assert jp("pack", "build", str(source), "-o", str(pack), "--key", str(key_file), "--id", "spring",
              "--version", "1.2", "--title", "Spring update", "--publisher", "Training unit",
              "--changelog", "Two new articles", "--article", "gamma", "--article", "delta") == 0
    assert f"fingerprint: {fingerprint}" in capsys.readouterr().out

    assert jp("pack", "verify", str(pack)) == 1  # good, but not trusted yet
    assert "NOT trusted" in capsys.readouterr().out
    assert jp("pack", "verify", str(pack), "--key", f"{key_file}.pub") == 0
    said = capsys.readouterr().out  # checked with the key given: not trusted by this installation
    assert "signed by the key you gave; this installation does not trust that key" in said
    assert "the signer is trusted" not in said
    assert jp("pack", "install", str(pack)) == 1
    refusal = capsys.readouterr()
    assert fingerprint in refusal.err and "Spring update" in refusal.out

    assert jp("pack", "trust", f"{key_file}.pub") == 0
    assert jp("pack", "install", str(pack)) == 0
    assert "installed spring 1.2" in capsys.readouterr().out
    assert jp("pack", "install", str(pack)) == 0
    assert "already installed; nothing to do" in capsys.readouterr().out

    assert jp("pack", "list", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["id"], row["version"], row["title"], row["publisher"], row["fingerprint"]) == (
        "spring", "1.2", "Spring update", "Training unit", fingerprint)
    assert [a["id"] for a in row["articles"]] == ["gamma", "delta"]

    assert jp("articles", "--json") == 0
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == ["alpha", "beta", "delta", "gamma"]
    assert jp("check") == 0  # check reads the content folder alone
    assert "2 articles" in capsys.readouterr().out

    assert jp("pack", "remove", "spring") == 0
    assert jp("pack", "list") == 0
    assert "no content packs installed" in capsys.readouterr().out


def test_build_refuses_a_folder_with_problems_and_prints_them(tmp_path, capsys):
    key = tmp_path / "k.key"
    assert main(["pack", "keygen", str(key)]) == 0
    source = pack_source(tmp_path / "src")
    (source / "articles" / "gamma.md").write_text("---\nid: gamma\n---\n\nText.\n", encoding="utf-8")
    assert jp("pack", "build", str(source), "-o", str(tmp_path / "x.jpbpack"), "--key", str(key)) == 1
    captured = capsys.readouterr()
    assert "gamma.md:" in captured.out and "front matter needs a title" in captured.out
    assert "fix them first" in captured.err
    assert not (tmp_path / "x.jpbpack").exists()


def test_downgrade_is_refused_unless_asked(tmp_path, capsys):
    key = make_key(tmp_path)
    assert jp("pack", "trust", str(tmp_path / "trainer.key.pub")) == 0
    assert jp("pack", "install", str(build_pack(tmp_path, key, "2.0"))) == 0
    older = build_pack(tmp_path, key, "1.5")
    assert jp("pack", "install", str(older)) == 1
    assert "older than the installed updates 2.0" in capsys.readouterr().err
    assert jp("pack", "install", str(older), "--allow-downgrade") == 0
    assert "downgraded updates from 2.0 to 1.5" in capsys.readouterr().out


@pytest.mark.parametrize("point", ["extract", "commit"])
def test_sigkill_mid_install_leaves_the_previous_version(tmp_path, capsys, point):
    key = make_key(tmp_path)
    assert jp("pack", "trust", str(tmp_path / "trainer.key.pub")) == 0
    assert jp("pack", "install", str(build_pack(tmp_path, key, "1.0"))) == 0
    newer = build_pack(tmp_path, key, "2.0", extra="A paragraph only version 2 has.\n\n")
    env = {**os.environ, CRASH_ENV: point}
    killed = subprocess.run(
        [sys.executable, "-m", "jpbrief", "--content", str(BASE), "pack", "install", str(newer)],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    packs = paths.packs_dir()
    assert [p.name for p in packs.iterdir() if p.name.startswith(("updates-2.0", ".tmp-"))]  # debris
    library = load_merged(BASE, packs)
    assert library.problems == ()
    assert "A paragraph only version 2 has." not in [p.text for p in library.article("gamma").passages]
    capsys.readouterr()
    assert jp("pack", "list") == 0
    assert "updates\t1.0\t" in capsys.readouterr().out

    assert jp("pack", "install", str(newer)) == 0  # and the next install succeeds and tidies up
    assert sorted(p.name[:11] for p in packs.iterdir() if p.is_dir()) == ["updates-2.0"]
    texts = [p.text for p in load_merged(BASE, packs).article("gamma").passages]
    assert "A paragraph only version 2 has." in texts


def test_notes_on_a_pack_article_survive_an_update_that_moves_their_passage(tmp_path):
    key = make_key(tmp_path)
    assert jp("pack", "trust", str(tmp_path / "trainer.key.pub")) == 0
    assert jp("pack", "install", str(build_pack(tmp_path, key, "1.0"))) == 0
    packs = paths.packs_dir()
    passage = load_merged(BASE, packs).passage("gamma", "gamma-forum")
    notes = NotesStore(tmp_path / "notes.sqlite3")
    note = notes.add_note("gamma", "gamma-forum", "Ask about this forum", quote=passage.text)
    bookmark = notes.add_bookmark("gamma", "gamma-open", quote="")

    update = build_pack(tmp_path, key, "1.1", anchor="forum-again", extra="A new first finding.\n\n")
    assert jp("pack", "install", str(update)) == 0
    results = {r.id: r for r in notes.reanchor(load_merged(BASE, packs)) if r.kind == "note"}
    assert (results[note.id].status, results[note.id].anchor) == ("moved", "forum-again")
    [kept] = notes.notes("gamma")
    assert (kept.text, kept.anchor, kept.state) == ("Ask about this forum", "forum-again", "ok")
    assert [b.anchor for b in notes.bookmarks("gamma")] == [bookmark.anchor]
    notes.close()


READER_PROBE = r"""
import json, os, sys
from pathlib import Path
import jpbrief.ui.app as app

def capture(self, library, *args, **kwargs):
    print(json.dumps([[a.id, a.pack] for a in library.articles]), flush=True)
    os._exit(0)

app.ReaderApp.__init__ = capture
from jpbrief.ui.launch import run
run(Path(sys.argv[1]))
"""


def test_the_reader_opens_the_bundle_with_the_installed_packs(tmp_path):
    key = make_key(tmp_path)
    assert jp("pack", "trust", str(tmp_path / "trainer.key.pub")) == 0
    assert jp("pack", "install", str(build_pack(tmp_path, key, "1.0"))) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", READER_PROBE, str(BASE)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [
        ["alpha", None], ["beta", None], ["delta", "updates"], ["gamma", "updates"]]


def test_each_pack_command_names_the_file_at_fault(tmp_path, capsys):
    """Usage and file errors exit 2, a refused pack exits 1; stderr names the file."""
    missing_key, missing_pack = tmp_path / "nokey.key", tmp_path / "nothing.jpbpack"
    not_a_pack = tmp_path / "junk.jpbpack"
    not_a_pack.write_bytes(b"not a zip")
    source = pack_source(tmp_path / "trainer-content")
    cases = [
        (["pack", "build", str(source), "-o", str(tmp_path / "x.jpbpack"), "--key", str(missing_key)],
         2, missing_key),
        (["pack", "verify", str(not_a_pack), "--key", str(missing_key)], 2, missing_key),
        (["pack", "verify", str(not_a_pack)], 1, not_a_pack),
        (["pack", "install", str(missing_pack)], 1, missing_pack),
        (["pack", "install", str(not_a_pack)], 1, not_a_pack),
        (["pack", "trust", str(missing_key)], 2, missing_key),
    ]
    for argv, code, named in cases:
        assert jp(*argv) == code, argv
        err = capsys.readouterr().err
        assert err.startswith("jpbrief pack: ") and str(named) in err, (argv, err)
    assert jp("pack", "remove", "never-installed") == 1
    assert "never-installed" in capsys.readouterr().err
    key_file = tmp_path / "trainer.key"
    assert main(["pack", "keygen", str(key_file)]) == 0
    capsys.readouterr()
    assert main(["pack", "keygen", str(key_file)]) == 2  # never overwrites a key
    assert str(key_file) in capsys.readouterr().err
    assert jp("pack", "trust", str(key_file)) == 2  # the secret key, by mistake
    err = capsys.readouterr().err
    assert err.count(str(key_file)) == 1 and "this is a secret key" in err and ".pub" in err
