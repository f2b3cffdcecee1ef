"""The scale benchmarks' libraries: the bundled articles cloned under new ids, their text
untouched, into a content folder of the size asked for (see scale_bench.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

CONTENT = Path(__file__).resolve().parent.parent / "content"


TITLE_RE = re.compile(r'^title:\s*"(.*)"\s*$')
SEE_RE = re.compile(r'see="([^"]*)"')


def clone_article(text: str, ids: set[str], suffix: str, copy: int) -> str:
    """One bundled article as a clone: new id, title and cross-references; text untouched."""
    lines = text.split("\n")
    end = lines.index("---", 1)
    for index in range(1, end):
        line = lines[index]
        if line.startswith("id:"):
            lines[index] = f"id: {line.split(':', 1)[1].strip()}{suffix}"
        elif (title := TITLE_RE.match(line)) is not None:
            lines[index] = f'title: "{title.group(1)} [copy {copy}]"'

    def retarget(match: re.Match[str]) -> str:
        targets = []
        for target in match.group(1).split():
            article, sep, anchor = target.partition("#")
            targets.append(f"{article}{suffix}{sep}{anchor}" if article in ids else target)
        return f'see="{" ".join(targets)}"'

    for index in range(end + 1, len(lines)):
        if lines[index].startswith("{:") and "see=" in lines[index]:
            lines[index] = SEE_RE.sub(retarget, lines[index])
    return "\n".join(lines)


def make_content(size: int, root: Path) -> int:
    """A content folder of about ``size`` articles under ``root``; returns the count."""
    sources = sorted((CONTENT / "articles").glob("*.md"))
    texts = {p: p.read_text(encoding="utf-8") for p in sources}
    ids = {re.search(r"^id:\s*(\S+)", t, re.M).group(1) for t in texts.values()}  # type: ignore[union-attr]
    root.mkdir(parents=True)
    for name in ("sources.yaml", "themes.yaml", "glossary.yaml"):
        shutil.copy2(CONTENT / name, root / name)
    articles = root / "articles"
    articles.mkdir()
    groups = max(1, -(-size // len(sources)))
    for copy in range(groups):
        suffix = "" if copy == 0 else f"-x{copy:05d}"
        for path, text in texts.items():
            cloned = text if copy == 0 else clone_article(text, ids, suffix, copy)
            (articles / f"{path.stem}{suffix}.md").write_text(cloned, encoding="utf-8")
    return groups * len(sources)
