"""Read-only content commands: ``check``, ``articles``, ``show``, ``sources``, ``themes``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jpbrief.commands import content_dir, print_json
from jpbrief.commands import load_library as merged_library
from jpbrief.core.content import load_library, plain_text
from jpbrief.core.model import Article, Footnote, Library, Passage

NOT_STATED = "not stated"
"""Shown in plain output where the original does not state the author, publisher or date."""

LISTING_EXIT = (
    "Exit status: 0 listed (content problems are only warned about; 'jpbrief check' lists them); "
    "2 wrong usage."
)
_MARK = "\ue000"  # a private-use character: never in the content, kept by the Markdown renderer

CHECK_EXIT_CODES = """Exit status:
  0  no errors (warnings, printed as 'path:line: warning: ...', are allowed)
  1  at least one error, or with --strict at least one warning
  2  the command line itself is wrong"""


def load(args: argparse.Namespace) -> Library:
    """The library with the installed content packs (``check`` reads the folder alone)."""
    return merged_library(args)


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "author": article.author,
        "publisher": article.publisher,
        "published": article.published,
        "themes": list(article.themes),
        "passages": len(article.passages),
    }


def placed_footnotes(passage: Passage) -> list[tuple[Footnote, int]]:
    """Each footnote with where its marker stands in ``passage.text`` (a character offset).

    The model places each marker in the Markdown (:meth:`Passage.runs`); the text is
    rendered once more with each marker as a private-use character, whose places are then
    read off. A marker after a space stands before the space, as it would in print. If
    that rendering ever differs from ``passage.text``, every marker goes at the end.
    """
    runs = list(passage.runs()) if passage.footnotes else []
    notes = [run for run in runs if isinstance(run, Footnote)]
    marked = plain_text("".join(_MARK if isinstance(run, Footnote) else run for run in runs))
    out: list[str] = []
    offsets: list[int] = []
    for char in marked:
        if char == _MARK:
            offsets.append(len(out) - 1 if out and out[-1] == " " else len(out))
        elif char != " " or (out and out[-1] != " "):
            out.append(char)
    if "".join(out).rstrip(" ") != passage.text or len(offsets) != len(notes):
        offsets = [len(passage.text)] * len(notes)
    return [(note, min(offset, len(passage.text))) for note, offset in zip(notes, offsets, strict=True)]


def text_with_markers(passage: Passage) -> str:
    """The passage's text with ``[n]`` where the original prints each footnote number."""
    text = passage.text
    for footnote, offset in reversed(placed_footnotes(passage)):
        text = f"{text[:offset]}[{footnote.number}]{text[offset:]}"
    return text


def passage_json(passage: Passage) -> dict[str, Any]:
    return {
        "anchor": passage.anchor,
        "kind": passage.kind,
        "section": passage.section,
        "text": passage.text,
        "themes": list(passage.themes),
        "role": passage.role,
        "footnotes": [
            {"number": f.number, "source": f.source_id, "offset": offset}
            for f, offset in placed_footnotes(passage)
        ],
        "crossrefs": [{"article": r.article, "anchor": r.anchor} for r in passage.crossrefs],
    }


def cmd_check(args: argparse.Namespace) -> int:
    library = load_library(content_dir(args))  # the folder alone: what a build would ship
    problems = list(library.problems)
    if args.report:  # imported here: the report reads words as search does, and whoosh is slow to import
        from jpbrief.core.content.report import report_findings

        problems += report_findings(library, content_dir(args))
    for problem in problems:
        print(problem)
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = len(problems) - errors
    if errors or (warnings and args.strict):
        print(f"{errors} error(s), {warnings} warning(s) in {content_dir(args)}", file=sys.stderr)
        return 1
    print(
        f"ok: {len(library.articles)} articles, {library.passage_count} passages, "
        f"{len(library.sources)} sources, {len(library.themes)} themes"
        + (f", {len(library.events)} events, {len(library.figures)} figures"
           if library.events or library.figures else "")
    )
    return 0


