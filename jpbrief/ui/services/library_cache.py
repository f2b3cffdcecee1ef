"""A start-up cache of the loaded library and its rendered articles (JSON, never pickle).

Parsing every article's Markdown and YAML, and importing the parsers, costs more than
painting the window. The reader therefore keeps, in the user cache directory, the
loaded :class:`~jpbrief.core.model.Library` (``library.json``) keyed by a fingerprint of
every file the loader reads (path, link target, size, modification time) and the jpbrief
version, kept and compared whole (a hash would only add ``hashlib``'s import to the
start-up). Any change, or any unreadable or unexpected cache, means a normal load, written
to the cache and read back from it before the first paint (:func:`parse_and_cache`). Like
the search index, it is a cache and never a source of truth.

``library.json`` holds the library without the articles' passages, and a header of each
article (:func:`jpbrief.core.deferred.header`): a start decodes that much, and each
article's passages when they are first read (:class:`~jpbrief.core.deferred.DeferredArticle`),
from a file of their own. Each article's rendered HTML (without style sheet and theme
marking) is a file too; both are in a folder named in ``library.json``
(``html-<16 hex digits>``, a new one per fingerprint), read only when needed
(:class:`RenderedStore`): a start reads one article's HTML and passages, not the whole
library's. An article rendered later is added to the store (:meth:`RenderedStore.put`).
Nothing read from it is executed: passages are decoded by the typed codec, HTML is for
the reader's text browser, as the renderer would have made it. An article whose passages
file cannot be read or decoded is read again from its Markdown (a message on stderr
names it) and its file written anew; the other articles are not touched.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from jpbrief import __version__
from jpbrief.core import paths
from jpbrief.core.content_files import list_content, stat_lines
from jpbrief.core.deferred import DeferredArticle, header
from jpbrief.core.durable import atomic_write_text
from jpbrief.core.model import Article, Library, Passage
from jpbrief.core.model_codec import decode, decoder, encode

FORMAT = 9  # 5: glossary terms with Japanese names, and their links in the rendered text
# 6: HTML in a file per article, fields at their default left out
# 7: articles as a header each, their passages in a file each, decoded when read
# 8: problems' messages as template, context and values (said in the reader's language)
# 9: each article's digest in its header (the search fingerprint decodes no article)
FILE_NAME = "library.json"
HTML_DIR = re.compile(r"html-[0-9a-f]{16}")
STATE_DIR = re.compile(r"packs-[0-9a-f]+-[0-9a-f]+")  # jpbrief.core.packs.state_key
DIGEST = re.compile(r"[0-9a-f]{64}")


def fingerprint(content_dir: Path) -> str:
    """jpbrief's version, the content folder, and each file the loader reads: its path,
    link target, size and mtime (see :func:`jpbrief.core.content_files.stat_lines`)."""
    lines = stat_lines(list_content(content_dir))
    return "\n".join([f"jpbrief {__version__} cache {FORMAT}", str(content_dir.resolve()), *lines])


class RenderedStore(Mapping[str, str]):
    """Rendered articles by id, each read from its file when asked for (never all at once)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, article_id: str, suffix: str = ".html") -> Path:
        return self.folder / (article_id.encode("utf-8").hex() + suffix)  # any id, a safe name

    def __getitem__(self, article_id: str) -> str:
        try:
            return self._path(article_id).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError, ValueError):
            raise KeyError(article_id) from None

    def __iter__(self) -> Iterator[str]:
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            return
        for name in names:
            stem, dot, suffix = name.partition(".")
            if dot and suffix == "html":
                try:
                    yield bytes.fromhex(stem).decode("utf-8")
                except ValueError:
                    continue

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:  # a store, even an empty one, is a store
        return True

    def put(self, article_id: str, html: str) -> bool:
        """Keep ``html`` as the article's (False if it cannot be written: it is only a cache;
        ValueError: text that is not Unicode, such as a file name's undecodable bytes)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self._path(article_id), html, durable=False)
            return True
        except (OSError, ValueError):
            return False

    def put_passages(self, article: Article) -> bool:
        """Keep the article's passages (False if they cannot be written)."""
        try:
            atomic_write_text(self._path(article.id, ".json"), _json(encode(article.passages)), durable=False)
            return True
        except (OSError, ValueError):
            return False

    def passages(self, article: DeferredArticle) -> tuple[Passage, ...]:
        """The article's passages from its file; read again from its Markdown (and the
        file written anew) when the file cannot be read or decoded."""
        path = self._path(article.id, ".json")
        try:
            return _PASSAGES(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, TypeError, RecursionError) as error:
            reason = f"{type(error).__name__}: {error}"[:200]
        article.forget_digest()  # its passages now come from elsewhere than the header says
        fresh = _from_markdown(article)
        if fresh is None:
            sys.stderr.write(f"jpbrief: the start-up cache of article {article.id!r} ({path}) "
                             f"cannot be used ({reason}), nor can {article.path} be read again: "
                             "it is shown without its text; the cache is rebuilt at the next start\n")
            (self.folder.parent / FILE_NAME).unlink(missing_ok=True)
            return ()
        sys.stderr.write(f"jpbrief: the start-up cache of article {article.id!r} ({path}) "
                         f"cannot be used ({reason}); read again from {article.path}\n")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, _json(encode(fresh)), durable=False)
        except (OSError, ValueError):
            pass  # read from the Markdown again next time: it is only a cache
        return fresh


