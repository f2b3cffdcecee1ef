"""Reader commands: ``read`` (the default) and ``self-test``.

PySide6 is imported inside the handlers only, so trainer commands such as
``jpbrief check`` never load Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from jpbrief.commands import content_dir

PACK_SUFFIX = ".jpbpack"


def pack_files(names: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The content packs to offer (absolute paths), and why any other name cannot be opened."""
    files, problems = [], []
    for name in names:
        path = Path(name)
        if not path.is_file():
            problems.append(f"{name}: no such file")
        elif path.suffix.lower() != PACK_SUFFIX:
            problems.append(f"{name}: not a content pack; jpbrief opens only {PACK_SUFFIX} files")
        else:
            files.append(path.absolute())
    return files, problems


def no_window_hint(files: Sequence[Path]) -> str:
    """What to do with packs when the reader has no window to ask in."""
    names = " ".join(f'"{f}"' if " " in str(f) else str(f) for f in files)
    return ("To see what a pack holds and install it from the command line instead:\n"
            f"  jpbrief pack verify {names}\n  jpbrief pack install FILE.jpbpack\n")


def cmd_read(args: argparse.Namespace) -> int:
    import os
    import sys

    from jpbrief.ui.launch import has_display, run

    files, problems = pack_files(getattr(args, "files", None) or [])
    for problem in problems:
        print(f"jpbrief: {problem}", file=sys.stderr)
    if problems:
        return 2
    if files and not has_display() and not os.environ.get("QT_QPA_PLATFORM"):
        sys.stderr.write("jpbrief: there is no display to show the content pack's details and "
                         "ask before installing it.\n" + no_window_hint(files))
        return 2
    code = run(content_dir(args), packs=files)
    if code == 3 and files:  # the reader cannot start on this system
        sys.stderr.write(no_window_hint(files))
    return code


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
    read.add_argument(
        "files", nargs="*", metavar="FILE.jpbpack",
        help="content packs to check and offer to install (as opening one from the file manager)",
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
