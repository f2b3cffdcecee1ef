"""Build, check and measure the Linux installers: the one driver behind ``make package``.

Steps: stage the trainers' public keys to bake in (``trusted_keys/*.pub`` and any
``--trusted-key``, each checked) -> PyInstaller one-folder build ->
``dist/jpbrief-VERSION-linux-x86_64.tar.xz`` and ``dist/jpbrief_VERSION_amd64.deb`` ->
``dist/SHA256SUMS`` -> unpack every artifact into a temporary folder and run the frozen
binary's ``self-test`` offscreen with a fresh HOME, and check that it trusts exactly the
baked keys (``pack keys --json``) -> print sizes, cold start and budgets as JSON (also
written to ``dist/build-report.json``).

``--twice`` builds a second time from scratch and reports whether the SHA-256s match and,
if not, which files inside the artifacts differ.

Windows and macOS have their own recipes in ``packaging/windows`` and ``packaging/macos``;
they need native runners (see packaging/README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUDGET_TAR_MB = 60
BUDGET_UNPACKED_MB = 150
DEB_DEPENDS = [
    "libc6", "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libglib2.0-0", "libdbus-1-3",
    "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0",
    "libxcb-xkb1", "libxkbcommon0", "libxkbcommon-x11-0", "libwayland-client0", "libwayland-cursor0",
]


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "jpbrief" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def source_date_epoch() -> int:
    """The last commit's time, so two builds of one commit stamp the same dates."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0


def log(message: str) -> None:
    print(f"[package] {message}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kwargs: object) -> None:
    log(" ".join(cmd))
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def stage_trusted_keys(extra: Sequence[Path], stage: Path = BUILD / "trusted_keys") -> list[str]:
    """Copy ``trusted_keys/*.pub`` and ``extra`` into ``stage``, each read as a minisign public
    key and rewritten under its fingerprint; their fingerprints. A file that is not a public
    key stops the build: it would silently trust nobody in the installers."""
    from jpbrief.core.packs import signing  # installed in the venv by make package

    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    fingerprints: list[str] = []
    for path in [*sorted((ROOT / "trusted_keys").glob("*.pub")), *extra]:
        try:
            key = signing.parse_public_key(signing.read_key_file(path), str(path))
        except (OSError, signing.SignatureError) as error:
            raise SystemExit(f"{path}: not a trainer's public key to bake in ({error})") from None
        name = key.fingerprint.replace(" ", "").lower() + ".pub"
        (stage / name).write_text(key.to_text(f"jpbrief trusted key {key.fingerprint}"), encoding="utf-8")
        if key.fingerprint not in fingerprints:
            fingerprints.append(key.fingerprint)
    return fingerprints


def trusted_key_problems(listed: str, expected: Sequence[str]) -> list[str]:
    """What is wrong with a frozen app's ``pack keys --json`` output given the baked keys."""
    try:
        rows = json.loads(listed)
    except ValueError:
        return [f"'pack keys --json' printed no JSON: {listed[:200]!r}"]
    baked = sorted(row["fingerprint"] for row in rows if row.get("origin") == "installation")
    if baked != sorted(expected):
        wanted = sorted(expected) or "none"
        return [f"the installed app trusts {baked or 'no keys'}, but {wanted} were baked in"]
    return []


def pyinstaller(env: dict[str, str]) -> Path:
    shutil.rmtree(BUILD / "pyinstaller", ignore_errors=True)
    out = BUILD / "pyinstaller" / "dist"
    run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", str(out), "--workpath", str(BUILD / "pyinstaller" / "work"),
            str(PACKAGING / "jpbrief.spec"),
        ],
        cwd=ROOT, env=env,
    )
    app = out / "jpbrief"
    missing = translation_problems(app)
    if missing:
        raise SystemExit("the build lacks its translations: " + ", ".join(missing))
    return app


def translation_problems(app: Path) -> list[str]:
    """The compiled catalogues an installer must carry (the spec compiles them), absent from ``app``."""
    sys.path.insert(0, str(ROOT))
    from jpbrief.ui.i18n_catalog import CATALOGUE, qt_catalogues

    wanted = [ts.with_suffix(".qm").name for ts in CATALOGUE.glob("jpbrief_*.ts")]
    wanted += [path.name for path in qt_catalogues()]
    shipped = {path.name for path in app.rglob("resources/i18n/*.qm")}
    return sorted(set(wanted) - shipped)


