"""The bundled content reproduces the source articles word for word.

Compares ``content/articles/*.md`` with the originals in ``../shared/seeds/`` (relative to
the repository root) paragraph by paragraph, normalising only whitespace, and checks the
footnotes and their citations against the originals' footnote lists.

The Markdown is parsed here in a deliberately minimal way, independently of the jpbrief
loader, so that this test checks the content files and not the code that reads them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
SEEDS = REPO.parent / "shared" / "seeds"

# seed file -> article id
SEED_ARTICLES = {
    "000_7de898a142e2b4b8.txt": "focused-on-its-region",
    "001_6149593e0835fc42.txt": "navigating-new-frontiers",
}
FOOTNOTED = "navigating-new-frontiers"
FOOTNOTE_COUNT = 42
SAME_WORK = (17, 33)

SEED_MARKER_RE = re.compile(r"\[(\d+)\]")  # "[12]"; never "[s]" or "[world]"
MD_MARKER_RE = re.compile(r"\[\^(\d+)\]")
MD_DEFINITION_RE = re.compile(r"^\[\^(\d+)\]:\s*(\S+)\s*$")
ANNOTATION_RE = re.compile(r"^\{:.*\}\s*$")
SEED_NOTE_RE = re.compile(r"^\[(\d+)\] (.*)$")
HEADING_END = tuple(".?!:;,\"'”’)]")
CONTEXT = 40


def norm(text: str) -> str:
    """Fold whitespace runs to one space: the only normalisation allowed."""
    return " ".join(text.split())


def blocks(text: str) -> list[str]:
    return [block.strip("\n") for block in re.split(r"\n[ \t\u00a0]*\n", text) if block.strip()]


def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        message = (
            f"the source articles are missing: expected the folder {SEEDS} "
            "(../shared/seeds relative to the repository root)"
        )
        if not os.environ.get("CI"):
            pytest.skip(message)
        pytest.fail(message)
    return SEEDS


# --- the originals -------------------------------------------------------------------


def seed_text(name: str) -> str:
    path = seeds_dir() / name
    if not path.is_file():
        pytest.fail(f"source article {path} is missing")
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def seed_parts(name: str) -> dict:
    """Split an original into title, date line, disclaimer, body blocks and footnotes."""
    parts: dict = {"title": None, "dateline": None, "disclaimer": None, "notes": {}}
    body: list[str] = []
    raw = blocks(seed_text(name))
    if name.startswith("000_"):
        # "Title\n13 May 2024|", then the body.
        first = raw.pop(0).split("\n")
        assert len(first) == 2 and first[1].endswith("|"), first
        parts["title"], parts["dateline"] = first
    else:
        # disclaimer, title, "• Published / • By ..." lines, then the body.
        parts["disclaimer"] = raw.pop(0)
        parts["title"] = raw.pop(0)
        byline = raw.pop(0)
        assert "• Published" in byline and "• By" in byline, byline
    for block in raw:
        note = SEED_NOTE_RE.match(block)
        if note:
            assert "\n" not in block, block
            parts["notes"][int(note.group(1))] = note.group(2)
        elif block.strip() == "Wild Blue Yonder Home":
            continue
        else:
            assert not parts["notes"], f"body text after the footnote list: {block[:60]!r}"
            body.append(block)
    parts["body"] = body
    return parts


def seed_passages(name: str) -> list[tuple[str, str]]:
    """(kind, text) for each heading and paragraph of an original's body."""
    result = []
    for block in seed_parts(name)["body"]:
        # Footnote markers are compared separately, with their positions.
        text = norm(SEED_MARKER_RE.sub("", block))
        is_heading = "\n" not in block.strip() and len(text) < 80 and not text.endswith(HEADING_END)
        result.append(("heading" if is_heading else "paragraph", text))
    return result


# --- the content files ---------------------------------------------------------------


def article_path(article_id: str) -> Path:
    path = CONTENT / "articles" / f"{article_id}.md"
    assert path.is_file(), f"{path} is missing"
    return path


