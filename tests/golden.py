"""Golden files for rendered output: compare with a reviewed reference under tests/reference/."""

from __future__ import annotations

import os
from pathlib import Path

REFERENCE = Path(__file__).parent / "reference"


def assert_matches_reference(html: str, name: str) -> None:
    """Set JPBRIEF_UPDATE_REFERENCE=1 to rewrite the reference, then review the diff."""
    html = html.replace("><", ">\n<")
    reference = REFERENCE / name
    if os.environ.get("JPBRIEF_UPDATE_REFERENCE"):
        reference.write_text(html, encoding="utf-8")
    assert html == reference.read_text(encoding="utf-8")
