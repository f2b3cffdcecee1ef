"""Read an annotation line's inside (``#anchor themes="..." see="..." role=...``) into parts."""

from __future__ import annotations

import difflib
import re
import shlex
from pathlib import Path

from jpbrief.core.content.fields import ID_RE
from jpbrief.core.content.problems import Reporter, shown
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message

_TOKEN = r'(?:[^ \t\r\n"\'\\]|"[^"\\]*")+'  # one character or quoted part a step: linear'
SIMPLE_TOKEN_RE = re.compile(_TOKEN)
SIMPLE_BODY_RE = re.compile(rf"[ \t\r\n]*(?:{_TOKEN}(?:[ \t\r\n]+|$))*")
"""Words and double-quoted parts without escapes: the annotations editors write, which
``shlex.split`` (pure Python, a character at a time) would read the same, slower."""

ROLES = ("bio",)
ANNOTATION_KEYS = ("themes", "see", "role")


def _join_stray_spaces(path: Path, line: int, tokens: list[str], report: Reporter) -> list[str]:
    """``see= "a#b"`` or ``see ="a#b"`` read as ``see="a#b"``, each reported: a stray space
    must not turn the value into an unknown annotation and lose the cross-reference."""
    joined: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        key = token.removesuffix("=")
        stray = following is not None and key in ANNOTATION_KEYS and (
            (token.endswith("=") and "=" not in following and not following.startswith("#"))
            or (token == key and following.startswith("="))
        )
        if stray and following is not None:
            value = following.removeprefix("=")
            report.add(
                path, line, QT_TRANSLATE_NOOP("Check", "a space after '{key}' in the annotation: "
                                              "write {key}=\"{value}\" with no space around '='"),
                key=key, value=value,
            )
            joined.append(f"{key}={value}")
            index += 2
            continue
        joined.append(token)
        index += 1
    return joined


def split_words(body: str) -> list[str]:
    """``shlex.split(body)``, without shlex for the common, simple case."""
    if SIMPLE_BODY_RE.fullmatch(body):
        return [token.replace('"', "") for token in SIMPLE_TOKEN_RE.findall(body)]
    return shlex.split(body)


def parse_annotation(path: Path, line: int, body: str, report: Reporter) -> dict[str, str]:
    """``#anchor themes="..." see="..." role=...`` into a dict; bad tokens are reported."""
    try:
        tokens = split_words(body)
    except ValueError as error:
        report.add(path, line, QT_TRANSLATE_NOOP(
            "Check", "annotation cannot be read: {error}"), error=str(error))
        return {}
    result: dict[str, str] = {}
    for token in _join_stray_spaces(path, line, tokens, report):
        if token.startswith("#"):
            anchor = token[1:]
            if not ID_RE.match(anchor):
                report.add(path, line, QT_TRANSLATE_NOOP("Check",
                    "anchor {anchor} must be lower-case letters, digits, hyphens"), anchor=shown(anchor))
                continue
            result["anchor"] = anchor
            continue
        key, sep, value = token.partition("=")
        if not sep or key not in ANNOTATION_KEYS:
            close = difflib.get_close_matches(key, ANNOTATION_KEYS, n=1) if sep else []
            hint = (Message(QT_TRANSLATE_NOOP("Check", "did you mean {key}=?"), key=close[0]) if close
                    else Message(QT_TRANSLATE_NOOP(
                        "Check", "expected {keys}"), keys="#anchor, themes=, see=, role="))
            report.add(path, line, QT_TRANSLATE_NOOP("Check", "unknown annotation {token} ({hint})"),
                       token=shown(token), hint=hint)
            continue
        if key == "themes":
            # Theme ids become HTML class names: only ids, never arbitrary text.
            for theme in value.split():
                if not ID_RE.match(theme):
                    report.add(
                        path, line, QT_TRANSLATE_NOOP(
                            "Check", "theme {theme} is not a theme id (lower-case, digits, hyphens)"),
                        theme=shown(theme),
                    )
            value = " ".join(theme for theme in value.split() if ID_RE.match(theme))
        if key == "role" and value not in ROLES:
            report.add(path, line, QT_TRANSLATE_NOOP("Check", "unknown role {role} (known: {known})"),
                       role=shown(value), known=", ".join(ROLES))
            continue
        result[key] = f"{result[key]} {value}".strip() if key in result else value
    return result
