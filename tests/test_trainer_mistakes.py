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


def test_a_skipped_article_is_the_root_cause_and_links_to_it_say_so(content_copy: Path):
    alpha = content_copy / "articles" / "alpha.md"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("title: \"Alpha: a briefing\"", "title: [x"))
    library = load_library(content_copy)
    assert [str(p) for p in library.problems] == [
        f"{alpha}:3: invalid front matter: the list opened with '[' on this line is not closed: add ']' "
        "at its end, or put the whole value in double quotes if it is text",
        f"{content_copy / 'articles' / 'beta.md'}:13: cross-reference to alpha#opening not checked "
        "(because alpha.md was skipped: see above)",
    ]


def test_bad_yaml_points_at_the_line_to_change_in_plain_words(content_copy: Path):
    path = _write(
        content_copy, "gamma.md",
        "---\nid: gamma\ntitle: T\nauthor: [Ann, Bob\npublisher: null\n---\n\nText.\n",
    )
    problems = [p for p in load_library(content_copy).problems if p.path == str(path)]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(4, "invalid front matter")]
    assert "add ']'" in problems[0].message


def test_a_colon_in_an_unquoted_title_suggests_quotes(content_copy: Path):
    path = _write(content_copy, "gamma.md", "---\nid: gamma\ntitle: Japan: a region\n---\n\nText.\n")
    assert _messages(load_library(content_copy), path) == [
        "3: invalid front matter: a ': ' inside a value (or a line indented too far): put the value in "
        "double quotes, as in title: \"Japan: a region\", or fix the indentation"
    ]


def test_a_key_given_twice_is_an_error_naming_both_lines_not_the_last_one_silently(content_copy: Path):
    path = _write(content_copy, "gamma.md",
                  FRONT.format(id="gamma").replace("title: T\n", "title: First\ntitle: Second\n")
                  + "Text.\n")
    library = load_library(content_copy)
    assert _messages(library, path) == [
        "4: invalid front matter: 'title' is given twice (first on line 3): keep one"]
    assert library.article("gamma") is None
    (content_copy / "themes.yaml").write_text(
        "themes:\n  - id: dicas\n    title: A\n    title: B\n", encoding="utf-8")
    assert _messages(load_library(content_copy), content_copy / "themes.yaml")[0] == (
        "4: invalid YAML: 'title' is given twice (first on line 3): keep one")


def test_a_character_reference_that_names_no_character_is_a_warning_at_its_line(content_copy: Path):
    path = _write(content_copy, "gamma.md", FRONT.format(id="gamma")
                  + "Fine &#8212; and &#x2014; and &#0000065; and &#128;.\n\nBad &#0; then\n`&#0;` &#xD800; &#1114112;"
                  + " &#99999999999999999999999;.\n\nA `code\nspan` b\nthen &#0 and &#1; and &#xFFFF; and &#x9D;.\n")
    library = load_library(content_copy)
    said = "names no character that can be shown: fix the number"
    assert _messages(library, path) == [
        f"{line}: the character reference {ref} {said}"
        for line, ref in ((12, "&#0;"), (13, "&#xD800;"), (13, "&#1114112;"), (13, "&#99999999999999999999999;"),
                          (17, "&#0"), (17, "&#1;"), (17, "&#xFFFF;"), (17, "&#x9D;"))]
    assert {p.severity for p in library.problems if p.path == str(path)} == {"warning"}
    gamma = library.article("gamma")
    assert gamma is not None and gamma.passages[0].text == "Fine \u2014 and \u2014 and A and \u20ac."


def test_yaml_tags_and_merge_keys_are_refused_at_their_line_never_a_traceback(content_copy: Path):
    themes = content_copy / "themes.yaml"
    original = themes.read_text(encoding="utf-8")
    last = original.count("\n") + 1
    for extra, words in (("extra: !!map [a]", "tags (!!map) are not allowed"),
                         ("extra: !!int abc", "tags (!!int) are not allowed"),
                         ("extra: !!set x", "tags (!!set) are not allowed"),
                         ("<<: {title: A, title: B}", "merge keys (<<) are not allowed")):
        themes.write_text(original + extra + "\n", encoding="utf-8")
        [first, *_] = _messages(load_library(content_copy), themes)
        assert first.startswith(f"{last}: invalid YAML: {words} in content files"), first
    path = _write(content_copy, "gamma.md", FRONT.format(id="gamma").replace(
        "title: T\n", "title: T\nextra: !!set [1]\n") + "Text.\n")
    assert _messages(load_library(content_copy), path)[0].startswith(
        "4: invalid front matter: tags (!!set) are not allowed in content files")


def test_unknown_names_suggest_the_closest_known_one(content_copy: Path):
    path = _write(
        content_copy, "gamma.md",
        FRONT.format(id="gamma") + "Text.\n{: #a themes=\"counterstrik\" see=\"betta#dicas-forum beta#dicas-foru\"}\n",
    )
    assert _messages(load_library(content_copy), path) == [
        "11: unknown theme 'counterstrik' (not in themes.yaml; did you mean 'counterstrike'?)",
        "11: cross-reference to unknown article 'betta' (did you mean 'beta'?)",
        "11: cross-reference to missing anchor 'dicas-foru' in article 'beta' (did you mean 'dicas-forum'?)",
    ]


