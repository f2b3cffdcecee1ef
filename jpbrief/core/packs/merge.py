"""Merge installed packs with the bundled library into the one Library the reader shows.

Each pack's ``content/`` folder is read by the ordinary loader (without the bundle's
required themes), its articles marked with the pack's id. Sources, themes and glossary
entries that a pack repeats must be identical to the ones already there; an article id,
and an event's or figure's id, may appear once in all (a pack's events and figures join
the timeline and the key figures, linked to the bundle's by ``same_as``/``same_measure``).
A pack that conflicts is refused at install (:func:`install_check`); should one conflict
later (a newer installer bundles its article), it is left out whole, with a problem
naming both sides, so that no article is shown with another's sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from jpbrief.core import content
from jpbrief.core.message import QT_TRANSLATE_NOOP, Joined, Message, message_of
from jpbrief.core.model import Acronym, Glossary, Library, Problem, Source, Theme
from jpbrief.core.packs.manifest import Manifest

if TYPE_CHECKING:
    from jpbrief.core.packs.store import ContentCheck

BUNDLE = Message(QT_TRANSLATE_NOOP("Packs", "the bundled library"))
OWNER = QT_TRANSLATE_NOOP("Packs", "{name} ({path})")
KIND_USED = {"event": QT_TRANSLATE_NOOP("Packs", "event id {id!r} of {name} is already used by {owner}"),
             "figure": QT_TRANSLATE_NOOP("Packs", "figure id {id!r} of {name} is already used by {owner}")}
KIND_DIFFERS = {
    "source": QT_TRANSLATE_NOOP("Packs", "source {key!r} of {name} differs from the one in {owner}"),
    "theme": QT_TRANSLATE_NOOP("Packs", "theme {key!r} of {name} differs from the one in {owner}"),
}


def load_pack_content(folder: Path, pack_id: str) -> Library:
    """A pack's ``content/`` folder as a Library whose articles carry ``pack=pack_id``."""
    library = content.load_library(folder, required_themes=())
    return replace(library, articles=tuple(replace(a, pack=pack_id) for a in library.articles))


@dataclass
class _Merged:
    """The library being assembled, with who brought each id (for messages)."""

    library: Library
    article_owner: dict[str, str] = field(default_factory=dict)
    source_owner: dict[str, str] = field(default_factory=dict)
    theme_owner: dict[str, str] = field(default_factory=dict)
    acronym_owner: dict[str, tuple[Acronym, str]] = field(default_factory=dict)
    annotation_owner: dict[tuple[str, str], str] = field(default_factory=dict)
    """("event" or "figure", id) -> who brought it."""

    @classmethod
    def start(cls, base: Library, name: str = BUNDLE) -> _Merged:
        merged = cls(replace(base, sources=dict(base.sources), themes=dict(base.themes)))
        merged.article_owner = {a.id: Message(OWNER, name=name, path=a.path) for a in base.articles}
        merged.source_owner = dict.fromkeys(base.sources, name)
        merged.theme_owner = dict.fromkeys(base.themes, name)
        merged.acronym_owner = {a.term: (a, name) for a in base.glossary.acronyms}
        merged.annotation_owner = {key: name for key in _annotation_keys(base)}
        return merged

    def conflicts(self, name: str, part: Library) -> list[str]:
        found: list[str] = []
        for article in part.articles:
            if article.id in self.article_owner:
                found.append(Message(QT_TRANSLATE_NOOP(
                    "Packs", "article id {id!r} of {name} ({path}) is already used by {owner}"),
                    id=article.id, name=name, path=article.path, owner=self.article_owner[article.id]))
        found += [Message(KIND_USED[kind], id=key, name=name, owner=self.annotation_owner[(kind, key)])
                  for kind, key in _annotation_keys(part) if (kind, key) in self.annotation_owner]
        found += _differing("source", name, part.sources, self.library.sources, self.source_owner)
        found += _differing("theme", name, part.themes, self.library.themes, self.theme_owner)
        for acronym in part.glossary.acronyms:
            known = self.acronym_owner.get(acronym.term)
            if known is not None and known[0] != acronym:
                found.append(Message(QT_TRANSLATE_NOOP(
                    "Packs", "glossary term {term!r} of {name} expands to {expansion!r}, "
                             "but {owner} expands it to {known!r}"),
                    term=acronym.term, name=name, expansion=acronym.expansion, owner=known[1],
                    known=known[0].expansion))
        return found

    def add(self, name: str, part: Library) -> None:
        lib = self.library
        for article in part.articles:
            self.article_owner[article.id] = Message(OWNER, name=name, path=article.path)
        for owned in _annotation_keys(part):
            self.annotation_owner[owned] = name
        for key, source in part.sources.items():
            self.source_owner.setdefault(key, name)
            lib.sources.setdefault(key, source)
        for key, theme in part.themes.items():
            self.theme_owner.setdefault(key, name)
            lib.themes.setdefault(key, theme)
        acronyms = list(lib.glossary.acronyms)
        for acronym in part.glossary.acronyms:
            if acronym.term not in self.acronym_owner:
                self.acronym_owner[acronym.term] = (acronym, name)
                acronyms.append(acronym)
        synonyms = list(lib.glossary.synonyms)
        synonyms += [group for group in part.glossary.synonyms if group not in synonyms]
        known_ja = {term.ja.text for term in lib.glossary.terms}
        terms = lib.glossary.terms + tuple(t for t in part.glossary.terms if t.ja.text not in known_ja)
        self.library = replace(
            lib,
            articles=lib.articles + part.articles,
            events=lib.events + part.events,
            figures=lib.figures + part.figures,
            glossary=Glossary(tuple(acronyms), tuple(synonyms), terms),
            problems=lib.problems + part.problems,
            skipped=lib.skipped + part.skipped,
        )

    def refuse(self, path: str, message: str) -> None:
        self.library = replace(
            self.library, problems=(*self.library.problems, Problem(path, 1, message))
        )


