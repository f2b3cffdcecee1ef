"""The loader reads the content format into the model and reports every problem as path:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from jpbrief.core.content import load_library


def test_fixture_library_loads_without_problems(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    assert library.problems == ()
    assert [a.id for a in library.articles] == ["alpha", "beta"]
    alpha = library.article("alpha")
    assert alpha is not None
    assert (alpha.author, alpha.publisher, alpha.published) == ("Ann Author", "Test Press", "2024-05-01")
    assert alpha.disclaimer == "Views are the author's own."
    beta = library.article("beta")
    assert beta is not None and beta.author is None and beta.published is None


def test_passages_keep_anchors_kinds_sections_themes_and_footnotes(fixture_library_dir: Path):
    alpha = load_library(fixture_library_dir).article("alpha")
    assert alpha is not None
    assert [(p.anchor, p.kind) for p in alpha.passages] == [
        ("opening", "paragraph"), ("industry", "heading"), ("dicas", "paragraph"), ("bio", "paragraph"),
    ]
    opening = alpha.passages[0]
    assert opening.text == "The JSDF acquire counterstrike missiles. Firms worry about supply chains."
    assert opening.section is None
    assert opening.themes == ("counterstrike", "economic-security")
    assert [(f.number, f.source_id) for f in opening.footnotes] == [(1, "wh-fact-sheet"), (2, "api-survey")]
    assert [(r.article, r.anchor) for r in opening.crossrefs] == [("beta", "dicas-forum")]
    assert alpha.passages[2].section == "Industry"
    assert alpha.passages[3].role == "bio"


def test_each_footnote_records_where_its_marker_stands_in_the_markdown(fixture_library_dir: Path):
    alpha = load_library(fixture_library_dir).article("alpha")
    assert alpha is not None
    opening = alpha.passages[0]
    spans = [f.markdown_span for f in opening.footnotes]
    assert [opening.markdown[s:e] for s, e in spans] == ["[^1]", "[^2]"]  # type: ignore[misc]
    runs = list(opening.runs())
    assert [r.number if not isinstance(r, str) else r for r in runs] == [
        "The JSDF acquire counterstrike missiles.", 1, " Firms worry about supply chains.", 2,
    ]


def test_markers_on_later_lines_of_a_paragraph_are_located_on_their_line(content_copy: Path):
    path = _write(
        content_copy, "gamma.md",
        GOOD_FRONT.format(id="gamma") + "One line.\nTwo.[^1]\nThree.[^1] and [^x]\n{: #a}\n\n[^1]: api-survey\n",
    )
    library = load_library(content_copy)
    assert [str(p) for p in library.problems] == [
        f"{path}:12: footnote [^x] must be labelled with the original's number",
        f"{path}:12: footnote [^1] is used twice (first on line 11)",
    ]
    gamma = library.article("gamma")
    assert gamma is not None
    passage = gamma.passages[0]
    assert [passage.markdown[s:e] for s, e in (f.markdown_span for f in passage.footnotes)] == ["[^1]", "[^1]"]  # type: ignore[misc]
    assert "".join(r for r in passage.runs() if isinstance(r, str)) == "One line.\nTwo.\nThree. and [^x]"


def test_an_unknown_source_is_reported_with_the_closest_known_id(content_copy: Path):
    path = _write(content_copy, "gamma.md", GOOD_FRONT.format(id="gamma") + "Text.[^4]\n{: #a}\n\n[^4]: api-survy\n")
    library = load_library(content_copy)
    assert [str(p) for p in library.problems] == [
        f"{path}:13: footnote [^4] cites unknown source 'api-survy' (did you mean 'api-survey'?)"
    ]


def test_two_footnotes_citing_one_work_share_its_record(fixture_library_dir: Path):
    library = load_library(fixture_library_dir)
    cited = [(c.article, c.anchor, c.number) for c in library.citations("api-survey")]
    assert cited == [("alpha", "opening", 2), ("alpha", "dicas", 3)]


def test_derived_anchor_survives_reordering(content_copy: Path):
    beta = content_copy / "articles" / "beta.md"
    before = load_library(content_copy).article("beta")
    assert before is not None
    derived = before.passages[-1].anchor
    assert derived.startswith("p-")
    text = beta.read_text(encoding="utf-8")
    front, body = text.split("---\n\n", 1)
    blocks = body.strip().split("\n\n")
    beta.write_text(front + "---\n\n" + "\n\n".join([blocks[2], blocks[0], blocks[1]]) + "\n", encoding="utf-8")
    after = load_library(content_copy).article("beta")
    assert after is not None
    assert after.passages[0].anchor == derived
    assert after.passage(derived) is not None


def _write(content_dir: Path, name: str, text: str | bytes) -> Path:
    path = content_dir / "articles" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


GOOD_FRONT = "---\nid: {id}\ntitle: T\nauthor: null\npublisher: null\npublished: null\ndisclaimer: null\n---\n\n"

BROKEN_ARTICLES = [
    ("bad-yaml.md", "---\nid: x\ntitle: [unclosed\n---\n\nText.\n", 3, "invalid front matter"),
    ("no-front-matter.md", "Just text.\n", 1, "missing front matter"),
    ("unclosed.md", "---\nid: x\n\nText.\n", 1, "not closed"),
    ("no-id.md", "---\ntitle: T\n---\n\nText.\n", 2, "needs an id"),
    ("empty.md", "", 1, "empty file"),
    ("empty-body.md", GOOD_FRONT.format(id="empty-body"), 9, "no passages"),
]


@pytest.mark.parametrize(("name", "text", "line", "message"), BROKEN_ARTICLES)
def test_a_broken_article_is_reported_at_its_line_and_the_others_load(
    content_copy: Path, name: str, text: str, line: int, message: str
):
    path = _write(content_copy, name, text)
    library = load_library(content_copy)
    assert [a.id for a in library.articles] == ["alpha", "beta"]
    located = [p for p in library.problems if p.path == str(path)]
    assert located, library.problems
    assert located[0].line == line
    assert message in located[0].message
    assert str(path) in library.skipped


def test_non_utf8_names_the_line(content_copy: Path):
    front = GOOD_FRONT.format(id="latin1")
    path = _write(content_copy, "latin1.md", (front + "Caf\xe9\n").encode("latin-1"))
    library = load_library(content_copy)
    assert [str(p) for p in library.problems] == [f"{path}:10: not UTF-8: byte 0xe9 at offset {len(front) + 3}"]


def test_a_bad_date_is_reported_but_the_article_still_loads(content_copy: Path):
    path = _write(content_copy, "late.md", "---\nid: late\ntitle: T\npublished: soon\n---\n\nText.\n")
    library = load_library(content_copy)
    assert [str(p) for p in library.problems] == [
        f"{path}:4: published must be an ISO date (YYYY-MM-DD) or null, got 'soon'"
    ]
    late = library.article("late")
    assert late is not None and late.published is None


def test_file_over_the_size_cap_is_reported_not_parsed(content_copy: Path):
    path = _write(content_copy, "huge.md", GOOD_FRONT.format(id="huge") + "word " * 1_000_000)
    library = load_library(content_copy)
    assert [a.id for a in library.articles] == ["alpha", "beta"]
    assert any(p.path == str(path) and "cap" in p.message for p in library.problems)


REFERENCE_PROBLEMS = [
    ("unknown theme", "Text.\n{: #a themes=\"nope\"}\n", 11, "unknown theme 'nope'"),
    ("missing article", "Text.\n{: #a see=\"delta#x\"}\n", 11, "unknown article 'delta'"),
    ("missing anchor", "Text.\n{: #a see=\"beta#nowhere\"}\n", 11, "missing anchor 'nowhere'"),
    ("undefined footnote", "Text.[^7]\n{: #a}\n", 10, "[^7] has no definition"),
    ("unreferenced definition", "Text.\n{: #a}\n\n[^4]: api-survey\n", 13, "never referenced"),
    ("unknown source", "Text.[^4]\n{: #a}\n\n[^4]: nobody\n", 13, "unknown source 'nobody'"),
    ("duplicate anchor", "One.\n{: #a}\n\nTwo.\n{: #a}\n", 14, "duplicate anchor 'a'"),
    ("bad annotation", "Text.\n{: #a colour=red}\n", 11, "unknown annotation"),
    ("unlabelled footnote", "Text.[^x]\n{: #a}\n", 10, "original's number"),
    ("unicode digit footnote", "Text.[^\u00b2]\n{: #a}\n", 10, "original's number"),
    ("footnote used twice", "One.[^1] Two.[^1]\n{: #a}\n\n[^1]: api-survey\n", 10, "[^1] is used twice"),
    ("theme that is not an id", "Text.\n{: #a themes=\"Dicas!\"}\n", 11, "is not a theme id"),
    ("unknown role", "Text.\n{: #a role=author}\n", 11, "unknown role 'author'"),
    ("one-way cross-reference", "Text.\n{: #a see=\"beta#dicas-forum\"}\n", 11, "is one-way"),
    ("cross-reference with bad id", "Text.\n{: #a see=\"Beta#X\"}\n", 11, "is not article#anchor"),
]


@pytest.mark.parametrize(("case", "body", "line", "message"), REFERENCE_PROBLEMS)
def test_reference_problems_are_located(content_copy: Path, case: str, body: str, line: int, message: str):
    path = _write(content_copy, "gamma.md", GOOD_FRONT.format(id="gamma") + body)
    library = load_library(content_copy)
    located = [p for p in library.problems if p.path == str(path)]
    assert [(p.line, message in p.message) for p in located] == [(line, True)], (case, library.problems)


def test_duplicate_article_id_skips_the_second_file(content_copy: Path):
    path = _write(content_copy, "zzz.md", GOOD_FRONT.format(id="alpha") + "Text.\n")
    library = load_library(content_copy)
    assert [a.id for a in library.articles] == ["alpha", "beta"]
    assert any(p.path == str(path) and "duplicate article id 'alpha'" in p.message for p in library.problems)


def test_yaml_problems_name_file_and_line(content_copy: Path):
    (content_copy / "sources.yaml").write_text("sources:\n  - id: a\n    citation: 'x\n", encoding="utf-8")
    (content_copy / "themes.yaml").write_text(
        "themes:\n  - id: counterstrike\n    label: C\n    description: d.\n"
        "  - id: counterstrike\n    label: C\n    description: d.\n",
        encoding="utf-8",
    )
    library = load_library(content_copy)
    messages = [str(p) for p in library.problems]
    assert any(m.startswith(f"{content_copy / 'sources.yaml'}:") and "invalid YAML" in m for m in messages)
    assert f"{content_copy / 'themes.yaml'}:5: duplicate theme id 'counterstrike'" in messages
    assert f"{content_copy / 'themes.yaml'}:1: required theme 'dicas' is missing" in messages


def test_impossible_dates_are_reported_not_raised(content_copy: Path):
    path = _write(content_copy, "late.md", "---\nid: late\ntitle: T\npublished: 2024-02-30\n---\n\nText.\n")
    (content_copy / "sources.yaml").write_text(
        "sources:\n  - id: a\n    citation: c\n    date: 2024-13-45\n    accessed: May 4\n    kind: rumour\n",
        encoding="utf-8",
    )
    library = load_library(content_copy)
    sources = str(content_copy / "sources.yaml")
    assert [str(p) for p in library.problems if p.path in {sources, str(path)}] == [
        f"{sources}:2: source 'a': date must be YYYY, YYYY-MM or YYYY-MM-DD, got '2024-13-45'",
        f"{sources}:2: source 'a': accessed must be YYYY, YYYY-MM or YYYY-MM-DD, got 'May 4'",
        f"{sources}:2: source 'a': unknown kind 'rumour' (known: news, government, think-tank, survey, journal, law-firm, blog, data, other)",
        f"{path}:4: published must be an ISO date (YYYY-MM-DD) or null, got '2024-02-30'",
    ]
    assert library.article("late") is not None


def test_yaml_aliases_are_refused(content_copy: Path):
    (content_copy / "glossary.yaml").write_text(
        "acronyms:\n  - &x {term: A, expansion: B}\n  - *x\n", encoding="utf-8"
    )
    library = load_library(content_copy)
    assert [str(p) for p in library.problems] == [
        f"{content_copy / 'glossary.yaml'}:3: invalid YAML: aliases (*name) are not allowed in content files"
    ]


def test_missing_content_folder_is_a_problem_not_an_exception(tmp_path: Path):
    library = load_library(tmp_path / "nowhere")
    assert library.articles == ()
    assert "content folder not found" in library.problems[0].message
