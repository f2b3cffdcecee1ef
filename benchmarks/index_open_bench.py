"""Index open benchmark: what the seal check (HMAC-SHA256 of every file) adds to opening.

Builds the bundled content's index and a synthetic one (articles from
``search_bench.synthetic_library``), then opens each published index repeatedly three
ways and prints JSON with the median open time of each:

- ``sizes_only``: no key, ``verify=False`` (file sizes checked, nothing read);
- ``crc32``: no key, ``verify=True`` (the CRC-32 of every file, as before the seal);
- ``sealed``: with a key (HMAC-SHA256 over the manifest and every file).

    python benchmarks/index_open_bench.py                 # bundled + 200 articles
    python benchmarks/index_open_bench.py --sizes 2000    # a bigger synthetic index
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from jpbrief.core.model import Library  # noqa: E402 - after the path set-up above

MODES = {"sizes_only": (False, False), "crc32": (True, False), "sealed": (True, True)}


def measure(
    name: str, library: Library, content: Path | None, work: Path, repeats: int
) -> dict[str, Any]:
    from jpbrief.core.search import SearchIndex

    root, key_dir = work / f"ix-{name}", work / "data"
    started = time.perf_counter()
    with SearchIndex(library, content, root, key_dir=key_dir) as index:
        info = index.ensure()
    report: dict[str, Any] = {
        "documents": info.documents,
        "build_s": round(time.perf_counter() - started, 2),
        "index_bytes": sum(p.stat().st_size for p in (info.path or root).iterdir()),
    }
    for mode, (verify, keyed) in MODES.items():
        times = []
        for _ in range(repeats):
            index = SearchIndex(
                library, content, root, verify=verify, key_dir=key_dir if keyed else None
            )
            index.fingerprint()  # not part of opening
            started = time.perf_counter()
            opened = index.ensure()
            times.append(time.perf_counter() - started)
            index.close()
            assert not opened.built, f"{mode}: the index was rebuilt instead of opened"
        report[f"open_{mode}_ms"] = round(statistics.median(times) * 1000, 1)
    report["seal_adds_ms"] = round(report["open_sealed_ms"] - report["open_sizes_only_ms"], 1)
    report["seal_vs_crc32_ms"] = round(report["open_sealed_ms"] - report["open_crc32_ms"], 1)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200", help="synthetic article counts (200)")
    parser.add_argument("--repeats", type=int, default=9, help="opens per mode (9)")
    args = parser.parse_args(argv)
    import search_bench

    from jpbrief.core.content import load_library

    content = REPO / "content"
    bundled = load_library(content)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="jpbrief-open-bench-") as work:
        results["bundled"] = measure("bundled", bundled, content, Path(work), args.repeats)
        for size in (int(s) for s in args.sizes.split(",") if s.strip()):
            library = search_bench.synthetic_library(size, bundled)
            results[f"synthetic_{size}"] = measure(
                f"s{size}", library, None, Path(work), args.repeats
            )
    json.dump(results, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
