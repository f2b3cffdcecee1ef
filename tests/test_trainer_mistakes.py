"""Issue 12: the mistakes a trainer makes give root-cause messages, and none fails silently."""

from __future__ import annotations

from pathlib import Path

from jpbrief.core.content import load_library

FRONT = "---\nid: {id}\ntitle: T\nauthor: null\npublisher: null\npublished: null\ndisclaimer: null\n---\n\n"


def _write(content_dir: Path, name: str, text: str) -> Path:
    path = content_dir / "articles" / name
    path.write_text(text, encoding="utf-8")
    return path


def _messages(library, path: Path) -> list[str]:
    return [f"{p.line}: {p.message}" for p in library.problems if p.path == str(path)]


def test_an_unclosed_annotation_is_an_error_and_never_becomes_the_authors_text(content_copy: Path):
    path = _write(
        content_copy, "gamma.md",
        FRONT.format(id="gamma") + "The law passed.\n{: #leak-penalties themes=\"dicas\"\n",
    )
    library = load_library(content_copy)
    assert _messages(library, path) == [
        "11: annotation line is not closed: add '}' at the end of '{: #leak-penalties themes=\"dicas\"'"
    ]
    gamma = library.article("gamma")
    assert gamma is not None
    passage = gamma.passages[0]
    assert (passage.text, passage.markdown) == ("The law passed.", "The law passed.")
    assert (passage.anchor, passage.themes) == ("leak-penalties", ("dicas",))


def test_an_annotation_that_is_not_the_last_line_is_an_error(content_copy: Path):
    path = _write(content_copy, "gamma.md", FRONT.format(id="gamma") + "One.\n{: #one}\nTwo.\n")
    library = load_library(content_copy)
    assert _messages(library, path) == [
        "11: an annotation must be the last line of its passage: put a blank line after it"
    ]
    gamma = library.article("gamma")
    assert gamma is not None and "{:" not in gamma.passages[0].markdown


def test_a_file_name_must_match_its_id(content_copy: Path):
    path = _write(content_copy, "gamma.md", FRONT.format(id="delta") + "Text.\n")
    library = load_library(content_copy)
    assert _messages(library, path) == ["2: id 'delta' does not match the file name 'gamma.md'"]


def test_a_copied_article_is_blamed_not_the_original(content_copy: Path):
    original = content_copy / "articles" / "beta.md"
    copy = _write(content_copy, "a-beta-copy.md", original.read_text(encoding="utf-8"))
    library = load_library(content_copy)
    beta = library.article("beta")
    assert beta is not None and beta.path == str(original)
    assert _messages(library, original) == []
    assert _messages(library, copy) == [
        "2: id 'beta' does not match the file name 'a-beta-copy.md'",
        f"2: duplicate article id 'beta' (already used by {original}); this file is skipped",
    ]
    assert library.skipped == (str(copy),)
