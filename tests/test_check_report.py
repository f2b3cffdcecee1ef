"""Issue 12: ``jpbrief check --report`` warns about editing left unfinished, and --strict fails on it."""

from __future__ import annotations

from pathlib import Path

from jpbrief.cli import main
from jpbrief.core.content import load_library
from jpbrief.core.content.report import report_findings

GAMMA = """---
id: gamma
title: T
---

The QZX told the JSDF about supply chains.
{: #untagged see="beta#dicas-forum"}

Firms met.
{: #tagged themes="dicas"}
"""


def test_report_lists_what_is_unfinished(content_copy: Path):
    (content_copy / "articles" / "gamma.md").write_text(GAMMA, encoding="utf-8")
    beta = content_copy / "articles" / "beta.md"
    text = beta.read_text(encoding="utf-8")
    beta.write_text(text.replace('see="alpha#opening"', 'see="alpha#opening gamma#untagged"'), encoding="utf-8")
    (content_copy / "sources.yaml").write_text(
        (content_copy / "sources.yaml").read_text(encoding="utf-8")
        + "  - id: never-cited\n    citation: Nobody cites this.\n",
        encoding="utf-8",
    )
    (content_copy / "glossary.yaml").write_text(
        (content_copy / "glossary.yaml").read_text(encoding="utf-8").replace(
            "synonyms:", "  - term: ZZT\n    expansion: Zebra Zone Treaty\nsynonyms:"
        ),
        encoding="utf-8",
    )
    library = load_library(content_copy)
    names = ("articles/gamma.md", "glossary.yaml", "sources.yaml")
    gamma, glossary, sources = (str(content_copy / name) for name in names)
    findings = report_findings(library, content_copy)
    assert all(p.severity == "warning" for p in findings)
    assert {str(p) for p in findings} == {
        f"{gamma}:6: warning: passage #untagged has no theme",
        f"{sources}:20: warning: source 'never-cited' is cited by no article",
        f"{gamma}:6: warning: acronym 'QZX' has no glossary entry (first here, once)",
        f"{glossary}:6: warning: acronym 'ZZT' appears in no article, nor its expansion or synonyms",
        f"{content_copy / 'articles' / 'beta.md'}:12: warning: cross-reference from #dicas-forum to "
        "gamma#untagged: the two passages share no word; is it the right anchor?",
        f"{content_copy / 'articles' / 'alpha.md'}:10: warning: cross-reference from #opening to "
        "beta#dicas-forum: the two passages share no word; is it the right anchor?",
    }


def test_check_report_is_warnings_and_strict_makes_them_fail(capsys, fixture_library_dir: Path):
    assert main(["check", str(fixture_library_dir)]) == 0
    assert "warning" not in capsys.readouterr().out
    assert main(["check", "--report", str(fixture_library_dir)]) == 0
    assert "warning: cross-reference from #opening to beta#dicas-forum" in capsys.readouterr().out
    assert main(["check", "--report", "--strict", str(fixture_library_dir)]) == 1
