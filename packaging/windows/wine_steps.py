"""What every step of ``make package-windows`` uses: its folders, its log, running a command."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BUILD = ROOT / "build" / "wine"


class StepFailed(SystemExit):
    pass


def log(message: str) -> None:
    print(f"[package-windows] {message}", file=sys.stderr, flush=True)


def fail(message: str) -> StepFailed:
    return StepFailed(f"[package-windows] FAILED: {message}")


class Steps:
    """Time each step; say which one failed."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        log(f"== {name}")
        started = time.monotonic()
        try:
            yield
        except StepFailed:
            log(f"step failed: {name}")
            raise
        finally:
            self.seconds[name] = round(time.monotonic() - started, 1)
        log(f"   {name}: {self.seconds[name]} s")


def run(
    cmd: list[str], *, timeout: float = 1800, check: bool = True, echo: bool = True, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """Run a command with its output piped (Windows programs under Wine need real handles),
    echoing it as it comes; the whole output is returned."""
    log("$ " + " ".join(cmd))
    process = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
        **kwargs,
    )  # type: ignore[call-overload]
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    lines = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if echo:
                sys.stderr.write("    " + line)
        process.wait()
    finally:
        watchdog.cancel()
    output = "".join(lines)
    if check and process.returncode != 0:
        raise fail(f"{cmd[0]} exited {process.returncode}: {' '.join(cmd)}\n{output[-2000:]}")
    return subprocess.CompletedProcess(cmd, process.returncode, output, "")


