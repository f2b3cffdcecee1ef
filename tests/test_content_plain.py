"""Fast paths of the loader: plain text without python-markdown, annotations without shlex."""

from __future__ import annotations

import shlex
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from jpbrief.core.content import annotation, dialect, load_library

REPO = Path(__file__).parent.parent
ALPHABET = st.sampled_from([*"ab Z9.,;:-+()'\"1\n\n\t  ", "é", "—", "\u00a0", "\r", "日"])


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_text_without_markdown_reads_as_python_markdown_reads_it(text: str) -> None:
    assert dialect.plain_text(text) == dialect.markdown_plain_text(text)


def test_every_bundled_passage_reads_the_same_either_way() -> None:
    library = load_library(REPO / "content")
    fast = 0
    for _article, passage in library.iter_passages():
        source = dialect.FOOTNOTE_MARKER_RE.sub("", passage.markdown)
        assert passage.text == dialect.markdown_plain_text(source)
        fast += bool(dialect.PLAIN_RE.fullmatch(source) and dialect._plain_lines(source))
    assert fast > library.passage_count // 2  # the fast path is the common one


def test_markdown_still_goes_through_python_markdown() -> None:
    assert dialect.plain_text("1. *one* [^2]\n2. two") == "one two"
    assert dialect.plain_text("Title\n---") == "Title"
    assert dialect.plain_text("a &amp; b") == "a & b"
    assert dialect.plain_text("- item\n- other") == "item other"


@settings(max_examples=600, deadline=None)
@given(st.text(st.sampled_from([*'ab#=" \'\\\t\n-', "\u00a0", "é"]), max_size=30))
def test_annotations_split_as_shlex_splits_them(body: str) -> None:
    try:
        expected: list[str] | type[ValueError] = shlex.split(body)
    except ValueError:
        expected = ValueError
    try:
        got: list[str] | type[ValueError] = annotation.split_words(body)
    except ValueError:
        got = ValueError
    assert got == expected


def test_the_usual_annotation_takes_the_fast_path() -> None:
    body = '#a-b themes="x y" see="other#p" role=bio'
    assert annotation.SIMPLE_BODY_RE.fullmatch(body)
    assert annotation.split_words(body) == ["#a-b", "themes=x y", "see=other#p", "role=bio"]
