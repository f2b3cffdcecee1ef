"""Profiles behind benchmarks/scale_bench.py: what grows with the library, and where.

Three modes, each on a synthetic library (prints a JSON summary on stdout and writes the
raw profile next to ``--out``, default ``/tmp/jpbrief-profile``):

- ``startup``: cProfile of ``jpbrief.ui.launch.run`` from its call to the reader's first
  paint, on a content folder of ``--size`` cloned articles (as scale_bench makes them),
  once without the start-up cache (``cold``) and once with it (``warm``). Prints the
  cumulative and own time of the top functions and the share of the wall time of a
  few known stages (loading, cache, widgets, list layout).
- ``memory``: tracemalloc from the start of the process to ``--settle`` seconds after
  the first paint (warm), with VmRSS: the top allocation sites (file:line) and how much
  of the RSS Python's allocator accounts for (the rest is Qt/C++ and libraries).
- ``index``: cProfile of ``SearchIndex`` building the index of ``--size`` articles from
  ``search_bench.synthetic_library`` (about 1,500 words each), plus an unprofiled build
  of the same library for the real time; top functions grouped by package (our
  ``jpbrief.core.search``, ``whoosh.analysis``, ``whoosh.writing``/``codec``, ...).

    .venv/bin/python benchmarks/scale_profile.py startup --size 1000
    .venv/bin/python benchmarks/scale_profile.py memory --size 1000
    .venv/bin/python benchmarks/scale_profile.py index --size 500

cProfile slows pure-Python code several times more than C code: read the shares, not
the absolute times (``wall_s`` and the unprofiled build time are the real ones).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from clones import make_content  # noqa: E402
from procstat import environment, vm_mb  # noqa: E402
from scale_bench import REPO  # noqa: E402

STARTUP = r"""
import cProfile, json, os, sys, time
from pathlib import Path

started = time.perf_counter()
profile = cProfile.Profile()
from jpbrief.ui import app as app_module, launch

original_start = app_module.ReaderApp.start


def stop():
    from PySide6.QtWidgets import QApplication
    profile.disable()
    profile.dump_stats(sys.argv[2])
    sys.stdout.write("JPBRIEF_PROFILED " + json.dumps({"wall_s": time.perf_counter() - started}) + "\n")
    sys.stdout.flush()
    QApplication.instance().quit()


def start(self):
    original_start(self)
    self.reader.first_painted.connect(stop)


app_module.ReaderApp.start = start
profile.enable()
launch.run(Path(sys.argv[1]))
"""

MEMORY = r"""
import tracemalloc
tracemalloc.start(8)
import json, sys, time
from pathlib import Path
from jpbrief.ui import app as app_module, launch

original_start = app_module.ReaderApp.start
settle = float(sys.argv[2])


def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024


def report():
    from PySide6.QtWidgets import QApplication
    import gc
    gc.collect()
    snapshot = tracemalloc.take_snapshot()  # unfiltered: filtering is slower than the run
    by_line = snapshot.statistics("lineno")
    by_file = snapshot.statistics("filename")
    traced, peak = tracemalloc.get_traced_memory()
    out = {
        "vmrss_mb": round(rss(), 1),
        "traced_mb": round(traced / 2**20, 1),
        "traced_peak_mb": round(peak / 2**20, 1),
        "top_lines": [{"where": f"{s.traceback[0].filename}:{s.traceback[0].lineno}",
                       "mb": round(s.size / 2**20, 2), "blocks": s.count} for s in by_line[:25]],
        "top_files": [{"file": s.traceback[0].filename, "mb": round(s.size / 2**20, 2)}
                      for s in by_file[:15]],
    }
    by_trace = snapshot.statistics("traceback")[:6]
    out["top_tracebacks"] = [
        {"mb": round(s.size / 2**20, 2),
         "stack": [f"{f.filename}:{f.lineno}" for f in s.traceback if "jpbrief" in f.filename][:6]}
        for s in by_trace]
    sys.stdout.write("JPBRIEF_MEMORY " + json.dumps(out) + "\n")
    sys.stdout.flush()
    QApplication.instance().quit()


def start(self):
    from PySide6.QtCore import QTimer
    original_start(self)
    self.reader.first_painted.connect(lambda: QTimer.singleShot(int(settle * 1000), report))


