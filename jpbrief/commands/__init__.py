"""Sub-commands of the jpbrief command line, one module per group.

Only what every group shares lives here, and it imports nothing heavy: the reader's
start-up passes through this package.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jpbrief.core import paths

if TYPE_CHECKING:
    from jpbrief.core.model import Library


def content_dir(args: argparse.Namespace) -> Path:
    """The folder a command works on: its own argument, ``--content``, or the bundled one."""
    explicit = getattr(args, "content_dir", None) or getattr(args, "content", None)
    return Path(explicit) if explicit else paths.content_dir()


def load_library(args: argparse.Namespace) -> Library:
    """What the reader and every command but ``check`` read: the content folder (see
    :func:`content_dir`) merged with the user's installed content packs."""
    from jpbrief.core.packs.merge import load_merged

    return load_merged(content_dir(args), paths.packs_dir())


def write_pdf(write: Callable[[], Path], target: Path) -> Path | None:
    """Run ``write`` (it writes the PDF ``target`` and returns its path): the file written,
    or None after "cannot write FILE" on stderr when it raised or left no file."""
    try:
        written = write()
    except OSError as error:
        print(f"jpbrief: cannot write {target}: {error.strerror or error}", file=sys.stderr)
        return None
    if not written.is_file() or written.stat().st_size == 0:
        print(f"jpbrief: cannot write {written}", file=sys.stderr)
        return None
    return written


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON on stdout: every ``--json`` output."""
    import json  # not on the reader's start-up path

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
