"""``jpbrief index`` and ``jpbrief search`` on the bundled and the fixture content."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jpbrief.cli import main
from jpbrief.core.search import default_index_root
from jpbrief.core.search.store import BuildLock

REPO = Path(__file__).parent.parent
HIT_KEYS = {"article", "anchor", "title", "section", "text", "snippet", "themes", "score"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_index_prints_path_count_and_build_time_then_up_to_date(capsys):
    code, out, _err = run(capsys, "index")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith(f"index: {default_index_root()}")
    assert lines[1] == "documents: 69"
    assert lines[2].startswith("built in ")
    code, out, _err = run(capsys, "index")
    assert code == 0 and "up to date" in out.splitlines()[2]
    code, out, _err = run(capsys, "index", "--rebuild", "--json")
    info = json.loads(out)
    assert code == 0 and info["built"] and info["documents"] == 69


def test_search_json_on_the_bundled_content(capsys):
    code, out, _err = run(capsys, "search", "JASSM-ER", "--json", "--limit", "1")
    data = json.loads(out)
    assert code == 0
    assert {"hits", "total", "suggestions"} <= data.keys()
    [hit] = data["hits"]
    assert hit.keys() >= HIT_KEYS
    assert hit["article"] == "focused-on-its-region" and "<b>JASSM-ER</b>" in hit["snippet"]
    assert "JASSM-ER" in hit["text"] and "<b>" not in hit["text"]


def test_did_you_mean_on_the_bundled_content(capsys):
    code, out, _err = run(capsys, "search", "DICSA", "--json")
    data = json.loads(out)
    assert code == 1
    assert data["hits"] == [] and data["total"] == 0 and data["suggestions"] == ["DICAS"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["8.9 trillion"], {"focused-on-its-region", "navigating-new-frontiers"}),
        (["hypersonics", "--article", "navigating-new-frontiers"], {"navigating-new-frontiers"}),
        (["defence", "--theme", "dicas"], {"focused-on-its-region", "navigating-new-frontiers"}),
    ],
)
def test_search_options(capsys, argv: list[str], expected: set[str]):
    code, out, _err = run(capsys, "search", *argv, "--json")
    data = json.loads(out)
    assert code == 0 and {hit["article"] for hit in data["hits"]} == expected
    if "--theme" in argv:
        assert all("dicas" in hit["themes"] for hit in data["hits"])


def test_text_output_in_rank_order_with_the_article_on_each_line(capsys):
    code, out, _err = run(capsys, "search", "DICAS", "--limit", "3")
    assert code == 0
    ranked = [line for line in out.splitlines() if re.match(r"\s+\d+\. ", line)]
    shown_in = {line.split()[1] for line in ranked}  # the articles of the passages shown, not all
    assert int(out.splitlines()[0].split()[0]) > 3
    assert out.splitlines()[0].endswith(f"showing the first 3, from {len(shown_in)} article(s)")
    assert [int(line.split(".")[0]) for line in ranked] == [1, 2, 3]
    assert all(re.match(r"\s+\d+\. [a-z0-9-]+ #", line) for line in ranked)
    scores = [float(line.rsplit("score ", 1)[1]) for line in ranked]
    assert scores == sorted(scores, reverse=True)
    assert "«DICAS»" in out


def test_text_output_shows_every_word_first_then_some_words_under_a_heading(capsys):
    code, out, _err = run(capsys, "search", "defence", "budget", "--limit", "50")
    assert code == 0
    lines = out.splitlines()
    every, some = lines.index("Matching every word:"), lines.index("Matching some words:")
    assert every < some
    ranked = [line for line in lines if re.match(r"\s+\d+\. ", line)]
    scores = [float(line.rsplit("score ", 1)[1]) for line in ranked]
    assert scores == sorted(scores, reverse=True)  # across articles, in rank order
    assert "without “budget”" in "\n".join(lines[some:])
    assert "without" not in "\n".join(lines[every:some])


def test_json_output_says_how_many_match_every_word_and_why_each_matched(capsys):
    code, out, _err = run(capsys, "search", "--json", "defence", "budget", "--limit", "50")
    data = json.loads(out)
    assert code == 0 and 0 < data["complete"] < data["total"]
    assert [hit["tier"] for hit in data["hits"]][: data["complete"]] == ["every"] * data["complete"]
    assert all(hit["missing"] for hit in data["hits"][data["complete"] :])


def test_text_output_says_why_a_passage_matched_through_its_heading(capsys):
    code, out, _err = run(capsys, "search", "counterstrike")
    assert code == 0
    blocks = re.split(r"\n(?= +\d+\. )", out)[1:]
    assert blocks
    for block in blocks:  # a marked word, or the reason
        assert "«counterstrike»" in block.casefold() or "matched in its section heading ‘" in block


def test_query_of_several_words_and_a_leading_minus(capsys):
    code, out, _err = run(capsys, "search", "--json", "--", "-budget", "defence", "spending")
    data = json.loads(out)
    assert code == 0 and data["hits"]
    assert all("budget" not in hit["text"].lower() for hit in data["hits"])


def test_fixture_content_via_the_global_option(capsys, fixture_library_dir: Path):
    code, out, _err = run(capsys, "--content", str(fixture_library_dir), "index", "--json")
    assert code == 0 and json.loads(out)["documents"] == 7


def test_busy_index_exits_2(capsys, fixture_library_dir: Path):
    root = default_index_root()
    root.mkdir(parents=True)
    with BuildLock(root) as lock:
        lock.acquire(timeout=0)
        code, _out, err = run(capsys, "--content", str(fixture_library_dir), "index", "--wait", "0")
        assert code == 2 and "busy" in err
        code, out, _err = run(
            capsys, "--content", str(fixture_library_dir), "search", "x", "--json", "--wait", "0"
        )
        assert code == 2 and "busy" in json.loads(out)["message"]


def test_start_up_path_does_not_import_whoosh():
    code = (
        "import sys\n"
        "import jpbrief.cli, jpbrief.core.search, jpbrief.commands.search\n"
        "from jpbrief.core.search import SearchResult, Hit\n"
        "jpbrief.cli.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'whoosh'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert result.stdout.strip() == "[]"
