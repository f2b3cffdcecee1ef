"""Whoosh is imported without the network and asyncio modules it never uses
(jpbrief.core.search.quiet_imports); a later import of those modules gets the real ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_ui_support import CONTENT, REPO

NEVER_NEEDED = ("ssl", "_ssl", "asyncio", "urllib.request", "http.client", "email", "socket",
                "subprocess")

PROBE = r"""
import json, sys
from pathlib import Path
from jpbrief.core.content import load_library
from jpbrief.core.search import SearchIndex

library = load_library(Path(sys.argv[1]))
with SearchIndex(library, Path(sys.argv[1]), Path(sys.argv[2])) as index:
    index.ensure()
    hits = len(index.search("defence budget").hits)
loaded = sorted(name for name in json.loads(sys.argv[3]) if name in sys.modules)

import asyncio, urllib.request, whoosh.compat
try:
    whoosh.compat.urlretrieve("file:///dev/null")
    refused = False
except RuntimeError:
    refused = True
print(json.dumps({"hits": hits, "loaded": loaded, "real_asyncio": hasattr(asyncio, "run"),
                  "real_urllib": hasattr(urllib.request, "Request"), "refused": refused}))
"""


def test_a_search_loads_no_network_or_asyncio_module_and_they_stay_importable(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(CONTENT), str(tmp_path / "index"), json.dumps(NEVER_NEEDED)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["hits"] > 0
    assert report["loaded"] == []  # a Whoosh or cached_property release importing them again fails here
    assert report["real_asyncio"] and report["real_urllib"] and report["refused"]


def test_a_module_already_loaded_is_used_as_it_is(tmp_path: Path) -> None:
    probe = ("import asyncio, jpbrief.core.search, whoosh.reading, cached_property, json\n"
             "print(json.dumps(cached_property.asyncio is asyncio))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) is True


def test_the_stand_ins_never_enter_sys_modules(tmp_path: Path) -> None:
    """Another thread importing asyncio while a quieted module runs must get the real one:
    the stand-in is that module's alone, never in sys.modules."""
    (tmp_path / "quiet_probe.py").write_text(
        "import sys\nSEEN = sys.modules.get('asyncio')\nimport asyncio as A\n", encoding="utf-8")
    probe = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "from jpbrief.core.search import quiet_imports\n"
        "quiet_imports.QUIETED['quiet_probe'] = ('asyncio',)\n"
        "import quiet_probe\n"
        "print(json.dumps({'seen': repr(quiet_probe.SEEN), 'stand_in': (quiet_probe.A.__doc__ or '')"
        ".startswith('A stand-in'), 'loaded': 'asyncio' in sys.modules}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"seen": "None", "stand_in": True, "loaded": False}
