"""Read-only content commands: ``check``, ``articles``, ``show``, ``sources``, ``themes``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from jpbrief.commands import content_dir, print_json
from jpbrief.core.content import load_library
from jpbrief.core.model import Article, Library, Passage


def load(args: argparse.Namespace) -> Library:
    return load_library(content_dir(args))


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


def passage_json(passage: Passage) -> dict[str, Any]:
    return {
        "anchor": passage.anchor,
        "kind": passage.kind,
        "section": passage.section,
        "text": passage.text,
        "themes": list(passage.themes),
        "role": passage.role,
        "footnotes": [{"number": f.number, "source": f.source_id} for f in passage.footnotes],
        "crossrefs": [{"article": r.article, "anchor": r.anchor} for r in passage.crossrefs],
    }


def cmd_check(args: argparse.Namespace) -> int:
    library = load(args)
    for problem in library.problems:
        print(problem)
    if library.problems:
        print(f"{len(library.problems)} problem(s) in {content_dir(args)}", file=sys.stderr)
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
        byline = " · ".join(str(row[k]) for k in ("author", "publisher", "published") if row[k])
        print(f"{row['id']}\t{row['title']}\t{byline}\t{row['passages']} passages")
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
        notes = "".join(f"[{f.number}]" for f in passage.footnotes)
        print(f"{passage.text} {notes}".rstrip() + f"  (#{passage.anchor})")
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
        "check", help="validate a content folder; print path:line: message for each problem"
    )
    check.add_argument("content_dir", nargs="?", metavar="CONTENT_DIR")
    check.set_defaults(func=cmd_check)

    for name, func, help_text in (
        ("articles", cmd_articles, "list the articles"),
        ("sources", cmd_sources, "list the bibliography with where each source is cited"),
        ("themes", cmd_themes, "list the themes with their passages"),
    ):
        sub = subparsers.add_parser(name, help=help_text)
        sub.add_argument("--json", action="store_true", help="print JSON")
        sub.set_defaults(func=func)

    show = subparsers.add_parser("show", help="print one article's passages")
    show.add_argument("article", metavar="ARTICLE")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=cmd_show)
