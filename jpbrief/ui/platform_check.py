"""Before Qt opens a window on X11: name the system libraries its xcb plugin cannot find.

When a library the xcb platform plugin needs is missing, Qt aborts with "xcb-cursor0 or
libxcb-cursor0 is needed to load the Qt xcb platform plugin", even when that one is
installed (issue 12: the missing ones were libxcb-icccm4 and libxcb-keysyms1). Here the
plugin is loaded first; only if that fails is ``ldd`` run on it (it lists the plugin's
libraries and theirs, Qt's own included), and every line ``NAME => not found`` becomes
a message with the Debian package and the install command. Nothing here imports Qt
unless the platform will be xcb, and nothing runs ``ldd`` unless loading failed; ctypes and
subprocess are imported only then too (they are on the start-up path otherwise).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpng16.so.16": "libpng16-16",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
"""Every system library ``ldd`` lists for PySide6's xcb plugin, mapped with ``dpkg -S``
on Debian 12 (the names are the same on Ubuntu)."""

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as ``not found``, each once, in the order listed."""
    seen: dict[str, None] = {}
    for line in ldd_output.splitlines():
        match = _NOT_FOUND.match(line)
        if match:
            seen.setdefault(match.group(1), None)
    return list(seen)


def missing_message(missing: list[str]) -> str:
    """What to tell the user: the missing files, their packages, the command to install them."""
    lines = [
        "jpbrief: cannot open a window: Qt's X11 (xcb) platform plugin needs system "
        "libraries that are not installed:"
    ]
    packages: dict[str, None] = {}
    unknown = []
    for name in missing:
        package = DEBIAN_PACKAGES.get(name)
        if package:
            packages.setdefault(package, None)
            lines.append(f"  {name}  (Debian/Ubuntu package {package})")
        else:
            unknown.append(name)
            lines.append(f"  {name}  (package not known; 'apt-file search {name}' finds it)")
    if packages:
        lines.append("Install them with:")
        lines.append(f"  sudo apt install {' '.join(packages)}")
    if unknown or not packages:
        lines.append("On other systems, install the packages that provide these files.")
    return "\n".join(lines) + "\n"


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """True when Qt will open its windows through the xcb plugin."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def _plugin_dir(environ: Mapping[str, str]) -> Path:
    override = environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    if override:
        return Path(override)
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def _load(path: Path) -> str | None:
    """None if the dynamic loader can load ``path``, else its error."""
    import ctypes

    try:
        ctypes.CDLL(str(path))
    except OSError as error:
        return str(error)
    return None


def run_ldd(path: Path) -> str:
    """``ldd``'s report on ``path`` (empty if ``ldd`` is not there or fails)."""
    import shutil
    import subprocess

    ldd = shutil.which("ldd")
    if ldd is None:
        return ""
    try:
        done = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def xcb_problem(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    plugin_dir: Path | None = None,
    load: Callable[[Path], str | None] = _load,
    ldd: Callable[[Path], str] = run_ldd,
) -> str | None:
    """The message to print instead of Qt's, or None when there is nothing to say.

    Only a concrete list of missing libraries is reported; if the plugin fails to load
    for any other reason, Qt is left to say so.
    """
    if not uses_xcb(environ, platform):
        return None
    plugin = (plugin_dir or _plugin_dir(environ)) / "libqxcb.so"
    if not plugin.is_file() or load(plugin) is None:
        return None
    missing = missing_libraries(ldd(plugin))
    return missing_message(missing) if missing else None
