"""The ``jpbrief`` command: the reader by default, sub-commands for trainers and scripts.

Each group of sub-commands lives in ``jpbrief.commands.<group>`` and exposes
``register(subparsers)``. Heavy imports (Qt, Whoosh) happen inside the handlers, so
``jpbrief check`` stays fast and the reader's start-up never pays for search.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from jpbrief import __version__

COMMAND_GROUPS = ("content", "new", "chronology", "paper", "search", "notes", "pack", "gui")
READER_GROUPS = ("gui",)
"""The reader's start-up imports only its own group: the others load Markdown, YAML and
SQLite modules it does not need before the first paint."""


def build_parser(groups: Sequence[str] = COMMAND_GROUPS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jpbrief",
        description="Offline reader for briefings on Japan's defence and economic security.",
        epilog="'jpbrief FILE.jpbpack ...' opens the reader and offers to install those content "
        "packs (what opening one from the file manager does). "
        "ARTICLE is an article's id ('jpbrief articles' lists them). Exit status: 0 "
        "success; 1 problems found, nothing found or no such article (each command's --help "
        "says which); 2 wrong usage; 3 the reader cannot start on this system.",
    )
    parser.add_argument("--version", action="version", version=f"jpbrief {__version__}")
    parser.add_argument(
        "--content", metavar="DIR", default=None,
        help="content folder to use instead of the bundled one (also $JPBRIEF_CONTENT)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in groups:
        try:
            module = importlib.import_module(f"jpbrief.commands.{group}")
        except ModuleNotFoundError as error:
            if error.name != f"jpbrief.commands.{group}":
                raise
            continue
        module.register(subparsers)
    return parser


def _names_a_file(word: str) -> bool:
    """True for what a file manager passes (``%F``): a ``.jpbpack`` or another existing file.

    No command name has a dot or a slash, so ``jpbrief notes.txt`` is a file, not a typo.
    """
    if word.startswith("-"):
        return False
    if word.lower().endswith(".jpbpack"):
        return True
    return any(c in word for c in "./\\") and os.path.isfile(word)


def _opens_reader(argv: list[str]) -> bool:
    """True when the command line asks for the reader (no command, ``read``, or files)."""
    rest = list(argv)
    while rest[:1] == ["--content"] and len(rest) >= 2:
        rest = rest[2:]
    while rest and rest[0].startswith("--content="):
        rest = rest[1:]
    return not rest or rest[0] == "read" or _names_a_file(rest[0])


def _plain_read(argv: list[str]) -> argparse.Namespace | None:
    """What the parser would make of ``[--content DIR] [read] [FILE.jpbpack ...]``, without
    building it.

    Opening the reader is the command line's hot path, and building the parser costs its
    start-up a few milliseconds; anything else (help, abbreviations, options of
    ``read``) returns None and goes through the parser.
    """
    content = None
    rest = list(argv)
    if rest[:1] == ["--content"] and len(rest) >= 2 and not rest[1].startswith("-"):
        content, rest = rest[1], rest[2:]
    elif rest[:1] and rest[0].startswith("--content="):
        content, rest = rest[0].partition("=")[2], rest[1:]
    if rest[:1] == ["read"]:
        rest = rest[1:]
    if not all(_names_a_file(word) for word in rest):
        return None
    from jpbrief.commands import gui

    return argparse.Namespace(content=content, command="read", func=gui.cmd_read, files=rest)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _plain_read(arguments)
    if args is None:
        reader = _opens_reader(arguments)
        parser = build_parser(READER_GROUPS if reader else COMMAND_GROUPS)
        args = parser.parse_args(arguments)
        if getattr(args, "func", None) is None:
            args = parser.parse_args([*arguments, "read"])
            if getattr(args, "func", None) is None:
                parser.print_help()
                return 2
    handler = args.func
    try:
        return int(handler(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
