"""The translation catalogue at build time: PySide6's lupdate and lrelease over resources/i18n.

One place for how the ``.ts`` files are made from ``jpbrief/ui`` (and the messages the core
marks for the interface) and compiled to the ``.qm`` files the interface loads: the
Makefile (``make lupdate``, and the ``.qm`` rule), the installer build and the tests all
use it. Run as ``python -m jpbrief.ui.i18n_catalog
update|compile [OUT_DIR]``. Never imported by the running app.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent
REPO = UI.parent.parent
CATALOGUE = REPO / "resources" / "i18n"
"""Where the ``.ts`` files live (and, after a build, the ``.qm`` files beside them)."""

SOURCE_LANGUAGE = "en"
"""The language the code is written in: its ``.ts`` holds only plural forms."""

TARGETS = {"en": "en_US", "ja": "ja_JP"}


def sources() -> list[Path]:
    """Every Python file of the interface, then the core's that mark messages for it
    (:mod:`jpbrief.core.message`), in a stable order (so the .ts does not churn)."""
    core = [path for path in sorted((UI.parent / "core").rglob("*.py"))
            if "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8")]
    return sorted(UI.rglob("*.py")) + core


def ts_file(language: str, folder: Path = CATALOGUE) -> Path:
    return folder / f"jpbrief_{language}.ts"


def _tool(name: str, arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """Run PySide6's ``lupdate``/``lrelease`` with this interpreter (any platform, any venv)."""
    code = (f"import sys; from PySide6.scripts.pyside_tool import {name}; "
            f"sys.argv[0] = '{name}'; sys.exit({name}())")
    return subprocess.run([sys.executable, "-c", code, *arguments], check=True, capture_output=True,
                          text=True)


def lupdate(ts: Path, language: str) -> str:
    """Bring ``ts`` up to date with the strings in :func:`sources`; returns lupdate's report."""
    options = ["-locations", "none", "-no-obsolete", "-target-language", TARGETS[language]]
    if language == SOURCE_LANGUAGE:
        options.append("-pluralonly")
    return _tool("lupdate", [*map(str, sources()), *options, "-ts", str(ts)]).stdout


def lrelease(ts: Path, qm: Path) -> Path:
    qm.parent.mkdir(parents=True, exist_ok=True)
    _tool("lrelease", ["-silent", str(ts), "-qm", str(qm)])
    return qm


def compile_all(out_dir: Path = CATALOGUE) -> list[Path]:
    """Every ``.ts`` compiled to ``out_dir/jpbrief_<lang>.qm``."""
    return [lrelease(ts, out_dir / ts.with_suffix(".qm").name)
            for ts in sorted(CATALOGUE.glob("jpbrief_*.ts"))]


def qt_catalogues() -> list[Path]:
    """Qt's own ``qtbase_<lang>.qm`` (standard buttons and dialogs) for each shipped language,
    from the installed PySide6; installers carry them in resources/i18n beside ours."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    return [folder / f"qtbase_{language}.qm" for language in TARGETS if language != SOURCE_LANGUAGE
            and (folder / f"qtbase_{language}.qm").exists()]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for language in TARGETS:
            print(lupdate(ts_file(language), language).strip())
        return 0
    if command == "compile":
        for qm in compile_all(Path(argv[1]) if len(argv) > 1 else CATALOGUE):
            print(qm)
        return 0
    print("usage: python -m jpbrief.ui.i18n_catalog update|compile [OUT_DIR]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
