"""Safe YAML with line numbers: the front matter and the themes/sources/glossary files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jpbrief.core.content.problems import Reporter
from jpbrief.core.content.textfile import read_text
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message, Template


class _ContentLoader(yaml.SafeLoader):
    """Safe YAML, with dates left as text (we check them, with line numbers), and no aliases,
    tags or merge keys.

    Without the timestamp resolver an impossible date such as 2024-13-45 cannot raise in
    the middle of loading, and refusing aliases defuses "billion laughs" expansions. Content
    files need no explicit tags (``!!int abc``, ``!!map [a]`` made the loader itself raise)
    and, without aliases, no merge keys (whose keys would slip past the duplicate check).
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in content files", event.start_mark
            )
        event = self.peek_event()
        if getattr(event, "tag", None) is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise yaml.composer.ComposerError(
                None, None, f"tags ({tag}) are not allowed in content files: put the value "
                            "in double quotes if it is text", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping, refusing a key given twice: plain YAML keeps the last one silently,
        and a trainer who wrote ``title:`` twice would never learn which one was shown."""
        first: dict[Any, yaml.Mark] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not allowed in content files", key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            try:
                mark = first.setdefault(key, key_node.start_mark)
            except TypeError:  # an unhashable key: the mapping's own construction says so
                continue
            if mark is not key_node.start_mark:
                raise DuplicateKeyError(key, mark, key_node.start_mark)
        return super().construct_mapping(node, deep)


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping gives ``key`` twice: its first at ``first_mark``, again at ``problem_mark``."""

    def __init__(self, key: Any, first_mark: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__("while constructing a mapping", first_mark,
                         f"found duplicate key {key!r}", again)
        self.key = key
        self.first_mark = first_mark


_ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Document = tuple[Any, yaml.Node | None]
"""A YAML document's data and its node tree (for line numbers)."""


def load_yaml(text: str) -> Document:
    """Parse one YAML document into data and its node tree (for line numbers).

    Raises ``yaml.YAMLError`` for bad YAML and ``RecursionError`` for absurd nesting.
    """
    loader = _ContentLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return data, node
    finally:
        loader.dispose()


_PLAIN_WORDS = (
    # (PyYAML's context or problem, points at where it opened?, what to tell the trainer);
    # the words are templates (braces doubled), said in the reader's language.
    ("while parsing a flow sequence", True, QT_TRANSLATE_NOOP(
        "Check", "the list opened with '[' on this line is not closed: add ']' at its end, "
                 "or put the whole value in double quotes if it is text")),
    ("while parsing a flow mapping", True, QT_TRANSLATE_NOOP(
        "Check", "the '{{' on this line is not closed: add '}}' at its end, "
                 "or put the whole value in double quotes if it is text")),
    ("while scanning a quoted scalar", True, QT_TRANSLATE_NOOP(
        "Check", "the quote opened on this line is never closed: add the closing quote")),
    ("mapping values are not allowed here", False, QT_TRANSLATE_NOOP(
        "Check", "a ': ' inside a value (or a line indented too far): put the value in double quotes, "
                 "as in title: \"Japan: a region\", or fix the indentation")),
    ("that cannot start any token", False, QT_TRANSLATE_NOOP(
        "Check", "a tab or other stray character: indent with spaces only")),
    ("expected <block end>, but found", False, QT_TRANSLATE_NOOP(
        "Check", "text after a quoted or bracketed value: put the whole value in double quotes")),
)


def yaml_line(error: yaml.YAMLError, offset: int) -> int:
    """The file line a YAML error points at, for YAML that starts ``offset`` lines in."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1 + offset) if mark is not None else offset + 1


def explain_yaml_error(error: yaml.YAMLError, offset: int) -> tuple[int, str]:
    """The line the user must change and, in plain words, what to change there.

    PyYAML notices an unclosed ``[`` or quote only where it runs into the next thing (the
    line after); the line to change is where it was opened (its context mark).
    """
    context = str(getattr(error, "context", None) or "")
    problem = str(getattr(error, "problem", None) or "invalid YAML")
    for pattern, at_opening, words in _PLAIN_WORDS:
        if pattern in context or pattern in problem:
            mark = getattr(error, "context_mark", None) if at_opening else None
            line = mark.line + 1 + offset if mark is not None else yaml_line(error, offset)
            return line, words
    return yaml_line(error, offset), problem


def parse_yaml(
    path: Path, text: str, report: Reporter, *, offset: int = 0, name: str = "YAML"
) -> Document | None:
    """``text`` (YAML starting ``offset`` lines into ``path``) parsed, or None (reported,
    calling it ``name``) when it is broken or absurdly nested."""
    try:
        return load_yaml(text)
    except DuplicateKeyError as error:
        report.add(path, yaml_line(error, offset), QT_TRANSLATE_NOOP(
            "Check", "invalid {name}: {key!r} is given twice (first on line {first}): keep one"),
            name=name, key=error.key, first=error.first_mark.line + 1 + offset)
    except yaml.YAMLError as error:
        line, words = explain_yaml_error(error, offset)
        report.add(path, line, QT_TRANSLATE_NOOP("Check", "invalid {name}: {words}"), name=name,
                   words=Message(words) if isinstance(words, Template) else words)
    except RecursionError:
        report.add(path, offset + 1, QT_TRANSLATE_NOOP("Check", "{name} is nested too deeply"), name=name)
    return None


def yaml_document(path: Path, report: Reporter) -> Document | None:
    """A YAML file's data and node tree (for line numbers), or None if unreadable or broken."""
    text = read_text(path, report)
    return None if text is None else parse_yaml(path, text, report)


def yaml_items(path: Path, document: Document | None, key: str, report: Reporter) -> list[tuple[Any, int]]:
    """The list under ``key`` in a loaded YAML document, each item with its line number."""
    if document is None or document[0] is None:
        return []
    data, root = document
    if not isinstance(data, dict) or not isinstance(data.get(key, []), list):
        report.add(path, 1, QT_TRANSLATE_NOOP(
            "Check", "expected a mapping with a list under {key!r}"), key=key)
        return []
    items = data.get(key) or []
    lines = [1] * len(items)
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
                lines = [node.start_mark.line + 1 for node in value_node.value]
    return list(zip(items, lines, strict=False))