app_module.ReaderApp.start = start
launch.run(Path(sys.argv[1]))
"""

STAGES = {
    "load_library (parse every article)": "content/library.py:load_library",
    "library_cache.load (JSON cache)": "library_cache.py:load",
    "library_cache fingerprint": "library_cache.py:fingerprint",
    "model_codec.decode (cache to model)": "model_codec.py:decode",
    "json.loads": "__init__.py:loads",
    "ReaderApp.__init__": "app.py:__init__",
    "LibraryPanel.__init__": "sidebar.py:__init__",
    "LibraryPanel.populate": "sidebar.py:populate",
    "LibraryPanel.show_article": "sidebar.py:show_article",
    "RichItemDelegate.sizeHint": "rich_list.py:sizeHint",
    "RichItemDelegate._document": "rich_list.py:_document",
    "ReaderApp.start": "app.py:start",
    "QApplication.exec (event loop to first paint)": "~:<method 'exec' of",
    "render_article": "render/screen.py:render_article",
}


def _key_name(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    short = "/".join(Path(filename).parts[-2:]) if filename != "~" else "~"
    return f"{short}:{line}:{name}" if filename != "~" else name


def top_functions(stats: pstats.Stats, by: str, count: int) -> list[dict[str, Any]]:
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    index = 3 if by == "cumulative" else 2
    rows = sorted(raw.items(), key=lambda item: item[1][index], reverse=True)[:count]
    return [{"function": _key_name(key), "calls": value[1], "own_s": round(value[2], 3),
             "cumulative_s": round(value[3], 3)} for key, value in rows]


def stage_times(stats: pstats.Stats, total: float) -> dict[str, Any]:
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    out = {}
    for label, pattern in STAGES.items():
        file_part, _, name = pattern.partition(":")
        cumulative = 0.0
        calls = 0
        for (filename, _line, function), value in raw.items():
            if file_part == "~":
                match = filename == "~" and function.startswith(name)
            else:
                match = filename.endswith("/" + file_part) and function == name
            if match:
                cumulative = max(cumulative, value[3])  # nested calls: the outermost
                calls += value[1]
        if calls:
            out[label] = {"cumulative_s": round(cumulative, 3), "share": round(cumulative / total, 3),
                          "calls": calls}
    return out


def profile_startup(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    content = work / "content"
    articles = make_content(args.size, content)
    env = environment(work / "run")
    result: dict[str, Any] = {"articles": articles}
    for name in ("cold", "warm"):
        out = args.out / f"startup-{articles}-{name}.prof"
        done = subprocess.run([sys.executable, "-c", STARTUP, str(content), str(out)],
                              capture_output=True, text=True, env=env, cwd=REPO, timeout=900)
        line = next((x for x in done.stdout.splitlines() if x.startswith("JPBRIEF_PROFILED")), None)
        if line is None:
            result[name] = {"error": done.stderr[-600:]}
            continue
        wall = json.loads(line.split(" ", 1)[1])["wall_s"]
        stats = pstats.Stats(str(out))
        total = stats.total_tt  # type: ignore[attr-defined]
        result[name] = {
            "wall_s": round(wall, 2), "profiled_s": round(total, 2), "profile": str(out),
            "stages": stage_times(stats, total),
            "top_cumulative": top_functions(stats, "cumulative", args.top),
            "top_own": top_functions(stats, "own", args.top),
        }
        if name == "cold":  # the first paint is followed by the cache write: wait for it
            cache = Path(env["JPBRIEF_CACHE_DIR"]) / "startup" / "library.json"
            command = [sys.executable, "-m", "jpbrief", "--content", str(content), "read"]
            process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 600
            while not cache.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(0.5)
            process.terminate()
            process.wait()
            result["startup_cache_bytes"] = cache.stat().st_size if cache.exists() else None
    return result


def profile_memory(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    content = work / "content"
    articles = make_content(args.size, content)
    env = environment(work / "run")
    # one plain run first writes the start-up cache: the profile is of a warm start
    subprocess.run([sys.executable, "-c", MEMORY, str(content), "3"], capture_output=True,
                   env=env, cwd=REPO, timeout=900)
    done = subprocess.run([sys.executable, "-c", MEMORY, str(content), str(args.settle)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=900)
    line = next((x for x in done.stdout.splitlines() if x.startswith("JPBRIEF_MEMORY")), None)
    if line is None:
        return {"articles": articles, "error": done.stderr[-600:]}
    return {"articles": articles, **json.loads(line.split(" ", 1)[1])}


def profile_index(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    import search_bench

    from jpbrief.core.search import SearchIndex

    library = search_bench.synthetic_library(args.size, search_bench.load_real_library())
    started = time.perf_counter()
    SearchIndex(library, None, work / "plain").ensure()
    plain_s = time.perf_counter() - started
    out = args.out / f"index-{args.size}.prof"
    profile = cProfile.Profile()
    profile.enable()
    SearchIndex(library, None, work / "profiled").ensure()
    profile.disable()
    profile.dump_stats(str(out))
    stats = pstats.Stats(str(out))
    total = stats.total_tt  # type: ignore[attr-defined]
    groups: dict[str, float] = {}
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (filename, _line, _function), value in raw.items():
        parts = Path(filename).parts
        if "whoosh" in parts:
            at = parts.index("whoosh")
            group = ".".join(parts[at:at + 2]).removesuffix(".py")
        elif "jpbrief" in parts:
            group = ".".join(parts[parts.index("jpbrief"):]).removesuffix(".py")
        elif filename == "~":
            group = "builtins (C)"
        else:
            group = "other python: " + Path(filename).name
        groups[group] = groups.get(group, 0.0) + value[2]
    return {
        "articles": args.size, "passages": library.passage_count,
        "build_s_unprofiled": round(plain_s, 2), "profiled_s": round(total, 2), "profile": str(out),
        "own_time_by_module": {k: {"own_s": round(v, 2), "share": round(v / total, 3)}
                               for k, v in sorted(groups.items(), key=lambda kv: -kv[1])[:20]},
        "top_own": top_functions(stats, "own", args.top),
        "top_cumulative": top_functions(stats, "cumulative", args.top),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("startup", "memory", "index"))
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--settle", type=float, default=5.0, help="memory: seconds after first paint")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "jpbrief-profile")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="jpbrief-profile-"))
    try:
        mode = {"startup": profile_startup, "memory": profile_memory, "index": profile_index}
        result = mode[args.mode](args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["load_average"] = list(os.getloadavg())
    result["vm_rss_of_this_process_mb"] = vm_mb(os.getpid())
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
