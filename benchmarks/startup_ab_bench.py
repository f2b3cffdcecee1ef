"""Start-up A/B: first paint of this checkout's reader against another checkout's, alternating.

On a shared machine the floor of ``startup_bench.py`` moves as much as the app does, so a
before/after comparison of two commits is only fair when their runs alternate in one pass.
Each side gets its own config, cache and data folders (start-up caches of different
versions would otherwise invalidate each other), one untimed warm-up run, then ``--runs``
alternating rounds. Prints JSON: each side's median/min/max, and the median of the
per-round ratios this/other (below 1: this checkout paints sooner).

Usage: ``python benchmarks/startup_ab_bench.py OTHER_CHECKOUT [--runs N]``, e.g. with a
``git worktree add /tmp/before <rev>`` of the commit to compare with.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import startup_bench as bench  # a sibling script, not a package

HERE = bench.REPO


def side_env(base: dict[str, str], folder: Path) -> dict[str, str]:
    env = dict(base)
    for name in ("JPBRIEF_CONFIG_DIR", "JPBRIEF_CACHE_DIR", "JPBRIEF_DATA_DIR"):
        env[name] = str(folder / name.lower())
    return env


def run_in(checkout: Path, command: list[str], env: dict[str, str], linger_for: Path | None = None) -> float:
    bench.REPO = checkout  # measure() starts the process in bench.REPO: `-m jpbrief` imports from there
    try:
        return bench.measure(command, env, linger_for=linger_for)[0]
    finally:
        bench.REPO = HERE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="the other checkout (a git worktree of another commit)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    other = args.other.resolve()
    base = {**os.environ, "JPBRIEF_STARTUP_TIMESTAMP": "1"}
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        base.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [sys.executable, "-m", "jpbrief", "read"]
    with tempfile.TemporaryDirectory(prefix="jpbrief-ab-") as tmp:
        sides = {"this": (HERE, side_env(base, Path(tmp) / "this")),
                 "other": (other, side_env(base, Path(tmp) / "other"))}
        for checkout, env in sides.values():  # warm-up: file cache, bytecode, start-up cache
            run_in(checkout, command, env,
                   linger_for=Path(env["JPBRIEF_CACHE_DIR"]) / "startup" / "library.json")
        times: dict[str, list[float]] = {"this": [], "other": []}
        for round_ in range(args.runs):
            order = ("this", "other") if round_ % 2 == 0 else ("other", "this")
            for name in order:
                checkout, env = sides[name]
                times[name].append(run_in(checkout, command, env))
    ratios = [a / b for a, b in zip(times["this"], times["other"], strict=True)]
    print(json.dumps({
        "runs": args.runs,
        "platform": base.get("QT_QPA_PLATFORM", "native"),
        "this": str(HERE), "other": str(other),
        "this_ms": bench.summary(times["this"]),
        "other_ms": bench.summary(times["other"]),
        "paired_ratio_this_over_other": round(statistics.median(ratios), 3),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
