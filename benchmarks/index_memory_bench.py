"""Search index memory: what opening a published index and querying it add to the RSS.

Builds (once, into ``--workdir``) the index of ``search_bench.synthetic_library(SIZE)``,
then for each mode opens it in a fresh process: ``file`` is how the reader opens it (each
file of Whoosh's compound segment read from the segment file as needed), ``mmap`` is
Whoosh's default (the segment memory-mapped, and each of its files copied into a BytesIO
when opened). Per mode: RSS added by opening, RSS added after 30 queries, their p50/p95.
Prints JSON. Linux (/proc).

    .venv/bin/python benchmarks/index_memory_bench.py --size 1000
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROBE = r"""
import json, re, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
import search_bench
from jpbrief.core.content import load_library
from jpbrief.core.search import SearchIndex, lifecycle

def rss():
    return int(re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text()).group(1)) / 1024

mode, size, root = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
if mode == "mmap":
    init = lifecycle._ReadStorage.__init__
    def with_mmap(self, path, *args, **kwargs):
        kwargs["supports_mmap"] = True
        init(self, path, *args, **kwargs)
    lifecycle._ReadStorage.__init__ = with_mmap
library = search_bench.synthetic_library(size, load_library(Path("content")))
index = SearchIndex(library, None, root, key_dir=root / "key")
before = rss()
info = index.ensure()
opened = rss()
times = []
for _ in range(3):
    for query in ("export controls", "counterstrike capability", "japan", "security clearance",
                  "defence industry", "sem*", '"economic security"', "alliance", "drone", "space"):
        start = time.perf_counter()
        index.search(query)
        times.append((time.perf_counter() - start) * 1000)
print(json.dumps({"built": info.built, "documents": info.documents, "open_mb": round(opened - before, 1),
                  "after_queries_mb": round(rss() - before, 1), "times": times}))
"""


def probe(mode: str, size: int, root: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, mode, str(size), str(root), str(HERE)],
                          capture_output=True, text=True, cwd=HERE.parent, timeout=1800, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="synthetic articles (1000)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the index here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jpbrief-ixmem-") as tmp:
        root = args.workdir or Path(tmp)
        probe("file", args.size, root)  # builds and publishes the index once
        modes = {}
        for mode in ("file", "mmap"):
            result = probe(mode, args.size, root)
            times = sorted(result.pop("times"))
            result["query_p50_ms"] = round(statistics.median(times), 1)
            result["query_p95_ms"] = round(times[int(len(times) * 0.95) - 1], 1)
            modes[mode] = result
    print(json.dumps({"articles": args.size, "modes": modes}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
