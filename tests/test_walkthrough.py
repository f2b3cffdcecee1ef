"""docs/add-an-article.md works as written: its commands, files and outputs, on a copy of content/.

The guide is followed block by block, in order: each ``sh`` line runs (``.venv/bin/jpbrief``
through the real command line, in this process), a ``text`` block after it is the output it
must print (``…`` in it stands for any text on that line), a ``markdown file=PATH`` block is written to PATH and a ``diff file=PATH``
block's ``-`` line is replaced by its ``+`` line in PATH. Paths under ``content/`` go to the
copy. Only the ``make`` targets that open a window or build installers are not run; the
strict check that ``make package`` starts with is run, and so is every ``jpbrief`` command.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from jpbrief.cli import main

REPO = Path(__file__).parent.parent
GUIDE = REPO / "docs" / "add-an-article.md"
NOT_RUN = {"make run", "make package"}
"""Opens the reader / builds installers: covered by the UI tests and packaging/build.py."""
BLOCK_RE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str, str]]:
    """(language, attributes, body) of each fenced block of the guide, in order."""
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in BLOCK_RE.finditer(GUIDE.read_text("utf-8"))]


def _target(content: Path, attributes: str) -> Path:
    (name,) = re.findall(r"file=(\S+)", attributes)
    assert name.startswith("content/"), name
    return content / name.removeprefix("content/")


def _run(line: str, content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    prefix = ".venv/bin/jpbrief "
    assert line.startswith(prefix), f"the guide runs an unknown command: {line}"
    code = main(shlex.split(line[len(prefix):]))
    captured = capsys.readouterr()
    return code, (captured.out + captured.err).replace(str(content), "content")


def test_the_guide_works_as_written(content_copy_of_bundle: Path, capsys, monkeypatch):
    content = content_copy_of_bundle
    monkeypatch.setenv("JPBRIEF_CONTENT", str(content))
    blocks = _blocks()
    printed: str | None = None
    ran: list[str] = []
    for language, attributes, body in blocks:
        if language == "sh":
            printed = None
            for line in body.strip().splitlines():
                if line in NOT_RUN:
                    ran.append(line)
                    continue
                code, printed = _run(line, content, capsys)
                assert code == 0, f"{line}\n{printed}"
                ran.append(line)
        elif language == "text":
            assert printed is not None, "an output block with no command before it"
            shown = "[^\n]*".join(re.escape(part) for part in body.split("…"))  # … : counts that grow
            assert re.fullmatch(shown, printed), f"the guide shows:\n{body}\nthe command printed:\n{printed}"
            printed = None
        elif language == "markdown":
            target = _target(content, attributes)
            assert target.exists(), f"the guide edits {target}, which no step created"
            target.write_text(body, encoding="utf-8")
        elif language == "diff":
            target = _target(content, attributes)
            old = [line[1:] for line in body.splitlines() if line.startswith("-")]
            new = [line[1:] for line in body.splitlines() if line.startswith("+")]
            text = target.read_text(encoding="utf-8")
            for before, after in zip(old, new, strict=True):
                assert text.count(before) == 1, f"{target.name} no longer has the line: {before}"
                text = text.replace(before, after)
            target.write_text(text, encoding="utf-8")
    assert {"make run", "make package", ".venv/bin/jpbrief check --strict"} <= set(ran)
    assert any(line.startswith(".venv/bin/jpbrief new ") for line in ran)


def test_the_guide_is_linked_from_the_readme_and_the_format():
    for doc in (REPO / "README.md", REPO / "docs" / "content-format.md"):
        assert "add-an-article.md" in doc.read_text(encoding="utf-8"), doc


@pytest.fixture
def content_copy_of_bundle(tmp_path: Path) -> Path:
    """A writable copy of the bundled content, which the guide edits."""
    return Path(shutil.copytree(REPO / "content", tmp_path / "content"))
