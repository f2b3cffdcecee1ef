"""Japanese analysis benchmark: what the bigram analyzer costs, and what Janome would.

Prints JSON. Builds two synthetic libraries of ``--passages`` passages each — English
(paragraphs of the bundled articles, shuffled) and Japanese (the test fixture's Article 9
sentences, shuffled) — indexes each with :class:`SearchIndex` and reports build time,
index size and query latency. Run it with ``--repo`` pointing at another checkout (for
example one without Japanese analysis) to compare the same numbers there::

    python benchmarks/japanese_bench.py
    python benchmarks/japanese_bench.py --repo /path/to/older/checkout
    python benchmarks/japanese_bench.py --janome /tmp/janome/unpacked   # an unpacked wheel

With ``--janome`` it also times the pure-Python morphological analyzer Janome (its
dictionary load and its tokenizing of the same Japanese text) and reports its size on disk.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=HERE, help="the checkout whose jpbrief to measure")
    parser.add_argument("--passages", type=int, default=4000)
    parser.add_argument("--janome", type=Path, help="a folder holding the janome package")
    args = parser.parse_args()
    sys.path.insert(0, str(args.repo))
    from jpbrief.core.content import load_library
    from jpbrief.core.model import Article, Library, Passage
    from jpbrief.core.search import SearchIndex

    rng = random.Random(16)
    english = [p.text for _a, p in load_library(HERE / "content").iter_passages() if p.kind == "paragraph"]
    fixture = (HERE / "tests/fixtures/japanese/articles/kenpo-dai-kyujo.md").read_text(encoding="utf-8")
    sentences = [s + "。" for line in fixture.splitlines() if "、" in line for s in line.split("。") if s]
    corpora = {
        "english": [rng.choice(english) for _ in range(args.passages)],
        "japanese": [
            "".join(rng.sample(sentences, len(sentences))) for _ in range(args.passages)
        ],
    }
    queries = {"english": ["security", "counterstrike capabilities", "DICAS", "US"],
               "japanese": ["戦力", "交戦権", "国際平和", "永久"]}
    report: dict[str, object] = {"repo": str(args.repo), "passages": args.passages}
    for name, texts in corpora.items():
        passages = tuple(Passage(f"p{i}", "paragraph", t, t, None) for i, t in enumerate(texts))
        library = Library(articles=(Article("a", "Benchmark", passages),))
        with tempfile.TemporaryDirectory() as root, SearchIndex(library, None, Path(root)) as index:
            info = index.ensure()
            latencies = []
            for query in queries[name] * 10:
                started = time.perf_counter()
                index.search(query)
                latencies.append((time.perf_counter() - started) * 1000)
            report[name] = {
                "characters": sum(map(len, texts)),
                "build_seconds": round(info.build_seconds or 0.0, 3),
                "index_bytes": _size(Path(root)),
                "query_ms_p50": round(statistics.median(latencies), 2),
                "query_ms_max": round(max(latencies), 2),
                "hits_for_first_query": index.search(queries[name][0]).total,
            }
    if args.janome:
        sys.path.insert(0, str(args.janome))
        started = time.perf_counter()
        from janome.tokenizer import Tokenizer

        tokenizer = Tokenizer()
        loaded = time.perf_counter() - started
        text = "".join(corpora["japanese"][:500])
        started = time.perf_counter()
        words = sum(1 for _ in tokenizer.tokenize(text, wakati=True))
        seconds = time.perf_counter() - started
        from jpbrief.core.search import analysis
        from jpbrief.core.search.analysis import analyse

        for cached in (analysis._analyse_text, analysis._analyse_cjk):
            cached.cache_clear()  # time the analysis, not the cache
        started = time.perf_counter()
        bigrams = len(analyse(text))
        report["janome"] = {
            "package_bytes_on_disk": _size(args.janome / "janome"),
            "load_seconds": round(loaded, 3),
            "characters": len(text),
            "tokenize_seconds": round(seconds, 3),
            "words": words,
            "bigram_seconds_same_text": round(time.perf_counter() - started, 3),
            "bigrams": bigrams,
        }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
