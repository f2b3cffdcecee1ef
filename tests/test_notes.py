"""The notes store: CRUD, migrations, re-anchoring, export/import, backups, recovery, CLI."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from jpbrief.core import notes as notes_module
from jpbrief.core.model import Article, Footnote, Library, Passage, Source
from jpbrief.core.notes import (
    SCHEMA_VERSION,
    Highlight,
    ImportFormatError,
    Note,
    NotesError,
    NotesStore,
)

# The first schema exactly as jpbrief 1 shipped it, frozen here on purpose: if someone edits
# the first migration in the code instead of adding a new one, the migration test notices.
RAW_SCHEMA_V1 = """
CREATE TABLE bookmarks (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    anchor TEXT NOT NULL,
    quote TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE TABLE highlights (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    anchor TEXT NOT NULL,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" >= start),
    quote TEXT NOT NULL,
    colour TEXT NOT NULL DEFAULT 'yellow',
    created TEXT NOT NULL
);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    highlight_id INTEGER REFERENCES highlights(id) ON DELETE SET NULL,
    article TEXT NOT NULL,
    anchor TEXT NOT NULL,
    quote TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE positions (
    article TEXT PRIMARY KEY,
    anchor TEXT NOT NULL,
    fraction REAL NOT NULL DEFAULT 0,
    updated TEXT NOT NULL
);
PRAGMA user_version = 1;
"""

BUNDLED_CONTENT = Path(__file__).resolve().parent.parent / "content"

INTRO = "Japan is becoming more forward-leading in national security."
DOCS = "Its strategic documents name China as the greatest strategic challenge."
COUNTER = "The counterstrike capability changes the alliance's division of roles."
MINE = "Export controls on semiconductors followed in 2023."


class FakeClock:
    """A clock the test moves by hand: days pass without sleeping."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def passage(anchor: str, text: str, section: str | None = "Strategy",
            footnotes: tuple[Footnote, ...] = ()) -> Passage:
    return Passage(anchor=anchor, kind="paragraph", markdown=text, text=text, section=section,
                   footnotes=footnotes)


def make_library(*alpha: Passage, beta: tuple[Passage, ...] = ()) -> Library:
    sources = {
        "nss-2022": Source("nss-2022", "Government of Japan. National Security Strategy. 2022."),
        "nikkei": Source("nikkei", 'Nikkei Asia. "Kishida speech." April 11, 2024.'),
    }
    articles = [Article("alpha", "Focused on its region", tuple(alpha))]
    if beta:
        articles.append(Article("beta", "Economic security", beta))
    return Library(articles=tuple(articles), sources=sources)


def original_library() -> Library:
    return make_library(
        passage("intro", INTRO, section=None),
        passage("docs", DOCS, footnotes=(Footnote(3, "nss-2022"), Footnote(4, "nikkei"))),
        passage("counter", COUNTER),
        beta=(passage("chips", MINE, section="Controls"),),
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 5, 13, 12, 0, tzinfo=UTC))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.sqlite3"


@pytest.fixture
def store(db: Path, clock: FakeClock) -> Iterator[NotesStore]:
    opened = NotesStore(db, clock=clock)
    yield opened
    opened.close()


# --------------------------------------------------------------------------- store


def test_default_location_follows_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JPBRIEF_DATA_DIR", str(tmp_path / "elsewhere"))
    assert notes_module.default_db_path() == tmp_path / "elsewhere" / "notes.sqlite3"


def test_connection_is_durable_and_checks_foreign_keys(store: NotesStore) -> None:
    conn = store._conn  # the settings are per connection, so ask the store's own
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version == SCHEMA_VERSION
    assert store.integrity_check() == ["ok"]


def test_bookmarks_crud_and_toggle(store: NotesStore) -> None:
    first = store.add_bookmark("alpha", "docs", DOCS)
    assert first.quote == DOCS and first.state == "ok"
    assert store.bookmark_at("alpha", "docs") == first
    assert store.toggle_bookmark("alpha", "docs") is None
    assert store.bookmarks() == []
    again = store.toggle_bookmark("alpha", "intro", INTRO)
    assert again is not None and store.bookmarks("alpha") == [again]
    assert store.remove_bookmark(again.id) and not store.remove_bookmark(again.id)
    with pytest.raises(ValueError, match="anchor"):
        store.add_bookmark("alpha", "")


def test_highlights_crud_and_validation(store: NotesStore) -> None:
    start = DOCS.index("China")
    mark = store.add_highlight("alpha", "docs", start, start + 5, "China", "green")
    assert store.highlights("alpha") == [mark] and store.highlights("beta") == []
    assert store.set_highlight_colour(mark.id, "pink")
    assert store.highlight(mark.id) == Highlight(
        mark.id, mark.uuid, "alpha", "docs", start, start + 5, "China", "pink", mark.created
    )
    with pytest.raises(ValueError, match="does not fit"):
        store.add_highlight("alpha", "docs", 0, 3, "China")
    with pytest.raises(ValueError, match="quote"):
        store.add_highlight("alpha", "docs", 0, 0, "")


def test_notes_crud_on_passages_and_highlights(store: NotesStore, clock: FakeClock) -> None:
    note = store.add_note("alpha", "docs", "Check the 2022 wording.", quote=DOCS)
    mark = store.add_highlight("alpha", "counter", 4, 25, COUNTER[4:25])
    on_mark = store.add_highlight_note(mark.id, "Key phrase for the brief.")
    assert on_mark.highlight_id == mark.id and on_mark.quote == COUNTER[4:25]
    assert on_mark.anchor == "counter"

    clock.advance(hours=2)
    edited = store.update_note(note.id, "Check the 2022 and 2023 wording.")
    assert edited.text == "Check the 2022 and 2023 wording."
    assert edited.created == note.created and edited.updated > note.updated

    # Removing a highlight keeps its note, now a note on the passage with the quote.
    assert store.remove_highlight(mark.id)
    kept = store.note(on_mark.id)
    assert kept is not None and kept.highlight_id is None and kept.quote == COUNTER[4:25]

    assert store.remove_note(note.id)
    assert [n.id for n in store.notes()] == [on_mark.id]
    with pytest.raises(NotesError):
        store.update_note(note.id, "gone")
    with pytest.raises(NotesError):
        store.add_highlight_note(mark.id, "no such highlight")
    with pytest.raises(ValueError, match="text"):
        store.add_note("alpha", "docs", "   ")


