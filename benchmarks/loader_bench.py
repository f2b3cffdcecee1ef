"""Loader benchmark: load and render time of hostile and worst-allowed article files.

The promise it checks: every file either renders within 2 s or is reported by the loader.
Each case is loaded alone (beside the small fixture library) in this process, then every
article it yields is rendered. Prints JSON; run from the repository root:

    .venv/bin/python benchmarks/loader_bench.py
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import FRONT, GENERATED  # noqa: E402

from jpbrief.core.content import MAX_FILE_BYTES, MAX_MARKUP_CHARS, load_library  # noqa: E402
from jpbrief.core.render import render_article  # noqa: E402

PROSE = (
    "Japan is moving ahead with plans to increase annual defence spending from 5.4 trillion "
    "yen in 2022 to 8.9 trillion yen by 2027, and the buildup still sends a positive signal. "
)


def worst_allowed() -> dict[str, str]:
    """Files just inside every budget: the slowest content the loader accepts."""
    prose_blocks = []
    size = len(FRONT)
    while size < MAX_FILE_BYTES - 4_000:
        block = PROSE * 9 + f"(paragraph {len(prose_blocks)})\n\n"
        prose_blocks.append(block)
        size += len(block.encode("utf-8"))
    per_block = 3_990
    markup = ["*_" * (per_block // 2) + "\n\n" for _ in range(MAX_MARKUP_CHARS // per_block)]
    return {
        "max-prose.md": FRONT.format(id="max-prose") + "".join(prose_blocks),
        "max-markup.md": FRONT.format(id="max-markup") + "".join(markup),
        "max-backslashes.md": FRONT.format(id="max-backslashes")
        + ("\\" * per_block + "\n\n") * (MAX_MARKUP_CHARS // per_block),
        "max-brackets.md": FRONT.format(id="max-brackets") + "[" * 700 + "a\n",
    }


def measure(name: str, text: str | bytes, library_dir: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(library_dir, content)
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (content / "articles" / name).write_bytes(data)
        started = time.perf_counter()
        library = load_library(content)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        for article in library.articles:
            if article.path.endswith(name):
                render_article(article, library)
        rendered = time.perf_counter() - started
        problems = [p.message for p in library.problems if p.path.endswith(name)]
        skipped = any(path.endswith(name) for path in library.skipped)
    return {
        "file": name,
        "bytes": len(data),
        "load_s": round(loaded, 3),
        "render_s": round(rendered, 3),
        "outcome": "skipped" if skipped else "loaded",
        "problems": len(problems),
        "first_problem": problems[0] if problems else None,
        "within_2s_or_reported": skipped or loaded + rendered <= 2.0,
    }


def main() -> int:
    library_dir = ROOT / "tests" / "fixtures" / "library"
    cases: dict[str, str | bytes] = {**GENERATED, **worst_allowed()}
    for path in sorted((ROOT / "tests" / "fixtures" / "hostile" / "articles").iterdir()):
        cases[path.name] = path.read_bytes()
    results = [measure(name, text, library_dir) for name, text in cases.items()]
    print(json.dumps({
        "python": sys.version.split()[0],
        "cases": results,
        "all_within_2s_or_reported": all(r["within_2s_or_reported"] for r in results),
        "slowest_loaded_s": max(
            (float(r["load_s"]) + float(r["render_s"]) for r in results if r["outcome"] == "loaded"),
            default=0.0,
        ),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
