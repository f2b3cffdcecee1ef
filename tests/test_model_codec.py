"""The model's JSON codec: every field of every record survives, and nothing else gets in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.message import QT_TRANSLATE_NOOP, Joined, Message
from jpbrief.core.model import Acronym, Footnote, Library, Passage, Problem
from jpbrief.core.model_codec import decode, encode

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.mark.parametrize("folder", [REPO / "content", FIXTURES / "library", FIXTURES / "chronology"])
def test_a_loaded_library_round_trips_whole(folder: Path):
    library = load_library(folder)
    again = decode(Library, json.loads(json.dumps(encode(library))))
    assert again == library


def test_fields_the_loader_added_lately_survive():
    acronym = Acronym("NSS", "National Security Strategy", ("National Security Strategy", "National Security Secretariat"))
    assert decode(Acronym, encode(acronym)).expansions == acronym.expansions
    footnote = Footnote(3, "src", (10, 15))
    assert decode(Footnote, json.loads(json.dumps(encode(footnote)))) == footnote


@pytest.mark.parametrize("data", [
    {"anchor": "a", "kind": "poem", "markdown": "", "text": "", "section": None},  # not a passage kind
    {"anchor": "a", "kind": "paragraph", "markdown": "", "text": "", "section": None, "evil": 1},
    {"anchor": ["a"], "kind": "paragraph", "markdown": "", "text": "", "section": None},
    {"anchor": "a", "kind": "paragraph", "markdown": "", "text": "", "section": None,
     "footnotes": [{"number": "1", "source_id": "x"}]},
])
def test_anything_but_the_model_is_refused(data):
    with pytest.raises(ValueError):
        decode(Passage, data)


@pytest.mark.parametrize("folder", [REPO / "content", FIXTURES / "chronology"])
def test_the_start_up_cache_keeps_the_whole_library(folder: Path, tmp_path: Path):
    """Field-by-field copies dropped what the loader learned later (events, figures, a second
    meaning of an acronym, provenance); the cache now carries the model whole."""
    from jpbrief.ui.services import library_cache

    library = load_library(folder)
    store = library_cache.save(folder, tmp_path, library)
    assert store is not None and store.put("x", "<html></html>")
    cached = library_cache.load(folder, tmp_path)
    assert cached is not None and cached[0] == library


def test_fields_left_at_their_default_are_not_written_and_come_back():
    passage = Passage("a", "paragraph", "Text", "Text", None)
    data = encode(passage)
    assert set(data) == {"anchor", "kind", "markdown", "text", "section"}
    assert decode(Passage, data) == passage
    themed = Passage("a", "paragraph", "Text", "Text", None, themes=("x",), line=4)
    assert decode(Passage, json.loads(json.dumps(encode(themed)))) == themed


def test_a_record_missing_a_required_field_is_refused():
    with pytest.raises(ValueError, match="Passage"):
        decode(Passage, {"anchor": "a", "kind": "paragraph", "markdown": ""})


def _problem_message() -> Message:
    hint = Message(QT_TRANSLATE_NOOP("Check", "did you mean {name}?"), name="'economic-security'")
    return Message(QT_TRANSLATE_NOOP("Check", "unknown theme {theme} ({why})"),
                   theme="'economic-securty'", why=hint)


def test_a_problem_message_keeps_its_template_context_and_values_through_the_cache():
    problem = Problem("articles/a.md", 12, _problem_message())
    data = json.loads(json.dumps(encode(problem)))
    again = decode(Problem, data)
    assert again == problem and isinstance(again.message, Message)
    assert str(again.message) == "unknown theme 'economic-securty' (did you mean 'economic-security'?)"
    assert again.message.template == "unknown theme {theme} ({why})"
    assert again.message.template.context == "Check"
    assert again.message.values["theme"] == "'economic-securty'"
    nested = again.message.values["why"]
    assert isinstance(nested, Message) and nested.template == "did you mean {name}?"
    joined = Message(QT_TRANSLATE_NOOP("Check", "known: {names}"), names=Joined(("a", "b"), ", "))
    assert str(decode(Problem, encode(Problem("x", 0, joined))).message) == "known: a, b"


def test_a_plain_problem_message_still_decodes_as_plain_text():
    again = decode(Problem, json.loads(json.dumps(encode(Problem("x.md", 3, "plain words")))))
    assert again.message == "plain words" and not isinstance(again.message, Message)


@pytest.mark.parametrize("message", [
    {"template": "{theme.__class__}", "context": "Check", "values": {"theme": "x"}},
    {"template": "{missing}", "context": "Check", "values": {}},
    {"template": "{0}", "context": "Check", "values": {}},
    {"template": "x", "context": "Check", "values": {"a": ["list"]}},
    {"template": "x", "context": "Check", "values": {}, "code": "print()"},
    {"template": 3, "context": "Check", "values": {}},
])
def test_a_tampered_problem_message_is_refused(message):
    with pytest.raises(ValueError):
        decode(Problem, {"path": "x", "line": 1, "message": message})
