"""What a pack carries besides its articles: the sources the editor added, the events and
figures annotating them; and how a build refuses a link that would leave the pack."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pack_fixtures import BASE, make_key, members, pack_source, store_for

from jpbrief.core.packs.build import BuildError, PackInfo, build
from jpbrief.core.packs.merge import load_merged

EVENTS = """events:
  - id: gamma-training
    article: gamma
    anchor: gamma-open
    quote: "Japan's JSDF train with partners on counterstrike."
    date: 2025-01
    label: JSDF train with partners
{link}
  - id: delta-training
    article: delta
    anchor: delta-open
    quote: "A follow-up on counterstrike training."
    date: 2025-01
    label: A follow-up on the training
"""

FIGURES = """figures:
  - id: gamma-forums
    article: gamma
    anchor: gamma-forum
    quote: "Two forums met"
    quantity: 2
    unit: units
    measure: Supply-chain forums held again
    year: 2025
"""


@pytest.fixture()
def key(tmp_path: Path):
    return make_key(tmp_path)


def _source(folder: Path, *, link: bool = False, references: bool = False) -> Path:
    source = pack_source(folder, extra="Two forums met. ")
    gamma = source / "articles" / "gamma.md"
    text = gamma.read_text(encoding="utf-8").replace('see="delta#delta-open"', "")
    if references:
        text = text.replace("published: 2025-01-15\n", "published: 2025-01-15\nreferences: [wh-fact-sheet]\n")
    gamma.write_text(text, encoding="utf-8")
    delta = source / "articles" / "delta.md"
    delta.write_text(delta.read_text(encoding="utf-8").replace('see="gamma#gamma-open"', ""), encoding="utf-8")
    (source / "events.yaml").write_text(
        EVENTS.replace("{link}", "    same_as: delta-training" if link else ""), encoding="utf-8")
    (source / "figures.yaml").write_text(FIGURES, encoding="utf-8")
    return source


def test_a_pack_carries_its_articles_events_figures_and_added_references(tmp_path, key):
    pack = tmp_path / "gamma.jpbpack"
    build(_source(tmp_path / "src", references=True), pack, key, PackInfo("g", "1", "G"), articles=["gamma"])
    files = members(pack)
    events = yaml.safe_load(files["content/events.yaml"])["events"]
    assert [e["id"] for e in events] == ["gamma-training"]  # not delta's: delta is not packed
    assert yaml.safe_load(files["content/figures.yaml"])["figures"][0]["measure"] == "Supply-chain forums held again"
    sources = [s["id"] for s in yaml.safe_load(files["content/sources.yaml"])["sources"]]
    assert "wh-fact-sheet" in sources  # only in the editor's references, cited by no footnote

    store = store_for(tmp_path / "home")
    store.install(pack, trust=True)
    library = load_merged(BASE, store.root)
    assert not library.problems
    assert [e.id for e in library.events] == ["gamma-training"]
    assert [f.id for f in library.figures] == ["gamma-forums"]
    assert library.article("gamma").references == ("wh-fact-sheet",)


def test_a_record_linking_outside_the_pack_refuses_the_build_at_its_line(tmp_path, key):
    source = _source(tmp_path / "src", link=True)
    with pytest.raises(BuildError) as refused:
        build(source, tmp_path / "x.jpbpack", key, PackInfo("x", "1", "X"), articles=["gamma"])
    [problem] = refused.value.problems
    assert problem.startswith(f"{source / 'events.yaml'}:")
    assert "same_as of 'gamma-training' names 'delta-training'" in problem
    build(source, tmp_path / "both.jpbpack", key, PackInfo("x", "1", "X"), articles=["gamma", "delta"])


def test_a_problem_of_the_cut_down_copy_names_the_trainers_file(tmp_path, key, monkeypatch):
    """Should the copy not load (a fault of the cutting), the problem is said at the file the
    trainer has, not in the build's temporary folder, removed by then."""
    from jpbrief.core.packs import build as building

    source = _source(tmp_path / "src")
    monkeypatch.setattr(building, "_glossary_subset", lambda *_args: {"acronyms": [{"term": "X"}]})
    with pytest.raises(BuildError) as refused:
        build(source, tmp_path / "x.jpbpack", key, PackInfo("x", "1", "X"), articles=["gamma"])
    assert refused.value.problems
    assert all(p.startswith(f"{source / 'glossary.yaml'} (as cut down for the pack):")
               for p in refused.value.problems), refused.value.problems
    assert str(source) in str(refused.value)