def _json(data: Any) -> str:
    """JSON in ASCII: a path with a file name's undecodable bytes (lone surrogates, as
    Python reads them on Linux) is written as escapes and read back the same, where UTF-8
    could not hold it."""
    return json.dumps(data)


_PASSAGES = decoder(tuple[Passage, ...])
_HEADER = decoder(tuple[dict[str, int], int, tuple[str, ...], str])


def _from_markdown(article: Article) -> tuple[Passage, ...] | None:
    """The article's passages parsed from its file again, if it still has that id."""
    from jpbrief.core.content.article import load_article
    from jpbrief.core.content.problems import Reporter

    try:
        draft = load_article(Path(article.path), Reporter())
    except Exception:  # as the loader: one broken file never stops the reader
        return None
    return draft.article.passages if draft is not None and draft.article.id == article.id else None


def _encode_article(article: Article) -> dict[str, Any]:
    fields = encode(replace(article, passages=()))
    del fields["passages"]
    head = header(article)
    return {"fields": fields, "header": [head["themes"], head["total"], head["sources"], head["digest"]]}


def _decode_article(data: Any, store: RenderedStore) -> DeferredArticle:
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise ValueError("an article's header: expected an object")
    fields = decode(Article, {**data["fields"], "passages": []})
    themes, total, sources, digest = _HEADER(data.get("header"))
    if not DIGEST.fullmatch(digest):  # hashed into the search fingerprint as ASCII
        raise ValueError("an article's header: its digest is not a SHA-256 in hex")
    return DeferredArticle.from_header(fields, themes=themes, total=total, sources=frozenset(sources),
                                       digest=digest, load=store.passages)


def load(
    content_dir: Path, cache_root: Path, stamp: str | None = None
) -> tuple[Library, RenderedStore] | None:
    """The cached library and its rendered articles, if the cache matches the content
    (``stamp``: its fingerprint, if already taken)."""
    try:
        data = json.loads((cache_root / FILE_NAME).read_text(encoding="utf-8"))
        if data.get("fingerprint") != (stamp if stamp is not None else fingerprint(content_dir)):
            return None
        folder = data["html"]
        if not isinstance(folder, str) or not HTML_DIR.fullmatch(folder):
            return None
        store = RenderedStore(cache_root / folder)
        library = decode(Library, data["library"])
        articles = data["articles"]
        if library.articles or not isinstance(articles, list):
            return None
        library.articles = tuple(_decode_article(article, store) for article in articles)
        return library, store
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return None


def save(content_dir: Path, cache_root: Path, library: Library, *,
         stamp: str | None = None, prune: bool = True) -> RenderedStore | None:
    """Write the cache: each article's passages, then ``library.json`` atomically; the store
    the reader adds its renderings to, or None (and no cache) if that is not possible.

    ``stamp``: the content's fingerprint taken *before* ``library`` was loaded. Taken now,
    after the load, a file edited in between would be cached as its older version under
    the newer fingerprint, and served stale until the next edit. ``prune``: remove the
    earlier generations (False while a library read from one may still be in use).
    """
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        stamp = stamp if stamp is not None else fingerprint(content_dir)
        folder = f"html-{os.urandom(8).hex()}"
        store = RenderedStore(cache_root / folder)
        store.folder.mkdir()
    except OSError:
        return None
    try:
        written = all(store.put_passages(article) for article in library.articles)
        if written:
            payload = {"fingerprint": stamp, "library": encode(replace(library, articles=())),
                       "articles": [_encode_article(article) for article in library.articles],
                       "html": folder}
            # A cache: a power cut only costs one normal load, so it is not fsynced.
            atomic_write_text(cache_root / FILE_NAME, _json(payload), durable=False)
    except (OSError, ValueError):
        written = False
    if not written:  # a generation half written helps no one
        shutil.rmtree(store.folder, ignore_errors=True)
        return None
    if prune:
        _remove_generations(cache_root, keep=folder)
    return store


