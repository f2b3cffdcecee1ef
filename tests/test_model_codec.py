"""The model's JSON codec: every field of every record survives, and nothing else gets in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jpbrief.core.content import load_library
from jpbrief.core.model import Acronym, Footnote, Library, Passage
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
    assert library_cache.save(folder, tmp_path, library, {"x": "<html></html>"})
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
