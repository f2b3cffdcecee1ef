"""What installing a pack would do to the library: each article new, updated, removed or in conflict.

Shown before the user decides (the reader's pack dialog), computed from the signed manifest
and the library as it is, without unpacking anything. The install itself checks again
(:func:`jpbrief.core.packs.merge.install_check`) and refuses a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from jpbrief.core.message import QT_TRANSLATE_NOOP, Message
from jpbrief.core.model import Library
from jpbrief.core.packs.manifest import Manifest

NEW, UPDATED, REMOVED, CONFLICT = "new", "updated", "removed", "conflict"


@dataclass(frozen=True)
class ArticleChange:
    """One article the pack adds, replaces (its own earlier version), drops, or collides with."""

    id: str
    title: str
    change: str
    """``new``, ``updated``, ``removed`` or ``conflict``."""
    detail: str = ""
    """For a conflict: who already has this article id."""


def article_changes(manifest: Manifest, library: Library) -> list[ArticleChange]:
    """The manifest's articles in its order, then the articles its earlier version had and
    this one drops."""
    current = {article.id: article for article in library.articles}
    listed = {entry.id for entry in manifest.articles}
    found = []
    for entry in manifest.articles:
        existing = current.get(entry.id)
        if existing is None:
            found.append(ArticleChange(entry.id, entry.title, NEW))
        elif existing.pack == manifest.id:
            found.append(ArticleChange(entry.id, entry.title, UPDATED))
        else:
            if existing.pack:
                detail = Message(QT_TRANSLATE_NOOP("Packs", "already in content pack {pack!r}"),
                                 pack=existing.pack)
            else:
                detail = Message(QT_TRANSLATE_NOOP("Packs", "already in the bundled library"))
            found.append(ArticleChange(entry.id, entry.title, CONFLICT, detail))
    found += [
        ArticleChange(article.id, article.title, REMOVED)
        for article in library.articles
        if article.pack == manifest.id and article.id not in listed
    ]
    return found


def changed_articles(before: Library, after: Library) -> frozenset[str]:
    """Ids of articles added, removed or different between two libraries: what a search
    index has to re-index after a pack came, went or changed. Where the file lies does
    not count (each installed version of a pack has its own folder)."""
    old = {article.id: replace(article, path="") for article in before.articles}
    new = {article.id: replace(article, path="") for article in after.articles}
    return frozenset(
        article_id for article_id in old.keys() | new.keys() if old.get(article_id) != new.get(article_id)
    )