def _annotation_keys(library: Library) -> list[tuple[str, str]]:
    return [("event", e.id) for e in library.events] + [("figure", f.id) for f in library.figures]


def _differing(kind: str, name: str, new: dict[str, Source] | dict[str, Theme],
               known: dict[str, Source] | dict[str, Theme], owners: dict[str, str]) -> list[str]:
    return [
        Message(KIND_DIFFERS[kind], key=key, name=name, owner=owners[key])
        for key, value in new.items()
        if key in known and known[key] != value
    ]


def merge(base: Library, packs: Sequence[tuple[str, Path, Library]]) -> Library:
    """``base`` plus each ``(name, folder, library)`` that does not conflict."""
    merged = _Merged.start(base)
    for name, folder, part in packs:
        conflicts = merged.conflicts(name, part)
        if conflicts:
            merged.refuse(str(folder), Message(QT_TRANSLATE_NOOP("Packs", "{name} is left out: {conflicts}"),
                                               name=name, conflicts=Joined(conflicts, "; ")))
            continue
        merged.add(name, part)
    return merged.library


def conflicts_with(base: Library, name: str, part: Library) -> list[str]:
    """Why ``part`` (called ``name`` in messages) cannot join ``base``; empty if it can."""
    return _Merged.start(base).conflicts(name, part)


def pack_name(manifest: Manifest) -> str:
    named = QT_TRANSLATE_NOOP("Packs", "pack {id!r} {version}")
    return Message(named, id=manifest.id, version=manifest.version)


def unlisted(manifest: Manifest, part: Library) -> list[str]:
    """Where the articles a pack's files hold differ from those its manifest lists (what the
    user was shown and agreed to): each article as (id, title, file), either way."""
    listed = {(a.id, a.title, a.path) for a in manifest.articles}
    held = {(a.id, a.title, f"content/articles/{Path(a.path).name}") for a in part.articles}
    said = QT_TRANSLATE_NOOP("Packs", "{name}: {path} holds article {id!r} ({title!r}), "
                                      "which its manifest does not list as such; refused")
    found: list[str] = [Message(said, name=pack_name(manifest), path=path, id=id_, title=title)
                        for id_, title, path in sorted(held - listed)]
    missing = QT_TRANSLATE_NOOP("Packs", "{name}: its manifest lists article {id!r} ({title!r}) "
                                         "in {path}, which the pack does not hold as such; refused")
    found += [Message(missing, name=pack_name(manifest), path=path, id=id_, title=title)
              for id_, title, path in sorted(listed - held)]
    return found


def installed_libraries(packs_root: Path) -> list[tuple[str, Path, Library]]:
    """Each readable installed pack's name, folder and content."""
    from jpbrief.core.packs import store  # its archive and signing code only installs need

    return [
        (pack_name(pack.manifest), pack.folder, load_pack_content(pack.content, pack.id))
        for pack in store.installed(packs_root)
    ]


def load_merged(content_dir: Path, packs_root: Path) -> Library:
    """The library at ``content_dir`` with every installed pack under ``packs_root``."""
    from jpbrief.core.packs import store

    base = content.load_library(content_dir)
    try:
        damaged = store.scan(packs_root)[1]
        packs = installed_libraries(packs_root)
    except store.PackError as error:  # installed.json itself cannot be read
        return replace(base, problems=(*base.problems, Problem(str(packs_root), 1, message_of(error))))
    problems = tuple(Problem(str(packs_root), 1, reason) for reason in damaged)
    merged = merge(base, packs)
    present = {article.pack for article in merged.articles if article.pack}
    titles = {p.id: p.manifest.title for p in store.installed(packs_root) if p.id in present}
    return replace(merged, problems=merged.problems + problems, packs=titles)


def install_check(content_dir: Path, packs_root: Path) -> ContentCheck:
    """The check a pack must pass before it is switched in: it loads without a problem
    and conflicts with neither the library at ``content_dir`` nor another installed pack
    (the installed version of the same pack is left out, since it is being replaced)."""

    def check(folder: Path, manifest: Manifest) -> list[str]:
        part = load_pack_content(folder / "content", manifest.id)
        problems = [str(problem) for problem in part.problems] + unlisted(manifest, part)
        merged = _Merged.start(content.load_library(content_dir))
        for name, _folder, other in installed_libraries(packs_root):
            if not name.startswith(f"pack {manifest.id!r} "):
                merged.add(name, other)
        return problems + merged.conflicts(pack_name(manifest), part)

    return check