def _normalise(info: tarfile.TarInfo, epoch: int) -> tarfile.TarInfo:
    info.mtime = epoch
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_tarball(app: Path, name: str, epoch: int) -> Path:
    stage = BUILD / "stage-tar" / name
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(app, stage / "app", symlinks=True)
    launcher = stage / "jpbrief"
    launcher.write_text(
        '#!/bin/sh\n# Start jpbrief from wherever this folder was unpacked.\n'
        'here=$(dirname "$(readlink -f "$0")")\nexec "$here/app/jpbrief" "$@"\n',
        encoding="utf-8",
    )
    launcher.chmod(0o755)
    shutil.copy(PACKAGING / "linux" / "README-recipient.txt", stage / "README.txt")
    target = DIST / f"{name}.tar.xz"
    with tarfile.open(target, "w:xz", preset=9) as tar:
        for path in sorted([stage, *stage.rglob("*")]):
            info = tar.gettarinfo(str(path), arcname=str(path.relative_to(stage.parent)))
            _normalise(info, epoch)
            if info.isfile():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    return target


def make_deb(app: Path, ver: str, epoch: int) -> Path:
    root = BUILD / "stage-deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(app, root / "opt" / "jpbrief", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "jpbrief").symlink_to("/opt/jpbrief/jpbrief")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "jpbrief.desktop", apps / "jpbrief.desktop")
    mime = root / "usr" / "share" / "mime" / "packages"  # the .jpbpack type (dpkg triggers update it)
    mime.mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "jpbrief-pack.xml", mime / "jpbrief.xml")
    for size in (48, 256):
        icons = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        icons.mkdir(parents=True)
        shutil.copy(PACKAGING / "icons" / f"jpbrief-{size}.png", icons / "jpbrief.png")
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    installed_kb = folder_size(root) // 1024
    control.write_text(
        f"Package: jpbrief\nVersion: {ver}\nSection: text\nPriority: optional\n"
        f"Architecture: amd64\nInstalled-Size: {installed_kb}\n"
        f"Depends: {', '.join(DEB_DEPENDS)}\n"
        "Maintainer: jpbrief trainers <jpbrief@localhost>\n"
        "Description: Offline reader for briefings on Japan's defence and economic security\n"
        " Bundled annotated articles with footnote pop-ups, themes and full-text search.\n"
        " Never uses the network.\n",
        encoding="utf-8",
    )
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            os.utime(path, (epoch, epoch))
    target = DIST / f"jpbrief_{ver}_amd64.deb"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)], env=env)
    return target


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_sums(artifacts: list[Path]) -> Path:
    sums = DIST / "SHA256SUMS"
    sums.write_text("".join(f"{sha256(p)}  {p.name}\n" for p in artifacts), encoding="utf-8")
    return sums


def unpack(artifact: Path, into: Path) -> Path:
    """Unpack an artifact the way a recipient would; return the frozen executable."""
    if artifact.name.endswith(".deb"):
        run(["dpkg-deb", "-x", str(artifact), str(into)])
        return into / "opt" / "jpbrief" / "jpbrief"
    with tarfile.open(artifact) as tar:
        if hasattr(tarfile, "tar_filter"):  # Python 3.11.4+: refuse absolute and ../ members
            tar.extractall(into, filter="tar")
        else:
            tar.extractall(into)
    (folder,) = into.iterdir()
    return folder / "jpbrief"


def smoke_test(artifact: Path, keys: Sequence[str] = ()) -> dict[str, object]:
    """Run the frozen self-test offscreen, with a fresh HOME and cache, and time first paint."""
    with tempfile.TemporaryDirectory(prefix="jpbrief-smoke-") as tmp:
        tmp_path = Path(tmp)
        exe = unpack(artifact, tmp_path / "unpacked")
        unpacked = folder_size(tmp_path / "unpacked")
        home = tmp_path / "home"
        home.mkdir()
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
        }
        shot = tmp_path / "screenshot.png"
        started = time.monotonic()
        result = subprocess.run(
            [str(exe), "self-test", "--strict", "--screenshot", str(shot)],
            env=env, capture_output=True, text=True, timeout=300,
        )
        elapsed = time.monotonic() - started
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        if result.returncode != 0:
            raise SystemExit(f"self-test of {artifact.name} failed with exit code {result.returncode}")
        if not shot.is_file() or shot.stat().st_size == 0:
            raise SystemExit(f"self-test of {artifact.name} wrote no screenshot")
        listed = subprocess.run([str(exe), "pack", "keys", "--json"], env=env, capture_output=True,
                                text=True, timeout=120)
        problems = trusted_key_problems(listed.stdout, keys)
        if problems:
            raise SystemExit(f"{artifact.name}: " + "; ".join(problems))
        paint = cold_start(exe, env)
        return {
            "artifact": artifact.name,
            "size_mb": round(artifact.stat().st_size / 1e6, 1),
            "unpacked_mb": round(unpacked / 1e6, 1),
            "self_test_s": round(elapsed, 2),
            "first_paint_s": paint,
        }


def cold_start(exe: Path, env: dict[str, str]) -> float | None:
    """Seconds from process start to the reader's first paint (``JPBRIEF_FIRST_PAINT``)."""
    return first_paint_after([str(exe), "read"], env)


