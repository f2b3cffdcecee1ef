"""Static macOS checks that Linux can run: wheels for both Macs, and a spec that parses.

macOS cannot be built or run here (PyInstaller does not cross-compile; no hdiutil, no Mac).
What can be checked is that the release runner's build would find everything it needs:

1. Every dependency of ``.[package]`` (the app's and PyInstaller's, transitively) has a
   binary wheel for macOS on arm64 and on x86_64 at the versions resolved on Linux:
   ``pip download --only-binary=:all: --platform ...`` into a temporary folder (nothing
   is installed; source distributions are refused, since a Mac runner would compile them).
   pip judges environment markers for the machine it runs on (Linux), so requirements
   only a Mac needs (PyInstaller's ``macholib``, for one) are found by reading each wheel's
   metadata with macOS markers, and downloaded in a further round.
2. ``packaging/macos/jpbrief-macos.spec`` and the shared spec parse as Python (``ast``).

Prints a JSON report and exits 1 on any failure. The .app, its self-test and the .dmg
are only built by .github/workflows/release.yml on a macOS runner.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent.parent
# The oldest macOS the bundled Qt runs on: PySide6 6.11's wheels are universal2 for macOS 13+.
PLATFORMS = {"arm64": "macosx_13_0_arm64", "x86_64": "macosx_13_0_x86_64"}
SPECS = [ROOT / "packaging" / "macos" / "jpbrief-macos.spec", ROOT / "packaging" / "jpbrief.spec"]


def resolved_pins(python: Path) -> list[str]:
    """``name==version`` of everything installed in the Linux venv (the versions to check)."""
    frozen = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True, check=True
    ).stdout
    return [line for line in frozen.splitlines() if "==" in line]


def requirements() -> list[str]:
    """The project's runtime and packaging requirements, read from pyproject.toml."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["package"]]


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def mac_only_requirements(wheels: list[Path], machine: str) -> list[str]:
    """Requirements of the downloaded wheels that hold on a Mac but were not downloaded."""
    have = {normalise(w.name.split("-")[0]) for w in wheels}
    environment = {
        "sys_platform": "darwin",
        "platform_system": "Darwin",
        "os_name": "posix",
        "platform_machine": machine,
        "python_version": "3.11",
        "python_full_version": "3.11.9",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "extra": "",
    }
    missing = []
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            lines = archive.read(metadata).decode("utf-8", "replace").splitlines()
        for line in lines:
            if not line.startswith("Requires-Dist:"):
                continue
            requirement = Requirement(line.split(":", 1)[1].strip())
            if requirement.marker is not None and not requirement.marker.evaluate(environment):
                continue
            if normalise(requirement.name) not in have:
                missing.append(str(requirement).split(";")[0].strip())
    return sorted(set(missing))


def wheels_for(arch: str, platform: str, pins: list[str], into: Path) -> dict[str, object]:
    constraints = into / "constraints.txt"
    constraints.write_text("".join(pin + "\n" for pin in pins), encoding="utf-8")
    folder = into / platform
    started = time.monotonic()
    wanted, added = requirements(), []
    for _round in range(4):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--only-binary=:all:",
                "--platform",
                platform,
                "--python-version",
                "3.11",
                "--implementation",
                "cp",
                "--abi",
                "cp311",
                "--abi",
                "abi3",
                "--abi",
                "none",
                "-c",
                str(constraints),
                "-d",
                str(folder),
                *wanted,
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            break
        more = mac_only_requirements(sorted(folder.glob("*.whl")), arch)
        if not more:
            break
        added += more
        wanted = [*wanted, *more]
    wheels = sorted(p.name for p in folder.glob("*.whl")) if folder.is_dir() else []
    return {
        "platform": platform,
        "ok": result.returncode == 0,
        "wheels": wheels,
        "mac_only_requirements": added,
        "seconds": round(time.monotonic() - started, 1),
        "error": result.stderr.strip().splitlines()[-3:] if result.returncode else [],
    }


def spec_parses(path: Path) -> dict[str, object]:
    try:
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as error:
        return {
            "spec": str(path.relative_to(ROOT)),
            "ok": False,
            "error": f"line {error.lineno}: {error.msg}",
        }
    return {"spec": str(path.relative_to(ROOT)), "ok": True}


def main() -> int:
    python = ROOT / ".venv" / "bin" / "python"
    pins = resolved_pins(python) if python.exists() else []
    with tempfile.TemporaryDirectory(prefix="jpbrief-macos-wheels-") as tmp:
        wheels = {arch: wheels_for(arch, platform, pins, Path(tmp)) for arch, platform in PLATFORMS.items()}
    report = {
        "wheels": wheels,
        "specs": [spec_parses(spec) for spec in SPECS],
        "not_run_here": "building the .app, its self-test and the .dmg (macOS runner only)",
    }
    print(json.dumps(report, indent=2))
    ok = all(w["ok"] for w in wheels.values()) and all(s["ok"] for s in report["specs"])  # type: ignore[index]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
