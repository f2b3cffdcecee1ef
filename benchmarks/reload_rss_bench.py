"""Reload benchmark: the reader's resident memory after each time it reads the library again.

View ▸ Reload, a live-preview save and a content pack installed or removed all parse the
whole library again. This starts the reader (warm, offscreen, search index not opened) on
a synthetic library of ``--size`` articles (``clones.make_content``), waits, reloads
``--reloads`` times through View ▸ Reload's path (``content_reload.reload()``, in its
worker), and records VmRSS a second after each reload was applied. Prints JSON:

    {"size": N, "articles": n, "checkout": "...", "idle_mb": m,
     "after_reload_mb": [m1, m2, ...], "reload_s": [s1, s2, ...]}

``--checkout DIR``: import jpbrief from another checkout (a ``git worktree`` of an earlier
commit), to compare with it on the same library.

Usage: ``python benchmarks/reload_rss_bench.py [--size 1000] [--reloads 3] [--checkout DIR]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clones import make_content  # a sibling script, not a package

REPO = Path(__file__).resolve().parent.parent

PROBE = r"""
import json, os, sys, time
from pathlib import Path

content, reloads = Path(sys.argv[1]), int(sys.argv[2])

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)

from jpbrief.core import paths
from jpbrief.core.packs import state_key
from jpbrief.ui.services import library_cache

root = paths.cache_dir() / "startup" / state_key(paths.packs_dir())
cached = library_cache.load(content, root)
if cached is None:
    sys.exit("no start-up cache: the warm-up start did not write one")
library, rendered = cached
from PySide6.QtCore import QEventLoop, QTimer
from jpbrief.ui.app import ReaderApp
from jpbrief.ui.launch import application
from jpbrief.ui.services.settings import Settings

app = application()
reader = ReaderApp(library, content, Settings(paths.config_dir()), rendered=rendered, index_at_start=False)
reader.start()

def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

spin(2000)
result = {"idle_mb": rss_mb(), "after_reload_mb": [], "reload_s": []}
applied = []
reader.content_reload.applied.connect(lambda _reloaded: applied.append(time.perf_counter()))
for _ in range(reloads):
    count, start = len(applied), time.perf_counter()
    reader.content_reload.reload()
    while len(applied) == count:
        spin(50)
    result["reload_s"].append(round(applied[-1] - start, 2))
    spin(1000)
    result["after_reload_mb"].append(rss_mb())
print(json.dumps(result), flush=True)
os._exit(0)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--reloads", type=int, default=3)
    parser.add_argument("--checkout", type=Path, default=REPO)
    parser.add_argument("--content", type=Path, default=None,
                        help="read this content folder instead of making one of --size articles")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="jpbrief-reload-") as tmp:
        folder = Path(tmp)
        content = args.content or folder / "content"
        articles = make_content(args.size, content) if args.content is None else len(
            list((content / "articles").glob("*.md")))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(args.checkout.resolve())}
        for name in ("JPBRIEF_CONFIG_DIR", "JPBRIEF_CACHE_DIR", "JPBRIEF_DATA_DIR"):
            env[name] = str(folder / name.lower())
        # The warm-up: a first start parses and writes the start-up cache the probe reads.
        warm = ("import sys; from pathlib import Path; from jpbrief.core import paths; "
                "from jpbrief.core.content import load_library; from jpbrief.core.packs import state_key; "
                "from jpbrief.ui.services import library_cache as c; p = Path(sys.argv[1]); "
                "c.save(p, paths.cache_dir() / 'startup' / state_key(paths.packs_dir()), load_library(p))")
        # cwd: ``python -c`` puts the working folder first on sys.path, before PYTHONPATH.
        cwd = args.checkout.resolve()
        subprocess.run([sys.executable, "-c", warm, str(content)], env=env, check=True, timeout=900, cwd=cwd)
        done = subprocess.run([sys.executable, "-c", PROBE, str(content), str(args.reloads)], env=env,
                              capture_output=True, text=True, timeout=900, cwd=cwd)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            return 1
        result = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps({"size": args.size, "articles": articles, "checkout": str(args.checkout), **result},
                     indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
