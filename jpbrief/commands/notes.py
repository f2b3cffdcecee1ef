"""``jpbrief notes``: add, edit, list, export and import notes from scripts and tests.

Exit codes: 0 done (for ``add`` and ``edit``: the change is committed), 1 the notes
database or a file could not be read or written, 2 a bad argument (malformed
``ARTICLE#ANCHOR``, an article or anchor the content does not have, a note id the store
does not have, an empty text, an import file that is not a notes export).
Every error is one line on stderr that names the file or argument at fault.

``export`` first re-anchors the notes against the content (when it loads), so the memo
shows each note on the passage it belongs to now; nothing is ever dropped by that, and
notes on an article the content lacks (removed, or skipped because of a problem in its
file) are left where they are, with a warning, rather than moved.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jpbrief.commands import content_dir
from jpbrief.core.durable import atomic_write_text
from jpbrief.core.notes import ImportFormatError, NotesError, NotesStore, default_db_path
from jpbrief.core.notes.import_checks import BATCH, MAX_IMPORT_BYTES

if TYPE_CHECKING:
    from jpbrief.core.model import Library

PROG = "jpbrief notes"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``notes`` sub-command and its own sub-commands to ``subparsers``."""
    exits = (
        "Exit status: 0 done; 1 the notes store or a file could not be read or written (the "
        "message says why); 2 wrong usage: a malformed ARTICLE#ANCHOR, an unknown article, "
        "passage or note id, an empty text, or an import file refused as a whole (nothing "
        "imported)."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="FILE",
        help="notes database (default: notes.sqlite3 in the user data folder, "
        "which $JPBRIEF_DATA_DIR overrides)",
    )
    parser = subparsers.add_parser(
        "notes",
        parents=[common],
        help="add, edit, list, export and import notes",
        description="Bookmarks, highlights and notes kept by the reader, for scripts.",
        epilog=exits,
    )
    commands = parser.add_subparsers(dest="notes_command", metavar="COMMAND")

    add = commands.add_parser(
        "add", parents=[common], help="add a note to a passage; exits 0 once it is saved",
        epilog=exits,
    )
    add.add_argument(
        "target", metavar="ARTICLE#ANCHOR",
        help="the passage: an article's id, '#' and a passage's anchor ('jpbrief show ARTICLE' "
        "prints them), e.g. my-article#intro",
    )
    add.add_argument("text", metavar="TEXT", help="the note")
    add.set_defaults(func=add_note)

    edit = commands.add_parser(
        "edit", parents=[common],
        help="replace a note's text (its id: what 'add' printed, or 'list'); exits 0 once saved",
        epilog=exits,
    )
    edit.add_argument("id", type=int, metavar="ID", help="the note's id, as 'list' prints it")
    edit.add_argument("text", metavar="TEXT", help="the note's new text")
    edit.set_defaults(func=edit_note)

    listing = commands.add_parser("list", parents=[common], help="list the notes", epilog=exits)
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(func=list_notes)

    export = commands.add_parser(
        "export", parents=[common], help="export notes, highlights and bookmarks as a memo",
        epilog=exits,
    )
    export.add_argument("--format", choices=("md", "json"), default="md",
                        help="Markdown memo or JSON (importable); default md")
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output")
    export.set_defaults(func=export_notes)

    importing = commands.add_parser(
        "import", parents=[common], help="import a JSON export; what is already here is skipped",
        epilog=exits,
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.set_defaults(func=import_notes)

    def usage(args: argparse.Namespace) -> int:
        parser.print_usage(sys.stderr)
        _error("choose a command: add, edit, list, export or import")
        return EXIT_USAGE

    parser.set_defaults(func=usage)
    return parser


# --------------------------------------------------------------------------- handlers


def add_note(args: argparse.Namespace) -> int:
    article, sep, anchor = str(args.target).partition("#")
    if not sep or not article or not anchor or "#" in anchor:
        _error(f"ARTICLE#ANCHOR argument {args.target!r} is not of the form article-id#anchor")
        return EXIT_USAGE
    if not str(args.text).strip():
        _error("TEXT argument is empty")
        return EXIT_USAGE
    quote = ""
    library, why_not = _load_library(args)
    if library is None:
        _warn(f"{why_not}; {args.target} was not checked against the content")
    else:
        found = library.article(article)
        if found is None:
            _error(f"ARTICLE#ANCHOR argument {args.target!r}: no article {article!r} "
                   f"in {_content_name(args)}")
            return EXIT_USAGE
        passage = found.passage(anchor)
        if passage is None:
            _error(f"ARTICLE#ANCHOR argument {args.target!r}: article {article!r} has no "
                   f"passage #{anchor}")
            return EXIT_USAGE
        quote = passage.text
    store = _open_store(args)
    if store is None:
        return EXIT_FAILURE
    with store:
        try:
            note = store.add_note(article, anchor, args.text, quote=quote)
        except (NotesError, sqlite3.Error, OSError) as exc:
            _error(f"{store.path}: the note was not saved: {exc}")
            return EXIT_FAILURE
    # Only now, after COMMIT, is success reported.
    print(note.id)
    return EXIT_OK


def edit_note(args: argparse.Namespace) -> int:
    if not str(args.text).strip():
        _error("TEXT argument is empty (to delete a note, use the reader's Notes panel)")
        return EXIT_USAGE
    store = _open_store(args)
    if store is None:
        return EXIT_FAILURE
    with store:
        if store.note(args.id) is None:
            _error(f"ID argument {args.id}: {store.path} has no note {args.id} "
                   f"('{PROG} list' prints the ids)")
            return EXIT_USAGE
        try:
            store.update_note(args.id, args.text)
        except (NotesError, sqlite3.Error, OSError) as exc:
            _error(f"{store.path}: note {args.id} was not changed: {exc}")
            return EXIT_FAILURE
    # Only now, after COMMIT, is success reported.
    return EXIT_OK


def list_notes(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return EXIT_FAILURE
    with store:
        notes = store.notes()
    if args.json:
        records = [
            {
                "id": note.id,
                "uuid": note.uuid,
                "article": note.article,
                "anchor": note.anchor,
                "text": note.text,
                "quote": note.quote,
                "created": note.created,
                "updated": note.updated,
                "highlight_id": note.highlight_id,
                "state": note.state,
                "original_article": note.original_article,
                "original_anchor": note.original_anchor,
            }
            for note in notes
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return EXIT_OK
    for note in notes:
        flag = f" [{note.state}]" if note.state != "ok" else ""
        text = " ".join(note.text.split())
        print(f"{note.id}\t{note.article}#{note.anchor}\t{note.created}{flag}\t{text}")
    return EXIT_OK


def export_notes(args: argparse.Namespace) -> int:
    library, why_not = _load_library(args)
    if library is None:
        _warn(f"{why_not}; the export shows article ids instead of titles and no sources")
    store = _open_store(args)
    if store is None:
        return EXIT_FAILURE
    with store:
        try:
            if library is not None and store.read_only is None:
                _reanchor(store, library, args)
            export = store.export_json if args.format == "json" else store.export_markdown
            text = export(library)
        except sqlite3.Error as exc:
            _error(f"{store.path}: {exc}")
            return EXIT_FAILURE
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        atomic_write_text(args.output, text)
    except OSError as exc:
        _error(f"cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_FAILURE
    return EXIT_OK


def import_notes(args: argparse.Namespace) -> int:
    try:
        size = args.file.stat().st_size
        if size > MAX_IMPORT_BYTES:  # refused before it is read into memory
            _error(f"{args.file}: the file is {size:,} bytes, over the limit of "
                   f"{MAX_IMPORT_BYTES:,} (64 MiB); split the export; nothing was imported")
            return EXIT_USAGE
        data = args.file.read_bytes()
    except OSError as exc:
        _error(f"cannot read {args.file}: {exc.strerror or exc}")
        return EXIT_FAILURE
    store = _open_store(args)
    if store is None:
        return EXIT_FAILURE
    def progress(done: int, total: int) -> None:
        if total > BATCH:  # a small file is done before a line of progress could help
            print(f"{PROG}: importing {args.file}: {done:,} of {total:,} items",
                  file=sys.stderr, flush=True)

    with store:
        try:
            result = store.import_json(data, progress=progress)
        except ImportFormatError as exc:
            _error(f"{args.file}: {exc}; nothing was imported")
            return EXIT_USAGE
        except (NotesError, sqlite3.Error, OSError) as exc:
            _error(f"{store.path}: {exc}; the import stopped (items already written stay; "
                   "importing the file again skips them)")
            return EXIT_FAILURE
    print(f"imported {result.added}, skipped {result.skipped} already present")
    return EXIT_OK


# --------------------------------------------------------------------------- helpers


def _reanchor(store: NotesStore, library: Library, args: argparse.Namespace) -> None:
    """Re-anchor against ``library``; say how many annotations it could not place."""
    results = store.reanchor(library)
    unavailable = sum(1 for result in results if result.status == "unavailable")
    if unavailable:
        _warn(f"{unavailable} annotation(s) are on articles not loaded from "
              f"{_content_name(args)}; they were left where they are")


def _open_store(args: argparse.Namespace) -> NotesStore | None:
    path = Path(getattr(args, "db", None) or default_db_path())
    try:
        store = NotesStore(path)
    except (NotesError, sqlite3.Error, OSError) as exc:
        _error(f"cannot open notes database {path}: {exc}")
        return None
    if store.recovery_message:
        _warn(store.recovery_message)
    if store.read_only is not None:
        _warn(f"the notes database {store.path} is open read-only ({store.read_only}); "
              "notes can be listed and exported, not changed or re-anchored")
    return store


def _load_library(args: argparse.Namespace) -> tuple[Library | None, str]:
    """The content library, or None and why not. Imported lazily: Markdown and YAML
    parsing are not needed to list or import notes."""
    try:
        from jpbrief.commands import load_library

        directory = content_dir(args)
        library = load_library(args)
    except (ImportError, OSError) as exc:
        return None, f"content not loaded ({exc})"
    if not library.articles:
        return None, f"no articles loaded from {directory}"
    return library, ""


def _content_name(args: argparse.Namespace) -> str:
    try:
        return str(content_dir(args))
    except OSError:
        return "the content"


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)
