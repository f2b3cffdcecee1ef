"""Generated hostile articles, shared by tests/test_hostile.py and benchmarks/loader_bench.py.

They are generated rather than committed: the largest is 5 MB.
"""

import subprocess
import sys

FRONT = "---\nid: {id}\ntitle: Generated\nauthor: null\npublisher: null\npublished: null\ndisclaimer: null\n---\n\n"

GENERATED = {
    # Each is built to reach one guard; all stay under the 1 MiB file cap except the first.
    "five-megabytes.md": FRONT.format(id="five-megabytes") + ("All work and no play. " * 240_000),
    "nested-quote-line.md": FRONT.format(id="nested-quote-line") + ">" * 10_000 + " deep\n",
    "nested-quote-lines.md": FRONT.format(id="nested-quote-lines") + "\n".join(">" * i + " q" for i in range(1, 150)),
    "nested-list-line.md": FRONT.format(id="nested-list-line") + "- " * 10_000 + "x\n",
    "nested-list-markers.md": FRONT.format(id="nested-list-markers") + "1. " * 5_000 + "x\n",
    "nested-list-indent.md": FRONT.format(id="nested-list-indent") + "\n".join("  " * i + "- item" for i in range(100)),
    "backticks.md": FRONT.format(id="backticks") + "`" * 15_000 + "\n",
    "backtick-words.md": FRONT.format(id="backtick-words") + "``a " * 3_000 + "\n",
    "brackets.md": FRONT.format(id="brackets") + "[" * 5_000 + "a\n",
    "emphasis-soup.md": FRONT.format(id="emphasis-soup") + ("*_" * 4_000 + "\n\n") * 20,
    "backslashes.md": FRONT.format(id="backslashes") + ("\\" * 10_000 + "\n\n") * 20,
    "placeholder-forgery.md": FRONT.format(id="placeholder-forgery") + "A\ue00099\ue001 claim.[^1]\n\n[^1]: api-survey\n",
    "unicode-digit-footnote.md": FRONT.format(id="unicode-digit-footnote") + "A claim.[^\u00b2]\n",
    "impossible-date.md": FRONT.format(id="impossible-date").replace("published: null", "published: 2024-13-45") + "Text.\n",
    "deep-yaml.md": "---\nid: deep-yaml\ntitle: " + "[" * 5_000 + "]" * 5_000 + "\n---\n\nText.\n",
    "alias-bomb.md": "---\nid: alias-bomb\ntitle: T\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n\nText.\n",
    "nul-byte.md": FRONT.format(id="nul-byte") + "First passage.\n\nA claim\x00 with a NUL in it.\n",
    "hostile-annotations.md": FRONT.format(id="hostile-annotations")
    + "One.\n{: #one role='bio\" onmouseover=\"alert(1)\" x=\"'}\n\n"
    + "Two.\n{: #two themes='\"><img/src=\"file:///etc/passwd\"><script>alert(1)</script>'}\n",
}

HOSTILE_GLOSSARY = """acronyms:
  - term: JSDF
    expansion: Japan Self-Defense Forces
  - term: IMG
    expansion: '<img src="/any/path">'
  - term: <b>R&amp;D</b>
    expansion: Research and development
  - term: R&D
    expansion: Research & development, written plainly
synonyms:
  - [parliament, Diet]
  - [fifo, '<img src="file:///tmp/fifo">']
"""
"""A glossary with markup in a term, an expansion and a synonym (and one plain '&')."""


def run_guarded(code: str, *args: str, timeout: float) -> str:
    """Run ``code`` in a fresh Python with ``args``; its output. A hang guard: a loop
    that never ends fails the test after ``timeout`` seconds instead of stalling the run."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=timeout, check=True
    )
    return result.stdout

