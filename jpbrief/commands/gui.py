"""Reader commands: ``read`` (the default) and ``self-test``.

PySide6 is imported inside the handlers only, so trainer commands such as
``jpbrief check`` never load Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from jpbrief.commands import content_dir


def cmd_read(args: argparse.Namespace) -> int:
    from jpbrief.ui.launch import run

    return run(content_dir(args))


def cmd_self_test(args: argparse.Namespace) -> int:
    from jpbrief.ui.selftest import run_self_test

    screenshot = Path(args.screenshot) if args.screenshot else None
    return run_self_test(content_dir(args), screenshot=screenshot, timeout_s=args.timeout, strict=args.strict)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    read = subparsers.add_parser(
        "read", help="open the reader window (the default command)",
        epilog="Exit status: 0 closed; 3 the reader cannot start on this system (system "
        "libraries missing, or a PySide6 release known to crash; the message says which).",
    )
    read.set_defaults(func=cmd_read)

    self_test = subparsers.add_parser(
        "self-test",
        help="open the real window (offscreen without a display), exercise it, exit 0 if all worked",
        epilog="Exit status: 0 every check passed; 1 a check failed or the reader could not "
        "start (each is listed); 2 wrong usage.",
    )
    self_test.add_argument(
        "--screenshot", metavar="PATH", default=None,
        help="save a PNG of the window with a footnote card showing",
    )
    self_test.add_argument(
        "--timeout", type=float, default=120.0, metavar="SECONDS",
        help="how long to wait for the search index and results (default 120)",
    )
    self_test.add_argument(
        "--strict", action="store_true",
        help="fail on any skipped article or content problem too (what make package uses)",
    )
    self_test.set_defaults(func=cmd_self_test)
