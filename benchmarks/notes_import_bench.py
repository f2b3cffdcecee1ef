"""Notes import benchmark: time to import 1k, 10k and 100k notes, with and without UUIDs.

The promise it checks: import time grows linearly with the item count (it grew with the
square: 20k items took 35 s). Each case imports a generated export into a fresh store in
a temporary folder, then imports it again (every item skipped as already present). Items
without a UUID all sit on one passage, the worst case for matching by content. Prints
JSON; run from the repository root:

    .venv/bin/python benchmarks/notes_import_bench.py [COUNT ...]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jpbrief.core.notes import NotesStore  # noqa: E402


def export(count: int, *, with_uuids: bool) -> bytes:
    items = []
    for number in range(count):
        item = {"kind": "note", "article": "alpha", "anchor": "intro",
                "quote": "Japan is becoming more forward-leading in national security.",
                "text": f"note {number}", "created": "2024-05-13T12:00:00+00:00"}
        if with_uuids:
            item["uuid"] = str(uuid.uuid4())
        items.append(item)
    return json.dumps({"format": "jpbrief-notes", "version": 1, "items": items}).encode()


def measure(count: int, *, with_uuids: bool) -> dict[str, object]:
    data = export(count, with_uuids=with_uuids)
    with (tempfile.TemporaryDirectory(prefix="jpbrief-import-bench-") as folder,
          NotesStore(Path(folder) / "notes.sqlite3", auto_backup=False) as store):
        started = time.perf_counter()
        first = store.import_json(data)
        middle = time.perf_counter()
        again = store.import_json(data)
        ended = time.perf_counter()
    assert first.added == count and again.skipped == count
    return {"items": count, "uuids": with_uuids, "bytes": len(data),
            "import_s": round(middle - started, 3), "reimport_s": round(ended - middle, 3),
            "us_per_item": round((middle - started) / count * 1e6, 1)}


def main(argv: list[str]) -> int:
    counts = [int(arg) for arg in argv] or [1_000, 10_000, 100_000]
    results = [measure(count, with_uuids=flag) for count in counts for flag in (True, False)]
    print(json.dumps({"benchmark": "notes_import", "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
