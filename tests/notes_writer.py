"""Durability-test helper: add notes to DBPATH in a loop, printing each note's id once committed.

Usage: ``python tests/notes_writer.py DBPATH [MAX_NOTES]``. Each line of output is
``<id> <uuid>``, written and flushed only after ``NotesStore.add_note`` returned, that is
after COMMIT; ``tests/test_notes_durability.py`` kills this process at random moments and
checks that every line it read names a note that is still there.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run from a checkout without installing: the repository root holds the jpbrief package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jpbrief.core.notes import NotesStore

QUOTE = "Japan is becoming more forward-leading in national security."


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    limit = int(argv[2]) if len(argv) == 3 else 1_000_000
    store = NotesStore(Path(argv[1]))
    if store.recovery_message:  # a sound database must never look damaged after a kill
        print(f"RECOVERY: {store.recovery_message}", file=sys.stderr)
        return 3
    out = sys.stdout
    for number in range(limit):
        note = store.add_note("durability", f"p-{number % 97}", f"note {number}", QUOTE)
        out.write(f"{note.id} {note.uuid}\n")
        out.flush()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
