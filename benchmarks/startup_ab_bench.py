"""Start-up A/B: first paint of this checkout's reader against another build of it, alternating.

On a shared machine the floor of ``startup_bench.py`` moves as much as the app does, so a
before/after comparison of two commits is only fair when their runs alternate in one pass.
Each side gets its own config, cache and data folders (start-up caches of different
versions would otherwise invalidate each other), one untimed warm-up run, then ``--runs``
alternating rounds. Prints JSON: each side's median/min/max wall time to the first paint,
the median of the per-round ratios this/other (below 1: this side paints sooner), and each
side's CPU time used by then (what a loaded machine moves least).

Usage: ``python benchmarks/startup_ab_bench.py OTHER [--runs N] [--content DIR] [--cold]``.
OTHER is either another checkout (e.g. ``git worktree add /tmp/before <rev>`` of the commit
to compare with) or a frozen build's executable (``dist/jpbrief/jpbrief`` from
``packaging/build.py``): the frozen app against the venv run of the same commit.
``--content``: read that folder, not the bundled articles (``scale_bench.py`` makes large
ones). ``--cold``: each timed run starts without its start-up cache, as a first start or
one after the content changed does, and the JSON adds each side's time until that cache is
written again (``cached_ms``): a reader that writes it after its first paint is not done
with the start until then. No run keeps the process long enough for a large library's
search index to be built (at 1,000 articles some 15–20 s), so each builds it in its worker
after the paint, as a first start does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import startup_bench as bench  # a sibling script, not a package

HERE = bench.REPO


def side_env(base: dict[str, str], folder: Path) -> dict[str, str]:
    env = dict(base)
    for name in ("JPBRIEF_CONFIG_DIR", "JPBRIEF_CACHE_DIR", "JPBRIEF_DATA_DIR"):
        env[name] = str(folder / name.lower())
    return env


def cpu_ms(pid: int) -> float:
    """CPU time (user + system) a process has used so far: less moved by a busy machine than
    wall time (Linux: /proc/PID/stat fields 14 and 15, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def run_in(
    checkout: Path, command: list[str], env: dict[str, str], linger_for: Callable[[], bool] | None = None,
    lingered: list[float] | None = None,
) -> tuple[float, float]:
    """Milliseconds to the first paint of ``command`` started in ``checkout``: wall, CPU.
    ``linger_for``: keep it running until that holds (at most 60 s), and append the
    milliseconds from the start until then to ``lingered``."""
    start = time.time()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env, cwd=checkout)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(bench.MARK):
                wall, cpu = (float(line.split()[1]) - start) * 1000, cpu_ms(process.pid)
                deadline = time.monotonic() + 60
                while linger_for is not None and not linger_for() and time.monotonic() < deadline:
                    time.sleep(0.01)
                if lingered is not None:
                    lingered.append((time.time() - start) * 1000)
                return wall, cpu
        raise RuntimeError(f"{command} exited before its first paint")
    finally:
        bench.stop(process)


def startup_cache_written(env: dict[str, str]) -> Callable[[], bool]:
    """Whether the reader has written its start-up cache (``library.json`` under
    ``startup/``, renamed into place after every article's file; before its first paint, or
    after it in commits before 3 December): the warm-up run waits for it, so timed runs are
    warm. Any ``*.json`` would not do: the articles' files come first, and a warm-up stopped
    between them leaves every timed run cold."""
    folder = Path(env["JPBRIEF_CACHE_DIR"]) / "startup"
    return lambda: folder.is_dir() and any(folder.rglob("library.json"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="another checkout, or a frozen build's executable")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--content", type=Path, help="the content folder both sides read")
    parser.add_argument("--cold", action="store_true", help="every timed run without a start-up cache")
    args = parser.parse_args()
    other = args.other.resolve()
    # Bytecode is written by the warm-up run and read after, for both sides alike (with
    # PYTHONDONTWRITEBYTECODE set, a checkout without __pycache__ compiles every start).
    base = {**os.environ, "JPBRIEF_STARTUP_TIMESTAMP": "1", "PYTHONDONTWRITEBYTECODE": ""}
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        base.setdefault("QT_QPA_PLATFORM", "offscreen")
    content = [] if args.content is None else ["--content", str(args.content.resolve())]
    venv_command = [sys.executable, "-m", "jpbrief", *content, "read"]
    frozen = other.is_file()
    other_command = [str(other), *content, "read"] if frozen else venv_command
    with tempfile.TemporaryDirectory(prefix="jpbrief-ab-") as tmp:
        sides = {"this": (HERE, venv_command, side_env(base, Path(tmp) / "this")),
                 "other": (HERE if frozen else other, other_command, side_env(base, Path(tmp) / "other"))}
        for checkout, command, env in sides.values():  # warm-up: file cache, bytecode, start-up cache
            run_in(checkout, command, env, linger_for=startup_cache_written(env))
        times: dict[str, list[float]] = {"this": [], "other": []}
        cpu: dict[str, list[float]] = {"this": [], "other": []}
        cached: dict[str, list[float]] = {"this": [], "other": []}
        for round_ in range(args.runs):
            order = ("this", "other") if round_ % 2 == 0 else ("other", "this")
            for name in order:
                checkout, command, env = sides[name]
                if args.cold:
                    shutil.rmtree(Path(env["JPBRIEF_CACHE_DIR"]) / "startup", ignore_errors=True)
                    wall, used = run_in(checkout, command, env, startup_cache_written(env), cached[name])
                else:
                    wall, used = run_in(checkout, command, env)
                times[name].append(wall)
                cpu[name].append(used)
    ratios = [a / b for a, b in zip(times["this"], times["other"], strict=True)]
    print(json.dumps({
        "runs": args.runs,
        "content": "bundled" if args.content is None else str(args.content),
        "cold": args.cold,
        "platform": base.get("QT_QPA_PLATFORM", "native"),
        "this": f"{HERE} (venv)", "other": f"{other} ({'frozen' if frozen else 'venv'})",
        "this_ms": bench.summary(times["this"]),
        "other_ms": bench.summary(times["other"]),
        "paired_ratio_this_over_other": round(statistics.median(ratios), 3),
        "this_cpu_ms": bench.summary(cpu["this"]),
        "other_cpu_ms": bench.summary(cpu["other"]),
        **({"this_cached_ms": bench.summary(cached["this"]),
            "other_cached_ms": bench.summary(cached["other"])} if args.cold else {}),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
