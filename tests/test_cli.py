"""The read-only command line, on the fixture content and on the bundled content."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jpbrief.cli import main

REPO = Path(__file__).parent.parent


def run_json(capsys: pytest.CaptureFixture[str], *argv: str):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_check_passes_with_a_summary_line(capsys, fixture_library_dir: Path):
    assert main(["check", str(fixture_library_dir)]) == 0
    assert capsys.readouterr().out == "ok: 2 articles, 7 passages, 2 sources, 4 themes\n"


def test_check_lists_every_problem_and_exits_1(capsys, content_copy: Path):
    (content_copy / "articles" / "bad.md").write_text("no front matter\n", encoding="utf-8")
    (content_copy / "articles" / "worse.md").write_bytes(b"---\nid: w\ntitle: \xff\n---\n")
    assert main(["check", str(content_copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{content_copy / 'articles' / 'bad.md'}:1: missing front matter: the file must start with a '---' line",
        f"{content_copy / 'articles' / 'worse.md'}:3: not UTF-8: byte 0xff at offset 17",
    ]


def test_check_rejects_markup_in_the_glossary_and_links_out_of_the_folder(
    capsys, tmp_path: Path, content_copy: Path
):
    glossary = content_copy / "glossary.yaml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("Japan Self-Defense Forces", "'<img src=\"/any/path\">'"),
        encoding="utf-8",
    )
    (content_copy / "articles" / "zz.md").symlink_to("/etc/passwd")
    assert main(["check", str(content_copy)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{content_copy / 'articles' / 'zz.md'}:1: a symbolic link to /etc/passwd, outside the content folder; not read",
        f"{glossary}:4: acronym: expansion holds markup '<img src=\"/any/path\">', but it is plain text; "
        "this entry is skipped",
    ]


def test_articles_json(capsys, fixture_library_dir: Path):
    rows = run_json(capsys, "--content", str(fixture_library_dir), "articles", "--json")
    assert rows[0] == {
        "id": "alpha", "title": "Alpha: a briefing", "author": "Ann Author", "publisher": "Test Press",
        "published": "2024-05-01", "themes": ["counterstrike", "economic-security", "dicas"], "passages": 4,
    }
    assert rows[1]["author"] is None


def test_show_json_has_plain_text_footnotes_and_crossrefs(capsys, fixture_library_dir: Path):
    data = run_json(capsys, "--content", str(fixture_library_dir), "show", "alpha", "--json")
    first = data["passages"][0]
    assert first["anchor"] == "opening" and first["kind"] == "paragraph"
    assert "[^" not in first["text"]
    assert first["footnotes"] == [
        {"number": 1, "source": "wh-fact-sheet", "offset": 40}, {"number": 2, "source": "api-survey", "offset": 73},
    ]
    assert first["text"][40 - 1] == "." and len(first["text"]) == 73
    assert first["crossrefs"] == [{"article": "beta", "anchor": "dicas-forum"}]
    assert data["passages"][1]["kind"] == "heading"


def test_show_unknown_article_names_it(capsys, fixture_library_dir: Path):
    assert main(["--content", str(fixture_library_dir), "show", "nope"]) == 1
    assert "no article 'nope'" in capsys.readouterr().err


def test_sources_json_lists_who_cites_each(capsys, fixture_library_dir: Path):
    rows = run_json(capsys, "--content", str(fixture_library_dir), "sources", "--json")
    survey = next(r for r in rows if r["id"] == "api-survey")
    assert survey["accessed"] == "2024-05-04" and survey["kind"] == "survey"
    assert survey["cited_by"] == [
        {"article": "alpha", "anchor": "opening", "number": 2},
        {"article": "alpha", "anchor": "dicas", "number": 3},
    ]


def test_themes_json_lists_passages(capsys, fixture_library_dir: Path):
    rows = run_json(capsys, "--content", str(fixture_library_dir), "themes", "--json")
    dicas = next(r for r in rows if r["id"] == "dicas")
    assert dicas["passages"] == [{"article": "alpha", "anchor": "dicas"}, {"article": "beta", "anchor": "dicas-forum"}]


def test_bundled_content_checks_clean(capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("ok: 2 articles,")


def test_bundled_sources_cover_footnotes_1_to_42(capsys):
    rows = run_json(capsys, "sources", "--json")
    numbers = sorted(c["number"] for r in rows for c in r["cited_by"])
    assert numbers == list(range(1, 43))


def test_bundled_themes_include_the_required_three(capsys):
    ids = {r["id"] for r in run_json(capsys, "themes", "--json") if r["passages"]}
    assert {"counterstrike", "economic-security", "dicas"} <= ids


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "jpbrief", "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.startswith("jpbrief ")