def test_a_missing_themes_file_is_a_plain_sentence_and_theme_uses_follow_from_it(content_copy: Path):
    (content_copy / "themes.yaml").unlink()
    problems = [str(p) for p in load_library(content_copy).problems]
    assert problems[0] == (
        f"{content_copy}: there is no themes.yaml in this folder: create it "
        "(see docs/content-format.md, 'themes.yaml')"
    )
    assert problems[1:] == [
        f"{content_copy / 'articles' / name}:{line}: {count} theme(s) in this file not checked "
        "(because themes.yaml could not be loaded: see above)"
        for name, line, count in (("alpha.md", 11, 3), ("beta.md", 13, 3))
    ]


def _problems_after_betas_link_becomes(content_copy: Path, annotation: str) -> tuple[Path, list[str]]:
    beta = content_copy / "articles" / "beta.md"
    beta.write_text(beta.read_text(encoding="utf-8").replace('see="alpha#opening"', annotation), encoding="utf-8")
    return beta, [str(p) for p in load_library(content_copy).problems]


def test_a_stray_space_after_see_names_the_attribute_and_the_link_still_counts(content_copy: Path):
    beta, problems = _problems_after_betas_link_becomes(content_copy, 'see= "alpha#opening"')
    assert problems == [
        f"{beta}:13: a space after 'see' in the annotation: write see=\"alpha#opening\" with no space around '='"
    ]


def test_a_link_to_a_missing_anchor_is_not_also_one_way_in_the_file_that_links_back(content_copy: Path):
    beta, problems = _problems_after_betas_link_becomes(content_copy, 'see="alpha#openin"')
    assert problems == [
        f"{beta}:13: cross-reference to missing anchor 'openin' in article 'alpha' (did you mean 'opening'?)"
    ]


def test_a_one_way_cross_reference_is_a_warning(content_copy: Path):
    path = _write(content_copy, "gamma.md", FRONT.format(id="gamma") + "Text.\n{: #a see=\"beta#dicas-forum\"}\n")
    (problem,) = load_library(content_copy).problems
    assert problem.severity == "warning"
    assert str(problem) == (
        f"{path}:11: warning: cross-reference to beta#dicas-forum is one-way: add see=\"gamma#a\" there too"
    )


def test_check_passes_warnings_unless_strict(capsys, content_copy: Path):
    from jpbrief.cli import main

    _write(content_copy, "gamma.md", FRONT.format(id="gamma") + "Text.\n{: #a see=\"beta#dicas-forum\"}\n")
    assert main(["check", str(content_copy)]) == 0
    assert "warning: cross-reference to beta#dicas-forum is one-way" in capsys.readouterr().out
    assert main(["check", "--strict", str(content_copy)]) == 1
    assert "0 error(s), 1 warning(s)" in capsys.readouterr().err


def test_check_help_gives_the_exit_codes(capsys):
    import pytest

    from jpbrief.cli import main

    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "1  at least one error, or with --strict at least one warning" in capsys.readouterr().out


def test_an_acronym_may_have_two_meanings_and_search_expands_to_each(content_copy: Path):
    from jpbrief.core.search.expansion import GlossaryExpander

    glossary = content_copy / "glossary.yaml"
    glossary.write_text(
        "acronyms:\n  - term: NSS\n    expansion: [National Security Strategy, National Security Secretariat]\n"
        "  - term: JSDF\n    expansion: Japan Self-Defense Forces\n"
        "  - term: X\n    expansion: []\n  - term: Y\n    expansion: [Why, Why]\n",
        encoding="utf-8",
    )
    library = load_library(content_copy)
    assert [str(p) for p in library.problems] == [
        f"{glossary}:6: an acronym needs a term and an expansion (or a list of them)",
        f"{glossary}:8: acronym 'Y': expansion 'Why' is listed twice",
    ]
    nss, jsdf, _y = library.glossary.acronyms
    assert (nss.expansion, nss.expansions) == (
        "National Security Strategy", ("National Security Strategy", "National Security Secretariat"),
    )
    assert jsdf.expansions == ("Japan Self-Defense Forces",)
    expander = GlossaryExpander(library.glossary)
    assert sorted(expander.equivalents(("nss",))) == ["National Security Secretariat", "National Security Strategy"]
    assert expander.equivalents(("nation", "secur", "secretariat")) == ["NSS"]  # analysed form


def test_an_unknown_front_matter_key_suggests_the_known_one(content_copy: Path):
    path = _write(content_copy, "gamma.md", "---\nid: gamma\ntitle: T\npublised: 2024-05-10\n---\n\nText.\n")
    assert _messages(load_library(content_copy), path) == [
        "4: unknown front-matter key 'publised' (did you mean 'published'?)"
    ]
