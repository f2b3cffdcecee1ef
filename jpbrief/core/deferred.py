"""Articles read from a cache's header index, their passages decoded only when first read.

A start-up cache of 1,000 articles holds some 35,000 passages; decoding them all before
the first paint cost more than everything else the reader does to show its window. A
:class:`DeferredArticle` has every field of its :class:`~jpbrief.core.model.Article`
from the header, plus what the sidebar, the theme views and the footnote cards ask of
the whole library (its themes with their passage counts, its passage count, the sources
its footnotes cite); its passages are decoded by the ``load`` it was given when some
code reads :attr:`passages`.

Decoded passages are kept for the :data:`KEPT` articles read last (the one on screen
among them), and for the last one each thread read, not for ever: reading the whole
library once (a search index build, a theme spanning every article) then leaves the
memory of a few articles, not of all.
Read again, an article's passages are decoded again (equal, not the same objects).

The header also holds the article's :func:`digest`, so the search index's fingerprint
(:mod:`jpbrief.core.search.fingerprint`) is taken without decoding any article.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import fields as dataclass_fields
from typing import Any

from jpbrief.core.model import Article, Passage

KEPT = 64
"""How many articles' decoded passages are kept (the most recently read)."""

Passages = tuple[Passage, ...]
Loader = Callable[["DeferredArticle"], Passages]


class _Recent:
    """The passages of the articles read last, by article (thread-safe: a search index
    build reads articles in a worker while the window reads the one shown)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[int, tuple[DeferredArticle, Passages]] = OrderedDict()
        self._lock = threading.Lock()
        self.decoded = 0
        """Articles decoded so far (tests and benchmarks read it)."""

    def get(self, article: DeferredArticle) -> Passages | None:
        with self._lock:
            found = self._items.get(id(article))
            if found is None or found[0] is not article:
                return None
            self._items.move_to_end(id(article))
            return found[1]

    def put(self, article: DeferredArticle, passages: Passages) -> None:
        with self._lock:
            self.decoded += 1
            self._items[id(article)] = (article, passages)
            self._items.move_to_end(id(article))
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


recent = _Recent(KEPT)
_last = threading.local()


class DeferredArticle(Article):
    """An :class:`Article` whose passages are decoded from a cache when first read.

    Made by :meth:`from_header`, never by the dataclass's constructor (``replace()`` on one
    gives one whose passages are those given, kept like any article's). It equals the
    :class:`Article` with the same fields, and hashes like it.
    """

    _header_themes: Mapping[str, int]
    _header_total: int
    _header_sources: frozenset[str]
    _header_digest: str
    _load: Loader | None

    @classmethod
    def from_header(cls, fields: Article, *, themes: Mapping[str, int], total: int,
                    sources: frozenset[str], digest: str, load: Loader) -> DeferredArticle:
        """An article with ``fields``' fields (its passages aside), its header (``themes``:
        passage count by theme id, first seen first; ``total``: its passage count;
        ``sources``: the source ids its footnotes cite; ``digest``: its :func:`digest`),
        decoding its passages by ``load``."""
        article = object.__new__(cls)
        state = dict(vars(fields))
        state.pop("passages", None)
        state.update(_header_state(themes, total, sources, digest, load))
        object.__setattr__(article, "__dict__", state)
        return article

    @property
    def passages(self) -> Passages:
        held: Passages | None = self.__dict__.get("_passages")
        if held is not None:
            return held
        last = getattr(_last, "read", None)  # this thread's: a loop over one article's
        if last is not None and last[0] is self:  # passages never decodes it again, however
            return last[1]  # many articles another thread reads meanwhile
        found = recent.get(self)
        if found is None:
            load = self.__dict__["_load"]
            found = load(self)
            recent.put(self, found)
        _last.read = (self, found)
        return found

    @passages.setter
    def passages(self, value: Passages) -> None:  # the dataclass's __init__ (``replace()``)
        self.__dict__.update(_passages=tuple(value), _load=None)

    def forget_digest(self) -> None:
        """Its passages were read from elsewhere than the cache the header describes (a
        broken entry read again from its Markdown): :func:`digest` computes it again."""
        self.__dict__.pop("_header_digest", None)

    @property
    def decoded(self) -> bool:
        """Whether its passages are in memory now (kept, or given)."""
        return "_passages" in self.__dict__ or recent.get(self) is not None

    @property
    def themes(self) -> tuple[str, ...]:
        if "_header_themes" not in self.__dict__:
            return super().themes
        return tuple(self._header_themes)

    def theme_count(self, theme_id: str) -> int:
        if "_header_themes" not in self.__dict__:
            return super().theme_count(theme_id)
        return self._header_themes.get(theme_id, 0)

    @property
    def passage_total(self) -> int:
        if "_header_total" not in self.__dict__:
            return super().passage_total
        return self._header_total

    def cites(self, source_id: str) -> bool:
        if "_header_sources" not in self.__dict__:
            return super().cites(source_id)
        return source_id in self._header_sources

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return _fields(self) == _fields(other)

    def __hash__(self) -> int:
        return hash(_fields(self))

    def __reduce__(self) -> Any:  # copy/pickle: a plain article, passages decoded
        return (Article, _fields(self))


def _header_state(themes: Mapping[str, int], total: int, sources: Any, digest: str,
                  load: Loader) -> dict[str, Any]:
    """A deferred article's own attributes, from its header."""
    return {"_header_themes": dict(themes), "_header_total": int(total),
            "_header_sources": frozenset(sources), "_header_digest": str(digest), "_load": load}


def _fields(article: Article) -> tuple[Any, ...]:
    return tuple(getattr(article, f.name) for f in dataclass_fields(Article))


def digest(article: Article) -> str:
    """A hash of the article as the search index sees it: every field but the passages,
    and each passage's anchor, kind, Markdown (its footnote markers), plain text, section,
    themes, role and footnotes' sources. Equal for an :class:`Article` and the
    :class:`DeferredArticle` read back from its cache, which holds it in its header:
    asking a deferred article for it decodes nothing."""
    held: str | None = article.__dict__.get("_header_digest")
    if held is not None:
        return held
    import hashlib

    hashed = hashlib.sha256()
    others = tuple(getattr(article, name) for name in _FIELDS_BUT_PASSAGES)
    hashed.update(repr(others).encode("utf-8", "surrogateescape") + b"\0")
    for p in article.passages:
        sources = " ".join(f"{f.number}={f.source_id}" for f in p.footnotes)
        line = (f"{p.anchor}\0{p.kind}\0{p.markdown}\0{p.text}\0{p.section}\0"
                f"{' '.join(p.themes)}\0{p.role}\0{sources}\0")
        hashed.update(line.encode("utf-8", "surrogateescape"))
    return hashed.hexdigest()


_FIELDS_BUT_PASSAGES = tuple(f.name for f in dataclass_fields(Article) if f.name != "passages")


def header(article: Article) -> dict[str, Any]:
    """What :meth:`DeferredArticle.from_header` needs beside the fields, as JSON data."""
    themes: dict[str, int] = {}
    sources: dict[str, None] = {}
    for passage in article.passages:
        for theme in dict.fromkeys(passage.themes):
            themes[theme] = themes.get(theme, 0) + 1
        for footnote in passage.footnotes:
            if footnote.source_id:
                sources.setdefault(footnote.source_id, None)
    return {"themes": themes, "total": len(article.passages), "sources": list(sources),
            "digest": digest(article)}