def test_positions_upsert_and_clamp(store: NotesStore, clock: FakeClock) -> None:
    assert store.position("alpha") is None
    store.set_position("alpha", "intro", 0.1)
    clock.advance(minutes=5)
    store.set_position("alpha", "counter", 1.7)
    position = store.position("alpha")
    assert position is not None
    assert (position.anchor, position.fraction) == ("counter", 1.0)
    assert [p.article for p in store.positions()] == ["alpha"]
    with pytest.raises(ValueError):
        store.set_position("alpha", "intro", float("nan"))


def test_annotations_lists_every_kind_and_survives_reopening(
    db: Path, clock: FakeClock
) -> None:
    with NotesStore(db, clock=clock) as store:
        store.add_bookmark("alpha", "intro", INTRO)
        store.add_highlight("beta", "chips", 0, 6, MINE[:6])
        store.add_note("alpha", "docs", "note", DOCS)
    with NotesStore(db, clock=clock) as store:
        kinds = [(a.kind, a.article) for a in store.annotations()]
        assert sorted(kinds) == [("bookmark", "alpha"), ("highlight", "beta"), ("note", "alpha")]
        assert [a.kind for a in store.annotations("beta")] == ["highlight"]


# --------------------------------------------------------------------------- migrations


def schema_of(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    finally:
        conn.close()
    return [(name, " ".join(sql.split())) for name, sql in rows]


def test_v1_database_migrates_keeping_its_data(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(RAW_SCHEMA_V1)
    conn.executescript(
        """
        INSERT INTO bookmarks VALUES (1, 'alpha', 'intro', 'quoted intro', '2023-01-01T00:00:00+00:00');
        INSERT INTO highlights VALUES (1, 'alpha', 'docs', 4, 9, 'strat', 'blue', '2023-01-02T00:00:00+00:00');
        INSERT INTO notes VALUES (1, 1, 'alpha', 'docs', 'strat', 'on a highlight', '2023-01-03T00:00:00+00:00', '2023-01-03T00:00:00+00:00');
        INSERT INTO notes VALUES (2, NULL, 'beta', 'chips', '', 'on a passage', '2023-01-04T00:00:00+00:00', '2023-01-05T00:00:00+00:00');
        INSERT INTO positions VALUES ('alpha', 'docs', 0.25, '2023-01-06T00:00:00+00:00');
        """
    )
    conn.close()

    with NotesStore(path, clock=clock) as store:
        assert store.schema_version == SCHEMA_VERSION
        (bookmark,) = store.bookmarks()
        assert (bookmark.article, bookmark.anchor, bookmark.quote) == ("alpha", "intro",
                                                                       "quoted intro")
        (mark,) = store.highlights()
        assert (mark.start, mark.end, mark.quote, mark.colour) == (4, 9, "strat", "blue")
        on_mark, on_passage = store.notes()
        assert on_mark.highlight_id == mark.id and on_mark.text == "on a highlight"
        assert on_passage.updated == "2023-01-05T00:00:00+00:00"
        position = store.position("alpha")
        assert position is not None and position.fraction == 0.25
        uuids = [a.uuid for a in store.annotations()]
        assert len(set(uuids)) == 4 and all(len(u) == 36 for u in uuids)
        assert {a.state for a in store.annotations()} == {"ok"}
        # The foreign key still holds after the migration.
        store.remove_highlight(mark.id)
        assert store.notes()[0].highlight_id is None
        assert store.integrity_check() == ["ok"]
        # The schema-1 file was copied before it was changed.
        assert any("schema1" in p.name for p in store.backup_dir.iterdir())

    fresh = tmp_path / "fresh.sqlite3"
    NotesStore(fresh, clock=clock, auto_backup=False).close()
    assert schema_of(path) == schema_of(fresh)


def test_v3_database_migrates_recording_the_original_place(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Schema 3 (before the original place was kept) to now: nothing lost, and the place
    each annotation is on becomes its original place."""
    path = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, migration in enumerate(notes_module.MIGRATIONS[:3], start=1):
        migration(conn)
        conn.execute(f"PRAGMA user_version = {number}")
    end = COUNTER.index(" division")
    conn.execute(
        "INSERT INTO bookmarks (id, uuid, article, anchor, quote, created, state) "
        "VALUES (1, '00000000-0000-4000-8000-000000000001', 'alpha', 'intro', ?, "
        "'2023-01-01T00:00:00+00:00', 'ok')", (INTRO,))
    conn.execute(
        'INSERT INTO highlights (id, uuid, article, anchor, start, "end", quote, colour, '
        "created, state) VALUES (1, '00000000-0000-4000-8000-000000000002', 'alpha', "
        "'counter', 4, ?, ?, 'blue', '2023-01-02T00:00:00+00:00', 'detached')",
        (end, COUNTER[4:end]))
    conn.execute(
        "INSERT INTO notes (id, uuid, highlight_id, article, anchor, quote, text, created, "
        "updated, state) VALUES (1, '00000000-0000-4000-8000-000000000003', 1, 'alpha', "
        "'counter', ?, 'on a highlight', '2023-01-03T00:00:00+00:00', "
        "'2023-01-03T00:00:00+00:00', 'detached')", (COUNTER[4:end],))
    conn.execute(
        "INSERT INTO notes (id, uuid, highlight_id, article, anchor, quote, text, created, "
        "updated, state) VALUES (2, '00000000-0000-4000-8000-000000000004', NULL, 'beta', "
        "'chips', 'An older wording.', 'on a passage', '2023-01-04T00:00:00+00:00', "
        "'2023-01-05T00:00:00+00:00', 'changed')")
    conn.execute("INSERT INTO positions VALUES ('alpha', 'docs', 0.25, "
                 "'2023-01-06T00:00:00+00:00')")
    conn.close()

    with NotesStore(path, clock=clock) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        assert any("schema3" in p.name for p in store.backup_dir.iterdir())
        (bookmark,) = store.bookmarks()
        assert bookmark == notes_module.Bookmark(
            1, "00000000-0000-4000-8000-000000000001", "alpha", "intro", INTRO,
            "2023-01-01T00:00:00+00:00", "ok", "alpha", "intro")
        (mark,) = store.highlights()
        assert (mark.uuid, mark.anchor, mark.start, mark.end, mark.quote, mark.colour,
                mark.state) == ("00000000-0000-4000-8000-000000000002", "counter", 4, end,
                                COUNTER[4:end], "blue", "detached")
        on_mark, on_passage = store.notes()
        assert (on_mark.highlight_id, on_mark.text, on_mark.state) == (1, "on a highlight",
                                                                       "detached")
        assert (on_passage.quote, on_passage.state, on_passage.updated) == (
            "An older wording.", "changed", "2023-01-05T00:00:00+00:00")
        assert [(a.original_article, a.original_anchor) for a in store.annotations()] == [
            ("alpha", "intro"), ("alpha", "counter"), ("alpha", "counter"), ("beta", "chips")
        ]
        position = store.position("alpha")
        assert position is not None and position.fraction == 0.25
        assert store.integrity_check() == ["ok"]
        # The stored rows themselves carry the original place, not just the mapping.
        raw = store._conn.execute(
            "SELECT original_article, original_anchor FROM notes ORDER BY id").fetchall()
        assert [tuple(row) for row in raw] == [("alpha", "counter"), ("beta", "chips")]
        # And the detached highlight comes back with the content.
        results = by_kind(store.reanchor(original_library()))
        assert results[("highlight", 1)] == "ok" and results[("note", 1)] == "ok"

    fresh = tmp_path / "fresh.sqlite3"
    NotesStore(fresh, clock=clock, auto_backup=False).close()
    assert schema_of(path) == schema_of(fresh)


def test_each_migration_step_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "steps.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, migration in enumerate(notes_module.MIGRATIONS, start=1):
        migration(conn)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.close()
    with NotesStore(path, auto_backup=False) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotesError, match="newer"):
        NotesStore(path)
    assert path.read_bytes() == before


# --------------------------------------------------------------------------- re-anchoring


def by_kind(results: list[notes_module.Reanchored]) -> dict[tuple[str, int], str]:
    return {(r.kind, r.id): r.status for r in results}


def test_unchanged_content_keeps_everything_in_place(store: NotesStore) -> None:
    store.add_bookmark("alpha", "intro", INTRO)
    store.add_highlight("alpha", "docs", 4, 21, DOCS[4:21])
    store.add_note("alpha", "counter", "why", COUNTER)
    results = store.reanchor(original_library())
    assert {r.status for r in results} == {"ok"}
    assert [(a.article, a.anchor, a.state) for a in store.annotations()] == [
        ("alpha", "intro", "ok"), ("alpha", "docs", "ok"), ("alpha", "counter", "ok")
    ]


def test_highlight_range_follows_its_quote_within_the_passage(store: NotesStore) -> None:
    start = DOCS.index("China")
    mark = store.add_highlight("alpha", "docs", start, start + 5, "China")
    edited = "Since December 2022, " + DOCS
    store.reanchor(make_library(passage("docs", edited)))
    moved = store.highlight(mark.id)
    assert moved is not None and moved.state == "ok"
    assert edited[moved.start : moved.end] == "China"
    assert moved.start == start + len("Since December 2022, ")


def test_renamed_anchor_and_moved_passage_are_found_by_quote(store: NotesStore) -> None:
    bookmark = store.add_bookmark("alpha", "docs", DOCS)
    end = COUNTER.index(" division")  # "counterstrike capability changes the alliance's"
    mark = store.add_highlight("alpha", "counter", 4, end, COUNTER[4:end])
    on_mark = store.add_highlight_note(mark.id, "follows its highlight")
    note = store.add_note("beta", "chips", "moved to alpha", MINE)
    library = make_library(
        passage("strategy-documents", DOCS),  # renamed anchor, same text
        passage("chips-moved", MINE),  # passage moved from beta into alpha
        beta=(passage("counter-new", "Preface. " + COUNTER),),  # moved to another article
    )
    results = by_kind(store.reanchor(library))
    assert results[("bookmark", bookmark.id)] == "moved"
    assert results[("highlight", mark.id)] == "moved"
    assert results[("note", on_mark.id)] == "moved"
    assert results[("note", note.id)] == "moved"
    assert store.bookmarks()[0].anchor == "strategy-documents"
    moved_mark = store.highlight(mark.id)
    assert moved_mark is not None
    assert (moved_mark.article, moved_mark.anchor) == ("beta", "counter-new")
    assert ("Preface. " + COUNTER)[moved_mark.start : moved_mark.end] == COUNTER[4:end]
    assert (moved_mark.original_article, moved_mark.original_anchor) == ("alpha", "counter")
    followed = store.note(on_mark.id)
    assert followed is not None and (followed.article, followed.anchor) == ("beta", "counter-new")
    moved_note = store.note(note.id)
    assert moved_note is not None
    assert (moved_note.article, moved_note.anchor) == ("alpha", "chips-moved")


def test_own_article_is_searched_before_the_others(store: NotesStore) -> None:
    note = store.add_note("beta", "old", "same text in two articles", MINE)
    library = make_library(passage("a-copy", MINE), beta=(passage("b-copy", MINE),))
    store.reanchor(library)
    found = store.note(note.id)
    assert found is not None and (found.article, found.anchor) == ("beta", "b-copy")


def test_lost_passages_detach_and_are_never_deleted(store: NotesStore) -> None:
    bookmark = store.add_bookmark("alpha", "counter", COUNTER)
    mark = store.add_highlight("alpha", "docs", 0, 3, DOCS[:3])
    on_mark = store.add_highlight_note(mark.id, "about the documents")
    gone_passage = store.add_note("alpha", "x", "passage removed", "Some vanished text.")
    # 'counter' is gone entirely; 'docs' keeps its anchor but no longer holds the selection.
    library = make_library(passage("intro", INTRO), passage("docs", "Rewritten entirely."))
    results = by_kind(store.reanchor(library))
    assert results[("bookmark", bookmark.id)] == "detached"
    assert results[("highlight", mark.id)] == "detached"
    assert results[("note", on_mark.id)] == "detached"
    assert results[("note", gone_passage.id)] == "detached"
    detached = store.detached()
    assert {(a.kind, a.id) for a in detached} == {
        ("bookmark", bookmark.id), ("highlight", mark.id), ("note", on_mark.id),
        ("note", gone_passage.id),
    }
    assert {a.quote for a in detached} >= {COUNTER, DOCS[:3], "Some vanished text."}
    # Detached keeps the place it was on, so that restored content can take it back.
    assert {(a.article, a.anchor) for a in detached} == {
        ("alpha", "counter"), ("alpha", "docs"), ("alpha", "x")
    }
    assert len(store.annotations()) == 4

    # Content restored: they attach again.
    results = by_kind(store.reanchor(original_library()))
    assert results[("bookmark", bookmark.id)] == "ok"
    assert results[("highlight", mark.id)] == "ok"
    assert [n.state for n in store.notes()] == ["ok", "detached"]


def test_edited_passage_under_same_anchor_is_changed_not_detached(store: NotesStore) -> None:
    bookmark = store.add_bookmark("alpha", "docs", DOCS)
    note = store.add_note("alpha", "docs", "typo fixed later", DOCS)
    library = make_library(passage("docs", DOCS.replace("greatest", "biggest")))
    results = by_kind(store.reanchor(library))
    assert results[("bookmark", bookmark.id)] == "changed"
    assert results[("note", note.id)] == "changed"
    kept = store.note(note.id)
    assert kept is not None and kept.anchor == "docs" and kept.quote == DOCS
    assert kept.state == "changed"


def test_empty_quote_is_filled_from_the_passage(store: NotesStore) -> None:
    store.add_note("alpha", "intro", "added from the CLI without content")
    (result,) = store.reanchor(original_library())
    assert result.status == "ok"
    assert [n.quote for n in store.notes()] == [INTRO]


def stored_rows(store: NotesStore) -> dict[str, list[tuple[object, ...]]]:
    """Every annotation row exactly as stored, column for column."""
    return {
        table: [tuple(row) for row in store._conn.execute(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("bookmarks", "highlights", "notes")
    }


def test_skipped_article_keeps_its_annotations_where_they_are(
    store: NotesStore, tmp_path: Path
) -> None:
    """The reviewer's repro, with the real loader and the bundled content: an article the
    loader skips must not lose its annotations to another article that shares a phrase."""
    from jpbrief.core.content import load_library

    content = tmp_path / "content"
    shutil.copytree(BUNDLED_CONTENT, content)
    article, quote = "focused-on-its-region", "national security"
    library = load_library(content)
    forward = library.passage(article, "forward-leading")
    assert forward is not None and quote in forward.text
    # The phrase the old re-anchoring followed into the other article.
    elsewhere = library.passage("navigating-new-frontiers", "strategy-documents")
    assert elsewhere is not None and quote in elsewhere.text
    start = forward.text.index(quote)
    mark = store.add_highlight(article, "forward-leading", start, start + len(quote), quote)
    on_mark = store.add_highlight_note(mark.id, "The phrase to quote.")
    bookmark = store.add_bookmark(article, "forward-leading", forward.text)
    assert {r.status for r in store.reanchor(library)} == {"ok"}
    before = stored_rows(store)

    source = content / "articles" / f"{article}.md"
    original_text = source.read_text(encoding="utf-8")
    assert f"\nid: {article}\n" in original_text
    source.write_text(original_text.replace(f"id: {article}\n", "", 1), encoding="utf-8")
    broken = load_library(content)
    assert broken.article(article) is None
    assert any(f"{article}.md" in skipped for skipped in broken.skipped)

    results = store.reanchor(broken)
    assert {(r.kind, r.id): r.status for r in results} == {
        ("bookmark", bookmark.id): "unavailable",
        ("highlight", mark.id): "unavailable",
        ("note", on_mark.id): "unavailable",
    }
    assert all((r.article, r.anchor) == (article, "forward-leading") for r in results)
    assert stored_rows(store) == before  # not moved, not detached: untouched
    assert store.detached() == []

    source.write_text(original_text, encoding="utf-8")
    results = store.reanchor(load_library(content))
    assert {r.status for r in results} == {"ok"}
    assert stored_rows(store) == before
    restored = store.highlight(mark.id)
    assert restored is not None
    assert (restored.article, restored.anchor, restored.start) == (article, "forward-leading",
                                                                   start)


def test_missing_article_is_unavailable_not_detached(store: NotesStore) -> None:
    note = store.add_note("gamma", "x", "its article was removed", "Some vanished text here.")
    before = stored_rows(store)
    (result,) = store.reanchor(original_library())
    assert (result.status, result.article, result.anchor) == ("unavailable", "gamma", "x")
    assert stored_rows(store) == before
    found = store.note(note.id)
    assert found is not None and found.state == "ok"


@pytest.mark.parametrize(
    ("quote", "meaningful"),
    [
        ("national security", False),  # two words: a term found all over the content
        ("in the US", False),  # three words, but only 9 characters
        ("counterstrike capability", False),
        ("greatest strategic challenge", True),
        ("  greatest\n strategic   challenge ", True),
    ],
)
def test_meaningful_quote_threshold(quote: str, meaningful: bool) -> None:
    assert notes_module.meaningful_quote(quote) is meaningful


def test_short_or_ambiguous_quotes_do_not_move_across_articles(store: NotesStore) -> None:
    short = store.add_highlight("alpha", "gone", 0, 17, "national security")
    twice = "counterstrike capability changes"
    ambiguous = store.add_highlight("alpha", "gone", 20, 20 + len(twice), twice)
    on_ambiguous = store.add_highlight_note(ambiguous.id, "which one?")
    note = store.add_note("alpha", "also-gone", "passage note", MINE)
    library = make_library(
        passage("docs", DOCS),
        beta=(
            passage("unique-short", "Its national security strategy was revised."),
            passage("first", "The " + twice + " everything."),
            passage("second", "Whether " + twice + " anything is debated."),
            passage("chips", MINE), passage("chips-copy", "Again: " + MINE),
        ),
    )
    results = by_kind(store.reanchor(library))
    # Found exactly once, but too short to say the passage went there.
    assert results[("highlight", short.id)] == "detached"
    # Long enough, but in two places.
    assert results[("highlight", ambiguous.id)] == "detached"
    assert results[("note", on_ambiguous.id)] == "detached"
    assert results[("note", note.id)] == "detached"
    for item in store.annotations():
        assert item.article == "alpha" and item.state == "detached"
        assert (item.original_article, item.original_anchor) == (item.article, item.anchor)
    kept = store.highlight(ambiguous.id)
    assert kept is not None and (kept.anchor, kept.start, kept.quote) == ("gone", 20, twice)


def test_ambiguous_quote_in_its_own_article_does_not_move(store: NotesStore) -> None:
    quote = "greatest strategic challenge"
    start = DOCS.index(quote)
    mark = store.add_highlight("alpha", "docs", start, start + len(quote), quote)
    library = make_library(
        passage("one", "China is the " + quote + "."),
        passage("two", "Russia is not the " + quote + "."),
    )
    (result,) = store.reanchor(library)
    assert result.status == "detached"
    kept = store.highlight(mark.id)
    assert kept is not None and (kept.article, kept.anchor, kept.start) == ("alpha", "docs", start)


def test_unique_long_quote_follows_a_renamed_reordered_passage_and_comes_back(
    store: NotesStore, tmp_path: Path, clock: FakeClock
) -> None:
    quote = "greatest strategic challenge"
    start = DOCS.index(quote)
    mark = store.add_highlight("alpha", "docs", start, start + len(quote), quote)
    on_mark = store.add_highlight_note(mark.id, "Name it in the brief.")
    bookmark = store.add_bookmark("alpha", "docs", DOCS)
    reworded = "In 2022 its strategy documents named China the " + quote + " so far."
    renamed = make_library(
        passage("counter", COUNTER),
        passage("strategy-documents", reworded),  # renamed, reworded and moved down
        passage("intro", INTRO),
        # Also once in another article: the article's own passage still wins.
        beta=(passage("chips", "Beijing sees Tokyo's chips rule as the " + quote + "."),),
    )
    results = by_kind(store.reanchor(renamed))
    assert results[("highlight", mark.id)] == "moved"
    assert results[("note", on_mark.id)] == "moved"
    assert results[("bookmark", bookmark.id)] == "detached"  # its full text is nowhere
    moved = store.highlight(mark.id)
    assert moved is not None and (moved.article, moved.anchor) == ("alpha", "strategy-documents")
    assert reworded[moved.start : moved.end] == quote and moved.state == "ok"
    assert (moved.original_article, moved.original_anchor) == ("alpha", "docs")
    followed = store.note(on_mark.id)
    assert followed is not None and followed.anchor == "strategy-documents"
    assert followed.original_anchor == "docs"

    # The export carries the original place, and an import keeps it.
    exported = store.export_json(renamed)
    with NotesStore(tmp_path / "other.sqlite3", clock=clock) as other:
        assert other.import_json(exported).added == 3
        copy = other.highlights()[0]
        assert (copy.anchor, copy.original_anchor) == ("strategy-documents", "docs")

    # The original passage is back (the renamed one too): the original place wins.
    both = make_library(passage("docs", DOCS), passage("strategy-documents", reworded))
    results = by_kind(store.reanchor(both))
    assert results[("highlight", mark.id)] == "moved"
    assert results[("note", on_mark.id)] == "moved"
    assert results[("bookmark", bookmark.id)] == "ok"
    for item in store.annotations():
        assert (item.article, item.anchor, item.state) == ("alpha", "docs", "ok")
    back = store.highlight(mark.id)
    assert back is not None and (back.start, back.end) == (start, start + len(quote))
    assert {r.status for r in store.reanchor(original_library())} == {"ok"}


def test_detached_annotation_returns_to_its_original_place(store: NotesStore) -> None:
    quote = "greatest strategic challenge"
    start = DOCS.index(quote)
    mark = store.add_highlight("alpha", "docs", start, start + len(quote), quote)
    on_mark = store.add_highlight_note(mark.id, "Name it.")
    bookmark = store.add_bookmark("alpha", "docs", DOCS)
    note = store.add_note("alpha", "docs", "Quote the NSS.", DOCS)
    # 'docs' is gone; the quote is in two other passages, so there is no telling where.
    lost = make_library(
        passage("intro", INTRO),
        passage("one", "China is the " + quote + "."),
        passage("two", "Some say Russia is the " + quote + "."),
    )
    results = store.reanchor(lost)
    assert {r.status for r in results} == {"detached"}
    for item in store.annotations():
        assert (item.article, item.anchor, item.state) == ("alpha", "docs", "detached")
        assert item.quote in (quote, DOCS)

    results = by_kind(store.reanchor(original_library()))
    assert results == {
        ("highlight", mark.id): "ok", ("note", on_mark.id): "ok",
        ("bookmark", bookmark.id): "ok", ("note", note.id): "ok",
    }
    for item in store.annotations():
        assert (item.article, item.anchor, item.state) == ("alpha", "docs", "ok")
    back = store.highlight(mark.id)
    assert back is not None and back.start == start


# --------------------------------------------------------------------------- export / import


def annotate(store: NotesStore) -> tuple[Highlight, Note, Note]:
    store.add_bookmark("alpha", "intro", INTRO)
    start = DOCS.index("China")
    mark = store.add_highlight("alpha", "docs", start, start + 5, "China")
    on_mark = store.add_highlight_note(mark.id, "Name the challenge.")
    note = store.add_note("alpha", "docs", "Quote this in the brief.", DOCS)
    store.add_note("beta", "chips", "Compare with the US rule.", MINE)
    return mark, on_mark, note


def test_markdown_memo_has_title_section_quote_and_citations(store: NotesStore) -> None:
    annotate(store)
    store.add_note("alpha", "gone", "Lost passage note.", "Text no longer there.")
    store.add_note("gamma", "kept", "Note on a skipped article.", "Its article did not load.")
    library = original_library()
    store.reanchor(library)
    memo = store.export_markdown(library)
    assert "## Focused on its region" in memo and "## Economic security" in memo
    assert "### Strategy" in memo and "### Opening" in memo and "### Controls" in memo
    assert f"> {DOCS}" in memo and "> China" in memo
    assert "Quote this in the brief." in memo and "Name the challenge." in memo
    # Only the footnotes inside the quote: the whole-passage note cites them, "China" does not.
    assert memo.count("- [3] Government of Japan. National Security Strategy. 2022.") == 1
    assert memo.count('- [4] Nikkei Asia. "Kishida speech." April 11, 2024.') == 1
    china = memo[memo.index("> China"):]
    assert "- [" not in china[:china.index("**Note**")]
    # Every item cites its article.
    cited = ("Cited as: “Focused on its region”, author not stated in the original, "
             "publisher not stated in the original, date not stated in the original.")
    assert memo.count(cited) == 4  # bookmark, note, highlight (with its note), detached note
    assert memo.count("Cited as: “Economic security”") == 1
    assert "**Note (detached)**" in memo and "> Text no longer there." in memo
    assert "**Note (article not loaded)** · `gamma#kept`" in memo
    assert "> Its article did not load." in memo
    # Reading order: alpha before beta, the intro bookmark before the docs note.
    assert memo.index("Focused on its region") < memo.index("Economic security")
    assert memo.index(INTRO) < memo.index("Quote this in the brief.")


def test_json_export_carries_context(store: NotesStore) -> None:
    mark, on_mark, note = annotate(store)
    data = json.loads(store.export_json(original_library()))
    assert data["format"] == "jpbrief-notes" and data["version"] == 1
    items = {item["uuid"]: item for item in data["items"]}
    exported = items[note.uuid]
    assert exported["article_title"] == "Focused on its region"
    assert exported["section"] == "Strategy" and exported["quote"] == DOCS
    assert [s["citation"] for s in exported["sources"]] == [
        "Government of Japan. National Security Strategy. 2022.",
        'Nikkei Asia. "Kishida speech." April 11, 2024.',
    ]
    assert items[on_mark.uuid]["highlight"] == mark.uuid
    assert items[mark.uuid]["passage"] == DOCS and items[mark.uuid]["start"] == mark.start


def test_json_import_adds_no_duplicates(store: NotesStore, tmp_path: Path,
                                        clock: FakeClock) -> None:
    annotate(store)
    exported = store.export_json(original_library())
    assert store.import_json(exported) == notes_module.ImportResult(added=0, skipped=5)

    with NotesStore(tmp_path / "other.sqlite3", clock=clock) as other:
        other.add_note("beta", "chips", "Their own note.", MINE)
        assert other.import_json(exported).added == 5
        assert other.import_json(exported).added == 0
        assert other.import_json(exported.encode()).added == 0
        assert len(other.notes()) == 4 and len(other.highlights()) == 1
        (mark,) = other.highlights()
        on_mark = next(n for n in other.notes() if n.text == "Name the challenge.")
        assert on_mark.highlight_id == mark.id
        assert {a.uuid for a in store.annotations()} <= {a.uuid for a in other.annotations()}


def test_import_without_uuids_matches_on_content(store: NotesStore) -> None:
    item = {"kind": "note", "article": "alpha", "anchor": "docs", "quote": DOCS,
            "text": "hand-written", "created": "2024-01-01T00:00:00+00:00"}
    undated = {"kind": "bookmark", "article": "alpha", "anchor": "intro", "quote": INTRO}
    document = {"format": "jpbrief-notes", "version": 1,
                "items": [item, dict(item), undated, dict(undated)]}
    assert store.import_json(document) == notes_module.ImportResult(added=2, skipped=2)
    assert store.import_json(document).added == 0
    assert len(store.annotations()) == 2


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not a jpbrief notes export"),
        ('{"format": "jpbrief-notes", "version": 9, "items": []}', "version 9"),
        ('{"format": "jpbrief-notes", "version": 1, "items": [{"kind": "note", "article": "a",'
         ' "anchor": "b", "text": "ok"}, {"kind": "note", "article": "a"}]}',
         "item 2 \\(note\\): 'anchor' is missing"),
        ('{"format": "jpbrief-notes", "version": 1, "items": [{"kind": "poem"}]}',
         "item 1: kind"),
    ],
)
def test_bad_import_names_the_fault_and_adds_nothing(
    store: NotesStore, payload: str, message: str
) -> None:
    with pytest.raises(ImportFormatError, match=message):
        store.import_json(payload)
    assert store.annotations() == []


# --------------------------------------------------------------------------- backups


def test_one_backup_a_day_and_the_last_seven_kept(db: Path, clock: FakeClock) -> None:
    with NotesStore(db, clock=clock) as store:
        store.add_note("alpha", "intro", "day 1", INTRO)
        assert len(store.backups()) == 1
    with NotesStore(db, clock=clock) as store:  # same day: no second backup
        assert store.backup_if_due() is None
        assert len(store.backups()) == 1
    for day in range(2, 11):
        clock.advance(days=1)
        with NotesStore(db, clock=clock) as store:
            store.add_note("alpha", "intro", f"day {day}", INTRO)
    backups = store.backups()
    assert [p.name for p in backups] == [
        f"notes-2024-05-{day:02d}.sqlite3" for day in range(16, 23)
    ]
    assert backups[0].parent == db.parent / "backups"
    # The newest backup was taken on opening day 10, before that day's note.
    conn = sqlite3.connect(backups[-1])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 9
    finally:
        conn.close()


def corrupt_header(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.write(b"this is not an SQLite file at all" * 4)


def truncate_half(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def truncate_all(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(0)


@pytest.mark.parametrize("damage", [corrupt_header, truncate_half, truncate_all])
def test_damaged_database_is_moved_aside_and_rebuilt_with_every_note(
    db: Path, clock: FakeClock, damage: Callable[[Path], None], caplog: pytest.LogCaptureFixture
) -> None:
    with NotesStore(db, clock=clock) as store:
        for number in range(200):  # enough pages for a truncation to cut into data
            store.add_note("alpha", "intro", f"before the backup {number} " + "x" * 100, INTRO)
        clock.advance(days=1)
        assert store.backup_if_due() is not None
        store.add_note("alpha", "intro", "after the backup", INTRO)
    damage(db)
    damaged = db.read_bytes()

    clock.advance(hours=1)
    with caplog.at_level(logging.WARNING, logger="jpbrief.core.notes"):
        store = NotesStore(db, clock=clock)
    with store:
        assert store.integrity_check() == ["ok"]
        texts = [n.text for n in store.notes()]
        # The backup is from before the last note; the journal brings it back.
        assert len(texts) == 201 and "after the backup" in texts
        message = store.recovery_message
        assert message is not None and "kept as" in message and "Recovered 201 note(s)" in message
        assert store.recovery is not None and store.recovery.backup == store.backups()[-1].name
    assert message in caplog.text
    (aside,) = db.parent.glob("notes.sqlite3.corrupt-*")
    assert aside.name == "notes.sqlite3.corrupt-" + clock().astimezone().strftime("%Y%m%dT%H%M%S")
    assert aside.name in message
    assert aside.read_bytes() == damaged  # kept byte for byte, never deleted


def test_damaged_database_without_backup_is_rebuilt_from_the_journal(
    db: Path, clock: FakeClock
) -> None:
    with NotesStore(db, clock=clock, auto_backup=False) as store:
        store.add_note("alpha", "intro", "only copy", INTRO)
    corrupt_header(db)
    with NotesStore(db, clock=clock, auto_backup=False) as store:
        assert [n.text for n in store.notes()] == ["only copy"]
        assert store.recovery_message is not None and "no usable backup" in store.recovery_message
    assert len(list(db.parent.glob("notes.sqlite3.corrupt-*"))) == 1


def test_unusable_newest_backup_falls_back_to_an_older_one(db: Path, clock: FakeClock) -> None:
    for day in (1, 2, 3):  # each day's backup is taken on opening, before that day's note
        with NotesStore(db, clock=clock) as store:
            store.add_note("alpha", "intro", f"day {day}", INTRO)
        clock.advance(days=1)
    newest = store.backups()[-1]
    assert newest.name == "notes-2024-05-15.sqlite3"
    corrupt_header(newest)
    corrupt_header(db)
    with NotesStore(db, clock=clock) as store:
        assert [n.text for n in store.notes()] == ["day 1", "day 2", "day 3"]  # the journal
        assert store.recovery_message is not None
        assert "notes-2024-05-14.sqlite3" in store.recovery_message


def test_an_empty_new_file_is_not_mistaken_for_damage(db: Path, clock: FakeClock) -> None:
    db.parent.mkdir(parents=True)
    db.touch()
    with NotesStore(db, clock=clock) as store:
        assert store.recovery_message is None and store.schema_version == SCHEMA_VERSION


# --------------------------------------------------------------------------- CLI


Run = Callable[..., int]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    """Run ``jpbrief notes ...`` through register(), with a small library as the content."""
    from jpbrief.commands import notes as notes_command
    from jpbrief.core import content

    monkeypatch.setattr(content, "load_library", lambda directory: original_library())
    monkeypatch.setenv("JPBRIEF_CONTENT", str(tmp_path / "content"))

    def run(*argv: str) -> int:
        parser = argparse.ArgumentParser(prog="jpbrief")
        parser.add_argument("--content", default=None)
        notes_command.register(parser.add_subparsers(dest="command"))
        args = parser.parse_args(list(argv))
        return int(args.func(args))

    return run


def test_cli_add_commits_before_exit_zero(cli: Run, capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    assert cli("notes", "add", "--db", str(db), "alpha#docs", "Quote the NSS.") == 0
    note_id = int(capsys.readouterr().out)
    conn = sqlite3.connect(db)  # a separate connection sees the committed row
    try:
        row = conn.execute("SELECT article, anchor, text, quote FROM notes WHERE id = ?",
                           (note_id,)).fetchone()
    finally:
        conn.close()
    assert row == ("alpha", "docs", "Quote the NSS.", DOCS)


def test_cli_default_database_is_in_the_data_dir(cli: Run, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JPBRIEF_DATA_DIR", str(tmp_path / "user-data"))
    assert cli("notes", "add", "alpha#intro", "default place") == 0
    assert (tmp_path / "user-data" / "notes.sqlite3").is_file()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("alpha", "ARTICLE#ANCHOR argument 'alpha'"),
        ("nope#docs", "no article 'nope'"),
        ("alpha#nope", "has no passage #nope"),
    ],
)
def test_cli_add_rejects_bad_targets(cli: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     target: str, message: str) -> None:
    assert cli("notes", "add", "--db", str(tmp_path / "x.sqlite3"), target, "text") == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_cli_list_export_import(
    cli: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, other = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    assert cli("notes", "--db", db, "add", "alpha#docs", "first") == 0
    assert cli("notes", "add", "--db", db, "beta#chips", "second") == 0
    capsys.readouterr()

    assert cli("notes", "list", "--db", db, "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(n["article"], n["anchor"], n["text"]) for n in listed] == [
        ("alpha", "docs", "first"), ("beta", "chips", "second")
    ]
    assert {"id", "article", "anchor", "text", "created"} <= set(listed[0])
    assert cli("notes", "list", "--db", db) == 0
    assert "alpha#docs" in capsys.readouterr().out

    memo = tmp_path / "memo.md"
    assert cli("notes", "export", "--db", db, "--format", "md", "-o", str(memo)) == 0
    assert "Government of Japan. National Security Strategy. 2022." in memo.read_text()
    export = tmp_path / "notes.json"
    assert cli("notes", "export", "--db", db, "--format", "json", "-o", str(export)) == 0
    assert cli("notes", "export", "--db", db, "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["items"]

    assert cli("notes", "import", "--db", other, str(export)) == 0
    assert cli("notes", "import", "--db", other, str(export)) == 0
    assert cli("notes", "import", "--db", db, str(export)) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "imported 2, skipped 0 already present",
        "imported 0, skipped 2 already present",
        "imported 0, skipped 2 already present",
    ]


def test_cli_export_leaves_notes_on_unloaded_articles_alone(
    cli: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "a.sqlite3"
    with NotesStore(db, auto_backup=False) as store:
        kept = store.add_note("gamma", "kept", "on a skipped article", "Text of a skipped one.")
    assert cli("notes", "export", "--db", str(db), "--format", "md") == 0
    captured = capsys.readouterr()
    assert "1 annotation(s) are on articles not loaded" in captured.err
    assert "**Note (article not loaded)** · `gamma#kept`" in captured.out
    with NotesStore(db, auto_backup=False) as store:
        assert store.notes() == [kept]


def test_cli_errors_name_the_file(
    cli: Run, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "a.sqlite3")
    missing = tmp_path / "missing.json"
    assert cli("notes", "import", "--db", db, str(missing)) == 1
    assert str(missing) in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{nope", encoding="utf-8")
    assert cli("notes", "import", "--db", db, str(broken)) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "not valid JSON" in err
    assert cli("notes", "export", "--db", db, "-o", str(tmp_path / "no" / "dir" / "x.md")) == 1
    assert "cannot write" in capsys.readouterr().err
    assert cli("notes") == 2
    assert "choose a command" in capsys.readouterr().err


def test_cli_add_without_content_still_saves(cli: Run, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    from jpbrief.core import content

    monkeypatch.setattr(content, "load_library", lambda directory: Library())
    db = tmp_path / "a.sqlite3"
    assert cli("notes", "add", "--db", str(db), "alpha#docs", "unchecked") == 0
    assert "not checked" in capsys.readouterr().err
    with NotesStore(db) as store:
        assert [n.text for n in store.notes()] == ["unchecked"]


def test_jpbrief_notes_end_to_end(tmp_path: Path, fixture_library_dir: Path) -> None:
    """The real command line with the real loader: add, then export a memo with citations."""
    import os
    import subprocess
    import sys

    from jpbrief.core.content import load_library

    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(repo)}
    db = tmp_path / "e2e.sqlite3"

    def jpbrief(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "jpbrief", "--content", str(fixture_library_dir), "notes",
             "--db", str(db), *argv],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=False,
        )

    added = jpbrief("add", "alpha#dicas", "Who attends DICAS?")
    assert added.returncode == 0, added.stderr
    with NotesStore(db, auto_backup=False) as store:
        (note,) = store.notes()
    library = load_library(fixture_library_dir)
    passage = library.passage("alpha", "dicas")
    assert passage is not None and note.quote == passage.text and note.id == int(added.stdout)

    memo = jpbrief("export", "--format", "md")
    assert memo.returncode == 0, memo.stderr
    assert "Who attends DICAS?" in memo.stdout
    for footnote in passage.footnotes:
        assert library.sources[footnote.source_id].citation in memo.stdout

    bad = jpbrief("add", "alpha#no-such-anchor", "x")
    assert bad.returncode == 2 and "#no-such-anchor" in bad.stderr


def test_memo_cites_only_the_footnotes_whose_markers_stand_in_the_quote(store: NotesStore) -> None:
    markdown = "A first claim.[^1] A second claim.[^2]"
    text = "A first claim. A second claim."
    two = Passage(anchor="two", kind="paragraph", markdown=markdown, text=text, section="Strategy",
                  footnotes=(Footnote(1, "nss-2022", (14, 18)), Footnote(2, "nikkei", (34, 38))))
    library = make_library(two)
    for quote in ("first claim", "A second claim."):
        start = text.index(quote)
        store.add_highlight("alpha", "two", start, start + len(quote), quote)
    memo = store.export_markdown(library)
    first, second = memo.split("> first claim")[1].split("> A second claim.")
    assert "- [1] Government of Japan" in first and "- [2]" not in first
    assert "- [2] Nikkei Asia" in second and "- [1]" not in second
