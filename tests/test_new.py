"""``jpbrief new``: a template article that passes ``check``, and the ids it refuses."""

from __future__ import annotations

from pathlib import Path

from jpbrief.cli import main
from jpbrief.core.content import load_library


def test_new_article_passes_check_with_nulls_where_not_given(capsys, content_copy: Path) -> None:
    assert main(["--content", str(content_copy), "new", "clearance-law", "--title", 'A "new" law',
                 "--publisher", "Jiji Press", "--published", "2024-05-10"]) == 0
    path = content_copy / "articles" / "clearance-law.md"
    assert f"wrote {path}" in capsys.readouterr().out
    assert main(["check", str(content_copy)]) == 0
    assert capsys.readouterr().out.startswith("ok: 3 articles,")
    article = load_library(content_copy).article("clearance-law")
    assert article is not None
    assert (article.title, article.author, article.publisher, article.published, article.disclaimer) == (
        'A "new" law', None, "Jiji Press", "2024-05-10", None,
    )
    heading, paragraph = article.passages
    assert heading.kind == "heading" and paragraph.kind == "paragraph"
    assert paragraph.text.startswith("TODO: ") and heading.text.startswith("TODO: ")
    assert paragraph.themes == ("counterstrike",)  # the first theme of themes.yaml


def test_new_without_options_has_a_todo_title_and_the_chosen_theme(content_copy: Path) -> None:
    assert main(["--content", str(content_copy), "new", "bare", "--theme", "dicas"]) == 0
    article = load_library(content_copy).article("bare")
    assert article is not None and article.title.startswith("TODO")
    assert article.author is None and article.published is None
    assert article.passages[-1].themes == ("dicas",)


def test_new_refuses_an_existing_id_and_leaves_the_file_alone(capsys, content_copy: Path) -> None:
    alpha = content_copy / "articles" / "alpha.md"
    before = alpha.read_bytes()
    assert main(["--content", str(content_copy), "new", "alpha"]) == 1
    assert "alpha.md already exists" in capsys.readouterr().err
    assert alpha.read_bytes() == before


def test_new_refuses_an_id_held_by_a_file_of_another_name(capsys, content_copy: Path) -> None:
    articles = content_copy / "articles"
    (articles / "copy.md").write_text(
        (articles / "alpha.md").read_text(encoding="utf-8").replace("id: alpha", "id: gamma"), encoding="utf-8"
    )
    assert main(["--content", str(content_copy), "new", "gamma"]) == 1
    assert "copy.md already has the id 'gamma'; its file name should be gamma.md" in capsys.readouterr().err
    assert not (articles / "gamma.md").exists()


def test_new_refuses_file_names_bad_ids_unknown_themes_and_bad_dates(capsys, content_copy: Path) -> None:
    for argv, message in (
        (["new", "articles/foo.md"], "give the article's id, not a file name (e.g. 'jpbrief new foo')"),
        (["new", "Foo_Bar"], "'Foo_Bar' is not an id"),
        (["new", "foo", "--theme", "nope"], "no theme 'nope'"),
        (["new", "foo", "--published", "10 May 2024"], "--published must be an ISO date"),
    ):
        assert main(["--content", str(content_copy), *argv]) == 1
        assert message in capsys.readouterr().err
    assert sorted(p.name for p in (content_copy / "articles").iterdir()) == ["alpha.md", "beta.md"]