def first_paint_after(
    cmd: list[str], env: dict[str, str], *, timeout: float = 120, stop: Callable[[], None] | None = None
) -> float | None:
    """Seconds from starting ``cmd`` (a reader) to its first paint; ``stop`` ends what killing
    ``cmd`` would not (the Windows process behind ``wine``). Also used by windows/wine_build.py."""
    started = time.time()
    process = subprocess.Popen(
        cmd, env={**env, "JPBRIEF_STARTUP_TIMESTAMP": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True,
    )
    painted: float | None = None
    watchdog = threading.Timer(timeout, process.kill)  # a reader that never paints must not hang the build
    watchdog.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("JPBRIEF_FIRST_PAINT "):
                painted = round(float(line.split()[1]) - started, 3)
                break
    finally:
        watchdog.cancel()
        if stop is not None:
            stop()
        process.kill()
        process.wait(timeout=60)
    if painted is None:
        log(f"no first-paint timestamp from {' '.join(cmd)} (exit {process.returncode})")
    return painted


def build_once(env: dict[str, str], epoch: int) -> list[Path]:
    shutil.rmtree(DIST, ignore_errors=True)
    DIST.mkdir()
    ver = version()
    app = pyinstaller(env)
    tarball = make_tarball(app, f"jpbrief-{ver}-linux-x86_64", epoch)
    deb = make_deb(app, ver, epoch)
    return [tarball, deb]


def differing_members(first: Path, second: Path) -> list[str]:
    """Names of files whose content differs between two tar.xz artifacts."""
    def digests(path: Path) -> dict[str, str]:
        with tarfile.open(path) as tar:
            return {
                m.name: hashlib.sha256(tar.extractfile(m).read()).hexdigest()  # type: ignore[union-attr]
                for m in tar.getmembers() if m.isfile()
            }
    a, b = digests(first), digests(second)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def check_content_strictly() -> None:
    """Refuse to build an installer from content with any problem, warnings included:
    a trainer's article that fails to load must never be left out silently."""
    result = subprocess.run(
        [sys.executable, "-m", "jpbrief", "check", "--strict", str(ROOT / "content")],
        capture_output=True, text=True,
    )
    sys.stderr.write(result.stdout + result.stderr)
    if result.returncode != 0:
        raise SystemExit("jpbrief check --strict found problems in content/: fix them before packaging")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--twice", action="store_true", help="build twice and compare SHA-256s")
    parser.add_argument("--skip-smoke", action="store_true", help="build only (not for CI)")
    parser.add_argument("--trusted-key", action="append", type=Path, default=[], metavar="PUBFILE",
                        help="also bake this trainer's public key in (besides trusted_keys/*.pub)")
    args = parser.parse_args()

    check_content_strictly()
    keys = stage_trusted_keys(args.trusted_key)
    epoch = source_date_epoch()
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": "0",
           "JPBRIEF_BAKED_KEYS_DIR": str(BUILD / "trusted_keys")}
    started = time.monotonic()
    artifacts = build_once(env, epoch)
    build_s = round(time.monotonic() - started, 1)
    report: dict[str, object] = {"version": version(), "source_date_epoch": epoch, "build_s": build_s,
                                 "trusted_keys": keys}

    if args.twice:
        keep = BUILD / "first-build"
        shutil.rmtree(keep, ignore_errors=True)
        keep.mkdir(parents=True)
        for artifact in artifacts:
            shutil.copy(artifact, keep / artifact.name)
        artifacts = build_once(env, epoch)
        same = {a.name: sha256(a) == sha256(keep / a.name) for a in artifacts}
        report["reproducible"] = same
        tarball = next(a for a in artifacts if a.name.endswith(".tar.xz"))
        report["differing_files"] = differing_members(keep / tarball.name, tarball)[:50]

    sums = write_sums(artifacts)
    report["sha256sums"] = sums.read_text(encoding="utf-8").splitlines()
    if not args.skip_smoke:
        results = [smoke_test(artifact, keys) for artifact in artifacts]
        report["artifacts"] = results
        tar_result = next(r for r in results if str(r["artifact"]).endswith(".tar.xz"))
        report["budgets"] = {
            "tar_xz_mb": {"value": tar_result["size_mb"], "budget": BUDGET_TAR_MB,
                          "ok": float(tar_result["size_mb"]) <= BUDGET_TAR_MB},  # type: ignore[arg-type]
            "unpacked_mb": {"value": tar_result["unpacked_mb"], "budget": BUDGET_UNPACKED_MB,
                            "ok": float(tar_result["unpacked_mb"]) <= BUDGET_UNPACKED_MB},  # type: ignore[arg-type]
        }
    text = json.dumps(report, indent=2)
    (DIST / "build-report.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    budgets: dict[str, dict[str, object]] = report.get("budgets", {})  # type: ignore[assignment]
    over = [f"{name} {b['value']} MB > {b['budget']} MB" for name, b in budgets.items() if not b["ok"]]
    if over:
        log("over budget: " + "; ".join(over) + " (see packaging/README.md: what is bundled and why)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
