"""Adding content packs in the reader: checked off the UI thread, shown, asked, installed, reloaded.

Real keys and real packs (tests/pack_fixtures.py) against the fixture library; the dialogs
are the real ones, built and inspected, with the modal ``exec`` replaced by a decision.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_fixtures import BASE, build_pack, make_key, members, rezip, store_for

from jpbrief.core import content
from jpbrief.core.model import Library
from jpbrief.core.packs.merge import load_merged
from jpbrief.ui.controllers.packs import PackOutcome, PackPreview, PacksController
from jpbrief.ui.widgets.pack_dialog import CONFIRM_MATCH, PackDialog, refusal_text


class Reader:
    """What the reader holds: its library, replaced on every ``library_changed``."""

    def __init__(self) -> None:
        self.library: Library = content.load_library(BASE)
        self.changes: list[frozenset[str]] = []
        self.asked: list[PackPreview] = []
        self.refused: list[PackPreview | PackOutcome] = []
        self.answer = True
        self.dialogs: list[PackDialog] = []

    def ask(self, parent, preview: PackPreview) -> bool:
        self.asked.append(preview)
        self.dialogs.append(PackDialog(preview, parent))  # the real dialog must build from it
        return self.answer

    def refuse(self, _parent, refused) -> None:
        self.refused.append(refused)

    def changed(self, library: Library, ids: frozenset[str]) -> None:
        self.library = library
        self.changes.append(ids)


@pytest.fixture
def key(tmp_path):
    return make_key(tmp_path)


@pytest.fixture
def reader() -> Reader:
    return Reader()


@pytest.fixture
def controller(qtbot, tmp_path, reader):
    store = store_for(tmp_path / "home")
    control = PacksController(None, store, BASE, library=lambda: reader.library, ask=reader.ask,
                              refuse=reader.refuse)
    control.library_changed.connect(reader.changed)
    yield control
    control.shutdown()


def open_and_wait(qtbot, controller: PacksController, *paths: Path) -> None:
    with qtbot.waitSignal(controller.idle, timeout=30000):
        controller.open_files(paths)


def test_an_unknown_signer_is_shown_with_its_fingerprint_and_needs_explicit_trust(qtbot, tmp_path, key, controller, reader):
    pack = build_pack(tmp_path, key)
    reader.answer = False
    open_and_wait(qtbot, controller, pack)
    (preview,) = reader.asked
    assert not preview.trusted and preview.error == ""
    dialog = reader.dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.fingerprint.text() == key.public.fingerprint
    assert dialog.trust_note.objectName() == "packUntrusted" and "group by group" in dialog.trust_note.text()
    assert [dialog.articles.item(i).text() for i in range(dialog.articles.count())] == [
        "New: Gamma: a new briefing (gamma)", "New: Delta: the follow-up (delta)"]
    assert "version 1.0" in dialog.changelog.toPlainText()
    assert dialog.confirm.text() == CONFIRM_MATCH
    assert not dialog.install_button.isEnabled()  # until the user says every group matches
    dialog.confirm.setChecked(True)
    assert dialog.install_button.isEnabled()
    # Declined: nothing installed, nothing trusted, the library unchanged.
    assert controller.store.installed() == [] and controller.store.trusted_keys() == []
    assert reader.changes == [] and [a.id for a in reader.library.articles] == ["alpha", "beta"]


def test_install_reloads_the_library_with_the_packs_articles_marked(qtbot, tmp_path, key, controller, reader):
    pack = build_pack(tmp_path, key)
    with qtbot.waitSignal(controller.library_changed, timeout=30000):
        controller.open_files([pack])
    controller.wait_idle()
    assert reader.changes == [frozenset({"gamma", "delta"})]  # what the search index re-indexes
    assert {a.id: a.pack for a in reader.library.articles} == {
        "alpha": None, "beta": None, "gamma": "updates", "delta": "updates"}
    assert [k.raw for k in controller.store.trusted_keys()] == [key.public.raw]  # asked once per trainer

    # An update from the same, now trusted, trainer: shown as trusted, marked as an update.
    update = build_pack(tmp_path, key, "1.1")
    with qtbot.waitSignal(controller.library_changed, timeout=30000):
        controller.open_files([update])
    preview = reader.asked[-1]
    assert preview.trusted and preview.installed_version == "1.0"
    assert [c.change for c in preview.changes] == ["updated", "updated"]
    assert reader.dialogs[-1].install_button.isEnabled()
    assert [p.manifest.version for p in controller.store.installed()] == ["1.1"]


def test_a_pack_with_one_flipped_byte_is_refused_naming_the_file(qtbot, tmp_path, key, controller, reader):
    pack = build_pack(tmp_path, key)
    contents = members(pack)
    article = contents["content/articles/gamma.md"]
    contents["content/articles/gamma.md"] = article.replace(b"JSDF", b"JSDG")
    rezip(pack, contents)
    open_and_wait(qtbot, controller, pack)
    assert reader.asked == []  # never offered
    (refused,) = reader.refused
    assert "content/articles/gamma.md" in refused.error and "SHA-256" in refused.error
    text = refusal_text(refused)
    assert text.startswith(f"jpbrief did not install {pack.name}.") and "ask your trainer for a new copy" in text
    assert controller.store.installed() == [] and reader.changes == []


def test_a_file_changed_after_it_was_shown_is_not_installed(qtbot, tmp_path, key, controller, reader):
    pack = build_pack(tmp_path, key)
    other = make_key(tmp_path, "intruder.key")

    def swap_then_agree(parent, preview):
        build_pack(tmp_path, other, name=pack.name)  # same name, another signer
        return reader.ask(parent, preview)

    controller._ask = swap_then_agree
    open_and_wait(qtbot, controller, pack)
    (refused,) = reader.refused
    assert "changed after it was checked" in refused.error
    assert controller.store.installed() == [] and controller.store.trusted_keys() == []


def test_several_files_are_offered_one_after_the_other(qtbot, tmp_path, key, controller, reader):
    first = build_pack(tmp_path, key, pack_id="first")
    broken = tmp_path / "broken.jpbpack"
    broken.write_bytes(b"not a zip")
    open_and_wait(qtbot, controller, first, broken)
    assert [p.path for p in reader.asked] == [first]
    assert [r.path for r in reader.refused] == [broken] and "not a readable pack" in reader.refused[0].error
    assert [p.id for p in controller.store.installed()] == ["first"]


def test_a_pack_installed_or_removed_from_the_command_line_shows_up(qtbot, tmp_path, key, controller, reader):
    controller.watch()
    other_process = store_for(tmp_path / "home")
    pack = build_pack(tmp_path, key)
    with qtbot.waitSignal(controller.library_changed, timeout=30000) as installed:
        other_process.install(pack, trust=True)
    assert installed.args[1] == frozenset({"gamma", "delta"})
    assert "gamma" in [a.id for a in reader.library.articles]
    with qtbot.waitSignal(controller.library_changed, timeout=30000) as removed:
        other_process.remove("updates")
    assert removed.args[1] == frozenset({"gamma", "delta"})
    assert [a.id for a in reader.library.articles] == ["alpha", "beta"]


def test_the_dialog_says_before_install_why_a_downgrade_or_conflict_cannot_be_installed(qtbot, tmp_path, key, reader):
    store = store_for(tmp_path / "home")
    store.install(build_pack(tmp_path, key, "2.0"), trust=True)
    reader.library = load_merged(BASE, store.root)
    old = build_pack(tmp_path, key, "1.0")
    from jpbrief.ui.controllers.packs import inspect_pack

    dialog = PackDialog(inspect_pack(old, store, reader.library))
    qtbot.addWidget(dialog)
    assert "Version 2.0 of this pack is installed" in dialog.blocker
    assert not dialog.install_button.isEnabled() and not dialog.blocked.isHidden()

    rival = build_pack(tmp_path, key, pack_id="rival")
    dialog = PackDialog(inspect_pack(rival, store, reader.library))
    qtbot.addWidget(dialog)
    assert "article 'gamma' is already in content pack 'updates'" in dialog.blocker
    assert not dialog.install_button.isEnabled()


def test_the_library_list_marks_each_pack_article_with_its_pack(qtbot, tmp_path, key):
    from jpbrief.ui.widgets.rich_list import TARGET_ROLE
    from jpbrief.ui.widgets.sidebar import LibraryPanel

    store = store_for(tmp_path / "home")
    store.install(build_pack(tmp_path, key), trust=True)
    library = load_merged(BASE, store.root)
    assert library.packs == {"updates": "Updates 1.0"}
    panel = LibraryPanel(library)
    qtbot.addWidget(panel)
    rows = {panel.articles.item(r).data(TARGET_ROLE): panel.articles.item(r) for r in range(panel.articles.count())}
    assert "From the content pack “Updates 1.0” (updates)" in rows["gamma"].toolTip()
    assert "content pack" not in rows["alpha"].toolTip().lower()


def test_a_folder_change_during_our_own_install_is_looked_at_after_it(qtbot, tmp_path, key, controller, reader):
    controller.watch()
    store_for(tmp_path / "home").install(build_pack(tmp_path, key), trust=True)  # the folder changed
    controller._busy = True  # ... while an install of the reader's own runs (it reloads itself)
    controller._folder_changed()
    assert controller._debounce.isActive() and reader.changes == []  # not a second reload now
    controller._busy = False
    with qtbot.waitSignal(controller.library_changed, timeout=30000):
        pass  # looked at again once the install is done
    assert reader.changes == [frozenset({"gamma", "delta"})]
