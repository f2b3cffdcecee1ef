"""``show`` keeps footnote numbers where the original prints them; ``articles`` has fixed columns."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from jpbrief.cli import build_parser, main
from jpbrief.commands.content import placed_footnotes, text_with_markers
from jpbrief.core.content import FOOTNOTE_MARKER_RE, load_library, plain_text

REPO = Path(__file__).parent.parent


def test_plain_show_puts_each_marker_where_the_original_prints_it(capsys) -> None:
    assert main(["show", "navigating-new-frontiers"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if "(#aukus-and-australia)" in line)
    assert "since its inception in September 2021.[3] With Canberra, Tokyo" in line
    assert line.endswith("other combat aircraft, and autonomy.[4]  (#aukus-and-australia)")


def test_show_json_gives_each_footnote_its_offset_in_the_text(capsys) -> None:
    assert main(["show", "navigating-new-frontiers", "--json"]) == 0
    passages = json.loads(capsys.readouterr().out)["passages"]
    aukus = next(p for p in passages if p["anchor"] == "aukus-and-australia")
    third, fourth = aukus["footnotes"]
    assert aukus["text"][: third["offset"]].endswith("September 2021.")
    assert aukus["text"][third["offset"]:].startswith(" With Canberra")
    assert fourth == {"number": 4, "source": fourth["source"], "offset": len(aukus["text"])}


def test_every_bundled_marker_lands_where_the_markdown_has_it() -> None:
    library = load_library(REPO / "content")
    cited = [p for _a, p in library.iter_passages() if p.footnotes]
    assert len(cited) > 10
    for passage in cited:
        printed = plain_text(FOOTNOTE_MARKER_RE.sub(lambda m: f"[{m.group(1)}]", passage.markdown))
        assert text_with_markers(passage) == printed, passage.anchor


def test_a_marker_after_a_space_or_inside_emphasis_keeps_its_place(content_copy: Path) -> None:
    alpha = content_copy / "articles" / "alpha.md"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace(
            "The JSDF acquire counterstrike missiles.[^1] Firms worry about supply chains.[^2]",
            "[^1] The *JSDF acquire*[^2] counterstrike missiles.",
        ),
        encoding="utf-8",
    )
    passage = load_library(content_copy).passage("alpha", "opening")
    assert passage is not None and passage.text == "The JSDF acquire counterstrike missiles."
    assert [(f.number, offset) for f, offset in placed_footnotes(passage)] == [(1, 0), (2, 16)]
    assert text_with_markers(passage) == "[1]The JSDF acquire[2] counterstrike missiles."


def test_articles_has_the_same_columns_for_every_article(capsys, fixture_library_dir: Path) -> None:
    assert main(["--content", str(fixture_library_dir), "articles"]) == 0
    alpha, beta = (line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert alpha == ["alpha", "Alpha: a briefing", "Ann Author", "Test Press", "2024-05-01", "4 passages"]
    assert beta == ["beta", "Beta overview", "not stated", "not stated", "not stated", "3 passages"]


def _parsers(parser: argparse.ArgumentParser, name: str = "jpbrief"):
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_command_says_what_its_exit_codes_mean_and_that_article_is_an_id() -> None:
    helps = dict((name, parser.format_help()) for name, parser in _parsers(build_parser()))
    assert len(helps) > 12
    for name, text in helps.items():
        assert "Exit status:" in " ".join(text.split()), name
    assert "the article's id" in " ".join(helps["jpbrief show"].split())
    assert "an article's id" in " ".join(helps["jpbrief notes add"].split())
