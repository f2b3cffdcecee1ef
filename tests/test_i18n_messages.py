"""The core's messages about content packs and the search index, in the interface's language.

The core writes English (the command line and the English tests see it unchanged); each
message also carries its template and values, so the reader says it in Japanese with the
pack's file name, paths and versions exactly as they are.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any

import pytest
from pack_fixtures import BASE, build_pack, make_key, members, rezip, store_for
from PySide6.QtWidgets import QApplication
from test_i18n import RESOURCES, compiled, japanese  # noqa: F401

from jpbrief.core import content
from jpbrief.core.message import QT_TRANSLATE_NOOP, Message, message_of
from jpbrief.core.packs.archive import PackError
from jpbrief.core.packs.merge import load_merged
from jpbrief.core.search.results import IndexStatus
from jpbrief.core.search.store import BUSY_PID, IndexBusy
from jpbrief.ui import i18n
from jpbrief.ui.controllers.packs import PacksController, inspect_pack, install_pack
from jpbrief.ui.labels import translated
from jpbrief.ui.services.search_service import SearchService
from jpbrief.ui.widgets.pack_dialog import PackDialog, refusal_text


def has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def ja(qapp: QApplication, japanese: None) -> None:  # noqa: F811
    i18n.install(qapp, RESOURCES, "ja")


# -------------------------------------------------------------------- the core, in English
def test_a_message_is_its_english_text_and_keeps_template_and_values() -> None:
    message = Message(QT_TRANSLATE_NOOP("Packs", "{name}: {size:,} bytes"), name="a.md", size=1234)
    assert message == "a.md: 1,234 bytes" and isinstance(message, str)
    assert message.template == "{name}: {size:,} bytes" and message.template.context == "Packs"
    assert message.values == {"name": "a.md", "size": 1234}
    for again in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert again == message and again.values == message.values and again.template.context == "Packs"


def test_errors_raised_with_a_template_say_english_and_give_their_message_back() -> None:
    error = PackError(QT_TRANSLATE_NOOP("Packs", "{path}: not a readable pack ({error})"), path="x.jpbpack",
                      error="bad zip")
    assert str(error) == "x.jpbpack: not a readable pack (bad zip)"
    assert message_of(error).values["path"] == "x.jpbpack"  # type: ignore[attr-defined]
    assert message_of(ValueError("plain")) == "plain" and translated("plain") == "plain"


def test_in_english_a_translated_message_is_the_english_text(qapp: QApplication) -> None:
    i18n.install(qapp, RESOURCES, "en")
    busy = message_of(IndexBusy(BUSY_PID, pid=42))
    assert translated(busy) == busy == ("The search index is busy: another jpbrief process (pid 42) is "
                                        "building it. Try again in a moment.")


# -------------------------------------------------------------------- packs, in Japanese
def _refused(tmp_path: Path, pack: Path, library: Any = None):
    store = store_for(tmp_path / "home")
    preview = inspect_pack(pack, store, library or content.load_library(BASE))
    assert preview.error and preview.checked is None
    return preview


def test_an_unsigned_pack_is_refused_in_japanese_naming_its_file(qapp, ja, tmp_path: Path) -> None:
    key = make_key(tmp_path)
    pack = build_pack(tmp_path, key)
    contents = members(pack)
    del contents["manifest.json.minisig"]
    rezip(pack, contents)
    preview = _refused(tmp_path, pack)
    assert "manifest.json.minisig is missing" in preview.error  # the core's English, unchanged
    text = refusal_text(preview)
    assert f"jpbrief は {pack.name} をインストールしませんでした。" in text
    assert f"{pack}: manifest.json.minisig がありません。jpbrief のパックではありません" in text
    assert "missing" not in text and "not a jpbrief pack" not in text


def test_a_pack_whose_signature_does_not_match_is_refused_in_japanese(qapp, ja, tmp_path: Path) -> None:
    key = make_key(tmp_path)
    pack = build_pack(tmp_path, key)
    contents = members(pack)
    contents["manifest.json"] = contents["manifest.json"].replace(b"Test Trainer", b"Test Trainor")
    rezip(pack, contents)
    preview = _refused(tmp_path, pack)
    assert "the signature does not match" in preview.error
    text = refusal_text(preview)
    assert "manifest.json: 署名が一致しません（ファイルが変更されたか、別の鍵で署名されています）" in text
    assert "signature does not match" not in text


def test_an_older_version_and_a_conflict_are_explained_in_japanese(qapp, ja, qtbot, tmp_path: Path) -> None:
    key = make_key(tmp_path)
    store = store_for(tmp_path / "home")
    store.install(build_pack(tmp_path, key, "2.0"), trust=True)
    library = load_merged(BASE, store.root)
    old = inspect_pack(build_pack(tmp_path, key, "1.0"), store, library)
    dialog = PackDialog(old)
    qtbot.addWidget(dialog)
    assert "このパックのバージョン 2.0 がインストール済みです" in dialog.blocker

    outcome = install_pack(old, store, BASE, library)  # past the dialog, the store says it too
    assert "updates 1.0 is older than the installed updates 2.0" in outcome.error
    assert "updates 1.0 はインストール済みの updates 2.0 より古いため、拒否しました" in refusal_text(outcome)

    rival = PackDialog(inspect_pack(build_pack(tmp_path, key, pack_id="rival"), store, library))
    qtbot.addWidget(rival)
    assert "記事 'gamma': すでにコンテンツパック 'updates' にあります" in rival.blocker
    shown = [rival.articles.item(i).text() for i in range(rival.articles.count())]
    assert any(line.endswith("すでにコンテンツパック 'updates' にあります") for line in shown), shown
    assert not any("already" in line for line in shown)


def test_an_unchanged_reinstall_is_reported_in_japanese(qapp, ja, qtbot, tmp_path: Path) -> None:
    key = make_key(tmp_path)
    pack = build_pack(tmp_path, key)
    store = store_for(tmp_path / "home")
    store.install(pack, trust=True)
    library = load_merged(BASE, store.root)
    controller = PacksController(None, store, BASE, library=lambda: library, ask=lambda *_: True,
                                 refuse=lambda *_: None)
    told: list[str] = []
    controller.message.connect(told.append)
    try:
        with qtbot.waitSignal(controller.idle, timeout=30000):
            controller.open_files([pack])
    finally:
        controller.shutdown()
    assert "updates 1.0 はすでにインストールされています。何もする必要はありません" in told, told


# -------------------------------------------------------------------- search, in Japanese
def test_a_busy_index_is_reported_in_japanese(qapp, ja, qtbot) -> None:
    def busy_index() -> Any:
        raise IndexBusy(BUSY_PID, pid=4321)

    service = SearchService(busy_index)
    try:
        with qtbot.waitSignal(service.state_changed, timeout=30000,
                              check_params_cb=lambda s: s.state is IndexStatus.UNAVAILABLE) as seen:
            service.prepare()
        reason = seen.args[0].reason
        assert "busy" in reason  # the core's English travels unchanged ...
        said = translated(reason)  # ... and the reader says it in Japanese
        assert said == ("検索インデックスは使用中です。別の jpbrief のプロセス（pid 4321）が作成しています。"
                        "しばらくしてからもう一度お試しください。")
        with qtbot.waitSignal(service.results_ready, timeout=30000) as answered:
            service.search("counterstrike")
        failure = answered.args[1].failure
        assert failure.startswith("検索に失敗しました: 検索インデックスは使用中です") and has_japanese(failure)
    finally:
        service.shutdown()
