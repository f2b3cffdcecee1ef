"""Scale benchmark: how start-up, memory, checking, indexing and search grow with the library.

For each size (default 2, 100 and 1,000 articles; ``--sizes 2,100,1000,10000`` for the
big one) it writes a content folder in a temporary directory whose articles are the
bundled ones (``content/articles/*.md``) cloned with new ids: the front-matter ``id``,
the file name and every ``see=`` cross-reference between bundled articles get the clone's
suffix, titles get `` [copy N]`` (distinct titles, as a real library has), anchors stay
(they are per article), so ``jpbrief check`` stays clean. The size is rounded up to a
multiple of the number of bundled articles. Then, per size:

- ``check_ms``: wall time of ``jpbrief check DIR`` (a fresh process), and its problem count;
- ``index``: ``jpbrief index --rebuild --json`` into the run's cache folder (a fresh
  process): wall time and the build time it reports (``build_seconds``);
- ``search``: the queries of ``benchmarks/search_bench.py`` (built from this corpus),
  run in this process against that index: p50/p95 per query kind;
- ``startup``: ``--runs`` rounds of ``jpbrief --content DIR read``, each a *cold* run (no
  start-up cache: it is deleted first) then a *warm* one (the cache the cold run wrote).
  Per run: ms from exec to ``JPBRIEF_FIRST_PAINT``, the process's CPU ms (user + system)
  when the benchmark reads that line (``cpu_at_paint_ms``), peak RSS then (VmHWM), and the idle
  RSS after the first paint: VmRSS polled every 100 ms until it moves less than 1 MiB
  over 2 s, or for at most ``--idle-max`` s (``stabilised`` says which), and VmHWM then.
  A cold run waits for the start-up cache to be written before it samples;
- ``interaction`` (one warm run, in-process probe, see ``PROBE``): ms to open an
  article not yet shown, build the Themes panel, mark the largest theme (its digest
  lists every passage), and scroll the library list to its end; each timed up to a
  synchronous repaint of what changed. Then the reader's RSS (``rss_*_mb``) before its
  first search, once that search (through the reader's search service) has opened the
  index, and after ten more: the warm reader with its index open. It patches
  ``ReaderApp.start`` to get the app object, so after a refactor it may report
  ``unavailable`` with the reason.

Every run has its own JPBRIEF_CONFIG_DIR / JPBRIEF_DATA_DIR / JPBRIEF_CACHE_DIR. The
search index is built before the reader runs, so the reader only opens it after its
first paint (the steady state of a reader whose index exists); sizes over
``--index-max`` skip the index and search (the reader then builds the index in the
background after its first paint, which the idle RSS includes).

The machine's load average is recorded at the start and end of each size: on a shared
machine the figures are noisy; compare sizes measured in one pass.

    .venv/bin/python benchmarks/scale_bench.py                          # 2, 100, 1000
    .venv/bin/python benchmarks/scale_bench.py --sizes 10000 --runs 1 --index-max 0
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import search_bench  # noqa: E402 - a sibling script, found through the path set above
from clones import make_content  # noqa: E402 - also imported from here by sibling scripts
from procstat import cpu_ms, environment, idle_rss  # noqa: E402
from startup_bench import MARK, REPO, peak_rss_mb, stop, summary  # noqa: E402

PROBE_MARK = "JPBRIEF_PROBE"

PROBE = r"""
import json, sys, time
from pathlib import Path

from jpbrief.ui import app as app_module, launch

state = {}
original_start = app_module.ReaderApp.start


def repaint(widget):
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    widget.viewport().repaint() if hasattr(widget, "viewport") else widget.repaint()


def timed(action, widget):
    started = time.perf_counter()
    action()
    repaint(widget)
    return round((time.perf_counter() - started) * 1000, 2)


def rss_mb():
    import re
    status = Path("/proc/self/status").read_text()
    return round(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024, 1)