def split_article(article_id: str) -> tuple[dict, list[dict], dict[int, str]]:
    """Front matter, body blocks (markdown, annotation) and footnote definitions."""
    text = article_path(article_id).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].strip() == "---", "the file must open with front matter"
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    meta = yaml.safe_load("\n".join(lines[1:end]))
    passages: list[dict] = []
    definitions: dict[int, str] = {}
    for block in blocks("\n".join(lines[end + 1 :])):
        block_lines = block.split("\n")
        if all(MD_DEFINITION_RE.match(line) for line in block_lines):
            for line in block_lines:
                definition = MD_DEFINITION_RE.match(line)
                assert definition is not None
                number, source_id = definition.groups()
                assert int(number) not in definitions, f"[^{number}] defined twice"
                definitions[int(number)] = source_id
            continue
        annotation = ""
        if ANNOTATION_RE.match(block_lines[-1].strip()):
            annotation = block_lines.pop().strip()
        markdown = "\n".join(block_lines)
        passages.append({"markdown": markdown, "annotation": annotation})
    return meta, passages, definitions


def md_passages(article_id: str) -> list[tuple[str, str]]:
    result = []
    for passage in split_article(article_id)[1]:
        markdown = passage["markdown"].strip()
        kind = "paragraph"
        if "\n" not in markdown and markdown.startswith("## "):
            kind, markdown = "heading", markdown[3:]
        result.append((kind, norm(MD_MARKER_RE.sub("", markdown))))
    return result


def markers_with_context(blocks_text: list[str], marker_re: re.Pattern) -> list[tuple[int, str]]:
    """Each footnote number with the text (markers removed) just before it."""
    found = []
    for block in blocks_text:
        flat = norm(block)
        clean = ""
        last = 0
        for match in marker_re.finditer(flat):
            clean += flat[last : match.start()]
            last = match.end()
            found.append((int(match.group(1)), clean[-CONTEXT:]))
    return found


def load_yaml(name: str) -> Any:
    path = CONTENT / name
    assert path.is_file(), f"{path} is missing"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def sources_by_id() -> dict[str, dict]:
    records = load_yaml("sources.yaml")["sources"]
    ids = [record["id"] for record in records]
    assert len(ids) == len(set(ids)), "duplicate source ids"
    return {record["id"]: record for record in records}


# --- tests ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed,article_id", sorted(SEED_ARTICLES.items()))
def test_passages_match_the_original_word_for_word(seed: str, article_id: str) -> None:
    expected = seed_passages(seed)
    actual = md_passages(article_id)
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        assert got == want, (
            f"{article_id}: passage {index + 1} differs from the original\n"
            f"  original: {want}\n  content:  {got}"
        )
    assert len(actual) == len(expected), (
        f"{article_id}: {len(actual)} passages, the original has {len(expected)}"
    )


@pytest.mark.parametrize("seed,article_id", sorted(SEED_ARTICLES.items()))
def test_front_matter_matches_the_original(seed: str, article_id: str) -> None:
    parts = seed_parts(seed)
    meta = split_article(article_id)[0]
    assert meta["id"] == article_id
    assert meta["title"] == parts["title"]
    if parts["disclaimer"] is None:
        assert meta["disclaimer"] is None
    else:
        assert norm(meta["disclaimer"]) == norm(parts["disclaimer"])
    if article_id == "focused-on-its-region":
        assert str(meta["published"]) == "2024-05-13"
        assert parts["dateline"] == "13 May 2024|"
        assert meta["author"] is None and meta["publisher"] is None
    else:
        assert meta["published"] is None
        assert meta["author"] == "Elliot Silverberg"
        assert meta["publisher"] == "Wild Blue Yonder"


def test_the_author_bio_is_marked() -> None:
    passages = split_article(FOOTNOTED)[1]
    bios = [p for p in passages if re.search(r"(^|\s)role=bio(\s|\})", p["annotation"])]
    assert len(bios) == 1
    assert bios[0]["markdown"].startswith("Elliot Silverberg is a consultant")


