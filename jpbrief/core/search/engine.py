"""The passage index: schema, build, open, freshness and ranked search.

:class:`SearchIndex` is what the UI (from a worker thread) and the CLI use. Everything it
needs is passed to its constructor; it keeps one open searcher and is safe to call from
several threads (calls are serialised).

Ranking. Each query word (or glossary phrase, quoted phrase, ``a OR b`` group, prefix)
is a *clause*. Passages are ranked in tiers, best first:

1. every clause matched by the words as typed;
2. every clause matched, some only through the glossary (acronym, expansion, synonym);
3. all clauses but one, then all but two, … down to one clause.

Within a tier passages are ordered by BM25F (see :mod:`.ranking`) over the passage text,
its section heading (boosted), the article title (boosted; indexed with the article's
first passage only, so a title word finds the article without making every passage of
it a match) and the citations of the sources it cites (weighted down); glossary
alternatives are weighted down too. The total is the number of passages matching at
least one clause.

Phrases are matched through a ``pairs`` field of adjacent word pairs (see
``SearchIndex._phrase_docs``), prefixes through the vocabulary saved with the index
(:mod:`.vocabulary`), which also gives "did you mean" suggestions.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import threading
import time
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from whoosh import scoring
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.query import And, NullQuery, Or, Phrase, Query, Term

from jpbrief.core import content_files
from jpbrief.core.model import Glossary, Library
from jpbrief.core.search import querylang, ranking, safe_pickle, seal, snippets, store
from jpbrief.core.search.analysis import PassageTokenizer, Tok, analyse, fold, word_parts
from jpbrief.core.search.querylang import Atom, Group, ParsedQuery, Word
from jpbrief.core.search.querylang import Phrase as PhraseAtom
from jpbrief.core.search.results import Hit, IndexInfo, SearchResult
from jpbrief.core.search.store import IndexBusy
from jpbrief.core.search.vocabulary import Vocabulary, VocabularyBuilder

log = logging.getLogger(__name__)
safe_pickle.install()  # Whoosh's pickle reading admits only what an index holds

SCHEMA_VERSION = "7"
"""Part of the fingerprint: bump when analysis or schema change."""

FIELD_WEIGHTS = {"text": 1.0, "section": 1.6, "title": 1.3, "cites": 0.4}
GLOSSARY_WEIGHT = 0.35
PREFIX_EXPANSIONS = 48
"""A ``prefix*`` searches its most frequent completions, at most this many."""
PREFIX_RANK_TERMS = 6
PREFIX_RANK_FIELDS = ("text", "section", "title")
"""A prefix's passages are ranked by BM25F of its most frequent completions only."""
PHRASE_CHECK_MAX = 200
"""Phrases of 3+ words are position-checked when at most this many passages hold all
their word pairs (see ``SearchIndex._phrase_docs``)."""
MAX_LIMIT = 1000
VOCABULARY_FILE = "vocabulary.json"
LENGTHS_FILE = "lengths.bin"
SCORED_FIELDS = ["text", "section", "title", "cites"]


def build_schema() -> Schema:
    """One document per passage."""
    analyzer = PassageTokenizer()
    return Schema(
        docid=ID(stored=True, unique=True),
        article=ID(stored=True),
        anchor=STORED(),
        kind=STORED(),
        themes=KEYWORD(stored=True, scorable=True),
        article_title=STORED(),
        # No word positions: phrases use ``pairs``, so postings stay small and fast
        title=TEXT(analyzer=analyzer, phrase=False),
        section=TEXT(analyzer=analyzer, stored=True, phrase=False),
        text=TEXT(analyzer=analyzer, stored=True, phrase=False),
        cites=TEXT(analyzer=analyzer, stored=True, phrase=False),
        # adjacent word pairs of every field, as "t|economic+security": a two-word
        # phrase is one look-up, a longer one the passages holding all its pairs
        pairs=KEYWORD(lowercase=False, commas=False, scorable=True),
    )


PAIR_FIELD_CODES = {"text": "t", "section": "s", "title": "h", "cites": "c"}
STORED_AS = {"title": "article_title"}
"""Where a searched field's text is stored, when not under its own name."""


def pair_terms(field_name: str, terms: Sequence[str]) -> list[str]:
    """The ``pairs`` terms of consecutive ``terms`` (phrase form) of a field."""
    code = PAIR_FIELD_CODES[field_name]
    return [f"{code}|{a}+{b}" for a, b in itertools.pairwise(terms)]


def app_version() -> str:
    try:
        from jpbrief import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover - only in odd installs
        from importlib import metadata

        try:
            return metadata.version("jpbrief")
        except metadata.PackageNotFoundError:
            return "0"


