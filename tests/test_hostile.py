"""Hostile content never crashes or hangs the loader, and rendered output keeps the sanitizer's promises."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from hostile_inputs import FRONT, GENERATED, HOSTILE_GLOSSARY, run_guarded
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jpbrief.core.content import load_library
from jpbrief.core.model import Library
from jpbrief.core.render import render_article

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "articles"

FORBIDDEN_TAGS = {"script", "iframe", "style", "object", "embed", "frame", "frameset", "link", "meta", "base"}
OWN_SCHEMES = ("fn:", "xref:", "gloss:", "external:")


class _TagAudit(HTMLParser):
    """Collects every start tag and attribute of the rendered body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.faults: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.faults.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on") or name == "style":
                self.faults.append(f"{tag} {name}=")
            if name == "src" and (":" in value or value.startswith(("/", "\\")) or ".." in value):
                self.faults.append(f"{tag} src={value!r}")
            if name == "href" and not (
                value.startswith(OWN_SCHEMES) or (value.startswith("#") and "\\" not in value)
                or (re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_./-]*", value) and ".." not in value)
            ):
                self.faults.append(f"{tag} href={value!r}")


def assert_sanitized(html: str) -> None:
    audit = _TagAudit()
    audit.feed(html.split("<body>", 1)[-1])
    audit.close()
    assert audit.faults == []


def hostile_content(tmp_path: Path, fixture_library_dir: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(fixture_library_dir, content)
    for path in HOSTILE.iterdir():
        shutil.copy(path, content / "articles" / path.name)
    for name, text in GENERATED.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    return content


def test_hostile_files_are_reported_by_name_and_good_ones_still_load(tmp_path: Path, fixture_library_dir: Path):
    content = hostile_content(tmp_path, fixture_library_dir)
    library = load_library(content)
    loaded = {a.id for a in library.articles}
    assert {"alpha", "beta"} <= loaded
    reported = {Path(p.path).name for p in library.problems}
    for name in (
        "invalid-yaml.md", "no-front-matter.md", "empty.md", "not-utf8.md", "five-megabytes.md",
        "nested-quote-line.md", "nested-quote-lines.md", "nested-list-line.md", "nested-list-markers.md",
        "nested-list-indent.md", "brackets.md", "dangling-footnotes.md", "emphasis-soup.md", "backslashes.md",
        "unicode-digit-footnote.md", "impossible-date.md", "deep-yaml.md", "alias-bomb.md",
        "hostile-annotations.md", "nul-byte.md",
    ):
        assert name in reported, name
    assert not [p for p in library.problems if "cannot be read (" in p.message], "a guard was bypassed"
    nesting = {Path(p.path).name for p in library.problems if "nested deeper" in p.message}
    assert {"nested-quote-line.md", "nested-quote-lines.md", "nested-list-markers.md", "nested-list-indent.md"} <= nesting
    dangling = [p.message for p in library.problems if p.path.endswith("dangling-footnotes.md")]
    assert any("[^99] has no definition" in m for m in dangling)
    assert any("unknown source 'no-such-source'" in m for m in dangling)
    assert any("[^5] is defined but never referenced" in m for m in dangling)
    for article in library.articles:
        assert_sanitized(render_article(article, library))


def test_raw_html_is_loaded_but_neutralised(tmp_path: Path, fixture_library_dir: Path):
    library = load_library(hostile_content(tmp_path, fixture_library_dir))
    article = library.article("raw-html")
    assert article is not None
    html = render_article(article, library)
    assert_sanitized(html)
    assert "Before  after." in html or "Before after." in html
    assert "alert" not in html
    assert "passwd" not in html


def test_the_whole_hostile_folder_loads_and_renders_without_hanging(tmp_path: Path, fixture_library_dir: Path):
    """A hang guard, not a speed target: a fresh process must finish; it prints per-file timings."""
    content = hostile_content(tmp_path, fixture_library_dir)
    code = (
        "import json, sys, time\n"
        "from jpbrief.core.content import load_library\n"
        "from jpbrief.core.render import render_article\n"
        "lib = load_library(sys.argv[1])\n"
        "times = {}\n"
        "for a in lib.articles:\n"
        "    t = time.perf_counter(); render_article(a, lib); times[a.id] = time.perf_counter() - t\n"
        "print(json.dumps({'loaded': sorted(times), 'problems': len(lib.problems)}))\n"
    )
    summary = json.loads(run_guarded(code, str(content), timeout=120))
    assert {"alpha", "beta", "raw-html", "backticks", "backtick-words", "placeholder-forgery"} <= set(summary["loaded"])


def test_hostile_annotations_never_reach_the_html(tmp_path: Path, fixture_library_dir: Path):
    library = load_library(hostile_content(tmp_path, fixture_library_dir))
    article = library.article("hostile-annotations")
    assert article is not None
    html = render_article(article, library)
    assert_sanitized(html)
    assert "onmouseover" not in html and "passwd" not in html and "alert" not in html


def test_a_symlink_to_an_endless_device_is_refused(tmp_path: Path, fixture_library_dir: Path):
    content = tmp_path / "content"
    shutil.copytree(fixture_library_dir, content)
    (content / "articles" / "zero.md").symlink_to("/dev/zero")
    library = load_library(content)
    assert {"alpha", "beta"} <= {a.id for a in library.articles}
    assert any(p.path.endswith("zero.md") and "outside the content folder" in p.message for p in library.problems)


def test_a_nul_byte_is_reported_at_its_line_and_the_article_is_not_changed(content_copy: Path):
    """Before: Markdown dropped the NUL and the article loaded with its text silently changed."""
    (content_copy / "articles" / "nul-byte.md").write_text(GENERATED["nul-byte.md"], encoding="utf-8")
    library = load_library(content_copy)
    assert library.article("nul-byte") is None
    [problem] = [p for p in library.problems if p.path.endswith("nul-byte.md")]
    assert (problem.line, problem.message) == (
        12, "NUL byte (U+0000) at column 8: remove it; this file is skipped"
    )
    assert str(content_copy / "articles" / "nul-byte.md") in library.skipped


def test_markup_in_the_glossary_is_rejected_with_its_line(content_copy: Path):
    """Before: an expansion '<img src="/any/path">' passed check and reached a rich-text tool-tip."""
    glossary = content_copy / "glossary.yaml"
    glossary.write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    library = load_library(content_copy)
    found = {(p.line, p.message.split(" holds markup")[0]) for p in library.problems if p.path == str(glossary)}
    assert found == {(4, "acronym: expansion"), (6, "acronym: term"), (12, "synonym group: phrase 2")}
    assert [(a.term, a.expansion) for a in library.glossary.acronyms] == [
        ("JSDF", "Japan Self-Defense Forces"), ("R&D", "Research & development, written plainly"),
    ]
    assert library.glossary.synonyms == (("parliament", "Diet"),)


def test_markup_in_theme_and_source_text_is_reported(content_copy: Path):
    themes = content_copy / "themes.yaml"
    themes.write_text(
        themes.read_text(encoding="utf-8").replace("label: DICAS", "label: <i>DICAS</i>"), encoding="utf-8"
    )
    sources = content_copy / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("Accessed May 4, 2024.", "&lt;script&gt;"), encoding="utf-8"
    )
    library = load_library(content_copy)
    messages = {(Path(p.path).name, p.line, p.message.split(" holds")[0]) for p in library.problems}
    assert messages == {("themes.yaml", 8, "theme 'dicas': label"), ("sources.yaml", 11, "source 'api-survey': citation")}
    assert library.themes["dicas"].label == "<i>DICAS</i>", "text is never changed, only reported"


