"""What the benchmarks read of a running reader from /proc (Linux), and the environment
that keeps its settings, caches and data in a folder of the run's own."""

from __future__ import annotations

import os
import time
from pathlib import Path

IDLE_POLL_S = 0.1
IDLE_WINDOW_S = 2.0
IDLE_TOLERANCE_MB = 1.0


def vm_mb(pid: int, field: str = "VmRSS") -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_ms(pid: int) -> float | None:
    """User + system CPU time of ``pid`` so far, in ms (None if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return round((int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK"), 1)


def environment(run_dir: Path) -> dict[str, str]:
    env = {**os.environ, "JPBRIEF_STARTUP_TIMESTAMP": "1", "PYTHONDONTWRITEBYTECODE": "0"}
    for name in ("JPBRIEF_CONFIG_DIR", "JPBRIEF_CACHE_DIR", "JPBRIEF_DATA_DIR"):
        env[name] = str(run_dir / name.lower())
    env.pop("JPBRIEF_CONTENT", None)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def idle_rss(pid: int, limit_s: float) -> tuple[float | None, float, bool]:
    """(VmRSS MiB once it moves < 1 MiB over 2 s, seconds waited, whether it settled)."""
    started = time.monotonic()
    window = int(IDLE_WINDOW_S / IDLE_POLL_S)
    samples: list[float] = []
    while time.monotonic() - started < limit_s:
        rss = vm_mb(pid)
        if rss is None:
            break
        samples.append(rss)
        recent = samples[-window:]
        if len(recent) == window and max(recent) - min(recent) < IDLE_TOLERANCE_MB:
            return rss, time.monotonic() - started, True
        time.sleep(IDLE_POLL_S)
    return (samples[-1] if samples else None), time.monotonic() - started, False