def whoosh_version() -> str:
    import whoosh

    return str(whoosh.versionstring())


def fingerprint(library: Library, content_dir: Path | None) -> str:
    """Hash of the content plus the app, Whoosh, Python and schema versions.

    With a content folder, exactly the files the loader reads are hashed (see
    :mod:`jpbrief.core.content_files`): each one's path, link target, size and mtime,
    and the bytes the loader reads of it (at most its cap), so an edit that keeps size
    and mtime still counts; nothing else in the folder is opened. Without one (tests,
    in-memory libraries) the loaded library itself is hashed.
    """
    digest = hashlib.sha256()
    for part in (SCHEMA_VERSION, app_version(), whoosh_version(), store.python_version()):
        digest.update(part.encode("utf-8") + b"\0")
    if content_dir is not None and content_dir.is_dir():
        try:
            listing = content_files.list_content(content_dir)
            for line in content_files.stat_lines(listing):
                digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
            for path in listing.files():
                data = content_files.read_capped(path)
                digest.update(b"-\0" if data is None else f"{len(data)}\0".encode() + data)
            return digest.hexdigest()
        except OSError as error:
            log.warning("hashing %s failed (%s); hashing the loaded library", content_dir, error)
    library_state = (
        library.articles,
        sorted(library.sources.items()),
        sorted(library.themes.items()),
        library.glossary,
    )
    digest.update(repr(library_state).encode("utf-8"))
    return digest.hexdigest()


def default_index_root() -> Path:
    """``<cache dir>/search-index`` (``$JPBRIEF_CACHE_DIR`` overrides the cache dir)."""
    from jpbrief.core import paths

    return paths.cache_dir() / "search-index"


# --- glossary ---------------------------------------------------------------------


class GlossaryExpander:
    """Finds glossary phrases in a query and gives their equivalents.

    Phrases are compared in analysed form, so "Self-Defence Forces", "self defense
    forces" and "Self-Defense Forces" are the same entry.
    """

    def __init__(self, glossary: Glossary) -> None:
        # One group per meaning: NSS finds both expansions, each expansion only NSS.
        groups: list[list[str]] = [[a.term, e] for a in glossary.acronyms for e in a.expansions]
        groups += [list(group) for group in glossary.synonyms]
        self._equivalents: dict[tuple[str, ...], dict[str, None]] = {}
        self.max_words = 1
        self.phrases: list[str] = []
        for group in groups:
            keyed = [(tuple(word_parts(member)), member) for member in group]
            for key, member in keyed:
                if not key:
                    continue
                self.phrases.append(member)
                self.max_words = max(self.max_words, len(member.split()))
                bucket = self._equivalents.setdefault(key, {})
                for other_key, other in keyed:
                    if other_key and other_key != key:
                        bucket.setdefault(other, None)

    def equivalents(self, key: tuple[str, ...]) -> list[str]:
        return list(self._equivalents.get(key, {}))

    def spans(self, words: list[str]) -> list[tuple[int, int, list[str]]]:
        """Greedy longest glossary matches over consecutive ``words``."""
        parts = [tuple(word_parts(word)) for word in words]
        found: list[tuple[int, int, list[str]]] = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + self.max_words), i, -1):
                key = tuple(term for chunk in parts[i:j] for term in chunk)
                if key and parts[i] and key in self._equivalents:
                    found.append((i, j, self.equivalents(key)))
                    i = j
                    break
            else:
                i += 1
        return found


# --- compiled queries -------------------------------------------------------------


@dataclass
class Clause:
    """One unit of the "all words, then most words" ranking.

    ``exact`` and ``expanded`` decide which passages match; ``rank_by`` (when set) is a
    cheaper query used only to score passages already known to match (a prefix scores
    by its most frequent completions).
    """

    label: str
    exact: Query
    expanded: Query | None = None
    rank_by: Query | None = None

    @property
    def matching(self) -> Query:
        """Everything this clause matches: as typed, or through the glossary."""
        return self.exact if self.expanded is None else Or([self.exact, self.expanded])

    def scoring(self) -> list[ranking.Leaf]:
        """The terms that score this clause, with their boosts."""
        found = ranking.leaves(self.rank_by or self.exact)
        if self.expanded is not None:
            found += ranking.leaves(self.expanded)
        return found


@dataclass
class Plan:
    """A parsed query turned into Whoosh queries, plus what to mark in snippets."""

    clauses: list[Clause] = field(default_factory=list)
    exclude: list[Query] = field(default_factory=list)
    filters: list[Query] = field(default_factory=list)
    highlight: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    unknown_filters: list[str] = field(default_factory=list)


