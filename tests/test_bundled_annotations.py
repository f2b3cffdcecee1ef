"""The editorial audit's rules for the bundled content (issue 12), so a later edit keeps them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jpbrief.core.content import load_library

REPO = Path(__file__).parent.parent
LIBRARY = load_library(REPO / "content")

# words in a passage -> a theme it must carry
RULES = [
    (r"supply chain", "economic-security"),
    (r"\bDICAS\b|industrial base", "defence-industry"),
    (r"\bPatriot\b|\bSM-3\b", "missile-defence"),
    (r"emerging domains such as space", "space-hypersonics"),
]


@pytest.mark.parametrize(("pattern", "theme"), RULES)
def test_passages_that_say_it_carry_the_theme(pattern: str, theme: str) -> None:
    said = [(a.id, p) for a, p in LIBRARY.iter_passages() if p.kind == "paragraph" and re.search(pattern, p.text)]
    assert said
    assert [f"{a}#{p.anchor}" for a, p in said if theme not in p.themes] == []


def test_the_command_structure_passages_point_at_each_other() -> None:
    forward = LIBRARY.passage("focused-on-its-region", "forward-leading")
    agreements = LIBRARY.passage("navigating-new-frontiers", "washington-agreements")
    assert forward is not None and agreements is not None
    assert "a new military command structure" in forward.text
    assert "modernize alliance command and control structures" in agreements.text
    assert ("navigating-new-frontiers", "washington-agreements") in {(r.article, r.anchor) for r in forward.crossrefs}
    assert ("focused-on-its-region", "forward-leading") in {(r.article, r.anchor) for r in agreements.crossrefs}


def test_glossary_serves_the_text() -> None:
    terms = {a.term: a.expansion for a in LIBRARY.glossary.acronyms}
    assert "API" not in terms  # in neither article nor any citation
    assert "AIM-9X" in terms and "Sidewinder" in terms["AIM-9X"]
    assert not any({"missile defense", "air defense"} <= set(group) for group in LIBRARY.glossary.synonyms)