def search_rss(app):
    # The reader's RSS before its first search, once that search has opened the index, and
    # after ten more queries, each answered through the reader's own search service.
    from PySide6.QtCore import QEventLoop, QTimer
    service = app.search
    out = {"rss_before_search_mb": rss_mb()}

    def ask(query):
        loop = QEventLoop()
        service.results_ready.connect(loop.quit)
        QTimer.singleShot(300000, loop.quit)
        service.search(query)
        loop.exec()
        service.results_ready.disconnect(loop.quit)

    ask("japan")
    out["rss_index_open_mb"] = rss_mb()
    for query in ("export controls", "security", "defence industry", "sem", '"economic security"',
                  "alliance", "drone", "space", "supply chains", "china -japan"):
        ask(query)
    out["rss_after_searches_mb"] = rss_mb()
    out["search_status"] = str(service.status)
    return out


def probe():
    from PySide6.QtWidgets import QApplication
    app = state["app"]
    out = {}
    try:
        ids = [a.id for a in app.library.articles]
        shown = app.reading.current.id if app.reading.current else None
        step = max(1, len(ids) // 12)
        picks = [i for i in ids[::step] if i != shown][:12]
        out["open_article_ms"] = [timed(lambda i=i: app.reading.open_article(i), app.reader) for i in picks]
        out["themes_panel_ms"] = timed(lambda: app.show_panel(app.themes_panel), app.themes_panel.themes)
        counts = {t: app.library.theme_count(t) for t in app.library.themes}  # as the panel
        biggest = max(counts, key=counts.get)
        out["largest_theme_passages"] = counts[biggest]
        out["select_largest_theme_ms"] = timed(
            lambda: app.reading.select_theme(biggest), app.themes_panel.digest)
        out["clear_theme_ms"] = timed(lambda: app.reading.select_theme(""), app.reader)
        app.show_panel(app.library_panel)
        articles = app.library_panel.articles
        repaint(articles)
        out["library_scroll_to_end_ms"] = timed(articles.scrollToBottom, articles)
        out["library_items"] = articles.count()
        out.update(search_rss(app))
    except Exception as error:
        out["error"] = f"{type(error).__name__}: {error}"
    sys.stdout.write("JPBRIEF_PROBE " + json.dumps(out) + "\n")
    sys.stdout.flush()
    QApplication.quit()


def start(self):
    from PySide6.QtCore import QTimer
    state["app"] = self
    original_start(self)
    self.reader.first_painted.connect(lambda: QTimer.singleShot(1500, probe))


app_module.ReaderApp.start = start
sys.exit(launch.run(Path(sys.argv[1])))
"""


PROBLEM_RE = re.compile(r"^.+:\d+: ")  # a line of `jpbrief check`'s report


# --- processes --------------------------------------------------------------------------


def reader_run(content: Path, env: dict[str, str], *, wait_for: Path | None, idle_max: float,
               timeout: float) -> dict[str, Any]:
    """One reader process: first paint, peak RSS then, idle RSS after it."""
    command = [sys.executable, "-m", "jpbrief", "--content", str(content), "read"]
    start = time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env, cwd=REPO)
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + timeout
        painted, cpu = None, None
        while painted is None:
            line = process.stdout.readline()
            if not line:
                return {"error": f"exited with {process.wait()} before its first paint"}
            if line.startswith(MARK):
                painted = float(line.split()[1])
                cpu = cpu_ms(process.pid)
            if time.monotonic() > deadline:
                return {"error": f"no first paint within {timeout} s"}
        result: dict[str, Any] = {
            "first_paint_ms": round((painted - start) * 1000, 1),
            "cpu_at_paint_ms": cpu,
            "peak_rss_at_paint_mb": _round(peak_rss_mb(process.pid)),
        }
        if wait_for is not None:
            waited = time.monotonic()
            while not wait_for.exists() and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.05)
            result["cache_written_after_s"] = round(time.monotonic() - waited, 2)
        rss, after, settled = idle_rss(process.pid, idle_max)
        result.update(idle_rss_mb=_round(rss), idle_after_s=round(after, 1), stabilised=settled,
                      peak_rss_mb=_round(peak_rss_mb(process.pid)))
        return result
    finally:
        stop(process)


def probe_run(content: Path, env: dict[str, str], timeout: float) -> dict[str, Any]:
    command = [sys.executable, "-c", PROBE, str(content)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"unavailable": f"no answer within {timeout} s"}
    for line in done.stdout.splitlines():
        if line.startswith(PROBE_MARK):
            data: dict[str, Any] = json.loads(line[len(PROBE_MARK):])
            if data.get("open_article_ms"):
                values = data["open_article_ms"]
                data["open_article_ms"] = {**summary(values), "count": len(values)}
            return data
    return {"unavailable": f"exit {done.returncode}: {done.stderr.strip()[-400:]}"}


def timed_command(
    args: list[str], env: dict[str, str]
) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """(wall ms, CPU s of the child: less moved by a busy machine, result) of ``jpbrief ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "jpbrief", *args], capture_output=True, text=True,
                          env=env, cwd=REPO)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return (time.perf_counter() - started) * 1000, cpu, done


