"""The layering is the architecture: jpbrief/core must work without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).parent.parent / "jpbrief" / "core"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_never_import_qt():
    offenders = {
        str(path.relative_to(CORE.parent.parent)): sorted(
            name for name in _imported_modules(path) if name.split(".")[0] in {"PySide6", "shiboken6"}
        )
        for path in CORE.rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_importing_all_of_core_loads_no_qt():
    modules = sorted(
        ".".join(("jpbrief", "core", *path.relative_to(CORE).with_suffix("").parts)).removesuffix(".__init__")
        for path in CORE.rglob("*.py")
    )
    assert {"jpbrief.core.content", "jpbrief.core.search"} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"
