"""A start-up cache of the loaded library and its rendered articles (JSON, never pickle).

Parsing every article's Markdown and YAML, and importing the parsers, costs more than
painting the window. The reader therefore keeps, in the user cache directory, the
loaded :class:`~jpbrief.core.model.Library` and each article's rendered HTML (without
style sheet and theme marking), keyed by a fingerprint of every file the loader reads
(path, link target, size, modification time) and the jpbrief version, kept and compared whole
(a hash would only add ``hashlib``'s import to the start-up). Any change, or any
unreadable or unexpected cache, means a normal load; the cache is rewritten after the
first paint. Like the search index, it is a cache and never a source of truth.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from jpbrief import __version__
from jpbrief.core.content_files import list_content, stat_lines
from jpbrief.core.model import (
    Acronym,
    Article,
    CrossRef,
    Footnote,
    Glossary,
    Library,
    Passage,
    Problem,
    Source,
    Theme,
)

FORMAT = 2
FILE_NAME = "library.json"


def fingerprint(content_dir: Path) -> str:
    """jpbrief's version, the content folder, and each file the loader reads: its path,
    link target, size and mtime (see :func:`jpbrief.core.content_files.stat_lines`)."""
    lines = stat_lines(list_content(content_dir))
    return "\n".join([f"jpbrief {__version__} cache {FORMAT}", str(content_dir.resolve()), *lines])


def _library_to_json(library: Library) -> dict[str, Any]:
    return {
        "articles": [
            {
                "id": a.id, "title": a.title, "author": a.author, "publisher": a.publisher,
                "published": a.published, "disclaimer": a.disclaimer, "path": a.path,
                "passages": [
                    {
                        "anchor": p.anchor, "kind": p.kind, "markdown": p.markdown, "text": p.text,
                        "section": p.section, "themes": list(p.themes), "role": p.role, "line": p.line,
                        "footnotes": [[f.number, f.source_id] for f in p.footnotes],
                        "crossrefs": [[r.article, r.anchor] for r in p.crossrefs],
                    }
                    for p in a.passages
                ],
            }
            for a in library.articles
        ],
        "sources": [
            {"id": s.id, "citation": s.citation, "kind": s.kind, "authors": list(s.authors),
             "title": s.title, "publisher": s.publisher, "date": s.date, "accessed": s.accessed,
             "url": s.url}
            for s in library.sources.values()
        ],
        "themes": [{"id": t.id, "label": t.label, "description": t.description}
                   for t in library.themes.values()],
        "acronyms": [[a.term, a.expansion] for a in library.glossary.acronyms],
        "synonyms": [list(group) for group in library.glossary.synonyms],
        "problems": [[p.path, p.line, p.message] for p in library.problems],
        "skipped": list(library.skipped),
    }


def _library_from_json(data: dict[str, Any]) -> Library:
    articles = tuple(
        Article(
            id=a["id"], title=a["title"], author=a["author"], publisher=a["publisher"],
            published=a["published"], disclaimer=a["disclaimer"], path=a["path"],
            passages=tuple(
                Passage(
                    anchor=p["anchor"], kind=p["kind"], markdown=p["markdown"], text=p["text"],
                    section=p["section"], themes=tuple(p["themes"]), role=p["role"], line=p["line"],
                    footnotes=tuple(Footnote(int(n), str(s)) for n, s in p["footnotes"]),
                    crossrefs=tuple(CrossRef(str(ar), str(an)) for ar, an in p["crossrefs"]),
                )
                for p in a["passages"]
            ),
        )
        for a in data["articles"]
    )
    sources = {
        s["id"]: Source(id=s["id"], citation=s["citation"], kind=s["kind"], authors=tuple(s["authors"]),
                        title=s["title"], publisher=s["publisher"], date=s["date"],
                        accessed=s["accessed"], url=s["url"])
        for s in data["sources"]
    }
    themes = {t["id"]: Theme(t["id"], t["label"], t["description"]) for t in data["themes"]}
    glossary = Glossary(
        acronyms=tuple(Acronym(str(t), str(e)) for t, e in data["acronyms"]),
        synonyms=tuple(tuple(group) for group in data["synonyms"]),
    )
    return Library(
        articles=articles, sources=sources, themes=themes, glossary=glossary,
        problems=tuple(Problem(str(p), int(n), str(m)) for p, n, m in data["problems"]),
        skipped=tuple(data["skipped"]),
    )


def load(
    content_dir: Path, cache_root: Path, stamp: str | None = None
) -> tuple[Library, dict[str, str]] | None:
    """The cached library and rendered articles, if the cache matches the content
    (``stamp``: its fingerprint, if already taken)."""
    try:
        data = json.loads((cache_root / FILE_NAME).read_text(encoding="utf-8"))
        if data.get("fingerprint") != (stamp if stamp is not None else fingerprint(content_dir)):
            return None
        html = {str(k): str(v) for k, v in data["html"].items()}
        return _library_from_json(data["library"]), html
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def save(content_dir: Path, cache_root: Path, library: Library, html: dict[str, str], *,
         stamp: str | None = None) -> bool:
    """Write the cache atomically; False (and no cache) if that is not possible.

    ``stamp``: the content's fingerprint taken *before* ``library`` was loaded. Taken now,
    after the load, a file edited in between would be cached as its older version under
    the newer fingerprint, and served stale until the next edit.
    """
    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        stamp = stamp if stamp is not None else fingerprint(content_dir)
        payload = {"fingerprint": stamp, "library": _library_to_json(library),
                   "html": html}
        temporary = cache_root / f".{FILE_NAME}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, cache_root / FILE_NAME)
        return True
    except OSError:
        return False


def with_css(html: str, css: str) -> str:
    """Put a style sheet into HTML rendered without one."""
    return html.replace("<head></head>", f"<head><style>{css}</style></head>", 1) if css else html