# --- search -----------------------------------------------------------------------------


def search_latency(content: Path, cache: Path) -> dict[str, Any]:
    """search_bench's queries against the index ``jpbrief index`` built (opened, not rebuilt)."""
    from jpbrief.core.content import load_library
    from jpbrief.core.search import SearchIndex

    library = load_library(content)
    bundled = search_bench.load_real_library()  # the words of the bundled articles
    seed = "\n".join(p.text for _a, p in (bundled or library).iter_passages())
    queries = search_bench.make_queries(library, search_bench.Vocabulary(seed))
    index = SearchIndex(library, content, cache / "search-index")
    started = time.perf_counter()
    info = index.ensure()
    open_s = time.perf_counter() - started
    if info.built:
        return {"error": "the index was rebuilt instead of opened"}
    latencies: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for kind, items in queries.items():
        index.search(items[0], limit=search_bench.LIMIT)
        latencies[kind], cpu[kind] = [], []
        for query in items:
            wall, used, _result = search_bench.timed(
                lambda q: index.search(q, limit=search_bench.LIMIT), query)
            latencies[kind].append(wall)
            cpu[kind].append(used)
    index.close()
    stats = search_bench.summarise(latencies, cpu)
    return {"open_s": round(open_s, 3), "p95_ms": {k: v["p95_ms"] for k, v in stats.items()},
            "p50_ms": {k: v["p50_ms"] for k, v in stats.items()},
            "cpu_p95_ms": {k: v["cpu_p95_ms"] for k, v in stats.items()}}


# --- driver -----------------------------------------------------------------------------


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _median(runs: list[dict[str, Any]], key: str) -> dict[str, float] | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return summary(values) if values else None


