"""Installing, updating or removing a pack re-indexes only that pack's articles, and search
answers exactly as after a full rebuild."""

from __future__ import annotations

import pytest
from pack_fixtures import BASE, build_pack, make_key, store_for

from jpbrief.core import content
from jpbrief.core.packs.merge import load_merged
from jpbrief.core.packs.preview import changed_articles
from jpbrief.core.search import SearchIndex, incremental, indexer

QUERIES = ["counterstrike", "JSDF", "supply chains", "Diet forum", "theme:counterstrike training",
           "counterstrik", "follow", "report"]


def answers(index: SearchIndex) -> list[object]:
    """Each query's hits with their scores, suggestions and message. Passages of equal score
    are sorted by id: Whoosh puts the re-indexed passages after the others, a full build in
    library order, and the ranking breaks ties by that order."""
    out = []
    for query in QUERIES:
        result = index.search(query, limit=50)
        hits = sorted(((round(h.score, 9), h.article, h.anchor) for h in result.hits),
                      key=lambda hit: (-hit[0], hit[1], hit[2]))
        out.append((query, hits, result.suggestions, result.message))
    return out


def full(library, root, key_dir) -> SearchIndex:
    index = SearchIndex(library, None, root, key_dir=key_dir)
    index.ensure()
    return index


def full_answers(library, root, key_dir) -> list[object]:
    """The answers of a full build of ``library``, its index closed again."""
    with full(library, root, key_dir) as index:
        return answers(index)


@pytest.fixture
def analysed(monkeypatch):
    """Ids of the articles whose passages the update analyses."""
    seen: list[str] = []
    original = indexer.passage_document

    def counting(article, passage, sources):
        seen.append(article.id)
        return original(article, passage, sources)

    for module in (incremental, indexer):
        monkeypatch.setattr(module, "passage_document", counting)
    return seen


def test_install_update_and_remove_reindex_only_the_pack(tmp_path, analysed):
    key_dir = tmp_path / "data"
    base = content.load_library(BASE)
    store = store_for(tmp_path / "home")
    key = make_key(tmp_path)
    with full(base, tmp_path / "ix", key_dir) as index:
        assert "gamma" not in {h.article for h in index.search("counterstrike").hits}

        store.install(build_pack(tmp_path, key, "1.0"), trust=True)
        installed = load_merged(BASE, store.root)
        changed = changed_articles(base, installed)
        assert changed == {"gamma", "delta"}
        analysed.clear()
        info = index.update(installed, changed)
        assert info.built and info.documents == installed.passage_count
        assert set(analysed) == {"gamma", "delta"}  # alpha and beta were not analysed again
        assert answers(index) == full_answers(installed, tmp_path / "ix-full-1", key_dir)
        assert "gamma" in {h.article for h in index.search("counterstrike").hits}

        store.install(build_pack(tmp_path, key, "1.1", anchor="gamma-forum-2",
                                 extra="A new paragraph on hypersonic glide vehicles.\n\n"))
        updated = load_merged(BASE, store.root)
        analysed.clear()
        index.update(updated, changed_articles(installed, updated))
        assert set(analysed) == {"gamma"}  # old and new versions of the one changed article
        assert answers(index) == full_answers(updated, tmp_path / "ix-full-2", key_dir)
        assert "gamma" in {h.article for h in index.search("hypersonic glide").hits}

        store.remove("updates")
        removed = load_merged(BASE, store.root)
        index.update(removed, changed_articles(updated, removed))
        assert answers(index) == full_answers(base, tmp_path / "ix-full-3", key_dir)
        assert "gamma" not in {h.article for h in index.search("hypersonic glide").hits}


@pytest.fixture
def with_pack(tmp_path):
    """The fixture library and its index, and the library once a pack is installed."""
    base = content.load_library(BASE)
    store = store_for(tmp_path / "home")
    store.install(build_pack(tmp_path, make_key(tmp_path), "1.0"), trust=True)
    with full(base, tmp_path / "ix", tmp_path / "data") as index:
        yield base, index, load_merged(BASE, store.root)


def test_an_index_reopened_later_is_the_updated_one(tmp_path, with_pack):
    key_dir = tmp_path / "data"
    base, index, installed = with_pack
    index.update(installed, changed_articles(base, installed))
    index.close()
    with SearchIndex(installed, None, tmp_path / "ix", key_dir=key_dir) as again:
        info = again.ensure()
        assert not info.built  # opened, sealed and checked, not built again
        assert "gamma" in {h.article for h in again.search("counterstrike").hits}


def test_the_reader_updates_its_index_in_the_worker(qtbot, tmp_path):
    from jpbrief.core.search.results import IndexStatus, SearchStatus
    from jpbrief.ui.services.search_service import SearchService, default_index_factory

    base = content.load_library(BASE)
    store = store_for(tmp_path / "home")
    store.install(build_pack(tmp_path, make_key(tmp_path), "1.0"), trust=True)
    installed = load_merged(BASE, store.root)
    service = SearchService(default_index_factory(BASE, base, tmp_path / "ix", key_dir=tmp_path / "data"))
    seen: list[SearchStatus] = []
    service.state_changed.connect(seen.append)
    service.prepare()
    with qtbot.waitSignal(service.state_changed, timeout=60000,
                          check_params_cb=lambda s: s.state is IndexStatus.READY and len(seen) > 2):
        service.update(installed, changed_articles(base, installed))
    assert seen[-2] == SearchStatus(IndexStatus.INDEXING, "updating the index for 2 article(s)")
    with qtbot.waitSignal(service.results_ready, timeout=60000) as answer:
        service.search("counterstrike")
    assert "gamma" in {hit.article for hit in answer.args[1].hits}
    service.shutdown()


def test_too_many_segments_means_a_full_build_with_the_same_answers(tmp_path, monkeypatch, analysed,
                                                                    with_pack):
    base, index, installed = with_pack
    monkeypatch.setattr(incremental, "MAX_SEGMENTS", 1)  # the full build's one segment is the limit
    analysed.clear()
    index.update(installed, changed_articles(base, installed))
    assert {"alpha", "beta", "gamma", "delta"} <= set(analysed)  # everything analysed again
    assert answers(index) == full_answers(installed, tmp_path / "ix-full", tmp_path / "data")


def test_a_stopped_update_is_not_built_in_full_instead(tmp_path, with_pack, monkeypatch):
    base, index, installed = with_pack
    builds: list[object] = []
    monkeypatch.setattr(indexer, "build", lambda *args, **kwargs: builds.append(args))
    index.stop()
    with pytest.raises(indexer.BuildStopped):
        index.update(installed, changed_articles(base, installed))
    assert builds == [] and index.info is None  # closed, not rebuilt: the reader is quitting
