"""Issue 12, live preview: the content folder is watched and reloaded off the UI thread."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_ui_support import OFFSCREEN_NOTICES

from jpbrief.core.content import load_library
from jpbrief.core.model import Library, Problem
from jpbrief.ui.controllers.content_watch import ContentWatch, Reloaded, keep_last_good

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTICES)


def _retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index("\ntitle: ") + 1
    end = text.index("\n", start)
    path.write_text(f"{text[:start]}title: \"{title}\"{text[end:]}", encoding="utf-8")


def _break(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: [", 1), encoding="utf-8")


@pytest.fixture
def watch(qtbot, content_copy: Path):
    shown = load_library(content_copy)
    watcher = ContentWatch(content_copy, lambda: load_library(content_copy), lambda: shown, quiet_ms=150)
    watcher.start()
    yield watcher
    watcher.stop()


def _title(reloaded: Reloaded, article_id: str) -> str:
    article = reloaded.library.article(article_id)
    assert article is not None
    return article.title


# ---------------------------------------------------------------- keep_last_good
def test_a_broken_save_keeps_the_last_good_version_where_it_was(content_copy: Path):
    before = load_library(content_copy)
    _break(content_copy / "articles" / "alpha.md")
    after = load_library(content_copy)
    assert after.article("alpha") is None
    reloaded = keep_last_good(before, after)
    assert reloaded.kept == ("alpha",)
    assert [a.id for a in reloaded.library.articles] == [a.id for a in before.articles]
    assert reloaded.library.article("alpha") == before.article("alpha")
    assert reloaded.library.problems == after.problems  # the reason stays in the banner


def test_a_deleted_article_is_gone_and_a_good_save_is_taken(content_copy: Path):
    before = load_library(content_copy)
    (content_copy / "articles" / "alpha.md").unlink()
    _retitle(content_copy / "articles" / "beta.md", "Beta, revised")
    reloaded = keep_last_good(before, load_library(content_copy))
    assert reloaded.kept == ()
    assert [a.id for a in reloaded.library.articles] == ["beta"]
    assert _title(reloaded, "beta") == "Beta, revised"


# ---------------------------------------------------------------- the watcher
def test_every_content_file_and_folder_is_watched(watch, content_copy: Path):
    assert set(watch.watching) >= {
        str(content_copy), str(content_copy / "articles"), str(content_copy / "themes.yaml"),
        str(content_copy / "articles" / "alpha.md"), str(content_copy / "articles" / "beta.md"),
    }


def test_files_are_watched_up_to_a_limit_and_the_folders_always(qtbot, content_copy: Path):
    watcher = ContentWatch(content_copy, lambda: Library(), lambda: Library(), max_files=2)
    watcher.start()
    try:
        assert watcher.watching == sorted(
            str(p) for p in (content_copy, content_copy / "articles", content_copy / "themes.yaml",
                             content_copy / "sources.yaml")
        )
    finally:
        watcher.stop()


def test_a_saved_article_is_reloaded(qtbot, watch, content_copy: Path):
    with qtbot.waitSignal(watch.reloaded, timeout=10000) as signal:
        _retitle(content_copy / "articles" / "alpha.md", "Alpha, revised")
    assert _title(signal.args[0], "alpha") == "Alpha, revised"


def test_a_save_by_rename_is_reloaded_and_the_new_file_stays_watched(qtbot, watch, content_copy: Path):
    alpha = content_copy / "articles" / "alpha.md"
    for title in ("First", "Second"):  # as editors save: write a temporary file, rename it over
        temporary = alpha.with_name(".alpha.md.swp")
        temporary.write_text(alpha.read_text(encoding="utf-8"), encoding="utf-8")
        _retitle(temporary, title)
        with qtbot.waitSignal(watch.reloaded, timeout=10000) as signal:
            os.replace(temporary, alpha)
        assert _title(signal.args[0], "alpha") == title
        assert str(alpha) in watch.watching


def test_a_burst_of_saves_is_one_reload_of_the_last(qtbot, watch, content_copy: Path):
    seen: list[Reloaded] = []
    watch.reloaded.connect(seen.append)
    alpha = content_copy / "articles" / "alpha.md"
    with qtbot.waitSignal(watch.reloaded, timeout=10000):
        for n in range(5):
            _retitle(alpha, f"Take {n}")
    assert watch.wait_idle()
    qtbot.waitUntil(lambda: not watch._timer.isActive(), timeout=5000)
    assert [_title(r, "alpha") for r in seen] == ["Take 4"]


def test_a_load_overtaken_by_a_newer_one_is_dropped(qtbot, content_copy: Path):
    calls: list[int] = []

    def load() -> Library:
        calls.append(len(calls) + 1)
        return Library(problems=(Problem("load", len(calls), "marker"),))

    watcher = ContentWatch(content_copy, load, lambda: Library())
    seen: list[Reloaded] = []
    watcher.reloaded.connect(seen.append)
    first = watcher.reload_now()
    with qtbot.waitSignal(watcher.reloaded, timeout=10000):
        second = watcher.reload_now()
    assert (first, second, calls) == (1, 2, [1, 2])
    assert [r.library.problems[0].line for r in seen] == [2]
    watcher.stop()


def test_a_loader_that_raises_is_reported_not_raised(qtbot, content_copy: Path):
    def load() -> Library:
        raise OSError("disk gone")

    watcher = ContentWatch(content_copy, load, lambda: Library())
    with qtbot.waitSignal(watcher.failed, timeout=10000) as signal:
        watcher.reload_now()
    assert signal.args == ["The content could not be reloaded: disk gone"]
    watcher.stop()