markdown_pieces = st.sampled_from([
    "text", " ", "\n", "\n\n", "*", "_", "`", "[", "]", "(", ")", "<", ">", "#", "## ", "- ", "1. ",
    "> ", "[^1]", "[^x]", "{: #a}", "<script>", "</script>", "<img src=\"file:///x\">",
    "<a href=\"javascript:x\">", "</a>", "<iframe>", "onerror=", "\\\\host\\s", "http://x.y/", "&amp;",
    "<b onclick='x'>", "![i](data:x)", "[l](https://r.example/)", "\u202e", "\x00", "é", "🙂",
    "\ue000", "\ue001", "0", "[^²]", "{: role='x\" onclick=\"y'}", "{: themes='\"><script>'}",
    "{: see=\"alpha#opening\"}", "\n{: #b themes=\"dicas <img>\"}",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.lists(markdown_pieces, max_size=60).map("".join))
def test_any_markdown_loads_and_renders_sanitized(tmp_path: Path, fixture_library_dir: Path, body: str):
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(fixture_library_dir, content)
    (content / "articles" / "random.md").write_text(FRONT.format(id="random") + body + "\n", encoding="utf-8")
    library: Library = load_library(content)
    assert {"alpha", "beta"} <= {a.id for a in library.articles}
    for article in library.articles:
        assert_sanitized(render_article(article, library))