def _across_fields(make: Callable[[str, float], Query], fields: Iterable[str] = ()) -> Query:
    names = list(fields) or list(FIELD_WEIGHTS)
    return Or([make(name, FIELD_WEIGHTS[name]) for name in names])


def _term_query(term: str) -> Query:
    return _across_fields(lambda name, weight: Term(name, term, boost=weight))


def _phrase_query(terms: list[str]) -> Query:
    if len(terms) == 1:
        return _term_query(terms[0])
    return _across_fields(lambda name, weight: Phrase(name, list(terms), boost=weight))


def _word_groups(tokens: Sequence[Tok]) -> list[list[Tok]]:
    """Split a word's tokens into words: a compound (whole + parts) or a single token."""
    groups: list[list[Tok]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.whole:
            groups.append(list(tokens[i : i + 1 + tok.parts]))
            i += 1 + tok.parts
        else:
            groups.append([tok])
            i += 1
    return groups


def _text_query(text: str, highlight: set[str]) -> Query | None:
    """Query for a typed word (or words) as written: compounds whole or as parts."""
    tokens = analyse(text)
    queries: list[Query] = []
    for group in _word_groups(tokens):
        highlight.update(tok.term for tok in group)
        if len(group) == 1:
            queries.append(_term_query(group[0].term))
        else:
            whole, parts = group[0], [tok.term for tok in group[1:]]
            alternatives = [_term_query(whole.term)]
            if parts:
                alternatives.append(_phrase_query(parts))
            queries.append(Or(alternatives))
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else And(queries)


def _with_boost(q: Query, boost: float) -> Query:
    return q.with_boost(q.boost * boost) if hasattr(q, "with_boost") else q


# --- the index --------------------------------------------------------------------


class _ReadStorage(FileStorage):
    """A FileStorage that can close what Whoosh opened while ``opening`` is a list, for
    when opening the index failed (Whoosh leaves the TOC open when reading it raises)."""

    opening: list[Any] | None = None

    def open_file(self, name: str, *args: Any, **kwargs: Any) -> Any:
        handle = super().open_file(name, *args, **kwargs)
        if self.opening is not None:
            self.opening.append(handle)
        return handle

    def close_files(self) -> None:
        handles, self.opening = self.opening or [], None
        for handle in handles:
            try:
                handle.close()
            except Exception:  # already closed, or broken: nothing more to do
                log.debug("closing %r failed", handle, exc_info=True)


class SearchIndex:
    """A fresh, self-repairing Whoosh index of a library's passages.

    ``content_dir`` (may be None) is hashed for the fingerprint; ``index_root`` holds
    the index (see :mod:`jpbrief.core.search.store`); if it cannot be written, the
    index is built in memory instead. ``lock_timeout`` is how long a build waits for
    another process's build before raising :class:`IndexBusy`. ``progress(done, total)``
    is called while building. ``key_dir`` (the user data folder) holds the key that seals
    and checks each index (see :mod:`.seal`); without one, ``verify`` checks every index
    file's checksum on open. Either way no pickle in the index can run code (see
    :mod:`.safe_pickle`) and the schema is never read from the index.
    """

    def __init__(
        self,
        library: Library,
        content_dir: Path | None,
        index_root: Path,
        *,
        lock_timeout: float = 30.0,
        progress: Callable[[int, int], None] | None = None,
        verify: bool = True,
        key_dir: Path | None = None,
    ) -> None:
        self.library = library
        self.content_dir = content_dir
        self.index_root = Path(index_root)
        self.lock_timeout = lock_timeout
        self.progress = progress
        self.verify = verify
        self.key_dir = key_dir
        self._key: bytes | None = None
        self._lock = threading.RLock()
        self._fingerprint: str | None = None
        self._index: Any = None
        self._searcher: Any = None
        self._vocabulary: Vocabulary | None = None
        self._info: IndexInfo | None = None
        self._glossary: GlossaryExpander | None = None
        self._postings: ranking.Postings | None = None
        self._known_themes = set(library.themes) | {
            theme for _a, passage in library.iter_passages() for theme in passage.themes
        }
        self._known_articles = {article.id for article in library.articles}

    # --- lifecycle --------------------------------------------------------------

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def info(self) -> IndexInfo | None:
        """What :meth:`ensure` last opened or built, or None before that."""
        return self._info

    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = fingerprint(self.library, self.content_dir)
        return self._fingerprint

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._searcher is not None:
            try:
                self._searcher.close()
            except Exception:  # closing a broken index must not fail
                log.debug("closing the searcher failed", exc_info=True)
        if self._index is not None:
            try:
                self._index.close()
            except Exception:
                log.debug("closing the index failed", exc_info=True)
        self._searcher = self._index = self._vocabulary = self._postings = None
        self._info = None

    def ensure(self, *, rebuild: bool = False) -> IndexInfo:
        """Open the index, building it first if it is missing, stale or damaged.

        Opening takes no lock. Building waits up to ``lock_timeout`` for another
        process's build and then raises :class:`IndexBusy`. ``rebuild`` forces a build.
        """
        with self._lock:
            if self._searcher is not None and not rebuild and self._info is not None:
                return self._info
            self._close()
            fp = self.fingerprint()
            root = self.index_root
            if not rebuild:
                info = self._open_published(root, fp)
                if info is not None:
                    return info
            if not store.writable_dir(root):
                log.warning("%s is not writable; building the search index in memory", root)
                return self._build_in_memory(fp)
            with store.BuildLock(root) as lock:
                lock.acquire(self.lock_timeout)
                if not rebuild:
                    info = self._open_published(root, fp)  # built while we waited
                    if info is not None:
                        return info
                store.collect_garbage(root, keep=None)  # what dead writers left
                temp = store.new_temp_dir(root)
                try:
                    documents, seconds, _lengths = self._build(FileStorage(str(temp)), temp)
                    self._write_manifest(temp, fp, documents, seconds, self._seal_key())
                    final = store.publish(root, temp, fp)
                except BaseException:
                    store.remove_tree(temp)
                    raise
                store.collect_garbage(root, keep=final)
            info = self._open_dir(final, fp, deep=False, built=True)
            if info is None:
                raise RuntimeError(f"the index just built in {final} cannot be opened")
            return info

    def _open_published(self, root: Path, fp: str) -> IndexInfo | None:
        directory = store.current_dir(root, fp)
        if directory is None:
            return None
        return self._open_dir(directory, fp, deep=self.verify, built=False)

    def _open_dir(self, directory: Path, fp: str, *, deep: bool, built: bool) -> IndexInfo | None:
        started = time.perf_counter()
        manifest = store.read_json(directory / store.MANIFEST)
        if manifest is None or manifest.get("fingerprint") != fp:
            log.info("index %s has no valid manifest; rebuilding", directory)
            return None
        key = None if built else self._seal_key()
        if key is not None:
            problem = seal.check(directory, manifest, key)
            if problem:
                log.warning("index %s failed its seal check: %s; rebuilding", directory, problem)
                return None
        problem = store.verify(directory, manifest, deep=deep and key is None)
        if problem:
            log.warning("index %s is damaged (%s); rebuilding", directory, problem)
            return None
        storage = _ReadStorage(str(directory), readonly=True)
        storage.opening = []
        try:
            safe_pickle.install()
            index = storage.open_index(schema=build_schema())
            searcher = index.searcher(weighting=scoring.BM25F())
            vocabulary = Vocabulary.load(directory / VOCABULARY_FILE)
            documents = searcher.doc_count_all()
            if documents != manifest.get("documents"):
                raise ValueError(f"{documents} documents, manifest says {manifest['documents']}")
            lengths = ranking.field_lengths_from_bytes(
                (directory / LENGTHS_FILE).read_bytes(), SCORED_FIELDS, documents
            )
            postings = ranking.Postings(searcher.reader(), lengths)
            if documents:
                searcher.stored_fields(0)  # opens the stored-fields file now, not on a query
        except Exception as error:  # any damage means "rebuild"
            storage.close_files()
            log.warning("index %s cannot be opened (%r); rebuilding", directory, error)
            return None
        storage.opening = None  # opened: the index owns its files now
        self._index, self._searcher, self._vocabulary = index, searcher, vocabulary
        self._postings = postings
        build_seconds = manifest.get("build_seconds")
        self._info = IndexInfo(
            path=directory,
            documents=documents,
            fingerprint=fp,
            built=built,
            build_seconds=float(build_seconds) if build_seconds is not None else None,
            open_seconds=time.perf_counter() - started,
        )
        return self._info

    def _build_in_memory(self, fp: str) -> IndexInfo:
        started = time.perf_counter()
        storage = RamStorage()
        documents, seconds, lengths = self._build(storage, None)
        self._index = storage.open_index(schema=build_schema())
        self._searcher = self._index.searcher(weighting=scoring.BM25F())
        self._postings = ranking.Postings(self._searcher.reader(), lengths)
        self._info = IndexInfo(
            path=None,
            documents=documents,
            fingerprint=fp,
            built=True,
            build_seconds=seconds,
            open_seconds=time.perf_counter() - started - seconds,
            in_memory=True,
        )
        return self._info

    def _build(
        self, storage: Any, directory: Path | None
    ) -> tuple[int, float, dict[str, array[int]]]:
        started = time.perf_counter()
        index = storage.create_index(build_schema())
        writer = index.writer(limitmb=256)
        vocabulary = VocabularyBuilder()
        for phrase in self._glossary_expander().phrases:
            vocabulary.add_known(analyse(phrase))
        sources = self.library.sources
        total = self.library.passage_count
        documents = 0
        lengths: dict[str, array[int]] = {name: array("I") for name in SCORED_FIELDS}
        try:
            for article, passage in self.library.iter_passages():
                title = article.title if passage is article.passages[0] else ""
                cites = " ".join(
                    dict.fromkeys(
                        sources[footnote.source_id].citation
                        for footnote in passage.footnotes
                        if footnote.source_id in sources
                    )
                )
                section = passage.section or ""
                values = {"text": passage.text, "section": section, "title": title}
                values["cites"] = cites
                analysed = {name: analyse(value) for name, value in values.items()}
                vocabulary.add_passage(tok for tokens in analysed.values() for tok in tokens)
                for name in SCORED_FIELDS:
                    lengths[name].append(len(analysed[name]))
                writer.add_document(
                    docid=f"{article.id}#{passage.anchor}",
                    article=article.id,
                    anchor=passage.anchor,
                    kind=passage.kind,
                    themes=" ".join(passage.themes),
                    article_title=article.title,
                    title=title,
                    section=section,
                    text=passage.text,
                    cites=cites,
                    pairs=" ".join(
                        pair
                        for name in SCORED_FIELDS
                        for pair in pair_terms(
                            name, [tok.term for tok in analysed[name] if not tok.whole]
                        )
                    ),
                )
                documents += 1
                if self.progress is not None and (documents % 200 == 0 or documents == 1):
                    self.progress(documents, total)
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            raise
        finally:
            index.close()
        built = vocabulary.build()
        if directory is not None:
            built.save(directory / VOCABULARY_FILE)
            (directory / LENGTHS_FILE).write_bytes(
                ranking.field_lengths_to_bytes(lengths, SCORED_FIELDS)
            )
        self._vocabulary = built
        if self.progress is not None:
            self.progress(documents, total)
        return documents, time.perf_counter() - started, lengths

    def _seal_key(self) -> bytes | None:
        if self._key is None and self.key_dir is not None:
            self._key = seal.load_key(self.key_dir)
        return self._key

    @staticmethod
    def _write_manifest(
        directory: Path, fp: str, documents: int, seconds: float, key: bytes | None
    ) -> None:
        manifest: dict[str, Any] = {
            "fingerprint": fp,
            "documents": documents,
            "build_seconds": round(seconds, 3),
            "built_at": time.time(),
            "pid": os.getpid(),
            "files": store.file_checksums(directory),
        }
        if key is not None:
            manifest[seal.SEAL] = seal.sign(directory, manifest, key)
        store.write_json_atomic(directory / store.MANIFEST, manifest, durable=False)

    def _glossary_expander(self) -> GlossaryExpander:
        if self._glossary is None:
            self._glossary = GlossaryExpander(self.library.glossary)
        return self._glossary

    # --- searching ----------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        theme: str | None = None,
        article: str | None = None,
        limit: int = 20,
        as_you_type: bool = False,
    ) -> SearchResult:
        """Ranked passages for ``query``. Never raises: problems become ``message``.

        ``theme``/``article`` restrict like ``theme:ID``/``article:ID`` in the query.
        ``as_you_type`` reads a last word not yet followed by a space as a prefix.
        """
        try:
            return self._search_guarded(query, theme, article, limit, as_you_type)
        except Exception as error:  # the contract is "never raises"
            log.exception("search for %r failed", query)
            return SearchResult(query=str(query), message=f"Search failed: {error}")

    def _search_guarded(
        self, query: str, theme: str | None, article: str | None, limit: int, as_you_type: bool
    ) -> SearchResult:
        query = query if isinstance(query, str) else str(query)
        limit = max(0, min(int(limit), MAX_LIMIT))
        with self._lock:
            # A failure may mean damaged files: reopen (checking them) and retry, then
            # rebuild and retry; a third failure becomes the result's message.
            for attempt in ("open", "reopen", "rebuild"):
                try:
                    if attempt != "open":
                        self._close()
                    self.ensure(rebuild=attempt == "rebuild")
                except IndexBusy as busy:
                    return SearchResult(query=query, message=str(busy), busy=True)
                try:
                    return self._search(query, theme, article, limit, as_you_type)
                except Exception:
                    if attempt == "rebuild":
                        raise
                    log.warning("search failed (%s); retrying", attempt, exc_info=True)
            raise AssertionError("unreachable")

    def _search(
        self, query: str, theme: str | None, article: str | None, limit: int, as_you_type: bool
    ) -> SearchResult:
        parsed = querylang.parse(query, as_you_type=as_you_type)
        if theme:
            parsed.themes.append(theme)
        if article:
            parsed.articles.append(article)
        plan = self._compile(parsed)
        notes = list(parsed.notes) + plan.notes
        if plan.unknown_filters:
            return SearchResult(query=query, message=" ".join(plan.unknown_filters + notes))
        if not plan.clauses and not plan.filters:
            if parsed.exclude:
                message = "Add a word to look for: a search cannot consist only of exclusions."
            elif parsed.include:
                message = "Those words are too common to search for; add a more specific word."
            else:
                message = "Type a word to search for."
            return SearchResult(query=query, message=" ".join([message, *notes]))

        ranked, total = self._rank(plan, limit)
        hits = [self._hit(docnum, score, plan) for docnum, score in ranked]
        suggestions = self._suggest(query, parsed)
        if total == 0:
            notes.insert(0, "No passages match.")
        return SearchResult(
            hits=hits,
            total=total,
            suggestions=suggestions,
            message=" ".join(notes) or None,
            query=query,
        )

    # --- compiling ------------------------------------------------------------------

    def _compile(self, parsed: ParsedQuery) -> Plan:
        plan = Plan()
        for theme in dict.fromkeys(parsed.themes):
            if theme not in self._known_themes:
                plan.unknown_filters.append(f"There is no theme “{theme}”.")
        for article in dict.fromkeys(parsed.articles):
            if article not in self._known_articles:
                plan.unknown_filters.append(f"There is no article “{article}”.")
        themes = list(dict.fromkeys(parsed.themes))
        articles = list(dict.fromkeys(parsed.articles))
        if themes:
            plan.filters.append(And([Term("themes", theme) for theme in themes]))
        if articles:
            plan.filters.append(Or([Term("article", article) for article in articles]))

        # Consecutive plain words may form a glossary phrase ("prime minister").
        run: list[Word] = []

        def flush() -> None:
            if run:
                plan.clauses.extend(self._word_run_clauses(list(run), plan))
                run.clear()

        for atom in parsed.include:
            if isinstance(atom, Word) and not atom.prefix:
                run.append(atom)
                continue
            flush()
            clause = self._atom_clause(atom, plan, glossary=True)
            if clause is not None:
                plan.clauses.append(clause)
        flush()
        for atom in parsed.exclude:
            clause = self._atom_clause(atom, plan, glossary=False, highlight=False)
            if clause is not None:
                plan.exclude.append(clause.exact)
        return plan

    def _word_run_clauses(self, words: list[Word], plan: Plan) -> list[Clause]:
        texts = [word.text for word in words]
        spans = {
            start: (end, equivalents)
            for start, end, equivalents in self._glossary_expander().spans(texts)
        }
        clauses: list[Clause] = []
        i = 0
        while i < len(words):
            if i in spans:
                end, equivalents = spans[i]
                exacts = [q for q in (_text_query(t, plan.highlight) for t in texts[i:end]) if q]
                if exacts:
                    exact = exacts[0] if len(exacts) == 1 else And(exacts)
                    clauses.append(
                        Clause(" ".join(texts[i:end]), exact, self._expansion(equivalents, plan))
                    )
                i = end
                continue
            clause = self._atom_clause(words[i], plan, glossary=False)
            if clause is not None:
                clauses.append(clause)
            i += 1
        return clauses

    def _expansion(self, equivalents: list[str], plan: Plan) -> Query | None:
        alternatives: list[Query] = []
        for phrase in equivalents:
            if len(phrase.split()) == 1:
                q = _text_query(phrase, plan.highlight)
            else:
                terms = word_parts(phrase)
                plan.phrases.add(tuple(terms))
                q = _phrase_query(terms) if terms else None
            if q is not None:
                alternatives.append(q)
        if not alternatives:
            return None
        combined = alternatives[0] if len(alternatives) == 1 else Or(alternatives)
        return _with_boost(combined, GLOSSARY_WEIGHT)

    def _atom_clause(
        self, atom: Atom, plan: Plan, *, glossary: bool, highlight: bool = True
    ) -> Clause | None:
        marks: set[str] = plan.highlight if highlight else set()
        if isinstance(atom, PhraseAtom):
            terms = word_parts(atom.text)
            if highlight:
                plan.phrases.add(tuple(terms))
            if not terms:
                return None
            return Clause(f'"{atom.text}"', _phrase_query(terms))
        if isinstance(atom, Word):
            if atom.prefix:
                return self._prefix_clause(atom.text, plan, marks, glossary=glossary)
            exact = _text_query(atom.text, marks)
            if exact is None:
                return None
            expanded = None
            if glossary:
                key = tuple(word_parts(atom.text))
                equivalents = self._glossary_expander().equivalents(key)
                if equivalents:
                    expanded = self._expansion(equivalents, plan)
            return Clause(atom.text, exact, expanded)
        # a Group: OR / AND of atoms
        subclauses = [
            self._atom_clause(item, plan, glossary=glossary, highlight=highlight)
            for item in atom.items
        ]
        present = [c for c in subclauses if c is not None]
        if not present:
            return None
        joiner = Or if atom.op == "or" else And
        exact = joiner([c.exact for c in present])
        if all(c.expanded is None for c in present):
            return Clause(atom.op, exact)
        return Clause(atom.op, exact, joiner([c.matching for c in present]))

    def _prefix_clause(
        self, text: str, plan: Plan, marks: set[str], *, glossary: bool
    ) -> Clause | None:
        """Words starting with ``text``; the word itself (if it is one) ranks first and
        keeps its glossary equivalents, so a word still being typed loses nothing."""
        assert self._vocabulary is not None
        stem = "".join(tok.key for tok in analyse(text, stem=False) if not tok.whole)
        if not stem:
            stem = fold(text).strip()
        if not stem:
            return None
        terms, capped = self._vocabulary.expand_prefix(stem, PREFIX_EXPANSIONS)
        if capped:
            plan.notes.append(
                f"Many words start with “{text}”; the {PREFIX_EXPANSIONS} most common were used."
            )
        own = [tok.term for tok in analyse(text) if not tok.whole]
        if len(own) == 1 and own[0] in terms:
            terms.remove(own[0])
            terms.insert(0, own[0])
        expanded = None
        if glossary:
            equivalents = self._glossary_expander().equivalents(tuple(word_parts(text)))
            expanded = self._expansion(equivalents, plan) if equivalents else None
        marks.update(terms)
        if not terms:
            return Clause(f"{text}*", NullQuery, expanded)
        rank_by = Or(
            [
                Or([Term(name, term, boost=FIELD_WEIGHTS[name]) for name in PREFIX_RANK_FIELDS])
                for term in terms[:PREFIX_RANK_TERMS]
            ]
        )
        exact = Or([_term_query(term) for term in terms])
        return Clause(f"{text}*", exact, expanded, rank_by=rank_by)

    # --- ranking --------------------------------------------------------------------

    def _docs(self, q: Query) -> Collection[int]:
        """Document numbers matching ``q``, unscored (term postings are cached)."""
        assert self._postings is not None
        if q is NullQuery:
            return frozenset()
        if isinstance(q, Term):
            return self._postings.docs(q.fieldname, q.text)
        if isinstance(q, Or):
            result: set[int] = set()
            for sub in q.subqueries:
                result.update(self._docs(sub))
            return result
        if isinstance(q, And):
            sets = sorted((self._docs(sub) for sub in q.subqueries), key=len)
            if not sets:
                return frozenset()
            acc = set(sets[0])
            for other in sets[1:]:
                acc.intersection_update(other)
                if not acc:
                    break
            return acc
        if isinstance(q, Phrase):
            return self._phrase_docs(q)
        return frozenset(self._searcher.docs_for_query(q))

    def _phrase_docs(self, q: Phrase) -> Collection[int]:
        """Passages holding the phrase, from the ``pairs`` field.

        A two-word phrase is exactly one pair. A longer phrase needs all its adjacent
        pairs, and then its words in order in the passage's stored text, checked when
        at most :data:`PHRASE_CHECK_MAX` passages qualify. Beyond that (only in very
        large libraries) holding every adjacent pair counts as holding the phrase: a
        passage with "self defense" and "defense forces" but not "self defense forces"
        is rare, and checking costs about half a millisecond a passage.
        """
        if q.fieldname not in PAIR_FIELD_CODES or len(q.words) < 2:
            return frozenset()  # cannot happen: one-word phrases are terms
        candidates = self._docs(And([Term("pairs", t) for t in pair_terms(q.fieldname, q.words)]))
        if len(q.words) == 2 or not candidates or len(candidates) > PHRASE_CHECK_MAX:
            return candidates
        stored_name = STORED_AS.get(q.fieldname, q.fieldname)
        wanted = tuple(q.words)
        found: set[int] = set()
        for doc in candidates:
            value = self._searcher.stored_fields(doc).get(stored_name) or ""
            terms = [tok.term for tok in analyse(value) if not tok.whole]
            n = len(wanted)
            if any(tuple(terms[i : i + n]) == wanted for i in range(len(terms) - n + 1)):
                found.add(doc)
        return found

    def _rank(self, plan: Plan, limit: int) -> tuple[list[tuple[int, float]], int]:
        allowed: set[int] | None = None
        for flt in plan.filters:
            filtered = self._docs(flt)
            allowed = set(filtered) if allowed is None else allowed.intersection(filtered)
        masked: set[int] = set()
        for excluded in plan.exclude:
            masked.update(self._docs(excluded))

        def keep(docs: Iterable[int]) -> set[int]:
            out = set(docs) - masked
            return out & allowed if allowed is not None else out

        if not plan.clauses:  # filters only: passages in reading order
            in_order = sorted(keep(allowed or ()))
            return [(doc, 0.0) for doc in in_order[:limit]], len(in_order)

        exact_sets = [keep(self._docs(clause.exact)) for clause in plan.clauses]
        clause_sets = [
            exact | keep(self._docs(clause.expanded)) if clause.expanded is not None else exact
            for clause, exact in zip(plan.clauses, exact_sets, strict=True)
        ]
        counts: Counter[int] = Counter()
        for clause_docs in clause_sets:
            counts.update(clause_docs)
        total = len(counts)
        k = len(plan.clauses)
        all_exact = set.intersection(*exact_sets) if exact_sets else set()
        tiers: list[set[int]] = [all_exact]
        if any(clause.expanded is not None for clause in plan.clauses):
            tiers.append({doc for doc, n in counts.items() if n == k} - all_exact)
        by_count: dict[int, set[int]] = {}
        for doc, n in counts.items():
            if n < k:
                by_count.setdefault(n, set()).add(doc)
        tiers.extend(by_count[n] for n in sorted(by_count, reverse=True))

        assert self._postings is not None
        scoring = ranking.merge_leaves(leaf for c in plan.clauses for leaf in c.scoring())
        ranked: list[tuple[int, float]] = []
        for tier_number, tier in enumerate(tiers):
            need = limit - len(ranked)
            if need <= 0:
                break
            tier_value = float(len(tiers) - tier_number)
            for bm25, doc in self._postings.top(scoring, tier, need):
                ranked.append((doc, tier_value + bm25 / (bm25 + 1.0) if bm25 > 0 else tier_value))
        return ranked, total

    # --- results ------------------------------------------------------------------

    def _hit(self, docnum: int, score: float, plan: Plan) -> Hit:
        stored = self._searcher.stored_fields(docnum)
        text = stored.get("text", "")
        spans = snippets.match_spans(text, plan.highlight, plan.phrases)
        snippet = snippets.render(text, spans)
        if not spans and stored.get("cites"):
            cite_spans = snippets.match_spans(stored["cites"], plan.highlight, plan.phrases)
            if cite_spans:
                head = snippets.render(text, [], width=120)
                cite = snippets.render(stored["cites"], cite_spans, width=140)
                snippet = f"{head} [source: {cite}]"
        terms = tuple(dict.fromkeys(text[s:e] for s, e in spans))
        return Hit(
            article=stored.get("article", ""),
            anchor=stored.get("anchor", ""),
            title=stored.get("article_title", ""),
            section=stored.get("section") or None,
            text=text,
            snippet=snippet,
            themes=tuple(stored.get("themes", "").split()),
            score=round(score, 6),
            kind=stored.get("kind", "paragraph"),
            terms=terms,
            spans=tuple(spans),
        )

    def _suggest(self, query: str, parsed: ParsedQuery) -> list[str]:
        vocabulary = self._vocabulary
        if vocabulary is None:
            return []
        typed: list[str] = []

        def collect(atom: Atom) -> None:
            if isinstance(atom, Word) and not atom.prefix:
                typed.append(atom.text)
            elif isinstance(atom, PhraseAtom):
                typed.extend(atom.text.split())
            elif isinstance(atom, Group):
                for item in atom.items:
                    collect(item)

        for atom in parsed.include:
            collect(atom)
        corrections: dict[str, list[str]] = {}
        for word in dict.fromkeys(typed):
            unknown = False
            for group in _word_groups(analyse(word)):
                head = group[0]
                if vocabulary.known(head.key, head.term):
                    continue
                parts = group[1:]
                if not parts or any(not vocabulary.known(t.key, t.term) for t in parts):
                    unknown = True
            if unknown:
                candidates = vocabulary.corrections(word.strip(".,;:!?'\"\u2019"))
                if candidates:
                    corrections[word] = candidates
        if not corrections:
            return []
        suggestions = [
            querylang.unparse_word_replacements(
                query, {word: options[0] for word, options in corrections.items()}
            )
        ]
        first_word, first_options = next(iter(corrections.items()))
        for option in first_options[1:]:
            replacements = {word: options[0] for word, options in corrections.items()}
            replacements[first_word] = option
            suggestions.append(querylang.unparse_word_replacements(query, replacements))
        return list(dict.fromkeys(s for s in suggestions if s.strip() != query.strip()))[:3]
