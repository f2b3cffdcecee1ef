"""Search commands: ``index`` (build or check the passage index) and ``search``.

Whoosh is imported inside the handlers only, so ``jpbrief --help`` and the reader's
start-up never pay for it.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from typing import TYPE_CHECKING

from jpbrief.commands import content_dir, print_json

if TYPE_CHECKING:
    from jpbrief.core.model import Library
    from jpbrief.core.search import SearchIndex, SearchResult

EXIT_OK = 0
EXIT_NO_HITS = 1
EXIT_ERROR = 2


def _open(args: argparse.Namespace) -> tuple[Library, SearchIndex]:
    from jpbrief.commands import load_library
    from jpbrief.core import paths
    from jpbrief.core.search import SearchIndex, default_index_root

    content = content_dir(args)
    library = load_library(args)
    if library.problems:
        print(
            f"warning: {len(library.problems)} content problem(s); run 'jpbrief check'",
            file=sys.stderr,
        )
    index = SearchIndex(
        library, content, default_index_root(), lock_timeout=args.wait, key_dir=paths.data_dir()
    )
    return library, index


def cmd_index(args: argparse.Namespace) -> int:
    from jpbrief.core.search import IndexBusy

    _library, index = _open(args)
    try:
        with index:
            info = index.ensure(rebuild=args.rebuild)
    except IndexBusy as busy:
        print(f"error: {busy}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print_json(info.to_dict())
        return EXIT_OK
    where = "memory (the cache folder is not writable)" if info.in_memory else str(info.path)
    print(f"index: {where}")
    print(f"documents: {info.documents}")
    if info.built:
        print(f"built in {info.build_seconds or 0:.2f} s")
    else:
        seconds = f" (built in {info.build_seconds:.2f} s)" if info.build_seconds else ""
        print(f"up to date{seconds}; opened in {info.open_seconds:.3f} s")
    return EXIT_OK


_BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)


def snippet_for_terminal(snippet: str, *, ansi: bool) -> str:
    """The snippet markup as terminal text: matches bold (ANSI) or in «…»."""
    marked = _BOLD.sub(
        (lambda m: f"\x1b[1m{m.group(1)}\x1b[0m") if ansi else (lambda m: f"«{m.group(1)}»"),
        snippet,
    )
    return html.unescape(marked)


def _print_text(result: SearchResult) -> None:
    """Hits in rank order, each with its article; those matching only some of the words
    under a heading of their own, and why each matched when its marks do not say."""
    from jpbrief.core.search.results import SOME_WORDS

    ansi = sys.stdout.isatty()
    if result.message:
        print(result.message)
    if result.suggestions:
        print("Did you mean: " + " | ".join(result.suggestions))
    if not result.hits:
        return
    shown, articles = len(result.hits), len(result.group_by_article())
    some = result.total - result.complete
    counts = f"{result.complete} match every word, {some} some words" if some > 0 else "all words"
    if shown < result.total:  # the articles of the passages shown: the others were not ranked
        print(f"{result.total} passage(s): {counts}; showing the first {shown}, "
              f"from {articles} article(s)")
    else:
        print(f"{result.total} passage(s) in {articles} article(s): {counts}")
    group = ""
    for rank, hit in enumerate(result.hits, 1):
        if some > 0 and hit.tier and hit.tier != group:
            group = hit.tier
            print()
            print("Matching some words:" if group == SOME_WORDS else "Matching every word:")
        elif rank == 1:
            print()
        where = f" [{hit.section}]" if hit.section else ""
        print(f"{rank:>3}. {hit.article} #{hit.anchor}{where}  score {hit.score:.3f}")
        print(f"     {snippet_for_terminal(hit.snippet, ansi=ansi)}")
        if hit.reason:
            print(f"     ({hit.reason})")


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    _library, index = _open(args)
    with index:
        result = index.search(query, theme=args.theme, article=args.article, limit=args.limit)
    if args.json:
        data = result.to_dict()
        print_json(
            {
                "hits": data["hits"],
                "total": data["total"],
                "complete": data["complete"],
                "suggestions": data["suggestions"],
                "message": data["message"],
            }
        )
    else:
        _print_text(result)
    if result.busy:
        return EXIT_ERROR
    return EXIT_OK if result.hits else EXIT_NO_HITS


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _add_wait(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="how long to wait while another process builds the index (30)",
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    index = subparsers.add_parser(
        "index",
        help="build the search index if needed and print where it is",
        description="Open the passage index, building it first if it is missing, stale "
        "or damaged. Prints its path, document count and build time.",
        epilog="Exit status: 0 ready; 2 another process is building it (see --wait).",
    )
    index.add_argument("--rebuild", action="store_true", help="build it even if up to date")
    index.add_argument("--json", action="store_true", help="print JSON")
    _add_wait(index)
    index.set_defaults(func=cmd_index)

    search = subparsers.add_parser(
        "search",
        help="search every passage",
        description="Search every passage. Query language: several words (all first, "
        'then most), "exact phrase", a OR b, NOT word / -word, prefix*, theme:ID, '
        "article:ID. Put -- before a query that starts with '-'. Exit status: 0 with "
        "hits, 1 without, 2 when the index is busy.",
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    search.add_argument("--theme", metavar="ID", help="only passages with this theme")
    search.add_argument("--article", metavar="ID", help="only passages of this article (its id)")
    search.add_argument(
        "--limit", type=_positive_int, default=20, metavar="N", help="hits to show (20)"
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    _add_wait(search)
    search.set_defaults(func=cmd_search)
