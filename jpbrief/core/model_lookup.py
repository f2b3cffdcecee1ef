"""The library's look-up tables: articles by id, passages by (id, anchor) and by theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jpbrief.core.model import Article, Passage


class Lookup:
    """Dict indexes over one ``articles`` tuple, each built on first use.

    Passages are indexed by position, not held: an article read from the start-up cache
    decodes its passages when read (:mod:`jpbrief.core.deferred`), and an index holding
    them would keep every article ever looked at decoded. A theme's passages, asked for
    again and again while it is marked, are kept (those passages only, not their
    articles'), found only in the articles that carry the theme.
    """

    def __init__(self, articles: tuple[Article, ...]) -> None:
        self.articles = articles
        self.by_id: dict[str, Article] = {}
        for article in articles:
            self.by_id.setdefault(article.id, article)  # the first, as the linear scan was
        self._anchors: dict[str, dict[str, int]] = {}
        self._themes: dict[str, list[tuple[Article, Passage]]] = {}

    def passage(self, article_id: str, anchor: str) -> Passage | None:
        article = self.by_id.get(article_id)
        if article is None:
            return None
        passages = article.passages
        anchors = self._anchors.get(article_id)
        if anchors is None:
            anchors = {}
            for index, passage in enumerate(passages):
                anchors.setdefault(passage.anchor, index)
            self._anchors[article_id] = anchors
        found = anchors.get(anchor)
        return None if found is None else passages[found]

    def themed(self, theme_id: str) -> list[tuple[Article, Passage]]:
        """The passages carrying ``theme_id`` in reading order (a new list each call)."""
        found = self._themes.get(theme_id)
        if found is None:
            found = self._themes[theme_id] = [
                (article, passage)
                for article in self.articles if article.theme_count(theme_id)
                for passage in article.passages if theme_id in passage.themes
            ]
        return list(found)
