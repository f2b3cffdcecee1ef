"""Bookmarks, highlights, notes and reading positions, kept in one SQLite file that never loses them.

``from jpbrief.core.notes import NotesStore, Note, ...`` is the public API; the modules
below each do one job (read them in this order):

- :mod:`.records`: the dataclasses the store returns, its errors, and row -> record;
- :mod:`.store`: :class:`NotesStore`, add/list/remove/re-anchor/export/import in records;
- :mod:`.anchoring`: where each annotation belongs in the current library, and why;
- :mod:`.exchange` and :mod:`.import_checks`: the JSON export and Markdown memo, and
  the limits an import file is checked against;
- :mod:`.database`: the file itself (WAL, integrity check, read-only, transactions), over
  :mod:`.schema` (DDL and migrations), :mod:`.journal` (the second record of every
  change), :mod:`.backups` and :mod:`.recovery` (rebuilding a damaged file).

Each bookmark, highlight and note has a random UUID that export carries and import checks,
so importing an export twice adds nothing.
"""

from jpbrief.core.notes.anchoring import (
    MIN_MOVE_CHARS,
    MIN_MOVE_WORDS,
    locate_passage,
    locate_selection,
    meaningful_quote,
)
from jpbrief.core.notes.backups import BACKUP_DIR, KEEP_BACKUPS
from jpbrief.core.notes.database import DB_NAME, NotesDatabase, default_db_path
from jpbrief.core.notes.records import (
    STATES,
    Annotation,
    Bookmark,
    Highlight,
    ImportFormatError,
    ImportResult,
    Note,
    NotesError,
    Position,
    Reanchored,
    State,
    Status,
)
from jpbrief.core.notes.recovery import RecoveryReport
from jpbrief.core.notes.schema import MIGRATIONS, SCHEMA_V1, SCHEMA_VERSION
from jpbrief.core.notes.store import NotesStore

__all__ = [
    "BACKUP_DIR",
    "DB_NAME",
    "KEEP_BACKUPS",
    "MIGRATIONS",
    "MIN_MOVE_CHARS",
    "MIN_MOVE_WORDS",
    "SCHEMA_V1",
    "SCHEMA_VERSION",
    "STATES",
    "Annotation",
    "Bookmark",
    "Highlight",
    "ImportFormatError",
    "ImportResult",
    "Note",
    "NotesDatabase",
    "NotesError",
    "NotesStore",
    "Position",
    "Reanchored",
    "RecoveryReport",
    "State",
    "Status",
    "default_db_path",
    "locate_passage",
    "locate_selection",
    "meaningful_quote",
]
