"""Checks behind ``make package-windows`` that need no Wine: bundle, signatures, registry, report.

Pure functions over file lists and command output, so tests/test_wine_checks.py can show
each one failing on bad input. packaging/windows/wine_build.py runs the commands.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

STANDIN_DLLS = ("icuuc.dll", "bcryptprimitives.dll", "mscms.dll", "mscms_wine.dll")
"""Windows 10 system DLLs Wine 8 lacks (or lacks functions of): test scaffolding in the Wine
prefix's system32 only. A bundle carrying one would shadow the real one on Windows."""
EXCLUDED_ON_WINDOWS = ("opengl32sw.dll", "qdirect2d.dll", "qminimal.dll")
"""Qt files the spec drops on Windows (software OpenGL, two platforms jpbrief never uses)."""
REQUIRED_IN_BUNDLE = (
    "jpbrief.exe",
    "python311.dll",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/platforms/qoffscreen.dll",
    "content/sources.yaml",
)
BUDGET_SETUP_MB = 30
BUDGET_INSTALLED_MB = 110


def bundle_problems(relative_paths: Iterable[str]) -> list[str]:
    """What is wrong with a Windows one-folder bundle, given its files' relative paths."""
    paths = [p.replace("\\", "/") for p in relative_paths]
    lower = {p.lower() for p in paths}
    names = {p.rsplit("/", 1)[-1].lower() for p in paths}

    def has(required: str) -> bool:  # the .exe at the top; the rest anywhere (PyInstaller's _internal/)
        wanted = required.lower()
        return wanted in lower or (
            not wanted.endswith(".exe") and any(p.endswith("/" + wanted) for p in lower)
        )

    problems = [f"missing {required}" for required in REQUIRED_IN_BUNDLE if not has(required)]
    problems += [
        f"bundles the Wine stand-in {dll} (test scaffolding only)" for dll in STANDIN_DLLS if dll in names
    ]
    problems += [
        f"bundles {dll}, which the spec excludes on Windows" for dll in EXCLUDED_ON_WINDOWS if dll in names
    ]
    problems += [f"bundles a Linux library {p}" for p in paths if re.search(r"\.so(\.\d+)*$", p)]
    return problems


def signature_problems(output: str, returncode: int, signer: str) -> list[str]:
    """What is wrong with an ``osslsigncode verify`` result for a file ``signer`` must have signed."""
    problems = []
    if returncode != 0:
        problems.append(f"osslsigncode exited {returncode}")
    if "Signature verification: ok" not in output:
        problems.append("no valid Authenticode signature")
    subjects = re.findall(r"Subject:\s*(\S.*)", output)
    if not any(f"CN={signer}" in subject for subject in subjects):
        problems.append(f"not signed by {signer!r} (certificates: {sorted(set(subjects))[:4]})")
    return problems


def reg_values(output: str) -> dict[str, str]:
    """The values ``reg query KEY`` printed: ``(Default)`` for the unnamed one."""
    values = {}
    for line in output.splitlines():
        match = re.match(r"^\s+(\S.*?)\s{4}(REG_\w+)\s{4}(.*)$", line) or re.match(
            r"^\s+(\S.*?)\s{4}(REG_\w+)\s*$", line
        )
        if match:
            values[match.group(1)] = match.group(3) if match.lastindex == 3 else ""
    return values


def association_problems(extension: dict[str, str], command: dict[str, str]) -> list[str]:
    """``.jpbpack`` must name jpbrief's ProgID, whose open command starts jpbrief.exe "%1"."""
    problems = []
    if extension.get("(Default)") != "jpbrief.ContentPack":
        problems.append(f".jpbpack maps to {extension.get('(Default)')!r}, not 'jpbrief.ContentPack'")
    open_command = command.get("(Default)", "")
    if not re.fullmatch(r'"[A-Za-z]:\\.*\\jpbrief\.exe" "%1"', open_command):
        problems.append(f'open command is {open_command!r}, not \'"...\\jpbrief.exe" "%1"\'')
    return problems


def self_test_summary(output: str, returncode: int) -> dict[str, object]:
    """The checks a ``jpbrief self-test`` printed, and whether it passed as a whole."""
    checks = re.findall(r"^(ok  |FAIL) (.+?)(?::.*)?$", output, flags=re.MULTILINE)
    failed = [name for status, name in checks if status == "FAIL"]
    summary = re.search(r"^self-test: (\d+) passed, (\d+) failed$", output, flags=re.MULTILINE)
    text_checks = [name for _status, name in checks if name.startswith("text renders")]
    passed = returncode == 0 and summary is not None and not failed and bool(text_checks)
    return {
        "passed": passed,
        "exit_code": returncode,
        "checks": len(checks),
        "failed": failed,
        "text_render_checks": text_checks,
        "summary": summary.group(0) if summary else None,
    }


def budgets(setup_mb: float, installed_mb: float) -> dict[str, dict[str, object]]:
    return {
        "setup_mb": {"value": setup_mb, "budget": BUDGET_SETUP_MB, "ok": setup_mb <= BUDGET_SETUP_MB},
        "installed_mb": {
            "value": installed_mb,
            "budget": BUDGET_INSTALLED_MB,
            "ok": installed_mb <= BUDGET_INSTALLED_MB,
        },
    }


def sha256sums(digests: dict[str, str]) -> str:
    """``sha256sum`` format, one line per file, sorted by name."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(digests.items()))


def export_names(objdump: str) -> list[str]:
    """The exported names in ``objdump -p`` output of a DLL (its Ordinal/Name Pointer table)."""
    names: list[str] = []
    table = False
    for line in objdump.splitlines():
        if "[Ordinal/Name Pointer] Table" in line:
            table = True
        elif table and not line.strip():
            break
        elif table:
            names.append(line.split()[-1])
    return names


def count_strip_failures(log: str) -> int:
    return log.count("Failed to run strip")


def main(argv: list[str]) -> int:
    """``python wine_checks.py bundle DIR``: the bundle checks, for build.ps1 on a Windows runner too."""
    if len(argv) != 2 or argv[0] != "bundle":
        print("usage: wine_checks.py bundle DIR", file=sys.stderr)
        return 2
    root = Path(argv[1])
    problems = bundle_problems(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    for problem in problems:
        print(f"{root}: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
