"""``jpbrief new ID``: start an article from a template that already passes ``jpbrief check``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from jpbrief.commands import content_dir
from jpbrief.core.content import load_library, valid_date
from jpbrief.core.content.fields import ID_RE
from jpbrief.core.content_files import ARTICLE_DIR, ARTICLE_SUFFIX, list_content, read_capped

TODO_TITLE = "TODO: the title exactly as printed"
TODO_HEADING = "TODO: the first section heading as printed (delete this block if there is none)"
TODO_PARAGRAPH = (
    "TODO: replace this paragraph with the original's text, word for word, "
    "one paragraph per block (see docs/content-format.md)."
)
_FRONT_ID = re.compile(r"^id:\s*[\"']?([^\"'#\s]+)[\"']?\s*(?:#.*)?$")


def _yaml_value(value: str | None) -> str:
    """A front-matter value: null, or a double-quoted string (JSON's quoting is valid YAML)."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def template(article_id: str, theme: str | None, title: str | None = None, author: str | None = None,
             publisher: str | None = None, published: str | None = None) -> str:
    """The new article's text: front matter (null where not given), a heading, a TODO paragraph."""
    annotation = f'{{: themes="{theme}"}}\n' if theme else ""
    return (
        "---\n"
        f"id: {article_id}  # the file's name without .md; keep them the same\n"
        f"title: {_yaml_value(title or TODO_TITLE)}\n"
        f"author: {_yaml_value(author)}  # null where the original does not state it\n"
        f"publisher: {_yaml_value(publisher)}\n"
        f"published: {_yaml_value(published)}  # YYYY-MM-DD, or null\n"
        "disclaimer: null\n"
        "---\n"
        "\n"
        f"## {TODO_HEADING}\n"
        "\n"
        f"{TODO_PARAGRAPH}\n"
        f"{annotation}"
    )


def _ids_in_files(folder: Path) -> dict[str, Path]:
    """The id in each article file's front matter, by id, whether the file loads or not."""
    ids: dict[str, Path] = {}
    for path in list_content(folder).articles:
        data = read_capped(path)
        lines = (data or b"").decode("utf-8", "replace").split("\n")
        if not lines or lines[0].strip() != "---":
            continue
        for line in lines[1:]:
            if line.strip() == "---":
                break
            match = _FRONT_ID.match(line)
            if match:
                ids.setdefault(match.group(1), path)
    return ids


def _refusal(article_id: str, folder: Path, target: Path) -> str | None:
    """Why ``article_id`` cannot be created in ``folder``, or None."""
    if article_id.endswith(ARTICLE_SUFFIX) or "/" in article_id or "\\" in article_id:
        stem = Path(article_id.replace("\\", "/")).name.removesuffix(ARTICLE_SUFFIX)
        return f"give the article's id, not a file name (e.g. 'jpbrief new {stem}')"
    if not ID_RE.match(article_id):
        return (
            f"{article_id!r} is not an id: use lower-case letters, digits and single hyphens "
            "(e.g. 'security-clearance-law')"
        )
    if target.exists() or target.is_symlink():
        return f"{target} already exists; edit it, or choose another id"
    holder = _ids_in_files(folder).get(article_id)
    if holder is not None:
        return f"{holder} already has the id {article_id!r}; its file name should be {target.name}"
    return None


def cmd_new(args: argparse.Namespace) -> int:
    folder = content_dir(args)
    target = folder / ARTICLE_DIR / f"{args.id}{ARTICLE_SUFFIX}"
    refusal = _refusal(args.id, folder, target)
    if refusal is None and args.published is not None and not valid_date(args.published):
        refusal = f"--published must be an ISO date (YYYY-MM-DD), got {args.published!r}"
    library = load_library(folder) if refusal is None else None
    theme = args.theme
    if library is not None and theme is None:
        theme = next(iter(library.themes), None)
    elif library is not None and theme not in library.themes:
        known = ", ".join(library.themes) or "none"
        refusal = f"no theme {theme!r} in {folder / 'themes.yaml'} (known: {known})"
    if refusal is not None or library is None:
        print(f"jpbrief new: {refusal}", file=sys.stderr)
        return 1
    text = template(args.id, theme, args.title, args.author, args.publisher, args.published)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never over an existing file
        handle.write(text)
    problems = [p for p in load_library(folder).problems if Path(p.path) == target]
    if problems:
        target.unlink()
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"jpbrief new: {target} would not pass 'jpbrief check'; not written", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    print("Replace each TODO with the original's words, then run 'jpbrief check'.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = subparsers.add_parser(
        "new",
        help="start an article from a template that passes 'jpbrief check'",
        description="Write content/articles/ID.md from a template: front matter (null where "
        "an option is not given), one heading and one paragraph marked TODO, one theme.",
        epilog="Exit status: 0 written; 1 refused (the id exists, is not an id, or the options "
        "are invalid), nothing written; 2 wrong usage.",
    )
    new.add_argument(
        "id", metavar="ID", help="the article's id, also its file name: lower-case, digits, hyphens"
    )
    new.add_argument("--title", help="the title exactly as printed (default: a TODO)")
    new.add_argument("--author", help="as printed (default: null, not stated)")
    new.add_argument("--publisher", help="as printed (default: null, not stated)")
    new.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date (default: null)")
    new.add_argument("--theme", metavar="THEME", help="a theme id from themes.yaml (default: the first)")
    new.set_defaults(func=cmd_new)
