"""Index build benchmark: wall and CPU seconds of a full ``SearchIndex.ensure()`` build.

Builds the index of ``search_bench.synthetic_library`` (about 1,500 words per article,
vocabulary from ``content/``) into a temporary folder and prints JSON per size: passages,
wall and CPU seconds, the load average before and after (the machine may be shared: CPU
time is the figure to compare) and the index's size.

    python benchmarks/index_build_bench.py                 # 2,000 articles
    python benchmarks/index_build_bench.py --sizes 200,2000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import search_bench  # found through the path set up above


def build(size: int, seed: Any) -> dict[str, Any]:
    from jpbrief.core.search import SearchIndex

    library = search_bench.synthetic_library(size, seed)
    root = Path(tempfile.mkdtemp(prefix="jpbrief-index-build-"))
    try:
        load_before = os.getloadavg()
        wall, cpu = time.perf_counter(), time.process_time()
        info = SearchIndex(library, None, root).ensure()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        return {
            "articles": size,
            "passages": library.passage_count,
            "documents": info.documents,
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "index_mb": round(search_bench.dir_size(root) / 1e6, 1),
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000", help="comma-separated article counts")
    args = parser.parse_args(argv)
    seed = search_bench.load_real_library()
    results = [build(int(size), seed) for size in args.sizes.split(",")]
    json.dump({"builds": results, "cpu_count": os.cpu_count()}, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