def _remove_generations(cache_root: Path, keep: str) -> None:
    """Remove the generations in ``cache_root`` but ``keep`` (another reader's too: its
    articles are then read again from their Markdown)."""
    try:
        generations = [old for old in cache_root.iterdir()
                       if old.name != keep and HTML_DIR.fullmatch(old.name)]
    except OSError:
        generations = []
    for old in generations:
        shutil.rmtree(old, ignore_errors=True)


def parse_and_cache(content_dir: Path, cache_root: Path, stamp: str, parse: Callable[[], Library],
                    *, prune: bool = True, collect: bool = True) -> tuple[Library, RenderedStore | None]:
    """A start without a usable cache: the library ``parse`` reads, written to the cache
    (under ``stamp``, taken before parsing: see :func:`save`) and read back from it, as
    the next start will. The parsed library is dropped first, with the reference cycles
    the parse left (:func:`jpbrief.core.memory.collect_and_give_back`), so the session
    holds what a start from the cache holds, not the parse's scattered heap: at 1,000
    articles the parse peaks near 110 MB, and the objects the reader keeps, made during
    it, pinned most of that heap for the whole session (``benchmarks/scale_bench.py``).

    The parsed library and no store when the cache cannot be written (whatever the fault:
    a cache never stops the reader); parsed again should the file just written not read
    back. ``prune``: as for :func:`save`. ``collect``: False in a worker thread, where the
    cyclic collector must not be run: a full collection there frees whatever cycles the
    whole process left, Qt wrappers of the window's thread included (the reader's pack tests
    crashed with a segmentation fault, 1 run in 6, while a worker ran one); the free pages
    are then only handed back, and the window's thread collects once it has the library."""
    from jpbrief.core.memory import collect_and_give_back, give_back

    library = parse()
    try:
        store = save(content_dir, cache_root, library, stamp=stamp, prune=prune)
    except Exception as error:  # a fault of ours: said, and the reader starts without a cache
        sys.stderr.write(f"jpbrief: the start-up cache could not be written in {cache_root} "
                         f"({type(error).__name__}: {error}); the library is read without it\n")
        store = None
    if store is None:
        return library, None
    del library
    if collect:
        collect_and_give_back()
    else:
        give_back()
    cached = load(content_dir, cache_root, stamp)
    return cached if cached is not None else (parse(), None)


def startup_root(packs_root: Path) -> Path:
    """The start-up cache's folder for the content packs installed now, one per state of
    them (they lie outside the content folder its fingerprint covers)."""
    from jpbrief.core.packs import state_key

    return paths.cache_dir() / "startup" / state_key(packs_root)


def reread(content_dir: Path, packs_root: Path) -> Library:
    """The library read again in a session (a save, F5, a content pack installed or gone),
    as a start without a usable cache reads it: parsed with the packs, written to the
    cache, read back (:func:`parse_and_cache`). Kept as parsed, each reload left the parse's
    heap behind: at 1,000 articles the reader went from 89 MB to 183 MB after one, 265 MB
    after two; 147 and 153 MB this way (``benchmarks/reload_rss_bench.py``). The next
    start finds this cache. Earlier generations stay until the reader
    quits (:func:`prune`): the library being replaced may still read passages from one
    (an article kept at its last good version, a search index update under way)."""
    from jpbrief.core.packs.merge import load_merged

    root = startup_root(packs_root)
    stamp = fingerprint(content_dir)  # before parsing: see save
    library, _store = parse_and_cache(content_dir, root, stamp, lambda: load_merged(content_dir, packs_root),
                                      prune=False, collect=False)  # in a worker: the window collects
    return library


def prune(packs_root: Path) -> None:
    """Remove the start-up caches no start will read, when the reader quits: in the folder
    of the packs installed now, each generation its ``library.json`` does not name; the
    folders of earlier pack states (each install is a new state for good)."""
    root = startup_root(packs_root)
    try:
        named = json.loads((root / FILE_NAME).read_text(encoding="utf-8"))["html"]
    except (OSError, ValueError, KeyError, TypeError):
        named = None  # nothing certain to keep: leave the folder as it is
    if isinstance(named, str) and HTML_DIR.fullmatch(named):
        _remove_generations(root, keep=named)
    base = paths.cache_dir() / "startup"
    try:
        states = [folder for folder in base.iterdir() if STATE_DIR.fullmatch(folder.name) and folder != root]
    except OSError:
        states = []
    for folder in states:
        shutil.rmtree(folder, ignore_errors=True)


def with_css(html: str, css: str) -> str:
    """Put a style sheet into HTML rendered without one."""
    return html.replace("<head></head>", f"<head><style>{css}</style></head>", 1) if css else html