def _warn_problems(library: Library) -> None:
    if library.problems:
        print(
            f"warning: {len(library.problems)} content problem(s); run 'jpbrief check'",
            file=sys.stderr,
        )


def cmd_articles(args: argparse.Namespace) -> int:
    library = load(args)
    _warn_problems(library)
    rows = [article_summary(article) for article in library.articles]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        fields = [row[key] or NOT_STATED for key in ("id", "title", "author", "publisher", "published")]
        print("\t".join([*fields, f"{row['passages']} passages"]))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    library = load(args)
    article = library.article(args.article)
    if article is None:
        known = ", ".join(a.id for a in library.articles) or "none"
        print(f"jpbrief: no article {args.article!r} (known: {known})", file=sys.stderr)
        if library.skipped:
            print(
                f"jpbrief: {len(library.skipped)} file(s) could not be loaded; "
                "'jpbrief check' says why",
                file=sys.stderr,
            )
        return 1
    if args.json:
        data = article_summary(article)
        data["disclaimer"] = article.disclaimer
        data["passages"] = [passage_json(p) for p in article.passages]
        print_json(data)
        return 0
    print(article.title)
    if article.byline or article.published:
        print(" · ".join(part for part in (article.byline, article.published) if part))
    for passage in article.passages:
        print()
        if passage.kind == "heading":
            print(f"## {passage.text}")
            continue
        print(f"{text_with_markers(passage)}  (#{passage.anchor})")
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    library = load(args)
    _warn_problems(library)
    rows = []
    for source in library.sources.values():
        row: dict[str, Any] = {"id": source.id, "citation": source.citation, **source.fields()}
        row["cited_by"] = [
            {"article": c.article, "anchor": c.anchor, "number": c.number}
            for c in library.citations(source.id)
        ]
        rows.append(row)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        numbers = ", ".join(f"{c['article']} [{c['number']}]" for c in row["cited_by"])
        print(f"{row['id']}: {row['citation']}" + (f"  — cited by {numbers}" if numbers else ""))
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    library = load(args)
    _warn_problems(library)
    rows = [
        {
            "id": theme.id,
            "label": theme.label,
            "description": theme.description,
            "passages": [
                {"article": a.id, "anchor": p.anchor} for a, p in library.theme_passages(theme.id)
            ],
        }
        for theme in library.themes.values()
    ]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row['id']}\t{row['label']}\t{len(row['passages'])} passages\t{row['description']}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "check", help="validate a content folder; print path:line: message for each problem",
        epilog=CHECK_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("content_dir", nargs="?", metavar="CONTENT_DIR")
    check.add_argument("--strict", action="store_true", help="warnings fail too (for builds)")
    check.add_argument(
        "--report", action="store_true",
        help="also warn about unfinished editing: passages with no theme, unused sources and glossary "
        "entries, acronyms with no entry, cross-references whose passages share no word",
    )
    check.set_defaults(func=cmd_check)

    for name, func, help_text, epilog in (
        ("articles", cmd_articles, "list the articles",
         "Plain output: one line per article, tab-separated: id, title, author, publisher, "
         f"published ('{NOT_STATED}' where the original does not say), passages. {LISTING_EXIT}"),
        ("sources", cmd_sources, "list the bibliography with where each source is cited", LISTING_EXIT),
        ("themes", cmd_themes, "list the themes with their passages", LISTING_EXIT),
    ):
        sub = subparsers.add_parser(name, help=help_text, epilog=epilog)
        sub.add_argument("--json", action="store_true", help="print JSON")
        sub.set_defaults(func=func)

    show = subparsers.add_parser(
        "show", help="print one article's passages",
        epilog="Plain output: footnote numbers [n] where the original prints them, each "
        "passage's anchor after it. JSON: each footnote's offset is its place (in characters) "
        "in the passage's text. Exit status: 0 shown; 1 no article with that id; 2 wrong usage.",
    )
    show.add_argument(
        "article", metavar="ARTICLE",
        help="the article's id (the id: of its front matter; 'jpbrief articles' lists them)",
    )
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=cmd_show)
