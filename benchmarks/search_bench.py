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
import itertools
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from jpbrief.core.model import (  # noqa: E402 - after the path set-up above
    Article,
    Footnote,
    Glossary,
    Library,
    Passage,
    Source,
    Theme,
)

SEED = 20240513
WORDS_PER_ARTICLE = 1500
QUERIES_PER_KIND = 100
LIMIT = 20
TARGETS_MS = {"term": 50, "multi": 50, "prefix": 50, "phrase": 200, "prefix3": 100}

FALLBACK_TEXT = """
Japan is strengthening its defence posture and its alliance with the United States through
new command and control arrangements, counterstrike capabilities and a larger defence budget.
The national security strategy sets economic security as a priority, with export controls,
supply chain resilience, investment screening and protection of critical technologies.
Tokyo and Washington announced cooperation on hypersonic missile defence, space, artificial
intelligence, semiconductors and the co-production of missiles, while the defence industry
forum discussed ship repair, acquisition and sustainment. Regional partners such as
Australia, the Philippines, South Korea and Britain joined exercises and trilateral talks.
"""
FALLBACK_THEMES = ("counterstrike", "economic-security", "dicas", "alliance", "space")


# --- corpus ---------------------------------------------------------------------------


def load_real_library() -> Library | None:
    content = REPO / "content"
    if not (content / "articles").is_dir():
        return None
    try:
        from jpbrief.core.content import load_library
    except ImportError:
        return None
    library = load_library(content)
    return library if library.articles else None


class Vocabulary:
    """Unigram and bigram statistics of the seed text."""

    def __init__(self, text: str) -> None:
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d.,]*\d|\d", text)
        self.counts = Counter(words)
        self.words = list(self.counts)
        self.weights = [self.counts[w] for w in self.words]
        # ``choices`` sums the weights on every call; summed once, it draws the same words
        self.cum_weights = list(itertools.accumulate(self.weights))
        followers: dict[str, Counter[str]] = defaultdict(Counter)
        for first, second in itertools.pairwise(words):
            followers[first][second] += 1
        self.followers = {
            word: (list(c), list(itertools.accumulate(c[w] for w in c)))
            for word, c in followers.items() if c
        }
        self.bigrams = Counter(itertools.pairwise(words))

    def sentence(self, rng: random.Random, length: int) -> list[str]:
        out = [rng.choices(self.words, cum_weights=self.cum_weights)[0]]
        while len(out) < length:
            following = self.followers.get(out[-1])
            if following and rng.random() < 0.75:
                out.append(rng.choices(following[0], cum_weights=following[1])[0])
            else:
                out.append(rng.choices(self.words, cum_weights=self.cum_weights)[0])
        return out


def synthetic_library(size: int, seed_library: Library | None) -> Library:
    rng = random.Random(SEED)
    if seed_library is not None:
        text = "\n".join(p.text for _a, p in seed_library.iter_passages())
        themes = dict(seed_library.themes) or {t: Theme(t, t, t) for t in FALLBACK_THEMES}
        sources = dict(seed_library.sources)
        glossary = seed_library.glossary
    else:
        text = FALLBACK_TEXT
        themes = {t: Theme(t, t.title(), t) for t in FALLBACK_THEMES}
        sources = {}
        glossary = Glossary()
    if not sources:
        sources = {
            f"source-{i}": Source(f"source-{i}", f'Author {i}. "Report {i}." Publisher, 2024.')
            for i in range(50)
        }
    vocabulary = Vocabulary(text)
    theme_ids = sorted(themes)
    source_ids = sorted(sources)
    articles: list[Article] = []
    for number in range(size):
        passages: list[Passage] = []
        words = 0
        section: str | None = None
        paragraph = 0
        while words < WORDS_PER_ARTICLE:
            if paragraph % 5 == 4:
                heading = " ".join(vocabulary.sentence(rng, rng.randint(2, 5))).capitalize()
                section = heading
                passages.append(
                    Passage(f"h-{paragraph}", "heading", "## " + heading, heading, heading)
                )
            length = rng.randint(60, 140)
            body = " ".join(vocabulary.sentence(rng, length)) + "."
            words += length
            footnotes = tuple(
                Footnote(i + 1, rng.choice(source_ids)) for i in range(rng.choice((0, 0, 1, 2)))
            )
            passages.append(
                Passage(
                    f"p-{paragraph}",
                    "paragraph",
                    body,
                    body,
                    section,
                    themes=tuple(sorted(set(rng.sample(theme_ids, rng.choice((0, 1, 1, 2)))))),
                    footnotes=footnotes,
                )
            )
            paragraph += 1
        title = " ".join(vocabulary.sentence(rng, rng.randint(5, 10))).capitalize()
        articles.append(Article(f"synthetic-{number:05d}", title, tuple(passages)))
    return Library(tuple(articles), sources, themes, glossary)


def make_queries(library: Library, vocabulary: Vocabulary) -> dict[str, list[str]]:
    rng = random.Random(SEED + 1)
    stop = {"the", "and", "of", "to", "in", "a", "on", "for", "as", "its", "is", "with", "that"}
    ranked = [w for w, _c in vocabulary.counts.most_common() if w.lower() not in stop]
    alpha = [w for w in ranked if w.isalpha() and len(w) >= 4]
    middle = alpha[: max(40, len(alpha) // 2)]
    bigrams = [
        (a, b)
        for (a, b), c in vocabulary.bigrams.most_common(400)
        if a.lower() not in stop and b.lower() not in stop and a.isalpha() and b.isalpha()
    ] or [(a, b) for (a, b), _c in vocabulary.bigrams.most_common(40)]
    themes = sorted(library.themes)
    queries: dict[str, list[str]] = defaultdict(list)
    for _ in range(QUERIES_PER_KIND):
        queries["term"].append(rng.choice(middle))
        queries["multi"].append(" ".join(rng.sample(middle, rng.choice((2, 3)))))
        a, b = rng.choice(bigrams)
        queries["phrase"].append(f'"{a} {b}"')
        word = rng.choice([w for w in alpha if len(w) >= 6] or alpha)
        queries["prefix"].append(word[: rng.choice((4, 5))].lower() + "*")
        queries["filtered"].append(f"{rng.choice(middle)} theme:{rng.choice(themes)}")
        queries["prefix3"].append(rng.choice(alpha)[:3].lower() + "*")
    return dict(queries)


# --- Whoosh ---------------------------------------------------------------------------


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