def test_footnote_numbers_and_positions_match_the_original() -> None:
    seed = next(name for name, aid in SEED_ARTICLES.items() if aid == FOOTNOTED)
    expected = markers_with_context(seed_parts(seed)["body"], SEED_MARKER_RE)
    assert [n for n, _ in expected] == list(range(1, FOOTNOTE_COUNT + 1))
    actual = markers_with_context(
        [p["markdown"] for p in split_article(FOOTNOTED)[1]], MD_MARKER_RE
    )
    assert actual == expected


def test_articles_without_footnotes_have_none() -> None:
    for article_id in SEED_ARTICLES.values():
        if article_id == FOOTNOTED:
            continue
        _, passages, definitions = split_article(article_id)
        assert not definitions
        assert not any(MD_MARKER_RE.search(p["markdown"]) for p in passages)


def test_footnote_citations_equal_the_original_lines() -> None:
    seed = next(name for name, aid in SEED_ARTICLES.items() if aid == FOOTNOTED)
    notes = seed_parts(seed)["notes"]
    assert sorted(notes) == list(range(1, FOOTNOTE_COUNT + 1))
    definitions = split_article(FOOTNOTED)[2]
    assert sorted(definitions) == list(range(1, FOOTNOTE_COUNT + 1))
    sources = sources_by_id()
    for number, line in sorted(notes.items()):
        source_id = definitions[number]
        assert source_id in sources, f"[^{number}] cites unknown source {source_id!r}"
        assert sources[source_id]["citation"] == line, f"citation of [{number}] differs"
    first, second = SAME_WORK
    assert definitions[first] == definitions[second]
    # Every other footnote cites a distinct work: one record per work.
    others = [sid for n, sid in definitions.items() if n != second]
    assert len(others) == len(set(others))
    assert "ttps://" in sources[definitions[23]]["citation"]


def test_no_source_carries_a_url() -> None:
    for source_id, record in sources_by_id().items():
        assert record.get("url") is None, f"{source_id} has a url the original does not print"


def test_every_paragraph_has_known_themes_and_crossrefs_are_mutual() -> None:
    themes = {theme["id"] for theme in load_yaml("themes.yaml")["themes"]}
    assert {"counterstrike", "economic-security", "dicas"} <= themes
    anchors: dict[str, set[str]] = {}
    links: set[tuple[str, str, str, str]] = set()
    for article_id in SEED_ARTICLES.values():
        anchors[article_id] = set()
        for passage in split_article(article_id)[1]:
            annotation = passage["annotation"]
            anchor_match = re.search(r"\{:\s*#([a-z0-9-]+)", annotation)
            assert anchor_match, (
                f"{article_id}: passage without an explicit anchor: {passage['markdown'][:60]!r}"
            )
            anchor = anchor_match.group(1)
            assert anchor not in anchors[article_id], f"{article_id}: duplicate anchor {anchor}"
            anchors[article_id].add(anchor)
            found = re.search(r'themes="([^"]*)"', annotation)
            passage_themes = found.group(1).split() if found else []
            assert set(passage_themes) <= themes, f"{article_id}#{anchor}: unknown theme"
            is_heading = passage["markdown"].startswith("## ")
            if not is_heading and "role=bio" not in annotation:
                assert passage_themes, f"{article_id}#{anchor} has no theme"
            see = re.search(r'see="([^"]*)"', annotation)
            for target in see.group(1).split() if see else []:
                other, _, other_anchor = target.partition("#")
                links.add((article_id, anchor, other, other_anchor))
    for article_id, anchor, other, other_anchor in links:
        assert other in anchors and other != article_id, f"bad target {other}"
        assert other_anchor in anchors[other], f"{other}#{other_anchor} does not exist"
        assert (other, other_anchor, article_id, anchor) in links, (
            f"{article_id}#{anchor} -> {other}#{other_anchor} is not linked back"
        )
    assert len(links) // 2 >= 12
