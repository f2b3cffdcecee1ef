"""Idle memory: the reader's resident set 5 s after its first paint, warm, bundled content.

Issue 18's memory target ("RSS 5 s after the window maps ≤ 80 MB with the bundled
content"). Runs ``jpbrief read`` from this checkout's venv, or a frozen build's executable
given as ``--frozen``, with its own config, cache and data folders: one untimed run that
writes the start-up cache (and the search index), then ``--runs`` warm runs. Each run
waits for ``JPBRIEF_FIRST_PAINT`` on stdout, then ``--settle`` seconds, and reads VmRSS
and VmHWM from /proc (Linux). Prints JSON with the median, min and max of each.

    .venv/bin/python benchmarks/idle_rss_bench.py
    .venv/bin/python benchmarks/idle_rss_bench.py \
        --frozen build/stage-tar/jpbrief-0.1.0-linux-x86_64/app/jpbrief
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import startup_bench as bench  # a sibling script, not a package

TARGET_MB = 80.0


def status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def run_once(command: list[str], env: dict[str, str], settle: float) -> tuple[float, float]:
    """VmRSS and VmHWM (MiB) ``settle`` seconds after the first paint."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env, cwd=bench.REPO)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(bench.MARK):
                time.sleep(settle)
                return status_mb(process.pid, "VmRSS"), status_mb(process.pid, "VmHWM")
        raise RuntimeError(f"{command} exited before its first paint")
    finally:
        bench.stop(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frozen", type=Path, help="a frozen build's executable (default: the venv)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=5.0, help="seconds after the first paint")
    args = parser.parse_args()
    venv = [sys.executable, "-m", "jpbrief", "read"]
    command = [str(args.frozen.resolve()), "read"] if args.frozen else venv
    with tempfile.TemporaryDirectory(prefix="jpbrief-rss-") as tmp:
        env = {**os.environ, "JPBRIEF_STARTUP_TIMESTAMP": "1"}
        for name in ("JPBRIEF_CONFIG_DIR", "JPBRIEF_CACHE_DIR", "JPBRIEF_DATA_DIR"):
            env[name] = str(Path(tmp) / name.lower())
        if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        run_once(command, env, settle=max(args.settle, 10.0))  # writes the caches and the index
        rss, peak = zip(*(run_once(command, env, args.settle) for _ in range(args.runs)), strict=True)
    summary = {
        "runs": args.runs,
        "app": "frozen " + str(args.frozen) if args.frozen else "venv",
        "settle_s": args.settle,
        "idle_rss_mb": {"median": round(statistics.median(rss), 1), "min": round(min(rss), 1),
                        "max": round(max(rss), 1)},
        "peak_rss_mb": {"median": round(statistics.median(peak), 1), "max": round(max(peak), 1)},
        "target_mb": TARGET_MB,
        "meets_target": statistics.median(rss) <= TARGET_MB,
    }
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
