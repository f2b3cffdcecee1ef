"""Reading a notes export for import: limits, clear messages, and duplicate matching in linear time.

Limits (a file past one is refused with a message naming it; nothing is imported):

- the file: at most :data:`MAX_IMPORT_BYTES` (64 MiB, about 150,000 notes of typical size);
- items: at most :data:`MAX_ITEMS` (500,000);
- nesting: at most :data:`MAX_DEPTH` (32) levels of lists and objects (an export has 5);
- numbers: at most :data:`MAX_INT_DIGITS` (20) digits;
- text fields: a note's text and a quote at most :data:`MAX_TEXT_CHARS` (100,000)
  characters; every other field (article, anchor, colour, dates, ids) at most
  :data:`MAX_NAME_CHARS` (1,000).

Every item is checked before anything is written, so a bad item adds nothing; the
writing then runs in batches of :data:`BATCH` items, one transaction each.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from jpbrief.core.notes.records import STATES

MAX_IMPORT_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 500_000
MAX_DEPTH = 32
MAX_INT_DIGITS = 20
MAX_TEXT_CHARS = 100_000
MAX_NAME_CHARS = 1_000
BATCH = 2_000

EXPORT_FORMAT = "jpbrief-notes"
EXPORT_VERSION = 1
DEFAULT_COLOUR = "yellow"
_LONG_FIELDS = ("text", "quote")


class _LongNumber(Exception):
    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


def _int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_INT_DIGITS:
        raise _LongNumber(literal)
    return int(literal)


def _line_of(data: str | bytes, needle: str) -> str:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    at = text.find(needle)
    return f"line {text.count(chr(10), 0, at) + 1}: " if at >= 0 else ""


def parse_document(data: str | bytes | Mapping[str, Any], error: type[Exception]) -> dict[str, Any]:
    """The export's document, checked against the limits; raises ``error`` saying why not."""
    if isinstance(data, str | bytes):
        if len(data) > MAX_IMPORT_BYTES:
            raise error(f"the file is {len(data):,} bytes, over the limit of "
                        f"{MAX_IMPORT_BYTES:,} (64 MiB); split the export")
        try:
            document = json.loads(data, parse_int=_int)
        except _LongNumber as exc:
            raise error(f"{_line_of(data, exc.literal)}a number of "
                        f"{len(exc.literal.lstrip('-')):,} digits (the limit is "
                        f"{MAX_INT_DIGITS})") from None
        except RecursionError:
            raise error(f"lists or objects nested more than {MAX_DEPTH} levels deep") from None
        except json.JSONDecodeError as exc:
            raise error(
                f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
        except UnicodeDecodeError as exc:
            raise error(f"not UTF-8 text ({exc.reason})") from None
        except ValueError as exc:  # anything else the parser refuses
            raise error(f"not valid JSON ({exc})") from None
    else:
        document = dict(data)
    _check_depth(document, error)
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise error(f'not a jpbrief notes export (no "format": "{EXPORT_FORMAT}")')
    version = document.get("version")
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise error(
            f"export version {version!r} is not one this jpbrief reads (up to {EXPORT_VERSION})"
        )
    items = document.get("items")
    if not isinstance(items, list):
        raise error('"items" is missing or not a list')
    if len(items) > MAX_ITEMS:
        raise error(f"{len(items):,} items, over the limit of {MAX_ITEMS:,}; split the export")
    return document


def _check_depth(document: Any, error: type[Exception]) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`, without recursion."""
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise error(f"lists or objects nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values()
                         if isinstance(child, dict | list))
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value if isinstance(child, dict | list))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def validated_item(raw: Any, index: int, error: type[Exception]) -> dict[str, Any]:
    """Check one imported item and fill in what an older or hand-made file may lack."""
    where = f"item {index + 1}"
    if not isinstance(raw, dict):
        raise error(f"{where}: not an object")
    kind = raw.get("kind")
    if kind not in ("bookmark", "highlight", "note"):
        shown = repr(kind)[:40]
        raise error(f"{where}: kind must be bookmark, highlight or note, not {shown}")

    def text_field(name: str, *, required: bool = True, default: str = "") -> str:
        value = raw.get(name, None)
        if value is None:
            if required:
                raise error(f"{where} ({kind}): {name!r} is missing")
            return default
        if not isinstance(value, str):
            raise error(f"{where} ({kind}): {name!r} must be text")
        limit = MAX_TEXT_CHARS if name in _LONG_FIELDS else MAX_NAME_CHARS
        if len(value) > limit:
            raise error(f"{where} ({kind}): {name!r} is {len(value):,} characters, over the "
                        f"limit of {limit:,}")
        return value

    item: dict[str, Any] = {
        "kind": kind,
        "article": text_field("article"),
        "anchor": text_field("anchor"),
        "quote": text_field("quote", required=False),
        "created": text_field("created", required=False, default=_now()),
        "state": raw.get("state") if raw.get("state") in STATES else "ok",
        "created_given": raw.get("created") is not None,
    }
    if not item["article"] or not item["anchor"]:
        raise error(f"{where} ({kind}): article and anchor must not be empty")
    # Exports before the original place was recorded lack it: the place given is the best.
    item["original_article"] = text_field("original_article", required=False) or item["article"]
    item["original_anchor"] = text_field("original_anchor", required=False) or item["anchor"]
    given = raw.get("uuid")
    if given is not None:
        try:
            item["uuid"] = str(uuidlib.UUID(str(given)[:MAX_NAME_CHARS]))
        except ValueError:
            raise error(f"{where} ({kind}): uuid {str(given)[:40]!r} is not a UUID") from None
    else:
        item["uuid"] = str(uuidlib.uuid4())
    item["uuid_given"] = given is not None
    if kind == "highlight":
        start, end = raw.get("start"), raw.get("end")
        if (not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool)
                or isinstance(end, bool) or not 0 <= start <= end):
            raise error(f"{where} (highlight): start and end must be 0 <= start <= end")
        item.update(start=start, end=end, colour=text_field("colour", required=False,
                                                             default=DEFAULT_COLOUR))
        if not item["quote"]:
            raise error(f"{where} (highlight): 'quote' is missing")
    if kind == "note":
        item["text"] = text_field("text")
        item["updated"] = text_field("updated", required=False, default=item["created"])
        highlight = raw.get("highlight")
        item["highlight"] = str(highlight)[:MAX_NAME_CHARS] if highlight else None
    return item


class Seen:
    """What the store already holds, to match imported items in constant time each:
    by UUID, else by kind, place, quote, text and (when given) creation time."""

    def __init__(self) -> None:
        self.uuids: set[tuple[str, str]] = set()
        self.timed: set[tuple[str, ...]] = set()
        self.untimed: set[tuple[str, ...]] = set()

    def add(self, table: str, uuid: str, article: str, anchor: str, quote: str, text: str,
            created: str) -> None:
        self.uuids.add((table, uuid))
        self.timed.add((table, article, anchor, quote, text, created))
        self.untimed.add((table, article, anchor, quote, text))

    def add_item(self, table: str, item: Mapping[str, Any]) -> None:
        self.add(table, item["uuid"], item["article"], item["anchor"], item["quote"],
                 item.get("text", ""), item["created"])

    def __contains__(self, entry: tuple[str, Mapping[str, Any]]) -> bool:
        table, item = entry
        if item["uuid_given"]:
            return (table, item["uuid"]) in self.uuids
        key = (table, item["article"], item["anchor"], item["quote"], item.get("text", ""))
        if item["created_given"]:
            return (*key, item["created"]) in self.timed
        return key in self.untimed