def bench_size(size: int, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    load_before = list(os.getloadavg())
    content = work / f"content-{size}"
    started = time.perf_counter()
    articles = make_content(size, content)
    result: dict[str, Any] = {"articles": articles, "generate_s": round(time.perf_counter() - started, 2),
                              "content_bytes": sum(p.stat().st_size for p in content.rglob("*.md"))}
    base = work / f"run-{size}"
    env = environment(base)

    ms, cpu, done = timed_command(["check", str(content)], env)
    output = done.stdout.splitlines() + done.stderr.splitlines()
    problems = [line for line in output if PROBLEM_RE.match(line)]
    result["check"] = {"ms": round(ms, 1), "cpu_s": round(cpu, 2), "exit": done.returncode,
                       "problems": len(problems),
                       "first_problem": problems[0] if problems else None,
                       "summary": output[-1] if output else ""}

    cache = Path(env["JPBRIEF_CACHE_DIR"])
    if articles <= args.index_max:
        ms, cpu, done = timed_command(["--content", str(content), "index", "--rebuild", "--json"], env)
        try:
            info = json.loads(done.stdout)
            result["index"] = {"wall_ms": round(ms, 1), "cpu_s": round(cpu, 2),
                               "build_s": info.get("build_seconds"),
                               "documents": info.get("documents")}
        except ValueError:
            result["index"] = {"error": done.stderr.strip()[-400:]}
        result["search"] = search_latency(content, cache)
    else:
        result["index"] = result["search"] = "skipped (over --index-max)"

    startup_cache = cache / "startup" / "library.json"
    cold, warm = [], []
    for _ in range(args.runs):
        shutil.rmtree(startup_cache.parent, ignore_errors=True)
        cold.append(reader_run(content, env, wait_for=startup_cache, idle_max=args.idle_max,
                               timeout=args.timeout))
        warm.append(reader_run(content, env, wait_for=None, idle_max=args.idle_max,
                               timeout=args.timeout))
    result["startup_cache_bytes"] = startup_cache.stat().st_size if startup_cache.exists() else None
    result["startup_cache_folder_bytes"] = sum(  # library.json and its folder of articles
        path.stat().st_size for path in startup_cache.parent.rglob("*") if path.is_file())
    result["startup"] = {
        name: {
            "first_paint_ms": _median(runs, "first_paint_ms"),
            "cpu_at_paint_ms": _median(runs, "cpu_at_paint_ms"),
            "peak_rss_at_paint_mb": _median(runs, "peak_rss_at_paint_mb"),
            "idle_rss_mb": _median(runs, "idle_rss_mb"),
            "peak_rss_mb": _median(runs, "peak_rss_mb"),
            "runs": runs,
        }
        for name, runs in (("cold", cold), ("warm", warm))
    }
    result["interaction"] = probe_run(content, env, args.timeout) if args.probe else "skipped"
    result["load_average"] = {"before": load_before, "after": list(os.getloadavg())}
    shutil.rmtree(base, ignore_errors=True)
    return result


def growth_table(results: list[dict[str, Any]]) -> str:
    def med(data: Any) -> str:
        return f"{data['median']:.0f}" if isinstance(data, dict) and "median" in data else "-"

    lines = ["| articles | check ms | index build s | cold paint ms | warm paint ms | warm idle RSS MB"
             " | warm peak RSS MB | open article ms | largest theme ms | search p95 term/prefix3 ms |",
             "|---" * 10 + "|"]
    for r in results:
        warm, cold = r["startup"]["warm"], r["startup"]["cold"]
        inter = r["interaction"] if isinstance(r["interaction"], dict) else {}
        search = r["search"] if isinstance(r["search"], dict) else {}
        p95 = search.get("p95_ms", {})
        index = r["index"] if isinstance(r["index"], dict) else {}
        lines.append("| " + " | ".join([
            str(r["articles"]), f"{r['check']['ms']:.0f}", str(index.get("build_s", "-")),
            med(cold["first_paint_ms"]), med(warm["first_paint_ms"]), med(warm["idle_rss_mb"]),
            med(warm["peak_rss_mb"]), med(inter.get("open_article_ms")),
            str(inter.get("select_largest_theme_ms", "-")),
            f"{p95.get('term', '-')} / {p95.get('prefix3', '-')}",
        ]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2,100,1000", help="article counts (2,100,1000)")
    parser.add_argument("--runs", type=int, default=3, help="cold+warm reader rounds per size")
    parser.add_argument("--index-max", type=int, default=2000,
                        help="skip the index build and search above this many articles")
    parser.add_argument("--idle-max", type=float, default=15.0, help="longest wait for idle RSS (s)")
    parser.add_argument("--timeout", type=float, default=600.0, help="longest wait for a first paint (s)")
    parser.add_argument("--no-probe", dest="probe", action="store_false",
                        help="skip the in-process interaction probe")
    parser.add_argument("--markdown", action="store_true", help="also print a growth table on stderr")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    from PySide6 import __version__ as pyside_version

    report: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "pyside6": pyside_version,
                    "load_average_at_start": list(os.getloadavg())},
        "note": "shared machine: figures are noisy; compare sizes of one pass",
        "runs": args.runs,
        "results": [],
    }
    with tempfile.TemporaryDirectory(prefix="jpbrief-scale-") as tmp:
        for size in sizes:
            report["results"].append(bench_size(size, Path(tmp), args))
            print(f"done: {size} articles", file=sys.stderr, flush=True)
    report["machine"]["load_average_at_end"] = list(os.getloadavg())
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    if args.markdown:
        print(growth_table(report["results"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
