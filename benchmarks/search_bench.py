"""Search benchmark: Whoosh passage index vs SQLite FTS5 on synthetic corpora.

Builds deterministic synthetic libraries (default 10, 200 and 2,000 articles of about
1,500 words) whose words and word pairs come from the bundled articles (a built-in word
list when ``content/`` is absent), indexes each with :class:`SearchIndex` and with
SQLite FTS5 (standard library ``sqlite3``), runs the same queries against both and
prints JSON: build time, index size, open time and p50/p95 latency per query kind,
plus the Whoosh/FTS5 ratios.

    python benchmarks/search_bench.py                   # 10, 200, 2000 articles
    python benchmarks/search_bench.py --sizes 10,200    # quicker
    python benchmarks/search_bench.py --markdown        # also a Markdown table on stderr

Query kinds: ``term`` (one word), ``multi`` (two or three words), ``phrase`` (a quoted
word pair from the corpus), ``prefix`` (four or five letters + ``*``), ``filtered`` (a
word + ``theme:ID``) and ``prefix3`` (three letters + ``*``, as when searching while
typing). Each query is timed once after a warm-up; Whoosh latency covers the whole
``SearchIndex.search`` call (parsing, ranking, total count, 20 hits with snippets and
suggestions); FTS5 latency covers the 20 best rows with ``snippet()`` plus ``count(*)``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]  # jpbrief; corpus.py beside this

from corpus import (  # noqa: E402 - after the path set-up above; also used by sibling scripts
    FALLBACK_TEXT,
    Vocabulary,
    load_real_library,
    make_queries,
    synthetic_library,
)

from jpbrief.core.model import Library  # noqa: E402

LIMIT = 20
TARGETS_MS = {"term": 50, "multi": 50, "prefix": 50, "phrase": 200, "prefix3": 100}


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summarise(
    latencies: dict[str, list[float]], cpu: dict[str, list[float]]
) -> dict[str, dict[str, float]]:
    """Wall-clock p50/p95/mean per kind, plus CPU-time p50/p95 (less sensitive to
    other processes on a shared machine)."""
    return {
        kind: {
            "p50_ms": round(percentile(values, 0.50) * 1000, 2),
            "p95_ms": round(percentile(values, 0.95) * 1000, 2),
            "mean_ms": round(statistics.fmean(values) * 1000, 2),
            "cpu_p50_ms": round(percentile(cpu[kind], 0.50) * 1000, 2),
            "cpu_p95_ms": round(percentile(cpu[kind], 0.95) * 1000, 2),
        }
        for kind, values in latencies.items()
    }


def timed(run: Any, query: str) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds, result) of ``run(query)``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run(query)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def bench_whoosh(library: Library, queries: dict[str, list[str]], root: Path) -> dict[str, Any]:
    from jpbrief.core.search import SearchIndex

    index = SearchIndex(library, None, root)
    started = time.perf_counter()
    info = index.ensure()
    build_seconds = time.perf_counter() - started
    index.close()

    fresh = SearchIndex(library, None, root)
    started = time.perf_counter()
    fresh.fingerprint()
    fingerprint_seconds = time.perf_counter() - started
    started = time.perf_counter()
    opened = fresh.ensure()
    open_seconds = time.perf_counter() - started
    assert not opened.built, "the benchmark index was rebuilt instead of opened"

    for kind in queries:  # warm-up: first query of each kind, untimed
        fresh.search(queries[kind][0], limit=LIMIT)
    latencies: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    for kind, items in queries.items():
        latencies[kind], cpu[kind] = [], []
        total = 0
        for query in items:
            wall, used, result = timed(lambda q: fresh.search(q, limit=LIMIT), query)
            latencies[kind].append(wall)
            cpu[kind].append(used)
            total += result.total
        totals[kind] = total // max(1, len(items))
    fresh.close()
    return {
        "documents": info.documents,
        "build_s": round(build_seconds, 2),
        "index_bytes": dir_size(root),
        "fingerprint_s": round(fingerprint_seconds, 3),
        "open_s": round(open_seconds, 3),
        "latency": summarise(latencies, cpu),
        "mean_total_hits": totals,
    }


# --- SQLite FTS5 ----------------------------------------------------------------------


def fts5_query(query: str) -> tuple[str, str | None]:
    """The same query in FTS5 syntax (theme filter separately)."""
    theme = None
    match = re.search(r"\btheme:(\S+)", query)
    if match:
        theme = match.group(1)
        query = query.replace(match.group(0), "").strip()
    if query.startswith('"'):
        return query, theme
    words = [w for w in query.split() if w]
    parts = []
    for word in words:
        if word.endswith("*"):
            parts.append('"' + word[:-1].replace('"', "") + '"*')
        else:
            parts.append('"' + word.replace('"', "") + '"')
    return " ".join(parts), theme


def bench_fts5(library: Library, queries: dict[str, list[str]], path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE VIRTUAL TABLE passages USING fts5(article UNINDEXED, anchor UNINDEXED, "
        "themes, title, section, text, cites, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    rows = []
    for article, passage in library.iter_passages():
        cites = " ".join(
            library.sources[f.source_id].citation
            for f in passage.footnotes
            if f.source_id in library.sources
        )
        rows.append(
            (
                article.id,
                passage.anchor,
                " ".join(passage.themes),
                article.title,
                passage.section or "",
                passage.text,
                cites,
            )
        )
    connection.executemany("INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    connection.execute("INSERT INTO passages(passages) VALUES ('optimize')")
    connection.commit()
    connection.close()
    build_seconds = time.perf_counter() - started

    started = time.perf_counter()
    connection = sqlite3.connect(path)
    connection.execute("SELECT count(*) FROM passages").fetchone()
    open_seconds = time.perf_counter() - started

    def run(query: str) -> int:
        expression, theme = fts5_query(query)
        if theme:
            expression = f'({expression}) AND themes : "{theme}"'
        try:
            connection.execute(
                "SELECT article, anchor, snippet(passages, 5, '<b>', '</b>', '…', 30) "
                "FROM passages WHERE passages MATCH ? "
                "ORDER BY bm25(passages, 0, 0, 0, 1.3, 1.6, 1.0, 0.4) LIMIT ?",
                (expression, LIMIT),
            ).fetchall()
            row = connection.execute(
                "SELECT count(*) FROM passages WHERE passages MATCH ?", (expression,)
            ).fetchone()
            return int(row[0])
        except sqlite3.OperationalError:
            return 0

    for kind in queries:
        run(queries[kind][0])
    latencies: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for kind, items in queries.items():
        latencies[kind], cpu[kind] = [], []
        for query in items:
            wall, used, _rows = timed(run, query)
            latencies[kind].append(wall)
            cpu[kind].append(used)
    connection.close()
    return {
        "build_s": round(build_seconds, 2),
        "index_bytes": path.stat().st_size,
        "open_s": round(open_seconds, 4),
        "latency": summarise(latencies, cpu),
    }


# --- driver ---------------------------------------------------------------------------


def bench_size(size: int, seed_library: Library | None, workdir: Path) -> dict[str, Any]:
    started = time.perf_counter()
    library = synthetic_library(size, seed_library)
    generate_seconds = time.perf_counter() - started
    seed_text = (
        "\n".join(p.text for _a, p in seed_library.iter_passages())
        if seed_library
        else FALLBACK_TEXT
    )
    queries = make_queries(library, Vocabulary(seed_text))
    whoosh = bench_whoosh(library, queries, workdir / f"whoosh-{size}")
    fts5 = bench_fts5(library, queries, workdir / f"fts5-{size}.sqlite")
    ratios = {
        kind: round(
            whoosh["latency"][kind]["p95_ms"] / max(0.01, fts5["latency"][kind]["p95_ms"]), 1
        )
        for kind in whoosh["latency"]
    }
    words = sum(len(p.text.split()) for _a, p in library.iter_passages())
    return {
        "articles": size,
        "passages": library.passage_count,
        "words": words,
        "generate_s": round(generate_seconds, 2),
        "whoosh": whoosh,
        "fts5": fts5,
        "p95_ratio_whoosh_to_fts5": ratios,
        "targets_p95_ms": TARGETS_MS,
        "meets_targets": {
            kind: whoosh["latency"][kind]["p95_ms"] <= target for kind, target in TARGETS_MS.items()
        },
        "example_queries": {kind: items[:3] for kind, items in queries.items()},
    }


def markdown_table(report: dict[str, Any]) -> str:
    kinds = ["term", "multi", "phrase", "prefix", "filtered", "prefix3"]
    lines = [
        "| articles | passages | engine | build s | index MB | open s | "
        + " | ".join(f"{k} p50/p95 ms" for k in kinds)
        + " |",
        "|---" * (6 + len(kinds)) + "|",
    ]
    for result in report["results"]:
        for engine in ("whoosh", "fts5"):
            data = result[engine]
            cells = [
                str(result["articles"]),
                str(result["passages"]),
                "Whoosh" if engine == "whoosh" else "SQLite FTS5",
                f"{data['build_s']:.1f}",
                f"{data['index_bytes'] / 1e6:.1f}",
                f"{data['open_s']:.3f}",
            ]
            cells += [
                f"{data['latency'][k]['p50_ms']:.1f} / {data['latency'][k]['p95_ms']:.1f}"
                for k in kinds
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "CPU time per query (process_time), p50 / p95 ms:",
        "",
        "| articles | engine | " + " | ".join(kinds) + " |",
        "|---" * (2 + len(kinds)) + "|",
    ]
    for result in report["results"]:
        for engine in ("whoosh", "fts5"):
            latency = result[engine]["latency"]
            cells = [str(result["articles"]), "Whoosh" if engine == "whoosh" else "SQLite FTS5"]
            cells += [
                f"{latency[k]['cpu_p50_ms']:.1f} / {latency[k]['cpu_p95_ms']:.1f}" for k in kinds
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,200,2000", help="article counts (10,200,2000)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep indexes here")
    parser.add_argument("--markdown", action="store_true", help="also print a table on stderr")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    seed_library = load_real_library()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="jpbrief-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "sqlite": sqlite3.sqlite_version,
            "load_average_at_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        },
        "vocabulary_source": "content/ articles" if seed_library else "built-in word list",
        "results": [],
    }
    try:
        for size in sizes:
            report["results"].append(bench_size(size, seed_library, workdir))
            print(f"done: {size} articles", file=sys.stderr, flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    if args.markdown:
        print(markdown_table(report), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
